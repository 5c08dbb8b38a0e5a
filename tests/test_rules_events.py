"""Event triggers and dates resolved against the publication date, on sentences written for these tests."""

import datetime as dt

import pytest

from extract.rules import analyze
from extract.rules.dates import find_dates

PUBLISHED = dt.date(2024, 3, 14)  # a Thursday


@pytest.mark.parametrize("expression, expected, precision", [
    ("on Thursday", dt.date(2024, 3, 14), "day"),      # the publication day itself
    ("on Monday", dt.date(2024, 3, 11), "day"),
    ("last Thursday", dt.date(2024, 3, 7), "day"),
    ("next Monday", dt.date(2024, 3, 18), "day"),
    ("yesterday", dt.date(2024, 3, 13), "day"),
    ("today", dt.date(2024, 3, 14), "day"),
    ("on March 2", dt.date(2024, 3, 2), "day"),
    ("on 2 March 2023", dt.date(2023, 3, 2), "day"),
    ("on December 30", dt.date(2023, 12, 30), "day"),  # without a year: the latest one before publication
    ("in January", dt.date(2024, 1, 1), "month"),
    ("in 2014", dt.date(2014, 1, 1), "year"),
])
def test_dates_resolve_against_the_publication_date(expression, expected, precision):
    [hit] = find_dates(f"It happened {expression}.", PUBLISHED)
    assert (hit.date, hit.precision) == (expected, precision)


def test_numbers_that_look_like_dates_are_not_dates_of_events():
    assert find_dates("The 2,014 prisoners and 30 guards.", PUBLISHED) == []


@pytest.mark.parametrize("text, event_type", [
    ("Security forces stormed the prison on Monday.", "security_operation"),
    ("Police raided the compound.", "security_operation"),
    ("At least 40 inmates escaped through a tunnel.", "escape"),
    ("The prisoners were transferred to a jail in the south.", "detainee_transfer"),
    ("Hundreds of relatives gathered outside the gates.", "gathering"),
    ("Thousands protested against the new law.", "protest"),
    ("Troops seized weapons and cash.", "looting_seizure"),
    ("Investigators discovered a mass grave.", "discovery"),
    ("Police arrested the mayor.", "arrest"),
    ("Gunmen killed three farmers.", "attack"),
    ("Rival factions clashed near the border.", "armed_clash"),
    ("The militia was founded in 2009.", "group_formation"),
])
def test_triggers_map_onto_the_event_vocabulary(text, event_type):
    assert event_type in [e.event_type for e in analyze(text, PUBLISHED).events]


def test_an_event_takes_the_date_of_its_sentence():
    [event] = analyze("Security forces stormed the prison on Monday.", PUBLISHED).events
    assert (event.date, event.date_precision, event.date_text) == (dt.date(2024, 3, 11), "day", "on Monday")


def test_an_undated_event_takes_the_publication_date_and_says_so():
    [event] = analyze("Police arrested the mayor.", PUBLISHED).events
    assert (event.date, event.date_text) == (PUBLISHED, None)


def test_a_background_event_without_a_date_stays_undated():
    [event] = analyze("The militia was founded by former soldiers.", PUBLISHED).events
    assert (event.event_type, event.date, event.date_precision) == ("group_formation", None, "unknown")


def test_triggers_of_one_type_and_date_are_one_event():
    events = analyze("Police raided the prison on Monday. The raid lasted an hour on Monday.", PUBLISHED).events
    assert [(e.event_type, len(e.mentions)) for e in events] == [("security_operation", 2)]


@pytest.mark.parametrize("text", [
    "Police raided the prison on Monday, the day before yesterday, and left on 2 March 2023; in January and in 2014 too.",
    "It happened last Thursday, next Monday, on March 2, on December 30 and 20/09/2023, or 2023-09-20, since 1998.",
])
def test_the_anchored_date_search_finds_what_the_full_search_finds(text):
    from extract.rules.dates import find_dates_in
    from extract.rules.text import Article

    assert find_dates_in(Article.of(text), PUBLISHED) == find_dates(text, PUBLISHED)


def test_the_anchored_date_search_agrees_on_the_seeds():
    from extract.rules.dates import find_dates_in
    from extract.rules.text import Article

    from conftest import ROOT
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert find_dates_in(Article.of(text), PUBLISHED) == find_dates(text, PUBLISHED)


def test_the_month_march_is_not_a_protest():
    types = [e.event_type for e in analyze("On March 3 officials met. In March, protesters marched.", PUBLISHED).events]
    assert types == ["protest"]


def test_shelling_is_remote_violence():
    assert [e.event_type for e in analyze("Artillery shelled the town on Monday.", PUBLISHED).events] == ["remote_violence"]


def test_found_that_reports_a_finding_not_a_discovery():
    assert analyze("An inquiry found that 1,300 people were held unlawfully.", PUBLISHED).events == []
    assert [e.event_type for e in analyze("Police found a tunnel under the wall.", PUBLISHED).events] == ["discovery"]


@pytest.mark.parametrize("text, expected", [
    ("An earthquake struck on Saturday, killing at least 19 people.", []),
    ("He suffered a heart attack during a long legal battle.", []),
    ("Thousands fled the wildfire; hotels were destroyed by the blaze.", []),
    ("Gunmen killed 11 villagers on Friday.", ["attack"]),
    ("Three inmates fled the prison on Sunday.", ["escape"]),
    ("The virus spread quickly. The gang spread its tentacles to other prisons.", ["group_expansion"]),
])
def test_general_words_keep_their_sense_from_their_sentence(text, expected):
    assert [e.event_type for e in analyze(text, dt.date(2024, 3, 16)).events] == expected
