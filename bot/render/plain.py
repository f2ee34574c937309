"""Digest → plain text for a terminal."""

from __future__ import annotations

import textwrap

from bot.render.common import attribution, dateline, quoted
from summarizers.models import Digest

WIDTH = 88


def render_plain(digest: Digest) -> str:
    """Headline, dateline, key points as bullets, key quotes with speakers, source and method."""
    lines: list[str] = []
    if digest.headline:
        lines += [digest.headline, "=" * min(len(digest.headline), WIDTH)]
    if meta := dateline(digest):
        lines.append(meta)
    if lines:
        lines.append("")
    lines.append("Key points:")
    for point in digest.points:
        lines.append(textwrap.fill(point, WIDTH, initial_indent="  • ", subsequent_indent="    "))
    if digest.quotes:
        lines += ["", "Key quotes:"]
        for quote in digest.quotes:
            lines.append(
                textwrap.fill(quoted(quote), WIDTH, initial_indent="  ", subsequent_indent="   ")
            )
            lines.append(f"    {attribution(quote)}")
    lines.append("")
    if digest.url:
        lines.append(f"Source: {digest.url}")
    lines.append(f"Method: {digest.method}")
    lines += [f"Note: {note}" for note in digest.notes]
    return "\n".join(lines)
