"""The incremental build: with warm caches it publishes exactly what a cold build publishes, and a
resource that changed (or whose referenced resources changed) is validated again in full."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT, snapshot

from extract import package_check, pipeline
from extract.errors import BuildFailed
from extract.pipeline import Project, build
from extract.rules.rows import RuleRows

ARTICLES = {
    "201_orchard": (
        "Flooding closed the ring road in Fenmarsh on Thursday, the county council said. "
        "\u201cThe water rose faster than anyone expected,\u201d said Ivo Lantry, a council engineer. "
        "About 120 homes were evacuated and 3 schools stayed shut."
    ),
    "202_quarry": (
        "Workers at the Stonecross quarry walked out on Monday over unpaid wages, their union said. "
        "Some 450 workers joined the strike, according to the Quarry Workers Union."
    ),
    "203_ferry": (
        "A ferry ran aground off Kelp Point on Saturday, the coast guard said. "
        "\u201cAll 86 passengers are safe,\u201d said Captain Dalia Voss of the coast guard."
    ),
}


def add(root, stem: str, day: int) -> None:
    (root / "seeds" / f"{stem}.txt").write_text(ARTICLES[stem], encoding="utf-8")
    (root / "seeds" / f"{stem}.meta.yaml").write_text(
        f'source_id: test-{stem.replace("_", "-")}\npublisher: Test Wire\npublished: "2024-05-{day:02d}"\n'
        f"title: Test report {stem}\nlanguage: en\nrights: Written for the tests.\n",
        encoding="utf-8",
    )


def outputs(project: Project) -> dict[str, bytes]:
    return (
        {f"data/{k}": v for k, v in snapshot(project.data).items()}
        | {f"schema/{k}": v for k, v in snapshot(project.schema).items()}
        | {name: (project.root / name).read_bytes() for name in ("metadata.json", "CITATION.cff")}
    )


def test_an_incremental_build_publishes_exactly_what_a_cold_build_does(tmp_path, monkeypatch):
    warm = Project(tmp_path / "warm")
    shutil.copytree(ROOT / "seeds", warm.seeds)
    add(warm.root, "201_orchard", 2)
    add(warm.root, "202_quarry", 3)
    build(warm)  # cold: fills the rule and validation caches

    add(warm.root, "203_ferry", 4)
    validated, proved, made = [], [], []
    real, real_prove, real_add = package_check.validate_resource, package_check.RowValidation.prove, RuleRows.add

    def recording(resource, path):
        validated.append(resource.name)
        return real(resource, path)

    monkeypatch.setattr(package_check, "validate_resource", recording)
    monkeypatch.setattr(
        package_check.RowValidation, "prove", lambda self, r: proved.append(r.name) or real_prove(self, r)
    )
    monkeypatch.setattr(
        RuleRows, "add", lambda self, source, result: made.append(source.source_id) or real_add(self, source, result)
    )
    build(warm)  # incremental: one article added
    monkeypatch.undo()
    assert {"quotes", "sources"} <= set(proved) and not {"quotes", "sources"} & set(validated)  # the new article's rows
    assert "vocabularies" not in validated + proved and "vocabularies-parquet" not in validated  # unchanged
    assert made == ["test-203-ferry"]  # the other articles' rows are written again as they were made

    cold = Project(tmp_path / "cold")
    shutil.copytree(warm.seeds, cold.seeds)
    build(cold)
    incremental, fresh = outputs(warm), outputs(cold)
    assert incremental.keys() == fresh.keys()
    assert [name for name in fresh if incremental[name] != fresh[name]] == []


def rewrite(data, resource_name: str, change) -> None:
    """Change the rows of a resource's CSV file and record its new hash and size, so only rows can be wrong."""
    descriptor = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    resource = next(r for r in descriptor["resources"] if r["name"] == resource_name)
    with (data / resource["path"]).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\n").writerows(change(rows))
    raw = buffer.getvalue().encode("utf-8")
    (data / resource["path"]).write_bytes(raw)
    resource["hash"], resource["bytes"] = "sha256:" + hashlib.sha256(raw).hexdigest(), len(raw)
    text = json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n"
    (data / "datapackage.json").write_text(text, encoding="utf-8")


def quote_of_no_source(rows):
    column = rows[0].index("source_id")
    rows[1][column] = "no-such-source"
    return rows


def without_the_first_seed(rows):
    column = rows[0].index("source_id")
    return [row for row in rows if row[column] != "afp-2023-09-20-tocoron"]


