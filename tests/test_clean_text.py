from __future__ import annotations

import datetime as dt

import pytest

from summarizers import InputError, clean_text
from summarizers.clean.dates import find_date

FURNITURE = ["4653 Views", "SHOW MORE", "DAY | WEEK", "Last Update", "Combined Joint Task Force"]


def test_sample_headline_metadata_and_body(sample_text: str) -> None:
    article = clean_text(sample_text)
    assert article.headline == (
        "US-led Coalition has no plans to target ISIS in Syrian government-controlled areas"
    )
    assert article.published == dt.date(2017, 12, 28)  # the story's date, not "Last Update"
    assert article.byline == "Reuters, Washington"
    assert article.language == "en"
    assert len(article.paragraphs) == 13
    assert article.paragraphs[0].startswith("Despite saying that the Syrian government")
    assert article.paragraphs[-1].endswith("an “ISIS 2.0.”")
    for junk in FURNITURE:
        assert junk not in article.text


def test_headline_found_when_it_is_the_first_line() -> None:
    text = (
        "Storm closes schools across the region\n"
        "By Jane Doe\n"
        "March 3, 2021\n\n"
        "A powerful storm closed schools across the region on Tuesday, officials said.\n"
        "Schools will reopen on Thursday if the roads are clear, the district said.\n"
        "Share this\nRead more\n"
    )
    article = clean_text(text)
    assert article.headline == "Storm closes schools across the region"
    assert article.byline == "By Jane Doe"
    assert article.published == dt.date(2021, 3, 3)
    assert article.paragraphs == [
        "A powerful storm closed schools across the region on Tuesday, officials said.",
        "Schools will reopen on Thursday if the roads are clear, the district said.",
    ]


def test_hard_wrapped_paragraphs_are_rejoined() -> None:
    text = (
        "The council voted on Monday to approve the new budget after a long\n"
        "debate that lasted well into the night and ended with a narrow\n"
        "majority in favour.\n\n"
        "Opponents said they would keep fighting the plan in the courts.\n"
    )
    article = clean_text(text)
    assert len(article.paragraphs) == 2
    assert article.paragraphs[0].startswith("The council voted")
    assert article.paragraphs[0].endswith("majority in favour.")


def test_cookie_banner_and_menus_are_dropped() -> None:
    text = (
        "Home | News | Sport | Business\n"
        "We use cookies to improve your experience. Accept all cookies.\n"
        "The mayor opened the new bridge on Sunday in front of a large crowd.\n"
        "Advertisement\n"
        "Traffic is expected to ease in the city centre within weeks, engineers said.\n"
    )
    article = clean_text(text)
    assert len(article.paragraphs) == 2
    assert "cookies" not in article.text and "Sport" not in article.text


def test_text_without_sentences_is_refused() -> None:
    with pytest.raises(InputError, match="no sentences"):
        clean_text("Home\nNews\n1234 Views\nSHOW MORE\n")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Thursday 28 December 2017", dt.date(2017, 12, 28)),
        ("Dec. 28, 2017", dt.date(2017, 12, 28)),
        ("Published 2017-12-28 10:00 GMT", dt.date(2017, 12, 28)),
        ("Donnerstag, 28. Dezember 2017", dt.date(2017, 12, 28)),
        ("28 décembre 2017", dt.date(2017, 12, 28)),
        ("28 de diciembre de 2017", dt.date(2017, 12, 28)),
        ("He said on 28 December 2017 that it was over.", None),
        ("31 February 2017", None),
    ],
)
def test_standalone_dates(line: str, expected: dt.date | None) -> None:
    assert find_date(line, whole_line=True) == expected


def test_prose_like_furniture_in_other_languages_is_dropped() -> None:
    text = (
        "Der Stadtrat hat am Montag den neuen Haushalt nach langer Debatte beschlossen.\n"
        "Lesen Sie auch: Warum der Haushalt so lange gedauert hat und was er kostet.\n"
        "Die Opposition kündigte an, gegen den Plan vor Gericht zu ziehen.\n"
        "Abonnieren Sie unseren Newsletter, damit Sie keine Nachricht mehr verpassen.\n"
    )
    article = clean_text(text)
    assert article.language == "de"
    assert article.paragraphs == [
        "Der Stadtrat hat am Montag den neuen Haushalt nach langer Debatte beschlossen.",
        "Die Opposition kündigte an, gegen den Plan vor Gericht zu ziehen.",
    ]


@pytest.mark.parametrize(
    "caption",
    [
        " Banned: Festivals have banned selfie sticks on their grounds (file picture)",
        " The mayor spoke to reporters on Monday (seen above)",
        "",
    ],
)
def test_a_caption_ending_a_one_line_article_goes_not_the_article(caption: str) -> None:
    prose = (
        "The council voted on Tuesday to close the old bridge for repairs. Engineers had warned "
        "for years that its steel was failing. Work is due to start in the spring."
    )
    article = clean_text(prose + caption)
    assert article.paragraphs == [prose]


def test_a_caption_alone_is_still_no_article() -> None:
    with pytest.raises(InputError):
        clean_text("Banned: Festivals have banned selfie sticks on their grounds (file picture)")
