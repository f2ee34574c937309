"""HTML → Article with trafilatura (baseline; the fetching issue improves on it)."""

from __future__ import annotations

import datetime as dt

import trafilatura

from summarizers.errors import NotAnArticleError
from summarizers.models import Article


def clean_html(html: str | bytes, *, url: str | None = None) -> Article:
    """Extract the article from a saved web page."""
    doc = trafilatura.bare_extraction(html, url=url, include_comments=False, with_metadata=True)
    if doc is None or not (doc.text or "").strip():
        raise NotAnArticleError("That page has no article text to summarise.")
    paragraphs = [p.strip() for p in (doc.text or "").split("\n") if p.strip()]
    published = None
    if doc.date:
        try:
            published = dt.date.fromisoformat(doc.date[:10])
        except ValueError:
            published = None
    return Article(
        url=url or doc.url,
        headline=doc.title,
        byline=doc.author,
        published=published,
        language=doc.language,
        paragraphs=paragraphs,
        site=doc.sitename,
    )
