"""How many links the bot fetches and summarises at once, and how many may wait.

One `Workload` per bot bounds the work of every command and digest together, so memory and
CPU stay bounded however many members ask at once: each link in progress holds a page, its
parse tree and its summary. Work for a member (with a deadline: the interaction must still be
answerable) waits in a bounded backlog; when the backlog is full, or the wait would run past
the deadline, the member is told so in one sentence instead. Scheduled digests have no
deadline and always wait their turn.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from summarizers.errors import DigestbotError

BUSY = "I have too many links to summarise right now; please try again in a few minutes."
TOO_LATE = "I could not get to your link in time; please try again in a few minutes."


class BusyError(DigestbotError):
    """The work was turned away: the backlog is full, or it could not start in time."""


class Workload:
    """At most `concurrency` links in progress; at most `backlog` members' links waiting."""

    def __init__(self, concurrency: int, backlog: int) -> None:
        self.concurrency = max(1, concurrency)
        self.backlog = max(0, backlog)
        self._free = asyncio.Semaphore(self.concurrency)
        self._waiting = 0

    @property
    def waiting(self) -> int:
        """Members' links waiting for a turn now."""
        return self._waiting

    @asynccontextmanager
    async def turn(self, deadline: float | None = None) -> AsyncIterator[None]:
        """Hold one of the `concurrency` turns for the `async with` block.

        `deadline` (event-loop time) is when the turn must have started; a member's work
        passes one and is subject to the backlog. Raises BusyError when turned away.
        """
        if deadline is not None:
            await self._wait_until(deadline)
        else:
            await self._free.acquire()
        try:
            yield
        finally:
            self._free.release()

    async def _wait_until(self, deadline: float) -> None:
        if self._waiting >= self.backlog and self._free.locked():
            raise BusyError(BUSY)
        self._waiting += 1
        try:
            async with asyncio.timeout_at(deadline):
                await self._free.acquire()
        except TimeoutError:
            raise BusyError(TOO_LATE) from None
        finally:
            self._waiting -= 1
