"""Fit a logistic ranker over candidate speakers and compare it with the attribution rules.

Run: .venv/bin/python -m bench.quotes_fit [--write]   (--write: bench/out/quote_ranker.json)

Labelled quotes come from `bench/data/speakers/labels.jsonl` (committed; its articles are in
the eval dir) and, when converted (`python -m bench.polnear`), PolNeAR's train compartment
(kept outside git). Every set is split by `bench.splits.split_of(document id)`: weights are
fitted on `fit`, the abstention threshold is chosen on `dev` (the most accurate threshold whose
wrong-named rate is no higher than the rules), `test` is read once per change. Each quote
is scored on its labelled span, handed to the attributor with the span finder's other spans.
A PolNeAR label names the source as the article writes it there ("Trump" for Donald Trump),
so a speaker matches it when its surname is a word of the source's names.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bench.common import eval_dir
from bench.fitting import fit_logistic, save_model
from bench.quote_candidates import FEATURES, Candidate, CandidateFinder
from bench.quotes import (
    article_path,
    load_labels,
    located,
    normalise,
    read_article,
    with_gold_spans,
)
from bench.splits import PARTS, split_of
from summarizers.fitted import LogisticModel
from summarizers.models import Article

MODEL = Path(__file__).resolve().parent / "out" / "quote_ranker.json"
POLNEAR = Path("/work/data-cache/polnear/docs.jsonl")
_C = 0.5


@dataclass(frozen=True)
class Labelled:
    """One labelled quote with its candidates: set name, document, language, gold speaker."""

    corpus: str
    doc_id: str
    language: str
    gold: str | None
    candidates: list[Candidate]
    # A PolNeAR source's names (see bench/polnear.py); a speaker matches by surname.
    names: tuple[str, ...] = ()

    @property
    def part(self) -> str:
        return split_of(self.doc_id)

    def right(self, speaker: str | None) -> bool:
        if self.corpus != "polnear" or speaker is None or self.gold is None:
            return normalise(speaker) == normalise(self.gold)
        surname = (normalise(speaker) or "").split()[-1:]
        return bool(surname) and any(
            surname[0] in (normalise(name) or "").split() for name in self.names
        )

    @property
    def rule(self) -> str | None:
        return next((c.speaker for c in self.candidates if c.features.get("rule")), None)


def candidates_of(
    article: Article, gold: list[tuple[int, int]]
) -> dict[tuple[int, int], list[Candidate]]:
    """The candidates of each labelled span, handed to the attributor with the span finder's
    spans that do not overlap a labelled one."""
    spans = with_gold_spans(article.text, gold)
    found = CandidateFinder(article.text, spans, article.language).candidates()
    return {(s.start, s.end): c for s, c in zip(spans, found, strict=True)}


def labelled_quotes(root: Path) -> Iterator[Labelled]:
    """The committed labels (their articles read from the eval dir), then PolNeAR's."""
    by_path: dict[Path, list[dict[str, object]]] = {}
    for label in load_labels():
        by_path.setdefault(article_path(root, label), []).append(label)
    for path, labels in by_path.items():
        article = read_article(path)
        spans = [located(article.text, label) for label in labels]
        found = candidates_of(article, [s for s in spans if s is not None])
        for label, span in zip(labels, spans, strict=True):
            if span is not None:
                gold = label["speaker"]
                yield Labelled(
                    "labels",
                    str(label["id"]),
                    article.language or "en",
                    None if gold is None else str(gold),
                    found[span],
                )
    if not POLNEAR.exists():
        return
    for line in POLNEAR.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        article = Article(None, None, None, None, "en", doc["text"].split("\n\n"))
        quoted = [(int(q["start"]), int(q["end"])) for q in doc["quotes"]]
        if article.text != doc["text"] or not quoted:
            continue
        candidates = candidates_of(article, sorted(set(quoted)))
        for quote, at in zip(doc["quotes"], quoted, strict=True):
            names = tuple(quote["names"])
            yield Labelled("polnear", doc["id"], "en", quote["speaker"], candidates[at], names)


def pick(model: LogisticModel, quote: Labelled, threshold: float) -> str | None:
    scored = [(model.probability(c.features), c.speaker) for c in quote.candidates]
    best = max(scored, default=None)
    return best[1] if best is not None and best[0] >= threshold else None


def figures(quotes: list[Labelled], chosen: list[str | None]) -> dict[str, float]:
    """Accuracy (the right speaker or rightly none), wrong-named rate, named rate."""
    n = len(quotes)
    right = sum(q.right(s) for q, s in zip(quotes, chosen, strict=True))
    wrong = sum(s is not None and not q.right(s) for q, s in zip(quotes, chosen, strict=True))
    return {
        "quotes": float(n),
        "accuracy": right / n if n else 0.0,
        "wrong_named": wrong / n if n else 0.0,
        "named": sum(s is not None for s in chosen) / n if n else 0.0,
    }


def fit(quotes: list[Labelled]) -> LogisticModel:
    """Fit on the `fit` part, one row per candidate; threshold on `dev`."""
    rows, labels = [], []
    for quote in quotes:
        if quote.part != "fit":
            continue
        for c in quote.candidates:
            rows.append([c.features.get(f, 0.0) for f in FEATURES])
            labels.append(int(quote.right(c.speaker)))
    model = fit_logistic(rows, labels, FEATURES, c=_C)
    dev = [q for q in quotes if q.part == "dev"]
    # The most accurate threshold that names the wrong person no more often than the rules.
    allowed = figures(dev, [q.rule for q in dev])["wrong_named"]
    best = (0.0, 0.5)
    for step in range(2, 96):
        threshold = step / 100
        figs = figures(dev, [pick(model, q, threshold) for q in dev])
        if figs["wrong_named"] <= allowed and figs["accuracy"] > best[0]:
            best = (figs["accuracy"], threshold)
    meta = {
        "fitted_on": "bench/data/speakers/labels.jsonl and PolNeAR data/train, fit part",
        "rows": len(rows),
        "threshold": "the most accurate on dev naming the wrong person no more than the rules",
    }
    return LogisticModel(
        model.features, model.mean, model.scale, model.coef, model.intercept, best[1], meta
    )


def report(quotes: list[Labelled], model: LogisticModel) -> None:
    groups = sorted({(q.corpus, q.language) for q in quotes})
    head = f"{'set':<14}{'part':<6}{'quotes':>7}"
    print(f"{head}  {'rules acc/wrong':>16}  {'ranker acc/wrong/named':>24}")
    for corpus, language in groups:
        for part in PARTS:
            chosen = [
                q for q in quotes if (q.corpus, q.language, q.part) == (corpus, language, part)
            ]
            if not chosen:
                continue
            rules = figures(chosen, [q.rule for q in chosen])
            ranked = figures(chosen, [pick(model, q, model.threshold) for q in chosen])
            print(
                f"{corpus + '.' + language:<14}{part:<6}{len(chosen):>7}  "
                f"{rules['accuracy']:>8.3f}/{rules['wrong_named']:.3f}  "
                f"{ranked['accuracy']:>10.3f}/{ranked['wrong_named']:.3f}/{ranked['named']:.3f}"
            )


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    quotes = list(labelled_quotes(eval_dir()))
    model = fit(quotes)
    print(f"threshold {model.threshold:.2f} (chosen on dev)")
    report(quotes, model)
    if "--write" in args:
        MODEL.parent.mkdir(parents=True, exist_ok=True)
        save_model(model, MODEL)
        print(f"wrote {MODEL}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
