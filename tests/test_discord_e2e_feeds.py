"""End to end through the Discord stand-in: feeds followed per channel, their new entries in
each channel's daily digest (the digest channel's with the queued links), one story told by
two outlets as one item, nothing posted twice across a restart, and a failing feed reported
once in its channel."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

from aiohttp import web as aioweb

from bot.feed_poller import FAILURES_TO_REPORT
from tests.discord_stub.bot_harness import BRIDGE_STORY, World, assert_nobody_pinged, e2e_world
from tests.servers.feeds import FeedSite, Item
from tests.story_cases import CASES

START = dt.datetime(2026, 3, 28, 12, 0, tzinfo=dt.UTC)
DUE = dt.datetime(2026, 3, 29, 6, 0, 5, tzinfo=dt.UTC)  # 08:00 in Berlin, summer time
SETTLE = 0.5
WIRE = ["HARBOUR CITY (Wire) - " + BRIDGE_STORY[0], *BRIDGE_STORY[1:6], "Reporting by the desk."]


def serve_outlets(world: World, site: FeedSite) -> dict[str, str]:
    """The Gazette's feed (RSS) and a wire service's (Atom), both carrying the bridge vote."""
    recent = START - dt.timedelta(hours=1)
    web = world.web
    urls = {
        "bridge": world.article(
            "/gazette/bridge", "Council votes to rebuild the bridge", BRIDGE_STORY
        ),
        "wire": world.article("/wire/bridge", "BRIDGE TO BE REBUILT", WIRE),
        "storm": world.article("/gazette/storm", CASES[0].other_headline, CASES[0].other),
        "gone": web.url("/gazette/gone"),
    }
    urls["gazette_feed"] = site.feed(
        "/gazette.xml",
        [
            Item("Bridge", urls["bridge"], "g-1", recent),
            Item("Storm", urls["storm"], "g-2", recent),
            Item("Gone", urls["gone"], "g-3", recent),
        ],
    )
    urls["wire_feed"] = site.feed(
        "/wire.atom", [Item("Bridge", urls["wire"], "w-1", recent)], "atom"
    )
    return urls


def story_embeds(world: World, channel: str = "news") -> list[dict[str, object]]:
    return [e for m in world.stub.messages_in(channel) for e in m.embeds if e.get("url")]


def story_urls(world: World, channel: str) -> list[object]:
    return [e["url"] for e in story_embeds(world, channel)]


async def test_feeds_entries_reach_the_digest_once_as_stories(tmp_path: Path) -> None:
    async with e2e_world(tmp_path, START) as world:
        site = FeedSite(world.web)
        urls = serve_outlets(world, site)
        async with world.bot() as bot:
            news = world.stub.channel("news")
            await world.command("digest channel", {"channel": news})
            added = await world.command(
                "digest feed add", {"url": urls["gazette_feed"], "channel": news}
            )
            assert "Now following" in added.content and "Test news" in added.content
            await world.command("digest feed add", {"url": urls["wire_feed"], "channel": news})
            again = await world.command(
                "digest feed add", {"url": urls["wire_feed"], "channel": news}
            )
            assert "Already following" in again.content
            page = await world.command("digest feed add", {"url": urls["bridge"]})
            assert "not an RSS or Atom feed" in page.content
            listed = await world.command("digest feed list")
            assert urls["gazette_feed"] in listed.content and urls["wire_feed"] in listed.content
            shown = await world.command("digest show", user="reader")
            assert "2 feeds are read" in shown.content
            await world.command("digest now")
            await world.stub.state.wait_for(lambda: len(story_embeds(world)) >= 2, 30)
            await bot.scheduler.drain()
        embeds = story_embeds(world)
        # The bridge vote once, from both outlets; the storm; the missing page listed.
        assert [e["url"] for e in embeds] == [urls["bridge"], urls["storm"]]
        [sources] = [f["value"] for f in embeds[0]["fields"] if f["name"] == "Sources"]
        assert urls["bridge"] in sources and urls["wire"] in sources
        failed = [e for m in world.stub.messages_in("news") for e in m.embeds if not e.get("url")]
        assert urls["gone"] in str(failed)

        # A restart and another digest: the same entries are not posted again.
        posted = len(world.stub.messages_in("news"))
        world.clock.set(START + dt.timedelta(hours=1))
        async with world.bot() as bot:
            empty = await world.command("digest now")
            assert "queue is empty" in empty.content
            await asyncio.sleep(SETTLE)
            assert len(world.stub.messages_in("news")) == posted
            # The scheduled digest polls the feeds first: only the entry new since the last
            # digest is posted.
            await world.command("digest time", {"time": "08:00", "timezone": "Europe/Berlin"})
            urls["new"] = world.article("/gazette/new", CASES[1].other_headline, CASES[1].other)
            site.items["/gazette.xml"].append(Item("New", urls["new"], "g-4", START))
            world.clock.set(DUE)
            bot.scheduler.wake()
            await world.stub.state.wait_for(lambda: len(story_embeds(world)) >= 3, 30)
            await bot.scheduler.drain()
        assert [e["url"] for e in story_embeds(world)] == [
            urls["bridge"],
            urls["storm"],
            urls["new"],
        ]
        assert_nobody_pinged(world.stub)


async def test_a_feed_failing_five_times_is_reported_once(tmp_path: Path) -> None:
    async with e2e_world(tmp_path, START, feed_interval=60.0) as world:
        site = FeedSite(world.web)
        url = site.feed("/gazette.xml", [Item("Storm", world.web.url("/storm"), "g-1", START)])
        async with world.bot() as bot:
            await world.command("digest channel", {"channel": world.stub.channel("general")})
            # Followed in #news, so reported there, not in the digest channel.
            await world.command(
                "digest feed add", {"url": url, "channel": world.stub.channel("news")}
            )

            async def down(request: aioweb.BaseRequest) -> aioweb.StreamResponse:
                return aioweb.Response(status=500)

            world.web.routes["/gazette.xml"] = down
            for _ in range(FAILURES_TO_REPORT + 2):
                [feed] = await bot.feeds.of_guild(world.stub.world.guild.id)
                world.clock.set(max(world.clock(), feed.next_poll_at))
                await bot.feed_poller.poll_due()
            await asyncio.sleep(SETTLE)
        notices = [m for m in world.stub.messages_in("news") if url in m.content]
        assert len(notices) == 1 and "failed 5 times in a row" in notices[0].content
        assert not [
            m for m in world.stub.messages_in("general", ephemeral=False) if url in m.content
        ]
        assert_nobody_pinged(world.stub)


async def test_each_channel_gets_a_digest_of_its_own_feeds_once(tmp_path: Path) -> None:
    async with e2e_world(tmp_path, START) as world:
        site, recent = FeedSite(world.web), START - dt.timedelta(hours=1)
        story = {
            name: world.article(f"/{name}", headline, paragraphs)
            for name, headline, paragraphs in (
                ("match", CASES[0].event_headline, CASES[0].event),
                ("storm", CASES[0].other_headline, CASES[0].other),
                ("queued", CASES[1].other_headline, CASES[1].other),
                ("match2", CASES[2].event_headline, CASES[2].event),
                ("storm2", CASES[3].other_headline, CASES[3].other),
            )
        }
        gazette = site.feed("/gazette.xml", [Item("Match", story["match"], "g-1", recent)])
        weather = site.feed("/weather.atom", [Item("Storm", story["storm"], "w-1", recent)], "atom")
        news, links = world.stub.channel("news"), world.stub.channel("links")
        async with world.bot() as bot:
            await world.command("digest channel", {"channel": news})
            await world.command("digest time", {"time": "08:00", "timezone": "Europe/Berlin"})
            await world.command("digest feed add", {"url": gazette, "channel": news})
            await world.command("digest feed add", {"url": weather, "channel": links})
            await world.command("digest add", {"url": story["queued"]})
            listed = (await world.command("digest feed list")).content
            assert listed.index(f"<#{news.id}>") < listed.index(gazette)
            assert listed.index(f"<#{links.id}>") < listed.index(weather)
            only = (await world.command("digest feed list", {"channel": links})).content
            assert weather in only and gazette not in only
            # Without a channel, the one the command is used in (#general).
            general = world.stub.channel("general")
            old = START - dt.timedelta(days=3)  # backlog: not queued
            quiet = site.feed("/quiet.xml", [Item("Old", world.web.url("/old"), "q-1", old)])
            added = await world.command("digest feed add", {"url": quiet})
            assert "Now following" in added.content and f"<#{general.id}>" in added.content
            refused = await world.command("digest feed remove", {"url": weather})
            assert f"followed in <#{links.id}>" in refused.content
            removed = await world.command("digest feed remove", {"url": quiet})
            assert f"<#{general.id}> no longer follows" in removed.content
            world.clock.set(DUE)
            bot.scheduler.wake()
            await world.stub.state.wait_for(
                lambda: len(story_embeds(world, "news")) >= 2 and story_embeds(world, "links"), 30
            )
            await bot.scheduler.drain()
        assert sorted(story_urls(world, "news")) == sorted([story["match"], story["queued"]])
        assert story_urls(world, "links") == [story["storm"]]

        # A restart; each feed shows one new entry besides the old one; the next day's
        # digests post only the new ones, each in its feed's channel.
        site.items["/gazette.xml"].append(Item("Match 2", story["match2"], "g-2", DUE))
        site.items["/weather.atom"].append(Item("Storm 2", story["storm2"], "w-2", DUE))
        world.clock.set(DUE + dt.timedelta(days=1))
        async with world.bot() as bot:
            bot.scheduler.wake()
            await world.stub.state.wait_for(
                lambda: (
                    len(story_embeds(world, "news")) >= 3 and len(story_embeds(world, "links")) >= 2
                ),
                30,
            )
            await bot.scheduler.drain()
            await asyncio.sleep(SETTLE)
        assert story_urls(world, "news")[2:] == [story["match2"]]
        assert story_urls(world, "links") == [story["storm"], story["storm2"]]
        assert len(story_urls(world, "news")) == 3
        assert not story_embeds(world, "general")
        assert_nobody_pinged(world.stub)
