"""What the build's package validation (stock frictionless) costs per row, at a size that shows it.

The committed CSV tables are copied N times into a temporary package (every key and reference
suffixed with the copy number, so keys stay unique and references resolve), then validated the
way the build validates: stock ``frictionless`` with foreign keys, and, for comparison, without
them. Prints rows, wall and CPU seconds, and CPU microseconds per row (medians of the runs;
this shared machine's wall time drifts with its load, CPU time much less).

    .venv/bin/python bench/validation_cost.py            # 200 copies: about 66,000 rows
    .venv/bin/python bench/validation_cost.py --copies 50 --runs 3
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract.package_check import frictionless_problems  # noqa: E402


def replicate(copies: int, out: Path, foreign_keys: bool) -> int:
    """Write the committed CSV resources ``copies`` times into ``out``; return the number of rows."""
    source = ROOT / "data"
    descriptor = json.loads((source / "datapackage.json").read_text(encoding="utf-8"))
    resources = [r for r in descriptor["resources"] if r["format"] == "csv"]
    (out / "csv").mkdir(parents=True, exist_ok=True)
    total = 0
    for resource in resources:
        schema = resource["schema"]
        once = resource["name"] == "vocabularies"  # a fixed list: one copy
        keyed = set() if once else set(schema["primaryKey"]) | {fk["fields"][0] for fk in schema.get("foreignKeys", [])}
        with open(source / resource["path"], encoding="utf-8", newline="") as f:
            header, *rows = list(csv.reader(f))
        columns = [header.index(k) for k in keyed]
        with open(out / resource["path"], "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(header)
            for copy in range(1 if once else copies):
                for row in rows:
                    row = list(row)
                    for i in columns:
                        if row[i]:
                            row[i] = f"{row[i]}-k{copy}"
                    writer.writerow(row)
                    total += 1
        data = (out / resource["path"]).read_bytes()
        resource["hash"], resource["bytes"] = "sha256:" + hashlib.sha256(data).hexdigest(), len(data)
        if not foreign_keys:
            schema.pop("foreignKeys", None)
    descriptor["resources"] = resources
    (out / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print("| validation | rows | wall s | CPU s | CPU µs per row |\n|---|---:|---:|---:|---:|")
    for label, foreign_keys in (
        ("stock frictionless, foreign keys included (the build's)", True),
        ("stock frictionless without foreign keys (comparison)", False),
    ):
        walls, cpus = [], []
        with tempfile.TemporaryDirectory() as folder:
            rows = replicate(args.copies, Path(folder), foreign_keys)
            for _ in range(args.runs):
                wall, cpu = time.perf_counter(), time.process_time()
                problems = frictionless_problems(Path(folder) / "datapackage.json")
                walls.append(time.perf_counter() - wall)
                cpus.append(time.process_time() - cpu)
                assert problems == [], problems[:3]
        wall, cpu = statistics.median(walls), statistics.median(cpus)
        print(f"| {label} | {rows:,} | {wall:.1f} | {cpu:.1f} | {1e6 * cpu / rows:.0f} |")


if __name__ == "__main__":
    main()
