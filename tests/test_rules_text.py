"""The shared text machinery: the alternation written as a tree of prefixes matches what the flat list does."""

from __future__ import annotations

import random
import re

import pytest

from extract.rules.text import alternation, alternatives, prefix_tree

PIECES = [
    "a",
    "at",
    "an",
    "A",
    "At",
    "the",
    "The",
    "day",
    "s",
    " ",
    "-",
    ".",
    "$",
    "US$",
    "€",
    "£",
    "é",
    "É",
    "k",
    "K",
    "ſ",
    "σ",
    "ς",
    "Σ",
]


def word_lists(seed: int, count: int):
    rng = random.Random(seed)
    for _ in range(count):
        yield ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 12))]


@pytest.mark.parametrize("flags", [0, re.I])
@pytest.mark.parametrize("context", ["(?:{})", r"(?:{})\b", "(?:{})(?=s)", "(?:{})(?:day)?s", "(?-i:{})"])
def test_the_tree_matches_what_the_flat_alternation_matches(flags, context):
    """The oracle is the flat alternation of the same words in the same order, joined by "|"; the texts are the
    words themselves run together (so that one word's prefix is another's, and a branch must give way to a later
    one when what follows fails), at every position, in either case."""
    rng = random.Random(7)
    for words in word_lists(hash((flags, context)) % 1000, 150):
        flat = re.compile(context.format("|".join(alternatives(words))), flags)
        tree = re.compile(context.format(alternation(words)), flags)
        text = " ".join(rng.choice([w, w.upper(), w.lower()]) + rng.choice(["", "s", "day", " "]) for w in words * 2)
        for at in range(len(text)):
            got, expected = tree.match(text, at), flat.match(text, at)
            assert (got and got.span()) == (expected and expected.span()), (words, text, at)


@pytest.mark.parametrize("flags", [0, re.I])
def test_a_tree_of_words_in_any_order_matches_what_their_flat_alternation_matches(flags):
    """``prefix_tree`` keeps any order it is given: a shorter word before a longer one that begins with it, a
    word repeated, the empty word among the others."""
    rng = random.Random(11)
    for words in word_lists(flags + 5, 300):
        words = [*words, rng.choice(words), ""][: rng.randint(1, len(words) + 2)]
        rng.shuffle(words)
        flat = re.compile(r"(?:{})(?:day)?\b".format("|".join(map(re.escape, words))), flags)
        tree = re.compile(rf"(?:{prefix_tree(words)})(?:day)?\b", flags)
        text = " ".join(rng.choice([w, w.upper()]) + rng.choice(["", "s", "day"]) for w in words * 2)
        for at in range(len(text)):
            got, expected = tree.match(text, at), flat.match(text, at)
            assert (got and got.span()) == (expected and expected.span()), (words, text, at)


def test_words_that_begin_alike_are_written_once():
    assert alternation(["at least", "at most", "about"]) == r"a(?:t\ (?:least|most)|bout)"
    assert alternation(["of the", "of"]) == r"of(?:\ the|)"  # the shorter word last, as in the flat list
    assert alternation(["Some", "some"]) == "Some|some"  # first letters that differ in case: left flat
    assert alternation([]) == ""


def test_new_words_get_only_the_lower_case_the_matchers_read():
    """A word the vocabulary has not seen becomes a lexeme with its lower case alone (the rules read no other
    lexical attribute), and the case-insensitive phrase matching still finds it in any case."""
    from spacy.attrs import LOWER
    from spacy.matcher import PhraseMatcher

    from extract.rules.text import nlp

    assert set(nlp().vocab.lex_attr_getters) == {LOWER}
    doc = nlp().make_doc("The Qworvelian ÉCLAIRZ council met.")
    assert [t.lower_ for t in doc] == ["the", "qworvelian", "éclairz", "council", "met", "."]
    matcher = PhraseMatcher(nlp().vocab, attr="LOWER")
    matcher.add("k", [nlp().make_doc("qworvelian éclairz")])
    assert [(s, e) for _, s, e in matcher(doc)] == [(1, 3)]


def test_the_infix_expression_splits_where_its_plain_reading_does():
    """``INFIX`` (the splitting character first, its neighbours read by lookarounds) splits a word exactly
    where the plain reading of its rule does: a dash or slash between word characters, a hyphen after a letter
    or between a digit and a letter, an apostrophe between letters."""
    from extract.rules.text import INFIX

    plain = re.compile(r"(?<=\w)[—–/](?=\w)|(?<=[^\W\d_])-(?=\w)|(?<=\d)-(?=[^\W\d_])|(?<=[^\W\d_])[’'](?=[^\W\d_])")
    rng = random.Random(7)
    alphabet = "ab_Zé9-—–/'’.x "
    words = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 9))) for _ in range(20_000)]
    words += ["well-known", "1990s-era", "3-D", "20-year-old", "O'Neill", "don’t", "and/or", "2020–2021", "'tis"]
    for word in words:
        assert [m.span() for m in INFIX.finditer(word)] == [m.span() for m in plain.finditer(word)], word
    assert [m.span() for m in INFIX.finditer("well-known O'Neill 3-D")] == [(4, 5), (12, 13), (20, 21)]
