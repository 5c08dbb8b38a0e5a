"""Person and organization rules on patterns of real news reports, on sentences written for these tests."""

import pytest
from entity_readings import names

from extract.rules import analyze


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


@pytest.mark.parametrize(
    "text, organizations",
    [
        # one word that "said in a statement" and is nobody's name in the story
        ("Vorlandia said in a statement that output would rise.", ["Vorlandia"]),
        # a capitalized plural after "the" that the story never writes in lower case: a club
        ("The Pelicans won again, and the Herons lost at home.", ["Pelicans", "Herons"]),
        # newspaper and company forms
        ("The report appeared in the Coastal Daily on Monday.", ["Coastal Daily"]),
        ("Norvik Energi ASA cut its forecast.", ["Norvik Energi ASA"]),
        ("Prices at the Kestrava firm rose.", ["Kestrava"]),
        # an acronym in parentheses defines an organization's name
        ("The Coastal Fishers Union (CFU) called a strike.", ["Coastal Fishers Union"]),
    ],
)
def test_organizations_by_their_own_evidence(text, organizations):
    assert names(text, "organization") == organizations


@pytest.mark.parametrize(
    "text, organizations",
    [
        # peoples, nationalities and plural common nouns after "the" are no clubs
        ("The Kurds and the Americans met the Germans.", []),
        ("The rangers said the Rangers of the park were tired.", []),
        # a place before a business noun is still a place
        ("London shares rose on Monday.", []),
        # a common word opening the sentence before a business noun is no name
        ("Banking group Omvira said profits rose, and banking stocks fell.", ["Omvira"]),
        # a club or a town in parentheses after a player is no acronym of the player's name (two players with
        # their clubs are a roster: the parentheses are the clubs, see test_rules_names_orgs.test_clubs_in_a_roster)
        ("Marco Pellan (Cagliari) was picked.", []),
        # "said in a statement" after a word of a person named in full: the person
        ("Ana Kestrel spoke first. Kestrel said in a statement that she would stay.", []),
    ],
)
def test_no_organization_without_its_own_evidence(text, organizations):
    assert names(text, "organization") == organizations


def test_a_person_who_owns_a_company_is_two_names():
    text = "Laura Benn's Media Group Ltd reported a loss."  # every word of the owned name an organization's
    assert names(text, "organization") == ["Media Group Ltd"]
    assert names(text, "person") == ["Laura Benn"]


@pytest.mark.parametrize(
    "text, organizations",
    [
        # a company named short after its full name, even before "said"
        (
            "Lockvale Industries Inc agreed to buy a rival. Lockvale said the deal would close soon.",
            ["Lockvale Industries Inc"],
        ),
        # a body whose name opens with a head noun
        ("The State Planning Commission approved the plan.", ["State Planning Commission"]),
        # an acronym after "and" ends the name before it
        ("Serbia joined the Council of Europe and NATO last year.", ["Council of Europe", "NATO"]),
        # a town's club as the subject of a result
        ("Montclair rallied to win 3-2 at home.", ["Montclair"]),
    ],
)
def test_organizations_named_short_by_a_head_noun_and_by_results(text, organizations):
    assert names(text, "organization") == organizations


def test_a_company_named_short_is_one_organization_with_its_mentions():
    text = "Lockvale Industries Inc agreed to buy a rival. Lockvale said the deal would close soon."
    [org] = [e for e in analyze(text).entities if e.kind == "organization"]
    assert [m.text for m in org.mentions] == ["Lockvale Industries Inc", "Lockvale"]
    assert names(text, "person") == []


def test_an_acronym_before_a_currency_sign_is_no_organization():
    assert names("The stock fell HK$ 0.23 to a record low.", "organization") == []


def test_a_nationality_is_no_short_form_of_an_organization():
    text = "The Palestinian Authority met on Monday. Palestinian officials said the talks went well."
    [org] = [e for e in analyze(text).entities if e.kind == "organization"]
    assert [m.text for m in org.mentions] == ["Palestinian Authority"]


@pytest.mark.parametrize(
    "text, persons",
    [
        # a title before one word that is also a town's name: the person
        ("Officials met President Clinton on Monday.", ["Clinton"]),
        # an age after one word, or "N-year-old" before a name
        ("Duarte, 45, fought again on Saturday.", ["Duarte"]),
        ("The 20-year-old Kelvo Marsh shot 67 on Sunday.", ["Kelvo Marsh"]),
        # but a town before a noun after "N-year-old" is where the person is from
        ("A 13-year-old Dallas boy was charged.", []),
    ],
)
def test_a_title_or_an_age_makes_a_person(text, persons):
    assert names(text, "person") == persons
