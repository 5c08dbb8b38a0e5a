"""Events: trigger words and phrases (``lexicons/events.yaml``) mapped onto the event vocabulary.

Triggers are matched on tokens with spaCy's PhraseMatcher (case-insensitive).
An event's date is the first date expression of the trigger's sentence,
resolved against the publication date; without one, the publication date
itself (the dateline's day) with a note saying so.  Triggers of one type and
one date in an article are one event with several mentions.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache


from . import lexicon, matching
from .dates import find_dates_in
from .text import Article


CALENDAR_WORDS = {"march", "may"}  # month names that are also trigger words
REPORTING_SENSES = {"found", "discovered", "announced", "declared"}  # "found that …" reports, it does not discover


@dataclass
class EventHit:
    event_type: str
    trigger: str
    start: int
    end: int
    rule_id: str
    date: dt.date | None
    date_precision: str
    date_text: str | None
    sentence: str
    sentence_start: int = 0
    sentence_end: int = 0
    mentions: list[tuple[int, int, str, str]] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"event_type": self.event_type, "trigger": self.trigger, "char_start": self.start, "char_end": self.end,
                "rule_id": self.rule_id, "date": self.date.isoformat() if self.date else None,
                "date_precision": self.date_precision, "date_text": self.date_text, "sentence": self.sentence,
                "mentions": [{"text": t, "char_start": s, "char_end": e, "rule_id": r} for s, e, t, r in self.mentions]}


@cache
def trigger_phrase_table() -> dict[str, list[str]]:
    """Trigger words by entry id (matched with the other tables, see ``matching``)."""
    return {entry["id"]: [str(w) for w in entry["words"]] for entry in lexicon.entries("events", "triggers")}


@cache
def trigger_context() -> dict[str, tuple[frozenset[str], frozenset[str], frozenset[str]]]:
    """Entry id -> (words one of which the sentence needs, words it must not hold, words that may not come just before)."""
    return {e["id"]: (frozenset(map(str, e.get("requires", ()))), frozenset(map(str, e.get("not_with", ()))),
                      frozenset(map(str, e.get("not_after", ())))) for e in lexicon.entries("events", "triggers")}


def fits_context(entry_id: str, sentence_words: set[str], word_before: str) -> bool:
    """Whether a trigger's sentence gives it its sense (``requires``, ``not_with``, ``not_after`` in events.yaml)."""
    requires, not_with, not_after = trigger_context()[entry_id]
    return (not requires or bool(requires & sentence_words)) and not (not_with & sentence_words) and word_before not in not_after


SENTENCE_WORD = re.compile(r"[a-z]+")


@cache
def trigger_table() -> dict[str, tuple[str, str, str]]:
    """Entry id -> (event type, rule id, what an undated trigger's date is)."""
    return {e["id"]: (e["event_type"], e["id"], e.get("undated", "publication")) for e in lexicon.entries("events", "triggers")}


def extract_events(article: Article, published: dt.date | None) -> list[EventHit]:
    table = trigger_table()
    text = article.text
    matches = matching.matches(article, "events")
    # keep the longest match where matches overlap ("regain control of" over "control")
    matches = sorted(matches, key=lambda m: (m[1], -(m[2] - m[1])))
    chosen, last_end = [], -1
    for match_id, start, end in matches:
        if start >= last_end:
            chosen.append((match_id, start, end))
            last_end = end
    events: dict[tuple[str, dt.date | None], EventHit] = {}
    sentence_starts = set(article.sentence_starts)
    sentence_words: dict[int, set[str]] = {}  # the words of each sentence a trigger needs context from
    all_dates = find_dates_in(article, published)  # once for the article; each trigger takes its sentence's first
    date_starts = [d.start for d in all_dates]
    for match_id, start, end in chosen:
        event_type, rule_id, undated = table[match_id]
        start_char, end_char = article.char_bounds(start, end)
        trigger = text[start_char:end_char]
        if trigger[:1].isupper() and trigger.lower() in CALENDAR_WORDS and start_char not in sentence_starts:
            continue  # "March" the month, "May" the month: not a protest, not a permission
        if trigger.lower() in REPORTING_SENSES and text[end_char:end_char + 6].lower().startswith(" that"):
            continue  # "an inquiry found that": a finding, not a discovery
        s_start, s_end = article.sentence_bounds(start_char)
        if any(trigger_context()[match_id]):
            if s_start not in sentence_words:
                sentence_words[s_start] = set(SENTENCE_WORD.findall(text[s_start:s_end].lower()))
            before = SENTENCE_WORD.findall(text[max(s_start, start_char - 20):start_char].lower())
            if not fits_context(match_id, sentence_words[s_start], before[-1] if before else ""):
                continue  # "killed" in an earthquake, a "heart attack", "fled" far from any prison
        i = bisect.bisect_left(date_starts, s_start)
        dates = [d for d in all_dates[i:i + 1] if d.end <= s_end]
        if dates:
            date, precision, date_text = dates[0].date, dates[0].precision, dates[0].text
        elif published is not None and undated == "publication":
            date, precision, date_text = published, "day", None
        else:
            date, precision, date_text = None, "unknown", None
        key = (event_type, date)
        if key not in events:
            lead = len(text[s_start:s_end]) - len(text[s_start:s_end].lstrip())
            trail = len(text[s_start:s_end]) - len(text[s_start:s_end].rstrip())
            events[key] = EventHit(event_type, trigger, start_char, end_char, rule_id, date, precision,
                                   date_text, text[s_start:s_end].strip(), s_start + lead, s_end - trail)
        events[key].mentions.append((start_char, end_char, trigger, rule_id))
    return sorted(events.values(), key=lambda e: e.start)
