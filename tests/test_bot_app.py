"""The bot's construction: no token, intents, mentions off, and pointing at a stand-in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yarl
from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot.discord.app import Endpoints, StorageError, create_bot, run_bot
from bot.settings import Settings


def test_run_without_a_token_says_what_to_set(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_bot(Settings(discord_token="")) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and "DISCORD_TOKEN" in captured.err
    assert "Traceback" not in captured.err


async def test_bot_asks_only_for_the_intents_it_needs(tmp_path: Path) -> None:
    settings = Settings(discord_token="t", db_path=str(tmp_path / "b.sqlite3"))
    bot = create_bot(settings)
    assert bot.intents.guilds and bot.intents.guild_messages
    assert not bot.intents.message_content
    assert not bot.intents.members and not bot.intents.presences
    mentions = bot.allowed_mentions
    assert mentions is not None and mentions.to_dict() == {"parse": []}
    watcher = create_bot(Settings(discord_message_content=True, db_path=settings.db_path))
    assert watcher.intents.message_content
    await bot.close()
    await watcher.close()


async def test_the_clock_is_injectable(tmp_path: Path) -> None:
    moment = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)
    bot = create_bot(Settings(db_path=str(tmp_path / "b.sqlite3")), clock=lambda: moment)
    assert bot.scheduler.clock() == moment
    await bot.close()


def pointed() -> tuple[str, yarl.URL]:
    """Where discord.py connects right now."""
    return Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY


def test_endpoints_point_discord_py_elsewhere() -> None:
    before = pointed()
    try:
        Endpoints("", "").apply()  # the defaults change nothing
        assert pointed() == before
        Endpoints("http://127.0.0.1:9/api/v10/", "ws://127.0.0.1:9/gateway").apply()
        assert Route("GET", "/users/@me").url == "http://127.0.0.1:9/api/v10/users/@me"
        assert pointed()[1] == yarl.URL("ws://127.0.0.1:9/gateway")
    finally:
        Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = before


async def test_the_llm_rewriter_is_made_only_when_configured(tmp_path: Path) -> None:
    db_path = str(tmp_path / "b.sqlite3")
    plain = create_bot(Settings(db_path=db_path))
    assert plain.rewriter is None and plain.digester.rewriter is None
    llm = create_bot(
        Settings(
            db_path=db_path,
            openai_api_key="k",
            llm_model="some-model",
            openai_base_url="http://127.0.0.1:9/v1",
        )
    )
    assert llm.rewriter is not None and llm.digester.rewriter is llm.rewriter
    await plain.close()
    await llm.close()


async def test_an_unusable_database_is_a_one_sentence_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    bot = create_bot(Settings(db_path=str(blocker / "bot.sqlite3")))
    with pytest.raises(StorageError, match=r"^Could not open the database .*\.$"):
        await bot.setup_hook()
    await bot.close()
