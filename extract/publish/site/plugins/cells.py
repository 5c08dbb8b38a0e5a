"""Datasette plugin: table cells a journalist can read.

- A whole number stored as a float is shown whole, with thousands separators
  (``11,000``, not ``11000.0``).
- On table pages a foreign key's label is cut to ``LABEL_CHARS`` characters
  (the full label in the link's title and on the row page), so a row is one or
  two lines, not the whole summary of its event.
- On row pages, where Datasette shows foreign keys as bare ids, each one is
  shown with its label, linked to its row.
"""

from __future__ import annotations

import functools
import weakref
from collections import OrderedDict

from datasette import hookimpl
from datasette.utils import await_me_maybe, escape_sqlite, tilde_encode
from markupsafe import Markup, escape

from extract.publish.site.lookups import lookup, rows_by_key

LABEL_CHARS = 60


def shorten(text: str, limit: int = LABEL_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def link(datasette, database: str, table: str, value: str, label: str, limit: int | None) -> Markup:
    shown = shorten(label, limit) if limit else label
    title = f' title="{escape(label)}"' if shown != label else ""
    href = datasette.urls.row(database, table, tilde_encode(str(value)))
    return Markup(f'<a href="{escape(href)}"{title}>{escape(shown)}</a>&nbsp;<em>{escape(value)}</em>')


# The database is immutable: its foreign keys are read once per table and per site (``serve`` makes a new site when a
# build publishes a new database, whose tables may differ).  Once a table's are known, every cell is decided without a
# coroutine: ``render_cell`` runs for every cell of every page (30 rows of 12 columns: 360 calls a table page).
FOREIGN_KEYS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def known_foreign_keys(datasette, database: str, table: str) -> dict | None:
    """The table's foreign keys by column, if this site has read them already."""
    known = FOREIGN_KEYS.get(datasette)
    return None if known is None else known.get((database, table))


async def foreign_keys(datasette, database: str, table: str) -> dict:
    keys = known_foreign_keys(datasette, database, table)
    if keys is None:
        found = await datasette.get_database(database).foreign_keys_for_table(table)
        keys = FOREIGN_KEYS.setdefault(datasette, {})[database, table] = {fk["column"]: fk for fk in found}
    return keys


ROW_LABELS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
MAX_ROW_LABELS = 1024  # rows whose labels each site keeps (its database is immutable; a row page asks for each key)


async def row_labels(datasette, database: str, keys: dict, row) -> dict:
    """The label of every foreign key of ``row`` (a row page's row), by column, in one query.

    Datasette renders a row page's cells one by one, and each bare foreign key
    asked for its label alone: a claim's event, source, figure, quote and
    claimant were five round trips to the SQL thread, each a turn of the event
    loop on which the worker's other requests go first.  Now the first key's
    cell fetches them all (``UNION ALL``, each by its key's index) and the
    others find them here."""
    db = datasette.get_database(database)
    wanted = []
    for column, target in keys.items():
        try:
            value = row[column]
        except (IndexError, KeyError):
            continue
        if not isinstance(value, str):
            continue
        other = target["other_table"]
        label_column = datasette.table_metadata(database, other).get("label_column") or await db.label_column_for_table(
            other
        )
        if label_column:
            wanted.append((column, other, label_column, target["other_column"], value))
    kept = ROW_LABELS.setdefault(datasette, OrderedDict())
    memo = (database, tuple((w[0], w[4]) for w in wanted))
    if memo in kept:
        kept.move_to_end(memo)
        return kept[memo]
    labels = {}
    if wanted:
        sql = " UNION ALL ".join(
            f'SELECT {i} AS n, "{label}" AS label FROM "{other}" WHERE "{key}" = ?'
            for i, (_, other, label, key, _) in enumerate(wanted)
        )
        for n, label in await rows_by_key(datasette, database, sql, [w[4] for w in wanted]):
            if label is not None:
                labels.setdefault(wanted[n][0], str(label))
    kept[memo] = labels
    while len(kept) > MAX_ROW_LABELS:
        kept.popitem(last=False)
    return labels


async def labelled(datasette, database: str, keys: dict, row, column: str, value: str):
    """A bare foreign key (a row page) shown with its label, linked to its row."""
    label = (await row_labels(datasette, database, keys, row)).get(column)
    if label is None:
        return None
    return link(datasette, database, keys[column]["other_table"], value, label, None)


def foreign_key_cell(keys: dict, value, column: str, database: str, datasette, row=None):
    """The cell of a foreign key: a label cut short (a table page) or a label looked up (a row page); else None.

    An expanded key whose label is already short is left to Datasette, whose
    link is the same one (``<a href=row>label</a>&nbsp;<em>id</em>``)."""
    target = keys.get(column)
    if target is None:
        return None
    if isinstance(value, dict):  # an expanded foreign key on a table page
        label = value["label"]
        if label is None or label == value["value"] or shorten(str(label)) == label:
            return None
        return link(datasette, database, target["other_table"], value["value"], str(label), LABEL_CHARS)
    if row is None:
        row = {column: value}
    return labelled(datasette, database, keys, row, column, value)  # a bare foreign key: a row page


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if isinstance(value, float):
        return f"{int(value):,}" if value.is_integer() and abs(value) < 1e15 else None
    if table is None:
        return None
    if not (
        (isinstance(value, dict) and "label" in value and "value" in value)
        or (isinstance(value, str) and column.endswith("_id"))
    ):
        return None
    keys = known_foreign_keys(datasette, database, table)
    if keys is not None:
        return foreign_key_cell(keys, value, column, database, datasette, row)

    async def first_of_its_table():
        return await await_me_maybe(
            foreign_key_cell(await foreign_keys(datasette, database, table), value, column, database, datasette, row)
        )

    return first_of_its_table()


def skipping_nulls(expand):
    """Datasette's ``expand_foreign_keys`` without a query when every value is NULL.

    A table page expands each foreign key column with one query, ``... WHERE key IN (NULL, ...)``, even when the
    column is empty on the page (a claim's quote, figure and claimant often are): a round trip to the SQL thread for
    no label.  NULL matches no key, so the labels are the same without it."""

    @functools.wraps(expand)
    async def expand_foreign_keys(database, table, column, values):
        values = [v for v in values if v is not None]
        if not values:
            return {}
        return await expand(database, table, column, values)

    return expand_foreign_keys


def expanding_inline(datasette, expand):
    """Datasette's ``expand_foreign_keys`` (a table page's labels, one call per foreign key column, in turn), with its
    query run by ``lookup`` on an immutable database: the same SQL, the same labels, no round trip."""

    @functools.wraps(expand)
    async def expand_foreign_keys(database, table, column, values):
        values = [v for v in values if v is not None]
        db = datasette.get_database(database)
        if not values or db.is_mutable or db.is_memory:
            return await expand(database, table, column, values)
        fk = next((fk for fk in await db.foreign_keys_for_table(table) if fk["column"] == column), None)
        if fk is None:
            return {}
        label_column = await db.label_column_for_table(fk["other_table"])
        if not label_column:
            return {(fk["column"], value): str(value) for value in values}
        keys = list(set(values))
        sql = (
            f"select {escape_sqlite(fk['other_column'])}, {escape_sqlite(label_column)} "
            f"from {escape_sqlite(fk['other_table'])} where {escape_sqlite(fk['other_column'])} "
            f"in ({', '.join(['?'] * len(keys))})"
        )
        return {(fk["column"], key): label for key, label in lookup(datasette, database, sql, keys)}

    return expand_foreign_keys


@hookimpl
def startup(datasette):
    datasette.expand_foreign_keys = expanding_inline(datasette, skipping_nulls(datasette.expand_foreign_keys))
