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

from summarizers.models import Sentence
from summarizers.quotes.lexicon import SPEECH_VERBS
from summarizers.sentences import words

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
    r"^(?:advertisement|anzeige|publicité|publicidad|werbung)\W*$"
    r"|^(?:read more|read next|related(?: articles| stories)?:|see also|click here|scroll down"
    r"|share this|sign up|subscribe|follow (?:us|@)|watch:|video:|photo:|photos:|image:"
    r"|picture:|pictured:|credit:|lesen sie (?:auch|mehr)|mehr zum thema|weiterlesen|foto:"
    r"|bild:|lire aussi|lire la suite|à lire aussi|voir aussi|leer más|lea también|ver también"
    r"|últimas noticias|published:|updated:|last updated|zuletzt aktualisiert|mis à jour"
    r"|actualizado)"
    r"|\b(?:all rights reserved|alle rechte vorbehalten|tous droits réservés"
    r"|todos los derechos reservados|may not be published, broadcast|contributed to this report"
    # A sponsorship disclosure: "All opinions are mine alone. #HealthyHydration #ad".
    r"|all opinions are (?:my|mine|our)|has been compensated by|#(?:ad|sponsored)\b"
    r"|(?:reporting|editing|writing) by [A-Z])",
    re.IGNORECASE,
)
# A Daily Mail caption's label, one to three words and a colon before a capital: stripped
# from a candidate (dropping captions cost 0.17 ROUGE-1 on frank-cnndm; stripping costs none).
_LABEL = re.compile(r"^[A-ZÀ-Ý][\w'’-]*(?: [\w'’-]+){0,2}:\s+(?=[A-ZÀ-Ý0-9])")
_LABEL_MIN_REST = 20  # characters
_LIST_MARKER = re.compile(r"^[-–•*]\s+")
# Words a sentence cannot end on: one that does, without a stop, was cut off before a list.
_LEADS_ON = frozenset("a an the of to with and or for in by from that".split())
MIN_WORDS = 4
# Words that may follow "By"/"Von"/"Par"/"Por" in a byline besides capitalised names.
_BYLINE_GLUE = frozenset("and und et y for für pour para the of de del von van der la le".split())
_BYLINE_START = frozenset("by von par por".split())
_BYLINE_MAX_WORDS = 10

# First words that point back to the previous sentence, per language. Multi-word entries are
# matched on the lower-cased start of the sentence.
_DANGLING: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {
    "en": (
        frozenset(
            """
            but and or so yet also however moreover furthermore meanwhile nevertheless
            nonetheless still instead besides then thus therefore hence otherwise likewise
            similarly additionally consequently indeed anyway plus he she they it his her their
            its him them this that these those such that's it's he's she's they're
            """.split()
        ),
        (
            "in addition",
            "as a result",
            "on the other hand",
            "despite this",
            "in turn",
            "even so",
            "at the same time",
            "after that",
            "because of this",
        ),
    ),
    "de": (
        frozenset(
            """
            aber und oder doch jedoch außerdem zudem dennoch trotzdem deshalb daher darum somit
            allerdings auch dabei danach dazu damit ebenfalls er sie es sein seine seinen
            seiner ihr ihre ihren ihrer dies diese dieser dieses dort
            """.split()
        ),
        ("vor diesem hintergrund", "aus diesem grund"),
    ),
    "fr": (
        frozenset(
            """
            mais et ou donc pourtant cependant toutefois néanmoins ensuite puis aussi également
            il elle ils elles ce cela ceci ça celui celle ceux celles son sa ses leur leurs
            """.split()
        ),
        ("en outre", "de plus", "par ailleurs", "en revanche", "pour autant", "c'est pourquoi"),
    ),
    "es": (
        frozenset(
            """
            pero y o e también además entonces luego así él ella ellos ellas esto eso este
            esta estos estas ese esa esos esas su sus asimismo
            """.split()
        ),
        ("sin embargo", "por eso", "por lo tanto", "no obstante", "por su parte", "de hecho"),
    ),
}
# "This year ...", "Ce matin ...", "Esta semana ..." set a time; they do not point back.
_TIME_WORDS = frozenset(
    """
    year years week weeks weekend month months morning afternoon evening night day days
    season summer winter spring autumn fall time century decade
    jahr woche wochenende monat tag abend morgen nacht sommer winter frühjahr herbst
    matin soir week-end semaine mois année an jour nuit été hiver printemps automne
    año mes semana día noche mañana tarde verano invierno primavera otoño fin
    """.split()
)
# "Il y a deux ans" means "two years ago": the pronoun points at nothing.
_IMPERSONAL = ("il y a ",)


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
    if any(w.lower() in SPEECH_VERBS for w in words(match.group(0))):
        return sentence
    cut = match.end()
    return replace(sentence, text=sentence.text[cut:], start=sentence.start + cut)


def is_furniture(text: str) -> bool:
    """True for page furniture, bylines, questions and fragments (photo credits are the prose
    gate's: a phrase list of them moved no fit or dev figure, bench/README.md "points")."""
    tokens = words(text)
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
    rules = _DANGLING.get(language[:2])
    if rules is None:
        return False  # no list for this language: better a loose point than a lost one
    single, phrases = rules
    lowered = text.lower()
    if lowered.startswith(phrases):
        return True
    if lowered.startswith(_IMPERSONAL):
        return False
    tokens = words(text[:60])
    if not tokens:
        return False
    first = tokens[0].lower()
    if first not in single:
        return False
    # "This year ..." sets a time; "That's why" and "This comes as" do point back.
    return not (len(tokens) > 1 and tokens[1].lower() in _TIME_WORDS)


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
