"""Benchmark: claim pairing (``extract.claims.relate_claims``) at growing synthetic corpus sizes.

Makes a corpus of N uncurated articles in memory (no files, no rules run): each
article reports a few events, each a sentence with a date, an event type, a
town from the shipped place list and sometimes a named organization, and
figures counting officers, vehicles or prisoners.  A share of the articles
(``--hot-share``) all report one big story (same day, type and town), so one
index bucket holds thousands of claims: the case where all-pairs pairing
explodes.  Times the whole claim stage (anchors, indexing, pairing, labelling)
and reports articles -> claims, relations, CPU seconds (``time.process_time``,
so that other load on a shared machine does not count) and wall seconds, and
growth against the smallest size; linear pairing keeps CPU ms / article flat.
``type+date pairs`` is how many pairs the former rule (any two claims of other
sources whose events share type and date) would have related, for scale.  Run:
``.venv/bin/python bench/claims_scale.py`` (``--sizes 200 400`` for a quick run).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract.claims import known_place_names, relate_claims  # noqa: E402
from extract.models import Claim, Event, Figure, Mention, Organization, Source  # noqa: E402
from extract.resolve import Dataset  # noqa: E402

EVENTS = [
    ("escape", "escaped"),
    ("detainee_transfer", "moved"),
    ("gathering", "gathered"),
    ("statement", "announced"),
    ("disaster", "flooded"),
]  # types with no ACLED sub-event level to fill
COUNTED = ["police officers", "armored vehicles", "prisoners"]
ORGANIZATIONS = [f"Org{n:03d} Movement" for n in range(200)]


def town_names() -> list[str]:
    """Single-word towns of the shipped place list, capitalized as a text would write them."""
    return sorted(n.title() for n in known_place_names() if n.isalpha() and len(n) > 4)[:5000]


def corpus(articles: int, hot_share: float, seed: int = 7) -> Dataset:
    rng = random.Random(seed)
    towns = town_names()[: max(50, articles // 5)]
    base = dt.date(2024, 1, 1)
    tables: dict[str, list] = {
        t: []
        for t in (
            "sources",
            "events",
            "claims",
            "figures",
            "mentions",
            "organizations",
            "places",
            "event_participants",
            "claim_relations",
        )
    }
    orgs_used = set()
    for i in range(articles):
        source_id = f"wire-{i:06d}"
        hot = rng.random() < hot_share
        sentences, rows = [], []
        for _k in range(rng.randint(2, 4)):
            event_type, verb = EVENTS[0] if hot else rng.choice(EVENTS)
            day = base if hot else base + dt.timedelta(days=rng.randrange(365))
            town = towns[0] if hot else rng.choice(towns)
            org = rng.choice(ORGANIZATIONS) if rng.random() < 0.3 else None
            counted = rng.choice(COUNTED)
            value = rng.choice([12, 40, 200, 1500])
            sentence = (
                f"{org or 'Officials'} said people {verb} in {town} on {day.isoformat()}, "
                f"and about {value} {counted} were there."
            )
            rows.append((event_type, day, sentence, org, f"about {value}", value, counted))
            sentences.append(sentence)
        text = " ".join(sentences)
        tables["sources"].append(
            Source(
                source_id=source_id,
                publisher="Wire",
                published="2024-12-31",
                published_date=dt.date(2024, 12, 31),
                title="t",
                language="en",
                rights="r",
                file=f"{source_id}.txt",
                text_sha256=hashlib.sha256(text.encode()).hexdigest(),
                text=text,
            )
        )
        offset = 0
        for n, (event_type, day, sentence, org, surface, value, counted) in enumerate(rows, 1):
            event_id = f"{source_id}-e{n}"
            tables["events"].append(
                Event(
                    event_id=event_id,
                    event_type=event_type,
                    date=day,
                    date_precision="day",
                    summary=sentence,
                    method="rule",
                    provenance="bench",
                )
            )
            tables["claims"].append(
                Claim(
                    claim_id=f"{event_id}-claim",
                    event_id=event_id,
                    source_id=source_id,
                    proposition=event_type,
                    polarity=rng.choice(["asserts"] * 4 + ["denies"]),
                    certainty="stated",
                    text=sentence,
                    char_start=offset,
                    char_end=offset + len(sentence),
                    method="rule",
                    provenance="bench",
                )
            )
            start = offset + sentence.index(surface)
            figure_id = f"{source_id}-f{n}"
            tables["figures"].append(
                Figure(
                    figure_id=figure_id,
                    source_id=source_id,
                    surface=surface,
                    value=value,
                    qualifier="approximate",
                    unit="count",
                    counts=counted,
                    event_id=event_id,
                    char_start=start,
                    char_end=start + len(surface),
                    method="rule",
                    provenance="bench",
                )
            )
            tables["claims"].append(
                Claim(
                    claim_id=f"{event_id}-fig",
                    event_id=event_id,
                    source_id=source_id,
                    proposition=f"{counted}: {surface}",
                    polarity="asserts",
                    certainty="stated",
                    figure_id=figure_id,
                    text=surface,
                    char_start=start,
                    char_end=start + len(surface),
                    method="rule",
                    provenance="bench",
                )
            )
            if org:
                org_id = org.lower().replace(" ", "-")
                if org_id not in orgs_used:
                    orgs_used.add(org_id)
                    tables["organizations"].append(
                        Organization(
                            organization_id=org_id, name=org, org_type="other", method="rule", provenance="bench"
                        )
                    )
                tables["mentions"].append(
                    Mention(
                        mention_id=f"{source_id}:{offset}:{org_id}",
                        source_id=source_id,
                        entity_type="organization",
                        organization_id=org_id,
                        text=org,
                        char_start=offset,
                        char_end=offset + len(org),
                        method="rule",
                        provenance="bench",
                    )
                )
            offset += len(sentence) + 1
    return Dataset(tables)


def type_date_pairs(dataset: Dataset) -> int:
    """Pairs of claims of different sources whose events share type and date (the former rule's candidates)."""
    events = {e.event_id: (e.event_type, e.date) for e in dataset.rows("events")}
    groups: dict[tuple, Counter] = defaultdict(Counter)
    for c in dataset.rows("claims"):
        groups[(events[c.event_id], c.figure_id is None)][c.source_id] += 1
    return sum((sum(g.values()) ** 2 - sum(n * n for n in g.values())) // 2 for g in groups.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 5000, 10000])
    parser.add_argument("--hot-share", type=float, default=0.2, help="share of the articles that report one big story")
    args = parser.parse_args()
    known_place_names()  # the place list loads once, as in a build
    print(f"claim pairing, synthetic corpus ({args.hot_share:.0%} of articles on one story)")
    print(
        f"{'articles':>9} {'claims':>8} {'relations':>10} {'CPU s':>8} {'wall s':>8} {'CPU ms/article':>15} "
        f"{'growth':>7} {'size x':>7} {'type+date pairs':>16}"
    )
    first = None
    for size in args.sizes:
        dataset = corpus(size, args.hot_share)
        started, wall = time.process_time(), time.perf_counter()
        relations = relate_claims(dataset)
        seconds, wall = time.process_time() - started, time.perf_counter() - wall
        first = first or (size, seconds)
        print(
            f"{size:>9,} {len(dataset.rows('claims')):>8,} {len(relations):>10,} {seconds:>8.2f} {wall:>8.2f} "
            f"{1000 * seconds / size:>15.2f} {seconds / first[1]:>6.1f}x {size / first[0]:>6.1f}x {type_date_pairs(dataset):>16,}"
        )
    print("linear pairing: growth tracks size x (ms/article flat); all-pairs pairing grows with its square")


if __name__ == "__main__":
    main()
