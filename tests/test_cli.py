"""The `digestbot` command, run as a subprocess like a user would."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from bench.common import eval_dir
from bot.inputs import Input, resolve
from tests.conftest import REPO, SAMPLE, program_environ
from tests.servers.web import HOST, WebServer


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


def run_env(
    *args: str, env: dict[str, str], stdin: bytes | None = None
) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        input=stdin,
        capture_output=True,
        timeout=60,
        env={**program_environ(), **env},
    )
    return subprocess.CompletedProcess(
        proc.args, proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    )


@pytest.mark.parametrize(
    ("command", "fmt"),
    [("summarize", "json"), ("summarize", "jsonl"), ("clean", "json"), ("clean", "jsonl")],
)
def test_every_json_record_names_its_input(command: str, fmt: str) -> None:
    result = run(command, str(SAMPLE), "-", "--format", fmt, stdin=SAMPLE.read_bytes())
    assert result.returncode == 0, result.stderr
    records = (
        json.loads(result.stdout)
        if fmt == "json"
        else [json.loads(line) for line in result.stdout.splitlines()]
    )
    assert [r["input"] for r in records] == [str(SAMPLE), "-"]


FRANK_ARTICLES = sorted((eval_dir() / "frank-cnndm").glob("*.article.txt"))[:60]


@pytest.mark.parametrize(
    ("args", "inputs"),
    [
        (("summarize", "--format", "jsonl"), [SAMPLE] * 60),
        (("clean",), [SAMPLE] * 60),
        # Sixty different stories: one copy of the sample would merge into one small item.
        (("digest", "--format", "json"), FRANK_ARTICLES),
    ],
)
def test_a_reader_that_stops_early_gets_no_traceback(
    args: tuple[str, ...], inputs: list[Path]
) -> None:
    if not inputs:
        pytest.skip("needs ../shared/eval/frank-cnndm")
    # The records are more than a pipe holds, so the CLI is still writing when the reader goes.
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", args[0], *map(str, inputs), *args[1:]],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=program_environ(),
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline()
    proc.stdout.close()
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 141
    assert stderr == ""


def _page_of(size: int) -> bytes:
    """A saved news page padded with inline script to `size` bytes."""
    body = "".join(
        f"<p>The harbour authority said on Monday that ship number {i} had docked safely "
        "after the storm, and that the port would reopen fully by the end of the week.</p>"
        for i in range(8)
    )
    head = "<!doctype html><html><head><title>Port reopens</title><script>var x='"
    tail = f"';</script></head><body><article><h1>Port reopens</h1>{body}</article></body></html>"
    return (head + "a" * (size - len(head) - len(tail)) + tail).encode()


@pytest.mark.parametrize(
    ("size", "cap", "refused"),
    [
        (1_500_000, None, False),  # a real saved page over 1 MB: the default cap is 5 MB
        (5_100_000, None, True),
        (20_000, "10000", True),  # files follow the fetcher's DIGESTBOT_MAX_PAGE_BYTES
    ],
)
def test_files_have_the_fetchers_size_cap(
    tmp_path: Path, size: int, cap: str | None, refused: bool
) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(_page_of(size))
    result = run_env("clean", str(page), env={"DIGESTBOT_MAX_PAGE_BYTES": cap} if cap else {})
    assert (result.returncode == 1) is refused, result.stderr
    assert ("larger than" in result.stderr) is refused


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_text(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(SAMPLE.read_text(encoding="utf-8").encode(encoding))
    result = run("summarize", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["headline"].startswith("US-led Coalition")


@pytest.mark.parametrize(
    "link", ["gopher://example.com/story", "file:///etc/passwd", "ftp://example.com/a.txt"]
)
def test_other_schemes_get_the_fetchers_sentence(link: str) -> None:
    result = run("summarize", link)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"digestbot: {link}: That link is not a web address; digestbot fetches only http and https."
    )


@pytest.mark.parametrize(
    ("name", "url"),
    [
        ("example.com/story", "https://example.com/story"),
        ("www.bbc.co.uk/news/world-123", "https://www.bbc.co.uk/news/world-123"),
        ("news.example.org:8080/a?b=c", "https://news.example.org:8080/a?b=c"),
        ("gopher://example.com/", "gopher://example.com/"),
        ("HTTP://EXAMPLE.COM/", "HTTP://EXAMPLE.COM/"),
        ("www.example.com", "https://www.example.com"),
        ("story.txt", None),  # no path and no "www.": a file name ("no such file")
        ("example.com", None),
        ("notes/today.md", None),
        ("-", None),
        ("my story.html", None),
    ],
)
def test_a_bare_host_and_path_that_is_no_file_is_a_link(name: str, url: str | None) -> None:
    assert resolve(name) == Input(name, url)


def test_an_existing_file_named_like_a_host_stays_a_file(tmp_path: Path) -> None:
    path = tmp_path / "example.com"
    path.write_text("x")
    assert resolve(str(path)).url is None


def test_help_says_bare_hosts_are_fetched_over_https() -> None:
    assert "https://" in run("summarize", "--help").stdout.replace("\n", " ")


def test_the_local_address_refusal_names_the_setting() -> None:
    result = run("summarize", "http://127.0.0.1:9/story")
    assert result.returncode == 1
    assert "DIGESTBOT_ALLOW_HOSTS" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("env", "inputs"),
    [
        ({"DIGESTBOT_ALLOW_HOSTS": "not a host/99"}, ["http://127.0.0.1:9/story"]),
        ({"DIGESTBOT_QUOTES": "many"}, [str(SAMPLE)]),
        ({"DIGESTBOT_MAX_PAGE_BYTES": "5 MB"}, ["http://127.0.0.1:9/story"]),
    ],
)
def test_settings_errors_are_usage_errors(env: dict[str, str], inputs: list[str]) -> None:
    result = run_env("summarize", *inputs, env=env)
    assert result.returncode == 2
    assert result.stderr.startswith("digestbot: Setting ")
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "name", ["http://127.0.0.1:9/" + "a" * 100_000, "gopher://example.com/" + "b" * 5_000]
)
def test_error_lines_cut_long_inputs(name: str) -> None:
    result = run("summarize", name)
    assert result.returncode == 1
    line = result.stderr.strip()
    assert "\n" not in line and len(line) < 300
    assert line.startswith(f"digestbot: {name[:30]}")


@pytest.mark.parametrize(("verbose", "lines"), [((), 1), (("--verbose",), 2)])
def test_library_logging_only_with_verbose(
    tmp_path: Path, verbose: tuple[str, ...], lines: int
) -> None:
    # trafilatura logs a warning for a page whose body holds no text at all.
    page = tmp_path / "empty.html"
    page.write_text("<!doctype html><html><head><title>x</title></head><body></body></html>")
    result = run("clean", str(page), *verbose)
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) >= lines
    assert "digestbot: " in result.stderr.splitlines()[-1]
    if not verbose:
        assert result.stderr.startswith("digestbot: ")


def test_the_429_message_shows_the_sites_retry_after() -> None:
    with WebServer().running() as web:
        url = web.page("/busy", "slow down", status=429, headers={"Retry-After": "120"})
        result = run_env("summarize", url, env={"DIGESTBOT_ALLOW_HOSTS": HOST})
    assert result.returncode == 1
    assert "try again in 2 minutes (429)" in result.stderr


def test_json_quotes_drop_the_comma_that_joined_them_to_the_speech_tag() -> None:
    digest = json.loads(run("summarize", str(SAMPLE), "--format", "json").stdout)
    body = "\n\n".join(
        json.loads(run("clean", str(SAMPLE), "--format", "json").stdout)["paragraphs"]
    )
    assert digest["quotes"]
    for quote in digest["quotes"]:
        assert not quote["text"].endswith((",", ";", ":"))
        assert body[quote["start"] : quote["end"]] == quote["text"]


def test_the_licence_is_an_spdx_string() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    assert project["license"] == "MIT"


def test_help_imports_no_heavy_library() -> None:
    code = (
        "import sys; from bot.cli import main\n"
        "try: main(['--help'])\nexcept SystemExit: pass\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'trafilatura', 'sumy', 'lxml', 'numpy', 'openai', 'discord', 'fasttext', 'nltk', "
        "'aiohttp', 'charset_normalizer'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env=program_environ(),
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize(("code", "joiner"), [("zh", ""), ("ar", " "), ("ru", " ")])
def test_texts_in_other_scripts_become_several_points(
    tmp_path: Path, code: str, joiner: str
) -> None:
    lines = (REPO / "bench" / "data" / "langid" / f"{code}.sentences.txt").read_text().splitlines()
    path = tmp_path / "story.txt"
    path.write_text(joiner.join(lines[:12]), encoding="utf-8")
    digest = json.loads(run("summarize", str(path), "--format", "json").stdout)
    assert digest["language"] == code
    assert len(digest["points"]) >= 2
    assert all(len(p) < len(path.read_text()) / 2 for p in digest["points"])
