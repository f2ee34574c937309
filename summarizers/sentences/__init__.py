"""One sentence splitter for the whole pipeline, with no data to download.

sumy's stock tokenizer wraps NLTK's punkt model, which must be downloaded at run time; this
module replaces it with rules that handle what news text needs: abbreviations and titles
("Maj. Gen.", "U.S.", "Jan."), initials ("J. K. Rowling"), decimals, ordinals ("am 3. Oktober",
"beim 9. Mal"), sentence ends inside quotation marks, the full stops of scripts without
capital letters (Arabic ؟, Devanagari ।) and the full-width ones of Chinese and Japanese
(。！？), which need no space after them. Each language's abbreviations and sentence starters
are data files (`lang/<code>/`, read by `rules`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from summarizers.models import Sentence
from summarizers.sentences.rules import SplitRules, split_rules

# Spanish ¿ and ¡ open a sentence like a quotation mark does.
_OPEN_QUOTES = "\"'“‘«„‚»‹([¿¡「『（《〈"
# German closes with “ and ‘ („so“, ‚so‘); English opens with them.
_CLOSE_QUOTES = "\"'”’“‘»«›‹)]」』）》〉"
# Sentence ends followed by a space: Latin, Greek, Cyrillic, Arabic (؟ ۔), Devanagari (। ॥),
# Armenian (։), Ethiopic (።).
_TERMINAL = ".!?…؟۔।॥։።"
# Chinese and Japanese full stops: the next sentence follows without a space.
_WIDE = "。！？"
_WIDE_CLOSE = "」』）》”’"
# A run of terminal punctuation, any closing quotes or brackets, then whitespace.
_BOUNDARY = re.compile(
    r"(?P<punct>["
    + re.escape(_TERMINAL)
    + r"]+|["
    + _WIDE
    + r"]+|:(?=\s+[\"“„«»]))(?P<close>["
    + re.escape(_CLOSE_QUOTES)
    + r"]*"
    # French sets a (no-break) space before its closing guillemet: « C'est fini ! » a-t-il dit.
    + r"(?:[ \u00a0\u202f][»›](?=\s))?)(?P<space>\s+"
    # Scraped text loses the space between paragraphs glued into one ("season.Scotland",
    # "Tokyo 2020.He"): two lower-case letters or digits, the stop, then a capitalised word.
    # British style closes the quote before the stop: 'of "darker days to come".He said'.
    + r"|(?<=[a-z0-9]{2}[.!?])(?=[A-Z][a-z])|(?<=[a-z]{2}[.!?][\"”’])(?=[A-Z][a-z])"
    + r"|(?<=[a-z]{2}[\"”’][.!?])(?=[A-Z][a-z])"
    + r"|(?<=["
    + _WIDE
    + r"])(?=\S)|(?<=["
    + _WIDE
    + r"]["
    + _WIDE_CLOSE
    + r"])(?=\S))"
)
_TOKEN_BEFORE = re.compile(r"(\S+)$")
_LOOKBACK = 64  # characters; longer tokens are never abbreviations or initials
_WORD = re.compile(r"[^\W_](?:[^\W_]|['’\-](?=[^\W_]))*", re.UNICODE)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def split_paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) offsets of the non-empty paragraphs of `text` (blank-line separated)."""
    pos = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        if text[pos : match.start()].strip():
            yield pos, match.start()
        pos = match.end()
    if text[pos:].strip():
        yield pos, len(text)


def _caseless(char: str) -> bool:
    """A letter of a script without capitals (Arabic, Hebrew, Devanagari, Chinese...)."""
    return char.isalpha() and not char.isupper() and not char.islower()


def _is_boundary(text: str, match: re.Match[str], rules: SplitRules, end: int) -> bool:
    punct = match.group("punct")
    if punct[0] in _WIDE:
        return True
    after = text[match.end() : min(match.end() + 40, end)]
    if not after:
        return True
    nxt = after.lstrip(_OPEN_QUOTES)
    if not nxt:
        return False
    first = nxt[0]
    if punct.startswith(":"):
        return False
    if punct != ".":
        # "!", "?" or an ellipsis: a boundary unless a lower-case word follows ("she asked").
        return not first.islower()
    if match.group("close"):
        # A period before a closing quote ends the sentence unless the sentence continues
        # in lower case.
        return not first.islower()
    if not (first.isupper() or first.isdigit() or after[0] in _OPEN_QUOTES or _caseless(first)):
        return False
    # Look back a short window only: searching from 0 made splitting quadratic in length.
    before = _TOKEN_BEFORE.search(text, max(0, match.start() - _LOOKBACK), match.start())
    if before is None:
        return True
    token = before.group(1).lstrip(_OPEN_QUOTES)
    bare = token.lower()
    next_word = _WORD.match(nxt)
    next_lower = next_word.group(0).lower() if next_word else ""
    if len(token) == 1 and token.isalpha():
        return False  # an initial ("J. K. Rowling") or a German abbreviation ("z. B.", "u. a.")
    if bare.isdigit():
        # Where a period also writes ordinals ("am 3. Oktober", "beim 9. Mal"), a short number
        # before a word that does not start sentences is one; years (4 digits) end sentences.
        return not (rules.ordinal_period and len(bare) <= 3 and next_lower not in rules.starters)
    if bare in rules.abbreviations or bare.rstrip(".") in rules.abbreviations:
        # "U.S." and similar can end a sentence; titles and months practically never do.
        return "." in bare and next_lower in rules.starters
    # Acronyms written with periods ("U.N.", "F.B.I."): a boundary only before a starter word.
    return not (re.fullmatch(r"(?:[a-z]\.)+[a-z]", bare) and next_lower not in rules.starters)


def split_sentences(text: str, language: str | None = "en") -> list[Sentence]:
    """Split `text` into sentences with offsets into `text`, paragraph by paragraph.

    A sentence never crosses a paragraph break; a line break inside a paragraph is treated as
    a space.
    """
    rules = split_rules(language or "en")
    out: list[Sentence] = []
    for para_index, (p_start, p_end) in enumerate(split_paragraphs(text)):
        start = p_start
        for match in _BOUNDARY.finditer(text, p_start, p_end):
            if not _is_boundary(text, match, rules, p_end):
                continue
            end = match.end() - len(match.group("space"))
            _append(out, text, start, end, para_index)
            start = match.end()
        _append(out, text, start, p_end, para_index)
    return out


def _append(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    trail = len(chunk) - len(chunk.rstrip())
    start, end = start + lead, end - trail
    if start < end:
        out.append(Sentence(text[start:end], start, end, paragraph, len(out)))


def words(text: str) -> list[str]:
    """Word tokens (letters and digits, keeping inner apostrophes and hyphens)."""
    return _WORD.findall(text)


class SumyTokenizer:
    """Drop-in for `sumy.nlp.tokenizers.Tokenizer` that needs no NLTK data."""

    def __init__(self, language: str = "en") -> None:
        self.language = language

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        """Sentences of `paragraph` as strings."""
        return tuple(s.text for s in split_sentences(paragraph, self.language))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        """Words of `sentence` as strings."""
        return tuple(words(sentence))
