"""Stage 4, validate: the promises every published row must keep.

Before anything is written: each row's offsets give back its text, ids are
unique, and every foreign key resolves.  After the package is written to a
temporary folder: stock frictionless validates it as a user will (see
``package_check``), and each Parquet file must read back as the rows it was
written from.  Only a dataset that passes both is published.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .errors import BuildFailed, DuplicateIdError, ErrorCollector, Location, OffsetError, PackageError, UnknownReferenceError
from .models import MODELS, TABLES, Spanned

if TYPE_CHECKING:
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


def check_parquet(out: Path, tables: dict[str, list]) -> list[tuple[str, str]]:
    """(file, message) for each Parquet file that does not read back as the rows it was written from.

    The CSV files are written from the same rows and frictionless checks
    them row by row; this check is what ties the Parquet files to them."""
    import pyarrow.parquet as pq

    from .publish.package import arrow_table

    problems = []
    for model in MODELS:
        path = out / "parquet" / f"{model.table}.parquet"
        expected = arrow_table(model, tables.get(model.table, []))
        found = pq.read_table(path)
        if not (found.schema.equals(expected.schema, check_metadata=True) and found.equals(expected)):
            problems.append((str(path), f"{model.table}-parquet: the file does not read back as the rows it was written from"))
    return problems


def check_package(descriptor_path: Path, tables: dict[str, list]) -> None:
    """Validate the written package; BuildFailed listing each problem.

    Stock frictionless, as a user runs it (every CSV row: types, constraints,
    primary and foreign keys; every file's hash and bytes), then the Parquet
    files against the rows they were written from."""
    from .package_check import frictionless_problems

    problems = frictionless_problems(descriptor_path) + check_parquet(descriptor_path.parent, tables)
    if problems:
        raise BuildFailed([PackageError(message, Location.of(file)) for file, message in problems])
