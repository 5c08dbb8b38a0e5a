"""Reading numbers written in news prose: "11,000", "some 5,000", "more than a hundred", "twenty-five", "4-year-old".

The word tables live in ``numbers.yaml`` beside this module.  ``read_quantity``
is used by the build to check that a curated figure's ``value`` agrees with
its ``surface``, and by the rule extractors to value the figures they find.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

DIGITS = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?$")


@cache
def glued_multiplier() -> re.Pattern:
    """Digits with a multiplier glued to them ("7m", "1.2bn"), the multipliers of ``numbers.yaml``."""
    suffixes = "|".join(sorted(map(re.escape, lexicon().glued_multipliers), key=len, reverse=True))
    return re.compile(rf"^(\d[\d,]*(?:\.\d+)?)({suffixes})$", re.I)


@cache
def lexicon():
    """``numbers.yaml`` as its typed model (``rules.lexicon.NumbersLexicon``), validated when first read."""
    from .rules import lexicon as lexicons  # here, not at the top: the curated layer reads numbers without the rules

    return lexicons.numbers()


@cache
def glyphs() -> dict[str, float]:
    """Fraction signs ("½") and their values: the figures lexicon's ``fraction_glyphs``, read for "2½"."""
    from .rules import lexicon as lexicons

    return dict(lexicons.figures().fraction_glyphs)


@dataclass(frozen=True)
class Quantity:
    value: float | None
    qualifier: str
    rule_id: str | None = None


# Digits grouped in threes by spaces ("1 428 627", "4\u00a0200"): one number.  A plain space parts two groups
# only in millions and over (two groups at least): "the 12 300 applied" is two numbers; a no-break or thin
# space parts groups at any size.
SPACED_DIGITS = r"\d{1,3}(?:(?: \d{3}){2,}|(?:[\u00a0\u202f\u2009]\d{3})+)(?!\d)"
SPACED_DIGITS_RE = re.compile(SPACED_DIGITS)
GROUP_SPACE = re.compile(r"[ \u00a0\u202f\u2009]")


def normalize(text: str) -> list[str]:
    if " " in text or "\u00a0" in text or "\u202f" in text or "\u2009" in text:
        text = SPACED_DIGITS_RE.sub(lambda m: GROUP_SPACE.sub(",", m.group()), text)
    return text.lower().replace("\u2011", "-").split()


@cache
def qualifier_phrases() -> dict[str, list[tuple[tuple[str, ...], str, str]]]:
    """(words, qualifier, rule id) of every qualifier phrase, by first word, longest first."""
    phrases = [(tuple(p.split()), e.qualifier, e.id) for e in lexicon().qualifiers for p in e.words]
    by_first: dict[str, list] = {}
    for phrase in sorted(phrases, key=lambda p: -len(p[0])):
        by_first.setdefault(phrase[0][0], []).append(phrase)
    return by_first


def strip_qualifier(words: list[str]) -> tuple[str, list[str], str | None]:
    """(qualifier, remaining words, rule id): the longest qualifier phrase at the start."""
    for parts, qualifier, rule_id in qualifier_phrases().get(words[0], ()) if words else ():
        if len(words) > len(parts) and tuple(words[: len(parts)]) == parts:
            return qualifier, words[len(parts) :], rule_id
    return "exact", words, None


