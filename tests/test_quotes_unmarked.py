"""Quotations without marks: pull quotes with their speaker's name, their repeats in the body,
and block quotes after a colon."""

from __future__ import annotations

from summarizers.models import Article, Quote
from summarizers.quotes import find_quotes

PULL = "I was basically hauled in and told that I needed to disconnect from her. Valeska Paris"


def quotes_of(*paragraphs: str) -> list[Quote]:
    art = Article(None, None, None, None, "en", list(paragraphs))
    found = find_quotes(art)
    for quote in found:
        assert art.text[quote.start : quote.end] == quote.text
    return found


def test_pull_quote_is_a_quote_by_the_name_after_it() -> None:
    found = quotes_of(
        "Valeska Paris claims she was kept on the ship for twelve years.",
        PULL,
        "Paris later left the ship.",
    )
    assert [(q.text, q.speaker) for q in found] == [
        (
            "I was basically hauled in and told that I needed to disconnect from her.",
            "Valeska Paris",
        )
    ]


def test_pull_quote_with_a_role_after_the_name() -> None:
    found = quotes_of(
        "Senator John Cornyn criticised the choice on Tuesday.",
        "Today's announcement is an affront to the thousands of dedicated men and women at "
        "Johnson Space Center. John Cornyn, U.S. Senator (R-Texas)",
    )
    assert [q.speaker for q in found] == ["John Cornyn"]
    assert found[0].text.endswith("Johnson Space Center.")


def test_body_passage_repeated_by_a_pull_quote_is_a_quote_too() -> None:
    passage = "I was basically hauled in and told that I needed to disconnect from her."
    found = quotes_of(
        "Valeska Paris claims she was kept on the ship for twelve years.",
        PULL,
        passage + " Her mother had spoken out against the church.",
    )
    assert [(q.text, q.speaker) for q in found] == [(passage, "Valeska Paris")] * 2
    assert found[0].start < found[1].start


def test_name_the_article_never_mentions_is_a_credit_not_a_speaker() -> None:
    found = quotes_of(
        "The storm flooded the valley on Monday night and closed every road in the county.",
        "Rescue teams worked through the night to reach the stranded villages. Jane Fotheringay",
    )
    assert found == []


def test_caption_ending_in_a_full_stop_is_not_a_pull_quote() -> None:
    found = quotes_of(
        "NASA chose four museums for the shuttles.",
        "File image of Space Shuttle Atlantis lifting off before its last mission. Image: NASA.",
    )
    assert found == []


def test_block_quote_after_a_colon_stops_at_the_next_reported_speech() -> None:
    statement = (
        "She certainly wasn't forced to be there. She was also never forced to perform "
        "labour in the engine room."
    )
    found = quotes_of(
        "In a statement to the broadcaster, the Church denied these allegations:",
        statement + " They also claimed Paris was a volunteer.",
    )
    assert [q.text for q in found] == [statement]


def test_colon_without_reported_speech_starts_no_quote() -> None:
    found = quotes_of(
        "The new rules include the following changes:",
        "Shops must close at ten in the evening. Bars may open on Sundays from noon.",
    )
    assert found == []
