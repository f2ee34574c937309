from __future__ import annotations

import datetime as dt
import json

from bot.render import render
from summarizers.models import Digest, Quote


def digest(**overrides: object) -> Digest:
    base: dict[str, object] = dict(
        url="https://example.com/story",
        headline="Bridge *opens* [finally]",
        byline="By Jane Doe",
        published=dt.date(2024, 3, 5),
        points=["The bridge opened on Sunday.", "Traffic should ease_soon."],
        quotes=[Quote("It is a great day,", "Jane Roe", 10, 28), Quote("Maybe", None, 40, 45)],
        method="default",
        language="en",
        site="Example News",
    )
    base.update(overrides)
    return Digest(**base)  # type: ignore[arg-type]


def test_plain_text_has_every_part() -> None:
    out = render(digest(), "text")
    assert out.splitlines()[0] == "Bridge *opens* [finally]"
    assert "Example News · By Jane Doe · 5 March 2024" in out
    assert "  • The bridge opened on Sunday." in out
    assert "“It is a great day”" in out and "— Jane Roe" in out and "— unattributed" in out
    assert "Source: https://example.com/story" in out


def test_markdown_escapes_article_text() -> None:
    out = render(digest(), "markdown")
    assert out.startswith("## [Bridge \\*opens\\* \\[finally\\]](<https://example.com/story>)")
    assert "- Traffic should ease\\_soon." in out
    assert "> “It is a great day”" in out


def test_json_round_trips_with_iso_date() -> None:
    data = json.loads(render(digest(), "json"))
    assert data["published"] == "2024-03-05"
    # JSON keeps the verbatim text; only the people-facing formats drop the joining comma.
    assert data["quotes"][0] == {"text": "It is a great day,", "speaker": "Jane Roe", "start": 10,
                                 "end": 28}  # fmt: skip
    assert "\n" not in render(digest(), "jsonl")


def test_missing_metadata_is_left_out() -> None:
    out = render(digest(headline=None, byline=None, published=None, site=None, url=None), "text")
    assert out.startswith("Key points:")
    assert "Source:" not in out
