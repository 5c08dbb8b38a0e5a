"""The frictionless half of the validate stage: the written package, checked as a user checks it.

``frictionless_problems`` is stock ``frictionless validate``: every CSV
resource row by row (types, constraints, primary keys, foreign keys) and every
file, CSV and Parquet, against its ``hash`` and ``bytes``.  Stock frictionless
cannot read Parquet rows faithfully (it needs pandas, which turns nulls into
NaN and lists into arrays), so the Parquet resources are described as files;
``parquet_problems`` proves that each Parquet file holds exactly the rows of
its CSV twin, typed.  Run both on a published package with::

    python -m extract.package_check data/datapackage.json

Inside the build two things make it cheaper without making it smaller:

- **Each resource on its own core.**  ``Package.validate`` is the package's
  metadata check followed by ``resource.validate()`` for each resource in turn
  (frictionless 5; its own ``parallel`` mode refuses foreign keys); here the
  same calls run in a pool of forked processes, largest file first, each
  worker opening the same package so its foreign-key lookups read the same
  files.
- **A resource already proven is not proven again** (``ValidationCache``).
  What ``resource.validate()`` answers depends only on the resource's
  descriptor (schema, path, declared hash and bytes), on the bytes of its file,
  on the descriptors and bytes of the resources its foreign keys reference
  (frictionless reads those to look the keys up), and on frictionless itself.
  All of that is hashed into the resource's key, the actual bytes hashed afresh
  from the files, not taken from the descriptor; only a resource that
  frictionless found without a single problem is remembered under its key.
  A resource whose file, schema or referenced files changed by one byte has
  another key and is validated in full again, foreign keys included.

Answers are plain ``(file, message)`` pairs.
"""

from __future__ import annotations

import gc
import hashlib
import json
import multiprocessing
import shutil
import sys
from decimal import Decimal
from pathlib import Path

import frictionless
from frictionless import Checklist, FrictionlessException, Package, Resource, Schema

Problem = tuple[str, str]

CODE = Path(__file__).resolve()


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class ValidationCache:
    """Keys of resources stock frictionless validated without a problem, in ``.cache/validation/<version>/``.

    ``version`` names the frictionless release and hashes this file, so a new
    frictionless or a change to how the build calls it forgets every entry.  A
    missing or unreadable entry is a miss, which only costs a validation."""

    def __init__(self, folder: Path | None):
        code = hashlib.sha256(CODE.read_bytes()).hexdigest()[:12]
        self.folder = folder / f"frictionless-{frictionless.__version__}-{code}" if folder else None

    def has(self, key: str) -> bool:
        return self.folder is not None and (self.folder / key).is_file()

    def keep(self, valid: list[str], used: set[str]) -> None:
        """Remember the ``valid`` keys; forget every other entry this build did not use, and other versions."""
        if self.folder is None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for key in valid:
                (self.folder / key).write_bytes(b"")
            for entry in self.folder.iterdir():
                if entry.name not in used:
                    entry.unlink(missing_ok=True)
            for other in self.folder.parent.iterdir():
                if other != self.folder and other.is_dir():
                    shutil.rmtree(other, ignore_errors=True)
        except OSError:
            pass  # a cache that cannot be written only costs time next build


def resource_keys(package: Package) -> dict[str, str]:
    """name -> a hash of everything ``resource.validate()`` reads: descriptor and bytes of it and of its references."""
    facts = {}
    for resource in package.resources:
        descriptor = json.dumps(resource.to_descriptor(), sort_keys=True, ensure_ascii=False)
        facts[resource.name] = descriptor + "\x00" + file_sha256(Path(resource.normpath))
    keys = {}
    for resource in package.resources:
        references = sorted(
            {
                fk["reference"]["resource"] or resource.name
                for fk in (resource.schema.foreign_keys if resource.schema else [])
            }
        )
        digest = hashlib.sha256(facts[resource.name].encode())
        for name in references:
            digest.update(f"\x01{name}\x00{facts.get(name, 'absent')}".encode())
        keys[resource.name] = digest.hexdigest()
    return keys


def report_problems(path: Path, report) -> list[Problem]:
    problems = [(str(path), f"{e.type}: {e.message}") for e in report.errors]
    for task in report.tasks:
        problems += [
            (str(path.parent / (task.place or "")), f"{task.name}: {e.type}: {e.message}") for e in task.errors
        ]
    if not report.valid and not problems:
        problems.append((str(path), "frictionless reports the package invalid"))
    return problems


_PACKAGE: tuple[str, Package] | None = None


def validate_resource(path: str, name: str) -> tuple[str, list[Problem]]:
    """``resource.validate()`` exactly as ``Package.validate`` calls it, on the package at ``path``."""
    global _PACKAGE
    if _PACKAGE is None or _PACKAGE[0] != path:
        _PACKAGE = (path, Package(path))
    report = _PACKAGE[1].get_resource(name).validate(checklist=Checklist())
    return name, report_problems(Path(path), report)


