"""The gateway websocket: HELLO, IDENTIFY → READY + GUILD_CREATE, heartbeats, RESUME, zlib-stream.

Sessions outlive connections: dispatches sent while the bot is disconnected are kept and
replayed on RESUME, as Discord does; a new IDENTIFY starts a fresh session.
"""

from __future__ import annotations

import json
import secrets
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from aiohttp import WSMsgType, web

from .payloads import JSON, guild_create_json, iso_now, member_json, ready_json
from .world import INTENT_GUILD_MEMBERS, PRIVILEGED_INTENTS, World

OP_DISPATCH = 0
OP_HEARTBEAT = 1
OP_IDENTIFY = 2
OP_PRESENCE_UPDATE = 3
OP_VOICE_STATE_UPDATE = 4
OP_RESUME = 6
OP_RECONNECT = 7
OP_REQUEST_GUILD_MEMBERS = 8
OP_INVALID_SESSION = 9
OP_HELLO = 10
OP_HEARTBEAT_ACK = 11

CLOSE_UNKNOWN_ERROR = 4000
CLOSE_UNKNOWN_OPCODE = 4001
CLOSE_AUTHENTICATION_FAILED = 4004
CLOSE_DISALLOWED_INTENTS = 4014


@dataclass(frozen=True)
class GatewayFrame:
    """One gateway message; `direction` is "out" (stand-in → bot) or "in" (bot → stand-in)."""

    direction: Literal["in", "out"]
    connection: int
    op: int
    t: str | None
    s: int | None
    d: Any
    time: float


@dataclass
class _Connection:
    index: int
    ws: web.WebSocketResponse
    compressor: Any  # zlib.compressobj when the bot asked for zlib-stream, else None
    session: _Session | None = None


@dataclass
class _Session:
    id: str
    intents: int
    seq: int = 0
    sent: list[JSON] = field(default_factory=list)
    connection: _Connection | None = None


