"""Capped decompression and charset choice, without a network."""

from __future__ import annotations

import codecs
import tracemalloc

import pytest

from summarizers.errors import FetchError, PageTooLargeError
from summarizers.fetch.body import BodyReader, format_size
from summarizers.fetch.charset import codec_name, meta_charset, pick_charset
from tests.servers.web import compress

CAP = 1_000_000


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "br"])
def test_a_bomb_never_expands_past_the_cap_in_memory(encoding: str) -> None:
    bomb = compress(b"\0" * 50_000_000, encoding)
    assert len(bomb) < 100_000  # 50 MB of zeros in a few dozen KB
    reader = BodyReader(encoding, CAP)
    tracemalloc.start()
    try:
        with pytest.raises(PageTooLargeError):
            reader.feed(bomb)  # the whole bomb in one chunk: the worst case
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * CAP


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "raw-deflate", "br"])
def test_chunked_compressed_bodies_decode_exactly(encoding: str) -> None:
    data = b"".join(b"<p>paragraph %d</p>" % i for i in range(20_000))
    packed = compress(data, encoding)
    reader = BodyReader("deflate" if encoding == "raw-deflate" else encoding, len(data))
    for start in range(0, len(packed), 777):
        reader.feed(packed[start : start + 777])
    assert reader.body() == data


def test_a_body_exactly_at_the_cap_is_accepted_and_one_byte_more_is_not() -> None:
    exact = BodyReader("", 10)
    exact.feed(b"0123456789")
    assert exact.body() == b"0123456789"
    over = BodyReader("gzip", 10)
    with pytest.raises(PageTooLargeError, match="larger than 10 bytes"):
        over.feed(compress(b"0123456789A", "gzip"))


def test_stacked_encodings_are_undone_in_reverse() -> None:
    data = b"<p>twice packed</p>" * 100
    reader = BodyReader("gzip, br", CAP)
    reader.feed(compress(compress(data, "gzip"), "br"))
    assert reader.body() == data


def test_multi_member_gzip_is_read_whole() -> None:
    reader = BodyReader("gzip", CAP)
    reader.feed(compress(b"first ", "gzip") + compress(b"second", "gzip"))
    assert reader.body() == b"first second"


@pytest.mark.parametrize("coding", ["zstd", "compress"])
def test_unknown_encodings_are_refused(coding: str) -> None:
    with pytest.raises(FetchError, match="compression format"):
        BodyReader(coding, CAP)


def test_format_size() -> None:
    assert [format_size(n) for n in (5_000_000, 1_500_000, 64_000, 999)] == [
        "5 MB",
        "1.5 MB",
        "64 KB",
        "999 bytes",
    ]


def test_charset_labels_follow_browsers() -> None:
    assert codec_name("ISO-8859-1") == "cp1252"
    assert codec_name("latin1") == "cp1252"
    assert codec_name('"UTF-8"') == "utf-8"
    assert codec_name("x-unknown") is None
    assert meta_charset(b'<?xml version="1.0" encoding="ISO-8859-2"?><html>') == "iso8859-2"
    assert meta_charset(b"<meta content='text/html; charset=koi8-r' http-equiv=x>") == "koi8-r"


def test_declared_utf16_is_not_mistaken_for_utf8() -> None:
    body = "<p>plain words</p>".encode("utf-16-le")
    assert pick_charset(body, "utf-16le") == "utf-16-le"


def test_bom_decides() -> None:
    assert pick_charset(codecs.BOM_UTF8 + "<p>é</p>".encode(), "windows-1251") == "utf-8-sig"
