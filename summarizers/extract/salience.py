"""How likely each word of an article is to reappear in a human summary of it.

A logistic model over a handful of per-word features: how often the word occurs, how early it
first occurs, how much of the opening it spreads over, whether it is a stop word, usually
capitalised (a name), or mostly used inside quotations, and how long the article is. Its
coefficients were fitted on the fit part (`bench.splits`) of frank-cnndm and realsumm-cnndm,
with the reference highlights' words as labels (`python -m bench.summaries --fit` refits and
prints them).
Everything here is linear in the article's length.
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
COEFFICIENTS = (1.442, 1.919, -0.872, -0.373, 0.282, 0.778, -0.265, -0.435, -3.317)


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


def word_probabilities(
    features: dict[str, list[float]], coefficients: tuple[float, ...] = COEFFICIENTS
) -> dict[str, float]:
    """The model's probability that each stem appears in a summary of the article."""
    return {
        stem: 1.0 / (1.0 + math.exp(-sum(x * c for x, c in zip(f, coefficients, strict=True))))
        for stem, f in features.items()
    }
