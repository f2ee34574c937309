"""A circuit breaker: after repeated failures, skip the LLM for a cooldown.

Closed: every request goes. After `failures` failures in a row it opens and nothing goes for
`cooldown` seconds. Then it lets one trial request through (half-open): success closes it,
failure opens it again for another cooldown.
"""

from __future__ import annotations

import time
from collections.abc import Callable


class CircuitBreaker:
    """Failure counting with a cooldown; `clock` is injectable for tests."""

    def __init__(
        self, failures: int, cooldown: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.threshold = max(1, failures)
        self.cooldown = cooldown
        self._clock = clock
        self._failures = 0
        self._opened_at: float | None = None
        self._trial_at: float | None = None

    @property
    def is_open(self) -> bool:
        """True while requests are being skipped (cooldown running or a trial in flight)."""
        if self._opened_at is None:
            return False
        now = self._clock()
        # A trial that never reported back (cancelled) stops blocking after one cooldown.
        trial_running = self._trial_at is not None and now - self._trial_at < self.cooldown
        return trial_running or now - self._opened_at < self.cooldown

    def remaining(self) -> float:
        """Seconds until the next trial request is allowed (0 when closed)."""
        if self._opened_at is None:
            return 0.0
        return max(0.0, self.cooldown - (self._clock() - self._opened_at))

    def allow(self) -> bool:
        """Whether a request may go now; after the cooldown, exactly one trial goes."""
        if self.is_open:
            return False
        if self._opened_at is not None:
            self._trial_at = self._clock()
        return True

    def succeeded(self) -> None:
        """The server answered: close the breaker."""
        self._failures = 0
        self._opened_at = None
        self._trial_at = None

    def failed(self) -> None:
        """The server failed (after retries): count it, open after `threshold` in a row."""
        self._failures += 1
        self._trial_at = None
        if self._failures >= self.threshold:
            self._opened_at = self._clock()
