"""The rewriter's pure parts: parsing the model's answer and checking it against the article."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import pytest

from summarizers.rewrite.parse import Draft, DraftQuote, ParseError, parse_draft
from summarizers.rewrite.text import normalise
from summarizers.rewrite.validate import Reference, Verdict, check, same_person
from summarizers.verify.tokens import number_key
from tests.rewrite_story import BECKER, GOOD_POINTS, PARAGRAPHS, RUIZ, extractive, story


def verdict(
    points: list[str], quotes: Sequence[tuple[str, str]] = (), headline: str = ""
) -> Verdict:
    article = story()
    draft = Draft(headline, points, [DraftQuote(t, s) for t, s in quotes])
    return check(draft, Reference(article, extractive(article)), max_points=2, max_quotes=2)


def kinds(points: list[str], headline: str = "") -> list[str]:
    return [p.kind for p in verdict(points, headline=headline).problems]


def test_faithful_draft_passes_and_quotes_get_offsets() -> None:
    result = verdict(
        GOOD_POINTS, [(RUIZ.rstrip(","), "Mayor Elena Ruiz")], "Brookhaven passes budget"
    )
    assert result.problems == []
    (q,) = result.quotes
    assert q is not None
    assert story().text[q.start : q.end] == q.text == RUIZ.rstrip(",")
    assert q.speaker == "Elena Ruiz"  # the article's speaker, not the model's spelling


def test_quote_matches_despite_quote_marks_and_whitespace() -> None:
    loose = '"This  budget keeps every\nlibrary open and fixes the roads."'
    result = verdict(GOOD_POINTS, [(loose, "Ruiz")])
    assert result.problems == []


@pytest.mark.parametrize(
    ("quote", "speaker", "kind"),
    [
        ("Taxes will never rise again", "Elena Ruiz", "invented quote"),
        ("This budget keeps every book open", "Elena Ruiz", "invented quote"),
        (BECKER, "Elena Ruiz", "wrong speaker"),
        # Verbatim, but narration rather than anybody's words.
        ("approved a budget of 4.2 million dollars", "Elena Ruiz", "invented quote"),
    ],
)
def test_bad_quotes_are_caught(quote: str, speaker: str, kind: str) -> None:
    result = verdict(GOOD_POINTS, [(quote, speaker)])
    assert [p.kind for p in result.problems] == [kind]
    assert result.quotes == [None]
    assert result.only_quote_problems


@pytest.mark.parametrize(
    ("point", "kind"),
    [
        ("The council approved a 5 million dollar budget on Tuesday.", "number not in article"),
        ("The budget takes effect in 2026.", "number not in article"),
        ("Mayor Elena Ruiz and Governor Hale backed the budget.", "name not in article"),
        ("The council approved the budget on Friday.", "date not in article"),
        # Names spliced from two people, and a negation the article does not make.
        ("Elena Becker voted against the plan.", "names joined"),
        ("Tom Becker did not vote against the plan.", "unsupported"),
    ],
)
def test_invented_facts_are_caught(point: str, kind: str) -> None:
    result = verdict([GOOD_POINTS[0], point])
    assert kind in [p.kind for p in result.problems]
    assert not result.only_quote_problems
    assert result.reason == kind


def test_quoted_words_inside_points_must_be_verbatim() -> None:
    faithful = "Mayor Elena Ruiz said the budget “keeps every library open”."
    invented = "Mayor Elena Ruiz said the budget “saves every library forever”."
    assert kinds([GOOD_POINTS[0], faithful]) == []
    result = verdict([GOOD_POINTS[0], invented])
    assert [p.kind for p in result.problems] == ["invented quote"]
    # Not a droppable quote: the point itself is wrong, so the draft cannot be salvaged.
    assert not result.only_quote_problems and result.reason == "invented quote"


def test_dotted_abbreviations_match_plain_ones() -> None:
    article = dataclasses.replace(story(), paragraphs=[*PARAGRAPHS, "US officials agreed."])
    draft = Draft("", [GOOD_POINTS[0], "U.S. officials agreed."], [])
    assert check(draft, Reference(article, extractive(article)), 2, 2).problems == []


def test_wrong_language_is_caught_first() -> None:
    french = [
        "Le conseil de Brookhaven a approuvé mardi un budget de 4.2 millions de dollars.",
        "Le budget ajoute 12 nouvelles lignes de bus à partir du 1 July 2025.",
    ]
    assert verdict(french).reason == "wrong language"


def test_paraphrase_with_article_facts_passes() -> None:
    # Digits for a number word, thousands separators, possessives, sentence openers.
    points = [
        "After 3 weeks of debate, Brookhaven's council passed the budget on Tuesday.",
        "However, Tom Becker voted against it, and the plan takes effect in July.",
    ]
    assert kinds(points) == []


def test_lengths_and_counts_are_limited() -> None:
    assert "too many points" in kinds([*GOOD_POINTS, "The vote was on Tuesday."])
    assert "no points" in kinds([])
    assert "too long" in kinds(GOOD_POINTS, headline="Brookhaven budget " * 20)
    assert "too long" in kinds([GOOD_POINTS[0], "The budget was approved. " * 20])


def test_extra_quotes_beyond_the_limit_are_ignored() -> None:
    article = story()
    draft = Draft("", GOOD_POINTS, [DraftQuote(RUIZ, "Ruiz"), DraftQuote("Made up words", "X")])
    result = check(draft, Reference(article, extractive(article)), max_points=2, max_quotes=1)
    assert result.problems == [] and len(result.quotes) == 1


@pytest.mark.parametrize(
    ("written", "key"), [("1,000", "1000"), ("1.000", "1000"), ("2,5", "2.5"), ("07", "7"),
                         ("4.2", "4.2")]
)  # fmt: skip
def test_numbers_are_normalised(written: str, key: str) -> None:
    assert number_key(written) == key


def test_normalise_maps_back_to_offsets() -> None:
    text = "He said:  “Go\n now”."
    norm, where = normalise(text)
    assert norm == 'He said: "Go now".'
    assert text[where[norm.index("now")]] == "n"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Gedney", "British Army Major General Felix Gedney", True),
        ("Felix Gedney", "Gedney", True),
        ("Mr. Gedney", "Felix Gedney", True),
        ("he", "Gedney", False),
        ("Tom Becker", "Elena Ruiz", False),
    ],
)
def test_same_person(a: str, b: str, same: bool) -> None:
    assert same_person(a, b) is same


def test_parse_bare_fenced_and_embedded_json() -> None:
    obj = '{"headline": "H", "points": ["A."], "quotes": [{"text": "Q", "speaker": "S"}]}'
    expected = Draft("H", ["A."], [DraftQuote("Q", "S")])
    assert parse_draft(obj) == expected
    assert parse_draft(f"Here you go:\n```json\n{obj}\n```\nAnything else?") == expected
    assert parse_draft(f"Sure! {obj} Hope this helps.") == expected
    assert parse_draft('{"points": ["A."]}') == Draft("", ["A."], [])


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ("I cannot help with that.", "not one JSON object"),
        ('{"headline": "H", "points": "A."}', '"points"'),
        ('["A.", "B."]', "not one JSON object"),
        ('{"points": ["A."], "quotes": ["Q"]}', "quote"),
        ('{"headline": "H", "points": ["A."', "not one JSON object"),
    ],
)
def test_parse_rejects_unusable_answers(answer: str, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        parse_draft(answer)
