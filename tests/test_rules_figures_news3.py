"""Figures in news of every kind, round 3 (heldout11's patterns): sentences written for these tests."""

import pytest
from figure_readings import hits, units


@pytest.mark.parametrize(
    "text, expected",
    [
        # Gulf signs: the dirham's "Dh", the Qatari riyal's "QR", the Kuwaiti dinar's "KD"
        ("A villa in Dubai sold for Dh45 million last month.", [(45e6, "AED")]),
        ("The fine rose to Dhs 5,000 for a first offence.", [(5000, "AED")]),
        ("The stadium cost QR900m to build.", [(9e8, "QAR")]),
        ("The telecom group earned KD 42.5 million in the quarter.", [(42.5e6, "KWD")]),
        # the cedi's sign as the cent sign
        ("A bag of rice now costs GH¢480 at the market.", [(480, "GHS")]),
    ],
)
def test_gulf_and_west_african_currency_signs(text, expected):
    assert units(text) == expected


def test_pc_after_a_space_is_percent():
    assert hits("Sales fell 3.5 pc in the quarter.") == [("3.5 pc", 3.5, None, "percent")]


def test_sq_miles_is_square_miles():
    assert units("The fire burned across 120 sq miles of forest.") == [(120, "mi2")]


@pytest.mark.parametrize(
    "text",
    [
        "Readers can reach the newsroom on +44 20 7946 0018 until midnight.",
        "The hotline, +61 2-9876-5432, is open every day.",
    ],
)
def test_an_international_phone_number_is_no_figure(text):
    assert hits(text) == []


def test_a_signed_change_is_still_a_figure():
    assert units("Shares closed +4 points higher and the index +12% on the week.")[-1] == (12, "percent")


def test_a_data_rate_is_a_count():
    assert units("Fibre lines reach 900Mbps, mobile ones 40Mbps and the new link 2Gbps.") == [
        (900, "count"),
        (40, "count"),
        (2, "count"),
    ]


def test_a_numbered_tower_is_a_label():
    assert units("The fire started on a balcony of Tower 4 and spread to 12 flats.") == [(12, "count")]


def test_negative_money_written_before_its_sign():
    assert units("The trade balance swung to -$2.3bn in May.") == [(-2.3e9, "USD")]
    assert units("Its net cash position was -€450m at the year end.") == [(-4.5e8, "EUR")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("She answered every one of the 40 questions.", [(40, "count")]),
        ("Each one of the six bridges was closed.", [(6, "count")]),
        ("One of the six bridges was closed.", [(1, "count"), (6, "count")]),
    ],
)
def test_every_one_of_is_a_pronoun(text, expected):
    assert units(text) == expected


def test_a_change_from_a_bare_number_to_a_percentage_is_two_percentages():
    assert units("Turnout rose from 41 to 56 per cent in the city.") == [(41, "percent"), (56, "percent")]
    assert units("The rate fell from 7.5 to 6% this year.") == [(7.5, "percent"), (6, "percent")]
    assert units("The crowd grew from 300 to 4,000 people.") == [(300, "count"), (4000, "count")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The city has 2 315 904 residents, the census found.", [(2315904, "count")]),
        ("The plant employs 4\u00a0200 workers.", [(4200, "count")]),
        ("The fund holds €3\u202f500 million in bonds.", [(3.5e9, "EUR")]),
    ],
)
def test_digits_grouped_by_spaces_are_one_number(text, expected):
    assert units(text) == expected


def test_numbers_apart_by_one_plain_space_stay_apart():
    assert units("Of the 12 300 applied and 40 were hired.")[0] == (12, "count")


def test_a_year_before_a_fall_to_a_percentage_is_no_percentage():
    assert (2004, "percent") not in units("The rate fell in 2004 to 3.5 percent.")
