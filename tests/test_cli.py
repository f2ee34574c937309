"""The `digestbot` command, run as a subprocess like a user would."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import SAMPLE, program_environ


def run(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = program_environ()
    proc = subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        input=stdin,
        capture_output=True,
        timeout=60,
        env=env,
        cwd=cwd,
    )
    return subprocess.CompletedProcess(
        proc.args, proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    )


def test_sample_acceptance_json() -> None:
    result = run("summarize", str(SAMPLE), "--format", "json")
    assert result.returncode == 0, result.stderr
    digest = json.loads(result.stdout)
    assert digest["headline"] == (
        "US-led Coalition has no plans to target ISIS in Syrian government-controlled areas"
    )
    assert digest["published"] == "2017-12-28"
    body = SAMPLE.read_text(encoding="utf-8").split("\n\n")[0]
    assert 2 <= len(digest["points"]) <= 8
    for point in digest["points"]:
        assert point in body
        for junk in ("4653 Views", "SHOW MORE", "DAY | WEEK", "Last Update", "Task Force Al Asad"):
            assert junk not in point
    gedney = [q for q in digest["quotes"] if q["speaker"] and "Felix Gedney" in q["speaker"]]
    assert len(gedney) >= 2
    for quote in digest["quotes"]:
        assert quote["text"] in body


def test_text_markdown_and_jsonl_formats() -> None:
    text = run("summarize", str(SAMPLE))
    assert text.returncode == 0
    assert text.stdout.startswith("US-led Coalition has no plans")
    assert "Key points:" in text.stdout
    md = run("summarize", str(SAMPLE), "--format", "markdown", "--sentences", "3")
    assert md.stdout.startswith("## US-led Coalition has no plans")
    assert md.stdout.count("\n- ") == 3
    jl = run("summarize", str(SAMPLE), str(SAMPLE), "--format", "jsonl")
    lines = jl.stdout.strip().splitlines()
    assert len(lines) == 2 and all(json.loads(line)["points"] for line in lines)


def test_stdin_and_sentence_count() -> None:
    result = run("summarize", "-", "--sentences", "2", "--format", "json",
                 stdin=SAMPLE.read_bytes())  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["points"]) == 2


def test_words_budget_limits_length() -> None:
    result = run("summarize", str(SAMPLE), "--words", "60", "--format", "json")
    points = json.loads(result.stdout)["points"]
    assert points
    assert sum(len(p.split()) for p in points) <= 60 or len(points) == 1


def test_bad_inputs_each_get_one_line_and_others_still_run(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "blob.bin"
    binary.write_bytes(bytes(range(256)) * 10)
    pdf = tmp_path / "doc.pdf"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    gz = tmp_path / "page.gz"
    gz.write_bytes(gzip.compress(b"hello"))
    big = tmp_path / "big.txt"
    big.write_text("All work and no play makes Jack a dull boy. " * 120_000)
    nothing = tmp_path / "menu.txt"
    nothing.write_text("Home\nNews\nSport\n")
    inputs = [str(SAMPLE), str(tmp_path / "missing.txt"), str(empty), str(binary), str(pdf),
              str(gz), str(big), str(nothing), str(tmp_path)]  # fmt: skip
    result = run("summarize", *inputs, "--format", "jsonl")
    assert result.returncode == 1
    assert len(result.stdout.strip().splitlines()) == 1  # the sample still printed
    errors = result.stderr.strip().splitlines()
    assert len(errors) == len(inputs) - 1
    assert "Traceback" not in result.stderr
    expected = ["no such file", "is empty", "binary file", "PDF", "gzip", "larger than",
                "no sentences", "folder"]  # fmt: skip
    for line, words in zip(errors, expected, strict=True):
        assert line.startswith("digestbot: ")
        assert words in line


def test_latin1_text_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(
        "Le café de la gare a rouvert ses portes lundi après des travaux. "
        "Les habitués étaient ravis de retrouver leur café préféré.".encode("latin-1")
    )
    result = run("summarize", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr
    digest = json.loads(result.stdout)
    assert any("café" in p for p in digest["points"])
    assert digest["language"] == "fr"


def test_saved_html_page_is_cleaned(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    paragraphs = "".join(
        f"<p>The harbour authority said on Monday that ship number {i} had docked safely "
        f"after the storm, and that the port would reopen fully by the end of the week.</p>"
        for i in range(6)
    )
    page.write_text(
        "<!doctype html><html><head><title>Port reopens after storm - Harbour News</title>"
        "</head><body><nav><a href='/'>Home</a> | <a href='/sport'>Sport</a></nav>"
        f"<article><h1>Port reopens after storm</h1>{paragraphs}</article>"
        "<footer>Copyright 2024</footer></body></html>"
    )
    result = run("clean", str(page), "--format", "json")
    assert result.returncode == 0, result.stderr
    article = json.loads(result.stdout)
    assert article["headline"] == "Port reopens after storm"
    assert "Sport" not in " ".join(article["paragraphs"])
    assert len(article["paragraphs"]) == 6


def test_usage_errors_exit_2() -> None:
    assert run("summarize").returncode == 2
    assert run("summarize", str(SAMPLE), "--sentences", "0").returncode == 2
    assert run("summarize", str(SAMPLE), "--method", "nope").returncode == 2
    assert run("summarize", str(SAMPLE), "--sentences", "2", "--words", "9").returncode == 2


def test_help_has_examples() -> None:
    result = run("summarize", "--help")
    assert result.returncode == 0
    assert "examples:" in result.stdout and "--format" in result.stdout


def test_run_without_token_says_what_to_set(tmp_path: Path) -> None:
    result = run("run", cwd=tmp_path)
    assert result.returncode != 0
    assert "DISCORD_TOKEN" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_progress_counter_only_when_stderr_is_a_terminal(tmp_path: Path) -> None:
    import pty

    leader, follower = pty.openpty()
    try:
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "bot.cli",
                "summarize",
                str(SAMPLE),
                str(SAMPLE),
                "--format",
                "jsonl",
            ],
            stdout=subprocess.PIPE,
            stderr=follower,
            timeout=60,
            cwd=tmp_path,
        )
        os.close(follower)
        follower = -1
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal closed: everything has been read
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        if follower != -1:
            os.close(follower)
        os.close(leader)
    terminal = b"".join(chunks).decode()
    assert proc.returncode == 0
    assert "[1/2]" in terminal and "[2/2]" in terminal
    # On a pipe (every other test) the counter stays silent.
    piped = run("summarize", str(SAMPLE), str(SAMPLE), "--format", "jsonl")
    assert piped.stderr == ""
