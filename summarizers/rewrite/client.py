"""One Chat Completions call through the `openai` SDK, retried by the policy in `retry`.

Works with any OpenAI-compatible server. JSON mode (`response_format`) is asked for first; a
server that rejects it with HTTP 400 is asked again in plain mode, and plain mode is kept
for the rest of this client's life.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import cast

import openai
from openai.types.chat import ChatCompletionMessageParam

from summarizers.rewrite.options import LLMOptions
from summarizers.rewrite.retry import retrying

log = logging.getLogger(__name__)

Usage = dict[str, int]
USAGE_KEYS = ("prompt_tokens", "completion_tokens", "total_tokens")


@dataclass(frozen=True)
class Completion:
    """The model's text and the tokens it cost."""

    text: str
    usage: Usage


def add_usage(total: Usage, more: Usage) -> Usage:
    """Token counts summed key by key."""
    return {key: total.get(key, 0) + more.get(key, 0) for key in USAGE_KEYS}


class ChatClient:
    """An `AsyncOpenAI` client with the SDK's retries off and ours on."""

    def __init__(
        self,
        options: LLMOptions,
        sleep: Callable[[float], Awaitable[None]] | None = None,
    ) -> None:
        self.options = options
        self._sleep = sleep
        self._json_mode = True
        self._sdk = openai.AsyncOpenAI(
            api_key=options.api_key,
            base_url=options.base_url or None,
            timeout=options.timeout,
            max_retries=0,
        )

    async def close(self) -> None:
        """Release the HTTP connection pool."""
        await self._sdk.close()

    async def complete(self, messages: Sequence[Mapping[str, str]], deadline: float) -> Completion:
        """Send `messages` (role, content), retrying transient failures until `deadline`
        (event-loop time); raise the last error, or TimeoutError at the deadline."""
        params = cast(list[ChatCompletionMessageParam], [dict(m) for m in messages])
        failures: list[Exception] = []
        try:
            async with asyncio.timeout_at(deadline):
                async for attempt in retrying(self.options, deadline, self._sleep):
                    with attempt:
                        try:
                            return await self._once(params)
                        except Exception as exc:
                            failures.append(exc)
                            raise
        except TimeoutError:
            # Cut off by the deadline: the earlier failure (a 503, say) explains it better.
            if failures:
                raise failures[-1] from None
            raise
        raise AssertionError("unreachable: tenacity re-raises the last error")

    async def _once(self, messages: list[ChatCompletionMessageParam]) -> Completion:
        if self._json_mode:
            try:
                return await self._request(messages, json_mode=True)
            except openai.BadRequestError:
                log.info("LLM server rejected response_format; asking for plain text instead")
                self._json_mode = False
        return await self._request(messages, json_mode=False)

    async def _request(
        self, messages: list[ChatCompletionMessageParam], *, json_mode: bool
    ) -> Completion:
        # The SDK's timeout covers each phase of the HTTP exchange; this one bounds the whole.
        async with asyncio.timeout(self.options.timeout):
            response = await self._sdk.chat.completions.create(
                model=self.options.model,
                messages=messages,
                temperature=self.options.temperature,
                # Through extra_body: the same call then works on every SDK major version.
                extra_body={"response_format": {"type": "json_object"}} if json_mode else None,
            )
        text = response.choices[0].message.content or "" if response.choices else ""
        usage: Usage = {}
        if response.usage is not None:
            usage = {key: int(getattr(response.usage, key) or 0) for key in USAGE_KEYS}
        return Completion(text, add_usage({}, usage))
