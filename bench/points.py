"""Key points as the pipeline makes them, on pages and articles split fit / dev / test.

Run: `.venv/bin/python -m bench.points [--parts fit dev test]` (about a minute for all parts).

Every extraction page goes through `clean_html` and `summarize` (default method, default point
count); every frank-cnndm article through `clean_text` and a 3-point `summarize`. Per part of
`bench.splits.split_of(document id)`:

- `scrapinghub.<part>.non_body`: share of points that are not article body text. A point is
  body text when its normalised text is a substring of the normalised gold body, or when at
  least 70% of its word 4-grams occur in the gold body (the metric of issue 21).
- `trafilatura.<part>.boilerplate`: share of points (English and multi sets together) that
  are annotated boilerplate: an annotated `without` segment of at least 25 characters is
  contained in the point, or the point in it.
- `*.refused`: pages or articles that gave no digest (no article found, no sentence left).
- `scrapinghub.<part>.f1`: the body's shingle F1 (bench.extraction's scorer);
  `trafilatura.<part>.headline`: headline exact match.
- `cnndm.<part>.r1` / `.r2` and the margin over Lead-3 on the reference split (`.r1_gain`).

The figures are written with `bench.gate.write_figures("points", ...)`; the CI gate
(tests/test_points_gate.py) recomputes the dev part and compares it with the baseline.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rouge_score import rouge_scorer

from bench.common import eval_dir
from bench.extraction import EvalPage, headline_match, load_pages, shingle_scores
from bench.gate import write_figures
from bench.splits import PARTS, Part, split_of
from summarizers import clean_html, clean_text
from summarizers.errors import InputError, NotAnArticleError
from summarizers.models import Article
from summarizers.pipeline import summarize

_TOKEN = re.compile(r"\w+")
GRAM = 4
BODY_GRAM_SHARE = 0.7
MIN_SEGMENT_CHARS = 25
EXTRACTION_SETS = (
    "scrapinghub-article-extraction",
    "trafilatura-eval-en",
    "trafilatura-eval-multi",
)


def normalised(text: str) -> str:
    """Lower-cased word tokens joined by single spaces."""
    return " ".join(_TOKEN.findall(text.casefold()))


def _grams(tokens: Sequence[str]) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + GRAM]) for i in range(len(tokens) - GRAM + 1)}


@dataclass(frozen=True)
class GoldBody:
    """A gold body, normalised once, with its word 4-grams."""

    text: str
    grams: frozenset[tuple[str, ...]]

    @classmethod
    def of(cls, body: str) -> GoldBody:
        text = normalised(body)
        return cls(text, frozenset(_grams(text.split())))

    def holds(self, point: str) -> bool:
        """Whether `point` is body text (substring, or >= 70% of its 4-grams in the body)."""
        text = normalised(point)
        if not text or text in self.text:
            return True
        grams = _grams(text.split())
        if not grams:
            return False
        return sum(g in self.grams for g in grams) >= BODY_GRAM_SHARE * len(grams)


def is_boilerplate(point: str, segments: Iterable[str]) -> bool:
    """Whether an annotated boilerplate segment (>= 25 characters) is in `point` or it in one."""
    text = normalised(point)
    for segment in segments:
        if len(segment.strip()) < MIN_SEGMENT_CHARS:
            continue
        seg = normalised(segment)
        if seg and (seg in text or (text and text in seg)):
            return True
    return False


@dataclass
class PageResult:
    """One page's article (None when refused) and its points."""

    page: EvalPage
    article: Article | None
    points: list[str] = field(default_factory=list)


def digest_page(page: EvalPage) -> PageResult:
    """clean_html + summarize, as the bot runs them; a refusal keeps no article."""
    try:
        article = clean_html(page.html, url=page.url)
        return PageResult(page, article, summarize(article).points)
    except (NotAnArticleError, InputError):
        return PageResult(page, None)


def share(hits: int, total: int) -> float:
    return hits / total if total else 0.0


def extraction_figures(parts: Sequence[Part], limit: int | None = None) -> dict[str, float]:
    """Points, refusals, body F1 and headlines on the three extraction sets, per part."""
    root = eval_dir()
    results: dict[str, list[PageResult]] = {}
    for name in EXTRACTION_SETS:
        pages = [p for p in load_pages(root / name, limit) if split_of(p.id) in parts]
        results[name] = [digest_page(p) for p in pages]
    figures: dict[str, float] = {}
    for part in parts:
        shub = [r for r in results[EXTRACTION_SETS[0]] if split_of(r.page.id) == part]
        points = [(r, p) for r in shub for p in r.points]
        bodies = {r.page.id: GoldBody.of(r.page.body or "") for r in shub}
        figures[f"scrapinghub.{part}.non_body"] = share(
            sum(not bodies[r.page.id].holds(p) for r, p in points), len(points)
        )
        figures[f"scrapinghub.{part}.refused"] = float(sum(r.article is None for r in shub))
        figures[f"scrapinghub.{part}.f1"] = shingle_scores(
            (r.page.body or "", r.article.text if r.article else "") for r in shub
        ).f1
        segs = [
            r for name in EXTRACTION_SETS[1:] for r in results[name] if split_of(r.page.id) == part
        ]
        seg_points = [(r, p) for r in segs for p in r.points]
        figures[f"trafilatura.{part}.boilerplate"] = share(
            sum(is_boilerplate(p, r.page.without) for r, p in seg_points), len(seg_points)
        )
        figures[f"trafilatura.{part}.refused"] = float(sum(r.article is None for r in segs))
        dated = [(r, _gold_date(r.page)) for r in segs]
        dated = [(r, d) for r, d in dated if d]
        figures[f"trafilatura.{part}.date"] = share(
            sum(
                bool(r.article and r.article.published and r.article.published.isoformat() == d)
                for r, d in dated
            ),
            len(dated),
        )
        titled = [r for r in segs if r.page.headline and r.page.headline.strip()]
        figures[f"trafilatura.{part}.headline"] = share(
            sum(
                headline_match(r.page.headline or "", r.article.headline if r.article else None)
                for r in titled
            ),
            len(titled),
        )
    return figures


