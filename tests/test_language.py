"""Language identification of article text."""

from __future__ import annotations

import pytest

from summarizers.language import detect_language
from tests.test_extract_languages import FINNISH, FRENCH, GERMAN, SPANISH

ENGLISH = (
    "Britain's rail regulator fined Network Rail 14 million pounds on Thursday for repeated "
    "signal failures that delayed millions of passengers across southern England last winter."
)


@pytest.mark.parametrize(
    ("text", "code"),
    [(ENGLISH, "en"), (GERMAN, "de"), (FRENCH, "fr"), (SPANISH, "es"), (FINNISH, "fi")],
)
def test_detects_the_article_language(text: str, code: str) -> None:
    assert detect_language(text) == code


def test_too_little_text_is_unknown() -> None:
    assert detect_language("Hallo Welt") is None
    assert detect_language("") is None


def test_short_text_accuracy_holds_its_baseline() -> None:
    from bench.gate import regressions
    from bench.language import accuracy

    figures = accuracy(detect_language)
    assert regressions("language", figures) == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("北京市政府周一宣布，新的地铁线路将于明年开通。", "zh"),
        ("أعلنت الحكومة يوم الاثنين عن خطة جديدة للنقل العام في المدينة.", "ar"),
        ("Правительство объявило в понедельник о новом плане развития транспорта.", "ru"),
    ],
)
def test_scripts_without_spaces_or_latin_letters(text: str, code: str) -> None:
    assert detect_language(text) == code
