"""The site's own key lookups, run at once on the event loop's thread (used by the plugins in ``plugins/``).

A label or a row's place in its article is found by primary key: a few index
probes, far less work than a round trip to Datasette's SQL thread (a future, a
thread switch, and a turn of the event loop on which the worker's other
requests run first).  On an immutable database such a lookup runs here, on a
connection of its own per site (prepared as Datasette prepares its own, with
the plugins' ``prepare_connection`` hooks), cut off after
``INLINE_TIME_LIMIT_MS``.  Only the site's own lookups run here, never a
visitor's SQL.
"""

from __future__ import annotations

import sqlite3
import weakref

from datasette.utils import sqlite_timelimit

INLINE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
INLINE_TIME_LIMIT_MS = 100
"""A key lookup run on the event loop's own thread is cut off after this long (it takes microseconds: each key is
found through its primary key's index)."""


def lookup(datasette, database: str, sql: str, params: list) -> list | None:
    """The rows of a lookup by primary keys, run at once on this thread's own connection to an immutable database
    (``None`` for any other database: the caller goes through Datasette's SQL thread).  An interrupted one gives no
    rows (no labels), as Datasette's own expansion of foreign keys does."""
    db = datasette.get_database(database)
    if db.is_mutable or db.is_memory:
        return None
    connections = INLINE.setdefault(datasette, {})
    conn = connections.get(database)
    if conn is None:
        conn = connections[database] = db.connect()
        datasette._prepare_connection(conn, database)  # as Datasette prepares its own: the plugins' hooks
    try:
        with sqlite_timelimit(conn, INLINE_TIME_LIMIT_MS):
            return conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        if exc.args == ("interrupted",):
            return []
        raise


async def rows_by_key(datasette, database: str, sql: str, params: list) -> list:
    """``lookup``'s rows, or, on a database that is not immutable, the same SQL through Datasette's SQL thread."""
    found = lookup(datasette, database, sql, params)
    if found is None:
        found = (await datasette.get_database(database).execute(sql, params)).rows
    return found
