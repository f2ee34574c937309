"""The record of digests: runs, the links each took, and each planned message's fate.

A run moves collecting → planned → done (or failed). Its messages are written as a plan
first; each is marked 'sending' before the request and 'sent' with its message id after,
so after a crash the bot knows exactly which messages went out, which did not, and which
one (at most) is in doubt.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

import aiosqlite

from bot.store.access import Store, from_epoch, to_epoch
from bot.store.queue import QueuedLink, link_from_row

# The channel a waiting link is for: its own, or (NULL) the server's digest channel.
_TARGET = "COALESCE(channel_id, :digest)"


@dataclass(frozen=True)
class Run:
    """One digest for one channel of a server."""

    id: int
    guild_id: int
    channel_id: int
    slot: str
    title_date: dt.date
    state: str
    created_at: dt.datetime
    threaded: bool = False  # stories go in a thread under the summary message


@dataclass(frozen=True)
class Post:
    """One planned message of a run."""

    run_id: int
    seq: int
    payload: dict[str, Any]
    state: str
    message_id: int | None
    sending_since: int | None = None  # a snowflake below the id it got, once being sent


class Ledger:
    """Reads and writes `digest_runs`, `digest_posts` and the run side of `queue`."""

    def __init__(self, store: Store) -> None:
        self.store = store

    async def start_runs(
        self,
        guild_id: int,
        digest_channel_id: int | None,
        slot: str,
        title_date: dt.date,
        now: dt.datetime,
        *,
        next_run_at: dt.datetime | None = None,
    ) -> list[Run]:
        """Take the server's waiting links into new runs, one per channel, all at once.

        A feed's entries go to its channel's run; links for the digest channel (added by
        hand, by the watcher, or by a feed without a channel) to `digest_channel_id`'s, and
        wait when it is None. Each run's slot is `slot` with '@<channel id>', so a slot is
        started once per channel. With `next_run_at`, the server's schedule moves in the same
        transaction, so a scheduled digest is started exactly once. Empty when no link is
        waiting or `slot` was already started.
        """
        runs = []
        async with self.store.transaction() as conn:
            if next_run_at is not None:
                await conn.execute(
                    "UPDATE guild_settings SET next_run_at = ? WHERE guild_id = ?",
                    (to_epoch(next_run_at), guild_id),
                )
            async with conn.execute(
                f"SELECT {_TARGET} AS target, MIN(id) AS first FROM queue"
                " WHERE guild_id = :guild AND run_id IS NULL"
                " GROUP BY target HAVING target IS NOT NULL ORDER BY first",
                {"guild": guild_id, "digest": digest_channel_id},
            ) as cursor:
                targets = [int(row[0]) for row in await cursor.fetchall()]
            for channel_id in targets:
                # The server's thread choice is its digest channel's, fixed for the run, so
                # a resumed run keeps its shape.
                async with conn.execute(
                    "INSERT OR IGNORE INTO digest_runs"
                    " (guild_id, channel_id, slot, title_date, created_at, threaded)"
                    " VALUES (:guild, :channel, :slot, :day, :now, :channel IS :digest AND"
                    " COALESCE((SELECT digest_thread FROM guild_settings"
                    " WHERE guild_id = :guild), 0))",
                    {
                        "guild": guild_id,
                        "channel": channel_id,
                        "slot": f"{slot}@{channel_id}",
                        "day": title_date.isoformat(),
                        "now": to_epoch(now),
                        "digest": digest_channel_id,
                    },
                ) as cursor:
                    if cursor.rowcount != 1:
                        continue
                    run_id = cursor.lastrowid
                await conn.execute(
                    "UPDATE queue SET run_id = :run WHERE guild_id = :guild AND run_id IS NULL"
                    f" AND {_TARGET} = :channel",
                    {
                        "run": run_id,
                        "guild": guild_id,
                        "channel": channel_id,
                        "digest": digest_channel_id,
                    },
                )
                async with conn.execute("SELECT * FROM digest_runs WHERE id = ?", (run_id,)) as cur:
                    row = await cur.fetchone()
                assert row is not None
                runs.append(_run(row))
        return runs

    async def items(self, run_id: int) -> list[QueuedLink]:
        """The links a run took, in queue order."""
        rows = await self.store.fetchall(
            "SELECT * FROM queue WHERE run_id = ? ORDER BY id", (run_id,)
        )
        return [link_from_row(row) for row in rows]

    async def save_plan(self, run_id: int, payloads: list[dict[str, Any]]) -> None:
        """Record the run's messages in order and mark it planned (only once per run)."""
        async with self.store.transaction() as conn:
            async with conn.execute(
                "UPDATE digest_runs SET state = 'planned' WHERE id = ? AND state = 'collecting'",
                (run_id,),
            ) as cursor:
                if cursor.rowcount != 1:
                    return
            await conn.executemany(
                "INSERT INTO digest_posts (run_id, seq, payload) VALUES (?, ?, ?)",
                [
                    (run_id, seq, json.dumps(p, ensure_ascii=False))
                    for seq, p in enumerate(payloads)
                ],
            )

    async def posts(self, run_id: int) -> list[Post]:
        """The run's planned messages in order, with what is known of each."""
        rows = await self.store.fetchall(
            "SELECT * FROM digest_posts WHERE run_id = ? ORDER BY seq", (run_id,)
        )
        return [
            Post(
                run_id=int(r["run_id"]),
                seq=int(r["seq"]),
                payload=json.loads(r["payload"]),
                state=r["state"],
                message_id=r["message_id"],
                sending_since=r["sending_since"],
            )
            for r in rows
        ]

    async def mark_sending(self, run_id: int, seq: int, since: int) -> None:
        """Written just before the message is sent: from now on its fate is in doubt.

        `since` is a snowflake no greater than the id Discord will give the message, where
        a search for it after a crash starts.
        """
        await self.store.execute(
            "UPDATE digest_posts SET state = 'sending', message_id = NULL, sending_since = ?"
            " WHERE run_id = ? AND seq = ?",
            (since, run_id, seq),
        )

    async def mark_sent(self, run_id: int, seq: int, message_id: int) -> None:
        """Written once Discord confirmed the message."""
        await self._mark(run_id, seq, "sent", message_id)

    async def mark_rejected(self, run_id: int, seq: int) -> None:
        """Discord refused the message for good; it is not tried again."""
        await self._mark(run_id, seq, "rejected", None)

    async def last_failure(self, guild_id: int) -> str | None:
        """Why the server's latest digest failed, when it did."""
        row = await self.store.fetchone(
            "SELECT state, note FROM digest_runs WHERE guild_id = ? ORDER BY id DESC LIMIT 1",
            (guild_id,),
        )
        return row["note"] if row is not None and row["state"] == "failed" else None

    async def finish(self, run_id: int, now: dt.datetime, *, failure: str | None = None) -> None:
        """Close a run. A failed run that posted nothing gives its links back to the queue."""
        async with self.store.transaction() as conn:
            await conn.execute(
                "UPDATE digest_runs SET state = ?, note = ?, finished_at = ? WHERE id = ?",
                ("failed" if failure else "done", failure, to_epoch(now), run_id),
            )
            if failure:
                # Only when none of the run reached the channel, so no story is posted twice;
                # OR IGNORE: a link re-queued meanwhile stays queued once.
                await conn.execute(
                    "UPDATE OR IGNORE queue SET run_id = NULL WHERE run_id = ? AND NOT EXISTS"
                    " (SELECT 1 FROM digest_posts WHERE run_id = ? AND state = 'sent')",
                    (run_id, run_id),
                )

    async def open_runs(self) -> list[Run]:
        """Runs started but not finished (to be resumed), oldest first."""
        rows = await self.store.fetchall(
            "SELECT * FROM digest_runs WHERE state IN ('collecting', 'planned') ORDER BY id"
        )
        return [_run(row) for row in rows]

    async def get(self, run_id: int) -> Run | None:
        """One run by id."""
        row = await self.store.fetchone("SELECT * FROM digest_runs WHERE id = ?", (run_id,))
        return _run(row) if row else None

    async def _mark(self, run_id: int, seq: int, state: str, message_id: int | None) -> None:
        await self.store.execute(
            "UPDATE digest_posts SET state = ?, message_id = ? WHERE run_id = ? AND seq = ?",
            (state, message_id, run_id, seq),
        )


def _run(row: aiosqlite.Row) -> Run:
    created = from_epoch(row["created_at"])
    assert created is not None  # NOT NULL column
    return Run(
        id=int(row["id"]),
        guild_id=int(row["guild_id"]),
        channel_id=int(row["channel_id"]),
        slot=row["slot"],
        title_date=dt.date.fromisoformat(row["title_date"]),
        state=row["state"],
        created_at=created,
        threaded=bool(row["threaded"]),
    )
