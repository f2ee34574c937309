"""Article metadata from a parsed HTML page: headline, byline, publication date, site, language.

Each field is read from the page's structured data first (JSON-LD, Open Graph, `<meta>`), where
publishers state it deliberately, and from the visible page only as a fallback. The headline is
chosen by agreement between the `<title>`, the metadata titles and the `<h1>` elements, so the
" - Site Name" suffix is dropped without a list of sites.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura.metadata import examine_meta, extract_author, extract_meta_json

_SPACE = re.compile(r"\s+")
# Separators between a title's parts ("Headline | Site", "Site » Blog » Headline"); a hyphen
# only counts with spaces around it so "pix-bavaria" or "Covid-19" stay whole.
_SEPARATOR = re.compile(r"\s+(?:[|»«·•~/:]|::|[-–—]{1,2})\s+|\s+--(?=\S)")
_ALNUM = re.compile(r"[^\w]+|_")
# Title parts that name a page type or section rather than the story.
_GENERIC_PARTS = frozenset(
    {"home", "homepage", "news", "blog", "blog archive", "blog archiv", "article", "startseite"}
)
_ARTICLE_TYPES = re.compile(r"(Article|BlogPosting|Report|Posting)$")
_HOST_NOISE = frozenset({"www", "com", "org", "net", "co", "uk", "de", "fr", "es", "blog", "news"})
_MAX_HEADLINE_CHARS = 300
_PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "article:published",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "date",
    "sailthru.date",
    "parsely-pub-date",
)
_MODIFIED_META = (
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "last-modified",
    "dcterms.modified",
)
_ISO_DATE = re.compile(r"((?:19|20)\d{2})-(\d{2})-(\d{2})")


@dataclass(frozen=True)
class PageMetadata:
    """What the page says about its article, before looking at the body text."""

    url: str | None  # the page's own address: the one given, else its og:url or canonical link
    headline: str | None
    byline: str | None
    published: dt.date | None
    site: str | None
    declared_language: str | None


def read_metadata(tree: HtmlElement, url: str | None = None) -> PageMetadata:
    """Headline, byline, publication date, site name and declared language of a page."""
    meta = _meta_values(tree)
    if not url or not url.startswith(("http://", "https://")):
        url = meta.get("og:url") or _canonical(tree)
    objects = list(_json_ld_objects(tree))
    articles = [obj for obj in objects if _is_article(obj)]
    site = _site_name(meta, articles, _site_host(url, meta.get("og:url") or _canonical(tree)))
    return PageMetadata(
        url=url,
        headline=choose_headline(tree, meta, articles, site, url),
        byline=_without_publisher(_byline(tree), _site_keys(site, url)),
        published=_published(tree, meta, articles, url),
        site=site,
        declared_language=_declared_language(tree, meta),
    )


def _hostname(url: str | None) -> str | None:
    """The URL's host name; None for a missing or malformed URL ("http://[::1")."""
    try:
        return urlsplit(url).hostname if url else None
    except ValueError:
        return None


def _canonical(tree: HtmlElement) -> str | None:
    for href in tree.xpath('//link[@rel="canonical"]/@href'):
        return str(href)
    return None


