"""Check a model's draft against the article: nothing invented, quotes verbatim, sizes, language.

`check()` returns a `Verdict`: the problems found (each one line, for the repair prompt) and
the draft's quotes as verified `Quote`s (offsets into `article.text`, speaker as the article
gives it), `None` where a quote failed.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass, replace

from summarizers.language import detect_language
from summarizers.models import Article, Digest, Quote
from summarizers.quotes import find_quotes
from summarizers.quotes.interrupted import parts_of, quote_of_parts
from summarizers.rewrite.parse import Draft, DraftQuote
from summarizers.rewrite.text import (
    NUMBER_WORDS,
    capitalised_words,
    normalise,
    numbers,
    quoted_spans,
    words,
)

HEADLINE_CHARS = 160
POINT_CHARS = 320
QUOTE_CHARS = 600
# An ellipsis between words: where a quote leaves out its tag or a passage.
_ELLIPSIS = re.compile(r"\s+(?:…|\.\.\.)\s+")

_MONTHS = {dt.date(2000, m, 1).strftime("%B").lower() for m in range(1, 13)}
_WEEKDAYS = {dt.date(2000, 1, d).strftime("%A").lower() for d in range(3, 10)}
# Capitalised only because they open a sentence; fine even if the article never uses them.
_STARTERS = frozenset(
    "a an the this that these those it its he she they we there here in on at after before "
    "while meanwhile however but and also despite although according as by for from with "
    "without since until when where both some many most no not one other others such "
    "then now still yet so instead overall together first finally separately moreover under "
    "over about more less all each every his her their our if what who which why how "
    "officials authorities".split()
)


@dataclass(frozen=True)
class Problem:
    """One reason to reject a draft: `kind` names it in a few words, `detail` explains it.

    `quote` is the index of the draft quote at fault when the problem is confined to it, so
    that dropping that quote would fix it.
    """

    kind: str
    detail: str
    quote: int | None = None


@dataclass(frozen=True)
class Verdict:
    """The problems in a draft and its verified quotes (`None` for a rejected one)."""

    problems: list[Problem]
    quotes: list[Quote | None]

    @property
    def only_quote_problems(self) -> bool:
        """True when dropping the bad quotes would leave nothing wrong."""
        return all(p.quote is not None for p in self.problems)

    @property
    def reason(self) -> str:
        """The kind of the problem that matters most: one that cannot be fixed by dropping."""
        serious = [p for p in self.problems if p.quote is None]
        return (serious or self.problems)[0].kind if self.problems else ""


class Reference:
    """What the article states: its words, numbers, quotes and speakers, precomputed once."""

    def __init__(self, article: Article, digest: Digest) -> None:
        self.article = article
        self.text = article.text
        # The article's language code, detected when the article does not say.
        self.language = article.language or detect_language(article.text)
        self.norm, self.where = normalise(article.text)
        facts = " ".join(
            filter(None, [article.headline, article.byline, article.site, article.text])
        )
        self.words = {w.lower() for w in words(facts)}
        self.numbers = numbers(facts)
        if article.published:
            day = article.published
            self.numbers |= {str(day.day), str(day.month), str(day.year)}
            self.words |= {day.strftime("%B").lower(), day.strftime("%A").lower()}
        if (self.language or "en") == "en":
            self.numbers |= {NUMBER_WORDS[w] for w in self.words if w in NUMBER_WORDS}
        # A rewritten point may be as long as the longest sentence it replaces.
        self.point_chars = max([POINT_CHARS, *(len(p) for p in digest.points)])
        # The digest's quotes may carry resolved speakers; the finder's cover every quote.
        # An interrupted quote counts part by part: the tag between its parts is narration.
        self.known_quotes = [
            *(replace(q, start=a, end=b, parts=()) for q in digest.quotes for a, b in parts_of(q)),
            *find_quotes(article),
        ]

    def locate(self, quote: str, after: int = 0) -> tuple[int, int] | None:
        """Offsets in `article.text` of `quote` (its first occurrence from offset `after`),
        matched after normalisation; None if absent."""
        needle, _ = normalise(quote.strip().strip("\"'“”‘’«»„").rstrip(".,;:!?"))
        if len(needle) < 3:
            return None
        at = self.norm.find(needle, bisect_left(self.where, after))
        if at < 0:
            return None
        return self.where[at], self.where[at + len(needle) - 1] + 1

    def locate_parts(self, quote: str) -> list[tuple[int, int]] | None:
        """Offsets of `quote` as one verbatim run or, failing that, of each part its
        ellipses separate, in article order; None if any part is absent."""
        whole = self.locate(quote)
        if whole is not None or not _ELLIPSIS.search(quote):
            return None if whole is None else [whole]
        parts: list[tuple[int, int]] = []
        for piece in _ELLIPSIS.split(quote):
            found = self.locate(piece, parts[-1][1] if parts else 0)
            if found is None:
                return None
            parts.append(found)
        return parts

    def speaker_of(self, start: int, end: int) -> tuple[bool, str | None]:
        """(inside a known quotation?, the speaker the article gives for it, if any)."""
        around = [q for q in self.known_quotes if q.start <= start and end <= q.end]
        named = [q.speaker for q in around if q.speaker]
        return bool(around), named[0] if named else None

    def mentions_near(self, name: str, offset: int) -> bool:
        """Whether every word of `name` occurs in the paragraph at `offset` or the one before."""
        begin = self.text.rfind("\n\n", 0, self.text.rfind("\n\n", 0, offset) + 1)
        end = self.text.find("\n\n", offset)
        window = {w.lower() for w in words(self.text[max(begin, 0) : end if end >= 0 else None])}
        wanted = [w.lower() for w in words(name)]
        return bool(wanted) and all(w in window for w in wanted)


def check(draft: Draft, ref: Reference, max_points: int, max_quotes: int) -> Verdict:
    """Every problem in `draft`, and its quotes verified (at most `max_quotes` are kept)."""
    problems: list[Problem] = []
    if not draft.points:
        problems.append(Problem("no points", "the answer has no points"))
    if len(draft.points) > max_points:
        problems.append(
            Problem("too many points", f"give at most {max_points} points, not {len(draft.points)}")
        )
    if len(draft.headline) > HEADLINE_CHARS:
        problems.append(
            Problem("too long", f"the headline is longer than {HEADLINE_CHARS} characters")
        )
    for point in draft.points:
        if len(point) > ref.point_chars:
            problems.append(
                Problem(
                    "too long", f'the point "{_short(point)}" is over {ref.point_chars} characters'
                )
            )
    problems += _language(draft, ref)  # first: a wrong language explains everything else
    problems += _facts(draft, ref)
    quotes: list[Quote | None] = []
    for index, item in enumerate(draft.quotes[:max_quotes]):
        quote, problem = _quote(index, item, ref)
        quotes.append(quote)
        if problem:
            problems.append(problem)
    return Verdict(problems, quotes)


def _facts(draft: Draft, ref: Reference) -> list[Problem]:
    problems = []
    seen: set[str] = set()
    for line in [draft.headline, *draft.points]:
        for quoted in quoted_spans(line):
            if ref.locate(quoted) is None:
                problems.append(
                    Problem(
                        "invented quote",
                        f'the quoted words "{_short(quoted)}" are not in the article',
                    )
                )
        for number in sorted(numbers(line) - ref.numbers - seen):
            seen.add(number)
            problems.append(
                Problem(
                    "number not in article",
                    f'the number {number} in "{_short(line)}" is not in the article',
                )
            )
        for word, opens_sentence in capitalised_words(line):
            lower = word.lower()
            if lower in ref.words or lower in seen or (opens_sentence and lower in _STARTERS):
                continue
            seen.add(lower)
            kind = "date" if lower in _MONTHS | _WEEKDAYS else "name"
            problems.append(
                Problem(
                    f"{kind} not in article", f'"{word}" in "{_short(line)}" is not in the article'
                )
            )
    return problems


def _language(draft: Draft, ref: Reference) -> list[Problem]:
    wanted = ref.language
    got = detect_language(" ".join([draft.headline, *draft.points]))
    if wanted and got and got != wanted:
        return [Problem("wrong language", f"write in the article's language ({wanted}), not {got}")]
    return []


def _quote(index: int, item: DraftQuote, ref: Reference) -> tuple[Quote | None, Problem | None]:
    parts = ref.locate_parts(item.text)
    if parts is None:
        return None, Problem(
            "invented quote", f'the quote "{_short(item.text)}" is not in the article', index
        )
    if sum(end - start for start, end in parts) > QUOTE_CHARS:
        return None, Problem(
            "quote too long", f'the quote "{_short(item.text)}" is too long', index
        )
    found = [ref.speaker_of(start, end) for start, end in parts]
    if not all(in_quote for in_quote, _ in found):
        # Verbatim, but narration: showing it as somebody's words would misattribute it.
        return None, Problem(
            "invented quote",
            f'"{_short(item.text)}" is in the article but not as a direct quotation',
            index,
        )
    named = list(dict.fromkeys(who for _, who in found if who))
    if len(named) > 1:
        return None, Problem(
            "wrong speaker",
            f'the quote "{_short(item.text)}" joins words of {named[0]} and {named[1]}',
            index,
        )
    speaker = named[0] if named else None
    if speaker is not None:
        if item.speaker and not same_person(item.speaker, speaker):
            return None, Problem(
                "wrong speaker",
                f'the article gives the quote "{_short(item.text)}" to {speaker}, '
                f"not {item.speaker}",
                index,
            )
    elif item.speaker and not ref.mentions_near(item.speaker, parts[0][0]):
        return None, Problem(
            "wrong speaker",
            f'the article does not say that {item.speaker} said "{_short(item.text)}"',
            index,
        )
    return quote_of_parts(ref.text, parts, speaker or item.speaker or None), None


def same_person(a: str, b: str) -> bool:
    """Whether two names plausibly name one person ("Gedney" and "Maj. Gen. Felix Gedney")."""
    left = [w.lower() for w in words(a)]
    right = [w.lower() for w in words(b)]
    if not left or not right:
        return False
    return left[-1] == right[-1] or set(left) <= set(right) or set(right) <= set(left)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
