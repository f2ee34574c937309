"""Finding the cue that names a quote's speaker: "...," X said / said X / X told Reuters /
X, the minister, said / according to X / X said: "..." / "...," he added / "...," the general
said / a label "Widnes coach Denis Betts: ..." / a press-release tag "X, Director of Y." / a
Spanish verb whose subject is dropped ('"...", aseguró'), and the same in German, French and
Spanish. A cue is a name, a pronoun, a role or "someone unnamed"; `speakers` resolves it."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from summarizers.quotes.context import Context, Sentence, Token
from summarizers.quotes.language import pairs, word_set
from summarizers.quotes.lexicon import (
    AGE_ROLE,
    INDEFINITE,
    INVERTED_PRONOUN,
    NOT_VERBS,
    ORGANISATION_ROLES,
    PREPOSITIONS,
    PRONOUNS,
    ROLE_DETERMINERS,
    ROLES,
    SPEECH_VERBS,
    UNNAMED,
    is_role,
)
from summarizers.quotes.names import Mention, is_title
from summarizers.quotes.spans import Span

# Words allowed between a subject and its verb ("Gedney has also said", "il a déclaré").
_AUXILIARIES = word_set("auxiliaries")
# Words allowed between a verb and an inverted subject ("said on Tuesday X" is rare; "hinzu").
_AFTER_VERB = word_set("after_verb")
# Tokens an appositive may run to: "Ian Hamilton, an expert in ... at the University of York
# who did not work on the study, told" has 30.
_MAX_APPOSITIVE = 32
# Lower-case words and titles allowed before a name after a verb ("said beauty blogger X").
_MAX_LEAD = 6
_LOWER_RUN = re.compile(r"\s+(?:[a-z][\w-]*\s+){1,2}")
_OWNED_RUN = re.compile(r"['’]s\s+(?:[a-z][\w-]*\s+){0,3}")
# Verbs whose object is the listener, not the speaker ("told Reuters"), or never inverted.
_NOT_INVERTED = word_set("not_inverted")
# In a language that drops a subject pronoun ("pro-drop" in its traits), a verb alone stands
# for one: '"...", aseguró'.
DROPPED = "(dropped)"
_PRO_DROP_CONJUNCTIONS = word_set("pro_drop_conjunctions")  # "Y agregó: '...'"
# A Spanish preterite, third person singular ("remató", "descaseteó"): a verb, whatever it is.
_PRETERITE = re.compile(r"[a-zñáéíú]{3,}ó")
_PRO_DROP_PREPOSITIONS = word_set("pro_drop_prepositions")
_SPANISH_ARTICLES = word_set("spanish_articles")
# Times after a Spanish verb of saying ("dijo el martes", "aseguró la semana pasada").
_TIME_NOUNS = word_set("time_nouns")
# "the latter said": a role that points at the second of two people just named.
LATTER = "the latter"
_REPORTED = word_set("reported")
# Words that end a lead-in before a name ("states that while Britain ..." names no speaker).
_AFFILIATION = word_set("affiliation")
_POSSESSIVE_END = re.compile(r"['’]s$")
_TIME_CLAUSE = word_set("time_clause")
# Words opening a subordinate clause put before the main one ("When X asked ..., he said").
_SUBORDINATORS = _TIME_CLAUSE | word_set("subordinators")
# Verbs by which a body puts out a document ("Big Machine Records issued a statement").
_ISSUED = word_set("issued")
# How far back "the report" may look for the report named with its owner.
_DOCUMENT_REACH = 1500
_LEAD_STOP = NOT_VERBS | word_set("lead_stop")
_ROLE_AFTER = re.compile(r"\s+([a-z][\w-]*)")
# Past tenses that can follow a subject ("Joanne Parker made light of it, writing: ...").
_IRREGULAR_PAST = word_set("irregular_past")
# "a letter by Ms Ratcliffe which said": the relative points at the name before it.
_RELATIVES = word_set("relatives")
# How far after an inverted verb its subject may come, and the words that end the search.
_MAX_INVERTED_REACH = 12
_COMPLEMENTIZERS = word_set("complementizers")
# Documents whose named author speaks through them ("the GAO report stated").
# Verbs that report what a document found, and how many words back its noun may stand.
_FINDING_VERBS = word_set("finding_verbs")
_FINDING_REACH = 8
_PUT = word_set("put")
_REFLEXIVES = word_set("reflexives")
_POSSESSIVES = pairs("possessives")
_GO_ON = word_set("go_on")
_CONJUNCTIONS = word_set("conjunctions")
# An age after a name: "Mr Rose, 57, branded".
_AGE = re.compile(r",\s*\d{1,3},")
# A label before a quote: the words since the end of the last sentence, a colon, the mark.
_LABEL_REACH = 100
_LABEL = re.compile(r"(?:^|(?<=[.!?\"”\n]))\s*([^.!?\"“”\n:]*?[\w'’.])\s*:\s*[\"“‘']?\Z")
_GLUED_LABEL = re.compile(r"(?:^|(?<=[.!?\"”\n]))\s*([^.!?\"“”\n:]*?[^\W\d_])\Z")
# What may follow the name in a label: ", a description" or one lower-case verb:
# "Michael Franke, Vice President Global Engineering:", "Weikert weiß:".
_LABEL_APPOSITIVE = re.compile(r",\s+[^,;:]{2,80}")
_CLAUSE_WORDS = word_set("clause_words")
_COPULAS = word_set("copulas")
# "the Leicester man", "the Welsh woman": a described person stands for "he" or "she".
_DESCRIBED_PEOPLE = pairs("described_people")
_LABEL_VERB = re.compile(r"\s+[a-zäöüßéèàáíóúñ]+")
_DOCUMENTS = word_set("documents")
# Words between a document and its owner: "a statement from Temasek", "un comunicado del
# Departamento de Estado", "un communiqué de l'Élysée", "eine Mitteilung des Ministeriums".
_OWNER_LINKS = word_set("owner_links")
_ARTICLES = word_set("articles")
_DETERMINERS = _ARTICLES | INDEFINITE


@dataclass(frozen=True)
class Cue:
    """What a cue points at: a name mention, a pronoun, or a role noun."""

    mention: Mention | None = None
    pronoun: str | None = None
    role: str | None = None
    unknown: bool = False  # "a spokesman said": a cue with no name to resolve
    anonymous: bool = False  # ... because it is somebody unnamed ("a spokesman", "the man")
    at: int | None = None  # where a pronoun stands, when not next to the quote
    # The reporting clause around this one: "He said [she had asked him '...']".
    outer: Cue | None = None


class CueFinder(Context):
    """Reads the words after and before each quote for the cue that names its speaker."""

    def _cue(self, span: Span) -> Cue | None:
        """The cue after the quote, else the one before it."""
        after = self._after(span)
        cue = self._cue_after(after)
        if cue is not None:
            return cue
        label = self._colon_label(span)
        if label is not None:
            return Cue(mention=label)
        return self._cue_before(self._before(span))

    def _colon_label(self, span: Span) -> Mention | None:
        """'Widnes coach Denis Betts: "..."', 'England batsman Ian Bell: "..."' (BBC style):
        a person's name, after a few describing words and no verb, that opens its sentence
        and is followed only by a colon and the quote is the speaker."""
        reach = max(0, span.mark_start - _LABEL_REACH)
        head = _LABEL.search(self.text, reach, span.mark_start)
        if head is None and self.text[span.mark_start - 1 : span.mark_start].isalpha():
            # BBC live pages lose the colon: 'Olympic gold medallist Chris Boardman"Latham ...'
            head = _GLUED_LABEL.search(self.text, reach, span.mark_start)
        if head is None:
            return None
        mention = self.names.ending_at(head.end(1))
        if mention is None or not self.names.is_person(mention):
            mention = self._label_subject(head.group(1), head.start(1))
        if mention is None or not self.names.is_person(mention):
            return None
        lead = self.text[head.start(1) : mention.start].split()
        # A verb or pronoun before the name makes it an object ("He told Denis Betts:").
        if len(lead) > _MAX_LEAD or any(self._labels_not(w) for w in lead):
            return None
        return mention

    def _label_subject(self, label: str, start: int) -> Mention | None:
        """The person a label before a colon opens with, when only a description or one verb
        follows the name: "Michael Franke, Vice President of the Nordex Group:", "Weikert
        weiß:", "Smith recalls:"."""
        for mention in self.names.between(start, start + len(label)):
            rest = self.text[mention.end : start + len(label)]
            if rest.startswith(","):
                described = _LABEL_APPOSITIVE.fullmatch(rest)
                words = self._tokens(mention.end, start + len(label))
                # "who visited", "was": a clause, so the name is no label's subject.
                clause = any(_clause_verb(w) or w.text in _CLAUSE_WORDS for w in words)
                return mention if described and not clause else None
            return mention if _LABEL_VERB.fullmatch(rest) else None
        return None

    def _labels_not(self, word: str) -> bool:
        """Is `word` one that cannot describe the name after it in a label (a verb, pronoun,
        preposition or conjunction)?"""
        low = word.lower()
        return (
            low in SPEECH_VERBS
            or low in PRONOUNS
            or low in _LEAD_STOP
            or low in PREPOSITIONS
            or low in _IRREGULAR_PAST
            or (low.endswith("ed") and not is_title(word))
        )

    def _after(self, span: Span) -> list[Token]:
        sentence = self._sentence_at(span.mark_end - 1)
        end = sentence.end if sentence is not None else span.mark_end
        tokens = self._tokens(span.mark_end, end)
        first = next((t for t in tokens if t.text[:1].isalnum()), None)
        if first is not None and self._turn_between(span.mark_end, first.start):
            # '"... earthly.""Jesus would be on Twitter," adds Jules Middleton': the next
            # quote's tag, not this one's.
            return []
        if first is not None or sentence is None:
            return tokens
        # The quote ended its sentence: a short next sentence may still name the speaker
        # ("... the regime." Gedney said.)
        following = self._next_sentence(sentence)
        if following is not None and (_is_tag(following.text) or self._opens_with_tag(following)):
            return self._tokens(following.start, following.end)
        return tokens

    def _opens_with_tag(self, sentence: Sentence) -> bool:
        """Does the sentence open with a subject and a verb of saying ("Meacham concluded in
        an interview with the New York Times.")? Then it tags the quote before it."""
        words = self._tokens(sentence.start, sentence.end)
        if not words or self.text[sentence.start : words[0].start].strip():
            return False  # it opens with a quote of its own, which the tag is for
        mention = self.names.starting_at(words[0].start)
        if words[0].low in PRONOUNS:
            verb = 1
        elif mention is not None and self.names.is_person(mention):
            verb = _index_after(words, mention.end) or len(words)
        else:
            return False
        while verb < len(words) and self._skippable(words[verb]):
            verb += 1  # "Brooke tearfully asked"
        if verb >= len(words) or not _is_verb(words, verb) or _is_gerund(words, verb):
            return False
        # "..., in an interview with X." ends the sentence; "that ..." or an object reports
        # new words of its own, unless it is only the listener ("Nicholson told BBC Radio
        # Devon.", "he told the BBC.").
        rest = words[verb + 1 :]
        if not rest or rest[0].low in PREPOSITIONS or not rest[0].text[:1].isalnum():
            return True
        if rest[0].low in _TIME_CLAUSE:
            return True  # "Brooke tearfully asked before apologizing to the actor."
        return words[verb].low in _NOT_INVERTED and all(
            w.text[:1].isupper() or w.low == "the" or not w.text[:1].isalnum() for w in rest
        )

    def _before(self, span: Span) -> list[Token]:
        sentence = self._sentence_at(span.mark_start)
        start = sentence.start if sentence is not None else span.mark_start
        # Only the words since the previous quote: its own cue is not this one's.
        start = max(start, self._last_long_end(span.mark_start) or 0)
        tokens = self._tokens(start, span.mark_start)
        if tokens or sentence is None or sentence.index == 0:
            return tokens
        # A quote opening its sentence: "She continued:" or a block quote after a colon.
        previous = self.sentences[sentence.index - 1]
        if previous.text.rstrip().endswith(":"):
            return self._tokens(previous.start, previous.end)
        return tokens

    def _cue_after(self, tokens: list[Token]) -> Cue | None:
        words = _strip_punct(tokens)
        while words and words[0].text == ",":
            words = words[1:]
        if not words:
            return None
        according = self._according(words, at_start=True) or self._closing_so(words)
        if according is not None:
            return according
        head = self._noun_phrase(words, 0)
        after_head = None
        if head is not None and head.mention is not None:
            after_head = _index_after(words, head.mention.end)
        # "X, the minister, said" and "X of Warner/Chappell music publishing said": the verb
        # may come after a description of the speaker.
        appositive = after_head is not None and (
            words[after_head].text == "," or words[after_head].low in _AFFILIATION
        )
        verb = _first_verb(words, limit=_MAX_APPOSITIVE if appositive else 6)
        if verb is None and self.rules.has("pro-drop") and _PRETERITE.fullmatch(words[0].text):
            verb = 0  # '"...", remató.': a past-tense verb right after the quote tags it
        if verb is None:
            return self._long_tag(words) or self._credit_tag(words, head)
        if verb + 1 < len(words) and words[verb + 1].text == ":":
            return None  # "..., while X added: '...'" introduces the next quote
        # "... in Iowa, said Pat Rynard": an adverbial and a comma may come before the verb.
        fronted = (
            verb > 1
            and words[verb - 1].text == ","
            and words[0].low in PREPOSITIONS
            and words[verb].low not in _NOT_INVERTED
            and not any(_clause_verb(w) for w in words[:verb])
        )
        inverted_order = verb == 0 or fronted or all(self._skippable(w) for w in words[:verb])
        if inverted_order and not _is_gerund(words, verb):
            # "..., said Gedney", but not "..., adding 'X' Nurse B thought": a gerund's
            # subject comes before it.
            inverted = self._inverted(words, verb)
            if inverted is not None:
                return inverted
        cue: Cue | None
        if head is not None and head.mention is not None and (after_head == verb or appositive):
            cue = head  # "Åsberg, a 25-year-old officer with the police in Uppsala, told ..."
        else:
            cue = self._subject(words, verb)
        if cue is None and inverted_order and self.rules.has("pro-drop"):
            if _unnamed_subject(words, verb):
                return Cue(unknown=True)  # '«...», puntualizó el oficial': someone, not dropped
            return Cue(pronoun=DROPPED)  # '"...", aseguró.': the subject is the last speaker
        outlet = (
            cue is not None and cue.mention is not None and not self.names.is_person(cue.mention)
        )
        if outlet and words[verb].low in _REPORTED:
            return None  # "..., the Guardian reported": the outlet, not the speaker
        return cue

    def _closing_so(self, words: list[Token]) -> Cue | None:
        """German ends a sentence of reported speech with its source: "Die Branche entwickle
        sich als „...“ sehr gut, so Machtlinger." -- a person after a comma and a word of the
        language's `closing_source` list ("so") at the very end of the sentence."""
        closing = self.rules.words("closing_source")
        for index in range(1, len(words) - 1):
            if words[index].low not in closing or words[index - 1].text != ",":
                continue
            mention = self.names.starting_at(words[index + 1].start)
            if mention is None:
                continue
            more = any(w.text[:1].isalnum() for w in words if w.start >= mention.end)
            if not more:
                return Cue(mention=mention) if self.names.is_person(mention) else None
        return None

    def _long_tag(self, words: list[Token]) -> Cue | None:
        """A tag whose speaker has a long description before the name: '"...," JPL scientist
        and study co-author Michael Malaska said', '"...," the head of the ICRC in Syria,
        Marianne Gasser, said'. Only a person named right before the verb, with no other verb
        on the way (which would start a clause of its own)."""
        verb = _first_verb(words, limit=_MAX_APPOSITIVE)
        if verb is None or any(_clause_verb(w) for w in words[:verb]):
            return None
        if any(
            w.low in _COPULAS and words[i + 1].low != "quoted" for i, w in enumerate(words[:verb])
        ):
            return None  # "The last footballer to come out was X, who told": a new sentence
        if verb + 1 < len(words) and words[verb + 1].text == ":":
            return None  # "X, chief executive of Y, said:" introduces the next quote
        cue = self._subject(words, verb)
        if cue is None or cue.mention is None or not self.names.is_person(cue.mention):
            return None
        return cue

    def _credit_tag(self, words: list[Token], head: Cue | None) -> Cue | None:
        """A press-release tag with no verb: '"...," Augusto Reyes, Director of the Marine
        Branch.' -- a person's name, then a comma and a title, to the end of the sentence."""
        if head is None or head.mention is None or not self.names.is_person(head.mention):
            return None
        after = _index_after(words, head.mention.end)
        if after is None or words[after].text != "," or words[0].start != head.mention.start:
            return None
        if any(_is_verb(words, i) or _clause_verb(w) for i, w in enumerate(words)):
            return None
        return head

    def _cue_before(self, tokens: list[Token]) -> Cue | None:
        words = [t for t in tokens if t.text not in "\"“”„«»‘’'"]
        according = self._according(words, at_start=False)
        if according is not None and according.mention and self._common_noun(according.mention):
            according = None  # "sagte ... laut Manuskript:": a document, not a source
        verbs = [i for i, _ in enumerate(words) if _is_verb(words, i)]
        if according is not None and not (verbs and self._after_according(words, verbs[-1])):
            return according
        for verb in range(len(words) - 1, -1, -1):
            if _is_verb(words, verb):
                # The verb nearest the quote decides; an earlier one belongs to other words.
                cue = self._subject(words, verb)
                clause_start = verb == 0 or not words[verb - 1].text[:1].isalnum()
                passive = verb + 1 < len(words) and words[verb + 1].low == "by"
                invertible = clause_start and words[verb].low not in _NOT_INVERTED
                if cue is None and (invertible or passive):
                    cue = self._inverted(words, verb)
                if cue is not None and cue.pronoun is not None:
                    cue = replace(cue, outer=self._reporting(words, verb))
                joined = verb > 0 and words[verb - 1].low in _PRO_DROP_CONJUNCTIONS
                if cue is None and (clause_start or joined) and self.rules.has("pro-drop"):
                    cue = Cue(pronoun=DROPPED)  # "Y agregó: '...'"
                unnamed = cue is None or (cue.unknown and not cue.anonymous)
                if unnamed and self.rules.has("pro-drop") and words[verb - 1].low == "que":
                    # "Alvarado negaba ..., a la vez que aseveró que '...'": the main clause's
                    # subject speaks.
                    cue = self._main_subject(words, verb) or cue
                return cue if cue is not None else Cue(unknown=True)
        return None

    def _main_subject(self, words: list[Token], verb: int) -> Cue | None:
        """The first person named before `words[verb]` with a lower-case word (its verb) after
        the name and no preposition before it: the subject of the sentence's main clause."""
        for index, word in enumerate(words[:verb]):
            mention = self.names.starting_at(word.start)
            if mention is None or not self.names.is_person(mention):
                continue
            after = _index_after(words, mention.end)
            before = words[index - 1].low if index > 0 else ""
            if after is not None and words[after].text[:1].islower() and before not in PREPOSITIONS:
                return Cue(mention=mention)
            return None
        return None

    def _skippable(self, word: Token) -> bool:
        """Auxiliaries, adverbs and emphatic reflexives between a subject and its verb ("has
        also", "reportedly", "a également déclaré", "Montoya-Lewis herself said")."""
        # Lower case only: "Dagenham manager John Still told" ends a name.
        if not word.text[:1].islower():
            return False
        adverb = word.low.endswith(self.rules.phrases("adverb_endings"))
        return word.low in _AUXILIARIES or adverb or word.low in _REFLEXIVES

    def _reporting(self, words: list[Token], verb: int) -> Cue | None:
        """The subject of a speech verb earlier in the same clause: "He said she had asked"."""
        for index in range(verb - 1, -1, -1):
            if not words[index].text[:1].isalnum():
                return None
            if _is_verb(words, index):
                return self._subject(words, index)
        return None

    def _according(self, words: list[Token], *, at_start: bool) -> Cue | None:
        phrases = self.rules.phrases("according")
        lows = [w.low for w in words]
        for phrase in phrases:
            parts = phrase.split()
            for index in range(len(words) - len(parts) + 1):
                if at_start and index > 1:
                    break
                if lows[index : index + len(parts)] == parts:
                    # "according to an aide": a source, but no name for it.
                    cue = self._noun_phrase(words, index + len(parts))
                    return cue if cue is not None else Cue(unknown=True)
        return None

    def _after_according(self, words: list[Token], verb: int) -> bool:
        """Does the verb come after the last "according to" ("..., according to TMZ, that
        Bobby said '...'")?"""
        lows = [w.low for w in words]
        phrases = self.rules.phrases("according")
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

    def _inverted(self, words: list[Token], verb: int) -> Cue | None:
        """The subject after its verb: "said X", "sagte der Minister", "a-t-il ajouté"."""
        if words[verb].low.endswith(INVERTED_PRONOUN):
            return Cue(pronoun=words[verb].low.rsplit("-", 1)[-1])
        index = verb + 1
        if index + 1 < len(words) and words[index].low == "by":
            return self._noun_phrase(words, index + 1)  # "described by Islamic State as"
        while index < len(words) and (
            words[index].low in _AFTER_VERB or _is_verb(words, index) or words[index].low == "-"
        ):
            if words[index].low.endswith(INVERTED_PRONOUN):
                return Cue(pronoun=words[index].low.rsplit("-", 1)[-1])
            index += 1
        # "..., said a statement from Temasek", "dicta un comunicado del Departamento de Estado"
        # ("a" was passed over above, as in "a déclaré").
        document = index + 1 if index < len(words) and words[index].low in _DETERMINERS else index
        if document + 2 < len(words) and _issued_by(words, document):
            owner = self.names.starting_at(words[_owner_start(words, document)].start)
            return Cue(mention=owner) if owner is not None else Cue(unknown=True)
        return self._noun_phrase(words, index) or self._later_person(words, index)

    def _later_person(self, words: list[Token], index: int) -> Cue | None:
        """A person named a little after an inverted verb, past an adverbial and a title:
        "estime pour sa part le secrétaire général de la CFDT, Laurent Berger". Where the
        subject may be dropped, a verb followed by a preposition has none ("dijo al ser
        consultada sobre ... del director, Ricardo Yáñez")."""
        opening = words[index].low if index < len(words) else ""
        if self.rules.has("pro-drop") and opening in _PRO_DROP_PREPOSITIONS:
            return None
        for word in words[index : index + _MAX_INVERTED_REACH]:
            if word.low in _COMPLEMENTIZERS or not (word.text[:1].isalnum() or word.text == ","):
                return None
            mention = self.names.starting_at(word.start)
            if mention is not None and self.names.is_person(mention):
                return Cue(mention=mention)
        return None

    def _noun_phrase(self, words: list[Token], index: int) -> Cue | None:
        """A name, pronoun or "the ROLE" starting at `words[index]`.

        A few lower-case words or titles may come first ("founder Yen Reis", "his jockey Liam
        Treadwell"), and "Wall Street Journal reporter Byron Tau" is Byron Tau.
        """
        if index >= len(words):
            return None
        if words[index].low in PRONOUNS:
            return Cue(pronoun=words[index].low)
        for offset in range(index, min(index + _MAX_LEAD, len(words))):
            word = words[offset]
            mention = self.names.starting_at(word.start) or self._titled_at(word)
            if mention is not None:
                person = self._employee(mention)
                role = _ROLE_AFTER.match(self.text, mention.end)
                if person is mention and role is not None and role.group(1).lower() in ROLES:
                    return _role(words, index)  # "the Barcelona defender"
                return Cue(mention=person)
            if word.text == "," and offset > index and offset + 1 < len(words):
                # "according to his aunt, Jane Starner,": the name in apposition.
                named = self.names.starting_at(words[offset + 1].start)
                if named is not None and self.names.is_person(named):
                    return Cue(mention=named)
                break
            # "24-year-old Bayern Munich forward Evans": an age leads in like a lower-case word.
            lead_in = (
                word.text[:1].islower() or AGE_ROLE.fullmatch(word.low) is not None
            ) and word.low not in _LEAD_STOP
            if not (lead_in or is_title(word.text)) or _is_verb(words, offset):
                break
            named_next = offset + 1 < len(words) and self.names.starting_at(words[offset + 1].start)
            if word.low in ROLES and offset > index and not named_next:
                break  # "the minister": a role, not a lead-in to a name ("el fiscal X" is X)
            governs = offset + 1 < len(words) and words[offset + 1].low in PREPOSITIONS
            if self.names.nouns_capitalised and is_role(word.low) and governs and offset > index:
                break  # "der Konzernchef von FACC": a German compound role, then its body
        return _role(words, index)

    def _titled_at(self, word: Token) -> Mention | None:
        """A mention whose titles start at `word` ("Maj. Gen. Felix Gedney")."""
        for mention in self.names.between(word.start, word.end + 60):
            gap = self.text[word.start : mention.start]
            # The words the name finder took as the name's own titles count too ("der
            # Düsseldorfer Fitnessexperte Manuel Gajus", "Münsters Coach Jörg Riethues").
            words = tuple(gap.split())
            own = (
                bool(words)
                and words == mention.titles[-len(words) :]
                and self.names.is_person(mention)
            )
            if mention.titles and (_only_titles(gap) or own):
                return mention
        return None

    def _employee(self, mention: Mention) -> Mention:
        """ "Wall Street Journal reporter Byron Tau", "Bayern Munich forward Evans": the
        person, not the employer."""
        owned = _OWNED_RUN.match(self.text, mention.end)
        if owned is not None:
            # "GB Badminton's performance director Jon Austin", "Ikea's Ingrid Franov"
            person = self.names.starting_at(owned.end())
            if person is not None and self.names.is_person(person):
                return person
        match = _LOWER_RUN.match(self.text, mention.end)
        if match is None or match.group(0).split()[0] in _LEAD_STOP:
            return mention
        if any(w in SPEECH_VERBS for w in match.group(0).split()):
            return mention  # "Sasse told Hawk Sawyer": a verb, not a job, before the name
        # A two-word employer looks like a person's name: the role word between tells.
        if mention.is_person and match.group(0).split()[-1] not in ROLES:
            return mention
        person = self.names.starting_at(match.end())
        if person is not None and self.names.is_person(person):
            return person
        return mention

    def _subject(self, words: list[Token], verb: int) -> Cue | None:
        """The subject before its verb: "X said", "X, the minister, said", "he added"."""
        coordinated = verb > 0 and words[verb - 1].low in ("and", "but")
        if _is_gerund(words, verb) and verb > 0 and self._person_ending(words[verb - 1]):
            named = self.names.ending_at(words[verb - 1].end)
            if named is not None:
                return Cue(mention=named)  # "with Boswell stating:": the gerund's own subject
        if _is_gerund(words, verb) or coordinated:
            # "Julia admitted that ..., adding: '...'", "Mr Lawson said ... and told the
            # court:": the subject of the main clause.
            return self._clause_subject(words[verb])
        index = verb - 1
        while index >= 0 and self._skippable(words[index]):
            index -= 1
        if index >= 2 and words[index].text == ")" and words[index - 2].text == "(":
            index -= 3  # "Peter Clarke (pictured) found"
        if index >= 1 and words[index].low == "on" and words[index - 1].low in _GO_ON:
            index -= 2  # "The fighter ace went on to describe it as"
        if index < 0:
            return None
        word = words[index]
        if word.text == ",":
            opening = _appositive_start(words, index)
            person = opening is not None and opening > 0 and self._person_ending(words[opening - 1])
            if person and opening is not None:
                # "Ancelotti, who is without Karim Benzema, said", "Simon Forrester, chief
                # executive of the BCPA, said": the name before the appositive.
                index = opening - 1
            elif index > 0 and self._person_ending(words[index - 1]):
                index -= 1  # "Beau James, commented"
            elif opening and self._appositive_head(words, opening) < opening - 1:
                # "Cynthia Thompson, curator at the University of Arkansas, Fayetteville,
                # said": the person before the appositive, not the place closing it.
                index = self._appositive_head(words, opening)
            elif opening and words[opening + 1].low in _RELATIVES:
                index = opening - 1  # "A spokesperson for Merivale, which runs the Ivy, said"
            elif index > 0 and self.names.ending_at(words[index - 1].end):
                index -= 1  # "Reuters, commented"
            elif opening is None or opening == 0:
                return None
            else:
                index = self._appositive_head(words, opening)
        word = words[index]
        mention = self.names.ending_at(word.end)
        if mention is not None:
            head = self._head_before_preposition(words, mention)
            if head is not None and head >= 0 and _issued_by(words, head):
                return Cue(mention=mention)  # "A statement from Temasek said"
            if head is not None:
                # "Smith of the BBC said": Smith; "a staffer at Wilson Security said": unnamed.
                return self._subject(words, head + 1) if head >= 0 else None
            return Cue(mention=mention)
        if word.low in _DOCUMENTS and index > 1 and words[index - 2].low in _POSSESSIVES:
            # "Her Facebook page states": the owner, not the site.
            return Cue(pronoun=_POSSESSIVES[words[index - 2].low])
        if word.low not in _DOCUMENTS:
            # "PC World's recent analysis of its own web traffic statistics concluded"
            head = _document_head(words, index)
            if head is not None:
                index, word = head, words[head]
        if word.low in _DOCUMENTS and index > 0:
            source = self._owner(words[index - 1])
            if source is None and index > 1 and words[index - 1].text.islower():
                source = self._owner(words[index - 2])  # "PC World's recent analysis"
            if source is not None:
                return Cue(mention=source)  # "The GAO report stated", "Mr Wright's letter states"
            if words[index - 1].low in _POSSESSIVES:
                return Cue(pronoun=_POSSESSIVES[words[index - 1].low])  # "His report found"
            if words[index - 1].low == "the":
                earlier = self._document_owner(word)
                if earlier is not None:
                    return Cue(mention=earlier)  # "Mighty's report says ... the report says"
        if word.low in PRONOUNS:
            return Cue(pronoun=word.low)
        if "-" in word.low and word.low.endswith(INVERTED_PRONOUN):
            return Cue(pronoun=word.low.rsplit("-", 1)[-1])  # "a-t-il ajouté"
        if word.low in _RELATIVES and index > 0:
            # "a letter written by Ms Ratcliffe which said": the name before the relative,
            # past a comma ("Natalia Piergentili, quien afirmó").
            named = self.names.ending_at(words[index - 1].end)
            if named is None and index > 1 and words[index - 1].text == ",":
                named = self.names.ending_at(words[index - 2].end)
            return Cue(mention=named) if named is not None else Cue(unknown=True)
        if word.low == "latter" and index > 0 and words[index - 1].low == "the":
            return Cue(role=LATTER)
        affiliated = self._affiliated_person(words, index)
        if affiliated is not None:
            return Cue(mention=affiliated)  # "Aldred Drummond of the company said"
        return _role_ending(words, index)

    def _affiliated_person(self, words: list[Token], index: int) -> Mention | None:
        """The person before "of/at/from (the) <noun>" ending at `index`, if any."""
        for k in range(index - 1, max(0, index - 3), -1):
            if words[k].low in _AFFILIATION:
                mention = self.names.ending_at(words[k - 1].end)
                if mention is not None and self.names.is_person(mention):
                    return mention
                return None
            if words[k].low != "the":
                return None
        return None

    def _owner(self, token: Token) -> Mention | None:
        """The name `token` ends, possessive or not ("GAO", "Wright's")."""
        named = self.names.ending_at(token.end)
        if named is None and _POSSESSIVE_END.search(token.text):
            named = self.names.ending_at(token.end - 2)
        return named

    def _document_owner(self, document: Token) -> Mention | None:
        """Whose is "the statement": the owner named with the same document shortly before
        ("Mighty's report", "a statement on OpenAI's website", "a statement from Temasek",
        "Big Machine Records issued a statement")."""
        start = max(0, document.start - _DOCUMENT_REACH)
        before = self._tokens(start, document.start)
        for index in range(len(before) - 1, -1, -1):
            if before[index].low == document.low:
                owner = self._owner_near(before, index) or self._writer(before[index])
                if owner is not None:
                    return owner
        return None

    def _writer(self, document: Token) -> Mention | None:
        """Who spoke "in" the document, in its sentence: "In a letter to Tahir Alam, education
        minister Lord Nash said ..." (Lord Nash)."""
        sentence = self._sentence_at(document.start)
        if sentence is None:
            return None
        words = self._tokens(sentence.start, sentence.end)
        at = next((i for i, w in enumerate(words) if w.start == document.start), None)
        if at is None or at < 2 or words[at - 2].low != "in":
            return None
        verb = next((i for i in range(at + 1, len(words)) if words[i].low in SPEECH_VERBS), None)
        cue = self._subject(words, verb) if verb is not None else None
        return cue.mention if cue is not None else None

    def _owner_near(self, words: list[Token], index: int) -> Mention | None:
        """The owner named with the document `words[index]`: a possessive beside it, a name
        after "from" or "by", or the subject of the verb issuing it."""
        near = words[max(0, index - 1) : index] + words[index + 1 : index + 4]
        for token in near:
            owner = self._owner(token) if _POSSESSIVE_END.search(token.text) else None
            if owner is not None:
                return owner
        if index + 2 < len(words) and _issued_by(words, index):
            return self.names.starting_at(words[_owner_start(words, index)].start)
        if index >= 3 and words[index - 1].low in ("a", "an") and words[index - 2].low in _ISSUED:
            return self.names.ending_at(words[index - 3].end)
        return None

    def _appositive_head(self, words: list[Token], opening: int) -> int:
        """The word before an appositive that opens at the comma `opening`, or at an earlier
        comma when the appositive has several ("The organisation, which distributes food to
        charities which provide meals, rather than ..., said")."""
        for comma in range(opening, max(0, opening - _MAX_APPOSITIVE), -1):
            head = words[comma - 1]
            if words[comma].text == "," and (
                head.low in ROLES or head.low in ORGANISATION_ROLES or self._person_ending(head)
            ):
                return comma - 1
        return opening - 1

    def _person_ending(self, word: Token) -> bool:
        """Does a person's name end with `word`?"""
        mention = self.names.ending_at(word.end)
        return mention is not None and self.names.is_person(mention)

    def _head_before_preposition(self, words: list[Token], mention: Mention) -> int | None:
        """If a preposition comes just before the name (within three words), the index of the
        word before that preposition (-1 at the start); else None."""
        first = next((i for i, w in enumerate(words) if w.start >= mention.start), None)
        if first is None:
            return None
        for index in range(first - 1, max(-1, first - 4), -1):
            if words[index].low in _CONJUNCTIONS:
                return None  # "declined to comment but O'Donnell said": a new clause
            if words[index].low in PREPOSITIONS:
                if index > 0 and self._title_phrase(words[index - 1 : first]):
                    return None  # "Secretary of State Mike Pompeo said": a title, not "X of Y"
                return index - 1
            if not words[index].text[:1].isalpha():
                return None
            if (
                index == first - 1
                and words[index].text[:1].isupper()
                and not is_title(words[index].text)
            ):
                return None  # a caption glued on: "... in Afghanistan Elaine May, the manager"
        return None

    @staticmethod
    def _title_phrase(words: list[Token]) -> bool:
        """Is this a title with a preposition in it ("Secretary of State", "Minister for the
        Environment"): a title word, the preposition, then capitalised words or "the"?"""
        head, _, *rest = words
        capitalised = all(w.text[:1].isupper() or w.low == "the" for w in rest)
        return head.text[:1].isupper() and is_title(head.text) and bool(rest) and capitalised

    def _clause_subject(self, gerund: Token) -> Cue | None:
        """The last name or pronoun before `gerund` in its sentence that a verb follows."""
        sentence = self._sentence_at(gerund.start)
        start = sentence.start if sentence is not None else gerund.start
        tokens = self._tokens(start, gerund.start)
        if tokens and tokens[0].low in _SUBORDINATORS:
            # "When Winfrey asked if he could share them, he declined, saying": the main
            # clause starts after the fronted one.
            comma = next((i for i, t in enumerate(tokens) if t.text == ","), None)
            if comma is not None:
                tokens = tokens[comma + 1 :]
        found: Cue | None = None
        for index, token in enumerate(tokens[:-1]):
            reported = token.low in _COMPLEMENTIZERS or _is_verb(tokens, index)
            if reported and found is not None:
                # "She hopes that OM will ..., saying", "X said Greece would ... and called":
                # a name in the reported clause is not the subject.
                break
            following = tokens[index + 1]
            mention = self.names.starting_at(token.start)
            if mention is not None and self._quoted(mention.start):
                continue
            if mention is not None:
                after = mention.end
                age = _AGE.match(self.text, after)
                if age is not None:
                    after = age.end()  # "Mr Rose, 57, branded ...": the verb after the age
                following = next((t for t in tokens if t.start >= after), following)
                if (
                    self.text.startswith(("'s ", "’s "), mention.end)
                    and following.low in _DOCUMENTS
                ):
                    # "Daniel's speech documented ..., saying": the owner speaks through it.
                    following = next((t for t in tokens if t.start > following.start), following)
            if not _verb_like(following):
                continue
            before = [t.low for t in tokens[max(0, index - 2) : index]]
            if before[-1:] and (
                before[-1] in PREPOSITIONS
                or (before[-1] in ROLE_DETERMINERS and before[:1] and before[0] in PREPOSITIONS)
            ):
                continue  # "from the EU following ..."
            if token.low in PRONOUNS:
                # "He said she had been pointing ..., adding": he is the one reporting.
                found = Cue(pronoun=token.low, at=token.start, outer=found)
            elif mention is not None:
                found = Cue(mention=mention)
        return found or self._inverted_tag(tokens)

    def _inverted_tag(self, tokens: list[Token]) -> Cue | None:
        """The person an inverted tag before the gerund names: '"...," said John Smith,
        adding: "..."' (the tag of the quote before, outside its marks)."""
        words = [t for t in _strip_punct(tokens) if not self._quoted(t.start)]
        for index in range(len(words) - 1):
            if _is_verb(words, index) and not _is_gerund(words, index):
                cue = self._inverted(words, index)
                if cue is not None and cue.mention is not None:
                    return cue
        return None


