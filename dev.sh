#!/usr/bin/env bash
# One entry point for people and CI:
#   ./dev.sh demo    set up .venv and summarise the bundled sample article
#   ./dev.sh test    set up .venv, lint, type-check and run the test suite
#   ./dev.sh bench   set up .venv and run every benchmark in bench/
set -euo pipefail
cd "$(dirname "$0")"

PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3

setup() {
  if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
  fi
  # The stamp skips reinstalling when pyproject.toml has not changed since the last setup.
  local stamp=.venv/.digestbot-installed want
  want=$(sha256sum pyproject.toml | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    # The stock pip in a new venv drops some extras silently; upgrade it first.
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
    echo "$want" > "$stamp"
  fi
}

case "${1:-}" in
  demo)
    setup
    shift
    exec .venv/bin/digestbot summarize samples/alarabiya-coalition-isis.txt "$@"
    ;;
  test)
    setup
    shift
    .venv/bin/ruff check .
    .venv/bin/ruff format --check .
    .venv/bin/mypy bot summarizers prompts bench
    exec .venv/bin/python -m pytest "$@"
    ;;
  bench)
    setup
    shift
    exec .venv/bin/python -m bench "$@"
    ;;
  *)
    echo "usage: ./dev.sh demo|test|bench [args...]" >&2
    exit 2
    ;;
esac
