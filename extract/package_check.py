"""The frictionless half of the validate stage: the written package, checked as a user will check it.

Imported only where frictionless runs: in the build's validation process (see
``validate.PackageValidation``) or, when frictionless is already loaded, in
the build itself.  Answers are plain ``(file, message)`` pairs so that they
can cross from one process to the other as JSON.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

from frictionless import Check, Checklist, Package, system

Problem = tuple[str, str]


class ReferencesAsRead(Check):
    """Foreign keys checked on the rows frictionless reads while it validates, in the same pass.

    frictionless's own foreign-key lookups copy the referenced resource and
    read it again for every foreign key, which took 40 % of a build's
    validation.  This check instead notes, as each resource streams by, the
    key values that other resources refer to and every reference made, and
    ``unresolved`` compares them once all resources have been read: the same
    test on the same typed cells, with each file read once.
    """

    type = "references-as-read"

    def __init__(self, foreign_keys: dict[str, list[dict]]) -> None:
        super().__init__()
        self.foreign_keys = foreign_keys
        self.referenced: dict[str, set[tuple[str, ...]]] = defaultdict(set)  # resource -> its fields others refer to
        for fks in foreign_keys.values():
            for fk in fks:
                self.referenced[fk["reference"]["resource"]].add(tuple(fk["reference"]["fields"]))
        self.keys: dict[tuple[str, tuple[str, ...]], set[tuple]] = defaultdict(set)
        self.references: list[tuple[str, int, dict, tuple]] = []
        self.current = ""

    def connect(self, resource) -> None:
        super().connect(resource)
        self.current = resource.name

    def validate_row(self, row):
        for fields in self.referenced.get(self.current, ()):
            self.keys[(self.current, fields)].add(tuple(row[f] for f in fields))
        for fk in self.foreign_keys.get(self.current, ()):
            values = tuple(row[f] for f in fk["fields"])
            if any(v is not None for v in values):
                self.references.append((self.current, row.row_number, fk, values))
        return iter(())

    def unresolved(self, paths: dict[str, str]) -> list[Problem]:
        """(file, message) for each reference that names no row of its target."""
        problems = []
        for resource, row_number, fk, values in self.references:
            target = (fk["reference"]["resource"], tuple(fk["reference"]["fields"]))
            if values not in self.keys[target]:
                shown = ", ".join(map(str, values))
                problems.append((paths[resource], f"{resource}: foreign-key: row {row_number}: {', '.join(fk['fields'])} = "
                                                  f"'{shown}' names no row of {target[0]}"))
        return problems


def frictionless_problems(descriptor_path: str) -> list[Problem]:
    """Validate the written package with frictionless: (file, message) for each problem.

    Every row of every resource, CSV and Parquet, is checked against its
    Table Schema (types, constraints, primary keys, foreign keys through
    ``ReferencesAsRead``), and every file against its ``hash`` and ``bytes``.
    ``frictionless validate data/datapackage.json`` (run by the tests and by
    ``make validate``) checks the published package with frictionless's own
    foreign-key lookups as well.
    """
    path = Path(descriptor_path)
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    foreign_keys = {r["name"]: r["schema"].get("foreignKeys", []) for r in descriptor["resources"]}
    for resource in descriptor["resources"]:
        resource["schema"] = {k: v for k, v in resource["schema"].items() if k != "foreignKeys"}
    references = ReferencesAsRead(foreign_keys)
    report = Package(descriptor, basepath=str(path.parent)).validate(Checklist(checks=[references]))
    problems = [(str(path), f"{e.type}: {e.message}") for e in report.errors]
    for task in report.tasks:
        problems += [(str(path.parent / (task.place or "")), f"{task.name}: {e.type}: {e.message}") for e in task.errors]
    if not report.valid and not problems:
        problems.append((str(path), "frictionless reports the package invalid"))
    paths = {r["name"]: str(path.parent / r["path"]) for r in descriptor["resources"]}
    return problems + references.unresolved(paths)


def serve_one_validation() -> None:
    """The validation process: load everything a validation uses, then validate the package whose
    descriptor path arrives on stdin and answer in JSON on stdout."""
    answer, sys.stdout = sys.stdout, sys.stderr  # whatever a library prints goes to the log, not into the answer
    load_validation_libraries()
    descriptor_path = sys.stdin.readline().strip()
    if descriptor_path:
        print(json.dumps(frictionless_problems(descriptor_path)), file=answer, flush=True)


def load_validation_libraries() -> None:
    """Import what a validation loads on first use: frictionless's plugins (the Parquet one
    included) and pyarrow's Parquet reader.  Done while the build is still running the rules,
    so that the validation itself starts warm."""
    import pyarrow.dataset  # noqa: F401  (pyarrow.parquet.read_table loads it on first use)
    import pyarrow.parquet  # noqa: F401

    system.methods  # noqa: B018  (finds and loads every plugin)
