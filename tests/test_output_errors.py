"""A project folder that cannot be written (read-only, a full disk) is one located line, not a traceback,
and the published outputs are left as they were (issue 16, messages)."""

from __future__ import annotations

import builtins
import errno
import os
import stat

import pytest
from click.testing import CliRunner
from conftest import make_project, snapshot

from extract import pipeline, publication
from extract.cli import main


def os_error(code: int, path) -> OSError:
    return OSError(code, os.strerror(code), str(path))


def built_project(tmp_path):
    make_project(tmp_path)
    assert CliRunner().invoke(main, ["build", "--root", str(tmp_path)]).exit_code == 0
    return snapshot(tmp_path / "data") | {"metadata.json": (tmp_path / "metadata.json").read_bytes()}


def failed_build(tmp_path) -> tuple[str, str]:
    result = CliRunner().invoke(main, ["build", "--root", str(tmp_path)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.exception
    [problem, summary] = result.output.strip().splitlines()
    assert summary == "build failed: 1 problem(s); data/ was left unchanged"
    return problem, summary


def unchanged(tmp_path, before) -> bool:
    after = snapshot(tmp_path / "data") | {"metadata.json": (tmp_path / "metadata.json").read_bytes()}
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(publication.STAGING_PREFIX)]
    return after == before and not leftovers


def refuse_lock(real_open):
    def fake(file, *args, **kwargs):
        if str(file).endswith(publication.LOCK):
            raise os_error(errno.EACCES, file)
        return real_open(file, *args, **kwargs)

    return fake


def fill_disk_at_the_journal(real_open):
    def fake(file, *args, **kwargs):
        if publication.JOURNAL in str(file):
            raise os_error(errno.ENOSPC, file)
        return real_open(file, *args, **kwargs)

    return fake


def test_a_full_disk_while_staging_is_one_located_line(tmp_path, monkeypatch):
    before = built_project(tmp_path)

    def full(tables, path):
        path.write_bytes(b"half a database")
        raise os_error(errno.ENOSPC, path)

    monkeypatch.setattr(pipeline, "write_database", full)
    problem, _ = failed_build(tmp_path)
    assert problem.startswith(publication.STAGING_PREFIX) and "[output-error]" in problem, problem
    assert "the disk is full (No space left on device)" in problem
    assert unchanged(tmp_path, before)


def test_a_full_disk_at_the_journal_is_one_located_line(tmp_path, monkeypatch):
    before = built_project(tmp_path)
    monkeypatch.setattr(publication, "open", fill_disk_at_the_journal(builtins.open), raising=False)
    problem, _ = failed_build(tmp_path)
    assert problem.startswith(publication.JOURNAL) and "[output-error]" in problem, problem
    assert "the disk is full" in problem
    assert unchanged(tmp_path, before)


def test_an_unwritable_project_folder_is_one_located_line(tmp_path, monkeypatch):
    before = built_project(tmp_path)
    monkeypatch.setattr(publication, "open", refuse_lock(builtins.open), raising=False)
    problem, _ = failed_build(tmp_path)
    assert problem == (
        f"{publication.LOCK}: [output-error] The outputs cannot be written: "
        "the project folder (or this file) is not writable (Permission denied)"
    )
    assert unchanged(tmp_path, before)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders; the test above simulates it")
def test_a_read_only_copy_of_the_project_is_one_located_line(tmp_path):
    before = built_project(tmp_path)
    (tmp_path / publication.LOCK).unlink(missing_ok=True)
    mode = tmp_path.stat().st_mode
    tmp_path.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        problem, _ = failed_build(tmp_path)
    finally:
        tmp_path.chmod(mode)
    assert "[output-error]" in problem and "not writable" in problem, problem
    assert unchanged(tmp_path, before)
