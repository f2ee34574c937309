"""End to end through the Discord stand-in: READY, /summarize, the "Summarize links" menu,
errors and mentions. The real bot, the real discord.py client, real pages on 127.0.0.1."""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import os
import signal
import sys
import time
from pathlib import Path

import pytest

from bot.discord.digester import Digester
from summarizers.fetch.article import article_from_page
from summarizers.models import Digest, Page
from summarizers.pipeline import summarize
from tests.discord_stub import DiscordStub
from tests.discord_stub.bot_harness import (
    ANSWER_TIMEOUT,
    BRIDGE_STORY,
    SITE,
    article_html,
    assert_nobody_pinged,
    e2e_world,
    embed_text,
)
from tests.discord_stub.payloads import JSON
from tests.discord_stub.state import StoredMessage
from tests.discord_stub.world import INTENT_MESSAGE_CONTENT, PRIVILEGED_INTENTS

START = dt.datetime(2026, 11, 26, 12, 0, tzinfo=dt.UTC)
HEADLINE = "Council votes to rebuild harbour bridge"
DEADLINE = 3.0  # Discord's window for the first answer to an interaction

SCHOOL_STORY = (
    "The education board approved a plan on Monday to open two new primary schools in the "
    "northern suburbs by the autumn of next year.",
    "“Families have waited far too long for places close to home,” said board chair Maria "
    "Lopez at the meeting.",
    "The schools will take 800 pupils between them and will be built on land the city bought "
    "from a former rail depot.",
    "Parents' groups welcomed the decision but asked for safe cycle routes to both sites "
    "before the first term starts.",
    "The board will publish the admission rules in January, with applications opening in February.",
)

MENTION_STORY = (
    "@everyone should read this: the ferry company cut its winter timetable on Friday, "
    "leaving islanders with two crossings a day.",
    "“We had no choice after fuel prices rose again,” said <@123>, the company's chief "
    "executive, in a statement to <@&456>.",
    "Islanders said the change would make it hard to reach jobs and schools on the mainland, "
    "and @here a petition has gathered 3,000 names.",
    "The regional transport office said it would review the ferry contract before the "
    "summer season begins.",
)


def field_pairs(embed: JSON) -> list[tuple[str, str]]:
    """(name, value) of every field of an embed."""
    return [(f["name"], f["value"]) for f in embed.get("fields") or []]


def assert_digest_embed(embed: JSON, expected: Digest, url: str) -> None:
    """The embed shows the digest: linked headline, site and date, points, quotes, method."""
    assert expected.headline and len(expected.points) >= 2 and expected.quotes
    assert expected.headline in embed["title"]
    assert embed["url"] == url
    author = embed.get("author", {}).get("name", "")
    assert SITE in author and "2026" in author
    for point in expected.points:
        assert point in embed["description"]
    fields = field_pairs(embed)
    for quote in expected.quotes:
        shown = quote.text.rstrip().rstrip(",;:")  # the comma before "he said" is not shown
        assert any(
            shown in value and value.startswith(">") and (quote.speaker or "") in name
            for name, value in fields
        ), f"quote {quote.text!r} by {quote.speaker!r} missing from {fields}"
    assert expected.method in embed.get("footer", {}).get("text", "")


async def test_ready_registers_the_commands_with_only_the_needed_intents(tmp_path: Path) -> None:
    async with e2e_world(tmp_path, START) as world, world.bot() as bot:
        stub = world.stub
        assert bot.user is not None and bot.user.id == stub.world.bot.id
        assert bot.get_guild(stub.world.guild.id) is not None
        commands = {c["name"]: c for c in stub.state.global_commands}
        assert commands["summarize"]["type"] == 1
        assert {o["name"] for o in commands["summarize"]["options"]} >= {"url", "points", "llm"}
        assert commands["Summarize links"]["type"] == 3
        subcommands = {o["name"] for o in commands["digest"]["options"]}
        assert subcommands >= {"channel", "time", "watch", "add", "show", "remove", "now", "off"}
        # Message Content is the only privileged intent, and only because it was enabled.
        assert stub.gateway.intents & PRIVILEGED_INTENTS == INTENT_MESSAGE_CONTENT
        assert stub.unhandled() == []  # the stand-in serves everything the bot asked for


