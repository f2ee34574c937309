"""The labelled set for story clustering: articles from ../shared/eval and their copies.

Which articles tell one story? `bench/data/stories/labels.jsonl` says, without holding any
article text (the texts are third-party; they are read from ../shared/eval):

* `{"kind": "base", "id": ..., "source": "frank-cnndm/<id>", "cluster": ...}` — an article
  as the eval data has it (CNN/Daily Mail and BBC in English; trafilatura-eval-multi's
  German, French and Spanish pages, cleaned by digestbot);
* `{"kind": "copy", "id": ..., "of": <base id>, "ops": {...}, "cluster": ...}` — a synthetic
  syndicated copy of a base: another wire template, another headline, cut shorter, lightly
  edited (sentences dropped), published a few hours later; `ops` fixes every choice.
* `{"kind": "brief", "id": ..., "of": <base id>, "hours_later": ..., "cluster": ...}` — the
  story told again in other words: a CNN or Daily Mail article's highlights, which its
  newsroom wrote apart from the body, as the short report of another outlet. Harder than a
  copy: hardly a 4-word run is shared.
* `{"kind": "event", "ids": [...], "note": ...}` — independent reports of one event found
  in the eval data (candidates by similarity, labelled by reading); they share a cluster.
* `{"kind": "different", "ids": [a, b], "note": ...}` — hard negatives: the most similar
  pairs of distinct articles per language (same team, person or topic), read and found to
  be different events. Every pair of different clusters is a negative; these are the ones
  a matcher is most likely to merge.

Every article of the set gets a publication time inside one 36-hour window, as the
articles of one digest have. The part (fit / dev / test) is `split_of(cluster)`, so the
copies of a story never straddle two parts.

`python -m bench story_labels` prints the set's size; `--write` regenerates the file
(deterministic: same seed, same file), keeping the `event` and `different` lines.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from bench.common import eval_dir
from bench.splits import Part, split_of
from summarizers.errors import DigestbotError
from summarizers.sentences import split_sentences

DATA = Path(__file__).resolve().parent / "data" / "stories"
LABELS = DATA / "labels.jsonl"
TEMPLATES = DATA / "templates.json"
WINDOW_START = dt.datetime(2026, 11, 20, 0, 0, tzinfo=dt.UTC)
WINDOW_HOURS = 36.0
GERMAN_BASES = 80  # of 394 German pages: cleaning costs ~0.3 s a page
SEED = 25


@dataclass(frozen=True)
class Story:
    """One labelled article: its text, metadata, and the story (cluster) it belongs to."""

    id: str
    cluster: str
    language: str
    headline: str | None
    paragraphs: tuple[str, ...]
    published: dt.datetime
    url: str
    site: str
    kind: str  # "base", "copy" (syndicated) or "brief" (other words)

    @property
    def text(self) -> str:
        """The body, paragraphs joined by blank lines."""
        return "\n\n".join(self.paragraphs)


def part_of(cluster: str) -> Part:
    """The fit / dev / test part of a story."""
    return split_of(f"story:{cluster}")


def _unit(key: str) -> float:
    """A stable number in [0, 1) from a string."""
    return int(hashlib.sha256(key.encode()).hexdigest()[:12], 16) / float(1 << 48)


def _slug_headline(url: str) -> str | None:
    """A Daily Mail or CNN address's slug as a headline ('Man-grief-killed...' → words)."""
    path = url.rsplit("/", 2)
    slug = path[-1] if not path[-1].startswith("index") else path[-2]
    slug = re.sub(r"\.html?$", "", slug)
    words = [w for w in slug.split("-") if w]
    return " ".join(words).capitalize() if len(words) >= 3 else None


def _sentences_to_paragraphs(sentences: list[str], per: int = 3) -> tuple[str, ...]:
    return tuple(" ".join(sentences[i : i + per]) for i in range(0, len(sentences), per))


