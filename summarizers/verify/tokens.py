"""Text → tokens keyed for matching: variants joined, numbers normalised, words stemmed.

Two spellings of one thing get one `key`: "PM" and "prime minister", "Indian" and "India",
"three" and "3", "Olympics" and "Olympic". Summaries from tokenising systems ("Clinton 's",
"do n't", "\\'") are mended first, so that they read as the article does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizers.sentences import split_sentences
from summarizers.verify.rules import LanguageRules

_TOKEN = re.compile(
    r"(?P<number>\d+(?:[.,]\d{3})*(?:[.,]\d+)?)|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)|(?P<symbol>[%£$€])"
)
_THOUSANDS = re.compile(r"[.,](?=\d{3}(?!\d))")
# Double quotation marks of any style, and curly single ones (straight ' is an apostrophe).
_QUOTED = re.compile(r"[\"“„«]([^\"“”„«»]{3,}?)[\"”“»]|‘([^‘’]{3,}?)’(?!\w)")
# Initials with dots are one abbreviation: "U.S." and "u.s." are "US".
_DOTTED = re.compile(r"\b(?:[^\W\d_]\.){2,}")
# Tokenised text: "Clinton 's", "do n't", escaped quotes, PTB quote pairs.
_MENDS = (
    (re.compile(r"\\(['\"])"), r"\1"),
    (re.compile(r"``|''"), '"'),
    (re.compile(r"\s+(['’](?:s|re|ve|ll|d|m)\b|n['’]t\b)", re.IGNORECASE), r"\1"),
)
# A tokenised sentence end (" . ") also ends a sentence before a lower-case word.
_TOKENISED_END = re.compile(r"(?<=\s[.!?])\s+")
# Anything but spaces between two words, bar the apostrophe of a plural possessive ("Jones' car").
_GAP = re.compile(r"^(?!['’]\s+$)\s*\S")
_NOT = re.compile(r"n['’]t$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)


@dataclass(frozen=True)
class Token:
    """One word, number or symbol. `key` is what matching compares."""

    text: str
    key: str
    kind: str  # "word", "number" or "symbol"
    capital: bool = False
    stop: bool = False
    # Punctuation or a dropped placeholder stands between this token and the one before: no
    # name runs across it ("Pope Francis, George Clooney").
    gap: bool = False

    @property
    def content(self) -> bool:
        """A word or number that carries meaning (not a function word or a symbol)."""
        return self.kind != "symbol" and not self.stop


def quoted_spans(text: str) -> list[str]:
    """The words between quotation marks in `text`, marks excluded."""
    return [m.group(1) or m.group(2) for m in _QUOTED.finditer(text)]


def mend(text: str) -> str:
    """Undo the tokenisation artefacts of system summaries."""
    for pattern, replacement in _MENDS:
        text = pattern.sub(replacement, text)
    return text


def summary_sentences(text: str, language: str | None) -> list[str]:
    """The sentences of a summary, tokenised sentence ends included."""
    out = []
    for sentence in split_sentences(mend(text), language):
        out += [part.strip() for part in _TOKENISED_END.split(sentence.text) if part.strip()]
    return out


def number_key(digits: str) -> str:
    """A number normalised: thousands separators gone, decimal comma → point, no leading 0."""
    plain = _THOUSANDS.sub("", digits).replace(",", ".")
    whole, dot, fraction = plain.partition(".")
    return (whole.lstrip("0") or "0") + dot + fraction


def _raw(text: str) -> list[tuple[str, str, bool]]:
    """(surface, kind, gap) in order; "don't" gives "do" and "not", "Clinton's" gives "Clinton";
    `gap` when more than spaces stands before the token."""
    out: list[tuple[str, str, bool]] = []
    text = _DOTTED.sub(lambda m: m.group().replace(".", "").upper(), text)
    end = 0
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "word"
        surface = match.group()
        gap = bool(out) and bool(_GAP.search(text[end : match.start()]))
        end = match.end()
        if kind == "word":
            if _NOT.search(surface):
                base = surface[:-3]
                if base:
                    out.append((base, "word", gap))
                out.append(("not", "word", False))
                continue
            surface = _POSSESSIVE.sub("", surface)
        out.append((surface, kind, gap))
    return out


def _split_elisions(
    raw: list[tuple[str, str, bool]], elisions: frozenset[str]
) -> list[tuple[str, str, bool]]:
    """ "l'homme" → "l'", "homme" where the language elides ("qu'il", "d'un")."""
    if not elisions:
        return raw
    out = []
    for surface, kind, gap in raw:
        head, mark, rest = surface.replace("’", "'").partition("'")
        if kind == "word" and rest and (head + mark).lower() in elisions:
            out += [(surface[: len(head) + 1], kind, gap), (surface[len(head) + 1 :], kind, False)]
        else:
            out.append((surface, kind, gap))
    return out


def tokenize(text: str, rules: LanguageRules) -> list[Token]:
    """The tokens of `text`, multi-word variants joined into one token."""
    raw: list[tuple[str, str]] = []
    gaps: list[bool] = []
    dropped = False
    for surface, kind, gap in _split_elisions(_raw(text), rules.elisions):
        if surface.lower() in rules.placeholders:
            dropped = bool(raw)
            continue
        raw.append((surface, kind))
        gaps.append(gap or dropped)
        dropped = False
    lowers = [s.lower() for s, _ in raw]
    out: list[Token] = []
    i = 0
    reach = rules.longest_variant
    while i < len(raw):
        surface, kind = raw[i]
        lower = lowers[i]
        gap = gaps[i]
        group = None
        if kind != "number":
            for n in range(min(reach, len(raw) - i), 0, -1):
                found = rules.variants.get(tuple(lowers[i : i + n]))
                # A variant that is also a function word ("us", "who") counts only in capitals.
                if found and (n > 1 or lower not in rules.stopwords or surface.isupper()):
                    group = found
                    break
        if group is not None:
            span = raw[i : i + n]
            text_of = " ".join(s for s, _ in span)
            out.append(Token(text_of, "=" + group, "word", surface[:1].isupper(), False, gap))
            i += n
            continue
        if kind == "number":
            out.append(Token(surface, number_key(surface), "number", gap=gap))
        elif kind == "symbol":
            out.append(Token(surface, surface, "symbol", gap=gap))
        elif lower in rules.number_words:
            capital = surface[:1].isupper()
            out.append(Token(surface, rules.number_words[lower], "number", capital, gap=gap))
        else:
            stop = lower in rules.stopwords
            out.append(Token(surface, rules.stem(lower), "word", surface[:1].isupper(), stop, gap))
        i += 1
    return out
