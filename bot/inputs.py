"""CLI inputs (a file, `-` for stdin, or a URL) → Article, with one-sentence errors."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from summarizers.clean.text import clean_text
from summarizers.errors import InputError
from summarizers.language import detect_language
from summarizers.models import Article

# A link's scheme ("https://", "gopher://"): such an input goes to the fetcher, which explains
# the schemes it refuses.
_SCHEME = re.compile(r"^[a-z][a-z0-9+.\-]*://", re.IGNORECASE)
# "example.com/story", "www.example.co.uk": a dotted host name, then a path unless it starts
# with "www." ("story.txt" alone is a file name).
_BARE_HOST = re.compile(
    r"^(?:www\.(?:[a-z0-9-]+\.)*[a-z]{2,63}(?::\d+)?(?:[/?#]\S*)?"
    r"|(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}(?::\d+)?[/?#]\S*)$",
    re.IGNORECASE,
)
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)
_HTML_TAGS = re.compile(rb"<(p|div|article|body|h1|meta)\b", re.I)
_HTML_ROOT = re.compile(rb"<(!doctype\s+html|html|head|body)\b", re.I)
# Saved pages may open with kilobytes of inline <style> or <script> before <html>.
_HTML_SNIFF_BYTES = 65_536
_WESTERN = {"en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "no", "nb", "fi", "ca", "ga"}
_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x1f\x8b": "a gzip archive",
}


@dataclass(frozen=True)
class Input:
    """One command-line input: its name as given, and the link to fetch when it is one."""

    name: str
    url: str | None = None


def resolve(name: str) -> Input:
    """A link for any `scheme://` input and for a host/path that is no file, else a file."""
    if _SCHEME.match(name):
        return Input(name, name)
    if name != "-" and not Path(name).exists() and _BARE_HOST.match(name):
        return Input(name, f"https://{name}")
    return Input(name)


def read_bytes(name: str, max_bytes: int) -> bytes:
    """The raw bytes of a file or of stdin (`-`), within `max_bytes` (the fetcher's cap)."""
    try:
        if name == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
        else:
            path = Path(name)
            if path.is_dir():
                raise InputError("is a folder, not a file.")
            with path.open("rb") as handle:
                data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError("no such file.") from None
    except PermissionError:
        raise InputError("permission denied.") from None
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc}).") from None
    if len(data) > max_bytes:
        raise InputError(
            f"is larger than {max_bytes / 1_000_000:g} MB; digestbot summarises "
            "articles, not whole books or data dumps."
        )
    return data


def decode(data: bytes) -> str:
    """Text from bytes: UTF-8 (with or without BOM) first, else the detected encoding."""
    if not data.strip():
        raise InputError("is empty.")
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"is {kind}, not text or HTML.")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _utf16_without_bom(data)
        if text is None:
            raise InputError("is a binary file, not text or HTML.")
        return text
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # Detectors cannot tell the single-byte Latin code pages apart on short texts; Windows-1252
    # is by far the most common legacy encoding, so take it when it yields a Western language.
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and detect_language(western) in _WESTERN:
        return western
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise InputError("is a binary file, not text or HTML.")
    return data.decode(best.encoding, errors="replace")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text that lacks its byte-order mark, told by where the zero bytes fall: the high
    byte of every Latin, Greek or Cyrillic character is zero, so one of the two byte positions
    is mostly zeros and the other hardly ever is."""
    head = data[:8192]
    zeros_even, zeros_odd = head[0::2].count(0), head[1::2].count(0)
    pairs = max(len(head) // 2, 1)
    for encoding, high, low in (("utf-16-le", zeros_odd, zeros_even),
                                ("utf-16-be", zeros_even, zeros_odd)):  # fmt: skip
        if high > 0.3 * pairs and low < 0.02 * pairs:
            try:
                return data[: len(data) // 2 * 2].decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def looks_like_html(data: bytes) -> bool:
    """A saved web page rather than plain text."""
    head = data[:4096]
    if _HTML_START.match(head) or len(_HTML_TAGS.findall(head)) >= 2:
        return True
    opening = data[:_HTML_SNIFF_BYTES].lstrip()[:7].lower()
    return opening in (b"<style>", b"<script") and bool(_HTML_ROOT.search(data[:_HTML_SNIFF_BYTES]))


def article_from_bytes(data: bytes, url: str | None = None) -> Article:
    """Clean a file's bytes as HTML or as plain text."""
    text = decode(data)
    if looks_like_html(text[:_HTML_SNIFF_BYTES].encode("utf-8", "surrogatepass")):
        from summarizers.clean.html import clean_html  # trafilatura and lxml: only for HTML

        return clean_html(text, url=url)
    return clean_text(text, url=url)
