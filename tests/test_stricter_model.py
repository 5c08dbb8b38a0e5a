"""Values no report can hold are refused by the models and the dataset checks, with where they come from."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from click.testing import CliRunner
from conftest import ANNOTATION, make_project
from pydantic import ValidationError

from extract.cli import main
from extract.errors import BuildFailed, DuplicateIdError, FieldError
from extract.models import Figure, Quote, Source
from extract.pipeline import assemble
from extract.validate import check_dataset


@pytest.fixture(scope="module")
def dataset(built):
    return assemble(built)


@pytest.mark.parametrize("value", [math.inf, -math.inf, math.nan, 1e300, -2e15])
def test_a_figure_value_must_be_a_finite_number_of_sane_size(dataset, value):
    figure = dataset.rows("figures")[0]
    with pytest.raises(ValidationError):
        Figure(**(figure.model_dump() | {"value": value}))
    Figure(**(figure.model_dump() | {"value": 12_000_000_000.0, "qualifier": "exact"}))  # large but real


def test_a_blank_quotation_is_refused(dataset):
    quote = dataset.rows("quotes")[0]
    with pytest.raises(ValidationError, match="must not be blank"):
        Quote(**(quote.model_dump() | {"text": " \n\t "}))


@pytest.mark.parametrize("published", ["2999-09-20 garbage", "20/09/2023", "2023-09-31", "yesterday"])
def test_published_must_be_iso_8601(dataset, published):
    source = dataset.rows("sources")[0]
    with pytest.raises(ValidationError, match="ISO 8601"):
        Source(**(source.model_dump() | {"published": published}))


@pytest.mark.parametrize("published", ["2023-09-20", "2023-09-20T23:46:14", "2023-09-20T23:46"])
def test_iso_8601_dates_and_times_are_accepted(dataset, published):
    source = dataset.rows("sources")[0]
    assert Source(**(source.model_dump() | {"published": published})).published == published


def test_two_quotations_over_the_same_characters_are_refused(dataset):
    quotes = dataset.rows("quotes")
    twin = quotes[0].model_copy(update={"quote_id": quotes[0].quote_id + "-twin"})
    dataset.tables["quotes"] = [*quotes, twin]
    try:
        with pytest.raises(BuildFailed) as caught:
            check_dataset(dataset)
    finally:
        dataset.tables["quotes"] = quotes
    assert [type(e) for e in caught.value.errors] == [DuplicateIdError]
    assert "cite the same characters" in str(caught.value) and caught.value.errors[0].location.line


def test_an_event_dated_years_after_its_reports_is_refused(dataset):
    events = dataset.rows("events")
    mentioned = {m.event_id for m in dataset.rows("mentions") if m.event_id}
    event = next(e for e in events if e.event_id in mentioned and e.date_precision == "day")
    late = event.model_copy(update={"date": dt.date(2049, 1, 1)})
    dataset.tables["events"] = [late if e is event else e for e in events]
    try:
        with pytest.raises(BuildFailed) as caught:
            check_dataset(dataset)
    finally:
        dataset.tables["events"] = events
    assert [type(e) for e in caught.value.errors] == [FieldError]
    assert "more than a year after its latest report" in str(caught.value)
    assert caught.value.errors[0].location.field == "date"


def test_typed_coordinates_are_refused_with_their_line(tmp_path):
    place = (
        "places:\n  - id: northgate\n    name: Northgate\n    place_type: locality\n    country: VE\n"
        "    latitude: 10.2\n    mentions: [Northgate]\n"
    )
    make_project(tmp_path, annotation=ANNOTATION + place)
    result = CliRunner().invoke(main, ["build", "--root", str(tmp_path)])
    assert result.exit_code == 1
    line = ANNOTATION.count("\n") + 6
    assert (
        f"test-2024-01-01-northgate.yaml:{line}, field 'latitude': [field-error]" in result.output
        and "latitude may not be typed" in result.output
    ), result.output
