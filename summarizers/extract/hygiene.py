"""Which sentences can stand alone as a key point: no page furniture, no dangling references.

Datelines ("LONDON (Reuters) -", "(CNN)") are cut off the front of a sentence rather than
dropping it, since the rest is usually the story's lede; the point stays a verbatim slice of
the article. Furniture (bylines, photo credits, "Advertisement", "Read more", ...) and
questions to the reader are never points. Sentences that lean on the previous one ("He added
that ...", "This comes as ...") are flagged as dangling: the selector may use them only right
after their predecessor.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from summarizers.langdata import entries, union, union_words, words
from summarizers.models import Sentence
from summarizers.quotes.lexicon import SPEECH_VERBS
from summarizers.sentences import words as tokenize

_PACKAGE = "summarizers.extract"
_OPEN = "\"'“‘«„‚»‹"
_CLOSE = "\"'”’»«›‹)]"

_AGENCIES = r"(?:Reuters(?: Health)?|AP|AFP|CNN(?: Money)?|dpa|Bloomberg|UPI|EFE|ANSA|PA)"
_DATELINE = re.compile(
    # "LONDON (Reuters) -", "NEW YORK, March 3 (Reuters) -", "(CNN) --", "(CNN)Blues ..."
    r"^(?:[A-ZÀ-Ý][A-ZÀ-Ý.'’ -]{1,40}(?:,\s*[A-Z][\w.]*\.?(?:\s+\d{1,2})?)?\s*)?"
    rf"\({_AGENCIES}\)\s*(?:[-–—]+\s*)?"
    # "Kathmandu, Nepal (CNN)Rescuers ...", "Boston (CNN) -- ...": a place in title case, only
    # before a dash or a capital, so "The Associated Press (AP) said" keeps its subject.
    r"|^[A-ZÀ-Ý][\w.'’-]*(?:,?\s+[A-ZÀ-Ý][\w.'’-]*){0,4}\s*"
    rf"\({_AGENCIES}\)(?:\s*[-–—]+\s*|\s*(?=[A-ZÀ-Ý\"“]))"
    # "PARIS — ", "BERLIN, 3. Oktober -": a capitalised place, then a dash.
    r"|^[A-ZÀ-Ý][A-ZÀ-Ý.'’ ]{2,30}(?:,\s*[\w. ]{1,25})?\s+[-–—]{1,2}\s+(?=[A-ZÀ-Ý\"“„«])"
)
# Furniture, whole sentence or its start, in English, German, French and Spanish.
_FURNITURE = re.compile(
    r"^(?:" + "|".join(map(re.escape, union(_PACKAGE, "furniture_whole"))) + r")\W*$"
    r"|^(?:" + "|".join(map(re.escape, union(_PACKAGE, "furniture_start"))) + ")"
    r"|(?<!\w)(?:" + "|".join(map(re.escape, union(_PACKAGE, "furniture_anywhere"))) + r")(?!\w)",
    re.IGNORECASE,
)
# A Daily Mail caption's label, one to three words and a colon before a capital: stripped
# from a candidate (dropping captions cost 0.17 ROUGE-1 on frank-cnndm; stripping costs none).
_LABEL = re.compile(r"^[A-ZÀ-Ý][\w'’-]*(?: [\w'’-]+){0,2}:\s+(?=[A-ZÀ-Ý0-9])")
_LABEL_MIN_REST = 20  # characters
_LIST_MARKER = re.compile(r"^[-–•*]\s+")
# Words a sentence cannot end on: one that does, without a stop, was cut off before a list.
_LEADS_ON = union_words(_PACKAGE, "leads_on")
MIN_WORDS = 4
# Words that may follow "By"/"Von"/"Par"/"Por" in a byline besides capitalised names.
_BYLINE_GLUE = union_words(_PACKAGE, "byline_glue")
_BYLINE_START = union_words(_PACKAGE, "byline_start")
_BYLINE_MAX_WORDS = 10


def strip_dateline(sentence: Sentence) -> Sentence:
    """`sentence` without a leading dateline, still a verbatim slice of the article."""
    match = _DATELINE.match(sentence.text)
    if match is None or match.end() >= len(sentence.text):
        return sentence
    cut = match.end()
    return replace(sentence, text=sentence.text[cut:], start=sentence.start + cut)


def strip_label(sentence: Sentence) -> Sentence:
    """`sentence` without a leading list marker ("- ", "• ") or caption label ("Sleepy kid:
    Brock Guzman, 8, was last seen ...", "Watch the video: ..."), still a verbatim slice of
    the article. A label that reports speech ("He added: ...") stays, and so does one with
    little after it."""
    marker = _LIST_MARKER.match(sentence.text)
    if marker is not None and marker.end() < len(sentence.text):
        cut = marker.end()
        sentence = replace(sentence, text=sentence.text[cut:], start=sentence.start + cut)
    match = _LABEL.match(sentence.text)
    if match is None or len(sentence.text) - match.end() < _LABEL_MIN_REST:
        return sentence
    if any(w.lower() in SPEECH_VERBS for w in tokenize(match.group(0))):
        return sentence
    cut = match.end()
    return replace(sentence, text=sentence.text[cut:], start=sentence.start + cut)


def is_furniture(text: str) -> bool:
    """True for page furniture, bylines, questions and fragments (photo credits are the prose
    gate's: a phrase list of them moved no fit or dev figure, bench/README.md "points")."""
    tokens = tokenize(text)
    if len(tokens) < MIN_WORDS:
        return True
    if text.rstrip(_CLOSE).endswith("?"):
        return True  # a question to the reader, or a quoted one: not a key point either way
    if _FURNITURE.search(text):
        return True
    if tokens[-1].lower() in _LEADS_ON and text.rstrip(_CLOSE)[-1:] not in ".!?…":
        return True  # "Recommendation widgets provide publishers with an" (a list follows)
    return _is_byline(tokens)


def _is_byline(tokens: list[str]) -> bool:
    if tokens[0].lower() not in _BYLINE_START or len(tokens) > _BYLINE_MAX_WORDS:
        return False
    return all(t[0].isupper() or t.lower() in _BYLINE_GLUE for t in tokens[1:])


def is_dangling(text: str, language: str) -> bool:
    """True if `text` only makes sense after the sentence before it."""
    if text[:1] in _OPEN:
        return False  # a quotation opens the sentence: its pronouns are the speaker's
    code = language[:2]
    single = words(_PACKAGE, code, "dangling_words")
    if not single:
        return False  # no list for this language: better a loose point than a lost one
    lowered = text.lower()
    if lowered.startswith(entries(_PACKAGE, code, "dangling_phrases")):
        return True
    if lowered.startswith(tuple(f"{e} " for e in entries(_PACKAGE, code, "impersonal"))):
        return False
    tokens = tokenize(text[:60])
    if not tokens:
        return False
    first = tokens[0].lower()
    if first not in single:
        return False
    # "This year ..." sets a time; "That's why" and "This comes as" do point back.
    return not (len(tokens) > 1 and tokens[1].lower() in words(_PACKAGE, code, "time_words"))


def candidates(sentences: list[Sentence], quoted: Sequence[tuple[int, int]] = ()) -> list[Sentence]:
    """The sentences that may be points, datelines cut off, furniture dropped, order kept.

    `quoted` are the article's quotation spans, marks included: a sentence wholly inside one
    is somebody's words without the words saying whose, so it is left to the key quotes.
    """
    out = []
    for sentence in sentences:
        stripped = strip_label(strip_dateline(sentence))
        if not is_furniture(stripped.text) and not _inside(stripped, quoted):
            out.append(stripped)
    return out


def _inside(sentence: Sentence, quoted: Sequence[tuple[int, int]]) -> bool:
    # Quotes come in article order, so a binary search finds the only span that may hold it.
    at = bisect_right(quoted, (sentence.start, math.inf)) - 1
    return at >= 0 and quoted[at][0] <= sentence.start and sentence.end <= quoted[at][1]
