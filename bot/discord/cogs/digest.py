"""/digest: where and when the daily digest is posted, the link queue, and posting it now."""

from __future__ import annotations

import asyncio
import zoneinfo
from functools import cache
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord.answers import defer, follow_up
from bot.render.embeds import CONTENT_LIMIT, clip, escape
from bot.schedule import next_run, parse_time, parse_timezone
from bot.store.feeds import WatchedFeed
from bot.store.guilds import GuildConfig
from summarizers.errors import InputError
from summarizers.feeds import looks_like_feed, parse_feed
from summarizers.fetch import fetch_page, normalize_url
from summarizers.fetch.urls import parse_link

if TYPE_CHECKING:
    from bot.discord.app import DigestBot

manage_server = app_commands.checks.has_permissions(manage_guild=True)
AUTOCOMPLETE_CHOICES = 25  # Discord's limit
ChannelOption = discord.TextChannel | None  # a feed command's channel; None: where it is used


@cache
def _zone_names() -> tuple[str, ...]:
    return tuple(sorted(zoneinfo.available_timezones()))


def _when(config: GuildConfig) -> str:
    """'Daily at 08:00 (Europe/Berlin), next <t:…:F>' or 'No daily digest'."""
    if config.post_time is None or config.next_run_at is None:
        return "No daily digest is scheduled."
    stamp = int(config.next_run_at.timestamp())
    return f"Daily at {config.post_time} ({config.timezone}); the next one is <t:{stamp}:F>."


def _where(config: GuildConfig) -> str:
    if config.digest_channel_id is None:
        return "No digest channel is set; choose one with /digest channel."
    return f"It is posted in <#{config.digest_channel_id}>."


def _check_thread_permissions(channel: discord.TextChannel) -> None:
    """Threads need two permissions the bot is not invited with; say which are missing."""
    mine = channel.permissions_for(channel.guild.me)
    missing = [
        label
        for label, granted in (
            ("Create Public Threads", mine.create_public_threads),
            ("Send Messages in Threads", mine.send_messages_in_threads),
        )
        if not granted
    ]
    if missing:
        raise InputError(
            f"To post the digest in a thread I need {' and '.join(missing)} in "
            f"{channel.mention}; grant them, or leave thread off."
        )


def _feed_place(interaction: discord.Interaction, channel: ChannelOption) -> tuple[int, int]:
    """The server and channel a feed command is about: the channel named, or the one the
    command is used in."""
    guild_id = _guild_id(interaction)
    if channel is not None:
        return guild_id, channel.id
    if interaction.channel_id is None:
        raise InputError("Name the channel, like channel:#news.")
    return guild_id, interaction.channel_id


def _channel_of(feed: WatchedFeed, config: GuildConfig) -> int | None:
    """Where a feed's entries are posted (a feed without a channel: the digest channel)."""
    return feed.channel_id if feed.channel_id is not None else config.digest_channel_id


def _followed_in(
    feeds: list[WatchedFeed], norm_url: str, channel_id: int, config: GuildConfig
) -> list[WatchedFeed]:
    """The feeds of `norm_url` whose entries go to `channel_id`. A feed without a channel in
    a server without a digest channel (followed before feeds had channels) goes nowhere yet,
    so any channel may claim it: otherwise it could not be removed."""
    return [
        f for f in feeds if f.norm_url == norm_url and _channel_of(f, config) in (channel_id, None)
    ]


def _mention(channel_id: int | None) -> str:
    return f"<#{channel_id}>" if channel_id is not None else "the digest channel (not set yet)"


def _guild_id(interaction: discord.Interaction) -> int:
    if interaction.guild_id is None:
        raise app_commands.NoPrivateMessage()
    return interaction.guild_id


