"""Datasette serves every table with its rows and the generated metadata."""

import asyncio
from pathlib import Path

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
    import csv
    import io

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
    for table, term in [
        ("quotes", "chaos"),
        ("sources", "tunnels"),
        ("events", "tunnel"),
        ("places", "Tocoron"),
        ("actors", "Nieto"),
        ("organizations", "Observatory"),
    ]:
        rows = get(datasette, f"/tocoron/{table}.json?_search={term}&_shape=array").json()
        assert rows, (table, term)


@pytest.mark.parametrize(
    "query", ["who_said_what", "figures_across_sources", "timeline", "entity_profile", "mentions_across_sources"]
)
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


def load_plugin(name: str):
    from importlib import util

    from extract.serve import SITE

    spec = util.spec_from_file_location(name, SITE / "plugins" / f"{name}.py")
    module = util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "date, precision, shown",
    [
        ("2009-01-01", "year", "2009"),
        ("2021-06-01", "month", "June 2021"),
        ("2024-03-05", "day", "2024-03-05"),
        (None, "unknown", "undated"),
    ],
)
def test_a_date_is_shown_at_its_precision(date, precision, shown):
    assert load_plugin("front_page").shown_date(date, precision) == shown


def full_scans(conn, sql: str, params: dict) -> list[str]:
    steps = [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql, params)]
    return [s for s in steps if s.startswith("SCAN") and "USING" not in s and "json_each" not in s]


def test_the_queries_run_on_every_article_view_and_front_page_use_indexes(built):
    """Everything an article view or a front page request runs is found through an index (the timeline's order too)."""
    import sqlite3

    from extract.yamlfile import read_data

    front = read_data(load_plugin("front_page").QUERIES)
    article = load_plugin("article_view")
    conn = sqlite3.connect(built.data / "tocoron.db")
    params = {
        "source_id": "x",
        "ids": "[]",
        "actor_id": "x",
        "organization_id": None,
        "per_speaker": 3,
        "event_id": "x",
        "quantity": "x",
        "unit": "count",
    }
    for name, sql in [
        ("spans", article.SPANS_SQL),
        ("contradictions", article.CONTRADICTIONS_SQL),
        *[(n, front[n]) for n in ("event_sources", "speaker_quotes", "quantity_figures")],
    ]:
        assert full_scans(conn, sql, params) == [], name
    assert full_scans(conn, front["timeline"], {"limit": 41, "offset": 0}) == []  # idx_events_timeline


def test_the_front_page_is_built_from_the_data(datasette, built):
    import csv
    import io

    page = get(datasette, "/")
    assert page.status_code == 200
    for section in ("what-happened", "timeline", "disagreements", "conflicts", "who-said-what", "figures"):
        assert f'id="{section}"' in page.text
    events = list(csv.DictReader(io.StringIO((built.data / "csv" / "events.csv").read_text(encoding="utf-8"))))
    for event in events[:40]:
        assert f'data-event="{event["event_id"]}"' in page.text


def test_the_home_page_links_the_sqlite_database_and_it_downloads(datasette, built):
    home = get(datasette, "/").text
    assert 'href="/data/tocoron.db"' in home
    download = get(datasette, "/data/tocoron.db")
    assert download.status_code == 200 and download.headers["content-type"] == "application/vnd.sqlite3"
    assert download.content == (built.data / "tocoron.db").read_bytes()


def test_the_front_page_and_the_canned_query_pair_figures_by_one_definition(tmp_path):
    """Two reports' deaths of different groups (civilians, soldiers) are not the same quantity, on either."""
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from story import write_story

    from extract.pipeline import Project, build

    project = Project(write_story(tmp_path))
    build(project)
    ds = datasette_app(project.root)
    pairs = get(ds, "/tocoron/figures_across_sources.json?_shape=array&event_id=&page=").json()
    compared = {frozenset((p["counts_a"].lower(), p["counts_b"].lower())) for p in pairs}
    assert compared == {frozenset({"rebels in the attack"})}  # not civilians killed with soldiers killed
    front = get(ds, "/").text
    section = front[front.index('id="figures"') :]
    assert "rebels in the attack" in section.lower() and "soldiers killed" not in section
