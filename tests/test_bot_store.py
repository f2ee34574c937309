"""The bot's SQLite state on a real database file: settings, queue dedup, the posting ledger."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.store.access import Store
from bot.store.db import Database
from bot.store.guilds import Guilds
from bot.store.posts import Ledger
from bot.store.queue import MAX_QUEUED, Queue, QueueFullError

NOW = dt.datetime(2026, 3, 28, 7, 0, tzinfo=dt.UTC)
GUILD, OTHER, CHANNEL = 111, 222, 333


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    async with Database(tmp_path / "bot.sqlite3") as db:
        yield Store(db)


async def test_guild_settings_roundtrip_and_due(store: Store) -> None:
    guilds = Guilds(store)
    assert (await guilds.get(GUILD)).digest_channel_id is None
    await guilds.set_digest_channel(GUILD, CHANNEL)
    await guilds.set_watch_channel(GUILD, 444)
    await guilds.set_schedule(GUILD, "08:00", "Europe/Berlin", NOW)
    await guilds.set_schedule(OTHER, "09:00", "UTC", NOW + dt.timedelta(hours=2))
    config = await guilds.get(GUILD)
    assert (config.digest_channel_id, config.watch_channel_id) == (CHANNEL, 444)
    assert (config.post_time, config.timezone, config.next_run_at) == (
        "08:00",
        "Europe/Berlin",
        NOW,
    )
    assert await guilds.watched_by(444) == GUILD
    assert await guilds.watched_by(CHANNEL) is None
    assert [g.guild_id for g in await guilds.due(NOW - dt.timedelta(seconds=1))] == []
    assert [g.guild_id for g in await guilds.due(NOW)] == [GUILD]
    assert [g.guild_id for g in await guilds.due(NOW + dt.timedelta(days=1))] == [GUILD, OTHER]
    assert await guilds.next_due() == NOW
    await guilds.turn_off(GUILD)
    config = await guilds.get(GUILD)
    assert (config.post_time, config.next_run_at, config.watch_channel_id) == (None, None, None)
    assert config.digest_channel_id == CHANNEL
    assert await guilds.next_due() == NOW + dt.timedelta(hours=2)


async def test_queue_dedups_by_normalised_url_per_server(store: Store) -> None:
    queue = Queue(store)
    assert await queue.add(
        GUILD, "https://Example.com/a?utm_source=x", "https://example.com/a", 1, NOW
    )
    assert not await queue.add(GUILD, "https://example.com/a", "https://example.com/a", 2, NOW)
    assert await queue.add(OTHER, "https://example.com/a", "https://example.com/a", 2, NOW)
    assert await queue.add(GUILD, "https://example.com/b", "https://example.com/b", 2, NOW)
    pending = await queue.pending(GUILD)
    assert [link.url for link in pending] == [
        "https://Example.com/a?utm_source=x",
        "https://example.com/b",
    ]
    assert pending[0].added_by == 1 and pending[0].added_at == NOW
    assert await queue.remove(GUILD, "https://example.com/a")
    assert not await queue.remove(GUILD, "https://example.com/a")
    assert [link.norm_url for link in await queue.pending(GUILD)] == ["https://example.com/b"]
    assert len(await queue.pending(OTHER)) == 1


async def test_queue_is_capped(store: Store) -> None:
    queue = Queue(store)
    for n in range(MAX_QUEUED):
        assert await queue.add(GUILD, f"https://e.test/{n}", f"https://e.test/{n}", None, NOW)
    with pytest.raises(QueueFullError, match="queue is full"):
        await queue.add(GUILD, "https://e.test/x", "https://e.test/x", None, NOW)
    assert len(await queue.pending(GUILD)) == MAX_QUEUED


async def test_a_scheduled_slot_starts_once_and_moves_the_schedule(store: Store) -> None:
    guilds, queue, ledger = Guilds(store), Queue(store), Ledger(store)
    await guilds.set_schedule(GUILD, "08:00", "Europe/Berlin", NOW)
    tomorrow = NOW + dt.timedelta(days=1)
    # Nothing queued: no run, but the schedule still moves on.
    assert (
        await ledger.start_runs(GUILD, CHANNEL, "s1", NOW.date(), NOW, next_run_at=tomorrow) == []
    )
    assert (await guilds.get(GUILD)).next_run_at == tomorrow
    await queue.add(GUILD, "https://e.test/1", "https://e.test/1", None, NOW)
    await queue.add(GUILD, "https://e.test/2", "https://e.test/2", None, NOW)
    [run] = await ledger.start_runs(GUILD, CHANNEL, "s2", NOW.date(), NOW, next_run_at=tomorrow)
    assert run.state == "collecting" and run.channel_id == CHANNEL
    assert [link.url for link in await ledger.items(run.id)] == [
        "https://e.test/1",
        "https://e.test/2",
    ]
    assert await queue.pending(GUILD) == []
    # The same link may be queued again for the next digest once a run took it.
    assert await queue.add(GUILD, "https://e.test/1", "https://e.test/1", None, NOW)
    # Starting the same slot again does nothing and leaves the new link queued.
    assert await ledger.start_runs(GUILD, CHANNEL, "s2", NOW.date(), NOW) == []
    assert len(await queue.pending(GUILD)) == 1
    assert len(await ledger.items(run.id)) == 2


async def test_ledger_survives_a_crash_mid_post(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    payloads = [{"content": f"part {n}", "embeds": []} for n in range(3)]
    async with Database(path) as db:
        store = Store(db)
        await Queue(store).add(GUILD, "https://e.test/1", "https://e.test/1", None, NOW)
        ledger = Ledger(store)
        [run] = await ledger.start_runs(GUILD, CHANNEL, "s", NOW.date(), NOW)
        await ledger.save_plan(run.id, payloads)
        await ledger.save_plan(run.id, [{"content": "other", "embeds": []}])  # no second plan
        await ledger.mark_sending(run.id, 0, 9000)
        await ledger.mark_sent(run.id, 0, 9001)
        await ledger.mark_sending(run.id, 1, 9001)
        # The process dies here: the connection closes without finishing the run.
    async with Database(path) as db:
        ledger = Ledger(Store(db))
        (resumed,) = await ledger.open_runs()
        assert (resumed.id, resumed.state, resumed.title_date) == (run.id, "planned", NOW.date())
        posts = await ledger.posts(run.id)
        assert [(p.seq, p.state, p.message_id, p.sending_since) for p in posts] == [
            (0, "sent", 9001, 9000),
            (1, "sending", None, 9001),  # where to look for it
            (2, "pending", None, None),
        ]
        assert [p.payload for p in posts] == payloads
        await ledger.mark_sent(run.id, 1, 9002)
        await ledger.mark_sending(run.id, 2, 9002)
        await ledger.mark_sent(run.id, 2, 9003)
        await ledger.finish(run.id, NOW)
        assert await ledger.open_runs() == []
        finished = await ledger.get(run.id)
        assert finished is not None and finished.state == "done"


async def test_a_failed_run_gives_its_links_back(store: Store) -> None:
    queue, ledger = Queue(store), Ledger(store)
    await queue.add(GUILD, "https://e.test/1", "https://e.test/1", None, NOW)
    await queue.add(GUILD, "https://e.test/2", "https://e.test/2", None, NOW)
    [run] = await ledger.start_runs(GUILD, CHANNEL, "s", NOW.date(), NOW)
    await queue.add(GUILD, "https://e.test/2", "https://e.test/2", None, NOW)  # re-queued meanwhile
    await ledger.finish(run.id, NOW, failure="The digest channel is gone.")
    assert sorted(link.url for link in await queue.pending(GUILD)) == [
        "https://e.test/1",
        "https://e.test/2",
    ]
    failed = await ledger.get(run.id)
    assert failed is not None and failed.state == "failed"
    assert await ledger.last_failure(GUILD) == "The digest channel is gone."
    assert await ledger.last_failure(OTHER) is None


async def test_a_failed_run_that_posted_keeps_its_links(store: Store) -> None:
    queue, ledger = Queue(store), Ledger(store)
    await queue.add(GUILD, "https://e.test/1", "https://e.test/1", None, NOW)
    [run] = await ledger.start_runs(GUILD, CHANNEL, "s", NOW.date(), NOW)
    await ledger.save_plan(run.id, [{"content": "a", "embeds": []}, {"content": "b", "embeds": []}])
    await ledger.mark_sent(run.id, 0, 1)
    await ledger.mark_rejected(run.id, 1)
    await ledger.finish(run.id, NOW, failure="The digest channel is gone.")
    assert await queue.pending(GUILD) == []  # posting them again would repeat stories
    assert [p.state for p in await ledger.posts(run.id)] == ["sent", "rejected"]


async def test_transaction_rolls_back_on_error(store: Store) -> None:
    with pytest.raises(RuntimeError):
        async with store.transaction() as conn:
            await conn.execute("INSERT INTO guild_settings (guild_id) VALUES (5)")
            raise RuntimeError("boom")
    assert await store.fetchone("SELECT * FROM guild_settings WHERE guild_id = 5") is None
