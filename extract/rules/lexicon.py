"""Loading the pattern tables in ``lexicons/`` (data beside the code that applies them), validated.

Each lexicon file has a pydantic model below: a section is a list of words, a
table of values, or a list of entries, and every entry has an ``id`` (it names
the pattern in provenance and tests) and its words, with an optional ``note``
saying where the pattern comes from.  A file is validated when it is first
loaded, so a typo in a lexicon is a located error naming the file, not a rule
that silently stops matching.

Two ways to read a lexicon:

- typed: ``claims().counts.cut``, ``roles().titles[0].words``, or ``typed(name)``
  for any file (the model's attributes, checked by the type checker);
- plain: ``load(name)[section]``, ``entries``, ``word_table``, ``word_set`` (the
  older API, still used by the extractors; it reads the same validated file).

A file may hold a section its model does not declare yet (an engineer adding a
word list): it must then be a list of words or of entries with ids, and
``tests/test_lexicons.py`` asks for it to be declared.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, TypeAdapter, ValidationError, model_validator

from ..errors import BuildFailed, FieldError, Location
from ..yamlfile import line_of, load_yaml, plain, validation_errors

FOLDER = Path(__file__).with_name("lexicons")

Word = Annotated[str, StringConstraints(min_length=1)]
Words = list[Word]
Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$")]

LOADED: set[str] = set()
"""Names of the lexicon files loaded in this process (the test that no file is loaded by nothing reads it)."""


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Entry(Strict):
    """One pattern: its id, its words (or phrases), and where it comes from."""

    id: Id
    words: Annotated[Words, Field(min_length=1)]
    note: str | None = None


class Lexicon(BaseModel):
    """A lexicon file: declared sections typed by the subclass; undeclared ones must be words or entries."""

    model_config = ConfigDict(extra="allow", frozen=True)

    def undeclared(self) -> dict[str, Any]:
        """Sections of the file its model does not declare (checked by ``check_undeclared``)."""
        return dict(self.model_extra or {})

    def all_entries(self) -> list[BaseModel]:
        """Every id-bearing entry of the file, in any section."""
        found: list[BaseModel] = []

        def walk(value: Any) -> None:
            if isinstance(value, BaseModel):
                if isinstance(getattr(value, "id", None), str):
                    found.append(value)
                for name in type(value).model_fields:
                    walk(getattr(value, name))
            elif isinstance(value, (list, tuple)):
                for item in value:
                    walk(item)
            elif isinstance(value, dict) and "id" in value:
                found.append(Entry.model_validate(value))

        for name in type(self).model_fields:
            walk(getattr(self, name))
        for value in (self.model_extra or {}).values():
            walk(value)
        return found


# claims.yaml ------------------------------------------------------------------------------------------------------


class Denial(Entry):
    kind: Literal["governs", "negates", "determiner"]


class Certainty(Entry):
    certainty: Literal["rumored", "reported"]


class Clause(Strict):
    punctuation: Words
    words: Words
    verb_group: Words
    prepositions: Words


class Counts(Strict):
    cut: Words
    cut_after_first: Words
    skip: Words
    participle_nouns: Words
    generic_heads: Words
    outcome_heads: Words
    never: Words
    irregular: dict[Word, Word]


class Anchors(Strict):
    outlet_groups: list[Id]
    not_places: Words


class ClaimsLexicon(Lexicon):
    denial: list[Denial]
    certainty: list[Certainty]
    clause: Clause
    counts: Counts
    anchors: Anchors
    synonyms: list[Entry]


# dates.yaml -------------------------------------------------------------------------------------------------------


class DatesLexicon(Lexicon):
    weekdays: Annotated[Words, Field(min_length=7, max_length=7)]
    months: Annotated[Words, Field(min_length=12, max_length=12)]
    month_abbreviations: dict[Word, Annotated[int, Field(ge=1, le=12)]]
    relative_days: dict[Word, int]
    relative_steps: dict[Word, int]
    periods: list[Literal["month", "year"]]
    weekday_next: Words
    weekday_last: Words
    weekday_leads: Words
    year_leads: Words
    leads: Words
    ordinal_suffixes: Words
    day_month_joins: Words
    month_leads: Words


class TextLexicon(Lexicon):
    abbreviations: Annotated[Words, Field(min_length=1)]


# events.yaml ------------------------------------------------------------------------------------------------------


class Refinement(Strict):
    with_: Words = Field(alias="with")
    unless_with: Words = []
    """Phrases that keep the refinement from applying ("who had been killed": the dead mourned, not force used)."""
    event_type: str
    sub_event_type: str


class InArticle(Strict):
    has: Words
    event_type: str
    sub_event_type: str


class Trigger(Entry):
    event_type: str
    sub_event_type: str | None = None
    agent: Words = []
    act: Words = []
    patient: Words = []
    place: Words = []
    not_with: Words = []
    unless_with: Words = []
    """Words that lift ``not_with`` and ``not_followed_by``: "fans" fighting near a stadium is a riot whatever the
    match; a crowd chanting a name and demanding a release protests."""
    not_after: Words = []
    not_before: Words = []
    absorbed_by: Words = []
    not_followed_by: Words = []
    refine: list[Refinement] = []
    refine_victims: list[Refinement] = []
    in_article: list[InArticle] = []
    only_in_article: Words = []
    """Event types ("type" or "type/sub"): the trigger counts only in an article reporting one of them."""
    folded_into: Words = []
    """Event types ("type/sub"): the article reporting one of them tells this trigger as part of it (the fighting of
    a town retaken), in whatever sentence."""
    then: Words = []
    """Words one of which must follow the trigger in its clause, within ``then_reach`` words, the object between
    ("shot two farmers dead", "took two guards hostage"): a verb and its end around what it is done to."""
    ends_in_article: Words = []
    """Event types ("type" or "type/sub"): in an article reporting one of them this trigger tells that incident's end,
    in whatever sentence, and is no event of its own (control of a jail regained after its riot is the riot)."""
    undated: Literal["unknown"] | None = None
    undated_joins: Words = []


class QuietStories(Strict):
    """Words of a story's lead that tell it reports no conflict event (``events.quiet_story``)."""

    staged: Words
    """A drill, a parade, a show: its fighting is acted."""
    retold: Words
    """A court, an inquiry, a memorial: old violence told again."""
    other_news: Words
    """A storm, a match, a market, an election: conflict words as figures of speech."""
    quiet_lead_types: Words
    """Event types whose report in the lead, with no conflict event there, makes the story quiet (``other_news``)."""
    accident_drops: Words
    """In a story whose lead reports a disaster, the event types of an undated sentence that are its harm (and in a
    ``politics`` story, figures of speech)."""
    politics: Words
    """A parliament's or a party's business: its undated violence is a figure of speech."""
    rumoured: Words
    """A rumour or a report denied: what it claimed did not happen."""
    rumour: Words
    """Words of a sentence that tells what a rumour claimed (``rumoured`` stories)."""
    here: Words
    """Places of a retold story's own day: supporters chanting outside the court are news, not its old crime."""
    retold_days: int
    """In a retold story, a conflict event dated more than this many days before publication is the old story's."""
    quiet_keeps: Words
    """The types kept in a staged or retold story whatever their sentence: every other is dropped as a conflict one is."""
    here_types: Words
    """The types a retold story keeps undated in a sentence naming one of ``here`` (supporters outside the court)."""
    """In a retold story, a conflict event dated more than this many days before publication is the old story's."""


