"""What ``analyze`` returns, in a module that imports no rule and no spaCy.

Rule results are pickled into the rule cache and sent back from the workers that analyze articles; unpickling
one imports the module that defines each of its classes.  Defined here (and re-exported by the modules that make
them: ``names``, ``quotes``, ``figures``, ``events``), they unpickle in a build that analyzes nothing without
loading spaCy and the rule modules (about 0.8 s of a one-article build at 2,000 articles).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class Mention:
    start: int
    end: int
    text: str
    rule_id: str


@dataclass
class Entity:
    kind: str  # person | organization
    name: str
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    known_id: str | None = None  # id of a curated entity the gazetteer matched

    def as_json(self) -> dict:
        return {
            "name": self.name,
            "aliases": self.aliases,
            "role": self.role,
            "known_id": self.known_id,
            "mentions": [
                {"text": m.text, "char_start": m.start, "char_end": m.end, "rule_id": m.rule_id} for m in self.mentions
            ],
        }


@dataclass
class Quotation:
    start: int
    end: int
    open_mark: int
    close_mark: int
    continues: bool = False  # runs on into the next paragraph
    continued: bool = False  # continues a quotation from the previous paragraph
    text: str = ""
    kind: str = "direct"
    cue: str | None = None
    cue_id: str | None = None
    speaker: str | None = None
    speaker_type: str | None = None
    speaker_rule: str | None = None
    known_id: str | None = None

    def as_json(self) -> dict:
        return {
            "text": self.text,
            "speaker": self.speaker,
            "speaker_type": self.speaker_type,
            "known_id": self.known_id,
            "cue": self.cue,
            "kind": self.kind,
            "char_start": self.start,
            "char_end": self.end,
            "rule_id": self.speaker_rule,
            "cue_id": self.cue_id,
        }


@dataclass
class FigureHit:
    start: int
    end: int
    surface: str
    value: float | None
    qualifier: str
    unit: str
    counts: str | None
    rule_id: str
    value_max: float | None = None
    about: str | None = None
    cents_of: frozenset[str] = frozenset()  # not published: a subunit's possible currencies (its sentence decides)
    shared_of: frozenset[str] = frozenset()  # not published: a shared sign's currencies ("K"; its sentence decides)

    def as_json(self) -> dict:
        out = {
            "surface": self.surface,
            "value": self.value,
            "qualifier": self.qualifier,
            "unit": self.unit,
            "counts": self.counts,
            "char_start": self.start,
            "char_end": self.end,
            "rule_id": self.rule_id,
        }
        if self.value_max is not None:
            out["value_max"] = self.value_max
        if self.about:
            out["about"] = self.about
        return out


@dataclass
class EventHit:
    event_type: str
    trigger: str
    start: int
    end: int
    rule_id: str
    date: dt.date | None
    date_precision: str
    date_text: str | None
    sentence: str
    sentence_start: int = 0
    sentence_end: int = 0
    mentions: list[tuple[int, int, str, str]] = field(default_factory=list)
    sub_event_type: str | None = None
    context: dict[str, str] = field(default_factory=dict)  # role -> the sentence's word that filled it

    def as_json(self) -> dict:
        return {
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "trigger": self.trigger,
            "char_start": self.start,
            "char_end": self.end,
            "rule_id": self.rule_id,
            "context": self.context,
            "date": self.date.isoformat() if self.date else None,
            "date_precision": self.date_precision,
            "date_text": self.date_text,
            "sentence": self.sentence,
            "mentions": [{"text": t, "char_start": s, "char_end": e, "rule_id": r} for s, e, t, r in self.mentions],
        }


@dataclass
class RuleResult:
    text: str
    published: dt.date | None
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quotation] = field(default_factory=list)
    figures: list[FigureHit] = field(default_factory=list)
    events: list[EventHit] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)

    @property
    def persons(self) -> list[Entity]:
        return [e for e in self.entities if e.kind == "person"]

    @property
    def organizations(self) -> list[Entity]:
        return [e for e in self.entities if e.kind == "organization"]

    def as_json(self) -> dict:
        return {
            "quotes": [q.as_json() for q in self.quotes],
            "figures": [f.as_json() for f in self.figures],
            "persons": [p.as_json() for p in self.persons],
            "organizations": [o.as_json() for o in self.organizations],
            "events": [e.as_json() for e in self.events],
            "warnings": self.warnings,
        }
