"""Datasette serves every table with its rows and the generated metadata."""

import asyncio
import json

import pytest
from datasette.app import Datasette

from extract.models import MODELS


@pytest.fixture(scope="module")
def datasette(built):
    metadata = json.loads(built.metadata.read_text(encoding="utf-8"))
    return Datasette(immutables=[str(built.data / "tocoron.db")], metadata=metadata)


def get(ds, path):
    return asyncio.run(ds.client.get(path))


def test_the_database_lists_every_table(datasette):
    response = get(datasette, "/tocoron.json")
    assert response.status_code == 200
    tables = {t["name"]: t["count"] for t in response.json()["tables"]}
    assert {m.table for m in MODELS} <= tables.keys()


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.table)
def test_each_table_serves_all_its_rows(datasette, built, model):
    response = get(datasette, f"/tocoron/{model.table}.json?_shape=array&_size=max")
    assert response.status_code == 200
    rows = response.json()
    expected = (built.data / "csv" / f"{model.table}.csv").read_text(encoding="utf-8")
    import csv, io
    assert len(rows) == len(list(csv.DictReader(io.StringIO(expected))))
    html = get(datasette, f"/tocoron/{model.table}")
    assert html.status_code == 200


def test_column_descriptions_come_from_the_models(datasette):
    html = get(datasette, "/tocoron/figures").text
    assert "How exact the number is." in html


def test_foreign_keys_show_labels(datasette):
    rows = get(datasette, "/tocoron/quotes.json?_labels=on&_shape=array&speaker_actor_id=carlos-nieto-palma").json()
    assert rows and rows[0]["speaker_actor_id"]["label"] == "Carlos Nieto Palma"
