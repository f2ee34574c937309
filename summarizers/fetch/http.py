"""`fetch_page`: one link → Page, through the guard, within time and size limits."""

from __future__ import annotations

import asyncio
import datetime as dt
import email.utils
import errno
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass

import aiohttp
from yarl import URL

from summarizers.errors import FetchError, FetchTimeoutError, HttpStatusError
from summarizers.fetch.body import BodyReader, too_large
from summarizers.fetch.charset import pick_charset
from summarizers.fetch.guard import AddressPolicy, Guard
from summarizers.fetch.mediatype import (
    FEED_TYPES,
    header_charset,
    media_type,
    refuse_declared_type,
    refuse_sniffed_type,
)
from summarizers.fetch.options import FetchOptions
from summarizers.fetch.resolver import GuardedResolver
from summarizers.models import Page

TIMEOUT_MESSAGE = "That site took too long to answer."
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024
_ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"
_FEED_ACCEPT = (
    "application/rss+xml,application/atom+xml,application/rdf+xml;q=0.9,"
    "application/xml;q=0.8,text/xml;q=0.8,text/html;q=0.5,*/*;q=0.3"
)


async def fetch_page(
    url: str,
    options: FetchOptions | None = None,
    *,
    headers: Mapping[str, str] | None = None,
    feed: bool = False,
) -> Page:
    """Fetch `url` (following at most `max_redirects` redirects, each one re-checked).

    `headers` are sent with every request (conditional GET: If-None-Match and
    If-Modified-Since). With `feed`, RSS, Atom and XML answers are accepted too, and a 304
    Not Modified is returned as a Page with status 304 and no body instead of an error.

    The Page's `body` is decompressed, `charset` is the codec that decodes it, `headers`
    has lower-case names, `url` is the link as given and `final_url` the one that answered.
    Raises FetchError (or its subclasses BlockedAddressError, FetchTimeoutError,
    HttpStatusError, UnsupportedContentError, PageTooLargeError) with one plain sentence.
    """
    opts = options or FetchOptions()
    guard = Guard(AddressPolicy.from_allow_hosts(opts.allow_hosts), opts.on_connect)
    try:
        async with asyncio.timeout(opts.total_timeout), _session(opts, guard) as session:
            return await _follow(session, guard, url, opts, _Wanted(dict(headers or {}), feed))
    except TimeoutError:
        raise FetchTimeoutError(TIMEOUT_MESSAGE) from None
    except aiohttp.ClientError as exc:
        raise _client_error(exc, guard) from None


@asynccontextmanager
async def _session(opts: FetchOptions, guard: Guard) -> AsyncIterator[aiohttp.ClientSession]:
    connector = aiohttp.TCPConnector(
        resolver=GuardedResolver(guard, opts.resolver),
        use_dns_cache=False,
        # A new connection per request, so every redirect goes through the resolver again.
        force_close=True,
        socket_factory=guard.socket_factory,
        ssl=opts.ssl_context or True,
    )
    timeout = aiohttp.ClientTimeout(
        total=None, connect=opts.connect_timeout, sock_connect=opts.connect_timeout
    )
    headers = {
        "User-Agent": opts.user_agent,
        "Accept": _ACCEPT,
        "Accept-Language": "en;q=0.9,*;q=0.5",
        "Accept-Encoding": "gzip, deflate, br",
    }
    # trust_env=False: an HTTP proxy from the environment would connect on our behalf,
    # out of the guard's sight.
    async with aiohttp.ClientSession(
        connector=connector,
        timeout=timeout,
        headers=headers,
        auto_decompress=False,
        trust_env=False,
    ) as session:
        yield session


@dataclass(frozen=True)
class _Wanted:
    """What one fetch asks for: extra request headers, and whether a feed is welcome."""

    headers: dict[str, str]
    feed: bool


async def _follow(
    session: aiohttp.ClientSession, guard: Guard, link: str, opts: FetchOptions, wanted: _Wanted
) -> Page:
    current = guard.check_url(link)
    visited = [current]
    headers = {"Accept": _FEED_ACCEPT, **wanted.headers} if wanted.feed else wanted.headers
    for _ in range(opts.max_redirects + 1):
        async with session.get(current, allow_redirects=False, headers=headers) as response:
            if response.status in _REDIRECTS:
                current = guard.check_url(_redirect_target(response, current))
                visited.append(current)
                continue
            if wanted.feed and response.status == 304:
                return _not_modified(response, link)
            refuse_status(response.status, response.headers.get("Retry-After"))
            return await _read_page(response, link, opts.max_bytes, wanted.feed)
    if len(set(visited)) < len(visited):
        raise FetchError("That link redirects in a loop.")
    raise FetchError(f"That link redirects more than {opts.max_redirects} times.")


