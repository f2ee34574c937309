"""Fetcher benchmark: wall refusals on real article pages, and guarded fetch throughput.

Run: .venv/bin/python -m bench.fetch [--limit N] [--requests 200]

1. Walls. Every HTML page of the extraction sets in ../shared/eval is a real article page
   (a few are genuinely paywalled teasers). Each goes through `article_from_page`, the
   post-fetch half of `fetch_article` (charset, cleaning, wall rules, canonical URL); the
   table counts how many are refused and why. Baseline: pages the cleaner alone finds no
   text in. Every refusal is listed so it can be checked by eye.
2. Throughput. A page on a local server (127.0.0.1) is fetched `--requests` times with
   `fetch_page` (guarded resolver, socket gate, a new connection per request) beside plain
   aiohttp GETs over one keep-alive session: the cost of the guard.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import gzip
import json
import time
from pathlib import Path

import aiohttp

from bench.common import eval_dir
from summarizers.clean import clean_html
from summarizers.errors import DigestbotError, NotAnArticleError
from summarizers.fetch import FetchOptions, fetch_page
from summarizers.fetch.article import article_from_page
from summarizers.fetch.charset import decode_body, pick_charset
from summarizers.models import Page
from tests.servers.web import HOST, WebServer

FOLDERS = ("scrapinghub-article-extraction", "trafilatura-eval-en", "trafilatura-eval-multi")


def _page(path: Path) -> Page:
    raw = gzip.decompress(path.read_bytes())
    meta = json.loads(path.with_name(path.name.removesuffix(".html.gz") + ".json").read_text())
    url = meta.get("url") or "https://example.com/"
    return Page(url, url, 200, {}, raw, pick_charset(raw, None), "text/html")


def _cleaner_finds_nothing(page: Page) -> bool:
    try:
        return not clean_html(decode_body(page.body, page.charset), url=page.url).paragraphs
    except DigestbotError:
        return True


def bench_walls(limit: int | None) -> None:
    """Print refusals per folder and list each refused page."""
    print("| folder | pages | refused | reasons | cleaner finds nothing | ms/page |")
    print("|---|---|---|---|---|---|")
    refused_pages: list[str] = []
    for folder in FOLDERS:
        paths = sorted((eval_dir() / folder).glob("*.html.gz"))[:limit]
        reasons: collections.Counter[str] = collections.Counter()
        empty = 0
        seconds = 0.0
        for path in paths:
            page = _page(path)
            empty += _cleaner_finds_nothing(page)
            started = time.perf_counter()
            try:
                article_from_page(page)
            except NotAnArticleError as exc:
                reasons[str(exc)] += 1
                refused_pages.append(f"{folder}/{path.name}: {exc}")
            seconds += time.perf_counter() - started
        summary = "; ".join(f"{n}× {r}" for r, n in reasons.most_common()) or "-"
        ms = 1000 * seconds / max(len(paths), 1)
        print(
            f"| {folder} | {len(paths)} | {sum(reasons.values())} | {summary} | {empty} "
            f"| {ms:.0f} |"
        )
    for line in refused_pages:
        print(f"  refused: {line}")


async def bench_throughput(requests: int) -> None:
    """Print pages per second: fetch_page vs a plain keep-alive aiohttp session."""
    story = "<html><body>" + "<p>Some words of a local story.</p>" * 200 + "</body></html>"
    async with WebServer() as web:
        url = web.page("/story", story)
        options = FetchOptions(allow_hosts=(HOST,))
        started = time.perf_counter()
        for _ in range(requests):
            await fetch_page(url, options)
        guarded = time.perf_counter() - started
        started = time.perf_counter()
        async with aiohttp.ClientSession() as session:
            for _ in range(requests):
                async with session.get(url) as response:
                    await response.read()
        plain = time.perf_counter() - started
    print()
    print("| client | requests | pages/s | ms/page |")
    print("|---|---|---|---|")
    for name, seconds in (("fetch_page (guarded)", guarded), ("aiohttp keep-alive", plain)):
        print(
            f"| {name} | {requests} | {requests / seconds:.0f} | {1000 * seconds / requests:.1f} |"
        )


def main() -> None:
    """Parse arguments and run both parts."""
    parser = argparse.ArgumentParser(prog="bench.fetch")
    parser.add_argument("--limit", type=int, default=None, help="pages per folder")
    parser.add_argument("--requests", type=int, default=200, help="local fetches to time")
    args = parser.parse_args()
    bench_walls(args.limit)
    asyncio.run(bench_throughput(args.requests))


if __name__ == "__main__":
    main()
