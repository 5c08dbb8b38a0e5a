"""No dead lexicon entry: every id-bearing entry of every lexicon is matched by some test sentence.

The test sentences are the string literals of the test files (docstrings aside): the sentences the tests
feed the rules.  An entry is live in one of two ways, by its lexicon:

- *fired*: for the tables of the one PhraseMatcher pass (``matching.py``: cues of ``reporting_verbs``,
  triggers of ``events``, names of ``known_organizations``), the pass matched the entry's id or one of
  its names while ``analyze`` ran over the test sentences (``matching.recording`` records the matches);
- *occurs*: for the other lexicons, whose words the extractors test word by word, one of the entry's
  words stands in a test sentence as a whole word (a glued unit right after a digit: "310p").

No entry is exempt: an entry no sentence matches gets a test sentence of its own, or goes.
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

import lexicon_sentences
import pytest

from extract.rules import analyze, lexicon, matching
from extract.rules.lexicon import KnownOrganization, OrganizationGroup, Trigger

TESTS = Path(__file__).parent

FIRED_BY_TABLE = {"reporting_verbs": "cues", "events": "events", "known_organizations": "organizations"}
"""Lexicons whose entries are phrases of the one matcher pass: lexicon -> its table in ``matching``."""


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
    """The test files' sentences, and those ``lexicon_sentences`` makes from each form of the name and unit
    lists (``test_lexicon_entries_each.py`` checks what the rules read in each)."""
    written = [s for path in sorted(TESTS.glob("test_*.py")) for s in sentences_in(path)]
    return tuple(written + lexicon_sentences.sentences())


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
    assert dead_entries(name) == set(), f"entries of {name}.yaml no test sentence matches"


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
