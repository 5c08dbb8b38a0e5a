"""Validating the written package: stock frictionless for every CSV row and every file, and the
Parquet files proven equal to their CSV twins."""

import csv
import hashlib
import io
import json
import shutil
import subprocess
import sys

import pyarrow.parquet as pq
import pytest
from conftest import ROOT, make_project

from extract.errors import BuildFailed
from extract.package_check import frictionless_problems, parquet_problems
from extract.pipeline import assemble
from extract.validate import check_package, check_parquet


@pytest.fixture
def package(built, tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(built.data, copy)
    return copy


def rewrite(package, resource_name, data: bytes) -> None:
    """Replace a resource's file and record its new hash and size, so only its rows can be wrong."""
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    resource = next(r for r in descriptor["resources"] if r["name"] == resource_name)
    (package / resource["path"]).write_bytes(data)
    resource["hash"], resource["bytes"] = "sha256:" + hashlib.sha256(data).hexdigest(), len(data)
    (package / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")


def dangling_actor_csv(package) -> bytes:
    text = (package / "csv" / "actors.csv").read_text(encoding="utf-8")
    assert ",una-ventana-a-la-libertad," in text
    return text.replace(",una-ventana-a-la-libertad,", ",no-such-organization,", 1).encode("utf-8")


def parquet_with_other_source(package, tmp_path) -> bytes:
    table = pq.read_table(package / "parquet" / "quotes.parquet")
    rows = table.to_pylist()
    rows[0]["source_id"] = "no-such-source"
    out = tmp_path / "quotes.parquet"
    pq.write_table(type(table).from_pylist(rows, schema=table.schema), out)
    return out.read_bytes()


def test_the_published_package_has_no_problems(built):
    descriptor = built.data / "datapackage.json"
    assert frictionless_problems(descriptor) == []
    assert parquet_problems(descriptor) == []


def test_csv_resources_are_tables_and_parquet_resources_files_which_frictionless_does_not_parse(built):
    descriptor = json.loads((built.data / "datapackage.json").read_text(encoding="utf-8"))
    kinds = {(r["format"], r["type"]) for r in descriptor["resources"]}
    assert kinds == {("csv", "table"), ("parquet", "file")}


def test_a_reference_to_no_row_in_the_csv_file_is_refused(package):
    rewrite(package, "actors", dangling_actor_csv(package))
    [(file, message)] = frictionless_problems(package / "datapackage.json")
    assert file == str(package / "csv" / "actors.csv")
    assert message.startswith('actors: foreign-key: Row at position "2" violates the foreign key')
    assert "no-such-organization" in message


def test_a_type_error_is_reported_with_its_file(package):
    rows = list(csv.reader(io.StringIO((package / "csv" / "figures.csv").read_text(encoding="utf-8"))))
    rows[1][rows[0].index("char_start")] = "eleven"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    rewrite(package, "figures", out.getvalue().encode("utf-8"))
    [(file, message)] = frictionless_problems(package / "datapackage.json")
    assert file == str(package / "csv" / "figures.csv") and message.startswith("figures: type-error:")


@pytest.mark.parametrize(
    "key, value, error", [("hash", "sha256:" + "0" * 64, "hash-count"), ("bytes", 1, "byte-count")]
)
def test_a_parquet_file_is_checked_against_its_hash_and_bytes(package, key, value, error):
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    resource = next(r for r in descriptor["resources"] if r["name"] == "quotes-parquet")
    resource[key] = value
    (package / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    [(file, message)] = frictionless_problems(package / "datapackage.json")
    assert file == str(package / "parquet" / "quotes.parquet") and message.startswith(f"quotes-parquet: {error}:")


def test_parquet_rows_that_differ_from_the_csv_are_refused(package, tmp_path):
    rewrite(package, "quotes-parquet", parquet_with_other_source(package, tmp_path))
    assert frictionless_problems(package / "datapackage.json") == []  # stock frictionless never reads Parquet rows
    assert parquet_problems(package / "datapackage.json") == [
        (
            str(package / "parquet" / "quotes.parquet"),
            "quotes-parquet: row 1 differs from csv/quotes.csv row 2 in source_id",
        )
    ]


def test_the_build_refuses_a_parquet_file_that_does_not_hold_its_rows(built, package, tmp_path):
    tables = assemble(built).tables
    assert check_parquet(package, tables) == []
    rewrite(package, "quotes-parquet", parquet_with_other_source(package, tmp_path))
    assert check_parquet(package, tables) == [
        (
            str(package / "parquet" / "quotes.parquet"),
            "quotes-parquet: the file does not read back as the rows it was written from",
        )
    ]
    with pytest.raises(BuildFailed) as failure:
        check_package(package / "datapackage.json", tables)
    [error] = failure.value.errors
    assert error.location.file == str(package / "parquet" / "quotes.parquet")


def test_the_check_command_reports_each_problem_and_exits_1(package):
    rewrite(package, "actors", dangling_actor_csv(package))
    result = subprocess.run(
        [sys.executable, "-m", "extract.package_check", str(package / "datapackage.json")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1, result.stderr
    first, second, last = result.stdout.splitlines()
    assert first.startswith(f"{package / 'csv' / 'actors.csv'}: actors: foreign-key:")
    assert (
        second
        == f"{package / 'parquet' / 'actors.parquet'}: actors-parquet: row 1 differs from csv/actors.csv row 2 in organization_id"
    )
    assert last == "2 problem(s)"


def test_the_command_line_build_publishes_a_package_frictionless_accepts(tmp_path):
    project = make_project(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "extract", "build", "--root", str(project.root)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert (project.data / "datapackage.json").exists() and not list(project.root.glob(".build-*"))
    assert frictionless_problems(project.data / "datapackage.json") == []
    assert parquet_problems(project.data / "datapackage.json") == []


def test_the_frictionless_command_of_this_venv_is_stock_and_finds_the_committed_package_valid():
    """This venv has frictionless, pyarrow and pandas and no plugin: a user's `frictionless[parquet]` plus
    pandas. (Without pyarrow, and without pandas, are checked by .ci/stock-frictionless in fresh venvs.)"""
    from frictionless import system

    assert all(type(plugin).__module__.startswith("frictionless.") for plugin in system.plugins.values())
    frictionless = ROOT / ".venv" / "bin" / "frictionless"
    command = [str(frictionless)] if frictionless.exists() else [sys.executable, "-m", "frictionless"]
    result = subprocess.run(
        [*command, "validate", "datapackage.json"], cwd=ROOT / "data", capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert result.stdout.count(" VALID ") == 26 and "INVALID" not in result.stdout
