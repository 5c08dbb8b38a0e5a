"""``figures.lead_pattern`` (a consumed first character, look-behinds after it) finds the leads the plain
lookahead form finds, at the same places with the same article, on sentences written for this test."""

import re

from extract.rules import figures


def lookahead_form() -> re.Pattern:
    words = figures.alternation(figures.lead_phrases()).replace(r"\ ", r"\s+")
    sign = figures.currency_sign()
    return re.compile(
        rf"(?<![\w’'\-.,$€£])(?=(?:{words})(?=\s)|(?P<article>an?)(?=\s)|{sign}|{figures.NEGATIVE})", re.I
    )


SENTENCES = [
    "No more than 40 people and at least a hundred cars; between 3 and 5 boats, about an hour.",
    "Prices fell to -5 and minus 7 as $12, €3 and £4,000 moved; tens of thousands marched.",
    "A third of a million, AN hour, a.m. and x-5 or 3-4; ‘a few’ (an estimate) at 8% or at least.",
    "a",
    "",
]


def test_lead_pattern_finds_what_the_lookahead_form_finds():
    new, old = figures.lead_pattern(), lookahead_form()
    for text in SENTENCES:
        for lo in range(0, max(1, len(text)), 7):
            for hi in (lo + 5, lo + 33, len(text)):
                got = [(m.start(), m.group("article"), m.end("article")) for m in new.finditer(text, lo, hi)]
                want = [(m.start(), m.group("article"), m.end("article")) for m in old.finditer(text, lo, hi)]
                assert got == want, (text, lo, hi)
    assert [m.start() for m in new.finditer(SENTENCES[0])][:2] == [0, 3]  # "No more than", "more than"
