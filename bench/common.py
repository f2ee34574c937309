"""Helpers shared by the benchmarks: where the evaluation data lives."""

from __future__ import annotations

import os
from pathlib import Path


def eval_dir() -> Path:
    """The shared evaluation data: `$DIGESTBOT_EVAL_DIR`, else `shared/eval` beside the repo."""
    override = os.environ.get("DIGESTBOT_EVAL_DIR")
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[1] / ".." / "shared" / "eval"
