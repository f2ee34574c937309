"""The bot under load: N members run /summarize at once (`python -m bench.bot_load`).

The real `digestbot run` process against the Discord stand-in, each member's link a different
saved news page from ../shared/eval served on 127.0.0.1. Reported: the share acknowledged
within Discord's 3 s, the share answered at all (a digest or a one-line message), the share of
summarisable links whose digest was posted, the answer times, and the bot's peak RSS (the
kernel's VmHWM for the process). With `--storm`, the stand-in also answers bursts of
followups and channel posts with 429 (some of them global), as Discord does under load.

    python -m bench.bot_load                 # 300 members, Discord's own limits
    python -m bench.bot_load --storm         # plus 429 bursts
    python -m bench.bot_load --count 60 --no-write
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

from bench.bot_rig import Rig, RssSampler, news_pages
from bench.gate import write_figures

FOLLOWUP_ROUTE = "/webhooks/{webhook_id}/{token}"
ANSWER_TIMEOUT = 900.0  # an interaction token lives 15 minutes


def script_storm(rig: Rig, count: int) -> None:
    """429 bursts: a third of the followups refused once, some globally."""
    rig.stub.rate_limit_next("POST", FOLLOWUP_ROUTE, count=count // 3, retry_after=1.5)
    rig.stub.rate_limit_next("POST", FOLLOWUP_ROUTE, count=3, retry_after=2.0, is_global=True)


async def measure(
    count: int, storm: bool, timeout: float, python: str, workdir: Path
) -> dict[str, float]:
    """Run the load once; its figures."""
    pages = news_pages(count)
    async with Rig(workdir, python=python) as rig:
        urls = rig.serve(pages)
        if storm:
            script_storm(rig, count)
        sampler = RssSampler(rig.bot)
        sampler.start()
        idle = rig.bot.rss_mb()
        started = time.monotonic()
        interactions = await rig.summarize_all(urls)
        tally = await rig.wait_for_answers(interactions, timeout)
        wall = time.monotonic() - started
        peak = rig.bot.peak_rss_mb()
        await sampler.stop()
        log = rig.bot.log()
    name = "storm" if storm else "load"
    figures = tally.figures(name)
    figures |= {
        f"{name}.members": float(len(interactions)),
        f"{name}.peak_rss_mb": peak,
        f"{name}.idle_rss_mb": idle,
        f"{name}.wall_s": wall,
    }
    for text, times in sorted(tally.one_liners.items(), key=lambda kv: -kv[1]):
        print(f"  {times:4d} × {text}")
    tracebacks = log.count("Traceback")
    print(f"  bot log: {len(log.splitlines())} lines, {tracebacks} tracebacks")
    return figures


def main() -> None:
    """Parse the options, run, print and write the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=300, help="members at once (300)")
    parser.add_argument("--storm", action="store_true", help="add bursts of 429")
    parser.add_argument(
        "--timeout", type=float, default=ANSWER_TIMEOUT, help="seconds to wait for answers"
    )
    parser.add_argument(
        "--python",
        default=sys.executable,
        help="the bot's interpreter: a venv with only the runtime dependencies measures the "
        "bot as deployed (the dev extras add scikit-learn, whose scipy nltk then imports)",
    )
    parser.add_argument("--no-write", action="store_true", help="do not write bench/out")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="digestbot-load-") as tmp:
        figures = asyncio.run(measure(args.count, args.storm, args.timeout, args.python, Path(tmp)))
    for key, value in sorted(figures.items()):
        print(f"{key:36s} {value:10.1f}")
    if not args.no_write:
        print(write_figures("bot_load_storm" if args.storm else "bot_load", figures))


if __name__ == "__main__":
    main()
