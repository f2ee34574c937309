"""Polling the servers' feeds: conditional GET through the guarded fetcher, bounded
concurrency, backoff on errors, and one notice when a feed has failed five times in a row.

New entries are queued for the digest of their feed's channel (`Feeds.record_success`). An
entry first seen on a feed's first successful poll is queued only when it is recent (the
feed's backlog is not a day's news); after that every entry never seen before is queued, so
entries published during an outage are queued when the feed answers again.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot.store.feeds import Feeds, WatchedFeed
from summarizers.errors import DigestbotError
from summarizers.feeds import parse_feed
from summarizers.fetch import FetchOptions, fetch_page

log = logging.getLogger(__name__)

FAILURES_TO_REPORT = 5
FIRST_POLL_WINDOW = dt.timedelta(hours=24)
MAX_BACKOFF = dt.timedelta(hours=6)
EVER = dt.datetime.min.replace(tzinfo=dt.UTC)


@dataclass(frozen=True)
class FeedNotice:
    """A feed that has failed FAILURES_TO_REPORT times in a row."""

    guild_id: int
    channel_id: int | None  # the feed's channel (None: the server's digest channel)
    url: str
    failures: int
    reason: str

    def text(self) -> str:
        """The one message a channel gets about it."""
        return (
            f"The feed <{self.url}> has failed {self.failures} times in a row ({self.reason}) "
            "I will keep trying, less often; remove it with /digest feed remove."
        )


Notify = Callable[[FeedNotice], Awaitable[bool]]


def backoff(interval: dt.timedelta, failures: int) -> dt.timedelta:
    """The wait before the next poll after `failures` failures in a row (doubling, capped)."""
    return min(MAX_BACKOFF, interval * (2 ** max(0, failures - 1)))


class FeedPoller:
    """Polls due feeds, a few at a time; `notify` posts a failure notice (True once posted)."""

    def __init__(
        self,
        feeds: Feeds,
        options: FetchOptions,
        clock: Callable[[], dt.datetime],
        *,
        interval: dt.timedelta,
        concurrency: int,
        notify: Notify | None = None,
    ) -> None:
        self.feeds = feeds
        self.options = options
        self.clock = clock
        self.interval = interval
        self.limit = asyncio.Semaphore(max(1, concurrency))
        self.notify = notify
        self._task: asyncio.Task[None] | None = None

    async def poll_due(self, guild_id: int | None = None) -> int:
        """Poll every due feed (of one server, or all); the number of entries queued."""
        due = await self.feeds.due(self.clock(), guild_id)
        queued = await asyncio.gather(*(self._guarded(feed) for feed in due))
        return sum(queued)

    async def _guarded(self, feed: WatchedFeed) -> int:
        async with self.limit:
            try:
                return await self.poll(feed)
            except Exception:
                # A store or parser bug must not stop the other feeds; the feed stays due.
                log.exception("polling feed %s failed", feed.url)
                return 0

    async def poll(self, feed: WatchedFeed) -> int:
        """Poll one feed and record the outcome; the number of entries queued."""
        headers = {}
        if feed.etag:
            headers["If-None-Match"] = feed.etag
        if feed.last_modified:
            headers["If-Modified-Since"] = feed.last_modified
        try:
            page = await fetch_page(feed.url, self.options, headers=headers, feed=True)
            if page.status == 304:
                await self.feeds.record_not_modified(feed, self.clock() + self.interval)
                return 0
            parsed = await asyncio.to_thread(parse_feed, page.body, page.final_url)
        except DigestbotError as exc:
            await self._failed(feed, str(exc))
            return 0
        now = self.clock()
        queued, left_out = await self.feeds.record_success(
            feed,
            parsed.entries,
            title=parsed.title,
            etag=page.headers.get("etag"),
            last_modified=page.headers.get("last-modified"),
            now=now,
            next_poll_at=now + self.interval,
            queue_after=EVER if feed.succeeded else now - FIRST_POLL_WINDOW,
        )
        if left_out:
            log.warning(
                "server %s: digest queue full, %d entries of %s left out",
                feed.guild_id,
                left_out,
                feed.url,
            )
        return queued

    async def _failed(self, feed: WatchedFeed, reason: str) -> None:
        failures = feed.failures + 1
        await self.feeds.record_failure(
            feed, reason, self.clock() + backoff(self.interval, failures)
        )
        log.info("feed %s failed (%d in a row): %s", feed.url, failures, reason)
        if failures >= FAILURES_TO_REPORT and not feed.failure_reported and self.notify:
            notice = FeedNotice(
                feed.guild_id, feed.channel_id, feed.url, failures, reason.rstrip(".")
            )
            if await self.notify(notice):
                await self.feeds.mark_reported(feed.id)

    def start(self, ready: Callable[[], Awaitable[object]]) -> None:
        """Poll in the background every `interval` (after `ready()`)."""
        if self._task is None:
            self._task = asyncio.create_task(self._loop(ready), name="feed-poller")

    async def stop(self) -> None:
        """Stop the background polling."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _loop(self, ready: Callable[[], Awaitable[object]]) -> None:
        await ready()
        while True:
            try:
                await self.poll_due()
            except Exception:
                log.exception("feed polling pass failed")
            await asyncio.sleep(min(self.interval.total_seconds(), 60.0))
