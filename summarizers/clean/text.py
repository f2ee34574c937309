"""Plain text → Article: body paragraphs kept, page furniture dropped, metadata found.

Scraped text arrives in any order (the sample has its body first and its headline, caption,
byline, date and "most viewed" list after it), so every line is classified on its own
merits and the headline is chosen by how well it matches the body, not by position alone.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from summarizers.clean.boilerplate import is_furniture
from summarizers.clean.dates import find_date
from summarizers.errors import InputError
from summarizers.language import detect_language
from summarizers.models import Article
from summarizers.sentences import split_sentences, words

# Lines that are page furniture whatever their context.
_FURNITURE = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"^[\d.,]+\s*[km]?\s*(views?|reads?|comments?|shares?|likes?)\b",
        r"^(show|load|see|read|view) (more|all|less|full story|comments)\b\W*$",
        r"^(advertisement|sponsored|ad|promoted|skip to (main )?content|share|tweet|email|"
        r"print)\W*$",
        r"^(share (this|on)|follow us|sign up|subscribe|newsletter|related( articles| stories)?|"
        r"most (read|viewed|popular|shared)|trending|recommended|top stories|more from)\b.{0,40}$",
        r"^(last )?(update[ds]?|modified|posted|published)\s*(:|on\b)",
        r"^(photo|image|picture|video|file photo|credit)s?\s*(:|by\b|credit\b)",
        r"\b(we use cookies|accept (all )?cookies|cookie (policy|settings)|privacy policy)\b",
        r"^(copyright|©|all rights reserved)",
        r"^[\W_]*$",  # "-", "|", "•" and the like
        r"^scroll down( for (video|more))?\W*$",
    )
]
_MENU_SEPARATORS = re.compile(r"\s[|•·/»]\s|\s\|$|^\|")
_CAPTION_CREDIT = re.compile(
    r"\((?:[^()]*\b(?:photo|file|reuters|afp|ap|getty|epa|courtesy|credit|images?|task force|"
    r"handout|via)\b[^()]*|[A-Z][^()]{2,80})\)\s*$",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^(by|von|par|por)\s+[A-ZÀ-Ý]", re.IGNORECASE)
_AGENCY_BYLINE = re.compile(
    r"^(?:(?i:reuters|afp|ap|associated press|dpa|efe|ansa|bloomberg|staff writer)|"
    r"[A-Z][a-z]+ [A-Z][a-z]+)(?:\s*[,|/–-]\s*[A-Z][\w .'-]{1,40})?$"
)
_TERMINAL = re.compile(r"[.!?…]['\"”’»)\]]*$")
_TIME_ONLY = re.compile(r"^\d{1,2}[:.]\d{2}\s*(am|pm|[A-Z]{2,4})?\b.{0,30}$", re.IGNORECASE)

MIN_BODY_WORDS = 5
MIN_PROSE_SENTENCES = 2
HEADLINE_WORDS = (3, 25)


@dataclass(frozen=True)
class _Line:
    text: str
    block: int  # index of the blank-line separated block the line came from


def clean_text(text: str, *, url: str | None = None) -> Article:
    """Clean pasted or scraped plain text into an Article.

    Raises `InputError` when nothing that reads like article prose is left.
    """
    lines = _lines(text)
    published = _published(lines)
    body: list[str] = []
    meta: list[str] = []
    for line in lines:
        text = _without_caption(line.text)
        kind = _classify(text)
        if kind == "body":
            body.append(text)
        elif kind == "meta":
            meta.append(text)
    # Prose-like furniture ("Lesen Sie auch: ...", newsletter offers, affiliate notes): the
    # same rules as for extracted HTML paragraphs; plain text has no links to compare with.
    body = [
        line for i, line in enumerate(body) if not is_furniture(line, i, len(body), frozenset())
    ]
    if not body:
        raise InputError("The text has no sentences to summarise.")
    headline = _headline(meta, body)
    byline = _byline(meta, headline)
    body_text = "\n\n".join(body)
    return Article(
        url=url,
        headline=headline,
        byline=byline,
        published=published,
        language=detect_language(body_text),
        paragraphs=body,
    )


def _lines(text: str) -> list[_Line]:
    """Non-empty lines, re-joining hard-wrapped paragraphs."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    out: list[_Line] = []
    for block_index, block in enumerate(re.split(r"\n\s*\n", text)):
        raw = [" ".join(line.split()) for line in block.split("\n")]
        raw = [line for line in raw if line]
        if _is_wrapped(raw):
            out.append(_Line(" ".join(raw), block_index))
        else:
            out.extend(_Line(line, block_index) for line in raw)
    return out


