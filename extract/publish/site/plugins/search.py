"""Datasette plugin: ``/-/search?q=…``, one search across quotes, articles, events, actors, organizations, places and claims.

Each table's FTS5 index is searched with the words given (each word must
occur; stemmed, accents ignored), best matches first among the latest
``CANDIDATES`` matches, at most ``LIMIT`` per table; every hit shows a snippet with the matched words highlighted and links
to its row and, for what is cut from an article, to its words there.  A
speaker's name finds their quotations too: quotes are also found through the
actors and organizations whose names match.  Snippets are escaped first and
highlighted after, so an article holding HTML is shown, never run.
"""

# (no ``from __future__ import annotations``: Datasette loads plugins outside sys.modules, where a dataclass cannot
# resolve string annotations)
import sqlite3
from dataclasses import dataclass

from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.utils import escape_fts, sqlite_timelimit, tilde_encode
from datasette.utils.asgi import Response
from markupsafe import Markup, escape

from extract.serve import database_name

DATABASE = database_name()
LIMIT = 20
OPEN, CLOSE = "\x02", "\x03"  # snippet markers: control characters no article holds


def snippet(table: str, column: int = -1, tokens: int = 24) -> str:
    return f"snippet({table}_fts, {column}, char(2), char(3), '…', {tokens})"


@dataclass(frozen=True)
class Section:
    """One list of the search page: the rows of ``table`` whose full-text index matches the words.

    ``id``, ``source_id``, ``anchor`` and ``extra`` are SQL over the table's
    alias ``t`` (``source_id`` and ``anchor`` NULL for what is not cut from an
    article); the snippet is of the matched ``column`` of the index."""

    key: str
    title: str
    id: str
    source_id: str = "NULL"
    anchor: str = "NULL"
    extra: str = "NULL"
    column: int = -1
    tokens: int = 24

    @property
    def table(self) -> str:
        return self.key

    def select(self, table: str | None = None) -> str:
        """The one query of every section: the index matched, joined to its rows by rowid, best matches first, among
        the latest ``CANDIDATES`` matches (``latest_matches``)."""
        table = table or self.table
        return f"""
        SELECT {self.id} AS id, {self.source_id} AS source_id, {self.anchor} AS anchor,
               {snippet(table, self.column, self.tokens)} AS snippet, {self.extra} AS extra, rank
          FROM {table}_fts JOIN {table} t ON t.rowid = {table}_fts.rowid
         WHERE {table}_fts MATCH :q AND {table}_fts.rowid >= {latest_matches(table)} ORDER BY rank LIMIT :limit"""


CANDIDATES = 1000
"""How many matches of a section are ranked, at most: the latest (by rowid, the order the build wrote them)."""


def latest_matches(table: str) -> str:
    """SQL for the rowid from which the latest ``:candidates`` matches of a table's index start (0 when there are
    fewer: all of them).

    Ranking (bm25) is computed for every match before the best are chosen, so a common word cost as much as it
    has matches: "said" matched 21,317 quotes at 10,000 articles, and ranking them took 33 ms of the 63 ms of the
    search page; ranked among the latest 1,000 it takes 2.5 ms, however large the corpus.  Walking the index
    backwards to the thousandth match, without ranking, is cheap (0.3 ms)."""
    return (
        f"coalesce((SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH :q ORDER BY rowid DESC"
        " LIMIT 1 OFFSET :candidates - 1), 0)"
    )


