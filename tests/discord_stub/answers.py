"""How the stand-in answers like Discord: JSON bodies, error objects, request bodies."""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

from .payloads import JSON

BODY: web.RequestKey[Any] = web.RequestKey("body", object)


class DiscordError(Exception):
    """An API error answer: HTTP status, Discord error code and message."""

    def __init__(self, status: int, code: int, message: str, errors: JSON | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.errors = status, code, message, errors

    def response(self) -> web.Response:
        """The JSON error body Discord sends."""
        body: JSON = {"message": self.message, "code": self.code}
        if self.errors:
            body["errors"] = self.errors
        return json_answer(body, status=self.status)


def json_answer(payload: Any, status: int = 200) -> web.Response:
    """A JSON response as Discord sends it."""
    # discord.py decodes a body only when Content-Type is exactly "application/json".
    return web.Response(
        body=json.dumps(payload).encode(),
        status=status,
        headers={"Content-Type": "application/json"},
    )


def unknown(what: str, code: int) -> DiscordError:
    """Discord's 404 for a missing object, e.g. unknown("Channel", 10003)."""
    return DiscordError(404, code, f"Unknown {what}")


def invalid_body(errors: Any) -> DiscordError:
    """Discord's 400 for a body that breaks its rules."""
    return DiscordError(400, 50035, "Invalid Form Body", {"errors": errors})


async def read_body(request: web.Request) -> Any:
    """The JSON body, or the `payload_json` part of a multipart upload, or None."""
    if not request.can_read_body:
        return None
    if request.content_type.startswith("multipart/"):
        reader = await request.multipart()
        payload: Any = None
        while (part := await reader.next()) is not None:
            if getattr(part, "name", None) == "payload_json":
                payload = json.loads(await part.text())  # type: ignore[union-attr]
            else:
                await part.release()
        return payload
    text = await request.text()
    return json.loads(text) if text else None
