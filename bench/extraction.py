"""Main-text and headline extraction from HTML: digestbot beside trafilatura and published systems.

Run `python -m bench.extraction [--limit N]`. Metrics are exactly those of
`shared/eval/README.md`:

- Scrapinghub: `\\w+` tokens, 4-gram shingles (one shingle below 4 tokens), per-page multiset
  TP/FP/FN normalised to sum to 1, precision and recall averaged over pages (a page without
  predicted shingles has no precision, one without gold shingles no recall), F1 of the averages;
  accuracy = identical token sequences.
- Trafilatura segments: whitespace-normalised substring tests, counts summed over pages,
  F1 = 2TP / (2TP + FP + FN); headline exact match after case and whitespace normalisation.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import trafilatura
from htmldate.extractors import external_date_parser
from trafilatura.settings import Document

from bench.common import eval_dir
from summarizers import clean_html
from summarizers.errors import NotAnArticleError

_TOKEN = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")
SHINGLE = 4


@dataclass(frozen=True)
class EvalPage:
    """One page of an extraction set with its gold annotations."""

    id: str
    url: str | None
    html: bytes
    body: str | None = None  # Scrapinghub: the full gold body
    with_: tuple[str, ...] = ()  # trafilatura sets: segments that must appear
    without: tuple[str, ...] = ()  # ... and segments that must not
    headline: str | None = None
    lang: str | None = None


@dataclass(frozen=True)
class Output:
    """What one system extracted from one page ("" when it found nothing or crashed)."""

    text: str
    headline: str | None = None
    crashed: bool = False


@dataclass(frozen=True)
class ShingleScore:
    """Scrapinghub metrics over a set of pages."""

    f1: float
    precision: float
    recall: float
    accuracy: float


@dataclass
class SegmentCounts:
    """Trafilatura segment counts (micro) and headline matches."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    headlines: int = 0
    headline_hits: int = 0

    def add(self, other: SegmentCounts) -> None:
        """Accumulate another page's (or set's) counts."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.tn += other.tn
        self.headlines += other.headlines
        self.headline_hits += other.headline_hits

    @property
    def precision(self) -> float:
        """TP / (TP + FP)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """TP / (TP + FN)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """2TP / (2TP + FP + FN)."""
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else 0.0

    @property
    def headline_accuracy(self) -> float | None:
        """Share of pages with a gold headline whose headline matched exactly."""
        return self.headline_hits / self.headlines if self.headlines else None


# --- Scrapinghub shingle metric ------------------------------------------------------------


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(
        tuple(tokens[i : i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1)) if tokens
    )


def shingle_match(gold: str, predicted: str) -> tuple[float, float, float]:
    """Per-page (TP, FP, FN) over token 4-gram shingles, normalised to sum to 1."""
    true, pred = _shingles(gold), _shingles(predicted)
    tp = sum((true & pred).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def _ratio(hit: float, miss: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return hit / (hit + miss) if hit + miss else 0.0


def shingle_scores(pairs: Iterable[tuple[str, str]]) -> ShingleScore:
    """Scrapinghub F1, precision, recall and accuracy over (gold, predicted) body pairs."""
    counts: list[tuple[float, float, float]] = []
    exact: list[bool] = []
    for gold, predicted in pairs:
        counts.append(shingle_match(gold, predicted))
        exact.append(_TOKEN.findall(gold or "") == _TOKEN.findall(predicted or ""))
    precisions = [_ratio(tp, fp, fp, fn) for tp, fp, fn in counts if tp + fp > 0]
    recalls = [_ratio(tp, fn, fp, fn) for tp, fp, fn in counts if tp + fn > 0]
    precision = statistics.mean(precisions) if precisions else 0.0
    recall = statistics.mean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = sum(exact) / len(exact) if exact else 0.0
    return ShingleScore(f1=f1, precision=precision, recall=recall, accuracy=accuracy)


# --- Trafilatura segment metric -------------------------------------------------------------


def _normalise(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def segment_counts(page: EvalPage, output: Output) -> SegmentCounts:
    """One page's segment TP/FP/FN/TN and headline match."""
    text = _normalise(output.text)
    counts = SegmentCounts()
    for segment in page.with_:
        if _normalise(segment) in text:
            counts.tp += 1
        else:
            counts.fn += 1
    for segment in page.without:
        if _normalise(segment) in text:
            counts.fp += 1
        else:
            counts.tn += 1
    if page.headline and page.headline.strip():  # an empty annotation is no title
        counts.headlines = 1
        counts.headline_hits = int(headline_match(page.headline, output.headline))
    return counts


