"""The fault suite's representative cases at CI scale: the real `digestbot run` process against
the Discord stand-in and a local article server (the same code as `python -m bench.faults`,
which runs every case at full scale). Each case's figures must hold against the committed
baseline `bench/baselines/faults.json`."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.faults import CASES, CI_SCALE
from bench.gate import regressions


@pytest.mark.parametrize("case", ["burst", "post_429s", "kill9", "sqlite_locked", "slow_sites"])
async def test_members_see_what_they_should_under_the_fault(tmp_path: Path, case: str) -> None:
    outcome = await CASES[case](tmp_path, CI_SCALE)
    assert outcome.ok, outcome.sees
    worse = [p for p in regressions("faults", outcome.figures) if p.startswith(f"{case}.")]
    assert worse == [], worse
