"""The prose gate: its labels, its fit, and how it sorts held-out sentences.

Run: `.venv/bin/python -m bench.prose` (report on fit / dev / test) or `--fit` (refit and write
`summarizers/extract/prose.json`; about a minute).

Labels, one per sentence of what `clean_html` keeps from an extraction page (the gate's input):
- Scrapinghub: prose when the sentence is gold body text (bench.points' metric: substring of the
  normalised gold body, or >= 70% of its word 4-grams in it), furniture otherwise;
- trafilatura sets: furniture when it is annotated boilerplate (bench.points' metric), prose when
  it holds a must-have segment or lies inside one; other sentences are not labelled.
Every sentence is used twice: with its DOM context, and without (`dom` = 0, the neutral
context), as plain text reaches the gate. Pages are split by `bench.splits.split_of(page id)`:
weights on fit, C and threshold chosen on dev (the printed table), test read once.
"""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from unittest.mock import patch

from trafilatura import bare_extraction
from trafilatura.settings import Document
from trafilatura.utils import load_html

from bench.common import eval_dir
from bench.extraction import EvalPage, load_pages
from bench.fitting import fit_logistic, save_model
from bench.gate import OUT
from bench.points import EXTRACTION_SETS, GoldBody, is_boilerplate, load_news, news_gain, normalised
from bench.splits import PARTS, Part, split_of
from summarizers import clean_html
from summarizers.clean.context import container_of, line_contexts, link_share
from summarizers.clean.context import normalised as normalised_line
from summarizers.clean.metadata import read_metadata
from summarizers.errors import NotAnArticleError
from summarizers.extract import prose
from summarizers.extract.prose import CONTAINERS, KINDS, prose_model, sentence_features
from summarizers.fitted import LogisticModel
from summarizers.models import Article, BlockContext
from summarizers.pipeline import summarize
from summarizers.sentences import split_sentences

MODEL_PATH = Path(__file__).resolve().parents[1] / "summarizers" / "extract" / "prose.json"
FEATURES = (
    "log_words",
    "function_share",
    "has_function_words",
    "terminal",
    "initial_upper",
    "capital_share",
    "upper_share",
    "digit_share",
    "url",
    "code_share",
    "separators",
    "colon",
    "question",
    "paragraph_sentences",
    "paragraph_words",
    "position",
    "headline_share",
    "headline_equal",
    "repeated",
    "echo",
    "dom",
    "link_share",
    "open_head",
    "open_short",
    *(f"kind_{k}" for k in KINDS),
    *(f"in_{c}" for c in CONTAINERS),
)
C = 1.0
# Chosen on fit and dev (`--choose`, bench/README.md "points"): dev's points are flat from 0.5
# to 0.7 (non-body 0), fit's non-body points fall 0.031 -> 0.022 at 0.7; 0.75 adds dev boilerplate.
THRESHOLD = 0.7


@dataclass(frozen=True)
class Row:
    """One labelled sentence: its features, label (1 = prose) and its page's part."""

    features: dict[str, float]
    label: int
    part: Part
    text: str


def _label(page: EvalPage, sentence: str, body: GoldBody | None) -> int | None:
    if body is not None:
        return int(body.holds(sentence))
    if is_boilerplate(sentence, page.without):
        return 0
    text = normalised(sentence)
    for segment in page.with_:
        seg = normalised(segment)
        if seg and (seg in text or text in seg):
            return 1
    return None


def recall_article(page: EvalPage) -> Article | None:
    """The page as trafilatura's recall mode reads it, unpruned: more of the furniture that
    sits among the lines of an article, with the same DOM contexts as `clean_html` gives."""
    tree = load_html(page.html)
    if tree is None:
        return None
    document = bare_extraction(
        tree, url=page.url, include_comments=False, with_metadata=False, favor_recall=True
    )
    if not isinstance(document, Document) or not document.text:
        return None
    meta = read_metadata(load_html(page.html), page.url)
    lines = [line.strip() for line in document.text.split("\n") if line.strip()]
    contexts = line_contexts(lines, document.body, tree)
    return _training_article(
        page, meta.headline, lines, [contexts[normalised_line(line)] for line in lines]
    )


def _training_article(
    page: EvalPage, headline: str | None, lines: list[str], contexts: list[BlockContext]
) -> Article:
    return Article(
        url=page.url,
        headline=headline,
        byline=None,
        published=None,
        language=page.lang or "en",
        paragraphs=lines,
        contexts=tuple(contexts),
    )


