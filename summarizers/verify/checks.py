"""The checks of one summary sentence against its article and evidence sentences.

Each check counts what it finds (the counts are the fitted model's features) and names it (the
problems shown to people). A few findings are hard failures that no score can outweigh: a
quote the article does not contain, a number (in digits) or a capitalised name or date the
article never writes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from summarizers.verify.align import Alignment
from summarizers.verify.reference import MAX_NGRAM, ArticleIndex, counted_by
from summarizers.verify.tokens import Token, quoted_spans, tokenize

ROLE_REACH = 8  # most words from one name to the next for their order to be read
NEGATION_REACH = 3  # words either side of a negation that it bears on
HARD_KINDS = frozenset(
    {
        "invented quote",
        "number not in article",
        "name not in article",
        "names joined",
        "date not in article",
    }
)


@dataclass(frozen=True)
class Problem:
    """One finding: `kind` in a few words, `detail` for people."""

    kind: str
    detail: str

    @property
    def hard(self) -> bool:
        """A failure no score or judge can pass."""
        return self.kind in HARD_KINDS


@dataclass
class Findings:
    """Counts by check name, and the problems named."""

    counts: dict[str, float] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def add(self, name: str, value: float = 1.0) -> None:
        self.counts[name] = self.counts.get(name, 0.0) + value

    def problem(self, kind: str, detail: str) -> None:
        if all(p.detail != detail for p in self.problems):
            self.problems.append(Problem(kind, detail))


def run_checks(
    text: str, tokens: list[Token], alignment: Alignment, index: ArticleIndex, cased: bool
) -> Findings:
    """Every check of one summary sentence; `cased` says the summary uses capitals at all."""
    found = Findings()
    evidence = [index.sentences[i] for i in alignment.evidence]
    evidence_keys = frozenset().union(*(s.keys for s in evidence)) if evidence else frozenset()
    _words(tokens, index, evidence_keys, found)
    _names(tokens, index, alignment, cased, found)
    _numbers(tokens, index, evidence_keys, found)
    _quotes(text, index, found)
    if evidence:
        _polarity(tokens, evidence[0].tokens, [t for s in evidence for t in s.tokens], index, found)
        _order(tokens, evidence[0].tokens, index, found)
    return found


def _words(
    tokens: list[Token], index: ArticleIndex, evidence_keys: frozenset[str], found: Findings
) -> None:
    content = [t for t in tokens if t.content]
    novel = [t for t in content if t.key not in index.keys]
    found.add("content", len(content))
    found.add("novel", len(novel))
    found.add("off_evidence", sum(t.key not in evidence_keys for t in content))
    if novel:
        listed = ", ".join(dict.fromkeys(t.text for t in novel))
        found.problem("words not in article", f"the article never uses: {listed}")


def _is_name(token: Token, position: int, index: ArticleIndex, cased: bool) -> bool:
    if token.kind != "word" or token.stop:
        return False
    lower = token.text.lower()
    if lower in index.rules.months or lower in index.rules.weekdays:
        return False
    if cased and token.capital and position > 0:
        return True
    return token.key in index.name_keys and (token.capital or not cased)


def mentions(tokens: list[Token], index: ArticleIndex, cased: bool) -> list[list[Token]]:
    """The runs of name words: each run is one mention ("Jurgen Klopp")."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    for position, token in enumerate(tokens):
        if _is_name(token, position, index, cased):
            if token.gap and current:
                runs.append(current)
                current = []
            current.append(token)
            continue
        if current:
            runs.append(current)
        current = []
    if current:
        runs.append(current)
    return runs


def _written(keys: tuple[str, ...], index: ArticleIndex) -> set[int] | None:
    """The sentences holding `keys` as one run (None if none); long runs pair by pair."""
    if len(keys) <= MAX_NGRAM:
        return index.ngrams.get(keys)
    pairs = [index.ngrams.get(pair) for pair in pairwise(keys)]
    if any(p is None for p in pairs):
        return None
    return set().union(*(p for p in pairs if p is not None))


def _written_in_parts(run: list[Token], index: ArticleIndex) -> set[int] | None:
    """Like `_written`, cutting the run beside each variant ("Indian | PM | Narendra Modi"):
    a demonym or a title before a name is no part of it."""
    parts: list[list[Token]] = [[]]
    for token in run:
        if token.key.startswith("="):
            parts += [[token], []]
        else:
            parts[-1].append(token)
    found: set[int] = set()
    for part in filter(None, parts):
        where = _written(tuple(t.key for t in part), index)
        if where is None:
            return None
        found |= where
    return found


def _names(
    tokens: list[Token], index: ArticleIndex, alignment: Alignment, cased: bool, found: Findings
) -> None:
    for run in mentions(tokens, index, cased):
        keys = tuple(t.key for t in run)
        name = " ".join(t.text for t in run)
        found.add("names")
        novel = [t for t in run if t.key not in index.keys]
        if novel:
            found.add("names_novel")
            if any(t.capital for t in novel):
                found.problem("name not in article", f'the article never names "{name}"')
            continue
        where = _written(keys, index)
        if where is None and len(run) > 1:
            where = _written_in_parts(run, index)
        if where is None:
            found.add("names_joined")
            found.problem("names joined", f'the article never writes "{name}" as one name')
        elif not where & set(alignment.evidence):
            found.add("names_off_evidence")
    for position, token in enumerate(tokens):
        lower = token.text.lower()
        if (
            position
            and token.capital
            and (lower in index.rules.months or lower in index.rules.weekdays)
        ):
            found.add("dates")
            if token.key not in index.keys:
                found.add("dates_novel")
                found.problem("date not in article", f'the article never gives "{token.text}"')


