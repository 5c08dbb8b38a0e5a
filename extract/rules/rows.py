"""Turning the rules' findings on an uncurated source into published rows (``method = rule``).

A person or organization the gazetteer recognized points to the curated row
(only its mentions are added); any other gets a row of its own, whose id is a
slug of its name, shared by uncurated sources that name it alike.  Groups that
speak ("women", "police officers") are actors of type group, specific to their
source.  ``provenance`` is the id of the rule that produced the row.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from slugify import slugify

from ..models import Actor, Claim, Event, Figure, Mention, Organization, Quote, Row, Source
from . import RuleResult, lexicon


@lru_cache(maxsize=1 << 16)  # python-slugify costs about 50 µs a call; a corpus repeats its names and event types
def slug(text: str, limit: int = 60) -> str:
    """``text`` as an id: python-slugify's (ASCII transliteration, lower case, hyphens), at most ``limit`` long."""
    return slugify(text, max_length=limit) or "x"


RULE_TABLES = ("actors", "organizations", "events", "quotes", "figures", "mentions", "claims")
"""The tables the rules add rows to (entities shared across sources, then each source's own rows)."""


class RecordingTable(dict):
    """A table of ``RuleRows``: a dict that, while a source is being made, records each row written into it."""

    log: list | None = None

    def __setitem__(self, key, value) -> None:
        if self.log is not None:
            self.log.append((self.name, key, value))
        super().__setitem__(key, value)


def recording_tables() -> dict[str, RecordingTable]:
    tables = {}
    for table in RULE_TABLES:
        tables[table] = RecordingTable()
        tables[table].name = table
    return tables


@dataclass(frozen=True)
class Made:
    """What making one source's rows did, to be done again without its rule result (``RuleRows.replay``): each
    ``entity_id`` call (table, name, the id it gave, the row it created or None) and every row written, in order."""

    entities: tuple[tuple[str, str, str, Row | None], ...]
    writes: tuple[tuple[str, str, Row], ...]

    def __reduce__(self):
        """Pickled with each row as its class and state (what pydantic's own ``__getstate__`` gives): unpickling
        these was about 8 times faster than unpickling the models themselves, at 75,000 rows."""
        return made_from_states, (
            tuple((t, n, i, None if r is None else row_state(r)) for t, n, i, r in self.entities),
            tuple((t, k, row_state(r)) for t, k, r in self.writes),
        )


STATE = ("__dict__", "__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__")
"""A pydantic model's whole state, as its ``__getstate__`` and ``__setstate__`` see it."""


def row_state(row: Row) -> tuple:
    return (type(row), *(getattr(row, name) for name in STATE))


def row_from_state(state: tuple) -> Row:
    """The row of ``row_state``, set as pydantic's ``__setstate__`` sets it (no validation: it was valid)."""
    cls, *values = state
    row = cls.__new__(cls)
    for name, value in zip(STATE, values, strict=True):
        object.__setattr__(row, name, value)
    return row


def made_from_states(entities: tuple, writes: tuple) -> Made:
    return Made(
        tuple((t, n, i, None if s is None else row_from_state(s)) for t, n, i, s in entities),
        tuple((t, k, row_from_state(s)) for t, k, s in writes),
    )


