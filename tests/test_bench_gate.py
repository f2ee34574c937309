"""The fit/dev/test split and the CI gate's comparison with a baseline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.gate import regressions, write_figures
from bench.splits import PARTS, partition, split_of


def test_split_is_stable_and_roughly_60_20_20() -> None:
    ids = [f"doc-{i}" for i in range(3000)]
    parts = partition(ids, lambda doc: doc)
    assert [split_of(doc) for doc in ids] == [split_of(doc) for doc in ids]
    shares = {part: len(parts[part]) / len(ids) for part in PARTS}
    assert 0.56 < shares["fit"] < 0.64
    assert 0.17 < shares["dev"] < 0.23
    assert 0.17 < shares["test"] < 0.23
    # Pinned: a change of hash or thresholds would silently move every document.
    assert [split_of(doc) for doc in "abcdefgh"] == [
        "fit",
        "dev",
        "fit",
        "dev",
        "fit",
        "test",
        "fit",
        "fit",
    ]


@pytest.mark.parametrize(
    ("better", "value", "worse"),
    [
        ("higher", 0.90, False),  # equal
        ("higher", 0.895, False),  # within tolerance
        ("higher", 0.88, True),
        ("higher", 0.95, False),  # better
        ("lower", 0.905, False),
        ("lower", 0.92, True),
        ("lower", 0.80, False),
    ],
)
def test_regressions(tmp_path: Path, better: str, value: float, worse: bool) -> None:
    baseline = {"figures": {"f": {"value": 0.90, "better": better, "tolerance": 0.01}}}
    (tmp_path / "x.json").write_text(json.dumps(baseline))
    problems = regressions("x", {"f": value}, baselines=tmp_path)
    assert bool(problems) is worse


def test_missing_figure_is_a_regression(tmp_path: Path) -> None:
    baseline = {"figures": {"f": {"value": 1.0, "better": "higher", "tolerance": 0.0}}}
    (tmp_path / "x.json").write_text(json.dumps(baseline))
    assert regressions("x", {}, baselines=tmp_path) == [
        "f: missing from the figures (baseline 1.0)"
    ]


def test_write_figures_round_trip(tmp_path: Path) -> None:
    path = write_figures("x", {"a": 1.5}, out_dir=tmp_path)
    assert json.loads(path.read_text()) == {"figures": {"a": 1.5}}
