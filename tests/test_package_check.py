"""The build's frictionless validation: what it refuses, in-process and in its own process alike."""

import csv
import hashlib
import io
import json
import shutil
import subprocess
import sys

import pyarrow.parquet as pq
import pytest

from extract.errors import BuildFailed
from extract.package_check import frictionless_problems
from extract.validate import PackageValidation, check_package

from conftest import ROOT, make_project


def copy_of_package(built, tmp_path):
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


def validated(descriptor, in_background):
    with PackageValidation(in_background=in_background) as validation:
        validation.start(descriptor)
        return validation.result(descriptor)


@pytest.mark.parametrize("in_background", [False, True], ids=["in-process", "validation-process"])
def test_a_valid_package_has_no_problems(built, in_background):
    assert validated(built.data / "datapackage.json", in_background) == []


@pytest.mark.parametrize("in_background", [False, True], ids=["in-process", "validation-process"])
def test_a_reference_to_no_row_in_the_csv_file_is_refused(built, tmp_path, in_background):
    package = copy_of_package(built, tmp_path)
    rewrite(package, "actors", dangling_actor_csv(package))
    problems = validated(package / "datapackage.json", in_background)
    assert problems == [(str(package / "csv" / "actors.csv"),
                         "actors: foreign-key: row 2: organization_id = 'no-such-organization' names no row of organizations")]


def test_a_reference_to_no_row_in_the_parquet_file_is_refused(built, tmp_path):
    package = copy_of_package(built, tmp_path)
    table = pq.read_table(package / "parquet" / "quotes.parquet")
    rows = table.to_pylist()
    rows[0]["source_id"] = "no-such-source"
    out = tmp_path / "quotes.parquet"
    pq.write_table(type(table).from_pylist(rows, schema=table.schema), out)
    rewrite(package, "quotes-parquet", out.read_bytes())
    [(file, message)] = frictionless_problems(str(package / "datapackage.json"))
    assert file.endswith("parquet/quotes.parquet") and "source_id = 'no-such-source' names no row of sources-parquet" in message


def test_the_check_agrees_with_frictionless_validate_on_a_broken_reference(built, tmp_path):
    package = copy_of_package(built, tmp_path)
    rewrite(package, "actors", dangling_actor_csv(package))
    from frictionless import Package
    report = Package(str(package / "datapackage.json")).validate()
    assert [(t.name, e.type, e.row_number) for t in report.tasks for e in t.errors] == [("actors", "foreign-key", 2)]


def test_a_type_error_is_reported_with_its_file(built, tmp_path):
    package = copy_of_package(built, tmp_path)
    rows = list(csv.reader(io.StringIO((package / "csv" / "figures.csv").read_text(encoding="utf-8"))))
    rows[1][rows[0].index("char_start")] = "eleven"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    rewrite(package, "figures", out.getvalue().encode("utf-8"))
    with pytest.raises(BuildFailed) as failure:
        check_package(package / "datapackage.json")
    [error] = failure.value.errors
    assert error.location.file == str(package / "csv" / "figures.csv") and "type-error" in str(error)


def test_a_validation_process_that_dies_is_a_build_error_not_a_hang(tmp_path):
    missing = tmp_path / "nowhere" / "datapackage.json"
    [(file, message)] = validated(missing, in_background=True)
    assert file == str(missing)
    assert message.startswith("frictionless could not validate the package: FileNotFoundError")


def test_a_process_without_frictionless_loaded_validates_in_the_background():
    code = ("import sys; from extract.validate import PackageValidation; "
            "print(PackageValidation().in_background, 'frictionless' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["True", "False"], result.stderr
    assert PackageValidation().in_background is False  # this test session has frictionless loaded


def test_the_command_line_build_publishes_a_package_frictionless_accepts(tmp_path):
    project = make_project(tmp_path)
    result = subprocess.run([sys.executable, "-m", "extract", "build", "--root", str(project.root)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert (project.data / "datapackage.json").exists() and not list(project.root.glob(".build-*"))
    assert frictionless_problems(str(project.data / "datapackage.json")) == []


def test_a_validation_process_that_hangs_is_stopped_and_reported(tmp_path, monkeypatch):
    import extract.validate as validate
    monkeypatch.setattr(validate, "VALIDATION_PROCESS", "import time; time.sleep(60)")
    descriptor = tmp_path / "datapackage.json"
    with PackageValidation(in_background=True, timeout=1) as validation:
        validation.start(descriptor)
        assert validation.result(descriptor) == [(str(descriptor), "frictionless did not finish validating the package within 1 s")]
