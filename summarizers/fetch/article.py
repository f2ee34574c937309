"""`fetch_article`: link → (Page, Article), refusing pages that are not articles."""

from __future__ import annotations

import asyncio
import dataclasses

from summarizers.clean import clean_html, clean_text
from summarizers.errors import InputError, NotAnArticleError
from summarizers.fetch.canonical import canonical_url
from summarizers.fetch.charset import decode_body
from summarizers.fetch.http import fetch_page
from summarizers.fetch.mediatype import TEXT_TYPES
from summarizers.fetch.options import FetchOptions
from summarizers.fetch.urls import normalize_url
from summarizers.fetch.walls import MIN_ARTICLE_WORDS, find_wall
from summarizers.models import Article, Page

TOO_LITTLE_TEXT = "That page has too little text to summarise."


async def fetch_article(url: str, options: FetchOptions | None = None) -> tuple[Page, Article]:
    """Fetch `url` and clean it into an Article whose `url` is the page's normalised
    canonical URL.

    Raises FetchError (and subclasses) when the page cannot be fetched, NotAnArticleError
    for paywalls, consent and login walls, JavaScript-only pages and pages with too
    little text.
    """
    page = await fetch_page(url, options)
    # Cleaning is CPU work (tens of ms, seconds on huge pages): keep it off the event loop.
    return page, await asyncio.to_thread(article_from_page, page)


def article_from_page(page: Page) -> Article:
    """Clean a fetched page, or raise NotAnArticleError with the reason it is no article."""
    text = decode_body(page.body, page.charset)
    is_html = page.content_type not in TEXT_TYPES
    try:
        article: Article | None = (
            clean_html(text, url=page.final_url)
            if is_html
            else clean_text(text, url=page.final_url)
        )
    except (NotAnArticleError, InputError):
        article = None
    wall = find_wall(text if is_html else None, page.final_url, article)
    if wall is not None:
        raise NotAnArticleError(wall)
    if article is None or article.word_count < MIN_ARTICLE_WORDS:
        raise NotAnArticleError(TOO_LITTLE_TEXT)
    link = canonical_url(text, page.final_url) if is_html else normalize_url(page.final_url)
    return dataclasses.replace(article, url=link)
