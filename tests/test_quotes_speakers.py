"""Speakers: each attribution pattern in English, German and French, resolved to full names."""

from __future__ import annotations

import pytest

from summarizers.models import Article
from summarizers.quotes import find_quotes
from tests.conftest import SAMPLE


def speakers(*paragraphs: str, language: str = "en") -> list[tuple[str, str | None]]:
    art = Article(None, None, None, None, language, list(paragraphs))
    return [(q.text, q.speaker) for q in find_quotes(art)]


INTRO_EN = "Major General Felix Gedney, a coalition commander, spoke in Baghdad on Tuesday."


@pytest.mark.parametrize(
    "paragraph",
    [
        '"The fight is not over," Gedney said.',
        '"The fight is not over," said Gedney.',
        'Gedney said: "The fight is not over."',
        '"The fight is not over," Gedney told Reuters.',
        'Gedney told Reuters: "The fight is not over."',
        '"The fight is not over," Gedney added.',
        '"The fight is not over," Gedney, who leads the mission, said.',
        '"The fight is not over," said Gedney, the deputy commander.',
        'According to Gedney, "the fight is not over."',
        '"The fight is not over," according to Gedney.',
        '"The fight is not over," the general said.',
        '"The fight is not over," he said.',
        "'The fight is not over,' Gedney said.",
        "“The fight is not over,” Gedney has also said.",
    ],
)
def test_english_patterns_resolve_to_the_fullest_name(paragraph: str) -> None:
    found = speakers(INTRO_EN, paragraph)
    assert found == [(found[0][0], "Major General Felix Gedney")]


def test_told_names_the_speaker_not_the_listener() -> None:
    found = speakers('"Prices will rise," Anna Berg told Reuters on Monday.')
    assert found == [("Prices will rise,", "Anna Berg")]


def test_speaker_named_in_the_previous_sentence_carries_over() -> None:
    found = speakers(
        'Health Minister Jane Doe spoke after the vote. "We have the money," Doe said.',
        '"The hospitals will open in May."',
    )
    assert found == [
        ("We have the money,", "Jane Doe"),
        ("The hospitals will open in May.", "Jane Doe"),
    ]


def test_pronoun_after_a_new_subject_points_to_that_person() -> None:
    found = speakers(
        '"We are ready," said coach Tom Hart.',
        'Team captain Lisa Moreno disagreed. "We are not," she said.',
    )
    assert found == [("We are ready,", "Tom Hart"), ("We are not,", "Lisa Moreno")]


def test_pronoun_skips_a_person_of_the_other_gender() -> None:
    found = speakers(
        "Ms Alice Green met Mr Bob Stone. Mr Stone said he was late and his car broke down.",
        'Ms Green said she was sorry for him. "I waited an hour," she said.',
    )
    assert found[-1] == ("I waited an hour,", "Alice Green")


def test_role_points_back_to_the_person_so_described() -> None:
    found = speakers(
        "John Ruiz, a spokesman for the ministry, confirmed the figures.",
        "The minister, Carla Vega, was abroad.",
        '"The figures are final," the spokesman said.',
    )
    assert found == [("The figures are final,", "John Ruiz")]


@pytest.mark.parametrize(
    "paragraph",
    [
        '"The figures are final," a spokesman said.',
        '"The figures are final," an official told reporters.',
        '"The figures are final."',
        'The report said the figures were "final and binding".',
    ],
)
def test_unknown_speakers_stay_none(paragraph: str) -> None:
    found = speakers("The ministry published its report on Monday.", paragraph)
    assert [speaker for _, speaker in found] == [None]


def test_never_a_name_the_article_does_not_give() -> None:
    art = Article(
        None,
        None,
        None,
        None,
        "en",
        ['"We will see," a witness said.', '"Nobody knows," said the neighbour. Paris is calm.'],
    )
    assert all(q.speaker is None for q in find_quotes(art))


def test_multi_paragraph_quote_keeps_its_speaker() -> None:
    found = speakers(
        'Mayor Ada Klein said: "The first part runs on,',
        '"and the second part ends here."',
    )
    assert [speaker for _, speaker in found] == ["Ada Klein", "Ada Klein"]


INTRO_DE = "Außenministerin Annalena Baerbock reiste am Dienstag nach Kiew."


@pytest.mark.parametrize(
    "paragraph",
    [
        "„Wir stehen an Ihrer Seite“, sagte Baerbock.",
        "Baerbock sagte: „Wir stehen an Ihrer Seite.“",
        "„Wir stehen an Ihrer Seite“, erklärte die Ministerin.",
        "„Wir stehen an Ihrer Seite“, sagte sie.",
        "„Wir stehen an Ihrer Seite“, fügte sie hinzu.",
        "»Wir stehen an Ihrer Seite«, betonte Baerbock.",
        "Laut Baerbock „stehen wir an Ihrer Seite“.",
        "„Wir stehen an Ihrer Seite“, so Baerbock.",
        "„Wir stehen an Ihrer Seite“, sagte Baerbock der Nachrichtenagentur Reuters.",
        "Baerbock sagte der Nachrichtenagentur Reuters: „Wir stehen an Ihrer Seite.“",
        "„Wir stehen an Ihrer Seite“, sagte Baerbock, die Ministerin der Grünen.",
    ],
)
def test_german_patterns(paragraph: str) -> None:
    found = speakers(INTRO_DE, paragraph, language="de")
    assert [speaker for _, speaker in found] == ["Annalena Baerbock"]


