"""Which quotes go in a digest: informative ones, by named people, spread over speakers."""

from __future__ import annotations

import re

from summarizers.models import Article, Quote
from summarizers.quotes.language import endings, word_set
from summarizers.sentences import words

MIN_WORDS = 6
_GOOD_LENGTH = range(10, 45)
# Quotes that say nothing on their own ("We'll see", "No comment").
_VACUOUS = re.compile(
    r"^(?:" + "|".join(re.escape(v).replace("'", "['’]") for v in endings("vacuous")) + r")\W*$",
    re.IGNORECASE,
)
_FUNCTION_WORDS = word_set("function_words")
# Below this share of letters among its visible characters a "quote" is code or data.
_MIN_LETTER_SHARE = 0.65
# A quote of up to this many words with this share of capitalised words is a title.
_TITLE_MAX_WORDS = 12
_TITLE_CAPITALS = 0.7
# How much a second, third... quote by the same speaker is worth.
_REPEAT_FACTOR = 0.4
_NAMED_BONUS = 2.0


def _informative(quote: Quote) -> bool:
    tokens = words(quote.text)
    content = [t for t in tokens if t.lower() not in _FUNCTION_WORDS]
    if len(tokens) < MIN_WORDS or len(content) < 3 or _VACUOUS.match(quote.text):
        return False
    if quote.speaker is None and not quote.text.lstrip()[:1].isupper():
        return False  # a phrase quoted in the narration, said by no one the article names
    return _reads_as_speech(quote.text, tokens)


def _reads_as_speech(text: str, tokens: list[str]) -> bool:
    """Not code, a link or a browser string ("Mozilla/5.0 (Macintosh; ...)"), nor a title in
    title case ("How To Scrape Google With Python"): words people said."""
    if "://" in text:
        return False  # addresses: an image's srcset, a link
    visible = [c for c in text if not c.isspace()]
    letters = sum(c.isalpha() for c in visible)
    if letters < _MIN_LETTER_SHARE * len(visible):
        return False
    capitalised = sum(t[:1].isupper() for t in tokens[1:])
    return len(tokens) > _TITLE_MAX_WORDS or capitalised < _TITLE_CAPITALS * (len(tokens) - 1)


def _score(quote: Quote) -> float:
    tokens = words(quote.text)
    content = sum(1 for t in tokens if t.lower() not in _FUNCTION_WORDS)
    # Content words, with a cap so a long speech does not win on length alone.
    score = min(content, 20) / 10
    if len(tokens) in _GOOD_LENGTH:
        score += 0.5
    if any(t[0].isdigit() for t in tokens):
        score += 0.3  # figures make a quote concrete
    if quote.speaker is not None:
        score += _NAMED_BONUS
    return score


def _point_spans(text: str, points: list[str]) -> list[tuple[int, int]]:
    spans = []
    for point in points:
        start = text.find(point)
        if start >= 0:
            spans.append((start, start + len(point)))
    return spans


def _repeats_point(quote: Quote, points: list[str], spans: list[tuple[int, int]]) -> bool:
    if any(quote.text in point for point in points):
        return True
    length = quote.end - quote.start
    for start, end in spans:
        overlap = min(end, quote.end) - max(start, quote.start)
        if overlap > length / 2:
            return True
    return False


def key_quotes(article: Article, quotes: list[Quote], points: list[str], count: int) -> list[Quote]:
    """Up to `count` informative quotes, in article order, that no key point already repeats.

    Named speakers come first and each further quote by the same speaker counts for less, so
    the choice spreads over the people quoted; a quote already inside a key point is skipped.
    """
    if count <= 0:
        return []
    point_spans = _point_spans(article.text, points)
    seen: set[str] = set()
    candidates = []
    for quote in quotes:
        key = " ".join(quote.text.lower().split())
        if key in seen or not _informative(quote) or _repeats_point(quote, points, point_spans):
            continue
        seen.add(key)
        candidates.append(quote)
    chosen: list[Quote] = []
    per_speaker: dict[str | None, int] = {}
    while candidates and len(chosen) < count:
        best = max(
            candidates,
            key=lambda q: _score(q) * _REPEAT_FACTOR ** per_speaker.get(q.speaker, 0),
        )
        candidates.remove(best)
        chosen.append(best)
        per_speaker[best.speaker] = per_speaker.get(best.speaker, 0) + 1
    return sorted(chosen, key=lambda q: q.start)
