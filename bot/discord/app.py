"""The bot: `create_bot` builds it, `run_bot` runs it until stopped (`digestbot run`).

Driving it from tests: `bot = create_bot(settings, clock=fake_clock)` with
`discord_api_base`/`discord_gateway_url` pointing at a stand-in, then `bot.start(token)` in a
task and `bot.close()` to stop. The digest timer is `bot.scheduler`: set its `interval`
(seconds between passes), call `wake()` after moving the clock, `await drain()` to wait for
runs in progress. State is in `bot.guild_settings`, `bot.queue` and `bot.ledger`.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import signal
import sqlite3
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import aiohttp
import discord
import yarl
from discord.ext import commands
from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot.discord.digester import Digester
from bot.discord.errors import DigestTree
from bot.discord.poster import ChannelPoster
from bot.discord.runner import DigestRunner
from bot.discord.scheduler import Scheduler
from bot.feed_poller import FeedNotice, FeedPoller
from bot.settings import Settings
from bot.store.access import Store
from bot.store.db import Database
from bot.store.feeds import Feeds
from bot.store.guilds import Guilds
from bot.store.llm_cache import LLMCache
from bot.store.posts import Ledger
from bot.store.queue import Queue
from summarizers.errors import DigestbotError

if TYPE_CHECKING:
    from summarizers.rewrite import Rewriter

log = logging.getLogger(__name__)

COGS = (
    "bot.discord.cogs.summarize",
    "bot.discord.cogs.digest",
    "bot.discord.cogs.links",
    "bot.discord.cogs.admin",
)
NO_TOKEN = (
    "digestbot: set DISCORD_TOKEN to your bot's token (Discord developer portal → your "
    "application → Bot → Reset Token), in the environment or in .env."
)


def utc_now() -> dt.datetime:
    """The real clock (aware UTC)."""
    return dt.datetime.now(dt.UTC)


def intents_for(settings: Settings) -> discord.Intents:
    """Only what the features use: servers and their messages; message text if allowed."""
    intents = discord.Intents.none()
    intents.guilds = True
    intents.guild_messages = True
    # Privileged: only the link watcher needs it, and Discord refuses the connection if the
    # application has not been granted it, so it is opt-in.
    intents.message_content = settings.discord_message_content
    return intents


class StorageError(DigestbotError):
    """The database file cannot be opened."""


class Endpoints:
    """Where discord.py connects: Discord itself, or a stand-in (tests, self-hosted proxies).

    discord.py keeps the REST base and the gateway URL as class attributes, so pointing
    them elsewhere is process-wide. They are left pointed after the bot closes: a bot still
    running in the same process must never fall back to Discord itself.
    """

    def __init__(self, api_base: str, gateway_url: str) -> None:
        self.api_base = api_base.rstrip("/")
        self.gateway_url = gateway_url

    def apply(self) -> None:
        """Point discord.py at the configured endpoints (no-op for the defaults)."""
        if self.api_base:
            Route.BASE = self.api_base
        if self.gateway_url:
            DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(self.gateway_url)


class DigestBot(commands.Bot):
    """digestbot on Discord: /summarize, the "Summarize links" menu, /digest and its timer."""

    def __init__(self, settings: Settings, clock: Callable[[], dt.datetime]) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents_for(settings),
            allowed_mentions=discord.AllowedMentions.none(),
            tree_cls=DigestTree,
            help_command=None,
        )
        self.settings = settings
        self.clock = clock
        self.endpoints = Endpoints(settings.discord_api_base, settings.discord_gateway_url)
        self.db = Database(settings.db_path)
        self.store = Store(self.db)
        self.guild_settings = Guilds(self.store)
        self.queue = Queue(self.store)
        self.ledger = Ledger(self.store)
        self.rewriter = _rewriter(settings, self.db)
        self.digester = Digester(settings, self.rewriter)
        self.feeds = Feeds(self.store)
        self.feed_poller = FeedPoller(
            self.feeds,
            settings.fetch_options(),
            clock,
            interval=dt.timedelta(seconds=settings.feed_interval),
            concurrency=settings.feed_concurrency,
            notify=self.post_feed_notice,
        )
        poster = ChannelPoster(self)
        runner = DigestRunner(self.ledger, self.digester, poster, clock)
        self.scheduler = Scheduler(
            self.guild_settings, self.ledger, runner, clock, prepare=self.feed_poller.poll_due
        )

    async def login(self, token: str) -> None:
        """Connect to the configured endpoints, then log in as usual."""
        self.endpoints.apply()
        await super().login(token)

    async def setup_hook(self) -> None:
        """Open the database, load the cogs, sync commands, start the digest timer."""
        try:
            await self.db.open()
        except (sqlite3.Error, OSError) as exc:
            raise StorageError(f"Could not open the database {self.db.path} ({exc}).") from exc
        for name in COGS:
            await self.load_extension(name)
        if self.settings.sync_commands:
            synced = await self.tree.sync()
            log.info("synced %d application commands", len(synced))
        self.scheduler.start(self.wait_until_ready)
        self.feed_poller.start(self.wait_until_ready)

    async def on_ready(self) -> None:
        """Log who we are and whether links in watched channels can be read."""
        log.info("connected as %s to %d servers", self.user, len(self.guilds))
        if not self.intents.message_content:
            log.info(
                "Message Content intent off: watched channels queue links only from "
                "messages that mention the bot (set DIGESTBOT_MESSAGE_CONTENT=true to read all)"
            )

    async def post_feed_notice(self, notice: FeedNotice) -> bool:
        """Say in the feed's channel that it keeps failing; True once said."""
        channel_id = notice.channel_id
        if channel_id is None:
            channel_id = (await self.guild_settings.get(notice.guild_id)).digest_channel_id
        if channel_id is None:
            return False
        try:
            await ChannelPoster(self).say(channel_id, notice.text())
        except (DigestbotError, discord.HTTPException):
            log.warning("could not report failing feed %s", notice.url)
            return False
        return True

    async def on_command_error(
        self, context: commands.Context[Any], exception: commands.CommandError, /
    ) -> None:
        """Mentions are the only text-command prefix, and most mentions are not commands."""
        if isinstance(exception, (commands.CommandNotFound, commands.NotOwner)):
            return
        log.error("text command failed", exc_info=exception)

    async def close(self) -> None:
        """Stop the timers, disconnect, and close the database and the LLM client."""
        await self.scheduler.stop()
        await self.feed_poller.stop()
        try:
            await super().close()
        finally:
            self.digester.close()
            if self.rewriter is not None:
                await self.rewriter.aclose()
            await self.db.close()


