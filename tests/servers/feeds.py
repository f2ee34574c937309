"""Feeds for the hermetic tests: RSS 2.0, RSS 1.0 and Atom documents, served by `WebServer`
routes that answer conditional GETs (ETag / Last-Modified → 304) and count every request.

    async with WebServer() as web:
        site = FeedSite(web)
        url = site.feed("/news.xml", [Item("Bridge vote", web.url("/a"), GUID, WHEN)])
        page = await fetch_page(url, web.options(), feed=True)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from email.utils import format_datetime
from html import escape

from aiohttp import web

from tests.servers.web import WebServer

ETAG = '"v1"'
LAST_MODIFIED = "Sat, 21 Nov 2026 08:00:00 GMT"


@dataclass(frozen=True)
class Item:
    """One entry of a test feed."""

    title: str
    link: str
    guid: str
    published: dt.datetime | None = None


def _time(when: dt.datetime | None, tag: str, rfc822: bool = False) -> str:
    if when is None:
        return ""
    return f"<{tag}>{format_datetime(when) if rfc822 else when.isoformat()}</{tag}>"


def rss(items: Sequence[Item], title: str = "Test news") -> str:
    """An RSS 2.0 document."""
    body = "".join(
        f"<item><title>{escape(i.title)}</title><link>{escape(i.link)}</link>"
        f'<guid isPermaLink="false">{escape(i.guid)}</guid>{_time(i.published, "pubDate", True)}'
        "</item>"
        for i in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>https://news.example/</link>{body}</channel></rss>"
    )


def atom(items: Sequence[Item], title: str = "Test news") -> str:
    """An Atom 1.0 document."""
    body = "".join(
        f"<entry><id>{escape(i.guid)}</id><title>{escape(i.title)}</title>"
        f'<link rel="alternate" href="{escape(i.link)}"/>{_time(i.published, "updated")}</entry>'
        for i in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{escape(title)}</title><id>urn:test</id>{body}</feed>"
    )


def rdf(items: Sequence[Item], title: str = "Test news") -> str:
    """An RSS 1.0 (RDF) document."""
    body = "".join(
        f'<item rdf:about="{escape(i.link)}"><title>{escape(i.title)}</title>'
        f"<link>{escape(i.link)}</link>{_time(i.published, 'dc:date')}</item>"
        for i in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<channel rdf:about="urn:test"><title>{escape(title)}</title></channel>{body}</rdf:RDF>'
    )


FORMATS = {
    "rss": (rss, "application/rss+xml"),
    "atom": (atom, "application/atom+xml"),
    "rdf": (rdf, "application/rdf+xml"),
}


class FeedSite:
    """Feed routes on a `WebServer`; `items[path]` can be changed between polls."""

    def __init__(self, web: WebServer) -> None:
        self.web = web
        self.items: dict[str, list[Item]] = {}
        self.kind: dict[str, str] = {}

    def feed(self, path: str, items: Sequence[Item], kind: str = "rss") -> str:
        """Serve a feed at `path` that answers 304 to a request with its current validators."""
        self.items[path] = list(items)
        self.kind[path] = kind

        async def handler(request: web.BaseRequest) -> web.StreamResponse:
            make, content_type = FORMATS[self.kind[path]]
            body = make(self.items[path])
            etag = f'"{len(body)}-{len(self.items[path])}"'
            if request.headers.get("If-None-Match") == etag:
                return web.Response(status=304, headers={"ETag": etag})
            return web.Response(
                body=body.encode(),
                headers={
                    "Content-Type": f"{content_type}; charset=utf-8",
                    "ETag": etag,
                    "Last-Modified": LAST_MODIFIED,
                },
            )

        return self.web.route(path, handler)

    def hits(self, path: str) -> int:
        """How many requests reached `path`."""
        return sum(1 for r in self.web.requests if r.path == path)
