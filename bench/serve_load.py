"""Benchmark: a bounded load on the Datasette site over loopback (not a test).

Starts ``python -m extract serve`` on a free 127.0.0.1 port for the built
project at ``--root``, sends a fixed number of requests (default 2,000) at a
fixed concurrency (default 20), then stops the server.  The pages are of seven
kinds: table pages (HTML and JSON, filtered and paged), facets, row pages,
search (a table's search box and the site-wide ``/-/search``), canned queries,
article views and the front page.

- By default the same 17 URLs are cycled, so most requests are answered by
  the response cache (what a popular page costs).
- ``--distinct`` makes every request a different URL of the same kinds (other
  rows, other pages, other facet values, other search terms, other query
  parameters), drawn reproducibly (``--seed``) from the database itself, so no
  response cache and no repeated query can answer it: what a crawler costs.

Reports throughput and, per kind of page and overall, p50/p95/p99 latency and
errors (the target at 10,000 articles: p95 under 200 ms, zero errors, over
distinct URLs at concurrency 20), the CPU the server used a request (and each
of its workers: uvicorn's workers share out the client's keep-alive connections
as they open, not request by request, so one may get most of them) and the CPU
this load generator used (one process, raw keep-alive sockets: it shares the
cores with the server, so it must cost little), and the load average before and
after.  Every request has a timeout and the whole run a deadline
(``--deadline``), so it always ends by itself.  ``bench/serve_cpu.py`` measures
the same URLs in-process, one at a time.

    .venv/bin/python bench/serve_load.py [--distinct] [--root DIR] [--requests N] [--concurrency C] [--workers W]
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import itertools
import os
import random
import re
import sqlite3
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import quote, urlencode

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from extract.serve import LocalServer, database_file  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DB = "/" + Path(database_file()).stem  # the database's path on the site (``datasette_db`` of dataset.yaml)
KINDS = ("table", "facet", "row", "search", "query", "article", "home")
PATHS = [  # (kind, path): the repeated mode, on the seeds' ids
    ("table", f"{DB}/quotes"),
    ("table", f"{DB}/figures"),
    ("table", f"{DB}/actors"),
    ("facet", f"{DB}/events?_facet=event_type"),
    ("table", f"{DB}/quotes.json?_shape=array"),
    ("table", f"{DB}/mentions.json?_size=100"),
    ("table", f"{DB}/places.json"),
    ("query", f"{DB}/who_said_what"),
    ("query", f"{DB}/timeline.json"),
    ("query", f"{DB}/entity_profile.json?id=tren-de-aragua"),
    ("query", f"{DB}/figures_across_sources"),
    ("query", f"{DB}/mentions_across_sources.json?id=tocoron-prison"),
    ("search", f"{DB}/quotes?_search=prison"),
    ("search", f"{DB}/sources.json?_search=tunnels"),
    ("article", "/article/afp-2023-09-20-tocoron"),
    ("row", f"{DB}/actors/carlos-nieto-palma"),
    ("home", "/"),
]


def tilde(value: str) -> str:
    from datasette.utils import tilde_encode

    return tilde_encode(value)


class Sampler:
    """Ids, values and words drawn from the served database, each handed out once."""

    def __init__(self, db: Path, seed: int) -> None:
        self.conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        self.random = random.Random(seed)
        self.pools: dict[str, list] = {}
        self.reused = 0  # pools drawn again (a small database): the URLs stay distinct, some queries repeat

    def pool(self, name: str, sql: str) -> list:
        if name not in self.pools:
            values = [r[0] if len(r) == 1 else r for r in self.conn.execute(sql)]
            self.random.shuffle(values)
            self.pools[name] = values
        return self.pools[name]

    def take(self, name: str, sql: str):
        """The next value of a pool; a small database's pool is drawn again once used up."""
        values = self.pool(name, sql)
        if not values:
            del self.pools[name]
            values = self.pool(name, sql)
            self.reused += 1
            if not values:
                raise SystemExit(f"nothing to sample for {name}")
        return values.pop()

    def words(self) -> list[str]:
        """Distinct words of the articles (4+ letters), for search terms."""

        def make():
            texts = self.conn.execute("SELECT text FROM sources ORDER BY source_id LIMIT 400").fetchall()
            found = sorted({w.lower() for (t,) in texts for w in re.findall(r"[^\W\d_]{4,}", t)})
            self.random.shuffle(found)
            return found

        if not self.pools.get("words"):
            self.pools["words"] = make()
        return self.pools["words"]


