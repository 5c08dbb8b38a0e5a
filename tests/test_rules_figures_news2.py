"""Figures in news of every kind, round 2 (issue 11, heldout10's patterns): sentences written for these tests."""

import pytest
from figure_readings import hits, units


@pytest.mark.parametrize(
    "text, expected",
    [
        # a currency name several countries use: the place named before it, a figure of the sentence, a place after
        ("In Medellín the fare went up to 2,900 pesos this week.", [(2900, "COP")]),
        ("Caracas cut the levy, and Buenos Aires raised it to 61 pesos.", [(61, "ARS")]),
        ("Officers found 800,000 pesos hidden in a car in the Colombian port.", [(800000, "COP")]),
        ("Sales rose to DKK 2.1 billion, against 1.8 billion kroner a year before.", [(2.1e9, "DKK"), (1.8e9, "DKK")]),
        ("The ticket costs 40 francs in Geneva and 3,000 francs in Abidjan.", [(40, "CHF"), (3000, "XOF")]),
        ("The museum charges 12 pesos for entry.", [(12, "money")]),
        # a sign several countries write: "Sh" of the shillings, "Rs" of the rupees (Indian rupees by default)
        ("Farmers in Kampala earned Sh900,000 from the harvest.", [(900000, "UGX")]),
        ("Lahore's traders lost Rs2.5bn in the strike.", [(2.5e9, "PKR")]),
        ("The dam will cost Rs 400 crore.", [(4e9, "INR")]),
        ("Colombo's port earned Rs 12 billion.", [(12e9, "LKR")]),
        ("Exports reached Rs3.2tr in the year.", [(3.2e12, "INR")]),
        # cents of the currency of the place named
        ("A Spanish driver pays 15 cents more a litre.", [(0.15, "EUR")]),
        ("Canadian farmers get 62 cents a kilo.", [(0.62, "CAD")]),
    ],
)
def test_a_shared_currency_word_takes_the_currency_of_the_place_or_figure_nearby(text, expected):
    assert units(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The rupee slid to 84.1 per dollar on Monday.", [(84.1, "INR")]),
        ("The rouble traded at 96 to the dollar.", [(96, "RUB")]),
        ("The won fell to 1,390 against the dollar.", [(1390, "KRW")]),
    ],
)
def test_an_exchange_rate_is_an_amount_of_the_currency_it_is_the_rate_of(text, expected):
    assert units(text) == expected


def test_a_one_letter_sign_before_a_price_with_cents_is_money():
    assert units("Bread went from R14.99 to R16.49 a loaf.") == [(14.99, "ZAR"), (16.49, "ZAR")]
    assert hits("The bus follows the R40 through the valley.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Revenue fell to €3.1 billion from 3.6 billion a year ago.", [(3.1e9, "EUR"), (3.6e9, "EUR")]),
        ("Losses narrowed to $40m, against 55m in 2023.", [(40e6, "USD"), (55e6, "USD")]),
        ("Temperatures of minus 12 degrees felt like -20 in the wind.", [(-12, "°C"), (-20, "°C")]),
    ],
)
def test_a_bare_figure_compared_with_one_in_a_unit_is_in_that_unit(text, expected):
    assert units(text) == expected


def test_a_bare_figure_with_a_noun_keeps_its_count():
    assert units("Profit rose to $2 billion, and 1.5 billion shares changed hands.") == [(2e9, "USD"), (1.5e9, "count")]
    assert units("Police said 12 people were hurt and -3 were missing.")[1] == (3, "count")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The central bank raised rates by a quarter point.", [("quarter point", 0.25, None, "percentage_point")]),
        ("Markets expect a half point cut in June.", [("half point", 0.5, None, "percentage_point")]),
        ("The mayor raised a third point at the meeting.", []),
        ("The siege lasted a decade and a half.", [("a decade and a half", 1.5, None, "decade")]),
        ("Talks went on for an hour and a half.", [("an hour and a half", 1.5, None, "hour")]),
        ("The fire began a year and a half ago.", []),
        ("The crater is 4.5m deep and 12.5m across.", [("4.5m", 4.5, None, "m"), ("12.5m", 12.5, None, "m")]),
        ("Mix 250g of sugar with 150ml of cream.", [("250g", 250, None, "g"), ("150ml", 0.15, None, "l")]),
        ("The boat sank 2mi from the shore.", [("2mi", 2, None, "mi")]),
        ("The tablet's 8,000mAh cell lasts a day.", [("8,000mAh", 8000, None, "count")]),
    ],
)
def test_fractions_of_a_point_durations_and_a_half_dimensions_and_small_units(text, expected):
    assert hits(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Support for the party dropped 4 points to 29 per cent.", [(4, "percentage_point"), (29, "percent")]),
        ("The president's approval rating rose 3 points.", [(3, "percentage_point")]),
        ("The index fell 120 points to 7,400.", [(120, "count"), (7400, "count")]),
    ],
)
def test_points_of_a_share_are_percentage_points(text, expected):
    assert units(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Turnout was lowest in the 25-34 age group.", [("25-34", 25, 34, "year")]),
        (
            "Free travel is offered to over-60s and under-16s.",
            [("over-60s", 60, None, "year"), ("under-16s", 16, None, "year")],
        ),
        ("The writer, who was 91, died at home.", [("91", 91, None, "year")]),
        ("Her aunt, who is 77 and lives alone, was rescued.", [("77", 77, None, "year")]),
    ],
)
def test_age_groups_and_ages_after_who(text, expected):
    assert hits(text) == expected


def test_scores_alone_is_a_vague_count_unless_it_is_a_noun():
    assert hits("Scores were injured when the stand collapsed.") == [("Scores", 40, None, "count")]
    assert hits("The scores were level at half-time.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The crowd filled the Plaza 25 de Mayo on Sunday.",
        "Fans packed the Estadio 9 de Julio for the final.",
        "She won the 800m heats with ease.",
        "He took the 100m hurdles title.",
    ],
)
def test_dates_in_names_and_race_names_are_no_figures(text):
    assert hits(text) == []


def test_by_a_number_to_a_much_larger_one_is_a_change_and_a_level():
    assert units("Debt rose by $2bn to $15bn last year.") == [(2e9, "USD"), (15e9, "USD")]
    assert hits("Prices will rise by 2 to 3 per cent.") == [("2 to 3 per cent", 2, 3, "percent")]


def test_a_range_with_a_shared_sign_takes_the_currency_its_sentence_tells():
    assert units("In Karachi the plan will cost Rs 40 to Rs 60 crore.") == [(4e8, "PKR")]


@pytest.mark.parametrize(
    "text",
    [
        "The critic settled scores and moved on.",
        "The senator scores well with older voters.",
        "The site shows live scores for every game.",
    ],
)
def test_scores_as_a_noun_or_a_verb_is_no_figure(text):
    assert hits(text) == []


def test_points_to_a_rate_with_two_decimals_are_not_percentage_points():
    assert units("Bank bill rates shed five points to 9.93 percent.") == [(5, "count"), (9.93, "percent")]


def test_a_place_whatever_its_currency_is_read_whole():
    assert units("Aid workers in the Central African Republic were paid 50 cents.") == [(0.5, "money")]
    assert units("Fares in Santiago rose to 800 pesos.") == [(800, "CLP")]
