"""Writing the tables into one SQLite database, from the generated DDL.

The tables are created by ``schema/sqlite.sql`` (generated from the models),
so the database has the same primary keys, foreign keys, CHECK constraints on
vocabularies and indexes as the package.  Rows go in a hundred to an INSERT
statement in one transaction (``insert_rows``), the vocabulary CHECK constraints
are checked a table at a time after them (``check_vocabularies``), the full-text
and other indexes are made after them, and the journal is off while the file is
written (it is written into the staging folder and published only once complete,
so there is nothing for a journal to protect).

The rows come from the models (``write_database``, in the build's process) or
from the package's Parquet files (``write_database_from_parquet``, in the helper
interpreter ``DatabaseProcess`` starts): the same database, byte for byte.

sqlite-utils' ``insert_all`` did the inserting before: it re-derives every
column's type and re-encodes every cell, which cost about 60 % of the whole
build's time at 2,000 articles; the rows here are already validated and typed
by the models, so plain parameter binding does the same work at a fraction of it.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import sys
from collections.abc import Callable, Iterable, Iterator
from operator import attrgetter
from pathlib import Path

from ..helper_process import HelperProcess
from ..models import MODELS, Row
from .schemas import (
    base_type,
    flat_value,
    foreign_key_indexes,
    fts_ddl,
    fts_fill,
    sqlite_ddl,
    vocabulary_check,
)


def flat_rows(model: type[Row], rows: list[Row]) -> Iterator[tuple]:
    """Each row's cells for SQLite: ``flat_value`` on the list and date columns, the only ones it changes."""
    columns = list(model.model_fields)
    cells = attrgetter(*columns) if len(columns) > 1 else (lambda row: (getattr(row, columns[0]),))
    special = [i for i, c in enumerate(columns) if base_type(model.model_fields[c])[0] in (list, dt.date)]
    if not special:
        yield from (cells(r) for r in rows)
        return
    for row in rows:
        values = list(cells(row))
        for i in special:
            values[i] = flat_value(values[i])
        yield values


SERVING_INDEXES = {
    # The site's queries beyond the foreign keys (schema/sqlite.sql indexes every foreign key): every query the site
    # runs is served by an index (tests/test_serving.py checks each plan), so no page scans a table that grows with
    # the corpus.  Name: (table, columns or expressions, why).
    "idx_sources_published": (
        "sources",
        "published, source_id",
        "the sources table's sort; articles in publication order",
    ),
    "idx_actors_name": ("actors", "name", "the actors table's sort"),
    "idx_organizations_name": ("organizations", "name", "the organizations table's sort"),
    "idx_places_name": ("places", "name", "the places table's sort"),
    "idx_events_date": ("events", "date", "the events table's sort"),
    "idx_events_event_type_date": ("events", "event_type, date", "the events of one type, by date (its date facets)"),
    "idx_events_method_date": ("events", "method, date", "the events of one method, by date (its date facets)"),
    "idx_sources_publisher_published": (
        "sources",
        "publisher, published, source_id",
        "one publisher's articles in publication order",
    ),
    "idx_events_timeline": ("events", "date IS NULL, date, event_id", "the timeline's order (undated events last)"),
    "idx_quotes_source_order": ("quotes", "source_id, char_start", "who said what, in article order"),
    "idx_figures_quantity": (
        "figures",
        "event_id, unit, lower(trim(counts))",
        "figures of the same quantity of one event (front page, figures_across_sources)",
    ),
    "idx_mentions_source_order": ("mentions", "source_id, char_start", "mentions of an entity, in article order"),
    "idx_claim_relations_relation": (
        "claim_relations",
        "relation, scope, relation_id",
        "contradictions and corroborations, a page at a time",
    ),
}


FACET_PAIRS = ("sources", "events")
"""The tables of things that grow by rows with every article; actors, organizations and places are shared by the
articles and stay small (hundreds or a few thousand rows), where counting a facet row by row costs nothing."""


