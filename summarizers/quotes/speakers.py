"""Who said each quote: the cue next to it, then the name that cue points to.

Cues, looked for in the words after the quote, then before it (within its sentence):
"...," X said / said X / X told Reuters / X, the minister, said / according to X /
X said: "..." / "...," he added / "...," the general said (and the same in German, French
and Spanish). A name resolves to its fullest form in the article; a pronoun to the person
last speaking or last named; a role ("the spokesman") to the last person so described. With
no cue, a quote continues the speaker of the quote just before it when no one else was named
in between, or takes the person named as speaking in the sentence before. Otherwise the
speaker is unknown (None): a wrong name is worse than none.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from summarizers.models import Sentence
from summarizers.quotes.lexicon import (
    ACCORDING,
    INVERTED_PRONOUN,
    PREPOSITIONS,
    PRONOUNS,
    ROLE_ALIASES,
    ROLE_DETERMINERS,
    ROLES,
    SPEECH_VERBS,
)
from summarizers.quotes.names import Mention, NameIndex, is_title
from summarizers.quotes.spans import Span
from summarizers.sentences import split_sentences

_TOKEN = re.compile(r"[\w'’.-]+|[^\w\s]")
# Words allowed between a subject and its verb ("Gedney has also said", "il a déclaré").
_AUXILIARIES = frozenset(
    """
    has have had was is were would will also later then further again previously had
    has hat hatte a avait ha había ont habe
    """.split()
)
# Words allowed between a verb and an inverted subject ("said on Tuesday X" is rare; "hinzu").
_AFTER_VERB = frozenset("hinzu a".split())
_MAX_APPOSITIVE = 20
_CARRY_PARAGRAPHS = 2
# How far back (in characters) a pronoun may look for the person it stands for.
_PRONOUN_REACH = 1500


@dataclass(frozen=True)
class _Cue:
    """What a cue points at: a name mention, a pronoun, or a role noun."""

    mention: Mention | None = None
    pronoun: str | None = None
    role: str | None = None
    unknown: bool = False  # "a spokesman said": a cue with no name to resolve


@dataclass(frozen=True)
class _Token:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower().rstrip(".")


class Attributor:
    """Finds speakers for the quote spans of one text."""

    def __init__(self, text: str, spans: list[Span], language: str | None) -> None:
        self.text = text
        self.spans = spans
        self.language = (language or "en")[:2].lower()
        self.names = NameIndex(text)
        self.sentences: list[Sentence] = split_sentences(text, self.language)
        self._starts = [s.start for s in self.sentences]
        self._inside = [(s.mark_start, s.mark_end) for s in spans]

    def speakers(self) -> list[str | None]:
        """The speaker of each span, in order (None when unknown)."""
        found: list[str | None] = []
        previous: Mention | None = None
        previous_span: Span | None = None
        for span in self.spans:
            mention: Mention | None
            if span.continued and previous_span is not None:
                mention = previous
            else:
                cue = self._cue(span)
                if cue is None:
                    mention = self._carry(span, previous, previous_span)
                else:
                    mention = self._resolve(cue, span, previous, previous_span)
            found.append(self.names.fullest(mention) if mention is not None else None)
            previous, previous_span = mention, span
        return found

    # Finding the cue.

    def _cue(self, span: Span) -> _Cue | None:
        after = self._after(span)
        cue = self._cue_after(after)
        if cue is not None:
            return cue
        return self._cue_before(self._before(span))

    def _tokens(self, start: int, end: int) -> list[_Token]:
        """Tokens of `start:end`, leaving out other quotations."""
        tokens = []
        for match in _TOKEN.finditer(self.text, start, end):
            if not any(a <= match.start() < b for a, b in self._inside):
                tokens.append(_Token(match.group(0), match.start(), match.end()))
        return tokens

    def _sentence_at(self, pos: int) -> Sentence | None:
        index = bisect.bisect_right(self._starts, pos) - 1
        if index >= 0 and pos < self.sentences[index].end:
            return self.sentences[index]
        return None

    def _after(self, span: Span) -> list[_Token]:
        sentence = self._sentence_at(span.mark_end - 1)
        end = sentence.end if sentence is not None else span.mark_end
        tokens = self._tokens(span.mark_end, end)
        if any(t.text.isalnum() for t in tokens) or sentence is None:
            return tokens
        # The quote ended its sentence: a short next sentence may still name the speaker
        # ("... the regime." Gedney said.)
        following = self._next_sentence(sentence)
        if following is not None and len(following.text.split()) <= 8:
            return self._tokens(following.start, following.end)
        return tokens

    def _next_sentence(self, sentence: Sentence) -> Sentence | None:
        index = sentence.index + 1
        if index < len(self.sentences):
            nxt = self.sentences[index]
            if nxt.paragraph == sentence.paragraph:
                return nxt
        return None

    def _before(self, span: Span) -> list[_Token]:
        sentence = self._sentence_at(span.mark_start)
        start = sentence.start if sentence is not None else span.mark_start
        # Only the words since the previous quote: its own cue is not this one's.
        start = max([start] + [b for _, b in self._inside if b <= span.mark_start])
        tokens = self._tokens(start, span.mark_start)
        if tokens or sentence is None or sentence.index == 0:
            return tokens
        # A quote opening its sentence: "She continued:" or a block quote after a colon.
        previous = self.sentences[sentence.index - 1]
        if previous.text.rstrip().endswith(":"):
            return self._tokens(previous.start, previous.end)
        return tokens

    def _cue_after(self, tokens: list[_Token]) -> _Cue | None:
        words = _strip_punct(tokens)
        while words and words[0].text == ",":
            words = words[1:]
        if not words:
            return None
        according = self._according(words, at_start=True)
        if according is not None:
            return according
        verb = _first_verb(words, limit=6)
        if verb is None:
            return None
        if verb == 0 or all(w.low in _AUXILIARIES for w in words[:verb]):
            inverted = self._inverted(words, verb)
            if inverted is not None:
                return inverted
        return self._subject(words, verb)

    def _cue_before(self, tokens: list[_Token]) -> _Cue | None:
        words = [t for t in tokens if t.text not in "\"“”„«»‘’'"]
        according = self._according(words, at_start=False)
        if according is not None:
            return according
        for verb in range(len(words) - 1, -1, -1):
            if not _is_verb(words, verb):
                continue
            cue = self._subject(words, verb) or self._inverted(words, verb)
            if cue is not None:
                return cue
        return None

    def _according(self, words: list[_Token], *, at_start: bool) -> _Cue | None:
        phrases = ACCORDING.get(self.language, ()) + ACCORDING["en"]
        lows = [w.low for w in words]
        for phrase in phrases:
            parts = phrase.split()
            for index in range(len(words) - len(parts) + 1):
                if at_start and index > 1:
                    break
                if lows[index : index + len(parts)] == parts:
                    return self._noun_phrase(words, index + len(parts))
        return None

    def _inverted(self, words: list[_Token], verb: int) -> _Cue | None:
        """The subject after its verb: "said X", "sagte der Minister", "a-t-il ajouté"."""
        if words[verb].low.endswith(INVERTED_PRONOUN):
            return _Cue(pronoun=words[verb].low.rsplit("-", 1)[-1])
        index = verb + 1
        while index < len(words) and (
            words[index].low in _AFTER_VERB or _is_verb(words, index) or words[index].low == "-"
        ):
            if words[index].low.endswith(INVERTED_PRONOUN):
                return _Cue(pronoun=words[index].low.rsplit("-", 1)[-1])
            index += 1
        return self._noun_phrase(words, index)

    def _noun_phrase(self, words: list[_Token], index: int) -> _Cue | None:
        """A name, pronoun or "the ROLE" starting at `words[index]`."""
        if index >= len(words):
            return None
        word = words[index]
        mention = self.names.starting_at(word.start)
        if mention is None:
            mention = next((m for m in self.names.between(word.start, word.end + 60)), None)
            if mention is not None and mention.start != word.start and not mention.titles:
                mention = None
            if mention is not None and not _only_titles(self.text[word.start : mention.start]):
                mention = None
        if mention is not None:
            return _Cue(mention=mention)
        if word.low in PRONOUNS:
            return _Cue(pronoun=word.low)
        return _role(words, index)

    def _subject(self, words: list[_Token], verb: int) -> _Cue | None:
        """The subject before its verb: "X said", "X, the minister, said", "he added"."""
        index = verb - 1
        while index >= 0 and words[index].low in _AUXILIARIES:
            index -= 1
        if index < 0:
            return None
        word = words[index]
        if word.text == ",":
            opening = _appositive_start(words, index)
            if opening is None:
                return None
            index = opening - 1
            if index < 0:
                return None
            word = words[index]
        if _is_gerund(words, verb) and words[verb - 1].text == ",":
            # "Julia admitted that ..., adding: '...'": the subject opens the sentence.
            return self._clause_subject(words, verb)
        mention = self.names.ending_at(word.end)
        if mention is not None:
            preceding = self.text[max(0, mention.start - 12) : mention.start].split()
            if preceding and preceding[-1].lower() in PREPOSITIONS:
                return None  # "members of Congress state ..."
            return _Cue(mention=mention)
        if word.low in PRONOUNS:
            return _Cue(pronoun=word.low)
        return _role_ending(words, index)

    def _clause_subject(self, words: list[_Token], verb: int) -> _Cue | None:
        for word in words[:verb]:
            if word.low in PRONOUNS:
                return _Cue(pronoun=word.low)
            mention = self.names.starting_at(word.start)
            if mention is not None and self.names.is_person(mention):
                return _Cue(mention=mention)
        return None

    # Resolving the cue.

    def _resolve(
        self, cue: _Cue, span: Span, previous: Mention | None, previous_span: Span | None
    ) -> Mention | None:
        if cue.mention is not None:
            return cue.mention
        if cue.pronoun is not None:
            return self._antecedent(span, previous, previous_span)
        if cue.role is not None:
            return self._described(ROLE_ALIASES.get(cue.role, cue.role), span.mark_start)
        return None

    def _antecedent(
        self, span: Span, previous: Mention | None, previous_span: Span | None
    ) -> Mention | None:
        """The person a pronoun points back to: one named as a subject since the last quote,
        else the last speaker, else the last person named shortly before."""
        since = previous_span.mark_end if previous_span is not None else 0
        named = self._people(max(since, span.mark_start - _PRONOUN_REACH), span.mark_start)
        subjects = [m for m in named if self._opens_clause(m)]
        if subjects:
            return subjects[-1]
        if previous is not None and self._near(previous_span, span):
            return previous
        if named:
            return named[-1]
        earlier = self._people(max(0, span.mark_start - _PRONOUN_REACH), span.mark_start)
        return earlier[-1] if earlier else None

    def _people(self, start: int, end: int) -> list[Mention]:
        return [
            m
            for m in self.names.between(start, end)
            if self.names.is_person(m) and not self._quoted(m.start)
        ]

    def _described(self, role: str, before: int) -> Mention | None:
        """The last person before `before` whose titles or description include `role`."""
        found = None
        for mention in self.names.mentions:
            if mention.start >= before:
                break
            words = " ".join(mention.titles).lower() + " " + self._description(mention)
            if role in words.split() and self.names.is_person(mention):
                found = mention
        return found

    def _description(self, mention: Mention) -> str:
        """The words describing a name: "X, the deputy commander of ..., said" or "spokesman X"."""
        before = self.text[max(0, mention.start - 40) : mention.start].lower().split()[-3:]
        after = self.text[mention.end : mention.end + 120]
        appositive = after[2 : after.find(",", 2)] if after.startswith(", ") else ""
        return " ".join(before) + " " + appositive.lower()

    def _carry(
        self, span: Span, previous: Mention | None, previous_span: Span | None
    ) -> Mention | None:
        """No cue: the previous speaker if no one else was named since, else a speaking subject."""
        if previous is not None and previous_span is not None and self._near(previous_span, span):
            between = [
                m
                for m in self.names.between(previous_span.mark_end, span.mark_start)
                if self.names.is_person(m) and m.core != previous.core
            ]
            if not between:
                return previous
        sentence = self._sentence_at(span.mark_start)
        if sentence is None or sentence.index == 0:
            return None
        before = self.sentences[sentence.index - 1]
        if before.paragraph < sentence.paragraph - 1:
            return None
        cue = self._cue_before(self._tokens(before.start, before.end))
        if cue is not None and cue.mention is not None:
            return cue.mention
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

    def _near(self, previous_span: Span | None, span: Span) -> bool:
        if previous_span is None:
            return False
        return previous_span.mark_end >= self._paragraph_start(span.mark_start, _CARRY_PARAGRAPHS)

    def _quoted(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self._inside)

    def _opens_clause(self, mention: Mention) -> bool:
        """Is the name the subject of its clause (at the start of a sentence or clause)?"""
        sentence = self._sentence_at(mention.start)
        head = self.text[sentence.start if sentence else 0 : mention.start]
        if not head.strip() or head.rstrip().endswith((",", ";", ":")):
            return True
        return all(not w[:1].islower() for w in head.split())


def _strip_punct(tokens: list[_Token]) -> list[_Token]:
    return [t for t in tokens if t.text not in ",;—–-\"“”„«»‘’'" or t.text == ","]


def _is_verb(words: list[_Token], index: int) -> bool:
    return words[index].low in SPEECH_VERBS or words[index].low.split("-")[0] in SPEECH_VERBS


def _is_gerund(words: list[_Token], index: int) -> bool:
    return words[index].low.endswith("ing") and index > 0


def _first_verb(words: list[_Token], limit: int) -> int | None:
    for index, _ in enumerate(words[: limit + _MAX_APPOSITIVE]):
        if _is_verb(words, index):
            # A verb far from the quote only counts after an appositive ("X, the ..., said").
            if index <= limit or any(w.text == "," for w in words[1:index]):
                return index
            return None
        if words[index].text in ".!?":
            return None
    return None


def _appositive_start(words: list[_Token], comma: int) -> int | None:
    """Index of the comma opening the appositive that `comma` closes."""
    for index in range(comma - 1, max(-1, comma - _MAX_APPOSITIVE), -1):
        if words[index].text == ",":
            return index
    return None


def _role(words: list[_Token], index: int) -> _Cue | None:
    """ "the minister", "der Sprecher", "le ministre", "a spokesman" starting at `index`."""
    if words[index].low not in ROLE_DETERMINERS and words[index].low not in ("a", "an"):
        return None
    for offset in range(index + 1, min(index + 4, len(words))):
        if words[offset].low in ROLES:
            if words[index].low in ("a", "an"):
                return _Cue(unknown=True)
            return _Cue(role=words[offset].low)
    return None


def _role_ending(words: list[_Token], index: int) -> _Cue | None:
    """ "the minister" ending at `index` (before its verb)."""
    if words[index].low not in ROLES:
        return None
    for offset in range(index - 1, max(-1, index - 4), -1):
        if words[offset].low in ROLE_DETERMINERS:
            return _Cue(role=words[index].low)
        if words[offset].low in ("a", "an"):
            return _Cue(unknown=True)
    return None


def _only_titles(gap: str) -> bool:
    return all(is_title(word) for word in gap.split())
