"""Page furniture that survives main-text extraction: headline repeats, bylines, "Read more"
teasers, share and comment prompts, newsletter and subscription boxes, related-story links.

Rules see one extracted paragraph at a time plus what the page says about it (its headline and
the texts of its links); each rule was kept only where it raised both the Scrapinghub and the
trafilatura benchmark scores (see bench/README.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml.html import HtmlElement

from summarizers.clean.dates import find_date

_SPACE = re.compile(r"\s+")
_BULLET = re.compile(r"^[-•»>*|\s]+")
# Teasers and calls to action, in English, German, French and Spanish.
_PROMPT = re.compile(
    r"^(read (more|also)|related( (stories|articles|posts?))?|see also|also on|more:|don'?t miss|"
    r"click here|like this story|subscribe|sign up|follow (us|\w+ on)|write to|have a tip|"
    r"get the latest|lesen sie (auch|mehr)|mehr zum thema|auch interessant|"
    r"das könnte sie auch|lire aussi|à lire aussi|voir aussi|leer más|lea también|"
    r"te puede interesar|más información|ver también)\b",
    re.IGNORECASE,
)
_STAMP = re.compile(
    r"^(published|posted|updated|last updated|modified|veröffentlicht|aktualisiert|publié|"
    r"mis à jour|publicado|actualizado)\b.{0,60}$",
    re.IGNORECASE,
)
_WIDGET = re.compile(
    r"^(share|teilen|partager|compartir|tweet|email|print|advertisement|anzeige|werbung|"
    r"publicité|publicidad|comments?|kommentare?|commentaires?|comentarios?|\d+ comments?|"
    r"view comments|tags?|schlagwörter|mots-clés|etiquetas)\W*$",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"^(photo|image|picture|foto|bild|crédit|credit)s?\s*(:|by\b|credit\b|©)", re.IGNORECASE
)
_BYLINE = re.compile(r"^(by|von|par|por)\s+\S+(\s+\S+){0,5}$", re.IGNORECASE)
_URL = re.compile(r"^(https?://|www\.)\S+$|^\S+\.\w{2,4}(/\S*)?$")
_TOP_LINES = 5  # bylines and datelines are only furniture near the top of the story
_MIN_LINK_WORDS = 5  # shorter link paragraphs are often product names or list entries


def _plain(text: str) -> str:
    return _BULLET.sub("", _SPACE.sub(" ", text).strip())


def link_texts(tree: HtmlElement) -> frozenset[str]:
    """The whitespace-normalised texts of every link on the page."""
    return frozenset(
        text for text in (_SPACE.sub(" ", a.text_content()).strip() for a in tree.iter("a")) if text
    )


def is_furniture(paragraph: str, position: int, links: frozenset[str]) -> bool:
    """Whether one extracted paragraph is page furniture rather than article text."""
    text = _plain(paragraph)
    if not text:
        return True
    if any(rule.match(text) for rule in (_PROMPT, _STAMP, _WIDGET, _CREDIT)):
        return True
    if position < _TOP_LINES and (
        _BYLINE.match(text) or (len(text) < 60 and find_date(text, whole_line=True))
    ):
        return True
    # A paragraph that is one whole link to another page: a related-story teaser. List items
    # and short links are kept (product names, tables of contents).
    return (
        text in links
        and not paragraph.lstrip().startswith("- ")
        and len(text.split()) >= _MIN_LINK_WORDS
        and not _URL.match(text)
        and not text.endswith(".")
    )


def prune(paragraphs: Iterable[str], *, headline: str | None, links: frozenset[str]) -> list[str]:
    """The paragraphs without page furniture and without a leading repeat of the headline."""
    kept: list[str] = []
    folded_headline = _SPACE.sub(" ", headline).strip().casefold() if headline else None
    for position, paragraph in enumerate(paragraphs):
        if position == 0 and _SPACE.sub(" ", paragraph).strip().casefold() == folded_headline:
            continue  # the headline is its own field, not the first paragraph
        if not is_furniture(paragraph, position, links):
            kept.append(paragraph)
    return kept
