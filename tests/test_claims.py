"""Claims and their relations: the quantity logic, the proposals, the curated seeds, and how they are shown."""

import asyncio
import datetime as dt

import pytest

from extract.claims import compare_quantities, propose_relations
from extract.errors import BuildFailed
from extract.models import Claim, ClaimRelation, Event, Figure
from extract.pipeline import assemble
from extract.serve import datasette_app

from conftest import ANNOTATION, make_project


@pytest.mark.parametrize("a, b, relation", [
    ((5000, "approximate"), (5000, "exact"), "corroborates"),      # "some 5,000" and "5,000" agree
    ((11000, "approximate"), (11000, "exact"), "corroborates"),
    ((5000, "approximate"), (5400, "exact"), "corroborates"),      # within the ±10 % of "about"
    ((20, "exact"), (25, "approximate"), "contradicts"),
    ((5000, "exact"), (6000, "exact"), "contradicts"),
    ((8, "at_least"), (4, "exact"), "contradicts"),                # "at least eight" cannot be four
    ((100, "more_than"), (100, "exact"), "contradicts"),           # "more than a hundred" is not a hundred
    ((10, "at_least"), (12, "exact"), "qualifies"),                # a bound that the other fits
    ((1, "less_than"), (1, "exact"), "corroborates"),
    ((3, "vague"), (None, "vague"), "qualifies"),                  # "several" and "many"
])
def test_figures_are_compared_with_their_qualifiers(a, b, relation):
    assert compare_quantities(a, b)[0] == relation
    assert compare_quantities(b, a)[0] == relation


def claim(claim_id, source_id, event_id, polarity="asserts", method="rule", figure_id=None, proposition="p"):
    return Claim(claim_id=claim_id, event_id=event_id, source_id=source_id, proposition=proposition, polarity=polarity,
                 certainty="stated", figure_id=figure_id, text="x", char_start=0, char_end=1, method=method, provenance="t")


EVENTS = [Event(event_id=e, event_type="escape", date=dt.date(2024, 1, 1), date_precision="day", summary="s",
                method="rule", provenance="t") for e in ("e1", "e2", "e3")]


def test_opposite_polarity_on_the_same_event_type_and_date_is_a_contradiction():
    claims = [claim("a-c1", "a", "e1"), claim("b-c1", "b", "e2", polarity="denies"), claim("c-c1", "c", "e3")]
    found = {(r.claim_id, r.relation, r.other_claim_id) for r in propose_relations(claims, [], EVENTS, [])}
    assert found == {("a-c1", "contradicts", "b-c1"), ("a-c1", "corroborates", "c-c1"), ("b-c1", "contradicts", "c-c1")}


def test_no_proposal_within_one_source_or_where_a_curator_decided():
    curated = [ClaimRelation(relation_id="x", claim_id="a-c1", other_claim_id="b-c1", relation="qualifies", method="curated", provenance="t")]
    claims = [claim("a-c1", "a", "e1"), claim("a-c2", "a", "e1", polarity="denies"), claim("b-c1", "b", "e2", polarity="denies")]
    found = {(r.claim_id, r.other_claim_id) for r in propose_relations(claims, [], EVENTS, curated)}
    assert found == {("a-c2", "b-c1")}


def test_curated_claims_are_never_related_by_polarity_alone():
    claims = [claim("a-c1", "a", "e1", method="curated"), claim("b-c1", "b", "e2", polarity="denies", method="curated")]
    assert propose_relations(claims, [], EVENTS, []) == []


def test_figures_about_the_same_quantity_are_linked():
    figures = [Figure(figure_id=f, source_id=s, surface=t, value=v, qualifier=q, unit="count", counts="soldiers deployed",
                      char_start=0, char_end=len(t), method="curated", provenance="t")
               for f, s, t, v, q in [("a-f1", "a", "some 5,000", 5000, "approximate"), ("b-f1", "b", "5,000", 5000, "exact")]]
    claims = [claim("a-c1", "a", "e1", method="curated", figure_id="a-f1"), claim("b-c1", "b", "e2", method="curated", figure_id="b-f1")]
    [relation] = propose_relations(claims, figures, EVENTS, [])
    assert (relation.relation, relation.method) == ("corroborates", "rule") and "some 5,000" in relation.note


