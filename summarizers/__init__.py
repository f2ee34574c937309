"""digestbot's summarisation pipeline: link or text → Article → Digest, with no chat code."""

from summarizers.clean import clean_html, clean_text
from summarizers.errors import (
    BlockedAddressError,
    DigestbotError,
    FetchError,
    InputError,
    NotAnArticleError,
)
from summarizers.models import Article, Digest, Page, Quote, Sentence
from summarizers.pipeline import summarize
from summarizers.quotes import find_quotes
from summarizers.sentences import split_sentences

__all__ = [
    "Article",
    "BlockedAddressError",
    "Digest",
    "DigestbotError",
    "FetchError",
    "InputError",
    "NotAnArticleError",
    "Page",
    "Quote",
    "Sentence",
    "clean_html",
    "clean_text",
    "find_quotes",
    "split_sentences",
    "summarize",
]
