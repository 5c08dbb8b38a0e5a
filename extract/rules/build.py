"""The rules inside the build: score them on curated sources, publish them for the others."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..models import TABLES
from ..resolve import Dataset
from ..score import score_rows, score_source
from .batch import RuleCache, iter_analyze, job_key, rows_version, stop_early
from .rows import RULE_TABLES, RuleRows


def gazetteer_of(dataset: Dataset) -> tuple[tuple[str, str, str, str], ...]:
    """(surface, kind, canonical name, id) for every curated person and organization name and alias."""
    entries = set()
    for actor in dataset.rows("actors"):
        if actor.actor_type == "person" and actor.method == "curated":
            for surface in [actor.name, *actor.aliases]:
                if len(surface) >= 3 and any(c.isupper() for c in surface):
                    entries.add((surface, "person", actor.name, actor.actor_id))
    for org in dataset.rows("organizations"):
        if org.method == "curated":
            for surface in [org.name, *org.aliases, *([org.name_original] if org.name_original else [])]:
                if len(surface) >= 2 and any(c.isupper() for c in surface):
                    entries.add((surface, "organization", org.name, org.organization_id))
    return tuple(sorted(entries))


def apply_rules(
    dataset: Dataset, curated_sources: set[str], cache_folder: Path | None = None, rows_folder: Path | None = None
) -> None:
    """Add ``rule_scores`` and the rule rows of uncurated sources to ``dataset``.

    Curated sources are scored with no gazetteer at all, so the scores measure
    the rules alone; uncurated sources use the curated names as a gazetteer,
    and are analyzed on every core, each result cached in ``cache_folder``
    (see ``batch``); their rows are made here as the results arrive.

    What making a source's rows did is remembered too, in ``rows_folder`` (a ``RuleCache`` of ``rows_version``):
    a source whose text, date, gazetteer, id and curated ids are unchanged is not analyzed nor its result read;
    its rows are written again, in order, when every entity id it takes comes out as before (``RuleRows.replay``),
    else made afresh.
    """
    gazetteer = gazetteer_of(dataset)
    known = {table: {getattr(r, TABLES[table].primary_key[0]) for r in dataset.rows(table)} for table in RULE_TABLES}
    rows = RuleRows(known)
    scores = {}
    sources = dataset.rows("sources")
    curated = [s for s in sources if s.source_id in curated_sources]
    for source, result in zip(
        curated, iter_analyze([(s.text, s.published_date) for s in curated], (), cache_folder), strict=True
    ):
        scores[source.source_id] = score_source(dataset, source.source_id, result)
    uncurated = [s for s in sources if s.source_id not in curated_sources]
    gazetteer_hash = hashlib.sha256(repr(gazetteer).encode()).hexdigest()
    known_hash = hashlib.sha256(repr(sorted((t, sorted(ids)) for t, ids in known.items())).encode()).hexdigest()
    keys = [job_key(s.text, s.published_date, gazetteer_hash) for s in uncurated]
    row_keys = [
        hashlib.sha256(f"{k}\x00{s.source_id}\x00{known_hash}".encode()).hexdigest()
        for k, s in zip(keys, uncurated, strict=True)
    ]
    made_before = RuleCache(rows_folder, rows_version())
    remembered = {i: m for i, k in enumerate(row_keys) if (m := made_before.get(k)) is not None}
    todo = [i for i in range(len(uncurated)) if i not in remembered]
    results = iter_analyze([(uncurated[i].text, uncurated[i].published_date) for i in todo], gazetteer, cache_folder)
    for i, source in enumerate(uncurated):  # rows made while the workers analyze the rest
        if i in remembered:
            if rows.replay(remembered.pop(i)):
                continue
            result = next(iter_analyze([(source.text, source.published_date)], gazetteer, cache_folder))
        else:
            result = next(results)
        made_before.put(row_keys[i], rows.add(source, result))
    for _ in results:  # the end of the generator: the rule cache drops other versions
        pass
    made_before.drop_other_versions()
    stop_early()  # the rules are done: the worker started early frees its memory before the rest of the build
    for table, new_rows in rows.tables.items():
        pk = TABLES[table].primary_key[0]
        merged = {getattr(r, pk): r for r in dataset.rows(table)} | new_rows
        dataset.tables[table] = (
            [merged[k] for k in sorted(merged)]
            if table != "mentions"
            else sorted(merged.values(), key=lambda r: (r.source_id, r.char_start, r.char_end, r.mention_id))
        )
    dataset.tables["rule_scores"] = score_rows(scores)
