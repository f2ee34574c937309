"""Article → its direct quotations, each with its speaker."""

from __future__ import annotations

from summarizers.models import Article, Quote
from summarizers.quotes.spans import find_spans
from summarizers.quotes.speakers import Attributor


def find_quotes(article: Article) -> list[Quote]:
    """Every direct quotation in `article.text`, in order, with its speaker or None.

    A quote running over several paragraphs comes as one `Quote` per paragraph, all with the
    same speaker, so each `Quote.text` is a verbatim slice with no quotation marks inside.
    """
    text = article.text
    spans = find_spans(text)
    speakers = Attributor(text, spans, article.language).speakers()
    return [
        Quote(text[span.start : span.end], speaker, span.start, span.end)
        for span, speaker in zip(spans, speakers, strict=True)
    ]
