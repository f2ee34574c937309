"""Check a model's draft against the article: nothing invented, quotes verbatim, sizes, language.

`check()` returns a `Verdict`: the problems found (each one line, for the repair prompt), the
draft's quotes as verified `Quote`s (offsets into `article.text`, speaker as the article gives
it), `None` where a quote failed, and beside each point the article sentences it rests on.
Whether the headline and points are supported is the faithfulness checker's call
(`summarizers.verify`, fitted on human judgements); quotes must be verbatim, as a rule.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace

from summarizers.language import detect_language
from summarizers.models import Article, Digest, Quote
from summarizers.quotes import find_quotes
from summarizers.quotes.interrupted import parts_of, quote_of_parts
from summarizers.rewrite.parse import Draft, DraftQuote
from summarizers.rewrite.text import normalise, words
from summarizers.verify import ArticleIndex, Checker, SentenceVerdict
from summarizers.verify.tokens import quoted_spans

HEADLINE_CHARS = 160
POINT_CHARS = 320
QUOTE_CHARS = 600
# An ellipsis between words: where a quote leaves out its tag or a passage.
_ELLIPSIS = re.compile(r"\s+(?:…|\.\.\.)\s+")


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
    evidence: list[list[int]] = field(default_factory=list)

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
        # The headline, byline, site and date state facts too, but are no evidence sentences.
        facts = [f for f in (article.headline, article.byline, article.site) if f]
        if article.published:
            facts.append(article.published.strftime("%A %d %B %Y"))
        self.index = ArticleIndex(article.text, self.language, facts)
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


def check(
    draft: Draft, ref: Reference, max_points: int, max_quotes: int, checker: Checker | None = None
) -> Verdict:
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
    verdicts = (checker or Checker()).check_sentences(ref.index, draft_lines(draft)).sentences
    problems += _facts(draft, ref, verdicts)
    quotes: list[Quote | None] = []
    for index, item in enumerate(draft.quotes[:max_quotes]):
        quote, problem = _quote(index, item, ref)
        quotes.append(quote)
        if problem:
            problems.append(problem)
    evidence = [list(v.evidence) for v in verdicts[1:]] if draft.points else []
    return Verdict(problems, quotes, evidence)


def draft_lines(draft: Draft) -> list[str]:
    """What the checker reads: the headline (or nothing in its place), then each point."""
    return [draft.headline, *draft.points]


def _facts(draft: Draft, ref: Reference, verdicts: list[SentenceVerdict]) -> list[Problem]:
    """Invented quotes and unsupported lines; hard failures (invented numbers, names, dates)
    first, as they matter most and no rewording of the rest can fix them."""
    hard: list[Problem] = []
    soft: list[Problem] = []
    for number, (line, verdict) in enumerate(zip(draft_lines(draft), verdicts, strict=True)):
        if not line:
            continue
        for quoted in quoted_spans(line):
            if ref.locate(quoted) is None:
                hard.append(
                    Problem(
                        "invented quote",
                        f'the quoted words "{_short(quoted)}" are not in the article',
                    )
                )
        if verdict.supported:
            continue
        # The quote check above reports invented quotes with the article's exact offsets.
        named = [p for p in verdict.problems if p.hard and p.kind != "invented quote"]
        hard += [Problem(p.kind, f'{p.detail} ("{_short(line)}")') for p in named]
        # A headline is too terse for the sentence model: only the hard rules judge it.
        if not verdict.hard and number > 0:
            why = "; ".join(p.detail for p in verdict.problems) or "too little of it is there"
            soft.append(
                Problem("unsupported", f'the article does not support "{_short(line)}": {why}')
            )
    return hard + soft


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
