"""Writing the tables into one SQLite database, from the generated DDL.

The tables are created by ``schema/sqlite.sql`` (generated from the models),
so the database has the same primary keys, foreign keys, CHECK constraints on
vocabularies and indexes as the package; rows are inserted with sqlite-utils.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlite_utils

from ..models import MODELS, Row
from .schemas import flat_value, fts_fill, full_ddl


def write_database(tables: dict[str, list[Row]], path: Path) -> None:
    """Create ``path`` afresh with every table and its rows."""
    path.unlink(missing_ok=True)
    conn = sqlite3.connect(path)
    try:
        conn.executescript(full_ddl())
        db = sqlite_utils.Database(conn)
        for model in MODELS:
            rows = [{k: flat_value(v) for k, v in r.model_dump().items()} for r in tables.get(model.table, [])]
            if rows:
                db[model.table].insert_all(rows)
            if model.search:
                conn.execute(fts_fill(model))
        conn.commit()
        problems = conn.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise ValueError(f"foreign key check failed in {path.name}: {problems[:5]}")
        conn.execute("VACUUM")
    finally:
        conn.close()
