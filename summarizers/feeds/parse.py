"""Feed bytes → entries, with `feedparser` (RSS 0.9x/2.0, RSS 1.0/RDF, Atom 0.3/1.0).

feedparser is given the bytes, never a URL or a file name: it would otherwise fetch on its
own, out of the SSRF guard's sight. Broken XML is read as far as feedparser's lenient parser
can; a document with no entries and a parse error is refused with one sentence.
"""

from __future__ import annotations

import calendar
import datetime as dt
import io
import re
from dataclasses import dataclass
from typing import Any

import feedparser

from summarizers.errors import InputError
from summarizers.fetch.urls import normalize_url

_FEED_START = re.compile(rb"<(rss|feed|rdf:RDF)\b", re.IGNORECASE)
_HTML_START = re.compile(rb"<(html|body|head)\b", re.IGNORECASE)
_SNIFF_BYTES = 4096


class FeedError(InputError):
    """The document is not a feed digestbot can read."""


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed: its identity, link, headline and time."""

    guid: str
    url: str
    title: str | None
    published: dt.datetime | None

    @property
    def norm_url(self) -> str:
        """The link's dedup key."""
        return normalize_url(self.url)


@dataclass(frozen=True)
class Feed:
    """A parsed feed."""

    title: str | None
    entries: list[FeedEntry]


def looks_like_feed(data: bytes) -> bool:
    """An RSS, RDF or Atom document rather than a web page or text."""
    head = data[:_SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"<"):
        return False
    root = _FEED_START.search(head)
    return root is not None and not _HTML_START.search(head[: root.start()])


def parse_feed(data: bytes, url: str | None = None) -> Feed:
    """The entries of a feed document (relative links resolved against `url`)."""
    # feedparser takes headers as a whole response's: without a type it calls any feed
    # malformed (NonXMLContentType), which would refuse a feed with no entries yet. The bytes
    # are XML, and application/xml leaves the encoding to the document.
    headers = {"content-location": url, "content-type": "application/xml"} if url else None
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    entries = [e for e in (_entry(raw) for raw in parsed.entries) if e is not None]
    # A damaged feed whose entries survive is used; one that yields nothing is an error.
    if parsed.get("bozo") and not entries:
        raise FeedError("That feed could not be read: it is not well-formed RSS or Atom.")
    if not parsed.get("version") and not entries:
        raise FeedError("That document is not an RSS or Atom feed.")
    return Feed(parsed.feed.get("title"), entries)


def _entry(raw: Any) -> FeedEntry | None:
    link = (raw.get("link") or "").strip()
    if not link.startswith(("http://", "https://")):
        return None
    guid = (raw.get("id") or "").strip() or link
    title = (raw.get("title") or "").strip() or None
    return FeedEntry(guid, link, title, _time(raw))


def _time(raw: Any) -> dt.datetime | None:
    stamp = raw.get("published_parsed") or raw.get("updated_parsed")
    if stamp is None:
        return None
    return dt.datetime.fromtimestamp(calendar.timegm(stamp), dt.UTC)
