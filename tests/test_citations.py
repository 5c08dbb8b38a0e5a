import pytest

from extract.curated.citations import CitationAmbiguous, CitationNotFound, find_citation

ARTICLE = "Venezuelan police entered Venezuela's prison. Then the police said the police left at 20:00 in 2020."


def test_a_citation_found_once_gives_its_exact_offsets():
    [span] = find_citation(ARTICLE, "entered")
    assert ARTICLE[span.start : span.end] == "entered" and span.start == ARTICLE.index("entered")


def test_a_citation_matches_whole_words_only():
    [span] = find_citation(ARTICLE, "Venezuela")
    assert span.start == ARTICLE.index("Venezuela's")


def test_a_number_does_not_match_inside_a_longer_number():
    [span] = find_citation(ARTICLE, "20")
    assert ARTICLE[span.start : span.start + 5] == "20:00"


def test_an_ambiguous_citation_is_refused_with_the_offsets():
    with pytest.raises(CitationAmbiguous, match=r"occurs 2 times .*occurrence: N"):
        find_citation(ARTICLE, "the police")


def test_a_missing_citation_is_refused():
    with pytest.raises(CitationNotFound, match="does not occur"):
        find_citation(ARTICLE, "the army")


def test_a_citation_differing_only_in_quotation_marks_is_missing():
    with pytest.raises(CitationNotFound):
        find_citation("He said \u201cno\u201d.", 'He said "no".')


@pytest.mark.parametrize("occurrence, expected", [(1, ARTICLE.index("the police")), (2, ARTICLE.rindex("the police"))])
def test_occurrence_selects_the_nth_match(occurrence, expected):
    [span] = find_citation(ARTICLE, "the police", occurrence=occurrence)
    assert span.start == expected


def test_an_occurrence_beyond_the_last_is_refused():
    with pytest.raises(CitationNotFound, match="no occurrence 3"):
        find_citation(ARTICLE, "the police", occurrence=3)


def test_context_selects_the_match_inside_it():
    [span] = find_citation(ARTICLE, "the police", context="said the police left")
    assert span.start == ARTICLE.rindex("the police")


@pytest.mark.parametrize(
    "text, context, error",
    [
        ("police", "the police", CitationAmbiguous),  # context itself occurs more than once
        ("the police", "nowhere at all", CitationNotFound),  # context missing
        ("the police", "police said", CitationNotFound),  # text not inside context
    ],
)
def test_a_bad_context_is_refused(text, context, error):
    with pytest.raises(error):
        find_citation(ARTICLE, text, context=context)


def test_every_returns_all_whole_word_matches():
    spans = find_citation(ARTICLE, "police", every=True)
    assert [s.start for s in spans] == [i for i in range(len(ARTICLE)) if ARTICLE.startswith("police", i)]


def test_an_empty_citation_is_refused():
    with pytest.raises(CitationNotFound):
        find_citation(ARTICLE, "")