def _unnamed_subject(words: list[Token], verb: int) -> bool:
    """Does a Spanish verb have its own subject after it, a noun after an article that names
    no one and is no time ("puntualizó el oficial", not "dijo el martes")?"""
    after = words[verb + 1 : verb + 3]
    return (
        len(after) == 2
        and after[0].low in _SPANISH_ARTICLES
        and after[1].text[:1].islower()
        and after[1].low not in _TIME_NOUNS
    )


def _issued_by(words: list[Token], head: int) -> bool:
    """Is `words[head]` a document followed by "from" or "by" ("a statement from")?"""
    return words[head].low in _DOCUMENTS and words[head + 1].low in _OWNER_LINKS


def _owner_start(words: list[Token], head: int) -> int:
    """Where the owner's name starts after the document `words[head]` and its link word,
    past an article ("a statement from the State Department")."""
    index = head + 2
    while index < len(words) - 1 and words[index].low in _ARTICLES:
        index += 1
    return index


def _strip_punct(tokens: list[Token]) -> list[Token]:
    return [t for t in tokens if t.text not in ",;—–-\"“”„«»‘’'" or t.text == ","]


def _is_verb(words: list[Token], index: int) -> bool:
    low = words[index].low
    if low in _PUT:
        # "As Gaiman put it,": only with "it" is "put" a verb of saying.
        return index + 1 < len(words) and words[index + 1].low == "it"
    if low in _FINDING_VERBS:
        # "In his report, Peter Clarke found ...": a finding, when a document is named.
        return any(w.low in _DOCUMENTS for w in words[max(0, index - _FINDING_REACH) : index])
    return low in SPEECH_VERBS or low.split("-")[0] in SPEECH_VERBS


