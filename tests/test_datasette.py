"""Datasette serves every table with its rows and the generated metadata."""

import asyncio

import pytest

from extract.models import MODELS
from extract.serve import datasette_app


@pytest.fixture(scope="module")
def datasette(built):
    return datasette_app(built.root)


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


def test_full_text_search_finds_quotes_articles_events_and_names(datasette):
    for table, term in [("quotes", "chaos"), ("sources", "tunnels"), ("events", "tunnel"), ("places", "Tocoron"), ("actors", "Nieto"), ("organizations", "Observatory")]:
        rows = get(datasette, f"/tocoron/{table}.json?_search={term}&_shape=array").json()
        assert rows, (table, term)


@pytest.mark.parametrize("query", ["who_said_what", "figures_across_sources", "timeline", "entity_profile", "mentions_across_sources"])
def test_canned_queries_have_descriptions_and_return_rows(datasette, query):
    response = get(datasette, f"/tocoron/{query}.json?id=tren-de-aragua&_shape=array")
    assert response.status_code == 200 and len(response.json()) > 0
    assert datasette.metadata("queries", database="tocoron")[query]["description"]


def test_the_article_view_and_downloads_are_served(datasette, built):
    page = get(datasette, "/article/efe-2023-09-20-tocoron")
    assert page.status_code == 200 and 'class="hl hl-quote"' in page.text
    assert get(datasette, "/article/no-such-article").status_code == 404
    download = get(datasette, "/data/csv/quotes.csv")
    assert download.status_code == 200 and download.content == (built.data / "csv" / "quotes.csv").read_bytes()
