"""The kinds of mistake issue 22 lists, one row per pattern and language: a body's statement
is not given to the person it names, a photo credit, a country, an agency or a word pair that
is no name never speaks, a sports quote is not given to the player named before it, and a
doubled single mark (‘‘...’’) is one quotation mark."""

from __future__ import annotations

import pytest

from summarizers.models import Article
from summarizers.quotes import find_quotes

CASES = [
    pytest.param(
        "en",
        "James Lee, 45, of Denver, was sentenced on Tuesday to ten years in prison.\n\n"
        '"Lee abused the trust of thousands of investors who relied on him for honest advice,"'
        " the Justice Department said in a statement.",
        "Justice Department",
        id="en-statement-names-the-defendant",
    ),
    pytest.param(
        "de",
        "Der Angeklagte James Lee wurde am Dienstag zu zehn Jahren Haft verurteilt.\n\n"
        "„Lee hat das Vertrauen tausender Anleger missbraucht, die sich auf ihn verlassen "
        "haben“, teilte das Justizministerium mit.",
        None,
        id="de-statement-names-the-defendant",
    ),
    pytest.param(
        "en",
        "Protesters gathered outside the courthouse on Monday.\n\nPhoto: Sophia Junk\n\n"
        '"We are not going anywhere until we get answers from the city," one protester said.',
        None,
        id="en-photo-credit",
    ),
    pytest.param(
        "de",
        "Hunderte Menschen demonstrierten am Montag vor dem Rathaus.\n\nFoto: Sophia Junk\n\n"
        "„Wir gehen nicht weg, bis die Stadt uns endlich Antworten gibt“, sagte eine "
        "Demonstrantin.",
        None,
        id="de-photo-credit",
    ),
    pytest.param(
        "es",
        "Estados Unidos anunció nuevas sanciones el lunes.\n\n«Esta es una decisión que "
        "tomamos con mucho pesar y tras largas consultas», dijo el portavoz.",
        None,
        id="es-country-before-an-unnamed-spokesman",
    ),
    pytest.param(
        "es",
        "Estados Unidos dijo el lunes que responderá.\n\n«Esta es una decisión que tomamos "
        "con mucho pesar y tras largas consultas».",
        None,
        id="es-country-as-subject",
        marks=pytest.mark.xfail(
            strict=True, reason="still given to 'Estados Unidos': a country reads as a body"
        ),
    ),
    pytest.param(
        "en",
        "The report was first published by Reuters on Monday.\n\n"
        '"We will not tolerate any interference in our internal affairs at all," the ministry'
        " said.",
        None,
        id="en-agency-named-as-a-source",
    ),
    pytest.param(
        "fr",
        "L'information a été publiée lundi par Reuters.\n\n« Nous ne tolérerons aucune "
        "ingérence dans nos affaires intérieures », a déclaré le ministère.",
        None,
        id="fr-agency-named-as-a-source",
    ),
    pytest.param(
        "en",
        "Both Johnson and his rival spoke at the rally on Saturday.\n\n"
        '"This election is about the future of every family in this country," the prime '
        "minister told supporters.",
        None,
        id="en-word-pair-is-no-name",
    ),
    pytest.param(
        "en",
        "Harry Kane scored twice as Tottenham beat Everton 3-1 on Sunday.\n\n"
        '"We were brilliant from the first whistle to the last and deserved it," said manager'
        " Mauricio Pochettino.",
        "Mauricio Pochettino",
        id="en-sports-quote-after-a-player",
    ),
    pytest.param(
        "en",
        "Harry Kane scored twice as Tottenham beat Everton 3-1 on Sunday. Manager Mauricio "
        'Pochettino was delighted.\n\n"We were brilliant from the first whistle to the last '
        'and deserved it."',
        None,
        id="en-sports-quote-with-no-tag",
    ),
    pytest.param(
        "de",
        "Thomas Müller traf zweimal beim 3:1 gegen Köln.\n\n„Wir waren von der ersten bis zur "
        "letzten Minute hellwach und haben verdient gewonnen“, sagte Trainer Julian "
        "Nagelsmann.",
        "Julian Nagelsmann",
        id="de-sports-quote-after-a-player",
    ),
]


@pytest.mark.parametrize(("language", "text", "speaker"), CASES)
def test_listed_mistakes(language: str, text: str, speaker: str | None) -> None:
    article = Article(None, None, None, None, language, text.split("\n\n"))
    quotes = [q for q in find_quotes(article) if len(q.text.split()) >= 5]
    assert len(quotes) == 1
    assert quotes[0].speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        "The minister spoke to reporters. ‘‘We will protect every job in this industry, "
        "whatever it costs,’’ said Anna Berg.",
        "‘‘We will protect every job in this industry, whatever it costs,’’ Anna Berg said.",
    ],
)
def test_a_doubled_single_mark_is_one_quotation_mark(text: str) -> None:
    article = Article(None, None, None, None, "en", [text])
    (quote,) = find_quotes(article)
    assert quote.text == "We will protect every job in this industry, whatever it costs,"
    assert quote.speaker == "Anna Berg"
