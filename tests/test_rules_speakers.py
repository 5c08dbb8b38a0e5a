"""Speakers of quotations: the passes added for real news (issue 10), on sentences written for these tests."""

import re

import pytest

from extract.rules import analyze
from extract.rules.quotes import writes_in_lower_case


def speakers(text):
    return [(q.text, q.speaker) for q in analyze(text).quotes]


def rules(text):
    return [q.speaker_rule for q in analyze(text).quotes]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a lone surname beside a verb of speech names the speaker, though the names stage left it untyped
        ("The vote was close.\n\n“We lost the bridge and we lost the town,” Okafor said.", "Okafor"),
        ("The vote was close.\n\n“We lost the bridge and we lost the town,” said Okafor.", "Okafor"),
        ("The vote was close. Added Okafor: “We lost the bridge and we lost the town.”", "Okafor"),
        ("The vote was close.\n\n“We lost the bridge and we lost the town,” Brandt-Okafor also said.", "Brandt-Okafor"),
        ("The vote was close.\n\n“We lost the bridge and we lost the town,” Okafor fumed on Tuesday.", "Okafor"),
        ("The vote was close.\n\n“Why did nobody warn the town in time?” Okafor questioned.", "Okafor"),
        # after an opening bracket or a dash
        ("The vote was close (Okafor said: “We lost the bridge and we lost the town.”).", "Okafor"),
        ("The vote was close — Okafor said: “We lost the bridge and we lost the town.”", "Okafor"),
        # a surname of a person named in full is that person
        (
            "Nadia Okafor spoke in the square. Later: “We lost the bridge and we lost the town,” Okafor said.",
            "Nadia Okafor",
        ),
    ],
)
def test_a_name_beside_a_cue_is_the_speaker(text, expected):
    assert speakers(text)[-1][1] == expected


def test_a_name_beside_a_cue_leads_later_pronouns():
    text = (
        "The council met on Monday.\n\n“We lost the bridge and we lost the town,” Okafor said.\n\n"
        "Then the mayor left. “We will build it again,” she said."
    )
    assert speakers(text) == [
        ("We lost the bridge and we lost the town,", "Okafor"),
        ("We will build it again,", "Okafor"),
    ]


@pytest.mark.parametrize(
    "text, expected, rule",
    [
        (
            "The hearing went on.\n\nOkafor praised the plan for the river. “It will help the people who live here.”",
            "Okafor",
            "speaker-sentence-before-name",
        ),
        (
            "The hearing went on.\n\nNadia Okafor praised the plan for the river. “It will help the people who live here.”",
            "Nadia Okafor",
            "speaker-sentence-before",
        ),
    ],
)
def test_a_speaker_introduced_in_the_sentence_before(text, expected, rule):
    assert speakers(text)[-1][1] == expected and rules(text)[-1] == rule


@pytest.mark.parametrize(
    "text",
    [
        # someone else is named after the quotation: no guess between the two
        "The hearing went on.\n\nOkafor praised the plan. “It will help the people who live here.” Pedro Salas disagreed.",
        # the sentence before holds a quotation of its own: that is the previous quotation's business
        "The hearing went on.\n\nThe “new” plan was late. “It will help the people who live here.”",
        # a sentence before that opens with a common word, capitalized by its place: the article writes it in lower case
        "The hearing went on.\n\nOnlookers praised the plan. “It will help the people who live here.”\n\nThe onlookers left.",
        "The hearing went on.\n\nWitnesses praised the plan. “It will help the people who live here.”",
    ],
)
def test_no_speaker_from_the_sentence_before_without_evidence(text):
    assert speakers(text)[-1][1] is None


def test_an_organization_told_does_not_stop_the_speaker_going_on():
    text = (
        "The rally ended late.\n\n“She is the best candidate we have seen in years,” Okafor told Reuters "
        "in an interview.\n\n“She is what we waited for. She checks every box.”"
    )
    assert speakers(text)[-1][1] == "Okafor"


