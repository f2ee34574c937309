"""Article → Digest: the one extractive entry point shared by the CLI, the bot and benchmarks."""

from __future__ import annotations

import dataclasses
import math

from summarizers.errors import InputError
from summarizers.extract import language_support, select_points
from summarizers.extract.prose import prose_sentences
from summarizers.models import Article, Digest, Quote, Sentence
from summarizers.quotes import find_quotes, join_interrupted, key_quotes
from summarizers.sentences import split_sentences

MIN_POINTS = 2
MAX_POINTS = 8
_MARK_REACH = 2  # characters between a quote's text and the edge of its marks: « texte »


def default_point_count(word_count: int) -> int:
    """Fewer points for a short story, more for a long one, within [MIN_POINTS, MAX_POINTS].

    One more point each time the length doubles: 400 words → 3, 800 → 4, 1,600 → 5, ...
    """
    doublings = math.log2(max(word_count, 1) / 100)
    return max(MIN_POINTS, min(MAX_POINTS, round(1 + doublings)))


def summarize(
    article: Article,
    *,
    sentences: int | None = None,
    method: str = "default",
    words: int | None = None,
    quotes: int = 3,
) -> Digest:
    """Build an extractive digest of `article` (no network).

    `sentences` fixes the number of points; `words` instead caps their total length; with
    neither, the count follows the article's length.
    """
    language = article.language or "en"
    all_sentences = split_sentences(article.text, language)
    if not all_sentences:
        raise InputError("The text has no sentences to summarise.")
    found_quotes = find_quotes(article)
    quoted = quoted_spans(found_quotes)
    prose = prose_sentences(article, all_sentences)
    if words is not None and sentences is None:
        picked = _within_words(prose, words, method, language, quoted)
    else:
        count = sentences if sentences is not None else default_point_count(article.word_count)
        picked = select_points(prose, count, method, language, quoted)
    _name, language_note = language_support(language)
    points = [s.text for s in picked]
    utterances = join_interrupted(article.text, found_quotes, language)
    chosen_quotes = key_quotes(article, utterances, points, quotes) if quotes else []
    return Digest(
        url=article.url,
        headline=article.headline,
        byline=article.byline,
        published=article.published,
        points=points,
        quotes=[without_joining_comma(q) for q in chosen_quotes],
        method=method,
        language=article.language,
        site=article.site,
        notes=[language_note] if language_note else [],
        evidence=[[s.index] for s in picked],
    )


def without_joining_comma(quote: Quote) -> Quote:
    """The quote without the comma (or ; :) that only joined it to its speech tag
    ("It is over," he said), its end moved back so that the text stays the article's."""
    text = quote.text.rstrip().rstrip(",;:").rstrip()
    cut = len(quote.text) - len(text)
    if not cut or not text:
        return quote
    parts = quote.parts
    if parts:
        parts = (*parts[:-1], (parts[-1][0], parts[-1][1] - cut))
    return dataclasses.replace(quote, text=text, end=quote.end - cut, parts=parts)


def quoted_spans(quotes: list[Quote]) -> list[tuple[int, int]]:
    """Each quote's extent with its marks (and the spaces French sets inside guillemets)."""
    return [(q.start - _MARK_REACH, q.end + _MARK_REACH) for q in quotes]


def _within_words(
    sentences: list[Sentence],
    budget: int,
    method: str,
    language: str,
    quoted: list[tuple[int, int]],
) -> list[Sentence]:
    """The most points (up to MAX_POINTS, at least one) whose words fit in `budget`."""
    kept = select_points(sentences, 1, method, language, quoted)
    for count in range(2, MAX_POINTS + 1):
        picked = select_points(sentences, count, method, language, quoted)
        if len(picked) < count or sum(len(s.text.split()) for s in picked) > budget:
            break
        kept = picked
    return kept
