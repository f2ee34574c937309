"""Per-language data files of a package: `<package>/lang/<code>/<name>.txt`.

A line that is '#' or starts with '# ' is a comment; every other non-empty line is one entry,
kept whole: "#ad" and "follow @" are entries, so no comment follows an entry on its line.
"""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def codes(package: str) -> tuple[str, ...]:
    """The language codes that have a data folder in `package`."""
    root = resources.files(package).joinpath("lang")
    return tuple(sorted(d.name for d in root.iterdir() if d.is_dir()))


@cache
def entries(package: str, code: str, name: str) -> tuple[str, ...]:
    """The entries of one file, in file order; empty when the language or file has none."""
    file = resources.files(package).joinpath("lang", code, f"{name}.txt")
    if not file.is_file():
        return ()
    lines = (line.strip() for line in file.read_text("utf-8").splitlines())
    return tuple(line for line in lines if line and line != "#" and not line.startswith("# "))


def words(package: str, code: str, name: str) -> frozenset[str]:
    """The lower-cased words of one file (several may share a line)."""
    return frozenset(w.lower() for line in entries(package, code, name) for w in line.split())


def union(package: str, name: str) -> tuple[str, ...]:
    """The entries of `name` over every language, for checks that do not know the language."""
    return tuple(dict.fromkeys(e for code in codes(package) for e in entries(package, code, name)))


def union_words(package: str, name: str) -> frozenset[str]:
    """The lower-cased words of `name` over every language."""
    return frozenset(w.lower() for entry in union(package, name) for w in entry.split())
