"""Serialised access to the bot's one SQLite connection.

All coroutines share one aiosqlite connection in autocommit mode. A transaction is a
BEGIN … COMMIT on that connection, so two coroutines must not interleave statements
inside one: every query here takes the same asyncio lock.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any

import aiosqlite

from bot.store.db import Database

Params = Sequence[Any]


class Store:
    """The bot's gateway to its database: locked queries and transactions."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._lock = asyncio.Lock()

    async def fetchall(self, sql: str, params: Params = ()) -> list[aiosqlite.Row]:
        """All rows of one query."""
        async with self._lock, self.db.conn.execute(sql, params) as cursor:
            return list(await cursor.fetchall())

    async def fetchone(self, sql: str, params: Params = ()) -> aiosqlite.Row | None:
        """The first row of one query, or None."""
        async with self._lock, self.db.conn.execute(sql, params) as cursor:
            return await cursor.fetchone()

    async def execute(self, sql: str, params: Params = ()) -> int:
        """Run one statement on its own; return the number of rows it changed."""
        async with self._lock, self.db.conn.execute(sql, params) as cursor:
            return cursor.rowcount

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """`async with store.transaction() as conn:` — all or nothing, rolled back on error."""
        async with self._lock:
            conn = self.db.conn
            await conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                await conn.execute("ROLLBACK")
                raise
            await conn.execute("COMMIT")


async def count(conn: aiosqlite.Connection, sql: str, params: Params = ()) -> int:
    """The number a `SELECT COUNT(*) ...` gives, inside a transaction."""
    async with conn.execute(sql, params) as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row else 0


def to_epoch(instant: dt.datetime) -> int:
    """An aware datetime → whole seconds since the epoch, as stored."""
    if instant.tzinfo is None:
        raise ValueError("store instants must be aware datetimes")
    return int(instant.timestamp())


def from_epoch(seconds: int | None) -> dt.datetime | None:
    """Stored seconds → an aware UTC datetime (None stays None)."""
    return None if seconds is None else dt.datetime.fromtimestamp(seconds, dt.UTC)
