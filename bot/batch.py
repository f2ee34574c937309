"""`digestbot summarize` and `digestbot clean`: many inputs in, one record or one line each out.

Inputs are read or fetched concurrently, but cleaned and summarised one at a time in one worker
thread: that work is CPU-bound Python (threads would not run it faster) and holds a page's
trees in memory, so one at a time keeps a batch's peak memory that of its largest page.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import logging
import sys
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from bot.inputs import Input, article_from_bytes, read_bytes, resolve
from bot.pipes import stdout_gone
from bot.render import render
from bot.settings import Settings, SettingsError
from summarizers.errors import BlockedAddressError, DigestbotError
from summarizers.models import Article, Digest

# Inputs read or fetched at once.
_CONCURRENT_INPUTS = 4
# The longest input name an error line repeats ("digestbot: <name>: <sentence>").
_SHOWN_NAME = 80


@dataclass(frozen=True)
class Outcome:
    """What happened to one input: an article and maybe a digest, or an error sentence."""

    name: str
    article: Article | None = None
    digest: Digest | None = None
    error: str | None = None


def shown(name: str) -> str:
    """`name` as an error line repeats it: long inputs (a 100 KB URL) cut in the middle."""
    if len(name) <= _SHOWN_NAME:
        return name
    half = (_SHOWN_NAME - 1) // 2
    return f"{name[:half]}…{name[-half:]}"


def run_batch(args: argparse.Namespace, settings: Settings) -> int:
    """Run `summarize` or `clean` over `args.inputs`; the exit status."""
    inputs = [resolve(name) for name in args.inputs]
    try:
        # A bad DIGESTBOT_ALLOW_HOSTS is a usage error, not a failure of each link.
        fetch = settings.fetch_options() if any(i.url for i in inputs) else None
    except SettingsError as exc:
        print(f"digestbot: {exc}", file=sys.stderr)
        return 2
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="digestbot-clean") as worker:
        outcomes = asyncio.run(process(inputs, settings, args, fetch, worker))
    if wants_llm(args, settings):
        outcomes = asyncio.run(rewrite_outcomes(outcomes, settings))
    try:
        status = emit(outcomes, args)
        sys.stdout.flush()
    except BrokenPipeError:
        return stdout_gone()
    return status


async def load_article(
    source: Input, fetch: object | None, worker: ThreadPoolExecutor, max_bytes: int
) -> Article:
    """Read one input: a URL is fetched safely, anything else is read as a file or stdin."""
    loop = asyncio.get_running_loop()
    if source.url is not None:
        from summarizers.fetch import FetchOptions, fetch_page
        from summarizers.fetch.article import article_from_page

        assert isinstance(fetch, FetchOptions)
        page = await fetch_page(source.url, fetch)
        return await loop.run_in_executor(worker, article_from_page, page)
    data = await asyncio.to_thread(read_bytes, source.name, max_bytes)
    return await loop.run_in_executor(worker, article_from_bytes, data)


async def process(
    inputs: Sequence[Input],
    settings: Settings,
    args: argparse.Namespace,
    fetch: object | None,
    worker: ThreadPoolExecutor,
) -> list[Outcome]:
    """Load and (for `summarize`) digest every input, keeping input order."""
    from summarizers.pipeline import summarize

    limit = asyncio.Semaphore(_CONCURRENT_INPUTS)
    progress = Progress(len(inputs))
    loop = asyncio.get_running_loop()
    quotes = settings.default_quotes if getattr(args, "quotes", None) is None else args.quotes

    def digest_of(article: Article) -> Digest:
        return summarize(
            article, sentences=args.sentences, words=args.words, method=args.method, quotes=quotes
        )

    async def one(source: Input) -> Outcome:
        async with limit:
            try:
                article = await load_article(source, fetch, worker, settings.max_page_bytes)
                digest = None
                if args.command == "summarize":
                    digest = await loop.run_in_executor(worker, digest_of, article)
                return Outcome(source.name, article, digest)
            except BlockedAddressError as exc:
                return Outcome(source.name, error=_with_allow_hint(exc))
            except DigestbotError as exc:
                return Outcome(source.name, error=str(exc))
            finally:
                progress.step(source.name)

    try:
        return list(await asyncio.gather(*(one(i) for i in inputs)))
    finally:
        progress.done()


def _with_allow_hint(exc: BlockedAddressError) -> str:
    """The refusal of a private address, plus the setting that allows one (only the CLI's user
    can set it; the bot's users cannot)."""
    from summarizers.fetch.guard import PRIVATE_MESSAGE

    hint = " To allow it, add it to DIGESTBOT_ALLOW_HOSTS."
    return f"{exc}{hint}" if str(exc) == PRIVATE_MESSAGE else str(exc)


def wants_llm(args: argparse.Namespace, settings: Settings) -> bool:
    """`--llm` / `--no-llm`, else on when the LLM is configured; warns once if it cannot be."""
    if args.command != "summarize" or args.llm is False:
        return False
    if not settings.llm_enabled:
        if args.llm:
            print("digestbot: --llm ignored: set OPENAI_API_KEY and DIGESTBOT_LLM_MODEL to use "
                  "the LLM rewriter.", file=sys.stderr)  # fmt: skip
        return False
    return True


async def rewrite_outcomes(outcomes: list[Outcome], settings: Settings) -> list[Outcome]:
    """Have the LLM rewrite every digest; where it cannot, keep the extractive one and warn."""
    from bot.store.llm_cache import open_llm_cache
    from summarizers.rewrite import rewrite_with_settings

    # The SDK's HTTP client logs every request at INFO: noise beside the digest.
    for name in ("httpx", "httpx2"):
        logging.getLogger(name).setLevel(max(logging.WARNING, logging.getLogger().level))
    done = [(o, o.article, o.digest) for o in outcomes if o.article and o.digest]
    async with open_llm_cache(settings.db_path) as cache:
        digests, warnings = await rewrite_with_settings(
            settings, [(a, d) for _, a, d in done], cache
        )
    for (outcome, _, _), warning in zip(done, warnings, strict=True):
        if warning:
            print(f"digestbot: {shown(outcome.name)}: {warning} Showing the extractive digest.",
                  file=sys.stderr)  # fmt: skip
    rewritten = {id(o): d for (o, _, _), d in zip(done, digests, strict=True)}
    return [dataclasses.replace(o, digest=rewritten.get(id(o), o.digest)) for o in outcomes]


class Progress:
    """A one-line progress counter on stderr, only for several inputs on a terminal."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.count = 0
        self.active = total > 1 and sys.stderr.isatty()

    def step(self, name: str) -> None:
        """Count one finished input."""
        self.count += 1
        if self.active:
            sys.stderr.write(f"\r\033[K[{self.count}/{self.total}] {name[-60:]}")
            sys.stderr.flush()

    def done(self) -> None:
        """Clear the line."""
        if self.active:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


def record(outcome: Outcome, command: str) -> dict[str, object]:
    """The JSON record of one input: which input it was (as given), then the article or digest."""
    content = outcome.article if command == "clean" else outcome.digest
    assert content is not None
    return {"input": outcome.name, **content.to_dict()}


def emit(outcomes: list[Outcome], args: argparse.Namespace) -> int:
    """Print results on stdout and one line per failed input on stderr; return the status."""
    failed = False
    printed: list[str] = []
    json_items: list[object] = []
    for outcome in outcomes:
        if outcome.error is not None:
            failed = True
            print(f"digestbot: {shown(outcome.name)}: {outcome.error}", file=sys.stderr)
        elif args.format == "json":
            json_items.append(record(outcome, args.command))
        elif args.format == "jsonl":
            printed.append(json.dumps(record(outcome, args.command), ensure_ascii=False))
        elif args.command == "clean":
            assert outcome.article is not None
            printed.append(_article_text(outcome.article))
        else:
            assert outcome.digest is not None
            printed.append(render(outcome.digest, args.format))
    if args.format == "json" and json_items:
        payload = json_items[0] if len(args.inputs) == 1 else json_items
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    separator = "\n" if args.format == "jsonl" else "\n\n" + "-" * 40 + "\n\n"
    if printed:
        print(separator.join(printed))
    return 1 if failed else 0


def _article_text(article: Article) -> str:
    head = [article.headline or "", article.byline or ""]
    if article.published:
        head.append(article.published.isoformat())
    lines = [h for h in head if h]
    return "\n".join([*lines, "", article.text] if lines else [article.text])
