"""Benchmark: the event rules on short articles written for it, against hand-coded event types.

``bench/events/dev.yaml`` and ``dev2.yaml`` to ``dev10.yaml`` (development: rule changes may come from their errors;
each of ``dev2`` to ``dev10`` was coded before the rules first ran on it, its first run in ``events/README.md``),
``bench/events/heldout.yaml``, ``bench/events/news.yaml``, ``bench/events/heldout2.yaml`` and
``bench/events/heldout3.yaml`` to ``bench/events/heldout19.yaml`` (held out until their first run; ``news`` codes the articles of
``bench/heldout/``, ``heldout2`` to ``heldout19`` were written later, ``heldout16`` to ``19`` by another hand, after the development
part had no errors left) list articles, each with the
event types it reports, at both levels (``event_type/sub_event_type``, or an
extension type alone).  Per article, the set of types the rules report is compared
with the gold set; precision and recall sum over the articles of a part, at the
event-type level and at the sub-event level.  "Invented" counts conflict events
(any ACLED event type) the rules report on articles whose gold has none.
Run: ``.venv/bin/python bench/events_eval.py [--parts PART ...] [--errors [PART ...]]`` (errors of the
development part by default; a held-out part's errors are read only once its first-run
figures are recorded, and from then on it counts as development, see ``events/README.md``).
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract.rules import analyze  # noqa: E402
from extract.yamlfile import read_data  # noqa: E402

FOLDER = Path(__file__).with_name("events")
PARTS = (
    "dev",
    "dev2",
    "dev3",
    "dev4",
    "dev5",
    "dev6",
    "dev7",
    "dev8",
    "dev9",
    "dev10",
    "heldout",
    "news",
    "heldout2",
    "heldout3",
    "heldout4",
    "heldout5",
    "heldout6",
    "heldout7",
    "heldout8",
    "heldout9",
    "heldout10",
    "heldout11",
    "heldout12",
    "heldout13",
    "heldout14",
    "heldout15",
    "heldout16",
    "heldout17",
    "heldout18",
    "heldout19",
)
NEWS_TEXTS = ROOT / "bench" / "heldout"  # the news part's gold names these articles; the others hold their text
CONFLICT_TYPES = frozenset(
    {
        "battles",
        "explosions_remote_violence",
        "violence_against_civilians",
        "protests",
        "riots",
        "strategic_developments",
    }
)  # ACLED's event types; the rest are the project's extensions


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    right: int = 0

    def add(self, gold: set[str], found: set[str]) -> None:
        self.gold, self.found, self.right = (
            self.gold + len(gold),
            self.found + len(found),
            self.right + len(gold & found),
        )

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.gold if self.gold else 1.0


@dataclass
class PartScore:
    articles: int = 0
    types: Tally = field(default_factory=Tally)
    subtypes: Tally = field(default_factory=Tally)
    without_conflict: int = 0  # articles whose gold has no conflict event
    invented: int = 0  # conflict events found on those articles
    errors: list[str] = field(default_factory=list)


def label(event_type: str, sub_event_type: str | None) -> str:
    return f"{event_type}/{sub_event_type}" if sub_event_type else event_type


def score_article(gold_labels: list[str], found_labels: list[str], score: PartScore, article_id: str) -> None:
    gold, found = set(gold_labels), set(found_labels)
    score.articles += 1
    score.subtypes.add(gold, found)
    score.types.add({g.split("/")[0] for g in gold}, {f.split("/")[0] for f in found})
    if not any(g.split("/")[0] in CONFLICT_TYPES for g in gold):
        score.without_conflict += 1
        score.invented += sum(f.split("/")[0] in CONFLICT_TYPES for f in found)
    if gold != found:
        score.errors.append(f"{article_id}: missed {sorted(gold - found)}, extra {sorted(found - gold)}")


def load(part: str) -> list[dict]:
    return read_data(FOLDER / f"{part}.yaml")["articles"]


def evaluate(part: str) -> PartScore:
    score = PartScore()
    for article in load(part):
        published = article["published"]
        published = published if isinstance(published, dt.date) else dt.date.fromisoformat(str(published))
        text = (
            article["text"] if "text" in article else (NEWS_TEXTS / f"{article['id']}.txt").read_text(encoding="utf-8")
        )
        result = analyze(text, published)
        score_article(
            list(article["events"]),
            [label(e.event_type, e.sub_event_type) for e in result.events],
            score,
            article["id"],
        )
    return score


def option_values(argv: list[str], option: str) -> list[str] | None:
    """The words after ``option`` up to the next ``--`` option (None when the option is absent)."""
    if option not in argv:
        return None
    values = []
    for word in argv[argv.index(option) + 1 :]:
        if word.startswith("--"):
            break
        values.append(word)
    return values


def chosen_parts(argv: list[str]) -> list[str]:
    """``--parts P ...`` scores those parts only (a held-out part not yet due to run stays unread), else every part."""
    chosen = option_values(argv, "--parts")
    if not chosen:
        return list(PARTS)
    unknown = [part for part in chosen if part not in PARTS]
    if unknown:
        raise SystemExit(f"unknown parts: {unknown}")
    return chosen


def main(argv: list[str]) -> None:
    print(
        "| part | articles | level | gold | found | right | P | R | conflict events invented (articles without one) |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    scores = {part: evaluate(part) for part in chosen_parts(argv)}
    for part, s in scores.items():
        for level, t in (("event type", s.types), ("sub-event type", s.subtypes)):
            print(
                f"| {part} | {s.articles} | {level} | {t.gold} | {t.found} | {t.right} | {t.precision:.2f} | {t.recall:.2f} "
                f"| {s.invented} ({s.without_conflict}) |"
            )
    if "--errors" in argv:
        wanted = option_values(argv, "--errors") or ["dev"]
        for part in wanted:
            print(f"\nErrors of {part}:")
            for line in scores[part].errors:
                print("  " + line)


if __name__ == "__main__":
    main(sys.argv[1:])
