"""A small made-up news story and its extractive digest, shared by the rewriter tests."""

from __future__ import annotations

import datetime as dt

from summarizers.models import Article, Digest, Quote

PARAGRAPHS = [
    "The city council of Brookhaven approved a budget of 4.2 million dollars on Tuesday, "
    "ending a debate that lasted three weeks.",
    "“This budget keeps every library open and fixes the roads,” said Mayor Elena Ruiz "
    "after the vote.",
    "Opposition leader Tom Becker voted against the plan. “We are borrowing from our "
    "children,” Becker said.",
    "The budget takes effect on 1 July 2025 and includes 12 new bus routes, officials said.",
]
RUIZ = "This budget keeps every library open and fixes the roads,"
BECKER = "We are borrowing from our children,"
GOOD_POINTS = [
    "Brookhaven's council approved a 4.2 million dollar budget on Tuesday after three weeks "
    "of debate.",
    "The budget adds 12 new bus routes from 1 July 2025.",
]


def story() -> Article:
    """The article."""
    return Article(
        url="https://news.example/brookhaven-budget",
        headline="Brookhaven council approves budget",
        byline="By A. Reporter",
        published=dt.date(2025, 3, 4),
        language="en",
        paragraphs=list(PARAGRAPHS),
    )


def quote(article: Article, text: str, speaker: str) -> Quote:
    """A quote of `article` with its offsets."""
    start = article.text.index(text)
    return Quote(text, speaker, start, start + len(text))


def extractive(article: Article) -> Digest:
    """The extractive digest the rewriter starts from (quotes with their speakers)."""
    return Digest(
        url=article.url,
        headline=article.headline,
        byline=article.byline,
        published=article.published,
        points=[PARAGRAPHS[0], PARAGRAPHS[3]],
        quotes=[quote(article, RUIZ, "Elena Ruiz"), quote(article, BECKER, "Tom Becker")],
        method="default",
        language="en",
    )
