"""Telling a saved web page from plain text."""

from __future__ import annotations

from bot.inputs import article_from_bytes, looks_like_html

STYLE = "<style>\n" + "".join(f".box-{i} {{ opacity: 0.{i % 10}; }}\n" for i in range(400))
PARAGRAPHS = "".join(
    f"<p>The harbour authority said on Monday that ship number {i} had docked safely after "
    "the storm, and that the port would reopen fully by the end of the week.</p>"
    for i in range(6)
)
PAGE = (
    f"{STYLE}</style>\n<!doctype html><html><head><title>Port reopens</title></head><body>"
    f"<article><h1>Port reopens after storm</h1>{PARAGRAPHS}</article></body></html>"
)


def test_a_page_opening_with_kilobytes_of_style_is_html() -> None:
    data = PAGE.encode()
    assert len(STYLE) > 4096
    assert looks_like_html(data)
    article = article_from_bytes(data)
    assert article.headline == "Port reopens after storm"
    assert "opacity" not in article.text


def test_plain_text_stays_text() -> None:
    text = "The port reopened on Monday.\n\nShips docked safely after the storm. " * 5
    assert not looks_like_html(text.encode())
