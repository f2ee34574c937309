"""Quotations set off by layout instead of quotation marks.

Block quotes and pull quotes lose their marks on the way to plain text (a `<blockquote>`
becomes a bare paragraph), yet they are direct quotations. Two layouts are recognised:

- a pull quote: a paragraph of quoted sentences followed by its speaker's name and perhaps a
  role ("... suppressive. Valeska Paris", "... decision. John Cornyn, U.S. Senator"), where
  that surname is also named elsewhere in the article. Pull quotes repeat a passage of the
  body, so an unmarked repeat of the same words in the body is a quotation too;
- a block quote: a paragraph right after one ending in a colon whose last sentence reports
  speech ("the Church denied these allegations:"); it runs until a sentence that reports
  speech again ("They also claimed ...").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from summarizers.quotes.language import word_set
from summarizers.quotes.lexicon import SPEECH_VERBS
from summarizers.sentences import split_sentences, words

# Verbs and nouns that introduce quoted words after a colon, beyond the verbs of saying.
_INTRO_WORDS = SPEECH_VERBS | word_set("intro_words")
# Sentences ending the quotation, then a name of two to four capitalised words, then perhaps
# ", role" (no sentence end after the name: a caption or a credit would end in a full stop).
_PULL_QUOTE = re.compile(
    r"(?P<quote>\S.*[.!?…][\"”’]?)\s+"
    r"(?P<name>[A-Z][\w’'-]+(?:\s+(?:[A-Z]\.|[A-Z][\w’'-]+)){1,3})"
    r"(?:,\s+(?P<role>[^\n]{1,80}))?",
    re.DOTALL,
)
_MIN_WORDS = 6
_MARK = re.compile('["“”„«»]')


@dataclass(frozen=True)
class UnmarkedQuote:
    """A quotation at `start:end` with no marks; `name` is the speaker's name span if given."""

    start: int
    end: int
    name: tuple[int, int] | None = None


def find_unmarked(text: str, paragraphs: list[tuple[int, int]]) -> list[UnmarkedQuote]:
    """Pull quotes, their repeats in the body, and block quotes of `text`, in order."""
    found: list[UnmarkedQuote] = []
    for index, (start, end) in enumerate(paragraphs):
        pull = _pull_quote(text, start, end)
        if pull is not None:
            found.append(pull)
        elif index and _introduces(text, *paragraphs[index - 1]):
            block = _block_quote(text, start, end)
            if block is not None:
                found.append(block)
    found.extend(_repeats(text, found, paragraphs))
    return sorted(found, key=lambda q: q.start)


def _pull_quote(text: str, start: int, end: int) -> UnmarkedQuote | None:
    match = _PULL_QUOTE.fullmatch(text, start, end)
    if match is None or _MARK.search(match.group("quote")):
        return None
    if len(words(match.group("quote"))) < _MIN_WORDS:
        return None
    role = match.group("role")
    if role is not None and role.rstrip()[-1:] in ".!?":
        return None
    surname = match.group("name").split()[-1]
    elsewhere = re.compile(rf"\b{re.escape(surname)}\b")
    if not (elsewhere.search(text, 0, start) or elsewhere.search(text, end)):
        return None  # a name the article never mentions: a credit or a byline
    return UnmarkedQuote(match.start("quote"), match.end("quote"), match.span("name"))


def _introduces(text: str, start: int, end: int) -> bool:
    """Does the paragraph end with a colon after words that report speech?"""
    paragraph = text[start:end].rstrip()
    if not paragraph.endswith(":"):
        return False
    last = split_sentences(paragraph)[-1].text
    return any(w.lower() in _INTRO_WORDS for w in words(last))


def _block_quote(text: str, start: int, end: int) -> UnmarkedQuote | None:
    sentences = split_sentences(text[start:end])
    if not sentences or _MARK.match(sentences[0].text):
        return None  # a marked quotation: the marks already delimit it
    last = sentences[0]
    for sentence in sentences[1:]:
        if any(w.lower() in SPEECH_VERBS for w in words(sentence.text)):
            break  # the article's own voice again: "They also claimed ..."
        last = sentence
    quote = text[start + sentences[0].start : start + last.end]
    if _MARK.search(quote) or len(words(quote)) < _MIN_WORDS:
        return None
    return UnmarkedQuote(start + sentences[0].start, start + last.end)


def _repeats(
    text: str, pulls: list[UnmarkedQuote], paragraphs: list[tuple[int, int]]
) -> Iterator[UnmarkedQuote]:
    """Unmarked body passages that a pull quote repeats word for word."""
    for pull in [q for q in pulls if q.name is not None]:
        passage = text[pull.start : pull.end]
        pos = text.find(passage)
        while pos != -1:
            if pos != pull.start and _starts_sentence(text, pos, paragraphs):
                yield UnmarkedQuote(pos, pos + len(passage), pull.name)
            pos = text.find(passage, pos + 1)


def _starts_sentence(text: str, pos: int, paragraphs: list[tuple[int, int]]) -> bool:
    """Is `pos` at a paragraph start or after a sentence end, with no opening mark before?"""
    if any(start == pos for start, _ in paragraphs):
        return True
    return bool(re.search(r"[.!?…]\s+$", text[max(0, pos - 3) : pos]))
