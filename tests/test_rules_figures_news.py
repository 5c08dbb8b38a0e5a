"""Figures in news of every kind (issue 11, heldout9's patterns): sentences written for these tests."""

import pytest
from figure_readings import hits, units

from extract.rules import analyze


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Net income climbed to 3.7 bln yuan in the quarter.", [(3.7e9, "CNY")]),
        ("The fund raised 450 mln euros from pension schemes.", [(450e6, "EUR")]),
        ("The foundry expects a profit of NT$90 billion this year.", [(90e9, "TWD")]),
        ("The lottery paid out 12 million New Taiwan dollars.", [(12e6, "TWD")]),
        ("A loaf of bread now costs 6.49 zł in Krakow.", [(6.49, "PLN")]),
        ("The state oil firm lost N2.1tn on the deal.", [(2.1e12, "NGN")]),
        ("The utility needs R45bn to repair its plants.", [(45e9, "ZAR")]),
        ("Landlords must pay R12,000 for each unit.", [(12000, "ZAR")]),
        ("Commuters pay R90 a week for the train.", [(90, "ZAR")]),
        ("Diesel fell by 3.2p a litre.", [(0.032, "GBP")]),
    ],
)
def test_currencies_written_as_codes_letters_and_words(text, expected):
    assert units(text) == expected


@pytest.mark.parametrize(
    "text",
    ["Nurses were told to wear N95 masks on the ward.", "The bus follows the R40 through the valley."],
)
def test_a_one_letter_sign_before_an_unscaled_number_is_a_name(text):
    assert hits(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Traders expect a quarter-point rise in rates.", [("quarter-point", 0.25, None, "percentage_point")]),
        ("The bank delivered a half-percentage-point cut.", [("half-percentage-point", 0.5, None, "percentage_point")]),
        ("Flooding brought 40-60mm of rain to the valley.", [("40-60mm", 40, 60, "mm")]),
        ("Winds of 50-65mph are forecast for the coast.", [("50-65mph", 50, 65, "mi/h")]),
        ("Jobs for 18- to 21-year-olds were cut.", [("18- to 21-year-olds", 18, 21, "year")]),
        ("Judges handed down three- to 12-month terms.", [("three- to 12-month", 3, 12, "month")]),
        ("The 3½-mile bypass will take 1½ years.", [("3½-mile", 3.5, None, "mi"), ("1½", 1.5, None, "year")]),
        ("The 5ft 11in striker signed on Friday.", [("5ft", 5, None, "ft"), ("11in", 11, None, "in")]),
        ("The march lasted one hour and 20 minutes.", [("one", 1, None, "hour"), ("20", 20, None, "minute")]),
    ],
)
def test_fractions_of_a_point_ranges_glued_to_a_unit_and_glyphs(text, expected):
    assert hits(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Forecasters said 35 degrees was likely on Sunday.", [(35, "°C")]),
        ("Phoenix baked at 112 degrees for a week.", [(112, "°F")]),
        ("The truck made a 180 degrees turn on the bridge.", [(180, "count")]),
        ("A 6.4 earthquake shook the coast overnight.", [(6.4, "magnitude")]),
        ("A 5.8 quake struck near the dam.", [(5.8, "magnitude")]),
        ("Greens trail Labour by 9 points in the latest survey.", [(9, "percentage_point")]),
        ("The index lost 230 points on Tuesday.", [(230, "count")]),
        ("The patch is a 3.4GB file.", [(3.4, "GB")]),
        ("Each photo is about 6 MB in size.", [(6, "MB")]),
    ],
)
def test_degrees_magnitudes_poll_points_and_data_sizes(text, expected):
    assert units(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The goalkeeper retired at 41 after a long career.", [(41, "year"), (None, None)]),
        ("Free bus passes go to residents over 70.", [(70, "year")]),
        ("Vaccines were offered to children under 5.", [(5, "year")]),
        ("A man in his 40s was detained at the port.", [(40, "year")]),
        ("Police arrested a woman in her late 20s.", [(20, "year")]),
    ],
)
def test_ages_after_a_life_event_over_a_number_and_in_a_decade(text, expected):
    found = units(text)
    assert found[0] == expected[0]


