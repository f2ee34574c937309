"""Speaker attribution on the converted quote sets, fit / dev / test side by side.

Run: .venv/bin/python -m bench.quote_sets  (or ./dev.sh bench quote_sets)

Sets, each as documents in the shared format, one article a dict {"id", "language", "text",
"quotes": [{"start", "end", "speaker", "names", "source"}]} (`docs`):
- committed (the CI gate reads these): `spkatt` (bench/data/spkatt/docs.jsonl, made by
  `bench.spkatt`, CC BY-SA 4.0) and `hand-es` (bench/data/speakers/es.jsonl: labels by hand
  in the format of labels.jsonl, with the article's folder under the eval dir; texts are read
  from ../shared/eval as bench/quotes.py reads them; see bench/data/speakers/NOTE.md);
- kept outside git, skipped when absent: `wikinews-de` (/work/data-cache/uhh-wikinews, made
  by `bench.wikinews_de`; CC BY-NC-SA 4.0: measure only, never fit shipped weights on it) and
  `polnear` (/work/data-cache/polnear, made by `bench.polnear`).
Parts: `bench.splits.split_of(document id)`.

Scoring, per labelled quote: the speaker `find_quotes` gives the quote holding the label's
start; a label it misses is handed to the attributor as a span beside the span finder's own
(`bench.quotes.gold_span_speakers`), so `found` is quote recall and the accuracy measures
attribution. A speaker is right when, normalised as bench/quotes.py does (ranks and forms of
address dropped), it is one of the label's `names`, its last word is a word of one of them
(the converted sets' names are noisy: "Marktanalyst Robert Halver"), or the label's last word
is one of its words ("Thaksin" for Thaksin Shinawatra); a `null` label is right
only when no speaker is given. `wrong_named` is the share of labels given a wrong name.
Figures: `bench/out/quote_sets.json` (committed sets; the gate's baseline is
bench/baselines/quote_sets.json) and `bench/out/quote_sets_cache.json` (the others).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.common import eval_dir
from bench.gate import write_figures
from bench.quotes import article_of, gold_span_speakers, located, normalise, read_article
from bench.splits import PARTS, split_of
from summarizers.quotes import find_quotes

_DATA = Path(__file__).resolve().parent / "data"
SPKATT = _DATA / "spkatt" / "docs.jsonl"
HAND = (_DATA / "speakers" / "es.jsonl",)
CACHED = {
    "wikinews-de": Path("/work/data-cache/uhh-wikinews/docs.jsonl"),
    "polnear": Path("/work/data-cache/polnear/docs.jsonl"),
}
COMMITTED = ("spkatt", "hand-es")


Doc = dict[str, Any]


def read_docs(path: Path) -> list[Doc]:
    """The documents of a `docs.jsonl` file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def hand_docs(paths: Iterable[Path], root: Path) -> list[Doc]:
    """Hand labels (labels.jsonl's format plus `folder`) as documents of the shared format,
    their texts read from the eval dir `root`; a label whose snippet is gone is left out."""
    labels: dict[Path, list[dict[str, Any]]] = {}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                label = json.loads(line)
                folder = root / str(label["folder"])
                text_file = folder / f"{label['id']}.article.txt"
                page = text_file if text_file.exists() else folder / f"{label['id']}.json"
                labels.setdefault(page, []).append(label)
    docs = []
    for page, group in sorted(labels.items()):
        article = read_article(page)
        quotes = []
        for label in group:
            span = located(article.text, label)
            if span is not None:
                speaker = label["speaker"]
                names = [speaker] if speaker else []
                quotes.append(
                    {"start": span[0], "end": span[1], "speaker": speaker, "names": names}
                )
        language = article.language or "en"
        docs.append({"id": page.stem, "language": language, "text": article.text, "quotes": quotes})
    return docs


def load_set(name: str, root: Path) -> list[Doc] | None:
    """The documents of one set, or None when its data is not here."""
    if name == "spkatt":
        return read_docs(SPKATT)
    if name == "hand-es":
        return hand_docs(HAND, root) if root.is_dir() else None
    path = CACHED[name]
    return read_docs(path) if path.exists() else None