@pytest.mark.parametrize(
    "text",
    [
        # "X, Y’s campaign manager, said": Y names whose manager X is; a plural possessive has no "s" after the mark
        "Amos Okafors spoke first. “We are on pace to beat the goal,” Dana Whitfield, Okafors’ campaign manager, said.",
        "Amos Okafors spoke first. “We are on pace to beat the goal,” Dana Whitfield, Amos Okafors’s aide, said.",
    ],
)
def test_the_possessor_in_an_aside_is_not_the_speaker(text):
    assert speakers(text)[-1][1] == "Dana Whitfield"


def test_press_in_a_title_is_no_verb_of_speech():
    text = "The test worried them.\n\n“Nothing has changed our view of the programme,” City Hall press secretary Dana Whitfield told reporters."
    assert speakers(text) == [("Nothing has changed our view of the programme,", "Dana Whitfield")]


def test_the_company_is_the_last_company_named():
    text = (
        "Nordvale Mining Ltd announced layoffs on Monday. The Coastal Rights Foundation protested.\n\n"
        "“We regret the decision,” the company said."
    )
    assert speakers(text) == [("We regret the decision,", "Nordvale Mining Ltd")]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a lone name beside a verb of publication is a publication, not a person
        (
            "The vote was close.\n\n“The court set a deadline for the appeal,” Politico reported.",
            ("Politico", "organization"),
        ),
        (
            "The vote was close.\n\n“The court set a deadline for the appeal,” Kestrel reports.",
            ("Kestrel", "organization"),
        ),
        # the same name beside a verb of speech elsewhere is a person's
        (
            "The vote was close.\n\n“The court set a deadline,” Brandvik reported. “We will appeal,” Brandvik said.",
            ("Brandvik", "person"),
        ),
        # a verb of speech inside a name is no cue: "Post" of "the Lakeside Post"
        ("“The court set a deadline for the appeal,” the Lakeside Post reported.", ("Lakeside Post", "organization")),
    ],
)
def test_a_publication_is_no_person_speaker(text, expected):
    quote = analyze(text).quotes[0]
    assert (quote.speaker, quote.speaker_type) == expected


def test_a_possessor_before_an_apposition_is_not_the_speaker():
    text = "“The court set a deadline,” said Ruiz’s deputy campaign manager, Tomas Brandvik, who met Ana Ruiz later."
    assert speakers(text) == [("The court set a deadline,", "Tomas Brandvik")]


LOWER_CASE_WORDS_ORACLE = re.compile(r"(?<![\w’'\-])[a-z][a-z’'\-]*")
"""Every word the text writes in lower case, by one expression: the set ``writes_in_lower_case`` answers for."""


@pytest.mark.parametrize(
    "text",
    [
        "Onlookers praised the plan; the onlookers left.",
        "He's here. he's gone — re-elected, ex-mayor’s aide, o'clock, 3rd, x_y, étude, naïve, café",
        "officials' word, -officials, officials-, Officials, OFFICIALS, unofficials, officials2",
        "a b c-d e’f g' h'i",
    ],
)
def test_a_word_written_in_lower_case_is_found_as_the_whole_text_would_find_it(text):
    written = set(LOWER_CASE_WORDS_ORACLE.findall(text))
    # every word and every part of one (letters alone: "elected" of "re-elected"), lower-cased, and a few more
    asked = {w.lower() for w in re.findall(r"[\w’'\-]+|[^\W\d_]+", text)} | {"he’s", "x-", "-a", "caf", "officials"}
    asked |= {w.lower() for w in re.findall(r"[^\W\d_]+", text)} | written
    assert {w for w in asked if writes_in_lower_case(text, w)} == written


