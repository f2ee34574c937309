"""The default key-point selector: lead position plus centrality, with redundancy removal.

Each candidate sentence scores `(position + centrality_weight * centrality) * length`:
position decays with the sentence's place in the article (news puts the essentials first);
centrality is the dot product of the sentence's unit tf-idf vector with the centroid of all
the other sentences (a linear-time stand-in for LexRank's quadratic graph); length scales down
fragments and rambling sentences (glued photo captions). Points are then picked greedily by
maximal marginal relevance from a shortlist; a near-repeat of a chosen point is never picked,
and a dangling sentence only right after its predecessor. Every step is linear in the
article's length, bar a sort.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from summarizers.extract.hygiene import is_dangling
from summarizers.extract.languages import LanguageTools, language_tools
from summarizers.models import Sentence
from summarizers.sentences import words

Vector = dict[str, float]


@dataclass(frozen=True)
class Weights:
    """The selector's few parameters, fitted on the first half of frank-cnndm by sorted id.

    Near the chosen values the fit half's ROUGE-1 moves by less than 0.2 (see bench/summaries).
    """

    position_decay: float = 3.0  # sentences until the position score falls by 1/e
    centrality_weight: float = 0.5
    long_words: int = 25  # longer sentences are scaled down in proportion (F1 favours concision)
    short_words: int = 8  # sentences with fewer content words are scaled down in proportion
    redundancy_weight: float = 0.5  # MMR: subtract this times the closest chosen point
    max_overlap: float = 0.5  # never pick a point sharing more of its content words than this
    pool_per_point: int = 8  # MMR looks at this many top candidates per point wanted


DEFAULT_WEIGHTS = Weights()


def content_terms(text: str, tools: LanguageTools, cache: dict[str, str]) -> list[str]:
    """Stemmed, lower-cased words of `text` without stop words (`cache` memoises stems)."""
    out = []
    for word in words(text):
        lower = word.lower()
        if lower in tools.stop_words:
            continue
        stem = cache.get(lower)
        if stem is None:
            stem = cache[lower] = tools.stem(lower)
        out.append(stem)
    return out


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
    stems: dict[str, str] = {}
    terms = [content_terms(s.text, tools, stems) for s in pool]
    vectors = _tfidf(terms)
    centroid: Counter[str] = Counter()
    for v in vectors:
        centroid.update(v)
    norm = math.sqrt(sum(x * x for x in centroid.values())) or 1.0
    scores = []
    for s, v, t in zip(pool, vectors, terms, strict=True):
        # The centroid without the sentence itself: otherwise long sentences look central.
        others = {w: centroid[w] - x for w, x in v.items()}
        centrality = _cosine(v, others) / norm
        position = math.exp(-s.index / weights.position_decay)
        length = min(1.0, len(t) / weights.short_words, weights.long_words / len(s.text.split()))
        scores.append((position + weights.centrality_weight * centrality) * length)
    order = sorted(range(len(pool)), key=lambda i: -scores[i])
    shortlist = order[: count * weights.pool_per_point]
    return _pick(pool, shortlist, scores, vectors, terms, count, language, weights)


def _pick(
    pool: list[Sentence],
    shortlist: list[int],
    scores: list[float],
    vectors: list[Vector],
    terms: list[list[str]],
    count: int,
    language: str,
    weights: Weights,
) -> list[Sentence]:
    chosen: list[int] = []
    chosen_index: set[int] = set()
    term_sets = {i: set(terms[i]) for i in shortlist}
    remaining = list(shortlist)
    while remaining and len(chosen) < count:
        best, best_value = -1, -math.inf
        for i in remaining:
            s = pool[i]
            if s.index and is_dangling(s.text, language) and s.index - 1 not in chosen_index:
                continue
            if any(_overlap(term_sets[i], term_sets[j]) > weights.max_overlap for j in chosen):
                continue
            similarity = max((_cosine(vectors[i], vectors[j]) for j in chosen), default=0.0)
            value = scores[i] - weights.redundancy_weight * similarity
            if value > best_value:
                best, best_value = i, value
        if best < 0:
            break
        chosen.append(best)
        chosen_index.add(pool[best].index)
        remaining.remove(best)
    return sorted((pool[i] for i in chosen), key=lambda s: s.index)
