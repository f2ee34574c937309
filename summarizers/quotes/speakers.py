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
    UNNAMED,
)
from summarizers.quotes.names import Mention, NameIndex, is_title
from summarizers.quotes.spans import Span
from summarizers.sentences import split_paragraphs, split_sentences

_TOKEN = re.compile(r"[\w'’.-]+|[^\w\s]")
# Words allowed between a subject and its verb ("Gedney has also said", "il a déclaré").
_AUXILIARIES = frozenset(
    """
    has have had was is were would will also later then further again previously had
    to alleged understood thought believed known
    has hat hatte a avait ha había ont habe
    """.split()
)
# Words allowed between a verb and an inverted subject ("said on Tuesday X" is rare; "hinzu").
_AFTER_VERB = frozenset("hinzu a".split())
_MAX_APPOSITIVE = 20
# Lower-case words and titles allowed before a name after a verb ("said beauty blogger X").
_MAX_LEAD = 4
_LOWER_RUN = re.compile(r"\s+(?:[a-z][\w-]*\s+){1,2}")
# Verbs whose object is the listener, not the speaker ("told Reuters"), or never inverted.
NOT_INVERTED = frozenset("told tells telling asked asks described describes called".split())
# Words after a name that show it is not the subject of what follows.
_NOT_VERBS = frozenset("and or but while of for to with from in on at by as who which that".split())
_LATTER = "the latter"
_REPORTED = frozenset("reported reports reporting".split())
# Words that end a lead-in before a name ("states that while Britain ..." names no speaker).
_LEAD_STOP = _NOT_VERBS | frozenset("if when because whether after before since though".split())
_ROLE_AFTER = re.compile(r"\s+([a-z][\w-]*)")
_PRONOUN_GENDER = {"he": "m", "she": "f", "er": "m", "il": "m", "elle": "f", "él": "m", "ella": "f"}
_MALE = re.compile(r"\b(?:he|his|him|himself)\b")
_FEMALE = re.compile(r"\b(?:she|her|hers|herself)\b")
_MALE_TITLES = frozenset("mr sir lord king prince herr m monsieur señor don".split())
_FEMALE_TITLES = frozenset(
    "mrs ms miss lady dame queen princess frau mme madame señora doña".split()
)
_CARRY_PARAGRAPHS = 2
_CARRY_SENTENCES = 3
_MARKS = "\"'“”‘’„‚«»‹›"
_IRREGULAR_PAST = frozenset(
    """
    made took went gave got came saw found put kept left felt thought knew sent spoke brought
    began became held heard met ran sat stood won lost paid
    """.split()
)
_RELATIVES = frozenset("who which der die qui que quien".split())
_MIN_CARRY_WORDS = 4
# Documents whose named author speaks through them ("the GAO report stated").
_DOCUMENTS = frozenset("report statement study letter survey memo website filing ruling".split())
# How far back (in characters) a pronoun may look for the person it stands for.
_PRONOUN_REACH = 1500


