"""The quotation stage's expressions written for speed (the first character first, the look behind it second)
against the same expressions written with the look first, on every string of a few pieces: each must find the
same matches, edges included."""

import itertools
import re

from extract.rules import quotes


def strings(alphabet, longest):
    for n in range(longest + 1):
        for pieces in itertools.product(alphabet, repeat=n):
            yield "".join(pieces)


def test_name_before_cue_is_the_expression_with_the_look_first():
    adverbs = "|".join(quotes.NAME_ADVERBS)
    look_first = re.compile(rf"(?<![\w’'\-.])({quotes.NAME_RUN})[ \u00a0]+(?:(?:{adverbs})[ \u00a0]+)?$")
    pieces = ["Ana", "Ruiz", " ", "\u00a0", ".", "-", "’", "x", "B", "also ", ","]
    for text in strings(pieces, 5):
        for pos in range(min(len(text), 4) + 1):
            new, old = quotes.NAME_BEFORE_CUE.search(text, pos), look_first.search(text, pos)
            assert (new and (new.span(), new.span(1))) == (old and (old.span(), old.span(1))), (text, pos)


def test_other_mentions_are_what_the_expression_with_the_look_first_finds():
    pieces = ["Hale", "Ha", "le", " ", "-", "’", "'", "x", "1", "_", "é", "²", "\n"]
    for name in ("Hale", "Dana Hale", "O'Neil", "Ruiz-Tapia", "H", "A.B.", "HaHa", "-Hale"):
        look_first = re.compile(rf"(?<![\w’'\-]){re.escape(name)}(?![\w\-])")
        for text in strings([*pieces, name], 4):
            found = quotes.other_mentions(text, name)
            assert found == [m.span() for m in look_first.finditer(text)], (name, text)
