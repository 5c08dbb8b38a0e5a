"""Dates resolved against the publication date, one sentence per row of ``dates.DATE_RULES`` (issue 15)."""

from __future__ import annotations

import datetime as dt

import pytest

from extract.rules import dates, lexicon

PUBLISHED = dt.date(2024, 3, 14)  # a Thursday


@pytest.mark.parametrize(
    ("text", "date", "precision", "rule_id"),
    [
        ("The mine reopened yesterday.", dt.date(2024, 3, 13), "day", "date-relative-day"),
        ("Prices fell last month.", dt.date(2024, 2, 1), "month", "date-relative-month"),
        ("Talks resume next Tuesday.", dt.date(2024, 3, 19), "day", "date-weekday-next"),
        ("The ferry sank last Thursday.", dt.date(2024, 3, 7), "day", "date-weekday"),
        ("Voting ends on March 2.", dt.date(2024, 3, 2), "day", "date-day-month"),
        ("It was signed on 4 Dec 2019.", dt.date(2019, 12, 4), "day", "date-day-month"),
        ("The order is dated 2023-11-05.", dt.date(2023, 11, 5), "day", "date-iso"),
        ("The flood came in October.", dt.date(2023, 10, 1), "month", "date-month"),
        ("The plant closed in 2011.", dt.date(2011, 1, 1), "year", "date-year"),
    ],
)
def test_each_row_resolves_its_form(text, date, precision, rule_id):
    assert [(h.date, h.precision, h.rule_id) for h in dates.find_dates(text, PUBLISHED)] == [(date, precision, rule_id)]


def test_every_row_names_a_group_of_the_expression():
    groups = dates.date_pattern().groupindex
    assert all(rule.group in groups for rule in dates.DATE_RULES)


def test_the_calendar_words_come_from_the_lexicon():
    lex = lexicon.dates()
    assert dates.month_number("Sept.") == lex.month_abbreviations["sept"] == 9
    assert dates.month_number(lex.months[-1]) == 12
