"""The names stage's cheap lookups against the whole-text computations they stand for, on sentences written
for these tests: each must answer as the expression over the whole text would, edges included."""

import pytest

from extract.rules import names as rules_names

TEXTS = [
    "Bowling was cancelled. Bowling Ana Ruiz said the bowling alley closed.",
    "prices rose; Prices of bonds fell (prices-wise) and prices’ fall, prices_2 and prices2 did not.",
    "the-end and don't, o'clock: rock'n'roll in x-ray, the end",
    "Ünïcode wörds and café crème beside plain words and a café.",
    "an anagram of banana and ana, a na and anna: ana",  # a short word inside many longer ones
    "a a a a a a a a a a a a ba ab aba a",  # more hits inside longer words than the find loop tries
    "covid19 cases, the 3rd round, rd2 and _x; x-ray",  # digits, "_" and "-" against a word: no word alone
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_writes_in_lower_case_is_the_lower_case_word_set(text):
    words = set(text.lower().replace("-", " ").replace("'", " ").replace("’", " ").split())
    words |= {"bowling", "prices", "end", "the", "café", "ana", "na", "a", "ab", "aba", "x", "ray", "rock", "zzz"}
    words |= {"", "Bowling", "prices2", "prices_2", "don't", "o", "covid", "cases", "rd", "round"}
    lower = rules_names.lowercase_words(text)
    for word in sorted(words):
        assert rules_names.writes_in_lower_case(text, word) == (word in lower), (text, word)


@pytest.mark.parametrize(
    "text, opens",
    [
        ("Shares rose at airlines such as Vorland and Omega.", True),
        ("shares rose at airlines\u00a0 such\u00a0as Vorland.", True),
        ("groups and unions, including Omega, spoke.", False),  # no head right before the opener
        ("the unions including Omega spoke.", True),
        ("the banks said the banks such as Omega lent", True),  # not at the head's first place
        ("firms among them", False),  # the opener needs the spaces after it
        ("firms among them Omega and the banks like Vorland", True),
        ("airlines such", False),
        ("", False),
    ],
)
def test_opens_a_list_finds_a_head_then_an_opener(text, opens):
    assert rules_names.opens_a_list(text.lower()) is opens
    assert bool(rules_names.list_opening_pattern().search(text)) is opens


# Sentences with places of the gazetteer, words in capitals and modifiers' hints, for the rows' annotations.
ROW_SENTENCES = (
    "LIMA, March 3 (Reuters) - Lima-based Banco Andino said on Monday that Florence, 34, had left Paris.",
    "PRESS DIGEST - Lanvik\n\nTexas-born Ana Ruiz, an analyst at Vorland, said Vorland's chief executive quit.",
    "The Montclair coach praised London shares as Berlin rose 12p to 468p; striker Florence scored for Chile.",
    "Vorland, based in Lanvik, posted a net profit, said UNHCR spokesman Omar Diaz in Geneva (Switzerland).",
    "NATO and the EU met in Rome, where the Rome mayor and Peru's Pedro Salas spoke of the Lanvik gang.",
)


@pytest.mark.parametrize("text", ROW_SENTENCES)
def test_rows_skipped_for_a_name_cannot_hold_for_it(text):
    """Every row that ``rows_for`` keeps from a name (a place's row for no place, a row of capitals for other
    words, a hint's row without the hint) is False for it: skipping it changes no decision."""
    from extract.rules.text import Article

    article = Article.of(text)
    checked = 0
    for cand in rules_names.candidates(article):
        look = rules_names.Look(cand, text)
        upper = all(w.isupper() for w in cand.words)
        for rule in rules_names.CLASSIFY:
            skipped = (
                rule.place not in (None, look.is_place)
                or (rule.capitals and not upper)
                or rule.hint not in (None, cand.hint)
            )
            if skipped:
                checked += 1
                assert not rule.when(look), (rule.id, cand.words)
    assert checked > 0


def test_rows_for_keeps_the_table_s_order():
    rows = rules_names.rows_for("person", False, False, None)
    assert [r for r in rules_names.CLASSIFY if r in rows] == list(rows)
    assert all(r.place is not True and not r.capitals and r.hint is None for r in rows)
    assert {r.id for r in rules_names.rows_for("one", True, True, "organization")} >= {
        "slug",
        "place-gazetteer",
        "org-based",
    }
