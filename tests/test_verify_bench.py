"""The faithfulness checker on FRANK's development data: the CI gate and the rebuild."""

from __future__ import annotations

import pytest

from bench import verify as bench_verify
from bench.gate import regressions
from summarizers.fitted import LogisticModel
from tests.conftest import EVAL_DIR

pytestmark = pytest.mark.skipif(
    not (EVAL_DIR / "frank-cnndm").is_dir(), reason="shared evaluation data (FRANK) not present"
)


@pytest.fixture(scope="module")
def pairs() -> list[bench_verify.Pair]:
    return bench_verify.load_pairs(EVAL_DIR)


def test_dev_figures_hold_against_the_baseline(pairs: list[bench_verify.Pair]) -> None:
    shipped = LogisticModel.load("summarizers.verify", "verify.json")
    figures = bench_verify.dev_figures(pairs, shipped)
    assert regressions("verify", figures) == []


def test_the_rebuild_reproduces_the_shipped_model(pairs: list[bench_verify.Pair]) -> None:
    shipped = LogisticModel.load("summarizers.verify", "verify.json")
    fitted = bench_verify.fit([p for p in pairs if p.part == "fit"])
    assert fitted.features == shipped.features
    assert fitted.coef == pytest.approx(shipped.coef, abs=1e-3)
    chosen_on = [
        (bench_verify.summary_score(p, fitted), p.faithful, p.dataset)
        for p in pairs
        if p.part in ("fit", "dev")
    ]
    assert bench_verify.choose_threshold(chosen_on) == pytest.approx(shipped.threshold, abs=1e-3)


@pytest.mark.parametrize(
    ("scored", "expected"),
    [
        ([(0.9, True), (0.1, False)], 1.0),
        ([(0.1, True), (0.9, False)], 0.0),
        ([(0.5, True), (0.5, False)], 0.5),
        ([(0.9, True), (0.4, True), (0.5, False)], 0.5),
        ([(0.9, True)], 0.0),
    ],
)
def test_auc_counts_pairs_ranked_right(scored: list[tuple[float, bool]], expected: float) -> None:
    assert bench_verify.auc(scored) == expected


def test_cross_validation_keeps_an_articles_summaries_in_one_fold(
    pairs: list[bench_verify.Pair],
) -> None:
    sample = [p for p in pairs if p.part == "dev"]
    figures = bench_verify.cross_validation(sample, folds=3)
    assert 0.5 < figures["cnndm.auc"] <= 1.0
    assert 0.0 <= figures["cnndm.false_rejections"] <= 0.2
