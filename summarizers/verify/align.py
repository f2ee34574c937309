"""Each summary sentence → the one to three article sentences that best cover what it says.

Greedy coverage: the article sentence covering the most weight of the summary sentence's
content words (rare words weigh more), then the ones adding most of what is still uncovered,
while they add a useful share.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from summarizers.verify.reference import ArticleIndex
from summarizers.verify.tokens import Token

MAX_EVIDENCE = 3
MIN_GAIN = 0.15  # a further sentence must cover this share of the sentence's weight


@dataclass(frozen=True)
class Alignment:
    """The evidence sentences (indices into the article, best first) and what they cover."""

    evidence: tuple[int, ...]
    coverage: float  # share of the content weight the evidence covers
    top_coverage: float  # share the best single sentence covers


def align(
    tokens: list[Token], index: ArticleIndex, clauses: Sequence[list[Token]] = ()
) -> Alignment:
    """The best one to three article sentences for a summary sentence's `tokens`.

    `top_coverage` is the share one sentence covers; for a sentence of several `clauses`
    ("X did this, and Y did that") each clause may have its own best sentence.
    """
    weights: dict[str, float] = {}
    for token in tokens:
        if token.content:
            weights[token.key] = index.weight(token.key)
    total = sum(weights.values())
    if not total or not index.sentences:
        return Alignment((), 0.0, 0.0)
    uncovered = dict(weights)
    chosen: list[int] = []
    shares: list[float] = []
    for _ in range(MAX_EVIDENCE):
        best, gain = -1, 0.0
        for i, sentence in enumerate(index.sentences):
            if i in chosen:
                continue
            g = sum(w for k, w in uncovered.items() if k in sentence.keys)
            if g > gain:
                best, gain = i, g
        if best < 0 or (chosen and gain / total < MIN_GAIN):
            break
        chosen.append(best)
        shares.append(gain / total)
        keys = index.sentences[best].keys
        uncovered = {k: w for k, w in uncovered.items() if k not in keys}
    covered = 1.0 - sum(uncovered.values()) / total
    top = shares[0] if shares else 0.0
    if len(clauses) > 1:
        top = max(top, sum(_best_single(c, index) for c in clauses) / total)
    return Alignment(tuple(chosen), covered, top)


def _best_single(tokens: list[Token], index: ArticleIndex) -> float:
    """The most content weight of `tokens` that one article sentence covers."""
    weights = {t.key: index.weight(t.key) for t in tokens if t.content}
    return max(
        (sum(w for k, w in weights.items() if k in s.keys) for s in index.sentences), default=0.0
    )
