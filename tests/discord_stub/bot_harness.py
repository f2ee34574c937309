"""Running digestbot's real bot against the stand-in, for the end-to-end tests.

The bot comes from `bot.discord.app.create_bot(settings, clock=...)`; this module only
builds its settings, starts and stops it, serves article pages from a local web server,
offers a clock the tests move by hand, and checks what the bot sent.

    async with e2e_world(tmp_path, start) as world:
        async with world.bot() as bot:
            interaction = await world.stub.dispatch_interaction("summarize", {"url": url})
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.discord.app import DigestBot, create_bot
from bot.settings import Settings
from tests.servers.web import WebServer

from .connect import READY_TIMEOUT, connected
from .payloads import JSON
from .server import DiscordStub
from .state import RecordedRequest, StoredMessage

ANSWER_TIMEOUT = 30.0
GUILD_READY_TIMEOUT = 0.1
SITE = "The Harbour Gazette"


class ManualClock:
    """An aware UTC clock that moves only when the test says so."""

    def __init__(self, now: dt.datetime) -> None:
        if now.tzinfo is None:
            raise ValueError("the clock needs an aware datetime")
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def set(self, now: dt.datetime) -> None:
        """Jump to `now` (aware)."""
        self.now = now


def bot_settings(stub: DiscordStub, db_path: Path, **overrides: Any) -> Settings:
    """Settings that point the bot at the stand-in, a SQLite file and 127.0.0.1 pages only."""
    values: dict[str, Any] = {
        "discord_token": stub.token,
        "discord_api_base": stub.api_base,
        "discord_gateway_url": stub.gateway_url,
        "db_path": str(db_path),
        "allow_hosts": ("127.0.0.1",),
        "sync_commands": True,
        "summarize_cooldown": 0.0,
        "digest_concurrency": 2,
        "discord_message_content": True,
        "fetch_timeout": 10.0,
    }
    values.update(overrides)
    return Settings(**values)


@asynccontextmanager
async def running_bot(
    stub: DiscordStub, settings: Settings, clock: ManualClock
) -> AsyncIterator[DigestBot]:
    """Start the bot, wait until it is ready and has registered its commands; close it after."""
    bot = create_bot(settings, clock=clock)
    # discord.py waits this long after the last GUILD_CREATE before on_ready (2 s by
    # default, for real Discord's trickle of guilds); the stand-in sends them all at once.
    bot._connection.guild_ready_timeout = GUILD_READY_TIMEOUT
    async with connected(stub, bot):
        if settings.sync_commands:
            await stub.state.wait_for(
                lambda: stub.state.global_commands or any(stub.state.guild_commands.values()),
                READY_TIMEOUT,
            )
        yield bot


@dataclass
class World:
    """The stand-in, the article web server, the clock and the bot's settings."""

    stub: DiscordStub
    web: WebServer
    clock: ManualClock
    settings: Settings

    def bot(self) -> AbstractAsyncContextManager[DigestBot]:
        """A running bot on this world (a second call after the first closed = a restart)."""
        return running_bot(self.stub, self.settings, self.clock)

    def article(self, path: str, headline: str, paragraphs: Sequence[str]) -> str:
        """Serve a news article page at `path`; its URL."""
        return self.web.page(path, article_html(headline, paragraphs))

    async def command(
        self, name: str, options: Mapping[str, Any] | None = None, *, user: str = "moderator"
    ) -> StoredMessage:
        """Run slash command `name` in #general and wait for its final answer."""
        interaction = await self.stub.dispatch_interaction(name, options, user=user)
        return await self.stub.wait_for_response(interaction, ANSWER_TIMEOUT)


@asynccontextmanager
async def e2e_world(
    tmp_path: Path,
    start: dt.datetime,
    *,
    stub_options: Mapping[str, Any] | None = None,
    **overrides: Any,
) -> AsyncIterator[World]:
    """A stand-in (made with `stub_options`) and a web server on 127.0.0.1, a manual clock at
    `start`, fresh settings with `overrides`."""
    async with DiscordStub(**(stub_options or {})) as stub, WebServer() as web:
        settings = bot_settings(stub, tmp_path / "digestbot.sqlite3", **overrides)
        yield World(stub, web, ManualClock(start), settings)


def article_html(headline: str, paragraphs: Sequence[str]) -> str:
    """A plausible news page: metadata, navigation, the article, a footer."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    title = html.escape(headline)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | {SITE}</title>
<meta property="og:site_name" content="{SITE}">
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="2026-11-20T09:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1>
<p class="byline">By Ada Reporter, 20 November 2026</p>
{body}
</article>
<footer>Subscribe to our newsletter. All rights reserved.</footer>
</body></html>"""


BRIDGE_STORY = (
    "The city council voted on Tuesday to rebuild the old harbour bridge, ending a debate "
    "that had lasted for more than a decade.",
    "“We will have the new bridge open by next spring,” said Mayor Jane Doe after the vote.",
    "The project will cost 40 million euros, most of it paid by the regional government, "
    "according to the council's budget office.",
    "Residents have complained for years about closures and long detours whenever the old "
    "bridge was shut for repairs.",
    "“This is the most important decision this council has made in a generation,” said "
    "councillor Tom Baker, who led the campaign for the new bridge.",
    "Construction firms have until March to submit their bids, and work is expected to begin "
    "in the summer.",
    "Opposition members questioned the cost but voted in favour after the regional grant was "
    "confirmed last week.",
    "The harbour district, home to about 12,000 people, depends on the bridge for access to "
    "the city centre and its hospital.",
)


def bot_requests(stub: DiscordStub) -> list[RecordedRequest]:
    """Every request by which the bot said something: messages, interaction answers, edits."""
    return [r for r in stub.requests if r.method in ("POST", "PATCH") and _is_speech(r)]


def _is_speech(request: RecordedRequest) -> bool:
    if not isinstance(request.json, dict):
        return False
    if request.route.endswith("/callback"):
        return request.json.get("type") in (4, 5, 7)
    return request.route.startswith(("/channels/", "/webhooks/")) and request.route.endswith(
        ("/messages", "/messages/{message_id}", "/{token}")
    )


def message_body(request: RecordedRequest) -> JSON:
    """The message part of a request body (interaction callbacks nest it under `data`)."""
    body: JSON = request.json
    return body.get("data") or {} if request.route.endswith("/callback") else body


def embed_text(message: StoredMessage) -> str:
    """Everything a reader sees in a message: content and all embed text, as one string."""
    return message.content + "\n" + json.dumps(message.embeds, ensure_ascii=False)


def assert_nobody_pinged(stub: DiscordStub) -> None:
    """Every message the bot sent or edited had allowed mentions off, and pinged nobody."""
    said = [r for r in bot_requests(stub) if _says_something(message_body(r))]
    assert said, "the bot said nothing"
    for request in said:
        mentions = message_body(request).get("allowed_mentions")
        where = f"{request.method} {request.route}"
        assert mentions is not None, f"{where} sent no allowed_mentions"
        assert mentions.get("parse") == [], f"{where} allowed {mentions}"
        assert not mentions.get("users") and not mentions.get("roles"), f"{where}: {mentions}"
    for message in stub.bot_messages():
        assert not message.pings.anyone, f"message {message.id} pinged {message.pings}"


def _says_something(body: JSON) -> bool:
    return bool(body.get("content") or body.get("embeds"))