def test_a_decade_without_a_possessive_is_no_age():
    assert hits("Temperatures stayed in the 30s all week.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Oil companies spilled thousands of barrels into the bay.", [("thousands of barrels", 2000, None, "bbl")]),
        ("Smugglers moved hundreds of kilograms of cocaine.", [("hundreds of kilograms", 200, None, "kg")]),
        (
            "Only 1.1 million users had updated, out of 30m.",
            [("1.1 million", 1.1e6, None, "count"), ("30m", 30e6, None, "count")],
        ),
        ("The athletes ran the 100m in the rain.", [("100m", 100, None, "m")]),
    ],
)
def test_a_vague_quantity_of_a_unit_and_millions_out_of_a_total(text, expected):
    assert hits(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The appeals court ruled 2-1 against the prisoners.", [("2", 2), ("1", 1)]),
        ("The jury voted 10-2 to convict.", [("10", 10), ("2", 2)]),
        ("The motion passed on a 5-4 vote.", [("5", 5), ("4", 4)]),
        ("Roughly 10-20 buses were torched.", [("Roughly 10-20", 10)]),
    ],
)
def test_a_vote_is_a_count_of_voters_per_side(text, expected):
    assert [(f.surface, f.value) for f in analyze(text).figures] == expected


def test_a_vote_is_marked_as_one():
    assert {(f.counts, f.rule_id) for f in analyze("The board voted 7-0 on Sunday.").figures} == {("votes", "fig-vote")}


@pytest.mark.parametrize(
    "text",
    [
        "City beat United 3-2 in the derby.",
        "It was a 1-1 draw in the rain.",
        "The hosts suffered a 1-4 defeat at home.",
        "The visitors won 4-0 on Sunday.",
    ],
)
def test_a_match_score_is_no_figure(text):
    assert hits(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Trading opened at 0830 GMT with little movement.",
        "Readers can call the line on 0161 496 0000 at any time.",
        "Anyone who needs help can call 999 or text WORRY to 61010.",
        "Mainz 05 lost at home on Saturday.",
        "Fans travelled north to see Alemannia 77.",
        "The suspects robbed a 7-Eleven near the station.",
        "The update for macOS 15 arrived late.",
        "Patients were asked to ring NHS 111 first.",
        "Measure in Prop 50 was debated.",
        "Voters backed Proposition 36 overwhelmingly.",
        "The hearing moved to Court 9 in the afternoon.",
        "Tenants of Flat 3, 18 Willow Grove, complained.",
        "Traffic queued between junctions 4 and 6 all morning.",
        "Holders reached the last 16 for the first time.",
        "Two of the Big Four banks raised fees.",
        "Guards carried 9mm pistols and batons.",
        "The army fired 155mm artillery shells at the ridge.",
    ],
)
def test_times_phones_names_roads_rounds_and_calibres_are_no_figures(text):
    assert hits(text) == [] or all(f[1] == 2 and f[0] == "Two" for f in hits(text))


def test_the_last_few_of_a_count_and_a_number_after_a_name_mid_sentence_stay_figures():
    assert hits("Of the hostages, the last 3 were freed in May.") == [("3", 3, None, "count")]
    assert hits("Police in Leeds 40 miles away were alerted.") == [("40", 40, None, "mi")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The mayor got 52 votes and Okafor 31.", [52, 31]),
        ("Lagos has 120 clinics to Accra's 45.", [120, 45]),
        ("POLICE HOLD 12 AFTER RIOT IN 3 TOWNS.", [12, 3]),
        ("Rebels Fire A 4-Barrel Salvo.", [4]),
        ("The club won 9 of the last 16 at home.", [9, 16]),
        ("She walked one mile and one day later was home.", [1, 1]),
    ],
)
def test_counts_that_look_like_names_stay_counts(text, expected):
    assert [f.value for f in analyze(text).figures] == expected


@pytest.mark.parametrize(
    "text",
    ["She hopes one day to open a school.", "He put one foot on the ledge."],
)
def test_someday_and_a_foot_are_no_figures(text):
    assert hits(text) == []
