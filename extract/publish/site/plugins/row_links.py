"""Datasette plugin: a row cut from an article links to its words there.

On the row page of a quote, figure, mention or claim, ``article_link`` is
``/article/<source_id>#<kind>-<id>`` (the anchor of its highlighted span, see
``article_view.py``); on a source's row page, its annotated view.  The
template ``row.html`` shows the link above the row.
"""

from __future__ import annotations

from datasette import hookimpl
from datasette.utils import urlsafe_components

from extract.publish.site.lookups import rows_by_key

SPANNED = {
    "quotes": ("quote_id", "quote"),
    "figures": ("figure_id", "figure"),
    "mentions": ("mention_id", "mention"),
    "claims": ("claim_id", "claim"),
}


async def article_link(datasette, database: str, table: str, request) -> dict | None:
    pks = urlsafe_components(request.url_vars.get("pks", ""))
    if len(pks) != 1:
        return None
    if table == "sources":
        return {"href": f"/article/{pks[0]}", "text": "Read the annotated article"}
    if table not in SPANNED:
        return None
    key, kind = SPANNED[table]
    sql = f"SELECT source_id, char_start, char_end FROM {table} WHERE {key} = ?"
    found = await rows_by_key(datasette, database, sql, [pks[0]])  # by primary key: on the event loop's thread
    if not found:
        return None
    row = found[0]
    return {
        "href": f"/article/{row['source_id']}#{kind}-{pks[0]}",
        "text": f"See these words in the article ({row['source_id']}, characters {row['char_start']}–{row['char_end']})",
    }


@hookimpl
def extra_template_vars(template, database, table, view_name, request, datasette):
    if view_name != "row" or not table or request is None:
        return {}

    async def inner():
        return {"article_link": await article_link(datasette, database, table, request)}

    return inner
