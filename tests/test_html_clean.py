"""clean_html on small synthetic pages: headline, date, byline, furniture, hostile input."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from summarizers import NotAnArticleError, clean_html
from summarizers.clean.boilerplate import prune
from summarizers.clean.metadata import strip_site_name

BODY = [
    "The harbour authority said on Tuesday that the storm surge reached the sea wall shortly "
    "after midnight, flooding three streets near the old fish market.",
    "Fishermen who had tied their boats inside the inner basin said the water rose faster than "
    "during any storm they could remember, and several small boats were lost.",
    "The town council has opened the sports hall as a shelter and asked residents of the lower "
    "town to stay with relatives until the water has gone down.",
    "Engineers will inspect the sea wall on Thursday, when the wind is expected to ease, and the "
    "council will decide next week whether to raise the wall along the whole quay.",
]


def page(
    *,
    title: str,
    head: str = "",
    h1: str | None = None,
    before: str = "",
    after: str = "",
    body: list[str] = BODY,
    lang: str = "en",
) -> str:
    """A news page: metadata in <head>, then the article between site furniture."""
    paragraphs = "".join(f"<p>{text}</p>" for text in body)
    heading = f"<h1>{h1}</h1>" if h1 else ""
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
        f"{head}</head><body><header><nav><a href='/'>Home</a> <a href='/world'>World</a>"
        f"</nav></header><main><article>{heading}{before}{paragraphs}{after}</article></main>"
        "<footer><p>Contact us</p></footer></body></html>"
    )


def test_body_paragraphs_are_extracted_in_order() -> None:
    article = clean_html(page(title="Storm floods harbour"), url="https://news.example/storm")
    assert article.paragraphs == BODY
    assert article.language == "en"
    assert article.url == "https://news.example/storm"


def test_site_name_suffix_is_stripped_from_the_title() -> None:
    html = page(
        title="Storm floods the old harbour | The Coastal Courier",
        head='<meta property="og:site_name" content="The Coastal Courier">',
    )
    article = clean_html(html, url="https://couriernews.example/2024/storm")
    assert article.headline == "Storm floods the old harbour"
    assert article.site == "The Coastal Courier"


def test_site_name_prefix_and_section_are_stripped_using_the_host_name() -> None:
    html = page(title="Coastal Courier » Blog Archive » Storm floods the old harbour")
    article = clean_html(html, url="https://www.coastalcourier.example/storm")
    assert article.headline == "Storm floods the old harbour"


def test_h1_confirmed_by_og_title_wins_over_the_title_element() -> None:
    html = page(
        title="Storm - Coastal Courier - News from the coast",
        head='<meta property="og:title" content="Storm floods the old harbour">',
        h1="Storm floods the old harbour",
    )
    article = clean_html(html, url="https://example.org/a")
    assert article.headline == "Storm floods the old harbour"
    assert "Storm floods the old harbour" not in article.paragraphs


def test_logo_h1_naming_the_site_is_not_the_headline() -> None:
    html = page(title="Coastal Courier | Storm floods the old harbour", h1="Coastal Courier")
    article = clean_html(html, url="https://coastalcourier.example/storm")
    assert article.headline == "Storm floods the old harbour"


def test_hyphenated_words_are_not_title_separators() -> None:
    assert strip_site_name("Covid-19 cases fall - Daily Planet", ["dailyplanet"]) == (
        "Covid-19 cases fall"
    )
    assert strip_site_name("Paris: la grève continue", ["dailyplanet"]) == (
        "Paris: la grève continue"
    )


def test_publication_date_is_chosen_over_the_update_date() -> None:
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Storm floods the old harbour",
        "datePublished": "2023-03-01T08:00:00Z",
        "dateModified": "2023-05-09T17:30:00Z",
        "author": [
            {"@type": "Person", "name": "Jane Doe"},
            {"@type": "Person", "name": "Ali Khan"},
        ],
    }
    head = (
        '<meta property="article:modified_time" content="2023-05-09T17:30:00Z">'
        '<meta property="article:published_time" content="2023-03-01T08:00:00Z">'
        f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    )
    before = "<p class='updated'>Updated May 9, 2023</p>"
    article = clean_html(page(title="Storm", head=head, before=before), url="https://x.example/s")
    assert article.published == dt.date(2023, 3, 1)
    assert article.byline == "Jane Doe, Ali Khan"
    assert article.headline == "Storm floods the old harbour"


def test_furniture_inside_the_article_is_removed() -> None:
    before = "<p>By Jane Doe</p><p>March 1, 2023</p>"
    after = (
        "<p>Read more: <a href='/other'>Council votes on harbour budget</a></p>"
        "<p>[Related: <a href='/other/2'>Harbour master warns of more storms</a>]</p>"
        "<p><a href='/related/1'>Ferry services suspended along the whole coast</a></p>"
        "<p>Share</p>"
        "<p>Sign up for our newsletter to get the latest news in your inbox.</p>"
    )
    html = page(title="Storm floods harbour", before=before, after=after)
    article = clean_html(html, url="https://news.example/storm")
    assert article.paragraphs == BODY


def test_prune_drops_each_kind_of_furniture() -> None:
    links = frozenset({"Ferry services suspended along the whole coast"})
    top = [
        "HARBOURTOWN, ENGLAND",
        "By Jane Doe",
        "March 1, 2023 | News | 3 comments",
        "quarta-feira, 1 de março de 2023 às 10:15",
        "Sandbags stacked along the quay on Monday. Photo: COASTAL COURIER",
        "This post contains links to retailers; we may receive a commission on purchases.",
    ]
    middle = [
        "Ferry services suspended along the whole coast [VIDEO]",
        "Sign up for our morning newsletter and get the news in your inbox.",
        "The Coastal Courier Newsletter",
        "Filed under: Weather, Harbour",
        "This copy is for your personal, non-commercial use only.",
        "***",
    ]
    bottom = [
        "COASTALCOURIER.COM",
        "For breaking news download the Courier app for iOS and Android.",
        "We want to hear what you think about this article. Write to us.",
    ]
    lines = [*top, BODY[0], BODY[1], *middle, BODY[2], BODY[3], *bottom]
    assert prune(lines, headline=None, links=links) == BODY


def test_prune_keeps_prose_that_only_looks_like_furniture() -> None:
    prose = [
        "By the time the ferry arrived, the quay was already under water and the crowd had left.",
        "Readers can subscribe to the council's flood alerts, a service it started in 2019.",
        *BODY,
    ]
    links = frozenset({"Council votes on harbour budget", "Storm"})
    assert prune(prose, headline="Storm", links=links) == prose


def test_prune_drops_a_leading_headline_repeat_only() -> None:
    lines = ["Storm floods the old harbour", *BODY, "Storm floods the old harbour"]
    kept = prune(lines, headline="Storm  floods the OLD harbour", links=frozenset())
    assert kept == [*BODY, "Storm floods the old harbour"]


def test_language_is_detected_from_the_text_not_the_declared_one() -> None:
    german = [
        "Die Hafenbehörde teilte am Dienstag mit, dass die Sturmflut kurz nach Mitternacht die "
        "Kaimauer erreichte und drei Straßen in der Nähe des alten Fischmarkts überflutete.",
        "Die Fischer, die ihre Boote im inneren Becken festgemacht hatten, sagten, das Wasser "
        "sei schneller gestiegen als bei jedem Sturm, an den sie sich erinnern könnten.",
        "Der Gemeinderat hat die Sporthalle als Notunterkunft geöffnet und die Bewohner der "
        "Unterstadt gebeten, bei Verwandten zu bleiben, bis das Wasser zurückgegangen ist.",
    ]
    article = clean_html(page(title="Sturmflut", body=german, lang="en"), url=None)
    assert article.language == "de"


@pytest.mark.parametrize(
    "html",
    [
        b"",
        "",
        "   \n  ",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8,
        bytes(range(256)) * 40,
        "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n\x00",
        "<html><head><title>Nothing</title></head><body></body></html>",
        "<html><body><nav><a href='/'>Home</a></nav></body></html>",
        "<div>" * 5000 + "deep" + "</div>" * 5000,
        "<<<>>><!-- <html <body <p>>>>",
    ],
)
def test_pages_without_article_text_raise_not_an_article(html: str | bytes) -> None:
    with pytest.raises(NotAnArticleError) as raised:
        clean_html(html, url="https://example.org/x")
    message = str(raised.value)
    assert message.endswith(".") and "\n" not in message


@pytest.mark.parametrize(
    "html",
    [
        "plain words without any markup at all, a sentence or two of them, nothing more here.",
        "<p>" + "word " * 20000 + "</p>",
        b"<html><body><p>caf\xe9 au lait, wrongly encoded bytes \xff\xfe here.</p></body></html>",
        page(title="<script>alert(1)</script>", head='<meta property="og:title" content="">'),
    ],
)
def test_odd_pages_return_an_article_or_a_one_sentence_refusal(html: str | bytes) -> None:
    try:
        article = clean_html(html)
    except NotAnArticleError as err:
        assert str(err).endswith(".")
    else:
        assert article.paragraphs and all(p.strip() for p in article.paragraphs)


def test_malformed_urls_do_not_turn_an_article_away() -> None:
    after = '<p><a href="http://[bad">Ferry services suspended along the whole coast</a></p>'
    head = '<meta property="og:url" content="https://[::1">'
    article = clean_html(page(title="Storm", head=head, after=after), url="http://[::1")
    assert article.paragraphs == BODY


@pytest.mark.parametrize(
    ("title", "head", "h1s", "expected"),
    [
        # A section label printed in <h1> before the story's own: og:title names the story.
        (
            "News - Coastal Courier",
            '<meta property="og:title" content="Storm floods the old harbour">',
            ["News", "Storm floods the old harbour"],
            "Storm floods the old harbour",
        ),
        # Several <h1>s ("Navigation", the site), one of them whole inside the <title>.
        (
            "Reports / Storm floods the old harbour",
            "",
            ["Navigation and service", "Storm floods the old harbour"],
            "Storm floods the old harbour",
        ),
    ],
)
def test_the_headline_is_the_heading_the_titles_confirm(
    title: str, head: str, h1s: list[str], expected: str
) -> None:
    headings = "".join(f"<h1>{h}</h1>" for h in h1s)
    html = page(title=title, head=head, before=headings)
    assert clean_html(html, url="https://x.example/s").headline == expected


def test_a_guessed_date_that_is_the_stated_last_change_gives_way_to_the_publication() -> None:
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "datePublished": "2023-03-01T08:00:00Z",
        "dateModified": "2023-05-09T17:30:00Z",
    }
    # htmldate alone takes the server's last-modified date here.
    head = (
        '<meta http-equiv="last-modified" content="2023-05-09">'
        f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    )
    article = clean_html(page(title="Storm", head=head), url="https://x.example/s")
    assert article.published == dt.date(2023, 3, 1)


def test_each_paragraph_carries_its_dom_context() -> None:
    after = (
        "<figure><img src='a.jpg'><figcaption>Boats in the flooded inner basin on Tuesday "
        "morning.</figcaption></figure><ul><li>First point of a list in the story</li></ul>"
        "<p>More from the coast: <a href='/a'>Ferry services suspended along the whole "
        "coast today</a></p>"
    )
    article = clean_html(page(title="Storm", after=after), url="https://x.example/s")
    assert len(article.contexts) == len(article.paragraphs)
    by_text = dict(zip(article.paragraphs, article.contexts, strict=True))
    assert by_text[BODY[0]].kind == "p"
    assert by_text[BODY[0]].link_share == 0.0
    assert by_text[BODY[0]].container == ""
    linked = next(c for p, c in by_text.items() if p.startswith("More from the coast"))
    assert linked.link_share > 0.5
    listed = next(c for p, c in by_text.items() if "First point" in p)
    assert (listed.kind, listed.container) == ("item", "list")


@pytest.mark.parametrize(
    ("author", "expected"),
    [
        ("Jane Doe, Coastal Courier", "Jane Doe"),
        ("Coastal Courier", None),
        ("Jane Doe", "Jane Doe"),
    ],
)
def test_the_byline_credits_people_not_the_publisher(author: str, expected: str | None) -> None:
    head = (
        '<meta property="og:site_name" content="Coastal Courier">'
        f'<meta name="author" content="{author}">'
    )
    html = page(title="Storm floods the old harbour", head=head)
    assert clean_html(html, url="https://couriernews.example/s").byline == expected


@pytest.mark.parametrize(
    ("head", "url", "site"),
    [
        # A site name that is only the host's sub-domain names no site: the domain does.
        (
            '<meta property="og:site_name" content="Hosted">',
            "https://hosted.ap.org/a/1",
            "hosted.ap.org",
        ),
        (
            '<meta property="og:site_name" content="AP News">',
            "https://hosted.ap.org/a/1",
            "AP News",
        ),
        # A page served from an address (a test server) takes its canonical URL's domain.
        (
            '<link rel="canonical" href="https://www.harbour.example/storm">',
            "http://127.0.0.1:8080/s",
            "harbour.example",
        ),
        ("", "http://127.0.0.1:8080/s", None),
        ("", "https://www.harbour.example/storm", "harbour.example"),
    ],
)
def test_site_name_falls_back_to_the_domain(head: str, url: str, site: str | None) -> None:
    article = clean_html(page(title="Storm floods harbour", head=head), url=url)
    assert article.site == site
