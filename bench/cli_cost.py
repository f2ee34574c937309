"""What the command line costs: a cold single-page run's seconds and a 200-page batch's memory.

Run: `.venv/bin/python -m bench.cli_cost [--runs 5]`. Cold start: `digestbot summarize` of
one saved HTML page (the first scrapinghub page), of the plain-text sample and of `--help`,
each the median of `--runs` fresh processes, beside `python -c pass` timed in the same run
(the interpreter's own start on this machine). Batch: one `digestbot summarize ... --format
jsonl` over the saved pages of scrapinghub-article-extraction and trafilatura-eval-en (206),
its peak RSS from the kernel.
Targets (issue 24): single page <= 0.8 s, batch peak <= 200 MB. Figures: bench/out/cli_cost.json.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.gate import write_figures
from bench.stress import REPO, saved_pages

SAMPLE = REPO / "samples" / "alarabiya-coalition-isis.txt"


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith(("DIGESTBOT_", "OPENAI_"))}


def run_once(command: list[str]) -> tuple[float, float, int]:
    """Seconds, peak RSS in MB and exit status of one fresh process."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_env(), cwd=REPO
    )
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - started, usage.ru_maxrss / 1024, proc.returncode


def median_seconds(command: list[str], runs: int) -> float:
    """The median wall time of `runs` fresh processes of `command`."""
    return statistics.median(run_once(command)[0] for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    cli = [sys.executable, "-m", "bot.cli"]
    with tempfile.TemporaryDirectory(prefix="digestbot-batch-") as tmp:
        pages = saved_pages(Path(tmp), None)
        figures = {
            "python_pass.s": median_seconds([sys.executable, "-c", "pass"], args.runs),
            "help.s": median_seconds([*cli, "--help"], args.runs),
            "single_page.s": median_seconds([*cli, "summarize", str(pages[0])], args.runs),
            "single_text.s": median_seconds([*cli, "summarize", str(SAMPLE)], args.runs),
        }
        figures["single_page.minus_python.s"] = figures["single_page.s"] - figures["python_pass.s"]
        seconds, peak, status = run_once([*cli, "summarize", *map(str, pages), "--format", "jsonl"])
    figures.update({"batch.pages": float(len(pages)), "batch.peak_mb": peak, "batch.s": seconds})
    figures["batch.status"] = float(status)
    for key, value in figures.items():
        print(f"{key:28} {value:9.3f}")
    write_figures("cli_cost", figures)


if __name__ == "__main__":
    main()
