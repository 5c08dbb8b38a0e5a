"""Writing the tables into one SQLite database, from the generated DDL.

The tables are created by ``schema/sqlite.sql`` (generated from the models),
so the database has the same primary keys, foreign keys, CHECK constraints on
vocabularies and indexes as the package.  Rows go in with ``executemany`` in
one transaction, the full-text indexes are filled after them, and the journal
is off while the file is written (it is written into the staging folder and
published only once complete, so there is nothing for a journal to protect).

sqlite-utils' ``insert_all`` did the inserting before: it re-derives every
column's type and re-encodes every cell, which cost about 60 % of the whole
build's time at 2,000 articles; the rows here are already validated and typed
by the models, so plain ``executemany`` does the same work at a fraction of it.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from operator import attrgetter
from pathlib import Path

from ..models import MODELS, Row
from .schemas import base_type, flat_value, fts_fill, full_ddl


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


def write_database(tables: dict[str, list[Row]], path: Path) -> None:
    """Create ``path`` afresh with every table and its rows."""
    path.unlink(missing_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.executescript(full_ddl())
        conn.execute("BEGIN")
        for model in MODELS:
            columns = list(model.model_fields)
            rows = tables.get(model.table, [])
            if rows:
                insert = (
                    f"INSERT INTO [{model.table}] ({', '.join(f'[{c}]' for c in columns)}) "
                    f"VALUES ({', '.join('?' for _ in columns)})"
                )
                conn.executemany(insert, flat_rows(model, rows))
            if model.search:
                conn.execute(fts_fill(model))
        conn.execute("COMMIT")
        problems = conn.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise ValueError(f"foreign key check failed in {path.name}: {problems[:5]}")
        conn.execute("VACUUM")
    finally:
        conn.close()
