"""The Datasette site in a real browser: Playwright driving Debian's Chromium against a loopback server.

In CI (CI=true) these tests must run: a missing Chromium fails them.  On a
developer's machine without Chromium they are skipped with the reason.
Screenshots go to $SCREENSHOT_DIR when set (``make screenshots`` uses docs/screenshots).
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest

from extract.models import MODELS

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-quic"]

if not CHROMIUM.exists():
    if os.environ.get("CI"):
        pytest.fail(f"Chromium is required in CI and is missing at {CHROMIUM} (.ci/run installs it)", pytrace=False)
    pytest.skip(f"no Chromium at {CHROMIUM}: install Debian's chromium to run the browser tests", allow_module_level=True)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.dialogs = dialogs
    yield page
    context.close()


def shot(page, name: str) -> None:
    folder = os.environ.get("SCREENSHOT_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=False)


def test_home_page_lists_tables_downloads_and_articles(page, server):
    page.goto(server.url + "/")
    assert "Tocorón" in page.title()
    assert page.locator('a[href="/data/datapackage.json"]').count() == 1
    assert page.locator('a[href^="/article/"]').count() == 2
    shot(page, "home")
    page.goto(server.url + "/tocoron")
    for model in MODELS:
        assert page.locator(f'a[href="/tocoron/{model.table}"]').count() >= 1, model.table


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.table)
def test_each_table_page_shows_its_rows(page, server, model):
    response = page.goto(server.url + f"/tocoron/{model.table}")
    assert response.status == 200
    assert page.locator("table.rows-and-columns tbody tr").count() > 0
    assert model.table_title in page.content() or model.table in page.content()


def test_a_facet_filters_the_table(page, server):
    page.goto(server.url + "/tocoron/quotes?_facet=kind")
    page.locator(".facet-info a", has_text="direct").first.click()
    page.wait_for_load_state()
    assert "kind=direct" in page.url
    kinds = page.locator("table.rows-and-columns td.col-kind").all_inner_texts()
    assert kinds and set(kinds) == {"direct"}
    shot(page, "quotes-facets")


def test_a_foreign_key_link_opens_the_speaker(page, server):
    page.goto(server.url + "/tocoron/quotes?speaker_actor_id=carlos-nieto-palma")
    page.locator("td.col-speaker_actor_id a").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/tocoron/actors/carlos-nieto-palma")
    assert "general coordinator" in page.content()


QUERIES = ["who_said_what", "figures_across_sources", "timeline", "entity_profile", "mentions_across_sources",
           "where_reports_disagree", "conflicts_within_a_report", "corroborated_claims"]


def test_every_canned_query_is_tested():
    from extract.publish.datasette import QUERIES_FILE
    from extract.yamlfile import read_data

    assert sorted(read_data(QUERIES_FILE)) == sorted(QUERIES)


@pytest.mark.parametrize("query", QUERIES)
def test_each_canned_query_runs(page, server, query):
    page.goto(server.url + f"/tocoron/{query}?id=tren-de-aragua")
    assert page.locator(".message-error").count() == 0
    assert page.locator("table.rows-and-columns tbody tr").count() > 0


def test_searching_quotes(page, server):
    page.goto(server.url + "/tocoron/quotes")
    page.fill("input#_search", "prison chaos")
    page.locator("input#_search").press("Enter")
    page.wait_for_load_state()
    texts = page.locator("table.rows-and-columns td.col-text").all_inner_texts()
    assert len(texts) == 2 and all("prison chaos" in t for t in texts)


def test_the_article_view_links_every_highlight_to_its_row(page, server, built):
    page.goto(server.url + "/article/afp-2023-09-20-tocoron")
    source = next(r for r in csv.DictReader(io.StringIO((built.data / "csv" / "sources.csv").read_text(encoding="utf-8")))
                  if r["source_id"] == "afp-2023-09-20-tocoron")
    assert page.locator("#article").inner_text().replace("\n", "") == source["text"].replace("\n", "")
    links = page.locator("#article a.hl-link")
    assert links.count() > 100
    checked = 0
    for i in range(links.count()):
        link = links.nth(i)
        table, row_id, text = link.get_attribute("data-table"), link.get_attribute("data-id"), link.inner_text()
        row = page.request.get(server.url + link.get_attribute("href") + ".json?_shape=objects").json()["rows"][0]
        if table == "quotes":
            assert text in row["text"]
        elif table == "figures":
            assert text in row["surface"]
        else:
            pk = {"actors": "actor_id", "organizations": "organization_id", "places": "place_id", "events": "event_id"}[table]
            assert row[pk] == row_id
        checked += 1
    assert checked == links.count()
    shot(page, "article")


def test_a_table_downloaded_as_csv_equals_the_package_csv(page, server, built):
    for table in ("quotes", "actors", "mentions"):
        body = page.request.get(server.url + f"/tocoron/{table}.csv?_size=max").text()
        served = list(csv.DictReader(io.StringIO(body)))
        published = list(csv.DictReader(io.StringIO((built.data / "csv" / f"{table}.csv").read_text(encoding="utf-8"))))
        key = next(m for m in MODELS if m.table == table).primary_key[0]
        assert sorted(served, key=lambda r: r[key]) == sorted(published, key=lambda r: r[key])


def test_the_map_shows_places_with_coordinates(page, server):
    page.goto(server.url + "/tocoron/places")
    page.wait_for_selector(".leaflet-container", timeout=15000)
    assert page.locator(".leaflet-container").count() == 1
