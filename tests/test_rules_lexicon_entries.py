"""No dead lexicon entry: every id-bearing entry of every lexicon is matched by some test sentence.

The test sentences are the string literals of the test files (docstrings aside): the sentences the tests
feed the rules.  An entry is live in one of two ways, by its lexicon:

- *fired*: for the tables of the one PhraseMatcher pass (``matching.py``: cues of ``reporting_verbs``,
  triggers of ``events``, names of ``known_organizations``), the pass matched the entry's id or one of
  its names while ``analyze`` ran over the test sentences (``matching.recording`` records the matches);
- *occurs*: for the other lexicons, whose words the extractors test word by word, one of the entry's
  words stands in a test sentence as a whole word (a glued unit right after a digit: "310p").

An entry dead in a lexicon of another owner is listed in ``DEAD_ELSEWHERE`` until that owner gives it a
test or removes it; the list must be exact both ways (an entry listed there that comes alive fails too,
so the list only shrinks).
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

import pytest

from extract.rules import analyze, lexicon, matching
from extract.rules.lexicon import KnownOrganization, OrganizationGroup, Trigger

TESTS = Path(__file__).parent

FIRED_BY_TABLE = {"reporting_verbs": "cues", "events": "events", "known_organizations": "organizations"}
"""Lexicons whose entries are phrases of the one matcher pass: lexicon -> its table in ``matching``."""

DEAD_ELSEWHERE: dict[str, set[str]] = {
    "claims": {"certainty-rumored"},
    "events": {"ev-base", "ev-chemical", "ev-grenade", "ev-mob", "ev-sexual-violence"},
    "figures": {
        "cur-aed",
        "cur-afn",
        "cur-ars",
        "cur-aud",
        "cur-bdt",
        "cur-cad",
        "cur-chf",
        "cur-clp",
        "cur-cop",
        "cur-czk",
        "cur-dkk",
        "cur-egp",
        "cur-etb",
        "cur-ghs",
        "cur-huf",
        "cur-idr",
        "cur-ils",
        "cur-iqd",
        "cur-irr",
        "cur-kes",
        "cur-krw",
        "cur-kwd",
        "cur-kzt",
        "cur-lkr",
        "cur-mad",
        "cur-mmk",
        "cur-mxn",
        "cur-myr",
        "cur-nok",
        "cur-npr",
        "cur-nzd",
        "cur-php",
        "cur-pkr",
        "cur-pln",
        "cur-qar",
        "cur-ron",
        "cur-rub",
        "cur-sar",
        "cur-sek",
        "cur-sgd",
        "cur-thb",
        "cur-try",
        "cur-tzs",
        "cur-uah",
        "cur-ugx",
        "cur-ves",
        "cur-vnd",
        "cur-xof",
        "cur-zar",
        "cur-zmw",
        "unit-acre",
        "unit-bbl",
        "unit-bp",
        "unit-cm",
        "unit-degf",
        "unit-ft",
        "unit-ft2",
        "unit-g",
        "unit-gw",
        "unit-gwh",
        "unit-in",
        "unit-kg",
        "unit-kn",
        "unit-kw",
        "unit-kwh",
        "unit-lb",
        "unit-m2",
        "unit-m3",
        "unit-mi2",
        "unit-mm",
        "unit-mw",
        "unit-mwh",
        "unit-nmi",
        "unit-twh",
    },
    "known_organizations": {
        "org-abc",
        "org-aeromexico",
        "org-african-union",
        "org-agencia-brasil",
        "org-al-arabiya",
        "org-al-jazeera",
        "org-al-qaeda",
        "org-al-shabab",
        "org-allianz",
        "org-amazon",
        "org-america-movil",
        "org-anadolu",
        "org-anp",
        "org-ansa",
        "org-antara",
        "org-apa",
        "org-arab-league",
        "org-arcelormittal",
        "org-ard",
        "org-asean",
        "org-astrazeneca",
        "org-atf",
        "org-avianca",
        "org-axa",
        "org-baidu",
        "org-banxico",
        "org-barrio-18",
        "org-basf",
        "org-bayer",
        "org-bbva",
        "org-belga",
        "org-beltran-leyva",
        "org-bernama",
        "org-bhp",
        "org-bloomberg",
        "org-bmw",
        "org-bnp-paribas",
        "org-boko-haram",
        "org-bundesbank",
        "org-bundeswehr",
        "org-carabineros",
        "org-caracol",
        "org-caritas",
        "org-carrefour",
        "org-cartel-de-los-soles",
        "org-cbc",
        "org-cbp",
        "org-cbs",
        "org-celac",
        "org-cemex",
        "org-cia",
        "org-cisco",
        "org-cjng",
        "org-clan-del-golfo",
        "org-cnn",
        "org-coca-cola",
        "org-codelco",
        "org-comando-vermelho",
        "org-concacaf",
        "org-conmebol",
        "org-credit-suisse",
        "org-ctk",
        "org-daimler",
        "org-danone",
        "org-dea",
        "org-disney",
        "org-dow-jones",
        "org-dpa",
        "org-dw",
        "org-ecb",
        "org-eclac",
        "org-ecopetrol",
        "org-ecowas",
        "org-eln",
        "org-embraer",
        "org-eni",
        "org-eu",
        "org-euronews",
        "org-europa-press",
        "org-europol",
        "org-familia-michoacana",
        "org-fao",
        "org-farc",
        "org-fbi",
        "org-fiat",
        "org-fifa",
        "org-fox-news",
        "org-foxconn",
        "org-france-24",
        "org-frontex",
        "org-fsb",
        "org-gendarmerie",
        "org-glencore",
        "org-globo",
        "org-gm",
        "org-goldman-sachs",
        "org-greenpeace",
        "org-gsk",
        "org-guardia-civil",
        "org-gulf-cartel",
        "org-hamas",
        "org-hina",
        "org-honda",
        "org-houthis",
        "org-hrw",
        "org-hyundai",
        "org-iachr",
        "org-iaea",
        "org-ibm",
        "org-icc",
        "org-ice",
        "org-icj",
        "org-icrc",
        "org-idb",
        "org-ilo",
        "org-imf",
        "org-interpol",
        "org-ioc",
        "org-iom",
        "org-irna",
        "org-islamic-state",
        "org-jiji",
        "org-kcna",
        "org-knights-templar",
        "org-kuna",
        "org-kyodo",
        "org-latam",
        "org-lenovo",
        "org-los-choneros",
        "org-los-tiguerones",
        "org-lufthansa",
        "org-lukoil",
        "org-lusa",
        "org-mcdonalds",
        "org-mena",
        "org-mercado-libre",
        "org-mercosur",
        "org-mi5",
        "org-morgan-stanley",
        "org-mossad",
        "org-ms13",
        "org-msf",
        "org-msnbc",
        "org-mti",
        "org-nbc",
        "org-nhk",
        "org-nissan",
        "org-nokia",
        "org-notimex",
        "org-novartis",
        "org-npr",
        "org-nsa",
        "org-nyse",
        "org-oas",
        "org-ocha",
        "org-odebrecht",
        "org-oracle",
        "org-osce",
        "org-oxfam",
        "org-pap",
        "org-paypal",
        "org-pbs",
        "org-pcc",
        "org-pdvsa",
        "org-pemex",
        "org-pentagon",
        "org-pepsico",
        "org-petrobras",
        "org-petrochina",
        "org-peugeot",
        "org-philips",
        "org-pti",
        "org-qualcomm",
        "org-rai",
        "org-rcn",
        "org-renault",
        "org-repsol",
        "org-rfe",
        "org-rfi",
        "org-ria",
        "org-rio-tinto",
        "org-roche",
        "org-rt",
        "org-rtve",
        "org-ryanair",
        "org-sana",
        "org-sanofi",
        "org-santander",
        "org-scotland-yard",
        "org-sedena",
        "org-shin-bet",
        "org-shining-path",
        "org-sinaloa-cartel",
        "org-sinopec",
        "org-sky-news",
        "org-starbucks",
        "org-tanjug",
        "org-telam",
        "org-telemundo",
        "org-telesur",
        "org-televisa",
        "org-tesco",
        "org-total",
        "org-transparency",
        "org-tren-de-aragua",
        "org-tsmc",
        "org-tv-azteca",
        "org-ubs",
        "org-uefa",
        "org-ukrinform",
        "org-undp",
        "org-unesco",
        "org-unhcr",
        "org-unicef",
        "org-univision",
        "org-upi",
        "org-vale",
        "org-voa",
        "org-wafa",
        "org-wagner",
        "org-wam",
        "org-wfp",
        "org-world-bank",
        "org-wto",
        "org-xiaomi",
        "org-yonhap",
        "org-ypf",
        "org-zdf",
        "org-zetas",
    },
    "names": set(),
    "organizations": set(),
    "roles": set(),
}
"""Dead entries in lexicons whose owners are not this test's (names, organizations, known organizations,
roles: the names engineer; figures, events, claims: the figures engineer), to be settled by them: a test
sentence that matches each, or the entry removed.  Found when the test was written; it only shrinks."""


def docstrings(tree: ast.AST) -> set[int]:
    """ids of the docstring nodes of a module, its classes and functions."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def sentences_in(path: Path) -> list[str]:
    """The string literals of a test file that hold at least three words, docstrings aside."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = docstrings(tree)
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in skip
        and len(node.value.split()) >= 3
    ]


@cache
def harvested_sentences() -> tuple[str, ...]:
    return tuple(s for path in sorted(TESTS.glob("test_*.py")) for s in sentences_in(path))


@cache
def matched_phrases() -> frozenset[tuple[str, str, str]]:
    """(table, key, words) the matcher pass matched in the test sentences."""
    with matching.recording() as seen:
        for sentence in harvested_sentences():
            analyze(sentence)
    return frozenset(seen)


@cache
def sentence_text() -> str:
    return "\n".join(harvested_sentences()).lower()


def occurs(word: str, glued: bool = False) -> bool:
    """Whether ``word`` stands in a test sentence as a whole word (or, ``glued``, right after a digit)."""
    w = re.escape(str(word).lower())
    edge = r"(?<![^\W_])" if re.match(r"\w", str(word)) else ""
    pattern = (
        rf"\d{w}(?![^\W\d_])" if glued else rf"{edge}{w}" + (r"(?![^\W_])" if re.search(r"\w$", str(word)) else "")
    )
    return re.search(pattern, sentence_text()) is not None


def entry_words(entry) -> list[tuple[str, bool]]:
    """(word, glued) of every word-list field of an entry (its id and note aside)."""
    words = []
    for name in type(entry).model_fields:
        value = getattr(entry, name)
        if name in ("id", "note") or not isinstance(value, list):
            continue
        words += [(w, name == "glued") for w in value if isinstance(w, str)]
    return words


def is_live(name: str, entry) -> bool:
    table = FIRED_BY_TABLE.get(name)
    if table is None:
        return any(occurs(w, glued) for w, glued in entry_words(entry))
    seen = matched_phrases()
    if isinstance(entry, OrganizationGroup):
        return any(is_live(name, e) for e in entry.entries)
    if isinstance(entry, KnownOrganization):
        matched = {words for t, _, words in seen if t == table}
        return any(n.lower() in matched for n in entry.names)
    if isinstance(entry, (Trigger, lexicon.Entry)):
        return any(t == table and key == entry.id for t, key, _ in seen)
    raise AssertionError(f"no way to tell whether a {type(entry).__name__} of {name} is live")


def dead_entries(name: str) -> set[str]:
    return {e.id for e in lexicon.typed(name).all_entries() if not is_live(name, e)}


@pytest.mark.parametrize("name", sorted(lexicon.MODELS))
def test_no_lexicon_entry_is_dead(name):
    assert dead_entries(name) == DEAD_ELSEWHERE.get(name, set()), f"entries of {name}.yaml no test sentence matches"


def test_the_test_sentences_are_found():
    sentences = harvested_sentences()
    assert any("Nordvale Mining Ltd announced layoffs" in s for s in sentences)
    assert __doc__ not in sentences and test_a_dead_entry_is_found.__doc__ not in sentences  # docstrings aside


def test_a_dead_entry_is_found(monkeypatch):
    """An entry with a word no test sentence holds is dead, for both ways of being live."""
    verbs = lexicon.reporting_verbs()
    dead_cue = lexicon.Entry(id="cue-dead", words=["quothed"])
    monkeypatch.setattr(type(verbs), "all_entries", lambda self: [*verbs.verbs, dead_cue])
    assert dead_entries("reporting_verbs") == {"cue-dead"}
    assert not is_live("roles", lexicon.Entry(id="role-dead", words=["archduchessling"]))
    assert is_live("roles", lexicon.Entry(id="role-live", words=["archduchessling", "spokeswoman"]))


def test_a_cue_fires_only_where_the_matcher_matched_it():
    assert ("cues", "cue-say", "said") in matched_phrases()
    assert not any(key == "cue-say" and words == "quothed" for _, key, words in matched_phrases())
