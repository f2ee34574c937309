"""Command errors → the one plain sentence users see."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from types import SimpleNamespace

import discord
import pytest
from discord import app_commands

from bot.discord.errors import STORAGE_BUSY, UNEXPECTED, user_message
from bot.store.queue import QueueFullError
from summarizers.errors import FetchError, NotAnArticleError


@app_commands.command(description="A command to wrap errors with.")
async def probe(interaction: discord.Interaction) -> None:
    """Never run."""


def locked_database_error(path: Path) -> sqlite3.OperationalError:
    """The error SQLite gives a writer while another connection holds the file locked."""
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        sqlite3.connect(path, timeout=0).execute("CREATE TABLE t (x)")
    except sqlite3.OperationalError as error:
        return error
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    raise AssertionError("the write was not refused")


def http_error(kind: type[discord.HTTPException], status: int) -> discord.HTTPException:
    return kind(SimpleNamespace(status=status, reason="x"), "boom")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (NotAnArticleError("That page is behind a paywall."), "That page is behind a paywall."),
        (FetchError("That site took too long to answer."), "That site took too long to answer."),
        (
            app_commands.CommandInvokeError(probe, FetchError("That page was not found (404).")),
            "That page was not found (404).",
        ),
        (QueueFullError("The digest queue is full."), "The digest queue is full."),
        (
            app_commands.CommandOnCooldown(app_commands.Cooldown(1, 10), 7.2),
            "Please wait 8 seconds before trying that again.",
        ),
        (
            app_commands.CommandOnCooldown(app_commands.Cooldown(1, 10), 0.3),
            "Please wait 1 second before trying that again.",
        ),
        (
            app_commands.MissingPermissions(["manage_guild"]),
            "You need the Manage Server permission to do that.",
        ),
        (
            app_commands.BotMissingPermissions(["send_messages", "embed_links"]),
            "I need the Send Messages and Embed Links permissions here to do that.",
        ),
        (app_commands.NoPrivateMessage(), "That only works in a server, not in direct messages."),
        (
            http_error(discord.Forbidden, 403),
            "Discord did not let me do that; please check my permissions in that channel.",
        ),
        (http_error(discord.NotFound, 404), "That channel or message no longer exists."),
        (ZeroDivisionError("division by zero"), UNEXPECTED),
        (app_commands.CommandInvokeError(probe, KeyError("secret")), UNEXPECTED),
    ],
)
def test_user_message(error: BaseException, expected: str) -> None:
    assert user_message(error) == expected


def test_a_locked_database_is_a_busy_database(tmp_path: Path) -> None:
    assert user_message(locked_database_error(tmp_path / "bot.sqlite3")) == STORAGE_BUSY


def test_unexpected_errors_never_leak_internals() -> None:
    text = user_message(RuntimeError("Traceback: token=abc at /srv/bot.py line 3"))
    assert "token" not in text and "Traceback" not in text
    assert text.count(".") == 1 and text.endswith(".")
