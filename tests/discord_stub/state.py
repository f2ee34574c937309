"""What the stand-in remembers: registered commands, messages, interactions, and records of
every REST request and gateway frame, with a change signal for the tests' waits."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .gateway import GatewayFrame
from .interactions import Interaction
from .payloads import JSON, MESSAGE_FLAG_EPHEMERAL, Pings, message_json, resolve_pings
from .world import Snowflakes, User, World

T = TypeVar("T")
POLL_INTERVAL = 0.05


@dataclass(frozen=True)
class RecordedRequest:
    """One REST request as the stand-in received it (path without the /api/v10 prefix)."""

    method: str
    path: str
    route: str
    query: dict[str, str]
    json: Any
    status: int
    time: float


@dataclass
class StoredMessage:
    """A message in a channel: its API JSON, whom it pinged and the allowed_mentions sent."""

    data: JSON
    pings: Pings
    allowed_mentions: JSON | None
    deleted: bool = False
    created: float = field(default_factory=time.monotonic)

    @property
    def id(self) -> int:
        """The message id."""
        return int(self.data["id"])

    @property
    def channel_id(self) -> int:
        """The channel the message is in."""
        return int(self.data["channel_id"])

    @property
    def author_id(self) -> int:
        """The author's user id."""
        return int(self.data["author"]["id"])

    @property
    def content(self) -> str:
        """The message text."""
        return str(self.data.get("content") or "")

    @property
    def embeds(self) -> list[JSON]:
        """The message's embeds as sent."""
        return list(self.data.get("embeds") or [])

    @property
    def reactions(self) -> list[str]:
        """The emoji the bot reacted with."""
        return [str(r["emoji"]["name"]) for r in self.data.get("reactions") or []]

    @property
    def ephemeral(self) -> bool:
        """True for messages only the invoking user sees."""
        return bool(int(self.data.get("flags") or 0) & MESSAGE_FLAG_EPHEMERAL)


@dataclass
class StubState:
    """Mutable state shared by the REST API, the gateway and the test helpers."""

    world: World
    ids: Snowflakes
    global_commands: list[JSON] = field(default_factory=list)
    guild_commands: dict[int, list[JSON]] = field(default_factory=dict)
    messages: dict[int, StoredMessage] = field(default_factory=dict)
    interactions: dict[str, Interaction] = field(default_factory=dict)
    requests: list[RecordedRequest] = field(default_factory=list)
    frames: list[GatewayFrame] = field(default_factory=list)
    _changed: asyncio.Event = field(default_factory=asyncio.Event)

    def changed(self) -> None:
        """Wake every waiter: something was recorded or stored."""
        self._changed.set()
        self._changed = asyncio.Event()

    def record_frame(self, frame: GatewayFrame) -> None:
        """Keep a gateway frame."""
        self.frames.append(frame)
        self.changed()

    def record_request(self, request: RecordedRequest) -> None:
        """Keep a REST request."""
        self.requests.append(request)
        self.changed()

    def add_message(
        self, channel_id: int, author: User, body: JSON, extra: JSON | None = None
    ) -> StoredMessage:
        """Store a new message made from a create-message body; pings are resolved here."""
        guild = self.world.guild_of_channel(channel_id)
        allowed = body.get("allowed_mentions")
        pings = resolve_pings(body.get("content") or "", allowed)
        known = {user.id: user for user in [self.world.bot, *self.world.users]}
        data = message_json(
            message_id=self.ids.next(),
            channel_id=channel_id,
            guild_id=guild.id if guild else None,
            author=author,
            body=body,
            pings=pings,
            known_users=known,
            extra=extra,
        )
        stored = StoredMessage(data, pings, allowed)
        self.messages[stored.id] = stored
        self.changed()
        return stored

    def commands_named(self, name: str, guild_id: int) -> list[JSON]:
        """Registered commands called `name` visible in guild `guild_id`."""
        candidates = [*self.guild_commands.get(guild_id, []), *self.global_commands]
        return [command for command in candidates if command["name"] == name]

    async def wait_for(self, probe: Callable[[], T | None], timeout: float) -> T:
        """Wait until `probe()` returns something truthy; return it."""
        deadline = time.monotonic() + timeout
        while True:
            result = probe()
            if result:
                return result
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"the stand-in did not see the awaited change in {timeout} s")
            event = self._changed
            try:
                # Re-probe now and then too: the probe may watch the bot's state, not ours.
                await asyncio.wait_for(event.wait(), min(remaining, POLL_INTERVAL))
            except TimeoutError:
                continue
