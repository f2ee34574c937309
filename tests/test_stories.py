"""One story, one item: syndicated copies merge, different events never do, and the merged
item keeps every source and repeats no fact — in English, German, French and Spanish."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from summarizers.models import Article, Digest, Quote
from summarizers.stories import Report, group_reports, merge_story, stories
from summarizers.stories.cluster import average_linkage, pair_model
from summarizers.stories.features import FEATURES
from tests.story_cases import CASES, Case

NOON = dt.datetime(2026, 11, 21, 12, 0, tzinfo=dt.UTC)
IDS = [c.language for c in CASES]


def report(
    paragraphs: tuple[str, ...] | list[str],
    headline: str,
    language: str,
    url: str,
    *,
    hours: float = 0.0,
    site: str = "Site",
    points: int = 3,
    quotes: tuple[Quote, ...] = (),
) -> Report:
    """A report whose digest's points are the article's first sentences (by paragraph)."""
    article = Article(url, headline, None, None, language, list(paragraphs), site)
    digest = Digest(
        url, headline, None, None, list(paragraphs[:points]), list(quotes), "test", language, site
    )
    return Report(article, digest, NOON + dt.timedelta(hours=hours))


def wire_copy(case: Case) -> Report:
    """The event as another outlet ran it: its template, another headline, cut shorter."""
    body = [case.prefix + case.event[0], *case.event[1:4], case.suffix]
    headline = case.event[0].split(",")[0][:70].upper()
    return report(
        body, headline, case.language, f"https://copy.example/{case.language}", hours=3, site="Copy"
    )


def originals(case: Case) -> list[Report]:
    lang = case.language
    return [
        report(
            case.event, case.event_headline, lang, f"https://wire.example/{lang}/1", site="Wire"
        ),
        report(
            case.same_team, case.same_team_headline, lang, f"https://wire.example/{lang}/2", hours=5
        ),
        report(case.other, case.other_headline, lang, f"https://wire.example/{lang}/3", hours=1),
    ]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_a_syndicated_copy_merges_and_other_events_do_not(case: Case) -> None:
    reports = [*originals(case), wire_copy(case)]
    assert group_reports(reports) == [[0, 3], [1], [2]]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_two_matches_of_one_team_stay_two_stories(case: Case) -> None:
    event, same_team, _other = originals(case)
    assert group_reports([event, same_team]) == [[0], [1]]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_the_merged_item_lists_every_source_and_repeats_no_point(case: Case) -> None:
    event, _same, _other = originals(case)
    copy = wire_copy(case)
    [item] = stories([copy, event])
    # The longer, original report leads; the copy adds no point it already made.
    assert [s.url for s in item.sources] == [event.digest.url, copy.digest.url]
    assert item.headline == case.event_headline  # not the shouted copy's
    texts = [p.text for p in item.points]
    assert texts == list(case.event[:3])
    assert all(p.source == 0 for p in item.points)
    data = item.to_dict()
    assert [s["url"] for s in data["sources"]] == [event.digest.url, copy.digest.url]
    assert data["points"][0] == {"text": case.event[0], "source": event.digest.url}


def test_a_new_fact_from_a_second_source_is_added_with_that_source() -> None:
    case = CASES[0]
    first = report(case.event, case.event_headline, "en", "https://a.example/1", points=2)
    extra = "Police said two supporters were arrested outside the ground after the match."
    second = report(
        [case.event[0], extra, *case.event[1:3]],
        "City go top",
        "en",
        "https://b.example/2",
        points=2,
    )
    item = merge_story([first, second])
    assert [(p.text, p.source) for p in item.points] == [
        (case.event[0], 0),
        (case.event[1], 0),
        (extra, 1),
    ]


def test_quotes_are_merged_without_repeats_and_keep_their_source() -> None:
    case = CASES[0]
    said = Quote("The players were brilliant from the first minute", "Ann Keller", 0, 10)
    again = Quote("The players were brilliant from the first minute,", "Ann Keller", 5, 15)
    other = Quote("We were lucky today", "Ian Cole", 0, 5)
    first = report(case.event, case.event_headline, "en", "https://a.example/1", quotes=(said,))
    second = report(case.event[:3], "Copy", "en", "https://b.example/2", quotes=(again, other))
    item = merge_story([first, second])
    assert [(q.quote.speaker, q.source) for q in item.quotes] == [
        ("Ann Keller", 0),
        ("Ian Cole", 1),
    ]


def test_merge_story_needs_a_report() -> None:
    with pytest.raises(ValueError, match="at least one"):
        merge_story([])


@pytest.mark.parametrize(
    ("matrix", "threshold", "groups"),
    [
        ([[1.0]], 0.5, [[0]]),
        ([[1, 0.9, 0.1], [0.9, 1, 0.2], [0.1, 0.2, 1]], 0.5, [[0, 1], [2]]),
        # 0-1 and 1-2 are close, 0-2 far: average linkage does not chain them.
        ([[1, 0.9, 0.0], [0.9, 1, 0.8], [0.0, 0.8, 1]], 0.5, [[0, 1], [2]]),
        ([[1, 0.9, 0.7], [0.9, 1, 0.8], [0.7, 0.8, 1]], 0.5, [[0, 1, 2]]),
        ([[1, 0.4], [0.4, 1]], 0.5, [[0], [1]]),
    ],
)
def test_average_linkage(
    matrix: list[list[float]], threshold: float, groups: list[list[int]]
) -> None:
    assert average_linkage(matrix, threshold) == groups


def test_the_shipped_model_scores_the_features_the_code_computes() -> None:
    model = pair_model()
    assert model.features == FEATURES
    assert 0.0 < model.threshold < 1.0


def test_a_report_with_the_feed_time_prefers_it() -> None:
    case = CASES[0]
    plain = report(case.event, case.event_headline, "en", "https://a.example/1")
    dated = dataclasses.replace(plain, published=None)
    assert plain.when == NOON
    assert dated.when is None


def test_reports_days_apart_are_two_events_even_when_alike() -> None:
    case = CASES[0]
    first = report(case.event, case.event_headline, "en", "https://a.example/1")
    later = report(case.event, case.event_headline, "en", "https://b.example/2", hours=24 * 5)
    assert group_reports([first, later]) == [[0], [1]]
    assert group_reports([first, dataclasses.replace(later, published=NOON)]) == [[0, 1]]
