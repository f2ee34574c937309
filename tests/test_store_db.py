from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.store.db import Database, migrations


async def test_migrations_apply_once_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    async with Database(path, migrations_package="tests.fixtures.migrations_good") as db:
        async with db.conn.execute("PRAGMA journal_mode") as cur:
            assert (await cur.fetchone())[0] == "wal"
        await db.conn.execute("INSERT INTO people (name) VALUES ('Ada')")
        await db.conn.execute("UPDATE people SET name = 'Ada L.'")
    # Reopening applies nothing again and keeps the data (and the trigger worked).
    async with Database(path, migrations_package="tests.fixtures.migrations_good") as db:
        async with db.conn.execute("SELECT name, changed FROM people") as cur:
            assert [tuple(r) for r in await cur.fetchall()] == [("Ada L.", 1)]
        async with db.conn.execute("PRAGMA user_version") as cur:
            assert (await cur.fetchone())[0] == 2
        with pytest.raises(sqlite3.IntegrityError):
            await db.conn.execute("INSERT INTO pets (owner) VALUES (99)")  # foreign keys on


async def test_failing_migration_rolls_back_whole(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    with pytest.raises(sqlite3.OperationalError):
        await Database(path, migrations_package="tests.fixtures.migrations_bad").open()
    conn = sqlite3.connect(path)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    finally:
        conn.close()
    assert "people" in tables and "half" not in tables


def test_shipped_migrations_are_numbered_without_gaps() -> None:
    numbers = [n for n, _ in migrations()]
    assert numbers == list(range(1, len(numbers) + 1))
