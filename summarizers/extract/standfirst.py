"""A standfirst that the body says again is no key point.

A standfirst (the sentence or two printed above the story, in the page's header or as a
heading) is a point only when the body does not say the same: a sentence of the opening
heading or header blocks goes when most of its content words are in the first body blocks.
Plain text has no DOM, so its first paragraph (the lede) is never taken for a standfirst.
"""

from __future__ import annotations

from collections.abc import Sequence

from summarizers.extract.languages import language_tools
from summarizers.models import Article, Sentence
from summarizers.sentences import words

# Chosen on fit + dev (bench/README.md, "points"); the first body blocks are what a standfirst
# sums up.
RESTATED_SHARE = 0.6
_BODY_BLOCKS = 5


def standfirst_blocks(article: Article) -> int:
    """How many opening blocks are headings or sit in the page header (0 without a DOM, and
    0 when nothing else follows: then they are the article)."""
    if len(article.contexts) != len(article.paragraphs):
        return 0
    count = 0
    for context in article.contexts:
        if context.kind != "head" and context.container != "header":
            break
        count += 1
    return count if count < len(article.paragraphs) else 0


def restated(article: Article, sentences: Sequence[Sentence]) -> list[bool]:
    """For each sentence, whether it is a standfirst sentence that the body says again."""
    opening = standfirst_blocks(article)
    if not opening:
        return [False] * len(sentences)
    stop = language_tools(article.language).stop_words
    body = {
        word
        for paragraph in article.paragraphs[opening : opening + _BODY_BLOCKS]
        for word in words(paragraph.casefold())
        if word not in stop
    }
    flags = []
    for sentence in sentences:
        content = [w for w in words(sentence.text.casefold()) if w not in stop]
        flags.append(
            sentence.paragraph < opening
            and bool(content)
            and sum(w in body for w in content) >= RESTATED_SHARE * len(content)
        )
    return flags
