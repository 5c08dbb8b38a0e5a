"""Validation shared with a helper process: the same problems as one process validating everything,
each resource validated by one of the two, and the helper's proofs remembered in the cache."""

import csv
import io
import shutil

import pytest
from test_package_check import dangling_actor_csv, rewrite

from extract import package_check
from extract.package_check import SharedValidation, frictionless_problems


@pytest.fixture
def package(built, tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(built.data, copy)
    return copy


def helper_did_everything(package, cache=None) -> list:
    """Problems when the helper has claimed every resource before this process looks (no race)."""
    with SharedValidation(package / "datapackage.json", cache, helper=True) as validation:
        validation.helper.wait()
        return validation.problems()


def test_a_valid_package_has_no_problems_when_shared(package):
    assert helper_did_everything(package) == []


def test_the_helpers_problems_are_reported(package):
    rewrite(package, "actors", dangling_actor_csv(package))
    found = helper_did_everything(package)
    assert found == frictionless_problems(package / "datapackage.json")
    assert any("actors: foreign-key" in message for _, message in found), found


def test_a_resource_the_helper_claimed_is_not_validated_again_here(package, monkeypatch):
    validated = []
    monkeypatch.setattr(package_check, "validate_resource", lambda resource, path: validated.append(resource.name))
    assert helper_did_everything(package) == []
    assert validated == []


def test_the_helpers_proofs_are_cached(package, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    assert helper_did_everything(package, cache) == []
    validated = []
    monkeypatch.setattr(package_check, "validate_resource", lambda resource, path: validated.append(resource.name))
    assert frictionless_problems(package / "datapackage.json", cache) == []
    assert validated == []  # every resource proven by the helper, none validated again


def test_without_a_helper_this_process_validates_every_resource(package, monkeypatch):
    validated = []
    real = package_check.validate_resource
    monkeypatch.setattr(package_check, "validate_resource", lambda r, p: validated.append(r.name) or real(r, p))
    with SharedValidation(package / "datapackage.json", helper=False) as validation:
        assert validation.problems() == []
    assert sorted(validated) == sorted(
        r.name for r in package_check.Package(str(package / "datapackage.json")).resources
    )


def test_the_helper_proves_a_changed_resource_from_its_rows_and_its_proof_is_kept(package, tmp_path):
    cache = tmp_path / "cache"
    assert frictionless_problems(package / "datapackage.json", cache) == []  # every CSV file's records remembered
    with (package / "csv" / "mentions.csv").open(encoding="utf-8", newline="") as handle:
        header, *records = list(csv.reader(handle))
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\n").writerows([header, *reversed(records)])
    rewrite(package, "mentions", buffer.getvalue().encode("utf-8"))  # new bytes, the same valid records
    (proof,) = cache.rglob("rows/mentions-*")
    before = proof.read_bytes()
    assert helper_did_everything(package, cache) == []
    after = proof.read_bytes()
    # the helper proved the file from its rows (stock validation leaves an existing proof as it was) and sent back
    # the digests of its records, in the new file's order
    assert after != before and sorted(after[i : i + 16] for i in range(0, len(after), 16)) == sorted(
        before[i : i + 16] for i in range(0, len(before), 16)
    )


def test_the_validations_warm_up_runs_without_a_problem():
    """The build runs it while it would wait for its early rule worker and drops what it raises (``while_waiting``):
    a warm-up broken by a change to frictionless or to the published shape must fail here, not go unnoticed."""
    package_check.warm_up()
