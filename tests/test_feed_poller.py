"""Polling feeds on a real SQLite file against the hermetic feed server: conditional GET,
entries queued once (by GUID and by link, across feeds and restarts), backoff, an outage
that loses nothing, and one notice after five failures in a row."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from aiohttp import web as aioweb

from bot.feed_poller import FAILURES_TO_REPORT, FeedNotice, FeedPoller, backoff
from bot.store.access import Store
from bot.store.db import Database
from bot.store.feeds import Feeds
from bot.store.queue import Queue
from summarizers.fetch import normalize_url
from tests.servers.feeds import FeedSite, Item
from tests.servers.web import WebServer

GUILD, NEWS, SPORT = 7, 70, 71
START = dt.datetime(2026, 11, 21, 6, 0, tzinfo=dt.UTC)
INTERVAL = dt.timedelta(minutes=15)


@dataclass
class Clock:
    now: dt.datetime = START

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, delta: dt.timedelta) -> None:
        self.now += delta


@dataclass
class Notices:
    said: list[FeedNotice] = field(default_factory=list)

    async def __call__(self, notice: FeedNotice) -> bool:
        self.said.append(notice)
        return True


@dataclass
class Setup:
    web: WebServer
    site: FeedSite
    clock: Clock
    notices: Notices
    path: Path

    @asynccontextmanager
    async def poller(self) -> AsyncIterator[tuple[FeedPoller, Feeds, Queue]]:
        """A poller on the database file (a new one is a restart)."""
        async with Database(self.path) as db:
            store = Store(db)
            feeds = Feeds(store)
            poller = FeedPoller(
                feeds,
                self.web.options(),
                self.clock,
                interval=INTERVAL,
                concurrency=4,
                notify=self.notices,
            )
            yield poller, feeds, Queue(store)

    async def follow(self, url: str, channel: int = NEWS) -> None:
        async with self.poller() as (_poller, feeds, _queue):
            assert await feeds.add(GUILD, channel, url, normalize_url(url), None, self.clock())


@pytest.fixture
async def setup(tmp_path: Path) -> AsyncIterator[Setup]:
    async with WebServer() as web:
        yield Setup(web, FeedSite(web), Clock(), Notices(), tmp_path / "bot.sqlite3")


async def queued(setup: Setup) -> list[str]:
    async with setup.poller() as (_poller, _feeds, queue):
        return [link.url for link in await queue.pending(GUILD)]


async def test_new_entries_are_queued_once_across_polls_feeds_and_restarts(setup: Setup) -> None:
    web, site, clock = setup.web, setup.site, setup.clock
    recent, old = START - dt.timedelta(hours=2), START - dt.timedelta(days=3)
    first = site.feed(
        "/a.xml",
        [
            Item("Recent", web.url("/recent"), "a-1", recent),
            Item("Backlog", web.url("/old"), "a-2", old),
        ],
    )
    await setup.follow(first)
    async with setup.poller() as (poller, _feeds, _queue):
        assert await poller.poll_due() == 1  # the backlog of a new feed is not news
        assert await poller.poll_due() == 0  # not due again before the interval
    assert await queued(setup) == [web.url("/recent")]

    clock.advance(INTERVAL)
    async with setup.poller() as (poller, _feeds, _queue):  # a restart
        assert await poller.poll_due() == 0
    assert site.hits("/a.xml") == 2
    assert web.requests[-1].headers.get("If-None-Match")  # answered 304

    # A new entry, and a second feed carrying it (another GUID, tracking parameters) and
    # one already seen: the new one is queued once.
    site.items["/a.xml"].append(Item("New", web.url("/new"), "a-3", START))
    second = site.feed(
        "/b.atom",
        [
            Item("Same", web.url("/new?utm_source=b"), "b-1", START),
            Item("Seen", web.url("/recent"), "b-2", recent),
        ],
        "atom",
    )
    await setup.follow(second)
    clock.advance(INTERVAL)
    async with setup.poller() as (poller, _feeds, _queue):
        assert await poller.poll_due() == 1
    # Whichever feed was read first gave its spelling of the link.
    assert [normalize_url(u) for u in await queued(setup)] == [web.url("/recent"), web.url("/new")]


async def test_an_outage_backs_off_is_reported_once_and_loses_nothing(setup: Setup) -> None:
    web, site, clock = setup.web, setup.site, setup.clock
    url = site.feed("/news.xml", [Item("Before", web.url("/before"), "n-1", START)])
    await setup.follow(url)
    async with setup.poller() as (poller, feeds, _queue):
        await poller.poll_due()
        handler = web.routes["/news.xml"]

        async def down(request: aioweb.BaseRequest) -> aioweb.StreamResponse:
            return aioweb.Response(status=503, text="maintenance")

        web.routes["/news.xml"] = down
        waits = []
        for _ in range(FAILURES_TO_REPORT + 1):
            [feed] = await feeds.of_guild(GUILD)
            clock.now = max(clock.now, feed.next_poll_at)
            await poller.poll_due()
            [after] = await feeds.of_guild(GUILD)
            waits.append(after.next_poll_at - clock.now)
        assert waits == [backoff(INTERVAL, n) for n in range(1, FAILURES_TO_REPORT + 2)]
        assert after.failures == FAILURES_TO_REPORT + 1 and "503" in (after.last_error or "")
        # Reported once, at the fifth failure, not at the sixth.
        assert [(n.url, n.channel_id, n.failures) for n in setup.notices.said] == [
            (url, NEWS, FAILURES_TO_REPORT)
        ]
        assert "server error (503)" in setup.notices.said[0].text()

        # Published during the outage, seen when the feed is back: queued.
        site.items["/news.xml"].append(Item("During", web.url("/during"), "n-2", START))
        web.routes["/news.xml"] = handler
        clock.now = after.next_poll_at
        assert await poller.poll_due() == 1
        [healthy] = await feeds.of_guild(GUILD)
        assert healthy.failures == 0 and not healthy.failure_reported
    assert await queued(setup) == [web.url("/before"), web.url("/during")]


async def test_a_feed_redirecting_to_a_private_address_fails_without_connecting(
    setup: Setup,
) -> None:
    url = setup.web.redirect("/moved.xml", "http://192.168.1.1/feed.xml")
    await setup.follow(url)
    async with setup.poller() as (poller, feeds, _queue):
        assert await poller.poll_due() == 0
        [feed] = await feeds.of_guild(GUILD)
    assert feed.failures == 1 and "private network address" in (feed.last_error or "")
    assert setup.web.connections.hosts == {"127.0.0.1"}


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"<rss version='2.0'><channel><item><title>cut", "not well-formed"),
        (b"<html><body><p>Just a page</p></body></html>", "not an RSS or Atom feed"),
    ],
)
async def test_a_broken_feed_is_a_failed_poll(setup: Setup, body: bytes, reason: str) -> None:
    url = setup.web.page("/broken.xml", body, content_type="application/rss+xml")
    await setup.follow(url)
    async with setup.poller() as (poller, feeds, _queue):
        await poller.poll_due()
        [feed] = await feeds.of_guild(GUILD)
    assert feed.failures == 1 and reason in (feed.last_error or "")