def _is_gerund(words: list[Token], index: int) -> bool:
    return words[index].low.endswith("ing")


def _verb_like(word: Token) -> bool:
    """Could `word` be the verb after a subject ("Julia admitted", "Parker made")?"""
    low = word.low
    if not word.text[:1].islower() or low in NOT_VERBS:
        return False
    if low in SPEECH_VERBS or low in _AUXILIARIES or low in _IRREGULAR_PAST:
        return True
    return low.endswith(("ed", "ly")) or (low.endswith("s") and not low.endswith("ss"))


def _clause_verb(word: Token) -> bool:
    """A lower-case word that is surely a verb of its own clause ("was", "left", "visited");
    "was quoted as saying" is still the tag's."""
    low = word.low
    if not word.text[:1].islower() or low in NOT_VERBS:
        return False
    return low in _IRREGULAR_PAST or (low.endswith("ed") and low != "quoted")


def _document_head(words: list[Token], index: int) -> int | None:
    """The document noun heading the phrase that ends at `index` over an "of" phrase ("analysis
    of its own web traffic statistics"), if any: its index."""
    for k in range(index - 1, max(0, index - _FINDING_REACH), -1):
        if not words[k].text[:1].isalnum() or _is_verb(words, k):
            return None
        if words[k].low == "of":
            return k - 1 if k > 0 and words[k - 1].low in _DOCUMENTS else None
    return None


