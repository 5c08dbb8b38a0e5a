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

A resource whose key changed may still be proven from the rows that changed (``RowValidation``): stock
frictionless on only the records not seen in a file it found valid under the same descriptor, and the checks that
span rows (primary and foreign keys) over every row, on frictionless's own typed values.  It proves a resource only
when stock validation would find it valid, and anything it cannot prove goes to stock validation in full.

In the build, the resources are shared between the build's process and a helper
interpreter that starts as soon as the package is written (``SharedValidation``),
so validation runs on the second core while the database is written; each
resource is still validated once, in full, by the stock call.

Answers are plain ``(file, message)`` pairs.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from decimal import Decimal
from itertools import islice
from pathlib import Path

import frictionless
from frictionless import Checklist, FrictionlessException, Package, Resource, Schema

from .helper_process import HelperProcess
from .publish.dialect import CSV_DIALECT

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
                if entry.name not in used and entry.name != "rows":
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
    path: Path,
    package: Package,
    order: list[Resource],
    cache: ValidationCache,
    keys: dict,
    shares: Shares | None,
    rows: RowValidation | None = None,
) -> tuple[list[Problem], list[str], dict[str, list[bytes]]]:
    """``resource.validate()`` on each resource of ``order`` not proven before (and, when ``shares`` is
    given, not claimed by the other process), unless ``rows`` proves it from the rows that changed
    (``RowValidation``): (problems, keys of the resources found valid, record digests of those ``rows`` proved)."""
    problems, valid, proven = [], [], {}
    for resource in order:
        key = keys.get(resource.name)
        if key and cache.has(key):
            continue
        if shares is not None and not shares.claim(resource.name):
            continue
        if rows is not None:
            try:
                proven[resource.name] = rows.prove(resource)
            except Exception:  # noqa: BLE001 - Unprovable, or anything unforeseen: stock frictionless decides
                pass
            else:
                if key:
                    valid.append(key)
                continue
        found = validate_resource(resource, path)
        problems += found
        if key and not found:
            valid.append(key)
    return problems, valid, proven


def row_validation(path: Path, package: Package, cache: ValidationCache) -> RowValidation | None:
    """The row-by-row proof for a package whose descriptor frictionless accepted, or None (no cache, or a
    descriptor it cannot read: then stock frictionless validates every resource)."""
    if cache.folder is None:
        return None
    try:
        return RowValidation(path, package, RowProofs(cache))
    except Exception:  # noqa: BLE001 - whatever it cannot read, stock frictionless reads
        return None


def remember(
    path: Path,
    cache: ValidationCache,
    keys: dict,
    valid: list[str],
    proven: dict[str, list[bytes]],
    raw: dict[str, dict] | None = None,
) -> None:
    """Remember the resources found valid (``ValidationCache``) and the records of each CSV file now known valid
    (``RowProofs``): those ``RowValidation`` proved, and those of files stock frictionless found valid.  ``raw``:
    the descriptor's resources by name, as ``RowValidation`` read them (else read here)."""
    cache.keep(valid, set(keys.values()))
    proofs = RowProofs(cache)
    if proofs.folder is None:
        return
    if raw is None:
        raw = {r["name"]: r for r in json.loads(path.read_text(encoding="utf-8"))["resources"]}
    good = set(valid) | {k for k in keys.values() if cache.has(k)}
    current = {n: d for n, d in raw.items() if fast_shape(d) and keys.get(n) in good}
    fresh = {n: (current[n], digests) for n, digests in proven.items() if n in current}
    for name, descriptor in current.items():
        if name not in fresh and proofs.get(name, descriptor) is None:
            try:
                fresh[name] = (descriptor, CsvScan(path.parent / descriptor["path"], descriptor, set(), None).digests)
            except (Unprovable, OSError):
                pass
    proofs.keep(fresh, {n: d for n, d in current.items() if n in fresh or proofs.get(n, d) is not None})


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
    rows = row_validation(path, package, cache)
    problems, valid, proven = validate_in_turn(path, package, package.resources, cache, keys, None, rows)
    remember(path, cache, keys, valid, proven, rows.raw if rows else None)
    return problems


