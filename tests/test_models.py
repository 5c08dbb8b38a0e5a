"""The models refuse rows that would break the dataset's promises."""

import pytest
from pydantic import ValidationError

from extract.models import MODELS, Event, Figure, Mention, Place, Quote

QUOTE = dict(
    quote_id="s-q01",
    source_id="s",
    text="We found nothing",
    kind="direct",
    char_start=10,
    char_end=26,
    method="curated",
    provenance="f.yaml:1",
)
FIGURE = dict(
    figure_id="s-f01",
    source_id="s",
    surface="300",
    value=300,
    qualifier="exact",
    unit="count",
    counts="inmates",
    char_start=0,
    char_end=3,
    method="curated",
    provenance="f.yaml:1",
)


def test_valid_rows_are_accepted():
    Quote(**QUOTE)
    Figure(**FIGURE)


@pytest.mark.parametrize(
    "model, base, change",
    [
        (Quote, QUOTE, {"kind": "shouted"}),  # outside its vocabulary
        (Quote, QUOTE, {"text": ""}),  # empty text
        (Quote, QUOTE, {"char_end": 30}),  # offsets do not span the text
        (Quote, QUOTE, {"char_start": -1, "char_end": 15}),  # negative offset
        (Quote, QUOTE, {"speaker_actor_id": "a", "speaker_organization_id": "o"}),  # two speakers
        (Quote, QUOTE, {"method": "guessed"}),
        (Quote, QUOTE, {"quote_id": "Not A Slug"}),
        (Quote, QUOTE, {"extra_column": 1}),
        (Figure, FIGURE, {"value": -5}),  # negative count
        (Figure, FIGURE, {"value": None}),  # no value, yet not vague
        (Figure, FIGURE, {"unit": "furlongs"}),
    ],
)
def test_bad_rows_are_refused(model, base, change):
    with pytest.raises(ValidationError):
        model(**{**base, **change})


def test_an_event_date_must_match_its_precision():
    base = dict(event_id="e", event_type="escape", summary="s", method="curated", provenance="f:1")
    Event(**base, date_precision="unknown")
    with pytest.raises(ValidationError):
        Event(**base, date_precision="day")
    with pytest.raises(ValidationError):
        Event(**base, date="2023-09-20", date_precision="unknown")


@pytest.mark.parametrize(
    "event_type, sub_event_type, valid",
    [
        ("protests", "peaceful_protest", True),
        ("protests", None, False),  # an ACLED event type needs its sub-event type
        ("protests", "arrests", False),  # a sub-event type of another event type
        ("escape", None, True),  # an extension has none
        ("escape", "peaceful_protest", False),
    ],
)
def test_a_sub_event_type_sits_under_its_event_type(event_type, sub_event_type, valid):
    row = dict(
        event_id="e",
        event_type=event_type,
        sub_event_type=sub_event_type,
        date_precision="unknown",
        summary="s",
        method="curated",
        provenance="f:1",
    )
    if valid:
        Event(**row)
    else:
        with pytest.raises(ValidationError, match="sub_event_type"):
            Event(**row)


def test_coordinates_need_a_named_source():
    base = dict(place_id="p", name="P", place_type="locality", method="curated", provenance="f:1")
    with pytest.raises(ValidationError):
        Place(**base, latitude=10.0, longitude=-67.0)
    with pytest.raises(ValidationError):
        Place(**base, latitude=10.0, longitude=-67.0, coordinate_source="GeoNames")  # and a precision
    Place(**base, latitude=10.0, longitude=-67.0, coordinate_source="GeoNames", coordinate_precision="locality")


def test_a_mention_names_exactly_the_entity_of_its_type():
    base = dict(mention_id="m", source_id="s", text="x", char_start=0, char_end=1, method="curated", provenance="f:1")
    Mention(**base, entity_type="actor", actor_id="a")
    with pytest.raises(ValidationError):
        Mention(**base, entity_type="actor", place_id="p")


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.table)
def test_every_field_is_described(model):
    undescribed = [name for name, info in model.model_fields.items() if not info.description]
    assert undescribed == []
