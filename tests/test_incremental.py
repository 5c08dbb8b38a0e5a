"""The incremental build: with warm caches it publishes exactly what a cold build publishes, and a
resource that changed (or whose referenced resources changed) is validated again in full."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil

import pytest
from conftest import ROOT, snapshot

from extract import package_check, pipeline
from extract.errors import BuildFailed
from extract.pipeline import Project, build

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
    validated = []
    real = package_check.validate_resource

    def recording(resource, path):
        validated.append(resource.name)
        return real(resource, path)

    monkeypatch.setattr(package_check, "validate_resource", recording)
    build(warm)  # incremental: one article added
    monkeypatch.undo()
    assert "quotes" in validated and "sources" in validated  # the new article's rows
    assert "vocabularies" not in validated and "vocabularies-parquet" not in validated  # unchanged: proven before

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
