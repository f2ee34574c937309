"""Candidate speakers of each quote with general features, for the fitted ranker's trial.

`speakers.Attributor`'s rules propose one speaker per quote (or none, `Attributor.decisions`);
the names near the quote, and the previous quote's speaker, are the other candidates. Each
candidate gets general features (is it the rules' pick and by which strategy, is it the subject
of a verb of saying, how far from the quote, is it a person, an organisation or a place, does
it agree with the pronoun's gender ...). `bench/quotes_fit.py` fits a logistic ranker over them
and compares it with the rules; the ranker is not in the pipeline (see its module note).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from summarizers.quotes.gender import first_name_gender
from summarizers.quotes.lexicon import PREPOSITIONS, SPEECH_VERBS
from summarizers.quotes.names import Mention
from summarizers.quotes.spans import Span
from summarizers.quotes.speakers import STRATEGIES, Attributor, Decision

# How far before and after a quote (in characters, within its paragraphs) names are candidates.
_REACH_BEFORE = 400
_REACH_AFTER = 250
# How many words after a verb of saying a name counts as its inverted subject ("said X").
_INVERTED_REACH = 3


@dataclass(frozen=True)
class Candidate:
    """One possible speaker of a quote (its fullest name) and its features."""

    speaker: str
    features: dict[str, float]


class CandidateFinder(Attributor):
    """The candidate speakers of each quote span, with their features."""

    def __init__(self, text: str, spans: list[Span], language: str | None) -> None:
        super().__init__(text, spans, language)
        self._counts: dict[str, int] | None = None

    def candidates(self) -> list[list[Candidate]]:
        """The candidate speakers of each span, in order (the rules' pick first)."""
        decisions = self.decisions()
        found: list[list[Candidate]] = []
        previous: Decision | None = None
        for span, decision in zip(self.spans, decisions, strict=True):
            if span.continued and found:
                found.append(found[-1])
                continue
            found.append(self._candidates(span, decision, previous))
            if self._is_long(span):
                previous = decision
        return found

    def _candidates(
        self, span: Span, decision: Decision, previous: Decision | None
    ) -> list[Candidate]:
        by_name: dict[str, list[Mention]] = {}
        start = max(self._paragraph_start(span.mark_start, 1), span.mark_start - _REACH_BEFORE)
        paragraph_end = self.text.find("\n", span.mark_end)
        end = min(
            span.mark_end + _REACH_AFTER,
            paragraph_end if paragraph_end >= 0 else len(self.text),
        )
        for mention in self.names.between(start, end):
            if span.mark_start <= mention.start < span.mark_end or self._quoted(mention.start):
                continue
            by_name.setdefault(self.names.fullest(mention), []).append(mention)
        rule = decision.speaker
        if rule is not None and rule not in by_name:
            by_name[rule] = [decision.mention] if decision.mention is not None else []
        last = previous.speaker if previous is not None else None
        if last is not None and last not in by_name and previous is not None:
            by_name[last] = [previous.mention] if previous.mention is not None else []
        found = [
            Candidate(name, self._features(name, mentions, span, decision, last))
            for name, mentions in by_name.items()
        ]
        # How many candidates stand nearer the quote (0 for the nearest).
        order = sorted(found, key=lambda c: c.features.get("distance", math.inf))
        for rank, candidate in enumerate(order):
            candidate.features["rank"] = float(min(rank, 5))
        return found

    def _features(
        self,
        name: str,
        mentions: list[Mention],
        span: Span,
        decision: Decision,
        last: str | None,
    ) -> dict[str, float]:
        is_rule = name == decision.speaker
        features: dict[str, float] = {
            "rule": float(is_rule),
            "previous": float(name == last),
            "mentions": float(len(mentions)),
        }
        if is_rule:
            features[f"rule_{decision.strategy}"] = 1.0
            if decision.pronoun:
                features["rule_pronoun"] = 1.0
            if decision.role:
                features["rule_role"] = 1.0
        mention: Mention | None
        near = [m for m in mentions if m.start < span.mark_start or m.start >= span.mark_end]
        if near:
            nearest = min(near, key=lambda m: self._distance(m, span))
            features["distance"] = math.log1p(self._distance(nearest, span))
            features["after"] = float(nearest.start >= span.mark_end)
            features["subject"] = float(any(self._is_subject(m) for m in near))
            features["speaks"] = float(any(self._speaks(m) for m in near))
            features["inverted"] = float(any(self._after_verb(m) for m in near))
            features["object"] = float(all(self._after_preposition(m) for m in near))
            features["reported"] = float(all(self._reported(m) for m in near))
            here = self._sentence_at(span.mark_start)
            features["same_sentence"] = float(any(self._sentence_at(m.start) == here for m in near))
            mention = nearest
        else:
            features["far"] = 1.0
            mention = decision.mention
        features["prominence"] = math.log1p(self._count(name))
        if mention is not None:
            features["person"] = float(self.names.is_person(mention))
            features["organisation"] = float(self.names.is_organisation(mention))
            features["place"] = float(self.names.is_place(mention))
            features["titled"] = float(bool(mention.titles or mention.ranks))
            features["lower"] = float(
                len(mention.core) == 1 and self.names.written_lower(mention.core[0])
            )
        words = name.split()
        features["words"] = float(min(len(words), 4))
        features["first_name"] = float(len(words) > 1 and first_name_gender(words[0]) is not None)
        features["all_caps"] = float(all(w.isupper() and len(w) > 1 for w in words))
        if decision.pronoun_gender is not None:
            known = self.genders.get(name)
            features["gender_agrees"] = float(known == decision.pronoun_gender)
            features["gender_differs"] = float(
                known is not None and known != decision.pronoun_gender
            )
        if is_rule:
            for feature in ("person", "organisation", "place", "lower", "far", "distance"):
                if feature in features:
                    features[f"rule_x_{feature}"] = features[feature]
        return features

    def _count(self, name: str) -> int:
        """How often the text names this person or body (in any form)."""
        if self._counts is None:
            counts: dict[str, int] = {}
            for mention in self.names.mentions:
                fullest = self.names.fullest(mention)
                counts[fullest] = counts.get(fullest, 0) + 1
            self._counts = counts
        return self._counts.get(name, 0)

    def _distance(self, mention: Mention, span: Span) -> int:
        if mention.start >= span.mark_end:
            return mention.start - span.mark_end
        return max(0, span.mark_start - mention.end)

    def _after_verb(self, mention: Mention) -> bool:
        """Does a verb of saying stand just before the name ("said Senator X")?"""
        before = self.text[max(0, mention.start - 40) : mention.start].split()
        return any(w.lower().strip(",.:;") in SPEECH_VERBS for w in before[-_INVERTED_REACH:])

    def _after_preposition(self, mention: Mention) -> bool:
        before = self.text[max(0, mention.start - 20) : mention.start].split()
        return bool(before) and before[-1].lower() in PREPOSITIONS


FEATURES = (
    "rule",
    "previous",
    "mentions",
    *(f"rule_{s}" for s in STRATEGIES),
    "rule_pronoun",
    "rule_role",
    "distance",
    "after",
    "subject",
    "speaks",
    "inverted",
    "object",
    "reported",
    "same_sentence",
    "far",
    "person",
    "organisation",
    "place",
    "titled",
    "lower",
    "words",
    "first_name",
    "all_caps",
    "gender_agrees",
    "gender_differs",
    "rank",
    "prominence",
    *(f"rule_x_{f}" for f in ("person", "organisation", "place", "lower", "far", "distance")),
)
