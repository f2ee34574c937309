"""Quote benchmark: span P/R/F1 on GUM Wikinews, speaker accuracy on a labelled CNN/DM set.

Run: .venv/bin/python -m bench.quotes

Spans: predicted and gold character spans are matched one-to-one (greedy, highest IoU first)
at character IoU >= 0.5 and >= 0.8; micro P/R/F1. GUM's gold spans include the quotation marks
and merge raw spans that only whitespace separates (its SOURCE.md), so a predicted span is
scored from its opening to its closing mark, and predicted spans are merged the same way;
an utterance its tag interrupts is one span, as in a digest. Rows are printed for all 14
documents and for the 10 with gold quotes. The headline (first paragraph) is the Article's
headline, not its body, as in the pipeline.
Baseline: every span between straight double quotes within a paragraph (the README's
0.48 / 0.81 / 0.60).

Speakers: `bench/data/speakers/labels.jsonl` (see its NOTE.md for the frank-cnndm splits "dev",
"dev2", "test" and "test2", whose total is "all", the frank-xsum splits "xsum" to "xsum4", the
Scrapinghub splits "web" and "web2", read on their gold bodies, and "web3", trafilatura's
English pages read through digestbot's own extractor); a label counts as right when its speaker
matches after dropping ranks and forms of address. A quote `find_quotes` finds is scored on its
own output; one it misses (most of test2) on the labelled span handed to the attributor, so the
figure measures attribution, and "found" counts the labelled quotes the span finder returns.
Also checked: no attributed speaker is missing from its article (all frank-cnndm, GUM,
frank-xsum, Scrapinghub and trafilatura texts, the multilingual ones included). The German,
French and Spanish splits "web-de" and "web-fres" (and their held-out halves "web-deb",
"web-fresb"), and the later German splits "web-de2" and "web-de3" (with its held-out half
"web-de3b"), read trafilatura's multilingual pages in their detected language.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bench.common import eval_dir
from bench.gate import write_figures
from bench.splits import split_of
from summarizers import clean_html
from summarizers.errors import NotAnArticleError
from summarizers.models import Article
from summarizers.quotes import find_quotes, join_interrupted
from summarizers.quotes.lexicon import HONORIFICS, RANKS
from summarizers.quotes.spans import Span, find_spans
from summarizers.quotes.speakers import Attributor

LABELS = Path(__file__).resolve().parent / "data" / "speakers" / "labels.jsonl"
THRESHOLDS = (0.5, 0.8)
_BASELINE = re.compile(r'"[^"\n]*"')
_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())
# The articles folder (under the eval dir) of each split; splits not named are frank-cnndm.
SPLIT_FOLDERS = {
    "xsum": "frank-xsum",
    "xsum2": "frank-xsum",
    "xsum3": "frank-xsum",
    "xsum4": "frank-xsum",
    "web": "scrapinghub-article-extraction",
    "web2": "scrapinghub-article-extraction",
    "web3": "trafilatura-eval-en",
    "web3b": "trafilatura-eval-en",
    "web-de": "trafilatura-eval-multi",
    "web-deb": "trafilatura-eval-multi",
    "web-de2": "trafilatura-eval-multi",
    "web-de3": "trafilatura-eval-multi",
    "web-de3b": "trafilatura-eval-multi",
    "web-fres": "trafilatura-eval-multi",
    "web-fresb": "trafilatura-eval-multi",
    "gum": "gum-wikinews-quotes",
}
CNNDM_SPLITS = ("dev", "dev2", "test", "test2")

Spans = list[tuple[int, int]]


@dataclass(frozen=True)
class Doc:
    """One GUM document: its text, the offset where the body starts, and its gold spans."""

    name: str
    text: str
    body_start: int
    gold: Spans


def iou(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Character intersection over union of two spans."""
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def matches(predicted: Spans, gold: Spans, threshold: float) -> int:
    """True positives of a one-to-one greedy matching at `threshold`."""
    pairs = sorted(
        ((iou(p, g), i, j) for i, p in enumerate(predicted) for j, g in enumerate(gold)),
        reverse=True,
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    for score, i, j in pairs:
        if score < threshold:
            break
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    return len(used_p)


def article_of(text: str, language: str = "en") -> Article:
    """An Article whose body is `text`'s blank-line separated paragraphs (offsets unchanged)."""
    return Article(None, None, None, None, language, text.split("\n\n"))


def gum_docs(folder: Path) -> list[Doc]:
    """The GUM documents of `folder`; the first paragraph is the headline."""
    docs = []
    for meta in sorted(folder.glob("*.json")):
        data = json.loads(meta.read_text(encoding="utf-8"))
        text = meta.with_name(meta.stem + ".article.txt").read_text(encoding="utf-8")
        gold = [(q["start"], q["end"]) for q in data["quotes"]]
        docs.append(Doc(meta.stem, text, text.index("\n\n") + 2, gold))
    return docs


def system_spans(doc: Doc) -> Spans:
    """digestbot's quotes over the body as a digest has them, mark to mark: an utterance its
    tag interrupts is one quote (`join_interrupted`). Then merged as GUM's gold is merged:
    spans that only whitespace separates become one (so do a quote's paragraph parts)."""
    body = doc.text[doc.body_start :]
    article = article_of(body)
    utterances = join_interrupted(body, find_quotes(article), article.language)
    ends = {q.start: q.end for q in utterances if q.parts}
    merged: Spans = []
    joined_until = -1
    for span in find_spans(body):
        start, end = span.mark_start + doc.body_start, span.mark_end + doc.body_start
        inside = span.start < joined_until
        joined_until = max(joined_until, ends.get(span.start, -1))
        if merged and (inside or not doc.text[merged[-1][1] : start].strip()):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def baseline_spans(doc: Doc) -> Spans:
    """Every span between straight double quotes within a paragraph."""
    return [m.span() for m in _BASELINE.finditer(doc.text)]


def prf(tp: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1."""
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def span_scores(docs: Iterable[Doc], system: bool, threshold: float) -> tuple[float, float, float]:
    """Micro P/R/F1 of the system or the baseline over `docs`."""
    tp = predicted = gold = 0
    for doc in docs:
        spans = system_spans(doc) if system else baseline_spans(doc)
        tp += matches(spans, doc.gold, threshold)
        predicted += len(spans)
        gold += len(doc.gold)
    return prf(tp, predicted, gold)


def normalise(name: str | None) -> str | None:
    """A name without ranks, forms of address or generational suffixes, lower-cased, with
    one apostrophe (articles spell "O'Grady" and "O’Grady" in one text)."""
    if name is None:
        return None
    words = [w for w in name.lower().replace("’", "'").split() if w not in _SUFFIXES]
    while len(words) > 1 and (words[0] in RANKS or words[0].rstrip(".") in HONORIFICS):
        words.pop(0)
    return " ".join(words)


def load_labels(path: Path = LABELS) -> list[dict[str, object]]:
    """The labelled speaker set, one dict per quote."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@dataclass(frozen=True)
class Result:
    """One label's outcome: right or wrong, whether `find_quotes` found its span and named a
    speaker, a summary."""

    ok: bool
    found: bool
    line: str
    named: bool


def with_gold_spans(text: str, gold: Spans) -> list[Span]:
    """The span finder's spans that overlap no labelled span of `gold`, and those (marks one
    character out), in order."""
    spans = [s for s in find_spans(text) if not any(s.start < e and a < s.end for a, e in gold)]
    spans += [Span(a, e, a - 1, e + 1) for a, e in gold]
    return sorted(spans, key=lambda s: s.start)


def gold_span_speakers(article: Article, gold: Spans) -> dict[tuple[int, int], str | None]:
    """Speakers of the labelled spans `gold` when the span finder is given them: its own spans,
    minus any overlapping a labelled one, plus the labelled ones (marks one character out).
    This scores attribution on quotes the span finder misses (see NOTE.md, split test2)."""
    spans = with_gold_spans(article.text, gold)
    speakers = Attributor(article.text, spans, article.language).speakers()
    return {(s.start, s.end): who for s, who in zip(spans, speakers, strict=True)}


def article_path(root: Path, label: dict[str, object]) -> Path:
    """The article file of `label`: in its split's folder under `root` (see SPLIT_FOLDERS);
    a Scrapinghub page's gold body is in its JSON file."""
    folder = root / SPLIT_FOLDERS.get(str(label["split"]), "frank-cnndm")
    text_file = folder / f"{label['id']}.article.txt"
    return text_file if text_file.exists() else folder / f"{label['id']}.json"


@cache
def read_article(path: Path) -> Article:
    """The article of a file from `article_path`, read once. A trafilatura page has no gold
    body: its article is what digestbot's extractor makes of the page (text and detected
    language), as the bot would see it. The other sets are read as English (all English, bar a
    few Scrapinghub pages that their labels read as English text)."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix != ".json":
        return article_of(raw)
    data = json.loads(raw)
    if data["body"] is not None:
        return article_of(str(data["body"]))
    html = gzip.decompress(path.with_name(path.stem + ".html.gz").read_bytes())
    page = clean_html(html, url=data.get("url"))
    return article_of(page.text, page.language or "en")


def located(text: str, label: dict[str, object]) -> tuple[int, int] | None:
    """The label's span in `text`: at its offsets, or moved to where its snippet now is (an
    extracted page shifts when the extractor changes); None when the snippet is gone."""
    start, end = int(str(label["start"])), int(str(label["end"]))
    snippet = str(label["snippet"])
    if text.startswith(snippet, start):
        return start, end
    found = [m.start() for m in re.finditer(re.escape(snippet), text)]
    if not found:
        return None
    moved = min(found, key=lambda at: abs(at - start))
    return moved, moved + end - start


def extracted_articles(folder: Path) -> list[Article]:
    """The article digestbot extracts from each page of a trafilatura folder that has one."""
    articles = []
    for path in sorted(folder.glob("*.json")):
        try:
            articles.append(read_article(path))
        except NotAnArticleError:
            continue
    return articles


def speaker_results(root: Path, labels: list[dict[str, object]]) -> Iterator[Result]:
    """For each label: right or wrong, scored on `find_quotes`' own span when it finds the
    labelled one, else on the labelled span given to the attributor. `root` is the eval dir.
    A label whose snippet is no longer in its text (see `located`) counts as wrong."""
    articles: dict[Path, Article] = {}
    spans: list[tuple[int, int] | None] = []
    by_doc: dict[Path, list[tuple[int, int]]] = {}
    for label in labels:
        path = article_path(root, label)
        if path not in articles:
            articles[path] = read_article(path)
        spans.append(located(articles[path].text, label))
        if spans[-1] is not None:
            by_doc.setdefault(path, []).append(spans[-1])
    cache: dict[Path, tuple[set[tuple[int, int]], dict[tuple[int, int], str | None]]] = {}
    for label, span in zip(labels, spans, strict=True):
        doc_id, truth = str(label["id"]), label["speaker"]
        path = article_path(root, label)
        if span is None:
            line = f"{doc_id[:10]} {label['start']}: {label['snippet']!r} not in its text"
            yield Result(False, False, line, False)
            continue
        if path not in cache:
            article = articles[path]
            # A label covers a whole quote; find_quotes may give it in parts (one per
            # paragraph, lost paragraph breaks included): the part holding its start counts.
            quotes = find_quotes(article)
            own = {g: q.speaker for g in by_doc[path] for q in quotes if q.start <= g[0] < q.end}
            missed = [g for g in by_doc[path] if g not in own]
            extra = gold_span_speakers(article, missed) if missed else {}
            cache[path] = (set(own), own | extra)
        own_spans, speakers = cache[path]
        found = span in own_spans
        got = speakers[span]
        ok = normalise(got) == normalise(truth if truth is None else str(truth))
        mark = "" if found else " (gold span)"
        line = f"{doc_id[:10]} {span[0]}: {label['snippet']!r} gold={truth!r} got={got!r}{mark}"
        yield Result(ok, found, line, got is not None)


def _name_pattern(words: list[str]) -> str:
    """A name's words in order, a few words apart at most (Lee 'Uncle Poodle' Thompson); the
    first may be glued to the word before where the text lost a space ("linkJohn")."""
    pattern = r"\W+(?:\S+\W+){0,3}?".join(rf"\b{re.escape(w)}" for w in words)
    return r"(?:(?<![\w])|(?<=[a-z]))" + pattern.removeprefix(r"\b")


def unnamed_speakers(articles: Iterable[Article]) -> list[str]:
    """Attributed speakers whose name does not occur in their article (should be none)."""
    bad = []
    for article in articles:
        for quote in find_quotes(article):
            if quote.speaker is None:
                continue
            words = quote.speaker.split()
            while len(words) > 1 and normalise(words[0] + " x") == "x":
                words.pop(0)  # ranks may come from another mention of the same person
            # A heading may give the name in capitals only ("KARLA TARAZONA: ...").
            forms = (words, [w.upper() for w in words])
            if not any(re.search(_name_pattern(form), article.text) for form in forms):
                bad.append(repr(quote.speaker))
    return bad


# The parts of the labelled set the CI gate reads (the fit part trains the ranker).
GATED_PARTS = ("dev", "test")


def gate_figures(root: Path, labels: list[dict[str, object]]) -> dict[str, float]:
    """The figures the CI gate compares with `bench/baselines/quotes.json`: GUM span F1 (IoU
    0.5; all documents and the annotated ones), and per language of the article and per part
    (`split_of` its id; dev and test only) the speaker accuracy, the share of quotes given a
    wrong name, and the share of labelled quotes the span finder found."""
    docs = gum_docs(root / "gum-wikinews-quotes")
    figures = {
        "gum.f1": span_scores(docs, True, 0.5)[2],
        "gum.annotated.f1": span_scores([d for d in docs if d.gold], True, 0.5)[2],
    }
    chosen = [label for label in labels if split_of(str(label["id"])) in GATED_PARTS]
    groups: dict[str, list[Result]] = {}
    for label, result in zip(chosen, speaker_results(root, chosen), strict=True):
        language = read_article(article_path(root, label)).language or "en"
        groups.setdefault(f"speakers.{language}.{split_of(str(label['id']))}", []).append(result)
    for key, results in sorted(groups.items()):
        n = len(results)
        figures[f"{key}.accuracy"] = sum(r.ok for r in results) / n
        figures[f"{key}.wrong_named"] = sum(r.named and not r.ok for r in results) / n
        figures[f"{key}.found"] = sum(r.found for r in results) / n
    return figures


def main(argv: list[str] | None = None) -> int:
    """Print the span table and the speaker figures."""
    args = sys.argv[1:] if argv is None else argv
    root = eval_dir()
    docs = gum_docs(root / "gum-wikinews-quotes")
    annotated = [d for d in docs if d.gold]
    gold = sum(len(d.gold) for d in docs)
    print(f"Quote spans, gum-wikinews-quotes: {len(docs)} docs, {gold} gold quotes")
    print(f"('annotated': the {len(annotated)} docs with at least one gold quote)")
    print(f"{'system':<34}{'IoU':>5}{'P':>7}{'R':>7}{'F1':>7}")
    for name, subset, system in (
        ("baseline: straight double quotes", docs, False),
        ("digestbot", docs, True),
        ("baseline, annotated docs", annotated, False),
        ("digestbot, annotated docs", annotated, True),
    ):
        for threshold in THRESHOLDS:
            p, r, f = span_scores(subset, system, threshold)
            print(f"{name:<34}{threshold:>5.1f}{p:>7.3f}{r:>7.3f}{f:>7.3f}")
    frank = root / "frank-cnndm"
    xsum = root / "frank-xsum"
    web = root / "scrapinghub-article-extraction"
    labels = load_labels()
    results = list(speaker_results(root, labels))
    print()
    print(f"Speakers, {LABELS.relative_to(LABELS.parents[2])} (see NOTE.md):")
    print(
        f"{'split':<10}{'articles':>9}{'quotes':>8}{'named':>7}{'found':>7}{'accuracy':>10}"
        f"{'right when naming':>19}"
    )
    for split in (*CNNDM_SPLITS, None, *dict.fromkeys(SPLIT_FOLDERS)):
        chosen = [(lab, r) for lab, r in zip(labels, results, strict=True)]
        if split is None:  # "all": the frank-cnndm splits (xsum is a separate test set)
            chosen = [(lab, r) for lab, r in chosen if lab["split"] in CNNDM_SPLITS]
        else:
            chosen = [(lab, r) for lab, r in chosen if lab["split"] == split]
        if not chosen:
            continue
        correct = sum(r.ok for _, r in chosen)
        found = sum(r.found for _, r in chosen)
        articles = len({lab["id"] for lab, _ in chosen})
        named = sum(lab["speaker"] is not None for lab, _ in chosen)
        name = split or "all"
        accuracy = correct / len(chosen)
        # Of the quotes given a speaker, the share given the right one: a wrong name is worse
        # than none, so this is what a reader trusts.
        naming = [r for _, r in chosen if r.named]
        precision = sum(r.ok for r in naming) / len(naming) if naming else 0.0
        print(
            f"{name:<10}{articles:>9}{len(chosen):>8}{named:>7}{found:>7}{accuracy:>10.3f}"
            f"{precision:>19.3f}"
        )
    english = [read_article(p) for p in sorted(frank.glob("*.article.txt"))]
    english += [article_of(d.text[d.body_start :]) for d in docs]
    english += [read_article(p) for p in sorted(xsum.glob("*.article.txt"))]
    english += [read_article(p) for p in sorted(web.glob("*.json"))]
    english += extracted_articles(root / "trafilatura-eval-en")
    multi = extracted_articles(root / "trafilatura-eval-multi")
    bad = unnamed_speakers(english) + unnamed_speakers(multi)
    caption = "speakers not named in article"
    print(f"{caption:<34}{len(bad):>7}  ({len(english)} English and {len(multi)} other texts)")
    for name in bad:
        print(f"  not in its article: {name}")
    figures = gate_figures(root, labels)
    print(f"gate figures -> {write_figures('quotes', figures)}")
    for key, value in figures.items():
        print(f"  {key:<40}{value:.3f}")
    if "-v" in args:
        for label, result in zip(labels, results, strict=True):
            if not result.ok:
                print(f"  wrong ({label['split']}):", result.line)
        for line in bad:
            print("  not in article:", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
