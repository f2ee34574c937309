"""`digestbot digest SOURCE...`: the digest the bot would post, from links, feeds and files.

A SOURCE is an article link, a feed link, a saved page or text file, or a saved feed. Feed
entries published before `--since` are left out; entries without a time are kept. Articles
that tell one story become one item (`summarizers.stories`). A source or entry that fails
is listed in `skipped` (and on stderr) and the rest goes on; the exit status is then 1.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.inputs import article_from_bytes, read_bytes, resolve
from bot.settings import Settings
from summarizers.errors import DigestbotError
from summarizers.feeds import FeedEntry, looks_like_feed, parse_feed
from summarizers.fetch import fetch_article, fetch_page
from summarizers.fetch.article import article_from_page
from summarizers.fetch.urls import normalize_url
from summarizers.models import Article
from summarizers.pipeline import summarize
from summarizers.stories import Report, StoryItem, stories

CONCURRENCY = 4


@dataclass
class Collected:
    """What the sources gave: articles with their feed time, and what was skipped."""

    articles: list[tuple[Article, dt.datetime | None]] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)

    def skip(self, key: str, name: str, reason: str) -> None:
        self.skipped.append({key: name, "reason": reason})


class Collector:
    """Reads every source, following feeds to their entries, a few fetches at a time."""

    def __init__(self, settings: Settings, since: dt.timedelta, now: dt.datetime) -> None:
        self.options = settings.fetch_options()
        self.max_bytes = settings.max_page_bytes
        self.cutoff = now - since
        self.limit = asyncio.Semaphore(CONCURRENCY)
        self.out = Collected()

    async def source(self, name: str) -> None:
        """One SOURCE: an article, or a feed whose recent entries are fetched."""
        try:
            async with self.limit:
                link = resolve(name).url
                if link is not None:
                    page = await fetch_page(link, self.options, feed=True)
                    data, url = page.body, page.final_url
                else:
                    data = await asyncio.to_thread(read_bytes, name, self.max_bytes)
                    url = None
                if looks_like_feed(data):
                    entries = parse_feed(data, url).entries
                elif link is not None:
                    self._add(await asyncio.to_thread(article_from_page, page), None)
                    return
                else:
                    self._add(await asyncio.to_thread(article_from_bytes, data), None)
                    return
        except DigestbotError as exc:
            self.out.skip("source", name, str(exc))
            return
        fresh = [e for e in entries if e.published is None or e.published >= self.cutoff]
        new = [e for e in fresh if e.norm_url not in self.out.seen]
        self.out.seen.update(e.norm_url for e in new)
        # Fetched concurrently, added in the feed's order.
        for entry, result in zip(
            new, await asyncio.gather(*(self.entry(e) for e in new)), strict=True
        ):
            if isinstance(result, Article):
                self._add(result, entry.published)
            else:
                self.out.skip("url", entry.url, result)

    async def entry(self, entry: FeedEntry) -> Article | str:
        """One feed entry's article, or why it could not be read."""
        try:
            async with self.limit:
                _page, article = await fetch_article(entry.url, self.options)
        except DigestbotError as exc:
            return str(exc)
        return article

    def _add(self, article: Article, published: dt.datetime | None) -> None:
        key = normalize_url(article.url) if article.url else None
        if key is not None and key in self.out.seen and published is None:
            return
        if key is not None:
            self.out.seen.add(key)
        self.out.articles.append((article, published))


async def collect(
    sources: Sequence[str], settings: Settings, since: dt.timedelta, now: dt.datetime
) -> Collected:
    """Every article the sources give, in source order, and what was skipped."""
    collector = Collector(settings, since, now)
    for name in sources:
        # Source by source keeps the output in the order given; each feed's entries are
        # fetched concurrently.
        await collector.source(name)
    return collector.out


def digest_items(collected: Collected, settings: Settings) -> list[StoryItem]:
    """Summarise every article and merge those that tell one story."""
    reports = []
    for article, published in collected.articles:
        try:
            digest = summarize(article, quotes=settings.default_quotes)
        except DigestbotError as exc:
            collected.skip("url", article.url or article.headline or "?", str(exc))
            continue
        reports.append(Report(article, digest, published))
    return stories(reports)


def run_digest(args: argparse.Namespace, settings: Settings) -> int:
    """The `digest` subcommand; its exit status."""
    from bot.render.stories import render_stories

    now = dt.datetime.now(dt.UTC)
    try:
        collected = asyncio.run(collect(args.sources, settings, args.since, now))
        items = digest_items(collected, settings)
    except KeyboardInterrupt:
        return 130
    for skipped in collected.skipped:
        name = skipped.get("source") or skipped.get("url")
        print(f"digestbot: {name}: {skipped['reason']}", file=sys.stderr)
    print(render_stories(items, collected.skipped, args.format))
    return 1 if collected.skipped else 0
