"""Datasette plugin: resource limits on every SQL connection, so no query can exhaust the server.

Datasette's time limit interrupts SQLite between steps, but one step can be
huge (``randomblob(900000000)``), so each connection also gets:

- a cap on the size of any one string or blob (``SQLITE_LIMIT_LENGTH``, twice
  the largest article the build accepts): ``randomblob()``, ``zeroblob()``,
  ``printf()`` widths and concatenations asking for more fail with "string or
  blob too big" before anything is allocated;
- an authorizer denying functions that have no place in a read-only public
  query (``fts3_tokenizer`` returns a process pointer; ``load_extension``) and
  ``printf()``/``format()``: with a huge width or precision
  (``printf('%.*c', 2000000000, 'x')``) SQLite formats the two billion
  characters inside one step, so neither the length cap (the result is only
  refused at the end) nor the time limit (checked between steps) stops it:
  50 s of a core for one request (``||``, ``substr`` and ``round`` do what the
  site needs);
- a cap on the bytes of one query's result (``MAX_RESULT_BYTES``), counted
  row by row as SQLite hands them over, so a query of many large rows stops
  before it fills memory.
"""

from __future__ import annotations

import sqlite3
import weakref

from datasette import hookimpl

from extract.sources import MAX_ARTICLE_BYTES

MAX_VALUE_BYTES = 2 * MAX_ARTICLE_BYTES
MAX_RESULT_BYTES = 32_000_000
DENIED_FUNCTIONS = frozenset({"fts3_tokenizer", "load_extension", "readfile", "writefile", "edit", "printf", "format"})


class ResultTooLarge(sqlite3.OperationalError):
    """A query's result is over MAX_RESULT_BYTES."""


def authorizer(action, arg1, arg2, db_name, trigger):
    if action == sqlite3.SQLITE_FUNCTION and (arg2 or "").lower() in DENIED_FUNCTIONS:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


SIZED = (str, bytes)


def row_size(row) -> int:
    """A row's bytes as counted here: a string's or blob's length, 8 for anything else (run for every row served)."""
    return sum([len(v) if v.__class__ in SIZED else 8 for v in row])


def counting_row_factory(make_row, limit: int):
    """A row factory that adds up each cursor's result bytes and stops the query past ``limit``."""
    seen: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    def row_factory(cursor, row):
        total = seen.get(cursor, 0) + row_size(row)
        if total > limit:
            seen.pop(cursor, None)
            raise ResultTooLarge(f"the query's result is over {limit:,} bytes")
        seen[cursor] = total
        return make_row(cursor, row)

    return row_factory


def limit(conn: sqlite3.Connection) -> None:
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    conn.set_authorizer(authorizer)
    conn.row_factory = counting_row_factory(conn.row_factory or sqlite3.Row, MAX_RESULT_BYTES)


@hookimpl
def prepare_connection(conn):
    limit(conn)
