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
from .schemas import base_type, flat_value, foreign_key_indexes, fts_ddl, fts_fill, sqlite_ddl


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
    path.unlink(missing_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.executescript("".join(sqlite_ddl(m) + fts_ddl(m) for m in MODELS))
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
        # after the rows: one sort per index, not one insert per row and index (the foreign keys' too)
        for index in [*(i for m in MODELS for i in foreign_key_indexes(m)), *serving_indexes()]:
            conn.execute(index)
        conn.execute("COMMIT")
        problems = conn.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise ValueError(f"foreign key check failed in {path.name}: {problems[:5]}")
        conn.execute("VACUUM")
    finally:
        conn.close()
