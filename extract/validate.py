"""Stage 4, validate: the promises every published row must keep.

Before anything is written: each row's offsets give back its text, ids are
unique, and every foreign key resolves.  After the package is written to a
temporary folder: stock frictionless validates it as a user will (see
``package_check``), and each Parquet file must read back as the rows it was
written from.  Only a dataset that passes both is published.
"""

from __future__ import annotations

import datetime as dt
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import (
    BuildFailed,
    DuplicateIdError,
    ErrorCollector,
    FieldError,
    Location,
    OffsetError,
    PackageError,
    UnknownReferenceError,
)
from .models import MODELS, TABLES, Spanned
from .pipeline_timings import stage

if TYPE_CHECKING:
    from .resolve import Dataset


def check_offsets(dataset: Dataset, errors: ErrorCollector) -> None:
    texts = {s.source_id: s.text for s in dataset.rows("sources")}
    for table, rows in dataset.tables.items():
        for row in rows:
            if not isinstance(row, Spanned):
                continue
            cited = getattr(row, row.span_field)
            found = texts.get(row.source_id, "")[row.char_start : row.char_end]
            if found != cited:
                errors.add(
                    OffsetError(
                        f"{table} row {row.model_dump()[TABLES[table].primary_key[0]]}: "
                        f"text[{row.char_start}:{row.char_end}] is {found!r}, not {cited!r}",
                        Location.of(row.provenance.rsplit(":", 1)[0], None, row.span_field),
                    )
                )


def check_keys(dataset: Dataset, errors: ErrorCollector) -> None:
    """Every primary key unique, every foreign key naming a row.  Each table is checked a column at a time
    (``attrgetter`` over the rows, then sets); only a table that fails is walked row by row (``report_duplicates``, ``report_references``), for
    its problems in row order."""
    keys: dict[str, set] = {}
    for table, rows in dataset.tables.items():
        model = TABLES[table]
        found = list(map(attrgetter(*model.primary_key), rows))  # a value, or a tuple for a key of several columns
        unique = set(found)
        if len(unique) != len(found):
            report_duplicates(table, rows, errors)
        keys[table] = unique if len(model.primary_key) == 1 else {k[0] for k in unique}
    for table, rows in dataset.tables.items():
        for column, (target, _) in TABLES[table].foreign_keys().items():
            known = keys.get(target, set())
            named = set(map(attrgetter(column), rows))
            named.discard(None)
            if not named <= known:
                report_references(table, column, target, rows, known, errors)


def report_duplicates(table: str, rows: list, errors: ErrorCollector) -> None:
    """A ``DuplicateIdError`` for each row whose primary key an earlier row of ``table`` has."""
    model = TABLES[table]
    seen: set = set()
    for row in rows:
        key = tuple(getattr(row, c) for c in model.primary_key)
        if key in seen:
            errors.add(
                DuplicateIdError(
                    f"{table} has the key {key} more than once", Location.of(getattr(row, "provenance", table))
                )
            )
        seen.add(key)


def report_references(table: str, column: str, target: str, rows: list, known: set, errors: ErrorCollector) -> None:
    """An ``UnknownReferenceError`` for each row of ``table`` whose ``column`` names no row of ``target``."""
    for row in rows:
        value = getattr(row, column)
        if value is not None and value not in known:
            errors.add(
                UnknownReferenceError(
                    f"{table}.{column} = '{value}' names no row of {target}",
                    Location.of(getattr(row, "provenance", table), None, column),
                )
            )


EVENT_AFTER_REPORT = dt.timedelta(days=366)
"""How far after its latest report an event may be dated: a report may announce a trial or a vote
months ahead, but an event dated years after every report that mentions it is a typo."""


def where(row, field: str) -> Location:
    """The curated entry a row comes from (its ``provenance`` is ``file:line``), or the rule that made it."""
    file, _, line = row.provenance.rpartition(":")
    return Location.of(file, int(line), field) if line.isdigit() else Location.of(row.provenance, None, field)


