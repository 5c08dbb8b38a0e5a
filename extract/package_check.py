"""The frictionless half of the validate stage: the written package, checked as a user checks it.

``frictionless_problems`` is stock ``frictionless validate``: every CSV
resource row by row (types, constraints, primary keys, foreign keys) and every
file, CSV and Parquet, against its ``hash`` and ``bytes``.  Stock frictionless
cannot read Parquet rows faithfully (it needs pandas, which turns nulls into
NaN and lists into arrays), so the Parquet resources are described as files;
``parquet_problems`` proves that each Parquet file holds exactly the rows of
its CSV twin, typed.  Run both on a published package with::

    python -m extract.package_check data/datapackage.json

Answers are plain ``(file, message)`` pairs.
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path

from frictionless import Package, Resource, Schema

Problem = tuple[str, str]


def frictionless_problems(descriptor_path: str | Path) -> list[Problem]:
    """Validate the package as ``frictionless validate`` does: (file, message) for each problem."""
    path = Path(descriptor_path)
    report = Package(str(path)).validate()
    problems = [(str(path), f"{e.type}: {e.message}") for e in report.errors]
    for task in report.tasks:
        problems += [
            (str(path.parent / (task.place or "")), f"{task.name}: {e.type}: {e.message}") for e in task.errors
        ]
    if not report.valid and not problems:
        problems.append((str(path), "frictionless reports the package invalid"))
    return problems


def csv_rows(path: Path, schema: dict) -> list[dict]:
    """Rows of a CSV file as frictionless types them (its `number` cells, Decimals, as floats)."""
    schema = {k: v for k, v in schema.items() if k != "foreignKeys"}  # references are frictionless_problems' job
    with Resource(str(path), schema=Schema.from_descriptor(schema)) as resource:
        return [
            {k: float(v) if isinstance(v, Decimal) else v for k, v in row.to_dict().items()}
            for row in resource.row_stream
        ]


def parquet_problems(descriptor_path: str | Path) -> list[Problem]:
    """(file, message) for each Parquet resource whose rows differ from its CSV twin's."""
    import pyarrow.parquet as pq

    path = Path(descriptor_path)
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    tables = {r["name"]: r for r in descriptor["resources"] if r.get("format") == "csv"}
    problems = []
    for resource in descriptor["resources"]:
        if resource.get("format") != "parquet":
            continue
        file = path.parent / resource["path"]
        twin = tables.get(resource["name"].removesuffix("-parquet"))
        if twin is None:
            problems.append((str(file), f"{resource['name']}: no CSV resource describes the same table"))
            continue
        expected = csv_rows(path.parent / twin["path"], twin["schema"])
        found = pq.read_table(file).to_pylist()
        if len(found) != len(expected):
            problems.append((str(file), f"{resource['name']}: {len(found)} rows, {twin['path']} has {len(expected)}"))
            continue
        for number, (row, twin_row) in enumerate(zip(found, expected, strict=False), start=2):
            if row != twin_row:
                columns = ", ".join(k for k in twin_row if row.get(k) != twin_row[k]) or ", ".join(
                    sorted(set(row) ^ set(twin_row))
                )
                problems.append(
                    (
                        str(file),
                        f"{resource['name']}: row {number - 1} differs from {twin['path']} row {number} in {columns}",
                    )
                )
                break
    return problems


def main(argv: list[str] | None = None) -> int:
    """Validate a published package (stock frictionless, then Parquet against CSV); exit 1 on any problem."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m extract.package_check DATAPACKAGE_JSON", file=sys.stderr)
        return 2
    problems = frictionless_problems(args[0]) + parquet_problems(args[0])
    for file, message in problems:
        print(f"{file}: {message}")
    print(
        f"{len(problems)} problem(s)"
        if problems
        else "valid: every CSV row, every file's hash and bytes, and every Parquet row equal to its CSV row"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