def warm_up() -> None:
    """What the validation's first calls load, done ahead (the build does it while it would wait for its early rule
    worker, ``rules.batch.while_waiting``): this module and frictionless (about 0.13 CPU s), the JSON Schema
    profiles frictionless checks a package's metadata with (0.15 s), and what its first ``resource.validate()``
    sets up (0.08 s; each measured in a fresh process), on a one-row package of the published shape in a
    temporary folder.  Nothing of the build's
    package is read; it only makes the first real calls cheaper."""
    descriptor = {
        "name": "warm-up",
        "type": "table",
        "path": "warm.csv",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": dict(CSV_DIALECT),
        "schema": {
            "fields": [{"name": "id", "type": "string"}, {"name": "n", "type": "integer"}],
            "primaryKey": ["id"],
        },
    }
    with tempfile.TemporaryDirectory(prefix="validation-warm-up-") as folder:
        (Path(folder) / "warm.csv").write_bytes(b"id,n\na,1\n")
        package = Package({"name": "warm-up", "resources": [descriptor]}, basepath=folder)
        package.to_descriptor(validate=True)
        package.resources[0].validate(checklist=Checklist())


# Validating only the rows that changed ------------------------------------------------------------------------------

INERT_KEYS = ("hash", "bytes", "title", "description", "licenses")
"""Descriptor keys no row's validity depends on (the hash and bytes are checked against the file separately)."""
FAST_KEYS = {"name", "type", "path", "format", "mediatype", "encoding", "schema", "dialect", *INERT_KEYS}
"""A resource with any other key (``rows``, ``fields``, a compression, a scheme...) is validated in full."""
BOM = b"\xef\xbb\xbf"


