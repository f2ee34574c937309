"""The daily-digest timer: due digests come from the database, so none is lost to a restart.

Each pass resumes unfinished runs, then starts every digest whose time has come (a digest
missed while the bot was down is due at once, and is posted once: starting it moves the
schedule past now). The loop sleeps until the next due time or `interval`, whichever is
sooner, and `wake()` makes it look again at once (after a settings change, or in tests that
move a fake clock).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import secrets
from collections.abc import Awaitable, Callable

from bot.discord.runner import DigestRunner
from bot.schedule import next_run, parse_time, parse_timezone
from bot.store.guilds import GuildConfig, Guilds
from bot.store.posts import Ledger, Run
from summarizers.errors import DigestbotError

log = logging.getLogger(__name__)

DEFAULT_INTERVAL = 30.0  # seconds between passes at most
MIN_SLEEP = 0.05


class Scheduler:
    """Runs due digests in the background; one task per run, never two for the same run."""

    def __init__(
        self,
        guilds: Guilds,
        ledger: Ledger,
        runner: DigestRunner,
        clock: Callable[[], dt.datetime],
        *,
        interval: float = DEFAULT_INTERVAL,
        prepare: Callable[[int], Awaitable[object]] | None = None,
    ) -> None:
        self.guilds = guilds
        self.ledger = ledger
        self.runner = runner
        self.clock = clock
        self.interval = interval
        # Called with a server's id just before its digest takes the queue (polls its feeds).
        self.prepare = prepare
        self._wake = asyncio.Event()
        self._loop_task: asyncio.Task[None] | None = None
        self._runs: dict[int, asyncio.Task[None]] = {}

    def start(self, ready: Callable[[], Awaitable[object]]) -> None:
        """Start the loop; it waits for `ready()` (the gateway connection) first."""
        if self._loop_task is None:
            self._loop_task = asyncio.create_task(self._loop(ready), name="digest-scheduler")

    def wake(self) -> None:
        """Look for due digests now instead of at the next interval."""
        self._wake.set()

    async def stop(self) -> None:
        """Stop the loop and any run in progress (each resumes from the ledger next time)."""
        tasks = [t for t in (self._loop_task, *self._runs.values()) if t is not None]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._loop_task = None
        self._runs.clear()

    async def drain(self) -> None:
        """Wait until every run started so far has ended."""
        while self._runs:
            await asyncio.gather(*list(self._runs.values()), return_exceptions=True)

    async def tick(self) -> None:
        """One pass: resume unfinished runs, then start every digest that is due."""
        for unfinished in await self.ledger.open_runs():
            self._spawn(unfinished)
        now = self.clock()
        for config in await self.guilds.due(now):
            await self._prepare(config.guild_id)
            for run in await self._start_scheduled(config, now):
                self._spawn(run)

    async def run_now(self, guild_id: int, digest_channel_id: int) -> list[Run]:
        """Start an unscheduled digest of every channel with waiting links (the links for
        the digest channel go to `digest_channel_id`); empty when nothing is waiting."""
        await self._prepare(guild_id)
        now = self.clock()
        config = await self.guilds.get(guild_id)
        day = now.astimezone(parse_timezone(config.timezone)).date()
        slot = f"manual:{now.isoformat()}:{secrets.token_hex(4)}"
        runs = await self.ledger.start_runs(guild_id, digest_channel_id, slot, day, now)
        for run in runs:
            self._spawn(run)
        return runs

    async def _prepare(self, guild_id: int) -> None:
        if self.prepare is None:
            return
        try:
            await self.prepare(guild_id)
        except Exception:
            # The digest goes out with what is queued; the feeds are polled again later.
            log.exception("preparing the digest of server %s failed", guild_id)

    async def _start_scheduled(self, config: GuildConfig, now: dt.datetime) -> list[Run]:
        due = config.next_run_at
        if due is None or config.post_time is None:
            return []
        try:
            zone = parse_timezone(config.timezone)
            following = next_run(now, parse_time(config.post_time), zone)
        except DigestbotError:
            log.error("server %s has an unusable schedule; turning it off", config.guild_id)
            await self.guilds.turn_off(config.guild_id)
            return []
        if now - due > dt.timedelta(minutes=5):
            log.info("server %s: posting the digest missed at %s", config.guild_id, due)
        # Every channel with waiting links gets its digest; without a digest channel, the
        # links for it keep waiting.
        return await self.ledger.start_runs(
            config.guild_id,
            config.digest_channel_id,
            due.isoformat(),
            due.astimezone(zone).date(),
            now,
            next_run_at=following,
        )

    def _spawn(self, run: Run) -> None:
        if run.id in self._runs:
            return
        task = asyncio.create_task(self._execute(run), name=f"digest-run-{run.id}")
        self._runs[run.id] = task
        task.add_done_callback(lambda _t: self._runs.pop(run.id, None))

    async def _execute(self, run: Run) -> None:
        try:
            await self.runner.run(run)
        except Exception:
            # Left open in the ledger: the next pass resumes it where it stopped.
            log.exception("digest %s for server %s stopped; will resume", run.id, run.guild_id)

    async def _loop(self, ready: Callable[[], Awaitable[object]]) -> None:
        await ready()
        while True:
            self._wake.clear()
            try:
                await self.tick()
            except Exception:
                log.exception("digest scheduler pass failed")
            # Compute the timeout first: a failing DB read must not leave a wait() unawaited.
            timeout = await self._sleep_time()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=timeout)

    async def _sleep_time(self) -> float:
        upcoming = await self.guilds.next_due()
        if upcoming is None:
            return self.interval
        until = (upcoming - self.clock()).total_seconds()
        if until <= 0:
            # Still due right after a pass: that pass failed; don't spin, retry later.
            return self.interval
        return max(MIN_SLEEP, min(self.interval, until))
