"""Stress: parallel `digestbot summarize ... --format jsonl` batches over real saved pages.

Run: `.venv/bin/python -m bench.stress [--processes 8] [--repetitions 10] [--pages N]`.
Each repetition starts `--processes` CLI processes at once, each summarising the same saved
news pages (scrapinghub and trafilatura-eval-en, about 200, gunzipped into a temporary folder)
through the CLI's own concurrency. A run counts as a crash when the process dies of a signal,
exits with a status other than 0 or 1, or prints a traceback. Each process's peak RSS comes from
the kernel (`wait4`); a watchdog kills a process whose RSS passes `--kill-mb`, so that a runaway
is reported instead of starving the shared machine. Figures go to bench/out/stress.json.
"""

from __future__ import annotations

import argparse
import gzip
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.common import eval_dir
from bench.gate import write_figures

FOLDERS = ("scrapinghub-article-extraction", "trafilatura-eval-en")
REPO = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Run:
    """One finished CLI process."""

    status: int  # exit status, or minus the signal number
    peak_mb: float
    records: int
    failures: int  # one-line errors on stderr (pages that are not articles)
    crash: str | None  # why this run counts as a crash, else None
    killed: bool


def saved_pages(folder: Path, limit: int | None) -> list[Path]:
    """Gunzip the evaluation pages into `folder`; their paths, sorted."""
    sources = sorted(p for name in FOLDERS for p in (eval_dir() / name).glob("*.html.gz"))
    pages = []
    for source in sources[:limit]:
        target = folder / f"{source.parent.name[:5]}-{source.name.removesuffix('.gz')}"
        target.write_bytes(gzip.decompress(source.read_bytes()))
        pages.append(target)
    return pages


def _rss_mb(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _crash(status: int, stderr: str) -> str | None:
    if status < 0:
        return f"killed by signal {-status}"
    if status not in (0, 1):
        return f"exit status {status}"
    for marker in ("Traceback", "double free", "Segmentation fault", "corrupted"):
        if marker in stderr:
            return f"printed {marker!r}"
    return None


def run_batch(pages: list[Path], processes: int, kill_mb: float, out: Path) -> list[Run]:
    """Start `processes` CLI batches at once and wait for all of them."""
    command = [sys.executable, "-m", "bot.cli", "summarize", *map(str, pages), "--format", "jsonl"]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DIGESTBOT_", "OPENAI_"))}
    env["DIGESTBOT_DB"] = str(out / "stress.sqlite3")
    env["PYTHONFAULTHANDLER"] = "1"  # a native crash prints every thread's Python stack
    children = []
    for index in range(processes):
        stdout = (out / f"{index}.jsonl").open("wb")
        stderr = (out / f"{index}.err").open("wb")
        proc = subprocess.Popen(command, stdout=stdout, stderr=stderr, env=env, cwd=REPO)
        children.append((proc, stdout, stderr, index))
    killed: set[int] = set()
    pending = {proc.pid for proc, *_ in children}
    usage: dict[int, tuple[int, float]] = {}
    while pending:
        for pid in list(pending):
            if pid not in killed and _rss_mb(pid) > kill_mb:
                os.kill(pid, 9)
                killed.add(pid)
            done, status, rusage = os.wait4(pid, os.WNOHANG)
            if done:
                code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
                usage[pid] = (code, rusage.ru_maxrss / 1024)
                pending.discard(pid)
        time.sleep(0.1)
    runs = []
    for proc, stdout, stderr, index in children:
        stdout.close()
        stderr.close()
        proc.returncode = usage[proc.pid][0]  # reaped by wait4 above
        code, peak = usage[proc.pid]
        err = (out / f"{index}.err").read_text(errors="replace")
        records = (out / f"{index}.jsonl").read_bytes().count(b"\n")
        failures = sum(1 for line in err.splitlines() if line.startswith("digestbot: "))
        crash = "killed by the watchdog" if proc.pid in killed else _crash(code, err)
        if crash:
            (out / f"crash-{proc.pid}.err").write_text(err[-20_000:])
        runs.append(Run(code, peak, records, failures, crash, proc.pid in killed))
    return runs


def stress(
    processes: int, repetitions: int, limit: int | None, kill_mb: float, keep: Path | None = None
) -> dict[str, float]:
    """Run the batches; the figures (crashes, peak RSS, records)."""
    with tempfile.TemporaryDirectory(prefix="digestbot-stress-") as tmp:
        folder = Path(tmp)
        (folder / "pages").mkdir()
        pages = saved_pages(folder / "pages", limit)
        out = keep or folder / "out"
        out.mkdir(parents=True, exist_ok=True)
        runs: list[Run] = []
        started = time.perf_counter()
        for repetition in range(repetitions):
            batch = run_batch(pages, processes, kill_mb, out)
            runs.extend(batch)
            peaks = ", ".join(f"{r.peak_mb:.0f}" for r in batch)
            crashes = [r.crash for r in batch if r.crash]
            print(f"repetition {repetition + 1}: peak MB {peaks}; crashes {crashes or 0}",
                  flush=True)  # fmt: skip
        elapsed = time.perf_counter() - started
    return {
        "processes": float(len(runs)),
        "pages": float(len(pages)),
        "crashes": float(sum(1 for r in runs if r.crash)),
        "peak_mb.max": max(r.peak_mb for r in runs),
        "over_500mb": float(sum(1 for r in runs if r.peak_mb >= 500)),
        "records.min": float(min(r.records for r in runs)),
        "records.max": float(max(r.records for r in runs)),
        "seconds": elapsed,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--processes", type=int, default=8)
    parser.add_argument("--repetitions", type=int, default=10)
    parser.add_argument("--pages", type=int, default=None, help="at most this many pages")
    parser.add_argument("--kill-mb", type=float, default=2000.0)
    parser.add_argument("--keep", type=Path, default=None, help="keep outputs in this folder")
    args = parser.parse_args()
    figures = stress(args.processes, args.repetitions, args.pages, args.kill_mb, args.keep)
    for key, value in figures.items():
        print(f"{key:14} {value:10.1f}")
    write_figures("stress", figures)


if __name__ == "__main__":
    main()
