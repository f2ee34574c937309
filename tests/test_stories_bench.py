"""The story-clustering gate: the shipped pair model's figures on the labelled set's dev part
(bench/stories.py) are no worse than bench/baselines/stories.json."""

from __future__ import annotations

import pytest

from bench.common import eval_dir
from bench.gate import regressions

pytestmark = pytest.mark.skipif(
    not (eval_dir() / "frank-cnndm").is_dir(), reason="needs ../shared/eval"
)


def test_dev_figures_hold() -> None:
    from bench.stories import dev_figures

    figures = dev_figures()
    assert regressions("stories", figures) == []
    assert figures["dev.syndicated_merged"] == 1.0
    assert figures["dev.different_merged"] == 0.0
