"""The faithfulness checker on a made-up story: variants, names, numbers, roles, polarity."""

from __future__ import annotations

import pytest

from summarizers.verify import ArticleIndex, Checker
from summarizers.verify.rules import rules_for
from summarizers.verify.tokens import summary_sentences, tokenize

STORY = (
    "Prime Minister Narendra Modi met Australian Prime Minister Tony Abbott in New Delhi on "
    "Tuesday. India beat Australia by 95 runs in the World Cup quarter-final. The Olympic "
    "champion Usain Bolt did not run in the 200 metres race. Police arrested 12 men after the "
    "match. Jurgen Klopp will leave Borussia Dortmund, and Per Mertesacker said Klopp would "
    "be a good fit for the Premier League."
)


@pytest.fixture(scope="module")
def index() -> ArticleIndex:
    return ArticleIndex(STORY, "en")


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker()


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("PM", "prime minister"),
        ("Indian", "India"),
        ("Olympics", "Olympic"),
        ("U.S.", "US"),
        ("three", "3"),
        ("beaten", "beat"),
        ("children", "child"),
        ("Britons", "British"),
    ],
)
def test_variants_share_one_key(one: str, other: str) -> None:
    rules = rules_for("en")
    assert [t.key for t in tokenize(one, rules)] == [t.key for t in tokenize(other, rules)]


def test_a_sentence_the_article_states_is_supported_with_its_evidence(
    index: ArticleIndex, checker: Checker
) -> None:
    report = checker.check(index, "Police arrested 12 men after the match.")
    (verdict,) = report.sentences
    assert verdict.supported and report.supported
    assert verdict.evidence[0] == 3
    assert index.sentences[3].text == "Police arrested 12 men after the match."


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Angela Merkel met Tony Abbott in New Delhi.", "name not in article"),
        ("Police arrested 15 men after the match.", "number not in article"),
        ("Narendra Modi met Tony Abbott in New Delhi on Friday.", "date not in article"),
        ("Usain Bolt said: “I will win the 200 metres race.”", "invented quote"),
        ("Jurgen Mertesacker said Klopp would be a good fit.", "names joined"),
    ],
)
def test_hard_failures_are_never_supported(
    index: ArticleIndex, checker: Checker, sentence: str, kind: str
) -> None:
    (verdict,) = checker.check(index, sentence).sentences
    assert kind in [p.kind for p in verdict.problems]
    assert verdict.hard and not verdict.supported and verdict.score == 0.0


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("India beat Australia by 12 runs in the quarter-final.", "number counts something else"),
        ("The Olympic champion Usain Bolt ran in the 200 metres race.", "negation"),
        ("Australia beat India by 95 runs in the World Cup quarter-final.", "roles swapped"),
        ("Klopp may leave Borussia Dortmund.", "modality"),
    ],
)
def test_soft_problems_are_named(
    index: ArticleIndex, checker: Checker, sentence: str, kind: str
) -> None:
    (verdict,) = checker.check(index, sentence).sentences
    assert kind in [p.kind for p in verdict.problems]
    # Each of these lowers the score below the same sentence without the error.
    assert verdict.score < 1.0


@pytest.mark.parametrize(
    "sentence",
    [
        "Australia were beaten by India by 95 runs in the World Cup quarter-final.",
        "Indian PM Narendra Modi met Tony Abbott in New Delhi on Tuesday.",
    ],
)
def test_passive_voice_and_variants_are_no_problem(
    index: ArticleIndex, checker: Checker, sentence: str
) -> None:
    (verdict,) = checker.check(index, sentence).sentences
    assert [p.kind for p in verdict.problems if p.kind != "words not in article"] == []


def test_tokenised_lower_case_summaries_are_split_and_mended() -> None:
    text = "india beat australia by 95 runs . modi did n't meet abbott 's team ."
    assert summary_sentences(text, "en") == [
        "india beat australia by 95 runs .",
        "modi didn't meet abbott's team .",
    ]
    words = [t.text for t in tokenize("modi didn't meet abbott's team", rules_for("en"))]
    assert words == ["modi", "did", "not", "meet", "abbott", "team"]


def test_a_language_without_data_borrows_stop_words_stems_and_lemmas() -> None:
    rules = rules_for("it")
    assert "il" in rules.stopwords
    assert rules.stem("linee") == rules.stem("linea")
    index = ArticleIndex("Il consiglio ha approvato martedì 12 linee di autobus.", "it")
    (verdict,) = Checker().check(index, "Il consiglio ha approvato 15 linee di autobus.").sentences
    assert "number not in article" in [p.kind for p in verdict.problems]
    assert rules_for("xx").stopwords == frozenset()


@pytest.mark.parametrize(
    ("language", "one", "other"),
    [
        ("de", "deutschen", "Deutschland"),
        ("de", "zwölf", "12"),
        ("de", "Kanzlerin", "Bundeskanzlerin"),
        ("fr", "française", "France"),
        ("fr", "l'ONU", "les Nations unies"),
        ("fr", "douze", "12"),
        ("es", "españoles", "España"),
        ("es", "EEUU", "Estados Unidos"),
        ("es", "doce", "12"),
    ],
)
def test_variants_of_other_languages_share_one_key(language: str, one: str, other: str) -> None:
    rules = rules_for(language)
    stops = rules.stopwords
    keys = [
        [t.key for t in tokenize(w, rules) if t.text.lower() not in stops] for w in (one, other)
    ]
    assert keys[0] == keys[1]


@pytest.mark.parametrize(
    ("language", "article", "negated"),
    [
        (
            "de",
            "Der Rat hat den Plan am Dienstag beschlossen.",
            "Der Rat hat den Plan nicht beschlossen.",
        ),
        ("fr", "Le conseil a approuvé le plan mardi.", "Le conseil n'a pas approuvé le plan."),
        ("es", "El consejo aprobó el plan el martes.", "El consejo no aprobó el plan."),
    ],
)
def test_negation_is_read_in_each_language(language: str, article: str, negated: str) -> None:
    index = ArticleIndex(article, language)
    (verdict,) = Checker().check(index, negated).sentences
    assert "negation" in [p.kind for p in verdict.problems]
    (plain,) = Checker().check(index, article).sentences
    assert plain.problems == () and plain.supported
