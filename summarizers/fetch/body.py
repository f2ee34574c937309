"""Response bodies read chunk by chunk, decompressed, and capped at every stage.

The cap applies to the bytes on the wire *and* to the bytes after each decompression step,
and no step may produce more than the room left, so a gzip or brotli bomb costs at most
`max_bytes` of memory before it is refused.
"""

from __future__ import annotations

import zlib
from typing import Protocol

import brotli

from summarizers.errors import FetchError, PageTooLargeError

DAMAGED_MESSAGE = "That site sent a damaged compressed page."


def too_large(max_bytes: int) -> PageTooLargeError:
    """The one-sentence error for a page over the cap."""
    return PageTooLargeError(
        f"That page is larger than {format_size(max_bytes)}, which is more than digestbot reads."
    )


def format_size(n: int) -> str:
    """'5 MB', '64 KB', '900 bytes'."""
    if n >= 1_000_000:
        return f"{n / 1_000_000:g} MB"
    if n >= 1_000:
        return f"{n / 1_000:g} KB"
    return f"{n} bytes"


class _Decoder(Protocol):
    def feed(self, data: bytes, room: int) -> bytes:
        """Decompress `data`, producing at most room + 1 bytes (more means too large)."""


class _Identity:
    def feed(self, data: bytes, room: int) -> bytes:
        return data[: room + 1]


class _Zlib:
    """gzip (possibly several members) or deflate (zlib-wrapped or, as some servers send
    it, raw)."""

    def __init__(self, gzip: bool) -> None:
        self._wbits = 16 + zlib.MAX_WBITS if gzip else zlib.MAX_WBITS
        self._obj = zlib.decompressobj(self._wbits)
        self._started = False

    def feed(self, data: bytes, room: int) -> bytes:
        try:
            out = self._decompress(data, room)
        except zlib.error:
            if self._started or self._wbits != zlib.MAX_WBITS:
                raise
            self._wbits = -zlib.MAX_WBITS  # raw deflate stream without the zlib header
            self._obj = zlib.decompressobj(self._wbits)
            out = self._decompress(data, room)
        self._started = True
        return out

    def _decompress(self, data: bytes, room: int) -> bytes:
        out = self._obj.decompress(data, room + 1)
        # A finished gzip member followed by another: each pass consumes input, so this ends.
        while self._obj.eof and self._obj.unused_data and len(out) <= room:
            rest = self._obj.unused_data
            self._obj = zlib.decompressobj(self._wbits)
            out += self._obj.decompress(rest, room + 1 - len(out))
        return out


class _Brotli:
    def __init__(self) -> None:
        self._obj = brotli.Decompressor()

    def feed(self, data: bytes, room: int) -> bytes:
        out = self._obj.process(data, output_buffer_limit=room + 1)
        # Output held back by the limit: drain it, each pass bounded by the room left.
        while len(out) <= room and not self._obj.can_accept_more_data():
            more = self._obj.process(b"", output_buffer_limit=room + 1 - len(out))
            if not more:
                break
            out += more
        return bytes(out)


def _decoder(coding: str) -> _Decoder:
    if coding in ("gzip", "x-gzip"):
        return _Zlib(gzip=True)
    if coding == "deflate":
        return _Zlib(gzip=False)
    if coding == "br":
        return _Brotli()
    if coding in ("identity", ""):
        return _Identity()
    raise FetchError("That site sent the page in a compression format digestbot cannot read.")


class BodyReader:
    """Accumulates a body from wire chunks; raises PageTooLargeError past `max_bytes`."""

    def __init__(self, content_encoding: str, max_bytes: int) -> None:
        codings = [c.strip().lower() for c in content_encoding.split(",") if c.strip()]
        # Codings are listed in the order they were applied; undo them in reverse.
        self._decoders = [_decoder(c) for c in reversed(codings)]
        self._max = max_bytes
        self._wire = 0
        self._parts: list[bytes] = []
        self._size = 0

    def feed(self, chunk: bytes) -> None:
        """Add one chunk as received from the network."""
        self._wire += len(chunk)
        if self._wire > self._max:
            raise too_large(self._max)
        data = chunk
        try:
            for decoder in self._decoders:
                data = decoder.feed(data, self._max - self._size)
                if self._size + len(data) > self._max:
                    raise too_large(self._max)
        except (zlib.error, brotli.error):
            raise FetchError(DAMAGED_MESSAGE) from None
        self._parts.append(data)
        self._size += len(data)

    def body(self) -> bytes:
        """The decompressed body read so far."""
        return b"".join(self._parts)
