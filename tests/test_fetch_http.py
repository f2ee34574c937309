"""fetch_page against a real web server on 127.0.0.1: redirects, the guard, limits, types.

Every test records each connection attempt (`web.connections`, a ConnectionLog) and asserts
that none went anywhere but 127.0.0.1; the log also refuses such attempts, so even a broken
guard could not send a packet off the machine.
"""

from __future__ import annotations

import asyncio
import shutil
import socket
import ssl
import subprocess
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from summarizers.errors import (
    BlockedAddressError,
    FetchError,
    FetchTimeoutError,
    HttpStatusError,
    PageTooLargeError,
    UnsupportedContentError,
)
from summarizers.fetch import fetch_page
from summarizers.fetch.guard import OUTSIDE_LIST_MESSAGE, PRIVATE_MESSAGE
from tests.servers.web import HOST, FakeDNS, WebServer, compress

ARTICLE = "<html><head><title>Story</title></head><body><p>Hello café world.</p></body></html>"


@pytest.fixture
async def web() -> AsyncIterator[WebServer]:
    async with WebServer() as server:
        yield server


def assert_stayed_local(web: WebServer) -> None:
    assert web.connections.hosts <= {HOST}, web.connections.attempts


async def test_fetches_a_page_with_an_honest_user_agent(web: WebServer) -> None:
    url = web.page("/story", ARTICLE)
    page = await fetch_page(url, web.options())
    assert page.status == 200
    assert page.url == url and page.final_url == url
    assert page.content_type == "text/html"
    assert page.charset == "utf-8"
    assert page.body.decode("utf-8") == ARTICLE
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    sent = web.requests[0].headers
    assert "digestbot" in sent["User-Agent"] and sent["User-Agent"].startswith("Mozilla/5.0")
    assert sent["Accept-Encoding"] == "gzip, deflate, br"
    assert web.connections.attempts == [(HOST, web.port)]


async def test_follows_a_redirect_chain(web: WebServer) -> None:
    web.redirect("/a", "/b", 301)
    web.redirect("/b", web.url("/c"), 307)
    web.redirect("/c", "d?x=1", 308)
    web.page("/d?x=1", ARTICLE)
    page = await fetch_page(web.url("/a"), web.options())
    assert page.final_url == web.url("/d?x=1")
    assert page.url == web.url("/a")
    assert [r.path for r in web.requests] == ["/a", "/b", "/c", "/d?x=1"]
    assert_stayed_local(web)


async def test_more_than_five_redirects_are_refused(web: WebServer) -> None:
    for i in range(7):
        web.redirect(f"/r{i}", f"/r{i + 1}")
    web.page("/r7", ARTICLE)
    with pytest.raises(FetchError, match=r"^That link redirects more than 5 times\.$"):
        await fetch_page(web.url("/r0"), web.options())
    assert len(web.requests) == 6  # the link and five redirects, no more
    assert web.connections.attempts == [(HOST, web.port)] * 6


async def test_a_redirect_loop_is_named(web: WebServer) -> None:
    web.redirect("/ping", "/pong")
    web.redirect("/pong", "/ping")
    with pytest.raises(FetchError, match=r"^That link redirects in a loop\.$"):
        await fetch_page(web.url("/ping"), web.options())
    assert len(web.requests) == 6


async def test_redirect_without_location(web: WebServer) -> None:
    web.page("/nowhere", "", status=302)
    with pytest.raises(FetchError, match="redirects nowhere"):
        await fetch_page(web.url("/nowhere"), web.options())


@pytest.mark.parametrize(
    "target",
    [
        "http://10.0.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::ffff:10.0.0.1]/",
        "http://[::ffff:a9fe:a9fe]/",
        "http://167772161/",
        "http://0xa.0.0.1/",
        "http://100.64.0.1/",
        "http://[fd00::1]/",
        "http://[fe80::1]/",
        "http://[64:ff9b::a00:1]/",
        "http://127.0.0.2/",
        "http://good.com@10.0.0.1/",
    ],
)
async def test_redirects_to_private_addresses_are_refused_before_connecting(
    web: WebServer, target: str
) -> None:
    web.redirect("/go", target)
    with pytest.raises(BlockedAddressError) as caught:
        await fetch_page(web.url("/go"), web.options())
    assert str(caught.value) == PRIVATE_MESSAGE
    assert [r.path for r in web.requests] == ["/go"]
    assert web.connections.attempts == [(HOST, web.port)]


