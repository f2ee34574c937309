"""Each channel's feeds and the entries they have shown (migrations 003 and 004).

A feed belongs to a channel of a server (None: the server's digest channel, for feeds followed
before feeds had channels); its new entries wait for that channel's digest.

A poll's outcome is written in one transaction: the feed's validators and schedule, the
entries seen for the first time, and those entries queued for the next digest. So a crash
between a poll and its record loses nothing (the next poll sees the entries again) and an
entry is never queued twice (it is known by GUID and by normalised link).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import aiosqlite

from bot.store.access import Store, count, from_epoch, to_epoch
from bot.store.queue import WAITING
from summarizers.errors import InputError
from summarizers.feeds import FeedEntry

MAX_FEEDS = 50  # per server: each one is polled every interval
# Links waiting for one digest, at most: a digest is read by people. Entries past it are
# recorded as seen (and logged by the poller), not queued.
MAX_WAITING = 100


@dataclass(frozen=True)
class WatchedFeed:
    """One feed of a channel and its polling state."""

    id: int
    guild_id: int
    channel_id: int | None  # None: the server's digest channel
    url: str
    norm_url: str
    title: str | None
    etag: str | None
    last_modified: str | None
    next_poll_at: dt.datetime
    failures: int
    last_error: str | None
    failure_reported: bool
    succeeded: bool  # a poll has worked before: its backlog is known


class Feeds:
    """Reads and writes `feeds` and `feed_entries`, and queues new entries."""

    def __init__(self, store: Store) -> None:
        self.store = store

    async def add(
        self,
        guild_id: int,
        channel_id: int,
        url: str,
        norm_url: str,
        added_by: int | None,
        now: dt.datetime,
    ) -> bool:
        """Watch a feed for `channel_id`; False when that channel already watches it."""
        async with self.store.transaction() as conn:
            if (
                await count(conn, "SELECT COUNT(*) FROM feeds WHERE guild_id = ?", (guild_id,))
                >= MAX_FEEDS
            ):
                raise InputError(
                    f"This server already follows {MAX_FEEDS} feeds; remove one first."
                )
            async with conn.execute(
                "INSERT OR IGNORE INTO feeds"
                " (guild_id, channel_id, url, norm_url, added_by, added_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (guild_id, channel_id, url, norm_url, added_by, to_epoch(now)),
            ) as cursor:
                return cursor.rowcount == 1

    async def remove(self, guild_id: int, channel_id: int | None, norm_url: str) -> bool:
        """Stop watching a feed in a channel; False when it did not. Its entries stay known."""
        changed = await self.store.execute(
            "DELETE FROM feeds WHERE guild_id = ? AND channel_id IS ? AND norm_url = ?",
            (guild_id, channel_id, norm_url),
        )
        return changed > 0

    async def of_guild(self, guild_id: int) -> list[WatchedFeed]:
        """The server's feeds by channel (the digest channel's unassigned ones first), each
        channel's oldest first."""
        rows = await self.store.fetchall(
            "SELECT * FROM feeds WHERE guild_id = ? ORDER BY channel_id, id", (guild_id,)
        )
        return [_feed(row) for row in rows]

    async def due(self, now: dt.datetime, guild_id: int | None = None) -> list[WatchedFeed]:
        """Feeds whose next poll is due (of one server, or of all)."""
        sql = "SELECT * FROM feeds WHERE next_poll_at <= ?"
        params: list[object] = [to_epoch(now)]
        if guild_id is not None:
            sql += " AND guild_id = ?"
            params.append(guild_id)
        rows = await self.store.fetchall(sql + " ORDER BY next_poll_at, id", params)
        return [_feed(row) for row in rows]

    async def record_success(
        self,
        feed: WatchedFeed,
        entries: Sequence[FeedEntry],
        *,
        title: str | None,
        etag: str | None,
        last_modified: str | None,
        now: dt.datetime,
        next_poll_at: dt.datetime,
        queue_after: dt.datetime,
    ) -> tuple[int, int]:
        """Store a successful poll; queue the entries never seen before that were published
        after `queue_after` (or carry no time), up to MAX_WAITING waiting links. Returns how
        many were queued and how many were left out for want of room."""
        queued = left_out = 0
        async with self.store.transaction() as conn:
            room = MAX_WAITING - await count(conn, WAITING, (feed.guild_id,))
            async with conn.execute("SELECT 1 FROM feeds WHERE id = ?", (feed.id,)) as cursor:
                if await cursor.fetchone() is None:
                    return 0, 0  # removed while it was being polled
            await conn.execute(
                "UPDATE feeds SET title = COALESCE(?, title), etag = ?, last_modified = ?,"
                " next_poll_at = ?, failures = 0, last_error = NULL, failure_reported = 0,"
                " last_success_at = ? WHERE id = ?",
                (title, etag, last_modified, to_epoch(next_poll_at), to_epoch(now), feed.id),
            )
            for entry in entries:
                if await _known(conn, feed, entry):
                    continue
                published = to_epoch(entry.published) if entry.published else None
                await conn.execute(
                    "INSERT INTO feed_entries (feed_id, guild_id, channel_id, guid, url,"
                    " norm_url, title, published, seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        feed.id,
                        feed.guild_id,
                        feed.channel_id,
                        entry.guid,
                        entry.url,
                        entry.norm_url,
                        entry.title,
                        published,
                        to_epoch(now),
                    ),
                )
                if entry.published is not None and entry.published < queue_after:
                    continue
                if queued >= room:
                    left_out += 1
                    continue
                async with conn.execute(
                    "INSERT OR IGNORE INTO queue"
                    " (guild_id, channel_id, url, norm_url, added_by, added_at)"
                    " VALUES (?, ?, ?, ?, NULL, ?)",
                    (feed.guild_id, feed.channel_id, entry.url, entry.norm_url, to_epoch(now)),
                ) as cursor:
                    queued += cursor.rowcount
        return queued, left_out

    async def record_not_modified(self, feed: WatchedFeed, next_poll_at: dt.datetime) -> None:
        """A 304: nothing new, the feed is healthy."""
        await self.store.execute(
            "UPDATE feeds SET next_poll_at = ?, failures = 0, last_error = NULL,"
            " failure_reported = 0 WHERE id = ?",
            (to_epoch(next_poll_at), feed.id),
        )

    async def record_failure(self, feed: WatchedFeed, error: str, next_poll_at: dt.datetime) -> int:
        """A failed poll; the number of failures in a row now."""
        await self.store.execute(
            "UPDATE feeds SET failures = failures + 1, last_error = ?, next_poll_at = ?"
            " WHERE id = ?",
            (error, to_epoch(next_poll_at), feed.id),
        )
        row = await self.store.fetchone("SELECT failures FROM feeds WHERE id = ?", (feed.id,))
        return int(row[0]) if row else 0

    async def mark_reported(self, feed_id: int) -> None:
        """The current run of failures has been announced in the channel."""
        await self.store.execute("UPDATE feeds SET failure_reported = 1 WHERE id = ?", (feed_id,))


async def _known(conn: aiosqlite.Connection, feed: WatchedFeed, entry: FeedEntry) -> bool:
    """Whether the feed's channel has seen the entry (from this feed or another)."""
    async with conn.execute(
        "SELECT 1 FROM feed_entries WHERE guild_id = ? AND channel_id IS ?"
        " AND (guid = ? OR norm_url = ?) LIMIT 1",
        (feed.guild_id, feed.channel_id, entry.guid, entry.norm_url),
    ) as cursor:
        return await cursor.fetchone() is not None


def _feed(row: aiosqlite.Row) -> WatchedFeed:
    next_poll = from_epoch(row["next_poll_at"])
    assert next_poll is not None  # NOT NULL column
    return WatchedFeed(
        id=int(row["id"]),
        guild_id=int(row["guild_id"]),
        channel_id=row["channel_id"],
        url=row["url"],
        norm_url=row["norm_url"],
        title=row["title"],
        etag=row["etag"],
        last_modified=row["last_modified"],
        next_poll_at=next_poll,
        failures=int(row["failures"]),
        last_error=row["last_error"],
        failure_reported=bool(row["failure_reported"]),
        succeeded=row["last_success_at"] is not None,
    )
