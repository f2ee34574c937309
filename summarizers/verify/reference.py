"""What an article says, indexed once for checking many summaries against it."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from summarizers.language import detect_language
from summarizers.sentences import split_sentences
from summarizers.verify.rules import LanguageRules, rules_for
from summarizers.verify.tokens import Token, mend, tokenize

MAX_NGRAM = 4  # longest name or phrase looked up as one run of the article


@dataclass(frozen=True)
class ArticleSentence:
    """One article sentence and its tokens."""

    text: str
    tokens: list[Token]

    @cached_property
    def keys(self) -> frozenset[str]:
        return frozenset(t.key for t in self.tokens if t.kind != "symbol")


class ArticleIndex:
    """The article's sentences, keys, n-grams and how it writes each word."""

    def __init__(self, text: str, language: str | None = None, facts: Sequence[str] = ()) -> None:
        """Index `text`; `facts` (headline, byline, date) count as written but are no evidence."""
        # The article's own text, unmended: evidence indices are those of the pipeline's split.
        self.text = text
        self.language = language or detect_language(self.text) or "en"
        self.rules: LanguageRules = rules_for(self.language)
        self.sentences = [
            ArticleSentence(s.text, tokenize(s.text, self.rules))
            for s in split_sentences(self.text, self.language)
        ]
        self.keys: set[str] = set()
        self.ngrams: dict[tuple[str, ...], set[int]] = defaultdict(set)
        capital: Counter[str] = Counter()
        seen: Counter[str] = Counter()
        df: Counter[str] = Counter()
        opening: Counter[str] = Counter()  # capitalised words that open a sentence
        # Numbers with the content words that follow them: what each number counts.
        self.counted: dict[str, set[str]] = defaultdict(set)
        for index, sentence in enumerate(self.sentences):
            keys = [t.key for t in sentence.tokens]
            self.keys |= sentence.keys
            df.update(sentence.keys)
            for n in range(1, MAX_NGRAM + 1):
                for start in range(len(keys) - n + 1):
                    self.ngrams[tuple(keys[start : start + n])].add(index)
            for position, token in enumerate(sentence.tokens):
                if token.kind == "word" and position > 0:
                    seen[token.key] += 1
                    capital[token.key] += token.capital
                elif token.kind == "word" and token.capital and not token.stop:
                    opening[token.key] += 1
                if token.kind == "number":
                    self.counted[token.key] |= counted_by(sentence.tokens, position)
        for fact in facts:
            tokens = tokenize(mend(fact), self.rules)
            keys = [t.key for t in tokens]
            self.keys |= {t.key for t in tokens if t.kind != "symbol"}
            for n in range(1, MAX_NGRAM + 1):
                for start in range(len(keys) - n + 1):
                    self.ngrams.setdefault(tuple(keys[start : start + n]), set())
        # Every word as written, lower-cased, for verbatim quotes.
        self.flat = " ".join(t.text.lower() for s in self.sentences for t in s.tokens)
        # A name: capitalised in most places where capitals are not owed to a sentence start;
        # a word only ever seen opening a sentence ("Jurgen Klopp will ...") counts too.
        self.name_keys = frozenset(
            [k for k, n in seen.items() if capital[k] * 2 > n]
            + [k for k in opening if k not in seen]
        )
        total = max(len(self.sentences), 1)
        self.idf = {k: math.log(1 + total / n) for k, n in df.items()}

    @cached_property
    def sequences(self) -> list[list[str]]:
        """Each sentence's keys in order, symbols left out (what copied runs are read from)."""
        return [content_keys(s.tokens) for s in self.sentences]

    @cached_property
    def positions(self) -> dict[str, list[tuple[int, int]]]:
        """Where each key occurs: (sentence, position in its `sequences` row)."""
        where: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for s, keys in enumerate(self.sequences):
            for j, key in enumerate(keys):
                where[key].append((s, j))
        return dict(where)

    def weight(self, key: str) -> float:
        """How much a key says: rare in the article says more; absent, most."""
        return self.idf.get(key, math.log(1 + max(len(self.sentences), 1)))


def content_keys(tokens: Sequence[Token]) -> list[str]:
    """The keys of words and numbers in order (symbols left out)."""
    return [t.key for t in tokens if t.kind != "symbol"]


def counted_by(tokens: list[Token], position: int, reach: int = 3) -> set[str]:
    """The content words within `reach` after the number at `position` (what it counts)."""
    out = set()
    for token in tokens[position + 1 : position + 1 + reach]:
        if token.kind == "number":
            break
        if token.content:
            out.add(token.key)
    return out
