"""The data model: one pydantic model per published table.

These models are the single source of truth.  The Frictionless Table Schemas
in ``schema/``, the schemas inside ``data/datapackage.json``, the SQLite DDL
and the Datasette column descriptions are all generated from them by
``extract.publish.schemas``; a test fails when a committed copy drifts.

Each model declares its table name, primary key and foreign keys as class
variables, and every field has a description.  Enumerated fields take their
values from ``vocabularies.yaml`` (documented vocabularies).
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Annotated, Any, ClassVar, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

VOCABULARIES_FILE = Path(__file__).with_name("vocabularies.yaml")


@cache
def vocabularies() -> dict[str, dict[str, str]]:
    """Every vocabulary: name -> {value: description}, in file order."""
    from .yamlfile import read_data  # yamlfile imports errors only; no cycle with the models

    data = read_data(VOCABULARIES_FILE)
    return {
        name: {str(k): " ".join(vocabulary_text(v).split()) for k, v in values.items()} for name, values in data.items()
    }


def vocabulary_text(value: Any) -> str:
    """A value's description; a value under a parent (``{parent, description}``) says its parent."""
    if isinstance(value, dict):
        return f"{value['description']} (under `{value['parent']}`)"
    return str(value)


@cache
def vocabulary_parents(name: str) -> dict[str, str]:
    """value -> parent value, for a vocabulary whose values sit under another's (``sub_event_type``)."""
    from .yamlfile import read_data

    return {str(k): str(v["parent"]) for k, v in read_data(VOCABULARIES_FILE)[name].items() if isinstance(v, dict)}


def vocab(name: str, description: str, optional: bool = False) -> Any:
    """A field whose value must come from vocabulary ``name``."""
    values = tuple(vocabularies()[name])
    kind = Literal.__getitem__(values)
    if optional:
        return Annotated[
            kind | None, Field(default=None, description=description, json_schema_extra={"vocabulary": name})
        ]
    return Annotated[kind, Field(description=description, json_schema_extra={"vocabulary": name})]


SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
COUNTRY = r"^[A-Z]{2}$"

MAX_MAGNITUDE = 1e15
"""No figure in news is larger (world output is about 1e14 dollars a year): anything beyond is a typo or an attack."""


def not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be blank (only spaces or line breaks)")
    return value


def sane_number(value: float | None) -> float | None:
    if value is not None and not -MAX_MAGNITUDE <= value <= MAX_MAGNITUDE:
        raise ValueError(f"must be a finite number between -{MAX_MAGNITUDE:.0e} and {MAX_MAGNITUDE:.0e}")
    return value


def iso_8601(value: str) -> str:
    """``value`` when it is an ISO 8601 date, or date and time (``2023-09-20``, ``2023-09-20T23:46:14``)."""
    try:
        dt.date.fromisoformat(value) if len(value) == 10 else dt.datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(
            f"{value!r} is not an ISO 8601 date (YYYY-MM-DD) or date and time (YYYY-MM-DDTHH:MM:SS)"
        ) from None
    return value


Slug = Annotated[str, Field(pattern=SLUG)]
NonEmpty = Annotated[str, Field(min_length=1), AfterValidator(not_blank)]
Number = Annotated[float | None, Field(allow_inf_nan=False), AfterValidator(sane_number)]


def ref(table: str, description: str) -> Any:
    """A nullable foreign key to ``table``'s primary key."""
    return Annotated[Slug | None, Field(default=None, description=description, json_schema_extra={"references": table})]


def required_ref(table: str, description: str) -> Any:
    return Annotated[Slug, Field(description=description, json_schema_extra={"references": table})]


Method = vocab("method", "How the row was made: `curated` (a person cited the text) or `rule` (machine-extracted).")
Aliases = Annotated[
    list[str],
    Field(default_factory=list, description="Other names for the same entity found in the sources (a JSON array)."),
]
DETAIL = {"detail": True}
"""``json_schema_extra`` of a column kept for the record rather than read first (offsets, provenance, whole texts):
hidden from the site's table pages by default, shown on row pages and in every download (extract/publish/datasette.py)."""

