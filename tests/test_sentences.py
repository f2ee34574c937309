from __future__ import annotations

import pytest

from summarizers.sentences import SumyTokenizer, split_sentences, words


def texts(text: str, language: str = "en") -> list[str]:
    return [s.text for s in split_sentences(text, language)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Maj. Gen. Felix Gedney spoke. He left.",
            ["Maj. Gen. Felix Gedney spoke.", "He left."],
        ),
        (
            "The U.S. Army left on Jan. 5. It rained.",
            ["The U.S. Army left on Jan. 5.", "It rained."],
        ),
        ("They met in the U.S. The talks failed.", ["They met in the U.S.", "The talks failed."]),
        (
            "He told J. K. Rowling about it. She laughed.",
            ["He told J. K. Rowling about it.", "She laughed."],
        ),
        ("Prices rose 3.5 percent. Costs fell.", ["Prices rose 3.5 percent.", "Costs fell."]),
        (
            "Dr. Smith and Mr. Jones arrived. Then they ate.",
            ["Dr. Smith and Mr. Jones arrived.", "Then they ate."],
        ),
        ('"Is it over?" she asked. "No," he said.', ['"Is it over?" she asked.', '"No," he said.']),
        ("He said “go home.” Then he left!", ["He said “go home.”", "Then he left!"]),
        ("Wait... What happened? Nobody knows.", ["Wait...", "What happened?", "Nobody knows."]),
    ],
)
def test_english_boundaries(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_german_ordinal_dates_and_abbreviations() -> None:
    assert texts("Er kam am 3. Oktober 2020. Das kostet z.B. 5 Euro. Dann ging er.", "de") == [
        "Er kam am 3. Oktober 2020.",
        "Das kostet z.B. 5 Euro.",
        "Dann ging er.",
    ]


def test_offsets_point_into_the_text_and_paragraphs_are_counted() -> None:
    text = "First one. Second one.\n\nThird\nline wrapped. Fourth!"
    sentences = split_sentences(text)
    assert [s.paragraph for s in sentences] == [0, 0, 1, 1]
    assert [s.index for s in sentences] == [0, 1, 2, 3]
    for s in sentences:
        assert text[s.start : s.end] == s.text


def test_empty_text_has_no_sentences() -> None:
    assert split_sentences("  \n\n ") == []


def test_words_keep_inner_apostrophes_and_hyphens() -> None:
    assert words("Don't stop the US-led re-run, 3.5 times!") == [
        "Don't", "stop", "the", "US-led", "re-run", "3", "5", "times",
    ]  # fmt: skip


def test_sumy_tokenizer_needs_no_nltk_data() -> None:
    tok = SumyTokenizer("en")
    assert tok.to_sentences("One here. Two there.") == ("One here.", "Two there.")
    assert tok.to_words("One here.") == ("One", "here")


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "他今天来了。她明天走！你呢？好的。",
            "zh",
            ["他今天来了。", "她明天走！", "你呢？", "好的。"],
        ),
        (
            "「行こう。」と彼は言った。雨が降った。",
            "ja",
            ["「行こう。」", "と彼は言った。", "雨が降った。"],
        ),
        (
            "وصل الوزير إلى القاهرة. وقال إن المحادثات نجحت. هل انتهت الأزمة؟ لا أحد يعرف.",
            "ar",
            [
                "وصل الوزير إلى القاهرة.",
                "وقال إن المحادثات نجحت.",
                "هل انتهت الأزمة؟",
                "لا أحد يعرف.",
            ],
        ),
        ("मंत्री दिल्ली पहुंचे। बातचीत सफल रही।", "hi", ["मंत्री दिल्ली पहुंचे।", "बातचीत सफल रही।"]),
        (
            "Министр прибыл в Москву. Переговоры прошли успешно.",
            "ru",
            ["Министр прибыл в Москву.", "Переговоры прошли успешно."],
        ),
        (
            "Er traf beim 9. Mal. Danach jubelte das Team.",
            "de",
            ["Er traf beim 9. Mal.", "Danach jubelte das Team."],
        ),
        (
            "Sie wurde am 14. Februar gewählt. Sie ist 25. Sie lacht.",
            "de",
            ["Sie wurde am 14. Februar gewählt.", "Sie ist 25.", "Sie lacht."],
        ),
        (
            "Die Firma wurde 1990. Danach wuchs sie.",
            "de",
            ["Die Firma wurde 1990.", "Danach wuchs sie."],
        ),
        (
            "Er kam am 3. Oktober 2020. Das kostet z.B. 5 Euro.",
            "de",
            ["Er kam am 3. Oktober 2020.", "Das kostet z.B. 5 Euro."],
        ),
        (
            "Mme. Dupont est arrivée. Elle a parlé.",
            "fr",
            ["Mme. Dupont est arrivée.", "Elle a parlé."],
        ),
        (
            "La Sra. García llegó a la Avda. Libertad. Luego habló.",
            "es",
            ["La Sra. García llegó a la Avda. Libertad.", "Luego habló."],
        ),
        ("He came 3. Then he left.", "en", ["He came 3.", "Then he left."]),
    ],
)
def test_scripts_ordinals_and_abbreviations_by_language(
    text: str, language: str, expected: list[str]
) -> None:
    assert texts(text, language) == expected


def test_every_language_folder_has_abbreviations_and_starters() -> None:
    from summarizers.sentences.rules import split_rules

    for code in ("en", "de", "fr", "es"):
        rules = split_rules(code)
        assert rules.abbreviations and rules.starters
    assert split_rules("de").ordinal_period and not split_rules("en").ordinal_period
    # A language without a folder reads every folder's lists.
    assert split_rules("it").abbreviations >= split_rules("de").abbreviations