class EventsLexicon(Lexicon):
    groups: dict[Id, Words]
    triggers: list[Trigger]
    passive_auxiliaries: Words
    demonstration_order: Words
    place_leads: Words
    place_nouns: Words
    background_days: int
    background_phrases: Words
    separate_incidents: Words
    calendar_words: Words
    reporting_senses: Words
    reporting_verbs: Words
    """Verbs whose subject reports the news ("police said"): that subject is the source, not an agent."""
    reporting_leads: Words
    """Words after which the source follows ("according to police")."""
    reporting_phrase_words: int
    """The longest source phrase, in words ("a spokesman for the provincial police"); a longer one is a clause."""
    reporting_back: Words
    """Words among the first four after a reporting verb that refer back to its subject ("police said they
    arrested"): the source is then the agent too."""
    negators: Words
    """Words that deny the trigger of their clause ("no inmate had escaped", "has never been recovered")."""
    determiners: Words
    """Words before a noun: a trigger after one is no negated act ("nobody claimed the blast")."""
    describing_determiners: Words
    """Determiners that make a participle after them a description ("the wounded soldiers"), no act told."""
    cause_leads: Words
    """Words before what a crowd protests or mourns ("over the shooting of"): no refinement's act on the crowd."""
    relative_words: Words
    """Words that open a relative clause: its dates describe what it tells, not the sentence's other triggers."""
    subordinators: Words
    """Words that open a clause beside the trigger's ("before officers arrived"): no agent of a trigger outside it."""
    allegation_leads: Words
    """Words before a trigger that make it an allegation ("accused of massacres"): no event told."""
    describing_relatives: Words
    """Relative words that, with a present perfect just before a trigger, describe a group by its past."""
    describing_relatives_apart: Words
    """Relative words that may stand a few words (a subject) before that present perfect ("where groups have killed")."""
    perfect_auxiliaries: Words
    """The auxiliaries of that present perfect ("that have fought")."""
    people_of_leads: Words
    """Words before a trigger that name people by what befell them ("victims of"): no event told."""
    unrealised: Words
    """Words (``@group`` ids too) that make a conflict trigger after them in its clause no act yet ("would raid")."""
    countering_leads: Words
    charge_reach: int
    """Words a trigger may stand after a lead of ``allegation_leads`` in its clause and still be the crime charged."""
    charge_ends: Words
    """Words that end the charge after an allegation lead (the main clause's "and" or auxiliary)."""
    denial_leads: Words
    """Words that deny or doubt what a trigger up to ``denial_reach`` words after them reports ("denied reports that")."""
    denial_reach: int
    taking_fights: Words
    """Words that make a fight the taking of a place ("fought the rebels for control of"): see ``folded_into``."""
    naming_clauses: Words
    """Words opening a clause that names the act of the clause before it ("in what she called")."""
    lasting_leads: Words
    """Words just before a demonstration's date that make it last up to a later one ("since Thursday")."""
    other_day_possessives: Words
    """Days named as the owner of the trigger just after them ("Thursday's march"): another day's act, which the
    sentence's words re-code not ("police arrested the organiser of Thursday's march")."""
    """Words that make conflict triggers shortly after them a thing to end ("ending a wave of kidnappings")."""
    figurative_modifiers: Words
    """Words that make a conflict trigger just after them a figure of speech ("a political massacre")."""
    continuing_leads: Words
    """Words opening the clause of a trigger that ends the incident told before it ("rioted on Saturday night ...
    before guards regained control early on Sunday"): one incident, whatever their dates."""
    punishments: Words
    """Words of a court's punishment or trial ("sentenced", "jailed"): a trigger after "for" in their sentence is the
    crime punished, no event told ("sentenced on Wednesday for kidnapping a businessman")."""
    punished_for: Words
    """The words before a punished crime ("for")."""
    object_ends: Words
    """Words that end an active verb trigger's object ("killing three men ... by", "clashed with"): the words after
    one may name its agent again, the object's words before one name none."""
    background_leads: Words
    """Words that open a clause telling the past ("since the militia took control"): a time mark of the past."""
    content_types: Words
    """Event types whose trigger is followed by what it says ("said in a statement that ..."): a time mark in that
    "that" clause dates what is said, not the act."""
    tally_marks: Words
    """Words of a sentence counting over the year ("this year"): after the lead, its undated events are background."""
    then_reach: int
    """Words at most between a trigger and the end its entry's ``then`` names."""
    story_window_days: int
    """After the lead, a conflict event dated to the day or month more than this many days before publication is the
    story's background."""
    story_window_keeps: Words
    """The "type/sub" labels a story reports whatever their date (a kidnapping told with its victim's release)."""
    recent_openers: Words
    """Words after a past lead that begin a time of the story's own days, as a date does ("since late on Tuesday",
    "since last night", "since dawn"): the lead is then no mark of the past."""
    quiet_stories: QuietStories