# The page's own blocks: the innermost elements of these kinds, in document order.
_LEAF_BLOCKS = (
    "p",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "figcaption",
    "td",
    "th",
    "dd",
    "dt",
    "blockquote",
    "pre",
)
_LEAF_KINDS = {
    "li": "item",
    "td": "cell",
    "th": "cell",
    "dd": "item",
    "dt": "item",
    "blockquote": "quote",
    "pre": "code",
    **{f"h{i}": "head" for i in range(1, 7)},
}
_HIDDEN = ("script", "style", "noscript", "template", "svg")


def page_blocks_article(page: EvalPage) -> Article | None:
    """Every text block of the page, main text or not, with its DOM context: the furniture
    that the extractor usually removes, so that the gate learns it wherever it slips in."""
    tree = load_html(page.html)
    if tree is None:
        return None
    meta = read_metadata(tree, page.url)
    for hidden in list(tree.iter(*_HIDDEN)):
        hidden.drop_tree()
    lines: list[str] = []
    contexts: list[BlockContext] = []
    for element in tree.iter(*_LEAF_BLOCKS):
        if next(element.iterdescendants(*_LEAF_BLOCKS), None) is not None:
            continue
        text = normalised_line(element.text_content())
        if not text:
            continue
        lines.append(text)
        contexts.append(
            BlockContext(
                _LEAF_KINDS.get(str(element.tag), "p"),
                container_of(element),
                link_share(element, text),
            )
        )
    return _training_article(page, meta.headline, lines, contexts) if lines else None


def page_rows(page: EvalPage) -> list[Row]:
    """The labelled sentences of one page as `clean_html` and as the recall mode give them,
    and of all its text blocks, each with and without its DOM context."""
    try:
        articles = [clean_html(page.html, url=page.url)]
    except NotAnArticleError:
        articles = []
    articles.extend(a for a in (recall_article(page), page_blocks_article(page)) if a is not None)
    body = GoldBody.of(page.body) if page.body is not None else None
    part = split_of(page.id)
    rows = []
    for article in articles:
        sentences = split_sentences(article.text, article.language or "en")
        for version in (article, replace(article, contexts=())):
            for sentence, features in zip(
                sentences, sentence_features(version, sentences), strict=True
            ):
                label = _label(page, sentence.text, body)
                if label is not None:
                    rows.append(Row(features, label, part, sentence.text))
    return rows


def collect(limit: int | None = None) -> list[Row]:
    rows = []
    for name in EXTRACTION_SETS:
        for page in load_pages(eval_dir() / name, limit):
            rows.extend(page_rows(page))
    return rows


def cached_rows(limit: int | None, fresh: bool) -> list[Row]:
    """The labelled rows, kept in bench/out between runs (`--fit` always recollects)."""
    path = OUT / "prose-rows.json"
    if not fresh and limit is None and path.exists():
        return [Row(**r) for r in json.loads(path.read_text())]
    rows = collect(limit)
    if limit is None:
        OUT.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps([asdict(r) for r in rows]))
    return rows


def fit(rows: Sequence[Row], c: float = C, threshold: float = THRESHOLD) -> LogisticModel:
    train = [r for r in rows if r.part == "fit"]
    return fit_logistic(
        [[r.features[f] for f in FEATURES] for r in train],
        [r.label for r in train],
        FEATURES,
        c=c,
        threshold=threshold,
        meta={
            "fitted_on": "fit part of scrapinghub-article-extraction, trafilatura-eval-en/multi",
            "rows": len(train),
            "rebuild": "python -m bench.prose --fit",
        },
    )


def report(rows: Sequence[Row], model: LogisticModel) -> None:
    """Per part: log-loss, prose kept and furniture dropped at the model's threshold."""
    print(
        f"{'part':<6}{'rows':>7}{'furniture':>10}{'log-loss':>10}{'prose kept':>12}"
        f"{'furniture dropped':>19}"
    )
    for part in PARTS:
        these = [r for r in rows if r.part == part]
        if not these:
            continue
        probs = [model.probability(r.features) for r in these]
        loss = -sum(
            math.log(max(p if r.label else 1 - p, 1e-12)) for r, p in zip(these, probs, strict=True)
        ) / len(these)
        prose = [p for r, p in zip(these, probs, strict=True) if r.label]
        furniture = [p for r, p in zip(these, probs, strict=True) if not r.label]
        kept = sum(p >= model.threshold for p in prose) / max(len(prose), 1)
        dropped = sum(p < model.threshold for p in furniture) / max(len(furniture), 1)
        print(
            f"{part:<6}{len(these):>7}{len(furniture):>10}{loss:>10.4f}{kept:>12.4f}"
            f"{dropped:>19.4f}"
        )


