"""Which language resources sumy has for an article: stemmer and stop words, or neither."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from sumy.nlp.stemmers import Stemmer, null_stemmer
from sumy.utils import get_stop_words

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
        return LanguageTools("neutral", null_stemmer, frozenset())
    return LanguageTools(name, Stemmer(name), frozenset(get_stop_words(name)))
