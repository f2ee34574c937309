"""The WCEP and Priberam loaders read tiny files of each format, and the measure runs on them."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from bench.story_formats import load_priberam, load_wcep, measure

CUP = (
    "Harbour City beat Northfield Rovers 3-1 on Saturday to reach the cup final for the first "
    "time in twelve years. Striker Sam Okafor scored twice and captain Lee Marsh added a third."
)
STORM = (
    "The weather service issued a storm warning for the whole coast on Monday. Ferries between "
    "the mainland and the islands were cancelled and schools will stay closed on Tuesday."
)


def test_wcep_clusters_are_read_with_their_articles(tmp_path: Path) -> None:
    path = tmp_path / "wcep.jsonl.gz"

    def article(doc_id: str, title: str, text: str, time: str) -> dict[str, str]:
        return {
            "id": doc_id,
            "title": title,
            "text": text,
            "time": time,
            "url": f"https://a/{doc_id}",
        }

    lines = [
        {
            "id": "e1",
            "date": "2026-11-21",
            "articles": [
                article("a1", "City reach the final", CUP, "2026-11-21T10:00:00"),
                article("a2", "CITY REACH FINAL", CUP[:120], "2026-11-21T12:00:00"),
            ],
        },
        {
            "id": "e2",
            "date": "2026-11-21",
            "articles": [article("a3", "Storm", STORM, "2026-11-21T09:00:00Z")],
        },
    ]
    path.write_bytes(gzip.compress("\n".join(json.dumps(x) for x in lines).encode()))
    stories = load_wcep(path)
    assert [(s.id, s.cluster, s.language) for s in stories] == [
        ("a1", "e1", "en"),
        ("a2", "e1", "en"),
        ("a3", "e2", "en"),
    ]
    figures = measure(stories)
    assert figures["articles"] == 3
    assert figures["days"] == 1
    assert figures["different_merged"] == 0


def test_priberam_documents_are_read_with_language_and_cluster(tmp_path: Path) -> None:
    path = tmp_path / "dataset.test.json"

    def doc(doc_id: str, date: str, lang: str, text: str, cluster: str) -> dict[str, str]:
        return {
            "id": doc_id,
            "date": date,
            "lang": lang,
            "title": text[:20],
            "text": text,
            "cluster": cluster,
        }

    docs = [
        doc("1", "2026-11-21 10:00:00", "eng", CUP, "7"),
        doc("2", "2026-11-22 09:30:00", "deu", "Sturm an der Küste.", "8"),
    ]
    path.write_text(json.dumps(docs), encoding="utf-8")
    stories = load_priberam(path, limit=2)
    assert [(s.id, s.cluster, s.language, s.published.day) for s in stories] == [
        ("1", "7", "en", 21),
        ("2", "8", "de", 22),
    ]
    assert measure(stories)["days"] == 2
