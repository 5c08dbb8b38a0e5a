"""The command line: a thin layer over the library, one function per command."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import sys
from pathlib import Path
from typing import NoReturn

import click

from .errors import BuildError, BuildFailed, Location, OutputError, shown_path
from .pipeline import Project
from .pipeline import build as build_dataset


def root_option(help: str):
    """The ``--root`` option every command that works on a project takes (the project folder, default ".")."""
    return click.option(
        "--root", type=click.Path(file_okay=False, path_type=Path), default=Path("."), show_default=True, help=help
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Build and publish the Tocorón news dataset.

    \b
    Example:
      python -m extract build            # seeds/ -> data/, schema/, metadata.json
      python -m extract rules article.txt --published 2023-09-20
    """


@main.command()
@root_option("The project folder (holding seeds/, data/, schema/).")
def build(root: Path) -> None:
    """Build the dataset: load → extract → resolve → validate → publish.

    Writes data/ (datapackage.json, csv/, parquet/, the SQLite database),
    schema/ and metadata.json, all at once and only when everything validates.

    \b
    Example:
      python -m extract build --root .
    """
    folder = root.resolve()
    try:
        dataset = build_dataset(Project(folder))
    except BuildFailed as exc:
        fail(exc.errors)
    except OSError as exc:  # a read-only project folder, a full disk: one located line, not a traceback
        fail([OutputError.of(exc, folder)])
    except sqlite3.OperationalError as exc:  # SQLite's own words for the same ("database or disk is full")
        fail([OutputError(str(exc), Location.of(shown_path(folder / "data", folder)))])
    counts = ", ".join(f"{len(rows)} {table}" for table, rows in dataset.tables.items())
    click.echo(f"built {root / 'data'}: {counts}")


def fail(errors: list[BuildError]) -> NoReturn:
    """Report a failed build, one line per problem and a summary, and exit 1."""
    for error in errors:
        click.echo(str(error), err=True)
    click.echo(f"build failed: {len(errors)} problem(s); data/ was left unchanged", err=True)
    sys.exit(1)


def read_text(path: str) -> str:
    """UTF-8 text from PATH, or from standard input for '-'; a clear error otherwise."""
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        raise click.ClickException(f"{path}: cannot be read ({exc.strerror})") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise click.ClickException(f"{path}:{line}: not UTF-8 ({exc.reason} at byte {exc.start})") from None


def parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint="--published") from None


@main.command()
@click.argument("path")
@click.option("--published", help='Publication date (YYYY-MM-DD), to resolve "on Wednesday", "yesterday".')
def rules(path: str, published: str | None) -> None:
    """Run the rule-based extractors on any UTF-8 text and print JSON.

    PATH is a file, or - for standard input. Offsets index the text as read.

    \b
    Example:
      python -m extract rules seeds/000_f58f9e3476caf365.txt --published 2023-09-20
      echo '"We will win," said Ana Ruiz.' | python -m extract rules -
    """
    from .rules import analyze

    result = analyze(read_text(path), parse_date(published))
    click.echo(json.dumps(result.as_json(), ensure_ascii=False, indent=2))


def reviewed_entities(folder: Path) -> dict[str, str]:
    """Ids of the persons and organizations that reviewed annotation files in ``folder`` declare, with the file."""
    from .yamlfile import load_yaml

    declared: dict[str, str] = {}
    for file in sorted(folder.glob("*.yaml")):
        doc = load_yaml(file)
        if not isinstance(doc, dict) or doc.get("status") != "curated":
            continue
        for section in ("organizations", "actors"):
            for entry in doc.get(section) or []:
                if isinstance(entry, dict) and "id" in entry and len(entry) > 2:  # declares fields, not only mentions
                    declared.setdefault(str(entry["id"]), file.name)
    return declared


@main.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--source-id", help="The source id (default: from PATH's .meta.yaml).")
@click.option("--published", help="Publication date (default: from PATH's .meta.yaml).")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write (default: seeds/annotations/<source_id>.yaml; - for standard output).",
)
def draft(path: Path, source_id: str | None, published: str | None, out: Path | None) -> None:
    """Write a draft annotation file for a new article, pre-filled from the rules.

    The file says `status: draft`: the build checks it but publishes the rules'
    rows for the article until a curator reviews it and sets `status: curated`.

    \b
    Example:
      python -m extract draft seeds/003_0123456789abcdef.txt
    """
    from .rules import analyze
    from .rules.draft import draft_annotation
    from .sources import META_SUFFIX
    from .yamlfile import load_yaml

    meta_path = path.with_name(path.stem + META_SUFFIX)
    meta = load_yaml(meta_path) if meta_path.exists() else {}
    source_id = source_id or meta.get("source_id")
    if not source_id:
        raise click.UsageError(f"no --source-id and no source_id in {meta_path}")
    date = parse_date(published or (str(meta["published"])[:10] if meta.get("published") else None))
    import hashlib

    target = out or path.parent / "annotations" / f"{source_id}.yaml"
    declared = reviewed_entities(path.parent / "annotations")
    text = draft_annotation(
        source_id, analyze(read_text(str(path)), date), hashlib.sha256(path.read_bytes()).hexdigest(), declared
    )
    if str(out) == "-":
        click.echo(text)
        return
    if target.exists():
        raise click.ClickException(f"{target} exists; refusing to overwrite an annotation file (use --out)")
    target.write_text(text, encoding="utf-8")
    click.echo(
        f"wrote {target} (status: draft; the build publishes the rules' rows until you review it "
        "and set status: curated, reviewed_by and reviewed_on)"
    )


