"""Every form of every currency, unit of measure and known organization is read as its entry says."""

from __future__ import annotations

import pytest
from lexicon_sentences import Case, figure_cases, organization_cases

from extract.rules import analyze


@pytest.mark.parametrize("case", figure_cases(), ids=lambda c: f"{c.entry_id}:{c.sentence}")
def test_each_currency_and_unit_form_gives_its_value_in_its_unit(case: Case):
    assert case.expect in [(f.value, f.unit) for f in analyze(case.sentence).figures]


@pytest.mark.parametrize("case", organization_cases(), ids=lambda c: f"{c.entry_id}:{c.sentence}")
def test_each_known_organization_name_is_one_organization(case: Case):
    spans = [(m.start, m.end) for e in analyze(case.sentence).organizations for m in e.mentions]
    assert case.expect in spans
