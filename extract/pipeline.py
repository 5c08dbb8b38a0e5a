"""The build, stage by stage: load → extract → resolve → validate → publish.

Everything is written into a temporary folder beside ``data/``, validated
there, and only then moved into place, so a failed build leaves ``data/`` and
``metadata.json`` exactly as they were.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .curated.annotations import read_annotations
from .models import MODELS, vocabulary_rows
from .publish.datasette import write_metadata
from .publish.readme import update_readme
from .publish.package import dataset_metadata, write_package
from .publish.schemas import full_ddl, table_schema
from .publish.sqlite import write_database
from .resolve import Dataset, resolve
from .errors import BuildFailed
from .sources import load_all
from .validate import check_dataset, check_package


@dataclass(frozen=True)
class Project:
    """Where the inputs are and where the outputs go."""

    root: Path

    @property
    def seeds(self) -> Path:
        return self.root / "seeds"

    @property
    def annotations(self) -> Path:
        return self.root / "seeds" / "annotations"

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def schema(self) -> Path:
        return self.root / "schema"

    @property
    def metadata(self) -> Path:
        return self.root / "metadata.json"

    @property
    def database_name(self) -> str:
        return dataset_metadata()["datasette_db"] + ".db"


def assemble(project: Project) -> Dataset:
    """Load, extract (curated, then rules), resolve: the dataset in memory, checked."""
    loaded = load_all(project.seeds, project.root)
    try:
        curated = read_annotations(project.annotations, loaded.sources, project.root, loaded.unusable_ids)
    except BuildFailed as exc:
        raise BuildFailed(loaded.errors + exc.errors) from None
    if loaded.errors:
        raise BuildFailed(loaded.errors)
    from .rules.build import apply_rules  # here, not above: commands that run no rules do not load spaCy

    sources = loaded.sources
    dataset = resolve(sources, curated)
    apply_rules(dataset, {c.source_id for c in curated})
    dataset.tables["vocabularies"] = vocabulary_rows()
    check_dataset(dataset)
    return dataset


def write_schemas(folder: Path) -> None:
    """The generated schema files: one Table Schema per table and the SQLite DDL."""
    folder.mkdir(parents=True, exist_ok=True)
    for model in MODELS:
        text = json.dumps(table_schema(model), indent=2, ensure_ascii=False) + "\n"
        (folder / f"{model.table}.json").write_text(text, encoding="utf-8")
    (folder / "sqlite.sql").write_text(full_ddl(), encoding="utf-8")


def publish(dataset: Dataset, out: Path, database_name: str) -> None:
    """Write package, database and metadata into ``out``; the package must pass frictionless there.

    A package that fails is never moved into place."""
    write_package(dataset.tables, out)
    check_package(out / "datapackage.json", dataset.tables)
    write_database(dataset.tables, out / database_name)
    write_metadata(out / "metadata.json", dataset.rows("sources"))
    write_schemas(out / "schema")


def replace_outputs(staged: Path, project: Project) -> None:
    """Move the staged outputs into place: data/, schema/ and metadata.json."""
    for name, target in (("schema", project.schema),):
        swap_folder(staged / name, target)
    os.replace(staged / "metadata.json", project.metadata)
    swap_folder(staged, project.data)


def swap_folder(new: Path, target: Path) -> None:
    old = target.with_name(target.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    shutil.rmtree(old, ignore_errors=True)


def build(project: Project) -> Dataset:
    """Run every stage; on any error raise BuildFailed and leave the outputs untouched."""
    dataset = assemble(project)
    staging = Path(tempfile.mkdtemp(prefix=".build-", dir=project.root))
    try:
        publish(dataset, staging, project.database_name)
        replace_outputs(staging, project)
        update_readme(project.root / "README.md", dataset.rows("rule_scores"))
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return dataset
