"""A real web server on 127.0.0.1 for fetcher, CLI and bot tests.

    async with WebServer() as web:
        url = web.page("/story", "<html>...</html>")
        page = await fetch_page(url, web.options())
        assert web.requests[0].path == "/story"
        assert web.connections.hosts == {"127.0.0.1"}

Synchronous tests (a CLI subprocess, say) use `with WebServer().running() as web:`, which
serves from a background thread. Every route is registered before or while serving; unknown
paths answer 404. Every request is recorded in `requests`. Bodies that never end are still
bounded in time and count, so a broken client cannot hang a test run.
"""

from __future__ import annotations

import asyncio
import dataclasses
import gzip
import ssl
import zlib
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

import brotli
from aiohttp import web

from summarizers.fetch import FetchOptions
from tests.servers.local import HOST, LocalServer

Handler = Callable[[web.BaseRequest], Awaitable[web.StreamResponse]]
MAX_STREAM_SECONDS = 20.0


@dataclass(frozen=True)
class RecordedRequest:
    """One request as the server saw it."""

    method: str
    path: str
    headers: Mapping[str, str]
    peer: str


class WebServer(LocalServer):
    """Serves registered routes on 127.0.0.1 at an ephemeral port and records requests."""

    def __init__(self, ssl_context: ssl.SSLContext | None = None) -> None:
        super().__init__()
        self.ssl_context = ssl_context
        self.connections = ConnectionLog()
        self.routes: dict[str, Handler] = {}
        self.requests: list[RecordedRequest] = []
        self._bombs: dict[tuple[str, int], bytes] = {}

    def make_handler(self) -> web.Server:
        """A low-level server: every path goes through `_handle`, unknown ones answer 404."""
        return web.Server(self._handle)

    def options(self, **changes: Any) -> FetchOptions:
        """Fetch options that reach 127.0.0.1 only, with short limits for fast tests, and
        record every connection attempt in `connections`."""
        base = FetchOptions(
            allow_hosts=(HOST,),
            connect_timeout=1.0,
            total_timeout=3.0,
            max_bytes=200_000,
            on_connect=self.connections,
        )
        return dataclasses.replace(base, **changes)

    # -- routes ----------------------------------------------------------------------

    def url(self, path: str = "/") -> str:
        """Absolute URL of `path` on this server."""
        scheme = "https" if self.ssl_context else "http"
        return f"{scheme}://{HOST}:{self.port}{path}"

    def route(self, path: str, handler: Handler) -> str:
        """Serve `path` with a custom aiohttp handler; returns its URL."""
        self.routes[path] = handler
        return self.url(path)

    def page(
        self,
        path: str,
        body: str | bytes,
        *,
        status: int = 200,
        content_type: str = "text/html; charset=utf-8",
        headers: Mapping[str, str] | None = None,
    ) -> str:
        """Serve fixed bytes (str is sent as UTF-8). `content_type=""` leaves the type to
        aiohttp, which then sends application/octet-stream."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        sent = {**({"Content-Type": content_type} if content_type else {}), **(headers or {})}

        async def handler(request: web.BaseRequest) -> web.StreamResponse:
            return web.Response(status=status, body=data, headers=sent)

        return self.route(path, handler)

    def redirect(self, path: str, location: str, status: int = 302) -> str:
        """Answer `path` with a redirect to `location` (sent verbatim)."""

        async def handler(request: web.BaseRequest) -> web.StreamResponse:
            return web.Response(status=status, headers={"Location": location})

        return self.route(path, handler)

    def slow(self, path: str, delay: float, body: str = "<p>late</p>") -> str:
        """Wait `delay` seconds before answering at all."""

        async def handler(request: web.BaseRequest) -> web.StreamResponse:
            await asyncio.sleep(min(delay, MAX_STREAM_SECONDS))
            return web.Response(body=body.encode(), content_type="text/html")

        return self.route(path, handler)

    def stream(
        self, path: str, chunk: bytes, *, interval: float = 0.0, content_type: str = "text/html"
    ) -> str:
        """A body that never ends: `chunk` again and again, every `interval` seconds,
        until the client leaves (or MAX_STREAM_SECONDS pass)."""

        async def handler(request: web.BaseRequest) -> web.StreamResponse:
            response = web.StreamResponse(headers={"Content-Type": content_type})
            await response.prepare(request)
            deadline = asyncio.get_running_loop().time() + MAX_STREAM_SECONDS
            try:
                while asyncio.get_running_loop().time() < deadline:
                    await response.write(chunk)
                    await asyncio.sleep(interval)
            except (ConnectionError, RuntimeError):
                pass  # the client hung up, which is what the test wanted
            return response

        return self.route(path, handler)

    def bomb(self, path: str, encoding: str = "gzip", size: int = 100_000_000) -> str:
        """A small compressed body that expands to `size` zero bytes ('gzip', 'deflate'
        or 'br'), served as text/html."""
        return self.page(
            path,
            self._bomb(encoding, size),
            headers={"Content-Encoding": encoding},
        )

    def _bomb(self, encoding: str, size: int) -> bytes:
        key = (encoding, size)
        if key not in self._bombs:
            self._bombs[key] = compress(b"\0" * size, encoding)
        return self._bombs[key]

    async def _handle(self, request: web.BaseRequest) -> web.StreamResponse:
        peer = request.transport.get_extra_info("peername") if request.transport else None
        self.requests.append(
            RecordedRequest(
                method=request.method,
                path=request.path_qs,
                headers=dict(request.headers),
                peer=str(peer[0]) if peer else "",
            )
        )
        handler = self.routes.get(request.path_qs) or self.routes.get(request.path)
        if handler is None:
            return web.Response(status=404, text="not found")
        return await handler(request)


def compress(data: bytes, encoding: str) -> bytes:
    """`data` in a Content-Encoding: 'gzip', 'deflate' (zlib-wrapped), 'raw-deflate' or 'br'."""
    if encoding == "gzip":
        return gzip.compress(data, compresslevel=9)
    if encoding == "deflate":
        return zlib.compress(data, 9)
    if encoding == "raw-deflate":
        obj = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
        return obj.compress(data) + obj.flush()
    if encoding == "br":
        return bytes(brotli.compress(data, quality=5))
    raise ValueError(f"unknown encoding {encoding!r}")


class ConnectionLog:
    """`FetchOptions.on_connect` hook for tests: records every connection attempt and, as a
    safety net should the guard ever fail, refuses anything but 127.0.0.1 before a socket
    exists, so a test can never send a packet off the machine."""

    def __init__(self) -> None:
        self.attempts: list[tuple[str, int]] = []

    def __call__(self, host: str, port: int) -> None:
        self.attempts.append((host, port))
        if host != HOST:
            raise OSError(f"test safety net: no connection to {host}")

    @property
    def hosts(self) -> set[str]:
        """Every address a connection was attempted to."""
        return {host for host, _ in self.attempts}


class FakeDNS:
    """`FetchOptions.resolver` for tests: each name answers from its list of answers in
    turn (the last one repeats), so a name can resolve to 127.0.0.1 and then to 10.0.0.1.
    Unknown names fail like a missing DNS record. Every lookup is recorded."""

    def __init__(self, answers: Mapping[str, list[list[str]]]) -> None:
        self.answers = {name: list(seq) for name, seq in answers.items()}
        self.lookups: list[str] = []

    async def __call__(self, host: str, port: int) -> list[str]:
        self.lookups.append(host)
        seq = self.answers.get(host)
        if not seq:
            raise OSError(f"no such name: {host}")
        return seq.pop(0) if len(seq) > 1 else seq[0]