async def test_a_redirect_outside_the_allow_list_is_refused(web: WebServer) -> None:
    web.redirect("/out", "http://93.184.216.34/")
    with pytest.raises(BlockedAddressError) as caught:
        await fetch_page(web.url("/out"), web.options())
    assert str(caught.value) == OUTSIDE_LIST_MESSAGE
    assert web.connections.attempts == [(HOST, web.port)]


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://example.com/x", "gopher://x/"])
async def test_redirects_to_other_schemes_are_refused(web: WebServer, target: str) -> None:
    web.redirect("/scheme", target)
    with pytest.raises(FetchError, match="only http and https"):
        await fetch_page(web.url("/scheme"), web.options())


async def test_numeric_spelling_of_an_allowed_address_reaches_it(web: WebServer) -> None:
    web.redirect("/spell", f"http://0x7f.1:{web.port}/there")
    web.page("/there", ARTICLE)
    page = await fetch_page(web.url("/spell"), web.options())
    assert page.final_url == web.url("/there")
    assert web.connections.hosts == {HOST}


async def test_without_an_allow_list_loopback_is_never_contacted(web: WebServer) -> None:
    url = web.page("/story", ARTICLE)
    for link in (url, url.replace(HOST, "2130706433"), url.replace(HOST, "localhost")):
        with pytest.raises(BlockedAddressError, match=PRIVATE_MESSAGE):
            await fetch_page(link, web.options(allow_hosts=()))
    assert web.requests == []
    assert web.connections.attempts == []


async def test_dns_rebinding_between_requests_is_refused(web: WebServer) -> None:
    """news.test answers 127.0.0.1, then 10.0.0.1: the redirect's own lookup is refused."""
    dns = FakeDNS({"news.test": [[HOST], ["10.0.0.1"]]})
    web.redirect("/first", f"http://news.test:{web.port}/second")
    web.page("/second", ARTICLE)
    with pytest.raises(BlockedAddressError, match=PRIVATE_MESSAGE):
        await fetch_page(f"http://news.test:{web.port}/first", web.options(resolver=dns))
    assert dns.lookups == ["news.test", "news.test"]
    assert [r.path for r in web.requests] == ["/first"]
    assert web.requests[0].headers["Host"] == f"news.test:{web.port}"
    assert web.connections.attempts == [(HOST, web.port)]


async def test_dns_rebinding_between_fetches_is_refused(web: WebServer) -> None:
    dns = FakeDNS({"news.test": [[HOST], ["10.0.0.1"]]})
    url = f"http://news.test:{web.port}/story"
    web.page("/story", ARTICLE)
    page = await fetch_page(url, web.options(resolver=dns))
    assert page.final_url == url
    with pytest.raises(BlockedAddressError):
        await fetch_page(url, web.options(resolver=dns))
    assert len(web.requests) == 1
    assert web.connections.attempts == [(HOST, web.port)]


async def test_a_name_with_one_private_answer_is_refused_whole(web: WebServer) -> None:
    dns = FakeDNS({"mixed.test": [[HOST, "10.0.0.1"]]})
    with pytest.raises(BlockedAddressError):
        await fetch_page(f"http://mixed.test:{web.port}/", web.options(resolver=dns))
    assert web.connections.attempts == []
    assert web.requests == []


async def test_allow_list_by_name_trusts_that_name(web: WebServer) -> None:
    dns = FakeDNS({"intranet.test": [[HOST]], "other.test": [[HOST]]})
    web.page("/story", ARTICLE)
    web.redirect("/away", f"http://other.test:{web.port}/story")
    opts = web.options(resolver=dns, allow_hosts=("intranet.test",))
    page = await fetch_page(f"http://intranet.test:{web.port}/story", opts)
    assert page.body.decode() == ARTICLE
    with pytest.raises(BlockedAddressError, match=PRIVATE_MESSAGE):
        await fetch_page(f"http://intranet.test:{web.port}/away", opts)
    assert web.connections.attempts == [(HOST, web.port)] * 2


async def test_unknown_names_fail_as_dns_errors(web: WebServer) -> None:
    with pytest.raises(FetchError, match=r"^That site's name could not be found\.$"):
        await fetch_page("http://nowhere.test/", web.options(resolver=FakeDNS({})))
    assert web.connections.attempts == []


