"""Convert PolNeAR's `data/train` direct quotes into speaker labels (kept outside git).

Run: .venv/bin/python -m bench.polnear [MIRROR_GIT_DIR] [OUT_DIR]

PolNeAR (networkdynamics/PolNeAR) annotates attributions (Source, Cue, Content) in US
election news. It states no licence: its texts and annotations are never committed; this
converter writes them to OUT_DIR (default /work/data-cache/polnear, outside the repository),
and only weights fitted on them ship. Only the `data/train` compartment is read: its dev,
test, annotator-training and parc3-replication folders overlap an acceptance set.

A label is a direct quotation of five words or more (the text between a pair of quotation
marks inside one Content span) with its attribution's Source as speaker:
- a Source with capitalised words ("Spokeswoman Haley Morris") gives its names, without
  titles or opening words ("Haley Morris"); a speaker matches when its surname is one of
  their words (lenient: "Jon Alterman, of the Center for ..." also credits the Center);
- a pronoun or a description ("He", "the candidate") takes the names of its CoreNLP
  coreference chain (automatic, so some of these labels are wrong); a pronoun that no chain
  resolves is left out;
- otherwise ("a spokesman", "officials") the speaker is None.
`docs.jsonl` holds one article a line: {"id", "text", "quotes": [{"start", "end",
"speaker", "names", "source"}]}, offsets of the quote's text without its marks.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from summarizers.quotes.lexicon import NOT_NAMES, TITLES

MIRROR = Path("/work/.mirror/networkdynamics+PolNeAR/repo")
OUT = Path("/work/data-cache/polnear")
_COMPARTMENT = "data/train"
_QUOTE = re.compile(r"[“\"]([^“”\"\n]{3,}?)[”\"]")
_MIN_WORDS = 5
_NAME_RUN = re.compile(
    r"(?:[A-Z][\w.'’-]*|de|van|von|al|bin)(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|al|bin))*"
)
_POSSESSIVE = re.compile(r"['’]s?$")
_PRONOUNS = frozenset("he she they i we it his her their its".split())
_ROLE_WORDS = frozenset("spokeswoman republican democrat democratic gop".split())


class _Mirror:
    """Files of the bare git mirror, read through one `git cat-file --batch` process."""

    def __init__(self, git_dir: Path) -> None:
        self._git = ["git", f"--git-dir={git_dir}"]
        self._batch = subprocess.Popen(
            [*self._git, "cat-file", "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )

    def files(self, folder: str) -> list[str]:
        listing = subprocess.run(
            [*self._git, "ls-tree", "--name-only", f"HEAD:{_COMPARTMENT}/{folder}"],
            capture_output=True,
            text=True,
            check=True,
        )
        return listing.stdout.split()

    def read(self, path: str) -> str | None:
        """The file's text, or None when the mirror lacks it (its largest blobs are absent)."""
        assert self._batch.stdin is not None and self._batch.stdout is not None
        self._batch.stdin.write(f"HEAD:{_COMPARTMENT}/{path}\n".encode())
        self._batch.stdin.flush()
        header = self._batch.stdout.readline().split()
        if len(header) != 3:
            return None
        data = self._batch.stdout.read(int(header[2]) + 1)[:-1]
        return data.decode("utf-8")


def names_in(source: str) -> list[str]:
    """The names a source span gives, titles and opening words dropped, in order
    ("Spokeswoman Haley Morris" -> ["Haley Morris"], "Jon Alterman, of the Center for
    Strategic and International Studies" -> ["Jon Alterman", "Center", "Strategic", ...])."""
    found = []
    for run in (m.group(0) for m in _NAME_RUN.finditer(source)):
        words = _POSSESSIVE.sub("", run).split()
        # "The council", "Spokeswoman Haley Morris": no opening word, no title, is a name.
        while words and words[0].lower().rstrip(".") in NOT_NAMES | TITLES | _ROLE_WORDS:
            words.pop(0)
        if words and words[0][:1].isupper():
            found.append(" ".join(words))
    return found


