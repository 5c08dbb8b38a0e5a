"""Benchmark: `python -m extract build` end to end, next to the import floor, and `frictionless validate`.

The import floor is the time Python takes just to import the three heavy
libraries the build stands on (`import spacy, frictionless, pyarrow.parquet`);
the build's cost above it is loading the data, the rules, validating and
writing.  Each command runs several times, in turn with the others, in a fresh
process on a copy of the project; the medians are reported, CPU time beside.
Run: ``.venv/bin/python bench/build_speed.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall-clock seconds, and CPU seconds of the command and every process it waited for."""
    before, start = cpu_of_children(), time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start, cpu_of_children() - before


def cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def interleaved(commands: dict[str, tuple[list[str], Path]], runs: int) -> dict[str, list[tuple[float, float]]]:
    """(wall, CPU) of every run of each command, run in turn (A B C A B C ...) so that a change in
    the machine's load during the benchmark weighs on all of them alike."""
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, (command, cwd) in commands.items():
            times[name].append(timed(command, cwd))
    return times


def medians(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copytree(ROOT / "seeds", work / "seeds")
        (work / "README.md").write_text("", encoding="utf-8")
        # The libraries were byte-compiled when pip installed them; compile the project too, as Python
        # does by itself on a first run unless PYTHONDONTWRITEBYTECODE is set (as it is on our machines).
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "extract")], check=True)
        subprocess.run([sys.executable, "-m", "extract", "build", "--root", str(work)], cwd=ROOT, check=True, capture_output=True)
        times = interleaved({
            "floor": ([sys.executable, "-c", "import spacy, frictionless, pyarrow.parquet"], work),
            "build": ([sys.executable, "-m", "extract", "build", "--root", str(work)], ROOT),
            "validate": ([str(BIN / "frictionless"), "validate", str(work / "data" / "datapackage.json")], work),
        }, args.runs)
        floor, build, validate = medians(times["floor"]), medians(times["build"]), medians(times["validate"])
        ratios = sorted(b[0] / f[0] for f, b in zip(times["floor"], times["build"]))
    print(f"median of {args.runs} runs each, in fresh processes (wall-clock s; CPU s of all its processes):")
    print(f"  import floor (import spacy, frictionless, pyarrow.parquet): {floor[0]:.2f} s  (CPU {floor[1]:.2f} s)")
    print(f"  python -m extract build (load, rules, validate, publish):   {build[0]:.2f} s  (CPU {build[1]:.2f} s)")
    print(f"  build / floor, run by run: {', '.join(f'{r:.2f}' for r in ratios)}; median {statistics.median(ratios):.2f}x"
          f" (the 2x target of a 2-article corpus is retired: what matters is how the build grows)")
    print(f"  frictionless validate data/datapackage.json:                {validate[0]:.2f} s  (CPU {validate[1]:.2f} s)")


if __name__ == "__main__":
    main()
