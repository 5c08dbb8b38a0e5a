"""The build, stage by stage: load → extract → resolve → validate → publish.

Everything is written into a staging folder beside ``data/``, validated
there, and only then published all at once (``publication``), so a failed
build leaves ``data/``, ``schema/``, ``metadata.json`` and the README exactly as
they were, and a killed one is completed by the next.
"""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import pipeline_timings, publication
from .claims import relate_claims
from .curated.annotations import read_annotations
from .errors import BuildFailed
from .models import MODELS, vocabulary_rows
from .pipeline_timings import stage
from .publication import BuildLock
from .publish.dataset import citation_cff
from .publish.datasette import write_metadata
from .publish.package import write_package
from .publish.readme import update_readme
from .publish.schemas import full_ddl, table_schema
from .publish.sqlite import DatabaseProcess, write_database
from .resolve import Dataset, resolve
from .rules.batch import while_waiting, worker_started
from .serve import database_file
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
    def rule_cache(self) -> Path:
        """Where rule results are remembered between builds (local, git-ignored; see ``rules.batch``)."""
        return self.root / ".cache" / "rules"

    @property
    def rows_cache(self) -> Path:
        """What making each source's rows from its rule result did (local, git-ignored; see ``rules.build``)."""
        return self.root / ".cache" / "rows"

    @property
    def metadata_cache(self) -> Path:
        """The articles' metadata files as parsed, by content (local, git-ignored; see ``cache``)."""
        return self.root / ".cache" / "metadata"

    @property
    def validation_cache(self) -> Path:
        """Which resources stock frictionless has proven, by content (local, git-ignored; see ``package_check``)."""
        return self.root / ".cache" / "validation"

    @property
    def database_name(self) -> str:
        return database_file()


def assemble(project: Project, rules_done: Callable[[], None] | None = None) -> Dataset:
    """Load, extract (curated, then rules), resolve: the dataset in memory, checked.  ``rules_done`` is called once
    the rules have run (the build starts its database writer then)."""
    with stage("load sources"):
        loaded = load_all(project.seeds, project.root, project.metadata_cache)
    try:
        with stage("annotations"):
            curated = read_annotations(
                project.annotations, loaded.sources, project.root, loaded.unusable_ids, all_loaded=not loaded.errors
            )
    except BuildFailed as exc:
        raise BuildFailed(loaded.errors + exc.errors) from None
    if loaded.errors:
        raise BuildFailed(loaded.errors)
    from .rules.build import apply_rules  # here, not above: commands that run no rules do not load spaCy

    reviewed = [c for c in curated if c.status == "curated"]  # drafts are checked above, never published nor scored
    status = {c.source_id: c.status for c in curated}
    sources = [s.model_copy(update={"curation_status": status.get(s.source_id, "none")}) for s in loaded.sources]
    with stage("resolve"):
        dataset = resolve(sources, reviewed)
    with stage("rules"):
        apply_rules(dataset, {c.source_id for c in reviewed}, project.rule_cache, project.rows_cache)
    if rules_done is not None:
        rules_done()
    with stage("claim relations"):
        dataset.tables["claim_relations"] = relate_claims(dataset)  # resolve, across every source's claims
    dataset.tables["vocabularies"] = vocabulary_rows()
    with stage("dataset checks"):
        check_dataset(dataset)
    return dataset


def write_schemas(folder: Path) -> None:
    """The generated schema files: one Table Schema per table and the SQLite DDL."""
    folder.mkdir(parents=True, exist_ok=True)
    for model in MODELS:
        text = json.dumps(table_schema(model), indent=2, ensure_ascii=False) + "\n"
        (folder / f"{model.table}.json").write_text(text, encoding="utf-8")
    (folder / "sqlite.sql").write_text(full_ddl(), encoding="utf-8")


def write_database_into(tables: dict, path: Path, failed: list[BaseException]) -> None:
    """``write_database``, its exception (if any) kept in ``failed`` for the thread that waits for it."""
    try:
        write_database(tables, path)
    except BaseException as exc:  # noqa: BLE001 - re-raised by the waiting thread
        failed.append(exc)


