"""The `digestbot` command: summarise files, stdin or links offline, clean text, run the bot."""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from bot import digest_cli
from bot.inputs import article_from_bytes, is_url, read_bytes
from bot.render import FORMATS, render
from bot.settings import Settings
from summarizers.errors import DigestbotError
from summarizers.extract import METHODS
from summarizers.models import Article, Digest
from summarizers.pipeline import summarize

EXAMPLES = """\
examples:
  digestbot summarize article.txt
  digestbot summarize page.html --format markdown --sentences 4
  digestbot summarize https://example.com/news/story --format json
  cat story.txt | digestbot summarize - --quotes 2
  digestbot summarize *.txt --format jsonl > digests.jsonl
  digestbot clean page.html
  digestbot digest https://example.com/feed.xml story.html --since 24h
  digestbot run                      # start the Discord bot (needs DISCORD_TOKEN)

exit status: 0 when every input worked, 1 when any input failed (the others are still
printed), 2 for usage errors.
"""


def positive(value: str) -> int:
    """argparse type: an integer >= 1."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def non_negative(value: str) -> int:
    """argparse type: an integer >= 0."""
    if value.strip() == "0":
        return 0
    return positive(value)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for tests and --help)."""
    parser = argparse.ArgumentParser(
        prog="digestbot",
        description="Summarise news articles into digests: headline, key points, key quotes.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    summ = sub.add_parser(
        "summarize",
        help="summarise text or HTML files, stdin (-) or links",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    summ.add_argument("inputs", nargs="+", metavar="INPUT", help="file, '-' for stdin, or URL")
    summ.add_argument("--format", choices=FORMATS, default="text", help="output format")
    length = summ.add_mutually_exclusive_group()
    length.add_argument("--sentences", type=positive, metavar="N", help="number of key points")
    length.add_argument("--words", type=positive, metavar="N", help="word budget for the points")
    summ.add_argument(
        "--method", choices=sorted(METHODS), default="default", help="extractive method"
    )
    summ.add_argument("--quotes", type=non_negative, default=None, metavar="N",
                      help="number of key quotes (default from DIGESTBOT_QUOTES)")  # fmt: skip
    summ.add_argument(
        "--llm",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="have the LLM rewrite the points, checked against the article "
        "(default: on when OPENAI_API_KEY and DIGESTBOT_LLM_MODEL are set)",
    )

    clean = sub.add_parser("clean", help="print the cleaned article (text or JSON)")
    clean.add_argument("inputs", nargs="+", metavar="INPUT", help="file, '-' for stdin, or URL")
    clean.add_argument("--format", choices=("text", "json"), default="text")

    sub.add_parser("run", help="start the Discord bot (reads DISCORD_TOKEN and .env)")
    digest_cli.add_parser(sub)
    return parser


@dataclass(frozen=True)
class Outcome:
    """What happened to one input: an article and maybe a digest, or an error sentence."""

    name: str
    article: Article | None = None
    digest: Digest | None = None
    error: str | None = None


async def load_article(name: str, settings: Settings) -> Article:
    """Read one input: a URL is fetched safely, anything else is read as a file or stdin."""
    if is_url(name):
        from summarizers.fetch import fetch_article

        _page, article = await fetch_article(name, settings.fetch_options())
        return article
    data = await asyncio.to_thread(read_bytes, name)
    return await asyncio.to_thread(article_from_bytes, data)


async def process(
    names: Sequence[str], settings: Settings, args: argparse.Namespace
) -> list[Outcome]:
    """Load and (for `summarize`) digest every input, a few at a time, keeping input order."""
    limit = asyncio.Semaphore(4)
    progress = Progress(len(names))

    async def one(name: str) -> Outcome:
        async with limit:
            try:
                article = await load_article(name, settings)
                digest = None
                if args.command == "summarize":
                    quotes = settings.default_quotes if args.quotes is None else args.quotes
                    digest = await asyncio.to_thread(
                        summarize,
                        article,
                        sentences=args.sentences,
                        words=args.words,
                        method=args.method,
                        quotes=quotes,
                    )
                return Outcome(name, article, digest)
            except DigestbotError as exc:
                return Outcome(name, error=str(exc))
            finally:
                progress.step(name)

    try:
        return list(await asyncio.gather(*(one(n) for n in names)))
    finally:
        progress.done()


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
            print(f"digestbot: {outcome.name}: {warning} Showing the extractive digest.",
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


def emit(outcomes: list[Outcome], args: argparse.Namespace) -> int:
    """Print results on stdout and one line per failed input on stderr; return the status."""
    failed = False
    printed: list[str] = []
    json_items: list[object] = []
    for outcome in outcomes:
        if outcome.error is not None:
            failed = True
            print(f"digestbot: {outcome.name}: {outcome.error}", file=sys.stderr)
            continue
        if args.command == "clean":
            assert outcome.article is not None
            if args.format == "json":
                json_items.append(outcome.article.to_dict())
            else:
                printed.append(_article_text(outcome.article))
            continue
        assert outcome.digest is not None
        if args.format == "json":
            json_items.append(outcome.digest.to_dict())
        else:
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


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `digestbot` console script."""
    args = build_parser().parse_args(argv)
    try:
        settings = Settings.load()
    except DigestbotError as exc:
        print(f"digestbot: {exc}", file=sys.stderr)
        return 2
    logging.basicConfig(level=settings.log_level.upper(), stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")  # fmt: skip
    if args.command == "run":
        from bot.discord.app import run_bot

        return run_bot(settings)
    if args.command == "digest":
        from bot.digest_command import run_digest

        return run_digest(args, settings)
    try:
        outcomes = asyncio.run(process(args.inputs, settings, args))
        if wants_llm(args, settings):
            outcomes = asyncio.run(rewrite_outcomes(outcomes, settings))
    except KeyboardInterrupt:
        return 130
    return emit(outcomes, args)


if __name__ == "__main__":
    sys.exit(main())
