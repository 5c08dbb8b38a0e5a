"""The general patterns behind another writer's errors (heldout16, heldout17): sentences written for these tests,
each pattern beside a sentence that still reports its event, so that a rule that drops everything fails."""

import pytest
from event_types import (
    ABDUCTION,
    AGREEMENT,
    ARREST,
    ATTACK,
    BOMB,
    CLASH,
    DISASTER,
    ESCAPE,
    FORMATION,
    INTERVENTION,
    PEACEFUL,
    RAID,
    REGAINS,
    STATEMENT,
)
from test_rules_events import types  # (event type, sub-event type) of a sentence published on a Thursday


@pytest.mark.parametrize(
    "text, expected",
    [
        # a year's figures count escapes, they report none
        ("Escapes from the region's jails fell to 12 last year, the prison service said.", []),
        ("Officials blamed the drop in escapes on new walls around the two prisons.", []),
        ("Twelve inmates escaped from the region's main jail on Tuesday.", [ESCAPE]),
    ],
)
def test_a_year_of_figures_reports_no_escape(text, expected):
    assert types(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a denied report or rumour reports nothing
        ("The ministry on Tuesday denied reports that forty inmates had escaped from the coastal prison.", []),
        ("Officials dismissed rumours circulating online that scores of prisoners had escaped from the jail.", []),
        # a denial of the event itself keeps it: the claim resting on it denies
        ("The governor denied that any inmates escaped from the coastal jail on Tuesday.", [ESCAPE]),
        ("Forty inmates escaped from the coastal prison on Tuesday, the ministry said.", [ESCAPE]),
    ],
)
def test_a_denied_report_or_rumour_reports_nothing(text, expected):
    assert types(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # one incident, coded by its main character: a car that blew up is the bombing, the deaths its own
        ("A van packed with explosives blew up outside an army post on Tuesday, killing four soldiers.", [BOMB]),
        # a careless figure of speech blew up nothing
        ("The row over the budget blew up on Tuesday.", []),
    ],
)
def test_a_car_packed_with_explosives_that_blew_up_is_the_bombing_only(text, expected):
    assert types(text) == expected


def test_the_fight_for_a_town_retaken_is_the_taking():
    retaken = (
        "Soldiers retook the river town of Okal from the rebels on Tuesday after two days of fighting, the army said. "
        "Troops had entered the town on Sunday and fought the rebels for control of the market and the bridge."
    )
    assert types(retaken) == [REGAINS]
    # a clash told as an act of its own beside villages retaken stays one
    apart = (
        "Soldiers and rebels clashed for hours near the town of Okal on Tuesday, the army said. "
        "The army said it had recaptured three villages the rebels had held since May."
    )
    assert sorted(types(apart)) == sorted([CLASH, REGAINS])


@pytest.mark.parametrize(
    "text, expected",
    [
        # the crime behind an arrest is the charge, the victim's fate its words
        (
            "Police arrested a former councillor on Tuesday on suspicion of ordering the killing of a union leader "
            "shot dead in May.",
            [ARREST],
        ),
        # the charge ends where the main clause goes on
        ("A woman suspected of selling pistols to armed gangs was arrested at the border on Tuesday.", [ARREST]),
        ("Gunmen shot dead a union leader in the port on Tuesday.", [ATTACK]),
    ],
)
def test_the_crime_behind_an_arrest_is_its_charge(text, expected):
    assert types(text) == expected


def test_a_sit_in_broken_up_is_a_protest_with_intervention_only():
    text = (
        "Police broke up a sit-in by hundreds of farmers outside the ministry in Varel on Wednesday with tear gas. "
        "The farmers had camped on the lawn since Monday to demand higher prices for their grain."
    )
    assert types(text) == [INTERVENTION]
    # a protest of an earlier day not told as lasting up to the later one stays its own
    two_days = (
        "Police broke up a sit-in by hundreds of farmers outside the ministry in Varel on Wednesday with tear gas. "
        "The farmers had marched on Monday to demand higher prices for their grain."
    )
    assert sorted(types(two_days)) == sorted([INTERVENTION, PEACEFUL])


@pytest.mark.parametrize(
    "text, expected",
    [
        # explosives found are a seizure: what they could make is no bombing
        ("The officer said the haul was enough to make dozens of roadside bombs.", []),
        ("A roadside bomb exploded under a bus near the market on Tuesday.", [BOMB]),
    ],
)
def test_bombs_that_could_be_made_are_no_bombing(text, expected):
    assert types(text) == expected