@dataclass(frozen=True)
class _Cue:
    """What a cue points at: a name mention, a pronoun, or a role noun."""

    mention: Mention | None = None
    pronoun: str | None = None
    role: str | None = None
    unknown: bool = False  # "a spokesman said": a cue with no name to resolve
    at: int | None = None  # where a pronoun stands, when not next to the quote


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
        self.sentences = _sentences(text, self.language)
        self._starts = [s.start for s in self.sentences]
        self._inside = [(s.mark_start, s.mark_end) for s in spans]
        # Quotes of a few words ('infidel') are cited words, not turns of speech.
        self._long = [s for s in spans if len(text[s.start : s.end].split()) >= _MIN_CARRY_WORDS]
        self.genders = self._genders()

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
            if span in self._long:
                # A scare quote ('infidel') neither passes on nor breaks off a speaker.
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
        if following is not None and _is_tag(following.text):
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
        start = max([start] + [s.mark_end for s in self._long if s.mark_end <= span.mark_start])
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
        head = self._noun_phrase(words, 0)
        after_head = None
        if head is not None and head.mention is not None:
            after_head = _index_after(words, head.mention.end)
        appositive = after_head is not None and words[after_head].text == ","
        verb = _first_verb(words, limit=_MAX_APPOSITIVE if appositive else 6)
        if verb is None:
            return None
        if verb + 1 < len(words) and words[verb + 1].text == ":":
            return None  # "..., while X added: '...'" introduces the next quote
        if verb == 0 or all(_skippable(w) for w in words[:verb]):
            inverted = self._inverted(words, verb)
            if inverted is not None:
                return inverted
        cue: _Cue | None
        if head is not None and head.mention is not None and (after_head == verb or appositive):
            cue = head  # "Åsberg, a 25-year-old officer with the police in Uppsala, told ..."
        else:
            cue = self._subject(words, verb)
        outlet = (
            cue is not None and cue.mention is not None and not self.names.is_person(cue.mention)
        )
        if outlet and words[verb].low in _REPORTED:
            return None  # "..., the Guardian reported": the outlet, not the speaker
        return cue

    def _cue_before(self, tokens: list[_Token]) -> _Cue | None:
        words = [t for t in tokens if t.text not in "\"“”„«»‘’'"]
        according = self._according(words, at_start=False)
        verbs = [i for i, _ in enumerate(words) if _is_verb(words, i)]
        if according is not None and not (verbs and self._after_according(words, verbs[-1])):
            return according
        for verb in range(len(words) - 1, -1, -1):
            if _is_verb(words, verb):
                # The verb nearest the quote decides; an earlier one belongs to other words.
                cue = self._subject(words, verb)
                clause_start = verb == 0 or not words[verb - 1].text[:1].isalnum()
                passive = verb + 1 < len(words) and words[verb + 1].low == "by"
                invertible = clause_start and words[verb].low not in NOT_INVERTED
                if cue is None and (invertible or passive):
                    cue = self._inverted(words, verb)
                return cue if cue is not None else _Cue(unknown=True)
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

    def _after_according(self, words: list[_Token], verb: int) -> bool:
        """Does the verb come after the last "according to" ("..., according to TMZ, that
        Bobby said '...'")?"""
        lows = [w.low for w in words]
        phrases = ACCORDING.get(self.language, ()) + ACCORDING["en"]
        last = max(
            (
                i
                for i in range(len(lows))
                for p in phrases
                if lows[i : i + len(p.split())] == p.split()
            ),
            default=-1,
        )
        return verb > last

    def _inverted(self, words: list[_Token], verb: int) -> _Cue | None:
        """The subject after its verb: "said X", "sagte der Minister", "a-t-il ajouté"."""
        if words[verb].low.endswith(INVERTED_PRONOUN):
            return _Cue(pronoun=words[verb].low.rsplit("-", 1)[-1])
        index = verb + 1
        if index + 1 < len(words) and words[index].low == "by":
            return self._noun_phrase(words, index + 1)  # "described by Islamic State as"
        while index < len(words) and (
            words[index].low in _AFTER_VERB or _is_verb(words, index) or words[index].low == "-"
        ):
            if words[index].low.endswith(INVERTED_PRONOUN):
                return _Cue(pronoun=words[index].low.rsplit("-", 1)[-1])
            index += 1
        return self._noun_phrase(words, index)

    def _noun_phrase(self, words: list[_Token], index: int) -> _Cue | None:
        """A name, pronoun or "the ROLE" starting at `words[index]`.

        A few lower-case words or titles may come first ("founder Yen Reis", "his jockey Liam
        Treadwell"), and "Wall Street Journal reporter Byron Tau" is Byron Tau.
        """
        if index >= len(words):
            return None
        if words[index].low in PRONOUNS:
            return _Cue(pronoun=words[index].low)
        for offset in range(index, min(index + _MAX_LEAD, len(words))):
            word = words[offset]
            mention = self.names.starting_at(word.start) or self._titled_at(word)
            if mention is not None:
                person = self._employee(mention)
                role = _ROLE_AFTER.match(self.text, mention.end)
                if person is mention and role is not None and role.group(1).lower() in ROLES:
                    return _role(words, index)  # "the Barcelona defender"
                return _Cue(mention=person)
            lead_in = word.text[:1].islower() and word.low not in _LEAD_STOP
            if not (lead_in or is_title(word.text)) or _is_verb(words, offset):
                break
            if word.low in ROLES and offset > index:
                break  # "the minister": a role, not a lead-in to a name
        return _role(words, index)

    def _titled_at(self, word: _Token) -> Mention | None:
        """A mention whose titles start at `word` ("Maj. Gen. Felix Gedney")."""
        for mention in self.names.between(word.start, word.end + 60):
            if mention.titles and _only_titles(self.text[word.start : mention.start]):
                return mention
        return None

    def _employee(self, mention: Mention) -> Mention:
        """ "Wall Street Journal reporter Byron Tau": the person, not the employer."""
        match = _LOWER_RUN.match(self.text, mention.end)
        if (
            match is not None
            and not mention.is_person
            and match.group(0).split()[0] not in _LEAD_STOP
        ):
            person = self.names.starting_at(match.end())
            if person is not None and person.is_person:
                return person
        return mention

    def _subject(self, words: list[_Token], verb: int) -> _Cue | None:
        """The subject before its verb: "X said", "X, the minister, said", "he added"."""
        coordinated = verb > 0 and words[verb - 1].low in ("and", "but")
        if _is_gerund(words, verb) or coordinated:
            # "Julia admitted that ..., adding: '...'", "Mr Lawson said ... and told the
            # court:": the subject of the main clause.
            return self._clause_subject(words[verb])
        index = verb - 1
        while index >= 0 and _skippable(words[index]):
            index -= 1
        if index < 0:
            return None
        word = words[index]
        if word.text == "," and index > 0 and self.names.ending_at(words[index - 1].end):
            index -= 1  # "Beau James, commented"
        elif word.text == ",":
            opening = _appositive_start(words, index)
            if opening is None or opening == 0:
                return None
            index = opening - 1
        word = words[index]
        mention = self.names.ending_at(word.end)
        if mention is not None:
            head = self._head_before_preposition(words, mention)
            if head is not None:
                # "Smith of the BBC said": Smith; "a staffer at Wilson Security said": unnamed.
                return self._subject(words, head + 1) if head >= 0 else None
            return _Cue(mention=mention)
        if word.low in _DOCUMENTS and index > 0:
            source = self.names.ending_at(words[index - 1].end)
            if source is not None:
                return _Cue(mention=source)  # "The GAO report stated"
        if word.low in PRONOUNS:
            return _Cue(pronoun=word.low)
        if "-" in word.low and word.low.endswith(INVERTED_PRONOUN):
            return _Cue(pronoun=word.low.rsplit("-", 1)[-1])  # "a-t-il ajouté"
        if word.low in _RELATIVES and index > 0:
            # "a letter written by Ms Ratcliffe which said": the name before the relative.
            named = self.names.ending_at(words[index - 1].end)
            return _Cue(mention=named) if named is not None else _Cue(unknown=True)
        if word.low == "latter" and index > 0 and words[index - 1].low == "the":
            return _Cue(role=_LATTER)
        return _role_ending(words, index)

    def _head_before_preposition(self, words: list[_Token], mention: Mention) -> int | None:
        """If a preposition comes just before the name (within three words), the index of the
        word before that preposition (-1 at the start); else None."""
        first = next((i for i, w in enumerate(words) if w.start >= mention.start), None)
        if first is None:
            return None
        for index in range(first - 1, max(-1, first - 4), -1):
            if words[index].low in PREPOSITIONS:
                return index - 1
            if not words[index].text[:1].isalpha():
                return None
        return None

    def _clause_subject(self, gerund: _Token) -> _Cue | None:
        """The last name or pronoun before `gerund` in its sentence that a verb follows."""
        sentence = self._sentence_at(gerund.start)
        start = sentence.start if sentence is not None else gerund.start
        tokens = self._tokens(start, gerund.start)
        found: _Cue | None = None
        for index, token in enumerate(tokens[:-1]):
            following = tokens[index + 1]
            mention = self.names.starting_at(token.start)
            if mention is not None and self._quoted(mention.start):
                continue
            if mention is not None:
                following = next((t for t in tokens if t.start >= mention.end), following)
            if not _verb_like(following):
                continue
            before = [t.low for t in tokens[max(0, index - 2) : index]]
            if before[-1:] and (
                before[-1] in PREPOSITIONS
                or (before[-1] in ROLE_DETERMINERS and before[:1] and before[0] in PREPOSITIONS)
            ):
                continue  # "from the EU following ..."
            if token.low in PRONOUNS:
                found = _Cue(pronoun=token.low, at=token.start)
            elif mention is not None:
                found = _Cue(mention=mention)
        return found

    # Resolving the cue.

    def _resolve(
        self, cue: _Cue, span: Span, previous: Mention | None, previous_span: Span | None
    ) -> Mention | None:
        if cue.mention is not None:
            return cue.mention
        if cue.pronoun is not None:
            at = cue.at if cue.at is not None else span.mark_start
            if previous_span is not None and previous_span.mark_end > at:
                previous, previous_span = None, None
            return self._antecedent(cue.pronoun, at, previous, previous_span)
        if cue.role == _LATTER:
            people = self._people(max(0, span.mark_start - _PRONOUN_REACH), span.mark_start)
            pairs = [m for m in people if self.text[: m.start].rstrip().endswith(" and")]
            return pairs[-1] if pairs else None
        if cue.role is not None:
            described = self._described(ROLE_ALIASES.get(cue.role, cue.role), span.mark_start)
            if described is not None:
                return described
            # "..., added the Barcelona defender": a new description of the last speaker.
            if previous is not None and self._near(previous_span, span.mark_start):
                return previous if self.names.is_person(previous) else None
        return None

    def _antecedent(
        self, pronoun: str, at: int, previous: Mention | None, previous_span: Span | None
    ) -> Mention | None:
        """The person a pronoun points back to: one named as a subject since the last quote,
        else the last speaker, else the last person named shortly before; never one whose
        gender the article shows to differ from the pronoun's."""
        wanted = _PRONOUN_GENDER.get(pronoun)

        def fits(mention: Mention) -> bool:
            known = self.genders.get(self.names.fullest(mention))
            return wanted is None or known is None or known == wanted

        since = previous_span.mark_end if previous_span is not None else 0
        named = [m for m in self._people(max(since, at - _PRONOUN_REACH), at) if fits(m)]
        subjects = [m for m in named if self._is_subject(m)]
        if subjects:
            return subjects[-1]
        if named:
            return named[-1]
        if (
            previous is not None
            and self._near(previous_span, at)
            and self.names.is_person(previous)
            and fits(previous)
        ):
            return previous
        earlier = [m for m in self._people(max(0, at - _PRONOUN_REACH), at) if fits(m)]
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
            # German compounds: "die Ministerin" is the "Außenministerin".
            if any(w.endswith(role) for w in words.split()) and self.names.is_person(mention):
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
        if (
            previous is not None
            and previous_span is not None
            and self._near(previous_span, span.mark_start)
        ):
            between = [
                m
                for m in self.names.between(previous_span.mark_end, span.mark_start)
                if self.names.is_person(m)
                and m.core != previous.core
                and self._is_subject(m)
                and not self._quoted(m.start)
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
        if cue is None or cue.unknown:
            return None
        # "Scott says she showed him what he described as propaganda. 'She showed ...'"
        return self._resolve(cue, span, previous, previous_span)

    def _paragraph_start(self, pos: int, back: int) -> int:
        sentence = self._sentence_at(pos)
        if sentence is None:
            return 0
        first = sentence.paragraph - back
        for other in self.sentences:
            if other.paragraph >= first:
                return other.start
        return 0

    def _near(self, previous_span: Span | None, at: int) -> bool:
        """Is the previous quote close enough (in paragraphs and sentences) to carry over?"""
        if previous_span is None:
            return False
        if previous_span.mark_end < self._paragraph_start(at, _CARRY_PARAGRAPHS):
            return False
        here, there = self._sentence_at(at), self._sentence_at(previous_span.mark_end - 1)
        return here is None or there is None or here.index - there.index <= _CARRY_SENTENCES

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
        return bool(nxt) and nxt[:1].islower() and nxt.lower() not in _NOT_VERBS

    def _genders(self) -> dict[str, str]:
        """Each person's gender where the article shows it: by "Mr"/"Ms", or by the pronouns
        in sentences where that person is the only one named."""
        votes: dict[str, list[int]] = {}
        people = [m for m in self.names.mentions if self.names.is_person(m)]
        by_sentence: dict[int, list[Mention]] = {}
        for mention in people:
            sentence = self._sentence_at(mention.start)
            if sentence is not None:
                by_sentence.setdefault(sentence.index, []).append(mention)
        for mention in people:
            tally = votes.setdefault(self.names.fullest(mention), [0, 0])
            title = mention.titles[-1].lower().rstrip(".") if mention.titles else ""
            if title in _MALE_TITLES:
                tally[0] += 3
            elif title in _FEMALE_TITLES:
                tally[1] += 3
            sentence = self._sentence_at(mention.start)
            if sentence is None:
                continue
            others = [
                m for m in by_sentence.get(sentence.index, []) if m.core[-1] != mention.core[-1]
            ]
            if not others:
                window = self.text[mention.end : sentence.end].lower()
                tally[0] += len(_MALE.findall(window))
                tally[1] += len(_FEMALE.findall(window))
        return {
            name: "m" if m > f else "f"
            for name, (m, f) in votes.items()
            if max(m, f) >= 2 * min(m, f) + 1
        }


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


def _strip_punct(tokens: list[_Token]) -> list[_Token]:
    return [t for t in tokens if t.text not in ",;—–-\"“”„«»‘’'" or t.text == ","]


def _is_verb(words: list[_Token], index: int) -> bool:
    return words[index].low in SPEECH_VERBS or words[index].low.split("-")[0] in SPEECH_VERBS


def _is_gerund(words: list[_Token], index: int) -> bool:
    return words[index].low.endswith("ing")


def _verb_like(word: _Token) -> bool:
    """Could `word` be the verb after a subject ("Julia admitted", "Parker made")?"""
    low = word.low
    if not word.text[:1].islower() or low in _NOT_VERBS:
        return False
    if low in SPEECH_VERBS or low in _AUXILIARIES or low in _IRREGULAR_PAST:
        return True
    return low.endswith(("ed", "ly")) or (low.endswith("s") and not low.endswith("ss"))


def _is_tag(sentence: str) -> bool:
    """A short sentence that can only be a speech tag ("Gedney said.")."""
    return len(sentence.split()) <= 6 and sentence.endswith(".") and ":" not in sentence


def _skippable(word: _Token) -> bool:
    """Auxiliaries and adverbs between a subject and its verb ("has also", "reportedly")."""
    return word.low in _AUXILIARIES or (word.low.endswith("ly") and word.text[:1].islower())


def _index_after(words: list[_Token], pos: int) -> int | None:
    return next((i for i, w in enumerate(words) if w.start >= pos), None)


def _first_verb(words: list[_Token], limit: int) -> int | None:
    for index, word in enumerate(words[: limit + 1]):
        if _is_verb(words, index):
            return index
        if word.text in ".!?":
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
        if words[offset].low in UNNAMED:
            return _Cue(unknown=True)  # "said the man"
        if words[offset].low in ROLES:
            if words[index].low in ("a", "an"):
                return _Cue(unknown=True)
            return _Cue(role=words[offset].low)
    return None


def _role_ending(words: list[_Token], index: int) -> _Cue | None:
    """ "the minister" ending at `index` (before its verb); "a nurse" is someone unnamed."""
    if not words[index].text[:1].islower() and words[index].low not in ROLES:
        return None
    for offset in range(index - 1, max(-1, index - 6), -1):
        if words[offset].low in ROLE_DETERMINERS and words[index].low in UNNAMED:
            return _Cue(unknown=True)  # "the man said"
        if words[offset].low in ROLE_DETERMINERS and words[index].low in ROLES:
            return _Cue(role=words[index].low)
        if words[offset].low in ("a", "an", "one", "another"):
            return _Cue(unknown=True)
    return None


def _only_titles(gap: str) -> bool:
    return all(is_title(word) for word in gap.split())
