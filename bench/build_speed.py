"""Benchmark: `python -m extract build` end to end, next to the import floor, and `frictionless validate`.

The import floor is the time Python takes just to import the three heavy
libraries the build stands on (`import spacy, frictionless, pyarrow.parquet`);
the target is a build in at most twice that.  Each command runs several times
in a fresh process on a copy of the project; the median is reported.
Run: ``.venv/bin/python bench/build_speed.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def timed(command: list[str], cwd: Path, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copytree(ROOT / "seeds", work / "seeds")
        (work / "README.md").write_text("", encoding="utf-8")
        floor = timed([sys.executable, "-c", "import spacy, frictionless, pyarrow.parquet"], work, args.runs)
        build = timed([sys.executable, "-m", "extract", "build", "--root", str(work)], ROOT, args.runs)
        validate = timed([str(BIN / "frictionless"), "validate", str(work / "data" / "datapackage.json")], work, args.runs)
    print(f"median of {args.runs} runs each, in fresh processes:")
    print(f"  import floor (import spacy, frictionless, pyarrow.parquet): {floor:.2f} s")
    print(f"  python -m extract build (load, rules, validate, publish):   {build:.2f} s  = {build / floor:.2f}x the floor (target <= 2x)")
    print(f"  frictionless validate data/datapackage.json:                {validate:.2f} s")


if __name__ == "__main__":
    main()
