"""The fault suite: the real `digestbot run` process against the Discord stand-in and a local
article server, all on 127.0.0.1, under one fault per case (`python -m bench.faults`).

Each case prints what the members see and its figures; `tests/load/test_faults.py` runs a few
of them at a small scale in CI, the same code. The campaign:

    python -m bench.faults                   # every case at full scale (about 6 minutes)
    python -m bench.faults kill9 --reps 5    # one case
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

from aiohttp import web

from bench.bot_rig import ACK_DEADLINE, Rig, count_digests, news_pages
from bench.gate import write_figures
from tests.discord_stub.bot_harness import BRIDGE_STORY, article_html
from tests.story_cases import CASES as STORY_CASES

MESSAGES_ROUTE = "/channels/{channel_id}/messages"
FOLLOWUP_ROUTE = "/webhooks/{webhook_id}/{token}"
DIGEST_TIMEOUT = 90.0
SETTLE = 1.0  # how long to watch for a message that must not come
STORIES = 12  # a header and two story messages


@dataclass(frozen=True)
class Scale:
    """How big each case is: the campaign's defaults, or CI's small ones."""

    members: int = 300
    kill_reps: int = 20
    lock_seconds: float = 10.0
    fetch_timeout: float = 5.0


CI_SCALE = Scale(members=30, kill_reps=2, lock_seconds=4.0, fetch_timeout=3.0)


@dataclass
class Outcome:
    """One case: what the members saw, its figures, and whether the goals held."""

    case: str
    sees: str
    figures: dict[str, float] = field(default_factory=dict)
    ok: bool = True


# Reports of different events: a digest merges the reports of one story into one item.
TEXTS = [BRIDGE_STORY, *(text for c in STORY_CASES for text in (c.event, c.same_team, c.other))]


def _stories(rig: Rig, prefix: str, delay: float = 0.0) -> list[str]:
    """Serve STORIES articles of different stories under `prefix`, each answered after
    `delay` s; their URLs."""
    urls = []
    for n, text in enumerate(TEXTS[:STORIES], start=1):
        html = article_html(f"News of the day, {prefix} part {n}", text).encode()
        urls.append(rig.web.route(f"/{prefix}/story-{n}/", _page_after(html, delay)))
    return urls


def _member_article(rig: Rig) -> str:
    """A page that summarises well, for a member's /summarize."""
    html = article_html("Council votes to rebuild harbour bridge", BRIDGE_STORY)
    return rig.web.page("/member/bridge/", html)


def _page_after(html: bytes, delay: float) -> Callable[[web.BaseRequest], Awaitable[web.Response]]:
    async def handler(request: web.BaseRequest) -> web.Response:
        await asyncio.sleep(delay)
        return web.Response(body=html, content_type="text/html")

    return handler


async def _queue(rig: Rig, links: list[str]) -> None:
    for link in links:
        await rig.command("digest add", {"url": link})


async def _wait_for_digest(rig: Rig, links: list[str], timeout: float = DIGEST_TIMEOUT) -> None:
    """Until every link is shown in #news (or `timeout`), then a moment for any repeat."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and count_digests(rig.stub, "news", links).lost:
        await asyncio.sleep(0.2)
    await asyncio.sleep(SETTLE)


async def burst(workdir: Path, scale: Scale) -> Outcome:
    """`scale.members` members run /summarize at once, each on another news page."""
    async with Rig(workdir) as rig:
        interactions = await rig.summarize_all(rig.serve(news_pages(scale.members)))
        tally = await rig.wait_for_answers(interactions, timeout=600)
        peak = rig.bot.peak_rss_mb()
    figures = tally.figures("burst")
    figures.pop("burst.answer_p50_s")
    figures.pop("burst.answer_max_s")
    ok = (
        figures["burst.acknowledged_3s_pct"] == 100
        and figures["burst.answered_pct"] == 100
        and figures["burst.digests_posted_pct"] >= 99
    )
    sees = (
        f"{tally.acknowledged_in_time}/{tally.total} see 'thinking…' within 3 s; "
        f"{tally.digests} get their digest, {tally.answered - tally.digests} one sentence "
        f"(slowest after {max(tally.answer_seconds, default=0):.0f} s); peak RSS {peak:.0f} MB"
    )
    return Outcome("burst", sees, figures, ok)


async def post_429s(workdir: Path, scale: Scale) -> Outcome:
    """Bursts of 429 on the digest's channel posts (more than discord.py retries, one global)
    and on members' followups."""
    async with Rig(workdir) as rig:
        links = _stories(rig, "limited")
        await rig.command("digest channel", {"channel": rig.stub.channel("news")})
        await _queue(rig, links)
        rig.stub.rate_limit_next("POST", MESSAGES_ROUTE, count=8, retry_after=0.5)
        rig.stub.rate_limit_next("POST", MESSAGES_ROUTE, count=2, retry_after=1.0, is_global=True)
        members = await rig.summarize_all(rig.serve(news_pages(10)))
        rig.stub.rate_limit_next("POST", FOLLOWUP_ROUTE, count=30, retry_after=0.3)
        await rig.command("digest now")
        await _wait_for_digest(rig, links)
        tally = await rig.wait_for_answers(members, timeout=120)
        refused = sum(1 for r in rig.stub.requests if r.status == 429)
    count = count_digests(rig.stub, "news", links)
    figures = {
        "post_429s.lost_posts": float(count.lost),
        "post_429s.duplicates": float(count.duplicated),
        "post_429s.members_answered_pct": 100 * tally.answered / tally.total,
    }
    sees = (
        f"after {refused} answers of 429, the digest complete ({count.lost} stories lost, "
        f"{count.duplicated} repeated); {tally.answered}/{tally.total} members answered"
    )
    return Outcome("post_429s", sees, figures, count.clean and tally.answered == tally.total)


