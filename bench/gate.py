"""The CI gate: benchmark figures as JSON, compared with a committed baseline.

A benchmark calls `write_figures(name, figures)`; it writes `bench/out/<name>.json`. A fast
test computes the same figures (on development data) and calls `regressions(name, figures)`,
which reads `bench/baselines/<name>.json` and names every figure that got worse by more than
its tolerance. The baseline says for each figure which way is better:

    {"figures": {"scrapinghub.dev.f1": {"value": 0.97, "better": "higher", "tolerance": 0.005}}}

`python -m bench.gate NAME` rewrites a baseline from `bench/out/NAME.json` (keeping each
figure's direction and tolerance), for a change that is meant to move the figures.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any

_HERE = Path(__file__).resolve().parent
BASELINES = _HERE / "baselines"
OUT = _HERE / "out"


def write_figures(name: str, figures: dict[str, float], out_dir: Path = OUT) -> Path:
    """Write a benchmark's figures as `<out_dir>/<name>.json`; returns the path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{name}.json"
    path.write_text(json.dumps({"figures": figures}, indent=2, sort_keys=True) + "\n")
    return path


def load_baseline(name: str, baselines: Path = BASELINES) -> dict[str, dict[str, Any]]:
    """The committed baseline of one benchmark: figure name -> value, better, tolerance."""
    data = json.loads((baselines / f"{name}.json").read_text())
    figures: dict[str, dict[str, Any]] = data["figures"]
    return figures


def regressions(name: str, figures: dict[str, float], baselines: Path = BASELINES) -> list[str]:
    """One sentence per baseline figure that is missing or worse than allowed; [] when none."""
    problems = []
    for key, spec in sorted(load_baseline(name, baselines).items()):
        if key not in figures or not math.isfinite(figures[key]):
            problems.append(f"{key}: missing from the figures (baseline {spec['value']})")
            continue
        value, base, tol = figures[key], float(spec["value"]), float(spec["tolerance"])
        worse = base - value if spec["better"] == "higher" else value - base
        if worse > tol:
            problems.append(
                f"{key}: {value:.4g} against baseline {base:.4g} "
                f"({spec['better']} is better, tolerance {tol:g})"
            )
    return problems


def rebaseline(name: str, out_dir: Path = OUT, baselines: Path = BASELINES) -> Path:
    """Copy `out/<name>.json` into the baseline, keeping known directions and tolerances."""
    figures = json.loads((out_dir / f"{name}.json").read_text())["figures"]
    path = baselines / f"{name}.json"
    old = load_baseline(name, baselines) if path.exists() else {}
    new = {
        key: {
            "value": value,
            "better": old.get(key, {}).get("better", "higher"),
            "tolerance": old.get(key, {}).get("tolerance", 0.0),
        }
        for key, value in sorted(figures.items())
    }
    baselines.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"figures": new}, indent=2, sort_keys=True) + "\n")
    return path


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: python -m bench.gate NAME  (rewrites bench/baselines/NAME.json)")
        sys.exit(2)
    print(rebaseline(sys.argv[1]))