# figures.yaml -----------------------------------------------------------------------------------------------------


class Currency(Strict):
    id: Id
    code: Annotated[str, StringConstraints(pattern=r"^(?:[A-Z]{3}|money)$")]
    """An ISO 4217 code, or ``money`` for a currency word that names none ("pesos" of no stated country)."""
    before: Words = []
    after: Words = []
    after_scaled: Words = []
    """Names that are common words too ("won"): money only after a number written with a multiplier or in
    groups of thousands ("4.5 trillion won", "50,000 won"), not "the 3 won"."""
    before_scaled: Words = []
    """One-letter signs that begin names too ("N4.4tn" naira, not "N95"; "R2bn" rand, not "R40"): money only
    before a number written with a multiplier or in groups of thousands."""
    note: str | None = None


class SharedSign(Strict):
    """A currency sign or name the currencies of several countries are written with ("K": Zambia's kwacha, Papua
    New Guinea's kina, Myanmar's kyat; "pesos"): the one of them its sentence tells (``figures.in_told_currency``),
    else ``default`` (a code, ``money``, or None: no figure)."""

    id: Id
    before: Words = []
    after: Words = []
    codes: Annotated[list[Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]], Field(min_length=2)]
    default: Annotated[str, StringConstraints(pattern=r"^(?:[A-Z]{3}|money)$")] | None = None
    note: str | None = None

    @model_validator(mode="after")
    def written_somehow(self) -> SharedSign:
        if not self.before and not self.after:
            raise ValueError("a shared sign needs words written before or after the number")
        return self


