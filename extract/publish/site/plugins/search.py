"""Datasette plugin: ``/-/search?q=…``, one search across quotes, articles, events, actors, organizations, places and claims.

Each table's FTS5 index is searched with the words given (each word must
occur; stemmed, accents ignored), best matches first, at most ``LIMIT`` per
table; every hit shows a snippet with the matched words highlighted and links
to its row and, for what is cut from an article, to its words there.  A
speaker's name finds their quotations too: quotes are also found through the
actors and organizations whose names match.  Snippets are escaped first and
highlighted after, so an article holding HTML is shown, never run.
"""

from __future__ import annotations

from datasette import hookimpl
from datasette.utils import escape_fts, tilde_encode
from datasette.utils.asgi import Response
from markupsafe import Markup, escape

DATABASE = "tocoron"
LIMIT = 20
OPEN, CLOSE = "\x02", "\x03"  # snippet markers: control characters no article holds


def snippet(table: str, column: int = -1, tokens: int = 24) -> str:
    return f"snippet({table}_fts, {column}, char(2), char(3), '…', {tokens})"


SECTIONS = [
    # (table, title, SQL giving id, source_id, anchor, snippet, extra)
    (
        "quotes",
        "Quotes",
        f"""
        SELECT q.quote_id AS id, q.source_id, 'quote-' || q.quote_id AS anchor, {snippet("quotes")} AS snippet,
               coalesce(a.name, o.name) AS extra, rank
          FROM quotes_fts JOIN quotes q ON q.rowid = quotes_fts.rowid
          LEFT JOIN actors a ON a.actor_id = q.speaker_actor_id
          LEFT JOIN organizations o ON o.organization_id = q.speaker_organization_id
         WHERE quotes_fts MATCH :q ORDER BY rank LIMIT :limit""",
    ),
    (
        "speakers",
        "Quotes by a speaker of that name",
        f"""
        SELECT q.quote_id AS id, q.source_id, 'quote-' || q.quote_id AS anchor, q.text AS snippet,
               {snippet("actors", 0, 8)} AS extra, actors_fts.rank AS rank
          FROM actors_fts JOIN actors a ON a.rowid = actors_fts.rowid JOIN quotes q ON q.speaker_actor_id = a.actor_id
         WHERE actors_fts MATCH :q
        UNION ALL
        SELECT q.quote_id, q.source_id, 'quote-' || q.quote_id, q.text, {snippet("organizations", 0, 8)}, organizations_fts.rank
          FROM organizations_fts JOIN organizations o ON o.rowid = organizations_fts.rowid
          JOIN quotes q ON q.speaker_organization_id = o.organization_id
         WHERE organizations_fts MATCH :q
         ORDER BY rank LIMIT :limit""",
    ),
    (
        "sources",
        "Articles",
        f"""
        SELECT s.source_id AS id, s.source_id, NULL AS anchor, {snippet("sources", 1, 32)} AS snippet,
               {snippet("sources", 0, 16)} AS extra, rank
          FROM sources_fts JOIN sources s ON s.rowid = sources_fts.rowid
         WHERE sources_fts MATCH :q ORDER BY rank LIMIT :limit""",
    ),
    (
        "events",
        "Events",
        f"""
        SELECT e.event_id AS id, NULL AS source_id, NULL AS anchor, {snippet("events")} AS snippet, e.date AS extra, rank
          FROM events_fts JOIN events e ON e.rowid = events_fts.rowid
         WHERE events_fts MATCH :q ORDER BY rank LIMIT :limit""",
    ),
    (
        "actors",
        "Actors",
        f"""
        SELECT a.actor_id AS id, NULL AS source_id, NULL AS anchor, {snippet("actors")} AS snippet, a.role AS extra, rank
          FROM actors_fts JOIN actors a ON a.rowid = actors_fts.rowid
         WHERE actors_fts MATCH :q ORDER BY rank LIMIT :limit""",
    ),
    (
        "organizations",
        "Organizations",
        f"""
        SELECT o.organization_id AS id, NULL AS source_id, NULL AS anchor, {snippet("organizations")} AS snippet,
               o.org_type AS extra, rank
          FROM organizations_fts JOIN organizations o ON o.rowid = organizations_fts.rowid
         WHERE organizations_fts MATCH :q ORDER BY rank LIMIT :limit""",
    ),
    (
        "places",
        "Places",
        f"""
        SELECT p.place_id AS id, NULL AS source_id, NULL AS anchor, {snippet("places")} AS snippet, p.country AS extra, rank
          FROM places_fts JOIN places p ON p.rowid = places_fts.rowid
         WHERE places_fts MATCH :q ORDER BY rank LIMIT :limit""",
    ),
    (
        "claims",
        "Claims",
        f"""
        SELECT c.claim_id AS id, c.source_id, 'claim-' || c.claim_id AS anchor, {snippet("claims")} AS snippet,
               c.polarity AS extra, rank
          FROM claims_fts JOIN claims c ON c.rowid = claims_fts.rowid
         WHERE claims_fts MATCH :q ORDER BY rank LIMIT :limit""",
    ),
]
ROW_TABLE = {"speakers": "quotes"}


def highlighted(text: str | None) -> Markup:
    """The snippet escaped, then its match markers turned into ``<mark>``."""
    if text is None:
        return Markup("")
    return Markup(str(escape(text)).replace(OPEN, "<mark>").replace(CLOSE, "</mark>"))


async def search(datasette, request):
    q = " ".join(request.args.get("q", "").split())[:200]
    db = datasette.get_database(DATABASE)
    sections = []
    if q:
        match = escape_fts(q)
        for key, title, sql in SECTIONS:
            table = ROW_TABLE.get(key, key)
            hits = []
            for r in (await db.execute(sql, {"q": match, "limit": LIMIT})).rows:
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
