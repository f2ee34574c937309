"""End to end through the Discord stand-in: every member is answered, through 429s and a
busy bot. discord.py retries a 429 five times by itself; the bot keeps going after that."""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
from pathlib import Path

import pytest

from bot.discord.workload import BUSY
from tests.discord_stub.bot_harness import ANSWER_TIMEOUT, BRIDGE_STORY, e2e_world

START = dt.datetime(2026, 11, 26, 12, 0, tzinfo=dt.UTC)
DEADLINE = 3.0
CALLBACK_ROUTE = "/interactions/{interaction_id}/{token}/callback"
FOLLOWUP_ROUTE = "/webhooks/{webhook_id}/{token}"
MORE_THAN_DISCORD_PY_RETRIES = 7


@pytest.mark.parametrize("page", ["/bridge", "/missing"], ids=["digest", "error"])
async def test_followups_refused_with_429_again_and_again_still_arrive(
    tmp_path: Path, page: str
) -> None:
    async with e2e_world(tmp_path, START) as world:
        world.article("/bridge", "Council votes to rebuild harbour bridge", BRIDGE_STORY)
        world.stub.rate_limit_next(
            "POST", FOLLOWUP_ROUTE, count=MORE_THAN_DISCORD_PY_RETRIES, retry_after=0.1
        )
        async with world.bot():
            interaction = await world.stub.dispatch_interaction(
                "summarize", {"url": world.web.url(page)}
            )
            answer = await world.stub.wait_for_response(interaction, ANSWER_TIMEOUT)
    followups = [r for r in world.stub.requests if r.route == FOLLOWUP_ROUTE]
    assert [r.status for r in followups] == [429] * MORE_THAN_DISCORD_PY_RETRIES + [200]
    gaps = [b.time - a.time for a, b in itertools.pairwise(followups)]
    assert min(gaps) >= 0.1  # every retry waited the retry_after Discord asked for
    if page == "/bridge":
        assert answer.embeds and not answer.ephemeral
    else:
        assert answer.ephemeral and answer.content and "\n" not in answer.content


async def test_an_acknowledgement_refused_with_429_is_retried_within_the_window(
    tmp_path: Path,
) -> None:
    async with e2e_world(tmp_path, START) as world:
        url = world.article("/bridge", "Council votes to rebuild harbour bridge", BRIDGE_STORY)
        world.stub.rate_limit_next("POST", CALLBACK_ROUTE, count=6, retry_after=0.1)
        async with world.bot():
            interaction = await world.stub.dispatch_interaction("summarize", {"url": url})
            answer = await world.stub.wait_for_response(interaction, ANSWER_TIMEOUT)
    assert interaction.response_delay is not None and interaction.response_delay < DEADLINE
    statuses = [r.status for r in world.stub.requests if r.route == CALLBACK_ROUTE]
    assert statuses[:-1] == [429] * 6 and 200 <= statuses[-1] < 300
    assert answer.embeds


async def test_a_member_is_told_when_the_bot_is_too_busy(tmp_path: Path) -> None:
    """One turn and no backlog: while one slow page is summarised, the next member gets one
    private sentence instead of waiting in silence."""
    async with e2e_world(tmp_path, START, digest_concurrency=1, summarize_backlog=0) as world:
        slow = world.web.slow("/slow", 1.5, body="<p>late</p>")
        url = world.article("/bridge", "Council votes to rebuild harbour bridge", BRIDGE_STORY)
        async with world.bot():
            first = await world.stub.dispatch_interaction("summarize", {"url": slow})
            await world.stub.wait_for_request(lambda r: r.route == CALLBACK_ROUTE)
            await asyncio.sleep(0.2)  # the first link holds the only turn
            second = await world.stub.dispatch_interaction("summarize", {"url": url})
            turned_away = await world.stub.wait_for_response(second, ANSWER_TIMEOUT)
            await world.stub.wait_for_response(first, ANSWER_TIMEOUT)
    assert second.response_delay is not None and second.response_delay < DEADLINE
    assert turned_away.ephemeral and turned_away.content == BUSY