def _numbers(
    tokens: list[Token], index: ArticleIndex, evidence_keys: frozenset[str], found: Findings
) -> None:
    for position, token in enumerate(tokens):
        if token.kind != "number":
            continue
        digits = token.text[:1].isdigit()
        found.add("numbers")
        if token.key not in index.keys:
            found.add("numbers_novel")
            if digits:
                found.problem("number not in article", f"the article never gives {token.text}")
            continue
        if token.key not in evidence_keys:
            found.add("numbers_off_evidence")
        # What the sentence's number counts: the word right after it ("12 routes").
        counts = counted_by(tokens, position, reach=1)
        known = index.counted.get(token.key, set())
        if counts and known and not counts & known:
            found.add("numbers_miscounted")
            found.problem(
                "number counts something else",
                f"the article's {token.text} does not count "
                + " ".join(t.text for t in tokens[position + 1 : position + 3]),
            )


def _quotes(text: str, index: ArticleIndex, found: Findings) -> None:
    for quoted in quoted_spans(text):
        words = [t.text.lower() for t in tokenize(quoted, index.rules)]
        if words and " ".join(words) not in index.flat:
            found.add("quotes_invented")
            found.problem("invented quote", f'the article never says "{quoted.strip()}"')


def _negated(
    tokens: list[Token], words: frozenset[str], near: frozenset[str] | None = None
) -> bool:
    """Whether a negation occurs (with `near`: within a few words of one of those keys)."""
    for i, token in enumerate(tokens):
        if token.text.lower() not in words:
            continue
        window = tokens[max(0, i - NEGATION_REACH) : i + NEGATION_REACH + 1]
        if near is None or any(t.content and t.key in near for t in window):
            return True
    return False


def _polarity(
    tokens: list[Token],
    top: list[Token],
    evidence: list[Token],
    index: ArticleIndex,
    found: Findings,
) -> None:
    rules = index.rules
    keys = frozenset(t.key for t in tokens if t.content)
    said = _negated(tokens, rules.negations)
    # The article's negation counts only where it bears on words the sentence repeats.
    stated = _negated(top, rules.negations, keys)
    if said and not _negated(evidence, rules.negations):
        found.add("negation_added")
        found.problem("negation", "the sentence negates what the article states")
    if stated and not said:
        found.add("negation_dropped")
        found.problem("negation", "the article negates what the sentence states")
    allowed = {t.text.lower() for t in evidence}
    added = [t.text for t in tokens if t.text.lower() in rules.modals - allowed]
    if added:
        found.add("modality_added", len(added))
        found.problem("modality", f"the article does not hedge as {', '.join(added)} does")
    dropped = {t.text.lower() for t in top} & rules.modals - {t.text.lower() for t in tokens}
    found.add("modality_dropped", len(dropped))


def _passive_verbs(tokens: list[Token], index: ArticleIndex, reach: int = 6) -> set[int]:
    """Positions of passive participles: a word after an auxiliary, an agent word following
    ("was beaten by", "were arrested ... by")."""
    lowers = [t.text.lower() for t in tokens]
    out = set()
    for a, word in enumerate(lowers):
        if word not in index.rules.passive:
            continue
        verb = next((i for i in range(a + 1, min(a + 3, len(tokens))) if tokens[i].content), None)
        if verb is not None and any(w in index.rules.agent for w in lowers[verb + 1 : a + reach]):
            out.add(verb)
    return out


def _first(keys: tuple[str, ...], tokens: list[Token]) -> int:
    seq = [t.key for t in tokens]
    for i in range(len(seq) - len(keys) + 1):
        if tuple(seq[i : i + len(keys)]) == keys:
            return i
    return -1


def _order(tokens: list[Token], top: list[Token], index: ArticleIndex, found: Findings) -> None:
    """Who did what to whom: the words around each verb in the order the evidence has them.

    A word between two others in both texts (the verb) makes their order a claim: "X beat Y"
    against "Y beat X". Where one text is passive and the other not, only the passive verb's
    neighbours are read, and they must be the other way round ("Y was beaten by X").
    """
    here, there = _passive_verbs(tokens, index), _passive_verbs(top, index)
    flipped = bool(here) != bool(there)
    found.add("voice_differs", float(flipped))
    where: dict[str, int] = {}
    for i, t in enumerate(top):
        if t.content:
            where.setdefault(t.key, i)
    # The sentence's words the evidence has: (word, position here, position there).
    matched = [(t, i, where[t.key]) for i, t in enumerate(tokens) if t.content and t.key in where]
    for (a, sa, ea), (v, sv, ev), (b, sb, eb) in zip(
        matched, matched[1:], matched[2:], strict=False
    ):
        if max(sb - sa, abs(eb - ea)) > ROLE_REACH or a.key in (v.key, b.key):
            continue
        if not min(ea, eb) < ev < max(ea, eb):
            continue
        if flipped and sv not in here and ev not in there:
            continue
        if (ea > eb) != flipped:
            found.add("roles_swapped")
            found.problem(
                "roles swapped",
                f'the article has "{a.text}" and "{b.text}" the other way round about "{v.text}"',
            )
