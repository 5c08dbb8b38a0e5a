"""The reviewed annotations are complete: nothing quoted or numbered in an article was overlooked.

They run on every file a curator marked reviewed (``status: curated``), whatever
the corpus; drafts are not claimed complete (tests/test_draft.py checks that a
draft already lists what the rules rejected)."""

import re

import pytest
from conftest import ROOT

from extract.curated.annotations import read_annotations
from extract.sources import load_sources

SOURCES = load_sources(ROOT / "seeds", ROOT)
CURATED = {
    c.source_id: c for c in read_annotations(ROOT / "seeds" / "annotations", SOURCES, ROOT) if c.status == "curated"
}
REVIEWED = [s for s in SOURCES if s.source_id in CURATED]
QUOTED = re.compile(r"“([^”]+)”")
NUMBER = re.compile(r"\d[\d,.]*\d|\d")


def covered(start, end, spans):
    return any(s <= start and end <= e for s, e in spans)


@pytest.mark.parametrize("source", REVIEWED, ids=lambda s: s.source_id)
def test_every_quotation_mark_pair_is_a_quote_or_a_considered_exclusion(source):
    curated = CURATED[source.source_id]
    spans = [(q.char_start, q.char_end) for q in curated.quotes] + [
        (s.start, s.end) for s in curated.exclusions["not_quotes"]
    ]
    missed = [m.group(1) for m in QUOTED.finditer(source.text) if not covered(m.start(1), m.end(1), spans)]
    assert missed == []


@pytest.mark.parametrize("source", REVIEWED, ids=lambda s: s.source_id)
def test_every_number_in_digits_is_a_figure_or_a_considered_exclusion(source):
    curated = CURATED[source.source_id]
    spans = [(f.char_start, f.char_end) for f in curated.figures] + [
        (s.start, s.end) for s in curated.exclusions["not_figures"]
    ]
    missed = [m.group() for m in NUMBER.finditer(source.text) if not covered(m.start(), m.end(), spans)]
    assert missed == []


@pytest.mark.parametrize("source", REVIEWED, ids=lambda s: s.source_id)
def test_every_quote_has_a_speaker(source):
    unattributed = [
        q.text for q in CURATED[source.source_id].quotes if not (q.speaker_actor_id or q.speaker_organization_id)
    ]
    assert unattributed == []


def test_the_seed_articles_are_reviewed():
    assert {"afp-2023-09-20-tocoron", "efe-2023-09-20-tocoron"} <= set(CURATED)
