"""Text helpers for checking a rewrite against its article: normalised search, words of names."""

from __future__ import annotations

import re

_QUOTE_MARKS = str.maketrans(
    {
        "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "″": '"',
        "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "‹": "'", "›": "'",
        "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-",
        "\u00a0": " ",
    }
)  # fmt: skip
# "U.S." and "US" are the same name.
_DOTTED = re.compile(r"\b(?:[A-Z]\.){2,}")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def normalise(text: str) -> tuple[str, list[int]]:
    """Text with quotation marks and dashes unified and whitespace runs collapsed to one space.

    Also returns, for every character of the result, its offset in `text`.
    """
    out: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text.translate(_QUOTE_MARKS)):
        if char.isspace():
            if not out or out[-1] == " ":
                continue
            char = " "
        out.append(char)
        where.append(index)
    while out and out[-1] == " ":
        out.pop()
        where.pop()
    return "".join(out), where


def _undot(text: str) -> str:
    return _DOTTED.sub(lambda m: m.group().replace(".", ""), text)


def words(text: str) -> list[str]:
    """Letter-only words, possessive 's dropped ("Gedney's" → "Gedney", "U.S." → "US")."""
    return [re.sub(r"['’]s$", "", w) for w in _WORD.findall(_undot(text))]
