"""Threads started from a message, as Discord makes them: the thread's id is the message's,
a message starts at most one thread, and messages can then be posted in the thread."""

from __future__ import annotations

from aiohttp import web

from .answers import BODY, DiscordError, invalid_body, json_answer, unknown
from .payloads import JSON, iso_now
from .rest_types import Route
from .state import StubState
from .world import Channel

CHANNEL_TYPE_PUBLIC_THREAD = 11
THREAD_NAME_LIMIT = 100


class ThreadRoutes:
    """POST /channels/{channel_id}/messages/{message_id}/threads."""

    def __init__(self, state: StubState) -> None:
        self._state = state
        self.parents: dict[int, int] = {}  # thread id → the channel it was started in

    def routes(self) -> list[Route]:
        """(method, path, handler) of the thread endpoints."""
        path = "/channels/{channel_id}/messages/{message_id}/threads"
        return [("POST", path, self._start_thread)]

    async def _start_thread(self, request: web.Request) -> web.Response:
        world = self._state.world
        channel_id = int(request.match_info["channel_id"])
        guild = world.guild_of_channel(channel_id)
        message = self._state.messages.get(int(request.match_info["message_id"]))
        if guild is None:
            raise unknown("Channel", 10003)
        if message is None or message.deleted or message.channel_id != channel_id:
            raise unknown("Message", 10008)
        body: JSON = request[BODY] or {}
        name = str(body.get("name") or "")
        if not 1 <= len(name) <= THREAD_NAME_LIMIT:
            raise invalid_body({"name": [f"must be 1 to {THREAD_NAME_LIMIT} characters"]})
        if message.id in self.parents:
            raise DiscordError(400, 160004, "A thread has already been created for this message")
        self.parents[message.id] = channel_id
        # A thread is a channel messages can be posted in; it has its parent's position.
        guild.channels.append(Channel(message.id, name))
        self._state.changed()
        return json_answer(
            {
                "id": str(message.id),
                "guild_id": str(guild.id),
                "parent_id": str(channel_id),
                "owner_id": str(world.bot.id),
                "name": name,
                "type": CHANNEL_TYPE_PUBLIC_THREAD,
                "last_message_id": None,
                "rate_limit_per_user": 0,
                "message_count": 0,
                "member_count": 1,
                "flags": 0,
                "thread_metadata": {
                    "archived": False,
                    "auto_archive_duration": int(body.get("auto_archive_duration") or 1440),
                    "archive_timestamp": iso_now(),
                    "locked": False,
                    "create_timestamp": iso_now(),
                },
            },
            status=201,
        )