@cache
def _base(source: str) -> tuple[str, str | None, tuple[str, ...], str, str] | None:
    """(language, headline, paragraphs, url, site) of an eval article, or None."""
    folder, item = source.split("/", 1)
    root = eval_dir() / folder
    meta = json.loads((root / f"{item}.json").read_text(encoding="utf-8"))
    if folder == "frank-cnndm":
        url = meta["url"]
        site = "Daily Mail" if "dailymail" in url else "CNN"
        sentences = list(meta["article_sentences"])
        return "en", _slug_headline(url), _sentences_to_paragraphs(sentences), url, site
    if folder == "frank-xsum":
        summary = " ".join(meta["reference_summary"]).strip()
        headline = summary[:1].upper() + summary[1:] if summary else None
        paragraphs = _sentences_to_paragraphs(list(meta["article_sentences"]))
        return "en", headline, paragraphs, meta["url"], "BBC"
    from summarizers.clean import clean_html

    html = gzip.decompress((root / f"{item}.html.gz").read_bytes())
    try:
        article = clean_html(html, url=meta["url"])
    except DigestbotError:
        return None
    if article.word_count < 80:
        return None
    headline = meta.get("headline") or article.headline
    site = article.site or meta["url"].split("/")[2]
    return meta["lang"], headline, tuple(article.paragraphs), meta["url"], site


def _brief(source: str) -> tuple[str, tuple[str, ...]]:
    """A CNN / Daily Mail article's highlights as a short report: headline and paragraphs."""
    folder, item = source.split("/", 1)
    meta = json.loads((eval_dir() / folder / f"{item}.json").read_text(encoding="utf-8"))
    highlights = [
        h.strip().replace(" .", ".").replace(" ,", ",") for h in meta["reference_summary"]
    ]
    words = highlights[0].split()
    return " ".join(words[:10]).rstrip(".,;:"), tuple(highlights)


def _templates() -> dict[str, list[dict[str, str]]]:
    data: dict[str, list[dict[str, str]]] = json.loads(TEMPLATES.read_text(encoding="utf-8"))
    return data


def apply_copy(
    base: tuple[str, str | None, tuple[str, ...], str, str], ops: dict[str, Any]
) -> tuple[str | None, tuple[str, ...]]:
    """The headline and paragraphs of a syndicated copy made by `ops` from `base`."""
    language, headline, paragraphs, _url, _site = base
    sentences = [s.text for p in paragraphs for s in split_sentences(p, language)]
    keep = max(2, round(len(sentences) * ops["keep"]))
    kept = sentences[:keep]
    for index in sorted(ops["drop"], reverse=True):
        if 0 < index < len(kept) - 1:
            del kept[index]
    template = _templates()[language][ops["template"] % len(_templates()[language])]
    body = list(_sentences_to_paragraphs(kept, ops["per_paragraph"]))
    body[0] = template["prefix"] + body[0]
    if template["suffix"]:
        body.append(template["suffix"])
    style = ops["headline"]
    if style == "lead" or not headline:
        words = kept[0].split()
        new = " ".join(words[: min(len(words), 12)]).rstrip(",;:")
    elif style == "cut":
        new = " ".join(headline.split()[:7])
    elif style == "upper":
        new = headline.upper()
    else:
        new = f"{headline} | {ops['site']}"
    return new, tuple(body)


def hard_negatives() -> list[tuple[str, str]]:
    """The read pairs of different events that share a topic, team or person."""
    lines = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines()]
    return [(line["ids"][0], line["ids"][1]) for line in lines if line["kind"] == "different"]


