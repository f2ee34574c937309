"""Faithfulness on FRANK: the fitted checker against human judgements, and its rebuild script.

    python -m bench.verify            # figures for fit and dev, baselines beside them
    python -m bench.verify --write    # refit and rewrite summarizers/verify/verify.json
    python -m bench.verify --test     # also the test part: once per finished change
    python -m bench.verify --cv       # grouped 5-fold cross-validation on fit + dev, by article

FRANK (../shared/eval/frank-cnndm, frank-xsum): summaries of CNN/DM and XSum articles by
several systems, each judged by annotators; a summary is faithful when `frank_factuality` is 1.
Articles are split with `bench.splits.split_of(article id)`: weights are fitted on `fit`, the
threshold is chosen on `fit` + `dev`, `test` is read once per finished change.

The model scores sentences, but FRANK judges whole summaries: a faithful summary's sentences
are all faithful, an unfaithful one has at least one unfaithful sentence. So the fit starts
from every sentence labelled as its summary, then (multiple-instance) keeps as the negative of
each unfaithful summary only its lowest-scored sentence, and refits.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.common import eval_dir
from bench.fitting import fit_logistic, save_model
from bench.gate import write_figures
from bench.splits import PARTS, Part, split_of
from summarizers.fitted import LogisticModel
from summarizers.verify import Analysis, ArticleIndex, analyse
from summarizers.verify.features import FEATURES
from summarizers.verify.tokens import summary_sentences

DATASETS = ("frank-cnndm", "frank-xsum")
MODEL_PATH = Path(__file__).resolve().parents[1] / "summarizers" / "verify" / "verify.json"
# The share of faithful CNN/DM summaries the threshold rejects on fit + dev: under the goal's
# 10%, with room for unseen articles (the former dev-chosen threshold rejected 1% on dev, 9% on
# test). Overall balanced accuracy is flat across thresholds that reject 3-9% (grouped
# cross-validation on fit + dev) while the CNN/DM one rises with them; the best overall one on
# dev alone rode on XSum's 4 faithful summaries there. Fit + dev, not dev alone: 343 faithful
# CNN/DM summaries rather than 95.
TARGET_FRR = 0.07
MIL_ROUNDS = 3
C = 0.5
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Pair:
    """One judged summary of one article."""

    dataset: str
    article_id: str
    system: str
    article: str
    summary: str
    faithful: bool
    sentences: tuple[Analysis, ...]

    @property
    def part(self) -> Part:
        return split_of(self.article_id)


def load_pairs(root: Path | None = None, datasets: Sequence[str] = DATASETS) -> list[Pair]:
    """Every judged summary, analysed (its article indexed once)."""
    base = root or eval_dir()
    pairs = []
    for dataset in datasets:
        for meta in sorted((base / dataset).glob("*.json")):
            item = json.loads(meta.read_text(encoding="utf-8"))
            article = meta.with_name(f"{item['id']}.article.txt").read_text(encoding="utf-8")
            index = ArticleIndex(article, "en")
            for system, out in sorted(item["systems"].items()):
                summary = out["summary"]
                sentences = analyse(index, summary_sentences(summary, "en"))
                pairs.append(
                    Pair(
                        dataset,
                        str(item["id"]),
                        system,
                        article,
                        summary,
                        out["frank_factuality"] == 1,
                        tuple(sentences),
                    )
                )
    return pairs


def row(analysis: Analysis) -> list[float]:
    return [analysis.features[name] for name in FEATURES]


def summary_score(pair: Pair, model: LogisticModel) -> float:
    """The checker's score of a summary: its weakest sentence (0 for a hard failure)."""
    return min((0.0 if s.hard else model.probability(row(s)) for s in pair.sentences), default=0.0)


