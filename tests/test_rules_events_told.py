"""Events: when a trigger is told (its nearest time mark), denied, or spoken of by a quiet story; sentences written
for these tests, each beside one the rule leaves an event."""

import pytest
from event_types import ARREST, ATTACK, PEACEFUL
from test_rules_events import types  # (event type, sub-event type) of a sentence published on a Thursday


@pytest.mark.parametrize(
    "text, expected",
    [
        # the mark nearest the trigger is an old date: the crime a court punishes on Monday
        ("A court on Monday jailed a man for a robbery in 2019 in which gunmen shot dead a guard.", []),
        ("Gunmen shot dead a guard outside a bank on Monday, a court heard in 2019.", [ATTACK]),
        # a year named alone, "years ago" and "since" mark the past; the mayor's Monday is another clause's
        ("The mayor laid flowers on Monday where soldiers arrested hundreds of students in 1989.", []),
        ("On Monday, soldiers arrested hundreds of students in the square.", [ARREST]),
        ("On Sunday the town remembered the 12 people gunmen killed when they stormed the bus 15 years ago.", []),
        ("Gunmen killed 12 people on a bus on Sunday, 15 years after a similar attack.", [ATTACK]),
        ("Trade has fallen sharply since the militia took control of the border town.", []),
        # "since August" is a date, not a mark of the past
        (
            "Troops have retaken two villages that rebels had held since August.",
            [("strategic_developments", "non_violent_transfer_of_territory")],
        ),
        # a relative clause's date describes its own words, not the arrest of the main clause
        ("Police arrested four members of the gang, which was founded in 2009, on Monday.", [ARREST]),
        ("Hundreds gathered on Sunday to mark the anniversary of the day gunmen killed 30 miners.", []),
    ],
)
def test_the_time_mark_nearest_a_trigger_tells_whether_it_is_the_story_background(text, expected):
    assert types(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("No inmate had escaped from the jail by Monday.", []),
        ("Two inmates escaped from the jail on Monday.", [("escape", None)]),
        (
            "Police seized some rifles on Monday, but most of the weapons have never been recovered.",
            [("strategic_developments", "disrupted_weapons_use")],
        ),
        ("Police have not arrested anyone over the killing, which gunmen carried out on Monday.", [ATTACK]),
        # a trigger after a determiner is the object of what is denied: the bombing happened
        (
            "No group claimed the bombing of the bus on Monday.",
            [("explosions_remote_violence", "remote_explosive_landmine_ied")],
        ),
    ],
)
def test_a_negator_before_a_trigger_denies_it(text, expected):
    assert types(text) == expected


def test_a_negated_recovery_is_no_seizure_where_the_rest_would_be():
    assert types("The men escaped with the cash and pistols, which were never recovered.") == []
    assert types("Police recovered the cash and two pistols on Monday.") == [
        ("strategic_developments", "disrupted_weapons_use")
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a staged story: the drill's and the parade's fighting and marching are acted
        (
            "The army held a drill near the port on Monday. Special forces attacked a mock village built for the drill.",
            [],
        ),
        (
            "Tanks rolled past the palace in the independence parade on Monday. Veterans of the war marched at the end.",
            [],
        ),
        # a storm story: the soldiers clearing blocked roads are no protest; the same sentence after a strike call is
        ("A storm hit the coast on Monday, killing three. Soldiers helped clear blocked roads.", [("disaster", None)]),
        ("Truckers went on strike on Monday. Hundreds of drivers blocked roads.", [PEACEFUL]),
        # an election story: voters who "fought back" fought no battle
        (
            "The opposition won a landslide victory in the election on Sunday. Its leader said voters fought back "
            "against a tired government.",
            [],
        ),
        # a retold story: old crimes are its background, supporters outside the court its own day's news
        ("A court sentenced two men on Monday for the murder of a lawyer. They were arrested in June.", []),
        (
            "A court sentenced two men on Monday for the murder of a lawyer. Hundreds of supporters chanted outside "
            "the court.",
            [PEACEFUL],
        ),
        (
            "A court sentenced two men on Monday for the murder of a lawyer. Police arrested their boss on Tuesday.",
            [ARREST],
        ),
    ],
)
def test_a_quiet_story_speaks_of_conflict_without_reporting_it(text, expected):
    assert types(text) == expected


def test_a_quiet_lead_that_reports_a_conflict_event_makes_no_quiet_story():
    lead = "Fans of the two clubs clashed with police after the match on Sunday."
    assert types(f"{lead} Later, gunmen killed a fan near the ground.") == [("riots", "mob_violence"), ATTACK]
    assert types("The home side won the match on Sunday. Later, gunmen killed a fan near the ground.") == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # what the crowd protests is no force used on it
        (
            "Police broke up a protest on Monday over the fatal shooting of a teenager, using pepper spray.",
            [("protests", "protest_with_intervention")],
        ),
        (
            "Police broke up a protest on Monday by shooting at the crowd.",
            [("protests", "excessive_force_against_protesters")],
        ),
        ("Hundreds marched on Monday against the arrest of their leader.", [PEACEFUL]),
        ("Protesters angry over bread prices torched cars on Monday.", [("riots", "violent_demonstration")]),
    ],
)
def test_a_refinement_word_that_names_what_is_protested_does_not_refine(text, expected):
    assert types(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The cache held rifles, hundreds of grenades and ammunition, the army said on Monday.", []),
        ("A man threw grenades at a police post on Monday.", [("explosions_remote_violence", "grenade")]),
        ("Gunmen carried out a grenade attack on a bar on Monday.", [("explosions_remote_violence", "grenade")]),
        ("Street vendors threw stones at police on Monday.", [("riots", "violent_demonstration")]),
        ("The governor offered a reward for information leading to the arrest of the killers.", []),
        ("Unions have threatened a general strike if no deal is reached.", []),
        ("At least 30 people drowned when a ferry capsized on Sunday.", [("disaster", None)]),
        ("The river flooded hundreds of homes on Monday.", [("disaster", None)]),
        ("The body of a missing hiker was found in the river on Sunday.", []),
        (
            "Inmates rioted at the jail on Sunday before guards regained control of the prison.",
            [("riots", "mob_violence")],
        ),
        ("Marchers demanded compensation on Monday after a fire destroyed the market.", [PEACEFUL]),
    ],
)
def test_words_that_make_a_trigger_an_event_or_none(text, expected):
    assert types(text) == expected


def test_a_past_mark_only_in_a_relative_clause_that_does_not_hold_the_trigger_leaves_it_told_not_background():
    """The one mark of the past ("since 1998") stands in a relative clause the trigger is not in, so no mark tells
    the trigger's time (this raised, losing the whole article, before the empty case was handled)."""
    assert types("Troops overran the town of Arvale, which rebels have held since 1998.") == [
        ("strategic_developments", "non_violent_transfer_of_territory")
    ]
    assert types(
        "Police said soldiers attacked the village of Orlen, which has been held since 2001 by a militia."
    ) == [ATTACK]
