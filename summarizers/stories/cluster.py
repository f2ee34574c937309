"""Articles → stories: average-linkage clustering over fitted pair probabilities.

Two groups merge while the mean probability over all their cross pairs is at least the
model's threshold, best pair first. Averaging (rather than joining any two articles above
the threshold) keeps one borderline pair from chaining two different events together.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from summarizers.fitted import LogisticModel
from summarizers.stories.features import PairScorer
from summarizers.stories.profile import Profile


@cache
def pair_model() -> LogisticModel:
    """The shipped pair model (bench/stories.py rebuilds it)."""
    return LogisticModel.load("summarizers.stories", "pair.json")


def pair_probabilities(
    profiles: Sequence[Profile], model: LogisticModel | None = None
) -> list[list[float]]:
    """The symmetric matrix of same-story probabilities (1 on the diagonal)."""
    return probability_matrix(PairScorer(profiles), model or pair_model())


def probability_matrix(scorer: PairScorer, model: LogisticModel) -> list[list[float]]:
    """Same-story probabilities of every pair of the scorer's batch."""
    n = len(scorer.profiles)
    matrix = [[1.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            p = 0.0 if scorer.far_apart(i, j) else model.probability(scorer.row(i, j))
            matrix[i][j] = matrix[j][i] = p
    return matrix


def average_linkage(matrix: Sequence[Sequence[float]], threshold: float) -> list[list[int]]:
    """Groups of indices, each sorted, in order of their first member."""
    groups: list[list[int]] = [[i] for i in range(len(matrix))]
    # sums[x][y]: the total probability over the cross pairs of groups x and y, updated on
    # each merge, so a step costs one scan of the groups rather than of all article pairs.
    sums = [list(row) for row in matrix]
    while len(groups) > 1:
        best, pair = threshold, None
        for x in range(len(groups)):
            for y in range(x + 1, len(groups)):
                mean = sums[x][y] / (len(groups[x]) * len(groups[y]))
                if mean >= best:
                    best, pair = mean, (x, y)
        if pair is None:
            break
        x, y = pair
        for z in range(len(groups)):
            sums[x][z] += sums[y][z]
            sums[z][x] = sums[x][z]
        groups[x] = sorted(groups[x] + groups[y])
        del groups[y]
        del sums[y]
        for row in sums:
            del row[y]
    return sorted(groups, key=lambda g: g[0])


def cluster_profiles(
    profiles: Sequence[Profile], model: LogisticModel | None = None
) -> list[list[int]]:
    """Which articles tell one story: groups of indices into `profiles`."""
    model = model or pair_model()
    return average_linkage(pair_probabilities(profiles, model), model.threshold)
