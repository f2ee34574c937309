"""Per-language data of the sentence splitter, read from `lang/<code>/*.txt`: one rules object
per language (as spaCy's `lang/<code>/`).

`abbreviations.txt` lists the words a period does not end a sentence after (lower-cased,
without that period), `starters.txt` the words that begin sentences often enough to tell
"in the U.S. The talks" from "the U.S. Army", and `traits.txt` what the language does
(`ordinal_period`: "am 3. Oktober"). A language with no folder is read with every folder's
lists merged: a Latin-script abbreviation rarely ends a sentence in any language.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

_PACKAGE = "summarizers.sentences"


@dataclass(frozen=True)
class SplitRules:
    """What one language's periods mean."""

    abbreviations: frozenset[str]
    starters: frozenset[str]
    ordinal_period: bool


def _words(file: Traversable) -> frozenset[str]:
    if not file.is_file():
        return frozenset()
    text = file.read_text("utf-8")
    return frozenset(w for line in text.splitlines() for w in line.split("#", 1)[0].split())


@cache
def _folders() -> tuple[str, ...]:
    root = resources.files(_PACKAGE).joinpath("lang")
    return tuple(sorted(p.name for p in root.iterdir() if p.is_dir()))


@cache
def split_rules(language: str | None) -> SplitRules:
    """The rules of `language` (an ISO 639-1 code, "de-AT" reads as "de")."""
    code = (language or "")[:2].lower()
    codes = (code,) if code in _folders() else _folders()
    root = resources.files(_PACKAGE).joinpath("lang")

    def merged(name: str) -> frozenset[str]:
        return frozenset().union(*(_words(root.joinpath(c, f"{name}.txt")) for c in codes))

    return SplitRules(
        abbreviations=merged("abbreviations"),
        starters=merged("starters"),
        ordinal_period=code in codes and "ordinal_period" in merged("traits"),
    )
