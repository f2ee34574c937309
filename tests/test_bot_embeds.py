"""Digest → Discord embeds: limits, splitting across messages, escaping and mention safety."""

from __future__ import annotations

import datetime as dt
import json
import re

import discord

from bot.render import embeds as E
from summarizers.models import Digest, Quote

HOSTILE = (
    "@everyone @here <@123456789012345678> <@&223456789012345678> <#323456789012345678> "
    "**bold** __under__ ||spoiler|| `code` [click](https://evil.test/x) <t:1700000000:R>"
)


def digest(**changes: object) -> Digest:
    base: dict[str, object] = {
        "url": "https://news.test/story",
        "headline": "Coalition strikes hit oil sites",
        "byline": "Jane Roe",
        "published": dt.date(2017, 12, 28),
        "points": ["The coalition struck twelve sites.", "Oil output fell by half."],
        "quotes": [Quote("We will not stop", "The minister", 0, 10)],
        "method": "textrank",
        "language": "en",
        "site": "News Test",
    }
    base.update(changes)
    return Digest(**base)  # type: ignore[arg-type]


def unescaped(text: str, pattern: str) -> bool:
    """True when `pattern` occurs without a backslash in front of it."""
    return re.search(r"(?<!\\)" + pattern, text) is not None


def rendered_text(embed: discord.Embed) -> list[str]:
    """Every Markdown-rendered string of an embed."""
    return [
        embed.title or "",
        embed.description or "",
        *(f.name or "" for f in embed.fields),
        *(f.value or "" for f in embed.fields),
    ]


def test_story_embed_shows_every_part() -> None:
    embed = E.story_embed(digest())
    assert embed.title == "Coalition strikes hit oil sites"
    assert embed.url == "https://news.test/story"
    assert embed.author.name == "News Test · Jane Roe · 28 December 2017"
    assert embed.description == "• The coalition struck twelve sites.\n• Oil output fell by half."
    assert [(f.name, f.value) for f in embed.fields] == [("The minister", "> “We will not stop”")]
    assert embed.footer.text == "Method: textrank"


def test_unattributed_quote_and_untitled_article() -> None:
    embed = E.story_embed(
        digest(headline=None, url="javascript:alert(1)", quotes=[Quote("Hm", None, 0, 2)])
    )
    assert embed.title == "Untitled article"
    assert embed.url is None
    assert embed.fields[0].name == "Unattributed"


def test_story_embed_respects_every_limit() -> None:
    huge = digest(
        headline="H" * 1000,
        byline="B" * 500,
        points=[f"Point {n} " + "word " * 200 for n in range(40)],
        quotes=[Quote("q " * 1500, "S" * 400, 0, 1) for _ in range(40)],
        notes=["note " * 1000],
    )
    embed = E.story_embed(huge)
    assert len(embed.title or "") <= E.TITLE_LIMIT
    assert len(embed.description or "") <= E.DESCRIPTION_LIMIT
    assert len(embed.author.name or "") <= E.AUTHOR_LIMIT
    assert len(embed.footer.text or "") <= E.FOOTER_LIMIT
    assert 0 < len(embed.fields) <= E.FIELDS_PER_EMBED
    for field in embed.fields:
        assert len(field.name or "") <= E.FIELD_NAME_LIMIT
        assert len(field.value or "") <= E.FIELD_VALUE_LIMIT
    assert len(embed) <= E.EMBED_TOTAL_LIMIT
    # Key points keep their room and whole points are kept rather than cut mid-way.
    assert len(embed.description or "") >= E.MIN_DESCRIPTION
    assert all(line.startswith("• Point") for line in (embed.description or "").split("\n"))


def test_a_single_overlong_point_is_clipped_not_dropped() -> None:
    embed = E.story_embed(digest(points=["x" * 9000], quotes=[]))
    assert (embed.description or "").endswith("…")
    assert len(embed.description or "") == E.DESCRIPTION_LIMIT


def test_article_text_cannot_format_or_mention() -> None:
    embed = E.story_embed(
        digest(
            headline=HOSTILE,
            points=[HOSTILE, "# Big header", "1. not a list", "-# subtext"],
            quotes=[Quote(HOSTILE, HOSTILE, 0, 1)],
        )
    )
    for text in rendered_text(embed):
        assert "@everyone" not in text and "@here" not in text
        # User and role mentions survive only behind a zero-width break after '@'.
        assert not re.search(r"<@&?\d", text)
        for token in [r"<[@#t]", r"\*", r"_", r"\|", "`", r"\["]:
            assert not unescaped(text, token), (token, text)
    lines = (embed.description or "").split("\n")
    assert lines[1] == "• \\# Big header"
    assert lines[2] == "• 1\\. not a list"
    assert lines[3] == "• \\-# subtext"
    # Links stay clickable as plain URLs (no masked link), and nothing else is lost.
    assert "https://evil.test/x" in (embed.description or "")