def _clean(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip()


def _meta_values(tree: HtmlElement) -> dict[str, str]:
    """`<meta>` contents keyed by lower-cased property/name/itemprop (first one wins)."""
    values: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = (
            element.get("property")
            or element.get("name")
            or element.get("itemprop")
            or element.get("http-equiv")
        )
        content = _clean(element.get("content"))
        if key and content:
            values.setdefault(key.strip().lower(), content)
    return values


def _json_ld_objects(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    """Every JSON object in the page's JSON-LD scripts, `@graph` members included."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue  # broken JSON-LD is common; the other sources still count
        stack: list[Any] = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                yield item
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack.extend(reversed(graph))


def _is_article(obj: dict[str, Any]) -> bool:
    kinds = obj.get("@type")
    names = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(name, str) and _ARTICLE_TYPES.search(name) for name in names)


def _first_string(articles: list[dict[str, Any]], key: str) -> str | None:
    for obj in articles:
        value = obj.get(key)
        if isinstance(value, str) and _clean(value):
            return _clean(value)
    return None


# --- Headline -------------------------------------------------------------------------------


def _squash(text: str) -> str:
    return _ALNUM.sub("", text.casefold())


def _host_labels(url: str | None) -> list[str]:
    if not url:
        return []
    host = _hostname(url) or ""
    labels = [_squash(label) for label in host.split(".")]
    return [label for label in labels if len(label) >= 4 and label not in _HOST_NOISE]


def _names_site(part: str, sites: list[str]) -> bool:
    """Whether a title part is the site's name (or a section label) rather than the story."""
    squashed = _squash(part)
    if not squashed or part.casefold() in _GENERIC_PARTS:
        return True
    if any(site in squashed or (len(squashed) >= 4 and squashed in site) for site in sites):
        return True
    # "Berliner Leichtathletik Verband" on leichtathletik-berlin.de: a long word of the part
    # is spelled inside the site's name.
    long_words = [_squash(word) for word in part.split() if len(_squash(word)) >= 6]
    return any(word in site for word in long_words for site in sites)


def _split_site_name(title: str, sites: list[str]) -> tuple[str, list[str]]:
    """`title` without the parts that name the site and what lies beyond them, and those parts.

    "Headline | Site - Region" keeps "Headline"; "Site » Blog » Headline" keeps "Headline".
    """
    parts = [part for part in _SEPARATOR.split(title) if part.strip()]
    if len(parts) < 2:
        return title, []
    named = [_names_site(part, sites) for part in parts]
    if named[0] and not named[-1]:  # "Site » Section » Headline"
        start = named.index(False)
        kept, dropped = parts[start:], parts[:start]
    else:  # "Headline | Section | Site - Region": cut at the first later part naming the site
        end = next((i for i in range(1, len(parts)) if named[i]), len(parts))
        kept, dropped = parts[:end], parts[end:]
    # Keep what the original title said between the surviving parts, separators included.
    start_at = title.index(kept[0])
    end_at = title.rindex(kept[-1]) + len(kept[-1])
    return title[start_at:end_at].strip(), dropped


def strip_site_name(title: str, sites: list[str]) -> str:
    """`title` without leading or trailing parts that name the site ("Headline | Site")."""
    return _split_site_name(title, sites)[0]


def _site_keys(site: str | None, url: str | None) -> list[str]:
    keys = [_squash(site)] if site and _squash(site) else []
    return keys + _host_labels(url)


def choose_headline(
    tree: HtmlElement,
    meta: dict[str, str],
    articles: list[dict[str, Any]],
    site: str | None,
    url: str | None,
) -> str | None:
    """The story's headline, chosen by agreement between title sources, without the site name."""
    sites = _site_keys(site, url)
    title = _clean(tree.findtext(".//title"))
    metadata_titles = [
        _clean(text)
        for text in (
            meta.get("og:title"),
            _first_string(articles, "headline"),
            meta.get("twitter:title"),
        )
        if _clean(text)
    ]
    stripped: list[str] = []
    site_parts = set(sites)
    for text in [*metadata_titles, title]:
        if text:
            kept, dropped = _split_site_name(text, sites)
            stripped.append(kept)
            site_parts.update(_squash(part) for part in dropped)
    stated = {_squash(text) for text in [*stripped[: len(metadata_titles)], *metadata_titles]}
    agreed = stated | {_squash(text) for text in stripped}
    # <h1>s that are the site's logo or name are not headlines.
    headings = [
        strip_site_name(text, sites) for text in _headings(tree) if _squash(text) not in site_parts
    ]
    # The visible headline, confirmed by the metadata: first by a title the publisher stated
    # for the story (og:title, JSON-LD), then by the <title>, which may name only a section.
    for confirmed in (stated, agreed):
        for heading in headings:
            if _squash(heading) in confirmed:
                return heading
    for heading in headings:
        for text in stripped:
            if len(text.split()) >= 3 and _squash(heading).endswith(_squash(text)):
                return text  # a kicker printed inside the <h1>, before the headline
    # One <h1> that the titles hold whole ("Section - Headline" above the headline alone),
    # beside others that they do not ("Navigation", the site's name): the story's heading.
    titles = [_squash(text) for text in [title, *metadata_titles] if text]
    contained = {
        heading
        for heading in headings
        if len(heading.split()) >= 2 and any(_squash(heading) in text for text in titles)
    }
    if len(contained) == 1:
        return contained.pop()
    # One distinct <h1> of several words: publishers often reword the metadata title for
    # social media, while the <h1> is what the story is printed under.
    if len({text.casefold() for text in headings}) == 1 and len(headings[0].split()) >= 2:
        return headings[0]
    for text in stripped:
        if 0 < len(text) <= _MAX_HEADLINE_CHARS:
            return text
    return None


def _headings(tree: HtmlElement) -> Iterator[str]:
    for element in tree.iter("h1"):
        text = _clean(element.text_content())
        if 0 < len(text) <= _MAX_HEADLINE_CHARS:
            yield text


# --- Other fields ---------------------------------------------------------------------------


def _site_host(url: str | None, declared: str | None) -> str | None:
    """The site's host name without "www.": the page's, else (for a page served from an
    address, such as a test server's 127.0.0.1) the one its canonical URL names."""
    for candidate in (url, declared):
        host = _hostname(candidate)
        if host and not _is_address(host):
            return host.removeprefix("www.")
    return None


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _site_name(
    meta: dict[str, str], articles: list[dict[str, Any]], host: str | None
) -> str | None:
    names = [meta[key].lstrip("@") for key in ("og:site_name", "application-name", "twitter:site")
             if meta.get(key)]  # fmt: skip
    for obj in articles:
        publisher = obj.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            names.append(_clean(publisher["name"]))
    # A name that is only the host's sub-domain ("Hosted" on hosted.ap.org) names no site.
    subdomain = host.split(".")[0] if host and host.count(".") >= 2 else None
    for name in names:
        if name and _squash(name) != subdomain:
            return name
    return host


def _byline(tree: HtmlElement) -> str | None:
    """The authors, as trafilatura reads them: <meta>, then JSON-LD, then the visible byline."""
    try:
        found = examine_meta(tree)
        if found.author and " " not in found.author:
            found.author = None  # a lone word is a handle or a site, not a name
        found = extract_meta_json(tree, found)
        author = found.author or extract_author(tree)
    except Exception:  # trafilatura's metadata helpers are best effort
        return None
    return author.replace("; ", ", ") if author else None


def _without_publisher(byline: str | None, sites: list[str]) -> str | None:
    """The byline without the names of the publisher ("Rob Picheta, CNN" -> "Rob Picheta"):
    a byline credits people; the site is its own field. None when only the publisher is left."""
    if not byline or _squash(byline) in sites:
        return None
    people = [part for part in byline.split(", ") if _squash(part) not in sites]
    return ", ".join(people) or None


def _iso_date(text: str | None) -> dt.date | None:
    match = _ISO_DATE.search(text or "")
    if match is None:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _published(
    tree: HtmlElement, meta: dict[str, str], articles: list[dict[str, Any]], url: str | None
) -> dt.date | None:
    """The publication date (never "last updated"): htmldate's guess, unless it is the date
    the publisher states as the last change, then the stated publication date; without a
    guess, the stated publication date."""
    try:
        # htmldate weighs JSON-LD, <meta>, the URL and the visible page; original_date makes
        # it prefer the publication date over the modification date.
        guessed = _iso_date(find_date(tree, url=url, original_date=True, extensive_search=True))
    except Exception:  # htmldate is best effort; the metadata below may still have a date
        guessed = None
    stated = _stated(articles, meta, "datePublished", _PUBLISHED_META)
    if guessed is None or (stated and stated < guessed and guessed == _modified(articles, meta)):
        return stated
    return guessed


def _stated(
    articles: list[dict[str, Any]], meta: dict[str, str], key: str, meta_keys: tuple[str, ...]
) -> dt.date | None:
    """The first date the article's JSON-LD `key`, then the <meta> tags `meta_keys`, state."""
    for obj in articles:
        value = obj.get(key)
        found = _iso_date(value if isinstance(value, str) else None)
        if found:
            return found
    for name in meta_keys:
        found = _iso_date(meta.get(name))
        if found:
            return found
    return None


def _modified(articles: list[dict[str, Any]], meta: dict[str, str]) -> dt.date | None:
    return _stated(articles, meta, "dateModified", _MODIFIED_META)


def _declared_language(tree: HtmlElement, meta: dict[str, str]) -> str | None:
    declared = tree.get("lang") or meta.get("content-language") or meta.get("og:locale") or ""
    code = re.split(r"[-_]", declared.strip().lower(), maxsplit=1)[0]
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None
