"""The default selector's word model and expected-ROUGE value, and the swaps they drive."""

from __future__ import annotations

from summarizers.extract import select_points
from summarizers.extract.default import DEFAULT_WEIGHTS, expected_f1
from summarizers.extract.languages import language_tools
from summarizers.extract.salience import FEATURES, word_features, word_probabilities
from summarizers.sentences import split_sentences

# Written for these tests: Lead-2 would take the campaigner's long quotation.
STORY = """The city council approved a larger budget for the public library on Monday.

"It has been a long road, and I want to thank everyone who wrote letters, signed petitions and \
turned up to meetings over the past few years," said one of the campaigners, who asked not to \
be named.

The library budget rises by two million dollars next year, the council said.

Library staff welcomed the budget, which pays for longer opening hours at the library.

The council will review the library budget again in the spring.

The meeting ended shortly before midnight."""


def test_words_repeated_from_the_start_are_likelier_summary_words() -> None:
    sentences = split_sentences(STORY, "en")
    stems, features = word_features(sentences, language_tools("en"))
    assert len(stems) == len(sentences)
    assert all(len(f) == len(FEATURES) for f in features.values())
    p = word_probabilities(features)
    assert all(0.0 < x < 1.0 for x in p.values())
    # "library" and "budget": early and often; "midnight": once, at the end; "petit(ion)": once,
    # inside a quotation.
    assert p["librari"] > p["midnight"]
    assert p["budget"] > p["petit"]


def test_expected_f1_charges_repeats_and_length() -> None:
    stems = [["fine", "rail"], ["fine", "rail"], ["storm", "coast"], ["storm", "coast", "x", "y"]]
    probability = {"fine": 0.9, "rail": 0.9, "storm": 0.9, "coast": 0.9, "x": 0.0, "y": 0.0}

    def value(chosen: list[int]) -> float:
        return expected_f1(chosen, stems, probability, 2, DEFAULT_WEIGHTS)

    assert value([0, 2]) > value([0, 1])  # a repeated point adds words but few matches
    assert value([0, 2]) > value([0, 3])  # words unlikely to match only lengthen the points


def test_default_leaves_the_lead_for_a_clearly_better_sentence() -> None:
    sentences = split_sentences(STORY, "en")
    points = select_points(sentences, 2)
    assert [p.index for p in points] == [0, 2]
    assert [p.index for p in select_points(sentences, 2, "lead")] == [0, 1]


def test_swaps_never_bring_in_a_sentence_leaning_on_furniture() -> None:
    # "He said ..." follows an advert, so it has no predecessor to lean on, however well it
    # would score: no count may pick it.
    story = STORY.replace(
        "The meeting ended",
        "Advertisement\n\nHe said the library budget will double the library's opening hours.\n\n"
        "The meeting ended",
    )
    sentences = split_sentences(story, "en")
    for count in range(1, 6):
        texts = [p.text for p in select_points(sentences, count)]
        assert not any(t.startswith("He said") for t in texts), texts
