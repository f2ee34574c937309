"""Is each summary sentence supported by its article? Aligned, checked, scored by a fitted model.

    index = ArticleIndex(article_text)
    report = Checker().check(index, summary)
    report.supported, [(s.text, s.supported, s.evidence) for s in report.sentences]

A sentence is supported when the model fitted on FRANK's human judgements (`verify.json`,
rebuilt by `bench/verify.py`) scores it at or above its threshold and no hard failure (an
invented quote, number, name or date) was found. A summary is supported when all of its
sentences are; its score is its weakest sentence's.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from summarizers.fitted import LogisticModel
from summarizers.verify.align import align
from summarizers.verify.checks import Problem, run_checks
from summarizers.verify.features import sentence_features
from summarizers.verify.reference import ArticleIndex
from summarizers.verify.tokens import summary_sentences, tokenize

UNSURE_MARGIN = 0.15  # scores this close to the threshold may go to the judge


@dataclass(frozen=True)
class SentenceVerdict:
    """One summary sentence: supported or not, on which article sentences, and why."""

    text: str
    supported: bool
    score: float
    evidence: tuple[int, ...]
    problems: tuple[Problem, ...]
    features: Mapping[str, float] = field(default_factory=dict, repr=False)
    judged: str | None = None  # the judge model's answer, when it was asked

    @property
    def hard(self) -> bool:
        """A hard failure: nothing may pass this sentence."""
        return any(p.hard for p in self.problems)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "text": self.text,
            "supported": self.supported,
            "score": round(self.score, 4),
            "evidence": list(self.evidence),
            "problems": [f"{p.kind}: {p.detail}" for p in self.problems],
        }
        if self.judged is not None:
            out["judge"] = self.judged
        return out


@dataclass(frozen=True)
class Report:
    """The verdicts of a summary's sentences."""

    sentences: list[SentenceVerdict]

    @property
    def supported(self) -> bool:
        return all(s.supported for s in self.sentences)

    @property
    def score(self) -> float:
        return min((s.score for s in self.sentences), default=1.0)

    def to_dict(self) -> dict[str, Any]:
        return {
            "supported": self.supported,
            "score": round(self.score, 4),
            "sentences": [s.to_dict() for s in self.sentences],
        }


class Checker:
    """The fitted faithfulness checker (stateless: share one)."""

    def __init__(self, model: LogisticModel | None = None) -> None:
        self.model = model or LogisticModel.load("summarizers.verify", "verify.json")

    @property
    def threshold(self) -> float:
        return self.model.threshold

    def unsure(self, verdict: SentenceVerdict) -> bool:
        """Close enough to the threshold that a second opinion may help (never a hard failure)."""
        return not verdict.hard and abs(verdict.score - self.threshold) < UNSURE_MARGIN

    def check(self, index: ArticleIndex, summary: str) -> Report:
        """Every sentence of `summary` checked against the indexed article."""
        return self.check_sentences(index, summary_sentences(summary, index.language))

    def check_sentences(self, index: ArticleIndex, sentences: list[str]) -> Report:
        """Like `check`, for a summary already split into sentences (a digest's points)."""
        return Report([self.verdict(a) for a in analyse(index, sentences)])

    def verdict(self, analysis: Analysis) -> SentenceVerdict:
        """The model's decision on one analysed sentence."""
        score = 0.0 if analysis.hard else self.model.probability(analysis.features)
        return SentenceVerdict(
            analysis.text,
            score >= self.threshold and not analysis.hard,
            score,
            analysis.evidence,
            analysis.problems,
            analysis.features,
        )


@dataclass(frozen=True)
class Analysis:
    """One summary sentence aligned and checked, before any model scores it."""

    text: str
    evidence: tuple[int, ...]
    problems: tuple[Problem, ...]
    features: Mapping[str, float]

    @property
    def hard(self) -> bool:
        return any(p.hard for p in self.problems)


def analyse(index: ArticleIndex, sentences: list[str]) -> list[Analysis]:
    """Align and check every sentence of a summary (the fitted model's inputs)."""
    tokenized = [tokenize(s, index.rules) for s in sentences]
    # A summary in lower case throughout (a tokenising system's) has no capitals to read.
    cased = any(t.capital for tokens in tokenized for t in tokens[1:])
    seen: set[tuple[str, str, str]] = set()
    out = []
    for text, tokens in zip(sentences, tokenized, strict=True):
        keys = [t.key for t in tokens if t.content]
        grams = list(zip(keys, keys[1:], keys[2:], strict=False))
        repeated = sum(g in seen for g in grams)
        seen |= set(grams)
        clauses = [tokenize(c, index.rules) for c in index.rules.clauses(text)]
        alignment = align(tokens, index, clauses)
        findings = run_checks(text, tokens, alignment, index, cased)
        features = sentence_features(tokens, alignment, findings, index, repeated)
        problems = tuple(sorted(findings.problems, key=lambda p: not p.hard))
        out.append(Analysis(text, alignment.evidence, problems, features))
    return out
