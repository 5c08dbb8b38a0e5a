"""Serving is read-only and safe: writes refused, long queries cut off, HTML in the data escaped everywhere."""

import asyncio
import hashlib
import re
import textwrap
from pathlib import Path

import pytest
from conftest import REVIEWED, make_project
from datasette import hookimpl as datasette_hookimpl

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
        "/tocoron/sources?_columns=all",  # every column: the text is not a default column
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
        ("select quote(zeroblob(200000000))", "too big"),
        ("select fts3_tokenizer('simple')", "not authorized"),
        ("select length(printf('%.*c', 2000000000, 'x'))", "not authorized"),  # one step formatting 2e9 chars
        ("select format('%2000000000c', 'x') is null", "not authorized"),
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


def test_the_local_server_waits_until_every_worker_has_started(tmp_path):
    import http.server
    import tempfile
    import threading

    from extract.serve import STARTED, LocalServer

    class Versions(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"{}")

        def log_message(self, *args):
            pass

    server = LocalServer(tmp_path, workers=2, timeout=1.5)
    answering = http.server.ThreadingHTTPServer(("127.0.0.1", server.port), Versions)
    threading.Thread(target=answering.serve_forever, daemon=True).start()

    class Running:  # stands for the server process, still running
        def poll(self):
            return None

        def terminate(self):
            pass

        def wait(self, timeout=None):
            return 0

    try:
        server.process, server.log = Running(), tempfile.TemporaryFile()
        server.log.write(f"INFO: {STARTED}\n".encode())  # one worker up, and answering
        server.log.flush()
        with pytest.raises(RuntimeError, match="did not answer"):
            server.wait_until_it_answers()
        server.process, server.log = Running(), tempfile.TemporaryFile()
        server.log.write(f"INFO: {STARTED}\nINFO: {STARTED}\n".encode())
        server.log.flush()
        server.wait_until_it_answers()  # both up: returns
        server.stop()
    finally:
        answering.shutdown()


def sockets_of(pid: int) -> int:
    """The sockets ``pid`` holds open.  An fd listed may be closed before it is read (the worker opens and closes
    files and connections meanwhile: under load that raised FileNotFoundError), and is then no socket held."""
    held = 0
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            held += fd.readlink().name.startswith("socket:")
        except FileNotFoundError:
            continue
    return held


