"""Events: trigger words and phrases (``lexicons/events.yaml``) coded to the two event levels.

Triggers are matched on tokens with spaCy's PhraseMatcher (case-insensitive).
A trigger counts only with its context: the roles its entry names (an agent,
a patient, a place, an act) must be filled by words of its sentence, and the words
that filled them are kept beside the trigger (``EventHit.context``).  The source of a
report fills no agent ("police said the storm killed five": ``without_sources``).  An
entry's ``refine`` re-codes a trigger by its sentence (a protest dispersed
with tear gas is a protest with intervention), ``absorbed_by`` folds a trigger
into the larger incident of its sentence (homes burned in an attack),
``in_article`` re-codes it by the article's other events (a transfer of
territory in an article reporting an armed clash is a battle's), ``refine_victims``
by whom it harms (armed victims make a killing a battle; a passive trigger's
subject is its victim, never its agent), and ``undated_joins`` folds an undated
trigger into an incident told before it ("30 people were arrested" after a riot).
An article's demonstration of one day is one event, coded by its most severe
part (``demonstration_order``), and an event its sentence dates only long before
publication (``background_days``), or an undated one its sentence tells over years ("six years ago",
``background_phrases``), is the story's background, not an event.

An event's date is the first date expression of the trigger's sentence,
resolved against the publication date; a trigger whose sentence has none
joins an event of its type already dated in the article, and otherwise takes
the publication date (the dateline's day) with a note saying so.  Triggers of
one type, sub-event type and date in an article are one event with several
mentions.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache

from . import lexicon, matching
from .dates import find_dates_in
from .results import EventHit
from .text import Article, prefix_tree

CALENDAR_WORDS = frozenset(lexicon.events().calendar_words)  # lexicons/events.yaml
REPORTING_SENSES = frozenset(lexicon.events().reporting_senses)  # lexicons/events.yaml
PASSIVE_AUXILIARIES = frozenset(lexicon.events().passive_auxiliaries)  # lexicons/events.yaml
DEMONSTRATION_RANK = {label: i for i, label in enumerate(lexicon.events().demonstration_order)}  # most severe first
BACKGROUND = dt.timedelta(days=lexicon.events().background_days)
QUIET_LEAD_TYPES = frozenset(lexicon.events().quiet_stories.quiet_lead_types)
ACCIDENT_DROPS = frozenset(lexicon.events().quiet_stories.accident_drops)
CONTENT_TYPES = frozenset(lexicon.events().content_types)  # lexicons/events.yaml
STORY_WINDOW = dt.timedelta(days=lexicon.events().story_window_days)
STORY_WINDOW_KEEPS = frozenset(lexicon.events().story_window_keeps)
QUIET_KEEPS = frozenset(lexicon.events().quiet_stories.quiet_keeps)
HERE_TYPES = frozenset(lexicon.events().quiet_stories.here_types)
RETOLD = dt.timedelta(days=lexicon.events().quiet_stories.retold_days)
CONTINUING = frozenset(lexicon.events().continuing_leads)  # lexicons/events.yaml
SEPARATE_INCIDENTS = tuple(f" {p} " for p in lexicon.events().separate_incidents)  # lexicons/events.yaml
ROLES = ("agent", "patient", "place", "act")
SENTENCE_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")


def phrase_pattern(phrases) -> re.Pattern:
    """Any of ``phrases`` as whole words, case-insensitive, any run of spaces between a phrase's words; written as
    a tree of shared prefixes (``text.prefix_tree``: the same matches as the flat list in its order, each position
    entering only the branch of its letter)."""
    tree = prefix_tree(list(dict.fromkeys(phrases)))
    return re.compile(r"\b(?:" + tree.replace(r"\ ", r"\s+") + r")\b", re.I)


CLAUSE_END = re.compile(r"[,;:.!?()\u2014]")
REPORTING_VERB = phrase_pattern(lexicon.events().reporting_verbs)  # lexicons/events.yaml
REPORTING_LEAD = phrase_pattern(lexicon.events().reporting_leads)
REPORTING_BACK = frozenset(lexicon.events().reporting_back)
REPORTING_PHRASE_WORDS = lexicon.events().reporting_phrase_words
NEGATORS = frozenset(lexicon.events().negators)  # lexicons/events.yaml
NEGATOR = phrase_pattern(sorted(NEGATORS))
DETERMINERS = frozenset(lexicon.events().determiners)
DESCRIBING = frozenset(lexicon.events().describing_determiners)
RELATIVE_WORDS = frozenset(lexicon.events().relative_words)
SUBORDINATOR = phrase_pattern(lexicon.events().subordinators)


def lead_right_before(leads) -> re.Pattern:
    """One of ``leads`` (any run of spaces between its words), then a determiner or none, at the end of the text
    before a trigger: "accused of (the) …", "victims of (the) …", "jailed for (the) …"."""
    return re.compile(
        r"\b(?:"
        + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in leads)
        + r")\s+(?:(?:"
        + "|".join(map(re.escape, lexicon.events().determiners))
        + r")\s+)?$",
        re.I,
    )


def longest_words(phrases) -> frozenset[str]:
    """Each phrase's longest word, lower-cased: a sentence holding none of them holds none of the phrases, so the
    expression that looks for them need not run on it (``not_in_sentence``)."""
    return frozenset(max(p.lower().split(), key=len) for p in phrases)


ALLEGED = lead_right_before(lexicon.events().allegation_leads)
DESCRIBED_BY_PAST = re.compile(  # a relative word (up to 4 words after one of the apart ones), a present perfect
    # auxiliary, up to 3 words; then the trigger
    r"\b(?:(?:"
    + "|".join(map(re.escape, lexicon.events().describing_relatives))
    + r")\s+|(?:"
    + "|".join(map(re.escape, lexicon.events().describing_relatives_apart))
    + r")\s+(?:[\w'-]+\s+){0,4}?)(?:"
    + "|".join(map(re.escape, lexicon.events().perfect_auxiliaries))
    + r")\s+(?:[\w'-]+\s+){0,3}$",
    re.I,
)
PEOPLE_OF = lead_right_before(lexicon.events().people_of_leads)
COUNTERING = phrase_pattern(lexicon.events().countering_leads)
COUNTERING_KEYS = longest_words(lexicon.events().countering_leads)
ALLEGATION = phrase_pattern(lexicon.events().allegation_leads)
ALLEGATION_KEYS = longest_words(lexicon.events().allegation_leads)
CHARGE_REACH = lexicon.events().charge_reach
CHARGE_ENDS = frozenset(w.lower() for w in lexicon.events().charge_ends)
DENIAL = phrase_pattern(lexicon.events().denial_leads)
DENIAL_KEYS = longest_words(lexicon.events().denial_leads)
DENIAL_REACH = lexicon.events().denial_reach
NAMING = tuple(p.lower() for p in lexicon.events().naming_clauses)
LASTING = tuple(p.lower() for p in lexicon.events().lasting_leads)
OTHER_DAY_OWNER = re.compile(  # "Thursday's march", "last week's protest" just before a trigger
    r"\b(?:" + "|".join(re.escape(p) for p in lexicon.events().other_day_possessives) + r")['\u2019]s\s+$",
    re.IGNORECASE,
)
COUNTERING_REACH = 6  # words between a countering lead and the trigger, at most
PERFECT = frozenset(w.lower() for w in lexicon.events().perfect_auxiliaries)
PEOPLE_OF_FIRSTS = frozenset(p.split()[0].lower() for p in lexicon.events().people_of_leads)
FIGURATIVE = frozenset(lexicon.events().figurative_modifiers)
PUNISHMENTS = frozenset(lexicon.events().punishments)
PUNISHED_FOR_WORDS = frozenset(w.lower() for w in lexicon.events().punished_for)
PUNISHED_FOR = lead_right_before(lexicon.events().punished_for)
CAUSE_LEADS = frozenset(lexicon.events().cause_leads)
OBJECT_ENDS = frozenset(lexicon.events().object_ends)
VERB_ENDINGS = ("ed", "ing")  # a trigger whose first word ends so may be an active verb with an object


@dataclass(frozen=True)
class Words:
    """A context list of events.yaml, its ``@group`` ids expanded: single words and phrases."""

    single: frozenset[str]
    phrases: tuple[tuple[str, str], ...]  # (first word, phrase)
    phrase_firsts: frozenset[str] = field(default=frozenset(), compare=False)  # the phrases' first words

    def __post_init__(self) -> None:
        object.__setattr__(self, "phrase_firsts", frozenset(first for first, _ in self.phrases))

    def first_in(self, words: set[str], joined: str) -> str | None:
        """The first of these words or phrases that stands in a sentence (``words``, ``joined`` its words spaced)."""
        if not self.single.isdisjoint(words):  # tested first: most sentences hold none, and no set is built
            return min(self.single & words)
        if self.phrase_firsts.isdisjoint(words):  # most sentences hold no phrase's first word: no phrase is scanned
            return None
        return next((p for first, p in self.phrases if first in words and f" {p} " in joined), None)

    def all_in(self, words: set[str], joined: str) -> list[str]:
        """Every one of these words or phrases that stands in a sentence, single words first (in order)."""
        return sorted(self.single & words) + [p for first, p in self.phrases if first in words and f" {p} " in joined]

    @property
    def firsts(self) -> frozenset[str]:
        """The single words and the phrases' first words: a word set holding none of them holds none of these."""
        return self.single | {first for first, _ in self.phrases} if self.phrases else self.single

    def starts(self, following: list[str]) -> str | None:
        """The one of these words or phrases that the words ``following`` a trigger begin with."""
        if following and following[0] in self.single:
            return following[0]
        spaced = " ".join(following) + " "
        return next((p for _, p in self.phrases if spaced.startswith(p + " ")), None)


