"""Every extractive method by name, and `select_points`, the one entry point the pipeline uses."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from summarizers.extract.default import default_points
from summarizers.extract.hygiene import candidates
from summarizers.extract.names import SUMY_METHODS
from summarizers.models import Sentence

Method = Callable[[list[Sentence], int, str], list[Sentence]]


def lead_points(sentences: list[Sentence], count: int, language: str = "en") -> list[Sentence]:
    """The first `count` sentences (Lead-k)."""
    return sentences[:count]


def sumy_method(name: str) -> Method:
    """A `(sentences, count, language) -> points` callable for sumy's method `name`."""

    def method(sentences: list[Sentence], count: int, language: str = "en") -> list[Sentence]:
        # sumy and numpy load only when one of sumy's methods runs.
        from summarizers.extract.sumy_methods import run_sumy

        return run_sumy(name, sentences, count, language)

    method.__doc__ = f"sumy's {name} method."
    return method


METHODS: dict[str, Method] = {
    "default": default_points,
    "lead": lead_points,
    **{name: sumy_method(name) for name in SUMY_METHODS},
}


def select_points(
    sentences: list[Sentence],
    count: int,
    method: str = "default",
    language: str = "en",
    quoted: Sequence[tuple[int, int]] = (),
) -> list[Sentence]:
    """Pick up to `count` key points with `method`; returned in article order.

    Every method chooses among the same clean candidates (datelines cut, furniture dropped,
    no sentence wholly inside one of the `quoted` spans); an article with nothing but
    furniture falls back to its raw sentences.
    """
    try:
        fn = METHODS[method]
    except KeyError:
        raise ValueError(f"unknown method {method!r}; choose from {', '.join(METHODS)}") from None
    pool = candidates(sentences, quoted) or sentences
    return sorted(fn(pool, count, language), key=lambda s: s.index)