@dataclass
class RuleRows:
    """Rows made from rule output, keyed by table; entity rows are shared across sources."""

    known_ids: dict[str, set[str]]  # table -> ids of curated rows
    tables: dict[str, dict[str, Row]] = field(default_factory=recording_tables)
    calls: list | None = None  # the entity_id calls of the source being made

    def candidate(self, table: str, name: str, created: dict | None = None) -> str:
        """The id ``entity_id`` gives ``name``: its slug, numbered past curated ids and other names' rows
        (``created``: rows a replay is about to add)."""
        base = slug(name)
        candidate, n = base, 2
        while candidate in self.known_ids[table] or self.taken(table, candidate, name, created or {}):
            candidate, n = f"{base}-{n}", n + 1
        return candidate

    def taken(self, table: str, candidate: str, name: str, created: dict) -> bool:
        row = created.get((table, candidate)) or self.tables[table].get(candidate)
        return row is not None and row.name != name

    def entity_id(self, table: str, name: str, make) -> str:
        candidate = self.candidate(table, name)
        made = None
        if candidate not in self.tables[table]:
            made = make(candidate)
            dict.__setitem__(self.tables[table], candidate, made)  # recorded in ``calls``, not as a write
        if self.calls is not None:
            self.calls.append((table, name, candidate, made))
        return candidate

    def replay(self, made: Made) -> bool:
        """Write the rows of ``made`` when every entity id comes out as it did (the same slugs taken, by the
        same names): then making the source again would write exactly these rows.  False, writing nothing,
        when an id differs or a row must be created that the source did not create then."""
        created: dict[tuple[str, str], Row] = {}
        for table, name, expected, row in made.entities:
            if self.candidate(table, name, created) != expected:
                return False
            if expected not in self.tables[table] and (table, expected) not in created:
                if row is None:
                    return False
                created[(table, expected)] = row
        for (table, entity_id), row in created.items():
            dict.__setitem__(self.tables[table], entity_id, row)
        for table, key, row in made.writes:
            dict.__setitem__(self.tables[table], key, row)
        return True

    def mention(self, source: Source, entity_type: str, entity_id: str, start: int, end: int, rule_id: str) -> None:
        mention_id = f"{source.source_id}:{start}-{end}:{entity_id}"
        self.tables["mentions"][mention_id] = Mention(
            mention_id=mention_id,
            source_id=source.source_id,
            entity_type=entity_type,
            **{f"{entity_type}_id": entity_id},
            text=source.text[start:end],
            char_start=start,
            char_end=end,
            method="rule",
            provenance=f"rule:{rule_id}",
        )

    def add(self, source: Source, result: RuleResult) -> Made:
        """The rows of one uncurated source: each step of ``STEPS`` in turn, over one ``SourceRows``; returns what
        was done (``Made``), for ``replay``."""
        made = SourceRows(source, result)
        self.calls, writes = [], []
        for table in self.tables.values():
            table.log = writes
        try:
            for step in STEPS:
                step.run(self, made)
            return Made(tuple(self.calls), tuple(writes))
        finally:
            self.calls = None
            for table in self.tables.values():
                table.log = None

    def add_entities(self, made: SourceRows) -> None:
        """Persons and organizations: the curated row the gazetteer named, else a rule row, and their mentions."""
        for entity in made.result.entities:
            table = "actors" if entity.kind == "person" else "organizations"
            if entity.known_id and entity.known_id in self.known_ids[table]:
                entity_id = entity.known_id
            elif table == "actors":
                entity_id = self.entity_id(
                    table,
                    entity.name,
                    lambda i, e=entity: Actor(
                        actor_id=i,
                        name=e.name,
                        actor_type="person",
                        role=e.role,
                        aliases=e.aliases,
                        method="rule",
                        provenance=f"rule:{e.mentions[0].rule_id}",
                    ),
                )
            else:
                entity_id = self.entity_id(
                    table,
                    entity.name,
                    lambda i, e=entity: Organization(
                        organization_id=i,
                        name=e.name,
                        aliases=e.aliases,
                        org_type="other",
                        method="rule",
                        provenance=f"rule:{e.mentions[0].rule_id}",
                    ),
                )
            made.ids[entity.name] = (table, entity_id)
            for m in entity.mentions:
                self.mention(made.source, table[:-1], entity_id, m.start, m.end, m.rule_id)

    def add_quotes(self, made: SourceRows) -> None:
        """One row per quotation, its speaker decided by ``SPEAKERS``; each span remembered with its speaker."""
        source = made.source
        for n, quote in enumerate(made.result.quotes, 1):
            speaker_actor = speaker_org = None
            rule = next((r for r in SPEAKERS if r.applies(quote, made)), None)
            if rule is not None:
                speaker_actor, speaker_org = rule.decide(self, quote, made)
            quote_id = f"{source.source_id}-rq{n:03d}"
            self.tables["quotes"][quote_id] = Quote(
                quote_id=quote_id,
                source_id=source.source_id,
                text=quote.text,
                kind=quote.kind,
                speaker_actor_id=speaker_actor,
                speaker_organization_id=speaker_org,
                attribution=quote.cue,
                char_start=quote.start,
                char_end=quote.end,
                method="rule",
                provenance=f"rule:{quote.speaker_rule or 'quote-marks'}",
            )
            made.speakers.append((quote.start, quote.end, speaker_actor, speaker_org))

    def add_figures(self, made: SourceRows) -> None:
        """One row per figure, tied to the event whose sentence holds it (events are numbered in text order)."""
        source, result = made.source, made.result
        made.event_ids = [f"{source.source_id}-{slug(e.event_type)}-{n}" for n, e in enumerate(result.events, 1)]
        for n, fig in enumerate(result.figures, 1):
            figure_id = f"{source.source_id}-rf{n:03d}"
            made.figure_ids.append((figure_id, fig))
            about = next(
                (
                    i
                    for i, e in zip(made.event_ids, result.events, strict=False)
                    if e.sentence_start <= fig.start < e.sentence_end
                ),
                None,
            )
            self.tables["figures"][figure_id] = Figure(
                figure_id=figure_id,
                source_id=source.source_id,
                surface=fig.surface,
                value=fig.value,
                value_max=fig.value_max,
                qualifier=fig.qualifier,
                unit=fig.unit,
                counts=fig.counts or "unspecified",
                event_id=about,
                char_start=fig.start,
                char_end=fig.end,
                method="rule",
                provenance=f"rule:{fig.rule_id}",
            )

    def add_events(self, made: SourceRows) -> None:
        """One row per event, with its mentions and its claims (``add_claims``)."""
        source = made.source
        for event_id, event in zip(made.event_ids, made.result.events, strict=False):
            note = (
                f'rule: "{event.date_text}" resolved against the publication date'
                if event.date_text
                else (
                    "rule: no date in the sentence; the publication date"
                    if event.date
                    else "rule: no date in the sentence"
                )
            )
            self.tables["events"][event_id] = Event(
                event_id=event_id,
                event_type=event.event_type,
                sub_event_type=event.sub_event_type,
                date=event.date,
                date_precision=event.date_precision,
                date_note=note,
                summary=event.sentence[:500] or event.trigger,
                method="rule",
                provenance=f"rule:{event.rule_id}",
            )
            for start, end, _, rule_id in event.mentions:
                self.mention(source, "event", event_id, start, end, rule_id)
            self.add_claims(source, event, event_id, made.speakers, made.figure_ids)

    def speaker_entity(self, quote, made: SourceRows) -> tuple[str | None, str | None]:
        table, entity_id = made.ids[quote.speaker]
        return (entity_id, None) if table == "actors" else (None, entity_id)

    def speaker_organization(self, quote, made: SourceRows) -> tuple[str | None, str | None]:
        return None, self.entity_id(
            "organizations",
            quote.speaker,
            lambda i, q=quote: Organization(
                organization_id=i,
                name=q.speaker,
                org_type="other",
                method="rule",
                provenance=f"rule:{q.speaker_rule}",
            ),
        )

    def speaker_of_source(self, quote, made: SourceRows) -> tuple[str | None, str | None]:
        label = f"{quote.speaker} ({made.source.source_id})"
        return self.entity_id(
            "actors",
            label,
            lambda i, q=quote, label=label: Actor(
                actor_id=i,
                name=label,
                actor_type="group" if q.speaker_type == "group" else "person",
                method="rule",
                provenance=f"rule:{q.speaker_rule}",
            ),
        ), None

    def add_claims(self, source: Source, event, event_id: str, speakers, figure_ids) -> None:
        """One claim for the event's sentence, and one for each figure in that sentence."""
        if event.sentence_end <= event.sentence_start:
            return
        sentence = source.text[event.sentence_start : event.sentence_end]
        before_trigger = source.text[event.sentence_start : event.start].lower()
        polarity, certainty = claim_cues(before_trigger, sentence.lower())
        actor_id = organization_id = None
        for start, end, actor, organization in speakers:
            if start <= event.start < end:
                actor_id, organization_id = actor, organization
        base = dict(
            event_id=event_id,
            source_id=source.source_id,
            claimant_actor_id=actor_id,
            claimant_organization_id=organization_id,
            polarity=polarity,
            certainty=certainty,
            method="rule",
        )
        claim_id = f"{event_id}-claim"
        self.tables["claims"][claim_id] = Claim(
            claim_id=claim_id,
            proposition=f"{event.event_type.replace('_', ' ')}: {event.trigger}",
            text=sentence,
            char_start=event.sentence_start,
            char_end=event.sentence_end,
            provenance=f"rule:claim-{event.rule_id}",
            **base,
        )
        for figure_id, fig in figure_ids:
            if event.sentence_start <= fig.start < event.sentence_end:
                claim_id = f"{event_id}-{figure_id.rsplit('-', 1)[-1]}"
                self.tables["claims"][claim_id] = Claim(
                    claim_id=claim_id,
                    proposition=f"{fig.counts or 'quantity'}: {fig.surface}",
                    text=fig.surface,
                    char_start=fig.start,
                    char_end=fig.end,
                    figure_id=figure_id,
                    provenance=f"rule:claim-{fig.rule_id}",
                    **base,
                )


