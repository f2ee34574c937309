"""Discord's message limits, checked the way the API does before it accepts a message."""

from __future__ import annotations

from typing import Any

MAX_CONTENT = 2000
MAX_EMBEDS = 10
MAX_EMBED_TOTAL = 6000
MAX_TITLE = 256
MAX_DESCRIPTION = 4096
MAX_FIELDS = 25
MAX_FIELD_NAME = 256
MAX_FIELD_VALUE = 1024
MAX_FOOTER = 2048
MAX_AUTHOR_NAME = 256


def embed_length(embed: dict[str, Any]) -> int:
    """Characters that count against the 6,000 per message: title, description, fields,
    footer text and author name."""
    total = len(embed.get("title") or "") + len(embed.get("description") or "")
    total += len((embed.get("footer") or {}).get("text") or "")
    total += len((embed.get("author") or {}).get("name") or "")
    for embed_field in embed.get("fields") or []:
        total += len(embed_field.get("name") or "") + len(embed_field.get("value") or "")
    return total


def message_errors(body: dict[str, Any]) -> list[str]:
    """Why Discord would refuse this create/edit-message body; empty when it is valid."""
    errors: list[str] = []
    content = body.get("content") or ""
    embeds: list[dict[str, Any]] = list(body.get("embeds") or [])
    if len(content) > MAX_CONTENT:
        errors.append(f"content: must be {MAX_CONTENT} or fewer in length")
    if len(embeds) > MAX_EMBEDS:
        errors.append(f"embeds: must be {MAX_EMBEDS} or fewer in length")
    if sum(embed_length(embed) for embed in embeds) > MAX_EMBED_TOTAL:
        errors.append(f"embeds: embed size exceeds maximum size of {MAX_EMBED_TOTAL}")
    for index, embed in enumerate(embeds):
        errors.extend(f"embeds.{index}.{error}" for error in _embed_errors(embed))
    return errors


def _embed_errors(embed: dict[str, Any]) -> list[str]:
    checks: list[tuple[str, str, int]] = [
        ("title", embed.get("title") or "", MAX_TITLE),
        ("description", embed.get("description") or "", MAX_DESCRIPTION),
        ("footer.text", (embed.get("footer") or {}).get("text") or "", MAX_FOOTER),
        ("author.name", (embed.get("author") or {}).get("name") or "", MAX_AUTHOR_NAME),
    ]
    fields: list[dict[str, Any]] = list(embed.get("fields") or [])
    for index, embed_field in enumerate(fields):
        checks.append((f"fields.{index}.name", embed_field.get("name") or "", MAX_FIELD_NAME))
        checks.append((f"fields.{index}.value", embed_field.get("value") or "", MAX_FIELD_VALUE))
    errors = [
        f"{name}: must be {limit} or fewer in length"
        for name, text, limit in checks
        if len(text) > limit
    ]
    if len(fields) > MAX_FIELDS:
        errors.append(f"fields: must be {MAX_FIELDS} or fewer in length")
    for index, embed_field in enumerate(fields):
        if not embed_field.get("name") or not embed_field.get("value"):
            errors.append(f"fields.{index}: name and value are required")
    return errors
