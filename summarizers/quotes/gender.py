"""A person's likely gender from their first name or a gendered description.

Only used to refuse a pronoun that cannot stand for someone ("she" is not Bill Kirkup), so the
lists hold common first names (English, German, French, Spanish) that are rarely given to
the other gender; names used for both (Alex, Sam, Jordan, Andrea, Dominique) are left out.
"""

from __future__ import annotations

from summarizers.quotes.language import word_set

MALE = "m"
FEMALE = "f"

_MALE_NAMES = word_set("male_names")
_FEMALE_NAMES = word_set("female_names")
# Descriptions that show a gender: "the 34-year-old mother", "his wife", "the actress".
_MALE_WORDS = word_set("male_words")
_FEMALE_WORDS = word_set("female_words")


def first_name_gender(name: str) -> str | None:
    """MALE or FEMALE for a common first name, else None."""
    low = name.lower()
    if low in _MALE_NAMES and low not in _FEMALE_NAMES:
        return MALE
    if low in _FEMALE_NAMES and low not in _MALE_NAMES:
        return FEMALE
    return None


_POSSESSIVES = word_set("gender_possessives")
# How many words a possessive may stand before the noun it owns ("his young daughter").
_POSSESSIVE_REACH = 3


def described_gender(words: list[str]) -> str | None:
    """MALE or FEMALE when the describing words ("the 34-year-old mother") show one; a noun
    owned by a possessive ("taking his young daughter") is someone else and shows nothing."""
    cleaned = [w.lower().strip(".,;:") for w in words]
    lows = {
        w
        for i, w in enumerate(cleaned)
        if not _POSSESSIVES & set(cleaned[max(0, i - _POSSESSIVE_REACH) : i])
    }
    male, female = bool(lows & _MALE_WORDS), bool(lows & _FEMALE_WORDS)
    if male == female:
        return None
    return MALE if male else FEMALE
