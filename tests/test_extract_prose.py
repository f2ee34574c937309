"""The prose gate: its features match the shipped model, it never repeats the headline, and it
never leaves an article without sentences."""

from __future__ import annotations

import pytest

from bench.prose import FEATURES
from summarizers.extract.prose import (
    _folded,
    _labelled_headline,
    prose_model,
    prose_sentences,
    sentence_features,
)
from summarizers.models import Article, BlockContext
from summarizers.pipeline import summarize
from summarizers.sentences import split_sentences

HEADLINE = "Storm floods the old harbour"
BODY = [
    "The harbour authority said on Tuesday that the storm surge reached the sea wall shortly "
    "after midnight, flooding three streets near the old fish market.",
    "Fishermen who had tied their boats inside the inner basin said the water rose faster than "
    "during any storm they could remember.",
    "The town council has opened the sports hall as a shelter for residents of the lower town.",
]


def article(paragraphs: list[str], contexts: tuple[BlockContext, ...] = ()) -> Article:
    return Article(None, HEADLINE, None, None, "en", paragraphs, contexts=contexts)


def test_the_features_are_the_shipped_models_and_the_rebuild_scripts() -> None:
    art = article(BODY)
    rows = sentence_features(art, split_sentences(art.text))
    assert tuple(prose_model().features) == FEATURES
    assert all(set(row) == set(FEATURES) for row in rows)


def test_the_headline_is_never_a_point() -> None:
    art = article([f"{HEADLINE}.", *BODY])
    assert all(p.rstrip(".") != HEADLINE for p in summarize(art, sentences=3).points)
    kept = prose_sentences(art, split_sentences(art.text))
    assert [s.text for s in kept][:1] != [f"{HEADLINE}."]


def test_the_gate_never_leaves_an_article_without_sentences() -> None:
    links = ["More from the coast", "Ferry news", "Harbour news", "Weather today"]
    art = article(links, tuple(BlockContext("item", "nav", 1.0) for _ in links))
    sentences = split_sentences(art.text)
    assert prose_sentences(art, sentences)


def test_body_prose_outscores_a_line_of_links_in_a_menu() -> None:
    menu = "Home | World | Politics | Business | Sport | Weather"
    paragraphs = [*BODY, menu]
    contexts = (*(BlockContext() for _ in BODY), BlockContext("item", "nav", 1.0))
    art = article(paragraphs, contexts)
    sentences = split_sentences(art.text)
    model = prose_model()
    scores = [model.probability(row) for row in sentence_features(art, sentences)]
    assert min(scores[:-1]) > scores[-1]


@pytest.mark.parametrize(
    ("line", "dropped"),
    [
        (f"Topic Coast {HEADLINE}", True),  # the headline under a label
        (f"Product details {HEADLINE}", True),
        (f"{HEADLINE}, the mayor said on Tuesday.", False),  # a sentence: it closes
        (f"Pictures of how the {HEADLINE.lower()} week after week", False),  # more than a label
    ],
)
def test_the_headline_under_a_label_is_no_point(line: str, dropped: bool) -> None:
    art = article([line, *BODY])
    if dropped:
        assert line not in [s.text for s in prose_sentences(art, split_sentences(art.text))]
    assert _labelled_headline(line, _folded(HEADLINE), line.endswith(".")) is dropped