QUOTE = {"id": "q.quote_id", "source_id": "q.source_id", "anchor": "'quote-' || q.quote_id"}
SECTIONS = [
    Section(
        "quotes",
        "Quotes",
        "t.quote_id",
        "t.source_id",
        "'quote-' || t.quote_id",
        "(SELECT coalesce((SELECT name FROM actors WHERE actor_id = t.speaker_actor_id),"
        " (SELECT name FROM organizations WHERE organization_id = t.speaker_organization_id)))",
    ),
    Section("sources", "Articles", "t.source_id", "t.source_id", extra=snippet("sources", 0, 16), column=1, tokens=32),
    Section("events", "Events", "t.event_id", extra="t.date"),
    Section("actors", "Actors", "t.actor_id", extra="t.role"),
    Section("organizations", "Organizations", "t.organization_id", extra="t.org_type"),
    Section("places", "Places", "t.place_id", extra="t.country"),
    Section("claims", "Claims", "t.claim_id", "t.source_id", "'claim-' || t.claim_id", "t.polarity"),
]
SPEAKERS = [  # a speaker's name finds their quotations: the actors' and organizations' matches, with their quotes
    ("actors", "speaker_actor_id", "actor_id"),
    ("organizations", "speaker_organization_id", "organization_id"),
]
SPEAKERS_SQL = (
    " UNION ALL ".join(
        f"""
        SELECT q.quote_id AS id, q.source_id, 'quote-' || q.quote_id AS anchor, q.text AS snippet,
               {snippet(table, 0, 8)} AS extra, {table}_fts.rank AS rank
          FROM {table}_fts JOIN {table} t ON t.rowid = {table}_fts.rowid JOIN quotes q ON q.{speaker} = t.{key}
         WHERE {table}_fts MATCH :q"""
        for table, speaker, key in SPEAKERS
    )
    + " ORDER BY rank LIMIT :limit"
)
QUERIES = [(s.key, s.title, s.select()) for s in SECTIONS[:1]]
QUERIES += [("speakers", "Quotes by a speaker of that name", SPEAKERS_SQL)]
QUERIES += [(s.key, s.title, s.select()) for s in SECTIONS[1:]]
ROW_TABLE = {"speakers": "quotes"}


def highlighted(text: str | None) -> Markup:
    """The snippet escaped, then its match markers turned into ``<mark>``."""
    if text is None:
        return Markup("")
    return Markup(str(escape(text)).replace(OPEN, "<mark>").replace(CLOSE, "</mark>"))


def all_hits(conn, match: str, time_limit_ms: int) -> list[list[dict]]:
    """The rows of every query of ``QUERIES``, run one after the other in the SQL thread, under one time limit.

    One round trip to the SQL thread instead of one per section: under load, each round trip is a turn of the event
    loop on which the worker's other requests run first, and eight of them made search the slowest page to answer."""
    params = {"q": match, "limit": LIMIT, "candidates": CANDIDATES}
    found = []
    with sqlite_timelimit(conn, time_limit_ms):
        for _, _, sql in QUERIES:
            try:
                cursor = conn.execute(sql, params)
            except sqlite3.OperationalError as exc:
                if exc.args == ("interrupted",):
                    raise QueryInterrupted(exc, sql, params) from None
                raise
            columns = [d[0] for d in cursor.description]
            found.append([dict(zip(columns, row, strict=True)) for row in cursor.fetchall()])
    return found


async def search(datasette, request):
    q = " ".join(request.args.get("q", "").split())[:200]
    db = datasette.get_database(DATABASE)
    sections = []
    if q:
        match = escape_fts(q)
        limit_ms = datasette.setting("sql_time_limit_ms")
        found = await db.execute_fn(lambda conn: all_hits(conn, match, limit_ms))
        for (key, title, _), rows in zip(QUERIES, found, strict=True):
            table = ROW_TABLE.get(key, key)
            hits = []
            for r in rows:
                hits.append(
                    {
                        "row": datasette.urls.row(DATABASE, table, tilde_encode(r["id"])),
                        "id": r["id"],
                        "words": f"/article/{r['source_id']}#{r['anchor']}"
                        if r["anchor"]
                        else (f"/article/{r['id']}" if table == "sources" else None),
                        "snippet": highlighted(r["snippet"]),
                        "extra": highlighted(r["extra"]) if r["extra"] else "",
                    }
                )
            more = (
                datasette.urls.table(DATABASE, table) + "?" + __import__("urllib.parse").parse.urlencode({"_search": q})
            )
            sections.append(
                {
                    "key": key,
                    "title": title,
                    "hits": hits,
                    "more": more if key != "speakers" else None,
                    "full": len(hits) == LIMIT,
                }
            )
    html = await datasette.render_template(
        "search.html", {"q": q, "sections": sections, "database": DATABASE}, request=request
    )
    return Response.html(html)


@hookimpl
def register_routes():
    return [(r"^/-/search$", search)]
