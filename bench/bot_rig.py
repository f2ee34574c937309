"""The rig the bot benchmarks share: the real `digestbot run` process, the Discord stand-in
and a web server of real news pages, all on 127.0.0.1.

    async with Rig(workdir) as rig:
        urls = rig.serve(news_pages(300))
        interactions = await rig.summarize_all(urls)
        tally = await rig.wait_for_answers(interactions, timeout=600)
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import sys
import time
from collections.abc import Mapping, Sequence
from contextlib import AsyncExitStack
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from bench.common import eval_dir
from tests.discord_stub import DiscordStub, Interaction, StoredMessage
from tests.discord_stub.bot_process import BotProcess
from tests.servers.web import WebServer

# Folders of saved news pages (HTML, gzipped), in the order pages are taken from them.
PAGE_FOLDERS = ("scrapinghub-article-extraction", "trafilatura-eval-en", "trafilatura-eval-multi")
ACK_DEADLINE = 3.0  # Discord's window for the first answer to an interaction
READY_TIMEOUT = 60.0
ANSWER_TIMEOUT = 120.0
SAMPLE_EVERY = 0.25


def news_pages(count: int) -> list[bytes]:
    """`count` saved news pages from the evaluation folders (fewer if there are not enough)."""
    pages: list[bytes] = []
    for folder in PAGE_FOLDERS:
        for path in sorted((eval_dir() / folder).glob("*.html.gz")):
            if len(pages) == count:
                return pages
            pages.append(gzip.decompress(path.read_bytes()))
    return pages


@dataclass
class Tally:
    """What the members saw, over a set of interactions."""

    total: int = 0
    acknowledged_in_time: int = 0
    answered: int = 0
    digests: int = 0
    one_liners: dict[str, int] = field(default_factory=dict)
    answer_seconds: list[float] = field(default_factory=list)
    bot_died: bool = False

    def figures(self, prefix: str) -> dict[str, float]:
        """Percentages and the slowest answers, named `prefix.*`."""
        seconds = sorted(self.answer_seconds) or [float("nan")]
        page_refusals = sum(n for text, n in self.one_liners.items() if not _about_load(text))
        summarisable = max(self.total - page_refusals, 1)
        return {
            f"{prefix}.acknowledged_3s_pct": 100 * self.acknowledged_in_time / self.total,
            f"{prefix}.answered_pct": 100 * self.answered / self.total,
            f"{prefix}.digests_posted_pct": 100 * self.digests / summarisable,
            f"{prefix}.answer_p50_s": seconds[len(seconds) // 2],
            f"{prefix}.answer_max_s": seconds[-1],
            f"{prefix}.bot_crashes": float(self.bot_died),
        }


def _about_load(text: str) -> bool:
    """A one-line answer about the bot's load rather than about the page."""
    return "try again" in text.lower()


