"""The bot-wide workload: bounded turns, a bounded backlog for members, deadlines."""

from __future__ import annotations

import asyncio

import pytest

from bot.discord.workload import BUSY, TOO_LATE, BusyError, Workload


async def hold(workload: Workload, started: asyncio.Event, release: asyncio.Event) -> None:
    async with workload.turn():
        started.set()
        await release.wait()


@pytest.mark.parametrize(
    ("backlog", "wait", "expected"),
    [
        (0, 5.0, BUSY),  # nobody may wait: turned away at once
        (5, 0.05, TOO_LATE),  # may wait, but the turn would start after the deadline
    ],
)
async def test_a_member_is_turned_away_when_the_wait_is_too_long(
    backlog: int, wait: float, expected: str
) -> None:
    workload = Workload(concurrency=1, backlog=backlog)
    started, release = asyncio.Event(), asyncio.Event()
    holder = asyncio.create_task(hold(workload, started, release))
    await started.wait()
    deadline = asyncio.get_running_loop().time() + wait
    with pytest.raises(BusyError) as refused:
        async with workload.turn(deadline):
            pass
    assert str(refused.value) == expected
    assert workload.waiting == 0
    release.set()
    await holder


async def test_turns_are_bounded_and_given_in_order() -> None:
    workload = Workload(concurrency=2, backlog=10)
    running, peak, order = 0, 0, []

    async def work(n: int, deadline: float | None) -> None:
        nonlocal running, peak
        async with workload.turn(deadline):
            running += 1
            peak = max(peak, running)
            order.append(n)
            await asyncio.sleep(0.01)
            running -= 1

    far = asyncio.get_running_loop().time() + 60
    await asyncio.gather(*(work(n, far if n % 2 else None) for n in range(8)))
    assert peak == 2
    assert order == list(range(8))  # a scheduled digest and members queue alike


async def test_a_free_turn_is_taken_even_with_a_full_backlog() -> None:
    workload = Workload(concurrency=1, backlog=0)
    async with workload.turn(asyncio.get_running_loop().time() + 1):
        assert workload.waiting == 0
