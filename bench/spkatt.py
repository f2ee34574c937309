"""Convert SpkAtt-2023's direct quotes into speaker labels (`bench/data/spkatt/docs.jsonl`).

Run: .venv/bin/python -m bench.spkatt [MIRROR_GIT_DIR] [OUT_DIR]

Source: `umanlp/SpkAtt-2023` (Task 1 of the KONVENS 2023 shared task on speaker attribution):
German Bundestag speeches, one JSON file per speech, tokenised by sentence (`Sentences`), with
speech events (`Annotations`: Cue, Source, Message, Addr, ... as "sentence:token" ids).
Licence: CC BY-SA 4.0 (stated in `doc/SpkAtt-Debates-Datasheet.pdf`; the README states
none); so the converted speeches that hold a quote may be committed (share-alike: the
converted file stays under CC BY-SA 4.0, see bench/data/spkatt/SOURCE.md) and fitted on.
Read: `data/train/task1`, `data/dev/task1` and `data/trial/task1` (the test folders hold no
annotations). Parts come from `bench.splits.split_of` of the speech's file name.

Conversion:
- the text is the speech's tokens joined by spaces, with no space before closing
  punctuation and after an opening mark or bracket; sentences are joined by a space (the set
  gives no paragraphs);
- a quote is the tokens between a pair of quotation marks inside one Message, of five words
  or more (so most cited titles and phrases are left out);
- the Source gives the speaker by `bench.source_names.resolve` (a quote whose Source is a
  pronoun is left out); "ich"/"wir" as Source is the member of parliament
  giving the speech, named by the file name ("..._CDUCSU_Kramp-Karrenbauer_ID...");
- an annotation with no Source is `null` when its quote is of five words or more.
Only speeches with at least one quote are written.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from bench.common import write_jsonl
from bench.source_names import NounShares, resolve

MIRROR = Path("/work/.mirror/umanlp+SpkAtt-2023/repo")
OUT = Path(__file__).resolve().parent / "data" / "spkatt"
FOLDERS = ("data/train/task1", "data/dev/task1", "data/trial/task1")
MIN_WORDS = 5
_OPENING = frozenset("„“‚»(")
_CLOSING = frozenset("“”‘«)")
_NO_SPACE_BEFORE = frozenset(".,;:!?)“”‘«…")
_FIRST_PERSON = frozenset("ich wir mir mich uns".split())
# "19192_Tagesordnungspunkt_13_CDUCSU_Kramp-Karrenbauer_ID1919206400_19.11.2020": the speaker.
_SPEAKER_IN_NAME = re.compile(r"_(?:AfD|CDUCSU|FDP|GRUENE|LINKE|SPD|fraktionslos)_(.+?)_ID")


def detokenised(sentences: list[list[str]]) -> tuple[str, dict[tuple[int, int], tuple[int, int]]]:
    """The text of tokenised sentences and each token's (sentence, index) -> char span."""
    text = ""
    offsets: dict[tuple[int, int], tuple[int, int]] = {}
    glue = True
    for s, tokens in enumerate(sentences):
        for i, token in enumerate(tokens):
            if text and not glue and token not in _NO_SPACE_BEFORE:
                text += " "
            offsets[(s, i)] = (len(text), len(text) + len(token))
            text += token
            glue = token in _OPENING
    return text, offsets


def _ids(refs: list[str], index: dict[int, int]) -> list[tuple[int, int]]:
    """Token ids ("3:5") as (sentence position, token index), in order."""
    found = []
    for ref in refs:
        sentence, token = ref.split(":")
        if int(sentence) in index:
            found.append((index[int(sentence)], int(token)))
    return sorted(found)


def member(file_name: str) -> str | None:
    """The member of parliament giving the speech, from its file name."""
    match = _SPEAKER_IN_NAME.search(file_name)
    return match.group(1).replace("_", " ") if match else None


def quoted_runs(tokens: list[str]) -> list[tuple[int, int]]:
    """(first, last) positions in `tokens` of each run between a pair of quotation marks."""
    runs = []
    start = None
    for i, token in enumerate(tokens):
        if token in '„“"»' and start is None and token != "“":
            start = i
        elif token in '“”"«' and start is not None:
            runs.append((start + 1, i - 1))
            start = None
    return runs


def convert_doc(name: str, doc: dict[str, Any], shares: NounShares) -> dict[str, Any] | None:
    """One speech in the shared format, or None when it holds no quote."""
    index = {int(s["SentenceId"]): n for n, s in enumerate(doc["Sentences"])}
    text, offsets = detokenised([list(s["Tokens"]) for s in doc["Sentences"]])
    speech_by = member(name)
    quotes: list[dict[str, Any]] = []
    for annotation in doc["Annotations"]:
        source_ids = _ids(annotation["Source"], index)
        source = " ".join(text[slice(*offsets[t])] for t in source_ids)
        start = offsets[source_ids[0]][0] if source_ids else -1
        if source.lower() in _FIRST_PERSON and speech_by:
            names: list[str] | None = [speech_by]
            via = "speech"
        elif source:
            names, via = resolve(source, start, text, shares)
        else:
            names, via = [], "none"
        message = _ids(annotation["Message"], index)
        words = [text[slice(*offsets[t])] for t in message]
        for first, last in quoted_runs(words):
            if names is None or last - first + 1 < MIN_WORDS:
                continue
            quotes.append(
                {
                    "start": offsets[message[first]][0],
                    "end": offsets[message[last]][1],
                    "speaker": names[0] if names else None,
                    "names": names,
                    "source": source or None,
                    "via": via,
                }
            )
    if not quotes:
        return None
    quotes.sort(key=lambda q: q["start"])
    return {"id": "spkatt:" + name, "language": "de", "text": text, "quotes": quotes}


def read_mirror(git_dir: Path) -> list[tuple[str, dict[str, Any]]]:
    """(file stem, speech) of every annotated speech of the bare mirror."""
    git = ["git", f"--git-dir={git_dir}"]
    found = []
    for folder in FOLDERS:
        listing = subprocess.run(
            [*git, "ls-tree", "--name-only", f"HEAD:{folder}"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        for file in sorted(listing):
            blob = subprocess.run(
                [*git, "show", f"HEAD:{folder}/{file}"], capture_output=True, check=True
            )
            found.append((file.removesuffix(".json"), json.loads(blob.stdout)))
    return found


def convert(mirror: Path = MIRROR, out: Path = OUT) -> Path:
    """Write `docs.jsonl` (speeches with a quote); returns its path."""
    speeches = read_mirror(mirror)
    shares = NounShares.of(
        " ".join(" ".join(s["Tokens"]) for s in doc["Sentences"]) for _, doc in speeches
    )
    converted = [c for c in (convert_doc(n, d, shares) for n, d in speeches) if c is not None]
    path = out / "docs.jsonl"
    kept = write_jsonl(path, converted)
    quotes = sum(len(c["quotes"]) for c in converted)
    print(f"{len(speeches)} speeches, {kept} with a quote, {quotes} direct quotes -> {path}")
    return path


if __name__ == "__main__":
    args = sys.argv[1:]
    convert(Path(args[0]) if args else MIRROR, Path(args[1]) if len(args) > 1 else OUT)
