"""How the dataset is served: the one place that lists Datasette's options.

``python -m extract serve`` (and so ``make serve``) and the tests use these
same options: the database opened read-only and immutable, the generated
metadata, the site's templates and plugins, the package's files under
``/data/``, a time limit on SQL, and loopback unless asked otherwise.
"""

from __future__ import annotations

import mimetypes
from functools import cache
from pathlib import Path

# The downloads under /data/ get their registered media types (Datasette's static files take
# theirs from ``mimetypes``, which knows no Parquet and gives CSV no charset).
for media_type, suffix in (
    ("application/vnd.apache.parquet", ".parquet"),
    ("text/csv; charset=utf-8", ".csv"),
    ("application/vnd.sqlite3", ".db"),
):
    mimetypes.add_type(media_type, suffix)

SITE = Path(__file__).with_name("publish") / "site"
SQL_TIME_LIMIT_MS = 1000
SETTINGS = {
    "sql_time_limit_ms": SQL_TIME_LIMIT_MS,
    # Every page is bounded, so no render holds a worker for long (rendering runs on the worker's event loop): 30 rows
    # a table page (100 took three times as long to render), at most 1,000 rows from any query.
    "default_page_size": 30,
    "max_returned_rows": 1000,
    "allow_download": False,
    "facet_time_limit_ms": 400,
    "suggest_facets": False,
    "truncate_cells_html": 160,
}


def serve(root: Path, host: str, port: int, workers: int = 1) -> None:
    """Run the site under uvicorn, with one or several worker processes, each serving ``asgi_app``.

    The URL is printed first, and every worker reopens the database when a
    build publishes a new one (see :class:`Reopening`).  Several workers each
    listen on a socket of their own bound to the same port (``SO_REUSEPORT``),
    so the kernel shares the connections out between them as they arrive, and a worker holding more than its share
    of the keep-alive connections sends one away now and then (:class:`Balancing`).
    uvicorn's own workers accept from one shared socket, each taking every
    connection waiting when it wakes: the 20 keep-alive connections of a load
    could all go to one worker while the other idled (``bench/serve_load.py``
    measured 12.8 s of CPU against 0.1 s, both workers started)."""
    import os

    os.environ["TOCORON_ROOT"] = str(root)
    print(f"Serving {root / 'data' / database_file()} at http://{host}:{port}/ ({workers} worker(s))", flush=True)
    if workers == 1:
        serve_worker(str(root), host, port, reuse_port=False)
    else:
        supervise(str(root), host, port, workers)


def event_loop() -> str:
    """uvicorn's event loop: uvloop (a dependency, except on Windows, where it does not exist)."""
    import sys

    return "asyncio" if sys.platform == "win32" else "uvloop"


HTTP = "httptools"
"""uvicorn's HTTP parser (a dependency).  Asked for by name, as the loop is, rather than uvicorn's "auto", which falls
back silently to h11 and asyncio's loop.  With those, every response waited some 44 ms before it left (one keep-alive
connection, pages from the response cache: p50 44 ms against 0-1 ms; h11 on uvloop did not wait) and a request cost
the worker 2.6 ms of CPU against 1.4 ms (``bench/serve_load.py --requests 400 --concurrency 1 --workers 1``).  Over
distinct URLs at 10,000 articles (``--distinct --requests 210``, same options) p50 was 56-59 ms against 10 ms, p95 84-88
ms against 27-31 ms, and the server's CPU 14.3-15.0 ms a request against 12.0-12.4 ms."""


def serve_worker(root: str, host: str, port: int, reuse_port: bool = True, share: tuple | None = None) -> None:
    """One worker process: uvicorn (``HTTP``, ``event_loop()``) on its own listening socket.

    ``share`` is (the workers' shared connection counts, this worker's index) when there are several workers: see
    :class:`Balancing`."""
    import os
    import socket

    import uvicorn

    os.environ["TOCORON_ROOT"] = root
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if reuse_port:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    config = uvicorn.Config(
        "extract.serve:asgi_app", factory=True, log_level="info", access_log=True, http=HTTP, loop=event_loop()
    )
    server = uvicorn.Server(config)
    if share is not None:
        WORKER["balance"] = (*share, server.server_state.connections)  # read by asgi_app, which uvicorn calls next
    server.run(sockets=[sock])


WORKER: dict = {}
"""What ``serve_worker`` tells the application it is about to make (``asgi_app``) of the worker it runs in."""


def supervise(root: str, host: str, port: int, workers: int) -> None:
    """Start ``workers`` worker processes and wait; stop them all when told to stop or when one of them ends."""
    import multiprocessing
    import signal
    import sys
    import time

    port_is_free(host, port)  # the workers' sockets share the port with each other, never with another server
    context = multiprocessing.get_context("spawn")
    counts = context.Array("i", workers, lock=False)  # each worker's open connections, written by that worker
    processes = [
        context.Process(target=serve_worker, args=(root, host, port, True, (counts, i))) for i in range(workers)
    ]
    stopping = []

    def stop(signum, frame):
        stopping.append(signum)

    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, stop)
    for process in processes:
        process.start()
    while not stopping and all(process.is_alive() for process in processes):
        time.sleep(0.2)
    for process in processes:
        if process.is_alive():
            process.terminate()  # uvicorn finishes the requests in flight, then exits
    for process in processes:
        process.join(timeout=15)
        if process.is_alive():
            process.kill()
    failed = [process.exitcode for process in processes if process.exitcode not in (0, -signal.SIGTERM)]
    if failed and not stopping:
        sys.exit(f"a worker stopped (exit code {failed[0]}); the server stops with it")


