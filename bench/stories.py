"""Story clustering: fit the pair model, choose its threshold, measure clustering.

    .venv/bin/python -m bench.stories            # fit on fit, threshold on dev, report all
    .venv/bin/python -m bench.stories --write    # ... and write summarizers/stories/pair.json
    .venv/bin/python -m bench.stories --shipped  # measure the shipped model only

The labelled set is `bench.story_labels` (articles from ../shared/eval and synthetic
syndicated copies, split by story). Each part is clustered as one batch, as a digest's
articles are. Figures: pairwise precision / recall / F1 over same-story pairs, B-cubed
precision / recall / F1, the share of syndicated copies put with their original, and the
number of different-event pairs merged (all, and the read hard negatives).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.fitting import fit_logistic, save_model
from bench.gate import write_figures
from bench.splits import PARTS, Part
from bench.story_labels import Story, hard_negatives, load, part_of
from summarizers.fitted import LogisticModel
from summarizers.stories.cluster import average_linkage, pair_model, probability_matrix
from summarizers.stories.features import FEATURES, PairScorer
from summarizers.stories.profile import profile

MODEL_PATH = Path(__file__).resolve().parents[1] / "summarizers" / "stories" / "pair.json"
THRESHOLDS = tuple(round(0.05 + 0.05 * k, 2) for k in range(19))  # 0.05 … 0.95
C = 1.0


@dataclass(frozen=True)
class Batch:
    """One part of the labelled set, profiled, with its pair features."""

    stories: list[Story]
    scorer: PairScorer

    @classmethod
    def of(cls, stories: list[Story]) -> Batch:
        profiles = [profile(s.text, s.headline, s.language, s.published) for s in stories]
        return cls(stories, PairScorer(profiles))

    @property
    def pairs(self) -> list[tuple[int, int]]:
        n = len(self.stories)
        return [(i, j) for i in range(n) for j in range(i + 1, n)]

    def same(self, i: int, j: int) -> bool:
        return self.stories[i].cluster == self.stories[j].cluster

    def matrix(self, model: LogisticModel) -> list[list[float]]:
        return probability_matrix(self.scorer, model)


def b_cubed(predicted: Sequence[int], gold: Sequence[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering (cluster label per item)."""
    n = len(gold)
    precision = recall = 0.0
    for i in range(n):
        same_pred = [j for j in range(n) if predicted[j] == predicted[i]]
        same_gold = [j for j in range(n) if gold[j] == gold[i]]
        both = sum(1 for j in same_pred if gold[j] == gold[i])
        precision += both / len(same_pred)
        recall += both / len(same_gold)
    p, r = precision / n, recall / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(batch: Batch, matrix: list[list[float]], threshold: float) -> dict[str, float]:
    """Clustering figures of one part at one threshold."""
    groups = average_linkage(matrix, threshold)
    label = [0] * len(batch.stories)
    for g, members in enumerate(groups):
        for i in members:
            label[i] = g
    tp = fp = fn = 0
    copies = copies_merged = briefs = briefs_merged = 0
    for i, j in batch.pairs:
        together, same = label[i] == label[j], batch.same(i, j)
        tp += together and same
        fp += together and not same
        fn += same and not together
        a, b = batch.stories[i], batch.stories[j]
        if same and "brief" in (a.kind, b.kind):
            briefs += 1
            briefs_merged += together
        elif same:
            copies += 1
            copies_merged += together
    index = {s.id: k for k, s in enumerate(batch.stories)}
    hard = [(index[a], index[b]) for a, b in hard_negatives() if a in index and b in index]
    bp, br, bf = b_cubed(label, [s.cluster for s in batch.stories])
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {
        "pair_precision": precision,
        "pair_recall": recall,
        "pair_f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "bcubed_precision": bp,
        "bcubed_recall": br,
        "bcubed_f1": bf,
        "syndicated_merged": copies_merged / copies if copies else 1.0,
        "briefs_merged": briefs_merged / briefs if briefs else 1.0,
        "different_merged": float(fp),
        "same_merged": float(tp),
        "same_split": float(fn),
        "hard_negatives": float(len(hard)),
        "hard_negatives_merged": float(sum(label[i] == label[j] for i, j in hard)),
        "articles": float(len(batch.stories)),
        "stories": float(len({s.cluster for s in batch.stories})),
    }


def fit(batch: Batch) -> LogisticModel:
    """The pair model fitted on every pair of the fit part."""
    keys = batch.pairs
    rows = [batch.scorer.row(i, j) for i, j in keys]
    labels = [int(batch.same(i, j)) for i, j in keys]
    return fit_logistic(rows, labels, FEATURES, c=C, class_weight="balanced")


def choose_threshold(batch: Batch, model: LogisticModel) -> float:
    """The threshold with the best dev B-cubed F1; of tied ones the middle (widest margin)."""
    matrix = batch.matrix(model)
    scored = [(evaluate(batch, matrix, t)["bcubed_f1"], t) for t in THRESHOLDS]
    best = max(f for f, _ in scored)
    tied = [t for f, t in scored if f >= best - 1e-9]
    return tied[len(tied) // 2]


def load_batches(parts: Sequence[Part] = PARTS) -> dict[Part, Batch]:
    """The profiled parts of the labelled set."""
    stories = load(parts)
    return {p: Batch.of([s for s in stories if part_of(s.cluster) == p]) for p in parts}


def dev_figures(model: LogisticModel | None = None) -> dict[str, float]:
    """The dev figures of the shipped model (what the CI gate recomputes)."""
    model = model or pair_model()
    batch = load_batches(("dev",))["dev"]
    figures = evaluate(batch, batch.matrix(model), model.threshold)
    return {f"dev.{k}": v for k, v in figures.items()}


def report(model: LogisticModel, batches: dict[Part, Batch]) -> dict[str, float]:
    """Print fit / dev / test side by side; return every figure by 'part.name'."""
    results = {p: evaluate(b, b.matrix(model), model.threshold) for p, b in batches.items()}
    names = list(next(iter(results.values())))
    print(f"threshold {model.threshold:.2f}")
    print(f"{'figure':24s}" + "".join(f"{p:>10s}" for p in results))
    for name in names:
        print(f"{name:24s}" + "".join(f"{results[p][name]:10.3f}" for p in results))
    return {f"{p}.{k}": v for p, r in results.items() for k, v in r.items()}


def main(argv: list[str]) -> int:
    batches = load_batches()
    if "--shipped" in argv:
        model = pair_model()
    else:
        fitted = fit(batches["fit"])
        threshold = choose_threshold(batches["dev"], fitted)
        model = LogisticModel(
            fitted.features,
            fitted.mean,
            fitted.scale,
            fitted.coef,
            fitted.intercept,
            threshold,
            {"fitted_on": "bench/data/stories/labels.jsonl, fit part", "c": C},
        )
        print("weights:", {f: round(w, 3) for f, w in zip(model.features, model.coef, strict=True)})
    figures = report(model, batches)
    if "--write" in argv:
        save_model(model, MODEL_PATH)
        print(f"wrote {MODEL_PATH}")
    write_figures("stories", {k: v for k, v in figures.items() if k.startswith("dev.")})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
