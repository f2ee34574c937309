"""Small fitted models shipped as JSON: loaded with importlib.resources, scored without sklearn.

Every fitted decision of the pipeline (is this prose, who said this, is this supported, are these
one story) ships its weights as a JSON file beside the step that uses it; `bench/fitting.py`
writes that file from a scikit-learn fit. Scoring here is a dot product, so the runtime needs
neither scikit-learn nor its import time.

File format (a standardised logistic regression):

    {"features": ["len", "digits", ...], "mean": [...], "scale": [...],
     "coef": [...], "intercept": 0.3, "threshold": 0.5, "meta": {...}}
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class LogisticModel:
    """A logistic regression over named features, standardised as it was fitted."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    threshold: float = 0.5
    meta: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LogisticModel:
        n = len(data["features"])
        mean = data.get("mean") or [0.0] * n
        scale = data.get("scale") or [1.0] * n
        if not (len(mean) == len(scale) == len(data["coef"]) == n):
            raise ValueError("model file: features, mean, scale and coef differ in length")
        return cls(
            features=tuple(data["features"]),
            mean=tuple(float(x) for x in mean),
            scale=tuple(float(x) or 1.0 for x in scale),
            coef=tuple(float(x) for x in data["coef"]),
            intercept=float(data["intercept"]),
            threshold=float(data.get("threshold", 0.5)),
            meta=dict(data.get("meta", {})),
        )

    @classmethod
    def load(cls, package: str, name: str) -> LogisticModel:
        """Load `name` from the data files of `package` (e.g. "summarizers.clean", "prose.json")."""
        text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
        return cls.from_dict(json.loads(text))

    def to_dict(self) -> dict[str, Any]:
        return {
            "features": list(self.features),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "coef": list(self.coef),
            "intercept": self.intercept,
            "threshold": self.threshold,
            "meta": dict(self.meta),
        }

    def logit(self, values: Mapping[str, float] | Sequence[float]) -> float:
        """The linear score; `values` by feature name (missing ones count 0) or in order."""
        row = (
            [float(values.get(name, 0.0)) for name in self.features]
            if isinstance(values, Mapping)
            else [float(v) for v in values]
        )
        if len(row) != len(self.features):
            raise ValueError(f"expected {len(self.features)} feature values, got {len(row)}")
        total = self.intercept
        for x, mu, sd, w in zip(row, self.mean, self.scale, self.coef, strict=True):
            total += w * (x - mu) / sd
        return total

    def probability(self, values: Mapping[str, float] | Sequence[float]) -> float:
        z = self.logit(values)
        # Split by sign so that exp never overflows.
        if z >= 0:
            return 1.0 / (1.0 + math.exp(-z))
        e = math.exp(z)
        return e / (1.0 + e)

    def accepts(self, values: Mapping[str, float] | Sequence[float]) -> bool:
        return self.probability(values) >= self.threshold
