"""Fit a standardised logistic regression with scikit-learn and write it as a `LogisticModel`.

A helper of the rebuild scripts (not a benchmark): scikit-learn is a development dependency,
the runtime scores the written JSON with `summarizers.fitted.LogisticModel`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from summarizers.fitted import LogisticModel


def fit_logistic(
    rows: Sequence[Sequence[float]],
    labels: Sequence[int],
    features: Sequence[str],
    *,
    c: float = 1.0,
    class_weight: str | None = None,
    threshold: float = 0.5,
    meta: Mapping[str, Any] | None = None,
) -> LogisticModel:
    """Standardise, fit L2 logistic regression, and return it as a LogisticModel."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    x = np.asarray(rows, dtype=float)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    clf = LogisticRegression(C=c, class_weight=class_weight, max_iter=5000)
    clf.fit((x - mean) / scale, np.asarray(labels))
    return LogisticModel(
        features=tuple(features),
        mean=tuple(float(v) for v in mean),
        scale=tuple(float(v) for v in scale),
        coef=tuple(float(v) for v in clf.coef_[0]),
        intercept=float(clf.intercept_[0]),
        threshold=threshold,
        meta=dict(meta or {}),
    )


def save_model(model: LogisticModel, path: Path) -> None:
    """Write the model compactly (rounded to 6 significant digits, keys sorted)."""

    def rounded(value: Any) -> Any:
        if isinstance(value, float):
            return float(f"{value:.6g}")
        if isinstance(value, list):
            return [rounded(v) for v in value]
        if isinstance(value, dict):
            return {k: rounded(v) for k, v in value.items()}
        return value

    data = {k: rounded(v) for k, v in model.to_dict().items()}
    path.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
