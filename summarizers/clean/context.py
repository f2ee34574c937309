"""Where each extracted line stood on its page: the DOM context the prose gate reads.

trafilatura's main text comes as lines; its XML body says which element each line came from
(paragraph, heading, list item, table row, quotation, code). The page itself says more: a
caption sits in a <figure>, a teaser in an <aside>, a menu in a <nav>, and links cover most of
a related-story line. Lines are matched to the page's elements by their normalised text.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from lxml.etree import _Element
from lxml.html import HtmlElement

from summarizers.models import BlockContext

# Page elements whose text a line may equal (other elements only with text of their own: a
# wrapper's text is a whole section, and reading every wrapper's text costs too much).
_BLOCK_TAGS = frozenset("p li td th dd dt h1 h2 h3 h4 h5 h6 figcaption blockquote pre".split())
_CONTAINERS = {
    "figure": "figure",
    "figcaption": "figure",
    "aside": "aside",
    "nav": "nav",
    "header": "header",
    "footer": "footer",
    "table": "table",
    "ul": "list",
    "ol": "list",
}
# trafilatura's XML elements, as the kinds the gate knows.
_KINDS = {"p": "p", "head": "head", "item": "item", "row": "cell", "cell": "cell", "quote": "quote"}
_CODE = frozenset({"code", "pre"})
_MAX_BLOCK_CHARS = 5000  # longer elements are whole sections, never one line
_LOOK_AHEAD = 40  # blocks searched for a line: keeps a page with unmatched lines linear


def normalised(text: str) -> str:
    return " ".join(text.split())


def _blocks(body: _Element) -> Iterator[tuple[str, str]]:
    """(normalised text, kind) of every block of trafilatura's XML body, in order."""
    for child in body:
        tag = str(child.tag)
        if tag in ("list", "table"):
            parts = child.iter("item") if tag == "list" else child.iter("row")
            kind = "item" if tag == "list" else "cell"
            for part in parts:
                yield normalised("".join(part.itertext())), kind
        else:
            kind = "code" if tag in _CODE else _KINDS.get(tag, "p")
            yield normalised("".join(child.itertext())), kind


def _page_index(tree: HtmlElement) -> dict[str, HtmlElement]:
    """Normalised element text -> the first element with that text."""
    index: dict[str, HtmlElement] = {}
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions
        if element.tag not in _BLOCK_TAGS and not (element.text and element.text.strip()):
            continue
        raw = element.text_content()
        if len(raw) <= _MAX_BLOCK_CHARS:
            text = normalised(raw)
            if text:
                index.setdefault(text, element)
    return index


def link_share(element: HtmlElement, text: str) -> float:
    """Share of the element's characters inside links to other pages or other sites."""
    linked = sum(
        len(normalised(a.text_content()))
        for a in element.iter("a")
        if not (a.get("href") or "#").startswith("#")
    )
    return min(1.0, linked / len(text))


def container_of(element: HtmlElement) -> str:
    for node in (element, *element.iterancestors()):
        found = _CONTAINERS.get(str(node.tag))
        if found:
            return found
    return ""


def line_contexts(
    lines: Sequence[str], body: _Element | None, tree: HtmlElement
) -> dict[str, BlockContext]:
    """Each extracted line's context, keyed by its normalised text."""
    blocks = list(_blocks(body)) if body is not None else []
    index = _page_index(tree)
    out: dict[str, BlockContext] = {}
    at = 0
    for line in lines:
        text = normalised(line)
        bare = text.removeprefix("- ").removeprefix("| ").rstrip(" |")
        # Lines come in the body's order; a hard-wrapped paragraph gives several lines.
        probe, stop = at, min(len(blocks), at + _LOOK_AHEAD)
        while probe < stop and bare not in blocks[probe][0]:
            probe += 1
        kind, block_text = ("p", bare)
        if probe < stop:
            at = probe
            kind, block_text = blocks[probe][1], blocks[probe][0]
        if text in out:
            continue
        element = index.get(bare)
        if element is None:
            element, bare = index.get(block_text), block_text
        if element is None:
            out[text] = BlockContext(kind)
        else:
            out[text] = BlockContext(kind, container_of(element), link_share(element, bare))
    return out
