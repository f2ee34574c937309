"""A standfirst is a point only when the body does not say the same."""

from __future__ import annotations

import pytest

from summarizers.extract.prose import prose_sentences
from summarizers.extract.standfirst import restated, standfirst_blocks
from summarizers.models import Article, BlockContext
from summarizers.sentences import split_sentences

BODY = [
    "Health officials in the northern province confirmed on Monday that a third case of the "
    "plague had been reported, after two people fell ill in the capital earlier this month.",
    "The man was quarantined after the diagnosis, along with the people he had met.",
    "None of them has shown any sign of the disease, the health commission said.",
]
RESTATING = "A third case of the plague has been reported in the province, health officials said."
NEW = "Why the old remedies still sell so well in the markets of the south."
HEADER = BlockContext("head", "header")


def article(paragraphs: list[str], contexts: tuple[BlockContext, ...]) -> Article:
    return Article(None, "Plague", None, None, "en", paragraphs, contexts=contexts)


@pytest.mark.parametrize(
    ("opening", "context", "dropped"),
    [
        (RESTATING, HEADER, True),  # a standfirst the body says again
        (RESTATING, BlockContext("p", "header"), True),  # a paragraph in the page header
        (NEW, HEADER, False),  # a standfirst saying what the body does not
        (RESTATING, BlockContext(), False),  # a body paragraph: the lede, not a standfirst
    ],
)
def test_a_standfirst_goes_only_when_the_body_restates_it(
    opening: str, context: BlockContext, dropped: bool
) -> None:
    art = article([opening, *BODY], (context, *(BlockContext() for _ in BODY)))
    sentences = split_sentences(art.text)
    assert restated(art, sentences)[0] is dropped
    if dropped:  # whatever the gate thinks of it (keeping the others is the gate's choice)
        assert opening not in [s.text for s in prose_sentences(art, sentences)]


@pytest.mark.parametrize(
    ("paragraphs", "contexts", "expected"),
    [
        ([RESTATING, *BODY], (), 0),  # plain text: no DOM, no standfirst
        ([RESTATING, NEW, *BODY], (HEADER, HEADER, *(BlockContext() for _ in BODY)), 2),
        ([RESTATING, NEW], (HEADER, HEADER), 0),  # nothing follows: they are the article
    ],
)
def test_standfirst_blocks(
    paragraphs: list[str], contexts: tuple[BlockContext, ...], expected: int
) -> None:
    assert standfirst_blocks(article(paragraphs, contexts)) == expected