@dataclass
class SourceRows:
    """What the steps of one source pass on to the next: entity ids by name, quotation spans with their
    speakers, event ids, figure ids."""

    source: Source
    result: RuleResult
    ids: dict[str, tuple[str, str]] = field(default_factory=dict)  # entity name -> (table, id)
    speakers: list[tuple[int, int, str | None, str | None]] = field(default_factory=list)
    event_ids: list[str] = field(default_factory=list)
    figure_ids: list[tuple[str, object]] = field(default_factory=list)


@dataclass(frozen=True)
class Step:
    """One step of turning a source's rule output into rows: its name and the ``RuleRows`` method it runs."""

    name: str
    method: Callable[[RuleRows, SourceRows], None]

    def run(self, rows: RuleRows, made: SourceRows) -> None:
        self.method(rows, made)


STEPS = (
    Step("entities", RuleRows.add_entities),  # first: quotations name their speakers by these ids
    Step("quotes", RuleRows.add_quotes),  # before events: a claim's claimant is the speaker of its quotation
    Step("figures", RuleRows.add_figures),  # before events: claims are made for the figures in an event's sentence
    Step("events", RuleRows.add_events),
)
"""The order is the meaning: each step reads what the steps before it left in ``SourceRows``."""


@dataclass(frozen=True)
class SpeakerRule:
    """Who a quotation's speaker is: the first rule whose predicate holds decides (actor id, organization id)."""

    rule_id: str
    applies: Callable[[object, SourceRows], bool]
    decide: Callable[[RuleRows, object, SourceRows], tuple[str | None, str | None]]


