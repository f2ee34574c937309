"""One sentence splitter for the whole pipeline, with no data to download.

sumy's stock tokenizer wraps NLTK's punkt model, which must be downloaded at run time; this
module replaces it with rules that handle what news text needs: abbreviations and titles
("Maj. Gen.", "U.S.", "Jan."), initials ("J. K. Rowling"), decimals, ordinals in German
dates ("am 3. Oktober") and sentence ends inside quotation marks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from summarizers.models import Sentence

# Lower-cased, without the final period. Shared across languages: a Latin-script abbreviation
# rarely ends a sentence in any of them, and mixing costs little.
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms messrs dr prof gen maj col lt sgt capt cmdr adm brig cpl pvt gov sen rep pres
    supt det insp rev fr hon st ste mt ft jr sr inc ltd co corp bros plc llc vs etc no nos
    vol pp approx dept est fig al jan feb mar apr jun jul aug sep sept oct nov dec mon tue
    tues wed thu thur thurs fri sat sun ala ariz ark calif colo conn del fla ga ill ind kan
    ky la md mass mich minn miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo e.g
    i.e a.m p.m u.s u.k u.n u.s.a d.c z.b u.a bzw usw ca nr hr vgl sog evtl ggf inkl bzgl
    d.h z.t mme mmes mlle cf env sra srta dra ud uds pág
    mrd mio tsd bspw einschl geb gegr str tel abs ff dt zzt janv févr avr juil déc av avda
    bd núm ej aprox ee.uu
    """.split()
)
# Words that start sentences often enough that "U.S. The" is a boundary but "U.S. Army" not.
_STARTERS = frozenset(
    """
    the a an he she it they we i you his her its their this that these those there but and
    so yet or in on at for if when while after before as by from with however meanwhile
    still also last next some many most one two three what who why how where
    der die das ein eine el la los las un una le les il elle ils
    """.split()
)
_GERMAN_MONTHS = frozenset(
    """
    januar februar märz april mai juni juli august september oktober november dezember
    jänner
    """.split()
)

# Spanish ¿ and ¡ open a sentence like a quotation mark does.
_OPEN_QUOTES = "\"'“‘«„‚»‹([¿¡"
# German closes with “ and ‘ („so“, ‚so‘); English opens with them.
_CLOSE_QUOTES = "\"'”’“‘»«›‹)]"
# A run of terminal punctuation, any closing quotes or brackets, then whitespace.
_BOUNDARY = re.compile(
    r"(?P<punct>[.!?…]+|:(?=\s+[\"“„«»]))(?P<close>["
    + re.escape(_CLOSE_QUOTES)
    + r"]*"
    # French sets a (no-break) space before its closing guillemet: « C'est fini ! » a-t-il dit.
    + r"(?:[ \u00a0\u202f][»›](?=\s))?)(?P<space>\s+"
    # Scraped text loses the space between paragraphs glued into one ("season.Scotland",
    # "Tokyo 2020.He"): two lower-case letters or digits, the stop, then a capitalised word.
    # British style closes the quote before the stop: 'of "darker days to come".He said'.
    + r"|(?<=[a-z0-9]{2}[.!?])(?=[A-Z][a-z])|(?<=[a-z]{2}[.!?][\"”’])(?=[A-Z][a-z])"
    + r"|(?<=[a-z]{2}[\"”’][.!?])(?=[A-Z][a-z]))"
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


def _is_boundary(text: str, match: re.Match[str], language: str, end: int) -> bool:
    punct = match.group("punct")
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
    if not (first.isupper() or first.isdigit() or after[0] in _OPEN_QUOTES):
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
        # German ordinal dates ("am 3. Oktober"); elsewhere a number ends sentences.
        return not (language == "de" and next_lower in _GERMAN_MONTHS)
    if bare in _ABBREVIATIONS or bare.rstrip(".") in _ABBREVIATIONS:
        # "U.S." and similar can end a sentence; titles and months practically never do.
        return "." in bare and next_lower in _STARTERS
    # Acronyms written with periods ("U.N.", "F.B.I."): a boundary only before a starter word.
    return not (re.fullmatch(r"(?:[a-z]\.)+[a-z]", bare) and next_lower not in _STARTERS)


def split_sentences(text: str, language: str | None = "en") -> list[Sentence]:
    """Split `text` into sentences with offsets into `text`, paragraph by paragraph.

    A sentence never crosses a paragraph break; a line break inside a paragraph is treated as
    a space.
    """
    lang = (language or "en").lower()[:2]
    out: list[Sentence] = []
    for para_index, (p_start, p_end) in enumerate(split_paragraphs(text)):
        start = p_start
        for match in _BOUNDARY.finditer(text, p_start, p_end):
            if not _is_boundary(text, match, lang, p_end):
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
