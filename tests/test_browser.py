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
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

if not CHROMIUM.exists():
    if os.environ.get("CI"):
        pytest.fail(f"Chromium is required in CI and is missing at {CHROMIUM} (.ci/run installs it)", pytrace=False)
    pytest.skip(
        f"no Chromium at {CHROMIUM}: install Debian's chromium to run the browser tests", allow_module_level=True
    )


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


def test_home_page_links_downloads_articles_and_tables(page, server, built):
    page.goto(server.url + "/")
    assert page.title()
    assert page.locator('a[href="/data/datapackage.json"]').count() == 1
    sources = list(csv.DictReader(io.StringIO((built.data / "csv" / "sources.csv").read_text(encoding="utf-8"))))
    for source in sources[:20]:  # the front page lists the latest reports (at most 20), whatever the corpus size
        assert page.locator(f'#what-happened a[href="/article/{source["source_id"]}"]').count() == 1
    shot(page, "home")
    page.goto(server.url + "/-/search?q=tunnels")
    assert page.locator(".search-results mark").count() > 0
    shot(page, "search")
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


QUERIES = [
    "who_said_what",
    "figures_across_sources",
    "timeline",
    "entity_profile",
    "mentions_across_sources",
    "where_reports_disagree",
    "conflicts_within_a_report",
    "corroborated_claims",
]


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
    source = next(
        r
        for r in csv.DictReader(io.StringIO((built.data / "csv" / "sources.csv").read_text(encoding="utf-8")))
        if r["source_id"] == "afp-2023-09-20-tocoron"
    )
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
        elif table == "claims":
            assert text in row["text"]
        else:
            pk = {"actors": "actor_id", "organizations": "organization_id", "places": "place_id", "events": "event_id"}[
                table
            ]
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
    assert_every_marker_inside_the_map(page)


def assert_every_marker_inside_the_map(page) -> None:
    page.wait_for_selector(".leaflet-marker-icon", timeout=15000)
    page.wait_for_timeout(800)  # the fit's zoom animation
    box = page.locator(".leaflet-container").bounding_box()
    markers = page.locator(".leaflet-marker-icon")
    assert markers.count() > 0
    for i in range(markers.count()):
        m = markers.nth(i).bounding_box()
        assert box["x"] <= m["x"] and m["x"] + m["width"] <= box["x"] + box["width"], (m, box)
        assert box["y"] <= m["y"] and m["y"] + m["height"] <= box["y"] + box["height"], (m, box)


# The front page, the article view and search on two short reports of my own (tests/story.py).


@pytest.fixture(scope="module")
def story(tmp_path_factory):
    from story import write_story

    from extract.pipeline import Project, build
    from extract.serve import LocalServer

    project = Project(write_story(tmp_path_factory.mktemp("story")))
    build(project)
    with LocalServer(project.root) as running:
        yield running


def api(page, server, path: str):
    return page.request.get(server.url + path).json()


def targeted_words(page) -> str:
    """The words of the span the URL's #anchor points to: its first piece is the target; join all its pieces."""
    target = page.locator("mark:target")
    assert target.count() == 1
    table, row_id = target.get_attribute("data-table"), target.get_attribute("data-id")
    pieces = page.locator(f'#article mark[data-table="{table}"][data-id="{row_id}"]')
    if table in ("actors", "organizations", "places", "events"):  # an entity has many mentions: only this one
        return target.inner_text()
    return "".join(pieces.all_inner_texts())


def test_the_front_page_tells_what_happened_from_which_sources(page, story):
    page.goto(story.url + "/")
    lead = page.locator("#what-happened .lead").inner_text()
    assert "2 reports" in lead and "2 publishers" in lead and "between 2024-03-05 and 2024-03-06" in lead
    titles = page.locator("#what-happened ul.sources li a[href^='/article/']").all_inner_texts()
    assert titles == ["Rebel commander claims half of Eastbrook", "Rebels attack Eastbrook"]  # the latest first


