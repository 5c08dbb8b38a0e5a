"""Dates in news prose, resolved against the publication date.

"on Wednesday" in a report published on Wednesday 20 September 2023 is that
day; "last Monday", "yesterday", "today", "September 20", "20 September 2023",
"in March", "in 2014", "last month", "earlier this year" are resolved likewise,
each with its precision (day, month or year).  A weekday names the most recent
such day on or before the publication date ("last Monday" the one before a
Monday's report, "next Monday" the following one).  The calendar arithmetic is
the standard library's (a weekday is a count of days back or on, a month a step of
the month number); no date parser is used, since the expressions are found and
taken apart by the pattern below (a parser guesses a date in any string, and a
wrong date is worse than none).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from . import lexicon, matching
from .text import alternation


@cache
def month_numbers() -> dict[str, int]:
    """Month name or abbreviation (lower-case) -> its number."""
    lex = lexicon.dates()
    return {m: i + 1 for i, m in enumerate(lex.months)} | dict(lex.month_abbreviations)


@dataclass(frozen=True)
class DateHit:
    start: int
    end: int
    text: str
    date: dt.date
    precision: str
    rule_id: str


def month_number(word: str) -> int | None:
    return month_numbers().get(word.lower().rstrip("."))


@cache
def date_pattern() -> re.Pattern:
    lex = lexicon.dates()
    months = alternation(month_numbers())
    weekdays = alternation(lex.weekdays)
    ordinal, of, month_lead = (
        alternation(lex.ordinal_suffixes),
        alternation(lex.day_month_joins),
        alternation(lex.month_leads),
    )
    return re.compile(
        rf"\b(?P<relday>{alternation(lex.relative_days)})\b"
        rf"|\b(?P<relper>{alternation(lex.relative_steps)})\s+(?P<period>{alternation(lex.periods)})\b"
        rf"|\b(?P<rel>(?:{alternation(lex.weekday_leads)})\s+)?(?P<weekday>{weekdays})\b"
        rf"|\b(?P<m1>{months})\.?\s+(?P<d1>\d{{1,2}})(?:{ordinal})?(?:,?\s+(?P<y1>\d{{4}}))?\b"
        rf"|\b(?P<d2>\d{{1,2}})(?:{ordinal})?\s+(?:(?:{of})\s+)?(?P<m2>{months})\b(?:\s+(?P<y2>\d{{4}}))?"
        rf"|\b(?P<y4>\d{{4}})-(?P<m4>\d{{2}})-(?P<d4>\d{{2}})\b"
        rf"|\b(?P<d5>\d{{1,2}})/(?P<m5>\d{{1,2}})/(?P<y5>\d{{4}})\b"
        rf"|\b(?:{month_lead})\s+(?P<m3>{months})(?:\s+(?P<y3>\d{{4}}))?\b"
        rf"|\b(?:{alternation(lex.year_leads)})\s+(?P<year>1[89]\d\d|20\d\d)\b",
        re.I,
    )


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def in_past_year(published: dt.date, month: int, day: int) -> dt.date | None:
    """A day and month without a year: the latest such date not far after publication."""
    candidate = safe_date(published.year, month, day)
    if candidate and candidate > published + dt.timedelta(days=31):
        candidate = safe_date(published.year - 1, month, day)
    return candidate


Resolved = tuple[dt.date | None, str, str]  # (date, precision, rule id)


def relative_day(g: dict, published: dt.date) -> Resolved:
    offset = lexicon.dates().relative_days[" ".join(g["relday"].lower().split())]
    return published + dt.timedelta(days=offset), "day", "date-relative-day"


def relative_period(g: dict, published: dt.date) -> Resolved:
    step = lexicon.dates().relative_steps.get(" ".join(g["relper"].lower().split()), 0)
    if g["period"].lower() == "month":
        year, month = divmod(published.month - 1 + step, 12)  # month 0-11 of the year ``published.year + year``
        return dt.date(published.year + year, month + 1, 1), "month", "date-relative-month"
    return dt.date(published.year + step, 1, 1), "year", "date-relative-year"


def weekday_on_or_before(day: dt.date, weekday: int) -> dt.date:
    """The latest date on or before ``day`` that falls on ``weekday`` (Monday 0)."""
    return day - dt.timedelta(days=(day.weekday() - weekday) % 7)


def weekday_on_or_after(day: dt.date, weekday: int) -> dt.date:
    """The earliest date on or after ``day`` that falls on ``weekday`` (Monday 0)."""
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


ONE_DAY = dt.timedelta(days=1)


def weekday(g: dict, published: dt.date) -> Resolved:
    """The most recent such day on or before publication; "next" the following one, "last" the one before.
    (Counted in days with the standard library: dateutil's ``relativedelta`` gave the same dates at many
    times the cost, a per cent of all the rules' time on the seeds.)"""
    lex = lexicon.dates()
    day = lex.weekdays.index(g["weekday"].lower())
    rel = (g["rel"] or "").strip().lower()
    if rel in lex.weekday_next:
        return weekday_on_or_after(published + ONE_DAY, day), "day", "date-weekday-next"
    if rel in lex.weekday_last:  # "last Thursday" in a Thursday's report is the week before
        return weekday_on_or_before(published - ONE_DAY, day), "day", "date-weekday"
    return weekday_on_or_before(published, day), "day", "date-weekday"


def day_month(g: dict, published: dt.date) -> Resolved:
    month = month_number(g["m1"] or g["m2"])
    day = int(g["d1"] or g["d2"])
    year = g["y1"] or g["y2"]
    date = safe_date(int(year), month, day) if year else in_past_year(published, month, day)
    return date, "day", "date-day-month"


def month_only(g: dict, published: dt.date) -> Resolved:
    """ "in March": the latest March not after publication's month, unless a year is written."""
    month = month_number(g["m3"])
    year = int(g["y3"]) if g["y3"] else (published.year if month <= published.month else published.year - 1)
    return safe_date(year, month, 1), "month", "date-month"


@dataclass(frozen=True)
class DateRule:
    """One row of ``DATE_RULES``: the named group of the date expression that makes it apply, and how the
    date is resolved against the publication date."""

    group: str
    resolve: Callable[[dict, dt.date], Resolved]


DATE_RULES: tuple[DateRule, ...] = (
    DateRule("relday", relative_day),  # today, yesterday
    DateRule("relper", relative_period),  # last month, earlier this year
    DateRule("weekday", weekday),  # on Monday, last Friday
    DateRule("m1", day_month),  # September 20
    DateRule("m2", day_month),  # 20 September
    DateRule("y4", lambda g, p: (safe_date(int(g["y4"]), int(g["m4"]), int(g["d4"])), "day", "date-iso")),
    DateRule("y5", lambda g, p: (safe_date(int(g["y5"]), int(g["m5"]), int(g["d5"])), "day", "date-dmy")),
    DateRule("m3", month_only),  # in March
    DateRule("year", lambda g, p: (safe_date(int(g["year"]), 1, 1), "year", "date-year")),  # in 2014
)
"""How each form of the date expression is resolved, in order: the first whose group matched decides."""


def resolve(m: re.Match, published: dt.date) -> Resolved:
    g = m.groupdict()
    for rule in DATE_RULES:
        if g[rule.group]:
            return rule.resolve(g, published)
    return None, "unknown", ""


def find_dates(text: str, published: dt.date | None, start: int = 0, end: int | None = None) -> list[DateHit]:
    """Every resolvable date expression in text[start:end]."""
    if published is None:
        return []
    hits = []
    for m in date_pattern().finditer(text, start, len(text) if end is None else end):
        date, precision, rule_id = resolve(m, published)
        if date is not None:
            hits.append(DateHit(m.start(), m.end(), m.group(), date, precision, rule_id))
    return hits


def digit_runs(article) -> list[tuple[int, int]]:
    """(start, end) of every run of digits (or fraction glyph) in the article (``Article.digit_runs``)."""
    return article.digit_runs


@cache
def leads() -> frozenset[str]:
    return frozenset(lexicon.dates().leads)


def anchor_phrases() -> dict[str, list[str]]:
    """The date words a date may begin at (matched with the other tables, see ``matching``)."""
    lex = lexicon.dates()
    # the one-word relative days ("the day before yesterday" anchors on "yesterday")
    days = [w for w in lex.relative_days if " " not in w]
    return {"date": [*days, *lex.periods, *lex.weekdays, *lex.months, *lex.month_abbreviations]}


def find_dates_in(article, published: dt.date | None) -> list[DateHit]:
    """``find_dates`` over a whole article, tried only where a date word or a number stands
    (found with spaCy's PhraseMatcher and a digit expression): the same hits, found faster."""
    if published is None:
        return []
    text = article.text
    anchors = sorted(
        {start for start, _ in digit_runs(article) if text[start] <= "9"}  # digits: "0"-"9" sort before the glyphs
        | {article.char_bounds(s, e)[0] for _, s, e in matching.matches(article, "dates")}
    )
    pattern, hits, last_end = date_pattern(), [], 0
    for anchor in anchors:
        if anchor < last_end:
            continue
        starts = [anchor]
        back = anchor
        for _ in range(3):  # up to three words before: "on", "last", "the day before", "in"
            prev = text.rfind(" ", max(0, back - 12), back - 1)
            if prev < 0 or text[prev + 1 : back].strip().lower() not in leads():
                break
            back = prev + 1
            starts.insert(0, back)
        for start in starts:
            m = pattern.match(text, start)
            if m and m.start() <= anchor < m.end() and (start == 0 or not text[start - 1].isalnum()):
                date, precision, rule_id = resolve(m, published)
                if date is not None:
                    hits.append(DateHit(m.start(), m.end(), m.group(), date, precision, rule_id))
                last_end = m.end()
                break
    return hits
