"""Digest → text for people: plain text, Markdown, JSON (Discord embeds live in `embeds`)."""

from __future__ import annotations

import json

from bot.render.markdown import render_markdown
from bot.render.plain import render_plain
from summarizers.models import Digest

FORMATS = ("text", "markdown", "json", "jsonl")


def render(digest: Digest, fmt: str) -> str:
    """One digest in `fmt` (one of FORMATS); `json` is indented, `jsonl` is one line."""
    if fmt == "text":
        return render_plain(digest)
    if fmt == "markdown":
        return render_markdown(digest)
    if fmt == "json":
        return json.dumps(digest.to_dict(), ensure_ascii=False, indent=2)
    if fmt == "jsonl":
        return json.dumps(digest.to_dict(), ensure_ascii=False)
    raise ValueError(f"unknown format {fmt!r}")