def test_the_timeline_shows_each_date_at_its_precision_in_time_order_with_its_sources(page, story):
    page.goto(story.url + "/")
    events = page.locator("#timeline li.event")
    assert [events.nth(i).get_attribute("data-event") for i in range(events.count())] == [
        "eastbrook-rebels-founded",
        "eastbrook-attack",
    ]
    assert page.locator("#timeline li.event .when").all_inner_texts() == ["2009", "2024-03-05"]  # a year is a year
    attack = page.locator('#timeline li[data-event="eastbrook-attack"]')
    assert "told by alpha-2024-03-05-eastbrook beta-2024-03-06-eastbrook" in " ".join(attack.inner_text().split())
    links = attack.locator("a.source")
    assert links.count() == 2
    for i in range(links.count()):
        href = links.nth(i).get_attribute("href")
        source_id, anchor = href.removeprefix("/article/").split("#")
        page2 = page.context.new_page()
        page2.goto(story.url + href)
        mark = page2.locator(f'[id="{anchor}"]')
        assert mark.count() == 1 and mark.get_attribute("data-id") == "eastbrook-attack"
        page2.close()


def test_reports_disagree_lists_only_claims_of_different_sources(page, story):
    page.goto(story.url + "/")
    across = page.locator("#disagreements .relation").evaluate_all("els => els.map(e => e.dataset.relation)")
    within = page.locator("#conflicts .relation").evaluate_all("els => els.map(e => e.dataset.relation)")
    own = "alpha-2024-03-05-eastbrook-c02--contradicts--alpha-2024-03-05-eastbrook-c01"
    assert own in within and own not in across  # a report contradicting itself is not "reports disagreeing"
    assert "beta-2024-03-06-eastbrook-c01--contradicts--alpha-2024-03-05-eastbrook-c03" in across
    for relation_id in across + within:
        relation = api(page, story, f"/tocoron/claim_relations/{relation_id}.json?_shape=objects")["rows"][0]
        a, b = (
            api(page, story, f"/tocoron/claims/{relation[k]}.json?_shape=objects")["rows"][0]["source_id"]
            for k in ("claim_id", "other_claim_id")
        )
        assert (a != b) == (relation_id in across), relation_id


def test_figures_side_by_side_pair_only_the_same_quantity_of_the_same_event(page, story):
    page.goto(story.url + "/")
    quantities = page.locator("#figures .quantity")
    assert quantities.count() == 1
    assert quantities.first.locator("strong").inner_text() == "rebels in the attack"
    assert quantities.first.locator("td a.words").all_inner_texts() == ["Some 400", "900"]
    section = page.locator("#figures").inner_text()
    assert (
        "about 40" not in section and "12" not in section
    )  # civilians killed and soldiers killed: not the same quantity
    page.locator("#figures a.all-figure-pairs").click()  # the pairs the rules found too, one click away
    page.wait_for_load_state()
    assert page.locator("table.rows-and-columns td.col-surface_a").count() >= 1


def test_who_said_what_groups_quotations_by_speaker(page, story):
    page.goto(story.url + "/")
    speakers = page.locator("#who-said-what .speaker")
    assert speakers.evaluate_all("els => els.map(e => e.dataset.speaker)") == ["mara-vance", "ivo-brandt"]
    assert page.locator('[data-speaker="mara-vance"] li a.words').all_inner_texts() == [
        "“We lost no ground,”",
        "“No civilians were harmed,”",
    ]
    assert page.locator('[data-speaker="ivo-brandt"] li a.words').all_inner_texts() == [
        "“We hold the eastern half of the town,”"
    ]


def test_a_quote_on_the_front_page_opens_at_its_exact_words(page, story):
    page.goto(story.url + "/")
    page.locator('[data-speaker="ivo-brandt"] li a.words').first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/article/beta-2024-03-06-eastbrook#quote-beta-2024-03-06-eastbrook-q01")
    assert targeted_words(page) == "We hold the eastern half of the town,"


