"""Dates written out in page text ("Thursday 28 December 2017", "Dec. 28, 2017", "28.12.2017")."""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    # English, German, French, Spanish; abbreviations by their first letters below.
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "mai": 5, "juni": 6, "juli": 7,
    "oktober": 10, "dezember": 12,
    "janvier": 1, "février": 2, "mars": 3, "avril": 4, "juin": 6, "juillet": 7, "août": 8,
    "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
    "diciembre": 12,
}  # fmt: skip
_ABBREVIATED = {name[:3]: num for name, num in _MONTHS.items() if name.isascii()}
_MONTH = r"(?P<month>[A-Za-zÀ-ÿ]{3,10})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|\.|º)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_PATTERNS = [
    re.compile(rf"\b{_DAY}\s+(?:de\s+)?{_MONTH}\s+(?:de\s+)?,?\s*{_YEAR}\b"),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),
    re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{1,2})-(?P<day>\d{1,2})\b"),
    re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>(?:19|20)\d{2})\b"),
]
_WEEKDAYS = re.compile(
    r"\b(mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?\b|\b(montag|dienstag|mittwoch|"
    r"donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    r"lunes|martes|miércoles|jueves|viernes|sábado|domingo)\b",
    re.IGNORECASE,
)
_FILLER = re.compile(r"\b(published|posted|on|am|le|el|the|at|um|à|a las|\d{1,2}[:.]\d{2}\w*|"
                     r"gmt|utc|[ap]\.?m\.?)\b|[^\w]+", re.IGNORECASE)  # fmt: skip
_ZONE = re.compile(r"\b[A-Z]{2,4}\b")  # "KSA", "CET": upper case only


def _month_number(raw: str) -> int | None:
    if raw.isdigit():
        return int(raw)
    name = raw.lower().rstrip(".")
    return _MONTHS.get(name) or _ABBREVIATED.get(name[:3] if len(name) >= 3 else name)


def find_date(text: str, *, whole_line: bool = False) -> dt.date | None:
    """The first calendar date written in `text`, or None.

    With `whole_line`, only a line that is essentially a date (weekday, time and "Published"
    allowed around it) counts, so a body sentence that mentions a date is not mistaken for
    a dateline.
    """
    for pattern in _PATTERNS:
        match = pattern.search(text)
        if match is None:
            continue
        month = _month_number(match.group("month"))
        if month is None:
            continue
        try:
            found = dt.date(int(match.group("year")), month, int(match.group("day")))
        except ValueError:
            continue
        if whole_line:
            rest = _WEEKDAYS.sub(" ", text[: match.start()] + " " + text[match.end() :])
            if _FILLER.sub(" ", _ZONE.sub(" ", rest)).strip():
                continue
        return found
    return None