def fit(pairs: Sequence[Pair]) -> LogisticModel:
    """The sentence model, fitted on `pairs` (the fit part) by multiple-instance rounds."""
    model: LogisticModel | None = None
    for _ in range(MIL_ROUNDS + 1):
        rows: list[list[float]] = []
        labels: list[int] = []
        for pair in pairs:
            soft = [s for s in pair.sentences if not s.hard]
            if pair.faithful or model is None:
                chosen = soft
            elif len(soft) < len(pair.sentences) or not soft:
                chosen = []  # a hard failure already explains the judgement
            else:
                current = model
                chosen = [min(soft, key=lambda s: current.probability(row(s)))]
            rows += [row(s) for s in chosen]
            labels += [int(pair.faithful)] * len(chosen)
        model = fit_logistic(rows, labels, FEATURES, c=C, class_weight="balanced")
    assert model is not None
    return model


def rates(scores: Iterable[tuple[float, bool]], threshold: float) -> tuple[float, float]:
    """(balanced accuracy, share of faithful summaries rejected) at `threshold`."""
    tp = fn = tn = fp = 0
    for score, faithful in scores:
        accepted = score >= threshold
        if faithful:
            tp += accepted
            fn += not accepted
        else:
            tn += not accepted
            fp += accepted
    tpr = tp / (tp + fn) if tp + fn else 0.0
    tnr = tn / (tn + fp) if tn + fp else 0.0
    return (tpr + tnr) / 2, (fn / (tp + fn) if tp + fn else 0.0)


def choose_threshold(scored: Sequence[tuple[float, bool, str]]) -> float:
    """The threshold that rejects TARGET_FRR of the faithful CNN/DM summaries (those without
    a hard failure: no threshold passes those)."""
    faithful = sorted(s for s, f, d in scored if f and d == "frank-cnndm" and s > 0)
    if not faithful:
        return 0.5
    return round(faithful[int(TARGET_FRR * len(faithful))], 4)


def every_word_occurs(pair: Pair) -> float:
    """The trivial baseline: 1 when every word of the summary occurs in the article."""
    article = set(_WORD.findall(pair.article.lower()))
    return float(all(w in article for w in _WORD.findall(pair.summary.lower())))


def hard_rules_only(pair: Pair) -> float:
    """The rules alone (quotes, numbers, names, dates), as the old rewrite check worked."""
    return float(not any(s.hard for s in pair.sentences))


def figures(
    pairs: Sequence[Pair], score: dict[int, float], threshold: float, prefix: str
) -> dict[str, float]:
    """Balanced accuracy (overall, per dataset) and the CNN/DM false rejections, by part."""
    out: dict[str, float] = {}
    for part in PARTS:
        mine = [p for p in pairs if p.part == part]
        for name, subset in (
            ("all", mine),
            ("cnndm", [p for p in mine if p.dataset == "frank-cnndm"]),
            ("xsum", [p for p in mine if p.dataset == "frank-xsum"]),
        ):
            ba, frr = rates(((score[id(p)], p.faithful) for p in subset), threshold)
            out[f"{prefix}.{part}.{name}.balanced_accuracy"] = round(ba, 4)
            if name == "cnndm":
                out[f"{prefix}.{part}.cnndm.false_rejections"] = round(frr, 4)
    return out


def dev_figures(pairs: Sequence[Pair], model: LogisticModel) -> dict[str, float]:
    """The gated figures: the shipped model on the dev part."""
    score = {id(p): summary_score(p, model) for p in pairs}
    every = figures(pairs, score, model.threshold, "checker")
    return {k: v for k, v in every.items() if ".dev." in k}