@dataclass(frozen=True)
class Refinement:
    words: Words
    event_type: str
    sub_event_type: str | None
    unless: Words = Words(frozenset(), ())


@dataclass(frozen=True)
class TriggerRule:
    """One entry of ``triggers`` in events.yaml."""

    id: str
    event_type: str
    sub_event_type: str | None
    roles: tuple[tuple[str, Words], ...]
    not_with: Words
    unless_with: Words
    not_after: frozenset[str]
    not_before: Words
    refine: tuple[Refinement, ...]
    absorbed_by: frozenset[str]
    in_article: tuple[tuple[frozenset[str], str, str | None], ...]  # (labels one of which the article has, type, sub)
    undated: str
    needs_sentence: bool = True  # whether anything of the trigger's sentence decides it
    not_after_phrases: tuple[str, ...] = ()  # the phrases of ``not_after`` ("weeks of"), each with a space before
    not_followed_by: Words = Words(frozenset(), ())
    refine_victims: tuple[Refinement, ...] = ()
    undated_joins: frozenset[str] = frozenset()
    only_in_article: frozenset[str] = frozenset()
    folded_into: frozenset[str] = frozenset()
    ends_in_article: frozenset[str] = frozenset()
    then: tuple[str, ...] = ()  # lower-case words or phrases, one of which must follow the trigger (``then_reach``)


def expand(items, groups: dict[str, list]) -> Words:
    words: list[str] = []
    for item in items or ():
        item = str(item).lower()
        if item.startswith("@"):
            if item[1:] not in groups:
                raise ValueError(f"lexicons/events.yaml: unknown group {item!r} (groups: {', '.join(groups)})")
            words.extend(str(w).lower() for w in groups[item[1:]])
        else:
            words.append(item)
    return Words(
        frozenset(w for w in words if " " not in w), tuple((w.split()[0], w) for w in dict.fromkeys(words) if " " in w)
    )


@cache
def trigger_rules() -> dict[str, TriggerRule]:
    """Entry id -> its rule, context lists expanded."""
    lex = lexicon.events()
    groups = lex.groups
    rules = {}
    for e in lex.triggers:
        rules[e.id] = TriggerRule(
            id=e.id,
            event_type=e.event_type,
            sub_event_type=e.sub_event_type,
            roles=tuple((role, expand(getattr(e, role), groups)) for role in ROLES if getattr(e, role)),
            not_with=expand(e.not_with, groups),
            unless_with=expand(e.unless_with, groups),
            not_after=frozenset(w.lower() for w in e.not_after),
            not_before=expand(e.not_before, groups),
            refine=tuple(
                Refinement(expand(r.with_, groups), r.event_type, r.sub_event_type, expand(r.unless_with, groups))
                for r in e.refine
            ),
            absorbed_by=frozenset(e.absorbed_by),
            in_article=tuple((frozenset(r.has), r.event_type, r.sub_event_type) for r in e.in_article),
            undated=e.undated or "publication",
            not_followed_by=expand(e.not_followed_by, groups),
            refine_victims=tuple(
                Refinement(expand(r.with_, groups), r.event_type, r.sub_event_type) for r in e.refine_victims
            ),
            undated_joins=frozenset(e.undated_joins),
            only_in_article=frozenset(e.only_in_article),
            folded_into=frozenset(e.folded_into),
            ends_in_article=frozenset(e.ends_in_article),
            then=tuple(str(w).lower() for w in e.then),
        )
        r = rules[e.id]
        rules[e.id] = replace(
            r,
            not_after_phrases=tuple(f" {p}" for p in sorted(r.not_after) if " " in p),
            needs_sentence=bool(
                r.roles
                or r.refine
                or r.refine_victims
                or r.not_followed_by.single
                or r.not_followed_by.phrases
                or r.not_after
                or r.not_with.single
                or r.not_with.phrases
                or r.not_before.single
                or r.not_before.phrases
            ),
        )
    return rules


@cache
def trigger_phrase_table() -> dict[str, list[str]]:
    """Trigger words by entry id (matched with the other tables, see ``matching``)."""
    return {entry.id: list(entry.words) for entry in lexicon.events().triggers}


@dataclass
class Candidate:
    rule: TriggerRule
    event_type: str
    sub_event_type: str | None
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    context: dict[str, str] | None  # None: a trigger whose roles its sentence does not fill


def in_context(
    rule: TriggerRule,
    words: set[str],
    joined: str,
    words_before: str,
    before: str,
    victims=frozenset(),
    agent_words: tuple[set[str], str] | None = None,
    sources_off: Callable[[], tuple[set[str], str]] | None = None,
    refinable: bool = True,
):
    """(event type, sub-event type, context) of a trigger whose sentence gives it its sense, else None.
    A refinement that fits re-codes the trigger and stands for its roles ("recaptured" the fugitives); the
    ``victims`` (a passive trigger's subject) fill no agent, and the agent is looked for in ``agent_words``
    (the sentence less its sources, ``without_sources``) when given.  A ``not_with`` word counts only outside the
    sources (``sources_off``, when given): "the railway company said" makes no derailment a company's news.  A
    trigger owned by another day (not ``refinable``: "Thursday's march" in Friday's arrest) is re-coded by nothing."""
    if not_after(rule, words_before):
        return None
    if rule.not_with.first_in(words, joined) and not rule.unless_with.first_in(words, joined):
        if sources_off is None or rule.not_with.first_in(*sources_off()):
            return None
    if (rule.not_before.single or rule.not_before.phrases) and rule.not_before.first_in(
        *sentence_words(CLAUSE_END.split(before)[-1])
    ):  # the trigger's own clause: "X will be moved, the minister told a news conference" told one
        return None
    for refinement in rule.refine if refinable else ():
        filler = refinement.words.first_in(words, joined)
        if filler and told_as_cause(filler, joined):  # rare: then every word of the refinement is looked at
            filler = next((w for w in refinement.words.all_in(words, joined) if not told_as_cause(w, joined)), None)
        if filler and not refinement.unless.first_in(words, joined):
            return refinement.event_type, refinement.sub_event_type, {"refined_by": filler}
    context = {}
    for role, role_words in rule.roles:
        if role == "agent":
            among, among_joined = agent_words or (words, joined)
            filler = role_words.first_in(among - victims if victims else among, among_joined)
        else:
            filler = role_words.first_in(words, joined)
        if filler is None:
            return rule.event_type, rule.sub_event_type, None  # a role unfilled: at most a mention ("the raid")
        context[role] = filler
    return rule.event_type, rule.sub_event_type, context


def told_as_cause(filler: str, joined: str) -> bool:
    """Whether every time a refinement's word stands in the sentence, it is what is protested or mourned, one of
    ``cause_leads`` and then a determiner among the three words before it ("broke up a protest over the fatal
    shooting of a teenager", "marched against the arrest of their leader"): no act on the demonstrators."""
    spaced, at = f" {filler} ", joined.find(f" {filler} ")
    while at >= 0:
        before = joined[:at].split()[-3:]
        lead = next((i for i, w in enumerate(before) if w in CAUSE_LEADS), None)
        if lead is None or DETERMINERS.isdisjoint(before[lead + 1 :]):  # "over the shooting", not "over bread prices"
            return False
        at = joined.find(spaced, at + 1)
    return True


def by_victims(rule: TriggerRule, victims: list[str], passive: bool):
    """(event type, sub-event type, context) of the first ``refine_victims`` that the trigger's victims fit.
    The context says ``victims`` for the words after the trigger, ``passive_victims`` for a passive's subject."""
    found = set(victims)
    for refinement in rule.refine_victims:
        filler = refinement.words.first_in(found, " " + " ".join(victims) + " ")
        if filler:
            return (
                refinement.event_type,
                refinement.sub_event_type,
                {"passive_victims" if passive else "victims": filler},
            )
    return None


def not_after(rule: TriggerRule, words_before: str) -> bool:
    """Whether the words just before the trigger are one of its ``not_after`` words or phrases ("weeks of")."""
    last = words_before.rsplit(" ", 1)[-1]
    if last in rule.not_after:
        return True
    if not rule.not_after_phrases:
        return False
    spaced = f" {words_before}"
    return any(spaced.endswith(p) for p in rule.not_after_phrases)


