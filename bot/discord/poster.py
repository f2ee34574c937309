"""Posting a digest's messages to a channel, and recognising them again after a crash."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Literal

import discord

from bot.discord.retry import outlasting_429s
from bot.render.embeds import Message
from summarizers.errors import DigestbotError

THREAD_EXISTS = 160004  # Discord: "A thread has already been created for this message"
THREAD_ARCHIVE_MINUTES: Literal[1440] = 1440  # a day: the thread outlives its digest
THREAD_NAME_LIMIT = 100
# How far the clocks of the bot and Discord may disagree, and the longest a send may take
# from its start to the message's creation: the message in doubt is searched for within them.
CLOCK_SKEW = dt.timedelta(minutes=2)
SEND_WINDOW = dt.timedelta(minutes=10)


class PostingError(DigestbotError):
    """The digest cannot be posted at all (channel gone, not allowed): retrying won't help."""


class MessageRejected(Exception):
    """Discord refused one message for good (a 4xx other than 403, 404 and 429)."""


def post_nonce(guild_id: int, slot: str, seq: int) -> int:
    """A stable nonce per planned message: Discord refuses a repeat sent soon after a crash."""
    digest = hashlib.sha256(f"{guild_id}:{slot}:{seq}".encode()).digest()
    return int.from_bytes(digest[:8], "big") >> 1  # a positive 63-bit integer


class ChannelPoster:
    """Sends ledger messages with mentions off and finds the bot's own earlier ones."""

    def __init__(self, client: discord.Client) -> None:
        self.client = client
        self._threads: set[int] = set()  # threads this poster opened or found

    async def _channel(self, channel_id: int) -> discord.abc.Messageable:
        if channel_id in self._threads:
            return self.client.get_partial_messageable(
                channel_id, type=discord.ChannelType.public_thread
            )
        channel = self.client.get_channel(channel_id)
        if channel is None:
            try:
                channel = await self.client.fetch_channel(channel_id)
            except discord.NotFound:
                raise PostingError("The digest channel no longer exists.") from None
            except discord.Forbidden:
                raise PostingError("I am not allowed to see the digest channel.") from None
        if not isinstance(channel, discord.abc.Messageable):
            raise PostingError("The digest channel is not a text channel.")
        return channel

    async def send(self, channel_id: int, message: Message, nonce: int) -> int:
        """Post `message`; its id. PostingError when the channel refuses for good."""
        channel = await self._channel(channel_id)
        try:
            # However long Discord answers 429: a digest message is never given up on.
            sent = await outlasting_429s(
                lambda: channel.send(
                    content=message.content,
                    embeds=message.embeds,
                    nonce=nonce,
                    allowed_mentions=discord.AllowedMentions.none(),
                ),
                deadline=None,
                what=f"digest message in channel {channel_id}",
            )
        except discord.Forbidden:
            raise PostingError("I am not allowed to post in the digest channel.") from None
        except discord.NotFound:
            raise PostingError("The digest channel no longer exists.") from None
        except discord.HTTPException as exc:
            # discord.py retries 5xx itself; what is left of 4xx is about this message, and
            # sending it again would fail again.
            if 400 <= exc.status < 500:
                raise MessageRejected(str(exc)) from exc
            raise
        return sent.id

    async def open_thread(self, channel_id: int, message_id: int, name: str) -> int:
        """The id of the thread under message `message_id`, started now unless it exists."""
        try:
            data = await self.client.http.start_thread_with_message(
                channel_id,
                message_id,
                name=name[:THREAD_NAME_LIMIT],
                auto_archive_duration=THREAD_ARCHIVE_MINUTES,
            )
            thread_id = int(data["id"])
        except discord.Forbidden:
            raise PostingError(
                "I am not allowed to create threads in the digest channel; grant me Create "
                "Public Threads and Send Messages in Threads, or turn threads off."
            ) from None
        except discord.HTTPException as exc:
            if exc.code != THREAD_EXISTS:
                raise
            # Started before a crash: Discord gives a message's thread the message's id.
            thread_id = message_id
        self._threads.add(thread_id)
        return thread_id

    async def say(self, channel_id: int, text: str) -> int:
        """Post one plain message (mentions off); its id."""
        channel = await self._channel(channel_id)
        try:
            sent = await channel.send(text, allowed_mentions=discord.AllowedMentions.none())
        except discord.Forbidden:
            raise PostingError("I am not allowed to post in the digest channel.") from None
        return sent.id

    def mark(self) -> int:
        """A snowflake no greater than the id of any message sent from now on."""
        return discord.utils.time_snowflake(discord.utils.utcnow() - CLOCK_SKEW)

    async def find(
        self, channel_id: int, message: Message, since: int | None, anchor: int | None
    ) -> int | None:
        """The id of our message with the same text as `message`, if it was posted.

        `since` is the `mark()` taken when its send started, `anchor` the run's previous
        message: it can only be later than both. The channel is read forward from there, page
        after page, however many messages came since, and no further than the send could
        have taken. Every digest message carries its unique 'digest N · part i/n' line, so
        the text alone identifies it.
        """
        channel = await self._channel(channel_id)
        me = self.client.user
        after = max(since or 0, anchor or 0)
        until = (
            discord.utils.snowflake_time(since) + 2 * CLOCK_SKEW + SEND_WINDOW
            if since is not None
            else None
        )
        history = channel.history(
            limit=None, after=discord.Object(after) if after else None, oldest_first=True
        )
        async for found in history:
            if until is not None and found.created_at > until:
                return None
            if me is not None and found.author.id == me.id and found.content == message.content:
                return found.id
        return None