def headline_match(gold: str, predicted: str | None) -> bool:
    """Exact match after case folding and whitespace normalisation."""
    if predicted is None:
        return False
    return _normalise(gold).casefold() == _normalise(predicted).casefold()


# --- Data -----------------------------------------------------------------------------------


def load_pages(folder: Path, limit: int | None = None) -> list[EvalPage]:
    """The pages of one evaluation folder, in `ids.txt` order."""
    ids = (folder / "ids.txt").read_text(encoding="utf-8").split()
    pages = []
    for page_id in ids[:limit]:
        meta = json.loads((folder / f"{page_id}.json").read_text(encoding="utf-8"))
        pages.append(
            EvalPage(
                id=page_id,
                url=meta.get("url"),
                html=gzip.decompress((folder / f"{page_id}.html.gz").read_bytes()),
                body=meta.get("body"),
                with_=tuple(meta.get("with") or ()),
                without=tuple(meta.get("without") or ()),
                headline=meta.get("headline"),
                lang=meta.get("lang"),
            )
        )
    return pages


def load_reference_outputs(folder: Path) -> dict[str, dict[str, str]]:
    """Published systems' article bodies: {system: {page id: body}}."""
    systems = {}
    for path in sorted((folder / "reference_outputs").glob("*.json.gz")):
        data = json.loads(gzip.decompress(path.read_bytes()))
        bodies = {key: value.get("articleBody") or "" for key, value in data["output"].items()}
        systems[data["system"]] = bodies
    return systems


# --- Systems --------------------------------------------------------------------------------

System = Callable[[bytes, str | None], Output]


def digestbot(html: bytes, url: str | None) -> Output:
    """digestbot's `clean_html`: a NotAnArticleError counts as an empty extraction."""
    try:
        article = clean_html(html, url=url)
    except NotAnArticleError:
        return Output("")
    return Output(article.text, article.headline)


def trafilatura_alone(html: bytes, url: str | None) -> Output:
    """trafilatura's text (upstream benchmark setting, comments off) and metadata title."""
    document = trafilatura.bare_extraction(
        html, url=url, include_comments=False, with_metadata=True
    )
    if not isinstance(document, Document):
        return Output("")
    return Output(document.text or "", document.title)


SYSTEMS: dict[str, System] = {"digestbot": digestbot, "trafilatura": trafilatura_alone}


@dataclass
class Run:
    """Every system's outputs on one set, with total time spent per system."""

    outputs: dict[str, list[Output]] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)


_WARM_UP_PAGE = (
    "<html><head><title>Warm-up page</title></head><body><article><h1>Warm-up page</h1>"
    + "<p>This paragraph only exists to load the models and caches of every system.</p>" * 8
    + "</article></body></html>"
).encode()


def warm_up(systems: dict[str, System]) -> None:
    """Pay one-time start-up costs (models, parsers, locale data) before anything is timed.

    Each system cleans a small page once. htmldate also hands unusual date strings to
    dateparser, which loads its locale data on first use (seconds) and would otherwise bill
    whichever system meets such a page first; a string no locale accepts loads all of them.
    """
    for system in systems.values():
        system(_WARM_UP_PAGE, "https://example.org/warm-up")
    external_date_parser("qqq 2020 qqq", "%Y-%m-%d")


def run_systems(pages: Sequence[EvalPage], systems: dict[str, System]) -> Run:
    """Run the systems side by side, page by page, so machine load hits them alike.

    The order alternates from page to page: whichever system runs second on a page finds
    trafilatura's and htmldate's caches warm.
    """
    run = Run({name: [] for name in systems}, dict.fromkeys(systems, 0.0))
    order = list(systems.items())
    for index, page in enumerate(pages):
        for name, system in order if index % 2 == 0 else reversed(order):
            start = time.perf_counter()
            try:
                output = system(page.html, page.url)
            except Exception:  # a crash scores as nothing found, and is counted
                output = Output("", crashed=True)
            run.seconds[name] += time.perf_counter() - start
            run.outputs[name].append(output)
    return run