def without_sources(sentence: str, trigger_start: int, trigger_end: int) -> tuple[set[str], str]:
    """The words of a sentence less the sources of its reports, which are no agent of what they report: the
    phrase a reporting verb closes ("police said the storm killed five": "police") or opens ("..., said a police
    spokesman"), and the one after a lead ("according to police"), each within its clause and of at most
    ``reporting_phrase_words`` words, the first reporting verb of a clause only.  A phrase holding the trigger (offsets in the sentence) is no source ("soldiers
    killed three men they said were smugglers"), and a source that a word just after its verb refers back to
    ("police said they arrested") is the agent too.  An aside that a subordinator opens (``subordinators``, up to its
    clause's punctuation) is no agent of a trigger outside it either ("dozens attacked him before officers arrived")."""
    bounds = [0, *(m.end() for m in CLAUSE_END.finditer(sentence)), len(sentence)]
    spans, asides = [], []
    for start, end in itertools.pairwise(bounds):
        clause = sentence[start:end]
        m = REPORTING_VERB.search(clause)  # the clause's first: "police said gunmen told them" has one source
        if m is not None:
            closed = SENTENCE_WORD.findall(clause[: m.start()].lower())
            after = SENTENCE_WORD.findall(clause[m.end() :].lower())
            if not closed:
                spans.append((start + m.end(), end))
            elif REPORTING_BACK.isdisjoint(after[:4]):  # "police said on Monday they raided"
                spans.append((start, start + m.start()))
        spans.extend((start + m.end(), end) for m in REPORTING_LEAD.finditer(clause))
        asides.extend((start + m.start(), end) for m in SUBORDINATOR.finditer(clause))
    kept, last = [], 0
    for a, b in sorted({*spans, *asides}):
        source = SENTENCE_WORD.findall(sentence[a:b].lower())
        short = len(source) <= REPORTING_PHRASE_WORDS or (a, b) in asides
        if a >= last and short and not (a < trigger_end and trigger_start < b):
            kept.append(sentence[last:a])
            last = b
    return sentence_words(" , ".join([*kept, sentence[last:]]))


def sentence_words(text: str) -> tuple[set[str], str]:
    words = SENTENCE_WORD.findall(text.lower())
    return set(words), " " + " ".join(words) + " "


@dataclass
class Trigger:
    """One trigger match being decided: what the rows of ``TRIGGER_RULES`` look at."""

    article: Article
    rule: TriggerRule
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    sentences: dict[int, tuple[set[str], str]]  # the article's sentence words, by sentence start, shared
    less_sources: tuple[set[str], str] | None = None  # ``words_less_sources``, read once

    @property
    def text(self) -> str:
        return self.article.text[self.start : self.end]

    def candidate(self, event_type: str, sub: str | None, context: dict[str, str] | None) -> Candidate:
        return Candidate(
            self.rule, event_type, sub, self.start, self.end, self.sentence_start, self.sentence_end, context
        )

    def following(self) -> list[str]:
        """The first five words after the trigger in its clause ("five, police said")."""
        text = self.article.text
        clause = CLAUSE_END.split(text[self.end : min(self.sentence_end, self.end + 40)], maxsplit=1)[0]
        return SENTENCE_WORD.findall(clause.lower())[:5]

    def words(self) -> tuple[set[str], str]:
        """The words of the trigger's sentence, lower-cased slice by slice (offsets stay the text's), read once."""
        if self.sentence_start not in self.sentences:
            self.sentences[self.sentence_start] = sentence_words(
                self.article.text[self.sentence_start : self.sentence_end]
            )
        return self.sentences[self.sentence_start]

    def words_less_sources(self) -> tuple[set[str], str]:
        """The words of the trigger's sentence less the sources of its reports (``without_sources``), read once."""
        if self.less_sources is None:
            text, start = self.article.text, self.sentence_start
            self.less_sources = without_sources(text[start : self.sentence_end], self.start - start, self.end - start)
        return self.less_sources


@dataclass(frozen=True)
class TriggerRow:
    """One row of ``TRIGGER_RULES``: when ``applies``, ``decide`` gives the trigger's candidate, or None when
    it is no event; the first row that applies decides."""

    id: str
    applies: Callable[[Trigger], bool]
    decide: Callable[[Trigger], Candidate | None]


def is_calendar_word(t: Trigger) -> bool:
    """ "March" the month, "May" the month (capitalized, not a sentence's first word): not a protest, not a
    permission."""
    return t.text[:1].isupper() and t.text.lower() in CALENDAR_WORDS and t.start not in t.article.sentence_starts


def is_reported_finding(t: Trigger) -> bool:
    """ "an inquiry found that": a finding, not a discovery."""
    return t.text.lower() in REPORTING_SENSES and t.article.text[t.end : t.end + 6].lower().startswith(" that")


def decide_in_context(t: Trigger) -> Candidate | None:
    """The trigger as its sentence codes it; None for "killed" in an earthquake, a "heart attack", "fled" far
    from any prison, "protest organisers"; a battle for "troops killed 20 rebels"."""
    text, rule = t.article.text, t.rule
    words, joined = t.words()
    clause = CLAUSE_END.split(text[t.end : min(t.sentence_end, t.end + 40)], maxsplit=1)[0]  # "five, police said"
    following = SENTENCE_WORD.findall(clause.lower())[:5]
    if (
        (rule.not_followed_by.single or rule.not_followed_by.phrases)
        and rule.not_followed_by.starts(following)
        and not rule.unless_with.first_in(words, joined)
    ):
        return None
    reach = rule.not_after or rule.refine_victims
    before = SENTENCE_WORD.findall(text[max(t.sentence_start, t.start - 60) : t.start].lower()) if reach else []
    victims, passive = following, bool(before) and before[-1] in PASSIVE_AUXILIARIES
    if passive:  # "two soldiers were killed": the subject is the victim, and no agent
        victims = before[-7:-1]
    agentless = frozenset(victims) if passive else frozenset()
    sources_off = t.words_less_sources
    agent_role = next((role_words for role, role_words in rule.roles if role == "agent"), None)
    agent_words = None if agent_role is None else less_object(t, sources_off(), agent_role.firsts)
    coded = in_context(
        rule,
        words,
        joined,
        " ".join(before[-3:]),
        text[t.sentence_start : t.start],
        agentless,
        agent_words,
        sources_off,
        not (rule.refine and other_day_owns(t)),
    )
    if coded is not None and rule.refine_victims:
        coded = by_victims(rule, victims, passive) or coded
    return None if coded is None else t.candidate(*coded)


def other_day_owns(t: Trigger) -> bool:
    """ "Police on Friday arrested the woman who organised Thursday's march": a trigger just after a day's possessive
    (``other_day_possessives``) is that day's act; the force its sentence tells is used on another day."""
    return OTHER_DAY_OWNER.search(t.article.text, max(t.sentence_start, t.start - 24), t.start) is not None


def followed_by_another_sense(t: Trigger, following: list[str]) -> bool:
    """Whether the words after a trigger give it another sense (``not_followed_by``: "riot police", "protest
    organisers"), unless ``unless_with`` words stand in its sentence."""
    rule = t.rule
    return bool(
        (rule.not_followed_by.single or rule.not_followed_by.phrases)
        and rule.not_followed_by.starts(following)
        and not rule.unless_with.first_in(*t.words())
    )


def another_sense(t: Trigger) -> bool:
    """Whether a trigger decided to be no event has another sense than its entry's (a month, "shot" without its end,
    "riot police"): nothing a later "the riot" could refer back to."""
    rule = t.rule
    return (
        is_calendar_word(t)
        or (bool(rule.then) and lacks_its_end(t))
        or (
            bool(rule.not_followed_by.single or rule.not_followed_by.phrases)
            and followed_by_another_sense(t, t.following())
        )
    )


def less_object(t: Trigger, agent_words: tuple[set[str], str], agents: frozenset[str]) -> tuple[set[str], str]:
    """The words that may name an active verb trigger's agent: ``agent_words`` less its object, the words after it up
    to its clause's punctuation or one of ``object_ends`` ("a drone fired at a truck, killing three men that officials
    described as members of an armed group": the men are what is done to, no armed agent), unless a word stands
    outside the object too.  A passive trigger ("were killed"), a noun after a determiner ("the killing of") or a
    trigger not ending as a verb ("attack", "clashes") keeps every word: what follows it may be its agent.  Only the
    words of the agent role that a match starts with (``agents``) are looked at: an object holding none of them
    changes nothing."""
    text = t.article.text
    if not text[t.start : t.end].split(None, 1)[0].lower().endswith(VERB_ENDINGS):
        return agent_words
    before = SENTENCE_WORD.findall(text[max(t.sentence_start, t.start - 16) : t.start].lower())
    if before and (before[-1] in PASSIVE_AUXILIARIES or before[-1] in DETERMINERS):
        return agent_words
    clause_end = CLAUSE_END.search(text, t.end, t.sentence_end)
    end = clause_end.start() if clause_end else t.sentence_end
    object_words, object_end = set(), end
    for m in SENTENCE_WORD.finditer(text[t.end : end].lower()):
        if m.group() in OBJECT_ENDS:
            object_end = t.end + m.start()
            break
        object_words.add(m.group())
    words, joined = agent_words
    if object_words.isdisjoint(agents) or object_words.isdisjoint(words):
        return agent_words
    outside = sentence_words(text[t.sentence_start : t.start] + " , " + text[object_end : t.sentence_end])[0]
    return words - (object_words - outside), joined


