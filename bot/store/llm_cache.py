"""The LLM cache in SQLite: rewrite key → JSON entry (see `summarizers.rewrite.cache`)."""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from bot.store.db import Database

log = logging.getLogger(__name__)


class LLMCache:
    """`RewriteCache` over an open `Database` (table `llm_cache`, migration 001)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def get(self, key: str) -> Mapping[str, Any] | None:
        """The entry stored under `key`, or None."""
        async with self.db.conn.execute("SELECT entry FROM llm_cache WHERE key = ?", (key,)) as cur:
            row = await cur.fetchone()
        if row is None:
            return None
        entry = json.loads(row[0])
        return entry if isinstance(entry, dict) else None

    async def put(self, key: str, entry: Mapping[str, Any]) -> None:
        """Store `entry` under `key`, replacing any older one."""
        await self.db.conn.execute(
            "INSERT OR REPLACE INTO llm_cache (key, entry) VALUES (?, ?)",
            (key, json.dumps(dict(entry), ensure_ascii=False)),
        )


@asynccontextmanager
async def open_llm_cache(path: str | Path) -> AsyncIterator[LLMCache | None]:
    """An `LLMCache` on the database file at `path`, closed on exit (for one-shot commands).

    Yields None, with a warning, when the file cannot be opened: rewrites then run uncached
    rather than not at all.
    """
    db = Database(path)
    try:
        await db.open()
    except (OSError, sqlite3.Error) as exc:
        await db.close()
        log.warning("LLM cache %s unavailable (%s); rewriting without it", path, exc)
        yield None
        return
    try:
        yield LLMCache(db)
    finally:
        await db.close()
