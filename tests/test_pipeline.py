"""End to end: the seeds build into a valid, deterministic package, and a failed build publishes nothing."""

import csv
import json
import sqlite3

import pytest
from conftest import ROOT, snapshot
from frictionless import Package

from extract import pipeline
from extract.errors import BuildFailed, Location, PackageError
from extract.models import MODELS, TABLES
from extract.pipeline import build


def read_csv(project, table):
    with (project.data / "csv" / f"{table}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_the_built_package_is_valid_for_csv_and_parquet(built):
    report = Package(str(built.data / "datapackage.json")).validate()
    assert report.valid, report.flatten(["type", "note"])[:5]
    names = {task.name for task in report.tasks}
    assert names == {m.table for m in MODELS} | {m.table + "-parquet" for m in MODELS}


def test_every_published_span_gives_back_its_text(built):
    texts = {row["source_id"]: row["text"] for row in read_csv(built, "sources")}
    checked = 0
    for table, column in (("quotes", "text"), ("figures", "surface"), ("mentions", "text")):
        for row in read_csv(built, table):
            assert texts[row["source_id"]][int(row["char_start"]) : int(row["char_end"])] == row[column], row
            checked += 1
    assert checked > 150


def test_every_foreign_key_resolves_in_the_csv_files(built):
    keys = {m.table: {row[m.primary_key[0]] for row in read_csv(built, m.table)} for m in MODELS}
    for model in MODELS:
        for row in read_csv(built, model.table):
            for column, (target, _) in model.foreign_keys().items():
                assert row[column] == "" or row[column] in keys[target], (model.table, column, row[column])


def test_the_database_has_every_table_with_keys_checked(built):
    conn = sqlite3.connect(built.data / "tocoron.db")
    conn.execute("PRAGMA foreign_keys = ON")
    for model in MODELS:
        count = conn.execute(f"SELECT count(*) FROM [{model.table}]").fetchone()[0]
        assert count == len(read_csv(built, model.table))
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    fks = conn.execute("SELECT * FROM pragma_foreign_key_list('quotes')").fetchall()
    assert {row[3] for row in fks} == set(TABLES["quotes"].foreign_keys())


SEEDS = ("afp-2023-09-20-tocoron", "efe-2023-09-20-tocoron")


def test_both_seeds_are_curated(built):
    quotes = [q for q in read_csv(built, "quotes") if q["source_id"] in SEEDS]
    for source_id in SEEDS:
        assert sum(q["source_id"] == source_id for q in quotes) >= 10
    assert all(q["method"] == "curated" for q in quotes)
    status = {s["source_id"]: s["curation_status"] for s in read_csv(built, "sources")}
    assert [status[s] for s in SEEDS] == ["curated", "curated"]
    actors = {a["actor_id"]: a for a in read_csv(built, "actors")}
    # one row per real-world entity across sources
    assert json.loads(actors["carlos-nieto-palma"]["aliases"]) == ["Carlos Nieto"]
    mentions = read_csv(built, "mentions")
    assert {
        m["source_id"] for m in mentions if m["organization_id"] == "tren-de-aragua" and m["source_id"] in SEEDS
    } == set(SEEDS)


def test_two_builds_are_byte_identical(seeds_copy):
    build(seeds_copy)
    first = snapshot(seeds_copy.data) | {"metadata.json": seeds_copy.metadata.read_bytes()}
    build(seeds_copy)
    second = snapshot(seeds_copy.data) | {"metadata.json": seeds_copy.metadata.read_bytes()}
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_committed_outputs_equal_a_fresh_build(built):
    committed = {k: v for k, v in snapshot(ROOT / "data").items() if not k.endswith(".db")}
    fresh = {k: v for k, v in snapshot(built.data).items() if not k.endswith(".db")}
    assert committed.keys() == fresh.keys()
    assert [name for name in fresh if committed[name] != fresh[name]] == [], "run `make build` and commit data/"
    assert snapshot(ROOT / "schema") == snapshot(built.schema), "run `make build` and commit schema/"
    assert (ROOT / "metadata.json").read_bytes() == built.metadata.read_bytes(), (
        "run `make build` and commit metadata.json"
    )


def test_a_bad_annotation_leaves_the_outputs_untouched(seeds_copy):
    build(seeds_copy)
    before = snapshot(seeds_copy.root)
    path = seeds_copy.annotations / "afp-2023-09-20-tocoron.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("kind: direct", "kind: shouted", 1), encoding="utf-8")
    with pytest.raises(BuildFailed):
        build(seeds_copy)
    after = snapshot(seeds_copy.root)
    del before["seeds/annotations/afp-2023-09-20-tocoron.yaml"], after["seeds/annotations/afp-2023-09-20-tocoron.yaml"]
    assert before == after


def test_an_invalid_package_is_not_published(seeds_copy, monkeypatch):
    build(seeds_copy)
    before = snapshot(seeds_copy.root)

    def refuse(path, tables, *args, **kwargs):
        raise BuildFailed([PackageError("simulated", Location.of(path))])

    monkeypatch.setattr(pipeline, "check_package", refuse)
    with pytest.raises(BuildFailed):
        build(seeds_copy)
    assert snapshot(seeds_copy.root) == before
    assert not list(seeds_copy.root.glob(".build-*"))


def test_the_readme_shows_the_published_scores_and_corpus(built):
    from extract.publish.readme import with_corpus, with_scores

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    from extract.pipeline import assemble

    dataset = assemble(built)
    assert with_scores(readme, dataset.rows("rule_scores")) == readme, "run `make build` and commit README.md"
    assert with_corpus(readme, dataset.rows("sources")) == readme, "run `make build` and commit README.md"
