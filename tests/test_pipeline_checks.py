"""The dataset checks before anything is written (``validate.check_keys``): unique primary keys and foreign keys
that name a row, reported row by row, in order, whatever the fast path over whole columns found."""

from __future__ import annotations

from types import SimpleNamespace as Row

from extract.errors import ErrorCollector
from extract.validate import check_keys


def problems(tables: dict) -> list[tuple[str, str, str | None]]:
    errors = ErrorCollector()
    check_keys(Row(tables=tables), errors)
    return [(type(e).__name__, e.note, e.location.file) for e in errors.errors]


def org(key: str, line: int) -> Row:
    return Row(organization_id=key, provenance=f"orgs.yaml:{line}")


def actor(key: str, organization: str | None, line: int) -> Row:
    return Row(actor_id=key, organization_id=organization, provenance=f"actors.yaml:{line}")


def test_clean_tables_pass():
    tables = {"organizations": [org("a", 1), org("b", 2)], "actors": [actor("p", "a", 1), actor("q", None, 2)]}
    assert problems(tables) == []


def test_each_repeated_key_and_each_unknown_reference_is_reported_in_row_order():
    tables = {
        "organizations": [org("a", 1), org("b", 2), org("a", 3), org("a", 4)],
        "actors": [
            actor("p", "zz", 1),
            actor("q", "a", 2),
            actor("r", None, 3),
            actor("s", "yy", 4),
            actor("p", "b", 5),
        ],
    }
    assert problems(tables) == [
        ("DuplicateIdError", "organizations has the key ('a',) more than once", "orgs.yaml:3"),
        ("DuplicateIdError", "organizations has the key ('a',) more than once", "orgs.yaml:4"),
        ("DuplicateIdError", "actors has the key ('p',) more than once", "actors.yaml:5"),
        ("UnknownReferenceError", "actors.organization_id = 'zz' names no row of organizations", "actors.yaml:1"),
        ("UnknownReferenceError", "actors.organization_id = 'yy' names no row of organizations", "actors.yaml:4"),
    ]


def test_a_reference_to_a_table_not_in_the_dataset_names_no_row():
    assert problems({"actors": [actor("p", "a", 1)]}) == [
        ("UnknownReferenceError", "actors.organization_id = 'a' names no row of organizations", "actors.yaml:1")
    ]
