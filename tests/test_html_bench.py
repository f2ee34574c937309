"""The extraction benchmark's scorers: hand-checked cases and the published figures."""

from __future__ import annotations

import re

import pytest

from bench.extraction import (
    EvalPage,
    Output,
    headline_match,
    load_pages,
    load_reference_outputs,
    segment_counts,
    shingle_match,
    shingle_scores,
)
from tests.conftest import EVAL_DIR

SCRAPINGHUB = EVAL_DIR / "scrapinghub-article-extraction"


def test_shingle_match_counts_overlapping_4_grams() -> None:
    # gold shingles: (a b c d), (b c d e); predicted: (a b c d), (b c d x)
    assert shingle_match("a b c d e", "a, b. c d x") == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert shingle_match("one two", "one two") == (1.0, 0.0, 0.0)  # short text: one shingle
    assert shingle_match("", "") == (0.0, 0.0, 0.0)


def test_shingle_scores_average_precision_and_recall_over_pages() -> None:
    pairs = [("a b c d e", "a b c d e"), ("a b c d e", ""), ("", "w x y z")]
    score = shingle_scores(pairs)
    # precision over pages with predictions: 1 and 0; recall over pages with gold: 1 and 0
    assert score.precision == pytest.approx(0.5)
    assert score.recall == pytest.approx(0.5)
    assert score.f1 == pytest.approx(0.5)
    assert score.accuracy == pytest.approx(1 / 3)


def test_segments_are_matched_after_whitespace_normalisation() -> None:
    page = EvalPage(
        id="p",
        url=None,
        html=b"",
        with_=("the  storm\nreached", "missing part"),
        without=("Sign up",),
        headline=" Storm  Floods Harbour ",
    )
    counts = segment_counts(
        page, Output("The storm reached the wall.\n\nSign   up", "storm floods harbour")
    )
    assert (counts.tp, counts.fn, counts.fp, counts.tn) == (0, 2, 1, 0)
    counts = segment_counts(page, Output("the storm reached it", None))
    assert (counts.tp, counts.fn, counts.fp, counts.tn, counts.headline_hits) == (1, 1, 0, 1, 0)
    assert headline_match(" Storm  Floods Harbour ", "storm floods harbour")
    assert not headline_match("Storm", None)


def _published_figures() -> tuple[int, dict[str, float]]:
    """The eval README's "On this folder's N pages: AutoExtract 0.976, ..." figures."""
    readme = (EVAL_DIR / "README.md").read_text(encoding="utf-8")
    match = re.search(r"On this folder's (\d+) pages: ([^\n]*?)\.(?:\s|$)", readme)
    if match is None:
        pytest.skip("the eval README states no per-folder Scrapinghub figures")
    names = {"readability.js": "readability_js"}  # README spelling -> reference output name
    figures = {
        names.get(name, name): float(value)
        for name, value in re.findall(r"([\w.]+) (0\.\d{3})", match.group(2))
    }
    return int(match.group(1)), figures


@pytest.mark.skipif(not SCRAPINGHUB.is_dir(), reason="shared evaluation data not present")
def test_scorer_reproduces_the_published_scrapinghub_figures() -> None:
    n_pages, published = _published_figures()
    pages = load_pages(SCRAPINGHUB)
    assert len(pages) == n_pages
    assert {"AutoExtract", "trafilatura", "readability_js", "newspaper"} <= published.keys()
    references = load_reference_outputs(SCRAPINGHUB)
    for system, figure in published.items():
        bodies = references[system]
        score = shingle_scores((page.body or "", bodies.get(page.id, "")) for page in pages)
        assert round(score.f1, 3) == figure, system
