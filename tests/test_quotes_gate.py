"""CI gate: quote span F1 on GUM and speaker figures per language on the dev and test parts
of the committed labels hold `bench/baselines/quotes.json` (see `bench.quotes.gate_figures`)."""

from __future__ import annotations

import pytest

from bench.gate import regressions
from bench.quotes import gate_figures, load_labels
from tests.conftest import EVAL_DIR


@pytest.mark.skipif(
    not (EVAL_DIR / "gum-wikinews-quotes").is_dir(), reason="shared eval data not present"
)
def test_quote_figures_hold_the_baseline() -> None:
    assert regressions("quotes", gate_figures(EVAL_DIR, load_labels())) == []
