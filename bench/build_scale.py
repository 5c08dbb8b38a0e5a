"""How the build's cost grows with the number of articles, and what adding one article costs.

For each size, a corpus is made with ``bench/make_corpus.py`` (varied uncurated
articles plus the seeds); then ``--pairs`` times, in turn: a cold build
(``python -m extract build`` with an empty rule cache and no earlier output) and the
incremental case, one more article added and the corpus rebuilt (the rule and
validation caches hold every other article); the added article is removed again
before the next pair's cold build.  Reported per size: the median over the pairs of
wall and CPU time (the build and all its child processes), of peak memory of all of
them together (proportional set size, sampled every 250 ms from /proc: reading
``smaps_rollup`` of a large process costs CPU, and at every 50 ms the sampler took 5 % of a core
from the build it measures; the build's memory rises over seconds, not milliseconds),
and the size of ``data/``; the incremental / cold ratio of each pair (the two builds
run minutes apart at most, so a drift in the machine's speed shifts both alike) and
their median, for wall and for CPU time.

**The load.** Each build's row says the load average when it ended and ``others``:
the share of the machine's cores that other work used while it ran (busy time of
every core from ``/proc/stat``, less the build's own CPU time, over wall time × cores).
Wall times compare only at similar ``others``; on a shared machine CPU time is the
steadier figure.  ``--stages`` also prints the medians of each stage of the build's
own process (``extract/pipeline_timings.py``).

    python bench/build_scale.py --sizes 200 2000 10000
    python bench/build_scale.py --sizes 2000 --pairs 3 --stages
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
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
STAGE_TIMES_ENV = "EXTRACT_STAGE_TIMES"  # extract/pipeline_timings.py


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


def busy_jiffies() -> tuple[int, int]:
    """(busy, total) clock ticks of all cores since boot, from the first line of ``/proc/stat``."""
    try:
        with open("/proc/stat") as stat:
            values = [int(v) for v in stat.readline().split()[1:]]
    except OSError:
        return 0, 0
    idle = values[3] + (values[4] if len(values) > 4 else 0)  # idle and iowait
    return sum(values[:8]) - idle, sum(values[:8])


def timed_build(root: Path, stages: Path | None = None) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    busy_before, _ = busy_jiffies()
    env = dict(os.environ)
    if stages is not None:
        env[STAGE_TIMES_ENV] = str(stages)
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "extract", "build", "--root", str(root)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_rss(process.pid))
        time.sleep(SAMPLE_EVERY)
    wall = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(f"build of {root} failed:\n{process.stderr.read().decode()[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    busy_after, _ = busy_jiffies()
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    others = ((busy_after - busy_before) / os.sysconf("SC_CLK_TCK") - cpu) / (wall * (os.cpu_count() or 1))
    size = sum(p.stat().st_size for p in (root / "data").rglob("*") if p.is_file())
    figures = {"wall": wall, "cpu": cpu, "peak": peak, "size": size, "load": os.getloadavg()[0]}
    figures["others"] = max(0.0, others)
    if stages is not None:
        figures["stages"] = json.loads(stages.read_text())
    return figures


ADDED = "99999_incremental"


def add_one_article(root: Path) -> None:
    text = (
        "Firefighters in the river town of Alder Bend contained a warehouse blaze on Sunday, the fire chief said. "
        "\u201cNobody was hurt,\u201d said Chief Ona Brask. About 40 firefighters worked through the night.\n"
    )
    (root / "seeds" / f"{ADDED}.txt").write_text(text, encoding="utf-8")
    (root / "seeds" / f"{ADDED}.meta.yaml").write_text(
        'source_id: bench-incremental\npublisher: Valley Times\npublished: "2024-06-02"\n'
        "title: Warehouse blaze contained\nlanguage: en\nrights: Written for the benchmark.\n",
        encoding="utf-8",
    )


def make_cold(root: Path) -> None:
    """The corpus as before its first build: no added article, no caches, no outputs."""
    for suffix in (".txt", ".meta.yaml"):
        (root / "seeds" / f"{ADDED}{suffix}").unlink(missing_ok=True)
    for name in (".cache", "data", "schema"):
        shutil.rmtree(root / name, ignore_errors=True)
    for name in ("metadata.json", "CITATION.cff"):
        (root / name).unlink(missing_ok=True)


def median(values: list[float]) -> float:
    return statistics.median(values)


def row(size: int, label: str, figures: list[dict]) -> str:
    """A table row: the medians of the runs' figures (the range after them when there are several)."""

    def shown(key: str, scale: float = 1.0, digits: int = 1) -> str:
        values = [f[key] / scale for f in figures]
        text = f"{median(values):,.{digits}f}"
        if len(values) > 1:
            text += f" ({min(values):,.{digits}f}–{max(values):,.{digits}f})"
        return text

    return (
        f"| {size:,} | {label} | {shown('wall')} | {shown('cpu')} | {shown('peak', 2**20, 0)} | "
        f"{shown('size', 1e6)} | {shown('load')} | {shown('others', 0.01, 0)} |"
    )


