"""Benchmark: the site's own pages on a corpus grown to about 10,000 articles (not a test).

Copies the built database, clones every article with everything cut from it
(events, mentions, quotes, figures, claims and claim relations, under new ids;
actors, organizations and places shared) until there are ``--articles``
sources, rebuilds the full-text indexes, then times the front page (first and
a late page of the timeline), the search page, an article view and two table
pages in-process with the response cache off: the median of ``--repeat``
requests each.  It also prints SQLite's plan for each front-page query, so a
full scan of a large table is visible.
Run after `make build`: ``.venv/bin/python bench/site_scale.py [--articles 10000]``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
ROOT = Path(__file__).resolve().parents[1]

CLONED = {  # table: columns holding ids that get the clone's suffix
    "sources": ["source_id"],
    "events": ["event_id"],
    "event_participants": ["participant_id", "event_id"],
    "mentions": ["mention_id", "source_id", "event_id"],
    "quotes": ["quote_id", "source_id", "event_id"],
    "figures": ["figure_id", "source_id", "event_id"],
    "claims": ["claim_id", "source_id", "event_id", "quote_id", "figure_id"],
    "claim_relations": ["relation_id", "claim_id", "other_claim_id"],
}


def grow(db: Path, articles: int) -> int:
    conn = sqlite3.connect(db)
    have = conn.execute("SELECT count(*) FROM sources").fetchone()[0]
    copies = max(0, -(-articles // have) - 1)
    conn.execute("CREATE TEMP TABLE n(k INTEGER PRIMARY KEY)")
    conn.executemany("INSERT INTO n VALUES (?)", [(k,) for k in range(1, copies + 1)])
    for table, ids in CLONED.items():
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        values = ", ".join(
            f"CASE WHEN {c} IS NULL THEN NULL ELSE {c} || '-x' || n.k END" if c in ids else c for c in columns
        )
        conn.execute(
            f"INSERT INTO {table} ({', '.join(columns)}) SELECT {values} FROM {table}, n "
            f"WHERE {table}.rowid <= (SELECT max(rowid) FROM {table})"
        )
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE name LIKE '%\\_fts' ESCAPE '\\'").fetchall():
        conn.execute(f"INSERT INTO {name}({name}) VALUES ('rebuild')")
    conn.commit()
    conn.execute("ANALYZE")
    conn.commit()
    count = conn.execute("SELECT count(*) FROM sources").fetchone()[0]
    conn.close()
    return count


def plans(db: Path) -> None:
    """Each front-page query: its full scans (SQLite's plan) and its time on the grown database."""
    import json

    from extract.yamlfile import read_data

    conn = sqlite3.connect(db)
    events = [r[0] for r in conn.execute("SELECT event_id FROM events ORDER BY date LIMIT 40")]
    params = {
        "limit": 20,
        "offset": 0,
        "same": 0,
        "ids": json.dumps(events),
        "per_speaker": 3,
        "actor_id": conn.execute("SELECT speaker_actor_id FROM quotes GROUP BY 1 ORDER BY count(*) DESC").fetchone()[0],
        "organization_id": None,
        "event_id": events[0],
        "quantity": "x",
        "unit": "count",
    }
    for name, sql in read_data(ROOT / "extract" / "publish" / "site" / "front_page.yaml").items():
        steps = [r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + sql, params)]
        scans = [s for s in steps if s.startswith("SCAN") and "USING" not in s and "json_each" not in s]
        started = time.perf_counter()
        conn.execute(sql, params).fetchall()
        took = (time.perf_counter() - started) * 1000
        print(f"  {name:22} {took:7.1f} ms  {'; '.join(scans) or 'no full scan'}")
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    os.environ["TOCORON_CACHE_BYTES"] = "0"
    from extract.serve import database_file, database_name, datasette_app

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(ROOT / "data", root / "data")
        shutil.copy(ROOT / "metadata.json", root / "metadata.json")
        started = time.monotonic()
        db = root / "data" / database_file()
        count = grow(db, args.articles)
        print(f"{count:,} articles ({db.stat().st_size / 1e6:.0f} MB) grown in {time.monotonic() - started:.1f} s")
        print("Front-page queries (time; full scans in their plans):")
        plans(db)
        ds = datasette_app(root)
        paths = [
            "/",
            "/?page=100",
            "/-/search?q=prison+tunnels",
            "/-/search?q=Nieto",
            "/article/efe-2023-09-20-tocoron-x4000",
            f"/{database_name()}/quotes",
            f"/{database_name()}/claims?_sort=claim_id",
        ]

        async def timed(path):
            times = []
            for _ in range(args.repeat):
                t = time.perf_counter()
                response = await ds.client.get(path)
                times.append(time.perf_counter() - t)
                assert response.status_code == 200, (path, response.status_code)
            return statistics.median(times)

        async def run():
            for path in paths:
                print(f"  {path:45} {await timed(path) * 1000:7.0f} ms (median of {args.repeat})")

        print("Pages, in-process, response cache off:")
        asyncio.run(run())


if __name__ == "__main__":
    main()
