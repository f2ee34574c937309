"""The optional judge: an OpenAI-compatible model asked about sentences the checker is unsure of.

It reuses the rewriter's client (retries with backoff, `Retry-After`, deadline) and circuit
breaker. It can only settle a sentence the fitted checker found close to its threshold; a hard
failure (an invented quote, number, name or date) is never sent, so it is never passed.
Any trouble (an error, a breaker open, an answer that says neither yes nor no) leaves the
checker's decision standing.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging
import re
import time
from collections.abc import Awaitable, Callable

import openai

from prompts import load_prompt
from summarizers.rewrite.breaker import CircuitBreaker
from summarizers.rewrite.client import ChatClient
from summarizers.rewrite.options import LLMOptions
from summarizers.verify.checker import Checker, Report
from summarizers.verify.reference import ArticleIndex

log = logging.getLogger(__name__)

JUDGE_PROMPT_VERSION = "v1"
CONTEXT = 1  # article sentences either side of each evidence sentence shown to the judge
_YES_NO = re.compile(r"^\W*(yes|no|true|false|supported|unsupported)\b", re.IGNORECASE)


class Judge:
    """Asks the judge model; share one per process. Use `async with` or call `aclose()`."""

    def __init__(
        self,
        options: LLMOptions,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] | None = None,
    ) -> None:
        self.options = options
        self.breaker = CircuitBreaker(options.breaker_failures, options.breaker_cooldown, clock)
        self._client = ChatClient(options, sleep)
        self._limit = asyncio.Semaphore(max(1, options.concurrency))
        self._prompt = load_prompt("judge", JUDGE_PROMPT_VERSION)

    @property
    def name(self) -> str:
        return f"{self.options.model} prompt {JUDGE_PROMPT_VERSION}"

    async def aclose(self) -> None:
        await self._client.close()

    async def __aenter__(self) -> Judge:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def supports(self, evidence: list[str], sentence: str) -> bool | None:
        """The judge's answer: True, False, or None when it could not give one."""
        async with self._limit:
            if not self.breaker.allow():
                return None
            messages = self._prompt.render(
                evidence="\n".join(f"- {e}" for e in evidence) or "(none)", sentence=sentence
            )
            deadline = asyncio.get_running_loop().time() + self.options.max_wait
            try:
                completion = await self._client.complete(messages, deadline)
            except (openai.APIError, TimeoutError) as exc:
                self.breaker.failed()
                log.info("judge request failed: %s", type(exc).__name__)
                return None
            self.breaker.succeeded()
        return parse_answer(completion.text)

    async def review(self, checker: Checker, index: ArticleIndex, report: Report) -> Report:
        """The report with every unsure sentence settled by the judge where it answered."""

        async def one(position: int) -> None:
            verdict = report.sentences[position]
            around = sorted(
                {j for i in verdict.evidence for j in range(i - CONTEXT, i + CONTEXT + 1)}
            )
            shown = [index.sentences[j].text for j in around if 0 <= j < len(index.sentences)]
            answer = await self.supports(shown, verdict.text)
            if answer is not None:
                verdicts[position] = dataclasses.replace(
                    verdict,
                    supported=answer,
                    judged=f"{'supported' if answer else 'unsupported'} ({self.name})",
                )

        verdicts = list(report.sentences)
        unsure = [i for i, v in enumerate(report.sentences) if checker.unsure(v)]
        await asyncio.gather(*(one(i) for i in unsure))
        return Report(verdicts)


def parse_answer(text: str) -> bool | None:
    """{"supported": true}, a bare yes/no, or None for anything else."""
    try:
        value = json.loads(text.strip())
    except ValueError:
        match = _YES_NO.match(text)
        return None if match is None else match.group(1).lower() in {"yes", "true", "supported"}
    if isinstance(value, dict) and isinstance(value.get("supported"), bool):
        return bool(value["supported"])
    return None
