"""The ranker trial's candidates (bench/quote_candidates.py) and its PolNeAR speaker match."""

from __future__ import annotations

import pytest

from bench.polnear import names_in
from bench.quote_candidates import FEATURES, CandidateFinder
from bench.quotes_fit import Labelled
from summarizers.quotes.spans import find_spans


def test_the_rules_pick_and_the_names_near_are_candidates() -> None:
    text = (
        "Harry Kane scored twice as Tottenham beat Everton on Sunday. "
        '"We were brilliant from the first whistle to the last," said manager Mauricio '
        "Pochettino."
    )
    (found,) = CandidateFinder(text, find_spans(text), "en").candidates()
    by_name = {c.speaker: c.features for c in found}
    assert {"Harry Kane", "Mauricio Pochettino"} <= set(by_name)
    assert by_name["Mauricio Pochettino"]["rule"] == 1.0
    assert by_name["Mauricio Pochettino"]["rule_cue"] == 1.0
    assert by_name["Mauricio Pochettino"]["inverted"] == 1.0
    assert by_name["Harry Kane"]["rule"] == 0.0
    assert set(by_name["Harry Kane"]) <= set(FEATURES)


@pytest.mark.parametrize(
    ("names", "speaker", "right"),
    [
        (("Trump",), "Donald Trump", True),
        (("Haley Morris",), "Morris", True),
        (("Jon Alterman", "Center for Strategic and International Studies"), "Jon Alterman", True),
        (("Trump",), "Hillary Clinton", False),
        (("Trump",), None, False),
        ((), None, True),
        ((), "Donald Trump", False),
    ],
)
def test_a_polnear_speaker_matches_by_surname(
    names: tuple[str, ...], speaker: str | None, right: bool
) -> None:
    label = Labelled("polnear", "d", "en", names[0] if names else None, [], names)
    assert label.right(speaker) is right


@pytest.mark.parametrize(
    ("source", "names"),
    [
        ("Spokeswoman Haley Morris", ["Haley Morris"]),
        ("The council", []),
        ("O’Malley’s campaign", ["O’Malley"]),
        ("Washington Post columnist Margaret Sullivan", ["Washington Post", "Margaret Sullivan"]),
        ("he", []),
    ],
)
def test_a_polnear_source_gives_its_names(source: str, names: list[str]) -> None:
    assert names_in(source) == names
