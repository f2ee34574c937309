"""Link → Digest for the bot: a safe fetch, the summary off the event loop, optional LLM.

Cleaning and summarising are CPU work in native parsers and Python: they run on one worker
thread of the bot's own, never on the event loop (heartbeats and the 3-second interaction
window are never missed) and never on several threads at once, so at most one page's parse
tree is in memory and native parsers are never used from two threads together.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

from bot.discord.workload import Workload
from bot.render.embeds import Failure
from bot.settings import Settings
from summarizers.errors import DigestbotError
from summarizers.fetch import fetch_page
from summarizers.fetch.article import article_from_page
from summarizers.models import Article, Digest, Page
from summarizers.pipeline import summarize
from summarizers.stories import Report

if TYPE_CHECKING:
    from summarizers.rewrite import Rewriter

log = logging.getLogger(__name__)

UNEXPECTED_STORY = "Something went wrong while summarising this link."
NO_LLM_NOTE = "The language model is not configured on this bot, so this is the extractive summary."
SUMMARY_RESERVE = 30.0  # seconds for cleaning and summarising one page, once it is fetched


class Digester:
    """Makes digests of links with the bot's settings; share one per bot.

    Every link of every command and digest takes a turn of the one `workload`, so the bot
    never holds more pages and parse trees than it has turns.
    """

    def __init__(
        self,
        settings: Settings,
        rewriter: Rewriter | None = None,
        workload: Workload | None = None,
    ) -> None:
        self.settings = settings
        self.fetch_options = settings.fetch_options()
        self.rewriter = rewriter
        self.workload = workload or Workload(
            settings.digest_concurrency, settings.summarize_backlog
        )
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="digest")

    def close(self) -> None:
        """Stop the worker thread once the summary in progress, if any, is done."""
        self._worker.shutdown(wait=False, cancel_futures=True)

    @property
    def reserve(self) -> float:
        """The most seconds one link takes once its turn started: fetch, summary, LLM."""
        llm = self.settings.llm_max_wait if self.rewriter is not None else 0.0
        return self.settings.fetch_timeout + SUMMARY_RESERVE + llm

    async def digest(
        self,
        url: str,
        *,
        points: int | None = None,
        llm: bool | None = None,
        deadline: float | None = None,
    ) -> Digest:
        """Fetch, clean and summarise `url`; rewrite with the LLM when asked (None: if set up).

        `deadline` (event-loop time) is when the work must have started, for a member who
        waits for the answer (see `Workload.turn`). Raises DigestbotError with a one-sentence
        reason when the link cannot be summarised, BusyError when it was turned away.
        """
        return (await self.report(url, points=points, llm=llm, deadline=deadline)).digest

    async def report(
        self,
        url: str,
        *,
        points: int | None = None,
        llm: bool | None = None,
        deadline: float | None = None,
    ) -> Report:
        """The article at `url` with its digest (see `digest`)."""
        async with self.workload.turn(deadline):
            return await self._report(url, points, llm)

    async def _report(self, url: str, points: int | None, llm: bool | None) -> Report:
        page = await fetch_page(url, self.fetch_options)
        loop = asyncio.get_running_loop()
        article, digest = await loop.run_in_executor(
            self._worker, self._summarize, page, points, self.settings.default_quotes
        )
        del page  # only the article is kept while the LLM, if any, rewrites
        if llm is False:
            return Report(article, digest)
        if self.rewriter is None:
            if llm:
                digest = dataclasses.replace(digest, notes=[*digest.notes, NO_LLM_NOTE])
            return Report(article, digest)
        return Report(article, await self.rewriter.rewrite(article, digest))

    @staticmethod
    def _summarize(page: Page, points: int | None, quotes: int) -> tuple[Article, Digest]:
        article = article_from_page(page)
        return article, summarize(article, sentences=points, quotes=quotes)

    async def digest_many(
        self, urls: Sequence[str], *, deadline: float | None = None
    ) -> list[Digest | Failure]:
        """Digests of `urls` in order, as turns come free; a link that fails (or was turned
        away, with a `deadline`) is a Failure."""
        reports = await self.reports_many(urls, deadline=deadline)
        return [r.digest if isinstance(r, Report) else r for r in reports]

    async def reports_many(
        self, urls: Sequence[str], *, deadline: float | None = None
    ) -> list[Report | Failure]:
        """Articles and digests of `urls` in order, as turns come free; a link that fails
        (or was turned away, with a `deadline`) becomes a Failure."""

        async def one(url: str) -> Report | Failure:
            try:
                return await self.report(url, deadline=deadline)
            except DigestbotError as exc:
                return Failure(url, str(exc))
            except Exception:
                log.exception("summarising %s failed", url)
                return Failure(url, UNEXPECTED_STORY)

        return list(await asyncio.gather(*(one(url) for url in urls)))
