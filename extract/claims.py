"""Where the reports agree and where they disagree: comparing claims across sources.

Two kinds of proposed relation (``method = rule``), made between claims of
*different* sources about events of the same type and date:

- **Figures**: claims resting on figures of the same unit and about the same
  quantity (same proposition, or counting the same thing) are compared as
  intervals, so qualifiers count: "some 5,000" (4,500–5,500) and "5,000" agree;
  "at least 8" and "4" cannot both hold.  Overlapping bounded intervals
  corroborate, disjoint ones contradict, and an open-ended or vague figure that
  fits the other qualifies it.
- **Polarity**: otherwise, two claims on the same event corroborate when both
  assert (or both deny) and contradict when one asserts what the other denies;
  only made where at least one claim is a rule claim, since curators relate
  their own claims by hand.

A pair a curator has already related is never proposed again.  A curator
confirms a proposal by copying it into ``claim_relations`` of an annotation file.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .models import Claim, ClaimRelation, Event, Figure

APPROXIMATE_MARGIN = 0.10
""""about 5,000" is taken as 5,000 ± 10 %."""

STOPWORDS = {"the", "a", "an", "of", "in", "on", "to", "from", "who", "which", "that", "and", "or", "for", "with", "by",
             "during", "its", "their", "his", "her", "other", "were", "was", "are", "is", "be"}


@dataclass(frozen=True)
class Interval:
    low: float
    high: float  # math.inf when open-ended
    low_open: bool = False

    @property
    def bounded(self) -> bool:
        return not math.isinf(self.high)

    def overlaps(self, other: "Interval") -> bool:
        low, high = max(self.low, other.low), min(self.high, other.high)
        if low < high:
            return True
        if low == high:
            return not ((self.low == low and self.low_open) or (other.low == low and other.low_open))
        return False


def interval(value: float | None, qualifier: str) -> Interval | None:
    """The values a figure allows; None for a vague quantity with no number ("many")."""
    if value is None:
        return None
    if qualifier == "exact":
        return Interval(value, value)
    if qualifier == "approximate":
        return Interval(value * (1 - APPROXIMATE_MARGIN), value * (1 + APPROXIMATE_MARGIN))
    if qualifier in ("at_least", "vague"):
        return Interval(value, math.inf)
    if qualifier == "more_than":
        return Interval(value, math.inf, low_open=True)
    if qualifier == "less_than":
        return Interval(0, value)
    raise ValueError(f"unknown qualifier {qualifier!r}")


def compare_quantities(a: tuple[float | None, str], b: tuple[float | None, str]) -> tuple[str, str]:
    """(relation, note) between two figures given as (value, qualifier)."""
    ia, ib = interval(*a), interval(*b)
    if ia is None or ib is None:
        return "qualifies", "one figure is a vague quantity without a number"
    if not ia.overlaps(ib):
        return "contradicts", "the figures cannot both be right"
    if ia.bounded and ib.bounded:
        return "corroborates", "the figures agree once their qualifiers are taken into account"
    return "qualifies", "the figures are compatible; one gives only a bound"


def content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if w not in STOPWORDS and len(w) > 2}


def same_quantity(a: Claim, b: Claim, fa: Figure, fb: Figure) -> bool:
    if fa.unit != fb.unit:
        return False
    return a.proposition == b.proposition or bool(content_words(fa.counts) & content_words(fb.counts))


def propose_relations(claims: list[Claim], figures: list[Figure], events: list[Event],
                      curated: list[ClaimRelation]) -> list[ClaimRelation]:
    """Relations proposed between claims of different sources (see the module docstring)."""
    figure_of = {f.figure_id: f for f in figures}
    event_key = {e.event_id: (e.event_type, e.date) for e in events}
    related = {frozenset((r.claim_id, r.other_claim_id)) for r in curated}
    proposed = []
    ordered = sorted(claims, key=lambda c: c.claim_id)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:]:
            if a.source_id == b.source_id or frozenset((a.claim_id, b.claim_id)) in related:
                continue
            if event_key.get(a.event_id) != event_key.get(b.event_id) or event_key.get(a.event_id) is None:
                continue
            fa, fb = figure_of.get(a.figure_id), figure_of.get(b.figure_id)
            if fa and fb:
                if not same_quantity(a, b, fa, fb):
                    continue
                relation, note = compare_quantities((fa.value, fa.qualifier), (fb.value, fb.qualifier))
                note = f'{note}: "{fa.surface}" ({a.source_id}) and "{fb.surface}" ({b.source_id})'
                rule = "rule:claims-figures"
            elif (fa or fb) or "rule" not in (a.method, b.method):
                continue
            else:
                relation = "corroborates" if a.polarity == b.polarity else "contradicts"
                note = f"same event type and date; {'both ' + a.polarity if a.polarity == b.polarity else 'one asserts what the other denies'}"
                rule = "rule:claims-polarity"
            proposed.append(ClaimRelation(relation_id=f"{a.claim_id}--{relation}--{b.claim_id}", claim_id=a.claim_id,
                                          other_claim_id=b.claim_id, relation=relation, note=note, method="rule", provenance=rule))
    return proposed
