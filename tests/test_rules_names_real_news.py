"""Person and organization rules on patterns of real news reports, on sentences written for these tests."""

import pytest

from extract.rules import analyze


def names(text, kind):
    return [e.name for e in analyze(text).entities if e.kind == kind]


@pytest.mark.parametrize(
    "text, persons",
    [
        # a compound adjective or position opening the run is no part of the name
        ("The final was close. Top-seeded Tomas Varga lost in three sets.", ["Tomas Varga"]),
        ("Left-back Marco Ferrante was sent off.", ["Marco Ferrante"]),
        # a nationality before a given name is no part of the name
        ("Officials said German Anke Holt won the race.", ["Anke Holt"]),
        ("He lost to South African Amanda Ruiz in the final.", ["Amanda Ruiz"]),
        # a player's position before the name is a title
        ("Striker Pedro Almeida scored twice.", ["Pedro Almeida"]),
        # a word written in lower case elsewhere in the story opens the sentence, not the name
        ("The bowling was slow at first. Bowling Peter Marsh took three wickets.", ["Peter Marsh"]),
        # a club's possessive before a player: two names
        ("Rovena's Duncan Ferreira scored twice.", ["Duncan Ferreira"]),
        # a person "of" a country
        ("He lost to David Rikl of the Czech Republic in the final.", ["David Rikl"]),
    ],
)
def test_words_before_a_person_s_name_are_no_part_of_it(text, persons):
    assert names(text, "person") == persons


def test_a_given_name_that_is_also_a_town_is_the_person_named_in_full():
    text = "Florence Mbeki won the vote. Florence said she would serve two years."
    [person] = [e for e in analyze(text).entities if e.kind == "person"]
    assert person.name == "Florence Mbeki"
    assert [m.text for m in person.mentions] == ["Florence Mbeki", "Florence"]


def test_a_town_after_a_place_preposition_stays_a_place():
    text = "Florence Mbeki won the vote. She lives in Florence with her family."
    [person] = [e for e in analyze(text).entities if e.kind == "person"]
    assert [m.text for m in person.mentions] == ["Florence Mbeki"]


@pytest.mark.parametrize(
    "text",
    [
        "The Isle of Man voted on Monday.",
        "Long Beach is quiet now, and the long wait is over.",
    ],
)
def test_places_keep_their_first_word(text):
    assert names(text, "person") == []


def test_a_newsroom_signing_a_report_is_an_organization():
    text = "Prices rose sharply on Monday, traders said.\n\n-- Sydney Newsroom +61 2 5555 0000"
    assert names(text, "organization") == ["Sydney Newsroom"]
    assert names(text, "person") == []