async def interrupt(process: asyncio.subprocess.Process, sig: int = signal.SIGINT) -> str:
    """Ctrl-C (or `sig`) the process and wait for it to end (killed if it will not); stderr."""
    if process.returncode is None:
        process.send_signal(sig)
    try:
        _, stderr = await asyncio.wait_for(process.communicate(), ANSWER_TIMEOUT)
    except TimeoutError:
        process.kill()
        _, stderr = await process.communicate()
        raise AssertionError(f"still running after Ctrl-C: {stderr.decode()[-2000:]}") from None
    return stderr.decode()


async def start_digestbot_run(stub: DiscordStub, tmp_path: Path) -> asyncio.subprocess.Process:
    """`digestbot run` as a process configured by the environment, pointed at the stand-in."""
    env = {
        **os.environ,
        "DISCORD_TOKEN": stub.token,
        "DIGESTBOT_DISCORD_API_BASE": stub.api_base,
        "DIGESTBOT_DISCORD_GATEWAY_URL": stub.gateway_url,
        "DIGESTBOT_DB": str(tmp_path / "digestbot.sqlite3"),
        "DIGESTBOT_ALLOW_HOSTS": "127.0.0.1",
    }
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "run", cwd=tmp_path, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
async def test_digestbot_run_stops_cleanly_on_a_signal_right_after_connecting(
    tmp_path: Path, sig: int
) -> None:
    async with DiscordStub(heartbeat_interval_ms=100) as stub:
        process = await start_digestbot_run(stub, tmp_path)
        try:
            await stub.wait_ready(ANSWER_TIMEOUT)
        finally:
            stderr = await interrupt(process, sig)
        assert process.returncode == 0, stderr[-2000:]
        assert "Traceback" not in stderr


async def test_digestbot_run_connects_syncs_and_stops_on_interrupt(tmp_path: Path) -> None:
    """`digestbot run` as people start it: a process configured by the environment."""
    async with DiscordStub(heartbeat_interval_ms=100) as stub:
        process = await start_digestbot_run(stub, tmp_path)
        try:
            await stub.wait_ready(ANSWER_TIMEOUT)
            await stub.state.wait_for(lambda: stub.state.global_commands, ANSWER_TIMEOUT)
            # Heartbeats after GUILD_CREATE: the bot keeps running until told to stop.
            ready_at = max(f.time for f in stub.frames if f.t == "GUILD_CREATE")
            await stub.state.wait_for(
                lambda: len([f for f in stub.frames if f.op == 1 and f.time > ready_at]) >= 2,
                ANSWER_TIMEOUT,
            )
        finally:
            stderr = await interrupt(process)
        assert process.returncode == 0, stderr[-2000:]
        assert "Traceback" not in stderr
        assert {c["name"] for c in stub.state.global_commands} >= {"summarize", "digest"}


async def test_summarize_is_deferred_in_time_and_posts_the_digest_embed(tmp_path: Path) -> None:
    async with e2e_world(tmp_path, START) as world:
        url = world.article("/bridge", HEADLINE, BRIDGE_STORY)
        expected = await Digester(world.settings).digest(url)
        async with world.bot():
            interaction = await world.stub.dispatch_interaction(
                "summarize", {"url": url}, user="reader"
            )
            message = await world.stub.wait_for_response(interaction, ANSWER_TIMEOUT)
        assert interaction.response_type == 5  # deferred: the fetch may take longer than 3 s
        assert interaction.response_delay is not None and interaction.response_delay < DEADLINE
        assert not message.ephemeral
        assert len(message.embeds) == 1
        assert_digest_embed(message.embeds[0], expected, url)
        assert world.stub.messages_in("general") == [message]
        assert_nobody_pinged(world.stub)


