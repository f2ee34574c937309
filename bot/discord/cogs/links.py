"""The link watcher: links posted in a server's watched channel are queued for its digest."""

from __future__ import annotations

import contextlib
import logging
from typing import TYPE_CHECKING

import discord
from discord.ext import commands

from bot.discord.urls import find_links
from bot.store.queue import QueueFullError
from summarizers.fetch import normalize_url

if TYPE_CHECKING:
    from bot.discord.app import DigestBot

log = logging.getLogger(__name__)

QUEUED_REACTION = "📥"


class Links(commands.Cog):
    """Watches channels for links.

    Reading message text needs the privileged Message Content intent; without it Discord
    still sends the text of messages that mention the bot, so those links are queued.
    """

    def __init__(self, bot: DigestBot) -> None:
        self.bot = bot

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        """Queue the links of a message in a watched channel."""
        if message.guild is None or message.author.bot or message.webhook_id is not None:
            return
        guild_id = await self.bot.guild_settings.watched_by(message.channel.id)
        if guild_id != message.guild.id:
            return
        found = find_links(message.content, self.bot.settings.max_links_per_message)
        added = 0
        for link in found.links:
            try:
                added += await self.bot.queue.add(
                    guild_id, link, normalize_url(link), message.author.id, self.bot.clock()
                )
            except QueueFullError:
                log.warning("server %s: digest queue full, link not queued", guild_id)
                break
        if added:
            await self._acknowledge(message)

    async def _acknowledge(self, message: discord.Message) -> None:
        # Add Reactions may be denied; the link is queued all the same.
        with contextlib.suppress(discord.HTTPException):
            await message.add_reaction(QUEUED_REACTION)


async def setup(bot: DigestBot) -> None:
    """Extension entry point."""
    await bot.add_cog(Links(bot))
