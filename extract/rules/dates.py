"""Dates in news prose, resolved against the publication date.

"on Wednesday" in a report published on Wednesday 20 September 2023 is that
day; "last Monday", "yesterday", "today", "September 20", "20 September 2023",
"in March", "in 2014", "last month", "earlier this year" are resolved likewise,
each with its precision (day, month or year).  A weekday names the most recent
such day on or before the publication date ("last Monday" the one before a
Monday's report, "next Monday" the following one).  The calendar arithmetic is
python-dateutil's ``relativedelta``; its parser is not used, since the
expressions are found and taken apart by the pattern below (a parser guesses a
date in any string, and a wrong date is worse than none).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from dateutil.relativedelta import relativedelta
from dateutil.relativedelta import weekday as rd_weekday

from . import matching

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}


@dataclass(frozen=True)
class DateHit:
    start: int
    end: int
    text: str
    date: dt.date
    precision: str
    rule_id: str


def month_number(word: str) -> int | None:
    word = word.lower().rstrip(".")
    if word in MONTHS:
        return MONTHS.index(word) + 1
    return MONTH_ABBR.get(word)


@cache
def date_pattern() -> re.Pattern:
    months = "|".join(sorted(MONTHS + list(MONTH_ABBR), key=len, reverse=True))
    weekdays = "|".join(WEEKDAYS)
    return re.compile(
        rf"\b(?P<relday>today|tonight|yesterday|tomorrow|the day before yesterday)\b"
        rf"|\b(?P<relper>last|this|next|earlier this)\s+(?P<period>month|year)\b"
        rf"|\b(?P<rel>(?:on|this|last|next|past)\s+)?(?P<weekday>{weekdays})\b"
        rf"|\b(?P<m1>{months})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>\d{{4}}))?\b"
        rf"|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{months})\b(?:\s+(?P<y2>\d{{4}}))?"
        rf"|\b(?P<y4>\d{{4}})-(?P<m4>\d{{2}})-(?P<d4>\d{{2}})\b"
        rf"|\b(?P<d5>\d{{1,2}})/(?P<m5>\d{{1,2}})/(?P<y5>\d{{4}})\b"
        rf"|\bin\s+(?P<m3>{months})(?:\s+(?P<y3>\d{{4}}))?\b"
        rf"|\b(?:in|since|of)\s+(?P<year>1[89]\d\d|20\d\d)\b",
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


def resolve(m: re.Match, published: dt.date) -> tuple[dt.date | None, str, str]:
    g = m.groupdict()
    if g["relday"]:
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2}[
            g["relday"].lower()
        ]
        return published + dt.timedelta(days=offset), "day", "date-relative-day"
    if g["relper"]:
        step = {"last": -1, "next": 1}.get(g["relper"].lower(), 0)
        if g["period"].lower() == "month":
            return (published + relativedelta(months=step)).replace(day=1), "month", "date-relative-month"
        return dt.date(published.year + step, 1, 1), "year", "date-relative-year"
    if g["weekday"]:
        day = rd_weekday(WEEKDAYS.index(g["weekday"].lower()))
        rel = (g["rel"] or "").strip().lower()
        if rel == "next":
            return published + relativedelta(days=1, weekday=day(+1)), "day", "date-weekday-next"
        if rel in ("last", "past"):  # "last Thursday" in a Thursday's report is the week before
            return published + relativedelta(days=-1, weekday=day(-1)), "day", "date-weekday"
        return published + relativedelta(weekday=day(-1)), "day", "date-weekday"
    if g["m1"] or g["m2"]:
        month = month_number(g["m1"] or g["m2"])
        day = int(g["d1"] or g["d2"])
        year = g["y1"] or g["y2"]
        date = safe_date(int(year), month, day) if year else in_past_year(published, month, day)
        return date, "day", "date-day-month"
    if g["y4"]:
        return safe_date(int(g["y4"]), int(g["m4"]), int(g["d4"])), "day", "date-iso"
    if g["y5"]:
        return safe_date(int(g["y5"]), int(g["m5"]), int(g["d5"])), "day", "date-dmy"
    if g["m3"]:
        month = month_number(g["m3"])
        year = int(g["y3"]) if g["y3"] else (published.year if month <= published.month else published.year - 1)
        return safe_date(year, month, 1), "month", "date-month"
    if g["year"]:
        return safe_date(int(g["year"]), 1, 1), "year", "date-year"
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


DATE_WORDS = ["today", "tonight", "yesterday", "tomorrow", "month", "year", *WEEKDAYS, *MONTHS, *MONTH_ABBR]
# ASCII digit runs, and the fraction glyphs figures begin at: one scan of the article shared by dates and
# figures (``\d``, every script's digits, scans three times slower; news in English writes 0-9)
DIGIT_RUN = re.compile(r"[0-9½¼¾⅓⅔][0-9]*")


def digit_runs(article) -> list[tuple[int, int]]:
    """(start, end) of every run of digits (or fraction glyph) in the article, found once and kept on it."""
    found = getattr(article, "_digit_runs", None)
    if found is None:
        found = [(m.start(), m.end()) for m in DIGIT_RUN.finditer(article.text)]
        article._digit_runs = found
    return found


LEADS = {"on", "this", "last", "next", "past", "in", "since", "of", "the", "day", "before", "earlier"}


def anchor_phrases() -> dict[str, list[str]]:
    """The date words a date may begin at (matched with the other tables, see ``matching``)."""
    return {"date": DATE_WORDS}


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
            if prev < 0 or text[prev + 1 : back].strip().lower() not in LEADS:
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
