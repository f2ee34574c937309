"""Convert the German WikiNews quotation-attribution set into speaker labels (kept outside git).

Run: .venv/bin/python -m bench.wikinews_de [MIRROR_GIT_DIR] [OUT_DIR]

Source: `uhh-lt/german-news-quotation-attribution-2024` (Petersen-Frey and Biemann 2024):
998 German WikiNews articles, each a JSON file under `data/{train,dev,test}/` with the text
(`originalText`) and its speech annotations (type, cue, frame, quote, speaker, addressee as
character spans). Licence: CC BY-NC-SA 4.0 (its LICENSE and README). For MEASURING only: no
shipped weight may be fitted on it, and nothing of it is committed; this converter writes
OUT_DIR (default /work/data-cache/uhh-wikinews), outside the repository. Parts come from
`bench.splits.split_of` of the document id, not from the set's own folders (kept as
`source_split`).

What is read: the `Direct` annotations (873), nothing else. Conversion:
- a quote is each of its spans, without the quotation marks around it; a quote of fewer than
  five words in all is left out (mostly cited words, "Gesindel"), as in the team's labels; a
  span annotated twice (a person and the press release quoting them) keeps the named source;
- its speaker span gives the name by `bench.source_names` (the longest run of capitalised
  words that the corpus does not use as nouns after an article; an acronym counts), written
  in the fullest form the article uses; `names` holds that form, the span's name and every
  other name run of the span (so "Sonia und Willy Bogner" matches either);
- a pronoun ("Er", "sie") leaves the quote out: the set gives no coreference, and taking the
  last source named in full before it was wrong for 7 of 15 quotes checked by hand;
- a description ("Der Staatsanwalt") takes the name written right after its last noun earlier
  in the article ("Staatsanwalt Hans Maier ... der Staatsanwalt"); with none it is left out;
- an indefinite source ("ein Sprecher", "ein Sprecher der Downing Street", "einem
  Jury-Mitglied") or an empty speaker span (a law's wording, a slogan) is `null`.
A hand check of 50 random converted labels whose name came from the span found 4 wrong
("die frühere Gouverneurin Alaskas" as Alaskas, "Die ersten Worte Armstrongs", "Das
Auswärtige Amt der Bundesrepublik Deutschland" as Deutschland, "Demnach"), and several whose
`speaker` keeps a role word or a place ("Marktanalyst Robert Halver") while `names` holds the
right surname, which is what the lenient match of bench/quote_sets.py reads.
`via` records which rule gave the speaker ("span", "pronoun", "description", "none").
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from bench.common import write_jsonl
from bench.source_names import NounShares, resolve

MIRROR = Path("/work/.mirror/uhh-lt+german-news-quotation-attribution-2024/repo")
OUT = Path("/work/data-cache/uhh-wikinews")
MIN_WORDS = 5
_OPENING = "„“”\"«»‚‘'"
_CLOSING = "“”\"«»‘’'"


def read_mirror(git_dir: Path) -> list[tuple[str, dict[str, Any]]]:
    """(folder, document) of every JSON file under `data/` of the bare mirror."""
    git = ["git", f"--git-dir={git_dir}"]
    listing = subprocess.run(
        [*git, "ls-tree", "-r", "-z", "--name-only", "HEAD", "data"],
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    docs = []
    for path in sorted(p for p in listing.split("\0") if p.endswith(".json")):
        blob = subprocess.run([*git, "show", f"HEAD:{path}"], capture_output=True, check=True)
        docs.append((path.split("/")[1], json.loads(blob.stdout.decode("utf-8"))))
    return docs


def unmarked(text: str, begin: int, end: int) -> tuple[int, int]:
    """A quote span without the quotation marks (and spaces) at its ends."""
    while begin < end and (text[begin] in _OPENING or text[begin].isspace()):
        begin += 1
    while end > begin and (text[end - 1] in _CLOSING or text[end - 1].isspace()):
        end -= 1
    return begin, end


def _span_text(part: dict[str, Any]) -> str:
    return str(part.get("text") or "") if part else ""


def _start(part: dict[str, Any]) -> int:
    spans = part.get("spans") or []
    return int(spans[0]["charBegin"]) if spans else -1


def speaker_names(
    annotation: dict[str, Any], text: str, shares: NounShares
) -> tuple[list[str] | None, str]:
    """The names of an annotation's speaker (see `bench.source_names.resolve`)."""
    part = annotation.get("speaker") or {}
    return resolve(_span_text(part), _start(part), text, shares)


def convert_doc(doc: dict[str, Any], shares: NounShares) -> dict[str, Any]:
    """One article in the shared format (see bench/quote_sets.py)."""
    text = str(doc["originalText"])
    quotes: list[dict[str, Any]] = []
    for annotation in doc["annotations"]:
        if annotation["type"] != "Direct":
            continue
        names, via = speaker_names(annotation, text, shares)
        if names is None:
            continue
        parts = [unmarked(text, s["charBegin"], s["charEnd"]) for s in annotation["quote"]["spans"]]
        if sum(len(text[a:b].split()) for a, b in parts) < MIN_WORDS:
            continue
        for start, end in parts:
            if end > start:
                quotes.append(
                    {
                        "start": start,
                        "end": end,
                        "speaker": names[0] if names else None,
                        "names": names,
                        "source": _span_text(annotation.get("speaker") or {}) or None,
                        "via": via,
                    }
                )
    doc_id = "wikinews-de:" + str(doc["documentName"]).split(" ", 1)[0]
    return {"id": doc_id, "language": "de", "text": text, "quotes": one_per_span(quotes)}


def one_per_span(quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One label per quote span, in text order: a quote annotated twice ("Konrad Freiberg
    wird in einer Presseerklärung der Gewerkschaft zitiert") keeps its named source."""
    kept: dict[tuple[int, int], dict[str, Any]] = {}
    for quote in quotes:
        span = (quote["start"], quote["end"])
        if span not in kept or (quote["names"] and not kept[span]["names"]):
            kept[span] = quote
    return [kept[span] for span in sorted(kept)]


def convert(mirror: Path = MIRROR, out: Path = OUT) -> Path:
    """Write `docs.jsonl` (one article a line, every article kept); returns its path."""
    docs = read_mirror(mirror)
    shares = NounShares.of(str(d["originalText"]) for _, d in docs)
    converted = [convert_doc(doc, shares) | {"source_split": folder} for folder, doc in docs]
    path = out / "docs.jsonl"
    write_jsonl(path, converted)
    total = sum(len(c["quotes"]) for c in converted)
    print(f"{len(docs)} articles, {total} direct quotes -> {path}")
    return path


if __name__ == "__main__":
    args = sys.argv[1:]
    convert(Path(args[0]) if args else MIRROR, Path(args[1]) if len(args) > 1 else OUT)
