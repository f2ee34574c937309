"""The one retry policy for LLM requests (tenacity): which failures to retry and how long to wait.

The SDK's own retries are off (`max_retries=0`), so this is the only place that decides.
Retried: 408, 409, 429, 5xx, timeouts and connection errors. Never retried: every other
status (400, 401, 403, 404, 422...). Waits grow exponentially with jitter, a server's
`retry-after-ms` / `Retry-After` wins when present, and every wait is capped; attempts and
total time (a deadline shared by every request of one rewrite) are both bounded.
"""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import Awaitable, Callable

import openai
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    retry_if_exception,
    stop_after_attempt,
    wait_exponential,
    wait_random,
)
from tenacity.stop import stop_base

from summarizers.rewrite.options import LLMOptions

log = logging.getLogger(__name__)

RETRY_STATUSES = frozenset({408, 409, 429})


def is_retryable(exc: BaseException) -> bool:
    """True for failures that may pass on a second try."""
    if isinstance(exc, openai.APIStatusError):
        return exc.status_code in RETRY_STATUSES or exc.status_code >= 500
    return isinstance(exc, openai.APIConnectionError | TimeoutError)


def failure_reason(exc: BaseException) -> str:
    """A few words naming the failure, for logs and the digest's `method`."""
    if isinstance(exc, openai.APIStatusError):
        return f"HTTP {exc.status_code}"
    if isinstance(exc, openai.APITimeoutError | TimeoutError):
        return "timed out"
    if isinstance(exc, openai.APIConnectionError):
        return "connection failed"
    return type(exc).__name__


def retry_after(exc: BaseException | None) -> float | None:
    """Seconds the server asked us to wait (`retry-after-ms`, then `Retry-After`), if any."""
    if not isinstance(exc, openai.APIStatusError):
        return None
    headers = exc.response.headers
    for name, scale in (("retry-after-ms", 0.001), ("retry-after", 1.0)):
        raw = headers.get(name)
        if raw is None:
            continue
        try:
            seconds = float(raw) * scale
        except ValueError:
            continue  # an HTTP date: rare for APIs, and the backoff is a fine substitute
        if math.isfinite(seconds) and seconds >= 0:
            return seconds
    return None


class RetryWait:
    """tenacity wait: the server's Retry-After when given, else exponential backoff with jitter."""

    def __init__(self, options: LLMOptions) -> None:
        self.cap = options.backoff_max
        # Exponential growth plus up to one initial step of random jitter (primitives that
        # every supported tenacity version has), capped in __call__.
        self.backoff = wait_exponential(
            multiplier=options.backoff_initial, max=options.backoff_max
        ) + wait_random(0, options.backoff_initial)

    def __call__(self, state: RetryCallState) -> float:
        asked = retry_after(state.outcome.exception() if state.outcome else None)
        if asked is not None:
            return min(asked, self.cap)
        return min(self.cap, float(self.backoff(state)))


def _log_retry(state: RetryCallState) -> None:
    exc = state.outcome.exception() if state.outcome else None
    wait = state.next_action.sleep if state.next_action else 0.0
    log.warning(
        "LLM request failed (%s); retry %d in %.2f s",
        failure_reason(exc) if exc else "unknown",
        state.attempt_number,
        wait,
    )


class StopAtDeadline(stop_base):
    """tenacity stop: the next wait would end at or after `deadline` (event-loop time)."""

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline

    def __call__(self, state: RetryCallState) -> bool:
        return asyncio.get_running_loop().time() + (state.upcoming_sleep or 0.0) >= self.deadline


def retrying(
    options: LLMOptions, deadline: float, sleep: Callable[[float], Awaitable[None]] | None = None
) -> AsyncRetrying:
    """A fresh tenacity controller for one request: at most `options.attempts` attempts, no
    wait past `deadline` (event-loop time); re-raises the last error when it gives up."""
    return AsyncRetrying(
        retry=retry_if_exception(is_retryable),
        stop=stop_after_attempt(max(1, options.attempts)) | StopAtDeadline(deadline),
        wait=RetryWait(options),
        before_sleep=_log_retry,
        reraise=True,
        sleep=asyncio.sleep if sleep is None else sleep,
    )
