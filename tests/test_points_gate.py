"""The CI gate of issue 21: the pipeline's points on the development part of every set.

Recomputes bench.points' dev figures (non-body and boilerplate points, refusals, body F1,
headlines, dates, CNN/DM ROUGE against Lead-3) and compares them with the committed
bench/baselines/points.json (about 20 s).
"""

from __future__ import annotations

import pytest

from bench.gate import load_baseline, regressions
from bench.points import figures_for
from tests.conftest import EVAL_DIR


@pytest.mark.skipif(not (EVAL_DIR / "frank-cnndm").is_dir(), reason="shared eval data not present")
def test_dev_figures_hold_against_the_baseline() -> None:
    figures = figures_for(["dev"])
    assert set(load_baseline("points")) <= set(figures)
    assert regressions("points", figures) == []
