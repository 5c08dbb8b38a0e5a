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
key and is validated in full again, foreign keys included.

In the build, the resources are shared between the build's process and a helper
interpreter that starts as soon as the package is written (``SharedValidation``),
so validation runs on the second core while the database is written; each
resource is still validated once, in full, by the stock call.

Answers are plain ``(file, message)`` pairs.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
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


def validate_in_turn(
    path: Path, package: Package, order: list[Resource], cache: ValidationCache, keys: dict, shares: Shares | None
) -> tuple[list[Problem], list[str]]:
    """``resource.validate()`` on each resource of ``order`` not proven before (and, when ``shares`` is
    given, not claimed by the other process): (problems, keys of the resources found valid)."""
    problems, valid = [], []
    for resource in order:
        key = keys.get(resource.name)
        if key and cache.has(key):
            continue
        if shares is not None and not shares.claim(resource.name):
            continue
        found = validate_resource(resource, path)
        problems += found
        if key and not found:
            valid.append(key)
    return problems, valid


def opened(path: Path) -> tuple[Package, list[Problem]]:
    """The package, and the problems of its descriptor (``Package.validate``'s first step; it stops there)."""
    package = Package(str(path))
    try:
        package.to_descriptor(validate=True)
    except FrictionlessException as exception:
        return package, [(str(path), f"{e.type}: {e.message}") for e in exception.to_errors()]
    return package, []


def frictionless_problems(descriptor_path: str | Path, cache_folder: Path | None = None) -> list[Problem]:
    """Validate the package as ``frictionless validate`` does: (file, message) for each problem.

    With ``cache_folder``, a resource proven valid before under the same key is not validated again
    (see ``ValidationCache``); every other resource is, in full."""
    path = Path(descriptor_path)
    package, problems = opened(path)
    if problems:
        return problems
    cache = ValidationCache(cache_folder)
    keys = resource_keys(package) if cache.folder else {}
    problems, valid = validate_in_turn(path, package, package.resources, cache, keys, None)
    cache.keep(valid, set(keys.values()))
    return problems


class Shares:
    """Resources shared out between two processes validating one package: each resource is validated
    by the process that claims it first (an exclusive file create, atomic on every filesystem)."""

    def __init__(self, folder: Path):
        self.folder = folder

    def claim(self, name: str) -> bool:
        try:
            os.close(os.open(self.folder / name, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return False
        return True


HELPER_MIN_BYTES = 4_000_000
"""Below this many bytes of CSV, one process validates everything: a helper's start (an interpreter
and frictionless, about 1.5 CPU s) would cost more than it gives back."""


def by_size(package: Package) -> list[Resource]:
    """The resources, largest file first (the bytes the descriptor declares; a proxy for rows)."""
    return sorted(package.resources, key=lambda r: (-(r.bytes or 0), r.name))


class SharedValidation:
    """``frictionless_problems`` shared with a helper process, so validation overlaps the build's other work.

    Started as soon as the package is written: a helper (a fresh interpreter running this module, which
    imports frictionless and nothing of the build) validates resources from the largest down, while
    the build writes the database and checks the Parquet files; then ``problems`` validates, in this
    process, what the helper has not yet claimed, from the smallest up, and gathers the helper's answer.
    Each resource is validated once, by one of the two, with the same stock call; only this process
    writes the cache.  A fresh interpreter, not a fork: a forked child would copy the build's pages as
    it touched them (a forked pool raised the 10,000-article peak from 1.1 to 1.6 GiB)."""

    def __init__(self, descriptor_path: str | Path, cache_folder: Path | None = None, helper: bool | None = None):
        self.path = Path(descriptor_path)
        self.cache_folder = cache_folder
        self.folder = Path(tempfile.mkdtemp(prefix="validation-shares-"))
        self.helper = None
        self.errors = None
        if helper is None:
            helper = sum(p.stat().st_size for p in (self.path.parent / "csv").glob("*.csv")) >= HELPER_MIN_BYTES
        if helper:
            command = [sys.executable, "-m", "extract.package_check", "--helper", str(self.folder)]
            command += ["--cache", str(cache_folder)] if cache_folder else []
            self.errors = tempfile.TemporaryFile()  # a file, not a pipe: nothing the helper says can block it
            self.helper = subprocess.Popen(
                [*command, str(self.path)], cwd=CODE.parent.parent, stdout=subprocess.PIPE, stderr=self.errors
            )

    def problems(self) -> list[Problem]:
        """Every problem stock frictionless finds in the package, this process's share and the helper's."""
        package, problems = opened(self.path)
        if problems:
            return problems
        cache = ValidationCache(self.cache_folder)
        keys = resource_keys(package) if cache.folder else {}
        order = list(reversed(by_size(package))) if self.helper else package.resources
        problems, valid = validate_in_turn(self.path, package, order, cache, keys, Shares(self.folder))
        if self.helper is not None:
            out, _ = self.helper.communicate()
            if self.helper.returncode != 0:
                self.errors.seek(0)
                said = self.errors.read().decode(errors="replace")[-2000:]
                raise RuntimeError(f"the validation helper failed (exit {self.helper.returncode}):\n{said}")
            answer = json.loads(out)
            problems += [tuple(p) for p in answer["problems"]]
            valid += answer["valid"]
            self.helper = None
        cache.keep(valid, set(keys.values()))
        return problems

    def close(self) -> None:
        if self.helper is not None:
            self.helper.kill()
            self.helper.wait()
            self.helper = None
        if self.errors is not None:
            self.errors.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> SharedValidation:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def helper_main(shares: Path, cache_folder: Path | None, descriptor_path: Path) -> int:
    """The helper's side of ``SharedValidation``: the largest resources first; JSON on stdout."""
    package, problems = opened(descriptor_path)
    valid: list[str] = []
    if not problems:  # a bad descriptor: the build's own process reports it
        cache = ValidationCache(cache_folder)
        keys = resource_keys(package) if cache.folder else {}
        problems, valid = validate_in_turn(descriptor_path, package, by_size(package), cache, keys, Shares(shares))
    json.dump({"problems": problems, "valid": valid}, sys.stdout)
    return 0


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
    if args[:1] == ["--helper"]:  # SharedValidation's helper: --helper SHARES [--cache FOLDER] DESCRIPTOR
        cache = Path(args[3]) if args[2:3] == ["--cache"] else None
        return helper_main(Path(args[1]), cache, Path(args[-1]))
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