def test_a_row_page_links_to_its_words_and_the_words_link_back(page, story):
    for table, row_id, words in [
        ("quotes", "alpha-2024-03-05-eastbrook-q02", "No civilians were harmed,"),
        ("figures", "beta-2024-03-06-eastbrook-f01", "900"),
        ("claims", "alpha-2024-03-05-eastbrook-c01", "about 40 civilians were killed"),
    ]:
        page.goto(story.url + f"/tocoron/{table}/{row_id}")
        page.locator("p.article-link a").click()
        page.wait_for_load_state()
        assert targeted_words(page) == words
        back = page.locator(f'#article a.hl-link[data-table="{table}"][data-id="{row_id}"]')
        assert back.count() >= 1 and back.first.get_attribute("href") == f"/tocoron/{table}/{row_id}"


def test_a_mention_row_links_to_its_words(page, story):
    mention = api(page, story, "/tocoron/mentions.json?_shape=array&actor_id=ivo-brandt&_size=1")[0]
    page.goto(story.url + f"/tocoron/mentions/{mention['mention_id']}")
    page.locator("p.article-link a").click()
    page.wait_for_load_state()
    assert targeted_words(page) == mention["text"] == "Ivo Brandt"


def test_row_pages_show_labels_for_foreign_keys(page, story):
    page.goto(story.url + "/tocoron/claims/alpha-2024-03-05-eastbrook-c02")
    assert page.locator("td.col-claimant_actor_id a").inner_text() == "Mara Vance"
    assert page.locator("td.col-event_id a").inner_text() == "Rebels attack the town of Eastbrook."
    assert page.locator("td.col-quote_id a").inner_text() == "No civilians were harmed,"


def test_table_cells_show_whole_numbers_whole_and_truncate_long_labels(page, story):
    page.goto(story.url + "/tocoron/figures?_sort=figure_id")
    assert "400" in page.locator("td.col-value").all_inner_texts()
    assert not any(v.endswith(".0") for v in page.locator("td.col-value").all_inner_texts())
    assert page.locator("details.column-descriptions-toggle").count() == 1
    assert not page.locator("dl.column-descriptions").is_visible()  # folded until asked for


def test_the_article_view_tells_a_contradiction_across_reports_from_one_within_a_report(page, story):
    page.goto(story.url + "/article/alpha-2024-03-05-eastbrook")
    kinds = {
        row_id: page.locator(
            f'#article mark[data-edge~="start"][data-table="claims"][data-id="{row_id}"]'
        ).get_attribute("data-kind")
        for row_id in (
            "alpha-2024-03-05-eastbrook-c01",
            "alpha-2024-03-05-eastbrook-c02",
            "alpha-2024-03-05-eastbrook-c03",
        )
    }
    assert kinds == {
        "alpha-2024-03-05-eastbrook-c01": "conflicting",
        "alpha-2024-03-05-eastbrook-c02": "conflicting",
        "alpha-2024-03-05-eastbrook-c03": "contested",
    }
    assert page.locator("ul.contradictions.across li").count() == 1
    assert page.locator("ul.contradictions.within li").count() == 2
    assert "related by curated" not in page.content()
    for row_id in kinds:  # one outline: one first piece and one last piece per claim
        assert page.locator(f'#article mark[data-edge~="start"][data-table="claims"][data-id="{row_id}"]').count() == 1
        assert page.locator(f'#article mark[data-edge~="end"][data-table="claims"][data-id="{row_id}"]').count() == 1
    page.goto(story.url + "/article/beta-2024-03-06-eastbrook")
    assert "this report itself contradicts" not in page.locator(".legend").inner_text()


