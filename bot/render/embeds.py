"""Digest → Discord embeds, and a whole digest → messages, within Discord's limits.

Article text is untrusted: everything taken from it is Markdown-escaped and has its
mention syntax broken (`@everyone`, `<@id>`, `<#id>`), on top of the bot sending with
allowed mentions off. Limits are Discord's documented ones; text that does not fit is
clipped with an ellipsis, and embeds are spread over as many messages as needed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import discord

from bot.render.common import dateline, quoted
from summarizers.models import Digest
from summarizers.stories import Source, StoryItem

TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FIELDS_PER_EMBED = 25
FOOTER_LIMIT = 2048
AUTHOR_LIMIT = 256
EMBED_TOTAL_LIMIT = 6000
EMBEDS_PER_MESSAGE = 10
MESSAGE_EMBED_TOTAL = 6000
CONTENT_LIMIT = 2000

MIN_DESCRIPTION = 1000  # quotes never crowd the key points out of an embed
FAILURE_LINE_LIMIT = 400
COLOUR = discord.Colour(0x2B6CB0)

_NUMBERED_LIST = re.compile(r"^(\s*\d+)\.(?=\s)", re.MULTILINE)
_ANGLE_SYNTAX = re.compile(r"<(?=[@#:/]|a:|t:)")  # <@user>, <#channel>, <:emoji:>, <t:time>


def escape(text: str) -> str:
    """Article text → text Discord shows literally: no Markdown, no mentions, no pings."""
    text = discord.utils.escape_markdown(text)
    text = _NUMBERED_LIST.sub(r"\1\\.", text)
    text = _ANGLE_SYNTAX.sub(r"\\<", text)
    return discord.utils.escape_mentions(text)


def clip(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, ending with '…' when cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rstrip()
    # Never leave a lone escaping backslash in front of the ellipsis.
    if cut.endswith("\\") and not cut.endswith("\\\\"):
        cut = cut[:-1]
    return cut + "…"


def _flat(text: str) -> str:
    return " ".join(text.split())


def story_embed(digest: Digest) -> discord.Embed:
    """One article's digest: linked headline, site and date, points, quotes, method."""
    embed = discord.Embed(
        title=clip(escape(_flat(digest.headline or "Untitled article")), TITLE_LIMIT),
        url=digest.url if digest.url and digest.url.startswith(("http://", "https://")) else None,
        colour=COLOUR,
    )
    if meta := dateline(digest):
        # Author names and footers are not Markdown: they show as typed, no escaping needed.
        embed.set_author(name=clip(_flat(meta), AUTHOR_LIMIT))
    footer = " · ".join([f"Method: {digest.method}", *digest.notes])
    embed.set_footer(text=clip(_flat(footer), FOOTER_LIMIT))
    _add_quotes(embed, [(q.speaker, quoted(q)) for q in digest.quotes])
    budget = min(DESCRIPTION_LIMIT, EMBED_TOTAL_LIMIT - len(embed))
    embed.description = _bullets([escape(_flat(p)) for p in digest.points], budget)
    return embed


def item_embed(item: StoryItem) -> discord.Embed:
    """One story of a digest: its headline linked to the first source, the points and quotes
    of all its sources (numbered by source when there are several), and the sources."""
    url = item.url
    embed = discord.Embed(
        title=clip(escape(_flat(item.headline or "Untitled article")), TITLE_LIMIT),
        url=url if url and url.startswith(("http://", "https://")) else None,
        colour=COLOUR,
    )
    sites = list(dict.fromkeys(s.site for s in item.sources if s.site))
    when = item.sources[0].published
    if meta := " · ".join([*sites, *([f"{when.day} {when:%B %Y}"] if when else [])]):
        embed.set_author(name=clip(_flat(meta), AUTHOR_LIMIT))
    if item.notes:
        embed.set_footer(text=clip(_flat(" · ".join(item.notes)), FOOTER_LIMIT))
    if len(item.sources) > 1:
        lines = [f"{n}. {_source_link(s)}" for n, s in enumerate(item.sources, start=1)]
        embed.add_field(
            name="Sources", value=clip("\n".join(lines), FIELD_VALUE_LIMIT), inline=False
        )
    _add_quotes(
        embed, [(q.quote.speaker, _marked(quoted(q.quote), item, q.source)) for q in item.quotes]
    )
    budget = min(DESCRIPTION_LIMIT, EMBED_TOTAL_LIMIT - len(embed))
    points = [escape(_flat(_marked(p.text, item, p.source))) for p in item.points]
    embed.description = _bullets(points, budget)
    return embed


def _marked(text: str, item: StoryItem, source: int) -> str:
    """`text` with its source's number, when the story has several sources."""
    return f"{text} [{source + 1}]" if len(item.sources) > 1 else text


def _source_link(source: Source) -> str:
    label = escape(_flat(" — ".join(x for x in (source.site, source.headline) if x) or "source"))
    link = source.url or ""
    return f"[{clip(label, 200)}]({link})" if link.startswith(("http://", "https://")) else label


