"""Helpers shared by the benchmarks: where the eval data is, how converted sets are written."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any


def eval_dir() -> Path:
    """The shared evaluation data: `$DIGESTBOT_EVAL_DIR`, else `shared/eval` beside the repo."""
    override = os.environ.get("DIGESTBOT_EVAL_DIR")
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[1] / ".." / "shared" / "eval"


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> int:
    """Write `rows` one JSON object a line (UTF-8, parent folders made); returns how many."""
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with path.open("w", encoding="utf-8") as sink:
        for row in rows:
            sink.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    return count
