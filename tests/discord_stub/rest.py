"""The REST API v10 subset discord.py uses, with Discord's status codes and error bodies."""

from __future__ import annotations

import json
import time
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from .gateway import Gateway
from .interactions import Interaction
from .limits import message_errors
from .payloads import (
    JSON,
    MESSAGE_FLAG_EPHEMERAL,
    MESSAGE_FLAG_LOADING,
    application_json,
    channel_json,
    guild_json,
    iso_now,
    member_json,
    user_json,
)
from .ratelimit import RateLimits, major_key
from .stalls import Stalls
from .state import RecordedRequest, StoredMessage, StubState
from .world import INTENT_GUILD_MESSAGES, User

API_PREFIX = "/api/v10"
INTERACTION_DEADLINE = 3.0
MAX_NONCE = 25
CATCH_ALL_ROUTE = "/{tail}"
NONCE_WINDOW = 300.0  # "the past few minutes" in Discord's documentation
CALLBACK_MESSAGE = 4
CALLBACK_DEFERRED_MESSAGE = 5
CALLBACK_DEFERRED_UPDATE = 6
CALLBACK_UPDATE_MESSAGE = 7
CALLBACK_MODAL = 9
MESSAGE_TYPE_DEFAULT = 0
# The type of an interaction's original response, by command type (chat input, message menu).
RESPONSE_MESSAGE_TYPES = {1: 20, 3: 23}
_Handler = Callable[[web.Request], Awaitable[web.Response]]
BODY: web.RequestKey[Any] = web.RequestKey("body", object)
_Next = Callable[[web.Request], Awaitable[web.StreamResponse]]


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
        return _json(body, status=self.status)


def _json(payload: Any, status: int = 200) -> web.Response:
    # discord.py decodes a body only when Content-Type is exactly "application/json".
    return web.Response(
        body=json.dumps(payload).encode(),
        status=status,
        headers={"Content-Type": "application/json"},
    )


def _unknown(what: str, code: int) -> DiscordError:
    return DiscordError(404, code, f"Unknown {what}")