Provenance = Annotated[
    NonEmpty,
    Field(
        description="What produced the row: `file:line` of the curated annotation, or the id of the rule.",
        json_schema_extra=DETAIL,
    ),
]
CharStart = Annotated[
    int,
    Field(
        ge=0,
        description="Offset of the first character in `sources.text` (Python string index: Unicode code points, 0-based).",
        json_schema_extra=DETAIL,
    ),
]
CharEnd = Annotated[
    int,
    Field(
        ge=1,
        description="Offset one past the last character in `sources.text`; `sources.text[char_start:char_end]` is the cited text.",
        json_schema_extra=DETAIL,
    ),
]


class Row(BaseModel):
    """Base of every table model."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    table: ClassVar[str]
    table_title: ClassVar[str]
    primary_key: ClassVar[tuple[str, ...]]
    # column -> (table, column); generated from ``json_schema_extra["references"]``.
    sort: ClassVar[str | None] = None
    search: ClassVar[tuple[str, ...]] = ()  # columns indexed for full-text search (SQLite FTS5)

    @classmethod
    def foreign_keys(cls) -> dict[str, tuple[str, str]]:
        keys = {}
        for name, info in cls.model_fields.items():
            target = (info.json_schema_extra or {}).get("references")
            if target:
                keys[name] = (target, TABLES[target].primary_key[0])
        return keys


class Spanned(Row):
    """A row cut from an article: its offsets must give back its text."""

    span_field: ClassVar[str] = "text"

    @model_validator(mode="after")
    def _span_is_ordered(self):
        text = getattr(self, self.span_field)
        if self.char_end - self.char_start != len(text):
            raise ValueError(
                f"char_end - char_start ({self.char_end - self.char_start}) differs from the length of {self.span_field} ({len(text)})"
            )
        return self


def exactly_one(row: BaseModel, names: tuple[str, ...], allow_none: bool = False) -> None:
    set_ = [n for n in names if getattr(row, n) is not None]
    if len(set_) > 1 or (not allow_none and not set_):
        wanted = "at most one" if allow_none else "exactly one"
        raise ValueError(f"{wanted} of {', '.join(names)} must be set (got {', '.join(set_) or 'none'})")


class Source(Row):
    """A news article the dataset is built from, with its full text."""

    table: ClassVar[str] = "sources"
    table_title: ClassVar[str] = "Sources"
    primary_key: ClassVar[tuple[str, ...]] = ("source_id",)
    sort: ClassVar[str | None] = "published"
    search: ClassVar[tuple[str, ...]] = ("title", "text")

    source_id: Slug = Field(
        description="Readable id of the article: publisher, date and subject (e.g. `afp-2023-09-20-tocoron`)."
    )
    publisher: NonEmpty = Field(description="Who published the article (news agency or outlet).")
    published: Annotated[str, Field(min_length=1), AfterValidator(iso_8601)] = Field(
        description="When it was published, ISO 8601, as precise as the article gives it (local time, no time zone is given)."
    )
    published_date: dt.date = Field(description="The publication date (the day part of `published`).")
    published_note: str | None = Field(
        default=None,
        description="How `published` was established when the article does not print it.",
        json_schema_extra=DETAIL,
    )
    title: NonEmpty = Field(
        description="A descriptive title written by the curators from the content (the wire copy has none)."
    )
    language: Annotated[str, Field(pattern=r"^[a-z]{2}$", description="Language of the text (ISO 639-1).")]
    original_language: Annotated[
        str | None,
        Field(
            default=None,
            pattern=r"^[a-z]{2}$",
            description="Language of the original wire copy when the text is a rendering of it (ISO 639-1).",
        ),
    ]
    dateline: str | None = Field(default=None, description="The dateline place as printed, if any.")
    url: str | None = Field(
        default=None,
        pattern=r"^https?://\S+$",
        json_schema_extra={"format": "uri"},
        description="Where the article can be read online (an http or https URL), if known.",
    )
    rights: NonEmpty = Field(
        description="Who holds the rights to the text. The text is not covered by the dataset's licence.",
        json_schema_extra=DETAIL,
    )
    file: NonEmpty = Field(
        description="The file in `seeds/` that holds the text, byte for byte as received.", json_schema_extra=DETAIL
    )
    text_sha256: Annotated[
        str,
        Field(
            pattern=r"^[0-9a-f]{64}$",
            description="SHA-256 of the article file, to detect an edited text.",
            json_schema_extra=DETAIL,
        ),
    ]
    text: NonEmpty = Field(
        description="The full article text. All offsets in the dataset index this string.", json_schema_extra=DETAIL
    )
    curation_status: vocab(
        "curation_status",
        "Whether a curator reviewed the article's annotation: `none` (no file), `draft` (drafted, not reviewed: the rules' rows are published) or `curated`.",
    ) = "none"


class Organization(Row):
    """An organization named or described in the sources: one row per real-world organization, across sources."""

    table: ClassVar[str] = "organizations"
    table_title: ClassVar[str] = "Organizations"
    primary_key: ClassVar[tuple[str, ...]] = ("organization_id",)
    sort: ClassVar[str | None] = "name"
    search: ClassVar[tuple[str, ...]] = ("name", "name_original", "aliases")

    organization_id: Slug = Field(description="Readable id of the organization.")
    name: NonEmpty = Field(description="The organization's name in English.")
    name_original: str | None = Field(
        default=None, description="Its name in the original language, where known (e.g. the Spanish name of an NGO)."
    )
    aliases: Aliases
    org_type: vocab("org_type", "What kind of organization it is.")
    country: Annotated[
        str | None,
        Field(default=None, pattern=COUNTRY, description="Country it belongs to or is based in (ISO 3166-1 alpha-2)."),
    ]
    method: Method
    provenance: Provenance


class Actor(Row):
    """A person or a group of people who speaks or acts in the sources; one row per real-world actor, across sources."""

    table: ClassVar[str] = "actors"
    table_title: ClassVar[str] = "Actors"
    primary_key: ClassVar[tuple[str, ...]] = ("actor_id",)
    sort: ClassVar[str | None] = "name"
    search: ClassVar[tuple[str, ...]] = ("name", "aliases", "role")

    actor_id: Slug = Field(description="Readable id of the actor.")
    name: NonEmpty = Field(
        description='The person\'s name, or a descriptive label for an unnamed person or group (e.g. "relatives of inmates").'
    )
    actor_type: vocab("actor_type", "Whether the actor is one person or a group.")
    role: str | None = Field(
        default=None,
        description='Their role or title as the sources give it (e.g. "Minister of the Interior and Justice").',
    )
    organization_id: ref("organizations", "The organization the actor belongs to or speaks for, if any.")
    aliases: Aliases
    method: Method
    provenance: Provenance


class Place(Row):
    """A place named in the sources. Coordinates come only from a named gazetteer, never invented."""

    table: ClassVar[str] = "places"
    table_title: ClassVar[str] = "Places"
    primary_key: ClassVar[tuple[str, ...]] = ("place_id",)
    sort: ClassVar[str | None] = "name"
    search: ClassVar[tuple[str, ...]] = ("name", "aliases")

    place_id: Slug = Field(description="Readable id of the place.")
    name: NonEmpty = Field(description="The place's name in English.")
    place_type: vocab("place_type", "What kind of place it is.")
    country: Annotated[
        str | None,
        Field(
            default=None,
            pattern=COUNTRY,
            description="Country the place is in (ISO 3166-1 alpha-2); empty for regions spanning countries.",
        ),
    ]
    admin1: str | None = Field(default=None, description="First-order administrative division (state) the place is in.")
    aliases: Aliases
    geonames_id: Annotated[
        int | None,
        Field(default=None, ge=1, description="GeoNames id of the place, where the shipped gazetteer has it."),
    ]
    latitude: Annotated[
        float | None,
        Field(
            default=None,
            ge=-90,
            le=90,
            description="Latitude in decimal degrees (WGS 84), from `coordinate_source` only.",
        ),
    ]
    longitude: Annotated[
        float | None,
        Field(
            default=None,
            ge=-180,
            le=180,
            description="Longitude in decimal degrees (WGS 84), from `coordinate_source` only.",
        ),
    ]
    coordinate_source: str | None = Field(
        default=None, description="The gazetteer the coordinates come from; empty when there are none."
    )
    coordinate_precision: vocab(
        "coordinate_precision",
        "What the point stands for: a locality, or a whole country (a country point is not a site).",
        optional=True,
    )
    method: Method
    provenance: Provenance

    @model_validator(mode="after")
    def _coordinates_have_a_source(self):
        has = [self.latitude is not None, self.longitude is not None]
        if any(has) and not all(has):
            raise ValueError("latitude and longitude go together")
        if all(has) != (self.coordinate_source is not None) or all(has) != (self.coordinate_precision is not None):
            raise ValueError("coordinate_source and coordinate_precision are set exactly when coordinates are")
        return self


class Event(Row):
    """Something that happened, reported by one or more sources; one row per real-world event."""

    table: ClassVar[str] = "events"
    table_title: ClassVar[str] = "Events"
    primary_key: ClassVar[tuple[str, ...]] = ("event_id",)
    sort: ClassVar[str | None] = "date"
    search: ClassVar[tuple[str, ...]] = ("summary",)

    event_id: Slug = Field(description="Readable id of the event.")
    event_type: vocab(
        "event_type",
        "What kind of event it is: one of ACLED's event types, or a project extension (see the `vocabularies` table).",
    )
    sub_event_type: vocab(
        "sub_event_type",
        "ACLED's sub-event type, under `event_type`; empty for an extension event type, which has none.",
        optional=True,
    )
    date: dt.date | None = Field(
        default=None,
        description='When it happened, resolved against the publication date ("on Wednesday" in a report of 2023-09-20 is 2023-09-20).',
    )
    date_precision: vocab("date_precision", "How precise `date` is.")
    date_note: str | None = Field(
        default=None, description="How the date was resolved, quoting the source's words.", json_schema_extra=DETAIL
    )
    place_id: ref("places", "Where it happened.")
    summary: NonEmpty = Field(description="One sentence saying what happened, written by the curators.")
    method: Method
    provenance: Provenance

    @model_validator(mode="after")
    def _date_matches_precision(self):
        if (self.date is None) != (self.date_precision == "unknown"):
            raise ValueError("date is empty exactly when date_precision is 'unknown'")
        return self

    @model_validator(mode="after")
    def _sub_event_type_is_under_event_type(self):
        subs = sorted(k for k, parent in vocabulary_parents("sub_event_type").items() if parent == self.event_type)
        if subs and self.sub_event_type not in subs:
            raise ValueError(f"event_type '{self.event_type}' needs a sub_event_type, one of: {', '.join(subs)}")
        if not subs and self.sub_event_type is not None:
            raise ValueError(f"event_type '{self.event_type}' has no sub_event_type (it is a project extension)")
        return self


class EventParticipant(Row):
    """Who took part in an event, and how."""

    table: ClassVar[str] = "event_participants"
    table_title: ClassVar[str] = "Event participants"
    primary_key: ClassVar[tuple[str, ...]] = ("participant_id",)
    sort: ClassVar[str | None] = "event_id"

    participant_id: NonEmpty = Field(description="`event_id`, participant id and role joined by `--`.")
    event_id: required_ref("events", "The event.")
    actor_id: ref("actors", "The participating actor (set this or `organization_id`).")
    organization_id: ref("organizations", "The participating organization (set this or `actor_id`).")
    role: vocab("participant_role", "How the participant took part.")
    method: Method
    provenance: Provenance

    @model_validator(mode="after")
    def _one_participant(self):
        exactly_one(self, ("actor_id", "organization_id"))
        return self


class Quote(Spanned):
    """Words attributed to someone in a source, with their exact place in the text."""

    table: ClassVar[str] = "quotes"
    table_title: ClassVar[str] = "Quotes"
    primary_key: ClassVar[tuple[str, ...]] = ("quote_id",)
    sort: ClassVar[str | None] = "quote_id"
    search: ClassVar[tuple[str, ...]] = ("text", "attribution")

    quote_id: Slug = Field(description="Id of the quote: the source id and a number.")
    source_id: required_ref("sources", "The article the quote is in.")
    text: NonEmpty = Field(description="The quoted words exactly as printed, without the enclosing quotation marks.")
    kind: vocab("quote_kind", "Direct, partial, indirect, or written (press release, statement, post).")
    speaker_actor_id: ref("actors", "Who said it, when the speaker is a person or group.")
    speaker_organization_id: ref("organizations", "Who said it, when the speaker is an organization.")
    attribution: str | None = Field(
        default=None,
        description='The attribution cue as printed (e.g. "says", "stated in a message sent to the press"); empty when the text gives none.',
    )
    event_id: ref("events", "The event the quote is about, if any.")
    char_start: CharStart
    char_end: CharEnd
    method: Method
    provenance: Provenance

    @model_validator(mode="after")
    def _one_speaker(self):
        exactly_one(self, ("speaker_actor_id", "speaker_organization_id"), allow_none=True)
        return self


class Figure(Spanned):
    """A number in a source (a count, a duration, an age, an amount), with what it counts."""

    table: ClassVar[str] = "figures"
    table_title: ClassVar[str] = "Figures"
    primary_key: ClassVar[tuple[str, ...]] = ("figure_id",)
    sort: ClassVar[str | None] = "figure_id"
    span_field: ClassVar[str] = "surface"

    figure_id: Slug = Field(description="Id of the figure: the source id and a number.")
    source_id: required_ref("sources", "The article the figure is in.")
    surface: NonEmpty = Field(
        description='The figure exactly as printed, with its qualifier (e.g. "approximately 2,500").'
    )
    value: Annotated[
        Number,
        Field(
            default=None,
            description='The number the text states (negative when it says so: "minus 1.4"; a fraction as its decimal: "two-thirds" = 0.6667; the low end of a range). For vague quantities, the smallest amount the word allows ("dozens" = 24), or empty when it allows none ("many").',
        ),
    ]
    value_max: Annotated[
        Number,
        Field(
            default=None,
            description='The high end of a range ("between 10 and 20": 20; "$89 to $93 billion": 93000000000); empty for a single number.',
        ),
    ]
    qualifier: vocab("qualifier", "How exact the number is.")
    unit: vocab("unit", "The unit of `value`.")
    counts: NonEmpty = Field(
        description='What is counted or measured (e.g. "prisoners", "security force members", "age in years").'
    )
    counts_key: str | None = Field(
        default=None,
        description='What is counted, normalized: the singular head noun of `counts`, synonyms merged ("detainees who escaped" and "inmates moved" are both `prisoner`; see `lexicons/claims.yaml`); empty when `counts` is too general to compare ("people", ages, durations). Set from `counts` when not given. Figures of different sources are compared only when they share the event, the unit and this key.',
    )
    actor_id: ref("actors", "The actor the figure is about, if any (an age, a sentence, a group's size).")
    organization_id: ref("organizations", "The organization the figure is about, if any.")
    event_id: ref("events", "The event the figure is about, if any.")
    char_start: CharStart
    char_end: CharEnd
    method: Method
    provenance: Provenance

    NEVER_NEGATIVE: ClassVar[frozenset[str]] = frozenset(
        {"count", "fraction", "year", "decade", "month", "week", "day", "hour", "minute"}
    )

    @model_validator(mode="before")
    @classmethod
    def _counts_key_from_counts(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("counts_key") is None and isinstance(data.get("counts"), str):
            from .claims import counts_key  # the claims module imports the models

            data = {**data, "counts_key": counts_key(data["counts"])}
        return data

    @model_validator(mode="after")
    def _value_unless_vague(self):
        if self.value is None and self.qualifier != "vague":
            raise ValueError("value may be empty only for a vague quantity")
        if self.value is not None and self.value < 0 and self.unit in self.NEVER_NEGATIVE:
            raise ValueError(f"a {self.unit} cannot be negative")
        if self.value_max is not None and (self.value is None or self.value_max <= self.value):
            raise ValueError("value_max must be above value")
        return self


class Mention(Spanned):
    """One place in a source where an actor, organization, place or event is mentioned."""

    table: ClassVar[str] = "mentions"
    table_title: ClassVar[str] = "Mentions"
    primary_key: ClassVar[tuple[str, ...]] = ("mention_id",)
    sort: ClassVar[str | None] = "mention_id"

    mention_id: NonEmpty = Field(description="Id of the mention: source id and character offsets.")
    source_id: required_ref("sources", "The article the mention is in.")
    entity_type: vocab("entity_type", "Which table the mentioned entity is in.")
    actor_id: ref("actors", "The mentioned actor (when `entity_type` is actor).")
    organization_id: ref("organizations", "The mentioned organization (when `entity_type` is organization).")
    place_id: ref("places", "The mentioned place (when `entity_type` is place).")
    event_id: ref("events", "The mentioned event (when `entity_type` is event).")
    text: NonEmpty = Field(description="The mention exactly as printed.")
    char_start: CharStart
    char_end: CharEnd
    method: Method
    provenance: Provenance

    @model_validator(mode="after")
    def _entity_matches_type(self):
        column = f"{self.entity_type}_id"
        exactly_one(self, ("actor_id", "organization_id", "place_id", "event_id"))
        if getattr(self, column) is None:
            raise ValueError(f"entity_type is {self.entity_type!r} but {column} is empty")
        return self


class VocabularyTerm(Row):
    """One value of a controlled vocabulary, with its meaning."""

    table: ClassVar[str] = "vocabularies"
    table_title: ClassVar[str] = "Vocabularies"
    primary_key: ClassVar[tuple[str, ...]] = ("vocabulary", "value")
    sort: ClassVar[str | None] = "vocabulary"

    vocabulary: NonEmpty = Field(
        description="The vocabulary (the column it is used in, e.g. `event_type`, `qualifier`)."
    )
    value: NonEmpty = Field(description="The value as it appears in the data.")
    description: NonEmpty = Field(description="What the value means; for `event_type`, its ACLED equivalent.")


class Claim(Spanned):
    """Who asserts or denies what about an event, in one source, resting on the cited words."""

    table: ClassVar[str] = "claims"
    table_title: ClassVar[str] = "Claims"
    primary_key: ClassVar[tuple[str, ...]] = ("claim_id",)
    sort: ClassVar[str | None] = "claim_id"
    search: ClassVar[tuple[str, ...]] = ("proposition", "text")

    claim_id: Slug = Field(description="Id of the claim: the source id and a number.")
    event_id: required_ref("events", "The event the claim is about.")
    source_id: required_ref("sources", "The article that carries the claim.")
    claimant_actor_id: ref(
        "actors", 'Who asserts it, when a person or group (including unnamed sources such as "a police source").'
    )
    claimant_organization_id: ref(
        "organizations", "Who asserts it, when an organization (including the reporting outlet itself)."
    )
    proposition: NonEmpty = Field(
        description='A short normalized statement of what is claimed (e.g. "detainees escaped during the operation").'
    )
    polarity: vocab("polarity", "Whether the claimant asserts or denies the proposition.")
    certainty: vocab("certainty", "How the claim is made: stated, reported from others, or rumored.")
    quote_id: ref("quotes", "The quotation the claim rests on, if any.")
    figure_id: ref("figures", "The figure the claim rests on, if any.")
    text: NonEmpty = Field(description="The words of the source that make the claim, exactly as printed.")
    char_start: CharStart
    char_end: CharEnd
    method: Method
    provenance: Provenance

    @model_validator(mode="after")
    def _one_claimant(self):
        exactly_one(self, ("claimant_actor_id", "claimant_organization_id"), allow_none=True)
        return self


class ClaimRelation(Row):
    """How two claims bear on each other: corroboration, contradiction or qualification."""

    table: ClassVar[str] = "claim_relations"
    table_title: ClassVar[str] = "Claim relations"
    primary_key: ClassVar[tuple[str, ...]] = ("relation_id",)
    sort: ClassVar[str | None] = "relation_id"

    relation_id: NonEmpty = Field(description="`claim_id`, relation and `other_claim_id` joined by `--`.")
    claim_id: Annotated[Slug, Field(description="The first claim.", json_schema_extra={"references": "claims"})]
    other_claim_id: Annotated[
        Slug, Field(description="The claim it is related to.", json_schema_extra={"references": "claims"})
    ]
    relation: vocab("claim_relation", "How the first claim bears on the other.")
    note: str | None = Field(default=None, description="Why, in a sentence.")
    scope: vocab(
        "relation_scope",
        "Whether the two claims come from different sources (`cross_source`: the reports disagree or agree) or from one (`within_source`: one report holds both); set by the build for every relation.",
        optional=True,
    )
    method: Method
    provenance: Provenance

    @model_validator(mode="after")
    def _two_claims(self):
        if self.claim_id == self.other_claim_id:
            raise ValueError("a claim is not related to itself")
        return self


class RuleScore(Row):
    """How well the rule-based extractors reproduce the curated rows of a source (or of all curated sources)."""

    table: ClassVar[str] = "rule_scores"
    table_title: ClassVar[str] = "Rule scores"
    primary_key: ClassVar[tuple[str, ...]] = ("score_id",)
    sort: ClassVar[str | None] = "score_id"

    score_id: NonEmpty = Field(description="`source_id` (or `all`) and the measure joined by `--`.")
    source_id: ref("sources", "The curated source scored; empty for the total over all curated sources.")
    measure: vocab("score_measure", "What is scored.")
    curated: Annotated[int, Field(ge=0, description="How many curated items there are to find.")]
    extracted: Annotated[int, Field(ge=0, description="How many items the rules produced.")]
    matched: Annotated[int, Field(ge=0, description="How many rule items match a curated item.")]
    precision: Annotated[
        float | None,
        Field(default=None, ge=0, le=1, description="matched / extracted (empty when nothing was extracted)."),
    ]
    recall: Annotated[
        float | None,
        Field(default=None, ge=0, le=1, description="matched / curated (empty when nothing is curated)."),
    ]
    f1: Annotated[float | None, Field(default=None, ge=0, le=1, description="Harmonic mean of precision and recall.")]


MODELS: tuple[type[Row], ...] = (
    Source,
    Organization,
    Actor,
    Place,
    Event,
    EventParticipant,
    Quote,
    Figure,
    Mention,
    Claim,
    ClaimRelation,
    RuleScore,
    VocabularyTerm,
)
TABLES: dict[str, type[Row]] = {m.table: m for m in MODELS}


def vocabulary_rows() -> list[VocabularyTerm]:
    return [
        VocabularyTerm(vocabulary=name, value=value, description=text)
        for name, values in vocabularies().items()
        for value, text in values.items()
    ]
