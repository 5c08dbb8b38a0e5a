"""Writing Parquet does not import pandas (``package.pyarrow_without_pandas``), and pandas still works after it."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

SCRIPT = """
import sys
import pyarrow as pa
import pyarrow.parquet as pq
from extract.publish.package import pyarrow_without_pandas
pyarrow_without_pandas()
table = pa.Table.from_pylist([{"n": 1, "s": "ñ", "l": ["a", "b"]}, {"n": None, "s": None, "l": []}])
pq.write_table(table, sys.argv[1])
print("pandas loaded" if "pandas" in sys.modules else "no pandas")
import pandas as pd
frame = pq.read_table(sys.argv[1]).to_pandas()
assert isinstance(frame, pd.DataFrame) and list(frame["s"])[0] == "ñ", frame
assert pa.Table.from_pandas(frame).num_rows == 2
print(pq.read_table(sys.argv[1]).to_pylist())
"""


def test_a_parquet_file_is_written_without_pandas_and_pandas_reads_it_afterwards(tmp_path):
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "t.parquet")], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "no pandas"
    assert lines[1] == "[{'n': 1, 's': 'ñ', 'l': ['a', 'b']}, {'n': None, 's': None, 'l': []}]"


def test_the_bytes_do_not_depend_on_whether_pandas_was_loaded(tmp_path):
    """The same table written in a process where pyarrow found pandas and in one where it did not."""
    files = []
    for preload in ("import pandas", "pass"):
        path = tmp_path / f"{len(files)}.parquet"
        code = f"{preload}\n" + SCRIPT.split("print(")[0]
        done = subprocess.run([sys.executable, "-c", code, str(path)], cwd=ROOT, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        files.append(path.read_bytes())
    assert files[0] == files[1]
