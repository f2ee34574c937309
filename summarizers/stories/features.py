"""Pair features of two article profiles: are they one story?

Every feature is a similarity in [0, 1]; the fitted model (`summarizers/stories/pair.json`)
weighs them. Word weights are tf-idf with the document frequencies of the batch being
clustered (one digest's articles), so a word every article of the day uses counts for
little. Publication time only separates: reports more than MAX_GAP apart never match.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Mapping, Sequence, Set

from summarizers.stories.profile import Profile

# Not fitted: the labelled set's times are assigned (one digest window), so a fitted time
# weight would learn the generator, not the news. Beyond this gap two reports are two events.
MAX_GAP = dt.timedelta(days=3)
FEATURES = (
    "body_cosine",
    "lead_cosine",
    "headline_overlap",
    "headline_lead",
    "shingle_containment",
    "shingle_jaccard",
    "name_jaccard",
    "name_containment",
)


def idf_table(profiles: Sequence[Profile]) -> dict[str, float]:
    """Smoothed inverse document frequency of every word in the batch."""
    df: Counter[str] = Counter()
    for p in profiles:
        df.update(p.words.keys())
    n = len(profiles)
    return {w: math.log((1 + n) / (1 + c)) + 1.0 for w, c in df.items()}


def _vector(counts: Counter[str], idf: Mapping[str, float]) -> dict[str, float]:
    # Sublinear tf: a word said ten times is not ten times the story.
    return {w: (1.0 + math.log(c)) * idf.get(w, 1.0) for w, c in counts.items()}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine similarity of two sparse vectors (0 when either is empty)."""
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    if dot == 0.0:
        return 0.0
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb)


def _overlap(a: Set[object], b: Set[object]) -> float:
    """|A ∩ B| / min(|A|, |B|): 1 when the smaller set is inside the larger."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _jaccard(a: Set[object], b: Set[object]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


class PairScorer:
    """Pair features for the articles of one batch (their idf computed once, each pair's
    features once)."""

    def __init__(self, profiles: Sequence[Profile]) -> None:
        self.profiles = list(profiles)
        self._rows: dict[tuple[int, int], list[float]] = {}
        idf = idf_table(self.profiles)
        self._body = [_vector(p.words, idf) for p in self.profiles]
        self._lead = [_vector(p.lead, idf) for p in self.profiles]

    def features(self, i: int, j: int) -> dict[str, float]:
        """The named features of articles i and j (symmetric)."""
        a, b = self.profiles[i], self.profiles[j]
        lead_words_a, lead_words_b = set(a.lead), set(b.lead)
        return {
            "body_cosine": cosine(self._body[i], self._body[j]),
            "lead_cosine": cosine(self._lead[i], self._lead[j]),
            "headline_overlap": _overlap(a.headline, b.headline),
            "headline_lead": max(
                _overlap(a.headline, lead_words_b), _overlap(b.headline, lead_words_a)
            ),
            "shingle_containment": _overlap(a.shingles, b.shingles),
            "shingle_jaccard": _jaccard(a.shingles, b.shingles),
            "name_jaccard": _jaccard(a.names, b.names),
            "name_containment": _overlap(a.names, b.names),
        }

    def row(self, i: int, j: int) -> list[float]:
        """The features of (i, j) in FEATURES order."""
        key = (min(i, j), max(i, j))
        if key not in self._rows:
            named = self.features(*key)
            self._rows[key] = [named[name] for name in FEATURES]
        return self._rows[key]

    def far_apart(self, i: int, j: int) -> bool:
        """Published more than MAX_GAP apart: reports of one event come out within days."""
        a, b = self.profiles[i].published, self.profiles[j].published
        return a is not None and b is not None and abs(a - b) > MAX_GAP
