"""Running a discord.py client against the stand-in for the length of a `with` block."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TypeVar

import discord

from .server import DiscordStub

ClientT = TypeVar("ClientT", bound=discord.Client)
READY_TIMEOUT = 15.0


@asynccontextmanager
async def connected(
    stub: DiscordStub, client: ClientT, timeout: float = READY_TIMEOUT
) -> AsyncIterator[ClientT]:
    """Start `client` with the stand-in's token; enter once it is ready, close it on exit.

    If the client stops before it is ready, what stopped it is raised. discord.py must
    already point at the stand-in (Route.BASE and DiscordWebSocket.DEFAULT_GATEWAY).
    """
    task = asyncio.create_task(client.start(stub.token))
    ready = asyncio.create_task(client.wait_until_ready())
    try:
        await asyncio.wait({task, ready}, timeout=timeout, return_when="FIRST_COMPLETED")
        if task.done():
            await task  # raises what stopped the client before it was ready
        if not ready.done():
            raise TimeoutError(f"the client was not ready within {timeout} s")
        yield client
    finally:
        ready.cancel()
        await client.close()
        await asyncio.wait_for(asyncio.gather(task, return_exceptions=True), timeout)
