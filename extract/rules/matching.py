"""One pass of spaCy's PhraseMatcher over an article for every extractor's phrase table.

Figures anchor on number words, dates on date words, quotations on reporting
cues, events on trigger words, names on known organizations: five tables, all matched case-insensitively on
the same tokens.  One matcher holding them all, run once per article, costs a
fraction of one matcher per table run one after the other; each extractor then takes
its own matches, keyed ``<table>:<key>``.
"""

from __future__ import annotations

from functools import cache

from spacy.matcher import PhraseMatcher

from .text import Article, nlp


@cache
def phrase_matcher() -> PhraseMatcher:
    from . import dates, events, figures, names, quotes

    tables = {
        "figures": figures.anchor_phrases(),
        "dates": dates.anchor_phrases(),
        "cues": quotes.cue_phrase_table(),
        "events": events.trigger_phrase_table(),
        "organizations": names.known_organization_phrases(),
    }
    matcher = PhraseMatcher(nlp().vocab, attr="LOWER")
    for table, phrases in tables.items():
        for key, words in phrases.items():
            matcher.add(f"{table}:{key}", [nlp().make_doc(w) for w in words])
    return matcher


def matches(article: Article, table: str) -> list[tuple[str, int, int]]:
    """(key, start token, end token) of every phrase of ``table`` in the article (all tables matched once)."""
    found = getattr(article, "_phrase_matches", None)
    if found is None:
        strings = nlp().vocab.strings
        found = {}
        for match_id, start, end in phrase_matcher()(article.doc):
            name, key = strings[match_id].split(":", 1)
            found.setdefault(name, []).append((key, start, end))
        article._phrase_matches = found
    return found.get(table, [])
