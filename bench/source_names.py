"""Names in an annotated source span ("Der GdP-Vorsitzende Konrad Freiberg"), for converters.

Attribution corpora mark the source's words, not the person: a German source span is often a
role noun and a name, a description ("der Staatsanwalt") or a pronoun. German capitalises
every noun, so a capital does not make a name. What does, here: how often the corpus itself
puts the word right after an article or determiner. Role nouns ("Sprecher", "Vorsitzende")
mostly stand there; first names and surnames almost never do. The counts come from the corpus
being converted (`NounShares.of`), so no word list is needed; they only label data, nothing
here runs in digestbot.

A span's name is its longest run of capitalised words that are not such nouns (a run of two
or more before a single word: "John Kline, ein Repräsentant aus Minnesota" is John Kline),
an acronym ("Die CCE") counting as a name. `fullest` then gives a surname the longest form
the text writes it in ("Sifton" -> "John Sifton").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

# Words after which a capitalised word is a noun (articles, determiners, possessives) and
# pronouns that stand for a speaker, in the corpora converted here (German and English).
DETERMINERS = frozenset(
    "der die das des dem den ein eine einer eines einem einen kein keine keinen keiner "
    "dieser diese dieses diesem diesen jener jene sein seine seiner seinem seinen ihr ihre "
    "ihrer ihrem ihren unser unsere unserem unseren zum zur vom beim im am the a an his her "
    "their its our this that".split()
)
PRONOUNS = frozenset(
    "er sie es ich wir ihr man he she they i we it his her their its him them".split()
)
INDEFINITE = frozenset(
    "ein eine einer eines einem einen a an one some mehrere einige viele andere".split()
)
# Words after which a name is an affiliation or a place, not the source ("ein Sprecher aus
# Washington", "Jon Alterman of the Center").
AFFILIATION = frozenset(
    "aus von vom der des bei beim in im für zu zur zum of from at for in".split()
)
# Endings of the adjectives between an article and its noun ("der niedersächsische Minister").
_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
# Words a name may hold in lower case ("Ursula von der Leyen", "Guido de Marco").
PARTICLES = frozenset("von van de der den zu da di du la le al bin ibn y".split())
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_ACRONYM = re.compile(r"^[A-ZÄÖÜ][A-ZÄÖÜ0-9&-]*[A-ZÄÖÜ0-9]$")
# Above this share of its occurrences after a determiner, a capitalised word is a noun.
_NOUN_SHARE = 0.15


@dataclass(frozen=True)
class NounShares:
    """For each capitalised word of a corpus: how often it stands, and how often it stands
    right after a determiner (`DETERMINERS`)."""

    after_determiner: Counter[str]
    total: Counter[str]
    lower: Counter[str]

    @classmethod
    def of(cls, texts: Iterable[str]) -> NounShares:
        """Counted over `texts`; a capitalised word after a determiner and any adjectives
        ("der niedersächsische Finanzminister") counts as after a determiner."""
        after: Counter[str] = Counter()
        total: Counter[str] = Counter()
        lower: Counter[str] = Counter()
        for text in texts:
            in_phrase = False
            for word in _WORD.findall(text):
                if word[:1].isupper():
                    total[word] += 1
                    after[word] += in_phrase
                    in_phrase = word.lower() in DETERMINERS  # "Der Sprecher" opening a sentence
                else:
                    lower[word] += 1
                    in_phrase = word.lower() in DETERMINERS or (
                        in_phrase and word.endswith(_ADJECTIVE_ENDINGS)
                    )
        return cls(after, total, lower)

    def is_noun(self, word: str) -> bool:
        """A capitalised word the corpus often puts after a determiner ("Sprecher")."""
        seen = self.total[word]
        return seen > 0 and self.after_determiner[word] / seen > _NOUN_SHARE

    def is_function_word(self, word: str) -> bool:
        """A capitalised word the corpus writes more often in lower case ("Der", "Sie" opening
        a sentence)."""
        return self.lower[word.lower()] > self.total[word]


def _is_name_word(word: str, previous: str, shares: NounShares) -> bool:
    if _ACRONYM.match(word) and len(word) >= 2:
        return True
    if not word[:1].isupper() or previous.lower() in DETERMINERS:
        return False
    if word.lower() in PRONOUNS | DETERMINERS:
        return False
    if shares.is_function_word(word):
        return False
    # A hyphenated compound names a role or a body by its last part ("GdP-Vorsitzende").
    if "-" in word.strip("-") and not word.split("-")[-1][:1].isupper():
        return False
    return not shares.is_noun(word) and not shares.is_noun(word.split("-")[-1])


def name_runs(span: str, shares: NounShares, affiliations: bool = True) -> list[str]:
    """The runs of name words in a source span, in order ("Sonia und Willy Bogner" ->
    ["Sonia", "Willy Bogner"]); particles join a run inside it, punctuation ends it. Without
    `affiliations`, a run after a preposition ("aus New York") or right before a noun it
    modifies ("Human Rights Watch-Sprecher") is left out."""
    runs: list[list[str]] = []
    for segment in re.split(r"[,;:()\[\]/]", span):
        words = _WORD.findall(segment)
        current: list[str] = []
        affiliated = False
        in_phrase = False  # after an article and its adjectives ("die 56-jährige")
        for i, word in enumerate(words):
            previous = words[i - 1] if i else "."
            acronym = bool(_ACRONYM.match(word)) and len(word) >= 2  # "die CCE" names a body
            if (acronym or not in_phrase) and _is_name_word(word.rstrip("."), previous, shares):
                if not current:
                    affiliated = previous.lower() in AFFILIATION
                current.append(word.rstrip("."))
                continue
            in_phrase = word.lower() in DETERMINERS or (
                in_phrase and word.islower() and word.endswith(_ADJECTIVE_ENDINGS)
            )
            following = words[i + 1] if i + 1 < len(words) else ""
            if current and word in PARTICLES and following[:1].isupper():
                current.append(word)
                continue
            if current and (affiliations or not (affiliated or word[:1].isupper())):
                runs.append(current)
            current = []
        if current and (affiliations or not affiliated):
            runs.append(current)
    # A run never ends in a particle ("Merkel von" before a lower-case word).
    cleaned = []
    for run in runs:
        while run and run[-1] in PARTICLES:
            run.pop()
        if run:
            cleaned.append(" ".join(run))
    return cleaned


def main_name(span: str, shares: NounShares) -> str | None:
    """The span's name: its first run of two or more words, else its first single word."""
    runs = name_runs(span, shares, affiliations=False)
    if not runs:
        return None
    longer = [r for r in runs if " " in r]
    return (longer or runs)[0]


