"""`digestbot verify`: is a summary supported by its article, sentence by sentence?

    digestbot verify ARTICLE SUMMARY [--format text|json]   (files, '-' for one on stdin, URL)
    digestbot verify --jsonl < pairs.jsonl                   ({"id","article","summary"} lines)

Exit status: 0 when every sentence is supported, 1 when any is not (or a JSON line was bad),
2 for usage errors.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Iterator
from contextlib import AsyncExitStack
from typing import TYPE_CHECKING, Any, TextIO

from summarizers.errors import DigestbotError, InputError

if TYPE_CHECKING:
    # Imported where used: `digestbot --help` and the other commands need none of them.
    from bot.settings import Settings
    from summarizers.models import Article
    from summarizers.verify import ArticleIndex, Checker, Report
    from summarizers.verify.judge import Judge

USAGE = "give ARTICLE and SUMMARY (files, URLs or '-' for one of them), or --jsonl alone"
EXAMPLES = """\
examples:
  digestbot verify story.html digest.txt
  digestbot verify https://example.com/story - --format json < summary.txt
  digestbot verify --jsonl < pairs.jsonl > verdicts.jsonl

exit status: 0 when every sentence is supported, 1 when any is not, 2 for usage errors.
"""


def add_parser(sub: Any) -> None:
    """Register `verify` on the `digestbot` subcommand parsers."""
    verify = sub.add_parser(
        "verify",
        help="check that a summary is supported by its article, sentence by sentence",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    verify.add_argument("article", nargs="?", metavar="ARTICLE", help="file, '-' or URL")
    verify.add_argument("summary", nargs="?", metavar="SUMMARY", help="file or '-'")
    verify.add_argument("--format", choices=("text", "json"), default="text")
    verify.add_argument(
        "--jsonl", action="store_true", help='read {"id","article","summary"} lines on stdin'
    )


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Run `digestbot verify`; returns the exit status."""
    given = [a for a in (args.article, args.summary) if a is not None]
    if args.jsonl == bool(given) or (not args.jsonl and len(given) != 2):
        print(f"digestbot verify: {USAGE}.", file=sys.stderr)
        return 2
    if given.count("-") > 1:
        print("digestbot verify: only one of ARTICLE and SUMMARY can be '-'.", file=sys.stderr)
        return 2
    try:
        if args.jsonl:
            return asyncio.run(_batch(sys.stdin, sys.stdout, settings))
        return asyncio.run(_one(args, settings))
    except DigestbotError as exc:
        print(f"digestbot verify: {exc}", file=sys.stderr)
        return 1


async def _judged(
    checker: Checker, judge: Judge | None, index: ArticleIndex, summary: str
) -> Report:
    report = await asyncio.to_thread(checker.check, index, summary)
    return report if judge is None else await judge.review(checker, index, report)


def _index_of(article: Article) -> ArticleIndex:
    from summarizers.verify import ArticleIndex

    facts = [f for f in (article.headline, article.byline, article.site) if f]
    if article.published:
        facts.append(article.published.strftime("%A %d %B %Y"))
    return ArticleIndex(article.text, article.language, facts)


async def _one(args: argparse.Namespace, settings: Settings) -> int:
    from concurrent.futures import ThreadPoolExecutor

    from bot.batch import load_article
    from bot.inputs import decode, read_bytes, resolve

    source = resolve(args.article)
    try:
        fetch = settings.fetch_options() if source.url else None
        with ThreadPoolExecutor(max_workers=1) as worker:
            article = await load_article(source, fetch, worker, settings.max_page_bytes)
    except DigestbotError as exc:
        raise InputError(f"{args.article}: {exc}") from None
    try:
        raw = await asyncio.to_thread(read_bytes, args.summary, settings.max_page_bytes)
        summary = decode(raw).strip()
    except DigestbotError as exc:
        raise InputError(f"{args.summary}: {exc}") from None
    index = await asyncio.to_thread(_index_of, article)
    from summarizers.verify import Checker

    checker = Checker()
    async with AsyncExitStack() as stack:
        judge = await _open_judge(stack, settings)
        report = await _judged(checker, judge, index, summary)
    if not report.sentences:
        raise InputError("The summary has no sentences to check.")
    if args.format == "json":
        payload = report.to_dict() | {"article_sentences": [s.text for s in index.sentences]}
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        print(render_text(report, index))
    return 0 if report.supported else 1


async def _open_judge(stack: AsyncExitStack, settings: Settings) -> Judge | None:
    options = settings.judge_options()
    if options is None:
        return None
    from summarizers.verify.judge import Judge

    return await stack.enter_async_context(Judge(options))


def render_text(report: Report, index: ArticleIndex) -> str:
    """Each sentence with its verdict, evidence and problems; the summary's verdict last."""
    lines = []
    for number, verdict in enumerate(report.sentences, 1):
        label = "supported" if verdict.supported else "NOT SUPPORTED"
        lines.append(f"{number}. {label} ({verdict.score:.2f}): {verdict.text}")
        for i in verdict.evidence:
            lines.append(f"   evidence [{i}] {index.sentences[i].text}")
        lines += [f"   problem: {p.kind}: {p.detail}" for p in verdict.problems]
        if verdict.judged:
            lines.append(f"   judge: {verdict.judged}")
    done = sum(v.supported for v in report.sentences)
    verdict_line = "supported" if report.supported else "not supported"
    lines.append(f"summary: {verdict_line} ({done} of {len(report.sentences)} sentences)")
    return "\n".join(lines)


def _items(stream: TextIO) -> Iterator[tuple[Any, str, str] | tuple[Any, None, str]]:
    """(id, article, summary) per non-blank line, or (id, None, error sentence)."""
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError:
            yield None, None, f"line {number} is not JSON"
            continue
        if not isinstance(item, dict):
            yield None, None, f"line {number} is not a JSON object"
            continue
        ident = item.get("id")
        article, summary = item.get("article"), item.get("summary")
        if not isinstance(article, str) or not article.strip():
            yield ident, None, '"article" must be a non-empty string'
        elif not isinstance(summary, str) or not summary.strip():
            yield ident, None, '"summary" must be a non-empty string'
        else:
            yield ident, article, summary


async def _batch(stream: TextIO, out: TextIO, settings: Settings) -> int:
    from summarizers.verify import ArticleIndex, Checker

    checker = Checker()
    failed = False
    async with AsyncExitStack() as stack:
        judge = await _open_judge(stack, settings)
        for ident, article, text in _items(stream):
            if article is None:
                failed = True
                out.write(json.dumps({"id": ident, "error": text}, ensure_ascii=False) + "\n")
                continue
            index = ArticleIndex(article)
            report = await _judged(checker, judge, index, text)
            if not report.sentences:
                failed = True
                line = {"id": ident, "error": "the summary has no sentences"}
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
                continue
            failed = failed or not report.supported
            out.write(json.dumps({"id": ident, **report.to_dict()}, ensure_ascii=False) + "\n")
            out.flush()
    return 1 if failed else 0