def never(_t: Trigger) -> None:
    return None


def is_negated(t: Trigger) -> bool:
    """ "No inmate had escaped", "most of which has never been recovered", "police have not arrested anyone": a
    negator (``negators``) opens the trigger's clause or stands among the three words before it.  A trigger after a
    determiner is the object of what is denied, not the denied act ("nobody claimed the blast")."""
    before = t.article.text[max(t.sentence_start, t.start - 120) : t.start]
    if NEGATOR.search(before) is None:  # most triggers: one search in C, no words read
        return False
    words = SENTENCE_WORD.findall(CLAUSE_END.split(before)[-1].lower())
    if not words or words[-1] in DETERMINERS:
        return False
    return words[0] in NEGATORS or not NEGATORS.isdisjoint(words[-3:])


def is_participle_after_determiner(t: Trigger) -> bool:
    """ "Visited the wounded soldiers", "the murdered journalist's family": a participle after a determiner describes
    people or things (an adjective, or a noun: "the wounded"), it reports no act of its sentence."""
    word = t.text.lower()
    if " " in word or not word.endswith("ed"):
        return False
    before = SENTENCE_WORD.findall(t.article.text[max(t.sentence_start, t.start - 12) : t.start].lower())
    return bool(before) and before[-1] in DESCRIBING and not CLAUSE_END.search(t.article.text[t.start - 2 : t.start])


def is_alleged(t: Trigger) -> bool:
    """ "Commanders accused of massacres", "charged with the kidnapping of": what someone is accused or convicted of
    is a charge (``allegation_leads``, a determiner may stand between), no event the sentence reports."""
    if ALLEGED.search(t.article.text, max(t.sentence_start, t.start - 30), t.start) is not None:
        return True
    return is_in_charge(t)


def is_in_charge(t: Trigger) -> bool:
    """ "Arrested on suspicion of ordering the murder of a journalist gunned down in July": a trigger up to
    ``charge_reach`` words after one of ``allegation_leads`` in its clause, none of ``charge_ends`` between (the
    main clause's "and" or auxiliary: "a man suspected of supplying rifles was taken into custody"), tells the crime charged
    (its victim's fate), no event the sentence reports."""
    if not_in_sentence(t, ALLEGATION_KEYS):
        return False
    clause = CLAUSE_END.split(t.article.text[max(t.sentence_start, t.start - 120) : t.start])[-1]
    leads = list(ALLEGATION.finditer(clause))
    if not leads:
        return False
    between = SENTENCE_WORD.findall(clause[leads[-1].end() :].lower())
    return len(between) <= CHARGE_REACH and CHARGE_ENDS.isdisjoint(between)


@cache
def unrealised_words() -> Words:
    return expand(lexicon.events().unrealised, lexicon.events().groups)


@cache
def unrealised_firsts() -> frozenset[str]:
    """The first words of ``unrealised``: a sentence holding none of them holds none of its words or phrases."""
    words = unrealised_words()
    return words.single | {first for first, _ in words.phrases}


def not_in_sentence(t: Trigger, cues: frozenset[str]) -> bool:
    """Whether the trigger's sentence surely holds none of ``cues``: its words are looked at when they are read anyway
    (an entry its sentence decides) or were read already; else False, and the row reads what it needs itself."""
    if t.rule.needs_sentence or t.sentence_start in t.sentences:
        return cues.isdisjoint(t.words()[0])
    return False


def is_unrealised(t: Trigger) -> bool:
    """ "The troops would set up checkpoints and raid the camps", "the army plans to launch an offensive": a conflict
    trigger (one with a sub-event type) after one of ``unrealised`` in its own clause is no act yet."""
    if t.rule.sub_event_type is None or not_in_sentence(t, unrealised_firsts()):
        return False  # most sentences: one set test, no clause read
    clauses = CLAUSE_END.split(t.article.text[t.sentence_start : t.start])
    clause = clauses[-1]
    if len(clauses) > 1 and clause.lstrip().lower().startswith(NAMING):  # ", in what she called the operation"
        clause = clauses[-2] + " " + clause
    return unrealised_words().first_in(*sentence_words(clause)) is not None


def is_denied(t: Trigger) -> bool:
    """ "The authority denied reports on social media that dozens of inmates had escaped", "rumours that guards had
    fled": a trigger up to ``denial_reach`` words after one of ``denial_leads`` in its sentence is denied or doubted,
    no event the sentence reports."""
    if not_in_sentence(t, DENIAL_KEYS):
        return False
    before = t.article.text[t.sentence_start : t.start]
    leads = list(DENIAL.finditer(before))
    return bool(leads) and len(SENTENCE_WORD.findall(before[leads[-1].end() :].lower())) <= DENIAL_REACH


def is_described_by_past(t: Trigger) -> bool:
    """ "Two militias that have fought for control of the ports signed a truce on Sunday", "a gang which has long
    attacked buses", "a region where armed groups have killed and kidnapped thousands": a relative word and a present
    perfect before a trigger in its clause (``describing_relatives``, ``perfect_auxiliaries``, a few words between)
    describe a group or a place by its past, no event the sentence reports."""
    if not_in_sentence(t, PERFECT):
        return False  # most sentences have no "have" nor "has"
    before = CLAUSE_END.split(t.article.text[max(t.sentence_start, t.start - 80) : t.start])[-1]
    return DESCRIBED_BY_PAST.search(before) is not None


def is_people_described(t: Trigger) -> bool:
    """ "A doctor who has treated victims of sexual violence", "survivors of the massacre": a trigger just after one of
    ``people_of_leads`` (a determiner may stand between) names people by what befell them, no event told."""
    if not_in_sentence(t, PEOPLE_OF_FIRSTS):
        return False
    return PEOPLE_OF.search(t.article.text, max(t.sentence_start, t.start - 40), t.start) is not None


def is_countered(t: Trigger) -> bool:
    """ "Tasking him with ending a wave of kidnappings and killings by gangs", "a plan to curb attacks on buses": a
    conflict trigger (one with a sub-event type) among the six words after one of ``countering_leads`` in its clause
    is a thing to end, no event the sentence reports."""
    if t.rule.sub_event_type is None or not_in_sentence(t, COUNTERING_KEYS):
        return False
    clause = CLAUSE_END.split(t.article.text[max(t.sentence_start, t.start - 80) : t.start])[-1]
    leads = list(COUNTERING.finditer(clause))  # the last one is nearest the trigger
    return bool(leads) and len(SENTENCE_WORD.findall(clause[leads[-1].end() :])) <= COUNTERING_REACH


def is_figurative(t: Trigger) -> bool:
    """ "A cabinet purge that critics called a political massacre", "a price war", "a legal battle": a conflict
    trigger (an ACLED type: one with a sub-event type) just after one of ``figurative_modifiers`` is a figure of
    speech, no act of force."""
    if t.rule.sub_event_type is None or not_in_sentence(t, FIGURATIVE):
        return False
    before = t.article.text[max(t.sentence_start, t.start - 16) : t.start]
    words = SENTENCE_WORD.findall(before.lower())
    return bool(words) and words[-1] in FIGURATIVE and not CLAUSE_END.search(before[-3:])


THEN_REACH = lexicon.events().then_reach


def lacks_its_end(t: Trigger) -> bool:
    """ "Shot two farmers dead", "took two guards hostage": a trigger whose entry names a ``then`` (the verb's end
    around its object) counts only when one follows it within ``then_reach`` words of its clause; "shot" alone is a
    shot at goal or a photograph."""
    if not t.rule.then:
        return False
    after = t.article.text[t.end : min(t.sentence_end, t.end + 80)].lower()
    if not any(end in after for end in t.rule.then):
        return True  # most "took" and "held" have no "hostage" after them
    after = CLAUSE_END.split(after, maxsplit=1)[0]
    words = SENTENCE_WORD.findall(after)
    joined = " " + " ".join(words[: THEN_REACH + 2]) + " "
    for end in t.rule.then:
        at = joined.find(f" {end} ")
        if at != -1 and 1 <= joined[:at].count(" ") <= THEN_REACH:
            return False
    return True


