"""Bodies whose names run over "and", "for" or "of" are one name, never a person's, and a
speaker when they speak."""

from __future__ import annotations

from summarizers.quotes.names import NameIndex
from tests.conftest import speakers


def _names(text: str) -> list[tuple[str, bool]]:
    return [(" ".join(m.core), m.is_person) for m in NameIndex(text).mentions]


def test_a_body_over_and_is_one_name() -> None:
    assert _names("The Maritime and Coastguard Agency said it.") == [
        ("Maritime and Coastguard Agency", False)
    ]


def test_a_body_over_for_and_and_is_one_name() -> None:
    assert _names("A spokeswoman for the Department for Communities and Local Government.") == [
        ("Department for Communities and Local Government", False)
    ]


def test_a_body_over_for_is_not_a_person() -> None:
    assert _names("It was referred to the Commission for Racial Equality.") == [
        ("Commission for Racial Equality", False)
    ]


def test_a_body_stops_before_a_person_or_a_title() -> None:
    assert _names("the Department of Health and John Smith said") == [
        ("Department of Health", False),
        ("John Smith", True),
    ]
    assert _names("Bank of England Governor Mark Carney said") == [
        ("Bank of England", False),
        ("Mark Carney", True),
    ]


def test_a_person_of_a_body_stays_a_person() -> None:
    assert _names("PC Tom Smith of Greater Manchester Police said") == [
        ("Tom Smith", True),
        ("Greater Manchester Police", False),
    ]


def test_a_long_body_speaks_under_its_whole_name() -> None:
    found = speakers(
        'The Maritime and Coastguard Agency said: "While it is fact that the ship lost a '
        'container, we cannot say where it went."'
    )
    assert found == ["Maritime and Coastguard Agency"]


def test_a_pronoun_skips_a_long_body() -> None:
    found = speakers(
        'In 1998 Adrian Gill described the Welsh as "dark, ugly little trolls" - a comment '
        "referred to the Commission for Racial Equality - while he once described Rhyl as "
        '"a town only a man driving a crane would visit with a smile".'
    )
    assert found[-1] == "Adrian Gill"
