"""What the speaker rules read in a text: its tokens, sentences, names and quotations."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from itertools import accumulate

from summarizers.models import Sentence
from summarizers.quotes.language import rules_for, word_set
from summarizers.quotes.lexicon import NOT_VERBS, ROLES, SPEECH_VERBS
from summarizers.quotes.names import Mention, NameIndex, is_title
from summarizers.quotes.spans import Span
from summarizers.sentences import split_paragraphs, split_sentences

# Words keep their inner periods ("U.S."), except a stop glued between two sentences
# ("in the autumn.A spokesman said"), which is a token of its own; a word glued onto the
# next without a space ("and other newsShe said") ends where the capital begins.
_TOKEN = re.compile(
    r"[^\W\d_]*[a-z]{2}(?=\.[A-Z])|(?<=[a-z]{2})\.(?=[A-Z])|[^\W\d_]*?[a-z]{3}(?=[A-Z][a-z])"
    r"|[\w'’.-]+|[^\w\s]"
)
_MARKS = "\"'“”‘’„‚«»‹›"
# Quotes shorter than this ('infidel') are cited words, not turns of speech.
MIN_SPEECH_WORDS = 4


# Words that open a noun phrase before a title and a name ("the current Ambassador X").
_NOUN_PHRASE_LEAD = word_set("noun_phrase_lead")
# A passive's auxiliary and the word before its agent ("was raised by", "fue abordado por").
_PASSIVE_AUXILIARIES = word_set("passive_auxiliaries")
_AGENTS = word_set("agents")
_AGENT_ARTICLES = word_set("agent_articles")


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
        self.rules = rules_for(self.language)
        self.names = NameIndex(text, self.language)
        self.sentences = _sentences(text, self.language)
        self._starts = [s.start for s in self.sentences]
        # Bisect tables, so that each look-up stays logarithmic on long texts: span starts
        # with the furthest end reached so far (nested quotes), and sentences' paragraphs.
        ordered = sorted((s.mark_start, s.mark_end) for s in spans)
        self._quote_starts = [a for a, _ in ordered]
        self._quote_ends = [b for _, b in ordered]
        self._reach = list(accumulate((b for _, b in ordered), max))
        turns = [s for s in spans if len(text[s.start : s.end].split()) >= MIN_SPEECH_WORDS]
        self._long_ends = sorted(s.mark_end for s in turns)
        self._long_spans = {(s.mark_start, s.mark_end) for s in turns}
        self._paragraphs = [s.paragraph for s in self.sentences]

    def _tokens(self, start: int, end: int, *, quoted: bool = False) -> list[Token]:
        """Tokens of `start:end`, leaving out other quotations unless `quoted`."""
        tokens = []
        for match in _TOKEN.finditer(self.text, start, end):
            if quoted or not self._in_quote(match.start()):
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
        index = bisect.bisect_left(self._paragraphs, sentence.paragraph - back)
        return self.sentences[index].start

    def _quoted(self, pos: int) -> bool:
        """Inside a quotation, or a word in quotation marks (an 'Out' vote)."""
        # A mark right after a stop closes the quote before a glued paragraph ('us."Evans').
        if pos and self.text[pos - 1] in _MARKS and self.text[pos - 2 : pos - 1] not in ".!?,":
            return True
        return self._in_quote(pos)

    def _in_quote(self, pos: int) -> bool:
        """Is `pos` inside a quotation (between its marks)?"""
        index = bisect.bisect_right(self._quote_starts, pos) - 1
        return index >= 0 and self._reach[index] > pos

    def _is_long(self, span: Span) -> bool:
        """A turn of speech rather than cited words (see MIN_SPEECH_WORDS)."""
        return (span.mark_start, span.mark_end) in self._long_spans

    def _last_long_end(self, before: int) -> int | None:
        """Where the last turn of speech ending by `before` ends."""
        index = bisect.bisect_right(self._long_ends, before) - 1
        return self._long_ends[index] if index >= 0 else None

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
        if self._cites(clause):
            return True  # "according to Mobin": the source speaks in that clause
        if _passive_agent(clause):
            return True  # "El asunto fue abordado por el Presidente Boric": Boric acts
        verbs = [i for i, w in enumerate(clause) if w.lower() in SPEECH_VERBS]
        if verbs and verbs[-1] >= len(clause) - 4:
            passive = clause[verbs[-1] + 1 : verbs[-1] + 2] == ["by"]  # "as noted by X"
            if not passive and any(w[:1].isalnum() for w in clause[: verbs[-1]]):
                return False  # "Meghan told Winfrey.": the verb has its subject; X is told
            return not nxt or nxt[0] in ",.;" or tail[:1] in ",.;"  # "said ... X." (inverted)
        # After a quote's closing mark a name opens the tag's clause: '"...," Meghan Markle told'.
        opens = (
            not head.strip() or head.rstrip()[-1:] in ',;:"”’»' or head.rstrip().endswith(", and")
        )
        # "In her book, the current Ambassador Samantha Power hammered": a noun phrase.
        lead = [w for w in clause if not (is_title(w) or w.lower() in ROLES)]
        opens = opens or (bool(lead) and all(w.lower() in _NOUN_PHRASE_LEAD for w in lead))
        describing = [w for w in head.split() if not (is_title(w) or w.lower() in ROLES)]
        if not opens and any(w[:1].islower() for w in describing):
            return False  # "Team captain Lisa Moreno disagreed" is fine, "met Lisa" is not
        if tail[:1] == ",":
            return True  # an appositive usually follows a subject
        return bool(nxt) and nxt[:1].islower() and nxt.lower() not in NOT_VERBS

    def _turn_between(self, start: int, end: int) -> bool:
        """Does a quotation long enough to be a turn of speech open in `start:end`?"""
        index = bisect.bisect_left(self._quote_starts, start)
        while index < len(self._quote_starts) and self._quote_starts[index] < end:
            if (self._quote_starts[index], self._quote_ends[index]) in self._long_spans:
                return True
            index += 1
        return False

    def _cites(self, clause: list[str]) -> bool:
        """Does the clause end with "according to" (or its German, French or Spanish form)?"""
        lows = [w.lower() for w in clause]
        phrases = self.rules.phrases("according")
        return any(p.split() == lows[-len(p.split()) :] for p in phrases)

    def _common_noun(self, mention: Mention) -> bool:
        """Is this "name" a common noun: in German, where every noun is capitalised, one that
        no first name, title, organisation word or acronym shows to be a person's or a body's;
        elsewhere one word, no known first name, that the text also writes in lower case?"""
        if self.names.is_person(mention) or self.names.is_organisation(mention):
            return False
        if not self.names.nouns_capitalised:
            # "Scientists say": one word the text also writes in lower case.
            return len(mention.core) == 1 and self.names.written_lower(mention.core[0])
        return not any(w[:1].isupper() and w[1:2].isupper() for w in mention.core)

    def _people(self, start: int, end: int) -> list[Mention]:
        return [
            m
            for m in self.names.between(start, end)
            if self.names.is_person(m) and not self._quoted(m.start)
        ]


def _passive_agent(clause: list[str]) -> bool:
    """Does the clause before a name end in a passive's agent ("was raised by", "fue abordado
    ayer por el", "a été évoqué par")?"""
    words = [w.lower() for w in clause]
    while words and words[-1] in _AGENT_ARTICLES:
        words.pop()
    return bool(words) and words[-1] in _AGENTS and any(w in _PASSIVE_AUXILIARIES for w in words)


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
