"""Datasette's ``metadata.json``, generated from the models and dataset.yaml."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..models import MODELS, Row
from .package import dataset_metadata
from .schemas import column_descriptions

LABEL_COLUMNS = {"sources": "title", "organizations": "name", "actors": "name", "places": "name",
                 "events": "summary", "vocabularies": "value"}
FACETS = {
    "sources": ["publisher"],
    "organizations": ["org_type", "country", "method"],
    "actors": ["actor_type", "organization_id", "method"],
    "places": ["place_type", "country", "method"],
    "events": ["event_type", "date", "method"],
    "event_participants": ["role", "event_id"],
    "quotes": ["source_id", "kind", "speaker_actor_id", "speaker_organization_id", "method"],
    "figures": ["source_id", "qualifier", "unit", "method"],
    "mentions": ["source_id", "entity_type", "method"],
    "vocabularies": ["vocabulary"],
}


def table_metadata(model: type[Row]) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "title": model.table_title,
        "description": " ".join((model.__doc__ or "").split()),
        "columns": column_descriptions(model),
        "facets": FACETS.get(model.table, []),
    }
    if model.table in LABEL_COLUMNS:
        meta["label_column"] = LABEL_COLUMNS[model.table]
    if model.sort:
        meta["sort"] = model.sort
    return meta


def datasette_metadata() -> dict[str, Any]:
    meta = dataset_metadata()
    licence = meta["licenses"][0]
    return {
        "title": meta["title"],
        "description": meta["description"],
        "license": licence["name"],
        "license_url": licence["path"],
        "source": "; ".join(s["title"] for s in meta["sources"]),
        "databases": {meta["datasette_db"]: {"tables": {m.table: table_metadata(m) for m in MODELS}}},
    }


def write_metadata(path: Path) -> None:
    path.write_text(json.dumps(datasette_metadata(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
