"""A release is the package, reproducibly zipped, with a checksum a downloader can check."""

from __future__ import annotations

import hashlib
import json
import zipfile

from click.testing import CliRunner

from extract.cli import main


def test_a_release_is_the_same_bytes_every_time_and_its_checksum_is_right(built, tmp_path):
    runs = []
    for n in range(2):
        result = CliRunner().invoke(main, ["release", "--root", str(built.root), "--out", str(tmp_path / str(n))])
        assert result.exit_code == 0, result.output
        digest, archive = result.output.split()
        assert hashlib.sha256(open(archive, "rb").read()).hexdigest() == digest
        assert (tmp_path / str(n) / (archive.rsplit("/", 1)[1] + ".sha256")).read_text().split()[0] == digest
        runs.append(open(archive, "rb").read())
    assert runs[0] == runs[1]


def test_a_release_holds_every_resource_with_the_bytes_its_descriptor_promises(built, tmp_path):
    result = CliRunner().invoke(main, ["release", "--root", str(built.root), "--out", str(tmp_path)])
    archive = result.output.split()[1]
    with zipfile.ZipFile(archive) as zf:
        descriptor = json.loads(zf.read("datapackage.json"))
        names = set(zf.namelist())
        assert names == {"datapackage.json", *(r["path"] for r in descriptor["resources"])}
        for resource in descriptor["resources"]:
            data = zf.read(resource["path"])
            assert len(data) == resource["bytes"], resource["path"]
            assert hashlib.sha256(data).hexdigest() == resource["hash"].removeprefix("sha256:"), resource["path"]


def test_a_release_of_an_unbuilt_project_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(main, ["release", "--root", str(tmp_path)])
    assert result.exit_code == 1 and "cannot make a release" in result.output and "Traceback" not in result.output
