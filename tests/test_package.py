"""The published formats agree with each other, and downloaders can check the files."""

import json
import shutil
import sqlite3

import pyarrow.parquet as pq
import pytest
from conftest import ROOT
from frictionless import Package

from extract.models import MODELS
from extract.package_check import csv_rows


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.table)
def test_csv_parquet_and_sqlite_hold_the_same_rows(built, model):
    descriptor = json.loads((built.data / "datapackage.json").read_text(encoding="utf-8"))
    schema = next(r["schema"] for r in descriptor["resources"] if r["name"] == model.table)
    from_csv = csv_rows(built.data / "csv" / f"{model.table}.csv", schema)
    from_parquet = pq.read_table(built.data / "parquet" / f"{model.table}.parquet").to_pylist()
    conn = sqlite3.connect(built.data / "tocoron.db")
    conn.row_factory = sqlite3.Row
    from_sqlite = [dict(r) for r in conn.execute(f"SELECT * FROM [{model.table}]")]
    assert len(from_csv) == len(from_parquet) == len(from_sqlite) > 0
    for csv_row, parquet_row, sqlite_row in zip(from_csv, from_parquet, from_sqlite, strict=False):
        assert csv_row == parquet_row, (csv_row, parquet_row)
        as_text = {
            k: (
                json.dumps(v, ensure_ascii=False)
                if isinstance(v, list)
                else v.isoformat()
                if hasattr(v, "isoformat")
                else v
            )
            for k, v in parquet_row.items()
        }
        assert as_text == sqlite_row


def test_unicode_survives_every_format(built):
    needle = "Niño Guerrero"
    assert needle in (built.data / "csv" / "actors.csv").read_text(encoding="utf-8")
    assert any(
        needle in (row["aliases"] or []) for row in pq.read_table(built.data / "parquet" / "actors.parquet").to_pylist()
    )
    conn = sqlite3.connect(built.data / "tocoron.db")
    assert conn.execute("SELECT count(*) FROM quotes WHERE text LIKE '%’%' OR text LIKE '%…%'").fetchone()[0] >= 2


def test_every_resource_carries_hash_and_bytes(built):
    descriptor = json.loads((built.data / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        assert (
            resource["hash"].startswith("sha256:")
            and resource["bytes"] == (built.data / resource["path"]).stat().st_size
        )


@pytest.mark.parametrize("path", ["parquet/quotes.parquet", "csv/quotes.csv"])
def test_a_tampered_file_fails_validation(built, tmp_path, path):
    copy = tmp_path / "data"
    shutil.copytree(built.data, copy)
    target = copy / path
    data = bytearray(target.read_bytes())
    if path.endswith(".csv"):
        data = data.replace(b"Thieves", b"Thievez")  # same length: only the hash can tell
    else:
        data[-20] ^= 0x01  # inside the footer metadata, still readable? a change either way
    target.write_bytes(bytes(data))
    report = Package(str(copy / "datapackage.json")).validate()
    assert not report.valid
    types = {e.type for task in report.tasks for e in task.errors}
    assert types & {"hash-count", "source-error", "byte-count", "scheme-error", "format-error"}


def test_the_datapackage_describes_the_dataset(built):
    descriptor = json.loads((built.data / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    for key in ("name", "title", "description", "version", "created", "licenses", "sources", "contributors"):
        assert descriptor[key], key
    assert "AFP" in descriptor["licenses"][0]["title"]  # the texts keep their publishers' rights
    csv_schemas = {r["name"]: r["schema"] for r in descriptor["resources"] if r["format"] == "csv"}
    parquet_schemas = {
        r["name"].removesuffix("-parquet"): r["schema"] for r in descriptor["resources"] if r["format"] == "parquet"
    }
    for name, schema in csv_schemas.items():
        assert schema["fields"] == parquet_schemas[name]["fields"]
        assert schema["primaryKey"] == parquet_schemas[name]["primaryKey"]
        committed = json.loads((ROOT / "schema" / f"{name}.json").read_text(encoding="utf-8"))
        assert committed == schema


def test_the_descriptor_passes_frictionless_metadata_check_for_data_package_v2(built):
    from frictionless import Package as FrictionlessPackage

    report = FrictionlessPackage.validate_descriptor(str(built.data / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])
    descriptor = json.loads((built.data / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        assert resource["schema"]["missingValues"] == [""]
        for field in resource["schema"]["fields"]:
            assert field["type"] != "date" or field["format"] == "default"  # ISO 8601, as written


def test_only_the_tables_holding_article_texts_carry_their_own_licences(built):
    descriptor = json.loads((built.data / "datapackage.json").read_text(encoding="utf-8"))
    licensed = {r["name"]: r["licenses"] for r in descriptor["resources"] if "licenses" in r}
    assert set(licensed) == {"sources", "sources-parquet"}
    data, texts = licensed["sources"]
    assert data["name"] == descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    assert texts["name"] == "other-closed" and "© 2023 AFP" in texts["title"] and "© 2023 EFE" in texts["title"]


def test_the_citation_file_is_generated_from_the_dataset_metadata(built):
    import yaml

    from extract.publish.dataset import describe
    from extract.sources import load_sources

    assert (built.root / "CITATION.cff").read_text(encoding="utf-8") == (ROOT / "CITATION.cff").read_text(
        encoding="utf-8"
    ), "run `make build` and commit CITATION.cff"
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    meta = describe(load_sources(built.seeds, built.root))
    assert (citation["title"], citation["version"], citation["license"], citation["keywords"]) == (
        meta["project"],
        meta["version"],
        meta["licenses"][0]["name"],
        meta["keywords"],
    )
    assert str(citation["date-released"]) == meta["created"][:10]
    assert [a["name"] for a in citation["authors"]] == [c["title"] for c in meta["contributors"]]


@pytest.mark.parametrize(
    "url, valid",
    [
        ("https://news.example.org/2024/03/04/bridge", True),
        ("news.example.org/bridge", False),
        ("https://news.example.org/a bridge", False),
    ],
)
def test_a_source_url_must_be_an_http_url_in_the_model_and_the_table_schema(url, valid):
    import pydantic
    from frictionless import Resource as FrictionlessResource
    from frictionless import Schema

    from extract.models import Source
    from extract.publish.schemas import table_schema

    field = next(f for f in table_schema(Source)["fields"] if f["name"] == "url")
    report = FrictionlessResource([["url"], [url]], schema=Schema.from_descriptor({"fields": [field]})).validate()
    assert report.valid is valid, report.flatten(["type", "note"])
    try:
        Source.model_validate(
            {**pq.read_table(ROOT / "data" / "parquet" / "sources.parquet").to_pylist()[0], "url": url}
        )
        accepted = True
    except pydantic.ValidationError as exc:
        accepted = False
        assert [e["loc"] for e in exc.errors()] == [("url",)]
    assert accepted is valid
