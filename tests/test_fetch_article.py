"""fetch_article end to end on a local server, and the wall rules on their own.

The pages are written for these tests (no third-party text): one local news story, and
the walls that stand in front of such stories on real sites.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from summarizers.errors import HttpStatusError, NotAnArticleError
from summarizers.fetch import fetch_article
from summarizers.fetch.walls import (
    CONSENT_WALL,
    LOGIN_WALL,
    NEEDS_JAVASCRIPT,
    PAYWALL,
    find_wall,
)
from summarizers.models import Article
from tests.servers.web import HOST, FakeDNS, WebServer

STORY = [
    "The city council voted on Tuesday to approve a new budget that doubles spending on public "
    "libraries, ending a debate that had stretched across three long evening sessions.",
    "Supporters said the money would extend opening hours in every district and pay for a "
    "mobile library that will visit villages on the edge of the county twice a week.",
    "Opponents argued that the plan relied on optimistic forecasts of property tax income and "
    "warned that the council could be forced to make deeper cuts elsewhere next year.",
    "The mayor, who cast the deciding vote, told reporters that reading rooms were among the "
    "few warm and quiet places left where residents could spend an afternoon without paying.",
    "Library staff welcomed the decision but said that recruiting enough qualified librarians "
    "before the spring would be difficult, given the shortage across the region.",
    "The budget also includes smaller sums for park maintenance, street lighting and a pilot "
    "scheme that lends tools and sports equipment to families through the library system.",
    "A final review of the spending plan is scheduled for March, when the council will publish "
    "the first figures on how many new visitors the longer hours have attracted.",
]
COOKIE_BANNER = (
    '<div id="cookie-banner"><p>We use cookies to improve your experience and to show '
    "personalised ads. You can accept all cookies or manage your cookie settings at any "
    "time.</p><button>Accept all</button><button>Reject all</button></div>"
)
NOT_FREE = (
    '<script type="application/ld+json">{"@type":"NewsArticle","isAccessibleForFree":false,'
    '"hasPart":{"@type":"WebPageElement","isAccessibleForFree":false,"cssSelector":".paywall"}}'
    "</script>"
)


def story_page(paragraphs: list[str] = STORY, head: str = "", tail: str = "") -> str:
    """A news page: navigation, the story, a footer, and optional extras."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<title>Council doubles library budget - The Riverside Gazette</title>"
        f"{head}</head><body>"
        '<nav><a href="/">Home</a> <a href="/login">Log in</a> <a href="/subscribe">Subscribe</a>'
        "</nav><main><article><h1>Council doubles library budget</h1>"
        f'<p class="byline">By Jane Porter</p>{body}</article></main>{tail}'
        "<footer><p>Subscribe to our newsletter for the latest local news.</p>"
        "<p>© 2024 The Riverside Gazette</p></footer></body></html>"
    )


CONSENT_PAGE = """<!doctype html><html lang="en"><head><title>Before you continue</title></head>
<body><div class="consent-form"><h1>Before you continue to Riverside News</h1>
<p>We and our 842 partners store and access information on your device, such as cookies, to
provide personalised ads and content, ad and content measurement, audience research and
services development.</p>
<p>Some partners process your data on the basis of legitimate interest, which you can object
to in the privacy settings.</p>
<p>Select Accept all to agree, Reject all to decline, or Manage privacy settings to choose.</p>
<button>Accept all</button> <button>Reject all</button>
<p>You can change your choices at any time by visiting Your privacy choices.</p></div>
</body></html>"""

PAYWALL_BOX = (
    '<div class="paywall"><h2>Subscribe to continue reading</h2> Get unlimited access to '
    "local journalism. Already a subscriber? Sign in.</div>"
)
PAYWALL_PAGE = story_page([*STORY[:2], PAYWALL_BOX], head=NOT_FREE)

LOGIN_PAGE = """<!doctype html><html><head><title>Sign in</title></head><body>
<h1>Sign in to continue</h1><p>Please sign in to read this story.</p>
<form action="/session" method="post"><label>Email <input type="email" name="email"></label>
<label>Password <input type="password" name="password"></label><button>Sign in</button></form>
<p><a href="/forgot">Forgot your password?</a></p></body></html>"""

JS_PAGE = """<!doctype html><html><head><title>Riverside News</title>
<script src="/static/js/main.4f2a.js" defer></script></head><body>
<noscript>You need to enable JavaScript to run this app.</noscript><div id="root"></div>
</body></html>"""

SHORT_PAGE = (
    "<!doctype html><html><head><title>Note</title></head><body><article>"
    "<p>The meeting has been moved to Thursday at noon.</p></article></body></html>"
)


@pytest.fixture
async def web() -> AsyncIterator[WebServer]:
    async with WebServer() as server:
        yield server


async def test_a_story_becomes_an_article_with_its_canonical_url(web: WebServer) -> None:
    canonical = '<link rel="canonical" href="/news/library-budget?utm_source=rss&id=7#top">'
    url = web.page("/s?fbclid=abc", story_page(head=canonical, tail=COOKIE_BANNER))
    page, article = await fetch_article(url, web.options())
    assert page.final_url == url
    assert article.url == web.url("/news/library-budget?id=7")
    assert article.headline is not None and "library budget" in article.headline
    assert "deciding vote" in article.text
    assert "cookies" not in article.text
    assert article.word_count > 150
    assert web.connections.hosts == {HOST}