async def gateway_drop(workdir: Path, scale: Scale) -> Outcome:
    """The gateway connection drops while a digest is being made; a member asks meanwhile."""
    async with Rig(workdir) as rig:
        links = _stories(rig, "dropped", delay=0.3)
        member_url = _member_article(rig)
        await rig.command("digest channel", {"channel": rig.stub.channel("news")})
        await _queue(rig, links)
        await rig.command("digest now")
        await rig.stub.state.wait_for(
            lambda: any("/dropped/" in r.path for r in rig.web.requests), DIGEST_TIMEOUT
        )
        await rig.stub.drop_connection()
        member = await rig.stub.dispatch_interaction("summarize", {"url": member_url})
        await _wait_for_digest(rig, links)
        answer = await rig.stub.wait_for_response(member, DIGEST_TIMEOUT)
        resumed = any(f.t == "RESUMED" for f in rig.stub.frames)
    count = count_digests(rig.stub, "news", links)
    delay = member.response_delay or float("inf")
    figures = {
        "gateway_drop.lost_posts": float(count.lost),
        "gateway_drop.duplicates": float(count.duplicated),
        "gateway_drop.resumed": float(resumed),
    }
    ok = count.clean and resumed and bool(answer.embeds)
    got = "got the digest" if answer.embeds else answer.content
    sees = (
        f"the digest complete ({count.lost} lost, {count.duplicated} repeated); the session "
        f"{'resumed' if resumed else 'did not resume'}; the member asking during the drop "
        f"acknowledged after {delay:.1f} s and {got}"
    )
    return Outcome("gateway_drop", sees, figures, ok)


async def kill9(workdir: Path, scale: Scale) -> Outcome:
    """kill -9 mid-digest, then a restart, `scale.kill_reps` times: while a post is held by
    Discord (before it acted, or after it acted but before the answer came), or at a random
    moment (fetching, summarising, planning)."""
    chance = random.Random(24)
    all_links: list[str] = []
    # Discord forgets nonces after a few minutes: the bot's own record must prevent repeats.
    async with Rig(workdir, stub_options={"nonce_window": 0}) as rig:
        await rig.command("digest channel", {"channel": rig.stub.channel("news")})
        for rep in range(scale.kill_reps):
            links = _stories(rig, f"kill{rep}", delay=0.05)
            all_links += links
            await _queue(rig, links)
            stall = None
            if rep % 3 != 2:
                stall = rig.stub.stall_next(
                    "POST", MESSAGES_ROUTE, skip=rep % 3, after_handling=rep % 2 == 0
                )
            await rig.stub.dispatch_interaction("digest now", user="moderator")
            if stall is not None:
                await asyncio.wait_for(stall.reached.wait(), DIGEST_TIMEOUT)
            else:
                await asyncio.sleep(chance.uniform(0.0, 1.5))
            await rig.bot.kill()
            if stall is not None:
                stall.released.set()
            await rig.start_bot()
            # Killed before the run began, the links are still queued: the member asks again.
            await rig.command("digest now")
            await _wait_for_digest(rig, links)
    count = count_digests(rig.stub, "news", all_links)
    figures = {
        "kill9.lost_posts": float(count.lost),
        "kill9.duplicates": float(count.duplicated),
    }
    sees = (
        f"after {scale.kill_reps} kill -9 and restarts, every digest complete: "
        f"{count.lost} stories lost, {count.duplicated} repeated"
    )
    return Outcome("kill9", sees, figures, count.clean)