def ratio(values: list[float]) -> str:
    """The median of the pairs' ratios, with their range when there are several."""
    text = f"{median(values):.2f}"
    return text + (f" ({min(values):.2f}–{max(values):.2f})" if len(values) > 1 else "")


def stage_table(size: int, runs: dict[str, list[dict]]) -> list[str]:
    """The median wall and CPU s of each stage of the build's own process, cold and incremental."""
    labels = list(runs)
    names: list[str] = []
    for figures in runs.values():
        for run in figures:
            for name, _, _ in run["stages"]:
                if name not in names:
                    names.append(name)
    lines = [
        f"\n{size:,} articles, the build's own process stage by stage (median s over {len(runs[labels[0]])} run(s)):",
        "| stage | " + " | ".join(f"{label} wall | {label} CPU" for label in labels) + " |",
        "|---|" + "---:|---:|" * len(labels),
    ]
    for name in names:
        cells = []
        for label in labels:
            walls, cpus = [], []
            for run in runs[label]:
                found = [(w, c) for n, w, c in run["stages"] if n == name]
                walls.append(sum(w for w, _ in found))
                cpus.append(sum(c for _, c in found))
            cells += [f"{median(walls):.2f}", f"{median(cpus):.2f}"]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 2000, 10000])
    parser.add_argument("--pairs", type=int, default=1, help="cold and incremental builds, in turn, per size")
    parser.add_argument("--stages", action="store_true", help="also the median of each stage of the build")
    parser.add_argument("--keep", type=Path, help="make the corpora in this folder and keep them")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="build-scale-"))
    print(
        f"{os.cpu_count()} cores; corpora in {work}; {args.pairs} pair(s) of builds per size; "
        f"load average {os.getloadavg()[0]:.1f} at the start"
    )
    print("| articles | build | wall s | CPU s | peak MiB (PSS, all processes) | data/ MB | load after | others % |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|")
    cold: dict[int, dict] = {}
    stage_tables: list[str] = []
    try:
        for size in args.sizes:
            root = make_corpus(work / f"corpus-{size}", size)
            runs: dict[str, list[dict]] = {"cold": [], "one article added": []}
            for _ in range(args.pairs):
                make_cold(root)
                runs["cold"].append(timed_build(root, work / "stages.json" if args.stages else None))
                add_one_article(root)
                runs["one article added"].append(timed_build(root, work / "stages.json" if args.stages else None))
            for label, figures in runs.items():
                print(row(size, label, figures), flush=True)
            ratios = {
                key: [inc[key] / c[key] for c, inc in zip(runs["cold"], runs["one article added"], strict=True)]
                for key in ("wall", "cpu")
            }

            print(
                f"|  | incremental / cold (median of pairs) | {ratio(ratios['wall'])} | {ratio(ratios['cpu'])} "
                "| | | | |",
                flush=True,
            )
            cold[size] = {key: median([f[key] for f in runs["cold"]]) for key in ("wall", "cpu")}
            if args.stages:
                stage_tables += stage_table(size, runs)
        sizes = sorted(cold)
        if len(sizes) >= 2:
            small, large = sizes[-2], sizes[-1]
            print(
                f"\n{large:,} articles cost {cold[large]['wall'] / cold[small]['wall']:.2f}x the wall time and "
                f"{cold[large]['cpu'] / cold[small]['cpu']:.2f}x the CPU time of {small:,} ({large / small:.1f}x the articles)"
            )
        for line in stage_tables:
            print(line)
        print(f"load average {os.getloadavg()[0]:.1f} at the end")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
