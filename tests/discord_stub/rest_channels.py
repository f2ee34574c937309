"""Channel, message and guild endpoints."""

from __future__ import annotations

import time

from aiohttp import web

from .answers import BODY, DiscordError, invalid_body, json_answer, unknown
from .messages import MessageBoard
from .payloads import JSON, channel_json, guild_json, iso_now, member_json
from .rest_types import Route
from .state import StoredMessage, StubState
from .world import Guild

MAX_NONCE = 25
NONCE_WINDOW = 300.0  # "the past few minutes" in Discord's documentation


class ChannelRoutes:
    """Handlers for /channels/… and /guilds/…."""

    def __init__(
        self, state: StubState, board: MessageBoard, nonce_window: float = NONCE_WINDOW
    ) -> None:
        self._state = state
        self._board = board
        self._nonce_window = nonce_window

    def routes(self) -> list[Route]:
        """(method, path, handler) for every channel and guild endpoint."""
        message = "/channels/{channel_id}/messages/{message_id}"
        return [
            ("GET", "/channels/{channel_id}", self._channel),
            ("GET", "/channels/{channel_id}/messages", self._history),
            ("POST", "/channels/{channel_id}/messages", self._create_message),
            ("GET", message, self._get_message),
            ("PATCH", message, self._edit_message),
            ("DELETE", message, self._delete_message),
            ("PUT", message + "/reactions/{emoji}/@me", self._add_reaction),
            ("POST", "/channels/{channel_id}/typing", self._typing),
            ("GET", "/guilds/{guild_id}", self._guild),
            ("GET", "/guilds/{guild_id}/channels", self._guild_channels),
            ("GET", "/guilds/{guild_id}/members/{user_id}", self._member),
        ]

    def _channel_id(self, request: web.Request) -> int:
        channel_id = int(request.match_info["channel_id"])
        if self._state.world.find_channel(channel_id) is None:
            raise unknown("Channel", 10003)
        return channel_id

    async def _channel(self, request: web.Request) -> web.Response:
        channel_id = self._channel_id(request)
        world = self._state.world
        guild = world.guild_of_channel(channel_id)
        channel = world.find_channel(channel_id)
        assert guild is not None and channel is not None
        return json_answer(channel_json(channel, guild))

    async def _history(self, request: web.Request) -> web.Response:
        channel_id = self._channel_id(request)
        limit = min(int(request.query.get("limit", "50")), 100)
        before = int(request.query.get("before", str(1 << 63)))
        after = int(request.query.get("after", "0"))
        found = [
            m.data
            for m in self._state.messages.values()
            if m.channel_id == channel_id
            and not m.deleted
            and not m.ephemeral
            and after < m.id < before
        ]
        found.sort(key=lambda data: int(data["id"]))
        # Like Discord: with `after`, the messages right after it; otherwise the latest ones.
        # Either way the page comes newest first.
        page = found[:limit] if "after" in request.query else found[-limit:]
        return json_answer(page[::-1])

    async def _create_message(self, request: web.Request) -> web.Response:
        channel_id = self._channel_id(request)
        body: JSON = request[BODY] or {}
        if not (body.get("content") or body.get("embeds") or body.get("components")):
            raise DiscordError(400, 50006, "Cannot send an empty message")
        self._board.check(body)
        nonce = body.get("nonce")
        if nonce is not None and len(str(nonce)) > MAX_NONCE:
            raise invalid_body({"nonce": ["too long"]})
        if nonce is not None and body.get("enforce_nonce"):
            # Discord returns the earlier message instead of making a second one, if the
            # nonce was used in the past few minutes.
            since = time.monotonic() - self._nonce_window
            for earlier in self._state.messages.values():
                if (
                    earlier.data.get("nonce") == nonce
                    and earlier.channel_id == channel_id
                    and earlier.created >= since
                ):
                    return json_answer(earlier.data)
        extra = {"nonce": nonce} if nonce is not None else None
        message = await self._board.post(channel_id, self._state.world.bot, body, extra)
        return json_answer(message.data)

    def _message(self, request: web.Request) -> StoredMessage:
        channel_id = self._channel_id(request)
        message = self._state.messages.get(int(request.match_info["message_id"]))
        if message is None or message.deleted or message.channel_id != channel_id:
            raise unknown("Message", 10008)
        return message

    async def _get_message(self, request: web.Request) -> web.Response:
        return json_answer(self._message(request).data)

    async def _edit_message(self, request: web.Request) -> web.Response:
        message = self._message(request)
        if message.author_id != self._state.world.bot.id:
            raise DiscordError(403, 50005, "Cannot edit a message authored by another user")
        self._board.edit(message, request[BODY] or {})
        return json_answer(message.data)

    async def _delete_message(self, request: web.Request) -> web.Response:
        self._message(request).deleted = True
        self._state.changed()
        return web.Response(status=204)

    async def _add_reaction(self, request: web.Request) -> web.Response:
        message = self._message(request)
        emoji = request.match_info["emoji"]
        reactions: list[JSON] = message.data.setdefault("reactions", [])
        if not any(r["emoji"]["name"] == emoji for r in reactions):
            reactions.append({"count": 1, "me": True, "emoji": {"id": None, "name": emoji}})
        self._state.changed()
        return web.Response(status=204)

    async def _typing(self, request: web.Request) -> web.Response:
        self._channel_id(request)
        return web.Response(status=204)

    def _guild_of(self, request: web.Request) -> Guild:
        for guild in self._state.world.guilds:
            if str(guild.id) == request.match_info["guild_id"]:
                return guild
        raise unknown("Guild", 10004)

    async def _guild(self, request: web.Request) -> web.Response:
        return json_answer(guild_json(self._guild_of(request)))

    async def _guild_channels(self, request: web.Request) -> web.Response:
        guild = self._guild_of(request)
        return json_answer([channel_json(c, guild) for c in guild.channels])

    async def _member(self, request: web.Request) -> web.Response:
        guild = self._guild_of(request)
        try:
            member = guild.member(int(request.match_info["user_id"]))
        except KeyError:
            raise unknown("Member", 10007) from None
        return json_answer(member_json(member, iso_now()))
