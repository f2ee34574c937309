"""Baseline registry: Lead-k and stock sumy methods (to be replaced by the tuned default)."""

from __future__ import annotations

from collections.abc import Callable

from sumy.models.dom import ObjectDocumentModel, Paragraph
from sumy.models.dom import Sentence as SumySentence
from sumy.nlp.stemmers import Stemmer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.utils import get_stop_words

from summarizers.models import Sentence
from summarizers.sentences import SumyTokenizer


def _lead(sentences: list[Sentence], count: int, language: str) -> list[Sentence]:
    return sentences[:count]


def _lexrank(sentences: list[Sentence], count: int, language: str) -> list[Sentence]:
    tokenizer = SumyTokenizer(language)
    doc = ObjectDocumentModel(
        [Paragraph([SumySentence(s.text, tokenizer) for s in sentences])]
    )
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    chosen = {str(s) for s in summarizer(doc, count)}
    return [s for s in sentences if s.text in chosen][:count]


METHODS: dict[str, Callable[[list[Sentence], int, str], list[Sentence]]] = {
    "lead": _lead,
    "lexrank": _lexrank,
    "default": _lead,
}


def select_points(
    sentences: list[Sentence], count: int, method: str = "default", language: str = "en"
) -> list[Sentence]:
    """Pick `count` sentences with `method`; returned in article order."""
    try:
        fn = METHODS[method]
    except KeyError:
        raise ValueError(f"unknown method {method!r}; choose from {', '.join(METHODS)}") from None
    return sorted(fn(sentences, count, language), key=lambda s: s.index)
