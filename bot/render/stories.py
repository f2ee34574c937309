"""Story items (one story, every source) → plain text, Markdown or JSON, for `digestbot digest`.

A point or quote from another source than the first carries that source's number, [2], so a
reader can tell who reported what; an item with one source has no numbers.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Mapping, Sequence

from bot.render.common import attribution, quoted
from bot.render.markdown import escape
from bot.render.plain import WIDTH
from summarizers.stories import Source, StoryItem

STORY_FORMATS = ("text", "markdown", "json")


def _mark(item: StoryItem, source: int) -> str:
    return f" [{source + 1}]" if len(item.sources) > 1 else ""


def _source_line(number: int, source: Source) -> str:
    parts = [source.site or "", source.headline or "", source.url or ""]
    return f"[{number}] " + " — ".join(p for p in parts if p)


def _plain(item: StoryItem) -> str:
    headline = item.headline or "Untitled story"
    lines = [headline, "=" * min(len(headline), WIDTH), "", "Key points:"]
    for point in item.points:
        text = point.text + _mark(item, point.source)
        lines.append(textwrap.fill(text, WIDTH, initial_indent="  • ", subsequent_indent="    "))
    if item.quotes:
        lines += ["", "Key quotes:"]
        for q in item.quotes:
            lines.append(
                textwrap.fill(quoted(q.quote), WIDTH, initial_indent="  ", subsequent_indent="   ")
            )
            lines.append(f"    {attribution(q.quote)}{_mark(item, q.source)}")
    lines += ["", "Sources:" if len(item.sources) > 1 else "Source:"]
    lines += [f"  {_source_line(n, s)}" for n, s in enumerate(item.sources, start=1)]
    lines += [f"Note: {note}" for note in item.notes]
    return "\n".join(lines)


def _markdown(item: StoryItem) -> str:
    title = escape(item.headline or "Untitled story")
    lines = [f"## [{title}](<{item.url}>)" if item.url else f"## {title}", ""]
    lines += [f"- {escape(p.text)}{_mark(item, p.source)}" for p in item.points]
    for q in item.quotes:
        lines += [
            "",
            f"> {escape(quoted(q.quote))}",
            f"> {escape(attribution(q.quote))}{_mark(item, q.source)}",
        ]
    lines += ["", "**Sources:**"]
    for n, s in enumerate(item.sources, start=1):
        label = escape(" — ".join(x for x in (s.site, s.headline) if x) or (s.url or ""))
        lines.append(f"{n}. [{label}](<{s.url}>)" if s.url else f"{n}. {label}")
    lines += [f"*Note: {escape(note)}*" for note in item.notes]
    return "\n".join(lines)


def render_stories(
    items: Sequence[StoryItem], skipped: Sequence[Mapping[str, str]], fmt: str
) -> str:
    """The whole digest in `fmt` (one of STORY_FORMATS)."""
    if fmt == "json":
        payload = {"items": [i.to_dict() for i in items], "skipped": [dict(s) for s in skipped]}
        return json.dumps(payload, ensure_ascii=False, indent=2)
    render = _markdown if fmt == "markdown" else _plain
    separator = "\n\n" if fmt == "markdown" else "\n\n" + "-" * 40 + "\n\n"
    if not items:
        return "No stories." if fmt == "text" else "*No stories.*"
    return separator.join(render(item) for item in items)
