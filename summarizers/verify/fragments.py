"""How a summary sentence is stitched from the article: its copied fragments and their seams.

Greedy extractive fragments (Grusky et al., 2018): from each word of the sentence, the longest
run of words the article has in that order within one sentence. A seam between two copied runs
that are not in the article's order ("Klopp tipped compatriot Klopp", "the shooter had taken ...
that ended when ramming the gates") is where a system splices two facts into one, the commonest
error of the abstractive systems FRANK judges.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from summarizers.verify.reference import ArticleIndex, content_keys
from summarizers.verify.tokens import Token


@dataclass(frozen=True)
class Fragment:
    """A run of `length` sentence words copied from article sentence `sentence` at `start`."""

    offset: int  # where the run begins in the summary sentence
    length: int
    sentence: int
    start: int


@dataclass(frozen=True)
class Stitching:
    """The fragment statistics of one summary sentence (shares of its words)."""

    fragments: float  # copied runs per word: many short runs is a patchwork
    density: float  # mean squared run length per squared length: 1 for a verbatim copy
    longest: float  # the longest run's share of the sentence
    splices: float  # seams between runs of two or more words not in the article's order
    novel_bigrams: float  # shares of the sentence's bigrams and trigrams the article lacks
    novel_trigrams: float


def fragments(tokens: Sequence[Token], index: ArticleIndex) -> list[Fragment]:
    """The greedy copied runs of the sentence's words, in sentence order."""
    keys = content_keys(tokens)
    sequences, where = index.sequences, index.positions
    out = []
    i = 0
    while i < len(keys):
        best: Fragment | None = None
        for s, j in where.get(keys[i], ()):
            article = sequences[s]
            n = 0
            while i + n < len(keys) and j + n < len(article) and article[j + n] == keys[i + n]:
                n += 1
            if best is None or n > best.length:
                best = Fragment(i, n, s, j)
        if best is None:
            i += 1
            continue
        out.append(best)
        i += best.length
    return out


def _novel_share(keys: list[str], n: int, index: ArticleIndex) -> float:
    grams = [tuple(keys[i : i + n]) for i in range(len(keys) - n + 1)]
    return sum(g not in index.ngrams for g in grams) / len(grams) if grams else 0.0


def stitching(tokens: Sequence[Token], index: ArticleIndex) -> Stitching:
    """How the sentence's words come from the article's."""
    keys = content_keys(tokens)
    if not keys:
        return Stitching(0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
    runs = fragments(tokens, index)
    lengths = [f.length for f in runs]
    long_runs = [f for f in runs if f.length >= 2]
    splices = sum(
        not (b.sentence == a.sentence and b.start >= a.start + a.length)
        for a, b in pairwise(long_runs)
    )
    n = len(keys)
    return Stitching(
        fragments=len(runs) / n,
        density=sum(x * x for x in lengths) / (n * n),
        longest=max(lengths, default=0) / n,
        splices=float(splices),
        novel_bigrams=_novel_share(keys, 2, index),
        novel_trigrams=_novel_share(keys, 3, index),
    )
