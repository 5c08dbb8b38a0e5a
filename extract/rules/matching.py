"""One pass of spaCy's PhraseMatcher over an article for every extractor's phrase table.

Figures anchor on number words, dates on date words, quotations on reporting
cues, events on trigger words, names on known organizations: five tables, all matched case-insensitively on
the same tokens.  One matcher holding them all, run once per article, costs a
fraction of one matcher per table run one after the other; each extractor then takes
its own matches, keyed ``<table>:<key>``.

The tables belong to the modules that apply them; the package (``rules/__init__.py``)
registers each here with ``register``, so this module imports none of them (they all
import this one: registering the other way round would be an import cycle).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy and the tokenizer load when the matcher is first built, not when the package registers
    from spacy.matcher import PhraseMatcher

    from .text import Article

PhraseTable = Callable[[], dict[str, list[str]]]
"""A table's phrases by key (``{"cue-say": ["said", "says", ...]}``), read when the matcher is first built."""

TABLES: dict[str, PhraseTable] = {}
"""table name -> its phrases, in the order they were registered."""

SEEN: set[tuple[str, str, str]] | None = None
"""While ``recording()`` is on: (table, key, matched words in lower case) of every phrase matched in any
article (the lexicon tests read it to find entries no test sentence matches); None otherwise."""


@contextmanager
def recording() -> Iterator[set[tuple[str, str, str]]]:
    """Record every phrase matched while the block runs (``SEEN``), and give the record."""
    global SEEN
    SEEN = set()
    try:
        yield SEEN
    finally:
        SEEN = None


def register(table: str, phrases: PhraseTable) -> None:
    """Add (or replace) one phrase table; the matcher is rebuilt on its next use."""
    TABLES[table] = phrases
    phrase_matcher.cache_clear()
    match_keys.cache_clear()


@cache
def phrase_matcher() -> PhraseMatcher:
    from spacy.matcher import PhraseMatcher

    from .text import nlp

    matcher = PhraseMatcher(nlp().vocab, attr="LOWER")
    for table, read in TABLES.items():
        for key, words in read().items():
            matcher.add(f"{table}:{key}", [nlp().make_doc(w) for w in words])
    return matcher


@cache
def match_keys() -> dict[int, tuple[str, str]]:
    """match id -> (table, key), for every phrase key of the matcher (read once, not per match)."""
    from .text import nlp

    strings = nlp().vocab.strings
    return {strings[f"{table}:{key}"]: (table, key) for table, read in TABLES.items() for key in read()}


def matches(article: Article, table: str) -> list[tuple[str, int, int]]:
    """(key, start token, end token) of every phrase of ``table`` in the article (all tables matched once)."""
    if article.phrase_matches is None:
        keys = match_keys()
        found: dict[str, list[tuple[str, int, int]]] = {}
        for match_id, start, end in phrase_matcher()(article.doc):
            name, key = keys[match_id]
            found.setdefault(name, []).append((key, start, end))
        article.phrase_matches = found
        if SEEN is not None:
            for name, hits in found.items():
                SEEN.update((name, key, article.text[slice(*article.char_bounds(s, e))].lower()) for key, s, e in hits)
    return article.phrase_matches.get(table, [])