@pytest.mark.parametrize(
    ("resource_name", "change", "refused"),
    [
        ("quotes", quote_of_no_source, "quotes"),  # the resource itself changed
        ("sources", without_the_first_seed, "quotes"),  # quotes.csv unchanged, but a source it references is gone
    ],
)
def test_a_changed_resource_is_validated_again_even_with_a_warm_cache(
    seeds_copy, monkeypatch, resource_name, change, refused
):
    build(seeds_copy)  # every resource proven once: the validation cache is warm
    assert any((seeds_copy.root / ".cache" / "validation").rglob("*"))
    before = published(seeds_copy)
    real = pipeline.write_package

    def write_then_break(tables, out, *written):
        descriptor = real(tables, out, *written)
        rewrite(out, resource_name, change)
        return descriptor

    monkeypatch.setattr(pipeline, "write_package", write_then_break)
    with pytest.raises(BuildFailed) as failure:
        build(seeds_copy)
    messages = [str(e) for e in failure.value.errors]
    assert any(f"{refused}: foreign-key" in m for m in messages), messages[:5]
    assert published(seeds_copy) == before


def published(project: Project) -> dict[str, bytes]:
    """Every file of the project but its caches."""
    return {k: v for k, v in snapshot(project.root).items() if not k.startswith(".cache/")}


# Validating only the rows that changed: never less than stock frictionless --------------------------------------


