"""Is a response a web page? Decided from Content-Type, then from the first bytes."""

from __future__ import annotations

from summarizers.errors import UnsupportedContentError

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
# Types that say nothing about the content: decide from its first bytes.
_VAGUE_TYPES = frozenset({"", "application/octet-stream", "binary/octet-stream", "unknown"})

_MAGIC = (
    (b"%PDF-", "a PDF"),
    (b"\x89PNG", "an image"),
    (b"\xff\xd8\xff", "an image"),
    (b"GIF8", "an image"),
    (b"RIFF", "a media file"),
    (b"PK\x03\x04", "an archive or office document"),
    (b"\x1f\x8b", "a compressed archive"),
    (b"\xd0\xcf\x11\xe0", "an office document"),
)
_FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/feed+json"})
# What a feed may be served as (a feed fetch accepts these besides pages).
FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
     "text/xml"}
)  # fmt: skip


def media_type(content_type: str | None) -> str:
    """'text/html' from 'text/html; charset=utf-8' (lower case, '' when missing)."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def header_charset(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header."""
    for param in (content_type or "").split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip("\"'") or None
    return None


def refuse_declared_type(kind: str) -> None:
    """Raise UnsupportedContentError when the declared media type is not a readable page."""
    if kind in HTML_TYPES or kind in TEXT_TYPES or kind in _VAGUE_TYPES:
        return
    raise UnsupportedContentError(_sentence(_describe(kind)))


def refuse_sniffed_type(body: bytes) -> None:
    """Raise UnsupportedContentError when the body's first bytes show a binary format,
    whatever the Content-Type claimed."""
    head = body[:16]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise UnsupportedContentError(_sentence(what))
    if b"\x00" in body[:1024] and not body.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnsupportedContentError(_sentence("a binary file"))


def _describe(kind: str) -> str:
    major = kind.split("/", 1)[0]
    if kind == "application/pdf":
        return "a PDF"
    if major == "image":
        return "an image"
    if major == "video":
        return "a video"
    if major == "audio":
        return "an audio file"
    if kind in _FEED_TYPES or kind.endswith(("+xml", "/xml")):
        return "a news feed or XML document"
    if kind == "application/json" or kind.endswith("+json"):
        return "JSON data"
    return f"a file of type {kind}"


def _sentence(what: str) -> str:
    return f"That link is {what}, not a web page."