async def test_a_closed_port_is_a_refused_connection(web: WebServer) -> None:
    with socket.socket() as sock:  # find a free port, then leave it closed
        sock.bind((HOST, 0))
        port = sock.getsockname()[1]
    with pytest.raises(FetchError, match=r"^That site refused the connection\.$"):
        await fetch_page(f"http://{HOST}:{port}/", web.options())
    assert web.connections.attempts == [(HOST, port)]


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (404, "That page was not found (404)."),
        (410, "That page has been removed (410)."),
        (401, "That page needs a login (401)."),
        (403, "That site refused access to the page (403)."),
        (429, "That site is receiving too many requests; try again later (429)."),
        (500, "That site had a server error (500)."),
        (502, "That site had a server error (502)."),
        (503, "That site had a server error (503)."),
        (418, "That site could not serve the page (418)."),
        (204, "That page is empty (204)."),
    ],
)
async def test_error_statuses_have_their_own_sentence(
    web: WebServer, status: int, message: str
) -> None:
    url = web.page("/status", "<p>error page</p>", status=status)
    with pytest.raises(HttpStatusError) as caught:
        await fetch_page(url, web.options())
    assert str(caught.value) == message
    assert caught.value.status == status


async def test_a_slow_server_times_out(web: WebServer) -> None:
    url = web.slow("/slow", delay=5)
    started = time.monotonic()
    with pytest.raises(FetchTimeoutError, match=r"^That site took too long to answer\.$"):
        await fetch_page(url, web.options(total_timeout=0.3))
    assert time.monotonic() - started < 2


async def test_the_connect_limit_covers_a_slow_name_lookup(web: WebServer) -> None:
    async def slow_dns(host: str, port: int) -> list[str]:
        await asyncio.sleep(5)
        return [HOST]

    started = time.monotonic()
    with pytest.raises(FetchTimeoutError):
        await fetch_page(
            f"http://slow.test:{web.port}/", web.options(resolver=slow_dns, connect_timeout=0.2)
        )
    assert time.monotonic() - started < 1.5  # the connect limit, not the 3 s total one
    assert web.connections.attempts == []


async def test_a_trickling_body_times_out(web: WebServer) -> None:
    url = web.stream("/trickle", b"<p>x</p>", interval=0.02)
    with pytest.raises(FetchTimeoutError):
        await fetch_page(url, web.options(total_timeout=0.4))


async def test_an_endless_body_stops_at_the_cap(web: WebServer) -> None:
    url = web.stream("/endless", b"<p>" + b"x" * 16_000 + b"</p>")
    with pytest.raises(PageTooLargeError) as caught:
        await fetch_page(url, web.options())
    assert str(caught.value) == (
        "That page is larger than 200 KB, which is more than digestbot reads."
    )


async def test_a_page_over_the_cap_is_refused(web: WebServer) -> None:
    url = web.page("/big", "<p>" + "y" * 250_000 + "</p>")
    with pytest.raises(PageTooLargeError):
        await fetch_page(url, web.options())
    small = web.page("/fits", "<p>" + "y" * 150_000 + "</p>")
    assert len((await fetch_page(small, web.options())).body) == 150_007


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "br"])
async def test_compression_bombs_stop_at_the_cap(web: WebServer, encoding: str) -> None:
    url = web.bomb(f"/bomb-{encoding}", encoding, size=20_000_000)
    with pytest.raises(PageTooLargeError):
        await fetch_page(url, web.options())


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "raw-deflate", "br"])
async def test_compressed_pages_are_decoded(web: WebServer, encoding: str) -> None:
    body = (ARTICLE * 50).encode()
    coding = "deflate" if encoding == "raw-deflate" else encoding
    url = web.page("/z", compress(body, encoding), headers={"Content-Encoding": coding})
    page = await fetch_page(url, web.options())
    assert page.body == body


async def test_a_damaged_compressed_page_is_named(web: WebServer) -> None:
    url = web.page(
        "/bad", b"\x1f\x8b\x08\x00garbage-not-gzip", headers={"Content-Encoding": "gzip"}
    )
    with pytest.raises(FetchError, match="damaged compressed page"):
        await fetch_page(url, web.options())


ZIP = "That link is a file of type application/zip, not a web page."
FEED = "That link is a news feed or XML document, not a web page."


@pytest.mark.parametrize(
    ("content_type", "body", "message"),
    [
        ("application/pdf", b"%PDF-1.7\n...", "That link is a PDF, not a web page."),
        ("image/png", b"\x89PNG\r\n\x1a\n....", "That link is an image, not a web page."),
        ("video/mp4", b"\x00\x00\x00 ftypisom", "That link is a video, not a web page."),
        ("application/zip", b"PK\x03\x04....", ZIP),
        ("application/rss+xml", b"<rss></rss>", FEED),
        ("text/html", b"%PDF-1.4 mislabelled", "That link is a PDF, not a web page."),
        ("", b"\xff\xd8\xff\xe0 jpeg", "That link is an image, not a web page."),
    ],
)
async def test_documents_that_are_not_web_pages_are_refused(
    web: WebServer, content_type: str, body: bytes, message: str
) -> None:
    url = web.page("/file", body, content_type=content_type)
    with pytest.raises(UnsupportedContentError) as caught:
        await fetch_page(url, web.options())
    assert str(caught.value) == message


