"""The converters of bench/ that turn attribution corpora into quote sets: names in source
spans, quote spans without their marks, SpkAtt's tokens, GUM's entity layer."""

from __future__ import annotations

import pytest

from bench.gum import entity_rows, parse
from bench.source_names import NounShares, fullest, kind_of, main_name, resolve
from bench.spkatt import detokenised, member, quoted_runs
from bench.wikinews_de import one_per_span, unmarked

# A small German corpus: role nouns stand after articles, names do not.
_CORPUS = (
    "Der Sprecher sagte, der Vorsitzende sei da. Die Sprecherin und der Staatsanwalt kamen. "
    "Ein Sprecher der Polizei, die Polizei und der Trainer. Der Vorsitzende Konrad Freiberg "
    "sprach. Er sagte, sie komme. Der Staatsanwalt Hans Maier erklärte es. "
    "Human Rights Watch-Sprecher Tom Malinowski und der niedersächsische Finanzminister."
)
SHARES = NounShares.of([_CORPUS, "der Finanzminister, dem Finanzminister, ein Finanzminister"])


@pytest.mark.parametrize(
    ("span", "name"),
    [
        ("Der GdP-Vorsitzende Konrad Freiberg", "Konrad Freiberg"),
        ("Der Vorsitzende, Konrad Freiberg", "Konrad Freiberg"),
        ("der niedersächsische Finanzminister Hartmut Möllring", "Hartmut Möllring"),
        ("Human Rights Watch-Sprecher Malinowski", "Malinowski"),
        ("Die CCE", "CCE"),  # an acronym names a body
        ("Der Staatsanwalt", None),  # a description
        ("Er", None),  # a pronoun
        ("ein Sprecher aus Washington", None),  # a place after a preposition is no source
        ("John Kline, ein Repräsentant aus Minnesota", "John Kline"),
    ],
)
def test_the_name_of_a_source_span(span: str, name: str | None) -> None:
    assert main_name(span, SHARES) == name


@pytest.mark.parametrize(
    ("span", "kind"),
    [
        ("er", "pronoun"),
        ("Sie", "pronoun"),
        ("ein Sprecher", "indefinite"),
        ("einem Jury-Mitglied", "indefinite"),
        ("der Staatsanwalt", "description"),
        ("", ""),
    ],
)
def test_the_kind_of_a_span_without_a_name(span: str, kind: str) -> None:
    assert kind_of(span) == kind


def test_a_surname_takes_the_fullest_form_the_text_writes() -> None:
    text = "Human Rights Watch-Sprecher Tom Malinowski sagte dies. Malinowski ging."
    assert fullest("Malinowski", text, SHARES) == "Tom Malinowski"


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        ("Der Vorsitzende Konrad Freiberg", (["Konrad Freiberg"], "span")),
        ("Er", (None, "pronoun")),  # unknown: the quote is left out
        ("ein Sprecher", ([], "none")),  # unnamed: null
        ("ein Sprecher der Downing Street", ([], "none")),  # an unnamed member of a body
        ("der Staatsanwalt", (["Hans Maier"], "description")),
        ("der Trainer", (None, "description")),  # never named: left out
    ],
)
def test_a_source_resolves_to_names(span: str, expected: tuple[list[str] | None, str]) -> None:
    assert resolve(span, len(_CORPUS), _CORPUS, SHARES) == expected


@pytest.mark.parametrize(
    ("text", "span", "inner"),
    [
        ("sagte: „Wir gehen.“ Dann", (7, 19), "Wir gehen."),
        ('he said "yes we can" x', (8, 20), "yes we can"),
    ],
)
def test_a_quote_span_loses_its_marks(text: str, span: tuple[int, int], inner: str) -> None:
    start, end = unmarked(text, *span)
    assert text[start:end] == inner


def test_spkatt_tokens_become_text_with_offsets() -> None:
    text, offsets = detokenised([["Er", "sagte", ":", "„", "Wir", "gehen", "“", "."], ["Gut", "!"]])
    assert text == "Er sagte: „Wir gehen“. Gut!"
    assert text[slice(*offsets[(0, 4)])] == "Wir"
    assert quoted_runs(["sagte", "„", "a", "b", "“", "und", "„", "c", "“"]) == [(2, 3), (7, 7)]
    speech = "19192_Tagesordnungspunkt_13_CDUCSU_Kramp-Karrenbauer_ID1919206400_19.11.2020"
    assert member(speech) == "Kramp-Karrenbauer"


_CONLLU = """# newpar
# sent_id = GUM_bio_x-1
1\tAda\tAda\tPROPN\tNNP\t_\t3\tnsubj\t_\tEntity=(1-person-new-sssss-cf1-1-coref-Ada_Lovelace
2\tLovelace\tLovelace\tPROPN\tNNP\t_\t1\tflat\t_\tEntity=1)
3\tvisited\tvisit\tVERB\tVBD\t_\t0\troot\t_\t_
4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\tEntity=(2-place-new-nnnnn-cf2-1-sgl
5\tcity\tcity\tNOUN\tNN\t_\t3\tobj\t_\tEntity=2)|SpaceAfter=No
6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_
"""


def test_gum_mentions_come_with_their_type_and_context() -> None:
    doc = parse("GUM_bio_x", _CONLLU)
    assert doc.text == "Ada Lovelace visited the city."
    rows = entity_rows(doc)
    assert [(r["text"], r["type"], r["proper"]) for r in rows] == [
        ("Ada Lovelace", "person", True),
        ("the city", "place", False),
    ]
    assert rows[1]["left"] == ["Ada", "Lovelace", "visited"]
    assert rows[0]["right"] == ["visited", "the", "city", "."]


def test_a_quote_annotated_twice_keeps_its_named_source() -> None:
    press = {"start": 5, "end": 20, "speaker": None, "names": []}
    person = {"start": 5, "end": 20, "speaker": "Konrad Freiberg", "names": ["Konrad Freiberg"]}
    other = {"start": 0, "end": 3, "speaker": None, "names": []}
    assert one_per_span([press, person, other]) == [other, person]
