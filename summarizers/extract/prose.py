"""The prose gate: the probability that a sentence is article prose, not page furniture.

A logistic model (`prose.json`, rebuilt by `python -m bench.prose --fit`) over general
features of the sentence and of the block it came from: its length and shape (function-word
share, capitals, digits, closing punctuation, URL and code characters), the block's DOM
context (heading, list item, table, caption, aside, nav, header, footer, link share), its
position, and whether it repeats the headline or another block. Function words are the stop
words sumy ships for the language (data, one file per language). Labels came from the gold
bodies and annotated boilerplate of the extraction sets (bench/README.md, "prose").

Plain text has no DOM: its sentences are scored with the DOM features at their neutral value
and `dom` = 0, as the model was also fitted on such copies of every sentence.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import cache

from summarizers.extract.languages import language_tools
from summarizers.extract.standfirst import restated
from summarizers.fitted import LogisticModel
from summarizers.models import Article, BlockContext, Sentence
from summarizers.sentences import words

_TERMINAL = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
_URL = re.compile(r"https?://|www\.|\S+\.(?:com|org|net)\b|(?:^|\s)[@#]\w")
_CODE_CHARS = tuple("{}[]<>=;_\\|/$")
_SEPARATOR = re.compile(r"\s[|•·»/]\s")
KINDS = ("head", "item", "cell", "quote", "code")
CONTAINERS = ("figure", "aside", "nav", "header", "footer", "table", "list")
_NO_CONTEXT = BlockContext()
# A standfirst or a teaser says again what a nearby block says: the opening blocks are compared.
_ECHO_SPAN = 6
_SHORT_WORDS = 8
# A line holding the headline whole plus a few words and no closing stop is the headline under
# a label ("Thema Verbraucherschutz <headline>", "Produktinformationen <headline>").
_LABEL_WORDS = 3


@cache
def prose_model() -> LogisticModel:
    """The shipped gate (loaded once per process)."""
    return LogisticModel.load("summarizers.extract", "prose.json")


def _folded(text: str) -> str:
    return " ".join(words(text.casefold()))


def sentence_features(article: Article, sentences: Sequence[Sentence]) -> list[dict[str, float]]:
    """The gate's features for each of `sentences` (split from `article.text`)."""
    stop = language_tools(article.language).stop_words
    paragraphs = article.paragraphs
    folded = [_folded(p) for p in paragraphs]
    repeats = Counter(folded)
    per_paragraph = Counter(s.paragraph for s in sentences)
    headline = {w for w in words((article.headline or "").casefold()) if w not in stop}
    folded_headline = _folded(article.headline or "")
    has_dom = bool(article.contexts) and len(article.contexts) == len(paragraphs)
    opening = [{w for w in words(text) if w not in stop} for text in folded[:_ECHO_SPAN]]
    rows = []
    for sentence in sentences:
        text = sentence.text.strip()
        tokens = words(text)
        n = max(len(tokens), 1)
        letters = sum(map(str.isalpha, text))
        lowered = [t.casefold() for t in tokens]
        content = [t for t in lowered if t not in stop]
        para = sentence.paragraph if sentence.paragraph < len(paragraphs) else 0
        context = article.contexts[para] if has_dom else _NO_CONTEXT
        row = {
            "log_words": math.log1p(len(tokens)),
            "function_share": sum(t in stop for t in lowered) / n,
            "has_function_words": float(bool(stop)),
            "terminal": float(bool(_TERMINAL.search(text))),
            "initial_upper": float(text[:1].isupper()),
            "capital_share": sum(t[:1].isupper() for t in tokens) / n,
            "upper_share": sum(map(str.isupper, text)) / max(letters, 1),
            "digit_share": sum(map(str.isdigit, text)) / max(len(text), 1),
            "url": float(bool(_URL.search(text))),
            "code_share": sum(text.count(c) for c in _CODE_CHARS) / max(len(text), 1),
            "separators": float(len(_SEPARATOR.findall(text))),
            "colon": float(":" in text),
            "question": float(text.rstrip("\"'”’»)").endswith("?")),
            "paragraph_sentences": math.log1p(per_paragraph[sentence.paragraph]),
            "paragraph_words": math.log1p(len(paragraphs[para].split()) if paragraphs else 0),
            "position": para / max(len(paragraphs) - 1, 1),
            "headline_share": (
                sum(t in headline for t in content) / len(content) if content and headline else 0.0
            ),
            "headline_equal": float(bool(folded_headline) and _folded(text) == folded_headline),
            "repeated": float(bool(folded) and repeats[folded[para]] > 1),
            "echo": _echo(set(content), para, opening),
            "dom": float(has_dom),
            "link_share": context.link_share,
        }
        # A heading or a short line without a closing stop is a label, not a sentence; the
        # linear model needs the products to see that.
        row["open_head"] = (1.0 - row["terminal"]) * float(context.kind == "head")
        row["open_short"] = (1.0 - row["terminal"]) * float(len(tokens) < _SHORT_WORDS)
        for kind in KINDS:
            row[f"kind_{kind}"] = float(context.kind == kind)
        for container in CONTAINERS:
            row[f"in_{container}"] = float(context.container == container)
        rows.append(row)
    return rows


def _echo(content: set[str], paragraph: int, opening: list[set[str]]) -> float:
    """Largest share of the sentence's content words found in another opening block."""
    if paragraph >= len(opening) or not content:
        return 0.0
    return max(
        (len(content & other) / len(content) for j, other in enumerate(opening) if j != paragraph),
        default=0.0,
    )


def _labelled_headline(text: str, headline: str, terminal: bool) -> bool:
    """Whether `text` is the headline under a short label (no closing stop, few more words)."""
    folded = _folded(text)
    extra = len(folded.split()) - len(headline.split())
    inside = f" {headline} " in f" {folded} "
    return bool(headline) and not terminal and inside and extra <= _LABEL_WORDS


def prose_probabilities(
    article: Article, sentences: Sequence[Sentence], model: LogisticModel | None = None
) -> list[float]:
    """P(article prose) for each sentence."""
    model = model or prose_model()
    return [model.probability(row) for row in sentence_features(article, sentences)]


def prose_sentences(
    article: Article, sentences: list[Sentence], model: LogisticModel | None = None
) -> list[Sentence]:
    """The sentences the gate takes for prose; never one that repeats the headline (alone or
    under a short label), nor a standfirst that the body says again (`standfirst.restated`).

    When the gate takes none, every sentence that is not the headline stays: a text is never
    refused for looking unlike the pages the gate was fitted on.
    """
    model = model or prose_model()
    rows = sentence_features(article, sentences)
    headline = _folded(article.headline or "")
    repeats = [
        bool(row["headline_equal"]) or _labelled_headline(s.text, headline, bool(row["terminal"]))
        for s, row in zip(sentences, rows, strict=True)
    ]
    not_headline = [s for s, again in zip(sentences, repeats, strict=True) if not again]
    kept = [
        s
        for s, row, again, told in zip(
            sentences, rows, repeats, restated(article, sentences), strict=True
        )
        if not again and not told and model.probability(row) >= model.threshold
    ]
    return kept or not_headline or sentences
