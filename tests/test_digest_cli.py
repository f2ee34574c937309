"""`digestbot digest`: feeds, links and files in, one item per story out, failures skipped."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from bot.cli import main
from tests.discord_stub.bot_harness import BRIDGE_STORY, article_html
from tests.servers.feeds import Item, atom, rss
from tests.servers.web import WebServer
from tests.story_cases import CASES

RECENT = dt.datetime.now(dt.UTC) - dt.timedelta(hours=2)
OLD = dt.datetime.now(dt.UTC) - dt.timedelta(days=3)
STORM = CASES[0].other


@pytest.fixture
def environ(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DIGESTBOT_ALLOW_HOSTS", "127.0.0.1")
    monkeypatch.setenv("DIGESTBOT_DB", str(tmp_path / "db.sqlite3"))
    return tmp_path


def serve_news(web: WebServer) -> dict[str, str]:
    """Two outlets' feeds: the bridge story twice (a wire copy), a storm, an old and a
    missing entry."""
    wire = ["CITY (Wire) - " + BRIDGE_STORY[0], *BRIDGE_STORY[1:5], "Reporting by the desk."]
    bridge = article_html("Council votes to rebuild bridge", BRIDGE_STORY)
    urls = {
        "bridge": web.page("/gazette/bridge", bridge),
        "copy": web.page("/wire/bridge", article_html("BRIDGE TO BE REBUILT", wire)),
        "storm": web.page("/gazette/storm", article_html(CASES[0].other_headline, STORM)),
        "old": web.page("/gazette/old", article_html("Last week's news", STORM)),
        "missing": web.url("/gazette/gone"),
    }
    gazette = [
        Item("Bridge vote", urls["bridge"], "g-1", RECENT),
        Item("Storm", urls["storm"], "g-2", RECENT),
        Item("Old", urls["old"], "g-3", OLD),
        Item("Gone", urls["missing"], "g-4", RECENT),
    ]
    wire_items = [Item("Bridge", urls["copy"], "w-1", RECENT), Item("Storm", urls["storm"], "w-2")]
    urls["gazette_feed"] = web.page(
        "/gazette.xml", rss(gazette), content_type="application/rss+xml"
    )
    urls["wire_feed"] = web.page(
        "/wire.atom", atom(wire_items), content_type="application/atom+xml"
    )
    return urls


def test_two_feeds_give_one_item_per_story_and_name_what_failed(
    environ: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with WebServer().running() as web:
        urls = serve_news(web)
        status = main(["digest", urls["gazette_feed"], urls["wire_feed"], "--format", "json"])
    out, err = capsys.readouterr()
    assert status == 1
    data = json.loads(out)
    sources = [[s["url"] for s in item["sources"]] for item in data["items"]]
    # The bridge story once, with both outlets; the storm once though both feeds carry it;
    # last week's entry left out by --since.
    assert sources == [[urls["bridge"], urls["copy"]], [urls["storm"]]]
    bridge = data["items"][0]
    assert bridge["headline"] == "Council votes to rebuild bridge"
    assert {p["source"] for p in bridge["points"]} <= {urls["bridge"], urls["copy"]}
    assert len({p["text"] for p in bridge["points"]}) == len(bridge["points"])
    assert bridge["sources"][0]["published"] is not None
    assert data["skipped"] == [{"url": urls["missing"], "reason": "That page was not found (404)."}]
    assert urls["missing"] in err and "404" in err


def test_files_feed_files_and_a_longer_window(
    environ: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = environ / "bridge.html"
    page.write_text(article_html("Council votes to rebuild bridge", BRIDGE_STORY), encoding="utf-8")
    text = environ / "storm.txt"
    text.write_text(CASES[0].other_headline + "\n\n" + "\n\n".join(STORM), encoding="utf-8")
    with WebServer().running() as web:
        old = web.page("/old", article_html("Last week's news", CASES[0].same_team))
        saved = environ / "feed.xml"
        saved.write_text(rss([Item("Old", old, "o-1", OLD)]), encoding="utf-8")
        status = main(["digest", str(page), str(text), str(saved), "--since", "1w"])
    out, _err = capsys.readouterr()
    assert status == 0
    assert out.count("Key points:") == 3
    assert "Council votes to rebuild bridge" in out and "Source:" in out


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"<rss version='2.0'><channel><item><title>broken", "not well-formed"),
        (b"", "is empty"),
    ],
)
def test_a_bad_source_is_skipped_and_the_rest_goes_on(
    environ: Path, capsys: pytest.CaptureFixture[str], content: bytes, reason: str
) -> None:
    bad = environ / "bad.xml"
    bad.write_bytes(content)
    good = environ / "storm.txt"
    good.write_text("\n\n".join(STORM), encoding="utf-8")
    status = main(["digest", str(bad), str(good), "--format", "json"])
    out, err = capsys.readouterr()
    data = json.loads(out)
    assert status == 1
    assert len(data["items"]) == 1
    [skipped] = data["skipped"]
    assert skipped["source"] == str(bad) and reason in skipped["reason"]
    assert str(bad) in err


def test_a_bad_duration_is_a_usage_error(environ: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["digest", "x.txt", "--since", "soon"])
    assert stop.value.code == 2
    assert "is not a duration" in capsys.readouterr().err
