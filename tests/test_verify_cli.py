"""`digestbot verify`, run as a subprocess: verdicts, evidence, exit status, batch mode."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from bot.cli import main
from tests.conftest import SAMPLE
from tests.test_cli import run

STATED = "The coalition estimates that fewer than 1,000 ISIS fighters remain in Iraq and Syria."
INVENTED = "The coalition estimates that 4,500 ISIS fighters remain in Iraq and Syria."
ARTICLE = SAMPLE.read_text(encoding="utf-8").split("\n\n")[0]


def test_supported_summary_prints_evidence_and_exits_0(tmp_path: Path) -> None:
    summary = tmp_path / "summary.txt"
    summary.write_text(STATED, encoding="utf-8")
    result = run("verify", str(SAMPLE), str(summary))
    assert result.returncode == 0, result.stderr
    assert "1. supported" in result.stdout and STATED in result.stdout
    assert "evidence [10] The coalition estimates" in result.stdout
    assert result.stdout.rstrip().endswith("summary: supported (1 of 1 sentences)")


def test_unsupported_sentence_in_json_from_stdin_exits_1() -> None:
    result = run("verify", str(SAMPLE), "-", "--format", "json",
                 stdin=f"{STATED} {INVENTED}".encode())  # fmt: skip
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["supported"] is False
    first, second = report["sentences"]
    assert first["supported"] is True and first["evidence"][0] == 10
    assert second["supported"] is False
    assert any(p.startswith("number not in article") for p in second["problems"])
    assert report["article_sentences"][10] == STATED


@pytest.mark.parametrize(
    "args",
    [("verify",), ("verify", "-", "-"), ("verify", "--jsonl", "a.txt"), ("verify", "a.txt")],
)
def test_usage_errors_exit_2_with_one_line(
    args: tuple[str, ...], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # In process: the usage check comes before any reading, so no subprocess is needed.
    for name in [k for k in os.environ if k.startswith(("DIGESTBOT_", "OPENAI_"))]:
        monkeypatch.delenv(name)
    assert main(list(args)) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_missing_file_is_one_sentence() -> None:
    result = run("verify", "no-such-file.txt", str(SAMPLE))
    assert result.returncode == 1
    assert result.stderr.startswith("digestbot verify:") and "Traceback" not in result.stderr


def test_jsonl_answers_every_line_in_order_and_goes_on_after_a_bad_one() -> None:
    lines = [
        json.dumps({"id": "a", "article": ARTICLE, "summary": ARTICLE.split(", a senior")[0]}),
        "{not json",
        json.dumps({"id": 7, "article": ARTICLE}),
        json.dumps({"id": "b", "article": ARTICLE, "summary": "Russia bombed Paris on Friday."}),
    ]
    result = run("verify", "--jsonl", stdin="\n".join(lines).encode())
    assert result.returncode == 1, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", None, 7, "b"]
    assert out[0]["supported"] is True and 0 <= out[0]["score"] <= 1
    assert out[0]["sentences"][0]["evidence"] == [0]
    assert "error" in out[1] and "error" in out[2]
    assert out[3]["supported"] is False
    assert set(out[3]["sentences"][0]) >= {"text", "supported", "evidence", "problems"}


def test_summarize_json_gives_each_point_its_evidence() -> None:
    result = run("summarize", str(SAMPLE), "--format", "json", "--no-llm")
    assert result.returncode == 0, result.stderr
    digest = json.loads(result.stdout)
    assert len(digest["evidence"]) == len(digest["points"]) > 0
    assert all(len(e) == 1 for e in digest["evidence"])
