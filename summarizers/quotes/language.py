"""Per-language data of quote attribution, read from `lang/<code>/*.txt`, one rules object each.

Each language is a folder (as spaCy's `lang/<code>/`): one file per word list, one entry a line
("#" starts a comment), and `traits.txt` naming what the language does (drops subject
pronouns, capitalises nouns, gives two surnames). Adding a language means adding a folder.

Most lists are read merged over every language (`words`): articles mix languages (a German
quote in an English story) and a French verb in an English text is harmless. What differs by
language (its "according to" phrases, adverb endings, subjunctive, traits) is read from that
language's own `LanguageRules` (`rules_for`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

_PACKAGE = "summarizers.quotes"
_TRAITS = "traits"
# A text in a language with no folder is read with this one's rules.
_DEFAULT = "en"


def _entries(file: Traversable) -> list[str]:
    """The non-empty lines of a list file, comments dropped, in file order."""
    lines = (line.split("#", 1)[0].strip() for line in file.read_text("utf-8").splitlines())
    return [line for line in lines if line]


@dataclass(frozen=True)
class LanguageRules:
    """One language's word lists (file name -> entries, in file order) and traits."""

    code: str
    lists: Mapping[str, tuple[str, ...]]
    traits: frozenset[str]

    def words(self, name: str) -> frozenset[str]:
        """The entries of list `name` (empty when the language has none)."""
        return frozenset(self.lists.get(name, ()))

    def phrases(self, name: str) -> tuple[str, ...]:
        """The entries of list `name` in file order (the first that fits wins)."""
        return self.lists.get(name, ())

    def has(self, trait: str) -> bool:
        return trait in self.traits


@cache
def common_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows (space-separated fields) of `lang/<name>.txt`, a table shared by every
    language (the quotation marks)."""
    file = resources.files(_PACKAGE).joinpath("lang", f"{name}.txt")
    return tuple(tuple(line.split()) for line in _entries(file))


@cache
def languages() -> tuple[str, ...]:
    """The codes of every language with a folder."""
    root = resources.files(_PACKAGE).joinpath("lang")
    return tuple(sorted(p.name for p in root.iterdir() if p.is_dir() and len(p.name) <= 3))


@cache
def rules_for(code: str | None) -> LanguageRules:
    """The rules of language `code` ("de", "fr-CA" reads as "fr"); a language with no folder
    is read with the default language's."""
    code = (code or _DEFAULT)[:2].lower()
    if code not in languages():
        code = _DEFAULT
    folder = resources.files(_PACKAGE).joinpath("lang", code)
    lists = {
        file.name.removesuffix(".txt"): tuple(_entries(file))
        for file in folder.iterdir()
        if file.name.endswith(".txt")
    }
    traits = frozenset(lists.pop(_TRAITS, ()))
    return LanguageRules(code, lists, traits)


@cache
def word_set(name: str) -> frozenset[str]:
    """List `name` merged over every language."""
    return frozenset().union(*(rules_for(code).words(name) for code in languages()))


@cache
def endings(name: str) -> tuple[str, ...]:
    """List `name` merged over every language, longest first: for `str.endswith` and for a
    search that takes the first ending that fits ("ie" before "i")."""
    return tuple(sorted(word_set(name), key=lambda e: (-len(e), e)))


@cache
def pairs(name: str) -> Mapping[str, str]:
    """A list of "key value" lines merged over every language, as a mapping."""
    found: dict[str, str] = {}
    for code in languages():
        for line in rules_for(code).lists.get(name, ()):
            key, value = line.rsplit(" ", 1)
            found[key] = value
    return found
