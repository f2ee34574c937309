"""End to end through the Discord stand-in: the link watcher and the daily digest — its
timing by a manual clock, a REST 429, a restart in the middle, a digest missed while down."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import pytest

from tests.discord_stub.bot_harness import (
    ANSWER_TIMEOUT,
    BRIDGE_STORY,
    World,
    assert_nobody_pinged,
    e2e_world,
    embed_text,
)
from tests.discord_stub.limits import message_errors
from tests.discord_stub.state import StoredMessage
from tests.story_cases import CASES

MESSAGES_ROUTE = "/channels/{channel_id}/messages"
# 2026-03-29 is the day Europe/Berlin moves to summer time: 08:00 there is 06:00 UTC,
# not the 07:00 UTC it was the day before.
DAY_BEFORE_DST = dt.datetime(2026, 3, 28, 12, 0, tzinfo=dt.UTC)
DIGEST_DUE = dt.datetime(2026, 3, 29, 6, 0, tzinfo=dt.UTC)
SETTLE = 0.5  # how long to watch for a message that must not come


# Twelve different stories: the bridge vote, then the story cases (none another's copy, so
# each is its own digest item).
TEXTS = [BRIDGE_STORY, *(text for c in CASES for text in (c.event, c.same_team, c.other))]


def stories(world: World, count: int) -> list[str]:
    """Serve `count` articles, each a different story; their URLs."""
    return [
        world.article(f"/story-{n}/", f"News of the day, part {n}", TEXTS[n - 1])
        for n in range(1, count + 1)
    ]


async def schedule_digest(world: World, links: list[str]) -> None:
    """Digest in #news daily at 08:00 Europe/Berlin, with `links` queued."""
    await world.command("digest channel", {"channel": world.stub.channel("news")})
    await world.command("digest time", {"time": "08:00", "timezone": "Europe/Berlin"})
    for link in links:
        await world.command("digest add", {"url": link})


def times_shown(messages: list[StoredMessage], url: str) -> int:
    """In how many embeds of `messages` the story at `url` appears."""
    return sum(1 for m in messages for e in m.embeds if e.get("url") == url)


async def wait_for_stories(world: World, links: list[str]) -> list[StoredMessage]:
    """Wait until every link is shown in #news; the channel's messages."""

    def complete() -> list[StoredMessage] | None:
        # Every link shown, as a story or listed as failed: the digest is out.
        messages = world.stub.messages_in("news")
        text = "\n".join(embed_text(m) for m in messages)
        return messages if all(u in text for u in links) else None

    return await world.stub.state.wait_for(complete, ANSWER_TIMEOUT)


def assert_posted_once(messages: list[StoredMessage], links: list[str]) -> None:
    """One header first, every story exactly once, no message twice, all within limits."""
    assert messages and not messages[0].embeds and messages[0].content, "no header first"
    for message in messages:
        assert message_errors(message.data) == [], message.id
    headers = [m for m in messages if not m.embeds]
    assert len(headers) == 1, [m.content for m in headers]
    for url in links:
        assert times_shown(messages, url) == 1, url
    bodies = [embed_text(m) for m in messages]
    assert len(bodies) == len(set(bodies)), "a message was posted twice"


async def test_link_posted_in_the_watched_channel_is_queued(tmp_path: Path) -> None:
    async with e2e_world(tmp_path, DAY_BEFORE_DST) as world, world.bot():
        [watched, elsewhere] = stories(world, 2)
        await world.command("digest watch", {"channel": world.stub.channel("links")})
        await world.stub.dispatch_message("links", f"Have a look: {watched}!", author="reader")
        await world.stub.dispatch_message("general", f"Not for the digest: {elsewhere}")
        await asyncio.sleep(SETTLE)
        shown = await world.command("digest show", user="reader")
        assert watched in shown.content
        assert elsewhere not in shown.content


async def test_without_message_content_only_links_mentioning_the_bot_are_queued(
    tmp_path: Path,
) -> None:
    async with (
        e2e_world(tmp_path, DAY_BEFORE_DST, discord_message_content=False) as world,
        world.bot(),
    ):
        [unseen, mentioned] = stories(world, 2)
        await world.command("digest watch", {"channel": world.stub.channel("links")})
        bot_mention = f"<@{world.stub.world.bot.id}>"
        await world.stub.dispatch_message("links", f"Have a look: {unseen}")
        await world.stub.dispatch_message("links", f"{bot_mention} queue {mentioned} please")
        await asyncio.sleep(SETTLE)
        shown = await world.command("digest show", user="reader")
        assert mentioned in shown.content
        assert unseen not in shown.content


async def test_daily_digest_fires_at_its_local_time(tmp_path: Path) -> None:
    async with e2e_world(tmp_path, DAY_BEFORE_DST) as world, world.bot() as bot:
        links = stories(world, 2)
        missing = world.web.url("/gone")
        # The same story again with tracking parameters and a fragment: queued once.
        again = f"{links[0]}?utm_source=newsletter&utm_medium=email#top"
        await schedule_digest(world, [*links, again, missing])
        world.clock.set(DIGEST_DUE - dt.timedelta(seconds=30))
        bot.scheduler.wake()
        await asyncio.sleep(SETTLE)
        assert world.stub.messages_in("news") == [], "posted before its time"
        world.clock.set(DIGEST_DUE + dt.timedelta(seconds=5))
        bot.scheduler.wake()
        await wait_for_stories(world, links)
        await bot.scheduler.drain()
        bot.scheduler.wake()  # the same day's digest must not come again
        await asyncio.sleep(SETTLE)
        messages = world.stub.messages_in("news")
        assert_posted_once(messages, links)
        # The story that failed is listed with its reason, not dropped.
        [failed] = [m for m in messages if missing in embed_text(m)]
        assert len(embed_text(failed)) > len(missing) + 20
        assert_nobody_pinged(world.stub)


