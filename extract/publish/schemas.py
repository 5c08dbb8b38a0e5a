"""Generating every schema from the pydantic models (the single source of truth).

From each model: a Frictionless Table Schema (``schema/<table>.json`` and the
schemas inside ``datapackage.json``), a pyarrow schema for Parquet, the SQLite
DDL (``schema/sqlite.sql``) and Datasette's column descriptions.
"""

from __future__ import annotations

import datetime as dt
import json
import types
import typing
from typing import Any

import pyarrow as pa
from annotated_types import Ge, Le, MinLen
from pydantic.fields import FieldInfo

from ..models import MODELS, Row, vocabularies

FRICTIONLESS_TYPES = {str: "string", int: "integer", float: "number", dt.date: "date", list: "array"}
ARROW_TYPES = {
    str: pa.string(),
    int: pa.int64(),
    float: pa.float64(),
    dt.date: pa.date32(),
    list: pa.list_(pa.field("element", pa.string())),
}  # the name Parquet gives list items
# NUMERIC, not REAL: SQLite stores a whole number as an integer there, so a count of 11000 reads back
# as 11000 (as in the CSV), not 11000.0, while 0.75 stays a float.
SQLITE_TYPES = {str: "TEXT", int: "INTEGER", float: "NUMERIC", dt.date: "TEXT", list: "TEXT"}


def base_type(info: FieldInfo) -> tuple[type, bool]:
    """(python type, required) of a field, looking through Optional, Literal and Annotated."""
    annotation = info.annotation
    required = True
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        required = len(args) == len(typing.get_args(annotation))
        annotation = args[0]
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    if typing.get_origin(annotation) is typing.Literal:
        return str, required
    if typing.get_origin(annotation) is list:
        return list, required
    return annotation, required


def metadata_value(info: FieldInfo, kind: type) -> Any:
    for meta in info.metadata:
        if isinstance(meta, kind):
            return meta
    return None


def pattern_of(info: FieldInfo) -> str | None:
    for meta in info.metadata:
        pattern = getattr(meta, "pattern", None)
        if pattern:
            return pattern
    return None


def field_description(info: FieldInfo) -> str:
    return info.description or ""


def vocabulary_of(info: FieldInfo) -> str | None:
    return (info.json_schema_extra or {}).get("vocabulary")


def frictionless_field(name: str, info: FieldInfo) -> dict:
    kind, required = base_type(info)
    descriptor: dict[str, Any] = {
        "name": name,
        "type": FRICTIONLESS_TYPES[kind],
        "description": field_description(info),
    }
    if kind is list:
        descriptor["arrayItem"] = {"type": "string"}
    if kind is dt.date:
        descriptor["format"] = "default"  # ISO 8601, YYYY-MM-DD
    if (info.json_schema_extra or {}).get("format"):
        descriptor["format"] = info.json_schema_extra["format"]  # e.g. "uri", which frictionless checks
    constraints: dict[str, Any] = {}
    if required:
        constraints["required"] = True
    vocabulary = vocabulary_of(info)
    if vocabulary:
        constraints["enum"] = list(vocabularies()[vocabulary])
    pattern = pattern_of(info)
    if pattern:
        constraints["pattern"] = pattern.removeprefix("^").removesuffix("$")
    ge, le, min_len = metadata_value(info, Ge), metadata_value(info, Le), metadata_value(info, MinLen)
    if ge is not None:
        constraints["minimum"] = ge.ge
    if le is not None:
        constraints["maximum"] = le.le
    if min_len is not None and kind is str:
        constraints["minLength"] = min_len.min_length
    if constraints:
        descriptor["constraints"] = constraints
    return descriptor


def table_schema(model: type[Row], resource_suffix: str = "") -> dict:
    """The Frictionless Table Schema of ``model``; foreign keys point at ``<table><suffix>``."""
    schema: dict[str, Any] = {
        "fields": [frictionless_field(name, info) for name, info in model.model_fields.items()],
        "primaryKey": list(model.primary_key),
    }
    fks = [
        {"fields": [column], "reference": {"resource": target + resource_suffix, "fields": [target_column]}}
        for column, (target, target_column) in model.foreign_keys().items()
    ]
    if fks:
        schema["foreignKeys"] = fks
    schema["missingValues"] = [""]
    return schema