SOURCES = "SELECT source_id FROM sources"
EVENTS = "SELECT event_id FROM events"
ACTORS_AND_ORGS = "SELECT actor_id FROM actors UNION ALL SELECT organization_id FROM organizations"
ENTITIES = "SELECT actor_id FROM actors UNION ALL SELECT organization_id FROM organizations UNION ALL SELECT place_id FROM places"
ROWS = (
    "SELECT 'quotes', quote_id FROM quotes UNION ALL SELECT 'figures', figure_id FROM figures "
    "UNION ALL SELECT 'claims', claim_id FROM claims UNION ALL SELECT 'mentions', mention_id FROM mentions "
    "UNION ALL SELECT 'events', event_id FROM events UNION ALL SELECT 'actors', actor_id FROM actors "
    "UNION ALL SELECT 'sources', source_id FROM sources"
)


def distinct_url(kind: str, n: int, s: Sampler) -> str:
    """The ``n``-th URL of a kind; no two calls give the same URL."""
    rnd = s.random
    if kind == "table":
        choice = n % 6
        if choice == 0:
            return f"{DB}/quotes?source_id={quote(s.take('t-src', SOURCES))}"
        if choice == 1:
            return f"{DB}/mentions.json?source_id={quote(s.take('t-src2', SOURCES))}&_size={rnd.randint(5, 100)}"
        if choice == 2:
            return f"{DB}/figures?event_id={quote(s.take('t-ev', EVENTS))}"
        if choice == 3:  # a page deep into a big table, by its sort order
            return f"{DB}/claims?_next={tilde(s.take('t-claim', 'SELECT claim_id FROM claims'))}"
        if choice == 4:
            return f"{DB}/events?_sort=date&_size={rnd.randint(10, 100)}&date__gte=20{rnd.randint(0, 25):02d}-{rnd.randint(1, 12):02d}-01&_n={n}"
        return f"{DB}/sources?_size={rnd.randint(5, 100)}&publisher={quote(s.take('t-pub', 'SELECT DISTINCT publisher FROM sources'))}&_n={n}"
    if kind == "facet":
        choice = n % 4
        if choice == 0:
            return f"{DB}/quotes?_facet=kind&_facet=method&source_id={quote(s.take('f-src', SOURCES))}"
        if choice == 1:
            return f"{DB}/events?_facet=event_type&event_type={quote(s.take('f-et', 'SELECT DISTINCT event_type FROM events'))}&_n={n}"
        if choice == 2:
            return f"{DB}/figures?_facet=unit&_facet=qualifier&event_id={quote(s.take('f-ev', EVENTS))}"
        return f"{DB}/mentions?_facet=entity_type&source_id={quote(s.take('f-src2', SOURCES))}"
    if kind == "row":
        table, key = s.take("rows", ROWS)
        return f"{DB}/{table}/{tilde(key)}"
    if kind == "search":
        word = s.words().pop()
        choice = n % 3
        if choice == 0:
            return f"{DB}/quotes?_search={quote(word)}"
        if choice == 1:
            return f"{DB}/sources.json?_search={quote(word)}&_shape=array&_col=title"
        return f"/-/search?q={quote(word)}"
    if kind == "query":
        choice = n % 6
        if choice == 0:
            return f"{DB}/who_said_what?" + urlencode({"page": n // 6 + 1})
        if choice == 1:
            return f"{DB}/entity_profile.json?" + urlencode({"id": s.take("q-ent", ACTORS_AND_ORGS)})
        if choice == 2:
            return f"{DB}/mentions_across_sources?" + urlencode({"id": s.take("q-ment", ENTITIES)})
        if choice == 3:
            return f"{DB}/timeline?" + urlencode({"page": n // 6 + 1})
        if choice == 4:
            return f"{DB}/figures_across_sources?" + urlencode({"event_id": s.take("q-ev", EVENTS)})
        return f"{DB}/where_reports_disagree?" + urlencode({"page": n // 6 + 1})
    if kind == "article":
        return "/article/" + quote(s.take("a-src", SOURCES))
    if kind == "home":
        return f"/?page={n + 1}"
    raise ValueError(kind)


def distinct_paths(db: Path, total: int, seed: int) -> list[tuple[str, str]]:
    sampler = Sampler(db, seed)
    counters = collections.Counter()
    paths, seen = [], set()
    for kind in itertools.islice(itertools.cycle(KINDS), total):
        path = distinct_url(kind, counters[kind], sampler)
        if path in seen:  # only on a database too small for the run: made distinct, though its query repeats
            path += ("&" if "?" in path else "?") + f"_n={counters[kind]}"
            sampler.reused += 1
        seen.add(path)
        paths.append((kind, path))
        counters[kind] += 1
    sampler.random.shuffle(paths)
    if sampler.reused:
        print(f"note: the database is small for {total} distinct URLs; {sampler.reused} draws repeat a value")
    return paths


class Connection:
    """One keep-alive HTTP/1.1 connection over raw asyncio streams: the lightest client there is in one process.

    httpx cost the client 5.7 ms of CPU a request (measured at 10,000 articles: a quarter of the server's
    work, on the same two cores); this costs 0.8 ms: it reads the status line, the headers and
    a body of ``Content-Length`` bytes or in chunks, and nothing else."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader = self.writer = None

    async def get(self, path: str) -> tuple[int, int]:
        """(status, body bytes) of ``GET path``; the connection is opened (again) when needed."""
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n\r\n".encode("latin-1"))
        status = int((await self.reader.readuntil(b"\r\n")).split(b" ", 2)[1])
        length, chunked, close = None, False, False
        while (line := await self.reader.readuntil(b"\r\n")) != b"\r\n":
            name, _, value = line.partition(b":")
            name, value = name.strip().lower(), value.strip().lower()
            if name == b"content-length":
                length = int(value)
            elif name == b"transfer-encoding":
                chunked = b"chunked" in value
            elif name == b"connection":
                close = value == b"close"
        if chunked:
            size = 0
            while chunk := int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16):
                size += len(await self.reader.readexactly(chunk + 2)) - 2
            while await self.reader.readuntil(b"\r\n") != b"\r\n":  # trailers
                pass
        elif length is not None:
            size = len(await self.reader.readexactly(length))
        else:  # the body ends with the connection
            size, close = len(await self.reader.read()), True
        if close:
            self.close()
        return status, size

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def load(base: str, paths: list[tuple[str, str]], concurrency: int, deadline: float, timeout: float = 10):
    """Send ``paths`` over ``concurrency`` keep-alive connections, each request under ``timeout`` seconds."""
    host, port = base.removeprefix("http://").rsplit(":", 1)
    queue: asyncio.Queue[tuple[str, str]] = asyncio.Queue()
    for item in paths:
        queue.put_nowait(item)
    results: list[tuple[str, float, str | None, str, float]] = []  # kind, seconds, error, path, when sent
    begun = time.perf_counter()

    async def worker():
        connection = Connection(host, int(port))
        try:
            while not queue.empty():
                kind, path = queue.get_nowait()
                start = time.perf_counter()
                error = None
                try:
                    status, _ = await asyncio.wait_for(connection.get(path), timeout)
                    if status != 200:
                        error = f"{status} {path}"
                except (
                    OSError,
                    asyncio.IncompleteReadError,
                    asyncio.LimitOverrunError,
                    ValueError,
                    TimeoutError,
                ) as exc:
                    error = f"{type(exc).__name__} {path}"
                    connection.close()  # a half-read response: the next request gets a new connection
                results.append((kind, time.perf_counter() - start, error, path, start - begun))
        finally:
            connection.close()

    start = time.perf_counter()
    try:
        await asyncio.wait_for(asyncio.gather(*(worker() for _ in range(concurrency))), timeout=deadline)
    except TimeoutError:
        print(f"deadline of {deadline:.0f} s reached: {queue.qsize()} requests not sent")
    return results, time.perf_counter() - start


def server_cpu(pid: int) -> float:
    """CPU seconds used so far by the server process and all its live descendants (its workers)."""
    total, todo = 0.0, [pid]
    tick = os.sysconf("SC_CLK_TCK")
    while todo:
        current = todo.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


def workers_cpu(pid: int) -> dict[int, float]:
    """CPU seconds used so far by each worker process of the server (its direct children; itself if it has none)."""
    children = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            children += [int(c) for c in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue
    return {child: server_cpu(child) for child in children or [pid]}


def percentile(values: list[float], p: float) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1]


def report(results, elapsed: float) -> None:
    print(f"throughput: {len(results) / elapsed:.0f} requests/s")
    print("| page kind | requests | p50 ms | p95 ms | p99 ms | max ms | errors |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    groups = collections.defaultdict(list)
    for kind, seconds, error, *_ in results:
        groups[kind].append((seconds, error))
        groups["all"].append((seconds, error))
    for kind in (*KINDS, "all"):
        if kind not in groups:
            continue
        ms = [1000 * s for s, _ in groups[kind]]
        errors = sum(1 for _, e in groups[kind] if e)
        print(
            f"| {kind} | {len(ms)} | {percentile(ms, 50):.0f} | {percentile(ms, 95):.0f} | "
            f"{percentile(ms, 99):.0f} | {max(ms):.0f} | {errors} |"
        )
    errors = [e for _, _, e, *_ in results if e]
    print(f"errors: {len(errors)}" + (f" (first: {errors[:3]})" if errors else ""))


def slowest(results, count: int) -> None:
    """The ``count`` slowest requests (what to look at first: one slow page also delays those served beside it)."""
    for kind, seconds, _, path, sent in sorted(results, key=lambda r: -r[1])[:count]:
        print(f"{1000 * seconds:7.0f} ms  sent at {sent:5.2f} s  {kind:8} {path}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2, help="server worker processes (make serve uses 2)")
    parser.add_argument("--distinct", action="store_true", help="every request a distinct URL (no cache can answer)")
    parser.add_argument("--seed", type=int, default=1, help="the draw of distinct URLs")
    parser.add_argument("--no-cache", action="store_true", help="turn the response cache off (every request rendered)")
    parser.add_argument("--root", type=Path, default=ROOT, help="the built project to serve (default: this checkout)")
    parser.add_argument(
        "--slots", type=int, help="requests a worker renders at once (extract/publish/site/admission.py; 0: no limit)"
    )
    parser.add_argument("--slowest", type=int, default=0, help="list this many of the slowest requests")
    parser.add_argument("--deadline", type=float, default=300, help="stop after this many seconds of load")
    args = parser.parse_args()
    db = args.root / "data" / database_file()
    if not db.exists():
        raise SystemExit(f"no {db}: run `python -m extract build --root {args.root}` first")
    if args.distinct:
        paths = distinct_paths(db, args.requests, args.seed)
    else:
        paths = list(itertools.islice(itertools.cycle(PATHS), args.requests))
    env = {"TOCORON_CACHE_BYTES": "0" if args.no_cache else "64000000"}
    if args.slots is not None:
        env["TOCORON_ADMIT_SLOTS"] = str(args.slots)
    load_before = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    with LocalServer(args.root, workers=args.workers, env=env, timeout=120) as server:  # noqa: SIM117
        cpu_before, client_before = server_cpu(server.process.pid), time.process_time()
        workers_before = workers_cpu(server.process.pid)
        results, elapsed = asyncio.run(load(server.url, paths, args.concurrency, args.deadline))
        cpu, client = server_cpu(server.process.pid) - cpu_before, time.process_time() - client_before
        per_worker = [spent - workers_before.get(w, 0.0) for w, spent in workers_cpu(server.process.pid).items()]
    load_after = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"{len(results)} requests at concurrency {args.concurrency}, "
        f"{'distinct URLs' if args.distinct else f'{len(PATHS)} URLs repeated'}, "
        f"{args.workers} server worker(s), response cache {'off' if args.no_cache else 'on'}, {elapsed:.1f} s; "
        f"{os.cpu_count()} cores, load average {load_before} before the server started, {load_after} at the end"
    )
    n = max(1, len(results))
    print(
        f"server CPU: {cpu:.1f} s, {1000 * cpu / n:.1f} ms a request; load generator CPU: {client:.1f} s, "
        f"{1000 * client / n:.1f} ms a request (both on the same cores: what the latencies cost the machine)"
    )
    print(  # the keep-alive connections are shared out once, when they open: one worker may get most of them
        "CPU of each worker: " + ", ".join(f"{spent:.1f} s" for spent in per_worker)
    )
    report(results, elapsed)
    slowest(results, args.slowest)


if __name__ == "__main__":
    main()
