"""Links found in chat messages: trimming, dedup by normalised URL, the per-message cap."""

from __future__ import annotations

from bot.discord.urls import find_links


def test_links_are_trimmed_and_deduplicated() -> None:
    text = (
        "Read https://news.test/a?utm_source=x, and <https://news.test/b>! "
        "Also (https://news.test/a) and https://en.wikipedia.test/wiki/Foo_(bar). "
        "**https://news.test/c** ||https://news.test/d|| [site](https://news.test/e)"
    )
    found = find_links(text, cap=10)
    assert found.links == [
        "https://news.test/a?utm_source=x",
        "https://news.test/b",
        "https://en.wikipedia.test/wiki/Foo_(bar)",
        "https://news.test/c",
        "https://news.test/d",
        "https://news.test/e",
    ]
    assert found.total == 6


def test_cap_keeps_the_first_links_and_counts_all() -> None:
    text = " ".join(f"https://news.test/{n}" for n in range(8))
    found = find_links(text, cap=3)
    assert found.links == ["https://news.test/0", "https://news.test/1", "https://news.test/2"]
    assert found.total == 8


def test_no_links() -> None:
    assert find_links("ftp://files.test/x and www.example.test and https://", 5).links == []
