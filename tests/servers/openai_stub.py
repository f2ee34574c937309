"""A real OpenAI-compatible Chat Completions server on 127.0.0.1 with scripted behaviour.

    async with OpenAIStub([Fail(500), Reply(answer(...))]) as stub:
        options = LLMOptions(api_key="k", base_url=stub.base_url, model="stub-model")
        ...
        assert len(stub.requests) == 2

Each request takes the next behaviour from the script; when the script runs out, `then`
answers (a behaviour, or a function of the request body for per-request answers). Every
request is recorded, and `max_in_flight` tells how many were ever served at once.
Synchronous tests (a CLI subprocess) use `with OpenAIStub(...).running() as stub:`.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.servers.local import HOST, LocalServer

HANG_LIMIT = 30.0  # a hanging answer still ends, so a broken client cannot stall the run


@dataclass(frozen=True)
class Reply:
    """HTTP 200 with a chat completion whose message is `content`, after `delay` seconds."""

    content: str
    delay: float = 0.0
    prompt_tokens: int = 120
    completion_tokens: int = 40


@dataclass(frozen=True)
class Fail:
    """An HTTP error with an OpenAI-style error body and optional headers (Retry-After...)."""

    status: int
    headers: Mapping[str, str] = field(default_factory=dict)
    message: str = "scripted failure"


@dataclass(frozen=True)
class Hang:
    """Answer nothing for `seconds` (past the client's timeout), then HTTP 504."""

    seconds: float = HANG_LIMIT


@dataclass(frozen=True)
class NoJsonMode:
    """HTTP 400 if the request asks for `response_format`, else behave as `reply`."""

    reply: Reply


Behaviour = Reply | Fail | Hang | NoJsonMode
Responder = Callable[[dict[str, Any]], Behaviour]


@dataclass(frozen=True)
class ChatRequest:
    """One request as the server saw it."""

    path: str
    headers: Mapping[str, str]
    body: dict[str, Any]

    @property
    def messages(self) -> list[dict[str, Any]]:
        """The chat messages sent."""
        return list(self.body.get("messages", []))


def answer(
    points: Sequence[str],
    headline: str = "",
    quotes: Sequence[tuple[str, str]] = (),
) -> str:
    """The JSON text a well-behaved model would send."""
    return json.dumps(
        {
            "headline": headline,
            "points": list(points),
            "quotes": [{"text": text, "speaker": speaker} for text, speaker in quotes],
        },
        ensure_ascii=False,
    )


class OpenAIStub(LocalServer):
    """Serves `POST .../chat/completions` on 127.0.0.1 at an ephemeral port."""

    def __init__(
        self, script: Sequence[Behaviour] = (), then: Behaviour | Responder | None = None
    ) -> None:
        super().__init__()
        self.script = list(script)
        self.then = then
        self.requests: list[ChatRequest] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._closing: asyncio.Event | None = None

    @property
    def base_url(self) -> str:
        """What to give the SDK as `base_url`."""
        return f"http://{HOST}:{self.port}/v1"

    def make_handler(self) -> web.Application:
        """The Chat Completions route."""
        self._closing = asyncio.Event()
        app = web.Application()
        app.router.add_post("/v1/chat/completions", self._handle)
        return app

    async def before_stop(self) -> None:
        """Release hanging answers."""
        if self._closing is not None:
            self._closing.set()

    def _next(self, body: dict[str, Any]) -> Behaviour:
        if self.script:
            return self.script.pop(0)
        if self.then is None:
            return Fail(500, message="the test script ran out")
        return self.then(body) if callable(self.then) else self.then

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        body = await request.json()
        self.requests.append(ChatRequest(request.path, dict(request.headers), body))
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            return await self._behave(self._next(body), body)
        finally:
            self.in_flight -= 1

    async def _behave(self, behaviour: Behaviour, body: dict[str, Any]) -> web.StreamResponse:
        if isinstance(behaviour, NoJsonMode):
            if "response_format" in body:
                return _error(400, "response_format is not supported by this server", {})
            behaviour = behaviour.reply
        if isinstance(behaviour, Fail):
            return _error(behaviour.status, behaviour.message, behaviour.headers)
        if isinstance(behaviour, Hang):
            await self._wait(behaviour.seconds)
            return _error(504, "hung on purpose", {})
        await self._wait(behaviour.delay)
        return web.json_response(_completion(behaviour, str(body.get("model", ""))))

    async def _wait(self, seconds: float) -> None:
        assert self._closing is not None
        if seconds <= 0:
            return
        with suppress(TimeoutError):
            await asyncio.wait_for(self._closing.wait(), min(seconds, HANG_LIMIT))


def _completion(reply: Reply, model: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-stub",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": reply.content},
                "finish_reason": "stop",
            }
        ],
        "usage": {
            "prompt_tokens": reply.prompt_tokens,
            "completion_tokens": reply.completion_tokens,
            "total_tokens": reply.prompt_tokens + reply.completion_tokens,
        },
    }


def _error(status: int, message: str, headers: Mapping[str, str]) -> web.Response:
    body = {"error": {"message": message, "type": "stub_error", "code": str(status)}}
    return web.json_response(body, status=status, headers=dict(headers))