INTRO_FR = "Le ministre de l'Intérieur Gérald Darmanin s'est rendu à Marseille lundi."


@pytest.mark.parametrize(
    "paragraph",
    [
        "« Nous allons renforcer les effectifs », a déclaré Darmanin.",
        "Darmanin a déclaré : « Nous allons renforcer les effectifs. »",
        "« Nous allons renforcer les effectifs », a-t-il ajouté.",
        "« Nous allons renforcer les effectifs », a déclaré le ministre.",
        "Selon Darmanin, « nous allons renforcer les effectifs ».",
        "« Nous allons renforcer les effectifs », estime-t-il.",
        "« Nous allons renforcer les effectifs », affirme Gérald Darmanin.",
        "« Nous allons renforcer les effectifs », a déclaré Darmanin à l'AFP.",
        "Darmanin a confié au Parisien : « Nous allons renforcer les effectifs. »",
        "« Nous allons renforcer les effectifs », a déclaré Darmanin, le ministre de l'Intérieur.",
    ],
)
def test_french_patterns(paragraph: str) -> None:
    found = speakers(INTRO_FR, paragraph, language="fr")
    assert [speaker for _, speaker in found] == ["Gérald Darmanin"]


@pytest.mark.parametrize(
    ("intro", "first", "second", "language", "speaker"),
    [
        (
            INTRO_DE,
            "„Wir stehen an Ihrer Seite“, sagte Baerbock.",
            "„Die Ukraine kann sich auf uns verlassen, heute und in Zukunft.“",
            "de",
            "Annalena Baerbock",
        ),
        (
            INTRO_FR,
            "« Nous allons renforcer les effectifs », a déclaré Darmanin.",
            "« Les policiers seront là dès la semaine prochaine, dans tous les quartiers. »",
            "fr",
            "Gérald Darmanin",
        ),
    ],
)
def test_the_speaker_of_the_previous_paragraph_carries_over(
    intro: str, first: str, second: str, language: str, speaker: str
) -> None:
    found = speakers(intro, first, second, language=language)
    assert [who for _, who in found] == [speaker, speaker]


def test_sample_article_gedney_and_mattis() -> None:
    body = SAMPLE.read_text(encoding="utf-8").split("\nUS-led Coalition has no plans")[0]
    art = Article(None, None, None, None, "en", [p for p in body.splitlines() if p.strip()])
    found = find_quotes(art)
    gedney = [q for q in found if q.text.startswith(("They seem", "We will", "We would"))]
    assert len(gedney) == 3
    assert {q.speaker for q in gedney} == {"Major General Felix Gedney"}
    mattis = [q for q in found if q.text == "as long as they want to fight."]
    assert [q.speaker for q in mattis] == ["Jim Mattis"]


def test_french_subject_after_an_adverbial_and_a_title() -> None:
    found = speakers(
        "« Il faut du dialogue », estime pour sa part le secrétaire général de la CFDT, "
        "Laurent Berger.",
        language="fr",
    )
    assert found == [("Il faut du dialogue", "Laurent Berger")]


def test_french_name_with_a_capitalised_particle() -> None:
    found = speakers("« C'est une provocation », a réagi Marine Le Pen.", language="fr")
    assert found == [("C'est une provocation", "Marine Le Pen")]


def test_unnamed_sources_in_german_and_french() -> None:
    german = speakers(
        "Olaf Scholz sprach am Montag.",
        "Laut einem Regierungssprecher ist „noch nichts entschieden“.",
        language="de",
    )
    french = speakers(
        "« Nous tiendrons », a dit Emmanuel Macron.",
        "Selon un conseiller, « rien n'est encore décidé ».",
        language="fr",
    )
    assert german == [("noch nichts entschieden", None)]
    assert french[-1] == ("rien n'est encore décidé", None)


def test_spanish_patterns() -> None:
    found = speakers(
        "El presidente Pedro Sánchez compareció el lunes en Madrid.",
        "«No vamos a subir los impuestos», dijo Sánchez. «Es un compromiso».",
        "Según la ministra de Hacienda, María Jesús Montero, «las cuentas cuadran».",
        language="es",
    )
    assert [speaker for _, speaker in found] == [
        "Pedro Sánchez",
        "Pedro Sánchez",
        "María Jesús Montero",
    ]
