"""Feeds through the guarded fetcher from a hermetic feed server on 127.0.0.1: RSS 2.0,
RSS 1.0 and Atom parsed, broken XML refused in one sentence, a conditional GET answered
with 304, a redirect to a private address refused before any connection."""

from __future__ import annotations

import datetime as dt

import pytest

from summarizers.errors import BlockedAddressError
from summarizers.feeds import FeedError, looks_like_feed, parse_feed
from summarizers.fetch import fetch_page
from tests.servers.feeds import FeedSite, Item
from tests.servers.web import WebServer

WHEN = dt.datetime(2026, 11, 21, 9, 30, tzinfo=dt.UTC)


@pytest.mark.parametrize("kind", ["rss", "atom", "rdf"])
async def test_each_feed_format_gives_its_entries(kind: str) -> None:
    async with WebServer() as web:
        items = [
            Item("Bridge vote", web.url("/a?utm_source=feed"), "urn:a", WHEN),
            Item("Storm warning", web.url("/b"), "urn:b"),
        ]
        url = FeedSite(web).feed("/news.xml", items, kind)
        page = await fetch_page(url, web.options(), feed=True)
    assert looks_like_feed(page.body)
    feed = parse_feed(page.body, page.final_url)
    assert feed.title == "Test news"
    assert [(e.title, e.url, e.published) for e in feed.entries] == [
        ("Bridge vote", items[0].link, WHEN),
        ("Storm warning", items[1].link, None),
    ]
    assert feed.entries[0].norm_url == web.url("/a")
    if kind != "rdf":  # RSS 1.0 items have no GUID; the link stands in
        assert [e.guid for e in feed.entries] == ["urn:a", "urn:b"]


@pytest.mark.parametrize("kind", ["rss", "atom", "rdf"])
async def test_a_feed_without_entries_yet_is_read(kind: str) -> None:
    async with WebServer() as web:
        url = FeedSite(web).feed("/new.xml", [], kind)
        page = await fetch_page(url, web.options(), feed=True)
    feed = parse_feed(page.body, page.final_url)
    assert (feed.title, feed.entries) == ("Test news", [])


async def test_a_conditional_get_is_answered_not_modified() -> None:
    async with WebServer() as web:
        site = FeedSite(web)
        url = site.feed("/news.xml", [Item("Bridge vote", web.url("/a"), "urn:a")])
        first = await fetch_page(url, web.options(), feed=True)
        validators = {"If-None-Match": first.headers["etag"]}
        again = await fetch_page(url, web.options(), headers=validators, feed=True)
    assert first.status == 200 and first.headers["last-modified"]
    assert again.status == 304 and again.body == b""
    assert web.requests[-1].headers["If-None-Match"] == first.headers["etag"]


@pytest.mark.parametrize(
    "body",
    [
        b"<?xml version='1.0'?><rss version='2.0'><channel><item><title>cut off",
        b"<rss version='2.0'><channel><title>No items, no end",
        b"Just some text, not a feed at all.",
    ],
)
def test_broken_xml_is_refused_in_one_sentence(body: bytes) -> None:
    with pytest.raises(FeedError) as refused:
        parse_feed(body)
    assert str(refused.value).count(".") == 1


def test_a_damaged_feed_keeps_the_entries_it_still_has() -> None:
    body = (
        b"<?xml version='1.0'?><rss version='2.0'><channel><item><title>Kept</title>"
        b"<link>https://news.example/kept</link></item><item><title>Lost & broken"
    )
    assert [e.url for e in parse_feed(body).entries] == ["https://news.example/kept"]


@pytest.mark.parametrize("target", ["http://10.0.0.1/feed.xml", "http://169.254.169.254/latest"])
async def test_a_feed_redirecting_to_a_private_address_is_refused_unconnected(target: str) -> None:
    async with WebServer() as web:
        url = web.redirect("/feed.xml", target)
        with pytest.raises(BlockedAddressError):
            await fetch_page(url, web.options(), feed=True)
    # The redirect was served, then refused: only the local server was ever connected to.
    assert [r.path for r in web.requests] == ["/feed.xml"]
    assert web.connections.hosts == {"127.0.0.1"}
