"""Who said each quote: the cue next to it (see `cues`), then the name that cue points to.

A name resolves to its fullest form in the article; a pronoun to the person
last speaking or last named; a role ("the spokesman") to the last person so described. With
no cue outside the marks, a quote takes a credit line after it ("Larry Magid, Forbes"), a tag
set inside its marks («..., explique X, ...»), the person a sentence ending in a colon is
about, or continues the speaker of the quote just before it when no one else was named and no
heading came in between (German reported speech in the subjunctive carries it further), or
takes the person named, or the pronoun, opening the sentence before.
Otherwise the speaker is unknown (None): a wrong name is worse than none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizers.quotes.context import Token
from summarizers.quotes.cues import DROPPED, LATTER, Cue, CueFinder
from summarizers.quotes.gender import FEMALE, MALE, described_gender, first_name_gender
from summarizers.quotes.language import endings, pairs, word_set
from summarizers.quotes.lexicon import (
    AGE_ROLE,
    INVERTED_PRONOUN,
    NOT_VERBS,
    ORGANISATION_ROLES,
    PREPOSITIONS,
    ROLE_ALIASES,
    ROLE_DETERMINERS,
    SPEECH_VERBS,
    TITLE_SUFFIXES,
    is_role,
)
from summarizers.quotes.names import Mention
from summarizers.quotes.spans import Span

# How far back a verb of saying may report a named subject, and what ends the clause first.
_REPORTED_REACH = 8
_CLAUSE_BREAKS = word_set("clause_breaks")
_PRONOUN_GENDER = pairs("pronoun_gender")
# A sentence opening with somebody unnamed ("A woman walks over the bridge.", "Eine Frau
# kommt ...", "Un homme ..."): a pronoun after it stands for that person, not a name before.
_UNNAMED_GENDER = pairs("unnamed_gender")
_UNNAMED_OPENING = re.compile(
    r"(?:^|(?<=[.!?:]\s)|(?<=\n))(?:"
    + "|".join(a.capitalize() for a in endings("unnamed_articles"))
    + r")\s+(?:[^\W\d_A-Z]+\s+){0,2}("
    + "|".join(sorted(_UNNAMED_GENDER, key=lambda w: (-len(w), w)))
    + r")\b",
    re.MULTILINE,
)
_GENDERED_PRONOUNS = pairs("gendered_pronouns")


def _pronouns_of(gender: str) -> re.Pattern[str]:
    found = sorted(p for p, g in _GENDERED_PRONOUNS.items() if g == gender)
    return re.compile(r"\b(?:" + "|".join(found) + r")\b")


_MALE = _pronouns_of("m")
_FEMALE = _pronouns_of("f")
_MALE_TITLES = word_set("male_titles")
_FEMALE_TITLES = word_set("female_titles")
# A review's label before an expert's words, and the sentence that names that expert.
_LABEL_REACH = 40
_VERDICT_LABEL = re.compile(r"\bVERDICT\s*:\s*$", re.IGNORECASE)
_GIVES_VERDICT = re.compile(
    r"\b(?:" + "|".join(endings("verdict_verbs")) + r") (?:his|her|their) verdict"
)
# A credit line after a quote in its own paragraph: "Adrian Kingsley-Hughes, ZDNet" or
# "— Engadget": a dash or a role, and no sentence end.
_CREDIT = re.compile(
    # On the next line, or after a dash on the quote's own: '"..." — Neil Gaiman'.
    r"(?:[ \t]*\n\s*\n[ \t]*(?P<dash>[—–-][ \t]*)?|[ \t]*(?P<inline>[—–][ \t]*))"
    r"(?P<name>[^\W\d_][^\n.!?:;\"“”,]{0,40}?)"
    r"(?P<role>,[ \t]*[^\n.!?:;\"“”]{1,60})?[ \t]*(?=\n|$)"
)
# A credit in brackets closing the quote's line: '"..." (Maren Kissing)'.
_BRACKET_CREDIT = re.compile(r"[^\S\n]*\((?P<name>[^\W\d_][^\n()]{0,40}?)\)[^\S\n]*(?=\n|$)")
# A credit after the quote on its own line, perhaps with a social-media handle:
# '"..." Bloggerin Maria Sedgwick (@masha)', '"..." EMOTION-Leserin Julia Franz'.
_TRAILING_CREDIT = re.compile(
    r"[^\S\n]+(?P<name>[^\W\d_][^\n.!?:;\"“”,()]{0,60}?)"
    r"(?P<handle>[^\S\n]*\(@[\w.]+\))?[^\S\n]*(?=\n|$)"
)
# A relative clause right after a name: "Karl Ober, who was seen near the bank:" is about him.
_RELATIVE_AFTER = re.compile(r",\s*(?:" + "|".join(endings("comma_relatives")) + r")\b")
# A list item's number before a quote that fills the item: "22. "...""
_ITEM_NUMBER = re.compile(r"\d{1,3}[.)]")
# A heading: a line of at most this many words that does not end a sentence.
_HEADING_WORDS = 12
# A heading naming who speaks in the paragraph below it: "ADRIANA QUEVEDO: MI MAMI SE PARTÍA".
_CAPITALS_HEADING = re.compile(r"((?:[^\W\d_][^\s:]* ){1,3}[^\W\d_][^\s:]*):")
_CAPITALISED_PART = re.compile(r"[^\W\d_]+")
# Words of headings that name no one ("BREAKING NEWS:", "LIVE UPDATES:").
_HEADING_LABELS = word_set("heading_labels")
_SENTENCE_ENDS = frozenset('.!?:;"”’»«…)')
# How long a quote after a colon must be to be taken as speech rather than a title.
_COLON_SPEECH_WORDS = 10
# Adverbials that may open a sentence before its subject ("Sin embargo, Luna ...").
_OPENERS = word_set("openers")
# An age given after a name: "Emma Jackson, 28, moved".
_GIVEN_AGE = re.compile(r",\s*(\d{1,3}),")
# Roles that stand for a person given an age from 13 to 19 ("the teenager wrote").
_TEEN_ROLES = word_set("teen_roles")
_SENTENCE_END = re.compile(r"[.!?](?=[\s\"“”A-Z]|$)")
_CARRY_PARAGRAPHS = 2
_CARRY_SENTENCES = 3
# Reported speech in the subjunctive (German Konjunktiv I, the language's `subjunctive` list:
# "Die Nachfrage sei hoch") goes on reporting the last speaker, so a quote in such a sentence
# continues that speaker from further back.
_SUBJUNCTIVE_REACH = 2
# How far back (in characters) a pronoun may look for the person it stands for.
_PRONOUN_REACH = 1500
# Further back, a gendered pronoun takes only a person shown to be of its gender.
_FAR_PRONOUN_REACH = 4000
# How far back a role ("the general") may look for the person so described.
_ROLE_REACH = 6000


# How the rules found a quote's speaker (see `Attributor.decisions`).
STRATEGIES = ("cue", "byline", "verdict", "credit", "incise", "colon", "heading", "carry")


@dataclass(frozen=True)
class Decision:
    """The rules' speaker of one quote, the mention it came from and the strategy that found
    it; whether a pronoun or a role pointed to it, and the pronoun's gender."""

    speaker: str | None
    mention: Mention | None
    strategy: str
    pronoun: bool = False
    role: bool = False
    pronoun_gender: str | None = None