def test_search_finds_across_tables_with_highlighted_snippets(page, story):
    page.goto(story.url + "/")
    page.fill("form.search input[type=search]", "civilians")
    page.locator("form.search input[type=search]").press("Enter")
    page.wait_for_load_state()
    assert page.locator(".results-quotes mark").first.inner_text().lower() == "civilians"
    assert page.locator(".results-claims li").count() >= 2
    assert page.locator(".results-sources mark").count() >= 1


def test_searching_a_speakers_name_finds_their_quotations(page, story):
    page.goto(story.url + "/-/search?q=Brandt")
    quotes = page.locator(".results-speakers li")
    assert quotes.count() == 1 and "We hold the eastern half of the town" in quotes.inner_text()
    assert quotes.locator("mark").inner_text() == "Brandt"
    quotes.locator("a.words").click()
    page.wait_for_load_state()
    assert targeted_words(page) == "We hold the eastern half of the town,"


def test_an_unknown_article_is_a_plain_404_page(page, story):
    response = page.goto(story.url + "/article/no-such-report")
    assert response.status == 404
    assert "No article" in page.locator("body").inner_text() and "Traceback" not in page.content()


def test_a_javascript_link_in_a_map_popup_is_never_followed(page, story):
    from urllib.parse import urlencode

    sql = (
        "select 10.5 as latitude, -66.9 as longitude, "
        "json_object('title', 'here', 'link', 'javascript:alert(document.domain)') as popup"
    )
    page.goto(story.url + "/tocoron?" + urlencode({"sql": sql}))
    page.wait_for_selector(".leaflet-marker-icon", timeout=15000)
    page.locator(".leaflet-marker-icon").first.click()
    popup_link = page.locator(".leaflet-popup-content a")
    popup_link.wait_for(timeout=5000)
    assert popup_link.get_attribute("href") is None
    popup_link.click()
    page.wait_for_timeout(300)
    assert page.dialogs == []
    assert page.locator('a[href^="javascript:"]').count() == 0


def test_table_pages_open_on_their_default_columns_and_show_the_others_on_request(page, story):
    from extract.models import TABLES
    from extract.publish.datasette import default_columns

    for table in ("sources", "quotes", "figures", "claims"):
        model = TABLES[table]
        page.goto(story.url + f"/tocoron/{table}")
        shown = page.locator("table.rows-and-columns thead th").evaluate_all("els => els.map(e => e.dataset.column)")
        assert shown == default_columns(model), table  # the key, the label, then the fields not marked `detail`
        assert shown[:2] == [model.primary_key[0], next(c for c in default_columns(model) if c != shown[0])]
        for detail in ("char_start", "char_end", "provenance", "text_sha256"):
            assert detail not in shown
        hidden = [c for c in model.model_fields if c not in shown]
        assert hidden and all(c in page.locator("p.hidden-columns").inner_text() for c in hidden)
        cells = page.locator("table.rows-and-columns tbody tr").first.locator("td")
        assert cells.count() == len(shown)  # every cell under its own heading
        page.locator("p.hidden-columns a").click()
        page.wait_for_load_state()
        every = page.locator("table.rows-and-columns thead th").evaluate_all("els => els.map(e => e.dataset.column)")
        assert sorted(every) == sorted(model.model_fields)
        row = api(page, story, f"/tocoron/{table}.json?_shape=array&_size=1")[0]
        assert sorted(row) == sorted(model.model_fields)  # the data keeps every column
    page.goto(story.url + "/tocoron/sources")
    assert page.locator("table.rows-and-columns tbody tr").first.bounding_box()["height"] < 200  # no article text
    page.goto(story.url + "/tocoron/claims")
    label = page.locator("table.rows-and-columns td.col-event_id a").first  # a foreign key's label: 3 lines at most
    line = float(label.evaluate("a => parseFloat(getComputedStyle(a).lineHeight)"))
    page.set_viewport_size({"width": 700, "height": 900})  # narrow columns: the label would wrap further
    assert label.bounding_box()["height"] <= 3 * line + 1
