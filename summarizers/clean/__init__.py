"""Page → Article: main text and metadata, page furniture removed.

`clean_html` is imported on first use (PEP 562): cleaning plain text must not load trafilatura
and lxml.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from summarizers.clean.text import clean_text

if TYPE_CHECKING:
    from summarizers.clean.html import clean_html

__all__ = ["clean_html", "clean_text"]


def __getattr__(name: str) -> Any:
    """`clean_html`, imported the first time it is asked for."""
    if name != "clean_html":
        raise AttributeError(f"module 'summarizers.clean' has no attribute {name!r}")
    from summarizers.clean.html import clean_html

    return clean_html
