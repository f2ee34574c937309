"""Article → Digest: the one extractive entry point shared by the CLI, the bot and benchmarks."""

from __future__ import annotations

from summarizers.errors import InputError
from summarizers.extract import select_points
from summarizers.models import Article, Digest, Sentence
from summarizers.quotes import find_quotes, key_quotes
from summarizers.sentences import split_sentences

MIN_POINTS = 2
MAX_POINTS = 8


def default_point_count(word_count: int) -> int:
    """Fewer points for a short story, more for a long one, within [MIN_POINTS, MAX_POINTS]."""
    return max(MIN_POINTS, min(MAX_POINTS, 2 + word_count // 250))


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
    count = sentences if sentences is not None else default_point_count(article.word_count)
    if words is not None and sentences is None:
        count = MAX_POINTS
    picked = select_points(all_sentences, count, method, language)
    if words is not None:
        picked = _within_words(picked, words)
    points = [s.text for s in picked]
    chosen_quotes = key_quotes(article, find_quotes(article), points, quotes) if quotes else []
    return Digest(
        url=article.url,
        headline=article.headline,
        byline=article.byline,
        published=article.published,
        points=points,
        quotes=chosen_quotes,
        method=method,
        language=article.language,
        site=article.site,
    )


def _within_words(picked: list[Sentence], budget: int) -> list[Sentence]:
    kept: list[Sentence] = []
    used = 0
    for sentence in picked:
        n = len(sentence.text.split())
        if kept and used + n > budget:
            break
        kept.append(sentence)
        used += n
    return kept