def _in_capitals(line: str) -> bool:
    """Is every letter of the line a capital (two words or more)?"""
    letters = [c for c in line if c.isalpha()]
    return len(line.split()) >= 2 and len(letters) >= 6 and all(c.isupper() for c in letters)


def _opening_pronoun(tokens: list[Token]) -> str | None:
    """The personal pronoun opening a sentence as its subject ("She lashed out", "Er weise
    ... zurück"); not German "Sie" before a plural verb ("Sie sagen": they, or polite you)."""
    if len(tokens) < 2 or (tokens[0].low not in _PRONOUN_GENDER and tokens[0].low != "sie"):
        return None
    following = tokens[1]
    if not following.text[:1].islower() or following.low in NOT_VERBS:
        return None
    if tokens[0].low == "sie":
        # Before a singular verb (or "selbst") German "Sie" is "she".
        return None if following.low.endswith("en") else "she"
    return tokens[0].low


class Attributor(CueFinder):
    """Finds speakers for the quote spans of one text."""

    def __init__(self, text: str, spans: list[Span], language: str | None) -> None:
        super().__init__(text, spans, language)
        self.genders = self._genders()
        subjunctive = self.rules.phrases("subjunctive")
        self._subjunctive = (
            re.compile(r"\b(?:" + "|".join(map(re.escape, subjunctive)) + r")\b")
            if subjunctive
            else None
        )
        self._reviewers: list[Mention] | None = None
        # Each person's mentions and describing words, by mention offset (built on first use).
        self._by_person: dict[str, list[Mention]] | None = None
        self._descriptions: dict[str, list[tuple[int, set[str]]]] = {}
        # Quotes whose cue is somebody unnamed ("a spokesman said"), by their opening mark.
        self._anonymous: set[int] = set()

    def speakers(self) -> list[str | None]:
        """The speaker of each span, in order (None when unknown)."""
        return [d.speaker for d in self.decisions()]

    def decisions(self) -> list[Decision]:
        """What the rules decide for each span, in order: the speaker and how it was found."""
        found: list[Decision] = []
        previous: Mention | None = None
        previous_span: Span | None = None
        for span in self.spans:
            mention: Mention | None
            if span.continued and previous_span is not None:
                found.append(found[-1])
                continue
            cue = self._cue(span)
            strategy = "cue"
            byline = self.names.starting_at(span.named_by[0]) if span.named_by else None
            if byline is not None:
                mention, strategy = byline, "byline"  # a pull quote's own attribution line
            elif cue is None and _VERDICT_LABEL.search(
                self.text, max(0, span.mark_start - _LABEL_REACH), span.mark_start
            ):
                mention, strategy = self._reviewer(span.mark_start), "verdict"
            elif cue is None and (credit := self._credit_line(span)) is not None:
                mention, strategy = credit, "credit"  # the quote, then "Larry Magid, Forbes"
            elif cue is None and (inside := self._incise(span)) is not None:
                # «Absurde, explique Antony Fastier, ...», «..., glisse-t-il ...»
                cue, strategy = inside, "incise"
                mention = self._resolve(inside, span, previous, previous_span)
            elif cue is None and (opener := self._colon_subject(span)) is not None:
                mention, strategy = opener, "colon"  # "Luna aprovechó ...: «...»"
            elif cue is None and (heading := self._heading_speaker(span)) is not None:
                mention, strategy = heading, "heading"  # "KARLA TARAZONA: ..." then "«...»"
            elif cue is None:
                mention, strategy = self._carry(span, previous, previous_span), "carry"
            else:
                mention = self._resolve(cue, span, previous, previous_span)
            if mention is not None and self.names.is_place(mention):
                mention = None  # "Greece said": a place never speaks, whatever the cue
            if mention is not None and self._common_noun(mention):
                mention = None  # "Weiter sagt er:", "... Flugzeuge verkauft": German nouns
            if cue is not None and cue.anonymous:
                self._anonymous.add(span.mark_start)
            wanted = _PRONOUN_GENDER.get(cue.pronoun or "") if cue is not None else None
            found.append(
                Decision(
                    self._name(mention, wanted) if mention is not None else None,
                    mention,
                    strategy,
                    pronoun=cue is not None and cue.pronoun is not None,
                    role=cue is not None and cue.role is not None,
                    pronoun_gender=wanted,
                )
            )
            if self._is_long(span):
                # A scare quote ('infidel') neither passes on nor breaks off a speaker.
                previous, previous_span = mention, span
        return found

    def _lead(self, span: Span) -> str:
        """What stands before the quote in its paragraph, stripped."""
        return self.text[self.text.rfind("\n", 0, span.mark_start) + 1 : span.mark_start].strip()

    def _opens_item(self, span: Span) -> bool:
        """Does the quote open a numbered list item ("22. "...")?"""
        return _ITEM_NUMBER.fullmatch(self._lead(span)) is not None

    def _credit_line(self, span: Span) -> Mention | None:
        """The name on the line after a quote that fills its own paragraph (or a numbered list
        item), or ending the quote's own line (after a dash, in brackets, before a
        social-media handle or alone), when it is only a credit: a name, perhaps after a dash
        and before ", an outlet or a role"."""
        lead = self._lead(span)
        if lead and _ITEM_NUMBER.fullmatch(lead) is None:
            return None  # narrative before the quote in its paragraph
        line = _TRAILING_CREDIT.match(self.text, span.mark_end)
        if line is not None:
            # The name ending the line, whatever describes it first ("Sänger und
            # Content-Creator Strify (@strify)"); a person's unless a handle vouches for it.
            end = line.start("name") + len(line.group("name").rstrip())
            named = self.names.ending_at(end)
            if named is not None and (line.group("handle") or self.names.is_person(named)):
                return named
        line = _BRACKET_CREDIT.match(self.text, span.mark_end)
        if line is None:
            line = _CREDIT.match(self.text, span.mark_end)
            if line is None or not (
                line.group("dash") or line.group("inline") or line.group("role")
            ):
                return None  # a bare name on its own line may be the next section's heading
        mention = self.names.starting_at(line.start("name"))
        # The whole credit is the name: not a masked handle ("Ali***") or a sentence.
        if mention is None or mention.end != line.start("name") + len(line.group("name").rstrip()):
            return None
        return mention

    def _incise(self, span: Span) -> Cue | None:
        """A tag inside the quotation marks, as French and Spanish set it: «Absurde. Ce
        processus est la norme, explique Antony Fastier, ...» -- a comma, a verb of saying and
        a person's name; or a verb with its pronoun («..., glisse-t-il lorsqu'on le croise»)."""
        tokens = self._tokens(span.start, span.end, quoted=True)
        for index in range(1, len(tokens)):
            if tokens[index - 1].text != ",":
                continue
            low = tokens[index].low
            if "-" in low and low.endswith(INVERTED_PRONOUN):
                verb, pronoun = low.split("-", 1)[0], low.rsplit("-", 1)[-1]
                if verb in SPEECH_VERBS:
                    return Cue(pronoun=pronoun)
            if low not in SPEECH_VERBS or index + 1 == len(tokens):
                continue
            mention = self.names.starting_at(tokens[index + 1].start)
            if mention is not None and self.names.is_person(mention):
                return Cue(mention=mention)
        return None

    def _colon_subject(self, span: Span) -> Mention | None:
        """A quote after a colon that ends a sentence about a person: "Sin embargo, Luna
        aprovechó la ocasión para atacar a los periodistas: «...»" -- the person who opens
        that sentence as its subject, or else is the subject of one of its clauses ("Wenn
        Helmut Kohl emotional wurde, erinnerte er sich ...:"), when no one else is named; with
        no one named, the person a role opening it describes ("Die Ministerin zeigte ...:")."""
        if not self.text[: span.mark_start].rstrip().endswith(":"):
            return None
        if len(self.text[span.start : span.end].split()) < _COLON_SPEECH_WORDS:
            return None  # "Hans hat ein Papier geschrieben: „10 Vorteile ...“" is a title
        sentence = self._sentence_at(self.text[: span.mark_start].rstrip().rfind(":"))
        if sentence is None:
            return None
        tokens = self._tokens(sentence.start, span.mark_start)
        people = self._people(sentence.start, span.mark_start)
        if not people and len(tokens) > 1 and tokens[0].low in ROLE_DETERMINERS:
            # "Die Ministerin zeigte sich offen für die Forderung:": the person so described.
            role = tokens[1].low
            return self._described(role, span.mark_start) if is_role(role) else None
        if len({self.names.fullest(m) for m in people}) != 1:
            return None
        while tokens and (not tokens[0].text[:1].isupper() or tokens[0].low in _OPENERS):
            tokens = tokens[1:]  # "Sin embargo, Luna ...": past the adverbial
            if tokens and tokens[0].text == ",":
                tokens = tokens[1:]
        opener = self._opening_subject(tokens)
        relative = _RELATIVE_AFTER.match(self.text, people[0].end)
        if opener is None and relative is None and self._is_subject(people[0]):
            # "Wenn Helmut Kohl emotional wurde, erinnerte er sich daran, ...:": the one
            # person named, as the subject of a clause of the sentence.
            return people[0]
        return opener

    def _name(self, mention: Mention, gender: str | None) -> str:
        """The fullest name of `mention`; when a short form is shared ("Christie") and a
        pronoun pointed to it ("he"), the one full name of that gender."""
        fullest = self.names.fullest(mention)
        if gender is None:
            return fullest
        fitting = [n for n in self.names.full_forms(mention) if self.genders.get(n) == gender]
        return fitting[0] if len(fitting) == 1 else fullest

    def _fits(self, mention: Mention, gender: str | None) -> bool:
        """Can a pronoun of `gender` stand for `mention`? Not for someone the article shows
        to be of the other gender; a shared short form fits if one of its people does."""
        if gender is None:
            return True
        known = self.genders.get(self.names.fullest(mention))
        if known is not None:
            return known == gender
        if self.names.first_name_only(mention):
            # "Eugenie" on her own: her first name shows who she is.
            named = first_name_gender(mention.core[0])
            if named is not None:
                return named == gender
        forms = self.names.full_forms(mention)
        return not forms or any(self.genders.get(n) in (None, gender) for n in forms)

    def _resolve(
        self, cue: Cue, span: Span, previous: Mention | None, previous_span: Span | None
    ) -> Mention | None:
        if cue.mention is not None:
            return cue.mention
        if cue.pronoun == DROPPED:
            return self._dropped_subject(span, previous, previous_span)
        if cue.pronoun is not None:
            at = cue.at if cue.at is not None else span.mark_start
            if previous_span is not None and previous_span.mark_end > at:
                previous, previous_span = None, None
            found = self._antecedent(cue.pronoun, at, previous, previous_span)
            if found is None and cue.outer is not None:
                # "She" fits nobody here: the words are reported by the outer speaker.
                return self._resolve(cue.outer, span, previous, previous_span)
            return found
        if cue.role == LATTER:
            people = self._people(max(0, span.mark_start - _PRONOUN_REACH), span.mark_start)
            pairs = [m for m in people if self.text[: m.start].rstrip().endswith(" and")]
            return pairs[-1] if pairs else None
        if cue.role is not None:
            # Only people named before the role word: "the 28-year-old says Mr Ray's ..."
            before = min(cue.at, span.mark_start) if cue.at is not None else span.mark_start
            if cue.role in ORGANISATION_ROLES:
                return self._organisation(before)
            role = ROLE_ALIASES.get(cue.role, cue.role)
            described = self._described(role, before)
            if described is None:
                # "die Familien- und Frauenministerin" after "Bundesministerin Susanne Raab":
                # a German compound role names the person by its head noun.
                heads = [t for t in TITLE_SUFFIXES if role.endswith(t) and t != role]
                if heads:
                    described = self._described(max(heads, key=len), before)
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
            return self._fits(mention, wanted)

        since = previous_span.mark_end if previous_span is not None else 0
        start = max(since, at - _PRONOUN_REACH)
        named = [m for m in self._people(start, at) if fits(m)]
        unnamed = [
            match.start()
            for match in _UNNAMED_OPENING.finditer(self.text, start, at)
            if wanted is None or _UNNAMED_GENDER[match.group(1)] == wanted
        ]
        if unnamed:
            # "Eine Frau kommt über die Brücke. ... Sie findet: „...“": the woman, unnamed.
            named = [m for m in named if m.start > unnamed[-1]]
            if not named:
                return None
        subjects = [m for m in named if self._is_subject(m)]
        # "Per Mertesacker says Klopp would ... [caption: Klopp chats ...] He said:" -- the
        # one last seen speaking outranks a later subject of anything else, unless that was
        # the tag of the last quote ('...," X told CNN.').
        tag = self._sentence_at(since - 1) if previous_span is not None else None
        speaking = [
            m
            for m in named
            if self._speaks(m) and self._sentence_at(m.start) != tag and not self._reported(m)
        ]
        if speaking:
            return self._newer_subject(speaking[-1], subjects) or speaking[-1]
        if subjects:
            return subjects[-1]
        if named:
            return named[-1]
        if (
            previous_span is not None
            and previous_span.mark_start in self._anonymous
            and self._near(previous_span, at)
        ):
            # "A government spokesman said ... 'unfair'. He added:" -- still the spokesman.
            return None
        if (
            previous is not None
            and self._near(previous_span, at)
            and (self.names.is_person(previous) or self._speaking_name(previous))
            and fits(previous)
        ):
            return previous
        earlier = [m for m in self._people(max(0, at - _PRONOUN_REACH), at) if fits(m)]
        if earlier or wanted is None:
            return earlier[-1] if earlier else None
        # Nobody named near: "she" may still reach back to the last woman named further up,
        # if the article shows her to be one.
        far = self._people(max(0, at - _FAR_PRONOUN_REACH), at)
        same = [m for m in far if self.genders.get(self.names.fullest(m)) == wanted]
        return same[-1] if same else None

    def _dropped_subject(
        self, span: Span, previous: Mention | None, previous_span: Span | None
    ) -> Mention | None:
        """The subject a Spanish verb leaves out ('"...", aseguró'): the last speaker, unless
        another person has since been the subject of a sentence; never a person named only
        as an object ("... del director general, Ricardo Yáñez. Y agregó:")."""
        since = previous_span.mark_end if previous_span is not None else 0
        start = max(since, span.mark_start - _PRONOUN_REACH)
        subjects = [m for m in self._people(start, span.mark_start) if self._is_subject(m)]
        if subjects:
            return subjects[-1]
        if previous is not None and self._near(previous_span, span.mark_start):
            return previous if self.names.is_person(previous) else None
        return None

    def _newer_subject(self, speaker: Mention, subjects: list[Mention]) -> Mention | None:
        """ "Bryan said the show was small. Jack O'Connell credits the team. '...,' he said":
        a person the text turns to as a subject after the one seen speaking, when that
        speaker's sentence did not name them (a caption about someone just mentioned
        does not count: "X says Klopp would ... Klopp chats ... He said")."""
        sentence = self._sentence_at(speaker.start)
        start = sentence.start if sentence else speaker.start
        # The sentence ends at its full stop even when the next one is glued on ("approach.Jack").
        stop = _SENTENCE_END.search(self.text, speaker.end)
        end = stop.end() if stop else len(self.text)
        named = {self.names.fullest(m) for m in self.names.between(start, end)}
        later = [
            m
            for m in subjects
            if m.start >= end and self.names.fullest(m) not in named | {self.names.fullest(speaker)}
        ]
        return later[-1] if later else None

    def _speaking_name(self, mention: Mention) -> bool:
        """A name the text never shows to be a person's but that says things, and is no
        body's or place's ("Simpson said"): a person a pronoun may go back to."""
        return (
            self._speaks(mention)
            and not self.names.is_organisation(mention)
            and not self.names.is_place(mention)
        )

    def _speaks(self, mention: Mention) -> bool:
        """Is the name directly followed by a verb of saying ("Mertesacker says")?"""
        following = self.text[mention.end : mention.end + 20].split()[:1]
        return bool(following) and following[0].lower().strip(",.:;") in SPEECH_VERBS

    def _reported(self, mention: Mention) -> bool:
        """Is the name the subject of words someone else in its sentence reports ("Irene Pring
        said Ms Ziuzina claimed ...")? A verb of saying comes before it in the same clause."""
        sentence = self._sentence_at(mention.start)
        start = sentence.start if sentence is not None else 0
        for token in reversed(self._tokens(start, mention.start)[-_REPORTED_REACH:]):
            if token.low in SPEECH_VERBS:
                return True
            if not token.text[:1].isalnum() or token.low in _CLAUSE_BREAKS:
                return False  # "responded to the editorial, but on Friday Mr Abbott said"
        return False

    def _reviewer(self, before: int) -> Mention | None:
        """A review's "VERDICT:" labels quote the person the article says gives or offers
        a verdict ("Here, Dr Bav Shergill, a consultant dermatologist, offers his verdict")."""
        if self._reviewers is None:
            self._reviewers = []  # found once per text: linear however many labels it has
            for match in _GIVES_VERDICT.finditer(self.text):
                sentence = self._sentence_at(match.start())
                start = sentence.start if sentence is not None else 0
                people = [m for m in self._people(start, match.start()) if self._is_subject(m)]
                if people:
                    self._reviewers.append(people[0])
        earlier = [m for m in self._reviewers if m.start < before]
        return earlier[-1] if earlier else None

    def _organisation(self, before: int) -> Mention | None:
        """ "the group said": the last organisation named as a subject shortly before ("Islamic
        State also claimed ..."); a place or a venue named in passing is not one."""
        for mention in reversed(self.names.between(max(0, before - _PRONOUN_REACH), before)):
            if self.names.is_organisation(mention) and self._acts(mention):
                return mention
        return None

    def _acts(self, mention: Mention) -> bool:
        """Is the name followed by its verb or a "which" clause ("Islamic State also claimed",
        "The Oxford Food Bank, which ...")? Not an object ("he told Channel Nine.")."""
        tail = self.text[mention.end : mention.end + 30]
        following = tail.split()[0] if tail.split() else ""
        before = [w.lower() for w in self.text[max(0, mention.start - 30) : mention.start].split()]
        if before[-1:] == ["the"]:
            before = before[:-1]
        if before[-1:] and before[-1] in PREPOSITIONS:
            return False  # "independent of the Trussell Trust network": an object
        if tail.startswith((", which", ", who")):
            return True
        return following[:1].islower() and following not in NOT_VERBS

    def _described(self, role: str, before: int) -> Mention | None:
        """The last person before `before` whose titles or description include `role`, at
        this mention or any earlier one of the same person ("Arbeitsrechtlerin Bürger" once,
        then "Bürger" for pages, then "die Arbeitsrechtlerin")."""
        for mention in reversed(self.names.between(max(0, before - _ROLE_REACH), before)):
            # German compounds: "die Ministerin" is the "Außenministerin".
            person = self.names.is_person(mention)
            if person and any(w.endswith(role) for w in self._roles_of(mention, before)):
                return mention
            if self._aged(mention, role):
                return mention
        return None

    def _roles_of(self, mention: Mention, before: int) -> set[str]:
        """The words that describe the person of `mention` anywhere before `before`."""
        if self._by_person is None:
            self._by_person = {}
            for other in self.names.mentions:
                self._by_person.setdefault(self.names.fullest(other), []).append(other)
        person = self.names.fullest(mention)
        if person not in self._descriptions:
            found = []
            for other in self._by_person.get(person, [mention]):
                text = " ".join(other.titles).lower() + " " + self._description(other, True)
                found.append((other.start, {w.strip(".,:;") for w in text.split()}))
            self._descriptions[person] = found
        words: set[str] = set()
        for start, described in self._descriptions[person]:
            if start < before:
                words |= described
        return words

    def _aged(self, mention: Mention, role: str) -> bool:
        """Is `role` an age ("28-year-old") given right after the name ("Emma Jackson, 28,"),
        or "teenager" for an age from 13 to 19 ("Jak Trueman, 15,")?"""
        given = _GIVEN_AGE.match(self.text, mention.end)
        if given is None:
            return False
        if role in _TEEN_ROLES:
            return 13 <= int(given.group(1)) <= 19
        age = AGE_ROLE.fullmatch(role)
        return age is not None and given.group(1) == age.group(1)

    def _description(self, mention: Mention, own: bool = False) -> str:
        """The words describing a name: "X, the deputy commander of ..., said" or "spokesman X";
        with `own`, none before an earlier name ("Sheriff O'Carroll reminded McGowan": the
        sheriff is not McGowan)."""
        start = max(0, mention.start - 40)
        earlier = self.names.between(start, mention.start) if own else []
        people = [m for m in earlier if self.names.is_person(m)]
        if people:
            start = people[-1].end  # "la ministra de Hacienda, X" is still X's
        before = self.text[start : mention.start].lower().split()[-3:]
        if "and" in before:
            # "Prince Harry and Meghan": the words before "and" describe someone else.
            before = before[len(before) - before[::-1].index("and") :]
        after = self.text[mention.end : mention.end + 120]
        # An appositive ends with a comma in the same sentence; anything else is a clause.
        close = after.find(",", 2)
        appositive = after[2:close] if after.startswith(", ") and close > 0 else ""
        if any(mark in appositive for mark in ".;:!?"):
            appositive = ""
        return " ".join(before) + " " + appositive.lower()

    def _carry(
        self, span: Span, previous: Mention | None, previous_span: Span | None
    ) -> Mention | None:
        """No cue: the previous speaker if no one else was named since, else a speaking subject.
        A quote opening a numbered list item ("23. "...") starts afresh."""
        reported = self._in_reported_speech(span)
        reach = _SUBJUNCTIVE_REACH if reported else 1
        if (
            previous is not None
            and previous_span is not None
            and self._near(previous_span, span.mark_start, reach)
            and not self._opens_item(span)
        ):
            between = [
                m
                for m in self.names.between(previous_span.mark_end, span.mark_start)
                if self.names.is_person(m)
                and m.core != previous.core
                and self._is_subject(m)
                and not self._quoted(m.start)
            ]
            if not between and (
                reported or not self._heading_between(previous_span.mark_end, span.mark_start)
            ):
                return previous
        sentence = self._sentence_at(span.mark_start)
        if sentence is None or sentence.index == 0:
            return None
        before = self.sentences[sentence.index - 1]
        if before.paragraph < sentence.paragraph - 1:
            return None
        tokens = self._tokens(before.start, before.end)
        cue = self._cue_before(tokens)
        if cue is None and not self._people(sentence.start, span.mark_start):
            # "Elton lashed out at the ball. 'Apparently we are the ones that sneer.'" (not when
            # the quote's own sentence names someone else first); "Sie selbst weise amtliche
            # Papiere zurück. «Ich spreche ...»": the person that opening pronoun stands for.
            pronoun = _opening_pronoun(tokens)
            if pronoun is not None and not self._quoted(tokens[0].start):
                return self._resolve(Cue(pronoun=pronoun), span, previous, previous_span)
            return self._opening_subject(tokens)
        if cue is None:
            return None
        if cue.unknown:
            return None
        # "Scott says she showed him what he described as propaganda. 'She showed ...'"
        return self._resolve(cue, span, previous, previous_span)

    def _heading_speaker(self, span: Span) -> Mention | None:
        """The person a heading names in capitals before a colon, when the quote opens the
        paragraph right after it ("JANET BARBOZA: ME CAYÓ RICO CON UNA CHANCLETA", then
        "“De niña ...”"): a name of two to four words, none of them a word the text writes
        in lower case ("BREAKING NEWS:" is no name), nor a heading's own word."""
        if self._lead(span):
            return None
        before = self.text[: span.mark_start].rstrip()
        start = before.rfind("\n") + 1
        line = before[start:]
        heading = _CAPITALS_HEADING.match(line)
        if heading is None or len(line.split()) > _HEADING_WORDS or line[-1] in _SENTENCE_ENDS:
            return None
        words = heading.group(1).split()
        if not all(w.isupper() for w in words):
            return None
        if any(self.names.written_lower(w) or w.lower() in _HEADING_LABELS for w in words):
            return None
        core = tuple(_CAPITALISED_PART.sub(lambda m: m.group(0).capitalize(), w) for w in words)
        return Mention(start, start + len(heading.group(1)), core, (), ())

    def _heading_between(self, start: int, end: int) -> bool:
        """Is there a heading between two quotes (a short paragraph with no sentence end,
        "KARLA TARAZONA: POR SER FAN ENAMORADA, ME CASTIGARON")? A new section may quote
        someone new, so the last speaker does not carry over it."""
        for line in self.text[start:end].split("\n")[1:-1]:
            words = line.split()
            if 0 < len(words) <= _HEADING_WORDS and (
                line.rstrip()[-1] not in _SENTENCE_ENDS or _in_capitals(line)
            ):
                return True
        return False

    def _opening_subject(self, tokens: list[Token]) -> Mention | None:
        """The person a sentence opens with, when a verb follows the name."""
        mention = self.names.starting_at(tokens[0].start) if tokens else None
        if mention is None or not self.names.is_person(mention):
            return None
        following = next((t for t in tokens if t.start >= mention.end), None)
        if following is None or not following.text[:1].islower() or following.low in NOT_VERBS:
            return None
        return mention

    def _near(self, previous_span: Span | None, at: int, reach: int = 1) -> bool:
        """Is the previous quote close enough (in paragraphs and sentences, times `reach`) to
        carry over?"""
        if previous_span is None:
            return False
        if previous_span.mark_end < self._paragraph_start(at, _CARRY_PARAGRAPHS * reach):
            return False
        here, there = self._sentence_at(at), self._sentence_at(previous_span.mark_end - 1)
        if here is None or there is None:
            return True
        return here.index - there.index <= _CARRY_SENTENCES * reach

    def _in_reported_speech(self, span: Span) -> bool:
        """Does the text report speech in the subjunctive, outside the quotation marks, in the
        quote's sentence or the one before ("Die Dekarbonisierung sei "eine weite Reise"",
        "Nahrung gehe vor, der Rohstoff müsse auf den Teller. "...")?"""
        sentence = self._sentence_at(span.mark_start)
        if self._subjunctive is None or sentence is None:
            return False
        start = self.sentences[sentence.index - 1].start if sentence.index else sentence.start
        found = self._subjunctive.finditer(self.text, start, sentence.end)
        return any(not self._in_quote(match.start()) for match in found)

    def _genders(self) -> dict[str, str]:
        """Each person's gender where the article shows it: by "Mr"/"Ms", a common first name
        or a description ("the 34-year-old mother"), which decide when they agree; else by the
        pronouns in sentences where that person is the only one named (weaker: a reported
        sentence about someone else is full of "her" and "she")."""
        shown: dict[str, set[str]] = {}
        votes: dict[str, list[int]] = {}
        people = [m for m in self.names.mentions if self.names.is_person(m)]
        by_sentence: dict[int, list[Mention]] = {}
        for mention in people:
            sentence = self._sentence_at(mention.start)
            if sentence is not None:
                by_sentence.setdefault(sentence.index, []).append(mention)
        for mention in people:
            name = self.names.fullest(mention)
            if len(name.split()) == 1 and self.names.full_forms(mention):
                continue  # "Mrs Christie" of two Christies: her "Mrs" is not his
            title = mention.titles[-1].lower().rstrip(".") if mention.titles else ""
            evidence = (
                MALE if title in _MALE_TITLES else FEMALE if title in _FEMALE_TITLES else None,
                first_name_gender(mention.core[0]) if len(mention.core) >= 2 else None,
                described_gender(self._description(mention).split()),
            )
            shown.setdefault(name, set()).update(g for g in evidence if g is not None)
            tally = votes.setdefault(name, [0, 0])
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
        genders = {
            name: MALE if m > f else FEMALE
            for name, (m, f) in votes.items()
            if max(m, f) >= 2 * min(m, f) + 1
        }
        for name, found in shown.items():
            if len(found) == 1:
                genders[name] = found.pop()
            elif found:
                genders.pop(name, None)  # "Mr" and "Mary": the article is not clear
        return genders
