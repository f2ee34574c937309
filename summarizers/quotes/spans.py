"""Quotation spans: which quotation marks open, which close, and what they enclose.

Each mark is classified from its neighbours (a mark followed by a letter and preceded by a
space opens; one preceded by a letter and followed by a space or punctuation closes), the way
typesetters read them, so apostrophes (don't, the 1990s, Jones') and inch marks are not taken
for quotes. Marks are then paired on a stack, so a quote nested in another ('...' inside
"...") stays part of the outer quote and only outermost quotes are returned.

A quote running over several paragraphs (an opening mark at each paragraph, no closing mark
until the last) is returned as one `Span` per paragraph: the text between the marks of each
part, so every part is a verbatim slice of the article without marks inside it. Parts after
the first have `continued=True`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizers.quotes.language import common_rows, endings, word_set
from summarizers.quotes.lexicon import SPEECH_VERBS
from summarizers.quotes.unmarked import find_unmarked
from summarizers.sentences import split_paragraphs

SINGLE = "single"

_MARK_TABLE = common_rows("quote_marks")
_FAMILY = {row[0]: row[1] for row in _MARK_TABLE}
QUOTE_MARKS = "".join(_FAMILY)
_MARKS = re.compile("[" + re.escape(QUOTE_MARKS) + "]")
# Which closing marks end a quote opened by a given mark ("„" closes with "“" in German).
_CLOSERS = {row[0]: row[2] for row in _MARK_TABLE}
# Spaces French typesetting puts inside guillemets (including the no-break ones).
_INNER_SPACE = " \t\n\u00a0\u202f\u2009"
# Words that begin with an elided letter: 'em, 'til, 'n' (rock 'n' roll).
_ELISIONS = re.compile(r"(?:em|til|tis|twas|cause|n|s)\b", re.IGNORECASE)
_OPENING_CONTEXT = "([{\u2014\u2013-/"
_ENDS_UTTERANCE = frozenset(".!?,…")
_ENDS_SENTENCE = frozenset(".!?…")


@dataclass(frozen=True)
class Span:
    """One quotation (or one paragraph's part of it): text at `start:end`, marks outside."""

    start: int
    end: int
    mark_start: int
    mark_end: int
    continued: bool = False
    # Where the speaker is named by layout alone (a pull quote's "... Valeska Paris").
    named_by: tuple[int, int] | None = None


@dataclass(frozen=True)
class _Mark:
    pos: int
    char: str
    opens: bool
    closes: bool


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def _classify(text: str, i: int) -> _Mark | None:
    """The mark at `i` as an opener, a closer, both (ambiguous) or None (an apostrophe)."""
    ch = text[i]
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if ch in "„‚":
        return _Mark(i, ch, True, False)
    if ch in "«»‹›":
        return _classify_guillemet(i, ch, prev, nxt)
    left = not _is_space(nxt) and (_is_space(prev) or prev in _OPENING_CONTEXT or prev in _FAMILY)
    right = not _is_space(prev) and (_is_space(nxt) or not nxt.isalnum())
    if _FAMILY[ch] == SINGLE:
        if prev.isalnum() and nxt.isalnum():
            return None  # don't, O'Brien
        if left and (nxt.isdigit() or _ELISIONS.match(text, i + 1)):
            return None  # the '90s, 'em
        if ch == "‘":
            return _Mark(i, ch, left or not right, False)
        if not (left or right):
            # Free-standing: a closing mark set off by a space ("sexual.... ' Then"), or
            # not a quotation mark at all.
            return _Mark(i, ch, False, True) if text[i - 2 : i - 1] in _ENDS_UTTERANCE else None
        return _Mark(i, ch, left, right)
    if ch == "“":
        # An English opener, or the German closer of „...“.
        return _Mark(i, ch, left or not right, right or not left)
    if ch == "”":
        return _Mark(i, ch, left and not right, right or not left)
    return _Mark(i, ch, left or not right, right or not left)


def _classify_guillemet(i: int, ch: str, prev: str, nxt: str) -> _Mark:
    # French «...» / ‹...› (often with spaces inside) versus German »...« / ›...‹.
    if ch in "«‹":
        german_close = not _is_space(prev) and (_is_space(nxt) or not nxt.isalnum())
        return _Mark(i, ch, not german_close, german_close)
    german_open = not _is_space(nxt) and nxt.isalnum() and (_is_space(prev) or not prev.isalnum())
    return _Mark(i, ch, german_open, not german_open)


def _paragraph_marks(text: str, start: int, end: int) -> list[_Mark]:
    marks = []
    for match in _MARKS.finditer(text, start, end):
        i = match.start()
        # A doubled single mark is one double mark (‘‘...’’, as some typesetting writes it):
        # the inner mark of each pair stands for the pair, so the quote's text has no mark.
        if (text[i] == "‘" and text[i + 1 : i + 2] == "‘") or (
            text[i] == "’" and text[i - 1 : i] == "’"
        ):
            continue
        mark = _classify(text, i)
        if mark is not None:
            marks.append(mark)
    return marks


@dataclass
class _Pairing:
    """Marks paired on a stack: the outermost (open, close) pairs, the openers left unclosed,
    and the marks that re-open an outermost quote after a sentence (by opener position)."""

    pairs: list[tuple[_Mark, _Mark]]
    unclosed: list[_Mark]
    reopens: dict[int, list[_Mark]]


def _pair(text: str, marks: list[_Mark]) -> _Pairing:
    """Pair the marks of one paragraph."""
    stack: list[_Mark] = []
    pairs: list[tuple[_Mark, _Mark]] = []
    reopens: dict[int, list[_Mark]] = {}
    for index, mark in enumerate(marks):
        target = _open_partner(stack, mark)
        if stack and _reopens_glued(text, marks, index, stack[-1]):
            reopens.setdefault(stack[-1].pos, []).append(mark)
        elif target is not None and _prefers_close(text, marks, index):
            opener = stack[target]
            del stack[target:]
            if not stack:
                pairs.append((opener, mark))
        elif stack and _reopens(text, stack[-1], mark):
            reopens.setdefault(stack[-1].pos, []).append(mark)
        elif mark.opens:
            if stack and _abandons(text, stack[-1], reopens.get(stack[-1].pos, []), mark):
                stack.pop()
            stack.append(mark)
    return _Pairing(pairs, stack, reopens)


_SENTENCE_END = re.compile(r"[.!?…]\s+[\"'‘“]?[A-Z]")


def _abandons(text: str, opener: _Mark, breaks: list[_Mark], mark: _Mark) -> bool:
    """Has the quote `opener` lost its closing mark, now that `mark` opens a quote of the same
    kind in mid-sentence after it ran on past a sentence end ("... worried. 'It turned out
    ... She added: 'He was")? A true quote nested in one of its own kind comes inside a
    sentence; one that ran on unclosed across sentences is given up (where it ended is
    unknown)."""
    if mark.closes or _FAMILY[mark.char] != _FAMILY[opener.char]:
        return False
    last = breaks[-1].pos if breaks else opener.pos
    return _SENTENCE_END.search(text, last, mark.pos) is not None


def _reopens(text: str, opener: _Mark, mark: _Mark) -> bool:
    """Is `mark` the opening mark of a quote's next paragraph, in a text whose paragraph
    breaks were lost ("... in England. 'Everyone has ...")? Same kind of mark as the open
    quote, opening only, right after the end of a sentence."""
    if not mark.opens or mark.closes or _FAMILY[mark.char] != _FAMILY[opener.char]:
        return False
    return re.search(r"[.!?…]\s+$", text[max(0, mark.pos - 4) : mark.pos]) is not None


# Spoken words: the first or second person, or a contraction, which news narrative avoids.
_SPOKEN = re.compile(
    r"\b(?:I|I'm|I've|I'd|I'll|[Ww]e|[Ww]e're|[Ww]e've|[Mm]y|[Oo]ur|me|us|[Yy]ou|[Yy]our)\b"
    r"|\w(?:n't|'re|'ve|'ll|'m)\b|\b(?:[Ii]t|[Tt]hat|[Tt]here|[Ww]hat|[Ll]et)'s\b"
)
_SEGMENT_REACH = 600


def _reopens_glued(text: str, marks: list[_Mark], index: int, opener: _Mark) -> bool:
    """In text whose paragraphs were glued without a space ('... people."I feel ...'), a
    mark between a sentence end and a capital may close the quote or re-open it for its next
    paragraph. It re-opens when what follows up to the next such mark sounds spoken (`_SPOKEN`)
    and reports no speech (the quote goes on), and closes otherwise ("Piers Wenger
    is ... he thinks")."""
    mark = marks[index]
    if not (mark.opens and mark.closes) or _FAMILY[mark.char] != _FAMILY[opener.char]:
        return False
    if text[mark.pos - 1 : mark.pos] not in _ENDS_SENTENCE:
        return False
    if not text[mark.pos + 1 : mark.pos + 2].isupper():
        return False
    later = [m.pos for m in marks[index + 1 :] if _FAMILY[m.char] == _FAMILY[mark.char]]
    stop = min(later[0] if later else len(text), mark.pos + _SEGMENT_REACH)
    segment = text[mark.pos + 1 : stop]
    return _SPOKEN.search(segment) is not None and not _reports_speech(segment)


# A speech verb reports narrative speech ("he thinks", "the club also tweeted") unless its
# own sentence is spoken in the first or second person before it ("I ... told the story").
_SPEAKING_PERSON = word_set("speaking_person")


def _reports_speech(segment: str) -> bool:
    """Does `segment` hold a speech verb whose sentence is not in the first or second person?"""
    for sentence in re.split(r"(?<=[.!?])", segment):
        tokens = re.findall(r"[A-Za-z]+", sentence)
        for k, word in enumerate(tokens):
            if word.lower() in SPEECH_VERBS and not _SPEAKING_PERSON.intersection(tokens[:k]):
                return True
    return False


def _parts(text: str, opener: _Mark, breaks: list[_Mark], end: int, mark_end: int) -> list[Span]:
    """The spans of a quote from `opener` to `end` (its closing mark ends at `mark_end`), one
    per lost paragraph: each re-opening mark in `breaks` ends one part and starts the next."""
    spans = []
    starts = [opener, *breaks]
    stops = [(m.pos, m.pos) for m in breaks] + [(end, mark_end)]
    for index, (mark, (stop, part_end)) in enumerate(zip(starts, stops, strict=True)):
        start, stop = _inner(text, mark.pos + 1, stop)
        if start < stop:
            spans.append(Span(start, stop, mark.pos, part_end, continued=index > 0))
    return spans


def _open_partner(stack: list[_Mark], mark: _Mark) -> int | None:
    if not mark.closes:
        return None
    for index in range(len(stack) - 1, -1, -1):
        if mark.char in _CLOSERS[stack[index].char]:
            return index
    return None


def _prefers_close(text: str, marks: list[_Mark], index: int) -> bool:
    """For an ambiguous mark with a matching opener: close unless a later mark closes better."""
    mark = marks[index]
    if _FAMILY[mark.char] != SINGLE:
        return True
    # A single mark after "s" may be a plural possessive (the players' kit): only close here
    # if no later single mark in the paragraph could close the quote.
    prev = text[mark.pos - 1] if mark.pos else ""
    nxt = text[mark.pos + 1] if mark.pos + 1 < len(text) else ""
    if prev.lower() != "s" or not nxt.isspace():
        return True
    following = text[mark.pos + 1 : mark.pos + 3].strip()[:1]
    if not following.islower():
        return True  # "... boasts' Three": a sentence goes on, not a possessive noun
    for later in marks[index + 1 :]:
        if _FAMILY[later.char] != SINGLE:
            continue
        if later.closes:
            return False
        if later.opens:
            return True  # the next quote starts first: this mark closed the quote
    return True


def _inner(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _INNER_SPACE:
        start += 1
    while end > start and text[end - 1] in _INNER_SPACE:
        end -= 1
    return start, end


def find_spans(text: str) -> list[Span]:
    """Outermost quotations of `text`, in order, one `Span` per paragraph part."""
    paragraphs = list(split_paragraphs(text))
    spans: list[Span] = []
    carried: _Mark | None = None  # an opener still open at the end of the previous paragraph
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        marks = _paragraph_marks(text, p_start, p_end)
        if carried is not None:
            marks, part, closed = _continue(text, marks, carried, p_start, p_end)
            if part is not None:
                spans.append(part)
            if not closed:
                nxt = paragraphs[p_index + 1] if p_index + 1 < len(paragraphs) else None
                if nxt is None or not _continues(text, carried, *nxt):
                    carried = None
                continue
            carried = None
        pairing = _pair(text, marks)
        for opener, closer in pairing.pairs:
            breaks = pairing.reopens.get(opener.pos, [])
            spans.extend(_parts(text, opener, breaks, closer.pos, closer.pos + 1))
        if pairing.unclosed and p_index + 1 < len(paragraphs):
            opener = pairing.unclosed[0]
            if _continues(text, opener, *paragraphs[p_index + 1]):
                breaks = pairing.reopens.get(opener.pos, [])
                spans.extend(_parts(text, opener, breaks, p_end, p_end))
                carried = opener
    kept = [s for s in spans if s.continued or not (_is_title(text, s) or _is_scare_quote(text, s))]
    return _with_unmarked(text, paragraphs, kept)


def _with_unmarked(text: str, paragraphs: list[tuple[int, int]], spans: list[Span]) -> list[Span]:
    """`spans` plus the quotations set off by layout alone that no marked span overlaps."""
    extra = [
        Span(q.start, q.end, q.start, q.end, named_by=q.name)
        for q in find_unmarked(text, paragraphs)
        if not any(s.mark_start < q.end and q.start < s.mark_end for s in spans)
    ]
    return sorted(spans + extra, key=lambda s: s.start) if extra else spans


def _continues(text: str, opener: _Mark, start: int, end: int) -> bool:
    """Does the paragraph at `start:end` continue the quote left open by `opener`?"""
    marks = _paragraph_marks(text, start, end)
    if not marks:
        return False
    first = marks[0]
    if text[start : first.pos].strip() == "" and first.opens:
        # The multi-paragraph convention: an opening mark at each paragraph.
        return _FAMILY[first.char] == _FAMILY[opener.char]
    # No opening mark, but a closing one with nothing to close: the quote ends here.
    return first.closes and not first.opens and first.char in _CLOSERS[opener.char]


def _continue(
    text: str, marks: list[_Mark], opener: _Mark, p_start: int, p_end: int
) -> tuple[list[_Mark], Span | None, bool]:
    """This paragraph's part of a carried quote, the marks after it, and whether it closed."""
    inner_start, mark_start, rest = p_start, p_start, marks
    if marks and marks[0].opens and text[p_start : marks[0].pos].strip() == "":
        inner_start, mark_start, rest = marks[0].pos + 1, marks[0].pos, marks[1:]
    closing = _pair_from(text, rest, opener)
    stop = p_end if closing is None else closing.pos
    start, end = _inner(text, inner_start, stop)
    mark_end = p_end if closing is None else closing.pos + 1
    part = Span(start, end, mark_start, mark_end, continued=True) if start < end else None
    if closing is None:
        return [], part, False
    return rest[rest.index(closing) + 1 :], part, True


def _pair_from(text: str, marks: list[_Mark], opener: _Mark) -> _Mark | None:
    """The mark that closes `opener` when `marks` continue its quote, if any."""
    stack: list[_Mark] = [opener]
    for index, mark in enumerate(marks):
        target = _open_partner(stack, mark)
        if target is not None and _prefers_close(text, marks, index):
            if target == 0:
                return mark
            del stack[target:]
        elif mark.opens:
            stack.append(mark)
    return None


_TITLE_WORD = re.compile(r"[A-Z0-9][\w'’.:&-]*")
_MINOR_WORDS = word_set("minor_words")


# A short quotation counts only next to a verb of saying or naming ("called the plan
# "dangerous""); otherwise it is a scare quote or a term ("to "streamline" processing").
_SCARE_MAX_WORDS = 3
_NAMING_VERBS = SPEECH_VERBS | word_set("naming_verbs")
# "according to", "selon", "de acuerdo con": whole phrases, since their words alone ("in",
# "de") are everywhere.
_ACCORDING_PHRASE = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(p) for p in endings("according")) + r")(?!\w)",
    re.IGNORECASE,
)
# Nouns that introduce words as words: the term "X", the hashtag "X".
_CITED_NOUNS = word_set("cited_nouns")
_CLAUSE_START = re.compile(r"(?:[.!?…]\s|\n)(?!.*(?:[.!?…]\s|\n))", re.DOTALL)
_LOWER_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _is_scare_quote(text: str, span: Span) -> bool:
    """A quotation of a few words with no verb of saying in its sentence before it or
    just after it."""
    content = text[span.start : span.end]
    if len(content.split()) > _SCARE_MAX_WORDS or content[-1] in ".,!?…":
        return False  # long, or punctuated as an utterance ("It's sad.")
    window = text[max(0, span.mark_start - 300) : span.mark_start]
    boundary = _CLAUSE_START.search(window)
    before = window[boundary.end() :] if boundary else window
    if not before.strip() and re.match(r"\s*[.!?…]", text[span.mark_end : span.mark_end + 3]):
        return False  # a sentence of its own: «Es un compromiso».
    if before.split() and before.split()[-1].lower() in _CITED_NOUNS:
        return True  # 'adding the words "and Emergency"': words mentioned, not said
    # A few words after it too: '"We are not," she said.'
    after = re.split(r"[.!?…\n]", text[span.mark_end : span.mark_end + 60])[0].split()[:4]
    words = _LOWER_WORD.findall(before) + _LOWER_WORD.findall(" ".join(after))
    if any(w.lower() in _NAMING_VERBS for w in words):
        return False
    return not _ACCORDING_PHRASE.search(" ".join([before, *after]))


