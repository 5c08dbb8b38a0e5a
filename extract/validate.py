"""Stage 4, validate: the promises every published row must keep.

Before anything is written: each row's offsets give back its text, ids are
unique, and every foreign key resolves.  After the package is written to a
temporary folder: frictionless validates it (CSV and Parquet, foreign keys
included).  Only a dataset that passes both is published.
"""

from __future__ import annotations

from pathlib import Path

from .errors import BuildFailed, DuplicateIdError, ErrorCollector, Location, OffsetError, PackageError, UnknownReferenceError
from .models import TABLES, Spanned
from .resolve import Dataset


def check_offsets(dataset: Dataset, errors: ErrorCollector) -> None:
    texts = {s.source_id: s.text for s in dataset.rows("sources")}
    for table, rows in dataset.tables.items():
        for row in rows:
            if not isinstance(row, Spanned):
                continue
            cited = getattr(row, row.span_field)
            found = texts.get(row.source_id, "")[row.char_start:row.char_end]
            if found != cited:
                errors.add(OffsetError(f"{table} row {row.model_dump()[TABLES[table].primary_key[0]]}: "
                                       f"text[{row.char_start}:{row.char_end}] is {found!r}, not {cited!r}",
                                       Location.of(row.provenance.rsplit(':', 1)[0], None, row.span_field)))


def check_keys(dataset: Dataset, errors: ErrorCollector) -> None:
    keys: dict[str, set] = {}
    for table, rows in dataset.tables.items():
        model = TABLES[table]
        seen: set = set()
        for row in rows:
            key = tuple(getattr(row, c) for c in model.primary_key)
            if key in seen:
                errors.add(DuplicateIdError(f"{table} has the key {key} more than once", Location.of(getattr(row, "provenance", table))))
            seen.add(key)
        keys[table] = {k[0] for k in seen}
    for table, rows in dataset.tables.items():
        for column, (target, _) in TABLES[table].foreign_keys().items():
            for row in rows:
                value = getattr(row, column)
                if value is not None and value not in keys.get(target, set()):
                    errors.add(UnknownReferenceError(f"{table}.{column} = '{value}' names no row of {target}",
                                                     Location.of(getattr(row, "provenance", table), None, column)))


def check_dataset(dataset: Dataset) -> None:
    """Offsets, unique keys, foreign keys; BuildFailed with every problem."""
    errors = ErrorCollector()
    check_offsets(dataset, errors)
    check_keys(dataset, errors)
    errors.raise_if_any()


def check_package(descriptor_path: Path) -> None:
    """Validate the written package with frictionless; BuildFailed listing each error.

    Every resource is validated (types, constraints, primary keys, ``hash`` and
    ``bytes``).  Foreign keys are checked on the CSV resources; on the Parquet
    resources, which hold the same rows (a test compares the formats), the
    build skips frictionless's foreign-key lookups, the slowest part of a
    validation, and ``check_dataset`` has already checked every reference.
    ``frictionless validate data/datapackage.json`` checks them all.
    """
    import json

    from frictionless import Package

    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        if resource["format"] == "parquet":
            resource["schema"] = {k: v for k, v in resource["schema"].items() if k != "foreignKeys"}
    report = Package(descriptor, basepath=str(descriptor_path.parent)).validate()
    if report.valid:
        return
    errors = [PackageError(f"{e.type}: {e.message}", Location.of(descriptor_path)) for e in report.errors]
    for task in report.tasks:
        for e in task.errors:
            errors.append(PackageError(f"{task.name}: {e.type}: {e.message}", Location.of(descriptor_path.parent / (task.place or ""))))
    raise BuildFailed(errors or [PackageError("frictionless reports the package invalid", Location.of(descriptor_path))])
