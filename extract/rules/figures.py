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
from dataclasses import dataclass
from functools import cache

from .. import numbers
from . import lexicon, matching

from .text import Article

DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
PERCENT = r"\s?%|\s(?:percent|per\s+cent)\b"


@dataclass
class FigureHit:
    start: int
    end: int
    surface: str
    value: float | None
    qualifier: str
    unit: str
    counts: str | None
    rule_id: str
    value_max: float | None = None
    about: str | None = None

    def as_json(self) -> dict:
        out = {"surface": self.surface, "value": self.value, "qualifier": self.qualifier, "unit": self.unit,
               "counts": self.counts, "char_start": self.start, "char_end": self.end, "rule_id": self.rule_id}
        if self.value_max is not None:
            out["value_max"] = self.value_max
        if self.about:
            out["about"] = self.about
        return out


def alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def figure_pattern() -> re.Pattern:
    lex = numbers.lexicon()
    fig = lexicon.load("figures")
    units = [w for w in lex["units"] if w not in ("a", "an")]
    tens, multipliers = list(lex["tens"]), list(lex["multipliers"])
    one_word = rf"(?:{alternation(tens)})(?:-(?:{alternation(units)}))?|{alternation(units)}"
    word_number = (rf"(?:an?\s+(?:{alternation(multipliers + ['dozen'])})|{one_word})"
                   rf"(?:[\s-](?:and\s)?(?:{one_word}|{alternation(multipliers)}))*")
    suffix = alternation(fig["multiplier_suffixes"])
    number = rf"(?:(?:{DIGITS})(?:\s?(?:{suffix})\b)?|(?:{word_number}))"
    qualifiers = alternation(w for e in lex["qualifiers"] for w in e["words"])
    vague = alternation(w for e in lex["vague"] if e["value"] is not None for w in e["words"])
    time_units = alternation(w for w in fig["time_units"] if not w.endswith("s"))
    return re.compile(
        rf"(?<![\w@#/$€£.,-])"
        rf"(?:(?P<qual>{qualifiers})\s+)?"
        rf"(?:(?P<hyph>{number}-(?:{time_units})s?(?:-old)?)"
        rf"|(?P<range>between\s+(?P<low>{number})%?\s+and\s+(?P<high>{number})(?P<pct1>{PERCENT})?"
        rf"|(?P<low2>{number})\s+to\s+(?P<high2>{number})(?P<pct2>{PERCENT})?"
        rf"|(?P<low3>{DIGITS})%?\s?[-–]\s?(?P<high3>{DIGITS})(?P<pct3>{PERCENT})?)"
        rf"|(?P<money>(?:US\$|\$|€|£)\s?{number})"
        rf"|(?P<num>{number})(?P<pct>{PERCENT})?"
        rf"|(?P<article>an?)(?=\s+(?:{time_units})\b)"
        rf"|(?P<vague>(?:{vague})(?:\s+(?:{alternation(multipliers)}))?)(?=\s+(?:of\s+)?[a-z]))"
        rf"(?![\w])",
        re.I,
    )


@cache
def excluded_pattern() -> re.Pattern:
    names = lexicon.load("figures")["months"]
    # "(?=[adf…])" first: a one-letter test that spares trying two dozen month names at every position
    months = rf"(?=[{''.join(sorted({m[0].lower() for m in names}))}])(?:{alternation(names)})"
    return re.compile(
        rf"\b{months}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b"         # September 20, 2023
        rf"|\b{months}\s+\d{{4}}\b"                                                # September 2023
        r"|\b(?=\d)(?:"                                                              # (one test for the digit ones)
        rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{months}\b(?:\s+\d{{4}})?"         # 20 September 2023
        r"|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b"                                       # 20/09/2023, 2023-09-20
        r"|\d{1,2}(?::\d{2}){1,2}\b"                                                # 23:46:14
        r"|\d{1,2}(?:[.:]\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|o’clock|GMT\b|UTC\b|hrs\b)"  # 7 a.m.
        r"|\d{1,2}(?:[.:]\d{2})?\s+(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night)\b"  # 3 in the morning
        r"|\d+(?:st|nd|rd|th)\b)"                                                   # ordinals
        r"|https?://\S+|www\.\S+|\b\S+\.(?:com|org|net|gov|ve|es|co)/\S*"           # URLs
        r"|[@#]\w+",                                                                 # handles, hashtags
        re.I,
    )