class Validation:
    """Stock frictionless over a written package, started now (in worker processes) and answered by ``problems()``.

    Meanwhile the caller may do other work (the build writes the database)."""

    def __init__(self, descriptor_path: str | Path, cache_folder: Path | None = None, workers: int = 1):
        self.path = Path(descriptor_path)
        self.cache = ValidationCache(cache_folder)
        self.pool = None
        self.pending: list = []
        self.done: dict[str, list[Problem]] = {}
        package = Package(str(self.path))
        try:
            package.to_descriptor(validate=True)  # Package.validate's first step; it stops there on a bad descriptor
        except FrictionlessException as exception:
            self.early = [(str(self.path), f"{e.type}: {e.message}") for e in exception.to_errors()]
            return
        self.early = []
        self.names = [r.name for r in package.resources]
        self.keys = resource_keys(package)
        todo = [r for r in package.resources if not self.cache.has(self.keys[r.name])]
        todo.sort(key=lambda r: -(r.bytes or 0))  # largest first: the pool ends together
        if workers > 1 and len(todo) > 1:
            gc.freeze()  # the forked workers never walk the parent's objects, so never copy their pages
            try:
                self.pool = multiprocessing.get_context("fork").Pool(min(workers, len(todo)))
            finally:
                gc.unfreeze()
            self.pending = [self.pool.apply_async(validate_resource, (str(self.path), r.name)) for r in todo]
        else:
            self.done = dict(validate_resource(str(self.path), r.name) for r in todo)

    def close(self) -> None:
        """Stop the workers without waiting for their answers (the build failed for another reason)."""
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None

    def problems(self) -> list[Problem]:
        """Every problem, in the package's resource order (waits for the workers)."""
        if self.early:
            return self.early
        try:
            self.done.update(job.get() for job in self.pending)
        finally:
            if self.pool is not None:
                self.pool.close()
                self.pool.join()
                self.pool = None
        valid = [self.keys[name] for name, found in self.done.items() if not found]
        self.cache.keep(valid, set(self.keys.values()))
        return [problem for name in self.names for problem in self.done.get(name, [])]


def frictionless_problems(
    descriptor_path: str | Path, cache_folder: Path | None = None, workers: int = 1
) -> list[Problem]:
    """Validate the package as ``frictionless validate`` does: (file, message) for each problem.

    With ``cache_folder``, resources proven valid before with the same key are skipped (see ``ValidationCache``);
    with ``workers`` > 1, the resources are validated in that many processes."""
    return Validation(descriptor_path, cache_folder, workers).problems()


def csv_rows(path: Path, schema: dict) -> list[dict]:
    """Rows of a CSV file as frictionless types them (its `number` cells, Decimals, as floats)."""
    schema = {k: v for k, v in schema.items() if k != "foreignKeys"}  # references are frictionless_problems' job
    with Resource(str(path), schema=Schema.from_descriptor(schema)) as resource:
        return [
            {k: float(v) if isinstance(v, Decimal) else v for k, v in row.to_dict().items()}
            for row in resource.row_stream
        ]


def parquet_problems(descriptor_path: str | Path) -> list[Problem]:
    """(file, message) for each Parquet resource whose rows differ from its CSV twin's."""
    import pyarrow.parquet as pq

    path = Path(descriptor_path)
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    tables = {r["name"]: r for r in descriptor["resources"] if r.get("format") == "csv"}
    problems = []
    for resource in descriptor["resources"]:
        if resource.get("format") != "parquet":
            continue
        file = path.parent / resource["path"]
        twin = tables.get(resource["name"].removesuffix("-parquet"))
        if twin is None:
            problems.append((str(file), f"{resource['name']}: no CSV resource describes the same table"))
            continue
        expected = csv_rows(path.parent / twin["path"], twin["schema"])
        found = pq.read_table(file).to_pylist()
        if len(found) != len(expected):
            problems.append((str(file), f"{resource['name']}: {len(found)} rows, {twin['path']} has {len(expected)}"))
            continue
        for number, (row, twin_row) in enumerate(zip(found, expected, strict=False), start=2):
            if row != twin_row:
                columns = ", ".join(k for k in twin_row if row.get(k) != twin_row[k]) or ", ".join(
                    sorted(set(row) ^ set(twin_row))
                )
                problems.append(
                    (
                        str(file),
                        f"{resource['name']}: row {number - 1} differs from {twin['path']} row {number} in {columns}",
                    )
                )
                break
    return problems


def main(argv: list[str] | None = None) -> int:
    """Validate a published package (stock frictionless, then Parquet against CSV); exit 1 on any problem."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python -m extract.package_check DATAPACKAGE_JSON", file=sys.stderr)
        return 2
    problems = frictionless_problems(args[0]) + parquet_problems(args[0])
    for file, message in problems:
        print(f"{file}: {message}")
    print(
        f"{len(problems)} problem(s)"
        if problems
        else "valid: every CSV row, every file's hash and bytes, and every Parquet row equal to its CSV row"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
