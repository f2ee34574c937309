"""The per-server queue of links waiting for the next digest, deduplicated by normalised URL."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import aiosqlite

from bot.store.access import Store, count, from_epoch, to_epoch
from summarizers.errors import InputError

MAX_QUEUED = 50  # per server: a digest is read by people, and each link costs a fetch
WAITING = "SELECT COUNT(*) FROM queue WHERE guild_id = ? AND run_id IS NULL"


class QueueFullError(InputError):
    """The server's queue already holds MAX_QUEUED links."""


@dataclass(frozen=True)
class QueuedLink:
    """One link in a server's queue (or in a digest run that took it)."""

    id: int
    guild_id: int
    url: str
    norm_url: str
    added_by: int | None
    added_at: dt.datetime


class Queue:
    """Reads and writes `queue`; only links not yet taken into a digest run are 'pending'."""

    def __init__(self, store: Store) -> None:
        self.store = store

    async def add(
        self, guild_id: int, url: str, norm_url: str, added_by: int | None, now: dt.datetime
    ) -> bool:
        """Queue a link; False when the same normalised link is already waiting."""
        async with self.store.transaction() as conn:
            if await count(conn, WAITING, (guild_id,)) >= MAX_QUEUED:
                raise QueueFullError(
                    f"The digest queue is full ({MAX_QUEUED} links); "
                    "post a digest or remove some links first."
                )
            # The partial unique index on (guild_id, norm_url) for pending rows does the dedup.
            async with conn.execute(
                "INSERT OR IGNORE INTO queue (guild_id, url, norm_url, added_by, added_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (guild_id, url, norm_url, added_by, to_epoch(now)),
            ) as cursor:
                return cursor.rowcount == 1

    async def pending(self, guild_id: int) -> list[QueuedLink]:
        """Links waiting for the server's next digest, oldest first."""
        rows = await self.store.fetchall(
            "SELECT * FROM queue WHERE guild_id = ? AND run_id IS NULL ORDER BY id", (guild_id,)
        )
        return [link_from_row(row) for row in rows]

    async def remove(self, guild_id: int, norm_url: str) -> bool:
        """Drop a waiting link; False when it was not queued."""
        changed = await self.store.execute(
            "DELETE FROM queue WHERE guild_id = ? AND norm_url = ? AND run_id IS NULL",
            (guild_id, norm_url),
        )
        return changed > 0


def link_from_row(row: aiosqlite.Row) -> QueuedLink:
    """A `queue` row → QueuedLink."""
    added_at = from_epoch(row["added_at"])
    assert added_at is not None  # NOT NULL column
    return QueuedLink(
        id=int(row["id"]),
        guild_id=int(row["guild_id"]),
        url=row["url"],
        norm_url=row["norm_url"],
        added_by=row["added_by"],
        added_at=added_at,
    )
