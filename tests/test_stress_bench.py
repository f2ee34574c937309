"""The stress benchmark's gate on a small run: parallel CLI batches, no crash, under 500 MB.

The full run (`python -m bench.stress`: 8 processes x 10 repetitions over about 200 pages) is
too long for CI; two processes over 24 pages, each cleaning several pages at once, still went
through the code path that crashed (one lxml parser shared between threads).
"""

from __future__ import annotations

import pytest

from bench.gate import regressions
from bench.stress import FOLDERS, stress
from tests.conftest import EVAL_DIR


@pytest.mark.skipif(
    not all((EVAL_DIR / name).is_dir() for name in FOLDERS), reason="shared eval data not present"
)
def test_parallel_batches_neither_crash_nor_run_away() -> None:
    figures = stress(processes=2, repetitions=1, limit=24, kill_mb=1000.0)
    assert figures["records.min"] >= 20  # the batches ran: most pages are articles
    assert regressions("stress", figures) == []
