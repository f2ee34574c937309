"""SQLite persistence: one database file, WAL, numbered migrations."""

from bot.store.db import Database

__all__ = ["Database"]
