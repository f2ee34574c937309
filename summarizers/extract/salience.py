"""How often each word of an article can be expected to appear in a human summary of it.

A Poisson model over a handful of per-word features: how often the word occurs, how early it
first occurs, how much of the opening it spreads over, whether it is a stop word, usually
capitalised (a name), or mostly used inside quotations, and how long the article is. Counts
rather than yes/no matter because ROUGE credits a word as often as both texts use it ("the"
three times, a name twice). Its coefficients were fitted on the first half of frank-cnndm by
sorted id, with each stem's count in the reference highlights as the target
(`python -m bench.summaries --fit` refits and prints them). Everything here is linear in the
article's length.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from summarizers.extract.languages import LanguageTools
from summarizers.models import Sentence
from summarizers.sentences import words

# A word's weight in the opening decays by 1/e every this many sentences.
POSITION_DECAY = 3.0
_QUOTE_OPENERS = "\"'“‘«„‚»‹"

FEATURES = ("log_count", "first", "in_first", "stop", "capitalised", "spread", "log_length",
            "quoted", "bias")  # fmt: skip
STOP = FEATURES.index("stop")
COEFFICIENTS = (0.945, 1.785, -0.674, -0.156, 0.248, 0.336, -0.319, -0.597, -2.653)


@dataclass
class _Tally:
    """What one pass over the sentences gathers about one stem."""

    count: int = 0
    first: int = 0  # rank of the first sentence it occurs in
    spread: float = 0.0  # sum over the sentences it occurs in of their position weight
    inner: int = 0  # occurrences that do not open a sentence
    capitalised: int = 0  # ... of which capitalised
    quoted: int = 0  # occurrences in a sentence that opens with a quotation mark
    stop: bool = False
    last: int = -1  # rank of the last sentence counted in `spread`


def word_features(
    sentences: list[Sentence], tools: LanguageTools
) -> tuple[list[list[str]], dict[str, list[float]]]:
    """The stems of every sentence, and the `FEATURES` of every distinct stem."""
    stems: dict[str, str] = {}
    tallies: dict[str, _Tally] = {}
    per_sentence = []
    for rank, sentence in enumerate(sentences):
        weight = math.exp(-sentence.index / POSITION_DECAY)
        quoted = sentence.text[:1] in _QUOTE_OPENERS
        row = []
        for k, word in enumerate(words(sentence.text)):
            lower = word.lower()
            stem = stems.get(lower)
            if stem is None:
                stem = stems[lower] = tools.stem(lower)
            row.append(stem)
            tally = tallies.get(stem)
            if tally is None:
                tally = tallies[stem] = _Tally(first=rank, stop=lower in tools.stop_words)
            tally.count += 1
            tally.quoted += quoted
            if k:
                tally.inner += 1
                tally.capitalised += word[0].isupper()
            if tally.last != rank:
                tally.last = rank
                tally.spread += weight
        per_sentence.append(row)
    log_length = math.log(max(len(sentences), 1))
    features = {stem: _features(t, log_length) for stem, t in tallies.items()}
    return per_sentence, features


def _features(t: _Tally, log_length: float) -> list[float]:
    return [
        math.log1p(t.count),
        math.exp(-t.first / POSITION_DECAY),
        1.0 if t.first == 0 else 0.0,
        1.0 if t.stop else 0.0,
        t.capitalised / t.inner if t.inner else 0.5,
        math.log1p(t.spread),
        log_length,
        t.quoted / t.count,
        1.0,
    ]


def expected_counts(
    features: dict[str, list[float]], coefficients: tuple[float, ...] = COEFFICIENTS
) -> dict[str, float]:
    """The model's expected count of each stem in a summary of the article."""
    return {
        stem: math.exp(sum(x * c for x, c in zip(f, coefficients, strict=True)))
        for stem, f in features.items()
    }


def expected_matches(mean: float, uses: int) -> float:
    """Expected ROUGE matches of a word used `uses` times in the points, when its count in the
    reference is Poisson with `mean`: the sum over k = 1..uses of P(count >= k)."""
    term = math.exp(-mean)  # P(count = 0)
    below = term  # P(count <= k - 1)
    total = 0.0
    for k in range(1, uses + 1):
        total += 1.0 - below
        term *= mean / k
        below += term
    return total
