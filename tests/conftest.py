"""Shared test fixtures: paths to the repository's sample and the shared evaluation data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "samples" / "alarabiya-coalition-isis.txt"
EVAL_DIR = Path(os.environ.get("DIGESTBOT_EVAL_DIR", REPO.parent / "shared" / "eval"))


@pytest.fixture
def sample_text() -> str:
    """The bundled scraped article, page furniture included."""
    return SAMPLE.read_text(encoding="utf-8")
