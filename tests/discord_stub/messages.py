"""Creating and editing messages the way Discord does: checked against its limits, and
announced to the bot over the gateway."""

from __future__ import annotations

from .answers import invalid_body
from .gateway import Gateway
from .limits import message_errors
from .payloads import JSON, iso_now
from .state import StoredMessage, StubState
from .world import INTENT_GUILD_MESSAGES, User


class MessageBoard:
    """Posts and edits messages in the shared state."""

    def __init__(self, state: StubState, gateway: Gateway) -> None:
        self._state = state
        self._gateway = gateway

    @staticmethod
    def check(body: JSON) -> None:
        """Refuse a body Discord would refuse (limits on content and embeds)."""
        errors = message_errors(body)
        if errors:
            raise invalid_body(errors)

    async def post(
        self, channel_id: int, author: User, body: JSON, extra: JSON | None = None
    ) -> StoredMessage:
        """Store a message and tell the bot about it over the gateway, as Discord does."""
        message = self._state.add_message(channel_id, author, body, extra)
        if not message.ephemeral:
            await self._gateway.dispatch("MESSAGE_CREATE", message.data, INTENT_GUILD_MESSAGES)
        return message

    def edit(self, message: StoredMessage, body: JSON) -> StoredMessage:
        """Apply an edit-message body."""
        self.check(body)
        for key in ("content", "embeds", "components"):
            if key in body:
                message.data[key] = (
                    body[key] if body[key] is not None else ([] if key != "content" else "")
                )
        if "allowed_mentions" in body:
            message.allowed_mentions = body["allowed_mentions"]
        message.data["edited_timestamp"] = iso_now()
        self._state.changed()
        return message
