"""Speaker rules found on the BBC xsum split: British ranks and posts are titles, glued
words and particles do not hide a full name, a name and a colon introduce a quote, and an
organisation is never a pronoun's antecedent."""

from __future__ import annotations

from bench.quotes import normalise
from summarizers.models import Article
from summarizers.quotes import find_quotes
from summarizers.quotes.names import NameIndex, is_title


def speakers(*paragraphs: str) -> list[str | None]:
    art = Article(None, None, None, None, "en", list(paragraphs))
    return [q.speaker for q in find_quotes(art)]


def test_british_police_ranks_are_kept_as_ranks_not_names() -> None:
    found = speakers(
        'Det Sgt Barry Carr said: "This was a nasty and extremely dangerous attack on a home."'
    )
    assert found == ["Det Sgt Barry Carr"]
    assert normalise(found[0]) == "barry carr"
    mention = NameIndex("Ch Insp Anna Lee and DCI Tom Reid arrived.").mentions
    assert [m.core for m in mention] == [("Anna", "Lee"), ("Tom", "Reid")]


def test_matron_is_a_title() -> None:
    found = speakers('Matron Sue Taylor said: "It is very old and in the summer it is very hot."')
    assert normalise(found[0]) == "sue taylor"


def test_a_hyphenated_title_is_a_title() -> None:
    assert is_title("Minister-Councillor")
    assert is_title("Secretary-General")
    assert not is_title("Jean-Pierre")
    found = speakers(
        "Minister-Councillor Alexander Kramarenko from the Russian Embassy said: "
        '"It is done for them because they have been expecting it for a long time."'
    )
    assert normalise(found[0]) == "alexander kramarenko"


def test_a_name_glued_after_a_lower_case_word_is_still_a_name() -> None:
    index = NameIndex("By Danny Shaw, home affairs correspondentTheresa May's plan was new.")
    assert ("Theresa", "May") in [m.core for m in index.mentions]
    found = speakers(
        "Copy this linkJak Trueman, 15, was diagnosed last year. ",
        'At the time, Jak wrote: "This is the saddest day of our lives yet but I will fight."',
    )
    assert found == ["Jak Trueman"]


def test_short_words_before_a_capital_are_not_glue() -> None:
    cores = [m.core for m in NameIndex("She bought an iPhone on eBay from McDonald.").mentions]
    assert ("Phone",) not in cores and ("Bay",) not in cores
    assert ("McDonald",) in cores