def _add_quotes(embed: discord.Embed, quotes: Sequence[tuple[str | None, str]]) -> None:
    """(speaker, quoted text) fields, while they leave the points their room."""
    for speaker, text in quotes:
        name = clip(escape(_flat(speaker or "Unattributed")), FIELD_NAME_LIMIT)
        value = clip(f"> {escape(_flat(text))}", FIELD_VALUE_LIMIT)
        room = EMBED_TOTAL_LIMIT - len(embed) - MIN_DESCRIPTION
        if len(embed.fields) >= FIELDS_PER_EMBED or len(name) + len(value) > room:
            break
        embed.add_field(name=name, value=value, inline=False)


def _bullets(points: Sequence[str], budget: int) -> str:
    """'• point' lines that fit in `budget`; the first point is clipped rather than lost."""
    lines: list[str] = []
    used = 0
    for point in points:
        line = f"• {point}"
        cost = len(line) + (1 if lines else 0)
        if used + cost > budget:
            if not lines:
                lines.append(clip(line, budget))
            break
        lines.append(line)
        used += cost
    return "\n".join(lines)


@dataclass(frozen=True)
class Failure:
    """A link that could not be summarised, and the one-sentence reason."""

    url: str
    reason: str


def failure_embeds(failures: Sequence[Failure]) -> list[discord.Embed]:
    """'Not summarised' embeds listing each failed link with its reason."""
    lines = [
        clip(f"• {escape(_flat(f.url))} — {escape(_flat(f.reason))}", FAILURE_LINE_LIMIT)
        for f in failures
    ]
    embeds: list[discord.Embed] = []
    chunk: list[str] = []
    for line in lines:
        if chunk and len("\n".join([*chunk, line])) > DESCRIPTION_LIMIT:
            embeds.append(_failure_embed(chunk))
            chunk = []
        chunk.append(line)
    if chunk:
        embeds.append(_failure_embed(chunk))
    return embeds


def _failure_embed(lines: list[str]) -> discord.Embed:
    return discord.Embed(
        title="Not summarised", description="\n".join(lines), colour=discord.Colour.dark_grey()
    )


def pack(embeds: Sequence[discord.Embed]) -> list[list[discord.Embed]]:
    """Embeds grouped in order into messages of at most 10 embeds and 6,000 characters."""
    messages: list[list[discord.Embed]] = []
    current: list[discord.Embed] = []
    size = 0
    for embed in embeds:
        if current and (
            len(current) == EMBEDS_PER_MESSAGE or size + len(embed) > MESSAGE_EMBED_TOTAL
        ):
            messages.append(current)
            current, size = [], 0
        current.append(embed)
        size += len(embed)
    if current:
        messages.append(current)
    return messages


@dataclass(frozen=True)
class Message:
    """What one message says: optional text and embeds, and whether it goes in the digest's
    thread rather than the channel. Serialisable for the posts ledger."""

    content: str | None
    embeds: list[discord.Embed]
    in_thread: bool = False

    def to_payload(self) -> dict[str, Any]:
        """JSON-ready form."""
        payload = {"content": self.content, "embeds": [e.to_dict() for e in self.embeds]}
        return {**payload, "thread": True} if self.in_thread else payload

    @classmethod
    def from_payload(cls, payload: dict[str, Any]) -> Message:
        """Back from `to_payload`."""
        embeds = [discord.Embed.from_dict(e) for e in payload.get("embeds", [])]
        return cls(payload.get("content"), embeds, bool(payload.get("thread")))


def digest_messages(
    run_id: int, day: dt.date, stories: Sequence[discord.Embed], failures: Sequence[Failure]
) -> list[Message]:
    """A whole digest: a header message, then the stories and failures as embeds.

    Every message ends with a small 'digest N · part i/n' line: it tells readers how the
    digest continues and lets the bot recognise its own messages when resuming after a crash.
    """
    groups = pack([*stories, *failure_embeds(failures)])
    marker = f"-# digest {run_id} · part {{}}/{len(groups) + 1}"
    messages = [Message(f"{_header(day, stories, failures)}\n{marker.format(1)}", [])]
    messages += [Message(marker.format(n), group) for n, group in enumerate(groups, start=2)]
    return messages


def thread_messages(
    run_id: int, day: dt.date, stories: Sequence[discord.Embed], failures: Sequence[Failure]
) -> list[Message]:
    """A digest in a thread: a summary message listing the headlines in the channel, then in
    the thread under it one message per story, and the failures (marked like
    `digest_messages`)."""
    rest = [[story] for story in stories] + pack(failure_embeds(failures))
    marker = f"-# digest {run_id} · part {{}}/{len(rest) + 1}"
    first = marker.format(1)
    lines = [f"{n}. {story.title or 'Untitled article'}" for n, story in enumerate(stories, 1)]
    room = CONTENT_LIMIT - len(first) - 1
    summary = clip("\n".join([_header(day, stories, failures), *lines]), room)
    messages = [Message(f"{summary}\n{first}", [])]
    messages += [Message(marker.format(n), group, True) for n, group in enumerate(rest, start=2)]
    return messages


def _header(day: dt.date, stories: Sequence[object], failures: Sequence[Failure]) -> str:
    counts = f"{len(stories)} {'story' if len(stories) == 1 else 'stories'}"
    if failures:
        counts += f", {len(failures)} not summarised"
    return f"📰 **Daily digest** · {day.strftime('%A')} {day.day} {day:%B %Y} · {counts}"
