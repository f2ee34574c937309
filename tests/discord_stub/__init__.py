"""A Discord stand-in for hermetic tests: REST API v10 and gateway on 127.0.0.1.

The real discord.py client connects to it; tests script users, interactions and rate limits
and inspect every request, frame and message.
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