def serving_indexes() -> list[str]:
    """The site's indexes, one per facet column, and the pairs a table page of a thing counts its facets through.

    A default facet counts its column on every page of its table: alone, through
    its own index.  A page filtered by one default facet (the reader clicked a
    value) counts the other default facets over the rows it keeps: an index on
    (that facet, the other) counts them from the index alone instead of reading
    each row (at 10,000 articles, 17 ms of a page over the events of one type)."""
    from .datasette import FACET_INDEXES, FACETS

    by_table = {m.table: m for m in MODELS}
    indexes = dict(SERVING_INDEXES)
    for table, columns in [*FACETS.items(), *FACET_INDEXES.items()]:
        for column in columns:
            if column not in by_table[table].foreign_keys():
                indexes.setdefault(f"idx_{table}_{column}", (table, column, "a facet"))
    for table in FACET_PAIRS:
        facets = FACETS[table]
        for first in facets:
            for facet in facets:
                if facet != first:
                    indexes.setdefault(f"idx_{table}_{first}_{facet}", (table, f"{first}, {facet}", "facets of a page"))
    return [
        f"CREATE INDEX IF NOT EXISTS [{name}] ON [{table}] ({columns})" for name, (table, columns, _) in indexes.items()
    ]


def write_database(tables: dict[str, list[Row]], path: Path) -> None:
    """Create ``path`` afresh with every table and its rows."""
    fill_database(path, lambda model: flat_rows(model, tables.get(model.table, [])))


PARQUET_BATCH = 8192
"""Rows read from a Parquet file at a time: the writer holds one batch's Python values, not a table's."""


def parquet_rows(model: type[Row], path: Path) -> Iterator[tuple]:
    """Each row's cells for SQLite, read back from the table's Parquet file: the values the rows hold (the build
    checks that the file reads back as them, ``validate.check_parquet``), with ``flat_value`` on the list and date
    columns as ``flat_rows`` does."""
    import pyarrow.parquet as pq

    columns = list(model.model_fields)
    special = [i for i, c in enumerate(columns) if base_type(model.model_fields[c])[0] in (list, dt.date)]
    for batch in pq.ParquetFile(path).iter_batches(batch_size=PARQUET_BATCH, columns=columns):
        values = [batch.column(i).to_pylist() for i in range(len(columns))]
        for i in special:
            values[i] = [flat_value(v) for v in values[i]]
        yield from zip(*values, strict=True)


def write_database_from_parquet(parquet: Path, path: Path) -> None:
    """``write_database`` from the package's Parquet files (``<table>.parquet`` in ``parquet``): the same database,
    made without the rows' objects, so another process can make it."""
    fill_database(path, lambda model: parquet_rows(model, parquet / f"{model.table}.parquet"))


ROWS_PER_INSERT = 100
"""Rows one INSERT statement takes (``VALUES (...), (...), ...``): the statement runs in one step, in which SQLite
releases the GIL, so a database written in a thread beside busy Python code waits for the GIL once a hundred rows
instead of once a row (each wait up to the interpreter's switch interval: 5 ms)."""


