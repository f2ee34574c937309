"""Page furniture that survives main-text extraction: headline repeats, bylines, "Read more"
teasers, share and comment prompts, newsletter and subscription boxes, related-story links.

Rules see one extracted paragraph at a time plus what the page says about it (its headline and
the texts of its links); each rule was kept only where it raised both the Scrapinghub and the
trafilatura benchmark scores (see bench/README.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from summarizers.clean.dates import find_date

if TYPE_CHECKING:  # text input never needs lxml
    from lxml.html import HtmlElement

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]")
_BULLET = re.compile(r"^[-•»>*|\s]+")
# Teasers and calls to action, in English, German, French and Spanish.
_PROMPT = re.compile(
    r"^(read (more|also)|related( (stories|articles|posts?))?|see also|also on|more:|don'?t miss|"
    r"click here|like this story|subscribe|sign up|follow (us|\w+ on)|write to|have a tip|"
    r"get the latest|lesen sie (auch|mehr)|mehr zum thema|auch interessant|"
    r"das könnte sie auch|lire aussi|à lire aussi|voir aussi|leer más|lea también|"
    r"te puede interesar|le puede interesar|más información|ver también|contenido relacionado|"
    r"empfohlene (beiträge|artikel)|weitere (themen|beiträge|artikel)|mehr themen|"
    r"vorschau auf den nächsten artikel|pour (lire la suite|accéder)|s[ií]guenos)\b|"
    r"^(anzeige|werbung|advertisement|sponsored)\s*[-:|]",
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
    r"view comments|tags?|schlagwörter|mots-clés|etiquetas|(order )?reprints?|"
    r"print (this )?(article|page|story)|drucken|imprimer|imprimir)\W*$",
    re.IGNORECASE,
)
# Taxonomy, newsletter-box titles and affiliate disclosures.
_LABEL = re.compile(r"^[\w .’'&-]{0,40}\bnewsletter$", re.IGNORECASE)
_TAXONOMY = re.compile(
    r"\b(categor(y|ies)|filed under|tags?|kategorien?|rubrik|schlagworte|catégories?|"
    r"categorías?|etiquetas)\s*:",
    re.IGNORECASE,
)
_MAX_TAXONOMY_WORDS = 15
_DISCLOSURE = re.compile(
    r"\b(may|might|will) (receive|earn|get) (a )?(small )?(compensation|commissions?|"
    r"share of the sale)\b|\bfor your personal,? non-commercial use\b|"
    r"^(an error (has )?occurred|this article has been sent to)\b",
    re.IGNORECASE,
)
# "sexta-feira, 22 de outubro de 2010 às 20:13", "[ 2018-08-25 15:24 ]": a time stamp in any
# language, even where the month names are unknown.
_YEAR_AND_TIME = re.compile(
    r"\b(19|20)\d{2}\b.{0,30}\b\d{1,2}[:h]\d{2}\b|\b\d{1,2}[:h]\d{2}\b.{0,30}\b(19|20)\d{2}\b"
)
_MAX_STAMP_WORDS = 10
_MAX_CAPTION_CHARS = 400
_MAX_KICKER_WORDS = 4  # "BAAR, SWITZERLAND", "EXCLUSIVE": a dateline or label in capitals
# A picture caption ending in its credit in capitals: "... in Las Croabas. By U.S. CUSTOMS".
_CAPTION_CREDIT = re.compile(r"\b(?i:by|photo:?|credit:?|foto:?|bild:?)\s+[A-Z][A-Z .,'&/-]{3,}$")
_MENU_SEPARATOR = re.compile(r"\s[|•·]\s")
_CREDIT = re.compile(
    r"^(photo|image|picture|foto|bild|crédit|credit)s?\s*(:|by\b|credit\b|©)", re.IGNORECASE
)
_BYLINE = re.compile(r"^(by|von|par|por)\s+\S+(\s+\S+){0,5}$", re.IGNORECASE)
# Closing notes that address the reader with a call to action: newsletter, app and
# subscription offers, letters to the editor, donation and reprint notices.
_READER = re.compile(
    r"\b(you|your|you’re|you're|us|our|we|sie|ihr|ihre|ihnen|uns|unser\w*|vous|votre|vos|nous|"
    r"notre|usted|ustedes|nos|nuestr\w*)\b",
    re.IGNORECASE,
)
_CALL_TO_ACTION = re.compile(
    r"\b(subscri\w*|sign(ing)? up|newsletters?|follow (us|him|her|me)|help us|"
    r"donate|permission|reprint|log ?in|hear what|abonnieren sie|newsletter abonnieren|"
    r"spenden sie|inscrivez-vous|abonnez-vous|suscr[íi]bete|síguenos)\b",
    re.IGNORECASE,
)
_SIGN_UP = re.compile(r"\b(subscri\w*|sign(ing)? up|newsletters?)\b", re.IGNORECASE)
_TAIL_LINES = 3
_MAX_NOTE_WORDS = 40
_APP_OFFER = re.compile(r"\b(download|get) (the|our)\b.{0,40}\bapps?\b", re.IGNORECASE)
# A paragraph that is a bare domain name ("BVINEWS.COM") credits a source.
_DOMAIN = re.compile(r"^[\w-]+(\.[\w-]+)*\.[a-z]{2,6}$", re.IGNORECASE)
_URL = re.compile(r"^(https?://|www\.)\S+$|^\S+\.\w{2,4}(/\S*)?$")
_TOP_LINES = 5  # bylines and datelines are only furniture near the top of the story
_MIN_LINK_WORDS = 5  # shorter link paragraphs are often product names or list entries
_MAX_TAG_WORDS = 2


def _plain(text: str) -> str:
    return _BULLET.sub("", _SPACE.sub(" ", text).strip())


def _path(base: str, href: str = "") -> str | None:
    """The path `href` leads to from `base`, without a trailing slash; None if malformed."""
    try:
        return urlsplit(urljoin(base, href)).path.rstrip("/")
    except ValueError:
        return None


def link_texts(tree: HtmlElement, url: str | None) -> frozenset[str]:
    """The whitespace-normalised texts of the page's links to other pages.

    Links to the page itself (a headline linked to its permalink, in-page anchors) are left
    out: their text is the article's own.
    """
    own_path = _path(url) if url else None
    texts = set()
    for anchor in tree.iter("a"):
        href = (anchor.get("href") or "").strip()
        if not href or href.startswith("#"):
            continue
        # The cheap substring test spares resolving every link of a long page.
        if own_path is not None and own_path in href and _path(url or "", href) == own_path:
            continue
        text = _SPACE.sub(" ", anchor.text_content()).strip()
        if text:
            texts.add(text)
    return frozenset(texts)


def is_furniture(paragraph: str, position: int, total: int, links: frozenset[str]) -> bool:
    """Whether one extracted paragraph (at `position` of `total`) is page furniture."""
    text = _plain(paragraph)
    if not _WORD.search(text):
        return True  # separators, stray markup: "***", "<<<>>>"
    # A teaser may come in brackets: "[Related: Salesforce Dreamforce Keynote ...]".
    opening = text.lstrip("[( ")
    if any(rule.match(opening) for rule in (_PROMPT, _STAMP, _WIDGET, _CREDIT, _LABEL)):
        return True
    if _DISCLOSURE.search(text):
        return True
    if _TAXONOMY.search(text) and len(text.split()) < _MAX_TAXONOMY_WORDS:
        return True  # "Filed under: Politics", "News date: 04/21/2022 Category: Press"
    if position < _TOP_LINES and (
        _BYLINE.match(text)
        or (len(text) < 60 and find_date(text, whole_line=True))
        or (len(text) < 120 and _MENU_SEPARATOR.search(text) and find_date(text))
        or (len(text.split()) <= _MAX_STAMP_WORDS and _YEAR_AND_TIME.search(text))
        or (len(text) < _MAX_CAPTION_CHARS and _CAPTION_CREDIT.search(text))
        or (len(text.split()) <= _MAX_KICKER_WORDS and text.isupper())
    ):
        return True  # "By Jane Doe", "March 1, 2023", "March 1, 2023 | News | 3 comments"
    if _DOMAIN.match(text) or (position >= total - _TAIL_LINES and _APP_OFFER.search(text)):
        return True
    if (
        (position >= total - _TAIL_LINES or _SIGN_UP.search(text))
        and len(text.split()) < _MAX_NOTE_WORDS
        and _READER.search(text)
        and _CALL_TO_ACTION.search(text)
    ):
        return True
    # A paragraph that is one whole link to another page, perhaps tagged ("[VIDEO]"): a
    # related-story teaser. List items and short links are kept (product names, contents).
    if paragraph.lstrip().startswith("- ") or _URL.match(text) or text.endswith("."):
        return False
    return _starts_with_link(text, links)


def _starts_with_link(text: str, links: frozenset[str]) -> bool:
    """Whether `text` is a link text of several words, perhaps followed by a tag ("[VIDEO]")."""
    words = text.split()
    for cut in range(max(_MIN_LINK_WORDS, len(words) - _MAX_TAG_WORDS), len(words) + 1):
        if " ".join(words[:cut]) in links:
            return True
    return False


def only_links(paragraphs: Iterable[str], links: frozenset[str]) -> bool:
    """Whether every paragraph is the text of a link: a menu, not an article."""
    return all(_plain(paragraph) in links for paragraph in paragraphs)


def prune(paragraphs: Iterable[str], *, headline: str | None, links: frozenset[str]) -> list[str]:
    """The paragraphs without page furniture and without a leading repeat of the headline."""
    paragraphs = list(paragraphs)
    kept: list[str] = []
    folded_headline = _SPACE.sub(" ", headline).strip().casefold() if headline else None
    for position, paragraph in enumerate(paragraphs):
        if position == 0 and _SPACE.sub(" ", paragraph).strip().casefold() == folded_headline:
            continue  # the headline is its own field, not the first paragraph
        if not is_furniture(paragraph, position, len(paragraphs), links):
            kept.append(paragraph)
    return kept