def csv_rows(data, table: str) -> list[list[str]]:
    with (data / "csv" / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def csv_text(rows) -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue().encode("utf-8")


def set_bytes(data, resource_name: str, raw: bytes, declared: bytes | None = None) -> None:
    """Write a resource's file; declare the hash and size of ``declared`` (by default of what was written)."""
    descriptor = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    resource = next(r for r in descriptor["resources"] if r["name"] == resource_name)
    (data / resource["path"]).write_bytes(raw)
    declared = raw if declared is None else declared
    resource["hash"], resource["bytes"] = "sha256:" + hashlib.sha256(declared).hexdigest(), len(declared)
    (data / "datapackage.json").write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", "utf-8")


def a_new_row(rows, changes: dict[str, str], new_id: bool = True) -> list[list[str]]:
    """The rows with a copy of the first data row added (another primary key unless ``new_id`` is false), changed."""
    row = dict(zip(rows[0], rows[1], strict=True))
    if new_id:
        row[rows[0][0]] += "-copy"
    row.update(changes)
    return [*rows, [row[c] for c in rows[0]]]


MUTATIONS = {
    # (resource, how its file changes): each leaves a package stock frictionless refuses
    "a type error in a new row": (
        "figures",
        lambda d: csv_text(a_new_row(csv_rows(d, "figures"), {"char_start": "x"})),
    ),
    "a value outside its enum": ("quotes", lambda d: csv_text(a_new_row(csv_rows(d, "quotes"), {"kind": "shouted"}))),
    "a value against its pattern": (
        "sources",
        lambda d: csv_text(a_new_row(csv_rows(d, "sources"), {"language": "English"})),
    ),
    "a value under its minimum": (
        "figures",
        lambda d: csv_text(a_new_row(csv_rows(d, "figures"), {"char_start": "-5"})),
    ),
    "a required cell left empty": ("quotes", lambda d: csv_text(a_new_row(csv_rows(d, "quotes"), {"method": ""}))),
    "an empty primary key": ("quotes", lambda d: csv_text(a_new_row(csv_rows(d, "quotes"), {"quote_id": ""}))),
    "a primary key of an old row again": (
        "quotes",
        lambda d: csv_text(a_new_row(csv_rows(d, "quotes"), {"char_end": "999"}, new_id=False)),
    ),
    "a new row naming no source": (
        "quotes",
        lambda d: csv_text(a_new_row(csv_rows(d, "quotes"), {"source_id": "no-such-source"})),
    ),
    "an old row changed to name no source": (
        "quotes",
        lambda d: csv_text(quote_of_no_source(csv_rows(d, "quotes"))),
    ),
    "a referenced row removed (the referring file unchanged)": (
        "sources",
        lambda d: csv_text(without_the_first_seed(csv_rows(d, "sources"))),
    ),
    "an extra cell": (
        "quotes",
        lambda d: csv_text([*csv_rows(d, "quotes"), [*a_new_row(csv_rows(d, "quotes"), {})[-1], "x"]]),
    ),
    "a missing cell": (
        "quotes",
        lambda d: csv_text([*csv_rows(d, "quotes"), a_new_row(csv_rows(d, "quotes"), {})[-1][:-1]]),
    ),
    "a blank line": ("quotes", lambda d: (d / "csv" / "quotes.csv").read_bytes() + b"\n"),
    "a blank line between rows": (
        "quotes",
        lambda d: (d / "csv" / "quotes.csv").read_bytes().replace(b"\n", b"\n\n", 2),
    ),
    "a renamed column": ("quotes", lambda d: (d / "csv" / "quotes.csv").read_bytes().replace(b"quote_id", b"quote", 1)),
    "bytes that are not UTF-8": ("quotes", lambda d: (d / "csv" / "quotes.csv").read_bytes() + b"x\xff,y\n"),
    "a row cut off in an open quotation": ("quotes", lambda d: (d / "csv" / "quotes.csv").read_bytes() + b'x,"y'),
}


@pytest.fixture
def proven(built, tmp_path):
    """A copy of the built package, validated once with a cache: every CSV file's rows proven."""
    data, cache = tmp_path / "data", tmp_path / "cache"
    shutil.copytree(built.data, data)
    assert package_check.frictionless_problems(data / "datapackage.json", cache) == []
    assert len(list(cache.glob("*/rows/*"))) == len([n for n in (data / "csv").iterdir()])
    return data, cache


def stock_calls(monkeypatch) -> list[str]:
    """The resources stock ``resource.validate()`` is called on from now."""
    called = []
    real = package_check.validate_resource

    def recording(resource, path):
        called.append(resource.name)
        return real(resource, path)

    monkeypatch.setattr(package_check, "validate_resource", recording)
    return called


@pytest.mark.parametrize("mutation", MUTATIONS)
def test_validating_the_changed_rows_refuses_everything_stock_frictionless_refuses(proven, mutation, monkeypatch):
    data, cache = proven
    resource_name, change = MUTATIONS[mutation]
    set_bytes(data, resource_name, change(data))
    stock = package_check.frictionless_problems(data / "datapackage.json")  # no cache: every resource in full
    assert stock, f"{mutation}: stock frictionless should refuse this"
    called = stock_calls(monkeypatch)
    assert package_check.frictionless_problems(data / "datapackage.json", cache) == stock
    assert called  # what the rows could not prove went to stock frictionless


def test_what_the_rows_do_not_prove_is_left_to_stock_frictionless(proven, monkeypatch):
    data, cache = proven
    set_bytes(data, "quotes", b"\xef\xbb\xbf" + (data / "csv" / "quotes.csv").read_bytes())  # a byte-order mark
    called = stock_calls(monkeypatch)
    assert package_check.frictionless_problems(data / "datapackage.json", cache) == []  # stock reads it as UTF-8
    assert called == ["quotes", "claims"]  # claims reference quotes: stock reads them too


def test_a_declared_hash_that_is_not_the_files_is_refused(proven):
    data, cache = proven
    raw = csv_text(a_new_row(csv_rows(data, "quotes"), {}))
    set_bytes(data, "quotes", raw, declared=raw + b"x")
    stock = package_check.frictionless_problems(data / "datapackage.json")
    assert any("hash-count" in m for _, m in stock)
    assert package_check.frictionless_problems(data / "datapackage.json", cache) == stock


def test_valid_new_rows_are_proven_without_validating_the_old_ones_again(proven, monkeypatch):
    data, cache = proven
    set_bytes(data, "quotes", csv_text(a_new_row(csv_rows(data, "quotes"), {"text": "a line never seen"})))
    rows = csv_rows(data, "sources")
    set_bytes(data, "sources", csv_text([rows[0], *reversed(rows[1:])]))  # the same rows in another order
    assert package_check.frictionless_problems(data / "datapackage.json") == []
    called = stock_calls(monkeypatch)
    proved = []
    real = package_check.RowValidation.prove
    monkeypatch.setattr(package_check.RowValidation, "prove", lambda self, r: proved.append(r.name) or real(self, r))
    assert package_check.frictionless_problems(data / "datapackage.json", cache) == []
    assert {"quotes", "sources"} <= set(proved) and not {"quotes", "sources"} & set(called)
    assert called == []  # the Parquet files did not change: proven before


def test_the_declared_dialect_is_what_the_row_proof_reads():
    from extract.publish.package import CSV_DIALECT

    assert CSV_DIALECT == package_check.CSV_DIALECT


def test_records_are_split_as_frictionless_reads_them(tmp_path):
    rows = [
        ["id", "text"],
        ["a", "one\r\ntwo"],
        ["b", "three\rfour"],
        ["c", 'a "quoted"\nword'],
        ["d", "x\u2028y\x0cz"],
    ]
    raw = csv_text(rows)
    records = list(package_check.csv_records(raw))
    assert "".join(text for text, _ in records) == raw.decode("utf-8")
    descriptor = {"name": "t", "path": "t.csv", "type": "table", "format": "csv", "encoding": "utf-8"}
    (tmp_path / "t.csv").write_bytes(raw)
    descriptor["dialect"] = package_check.CSV_DIALECT
    with package_check.Resource(descriptor, basepath=str(tmp_path)) as resource:
        assert [cells for _, cells in records] == [rows[0], *(list(map(str, r)) for r in resource.read_cells()[1:])]


def test_what_making_rows_did_comes_back_from_the_cache_as_it_was(tmp_path):
    import pickle

    from extract.rules import analyze
    from extract.rules.rows import RULE_TABLES
    from extract.sources import load_sources

    source = load_sources(ROOT / "seeds")[0]
    made = RuleRows({t: set() for t in RULE_TABLES}).add(source, analyze(source.text, source.published_date))
    back = pickle.loads(pickle.dumps(made))
    assert back == made and made.writes and made.entities
    assert [r.model_fields_set for _, _, r in back.writes] == [r.model_fields_set for _, _, r in made.writes]
    again = RuleRows({t: set() for t in RULE_TABLES})
    assert again.replay(back)  # nothing taken yet: every id comes out as before
    assert {t: dict(rows) for t, rows in again.tables.items() if rows} == {
        t: {k: r for tt, k, r in made.writes if tt == t} | {i: r for tt, _, i, r in made.entities if tt == t and r}
        for t in {t for t, _, _ in made.writes} | {t for t, _, _, r in made.entities if r}
    }
    taken = RuleRows({t: set() for t in RULE_TABLES})
    table, name, entity_id, row = next(e for e in made.entities if e[3] is not None)
    taken.tables[table][entity_id] = row.model_copy(update={"name": name + " Other"})  # another name took the slug
    assert not taken.replay(back) and not taken.tables["mentions"]  # refused, nothing written


def test_a_failure_inside_the_row_proof_leaves_the_resource_to_stock_frictionless(proven, monkeypatch):
    data, cache = proven
    set_bytes(data, "quotes", csv_text(a_new_row(csv_rows(data, "quotes"), {"source_id": "no-such-source"})))
    stock = package_check.frictionless_problems(data / "datapackage.json")

    def broken(self, resource):
        raise KeyError("an unforeseen descriptor")

    monkeypatch.setattr(package_check.RowValidation, "prove", broken)
    assert package_check.frictionless_problems(data / "datapackage.json", cache) == stock


SECOND_BUILD = """\
import json, sys
from pathlib import Path
from extract.pipeline import Project, build
build(Project(Path(sys.argv[1])))
print(json.dumps({m: m in sys.modules for m in ("spacy", "extract.rules.names", "extract.rules.text", "pyarrow.dataset")}))
"""


def test_a_build_of_a_corpus_that_starts_the_pool_analyzes_an_added_article_outside_its_own_process(tmp_path):
    """Above the pool's threshold, the article left to analyze goes to the worker started at the build's start:
    the build's own process imports neither spaCy nor the rule modules (nor pyarrow.dataset, which it does not
    need), and the article's rule rows are published."""
    from extract.rules.batch import POOL_MIN_ARTICLES

    project = Project(tmp_path / "big")
    shutil.copytree(ROOT / "seeds", project.seeds)
    for n in range(POOL_MIN_ARTICLES + 2):
        (project.seeds / f"3{n:02d}_generated.txt").write_text(
            f"About {n + 12} families left the hill village of Varn{n} on Monday, the district office said. "
            f"\u201cThe road is gone,\u201d said Mira Tolvan{chr(97 + n)}, a district engineer.",
            encoding="utf-8",
        )
        (project.seeds / f"3{n:02d}_generated.meta.yaml").write_text(
            f'source_id: test-generated-{n}\npublisher: Test Wire\npublished: "2024-05-{n + 1:02d}"\n'
            f"title: Test report {n}\nlanguage: en\nrights: Written for the tests.\n",
            encoding="utf-8",
        )
    build(project)  # cold: the pool analyzes them all
    add(project.root, "203_ferry", 4)
    done = subprocess.run(
        [sys.executable, "-c", SECOND_BUILD, str(project.root)], cwd=ROOT, capture_output=True, text=True, check=True
    )
    imported = json.loads(done.stdout.strip().splitlines()[-1])
    # nor pyarrow.dataset, which ``pq.read_table`` imports: the Parquet check reads each file itself
    assert imported == {
        "spacy": False,
        "extract.rules.names": False,
        "extract.rules.text": False,
        "pyarrow.dataset": False,
    }
    with open(project.data / "csv" / "quotes.csv", encoding="utf-8", newline="") as handle:
        speakers = {row["source_id"] for row in csv.DictReader(handle)}
    assert "test-203-ferry" in speakers  # analyzed, in the worker
