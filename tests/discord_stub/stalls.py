"""Requests held without an answer: a test's way to stop the bot in the middle of a request.

A stall before handling means Discord never saw the request; a stall after handling means
Discord acted on it (the message exists) but the answer never reached the bot, which is what
a crash mid-request looks like from the bot's side.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field


@dataclass
class Stall:
    """One held request: `reached` is set when it arrives, `released` lets it finish."""

    method: str
    route: str
    skip: int
    after_handling: bool
    reached: asyncio.Event = field(default_factory=asyncio.Event)
    released: asyncio.Event = field(default_factory=asyncio.Event)
    seen: int = 0
    taken: bool = False


class Stalls:
    """The stalls a test has asked for."""

    def __init__(self) -> None:
        self._stalls: list[Stall] = []

    def add(self, method: str, route: str, skip: int, after_handling: bool) -> Stall:
        """Hold the request to `method route` that comes after `skip` matching ones."""
        stall = Stall(method.upper(), route, skip, after_handling)
        self._stalls.append(stall)
        return stall

    def take(self, method: str, route: str) -> Stall | None:
        """The stall this request triggers, if any; counts it against the others' skips."""
        for stall in self._stalls:
            if stall.taken or stall.method != method or stall.route != route:
                continue
            if stall.seen < stall.skip:
                stall.seen += 1
                continue
            stall.taken = True
            return stall
        return None

    def release_all(self) -> None:
        """Let every held request finish (the stand-in is stopping)."""
        for stall in self._stalls:
            stall.released.set()
