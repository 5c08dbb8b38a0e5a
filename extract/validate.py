"""Stage 4, validate: the promises every published row must keep.

Before anything is written: each row's offsets give back its text, ids are
unique, and every foreign key resolves.  After the package is written to a
temporary folder: frictionless validates it (CSV and Parquet, foreign keys
included; see ``package_check``), in a second process that loaded frictionless
while this one ran the rules.  Only a dataset that passes both is published.
"""

from __future__ import annotations

import json
import select
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import BuildFailed, DuplicateIdError, ErrorCollector, Location, OffsetError, PackageError, UnknownReferenceError
from .models import TABLES, Spanned

if TYPE_CHECKING:
    from .resolve import Dataset

PROJECT_CODE = Path(__file__).resolve().parents[1]  # the folder holding the extract package


def check_offsets(dataset: Dataset, errors: ErrorCollector) -> None:
    texts = {s.source_id: s.text for s in dataset.rows("sources")}
    for table, rows in dataset.tables.items():
        for row in rows:
            if not isinstance(row, Spanned):
                continue
            cited = getattr(row, row.span_field)
            found = texts.get(row.source_id, "")[row.char_start:row.char_end]
            if found != cited:
                errors.add(OffsetError(f"{table} row {row.model_dump()[TABLES[table].primary_key[0]]}: "
                                       f"text[{row.char_start}:{row.char_end}] is {found!r}, not {cited!r}",
                                       Location.of(row.provenance.rsplit(':', 1)[0], None, row.span_field)))


def check_keys(dataset: Dataset, errors: ErrorCollector) -> None:
    keys: dict[str, set] = {}
    for table, rows in dataset.tables.items():
        model = TABLES[table]
        seen: set = set()
        for row in rows:
            key = tuple(getattr(row, c) for c in model.primary_key)
            if key in seen:
                errors.add(DuplicateIdError(f"{table} has the key {key} more than once", Location.of(getattr(row, "provenance", table))))
            seen.add(key)
        keys[table] = {k[0] for k in seen}
    for table, rows in dataset.tables.items():
        for column, (target, _) in TABLES[table].foreign_keys().items():
            for row in rows:
                value = getattr(row, column)
                if value is not None and value not in keys.get(target, set()):
                    errors.add(UnknownReferenceError(f"{table}.{column} = '{value}' names no row of {target}",
                                                     Location.of(getattr(row, "provenance", table), None, column)))


def check_dataset(dataset: Dataset) -> None:
    """Offsets, unique keys, foreign keys; BuildFailed with every problem."""
    errors = ErrorCollector()
    check_offsets(dataset, errors)
    check_keys(dataset, errors)
    errors.raise_if_any()


VALIDATION_PROCESS = ("import sys; sys.path.insert(0, sys.argv[1]); "
                      "from extract.package_check import serve_one_validation; serve_one_validation()")


class PackageValidation:
    """frictionless validation of the staged package, in a second process when that saves time.

    A build spends about as long importing frictionless (0.3 s) as validating
    with it, and neither needs spaCy or the rules.  So on entry the build starts
    a Python process that imports frictionless while this one loads spaCy and
    runs the rules; once the package is written it is validated there while
    this process writes the SQLite database.  A plain subprocess, not
    multiprocessing: it re-imports no caller's ``__main__`` and pickles nothing.
    When frictionless is already loaded here (a test session, a second build in
    one process) there is nothing to overlap and the package is validated
    in-process.  Either way ``frictionless_problems`` decides, and nothing is
    published before it has.
    """

    def __init__(self, in_background: bool | None = None, timeout: float = 600) -> None:
        self.in_background = "frictionless" not in sys.modules if in_background is None else in_background
        self.timeout = timeout  # a build never waits for ever: a validation process that hangs is a build error
        self.process: subprocess.Popen | None = None
        self.log = None
        self.problems: list[tuple[str, str]] | None = None

    def __enter__(self) -> "PackageValidation":
        if self.in_background:
            self.log = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # a file, not a pipe: it never fills up
            self.process = subprocess.Popen([sys.executable, "-c", VALIDATION_PROCESS, str(PROJECT_CODE)],
                                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.log,
                                            text=True, encoding="utf-8")
        return self

    def __exit__(self, *exc_info) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.communicate()
            self.log.close()

    def start(self, descriptor_path: Path) -> None:
        """Begin validating the package; ``result`` waits for the answer."""
        if self.process is None:
            from .package_check import frictionless_problems

            self.problems = frictionless_problems(str(descriptor_path))
            return
        try:
            self.process.stdin.write(f"{descriptor_path}\n")
            self.process.stdin.flush()
        except OSError:
            pass  # the process has died; result() says why

    def result(self, descriptor_path: Path) -> list[tuple[str, str]]:
        """(file, message) of every problem in the package, once it has been validated."""
        if self.process is None:
            if self.problems is None:
                self.start(descriptor_path)
            return self.problems
        ready, _, _ = select.select([self.process.stdout], [], [], self.timeout)
        if not ready:
            self.process.kill()
            return [(str(descriptor_path), f"frictionless did not finish validating the package within {self.timeout:g} s")]
        answer = self.process.stdout.readline()
        try:
            return [tuple(problem) for problem in json.loads(answer)]
        except json.JSONDecodeError:
            self.process.wait()
            self.log.seek(0)
            last = self.log.read().strip().splitlines()[-1:] or [f"it stopped with exit code {self.process.returncode}"]
            return [(str(descriptor_path), f"frictionless could not validate the package: {last[0]}")]


def check_package(descriptor_path: Path, validation: PackageValidation | None = None) -> None:
    """Validate the written package with frictionless; BuildFailed listing each problem.

    With ``validation`` (started on this package), wait for its answer;
    without, validate here and now."""
    problems = (validation or PackageValidation(in_background=False)).result(descriptor_path)
    if problems:
        raise BuildFailed([PackageError(message, Location.of(file)) for file, message in problems])
