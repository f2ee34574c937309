"""Plain data passed along the pipeline: link → Page → Article → Sentence → Digest."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any


@dataclass(frozen=True)
class Page:
    """A fetched web resource, before any cleaning."""

    url: str
    final_url: str
    status: int
    headers: Mapping[str, str]
    body: bytes
    charset: str | None = None
    content_type: str = ""


@dataclass(frozen=True)
class BlockContext:
    """Where one body paragraph stood on its page: what the prose gate knows of the DOM.

    `kind` is the main-text extractor's element ("p", "head", "item", "cell", "quote",
    "code"); `container` the nearest page-furniture ancestor in the page itself ("figure",
    "aside", "nav", "header", "footer", "table", "list", or "" for none); `link_share` the
    share of its characters inside links to other pages.
    """

    kind: str = "p"
    container: str = ""
    link_share: float = 0.0


@dataclass(frozen=True)
class Article:
    """The cleaned article: metadata plus body paragraphs (no page furniture).

    `contexts` holds one BlockContext per paragraph for an article cleaned from HTML, and is
    empty for plain text.
    """

    url: str | None
    headline: str | None
    byline: str | None
    published: dt.date | None
    language: str | None
    paragraphs: list[str] = field(default_factory=list)
    site: str | None = None
    contexts: tuple[BlockContext, ...] = ()

    @cached_property
    def text(self) -> str:
        """The body: paragraphs joined by blank lines. Offsets in the pipeline point here."""
        return "\n\n".join(self.paragraphs)

    @cached_property
    def word_count(self) -> int:
        """Number of whitespace-separated words in the body."""
        return len(self.text.split())

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "url": self.url,
            "headline": self.headline,
            "byline": self.byline,
            "published": self.published.isoformat() if self.published else None,
            "language": self.language,
            "site": self.site,
            "paragraphs": list(self.paragraphs),
        }


@dataclass(frozen=True)
class Sentence:
    """One sentence of `Article.text`, with its offsets and position."""

    text: str
    start: int
    end: int
    paragraph: int
    index: int


@dataclass(frozen=True)
class Quote:
    """A direct quotation: `text` is verbatim, without its marks, at `article.text[start:end]`.

    One utterance that its speech tag interrupts ("A," said X. "B") is one quote too: `parts`
    holds each verbatim part's offsets, `text` the parts joined by " … ", and `start`/`end`
    span them all. `parts` is empty for an uninterrupted quote.
    """

    text: str
    speaker: str | None
    start: int
    end: int
    parts: tuple[tuple[int, int], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form; "parts" only for an interrupted quote."""
        out: dict[str, Any] = {
            "text": self.text,
            "speaker": self.speaker,
            "start": self.start,
            "end": self.end,
        }
        if self.parts:
            out["parts"] = [list(part) for part in self.parts]
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Quote:
        """The quote `to_dict` gave."""
        parts = tuple((int(a), int(b)) for a, b in data.get("parts", ()))
        return cls(data["text"], data["speaker"], data["start"], data["end"], parts)


@dataclass(frozen=True)
class Digest:
    """What digestbot posts about one article."""

    url: str | None
    headline: str | None
    byline: str | None
    published: dt.date | None
    points: list[str]
    quotes: list[Quote]
    method: str
    language: str | None
    site: str | None = None
    notes: list[str] = field(default_factory=list)
    usage: Mapping[str, int] | None = None
    # Beside each point, the indices of the article sentences it rests on (empty: unknown).
    evidence: list[list[int]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form; `published` as an ISO 8601 date."""
        return {
            "url": self.url,
            "headline": self.headline,
            "byline": self.byline,
            "published": self.published.isoformat() if self.published else None,
            "site": self.site,
            "language": self.language,
            "method": self.method,
            "points": list(self.points),
            "evidence": [list(e) for e in self.evidence],
            "quotes": [q.to_dict() for q in self.quotes],
            "notes": list(self.notes),
            "usage": dict(self.usage) if self.usage is not None else None,
        }
