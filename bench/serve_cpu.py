"""Benchmark: the server's CPU per page kind, in-process, one request at a time (not a test).

Sends the distinct URLs of ``bench/serve_load.py --distinct`` (same kinds,
same draw) straight to the site's ASGI application (``extract.serve.datasette_app``,
response cache off): no HTTP, no client, no concurrency, so what it reports is
what Datasette, the plugins and SQLite cost a page — the CPU time of this
process (SQL threads included) around each request.  ``--profile KIND`` prints
cProfile's view of that kind's requests.

    .venv/bin/python bench/serve_cpu.py --root DIR [--requests 280] [--profile table]
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import unquote

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ["TOCORON_CACHE_BYTES"] = "0"  # before the site is made: every request rendered

from serve_load import KINDS, distinct_paths  # noqa: E402

from extract.serve import database_file, datasette_app  # noqa: E402


async def call(app, path: str) -> int:
    """``GET path`` through the ASGI app; its status."""
    raw, _, query = path.partition("?")
    scope = {
        "type": "http",
        "method": "GET",
        "path": unquote(raw),
        "raw_path": raw.encode(),
        "query_string": query.encode(),
        "headers": [(b"host", b"localhost")],
        "scheme": "http",
        "http_version": "1.1",
        "server": ("127.0.0.1", 80),
        "client": ("127.0.0.1", 1),
        "root_path": "",
    }
    status = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        if message["type"] == "http.response.start":
            status.append(message["status"])

    await app(scope, receive, send)
    return status[0]


async def measure(
    root: Path, requests: int, seed: int, profile: str | None, sort: str = "tottime", slowest: int = 0
) -> None:
    import cProfile
    import pstats

    ds = datasette_app(root)
    await ds.invoke_startup()
    app = ds.app()
    paths = distinct_paths(root / "data" / database_file(), requests, seed)
    for _, path in paths[: len(KINDS)]:  # warm: each kind's templates compiled, the schema read
        await call(app, path)
    cpu = collections.defaultdict(list)
    profiler = cProfile.Profile() if profile else None
    errors = 0
    costly = []
    for kind, path in paths:
        if profiler and profile in (kind, "all"):
            profiler.enable()
        start = time.process_time()
        status = await call(app, path)
        cpu[kind].append(1000 * (time.process_time() - start))
        costly.append((cpu[kind][-1], kind, path))
        if profiler and profile in (kind, "all"):
            profiler.disable()
        errors += status != 200
    print(
        f"{len(paths)} distinct URLs, one at a time, in-process, response cache off; load average "
        + ", ".join(f"{x:.1f}" for x in os.getloadavg())
    )
    print("| page kind | requests | median CPU ms | p90 CPU ms | mean CPU ms | max CPU ms |")
    print("|---|---:|---:|---:|---:|---:|")
    for kind in KINDS:
        values = sorted(cpu[kind])
        if values:
            print(
                f"| {kind} | {len(values)} | {statistics.median(values):.1f} | "
                f"{values[int(0.9 * (len(values) - 1))]:.1f} | {statistics.fmean(values):.1f} | {values[-1]:.1f} |"
            )
    every = [v for values in cpu.values() for v in values]
    print(f"| all | {len(every)} | {statistics.median(every):.1f} | | {statistics.fmean(every):.1f} |")
    print(f"errors: {errors}")
    for ms, kind, path in sorted(costly, reverse=True)[:slowest]:
        print(f"{ms:7.1f} ms CPU  {kind:8} {path}")
    if profiler:
        pstats.Stats(profiler).sort_stats(sort).print_stats(60)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parents[1])
    parser.add_argument("--requests", type=int, default=280)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--profile", choices=(*KINDS, "all"), help="print cProfile's view of this kind's requests (or of every request)"
    )
    parser.add_argument("--slowest", type=int, default=0, help="list this many of the costliest requests")
    parser.add_argument("--sort", default="tottime", help="the profile's order (pstats: tottime, cumulative...)")
    args = parser.parse_args()
    asyncio.run(measure(args.root, args.requests, args.seed, args.profile, args.sort, args.slowest))


if __name__ == "__main__":
    main()
