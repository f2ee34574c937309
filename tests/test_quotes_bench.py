"""The speaker bench finds each label's quote in its text, also after an extractor change
moves it, and reads a trafilatura page through digestbot's own extractor; the span bench
scores quotes as a digest has them."""

from __future__ import annotations

import pytest

from bench.quotes import Doc, located, read_article, system_spans
from tests.conftest import EVAL_DIR


def _label(start: int, snippet: str, length: int) -> dict[str, object]:
    return {"id": "x", "start": start, "end": start + length, "snippet": snippet}


def test_a_label_at_its_offsets_stays_there() -> None:
    text = 'He said: "We will win this." Then "We will win this" again.'
    assert located(text, _label(10, "We will win", 17)) == (10, 27)


def test_a_moved_label_is_found_at_the_nearest_copy_of_its_snippet() -> None:
    text = 'Menu. He said: "We will win this." Later: "We will win this" again.'
    # The label was made at offset 10 on a text without "Menu. " in front.
    assert located(text, _label(10, "We will win", 17)) == (16, 33)


def test_a_label_whose_snippet_is_gone_is_not_located() -> None:
    assert located("Nothing quoted here.", _label(3, "We will win", 17)) is None


PAGES = EVAL_DIR / "trafilatura-eval-en"


@pytest.mark.skipif(not PAGES.is_dir(), reason="shared eval data not present")
def test_a_trafilatura_page_is_read_through_the_extractor() -> None:
    text = read_article(PAGES / "bbc.com.52241221.json").text
    assert len(text.split()) > 200
    assert "<" not in text[:500]


def test_spans_are_scored_as_the_digest_has_them() -> None:
    # An utterance its tag interrupts is one quote (and one span, tag included, as GUM
    # annotates it); a quote by someone else, after it, is another.
    body = (
        '"We thank every city that applied," said Bolden to the crowd. "It was a hard choice." '
        'Senator Jo Hill disagreed. "Politics won," Hill said.'
    )
    text = "Headline\n\n" + body
    doc = Doc("x", text, len("Headline\n\n"), [])
    first_end = text.index("choice.") + len('choice."')
    second = text.index('"Politics')
    assert system_spans(doc) == [
        (text.index('"We'), first_end),
        (second, second + len('"Politics won,"')),
    ]
