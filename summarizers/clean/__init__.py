"""Page → Article: main text and metadata, page furniture removed."""

from summarizers.clean.html import clean_html
from summarizers.clean.text import clean_text

__all__ = ["clean_html", "clean_text"]