def _redirect_target(response: aiohttp.ClientResponse, current: URL) -> URL:
    location = response.headers.get("Location", "").strip()
    if not location:
        raise FetchError("That link redirects nowhere.")
    try:
        return current.join(URL(location))
    except ValueError:
        raise FetchError("That link redirects to an invalid web address.") from None


def refuse_status(status: int, retry_after: str | None = None) -> None:
    """Raise HttpStatusError with the sentence for an unusable HTTP status; a 429 says when
    the site asks to be tried again (its `Retry-After`)."""
    if 200 <= status < 300 and status != 204:
        return
    wait = _retry_after_words(retry_after) or "later"
    message = {
        204: "That page is empty (204).",
        401: "That page needs a login (401).",
        403: "That site refused access to the page (403).",
        404: "That page was not found (404).",
        410: "That page has been removed (410).",
        429: f"That site is receiving too many requests; try again {wait} (429).",
    }.get(status)
    if message is None and status >= 500:
        message = f"That site had a server error ({status})."
    if message is None:
        message = f"That site could not serve the page ({status})."
    raise HttpStatusError(message, status)


def _retry_after_words(value: str | None) -> str | None:
    """`Retry-After` (seconds or an HTTP date) as words: "in 2 minutes", "after 08:00 UTC"."""
    value = (value or "").strip()
    if value.isdigit():
        seconds = int(value)
        if seconds < 120:
            return f"in {seconds} second{'s' if seconds != 1 else ''}"
        minutes = round(seconds / 60)
        return f"in {minutes} minutes" if minutes < 120 else f"in {round(minutes / 60)} hours"
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None
    return f"after {when.astimezone(dt.UTC):%Y-%m-%d %H:%M} UTC"


def _not_modified(response: aiohttp.ClientResponse, link: str) -> Page:
    return Page(
        url=link,
        final_url=str(response.url),
        status=304,
        headers={k.lower(): v for k, v in response.headers.items()},
        body=b"",
    )


async def _read_page(
    response: aiohttp.ClientResponse, link: str, max_bytes: int, feed: bool
) -> Page:
    content_type = response.headers.get("Content-Type")
    if not (feed and media_type(content_type) in FEED_TYPES):
        refuse_declared_type(media_type(content_type))
    if (response.content_length or 0) > max_bytes:
        raise too_large(max_bytes)
    reader = BodyReader(response.headers.get("Content-Encoding", ""), max_bytes)
    async for chunk in response.content.iter_chunked(_CHUNK):
        reader.feed(chunk)
    body = reader.body()
    refuse_sniffed_type(body)
    return Page(
        url=link,
        final_url=str(response.url),
        status=response.status,
        headers={k.lower(): v for k, v in response.headers.items()},
        body=body,
        charset=pick_charset(body, header_charset(content_type)),
        content_type=media_type(content_type),
    )


def _client_error(exc: aiohttp.ClientError, guard: Guard) -> FetchError:
    """The one-sentence error for an aiohttp failure."""
    if guard.refused:
        return guard.blocked_error()
    if isinstance(exc, aiohttp.ServerTimeoutError):
        return FetchTimeoutError(TIMEOUT_MESSAGE)
    if isinstance(exc, aiohttp.ClientConnectorCertificateError | aiohttp.ClientSSLError):
        return FetchError("That site's secure connection could not be verified.")
    if isinstance(exc, aiohttp.ClientConnectorDNSError):
        return FetchError("That site's name could not be found.")
    if isinstance(exc, aiohttp.ClientConnectorError):
        if exc.os_error.errno == errno.ECONNREFUSED:
            return FetchError("That site refused the connection.")
        return FetchError("That site could not be reached.")
    if isinstance(exc, aiohttp.InvalidURL):
        return FetchError("That link is not a valid web address.")
    if isinstance(exc, aiohttp.ClientPayloadError | aiohttp.ServerDisconnectedError):
        return FetchError("That site closed the connection before sending the whole page.")
    if isinstance(exc, aiohttp.ClientResponseError):
        return FetchError("That site sent a response digestbot cannot read.")
    return FetchError("That site could not be reached.")