def is_punished(t: Trigger) -> bool:
    """ "Sentenced three men on Wednesday for kidnapping a businessman", "jailed him for the murder of": in a sentence
    that tells of a court's punishment or trial (``punishments``, before the trigger), the trigger after "for"
    (``punished_for``, a determiner may stand between) is the crime punished, no event the sentence reports."""
    if not_in_sentence(t, PUNISHMENTS) or not_in_sentence(t, PUNISHED_FOR_WORDS):
        return False  # most sentences tell of no court
    text = t.article.text
    if PUNISHED_FOR.search(text, max(t.sentence_start, t.start - 12), t.start) is None:
        return False
    return not PUNISHMENTS.isdisjoint(SENTENCE_WORD.findall(text[t.sentence_start : t.start].lower()))


TRIGGER_RULES: tuple[TriggerRow, ...] = (
    TriggerRow("ev-not-without-its-end", lacks_its_end, never),
    TriggerRow("ev-not-calendar-word", is_calendar_word, never),
    TriggerRow("ev-not-reported-finding", is_reported_finding, never),
    TriggerRow("ev-not-negated", is_negated, never),
    TriggerRow("ev-not-participle-after-determiner", is_participle_after_determiner, never),
    TriggerRow("ev-not-alleged", is_alleged, never),
    TriggerRow("ev-not-punished", is_punished, never),
    TriggerRow("ev-not-figurative", is_figurative, never),
    TriggerRow("ev-not-described-by-past", is_described_by_past, never),
    TriggerRow("ev-not-people-described", is_people_described, never),
    TriggerRow("ev-not-unrealised", is_unrealised, never),
    TriggerRow("ev-not-countered", is_countered, never),
    TriggerRow("ev-not-denied", is_denied, never),
    # an entry whose sentence decides nothing of it: its own types, with no context
    TriggerRow(
        "ev-trigger-alone",
        lambda t: not t.rule.needs_sentence,
        lambda t: t.candidate(t.rule.event_type, t.rule.sub_event_type, {}),
    ),
    TriggerRow("ev-in-context", lambda t: True, decide_in_context),
)
"""How a trigger match is decided, in order: the first row that applies decides."""


def longest_triggers(article: Article) -> list[tuple[str, int, int]]:
    """The trigger matches (entry id, token start, token end), the longest where matches overlap ("regain
    control of" over "control")."""
    matches = sorted(matching.matches(article, "events"), key=lambda m: (m[1], -(m[2] - m[1])))
    chosen, last_end = [], -1
    for match_id, start, end in matches:
        if start >= last_end:
            chosen.append((match_id, start, end))
            last_end = end
    return chosen


def decide_trigger(t: Trigger) -> Candidate | None:
    for row in TRIGGER_RULES:
        if row.applies(t):
            return row.decide(t)
    raise AssertionError("the last row of TRIGGER_RULES applies to every trigger")


def without_absorbed(
    found: list[Candidate], text: str, dates: tuple = ()
) -> tuple[list[Candidate], dict[str, Candidate]]:
    """The candidates less those an entry's ``absorbed_by`` folds into a larger incident of their sentence with
    its context (homes burned in an attack), unless words between them tell two incidents apart ("a day after a
    bombing", ``separate_incidents``) or a date does ("killed on Tuesday, and two more died on Wednesday when a
    bomb hit", ``dates`` the article's date expressions); and, by entry id, the first candidate that absorbed one."""
    by_sentence: dict[int, list[Candidate]] = {}
    for c in found:
        by_sentence.setdefault(c.sentence_start, []).append(c)

    def absorbs(o: Candidate, c: Candidate) -> bool:
        return o.event_type in c.rule.absorbed_by or f"{o.event_type}/{o.sub_event_type}" in c.rule.absorbed_by

    def absorber(c: Candidate) -> Candidate | None:
        return next(
            (
                o
                for o in by_sentence[c.sentence_start]
                if o.rule.id != c.rule.id
                and o.context is not None
                and absorbs(o, c)
                and not (o.start > c.start and c.context is not None and absorbs(c, o))  # of two that fold into
                # each other the first stays ("poured out to demand wages ... until police used tear gas")
                and not separated(text, c, o, dates)
            ),
            None,
        )

    kept, absorbers = [], {}
    for c in found:
        o = absorber(c) if c.rule.absorbed_by else None
        if o is None:
            kept.append(c)
        else:
            absorbers.setdefault(c.rule.id, o)
    return kept, absorbers


def separated(text: str, a: Candidate, b: Candidate, dates: tuple = ()) -> bool:
    """Whether the words between two triggers of a sentence tell two incidents apart ("a day after"), or their
    dates do: the date nearest each trigger in their sentence names a different day ("four were killed on
    Tuesday, and two more died on Wednesday when a bomb hit"), unless the later trigger's clause opens with one of
    ``continuing_leads``, up to which the earlier incident lasts ("rioted on Saturday night ... before guards
    regained control early on Sunday")."""
    between = text[min(a.end, b.end) : max(a.start, b.start)].lower()
    if any(p in between for p in SEPARATE_INCIDENTS):
        return True
    if not CONTINUING.isdisjoint(SENTENCE_WORD.findall(CLAUSE_END.split(between)[-1])):
        return False  # "rioted on Saturday night ... before guards regained control early on Sunday": one incident
    own = [d for d in dates if a.sentence_start <= d.start and d.end <= a.sentence_end]
    if len({d.date for d in own}) < 2:
        return False
    return nearest_date(a, own).date != nearest_date(b, own).date


def nearest_date(c: Candidate, dates: list):
    """The date expression of ``dates`` nearest the trigger, in characters (the earlier where two are as near)."""
    return min(dates, key=lambda d: (max(d.start - c.end, c.start - d.end, 0), d.start))


def recode_by_article(kept: list[Candidate], found: list[Candidate]) -> None:
    """An entry's ``in_article``: a trigger coded as its entry (neither a mention nor refined by its sentence)
    takes the types its entry names when the article reports one of the labels given (a transfer of territory
    in an article reporting an armed clash is a battle's), the absorbed triggers among them (``found``: "seized
    the town after a battle")."""
    labels = article_labels(found)
    for c in kept:
        if c.context is None or (c.event_type, c.sub_event_type) != (c.rule.event_type, c.rule.sub_event_type):
            continue
        for has, event_type, sub in c.rule.in_article:
            if has & labels:
                c.event_type, c.sub_event_type = event_type, sub
                c.context = {**c.context, "in_article": sorted(has & labels)[0]}
                break


def candidates(
    article: Article, dates: tuple = (), sentences: dict | None = None, unreported: dict | None = None
) -> tuple[list[Candidate], dict[str, Candidate]]:
    """Every trigger of the article that its sentence gives its sense, coded and refined; and the
    triggers whose roles their sentence leaves unfilled (context None), which can only be mentions;
    beside them, by entry id, the candidate that first absorbed a trigger of that entry.
    Four steps: the longest matches, each decided by ``TRIGGER_RULES``, the absorbed ones dropped, the rest
    re-coded by the article's other events."""
    rules = trigger_rules()
    sentences = {} if sentences is None else sentences  # sentence start -> its words, shared with the later steps
    found = []
    folds = False  # whether a candidate may fold into another sentence's event (``folded_into``)
    for match_id, start, end in longest_triggers(article):
        start_char, end_char = article.char_bounds(start, end)
        s_start, s_end = article.sentence_bounds(start_char)
        trigger = Trigger(article, rules[match_id], start_char, end_char, s_start, s_end, sentences)
        candidate = decide_trigger(trigger)
        if candidate is not None:
            found.append(candidate)
            folds = folds or bool(candidate.rule.folded_into)
        elif unreported is not None and match_id not in unreported and not another_sense(trigger):
            unreported[match_id] = start_char  # "after a fire destroyed the market last month": what "the fire" is
    kept, absorbers = without_absorbed(found, article.text, dates)
    recode_by_article(kept, found)
    if folds:  # the fighting of a town retaken, told in another sentence
        recoded = article_labels(kept)
        kept = [
            c for c in kept if c.context is None or not c.rule.folded_into & recoded or not is_taking_fight(c, article)
        ]
    if any(c.rule.only_in_article for c in kept):  # "were recaptured" counts only in a report of an escape
        labels = article_labels(found)
        kept = [c for c in kept if not c.rule.only_in_article or c.rule.only_in_article & labels]
    ending = [c for c in kept if c.rule.ends_in_article and c.context is not None]
    if ending:  # control of a jail regained after its riot: the riot's end
        ended = [c for c in ending if ends_incident(c, kept)]
        kept = [c for c in kept if c not in ended] if ended else kept
    return kept, absorbers


def ends_incident(c: Candidate, kept: list[Candidate]) -> bool:
    """Whether a trigger tells the end of another incident the article reports (its entry's ``ends_in_article``:
    "police regained control of the prison" after inmates rioted, in whatever sentence): one incident, ACLED's riot,
    not a riot and a transfer of territory.  A trigger its sentence re-codes is not the end ("recaptured" escapees
    are arrested)."""
    if not c.rule.ends_in_article or (c.event_type, c.sub_event_type) != (c.rule.event_type, c.rule.sub_event_type):
        return False
    ends = c.rule.ends_in_article
    return any(
        o.rule.id != c.rule.id
        and o.context is not None
        and (o.event_type in ends or f"{o.event_type}/{o.sub_event_type}" in ends)
        for o in kept
    )