def is_right(got: str | None, quote: dict[str, Any]) -> bool:
    """Whether the speaker given is the label's (see the module's docstring)."""
    if quote["speaker"] is None or got is None:
        return got is None and quote["speaker"] is None
    given = normalise(got) or ""
    names = {normalise(str(n)) or "" for n in quote["names"] or [quote["speaker"]]}
    words = {w for n in names for w in n.split()}
    if given in names or (bool(given) and given.split()[-1] in words):
        return True
    # A label written shorter than the speaker given ("Thaksin" for Thaksin Shinawatra).
    label = normalise(str(quote["speaker"])) or ""
    return bool(label) and label.split()[-1] in given.split()


@dataclass(frozen=True)
class Outcome:
    """One labelled quote: right, given a name, found by the span finder."""

    right: bool
    named: bool
    found: bool


def outcomes(doc: Doc) -> Iterator[Outcome]:
    """The outcome of each labelled quote of a document."""
    article = article_of(str(doc["text"]), str(doc.get("language") or "en"))
    quotes = find_quotes(article)
    gold = [(int(q["start"]), int(q["end"])) for q in doc["quotes"]]
    own = {g: q.speaker for g in gold for q in quotes if q.start <= g[0] < q.end}
    missed = [g for g in gold if g not in own]
    speakers = own | (gold_span_speakers(article, missed) if missed else {})
    for span, quote in zip(gold, doc["quotes"], strict=True):
        got = speakers[span]
        yield Outcome(is_right(got, quote), got is not None, span in own)


def figures_of(name: str, docs: list[Doc]) -> dict[str, float]:
    """Per part: quotes, accuracy, wrong-named rate, found rate, right when naming."""
    by_part: dict[str, list[Outcome]] = {part: [] for part in PARTS}
    for doc in docs:
        by_part[split_of(str(doc["id"]))].extend(outcomes(doc))
    figures: dict[str, float] = {}
    for part, results in by_part.items():
        n = len(results)
        if not n:
            continue
        named = [r for r in results if r.named]
        key = f"{name}.{part}"
        figures[f"{key}.quotes"] = n
        figures[f"{key}.accuracy"] = sum(r.right for r in results) / n
        figures[f"{key}.wrong_named"] = sum(r.named and not r.right for r in results) / n
        figures[f"{key}.found"] = sum(r.found for r in results) / n
        figures[f"{key}.right_when_naming"] = (
            sum(r.right for r in named) / len(named) if named else 0.0
        )
    return figures


def committed_figures(root: Path) -> dict[str, float]:
    """The figures of the committed sets (what the CI gate compares)."""
    figures: dict[str, float] = {}
    for name in COMMITTED:
        docs = load_set(name, root)
        if docs is not None:
            figures |= figures_of(name, docs)
    return figures


def table(figures: dict[str, float], names: Iterable[str]) -> str:
    """Fit / dev / test side by side: quotes, accuracy, wrong-named, found, right when naming."""
    head = f"{'set':<18}" + "".join(f"{part:>38}" for part in PARTS)
    sub = f"{'':<18}" + f"{'n':>6}{'acc':>8}{'wrong':>8}{'found':>8}{'naming':>8}" * len(PARTS)
    lines = [head, sub]
    for name in names:
        cells = []
        for part in PARTS:
            key = f"{name}.{part}"
            if f"{key}.quotes" not in figures:
                cells.append(f"{'-':>6}{'':>32}")
                continue
            cells.append(
                f"{int(figures[key + '.quotes']):>6}{figures[key + '.accuracy']:>8.3f}"
                f"{figures[key + '.wrong_named']:>8.3f}{figures[key + '.found']:>8.3f}"
                f"{figures[key + '.right_when_naming']:>8.3f}"
            )
        lines.append(f"{name:<18}" + "".join(cells))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the table and write both figure files."""
    del argv
    root = eval_dir()
    committed = committed_figures(root)
    cached: dict[str, float] = {}
    for name in CACHED:
        docs = load_set(name, root)
        if docs is None:
            print(f"{name}: no data in /work/data-cache (run its converter), skipped")
            continue
        cached |= figures_of(name, docs)
    print(table(committed | cached, (*COMMITTED, *CACHED)))
    print(f"figures -> {write_figures('quote_sets', committed)}")
    print(f"figures -> {write_figures('quote_sets_cache', cached)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
