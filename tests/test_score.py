"""The measures the README's score table reports: what counts as a named entity and as a match."""

import pytest

from extract.score import Count, is_named, names_match, overlaps, score_row


@pytest.mark.parametrize(
    "text",
    ["Marta de la Vega", "Ministry of the Interior", "Office for Prisons and Jails", "HRW", "Pedro van Dijk"],
)
def test_a_mention_written_as_a_proper_name_is_named(text):
    assert is_named(text, [text])


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("the police", ["the police"]),  # a description, not a name
        ("ministry of the Interior", ["Ministry of the Interior"]),  # its first word is not capitalized
        ("Hrw", ["HRW"]),  # one word that is no acronym
        ("Marta Vega", ["Ana Ruiz"]),  # not one of the entity's names
    ],
)
def test_a_description_or_another_name_is_not_named(text, names):
    assert not is_named(text, names)


def test_a_rule_name_matches_a_curated_name_or_a_part_of_two_words_or_more():
    assert names_match("Ana Ruiz", ["Ana Ruiz"])
    assert names_match("Ana Ruiz Soto", ["Ana Ruiz"])
    assert not names_match("Ruiz", ["Ana Ruiz"])  # one word of a longer name is not the entity


def test_spans_overlap_when_they_share_half_the_shorter():
    assert overlaps((0, 10), (5, 20))
    assert not overlaps((0, 10), (6, 20))


def test_a_score_row_with_nothing_found_has_no_precision_and_zero_recall():
    row = score_row("s1", "figures", Count(curated=3, extracted=0, matched=0))
    assert (row.precision, row.recall, row.f1) == (None, 0.0, None)
