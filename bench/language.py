"""Language identification: accuracy on short texts, memory and load time of each candidate.

Run: `.venv/bin/python -m bench.language`. Data: 200 sentences and 200 word pairs for each of
en, de, fr, es, zh, ar and ru (bench/data/langid, from Lingua's test data; see its SOURCE.md).
Each candidate runs in a fresh process, which reports the RSS its model added, the seconds to
load it and its accuracy. `digestbot` is `summarizers.language.detect_language` (fastText's
lid.176.ftz; no answer for fewer than five words, so most word pairs count as misses),
`lid.176` the same model on every text; py3langid, pycld2 and langdetect are measured when
installed. The shipped identifier's sentence accuracy goes to bench/out/language.json (gated by
tests/test_language.py).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bench.gate import write_figures

DATA = Path(__file__).resolve().parent / "data" / "langid"
LANGUAGES = ("en", "de", "fr", "es", "zh", "ar", "ru")
KINDS = ("sentences", "word-pairs")

_CANDIDATES = {
    # What the pipeline gets: None ("too little text") for fewer than five words.
    "digestbot": "from summarizers.language import detect_language as identify",
    # The same model on every text, however short.
    "lid.176": (
        "from summarizers.language import _model\n"
        "def identify(t): return _model().predict(' '.join(t.split()))[0][0][9:]"
    ),
    "py3langid": "import py3langid\ndef identify(t): return py3langid.classify(t)[0]",
    "pycld2": (
        "import pycld2\n"
        "def identify(t):\n"
        "    try: return pycld2.detect(t)[2][0][1].split('-')[0]\n"
        "    except Exception: return None"
    ),
    "langdetect": (
        "from langdetect import DetectorFactory, detect\nDetectorFactory.seed = 0\n"
        "def identify(t):\n"
        "    try: return detect(t)\n"
        "    except Exception: return None"
    ),
}

_PROBE = """
import json, sys, time
def rss():
    return int(open('/proc/self/status').read().split('VmRSS:')[1].split()[0]) / 1024
before = rss()
started = time.perf_counter()
{setup}
identify("A short sentence to load the model with, nothing more.")
figures = {{"load_s": time.perf_counter() - started, "model_mb": rss() - before}}
texts = json.load(sys.stdin)
for key, items in texts.items():
    code = key.split(".")[1]
    figures[key] = sum(1 for text in items if (identify(text) or "") == code) / len(items)
print(json.dumps(figures))
"""


def texts() -> dict[str, list[str]]:
    """`<kind>.<language>` → its texts."""
    out = {}
    for kind in KINDS:
        for code in LANGUAGES:
            lines = (DATA / f"{code}.{kind}.txt").read_text(encoding="utf-8").splitlines()
            out[f"{kind}.{code}"] = [line for line in lines if line.strip()]
    return out


def accuracy(identify: object) -> dict[str, float]:
    """Per-kind and per-language accuracy of `identify` (a text → code callable), in process."""
    assert callable(identify)
    figures = {
        key: sum(1 for t in items if (identify(t) or "") == key.split(".")[1]) / len(items)
        for key, items in texts().items()
    }
    return with_means(figures)


def with_means(figures: dict[str, float]) -> dict[str, float]:
    """`figures` plus the mean over the languages of each kind."""
    for kind in KINDS:
        figures[f"{kind}.mean"] = sum(figures[f"{kind}.{c}"] for c in LANGUAGES) / len(LANGUAGES)
    return figures


def measure(name: str) -> dict[str, float] | None:
    """One candidate in a fresh process; None when it is not installed."""
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE.format(setup=_CANDIDATES[name])],
        input=json.dumps(texts()),
        capture_output=True,
        text=True,
        timeout=600,
    )
    if proc.returncode != 0:
        return None
    return with_means(json.loads(proc.stdout.strip().splitlines()[-1]))


def main() -> None:
    columns = ["model_mb", "load_s", *(f"{k}.mean" for k in KINDS)]
    columns += [f"{k}.{c}" for k in KINDS for c in LANGUAGES]
    print(f"{'candidate':11}" + "".join(f"{c.replace('word-pairs', 'pairs'):>15}" for c in columns))
    shipped: dict[str, float] = {}
    for name in _CANDIDATES:
        figures = measure(name)
        if figures is None:
            print(f"{name:11} (not installed)")
            continue
        print(f"{name:11}" + "".join(f"{figures[c]:15.3f}" for c in columns))
        if name == "digestbot":
            shipped = figures
    # The gate: the shipped identifier's accuracy on sentences (it answers no word pair).
    write_figures("language", {k: v for k, v in shipped.items() if k.startswith("sentences.")})


if __name__ == "__main__":
    main()
