"""The default key-point selector and the method registry: order, count, hygiene, redundancy."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizers import clean_text, summarize
from summarizers.extract import METHODS, select_points
from summarizers.extract.hygiene import candidates, is_dangling, is_furniture, strip_dateline
from summarizers.models import Article, Sentence
from summarizers.pipeline import MAX_POINTS, MIN_POINTS, default_point_count
from summarizers.sentences import split_sentences

# Written for these tests: a wire story with the furniture scraped text tends to carry.
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "extract"
STORY = (FIXTURES / "en_rail_fine.txt").read_text(encoding="utf-8")


@pytest.fixture
def sentences() -> list[Sentence]:
    return split_sentences(STORY, "en")


def verbatim(point: Sentence) -> bool:
    return STORY[point.start : point.end] == point.text


def test_points_are_clean_verbatim_in_order_and_distinct(sentences: list[Sentence]) -> None:
    for count in (1, 3, 5):
        points = select_points(sentences, count)
        assert len(points) == count
        assert [p.index for p in points] == sorted({p.index for p in points})
        assert all(verbatim(p) for p in points)
    points = select_points(sentences, 5)
    texts = " ".join(p.text for p in points)
    for furniture in ("By Jane Doe", "(Reuters)", "Advertisement", "Getty", "Read more", "?"):
        assert furniture not in texts
    # The lede comes first, without its dateline.
    assert points[0].text.startswith("Britain's rail regulator fined Network Rail")


def test_near_repeat_of_a_point_is_never_picked(sentences: list[Sentence]) -> None:
    for count in (3, 6, 8):
        texts = [p.text for p in select_points(sentences, count)]
        repeats = [t for t in texts if t.startswith(("Britain's rail regulator", "The regulator"))]
        assert len(repeats) == 1


def test_dangling_sentence_only_after_its_predecessor(sentences: list[Sentence]) -> None:
    for count in range(1, 9):
        points = select_points(sentences, count)
        chosen = {p.index for p in points}
        for p in points:
            if is_dangling(p.text, "en"):
                assert p.index - 1 in chosen, p.text


def test_dateline_is_cut_and_furniture_recognised() -> None:
    text = "WASHINGTON (AP) — The Senate passed the spending bill late on Friday night."
    (sentence,) = split_sentences(text, "en")
    cut = strip_dateline(sentence)
    assert cut.text == "The Senate passed the spending bill late on Friday night."
    assert text[cut.start : cut.end] == cut.text
    acronym = "NASA - the space agency - said it would launch in May."
    assert strip_dateline(split_sentences(acronym)[0]).text == acronym
    assert strip_dateline(split_sentences("(CNN)Blues legend B.B. King was ill.")[0]).text == (
        "Blues legend B.B. King was ill."
    )
    place = "Kathmandu, Nepal (CNN)Rescuers found a man in the rubble."
    assert strip_dateline(split_sentences(place)[0]).text == "Rescuers found a man in the rubble."
    # An agency named inside a sentence is no dateline.
    named = "The Associated Press (AP) said it would appeal."
    assert strip_dateline(split_sentences(named)[0]).text == named
    for junk in ("By Jane Doe", "Advertisement", "Photo: Getty Images", "Read more: Rail news",
                 "Will you take the train this winter?", "Scroll down for video"):  # fmt: skip
        assert is_furniture(junk), junk
    for fine in ("By Tuesday, the storm had passed over the coast.",
                 "The photo was taken by a passer-by on Tuesday morning.",
                 "The EPA said the new rule would take effect in May."):  # fmt: skip
        assert not is_furniture(fine), fine


def test_dangling_rules() -> None:
    assert is_dangling("He added that the equipment was old.", "en")
    assert is_dangling("This comes as ministers prepare a white paper.", "en")
    assert is_dangling("However, the regulator disagreed.", "en")
    assert is_dangling("That's why the fine was so large.", "en")
    assert not is_dangling("He is in Rome.", "it")  # no rules for Italian
    assert not is_dangling("This year the regulator fined the company twice.", "en")
    assert not is_dangling('"We are sorry," he said.', "en")
    assert not is_dangling("Network Rail accepted the fine.", "en")


def test_article_of_only_furniture_still_gets_points() -> None:
    sentences = split_sentences("Advertisement\n\nRead more: Rail news", "en")
    assert candidates(sentences) == []
    assert select_points(sentences, 2) == sentences
    assert len(select_points(sentences, 1)) == 1


@pytest.mark.parametrize("method", sorted(METHODS))
def test_every_method_works_on_a_short_article(method: str, sentences: list[Sentence]) -> None:
    points = select_points(sentences, 3, method)
    assert 1 <= len(points) <= 3
    assert [p.index for p in points] == sorted({p.index for p in points})
    assert all(verbatim(p) for p in points)
    assert not any(p.text == "Advertisement" for p in points)


def test_registry_lists_sumy_methods_and_rejects_unknown_names() -> None:
    assert {"default", "lead", "lexrank", "lsa", "luhn", "textrank", "kl", "sumbasic"} <= set(
        METHODS
    )
    with pytest.raises(ValueError, match="unknown method"):
        select_points([], 3, "nonsense")


def test_point_count_follows_length_within_bounds() -> None:
    counts = [default_point_count(n) for n in (0, 100, 400, 800, 1600, 5000, 10**6)]
    assert counts == sorted(counts)
    assert counts[0] == MIN_POINTS and counts[-1] == MAX_POINTS
    assert default_point_count(400) < default_point_count(1600)


def test_word_budget_takes_the_most_points_that_fit() -> None:
    article = clean_text(STORY)
    small = summarize(article, words=40, quotes=0)
    large = summarize(article, words=120, quotes=0)
    assert len(small.points) < len(large.points)
    assert sum(len(p.split()) for p in large.points) <= 120
    assert len(summarize(article, words=1, quotes=0).points) == 1


def test_language_none_is_treated_as_english() -> None:
    article = Article(None, "Rail fine", None, None, None, [STORY.split("\n\n", 2)[1]])
    digest = summarize(article, sentences=1, quotes=0)
    assert digest.notes == []
    assert digest.points[0].startswith("Britain's rail regulator")


def test_sentence_inside_a_quotation_is_never_a_point() -> None:
    # Lost paragraph breaks leave a quote's sentences as sentences of their own; without the
    # words saying whose they are they belong to the key quotes, not to the points.
    inner = "It was either ignorance or evilness."
    article = Article(
        None,
        "Boy abused over sun cream",
        None,
        None,
        "en",
        [
            "A schoolboy allergic to sunlight has been abused in the street over his cream. "
            "His mother Claire Creag wants the council to act. "
            f"'{inner} People think he is different so they taunted him. It is so cruel,' "
            "she said. The family has asked the council for help. "
            "James, 11, now refuses to wear the cream outside."
        ],
    )
    sentences = split_sentences(article.text, "en")
    assert inner in [s.text.lstrip("'") for s in sentences]
    for count in range(1, 5):
        digest = summarize(article, sentences=count, quotes=1)
        assert not any(inner in p or "taunted" in p for p in digest.points), digest.points
    assert digest.quotes[0].speaker == "Claire Creag"


def test_caption_labels_are_cut_from_candidates_but_speech_cues_stay() -> None:
    text = (
        "Sleepy kid: Brock Guzman, 8, was last seen inside his parents' car on Monday.\n\n"
        "He added: The search went on through the night until the boy was found.\n\n"
        "Watch the video: Police found the car two miles from the family's home.\n\n"
        '- "My fears have been realized"'
    )
    # A list item that is only a quotation ('- "My fears ..."') is a quoted sentence once
    # its marker is cut, so it is left to the key quotes.
    fears = text.index('"My fears')
    pool = candidates(split_sentences(text, "en"), [(fears, len(text))])
    assert [s.text for s in pool] == [
        "Brock Guzman, 8, was last seen inside his parents' car on Monday.",
        "He added: The search went on through the night until the boy was found.",
        "Police found the car two miles from the family's home.",
    ]
    assert all(text[s.start : s.end] == s.text for s in pool)


def test_a_sponsorship_disclosure_is_no_point() -> None:
    assert is_furniture("All opinions are mine alone. #HealthyHydration #ad")
    assert is_furniture(
        "This shop has been compensated by #CollectiveBias, Inc. and its advertiser."
    )
    assert not is_furniture("The firm said all of its advertising would stop next year.")


def test_a_sentence_cut_off_before_a_list_is_no_point() -> None:
    assert is_furniture("Recommendation widgets provide publishers with an")
    assert not is_furniture("Recommendation widgets provide publishers with an income.")


def test_the_light_method_names_match_the_registry_and_sumys_factories() -> None:
    from summarizers.extract.names import METHOD_NAMES, SUMY_METHODS
    from summarizers.extract.sumy_methods import SUMY_FACTORIES

    assert set(SUMY_METHODS) == set(SUMY_FACTORIES)
    assert set(METHOD_NAMES) == set(METHODS)
