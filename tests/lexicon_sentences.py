"""Sentences made from each entry of the lexicons that are lists of names and forms (currencies, units of
measure, the gazetteer of known organizations), one per form, with the figure or the organization each
must yield.

Those lexicons hold hundreds of forms ("A$", "kWh", "Al Jazeera"); a hand-written sentence for each would be a
copy of the list.  Each form is put into a neutral sentence instead, and ``test_lexicon_entries_each.py``
checks that the rules read it as the entry says (the value in its currency or unit, the name as one
organization).  ``test_rules_lexicon_entries.py`` counts these sentences among the test sentences, so an entry
is live only because a test proved that it fires.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from extract.rules import lexicon


@dataclass(frozen=True)
class Case:
    entry_id: str
    sentence: str
    expect: tuple  # (value, unit) of a figure, or (start, end) of an organization's mention


@cache
def figure_cases() -> tuple[Case, ...]:
    fig = lexicon.figures()
    cases = []
    for c in fig.currencies:
        cases += [
            Case(c.id, f"The ministry paid {f}40 million for the bridge.", (40_000_000, c.code)) for f in c.before
        ]
        cases += [
            Case(c.id, f"The ministry paid 40 million {f} for the bridge.", (40_000_000, c.code)) for f in c.after
        ]
    for u in fig.measure_units:
        value = 40 / (u.per or 1)  # "40ml" is 0.04 l
        for form in [*u.symbols, *u.words]:
            cases.append(Case(u.id, f"The survey recorded 40 {form} on Monday.", (value, u.unit)))
        cases += [Case(u.id, f"The survey recorded 40{f} on Monday.", (value, u.unit)) for f in u.glued]
    return tuple(cases)


@cache
def organization_cases() -> tuple[Case, ...]:
    cases = []
    for group in lexicon.known_organizations().groups:
        for entry in group.entries:
            for name in entry.names:
                for sentence in (f"Officials of {name} met on Monday.", f"A statement from {name} was read aloud."):
                    start = sentence.index(name)
                    cases.append(Case(entry.id, sentence, (start, start + len(name))))
    return tuple(cases)


def sentences() -> list[str]:
    return [c.sentence for c in (*figure_cases(), *organization_cases())]