def words_value(words: list[str]) -> float | None:
    """The value of spelled-out number words ("two thousand five hundred", "twenty-five"), or None."""
    lex = lexicon()
    units, tens, multipliers, glued_multipliers = lex.units, lex.tens, lex.multipliers, lex.glued_multipliers
    total, current, seen = 0.0, 0.0, False
    for i in range(len(words) - 2 if "half" in words else 0):
        if words[i : i + 3] == ["and", "a", "half"]:  # "three and a half", "one and a half million"
            words = [*words[:i], "½", *words[i + 3 :]]
            break
    for word in words:
        for part in word.split("-"):
            if part == "and" and seen:
                continue
            if part == "½" and seen:
                current += 0.5
                continue
            # both expressions open with a digit: a word is read from the tables without trying them
            digits = DIGITS.match(part) if part[:1].isdigit() else None
            glued = glued_multiplier().match(part) if not digits and part[:1].isdigit() else None
            if not digits and not glued and part[:1].isdigit() and part[-1] in glyphs():  # "2½"
                whole = DIGITS.match(part[:-1])
                if whole is None:
                    return None
                current += float(part[:-1].replace(",", "")) + glyphs()[part[-1]]
            elif digits:
                current += float(part.replace(",", ""))
            elif glued:  # "2.3bn", "40k", "5m"
                current += float(glued.group(1).replace(",", "")) * glued_multipliers[glued.group(2).lower()]
            elif part in units:
                current += units[part]
            elif part in tens:
                current += tens[part]
            elif part in multipliers:
                current = (current or 1) * multipliers[part]
                if multipliers[part] >= 1000:
                    total, current = total + current, 0.0
            else:
                return None
            seen = True
    return total + current if seen else None


def leading_number(words: list[str]) -> float | None:
    """The value of the longest run of number words at the start of ``words``."""
    for end in range(len(words), 0, -1):
        value = words_value(words[:end])
        if value is not None:
            return value
    # hyphenated compounds: "4-year-old", "two-year"
    first = words[0].split("-")
    for end in range(len(first), 0, -1):
        value = words_value(["-".join(first[:end])])
        if value is not None:
            return value
    return None


@cache
def vague_phrases() -> list[tuple[str, Quantity]]:
    """Each vague phrase ("dozens", "a few") with its quantity, in the lexicon's order, longer first within an entry."""
    return [
        (phrase, Quantity(entry.value, "vague", entry.id))
        for entry in lexicon().vague
        for phrase in sorted(entry.words, key=len, reverse=True)
    ]


@cache
def standalone_vague_ids() -> frozenset[str]:
    """Ids of the vague words that are figures without a noun after them ("Thousands protested")."""
    return frozenset(e.id for e in lexicon().vague if e.alone)


@cache
def vague_phrases_by_first_word() -> dict[str, list[tuple[str, Quantity]]]:
    """``vague_phrases`` by their first word, longer first: a phrase can only begin a text that begins with its
    first word, and one that begins with another ("hundreds of thousands", "hundreds") is the one read."""
    by_first: dict[str, list[tuple[str, Quantity]]] = {}
    for phrase, quantity in sorted(vague_phrases(), key=lambda pq: -len(pq[0])):
        by_first.setdefault(phrase.split(" ", 1)[0], []).append((phrase, quantity))
    return by_first


def read_vague(words: list[str]) -> Quantity | None:
    """A vague quantity ("dozens", "a few"), times a multiplier after it ("several hundred", "a few thousand")."""
    text = " ".join(words)
    for phrase, quantity in vague_phrases_by_first_word().get(words[0] if words else "", ()):
        if text == phrase or text.startswith(phrase + " "):
            rest = text[len(phrase) :].split()
            multiplier = lexicon().multipliers.get(rest[0]) if rest else None
            if multiplier and quantity.value is not None:
                return Quantity(quantity.value * multiplier, "vague", quantity.rule_id)
            return quantity
    return None


def read_quantity(surface: str) -> Quantity | None:
    """The number a figure's surface states, with its qualifier; None when it states none."""
    words = normalize(surface)
    if not words:
        return None
    qualifier, rest, rule_id = strip_qualifier(words)
    if qualifier == "exact" or rest != words:
        vague = read_vague(words) if qualifier == "exact" else None
        if vague:
            return vague
        value = leading_number(rest)
        if value is not None:
            return Quantity(value, qualifier, rule_id)
    vague = read_vague(words)
    if vague:
        return vague
    value = leading_number(words)
    return Quantity(value, "exact") if value is not None else None
