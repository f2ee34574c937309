"""The model's answer → a `Draft`: one JSON object, bare, fenced or inside other text."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

_FENCE = re.compile(r"```(?:json)?\s*\n?(.*?)```", re.DOTALL | re.IGNORECASE)


class ParseError(ValueError):
    """The answer holds no usable JSON object; `str()` says what is wrong, for the repair prompt."""


@dataclass(frozen=True)
class DraftQuote:
    """A quote as the model gave it (not yet checked against the article)."""

    text: str
    speaker: str


@dataclass(frozen=True)
class Draft:
    """The model's digest before validation."""

    headline: str
    points: list[str]
    quotes: list[DraftQuote] = field(default_factory=list)


def parse_draft(answer: str) -> Draft:
    """Find the JSON object in `answer` and check its shape."""
    return _to_draft(_find_object(answer))


def _find_object(answer: str) -> dict[str, Any]:
    candidates = [answer.strip(), *(m.group(1).strip() for m in _FENCE.finditer(answer))]
    for candidate in candidates:
        try:
            value = json.loads(candidate)
        except ValueError:
            continue
        if isinstance(value, dict):
            return value
    # Prose around the object: decode from each opening brace until one parses.
    decoder = json.JSONDecoder()
    for match in re.finditer(r"\{", answer):
        try:
            value, _end = decoder.raw_decode(answer, match.start())
        except ValueError:
            continue
        if isinstance(value, dict):
            return value
    raise ParseError("the answer was not one JSON object")


def _to_draft(data: dict[str, Any]) -> Draft:
    headline = data.get("headline", "")
    points = data.get("points")
    quotes = data.get("quotes", [])
    if not isinstance(headline, str):
        raise ParseError('"headline" must be a string')
    if not isinstance(points, list) or not all(isinstance(p, str) for p in points):
        raise ParseError('"points" must be a list of strings')
    if not isinstance(quotes, list):
        raise ParseError('"quotes" must be a list of objects with "text" and "speaker"')
    parsed = []
    for item in quotes:
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise ParseError('each quote must be an object with a "text" string')
        speaker = item.get("speaker") or ""
        if not isinstance(speaker, str):
            raise ParseError('a quote\'s "speaker" must be a string')
        parsed.append(DraftQuote(item["text"].strip(), speaker.strip()))
    return Draft(
        headline.strip(), [p.strip() for p in points if p.strip()], [q for q in parsed if q.text]
    )
