"""Turning the rules' findings on an uncurated source into published rows (``method = rule``).

A person or organization the gazetteer recognized points to the curated row
(only its mentions are added); any other gets a row of its own, whose id is a
slug of its name, shared by uncurated sources that name it alike.  Groups that
speak ("women", "police officers") are actors of type group, specific to their
source.  ``provenance`` is the id of the rule that produced the row.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..models import Actor, Event, Figure, Mention, Organization, Quote, Row, Source
from . import RuleResult


def slug(text: str, limit: int = 60) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    value = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:limit].strip("-")
    return value or "x"


@dataclass
class RuleRows:
    """Rows made from rule output, keyed by table; entity rows are shared across sources."""

    known_ids: dict[str, set[str]]  # table -> ids of curated rows
    tables: dict[str, dict[str, Row]] = field(default_factory=lambda: {t: {} for t in
                                               ("actors", "organizations", "events", "quotes", "figures", "mentions")})

    def entity_id(self, table: str, name: str, make) -> str:
        base = slug(name)
        candidate, n = base, 2
        while candidate in self.known_ids[table] or (candidate in self.tables[table] and
                                                       self.tables[table][candidate].name != name):
            candidate, n = f"{base}-{n}", n + 1
        if candidate not in self.tables[table]:
            self.tables[table][candidate] = make(candidate)
        return candidate

    def mention(self, source: Source, entity_type: str, entity_id: str, start: int, end: int, rule_id: str) -> None:
        mention_id = f"{source.source_id}:{start}-{end}:{entity_id}"
        self.tables["mentions"][mention_id] = Mention(
            mention_id=mention_id, source_id=source.source_id, entity_type=entity_type, **{f"{entity_type}_id": entity_id},
            text=source.text[start:end], char_start=start, char_end=end, method="rule", provenance=f"rule:{rule_id}")

    def add(self, source: Source, result: RuleResult) -> None:
        ids: dict[str, tuple[str, str]] = {}  # entity name -> (table, id)
        for entity in result.entities:
            table = "actors" if entity.kind == "person" else "organizations"
            if entity.known_id and entity.known_id in self.known_ids[table]:
                entity_id = entity.known_id
            elif table == "actors":
                entity_id = self.entity_id(table, entity.name, lambda i, e=entity: Actor(
                    actor_id=i, name=e.name, actor_type="person", role=e.role, aliases=e.aliases, method="rule",
                    provenance=f"rule:{e.mentions[0].rule_id}"))
            else:
                entity_id = self.entity_id(table, entity.name, lambda i, e=entity: Organization(
                    organization_id=i, name=e.name, aliases=e.aliases, org_type="other", method="rule",
                    provenance=f"rule:{e.mentions[0].rule_id}"))
            ids[entity.name] = (table, entity_id)
            for m in entity.mentions:
                self.mention(source, table[:-1], entity_id, m.start, m.end, m.rule_id)
        for n, quote in enumerate(result.quotes, 1):
            speaker_actor = speaker_org = None
            if quote.speaker and quote.speaker in ids:
                table, entity_id = ids[quote.speaker]
                speaker_actor, speaker_org = (entity_id, None) if table == "actors" else (None, entity_id)
            elif quote.speaker and quote.speaker_type == "organization":
                speaker_org = self.entity_id("organizations", quote.speaker, lambda i, q=quote: Organization(
                    organization_id=i, name=q.speaker, org_type="other", method="rule", provenance=f"rule:{q.speaker_rule}"))
            elif quote.speaker:
                label = f"{quote.speaker} ({source.source_id})"
                speaker_actor = self.entity_id("actors", label, lambda i, q=quote, label=label: Actor(
                    actor_id=i, name=label, actor_type="group" if q.speaker_type == "group" else "person",
                    method="rule", provenance=f"rule:{q.speaker_rule}"))
            quote_id = f"{source.source_id}-rq{n:03d}"
            self.tables["quotes"][quote_id] = Quote(
                quote_id=quote_id, source_id=source.source_id, text=quote.text, kind=quote.kind,
                speaker_actor_id=speaker_actor, speaker_organization_id=speaker_org, attribution=quote.cue,
                char_start=quote.start, char_end=quote.end, method="rule", provenance=f"rule:{quote.speaker_rule or 'quote-marks'}")
        for n, fig in enumerate(result.figures, 1):
            figure_id = f"{source.source_id}-rf{n:03d}"
            self.tables["figures"][figure_id] = Figure(
                figure_id=figure_id, source_id=source.source_id, surface=fig.surface, value=fig.value, qualifier=fig.qualifier,
                unit=fig.unit, counts=fig.counts or "unspecified", char_start=fig.start, char_end=fig.end,
                method="rule", provenance=f"rule:{fig.rule_id}")
        for n, event in enumerate(result.events, 1):
            event_id = f"{source.source_id}-{slug(event.event_type)}-{n}"
            note = f'rule: "{event.date_text}" resolved against the publication date' if event.date_text else (
                "rule: no date in the sentence; the publication date" if event.date else "rule: no date in the sentence")
            self.tables["events"][event_id] = Event(
                event_id=event_id, event_type=event.event_type, date=event.date, date_precision=event.date_precision,
                date_note=note, summary=event.sentence[:500] or event.trigger, method="rule", provenance=f"rule:{event.rule_id}")
            for start, end, _, rule_id in event.mentions:
                self.mention(source, "event", event_id, start, end, rule_id)
