"""The explicit command sync for the bot's owner: "@digestbot sync" in any channel."""

from __future__ import annotations

from typing import TYPE_CHECKING

from discord.ext import commands

if TYPE_CHECKING:
    from bot.discord.app import DigestBot


class Admin(commands.Cog):
    """Owner-only maintenance, for when DIGESTBOT_SYNC_COMMANDS=false."""

    def __init__(self, bot: DigestBot) -> None:
        self.bot = bot

    @commands.command(name="sync")
    @commands.is_owner()
    async def sync(self, ctx: commands.Context[DigestBot]) -> None:
        """Register the slash commands with Discord now."""
        synced = await self.bot.tree.sync()
        await ctx.reply(f"Synced {len(synced)} commands.", mention_author=False)


async def setup(bot: DigestBot) -> None:
    """Extension entry point."""
    await bot.add_cog(Admin(bot))