class Subunit(Strict):
    """A currency's hundredth ("45 cents", "310p"): the figure's value is in the whole currency."""

    id: Id
    code: Annotated[str, StringConstraints(pattern=r"^(?:[A-Z]{3}|money)$")]
    per: Annotated[int, Field(gt=1)]
    words: Annotated[Words, Field(min_length=1)]
    glued: Words = []
    of: list[Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]] = []
    """With ``code: money``: the currencies whose hundredth the word names; the one a figure of the same
    sentence is in, when it is the only one, is the subunit's currency."""
    note: str | None = None


class MeasureUnit(Strict):
    id: Id
    unit: Word
    measures: Word
    per: Annotated[int, Field(gt=1)] | None = None
    """How many of the written unit make one ``unit`` ("ml": 1000 make a litre), for a unit the vocabulary lacks."""
    symbols: Words = []
    words: Words = []
    glued: Words = []
    before: Words = []
    """Words written before the number ("magnitude 6.8"), case-insensitively, a space between."""
    note: str | None = None


class FiguresLexicon(Lexicon):
    time_units: dict[Word, Word]
    multiplier_suffixes: dict[Word, int]
    months: Words
    label_words: Words
    counts_stop: Words
    counts_skip: Words
    currencies: list[Currency]
    measure_units: list[MeasureUnit]
    percent_glued: Words
    percent_words: Words
    fraction_words: dict[Word, int]
    half_not_after: Words
    model_words: Words
    street_words: Words
    street_prefixes: Words
    fraction_glyphs: dict[Word, float]
    range_from_words: Words
    plurals_without_s: Words
    race_words: Words
    part_of_after: Words
    year_words: Words
    participle_nouns: Words
    half_before: Words
    numbered_name_words: Words
    age_after: Words
    clock_suffixes: Words
    """As written (case-insensitive in the expression); a word ending in a letter must end there ("am", not "amid")."""
    day_parts: Words
    url_domains: Words
    months_de: Words = []
    """Month names written after "N de" in names of dates ("12 de Octubre", "25 de Mayo"): no figure."""
    subunits: list[Subunit] = []
    shared_signs: list[SharedSign] = []
    contexts: list[Entry] = []
    """Words around a number that make it no figure or give it its unit ("Big Four", "retired at 38",
    "9mm pistols"), each list an entry read by its id (``figures.context``)."""


# extract/numbers.yaml (beside numbers.py, which the curated layer uses too) --------------------------------------


class VagueWord(Entry):
    """A quantity word with no number ("dozens"): the smallest amount it allows (None: none)."""

    value: int | float | None
    alone: bool = False
    """Whether the word is a figure with no noun after it ("Thousands protested")."""
    not_after: Words = []
    """Words before it that make it a noun, no figure ("the scores were level")."""
    alone_before: Words = []
    """With ``alone``: the words it is a figure alone before, none else ("Scores were hurt", not "settling scores
    and"); empty: any."""


class QualifierWords(Entry):
    qualifier: Literal["approximate", "at_least", "more_than", "less_than"]


class NumbersLexicon(Strict):
    """``extract/numbers.yaml``: number words and their values, vague quantity words, qualifiers."""

    units: dict[Word, int]
    tens: dict[Word, int]
    multipliers: dict[Word, int]
    glued_multipliers: dict[Word, int]
    """Multipliers written glued to digits ("7m", "1.2bn"), matched case-insensitively."""
    vague: list[VagueWord]
    qualifiers: list[QualifierWords]


NUMBERS_FILE = Path(__file__).parents[1] / "numbers.yaml"


@cache
def numbers() -> NumbersLexicon:
    """``extract/numbers.yaml`` as its validated model (a located error if it is invalid)."""
    shown = Path("extract") / NUMBERS_FILE.name
    node = load_yaml(NUMBERS_FILE, shown)
    try:
        return NumbersLexicon.model_validate(plain(node))
    except ValidationError as exc:
        raise BuildFailed(located_errors(exc, shown, node)) from None


# known_organizations.yaml -----------------------------------------------------------------------------------------


