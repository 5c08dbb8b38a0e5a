"""Every committed file read as users read it, with DuckDB, pandas and polars: the types the models declare,
and the values of the rows the build makes."""

import datetime as dt
import json
import math
import re

import duckdb
import pandas as pd
import polars as pl
import pytest
from conftest import ROOT

from extract.models import MODELS
from extract.pipeline import assemble
from extract.publish.schemas import base_type

DATA = ROOT / "data"
DUCKDB_PARQUET = {str: "VARCHAR", int: "BIGINT", float: "DOUBLE", dt.date: "DATE", list: "VARCHAR[]"}
DUCKDB_CSV = {"string": "VARCHAR", "integer": "BIGINT", "number": "DOUBLE", "date": "DATE", "array": "VARCHAR"}


@pytest.fixture(scope="module")
def expected(built):
    """Each table's rows as the models hold them (the committed data equals a fresh build: a test checks)."""
    return {table: [r.model_dump() for r in rows] for table, rows in assemble(built).tables.items()}


@pytest.fixture(scope="module")
def schemas():
    descriptor = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    return {r["name"]: r["schema"] for r in descriptor["resources"]}


def kinds(model):
    return {name: base_type(info) for name, info in model.model_fields.items()}


def plain(value):
    """A pandas cell as a plain Python value: NA/NaN -> None, numpy scalars and arrays -> Python."""
    if hasattr(value, "tolist"):
        value = value.tolist()
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    return value


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.table)
def test_duckdb_reads_each_parquet_file_with_the_models_types_and_values(model, expected):
    relation = duckdb.sql(f"SELECT * FROM '{DATA / 'parquet' / model.table}.parquet'")
    assert dict(zip(relation.columns, map(str, relation.types), strict=False)) == {
        n: DUCKDB_PARQUET[k] for n, (k, _) in kinds(model).items()
    }
    assert [dict(zip(relation.columns, row, strict=False)) for row in relation.fetchall()] == expected[model.table]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.table)
def test_duckdb_reads_each_csv_file_with_the_table_schemas_types_and_values(model, expected, schemas):
    fields = schemas[model.table]["fields"]
    types = ", ".join(f"'{f['name']}': '{DUCKDB_CSV[f['type']]}'" for f in fields)
    relation = duckdb.sql(
        f"SELECT * FROM read_csv('{DATA / 'csv' / model.table}.csv', header = true, columns = {{{types}}})"
    )
    rows = [dict(zip(relation.columns, row, strict=False)) for row in relation.fetchall()]
    arrays = [f["name"] for f in fields if f["type"] == "array"]
    for row in rows:
        row.update({name: json.loads(row[name]) for name in arrays})  # lists are JSON arrays in CSV
    assert rows == expected[model.table]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.table)
def test_pandas_reads_each_parquet_file_with_the_models_types_and_values(model, expected):
    frame = pd.read_parquet(DATA / "parquet" / f"{model.table}.parquet")
    for name, (kind, required) in kinds(model).items():
        dtype = frame[name].dtype
        if kind is int:
            assert dtype == ("int64" if required else "Int64"), name  # a missing id stays an integer column
        elif kind is float:
            assert dtype == "float64", name
        elif kind is str:
            assert pd.api.types.is_string_dtype(dtype), name
        else:
            assert dtype == object, name  # noqa: E721 - a numpy dtype compared by equality
            present = [v for v in frame[name] if v is not None]
            assert all(isinstance(v, dt.date) for v in present) if kind is dt.date else True, name
    rows = [{k: plain(v) for k, v in row.items()} for row in frame.to_dict("records")]
    assert rows == expected[model.table]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.table)
def test_pandas_reads_each_csv_file_with_the_documented_options(model, expected, schemas):
    fields = schemas[model.table]["fields"]
    frame = pd.read_csv(
        DATA / "csv" / f"{model.table}.csv",
        keep_default_na=False,
        na_values=[""],
        dtype={f["name"]: {"integer": "Int64", "number": "float64"}.get(f["type"], "string") for f in fields},
    )
    rows = []
    for record in frame.to_dict("records"):
        row = {k: plain(v) for k, v in record.items()}
        for f in fields:
            if f["type"] == "array":
                row[f["name"]] = json.loads(row[f["name"]])
            elif f["type"] == "date" and row[f["name"]] is not None:
                row[f["name"]] = dt.date.fromisoformat(row[f["name"]])
        rows.append(row)
    assert rows == expected[model.table]


def test_whole_numbers_are_written_whole_in_csv_and_sqlite(built):
    figures = (DATA / "csv" / "figures.csv").read_text(encoding="utf-8")
    assert re.search(r",\d+,", figures) and not re.search(r",\d+\.0,", figures)
    import sqlite3

    conn = sqlite3.connect(built.data / "tocoron.db")
    values = [v for (v,) in conn.execute("SELECT value FROM figures WHERE value IS NOT NULL")]
    assert values and all(isinstance(v, int) for v in values if v == int(v))
    assert all(isinstance(v, float) for v in values if v != int(v))


def readme_snippets(language: str) -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Using the files", 1)[1].split("\n## ", 1)[0]
    return re.findall(rf"```{language}\n(.*?)```", section, flags=re.S)


@pytest.mark.parametrize("snippet", readme_snippets("python"), ids=lambda s: s.split()[1])
def test_the_readmes_python_snippets_run(snippet, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    exec(compile(snippet, "README.md", "exec"), {})
    assert capsys.readouterr().out.strip()


def test_the_readme_shows_r_and_two_python_snippets():
    assert len(readme_snippets("python")) == 2 and "arrow::read_parquet" in readme_snippets("r")[0]


def typed(rows: list[dict]) -> list[dict]:
    """Rows with each value's Python type beside it (so 300 and 300.0 differ, as an integer column and a
    float column do)."""
    return [{k: (type(v).__name__, v) for k, v in row.items()} for row in rows]


POLARS_PARQUET = {str: "String", int: "Int64", float: "Float64", dt.date: "Date", list: "List(String)"}
POLARS_CSV = {"string": pl.String, "integer": pl.Int64, "number": pl.Float64, "date": pl.Date, "array": pl.String}


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.table)
def test_polars_reads_each_parquet_file_with_the_models_types_and_values(model, expected):
    frame = pl.read_parquet(DATA / "parquet" / f"{model.table}.parquet")
    assert {name: str(dtype) for name, dtype in frame.schema.items()} == {
        n: POLARS_PARQUET[k] for n, (k, _) in kinds(model).items()
    }
    assert typed(frame.to_dicts()) == typed(expected[model.table])


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.table)
def test_polars_reads_each_csv_file_with_the_table_schemas_types_and_values(model, expected, schemas):
    fields = schemas[model.table]["fields"]
    frame = pl.read_csv(
        DATA / "csv" / f"{model.table}.csv", schema_overrides={f["name"]: POLARS_CSV[f["type"]] for f in fields}
    )
    assert list(frame.columns) == [f["name"] for f in fields]
    rows = frame.to_dicts()
    arrays = [f["name"] for f in fields if f["type"] == "array"]
    for row in rows:
        row.update({name: json.loads(row[name]) for name in arrays})  # lists are JSON arrays in CSV
    assert typed(rows) == typed(expected[model.table])
