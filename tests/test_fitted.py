"""The shipped-weights logistic model agrees with scikit-learn's fit it was written from."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from bench.fitting import fit_logistic, save_model
from summarizers.fitted import LogisticModel


def test_round_trip_matches_sklearn(tmp_path: Path) -> None:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    rng = random.Random(7)
    rows = [[rng.gauss(0, 3), rng.random() * 10, float(rng.random() < 0.5)] for _ in range(400)]
    labels = [int(r[0] + 0.3 * r[1] - 2 * r[2] + rng.gauss(0, 1) > 0) for r in rows]
    model = fit_logistic(rows, labels, ["a", "b", "c"])
    path = tmp_path / "m.json"
    save_model(model, path)
    loaded = LogisticModel.from_dict(json.loads(path.read_text()))

    x = np.asarray(rows)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    ref = LogisticRegression(max_iter=5000).fit((x - mean) / scale, labels)
    expected = ref.predict_proba((x - mean) / scale)[:, 1]
    for row, want in zip(rows, expected, strict=True):
        assert loaded.probability(row) == pytest.approx(want, abs=1e-4)
        named = dict(zip(loaded.features, row, strict=True))
        assert loaded.probability(named) == pytest.approx(loaded.probability(row))


@pytest.mark.parametrize("z", [-1000.0, -5.0, 0.0, 5.0, 1000.0])
def test_probability_is_finite_and_monotone(z: float) -> None:
    model = LogisticModel(("x",), (0.0,), (1.0,), (1.0,), 0.0)
    p = model.probability([z])
    assert 0.0 <= p <= 1.0
    assert model.probability([z + 1]) >= p


def test_bad_files_are_refused() -> None:
    with pytest.raises(ValueError, match="differ in length"):
        LogisticModel.from_dict({"features": ["a", "b"], "coef": [1.0], "intercept": 0})
    with pytest.raises(ValueError, match="expected 1"):
        LogisticModel(("x",), (0.0,), (1.0,), (1.0,), 0.0).logit([1.0, 2.0])
