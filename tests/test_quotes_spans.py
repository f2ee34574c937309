"""Quote spans: every kind of quotation mark, with exact offsets and no apostrophes taken."""

from __future__ import annotations

import pytest

from summarizers.models import Article, Quote
from summarizers.quotes import find_quotes


def article(*paragraphs: str, language: str = "en") -> Article:
    return Article(None, None, None, None, language, list(paragraphs))


def quotes_of(*paragraphs: str, language: str = "en") -> list[Quote]:
    art = article(*paragraphs, language=language)
    found = find_quotes(art)
    for quote in found:
        assert art.text[quote.start : quote.end] == quote.text
    return found


def texts(*paragraphs: str, language: str = "en") -> list[str]:
    return [q.text for q in quotes_of(*paragraphs, language=language)]


@pytest.mark.parametrize(
    ("paragraph", "expected", "language"),
    [
        ('"We will win," she said.', ["We will win,"], "en"),
        ("“We will win,” she said.", ["We will win,"], "en"),
        ("‘We will win,’ she said.", ["We will win,"], "en"),
        ("'We will win,' she said.", ["We will win,"], "en"),
        ("„Wir schaffen das“, sagte Merkel.", ["Wir schaffen das"], "de"),
        ("»Wir schaffen das«, sagte Merkel.", ["Wir schaffen das"], "de"),
        ("« Nous allons gagner », a déclaré Macron.", ["Nous allons gagner"], "fr"),
        ("«Nous allons gagner», a déclaré Macron.", ["Nous allons gagner"], "fr"),
        ("« Nous\u00a0allons gagner\u00a0», a-t-il dit.", ["Nous\u00a0allons gagner"], "fr"),
        ("‹Non›, dit-il.", ["Non"], "fr"),
    ],
)
def test_each_kind_of_mark(paragraph: str, expected: list[str], language: str) -> None:
    assert texts(paragraph, language=language) == expected


def test_offsets_point_into_article_text() -> None:
    art = article("Intro line.", "He said: “Prices will fall.” Then he left.")
    (quote,) = find_quotes(art)
    assert quote.text == "Prices will fall."
    assert art.text.index("Prices") == quote.start
    assert art.text[quote.start - 1] == "“" and art.text[quote.end] == "”"


@pytest.mark.parametrize(
    "paragraph",
    [
        "I don't think it's over, and the players' union agrees.",
        "Music of the '90s and rock 'n' roll filled the hall.",
        "Jones' car and the Smiths' house were damaged in the 1990s.",
        "O'Brien and D’Arcy met at 10 o’clock.",
        "The 12\" screen and a 6' ladder were sold.",
    ],
)
def test_apostrophes_and_inch_marks_are_not_quotes(paragraph: str) -> None:
    assert texts(paragraph) == []


def test_british_quotes_around_apostrophes() -> None:
    paragraph = "'We don't know if the players' families were told,' Smith said. 'It's sad.'"
    assert texts(paragraph) == ["We don't know if the players' families were told,", "It's sad."]


def test_curly_british_quotes_keep_inner_apostrophes() -> None:
    paragraph = "‘It wasn’t the ’90s any more,’ he said."
    assert texts(paragraph) == ["It wasn’t the ’90s any more,"]


def test_nested_quotes_stay_inside_the_outer_quote() -> None:
    paragraph = (
        "\"He told me 'never again' and left,\" she said. “She said „nein“ twice,” he added."
    )
    assert texts(paragraph) == [
        "He told me 'never again' and left,",
        "She said „nein“ twice,",
    ]


def test_german_nested_quotes() -> None:
    paragraph = "„Er rief ‚Halt!‘ und lief weg“, sagte die Polizistin."
    assert texts(paragraph, language="de") == ["Er rief ‚Halt!‘ und lief weg"]


def test_partial_quotes_inside_a_sentence() -> None:
    paragraph = 'The minister called the plan "dangerous" and "ideological" on Monday.'
    assert texts(paragraph) == ["dangerous", "ideological"]


def test_multi_paragraph_quote_gives_one_quote_per_paragraph() -> None:
    found = quotes_of(
        '"The first part runs on,',
        '"the second part too,',
        '"and the last part ends here," the mayor said.',
        "Unquoted text.",
    )
    assert [q.text for q in found] == [
        "The first part runs on,",
        "the second part too,",
        "and the last part ends here,",
    ]


def test_multi_paragraph_quote_in_french() -> None:
    found = quotes_of(
        "« Le début de la citation,",
        "« et sa fin », a déclaré le ministre.",
        language="fr",
    )
    assert [q.text for q in found] == ["Le début de la citation,", "et sa fin"]


def test_unclosed_quote_without_continuation_is_dropped() -> None:
    assert texts('He said "this never closes.', "Next paragraph, no marks.") == []


def test_titles_in_quotation_marks_are_not_quotes() -> None:
    paragraph = (
        'Microsoft launched "The Internet Explorer 6 Countdown" site. "We want it gone," it said.'
    )
    assert texts(paragraph) == ["We want it gone,"]


def test_cited_article_titles_in_a_source_list_are_not_quotes() -> None:
    found = texts(
        '"Document found on street not secret, say feds" — The Canadian Press, August 15, 2008',
        'Peter Zimonjic. "MP calls for probe into misplaced documents" — Edmonton Sun, 2008',
        'Officials said: "MP calls for probe into misplaced documents" — nothing more.',
    )
    assert found == ["MP calls for probe into misplaced documents"]


