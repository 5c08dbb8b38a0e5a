"""Benchmark: the rules on news articles they were not written from, against hand annotations.

The seeds cannot measure generalization (the rules were written after reading
them), so ``bench/heldout/`` holds short wire-style articles on other subjects
(a fraud trial, an earthquake, an antitrust fine, a protest), each with a gold
file listing its quotations of three or more words with their speakers, its
figures with their values, and its named persons and organizations.  They were
written and annotated before the rules were first run on them; the README says
which results are that first, held-out run.  Speaker accuracy counts the quotations
whose gold names a speaker (``speaker: null`` is an unnamed source; a name the rules
give it is listed among the misses).  Run:
``.venv/bin/python bench/heldout_eval.py [ARTICLE ...] [--misses]``.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract.rules import analyze  # noqa: E402
from extract.score import label_matches, names_match, overlaps  # noqa: E402
from extract.yamlfile import read_data  # noqa: E402

FOLDER = Path(__file__).with_name("heldout")
MIN_QUOTE_WORDS = 3


@dataclass
class Tally:
    """Gold items, items the rules found, gold items the rules found (recall) and found items that are gold (precision)."""

    gold: int = 0
    found: int = 0
    gold_found: int = 0
    found_right: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.gold += other.gold
        self.found += other.found
        self.gold_found += other.gold_found
        self.found_right += other.found_right
        self.misses += other.misses

    def precision(self) -> float | None:
        return self.found_right / self.found if self.found else None

    def recall(self) -> float | None:
        return self.gold_found / self.gold if self.gold else None


def span_of(text: str, surface: str, name: str) -> tuple[int, int]:
    start = text.find(surface)
    if start < 0:
        raise SystemExit(f"{name}: the gold text {surface!r} is not in the article")
    return start, start + len(surface)


def speaker_is(found: str | None, gold: str | list[str]) -> bool:
    golds = gold if isinstance(gold, list) else [gold]
    return bool(found) and (names_match(found, golds) or label_matches(found, golds))


def tally(name: str, gold: list, found: list, same, describe_gold, describe_found) -> Tally:
    """Match gold and found items with ``same(gold, found)``; misses name what was missed or extra."""
    result = Tally(gold=len(gold), found=len(found))
    for g in gold:
        if any(same(g, f) for f in found):
            result.gold_found += 1
        else:
            result.misses.append(f"{name}: missed {describe_gold(g)}")
    for f in found:
        if any(same(g, f) for g in gold):
            result.found_right += 1
        else:
            result.misses.append(f"{name}: extra {describe_found(f)}")
    return result


def score_article(name: str) -> dict[str, Tally]:
    text = (FOLDER / f"{name}.txt").read_text(encoding="utf-8")
    gold = read_data(FOLDER / f"{name}.gold.yaml")
    result = analyze(text, dt.date.fromisoformat(str(gold["published"])))

    gold_quotes = [(span_of(text, q["text"], name), q) for q in gold["quotes"]]
    rule_quotes = [q for q in result.quotes if len(q.text.split()) >= MIN_QUOTE_WORDS]
    same_quote = lambda g, q: overlaps(g[0], (q.start, q.end))  # noqa: E731
    quotes = tally(
        name,
        gold_quotes,
        rule_quotes,
        same_quote,
        lambda g: f"quote {g[1]['text'][:50]!r}",
        lambda q: f"quote {q.text[:50]!r}",
    )
    speakers = Tally()
    for span, wanted in gold_quotes:
        hit = next((q for q in rule_quotes if same_quote((span, wanted), q)), None)
        if hit is not None and wanted["speaker"] is None:  # an unnamed source: no named speaker to be right about
            if hit.speaker:
                speakers.misses.append(f"{name}: {wanted['text'][:40]!r} has no named speaker, not {hit.speaker}'s")
        elif hit is not None:
            speakers.gold += 1
            speakers.found += 1
            if speaker_is(hit.speaker, wanted["speaker"]):
                speakers.gold_found += 1
                speakers.found_right += 1
            else:
                speakers.misses.append(f"{name}: {wanted['text'][:40]!r} is {wanted['speaker']}'s, not {hit.speaker}'s")

    gold_figures = [(span_of(text, f["surface"], name), float(f["value"])) for f in gold["figures"]]
    same_figure = lambda g, f: overlaps(g[0], (f.start, f.end)) and f.value is not None and abs(f.value - g[1]) < 1e-6  # noqa: E731
    figures = tally(
        name,
        gold_figures,
        result.figures,
        same_figure,
        lambda g: f"figure {text[g[0][0] : g[0][1]]!r} = {g[1]:g}",
        lambda f: f"figure {f.surface!r} = {f.value}",
    )

    # a gold entity is a name or a list of one entity's names ([United Auto Workers, UAW])
    same_entity = lambda g, e: any(names_match(alias, g) for alias in [e.name, *e.aliases])  # noqa: E731
    entities = lambda key: [[str(n) for n in g] if isinstance(g, list) else [str(g)] for g in gold[key]]  # noqa: E731
    persons = tally(
        name, entities("persons"), result.persons, same_entity, lambda g: f"person {g[0]}", lambda e: f"person {e.name}"
    )
    organizations = tally(
        name,
        entities("organizations"),
        result.organizations,
        same_entity,
        lambda g: f"organization {g[0]}",
        lambda e: f"organization {e.name}",
    )
    return {
        "quotes": quotes,
        "speakers": speakers,
        "figures": figures,
        "persons": persons,
        "organizations": organizations,
    }


def main() -> None:
    chosen = [a for a in sys.argv[1:] if not a.startswith("--")]
    names = chosen or sorted(p.name.removesuffix(".gold.yaml") for p in FOLDER.glob("*.gold.yaml"))
    total = {key: Tally() for key in ("quotes", "speakers", "figures", "persons", "organizations")}
    for name in names:
        for key, counts in score_article(name).items():
            total[key].add(counts)
    show = lambda x: "  -  " if x is None else f"{x:.2f}"  # noqa: E731
    print(f"{len(names)} held-out articles ({', '.join(names)})")
    print(f"{'measure':<16}{'gold':>6}{'found':>7}{'precision':>11}{'recall':>8}")
    for key, counts in total.items():
        note = "  (speakers of the quotations found: accuracy)" if key == "speakers" else ""
        print(
            f"{key:<16}{counts.gold:>6}{counts.found:>7}{show(counts.precision()):>11}{show(counts.recall()):>8}{note}"
        )
    if "--misses" in sys.argv:
        for counts in total.values():
            for miss in counts.misses:
                print("  " + miss)


if __name__ == "__main__":
    main()
