"""Names in an article and their fullest forms ("Gedney" -> "Major General Felix Gedney").

A name is a run of capitalised words (with initials and particles such as "al-", "van", "de");
leading title words are split off ("US Defense Secretary Jim Mattis" is the name "Jim Mattis"
with titles "US Defense Secretary"), keeping ranks and forms of address for display. Only
names that occur in the article are ever returned, so a quote cannot be credited to someone
the article does not name.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from summarizers.quotes.gender import first_name_gender
from summarizers.quotes.language import endings, pairs, rules_for, word_set
from summarizers.quotes.lexicon import (
    EVENTS,
    HONORIFICS,
    NATIONALITIES,
    NOT_NAMES,
    NOT_VERBS,
    ORGANISATION_WORDS,
    PERSONAL_TITLES,
    PLACE_PREFIXES,
    PLACES,
    PREPOSITIONS,
    RANKS,
    ROLES,
    TITLE_SUFFIXES,
    TITLES,
    is_role,
)

_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
_ABBREVIATION = (
    r"(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Maj|Lt|Col|Capt|Sgt|Adm|Gov|Sen|Rep|Prof|Rev|Brig|Cmdr|Mme)\."
)
# A lower-case syllable after a hyphen in a given name ("Kim Jong-un", "Moon Jae-in"), not a
# suffix ("US-led", "Paris-based").
_SYLLABLE = r"(?!led\b|run\b|old\b|era\b|age\b|war\b)[a-z]{2,3}\b"
_WORD = (
    rf"(?:{_ABBREVIATION}|[{_UPPER}]\.(?:[{_UPPER}]\.)*"
    rf"|(?:al-|el-|ad-|as-|abu-|bin-|d['’])?[{_UPPER}][\w'’]*(?:-[{_UPPER}][\w'’]*|-{_SYLLABLE})*"
    rf"(?![\w-])"
    # A lone capital ("Nurse A"), not the first letter of a cut compound ("Familien- und").
    rf"|[{_UPPER}](?![\w-]))"
)
# "der", "den" and "das" are German articles ("erklärt Döring den Prozess") except after
# "van" or "von" ("Ursula von der Leyen").
_PARTICLE = (
    r"(?:(?:van|von) de[rn]?|de|da|di|del|della|van|von|zu|du|le|la|bin|ibn|al|el|dos|y|ter)"
)
# A name starts after a non-word character or, where page furniture lost a space, right after
# a lower-case word ("correspondentTheresa May", "Copy this linkJak Trueman"); "iPhone" and
# "eBay" are too short to be such a word, and "McDonald" is matched from its first capital.
_PHRASE = re.compile(
    rf"(?:(?<![\w'’-])|(?<=[a-z]{{3}})){_WORD}(?:[ \u00a0](?:{_PARTICLE}[ \u00a0])*{_WORD})*"
)
# A nickname in quotation marks between first and last name: Lee 'Uncle Poodle' Thompson.
_NICKNAME = re.compile(
    rf"\b([{_UPPER}][\w'’-]+) ['‘\"“]([{_UPPER}][\w-]*(?: [{_UPPER}][\w-]*){{0,2}})['’\"”] "
    rf"([{_UPPER}][\w'’-]+)"
)
# A first name an editor put in brackets inside a quote: "Coach (Frank) Vogel came in".
_BRACKETED_FIRST = re.compile(rf"\(([{_UPPER}][\w'’-]+)\) ([{_UPPER}][\w'’-]+)")
_AGE = re.compile(r",\s*\d{1,3},")
# How pet forms of first names end ("Danni", "Danny", "Freddie").
_PET_ENDINGS = endings("pet_endings")
# A body's name over connecting words (see `_long_bodies`).
_CONNECTOR = re.compile(r" (and|&|for|of the|of|on) ")
_BODY_CHAIN = re.compile(
    rf"(?<![\w'’-]){_WORD}(?: {_WORD})*(?: (?:and|&|for|of the|of|on) {_WORD}(?: {_WORD})*)+"
)
# Spanish articles that are part of a name after "de" ("Periodistas de El Salvador").
_NAMED_ARTICLES = word_set("named_articles")
# Particles that are written with a capital inside a name, and would otherwise end it.
_CAPITAL_PARTICLES = word_set("capital_particles")
# Pronouns inside a capitalised phrase make it a title, not a name.
_TITLE_PRONOUNS = word_set("title_pronouns")
_SUFFIXES = word_set("suffixes")
_POSSESSIVE = re.compile(r"['’]s?$")
_SPLIT_AFTER = ORGANISATION_WORDS | PLACES | EVENTS
# Last words that make a name a place, an event or a law unless a first name comes before
# them: "New Delhi", "Anzac Day", "St James's Palace", "the Scotland Bill", but "Jason Day",
# "Jerry Hall".
_PLACE_ENDINGS = PLACES | EVENTS | word_set("place_endings")
# Nouns after a name that make it a work's or a programme's title ("Good Morning Ulster
# programme"), not a person's.
_WORK_NOUNS = word_set("work_nouns")
# Months that are also surnames.
_MONTH_SURNAMES = word_set("month_surnames")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z-]*\b")
_CAPITAL_WORD = re.compile(rf"(?<![\w'’-])[{_UPPER}][\w-]*")
_AFTER_PREPOSITION = [[w] for w in PREPOSITIONS]
# Forms of address that show a gender ("Mr Robertson" is not Summer Robertson).
_TITLE_GENDER = pairs("title_gender")
# Forms of address that show no gender but only go with a person (others, such as "Prof", are
# not in NOT_NAMES and stay in the name's run anyway).
_NEUTRAL_ADDRESS = word_set("neutral_address")
# A lower-case article particle glued to a name word ("al-Mekdad", "el-Sisi", "bin-Laden").
_ARTICLE_PARTICLE = re.compile(r"^(?:al|el|ad|as|ash|ar|an|at|bin)-(?=[^\W\d_])")
# How far back (in characters) a bare surname may take the full name it follows.
_RECENT_REACH = 400
# How far after a lone name a pronoun may show it to be a person's.
_SHOWN_REACH = 60
_LAST_WORD = re.compile(r"([\w-]+)\s+$")
_AFTER_WORD = re.compile(r"[\w,]\s+$")  # a word or comma before: inside a sentence
_OPENINGS_OF_A_NAME = 3
# German determiners: a capitalised word right after one ("der Teilnehmer", "ihr Ehemann") is
# a common noun, not a name; after a comma the word may open a relative clause instead
# (", die Renato geben musste"), so such matches do not count.
_GERMAN_DETERMINERS = list(endings("noun_determiners"))
_GERMAN_NOUN = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(_GERMAN_DETERMINERS + [d.capitalize() for d in _GERMAN_DETERMINERS])
    + rf")\s+([{_UPPER}][\w-]+)"
)


# German words that open a noun phrase, capitalised only at a sentence's start ("Weitere
# Informationen", "Solche Leute", "Zweiter Akt", "Sexuelle Vorlieben", "Mangelnde
# Wertschätzung"): determiners, ordinals, and adjectives by their endings, inflected;
# and numbers ("Zwei Kilometer weiter", "Zehntausend Zuhörer").
def _either(name: str) -> str:
    return "|".join(endings(name))


_GERMAN_ADJECTIVE = re.compile(
    rf"(?:{_either('adjective_stems')}|\w+(?:{_either('adjective_suffixes')}))"
    rf"(?:{_either('adjective_inflections')})"
    rf"|(?:{_either('number_words')}|\w*(?:{_either('number_endings')}))"
)
# A German compound this long before a name describes the person ("Tagessieger").
_LONG_COMPOUND = 11
# Endings of German compound nouns that name a body ("Caritasverband", "Bundeskriminalamt").
_GERMAN_BODY_ENDINGS = endings("german_body_endings")
# Words after which capitalised words are a title's complement ("diputado de Convergencia
# Social Diego Ibáñez").
_COMPLEMENT_WORDS = word_set("complement_words")
# "Sonya A. Zoghlin": a middle initial, not the article "a".
_INITIAL = re.compile(r"^[A-Z]\.$")
# "I've", "We’re", "It's": a pronoun and a verb, never a name.
_PRONOUN_CONTRACTION = re.compile(r"^(?:I|You|We|They|He|She|It|That|There)['’][a-z]{1,2}$")
_CONJUNCTIONS = word_set("names_conjunctions")
_DETERMINERS = word_set("determiners")
_PERSONAL_PRONOUN = re.compile(r"\b(?:he|she|his|her|him)\b")


@dataclass(frozen=True)
class Mention:
    """One occurrence of a name: `core` words (no titles) at `start:end` of the text."""

    start: int
    end: int
    core: tuple[str, ...]
    ranks: tuple[str, ...]
    titles: tuple[str, ...]

    @property
    def is_person(self) -> bool:
        """Probably a person rather than an organisation or a place, on its own evidence."""
        for word in self.core:
            if word.lower() in ORGANISATION_WORDS or (word.isupper() and word.isalpha()):
                return False  # "Home Office", "SNP", "FBI"
        if self.core[-1].lower() in _PLACE_ENDINGS and first_name_gender(self.core[0]) is None:
            return False
        if len(self.core) >= 2 and self.core[0].lower() in PLACE_PREFIXES:
            return False  # "New Hampshire", "South Africa", "San Diego"
        return len(self.core) >= 2 or any(_addresses(t) for t in self.titles[-1:])


def _addresses(title: str) -> bool:
    """A form of address or title that only goes with a person ("Mr", "Dr.", "Gen.",
    "Prince", "President")."""
    return title.endswith(".") or title.lower() in HONORIFICS or title.lower() in PERSONAL_TITLES


def is_title(word: str) -> bool:
    """A title or descriptor that can stand before a name ("Secretary", "Maj.",
    "Außenministerin", "Scientologist")."""
    low = word.lower().rstrip(".")
    # "Minister-Councillor", "Secretary-General": a hyphenated title ends in a title word.
    last = low.rsplit("-", 1)[-1]
    return (
        low in TITLES
        or ("-" in low and last in TITLES)
        or word.lower() in TITLES
        or low.endswith(TITLE_SUFFIXES)
        or (len(low) > 5 and low.endswith("ist"))
    )


def _mentions(match: re.Match[str]) -> list[Mention]:
    """The names in one capitalised phrase, split at words that are not names ("While") and
    after an organisation ("United Nations Samantha Power"); none in a title ("I Will Never
    Let You Down")."""
    words: list[tuple[str, int]] = []
    pos = match.start()
    for word in match.group(0).replace("\u00a0", " ").split(" "):
        words.append((word, pos))
        pos += len(word) + 1
    inner = [w.lower() for w, _ in words[1:-1]]
    if any(w in _TITLE_PRONOUNS for w in inner):
        return []
    found = []
    run: list[tuple[str, int]] = []
    # "Korean Central News Agency": a nationality opens a body's name, not a new name.
    body = words[-1][0].lower() in ORGANISATION_WORDS
    for index, (word, start) in enumerate(words):
        middle = 0 < index < len(words) - 1
        if body and word.lower() in NATIONALITIES and index < len(words) - 1:
            run.append((word, start))
            continue
        if middle and word.lower() in _CAPITAL_PARTICLES:
            run.append((word, start))  # "Marine Le Pen", "Paco De Lucía"
        elif middle and word in _NAMED_ARTICLES and run and run[-1][0] == "de":
            # "de El Salvador": Spanish writes "del" but for a name that holds its article.
            run.append((word, start))
        elif (
            index < len(words) - 1
            and _POSSESSIVE.search(word)
            and word[-1:] in "sS"
            and words[index + 1][0].lower() not in ORGANISATION_WORDS  # "People's Daily"
        ):
            # "the SNP's Nicola Sturgeon", "Labour's Jim Murphy": the owner is not her name.
            found.extend(_mention([*run, (word, start)]))
            run = []
        elif word.lower().strip(".") in _TITLE_GENDER and word.lower() not in RANKS:
            # "Mr Robertson": the form of address starts a name and stays as its title (its
            # gender tells "Mr Robertson" from "Miss Robertson"); not shown, unlike a rank.
            found.extend(_mention(run))
            run = [(word, start)]
        elif word.lower().strip(".") in _NEUTRAL_ADDRESS:
            # "Dr Venter": a form of address without gender starts a name too, and stays as
            # its title (not shown, like "Mr"), so the name is a person's.
            found.extend(_mention(run))
            run = [(word, start)]
        elif (
            (word.lower().strip(".") in NOT_NAMES and not (middle and _INITIAL.match(word)))
            or _PRONOUN_CONTRACTION.match(word)
        ) and not _surname_after_first_name(run, word):
            found.extend(_mention(run))
            run = []
        elif index == 0 and len(words) > 1 and _opening_participle(match, word):
            run = []  # "Hosting Cook at Dreamforce, Benioff said": not a first name
        else:
            run.append((word, start))
    found.extend(_mention(run))
    return found


def _opening_participle(match: re.Match[str], word: str) -> bool:
    """Is `word` an "-ing" word opening a sentence ("Hosting Cook at ...", "Speaking to
    reporters") rather than a first name?"""
    if len(word) < 6 or not word.endswith("ing") or first_name_gender(word) is not None:
        return False
    before = match.string[max(0, match.start() - 3) : match.start()].rstrip()
    return not before or before[-1] in '.!?"”’\n'


def _surname_after_first_name(run: list[tuple[str, int]], word: str) -> bool:
    """ "Theresa May", "Elaine May", "Mrs May": a month after a known first name or a form
    of address is a surname."""
    if word not in _MONTH_SURNAMES or not run:
        return False
    before = run[-1][0]
    return first_name_gender(before) is not None or before.lower().rstrip(".") in HONORIFICS


def _split_organisation(mention: Mention, surnames: dict[str, set[str]]) -> Mention:
    """ "United Nations Samantha Power", "Australia Natalia Moon", "White Hart Lane Sherwood"
    (captions glued to the text): the person after the organisation's or place's name, when
    that is a full name or the surname of someone named in full elsewhere."""
    core = mention.core
    last_org = max((i for i, w in enumerate(core) if w.lower() in _SPLIT_AFTER), default=-1)
    rest = core[last_org + 1 :]
    if rest and rest[0].islower():
        return mention  # "Commission for Racial Equality" is one body
    # A lone surname only if someone else has it: "Tim Sherwood", but "Lane Kiffin" is one.
    known = len(rest) == 1 and bool(surnames.get(rest[0], set()) - set(core))
    if last_org < 0 or not (len(rest) >= 2 or known):
        return mention
    offset = len(" ".join(core[: last_org + 1])) + 1
    return Mention(mention.start + offset, mention.end, rest, (), ())


def _glued_surname(core: tuple[str, ...], surnames: dict[str, set[str]], alone: set[str]) -> bool:
    """ "... against Valencia Enrique said": a word the text also names on its own after a
    preposition ("against Valencia"), which is no first name, before the surname of someone
    named in full (Luis Enrique) is a caption or sentence run into that surname."""
    if len(core) != 2 or core[0] not in alone or first_name_gender(core[0]) is not None:
        return False
    return bool(surnames.get(core[1], set()) - {core[0]})


def _split_repeats(mention: Mention) -> list[Mention]:
    """ "look after John John set up": a word repeated is two names run together."""
    core = mention.core
    cut = next((i for i in range(1, len(core)) if core[i] == core[i - 1]), None)
    if cut is None:
        return [mention]
    first = Mention(mention.start, mention.start + len(" ".join(core[:cut])), core[:cut], (), ())
    start = mention.start + len(" ".join(core[:cut])) + 1
    second = Mention(start, mention.end, core[cut:], (), ())
    return [first, *_split_repeats(second)]


def _mention(words: list[tuple[str, int]]) -> list[Mention]:
    """The name at the end of a run of capitalised words, after any titles."""
    core_start = len(words)
    while core_start > 0 and not is_title(words[core_start - 1][0]):
        core_start -= 1
    while core_start < len(words) and words[core_start][0][:1].islower():
        core_start += 1  # a particle cannot start a name
    if core_start == len(words):
        # Only title words: a name only if it ends in one ("B.B. King", "Stephen King"),
        # from the first word of the run of name words before it ("Billie Jean King").
        named = [i for i, (w, _) in enumerate(words) if not is_title(w)]
        if not named:
            return []
        core_start = named[-1]
        while core_start > 0 and core_start - 1 in named:
            core_start -= 1
    # The mention ends after any suffix, so "Simon Farrell QC, told" still ends at its comma.
    end = words[-1][1] + len(_POSSESSIVE.sub("", words[-1][0]))
    while len(words) - core_start > 1 and words[-1][0].rstrip(".").lower() in _SUFFIXES:
        words = words[:-1]  # "Kenneth Morgan Stancil III" is called "Stancil"
    core = [w for w, _ in words[core_start:]]
    core[-1] = _POSSESSIVE.sub("", core[-1])
    if not core[-1] or (core[-1].lower() in NOT_NAMES and core[-1] not in _MONTH_SURNAMES):
        return []
    titles = tuple(w for w, _ in words[:core_start])
    if len(core) == 1 and core[0].lower() in ORGANISATION_WORDS and titles:
        # "State Department", "Home Office": an organisation keeps the words before it.
        core, titles, core_start = [w for w, _ in words[:core_start]] + core, (), 0
    ranks: list[str] = []
    for word in reversed(titles):
        if word.lower() not in RANKS or word.lower().rstrip(".") in _NEUTRAL_ADDRESS:
            break
        ranks.insert(0, word)
    return [Mention(words[core_start][1], end, tuple(core), tuple(ranks), titles)]


def _long_bodies(text: str) -> list[Mention]:
    """Names of bodies that run over "and", "for", "of" or "on": "Maritime and Coastguard
    Agency", "Department for Communities and Local Government", "Commission for Racial
    Equality". A body word must end the first part ("Department for ...") or, across "and",
    the last part; the name stops before a first name or a title ("the Department of Health
    and John Smith", "Bank of England Governor Mark Carney")."""
    found = []
    for match in _BODY_CHAIN.finditer(text):
        pieces = _CONNECTOR.split(match.group(0))
        parts, joins = [p.split(" ") for p in pieces[::2]], pieces[1::2]
        if parts[0][0] == "The":
            parts[0] = parts[0][1:]
        kept: list[list[str]] = []
        for part in parts:
            cut = next((i for i, w in enumerate(part) if first_name_gender(w) or is_title(w)), None)
            if kept and cut is not None:
                if cut:
                    kept.append(part[:cut])
                break
            kept.append(part)
        if len(kept) < 2 or not kept[0]:
            continue
        last = _POSSESSIVE.sub("", kept[-1][-1]).lower()
        if joins[0] in ("and", "&"):
            body = last in ORGANISATION_WORDS and first_name_gender(kept[0][0]) is None
        else:
            body = kept[0][-1].lower() in ORGANISATION_WORDS
        if not body:
            continue
        words = [w for i, part in enumerate(kept) for w in ([joins[i - 1]] if i else []) + part]
        words[-1] = _POSSESSIVE.sub("", words[-1])
        start = match.start() + match.group(0).index(kept[0][0])
        found.append(Mention(start, start + len(" ".join(words)), tuple(words), (), ()))
    return found


def _described_as(word: str) -> bool:
    """Is `word` a German description of a person before a first name ("Bloggerin Maria
    Sedgwick", "Meditationslehrer Kai Meinig"): no first name itself, but a noun of
    occupation (a female form in "-in" or a compound with a hyphen or of ten letters)?"""
    if not word[:1].isupper() or any(map(first_name_gender, word.split("-"))):
        return False  # "Karl-Theodor" is a first name
    return word.endswith("in") or "-" in word or len(word) >= 10


def _opens_phrase(word: str) -> bool:
    """Is `word` a German determiner or adjective, capitalised because it opens a sentence?"""
    return _GERMAN_ADJECTIVE.fullmatch(word.lower()) is not None and not first_name_gender(word)


def _body_after(core: tuple[str, ...]) -> int | None:
    """Where "von" ("von der") in a German run leads to a body rather than a surname ("Michael
    Sander von der ETH Zürich", "Anna Weber vom Umweltbundesamt"): an acronym or a name with
    an organisation word or a body's ending."""
    for i in range(1, len(core) - 1):
        if core[i] not in ("von", "vom"):
            continue
        rest = core[i + 1 :]
        while rest and rest[0] in ("der", "dem", "den", "des"):
            rest = rest[1:]
        if rest and (rest[0].isupper() or _is_body(rest) or _ends_like_body(rest[0])):
            return i
    return None


def _ends_like_body(word: str) -> bool:
    """Does a German word end like a body's compound ("Umweltbundesamt")?"""
    low = word.lower()
    return any(len(low) > len(end) + 2 and low.endswith(end) for end in _GERMAN_BODY_ENDINGS)


@dataclass(frozen=True)
class _GermanWords:
    """What a German text shows about its capitalised words: the nouns it puts after an
    article, the first names of each surname it names in full, and its lower-case words."""

    nouns: set[str]
    full: dict[str, set[str]]
    lower: set[str]
    # The first words of the runs that end in each last word ("" for the word on its own).
    heads: dict[str, set[str]]

    def name_in(
        self, core: tuple[str, ...], titles: tuple[str, ...]
    ) -> tuple[int, int, tuple[str, ...]] | None:
        """The name words of a run, as `core[first:last]` with the titles they keep; None when
        the run is no name at all ("ein Teilnehmer", "Mehr Frauen")."""
        bounds = self._bounds(core)
        if bounds is None:
            return None
        first, last, cut = bounds
        first, titles = self._past_descriptions(core, first, last, () if cut else titles)
        if last - first > 1 and self._surname_alone(core[first]):
            last = first + 1  # "an Relotius Punkte an" beside "Claas Relotius"
        while last - first > 1 and core[last - 1] in self.nouns and not core[last - 2].islower():
            last -= 1  # "Földényi Begriffe", not "von der Leyen"
        if self._no_name(core, core[first:last], titles):
            return None
        return first, last, titles

    def _bounds(self, core: tuple[str, ...]) -> tuple[int, int, bool] | None:
        """Where the name may start and end in the run, and whether a preposition cut it: past
        an adjective opening a sentence, a preposition or a genitive, and before a body."""
        first, last = 0, len(core)
        if len(core) > 1 and _opens_phrase(core[0]) and not _is_body(core):
            first = 1  # "Weitere Informationen": an adjective opening a sentence
        cut = self._preposition(core)
        if cut is not None:
            first = cut + 1
            while first < last and core[first].islower():
                first += 1  # "von den Dreharbeiten"
            if first == last:
                return None
        body = _body_after(core)
        if body is not None and body > first:
            last = body  # "Michael Sander von der ETH Zürich": the person, then the body
        if last - first > 1 and self._genitive(core[first]):
            first += 1  # "von Daniels Gesicht", "Merkels Sprecher Steffen Seibert"
        return first, last, cut is not None

    def _past_descriptions(
        self, core: tuple[str, ...], first: int, last: int, titles: tuple[str, ...]
    ) -> tuple[int, tuple[str, ...]]:
        """The start of the name past the words describing the person, and the titles with
        them ("Ehemann Oliver Pocher", "Tagessieger Lindvik", "Entrepreneurin Susann
        Hoffmann")."""
        if len(core) == 2 and self._describes(core[0], core[1]):
            titles, first = (*titles, core[0]), 1  # "Dokumentar Geicke", "Dr. André Geicke"
        elif last - first > 1 and self._labels(core[first], core[last - 1]):
            titles, first = (*titles, core[first]), first + 1  # "Tagessieger Lindvik"
        while last - first > 1 and first_name_gender(core[first + 1]):
            if not (core[first] in self.nouns or _described_as(core[first])):
                break
            titles, first = (*titles, core[first]), first + 1  # "Ehemann Oliver Pocher"
        # "Entrepreneurin Susann Hoffmann", "Mental Health-Bloggerin Lisa Breuer": a
        # description before two names, the first name one the lists may lack.
        describer = last - 3
        if (
            describer >= first
            and _described_as(core[describer])
            and core[describer + 1][:1].isupper()
            and not self.nouns & set(core[describer + 1 : last])
        ):
            titles, first = (*titles, *core[first : describer + 1]), describer + 1
        return first, titles

    def _no_name(
        self, core: tuple[str, ...], name: tuple[str, ...], titles: tuple[str, ...]
    ) -> bool:
        """Are the words left no name at all?"""
        if len(name) == 1 and name[0] in self.nouns and not titles:
            return True  # "ein Teilnehmer", "das Thema"
        lower_word = name[0].lower() in self.lower and first_name_gender(name[0]) is None
        if len(name) == 2 and not titles and lower_word:
            return True  # "Mehr Frauen", "Einige Stunden": a word also in lower case
        if len(name) == 2 and not titles and not _is_body(name) and self._noun_before(*name):
            return True  # "eine Flasche Korn": a noun, then a word named nowhere else
        # "die Stuttgarter Sportdirektorin": a description, not a name
        return is_role(name[-1].lower()) and not any(map(first_name_gender, core))

    def _describes(self, word: str, surname: str) -> bool:
        """Is `word` a description before a surname the text names in full with another first
        word ("Dokumentar" in "Dokumentar Geicke" beside "Dr. André Geicke")?"""
        firsts = self.full.get(surname)
        return firsts is not None and word not in firsts and first_name_gender(word) is None

    def _noun_before(self, noun: str, word: str) -> bool:
        """Is `noun` one the text puts after an article, and no title, before a `word` that is
        no first name and that the text names nowhere else ("Flasche Korn")?"""
        return (
            noun in self.nouns
            and not is_title(noun)
            and first_name_gender(word) is None
            and word not in self.full
            and self.heads.get(word) == {noun}
        )

    def _surname_alone(self, word: str) -> bool:
        """Is `word` a surname the text names in full elsewhere, here without its first name,
        so that the capitalised words after it are no part of the name?"""
        return word in self.full and first_name_gender(word) is None

    def _genitive(self, word: str) -> bool:
        """Is `word` a name in the genitive ("Daniels", "Merkels", "Relotius'"): a first name,
        or a last word the text names, with an "s" (an apostrophe after a final s)?"""
        name = word[:-1]
        if word.endswith(("'", "’")):
            return name.endswith("s") and name in self.heads
        return word.endswith("s") and (first_name_gender(name) is not None or name in self.heads)

    def _labels(self, word: str, surname: str) -> bool:
        """Is `word` a description before a name that the text also gives without it
        ("Tagessieger Lindvik" beside "Lindvik", "Content-Creator Strify" beside "(Strify)")?
        Only a noun the text puts after an article, a long compound or a hyphenated one
        that is no first name ("Hans-Peter"), and no body ("Polizeipräsidium")."""
        if not self.heads.get(surname, set()) - {word} or surname in self.nouns:
            return False
        parts = word.split("-")
        if any(map(first_name_gender, parts)) or _ends_like_body(word):
            return False
        return word in self.nouns or len(word) >= _LONG_COMPOUND or len(parts) > 1

    def _preposition(self, core: tuple[str, ...]) -> int | None:
        """Where a lower-case word in the run is a preposition, not a name particle: after a
        noun, or before a first name or a surname named in full ("Trennung von Danni
        Büchner", "Liebe zu Ennesto Monté", "Sicht von Diess")."""
        for i in range(1, len(core) - 1):
            if not core[i].islower():
                continue
            after_noun = core[i - 1] in self.nouns
            before_name = first_name_gender(core[i + 1]) is not None
            if after_noun or before_name or (i == len(core) - 2 and core[-1] in self.full):
                return i
        return None


class NameIndex:
    """Every name mention of a text, for finding a mention and its fullest form."""

    def __init__(self, text: str, language: str | None = None) -> None:
        self._text = text
        # German capitalises every noun: "seinen Nachfolger Weikert" is no first name.
        rules = rules_for(language)
        self.nouns_capitalised = rules.has("capitalised-nouns")
        # Spanish and Portuguese names often carry two surnames, the second often left out.
        self._two_surnames = rules.has("two-surnames")
        # The words the text writes in lower case (several rules ask whether a name is one).
        self._lower_words = set(_LOWER_WORD.findall(text))
        self.mentions: list[Mention] = []
        bare: list[re.Match[str]] = []
        bodies = _long_bodies(text)
        self.mentions.extend(bodies)
        for match in self._phrases(bodies):
            found = _mentions(match)
            self.mentions.extend(found)
            if not found and " " not in match.group(0):
                bare.append(match)
        # A lone title word that is someone's surname here ("King said", after "B.B. King").
        surnames = {m.core[-1] for m in self.mentions if len(m.core) > 1}
        for match in bare:
            if match.group(0) in surnames:
                self.mentions.append(Mention(match.start(), match.end(), (match.group(0),), (), ()))
        self._split_run_ons()
        self._split_complements()
        self._strip_common_nouns()
        if self.nouns_capitalised:
            self._strip_german_nouns()
        # Nicknames stand for the full name: "Uncle Poodle" and "Poodle" are Lee Thompson.
        self._aliases: dict[tuple[str, ...], tuple[str, ...]] = {}
        for match in _NICKNAME.finditer(text):
            self._replace(match, (match.group(1), match.group(3)))
            self._aliases[tuple(match.group(2).split())] = (match.group(1), match.group(3))
        for match in _BRACKETED_FIRST.finditer(text):
            if first_name_gender(match.group(1)) is not None:
                self._replace(match, (match.group(1), match.group(2)))
        self.mentions.sort(key=lambda m: m.start)
        self._join_hyphenated()
        self._acronyms = {
            "".join(w[0] for w in m.core if w[0].isupper()): " ".join(m.core)
            for m in self.mentions
            if len(m.core) >= 2
        }
        # Memos: both answers depend only on the name's words, and are asked for often.
        self._person_cores: dict[tuple[str, ...], bool] = {}
        self._after_the: dict[tuple[str, ...], bool] = {}
        self._fullest: dict[tuple[tuple[str, ...], tuple[str, ...]], str] = {}
        self._by_end = {m.end: m for m in self.mentions}
        self._by_start = {m.start: m for m in self.mentions}
        self._starts = [m.start for m in self.mentions]
        # Any two forms of one person share a first or a last word (see `_same_person`), so
        # indexing mentions by both keeps lookups linear on long texts.
        self._by_word: dict[str, list[Mention]] = {}
        self._forms: dict[tuple[str, ...], list[Mention]] = {}
        self._ranks: dict[tuple[str, ...], tuple[str, ...]] = {}
        for m in self.mentions:
            for word in {_bare(m.core[0]), _bare(m.core[-1]), *_paternal(m.core)}:
                self._by_word.setdefault(word, []).append(m)
            if m.ranks:
                self._ranks.setdefault(m.core, m.ranks)

    def _replace(self, match: re.Match[str], full: tuple[str, ...]) -> None:
        """Make `match` one mention of the name `full`: its pieces ("Uncle Poodle" in "Lee
        'Uncle Poodle' Thompson", "Vogel" in "(Frank) Vogel") are no names of their own."""
        self.mentions = [
            m for m in self.mentions if m.end <= match.start() or m.start >= match.end()
        ]
        self.mentions.append(Mention(match.start(), match.end(), full, (), ()))

    def _phrases(self, bodies: list[Mention]) -> Iterator[re.Match[str]]:
        """The capitalised phrases of the text, less the `bodies` found over connecting words
        (what follows a body in the same phrase is a phrase of its own)."""
        ends = iter(bodies)
        body = next(ends, None)
        pos = 0
        while (match := _PHRASE.search(self._text, pos)) is not None:
            while body is not None and body.end <= match.start():
                body = next(ends, None)
            if body is None or match.end() <= body.start:
                yield match
                pos = match.end()
            elif match.start() < body.start:
                # "The Maritime and ...": only "The" is left before the body; not a name.
                pos = body.start
            else:
                pos = body.end + 1

    def _forms_of(self, core: tuple[str, ...]) -> list[Mention]:
        """Mentions that can name the same person as `core`, in text order."""
        if core not in self._forms:
            words = {_bare(core[0]), _bare(core[-1])}
            seen = {id(m): m for w in words for m in self._by_word.get(w, [])}
            self._forms[core] = sorted(
                (
                    m
                    for m in seen.values()
                    if _same_person(core, m.core, two_surnames=self._two_surnames)
                ),
                key=lambda m: m.start,
            )
        return self._forms[core]

    def _split_run_ons(self) -> None:
        """ "Speaking to the Herald Sun Daniel said": when the last word of a phrase is the
        first name of a person named elsewhere, and the rest is not part of that name, the
        phrase is two names run together (a lost full stop or caption break)."""
        people = [m for m in self.mentions if m.is_person and len(m.core) >= 2]
        firsts = {m.core[0]: m for m in people}
        surnames: dict[str, set[str]] = {}
        for named in people:
            surnames.setdefault(named.core[-1], set()).add(named.core[0])
        # Words named on their own after a preposition ("against Valencia"): places, clubs.
        alone = {
            m.core[0]
            for m in self.mentions
            if len(m.core) == 1
            and self._text[max(0, m.start - 20) : m.start].split()[-1:] in _AFTER_PREPOSITION
        }
        fixed = []
        for mention in self.mentions:
            person = firsts.get(mention.core[-1]) if len(mention.core) >= 2 else None
            # "Harry Potter Charlotte said": three names' worth of words, the last of them
            # someone else's first name, is a caption run into the next sentence too.
            run_on = person is not None and (not mention.is_person or len(mention.core) >= 3)
            if run_on and person is not None and set(mention.core[:-1]) & set(person.core):
                run_on = False  # the rest is part of that person's name
            if run_on or _glued_surname(mention.core, surnames, alone):
                start = mention.end - len(mention.core[-1])
                fixed.append(Mention(start, mention.end, mention.core[-1:], (), ()))
            else:
                fixed.extend(_split_repeats(_split_organisation(mention, surnames)))
        self.mentions = fixed

    def _join_hyphenated(self) -> None:
        """ "Prof Godfrey Smith" where the text also writes "Peter Godfrey-Smith": two words
        that the text elsewhere joins with a hyphen are that one double-barrelled name."""
        joined = {w for m in self.mentions for w in m.core if "-" in w}
        if not joined:
            return
        fixed = []
        for mention in self.mentions:
            core = list(mention.core)
            for index in range(len(core) - 2, -1, -1):
                if f"{core[index]}-{core[index + 1]}" in joined:
                    core[index : index + 2] = [f"{core[index]}-{core[index + 1]}"]
            if len(core) < len(mention.core):
                mention = Mention(
                    mention.start, mention.end, tuple(core), mention.ranks, mention.titles
                )
            fixed.append(mention)
        self.mentions = fixed

    def _split_complements(self) -> None:
        """ "el diputado de Convergencia Social Diego Ibáñez": after a preposition, two or
        more capitalised words before a known first name are the complement of a title, and
        the person's name starts at the first name (one word may be a first name the lists
        lack: "a letter of Lee Harvey Oswald")."""
        fixed = []
        for mention in self.mentions:
            core = mention.core
            before = self._text[max(0, mention.start - 8) : mention.start].split()[-1:]
            cut = next(
                (i for i in range(2, len(core) - 1) if first_name_gender(core[i]) is not None),
                None,
            )
            if (
                cut is not None
                and before
                and before[0].lower() in _COMPLEMENT_WORDS
                and first_name_gender(core[0]) is None
                and not any(w.islower() for w in core[:cut])
            ):
                offset = len(" ".join(core[:cut])) + 1
                titles = (*mention.titles, *core[:cut])
                mention = Mention(mention.start + offset, mention.end, core[cut:], (), titles)
            fixed.append(mention)
        self.mentions = fixed

    def _strip_common_nouns(self) -> None:
        """ "Triathlete Charlotte Roach", "Comedian Ben Elton", "Laughing Eugenie": a word
        capitalised only because it opens a sentence or caption is a description, not a
        name. Such a first word is not a known first name, is capitalised nowhere else, and
        the article also uses it in lower case ("the comedian", "cleaners"); or it stands
        before a full name the text also gives without it."""
        lower = self._lower_words
        capitalised = Counter(_CAPITAL_WORD.findall(self._text))
        # Surnames named in full after a known first name ("Thomas Weikert").
        named = {
            m.core[-1] for m in self.mentions if len(m.core) == 2 and first_name_gender(m.core[0])
        }
        runs = {m.core for m in self.mentions if len(m.core) >= 2}
        fixed = []
        for mention in self.mentions:
            first = mention.core[0]
            common = first.lower() in lower or first.lower() + "s" in lower
            once = capitalised[first] == 1
            if len(mention.core) >= 3 and mention.core[1:] in runs:
                # "la ministre de la Santé Roman Prymula", "el PS Emilia Nuyado" beside "Roman
                # Prymula" and "Emilia Nuyado": the name the text also gives on its own.
                common = once = True
            if self.nouns_capitalised and len(mention.core) == 2 and mention.core[1] in named:
                # "seinen Nachfolger Weikert" beside "Thomas Weikert", however often the noun
                # is written (German capitalises it everywhere).
                common = once = True
            if (
                len(mention.core) >= 2
                and common
                and once
                and first_name_gender(first) is None
                and mention.is_person
            ):
                start = mention.start + len(first) + 1
                titles = (*mention.titles, first)
                mention = Mention(start, mention.end, mention.core[1:], mention.ranks, titles)
            fixed.append(mention)
        self.mentions = fixed

    def _titled_full_names(self) -> dict[str, set[str]]:
        """The first names of each surname named in full with a title or a known first name
        ("Trendexpertin Karolina Landowski", "Dr. André Geicke", "Thomas Weikert")."""
        found: dict[str, set[str]] = {}
        for m in self.mentions:
            if len(m.core) == 2 and (m.titles or first_name_gender(m.core[0])):
                found.setdefault(m.core[1], set()).add(m.core[0])
        return found

    def _heads(self) -> dict[str, set[str]]:
        """For each last word of a name run, the first words of the runs ending in it ("" for
        the word on its own)."""
        found: dict[str, set[str]] = {}
        for m in self.mentions:
            found.setdefault(m.core[-1], set()).add(m.core[0] if len(m.core) > 1 else "")
        return found

    def _strip_german_nouns(self) -> None:
        """German capitalises every noun, so a run of capitalised words may hold nouns the text
        elsewhere puts after an article: "ihr Ehemann Oliver Pocher" is Oliver Pocher, "die
        Trennung von Danni Büchner" names Danni Büchner (the "von" is no name particle there),
        "Földényi Begriffe" is Földényi, and a lone "Teilnehmer" is nobody's name."""
        nouns = {
            m.group(1)
            for m in _GERMAN_NOUN.finditer(self._text)
            if "," not in self._text[max(0, m.start() - 3) : m.start()]
        }
        words = _GermanWords(
            nouns={w for w in nouns if first_name_gender(w) is None and not w.isupper()},
            full=self._titled_full_names(),
            lower=self._lower_words,
            heads=self._heads(),
        )
        fixed = []
        for mention in self.mentions:
            kept = words.name_in(mention.core, mention.titles)
            if kept is None:
                continue
            first, last, titles = kept
            if (first, last) != (0, len(mention.core)):
                mention = self._cut(mention, first, last, titles)
            fixed.append(mention)
        self.mentions = fixed

    def _cut(self, mention: Mention, first: int, last: int, titles: tuple[str, ...]) -> Mention:
        """`mention` with only its core words `first:last`, at their exact offsets."""
        offsets, pos = [], mention.start
        for word in mention.core:
            pos = self._text.find(word, pos, mention.end)
            offsets.append(pos)
            pos += len(word)
        if -1 in offsets:
            return mention
        core = mention.core
        end = offsets[last - 1] + len(core[last - 1]) if last < len(core) else mention.end
        return Mention(offsets[first], end, core[first:last], mention.ranks, titles)

    def ending_at(self, pos: int) -> Mention | None:
        """The mention whose name ends at `pos`, if any."""
        return self._by_end.get(pos)

    def starting_at(self, pos: int) -> Mention | None:
        """The mention whose name starts at `pos`, if any."""
        return self._by_start.get(pos)

    def between(self, start: int, end: int) -> list[Mention]:
        """Mentions lying inside `start:end`, in order."""
        first = bisect_left(self._starts, start)
        last = bisect_right(self._starts, end)
        return [m for m in self.mentions[first:last] if m.end <= end]

    def is_person(self, mention: Mention) -> bool:
        """A person's name, a short form of one named in full elsewhere ("Gedney"), or a
        name given with an age ("Umma, 25,")."""
        if _WORK_NOUNS & set(self._text[mention.end : mention.end + 12].split()[:1]):
            return False  # "the BBC's Good Morning Ulster programme"
        if self._german_body(mention):
            return False  # "des Deutschen Caritasverbandes"
        if not mention.titles and self._always_after_the(mention.core):
            return False  # "the Trojan Horse letter", "the Human Landing System"
        if mention.is_person or _AGE.match(self._text, mention.end):
            return True
        known = self._person_cores.get(mention.core)
        if known is not None:
            return known
        forms = self._forms_of(mention.core)
        found = any(o.is_person for o in forms) or (
            self._lone_proper_name(mention.core, forms)
            and any(self._shown_person(o) for o in forms)
        )
        self._person_cores[mention.core] = found
        return found

    def _always_after_the(self, core: tuple[str, ...]) -> bool:
        """Does "the" stand before every mention of this run of two words or more? English
        puts it before a thing's or a body's name, not a person's."""
        if len(core) < 2:
            return False
        if core not in self._after_the:
            same = [m for m in self._forms_of(core) if m.core == core and not m.titles]
            self._after_the[core] = bool(same) and all(
                self._text[max(0, m.start - 4) : m.start].lower() == "the " for m in same
            )
        return self._after_the[core]

    def written_lower(self, word: str) -> bool:
        """Does the text also write `word` in lower case, and is it no known first name?"""
        return word.lower() in self._lower_words and first_name_gender(word) is None

    def _lone_proper_name(self, core: tuple[str, ...], forms: list[Mention]) -> bool:
        """Is `core` one word that is a proper name here: not a common first name (a lone
        "Grace" may be anyone's), never written in lower case, and capitalised at least once
        inside a sentence or often (so not "Announcing" or "Campus" opening one sentence)?"""
        if len(core) != 1 or len(core[0]) < 3 or not core[0].isalpha():
            return False
        word = core[0]
        if first_name_gender(word) is not None or word.lower() in self._lower_words:
            return False
        # Capitalised inside a sentence, or opening three or more ("Selby beat ...", "Selby
        # won ...", "Selby, aiming for a third title, said ..." in text whose breaks were lost).
        return len(forms) >= _OPENINGS_OF_A_NAME or any(
            _AFTER_WORD.search(self._text, max(0, o.start - 3), o.start) for o in forms
        )

    def _shown_person(self, mention: Mention) -> bool:
        """Does the text show a lone name to be a person's: after a role ("forward Evans",
        "Perth-born Evans") or as a subject opening its clause that "he" or "she" goes on
        with ("And Warner said he feels", "Gatland won ... in his maiden Six Nations")?"""
        if mention.titles or mention.core[0].lower() in ORGANISATION_WORDS | PLACES | EVENTS:
            return False
        before = _LAST_WORD.search(self._text, max(0, mention.start - 40), mention.start)
        previous = before.group(1).lower() if before is not None else ""
        if previous in _DETERMINERS:
            return False  # "a Facebook page", "our Chihuahua"
        # German writes a role as a noun ("Stürmer Evans"); "auf deutscher Seite" is an
        # adjective before a noun.
        noun = before is not None and (before.group(1)[:1].isupper() or not self.nouns_capitalised)
        if (previous in ROLES and noun) or previous.endswith("-born"):
            return True
        if previous and previous not in _CONJUNCTIONS:
            return False  # a subject opens its clause: not "67 Facebook profiles"
        after = self._text[mention.end : mention.end + _SHOWN_REACH]
        clause = re.split(r"[.!?;:\"“”]", after, maxsplit=1)[0].lstrip()
        verb = _LOWER_WORD.match(clause)
        return (
            verb is not None
            and verb.group(0) not in NOT_VERBS | _DETERMINERS
            and _PERSONAL_PRONOUN.fullmatch(verb.group(0)) is None
            and _PERSONAL_PRONOUN.search(clause, verb.end()) is not None
        )

    def is_place(self, mention: Mention) -> bool:
        """A place or an event ("Greece", "New Delhi", "Anzac Day"), unless the article shows
        the name to be a person's ("Paris, 20, said") or an organisation's."""
        core = [w.lower() for w in mention.core]
        named = core[-1] in _PLACE_ENDINGS or core[0] in PLACE_PREFIXES
        organisation = any(w in ORGANISATION_WORDS for w in core)  # "New York Times"
        return named and not organisation and not self.is_person(mention)

    def is_organisation(self, mention: Mention) -> bool:
        """An organisation's name: one with an organisation word ("Oxford Food Bank",
        "Islamic State") or an acronym, never a person's."""
        words = [w.lower() for w in mention.core]
        acronym = len(mention.core) == 1 and mention.core[0].isupper() and len(words[0]) > 1
        named = acronym or any(w in ORGANISATION_WORDS for w in words)
        return (named or self._german_body(mention)) and not self.is_person(mention)

    def _german_body(self, mention: Mention) -> bool:
        """In German text, does a word of the name end like a body's compound noun
        ("Caritasverbandes", "Umweltbundesamt", "Wirtschaftsministerium")?"""
        return self.nouns_capitalised and any(map(_ends_like_body, mention.core))

    def fullest(self, mention: Mention) -> str:
        """The longest form of `mention`'s name in the text.

        When two people share the short form ("Jordan": Louis Jordan and Frank Jordan), it is
        the one whose full form came just before (see `_recent_full_form`); else the short
        form is kept rather than risking the wrong one.
        """
        gender = _title_gender(mention)
        if gender is not None and len(mention.core) == 1:
            titled = (mention.core, (*mention.ranks, gender))
            if titled not in self._fullest:
                self._fullest[titled] = self._fullest_of_gender(mention, gender)
            return self._fullest[titled]
        # The form of address is in the key: "Dr Venter" and "Venter" may differ.
        key = (mention.core, mention.ranks + mention.titles[-1:])
        if key not in self._fullest:
            self._fullest[key] = self._find_fullest(mention)
        found = self._fullest[key]
        if found == " ".join(mention.ranks + mention.core) and len(mention.core) == 1:
            recent = self._recent_full_form(mention)
            if recent is not None:
                ranks = recent.ranks or self._ranks.get(recent.core, ())
                return " ".join(ranks + recent.core)
            introduced = self._only_introduced(mention) if self._two_surnames else None
            if introduced is not None:
                return self._display(introduced)
        return found

    def _only_introduced(self, mention: Mention) -> tuple[str, ...] | None:
        """Of the people a shared short form may stand for, the only one the text has named in
        full before it ("Martínez" after "Juan Martínez d'Aubuisson" is he, though an "Oscar
        Martínez" comes later): a reader takes a short form for someone already introduced.
        Used where a first surname is a short form (Spanish, Portuguese): the commonest
        surnames are shared there; on German pages it won as many as it lost."""
        people = self._people_named(mention)
        forms = [o for o in self._forms_of(mention.core) if o.start < mention.start]
        named = [
            c
            for c in people
            if any(
                len(o.core) > 1
                and (o.core == c or _same_person(o.core, c, two_surnames=self._two_surnames))
                for o in forms
            )
        ]
        return named[0] if len(people) > 1 and len(named) == 1 else None

    def _fullest_of_gender(self, mention: Mention, gender: str) -> str:
        """ "Mrs Creag" is not James Creag, "Mr Robertson" not the Summer Robertson also
        called "Miss Robertson": the one full form a title of `gender` fits, else the short
        form."""
        # A title goes with a surname: "Ms Jackson" is not "Jackson Quiet".
        surname = _bare(mention.core[-1])
        surnamed = [
            c
            for c in self._people_named(mention)
            if _bare(c[-1]) == surname or (surname,) == _paternal(c)
        ]
        fitting = [c for c in surnamed if self._fits_title(c, gender)]
        if len(fitting) > 1:
            # "Mr Miliband": Ed Miliband rather than a Justine the name list does not know.
            fitting = [c for c in fitting if first_name_gender(c[0]) == gender]
        if len(fitting) == 1:
            return self._display(fitting[0])
        return " ".join(mention.ranks + mention.core)

    def _fits_title(self, core: tuple[str, ...], gender: str) -> bool:
        """Can a form of address of `gender` go with the full name `core`? Not if its first
        name is of the other gender; with an unknown first name, not if the surname is also
        used with a title of the other gender (two people)."""
        known = first_name_gender(core[0])
        if known is not None:
            return known == gender
        titled = {_title_gender(m) for m in self._forms_of(core[-1:]) if len(m.core) == 1}
        return not titled - {gender, None}

    def _recent_full_form(self, mention: Mention) -> Mention | None:
        """The full name a bare short form directly follows ("Louis Jordan, 37, took ...
        'Jordan told CNN'"): the form just before it, if it is the only full form of that
        name a few sentences back."""
        forms = self._forms_of(mention.core)
        starts = [m.start for m in forms]
        first = bisect_left(starts, mention.start - _RECENT_REACH)
        window = forms[first : bisect_left(starts, mention.start)]
        recent = {m.core for m in window if len(m.core) > 1}
        if len(recent) != 1:
            return None  # "B.B. King ... his daughter, Claudette King": still ambiguous
        last = window[-1]
        return last if last.core in recent and last.is_person else None

    def first_name_only(self, mention: Mention) -> bool:
        """Is a one-word mention used here only as a first name ("Eugenie"), never as the
        surname of a longer name ("Rose" after "Kim Rose")?"""
        word = mention.core[-1]
        longer = (m.core for m in self._forms_of(mention.core) if len(m.core) > 1)
        return len(mention.core) == 1 and not any(core[-1] == word for core in longer)

    def full_forms(self, mention: Mention) -> list[str]:
        """The full names a short form could stand for when there are several ("Christie":
        Chris Christie and Mary Pat Christie), in text order; else an empty list."""
        people = self._people_named(mention)
        return [self._display(core) for core in people] if len(people) > 1 else []

    def _people_named(self, mention: Mention) -> list[tuple[str, ...]]:
        """The longer names `mention` can be short for that are not themselves short for a
        still longer one: one per person, in text order."""
        cores = list(dict.fromkeys(o.core for o in self._forms_of(mention.core)))
        # "Dr Venter", addressed as a person, is not short for the organisation named after
        # him (the J Craig Venter Institute); "Dundee" may still be short for "Dundee FC".
        addressed = any(t.lower().rstrip(".") in HONORIFICS for t in mention.titles[-1:])
        person = addressed and not _is_body(mention.core)
        longer = [c for c in cores if len(c) > len(mention.core) and not (person and _is_body(c))]
        people = [
            c
            for c in longer
            if not any(
                len(o) > len(c) and _same_person(c, o, two_surnames=self._two_surnames)
                for o in longer
            )
        ]
        # A first surname is a fallback: "Meacham" is Malenda Meacham, not the caption run-on
        # "Malenda Meacham Dressed" also in the text; in Spanish it is as good as a last name.
        plain = [
            c
            for c in people
            if _same_person(
                mention.core, c, paternal=self._two_surnames, two_surnames=self._two_surnames
            )
        ] or people
        if len(plain) == 2 and _misspelt(*plain):
            # "Kristin Wilkins" once and "Kristen Wilkins" twice: one person, spelt two ways.
            counts = Counter(o.core for o in self._forms_of(mention.core))
            return [max(plain, key=lambda c: counts[c])]
        if len(plain) == 2 and (_diminutive(*plain) or _diminutive(*reversed(plain))):
            return [max(plain, key=lambda c: len(c[0]))]  # "Danni Büchner" is Daniela Büchner
        return plain

    def _formal(self, mention: Mention) -> tuple[str, ...] | None:
        """The full name the text also gives with the formal first name of this one's pet
        form ("Daniela Büchner" for "Danni Büchner"), if any."""
        if len(mention.core) < 2:
            return None
        same_surname = self._by_word.get(_bare(mention.core[-1]), [])
        return next((o.core for o in same_surname if _diminutive(mention.core, o.core)), None)

    def _display(self, core: tuple[str, ...]) -> str:
        return " ".join(self._ranks.get(core, ()) + core)

    def _find_fullest(self, mention: Mention) -> str:
        if len(mention.core) == 1 and mention.core[0].isupper():
            spelled = self._acronyms.get(mention.core[0])
            if spelled is not None:
                return spelled  # "GAO" is the Government Accountability Office
        for nickname, full in self._aliases.items():
            if nickname[-len(mention.core) :] == mention.core:
                return " ".join(full)
        people = self._people_named(mention)
        if len(people) == 1:
            return self._display(people[0])
        formal = self._formal(mention) if not people else None
        if formal is not None:
            return self._display(formal)
        return " ".join((mention.ranks or self._ranks.get(mention.core, ())) + mention.core)


def _diminutive(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Is `short` the same name as `long` with a pet form of its first name ("Danni" /
    "Daniela", "Danny" / "Daniel"): a longer first name starting with the pet form's stem of
    three letters or more ("Ali" is no pet form of "Alison")?"""
    if len(short) != len(long) or short[1:] != long[1:]:
        return False
    pet, formal = short[0].lower(), long[0].lower()
    ending = next((e for e in _PET_ENDINGS if pet.endswith(e)), None)
    if ending is None or len(formal) <= len(pet):
        return False
    stem = pet[: -len(ending)]
    if len(stem) >= 2 and stem[-1] == stem[-2]:
        stem = stem[:-1]  # "Danni" -> "Dan"
    return len(stem) >= 3 and formal.startswith(stem)


def _misspelt(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Are two full names the same but for one letter of one word ("Kristin" / "Kristen")?"""
    if len(one) != len(other):
        return False
    differing = [(a, b) for a, b in zip(one, other, strict=True) if a != b]
    if len(differing) != 1:
        return False
    a, b = differing[0]
    return len(a) == len(b) >= 5 and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def _is_body(core: tuple[str, ...]) -> bool:
    """Does the name have an organisation word ("Institute", "Trust")?"""
    return any(w.lower() in ORGANISATION_WORDS for w in core)


def _title_gender(mention: Mention) -> str | None:
    """The gender shown by the form of address just before the name, if any."""
    return _TITLE_GENDER.get(mention.titles[-1].lower().rstrip(".")) if mention.titles else None


def _bare(word: str) -> str:
    """A name word without its article particle: "al-Mekdad" -> "Mekdad"."""
    return _ARTICLE_PARTICLE.sub("", word) if "-" in word else word  # most have no hyphen


def _paternal(core: tuple[str, ...]) -> tuple[str, ...]:
    """The first of two surnames, which Spanish and Portuguese names go by on their own
    ("Alvaro Garcia Linera" is "Mr Garcia"): the second-last word of three or more, unless it
    is a first name ("John Paul Jones" is not "Paul")."""
    if len(core) < 3 or first_name_gender(core[-2]) is not None or not core[-2][:1].isupper():
        return ()
    return (_bare(core[-2]),)


def _same_person(
    short: tuple[str, ...], long: tuple[str, ...], paternal: bool = True, two_surnames: bool = False
) -> bool:
    """Can `short` ("Gedney", "Felix", "Mr Key", "Mekdad") name the same person as `long`?
    With `two_surnames` (Spanish, Portuguese), "Juan Martínez" may be Juan Martínez
    d'Aubuisson; elsewhere such a third word is more often a caption run on ("Malenda Meacham
    Dressed to impress:")."""
    # Reports drop an Arabic article on second mention: "Faisal al-Mekdad" is "Mr Mekdad".
    if any("-" in w for w in short + long):
        short, long = tuple(map(_bare, short)), tuple(map(_bare, long))
    if paternal and len(short) == 1 and short == _paternal(long):
        return True  # "Mr Garcia" is Alvaro Garcia Linera
    if two_surnames and len(short) == 2 and short == (long[0], *_paternal(long)):
        return True
    if len(short) > len(long):
        return False
    if long[-len(short) :] == short:
        return True
    if len(short) == 1:
        return long[0] == short[0]
    # "Joshua Burns" and "Joshua Quincy Burns": same first and last names.
    return short[0] == long[0] and short[-1] == long[-1]
