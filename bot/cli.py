"""The `digestbot` command: summarise files, stdin or links offline, clean text, run the bot.

This module only parses arguments: each command's module is imported when the command runs,
so that `digestbot --help` starts in a fraction of a second (no trafilatura, lxml, sumy,
numpy, OpenAI SDK or discord.py).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from bot import digest_cli, verify_cmd
from bot.pipes import stdout_gone
from bot.render import FORMATS
from bot.settings import Settings
from summarizers.errors import DigestbotError
from summarizers.extract.names import METHOD_NAMES

EXAMPLES = """\
examples:
  digestbot summarize article.txt
  digestbot summarize page.html --format markdown --sentences 4
  digestbot summarize https://example.com/news/story --format json
  digestbot summarize example.com/news/story   # no such file: fetched as https://
  cat story.txt | digestbot summarize - --quotes 2
  digestbot summarize *.txt --format jsonl > digests.jsonl
  digestbot clean page.html
  digestbot digest https://example.com/feed.xml story.html --since 24h
  digestbot verify article.html summary.txt   # is every sentence supported?
  digestbot run                      # start the Discord bot (needs DISCORD_TOKEN)

An INPUT is a file, '-' for stdin, or a link. A name that is no file but looks like a web
address without its scheme (example.com/story) is fetched as https://example.com/story.

exit status: 0 when every input worked, 1 when any input failed (the others are still
printed), 2 for usage errors and bad settings.
"""


INPUT_HELP = "file, '-' for stdin, or link (a host/path that is no file is fetched as https://)"


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
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("inputs", nargs="+", metavar="INPUT", help=INPUT_HELP)
    common.add_argument(
        "-v", "--verbose", action="store_true", help="also show the libraries' log messages"
    )

    summ = sub.add_parser(
        "summarize",
        parents=[common],
        help="summarise text or HTML files, stdin (-) or links",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    summ.add_argument("--format", choices=FORMATS, default="text", help="output format")
    length = summ.add_mutually_exclusive_group()
    length.add_argument("--sentences", type=positive, metavar="N", help="number of key points")
    length.add_argument("--words", type=positive, metavar="N", help="word budget for the points")
    summ.add_argument(
        "--method", choices=sorted(METHOD_NAMES), default="default", help="extractive method"
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

    clean = sub.add_parser(
        "clean", parents=[common], help="print the cleaned article (text, JSON or JSON lines)"
    )
    clean.add_argument("--format", choices=("text", "json", "jsonl"), default="text")

    sub.add_parser("run", help="start the Discord bot (reads DISCORD_TOKEN and .env)")
    digest_cli.add_parser(sub)
    verify_cmd.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `digestbot` console script."""
    try:
        status = _run_command(argv)
        sys.stdout.flush()
    except BrokenPipeError:
        return stdout_gone()
    return status


def _run_command(argv: Sequence[str] | None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = Settings.load()
    except DigestbotError as exc:
        print(f"digestbot: {exc}", file=sys.stderr)
        return 2
    if args.command == "run":
        logging.basicConfig(level=settings.log_level.upper(), stream=sys.stderr,
                            format="%(levelname)s %(name)s: %(message)s")  # fmt: skip
        from bot.discord.app import run_bot

        return run_bot(settings)
    _log_to_stderr(settings.log_level, verbose=getattr(args, "verbose", False))
    if args.command == "digest":
        from bot.digest_command import run_digest

        return run_digest(args, settings)
    if args.command == "verify":
        return verify_cmd.run(args, settings)
    from bot.batch import run_batch

    try:
        return run_batch(args, settings)
    except KeyboardInterrupt:
        return 130


def _log_to_stderr(level: str, *, verbose: bool) -> None:
    """digestbot's own log records on stderr; the libraries' too only with --verbose (a
    failing page would otherwise print trafilatura's warning beside digestbot's sentence)."""
    handler = logging.StreamHandler(sys.stderr)
    if not verbose:
        handler.addFilter(lambda record: record.name.split(".")[0] in ("bot", "summarizers"))
    numeric = logging.getLevelName(level.upper())
    if verbose and isinstance(numeric, int):
        numeric = min(numeric, logging.INFO)
    logging.basicConfig(level=numeric, handlers=[handler],
                        format="%(levelname)s %(name)s: %(message)s")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