def _is_tag(sentence: str) -> bool:
    """A short sentence that can only be a speech tag ("Gedney said.")."""
    return len(sentence.split()) <= 6 and sentence.endswith(".") and ":" not in sentence


def _index_after(words: list[Token], pos: int) -> int | None:
    return next((i for i, w in enumerate(words) if w.start >= pos), None)


def _first_verb(words: list[Token], limit: int) -> int | None:
    for index, word in enumerate(words[: limit + 1]):
        if _is_verb(words, index) and not _infinitive(words, index):
            return index
        if word.text in ".!?":
            return None
    return None


def _infinitive(words: list[Token], index: int) -> bool:
    """Is the verb at `index` an infinitive of its own clause ("a term the government uses to
    describe")? "He went on to say" still tags."""
    if index == 0 or words[index - 1].low != "to":
        return False
    return not (index > 1 and words[index - 2].low == "on")


def _appositive_start(words: list[Token], comma: int) -> int | None:
    """Index of the comma opening the appositive that `comma` closes."""
    for index in range(comma - 1, max(-1, comma - _MAX_APPOSITIVE), -1):
        if words[index].text == ",":
            return index
    return None


def _role(words: list[Token], index: int) -> Cue | None:
    """ "the minister", "der Sprecher", "le ministre", "a spokesman" starting at `index`."""
    if words[index].low not in ROLE_DETERMINERS and words[index].low not in INDEFINITE:
        return None
    for offset in range(index + 1, min(index + 4, len(words))):
        described = _described_person(words, index, offset)
        if described is not None:
            return described  # "said the Leicester man": someone just named, described again
        if words[offset].low in UNNAMED:
            return Cue(unknown=True, anonymous=True)  # "said the man"
        if is_role(words[offset].low) or words[index].low in INDEFINITE:
            if words[index].low in INDEFINITE:
                # "a spokesman" is somebody unnamed; "a message" is nobody.
                return Cue(unknown=True, anonymous=is_role(words[offset].low))
            return Cue(role=words[offset].low)
        if words[offset].low in ORGANISATION_ROLES and offset == index + 1:
            return Cue(role=words[offset].low, at=words[offset].start)  # "the group said"
    return None


