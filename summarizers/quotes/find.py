"""Baseline: spans between double quotation marks, speaker from "X said" nearby."""

from __future__ import annotations

import re

from summarizers.models import Article, Quote

_SPAN = re.compile(r"[\"“]([^\"“”]{3,}?)[\"”]")


def find_quotes(article: Article) -> list[Quote]:
    """Every direct quotation in `article.text`, in order."""
    text = article.text
    return [Quote(m.group(1), None, m.start(1), m.end(1)) for m in _SPAN.finditer(text)]


def key_quotes(article: Article, quotes: list[Quote], points: list[str], count: int) -> list[Quote]:
    """The `count` most informative quotes not already inside a key point."""
    chosen = [q for q in quotes if not any(q.text in p for p in points)]
    return chosen[:count]