def check_quote_spans(dataset: Dataset, errors: ErrorCollector) -> None:
    """Two quotations of one source over exactly the same characters are one quotation entered twice."""
    seen: dict[tuple, str] = {}
    for quote in dataset.rows("quotes"):
        key = (quote.source_id, quote.char_start, quote.char_end)
        if key in seen:
            errors.add(
                DuplicateIdError(
                    f"quotes {seen[key]} and {quote.quote_id} cite the same characters "
                    f"({quote.char_start}-{quote.char_end}) of {quote.source_id}",
                    where(quote, "text"),
                )
            )
        seen.setdefault(key, quote.quote_id)


def check_event_dates(dataset: Dataset, errors: ErrorCollector) -> None:
    """A curated event may precede its reports by any time, but not follow the latest of them by more than a year."""
    published = {s.source_id: s.published_date for s in dataset.rows("sources")}
    latest: dict[str, dt.date] = {}
    for mention in dataset.rows("mentions"):
        if mention.event_id and mention.source_id in published:
            day = published[mention.source_id]
            latest[mention.event_id] = max(latest.get(mention.event_id, day), day)
    for event in dataset.rows("events"):
        if event.method != "curated":
            continue  # a rule's date is its reading of the text, checked by its own tests; a curator's is a claim
        report = latest.get(event.event_id)
        if event.date and report and event.date > report + EVENT_AFTER_REPORT:
            errors.add(
                FieldError(
                    f"event {event.event_id} is dated {event.date}, more than a year after its latest "
                    f"report ({report})",
                    where(event, "date"),
                )
            )


def check_dataset(dataset: Dataset) -> None:
    """Offsets, unique keys, foreign keys, duplicate quotations, event dates; BuildFailed with every problem."""
    errors = ErrorCollector()
    check_offsets(dataset, errors)
    check_keys(dataset, errors)
    check_quote_spans(dataset, errors)
    check_event_dates(dataset, errors)
    errors.raise_if_any()


def check_parquet(out: Path, tables: dict[str, list], written: dict | None = None) -> list[tuple[str, str]]:
    """(file, message) for each Parquet file that does not read back as the rows it was written from.

    The CSV files are written from the same rows and frictionless checks
    them row by row; this check is what ties the Parquet files to them.
    ``written`` holds the Arrow tables ``write_package`` made from the rows
    (``arrow_table``) and wrote; a table missing there is made from the rows."""
    import pyarrow.parquet as pq

    from .publish.package import arrow_table

    problems = []
    for model in MODELS:
        path = out / "parquet" / f"{model.table}.parquet"
        expected = (written or {}).get(model.table)
        if expected is None:
            expected = arrow_table(model, tables.get(model.table, []))
        # the file itself, not ``pq.read_table``, which imports pyarrow.dataset for one file: the 13 files read in
        # 0.08 CPU s instead of 0.15 at 2,000 articles, in a process that has just written them
        with pq.ParquetFile(path) as file:
            found = file.read()
        if not (found.schema.equals(expected.schema, check_metadata=True) and found.equals(expected)):
            problems.append(
                (str(path), f"{model.table}-parquet: the file does not read back as the rows it was written from")
            )
    return problems


def check_package(
    descriptor_path: Path, tables: dict[str, list], cache_folder: Path | None = None, started=None, written=None
) -> None:
    """Validate the written package; BuildFailed listing each problem.

    Stock frictionless, as a user runs it (every CSV row: types, constraints,
    primary and foreign keys; every file's hash and bytes), skipping only the
    resources ``cache_folder`` has seen proven with the same bytes, schema and
    referenced files (``package_check``); then the Parquet files against the
    rows they were written from.  ``started`` is a ``package_check.SharedValidation``
    the build started when it wrote the package (its helper has been validating
    the largest resources since); without it, one is started here.  ``written``: see ``check_parquet``."""
    from .package_check import SharedValidation

    validation = started or SharedValidation(descriptor_path, cache_folder)
    try:
        with stage("parquet check"):
            problems = check_parquet(descriptor_path.parent, tables, written)
        with stage("frictionless"):
            problems += validation.problems()
    finally:
        validation.close()
    if problems:
        raise BuildFailed([PackageError(message, Location.of(file)) for file, message in problems])
