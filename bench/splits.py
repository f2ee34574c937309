"""The fit / dev / test protocol: every labelled set is split by a hash of its document id.

The split of a document never depends on which other documents a set holds, so adding data
never moves a document between parts, and every model of the project splits the same way.
Tune on `fit` (weights) and `dev` (thresholds, feature choices); read `test` once per finished
change (bench/README.md, "The generalisation protocol").
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import Literal, TypeVar

Part = Literal["fit", "dev", "test"]
PARTS: tuple[Part, ...] = ("fit", "dev", "test")
T = TypeVar("T")

# 60 / 20 / 20 of the hash space.
_FIT_BELOW = 60
_DEV_BELOW = 80


def split_of(doc_id: str) -> Part:
    """The part a document belongs to, from the SHA-256 of its id (stable across runs)."""
    bucket = int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest()[:8], 16) % 100
    if bucket < _FIT_BELOW:
        return "fit"
    if bucket < _DEV_BELOW:
        return "dev"
    return "test"


def partition(items: Iterable[T], doc_id: Callable[[T], str]) -> dict[Part, list[T]]:
    """Items grouped by the part of their document, every part present (maybe empty)."""
    parts: dict[Part, list[T]] = {part: [] for part in PARTS}
    for item in items:
        parts[split_of(doc_id(item))].append(item)
    return parts
