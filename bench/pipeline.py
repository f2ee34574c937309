"""Whole-pipeline speed: clean_text + summarize (points and quotes), as the CLI runs it.

Run: `.venv/bin/python -m bench.pipeline`. Texts are real news articles from
`frank-cnndm` (joined for the long cases), falling back to the bundled sample.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from bench.common import eval_dir
from summarizers import DigestbotError, clean_text, summarize

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "alarabiya-coalition-isis.txt"


def corpus() -> list[str]:
    """Article texts to time, longest first."""
    folder = eval_dir() / "frank-cnndm"
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.article.txt"))]
    return texts or [SAMPLE.read_text(encoding="utf-8").split("\n\n")[0]]


def text_of(words: int, texts: list[str]) -> str:
    """About `words` words of real article text: the closest single article when one is long
    enough, else articles joined as paragraphs."""
    closest = min(texts, key=lambda t: abs(len(t.split()) - words))
    if abs(len(closest.split()) - words) < 0.1 * words:
        return closest
    out: list[str] = []
    count = 0
    while count < words:
        for text in texts:
            out.append(text)
            count += len(text.split())
            if count >= words:
                break
    return "\n\n".join(out)


def digest_of(text: str) -> object:
    """The work the CLI does for one plain-text input."""
    return summarize(clean_text(text))


def timed(fn: Callable[[], object], repeat: int) -> float:
    """Median seconds of `repeat` runs of `fn`, after one warm-up run."""
    fn()
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> None:
    """Print the timing table."""
    texts = corpus()
    print("Pipeline speed (clean_text + summarize with quotes; median of runs, after warm-up)")
    print(f"{'case':<28}{'words':>8}{'seconds':>12}")
    for label, words, repeat in (
        ("typical article", 800, 20),
        ("long article", 10_000, 5),
        ("very long text", 100_000, 1),
    ):
        text = text_of(words, texts)
        seconds = timed(partial(digest_of, text), repeat)
        print(f"{label:<28}{len(text.split()):>8}{seconds:>12.4f}")
    start = time.perf_counter()
    failed = 0
    for text in texts:
        try:
            digest_of(text)
        except DigestbotError:
            failed += 1
    elapsed = time.perf_counter() - start
    print(f"{'throughput':<28}{len(texts):>8} articles in {elapsed:.2f} s = "
          f"{len(texts) / elapsed:.1f} articles/s ({failed} refused)")  # fmt: skip


if __name__ == "__main__":
    main()
