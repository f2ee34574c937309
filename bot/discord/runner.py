"""Making and posting one digest run, resumable at every step (see `bot.store.posts`)."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable, Sequence
from typing import Protocol

from bot.discord.poster import MessageRejected, PostingError, post_nonce
from bot.render.embeds import Failure, Message, digest_messages, item_embed, thread_messages
from bot.store.posts import Ledger, Run
from summarizers.stories import Report, stories

log = logging.getLogger(__name__)


class Summarizer(Protocol):
    """What the runner needs to turn links into digests (`Digester` in the bot)."""

    async def reports_many(self, urls: Sequence[str]) -> list[Report | Failure]: ...


class Poster(Protocol):
    """What the runner needs from the chat (`ChannelPoster` in the bot)."""

    def mark(self) -> int:
        """A snowflake no greater than the id of any message sent from now on."""
        ...

    async def send(self, channel_id: int, message: Message, nonce: int) -> int: ...

    async def find(
        self, channel_id: int, message: Message, since: int | None, anchor: int | None
    ) -> int | None: ...

    async def open_thread(self, channel_id: int, message_id: int, name: str) -> int: ...


class DigestRunner:
    """Collects, plans and posts runs; every step is recorded before the next one starts."""

    def __init__(
        self,
        ledger: Ledger,
        summarizer: Summarizer,
        poster: Poster,
        clock: Callable[[], dt.datetime],
    ) -> None:
        self.ledger = ledger
        self.summarizer = summarizer
        self.poster = poster
        self.clock = clock

    async def run(self, run: Run) -> None:
        """Bring `run` to its end from wherever it stopped.

        A PostingError (channel gone, not allowed) fails the run and gives its links back to
        the queue; other errors leave it open, to be resumed on the next pass.
        """
        try:
            if run.state == "collecting":
                await self._plan(run)
            await self._post(run)
        except PostingError as exc:
            log.warning("digest %s for server %s failed: %s", run.id, run.guild_id, exc)
            await self.ledger.finish(run.id, self.clock(), failure=str(exc))
            return
        await self.ledger.finish(run.id, self.clock())

    async def _plan(self, run: Run) -> None:
        items = await self.ledger.items(run.id)
        results = await self.summarizer.reports_many([item.url for item in items])
        reports = [r for r in results if isinstance(r, Report)]
        # Reports of one story become one item; clustering is CPU work, off the event loop.
        items_told = await asyncio.to_thread(stories, reports)
        embeds = [item_embed(item) for item in items_told]
        failures = [r for r in results if isinstance(r, Failure)]
        shape = thread_messages if run.threaded else digest_messages
        messages = shape(run.id, run.title_date, embeds, failures)
        await self.ledger.save_plan(run.id, [m.to_payload() for m in messages])

    async def _post(self, run: Run) -> None:
        # The last message of this run known to be posted, in the channel and in the thread.
        anchors: dict[bool, int | None] = {False: None, True: None}
        thread: int | None = None
        for post in await self.ledger.posts(run.id):
            message = Message.from_payload(post.payload)
            place = message.in_thread
            if post.state in ("sent", "rejected"):
                anchors[place] = post.message_id or anchors[place]
                continue
            target = run.channel_id
            summary = anchors[False]
            if place and summary is not None:
                # The thread hangs under the summary, the run's one message in the channel;
                # if Discord refused the summary, the stories go in the channel instead.
                thread = thread or await self._open_thread(run, summary)
                target = thread
            if post.state == "sending":
                # Sent or not? The process stopped mid-request: look before sending again.
                found = await self.poster.find(target, message, post.sending_since, anchors[place])
                if found is not None:
                    await self.ledger.mark_sent(run.id, post.seq, found)
                    anchors[place] = found
                    continue
            await self.ledger.mark_sending(run.id, post.seq, self.poster.mark())
            nonce = post_nonce(run.guild_id, run.slot, post.seq)
            try:
                sent = await self.poster.send(target, message, nonce)
            except MessageRejected as exc:
                log.error("digest %s: Discord refused message %d: %s", run.id, post.seq, exc)
                await self.ledger.mark_rejected(run.id, post.seq)
                continue
            await self.ledger.mark_sent(run.id, post.seq, sent)
            anchors[place] = sent

    async def _open_thread(self, run: Run, summary_id: int) -> int:
        day = run.title_date
        name = f"Daily digest · {day.strftime('%A')} {day.day} {day:%B %Y}"
        return await self.poster.open_thread(run.channel_id, summary_id, name)
