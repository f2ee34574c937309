"""Run benchmarks: `python -m bench` runs every `bench/*.py` module, `python -m bench NAME` one.

A benchmark is any module of this package whose name does not start with "_" and is not one
of the shared helpers, converters and rebuild scripts (`_HELPERS`). Each is run as if started with
`python -m bench.NAME`; arguments after NAME are passed on to it.
"""

from __future__ import annotations

import runpy
import sys
import traceback
from pathlib import Path

# Shared helpers, data converters and rebuild scripts, run by their own `python -m bench.X`.
_HELPERS = {
    "common",
    "splits",
    "gate",
    "fitting",
    "polnear",
    "source_names",
    "spkatt",
    "wikinews_de",
    "gum",
    "quote_candidates",
    "quotes_fit",
    "bot_rig",
}


def benchmark_names() -> list[str]:
    """Every benchmark module in this package, sorted by name."""
    here = Path(__file__).resolve().parent
    return sorted(
        path.stem
        for path in here.glob("*.py")
        if not path.stem.startswith("_") and path.stem not in _HELPERS
    )


def run_benchmark(name: str, args: list[str]) -> bool:
    """Run one benchmark module as `__main__`; False when it failed."""
    print(f"=== bench.{name}", flush=True)
    saved = sys.argv
    sys.argv = [f"bench.{name}", *args]
    try:
        runpy.run_module(f"bench.{name}", run_name="__main__", alter_sys=True)
    except SystemExit as stop:
        return stop.code in (None, 0)
    except Exception:
        # One broken benchmark must not hide the figures of the others.
        traceback.print_exc()
        return False
    finally:
        sys.argv = saved
    return True


def main(argv: list[str]) -> int:
    """Run the named benchmark with its arguments, or every benchmark when none is named."""
    available = benchmark_names()
    if not argv:
        failed = [name for name in available if not run_benchmark(name, [])]
        if failed:
            print(f"Failed benchmarks: {', '.join(failed)}.")
        return 1 if failed else 0
    name, rest = argv[0], argv[1:]
    if name not in available:
        print(f"Unknown benchmark {name!r}; choose from: {', '.join(available)}.")
        return 2
    return 0 if run_benchmark(name, rest) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