def _is_wrapped(lines: list[str]) -> bool:
    """A block hard-wrapped at a fixed width: most lines long and not ending a sentence."""
    if len(lines) < 2:
        return False
    open_lines = [ln for ln in lines[:-1] if len(ln) >= 40 and not _TERMINAL.search(ln)]
    return len(open_lines) >= 0.6 * (len(lines) - 1)


def _classify(line: str) -> str:
    """'body' for article prose, 'meta' for a possible headline/byline, 'junk' otherwise."""
    if any(p.search(line) for p in _FURNITURE) or _TIME_ONLY.match(line):
        return "junk"
    if find_date(line, whole_line=True) is not None:
        return "junk"  # a dateline on its own; `_published` has read it already
    n_words = len(words(line))
    if len(_MENU_SEPARATORS.findall(line)) >= 2 and not _TERMINAL.search(line):
        return "junk"  # "DAY | WEEK |", "News | Sport | Business"
    if _CAPTION_CREDIT.search(line) and n_words >= 8:
        return "junk"  # photo caption ending in its credit
    if _TERMINAL.search(line) and n_words >= MIN_BODY_WORDS:
        return "body"
    if n_words >= 30:
        return "body"  # long prose that lost its final punctuation
    return "meta"


def _without_caption(line: str) -> str:
    """`line` without a photo caption ending it, when prose comes before the caption.

    An article glued into one line ends in its last caption ("... (file picture)"): the
    caption goes, not the article. A line with fewer than two sentences before the caption
    is left whole (and classified as a caption).
    """
    credit = _CAPTION_CREDIT.search(line)
    if credit is None:
        return line
    sentences = split_sentences(line)
    caption = next((s for s in sentences if s.end > credit.start()), None)
    before = [s for s in sentences if caption is None or s.end <= caption.start]
    if sum(_TERMINAL.search(s.text) is not None for s in before) < MIN_PROSE_SENTENCES:
        return line
    return line[: before[-1].end].rstrip()


def _published(lines: list[_Line]) -> dt.date | None:
    """The story's date: the first standalone date line that is not an update stamp."""
    for line in lines:
        lowered = line.text.lower()
        if re.match(r"^(last )?(update|modified|edited)", lowered):
            continue
        found = find_date(line.text, whole_line=True)
        if found is not None:
            return found
    return None


def _content_words(text: str) -> set[str]:
    return {w.lower() for w in words(text) if len(w) > 3}


def _headline(meta: list[str], body: list[str]) -> str | None:
    """The meta line that best matches the opening of the body and looks like a title."""
    lead = _content_words(" ".join(body[:4]))
    best: tuple[float, str] | None = None
    for line in meta:
        n = len(words(line))
        if not HEADLINE_WORDS[0] <= n <= HEADLINE_WORDS[1] or _BYLINE.match(line):
            continue
        vocab = _content_words(line)
        if not vocab:
            continue
        score = len(vocab & lead) / len(vocab)
        if best is None or score > best[0]:
            best = (score, line)
    if best is None or best[0] < 0.3:
        return None
    return best[1]


def _byline(meta: list[str], headline: str | None) -> str | None:
    """'By Jane Doe' or an agency line such as 'Reuters, Washington'."""
    for line in meta:
        if line == headline:
            continue
        if _BYLINE.match(line) and len(words(line)) <= 10:
            return line
    for line in meta:
        if line != headline and _AGENCY_BYLINE.match(line):
            return line
    return None
