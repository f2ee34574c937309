"""Finding the web links in a chat message."""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizers.fetch import normalize_url

# A run of characters that cannot end or break a link in chat text; `<` and `>` wrap links
# whose preview was suppressed, `|` and backticks are Markdown around them.
_LINK = re.compile(r"https?://[^\s<>|`\"]+", re.IGNORECASE)
_TRAILING = ".,;:!?'”’»*_~"


@dataclass(frozen=True)
class FoundLinks:
    """The distinct links kept (at most the cap), and how many distinct ones there were."""

    links: list[str]
    total: int


def _trim(link: str) -> str:
    """Drop punctuation that ends the sentence rather than the link; keep balanced ')'."""
    while link:
        unbalanced = link[-1] == ")" and link.count(")") > link.count("(")
        if link[-1] in _TRAILING or unbalanced:
            link = link[:-1]
        else:
            break
    return link


def find_links(text: str, cap: int) -> FoundLinks:
    """The distinct http(s) links in `text`, in order, deduplicated by normalised URL."""
    seen: set[str] = set()
    links: list[str] = []
    for match in _LINK.finditer(text):
        link = _trim(match.group(0))
        key = normalize_url(link)
        if link.endswith("://") or key in seen:
            continue
        seen.add(key)
        links.append(link)
    return FoundLinks(links[: max(0, cap)], len(links))
