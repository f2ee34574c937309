"""What the speaker rules read in a text: its tokens, sentences, names and quotations."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from summarizers.models import Sentence
from summarizers.quotes.lexicon import NOT_VERBS, ROLES, SPEECH_VERBS
from summarizers.quotes.names import Mention, NameIndex, is_title
from summarizers.quotes.spans import Span
from summarizers.sentences import split_paragraphs, split_sentences

_TOKEN = re.compile(r"[\w'’.-]+|[^\w\s]")
_MARKS = "\"'“”‘’„‚«»‹›"
# Quotes shorter than this ('infidel') are cited words, not turns of speech.
MIN_SPEECH_WORDS = 4


@dataclass(frozen=True)
class Token:
    """A word or punctuation mark of the text, with its offsets."""

    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        """Lower-cased, without a final period."""
        return self.text.lower().rstrip(".")


class Context:
    """One text with its quotation spans: where sentences start, who is named, what is quoted."""

    def __init__(self, text: str, spans: list[Span], language: str | None) -> None:
        self.text = text
        self.spans = spans
        self.language = (language or "en")[:2].lower()
        self.names = NameIndex(text)
        self.sentences = _sentences(text, self.language)
        self._starts = [s.start for s in self.sentences]
        self._inside = [(s.mark_start, s.mark_end) for s in spans]
        self._long = [s for s in spans if len(text[s.start : s.end].split()) >= MIN_SPEECH_WORDS]

    def _tokens(self, start: int, end: int) -> list[Token]:
        """Tokens of `start:end`, leaving out other quotations."""
        tokens = []
        for match in _TOKEN.finditer(self.text, start, end):
            if not any(a <= match.start() < b for a, b in self._inside):
                tokens.append(Token(match.group(0), match.start(), match.end()))
        return tokens

    def _sentence_at(self, pos: int) -> Sentence | None:
        index = bisect.bisect_right(self._starts, pos) - 1
        if index >= 0 and pos < self.sentences[index].end:
            return self.sentences[index]
        return None

    def _next_sentence(self, sentence: Sentence) -> Sentence | None:
        index = sentence.index + 1
        if index < len(self.sentences):
            nxt = self.sentences[index]
            if nxt.paragraph == sentence.paragraph:
                return nxt
        return None

    def _paragraph_start(self, pos: int, back: int) -> int:
        sentence = self._sentence_at(pos)
        if sentence is None:
            return 0
        first = sentence.paragraph - back
        for other in self.sentences:
            if other.paragraph >= first:
                return other.start
        return 0

    def _quoted(self, pos: int) -> bool:
        """Inside a quotation, or a word in quotation marks (an 'Out' vote)."""
        if pos and self.text[pos - 1] in _MARKS:
            return True
        return any(a <= pos < b for a, b in self._inside)

    def _is_subject(self, mention: Mention) -> bool:
        """Is the name the subject of a clause ("Moore said", "Scott says that", "Wilkins,
        the curator, said"), or named by a speech verb ("said specialist Dr. David Tourgeman.")?"""
        sentence = self._sentence_at(mention.start)
        head = self.text[sentence.start if sentence else 0 : mention.start]
        while head.split() and is_title(head.split()[-1]):
            head = head.rstrip()[: -len(head.split()[-1])]  # "correspondent, Dr. Sanjay Gupta"
        tail = self.text[mention.end : mention.end + 40]
        nxt = tail.split()[0] if tail.split() else ""
        clause = re.split(r"[,;:]", head)[-1].split()
        if any(w.lower() in SPEECH_VERBS for w in clause[-4:]):
            return not nxt or nxt[0] in ",.;" or tail[:1] in ",.;"  # "said ... X." (inverted)
        opens = not head.strip() or head.rstrip()[-1:] in ",;:" or head.rstrip().endswith(", and")
        describing = [w for w in head.split() if not (is_title(w) or w.lower() in ROLES)]
        if not opens and any(w[:1].islower() for w in describing):
            return False  # "Team captain Lisa Moreno disagreed" is fine, "met Lisa" is not
        if tail[:1] == ",":
            return True  # an appositive usually follows a subject
        return bool(nxt) and nxt[:1].islower() and nxt.lower() not in NOT_VERBS

    def _people(self, start: int, end: int) -> list[Mention]:
        return [
            m
            for m in self.names.between(start, end)
            if self.names.is_person(m) and not self._quoted(m.start)
        ]


def _sentences(text: str, language: str) -> list[Sentence]:
    """`split_sentences` paragraph by paragraph (the splitter's cost grows with the text it is
    given), with offsets and paragraph numbers for the whole text."""
    found: list[Sentence] = []
    for number, (start, end) in enumerate(split_paragraphs(text)):
        for sentence in split_sentences(text[start:end], language):
            found.append(
                Sentence(
                    sentence.text,
                    sentence.start + start,
                    sentence.end + start,
                    number,
                    len(found),
                )
            )
    return found