@main.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--publisher", required=True, help='Who published it, e.g. "Reuters" or "AFP (Agence France-Presse)".')
@click.option("--published", required=True, help="When: YYYY-MM-DD, or YYYY-MM-DDTHH:MM local time as printed.")
@click.option("--title", help="A descriptive title (default: the article's first line).")
@click.option("--url", help="Where it can be read online.")
@click.option("--rights", help='Who holds the rights (default: "© <year> <publisher>. …").')
@click.option("--language", default="en", show_default=True, help="Language of the text (ISO 639-1).")
@click.option("--source-id", help="The id (default: <publisher>-<YYYY-MM-DD>-<three title words>).")
@root_option("The project folder (holding seeds/).")
def add(
    path: Path,
    publisher: str,
    published: str,
    title: str | None,
    url: str | None,
    rights: str | None,
    language: str,
    source_id: str | None,
    root: Path,
) -> None:
    """Add an article: copy PATH byte for byte into seeds/ and write its metadata file.

    The files are named NNN_<hash>.txt and NNN_<hash>.meta.yaml: NNN is one more
    than the highest number in seeds/, <hash> the first 16 hex digits of the
    text's SHA-256. Nothing is written if the text or a field is invalid.

    \b
    Example:
      python -m extract add report.txt --publisher Reuters --published 2024-03-05 --title "Dock strike ends"
    """
    from .sources import add_article

    root = root.resolve()
    try:
        source = add_article(
            root / "seeds",
            path,
            publisher=publisher,
            published=published,
            title=title,
            url=url,
            rights=rights,
            language=language,
            source_id=source_id,
            root=root,
        )
    except BuildFailed as exc:
        for error in exc.errors:
            click.echo(str(error), err=True)
        click.echo(f"add failed: {len(exc.errors)} problem(s); nothing was written", err=True)
        sys.exit(1)
    stem = Path(source.file).stem
    click.echo(
        f"added seeds/{source.file} and seeds/{stem}.meta.yaml (source_id {source.source_id})\n"
        "next:\n"
        "  python -m extract build                    # publishes the rules' rows for it (curation_status none)\n"
        f"  python -m extract draft seeds/{source.file}   # seeds/annotations/{source.source_id}.yaml, status: draft\n"
        "  review the draft (seeds/annotations/README.md), set status: curated, reviewed_by, reviewed_on;\n"
        "  then python -m extract build, make test, and commit seeds/, data/, schema/, metadata.json and README.md"
    )


@main.command()
@root_option("The project folder, whose data/ was built.")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where the archive goes (default: dist/ in the project folder).",
)
def release(root: Path, out: Path | None) -> None:
    """Zip the built package (data/) reproducibly, with its SHA-256 beside it.

    The same build always gives the same archive, byte for byte; commit or
    publish the printed checksum line with it (README: Building at scale).

    \b
    Example:
      python -m extract build && python -m extract release
    """
    from .release import make_release

    try:
        archive, digest = make_release(root / "data", out or root / "dist")
    except (OSError, ValueError, KeyError) as exc:
        raise click.ClickException(
            f"{root / 'data'}: cannot make a release ({exc}); run `python -m extract build` first"
        ) from None
    click.echo(f"{digest}  {archive}")


@main.command()
@root_option("The project folder, whose data/ was built.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Listen here; loopback unless you ask otherwise.")
@click.option("--port", default=8001, show_default=True, type=int)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 16),
    help="Worker processes (uvicorn); 2 uses both cores of a 2-core machine.",
)
def serve(root: Path, host: str, port: int, workers: int) -> None:
    """Serve the built database with Datasette: read-only, with the metadata, site and downloads.

    \b
    Example:
      python -m extract serve --port 8001
    """
    from .serve import database_file
    from .serve import serve as run

    root = root.resolve()
    if not (root / "data" / database_file()).exists():
        raise click.ClickException(f"data/{database_file()} is missing: run `python -m extract build` first")
    run(root, host, port, workers)
