"""What describes the dataset as a whole, derived from its sources at build time.

``extract/publish/dataset.yaml`` holds only what does not depend on the corpus
(the project's name, version, licence, contributors).  The title, the description, the
package's ``sources``, the licence's note on the texts' rights and the
README's corpus line are computed here from the ``sources`` rows, so adding an
article (``python -m extract add``) changes them without anyone editing a file.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

from ..models import Source
from ..yamlfile import read_data

FIXED_FILE = Path(__file__).with_name("dataset.yaml")
LISTED = 5
"""Up to this many publishers (or rights notices) are named one by one; beyond it, they are counted."""


@cache
def fixed() -> dict[str, Any]:
    return read_data(FIXED_FILE)


def publisher_name(source: Source) -> str:
    """The publisher as usually cited: "AFP (Agence France-Presse)" is "AFP"."""
    return source.publisher.split("(")[0].strip() or source.publisher


def day(date: dt.date) -> str:
    return f"{date.day} {date:%B} {date.year}"


def span(dates: list[dt.date]) -> str:
    first, last = min(dates), max(dates)
    return day(first) if first == last else f"{day(first)} to {day(last)}"


def articles(n: int) -> str:
    return f"{n} news article{'s' if n != 1 else ''}"


def listing(names: list[str], noun: str) -> str:
    return ", ".join(names) if len(names) <= LISTED else f"{len(names)} {noun}"


def by_publisher(sources: list[Source]) -> dict[str, list[Source]]:
    grouped: dict[str, list[Source]] = {}
    for source in sorted(sources, key=lambda s: (publisher_name(s), s.published_date, s.source_id)):
        grouped.setdefault(publisher_name(source), []).append(source)
    return grouped


def corpus_summary(sources: list[Source]) -> str:
    """One sentence: how many articles, from whom, when, and how many a curator reviewed."""
    if not sources:
        return "The corpus is empty."
    status = Counter(s.curation_status for s in sources)
    publishers = listing(list(by_publisher(sources)), "publishers")
    review = [f"{status['curated']} hand-curated (method = curated)"]
    rule = status["none"] + status["draft"]
    if rule:
        drafts = f", {status['draft']} of them with a draft annotation not yet reviewed" if status["draft"] else ""
        review.append(f"{rule} with the rules' rows only (method = rule){drafts}")
    return (f"The corpus is {articles(len(sources))} ({publishers}; {span([s.published_date for s in sources])}): "
            f"{' and '.join(review)}.")


def describe(sources: list[Source]) -> dict[str, Any]:
    """The package-level metadata: ``dataset.yaml`` with the corpus-dependent keys computed from ``sources``."""
    meta = dict(fixed())
    grouped = by_publisher(sources)
    dates = [s.published_date for s in sources]
    when = f"; {span(dates)}" if dates else ""
    meta["title"] = (f"{meta.pop('project')}: events, actors, quotes and figures from {articles(len(sources))} "
                     f"({listing(list(grouped), 'publishers')}{when})")
    meta["description"] = (
        "Structured, source-traceable tables extracted from news articles: events, actors, organizations, "
        "places, quotes, figures and every mention, each row pointing to the exact characters of its source. "
        + corpus_summary(sources))
    meta["sources"] = [{"title": f"{name}: {articles(len(group))}, {span([s.published_date for s in group])}"}
                       for name, group in grouped.items()]
    rights = sorted({s.rights.split(". ")[0].rstrip(".") for s in sources})
    licence = dict(meta["licenses"][0])
    licence["title"] = (f"{licence['title']} The article texts in `sources.text` and `seeds/` are not covered; their rights "
                        f"stay with their publishers ({'; '.join(rights) if len(rights) <= LISTED else 'see each source’s `rights`'}).")
    meta["licenses"] = [licence, *meta["licenses"][1:]]
    return meta
