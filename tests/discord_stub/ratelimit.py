"""Discord-style REST rate limits: per-route buckets with honest headers, a global limit, and
scripted 429s.

A bucket is a fixed window of requests per route template and major parameters (channel,
guild, webhook id and token, interaction id and token), as Discord keys them: every
interaction has buckets of its own. Routes Discord documents a tighter limit for (posting in a
channel: 5 per 5 s) get it; the others get the default. Requests authorised by the bot token
also share a global limit (50 per second); interaction callbacks and followups are exempt
from it, as on Discord.

A 429 looks like Discord's: `retry_after` (seconds, float) and `global` in the JSON body;
`Retry-After` (whole seconds, rounded up), `X-RateLimit-Scope` and, for a bucket, the
`X-RateLimit-Limit/Remaining/Reset/Reset-After/Bucket` headers; a global one carries
`X-RateLimit-Global: true` and no bucket headers. A scripted 429 answers the next N matching
requests and blocks the bucket (or, global, every route) for `retry_after` seconds; a request
that comes back before that is refused again, so a client that does not wait is caught.
"""

from __future__ import annotations

import hashlib
import math
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

_MAJOR_PARAMETERS = (
    "channel_id",
    "guild_id",
    "webhook_id",
    "application_id",
    "interaction_id",
    "token",
)
# Interaction endpoints are not bound to the bot's global rate limit (Discord's docs).
_NOT_GLOBAL = ("/interactions/", "/webhooks/")


@dataclass(frozen=True)
class Limit:
    """`requests` per `window` seconds."""

    requests: int
    window: float


GLOBAL_LIMIT = Limit(50, 1.0)
DISCORD_ROUTE_LIMITS: Mapping[tuple[str, str], Limit] = {
    ("POST", "/channels/{channel_id}/messages"): Limit(5, 5.0),
}


@dataclass
class _Script:
    method: str
    route: str
    remaining: int
    retry_after: float
    is_global: bool


@dataclass
class _Bucket:
    limit: Limit
    count: int = 0
    window_ends: float = 0.0
    blocked_until: float = 0.0


@dataclass(frozen=True)
class Verdict:
    """What to answer: `limited` requests get a 429 with `body`; all get `headers`."""

    limited: bool
    headers: dict[str, str]
    body: dict[str, Any] = field(default_factory=dict)


def bucket_hash(method: str, route: str) -> str:
    """A stable opaque bucket id per route, like Discord's X-RateLimit-Bucket."""
    return hashlib.sha1(f"{method} {route}".encode()).hexdigest()[:16]


def major_key(match_info: dict[str, str]) -> str:
    """The major parameters of a request, which split one route into separate buckets."""
    return ":".join(match_info.get(name, "") for name in _MAJOR_PARAMETERS)


class RateLimits:
    """Buckets, the global limit and scripted 429s for the stand-in's REST API."""

    def __init__(
        self,
        limit: int = 50,
        window: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
        route_limits: Mapping[tuple[str, str], Limit] = DISCORD_ROUTE_LIMITS,
        global_limit: Limit = GLOBAL_LIMIT,
    ) -> None:
        self.default = Limit(limit, window)
        self.route_limits = dict(route_limits)
        self._clock = clock
        self._buckets: dict[tuple[str, str, str], _Bucket] = {}
        self._global = _Bucket(global_limit)
        self._scripts: list[_Script] = []
        self._global_blocked_until = 0.0

    def script(
        self, method: str, route: str, count: int, retry_after: float, is_global: bool
    ) -> None:
        """Answer the next `count` requests to `method route` with 429 and `retry_after`."""
        self._scripts.append(_Script(method.upper(), route, count, retry_after, is_global))

    def check(self, method: str, route: str, major: str) -> Verdict:
        """Count one request and decide whether it passes."""
        now = self._clock()
        limit = self.route_limits.get((method, route), self.default)
        bucket = self._buckets.setdefault((method, route, major), _Bucket(limit))
        _roll(bucket, now)
        bucket_id = bucket_hash(method, route)
        counts_globally = not route.startswith(_NOT_GLOBAL)
        if counts_globally and now < self._global_blocked_until:
            return self._refuse(bucket, bucket_id, self._global_blocked_until - now, True)
        if now < bucket.blocked_until:
            return self._refuse(bucket, bucket_id, bucket.blocked_until - now, False)
        script = self._take_script(method, route)
        if script is not None:
            if script.is_global:
                self._global_blocked_until = now + script.retry_after
            else:
                bucket.blocked_until = now + script.retry_after
            return self._refuse(bucket, bucket_id, script.retry_after, script.is_global)
        if counts_globally:
            _roll(self._global, now)
            if self._global.count >= self._global.limit.requests:
                self._global_blocked_until = self._global.window_ends
                return self._refuse(bucket, bucket_id, self._global.window_ends - now, True)
            self._global.count += 1
        if bucket.count >= limit.requests:
            bucket.blocked_until = bucket.window_ends
            return self._refuse(bucket, bucket_id, bucket.window_ends - now, False)
        bucket.count += 1
        return Verdict(False, self._headers(bucket, bucket_id, bucket.window_ends - now))

    def _take_script(self, method: str, route: str) -> _Script | None:
        for script in self._scripts:
            if script.method == method and script.route == route and script.remaining > 0:
                script.remaining -= 1
                return script
        return None

    def _headers(self, bucket: _Bucket, bucket_id: str, reset_after: float) -> dict[str, str]:
        reset_after = max(reset_after, 0.0)
        return {
            "X-RateLimit-Limit": str(bucket.limit.requests),
            "X-RateLimit-Remaining": str(max(bucket.limit.requests - bucket.count, 0)),
            "X-RateLimit-Reset": f"{time.time() + reset_after:.3f}",
            "X-RateLimit-Reset-After": f"{reset_after:.3f}",
            "X-RateLimit-Bucket": bucket_id,
        }

    def _refuse(
        self, bucket: _Bucket, bucket_id: str, retry_after: float, is_global: bool
    ) -> Verdict:
        headers = {
            "Retry-After": str(math.ceil(retry_after)),
            "X-RateLimit-Scope": "global" if is_global else "user",
        }
        if is_global:
            headers["X-RateLimit-Global"] = "true"
        else:
            headers.update(self._headers(bucket, bucket_id, retry_after))
            headers["X-RateLimit-Remaining"] = "0"
        body = {
            "message": "You are being rate limited.",
            "retry_after": round(retry_after, 3),
            "global": is_global,
        }
        return Verdict(True, headers, body)


def _roll(bucket: _Bucket, now: float) -> None:
    """Start a new window when the last one is over."""
    if now >= bucket.window_ends:
        bucket.count, bucket.window_ends = 0, now + bucket.limit.window
