"""Shared test fixtures: paths to the repository's sample and the shared evaluation data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from summarizers.models import Article
from summarizers.quotes import find_quotes

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "samples" / "alarabiya-coalition-isis.txt"
EVAL_DIR = Path(os.environ.get("DIGESTBOT_EVAL_DIR", REPO.parent / "shared" / "eval"))


def program_environ() -> dict[str, str]:
    """This process's environment without digestbot's, OpenAI's or Discord's settings, so a
    CLI run by a test sees only the settings the test gives it."""
    return {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DIGESTBOT_", "OPENAI_", "DISCORD_"))
    }


@pytest.fixture
def sample_text() -> str:
    """The bundled scraped article, page furniture included."""
    return SAMPLE.read_text(encoding="utf-8")


def speakers(*paragraphs: str, language: str = "en") -> list[str | None]:
    """The speaker of each quote `find_quotes` finds in an article of these paragraphs."""
    art = Article(None, None, None, None, language, list(paragraphs))
    return [q.speaker for q in find_quotes(art)]
