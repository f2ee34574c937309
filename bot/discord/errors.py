"""Turning failures into one plain, ephemeral sentence at the command boundary."""

from __future__ import annotations

import logging
import math
import sqlite3

import discord
from discord import app_commands

from bot.discord.answers import defer, delete_placeholder, describe, follow_up, is_gone, respond
from summarizers.errors import DigestbotError

log = logging.getLogger(__name__)

_PUBLIC_DEFER = "digestbot.public_defer"
UNEXPECTED = "Something went wrong on my side; please try again later."
STORAGE_BUSY = "My database is busy; please try again in a minute."

# Discord's names for the permissions a command may check, as people see them in the app.
_PERMISSION_NAMES = {"manage_guild": "Manage Server", "manage_channels": "Manage Channels"}


def _permissions(names: list[str]) -> str:
    shown = [_PERMISSION_NAMES.get(n, n.replace("_", " ").title()) for n in names]
    return " and ".join(shown) + (" permissions" if len(shown) > 1 else " permission")


def user_message(error: BaseException) -> str:
    """The one sentence a user sees for `error` (commands' wrapper errors are unwrapped)."""
    if isinstance(error, app_commands.CommandInvokeError):
        error = error.original
    if isinstance(error, DigestbotError):
        return str(error)
    if isinstance(error, app_commands.CommandOnCooldown):
        wait = max(1, math.ceil(error.retry_after))
        return f"Please wait {wait} second{'s' if wait != 1 else ''} before trying that again."
    if isinstance(error, app_commands.MissingPermissions):
        return f"You need the {_permissions(error.missing_permissions)} to do that."
    if isinstance(error, app_commands.BotMissingPermissions):
        return f"I need the {_permissions(error.missing_permissions)} here to do that."
    if isinstance(error, app_commands.NoPrivateMessage):
        return "That only works in a server, not in direct messages."
    if isinstance(error, app_commands.TransformerError):
        return "I could not understand one of the options; please pick it from the list."
    if isinstance(error, discord.Forbidden):
        return "Discord did not let me do that; please check my permissions in that channel."
    if isinstance(error, discord.NotFound):
        return "That channel or message no longer exists."
    if getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_BUSY:
        return STORAGE_BUSY
    return UNEXPECTED


async def reply_error(interaction: discord.Interaction, error: BaseException) -> None:
    """Tell the user what went wrong, only them, in one sentence; log what was unexpected."""
    original = error.original if isinstance(error, app_commands.CommandInvokeError) else error
    if is_gone(original):
        # Not acknowledged within 3 s, or the token expired: Discord takes no answer now.
        log.warning("%s could not be answered: %s", describe(interaction), original)
        return
    text = user_message(error)
    if text == UNEXPECTED:
        log.error("command %s failed", describe(interaction), exc_info=error)
    try:
        if not interaction.response.is_done():
            await respond(interaction, text)
            return
        if _deferred_publicly(interaction):
            # The public "thinking…" placeholder would otherwise show the error to everyone.
            await delete_placeholder(interaction)
        await follow_up(interaction, content=text, ephemeral=True)
    except discord.HTTPException as exc:
        log.warning("could not tell %s about an error (%s): %s", describe(interaction), exc, text)


async def defer_publicly(interaction: discord.Interaction) -> None:
    """Acknowledge at once (Discord allows 3 s) with a public "thinking…" placeholder."""
    interaction.extras[_PUBLIC_DEFER] = True
    await defer(interaction)


def _deferred_publicly(interaction: discord.Interaction) -> bool:
    # discord.py does not remember how a response was deferred; `defer_publicly` notes it.
    return interaction.extras.get(_PUBLIC_DEFER) is True


class DigestTree(app_commands.CommandTree):
    """The command tree: every command error ends as one ephemeral sentence."""

    async def on_error(
        self, interaction: discord.Interaction, error: app_commands.AppCommandError
    ) -> None:
        """Answer the user instead of logging a traceback only."""
        await reply_error(interaction, error)
