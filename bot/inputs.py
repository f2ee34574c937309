"""CLI inputs (a file, `-` for stdin, or a URL) → Article, with one-sentence errors."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from summarizers.clean import clean_html, clean_text
from summarizers.errors import InputError
from summarizers.language import detect_language
from summarizers.models import Article

# Longer than any article (about 170,000 words); a bigger file is a data dump, not a story.
MAX_INPUT_BYTES = 1_000_000
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
class Source:
    """Where an input came from: its name for messages, and its URL when it was one."""

    name: str
    url: str | None = None


def is_url(value: str) -> bool:
    """True for http(s) links (other schemes are files or errors)."""
    return re.match(r"^https?://", value, re.IGNORECASE) is not None


def read_bytes(name: str) -> bytes:
    """The raw bytes of a file or of stdin (`-`), within MAX_INPUT_BYTES."""
    try:
        if name == "-":
            data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        else:
            path = Path(name)
            if path.is_dir():
                raise InputError("is a folder, not a file.")
            with path.open("rb") as handle:
                data = handle.read(MAX_INPUT_BYTES + 1)
    except FileNotFoundError:
        raise InputError("no such file.") from None
    except PermissionError:
        raise InputError("permission denied.") from None
    except OSError as exc:
        raise InputError(f"cannot be read ({exc.strerror or exc}).") from None
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(
            f"is larger than {MAX_INPUT_BYTES // 1_000_000} MB; digestbot summarises "
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
        raise InputError("is a binary file, not text or HTML.")
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
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise InputError("is a binary file, not text or HTML.")
    return data.decode(best.encoding, errors="replace")


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
    if looks_like_html(data):
        return clean_html(text, url=url)
    return clean_text(text, url=url)