def test_the_workers_share_the_keep_alive_connections_and_a_second_server_cannot_take_the_port(built):
    import socket
    import subprocess
    import sys

    from extract.serve import LocalServer

    with LocalServer(built.root, workers=2) as server:
        children = Path(f"/proc/{server.process.pid}/task/{server.process.pid}/children").read_text().split()
        workers = [int(c) for c in children if b"spawn_main" in Path(f"/proc/{c}/cmdline").read_bytes()]
        before = {w: sockets_of(w) for w in workers}
        connections = []
        for _ in range(20):  # opened at once and kept open, like a load generator's or a proxy's
            connections.append(socket.create_connection(("127.0.0.1", server.port)))
        for conn in connections:
            conn.sendall(b"GET /-/versions.json HTTP/1.1\r\nHost: x\r\n\r\n")
            assert conn.recv(12).startswith(b"HTTP/1.1 200")
        held = {w: sockets_of(w) - before[w] for w in workers}
        second = subprocess.run(  # with SO_REUSEPORT a second server could bind the same port and take a share
            [sys.executable, "-m", "extract", "serve", "--root", str(built.root), "--port", str(server.port)]
            + ["--workers", "2"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        for conn in connections:
            conn.close()
    assert len(workers) == 2 and min(held.values()) > 0, held  # each worker holds some of the 20 connections
    assert second.returncode != 0 and f"cannot listen on 127.0.0.1:{server.port}" in second.stderr


def test_keep_alive_connections_end_up_shared_evenly_between_the_workers(built):
    """However the kernel first shares 20 connections out, a worker holding more than its share sends some away
    (``Balancing``, at most one every 50 ms) until both hold 10; each round sends one request on every connection,
    reopened when told to close, as a browser does.  Three sets of connections.  The kernel's first split is left to
    chance (and the counts read from /proc move by one or two while other processes open and close sockets), so
    without ``Balancing`` this passes at times: which connection is sent away is checked by the tests of
    ``Balancing`` itself (tests/test_admission.py); this one checks the whole runs, every request answered."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from serve_load import Connection

    from extract.serve import LocalServer

    def established(port: int, workers: list[int]) -> list[int]:
        """How many established connections to ``port`` each worker holds (from /proc: the kernel's own count)."""
        inodes = set()
        for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
            fields = line.split()
            if int(fields[1].split(":")[1], 16) == port and fields[3] == "01":  # local port, ESTABLISHED
                inodes.add(f"socket:[{fields[9]}]")
        held = []
        for worker in workers:
            links = []
            for fd in Path(f"/proc/{worker}/fd").iterdir():
                try:
                    links.append(str(fd.readlink()))
                except FileNotFoundError:  # closed meanwhile
                    continue
            held.append(sum(1 for link in links if link in inodes))
        return sorted(held)

    async def rounds(port: int, workers: list[int]) -> list[int]:
        connections = [Connection("127.0.0.1", port) for _ in range(20)]
        try:
            for _ in range(200):  # at most 10 s
                statuses = await asyncio.gather(*(c.get("/-/versions.json") for c in connections))
                assert all(status == 200 for status, _ in statuses)
                await asyncio.sleep(0.05)  # the connections closed last are gone from the workers
                held = established(port, workers)
                if held == [10, 10]:
                    break
            return held
        finally:
            for connection in connections:
                connection.close()
            await asyncio.sleep(0.2)

    with LocalServer(built.root, workers=2) as server:
        children = Path(f"/proc/{server.process.pid}/task/{server.process.pid}/children").read_text().split()
        workers = [int(c) for c in children if b"spawn_main" in Path(f"/proc/{c}/cmdline").read_bytes()]
        for _ in range(3):
            held = asyncio.run(rounds(server.port, workers))
            assert held == [10, 10], held


def test_a_server_that_cannot_start_says_why_instead_of_waiting(tmp_path):
    from extract.serve import LocalServer

    with pytest.raises(RuntimeError, match="stopped while starting"):
        with LocalServer(tmp_path, timeout=20):  # no data/ here: Datasette refuses at once
            pass


# --- every query the site runs is served by an index ------------------------------------------------------------

GROWING = {m.table for m in __import__("extract.models", fromlist=["MODELS"]).MODELS} - {"vocabularies"}
"""The tables that grow with the corpus (every table but the vocabularies)."""
ALIAS = re.compile(
    r"\b(?:FROM|JOIN)\s+\[?(\w+)\]?(?:\s+(?:AS\s+)?(?!ON\b|USING\b|WHERE\b|JOIN\b|LEFT\b|ORDER\b|GROUP\b|LIMIT\b)(\w+))?",
    re.I,
)


def site_pages(db) -> list[str]:
    """Every table and its first row, plus the URLs of every kind ``bench/serve_load.py --distinct`` sends."""
    import sqlite3
    import sys

    from extract.models import MODELS

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from serve_load import distinct_paths, tilde

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    pages = ["/", "/?page=2", "/tocoron"]
    for model in MODELS:
        pages.append(f"/tocoron/{model.table}")
        key = conn.execute(f"SELECT [{model.primary_key[0]}] FROM [{model.table}] LIMIT 1").fetchone()
        if key and len(model.primary_key) == 1:
            pages.append(f"/tocoron/{model.table}/{tilde(str(key[0]))}")
    conn.close()
    return pages + [path for _, path in distinct_paths(db, 140, seed=3)]


def scans_without_index(db, statement: str) -> list[str]:
    """The full scans of a growing table in ``statement``'s plan (a ``SCAN`` with no index)."""
    import sqlite3

    aliases = {}
    for table, alias in ALIAS.findall(statement):
        aliases[table.lower()] = table.lower()
        if alias:
            aliases[alias.lower()] = table.lower()
    from datasette.utils import escape_fts

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    conn.create_function("escape_fts", 1, escape_fts)  # Datasette's, used by its table search
    conn.create_function("compare_figures", 4, lambda *a: None)  # the site's (plugins/figure_comparison.py)
    try:
        plan = [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + statement)]
    finally:
        conn.close()
    found = []
    for step in plan:
        match = re.match(r"SCAN (\w+)$", step)
        if match and aliases.get(match[1].lower(), match[1].lower()) in GROWING:
            found.append(step)
    return found


def query_recorder(statements: list[str]):
    """A Datasette plugin (registered by the test) recording every statement SQLite runs into ``statements``."""
    import types

    plugin = types.ModuleType("test_query_recorder")

    @datasette_hookimpl
    def prepare_connection(conn, database):
        if database == "tocoron":  # not Datasette's own _internal database
            conn.set_trace_callback(statements.append)

    plugin.prepare_connection = prepare_connection
    return plugin


def test_every_query_the_site_runs_is_served_by_an_index(built):
    from datasette.plugins import pm

    recorded: list[str] = []
    pm.register(query_recorder(recorded), name="test-query-recorder")
    try:
        ds = datasette_app(built.root)
        db = built.data / "tocoron.db"
        for path in site_pages(db):
            assert get(ds, path).status_code == 200, path
    finally:
        pm.unregister(name="test-query-recorder")
    statements = {s for s in recorded if re.match(r"\s*(SELECT|WITH)\b", s, re.I)}
    assert len(statements) > 100  # the pages ran their queries, and the recorder saw them
    statements = {s for s in statements if not re.search(r"\bin \(\)", s)}  # `in ()`: false before any row is read
    scans = {s: found for s in sorted(statements) if (found := scans_without_index(db, s))}
    assert not scans, "\n\n".join(f"{found}: {s}" for s, found in scans.items())


# --- after a rebuild, the server serves the new database ---------------------------------------------------------


def test_after_a_rebuild_the_running_server_serves_the_new_database(tmp_path):
    import json
    import urllib.request

    from extract.serve import LocalServer

    project = make_project(tmp_path, article=ARTICLE, annotation=ANNOTATION)
    build(project)
    with LocalServer(project.root, workers=2) as server:

        def quote_text():
            url = server.url + "/tocoron/quotes.json?_shape=array&_col=text"
            return [row["text"] for row in json.load(urllib.request.urlopen(url))]

        def front_page():
            return urllib.request.urlopen(server.url + "/").read().decode()

        for _ in range(4):  # both workers have served (and cached) the old data
            assert quote_text() == [f"{SCRIPT} We will win,"] and "Ana Ruiz" in front_page()
        annotation = ANNOTATION.replace("We will win,", "We will win").replace("Ana Ruiz <img", "Ana Rey <img")
        (project.root / "seeds" / "100_test.txt").write_text(
            ARTICLE.replace("We will win,”", "We will win”").replace("Ana Ruiz", "Ana Rey"), encoding="utf-8"
        )
        (project.root / "seeds" / "annotations" / "test-2024-01-01-northgate.yaml").write_text(
            textwrap.dedent(annotation.replace("mentions: [Ana Ruiz]", "mentions: [Ana Rey]")) + REVIEWED,
            encoding="utf-8",
        )
        build(project)
        for _ in range(4):  # whichever worker answers
            assert quote_text() == [f"{SCRIPT} We will win"]
            assert "Ana Rey" in front_page() and "Ana Ruiz" not in front_page()
        assert "Reopened" in server.output() and server.url in server.output()


def test_while_a_build_publishes_the_server_says_so_instead_of_mixing_old_and_new(built):
    from extract.publication import JOURNAL
    from extract.serve import Reopening

    app = Reopening(built.root)
    (built.root / JOURNAL).write_text("{}", encoding="utf-8")
    try:
        sent = []

        async def send(message):
            sent.append(message)

        asyncio.run(app({"type": "http", "method": "GET", "path": "/", "query_string": b"", "headers": []}, None, send))
    finally:
        (built.root / JOURNAL).unlink()
    assert sent[0]["status"] == 503 and b"being published" in sent[1]["body"]


# --- what cannot change while a site lives is read once (site/plugins/immutable_site.py) -------------------------


def normalized(body: bytes) -> bytes:
    """A page without what differs between two renders of it (the time its queries took, the CSRF token)."""
    body = re.sub(rb"Queries took [0-9.]+ms", b"", body)
    body = re.sub(rb'"query_ms": [0-9.e-]+', b"", body)
    return re.sub(rb'name="csrftoken" value="[^"]*"', b"", body)


def site_without(built, plugin: str):
    """A site started with one of its plugins unregistered (it is registered again for the other sites)."""
    from datasette.plugins import pm

    ds = datasette_app(built.root)
    module = pm.unregister(name=f"{plugin}.py")
    try:
        asyncio.run(ds.invoke_startup())
    finally:
        pm.register(module, name=f"{plugin}.py")
    return ds


def test_pages_are_the_same_with_the_schema_read_once_and_cost_fewer_statements(built, monkeypatch):
    from datasette.plugins import pm

    monkeypatch.setenv("TOCORON_CACHE_BYTES", "0")  # every page rendered, twice

    statements: list[str] = []
    pm.register(query_recorder(statements), name="test-query-recorder")
    try:
        remembering, forgetting = datasette_app(built.root), site_without(built, "immutable_site")
        pages = site_pages(built.data / "tocoron.db")
        counts = {}
        for name, ds in (("remembering", remembering), ("forgetting", forgetting)):
            for path in pages:  # every page once, so the schema has been read
                assert get(ds, path).status_code == 200, path
            statements.clear()
            bodies = {path: normalized(get(ds, path).content) for path in pages}
            counts[name] = len(statements)
            if name == "remembering":
                remembered = bodies
    finally:
        pm.unregister(name="test-query-recorder")
    assert [p for p in pages if remembered[p] != bodies[p]] == []
    assert counts["remembering"] < counts["forgetting"] / 2, counts


def test_a_template_not_found_is_not_searched_for_again_and_those_found_still_are(site):
    from jinja2 import TemplateNotFound

    asyncio.run(site.invoke_startup())
    loader = site.jinja_env.loader
    searched = []
    inner = loader.loader.load
    loader.loader.load = lambda env, name, globals=None: searched.append(name) or inner(env, name, globals)
    try:
        for _ in range(3):
            assert site.jinja_env.select_template(["table-tocoron-nosuch.html", "table.html"]).name == "table.html"
            with pytest.raises(TemplateNotFound):
                site.jinja_env.get_template("_nosuch.html")
    finally:
        loader.loader.load = inner
    assert searched.count("table-tocoron-nosuch.html") == 1 and searched.count("_nosuch.html") == 1
    assert "table.html" not in searched or searched.count("table.html") == 1  # compiled once, then Jinja's cache


def test_pages_rendered_in_sync_mode_are_those_of_the_async_mode_and_none_falls_back(built, monkeypatch):
    from datasette.plugins import pm

    monkeypatch.setenv("TOCORON_CACHE_BYTES", "0")  # every page rendered, by both sites
    synchronous, asynchronous = datasette_app(built.root), site_without(built, "sync_render")
    plugin = pm.get_plugin("sync_render.py")
    asyncio.run(synchronous.invoke_startup())
    pages = site_pages(built.data / "tocoron.db") + [
        "/tocoron/quotes?_facet=kind&_columns=all",
        "/tocoron?sql=select+1+as+x",
        "/-/search?q=prison",
        "/article/no-such-article",
        "/tocoron/quotes/no-such-quote",
    ]
    before = plugin.RenderedInSyncMode.fallbacks
    bodies = {}
    for name, ds in (("sync", synchronous), ("async", asynchronous)):
        bodies[name] = {}
        for path in pages:
            response = get(ds, path)
            bodies[name][path] = (response.status_code, normalized(response.content))
    assert type(synchronous.jinja_env.get_template("table.html")) is plugin.RenderedInSyncMode
    assert type(asynchronous.jinja_env.get_template("table.html")) is not plugin.RenderedInSyncMode
    assert [p for p in pages if bodies["sync"][p] != bodies["async"][p]] == []
    assert plugin.RenderedInSyncMode.fallbacks == before  # every page was rendered in sync mode
    assert {status for status, _ in bodies["sync"].values()} == {200, 404}


def test_a_context_with_an_async_function_taking_arguments_is_rendered_in_async_mode(site):
    from datasette.plugins import pm

    asyncio.run(site.invoke_startup())
    plugin = pm.get_plugin("sync_render.py")
    template = site.jinja_env.from_string("{{ f(2) }}")  # no name: Datasette's own async mode
    assert asyncio.run(template.render_async(f=lambda x: x + 1)) == "3"

    async def twice(x):
        return 2 * x

    before = plugin.RenderedInSyncMode.fallbacks
    template = site.jinja_env.get_template("_crumbs.html")  # any named template: its context decides
    asyncio.run(template.render_async(f=twice))
    assert plugin.RenderedInSyncMode.fallbacks == before + 1

    async def links():
        return [{"href": "/x", "label": "X"}]

    context = asyncio.run(plugin.resolved({"menu_links": links, "n": 1}))
    assert context["menu_links"]() == [{"href": "/x", "label": "X"}] and context["n"] == 1


def test_a_remembered_schema_method_answers_each_table_apart(site):
    asyncio.run(site.invoke_startup())
    db = site.get_database("tocoron")
    first = asyncio.run(db.table_columns("quotes"))
    assert asyncio.run(db.table_columns("actors")) != first and asyncio.run(db.table_columns("quotes")) == first
    assert "quote_id" in first and ("quotes",) in {key[0] for key in db.table_columns.known}
    first.append("changed by a caller")
    assert "changed by a caller" not in asyncio.run(db.table_columns("quotes"))  # handed out as a copy


# --- table cells (site/plugins/cells.py) -------------------------------------------------------------------------


def test_a_cell_is_decided_at_once_once_its_table_is_known_and_long_labels_are_cut(site):
    cells = load_plugin("cells")
    asyncio.run(site.invoke_startup())

    def cell(value, column="speaker_actor_id", table="quotes"):
        return cells.render_cell(None, value, column, table, "tocoron", site)

    first = cell({"value": "ana", "label": "Ana"})
    assert asyncio.iscoroutine(first) and asyncio.run(first) is None  # the first cell of a table reads its keys
    assert cell({"value": "ana", "label": "Ana"}) is None  # a short label: Datasette's own link, the same markup
    long = "A spokesperson of the ministry who spoke on condition of anonymity about the operation"
    shown = cell({"value": "x-1", "label": long})
    assert not asyncio.iscoroutine(shown)
    assert f'title="{long}"' in shown and ">" + cells.shorten(long) + "</a>" in shown
    assert shown.endswith("&nbsp;<em>x-1</em>") and 'href="/tocoron/actors/x-1"' in shown
    assert cell({"value": "x-1", "label": long}, column="text") is None  # not a foreign key of the table
    assert cell(11000.0, column="value", table="figures") == "11,000" and cell(2.5, column="value") is None
    assert cell("some words", column="text") is None


def test_a_row_pages_foreign_keys_are_labelled_from_one_query(built):
    import sqlite3

    from datasette.plugins import pm

    conn = sqlite3.connect(f"file:{built.data / 'tocoron.db'}?mode=ro", uri=True)
    claim = conn.execute(
        "SELECT c.claim_id, e.summary, s.title FROM claims c JOIN events e USING (event_id) JOIN sources s"
        " ON s.source_id = c.source_id ORDER BY c.claim_id LIMIT 1"
    ).fetchone()
    conn.close()
    statements: list[str] = []
    pm.register(query_recorder(statements), name="test-query-recorder")
    try:
        ds = datasette_app(built.root)
        asyncio.run(ds.invoke_startup())
        statements.clear()
        page = get(ds, f"/tocoron/claims/{claim[0]}").text
        again = get(ds, f"/tocoron/claims/{claim[0]}").text  # the labels kept: not asked again
    finally:
        pm.unregister(name="test-query-recorder")
    from markupsafe import escape

    assert f">{escape(claim[1])}</a>" in page and f">{escape(claim[2])}</a>" in page  # the event's, the source's
    assert normalized(again.encode()) == normalized(page.encode())
    labels = [s for s in statements if re.match(r'\s*SELECT 0 AS n, "', s)]
    assert len(labels) == 1 and "UNION ALL" in labels[0], statements
    assert not [s for s in statements if re.match(r'\s*SELECT "(summary|title)" FROM', s)]


def test_a_foreign_key_column_of_nulls_is_expanded_without_a_query():
    cells = load_plugin("cells")
    asked = []

    async def expand(database, table, column, values):
        asked.append(values)
        return {(column, v): v.upper() for v in values}

    expanding = cells.skipping_nulls(expand)
    assert asyncio.run(expanding("db", "claims", "quote_id", [None, None])) == {} and asked == []
    assert asyncio.run(expanding("db", "claims", "event_id", ["e", None])) == {("event_id", "e"): "E"}
    assert asked == [["e"]]


def test_labels_looked_up_on_the_event_loops_thread_are_datasettes_own(built):
    import sqlite3

    ds = datasette_app(built.root)
    asyncio.run(ds.invoke_startup())
    from extract.publish.site import lookups

    original = type(ds).expand_foreign_keys.__get__(ds)  # Datasette's, through its SQL thread
    assert ds.expand_foreign_keys is not original
    conn = sqlite3.connect(f"file:{built.data / 'tocoron.db'}?mode=ro", uri=True)
    checked = 0
    for table, column in [("quotes", "source_id"), ("quotes", "speaker_actor_id"), ("claims", "event_id")]:
        values = [r[0] for r in conn.execute(f"SELECT {column} FROM {table} LIMIT 30")] + [None, "no-such-key"]
        inline = asyncio.run(ds.expand_foreign_keys("tocoron", table, column, values))
        assert inline == asyncio.run(original("tocoron", table, column, values))
        checked += len(inline)
    conn.close()
    assert checked > 10  # labels were found, not two empty answers compared
    assert ds in lookups.INLINE and "tocoron" in lookups.INLINE[ds]  # looked up on this thread's own connection


JINJA_ROWS = """{% for row in display_rows %}<tr>{% for column in shown %}{% for cell in row if cell.column == column.name %}
<td class="col-{{ cell.column|to_css_class }} type-{{ cell.value_type }}">{{ cell.value }}</td>
{% endfor %}{% endfor %}</tr>
{% endfor %}"""  # the loop of Datasette 0.65.5's _table.html that rows_html replaces


def test_the_rows_written_in_python_are_those_the_template_loop_wrote():
    from datasette.utils import to_css_class
    from jinja2 import Environment
    from markupsafe import Markup

    table_columns = load_plugin("table_columns")
    shown = [{"name": n} for n in ("quote_id", "text", "speaker id", "Link", "missing")]
    display_rows = [
        [  # cells in another order than the columns shown, one cell of no shown column, values to escape or keep
            {"column": "text", "value": SCRIPT + " & more", "value_type": "str"},
            {"column": "hidden", "value": "not shown", "value_type": "str"},
            {"column": "quote_id", "value": Markup('<a href="/tocoron/quotes/q1">q1</a>'), "value_type": "pk"},
            {"column": "speaker id", "value": Markup("&nbsp;"), "value_type": "none"},
            {"column": "Link", "value": 3, "value_type": "int"},
        ],
        [{"column": "text", "value": "<b>bold</b>", "value_type": "str"}],
    ]
    env = Environment(autoescape=True)
    env.filters["to_css_class"] = to_css_class
    expected = env.from_string(JINJA_ROWS).render(display_rows=display_rows, shown=shown)
    written = table_columns.rows_html(display_rows, shown)
    assert re.sub(r">\s+<", "><", expected).strip() == re.sub(r">\s+<", "><", written).strip()
    assert "&lt;script&gt;" in written and "not shown" not in written and written.index("q1") < written.index("&lt;")
    assert "col-speaker-id-" in written  # a column name that is no CSS class gets Datasette's own mangled class


QUERY_ROWS = """    {% for row in display_rows %}
        <tr>
            {% for column, td in zip(columns, row) %}
                <td class="col-{{ column|to_css_class }}">{{ td }}</td>
            {% endfor %}
        </tr>
    {% endfor %}"""  # the loop of Datasette 0.65.5's query.html that query_rows_html replaces


def test_a_querys_rows_written_in_python_are_those_of_datasettes_template():
    from importlib import resources

    from datasette.utils import to_css_class
    from jinja2 import Environment
    from markupsafe import Markup

    from extract.serve import SITE

    table_columns = load_plugin("table_columns")
    columns = ["quote_id", "speaker name", "text"]
    display_rows = [["q1", Markup("<em>Ana</em>"), SCRIPT], ["q2", None, "<b>bold</b> & more"]]
    env = Environment(autoescape=True)
    env.filters["to_css_class"] = to_css_class
    expected = env.from_string(QUERY_ROWS).render(display_rows=display_rows, columns=columns, zip=zip)
    written = table_columns.query_rows_html(columns, display_rows)
    assert re.sub(r">\s+<", "><", expected).strip() == re.sub(r">\s+<", "><", written).strip()
    assert "&lt;script&gt;" in written and "<em>Ana</em>" in written
    # the project's query.html is Datasette's but for that loop (so a Datasette upgrade that changes it shows here)
    theirs = (resources.files("datasette") / "templates" / "query.html").read_text(encoding="utf-8")
    ours = (SITE / "templates" / "query.html").read_text(encoding="utf-8").split("-#}\n", 1)[1]
    assert QUERY_ROWS in theirs and ours == theirs.replace(
        QUERY_ROWS, "    {{ query_rows_html(columns, display_rows) }}"
    )


JINJA_TIMELINE = """  {% for e in events %}
    <li class="event" data-event="{{ e.event_id }}"><span class="when">{{ e.shown_date }}</span>
      <a href="{{ urls.row(database, "events", e.event_id) }}">{{ e.summary }}</a>
      <span class="meta">{{ e.event_type|replace("_", " ") }}{% if e.place %} · {{ e.place }}{% endif %}
      {% if e.sources %} · told by{% for t in e.sources %} <a class="source" href="/article/{{ t.source_id }}#{{ t.anchor }}">{{ t.source_id }}</a>{% endfor %}{% endif %}</span></li>
  {% endfor %}"""  # the loop of front.html that timeline_html replaces


def test_the_timeline_written_in_python_is_what_the_template_loop_wrote(site):
    from jinja2 import Environment

    from extract.serve import SITE

    front_page = load_plugin("front_page")
    events = [
        {  # values to escape everywhere, two sources
            "event_id": "ev-1&2",
            "shown_date": "September 2023",
            "summary": SCRIPT + " & a raid",
            "event_type": "armed_clash",
            "place": "<b>Northgate</b>",
            "sources": [{"source_id": "s-1", "anchor": "quote-q1"}, {"source_id": "s<2>", "anchor": 'figure-"f'}],
        },
        {"event_id": "ev-3", "shown_date": "undated", "summary": "A march", "event_type": "protest", "place": None},
        {"event_id": "ev-4", "shown_date": "2014", "summary": None, "event_type": "other", "place": "", "sources": []},
    ]
    env = Environment(autoescape=True)
    expected = env.from_string(JINJA_TIMELINE).render(events=events, urls=site.urls, database="tocoron")
    written = front_page.timeline_html(events, site.urls, "tocoron")
    assert re.sub(r">\s+<", "><", expected).strip() == re.sub(r">\s+<", "><", written).strip()
    assert "&lt;script&gt;" in written and "&lt;b&gt;Northgate" in written and "told by" not in written.split("ev-3")[1]
    assert "{{ timeline_html }}{#" in (SITE / "templates" / "front.html").read_text(encoding="utf-8")


# --- the load generator (bench/serve_load.py) --------------------------------------------------------------------


@pytest.mark.parametrize(
    "response, size",
    [
        (b"HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nhello", 5),
        (b"HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n4\r\ndefg\r\n0\r\n\r\n", 7),
    ],
)
def test_the_load_generator_reads_whole_responses_on_one_kept_connection(response, size):
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from serve_load import Connection

    async def run():
        accepted = []

        async def answer(reader, writer):
            accepted.append(1)
            while (await reader.readuntil(b"\r\n\r\n")).startswith(b"GET"):
                writer.write(response)
                await writer.drain()

        server = await asyncio.start_server(answer, "127.0.0.1", 0)
        connection = Connection("127.0.0.1", server.sockets[0].getsockname()[1])
        try:
            got = [await connection.get("/a"), await connection.get("/b")]
        finally:
            connection.close()
            server.close()
        return got, len(accepted)

    got, connections = asyncio.run(run())
    status = int(response.split()[1])
    assert got == [(status, size), (status, size)] and connections == 1


def test_the_schema_answers_kept_are_bounded_and_those_past_the_bound_still_answered():
    module = load_plugin("immutable_site")
    module.MAX_REMEMBERED = 2
    calls = []

    async def columns(table):
        calls.append(table)
        return [table + "_id"]

    remembered = module.remember_method(columns)

    async def ask():
        return [await remembered(t) for t in ("a", "b", "c", "a", "b", "c")]

    assert asyncio.run(ask()) == [["a_id"], ["b_id"], ["c_id"]] * 2
    assert calls == ["a", "b", "c", "c"] and len(remembered.known) == 2  # "c", past the bound, asked each time


def test_search_ranks_the_latest_matches_only_and_all_of_them_when_there_are_fewer(built):
    import sqlite3

    module = load_plugin("search")
    conn = sqlite3.connect(f"file:{built.root / 'data' / 'tocoron.db'}?immutable=1", uri=True)
    (matches,) = conn.execute("SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'the'").fetchone()
    assert matches > 3  # the seeds' quotes: enough to bound
    everything = [r[0] for r in conn.execute("SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH 'the' ORDER BY rank")]
    latest = sorted(everything, reverse=True)

    def quote_rowids(candidates: int) -> list[int]:
        module.CANDIDATES, module.LIMIT = candidates, 1000
        hits = module.all_hits(conn, "the", 1000)[0]  # the quotes' section
        ids = [h["id"] for h in hits]
        return [conn.execute("SELECT rowid FROM quotes WHERE quote_id = ?", [i]).fetchone()[0] for i in ids]

    assert quote_rowids(matches + 5) == everything  # fewer matches than the bound: every one ranked, as before
    bounded = quote_rowids(3)
    assert sorted(bounded) == sorted(latest[:3])  # only the latest three ranked...
    assert bounded == [r for r in everything if r in bounded]  # ...in the order of their rank


@pytest.mark.parametrize(
    "sql, sent",
    [
        (
            "select count(*) from quotes where rowid in (select rowid from quotes_fts where quotes_fts match "
            "escape_fts(:search)) ",
            "select count(*) from quotes_fts where quotes_fts match escape_fts(:search)",
        ),
        (  # ?_searchmode=raw
            "select count(*) from quotes where rowid in (select rowid from quotes_fts where quotes_fts match :search)",
            "select count(*) from quotes_fts where quotes_fts match :search",
        ),
        (  # another filter beside the search: unchanged
            'select count(*) from quotes where "kind" = :p0 and rowid in (select rowid from quotes_fts where '
            "quotes_fts match escape_fts(:search))",
            None,
        ),
        (  # one column searched: unchanged
            "select count(*) from quotes where rowid in (select rowid from quotes_fts where text match "
            "escape_fts(:search_0))",
            None,
        ),
        (  # the index of another table: unchanged
            "select count(*) from claims where rowid in (select rowid from quotes_fts where quotes_fts match :search)",
            None,
        ),
    ],
)
def test_only_a_searched_tables_own_count_is_sent_to_its_index(sql, sent):
    module = load_plugin("search_count")
    indexes = module.external_content_indexes(
        [
            ("quotes_fts", "CREATE VIRTUAL TABLE [quotes_fts] USING FTS5 ([text], content=[quotes])"),
            ("claims_fts", "CREATE VIRTUAL TABLE [claims_fts] USING FTS5 ([text], content=[claims])"),
        ]
    )
    assert indexes == {"quotes": "quotes_fts", "claims": "claims_fts"}
    assert module.rewritten(sql, indexes) == (sent or sql)


def test_searched_table_pages_count_the_same_matches_through_the_index(built):
    searched = ["/tocoron/quotes?_search=the", "/tocoron/sources?_search=prison", "/tocoron/quotes.json?_search=the"]
    searched += ["/tocoron/events?_search=the&_searchmode=raw", "/tocoron/claims?_search=nothingmatchesthis"]
    counted, plain = datasette_app(built.root), site_without(built, "search_count")
    asyncio.run(counted.invoke_startup())
    for path in searched:
        mine, theirs = get(counted, path), get(plain, path)
        assert mine.status_code == theirs.status_code == 200, path
        assert normalized(mine.content) == normalized(theirs.content), path
    assert re.search(rb"[1-9][0-9]* rows? where search matches", get(counted, searched[0]).content)


def test_the_pages_templates_are_compiled_at_start_up_in_both_modes(built):
    from datasette.plugins import pm

    site = datasette_app(built.root)  # a new site: nothing rendered yet

    module = pm.get_plugin("sync_render.py")  # the plugin as registered: its twins are the site's
    asyncio.run(site.invoke_startup())
    env = site.jinja_env
    used = module.used_by(env, module.PAGES)
    assert {"table.html", "_table.html", "base.html", "row.html", "search.html", "article.html"} <= set(used)
    for each in (env, module.SYNC_TWINS.get(env) or pytest.fail("no sync twin made at start-up")):
        compiled = {key[1] for key in each.cache.keys()}
        assert set(used) <= compiled, set(used) - compiled
