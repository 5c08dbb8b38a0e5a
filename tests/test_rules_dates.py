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


def test_weekdays_and_month_steps_agree_with_dateutil_on_every_day_of_two_years():
    """The day counting of ``weekday`` and ``relative_period`` against dateutil's ``relativedelta`` (an independent
    calendar), for every weekday word and lead, on every publication date of a leap year and the next."""
    from dateutil.relativedelta import relativedelta
    from dateutil.relativedelta import weekday as rd_weekday

    lex = lexicon.dates()
    day = dt.date(2023, 12, 25)
    while day < dt.date(2026, 1, 5):
        for index, name in enumerate(lex.weekdays):
            wd = rd_weekday(index)
            expected = {
                "next": day + relativedelta(days=1, weekday=wd(+1)),
                "last": day + relativedelta(days=-1, weekday=wd(-1)),
                "on": day + relativedelta(weekday=wd(-1)),
            }
            for rel, date in expected.items():
                assert dates.weekday({"weekday": name.title(), "rel": f"{rel} "}, day)[0] == date, (day, rel, name)
        for step_word, step in lex.relative_steps.items():
            got = dates.relative_period({"relper": step_word, "period": "month"}, day)[0]
            assert got == (day + relativedelta(months=step)).replace(day=1), (day, step_word)
        day += dt.timedelta(days=1)
