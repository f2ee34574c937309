"""Per-server settings: where the digest goes, which channel is watched, and when it runs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import aiosqlite

from bot.store.access import Store, from_epoch, to_epoch

_COLUMNS = (
    "digest_channel_id",
    "watch_channel_id",
    "post_time",
    "timezone",
    "next_run_at",
    "digest_thread",
)


@dataclass(frozen=True)
class GuildConfig:
    """One server's digest settings (defaults when the server never configured anything)."""

    guild_id: int
    digest_channel_id: int | None = None
    watch_channel_id: int | None = None
    post_time: str | None = None
    timezone: str = "UTC"
    next_run_at: dt.datetime | None = None
    digest_thread: bool = False  # post each digest's stories in a thread


class Guilds:
    """Reads and writes `guild_settings`."""

    def __init__(self, store: Store) -> None:
        self.store = store

    async def get(self, guild_id: int) -> GuildConfig:
        """The server's settings, or the defaults."""
        row = await self.store.fetchone(
            "SELECT * FROM guild_settings WHERE guild_id = ?", (guild_id,)
        )
        return _config(row) if row else GuildConfig(guild_id)

    async def set_digest_channel(
        self, guild_id: int, channel_id: int, *, thread: bool = False
    ) -> None:
        """Post the digest in `channel_id` (its stories in a thread, with `thread`)."""
        await self._set(guild_id, digest_channel_id=channel_id, digest_thread=int(thread))

    async def set_watch_channel(self, guild_id: int, channel_id: int | None) -> None:
        """Queue links posted in `channel_id` (None: watch nothing)."""
        await self._set(guild_id, watch_channel_id=channel_id)

    async def set_schedule(
        self, guild_id: int, post_time: str, timezone: str, next_run_at: dt.datetime
    ) -> None:
        """Run the digest daily at `post_time` in `timezone`; the first run is `next_run_at`."""
        await self._set(
            guild_id, post_time=post_time, timezone=timezone, next_run_at=to_epoch(next_run_at)
        )

    async def turn_off(self, guild_id: int) -> None:
        """Stop the daily digest and the link watcher; the queue and channel are kept."""
        await self._set(guild_id, post_time=None, next_run_at=None, watch_channel_id=None)

    async def due(self, now: dt.datetime) -> list[GuildConfig]:
        """Servers whose scheduled digest is due at `now`, earliest first."""
        rows = await self.store.fetchall(
            "SELECT * FROM guild_settings WHERE next_run_at IS NOT NULL AND next_run_at <= ?"
            " ORDER BY next_run_at",
            (to_epoch(now),),
        )
        return [_config(row) for row in rows]

    async def next_due(self) -> dt.datetime | None:
        """The earliest scheduled run of any server (None when nothing is scheduled)."""
        row = await self.store.fetchone("SELECT MIN(next_run_at) FROM guild_settings")
        return from_epoch(row[0]) if row else None

    async def watched_by(self, channel_id: int) -> int | None:
        """The server that watches `channel_id` for links, if any."""
        row = await self.store.fetchone(
            "SELECT guild_id FROM guild_settings WHERE watch_channel_id = ?", (channel_id,)
        )
        return int(row[0]) if row else None

    async def _set(self, guild_id: int, **values: object) -> None:
        names = list(values)
        if not set(names) <= set(_COLUMNS):
            raise ValueError(f"unknown guild setting in {names}")
        # Column names come from the fixed list above, never from users.
        sql = (
            f"INSERT INTO guild_settings (guild_id, {', '.join(names)})"
            f" VALUES (?{', ?' * len(names)})"
            " ON CONFLICT (guild_id) DO UPDATE SET "
            + ", ".join(f"{name} = excluded.{name}" for name in names)
        )
        await self.store.execute(sql, (guild_id, *values.values()))


def _config(row: aiosqlite.Row) -> GuildConfig:
    return GuildConfig(
        guild_id=int(row["guild_id"]),
        digest_channel_id=row["digest_channel_id"],
        watch_channel_id=row["watch_channel_id"],
        post_time=row["post_time"],
        timezone=row["timezone"],
        next_run_at=from_epoch(row["next_run_at"]),
        digest_thread=bool(row["digest_thread"]),
    )
