"""LLM rewriter throughput: the concurrency limit and the cache, against a local stub server.

Run: `.venv/bin/python -m bench.llm [--articles 20] [--delay 1.0] [--limits 4,10]`.
A Chat Completions server on 127.0.0.1 (tests/servers/openai_stub) answers every request
after `--delay` seconds with the article's own extractive points (so every answer passes the
validator). Each limit rewrites the articles once with an empty SQLite cache, then once
more with the filled cache. Baselines: one request at a time takes articles × delay
seconds; the limit should bring that to about articles / limit × delay; the cached run
should make no request at all.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.common import eval_dir
from bot.store.db import Database
from bot.store.llm_cache import LLMCache
from summarizers import Article, Digest, clean_text, summarize
from summarizers.rewrite import LLMOptions, Rewriter
from tests.servers.openai_stub import Behaviour, Fail, OpenAIStub, Reply, answer


def articles(count: int) -> list[tuple[Article, Digest]]:
    """`count` frank-cnndm articles with their extractive digests."""
    paths = sorted((eval_dir() / "frank-cnndm").glob("*.article.txt"))[:count]
    if len(paths) < count:
        raise SystemExit(f"need {count} articles in {eval_dir() / 'frank-cnndm'}")
    pairs = []
    for path in paths:
        article = clean_text(path.read_text(encoding="utf-8"))
        pairs.append((article, summarize(article, sentences=3, quotes=2)))
    return pairs


def responder(pairs: Sequence[tuple[Article, Digest]], delay: float) -> Any:
    """Answer each request with the extractive points of the article its prompt carries."""

    def respond(body: dict[str, Any]) -> Behaviour:
        prompt = "\n".join(str(m["content"]) for m in body["messages"])
        for _article, digest in pairs:
            if digest.points[0] in prompt:
                quotes = [(q.text, q.speaker or "") for q in digest.quotes]
                return Reply(answer(digest.points, digest.headline or "", quotes), delay=delay)
        return Fail(400, message="unknown article")

    return respond


async def run(
    pairs: Sequence[tuple[Article, Digest]], limit: int, delay: float, db_path: Path
) -> list[tuple[str, int, int, float, int, int]]:
    """(run, limit, requests, seconds, most in flight, rewritten) for a cold and a warm run."""
    rows = []
    async with Database(db_path) as db, OpenAIStub(then=responder(pairs, delay)) as stub:
        options = LLMOptions(
            api_key="bench", base_url=stub.base_url, model="bench-model",
            timeout=delay + 10, concurrency=limit,
        )  # fmt: skip
        for label in ("empty cache", "cached"):
            before = len(stub.requests)
            stub.max_in_flight = 0
            started = time.perf_counter()
            async with Rewriter(options, cache=LLMCache(db)) as rewriter:
                done = await asyncio.gather(*(rewriter.rewrite(a, d) for a, d in pairs))
            seconds = time.perf_counter() - started
            rewritten = sum(d.method.startswith("llm:") for d in done)
            rows.append(
                (label, limit, len(stub.requests) - before, seconds, stub.max_in_flight, rewritten)
            )
    return rows


def main(argv: Sequence[str] | None = None) -> None:
    """Print the table."""
    parser = argparse.ArgumentParser(prog="bench.llm", description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20)
    parser.add_argument("--delay", type=float, default=1.0, help="seconds per answer")
    parser.add_argument("--limits", default="4,10", help="comma-separated concurrency limits")
    args = parser.parse_args(argv)
    pairs = articles(args.articles)
    n, delay = args.articles, args.delay
    print(f"{n} articles, stub answers after {delay:g} s")
    print(f"baseline: one at a time = {n * delay:.1f} s; cache = 0 requests")
    print()
    header = ("run", "limit", "requests", "seconds", "expected s", "in flight", "rewritten")
    print("{:<12} {:>5} {:>8} {:>8} {:>10} {:>9} {:>9}".format(*header))
    for limit in (int(x) for x in args.limits.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            rows = asyncio.run(run(pairs, limit, delay, Path(tmp) / "cache.sqlite3"))
        for label, lim, requests, seconds, flight, rewritten in rows:
            expected = -(-n // lim) * delay if label == "empty cache" else 0.0
            print(
                f"{label:<12} {lim:>5} {requests:>8} {seconds:>8.2f} {expected:>10.1f} "
                f"{flight:>9} {rewritten:>6}/{n}"
            )


if __name__ == "__main__":
    main()
