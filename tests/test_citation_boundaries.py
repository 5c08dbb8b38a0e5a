"""Citations stand on whole numbers and whole characters (issue 16): a citation cut out of "2,500" or cut
between a letter and its combining accent is refused, located at its file, line and field; words that occur
only in another Unicode normalization are refused with a hint saying so."""

import unicodedata

import pytest
from conftest import ANNOTATION, ARTICLE, make_project

from extract.curated.citations import CitationCut, CitationNotFound, find_citation
from extract.errors import BuildFailed
from extract.pipeline import assemble

FILE = "seeds/annotations/test-2024-01-01-northgate.yaml"
NFD_NAME = unicodedata.normalize("NFD", "Nuñez")  # "Nun" + U+0303 + "ez"
BASE = ARTICLE + f" The prison held 2,500 men and 3.5 tonnes of food, said {NFD_NAME}."


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def with_figure(surface: str, value: str = "2500") -> str:
    return ANNOTATION.replace(
        "    counts: inmates moved\n",
        f"    counts: inmates moved\n  - id: f02\n    surface: {surface}\n    value: {value}\n    qualifier: exact\n    unit: count\n    counts: men\n",
    )


def with_mention(citation: str) -> str:
    return ANNOTATION.replace("    mentions: [Ana Ruiz]\n", f"    mentions: [Ana Ruiz, {citation}]\n")


def with_context(text: str, context: str) -> str:
    return ANNOTATION.replace(
        "    mentions: [Ana Ruiz]\n", f'    mentions: [Ana Ruiz, {{text: "{text}", context: "{context}"}}]\n'
    )


# bad annotation -> (the needle its error is located at, field, error type, words the message must hold)
BAD = {
    "a number's first digits": (with_figure('"held 2"', "2"), 'surface: "held 2"', "surface", "cut out of a number"),
    "a number's last digits": (with_figure("'500 men'", "500"), "surface: '500 men'", "surface", "cut out of a number"),
    "a number cut at its comma": (
        with_figure('"held 2,"', "2"),
        'surface: "held 2,"',
        "surface",
        "cut out of a number",
    ),
    "a decimal's whole part": (with_figure('"and 3"', "3"), 'surface: "and 3"', "surface", "cut out of a number"),
    "a letter without its accent": (
        with_mention("Nun"),
        "mentions: [Ana Ruiz, Nun]",
        "mentions",
        "cut out of a character",
    ),
    "an accent without its letter": (
        with_mention(unicodedata.normalize("NFD", "ñez")[1:]),
        "mentions: [Ana Ruiz, \u0303ez]",
        "mentions",
        "cut out of a character",
    ),
    "a context cut out of a number": (
        with_context("men", "500 men"),
        "mentions: [Ana Ruiz, {text",
        "mentions",
        "cut out of a number",
    ),
    "an NFC citation of an NFD article": (with_mention("Nuñez"), "mentions: [Ana Ruiz, Nuñez]", "mentions", "NFD"),
}


@pytest.mark.parametrize("case", BAD, ids=list(BAD))
def test_a_citation_cut_inside_a_number_or_character_is_refused_where_it_is(tmp_path, case):
    annotation, needle, field, words = BAD[case]
    assert annotation != ANNOTATION
    with pytest.raises(BuildFailed) as info:
        assemble(make_project(tmp_path, article=BASE, annotation=annotation))
    assert info.value.flatten() == [(FILE, line_of(annotation, needle), field, "citation-error")]
    assert words in str(info.value)


def test_whole_numbers_and_whole_characters_build(tmp_path):
    annotation = with_mention(NFD_NAME).replace(
        "    counts: inmates moved\n",
        "    counts: inmates moved\n  - id: f02\n    surface: '2,500'\n    value: 2500\n    qualifier: exact\n    unit: count\n    counts: men\n",
    )
    dataset = assemble(make_project(tmp_path, article=BASE, annotation=annotation))
    assert {m.text for m in dataset.rows("mentions")} >= {NFD_NAME}
    assert "2,500" in {f.surface for f in dataset.rows("figures")}


@pytest.mark.parametrize(
    "article, cited, kind",
    [
        ("They counted 2,500 men.", "2", CitationCut),
        ("They counted 2,500 men.", "500 men", CitationCut),
        ("It weighs 3.5 tonnes.", "5 tonnes", CitationCut),
        (f"Ask {NFD_NAME} now.", "Nun", CitationCut),
        (f"Ask {NFD_NAME} now.", "Nuñez", CitationNotFound),
        ("Ask Nuñez now.", NFD_NAME, CitationNotFound),
        ("Fans waved \U0001f1fb\U0001f1ea flags.", "waved \U0001f1fb", CitationCut),
        ("She replied \U0001f44d\U0001f3fd at once.", "replied \U0001f44d", CitationCut),
    ],
)
def test_find_citation_refuses_cuts_and_hints_at_normalization(article, cited, kind):
    with pytest.raises(kind) as info:
        find_citation(article, cited)
    assert type(info.value) is kind
    if kind is CitationNotFound:
        assert "form" in str(info.value)  # the normalization hint


def test_a_cut_occurrence_is_skipped_when_a_whole_one_exists():
    article = "They counted 2,500 men; 2 escaped."
    [span] = find_citation(article, "2")
    assert span.start == article.index("2 escaped")


def test_two_flags_in_a_row_are_two_characters():
    article = "Fans waved \U0001f1fb\U0001f1ea\U0001f1e8\U0001f1f4 flags."
    [span] = find_citation(article, "\U0001f1e8\U0001f1f4 flags")
    assert span.start == article.index("\U0001f1e8")
    with pytest.raises(CitationCut):
        find_citation(article, "\U0001f1ea\U0001f1e8\U0001f1f4 flags")  # starts inside the first flag


def test_numbers_at_sentence_ends_are_whole():
    [span] = find_citation("They counted 2,500. Then more came.", "2,500")
    assert span.start == 13
