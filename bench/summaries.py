"""Key-point quality and speed: ROUGE of Lead-k, every stock sumy method and the default.

Run: `.venv/bin/python -m bench.summaries` (add `--quick` to skip the slow sumy rows, the grid
and the cross-validation; `--fit` to refit the word model).
Data: `frank-cnndm` (3 points, Lead-3 baseline) and `frank-xsum` (1 point, Lead-1) from the
shared evaluation folder. ROUGE as in its README: `rouge-score` with stemming, rouge1/rouge2/
rougeLsum, points joined by newlines, F1 x 100 averaged over articles.

Honest tuning: the default's word model was fitted on the first half of frank-cnndm by sorted
id ("fit"); "test" is the other half and "all" both. Its two weights were chosen by repeated
two-fold cross-validation (bench/README.md). The full run prints the grid around them and the
cross-validated margin: every article scored by a word model fitted without it, over the fixed
halves crossed and over eight random halvings. `--fit` refits the word model's coefficients
(logistic regression, labels = the words of each reference) and prints them.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import combinations, cycle

from rouge_score import rouge_scorer

from bench.common import eval_dir
from bench.quotes import article_of
from bench.splits import PARTS, Part, partition
from summarizers.extract import METHODS, select_points
from summarizers.extract.default import DEFAULT_WEIGHTS, Weights, default_points
from summarizers.extract.hygiene import candidates
from summarizers.extract.languages import language_tools
from summarizers.extract.salience import COEFFICIENTS, FEATURES, word_features
from summarizers.models import Sentence
from summarizers.pipeline import default_point_count, quoted_spans
from summarizers.quotes import find_quotes
from summarizers.sentences import split_sentences, words

METRICS = ("rouge1", "rouge2", "rougeLsum")
SETS = (("frank-cnndm", 3), ("frank-xsum", 1))
SUMY = [name for name in METHODS if name not in ("default", "lead")]


@dataclass(frozen=True)
class Item:
    """One article: its id, our sentences, its quotation spans (which the pipeline keeps out
    of the points), the reference's split and the reference."""

    id: str
    sentences: list[Sentence]
    quoted: list[tuple[int, int]]
    reference_sentences: list[str]
    reference: str


def load(name: str) -> list[Item]:
    """The set's articles sorted by id (the fit half is the first half of this order)."""
    folder = eval_dir() / name
    items = []
    for path in sorted(folder.glob("*.json")):
        meta = json.loads(path.read_text(encoding="utf-8"))
        text = (folder / f"{meta['id']}.article.txt").read_text(encoding="utf-8")
        reference = (folder / f"{meta['id']}.summary.txt").read_text(encoding="utf-8").strip()
        quoted = quoted_spans(find_quotes(article_of(text)))
        items.append(
            Item(
                meta["id"],
                split_sentences(text, "en"),
                quoted,
                meta["article_sentences"],
                reference,
            )
        )
    return items


Picker = Callable[[Item], list[str]]


class Scorer:
    """ROUGE F1 x 100 per article, as the evaluation README prescribes."""

    def __init__(self) -> None:
        self._rouge = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)

    def per_item(self, items: list[Item], pick: Picker) -> list[tuple[float, float, float]]:
        """(R-1, R-2, R-Lsum) of `pick`'s points for every item."""
        out = []
        for item in items:
            scores = self._rouge.score(item.reference, "\n".join(pick(item)))
            r1, r2, rl = (scores[m].fmeasure * 100 for m in METRICS)
            out.append((r1, r2, rl))
        return out


