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
from datasette.utils import await_me_maybe, tilde_encode
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


async def labelled(datasette, database: str, target: dict, value: str):
    """A bare foreign key (a row page) shown with its label, linked to its row."""
    db = datasette.get_database(database)
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


def foreign_key_cell(keys: dict, value, column: str, database: str, datasette):
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
    return labelled(datasette, database, target, value)  # a bare foreign key: a row page


@hookimpl
def render_cell(value, column, table, database, datasette):
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
        return foreign_key_cell(keys, value, column, database, datasette)

    async def first_of_its_table():
        return await await_me_maybe(
            foreign_key_cell(await foreign_keys(datasette, database, table), value, column, database, datasette)
        )

    return first_of_its_table()