class KnownOrganization(Strict):
    id: Id
    names: Annotated[Words, Field(min_length=1)]
    note: str | None = None


class OrganizationGroup(Strict):
    id: Id
    source: str
    entries: list[KnownOrganization]
    note: str | None = None


class KnownOrganizationsLexicon(Lexicon):
    groups: list[OrganizationGroup]


# names.yaml, organizations.yaml, reporting_verbs.yaml, roles.yaml -------------------------------------------------


class NamesLexicon(Lexicon):
    particles: Words
    not_names: Words
    not_given_names: Words
    reporting_verbs: Words
    alias_markers: Words
    demonyms: Words
    place_words: Words
    thing_first_words: Words
    thing_words: Words
    index_words: Words
    facility_words: Words
    place_first_words: Words
    date_words: Words
    people_plurals: Words
    political_adjectives: Words
    competition_words_in_sport: Words
    landform_cues: Words
    compass_words: Words
    country_heads: Words
    head_nouns: Words
    country_short_names: Words
    place_prepositions: Words
    connectors: Words
    joined_prefixes: Words
    sentence_openers: Words
    """Case as written: capitalized."""
    headline_small_words: Words
    acronym_determiners: Words
    place_nouns_before: Words
    split_words: Words
    contact_words: Words
    share_words: Words
    furniture_labels: Words
    photo_words: Words
    portfolio_titles: Words
    masthead_words: Words


class OrganizationsLexicon(Lexicon):
    cues: list[Entry]
    after: list[Entry]
    before: list[Entry]
    club_after: list[Entry]
    club_before: list[Entry]
    dotted_suffixes: Words
    owned: Words
    not_acronyms: Words
    known_single: Words
    acronym_orgs: Words
    sport_min: Annotated[int, Field(ge=1)]
    sport_words: list[Entry]
    club_before_in_sport: list[Entry]
    list_heads: list[Entry]
    list_openers: Words
    introducers: list[Entry]
    owned_after_possessive: Words
    results_verbs: Words
    results_nouns: Words
    price_verbs: Words
    price_units: Words
    appositive_nouns: Words
    based_words: Words
    state_bodies: Words
    club_verbs_in_sport: Words
    team_result_verbs: Words
    speaks_for: Words
    works_for: Words
    last_cues: Words


class ReportingVerbsLexicon(Lexicon):
    verbs: list[Entry]
    phrases: list[Entry]
    subject_clause_openers: Words
    subject_clause_joins: Words
    noun_markers: Words
    speech_nouns: Words
    title_nouns: Words
    title_verbs: Words
    title_verbs_after_a_work: Words
    modified_nouns: Words
    aside_openers: Words
    opening_participles: Words
    link_lines: Words
    title_small_words: Words
    label_determiners: Words
    person_nouns: Words
    clause_conjunctions: Words
    not_speaker_names: Words
    civil_anaphors: Words
    company_anaphors: Words
    publication_verbs: Words
    name_adverbs: Words
    phrase_stops: Words
    definite_determiners: Words
    descriptor_determiners: Words
    descriptor_articles: Words
    labels_alone: Words
    lower_case_not_cues: Words
    civil_introducers: Words
    descriptor_links: Words
    statement_pronouns: Words
    statement_conjunctions: Words
    looking_back_markers: Words
    subject_cuts: Words
    speech_sources: Words
    organization_anaphor_articles: Words


class GenderWords(Strict):
    pronouns: Words
    words: Words


class RolesLexicon(Lexicon):
    titles: list[Entry]
    groups: list[Entry]
    pronouns: dict[Literal["person", "group"], Words]
    gender: dict[Literal["female", "male"], GenderWords]


class GeographyLexicon(Lexicon):
    world_regions: Words
    home_nations: Words


MODELS: dict[str, type[Lexicon]] = {
    "claims": ClaimsLexicon,
    "dates": DatesLexicon,
    "events": EventsLexicon,
    "figures": FiguresLexicon,
    "geography": GeographyLexicon,
    "known_organizations": KnownOrganizationsLexicon,
    "names": NamesLexicon,
    "organizations": OrganizationsLexicon,
    "reporting_verbs": ReportingVerbsLexicon,
    "roles": RolesLexicon,
    "text": TextLexicon,
}
"""lexicons/<name>.yaml -> its model.  A YAML file in lexicons/ without a model here fails the lexicon tests."""