async def test_a_page_without_a_useful_type_is_sniffed(web: WebServer) -> None:
    url = web.page("/untyped", ARTICLE, content_type="")
    page = await fetch_page(url, web.options())
    assert page.body.decode() == ARTICLE


SHIFT_JIS_META = '<meta http-equiv="Content-Type" content="text/html; charset=shift_jis">'


@pytest.mark.parametrize(
    ("content_type", "head", "text", "encoding"),
    [
        # Header says UTF-8, bytes are Windows-1252.
        ("text/html; charset=utf-8", "", "Un café très noté à Paris, déjà célèbre.", "cp1252"),
        # Header says ISO-8859-1, bytes are UTF-8.
        ("text/html; charset=iso-8859-1", "", "Der Bürgermeister äußerte sich.", "utf-8"),
        # No header charset; <meta> names the real one.
        ("text/html", '<meta charset="windows-1251">', "Москва объявила о мерах.", "cp1251"),
        ("text/html", SHIFT_JIS_META, "東京で新しい図書館が開館しました。", "shift_jis"),
        # Nothing declared: detection.
        ("text/html", "", "Les élèves ont été reçus à l'école après la grève.", "cp1252"),
        # A byte-order mark wins over a wrong header.
        ("text/html; charset=iso-8859-1", "", "Ünïcödé with BOM", "utf-16"),
        # An unknown charset label is ignored.
        ("text/html; charset=x-no-such", "", "Señal clara", "utf-8"),
    ],
)
async def test_charsets_from_header_meta_or_detection(
    web: WebServer, content_type: str, head: str, text: str, encoding: str
) -> None:
    body = (head + f"<p>{text}</p>").encode(encoding)
    url = web.page("/cs", body, content_type=content_type)
    page = await fetch_page(url, web.options())
    assert page.charset is not None
    assert text in page.body.decode(page.charset)


@pytest.fixture
def tls(tmp_path: Path) -> tuple[ssl.SSLContext, ssl.SSLContext]:
    """A self-signed certificate for news.test: (server context, client context trusting it)."""
    if shutil.which("openssl") is None:
        pytest.skip("needs the openssl command")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=news.test", "-addext", "subjectAltName=DNS:news.test",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True, timeout=30,
    )  # fmt: skip
    server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server.load_cert_chain(cert, key)
    client = ssl.create_default_context(cafile=str(cert))
    return server, client


async def test_https_checks_the_certificate_against_the_name_not_the_address(
    tls: tuple[ssl.SSLContext, ssl.SSLContext],
) -> None:
    server_ctx, client_ctx = tls
    dns = FakeDNS({"news.test": [[HOST]], "other.test": [[HOST]]})
    async with WebServer(ssl_context=server_ctx) as secure:
        secure.page("/story", ARTICLE)
        opts = secure.options(resolver=dns, ssl_context=client_ctx)
        page = await fetch_page(f"https://news.test:{secure.port}/story", opts)
        assert page.body.decode() == ARTICLE
        with pytest.raises(FetchError, match="secure connection could not be verified"):
            await fetch_page(f"https://other.test:{secure.port}/story", opts)
        with pytest.raises(FetchError, match="secure connection could not be verified"):
            await fetch_page(f"https://news.test:{secure.port}/story", secure.options(resolver=dns))
    assert secure.connections.hosts == {HOST}


@pytest.mark.parametrize(
    ("retry_after", "words"),
    [
        ("30", "try again in 30 seconds (429)"),
        ("1", "try again in 1 second (429)"),
        ("600", "try again in 10 minutes (429)"),
        ("Wed, 21 Oct 2026 07:28:00 GMT", "try again after 2026-10-21 07:28 UTC (429)"),
        ("soon", "try again later (429)"),
        (None, "try again later (429)"),
    ],
)
async def test_a_429_says_when_the_site_asks_to_be_tried_again(
    web: WebServer, retry_after: str | None, words: str
) -> None:
    headers = {"Retry-After": retry_after} if retry_after else {}
    url = web.page("/busy", "slow down", status=429, headers=headers)
    with pytest.raises(HttpStatusError) as caught:
        await fetch_page(url, web.options())
    assert str(caught.value) == f"That site is receiving too many requests; {words}."