@pytest.mark.parametrize(
    "text, expected",
    [
        # "he" or "she" opens the sentence before, alone or after an opening phrase and its comma
        (
            "“We played a fine first half,” Marta Quintela said.\n\nPressed on the red card, she shrugged. "
            "“The referee saw what he wanted to see today.”",
            "Marta Quintela",
        ),
        (
            "Tomás Vidigal left the pitch first.\n\nHe stopped at the gate. “Nobody in this club will forget it.”",
            "Tomás Vidigal",
        ),
    ],
)
def test_a_pronoun_subject_in_the_sentence_before_names_the_speaker(text, expected):
    assert speakers(text)[-1][1] == expected and rules(text)[-1] == "speaker-sentence-before-pronoun/speaker-pronoun"


@pytest.mark.parametrize(
    "text",
    [
        # the pronoun's gender fits nobody named: no cue to lean on, so no guess
        "Mr Tomás Vidigal left the pitch first. He waved.\n\nShe stopped at the gate. “Nobody in this club will forget it.”",
        # an unnamed speaker was introduced since the person: "he" is that one
        "Tomás Vidigal left first. A spokesman for the club said the gates were shut.\n\n"
        "He stopped at the gate. “Nobody in this club will forget it.”",
    ],
)
def test_no_speaker_from_a_pronoun_in_the_sentence_before_without_evidence(text):
    assert speakers(text)[-1][1] is None


def test_he_after_an_unnamed_speaker_introduced_with_who_is_that_speaker_not_a_person_named_before():
    # the noun ("welder") is in no word list: "a … who" still describes one person
    text = (
        "Nadia Okafor opened the yard in May.\n\nA welder who asked not to be named said the crews had no raise. "
        "“We are tired of promises,” he said."
    )
    assert speakers(text)[-1][1] == "welder"


def test_a_name_after_its_organization_and_role_opens_the_sentence_a_later_pronoun_points_to():
    # "<organization> <role> <name> was …": the name is the sentence's subject, though words stand before it
    text = (
        "Ledra Union leader Marta Quintela said her group had “waited long enough”.\n\n"
        "Harbour League spokeswoman Ines Vidigal was sharper. “Who is going to pay for the new pier? Nobody knows,” "
        "she told reporters."
    )
    assert speakers(text)[-1][1] == "Ines Vidigal"


def test_a_person_after_a_long_opening_phrase_in_the_sentence_before_names_the_speaker():
    # "Asked whether …, <name> was cautious. “…”": the opening phrase may run past eight words
    text = (
        "“The tide gauges tell the same story,” said Dr. Tomás Vidigal, a coastal engineer.\n\n"
        "Asked whether the sea walls in the old harbour would hold, Vidigal was careful. "
        "“We cannot promise that yet.”"
    )
    assert speakers(text)[-1][1] == "Tomás Vidigal"


def test_a_paragraph_that_is_one_quotation_goes_on_from_a_paragraph_of_reported_speech():
    # the paragraph before reports the person's words with a partial quotation: the same speaker goes on
    text = (
        "The council met on Monday.\n\n"
        "Residents' chair Marta Quintela said the group had complained “many times” in writing.\n\n"
        "“They were warned over and over. They did nothing.”"
    )
    assert speakers(text)[-1][1] == "Marta Quintela"


def test_a_short_line_in_marks_after_reported_speech_is_a_crosshead_not_the_speakers_words():
    text = (
        "The council met on Monday.\n\n"
        "Residents' chair Marta Quintela said the group had complained “many times” in writing.\n\n"
        "‘A fight to the very end.’\n\n"
        "The plan was first drawn up in 2019."
    )
    assert speakers(text)[-1][1] is None


def test_the_office_said_is_the_organization_that_spoke_earlier_in_the_paragraph():
    # no organization's name holds "office": the one that was the subject of a cue just before is meant
    text = (
        "Flooding closed the valley road on Sunday.\n\n"
        "The Harbour Safety Board said in a statement that two boats had sunk. "
        "“Every crew was warned before the storm reached the coast,” the office said."
    )
    assert speakers(text)[-1][1] == "Harbour Safety Board"
