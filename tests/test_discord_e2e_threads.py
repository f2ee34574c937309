"""End to end through the Discord stand-in: the daily digest as one summary message with a
thread under it holding one message per story — refused in one sentence without the thread
permissions, and completed once after a restart in the middle of the thread."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import pytest

from tests.discord_stub.bot_harness import ANSWER_TIMEOUT, World, assert_nobody_pinged, e2e_world
from tests.discord_stub.limits import message_errors
from tests.discord_stub.state import StoredMessage
from tests.discord_stub.world import Role
from tests.story_cases import CASES

START = dt.datetime(2026, 3, 28, 12, 0, tzinfo=dt.UTC)
MESSAGES_ROUTE = "/channels/{channel_id}/messages"
CREATE_PUBLIC_THREADS = 1 << 35
SEND_MESSAGES_IN_THREADS = 1 << 38
SETTLE = 0.5


def grant_thread_permissions(world: World) -> None:
    """Give the bot a role with the two thread permissions (before it connects)."""
    guild = world.stub.world.guild
    role = Role(guild.id + 1000, "Digest threads", CREATE_PUBLIC_THREADS | SEND_MESSAGES_IN_THREADS)
    guild.roles.append(role)
    guild.member(world.stub.world.bot.id).role_ids.append(role.id)


def serve_stories(world: World, count: int) -> list[str]:
    texts = [(c.event_headline, c.event) for c in CASES] + [
        (c.other_headline, c.other) for c in CASES
    ]
    return [world.article(f"/story-{n}", *texts[n]) for n in range(count)]


async def queue_and_post(world: World, links: list[str]) -> None:
    for link in links:
        await world.command("digest add", {"url": link})
    await world.command("digest now")


def summary_and_thread(world: World) -> tuple[StoredMessage, list[StoredMessage]]:
    [summary] = world.stub.messages_in("news")
    return summary, world.stub.messages_in(summary.id)


async def wait_for_thread(world: World, links: list[str]) -> list[StoredMessage]:
    def complete() -> list[StoredMessage] | None:
        news = world.stub.messages_in("news")
        if not news:
            return None
        thread = world.stub.messages_in(news[0].id)
        shown = [e.get("url") for m in thread for e in m.embeds]
        return thread if all(link in shown for link in links) else None

    return await world.stub.state.wait_for(complete, ANSWER_TIMEOUT)


async def test_without_the_thread_permissions_threads_are_refused(tmp_path: Path) -> None:
    async with e2e_world(tmp_path, START) as world, world.bot():
        answer = await world.command(
            "digest channel", {"channel": world.stub.channel("news"), "thread": True}
        )
        assert (
            "Create Public Threads" in answer.content
            and "Send Messages in Threads" in answer.content
        )
        shown = await world.command("digest show")
        assert "No digest channel is set" in shown.content


async def test_the_digest_is_a_summary_with_one_thread_message_per_story(tmp_path: Path) -> None:
    async with e2e_world(tmp_path, START) as world:
        grant_thread_permissions(world)
        links = serve_stories(world, 3)
        async with world.bot() as bot:
            said = await world.command(
                "digest channel", {"channel": world.stub.channel("news"), "thread": True}
            )
            assert "in a thread" in said.content
            await queue_and_post(world, links)
            await wait_for_thread(world, links)
            await bot.scheduler.drain()
        summary, thread = summary_and_thread(world)
        assert not summary.embeds and "3 stories" in summary.content
        for n, case in enumerate(CASES[:3], start=1):
            assert f"{n}. {case.event_headline}" in summary.content
        # One message per story in the thread, in order, each within Discord's limits.
        assert [[e["url"] for e in m.embeds] for m in thread] == [[link] for link in links]
        assert all(message_errors(m.data) == [] for m in thread)
        assert_nobody_pinged(world.stub)


@pytest.mark.parametrize("discord_got_it", [False, True], ids=["lost", "unanswered"])
async def test_a_restart_mid_thread_posts_the_rest_once(
    tmp_path: Path, discord_got_it: bool
) -> None:
    async with e2e_world(tmp_path, START, stub_options={"nonce_window": 0}) as world:
        grant_thread_permissions(world)
        links = serve_stories(world, 4)
        async with world.bot():
            await world.command(
                "digest channel", {"channel": world.stub.channel("news"), "thread": True}
            )
            # The summary and the first story go out; the second story's post stalls.
            stall = world.stub.stall_next(
                "POST", MESSAGES_ROUTE, skip=2, after_handling=discord_got_it
            )
            await queue_and_post(world, links)
            await asyncio.wait_for(stall.reached.wait(), ANSWER_TIMEOUT)
        async with world.bot() as bot:
            await wait_for_thread(world, links)
            await bot.scheduler.drain()
            await asyncio.sleep(SETTLE)
        summary, thread = summary_and_thread(world)
        assert "4 stories" in summary.content  # one summary, never posted again
        assert [[e["url"] for e in m.embeds] for m in thread] == [[link] for link in links]
        assert len({m.content for m in thread}) == len(thread)
