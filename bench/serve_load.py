"""Benchmark: a bounded load on the Datasette site over loopback (not a test).

Starts `python -m extract serve` on a free 127.0.0.1 port, sends a fixed number
of requests (default 2,000) at a fixed concurrency (default 20) across table
pages, the JSON API, canned queries, full-text search and the article view,
then stops the server.  Reports throughput, p50/p95/p99 latency and errors
(target: zero errors, p95 under 100 ms).  Every request has a timeout and the
whole run a deadline, so it always ends by itself.
Run after `make build`: ``.venv/bin/python bench/serve_load.py [--requests N] [--concurrency C]``.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import statistics
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from extract.serve import LocalServer  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PATHS = [
    "/tocoron/quotes",
    "/tocoron/figures",
    "/tocoron/actors",
    "/tocoron/events?_facet=event_type",
    "/tocoron/quotes.json?_shape=array",
    "/tocoron/mentions.json?_size=100",
    "/tocoron/places.json",
    "/tocoron/who_said_what",
    "/tocoron/timeline.json",
    "/tocoron/entity_profile.json?id=tren-de-aragua",
    "/tocoron/figures_across_sources",
    "/tocoron/mentions_across_sources.json?id=tocoron-prison",
    "/tocoron/quotes?_search=prison",
    "/tocoron/sources.json?_search=tunnels",
    "/article/afp-2023-09-20-tocoron",
    "/tocoron/actors/carlos-nieto-palma",
    "/tocoron.json?sql=select+count(*)+from+mentions",
]


async def load(base: str, total: int, concurrency: int) -> tuple[list[float], list[str], float]:
    paths = itertools.islice(itertools.cycle(PATHS), total)
    queue: asyncio.Queue[str] = asyncio.Queue()
    for path in paths:
        queue.put_nowait(path)
    latencies: list[float] = []
    errors: list[str] = []
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base, timeout=10, limits=limits) as client:

        async def worker():
            while not queue.empty():
                path = queue.get_nowait()
                start = time.perf_counter()
                try:
                    response = await client.get(path)
                    if response.status_code != 200:
                        errors.append(f"{response.status_code} {path}")
                except httpx.HTTPError as exc:
                    errors.append(f"{type(exc).__name__} {path}")
                latencies.append(time.perf_counter() - start)

        start = time.perf_counter()
        await asyncio.wait_for(asyncio.gather(*(worker() for _ in range(concurrency))), timeout=300)
        elapsed = time.perf_counter() - start
    return latencies, errors, elapsed


def percentile(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2, help="server worker processes (make serve uses 2)")
    parser.add_argument("--no-cache", action="store_true", help="turn the response cache off (every request rendered)")
    parser.add_argument("--root", type=Path, default=ROOT, help="the built project to serve (default: this checkout)")
    args = parser.parse_args()
    if not (args.root / "data" / "tocoron.db").exists():
        raise SystemExit(f"no {args.root / 'data' / 'tocoron.db'}: run `make build` first")
    with LocalServer(
        args.root, workers=args.workers, env={"TOCORON_CACHE_BYTES": "64000000" if not args.no_cache else "0"}
    ) as server:
        latencies, errors, elapsed = asyncio.run(load(server.url, args.requests, args.concurrency))
    ms = [1000 * x for x in latencies]
    print(
        f"{len(latencies)} requests at concurrency {args.concurrency} over {len(PATHS)} kinds of page, "
        f"{args.workers} server worker(s), response cache {'off' if args.no_cache else 'on'}, {elapsed:.1f} s"
    )
    print(f"throughput: {len(latencies) / elapsed:.0f} requests/s")
    print(
        f"latency ms: p50 {percentile(ms, 50):.1f}  p95 {percentile(ms, 95):.1f}  p99 {percentile(ms, 99):.1f}  max {max(ms):.1f}"
    )
    print(f"errors: {len(errors)}" + (f" (first: {errors[:3]})" if errors else ""))


if __name__ == "__main__":
    main()