YEAR_WORDS = {"in", "since", "until", "till", "by", "from", "of", "to", "between", "during", "before", "after", "year",
              "a", "an", "its", "his", "her", "their", "our", "this", "that", "last", "next",  # "a 2022 conviction"
              "mid", "early", "late", "around", "circa", "summer", "winter", "spring", "autumn", "fall", "and", "the"}


YEAR = re.compile(r"1[89]\d\d|20\d\d|2100")


def is_period(text: str, low: str, high: str, end: int) -> bool:
    """"between 2000 and 2011", "from 2015 to 2020", "2014-2016": two years are a period, not a figure,
    unless a counted word follows ("between 1500 and 2000 people")."""
    if not (YEAR.fullmatch(low) and YEAR.fullmatch(high)):
        return False
    following = re.match(r"\s+([a-z]+)", text[end:end + 30])
    return following is None or following.group(1) in YEAR_WORDS or not counted_words(text, end)[0]


def is_year(text: str, m: re.Match) -> bool:
    """A bare four-digit number from 1800 to 2100 is a year unless a qualifier or a counted noun goes with it."""
    raw = m.group("num") or ""
    if m.group("qual") or not re.fullmatch(r"(1[89]\d\d|20\d\d|2100)", raw):
        return False
    before = re.findall(r"[\w’']+", text[max(0, m.start() - 20):m.start()])
    if before and before[-1].lower() in YEAR_WORDS:
        return True
    following = re.match(r"\s+([a-z]+)", text[m.end():m.end() + 30])
    return following is None


PARTICIPLE_NOUNS = {"armed", "wounded", "injured", "displaced", "detained", "dead", "disappeared", "missing", "killed"}
COUNTED_WORD = re.compile(r"[^\W\d_][\w’'\-]*|[^\w\s’'\-]|\d+")


def counted_words(text: str, end: int) -> tuple[str | None, str | None]:
    """(what is counted, its unit) from the words after the number."""
    fig = lexicon.load("figures")
    stop, skip = lexicon.word_set("figures", "counts_stop"), lexicon.word_set("figures", "counts_skip")
    words = COUNTED_WORD.findall(text, end, end + 120)
    kept: list[str] = []
    for i, word in enumerate(words):
        low = word.lower()
        if not word[0].isalpha():
            break
        if not kept and low in skip:
            continue
        if not kept and low.endswith("ed") and low not in PARTICIPLE_NOUNS:
            following = words[i + 1].lower() if i + 1 < len(words) else ""
            if not following[:1].isalpha() or following in stop:
                break  # "Thousands protested against …": a verb, nothing counted; "three masked gunmen" goes on
        if low in stop or (kept and low.endswith("ed") and len(kept) >= 1 and low not in PARTICIPLE_NOUNS):
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
    if first in fig["time_units"]:
        return first, fig["time_units"][first]
    if first in fig["currency_words"]:
        return kept[0], "money"
    if first in ("percent", "per"):
        return None, "percent"
    return " ".join(kept), "count"


AGE_BEFORE = re.compile(r"([A-Z][\w’'\-]+(?:[ \u00a0][A-Z][\w’'\-]+)*),[ \u00a0]$")
AGE_AFTER = re.compile(r"^[ \u00a0]*(?:,|\)|;|\.|[ \u00a0]+(?:and|who|was|is|said|says))")


