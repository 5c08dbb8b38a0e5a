"""Serving is read-only and safe: writes refused, long queries cut off, HTML in the data escaped everywhere."""

import asyncio
import hashlib

import pytest
from conftest import make_project

from extract.pipeline import build
from extract.serve import SQL_TIME_LIMIT_MS, datasette_app

SCRIPT = "<script>alert(1)</script>"
ARTICLE = f"“{SCRIPT} We will win,” said Ana Ruiz, a <b>bold</b> spokesperson. Some 300 people & 12 guards left."
ANNOTATION = f"""\
source_id: test-2024-01-01-northgate
actors:
  - id: ana-ruiz
    name: Ana Ruiz <img src=x onerror=alert(2)>
    actor_type: person
    role: <b>bold</b> spokesperson
    mentions: [Ana Ruiz]
quotes:
  - id: q01
    text: "{SCRIPT} We will win,"
    kind: direct
    speaker_actor_id: ana-ruiz
    attribution: said
"""


def get(ds, path):
    return asyncio.run(ds.client.get(path))


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("hostile"), article=ARTICLE, annotation=ANNOTATION)
    build(project)
    return project, datasette_app(project.root)


@pytest.fixture(scope="module")
def site(built):
    return datasette_app(built.root)


@pytest.mark.parametrize(
    "sql",
    [
        "INSERT INTO quotes (quote_id) VALUES ('x')",
        "UPDATE actors SET name = 'x'",
        "DELETE FROM figures",
        "DROP TABLE quotes",
        "CREATE TABLE evil (x)",
        "ATTACH DATABASE '/tmp/evil.db' AS evil",
        "PRAGMA journal_mode = DELETE",
        "PRAGMA user_version = 7",
        "VACUUM",
    ],
)
def test_writes_through_sql_are_refused(site, built, sql):
    before = hashlib.sha256((built.data / "tocoron.db").read_bytes()).hexdigest()
    response = get(site, "/tocoron.json?" + __import__("urllib.parse").parse.urlencode({"sql": sql}))
    assert response.status_code >= 400
    assert response.json()["ok"] is False
    assert hashlib.sha256((built.data / "tocoron.db").read_bytes()).hexdigest() == before


def test_a_long_query_is_cut_off_by_the_time_limit(site):
    sql = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"
    response = get(site, "/tocoron.json?" + __import__("urllib.parse").parse.urlencode({"sql": sql}))
    assert response.status_code == 400
    assert "took too long" in response.json()["error"]
    assert SQL_TIME_LIMIT_MS <= 2000


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/tocoron",
        "/tocoron/quotes",
        "/tocoron/quotes/test-2024-01-01-northgate-q01",
        "/tocoron/actors",
        "/tocoron/actors/ana-ruiz",
        "/tocoron/sources",
        "/tocoron/mentions",
        "/tocoron/who_said_what",
        "/tocoron/quotes?_search=win",
        "/tocoron?sql=select+text+from+quotes",
        "/article/test-2024-01-01-northgate",
    ],
)
def test_html_in_the_data_is_escaped_on_every_page(hostile, path):
    _, ds = hostile
    page = get(ds, path)
    assert page.status_code == 200, path
    assert SCRIPT not in page.text and "<img src=x" not in page.text and "<b>bold</b>" not in page.text
    if path not in ("/", "/tocoron"):
        assert "&lt;script&gt;" in page.text or "&lt;b&gt;" in page.text or "&lt;img" in page.text


def test_the_response_cache_serves_identical_pages_and_skips_what_it_must(site):
    first = get(site, "/tocoron/quotes?_search=prison")
    again = get(site, "/tocoron/quotes?_search=prison")
    assert first.status_code == again.status_code == 200 and first.content == again.content
    assert get(site, "/tocoron/no_such_table").status_code == 404  # errors pass through, uncached
    assert get(site, "/tocoron/no_such_table").status_code == 404