@app_commands.guild_only()
class DigestCommands(
    commands.GroupCog, group_name="digest", group_description="The daily news digest"
):
    """The daily digest's settings and queue, per server."""

    def __init__(self, bot: DigestBot) -> None:
        self.bot = bot
        super().__init__()

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        """Acknowledge every /digest command at once, privately: each reads or writes the
        database, which another process may hold locked for longer than Discord's 3 s."""
        if not interaction.response.is_done():
            await defer(interaction, ephemeral=True)
        return True

    async def _say(self, interaction: discord.Interaction, text: str) -> None:
        await follow_up(interaction, content=clip(text, CONTENT_LIMIT), ephemeral=True)

    @app_commands.command(name="channel", description="Post the daily digest in this channel")
    @app_commands.describe(
        channel="Where the digest goes",
        thread="Post one summary message, with the stories in a thread under it",
    )
    @manage_server
    async def channel(
        self, interaction: discord.Interaction, channel: discord.TextChannel, thread: bool = False
    ) -> None:
        """Set the digest channel, and whether the stories go in a thread."""
        guild_id = _guild_id(interaction)
        if thread:
            _check_thread_permissions(channel)
        await self.bot.guild_settings.set_digest_channel(guild_id, channel.id, thread=thread)
        config = await self.bot.guild_settings.get(guild_id)
        shape = " as a summary with the stories in a thread" if thread else ""
        await self._say(
            interaction, f"The digest goes to {channel.mention}{shape}. {_when(config)}"
        )

    @app_commands.command(name="time", description="Post the digest every day at this local time")
    @app_commands.describe(
        time="24-hour time, like 08:00", timezone="Time zone, like Europe/Berlin"
    )
    @manage_server
    async def time(
        self, interaction: discord.Interaction, time: str, timezone: str = "UTC"
    ) -> None:
        """Schedule the daily digest."""
        guild_id = _guild_id(interaction)
        at, zone = parse_time(time), parse_timezone(timezone)
        first = next_run(self.bot.clock(), at, zone)
        await self.bot.guild_settings.set_schedule(guild_id, f"{at:%H:%M}", zone.key, first)
        self.bot.scheduler.wake()
        config = await self.bot.guild_settings.get(guild_id)
        await self._say(interaction, f"{_when(config)} {_where(config)}")

    @time.autocomplete("timezone")
    async def _timezone_choices(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        needle = current.strip().lower().replace(" ", "_")
        names = [n for n in _zone_names() if needle in n.lower()][:AUTOCOMPLETE_CHOICES]
        return [app_commands.Choice(name=n, value=n) for n in names]

    @app_commands.command(name="watch", description="Queue the links people post in a channel")
    @app_commands.describe(channel="The channel to watch for links")
    @manage_server
    async def watch(self, interaction: discord.Interaction, channel: discord.TextChannel) -> None:
        """Watch a channel for links."""
        await self.bot.guild_settings.set_watch_channel(_guild_id(interaction), channel.id)
        text = f"Links posted in {channel.mention} will be queued for the digest."
        if not self.bot.intents.message_content:
            text += (
                " Without the Message Content intent I only see links in messages that"
                " mention me; the bot's owner can turn it on."
            )
        await self._say(interaction, text)

    @app_commands.command(name="add", description="Queue a link for the next digest")
    @app_commands.describe(url="Link to the article")
    async def add(self, interaction: discord.Interaction, url: str) -> None:
        """Queue one link (anyone may)."""
        guild_id = _guild_id(interaction)
        parse_link(url)
        link = url.strip()
        added = await self.bot.queue.add(
            guild_id, link, normalize_url(link), interaction.user.id, self.bot.clock()
        )
        waiting = len(await self.bot.queue.pending(guild_id))
        verdict = "Queued" if added else "Already queued"
        await self._say(interaction, f"{verdict}: <{link}> ({waiting} waiting).")

    @app_commands.command(name="show", description="Show the digest settings and the queue")
    async def show(self, interaction: discord.Interaction) -> None:
        """Settings and queued links, for anyone."""
        guild_id = _guild_id(interaction)
        config = await self.bot.guild_settings.get(guild_id)
        links = await self.bot.queue.pending(guild_id)
        lines = [_when(config), _where(config)]
        if failure := await self.bot.ledger.last_failure(guild_id):
            lines.append(f"The last digest could not be posted: {failure}")
        if config.watch_channel_id is not None:
            lines.append(f"Links posted in <#{config.watch_channel_id}> are queued.")
        if feeds := await self.bot.feeds.of_guild(guild_id):
            lines.append(f"{len(feeds)} feeds are read (/digest feed list).")
        lines.append(f"**Queue** ({len(links)}):" if links else "The queue is empty.")
        lines += [f"{n}. <{escape(link.url)}>" for n, link in enumerate(links, start=1)]
        await self._say(interaction, "\n".join(lines))

    @app_commands.command(name="remove", description="Take a link out of the queue")
    @app_commands.describe(url="The queued link")
    @manage_server
    async def remove(self, interaction: discord.Interaction, url: str) -> None:
        """Unqueue one link."""
        removed = await self.bot.queue.remove(_guild_id(interaction), normalize_url(url))
        if not removed:
            raise InputError("That link is not in the queue.")
        await self._say(interaction, f"Removed <{url.strip()}> from the queue.")

    @app_commands.command(name="now", description="Post the digest of the queued links now")
    @manage_server
    async def now(self, interaction: discord.Interaction) -> None:
        """Post an unscheduled digest in each channel with waiting links; the queued links go
        to the digest channel (or here when none is set)."""
        guild_id = _guild_id(interaction)
        config = await self.bot.guild_settings.get(guild_id)
        channel_id = config.digest_channel_id or interaction.channel_id
        if channel_id is None:
            raise InputError("Choose the digest channel first with /digest channel.")
        runs = await self.bot.scheduler.run_now(guild_id, channel_id)
        if not runs:
            raise InputError("The queue is empty; add links with /digest add first.")
        parts = [
            f"{len(await self.bot.ledger.items(run.id))} links in <#{run.channel_id}>"
            for run in runs
        ]
        await self._say(interaction, f"Posting the digest of {', '.join(parts)}.")

    feed = app_commands.Group(name="feed", description="News feeds read for the daily digest")

    @feed.command(name="add", description="Read a news feed (RSS or Atom) for a channel's digest")
    @app_commands.describe(
        url="The feed's address", channel="The channel whose digest gets it (default: this one)"
    )
    @manage_server
    async def feed_add(
        self, interaction: discord.Interaction, url: str, channel: ChannelOption = None
    ) -> None:
        """Follow a feed in a channel: checked now, its new entries in that channel's digest."""
        guild_id, channel_id = _feed_place(interaction, channel)
        link = url.strip()
        parse_link(link)
        page = await fetch_page(link, self.bot.digester.fetch_options, feed=True)
        if not looks_like_feed(page.body):
            raise InputError("That link is a web page, not an RSS or Atom feed.")
        parsed = await asyncio.to_thread(parse_feed, page.body, page.final_url)
        norm = normalize_url(link)
        config = await self.bot.guild_settings.get(guild_id)
        # A feed followed before feeds had channels may already post here.
        known = _followed_in(await self.bot.feeds.of_guild(guild_id), norm, channel_id, config)
        added = not known and await self.bot.feeds.add(
            guild_id, channel_id, link, norm, interaction.user.id, self.bot.clock()
        )
        if added:
            # The first poll learns the feed's backlog, so only new entries reach a digest.
            await self.bot.feed_poller.poll_due(guild_id)
        name = escape(parsed.title or link)
        verdict = "Now following" if added else "Already following"
        text = (
            f"{verdict} **{name}** (<{link}>) in <#{channel_id}>; its new entries go into"
            " that channel's daily digest."
        )
        await self._say(interaction, text)

    @feed.command(name="remove", description="Stop reading a news feed in a channel")
    @app_commands.describe(
        url="The feed's address", channel="The channel that follows it (default: this one)"
    )
    @manage_server
    async def feed_remove(
        self, interaction: discord.Interaction, url: str, channel: ChannelOption = None
    ) -> None:
        """Unfollow a feed in a channel; entries already queued stay queued."""
        guild_id, channel_id = _feed_place(interaction, channel)
        norm = normalize_url(url)
        config = await self.bot.guild_settings.get(guild_id)
        feeds = await self.bot.feeds.of_guild(guild_id)
        mine = _followed_in(feeds, norm, channel_id, config)
        if not mine or not await self.bot.feeds.remove(guild_id, mine[0].channel_id, norm):
            where = ", ".join(_mention(_channel_of(f, config)) for f in feeds if f.norm_url == norm)
            elsewhere = f" It is followed in {where}; name that channel." if where else ""
            raise InputError(f"<#{channel_id}> does not follow that feed.{elsewhere}")
        await self._say(interaction, f"<#{channel_id}> no longer follows <{url.strip()}>.")

    @feed.command(name="list", description="The news feeds read for the daily digests")
    @app_commands.describe(channel="Only this channel's feeds (default: all, by channel)")
    @manage_server
    async def feed_list(
        self, interaction: discord.Interaction, channel: ChannelOption = None
    ) -> None:
        """The server's feeds by channel (or one channel's), and how each is doing."""
        guild_id = _guild_id(interaction)
        config = await self.bot.guild_settings.get(guild_id)
        by_channel: dict[int | None, list[WatchedFeed]] = {}
        for feed in await self.bot.feeds.of_guild(guild_id):
            by_channel.setdefault(_channel_of(feed, config), []).append(feed)
        if channel is not None:
            by_channel = {channel.id: by_channel.get(channel.id, [])}
        if not any(by_channel.values()):
            await self._say(interaction, "No feeds yet; add one with /digest feed add.")
            return
        lines = []
        for channel_id, feeds in by_channel.items():
            lines.append(f"**Feeds for {_mention(channel_id)}** ({len(feeds)}):")
            for n, feed in enumerate(feeds, start=1):
                title = f"{escape(feed.title)} " if feed.title else ""
                line = f"{n}. {title}<{escape(feed.url)}>"
                if feed.failures:
                    line += (
                        f" — failing ({feed.failures} in a row: {escape(feed.last_error or '')})"
                    )
                lines.append(line)
        await self._say(interaction, "\n".join(lines))

    @app_commands.command(name="off", description="Stop the daily digest and the link watcher")
    @manage_server
    async def off(self, interaction: discord.Interaction) -> None:
        """Turn the schedule and the watcher off; the queue stays."""
        guild_id = _guild_id(interaction)
        await self.bot.guild_settings.turn_off(guild_id)
        waiting = len(await self.bot.queue.pending(guild_id))
        await self._say(
            interaction,
            f"The daily digest and the link watcher are off; {waiting} queued links are kept.",
        )


async def setup(bot: DigestBot) -> None:
    """Extension entry point."""
    await bot.add_cog(DigestCommands(bot))