def proof_key(descriptor: dict) -> str:
    """A hash of everything in a resource's descriptor a row's validity can depend on."""
    kept = {k: v for k, v in descriptor.items() if k not in INERT_KEYS}
    return hashlib.sha256(json.dumps(kept, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:32]


class Unprovable(Exception):
    """Anything the row-by-row proof does not handle: the resource is validated in full by stock frictionless."""


def key_fields(fields: str | list[str]) -> tuple[str, ...]:
    """A key's fields as a tuple: Table Schema writes a one-field key as a string, a composite one as a list."""
    return (fields,) if isinstance(fields, str) else tuple(fields)


def fast_shape(descriptor: dict) -> bool:
    """Whether a resource is one the row-by-row proof handles: a UTF-8 CSV table with the declared dialect."""
    return (
        set(descriptor) <= FAST_KEYS
        and descriptor.get("type") == "table"
        and descriptor.get("format") == "csv"
        and descriptor.get("encoding") == "utf-8"
        and descriptor.get("dialect") == CSV_DIALECT
        and isinstance(descriptor.get("path"), str)
        and isinstance(descriptor.get("schema"), dict)
    )


def csv_records(data: bytes) -> Iterator[tuple[str, list[str]]]:
    """(raw text, cells) of each CSV record of ``data``, read as frictionless reads it: the UTF-8 text split into
    lines with ``newline=""`` (as its text stream does), then Python's csv reader with the declared dialect.  The
    reader counts the lines it took (``line_num``) and stops at the end of a record, so the lines it took since
    the last record are exactly this record's text.  Unprovable on a byte-order mark, undecodable bytes or a
    reader error."""
    if data.startswith(BOM):
        raise Unprovable("a byte-order mark")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise Unprovable(str(exc)) from None
    config = csv.excel()  # what frictionless's CsvControl.to_python makes of CSV_DIALECT
    config.delimiter, config.quotechar, config.skipinitialspace = ",", '"', False
    config.doublequote, config.escapechar, config.quoting = True, None, csv.QUOTE_MINIMAL
    reader = csv.reader(io.StringIO(text, newline=""), dialect=config)
    again = io.StringIO(text, newline="")  # the same lines, joined back into each record's text
    taken = 0
    try:
        for cells in reader:
            lines, taken = reader.line_num - taken, reader.line_num
            yield "".join(islice(again, lines)), cells
    except csv.Error as exc:
        raise Unprovable(str(exc)) from None


def memoized(reader):
    """A frictionless cell reader remembering its answer per cell text (it is a function of the text alone; the
    key columns repeat their values across rows)."""
    answers: dict = {}

    def read(cell: str):
        found = answers.get(cell)
        if found is None:
            found = answers[cell] = reader(cell)
        return found

    return read


class CsvScan:
    """One CSV file read once: each record's digest, the text of records not proven before, and the typed
    values (by frictionless's own cell readers) of the column groups asked for."""

    def __init__(self, path: Path, descriptor: dict, groups: set[tuple[str, ...]], proven: set[bytes] | None):
        if not fast_shape(descriptor):
            raise Unprovable("not a CSV table of the declared shape")
        data = path.read_bytes()
        if descriptor.get("hash") != "sha256:" + hashlib.sha256(data).hexdigest() or descriptor.get("bytes") != len(
            data
        ):
            raise Unprovable("hash or bytes differ")  # stock frictionless reports it
        schema = Schema.from_descriptor(descriptor["schema"])
        names = schema.field_names
        readers = {n: memoized(schema.get_field(n).create_cell_reader()) for g in groups for n in g}
        records = csv_records(data)
        try:
            self.header, header_cells = next(records)
        except StopIteration:
            raise Unprovable("an empty file") from None
        if header_cells != names or not self.header.endswith("\n"):
            raise Unprovable("the header is not the schema's field names")
        self.digests: list[bytes] = []
        self.new: list[str] = []
        columns: dict[str, list[str]] = {name: [] for name in readers}
        at = [(columns[name], names.index(name)) for name in readers]
        width, digests, new, blake2b = len(names), self.digests, self.new, hashlib.blake2b
        for raw, cells in records:
            if len(cells) != width or raw[-1:] != "\n" or not any(cells):
                raise Unprovable("a blank, short or long record, or one with no line end")
            digest = blake2b(raw.encode("utf-8"), digest_size=16).digest()
            digests.append(digest)
            if proven is None or digest not in proven:
                new.append(raw)
            for column, i in at:
                column.append(cells[i])
        typed = {}
        for name, column in columns.items():
            read = [readers[name](cell) for cell in column]
            if any(notes for _, notes in read):
                raise Unprovable("a key cell that does not read")  # stock frictionless reports the row
            typed[name] = [value for value, _ in read]
        self.values: dict[tuple[str, ...], list[tuple]] = {
            group: list(zip(*(typed[name] for name in group), strict=True)) for group in groups
        }


class RowProofs:
    """For each CSV resource, the digests of the records of the last file stock frictionless (or this proof)
    found valid under the same descriptor: ``<validation cache>/rows/<name>-<proof key>``."""

    def __init__(self, cache: ValidationCache):
        self.folder = cache.folder / "rows" if cache.folder else None

    def path(self, name: str, descriptor: dict) -> Path | None:
        return self.folder / f"{name}-{proof_key(descriptor)}" if self.folder else None

    def get(self, name: str, descriptor: dict) -> set[bytes] | None:
        path = self.path(name, descriptor)
        try:
            data = path.read_bytes() if path else None
        except OSError:
            return None
        if data is None or len(data) % 16:
            return None
        return {data[i : i + 16] for i in range(0, len(data), 16)}

    def keep(self, proofs: dict[str, tuple[dict, list[bytes]]], current: dict[str, dict]) -> None:
        """Write ``proofs`` (name -> (descriptor, digests)); remove every proof not of a ``current`` descriptor."""
        if self.folder is None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for name, (descriptor, digests) in proofs.items():
                path = self.path(name, descriptor)
                tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
                tmp.write_bytes(b"".join(digests))
                os.replace(tmp, path)
            wanted = {self.path(n, d).name for n, d in current.items()}
            for entry in self.folder.iterdir():
                if entry.name not in wanted:
                    entry.unlink(missing_ok=True)
        except OSError:
            pass  # a cache that cannot be written only costs time next build


class RowValidation:
    """Stock frictionless on only the records a CSV file did not hold when it was last found valid, and the checks
    that span rows (primary keys, unique fields, foreign keys) over every row, on frictionless's typed values.

    A resource is **proven** here only when stock ``resource.validate()`` would find it valid:

    - its descriptor (``Package.validate``'s first step, done before) and its own metadata pass frictionless;
    - its file's SHA-256 and size are the declared ``hash`` and ``bytes``; it is UTF-8 without a byte-order
      mark, and its header is the schema's field names;
    - every record either has the exact text (digest) of a record of a file stock frictionless (or this proof)
      found valid under the same descriptor (same schema, dialect, encoding: a record's types and constraints
      depend on nothing else), or is among the records validated now by stock frictionless, in a file of the
      header and those records, with the same descriptor but its foreign keys (checked below);
    - its primary key, read by frictionless's cell readers, is set and unique over all rows; so is each
      ``unique`` field where set;
    - each foreign key's values, when not all empty, are among the referenced resource's typed values.

    Anything else (another dialect, a blank or ragged record, a key cell that does not read, a resource of
    another shape, no proof of an earlier file) raises ``Unprovable``, and the resource is validated in full by
    stock frictionless, which then reports what is wrong: this path never reports a problem of its own."""

    def __init__(self, path: Path, package: Package, proofs: RowProofs):
        self.path = path
        self.package = package
        self.proofs = proofs
        self.raw = {r["name"]: r for r in json.loads(path.read_text(encoding="utf-8"))["resources"]}
        self.scans: dict[str, CsvScan] = {}
        self.groups: dict[str, set[tuple[str, ...]]] = {name: set() for name in self.raw}
        for name, descriptor in self.raw.items():
            schema = descriptor.get("schema") if isinstance(descriptor.get("schema"), dict) else {}
            pk = schema.get("primaryKey")
            if pk:
                self.groups[name].add(key_fields(pk))
            for field in schema.get("fields", []):
                if isinstance(field, dict) and field.get("constraints", {}).get("unique"):
                    self.groups[name].add((field["name"],))
            for fk in schema.get("foreignKeys", []) or []:
                target = fk["reference"]["resource"] or name
                self.groups[name].add(key_fields(fk["fields"]))
                if target in self.groups:
                    self.groups[target].add(key_fields(fk["reference"]["fields"]))

    def scan(self, name: str) -> CsvScan:
        if name not in self.scans:
            if name not in self.raw:
                raise Unprovable(f"no resource {name}")
            descriptor = self.raw[name]
            self.scans[name] = CsvScan(
                self.path.parent / descriptor["path"], descriptor, self.groups[name], self.proofs.get(name, descriptor)
            )
        return self.scans[name]

    def prove(self, resource: Resource) -> list[bytes]:
        """The digests of the resource's records when it is proven valid; ``Unprovable`` otherwise."""
        descriptor = self.raw.get(resource.name)
        if descriptor is None or self.proofs.get(resource.name, descriptor) is None:
            raise Unprovable("no earlier file of this descriptor was proven")
        try:
            resource.to_descriptor(validate=True)
        except FrictionlessException:
            raise Unprovable("its metadata") from None
        scan = self.scan(resource.name)
        self.validate_new_rows(descriptor, scan)
        schema = descriptor["schema"]
        pk = schema.get("primaryKey")
        if pk:
            keys = scan.values[key_fields(pk)]
            if len(set(keys)) != len(keys) or any(set(k) == {None} for k in keys):
                raise Unprovable("a primary key repeated or empty")
        for field in schema["fields"]:
            if field.get("constraints", {}).get("unique"):
                set_values = [v for v in scan.values[(field["name"],)] if v != (None,)]
                if len(set(set_values)) != len(set_values):
                    raise Unprovable("a unique field repeated")
        for fk in schema.get("foreignKeys", []) or []:
            fields = key_fields(fk["fields"])
            ref = fk["reference"]
            target_fields = key_fields(ref["fields"])
            target = self.scan(ref["resource"] or resource.name)
            lookup = {v for v in target.values[target_fields] if set(v) != {None}}
            if any(set(v) != {None} and v not in lookup for v in scan.values[fields]):
                raise Unprovable("a foreign key names no row")  # stock frictionless reports which
        return scan.digests

    def validate_new_rows(self, descriptor: dict, scan: CsvScan) -> None:
        """Stock frictionless on the header and the records not proven before, with the resource's descriptor but
        its hash, bytes and foreign keys."""
        with tempfile.TemporaryDirectory(prefix="new-rows-") as folder:
            (Path(folder) / "new.csv").write_bytes((scan.header + "".join(scan.new)).encode("utf-8"))
            part = {k: v for k, v in descriptor.items() if k not in ("hash", "bytes")}
            part["path"] = "new.csv"
            part["schema"] = {k: v for k, v in descriptor["schema"].items() if k != "foreignKeys"}
            report = Resource(part, basepath=folder).validate(checklist=Checklist())
            if not report.valid:
                raise Unprovable("a new record is invalid")  # stock frictionless reports it in full


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


def unproven_csv_bytes(descriptor_path: Path, cache_folder: Path | None) -> int:
    """Bytes of the CSV files that ``RowValidation`` cannot prove from an earlier file (stock validates them)."""
    proofs = RowProofs(ValidationCache(cache_folder))
    total = 0
    for resource in json.loads(descriptor_path.read_text(encoding="utf-8"))["resources"]:
        if resource.get("format") == "csv":
            path = proofs.path(resource["name"], resource)
            if path is None or not path.is_file():
                total += int(resource.get("bytes") or 0)
    return total


def by_size(package: Package) -> list[Resource]:
    """The resources, largest file first (the bytes the descriptor declares; a proxy for rows)."""
    return sorted(package.resources, key=lambda r: (-(r.bytes or 0), r.name))


PROVEN_SUFFIX = ".PROVEN"
"""Beside the claims in the shares folder, the helper writes each resource's record digests it proved into
``<name>.PROVEN`` (resource names are lower case, so no claim is named so)."""


class ValidationHelper(HelperProcess):
    """A helper interpreter (this module: frictionless and nothing of the build) started before it has anything to
    do, so its start (an interpreter and frictionless, about 1.5 CPU s) overlaps the build's loading and rules; it
    waits on its standard input until ``go`` names the package, then validates its share (``helper_main``)."""

    def __init__(self) -> None:
        super().__init__("extract.package_check", "--helper-waiting")

    def go(self, shares: Path, cache_folder: Path | None, descriptor_path: Path) -> None:
        super().go(str(shares), str(cache_folder) if cache_folder else None, str(descriptor_path))

    def wait(self) -> int:
        return self.process.wait()

    def answer(self) -> dict:
        """The helper's JSON answer; RuntimeError with what it said when it failed."""
        out = self.process.stdout.read()
        if self.process.wait() != 0:
            raise RuntimeError(f"the validation helper failed (exit {self.process.returncode}):\n{self.said()}")
        return json.loads(out)


class SharedValidation:
    """``frictionless_problems`` shared with a helper process, so validation overlaps the build's other work.

    A helper (``ValidationHelper``: a fresh interpreter running this module, which imports frictionless and
    nothing of the build) validates resources from the largest down, or proves them from the rows that changed
    (``RowValidation``), while the build writes the database and checks the Parquet files; then ``problems``
    validates, in this process, what the helper has not yet claimed, from the smallest up, and gathers the
    helper's answer.  Each resource is validated once, by one of the two, with the same stock call; only this
    process writes the cache.  ``helper``: a ``ValidationHelper`` the build started early, True or False to start
    one now or not, None to start one when there are enough bytes to validate.  A fresh interpreter, not a fork:
    a forked child would copy the build's pages as it touched them (a forked pool raised the 10,000-article peak
    from 1.1 to 1.6 GiB)."""

    def __init__(
        self,
        descriptor_path: str | Path,
        cache_folder: Path | None = None,
        helper: ValidationHelper | bool | None = None,
    ):
        self.path = Path(descriptor_path)
        self.cache_folder = cache_folder
        self.folder = Path(tempfile.mkdtemp(prefix="validation-shares-"))
        if helper is None:
            helper = unproven_csv_bytes(self.path, cache_folder) >= HELPER_MIN_BYTES
        self.helper = ValidationHelper() if helper is True else helper or None
        if self.helper is not None:
            self.helper.go(self.folder, cache_folder, self.path)

    def problems(self) -> list[Problem]:
        """Every problem stock frictionless finds in the package, this process's share and the helper's."""
        package, problems = opened(self.path)
        if problems:
            return problems
        cache = ValidationCache(self.cache_folder)
        keys = resource_keys(package) if cache.folder else {}
        order = list(reversed(by_size(package))) if self.helper else package.resources
        rows = row_validation(self.path, package, cache)
        problems, valid, proven = validate_in_turn(self.path, package, order, cache, keys, Shares(self.folder), rows)
        if self.helper is not None:
            answer = self.helper.answer()
            problems += [tuple(p) for p in answer["problems"]]
            valid += answer["valid"]
            for name in answer["proven"]:
                data = (self.folder / (name + PROVEN_SUFFIX)).read_bytes()
                proven[name] = [data[i : i + 16] for i in range(0, len(data), 16)]
            self.helper.close()
            self.helper = None
        remember(self.path, cache, keys, valid, proven, rows.raw if rows else None)
        return problems

    def close(self) -> None:
        if self.helper is not None:
            self.helper.close()
            self.helper = None
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> SharedValidation:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def helper_main(shares: Path, cache_folder: Path | None, descriptor_path: Path) -> int:
    """The helper's side of ``SharedValidation``: the largest resources first, each proven from its changed rows
    where it can be (``RowValidation``); JSON on stdout, the digests of the records proven beside the claims."""
    package, problems = opened(descriptor_path)
    valid: list[str] = []
    proven: dict[str, list[bytes]] = {}
    if not problems:  # a bad descriptor: the build's own process reports it
        cache = ValidationCache(cache_folder)
        keys = resource_keys(package) if cache.folder else {}
        rows = row_validation(descriptor_path, package, cache)
        order = by_size(package)
        problems, valid, proven = validate_in_turn(descriptor_path, package, order, cache, keys, Shares(shares), rows)
        for name, digests in proven.items():
            (shares / (name + PROVEN_SUFFIX)).write_bytes(b"".join(digests))
    json.dump({"problems": problems, "valid": valid, "proven": sorted(proven)}, sys.stdout)
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
    if args[:1] == ["--helper-waiting"]:  # ValidationHelper: [shares, cache or null, descriptor] on stdin
        line = sys.stdin.readline()
        if not line.strip():
            return 0  # the build stopped before it had a package
        shares, cache, descriptor = json.loads(line)
        return helper_main(Path(shares), Path(cache) if cache else None, Path(descriptor))
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
