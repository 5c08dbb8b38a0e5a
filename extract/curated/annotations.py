"""Reading one curated annotation file (``seeds/annotations/<source_id>.yaml``).

The file lists the organizations, actors, places and events a source mentions
(each with verbatim ``mentions``), and the source's quotes and figures (each
citing its own words).  Keys are the published column names; the build adds
ids, offsets, ``method`` and ``provenance``.  Entities may be declared in
several files under one id: the resolve stage merges them.

Every file has a ``status``: ``draft`` (written by ``python -m extract
draft``; checked, but neither published nor scored) or ``curated`` (reviewed,
with ``reviewed_by`` and ``reviewed_on``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

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
from ..yamlfile import line_of, load_yaml, plain, validation_errors
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


def citation_option_problem(citation: dict) -> str | None:
    """What is wrong with a citation's options, typed strictly: ``occurrence`` a whole number from 1,
    ``context`` text, ``every`` true or false (YAML's ``no`` or ``"1"`` are not what they seem)."""
    occurrence, context, every = (citation.get(k) for k in CITATION_OPTIONS)
    if occurrence is not None and (isinstance(occurrence, bool) or not isinstance(occurrence, int) or occurrence < 1):
        return f"occurrence must be a whole number from 1 (got {occurrence!r})"
    if context is not None and not isinstance(context, str):
        return f"context must be text that contains the citation (got {context!r})"
    if every is not None and not isinstance(every, bool):
        return f"every must be true or false (got {every!r})"
    return None


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


@dataclass
class Declaration:
    """One entity entry of one file, before the files are merged."""

    table: str
    id: str
    fields: dict[str, Any]
    location: Location
    node: Any


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
    declarations: list[Declaration] = field(default_factory=list)
    participants: list[tuple[EventParticipant, Location]] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    claim_relations: list[tuple[ClaimRelation, Location]] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    exclusions: dict[str, list[Span]] = field(default_factory=dict)


class AnnotationReader:
    """Reads one annotation file against its source text, collecting every error."""

    def __init__(self, path: Path, sources: dict[str, Source], root: Path | None = None):
        self.file = path
        # Shown in errors and written into `provenance`: relative to the project, so builds agree across clones.
        self.path = shown_path(path, root)
        self.sources = sources
        self.errors = ErrorCollector()

    def where(self, node: Any, key: Any = None, field: str | None = None) -> Location:
        return Location.of(self.path, line_of(node, key), field)

    def read(self) -> CuratedSource:
        doc = load_yaml(self.file, self.path)
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
        source_id = doc.get("source_id")
        source = self.sources.get(source_id)
        if source is None:
            self.errors.add(
                FieldError(
                    f"source_id {source_id!r} is not a source in seeds/ (known: {', '.join(sorted(self.sources))})",
                    self.where(doc, "source_id" if "source_id" in doc else None, "source_id"),
                )
            )
            self.errors.raise_if_any()
        pinned = doc.get("text_sha256")
        if pinned is not None and pinned != source.text_sha256:
            self.errors.add(
                ArticleChangedError(
                    f"{source.file} has SHA-256 {source.text_sha256}, not the {pinned} it was annotated against; "
                    "re-check every entry against the new text, then update text_sha256",
                    self.where(doc, "text_sha256", "text_sha256"),
                )
            )
        result = CuratedSource(source.source_id, self.path, *self.read_status(doc))
        for table, model in ENTITY_MODELS.items():
            for node in self.entries(doc, table):
                self.read_entity(result, source, table, model, node)
        for table, model in SPANNED_MODELS.items():
            seen: set[str] = set()
            for node in self.entries(doc, table):
                self.read_spanned(result, source, table, model, node, seen)
        for node in self.entries(doc, "claim_relations"):
            self.read_relation(result, source, node)
        for section in EXCLUSION_SECTIONS:
            result.exclusions[section] = [
                span for node in self.entries(doc, section) for span in self.read_exclusion(source, section, node)
            ]
        self.errors.raise_if_any()
        return result

    def read_status(self, doc: dict) -> tuple[str, str | None, dt.date | None]:
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

    def entries(self, doc: Any, table: str) -> list[Any]:
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
                    FieldError(
                        f"each entry of '{table}' must be a mapping", Location.of(self.path, line_of(entries, i), table)
                    )
                )
        return good

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

    # entities -----------------------------------------------------------

    def read_entity(self, result: CuratedSource, source: Source, table: str, model: type[Row], node: dict) -> None:
        if not self.check_keys(node, entity_keys(model), ("id",), table):
            return
        entity_id = str(node["id"])
        fields = {k: plain(v) for k, v in node.items() if k not in ("id", "mentions", "participants")}
        result.declarations.append(Declaration(table, entity_id, fields, self.where(node), node))
        for column, (target, _) in model.foreign_keys().items():
            if fields.get(column) is not None:
                result.references.append(Reference(target, str(fields[column]), self.where(node, column, column)))
        for span, where in self.cited_spans(node, "mentions", source):
            self.add_mention(result, source, model, entity_id, span, where)
        if model is Event:
            self.read_participants(result, entity_id, node)

    def read_participants(self, result: CuratedSource, event_id: str, node: dict) -> None:
        items = node.get("participants") or []
        if not isinstance(items, list):
            self.errors.add(
                FieldError(
                    "'participants' must be a list of mappings", self.where(node, "participants", "participants")
                )
            )
            return
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                self.errors.add(
                    FieldError(
                        "each participant is a mapping of actor_id or organization_id and role",
                        Location.of(self.path, line_of(items, i), "participants"),
                    )
                )
                continue
            if not self.check_keys(item, PARTICIPANT_KEYS, ("role",), "participants"):
                continue
            data = plain(item)
            who = data.get("actor_id") or data.get("organization_id")
            try:
                row = EventParticipant(
                    participant_id=f"{event_id}--{who}--{data['role']}",
                    event_id=event_id,
                    method="curated",
                    provenance=f"{self.path.as_posix()}:{line_of(item)}",
                    **data,
                )
            except ValidationError as exc:
                for err in validation_errors(exc, self.path, item):
                    self.errors.add(err)
                continue
            where = self.where(item)
            result.participants.append((row, where))
            for column in ("actor_id", "organization_id"):
                if data.get(column):
                    result.references.append(
                        Reference(
                            EventParticipant.foreign_keys()[column][0], data[column], self.where(item, column, column)
                        )
                    )

    def add_mention(
        self, result: CuratedSource, source: Source, model: type[Row], entity_id: str, span: Span, where: Location
    ) -> None:
        entity_type = model.table[:-1]
        try:
            result.mentions.append(
                Mention(
                    mention_id=f"{source.source_id}:{span.start}-{span.end}:{entity_id}",
                    source_id=source.source_id,
                    entity_type=entity_type,
                    **{f"{entity_type}_id": entity_id},
                    text=span.text,
                    char_start=span.start,
                    char_end=span.end,
                    method="curated",
                    provenance=f"{self.path.as_posix()}:{where.line}",
                )
            )
        except ValidationError as exc:
            for err in exc.errors():
                self.errors.add(FieldError(err["msg"], where))

    def cited_spans(self, node: dict, key: str, source: Source) -> list[tuple[Span, Location]]:
        """Every span cited in the list ``node[key]`` (strings or citation mappings)."""
        items = node.get(key) or []
        if not isinstance(items, list):
            self.errors.add(FieldError(f"'{key}' must be a list of citations", self.where(node, key, key)))
            return []
        spans = []
        for i, item in enumerate(items):
            where = Location.of(self.path, line_of(items, i), key)
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
                spans += [(s, where) for s in self.cite(source, plain(item), where)]
            else:
                spans += [(s, where) for s in self.cite(source, {"text": plain(item)}, where)]
        return spans

    def cite(self, source: Source, citation: dict, where: Location) -> list[Span]:
        text = citation.get("text")
        if not isinstance(text, str):
            self.errors.add(FieldError(f"a citation must be text (got {text!r})", where))
            return []
        problem = citation_option_problem(citation)
        if problem:
            self.errors.add(FieldError(problem, where))
            return []
        try:
            return find_citation(
                source.text,
                text,
                occurrence=citation.get("occurrence"),
                context=citation.get("context"),
                every=citation.get("every") is True,
            )
        except (CitationNotFound, CitationAmbiguous) as exc:
            self.errors.add(CitationError(f"{exc} (source {source.source_id}, {source.file})", where))
        except ValueError as exc:
            self.errors.add(FieldError(str(exc), where))
        return []

    # quotes and figures --------------------------------------------------

    def read_spanned(
        self, result: CuratedSource, source: Source, table: str, model: type[Row], node: dict, seen: set[str]
    ) -> None:
        span_field = model.span_field
        if not self.check_keys(node, spanned_keys(model), ("id", span_field), table):
            return
        local_id = str(node["id"])
        row_id = f"{source.source_id}-{local_id}"
        if local_id in seen:
            self.errors.add(
                DuplicateIdError(f"{table} id '{local_id}' is used twice in this file", self.where(node, "id", "id"))
            )
            return
        seen.add(local_id)
        where = self.where(node, span_field, span_field)
        citation = {"text": plain(node[span_field]), **{k: plain(node[k]) for k in CITATION_OPTIONS if k in node}}
        spans = self.cite(source, citation, where)
        if not spans:
            return
        span = spans[0]
        fields = {k: plain(v) for k, v in node.items() if k not in ("id", "occurrence", "context")}
        if not self.local_references_exist(result, source, table, fields, node):
            return
        try:
            row = model(
                **fields,
                **{model.primary_key[0]: row_id},
                source_id=source.source_id,
                char_start=span.start,
                char_end=span.end,
                method="curated",
                provenance=f"{self.path.as_posix()}:{line_of(node)}",
            )
        except ValidationError as exc:
            for err in validation_errors(exc, self.path, node, rename={model.primary_key[0]: "id"}):
                self.errors.add(err)
            return
        if isinstance(row, Figure) and not self.figure_value_agrees(row, node):
            return
        getattr(result, table).append(row)
        for column, (target, _) in model.foreign_keys().items():
            if column != "source_id" and column not in LOCAL_REFERENCES and fields.get(column) is not None:
                result.references.append(Reference(target, str(fields[column]), self.where(node, column, column)))

    def global_row_id(self, source_id: str, value: str) -> str:
        """A quote, figure or claim id as published: a local id ("c03") gets this file's source prefix;
        an id that already begins with a source id ("efe-2023-09-20-tocoron-c03") is kept."""
        if any(value.startswith(known + "-") for known in self.sources):
            return value
        return f"{source_id}-{value}"

    def local_references_exist(
        self, result: CuratedSource, source: Source, table: str, fields: dict, node: dict
    ) -> bool:
        """A claim's quote_id and figure_id name entries of this file (written locally, published with the source prefix)."""
        ok = True
        for column, target in LOCAL_REFERENCES.items():
            if table != "claims" or fields.get(column) is None:
                continue
            global_id = self.global_row_id(source.source_id, str(fields[column]))
            fields[column] = global_id
            known = {getattr(r, f"{target[:-1]}_id") for r in getattr(result, target)}
            if global_id not in known:
                self.errors.add(
                    UnknownReferenceError(
                        f"no {target[:-1]} '{node[column]}' in this file", self.where(node, column, column)
                    )
                )
                ok = False
        return ok

    def read_relation(self, result: CuratedSource, source: Source, node: dict) -> None:
        if not self.check_keys(node, RELATION_KEYS, ("claim_id", "other_claim_id", "relation"), "claim_relations"):
            return
        data = plain(node)
        for key in ("claim_id", "other_claim_id"):
            data[key] = self.global_row_id(source.source_id, str(data[key]))
        try:
            row = ClaimRelation(
                relation_id=f"{data['claim_id']}--{data['relation']}--{data['other_claim_id']}",
                method="curated",
                provenance=f"{self.path.as_posix()}:{line_of(node)}",
                **data,
            )
        except ValidationError as exc:
            for err in validation_errors(exc, self.path, node):
                self.errors.add(err)
            return
        result.claim_relations.append((row, self.where(node)))

    def read_exclusion(self, source: Source, section: str, node: dict) -> list[Span]:
        if not self.check_keys(node, EXCLUSION_KEYS, ("text", "reason"), section):
            return []
        citation = {k: plain(v) for k, v in node.items() if k != "reason"}
        return self.cite(source, citation, self.where(node, "text", "text"))

    def figure_value_agrees(self, figure: Figure, node: dict) -> bool:
        """A curated value must be the number its surface states ("some 5,000" is 5000)."""
        stated = read_quantity(figure.surface)
        if stated is None or stated.value is None or figure.value == stated.value:
            return True
        self.errors.add(
            FigureValueError(
                f"{figure.surface!r} states {stated.value:g}, but value is {figure.value!r}",
                self.where(node, "value" if "value" in node else None, "value"),
            )
        )
        return False


def read_annotation(path: Path, sources: dict[str, Source], root: Path | None = None) -> CuratedSource:
    """One annotation file as rows; BuildFailed with every problem found."""
    reader = AnnotationReader(path, sources, root)
    try:
        return reader.read()
    except BuildError as exc:
        reader.errors.add(exc)
        reader.errors.raise_if_any()
        raise


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
