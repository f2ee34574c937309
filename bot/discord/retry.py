"""Requests to Discord that outlast its 429s.

discord.py waits out a 429 itself, but only five times per request; then it raises the 429.
Under a burst (300 members at once, a shared limit, Discord's global limit) that is too
soon: `outlasting_429s` keeps waiting the `retry_after` Discord asked for, plus a little
jitter so that many waiters do not come back in the same instant, until a deadline.
Retrying is safe: a 429 means Discord did not act on the request.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable
from typing import TypeVar

import discord

log = logging.getLogger(__name__)

T = TypeVar("T")
RATE_LIMITED = 429
FALLBACK_WAIT = 1.0  # when a 429 says nothing about how long to wait
JITTER = 0.25  # at most this share of the wait is added at random
# The headers that say how long to wait, most precise first.
_WAIT_HEADERS = ("X-RateLimit-Reset-After", "Retry-After")


def retry_after(error: discord.HTTPException) -> float:
    """The seconds Discord asked to wait before trying the refused request again."""
    headers = getattr(error.response, "headers", None) or {}
    for name in _WAIT_HEADERS:
        try:
            return max(0.0, float(headers[name]))
        except (KeyError, TypeError, ValueError):
            continue
    return FALLBACK_WAIT


async def outlasting_429s(
    call: Callable[[], Awaitable[T]], *, deadline: float | None, what: str
) -> T:
    """`await call()`, again after every 429 until it passes.

    `deadline` is in event-loop time (None: no limit); when the next try would come after
    it, the last 429 is raised. `what` names the request in the log.
    """
    loop = asyncio.get_running_loop()
    while True:
        try:
            return await call()
        except discord.HTTPException as error:
            if error.status != RATE_LIMITED:
                raise
            wait = retry_after(error) * (1 + random.uniform(0, JITTER))
            if deadline is not None and loop.time() + wait > deadline:
                raise
        log.info("%s: Discord still answers 429; trying again in %.1f s", what, wait)
        await asyncio.sleep(wait)
