"""Discord-style REST rate limits: per-route buckets with honest headers, and scripted 429s.

A bucket is a fixed window of `limit` requests per route template and major parameter
(channel, guild or webhook id), as Discord keys them. A scripted 429 answers the next N
matching requests with 429 and blocks the bucket for `retry_after` seconds; a request that
comes back before that is refused again, so a client that does not wait is caught.
"""

from __future__ import annotations

import hashlib
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

_MAJOR_PARAMETERS = ("channel_id", "guild_id", "webhook_id", "application_id")


@dataclass
class _Script:
    method: str
    route: str
    remaining: int
    retry_after: float
    is_global: bool


@dataclass
class _Bucket:
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
    """Buckets and scripted 429s for the stand-in's REST API."""

    def __init__(
        self,
        limit: int = 50,
        window: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        self._buckets: dict[tuple[str, str, str], _Bucket] = {}
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
        bucket = self._buckets.setdefault((method, route, major), _Bucket())
        if now >= bucket.window_ends:
            bucket.count, bucket.window_ends = 0, now + self.window
        bucket_id = bucket_hash(method, route)
        if now < self._global_blocked_until:
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
        if bucket.count >= self.limit:
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
            "X-RateLimit-Limit": str(self.limit),
            "X-RateLimit-Remaining": str(max(self.limit - bucket.count, 0)),
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
