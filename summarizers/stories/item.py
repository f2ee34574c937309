"""What a digest shows for one story: one headline, points and quotes from every copy, and
every source, each point and quote keeping the source it came from."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from summarizers.models import Article, Digest, Quote


@dataclass(frozen=True)
class Report:
    """One outlet's article about a story and its digest.

    `published` is the time a feed gave, when it is more precise than the article's date.
    """

    article: Article
    digest: Digest
    published: dt.datetime | None = None

    @property
    def when(self) -> dt.date | dt.datetime | None:
        """The most precise publication time known."""
        return self.published or self.digest.published or self.article.published


@dataclass(frozen=True)
class Source:
    """Where a story was read."""

    url: str | None
    site: str | None
    headline: str | None
    published: dt.date | dt.datetime | None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "url": self.url,
            "site": self.site,
            "headline": self.headline,
            "published": self.published.isoformat() if self.published else None,
        }


@dataclass(frozen=True)
class SourcedPoint:
    """A key point and the index of its source in `StoryItem.sources`."""

    text: str
    source: int


@dataclass(frozen=True)
class SourcedQuote:
    """A key quote and the index of its source in `StoryItem.sources`."""

    quote: Quote
    source: int


@dataclass(frozen=True)
class StoryItem:
    """One story of a digest, told by one or more sources."""

    headline: str | None
    points: list[SourcedPoint]
    quotes: list[SourcedQuote]
    sources: list[Source]
    language: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def url(self) -> str | None:
        """The first source's link."""
        return self.sources[0].url if self.sources else None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form; each point and quote names its source by URL."""

        def source_url(index: int) -> str | None:
            return self.sources[index].url

        return {
            "headline": self.headline,
            "points": [{"text": p.text, "source": source_url(p.source)} for p in self.points],
            "quotes": [
                {"text": q.quote.text, "speaker": q.quote.speaker, "source": source_url(q.source)}
                for q in self.quotes
            ],
            "sources": [s.to_dict() for s in self.sources],
            "language": self.language,
            "notes": list(self.notes),
        }