def _gold_date(page: EvalPage) -> str | None:
    """The annotated publication date of a trafilatura-set page (YYYY-MM-DD), if any."""
    folder = "trafilatura-eval-multi" if page.lang else "trafilatura-eval-en"
    meta = json.loads((eval_dir() / folder / f"{page.id}.json").read_text(encoding="utf-8"))
    date = (meta.get("metadata") or {}).get("date") or ""
    return date[:10] if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", date) else None


@dataclass(frozen=True)
class NewsItem:
    """A CNN/DailyMail article, its reference and the reference split's Lead-3."""

    id: str
    text: str
    reference: str
    lead: list[str]


def load_news() -> list[NewsItem]:
    folder = eval_dir() / "frank-cnndm"
    items = []
    for path in sorted(folder.glob("*.json")):
        meta = json.loads(path.read_text(encoding="utf-8"))
        stem = folder / meta["id"]
        items.append(
            NewsItem(
                meta["id"],
                stem.with_suffix(".article.txt").read_text(encoding="utf-8"),
                stem.with_suffix(".summary.txt").read_text(encoding="utf-8").strip(),
                meta["article_sentences"][:3],
            )
        )
    return items


def news_points(item: NewsItem) -> list[str] | None:
    """The 3-point digest of a plain-text article, as the CLI makes it; None when refused."""
    try:
        return summarize(clean_text(item.text), sentences=3, quotes=0).points
    except InputError:
        return None


def news_gain(items: Sequence[NewsItem]) -> float:
    """Mean R-1 of the 3-point digests minus that of the reference split's Lead-3."""
    scorer = rouge_scorer.RougeScorer(["rouge1"], use_stemmer=True)
    gains = []
    for item in items:
        mine = scorer.score(item.reference, "\n".join(news_points(item) or []))
        lead = scorer.score(item.reference, "\n".join(item.lead))
        gains.append((mine["rouge1"].fmeasure - lead["rouge1"].fmeasure) * 100)
    return statistics.fmean(gains)


def news_figures(parts: Sequence[Part]) -> dict[str, float]:
    """R-1 / R-2 of the default and of Lead-3, and refusals, on frank-cnndm per part."""
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    figures: dict[str, float] = {}
    items = load_news()
    for part in parts:
        mine: list[tuple[float, float]] = []
        lead: list[tuple[float, float]] = []
        refused = 0
        for item in (it for it in items if split_of(it.id) == part):
            points = news_points(item)
            refused += points is None
            for rows, summary in ((mine, points or []), (lead, item.lead)):
                s = scorer.score(item.reference, "\n".join(summary))
                rows.append((s["rouge1"].fmeasure * 100, s["rouge2"].fmeasure * 100))
        r1, r2 = (statistics.fmean(c) for c in zip(*mine, strict=True))
        l1, l2 = (statistics.fmean(c) for c in zip(*lead, strict=True))
        figures.update(
            {
                f"cnndm.{part}.r1": r1,
                f"cnndm.{part}.r2": r2,
                f"cnndm.{part}.lead3_r1": l1,
                f"cnndm.{part}.lead3_r2": l2,
                f"cnndm.{part}.r1_gain": r1 - l1,
                f"cnndm.{part}.refused": float(refused),
            }
        )
    return figures


def figures_for(parts: Sequence[Part], limit: int | None = None) -> dict[str, float]:
    return {**extraction_figures(parts, limit), **news_figures(parts)}


def print_table(figures: dict[str, float], parts: Sequence[Part]) -> None:
    names = sorted({key.split(".", 1)[0] + "." + key.split(".", 2)[2] for key in figures})
    print(f"{'figure':<34}" + "".join(f"{p:>10}" for p in parts))
    for name in names:
        group, metric = name.split(".", 1)
        cells = [figures.get(f"{group}.{p}.{metric}") for p in parts]
        print(
            f"{name:<34}" + "".join(f"{c:>10.4f}" if c is not None else f"{'':>10}" for c in cells)
        )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parts", nargs="*", default=list(PARTS), choices=PARTS)
    parser.add_argument("--limit", type=int, help="only the first N pages of each set")
    args = parser.parse_args(argv)
    if not eval_dir().is_dir():
        print(f"No evaluation data at {eval_dir()}; set DIGESTBOT_EVAL_DIR.")
        return
    figures = figures_for(args.parts, args.limit)
    print_table(figures, args.parts)
    print(write_figures("points", figures))


if __name__ == "__main__":
    main()
