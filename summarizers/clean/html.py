"""HTML → Article: trafilatura's main text, pruned of leftover furniture, plus page metadata.

trafilatura finds the main text; `boilerplate` drops what it lets through (headline repeats,
teasers, newsletter boxes, related links); `metadata` reads the headline, byline, date and
site from the page's structured data. Every failure on a page becomes a NotAnArticleError.
"""

from __future__ import annotations

from lxml.html import HtmlElement, HTMLParser, fromstring
from trafilatura import bare_extraction
from trafilatura.settings import Document
from trafilatura.utils import decode_file, repair_faulty_html

from summarizers.clean.boilerplate import link_texts, only_links, prune
from summarizers.clean.context import line_contexts, normalised
from summarizers.clean.metadata import read_metadata
from summarizers.errors import NotAnArticleError
from summarizers.language import detect_language
from summarizers.models import Article

_NO_TEXT = "That page has no article text to summarise."
_SNIFF_BYTES = 2048
# The most a compressed page may expand to (the fetcher's and the CLI's page cap).
MAX_PAGE_BYTES = 5_000_000


def clean_html(html: str | bytes, *, url: str | None = None) -> Article:
    """Extract the article from a web page.

    Raises NotAnArticleError when the page holds no article text, whatever the input.
    """
    tree = _parse(html)
    try:
        document = bare_extraction(tree, url=url, include_comments=False, with_metadata=False)
        meta = read_metadata(tree, url)
        links = link_texts(tree, meta.url)
    except Exception as err:  # a page must never crash the bot; extractor bugs included
        raise NotAnArticleError(_NO_TEXT) from err
    if not isinstance(document, Document) or not document.text:
        raise NotAnArticleError(_NO_TEXT)
    lines = [line.strip() for line in document.text.split("\n") if line.strip()]
    paragraphs = prune(lines, headline=meta.headline, links=links)
    if not paragraphs or only_links(paragraphs, links):
        raise NotAnArticleError(_NO_TEXT)
    contexts = line_contexts(lines, document.body, tree)
    return Article(
        url=meta.url,
        headline=meta.headline,
        byline=meta.byline,
        published=meta.published,
        language=detect_language("\n\n".join(paragraphs)) or meta.declared_language,
        paragraphs=paragraphs,
        site=meta.site,
        contexts=tuple(contexts[normalised(p)] for p in paragraphs),
    )


def _parse(html: str | bytes) -> HtmlElement:
    """The page's HTML tree; binary or empty input is not a page.

    Each call parses with a parser of its own. trafilatura's `load_html` shares one
    module-level lxml parser between all threads, and lxml allows a parser in one thread at a
    time only: batches cleaning pages in threads died of heap corruption ("double free or
    corruption", see bench/stress.py). A parser costs microseconds to make.
    """
    head = html[:_SNIFF_BYTES]
    binary = b"\x00" in head if isinstance(head, bytes) else "\x00" in head
    if not head or binary:
        raise NotAnArticleError("That link is not a web page with text.")
    text = decode_file(html, MAX_PAGE_BYTES)
    text = repair_faulty_html(text, text[:50].lower())
    try:
        tree = fromstring(text, parser=_new_parser())
    except ValueError:  # a str that still declares its XML encoding: lxml wants bytes
        tree = _parse_bytes(text)
    except Exception as err:
        raise NotAnArticleError(_NO_TEXT) from err
    if tree is None or len(tree) < 1:
        tree = _parse_bytes(text)
    # A document with no "html" in its first bytes that parses to a single block is not a page.
    if tree is None or ("html" not in text[:50].lower() and len(tree) < 2):
        raise NotAnArticleError(_NO_TEXT)
    return tree


def _new_parser(encoding: str | None = None) -> HTMLParser:
    """trafilatura's parser settings, in a parser of the caller's own."""
    return HTMLParser(
        collect_ids=False,
        default_doctype=False,
        encoding=encoding,
        remove_comments=True,
        remove_pis=True,
    )


def _parse_bytes(text: str) -> HtmlElement | None:
    try:
        return fromstring(text.encode("utf-8", "surrogatepass"), parser=_new_parser("utf-8"))
    except Exception:
        return None
