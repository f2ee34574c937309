"""Fetching web pages safely: SSRF guard, limits, charset, and refusal of non-articles."""

from summarizers.fetch.article import fetch_article
from summarizers.fetch.guard import AddressPolicy, is_public_address
from summarizers.fetch.http import fetch_page
from summarizers.fetch.options import USER_AGENT, FetchOptions
from summarizers.fetch.urls import normalize_url

__all__ = [
    "USER_AGENT",
    "AddressPolicy",
    "FetchOptions",
    "fetch_article",
    "fetch_page",
    "is_public_address",
    "normalize_url",
]
