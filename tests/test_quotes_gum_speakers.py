"""Speaker rules found on the GUM Wikinews split: a nationality opening a body's name, "in the
words of", a denial, an analysis that speaks for its owner, and a gerund's own subject."""

from __future__ import annotations

from summarizers.quotes.names import NameIndex
from summarizers.quotes.spans import find_spans
from tests.conftest import speakers


def test_a_nationality_opens_a_bodys_name() -> None:
    index = NameIndex("North Korea's main news agency Korean Central News Agency (KCNA) said")
    assert ("Korean", "Central", "News", "Agency") in [m.core for m in index.mentions]
    found = speakers(
        'Yonhap quoted the Korean Central News Agency (KCNA). "Foolhardy provocation deserves '
        'harsh punishment and will get it", said KCNA.'
    )
    assert found == ["Korean Central News Agency"]


def test_a_nationality_before_a_person_is_still_no_name() -> None:
    index = NameIndex("the Korean leader Kim Jong-un said")
    assert [m.core for m in index.mentions] == [("Kim", "Jong-un")]


def test_in_the_words_of() -> None:
    found = speakers(
        "Her skin broke often, and in the words of the Crown prosecutor, Mark Tedeschi, QC, "
        '"Gloria spent a lot of the last five months of her life crying."'
    )
    assert found == ["Mark Tedeschi"]


def test_an_analysis_speaks_for_its_owner() -> None:
    found = speakers(
        "PC World's recent analysis of its own web traffic statistics concluded, \"Usually, "
        'Internet Explorer is the second browser after Firefox."'
    )
    assert found == ["PC World"]


def test_a_gerund_after_a_name_has_that_name_as_subject() -> None:
    found = speakers(
        "It quoted critics like barrister Colin Yeo and campaigner Caitlin Boswell, with "
        'Boswell stating: "People fleeing desperate circumstances need quicker decisions."'
    )
    assert found == ["Caitlin Boswell"]


def test_a_denial_reports_speech() -> None:
    found = speakers(
        '"She was never forced to work there," Scientology spokesman Tom Smith denied.'
    )
    assert found == ["Tom Smith"]


def test_in_alone_does_not_make_a_scare_quote_a_quotation() -> None:
    text = 'To "route out" in Scientology jargon refers to a formal exit.'
    assert find_spans(text) == []


def test_one_person_spelt_two_ways_is_one_person() -> None:
    found = speakers(
        "Kristin Wilkins, curator of the exhibit, spoke first. Kristen Wilkins explained "
        "his obsession, and Kristen Wilkins added more.",
        '"He wanted to be rich and famous and he made lots of choices to go that way", '
        "Wilkins said.",
    )
    assert found == ["Kristen Wilkins"]


def test_two_people_with_one_surname_stay_apart() -> None:
    found = speakers(
        "Louis Jordan was found at sea. His son Frank Jordan waited at home.",
        '"Everything I owned got broken, all my gear and all my food," Jordan said.',
    )
    assert found == ["Jordan"]
