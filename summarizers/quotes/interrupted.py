"""One utterance that its own speech tag interrupts ("A," said Bolden. "B") → one quote.

Newspapers break a statement to name its speaker. Shown apart, the first part is a fragment
ending in a comma and the ranking spreads its picks over speakers, so a digest would keep the
fragment and lose the rest. Joined, the reader gets the statement whole, its parts separated by
an ellipsis as an editor would print it.
"""

from __future__ import annotations

from summarizers.models import Quote
from summarizers.quotes.spans import QUOTE_MARKS
from summarizers.sentences import split_sentences, words

ELLIPSIS = " … "
# A speech tag names a speaker and a verb with a few words around them; more is narration.
_MAX_TAG_WORDS = 20
# What may stand between a part's words and its tag: marks and spaces (not line breaks).
_FRAME = QUOTE_MARKS + " \t\u00a0\u202f\u2009"


def join_interrupted(text: str, quotes: list[Quote], language: str | None = "en") -> list[Quote]:
    """`quotes` (in article order) with each run of parts of one interrupted utterance joined.

    Two quotes are parts of one utterance when the same named speaker says both, in one
    paragraph, the first opens a sentence and ends in a comma (inside its marks in English,
    after them in German and French), what lies between them is one short sentence (the tag)
    and the second has no tag of its own.
    """
    joined: list[Quote] = []
    for quote in quotes:
        if joined and _interrupted(text, joined[-1], quote, language):
            joined[-1] = _join(text, joined[-1], quote)
        else:
            joined.append(quote)
    return joined


def parts_of(quote: Quote) -> list[tuple[int, int]]:
    """The offsets of each verbatim part of `quote` (one part unless it was joined)."""
    return list(quote.parts) or [(quote.start, quote.end)]


def _interrupted(text: str, first: Quote, second: Quote, language: str | None) -> bool:
    if first.speaker is None or first.speaker != second.speaker:
        return False
    gap = text[first.end : second.start]
    if "\n" in gap or not _leads_into_tag(text, first) or _leads_into_tag(text, second):
        return False  # a second part with a tag of its own is an utterance of its own
    if not _opens_sentence(text, first):
        return False  # a phrase quoted inside narration ('Montalvo "walked in", and told')
    tag = gap.strip(_FRAME)
    # A tag closes before the second part; "and said it was "..."" leads narration into it.
    if not tag.endswith((".", ",", ":", ";")):
        return False
    tag = tag.strip(",;: ")
    count = len(words(tag))
    return 0 < count <= _MAX_TAG_WORDS and len(split_sentences(tag, language)) == 1


def _leads_into_tag(text: str, quote: Quote) -> bool:
    """Whether a comma ends the quote: inside its marks in English, after them elsewhere."""
    return quote.text.rstrip().endswith(",") or text[quote.end :].lstrip(_FRAME).startswith(",")


def _opens_sentence(text: str, quote: Quote) -> bool:
    before = text[: quote.start].rstrip(_FRAME)
    return not before or before.endswith(("\n", ".", "!", "?", ":"))


def _join(text: str, first: Quote, second: Quote) -> Quote:
    return quote_of_parts(text, [*parts_of(first), (second.start, second.end)], first.speaker)


def quote_of_parts(text: str, parts: list[tuple[int, int]], speaker: str | None) -> Quote:
    """The quote made of the verbatim `parts` of `text` (in order): one part as it stands,
    several joined by an ellipsis, each without the comma that only led into a tag."""
    if len(parts) == 1:
        start, end = parts[0]
        return Quote(text[start:end], speaker, start, end)
    pieces = [text[start:end].strip() for start, end in parts]
    shown = ELLIPSIS.join([*(p.rstrip(",;:") for p in pieces[:-1]), pieces[-1]])
    return Quote(shown, speaker, parts[0][0], parts[-1][1], tuple(parts))
