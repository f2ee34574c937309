"""The `digest` subcommand's arguments (its work is in `bot.digest_command`, imported only
when it runs, so other subcommands do not load the feed and story code)."""

from __future__ import annotations

import argparse
import datetime as dt
import re

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([mhdw])\s*$", re.IGNORECASE)
_UNIT_HOURS = {"m": 1 / 60, "h": 1.0, "d": 24.0, "w": 168.0}

HELP = """\
examples:
  digestbot digest https://example.com/feed.xml https://example.org/rss --since 24h
  digestbot digest saved-feed.xml page.html story.txt --format json

exit status: 0 when every source and entry worked, 1 when any was skipped (listed in the
output and on stderr), 2 for usage errors.
"""


def duration(text: str) -> dt.timedelta:
    """argparse type: '24h', '90m', '2d', '1w' → a timedelta."""
    match = _DURATION.match(text)
    if not match or float(match[1]) <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a duration like 24h, 90m, 2d or 1w")
    return dt.timedelta(hours=float(match[1]) * _UNIT_HOURS[match[2].lower()])


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `digest` on the CLI's subcommands."""
    digest = sub.add_parser(
        "digest",
        help="the digest of links, feeds and files, one item per story",
        epilog=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    digest.add_argument(
        "sources",
        nargs="+",
        metavar="SOURCE",
        help="article or feed URL, saved page, text file or feed file",
    )
    digest.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    digest.add_argument(
        "--since",
        type=duration,
        default=dt.timedelta(hours=24),
        metavar="AGE",
        help="feed entries newer than this (default 24h)",
    )
