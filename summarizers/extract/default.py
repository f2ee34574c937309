"""The default key-point selector: the lead, improved by swaps that raise the expected ROUGE.

A small word model (`salience`) estimates how likely each word of the article is to appear in
a human summary. A set of points then expects ROUGE-1 F1 of about 2 * (expected matched words)
/ (its words + a reference's words): repeated words earn little, long sentences pay for their
length, and redundancy needs no separate penalty. The points' mean tf-idf centrality (their
similarity to the rest of the article) is added to that value. The selector starts from the
lead (the first clean candidates that may stand together) and swaps in one of the first few
candidates while that raises the value, so it leaves the lead only for a clearly better
sentence. Points never repeat each other, and a dangling sentence comes only right after its
predecessor. Every step is linear in the article's length.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from summarizers.extract.hygiene import is_dangling
from summarizers.extract.languages import language_tools
from summarizers.extract.salience import COEFFICIENTS, STOP, word_features, word_probabilities
from summarizers.models import Sentence

Vector = dict[str, float]


@dataclass(frozen=True)
class Weights:
    """The selector's few parameters; the word model's coefficients come from the fit part of
    frank-cnndm and realsumm-cnndm (`salience`).

    Words per point and the centrality weight were chosen on the dev part of the same sets
    (`python -m bench.summaries --split`; bench/README.md).
    """

    words_per_point: float = 10.0  # a reference's words per point (fit half: 13 per highlight)
    repeat_credit: float = 0.3  # a word's n-th use in the points counts repeat_credit**(n-1)
    centrality_weight: float = 0.5
    coefficients: tuple[float, ...] = COEFFICIENTS  # the word model (`salience`)
    window_per_point: int = 2  # swaps come from the first window_per_point * count candidates
    max_overlap: float = 0.5  # never pick a point sharing more of its content words than this


DEFAULT_WEIGHTS = Weights()
# Hill-climbing rounds at most (one swap each): bounds the time for a long list of points.
MAX_SWAP_ROUNDS = 8
_NOISE = 1e-9  # a swap must gain more than float rounding


def default_points(
    sentences: list[Sentence],
    count: int,
    language: str = "en",
    weights: Weights = DEFAULT_WEIGHTS,
) -> list[Sentence]:
    """Up to `count` non-redundant key points of the candidates `sentences`, in article order.

    `sentences` should already be clean (`hygiene.candidates`); `select_points` sees to that.
    """
    pool = sentences
    if not pool or count <= 0:
        return []
    tools = language_tools(language)
    stems, features = word_features(pool, tools)
    terms = [[s for s in row if not features[s][STOP]] for row in stems]
    selection = _Selection(
        pool=pool,
        stems=stems,
        probability=word_probabilities(features, weights.coefficients),
        centrality=_centrality(terms),
        term_sets=[set(t) for t in terms],
        dangling=[bool(s.index) and is_dangling(s.text, language) for s in pool],
        count=count,
        weights=weights,
    )
    selection.fill()
    window = set(range(min(len(pool), weights.window_per_point * count)))
    selection.improve(sorted(window | set(selection.chosen)))
    return sorted((pool[i] for i in selection.chosen), key=lambda s: s.index)


def expected_f1(
    chosen: list[int],
    stems: list[list[str]],
    probability: dict[str, float],
    count: int,
    weights: Weights,
) -> float:
    """ROUGE-1 F1 the sentences `chosen` can expect against a `count`-point reference."""
    uses = Counter(stem for i in chosen for stem in stems[i])
    length = sum(len(stems[i]) for i in chosen)
    return _f1(_matches(uses, probability, weights), length, weights.words_per_point * count)


def _matches(uses: Counter[str], probability: dict[str, float], weights: Weights) -> float:
    return sum(probability[s] * _credit(n, weights.repeat_credit) for s, n in uses.items())


def _credit(uses: int, repeat_credit: float) -> float:
    """Expected matches of a word used `uses` times, per unit of its probability."""
    # A reference repeats few words: the n-th use of a word counts repeat_credit ** (n - 1).
    if repeat_credit == 1.0:
        return float(uses)
    return (1.0 - repeat_credit**uses) / (1.0 - repeat_credit)


def _f1(matches: float, length: int, reference: float) -> float:
    return 2.0 * matches / (length + reference)


@dataclass
class _Selection:
    """The points chosen so far among the candidates, and the rules they keep."""

    pool: list[Sentence]
    stems: list[list[str]]
    probability: dict[str, float]
    centrality: list[float]
    term_sets: list[set[str]]
    dangling: list[bool]
    count: int
    weights: Weights
    chosen: list[int] = field(default_factory=list)
    _clashes: dict[tuple[int, int], bool] = field(default_factory=dict)

    def fill(self) -> None:
        """Choose the first `count` candidates that may stand together (the clean lead)."""
        for i in range(len(self.pool)):
            if len(self.chosen) == self.count:
                break
            if self.dangling[i] and self._predecessor(i) not in self.chosen:
                continue
            if not any(self._clash(i, j) for j in self.chosen):
                self.chosen.append(i)

    def value(self) -> float:
        """Expected ROUGE-1 F1 of the points plus their weighted mean centrality."""
        f1 = expected_f1(self.chosen, self.stems, self.probability, self.count, self.weights)
        return f1 + self._weighted_centrality(sum(self.centrality[i] for i in self.chosen))

    def improve(self, window: list[int]) -> None:
        """Hill-climb: make the best swap with a `window` candidate while it raises the value.

        A round tries O(count * window) swaps at O(sentence length) each; the rounds are
        capped, since a point is rarely worth replacing twice.
        """
        for _ in range(min(len(self.chosen), MAX_SWAP_ROUNDS)):
            swap = self._best_swap(window)
            if swap is None:
                return
            slot, into = swap
            self.chosen[slot] = into

    def _best_swap(self, window: list[int]) -> tuple[int, int] | None:
        """The (slot, candidate) swap that raises the value most, if any does."""
        best = self.value()
        uses = Counter(stem for i in self.chosen for stem in self.stems[i])
        matches = _matches(uses, self.probability, self.weights)
        length = sum(len(self.stems[i]) for i in self.chosen)
        central = sum(self.centrality[i] for i in self.chosen)
        reference = self.weights.words_per_point * self.count
        swap = None
        for j in window:
            for slot in self._slots_for(j):
                out = self.chosen[slot]
                f1 = _f1(
                    matches + self._gain(uses, out, j),
                    length - len(self.stems[out]) + len(self.stems[j]),
                    reference,
                )
                value = f1 + self._weighted_centrality(
                    central - self.centrality[out] + self.centrality[j]
                )
                if value > best + _NOISE:
                    best, swap = value, (slot, j)
        return swap

    def _slots_for(self, j: int) -> list[int]:
        """The slots candidate `j` may take without breaking a rule."""
        if j in self.chosen:
            return []
        needs = self._predecessor(j) if self.dangling[j] else None
        if self.dangling[j] and needs not in self.chosen:
            return []
        clashes = [i for i in self.chosen if self._clash(i, j)]
        if len(clashes) > 1:
            return []
        # A point whose successor dangles on it must stay, and so must j's own predecessor.
        fixed = {self._predecessor(i) for i in self.chosen if self.dangling[i]} | {needs}
        return [
            slot
            for slot, out in enumerate(self.chosen)
            if out not in fixed and (not clashes or clashes[0] == out)
        ]

    def _gain(self, uses: Counter[str], out: int, into: int) -> float:
        """The change in expected matches with `into` in place of `out`."""
        change = Counter(self.stems[into])
        change.subtract(self.stems[out])
        credit = self.weights.repeat_credit
        return sum(
            self.probability[s] * (_credit(uses[s] + d, credit) - _credit(uses[s], credit))
            for s, d in change.items()
            if d
        )

    def _weighted_centrality(self, total: float) -> float:
        return self.weights.centrality_weight * total / max(len(self.chosen), 1)

    def _predecessor(self, i: int) -> int | None:
        """The candidate right before `i` in the article, if it is one."""
        if i and self.pool[i - 1].index == self.pool[i].index - 1:
            return i - 1
        return None

    def _clash(self, i: int, j: int) -> bool:
        """True if `i` and `j` are near-repeats of each other."""
        key = (min(i, j), max(i, j))
        if key not in self._clashes:
            overlap = _overlap(self.term_sets[i], self.term_sets[j])
            self._clashes[key] = overlap > self.weights.max_overlap
        return self._clashes[key]


def _centrality(terms: list[list[str]]) -> list[float]:
    """Each sentence's tf-idf cosine with the centroid of all the other sentences."""
    vectors = _tfidf(terms)
    centroid: Counter[str] = Counter()
    for v in vectors:
        centroid.update(v)
    norm = math.sqrt(sum(x * x for x in centroid.values())) or 1.0
    # The centroid without the sentence itself: otherwise long sentences look central.
    return [_cosine(v, {w: centroid[w] - x for w, x in v.items()}) / norm for v in vectors]


def _tfidf(terms: list[list[str]]) -> list[Vector]:
    df: Counter[str] = Counter()
    for t in terms:
        df.update(set(t))
    n = len(terms)
    vectors = []
    for t in terms:
        v = {w: (1.0 + math.log(c)) * math.log(1.0 + n / df[w]) for w, c in Counter(t).items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors.append({w: x / norm for w, x in v.items()})
    return vectors


def _cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0
