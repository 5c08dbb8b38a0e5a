"""Writing the database: from the Parquet files by a helper interpreter, a hundred rows a statement, CHECK constraints
checked a table at a time; always the same database as the rows make."""

from __future__ import annotations

import shutil
import sqlite3

import pytest
from conftest import ROOT

from extract import pipeline
from extract.pipeline import Project, build
from extract.publish.sqlite import DatabaseProcess, write_database_from_parquet


def test_the_database_made_from_the_parquet_files_is_the_one_made_from_the_rows(built, tmp_path):
    made = tmp_path / "from-parquet.db"
    write_database_from_parquet(built.data / "parquet", made)
    assert made.read_bytes() == (built.data / built.database_name).read_bytes()


def test_a_build_with_the_database_process_publishes_what_a_build_without_it_does(built, tmp_path, monkeypatch):
    project = Project(tmp_path / "project")
    shutil.copytree(ROOT / "seeds", project.seeds)
    started = []
    real = pipeline.database_writer
    monkeypatch.setattr(pipeline, "DATABASE_PROCESS_MIN_ARTICLES", 1)
    monkeypatch.setattr(pipeline, "database_writer", lambda project: started.append(real(project)) or started[-1])
    build(project)
    assert len(started) == 1 and isinstance(started[0], DatabaseProcess)
    assert started[0].process.returncode == 0
    for name in ("datapackage.json", built.database_name, "csv/mentions.csv", "parquet/figures.parquet"):
        assert (project.data / name).read_bytes() == (built.data / name).read_bytes(), name


def test_the_writer_processes_error_is_the_builds(tmp_path):
    (tmp_path / "parquet").mkdir()
    (tmp_path / "parquet" / "sources.parquet").write_bytes(b"not a Parquet file")
    with DatabaseProcess() as writer:
        writer.go(tmp_path / "parquet", tmp_path / "x.db")
        with pytest.raises(RuntimeError, match="database writer failed"):
            writer.wait()


def test_an_os_error_in_the_writer_is_raised_as_one(tmp_path):
    with DatabaseProcess() as writer:
        writer.go(tmp_path / "no-such-folder", tmp_path / "x.db")
        with pytest.raises(FileNotFoundError, match="sources.parquet"):
            writer.wait()


def test_a_writer_never_told_to_write_writes_nothing(tmp_path):
    with DatabaseProcess() as writer:
        pass
    assert writer.process.returncode is not None and not list(tmp_path.iterdir())


def test_the_tables_read_back_from_parquet_have_the_rows_values(built, tmp_path):
    made = tmp_path / "from-parquet.db"
    write_database_from_parquet(built.data / "parquet", made)
    with sqlite3.connect(made) as a, sqlite3.connect(built.data / built.database_name) as b:
        assert list(a.iterdump()) == list(b.iterdump())


def test_a_value_outside_its_vocabulary_is_refused_as_its_check_constraint_refuses_it(tmp_path):
    from extract.publish.sqlite import write_database
    from extract.sources import load_sources

    source = load_sources(ROOT / "seeds")[0]
    write_database({"sources": [source]}, tmp_path / "good.db")
    bad = source.model_copy(update={"curation_status": "maybe"})  # not validated: as a bug would make it
    with pytest.raises(ValueError, match=r"CHECK constraint failed in bad.db: sources.curation_status"):
        write_database({"sources": [bad]}, tmp_path / "bad.db")
    with sqlite3.connect(tmp_path / "good.db") as conn, pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        conn.execute("UPDATE sources SET curation_status = 'maybe'")  # the constraint is in the published schema


def test_rows_go_in_in_order_whatever_the_number_per_statement(built, tmp_path, monkeypatch):
    from extract.publish import sqlite as writer

    monkeypatch.setattr(writer, "ROWS_PER_INSERT", 7)
    write_database_from_parquet(built.data / "parquet", tmp_path / "by-seven.db")
    assert (tmp_path / "by-seven.db").read_bytes() == (built.data / built.database_name).read_bytes()


def test_the_database_has_no_free_page_so_needs_no_vacuum(built):
    """The file is made in one transaction with nothing deleted (``fill_database`` runs no VACUUM): a free page
    would be space a VACUUM reclaims, and a sign that the writer deletes or rewrites something."""
    conn = sqlite3.connect(f"file:{built.data / built.database_name}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA freelist_count").fetchone() == (0,)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        conn.close()