TAKING_FIGHTS = phrase_pattern(lexicon.events().taking_fights)


def is_taking_fight(c: Candidate, article: Article) -> bool:
    """Whether a trigger's sentence tells a fight for a place (``taking_fights``: "fought the rebels for control of"),
    which in a report of a place taken is the taking, one incident."""
    return TAKING_FIGHTS.search(article.text, c.sentence_start, c.sentence_end) is not None


def article_labels(found: list[Candidate]) -> set[str]:
    """The types and "type/sub" labels of the triggers of an article that their sentence gives their sense."""
    labels = {c.event_type for c in found if c.context is not None}
    return labels | {f"{c.event_type}/{c.sub_event_type}" for c in found if c.context is not None}


BACKGROUND_ONLY = object()  # a sentence whose every date is long before publication


def extract_events(article: Article, published: dt.date | None) -> list[EventHit]:
    """The article's events: its triggers' candidates, less those told as the story's background (``told_when``) or
    that a quiet story only speaks of (``quiet_story``), dated, joined, and a day's demonstration made one."""
    text = article.text
    all_dates = find_dates_in(article, published)  # once for the article; each trigger takes its sentence's first
    sentences: dict[int, tuple[set[str], str]] = {}
    unreported: dict[str, int] = {}  # entry id -> the start of its first trigger that its sentence says is no event
    found, absorbers = candidates(article, tuple(all_dates), sentences, unreported)
    when = When(article, all_dates, published, sentences)
    told = {id(c): when.told(c) for c in found if c.context is not None}
    lead_start = article.sentence_spans[0][0] if article.sentence_spans else -1
    old_lead = any(
        told[id(c)] is BACKGROUND_ONLY for c in found if c.context is not None and c.sentence_start == lead_start
    )  # the lead tells old violence ("an exhibition on the 1944 uprising")
    story = Story(article, published, lead_start, told, unreported, found, sentences)
    story.lead_conflict = story.lead_reports_conflict()  # no row drops a lead's conflict trigger
    for c in found:  # in text order: a row may read what the rows made of the triggers before it
        if c.context is not None and told[id(c)] is not BACKGROUND_ONLY and any(r.drops(c, story) for r in STORY_RULES):
            told[id(c)] = BACKGROUND_ONLY
    live = [c for c in found if told.get(id(c)) is not BACKGROUND_ONLY]
    quiet = quiet_story(article, live, published, sentences, old_lead, told)
    events: dict[tuple[str, str | None, dt.date | None], EventHit] = {}
    keys: dict[int, tuple] = {}  # id(candidate) -> the key of its event
    undated = []
    for c in found:
        if c.context is None or told[id(c)] is BACKGROUND_ONLY or (quiet and quiet.drops(c, told[id(c)])):
            continue
        if told[id(c)] is None:
            undated.append(c)
        else:
            date = told[id(c)]
            keys[id(c)] = add(events, c, text, date.date, date.precision, date.text)
    date_undated(undated, events, keys, absorbers, text, published)
    add_mentions(found, events, text)
    kept = one_demonstration(list(events.values()))
    for e in kept:
        e.mentions.sort()
    return sorted(kept, key=lambda e: e.start)


def in_quotation(text: str, start: int) -> bool:
    """Whether a position stands inside quotation marks of its paragraph (straight or curly).  In a story whose lead
    reports no conflict event, a conflict trigger there is the speaker's figure of speech ("it sounded like the war
    had come back", "we were ambushed by our own troops") or a memory, not the story's event."""
    paragraph = text[text.rfind("\n", 0, start) + 1 : start]
    return paragraph.count('"') % 2 == 1 or paragraph.rfind("\u201c") > paragraph.rfind("\u201d")


@dataclass
class Story:
    """What the article-level decisions (``STORY_RULES``) read: the article, its lead's start, when each candidate is
    told (``When.told``, by id; a row sets ``BACKGROUND_ONLY``), the triggers its sentences said are no event."""

    article: Article
    published: dt.date | None
    lead_start: int
    told: dict[int, object]
    unreported: dict[str, int]  # entry id -> the start of its first trigger decided to be no event
    found: list[Candidate]
    sentences: dict  # sentence start -> its words (``Trigger.words``), shared
    lead_conflict: bool = False  # whether the lead reports a conflict event (set before the rows run)

    def lead_reports_conflict(self) -> bool:
        for c in self.found:  # in text order: the lead's come first
            if c.sentence_start != self.lead_start:
                return False
            if c.context is not None and c.sub_event_type and self.told.get(id(c)) is not BACKGROUND_ONLY:
                return True
        return False

    def unreported_before(self, c: Candidate) -> bool:
        """Whether the entry of a trigger matched in an earlier sentence something the article does not report (its
        sentence said it is no event, or it is background), and nothing it reports."""
        earlier = [o for o in self.found if o.rule.id == c.rule.id and o.sentence_start < c.sentence_start]
        if any(o.context is not None and self.told.get(id(o)) is not BACKGROUND_ONLY for o in earlier):
            return False
        first = self.unreported.get(c.rule.id)
        return (first is not None and first < c.sentence_start) or any(
            self.told.get(id(o)) is BACKGROUND_ONLY for o in earlier
        )


def before_the_story(c: Candidate, story: Story) -> bool:
    """Whether a conflict trigger after the lead is dated (to the day or the month) more than ``story_window_days``
    before publication: the background of the story's own event ("the rebels, who captured the town in April" in
    an August report of it retaken), unless the story reports its type whatever its date (``story_window_keeps``:
    a kidnapping told with its victim's release)."""
    told, published = story.told[id(c)], story.published
    return (
        told is not None
        and published is not None
        and c.sub_event_type is not None
        and c.sentence_start != story.lead_start
        and told.precision in ("day", "month")
        and told.date < published - STORY_WINDOW
        and f"{c.event_type}/{c.sub_event_type}" not in STORY_WINDOW_KEEPS
    )


def quoted_in_a_quiet_story(c: Candidate, story: Story) -> bool:
    """Whether a conflict trigger stands in quotation marks (``in_quotation``) in a story whose lead reports no
    conflict event: the speaker's figure of speech ("ambushed by his own troops") or memory, not the story's event."""
    return bool(c.sub_event_type) and in_quotation(story.article.text, c.start) and not story.lead_conflict


def refers_to_the_unreported(c: Candidate, story: Story) -> bool:
    """Whether a trigger after "the" refers back to one its entry matched earlier that the article does not report
    ("after a fire destroyed the market last month ... The fire burned for two days"; "a bombing in 2019 ... the
    bombing killed 20"; "retook the town after two days of fighting ... The clashes began on Saturday"): that same
    thing, background, cause or part of the story's event, not a new event."""
    before = SENTENCE_WORD.findall(story.article.text[max(0, c.start - 12) : c.start].lower())[-1:]
    return before == ["the"] and story.unreported_before(c)


TALLY_MARKS = phrase_pattern(lexicon.events().tally_marks)  # lexicons/events.yaml
TALLY_KEYS = longest_words(lexicon.events().tally_marks)


def told_as_a_tally(c: Candidate, story: Story) -> bool:
    """Whether a trigger after the lead stands in a sentence that counts over the year (``tally_marks``: "insurgents
    have set off several bombs on the road this year, killing 20", "the third politician killed in the state this
    year") and names no day of its own: the story's background, not its event."""
    told = story.told[id(c)]
    if c.sentence_start == story.lead_start or (told is not None and told.precision != "year"):
        return False
    words = story.sentences.get(c.sentence_start)  # read by the trigger's rows; most sentences count nothing
    if words is not None and TALLY_KEYS.isdisjoint(words[0]):
        return False
    return TALLY_MARKS.search(story.article.text, c.sentence_start, c.sentence_end) is not None


@dataclass(frozen=True)
class StoryRow:
    """One row of ``STORY_RULES``: whether the article makes a candidate its story's background."""

    id: str
    drops: Callable[[Candidate, Story], bool]


STORY_RULES = (
    StoryRow("story-window", before_the_story),
    StoryRow("story-tally", told_as_a_tally),
    StoryRow("story-quoted-figure", quoted_in_a_quiet_story),
    StoryRow("story-the-unreported-one", refers_to_the_unreported),
)
"""The article-level decisions, in order: a candidate one of them drops becomes background (``BACKGROUND_ONLY``).  No
row drops a conflict trigger of the lead (the quoted one only acts when the lead has none), so whether the lead reports
one is read once before them."""


