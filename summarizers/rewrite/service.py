"""The `Rewriter`: extractive digest in, rewritten digest out — or the extractive one, with why.

A rewrite asks once, checks the answer, and asks once more with the problems listed if it
fails. It never raises for API or validation trouble: the caller always gets a digest.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

import openai

from prompts import load_prompt
from summarizers.models import Article, Digest, Quote
from summarizers.rewrite.breaker import CircuitBreaker
from summarizers.rewrite.cache import RewriteCache, cache_key
from summarizers.rewrite.client import USAGE_KEYS, ChatClient, Usage, add_usage
from summarizers.rewrite.failures import describe
from summarizers.rewrite.options import LLMOptions
from summarizers.rewrite.parse import ParseError, parse_draft
from summarizers.rewrite.validate import (
    HEADLINE_CHARS,
    Problem,
    Reference,
    Verdict,
    check,
)
from summarizers.verify import Checker

log = logging.getLogger(__name__)

PROMPT_VERSION = "v1"
MAX_POINTS = 8
ARTICLE_CHARS = 12_000  # the article as shown to the model; checks always use all of it
OFF_MESSAGE = "The LLM rewriter is off: set OPENAI_API_KEY and DIGESTBOT_LLM_MODEL to use it."


@dataclass(frozen=True)
class RewriteOutcome:
    """The digest to show, and when it is the extractive one, the reason and a user sentence."""

    digest: Digest
    reason: str | None = None
    message: str | None = None


@dataclass(frozen=True)
class _Answer:
    """A checked answer: the raw text (for the repair turn) and its verdict."""

    text: str
    verdict: Verdict
    headline: str
    points: list[str]


class Rewriter:
    """Rewrites digests through an OpenAI-compatible server; share one per process.

    Holds the HTTP client, the concurrency limit and the circuit breaker. `cache` (optional)
    makes the same article free the second time. Use `async with` or call `aclose()`.
    """

    def __init__(
        self,
        options: LLMOptions,
        *,
        cache: RewriteCache | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] | None = None,
    ) -> None:
        self.options = options
        self.cache = cache
        self.breaker = CircuitBreaker(options.breaker_failures, options.breaker_cooldown, clock)
        self._limit = asyncio.Semaphore(max(1, options.concurrency))
        self._client = ChatClient(options, sleep) if options.enabled else None
        self._said_off = False
        self._prompt = load_prompt("rewrite", PROMPT_VERSION)
        self._repair = load_prompt("repair", PROMPT_VERSION)
        self._checker = Checker()

    @property
    def method(self) -> str:
        """The `method` of a rewritten digest."""
        return f"llm:{self.options.model} prompt {PROMPT_VERSION}"

    async def aclose(self) -> None:
        """Close the HTTP client."""
        if self._client is not None:
            await self._client.close()

    async def __aenter__(self) -> Rewriter:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def rewrite(self, article: Article, digest: Digest) -> Digest:
        """The rewritten digest, or `digest` itself with `method` saying why it was kept."""
        return (await self.rewrite_outcome(article, digest)).digest

    async def rewrite_outcome(self, article: Article, digest: Digest) -> RewriteOutcome:
        """Like `rewrite`, also giving the fallback reason and a one-sentence message."""
        if self._client is None:
            if not self._said_off:
                log.info(OFF_MESSAGE)
                self._said_off = True
            return RewriteOutcome(digest, "off", OFF_MESSAGE)
        key = cache_key(article, digest, self.options.model, PROMPT_VERSION, self._cache_options())
        if (entry := await self._cache_get(key)) is not None:
            return self._from_cache(digest, entry)
        async with self._limit:
            if not self.breaker.allow():
                wait = f"The LLM is skipped for {self.breaker.remaining():.0f} s after failures."
                return _fallback(digest, "paused after repeated failures", {}, wait)
            spent: Usage = dict.fromkeys(USAGE_KEYS, 0)
            try:
                outcome = await self._converse(self._client, article, digest, spent)
            except (openai.APIError, TimeoutError) as exc:
                self.breaker.failed()
                reason, message = describe(exc, self.options)
                log.debug("LLM rewrite failed: %s", message)
                return _fallback(digest, reason, spent, message)
            self.breaker.succeeded()
        await self._cache_put(key, outcome)
        return outcome

    def _cache_options(self) -> Mapping[str, Any]:
        return {"temperature": self.options.temperature}

    async def _cache_get(self, key: str) -> Mapping[str, Any] | None:
        if self.cache is None:
            return None
        try:
            return await self.cache.get(key)
        except Exception as exc:  # a broken cache must not cost the digest
            log.warning("LLM cache read failed: %s", exc)
            return None

    async def _cache_put(self, key: str, outcome: RewriteOutcome) -> None:
        if self.cache is None:
            return
        try:
            await self.cache.put(key, _to_entry(outcome))
        except Exception as exc:  # a broken cache must not cost the digest
            log.warning("LLM cache write failed: %s", exc)

    async def _converse(
        self, client: ChatClient, article: Article, digest: Digest, spent: Usage
    ) -> RewriteOutcome:
        """Ask, check, ask once more to repair; `spent` accumulates token usage in place."""
        ref = Reference(article, digest)
        max_points = min(MAX_POINTS, max(1, len(digest.points)))
        messages = self._prompt.render(
            language=ref.language or "unknown",
            headline_chars=HEADLINE_CHARS,
            point_chars=ref.point_chars,
            max_points=max_points,
            max_quotes=len(digest.quotes),
            points="\n".join(f"- {p}" for p in digest.points),
            quotes="\n".join(f"- {q.text} — {q.speaker or 'unknown'}" for q in digest.quotes)
            or "(none)",
            headline=article.headline or "(none)",
            article=article.text[:ARTICLE_CHARS],
        )
        # One time budget for the whole rewrite, repair included (queueing excluded).
        deadline = asyncio.get_running_loop().time() + self.options.max_wait
        answer = None
        for turn in range(2):
            if answer is not None:
                if asyncio.get_running_loop().time() >= deadline:
                    break
                problems = "\n".join(f"- {p.detail}" for p in answer.verdict.problems)
                messages += [{"role": "assistant", "content": answer.text}]
                messages += self._repair.render(problems=problems)
            completion = await client.complete(messages, deadline)
            spent.update(add_usage(spent, completion.usage))
            answer = _check(completion.text, ref, max_points, len(digest.quotes), self._checker)
            if not answer.verdict.problems:
                return self._accepted(digest, answer, spent, [])
            log.info(
                "LLM answer rejected (%s): %s",
                "first answer" if turn == 0 else "after repair",
                "; ".join(p.detail for p in answer.verdict.problems),
            )
        assert answer is not None
        if answer.verdict.only_quote_problems:
            dropped = sum(q is None for q in answer.verdict.quotes)
            note = f"LLM: dropped {dropped} quote(s) not found as said in the article"
            return self._accepted(digest, answer, spent, [note])
        reason = answer.verdict.reason
        message = f"The LLM's rewrite failed the fact check ({reason})."
        return _fallback(digest, reason, spent, message)

    def _accepted(
        self, digest: Digest, answer: _Answer, spent: Usage, notes: list[str]
    ) -> RewriteOutcome:
        quotes = [q for q in answer.verdict.quotes if q is not None]
        rewritten = dataclasses.replace(
            digest,
            headline=answer.headline or digest.headline,
            points=answer.points,
            # The extractive quotes are verified by construction: keep them if none survived.
            quotes=quotes or digest.quotes,
            method=self.method,
            notes=[*digest.notes, *notes],
            usage=dict(spent),
            evidence=answer.verdict.evidence,
        )
        return RewriteOutcome(rewritten)

    def _from_cache(self, digest: Digest, entry: Mapping[str, Any]) -> RewriteOutcome:
        free = dict.fromkeys(USAGE_KEYS, 0)
        if entry.get("reason"):
            reason = str(entry["reason"])
            return _fallback(digest, reason, free, f"{entry['message']} (cached answer)")
        quotes = [Quote.from_dict(q) for q in entry["quotes"]]
        rewritten = dataclasses.replace(
            digest,
            headline=entry["headline"],
            points=list(entry["points"]),
            quotes=quotes,
            method=f"{entry['method']} (cached)",
            notes=list(entry["notes"]),
            usage=free,
            evidence=[list(e) for e in entry.get("evidence", [])],
        )
        return RewriteOutcome(rewritten)


def _check(
    text: str, ref: Reference, max_points: int, max_quotes: int, checker: Checker
) -> _Answer:
    try:
        draft = parse_draft(text)
    except ParseError as exc:
        return _Answer(text, Verdict([Problem("malformed answer", str(exc))], []), "", [])
    verdict = check(draft, ref, max_points, max_quotes, checker)
    return _Answer(text, verdict, draft.headline, draft.points)


def _fallback(digest: Digest, reason: str, spent: Usage, message: str) -> RewriteOutcome:
    label = "extractive" if digest.method == "default" else f"extractive {digest.method}"
    kept = dataclasses.replace(
        digest, method=f"{label} (llm: {reason})", usage=add_usage({}, spent)
    )
    return RewriteOutcome(kept, reason, message)


def _to_entry(outcome: RewriteOutcome) -> dict[str, Any]:
    digest = outcome.digest
    if outcome.reason is not None:
        return {"reason": outcome.reason, "message": outcome.message}
    return {
        "headline": digest.headline,
        "points": list(digest.points),
        "quotes": [q.to_dict() for q in digest.quotes],
        "method": digest.method,
        "notes": list(digest.notes),
        "usage": dict(digest.usage or {}),
        "evidence": [list(e) for e in digest.evidence],
    }