def fullest(name: str, text: str, shares: NounShares) -> str:
    """The longest form of `name` the text writes: name words before it ("Sifton" -> "John
    Sifton", not "Watch-Sprecher Sifton"), at most three; `name` itself when there is none."""
    pattern = re.compile(r"((?:[^\W\d_][\w'’-]* ){1,3})" + re.escape(name) + r"\b")
    best = name
    for match in pattern.finditer(text):
        words = match.group(1).split()
        # Keep the name words right before `name`, from the nearest back.
        kept: list[str] = []
        for word in reversed(words):
            if not _is_name_word(word, ".", shares) or _ACRONYM.match(word):
                break
            kept.insert(0, word)
        if kept and len(kept) + 1 > len(best.split()):
            best = " ".join([*kept, name])
    return best


def kind_of(span: str) -> str:
    """ "pronoun", "indefinite" or "description" for a span without a name, from its first
    word ("er", "ein Sprecher", "der Staatsanwalt"); "" for an empty span."""
    words = span.lower().split()
    if not words:
        return ""
    if words[0] in PRONOUNS and len(words) == 1:
        return "pronoun"
    return "indefinite" if words[0] in INDEFINITE else "description"


def described(span: str, text: str, before: int, shares: NounShares) -> str | None:
    """The name written right after the description's last noun earlier in the text
    ("Staatsanwalt Hans Maier" for "der Staatsanwalt"), or None."""
    nouns = [w for w in re.findall(r"[^\W\d_][\w-]*", span) if w[:1].isupper()]
    if not nouns:
        return None
    pattern = rf"\b{re.escape(nouns[-1])}\s+((?:\S+\s+){{0,3}}\S+)"
    for match in re.finditer(pattern, text[: max(before, 0)]):
        runs = name_runs(match.group(1), shares)
        if runs and match.group(1).startswith(runs[0].split()[0]):
            return runs[0]
    return None


def resolve(span: str, start: int, text: str, shares: NounShares) -> tuple[list[str] | None, str]:
    """The names of a source span at `start` in `text` ([] for a source with no name), or
    None when unknown; and which rule gave them: "span" (a name in it, fullest form first,
    then the span's name and its other runs), "description" (`described`), "none" (an
    indefinite or empty source), "pronoun" (always unknown: taking the last source named in
    full before it was wrong for 7 of 15 WikiNews quotes checked by hand, "sie" after
    "Gisela Piltz" going to the Jörg Tauss named before her)."""
    kind = kind_of(span)
    if kind == "pronoun":
        return None, "pronoun"
    # "ein Sprecher der Downing Street" is an unnamed member of a named body.
    name = None if kind == "indefinite" else main_name(span, shares)
    if name is not None:
        full = fullest(name, text, shares)
        return list(dict.fromkeys([full, name, *name_runs(span, shares)])), "span"
    if kind == "description":
        found = described(span, text, start, shares)
        names = list(dict.fromkeys([fullest(found, text, shares), found])) if found else None
        return names, "description"
    return [], "none"
