"""Which language resources an article gets: a stemmer and sumy's stop words, or neither.

The stemmers are Snowball's (the `snowballstemmer` package, the algorithms NLTK re-implements)
and the stop words are read from sumy's data files: neither loads NLTK, so summarising starts
fast. Czech, Slovak and Ukrainian use sumy's own stemmers, which do load NLTK.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources

import snowballstemmer

# ISO 639-1 → sumy's language names, for languages where sumy ships stop words and a stemmer
# that needs no extra package. Left out: Greek and Polish (their stemmers need optional
# packages) and Chinese, Japanese and Korean (our word tokenizer does not segment them).
SUMY_LANGUAGES: dict[str, str] = {
    "ar": "arabic",
    "cs": "czech",
    "de": "german",
    "en": "english",
    "es": "spanish",
    "fr": "french",
    "it": "italian",
    "pt": "portuguese",
    "sk": "slovak",
    "sv": "swedish",
    "uk": "ukrainian",
}


@dataclass(frozen=True)
class LanguageTools:
    """A stemmer and stop words for one language; `name` is sumy's name or "neutral"."""

    name: str
    stem: Callable[[str], str]
    stop_words: frozenset[str]


def language_support(language: str | None) -> tuple[str, str | None]:
    """sumy's name for `language` (an ISO 639-1 code) and a note for the digest.

    The note is None when sumy has a stemmer and stop words for the language; otherwise the
    name is "neutral" and the note says that a language-neutral method was used.
    """
    code = (language or "en").lower()[:2]
    name = SUMY_LANGUAGES.get(code)
    if name is not None:
        return name, None
    return "neutral", (
        f"Language {code!r} has no stemmer or stop words here; "
        "key points were picked with a language-neutral method."
    )


@cache
def language_tools(language: str | None) -> LanguageTools:
    """Stemmer and stop words for `language`; lower-casing and no stop words if unsupported."""
    name, _note = language_support(language)
    if name == "neutral":
        return LanguageTools("neutral", str.lower, frozenset())
    return LanguageTools(name, _stemmer(name), _stop_words(name))


def _stop_words(name: str) -> frozenset[str]:
    path = resources.files("sumy") / "data" / "stopwords" / f"{name}.txt"
    return frozenset(w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip())


def _stemmer(name: str) -> Callable[[str], str]:
    if name not in snowballstemmer.algorithms():
        from sumy.nlp.stemmers import Stemmer

        return Stemmer(name)
    stemmer = snowballstemmer.stemmer(name)
    # A Snowball stemmer keeps its word in the object while it works: one word at a time.
    lock = threading.Lock()

    def stem(word: str) -> str:
        # NLTK, which this replaces, read the typographic apostrophe as "'" ("Britain’s").
        word = word.lower().replace("’", "'")
        with lock:
            return str(stemmer.stemWord(word))

    return stem
