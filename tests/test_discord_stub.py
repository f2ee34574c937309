"""The Discord stand-in, exercised with the real discord.py client and a tiny bot of our own."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable

import discord
import pytest
import yarl
from discord import app_commands
from discord.ext import commands

from tests.discord_stub import DiscordStub
from tests.discord_stub.connect import connected
from tests.discord_stub.limits import message_errors
from tests.discord_stub.payloads import resolve_pings
from tests.discord_stub.ratelimit import Limit, RateLimits, major_key
from tests.discord_stub.world import INTENT_MESSAGE_CONTENT

MESSAGES_ROUTE = "/channels/{channel_id}/messages"


class EchoBot(commands.Bot):
    """A minimal bot: /echo (deferred + followup), /ping (ephemeral), "Quote" context menu,
    and "!hi" answered in the channel."""

    def __init__(self, slow_seconds: float = 0.0) -> None:
        intents = discord.Intents.default()
        intents.message_content = True
        super().__init__(
            command_prefix="!",
            intents=intents,
            allowed_mentions=discord.AllowedMentions.none(),
            guild_ready_timeout=0.05,
        )
        self.slow_seconds = slow_seconds
        self.errors: list[BaseException] = []
        self.seen: list[str] = []

    async def setup_hook(self) -> None:
        """Register the commands and sync them, as a real bot does on start."""

        @app_commands.command(description="Echo some text back in an embed.")
        async def echo(interaction: discord.Interaction, text: str, times: int = 1) -> None:
            await interaction.response.defer(thinking=True)
            await asyncio.sleep(self.slow_seconds)
            embed = discord.Embed(title="Echo", description=text * times)
            await interaction.followup.send(embed=embed)

        @app_commands.command(description="Answer privately.")
        async def ping(interaction: discord.Interaction) -> None:
            await asyncio.sleep(self.slow_seconds)
            try:
                await interaction.response.send_message("pong", ephemeral=True)
            except discord.HTTPException as error:
                self.errors.append(error)

        @app_commands.context_menu(name="Quote")
        async def quote(interaction: discord.Interaction, message: discord.Message) -> None:
            await interaction.response.send_message(f"> {message.content}")

        self.tree.add_command(echo)
        self.tree.add_command(ping)
        self.tree.add_command(quote)
        await self.tree.sync()

    async def on_message(self, message: discord.Message) -> None:
        """Remember what we saw; answer "!hi"."""
        if message.author == self.user:
            return
        self.seen.append(message.content)
        if message.content == "!react":
            await message.add_reaction("📥")
        if message.content == "!hi":
            await message.channel.send("hi @everyone")


@pytest.fixture
def point_discord_py(monkeypatch: pytest.MonkeyPatch) -> Callable[[DiscordStub], None]:
    """Returns a function that points discord.py at a stand-in (restored after the test)."""

    def point(stub: DiscordStub) -> None:
        monkeypatch.setattr(discord.http.Route, "BASE", stub.api_base)
        monkeypatch.setattr(
            discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", yarl.URL(stub.gateway_url)
        )

    return point


@pytest.fixture
async def stub() -> AsyncIterator[DiscordStub]:
    """A running stand-in."""
    async with DiscordStub() as running:
        yield running


@pytest.fixture
async def echo_bot(
    stub: DiscordStub, point_discord_py: Callable[[DiscordStub], None]
) -> AsyncIterator[EchoBot]:
    """EchoBot connected to the stand-in."""
    point_discord_py(stub)
    async with connected(stub, EchoBot()) as bot:
        yield bot


async def test_ready_brings_the_guild_and_the_commands(
    stub: DiscordStub, echo_bot: EchoBot
) -> None:
    assert echo_bot.user is not None and echo_bot.user.id == stub.world.bot.id
    guild = echo_bot.get_guild(stub.world.guild.id)
    assert guild is not None
    assert sorted(c.name for c in guild.text_channels) == ["general", "links", "news"]
    assert guild.me is not None
    # No members intent: like Discord, the stand-in sends only the bot's own membership.
    assert guild.get_member(stub.user("moderator").id) is None
    assert echo_bot.application_id == stub.world.application_id
    # discord.py asked for zlib-stream and decoded our compressed frames.
    assert stub.gateway.queries[0]["compress"] == "zlib-stream"
    assert stub.gateway.queries[0]["v"] == "10"
    names = sorted(c["name"] for c in stub.state.global_commands)
    assert names == ["Quote", "echo", "ping"]
    ops = [f.op for f in stub.frames if f.direction == "in"]
    assert ops[:2] == [1, 2]  # first heartbeat right after HELLO, then IDENTIFY


async def test_deferred_slash_command_gets_its_followup(
    stub: DiscordStub, echo_bot: EchoBot
) -> None:
    interaction = await stub.dispatch_interaction("echo", {"text": "ab", "times": 2})
    message = await stub.wait_for_response(interaction)
    assert interaction.response_type == 5
    assert interaction.response_delay is not None and interaction.response_delay < 3.0
    assert message.embeds[0]["title"] == "Echo"
    assert message.data["type"] == 20  # CHAT_INPUT_COMMAND
    assert message.embeds[0]["description"] == "abab"
    # The followup replaced the "thinking…" message: one message in the channel.
    assert len(stub.messages_in("general")) == 1
    callback = await stub.wait_for_request(lambda r: r.route.endswith("/callback"))
    assert callback.json["type"] == 5


async def test_missing_required_option_is_refused_like_discord(
    stub: DiscordStub, echo_bot: EchoBot
) -> None:
    with pytest.raises(ValueError, match="text"):
        await stub.dispatch_interaction("echo", {"times": 2})


async def test_ephemeral_reply_is_flagged(stub: DiscordStub, echo_bot: EchoBot) -> None:
    interaction = await stub.dispatch_interaction("ping")
    message = await stub.wait_for_response(interaction)
    assert message.content == "pong"
    assert message.ephemeral
    assert stub.messages_in("general", ephemeral=False) == []


async def test_answer_after_the_deadline_is_refused(
    point_discord_py: Callable[[DiscordStub], None],
) -> None:
    # A short window keeps the test fast; Discord's is 3 s.
    async with DiscordStub(interaction_deadline=0.2) as stub:
        point_discord_py(stub)
        async with connected(stub, EchoBot(slow_seconds=0.4)) as bot:
            interaction = await stub.dispatch_interaction("ping")
            request = await stub.wait_for_request(lambda r: r.route.endswith("/callback"))
            assert request.status == 404
            await stub.state.wait_for(lambda: bot.errors, 5)
            error = bot.errors[0]
            assert isinstance(error, discord.NotFound) and error.code == 10062
            assert interaction.response_type is None


async def test_message_context_menu_carries_the_target(
    stub: DiscordStub, echo_bot: EchoBot
) -> None:
    target = await stub.dispatch_message("news", "Read http://example.test/a", author="reader")
    interaction = await stub.dispatch_message_command("Quote", target)
    message = await stub.wait_for_response(interaction)
    assert message.content == "> Read http://example.test/a"
    assert message.data["type"] == 23  # CONTEXT_MENU_COMMAND
    assert message.channel_id == stub.channel("news").id


async def test_rate_limit_is_waited_out_and_posted_once(
    stub: DiscordStub, echo_bot: EchoBot
) -> None:
    stub.rate_limit_next("POST", MESSAGES_ROUTE, retry_after=0.6)
    await stub.dispatch_message("general", "!hi")
    replies = await stub.wait_for_messages("general", 2)
    await asyncio.sleep(0.2)  # a duplicate would arrive right after
    posts = [r for r in stub.requests if r.method == "POST" and r.route == MESSAGES_ROUTE]
    assert [r.status for r in posts] == [429, 200]
    assert posts[1].time - posts[0].time >= 0.6
    assert [m.content for m in stub.messages_in("general")] == ["!hi", "hi @everyone"]
    assert replies[1].pings.anyone is False  # AllowedMentions.none() reached the API


async def test_global_rate_limit_holds_every_route(stub: DiscordStub, echo_bot: EchoBot) -> None:
    stub.rate_limit_next("POST", MESSAGES_ROUTE, retry_after=0.5, is_global=True)
    channel = echo_bot.get_channel(stub.channel("news").id)
    assert isinstance(channel, discord.TextChannel)
    await channel.send("after the global limit")
    posts = [r for r in stub.requests if r.route == MESSAGES_ROUTE]
    assert [r.status for r in posts] == [429, 200]
    assert posts[1].time - posts[0].time >= 0.5
    assert [m.content for m in stub.messages_in("news")] == ["after the global limit"]


async def test_exhausted_bucket_makes_discord_py_wait_without_a_429(
    point_discord_py: Callable[[DiscordStub], None],
) -> None:
    async with DiscordStub(route_limits={("POST", MESSAGES_ROUTE): Limit(2, 1.0)}) as stub:
        point_discord_py(stub)
        async with connected(stub, EchoBot()) as bot:
            channel = bot.get_channel(stub.channel("news").id)
            assert isinstance(channel, discord.TextChannel)
            for n in range(3):
                await channel.send(f"message {n}")
    posts = [r for r in stub.requests if r.route == MESSAGES_ROUTE]
    assert [r.status for r in posts] == [200, 200, 200]  # the headers said when to stop
    assert posts[2].time - posts[0].time >= 0.9


async def test_repeated_nonce_returns_the_first_message(
    stub: DiscordStub, echo_bot: EchoBot
) -> None:
    channel = echo_bot.get_channel(stub.channel("news").id)
    assert isinstance(channel, discord.TextChannel)
    first = await channel.send("once", nonce="digest-1-part-1")
    again = await channel.send("once", nonce="digest-1-part-1")
    other = await channel.send("twice", nonce="digest-1-part-2")
    assert first.id == again.id != other.id
    assert [m.content for m in stub.messages_in("news")] == ["once", "twice"]


@pytest.mark.parametrize("after_handling", [False, True])
async def test_stalled_request_holds_the_answer(
    stub: DiscordStub, echo_bot: EchoBot, after_handling: bool
) -> None:
    channel = echo_bot.get_channel(stub.channel("news").id)
    assert isinstance(channel, discord.TextChannel)
    await channel.send("first")
    stall = stub.stall_next("POST", MESSAGES_ROUTE, skip=1, after_handling=after_handling)
    await channel.send("second")
    sending = asyncio.create_task(channel.send("third"))
    await asyncio.wait_for(stall.reached.wait(), 5)
    await asyncio.sleep(0.1)
    assert not sending.done()
    expected = ["first", "second", "third"] if after_handling else ["first", "second"]
    assert [m.content for m in stub.messages_in("news")] == expected
    stall.released.set()
    assert (await asyncio.wait_for(sending, 5)).content == "third"
    assert [m.content for m in stub.messages_in("news")] == ["first", "second", "third"]


async def test_reaction_is_recorded(stub: DiscordStub, echo_bot: EchoBot) -> None:
    message = await stub.dispatch_message("links", "!react")
    await stub.wait_for_request(lambda r: r.route.endswith("/reactions/{emoji}/@me"))
    assert message.reactions == ["📥"]


async def test_history_pages_like_discord(stub: DiscordStub, echo_bot: EchoBot) -> None:
    posted = [await stub.dispatch_message("news", f"n{n}") for n in range(7)]
    channel = echo_bot.get_channel(stub.channel("news").id)
    assert isinstance(channel, discord.TextChannel)
    latest = [m.content async for m in channel.history(limit=3)]
    assert latest == ["n6", "n5", "n4"]
    after = discord.Object(posted[1].id)
    forward = [m.content async for m in channel.history(limit=None, after=after)]
    assert forward == ["n2", "n3", "n4", "n5", "n6"]
    first_two = [m.content async for m in channel.history(limit=2, oldest_first=True)]
    assert first_two == ["n0", "n1"]


async def test_early_retry_is_refused_again() -> None:
    now = [100.0]
    limits = RateLimits(clock=lambda: now[0])
    limits.script("POST", MESSAGES_ROUTE, 1, 2.0, False)
    assert limits.check("POST", MESSAGES_ROUTE, "1:::").limited
    now[0] += 1.0
    early = limits.check("POST", MESSAGES_ROUTE, "1:::")
    assert early.limited and early.body["retry_after"] == pytest.approx(1.0)
    assert early.headers["Retry-After"] == "1"
    now[0] += 1.0
    assert not limits.check("POST", MESSAGES_ROUTE, "1:::").limited
    assert not limits.check("POST", MESSAGES_ROUTE, "2:::").limited


FOLLOWUP_ROUTE = "/webhooks/{webhook_id}/{token}"
BUCKET_HEADERS = {
    "X-RateLimit-Limit",
    "X-RateLimit-Remaining",
    "X-RateLimit-Reset",
    "X-RateLimit-Reset-After",
    "X-RateLimit-Bucket",
}


@pytest.mark.parametrize(
    ("is_global", "scope", "bucket_headers"), [(False, "user", True), (True, "global", False)]
)
def test_a_429_is_shaped_like_discords(is_global: bool, scope: str, bucket_headers: bool) -> None:
    limits = RateLimits(clock=lambda: 100.0)
    limits.script("POST", MESSAGES_ROUTE, 1, 1.25, is_global)
    verdict = limits.check("POST", MESSAGES_ROUTE, major_key({"channel_id": "1"}))
    assert verdict.limited
    assert verdict.body == {
        "message": "You are being rate limited.",
        "retry_after": 1.25,
        "global": is_global,
    }
    assert verdict.headers["Retry-After"] == "2"  # whole seconds, rounded up
    assert verdict.headers["X-RateLimit-Scope"] == scope
    assert (verdict.headers.get("X-RateLimit-Global") == "true") is is_global
    assert (verdict.headers.keys() >= BUCKET_HEADERS) is bucket_headers
    if bucket_headers:
        assert verdict.headers["X-RateLimit-Remaining"] == "0"
        assert float(verdict.headers["X-RateLimit-Reset-After"]) == 1.25


def test_every_interaction_has_buckets_of_its_own() -> None:
    limits = RateLimits(limit=1, clock=lambda: 100.0)
    first = major_key({"webhook_id": "7", "token": "a"})
    assert not limits.check("POST", FOLLOWUP_ROUTE, first).limited
    assert limits.check("POST", FOLLOWUP_ROUTE, first).limited
    assert not limits.check(
        "POST", FOLLOWUP_ROUTE, major_key({"webhook_id": "7", "token": "b"})
    ).limited


@pytest.mark.parametrize(
    ("route", "major", "limited"),
    [
        ("/channels/{channel_id}", {"channel_id": "99"}, True),
        (FOLLOWUP_ROUTE, {"webhook_id": "7", "token": "z"}, False),  # exempt, as on Discord
    ],
)
def test_the_global_limit_binds_bot_requests_but_not_interactions(
    route: str, major: dict[str, str], limited: bool
) -> None:
    limits = RateLimits(clock=lambda: 100.0, global_limit=Limit(3, 1.0))
    for n in range(3):
        assert not limits.check(
            "GET", "/channels/{channel_id}", major_key({"channel_id": str(n)})
        ).limited
    verdict = limits.check(
        "GET" if route.startswith("/channels") else "POST", route, major_key(major)
    )
    assert verdict.limited is limited
    if limited:
        assert verdict.body["global"] is True and verdict.headers["X-RateLimit-Scope"] == "global"


def test_channel_posts_are_limited_to_five_in_five_seconds() -> None:
    now = [100.0]
    limits = RateLimits(clock=lambda: now[0])
    channel = major_key({"channel_id": "5"})
    assert [limits.check("POST", MESSAGES_ROUTE, channel).limited for _ in range(6)] == [
        *[False] * 5,
        True,
    ]
    now[0] += 5.0
    assert not limits.check("POST", MESSAGES_ROUTE, channel).limited


async def test_dropped_connection_resumes_and_replays(stub: DiscordStub, echo_bot: EchoBot) -> None:
    await stub.drop_connection()
    await stub.dispatch_message("general", "while you were away")
    await stub.state.wait_for(lambda: "while you were away" in echo_bot.seen, 10)
    resumes = [f for f in stub.frames if f.direction == "in" and f.op == 6]
    assert len(resumes) == 1
    assert any(f.t == "RESUMED" for f in stub.frames)
    assert len([f for f in stub.frames if f.direction == "in" and f.op == 2]) == 1


async def test_op7_reconnect_is_followed_by_a_resume(stub: DiscordStub, echo_bot: EchoBot) -> None:
    await stub.request_reconnect()
    await stub.state.wait_for(lambda: any(f.t == "RESUMED" for f in stub.frames), 10)
    await stub.dispatch_message("general", "after the move")
    await stub.state.wait_for(lambda: "after the move" in echo_bot.seen, 10)
    assert len(stub.gateway.queries) == 2


async def test_heartbeats_are_acknowledged(point_discord_py: Callable[[DiscordStub], None]) -> None:
    async with DiscordStub(heartbeat_interval_ms=50) as stub:
        point_discord_py(stub)
        async with connected(stub, EchoBot()) as bot:
            await stub.state.wait_for(lambda: len([f for f in stub.frames if f.op == 11]) >= 4, 5)
            beats = [f for f in stub.frames if f.direction == "in" and f.op == 1]
            assert len(beats) >= 4
            assert bot.latency < 1.0  # discord.py measured our ACKs
        assert stub.unhandled() == []


async def test_privileged_intent_not_enabled_is_refused(
    point_discord_py: Callable[[DiscordStub], None],
) -> None:
    async with DiscordStub(allowed_privileged_intents=0) as stub:
        point_discord_py(stub)
        bot = EchoBot()
        with pytest.raises(discord.PrivilegedIntentsRequired):
            await asyncio.wait_for(bot.start(stub.token), 10)
        await bot.close()


async def test_without_message_content_intent_content_is_blank(
    point_discord_py: Callable[[DiscordStub], None],
) -> None:
    async with DiscordStub() as stub:
        point_discord_py(stub)
        bot = EchoBot()
        bot._connection._intents.message_content = False
        async with connected(stub, bot):
            assert not stub.gateway.intents & INTENT_MESSAGE_CONTENT
            await stub.dispatch_message("general", "secret words")
            await stub.state.wait_for(lambda: bot.seen, 5)
            assert bot.seen == [""]


def test_pings_follow_allowed_mentions() -> None:
    content = "@everyone look <@123> and <@!77> and <@&456>"
    assert resolve_pings(content, None).everyone
    assert resolve_pings(content, None).users == {123, 77}
    assert resolve_pings(content, None).roles == {456}
    assert not resolve_pings(content, {"parse": []}).anyone
    only_users = resolve_pings(content, {"parse": ["users"]})
    assert only_users.users == {123, 77} and not only_users.everyone and not only_users.roles
    assert resolve_pings(content, {"parse": [], "users": ["77"]}).users == {77}


def test_message_limits_match_discord() -> None:
    assert message_errors({"content": "x" * 2000, "embeds": [{"title": "t"}] * 10}) == []
    assert message_errors({"embeds": [{"title": "t"}] * 11})
    assert message_errors({"content": "x" * 2001})
    big = {"description": "x" * 4000}
    assert message_errors({"embeds": [big, big]})  # 8,000 characters > 6,000
    assert message_errors({"embeds": [{"title": "x" * 257}]})
    assert message_errors({"embeds": [{"fields": [{"name": "n", "value": "v" * 1025}]}]})