def load(parts: Iterable[Part] = ("fit", "dev", "test")) -> list[Story]:
    """The labelled articles of `parts` (only those are read and cleaned)."""
    wanted = set(parts)
    lines = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines()]
    cluster_of = {line["id"]: line["cluster"] for line in lines if "id" in line}
    for event in (line for line in lines if line["kind"] == "event"):
        root = cluster_of[event["ids"][0]]
        for other in event["ids"][1:]:
            old = cluster_of[other]
            cluster_of = {k: (root if v == old else v) for k, v in cluster_of.items()}
    bases = {line["id"]: line for line in lines if line["kind"] == "base"}
    out: list[Story] = []
    for line in lines:
        if line["kind"] not in ("base", "copy", "brief"):
            continue
        cluster = cluster_of[line["id"]]
        if part_of(cluster) not in wanted:
            continue
        base_line = line if line["kind"] == "base" else bases[line["of"]]
        base = _base(base_line["source"])
        if base is None:
            continue
        language, headline, paragraphs, url, site = base
        hours = WINDOW_HOURS * _unit(base_line["id"])
        if line["kind"] == "copy":
            ops = line["ops"]
            headline, paragraphs = apply_copy(base, ops)
            hours += ops["hours_later"]
            url, site = (
                f"https://{ops['site'].lower().replace(' ', '')}.example/{line['id']}",
                ops["site"],
            )
        elif line["kind"] == "brief":
            headline, paragraphs = _brief(base_line["source"])
            hours += line["hours_later"]
            url, site = f"https://briefs.example/{line['id']}", "Briefs"
        out.append(
            Story(
                id=line["id"],
                cluster=cluster,
                language=language,
                headline=headline,
                paragraphs=paragraphs,
                published=WINDOW_START + dt.timedelta(hours=hours),
                url=url,
                site=site,
                kind=line["kind"],
            )
        )
    return out


COPY_SITES = ("Wire Daily", "Morning Post", "Regional Herald", "News Aggregator", "City Times")


def generate() -> list[dict[str, Any]]:
    """Every base and copy line (the read lines are kept from the existing file)."""
    rng = random.Random(SEED)
    root = eval_dir()
    sources = [f"frank-cnndm/{p.stem}" for p in sorted((root / "frank-cnndm").glob("*.json"))]
    sources += [f"frank-xsum/{p.stem}" for p in sorted((root / "frank-xsum").glob("*.json"))]
    multi = sorted((root / "trafilatura-eval-multi").glob("*.json"))
    german = 0
    for path in multi:
        lang = json.loads(path.read_text(encoding="utf-8"))["lang"]
        if lang == "de":
            if german >= GERMAN_BASES:
                continue
            german += 1
        sources.append(f"trafilatura-eval-multi/{path.stem}")
    lines: list[dict[str, Any]] = []
    for source in sources:
        if _base(source) is None:
            continue
        base_id = source.replace("/", ":")
        lines.append({"kind": "base", "id": base_id, "source": source, "cluster": base_id})
        copies = rng.choices([0, 1, 2], weights=[0.4, 0.35, 0.25])[0]
        for n in range(copies):
            ops = {
                "template": rng.randrange(12),
                "headline": rng.choice(["lead", "cut", "upper", "site"]),
                "keep": round(rng.uniform(0.25, 1.0), 2),
                "drop": sorted(rng.sample(range(1, 12), rng.randrange(3))),
                "per_paragraph": rng.choice([1, 2, 3, 4]),
                "hours_later": round(rng.uniform(0.2, 8.0), 2),
                "site": rng.choice(COPY_SITES),
            }
            copy_id = f"{base_id}:copy{n + 1}"
            lines.append(
                {"kind": "copy", "id": copy_id, "of": base_id, "ops": ops, "cluster": base_id}
            )
        if source.startswith("frank-cnndm/") and rng.random() < 0.5:
            hours = round(rng.uniform(0.5, 12.0), 2)
            brief = {"kind": "brief", "id": f"{base_id}:brief", "of": base_id, "cluster": base_id}
            lines.append({**brief, "hours_later": hours})
    return lines


def write() -> None:
    """Regenerate the labels file, keeping its event and hard-negative lines."""
    events = []
    if LABELS.exists():
        events = [
            line
            for line in LABELS.read_text(encoding="utf-8").splitlines()
            if json.loads(line)["kind"] in ("event", "different")
        ]
    generated = [json.dumps(line, ensure_ascii=False, sort_keys=True) for line in generate()]
    LABELS.write_text("\n".join([*generated, *events]) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    if argv == ["--write"]:
        write()
    stories = load()
    by_part: Counter[str] = Counter(part_of(s.cluster) for s in stories)
    by_language: Counter[str] = Counter(s.language for s in stories)
    clusters = {s.cluster for s in stories}
    print(f"{len(stories)} articles, {len(clusters)} stories")
    print("parts:", dict(sorted(by_part.items())), "languages:", dict(sorted(by_language.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
