"""Plain text → Article (baseline; being replaced by the furniture-aware cleaner)."""

from __future__ import annotations

from summarizers.language import detect_language
from summarizers.models import Article


def clean_text(text: str, *, url: str | None = None) -> Article:
    """Clean pasted or scraped plain text into an Article."""
    paragraphs = [" ".join(p.split()) for p in text.split("\n") if p.strip()]
    body = "\n\n".join(paragraphs)
    return Article(url, None, None, None, detect_language(body), paragraphs)
