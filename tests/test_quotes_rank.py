"""Key quotes: informative, by named speakers, spread over speakers, not repeating a point."""

from __future__ import annotations

from summarizers.models import Article, Quote
from summarizers.quotes import find_quotes, key_quotes

PARAGRAPHS = [
    "Mayor Ada Klein presented the budget on Monday.",
    '"We will build 4,000 homes by 2027 and cut waiting lists in half," Klein said.',
    '"We\'ll see," she added.',
    '"The new tram line opens in March and will carry 40,000 riders a day," Klein said.',
    "Council member Omar Ruiz, who leads the opposition, was sceptical.",
    '"The plan has no money behind it and the council knows that very well," Ruiz said.',
    '"Too little," a resident said.',
    '"Nobody has explained how the tram line will be paid for after next year," '
    "a neighbour told reporters.",
]


def article() -> Article:
    return Article(None, None, None, None, "en", list(PARAGRAPHS))


def test_picks_informative_named_quotes_spread_over_speakers() -> None:
    art = article()
    chosen = key_quotes(art, find_quotes(art), [], 2)
    assert [q.speaker for q in chosen] == ["Ada Klein", "Omar Ruiz"]
    assert chosen[0].text.startswith(("We will build 4,000 homes", "The new tram line"))


def test_skips_vacuous_quotes_and_fragments() -> None:
    art = article()
    chosen = key_quotes(art, find_quotes(art), [], 10)
    texts = [q.text for q in chosen]
    assert "We'll see," not in texts
    assert "Too little," not in texts
    assert all(len(q.text.split()) >= 6 for q in chosen)


def test_prefers_named_speakers_over_unnamed_ones() -> None:
    art = article()
    chosen = key_quotes(art, find_quotes(art), [], 3)
    assert None not in [q.speaker for q in chosen]
    everything = key_quotes(art, find_quotes(art), [], 10)
    assert everything[-1].speaker is None  # the neighbour comes only when nothing else is left


def test_does_not_repeat_a_key_point() -> None:
    art = article()
    point = PARAGRAPHS[1]
    chosen = key_quotes(art, find_quotes(art), [point], 3)
    assert all("4,000 homes" not in q.text for q in chosen)
    assert len(chosen) == 3


def test_returns_article_order_and_respects_count() -> None:
    art = article()
    chosen = key_quotes(art, find_quotes(art), [], 3)
    assert len(chosen) == 3
    assert [q.start for q in chosen] == sorted(q.start for q in chosen)
    assert key_quotes(art, find_quotes(art), [], 0) == []


def test_duplicate_quotes_are_picked_once() -> None:
    art = Article(
        None,
        None,
        None,
        None,
        "en",
        [
            '"Our schools will get new science labs this year," said Mayor Ada Klein.',
            'Pull quote: "Our schools will get new science labs this year," said Mayor Ada Klein.',
        ],
    )
    chosen = key_quotes(art, find_quotes(art), [], 3)
    assert len(chosen) == 1


def test_works_on_quotes_built_by_hand() -> None:
    art = Article(None, None, None, None, "en", ["x"])
    quotes = [
        Quote("short one", "A", 0, 9),
        Quote("A long enough quote about the new budget plans", None, 10, 56),
    ]
    assert key_quotes(art, quotes, [], 2) == [quotes[1]]


def test_a_phrase_quoted_in_the_narration_by_nobody_named_is_no_key_quote() -> None:
    paragraphs = [
        'The study counts the times "a customer chose brand A over brand B" in a year.',
        '"Nobody has explained how the tram line will be paid for," a neighbour said.',
        'The images load from "https://example.com/a-360x240.jpg 360w, '
        'https://example.com/a-1.jpg 544w" on the page.',
    ]
    art = Article(None, None, None, None, "en", paragraphs)
    chosen = key_quotes(art, find_quotes(art), [], 3)
    assert [q.text[:6] for q in chosen] == ["Nobody"]


def test_code_and_titles_are_no_key_quotes() -> None:
    paragraphs = [
        'Set the header to "Mozilla/5.0 (Macintosh; Intel Mac OS X 10.14; rv:65.0) '
        'Gecko/20100101 Firefox/65.0" before scraping.',
        'The tutorial is called "How To Scrape Google With Python Quickly".',
        '"We scraped forty thousand pages in one night and nobody noticed," Ana Ruiz said.',
    ]
    art = Article(None, None, None, None, "en", paragraphs)
    chosen = key_quotes(art, find_quotes(art), [], 3)
    assert [q.speaker for q in chosen] == ["Ana Ruiz"]


def test_speech_with_figures_is_still_speech() -> None:
    paragraphs = ['"Das geht ja wieder los wie 1939/40", sagte der Historiker Jan Berg.']
    art = Article(None, None, None, None, "de", paragraphs)
    assert [q.speaker for q in key_quotes(art, find_quotes(art), [], 3)] == ["Jan Berg"]
