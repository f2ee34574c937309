"""Answering a member's interaction while Discord still takes the answer.

An interaction must be acknowledged within 3 seconds; after that its token lets the bot send
followups for 15 minutes. Every answer here outlasts Discord's 429s until the token is about
to expire; an interaction Discord no longer knows cannot be answered at all, which is logged
instead of being tried again.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import discord

from bot.discord.retry import outlasting_429s

log = logging.getLogger(__name__)

TOKEN_MARGIN = 5.0  # seconds before the token's end when the bot stops trying
ACK_WINDOW = 3.0  # Discord's window for the first response
UNKNOWN_WEBHOOK = 10015
UNKNOWN_INTERACTION = 10062


def token_deadline(interaction: discord.Interaction, reserve: float = 0.0) -> float:
    """The event-loop time until which followups to `interaction` still reach the member,
    less `reserve` seconds (for work that must fit before the answer)."""
    left = (interaction.expires_at - discord.utils.utcnow()).total_seconds()
    return asyncio.get_running_loop().time() + left - TOKEN_MARGIN - reserve


def response_deadline(interaction: discord.Interaction) -> float:
    """The event-loop time until which the first response is still accepted."""
    waited = (discord.utils.utcnow() - interaction.created_at).total_seconds()
    return asyncio.get_running_loop().time() + ACK_WINDOW - waited


def is_gone(error: BaseException) -> bool:
    """Discord no longer knows the interaction: it expired, or was not acknowledged in time."""
    return isinstance(error, discord.NotFound) and error.code in (
        UNKNOWN_INTERACTION,
        UNKNOWN_WEBHOOK,
    )


def describe(interaction: discord.Interaction) -> str:
    """'/summarize (interaction 123, user 456)' for the log."""
    command = interaction.command
    name = command.qualified_name if command is not None else "(unknown)"
    return f"/{name} (interaction {interaction.id}, user {interaction.user.id})"


async def respond(interaction: discord.Interaction, text: str) -> None:
    """The first response: `text`, seen only by the member, through 429s while Discord's
    3-second window is open."""
    await outlasting_429s(
        lambda: interaction.response.send_message(text, ephemeral=True),
        deadline=response_deadline(interaction),
        what=f"response to {describe(interaction)}",
    )


async def defer(interaction: discord.Interaction, *, ephemeral: bool = False) -> None:
    """Acknowledge with a "thinking…" placeholder (public unless `ephemeral`), through 429s
    while the window is open."""
    await outlasting_429s(
        lambda: interaction.response.defer(thinking=True, ephemeral=ephemeral),
        deadline=response_deadline(interaction),
        what=f"acknowledging {describe(interaction)}",
    )


async def delete_placeholder(interaction: discord.Interaction) -> None:
    """Delete the deferred "thinking…" message, through 429s while the token lives."""
    await outlasting_429s(
        interaction.delete_original_response,
        deadline=token_deadline(interaction),
        what=f"clearing {describe(interaction)}",
    )


async def follow_up(interaction: discord.Interaction, **message: Any) -> None:
    """Send a followup (the first one replaces a deferred "thinking…"); logged and dropped
    when the token expired or Discord refused it with 429 until the end."""
    try:
        await outlasting_429s(
            lambda: interaction.followup.send(**message),
            deadline=token_deadline(interaction),
            what=f"answer to {describe(interaction)}",
        )
    except discord.HTTPException as error:
        if not (is_gone(error) or error.status == 429):
            raise
        log.warning("%s could not be answered any more (%s); dropped", describe(interaction), error)