def thresholds(rows: Sequence[Row], model: LogisticModel) -> None:
    """Dev: prose kept and furniture dropped over a grid of thresholds (the choice is here)."""
    dev = [r for r in rows if r.part == "dev"]
    print("\ndev threshold grid: threshold, prose kept, furniture dropped")
    for t in (0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7):
        probs = [(model.probability(r.features), r.label) for r in dev]
        kept = sum(p >= t for p, y in probs if y) / max(sum(y for _, y in probs), 1)
        dropped = sum(p < t for p, y in probs if not y) / max(sum(1 - y for _, y in probs), 1)
        print(f"  {t:<6}{kept:>8.4f}{dropped:>8.4f}")


def point_figures(articles: Sequence[tuple[EvalPage, Article | None]]) -> tuple[float, float]:
    """(non-body share on Scrapinghub, boilerplate share on the trafilatura sets) of the
    pipeline's points with the gate as `prose_model()` gives it now."""
    non_body = [0, 0]
    boiler = [0, 0]
    for page, article in articles:
        points = summarize(article).points if article is not None else []
        if page.body is not None:
            body = GoldBody.of(page.body)
            non_body[0] += sum(not body.holds(p) for p in points)
            non_body[1] += len(points)
        else:
            boiler[0] += sum(is_boilerplate(p, page.without) for p in points)
            boiler[1] += len(points)
    return non_body[0] / max(non_body[1], 1), boiler[0] / max(boiler[1], 1)


def choose(rows: Sequence[Row], c: float, parts: Sequence[str] = ("fit", "dev")) -> None:
    """Fit and dev, side by side: the pipeline's figures over a grid of thresholds for a gate
    fitted with `c` (dev has 19 Scrapinghub pages, too few to choose on alone)."""
    articles: dict[str, list[tuple[EvalPage, Article | None]]] = {part: [] for part in parts}
    for name in EXTRACTION_SETS:
        for page in load_pages(eval_dir() / name):
            if split_of(page.id) not in articles:
                continue
            try:
                cleaned: Article | None = clean_html(page.html, url=page.url)
            except NotAnArticleError:
                cleaned = None
            articles[split_of(page.id)].append((page, cleaned))
    news = {part: [it for it in load_news() if split_of(it.id) == part] for part in parts}
    fitted = fit(rows, c)
    print(f"\nC={c}: threshold, then per part non-body points, boilerplate points, R-1 gain")
    print(f"{'':8}" + "".join(f"{part:>27}" for part in parts))
    for t in (0.0, 0.3, 0.5, 0.6, 0.7, 0.75, 0.8):
        cells = []
        # The pipeline's gate, for this grid only.
        with patch.object(prose, "prose_model", return_value=replace(fitted, threshold=t)):
            for part in parts:
                non_body, boiler = point_figures(articles[part])
                cells.append(f"{non_body:>9.4f}{boiler:>9.4f}{news_gain(news[part]):>+9.2f}")
        print(f"  {t:<6}" + "".join(cells))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", action="store_true", help="refit and write prose.json")
    parser.add_argument("--limit", type=int, help="only the first N pages of each set")
    parser.add_argument("--cached", action="store_true", help="reuse bench/out/prose-rows.json")
    parser.add_argument("--c", type=float, default=C, help="inverse L2 strength (dev choice)")
    parser.add_argument("--threshold", type=float, default=THRESHOLD)
    parser.add_argument("--choose", action="store_true", help="dev grid of the pipeline's figures")
    args = parser.parse_args(argv)
    rows = cached_rows(args.limit, fresh=not args.cached)
    model = fit(rows, args.c, args.threshold) if args.fit else prose_model()
    if args.fit:
        save_model(model, MODEL_PATH)
        print(f"wrote {MODEL_PATH}")
        for name, coef in sorted(zip(model.features, model.coef, strict=True), key=lambda x: x[1]):
            print(f"  {name:<22}{coef:+.3f}")
    report(rows, model)
    thresholds(rows, model)
    if args.choose:
        choose(rows, args.c)


if __name__ == "__main__":
    main()