# --- Report ---------------------------------------------------------------------------------


def _speed(run: Run, name: str, n_pages: int) -> str:
    seconds = run.seconds.get(name)
    if not seconds:
        return ""
    crashes = sum(o.crashed for o in run.outputs[name])
    return f"{n_pages / seconds:7.1f} p/s  {crashes} crashes"


def report_scrapinghub(folder: Path, limit: int | None) -> None:
    """Print Scrapinghub figures for digestbot, trafilatura and the shipped reference outputs."""
    pages = load_pages(folder, limit)
    run = run_systems(pages, SYSTEMS)
    print(f"\n{folder.name}: {len(pages)} pages")
    print(f"{'system':<28}{'F1':>7}{'prec':>7}{'recall':>7}{'acc':>7}   speed")
    rows: list[tuple[str, ShingleScore, str]] = []
    for name, outputs in run.outputs.items():
        score = shingle_scores((p.body or "", o.text) for p, o in zip(pages, outputs, strict=True))
        rows.append((name, score, _speed(run, name, len(pages))))
    for name, bodies in load_reference_outputs(folder).items():
        score = shingle_scores((p.body or "", bodies.get(p.id, "")) for p in pages)
        rows.append((f"{name} (published)", score, ""))
    for name, score, speed in rows:
        print(
            f"{name:<28}{score.f1:7.3f}{score.precision:7.3f}{score.recall:7.3f}"
            f"{score.accuracy:7.3f}   {speed}"
        )
    _print_time_ratio(run)


def report_segments(folder: Path, limit: int | None) -> None:
    """Print trafilatura-eval segment and headline figures, per language when there are several."""
    pages = load_pages(folder, limit)
    run = run_systems(pages, SYSTEMS)
    langs = sorted({p.lang for p in pages if p.lang})
    print(f"\n{folder.name}: {len(pages)} pages")
    print(f"{'system':<28}{'part':<6}{'F1':>7}{'prec':>7}{'recall':>7}{'title':>7}   speed")
    for name, outputs in run.outputs.items():
        parts: dict[str, SegmentCounts] = {"all": SegmentCounts()}
        for page, output in zip(pages, outputs, strict=True):
            counts = segment_counts(page, output)
            parts["all"].add(counts)
            if len(langs) > 1 and page.lang:
                parts.setdefault(page.lang, SegmentCounts()).add(counts)
        for part, counts in sorted(parts.items(), key=lambda kv: kv[0] != "all"):
            title = counts.headline_accuracy
            print(
                f"{name:<28}{part:<6}{counts.f1:7.3f}{counts.precision:7.3f}{counts.recall:7.3f}"
                f"{'' if title is None else f'{title:7.3f}':>7}   "
                f"{_speed(run, name, len(pages)) if part == 'all' else ''}"
            )
    _print_time_ratio(run)


def _print_time_ratio(run: Run) -> None:
    base = run.seconds.get("trafilatura")
    if base:
        print(f"digestbot time / trafilatura time: {run.seconds['digestbot'] / base:.2f}")


def main(argv: Sequence[str] | None = None) -> None:
    """Run the extraction benchmark over every extraction set found in the eval dir."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="only the first N pages of each set")
    parser.add_argument(
        "--sets", nargs="*", default=["scrapinghub", "en", "multi"], help="scrapinghub en multi"
    )
    args = parser.parse_args(argv)
    root = eval_dir()
    if not root.is_dir():
        print(f"No evaluation data at {root}; set DIGESTBOT_EVAL_DIR.")
        return
    warm_up(SYSTEMS)
    if "scrapinghub" in args.sets:
        report_scrapinghub(root / "scrapinghub-article-extraction", args.limit)
    for name in ("en", "multi"):
        if name in args.sets:
            report_segments(root / f"trafilatura-eval-{name}", args.limit)


if __name__ == "__main__":
    main()