def located_errors(exc: ValidationError, shown: Path, node: Any) -> list[FieldError]:
    """Each validation error at the line of the deepest node of the file its path reaches."""
    errors = []
    for err, located in zip(exc.errors(), validation_errors(exc, shown, node), strict=True):
        line, at = located.location.line, node
        for step in err["loc"]:
            key = "with" if step == "with_" else step
            if not isinstance(at, (dict, list)):
                break
            try:
                deeper = at[key]
            except (KeyError, IndexError, TypeError):
                break
            line, at = line_of(at, key) or line, deeper
        errors.append(FieldError(located.note, Location.of(shown, line, located.location.field)))
    return errors


UNDECLARED = TypeAdapter(Words | list[Entry])


def undeclared_problems(model: Lexicon, shown: Path, node: Any) -> list[FieldError]:
    """A section the model does not declare must still be a list of words or of entries with ids and words."""
    problems = []
    for section, value in model.undeclared().items():
        try:
            UNDECLARED.validate_python(value)
        except ValidationError:
            problems.append(
                FieldError(
                    "a section the lexicon's model does not declare must be a list of words or of entries "
                    "with id and words (declare it in extract/rules/lexicon.py)",
                    Location.of(shown, line_of(node, section), section),
                )
            )
    return problems


def duplicate_ids(shown: Path, node: Any) -> list[FieldError]:
    """Every entry id once in its file (an id names one pattern in provenance and tests)."""
    seen: dict[str, int | None] = {}
    problems = []

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            entry_id = value.get("id")
            if isinstance(entry_id, str):
                line = line_of(value, "id")
                if entry_id in seen:
                    problems.append(
                        FieldError(
                            f"the entry id {entry_id!r} is used twice (first on line {seen[entry_id]})",
                            Location.of(shown, line, "id"),
                        )
                    )
                seen.setdefault(entry_id, line)
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(node)
    return problems


@cache
def _read(name: str) -> tuple[Any, Lexicon]:
    """The file as its YAML tree (with lines) and as its validated model; BuildFailed, located, if invalid."""
    path = FOLDER / f"{name}.yaml"
    shown = Path("extract/rules/lexicons") / path.name
    node = load_yaml(path, shown)
    try:
        model = MODELS[name].model_validate(plain(node))
    except ValidationError as exc:
        raise BuildFailed(located_errors(exc, shown, node)) from None
    except KeyError:
        raise BuildFailed([FieldError("a lexicon file with no model in lexicon.MODELS", Location.of(shown))]) from None
    problems = [*undeclared_problems(model, shown, node), *duplicate_ids(shown, node)]
    if problems:
        raise BuildFailed(problems)
    LOADED.add(name)
    return node, model


def typed(name: str) -> Lexicon:
    """``lexicons/<name>.yaml`` as its validated model."""
    return _read(name)[1]


def claims() -> ClaimsLexicon:
    return typed("claims")  # type: ignore[return-value]


def dates() -> DatesLexicon:
    return typed("dates")  # type: ignore[return-value]


def text() -> TextLexicon:
    return typed("text")  # type: ignore[return-value]


def events() -> EventsLexicon:
    return typed("events")  # type: ignore[return-value]


def figures() -> FiguresLexicon:
    return typed("figures")  # type: ignore[return-value]


def geography() -> GeographyLexicon:
    return typed("geography")  # type: ignore[return-value]


def known_organizations() -> KnownOrganizationsLexicon:
    return typed("known_organizations")  # type: ignore[return-value]


def names() -> NamesLexicon:
    return typed("names")  # type: ignore[return-value]


def organizations() -> OrganizationsLexicon:
    return typed("organizations")  # type: ignore[return-value]


def reporting_verbs() -> ReportingVerbsLexicon:
    return typed("reporting_verbs")  # type: ignore[return-value]


def roles() -> RolesLexicon:
    return typed("roles")  # type: ignore[return-value]


# The plain API (the extractors not yet converted read the lexicons this way) --------------------------------------


@cache
def load(name: str) -> dict[str, Any]:
    """``lexicons/<name>.yaml`` as plain data (validated by its model first)."""
    return plain(_read(name)[0])


def entries(name: str, section: str) -> list[dict[str, Any]]:
    """The id-bearing entries of one section (every entry has an id and words: the model checked them)."""
    return load(name)[section]


@cache
def word_table(name: str, section: str) -> dict[str, str]:
    """word or phrase (lower-case) -> id of its entry."""
    return {str(w).lower(): e["id"] for e in entries(name, section) for w in e["words"]}


@cache
def word_set(name: str, key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in load(name)[key])