async def test_a_canonical_link_to_another_site_is_not_believed(web: WebServer) -> None:
    claim = '<link rel="canonical" href="https://www.famous-paper.example/story">'
    url = web.page("/copy?utm_medium=social", story_page(head=claim))
    _, article = await fetch_article(url, web.options())
    assert article.url == web.url("/copy")


async def test_plain_text_pages_are_cleaned_as_text(web: WebServer) -> None:
    text = "Council doubles library budget\n\n" + "\n\n".join(STORY)
    url = web.page("/story.txt", text, content_type="text/plain; charset=utf-8")
    _, article = await fetch_article(url, web.options())
    assert article.paragraphs[0].startswith("The city council voted")
    assert article.url == url


@pytest.mark.parametrize(
    ("html", "message"),
    [
        (CONSENT_PAGE, CONSENT_WALL),
        (PAYWALL_PAGE, PAYWALL),
        (LOGIN_PAGE, LOGIN_WALL),
        (JS_PAGE, NEEDS_JAVASCRIPT),
        (SHORT_PAGE, "That page has too little text to summarise."),
        ("", "That page has too little text to summarise."),
    ],
    ids=["consent", "paywall", "login", "javascript", "short", "empty"],
)
async def test_pages_that_are_not_articles_are_refused(
    web: WebServer, html: str, message: str
) -> None:
    url = web.page("/wall", html)
    with pytest.raises(NotAnArticleError) as caught:
        await fetch_article(url, web.options())
    assert str(caught.value) == message


async def test_a_redirect_to_a_consent_host_is_a_consent_wall(web: WebServer) -> None:
    dns = FakeDNS({"news.test": [[HOST]], "consent.news.test": [[HOST]]})
    gate = f"http://consent.news.test:{web.port}/collect?sessionId=1"
    web.redirect("/story", gate)
    web.page("/collect?sessionId=1", "<html><body><p>One moment, please.</p></body></html>")
    with pytest.raises(NotAnArticleError, match=CONSENT_WALL):
        await fetch_article(f"http://news.test:{web.port}/story", web.options(resolver=dns))
    assert web.connections.hosts == {HOST}


async def test_fetch_errors_pass_through(web: WebServer) -> None:
    with pytest.raises(HttpStatusError, match=r"\(404\)"):
        await fetch_article(web.url("/missing"), web.options())


def article(paragraphs: list[str]) -> Article:
    return Article(None, None, None, None, "en", paragraphs)


def test_a_story_with_a_cookie_banner_login_form_and_noscript_is_no_wall() -> None:
    tail = (
        COOKIE_BANNER
        + '<form><input type="password"></form><noscript>Please enable JavaScript to view '
        "the comments.</noscript>"
    )
    html = story_page(tail=tail)
    assert find_wall(html, "https://news.example/story", article(STORY)) is None


def test_a_full_story_marked_as_paid_is_still_an_article() -> None:
    """Metered sites mark every story as paid yet serve it whole to the first visits."""
    story = STORY * 2
    html = story_page(story, head=NOT_FREE)
    assert find_wall(html, "https://news.example/story", article(story)) is None
    assert find_wall(html, "https://news.example/story", article(STORY[:3])) == PAYWALL


def test_a_short_brief_survives_weak_signals_but_not_strong_ones() -> None:
    brief = STORY[:4]  # about 110 words
    weak = story_page(brief, tail='<form><input type="password"></form>' + COOKIE_BANNER)
    assert find_wall(weak, "https://news.example/brief", article(brief)) is None
    strong = story_page(brief, tail="<p>Please log in to read the rest of this story.</p>")
    assert find_wall(strong, "https://news.example/brief", article(brief)) == LOGIN_WALL


def test_a_teaser_ending_in_a_price_is_a_paywall() -> None:
    teaser = [*STORY[:3], "Offre découverte", "1€ le 1er mois puis 12€ par mois"]
    assert find_wall(None, "https://news.example/a", article(teaser)) == PAYWALL
    rent = [*STORY[:3], "Rents in the district rose to $1,200 a month, officials said."]
    assert find_wall(None, "https://news.example/a", article(rent)) is None


def test_an_extracted_consent_dialog_is_a_consent_wall() -> None:
    dialog = [
        "We and our partners use cookies to store and access information on your device.",
        "We process data for personalised ads and content on the basis of legitimate interest.",
        "Click Accept all to agree or Reject all to decline.",
    ]
    assert find_wall(None, "https://news.example/a", article(dialog)) == CONSENT_WALL
    assert find_wall(None, "https://news.example/a", article(STORY)) is None


def test_a_consent_path_is_a_wall_but_a_story_about_consent_is_not() -> None:
    stub = ["Loading your choices."]
    assert find_wall(None, "https://news.example/consent/", article(stub)) == CONSENT_WALL
    brief = STORY[:4]
    assert find_wall(None, "https://news.example/consent-law-passes", article(brief)) is None


def test_a_login_url_with_little_text_is_a_login_wall() -> None:
    stub = ["Welcome back.", "Enter your details below."]
    assert find_wall(None, "https://news.example/account/login", article(stub)) == LOGIN_WALL
