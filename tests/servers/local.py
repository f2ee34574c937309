"""`LocalServer`: the lifecycle every test server shares (127.0.0.1, an ephemeral port).

A subclass builds its aiohttp application in `make_handler()` and may release waiting handlers in
`before_stop()`. Async tests use `async with server:`; synchronous ones (a CLI subprocess,
say) use `with server.running():`, which serves from a background thread with its own loop.
"""

from __future__ import annotations

import asyncio
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import Self

from aiohttp import web

HOST = "127.0.0.1"


class LocalServer:
    """Start/stop, `async with` and a threaded `running()` for an aiohttp server on HOST."""

    ssl_context: ssl.SSLContext | None = None
    shutdown_timeout = 0.5

    def __init__(self) -> None:
        self.port = 0
        self._runner: web.BaseRunner | None = None

    def make_handler(self) -> web.Application | web.Server:
        """The application (or low-level server) to serve; subclasses provide it."""
        raise NotImplementedError

    async def before_stop(self) -> None:
        """Release anything a handler is waiting on, so that shutdown is quick."""

    async def start(self) -> None:
        """Listen on HOST at a free port."""
        handler = self.make_handler()
        runner: web.BaseRunner
        if isinstance(handler, web.Application):
            runner = web.AppRunner(
                handler, handle_signals=False, shutdown_timeout=self.shutdown_timeout
            )
        else:
            runner = web.ServerRunner(
                handler, handle_signals=False, shutdown_timeout=self.shutdown_timeout
            )
        await runner.setup()
        await web.TCPSite(runner, HOST, 0, ssl_context=self.ssl_context).start()
        self._runner = runner
        # TCPSite does not expose the bound port; the runner's addresses do.
        self.port = int(runner.addresses[0][1])

    async def stop(self) -> None:
        """Release waiting handlers, close the listener and every open connection."""
        await self.before_stop()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    @contextmanager
    def running(self, timeout: float = 10.0) -> Iterator[Self]:
        """Serve from a background thread (own event loop) for synchronous tests."""
        loop = asyncio.new_event_loop()
        thread = threading.Thread(target=loop.run_forever, daemon=True)
        thread.start()
        try:
            asyncio.run_coroutine_threadsafe(self.start(), loop).result(timeout)
            yield self
        finally:
            asyncio.run_coroutine_threadsafe(self.stop(), loop).result(timeout)
            loop.call_soon_threadsafe(loop.stop)
            thread.join(timeout)
            loop.close()
