"""Digest → Markdown (also what Discord shows in plain messages)."""

from __future__ import annotations

import re

from bot.render.common import attribution, dateline, quoted
from summarizers.models import Digest

_SPECIAL = re.compile(r"([\\*_`~|>\[\]()#])")


def escape(text: str) -> str:
    """Escape Markdown so article text shows literally."""
    return _SPECIAL.sub(r"\\\1", text)


def render_markdown(digest: Digest) -> str:
    """`## [Headline](url)`, dateline, bullet points, block-quoted quotes, method."""
    title = escape(digest.headline or "Summary")
    lines = [f"## [{title}](<{digest.url}>)" if digest.url else f"## {title}"]
    if meta := dateline(digest):
        lines.append(f"*{escape(meta)}*")
    lines.append("")
    lines += [f"- {escape(point)}" for point in digest.points]
    for quote in digest.quotes:
        lines += ["", f"> {escape(quoted(quote))}", f"> {escape(attribution(quote))}"]
    lines += ["", f"*Method: {escape(digest.method)}*"]
    lines += [f"*Note: {escape(note)}*" for note in digest.notes]
    return "\n".join(lines)
