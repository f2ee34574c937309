"""Language identification (py3langid ships its model: nothing to download)."""

from __future__ import annotations

import py3langid


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of `text`'s language, or None for too little text."""
    sample = text[:5000]
    if len(sample.split()) < 5:
        return None
    code, _score = py3langid.classify(sample)
    return str(code)
