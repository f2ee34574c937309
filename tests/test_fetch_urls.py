"""URL normalisation for deduplication, and which canonical URL a page may claim."""

from __future__ import annotations

import pytest

from summarizers.fetch import normalize_url
from summarizers.fetch.canonical import canonical_url


@pytest.mark.parametrize(
    ("link", "normal"),
    [
        (
            "https://News.Example.com/world/story?utm_source=tw&utm_medium=social&id=5#comments",
            "https://news.example.com/world/story?id=5",
        ),
        ("http://example.com:80/a", "http://example.com/a"),
        ("https://example.com:443/a", "https://example.com/a"),
        ("https://example.com:8443/a", "https://example.com:8443/a"),
        ("HTTP://EXAMPLE.COM", "http://example.com/"),
        ("https://example.com./a", "https://example.com/a"),
        ("https://example.com/a?fbclid=x&gclid=y&msclkid=z&mc_eid=1", "https://example.com/a"),
        ("https://example.com/a?b=2&a=1&utm_campaign=c", "https://example.com/a?a=1&b=2"),
        ("https://example.com/a?UTM_Source=x&Page=2", "https://example.com/a?Page=2"),
        ("https://user:pw@example.com/a", "https://example.com/a"),
        ("https://example.com/a/../b/./c", "https://example.com/b/c"),
        ("https://bücher.example/straße", "https://xn--bcher-kva.example/stra%C3%9Fe"),
        ("http://0x7f.1:8080/x", "http://127.0.0.1:8080/x"),
        ("http://[::FFFF:7f00:1]/", "http://[::ffff:7f00:1]/"),
        ("  https://example.com/a  ", "https://example.com/a"),
    ],
)
def test_normalize_url(link: str, normal: str) -> None:
    assert normalize_url(link) == normal


def test_normalize_url_is_idempotent() -> None:
    once = normalize_url("https://Example.com:443/a?z=1&utm_term=x&a=2#f")
    assert normalize_url(once) == once


@pytest.mark.parametrize("link", ["ftp://example.com/a", "not a link", "mailto:a@b.c"])
def test_links_that_are_not_web_addresses_come_back_stripped(link: str) -> None:
    assert normalize_url(f" {link} ") == link


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ('<link rel="canonical" href="https://news.example/a?utm_source=x">', "https://news.example/a"),
        ("<link href='/b' rel='alternate canonical'>", "https://www.news.example/b"),
        ('<meta property="og:url" content="https://m.news.example/c">', "https://m.news.example/c"),
        ('<link rel="canonical" href="https://other.example/a">', "https://www.news.example/p?q=1"),
        ('<link rel="canonical" href="javascript:alert(1)">', "https://www.news.example/p?q=1"),
        ('<link rel="canonical" href="">', "https://www.news.example/p?q=1"),
        ("", "https://www.news.example/p?q=1"),
        (
            '<meta property="og:url" content="https://news.example/og">'
            '<link rel="canonical" href="https://news.example/link">',
            "https://news.example/link",
        ),
    ],
)  # fmt: skip
def test_canonical_url_stays_on_the_same_site(head: str, expected: str) -> None:
    html = f"<html><head>{head}</head><body><p>text</p></body></html>"
    assert canonical_url(html, "https://www.news.example/p?q=1&fbclid=9") == expected