async def test_digest_now_posts_what_is_left_in_the_queue(tmp_path: Path) -> None:
    async with e2e_world(tmp_path, DAY_BEFORE_DST) as world, world.bot() as bot:
        [kept, removed] = stories(world, 2)
        await world.command("digest channel", {"channel": world.stub.channel("news")})
        await world.command("digest add", {"url": kept})
        await world.command("digest add", {"url": removed})
        await world.command("digest remove", {"url": removed})
        answer = await world.command("digest now")
        assert answer.ephemeral
        messages = await wait_for_stories(world, [kept])
        await bot.scheduler.drain()
        assert_posted_once(world.stub.messages_in("news"), [kept])
        assert times_shown(messages, removed) == 0
        posted = len(world.stub.messages_in("news"))
        again = await world.command("digest now")  # the queue is empty now
        assert again.ephemeral
        # Turned off, the daily digest does not come at its time.
        await world.command("digest time", {"time": "08:00", "timezone": "Europe/Berlin"})
        await world.command("digest off")
        await world.command("digest add", {"url": removed})
        world.clock.set(DIGEST_DUE + dt.timedelta(seconds=5))
        bot.scheduler.wake()
        await asyncio.sleep(SETTLE)
        assert len(world.stub.messages_in("news")) == posted


async def test_rate_limit_is_waited_out_and_the_digest_posted_once(tmp_path: Path) -> None:
    async with e2e_world(tmp_path, DAY_BEFORE_DST) as world, world.bot() as bot:
        links = stories(world, 2)
        await schedule_digest(world, links)
        world.stub.rate_limit_next("POST", MESSAGES_ROUTE, retry_after=1.0)
        world.clock.set(DIGEST_DUE)
        bot.scheduler.wake()
        messages = await wait_for_stories(world, links)
        await bot.scheduler.drain()
        posts = [r for r in world.stub.requests if r.route == MESSAGES_ROUTE]
        assert [r.status for r in posts[:2]] == [429, 200]
        assert posts[1].time - posts[0].time >= 1.0
        assert_posted_once(messages, links)


@pytest.mark.parametrize("discord_got_it", [False, True], ids=["lost", "unanswered"])
async def test_restart_mid_digest_posts_the_rest_once(tmp_path: Path, discord_got_it: bool) -> None:
    """Stop the bot while it posts the digest's second message (the header is out, a third
    is still to come), then start a new one on the same database. `lost`: the request never
    reached Discord; `unanswered`: Discord made the message but the answer never arrived.
    Discord has forgotten the nonces by the restart (it keeps them a few minutes), so only
    the bot's own record can prevent a repeat."""
    async with e2e_world(tmp_path, DAY_BEFORE_DST, stub_options={"nonce_window": 0}) as world:
        links = stories(world, 12)  # more than 10 embeds: two story messages
        async with world.bot() as bot:
            await schedule_digest(world, links)
            stall = world.stub.stall_next(
                "POST", MESSAGES_ROUTE, skip=1, after_handling=discord_got_it
            )
            world.clock.set(DIGEST_DUE)
            bot.scheduler.wake()
            await asyncio.wait_for(stall.reached.wait(), ANSWER_TIMEOUT)
        posted_before = len(world.stub.messages_in("news"))
        assert posted_before == (2 if discord_got_it else 1)
        async with world.bot() as bot:
            messages = await wait_for_stories(world, links)
            await bot.scheduler.drain()
            await asyncio.sleep(SETTLE)
        assert len(messages) >= 3
        assert_posted_once(world.stub.messages_in("news"), links)


async def test_digest_missed_while_down_is_posted_once_on_start(tmp_path: Path) -> None:
    async with e2e_world(tmp_path, DAY_BEFORE_DST) as world:
        links = stories(world, 2)
        async with world.bot():
            await schedule_digest(world, links)
        world.clock.set(DIGEST_DUE + dt.timedelta(hours=3))
        async with world.bot() as bot:
            await wait_for_stories(world, links)
            await bot.scheduler.drain()
        async with world.bot():
            await asyncio.sleep(SETTLE)
        assert_posted_once(world.stub.messages_in("news"), links)


async def test_a_message_in_doubt_is_found_however_busy_the_channel_became(
    tmp_path: Path,
) -> None:
    """Discord made the header but its answer never arrived; then members wrote 150 messages
    in the channel before the bot came back. The header is found beyond the latest 100
    messages, and not posted again."""
    async with e2e_world(tmp_path, DAY_BEFORE_DST, stub_options={"nonce_window": 0}) as world:
        links = stories(world, 2)
        async with world.bot() as bot:
            await schedule_digest(world, links)
            stall = world.stub.stall_next("POST", MESSAGES_ROUTE, after_handling=True)
            world.clock.set(DIGEST_DUE)
            bot.scheduler.wake()
            await asyncio.wait_for(stall.reached.wait(), ANSWER_TIMEOUT)
        for n in range(150):
            await world.stub.dispatch_message("news", f"chatter {n}")
        async with world.bot() as bot:
            await wait_for_stories(world, links)
            await bot.scheduler.drain()
            await asyncio.sleep(SETTLE)
        bot_id = world.stub.world.bot.id
        ours = [m for m in world.stub.messages_in("news") if m.author_id == bot_id]
        assert_posted_once(ours, links)
