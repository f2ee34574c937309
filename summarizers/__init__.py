"""digestbot's summarisation pipeline: link or text → Article → Digest, with no chat code."""

from summarizers.clean import clean_html, clean_text
from summarizers.errors import (
    BlockedAddressError,
    DigestbotError,
    FetchError,
    InputError,
    NotAnArticleError,
)
from summarizers.fetch import FetchOptions, fetch_article, fetch_page, normalize_url
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
    "FetchOptions",
    "InputError",
    "NotAnArticleError",
    "Page",
    "Quote",
    "Sentence",
    "clean_html",
    "clean_text",
    "fetch_article",
    "fetch_page",
    "find_quotes",
    "normalize_url",
    "split_sentences",
    "summarize",
]
