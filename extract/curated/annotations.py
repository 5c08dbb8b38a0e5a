"""Reading one curated annotation file (``seeds/annotations/<source_id>.yaml``).

The file lists the organizations, actors, places and events a source mentions
(each with verbatim ``mentions``), and the source's quotes and figures (each
citing its own words).  Keys are the published column names; the build adds
ids, offsets, ``method`` and ``provenance``.  Entities may be declared in
several files under one id: the resolve stage merges them.

Every file has a ``status``: ``draft`` (written by ``python -m extract
draft``; checked, but neither published nor scored) or ``curated`` (reviewed,
with ``reviewed_by`` and ``reviewed_on``).

A file is read in three steps, one section each below, that never go back:

1. **parse** (``FileParser``): the YAML tree into ``AnnotationFile``, a typed
   model of the file whose entries carry their lines; every problem of shape
   (unknown sections and fields, missing ones, citation options of the wrong
   type) is found here;
2. **find the citations** (``the_source``, ``resolve_citations``): each
   ``Citation`` of the file to its span(s) in the article;
3. **make rows** (``RowMaker``): the models validate every value; references
   are kept, with their places, for the resolve stage to check.

All three collect their errors together, so a curator sees every problem at once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from dataclasses import field as dc_field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import (
    ArticleChangedError,
    BuildError,
    BuildFailed,
    CitationError,
    DuplicateIdError,
    ErrorCollector,
    FieldError,
    FigureValueError,
    Location,
    UnknownReferenceError,
    shown_path,
)
from ..models import (
    Actor,
    Claim,
    ClaimRelation,
    Event,
    EventParticipant,
    Figure,
    Mention,
    Organization,
    Place,
    Quote,
    Row,
    Source,
)
from ..numbers import read_quantity
from ..yamlfile import load_yaml, plain, validation_errors
from .citations import CitationAmbiguous, CitationNotFound, Span, find_citation

ENTITY_MODELS: dict[str, type[Row]] = {"organizations": Organization, "actors": Actor, "places": Place, "events": Event}
SPANNED_MODELS: dict[str, type[Row]] = {"quotes": Quote, "figures": Figure, "claims": Claim}
EXCLUSION_SECTIONS = ("not_quotes", "not_figures")
"""Passages a curator considered and decided are not quotes (scare quotes, names in
quotation marks) or not figures (dates, years, clock times): recorded so a reviewer,
and the coverage test, can see that nothing in the article was overlooked."""
STATUSES = ("draft", "curated")
"""``status: draft`` is a file ``python -m extract draft`` wrote and no curator has reviewed: it is read
and checked, but not published and not scored (the article publishes the rules' rows).  ``status: curated``
is a reviewed file, and says who reviewed it (``reviewed_by``) and when (``reviewed_on``)."""
REVIEW_KEYS = ("reviewed_by", "reviewed_on")
SECTIONS = (
    "source_id",
    "status",
    *REVIEW_KEYS,
    "text_sha256",
    *ENTITY_MODELS,
    *SPANNED_MODELS,
    "claim_relations",
    *EXCLUSION_SECTIONS,
)
RELATION_KEYS = {"claim_id", "other_claim_id", "relation", "note"}
LOCAL_REFERENCES = {"quote_id": "quotes", "figure_id": "figures"}  # claims cite their own file's quotes and figures
EXCLUSION_KEYS = {"text", "reason", *("occurrence", "context", "every")}
BUILD_SET = {"method", "provenance", "source_id", "char_start", "char_end"}
CITATION_OPTIONS = ("occurrence", "context", "every")


def entity_keys(model: type[Row]) -> set[str]:
    """Keys a curator may write in an entity entry: the model's columns, ``id`` for its primary key, and ``mentions``."""
    keys = set(model.model_fields) - BUILD_SET - {model.primary_key[0]}
    keys |= {"id", "mentions"}
    if model is Event:
        keys.add("participants")
    return keys


def spanned_keys(model: type[Row]) -> set[str]:
    return (set(model.model_fields) - BUILD_SET - {model.primary_key[0]}) | {"id", "occurrence", "context"}


PARTICIPANT_KEYS = {"actor_id", "organization_id", "role"}


# Step 1: the file as a typed model --------------------------------------------------------------------------------


class Located(BaseModel):
    """Something read from the file, with its line and the line of each of its keys (1-based)."""

    model_config = ConfigDict(frozen=True)

    file: str
    line: int | None = None
    key_lines: dict[str, int] = Field(default_factory=dict)

    def where(self, key: str | None = None, field: str | None = None) -> Location:
        """The location of the entry, or of its ``key`` (``field`` names it in the error)."""
        line = self.key_lines.get(key, self.line) if key is not None else self.line
        return Location.of(self.file, line, field)


class Citation(BaseModel):
    """Words copied from the article, with what selects among their occurrences; typed strictly."""

    model_config = ConfigDict(frozen=True)

    text: str
    occurrence: int | None = None
    context: str | None = None
    every: bool = False
    location: Location


class ParticipantEntry(Located):
    """An actor or organization taking part in an event, with its role."""

    fields: dict[str, Any]


class EntityEntry(Located):
    """An organization, actor, place or event as the file declares it."""

    table: str
    id: str
    fields: dict[str, Any]
    mentions: tuple[Citation, ...] = ()
    participants: tuple[ParticipantEntry, ...] = ()


class SpannedEntry(Located):
    """A quote, figure or claim: its fields and the citation of its own words."""

    table: str
    id: str
    fields: dict[str, Any]
    citation: Citation


class RelationEntry(Located):
    fields: dict[str, Any]


class AnnotationFile(Located):
    """One annotation file, parsed and checked for shape; nothing here has looked at the article yet."""

    source_id: Any = None
    status: str = "draft"
    reviewed_by: str | None = None
    reviewed_on: dt.date | None = None
    text_sha256: Any = None
    entities: tuple[EntityEntry, ...] = ()
    spanned: tuple[SpannedEntry, ...] = ()
    relations: tuple[RelationEntry, ...] = ()
    exclusions: dict[str, tuple[Citation, ...]] = Field(default_factory=dict)


class FileParser:
    """Step 1: the YAML tree (dicts and lists that know their lines) into an AnnotationFile, in one pass.

    Every problem of shape is collected here (unknown sections and fields, missing required fields, entries
    that are not mappings, citation options of the wrong type); an entry with such a problem is left out of
    the model, so the later steps only see entries they can use.
    """

    def __init__(self, path: Path, errors: ErrorCollector):
        self.path = path
        self.errors = errors

    def located(self, node: Any) -> dict[str, Any]:
        """The ``file``, ``line`` and ``key_lines`` of a node of the tree."""
        return {
            "file": str(self.path),
            "line": getattr(node, "line", None),
            "key_lines": {str(k): v for k, v in getattr(node, "key_lines", {}).items()},
        }

    def where(self, node: Any, key: Any = None, field: str | None = None) -> Location:
        return Located(**self.located(node)).where(None if key is None else str(key), field)

    def parse(self, doc: Any) -> AnnotationFile:
        if not isinstance(doc, dict):
            raise BuildFailed(
                [
                    FieldError(
                        "the file must hold a mapping with source_id, organizations, actors, places, events, quotes and figures",
                        self.where(doc),
                    )
                ]
            )
        for key in doc:
            if key not in SECTIONS:
                self.errors.add(
                    FieldError(
                        f"unknown section '{key}' (expected one of {', '.join(SECTIONS)})",
                        self.where(doc, key, str(key)),
                    )
                )
        status, by, on = self.status(doc)
        entities = [
            entry
            for table, model in ENTITY_MODELS.items()
            for node in self.entries(doc, table)
            if (entry := self.entity(table, model, node)) is not None
        ]
        spanned = []
        for table, model in SPANNED_MODELS.items():
            seen: set[str] = set()
            spanned += [e for node in self.entries(doc, table) if (e := self.span_entry(table, model, node, seen))]
        relations = [
            RelationEntry(**self.located(node), fields=plain(node))
            for node in self.entries(doc, "claim_relations")
            if self.check_keys(node, RELATION_KEYS, ("claim_id", "other_claim_id", "relation"), "claim_relations")
        ]
        exclusions = {
            section: tuple(c for node in self.entries(doc, section) if (c := self.exclusion(section, node)))
            for section in EXCLUSION_SECTIONS
        }
        return AnnotationFile(
            **self.located(doc),
            source_id=doc.get("source_id"),
            status=status,
            reviewed_by=by,
            reviewed_on=on,
            text_sha256=doc.get("text_sha256"),
            entities=tuple(entities),
            spanned=tuple(spanned),
            relations=tuple(relations),
            exclusions=exclusions,
        )

    def status(self, doc: dict) -> tuple[str, str | None, dt.date | None]:
        """The file's ``status`` and review; a missing or unknown status, or a review left half-written, is an error."""
        status = doc.get("status")
        if status not in STATUSES:
            problem = "no status" if status is None else f"unknown status {status!r}"
            self.errors.add(
                FieldError(
                    f"{problem}: write `status: draft` (a drafted file, not published) or `status: curated` "
                    "(reviewed; with reviewed_by and reviewed_on)",
                    self.where(doc, "status" if "status" in doc else None, "status"),
                )
            )
            return "draft", None, None
        by, on = doc.get("reviewed_by"), doc.get("reviewed_on")
        if status == "draft":
            for key in REVIEW_KEYS:
                if doc.get(key) is not None:
                    self.errors.add(
                        FieldError(
                            f"a draft has no {key}: once the file is reviewed, set `status: curated`",
                            self.where(doc, key, key),
                        )
                    )
            return "draft", None, None
        if not isinstance(by, str) or not by.strip():
            self.errors.add(
                FieldError(
                    "a curated file says who reviewed it (reviewed_by: a person or team)",
                    self.where(doc, "reviewed_by" if "reviewed_by" in doc else None, "reviewed_by"),
                )
            )
            by = None
        try:
            on = dt.date.fromisoformat(str(on)) if on is not None else None
        except ValueError:
            self.errors.add(
                FieldError(
                    f"reviewed_on {on!r} is not a date (YYYY-MM-DD)", self.where(doc, "reviewed_on", "reviewed_on")
                )
            )
            return status, by, None
        if on is None:
            self.errors.add(
                FieldError(
                    "a curated file says when it was reviewed (reviewed_on: YYYY-MM-DD)",
                    self.where(doc, None, "reviewed_on"),
                )
            )
        return status, by, on

    def entries(self, doc: Any, table: str) -> list[dict]:
        """The mappings listed under ``table`` (anything else there is an error)."""
        entries = doc.get(table) or []
        if not isinstance(entries, list):
            self.errors.add(FieldError(f"'{table}' must be a list of entries", self.where(doc, table, table)))
            return []
        good = []
        for i, node in enumerate(entries):
            if isinstance(node, dict):
                good.append(node)
            else:
                self.errors.add(
                    FieldError(f"each entry of '{table}' must be a mapping", self.item_where(entries, i, table))
                )
        return good

    def item_where(self, items: Any, i: int, field: str) -> Location:
        lines = getattr(items, "item_lines", [])
        return Location.of(self.path, lines[i] if i < len(lines) else getattr(items, "line", None), field)

    def check_keys(self, node: dict, allowed: set[str], required: tuple[str, ...], table: str) -> bool:
        ok = True
        for key in node:
            if key not in allowed:
                self.errors.add(
                    FieldError(
                        f"unknown field in {table} (allowed: {', '.join(sorted(allowed))})",
                        self.where(node, key, str(key)),
                    )
                )
                ok = False
        for key in required:
            if key not in node or node[key] in (None, ""):
                self.errors.add(FieldError(f"required field is missing in {table}", self.where(node, None, key)))
                ok = False
        return ok

    def citation(self, citation: dict, where: Location) -> Citation | None:
        """A citation typed strictly: ``text`` text, ``occurrence`` a whole number from 1, ``context`` text,
        ``every`` true or false (YAML's ``no`` or ``"1"`` are not what they seem); one option at most."""
        text = citation.get("text")
        occurrence, context, every = (citation.get(k) for k in CITATION_OPTIONS)
        problem = None
        if not isinstance(text, str):
            problem = f"a citation must be text (got {text!r})"
        elif occurrence is not None and (
            isinstance(occurrence, bool) or not isinstance(occurrence, int) or occurrence < 1
        ):
            problem = f"occurrence must be a whole number from 1 (got {occurrence!r})"
        elif context is not None and not isinstance(context, str):
            problem = f"context must be text that contains the citation (got {context!r})"
        elif every is not None and not isinstance(every, bool):
            problem = f"every must be true or false (got {every!r})"
        elif sum(x is not None and x is not False for x in (occurrence, context, every or None)) > 1:
            problem = "use only one of occurrence, context and every"
        if problem:
            self.errors.add(FieldError(problem, where))
            return None
        return Citation(text=text, occurrence=occurrence, context=context, every=every is True, location=where)

    def citations(self, node: dict, key: str) -> list[Citation]:
        """The list ``node[key]`` of citations (strings or mappings of text and one option)."""
        items = node.get(key) or []
        if not isinstance(items, list):
            self.errors.add(FieldError(f"'{key}' must be a list of citations", self.where(node, key, key)))
            return []
        found = []
        for i, item in enumerate(items):
            where = self.item_where(items, i, key)
            if isinstance(item, dict):
                extra = sorted(str(k) for k in set(item) - {"text", *CITATION_OPTIONS})
                if extra or "text" not in item:
                    problem = f"unexpected key(s) {', '.join(extra)}" if extra else "no 'text'"
                    self.errors.add(
                        FieldError(
                            f"a citation is a string or a mapping of text and one of "
                            f"{', '.join(CITATION_OPTIONS)} ({problem}; quote values that contain commas)",
                            where,
                        )
                    )
                    continue
                citation = self.citation(plain(item), where)
            else:
                citation = self.citation({"text": plain(item)}, where)
            if citation is not None:
                found.append(citation)
        return found

    def entity(self, table: str, model: type[Row], node: dict) -> EntityEntry | None:
        if not self.check_keys(node, entity_keys(model), ("id",), table):
            return None
        fields = {k: plain(v) for k, v in node.items() if k not in ("id", "mentions", "participants")}
        mentions = self.citations(node, "mentions")
        participants = self.participants(node) if model is Event else []
        return EntityEntry(
            **self.located(node),
            table=table,
            id=str(node["id"]),
            fields=fields,
            mentions=tuple(mentions),
            participants=tuple(ParticipantEntry(**self.located(p), fields=plain(p)) for p in participants),
        )

    def participants(self, node: dict) -> list[dict]:
        items = node.get("participants") or []
        if not isinstance(items, list):
            self.errors.add(
                FieldError(
                    "'participants' must be a list of mappings", self.where(node, "participants", "participants")
                )
            )
            return []
        good = []
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                self.errors.add(
                    FieldError(
                        "each participant is a mapping of actor_id or organization_id and role",
                        self.item_where(items, i, "participants"),
                    )
                )
            elif self.check_keys(item, PARTICIPANT_KEYS, ("role",), "participants"):
                good.append(item)
        return good

    def span_entry(self, table: str, model: type[Row], node: dict, seen: set[str]) -> SpannedEntry | None:
        span_field = model.span_field
        if not self.check_keys(node, spanned_keys(model), ("id", span_field), table):
            return None
        local_id = str(node["id"])
        if local_id in seen:
            self.errors.add(
                DuplicateIdError(f"{table} id '{local_id}' is used twice in this file", self.where(node, "id", "id"))
            )
            return None
        seen.add(local_id)
        cited = {"text": plain(node[span_field]), **{k: plain(node[k]) for k in CITATION_OPTIONS if k in node}}
        citation = self.citation(cited, self.where(node, span_field, span_field))
        if citation is None:
            return None
        fields = {k: plain(v) for k, v in node.items() if k not in ("id", "occurrence", "context")}
        return SpannedEntry(**self.located(node), table=table, id=local_id, fields=fields, citation=citation)

    def exclusion(self, section: str, node: dict) -> Citation | None:
        if not self.check_keys(node, EXCLUSION_KEYS, ("text", "reason"), section):
            return None
        return self.citation({k: plain(v) for k, v in node.items() if k != "reason"}, self.where(node, "text", "text"))


# Step 2: the citations found in the article -----------------------------------------------------------------------


def the_source(parsed: AnnotationFile, sources: dict[str, Source], errors: ErrorCollector) -> Source:
    """The article the file annotates, as its ``source_id`` names it and its ``text_sha256`` pins it."""
    source = sources.get(parsed.source_id) if isinstance(parsed.source_id, str) else None
    if source is None:
        errors.add(
            FieldError(
                f"source_id {parsed.source_id!r} is not a source in seeds/ (known: {', '.join(sorted(sources))})",
                parsed.where("source_id", "source_id"),
            )
        )
        errors.raise_if_any()
    if parsed.text_sha256 is not None and parsed.text_sha256 != source.text_sha256:
        errors.add(
            ArticleChangedError(
                f"{source.file} has SHA-256 {source.text_sha256}, not the {parsed.text_sha256} it was annotated "
                "against; re-check every entry against the new text, then update text_sha256",
                parsed.where("text_sha256", "text_sha256"),
            )
        )
    return source


def resolve_citations(parsed: AnnotationFile, source: Source, errors: ErrorCollector) -> dict[Citation, list[Span]]:
    """Every citation of the file -> its span(s) in the article; a citation that is not found is an error."""
    citations = [
        *(c for e in parsed.entities for c in e.mentions),
        *(e.citation for e in parsed.spanned),
        *(c for section in parsed.exclusions.values() for c in section),
    ]
    spans: dict[Citation, list[Span]] = {}
    for citation in citations:
        try:
            spans[citation] = find_citation(
                source.text,
                citation.text,
                occurrence=citation.occurrence,
                context=citation.context,
                every=citation.every,
            )
        except (CitationNotFound, CitationAmbiguous) as exc:
            errors.add(CitationError(f"{exc} (source {source.source_id}, {source.file})", citation.location))
            spans[citation] = []
        except ValueError as exc:
            errors.add(FieldError(str(exc), citation.location))
            spans[citation] = []
    return spans


# Step 3: rows ------------------------------------------------------------------------------------------------------


@dataclass
class Declaration:
    """One entity entry of one file, before the files are merged."""

    table: str
    id: str
    fields: dict[str, Any]
    location: Location
    entry: EntityEntry


@dataclass
class Reference:
    """A foreign key written by a curator, kept with its place in the file."""

    table: str
    id: str
    location: Location


@dataclass
class CuratedSource:
    source_id: str
    path: Path
    status: str = "curated"
    reviewed_by: str | None = None
    reviewed_on: dt.date | None = None
    declarations: list[Declaration] = dc_field(default_factory=list)
    participants: list[tuple[EventParticipant, Location]] = dc_field(default_factory=list)
    quotes: list[Quote] = dc_field(default_factory=list)
    figures: list[Figure] = dc_field(default_factory=list)
    mentions: list[Mention] = dc_field(default_factory=list)
    claims: list[Claim] = dc_field(default_factory=list)
    claim_relations: list[tuple[ClaimRelation, Location]] = dc_field(default_factory=list)
    references: list[Reference] = dc_field(default_factory=list)
    exclusions: dict[str, list[Span]] = dc_field(default_factory=dict)


@dataclass
class RowMaker:
    """Step 3: the parsed file and its found citations into rows (the models check every value)."""

    parsed: AnnotationFile
    source: Source
    spans: dict[Citation, list[Span]]
    known_sources: set[str]
    errors: ErrorCollector
    path: str = dc_field(init=False)
    """The file as written into ``provenance``."""

    def __post_init__(self) -> None:
        self.path = Path(self.parsed.file).as_posix()

    def provenance(self, entry: Located) -> str:
        return f"{self.path}:{entry.line}"

    def make(self) -> CuratedSource:
        parsed = self.parsed
        result = CuratedSource(
            self.source.source_id, Path(parsed.file), parsed.status, parsed.reviewed_by, parsed.reviewed_on
        )
        for entry in parsed.entities:
            self.entity(result, entry)
        for entry in parsed.spanned:
            self.spanned(result, entry)
        for entry in parsed.relations:
            self.relation(result, entry)
        for section, citations in parsed.exclusions.items():
            result.exclusions[section] = [span for c in citations for span in self.spans[c]]
        return result

    def entity(self, result: CuratedSource, entry: EntityEntry) -> None:
        model = ENTITY_MODELS[entry.table]
        result.declarations.append(Declaration(entry.table, entry.id, dict(entry.fields), entry.where(), entry))
        for column, (target, _) in model.foreign_keys().items():
            if entry.fields.get(column) is not None:
                result.references.append(Reference(target, str(entry.fields[column]), entry.where(column, column)))
        for citation in entry.mentions:
            for span in self.spans[citation]:
                self.mention(result, model, entry.id, span, citation.location)
        for item in entry.participants:
            self.participant(result, entry.id, item)

    def participant(self, result: CuratedSource, event_id: str, item: ParticipantEntry) -> None:
        data = item.fields
        who = data.get("actor_id") or data.get("organization_id")
        try:
            row = EventParticipant(
                participant_id=f"{event_id}--{who}--{data['role']}",
                event_id=event_id,
                method="curated",
                provenance=self.provenance(item),
                **data,
            )
        except ValidationError as exc:
            for err in validation_errors(exc, self.parsed.file, item):
                self.errors.add(err)
            return
        result.participants.append((row, item.where()))
        for column in ("actor_id", "organization_id"):
            if data.get(column):
                target = EventParticipant.foreign_keys()[column][0]
                result.references.append(Reference(target, data[column], item.where(column, column)))

    def mention(self, result: CuratedSource, model: type[Row], entity_id: str, span: Span, where: Location) -> None:
        entity_type = model.table[:-1]
        try:
            result.mentions.append(
                Mention(
                    mention_id=f"{self.source.source_id}:{span.start}-{span.end}:{entity_id}",
                    source_id=self.source.source_id,
                    entity_type=entity_type,
                    **{f"{entity_type}_id": entity_id},
                    text=span.text,
                    char_start=span.start,
                    char_end=span.end,
                    method="curated",
                    provenance=f"{self.path}:{where.line}",
                )
            )
        except ValidationError as exc:
            for err in exc.errors():
                self.errors.add(FieldError(err["msg"], where))

    def spanned(self, result: CuratedSource, entry: SpannedEntry) -> None:
        model = SPANNED_MODELS[entry.table]
        spans = self.spans[entry.citation]
        if not spans:
            return
        span = spans[0]
        fields = dict(entry.fields)
        if not self.local_references_exist(result, entry, fields):
            return
        try:
            row = model(
                **fields,
                **{model.primary_key[0]: f"{self.source.source_id}-{entry.id}"},
                source_id=self.source.source_id,
                char_start=span.start,
                char_end=span.end,
                method="curated",
                provenance=self.provenance(entry),
            )
        except ValidationError as exc:
            for err in validation_errors(exc, self.parsed.file, entry, rename={model.primary_key[0]: "id"}):
                self.errors.add(err)
            return
        if isinstance(row, Figure) and not self.figure_value_agrees(row, entry):
            return
        getattr(result, entry.table).append(row)
        for column, (target, _) in model.foreign_keys().items():
            if column != "source_id" and column not in LOCAL_REFERENCES and fields.get(column) is not None:
                result.references.append(Reference(target, str(fields[column]), entry.where(column, column)))

    def global_row_id(self, value: str) -> str:
        """A quote, figure or claim id as published: a local id ("c03") gets this file's source prefix;
        an id that already begins with a source id ("efe-2023-09-20-tocoron-c03") is kept."""
        if any(value.startswith(known + "-") for known in self.known_sources):
            return value
        return f"{self.source.source_id}-{value}"

    def local_references_exist(self, result: CuratedSource, entry: SpannedEntry, fields: dict) -> bool:
        """A claim's quote_id and figure_id name entries of this file (written locally, published with the source prefix)."""
        ok = True
        for column, target in LOCAL_REFERENCES.items():
            if entry.table != "claims" or fields.get(column) is None:
                continue
            global_id = self.global_row_id(str(fields[column]))
            fields[column] = global_id
            known = {getattr(r, f"{target[:-1]}_id") for r in getattr(result, target)}
            if global_id not in known:
                self.errors.add(
                    UnknownReferenceError(
                        f"no {target[:-1]} '{entry.fields[column]}' in this file", entry.where(column, column)
                    )
                )
                ok = False
        return ok

    def relation(self, result: CuratedSource, entry: RelationEntry) -> None:
        data = dict(entry.fields)
        for key in ("claim_id", "other_claim_id"):
            data[key] = self.global_row_id(str(data[key]))
        try:
            row = ClaimRelation(
                relation_id=f"{data['claim_id']}--{data['relation']}--{data['other_claim_id']}",
                method="curated",
                provenance=self.provenance(entry),
                **data,
            )
        except ValidationError as exc:
            for err in validation_errors(exc, self.parsed.file, entry):
                self.errors.add(err)
            return
        result.claim_relations.append((row, entry.where()))

    def figure_value_agrees(self, figure: Figure, entry: SpannedEntry) -> bool:
        """A curated value must be the number its surface states ("some 5,000" is 5000)."""
        stated = read_quantity(figure.surface)
        if stated is None or stated.value is None or figure.value == stated.value:
            return True
        self.errors.add(
            FigureValueError(
                f"{figure.surface!r} states {stated.value:g}, but value is {figure.value!r}",
                entry.where("value" if "value" in entry.fields else None, "value"),
            )
        )
        return False


def read_annotation(path: Path, sources: dict[str, Source], root: Path | None = None) -> CuratedSource:
    """One annotation file as rows, in three steps: parse the file into its typed model, find its citations
    in the article, make the rows.  BuildFailed with every problem found."""
    # Shown in errors and written into `provenance`: relative to the project, so builds agree across clones.
    shown = shown_path(path, root)
    errors = ErrorCollector()
    try:
        doc = load_yaml(path, shown)
    except BuildError as exc:
        raise BuildFailed([exc]) from None
    parsed = FileParser(shown, errors).parse(doc)
    source = the_source(parsed, sources, errors)
    spans = resolve_citations(parsed, source, errors)
    result = RowMaker(parsed, source, spans, set(sources), errors).make()
    errors.raise_if_any()
    return result


def annotated_id(path: Path) -> Any:
    """The source_id an annotation file names, or None when it cannot be read."""
    try:
        doc = load_yaml(path)
    except (BuildError, OSError):
        return None
    return doc.get("source_id") if isinstance(doc, dict) else None


def read_annotations(
    folder: Path,
    sources: list[Source],
    root: Path | None = None,
    unusable_ids: set[str] = frozenset(),
    all_loaded: bool = True,
) -> list[CuratedSource]:
    """Every ``*.yaml`` in ``folder``, sorted by name; all files' errors raised together.

    Files annotating an article that could not be loaded (``unusable_ids``) are
    skipped: that article's own error has been reported already.  When some
    article did not load at all (``all_loaded`` false; its metadata may not even
    say its id), a file naming an unknown source is skipped too, rather than
    reported as "not a source" for an article whose real error is above.
    """
    by_id = {s.source_id: s for s in sources}
    errors = ErrorCollector()
    curated = []
    for path in sorted(folder.glob("*.yaml")):
        if path.stem in unusable_ids or (not all_loaded and annotated_id(path) not in by_id):
            continue
        try:
            curated.append(read_annotation(path, by_id, root))
        except BuildFailed as exc:
            errors.errors.extend(exc.errors)
    seen: dict[str, Path] = {}
    for c in curated:
        if c.source_id in seen:
            errors.add(
                FieldError(
                    f"source {c.source_id} is already annotated in {seen[c.source_id].name}",
                    Location.of(c.path, None, "source_id"),
                )
            )
        seen[c.source_id] = c.path
    errors.raise_if_any()
    return curated
