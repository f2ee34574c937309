"""Several reports of one story → one `StoryItem`.

The most complete report (the longest article) leads: its points come first, then each
other report adds the points that say something new. A point repeats a fact when most of
its content words are already in a chosen point (the overlap coefficient of their stemmed
content words); quotes are merged the same way. The headline is the clearest one: the
headline whose words the reports' leads share most, in sentence case and of a readable
length.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizers.extract.languages import language_tools
from summarizers.stories.item import Report, Source, SourcedPoint, SourcedQuote, StoryItem

SAME_FACT = 0.6  # share of the shorter point's content words found in the other
EXTRA_POINTS = 2  # other reports add at most this many points beyond the leading one's
MAX_POINTS = 8
READABLE_WORDS = (5, 16)
_WORD = re.compile(r"\w+", re.UNICODE)


def content_words(text: str, language: str | None) -> frozenset[str]:
    """Stemmed content words of a text."""
    tools = language_tools((language or "en")[:2])
    return frozenset(
        tools.stem(w)
        for w in (m.lower() for m in _WORD.findall(text))
        if w not in tools.stop_words and len(w) > 1
    )


def repeats(words: frozenset[str], chosen: Sequence[frozenset[str]]) -> bool:
    """True when a point with `words` says what one of `chosen` already says."""
    for other in chosen:
        smaller = min(len(words), len(other))
        if smaller and len(words & other) / smaller >= SAME_FACT:
            return True
    return False


def clearest_headline(reports: Sequence[Report]) -> str | None:
    """The headline the reports' leads agree with most, preferring readable ones."""
    language = reports[0].article.language
    leads = [content_words(" ".join(r.article.text.split()[:60]), language) for r in reports]
    best: tuple[float, str] | None = None
    for report in reports:
        headline = (report.digest.headline or "").strip()
        if not headline:
            continue
        words = content_words(headline, language)
        support = sum(len(words & lead) / max(len(words), 1) for lead in leads) / len(leads)
        count = len(headline.split())
        readable = READABLE_WORDS[0] <= count <= READABLE_WORDS[1]
        letters = [c for c in headline if c.isalpha()]
        shouting = bool(letters) and sum(c.isupper() for c in letters) > 0.6 * len(letters)
        score = support * (1.0 if readable else 0.6) * (0.5 if shouting else 1.0)
        if best is None or score > best[0]:
            best = (score, headline)
    return best[1] if best else None


def merge_story(reports: Sequence[Report]) -> StoryItem:
    """One item for reports of one story (one report gives an item with one source)."""
    if not reports:
        raise ValueError("a story needs at least one report")
    ordered = sorted(reports, key=lambda r: -r.article.word_count)
    language = ordered[0].article.language
    sources = [
        Source(r.digest.url or r.article.url, r.digest.site, r.digest.headline, r.when)
        for r in ordered
    ]
    limit = min(MAX_POINTS, len(ordered[0].digest.points) + EXTRA_POINTS)
    points: list[SourcedPoint] = []
    seen: list[frozenset[str]] = []
    for index, report in enumerate(ordered):
        for text in report.digest.points:
            words = content_words(text, language)
            if len(points) < limit and not repeats(words, seen):
                points.append(SourcedPoint(text, index))
                seen.append(words)
    quote_limit = max(len(r.digest.quotes) for r in ordered)
    quotes: list[SourcedQuote] = []
    heard: list[frozenset[str]] = []
    for index, report in enumerate(ordered):
        for quote in report.digest.quotes:
            words = content_words(quote.text, language)
            if len(quotes) < quote_limit and not repeats(words, heard):
                quotes.append(SourcedQuote(quote, index))
                heard.append(words)
    notes = list(dict.fromkeys(n for r in ordered for n in r.digest.notes))
    return StoryItem(clearest_headline(ordered), points, quotes, sources, language, notes)