def mean3(rows: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """Column means."""
    r1, r2, rl = (statistics.fmean(col) for col in zip(*rows, strict=True))
    return r1, r2, rl


def texts(points: list[Sentence]) -> list[str]:
    """The points' text."""
    return [s.text for s in points]


def stock(name: str, k: int) -> Picker:
    """sumy's method `name` on all of our sentences, without the default's clean-up."""
    method = METHODS[name]
    return lambda it: texts(method(it.sentences, k, "en"))


def pickers(k: int, quick: bool) -> list[tuple[str, Picker]]:
    """Every row of the table: name and how it picks `k` points."""
    rows: list[tuple[str, Picker]] = [
        (f"Lead-{k} (reference split)", lambda it: it.reference_sentences[:k]),
        (f"Lead-{k} (our splitter)", lambda it: texts(it.sentences[:k])),
        (f"Lead-{k} (clean candidates)", lambda it: texts(select_points(it.sentences, k, "lead"))),
    ]
    if not quick:
        for name in SUMY:
            rows.append((f"sumy {name} (stock)", stock(name, k)))
    rows.append(("default", lambda it: texts(select_points(it.sentences, k, quoted=it.quoted))))
    return rows


def max_overlap(points: list[str]) -> float:
    """Largest share of the shorter point's content words found in another point."""
    tools = language_tools("en")
    bags = [{w.lower() for w in words(p)} - tools.stop_words for p in points]
    return max(
        (len(a & b) / min(len(a), len(b)) for a, b in combinations(bags, 2) if a and b),
        default=0.0,
    )


def quality(quick: bool) -> None:
    """ROUGE table per set, with the fit/test halves."""
    scorer = Scorer()
    for name, k in SETS:
        items = load(name)
        half = len(items) // 2
        print(f"\n{name}: {len(items)} articles, {k} point(s); fit = first {half} by id")
        print(f"{'method':<30}{'R-1':>7}{'R-2':>7}{'R-Lsum':>8}{'fit R-1':>9}{'test R-1':>9}")
        for label, pick in pickers(k, quick):
            rows = scorer.per_item(items, pick)
            r1, r2, rl = mean3(rows)
            fit, test = mean3(rows[:half])[0], mean3(rows[half:])[0]
            print(f"{label:<30}{r1:>7.2f}{r2:>7.2f}{rl:>8.2f}{fit:>9.2f}{test:>9.2f}")
        redundancy(items, k)


def redundancy(items: list[Item], k: int) -> None:
    """Largest content-word overlap between two points of one digest, over the set."""
    for count in (k, 8):
        overlaps = [
            max_overlap(texts(select_points(it.sentences, count, quoted=it.quoted))) for it in items
        ]
        print(
            f"redundancy, default with {count} points: largest content-word overlap between "
            f"two points {max(overlaps):.2f}, mean of per-article maxima "
            f"{statistics.fmean(overlaps):.2f}"
        )


def grid() -> None:
    """ROUGE-1 of the default around its weights, on both halves of frank-cnndm."""
    scorer = Scorer()
    items = load("frank-cnndm")
    half = len(items) // 2
    pools = {it.id: candidates(it.sentences, it.quoted) for it in items}
    print("\nTuning grid, frank-cnndm R-1 (fit / test); chosen:", DEFAULT_WEIGHTS)
    lengths = (8.0, 10.0, 12.0, 14.0)
    header = "centrality / words"
    print(f"{header:<20}" + "".join(f"{n:>16.0f}" for n in lengths))
    for weight in (0.0, 0.25, 0.5, 0.75):
        cells = []
        for length in lengths:
            w = replace(DEFAULT_WEIGHTS, words_per_point=length, centrality_weight=weight)

            def pick(it: Item, w: Weights = w) -> list[str]:
                return texts(default_points(pools[it.id], 3, "en", w))

            rows = scorer.per_item(items, pick)
            cells.append(f"{mean3(rows[:half])[0]:.2f} / {mean3(rows[half:])[0]:.2f}")
        print(f"{weight:<20}" + "".join(f"{c:>16}" for c in cells))


def fit_word_model(items: list[Item] | None = None) -> list[float]:
    """Logistic regression of "the stem is in the reference" on the word features, over
    `items` (by default the fit part of frank-cnndm and realsumm-cnndm)."""
    import numpy as np  # a dependency of rouge-score, so present wherever this bench runs

    if items is None:
        items = partition(load("frank-cnndm") + load_realsumm(), lambda it: it.id)["fit"]
    tools = language_tools("en")
    rows: list[list[float]] = []
    labels: list[float] = []
    for item in items:
        _stems, features = word_features(candidates(item.sentences) or item.sentences, tools)
        reference = {tools.stem(w.lower()) for w in words(item.reference)}
        for stem, row in features.items():
            rows.append(row)
            labels.append(1.0 if stem in reference else 0.0)
    x, y = np.array(rows), np.array(labels)
    # Newton's method with a light L2 penalty (not on the bias, the last feature).
    penalty = np.eye(len(FEATURES))
    penalty[-1, -1] = 0.0
    w = np.zeros(len(FEATURES))
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        gradient = x.T @ (p - y) + penalty @ w
        hessian = (x * (p * (1.0 - p))[:, None]).T @ x + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return [round(float(c), 3) for c in w]


def load_realsumm() -> list[Item]:
    """realsumm-cnndm's 60 CNN/DailyMail articles, lower-cased and tokenised upstream: split on
    " . ", Lead-3 from that split, references lower-cased (about a third are not)."""
    folder = eval_dir() / "realsumm-cnndm"
    items = []
    for path in sorted(folder.glob("*.article.txt")):
        parts = [p.strip() + " ." for p in path.read_text(encoding="utf-8").split(" . ")]
        sentences, at = [], 0
        for index, part in enumerate(p for p in parts if p != "."):
            sentences.append(Sentence(part, at, at + len(part), 0, index))
            at += len(part) + 1
        summary = path.with_name(path.name.replace(".article.txt", ".summary.txt"))
        reference = summary.read_text(encoding="utf-8").strip().lower()
        lead = [s.text for s in sentences[:3]]
        items.append(Item(path.name.split(".")[0], sentences, [], lead, reference))
    return items


def cross_validation(rounds: int = 8) -> None:
    """The default's margin over Lead-3 when every article is scored by a word model fitted
    without it, over frank-cnndm and realsumm-cnndm together: `rounds` random halvings, for
    the chosen weights and the previous ones (the weights were chosen this way)."""
    scorer = Scorer()
    items = load("frank-cnndm") + load_realsumm()
    frank = {it.id for it in items[:150]}
    lead = scorer.per_item(items, lambda it: it.reference_sentences[:3])
    baseline = {it.id: row for it, row in zip(items, lead, strict=True)}
    pools = {it.id: candidates(it.sentences, it.quoted) or it.sentences for it in items}
    half = len(items) // 2
    print(
        "\nCross-validated R-1 margin over Lead-3, 3 points, frank-cnndm + realsumm-cnndm "
        f"({len(items)} articles, {rounds} random halvings; each half scored by the other's fit)"
    )
    fits = []
    for seed in range(rounds):
        shuffled = items[:]
        random.Random(seed).shuffle(shuffled)
        first, second = shuffled[:half], shuffled[half:]
        fits.append(
            ((first, tuple(fit_word_model(second))), (second, tuple(fit_word_model(first))))
        )
    previous = replace(DEFAULT_WEIGHTS, words_per_point=12.0, centrality_weight=0.5)
    for label, chosen in (("chosen", DEFAULT_WEIGHTS), ("previous (12 words, 0.5)", previous)):
        gains: dict[str, list[float]] = {"all": [], "frank-cnndm": [], "realsumm-cnndm": []}
        for halves in fits:
            for scored, coefficients in halves:
                weights = replace(chosen, coefficients=coefficients)

                def pick(it: Item, w: Weights = weights) -> list[str]:
                    return texts(default_points(pools[it.id], 3, "en", w))

                for row, it in zip(scorer.per_item(scored, pick), scored, strict=True):
                    gain = row[0] - baseline[it.id][0]
                    gains["all"].append(gain)
                    gains["frank-cnndm" if it.id in frank else "realsumm-cnndm"].append(gain)
        cells = "  ".join(f"{k} {statistics.fmean(v):+.2f}" for k, v in gains.items())
        print(f"{label:<26}{cells}")


def hash_split() -> None:
    """The protocol's split: frank-cnndm and realsumm-cnndm by `split_of(article id)`; the word
    model refitted on fit, words per point and centrality chosen on dev, all three reported
    (R-1 margin over each set's Lead-3: frank's reference split, realsumm's own)."""
    scorer = Scorer()
    items = load("frank-cnndm") + load_realsumm()
    parts = partition(items, lambda it: it.id)
    pools = {it.id: candidates(it.sentences, it.quoted) or it.sentences for it in items}
    lead = {
        it.id: row[0]
        for it, row in zip(
            items, scorer.per_item(items, lambda it: it.reference_sentences[:3]), strict=True
        )
    }
    coefficients = tuple(fit_word_model(parts["fit"]))
    print(
        f"\nHash split ({', '.join(f'{p} {len(parts[p])}' for p in PARTS)} articles); word "
        f"model refitted on fit: {coefficients}"
    )
    print(f"{'words / centrality':<20}{'model':<9}{'fit':>8}{'dev':>8}")
    settings = [
        (
            replace(
                DEFAULT_WEIGHTS,
                words_per_point=length,
                centrality_weight=weight,
                coefficients=coefs,
            ),
            label,
        )
        for length, weight in (
            (8.0, 0.25),
            (10.0, 0.0),
            (10.0, 0.25),
            (10.0, 0.5),
            (12.0, 0.25),
            (12.0, 0.5),
            (14.0, 0.25),
        )
        for label, coefs in (("shipped", DEFAULT_WEIGHTS.coefficients), ("refit", coefficients))
    ]

    def gain(part: Part, w: Weights) -> float:
        rows = scorer.per_item(
            parts[part], lambda it: texts(default_points(pools[it.id], 3, "en", w))
        )
        return statistics.fmean(r[0] - lead[it.id] for r, it in zip(rows, parts[part], strict=True))

    best: tuple[float, Weights, str] | None = None
    for w, label in settings:
        fit, dev = gain("fit", w), gain("dev", w)
        if label == "refit" and (best is None or dev > best[0]):
            best = (dev, w, label)  # only a model fitted on fit may be chosen
        print(
            f"{f'{w.words_per_point:.0f} / {w.centrality_weight}':<20}{label:<9}"
            f"{fit:>+8.2f}{dev:>+8.2f}"
        )
    assert best is not None
    _dev, chosen, _label = best
    print(
        f"chosen on dev: {chosen.words_per_point:.0f} words per point, centrality "
        f"{chosen.centrality_weight}; test R-1 margin {gain('test', chosen):+.2f}"
    )


def long_text(n_words: int, articles: list[str]) -> str:
    """Real articles repeated as paragraphs until there are at least `n_words` words."""
    out: list[str] = []
    total = 0
    for text in cycle(articles):
        if total >= n_words:
            break
        out.append(text)
        total += len(text.split())
    return "\n\n".join(out)


def speed() -> None:
    """Articles per second, and the time for 10,000 and 100,000 words (split + default)."""
    folder = eval_dir() / "frank-cnndm"
    articles = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.article.txt"))]

    def run(text: str) -> None:
        count = default_point_count(len(text.split()))
        select_points(split_sentences(text, "en"), count)

    start = time.perf_counter()
    for text in articles:
        run(text)
    elapsed = time.perf_counter() - start
    print("\nSpeed of the default (splitting included; the pipeline benchmark adds cleaning)")
    print(f"{'frank-cnndm':<24}{len(articles) / elapsed:>10.1f} articles/s")
    for n_words, limit in ((10_000, 1.0), (100_000, 10.0)):
        text = long_text(n_words, articles)
        start = time.perf_counter()
        run(text)
        seconds = time.perf_counter() - start
        label = f"{len(text.split()):,} words"
        print(f"{label:<24}{seconds:>10.3f} s   (target < {limit:g} s)")


def main(argv: list[str]) -> int:
    """Print every table; `--quick` skips the stock sumy rows and the grid, `--fit` refits."""
    if not (eval_dir() / "frank-cnndm").is_dir():
        print(f"No evaluation data in {eval_dir()}; set DIGESTBOT_EVAL_DIR.")
        return 1
    if "--fit" in argv:
        fitted = fit_word_model()
        print("word model, fitted on the fit part:", dict(zip(FEATURES, fitted, strict=True)))
        print("in summarizers/extract/salience.py:", COEFFICIENTS)
        return 0
    if "--split" in argv:
        hash_split()
        return 0
    quick = "--quick" in argv
    quality(quick)
    if not quick:
        grid()
        cross_validation()
    speed()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