def _described_person(words: list[Token], article: int, noun: int) -> Cue | None:
    """ "the Leicester man": "the", a capitalised describing word, then "man" or "woman" stands
    for the person just named, as "he" or "she" would."""
    if words[article].low != "the" or words[noun].low not in _DESCRIBED_PEOPLE:
        return None
    if not any(w.text[:1].isupper() for w in words[article + 1 : noun]):
        return None
    return Cue(pronoun=_DESCRIBED_PEOPLE[words[noun].low])


def _role_ending(words: list[Token], index: int) -> Cue | None:
    """ "the minister" ending at `index` (before its verb); "a nurse" is someone unnamed;
    "the 28-year-old" is the person given that age."""
    if index > 0 and AGE_ROLE.fullmatch(words[index].low) and words[index - 1].low == "the":
        return Cue(role=words[index].low, at=words[index].start)
    role = is_role(words[index].low)
    capitalised = not words[index].text[:1].islower()
    if capitalised and not role and words[index].low not in ORGANISATION_ROLES:
        return None
    for offset in range(index - 1, max(-1, index - 6), -1):
        if words[offset].text in ".!?":
            return None  # the noun phrase begins in this sentence
        described = _described_person(words, offset, index)
        if described is not None:
            return described  # "The Leicester man, who beat ..., told BBC Sport"
        if words[offset].low in ROLE_DETERMINERS and words[index].low in UNNAMED:
            return Cue(unknown=True, anonymous=True)  # "the man said"
        if words[offset].low in ROLE_DETERMINERS and role:
            return Cue(role=words[index].low, at=words[index].start)
        if (
            offset == index - 1
            and words[offset].low == "the"
            and words[index].low in ORGANISATION_ROLES
        ):
            return Cue(role=words[index].low, at=words[index].start)  # "The organisation said"
        if words[offset].low in INDEFINITE:
            return Cue(unknown=True, anonymous=role or words[index].low in UNNAMED)
    return None


def _only_titles(gap: str) -> bool:
    return all(is_title(word) for word in gap.split())
