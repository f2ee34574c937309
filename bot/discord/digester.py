"""Link → Digest for the bot: a safe fetch, the summary off the event loop, optional LLM."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.render.embeds import Failure
from bot.settings import Settings
from summarizers.errors import DigestbotError
from summarizers.fetch import fetch_article
from summarizers.models import Digest
from summarizers.pipeline import summarize
from summarizers.stories import Report

if TYPE_CHECKING:
    from summarizers.rewrite import Rewriter

log = logging.getLogger(__name__)

UNEXPECTED_STORY = "Something went wrong while summarising this link."
NO_LLM_NOTE = "The language model is not configured on this bot, so this is the extractive summary."


class Digester:
    """Makes digests of links with the bot's settings; share one per bot."""

    def __init__(self, settings: Settings, rewriter: Rewriter | None = None) -> None:
        self.settings = settings
        self.fetch_options = settings.fetch_options()
        self.rewriter = rewriter

    async def digest(
        self, url: str, *, points: int | None = None, llm: bool | None = None
    ) -> Digest:
        """Fetch, clean and summarise `url`; rewrite with the LLM when asked (None: if set up).

        Raises DigestbotError with a one-sentence reason when the link cannot be summarised.
        """
        return (await self.report(url, points=points, llm=llm)).digest

    async def report(
        self, url: str, *, points: int | None = None, llm: bool | None = None
    ) -> Report:
        """The article at `url` with its digest (see `digest`)."""
        _page, article = await fetch_article(url, self.fetch_options)
        # Summarising is CPU-bound (so is cleaning, which fetch_article runs in a thread): off
        # the event loop, so heartbeats and interaction deadlines are never missed.
        digest = await asyncio.to_thread(
            summarize, article, sentences=points, quotes=self.settings.default_quotes
        )
        if llm is False:
            return Report(article, digest)
        if self.rewriter is None:
            if llm:
                digest = dataclasses.replace(digest, notes=[*digest.notes, NO_LLM_NOTE])
            return Report(article, digest)
        return Report(article, await self.rewriter.rewrite(article, digest))

    async def digest_many(self, urls: Sequence[str]) -> list[Digest | Failure]:
        """Digests of `urls` in order, a few at a time; a link that fails becomes a Failure."""
        return [r.digest if isinstance(r, Report) else r for r in await self.reports_many(urls)]

    async def reports_many(self, urls: Sequence[str]) -> list[Report | Failure]:
        """Articles and digests of `urls` in order, a few at a time; a link that fails
        becomes a Failure."""
        limit = asyncio.Semaphore(max(1, self.settings.digest_concurrency))

        async def one(url: str) -> Report | Failure:
            async with limit:
                try:
                    return await self.report(url)
                except DigestbotError as exc:
                    return Failure(url, str(exc))
                except Exception:
                    log.exception("summarising %s failed", url)
                    return Failure(url, UNEXPECTED_STORY)

        return list(await asyncio.gather(*(one(url) for url in urls)))
