"""The optional judge against the scripted Chat Completions server on 127.0.0.1."""

from __future__ import annotations

import dataclasses

import pytest

from summarizers.rewrite import LLMOptions
from summarizers.verify import ArticleIndex, Checker, Report, SentenceVerdict
from summarizers.verify.checks import Problem
from summarizers.verify.judge import Judge, parse_answer
from tests.servers.openai_stub import Fail, OpenAIStub, Reply

ARTICLE = "The council approved the budget on Tuesday. The mayor praised the vote."
CHECKER = Checker()
INVENTED = Problem("number not in article", "the article never gives 15")


def options(stub: OpenAIStub, **changes: object) -> LLMOptions:
    base = LLMOptions(api_key="k", base_url=stub.base_url, model="judge-model", timeout=2.0,
                      attempts=2, max_wait=5.0, backoff_initial=0.01, backoff_max=0.02)  # fmt: skip
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def report(*offsets: float, problems: tuple[Problem, ...] = ()) -> Report:
    """Sentences scored at the checker's threshold plus each offset."""
    return Report([verdict(i, o, problems) for i, o in enumerate(offsets)])


def verdict(number: int, offset: float, problems: tuple[Problem, ...]) -> SentenceVerdict:
    supported = offset >= 0 and not problems
    score = CHECKER.threshold + offset
    return SentenceVerdict(f"Sentence {number}.", supported, score, (0,), problems)


async def review(stub: OpenAIStub, given: Report, **changes: object) -> Report:
    async with Judge(options(stub, **changes)) as judge:
        return await judge.review(CHECKER, ArticleIndex(ARTICLE, "en"), given)


async def test_only_unsure_sentences_are_asked_and_the_answer_decides() -> None:
    async with OpenAIStub(then=Reply('{"supported": false}')) as stub:
        judged = await review(stub, report(0.05, 0.6))
    assert len(stub.requests) == 1  # the confident sentence is not asked about
    asked = stub.requests[0].messages[-1]["content"]
    assert "Sentence 0." in asked and "The council approved the budget on Tuesday." in asked
    assert stub.requests[0].body["model"] == "judge-model"
    first, second = judged.sentences
    assert first.supported is False and first.judged is not None
    assert second.supported is True and second.judged is None


async def test_a_hard_failure_is_never_sent_so_never_passed() -> None:
    async with OpenAIStub(then=Reply('{"supported": true}')) as stub:
        judged = await review(stub, report(-0.05, problems=(INVENTED,)))
    assert stub.requests == []
    assert judged.sentences[0].supported is False


async def test_failures_are_retried_then_the_checker_stands() -> None:
    async with OpenAIStub([Fail(503)], then=Fail(500)) as stub:
        judged = await review(stub, report(-0.05))
    assert len(stub.requests) == 2  # attempts=2
    assert judged.sentences[0].supported is False and judged.sentences[0].judged is None


async def test_breaker_stops_asking_after_repeated_failures() -> None:
    async with OpenAIStub(then=Fail(500)) as stub:
        judged = await review(stub, report(-0.05, -0.04, -0.03), attempts=1,
                              breaker_failures=1, concurrency=1)  # fmt: skip
    assert len(stub.requests) == 1
    assert [s.supported for s in judged.sentences] == [False, False, False]


async def test_retry_after_a_429_then_the_answer_is_used() -> None:
    async with OpenAIStub([Fail(429, {"Retry-After": "0"})], then=Reply("yes")) as stub:
        judged = await review(stub, report(-0.05))
    assert len(stub.requests) == 2
    assert judged.sentences[0].supported is True


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ('{"supported": true}', True),
        ('{"supported": false}', False),
        ("Yes, the article says so.", True),
        ("no", False),
        ("I cannot tell.", None),
        ('{"supported": "maybe"}', None),
    ],
)
def test_answers_are_read_strictly(text: str, answer: bool | None) -> None:
    assert parse_answer(text) is answer


def test_judge_settings_fall_back_to_the_rewriters_server() -> None:
    from bot.settings import Settings

    assert Settings.load({}, dotenv_path=None).judge_options() is None
    env = {
        "DIGESTBOT_JUDGE_MODEL": "minicheck",
        "OPENAI_BASE_URL": "http://127.0.0.1:9/v1",
        "DIGESTBOT_LLM_ATTEMPTS": "3",
    }
    judge = Settings.load(env, dotenv_path=None).judge_options()
    assert judge is not None and judge.enabled
    assert (judge.model, judge.base_url, judge.attempts) == ("minicheck", env["OPENAI_BASE_URL"], 3)
    own_server = env | {"DIGESTBOT_JUDGE_BASE_URL": "http://127.0.0.1:8/v1"}
    own = Settings.load(own_server, dotenv_path=None).judge_options()
    assert own is not None and own.base_url == "http://127.0.0.1:8/v1"
