"""digestbot's summarisation pipeline: link or text → Article → Digest, with no chat code.

The names below are imported on first use (PEP 562), so that `import summarizers.errors` or
`digestbot --help` does not load trafilatura, lxml, sumy or the language model.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_HOMES = {
    "summarizers.clean": ("clean_html", "clean_text"),
    "summarizers.errors": (
        "BlockedAddressError",
        "DigestbotError",
        "FetchError",
        "InputError",
        "NotAnArticleError",
    ),
    "summarizers.fetch": ("FetchOptions", "fetch_article", "fetch_page", "normalize_url"),
    "summarizers.models": ("Article", "Digest", "Page", "Quote", "Sentence"),
    "summarizers.pipeline": ("summarize",),
    "summarizers.quotes": ("find_quotes",),
    "summarizers.sentences": ("split_sentences",),
}
_HOME_OF = {name: module for module, names in _HOMES.items() for name in names}

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


def __getattr__(name: str) -> Any:
    """Import a public name from its module the first time it is asked for."""
    module = _HOME_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'summarizers' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