def port_is_free(host: str, port: int) -> None:
    """Exit with a message when something listens on ``port`` already (a second ``serve`` would share it silently)."""
    import socket
    import sys

    probe = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        probe.bind((host, port))
    except OSError as exc:
        sys.exit(f"cannot listen on {host}:{port}: {exc.strerror}")
    finally:
        probe.close()


def asgi_app():
    """The ASGI application of one worker process (uvicorn's factory)."""
    import os

    app = Reopening(Path(os.environ["TOCORON_ROOT"]))
    if "balance" in WORKER:
        counts, index, connections = WORKER["balance"]
        app = Balancing(app, counts, index, connections)
    return app


class Balancing:
    """An ASGI wrapper that sends a worker's extra keep-alive connections away, so the workers hold as many each.

    The kernel gives each new connection to one of the workers' sockets by a
    hash of its addresses (``SO_REUSEPORT``): 20 keep-alive connections were
    split 10/10 or 5/15 from one run to the next (counted in /proc during
    ``bench/serve_load.py`` runs), and a worker with 15 has a line of pages half
    as long again as one with 10, while the other runs out of work.  Each worker writes how many connections it holds
    into an array the workers share (``counts``, at its ``index``); a worker
    holding more than its share (the total divided by the workers, rounded up)
    answers one request with ``Connection: close`` (at most one every
    ``SHED_EVERY_S``, so that it does not send away more than its excess before
    the counts catch up).  The client opens a new connection, which the kernel
    gives to either worker: the counts even out within a few rounds, and
    nothing is sent away once they are even."""

    SHED_EVERY_S = 0.05

    def __init__(self, app, counts, index: int, connections, clock=None) -> None:
        import time

        self.app, self.counts, self.index, self.connections = app, counts, index, connections
        self.clock = clock or time.monotonic
        self.last_shed = float("-inf")

    def sheds_now(self) -> bool:
        """Whether this request's connection is to be sent away (this worker's count written first)."""
        mine = self.counts[self.index] = len(self.connections)
        share = -(-sum(self.counts) // len(self.counts))
        now = self.clock()
        if mine > share and now - self.last_shed >= self.SHED_EVERY_S:
            self.last_shed = now
            return True
        return False

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or not self.sheds_now():
            return await self.app(scope, receive, send)

        async def closing(message):
            if message["type"] == "http.response.start":
                message = dict(message, headers=[*message.get("headers", []), (b"connection", b"close")])
            await send(message)

        return await self.app(scope, receive, closing)


@cache
def database_name() -> str:
    """The database's name on the site (``/<name>/<table>``), from the dataset's description (``datasette_db`` in
    ``publish/dataset.yaml``)."""
    from .publish.package import dataset_metadata

    return dataset_metadata()["datasette_db"]


def database_file() -> str:
    """The database's file name (``<name>.db``, as the build writes it)."""
    return database_name() + ".db"


def datasette_app(root: Path, database: str | None = None):
    """The same site as ``serve``, as an in-process Datasette object (for tests and benchmarks).

    The table counts are read once here and handed to Datasette as its
    ``inspect_data``: the database is immutable, so an unfiltered table page
    shows its count without a ``count(*)`` over the whole table on every
    request (at 10,000 articles that count was most of a table page's time)."""
    import json

    from datasette.app import Datasette

    path = root / "data" / (database or database_file())
    return Datasette(
        immutables=[str(path)],
        metadata=json.loads((root / "metadata.json").read_text(encoding="utf-8")),
        template_dir=str(SITE / "templates"),
        plugins_dir=str(SITE / "plugins"),
        static_mounts=[("data", str(root / "data"))],
        settings=SETTINGS,
        inspect_data={path.stem: inspect(path)},
    )


def inspect(path: Path) -> dict:
    """What ``datasette inspect`` records for one database (row counts per table), without hashing the file."""
    import sqlite3

    conn = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        tables = {name: {"count": conn.execute(f"SELECT count(*) FROM [{name}]").fetchone()[0]} for name in names}
    finally:
        conn.close()
    st = path.stat()
    return {
        "hash": f"{st.st_ino:x}-{st.st_mtime_ns:x}-{st.st_size:x}",
        "size": st.st_size,
        "file": path.name,
        "tables": tables,
    }


def stamp(root: Path) -> tuple | None:
    """What identifies the published database and metadata: a rebuild publishes new files (new inode, time, size).

    ``None`` while a build is publishing (its journal is there) or the files are missing."""
    from .publication import JOURNAL

    if (root / JOURNAL).exists():
        return None
    try:
        return tuple(
            (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_size)
            for st in ((root / "data" / database_file()).stat(), (root / "metadata.json").stat())
        )
    except FileNotFoundError:
        return None


class Reopening:
    """An ASGI app serving the database the last build published: the site is reopened when it changes.

    Datasette serves the database immutable (it never looks at the file
    again) and keeps its metadata, counts and front-page summary in memory,
    so after a rebuild it would go on serving the old, deleted database while
    ``/data/`` served the new files.  Before each request this checks the
    files' identity (two ``stat`` calls); when a build has published new ones,
    a new Datasette is made and started (the requests that arrive meanwhile
    wait for it), and the old one is dropped once its requests are done.
    While a build is publishing, or if the database is missing, requests are
    answered 503 with the reason, never with a mix of old and new.
    """

    RETIRE_AFTER_S = 60  # the old site's SQL threads are shut down this long after the swap

    def __init__(self, root: Path, make=datasette_app) -> None:
        self.root, self.make = root, make
        self.stamp = stamp(root)
        self.datasette = make(root)
        self.app = self.datasette.app()
        self.reopening = None  # an asyncio task while a new site is being started
        self.reopened = 0

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            current = stamp(self.root)
            if current is None:
                return await unavailable(
                    send, "the database is being published by a build or is missing; retry shortly"
                )
            if current != self.stamp:
                await self.reopen(current)
        return await self.app(scope, receive, send)

    async def reopen(self, current: tuple) -> None:
        import asyncio

        if self.reopening is None:
            self.reopening = asyncio.ensure_future(self.start(current))
        task = self.reopening
        try:
            await asyncio.shield(task)
        finally:
            if self.reopening is task and task.done():
                self.reopening = None

    async def start(self, current: tuple) -> None:
        import asyncio

        datasette = self.make(self.root)
        await datasette.invoke_startup()
        app = datasette.app()
        old, self.datasette, self.app, self.stamp = self.datasette, datasette, app, current
        self.reopened += 1
        print(f"Reopened {self.root / 'data' / database_file()}: a build published a new database", flush=True)
        asyncio.get_running_loop().call_later(self.RETIRE_AFTER_S, old.executor.shutdown, False)


async def unavailable(send, reason: str) -> None:
    body = f"503 Service Unavailable: {reason}\n".encode()
    await send(
        {
            "type": "http.response.start",
            "status": 503,
            "headers": [(b"content-type", b"text/plain; charset=utf-8"), (b"retry-after", b"2")],
        }
    )
    await send({"type": "http.response.body", "body": body})


STARTED = "Application startup complete."
"""What uvicorn prints when a worker has started its site (and listens)."""


class LocalServer:
    """``python -m extract serve`` in a child process on a free loopback port, for tests and benchmarks.

    Used as a context manager: on entry it starts the server and waits (at most
    ``timeout`` seconds) until it answers and every worker has started: at
    10,000 articles a worker's start (the front page's summary) takes seconds,
    and the keep-alive connections of a load sent meanwhile all went to the
    worker that was up.  On exit it stops it.  A server that dies while
    starting raises with what it printed to stderr.
    """

    def __init__(self, root: Path, workers: int = 1, env: dict[str, str] | None = None, timeout: float = 30) -> None:
        self.root, self.workers, self.env, self.timeout = root, workers, env, timeout
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = None

    def __enter__(self) -> LocalServer:
        import os
        import subprocess
        import sys
        import tempfile

        self.log = tempfile.TemporaryFile()  # a file, not a pipe: a chatty server never blocks on it
        command = [
            sys.executable,
            "-m",
            "extract",
            "serve",
            "--root",
            str(self.root),
            "--port",
            str(self.port),
            "--workers",
            str(self.workers),
        ]
        self.process = subprocess.Popen(
            command,
            cwd=Path(__file__).resolve().parents[1],
            stdout=self.log,
            stderr=subprocess.STDOUT,
            env=dict(os.environ, **(self.env or {})),
        )
        self.wait_until_it_answers()
        return self

    def wait_until_it_answers(self) -> None:
        import time
        import urllib.request

        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(self.url + "/-/versions.json", timeout=1)
                if self.output().count(STARTED) >= self.workers:
                    return
                time.sleep(0.2)  # one worker answers; the others are still starting (a big site: seconds)
            except OSError:
                if self.process.poll() is not None:
                    self.log.seek(0)
                    raise RuntimeError(
                        f"the server stopped while starting:\n{self.log.read().decode(errors='replace')}"
                    ) from None
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"the server did not answer within {self.timeout:.0f} s")

    def output(self) -> str:
        """Everything the server printed so far (stdout and stderr), read without moving the shared file offset."""
        import os

        fd = self.log.fileno()
        return os.pread(fd, os.fstat(fd).st_size, 0).decode(errors="replace")

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except Exception:  # noqa: BLE001  (whatever happened, do not leave it running)
            self.process.kill()
            self.process.wait()
        self.log.close()
        self.process = None


def free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on now."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
