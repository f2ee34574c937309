"""Interaction endpoints: the callback (with Discord's 3-second window), followups and the
original response, addressed by the interaction token."""

from __future__ import annotations

import time

from aiohttp import web

from .answers import BODY, DiscordError, invalid_body, json_answer, unknown
from .interactions import Interaction
from .messages import MessageBoard
from .payloads import JSON, MESSAGE_FLAG_EPHEMERAL, MESSAGE_FLAG_LOADING, user_json
from .rest_types import Route
from .state import StoredMessage, StubState

INTERACTION_DEADLINE = 3.0
CALLBACK_MESSAGE = 4
CALLBACK_DEFERRED_MESSAGE = 5
CALLBACK_DEFERRED_UPDATE = 6
CALLBACK_UPDATE_MESSAGE = 7
CALLBACK_MODAL = 9
MESSAGE_TYPE_DEFAULT = 0
# The type of an interaction's original response, by command type (chat input, message menu).
RESPONSE_MESSAGE_TYPES = {1: 20, 3: 23}


class InteractionRoutes:
    """Handlers for /interactions/… and /webhooks/{application}/{token}/…."""

    def __init__(
        self, state: StubState, board: MessageBoard, deadline: float = INTERACTION_DEADLINE
    ) -> None:
        self._state = state
        self._board = board
        self._deadline = deadline

    def routes(self) -> list[Route]:
        """(method, path, handler) for every interaction endpoint."""
        webhook_message = "/webhooks/{webhook_id}/{token}/messages/{message_id}"
        return [
            ("POST", "/interactions/{interaction_id}/{token}/callback", self._callback),
            ("POST", "/webhooks/{webhook_id}/{token}", self._followup),
            ("GET", webhook_message, self._get_webhook_message),
            ("PATCH", webhook_message, self._edit_webhook_message),
            ("DELETE", webhook_message, self._delete_webhook_message),
        ]

    def _interaction(self, token: str) -> Interaction:
        interaction = self._state.interactions.get(token)
        if interaction is None:
            raise unknown("Webhook", 10015)
        return interaction

    async def _callback(self, request: web.Request) -> web.Response:
        interaction = self._state.interactions.get(request.match_info["token"])
        if interaction is None or str(interaction.id) != request.match_info["interaction_id"]:
            raise unknown("interaction", 10062)
        now = time.monotonic()
        if interaction.response_type is not None:
            raise DiscordError(400, 40060, "Interaction has already been acknowledged.")
        if now - interaction.dispatched_at > self._deadline:
            raise unknown("interaction", 10062)
        body = request[BODY] or {}
        kind = int(body.get("type", 0))
        data: JSON = body.get("data") or {}
        if kind in (CALLBACK_MESSAGE, CALLBACK_DEFERRED_MESSAGE):
            if kind == CALLBACK_MESSAGE:
                self._board.check(data)
            flags = int(data.get("flags") or 0) & MESSAGE_FLAG_EPHEMERAL
            if kind == CALLBACK_DEFERRED_MESSAGE:
                flags |= MESSAGE_FLAG_LOADING
            message = await self._interaction_message(interaction, {**data, "flags": flags})
            interaction.original_message_id = message.id
        elif kind not in (CALLBACK_DEFERRED_UPDATE, CALLBACK_UPDATE_MESSAGE, CALLBACK_MODAL):
            raise invalid_body({"type": [f"bad type {kind}"]})
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
        return json_answer(callback)

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
        return await self._board.post(interaction.channel_id, world.bot, body, extra)

    async def _followup(self, request: web.Request) -> web.Response:
        interaction = self._interaction(request.match_info["token"])
        if interaction.response_type is None:
            raise unknown("Webhook", 10015)
        body: JSON = request[BODY] or {}
        self._board.check(body)
        original = self._original(interaction)
        loading = original is not None and int(original.data["flags"]) & MESSAGE_FLAG_LOADING
        if original is not None and loading and not original.deleted:
            # The first followup after a deferral replaces the "thinking…" message.
            message = self._board.edit(original, body)
            message.data["flags"] = int(original.data["flags"]) & ~MESSAGE_FLAG_LOADING
        else:
            flags = int(body.get("flags") or 0) & MESSAGE_FLAG_EPHEMERAL
            message = await self._interaction_message(interaction, {**body, "flags": flags})
            interaction.followup_message_ids.append(message.id)
        self._state.changed()
        if request.query.get("wait") in ("1", "true", "True"):
            return json_answer(message.data)
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
            raise unknown("Message", 10008)
        return message

    async def _get_webhook_message(self, request: web.Request) -> web.Response:
        return json_answer(self._webhook_message(request).data)

    async def _edit_webhook_message(self, request: web.Request) -> web.Response:
        message = self._board.edit(self._webhook_message(request), request[BODY] or {})
        message.data["flags"] = int(message.data.get("flags") or 0) & ~MESSAGE_FLAG_LOADING
        return json_answer(message.data)

    async def _delete_webhook_message(self, request: web.Request) -> web.Response:
        self._webhook_message(request).deleted = True
        self._state.changed()
        return web.Response(status=204)
