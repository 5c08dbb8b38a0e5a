"""Scoring the rule-based extractors against the curated rows of the same source.

The rules run on every curated source with no gazetteer at all (``rules.build``),
so the curated names never help the rules find themselves and the scores measure
the rules alone.  Each measure counts curated items, rule items and matches;
precision, recall and F1 follow.  The definitions of the measures are in the
``score_measure`` vocabulary.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from .models import Actor, Organization, RuleScore
from .resolve import Dataset
from .rules import RuleResult, lexicon

QUOTED_KINDS = ("direct", "partial", "written")
OPENING_MARKS = '“«"„‘'


@dataclass
class Count:
    curated: int = 0
    extracted: int = 0
    matched: int = 0

    def add(self, other: Count) -> None:
        self.curated += other.curated
        self.extracted += other.extracted
        self.matched += other.matched


def normalize(name: str) -> str:
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return " ".join(re.findall(r"[a-z0-9@]+", name))


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """The spans share at least half of the shorter one."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and shared * 2 >= min(a[1] - a[0], b[1] - b[0])


def names_match(rule_name: str, curated_names: list[str]) -> bool:
    rule = normalize(rule_name)
    if not rule:
        return False
    rule_words = set(rule.split())
    for name in curated_names:
        known = normalize(name)
        if rule == known:
            return True
        known_words = set(known.split())
        if len(rule_words) >= 2 and (rule_words <= known_words or known_words <= rule_words) and len(known_words) >= 2:
            return True
    return False


def label_matches(rule_label: str, curated_names: list[str]) -> bool:
    """A group label is right when its words are all in the curated label ("women" in "women waiting outside")."""
    rule_words = set(normalize(rule_label).split())
    return bool(rule_words) and any(rule_words <= set(normalize(n).split()) for n in curated_names)


def match_pairs(curated: list, rules: list, same) -> list[tuple]:
    """Greedy one-to-one matching in text order."""
    pairs, used = [], set()
    for c in curated:
        for i, r in enumerate(rules):
            if i not in used and same(c, r):
                pairs.append((c, r))
                used.add(i)
                break
    return pairs


def entity_names(row) -> list[str]:
    return [row.name, *row.aliases]


def score_source(dataset: Dataset, source_id: str, result: RuleResult) -> dict[str, Count]:
    """Every measure of one curated source, each counted by its own step below."""
    curated = Curated.of(dataset, source_id)
    counts = score_quotes(curated, result)
    counts["figures"] = score_figures(curated, result)
    counts["persons"], counts["organizations"] = score_names(curated, result)
    counts["events"] = score_events(curated, result)
    return counts


@dataclass
class Curated:
    """The curated rows one source is scored against, with the entities they reference."""

    source_id: str
    actors: dict
    organizations: dict
    quotes: list
    figures: list
    mentions: list
    events: list

    @classmethod
    def of(cls, dataset: Dataset, source_id: str) -> Curated:
        def own(table):
            return [row for row in dataset.rows(table) if row.source_id == source_id]

        return cls(
            source_id=source_id,
            actors={a.actor_id: a for a in dataset.rows("actors")},
            organizations={o.organization_id: o for o in dataset.rows("organizations")},
            quotes=own("quotes"),
            figures=own("figures"),
            mentions=own("mentions"),
            events=list(dataset.rows("events")),
        )


def same_span(curated, rule) -> bool:
    return overlaps((curated.char_start, curated.char_end), (rule.start, rule.end))


def score_quotes(curated: Curated, result: RuleResult) -> dict[str, Count]:
    """Quotations inside quotation marks (what the rules look for), those of 3+ words, and their speakers."""
    quotes = [
        q
        for q in curated.quotes
        if q.kind in QUOTED_KINDS and result.text[max(0, q.char_start - 1) : q.char_start] in OPENING_MARKS
    ]
    pairs = match_pairs(quotes, result.quotes, same_span)
    long_quotes = [q for q in quotes if len(q.text.split()) >= 3]
    long_rule_quotes = [q for q in result.quotes if len(q.text.split()) >= 3]
    right = sum(speaker_right(curated, c, r) for c, r in pairs)
    return {
        "quotes": Count(len(quotes), len(result.quotes), len(pairs)),
        "quotes_3plus": Count(
            len(long_quotes), len(long_rule_quotes), len(match_pairs(long_quotes, long_rule_quotes, same_span))
        ),
        "speakers": Count(len(pairs), len(pairs), right),
    }


