"""Feed polling speed: 50 feeds on a local server that answers each after 200 ms.

    .venv/bin/python -m bench.feeds [--feeds 50] [--latency 0.2] [--concurrency 10]

One poll of every feed through the real poller (guarded fetch, feedparser, SQLite record of
entries and queue), then a second poll where every feed answers 304 Not Modified. The
target: the first poll of 50 feeds at 200 ms in under 5 s (sequentially it would take
50 × 0.2 = 10 s of waiting alone).
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import tempfile
import time
from pathlib import Path

from aiohttp import web

from bench.gate import write_figures
from bot.feed_poller import FeedPoller
from bot.store.access import Store
from bot.store.db import Database
from bot.store.feeds import Feeds
from summarizers.fetch import normalize_url
from tests.servers.feeds import FeedSite, Item
from tests.servers.web import WebServer

NOW = dt.datetime(2026, 11, 21, 12, 0, tzinfo=dt.UTC)
ENTRIES = 20


async def run(feeds: int, latency: float, concurrency: int) -> dict[str, float]:
    async with WebServer() as server:
        site = FeedSite(server)
        urls = []
        for n in range(feeds):
            items = [
                Item(f"Story {n}-{k}", server.url(f"/s/{n}/{k}"), f"{n}-{k}", NOW)
                for k in range(ENTRIES)
            ]
            urls.append(site.feed(f"/feed/{n}.xml", items))
        # Every feed answers after `latency`, as a distant site would.
        for path, handler in list(server.routes.items()):

            async def slow(request: web.BaseRequest, inner=handler) -> web.StreamResponse:
                await asyncio.sleep(latency)
                return await inner(request)

            server.routes[path] = slow
        with tempfile.TemporaryDirectory() as tmp:
            async with Database(Path(tmp) / "bench.sqlite3") as db:
                store = Feeds(Store(db))
                for url in urls:
                    await store.add(1, 10, url, normalize_url(url), None, NOW)
                clock = [NOW]
                poller = FeedPoller(
                    store,
                    server.options(total_timeout=30.0),
                    lambda: clock[0],
                    interval=dt.timedelta(minutes=15),
                    concurrency=concurrency,
                )
                started = time.perf_counter()
                queued = await poller.poll_due()
                first = time.perf_counter() - started
                clock[0] = NOW + dt.timedelta(minutes=15)
                started = time.perf_counter()
                await poller.poll_due()
                second = time.perf_counter() - started
    return {
        "first_poll_seconds": first,
        "not_modified_poll_seconds": second,
        "entries_queued": float(queued),
    }


def main() -> None:
    parser = argparse.ArgumentParser(prog="bench.feeds")
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--latency", type=float, default=0.2)
    parser.add_argument("--concurrency", type=int, default=10)
    args = parser.parse_args()
    figures = asyncio.run(run(args.feeds, args.latency, args.concurrency))
    print(
        f"{args.feeds} feeds × {ENTRIES} entries, {args.latency * 1000:.0f} ms latency, "
        f"concurrency {args.concurrency}"
    )
    print(
        f"first poll (entries parsed, recorded, queued): {figures['first_poll_seconds']:.2f} s "
        f"(target < 5 s), {figures['entries_queued']:.0f} entries queued"
    )
    print(f"second poll (every feed 304): {figures['not_modified_poll_seconds']:.2f} s")
    write_figures("feeds", figures)


if __name__ == "__main__":
    main()