# A cited title at the head of a line: "Title" — Publisher, date
_CITATION_TAIL = re.compile(r"[ \t]*[\u2014\u2013-][ \t]*[A-Z]")  # on the same line
_MAX_AUTHOR_WORDS = 4


def _is_title(text: str, span: Span) -> bool:
    """A title or name in quotation marks ("The Internet Explorer 6 Countdown"), not a quote."""
    content = text[span.start : span.end]
    # At the head of its line, or after an author: 'Peter Zimonjic. "MP calls for ..." — Sun'
    lead = text[text.rfind("\n", 0, span.mark_start) + 1 : span.mark_start]
    line_start = not lead.strip() or (
        len(lead.split()) <= _MAX_AUTHOR_WORDS and lead.endswith(". ")
    )
    words = content.split()
    # A headline has no full stop; '"... been George R.R. Martin." — Neil Gaiman' is a quote.
    headline = bool(words) and content.rstrip()[-1] not in ".!?…"
    if line_start and headline and _CITATION_TAIL.match(text, span.mark_end):
        return True
    if not words or len(words) > 12 or content[-1] in ".,!?;…":
        return False
    capitals = [w for w in words if w.lower() not in _MINOR_WORDS]
    if len(capitals) < 2 and len(words) < 2:
        return False
    return all(_TITLE_WORD.fullmatch(w) for w in capitals) and words[0][0].isupper()
