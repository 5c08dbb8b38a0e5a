"""Datasette's ``metadata.json``, generated from the models, dataset.yaml and queries.yaml.

Tables and columns are described from the models' docstrings and field
descriptions (vocabulary values listed); foreign keys show labels; facets and
sort orders are set per table; table pages open on their default columns (the
key, the label, then what a reader reads first: see ``default_columns``); canned queries come from ``queries.yaml``; the
home page links to the downloads (served from ``/data/``) and to each article's
annotated view (``/article/<source_id>``).
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

from ..models import MODELS, Row, Source
from ..yamlfile import read_data
from .dataset import describe
from .schemas import column_descriptions

QUERIES_FILE = Path(__file__).with_name("queries.yaml")
LABEL_COLUMNS = {
    "sources": "title",
    "organizations": "name",
    "actors": "name",
    "places": "name",
    "events": "summary",
    "claims": "proposition",
    "vocabularies": "value",
    "quotes": "text",
    "figures": "surface",
}
FACETS = {
    # Facets shown on every page of a table, only on the tables of things (one row per source, organization, actor,
    # place, event): columns of a few values, each counted through its index (extract/publish/sqlite.py indexes every
    # one).  The tables cut from articles (quotes, figures, mentions, claims, relations, participants) have none by
    # default: Datasette counts a facet over every row after the page's cursor, on every page, and at 10,000 articles
    # that was most of a page's time; any column is one click from a facet (its column menu, or ``?_facet=``).
    "sources": ["publisher"],
    "organizations": ["org_type", "country", "method"],
    "actors": ["actor_type", "method"],
    "places": ["place_type", "country", "coordinate_precision", "method"],
    "events": ["event_type", "method"],
    "rule_scores": ["measure"],
    "vocabularies": ["vocabulary"],
}
FACET_INDEXES = {  # columns faceted often enough on the tables cut from articles to be indexed too
    "quotes": ["kind", "method"],
    "figures": ["qualifier", "unit", "method"],
    "mentions": ["entity_type", "method"],
    "claims": ["polarity", "certainty", "method"],
    "claim_relations": ["relation", "scope", "method"],
    "event_participants": ["role"],
}
UNITS = {"latitude": "degree", "longitude": "degree"}  # Datasette units are Pint unit names


def default_columns(model: type[Row]) -> list[str]:
    """The columns a table page shows until the reader asks for others, in order: the primary key, the label, then
    the model's other fields, without those the model marks ``detail`` (offsets, provenance, whole texts).

    Derived from the models' field metadata (``DETAIL`` in extract/models.py), so a new column is shown unless its
    model says otherwise; the row page, the JSON and the CSV downloads keep every column.
    """
    label = LABEL_COLUMNS.get(model.table)
    first = [*model.primary_key, *([label] if label and label not in model.primary_key else [])]
    rest = [
        name
        for name, info in model.model_fields.items()
        if name not in first and not (info.json_schema_extra or {}).get("detail")
    ]
    return first + rest


def table_metadata(model: type[Row]) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "title": model.table_title,
        "description": " ".join((model.__doc__ or "").split()),
        "columns": column_descriptions(model),
        "facets": FACETS.get(model.table, []),
        "units": {c: u for c, u in UNITS.items() if c in model.model_fields},
        "default_columns": default_columns(model),
    }
    if not meta["units"]:
        del meta["units"]
    if model.table in LABEL_COLUMNS:
        meta["label_column"] = LABEL_COLUMNS[model.table]
    if model.sort and [model.sort] != list(model.primary_key):  # the key's order is Datasette's own (and pages by it)
        meta["sort"] = model.sort
    return meta


LATEST_ARTICLES = 20


def home_html(sources: list[Source]) -> str:
    """The downloads and the latest annotated articles, for the front page and the database page.

    Only the latest ``LATEST_ARTICLES`` articles are listed (the ``sources``
    table has all of them), so the metadata stays small however many there are.
    """
    tables = " · ".join(
        f'{html.escape(m.table)} (<a href="/data/csv/{m.table}.csv">CSV</a>, <a href="/data/parquet/{m.table}.parquet">Parquet</a>)'
        for m in MODELS
    )
    latest = sorted(sources, key=lambda s: (s.published, s.source_id), reverse=True)[:LATEST_ARTICLES]
    articles = "".join(
        f'<li><a href="/article/{html.escape(s.source_id)}">{html.escape(s.title)}</a> — {html.escape(s.publisher)}, {s.published_date}</li>'
        for s in latest
    )
    more = (
        f' (the latest {len(latest)} of {len(sources):,}; <a href="/tocoron/sources">all of them</a>)'
        if len(sources) > len(latest)
        else ""
    )
    return (
        f"<p>{html.escape(describe(sources)['description'])}</p>"
        f'<p><strong>Downloads:</strong> <a href="/data/datapackage.json">datapackage.json</a> (Frictionless Data Package; '
        f"check it with <code>frictionless validate</code>) · "
        f'<a href="/data/{html.escape(describe(sources)["datasette_db"])}.db">the SQLite database</a> '
        f"(every table, with full-text indexes, as served here) · {tables}</p>"
        f"<p><strong>Annotated articles</strong>{more}, every extracted span highlighted and linked to its row:</p>"
        f"<ul>{articles}</ul>"
    )


def datasette_metadata(sources: list[Source]) -> dict[str, Any]:
    meta = describe(sources)  # title and the source line: derived from the corpus
    licence = meta["licenses"][0]
    database = meta["datasette_db"]
    return {
        "title": meta["title"],
        "description_html": home_html(sources),
        "license": licence["name"],
        "license_url": licence["path"],
        "source": "; ".join(s["title"] for s in meta["sources"]),
        "databases": {
            database: {
                "description_html": (
                    'Every table of the dataset. <a href="/-/search">Search</a> quotes, articles, events, actors, '
                    "organizations and claims at once, or each table with the search box on its page. "
                    '<a href="/">The front page</a> tells the story.'
                ),
                "tables": {m.table: table_metadata(m) for m in MODELS},
                "queries": read_data(QUERIES_FILE),
            }
        },
        "plugins": {"datasette-cluster-map": {"latitude_column": "latitude", "longitude_column": "longitude"}},
    }


def write_metadata(path: Path, sources: list[Source]) -> None:
    path.write_text(json.dumps(datasette_metadata(sources), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