def test_a_bombing_remembered_has_no_later_day():
    remembered = (
        "Sirens sounded across the port at noon on Wednesday, the hour a bomb ripped through its ferry terminal 30 "
        "years ago, killing 40 people. The council said a museum about the bombing would open beside the quay next "
        "year."
    )
    assert types(remembered) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # a blizzard is a disaster, whatever figure of speech it is called
        ("A blizzard buried the hill villages under two metres of snow on Wednesday, stranding hundreds.", [DISASTER]),
        ("A snowstorm cut power to 50,000 homes on Wednesday.", [DISASTER]),
    ],
)
def test_a_blizzard_is_a_disaster(text, expected):
    assert types(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a cycling race: a rider who broke away from a group founded nothing
        (
            "The Dutch rider broke away from a small group of favourites ten kilometres from the finish on Wednesday.",
            [],
        ),
        ("A faction of the rebel group broke away on Wednesday to form a movement of its own.", [FORMATION]),
    ],
)
def test_a_cycling_breakaway_is_no_change_of_group_activity(text, expected):
    assert types(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an operation announced for a later date, named in a clause after the act: not yet a raid
        (
            "The minister announced on Wednesday that thousands of police officers would be sent into the city's "
            "eastern districts in June, in what he called the biggest security operation in the city's history.",
            [STATEMENT],
        ),
        # an operation told as done is one
        (
            "Thousands of police officers raided homes in the eastern districts of the city on Wednesday, in what "
            "officials called the biggest security operation in years.",
            [RAID],
        ),
    ],
)
def test_an_operation_announced_for_a_later_date_is_no_raid(text, expected):
    assert types(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a labour dispute's "truce" between a company's workers and their management is no agreement of a conflict
        ("Train drivers and the rail company's management agreed a truce on Monday after weeks of strikes.", []),
        ("The teachers' union and the employers signed a ceasefire in their pay dispute on Friday.", []),
        ("The army and the rebels signed a ceasefire on Friday after weeks of fighting.", [AGREEMENT]),
        # ... but a rebel alliance named a union is a party to the conflict
        ("The army and the rebels of the Northern Union signed a ceasefire on Friday.", [AGREEMENT]),
    ],
)
def test_a_labour_truce_is_no_agreement(text, expected):
    assert types(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a strike or an attack that is only threatened has not begun
        ("The dockers' union on Monday dropped its threat of a three-day strike.", []),
        ("Villagers fled under the threat of an attack by the militia on Monday.", []),
        ("Dockers began a three-day strike on Monday over unpaid wages.", [PEACEFUL]),
    ],
)
def test_a_threat_of_an_act_reports_none(text, expected):
    assert types(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # what messages circulating on phones or online claim is a rumour, no event reported
        ("Messages circulating on social media claimed that gunmen were kidnapping girls near the market.", []),
        ("Posts spreading online on Monday said that soldiers had shot dead two farmers.", []),
        ("Gunmen kidnapped two girls near the market on Monday, police said.", [ABDUCTION]),
    ],
)
def test_circulating_messages_report_no_event(text, expected):
    assert types(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # fire returned by those fired on is an exchange of fire: a clash, no attack on civilians
        ("The smugglers opened fire on the wardens on Monday and the wardens shot back.", [CLASH]),
        ("Men on motorbikes opened fire on the wardens, who returned fire, on Monday.", [CLASH]),
        ("Men on motorbikes opened fire on a crowd of shoppers on Monday.", [ATTACK]),
    ],
)
def test_fire_returned_makes_a_clash(text, expected):
    assert types(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # tear gas and then live rounds on a demonstration, told in a sentence of their own: force that kills or
        # could kill, excessive
        (
            "Hundreds of nurses protested outside the ministry on Monday. "
            "Police fired tear gas and then live ammunition into the crowd.",
            [("protests", "excessive_force_against_protesters")],
        ),
        (
            "Hundreds of nurses protested outside the ministry on Monday. Police fired tear gas into the crowd.",
            [INTERVENTION],
        ),
    ],
)
def test_live_rounds_after_tear_gas_are_excessive_force(text, expected):
    assert types(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a demonstration owned by another day ("Tuesday's march") is no demonstration the sentence's arrest ended
        (
            "Police on Wednesday detained the student who led Tuesday's march on the ministry.",
            [ARREST, PEACEFUL],
        ),
        ("Police detained the student who led the march on the ministry on Wednesday.", [INTERVENTION]),
    ],
)
def test_another_days_demonstration_is_not_recoded_by_its_sentence(text, expected):
    assert sorted(types(text)) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # escapees "returned to custody" in a report of an escape are recaptured; a prisoner back from hospital is not
        (
            "Four inmates escaped from the jail on Monday. Two were found in a field on Tuesday and returned to custody.",
            [ESCAPE, ARREST],
        ),
        ("The prisoner was returned to custody after a hospital visit on Monday.", []),
    ],
)
def test_escapees_returned_to_custody_are_recaptured(text, expected):
    assert sorted(types(text)) == sorted(expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        # property set on fire by someone unnamed: destruction of property, its agent unknown
        (
            "Two electricity substations were set on fire overnight outside the town, the utility said.",
            [("strategic_developments", "looting_property_destruction")],
        ),
        (
            "A bus was set alight on the ring road on Sunday night.",
            [("strategic_developments", "looting_property_destruction")],
        ),
        # a fire that breaks out is no act
        ("Two electricity substations caught fire overnight outside the town, the utility said.", []),
    ],
)
def test_property_set_on_fire_is_destroyed(text, expected):
    assert types(text) == expected


def test_a_trials_account_of_property_set_on_fire_reports_none():
    assert types("Six men went on trial on Monday over a brawl outside a bar in which two cars were set on fire.") == []
