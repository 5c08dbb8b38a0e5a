"""Stage 2b, extract (rules): rule-based extractors for any English news article.

``analyze`` runs them all on one text: names (persons, organizations) first,
since quotations need them for their speakers, then quotations, figures and
events.  Everything is built on spaCy's blank English pipeline (tokenizer,
PhraseMatcher) and regular expressions; the pattern tables are
the YAML files in ``lexicons/`` and ``extract/numbers.yaml``.

Importing the package loads neither spaCy nor the rule modules: what ``analyze`` returns is defined in
``results`` (so a cached or a worker's result unpickles without them), the rule modules are imported when
``analyze`` first runs, and each phrase table is read from its module when the matcher is first built.  A build
that analyzes nothing in its own process (``batch``) never pays for them.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from importlib import import_module

from . import matching
from .results import Entity, EventHit, FigureHit, Mention, Quotation, RuleResult

__all__ = ["Entity", "EventHit", "FigureHit", "Mention", "Quotation", "RuleResult", "analyze"]


# The phrase tables of the one PhraseMatcher pass, registered by the package that holds the modules owning them
# (``matching`` imports none of them: they import it), in this order: (table, module, its function giving the table).
# Each is read from its module when the matcher is first built.
PHRASE_TABLES = (
    ("figures", "figures", "anchor_phrases"),
    ("dates", "dates", "anchor_phrases"),
    ("cues", "quotes", "cue_phrase_table"),
    ("events", "events", "trigger_phrase_table"),
    ("organizations", "names", "known_organization_phrases"),
)


def phrase_table(module: str, function: str) -> dict[str, list[str]]:
    """A rule module's phrase table, the module imported now (the matcher is built on the first analysis)."""
    return getattr(import_module(f"{__name__}.{module}"), function)()


for _table, _module, _function in PHRASE_TABLES:
    matching.register(_table, partial(phrase_table, _module, _function))


def analyze(text: str, published: dt.date | None = None, gazetteer: tuple = ()) -> RuleResult:
    """Run every rule-based extractor on ``text``; offsets index ``text``.

    ``gazetteer`` is a tuple of (surface, kind, canonical name, id) of known
    persons and organizations (from the curated rows), matched first.
    """
    from .events import extract_events  # here: the rule modules (and spaCy) load when the first article is analyzed
    from .figures import extract_figures
    from .names import extract_names
    from .quotes import extract_quotes
    from .text import Article

    article = Article.of(text)
    entities = extract_names(article, gazetteer)
    quotes = extract_quotes(article, entities)
    figures = extract_figures(article)
    events = extract_events(article, published)
    return RuleResult(text, published, entities, quotes, figures, events, article.warnings)


_LAZY = {
    "dates": None,
    "events": None,
    "figures": None,
    "names": None,
    "quotes": None,
    "extract_events": "events",
    "extract_figures": "figures",
    "extract_names": "names",
    "extract_quotes": "quotes",
    "Article": "text",
}


def __getattr__(name: str):
    """The rule modules and their extractors, as the package exported them, imported on first use (PEP 562)."""
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = import_module(f"{__name__}.{_LAZY[name] or name}")
    return module if _LAZY[name] is None else getattr(module, name)