def test_the_seeds_record_who_claimed_what_and_where_they_disagree(built):
    dataset = assemble(built)
    claims = {c.claim_id: c for c in dataset.rows("claims")}
    government = claims["efe-2023-09-20-tocoron-c05"]
    assert (government.claimant_organization_id, government.polarity) == ("venezuelan-government", "denies")
    relations = {(r.claim_id, r.relation, r.other_claim_id): r.method for r in dataset.rows("claim_relations")}
    assert relations[("efe-2023-09-20-tocoron-c05", "contradicts", "efe-2023-09-20-tocoron-c03")] == "curated"
    assert relations[("afp-2023-09-20-tocoron-c01", "corroborates", "efe-2023-09-20-tocoron-c06")] == "rule"  # 11,000 in both
    text = {s.source_id: s.text for s in dataset.rows("sources")}
    for c in claims.values():
        assert text[c.source_id][c.char_start:c.char_end] == c.text


CLAIM = ("events:\n  - id: raid\n    event_type: strategic_developments\n    sub_event_type: arrests\n    date: 2024-01-01\n    date_precision: day\n    summary: A raid.\n"
         "claims:\n  - id: c01\n    text: Police raided the Northgate jail\n    event_id: raid\n    proposition: p\n"
         "    polarity: asserts\n    certainty: stated\n")


@pytest.mark.parametrize("extra, field", [
    ("    quote_id: q09\n", "quote_id"),
    ("claim_relations:\n  - {claim_id: c01, other_claim_id: c07, relation: contradicts}\n", "other_claim_id"),
])
def test_a_claim_citing_a_missing_quote_or_claim_is_refused(tmp_path, extra, field):
    with pytest.raises(BuildFailed) as info:
        assemble(make_project(tmp_path, annotation=ANNOTATION + CLAIM + extra))
    assert [(e[2], e[3]) for e in info.value.flatten()] == [(field, "reference-error")]


def test_an_uncurated_article_gets_rule_claims_related_to_curated_ones(tmp_path):
    annotation = ANNOTATION + ("events:\n  - id: escape\n    event_type: escape\n    date: 2024-01-01\n    date_precision: day\n"
                               "    summary: Inmates escape.\n    mentions: [Some 300 inmates were moved]\n"
                               "claims:\n  - id: c01\n    text: Some 300 inmates were moved\n    event_id: escape\n"
                               "    proposition: inmates escaped\n    polarity: asserts\n    certainty: stated\n")
    project = make_project(tmp_path, annotation=annotation)
    (project.seeds / "200_denial.txt").write_text("The governor denied that any inmates escaped on Monday.", encoding="utf-8")
    (project.seeds / "200_denial.meta.yaml").write_text(
        'source_id: other-2024-01-03\npublisher: X\npublished: "2024-01-03"\ntitle: t\nlanguage: en\nrights: r\n', encoding="utf-8")
    dataset = assemble(project)
    [rule_claim] = [c for c in dataset.rows("claims") if c.method == "rule"]
    assert (rule_claim.polarity, rule_claim.source_id) == ("denies", "other-2024-01-03")
    [relation] = [r for r in dataset.rows("claim_relations") if r.method == "rule"]
    assert relation.relation == "contradicts" and {relation.claim_id, relation.other_claim_id} == {
        rule_claim.claim_id, "test-2024-01-01-northgate-c01"}


def test_the_article_view_marks_contradicted_claims_and_links_the_other_passage(built):
    ds = datasette_app(built.root)
    page = asyncio.run(ds.client.get("/article/afp-2023-09-20-tocoron")).text
    assert 'class="hl hl-contested"' in page
    assert 'href="/article/efe-2023-09-20-tocoron#claim-efe-2023-09-20-tocoron-c07"' in page
    other = asyncio.run(ds.client.get("/article/efe-2023-09-20-tocoron")).text
    assert 'id="claim-efe-2023-09-20-tocoron-c07"' in other


@pytest.mark.parametrize("query", ["where_reports_disagree", "corroborated_claims"])
def test_the_claim_queries_return_cross_source_pairs(built, query):
    rows = asyncio.run(datasette_app(built.root).client.get(f"/tocoron/{query}.json?_shape=array")).json()
    assert rows and any(r.get("source_a") != r.get("source_b") for r in rows)
