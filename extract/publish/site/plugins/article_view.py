"""Datasette plugin: ``/article/<source_id>``, the annotated view of one article.

It reads the article and every span cut from it (quotes, figures, mentions of
actors, organizations, places and events) from the database, and renders them
with ``extract.publish.article``; the template is ``templates/article.html``.
"""

from __future__ import annotations

from datasette import hookimpl
from datasette.utils.asgi import NotFound, Response

from extract.publish.article import Span, render

DATABASE = "tocoron"

SPANS_SQL = """
SELECT char_start, char_end, 'quote' AS kind, 'quotes' AS tbl, quote_id AS row_id,
       kind || ' quotation' || coalesce(' by ' || (SELECT name FROM actors WHERE actor_id = speaker_actor_id), '')
                           || coalesce(' by ' || (SELECT name FROM organizations WHERE organization_id = speaker_organization_id), '') AS label
  FROM quotes WHERE source_id = :source_id
UNION ALL
SELECT char_start, char_end, 'figure', 'figures', figure_id,
       'figure: ' || coalesce(rtrim(rtrim(printf('%f', value), '0'), '.'), 'vague') || ' ' || unit || ' — ' || counts
  FROM figures WHERE source_id = :source_id
UNION ALL
SELECT m.char_start, m.char_end, m.entity_type,
       CASE m.entity_type WHEN 'actor' THEN 'actors' WHEN 'organization' THEN 'organizations'
                          WHEN 'place' THEN 'places' ELSE 'events' END,
       coalesce(m.actor_id, m.organization_id, m.place_id, m.event_id),
       m.entity_type || ': ' || coalesce(a.name, o.name, p.name, e.summary)
  FROM mentions m
  LEFT JOIN actors a ON a.actor_id = m.actor_id
  LEFT JOIN organizations o ON o.organization_id = m.organization_id
  LEFT JOIN places p ON p.place_id = m.place_id
  LEFT JOIN events e ON e.event_id = m.event_id
 WHERE m.source_id = :source_id
"""


CONTESTED_SQL = """
SELECT c.claim_id, c.char_start, c.char_end, c.proposition, o.claim_id AS other_id, o.source_id AS other_source,
       o.text AS other_text, r.note, r.method
  FROM claims c
  JOIN claim_relations r ON r.relation = 'contradicts' AND c.claim_id IN (r.claim_id, r.other_claim_id)
  JOIN claims o ON o.claim_id = CASE WHEN r.claim_id = c.claim_id THEN r.other_claim_id ELSE r.claim_id END
 WHERE c.source_id = :source_id
 ORDER BY c.char_start, o.claim_id
"""


async def article(datasette, request):
    source_id = request.url_vars["source_id"]
    db = datasette.get_database(DATABASE)
    source = (await db.execute("SELECT * FROM sources WHERE source_id = ?", [source_id])).first()
    if source is None:
        raise NotFound(f"No article {source_id!r}")
    rows = (await db.execute(SPANS_SQL, {"source_id": source_id})).rows
    spans = [Span(r["char_start"], r["char_end"], r["kind"], r["tbl"], r["row_id"], r["label"] or "") for r in rows]
    contested = (await db.execute(CONTESTED_SQL, {"source_id": source_id})).rows
    for r in {r["claim_id"]: r for r in contested}.values():
        others = [o for o in contested if o["claim_id"] == r["claim_id"]]
        label = f"contested claim: {r['proposition']} — contradicted by " + "; ".join(f"{o['other_source']}: “{o['other_text']}”" for o in others)
        spans.append(Span(r["char_start"], r["char_end"], "contested", "claims", r["claim_id"], label))
    contradictions = [{"claim_id": r["claim_id"], "proposition": r["proposition"], "note": r["note"], "method": r["method"],
                       "other_text": r["other_text"], "other_link": f"/article/{r['other_source']}#claim-{r['other_id']}",
                       "other_source": r["other_source"]} for r in contested]

    def url(table: str, row_id: str) -> str:
        return datasette.urls.row(DATABASE, table, tilde(row_id))

    legend = sorted(spans, key=lambda s: (s.start, -s.end))
    html = await datasette.render_template("article.html", {
        "source": dict(source), "article_html": render(source["text"], spans, url),
        "spans": [(s, url(s.table, s.row_id), source["text"][s.start:s.end]) for s in legend],
        "database": DATABASE, "contradictions": contradictions,
    }, request=request)
    return Response.html(html)


def tilde(value: str) -> str:
    from datasette.utils import tilde_encode

    return tilde_encode(value)


@hookimpl
def register_routes():
    return [(r"^/article/(?P<source_id>[^/]+)$", article)]
