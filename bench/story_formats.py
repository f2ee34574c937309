"""Measure story clustering on a public news-clustering corpus you have locally.

    .venv/bin/python -m bench.story_formats wcep PATH.jsonl[.gz] [--limit N]
    .venv/bin/python -m bench.story_formats priberam PATH.json [--limit N]

Neither corpus can be fetched here (their article texts live outside their repositories),
so these loaders are for users who have the files. Formats:

* WCEP (Ghalandari et al., 2020; CC BY 4.0 annotations, article texts from Common Crawl):
  one event cluster per line, `{"id", "date", "articles": [{"id", "title", "text",
  "time", "url"}]}`.
* Priberam multilingual news clustering (Miranda et al., 2018; `dataset.*.json`): a JSON list
  of `{"id", "date": "YYYY-MM-DD HH:MM:SS", "lang": "eng"|"deu"|"spa", "title", "text",
  "cluster"}`.

Articles are clustered one day at a time (a digest's batch) with the shipped model, and
the figures of `bench.stories.evaluate` are printed, summed over days.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import sys
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from bench.stories import Batch, evaluate
from bench.story_labels import Story
from summarizers.stories.cluster import pair_model

# ISO 639-2 codes of the Priberam files → the ISO 639-1 codes of the pipeline.
ISO_639_2 = {"eng": "en", "deu": "de", "ger": "de", "spa": "es", "fra": "fr", "fre": "fr"}


def _lines(path: Path) -> Iterator[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        yield from handle


def _instant(text: str | None) -> dt.datetime:
    if not text:
        return dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    parsed = dt.datetime.fromisoformat(text.replace("Z", "+00:00").replace(" ", "T"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def _story(
    doc_id: str,
    cluster: str,
    lang: str,
    title: str | None,
    text: str,
    when: dt.datetime,
    url: str | None,
) -> Story:
    paragraphs = tuple(p.strip() for p in text.split("\n") if p.strip())
    return Story(doc_id, cluster, lang, title, paragraphs, when, url or "", "", "base")


def load_wcep(path: Path, limit: int | None = None) -> list[Story]:
    """The articles of a WCEP file, each labelled with its event cluster."""
    out: list[Story] = []
    for line in _lines(path):
        if not line.strip():
            continue
        cluster = json.loads(line)
        for article in cluster.get("articles", []):
            when = _instant(article.get("time") or cluster.get("date"))
            out.append(
                _story(
                    str(article["id"]),
                    str(cluster["id"]),
                    "en",
                    article.get("title"),
                    article.get("text") or "",
                    when,
                    article.get("url"),
                )
            )
        if limit is not None and len(out) >= limit:
            break
    return out[:limit]


def load_priberam(path: Path, limit: int | None = None) -> list[Story]:
    """The documents of a Priberam clustering file, each labelled with its cluster."""
    docs = json.loads(path.read_text(encoding="utf-8"))
    out = [
        _story(
            str(d["id"]),
            str(d["cluster"]),
            ISO_639_2.get(d.get("lang", ""), d.get("lang", "en")),
            d.get("title"),
            d.get("text") or "",
            _instant(d.get("date")),
            d.get("url"),
        )
        for d in docs
    ]
    return out[:limit]


def by_day(stories: list[Story]) -> list[list[Story]]:
    """The articles grouped by their UTC publication day, in date order."""
    days: dict[dt.date, list[Story]] = defaultdict(list)
    for story in stories:
        days[story.published.date()].append(story)
    return [days[d] for d in sorted(days)]


def measure(stories: list[Story]) -> dict[str, float]:
    """Pairwise and B-cubed figures, clustering each day as one batch.

    Pair counts are summed over days; B-cubed figures are averaged weighted by articles.
    """
    model = pair_model()
    counts: dict[str, float] = defaultdict(float)
    for day in by_day(stories):
        batch = Batch.of(day)
        figures = evaluate(batch, batch.matrix(model), model.threshold)
        for key in ("same_merged", "same_split", "different_merged", "articles", "stories"):
            counts[key] += figures[key]
        for key in ("bcubed_precision", "bcubed_recall"):
            counts[key] += figures[key] * len(day)
    n = max(counts["articles"], 1.0)
    tp, fn, fp = counts["same_merged"], counts["same_split"], counts["different_merged"]
    bp, br = counts["bcubed_precision"] / n, counts["bcubed_recall"] / n
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {
        "pair_precision": precision,
        "pair_recall": recall,
        "bcubed_precision": bp,
        "bcubed_recall": br,
        "bcubed_f1": 2 * bp * br / (bp + br) if bp + br else 0.0,
        "different_merged": fp,
        "articles": counts["articles"],
        "days": float(len(by_day(stories))),
    }


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] not in ("wcep", "priberam"):
        print(__doc__)
        return 0
    limit = int(argv[argv.index("--limit") + 1]) if "--limit" in argv else None
    loader = load_wcep if argv[0] == "wcep" else load_priberam
    stories = loader(Path(argv[1]), limit)
    for key, value in measure(stories).items():
        print(f"{key:24s} {value:10.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