def _annotations(text: str) -> list[tuple[tuple[int, int], tuple[int, int] | None]]:
    """(Content span, Source span or None) of each attribution of a BRAT .ann file."""
    spans: dict[str, tuple[int, int]] = {}
    relations = []
    for line in text.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            fields = parts[1].split()
            # Discontinuous spans ("Content 10 20;30 40") keep their outer bounds.
            numbers = [int(n) for n in re.findall(r"\d+", " ".join(fields[1:]))]
            spans[parts[0]] = (min(numbers), max(numbers))
        elif line.startswith("E") and len(parts) >= 2:
            roles = dict(item.split(":", 1) for item in parts[1].split() if ":" in item)
            relations.append(roles)
    found = []
    for roles in relations:
        content = spans.get(roles.get("Content", ""))
        if content is not None:
            found.append((content, spans.get(roles.get("Source", ""))))
    return found


def _coreference(xml: str) -> list[list[tuple[int, int]]]:
    """CoreNLP's coreference chains, each a list of mentions (char start, char end)."""
    root = ET.fromstring(xml)
    tokens: dict[tuple[int, int], tuple[int, int]] = {}
    for sentence in root.iter("sentence"):
        if sentence.get("id") is None:
            continue
        for token in sentence.iter("token"):
            begin = token.findtext("CharacterOffsetBegin")
            end = token.findtext("CharacterOffsetEnd")
            if begin is not None and end is not None:
                key = (int(sentence.get("id", "0")), int(token.get("id", "0")))
                tokens[key] = (int(begin), int(end))
    chains = []
    outer = root.find(".//coreference")
    for chain in outer.findall("coreference") if outer is not None else []:
        mentions = []
        for mention in chain.findall("mention"):
            s = int(mention.findtext("sentence", "0"))
            first = tokens.get((s, int(mention.findtext("start", "0"))))
            last = tokens.get((s, int(mention.findtext("end", "0")) - 1))
            if first and last:
                mentions.append((first[0], last[1]))
        chains.append(mentions)
    return chains


def _resolved(
    source: tuple[int, int], text: str, chains: list[list[tuple[int, int]]]
) -> list[str] | None:
    """The names a Source span gives, through its coreference chain when it gives none; []
    for an unnamed source ("a spokesman"), None for a pronoun no chain resolves."""
    named = names_in(text[source[0] : source[1]])
    if named:
        return named
    for chain in chains:
        if any(s < source[1] and source[0] < e for s, e in chain):
            names = [n for s, e in chain for n in names_in(text[s:e])]
            if names:
                return names
    words = text[source[0] : source[1]].lower().split()
    return None if words and words[0] in _PRONOUNS else []


def convert(mirror: Path = MIRROR, out: Path = OUT) -> Path:
    """Write `docs.jsonl` of the train compartment's direct quotes; returns its path."""
    files = _Mirror(mirror)
    annotations: dict[str, str] = {}
    for name in sorted(files.files("attributions")):
        # A text annotated twice keeps its first annotator's file.
        annotations.setdefault(name.rsplit("_", 1)[0], name)
    out.mkdir(parents=True, exist_ok=True)
    path = out / "docs.jsonl"
    quotes_total = 0
    with path.open("w", encoding="utf-8") as sink:
        for stem, ann in sorted(annotations.items()):
            text = files.read(f"text/{stem}.txt")
            ann_text = files.read(f"attributions/{ann}")
            if text is None or ann_text is None:
                continue
            xml = files.read(f"corenlp/{stem}.txt.xml")
            # Without its parse (absent from the mirror) an article resolves no pronoun.
            chains = _coreference(xml) if xml is not None else []
            quotes: list[dict[str, Any]] = []
            for (c_start, c_end), source in _annotations(ann_text):
                for match in _QUOTE.finditer(text, c_start, c_end):
                    if len(match.group(1).split()) < _MIN_WORDS:
                        continue
                    names = _resolved(source, text, chains) if source else []
                    if names is None:
                        continue  # "he" with no name in reach: the label is unknown
                    quotes.append(
                        {
                            "start": match.start(1),
                            "end": match.end(1),
                            "speaker": names[0] if names else None,
                            "names": names,
                            "source": text[source[0] : source[1]] if source else None,
                        }
                    )
            quotes.sort(key=lambda q: q["start"])
            quotes_total += len(quotes)
            sink.write(json.dumps({"id": stem, "text": text, "quotes": quotes}) + "\n")
    print(f"{len(annotations)} articles, {quotes_total} direct quotes -> {path}")
    return path


if __name__ == "__main__":
    args = sys.argv[1:]
    convert(Path(args[0]) if args else MIRROR, Path(args[1]) if len(args) > 1 else OUT)
