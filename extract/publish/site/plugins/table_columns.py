"""Datasette plugin: a table page opens on the columns a reader reads first.

The metadata gives each table its ``default_columns`` (generated from the
models by ``extract/publish/datasette.py``: the key, the label, then the other
fields but offsets, provenance and whole texts).  Until the reader asks for
columns (Datasette's ``_col``/``_nocol``, or ``_columns=all`` from the link the
page shows), ``_table.html`` shows those, in that order; the others are named
above the table with a link that shows them.  Only the page changes: the JSON
and CSV of the same URL keep every column.

The rows themselves are written here (``rows_html``), not by a Jinja loop:
Datasette renders templates in Jinja's async mode, where every loop step and
attribute lookup goes through coroutine helpers, and the template's
"for each shown column, for each cell of the row" was a third of a table
page's CPU at 30 rows.  So are a query's results (``query_rows_html``, for
the project's copy of Datasette's query.html).
"""

from __future__ import annotations

from datasette import hookimpl
from datasette.utils import to_css_class
from markupsafe import Markup, escape

ALL = "_columns"
"""The query argument (``_columns=all``) that shows every column."""


def chosen_by_reader(args) -> bool:
    return any(name in args for name in ("_col", "_nocol", ALL))


def column_order(display_columns: list[dict], default: list[str] | None) -> tuple[list[dict], list[str]]:
    """(the columns to show, in order; the names of those hidden) for a page's ``display_columns``.

    Columns that are not the table's own (Datasette's ``Link`` of a rowid table) and primary keys stay first.
    """
    if not default:
        return display_columns, []
    by_name = {c["name"]: c for c in display_columns}
    wanted = set(default)
    first = [c for c in display_columns if c["name"] not in wanted and c.get("is_pk")]
    shown = first + [by_name[n] for n in default if n in by_name]
    names = {c["name"] for c in shown}
    return shown, [c["name"] for c in display_columns if c["name"] not in names]


def rows_html(display_rows, shown: list[dict]) -> Markup:
    """The ``<tr>`` of each row, its cells in the order of the ``shown`` columns (what the Jinja loop wrote).

    A cell's value is escaped as Jinja's autoescape would (``Markup`` kept as it is); the CSS classes of a column are
    computed once a page, not once a cell."""
    css: dict[str, str] = {}
    lines = []
    for row in display_rows:
        by_column: dict[str, list] = {}
        for cell in row:
            by_column.setdefault(cell["column"], []).append(cell)
        tds = []
        for column in shown:
            for cell in by_column.get(column["name"], ()):
                name = cell["column"]
                if name not in css:
                    css[name] = str(escape(to_css_class(name)))
                tds.append(
                    f'<td class="col-{css[name]} type-{escape(cell["value_type"])}">{escape(cell["value"])}</td>'
                )
        lines.append("<tr>" + "".join(tds) + "</tr>")
    return Markup("\n".join(lines))


def query_rows_html(columns: list[str], display_rows) -> Markup:
    """The ``<tr>`` of each row of a query's results (what the loop of Datasette's query.html wrote)."""
    css = [str(escape(to_css_class(column))) for column in columns]
    return Markup(
        "\n".join(
            "<tr>"
            + "".join(f'<td class="col-{c}">{escape(td)}</td>' for c, td in zip(css, row, strict=False))
            + "</tr>"
            for row in display_rows
        )
    )


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    if view_name != "table" or not table or request is None:
        return {"rows_html": rows_html, "query_rows_html": query_rows_html}  # a row page's table, a query's results
    default = (
        None if chosen_by_reader(request.args) else datasette.table_metadata(database, table).get("default_columns")
    )

    def ordered(display_columns):
        return column_order(display_columns, default)

    return {"column_order": ordered, "all_columns_arg": ALL, "rows_html": rows_html}
