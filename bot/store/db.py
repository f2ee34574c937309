"""The SQLite connection: WAL mode, foreign keys, numbered migrations applied on open.

Migrations are the files `migrations/NNN_name.sql` in this package, applied in order, each
once, inside a transaction; `PRAGMA user_version` records the highest one applied.
"""

from __future__ import annotations

import re
import sqlite3
from importlib import resources
from pathlib import Path
from types import TracebackType

import aiosqlite

_MIGRATION_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")


MIGRATIONS_PACKAGE = "bot.store.migrations"
# Another process (a backup, the sqlite3 shell) may hold the file locked for a while; the
# bot's commands are acknowledged before they touch it, so waiting beats failing.
BUSY_TIMEOUT_MS = 30_000


def migrations(package: str = MIGRATIONS_PACKAGE) -> list[tuple[int, str]]:
    """(number, SQL) of every migration file in `package`, in order."""
    found = []
    for entry in resources.files(package).iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.read_text(encoding="utf-8")))
    found.sort()
    numbers = [n for n, _ in found]
    if numbers != list(range(1, len(numbers) + 1)):
        raise RuntimeError(f"migrations must be numbered 1..n without gaps, found {numbers}")
    return found


class Database:
    """An open database. Use `async with Database(path) as db:`; `db.conn` is the connection."""

    def __init__(self, path: str | Path, *, migrations_package: str = MIGRATIONS_PACKAGE) -> None:
        self.path = str(path)
        self.migrations_package = migrations_package
        self._conn: aiosqlite.Connection | None = None

    @property
    def conn(self) -> aiosqlite.Connection:
        """The live connection (only between open and close)."""
        if self._conn is None:
            raise RuntimeError("database is not open")
        return self._conn

    async def open(self) -> Database:
        """Connect, switch to WAL and apply pending migrations."""
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: we issue BEGIN/COMMIT ourselves, so a migration or a
        # multi-statement update is one transaction.
        self._conn = await aiosqlite.connect(self.path, isolation_level=None)
        self._conn.row_factory = aiosqlite.Row
        await self._conn.execute("PRAGMA journal_mode=WAL")
        await self._conn.execute("PRAGMA foreign_keys=ON")
        await self._conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        try:
            await self._migrate()
        except BaseException:
            await self.close()
            raise
        return self

    async def close(self) -> None:
        """Close the connection (idempotent)."""
        if self._conn is not None:
            await self._conn.close()
            self._conn = None

    async def __aenter__(self) -> Database:
        return await self.open()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def _migrate(self) -> None:
        async with self.conn.execute("PRAGMA user_version") as cursor:
            row = await cursor.fetchone()
        current = int(row[0]) if row else 0
        for number, sql in migrations(self.migrations_package):
            if number <= current:
                continue
            await self.conn.execute("BEGIN IMMEDIATE")
            try:
                await _run_script(self.conn, sql)
                await self.conn.execute(f"PRAGMA user_version={number}")
                await self.conn.execute("COMMIT")
            except BaseException:
                await self.conn.execute("ROLLBACK")
                raise


async def _run_script(conn: aiosqlite.Connection, sql: str) -> None:
    # executescript() would COMMIT the open transaction first; run statement by statement
    # so that a failing migration rolls back whole.
    for statement in _statements(sql):
        await conn.execute(statement)


def _statements(sql: str) -> list[str]:
    out: list[str] = []
    buf = ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