def classify_hit(text: str, m: re.Match) -> FigureHit | None:
    surface = m.group()
    start, end = m.start(), m.end()
    if m.group("article") is not None and not m.group("qual"):
        return None
    if m.group("num") and m.group("num").lower() == "one" and not m.group("qual") and not re.match(r"\s+of\s+(?:the|its|their|his|her)\s+\w+s\b", text[end:end + 40]):
        return None
    if m.group("article") is not None:
        unit_word = re.match(r"\s*(\w+)", text[end:]).group(1)
        end += len(re.match(r"\s*\w+", text[end:]).group())
        surface = text[start:end]
        quantity = numbers.read_quantity(surface)
        unit = lexicon.load("figures")["time_units"].get(unit_word.lower(), "count")
        return FigureHit(start, end, surface, quantity.value if quantity else 1, quantity.qualifier if quantity else "exact", unit, unit_word, "fig-a-unit")
    if m.group("range"):
        low_text = m.group("low") or m.group("low2") or m.group("low3")
        high_text = m.group("high") or m.group("high2") or m.group("high3")
        low, high = numbers.read_quantity(low_text), numbers.read_quantity(high_text)
        if not low or not high or low.value is None or high.value is None or high.value <= low.value:
            return None
        if is_period(text, low_text, high_text, end):
            return None
        if m.group("pct1") or m.group("pct2") or m.group("pct3"):
            return FigureHit(start, end, surface, low.value, "at_least", "percent", None, "fig-range-percent", value_max=high.value)
        counts, unit = counted_words(text, end)
        return FigureHit(start, end, surface, low.value, "at_least", unit or "count", counts, "fig-range", value_max=high.value)
    core = surface[: m.start("pct") - start] if m.group("pct") else surface
    quantity = numbers.read_quantity(core if not m.group("money") else re.sub(r"(?:US\$|\$|€|£)\s?", "", core, count=1))
    if m.group("qual") and m.group("vague"):
        return None
    if quantity is None:
        return None
    if m.group("hyph"):
        time_units = lexicon.load("figures")["time_units"]
        # the first hyphenated part that is a time unit: "two-decade", "4-year-old", "three-month-long"
        unit_word = next(p for p in surface.lower().split("-") if p.rstrip("s") in time_units or p in time_units)
        unit_word = unit_word if unit_word in time_units else unit_word.rstrip("s")
        counts = f"age in {time_units[unit_word]}s" if surface.lower().endswith("-old") else time_units[unit_word] + "s"
        return FigureHit(start, end, surface, quantity.value, quantity.qualifier, time_units[unit_word], counts, "fig-hyphenated")
    if m.group("money"):
        sign = m.group("money")
        return FigureHit(start, end, surface, quantity.value, quantity.qualifier, "money", sign[0] if sign[0] in "$€£" else "US$", "fig-money")
    if m.group("pct"):
        return FigureHit(start, end, surface, quantity.value, quantity.qualifier, "percent", None, "fig-percent")
    if m.group("num") and re.search(r"\b(?:aged|age|ages)[ \u00a0]+(?:between[ \u00a0]+)?$|\baged[ \u00a0]+\d+[ \u00a0]+(?:and|to)[ \u00a0]+$",
                                    text[max(0, start - 30):start], re.I):
        return FigureHit(start, end, surface, quantity.value, quantity.qualifier, "year", "age in years", "fig-aged")
    age = AGE_BEFORE.search(text[max(0, start - 60):start])
    if age and not m.group("qual") and m.group("num") and re.fullmatch(r"\d{1,3}", m.group("num")) and AGE_AFTER.match(text[end:end + 8]):
        return FigureHit(start, end, surface, quantity.value, "exact", "year", "age in years", "fig-age", about=age.group(1))
    counts, unit = counted_words(text, end)
    if m.group("vague"):
        if not counts and quantity.rule_id not in numbers.standalone_vague_ids():
            return None  # "several said": a quantity word needs its noun; "Thousands protested" stands alone
        return FigureHit(start, end, surface, quantity.value, "vague", unit or "count", counts, quantity.rule_id or "fig-vague")
    rule_id = "fig-digits" if any(c.isdigit() for c in surface) else "fig-words"
    return FigureHit(start, end, surface, quantity.value, quantity.qualifier, unit or "count", counts, rule_id if not m.group("qual") else f"{rule_id}-{quantity.rule_id}")


NUMBERED_NAME = re.compile(r"\b(?:Group|Club|Council|Committee|Class)[ \u00a0]+of[ \u00a0]+$")


def is_label(text: str, start: int) -> bool:
    if NUMBERED_NAME.search(text, max(0, start - 20), start):
        return True  # "the Group of 20": a name
    before = re.search(r"([A-Za-z][\w.&]*)[ \u00a0]+$", text[max(0, start - 30):start])
    return bool(before) and before.group(1).lower().rstrip(".") in lexicon.load("figures")["label_words"] and before.group(1)[0].isupper()


