"""An utterance its own speech tag interrupts is one quote, in the digest and past the LLM."""

from __future__ import annotations

import pytest

from summarizers.models import Article, Quote
from summarizers.pipeline import summarize
from summarizers.quotes import find_quotes, join_interrupted
from summarizers.rewrite.parse import Draft, DraftQuote
from summarizers.rewrite.validate import Reference, check


def article(paragraphs: list[str], language: str = "en") -> Article:
    return Article(None, "Headline", None, None, language, paragraphs)


def joined(paragraphs: list[str], language: str = "en") -> list[Quote]:
    art = article(paragraphs, language)
    return join_interrupted(art.text, find_quotes(art), language)


BOLDEN = (
    "NASA chief Charles Bolden announced the museums on Tuesday. "
    '"We want to thank all of the locations that expressed an interest," said Bolden to the '
    'gathered crowd. "This was a very difficult decision, made with the public in mind."'
)


@pytest.mark.parametrize(
    ("paragraph", "language", "speaker", "pieces"),
    [
        (
            BOLDEN,
            "en",
            "Charles Bolden",
            [
                "We want to thank all of the locations that expressed an interest,",
                "This was a very difficult decision, made with the public in mind.",
            ],
        ),
        (
            "Die Ministerin Anna Weber besuchte die Schule. „Wir bauen zwei neue Schulen“, "
            "sagte Weber. „Die erste öffnet im Herbst.“",
            "de",
            "Anna Weber",
            ["Wir bauen zwei neue Schulen", "Die erste öffnet im Herbst."],
        ),
        (
            "Le maire Paul Martin a visité le chantier. « Nous construirons deux écoles », "
            "a déclaré Martin. « La première ouvrira à l'automne. »",
            "fr",
            "Paul Martin",
            ["Nous construirons deux écoles", "La première ouvrira à l'automne."],
        ),
    ],
)
def test_parts_split_by_their_tag_become_one_quote(
    paragraph: str, language: str, speaker: str, pieces: list[str]
) -> None:
    art = article([paragraph], language)
    (quote,) = join_interrupted(art.text, find_quotes(art), language)
    assert quote.speaker == speaker
    assert [art.text[a:b] for a, b in quote.parts] == pieces
    assert quote.text == pieces[0].rstrip(",") + " … " + pieces[1]
    assert (quote.start, quote.end) == (quote.parts[0][0], quote.parts[-1][1])


def test_a_second_tag_starts_a_new_utterance() -> None:
    quotes = joined(['"We came early," Ana Lopez said. "We stayed late," she added. "And we won."'])
    assert [q.text for q in quotes] == ["We came early,", "We stayed late … And we won."]


@pytest.mark.parametrize(
    "paragraphs",
    [
        # Two speakers.
        ['"We will win," Ana Lopez said. "They will not," Tom Reed replied.'],
        # The first part is a whole sentence of its own, not broken off by the tag.
        ['"We will win." Ana Lopez said it twice. "Nobody can stop us now," she added.'],
        # Narration runs into the second part: no tag closes before it.
        [
            'Ana Lopez had backed the plan "for months", and said it was "a duty of the city '
            'to its people".'
        ],
        # The first part is a phrase inside narration.
        [
            'Police said Montalvo "walked into the station and gave himself up", and told '
            'them, "everything he did".'
        ],
        # A paragraph break between the parts.
        ['"We will win," Ana Lopez said.', '"Nobody can stop us now," she added.'],
    ],
)
def test_separate_quotes_stay_apart(paragraphs: list[str]) -> None:
    assert all(not q.parts for q in joined(paragraphs))


def test_digest_shows_the_whole_utterance() -> None:
    art = article([BOLDEN, "The shuttles will move next year, officials said."])
    digest = summarize(art, sentences=1, quotes=2)
    (quote,) = digest.quotes
    assert quote.text.startswith("We want to thank") and quote.text.endswith("public in mind.")
    assert quote.to_dict()["parts"] == [list(p) for p in quote.parts]
    assert Quote.from_dict(quote.to_dict()) == quote


def test_validator_accepts_an_interrupted_quote_part_by_part() -> None:
    art = article([BOLDEN, "Senator Rosa Hill said the choice was political."])
    digest = summarize(art, sentences=1, quotes=2)
    ref = Reference(art, digest)

    def verify(text: str) -> tuple[Quote | None, list[str]]:
        draft = Draft("", [digest.points[0]], [DraftQuote(text, "Bolden")])
        result = check(draft, ref, max_points=2, max_quotes=1)
        return result.quotes[0], [p.kind for p in result.problems]

    quote, problems = verify(digest.quotes[0].text)
    assert problems == [] and quote is not None
    # As the article gives it (the locator leaves out a closing full stop).
    assert quote.speaker == "Charles Bolden"
    assert quote.text == digest.quotes[0].text.rstrip(".")
    assert [a for a, _ in quote.parts] == [a for a, _ in digest.quotes[0].parts]
    # The tag between the parts is the reporter's words, not Bolden's.
    _, problems = verify("We want to thank all of the locations … said Bolden to the gathered")
    assert problems == ["invented quote"]
    # Parts must come in the article's order.
    _, problems = verify("This was a very difficult decision … We want to thank all of them")
    assert problems == ["invented quote"]
