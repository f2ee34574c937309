"""Per-language data files: how entries are read, and that the hygiene lists reach the checks."""

from __future__ import annotations

import pytest

from summarizers.extract.hygiene import is_dangling, is_furniture
from summarizers.langdata import codes, entries, union

_EXTRACT = "summarizers.extract"


def test_every_hygiene_language_has_a_folder() -> None:
    assert {"en", "de", "fr", "es"} <= set(codes(_EXTRACT))


@pytest.mark.parametrize(
    ("code", "name", "entry"),
    [
        ("en", "furniture_anywhere", "#ad"),  # a leading '#' is data, not a comment
        ("en", "furniture_start", "follow @"),
        ("fr", "impersonal", "il y a"),
    ],
)
def test_entries_are_kept_whole(code: str, name: str, entry: str) -> None:
    assert entry in entries(_EXTRACT, code, name)


@pytest.mark.parametrize(("code", "name"), [("xx", "dangling_words"), ("en", "no_such_list")])
def test_a_missing_language_or_file_has_no_entries(code: str, name: str) -> None:
    assert entries(_EXTRACT, code, name) == ()


def test_union_keeps_one_of_each() -> None:
    merged = union(_EXTRACT, "byline_glue")
    assert len(merged) == len(set(merged))
    assert len(merged) == sum(len(entries(_EXTRACT, c, "byline_glue")) for c in codes(_EXTRACT))


@pytest.mark.parametrize(
    "text",
    [
        "Werbung",
        "Lesen Sie auch: Die Bahn streikt erneut in ganz Deutschland",
        "Lire aussi : la grève continue dans toute la France",
        "© 2024 El Diario. Todos los derechos reservados en todo el mundo",
        "We thank the tourism board for hosting us on this trip #sponsored",
    ],
)
def test_furniture_of_every_language(text: str) -> None:
    assert is_furniture(text)


@pytest.mark.parametrize(
    ("text", "language", "dangling"),
    [
        ("Aus diesem Grund wurde das Spiel am Abend abgesagt.", "de", True),
        ("Diese Woche begann der Prozess gegen den früheren Minister.", "de", False),
        ("Il y a deux ans, le maire avait promis une nouvelle école.", "fr", False),
        ("Sin embargo, el gobierno no confirmó la cifra de víctimas.", "es", True),
        ("However, the council did not say when the work would start.", "xx", False),
    ],
)
def test_dangling_lists_per_language(text: str, language: str, dangling: bool) -> None:
    assert is_dangling(text, language) is dangling
