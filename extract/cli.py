"""The command line: a thin layer over the library, one function per command."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .errors import BuildFailed
from .pipeline import Project, build as build_dataset


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Build and publish the Tocorón news dataset.

    \b
    Example:
      python -m extract build            # seeds/ -> data/, schema/, metadata.json
    """


@main.command()
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=Path("."), show_default=True,
              help="The project folder (holding seeds/, data/, schema/).")
def build(root: Path) -> None:
    """Build the dataset: load → extract → resolve → validate → publish.

    Writes data/ (datapackage.json, csv/, parquet/, the SQLite database),
    schema/ and metadata.json, all at once and only when everything validates.

    \b
    Example:
      python -m extract build --root .
    """
    try:
        dataset = build_dataset(Project(root.resolve()))
    except BuildFailed as exc:
        for error in exc.errors:
            click.echo(str(error), err=True)
        click.echo(f"build failed: {len(exc.errors)} problem(s); data/ was left unchanged", err=True)
        sys.exit(1)
    counts = ", ".join(f"{len(rows)} {table}" for table, rows in dataset.tables.items())
    click.echo(f"built {root / 'data'}: {counts}")
