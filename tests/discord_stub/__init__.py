"""A Discord stand-in for hermetic tests: REST API v10 and gateway on 127.0.0.1.

The real discord.py client connects to it; tests script users, interactions and rate limits
and inspect every request, frame and message:

    async with DiscordStub() as stub:
        Route.BASE = stub.api_base                      # discord.http.Route
        DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(stub.gateway_url)
        async with connected(stub, MyBot()) as bot:     # tests.discord_stub.connect
            interaction = await stub.dispatch_interaction("summarize", {"url": url})
            answer = await stub.wait_for_response(interaction)
            assert interaction.response_delay < 3

What it models: READY with unavailable guilds then GUILD_CREATE (members only with the
members intent), zlib-stream, heartbeats, RESUME with replay, op 7 reconnect, privileged
intents (close 4014) and the message-content rule; slash and message-menu interactions with
the 3-second window and "already acknowledged"; deferral, followups and @original; message
limits (400 like Discord), nonces, allowed_mentions → pings; rate limits as Discord keys and
answers them (buckets per channel and per interaction, the 5-per-5-s channel post limit, the
global limit, 429s with `retry_after`, `global` and the X-RateLimit-* and Retry-After headers)
and scripted bursts of 429 (global too); requests stalled before or after handling, as a
crash mid-request looks. The e2e helpers for digestbot itself are in `bot_harness`.
"""

from __future__ import annotations

from .gateway import GatewayFrame
from .interactions import Interaction
from .payloads import Pings
from .server import DiscordStub
from .state import RecordedRequest, StoredMessage

__all__ = [
    "DiscordStub",
    "GatewayFrame",
    "Interaction",
    "Pings",
    "RecordedRequest",
    "StoredMessage",
]
