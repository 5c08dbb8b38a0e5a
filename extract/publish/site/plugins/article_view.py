"""Datasette plugin: ``/article/<source_id>``, the annotated view of one article.

It reads the article and every span cut from it (quotes, figures, claims,
mentions of actors, organizations, places and events) from the database, and
renders them with ``extract.publish.article``; the template is
``templates/article.html``.  Each span's words carry an anchor
(``#quote-<quote_id>``, ``#figure-<figure_id>``, ``#claim-<claim_id>``,
``#mention-<mention_id>``) that the row pages and the front page link to.

A claim that a claim of *another* source contradicts is drawn as contested; one
that only a claim of the *same* source contradicts, as conflicting: the two are
listed apart, so the page never says a report is contradicted elsewhere when
the contradiction is within it.
"""

from __future__ import annotations

import sqlite3

from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.utils import sqlite_timelimit
from datasette.utils.asgi import NotFound, Response

from extract.publish.article import Span, render
from extract.serve import database_name

DATABASE = database_name()  # from publish/dataset.yaml (datasette_db)

SPANS_SQL = """
SELECT char_start, char_end, 'quote' AS kind, 'quotes' AS tbl, quote_id AS row_id, 'quote-' || quote_id AS anchor,
       kind || ' quotation' || coalesce(' by ' || (SELECT name FROM actors WHERE actor_id = speaker_actor_id), '')
                           || coalesce(' by ' || (SELECT name FROM organizations WHERE organization_id = speaker_organization_id), '') AS label
  FROM quotes WHERE source_id = :source_id
UNION ALL
SELECT char_start, char_end, 'figure', 'figures', figure_id, 'figure-' || figure_id,
       'figure: ' || coalesce(CASE WHEN value = cast(value AS integer) THEN cast(cast(value AS integer) AS text)
                                   ELSE cast(value AS text) END, 'vague') || ' ' || unit || ' — ' || counts
  FROM figures WHERE source_id = :source_id
UNION ALL
SELECT char_start, char_end, 'claim', 'claims', claim_id, 'claim-' || claim_id, 'claim (' || polarity || '): ' || proposition
  FROM claims WHERE source_id = :source_id
UNION ALL
SELECT m.char_start, m.char_end, m.entity_type,
       CASE m.entity_type WHEN 'actor' THEN 'actors' WHEN 'organization' THEN 'organizations'
                          WHEN 'place' THEN 'places' ELSE 'events' END,
       coalesce(m.actor_id, m.organization_id, m.place_id, m.event_id), 'mention-' || m.mention_id,
       m.entity_type || ': ' || coalesce(a.name, o.name, p.name, e.summary)
  FROM mentions m
  LEFT JOIN actors a ON a.actor_id = m.actor_id
  LEFT JOIN organizations o ON o.organization_id = m.organization_id
  LEFT JOIN places p ON p.place_id = m.place_id
  LEFT JOIN events e ON e.event_id = m.event_id
 WHERE m.source_id = :source_id
"""

# Every contradiction touching a claim of this source, with the other claim and whether it is in the same source
# (the relation found from either end, each through its claim index).
CONTRADICTIONS_SQL = """
SELECT c.claim_id, c.char_start, c.proposition, o.claim_id AS other_id, o.source_id AS other_source, o.text AS other_text,
       o.source_id = c.source_id AS same_source, r.relation_id, r.note, r.method
  FROM claims c
  JOIN claim_relations r ON r.claim_id = c.claim_id
  JOIN claims o ON o.claim_id = r.other_claim_id
 WHERE c.source_id = :source_id AND r.relation = 'contradicts'
UNION ALL
SELECT c.claim_id, c.char_start, c.proposition, o.claim_id, o.source_id, o.text, o.source_id = c.source_id, r.relation_id, r.note, r.method
  FROM claims c
  JOIN claim_relations r ON r.other_claim_id = c.claim_id
  JOIN claims o ON o.claim_id = r.claim_id
 WHERE c.source_id = :source_id AND r.relation = 'contradicts'
 ORDER BY 2, 5, 1
"""

METHOD_WORDS = {"curated": "related by a curator", "rule": "related by a rule"}


def claim_kind(relations: list[dict]) -> str:
    """``contested`` when another source contradicts the claim, ``conflicting`` when only its own source does."""
    return "contested" if any(not r["same_source"] for r in relations) else "conflicting"


def article_rows(conn, source_id: str, time_limit_ms: int):
    """(the source, its spans, its claims' contradictions) in one round trip to the SQL thread, under one time limit;
    ``None`` for an unknown article.

    Three trips before: under load each is a turn of the event loop on which the worker's other requests run
    first."""
    params = {"source_id": source_id}
    with sqlite_timelimit(conn, time_limit_ms):
        try:
            source = conn.execute("SELECT * FROM sources WHERE source_id = :source_id", params).fetchone()
            if source is None:
                return None
            return (
                source,
                conn.execute(SPANS_SQL, params).fetchall(),
                conn.execute(CONTRADICTIONS_SQL, params).fetchall(),
            )
        except sqlite3.OperationalError as exc:
            if exc.args == ("interrupted",):
                raise QueryInterrupted(exc, "article", params) from None
            raise


async def article(datasette, request):
    source_id = request.url_vars["source_id"]
    db = datasette.get_database(DATABASE)
    limit_ms = datasette.setting("sql_time_limit_ms")
    found = await db.execute_fn(lambda conn: article_rows(conn, source_id, limit_ms))
    if found is None:
        raise NotFound(f"No article {source_id!r}")
    source, rows, relations = found
    relations = [dict(r) for r in relations]
    by_claim: dict[str, list[dict]] = {}
    for r in relations:
        by_claim.setdefault(r["claim_id"], []).append(r)
    spans = []
    for r in rows:
        kind, label = r["kind"], r["label"] or ""
        if kind == "claim" and r["row_id"] in by_claim:
            kind = claim_kind(by_claim[r["row_id"]])
            label += " — contradicted by " + "; ".join(
                f"{o['other_source']}: “{o['other_text']}”" for o in by_claim[r["row_id"]]
            )
        spans.append(Span(r["char_start"], r["char_end"], kind, r["tbl"], r["row_id"], label, r["anchor"]))
    for r in relations:
        r["other_link"] = f"/article/{r['other_source']}#claim-{r['other_id']}"
        r["method_words"] = METHOD_WORDS.get(r["method"], r["method"])

    def url(table: str, row_id: str) -> str:
        return datasette.urls.row(DATABASE, table, tilde(row_id))

    legend = sorted(spans, key=lambda s: (s.start, -s.end))
    html = await datasette.render_template(
        "article.html",
        {
            "source": dict(source),
            "article_html": render(source["text"], spans, url),
            "spans": [(s, url(s.table, s.row_id), source["text"][s.start : s.end]) for s in legend],
            "database": DATABASE,
            "across": [r for r in relations if not r["same_source"]],
            "within": [r for r in relations if r["same_source"]],
        },
        request=request,
    )
    return Response.html(html)


def tilde(value: str) -> str:
    from datasette.utils import tilde_encode

    return tilde_encode(value)


@hookimpl
def register_routes():
    return [(r"^/article/(?P<source_id>[^/]+)$", article)]
