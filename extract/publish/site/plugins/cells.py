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

import weakref

from datasette import hookimpl
from datasette.utils import tilde_encode
from markupsafe import Markup, escape

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
# build publishes a new database, whose tables may differ).
FOREIGN_KEYS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


async def foreign_key(datasette, database: str, table: str, column: str) -> dict | None:
    known = FOREIGN_KEYS.setdefault(datasette, {})
    if (database, table) not in known:
        keys = await datasette.get_database(database).foreign_keys_for_table(table)
        known[database, table] = {fk["column"]: fk for fk in keys}
    return known[database, table].get(column)


async def labelled(datasette, database: str, table: str, column: str, value: str):
    db = datasette.get_database(database)
    target = await foreign_key(datasette, database, table, column)
    if target is None:
        return None
    other = target["other_table"]
    label_column = datasette.table_metadata(database, other).get("label_column") or await db.label_column_for_table(
        other
    )
    if not label_column:
        return None
    row = (
        await db.execute(f'SELECT "{label_column}" FROM "{other}" WHERE "{target["other_column"]}" = ?', [value])
    ).first()
    if row is None or row[0] is None:
        return None
    return link(datasette, database, other, value, str(row[0]), None)


@hookimpl
def render_cell(value, column, table, database, datasette):
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    if table is None:
        return None
    if isinstance(value, dict) and "label" in value and "value" in value:  # an expanded foreign key on a table page

        async def truncated():
            target = await foreign_key(datasette, database, table, column)
            if target is None or value["label"] in (None, value["value"]):
                return None
            return link(datasette, database, target["other_table"], value["value"], str(value["label"]), LABEL_CHARS)

        return truncated()
    if isinstance(value, str) and column.endswith("_id"):  # a bare foreign key: a row page
        return labelled(datasette, database, table, column, value)
    return None
