"""The REST API v10 subset discord.py uses: routing, auth, rate limits and recording, plus
the gateway, identity and application-command endpoints. Interactions and channels have
their own modules."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable

from aiohttp import web

from .answers import BODY, DiscordError, invalid_body, json_answer, read_body, unknown
from .gateway import Gateway
from .messages import MessageBoard
from .payloads import JSON, application_json, user_json
from .ratelimit import RateLimits, major_key
from .rest_channels import NONCE_WINDOW, ChannelRoutes
from .rest_interactions import INTERACTION_DEADLINE, InteractionRoutes
from .rest_types import Route
from .stalls import Stalls
from .state import RecordedRequest, StubState
from .threads import ThreadRoutes

API_PREFIX = "/api/v10"
CATCH_ALL_ROUTE = "/{tail}"
_Next = Callable[[web.Request], Awaitable[web.StreamResponse]]


class RestApi:
    """The stand-in's REST API over the shared `StubState`."""

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
        self._limits = limits
        self._token = token
        self._gateway_url = gateway_url
        board = MessageBoard(state, gateway)
        self._interactions = InteractionRoutes(state, board, interaction_deadline)
        self._channels = ChannelRoutes(state, board, nonce_window)
        self.threads = ThreadRoutes(state)
        self.stalls = Stalls()

    def add_routes(self, app: web.Application) -> None:
        """Register every route under /api/v10 and the catch-all 404."""
        commands = "/applications/{application_id}/commands"
        guild_commands = "/applications/{application_id}/guilds/{guild_id}/commands"
        routes: list[Route] = [
            ("GET", "/gateway", self._gateway_info),
            ("GET", "/gateway/bot", self._gateway_bot),
            ("GET", "/users/@me", self._me),
            ("GET", "/users/{user_id}", self._user),
            ("GET", "/oauth2/applications/@me", self._application),
            ("GET", commands, self._get_commands),
            ("PUT", commands, self._put_commands),
            ("GET", guild_commands, self._get_commands),
            ("PUT", guild_commands, self._put_commands),
            *self._interactions.routes(),
            *self._channels.routes(),
            *self.threads.routes(),
        ]
        for method, path, handler in routes:
            app.router.add_route(method, API_PREFIX + path, handler)
        catch_all = API_PREFIX + CATCH_ALL_ROUTE.replace("}", ":.*}")
        app.router.add_route("*", catch_all, self._not_found)

    @web.middleware
    async def middleware(self, request: web.Request, handler: _Next) -> web.StreamResponse:
        """Auth, rate limits, body parsing and recording around every REST handler."""
        if not request.path.startswith(API_PREFIX):
            return await handler(request)
        resource = request.match_info.route.resource
        route = (resource.canonical if resource else request.path).removeprefix(API_PREFIX)
        body = await read_body(request)
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
                response = json_answer(verdict.body, status=429)
            elif not self._authorised(request, route):
                response = json_answer({"message": "401: Unauthorized", "code": 0}, status=401)
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
        return json_answer({"url": self._gateway_url()})

    async def _gateway_bot(self, request: web.Request) -> web.Response:
        limit = {"total": 1000, "remaining": 999, "reset_after": 0, "max_concurrency": 1}
        return json_answer({"url": self._gateway_url(), "shards": 1, "session_start_limit": limit})

    async def _me(self, request: web.Request) -> web.Response:
        return json_answer(user_json(self._state.world.bot))

    async def _user(self, request: web.Request) -> web.Response:
        world = self._state.world
        for user in [world.bot, *world.users]:
            if str(user.id) == request.match_info["user_id"]:
                return json_answer(user_json(user))
        raise unknown("User", 10013)

    async def _application(self, request: web.Request) -> web.Response:
        world = self._state.world
        owner = next(u for u in world.users if u.id == world.guild.owner_id)
        return json_answer(application_json(world, owner))

    def _check_application(self, request: web.Request) -> None:
        if request.match_info["application_id"] != str(self._state.world.application_id):
            raise DiscordError(403, 50001, "Missing Access")

    async def _get_commands(self, request: web.Request) -> web.Response:
        self._check_application(request)
        return json_answer(self._commands_for(request))

    async def _put_commands(self, request: web.Request) -> web.Response:
        self._check_application(request)
        body = request[BODY]
        if not isinstance(body, list):
            raise invalid_body(["expected a list of commands"])
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
        return json_answer(commands)

    def _commands_for(self, request: web.Request) -> list[JSON]:
        guild_id = request.match_info.get("guild_id")
        if guild_id is None:
            return self._state.global_commands
        return self._state.guild_commands.get(int(guild_id), [])

    async def _not_found(self, request: web.Request) -> web.Response:
        return json_answer({"message": "404: Not Found", "code": 0}, status=404)