def _rewriter(settings: Settings, db: Database) -> Rewriter | None:
    """The LLM rewriter, when configured (imported only then: the SDK is heavy)."""
    if not settings.llm_enabled:
        return None
    from summarizers.rewrite import Rewriter

    return Rewriter(settings.llm_options(), cache=LLMCache(db))


def create_bot(settings: Settings, *, clock: Callable[[], dt.datetime] | None = None) -> DigestBot:
    """A ready-to-start bot; `clock` (aware UTC) drives the daily digest, real time by default.

    Raises DigestbotError (a SettingsError) when a setting cannot be used.
    """
    return DigestBot(settings, clock or utc_now)


def run_bot(settings: Settings) -> int:
    """Run the bot until interrupted; the process exit status. Problems are one line on stderr."""
    if not settings.discord_token:
        print(NO_TOKEN, file=sys.stderr)
        return 2
    logging.basicConfig(
        level=settings.log_level.upper(),
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        bot = create_bot(settings)
        asyncio.run(_run(bot, settings.discord_token))
    except DigestbotError as exc:
        print(f"digestbot: {exc}", file=sys.stderr)
        return 2
    except discord.LoginFailure:
        print("digestbot: Discord refused the token; check DISCORD_TOKEN.", file=sys.stderr)
        return 2
    except discord.PrivilegedIntentsRequired:
        print(
            "digestbot: Discord refused the Message Content intent; enable it for the bot in "
            "the developer portal, or set DIGESTBOT_MESSAGE_CONTENT=false.",
            file=sys.stderr,
        )
        return 2
    except (aiohttp.ClientError, OSError) as exc:
        print(f"digestbot: could not reach Discord ({exc}).", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    return 0


async def _run(bot: DigestBot, token: str) -> None:
    # Ctrl-C and SIGTERM (systemd, docker stop) both close the bot cleanly; a signal handler
    # is reliable where a KeyboardInterrupt raised mid-connect can be swallowed.
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    async with bot:
        running = asyncio.create_task(bot.start(token))
        stopping = asyncio.create_task(stop.wait())
        done, _ = await asyncio.wait({running, stopping}, return_when=asyncio.FIRST_COMPLETED)
        if running in done:
            stopping.cancel()
            running.result()  # re-raise a login or connection failure
            return
        log.info("stopping on signal")
        await bot.close()
        with contextlib.suppress(asyncio.CancelledError):
            await running