def date_undated(undated: list[Candidate], events: dict, keys: dict, absorbers: dict, text: str, published) -> None:
    """An undated trigger joins its type's dated event ("the blast" after "a bomb exploded on Friday"), or the event
    it is part of (``joined_event``), else takes the publication's day (the dateline's) or no date."""
    undated.sort(key=lambda c: bool(c.rule.undated_joins))  # the joining ones last: what they join is there
    first_of_type: dict[tuple[str, str | None], tuple] = {}  # the first event of each type (dict order: dated first)
    for key in events:
        first_of_type.setdefault(key[:2], key)
    for c in undated:
        key = first_of_type.get((c.event_type, c.sub_event_type)) or joined_event(c, events, keys, absorbers)
        if key:
            joined = events[key]
            keys[id(c)] = add(events, c, text, joined.date, joined.date_precision, joined.date_text, key=key)
        elif published is not None and c.rule.undated == "publication":
            first_of_type[c.event_type, c.sub_event_type] = keys[id(c)] = add(events, c, text, published, "day", None)
        else:
            first_of_type[c.event_type, c.sub_event_type] = keys[id(c)] = add(events, c, text, None, "unknown", None)


def add_mentions(found: list[Candidate], events: dict, text: str) -> None:
    """A trigger whose roles its sentence leaves unfilled is a mention of its entry's event, where there is one
    ("the raid" a sentence after "police raided a farm")."""
    first_of_rule: dict[str, EventHit] = {}
    for e in events.values():
        for m in e.mentions:
            first_of_rule.setdefault(m[3], e)
    for c in found:
        if c.context is None and c.rule.id in first_of_rule:
            first_of_rule[c.rule.id].mentions.append((c.start, c.end, text[c.start : c.end], c.rule.id))


@dataclass(frozen=True)
class QuietStory:
    """A story whose lead reports no conflict event but tells of something that speaks its words (``quiet_stories``
    in events.yaml): a storm, a match, a market, an election (``other_news``), a court or a memorial retelling an old
    crime (``retold``), a drill or a parade (``staged``), a rumour or a report denied (``rumoured``: a sentence telling
    what it claimed reports nothing), a disaster its lead reports (``accident``: its undated violence is the
    disaster's harm, ``accident_drops``), a parliament's or a party's business (``politics``: its undated violence a
    figure of speech).  In it a conflict trigger (an ACLED type: one with a
    sub-event type) needs a date of its own, and in a staged story a sentence without the staging's words."""

    kind: str  # "staged", "rumoured", "retold", "other_news", "politics" or "accident"
    text: str  # the article's
    published: dt.date | None
    sentences: dict  # sentence start -> its words, shared

    def drops(self, c: Candidate, told) -> bool:
        if self.kind in ("accident", "politics"):  # "two soldiers guarding the depot were killed": the fire's dead,
            # undated; the owner detained after it and a march on parliament stay
            if told is not None or c.event_type not in ACCIDENT_DROPS:
                return False
            if self.kind == "accident":  # its dead have no agent ("were killed"); "gunmen attacked a convoy" has one
                return "agent" not in (c.context or {})
            # "the rebels had ambushed the leadership and killed the bill": the party's words stand in the sentence;
            # "hours later, gunmen attacked a police post" is news of its own
            words = self.sentences.get(c.sentence_start) or sentence_words(self.text[c.sentence_start : c.sentence_end])
            return quiet_words()["politics"].first_in(*words) is not None
        if self.kind == "rumoured":  # "messages shared on Monday night claimed that guards had been taken hostage"
            if c.event_type in QUIET_KEEPS:
                return False
            words = self.sentences.get(c.sentence_start) or sentence_words(self.text[c.sentence_start : c.sentence_end])
            if quiet_words()["rumour"].first_in(*words):
                return True
            return c.sub_event_type is not None and told is None
        if c.sub_event_type is None and (self.kind == "other_news" or c.event_type in QUIET_KEEPS):
            return False  # but a staged or retold story's escape is acted or old too ("five inmates flee" in a novel)
        words = self.sentences.get(c.sentence_start) or sentence_words(self.text[c.sentence_start : c.sentence_end])
        if told is None:  # "soldiers were deployed to clear blocked roads" after a storm
            # but supporters chanting outside the court as a verdict is read are the court story's own day
            here = self.kind == "retold" and c.event_type in HERE_TYPES
            return not (here and quiet_words()["here"].first_in(*words))
        if self.kind == "retold":  # "was arrested in March": months before a sentencing, it is the crime's story
            # and "a museum about the bombing will open next year": a later day's plan, no event of the old story
            return self.published is not None and not (self.published - RETOLD <= told.date <= self.published)
        return self.kind == "staged" and quiet_words()["staged"].first_in(*words) is not None


def quiet_story(
    article: Article,
    live: list[Candidate],
    published: dt.date | None,
    sentences: dict | None = None,
    old_lead: bool = False,
    told: dict | None = None,
) -> QuietStory | None:
    """The article's quiet story, when its lead (first sentence) speaks of one and reports no conflict event of its own
    (``live``: the candidates not told as background); a staged story's lead counts none ("units attacked a mock
    village during the drill").  A lead whose conflict triggers are all the story's background (``old_lead``: "an
    exhibition on the 1944 uprising opened on Saturday") retells old violence whatever its words."""
    spans = article.sentence_spans
    if not spans:
        return None
    if not any(c.sub_event_type or c.event_type not in QUIET_KEEPS for c in live if c.context is not None):
        return None  # nothing to keep or drop: no conflict event, nor one a staged or retold story drops
    cached = (sentences or {}).get(spans[0][0])
    words = cached or sentence_words(article.text[spans[0][0] : spans[0][1]])
    stories = quiet_words()
    kind = next(
        (k for k in ("staged", "rumoured", "retold", "other_news", "politics") if stories[k].first_in(*words)), None
    )
    if kind is None and old_lead:
        kind = "retold"
    if (
        kind is None
        and any(
            c.event_type in QUIET_LEAD_TYPES for c in live if c.context is not None and c.sentence_start == spans[0][0]
        )
    ):  # a lead reporting a disaster ("a fire at an ammunition depot set off explosions"): its deaths are the accident's
        kind = "accident"
    if kind is None:
        return None
    lead_events = [c for c in live if c.context is not None and c.sub_event_type and c.sentence_start == spans[0][0]]
    if kind == "retold" and told is not None and published is not None:  # "an inquiry into a shooting during
        # protests in March found on Tuesday": the lead's old event is the one the story retells, none of its own
        lead_events = [c for c in lead_events if not retold_before(told.get(id(c)), published)]
    return None if lead_events and kind != "staged" else QuietStory(kind, article.text, published, sentences or {})


def retold_before(told, published: dt.date) -> bool:
    """Whether a trigger's date (``When.told``) is more than ``retold_days`` before publication."""
    return told is not None and told is not BACKGROUND_ONLY and told.date < published - RETOLD


@cache
def quiet_words() -> dict[str, Words]:
    lex = lexicon.events()
    return {
        kind: expand(getattr(lex.quiet_stories, kind), lex.groups)
        for kind in ("staged", "rumoured", "rumour", "retold", "other_news", "politics", "here")
    }


BACKGROUND_PHRASES = tuple(f" {p} " for p in lexicon.events().background_phrases)  # lexicons/events.yaml


def told_as_background(sentence: str) -> bool:
    """Whether an undated sentence tells the story's background, over years ("six years ago", "in recent years")."""
    words = sentence_words(sentence)[1]  # once, not once per phrase
    return any(p in words for p in BACKGROUND_PHRASES)


PAST_MARKS = phrase_pattern([*lexicon.events().background_phrases, *lexicon.events().background_leads])
PAST_FIRST = frozenset(
    p.split()[0] for p in (*lexicon.events().background_phrases, *lexicon.events().background_leads)
)  # a sentence holding none of these words holds none of the phrases: PAST_MARKS is not run on it
BARE_YEAR = re.compile(r"(?<![\d,.])(?:1[89]|20)\d\d(?![\d,])")  # "the 1975 coup", "a raid in 2021"


def words_between(text: str, start: int, end: int) -> list[str]:
    return SENTENCE_WORD.findall(text[start:end].lower())


RECENT_OPENERS = tuple(f"{p} " for p in lexicon.events().recent_openers)  # lexicons/events.yaml


def opens_date(after: str) -> bool:
    """Whether the words after a lead begin with a month, a weekday or a number ("since August", "since 12 May"), or
    with a time of the story's own days (``recent_openers``: "since late on Tuesday night", "since dawn")."""
    after = after.lstrip()
    first = SENTENCE_WORD.match(after.lower())
    if after[:1].isdigit() or (first is not None and first.group() in months_and_days()):
        return True
    head = " ".join(SENTENCE_WORD.findall(after[:40].lower())[:4]) + " "
    return head.startswith(RECENT_OPENERS)


