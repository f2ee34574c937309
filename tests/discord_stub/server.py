"""`DiscordStub`: the stand-in server and the API the tests drive it with."""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable, Mapping
from typing import Any

from aiohttp import web

from tests.servers.local import LocalServer

from .gateway import CLOSE_UNKNOWN_ERROR, Gateway, GatewayFrame
from .interactions import (
    COMMAND_CHAT_INPUT,
    COMMAND_MESSAGE,
    Interaction,
    Invocation,
    message_command_json,
    slash_command_json,
)
from .payloads import JSON, MESSAGE_FLAG_LOADING, iso_now, member_json
from .ratelimit import DISCORD_ROUTE_LIMITS, Limit, RateLimits
from .rest import CATCH_ALL_ROUTE, RestApi
from .rest_channels import NONCE_WINDOW
from .rest_interactions import INTERACTION_DEADLINE
from .stalls import Stall
from .state import RecordedRequest, StoredMessage, StubState
from .world import (
    ADMINISTRATOR,
    INTENT_GUILD_MESSAGES,
    INTENT_MESSAGE_CONTENT,
    PRIVILEGED_INTENTS,
    Channel,
    Snowflakes,
    User,
    World,
    default_world,
)

GATEWAY_PATH = "/gateway"


class DiscordStub(LocalServer):
    """A Discord stand-in on 127.0.0.1: REST API v10 under /api/v10 and the gateway websocket.

    Use as `async with DiscordStub() as stub:`; point discord.py's `Route.BASE` at
    `stub.api_base` and `DiscordWebSocket.DEFAULT_GATEWAY` at `stub.gateway_url`.
    """

    shutdown_timeout = 1.0

    def __init__(
        self,
        *,
        world: World | None = None,
        token: str | None = None,
        heartbeat_interval_ms: int = 41_250,
        allowed_privileged_intents: int = PRIVILEGED_INTENTS,
        interaction_deadline: float = INTERACTION_DEADLINE,
        nonce_window: float = NONCE_WINDOW,
        rate_limit: int = 50,
        route_limits: Mapping[tuple[str, str], Limit] = DISCORD_ROUTE_LIMITS,
    ) -> None:
        super().__init__()
        self.ids = Snowflakes()
        self.world = world or default_world(self.ids)
        self.token = token or f"stub.{secrets.token_urlsafe(24)}"
        self.state = StubState(self.world, self.ids)
        self.limits = RateLimits(limit=rate_limit, route_limits=route_limits)
        self._joined_at = iso_now()
        self.gateway = Gateway(
            self.world,
            self.token,
            lambda: self.gateway_url,
            self.state.record_frame,
            heartbeat_interval_ms=heartbeat_interval_ms,
            allowed_privileged_intents=allowed_privileged_intents,
        )
        self._rest = RestApi(
            self.state,
            self.gateway,
            self.limits,
            self.token,
            lambda: self.gateway_url,
            interaction_deadline,
            nonce_window,
        )

    # Lifecycle

    def make_handler(self) -> web.Application:
        """The REST API and the gateway websocket route."""
        app = web.Application(middlewares=[self._rest.middleware])
        app.router.add_get(GATEWAY_PATH, self.gateway.handle)
        self._rest.add_routes(app)
        return app

    async def before_stop(self) -> None:
        """Release stalled requests and close gateway connections."""
        self._rest.stalls.release_all()
        await self.gateway.close_all()

    @property
    def api_base(self) -> str:
        """The REST base URL, e.g. http://127.0.0.1:PORT/api/v10 (discord.py's Route.BASE)."""
        return f"http://127.0.0.1:{self.port}/api/v10"

    @property
    def gateway_url(self) -> str:
        """The gateway websocket URL (discord.py adds ?v=10&encoding=json&compress=…)."""
        return f"ws://127.0.0.1:{self.port}{GATEWAY_PATH}"

    # The world

    def channel(self, name: str) -> Channel:
        """A channel of the default guild by name ("general", "news", "links")."""
        return self.world.guild.channel(name)

    def user(self, username: str) -> User:
        """A user by name ("owner", "moderator", "reader", "digestbot")."""
        return self.world.user(username)

    # Driving the bot

    async def wait_ready(self, timeout: float = 10.0) -> None:
        """Wait until a bot has identified and received every GUILD_CREATE."""
        wanted = len(self.world.guilds)

        def ready() -> bool:
            creates = [f for f in self.state.frames if f.t == "GUILD_CREATE"]
            return self.gateway.connected and len(creates) >= wanted

        await self.state.wait_for(ready, timeout)

    async def dispatch_interaction(
        self,
        command: str,
        options: Mapping[str, Any] | None = None,
        *,
        user: str | User = "moderator",
        channel: str | Channel = "general",
    ) -> Interaction:
        """Send INTERACTION_CREATE for slash command `command` ("digest time" for a subcommand).

        The command must have been registered by the bot; option types come from its schema.
        Raises PermissionError when Discord would hide the command from `user` because of its
        default_member_permissions.
        """
        name, *path = command.split()
        inv = self._invocation(user, channel)
        registered = self._registered(name, COMMAND_CHAT_INPUT, inv)
        payload = slash_command_json(self.world, inv, registered, path, options or {})
        return await self._send_interaction(inv, command, COMMAND_CHAT_INPUT, payload)

    async def dispatch_message_command(
        self,
        command: str,
        target: StoredMessage,
        *,
        user: str | User = "moderator",
        channel: str | Channel | None = None,
    ) -> Interaction:
        """Send INTERACTION_CREATE for message context-menu `command` run on `target`."""
        where = channel if channel is not None else self._channel_by_id(target.channel_id)
        inv = self._invocation(user, where)
        registered = self._registered(command, COMMAND_MESSAGE, inv)
        payload = message_command_json(self.world, inv, registered, target.data)
        return await self._send_interaction(inv, command, COMMAND_MESSAGE, payload)

    async def dispatch_message(
        self, channel: str | Channel | int, content: str, author: str | User = "reader"
    ) -> StoredMessage:
        """A user posts `content` in `channel`: stored, then MESSAGE_CREATE to the bot.

        Like Discord, the content reaches the bot only with the message-content intent
        (or when the message mentions the bot).
        """
        target = channel if isinstance(channel, Channel) else self._channel(channel)
        who = self._user(author)
        guild = self.world.guild_of_channel(target.id)
        assert guild is not None
        message = self.state.add_message(target.id, who, {"content": content})
        event = {**message.data, "member": self._member_json(guild.id, who)}
        mentions_bot = f"<@{self.world.bot.id}>" in content or f"<@!{self.world.bot.id}>" in content
        if not self.gateway.intents & INTENT_MESSAGE_CONTENT and not mentions_bot:
            event.update(content="", embeds=[], attachments=[], components=[])
        await self.gateway.dispatch("MESSAGE_CREATE", event, INTENT_GUILD_MESSAGES)
        return message

    def rate_limit_next(
        self,
        method: str,
        route: str,
        *,
        count: int = 1,
        retry_after: float = 0.5,
        is_global: bool = False,
    ) -> None:
        """Answer the next `count` requests to `method route` with 429.

        `route` is the template without /api/v10, e.g. "/channels/{channel_id}/messages".
        """
        self.limits.script(method, route, count, retry_after, is_global)

    def stall_next(
        self, method: str, route: str, *, skip: int = 0, after_handling: bool = False
    ) -> Stall:
        """Hold the request to `method route` that follows `skip` matching ones, unanswered.

        With `after_handling` the stand-in acts on it first (a message is created) and only
        the answer is withheld. Await `stall.reached.wait()` to know it arrived.
        """
        return self._rest.stalls.add(method, route, skip, after_handling)

    async def drop_connection(self, code: int = CLOSE_UNKNOWN_ERROR) -> None:
        """Close the gateway connection; with the default 4000 discord.py reconnects and RESUMEs."""
        await self.gateway.drop(code)

    async def request_reconnect(self) -> None:
        """Send op 7 RECONNECT."""
        await self.gateway.request_reconnect()

    # Observing

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every REST request so far, in order."""
        return list(self.state.requests)

    @property
    def frames(self) -> list[GatewayFrame]:
        """Every gateway frame so far, in order."""
        return list(self.state.frames)

    def messages_in(
        self, channel: str | Channel | int, *, ephemeral: bool | None = None
    ) -> list[StoredMessage]:
        """Undeleted messages in `channel`, oldest first; `ephemeral` filters when not None."""
        channel_id = self._channel(channel).id if not isinstance(channel, int) else channel
        found = [
            m
            for m in self.state.messages.values()
            if m.channel_id == channel_id
            and not m.deleted
            and (ephemeral is None or m.ephemeral == ephemeral)
        ]
        return sorted(found, key=lambda m: m.id)

    def unhandled(self) -> list[RecordedRequest]:
        """Requests to routes the stand-in does not serve (answered 404 like Discord)."""
        return [r for r in self.state.requests if r.route == CATCH_ALL_ROUTE]

    def bot_messages(self) -> list[StoredMessage]:
        """Every undeleted message the bot sent, in any channel, oldest first."""
        bot_id = self.world.bot.id
        found = [m for m in self.state.messages.values() if m.author_id == bot_id and not m.deleted]
        return sorted(found, key=lambda m: m.id)

    async def wait_for_request(
        self, predicate: Callable[[RecordedRequest], bool], timeout: float = 10.0
    ) -> RecordedRequest:
        """The first recorded request matching `predicate`, waiting up to `timeout` seconds."""
        return await self.state.wait_for(
            lambda: next((r for r in self.state.requests if predicate(r)), None), timeout
        )

    async def wait_for_messages(
        self,
        channel: str | Channel | int,
        count: int,
        timeout: float = 10.0,
        *,
        ephemeral: bool | None = None,
    ) -> list[StoredMessage]:
        """Wait until `channel` holds at least `count` messages; return them all."""

        def enough() -> list[StoredMessage] | None:
            found = self.messages_in(channel, ephemeral=ephemeral)
            return found if len(found) >= count else None

        return await self.state.wait_for(enough, timeout)

    async def wait_for_response(
        self, interaction: Interaction, timeout: float = 10.0, *, final: bool = True
    ) -> StoredMessage:
        """The interaction's answer: its original response message, once it is no longer
        the deferred "thinking…" placeholder (unless `final` is False). When the bot deleted
        the placeholder and answered with a followup instead (an error, say), that followup.
        """

        return await self.state.wait_for(lambda: self.answer(interaction, final=final), timeout)

    def answer(self, interaction: Interaction, *, final: bool = True) -> StoredMessage | None:
        """The interaction's answer so far (see `wait_for_response`), or None."""
        if interaction.original_message_id is None:
            return None
        message = self.state.messages[interaction.original_message_id]
        if message.deleted:
            followups = [self.state.messages[i] for i in interaction.followup_message_ids]
            return followups[-1] if followups else None
        if final and int(message.data.get("flags") or 0) & MESSAGE_FLAG_LOADING:
            return None
        return message

    # Internals

    def _user(self, user: str | User) -> User:
        return user if isinstance(user, User) else self.world.user(user)

    def _channel(self, channel: str | Channel | int) -> Channel:
        if isinstance(channel, Channel):
            return channel
        if isinstance(channel, int):
            return self._channel_by_id(channel)
        return self.world.guild.channel(channel)

    def _channel_by_id(self, channel_id: int) -> Channel:
        found = self.world.find_channel(channel_id)
        if found is None:
            raise KeyError(f"no channel {channel_id}")
        return found

    def _member_json(self, guild_id: int, user: User) -> JSON:
        guild = next(g for g in self.world.guilds if g.id == guild_id)
        member = member_json(guild.member(user.id), self._joined_at)
        member.pop("user")
        return member

    def _invocation(self, user: str | User, channel: str | Channel) -> Invocation:
        where = self._channel(channel)
        guild = self.world.guild_of_channel(where.id)
        assert guild is not None
        return Invocation(
            interaction_id=self.ids.next(),
            token=f"aW50ZXJhY3Rpb246{secrets.token_urlsafe(48)}",
            guild=guild,
            channel=where,
            user=self._user(user),
            joined_at=self._joined_at,
        )

    def _registered(self, name: str, kind: int, inv: Invocation) -> JSON:
        matches = [
            c for c in self.state.commands_named(name, inv.guild.id) if c.get("type", 1) == kind
        ]
        if not matches:
            raise LookupError(f"the bot has not registered a command {name!r} of type {kind}")
        command = matches[0]
        required = command.get("default_member_permissions")
        held = inv.guild.permissions_of(inv.user.id)
        if (
            required is not None
            and not held & ADMINISTRATOR
            and held & int(required) != int(required)
        ):
            raise PermissionError(f"Discord hides {name!r} from {inv.user.username}")
        return command

    async def _send_interaction(
        self, inv: Invocation, name: str, command_type: int, payload: JSON
    ) -> Interaction:
        interaction = Interaction(
            id=inv.interaction_id,
            token=inv.token,
            name=name,
            channel_id=inv.channel.id,
            guild_id=inv.guild.id,
            user_id=inv.user.id,
            dispatched_at=time.monotonic(),
            command_type=command_type,
        )
        self.state.interactions[inv.token] = interaction
        await self.gateway.dispatch("INTERACTION_CREATE", payload)
        return interaction
