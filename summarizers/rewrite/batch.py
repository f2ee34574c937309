"""Rewrite many digests at once with the process settings: what the CLI calls."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Protocol

from summarizers.models import Article, Digest
from summarizers.rewrite.cache import RewriteCache
from summarizers.rewrite.options import LLMOptions
from summarizers.rewrite.service import Rewriter


class HasLLMOptions(Protocol):
    """Anything that can say how to reach the LLM (`bot.settings.Settings`)."""

    def llm_options(self) -> LLMOptions:
        """The rewriter's options."""
        ...


async def rewrite_with_settings(
    settings: HasLLMOptions,
    pairs: Sequence[tuple[Article, Digest]],
    cache: RewriteCache | None = None,
) -> tuple[list[Digest], list[str | None]]:
    """Rewrite every (article, extractive digest) pair, in parallel within the concurrency limit.

    Returns the digests in input order, and beside each either None or one sentence saying
    why the extractive digest was kept. Never raises for API or validation trouble.
    """
    async with Rewriter(settings.llm_options(), cache=cache) as rewriter:
        outcomes = await asyncio.gather(*(rewriter.rewrite_outcome(a, d) for a, d in pairs))
    return [o.digest for o in outcomes], [o.message for o in outcomes]
