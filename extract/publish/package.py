"""Writing the tables as CSV and Parquet and describing them in ``datapackage.json``.

Each table is published twice, ``<table>`` (CSV) and ``<table>-parquet``,
with the same Table Schema; each resource carries its ``hash`` and ``bytes``
so a downloader can check the file.  Output is deterministic: rows are sorted
by the stage that made them, floats are written in their shortest form, and no
clock time is written.

The CSV resources are ``type: table``: stock ``frictionless validate`` checks
every row (types, constraints, primary and foreign keys) and every file.  The
Parquet resources are ``type: file``: stock frictionless checks their ``hash``
and ``bytes`` (it streams them like any file) but never reads their rows,
which it could only do through pandas, and pandas turns nulls into NaN and
lists into arrays.  That the Parquet rows are the CSV rows is proven by the
build (``validate.check_parquet``) and by ``python -m extract.package_check``.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import importlib.abc
import io
import json
import sys
from collections.abc import Callable
from functools import cache
from operator import attrgetter
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..models import MODELS, Row
from ..pipeline_timings import stage
from ..yamlfile import read_data
from .dataset import describe
from .dialect import CSV_DIALECT
from .schemas import arrow_schema, base_type, flat_value, table_schema

DATASET_FILE = Path(__file__).with_name("dataset.yaml")
PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
PARQUET_SUFFIX = "-parquet"
MEDIATYPES = {"csv": "text/csv", "parquet": "application/vnd.apache.parquet"}


@cache
def dataset_metadata() -> dict[str, Any]:
    return read_data(DATASET_FILE)


def csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(flat_value(value))


def csv_bytes(model: type[Row], rows: list[Row]) -> bytes:
    """The table as CSV: ``csv_cell`` for every cell, applied only where it changes something (the csv
    module itself writes None as an empty cell and text and integers as ``str`` does)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    columns = list(model.model_fields)
    writer.writerow(columns)
    cells = attrgetter(*columns) if len(columns) > 1 else (lambda row: (getattr(row, columns[0]),))
    special = [i for i, c in enumerate(columns) if base_type(model.model_fields[c])[0] in (float, list, dt.date)]
    for row in rows:
        values = list(cells(row))
        for i in special:
            values[i] = csv_cell(values[i])
        writer.writerow(values)
    return buffer.getvalue().encode("utf-8")


class NoPandas(importlib.abc.MetaPathFinder):
    """An import finder that finds no pandas (``pyarrow_without_pandas``)."""

    def find_spec(self, name, path=None, target=None):
        if name == "pandas" or name.startswith("pandas."):
            raise ModuleNotFoundError(f"No module named {name!r} (not loaded for pyarrow's look)", name=name)
        return None


def pyarrow_without_pandas() -> None:
    """Let pyarrow look for pandas, once, while pandas cannot be imported, unless it is loaded already.

    pyarrow's first conversion of Python values imports pandas, to tell a pandas Series from a list (about 0.4 CPU
    s, on the one core an added article's build mostly runs on); the rows here are lists of Python values, never
    pandas objects.  Finding none, pyarrow treats every value as not pandas's, and imports pandas itself the first
    time it is asked for pandas (``to_pandas``, ``from_pandas``): a process that uses pandas later still can.  The
    files are the same bytes either way (a table made from Python values carries no pandas metadata)."""
    if "pandas" in sys.modules:
        return
    finder = NoPandas()
    sys.meta_path.insert(0, finder)
    try:
        pa.array([0])  # pyarrow's one look for pandas
    finally:
        sys.meta_path.remove(finder)


def arrow_table(model: type[Row], rows: list[Row]) -> pa.Table:
    return pa.Table.from_pylist([r.model_dump() for r in rows], schema=arrow_schema(model))


def write_parquet(model: type[Row], rows: list[Row], path: Path) -> pa.Table:
    """Write the table's Parquet file; return the Arrow table written (the build checks the file against it)."""
    table = arrow_table(model, rows)
    pq.write_table(table, path, compression="zstd", write_statistics=True)
    return table


def file_facts(path: Path) -> dict[str, Any]:
    data = path.read_bytes()
    return {"hash": "sha256:" + hashlib.sha256(data).hexdigest(), "bytes": len(data)}


def text_licenses(rows: list[Row]) -> list[dict[str, str]]:
    """A table holding article texts (a ``rights`` column): the dataset's licence covers its other
    columns; each text keeps the rights its row names (``other-closed``: not an open licence)."""
    data = dataset_metadata()["licenses"][0]
    rights = sorted({row.rights for row in rows})
    return [
        {**data, "title": f"{data['name']} for every column but `text`"},
        {
            "name": "other-closed",
            "title": "The article texts (`text`) are not covered by the dataset's licence: " + " ".join(rights),
        },
    ]


def resource(model: type[Row], rows: list[Row], path: str, fmt: str, out: Path, suffix: str) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "name": model.table + suffix,
        "type": "table" if fmt == "csv" else "file",
        "title": model.table_title + (" (Parquet)" if fmt == "parquet" else ""),
        "description": " ".join((model.__doc__ or "").split()),
        "path": path,
        "format": fmt,
        "mediatype": MEDIATYPES[fmt],
    }
    if fmt == "csv":
        descriptor["encoding"] = "utf-8"
        descriptor["dialect"] = dict(CSV_DIALECT)
    if "rights" in model.model_fields:
        descriptor["licenses"] = text_licenses(rows)
    descriptor.update(file_facts(out / path))
    descriptor["schema"] = table_schema(model, suffix)
    return descriptor


def write_package(
    tables: dict[str, list[Row]],
    out: Path,
    written: dict[str, pa.Table] | None = None,
    parquet_written: Callable[[], None] | None = None,
) -> dict[str, Any]:
    """Write Parquet, then CSV, and ``datapackage.json`` into ``out``; return the descriptor.

    ``written``, when given, receives each table's Arrow table as written to its Parquet file, so the
    check that the file reads back as its rows (``validate.check_parquet``) need not convert the rows
    to Arrow a second time (about 5 CPU s at 10,000 articles).  ``parquet_written`` is called once every
    Parquet file is written, before the CSV files (the build's database writer reads them meanwhile)."""
    (out / "csv").mkdir(parents=True, exist_ok=True)
    (out / "parquet").mkdir(parents=True, exist_ok=True)
    with stage("parquet"):
        pyarrow_without_pandas()
        for model in MODELS:
            table = write_parquet(model, tables.get(model.table, []), out / "parquet" / f"{model.table}.parquet")
            if written is not None:
                written[model.table] = table
        if parquet_written is not None:
            parquet_written()
    csv_resources, parquet_resources = [], []
    with stage("csv and descriptor"):
        for model in MODELS:
            rows = tables.get(model.table, [])
            (out / "csv" / f"{model.table}.csv").write_bytes(csv_bytes(model, rows))
            csv_resources.append(resource(model, rows, f"csv/{model.table}.csv", "csv", out, ""))
            parquet_resources.append(
                resource(model, rows, f"parquet/{model.table}.parquet", "parquet", out, PARQUET_SUFFIX)
            )
    meta = describe(tables.get("sources", []))  # title, description, sources: derived from the corpus
    descriptor = {
        "$schema": PROFILE,
        **{
            k: meta[k]
            for k in (
                "name",
                "title",
                "description",
                "version",
                "created",
                "keywords",
                "licenses",
                "sources",
                "contributors",
            )
        },
        "resources": csv_resources + parquet_resources,
    }
    (out / "datapackage.json").write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return descriptor
