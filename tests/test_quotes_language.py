"""Language data is read from `summarizers/quotes/lang/<code>/*.txt`, one rules object each."""

from __future__ import annotations

from importlib import resources

import pytest

from summarizers.quotes.language import endings, languages, pairs, rules_for, word_set

LANG = resources.files("summarizers.quotes").joinpath("lang")


def test_every_folder_is_a_language() -> None:
    folders = sorted(p.name for p in LANG.iterdir() if p.is_dir() and not p.name.startswith("_"))
    assert list(languages()) == folders
    assert {"en", "de", "fr", "es"} <= set(languages())


@pytest.mark.parametrize(
    ("code", "trait", "has"),
    [
        ("de", "capitalised-nouns", True),
        ("en", "capitalised-nouns", False),
        ("es", "pro-drop", True),
        ("fr", "pro-drop", False),
        ("es", "two-surnames", True),
        ("pt", "two-surnames", True),
        ("en", "two-surnames", False),
    ],
)
def test_traits_come_from_the_language_folder(code: str, trait: str, has: bool) -> None:
    assert rules_for(code).has(trait) is has


@pytest.mark.parametrize(
    ("code", "name", "entry"),
    [
        ("en", "speech_verbs", "said"),
        ("de", "speech_verbs", "sagte"),
        ("fr", "speech_verbs", "déclaré"),
        ("es", "speech_verbs", "dijo"),
        ("en", "according", "according to"),
        ("de", "according", "laut"),
        ("fr", "according", "selon"),
        ("es", "according", "según"),
        ("de", "subjunctive", "sei"),
    ],
)
def test_a_language_reads_its_own_lists(code: str, name: str, entry: str) -> None:
    assert entry in rules_for(code).words(name)


def test_a_language_without_a_folder_reads_as_the_default() -> None:
    assert rules_for("xx") == rules_for("en")
    assert rules_for("fr-CA") == rules_for("fr")
    assert not rules_for("en").words("subjunctive")


def test_merged_lists_are_the_union_of_the_languages() -> None:
    assert word_set("speech_verbs") == frozenset().union(
        *(rules_for(code).words("speech_verbs") for code in languages())
    )
    assert pairs("pronoun_gender")["elle"] == "f"
    # Endings come longest first, so a search that takes the first ending that fits
    # reads "Freddie" by "ie", not by "i".
    lengths = [len(e) for e in endings("pet_endings")]
    assert lengths == sorted(lengths, reverse=True)


def test_no_list_file_is_empty() -> None:
    for code in languages():
        for name, entries in rules_for(code).lists.items():
            assert entries, f"{code}/{name}.txt is empty"
