"""How a summary sentence is stitched from its article: copied runs, seams and repeats."""

from __future__ import annotations

import pytest

from summarizers.verify import ArticleIndex, Checker
from summarizers.verify.checks import mentions
from summarizers.verify.fragments import fragments, stitching
from summarizers.verify.tokens import tokenize

STORY = (
    "Police arrested 12 men after the match. India beat Australia by 95 runs in the World Cup "
    "quarter-final. Pope Francis and the actor George Clooney called it a genocide."
)


@pytest.fixture(scope="module")
def index() -> ArticleIndex:
    return ArticleIndex(STORY, "en")


def test_a_verbatim_sentence_is_one_run(index: ArticleIndex) -> None:
    tokens = tokenize("Police arrested 12 men after the match.", index.rules)
    (run,) = fragments(tokens, index)
    assert (run.offset, run.length, run.sentence, run.start) == (0, 7, 0, 0)
    stitched = stitching(tokens, index)
    assert stitched.density == 1.0 and stitched.longest == 1.0
    assert stitched.splices == 0.0 and stitched.novel_bigrams == 0.0


@pytest.mark.parametrize(
    ("sentence", "splices"),
    [
        # Two runs of one article sentence in its order: no seam.
        ("Police arrested 12 men after the match.", 0.0),
        ("India beat Australia in the World Cup quarter-final.", 0.0),
        # Runs from two sentences, or out of the article's order: a seam each.
        ("Police arrested 12 men in the World Cup quarter-final.", 1.0),
        ("In the World Cup quarter-final India beat Australia by 95 runs.", 1.0),
    ],
)
def test_seams_between_runs_out_of_the_articles_order(
    index: ArticleIndex, sentence: str, splices: float
) -> None:
    assert stitching(tokenize(sentence, index.rules), index).splices == splices


def test_new_words_raise_the_novel_ngram_shares(index: ArticleIndex) -> None:
    copied = stitching(tokenize("India beat Australia by 95 runs.", index.rules), index)
    novel = stitching(tokenize("India crushed Australia by 95 runs.", index.rules), index)
    assert copied.novel_bigrams == 0.0 < novel.novel_bigrams
    assert novel.novel_trigrams > 0.0 and novel.fragments > copied.fragments


@pytest.mark.parametrize(
    ("sentence", "repeated"),
    [
        ("Pope Francis called it a genocide.", 0.0),
        ("Francis called on Pope Francis to call it a genocide.", 1.0),
    ],
)
def test_a_name_said_twice_in_one_sentence(
    index: ArticleIndex, sentence: str, repeated: float
) -> None:
    (verdict,) = Checker().check(index, sentence).sentences
    assert verdict.features["name_repeated"] == repeated


@pytest.mark.parametrize(
    ("sentence", "runs"),
    [
        (
            "Pope Francis, George Clooney and India agreed.",
            [["Pope", "Francis"], ["George", "Clooney"], ["India"]],
        ),
        ("Pope Francis George Clooney agreed.", [["Pope", "Francis", "George", "Clooney"]]),
    ],
)
def test_punctuation_ends_a_name(index: ArticleIndex, sentence: str, runs: list[list[str]]) -> None:
    tokens = tokenize(sentence, index.rules)
    assert [[t.text for t in run] for run in mentions(tokens, index, True)] == runs
