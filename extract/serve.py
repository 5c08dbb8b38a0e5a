"""How the dataset is served: the one place that lists Datasette's options.

``python -m extract serve`` (and so ``make serve``) and the tests use these
same options: the database opened read-only and immutable, the generated
metadata, the site's templates and plugins, the package's files under
``/data/``, a time limit on SQL, and loopback unless asked otherwise.
"""

from __future__ import annotations

from pathlib import Path

SITE = Path(__file__).with_name("publish") / "site"
SQL_TIME_LIMIT_MS = 1000
SETTINGS = {"sql_time_limit_ms": SQL_TIME_LIMIT_MS, "default_page_size": 100, "max_returned_rows": 5000,
            "allow_download": False, "facet_time_limit_ms": 400, "suggest_facets": False}


def datasette_args(root: Path, host: str = "127.0.0.1", port: int = 8001, database: str = "tocoron.db") -> list[str]:
    """Command-line arguments for ``datasette serve``."""
    args = ["serve", "--immutable", str(root / "data" / database), "--metadata", str(root / "metadata.json"),
            "--template-dir", str(SITE / "templates"), "--plugins-dir", str(SITE / "plugins"),
            "--static", f"data:{root / 'data'}", "--host", host, "--port", str(port)]
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
    uvicorn.run("extract.serve:asgi_app", factory=True, host=host, port=port, workers=workers, log_level="warning")


def asgi_app():
    """The ASGI application of one worker process (uvicorn's factory)."""
    import os

    return datasette_app(Path(os.environ["TOCORON_ROOT"])).app()


def datasette_app(root: Path, database: str = "tocoron.db"):
    """The same site as ``serve``, as an in-process Datasette object (for tests and benchmarks)."""
    import json

    from datasette.app import Datasette

    return Datasette(immutables=[str(root / "data" / database)],
                     metadata=json.loads((root / "metadata.json").read_text(encoding="utf-8")),
                     template_dir=str(SITE / "templates"), plugins_dir=str(SITE / "plugins"),
                     static_mounts=[("data", str(root / "data"))], settings=SETTINGS)