def pandas_metadata(nullable_integers: list[str]) -> str:
    """pandas' own schema note, for the columns it would otherwise widen: pyarrow's ``to_pandas``
    (and so ``pd.read_parquet``) reads these as nullable ``Int64``, not float64 with NaN."""
    columns = [
        {"name": c, "field_name": c, "pandas_type": "int64", "numpy_type": "Int64", "metadata": None}
        for c in nullable_integers
    ]
    return json.dumps({"index_columns": [], "column_indexes": [], "columns": columns})


def arrow_schema(model: type[Row]) -> pa.Schema:
    fields, nullable_integers = [], []
    for name, info in model.model_fields.items():
        kind, required = base_type(info)
        fields.append(
            pa.field(name, ARROW_TYPES[kind], nullable=not required, metadata={"description": field_description(info)})
        )
        if kind is int and not required:
            nullable_integers.append(name)
    metadata = {"table": model.table, "description": (model.__doc__ or "").strip()}
    if nullable_integers:
        metadata["pandas"] = pandas_metadata(nullable_integers)
    return pa.schema(fields, metadata=metadata)


def vocabulary_check(name: str, info: FieldInfo) -> str | None:
    """The CHECK expression of a column with a vocabulary (its values, or also NULL when optional), else None."""
    vocabulary = vocabulary_of(info)
    if not vocabulary:
        return None
    values = ", ".join(f"'{v}'" for v in vocabularies()[vocabulary])
    return f"[{name}] IN ({values})" if base_type(info)[1] else f"[{name}] IS NULL OR [{name}] IN ({values})"


def sqlite_ddl(model: type[Row]) -> str:
    """CREATE TABLE, with primary and foreign keys."""
    lines = []
    for name, info in model.model_fields.items():
        kind, required = base_type(info)
        column = f"  [{name}] {SQLITE_TYPES[kind]}"
        if required:
            column += " NOT NULL"
        check = vocabulary_check(name, info)
        if check:
            column += f" CHECK ({check})"
        lines.append(column)
    lines.append(f"  PRIMARY KEY ({', '.join(f'[{c}]' for c in model.primary_key)})")
    for column, (target, target_column) in model.foreign_keys().items():
        lines.append(f"  FOREIGN KEY ([{column}]) REFERENCES [{target}]([{target_column}])")
    return f"CREATE TABLE [{model.table}] (\n" + ",\n".join(lines) + "\n);\n"


def foreign_key_indexes(model: type[Row]) -> list[str]:
    """CREATE INDEX on each foreign key of the model (the database builds them after the rows)."""
    return [f"CREATE INDEX [idx_{model.table}_{c}] ON [{model.table}] ([{c}])" for c in model.foreign_keys()]


def fts_ddl(model: type[Row]) -> str:
    """An external-content FTS5 index over the model's ``search`` columns (Datasette finds it by its content table)."""
    if not model.search:
        return ""
    columns = ", ".join(f"[{c}]" for c in model.search)
    # porter stems ("tunnel" finds "tunnels"); remove_diacritics lets "Tocoron" find "Tocorón"
    return (
        f"CREATE VIRTUAL TABLE [{model.table}_fts] USING FTS5 ({columns}, content=[{model.table}], "
        f"tokenize='porter unicode61 remove_diacritics 2');\n"
    )


def fts_fill(model: type[Row]) -> str:
    columns = ", ".join(f"[{c}]" for c in model.search)
    return f"INSERT INTO [{model.table}_fts] (rowid, {columns}) SELECT rowid, {columns} FROM [{model.table}];"


def full_ddl() -> str:
    header = "-- Generated from extract/models.py by `python -m extract build`. Do not edit.\n"
    return header + "\n".join(
        sqlite_ddl(m) + "".join(f"{index};\n" for index in foreign_key_indexes(m)) + fts_ddl(m) for m in MODELS
    )


def column_descriptions(model: type[Row]) -> dict[str, str]:
    out = {}
    for name, info in model.model_fields.items():
        text = field_description(info)
        vocabulary = vocabulary_of(info)
        if vocabulary:
            text += (
                " Values: "
                + ", ".join(vocabularies()[vocabulary])
                + f" (see the `vocabularies` table, vocabulary `{vocabulary}`)."
            )
        out[name] = text
    return out


def flat_value(value: Any) -> Any:
    """A cell for a flat format (CSV, SQLite): lists as JSON text, dates as ISO 8601, the rest as is.
    Parquet keeps lists and dates typed; the formats agree on everything else."""
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
