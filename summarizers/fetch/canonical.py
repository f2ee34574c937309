"""The page's own idea of its address: `<link rel="canonical">`, else `og:url`.

A page can claim any canonical URL, and digests are cached under it, so a claim is only
believed when it stays on the same site (the same host, or one host inside the other's
domain); otherwise a hostile page could plant its digest under a famous newspaper's link.
"""

from __future__ import annotations

import html as htmllib
import re

from yarl import URL

from summarizers.fetch.urls import normalize_url

_TAG = re.compile(r"<(link|meta)\b([^>]*)>", re.IGNORECASE)
_ATTR = re.compile(r"""([a-z:-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)""", re.IGNORECASE)
_HEAD_CHARS = 300_000  # canonical links live in <head>, near the top


def canonical_url(html: str, page_url: str) -> str:
    """The normalised canonical URL of a fetched page, falling back to `page_url`."""
    base = URL(page_url)
    for claim in _claims(html[:_HEAD_CHARS]):
        try:
            target = base.join(URL(claim))
        except ValueError:
            continue
        if target.scheme in ("http", "https") and _same_site(target, base):
            return normalize_url(str(target))
    return normalize_url(page_url)


def _claims(head: str) -> list[str]:
    """Canonical links first, then og:url, in document order."""
    links: list[str] = []
    metas: list[str] = []
    for tag, attr_text in _TAG.findall(head):
        attrs = {
            k.lower(): htmllib.unescape(v.strip("\"'")).strip() for k, v in _ATTR.findall(attr_text)
        }
        if tag.lower() == "link" and "canonical" in attrs.get("rel", "").lower().split():
            links.append(attrs.get("href", ""))
        elif tag.lower() == "meta" and attrs.get("property", "").lower() == "og:url":
            metas.append(attrs.get("content", ""))
    return [c for c in (*links, *metas) if c]


def _same_site(a: URL, b: URL) -> bool:
    x = (a.raw_host or "").lower().removeprefix("www.")
    y = (b.raw_host or "").lower().removeprefix("www.")
    return bool(x) and (x == y or x.endswith("." + y) or y.endswith("." + x))
