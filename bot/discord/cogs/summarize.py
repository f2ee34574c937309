"""/summarize and the "Summarize links" message menu: digests posted where they were asked."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord.answers import follow_up, token_deadline
from bot.discord.errors import defer_publicly
from bot.discord.urls import find_links
from bot.render.embeds import Failure, failure_embeds, pack, story_embed
from summarizers.errors import InputError
from summarizers.fetch.urls import parse_link
from summarizers.models import Digest
from summarizers.pipeline import MAX_POINTS, MIN_POINTS

if TYPE_CHECKING:
    from bot.discord.app import DigestBot


def _bot(interaction: discord.Interaction) -> DigestBot:
    return cast("DigestBot", interaction.client)


def _cooldown(interaction: discord.Interaction) -> app_commands.Cooldown | None:
    """One summary per user per DIGESTBOT_SUMMARIZE_COOLDOWN seconds (0: no limit)."""
    seconds = _bot(interaction).settings.summarize_cooldown
    return app_commands.Cooldown(1, seconds) if seconds > 0 else None


per_user_cooldown = app_commands.checks.dynamic_cooldown(_cooldown, key=lambda i: i.user.id)


class Summarize(commands.Cog):
    """Summaries on request."""

    def __init__(self, bot: DigestBot) -> None:
        self.bot = bot
        self.menu = app_commands.ContextMenu(name="Summarize links", callback=self.summarize_links)
        per_user_cooldown(self.menu)

    async def cog_load(self) -> None:
        """Context menus live outside cogs in discord.py: register it with the tree."""
        self.bot.tree.add_command(self.menu)

    async def cog_unload(self) -> None:
        """Take the menu away with the cog."""
        self.bot.tree.remove_command(self.menu.name, type=self.menu.type)

    @app_commands.command(
        name="summarize", description="Summarise a news article: key points and quotes."
    )
    @app_commands.describe(
        url="Link to the article",
        points="Number of key points (default: by length)",
        llm="Rewrite with the language model (default: when the bot has one)",
    )
    @per_user_cooldown
    async def summarize(
        self,
        interaction: discord.Interaction,
        url: str,
        points: app_commands.Range[int, MIN_POINTS, MAX_POINTS] | None = None,
        llm: bool | None = None,
    ) -> None:
        """Fetch and summarise one link; the digest is posted as an embed."""
        parse_link(url)  # a bad link is refused at once, before anything is posted
        link = url.strip()
        await defer_publicly(interaction)
        digester = self.bot.digester
        digest = await digester.digest(
            link,
            points=points,
            llm=llm,
            deadline=token_deadline(interaction, reserve=digester.reserve),
        )
        await follow_up(
            interaction, embed=story_embed(digest), allowed_mentions=discord.AllowedMentions.none()
        )

    async def summarize_links(
        self, interaction: discord.Interaction, message: discord.Message
    ) -> None:
        """Summarise every link in a message (up to DIGESTBOT_MAX_LINKS_PER_MESSAGE)."""
        found = find_links(message.content, self.bot.settings.max_links_per_message)
        if not found.links:
            raise InputError("That message has no web links to summarise.")
        await defer_publicly(interaction)
        digester = self.bot.digester
        results = await digester.digest_many(
            found.links, deadline=token_deadline(interaction, reserve=digester.reserve)
        )
        digests = [r for r in results if isinstance(r, Digest)]
        failures = [r for r in results if isinstance(r, Failure)]
        if not digests:
            raise InputError(_none_worked(failures))
        note = ""
        if found.total > len(found.links):
            note = f"-# Only the first {len(found.links)} of {found.total} links were summarised."
        groups = pack([*map(story_embed, digests), *failure_embeds(failures)])
        for number, group in enumerate(groups):
            await follow_up(
                interaction,
                content=note if number == 0 else "",
                embeds=group,
                allowed_mentions=discord.AllowedMentions.none(),
            )


def _none_worked(failures: list[Failure]) -> str:
    if len(failures) == 1:
        return failures[0].reason
    return (
        f"None of those {len(failures)} links could be summarised; the first: {failures[0].reason}"
    )


async def setup(bot: DigestBot) -> None:
    """Extension entry point."""
    await bot.add_cog(Summarize(bot))