async def test_summarize_still_answered_after_the_gateway_dropped(tmp_path: Path) -> None:
    async with e2e_world(tmp_path, START) as world:
        url = world.article("/bridge", HEADLINE, BRIDGE_STORY)
        async with world.bot():
            await world.stub.drop_connection()
            await world.stub.state.wait_for(
                lambda: any(f.t == "RESUMED" for f in world.stub.frames), ANSWER_TIMEOUT
            )
            interaction = await world.stub.dispatch_interaction("summarize", {"url": url})
            message = await world.stub.wait_for_response(interaction, ANSWER_TIMEOUT)
        assert interaction.response_delay is not None and interaction.response_delay < DEADLINE
        assert message.embeds and message.embeds[0]["url"] == url


async def test_summarize_points_option_sets_the_number_of_key_points(tmp_path: Path) -> None:
    async with e2e_world(tmp_path, START) as world:
        url = world.article("/bridge", HEADLINE, BRIDGE_STORY)
        async with world.bot():
            answer = await world.command("summarize", {"url": url, "points": 2}, user="reader")
        assert answer.embeds[0]["description"].count("• ") == 2


async def test_summarize_cooldown_is_per_user(tmp_path: Path) -> None:
    async with e2e_world(tmp_path, START, summarize_cooldown=60.0) as world:
        url = world.article("/bridge", HEADLINE, BRIDGE_STORY)
        async with world.bot():
            first = await world.command("summarize", {"url": url}, user="reader")
            again = await world.command("summarize", {"url": url}, user="reader")
            other = await world.command("summarize", {"url": url}, user="moderator")
        assert first.embeds and not first.ephemeral
        assert again.ephemeral and not again.embeds and again.content
        assert other.embeds and not other.ephemeral


async def test_summarize_links_menu_caps_the_links_per_message(tmp_path: Path) -> None:
    async with e2e_world(tmp_path, START, max_links_per_message=1) as world:
        bridge = world.article("/bridge", HEADLINE, BRIDGE_STORY)
        schools = world.article("/schools", "Two new primary schools approved", SCHOOL_STORY)
        async with world.bot():
            target = await world.stub.dispatch_message("general", f"{bridge} {schools}")
            menu = await world.stub.dispatch_message_command("Summarize links", target)
            answer = await world.stub.wait_for_response(menu, ANSWER_TIMEOUT)
        assert [e["url"] for e in answer.embeds] == [bridge]
        assert not [r for r in world.web.requests if r.path == "/schools"]  # never fetched


async def test_summarize_error_is_one_private_sentence(tmp_path: Path) -> None:
    async with e2e_world(tmp_path, START) as world, world.bot():
        missing = world.web.url("/no-such-story")
        interaction = await world.stub.dispatch_interaction("summarize", {"url": missing})
        await world.stub.state.wait_for(
            lambda: world.stub.messages_in("general", ephemeral=True), ANSWER_TIMEOUT
        )
        [answer] = world.stub.messages_in("general", ephemeral=True)
        assert interaction.response_delay is not None and interaction.response_delay < DEADLINE
        assert world.stub.messages_in("general", ephemeral=False) == []
        text = answer.content
        assert text and "\n" not in text and "Traceback" not in text and not answer.embeds
        assert text.endswith(".") and text.count(". ") == 0, text


async def test_summarize_links_menu_digests_every_link_of_the_message(tmp_path: Path) -> None:
    async with e2e_world(tmp_path, START) as world:
        bridge = world.article("/bridge", HEADLINE, BRIDGE_STORY)
        schools = world.article("/schools", "Two new primary schools approved", SCHOOL_STORY)
        async with world.bot():
            target = await world.stub.dispatch_message(
                "general", f"Worth reading: {bridge} and also <{schools}>.", author="reader"
            )
            interaction = await world.stub.dispatch_message_command(
                "Summarize links", target, user="reader"
            )
            await world.stub.wait_for_response(interaction, ANSWER_TIMEOUT)
            answers = await world.stub.state.wait_for(
                lambda: _embeds_of(world.stub.messages_in("general"), 2), ANSWER_TIMEOUT
            )
        assert interaction.response_delay is not None and interaction.response_delay < DEADLINE
        assert [e["url"] for e in answers] == [bridge, schools]
        assert HEADLINE in answers[0]["title"]
        assert "schools" in answers[1]["title"].lower()
        assert_nobody_pinged(world.stub)


