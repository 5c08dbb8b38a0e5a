"""The figure classifier as ordered tables of named rows (issue 15): ids unique, and provenance names a row."""

from __future__ import annotations

import pytest

from extract import numbers
from extract.rules import analyze, figures

ROW_IDS = [rule.id for rule in figures.HIT_RULES] + [rule.id for rule in figures.RANGE_RULES]
VAGUE_IDS = {entry.id for entry in numbers.lexicon().vague}  # the vague row gives its word's id


def test_row_ids_are_unique():
    assert len(ROW_IDS) == len(set(ROW_IDS))


@pytest.mark.parametrize(
    ("text", "rule_id"),
    [
        ("The hospital treated 14 patients overnight.", "fig-digits"),
        ("Nearly a year has passed since the fire.", "fig-a-unit"),
        ("The mayor pledged €3m for new parks.", "fig-money"),
        ("Support for the plan fell to 41%.", "fig-percent"),
        ("Between 30 and 50 workers lost their jobs.", "fig-range"),
        ("Prices rose by between 3% and 5% this spring.", "fig-range-percent"),
        ("Two-thirds of the tickets were sold online.", "fig-fraction"),
        ("Maria Lopes, 34, reached the summit at dawn.", "fig-age"),
        ("A 12-tonne crane toppled onto the road.", "fig-hyphenated-measure"),
    ],
)
def test_a_sentence_is_decided_by_its_row(text, rule_id):
    assert [f.rule_id for f in analyze(text).figures] == [rule_id]


@pytest.mark.parametrize(
    "text",
    ["Give it a minute, the guide said.", "One said the gates were closed.", "Delegates met at COP28 in the desert."],
)
def test_a_no_figure_row_keeps_the_match_out(text):
    assert analyze(text).figures == []


def test_every_emitted_rule_id_names_a_row_or_refines_one():
    sentences = [
        "Some 300 people waited for more than two hours in 35C heat.",
        "The bill, worth $4.5bn, passed by 61 votes to 38.",
        "Dozens of homes were damaged by 90mph winds.",
    ]
    for text in sentences:
        for fig in analyze(text).figures:
            named = fig.rule_id in VAGUE_IDS or any(
                fig.rule_id == row or fig.rule_id.startswith(row + "-") for row in ROW_IDS
            )
            assert named, fig.rule_id