SPEAKERS = (
    SpeakerRule(  # a person or organization the names rules found in this source
        "speaker-named-entity", lambda q, made: bool(q.speaker) and q.speaker in made.ids, RuleRows.speaker_entity
    ),
    SpeakerRule(  # an organization only the quotation rules found: shared across sources, like any organization
        "speaker-organization",
        lambda q, made: bool(q.speaker) and q.speaker_type == "organization",
        RuleRows.speaker_organization,
    ),
    SpeakerRule(  # anyone else ("police officers", a bare surname): an actor of this source only
        "speaker-of-this-source", lambda q, made: bool(q.speaker), RuleRows.speaker_of_source
    ),
)
"""A quotation that matches none has no speaker."""


CLAUSE_TOKEN = re.compile(r"[a-z]+(?=n't)|n't|[a-z]+(?:'[a-z]+)?|[^\w\s]")


@cache
def clause_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(clause boundaries, verb-group words, prepositions) from ``lexicons/claims.yaml``."""
    clause = lexicon.claims().clause
    boundaries = frozenset(map(str, clause.punctuation)) | frozenset(map(str, clause.words))
    return boundaries, frozenset(map(str, clause.verb_group)), frozenset(map(str, clause.prepositions))


@cache
def denial_cues() -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """kind (governs, negates, determiner) -> [(entry id, words of one cue)], longest cues first."""
    cues: dict[str, list[tuple[str, tuple[str, ...]]]] = {"governs": [], "negates": [], "determiner": []}
    for entry in lexicon.claims().denial:
        for word in entry.words:
            cues[entry.kind].append((entry.id, tuple(CLAUSE_TOKEN.findall(str(word).lower()))))
    return {kind: sorted(items, key=lambda c: -len(c[1])) for kind, items in cues.items()}


def trigger_clause(before_trigger: str) -> list[str]:
    """The tokens of the trigger's own clause that stand before the trigger."""
    boundaries, _, _ = clause_words()
    tokens = CLAUSE_TOKEN.findall(before_trigger.lower().replace("\u2019", "'"))
    for i in range(len(tokens) - 1, -1, -1):
        if tokens[i] in boundaries:
            return tokens[i + 1 :]
    return tokens