def cross_validation(pairs: Sequence[Pair], folds: int = 5, seed: int = 0) -> dict[str, float]:
    """Out-of-fold figures on `pairs`, grouped by article: each fold's articles are scored by
    a model fitted on the others, then one threshold at TARGET_FRR is set on all of them (the
    guide for feature choices: dev alone holds about 30 articles per dataset)."""
    import random

    articles = sorted({p.article_id for p in pairs})
    random.Random(seed).shuffle(articles)
    fold_of = {a: i % folds for i, a in enumerate(articles)}
    score: dict[int, float] = {}
    for fold in range(folds):
        model = fit([p for p in pairs if fold_of[p.article_id] != fold])
        score |= {id(p): summary_score(p, model) for p in pairs if fold_of[p.article_id] == fold}
    threshold = choose_threshold([(score[id(p)], p.faithful, p.dataset) for p in pairs])
    out = {}
    for name, subset in (
        ("all", pairs),
        ("cnndm", [p for p in pairs if p.dataset == "frank-cnndm"]),
        ("xsum", [p for p in pairs if p.dataset == "frank-xsum"]),
    ):
        ba, frr = rates(((score[id(p)], p.faithful) for p in subset), threshold)
        out[f"{name}.balanced_accuracy"] = ba
        if name == "cnndm":
            out["cnndm.false_rejections"] = frr
        if name != "all":
            out[f"{name}.auc"] = auc([(score[id(p)], p.faithful) for p in subset])
    return out


def auc(scored: Sequence[tuple[float, bool]]) -> float:
    """The chance that a faithful summary scores above an unfaithful one (ties count half)."""
    pos = [s for s, f in scored if f]
    neg = [s for s, f in scored if not f]
    if not pos or not neg:
        return 0.0
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def main(argv: list[str]) -> int:
    started = time.process_time()
    pairs = load_pairs()
    elapsed = time.process_time() - started
    cnndm = [p for p in pairs if p.dataset == "frank-cnndm"]
    print(f"{len(pairs)} judged summaries ({len(cnndm)} CNN/DM) analysed in {elapsed:.1f} s CPU")
    by_part = {part: [p for p in pairs if p.part == part] for part in PARTS}
    if "--cv" in argv:
        for seed in (0, 1):
            cv = cross_validation(by_part["fit"] + by_part["dev"], seed=seed)
            print(
                f"grouped 5-fold CV on fit + dev (shuffle {seed}): "
                + ", ".join(f"{k} {v:.3f}" for k, v in cv.items())
            )
    if "--write" in argv:
        model = fit(by_part["fit"])
        chosen_on = by_part["fit"] + by_part["dev"]
        threshold = choose_threshold(
            [(summary_score(p, model), p.faithful, p.dataset) for p in chosen_on]
        )
        meta = {
            "fitted_on": "FRANK dev folders (frank-cnndm, frank-xsum), fit part",
            "threshold_from": f"fit and dev parts: rejects {TARGET_FRR} of the faithful CNN/DM "
            "summaries",
            "rebuild": "python -m bench.verify --write",
        }
        model = LogisticModel(
            model.features, model.mean, model.scale, model.coef, model.intercept, threshold, meta
        )
        save_model(model, MODEL_PATH)
        print(f"wrote {MODEL_PATH} (threshold {threshold})")
    model = LogisticModel.load("summarizers.verify", "verify.json")
    checker = {id(p): summary_score(p, model) for p in pairs}
    shown = figures(pairs, checker, model.threshold, "checker")
    shown |= figures(pairs, {id(p): hard_rules_only(p) for p in pairs}, 0.5, "rules_only")
    shown |= figures(pairs, {id(p): every_word_occurs(p) for p in pairs}, 0.5, "every_word")
    _print_table(shown, PARTS if "--test" in argv else ("fit", "dev"))
    write_figures("verify", dev_figures(pairs, model))
    return 0


def _print_table(shown: dict[str, float], parts: Sequence[Part]) -> None:
    methods = ("checker", "rules_only", "every_word")
    columns = [
        ("all", "balanced_accuracy"),
        ("cnndm", "balanced_accuracy"),
        ("xsum", "balanced_accuracy"),
        ("cnndm", "false_rejections"),
    ]
    print(f"{'method':<12}{'part':<6}" + "".join(f"{a + ' ' + b[:8]:>22}" for a, b in columns))
    for method in methods:
        for part in parts:
            cells = [shown[f"{method}.{part}.{a}.{b}"] for a, b in columns]
            print(f"{method:<12}{part:<6}" + "".join(f"{c:>22.3f}" for c in cells))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