def test_a_sentence_credited_after_a_dash_is_a_quote_not_a_cited_title() -> None:
    quotes = quotes_of(
        "“Had he written a sequence of five books in that world, he would’ve been George R.R. "
        "Martin.” — Neil Gaiman"
    )
    assert [(q.text[:10], q.speaker) for q in quotes] == [("Had he wri", "Neil Gaiman")]


def test_words_cited_as_words_are_not_quotes() -> None:
    paragraph = (
        'The ministry renamed the system, adding the words "and Emergency". '
        'The minister said "and Emergency" was apt.'
    )
    assert texts(paragraph) == ["and Emergency"]


def test_french_quotes_with_inner_english_marks() -> None:
    paragraph = '« Il a dit "jamais" hier », affirme-t-elle.'
    assert texts(paragraph, language="fr") == ['Il a dit "jamais" hier']


def test_quote_whose_paragraph_breaks_were_lost_comes_in_parts() -> None:
    # Daily Mail text flattened to one paragraph: each lost paragraph re-opens with a mark.
    found = quotes_of(
        "He said: 'I've got some nice experiences in the Premier League. 'It's not so good "
        "for Dortmund that he is leaving. 'Everyone has their philosophy.' However, he "
        "insisted Klopp will need time."
    )
    assert [q.text for q in found] == [
        "I've got some nice experiences in the Premier League.",
        "It's not so good for Dortmund that he is leaving.",
        "Everyone has their philosophy.",
    ]
    assert len({q.speaker for q in found}) == 1


def test_quote_that_lost_its_closing_mark_does_not_swallow_the_next_one() -> None:
    found = quotes_of(
        "'Immediately he started getting pins and needles. 'It turned out he was ill. "
        "Sun cream gives him some protection Source: British Skin Foundation She added: "
        "'He was first diagnosed when he was two.' The family visited their GP."
    )
    assert [q.text for q in found] == ["He was first diagnosed when he was two."]


def test_quote_nested_in_one_of_its_own_kind_mid_sentence_stays_inside() -> None:
    found = quotes_of('"He told me "go away" and then he left," she said.')
    assert [q.text for q in found] == ['He told me "go away" and then he left,']


def test_closing_mark_set_off_by_a_space_after_punctuation_closes() -> None:
    found = quotes_of(
        "'Could this pile of old metal become something sexual.... ' The event has so far "
        "seen 3,500 visitors. 'We chose Shoreditch quite deliberately,' said Jeroen Hüpscher."
    )
    assert [(q.text, q.speaker) for q in found] == [
        ("Could this pile of old metal become something sexual....", None),
        ("We chose Shoreditch quite deliberately,", "Jeroen Hüpscher"),
    ]


def test_free_standing_mark_after_a_word_is_no_quotation_mark() -> None:
    assert texts("The 5 ' 10 player and the ' pipe ' symbol.") == []


def test_glued_paragraphs_reopen_a_first_person_quote_and_close_before_narrative() -> None:
    # Paragraphs glued without a space: '."I' goes on with the quote (first person, no
    # reporting verb); '."Piers' closes it before the article's own words.
    found = quotes_of(
        '"A writing team that understood, they got that right," he said. "We were the most '
        'exciting people."I feel very fortunate to be involved in the show."Piers Wenger is '
        'the head of drama at Channel 4."They had the chance to do complex roles," he said.'
    )
    assert [q.text for q in found] == [
        "A writing team that understood, they got that right,",
        "We were the most exciting people.",
        "I feel very fortunate to be involved in the show.",
        "They had the chance to do complex roles,",
    ]
    assert found[2].start > found[1].end


def test_glued_paragraphs_reopen_spoken_words_even_with_a_speech_verb_of_the_speaker() -> None:
    # A contraction sounds spoken ("they're"), and "I ... told the experience" reports no one
    # else's speech, so both glued marks re-open Kay Jones's quote; "the club also tweeted"
    # is narrative, so the mark before it closes the quote.
    found = quotes_of(
        'She said: "This was fascinating to work on."I chose the ones that stood out and told '
        'the experience of childhood."People love old photographs if they\'re from Liverpool."'
        'The club also tweeted its support for the "brave step".'
    )
    assert [(q.text, q.speaker) for q in found] == [
        ("This was fascinating to work on.", None),
        ("I chose the ones that stood out and told the experience of childhood.", None),
        ("People love old photographs if they're from Liverpool.", None),
        ("brave step", None),
    ]


@pytest.mark.parametrize(
    ("paragraph", "language", "expected"),
    [
        # An "according to" phrase names a source, whole; its words alone do not.
        ('The budget, according to the mayor, is "a real disaster" for us.', "en", True),
        ('El presupuesto es, según el alcalde, "un desastre total" para todos.', "es", True),
        ("Le budget est, selon le maire, « un vrai désastre » pour tous.", "fr", True),
        ('El plan de "reforma total" fue aprobado ayer por la tarde.', "es", False),
        ("Le projet de « grande réforme » a été adopté hier soir.", "fr", False),
        ('He has lived in "the bubble" for years and likes it there.', "en", False),
    ],
)
def test_a_short_quote_needs_a_verb_or_a_whole_according_phrase(
    paragraph: str, language: str, expected: bool
) -> None:
    assert bool(texts(paragraph, language=language)) is expected
