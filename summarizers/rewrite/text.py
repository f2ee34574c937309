"""Text helpers for checking a rewrite against its article: normalised search, numbers, names."""

from __future__ import annotations

import re
from collections.abc import Iterable

_QUOTE_MARKS = str.maketrans(
    {
        "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "″": '"',
        "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "‹": "'", "›": "'",
        "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-",
        "\u00a0": " ",
    }
)  # fmt: skip
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_THOUSANDS = re.compile(r"[.,](?=\d{3}(?!\d))")
# Double quotation marks of any style, and curly single ones (straight ' is an apostrophe).
_QUOTED = re.compile(r"[\"“„«]([^\"“”„«»]{3,}?)[\"”“»]|‘([^‘’]{3,}?)’(?!\w)")
# "U.S." and "US" are the same name.
_DOTTED = re.compile(r"\b(?:[A-Z]\.){2,}")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?:;]\s+|\n")

# Number words the model may turn into digits ("three" → "3"); English only, where it matters.
NUMBER_WORDS = {
    word: str(value)
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": "30", "forty": "40", "fifty": "50", "hundred": "100", "thousand": "1000"}


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


def quoted_spans(text: str) -> list[str]:
    """The words between quotation marks in `text`, marks excluded."""
    return [m.group(1) or m.group(2) for m in _QUOTED.finditer(text)]


def numbers(text: str) -> set[str]:
    """Every number in `text`, normalised: thousands separators gone, decimal comma → point."""
    found = set()
    for match in _NUMBER.finditer(text):
        plain = _THOUSANDS.sub("", match.group()).replace(",", ".")
        whole, dot, fraction = plain.partition(".")
        found.add((whole.lstrip("0") or "0") + dot + fraction)
    return found


def _undot(text: str) -> str:
    return _DOTTED.sub(lambda m: m.group().replace(".", ""), text)


def words(text: str) -> list[str]:
    """Letter-only words, possessive 's dropped ("Gedney's" → "Gedney", "U.S." → "US")."""
    return [re.sub(r"['’]s$", "", w) for w in _WORD.findall(_undot(text))]


def capitalised_words(text: str) -> Iterable[tuple[str, bool]]:
    """(word, starts_a_sentence) for every capitalised word: candidate names, places, dates."""
    for sentence in _SENTENCE_END.split(_undot(text)):
        for position, word in enumerate(words(sentence)):
            if word[:1].isupper():
                yield word, position == 0