def _embeds_of(messages: list[StoredMessage], count: int) -> list[JSON] | None:
    embeds = [e for m in messages for e in m.embeds]
    return embeds if len(embeds) >= count else None


async def test_mentions_in_an_article_ping_nobody(tmp_path: Path) -> None:
    async with e2e_world(tmp_path, START) as world:
        url = world.article("/ferry", "@everyone Ferry timetable cut <@&456>", MENTION_STORY)
        async with world.bot():
            interaction = await world.stub.dispatch_interaction("summarize", {"url": url})
            message = await world.stub.wait_for_response(interaction, ANSWER_TIMEOUT)
            target = await world.stub.dispatch_message("general", f"ferry news {url} <@123>")
            menu = await world.stub.dispatch_message_command("Summarize links", target)
            await world.stub.wait_for_response(menu, ANSWER_TIMEOUT)
        assert message.embeds and "Ferry timetable cut" in embed_text(message)
        assert_nobody_pinged(world.stub)


@pytest.mark.parametrize("command", ["digest channel", "digest now"])
async def test_configuring_needs_manage_server(tmp_path: Path, command: str) -> None:
    async with e2e_world(tmp_path, START) as world, world.bot():
        options = {"channel": world.stub.channel("news")} if command == "digest channel" else {}
        try:
            refused = await world.stub.dispatch_interaction(command, options, user="reader")
        except PermissionError:
            return  # Discord itself hides the command from people without the permission
        answer = await world.stub.wait_for_response(refused, ANSWER_TIMEOUT)
        assert world.stub.messages_in("general") == [answer]
        assert answer.ephemeral and "Manage Server" in answer.content
        show = await world.stub.dispatch_interaction("digest show", user="reader")
        shown = await world.stub.wait_for_response(show, ANSWER_TIMEOUT)
        assert f"<#{world.stub.channel('news').id}>" not in shown.content


def summary_seconds(url: str, html: str) -> float:
    """How long cleaning and summarising this page takes here, on the calling thread."""
    page = Page(url, url, 200, {"content-type": "text/html"}, html.encode(), "utf-8", "text/html")
    started = time.perf_counter()
    summarize(article_from_page(page))
    return time.perf_counter() - started


def heavy_article(url: str, at_least: float) -> tuple[str, float]:
    """A page long enough that summarising it (warm) takes `at_least` seconds, and that time."""
    copies = 30
    for _ in range(8):  # 30 → 7,680 copies at most, still under the bot's page size cap
        html = article_html(HEADLINE, [f"{p} ({n})" for n in range(copies) for p in BRIDGE_STORY])
        summary_seconds(url, html)  # the first run also pays for warming up
        took = summary_seconds(url, html)
        if took >= at_least:
            return html, took
        copies *= 2
    raise AssertionError(f"no page took {at_least} s to summarise; the test cannot tell")


async def test_heartbeats_keep_coming_while_a_long_article_is_summarised(tmp_path: Path) -> None:
    """The CPU-heavy cleaning and summarising run off the event loop: the gateway heartbeat
    (every 0.1 s here) keeps coming while a long article is summarised. Were the work on the
    loop, there would be one gap about as long as the work itself."""
    interval = 0.1
    options = {"heartbeat_interval_ms": int(interval * 1000)}
    async with e2e_world(tmp_path, START, stub_options=options) as world:
        url = world.web.url("/long")
        html, work = heavy_article(url, at_least=0.6)
        world.web.page("/long", html)
        async with world.bot():
            interaction = await world.stub.dispatch_interaction("summarize", {"url": url})
            message = await world.stub.wait_for_response(interaction, ANSWER_TIMEOUT)
        assert message.embeds
        answered = await world.stub.wait_for_request(
            lambda r: r.route == "/webhooks/{webhook_id}/{token}"
        )
        start, end = interaction.dispatched_at, answered.time
        beats = [f.time for f in world.stub.frames if f.direction == "in" and f.op == 1]
        marks = [start, *(t for t in beats if start < t < end), end]
        gap = max(later - earlier for earlier, later in itertools.pairwise(marks))
        assert gap < 2 * interval + 0.5 * work, f"no heartbeat for {gap:.2f} s ({work:.2f} s work)"