class Gateway:
    """Serves the gateway websocket for one `World`; `record` receives every frame."""

    def __init__(
        self,
        world: World,
        token: str,
        url: Callable[[], str],
        record: Callable[[GatewayFrame], None],
        *,
        heartbeat_interval_ms: int = 41_250,
        allowed_privileged_intents: int = PRIVILEGED_INTENTS,
    ) -> None:
        self._world = world
        self._token = token
        self._url = url
        self._record = record
        self._heartbeat_interval_ms = heartbeat_interval_ms
        self._allowed_privileged = allowed_privileged_intents
        self._session: _Session | None = None
        self._connections = 0
        self.queries: list[dict[str, str]] = []
        self._joined_at = iso_now()

    @property
    def intents(self) -> int:
        """The intents of the current session (0 before any IDENTIFY)."""
        return self._session.intents if self._session else 0

    @property
    def connections(self) -> int:
        """How many websocket connections were opened so far."""
        return self._connections

    @property
    def connected(self) -> bool:
        """True while a bot holds an identified or resumed connection."""
        return self._session is not None and self._session.connection is not None

    async def handle(self, request: web.Request) -> web.WebSocketResponse:
        """aiohttp handler for the websocket endpoint."""
        ws = web.WebSocketResponse(max_msg_size=0)
        await ws.prepare(request)
        self._connections += 1
        self.queries.append(dict(request.query))
        compressor = zlib.compressobj() if request.query.get("compress") == "zlib-stream" else None
        conn = _Connection(self._connections, ws, compressor)
        await self._send(
            conn, {"op": OP_HELLO, "d": {"heartbeat_interval": self._heartbeat_interval_ms}}
        )
        try:
            async for msg in ws:
                if msg.type is not WSMsgType.TEXT:
                    continue
                payload = json.loads(msg.data)
                self._record(_frame("in", conn.index, payload))
                await self._on_payload(conn, payload)
        finally:
            if conn.session is not None and conn.session.connection is conn:
                conn.session.connection = None
        return ws

    async def dispatch(self, event: str, data: JSON, intent: int | None = None) -> None:
        """Send a dispatch to the bot's session; kept for RESUME if it is disconnected.

        `intent` is the gateway intent the bot needs to receive this event at all.
        """
        session = self._session
        if session is None or (intent is not None and not session.intents & intent):
            return
        session.seq += 1
        payload = {"op": OP_DISPATCH, "t": event, "s": session.seq, "d": data}
        session.sent.append(payload)
        if session.connection is not None and not session.connection.ws.closed:
            await self._send(session.connection, payload)

    async def drop(self, code: int = CLOSE_UNKNOWN_ERROR) -> None:
        """Close the bot's connection with `code`; 4000 makes discord.py RESUME."""
        if self._session is not None and self._session.connection is not None:
            conn = self._session.connection
            self._session.connection = None
            await conn.ws.close(code=code, message=b"dropped by the test")

    async def request_reconnect(self) -> None:
        """Send op 7 RECONNECT, as Discord does before it moves a session."""
        if self._session is not None and self._session.connection is not None:
            await self._send(self._session.connection, {"op": OP_RECONNECT, "d": None})

    async def close_all(self) -> None:
        """Close the live connection when the stand-in stops."""
        await self.drop(code=1001)

    async def _on_payload(self, conn: _Connection, payload: JSON) -> None:
        op, data = payload.get("op"), payload.get("d") or {}
        if op == OP_HEARTBEAT:
            await self._send(conn, {"op": OP_HEARTBEAT_ACK, "d": None})
        elif op == OP_IDENTIFY:
            await self._identify(conn, data)
        elif op == OP_RESUME:
            await self._resume(conn, data)
        elif op == OP_REQUEST_GUILD_MEMBERS:
            await self._members_chunk(data)
        elif op not in (OP_PRESENCE_UPDATE, OP_VOICE_STATE_UPDATE):
            await conn.ws.close(code=CLOSE_UNKNOWN_OPCODE, message=b"Unknown opcode.")

    async def _identify(self, conn: _Connection, data: JSON) -> None:
        if data.get("token") != self._token:
            await conn.ws.close(code=CLOSE_AUTHENTICATION_FAILED, message=b"Authentication failed.")
            return
        intents = int(data.get("intents", 0))
        if intents & PRIVILEGED_INTENTS & ~self._allowed_privileged:
            await conn.ws.close(code=CLOSE_DISALLOWED_INTENTS, message=b"Disallowed intent(s).")
            return
        session = _Session(secrets.token_hex(16), intents, connection=conn)
        self._session, conn.session = session, session
        await self.dispatch("READY", ready_json(self._world, session.id, self._url()))
        for guild in self._world.guilds:
            # Without the members intent Discord sends only the bot's own membership.
            members = [m for m in guild.members if intents & INTENT_GUILD_MEMBERS or m.user.bot]
            await self.dispatch("GUILD_CREATE", guild_create_json(guild, self._joined_at, members))

    async def _resume(self, conn: _Connection, data: JSON) -> None:
        session = self._session
        if (
            session is None
            or data.get("session_id") != session.id
            or data.get("token") != self._token
        ):
            await self._send(conn, {"op": OP_INVALID_SESSION, "d": False})
            return
        session.connection, conn.session = conn, session
        last_seen = int(data.get("seq") or 0)
        for payload in session.sent:
            if payload["s"] > last_seen:
                await self._send(conn, payload)
        await self.dispatch("RESUMED", {"_trace": ["digestbot-discord-stub"]})

    async def _members_chunk(self, data: JSON) -> None:
        guild = next(g for g in self._world.guilds if str(g.id) == str(data["guild_id"]))
        chunk = {
            "guild_id": str(guild.id),
            "members": [member_json(m, self._joined_at) for m in guild.members],
            "chunk_index": 0,
            "chunk_count": 1,
            "not_found": [],
            **({"nonce": data["nonce"]} if data.get("nonce") else {}),
        }
        await self.dispatch("GUILD_MEMBERS_CHUNK", chunk)

    async def _send(self, conn: _Connection, payload: JSON) -> None:
        payload = {
            "op": payload["op"],
            "d": payload.get("d"),
            "s": payload.get("s"),
            "t": payload.get("t"),
        }
        self._record(_frame("out", conn.index, payload))
        text = json.dumps(payload)
        if conn.compressor is None:
            await conn.ws.send_str(text)
        else:
            # zlib-stream: one shared context per connection, each message ends in Z_SYNC_FLUSH.
            data = conn.compressor.compress(text.encode()) + conn.compressor.flush(
                zlib.Z_SYNC_FLUSH
            )
            await conn.ws.send_bytes(data)


def _frame(direction: Literal["in", "out"], connection: int, payload: JSON) -> GatewayFrame:
    return GatewayFrame(
        direction=direction,
        connection=connection,
        op=int(payload.get("op", -1)),
        t=payload.get("t"),
        s=payload.get("s"),
        d=payload.get("d"),
        time=time.monotonic(),
    )
