"""How the dataset is served: the one place that lists Datasette's options.

``python -m extract serve`` (and so ``make serve``) and the tests use these
same options: the database opened read-only and immutable, the generated
metadata, the site's templates and plugins, the package's files under
``/data/``, a time limit on SQL, and loopback unless asked otherwise.
"""

from __future__ import annotations

import mimetypes
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
    "default_page_size": 100,
    "max_returned_rows": 5000,
    "allow_download": False,
    "facet_time_limit_ms": 400,
    "suggest_facets": False,
    "truncate_cells_html": 160,
}


def datasette_args(root: Path, host: str = "127.0.0.1", port: int = 8001, database: str = "tocoron.db") -> list[str]:
    """Command-line arguments for ``datasette serve``."""
    args = [
        "serve",
        "--immutable",
        str(root / "data" / database),
        "--metadata",
        str(root / "metadata.json"),
        "--template-dir",
        str(SITE / "templates"),
        "--plugins-dir",
        str(SITE / "plugins"),
        "--static",
        f"data:{root / 'data'}",
        "--host",
        host,
        "--port",
        str(port),
    ]
    for name, value in SETTINGS.items():
        args += ["--setting", name, str(value).lower() if isinstance(value, bool) else str(value)]
    return args


def serve(root: Path, host: str, port: int, workers: int = 1) -> None:
    """Run Datasette: in this process with one worker (its own command line), or under uvicorn with
    several worker processes, each building the same site with ``datasette_app``."""
    if workers <= 1:
        from datasette.cli import cli

        cli.main(args=datasette_args(root, host, port), prog_name="datasette")
        return
    import os

    import uvicorn

    os.environ["TOCORON_ROOT"] = str(root)
    uvicorn.run(
        "extract.serve:asgi_app", factory=True, host=host, port=port, workers=workers, log_level="info", access_log=True
    )


def asgi_app():
    """The ASGI application of one worker process (uvicorn's factory)."""
    import os

    return datasette_app(Path(os.environ["TOCORON_ROOT"])).app()


def datasette_app(root: Path, database: str = "tocoron.db"):
    """The same site as ``serve``, as an in-process Datasette object (for tests and benchmarks)."""
    import json

    from datasette.app import Datasette

    return Datasette(
        immutables=[str(root / "data" / database)],
        metadata=json.loads((root / "metadata.json").read_text(encoding="utf-8")),
        template_dir=str(SITE / "templates"),
        plugins_dir=str(SITE / "plugins"),
        static_mounts=[("data", str(root / "data"))],
        settings=SETTINGS,
    )


class LocalServer:
    """``python -m extract serve`` in a child process on a free loopback port, for tests and benchmarks.

    Used as a context manager: on entry it starts the server and waits (at most
    ``timeout`` seconds) until it answers; on exit it stops it.  A server that
    dies while starting raises with what it printed to stderr.
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
                return
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
