"""How the build's cost grows with the number of articles.

For each size, a corpus is made with ``bench/make_corpus.py`` (varied uncurated
articles plus the seeds) and built cold (``python -m extract build``, empty rule
cache); then one more article is added and the corpus rebuilt (the incremental
case: the rule and validation caches hold every other article).  Reported per
size: wall and CPU time (the build and all its child processes), peak memory of
all of them together (proportional set size, sampled every 250 ms from /proc: reading
``smaps_rollup`` of a large process costs CPU, and at every 50 ms the sampler took 5 % of a core
from the build it measures; the build's memory rises over seconds, not milliseconds),
the size of ``data/``, the load average when the build ended (the machine's other work: wall times
compare only at similar loads), and incremental / cold for wall and for CPU time (on a
machine shared with other work, CPU time is the steadier of the two).

    python bench/build_scale.py --sizes 200 2000 10000
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from make_corpus import make_corpus  # noqa: E402

SAMPLE_EVERY = 0.25  # seconds between two memory samples


def tree_rss(pid: int) -> int:
    """Proportional resident bytes (PSS) of ``pid`` and all its descendants.

    PSS splits each shared page between the processes that share it, so forked
    workers are not counted once per worker for the pages they inherited."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/smaps_rollup") as status:
                for line in status:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1]) * 1024
                        break
            with open(f"/proc/{current}/task/{current}/children") as children:
                todo += [int(c) for c in children.read().split()]
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


def timed_build(root: Path) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "extract", "build", "--root", str(root)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_rss(process.pid))
        time.sleep(SAMPLE_EVERY)
    wall = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(f"build of {root} failed:\n{process.stderr.read().decode()[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    size = sum(p.stat().st_size for p in (root / "data").rglob("*") if p.is_file())
    return {"wall": wall, "cpu": cpu, "peak": peak, "size": size, "load": os.getloadavg()[0]}


def add_one_article(root: Path) -> None:
    text = (
        "Firefighters in the river town of Alder Bend contained a warehouse blaze on Sunday, the fire chief said. "
        "\u201cNobody was hurt,\u201d said Chief Ona Brask. About 40 firefighters worked through the night.\n"
    )
    (root / "seeds" / "99999_incremental.txt").write_text(text, encoding="utf-8")
    (root / "seeds" / "99999_incremental.meta.yaml").write_text(
        'source_id: bench-incremental\npublisher: Valley Times\npublished: "2024-06-02"\n'
        "title: Warehouse blaze contained\nlanguage: en\nrights: Written for the benchmark.\n",
        encoding="utf-8",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 2000, 10000])
    parser.add_argument("--keep", type=Path, help="make the corpora in this folder and keep them")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="build-scale-"))
    print(f"{os.cpu_count()} cores; corpora in {work}")
    print("| articles | build | wall s | CPU s | peak MiB (PSS, all processes) | data/ MB | load after |")
    print("|---:|---|---:|---:|---:|---:|---:|")
    cold = {}
    try:
        for size in args.sizes:
            root = make_corpus(work / f"corpus-{size}", size)
            for label in ("cold", "one article added"):
                if label != "cold":
                    add_one_article(root)
                figures = timed_build(root)
                cold.setdefault(size, figures)
                print(
                    f"| {size:,} | {label} | {figures['wall']:.1f} | {figures['cpu']:.1f} | "
                    f"{figures['peak'] / 2**20:,.0f} | {figures['size'] / 1e6:,.1f} | {figures['load']:.1f} |",
                    flush=True,
                )
            print(
                f"|  | incremental / cold | {figures['wall'] / cold[size]['wall']:.2f} | "
                f"{figures['cpu'] / cold[size]['cpu']:.2f} | | | |",
                flush=True,
            )
        sizes = sorted(cold)
        if len(sizes) >= 2:
            small, large = sizes[-2], sizes[-1]
            print(
                f"\n{large:,} articles cost {cold[large]['wall'] / cold[small]['wall']:.2f}x the wall time and "
                f"{cold[large]['cpu'] / cold[small]['cpu']:.2f}x the CPU time of {small:,} ({large / small:.1f}x the articles)"
            )
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
