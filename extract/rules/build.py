"""The rules inside the build: score them on curated sources, publish them for the others."""

from __future__ import annotations

from pathlib import Path

from ..models import TABLES
from ..resolve import Dataset
from ..score import score_rows, score_source
from . import analyze
from .batch import iter_analyze
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


def apply_rules(dataset: Dataset, curated_sources: set[str], cache_folder: Path | None = None) -> None:
    """Add ``rule_scores`` and the rule rows of uncurated sources to ``dataset``.

    Curated sources are scored with no gazetteer at all, so the scores measure
    the rules alone; uncurated sources use the curated names as a gazetteer,
    and are analyzed on every core, each result cached in ``cache_folder``
    (see ``batch``); their rows are made here as the results arrive.
    """
    gazetteer = gazetteer_of(dataset)
    known = {table: {getattr(r, TABLES[table].primary_key[0]) for r in dataset.rows(table)} for table in RULE_TABLES}
    rows = RuleRows(known)
    scores = {}
    sources = dataset.rows("sources")
    for source in sources:
        if source.source_id in curated_sources:
            scores[source.source_id] = score_source(
                dataset, source.source_id, analyze(source.text, source.published_date)
            )
    uncurated = [s for s in sources if s.source_id not in curated_sources]
    results = iter_analyze([(s.text, s.published_date) for s in uncurated], gazetteer, cache_folder)
    for source, result in zip(uncurated, results, strict=True):  # rows made while the workers analyze the rest
        rows.add(source, result)
    for table, new_rows in rows.tables.items():
        pk = TABLES[table].primary_key[0]
        merged = {getattr(r, pk): r for r in dataset.rows(table)} | new_rows
        dataset.tables[table] = (
            [merged[k] for k in sorted(merged)]
            if table != "mentions"
            else sorted(merged.values(), key=lambda r: (r.source_id, r.char_start, r.char_end, r.mention_id))
        )
    dataset.tables["rule_scores"] = score_rows(scores)