def insert_rows(conn: sqlite3.Connection, model: type[Row], rows: Iterable[tuple]) -> None:
    """The rows, in order, ``ROWS_PER_INSERT`` to a statement (fewer when the columns would pass SQLite's limit
    on a statement's parameters)."""
    columns = list(model.model_fields)
    head = f"INSERT INTO [{model.table}] ({', '.join(f'[{c}]' for c in columns)}) VALUES "
    one = "(" + ", ".join("?" for _ in columns) + ")"
    per = max(1, min(ROWS_PER_INSERT, conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // len(columns)))
    full, batch = head + ", ".join([one] * per), []
    for row in rows:
        batch.extend(row)
        if len(batch) == per * len(columns):
            conn.execute(full, batch)
            batch = []
    if batch:
        conn.execute(head + ", ".join([one] * (len(batch) // len(columns))), batch)


def check_vocabularies(conn: sqlite3.Connection, path: Path) -> None:
    """Every vocabulary column's CHECK constraint, over each table at once (the rows go in with CHECK constraints
    off: SQLite evaluated a long ``IN`` list afresh for every row inserted, 0.8 of the 0.9 s the 17,000 figures of
    2,000 articles took); ValueError naming the first rows that fail it."""
    for model in MODELS:
        for name, info in model.model_fields.items():
            check = vocabulary_check(name, info)
            if check is None:
                continue
            bad = conn.execute(f"SELECT [{name}] FROM [{model.table}] WHERE NOT ({check}) LIMIT 5").fetchall()
            if bad:
                raise ValueError(f"CHECK constraint failed in {path.name}: {model.table}.{name} = {bad}")


def fill_database(path: Path, rows_of: Callable[[type[Row]], Iterable[tuple]]) -> None:
    """Create ``path`` afresh: the tables, each model's rows (``rows_of``) in one transaction, their CHECK
    constraints (``check_vocabularies``), then the full-text and other indexes and the foreign key check.

    No VACUUM: the file is made in one transaction with nothing deleted, so it has no free page to reclaim
    (``PRAGMA freelist_count`` is 0 without it); VACUUM only repacked its pages 1 % tighter (29.9 against 30.2 MB at
    2,000 articles), for about 20 % of the writer's time."""
    path.unlink(missing_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.executescript("".join(sqlite_ddl(m) + fts_ddl(m) for m in MODELS))
        conn.execute("BEGIN")
        conn.execute("PRAGMA ignore_check_constraints = ON")  # checked below, a table at a time
        for model in MODELS:
            insert_rows(conn, model, rows_of(model))
            if model.search:
                conn.execute(fts_fill(model))
        conn.execute("PRAGMA ignore_check_constraints = OFF")
        check_vocabularies(conn, path)
        # after the rows: one sort per index, not one insert per row and index (the foreign keys' too)
        for index in [*(i for m in MODELS for i in foreign_key_indexes(m)), *serving_indexes()]:
            conn.execute(index)
        conn.execute("COMMIT")
        problems = conn.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise ValueError(f"foreign key check failed in {path.name}: {problems[:5]}")
    finally:
        conn.close()


class DatabaseProcess(HelperProcess):
    """The database written by a helper interpreter from the Parquet files, beside the build's own work.

    Written in a thread of the build's process, SQLite's work overlaps the rest only where it releases the GIL,
    and making each row's cells takes the GIL back for every row: the two threads took turns more than they ran
    together.  A fresh interpreter (this module, which imports the models and pyarrow but no rules, spaCy nor
    frictionless) is started once the build's rules have run, so its start overlaps the next stages, and waits; ``go``
    hands it the Parquet folder as soon as the files are written, and it writes the database on the other core
    while the build writes the CSV files and validates.  Not a fork: a forked child shares the build's pages until
    either process writes to them, and both touch every row (the 10,000-article peak would double)."""

    def __init__(self) -> None:
        super().__init__("extract.publish.sqlite")

    def go(self, parquet: Path, path: Path) -> None:
        """Write ``path`` from the Parquet files in ``parquet`` (written: the writer reads them now)."""
        super().go(str(parquet), str(path))

    def wait(self) -> None:
        """Until the database is written; its OSError (a full disk) raised here as such, anything else as RuntimeError."""
        out = self.process.stdout.read()
        code = self.process.wait()
        if code == 0:
            return
        said = json.loads(out) if out.strip() else {}
        if "errno" in said:
            raise OSError(said["errno"], said["strerror"], said["filename"])
        raise RuntimeError(f"the database writer failed (exit {code}):\n{self.said()}")


def warm_up() -> None:
    """Load ``pyarrow.parquet`` (about 0.2 CPU s), which the first Parquet read would, while the writer waits for the
    build: the build's loading and rules leave this core idle, its validation does not."""
    import pyarrow.parquet  # noqa: F401


def main() -> int:
    """The side of ``DatabaseProcess`` in the writer: one line on stdin, ``[parquet folder, database]``; nothing
    (the build stopped before its package was written) writes nothing.  An OSError goes back as JSON on stdout."""
    warm_up()
    line = sys.stdin.readline()
    if not line.strip():
        return 0
    parquet, path = json.loads(line)
    try:
        write_database_from_parquet(Path(parquet), Path(path))
    except OSError as exc:
        json.dump({"errno": exc.errno, "strerror": exc.strerror, "filename": exc.filename}, sys.stdout)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
