"""The Rewriter against a real Chat Completions server on 127.0.0.1 (tests/servers/openai_stub).

Every test asserts how many requests the server saw: that is the retry policy's contract.
Waits are kept tiny through the options; `sleeps` records each wait the policy chose.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

import pytest

from bot.settings import Settings
from bot.store.db import Database
from bot.store.llm_cache import LLMCache
from summarizers.rewrite import LLMOptions, RewriteOutcome, Rewriter, rewrite_with_settings
from tests.rewrite_story import GOOD_POINTS, RUIZ, extractive, story
from tests.servers.openai_stub import (
    Behaviour,
    Fail,
    Hang,
    NoJsonMode,
    OpenAIStub,
    Reply,
    answer,
)

GOOD = answer(GOOD_POINTS, "Brookhaven approves budget", [(RUIZ, "Elena Ruiz")])
INVENTED_QUOTE = answer(GOOD_POINTS, "", [("Taxes will never rise again", "Elena Ruiz")])
BAD_NUMBER = answer([GOOD_POINTS[0], "The budget adds 15 new bus routes."])
METHOD = "llm:stub-model prompt v1"


class Sleeps(list[float]):
    """Records each backoff wait and sleeps for none of it (the waits are the assertion)."""

    async def __call__(self, seconds: float) -> None:
        self.append(seconds)


def options(stub: OpenAIStub, **changes: object) -> LLMOptions:
    base = LLMOptions(
        api_key="test-key",
        base_url=stub.base_url,
        model="stub-model",
        timeout=2.0,
        attempts=4,
        max_wait=10.0,
        backoff_initial=0.01,
        backoff_max=0.05,
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


async def rewrite_with(
    script: Sequence[Behaviour] = (),
    then: Behaviour | None = None,
    sleep: Sleeps | None = None,
    cache: LLMCache | None = None,
    **changes: object,
) -> tuple[OpenAIStub, RewriteOutcome]:
    """One rewrite of the story against a fresh stub; the stub keeps its request record."""
    async with (
        OpenAIStub(script, then) as stub,
        Rewriter(options(stub, **changes), sleep=sleep, cache=cache) as rewriter,
    ):
        return stub, await rewriter.rewrite_outcome(story(), extractive(story()))


@pytest.fixture
async def cache(tmp_path: Path) -> AsyncIterator[LLMCache]:
    async with Database(tmp_path / "cache.sqlite3") as db:
        yield LLMCache(db)


async def test_good_answer_is_used_with_usage_and_json_mode() -> None:
    stub, outcome = await rewrite_with([Reply(GOOD)])
    digest = outcome.digest
    assert len(stub.requests) == 1
    body = stub.requests[0].body
    assert body["model"] == "stub-model" and body["response_format"] == {"type": "json_object"}
    assert stub.requests[0].headers["Authorization"] == "Bearer test-key"
    assert digest.method == METHOD
    assert digest.points == GOOD_POINTS and digest.headline == "Brookhaven approves budget"
    assert [(q.text, q.speaker) for q in digest.quotes] == [(RUIZ.rstrip(","), "Elena Ruiz")]
    assert digest.usage == {"prompt_tokens": 120, "completion_tokens": 40, "total_tokens": 160}


async def test_429_with_retry_after_then_success() -> None:
    sleeps = Sleeps()
    script: list[Behaviour] = [
        Fail(429, {"Retry-After": "0.04"}),
        Fail(429, {"retry-after-ms": "30"}),
        Reply(GOOD),
    ]
    stub, outcome = await rewrite_with(script, sleep=sleeps)
    digest = outcome.digest
    assert len(stub.requests) == 3
    assert sleeps == pytest.approx([0.04, 0.03])
    assert digest.method == METHOD


async def test_retry_after_is_capped() -> None:
    sleeps = Sleeps()
    stub, outcome = await rewrite_with(
        [Fail(429, {"Retry-After": "3600"}), Reply(GOOD)], sleep=sleeps
    )
    digest = outcome.digest
    assert len(stub.requests) == 2
    assert sleeps == [0.05]  # backoff_max, not an hour
    assert digest.method == METHOD


async def test_500_503_then_success_logs_each_retry(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="summarizers.rewrite")
    sleeps = Sleeps()
    stub, outcome = await rewrite_with([Fail(500), Fail(503), Reply(GOOD)], sleep=sleeps)
    digest = outcome.digest
    assert len(stub.requests) == 3
    assert digest.method == METHOD
    retries = [r.getMessage() for r in caplog.records if "retry" in r.getMessage()]
    assert len(retries) == 2
    assert "HTTP 500" in retries[0] and "HTTP 503" in retries[1]
    assert len(sleeps) == 2 and all(0 < s <= 0.05 for s in sleeps)


async def test_hang_past_the_timeout_is_retried() -> None:
    stub, outcome = await rewrite_with([Hang(), Reply(GOOD)], sleep=Sleeps(), timeout=0.3)
    digest = outcome.digest
    assert len(stub.requests) == 2
    assert digest.method == METHOD


async def test_401_is_not_retried_and_says_why() -> None:
    unauthorised = Fail(401, message="Incorrect API key provided")
    stub, outcome = await rewrite_with([unauthorised], then=Reply(GOOD), sleep=Sleeps())
    assert len(stub.requests) == 1
    assert outcome.digest.method == "extractive (llm: API key refused)"
    assert outcome.digest.points == extractive(story()).points
    assert outcome.message is not None and "API key" in outcome.message
    assert "OPENAI_API_KEY" in outcome.message and "\n" not in outcome.message


@pytest.mark.parametrize(("status", "reason"), [(403, "access denied"), (404, "model not found"),
                                                (422, "request rejected")])  # fmt: skip
async def test_other_client_errors_are_not_retried(status: int, reason: str) -> None:
    stub, outcome = await rewrite_with([Fail(status)], then=Reply(GOOD), sleep=Sleeps())
    digest = outcome.digest
    assert len(stub.requests) == 1
    assert digest.method == f"extractive (llm: {reason})"


async def test_always_500_is_bounded_and_keeps_the_extractive_digest() -> None:
    sleeps = Sleeps()
    stub, outcome = await rewrite_with(then=Fail(500), sleep=sleeps, attempts=3)
    assert len(stub.requests) == 3
    assert len(sleeps) == 2
    assert outcome.digest == dataclasses.replace(
        extractive(story()),
        method="extractive (llm: service unavailable)",
        usage={"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
    )
    assert outcome.reason == "service unavailable"


async def test_total_time_bounds_the_retries() -> None:
    # Waits of about 0.1 s each against a 0.25 s budget: far fewer than 20 attempts.
    stub, outcome = await rewrite_with(
        then=Fail(503), attempts=20, max_wait=0.25, backoff_initial=0.1, backoff_max=0.1
    )
    digest = outcome.digest
    assert 1 < len(stub.requests) <= 4
    assert digest.method == "extractive (llm: service unavailable)"


async def test_one_time_budget_covers_the_repair_request_too() -> None:
    script = [Reply(BAD_NUMBER, delay=0.1), Reply(GOOD, delay=5.0)]
    stub, outcome = await rewrite_with(script, max_wait=0.6, timeout=5.0)
    assert len(stub.requests) == 2
    assert outcome.digest.method == "extractive (llm: timed out)"


async def test_malformed_json_gets_one_repair_then_falls_back() -> None:
    stub, outcome = await rewrite_with(then=Reply("Sure! {headline: Brookhaven, points: ["))
    digest = outcome.digest
    assert len(stub.requests) == 2
    repair = stub.requests[1].messages
    assert repair[-2]["role"] == "assistant" and "not one JSON object" in repair[-1]["content"]
    assert digest.method == "extractive (llm: malformed answer)"
    assert digest.points == extractive(story()).points
    assert digest.usage == {"prompt_tokens": 240, "completion_tokens": 80, "total_tokens": 320}


async def test_repair_that_works_is_used() -> None:
    stub, outcome = await rewrite_with([Reply("no JSON here"), Reply(f"```json\n{GOOD}\n```")])
    digest = outcome.digest
    assert len(stub.requests) == 2
    assert digest.method == METHOD and digest.points == GOOD_POINTS


async def test_invented_quote_is_dropped_when_the_rest_is_sound() -> None:
    stub, outcome = await rewrite_with(then=Reply(INVENTED_QUOTE))
    digest = outcome.digest
    assert len(stub.requests) == 2
    assert "Taxes will never rise again" in stub.requests[1].messages[-1]["content"]
    assert digest.method == METHOD and digest.points == GOOD_POINTS
    assert all("Taxes" not in q.text for q in digest.quotes)
    # No model quote survived: the extractive digest's verified quotes stay.
    assert digest.quotes == extractive(story()).quotes
    assert any("dropped 1 quote" in note for note in digest.notes)


async def test_invented_quote_with_other_problems_falls_back() -> None:
    bad = answer(["The council met on Friday."], "", [("Taxes will never rise again", "Ruiz")])
    stub, outcome = await rewrite_with(then=Reply(bad))
    digest = outcome.digest
    assert len(stub.requests) == 2
    assert digest.method == "extractive (llm: date not in article)"


async def test_number_not_in_article_falls_back_after_one_repair() -> None:
    stub, outcome = await rewrite_with(then=Reply(BAD_NUMBER))
    assert len(stub.requests) == 2
    assert "15" in stub.requests[1].messages[-1]["content"]
    assert outcome.digest.method == "extractive (llm: number not in article)"
    assert outcome.digest.points == extractive(story()).points
    assert outcome.message == "The LLM's rewrite failed the fact check (number not in article)."


async def test_spliced_name_falls_back_and_good_points_carry_their_evidence() -> None:
    spliced = answer([GOOD_POINTS[0], "Elena Becker voted against the plan."])
    stub, outcome = await rewrite_with(then=Reply(spliced))
    assert len(stub.requests) == 2
    assert "Elena Becker" in stub.requests[1].messages[-1]["content"]
    assert outcome.digest.method == "extractive (llm: names joined)"
    _, good = await rewrite_with([Reply(GOOD)])
    # Article sentences 0 (the vote) and 4 (the bus routes).
    assert good.digest.evidence == [[0], [4]]


# A hallucinating server: the same invented fact in the answer and in the repair. None of
# them may reach the digest (issue 23's goal: zero invented quotes, numbers or names).
HALLUCINATIONS = [
    ("The budget adds 15 new bus routes.", "15"),
    ("The budget adds fifteen new bus routes.", "fifteen"),
    ("The council approved a 5.2 million dollar budget after three weeks of debate.", "5.2"),
    ("The budget takes effect in 2026 with 12 new bus routes.", "2026"),
    ("The budget takes effect on 1 August 2025.", "August"),
    ("The council approved the budget on Friday.", "Friday"),
    ("Governor Alan Hale backed the budget.", "Alan Hale"),
    ("Elena Becker voted against the plan.", "Elena Becker"),
    ("Mayor Elena Ruiz said the budget “saves every library forever”.", "forever"),
]


@pytest.mark.parametrize(("point", "invented"), HALLUCINATIONS)
async def test_no_invented_fact_reaches_the_digest(point: str, invented: str) -> None:
    stub, outcome = await rewrite_with(then=Reply(answer([GOOD_POINTS[0], point])))
    assert len(stub.requests) == 2  # the answer, then one repair that repeats it
    digest = outcome.digest
    assert digest.method.startswith("extractive")
    text = " ".join([digest.headline or "", *digest.points, *(q.text for q in digest.quotes)])
    assert invented not in text


async def test_server_without_json_mode_gets_plain_requests() -> None:
    plain_only = NoJsonMode(Reply(f"Here it is:\n{GOOD}"))
    async with OpenAIStub(then=plain_only) as stub, Rewriter(options(stub)) as rewriter:
        first = await rewriter.rewrite(story(), extractive(story()))
        second = await rewriter.rewrite(story(), extractive(story()))
    # One rejected JSON-mode request, then plain ones only.
    assert ["response_format" in r.body for r in stub.requests] == [True, False, False]
    assert first.method == second.method == METHOD


async def test_breaker_opens_then_lets_one_trial_through_after_cooldown() -> None:
    now = [0.0]
    async with OpenAIStub(then=Fail(500)) as stub:
        opts = options(stub, attempts=1, breaker_failures=2, breaker_cooldown=60.0)
        async with Rewriter(opts, clock=lambda: now[0]) as rewriter:
            methods = [
                (await rewriter.rewrite(story(), extractive(story()))).method for _ in range(4)
            ]
            assert len(stub.requests) == 2
            assert methods[2:] == ["extractive (llm: paused after repeated failures)"] * 2
            now[0] = 61.0
            stub.then = Reply(GOOD)
            recovered = await rewriter.rewrite(story(), extractive(story()))
            assert len(stub.requests) == 3
            assert recovered.method == METHOD
            assert not rewriter.breaker.is_open


async def test_cache_hit_makes_no_request(cache: LLMCache) -> None:
    async with OpenAIStub(then=Reply(GOOD)) as stub:
        async with Rewriter(options(stub), cache=cache) as rewriter:
            first = await rewriter.rewrite(story(), extractive(story()))
        async with Rewriter(options(stub), cache=cache) as rewriter:
            again = await rewriter.rewrite(story(), extractive(story()))
        assert len(stub.requests) == 1
        assert again.points == first.points and again.quotes == first.quotes
        assert again.method == f"{METHOD} (cached)"
        assert again.usage == {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0}
        # Another model is another key.
        async with Rewriter(options(stub, model="other-model"), cache=cache) as rewriter:
            other = await rewriter.rewrite(story(), extractive(story()))
        assert len(stub.requests) == 2 and other.method == "llm:other-model prompt v1"


async def test_refused_answers_are_cached_too(cache: LLMCache) -> None:
    async with OpenAIStub(then=Reply(BAD_NUMBER)) as stub:
        for _ in range(2):
            async with Rewriter(options(stub), cache=cache) as rewriter:
                digest = await rewriter.rewrite(story(), extractive(story()))
            assert digest.method == "extractive (llm: number not in article)"
        assert len(stub.requests) == 2  # one question and one repair, paid once


async def test_failures_are_not_cached(cache: LLMCache) -> None:
    async with OpenAIStub([Fail(401)], then=Reply(GOOD)) as stub:
        for _ in range(2):
            async with Rewriter(options(stub), cache=cache) as rewriter:
                digest = await rewriter.rewrite(story(), extractive(story()))
        assert len(stub.requests) == 2 and digest.method == METHOD


async def test_concurrency_limit_holds() -> None:
    async with (
        OpenAIStub(then=Reply(GOOD, delay=0.1)) as stub,
        Rewriter(options(stub, concurrency=2)) as rewriter,
    ):
        digests = await asyncio.gather(
            *(rewriter.rewrite(story(), extractive(story())) for _ in range(6))
        )
    assert len(stub.requests) == 6
    assert stub.max_in_flight == 2
    assert {d.method for d in digests} == {METHOD}


async def test_off_without_key_or_model_says_so_once(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="summarizers.rewrite")
    async with Rewriter(LLMOptions(api_key="", model="m")) as rewriter:
        outcomes = [await rewriter.rewrite_outcome(story(), extractive(story())) for _ in range(3)]
    assert all(o.digest == extractive(story()) and o.reason == "off" for o in outcomes)
    assert sum("rewriter is off" in r.getMessage() for r in caplog.records) == 1


async def test_broken_cache_costs_no_digest(cache: LLMCache) -> None:
    await cache.db.conn.execute("DROP TABLE llm_cache")
    stub, outcome = await rewrite_with(then=Reply(GOOD), cache=cache)
    assert len(stub.requests) == 1 and outcome.digest.method == METHOD


async def test_rewrite_with_settings_reads_the_environment_settings(cache: LLMCache) -> None:
    pairs = [(story(), extractive(story()))] * 2
    async with OpenAIStub([Reply(GOOD), Fail(401)]) as stub:
        settings = Settings.load(
            {
                "OPENAI_API_KEY": "test-key",
                "OPENAI_BASE_URL": stub.base_url,
                "DIGESTBOT_LLM_MODEL": "stub-model",
                "DIGESTBOT_LLM_CONCURRENCY": "1",
            },
            dotenv_path=None,
        )
        digests, warnings = await rewrite_with_settings(settings, pairs)
    assert len(stub.requests) == 2
    assert [d.method for d in digests] == [METHOD, "extractive (llm: API key refused)"]
    assert warnings[0] is None and warnings[1] is not None and "HTTP 401" in warnings[1]
