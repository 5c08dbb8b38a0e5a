"""The README's R snippet, run with R: every committed CSV read with its ``read_table``, each column's class
and every value compared with the rows the models hold.

The snippet is taken from the README text, so what users are shown is what runs.  In CI (``CI`` set)
R is required and a missing ``Rscript`` fails the test (``.ci/run`` installs Debian's r-base-core,
r-cran-readr and r-cran-jsonlite); elsewhere it skips.  The Parquet snippet (``arrow``) is not run: the
package is not in Debian and CRAN is unreachable from CI.
"""

import datetime as dt
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from conftest import ROOT
from test_package_types import expected, kinds, readme_snippets  # noqa: F401 - expected is a fixture

from extract.models import MODELS

R_CLASS = {str: "character", int: "integer", float: "numeric", dt.date: "Date", list: "character", bool: "logical"}

REPORT = r"""
# After the README's snippet: each table named on the command line, read with its read_table, as JSON.
report <- lapply(setNames(nm = commandArgs(trailingOnly = TRUE)), function(name) {
  frame <- read_table(name)
  list(classes = lapply(frame, function(x) class(x)[[1]]), problems = nrow(readr::problems(frame)),
       rows = frame)
})
cat(jsonlite::toJSON(report, dataframe = "rows", na = "null", digits = NA, Date = "ISO8601",
                     auto_unbox = TRUE))
"""


def rscript() -> str:
    found = shutil.which("Rscript")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("Rscript is required in CI and is missing (.ci/run installs r-base-core)", pytrace=False)
    pytest.skip("no Rscript: install Debian's r-base-core, r-cran-readr and r-cran-jsonlite to run the R check")


def readr_snippet() -> str:
    [snippet] = [s for s in readme_snippets("r") if "readr::read_csv" in s]
    return snippet


def run_readme_snippet(checkout, tables: list[str]) -> dict:
    """Run the README's snippet in ``checkout`` (a folder holding ``data/``), then report ``tables``."""
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "readme.R"
        script.write_text(readr_snippet() + REPORT, encoding="utf-8")
        command = [rscript(), str(script), *tables]
        done = subprocess.run(command, cwd=checkout, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout[done.stdout.index('{"') :])  # after what the snippet itself prints


@pytest.fixture(scope="module")
def r_report():
    return run_readme_snippet(ROOT, [m.table for m in MODELS])


def as_model_value(kind: type, value):
    """A cell of R's JSON as the model holds it: dates parsed, JSON-array text decoded."""
    if value is None:
        return None
    if kind is dt.date:
        return dt.date.fromisoformat(value)
    if kind is list:
        return json.loads(value)
    return value


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.table)
def test_r_reads_each_csv_file_with_the_readmes_snippet_and_the_models_types(model, r_report, expected):  # noqa: F811
    table = r_report[model.table]
    assert table["problems"] == 0
    assert table["classes"] == {name: R_CLASS[kind] for name, (kind, _) in kinds(model).items()}
    fields = kinds(model)
    rows = [{name: as_model_value(fields[name][0], row.get(name)) for name in fields} for row in table["rows"]]
    assert rows == expected[model.table]
    assert rows, "every table has rows"


def test_the_snippet_keeps_na_as_a_value_and_reads_an_empty_cell_as_missing(tmp_path):
    """Namibia's country code is "NA": with readr's default ``na`` it would become a missing value."""
    shutil.copytree(ROOT / "data" / "csv", tmp_path / "data" / "csv")
    shutil.copy(ROOT / "data" / "datapackage.json", tmp_path / "data")
    with (tmp_path / "data" / "csv" / "vocabularies.csv").open("a", encoding="utf-8") as csv:
        csv.write("country,NA,\n")  # a row written here: the value "NA", an empty description
    rows = run_readme_snippet(tmp_path, ["vocabularies"])["vocabularies"]["rows"]
    assert rows[-1] == {"vocabulary": "country", "value": "NA", "description": None}
