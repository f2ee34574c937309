"""Pieces every renderer shows the same way."""

from __future__ import annotations

from summarizers.models import Digest, Quote


def dateline(digest: Digest) -> str:
    """'Site · Byline · 28 December 2017' from whatever the digest has."""
    parts = [digest.site, digest.byline]
    if digest.published:
        parts.append(f"{digest.published.day} {digest.published:%B %Y}")
    return " · ".join(p for p in parts if p)


def quoted(quote: Quote) -> str:
    """The quote in curly marks, without the comma that only joined it to "he said"."""
    return f"“{quote.text.rstrip().rstrip(',;:')}”"


def attribution(quote: Quote) -> str:
    """'— Speaker', or '— unattributed' when the article does not say who spoke."""
    return f"— {quote.speaker}" if quote.speaker else "— unattributed"
