"""Which character set a fetched page is in: byte-order mark, header, `<meta>`, detection.

Declared charsets are often wrong in one typical way: a page says ISO-8859-1 (or nothing)
but is UTF-8. Text that decodes as UTF-8 and is not plain ASCII is UTF-8 with near
certainty, so UTF-8 is tried before any declared charset except UTF-16/32 (whose ASCII
text is also valid UTF-8, full of NULs). A declaration that does not decode the bytes is
skipped, and detection settles the rest.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_.:-]+)"""
    rb"""|<\?xml[^>]+encoding\s*=\s*["']([a-z0-9_.:-]+)""",
    re.IGNORECASE,
)
# What browsers actually use for these labels (WHATWG Encoding): Windows-1252.
_WHATWG_ALIASES = {"latin_1": "cp1252", "ascii": "cp1252", "iso8859-1": "cp1252"}
_HEAD_BYTES = 4096
_DETECT_BYTES = 200_000


def codec_name(label: str | None) -> str | None:
    """Python's codec name for a charset label, or None if unknown."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return _WHATWG_ALIASES.get(name, name)


def meta_charset(body: bytes) -> str | None:
    """The charset a `<meta>` tag or XML declaration in the first 4 KB names."""
    match = _META.search(body[:_HEAD_BYTES])
    if match is None:
        return None
    return codec_name((match.group(1) or match.group(2)).decode("ascii"))


def pick_charset(body: bytes, header_charset: str | None) -> str:
    """The codec that decodes `body`: BOM, UTF-8, the header's, the `<meta>`'s, detection."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return name
    declared = [n for n in (codec_name(header_charset), meta_charset(body)) if n]
    wide = any(n.startswith(("utf-16", "utf-32")) for n in declared)
    candidates = [*declared, "utf-8"] if wide else ["utf-8", *declared]
    for name in candidates:
        if _decodes(body, name):
            return name
    return _detect(body[:_DETECT_BYTES])


def _detect(sample: bytes) -> str:
    """charset-normalizer's pick, except that Windows-1252 wins ties: on short texts the
    detector scores the Latin code pages alike, and 1252 is the web's commonest legacy one."""
    matches = list(from_bytes(sample))
    if not matches:
        return "cp1252"
    best = matches[0]
    tied = [
        m
        for m in matches
        if abs(m.chaos - best.chaos) < 1e-3 and abs(m.coherence - best.coherence) < 1e-3
    ]
    if any("cp1252" in (m.encoding, *m.could_be_from_charset) for m in tied):
        return "cp1252"
    return codec_name(best.encoding) or "cp1252"


def _decodes(body: bytes, name: str) -> bool:
    try:
        body.decode(name)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def decode_body(body: bytes, charset: str | None) -> str:
    """The page's text; undecodable bytes become U+FFFD rather than failing."""
    return body.decode(charset or "utf-8", errors="replace")