def load_plugin(name: str):
    from importlib import util

    from extract.serve import SITE

    spec = util.spec_from_file_location(name, SITE / "plugins" / f"{name}.py")
    module = util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_response_cache_is_an_lru_bounded_in_bytes():
    module = load_plugin("response_cache")
    calls = []

    async def app(scope, receive, send):
        calls.append(scope["path"])
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"x" * 400})

    cache = module.ResponseCache(app, max_bytes=1000)  # room for two 400-byte pages, not three
    sent = []

    async def send(message):
        sent.append(message)

    async def run(path, cookie=False):
        headers = [(b"cookie", b"x=1")] if cookie else []
        await cache(
            {"type": "http", "method": "GET", "path": path, "query_string": b"", "headers": headers}, None, send
        )

    for path in ["/a", "/a", "/b", "/c", "/a"]:
        asyncio.run(run(path))
    asyncio.run(run("/c", cookie=True))
    assert calls == ["/a", "/b", "/c", "/a", "/c"]  # /a evicted by /b and /c; a cookie bypasses the cache
    assert cache.bytes <= 1000 and len(cache.entries) == 2


def test_a_forged_host_does_not_poison_the_cached_page_of_other_clients(built):
    ds = datasette_app(built.root)  # a fresh cache
    path = "/tocoron/quotes.json?_size=2"
    forged = asyncio.run(ds.client.get(path, headers={"host": "attacker.invalid"}))
    honest = asyncio.run(ds.client.get(path))
    assert forged.status_code == honest.status_code == 200
    assert "attacker.invalid" in forged.json()["next_url"]
    assert "attacker.invalid" not in honest.text and "attacker.invalid" not in honest.headers.get("link", "")
    assert honest.json()["next_url"].startswith("http://localhost/")


def test_a_forged_forwarded_scheme_does_not_poison_the_cached_page_of_other_clients(server):
    import json
    import urllib.request

    path = (
        server.url + "/tocoron/actors.json?_size=1"
    )  # uvicorn takes the scheme from X-Forwarded-Proto (trusted from loopback)
    forged = json.load(urllib.request.urlopen(urllib.request.Request(path, headers={"X-Forwarded-Proto": "https"})))
    honest = urllib.request.urlopen(path)
    assert forged["next_url"].startswith("https://")
    assert json.load(honest)["next_url"].startswith("http://") and "https://" not in honest.headers.get("Link", "")


def sql(ds, query: str):
    from urllib.parse import urlencode

    return get(ds, "/tocoron.json?" + urlencode({"sql": query, "_shape": "array"}))


@pytest.mark.parametrize(
    "query, error",
    [
        ("select length(randomblob(900000000))", "too big"),
        ("select zeroblob(200000000) as b", "too big"),
        ("select printf('%s', zeroblob(200000000))", "too big"),
        ("select fts3_tokenizer('simple')", "not authorized"),
        (
            "with recursive c(x) as (select 1 union all select x + 1 from c where x < 60) select zeroblob(1000000) from c",
            "over",
        ),
    ],
)
def test_sql_that_would_exhaust_memory_or_leak_a_pointer_is_refused_at_once(site, query, error):
    import time

    started = time.monotonic()
    response = sql(site, query)
    assert response.status_code == 400 and error in response.json()["error"]
    assert time.monotonic() - started < 5  # refused before work, not after the time limit


def test_small_blobs_and_ordinary_functions_still_work(site):
    assert sql(site, "select length(randomblob(16)) as n, hex(zeroblob(2)) as z, upper('a') as u").json() == [
        {"n": 16, "z": "0000", "u": "A"}
    ]


@pytest.mark.parametrize(
    "path", ["/article/no-such-article", "/tocoron/quotes/no-such-quote", "/tocoron/no_such_table"]
)
def test_an_unknown_id_is_a_plain_404_page(site, path):
    page = get(site, path)
    assert page.status_code == 404
    assert "<html" in page.text and "Traceback" not in page.text


def test_the_server_prints_its_url_and_one_line_per_request_with_several_workers(built):
    import time
    import urllib.error
    import urllib.request

    from extract.serve import LocalServer

    with LocalServer(built.root, workers=2) as server:
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(server.url + "/article/no-such-article")
        urllib.request.urlopen(server.url + "/tocoron/quotes?_size=1")
        time.sleep(0.5)
        output = server.output()
    assert server.url in output
    lines = [line for line in output.splitlines() if "/article/no-such-article" in line]
    assert len(lines) == 1 and "404" in lines[0]
    assert any("/tocoron/quotes?_size=1" in line and "200" in line for line in output.splitlines())
    assert "Traceback" not in output


def test_a_server_that_cannot_start_says_why_instead_of_waiting(tmp_path):
    from extract.serve import LocalServer

    with pytest.raises(RuntimeError, match="stopped while starting"):
        with LocalServer(tmp_path, timeout=20):  # no data/ here: Datasette refuses at once
            pass