def test_escape_keeps_plain_text_readable() -> None:
    assert E.escape("Prices rose 5% in May, officials said.") == (
        "Prices rose 5% in May, officials said."
    )


def test_clip() -> None:
    assert E.clip("short", 10) == "short"
    assert E.clip("abcdefghijkl", 5) == "abcd…"
    assert E.clip("abc\\*defgh", 5) == "abc…"  # no dangling escape before the ellipsis


def sized_embed(n: int, size: int) -> discord.Embed:
    return discord.Embed(title=f"story {n}", description="d" * (size - len(f"story {n}")))


def test_pack_respects_embed_count_and_total_size() -> None:
    embeds = [sized_embed(n, 1500) for n in range(25)]
    groups = E.pack(embeds)
    assert [e for g in groups for e in g] == embeds
    for group in groups:
        assert len(group) <= E.EMBEDS_PER_MESSAGE
        assert sum(len(e) for e in group) <= E.MESSAGE_EMBED_TOTAL
    assert [len(g) for g in groups] == [4] * 6 + [1]
    small = [sized_embed(n, 100) for n in range(23)]
    assert [len(g) for g in E.pack(small)] == [10, 10, 3]
    assert E.pack([]) == []


def test_digest_messages_header_parts_and_failures() -> None:
    stories = [E.story_embed(digest(headline=f"Story {n}")) for n in range(12)]
    failures = [E.Failure("https://paywall.test/a", "That page is behind a paywall.")]
    messages = E.digest_messages(7, dt.date(2026, 11, 26), stories, failures)
    assert messages[0].embeds == []
    assert messages[0].content == (
        "📰 **Daily digest** · Thursday 26 November 2026 · 12 stories, 1 not summarised\n"
        "-# digest 7 · part 1/3"
    )
    assert [m.content for m in messages[1:]] == ["-# digest 7 · part 2/3", "-# digest 7 · part 3/3"]
    posted = [e for m in messages for e in m.embeds]
    assert [e.title for e in posted] == [f"Story {n}" for n in range(12)] + ["Not summarised"]
    assert "That page is behind a paywall." in (posted[-1].description or "")
    for message in messages:
        assert len(message.content or "") <= E.CONTENT_LIMIT
        assert len(message.embeds) <= E.EMBEDS_PER_MESSAGE
        assert sum(len(e) for e in message.embeds) <= E.MESSAGE_EMBED_TOTAL


def test_many_failures_split_within_the_description_limit() -> None:
    failures = [
        E.Failure(f"https://e.test/{n}", "That site took too long to answer. " * 20)
        for n in range(40)
    ]
    embeds = E.failure_embeds(failures)
    assert len(embeds) > 1
    assert all(len(e.description or "") <= E.DESCRIPTION_LIMIT for e in embeds)
    listed = "\n".join(e.description or "" for e in embeds)
    assert all(f"https://e.test/{n} —" in listed for n in range(40))


def test_message_payload_roundtrips_through_json() -> None:
    messages = E.digest_messages(1, dt.date(2026, 1, 1), [E.story_embed(digest())], [])
    for message in messages:
        back = E.Message.from_payload(json.loads(json.dumps(message.to_payload())))
        assert back.content == message.content
        assert [e.to_dict() for e in back.embeds] == [e.to_dict() for e in message.embeds]


def test_thread_messages_summary_fits_and_each_story_is_one_thread_message() -> None:
    stories = [
        E.story_embed(digest(headline=f"Story {n} " + "long words " * 20)) for n in range(40)
    ]
    failures = [
        E.Failure(f"https://gone.test/{n}", "That page was not found (404).") for n in range(3)
    ]
    messages = E.thread_messages(7, dt.date(2026, 1, 1), stories, failures)
    summary, *rest = messages
    assert not summary.in_thread and not summary.embeds
    assert len(summary.content or "") <= E.CONTENT_LIMIT
    assert (summary.content or "").startswith("📰 **Daily digest**")
    assert "1. Story 0 long words" in (summary.content or "")
    assert (summary.content or "").endswith(f"-# digest 7 · part 1/{len(messages)}")
    assert all(m.in_thread for m in rest)
    assert [len(m.embeds) for m in rest[:40]] == [1] * 40
    assert "Not summarised" in json.dumps([e.to_dict() for m in rest[40:] for e in m.embeds])
    # The ledger keeps where each message goes.
    assert E.Message.from_payload(rest[0].to_payload()).in_thread
    assert not E.Message.from_payload(summary.to_payload()).in_thread
