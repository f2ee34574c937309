"""The shape of a route table entry shared by the REST modules."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from aiohttp import web

Handler = Callable[[web.Request], Awaitable[web.Response]]
Route = tuple[str, str, Handler]