class RssSampler:
    """Samples the bot process's resident memory while it runs."""

    def __init__(self, bot: BotProcess) -> None:
        self.bot = bot
        self.samples: list[float] = []
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Sample every SAMPLE_EVERY seconds until `stop()`."""
        self._task = asyncio.create_task(self._sample())

    async def _sample(self) -> None:
        while True:
            with contextlib.suppress(OSError, LookupError, AssertionError):
                self.samples.append(self.bot.rss_mb())  # none between a kill and a restart
            await asyncio.sleep(SAMPLE_EVERY)

    async def stop(self) -> None:
        """Stop sampling."""
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)


class Rig:
    """A stand-in, a web server and a `digestbot run` process (started by `__aenter__`)."""

    def __init__(
        self,
        workdir: Path,
        env: Mapping[str, str] | None = None,
        stub_options: Mapping[str, Any] | None = None,
        python: str = sys.executable,
    ) -> None:
        self.workdir = workdir
        self.stub = DiscordStub(heartbeat_interval_ms=5000, **(stub_options or {}))
        self.web = WebServer()
        self.bot = BotProcess(self.stub, workdir, env, python)
        self._stack = AsyncExitStack()

    async def __aenter__(self) -> Self:
        await self._stack.enter_async_context(self.stub)
        await self._stack.enter_async_context(self.web)
        await self.start_bot()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            await self.bot.stop()
        finally:
            await self._stack.aclose()

    async def start_bot(self) -> None:
        """Start the bot and wait until it is connected and has registered its commands."""
        connections = self.stub.gateway.connections
        await self.bot.start()
        await self.stub.state.wait_for(
            lambda: self.stub.gateway.connections > connections and self.stub.gateway.connected,
            READY_TIMEOUT,
        )
        await self.stub.wait_ready(READY_TIMEOUT)
        await self.stub.state.wait_for(lambda: self.stub.state.global_commands, READY_TIMEOUT)

    async def command(
        self, name: str, options: Mapping[str, Any] | None = None, user: str = "moderator"
    ) -> StoredMessage:
        """Run slash command `name` in #general; its final answer."""
        interaction = await self.stub.dispatch_interaction(name, options, user=user)
        return await self.stub.wait_for_response(interaction, ANSWER_TIMEOUT)

    def serve(self, pages: Sequence[bytes]) -> list[str]:
        """Serve each page at its own path; their URLs."""
        return [self.web.page(f"/news/{n}.html", html) for n, html in enumerate(pages)]

    async def summarize_all(self, urls: Sequence[str], user: str = "reader") -> list[Interaction]:
        """/summarize for every URL at once (as fast as the gateway takes them)."""
        return [
            await self.stub.dispatch_interaction("summarize", {"url": url}, user=user)
            for url in urls
        ]

    async def wait_for_answers(self, interactions: Sequence[Interaction], timeout: float) -> Tally:
        """Wait until every interaction has its final answer (or `timeout`); what was seen."""
        deadline = time.monotonic() + timeout
        answered_at: dict[int, float] = {}
        while len(answered_at) < len(interactions) and time.monotonic() < deadline:
            if not self.bot.running:
                break  # crashed: nothing more will come
            for interaction in interactions:
                if interaction.id not in answered_at and self.stub.answer(interaction):
                    answered_at[interaction.id] = time.monotonic()
            await asyncio.sleep(0.2)
        tally = Tally(total=len(interactions), bot_died=not self.bot.running)
        for interaction in interactions:
            delay = interaction.response_delay
            tally.acknowledged_in_time += delay is not None and delay < ACK_DEADLINE
            answer = self.stub.answer(interaction)
            if answer is None:
                continue
            tally.answered += 1
            tally.answer_seconds.append(answered_at[interaction.id] - interaction.dispatched_at)
            if answer.embeds and not answer.ephemeral:
                tally.digests += 1
            else:
                tally.one_liners[answer.content] = tally.one_liners.get(answer.content, 0) + 1
        return tally


@dataclass(frozen=True)
class DigestCount:
    """How a channel shows digests of some links: stories missing or twice, messages twice."""

    lost: int
    duplicated: int

    @property
    def clean(self) -> bool:
        """Every story once, no message twice."""
        return self.lost == 0 and self.duplicated == 0


def count_digests(stub: DiscordStub, channel: str, links: Sequence[str]) -> DigestCount:
    """Count what the bot posted in `channel` for `links` (each story embed links its URL;
    each message carries its own 'digest N · part i/n' line)."""
    ours = [m for m in stub.messages_in(channel) if m.author_id == stub.world.bot.id]
    shown = [e.get("url") for m in ours for e in m.embeds]
    lost = sum(1 for url in links if url not in shown)
    repeated_stories = sum(max(shown.count(url) - 1, 0) for url in links)
    contents = [m.content for m in ours if m.content]
    repeated_messages = len(contents) - len(set(contents))
    return DigestCount(lost, repeated_stories + repeated_messages)
