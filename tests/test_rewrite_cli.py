"""`digestbot summarize --llm`, run as a subprocess against the stub Chat Completions server."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import SAMPLE, program_environ
from tests.servers.openai_stub import Fail, OpenAIStub, Reply, answer

REWRITE = answer(
    [
        "The US-led coalition does not plan to target ISIS militants in areas held by the "
        "Syrian government, a senior coalition official said on Wednesday.",
        "The coalition estimates that fewer than 1,000 ISIS fighters remain in Iraq and Syria.",
    ],
    "Coalition will not target ISIS in Syrian government areas",
)


def digestbot(
    *args: str, stub: OpenAIStub | None, db: Path, **env: str
) -> subprocess.CompletedProcess[str]:
    """Run the CLI with the LLM settings pointing at `stub` (none: the rewriter is off)."""
    clean = program_environ()
    clean["DIGESTBOT_DB"] = str(db)
    if stub is not None:
        clean |= {
            "OPENAI_API_KEY": "test-key",
            "OPENAI_BASE_URL": stub.base_url,
            "DIGESTBOT_LLM_MODEL": "stub-model",
        }
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "summarize", str(SAMPLE), *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=clean | env,
        cwd=db.parent,
    )


def test_llm_rewrite_in_json_with_usage_then_from_cache(tmp_path: Path) -> None:
    db = tmp_path / "digestbot.sqlite3"
    with OpenAIStub(then=Reply(REWRITE)).running() as stub:
        first = digestbot("--llm", "--format", "json", stub=stub, db=db)
        second = digestbot("--llm", "--format", "json", stub=stub, db=db)
    assert first.returncode == 0, first.stderr
    digest = json.loads(first.stdout)
    assert digest["method"] == "llm:stub-model prompt v1"
    assert digest["headline"] == "Coalition will not target ISIS in Syrian government areas"
    assert digest["points"] == json.loads(REWRITE)["points"]
    assert digest["usage"] == {"prompt_tokens": 120, "completion_tokens": 40, "total_tokens": 160}
    assert digest["quotes"], "the extractive digest's verified quotes are kept"
    assert len(stub.requests) == 1  # the second run was served from the SQLite cache
    cached = json.loads(second.stdout)
    assert cached["points"] == digest["points"]
    assert cached["usage"] == {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0}


def test_llm_failure_falls_back_with_one_warning_and_status_0(tmp_path: Path) -> None:
    with OpenAIStub(then=Fail(500)).running() as stub:
        result = digestbot(
            "--llm", "--format", "json", stub=stub, db=tmp_path / "d.sqlite3",
            DIGESTBOT_LLM_ATTEMPTS="2",
        )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert len(stub.requests) == 2
    digest = json.loads(result.stdout)
    assert digest["method"] == "extractive (llm: service unavailable)"
    lines = result.stderr.strip().splitlines()
    warnings = [line for line in lines if line.startswith("digestbot:")]
    assert len(warnings) == 1 and "unavailable" in warnings[0]
    retries = [line for line in lines if "retry" in line]
    assert len(retries) == 1 and "HTTP 500" in retries[0]
    assert len(lines) == 2  # nothing else: no per-request HTTP log lines
    assert "Traceback" not in result.stderr


def test_no_llm_makes_no_request(tmp_path: Path) -> None:
    with OpenAIStub(then=Reply(REWRITE)).running() as stub:
        result = digestbot("--no-llm", "--format", "json", stub=stub, db=tmp_path / "d.sqlite3")
    assert result.returncode == 0, result.stderr
    assert stub.requests == []
    assert not json.loads(result.stdout)["method"].startswith("llm:")


def test_llm_without_settings_warns_and_prints_the_extractive_digest(tmp_path: Path) -> None:
    result = digestbot("--llm", stub=None, db=tmp_path / "d.sqlite3")
    assert result.returncode == 0, result.stderr
    assert "Key points:" in result.stdout
    assert "OPENAI_API_KEY" in result.stderr and "DIGESTBOT_LLM_MODEL" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