def publish(
    dataset: Dataset,
    staging: Path,
    database_name: str,
    validation_cache: Path | None = None,
    writer: DatabaseProcess | None = None,
) -> None:
    """Write every output into ``staging`` (``data/``, ``schema/``, ``metadata.json``, ``CITATION.cff``); the package must pass frictionless there.

    A package that fails is never moved into place.  The database is written beside the rest: by ``writer`` (the
    build's ``DatabaseProcess``) from the Parquet files as soon as they are written, else in a thread of this
    process once the package is written (SQLite releases the GIL while it works, so its work overlaps the
    validation)."""
    from .package_check import SharedValidation  # here: commands that publish nothing do not load frictionless

    out = staging / "data"
    out.mkdir(mode=staging.stat().st_mode & 0o777)
    failed: list[BaseException] = []
    thread = None
    try:
        written: dict = {}  # the Arrow tables of the Parquet files, checked against the files below
        parquet_written = (lambda: writer.go(out / "parquet", out / database_name)) if writer else None
        write_package(dataset.tables, out, written, parquet_written)
        if writer is None:  # after the package: a thread beside writing it made both slower (they took turns)
            thread = threading.Thread(
                target=write_database_into, args=(dataset.tables, out / database_name, failed), name="write-database"
            )
            thread.start()
        # A helper process validates the largest resources meanwhile when there is much to validate in full.
        with stage("validation start"):  # a helper, when there is much to validate in full
            validation = SharedValidation(out / "datapackage.json", validation_cache)
        with validation:
            check_package(out / "datapackage.json", dataset.tables, validation_cache, validation, written)
    finally:
        if thread is not None:
            with stage("database wait"):
                thread.join()
    # before waiting for the database writer, which may still be at work on the other core
    with stage("metadata files"):
        write_metadata(staging / "metadata.json", dataset.rows("sources"))
        (staging / "CITATION.cff").write_text(citation_cff(dataset.rows("sources")), encoding="utf-8")
        write_schemas(staging / "schema")
    if writer is not None:
        with stage("database wait"):
            writer.wait()
    if failed:
        raise failed[0]


def stage_readme(project: Project, staging: Path, dataset: Dataset) -> None:
    """The README with the new score table, staged to be published with the data it describes."""
    readme = project.root / "README.md"
    if readme.exists():
        shutil.copyfile(readme, staging / "README.md")
        update_readme(staging / "README.md", dataset.rows("rule_scores"), dataset.rows("sources"))


DATABASE_PROCESS_MIN_ARTICLES = 200
"""From this many articles on, the database is written by a helper interpreter (``DatabaseProcess``) started as soon
as the rules have run (its start, about 0.5 CPU s, overlaps the claim relations, the checks and the Parquet files,
while the other core has nothing else to do), instead of a thread of the build's process that takes turns with it
for the GIL.  Not before the loading, as it was: in an added article's build the early rule worker loads spaCy on
the other core then, and the build's process waits for its one result, so a third process at work beside them
delayed both (the load stage took 0.27 CPU s and 1.9 s of wall time at 2,000 articles on a loaded machine).
It holds about 90 MiB (PSS) at 2,000 articles.  The validation helper is not started ahead so: at 2,000 articles its start (about
1.5 CPU s) is more than the row proofs it would take over (about 0.4 s), and at 10,000 the memory it would hold
beside the database writer (the row proofs' digests and keys) leaves too little of the 1.5 GiB target."""


def warm_validation() -> None:
    """The validation's imports and first-call set-up (``package_check.warm_up``), done ahead."""
    from .package_check import warm_up

    warm_up()


def corpus_size(project: Project) -> int:
    return sum(1 for _ in project.seeds.glob("*.txt"))


def database_writer(project: Project) -> DatabaseProcess | None:
    """A started ``DatabaseProcess`` for a corpus of ``DATABASE_PROCESS_MIN_ARTICLES`` or more, else None."""
    if corpus_size(project) >= DATABASE_PROCESS_MIN_ARTICLES:
        return DatabaseProcess()
    return None


def build(project: Project) -> Dataset:
    """Run every stage; on any error raise BuildFailed and leave the outputs untouched.

    One build at a time (a lock); a publication a killed build left half done is
    completed first, and stale staging folders removed (see ``publication``)."""
    pipeline_timings.start()
    with BuildLock(project.root):
        with stage("lock and recovery"):
            publication.recover(project.root)
            publication.clean_stale(project.root)
        writers: list[DatabaseProcess] = []

        def start_writer() -> None:
            with stage("database writer started"):
                started = database_writer(project)
            if started is not None:
                writers.append(started)

        # the early worker is forked before the database writer starts, so it holds none of the writer's pipes
        with worker_started(corpus_size(project)):
            while_waiting(warm_validation)  # while the early worker loads spaCy, if the build comes to wait for it
            try:
                dataset = assemble(project, start_writer)
                writer = writers[0] if writers else None
                staging = publication.new_staging(project.root)
                try:
                    publish(dataset, staging, project.database_name, project.validation_cache, writer)
                    with stage("readme"):
                        stage_readme(project, staging, dataset)
                    with stage("publication"):
                        publication.publish_staged(project.root, staging)
                finally:
                    if writer is not None:
                        writer.close()  # stopped before its folder is removed, if the build failed
                    shutil.rmtree(staging, ignore_errors=True)
            finally:
                for started in writers:
                    started.close()
    pipeline_timings.write()
    return dataset