def cue_at(tokens: list[str], end: int, kind: str) -> tuple[str, int] | None:
    """(entry id, length) of a ``kind`` cue whose last token is ``tokens[end - 1]``."""
    for entry_id, words in denial_cues()[kind]:
        if end >= len(words) and tuple(tokens[end - len(words) : end]) == words:
            return entry_id, len(words)
    return None


def negated_at(tokens: list[str], end: int) -> bool:
    """Whether the verb group ending before ``tokens[end]`` holds a negation ("did not", "has never")."""
    _, verb_group, _ = clause_words()
    i = end
    while i > 0:
        if cue_at(tokens, i, "negates"):
            return True
        if tokens[i - 1] not in verb_group and not tokens[i - 1].endswith("ly"):
            return False
        i -= 1
    return False


def clause_polarity(before_trigger: str) -> tuple[str, str | None]:
    """(polarity, id of the cue that decided it) from the trigger's own clause.

    A sieve, most specific first: a negation in the trigger's verb group ("did not escape"); a negative
    determiner on the trigger or its subject ("no escape", "no inmates escaped"), not inside a prepositional
    phrase; a denial verb governing it ("denied that inmates escaped", "foiled an escape"), unless that verb is
    itself negated ("did not rule out that …").  A negation in another clause ("Without warning, police
    stormed …") does not count.
    """
    tokens = trigger_clause(before_trigger)
    _, _, prepositions = clause_words()
    n = len(tokens)
    if negated_at(tokens, n):
        return "denies", "deny-negated-predicate"
    for end in range(n, max(0, n - 4), -1):  # a determiner at most three words before the trigger
        cue = cue_at(tokens, end, "determiner")
        if cue and (end - cue[1] == 0 or tokens[end - cue[1] - 1] not in prepositions):
            return "denies", cue[0]
    for end in range(n, 0, -1):
        cue = cue_at(tokens, end, "governs")
        if cue:
            return ("asserts", None) if negated_at(tokens, end - cue[1]) else ("denies", cue[0])
    return "asserts", None


def claim_cues(before_trigger: str, sentence: str) -> tuple[str, str]:
    """(polarity, certainty) from the cue words of ``lexicons/claims.yaml``: polarity from the trigger's clause."""
    polarity, _ = clause_polarity(before_trigger)
    certainty = "stated"
    for entry in lexicon.claims().certainty:
        if any(re.search(rf"\b{re.escape(str(w))}\b", sentence) for w in entry.words):
            certainty = entry.certainty
            break
    return polarity, certainty