@cache
def anchor_phrases() -> dict[str, list[str]]:
    """Number words and vague quantity words ("twenty", "hundred", "dozens", "several"), and "a year"."""
    lex = numbers.lexicon()
    # the telling word of each vague phrase: "few" of "a few", "couple" of "a couple of", "thousands" of "tens of thousands"
    vague_words = {next(p for p in w.split() if p not in ("a", "tens", "of")) for e in lex["vague"] if e["value"] is not None
                   for w in e["words"]}
    number_words = (set(lex["units"]) | set(lex["tens"]) | set(lex["multipliers"])) - {"a", "an"}  # "a hundred" anchors on "hundred"
    phrases = sorted(vague_words | number_words) + [f"{a} {u}" for a in ("a", "an") for u in lexicon.load("figures")["time_units"]]
    return {"number": phrases}


DIGIT_ANCHOR = re.compile(r"\d+")


def anchors(article: Article) -> list[tuple[int, int]]:
    """(start, end) of every token where a figure may stand: digits (by expression) and number words (PhraseMatcher)."""
    found = [(m.start(), m.end()) for m in DIGIT_ANCHOR.finditer(article.text)]
    for _, start, end in matching.matches(article, "figures"):
        found.append(article.char_bounds(start, end))
    return sorted(found)


def figure_at(text: str, pattern: re.Pattern, anchor: int, floor: int) -> re.Match | None:
    """The figure covering ``anchor``, trying first where a qualifier or a currency sign could begin before it."""
    lo = window_start(text, anchor, floor)
    starts = [m.start() for m in lead_pattern().finditer(text, lo, anchor)]
    starts.append(anchor)
    for start in starts:
        m = pattern.match(text, start)
        if m and m.start() <= anchor < m.end():
            return m
    return None


@cache
def lead_pattern() -> re.Pattern:
    """Where a figure may begin before its number: a qualifier's first word, "between", "a", or a currency sign."""
    words = alternation(qualifier_first_words())
    return re.compile(rf"(?<![\w’'\-.,$€£])(?:(?:{words})(?=\s)|US\$|[$€£])", re.I)


@cache
def qualifier_first_words() -> frozenset[str]:
    """First words of the qualifiers and of "between … and …", "$", "US$": where a figure may begin before its number."""
    words = {w.split()[0] for e in numbers.lexicon()["qualifiers"] for w in e["words"]}
    return frozenset(words | {"between", "an", "a"} | {w.split()[0] for e in numbers.lexicon()["vague"] for w in e["words"]})


def window_start(text: str, anchor: int, floor: int) -> int:
    """Where to look for a figure around ``anchor``: far enough back for "no fewer than", on a word start."""
    start = max(floor, anchor - 32)
    while start > floor and text[start - 1].isalnum():
        start -= 1
    return start


def is_excluded(text: str, start: int, end: int) -> bool:
    """Inside a date, clock time, ordinal, URL or handle (looked for around the figure only)."""
    lo = max(0, start - 40)
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    hi = min(len(text), end + 40)
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    for m in excluded_pattern().finditer(text, lo, hi):
        if m.start() >= end:
            return False  # matches come in order: none later can overlap the figure
        if m.end() > start:
            return True
    return False


def extract_figures(article: Article) -> list[FigureHit]:
    """Every figure of the article: anchors found first, each read with the figure expression."""
    text = article.text
    pattern = figure_pattern()
    hits, last_end = [], 0
    for anchor_start, anchor_end in anchors(article):
        if anchor_start < last_end:
            continue
        if anchor_start > 1 and text[anchor_start - 1] in "/:.,-" and text[anchor_start - 2].isdigit():
            continue  # the middle of "20/09/2023", "23:46", "1,204": its run began earlier
        m = figure_at(text, pattern, anchor_start, last_end)
        if m is None:
            continue
        last_end = m.end()
        has_digit = any(c.isdigit() for c in m.group())
        if (has_digit and is_excluded(text, m.start(), m.end())) or is_year(text, m) or is_label(text, m.start()):
            continue
        prev = text[m.start() - 1] if m.start() > 0 else " "
        if prev.isalpha() or (m.start() > 1 and text[m.start() - 1] == "-" and text[m.start() - 2].isalpha()):
            continue
        hit = classify_hit(text, m)
        if hit is not None:
            hits.append(hit)
    return hits
