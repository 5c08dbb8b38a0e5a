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
            "allow_download": False, "facet_time_limit_ms": 400}


def datasette_args(root: Path, host: str = "127.0.0.1", port: int = 8001, database: str = "tocoron.db") -> list[str]:
    """Command-line arguments for ``datasette serve``."""
    args = ["serve", "--immutable", str(root / "data" / database), "--metadata", str(root / "metadata.json"),
            "--template-dir", str(SITE / "templates"), "--plugins-dir", str(SITE / "plugins"),
            "--static", f"data:{root / 'data'}", "--host", host, "--port", str(port)]
    for name, value in SETTINGS.items():
        args += ["--setting", name, str(value).lower() if isinstance(value, bool) else str(value)]
    return args


def serve(root: Path, host: str, port: int) -> None:
    """Run Datasette in this process (so its plugins import this checkout's ``extract``)."""
    from datasette.cli import cli

    cli.main(args=datasette_args(root, host, port), prog_name="datasette")