@dataclass
class When:
    """When the sentences of an article tell their triggers: each sentence's time marks, found once."""

    article: Article
    dates: list
    published: dt.date | None
    sentences: dict[int, tuple[set[str], str]]  # sentence start -> its words (``Trigger.words``), shared
    marks: dict[int, list[tuple[int, int, bool]]] = field(default_factory=dict)  # sentence start -> (start, end, past)
    date_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.date_starts = [d.start for d in self.dates]

    def told(self, c: Candidate):
        """The date a trigger takes (its sentence's first not long before publication), None for a sentence without
        one, ``BACKGROUND_ONLY`` for the story's background: the time mark nearest the trigger is past
        (``sentence_marks``): "sentenced on Monday for a robbery in 2019 in which a guard was shot dead", "gathered
        on Sunday to remember those killed when a bomb exploded 20 years ago".  A background event of its nature
        (``undated: unknown``, a group's founding) takes its sentence's first date."""
        i = bisect.bisect_left(self.date_starts, c.sentence_start)
        j = bisect.bisect_right(self.date_starts, c.sentence_end, lo=i)
        dates = [d for d in self.dates[i:j] if d.end <= c.sentence_end]
        if c.rule.undated == "unknown" or self.published is None:
            return dates[0] if dates else None
        if any(past for _, _, past in self.sentence_marks(c.sentence_start, c.sentence_end, dates)):
            # only a sentence with a mark of the past: most have none; the marks that may tell this trigger can be
            # none (the only one stands in a relative clause that does not hold it: "overran the town, which has
            # been held since 1994 by rebels")
            marks = self.marks_for(c, dates)
            if marks and min(marks, key=lambda m: (max(m[0] - c.end, c.start - m[1], 0), m[0]))[2]:
                return BACKGROUND_ONLY
        return next((d for d in dates if d.date >= self.published - BACKGROUND), None)

    def marks_for(self, c: Candidate, dates: list) -> list[tuple[int, int, bool]]:
        """The time marks that may tell a trigger's time: those of its own clause (between commas) if it has any, the
        trigger's relative clause's first ("laid flowers on Monday where soldiers arrested students in 1989"), else
        its sentence's, less those of a relative clause that does not hold it ("the gang, which emerged in 2015, on
        Monday")."""
        marks = self.sentence_marks(c.sentence_start, c.sentence_end, dates)
        if not marks:
            return marks
        text = self.article.text
        bounds = [
            c.sentence_start,
            *(c.sentence_start + m.end() for m in CLAUSE_END.finditer(text[c.sentence_start : c.sentence_end])),
        ]

        def clause_of(pos: int) -> int:
            return bisect.bisect_right(bounds, pos) - 1

        if c.event_type in CONTENT_TYPES:  # not a mark of what a statement says: "said in a statement that the
            # images had been filmed in 2023" tells when the images were filmed, not when the statement was made
            marks = [m for m in marks if not (m[0] > c.end and "that" in words_between(text, c.end, m[0]))]
        own = clause_of(c.start)
        same = [m for m in marks if clause_of(m[0]) == own]
        if same:  # but not a mark before a relative word before the trigger: "on Monday where soldiers arrested"
            inner = [m for m in same if m[0] > c.start or RELATIVE_WORDS.isdisjoint(words_between(text, m[1], c.start))]
            return inner or same

        def relative(i: int) -> bool:
            words = SENTENCE_WORD.findall(text[bounds[i] : bounds[i] + 20].lower())
            return bool(words) and words[0] in RELATIVE_WORDS

        return [m for m in marks if not relative(clause_of(m[0]))]

    def sentence_marks(self, start: int, end: int, dates: list) -> list[tuple[int, int, bool]]:
        """A sentence's time marks: its dates (past when long before publication), the years it names alone, and
        its phrases of the past (``background_phrases``, ``background_leads``: "years ago", "since") outside dates."""
        if start not in self.marks:
            assert self.published is not None
            oldest = self.published - BACKGROUND
            marks = [(d.start, d.end, d.date < oldest) for d in dates]
            text = self.article.text[start:end]
            words = self.sentences.get(start)
            patterns = (PAST_MARKS, BARE_YEAR) if words is None or not PAST_FIRST.isdisjoint(words[0]) else (BARE_YEAR,)
            for pattern in patterns:
                for m in pattern.finditer(text):
                    a, b = start + m.start(), start + m.end()
                    if not any(d.start <= a < d.end or 0 <= d.start - b <= 1 for d in dates) and not (
                        pattern is PAST_MARKS and opens_date(text[m.end() :])
                    ):  # "since August", "since 2019": the date tells
                        past = pattern is PAST_MARKS or int(m.group()) < oldest.year
                        marks.append((a, b, past))
            self.marks[start] = marks
        return self.marks[start]


def joined_event(c: Candidate, events: dict, keys: dict[int, tuple], absorbers: dict[str, Candidate]) -> tuple | None:
    """The event an undated trigger is part of when none of its own type is dated: the one its entry's
    ``undated_joins`` names that the article reported before it ("22 people were arrested" after a riot), else the one that absorbed a trigger of its
    entry earlier ("the operations" after "killed 20 militants in raids")."""
    if c.rule.undated_joins:
        joins = c.rule.undated_joins
        key = next(
            (k for k, e in events.items() if e.start < c.start and (k[0] in joins or f"{k[0]}/{k[1]}" in joins)), None
        )
        if key:
            return key
    absorber = absorbers.get(c.rule.id)
    return keys.get(id(absorber)) if absorber is not None else None


def one_demonstration(events: list[EventHit]) -> list[EventHit]:
    """The demonstration events of one day (``demonstration_order``) are one incident, coded by the most severe,
    unless their sentences name different places (two towns' marches of one day are two); an undated one (the
    publication's day) is part of the most severe dated one."""
    ranked = [e for e in events if demonstration_label(e) in DEMONSTRATION_RANK]
    if len(ranked) < 2:
        return events
    ranked.sort(key=lambda e: DEMONSTRATION_RANK[demonstration_label(e)])
    dated = [e for e in ranked if e.date_text is not None]
    chosen: list[tuple[dt.date | None, str | None, EventHit]] = []
    for e in ranked:
        day = e.date if e.date_text is not None and not lasting(e, dated) or not dated else dated[0].date
        place = demonstration_place(e.sentence)
        same = next((c for d, p, c in chosen if d == day and (p is None or place is None or p == place)), None)
        if same is not None:
            same.mentions.extend(e.mentions)
        else:
            chosen.append((day, place, e))
    kept = {id(c) for _, _, c in chosen}
    return [e for e in events if demonstration_label(e) not in DEMONSTRATION_RANK or id(e) in kept]


def lasting(e: EventHit, dated: list[EventHit]) -> bool:
    """Whether a demonstration dated after one of ``lasting_leads`` ("had camped on the square since Thursday") lasts up
    to the most severe dated one of a later day (``dated``, most severe first): the two are one incident."""
    if not dated or dated[0] is e or dated[0].date is None or e.date is None or e.date >= dated[0].date:
        return False
    at = e.sentence.find(e.date_text)
    return at > 0 and SENTENCE_WORD.findall(e.sentence[max(0, at - 20) : at].lower())[-1:] in ([w] for w in LASTING)


@cache
def place_pattern() -> re.Pattern:
    """A capitalized name after a place lead ("in Lomar"), or after "the <place noun> (of)" ("in the port city of
    Castel", "through the capital Lomar"); lexicons/events.yaml ``place_leads``, ``place_nouns``."""
    lex = lexicon.events()
    leads = "|".join(re.escape(w) for w in lex.place_leads)
    nouns = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(lex.place_nouns, key=len, reverse=True))
    name = r"[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?"
    return re.compile(rf"\b(?:{leads})\s+(?:the\s+(?:{nouns})\s+(?:of\s+)?)?(?-i:({name}))", re.I)


@cache
def months_and_days() -> frozenset[str]:
    """Month and weekday names (lexicons/dates.yaml)."""
    return frozenset(lexicon.dates().months) | frozenset(lexicon.dates().weekdays)


def demonstration_place(sentence: str) -> str | None:
    """The first place a sentence names (lower-case), or None; a month or weekday is no place ("in March")."""
    for m in place_pattern().finditer(sentence):
        first = m.group(1).split()[0].lower()
        if first not in months_and_days():
            return m.group(1).lower()
    return None


def demonstration_label(e: EventHit) -> str:
    return f"{e.event_type}/{e.sub_event_type}"


def add(events: dict, c: Candidate, text: str, date, precision: str, date_text, key=None) -> tuple:
    key = key or (c.event_type, c.sub_event_type, date)
    if key not in events:
        sentence = text[c.sentence_start : c.sentence_end]
        lead, trail = len(sentence) - len(sentence.lstrip()), len(sentence) - len(sentence.rstrip())
        events[key] = EventHit(
            c.event_type,
            text[c.start : c.end],
            c.start,
            c.end,
            c.rule.id,
            date,
            precision,
            date_text,
            sentence.strip(),
            c.sentence_start + lead,
            c.sentence_end - trail,
            sub_event_type=c.sub_event_type,
            context=c.context,
        )
    events[key].mentions.append((c.start, c.end, text[c.start : c.end], c.rule.id))
    return key
