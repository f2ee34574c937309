"""An article's profile for story matching: its words, lead, headline, names and time.

Computed once per article and compared pairwise (`summarizers.stories.features`). Words are
stemmed content words (the extractor's per-language stemmer and stop words); `shingles` are
word 4-grams of the raw text, which syndicated copies share whatever their template;
`names` are capitalised words that do not open a sentence, and numbers: the people, places
and figures a report is about.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from summarizers.extract.languages import language_tools

LEAD_WORDS = 60
SHINGLE = 4
_WORD = re.compile(r"\w+(?:[-'’]\w+)*", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?…:]['\"”’»)]*$")


@dataclass(frozen=True)
class Profile:
    """What story matching compares about one article."""

    language: str
    words: Counter[str]
    lead: Counter[str]
    headline: frozenset[str]
    shingles: frozenset[tuple[str, ...]]
    names: frozenset[str]
    published: dt.datetime | None


def as_instant(value: dt.date | dt.datetime | None) -> dt.datetime | None:
    """A publication date or time as an aware datetime (a bare date is its noon, UTC)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    return dt.datetime.combine(value, dt.time(12), tzinfo=dt.UTC)


def profile(
    text: str,
    headline: str | None,
    language: str | None,
    published: dt.date | dt.datetime | None = None,
) -> Profile:
    """The profile of one article's body text and headline."""
    code = (language or "en").lower()[:2]
    tools = language_tools(code)
    raw = _WORD.findall(text)
    lowered = [w.lower() for w in raw]
    content = [tools.stem(w) for w in lowered if w not in tools.stop_words and len(w) > 1]
    lead_content = [
        tools.stem(w) for w in lowered[:LEAD_WORDS] if w not in tools.stop_words and len(w) > 1
    ]
    head = {
        tools.stem(w.lower())
        for w in _WORD.findall(headline or "")
        if w.lower() not in tools.stop_words and len(w) > 1
    }
    shingles = frozenset(
        tuple(lowered[i : i + SHINGLE]) for i in range(max(1, len(lowered) - SHINGLE + 1))
    )
    return Profile(
        language=code,
        words=Counter(content),
        lead=Counter(lead_content),
        headline=frozenset(head),
        shingles=shingles if lowered else frozenset(),
        names=frozenset(_names(text, tools.stop_words)),
        published=as_instant(published),
    )


def _names(text: str, stop_words: frozenset[str]) -> set[str]:
    """Capitalised words not at a sentence start, and numbers, lower-cased."""
    found: set[str] = set()
    previous = "."
    for token in text.split():
        word = token.strip("\"'“”‘’«»()[],;:.!?")
        if word and (
            word[0].isdigit() or (word[0].isupper() and not _SENTENCE_END.search(previous))
        ):
            lowered = word.lower()
            if lowered not in stop_words:
                found.add(lowered)
        previous = token
    return found
