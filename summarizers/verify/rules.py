"""One frozen rules object per language, read from `summarizers/verify/lang/<code>/*.txt`.

A language without a data folder borrows what the libraries ship for it (sumy's stop words, a
Snowball stemmer, simplemma's lemmas, wordfreq's frequencies) and has no word lists of its own:
weaker, never wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import simplemma
import snowballstemmer
import wordfreq


@dataclass(frozen=True)
class LanguageRules:
    """The word lists of one language and its stemmer."""

    code: str
    stopwords: frozenset[str] = frozenset()
    negations: frozenset[str] = frozenset()
    modals: frozenset[str] = frozenset()
    passive: frozenset[str] = frozenset()
    agent: frozenset[str] = frozenset()
    pronouns: frozenset[str] = frozenset()
    placeholders: frozenset[str] = frozenset()
    clause_joins: frozenset[str] = frozenset()
    months: frozenset[str] = frozenset()
    weekdays: frozenset[str] = frozenset()
    # Elided words written onto the next one ("l'", "qu'"): split off before matching.
    elisions: frozenset[str] = frozenset()
    number_words: dict[str, str] = field(default_factory=dict)
    # Lower-cased word sequence -> the name of its group ("pm" -> "prime minister").
    variants: dict[tuple[str, ...], str] = field(default_factory=dict)
    stemmer: str = ""
    lemmatizer: str = ""
    wordfreq: str = ""
    # Words in the longest variant (how far a phrase match must look ahead).
    longest_variant: int = 1

    def stem(self, lower: str) -> str:
        """The stem of the word's lemma ("beaten" -> "beat", "olympics" -> "olymp")."""
        return _stem(self.stemmer, self.lemmatizer, lower)

    def clauses(self, text: str) -> list[str]:
        """`text` cut before each joining word that follows a comma or semicolon."""
        if not self.clause_joins:
            return [text]
        return [c for c in _clause_pattern(self.clause_joins).split(text) if c.strip()]

    def zipf(self, lower: str) -> float:
        """How common the word is (Zipf scale: 7 for "the", 3 for a rare name); 0 unknown."""
        return _zipf(self.wordfreq, lower) if self.wordfreq else 0.0


@cache
def _clause_pattern(words: frozenset[str]) -> re.Pattern[str]:
    joined = "|".join(sorted(map(re.escape, words)))
    return re.compile(rf"[,;]\s+(?:{joined})\s+|;\s+", re.IGNORECASE)


@lru_cache(maxsize=1 << 16)
def _zipf(language: str, lower: str) -> float:
    return float(wordfreq.zipf_frequency(lower, language))


@cache
def _stemmer(name: str) -> Any:
    return snowballstemmer.stemmer(name)


# Memoised: stemming is most of the cost of reading an article, and news repeats its words.
@lru_cache(maxsize=1 << 16)
def _stem(stemmer: str, lemmatizer: str, lower: str) -> str:
    word = simplemma.lemmatize(lower, lang=lemmatizer).lower() if lemmatizer else lower
    return str(_stemmer(stemmer).stemWord(word)) if stemmer else word


def _lines(folder: Traversable, name: str) -> Iterator[str]:
    path = folder.joinpath(name)
    if not path.is_file():
        return
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if line:
            yield line


def _words(folder: Traversable, name: str) -> frozenset[str]:
    return frozenset(w.lower() for line in _lines(folder, name) for w in line.split())


def _borrowed(code: str) -> LanguageRules:
    """The rules of a language without a data folder, from the libraries that know it."""
    from summarizers.extract.languages import SUMY_LANGUAGES, language_tools

    name = SUMY_LANGUAGES.get(code[:2], "")
    return LanguageRules(
        code=code,
        stopwords=language_tools(code).stop_words,
        stemmer=name if name in snowballstemmer.algorithms() else "",
        lemmatizer=code if _lemmatizes(code) else "",
        wordfreq=code if code in wordfreq.available_languages() else "",
    )


def _lemmatizes(code: str) -> bool:
    try:
        simplemma.lemmatize("a", lang=code)
    except ValueError:
        return False
    return True


@cache
def rules_for(language: str | None) -> LanguageRules:
    """The rules of `language` (an ISO 639-1 code); empty rules when there is no data."""
    code = (language or "").lower()
    root = resources.files(__package__).joinpath("lang")
    folder = root.joinpath(code)
    if not code or not folder.is_dir():
        return _borrowed(code)
    passive_lines = list(_lines(folder, "passive.txt"))
    variants: dict[tuple[str, ...], str] = {}
    for line in _lines(folder, "variants.txt"):
        forms = [f.strip().lower() for f in line.split("|") if f.strip()]
        for form in forms:
            variants.setdefault(tuple(form.split()), forms[0])
    numbers = dict(line.lower().split()[:2] for line in _lines(folder, "numbers.txt"))
    stemmer = next(_lines(folder, "stemmer.txt"), "")
    lemmatizer = next(_lines(folder, "lemmatizer.txt"), "")
    frequencies = next(_lines(folder, "wordfreq.txt"), "")
    return LanguageRules(
        code=code,
        stopwords=_words(folder, "stopwords.txt"),
        negations=_words(folder, "negations.txt"),
        modals=_words(folder, "modals.txt"),
        passive=frozenset(w for w in passive_lines if not w.startswith("agent:")),
        agent=frozenset(
            w.split(":", 1)[1].strip() for w in passive_lines if w.startswith("agent:")
        ),
        pronouns=_words(folder, "pronouns.txt"),
        placeholders=_words(folder, "placeholders.txt"),
        clause_joins=_words(folder, "clauses.txt"),
        months=_words(folder, "months.txt"),
        weekdays=_words(folder, "weekdays.txt"),
        elisions=frozenset(w.replace("’", "'") for w in _words(folder, "elisions.txt")),
        number_words=numbers,
        variants=variants,
        stemmer=stemmer,
        lemmatizer=lemmatizer,
        wordfreq=frequencies,
        longest_variant=max((len(k) for k in variants), default=1),
    )
