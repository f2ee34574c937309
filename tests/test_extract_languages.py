"""German, French and Spanish end to end: clean_text → summarize, with each language's quotes."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizers import clean_text, split_sentences, summarize
from summarizers.extract import language_support
from summarizers.extract.hygiene import is_dangling

# Written for these tests (not copied from any publication). Kept in tests/fixtures/extract.
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "extract"
GERMAN = (FIXTURES / "de_radwege.txt").read_text(encoding="utf-8")
FRENCH = (FIXTURES / "fr_ecoles.txt").read_text(encoding="utf-8")
SPANISH = (FIXTURES / "es_desaladora.txt").read_text(encoding="utf-8")

CASES = [
    (
        "de",
        "german",
        GERMAN,
        "„Wir machen Freiburg",
        "Südwesten“, sagte Oberbürgermeister Martin Horn",
    ),
    ("fr", "french", FRENCH, "« Aucun enfant", "juin », a déclaré le maire"),
    ("es", "spanish", SPANISH, "«Con esta obra", "secos», afirmó el consejero"),
]


@pytest.mark.parametrize(("code", "sumy_name", "text", "quote_start", "quote_tail"), CASES)
def test_article_is_detected_split_and_summarised(
    code: str, sumy_name: str, text: str, quote_start: str, quote_tail: str
) -> None:
    article = clean_text(text)
    assert article.language == code
    assert language_support(code) == (sumy_name, None)

    sentences = [s.text for s in split_sentences(article.text, code)]
    # The quotation and its attribution stay one sentence, marks included.
    quoted = [s for s in sentences if s.startswith(quote_start)]
    assert len(quoted) == 1 and quote_tail in quoted[0]
    # Abbreviations ("ca.", "Mio.", "z. B.", "M.", "env.", "Sr.") do not end sentences.
    assert not any(s.endswith((" ca.", " Mio.", " z.", " M.", " env.", " Sr.")) for s in sentences)

    digest = summarize(article, sentences=3)
    assert digest.language == code
    assert digest.notes == []
    assert len(digest.points) == 3
    assert all(p in sentences for p in digest.points)
    # Points in article order, the lede first, no question and no dangling pronoun start.
    positions = [sentences.index(p) for p in digest.points]
    assert positions == sorted(positions)
    assert digest.points[0] == sentences[0]
    assert not any(p.endswith("?") for p in digest.points)
    assert not any(is_dangling(p, code) for p in digest.points)


@pytest.mark.parametrize(
    ("code", "sentence"),
    [
        ("de", "Er fürchtet sinkende Umsätze in den Wintermonaten."),
        ("fr", "Elle réclame un audit indépendant des coûts."),
        ("es", "Él pide que se amplíe la capacidad de la planta."),
        ("es", "Sin embargo, los regantes no recibirán agua."),
    ],
)
def test_dangling_starts_per_language(code: str, sentence: str) -> None:
    assert is_dangling(sentence, code)
    assert not is_dangling("Der Gemeinderat hat am Dienstag abgestimmt.", code)


def test_time_expressions_are_not_dangling() -> None:
    assert not is_dangling("Il y a deux ans, la ville avait déjà voté un plan.", "fr")
    assert not is_dangling("Ce matin, le maire a présenté le projet.", "fr")
    assert not is_dangling("Esta semana el Gobierno aprobó la ley.", "es")
    assert not is_dangling("Dieses Jahr beginnen die Bauarbeiten.", "de")
    assert is_dangling("Dieses Projekt kostet 85 Millionen Euro.", "de")


FINNISH = (FIXTURES / "fi_kirjasto.txt").read_text(encoding="utf-8")


def test_unsupported_language_falls_back_with_a_note() -> None:
    article = clean_text(FINNISH)
    assert article.language == "fi"
    digest = summarize(article, sentences=2)
    assert len(digest.points) == 2
    assert all(p in article.text for p in digest.points)
    assert len(digest.notes) == 1 and "'fi'" in digest.notes[0]
    assert "language-neutral" in digest.notes[0]
