"""Events: a trigger's agent comes from its own clause, not from an aside beside it; a participle after a
determiner, a charge and a stopped attack report no event; a source's words do not make a story another kind.
Sentences written for these tests, each beside one the rule leaves an event."""

import pytest
from event_types import ATTACK
from test_rules_events import types  # (event type, sub-event type) of a sentence published on a Thursday


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Dozens of people attacked the thief with sticks before officers arrived on Monday.", []),
        ("Soldiers attacked the thief with sticks before a crowd gathered on Monday.", [ATTACK]),
        ("Residents attacked the thief on Monday until police came.", []),
        ("Villagers killed the thief on Monday while soldiers watched.", []),
        ("Shopkeepers attacked the thief on Monday although officers stood nearby.", []),
    ],
)
def test_an_aside_a_subordinator_opens_fills_no_agent_of_a_trigger_outside_it(text, expected):
    assert types(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The governor visited the wounded soldiers in hospital on Tuesday.", []),
        ("Gunmen wounded two soldiers near the base on Tuesday.", [("battles", "armed_clash")]),
        ("The family of the murdered journalist met the minister on Monday.", []),
        ("Gunmen murdered a journalist outside his home on Monday.", [ATTACK]),
    ],
)
def test_a_participle_after_a_determiner_describes_and_reports_no_act(text, expected):
    assert types(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The amnesty covers officers accused of massacres in the north.", []),
        ("Gunmen carried out massacres in two villages on Monday.", [ATTACK]),
        ("Police on Monday freed a man charged with the kidnapping of a businessman.", []),
        (
            "Gunmen carried out the kidnapping of a businessman on Monday.",
            [("violence_against_civilians", "abduction_forced_disappearance")],
        ),
        ("Two men convicted of murder were freed on Monday.", []),
        ("The minister on Monday sacked a general suspected of attacks on villagers.", []),
        ("Three soldiers found guilty of killing civilians were freed on Monday.", []),
    ],
)
def test_what_someone_is_accused_or_convicted_of_is_a_charge_not_an_event(text, expected):
    assert types(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The two militias agreed on Monday to stop attacks on each other's villages.", []),
        ("The two militias agreed on Monday to halt attacks on each other's villages.", []),
        ("Gunmen carried out attacks on two villages on Monday.", [ATTACK]),
    ],
)
def test_attacks_to_be_stopped_are_no_attack(text, expected):
    assert types(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "A passenger train derailed near the town on Monday, killing seven people, the railway company said.",
            [("disaster", None)],
        ),
        ("Shares of the railway company collapsed on Monday, killing hopes of a rescue.", []),
    ],
)
def test_a_word_of_the_source_of_a_report_does_not_make_the_story_another_kind(text, expected):
    assert types(text) == expected