def speaker_right(curated: Curated, quote, rule_quote) -> bool:
    """The rules' speaker names the curated speaker (a group label is right when its words are in the curated one)."""
    speaker = curated.actors.get(quote.speaker_actor_id) or curated.organizations.get(quote.speaker_organization_id)
    if not (speaker and rule_quote.speaker):
        return False
    names = entity_names(speaker)
    return names_match(rule_quote.speaker, names) or (
        rule_quote.speaker_type == "group" and label_matches(rule_quote.speaker, names)
    )


def score_figures(curated: Curated, result: RuleResult) -> Count:
    """A figure matches when the spans overlap and the value is the same."""

    def same_figure(c, r):
        return same_span(c, r) and c.value == r.value

    return Count(
        len(curated.figures), len(result.figures), len(match_pairs(curated.figures, result.figures, same_figure))
    )


def score_names(curated: Curated, result: RuleResult) -> tuple[Count, Count]:
    """Persons and organizations per document: the entities the source names by a proper name."""
    actors, organizations = curated.actors, curated.organizations
    person_ids = {
        m.actor_id
        for m in curated.mentions
        if m.actor_id
        and actors[m.actor_id].actor_type == "person"
        and is_named(m.text, entity_names(actors[m.actor_id]))
    }
    org_ids = {
        m.organization_id
        for m in curated.mentions
        if m.organization_id and is_named(m.text, entity_names(organizations[m.organization_id]))
    }
    return (
        entity_count([actors[i] for i in sorted(person_ids)], result.persons),
        entity_count([organizations[i] for i in sorted(org_ids)], result.organizations),
    )


def score_events(curated: Curated, result: RuleResult) -> Count:
    """Event types (type and sub-event type) the source reports, as sets."""
    event_ids = {m.event_id for m in curated.mentions if m.event_id}
    curated_types = {(e.event_type, e.sub_event_type) for e in curated.events if e.event_id in event_ids}
    rule_types = {(e.event_type, e.sub_event_type) for e in result.events}
    return Count(len(curated_types), len(rule_types), len(curated_types & rule_types))


@cache
def lowercase_name_words() -> frozenset[str]:
    """Words a proper name may write in lower case: name particles ("de", "van") and the small words of titled
    names ("of", "the", "and"), from the names lexicon the rules read."""
    words = lexicon.names()
    return frozenset(w.lower() for w in [*words.particles, *words.headline_small_words])


def is_named(text: str, names: list[str]) -> bool:
    """A mention that is a proper name of the entity: its name or an alias, written as a name
    (every word capitalized but particles, or an acronym): "Carlos Nieto", "OVP", not "the police"."""
    if normalize(text) not in {normalize(n) for n in names}:
        return False
    words = text.split()
    if len(words) == 1:
        return len(words[0]) >= 2 and words[0].isupper()
    return all(w[0].isupper() for w in words if w.lower() not in lowercase_name_words())


def entity_count(curated: list[Actor | Organization], found) -> Count:
    pairs = match_pairs(curated, found, lambda c, r: any(names_match(n, entity_names(c)) for n in [r.name, *r.aliases]))
    return Count(len(curated), len(found), len(pairs))


def ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def score_rows(per_source: dict[str, dict[str, Count]]) -> list[RuleScore]:
    rows, totals = [], {}
    for source_id, counts in sorted(per_source.items()):
        for measure, count in counts.items():
            rows.append(score_row(source_id, measure, count))
            totals.setdefault(measure, Count()).add(count)
    rows += [score_row(None, measure, count) for measure, count in totals.items()]
    return sorted(rows, key=lambda r: r.score_id)


def score_row(source_id: str | None, measure: str, count: Count) -> RuleScore:
    precision, recall = ratio(count.matched, count.extracted), ratio(count.matched, count.curated)
    f1 = (
        round(2 * precision * recall / (precision + recall), 4)
        if precision and recall
        else (0.0 if precision is not None and recall is not None else None)
    )
    return RuleScore(
        score_id=f"{source_id or 'all'}--{measure}",
        source_id=source_id,
        measure=measure,
        curated=count.curated,
        extracted=count.extracted,
        matched=count.matched,
        precision=precision,
        recall=recall,
        f1=f1,
    )
