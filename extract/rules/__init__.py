"""Stage 2b, extract (rules): rule-based extractors for any English news article.

``analyze`` runs them all on one text: names (persons, organizations) first,
since quotations need them for their speakers, then quotations, figures and
events.  Everything is built on spaCy's blank English pipeline (tokenizer,
PhraseMatcher) and regular expressions; the pattern tables are
the YAML files in ``lexicons/`` and ``extract/numbers.yaml``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from . import dates, events, figures, matching, names, quotes
from .events import EventHit, extract_events
from .figures import FigureHit, extract_figures
from .names import Entity, extract_names
from .quotes import Quotation, extract_quotes
from .text import Article

# The phrase tables of the one PhraseMatcher pass, registered by the package that holds the modules owning them
# (``matching`` imports none of them: they import it).
matching.register("figures", figures.anchor_phrases)
matching.register("dates", dates.anchor_phrases)
matching.register("cues", quotes.cue_phrase_table)
matching.register("events", events.trigger_phrase_table)
matching.register("organizations", names.known_organization_phrases)


@dataclass
class RuleResult:
    text: str
    published: dt.date | None
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quotation] = field(default_factory=list)
    figures: list[FigureHit] = field(default_factory=list)
    events: list[EventHit] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)

    @property
    def persons(self) -> list[Entity]:
        return [e for e in self.entities if e.kind == "person"]

    @property
    def organizations(self) -> list[Entity]:
        return [e for e in self.entities if e.kind == "organization"]

    def as_json(self) -> dict:
        return {
            "quotes": [q.as_json() for q in self.quotes],
            "figures": [f.as_json() for f in self.figures],
            "persons": [p.as_json() for p in self.persons],
            "organizations": [o.as_json() for o in self.organizations],
            "events": [e.as_json() for e in self.events],
            "warnings": self.warnings,
        }


def analyze(text: str, published: dt.date | None = None, gazetteer: tuple = ()) -> RuleResult:
    """Run every rule-based extractor on ``text``; offsets index ``text``.

    ``gazetteer`` is a tuple of (surface, kind, canonical name, id) of known
    persons and organizations (from the curated rows), matched first.
    """
    article = Article.of(text)
    entities = extract_names(article, gazetteer)
    quotes = extract_quotes(article, entities)
    figures = extract_figures(article)
    events = extract_events(article, published)
    return RuleResult(text, published, entities, quotes, figures, events, article.warnings)