class RestApi:
    """REST handlers over the shared `StubState`; `app()` builds the aiohttp routes."""

    def __init__(
        self,
        state: StubState,
        gateway: Gateway,
        limits: RateLimits,
        token: str,
        gateway_url: Callable[[], str],
        interaction_deadline: float = INTERACTION_DEADLINE,
        nonce_window: float = NONCE_WINDOW,
    ) -> None:
        self._state = state
        self._nonce_window = nonce_window
        self._gateway = gateway
        self._limits = limits
        self._token = token
        self._gateway_url = gateway_url
        self._deadline = interaction_deadline
        self.stalls = Stalls()

    def add_routes(self, app: web.Application) -> None:
        """Register every route under /api/v10 and the catch-all 404."""
        p = API_PREFIX
        routes: list[tuple[str, str, _Handler]] = [
            ("GET", "/gateway", self._gateway_info),
            ("GET", "/gateway/bot", self._gateway_bot),
            ("GET", "/users/@me", self._me),
            ("GET", "/users/{user_id}", self._user),
            ("GET", "/oauth2/applications/@me", self._application),
            ("GET", "/applications/{application_id}/commands", self._get_commands),
            ("PUT", "/applications/{application_id}/commands", self._put_commands),
            (
                "GET",
                "/applications/{application_id}/guilds/{guild_id}/commands",
                self._get_commands,
            ),
            (
                "PUT",
                "/applications/{application_id}/guilds/{guild_id}/commands",
                self._put_commands,
            ),
            ("POST", "/interactions/{interaction_id}/{token}/callback", self._callback),
            ("POST", "/webhooks/{webhook_id}/{token}", self._followup),
            (
                "GET",
                "/webhooks/{webhook_id}/{token}/messages/{message_id}",
                self._get_webhook_message,
            ),
            (
                "PATCH",
                "/webhooks/{webhook_id}/{token}/messages/{message_id}",
                self._edit_webhook_message,
            ),
            (
                "DELETE",
                "/webhooks/{webhook_id}/{token}/messages/{message_id}",
                self._delete_webhook_message,
            ),
            ("GET", "/channels/{channel_id}", self._channel),
            ("GET", "/channels/{channel_id}/messages", self._history),
            ("POST", "/channels/{channel_id}/messages", self._create_message),
            ("GET", "/channels/{channel_id}/messages/{message_id}", self._get_message),
            ("PATCH", "/channels/{channel_id}/messages/{message_id}", self._edit_message),
            ("DELETE", "/channels/{channel_id}/messages/{message_id}", self._delete_message),
            ("POST", "/channels/{channel_id}/typing", self._typing),
            (
                "PUT",
                "/channels/{channel_id}/messages/{message_id}/reactions/{emoji}/@me",
                self._add_reaction,
            ),
            ("GET", "/guilds/{guild_id}", self._guild),
            ("GET", "/guilds/{guild_id}/channels", self._guild_channels),
            ("GET", "/guilds/{guild_id}/members/{user_id}", self._member),
        ]
        for method, path, handler in routes:
            app.router.add_route(method, p + path, handler)
        app.router.add_route("*", p + CATCH_ALL_ROUTE.replace("}", ":.*}"), self._not_found)

    @web.middleware
    async def middleware(self, request: web.Request, handler: _Next) -> web.StreamResponse:
        """Auth, rate limits, body parsing and recording around every REST handler."""
        if not request.path.startswith(API_PREFIX):
            return await handler(request)
        resource = request.match_info.route.resource
        route = (resource.canonical if resource else request.path).removeprefix(API_PREFIX)
        body = await _read_body(request)
        request[BODY] = body
        verdict = self._limits.check(request.method, route, major_key(dict(request.match_info)))
        stall = None if verdict.limited else self.stalls.take(request.method, route)
        if stall is not None and not stall.after_handling:
            stall.reached.set()
            await stall.released.wait()
            if request.transport is None or request.transport.is_closing():
                # The bot went away meanwhile: this request never reached "Discord".
                return web.Response(status=499)
        response: web.StreamResponse
        try:
            if verdict.limited:
                response = _json(verdict.body, status=429)
            elif not self._authorised(request, route):
                response = _json({"message": "401: Unauthorized", "code": 0}, status=401)
            else:
                response = await handler(request)
        except DiscordError as error:
            response = error.response()
        response.headers.update(verdict.headers)
        response.headers["Via"] = "1.1 google"  # discord.py treats a 429 without Via as a ban
        self._state.record_request(
            RecordedRequest(
                method=request.method,
                path=request.path.removeprefix(API_PREFIX),
                route=route,
                query=dict(request.query),
                json=body,
                status=response.status,
                time=time.monotonic(),
            )
        )
        if stall is not None and stall.after_handling:
            stall.reached.set()
            await stall.released.wait()
        return response

    def _authorised(self, request: web.Request, route: str) -> bool:
        # Interaction callbacks and webhook calls authenticate with their token in the path.
        if route.startswith(("/interactions/", "/webhooks/")) or route == "/gateway":
            return True
        return request.headers.get("Authorization") == f"Bot {self._token}"

    # Gateway, identity and commands

    async def _gateway_info(self, request: web.Request) -> web.Response:
        return _json({"url": self._gateway_url()})

    async def _gateway_bot(self, request: web.Request) -> web.Response:
        limit = {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
        return _json({"url": self._gateway_url(), "shards": 1, "session_start_limit": limit})

    async def _me(self, request: web.Request) -> web.Response:
        return _json(user_json(self._state.world.bot))

    async def _user(self, request: web.Request) -> web.Response:
        world = self._state.world
        for user in [world.bot, *world.users]:
            if str(user.id) == request.match_info["user_id"]:
                return _json(user_json(user))
        raise _unknown("User", 10013)

    async def _application(self, request: web.Request) -> web.Response:
        world = self._state.world
        owner = next(u for u in world.users if u.id == world.guild.owner_id)
        return _json(application_json(world, owner))

    def _check_application(self, request: web.Request) -> None:
        if request.match_info["application_id"] != str(self._state.world.application_id):
            raise DiscordError(403, 50001, "Missing Access")

    async def _get_commands(self, request: web.Request) -> web.Response:
        self._check_application(request)
        return _json(self._commands_for(request))

    async def _put_commands(self, request: web.Request) -> web.Response:
        self._check_application(request)
        body = request[BODY]
        if not isinstance(body, list):
            raise DiscordError(400, 50035, "Invalid Form Body")
        previous = {c["name"]: c["id"] for c in self._commands_for(request)}
        commands = []
        for command in body:
            command_id = previous.get(command["name"]) or str(self._state.ids.next())
            commands.append(
                {
                    "type": 1,
                    "description": "",
                    "default_member_permissions": None,
                    "nsfw": False,
                    "integration_types": [0],
                    "contexts": None,
                    **command,
                    "id": command_id,
                    "application_id": str(self._state.world.application_id),
                    "version": str(self._state.ids.next()),
                }
            )
        guild_id = request.match_info.get("guild_id")
        if guild_id is None:
            self._state.global_commands = commands
        else:
            self._state.guild_commands[int(guild_id)] = commands
        self._state.changed()
        return _json(commands)

    def _commands_for(self, request: web.Request) -> list[JSON]:
        guild_id = request.match_info.get("guild_id")
        if guild_id is None:
            return self._state.global_commands
        return self._state.guild_commands.get(int(guild_id), [])

    # Interactions

    def _interaction(self, token: str) -> Interaction:
        interaction = self._state.interactions.get(token)
        if interaction is None:
            raise _unknown("Webhook", 10015)
        return interaction

    async def _callback(self, request: web.Request) -> web.Response:
        interaction = self._state.interactions.get(request.match_info["token"])
        if interaction is None or str(interaction.id) != request.match_info["interaction_id"]:
            raise _unknown("interaction", 10062)
        now = time.monotonic()
        if interaction.response_type is not None:
            raise DiscordError(400, 40060, "Interaction has already been acknowledged.")
        if now - interaction.dispatched_at > self._deadline:
            raise _unknown("interaction", 10062)
        body = request[BODY] or {}
        kind = int(body.get("type", 0))
        data: JSON = body.get("data") or {}
        if kind in (CALLBACK_MESSAGE, CALLBACK_DEFERRED_MESSAGE):
            errors = message_errors(data) if kind == CALLBACK_MESSAGE else []
            if errors:
                raise DiscordError(400, 50035, "Invalid Form Body", {"data": errors})
            flags = int(data.get("flags") or 0) & MESSAGE_FLAG_EPHEMERAL
            if kind == CALLBACK_DEFERRED_MESSAGE:
                flags |= MESSAGE_FLAG_LOADING
            message = await self._interaction_message(interaction, {**data, "flags": flags})
            interaction.original_message_id = message.id
        elif kind not in (CALLBACK_DEFERRED_UPDATE, CALLBACK_UPDATE_MESSAGE, CALLBACK_MODAL):
            raise DiscordError(400, 50035, "Invalid Form Body", {"type": [f"bad type {kind}"]})
        interaction.response_type, interaction.responded_at = kind, now
        self._state.changed()
        if request.query.get("with_response") not in ("1", "true", "True"):
            return web.Response(status=204)
        callback: JSON = {
            "interaction": {
                "id": str(interaction.id),
                "type": 2,
                "response_message_loading": kind == CALLBACK_DEFERRED_MESSAGE,
                "response_message_ephemeral": bool(
                    int(data.get("flags") or 0) & MESSAGE_FLAG_EPHEMERAL
                ),
            }
        }
        if interaction.original_message_id is not None:
            message = self._state.messages[interaction.original_message_id]
            callback["interaction"]["response_message_id"] = str(message.id)
            callback["resource"] = {"type": kind, "message": message.data}
        return _json(callback)

    async def _interaction_message(self, interaction: Interaction, body: JSON) -> StoredMessage:
        world = self._state.world
        invoker = next(u for u in world.users if u.id == interaction.user_id)
        extra = {
            "type": (
                RESPONSE_MESSAGE_TYPES[interaction.command_type]
                if interaction.original_message_id is None
                else MESSAGE_TYPE_DEFAULT
            ),
            "webhook_id": str(world.application_id),
            "application_id": str(world.application_id),
            "interaction_metadata": {
                "id": str(interaction.id),
                "type": 2,
                "name": interaction.name,
                "user": user_json(invoker),
                "authorizing_integration_owners": {"0": str(interaction.guild_id)},
            },
        }
        return await self._post(interaction.channel_id, world.bot, body, extra)

    async def _followup(self, request: web.Request) -> web.Response:
        interaction = self._interaction(request.match_info["token"])
        if interaction.response_type is None:
            raise _unknown("Webhook", 10015)
        body: JSON = request[BODY] or {}
        errors = message_errors(body)
        if errors:
            raise DiscordError(400, 50035, "Invalid Form Body", {"errors": errors})
        original = self._original(interaction)
        loading = original is not None and int(original.data["flags"]) & MESSAGE_FLAG_LOADING
        if original is not None and loading and not original.deleted:
            # The first followup after a deferral replaces the "thinking…" message.
            message = self._edit(original, body)
            message.data["flags"] = int(original.data["flags"]) & ~MESSAGE_FLAG_LOADING
        else:
            flags = int(body.get("flags") or 0) & MESSAGE_FLAG_EPHEMERAL
            message = await self._interaction_message(interaction, {**body, "flags": flags})
            interaction.followup_message_ids.append(message.id)
        self._state.changed()
        if request.query.get("wait") in ("1", "true", "True"):
            return _json(message.data)
        return web.Response(status=204)

    def _original(self, interaction: Interaction) -> StoredMessage | None:
        if interaction.original_message_id is None:
            return None
        return self._state.messages[interaction.original_message_id]

    def _webhook_message(self, request: web.Request) -> StoredMessage:
        interaction = self._interaction(request.match_info["token"])
        wanted = request.match_info["message_id"]
        if wanted == "@original":
            message = self._original(interaction)
        else:
            own = [interaction.original_message_id, *interaction.followup_message_ids]
            message = self._state.messages.get(int(wanted)) if int(wanted) in own else None
        if message is None or message.deleted:
            raise _unknown("Message", 10008)
        return message

    async def _get_webhook_message(self, request: web.Request) -> web.Response:
        return _json(self._webhook_message(request).data)

    async def _edit_webhook_message(self, request: web.Request) -> web.Response:
        message = self._edit(self._webhook_message(request), request[BODY] or {})
        message.data["flags"] = int(message.data.get("flags") or 0) & ~MESSAGE_FLAG_LOADING
        self._state.changed()
        return _json(message.data)

    async def _delete_webhook_message(self, request: web.Request) -> web.Response:
        self._webhook_message(request).deleted = True
        self._state.changed()
        return web.Response(status=204)

    # Channels, messages, guilds

    def _channel_id(self, request: web.Request) -> int:
        channel_id = int(request.match_info["channel_id"])
        if self._state.world.find_channel(channel_id) is None:
            raise _unknown("Channel", 10003)
        return channel_id

    async def _channel(self, request: web.Request) -> web.Response:
        channel_id = self._channel_id(request)
        world = self._state.world
        guild = world.guild_of_channel(channel_id)
        channel = world.find_channel(channel_id)
        assert guild is not None and channel is not None
        return _json(channel_json(channel, guild))

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
        found.sort(key=lambda data: int(data["id"]), reverse=True)
        return _json(found[:limit])

    async def _create_message(self, request: web.Request) -> web.Response:
        channel_id = self._channel_id(request)
        body: JSON = request[BODY] or {}
        if not (body.get("content") or body.get("embeds") or body.get("components")):
            raise DiscordError(400, 50006, "Cannot send an empty message")
        errors = message_errors(body)
        if errors:
            raise DiscordError(400, 50035, "Invalid Form Body", {"errors": errors})
        nonce = body.get("nonce")
        if nonce is not None and len(str(nonce)) > MAX_NONCE:
            raise DiscordError(400, 50035, "Invalid Form Body", {"nonce": ["too long"]})
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
                    return _json(earlier.data)
        extra = {"nonce": nonce} if nonce is not None else None
        message = await self._post(channel_id, self._state.world.bot, body, extra)
        return _json(message.data)

    def _message(self, request: web.Request) -> StoredMessage:
        channel_id = self._channel_id(request)
        message = self._state.messages.get(int(request.match_info["message_id"]))
        if message is None or message.deleted or message.channel_id != channel_id:
            raise _unknown("Message", 10008)
        return message

    async def _get_message(self, request: web.Request) -> web.Response:
        return _json(self._message(request).data)

    async def _edit_message(self, request: web.Request) -> web.Response:
        message = self._message(request)
        if message.author_id != self._state.world.bot.id:
            raise DiscordError(403, 50005, "Cannot edit a message authored by another user")
        self._edit(message, request[BODY] or {})
        self._state.changed()
        return _json(message.data)

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

    def _guild_of(self, request: web.Request) -> Any:
        for guild in self._state.world.guilds:
            if str(guild.id) == request.match_info["guild_id"]:
                return guild
        raise _unknown("Guild", 10004)

    async def _guild(self, request: web.Request) -> web.Response:
        return _json(guild_json(self._guild_of(request)))

    async def _guild_channels(self, request: web.Request) -> web.Response:
        guild = self._guild_of(request)
        return _json([channel_json(c, guild) for c in guild.channels])

    async def _member(self, request: web.Request) -> web.Response:
        guild = self._guild_of(request)
        try:
            member = guild.member(int(request.match_info["user_id"]))
        except KeyError:
            raise _unknown("Member", 10007) from None
        return _json(member_json(member, iso_now()))

    async def _not_found(self, request: web.Request) -> web.Response:
        return _json({"message": "404: Not Found", "code": 0}, status=404)

    # Shared message plumbing

    async def _post(
        self, channel_id: int, author: User, body: JSON, extra: JSON | None
    ) -> StoredMessage:
        """Store a message and tell the bot about it over the gateway, as Discord does."""
        message = self._state.add_message(channel_id, author, body, extra)
        if not message.ephemeral:
            await self._gateway.dispatch("MESSAGE_CREATE", message.data, INTENT_GUILD_MESSAGES)
        return message

    def _edit(self, message: StoredMessage, body: JSON) -> StoredMessage:
        errors = message_errors(body)
        if errors:
            raise DiscordError(400, 50035, "Invalid Form Body", {"errors": errors})
        for key in ("content", "embeds", "components"):
            if key in body:
                message.data[key] = (
                    body[key] if body[key] is not None else ([] if key != "content" else "")
                )
        if "allowed_mentions" in body:
            message.allowed_mentions = body["allowed_mentions"]
        message.data["edited_timestamp"] = iso_now()
        return message


async def _read_body(request: web.Request) -> Any:
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
