"""GUM's entity mentions with their context (committed), for an is-a-person score.

Run: .venv/bin/python -m bench.gum [MIRROR_GIT_DIR]

Source: `amir-zeldes/gum` (Zeldes 2017, the Georgetown University Multilayer corpus), its
`dep/GUM_<genre>_<name>.conllu` files: gold Universal Dependencies with the entity and
coreference layer in MISC (`Entity=(id-etype-infstat-salience-centering-minspan-link-identity`
... `id)`). Licence (its LICENSE.txt): annotations CC BY 4.0; texts by genre. Only genres whose
texts are CC BY or CC BY-SA are read (`GENRES`: academic CC BY 4.0, bio CC BY-SA 3.0, court
CC BY 4.0, voyage CC BY-SA 3.0). Never read: `news` and `interview` (Wikinews: the
acceptance's GUM quote sets and `shared/eval/gum-wikinews-quotes` come from them), and the
non-commercial genres (essay, fiction, letter, podcast, whow, reddit) or those whose text
licence LICENSE.txt does not state (conversation, speech, textbook, vlog).

Writes:
- `bench/data/gum_entities/entities.jsonl` (committed; SOURCE.md beside it): one mention a
  line of every entity of type person, place or organisation, and of every other type when a
  proper noun is in it: {"doc", "genre", "split", "language", "text", "type", "proper",
  "left", "right"}, `left`/`right` the five words before and after it in its sentence's
  paragraph, `proper` whether a proper noun (UPOS PROPN) is in it, `split` from
  `bench.splits.split_of(doc)`;
No quote set is made from GUM: outside news and interview, the genres read hold 46 quotation
mark pairs, and the gold parse gives a speaker to 9 quotes of five words or more, most of them
cited phrases or broken pairings of straight quotes (tried and dropped, see SOURCE.md).
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.common import write_jsonl
from bench.splits import split_of

MIRROR = Path("/work/.mirror/amir-zeldes+gum/repo")
ENTITIES = Path(__file__).resolve().parent / "data" / "gum_entities" / "entities.jsonl"
GENRES = ("academic", "bio", "court", "voyage")
NAMED_TYPES = frozenset({"person", "place", "organization"})
CONTEXT = 5
_ENTITY = re.compile(r"\((\d+)-([^()]+?)(\))?(?=\(|\d|$)|(\d+)\)")


@dataclass
class Word:
    """One syntactic word: its form, character span, head (global index) and relation."""

    form: str
    upos: str
    head: int
    deprel: str
    start: int
    end: int
    paragraph: int


@dataclass
class Mention:
    """One entity mention: entity id, type, first and last word (global indices)."""

    entity: str
    etype: str
    first: int
    last: int = -1


@dataclass
class GumDoc:
    name: str
    genre: str
    text: str = ""
    words: list[Word] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


def parse(name: str, conllu: str) -> GumDoc:
    """A document's text (paragraphs apart by a blank line), words and entity mentions."""
    doc = GumDoc(name, name.split("_")[1])
    parts: list[str] = []
    length = 0
    paragraph = 0
    base = 0  # global index of the sentence's word 1, minus one
    sentence_words = 0
    open_mentions: dict[str, list[Mention]] = {}
    space = ""
    surface_until = 0  # a multi-word token's last word id: its words share its surface
    pending_span = (0, 0)
    for line in conllu.splitlines():
        if line.startswith("# newpar") and not line.startswith("# newpar_block"):
            paragraph += 1
            space = "\n\n" if parts else ""
            continue
        if line.startswith("# sent_id"):
            base += sentence_words
            sentence_words = 0
            continue
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        misc = dict(p.split("=", 1) for p in cols[9].split("|") if "=" in p)
        if "-" in cols[0]:  # a multi-word token ("won't"): its form is the surface
            last = int(cols[0].split("-")[1])
            parts.append(space + cols[1])
            length += len(space) + len(cols[1])
            span = (length - len(cols[1]), length)
            surface_until = last
            space = "" if misc.get("SpaceAfter") == "No" else " "
            pending_span = span
            continue
        if "." in cols[0]:
            continue
        wid = int(cols[0])
        sentence_words = max(sentence_words, wid)
        if wid <= surface_until:
            start, end = pending_span
        else:
            parts.append(space + cols[1])
            length += len(space) + len(cols[1])
            start, end = length - len(cols[1]), length
            space = "" if misc.get("SpaceAfter") == "No" else " "
        head = base + int(cols[6]) - 1 if cols[6] not in ("0", "_") else -1
        index = len(doc.words)
        doc.words.append(Word(cols[1], cols[3], head, cols[7], start, end, paragraph))
        for match in _ENTITY.finditer(misc.get("Entity", "")):
            if match.group(4):  # "id)": the innermost open mention of that entity closes
                stack = open_mentions.get(match.group(4))
                if stack:
                    stack.pop().last = index
                continue
            etype = match.group(2).split("-", 1)[0]
            mention = Mention(match.group(1), etype, index)
            doc.mentions.append(mention)
            if match.group(3):
                mention.last = index
            else:
                open_mentions.setdefault(match.group(1), []).append(mention)
    doc.text = "".join(parts)
    doc.mentions = [m for m in doc.mentions if m.last >= m.first]
    return doc


def mention_text(doc: GumDoc, mention: Mention) -> str:
    return doc.text[doc.words[mention.first].start : doc.words[mention.last].end]


def is_proper(doc: GumDoc, mention: Mention) -> bool:
    return any(w.upos == "PROPN" for w in doc.words[mention.first : mention.last + 1])


def entity_rows(doc: GumDoc) -> list[dict[str, Any]]:
    """The document's mentions for `entities.jsonl` (see the module's docstring)."""
    rows = []
    for mention in doc.mentions:
        proper = is_proper(doc, mention)
        if mention.etype not in NAMED_TYPES and not proper:
            continue
        paragraph = doc.words[mention.first].paragraph
        before = [w.form for w in doc.words[: mention.first] if w.paragraph == paragraph]
        after = [w.form for w in doc.words[mention.last + 1 :] if w.paragraph == paragraph]
        rows.append(
            {
                "doc": doc.name,
                "genre": doc.genre,
                "split": split_of(doc.name),
                "language": "en",
                "text": mention_text(doc, mention),
                "type": mention.etype,
                "proper": proper,
                "left": before[-CONTEXT:],
                "right": after[:CONTEXT],
            }
        )
    return rows


def read_docs(git_dir: Path) -> list[GumDoc]:
    """The documents of `GENRES` in the bare mirror, by name."""
    git = ["git", f"--git-dir={git_dir}"]
    listing = subprocess.run(
        [*git, "ls-tree", "--name-only", "HEAD:dep"], capture_output=True, text=True, check=True
    ).stdout.split()
    docs = []
    for file in sorted(listing):
        name = file.removesuffix(".conllu")
        if not name.startswith("GUM_") or name.split("_")[1] not in GENRES:
            continue
        blob = subprocess.run([*git, "show", f"HEAD:dep/{file}"], capture_output=True, check=True)
        docs.append(parse(name, blob.stdout.decode("utf-8")))
    return docs


def convert(mirror: Path = MIRROR) -> Path:
    """Write the entity mentions; returns the file's path."""
    docs = read_docs(mirror)
    rows = write_jsonl(ENTITIES, (row for doc in docs for row in entity_rows(doc)))
    print(f"{len(docs)} documents: {rows} mentions -> {ENTITIES}")
    return ENTITIES


if __name__ == "__main__":
    convert(Path(sys.argv[1]) if len(sys.argv) > 1 else MIRROR)
