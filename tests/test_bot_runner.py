"""Digest runs and the timer on a real SQLite file: crash/resume, missed digests, no repeats.

The chat side is a recording channel implementing the runner's `Poster` protocol; the real
Discord path is covered by the end-to-end tests against the Discord stand-in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.discord.poster import MessageRejected, PostingError
from bot.discord.runner import DigestRunner
from bot.discord.scheduler import Scheduler
from bot.render.embeds import Failure, Message
from bot.schedule import next_run
from bot.store.access import Store
from bot.store.db import Database
from bot.store.guilds import Guilds
from bot.store.posts import Ledger
from bot.store.queue import Queue
from summarizers.models import Article, Digest
from summarizers.stories import Report
from tests.story_cases import CASES

GUILD, NEWS = 10, 20
BERLIN = "Europe/Berlin"


class Crash(Exception):
    """The process 'dies' here."""


# Eleven different stories (none another's copy), so that each is its own digest item.
TEXTS = [(c.language, text) for c in CASES for text in (c.event, c.same_team, c.other)]


class Articles:
    """Reports for links containing 'ok' (story n tells TEXTS[n]), a one-sentence failure
    for the others."""

    async def reports_many(self, urls: Sequence[str]) -> list[Report | Failure]:
        return [
            self._report(url) if "ok" in url else Failure(url, "That page is behind a paywall.")
            for url in urls
        ]

    @staticmethod
    def _report(url: str) -> Report:
        name = url.rsplit("/", 1)[-1]
        language, text = TEXTS[int(name) % len(TEXTS)]
        headline = f"Story {name}"
        article = Article(url, headline, None, None, language, list(text))
        digest = Digest(url, headline, None, None, ["A point."], [], "textrank", language)
        return Report(article, digest)


@dataclass
class Channel:
    """A chat channel: posted messages in order; can die before or after a post lands."""

    posted: list[tuple[int, Message]] = field(default_factory=list)
    nonces: list[int] = field(default_factory=list)  # of every attempt
    crash_at: int | None = None  # 0-based number of the send that crashes
    lands_before_crash: bool = True
    refuse: bool = False
    reject_at: int | None = None  # 0-based number of the send Discord refuses for good
    sends: int = 0

    async def send(self, channel_id: int, message: Message, nonce: int) -> int:
        if self.refuse:
            raise PostingError("I am not allowed to post in the digest channel.")
        attempt, self.sends = self.sends, self.sends + 1
        self.nonces.append(nonce)
        if attempt == self.reject_at:
            raise MessageRejected("400 Bad Request: invalid embed")
        if attempt == self.crash_at and not self.lands_before_crash:
            raise Crash
        message_id = 1000 + len(self.posted)
        self.posted.append((message_id, message))
        if attempt == self.crash_at:
            raise Crash  # the message went out, but its id never came back
        return message_id

    def mark(self) -> int:
        return 1000 + len(self.posted)  # the id the next message will get

    async def find(
        self, channel_id: int, message: Message, since: int | None, anchor: int | None
    ) -> int | None:
        after = max(since or 0, anchor or 0)
        for message_id, posted in self.posted:
            if message_id >= after and posted.content == message.content:
                return message_id
        return None

    def contents(self) -> list[str | None]:
        return [m.content for _, m in self.posted]


NOW = dt.datetime(2026, 3, 28, 6, 0, tzinfo=dt.UTC)  # 07:00 in Berlin


class Clock:
    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


async def queue_links(store: Store, *urls: str) -> None:
    for url in urls:
        await Queue(store).add(GUILD, url, url, None, NOW)


def make_runner(store: Store, channel: Channel, clock: Clock) -> DigestRunner:
    return DigestRunner(Ledger(store), Articles(), channel, clock)


# 12 stories make 2 embed messages (10 + 2 with the failure) plus the header.
LINKS = [f"https://ok.test/{n}" for n in range(11)] + ["https://paywall.test/x"]


@pytest.mark.parametrize("lands", [True, False])
async def test_a_crash_mid_digest_resumes_without_repeats_or_loss(
    tmp_path: Path, lands: bool
) -> None:
    path, clock = tmp_path / "bot.sqlite3", Clock(NOW)
    channel = Channel(crash_at=1, lands_before_crash=lands)
    async with Database(path) as db:
        store = Store(db)
        await queue_links(store, *LINKS)
        [run] = await Ledger(store).start_runs(GUILD, NEWS, "slot", NOW.date(), NOW)
        with pytest.raises(Crash):
            await make_runner(store, channel, clock).run(run)
    posted_before = len(channel.posted)
    assert posted_before == (2 if lands else 1)
    async with Database(path) as db:  # the restart
        ledger = Ledger(Store(db))
        (resumed,) = await ledger.open_runs()
        await make_runner(Store(db), channel, clock).run(resumed)
        assert await ledger.open_runs() == []
    assert channel.contents() == [
        "📰 **Daily digest** · Saturday 28 March 2026 · 11 stories, 1 not summarised\n"
        "-# digest 1 · part 1/3",
        "-# digest 1 · part 2/3",
        "-# digest 1 · part 3/3",
    ]
    titles = [e.title for _, m in channel.posted for e in m.embeds]
    assert titles == [f"Story {n}" for n in range(11)] + ["Not summarised"]


async def test_resending_after_an_unlanded_crash_uses_the_same_nonce(tmp_path: Path) -> None:
    channel, clock = Channel(crash_at=1, lands_before_crash=False), Clock(NOW)
    async with Database(tmp_path / "bot.sqlite3") as db:
        store = Store(db)
        await queue_links(store, *LINKS)
        [run] = await Ledger(store).start_runs(GUILD, NEWS, "slot", NOW.date(), NOW)
        runner = make_runner(store, channel, clock)
        with pytest.raises(Crash):
            await runner.run(run)
        attempted = channel.sends
        (resumed,) = await Ledger(store).open_runs()
        await runner.run(resumed)
    assert attempted == 2 and len(channel.posted) == 3
    # The retry of the unanswered send carries the same nonce: Discord would drop a repeat.
    assert channel.nonces[1] == channel.nonces[2]
    assert len(set(channel.nonces)) == 3


async def test_a_refused_channel_fails_the_run_and_keeps_the_links(tmp_path: Path) -> None:
    channel, clock = Channel(refuse=True), Clock(NOW)
    async with Database(tmp_path / "bot.sqlite3") as db:
        store = Store(db)
        await queue_links(store, "https://ok.test/1")
        [run] = await Ledger(store).start_runs(GUILD, NEWS, "slot", NOW.date(), NOW)
        await make_runner(store, channel, clock).run(run)
        finished = await Ledger(store).get(run.id)
        assert finished is not None and finished.state == "failed"
        assert [link.url for link in await Queue(store).pending(GUILD)] == ["https://ok.test/1"]


async def test_a_message_refused_for_good_is_skipped_not_retried(tmp_path: Path) -> None:
    channel, clock = Channel(reject_at=1), Clock(NOW)
    async with Database(tmp_path / "bot.sqlite3") as db:
        store = Store(db)
        await queue_links(store, *LINKS)
        [run] = await Ledger(store).start_runs(GUILD, NEWS, "slot", NOW.date(), NOW)
        await make_runner(store, channel, clock).run(run)
        states = [p.state for p in await Ledger(store).posts(run.id)]
        finished = await Ledger(store).get(run.id)
    assert states == ["sent", "rejected", "sent"]
    assert channel.sends == 3
    markers = [(content or "").splitlines()[-1] for content in channel.contents()]
    assert markers == ["-# digest 1 · part 1/3", "-# digest 1 · part 3/3"]
    assert finished is not None and finished.state == "done"


async def scheduled(store: Store, clock: Clock) -> Scheduler:
    guilds = Guilds(store)
    await guilds.set_digest_channel(GUILD, NEWS)
    first = next_run(clock(), dt.time(8), ZoneInfo(BERLIN))
    await guilds.set_schedule(GUILD, "08:00", BERLIN, first)
    return Scheduler(guilds, Ledger(store), make_runner(store, Channel(), clock), clock)


async def test_the_digest_fires_at_its_local_time_once(tmp_path: Path) -> None:
    clock = Clock(NOW)
    async with Database(tmp_path / "bot.sqlite3") as db:
        store = Store(db)
        scheduler = await scheduled(store, clock)
        channel = scheduler.runner.poster
        assert isinstance(channel, Channel)
        await queue_links(store, "https://ok.test/1")
        await scheduler.tick()
        await scheduler.drain()
        assert channel.posted == []  # 07:00 Berlin: not yet
        clock.now = NOW + dt.timedelta(hours=1)  # 08:00 Berlin
        for _ in range(3):
            await scheduler.tick()
            await scheduler.drain()
        assert len(channel.posted) == 2
        config = await Guilds(store).get(GUILD)
        # Next: Sunday 29 March, the day clocks go forward: 08:00 CEST is 06:00 UTC.
        assert config.next_run_at == dt.datetime(2026, 3, 29, 6, 0, tzinfo=dt.UTC)
        # Nothing queued at the next slot: nothing posted, the schedule still moves on.
        clock.now = dt.datetime(2026, 3, 29, 6, 0, 1, tzinfo=dt.UTC)
        await scheduler.tick()
        await scheduler.drain()
        assert len(channel.posted) == 2
        assert (await Guilds(store).get(GUILD)).next_run_at == dt.datetime(
            2026, 3, 30, 6, 0, tzinfo=dt.UTC
        )


async def test_a_digest_missed_while_down_is_posted_once_on_start(tmp_path: Path) -> None:
    clock = Clock(NOW)
    path = tmp_path / "bot.sqlite3"
    async with Database(path) as db:
        store = Store(db)
        await scheduled(store, clock)
        await queue_links(store, "https://ok.test/1", "https://ok.test/2")
    clock.now = NOW + dt.timedelta(days=3, hours=5)  # down for three days and more
    async with Database(path) as db:
        store = Store(db)
        guilds, channel = Guilds(store), Channel()
        scheduler = Scheduler(guilds, Ledger(store), make_runner(store, channel, clock), clock)
        for _ in range(3):
            await scheduler.tick()
            await scheduler.drain()
        assert len(channel.posted) == 2
        assert "Saturday 28 March 2026 · 2 stories" in (channel.posted[0][1].content or "")
        assert (await guilds.get(GUILD)).next_run_at == dt.datetime(2026, 4, 1, 6, 0, tzinfo=dt.UTC)