LOCKER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("COMMIT")
"""


async def sqlite_locked(workdir: Path, scale: Scale) -> Outcome:
    """Another process holds the database locked; members queue a link and ask for a summary."""
    async with Rig(workdir) as rig:
        link = _stories(rig, "locked")[0]
        member_url = _member_article(rig)
        await rig.command("digest channel", {"channel": rig.stub.channel("news")})
        locker = await asyncio.create_subprocess_exec(
            sys.executable, "-c", LOCKER, str(workdir / "digestbot.sqlite3"),
            str(scale.lock_seconds), stdout=asyncio.subprocess.PIPE,
        )  # fmt: skip
        assert locker.stdout is not None
        await locker.stdout.readline()
        locked_at = time.monotonic()
        add = await rig.stub.dispatch_interaction("digest add", {"url": link})
        member = await rig.stub.dispatch_interaction("summarize", {"url": member_url})
        summary = await rig.stub.wait_for_response(member, DIGEST_TIMEOUT)
        summary_s = time.monotonic() - locked_at
        queued = await rig.stub.wait_for_response(add, DIGEST_TIMEOUT)
        queued_s = time.monotonic() - locked_at
        await locker.wait()
    acked = [
        i.response_delay is not None and i.response_delay < ACK_DEADLINE for i in (add, member)
    ]
    figures = {
        "sqlite_locked.acknowledged_3s_pct": 100 * sum(acked) / len(acked),
        "sqlite_locked.answered_pct": 100.0 * (bool(queued.content) + bool(summary.embeds)) / 2,
    }
    ok = all(acked) and queued.content.startswith("Queued") and bool(summary.embeds)
    sees = (
        f"database locked {scale.lock_seconds:.0f} s: both acknowledged at once; the summary "
        f"after {summary_s:.1f} s (it needs no database); '{queued.content[:40]}…' after "
        f"{queued_s:.1f} s, once the lock was gone"
    )
    return Outcome("sqlite_locked", sees, figures, ok)


async def slow_sites(workdir: Path, scale: Scale) -> Outcome:
    """One site answers a byte per second, one never answers; a third member's site is fine."""
    env = {"DIGESTBOT_FETCH_TIMEOUT": str(scale.fetch_timeout)}
    async with Rig(workdir, env) as rig:
        trickle = rig.web.stream("/trickle", b"x", interval=1.0)
        silent = rig.web.slow("/silent", delay=60.0)
        fine = _member_article(rig)
        asked = time.monotonic()
        interactions = await rig.summarize_all([trickle, silent, fine])
        answers = [await rig.stub.wait_for_response(i, DIGEST_TIMEOUT) for i in interactions]
        took = time.monotonic() - asked
    acked = [i.response_delay is not None and i.response_delay < ACK_DEADLINE for i in interactions]
    refused = [a.ephemeral and bool(a.content) and "\n" not in a.content for a in answers[:2]]
    figures = {
        "slow_sites.acknowledged_3s_pct": 100 * sum(acked) / len(acked),
        "slow_sites.answered_pct": 100.0 * (sum(refused) + bool(answers[2].embeds)) / 3,
    }
    sees = (
        f"'{answers[0].content}' for both slow sites within {took:.1f} s "
        f"(fetch limit {scale.fetch_timeout:.0f} s); the third member gets the digest"
    )
    return Outcome(
        "slow_sites", sees, figures, all(acked) and all(refused) and bool(answers[2].embeds)
    )


CASES: dict[str, Callable[[Path, Scale], Awaitable[Outcome]]] = {
    "burst": burst,
    "post_429s": post_429s,
    "gateway_drop": gateway_drop,
    "kill9": kill9,
    "sqlite_locked": sqlite_locked,
    "slow_sites": slow_sites,
}


async def run_cases(names: list[str], scale: Scale, workdir: Path) -> list[Outcome]:
    """Run the named cases one after another, each on a fresh rig."""
    outcomes = []
    for name in names:
        started = time.monotonic()
        outcome = await CASES[name](workdir / name, scale)
        verdict = "ok  " if outcome.ok else "FAIL"
        print(
            f"{verdict} {name:14s} {time.monotonic() - started:5.0f} s  {outcome.sees}", flush=True
        )
        outcomes.append(outcome)
    return outcomes


def main() -> int:
    """Run the campaign (or the named cases), print and write the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*", choices=[[], *CASES], help="cases (all)")
    parser.add_argument("--reps", type=int, default=Scale.kill_reps, help="kill -9 repetitions")
    parser.add_argument("--members", type=int, default=Scale.members, help="burst size")
    args = parser.parse_args()
    scale = Scale(members=args.members, kill_reps=args.reps)
    with tempfile.TemporaryDirectory(prefix="digestbot-faults-") as tmp:
        outcomes = asyncio.run(run_cases(args.cases or list(CASES), scale, Path(tmp)))
    figures = {k: v for outcome in outcomes for k, v in outcome.figures.items()}
    for key, value in sorted(figures.items()):
        print(f"{key:40s} {value:8.1f}")
    print(write_figures("faults", figures))
    return 0 if all(o.ok for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
