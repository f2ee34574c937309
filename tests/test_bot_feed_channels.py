"""Feeds per channel in the store: following, unfollowing and listing per channel, digest
runs started per channel (one per slot each), and migration 004 assigning the feeds of
before to the server's digest channel."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.discord.cogs.digest import _followed_in
from bot.store.access import Store, to_epoch
from bot.store.db import Database, migrations
from bot.store.feeds import Feeds, WatchedFeed
from bot.store.guilds import GuildConfig, Guilds
from bot.store.posts import Ledger
from bot.store.queue import Queue
from summarizers.feeds import FeedEntry

NOW = dt.datetime(2026, 11, 21, 6, 0, tzinfo=dt.UTC)
GUILD, OTHER = 1, 2
NEWS, SPORT, DIGEST = 10, 11, 12
GAZETTE, WIRE = "https://gazette.test/rss", "https://wire.test/atom"


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    async with Database(tmp_path / "bot.sqlite3") as db:
        yield Store(db)


def entry(guid: str, url: str) -> FeedEntry:
    return FeedEntry(guid=guid, url=url, title=guid, published=NOW)


async def seen(feeds: Feeds, feed: WatchedFeed, entries: list[FeedEntry]) -> int:
    """A successful poll showing `entries`; how many were queued."""
    queued, _left_out = await feeds.record_success(
        feed,
        entries,
        title=None,
        etag=None,
        last_modified=None,
        now=NOW,
        next_poll_at=NOW,
        queue_after=NOW - dt.timedelta(days=1),
    )
    return queued


async def follow(feeds: Feeds, guild: int, channel: int, url: str) -> bool:
    return await feeds.add(guild, channel, url, url, None, NOW)


async def listed(feeds: Feeds, guild: int = GUILD) -> list[tuple[int | None, str]]:
    return [(f.channel_id, f.url) for f in await feeds.of_guild(guild)]


@pytest.mark.parametrize(
    ("follows", "removes", "left"),
    [
        # One feed in two channels is two follows; removing it in one keeps the other.
        ([(NEWS, GAZETTE), (SPORT, GAZETTE)], [(NEWS, GAZETTE, True)], [(SPORT, GAZETTE)]),
        # A channel follows a feed once.
        ([(NEWS, GAZETTE), (NEWS, GAZETTE)], [], [(NEWS, GAZETTE)]),
        # Removing in a channel that does not follow it changes nothing.
        ([(NEWS, GAZETTE)], [(SPORT, GAZETTE, False)], [(NEWS, GAZETTE)]),
        # Listed by channel, each channel's oldest first.
        (
            [(SPORT, WIRE), (NEWS, GAZETTE), (SPORT, GAZETTE)],
            [],
            [(NEWS, GAZETTE), (SPORT, WIRE), (SPORT, GAZETTE)],
        ),
    ],
)
async def test_feeds_are_followed_per_channel(
    store: Store,
    follows: list[tuple[int, str]],
    removes: list[tuple[int, str, bool]],
    left: list[tuple[int, str]],
) -> None:
    feeds = Feeds(store)
    added = [await follow(feeds, GUILD, channel, url) for channel, url in follows]
    assert added == [follows.index(f) == n for n, f in enumerate(follows)]
    await follow(feeds, OTHER, NEWS, WIRE)  # another server's feed is not listed
    for channel, url, removed in removes:
        assert await feeds.remove(GUILD, channel, url) is removed
    assert await listed(feeds) == left


async def test_each_channel_gets_its_own_entries_once(store: Store) -> None:
    feeds, queue = Feeds(store), Queue(store)
    await follow(feeds, GUILD, NEWS, GAZETTE)
    await follow(feeds, GUILD, SPORT, WIRE)
    gazette, wire = await feeds.of_guild(GUILD)
    shared = entry("g-1", "https://e.test/shared")
    for feed, entries, queued in (
        (gazette, [shared, entry("g-2", "https://e.test/news")], 2),
        # Another channel's feed carrying the same story: #sport gets it too.
        (wire, [entry("w-1", "https://e.test/shared"), entry("w-2", "https://e.test/sport")], 2),
        (gazette, [shared], 0),  # polled again: nothing new for #news
    ):
        assert await seen(feeds, feed, entries) == queued
    await queue.add(GUILD, "https://e.test/hand", "https://e.test/hand", 5, NOW)
    await Guilds(store).set_digest_channel(GUILD, DIGEST, thread=True)
    runs = await Ledger(store).start_runs(GUILD, DIGEST, "s", NOW.date(), NOW)
    got = {
        run.channel_id: (run.slot, run.threaded, [i.url for i in await Ledger(store).items(run.id)])
        for run in runs
    }
    assert got == {
        NEWS: ("s@10", False, ["https://e.test/shared", "https://e.test/news"]),
        SPORT: ("s@11", False, ["https://e.test/shared", "https://e.test/sport"]),
        DIGEST: ("s@12", True, ["https://e.test/hand"]),
    }
    assert await Ledger(store).start_runs(GUILD, DIGEST, "s", NOW.date(), NOW) == []


async def test_links_for_an_unset_digest_channel_wait(store: Store) -> None:
    feeds, queue, ledger = Feeds(store), Queue(store), Ledger(store)
    await follow(feeds, GUILD, NEWS, GAZETTE)
    [feed] = await feeds.of_guild(GUILD)
    await seen(feeds, feed, [entry("g-1", "https://e.test/news")])
    await queue.add(GUILD, "https://e.test/hand", "https://e.test/hand", 5, NOW)
    [run] = await ledger.start_runs(GUILD, None, "s", NOW.date(), NOW)
    assert run.channel_id == NEWS
    assert [link.url for link in await queue.pending(GUILD)] == ["https://e.test/hand"]
    [later] = await ledger.start_runs(GUILD, DIGEST, "t", NOW.date(), NOW)
    assert (later.channel_id, [i.url for i in await ledger.items(later.id)]) == (
        DIGEST,
        ["https://e.test/hand"],
    )


def version_3(path: Path) -> None:
    """A database as migrations 1-3 left it, with a server's feed, an entry it queued and a
    feed of a server without a digest channel."""
    conn = sqlite3.connect(path, isolation_level=None)
    for number, sql in migrations()[:3]:
        conn.executescript(sql)
        conn.execute(f"PRAGMA user_version={number}")
    at = to_epoch(NOW)
    conn.executescript(
        f"""
        INSERT INTO guild_settings (guild_id, digest_channel_id) VALUES ({GUILD}, {DIGEST});
        INSERT INTO feeds (id, guild_id, url, norm_url, added_at, last_success_at)
            VALUES (1, {GUILD}, '{GAZETTE}', '{GAZETTE}', {at}, {at}),
                   (2, {OTHER}, '{WIRE}', '{WIRE}', {at}, NULL);
        INSERT INTO feed_entries (feed_id, guild_id, guid, url, norm_url, seen_at)
            VALUES (1, {GUILD}, 'g-1', 'https://e.test/1', 'https://e.test/1', {at});
        INSERT INTO queue (guild_id, url, norm_url, added_at)
            VALUES ({GUILD}, 'https://e.test/1', 'https://e.test/1', {at});
        """
    )
    conn.close()


async def test_migration_assigns_feeds_to_the_digest_channel(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    version_3(path)
    async with Database(path) as db:
        store = Store(db)
        feeds = Feeds(store)
        assert await listed(feeds) == [(DIGEST, GAZETTE)]
        assert await listed(feeds, OTHER) == [(None, WIRE)]  # the digest channel, once set
        [gazette] = await feeds.of_guild(GUILD)
        assert gazette.succeeded  # its polling state is kept
        # The entry seen before stays known in its channel, and the link it queued goes to
        # the digest channel's run.
        assert await seen(feeds, gazette, [entry("g-1", "https://e.test/1")]) == 0
        [run] = await Ledger(store).start_runs(GUILD, DIGEST, "s", NOW.date(), NOW)
        assert run.channel_id == DIGEST
        assert [i.url for i in await Ledger(store).items(run.id)] == ["https://e.test/1"]
        rows = await store.fetchall("SELECT feed_id, channel_id FROM feed_entries")
        assert [tuple(r) for r in rows] == [(1, DIGEST)]
        # Removing the feed keeps its entries known (the foreign key survived the rebuild).
        assert await feeds.remove(GUILD, DIGEST, GAZETTE)
        rows = await store.fetchall("SELECT feed_id, channel_id FROM feed_entries")
        assert [tuple(r) for r in rows] == [(None, DIGEST)]


@pytest.mark.parametrize(
    ("feed_channel", "digest_channel", "asked", "found"),
    [
        (NEWS, DIGEST, NEWS, True),
        (NEWS, DIGEST, SPORT, False),
        # Followed before feeds had channels: it posts in the digest channel...
        (None, DIGEST, DIGEST, True),
        (None, DIGEST, NEWS, False),
        # ...and, while there is none, any channel may claim it (to remove it, say).
        (None, None, NEWS, True),
    ],
)
async def test_which_feeds_post_in_a_channel(
    store: Store, feed_channel: int | None, digest_channel: int | None, asked: int, found: bool
) -> None:
    await store.execute(
        "INSERT INTO feeds (guild_id, channel_id, url, norm_url, added_at) VALUES (?, ?, ?, ?, 0)",
        (GUILD, feed_channel, GAZETTE, GAZETTE),
    )
    feeds = await Feeds(store).of_guild(GUILD)
    config = GuildConfig(GUILD, digest_channel_id=digest_channel)
    assert bool(_followed_in(feeds, GAZETTE, asked, config)) is found
    assert _followed_in(feeds, WIRE, asked, config) == []
