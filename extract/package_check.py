"""The frictionless half of the validate stage: the written package, checked as a user checks it.

``frictionless_problems`` is stock ``frictionless validate``: every CSV
resource row by row (types, constraints, primary keys, foreign keys) and every
file, CSV and Parquet, against its ``hash`` and ``bytes``.  Stock frictionless
cannot read Parquet rows faithfully (it needs pandas, which turns nulls into
NaN and lists into arrays), so the Parquet resources are described as files;
``parquet_problems`` proves that each Parquet file holds exactly the rows of
its CSV twin, typed.  Run both on a published package with::

    python -m extract.package_check data/datapackage.json

Inside the build, **a resource already proven is not proven again**
(``ValidationCache``).  What ``resource.validate()`` answers depends only on the
resource's descriptor (schema, path, declared hash and bytes), on the bytes of
its file, on the descriptors and bytes of the resources its foreign keys
reference (frictionless reads those to look the keys up), and on frictionless
itself.  All of that is hashed into the resource's key, the actual bytes hashed
afresh from the files, not taken from the descriptor; only a resource that
frictionless found without a single problem is remembered under its key.  A
resource whose file, schema or referenced files changed by one byte has another
key and is validated in full again, foreign keys included.  The resources are
validated one after the other, in this process, as ``Package.validate`` does:
a pool of forked workers, overlapped with the database writing, raised the
peak memory at 10,000 articles from about 1.1 to 1.6 GiB (over the 1.5 GiB
target) and gave no wall time back on the shared 2-core machine.

Answers are plain ``(file, message)`` pairs.
"""

from __future__ import annotations

import hashlib
import json
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


def validate_resource(resource: Resource, path: Path) -> list[Problem]:
    """``resource.validate()`` exactly as ``Package.validate`` calls it: every row, foreign keys included."""
    return report_problems(path, resource.validate(checklist=Checklist()))


def frictionless_problems(descriptor_path: str | Path, cache_folder: Path | None = None) -> list[Problem]:
    """Validate the package as ``frictionless validate`` does: (file, message) for each problem.

    With ``cache_folder``, a resource proven valid before under the same key is not validated again
    (see ``ValidationCache``); every other resource is, in full."""
    path = Path(descriptor_path)
    package = Package(str(path))
    try:
        package.to_descriptor(validate=True)  # Package.validate's first step; it stops there on a bad descriptor
    except FrictionlessException as exception:
        return [(str(path), f"{e.type}: {e.message}") for e in exception.to_errors()]
    cache = ValidationCache(cache_folder)
    keys = resource_keys(package) if cache.folder else {}
    problems, valid = [], []
    for resource in package.resources:
        key = keys.get(resource.name)
        if key and cache.has(key):
            continue
        found = validate_resource(resource, path)
        problems += found
        if key and not found:
            valid.append(key)
    cache.keep(valid, set(keys.values()))
    return problems


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
