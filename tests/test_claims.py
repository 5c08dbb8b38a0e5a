"""Claims and their relations: the quantity logic, the proposals, the curated seeds, and how they are shown."""

import asyncio
import datetime as dt
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ANNOTATION, ROOT, make_project

from extract.claims import MAX_PARTNERS, compare_quantities, counts_key, known_place_names, names_in, propose_relations
from extract.errors import BuildFailed
from extract.models import Claim, ClaimRelation, Event, Figure, Source
from extract.pipeline import assemble
from extract.publish.datasette import QUERIES_FILE
from extract.publish.sqlite import write_database
from extract.rules import lexicon
from extract.rules.rows import claim_cues, clause_polarity
from extract.serve import datasette_app
from extract.yamlfile import read_data

QUANTITY_CASES = [
    ((5000, "approximate"), (5000, "exact"), "corroborates"),  # "some 5,000" and "5,000" agree
    ((11000, "approximate"), (11000, "exact"), "corroborates"),
    ((5000, "approximate"), (5400, "exact"), "corroborates"),  # within the ±10 % of "about"
    ((20, "exact"), (25, "approximate"), "contradicts"),
    ((5000, "exact"), (6000, "exact"), "contradicts"),
    ((8, "at_least"), (4, "exact"), "contradicts"),  # "at least eight" cannot be four
    ((100, "more_than"), (100, "exact"), "contradicts"),  # "more than a hundred" is not a hundred
    ((10, "at_least"), (12, "exact"), "qualifies"),  # a bound that the other fits
    ((1, "less_than"), (1, "exact"), "corroborates"),
    ((3, "vague"), (None, "vague"), "qualifies"),  # "several" and "many"
    ((100, "more_than"), (150, "at_least"), "qualifies"),
    ((30, "less_than"), (40, "approximate"), "contradicts"),
    ((19, "at_least"), (19, "at_least"), "corroborates"),  # the same open bound, twice
    ((2000, "vague"), (2000, "vague"), "corroborates"),  # "thousands" and "thousands"
]


@pytest.mark.parametrize("a, b, relation", QUANTITY_CASES)
def test_figures_are_compared_with_their_qualifiers(a, b, relation):
    assert compare_quantities(a, b)[0] == relation
    assert compare_quantities(b, a)[0] == relation


def claim(claim_id, source_id, event_id, polarity="asserts", method="rule", figure_id=None, proposition="p"):
    return Claim(
        claim_id=claim_id,
        event_id=event_id,
        source_id=source_id,
        proposition=proposition,
        polarity=polarity,
        certainty="stated",
        figure_id=figure_id,
        text="x",
        char_start=0,
        char_end=1,
        method=method,
        provenance="t",
    )


def event(event_id, event_type="escape", day=1):
    return Event(
        event_id=event_id,
        event_type=event_type,
        date=dt.date(2024, 1, day),
        date_precision="day",
        summary="s",
        method="rule",
        provenance="t",
    )


EVENTS = [event(e) for e in ("e1", "e2", "e3")]
RIVERTON = frozenset({"place:riverton"})


def test_opposite_polarity_on_one_event_with_a_shared_place_is_a_contradiction():
    claims = [claim("a-c1", "a", "e1"), claim("b-c1", "b", "e2", polarity="denies"), claim("c-c1", "c", "e3")]
    anchors = {c.claim_id: RIVERTON for c in claims}
    found = {(r.claim_id, r.relation, r.other_claim_id) for r in propose_relations(claims, [], EVENTS, [], anchors)}
    assert found == {("a-c1", "contradicts", "b-c1"), ("a-c1", "corroborates", "c-c1"), ("b-c1", "contradicts", "c-c1")}


@pytest.mark.parametrize(
    "events, anchors, related",
    [
        ([event("e1"), event("e2")], [RIVERTON, RIVERTON], True),
        ([event("e1"), event("e2")], [RIVERTON, frozenset({"place:lakeside"})], False),  # two escapes, two towns
        ([event("e1"), event("e2")], [frozenset(), frozenset()], False),  # type and date alone
        (
            [event("e1", "escape"), event("e2", "detainee_transfer")],
            [RIVERTON, RIVERTON],
            False,
        ),  # one town, two kinds of event
        ([event("e1"), event("e2", day=2)], [RIVERTON, RIVERTON], False),
        (
            [event("e1"), event("e2")],
            [frozenset({"entity:river-gang"}), frozenset({"entity:river-gang", "place:x"})],
            True,
        ),
    ],
)
def test_claims_relate_only_with_a_shared_event_type_date_and_anchor(events, anchors, related):
    claims = [claim("a-c1", "a", "e1"), claim("b-c1", "b", "e2")]
    found = propose_relations(claims, [], events, [], dict(zip(["a-c1", "b-c1"], anchors, strict=False)))
    assert bool(found) == related


def test_claims_citing_one_curated_event_relate_without_anchors():
    claims = [claim("a-c1", "a", "e1", method="curated"), claim("b-c1", "b", "e1", polarity="denies")]
    [relation] = propose_relations(claims, [], EVENTS, [])
    assert (relation.relation, relation.note) == (
        "contradicts",
        "the same event (e1); one asserts what the other denies",
    )


def test_no_proposal_within_one_source_or_where_a_curator_decided():
    curated = [
        ClaimRelation(
            relation_id="x",
            claim_id="a-c1",
            other_claim_id="b-c1",
            relation="qualifies",
            method="curated",
            provenance="t",
        )
    ]
    claims = [
        claim("a-c1", "a", "e1"),
        claim("a-c2", "a", "e1", polarity="denies"),
        claim("b-c1", "b", "e1", polarity="denies"),
    ]
    found = {(r.claim_id, r.other_claim_id) for r in propose_relations(claims, [], EVENTS, curated)}
    assert found == {("a-c2", "b-c1")}


def test_curated_claims_are_never_related_by_polarity_alone():
    claims = [claim("a-c1", "a", "e1", method="curated"), claim("b-c1", "b", "e1", polarity="denies", method="curated")]
    assert propose_relations(claims, [], EVENTS, []) == []


def figure(figure_id, source_id, surface, value, qualifier, counts, unit="count"):
    return Figure(
        figure_id=figure_id,
        source_id=source_id,
        surface=surface,
        value=value,
        qualifier=qualifier,
        unit=unit,
        counts=counts,
        char_start=0,
        char_end=len(surface),
        method="curated",
        provenance="t",
    )


def test_figures_about_the_same_quantity_are_linked():
    figures = [
        figure("a-f1", "a", "some 5,000", 5000, "approximate", "soldiers deployed"),
        figure("b-f1", "b", "5,000", 5000, "exact", "soldiers sent to the border"),
    ]
    claims = [
        claim("a-c1", "a", "e1", method="curated", figure_id="a-f1", proposition="p1"),
        claim("b-c1", "b", "e1", method="curated", figure_id="b-f1", proposition="p2"),
    ]
    [relation] = propose_relations(claims, figures, EVENTS, [])
    assert (relation.relation, relation.method) == ("corroborates", "rule") and "both count soldier" in relation.note


def test_rule_figures_with_the_same_words_but_nothing_counted_in_common_are_not_compared():
    figures = [figure("a-f1", "a", "20", 20, "exact", "people"), figure("b-f1", "b", "20", 20, "exact", "people")]
    claims = [
        claim("a-c1", "a", "e1", figure_id="a-f1", proposition="people: 20"),
        claim("b-c1", "b", "e1", figure_id="b-f1", proposition="people: 20"),
    ]
    assert propose_relations(claims, figures, EVENTS, [], {"a-c1": RIVERTON, "b-c1": RIVERTON}) == []


@pytest.mark.parametrize(
    "counts_a, counts_b",
    [
        ("armored vehicles deployed", "police officers deployed"),  # a dozen vehicles are not 900 officers
        ("people", "people"),  # too general to say it is the same count
        ("age in years", "age in years"),  # two persons' ages
    ],
)
def test_figures_counting_different_things_are_not_compared(counts_a, counts_b):
    figures = [figure("a-f1", "a", "dozens", 24, "vague", counts_a), figure("b-f1", "b", "900", 900, "exact", counts_b)]
    claims = [
        claim("a-c1", "a", "e1", method="curated", figure_id="a-f1", proposition="p1"),
        claim("b-c1", "b", "e1", method="curated", figure_id="b-f1", proposition="p2"),
    ]
    assert propose_relations(claims, figures, EVENTS, [], {"a-c1": RIVERTON, "b-c1": RIVERTON}) == []


@pytest.mark.parametrize(
    "counts, key",
    [
        ("inmates moved", "prisoner"),
        ("detainees who escaped", "prisoner"),
        ("prisoners to be transferred to other prisons", "prisoner"),
        ("armored vehicles deployed", "vehicle"),
        ("masked gunmen", "gunman"),
        ("police members deployed", "police member"),
        ("members of the rebel militia", "militia member"),
        ("towns the storm has reached", "town"),
        ("buses leaving the depot", "bus"),
        ("killed", "death"),
        ("civilians killed", "civilian death"),
        ("soldiers killed", "soldier death"),
        ("inmates killed in the riot", "prisoner death"),
        ("civilian deaths", "civilian death"),
        ("deaths of soldiers", "soldier death"),
        ("police members wounded", "police member injured"),
        ("people killed", "death"),
        ("dead", "death"),
        ("people", None),
        ("hours of waiting", None),
        ("unspecified", None),
    ],
)
def test_what_a_figure_counts_is_reduced_to_its_head_noun(counts, key):
    assert counts_key(counts) == key


@pytest.mark.parametrize("entry", lexicon.entries("claims", "synonyms"), ids=lambda e: e["id"])
def test_every_synonym_of_a_counted_thing_gives_its_entrys_key(entry):
    assert {counts_key(f"{word} counted") for word in entry["words"]} == {entry["id"]}


def test_a_figure_row_gets_its_counts_key_from_counts():
    assert figure("a-f1", "a", "12", 12, "exact", "inmates who fled").counts_key == "prisoner"


@pytest.mark.parametrize(
    "sentence, places",
    [
        ("Police raided a farm near Dunedin on Monday.", {"dunedin"}),
        ("DUNEDIN (Wire) - Police raided a farm on Monday.", {"dunedin"}),  # a dateline; "Police" is no town
        ("Union leaders met in Geelong and Ballarat.", {"geelong", "ballarat"}),
        ("Geelong fans cheered.", set()),  # one word opening a sentence
        ("The talks moved to Latin America and Peru.", set()),  # regions and countries are too broad
        ("Officers said reading the order took an hour.", set()),
    ],
)
def test_place_names_in_a_sentence(sentence, places):
    assert names_in(sentence, known_place_names()) == places


@pytest.mark.parametrize(
    "before_trigger, polarity",
    [
        ("Without warning, police", "asserts"),  # the negation is in another clause
        ("With no warrant in hand, officers", "asserts"),
        ("Officers with no warrant", "asserts"),  # a prepositional phrase, not the subject
        ("No inmates", "denies"),
        ("There was no", "denies"),
        ("None of the prisoners", "denies"),
        ("The guards did not", "denies"),
        ("Protesters have never", "denies"),
        ("The crowd didn\u2019t", "denies"),
        ("The ministry denied that any prisoners", "denies"),
        ("Soldiers foiled an", "denies"),
        ("Officials have not ruled out that prisoners", "asserts"),  # a negated denial denies nothing
        ("Guards stopped a fight and two prisoners", "asserts"),  # "stopped" governs the fight, not the escape
        ("It was not clear whether prisoners", "asserts"),
        ("The mayor said no one", "denies"),
        ("No one knew how many prisoners", "asserts"),  # the determiner is on another verb's subject
    ],
)
def test_polarity_comes_from_the_triggers_own_clause(before_trigger, polarity):
    assert clause_polarity(before_trigger)[0] == polarity


@pytest.mark.parametrize("entry", lexicon.entries("claims", "denial"), ids=lambda e: e["id"])
def test_every_denial_cue_denies(entry):
    subject = {
        "governs": "The ministry {w} that prisoners",
        "negates": "Prisoners did {w}",
        "determiner": "{w} prisoners",
    }[entry["kind"]]
    for word in entry["words"]:
        text = subject.format(w=word) if not (entry["kind"] == "negates" and word == "n't") else "Prisoners didn't"
        assert clause_polarity(text) == ("denies", entry["id"]), word


@pytest.mark.parametrize(
    "sentence, certainty",
    [
        ("Police raided the jail on Monday.", "stated"),
        ("Police reportedly raided the jail on Monday.", "reported"),
        ("Police allegedly raided the jail on Monday.", "rumored"),
        ("An unconfirmed account says police raided the jail.", "rumored"),  # rumored outranks reported
    ],
)
def test_a_claims_certainty_comes_from_the_cue_words_of_its_sentence(sentence, certainty):
    before_trigger = sentence[: sentence.index("raided")]
    assert claim_cues(before_trigger, sentence.lower()) == ("asserts", certainty)


def test_the_claim_pairing_benchmark_runs_and_reports_growth():
    result = subprocess.run(
        [sys.executable, "bench/claims_scale.py", "--sizes", "40", "80"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    rows = [line.split() for line in result.stdout.splitlines() if line.strip()[:1].isdigit()]
    assert [r[0] for r in rows] == ["40", "80"] and all(int(r[2].replace(",", "")) > 0 for r in rows)  # relations made


def test_pairing_emits_a_bounded_number_of_relations_per_claim():
    claims = [claim(f"s{i:03d}-c1", f"s{i:03d}", "e1", polarity="denies" if i % 3 else "asserts") for i in range(300)]
    relations = propose_relations(claims, [], EVENTS, [])
    assert 300 <= len(relations) <= 300 * 2 * MAX_PARTNERS  # all pairs would be 44,850
    assert {r.relation for r in relations} == {"corroborates", "contradicts"}


def test_the_seeds_record_who_claimed_what_and_where_they_disagree(built):
    dataset = assemble(built)
    claims = {c.claim_id: c for c in dataset.rows("claims")}
    government = claims["efe-2023-09-20-tocoron-c05"]
    assert (government.claimant_organization_id, government.polarity) == ("venezuelan-government", "denies")
    relations = {(r.claim_id, r.relation, r.other_claim_id): r.method for r in dataset.rows("claim_relations")}
    assert relations[("efe-2023-09-20-tocoron-c05", "contradicts", "efe-2023-09-20-tocoron-c03")] == "curated"
    assert (
        relations[("afp-2023-09-20-tocoron-c01", "corroborates", "efe-2023-09-20-tocoron-c06")] == "rule"
    )  # 11,000 in both
    # "several" detainees and "some" gang leaders who escaped count different people: no longer compared
    assert not [r for r in relations if r[0] == "afp-2023-09-20-tocoron-c02" and r[2] == "efe-2023-09-20-tocoron-c04"]
    scopes = {r.relation_id: r.scope for r in dataset.rows("claim_relations")}
    assert scopes["efe-2023-09-20-tocoron-c05--contradicts--efe-2023-09-20-tocoron-c03"] == "within_source"
    assert scopes["afp-2023-09-20-tocoron-c06--contradicts--efe-2023-09-20-tocoron-c07"] == "cross_source"
    text = {s.source_id: s.text for s in dataset.rows("sources")}
    for c in claims.values():
        assert text[c.source_id][c.char_start : c.char_end] == c.text


CLAIM = (
    "events:\n  - id: raid\n    event_type: strategic_developments\n    sub_event_type: arrests\n    date: 2024-01-01\n    date_precision: day\n    summary: A raid.\n"
    "claims:\n  - id: c01\n    text: Police raided the Northgate jail\n    event_id: raid\n    proposition: p\n"
    "    polarity: asserts\n    certainty: stated\n"
)


@pytest.mark.parametrize(
    "extra, field",
    [
        ("    quote_id: q09\n", "quote_id"),
        ("claim_relations:\n  - {claim_id: c01, other_claim_id: c07, relation: contradicts}\n", "other_claim_id"),
    ],
)
def test_a_claim_citing_a_missing_quote_or_claim_is_refused(tmp_path, extra, field):
    with pytest.raises(BuildFailed) as info:
        assemble(make_project(tmp_path, annotation=ANNOTATION + CLAIM + extra))
    assert [(e[2], e[3]) for e in info.value.flatten()] == [(field, "reference-error")]


NORTHGATE = (
    ANNOTATION
    + """\
places:
  - id: northgate-jail
    name: Northgate jail
    place_type: facility
    mentions: [Northgate jail]
events:
  - id: raid
    event_type: strategic_developments
    sub_event_type: other
    date: 2024-01-01
    date_precision: day
    place_id: northgate-jail
    summary: Police raid the jail.
    mentions: [raided]
  - id: escape
    event_type: escape
    date: 2024-01-01
    date_precision: day
    place_id: northgate-jail
    summary: Inmates escape.
    mentions: [Some 300 inmates were moved]
claims:
  - {id: c01, text: Police raided the Northgate jail, event_id: raid, proposition: police raided the jail, polarity: asserts, certainty: stated}
  - {id: c02, text: We found nothing, event_id: raid, proposition: the raid found nothing, polarity: denies, certainty: stated}
  - {id: c03, text: Some 300 inmates were moved, event_id: escape, proposition: inmates escaped, polarity: asserts, certainty: stated}
claim_relations:
  - {claim_id: c02, other_claim_id: c01, relation: contradicts, note: the spokesperson against the report}
"""
)

OTHERS = {  # uncurated articles, all published on 2024-01-03 ("on Monday" is 2024-01-01)
    "200_denial": (
        "other-2024-01-03-denial",
        "The governor denied that any inmates escaped from the Northgate jail on Monday.",
    ),
    "201_dunedin": ("other-2024-01-03-dunedin", "Police raided a bank in Dunedin on Monday, witnesses said."),
    "202_tampere": ("other-2024-01-03-tampere", "Police raided a warehouse in Tampere on Monday."),
    "203_tampere": ("wire-2024-01-03-tampere", "Officers raided a warehouse in Tampere on Monday, seizing weapons."),
    "204_geelong": ("other-2024-01-03-geelong", "Without warning, police stormed a depot in Geelong on Monday."),
    "205_ballarat": (
        "other-2024-01-03-ballarat",
        "Officials ruled out that prisoners had escaped from the Ballarat jail on Monday.",
    ),
    "206_bendigo": (
        "other-2024-01-03-bendigo",
        "Some 200 police officers and 12 armored vehicles stormed the Bendigo prison on Monday.",
    ),
    "208_agency": ("other-2024-01-03-agency", "MILDURA (AFP) - Police raided a farm on Monday, officers said."),
    "209_agency": ("wire-2024-01-03-agency", "SHEPPARTON (AFP) - Police raided a shop on Monday."),
    "210_mildura": ("wire-2024-01-03-mildura", "Police raided a farm near Mildura on Monday."),
    "207_bendigo": (
        "wire-2024-01-03-bendigo",
        "Officials said 200 police officers backed by dozens of armored vehicles stormed the Bendigo prison on Monday.",
    ),
}


@pytest.fixture(scope="module")
def related(tmp_path_factory):
    """A curated article with a within-source contradiction and uncurated articles that bear on it, assembled."""
    project = make_project(tmp_path_factory.mktemp("related"), annotation=NORTHGATE)
    for stem, (source_id, text) in OTHERS.items():
        (project.seeds / f"{stem}.txt").write_text(text, encoding="utf-8")
        (project.seeds / f"{stem}.meta.yaml").write_text(
            f'source_id: {source_id}\npublisher: {source_id.split("-")[0].title()} News\npublished: "2024-01-03"\n'
            f"title: t\nlanguage: en\nrights: r\n",
            encoding="utf-8",
        )
    dataset = assemble(project)
    database = project.root / "test.db"
    write_database(dataset.tables, database)
    return dataset, database


def relation_pairs(dataset, method=None):
    source = {c.claim_id: c.source_id for c in dataset.rows("claims")}
    return {
        (source[r.claim_id], r.relation, source[r.other_claim_id])
        for r in dataset.rows("claim_relations")
        if method in (None, r.method)
    }


def test_an_uncurated_denial_contradicts_the_curated_claim_about_the_same_place_and_event(related):
    dataset, _ = related
    [denial] = [c for c in dataset.rows("claims") if c.source_id == "other-2024-01-03-denial"]
    assert denial.polarity == "denies"
    [relation] = [r for r in dataset.rows("claim_relations") if denial.claim_id in (r.claim_id, r.other_claim_id)]
    assert (relation.relation, relation.scope, relation.method) == ("contradicts", "cross_source", "rule")
    assert {relation.claim_id, relation.other_claim_id} == {denial.claim_id, "test-2024-01-01-northgate-c03"}
    assert "northgate jail" in relation.note


@pytest.mark.parametrize(
    "source_id, polarity",
    [
        ("other-2024-01-03-geelong", "asserts"),
        ("other-2024-01-03-ballarat", "denies"),
        ("other-2024-01-03-tampere", "asserts"),
    ],
)
def test_a_rule_claim_takes_its_polarity_from_its_own_clause(related, source_id, polarity):
    [rule_claim] = [c for c in related[0].rows("claims") if c.source_id == source_id]
    assert rule_claim.polarity == polarity


def test_a_negated_report_makes_no_rule_event_and_so_no_claim():
    """ "No prisoners escaped" reports no escape: the event rules give no event for a negated trigger (an article
    reporting none must not gain one), so no claim rests on it; a denial verb governing the report ("ruled out that
    prisoners had escaped") is what gives a rule claim that denies, above."""
    from extract.rules import analyze

    assert analyze("No prisoners escaped from the Ballarat jail on Monday, officials said.").events == []


def test_two_raids_on_one_day_relate_only_where_they_share_a_place(related):
    dataset, _ = related
    rule_sources = {c.source_id for c in dataset.rows("claims") if c.method == "rule"}
    assert {
        sid for sid, _ in OTHERS.values()
    } <= rule_sources  # every article made a claim, so the test means something
    pairs = relation_pairs(dataset, "rule")
    assert ("other-2024-01-03-tampere", "corroborates", "wire-2024-01-03-tampere") in pairs
    assert not [p for p in pairs if "other-2024-01-03-dunedin" in p]


def test_the_news_agency_of_a_dateline_is_no_evidence_of_one_event(related):
    dataset, _ = related
    assert {"other-2024-01-03-agency", "wire-2024-01-03-agency"} <= {
        m.source_id for m in dataset.rows("mentions") if m.text == "AFP"
    }  # the agency was found
    pairs = relation_pairs(dataset, "rule")
    assert ("other-2024-01-03-agency", "corroborates", "wire-2024-01-03-agency") not in pairs
    assert ("other-2024-01-03-agency", "corroborates", "wire-2024-01-03-mildura") in pairs  # the dateline's town is


def test_every_relation_says_whether_it_is_within_one_source(related):
    dataset, _ = related
    source = {c.claim_id: c.source_id for c in dataset.rows("claims")}
    assert dataset.rows("claim_relations")
    for r in dataset.rows("claim_relations"):
        assert r.scope == ("within_source" if source[r.claim_id] == source[r.other_claim_id] else "cross_source")


def compare_figures(*args):
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "extract/publish/site/plugins/figure_comparison.py"
    spec = importlib.util.spec_from_file_location("figure_comparison", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.compare_figures(*args)


def canned(database, name):
    sql = read_data(QUERIES_FILE)[name]["sql"]
    with sqlite3.connect(database) as con:
        con.row_factory = sqlite3.Row
        con.create_function("compare_figures", 4, compare_figures)  # the site's SQL function (as Datasette has it)
        params = {name: "" for name in re.findall(r"(?<!:):(\w+)", sql)}  # as Datasette fills an empty form
        return [dict(r) for r in con.execute(sql, params)]


def test_figures_side_by_side_pair_only_figures_counting_the_same_thing(related):
    _, database = related
    rows = canned(database, "figures_across_sources")
    found = {(r["surface_a"], r["surface_b"], r["comparison"].split(":")[0]) for r in rows}
    assert found == {
        ("Some 200", "200", "corroborates"),
        ("12", "dozens", "contradicts"),
    }  # officers with officers only


def figures_database(folder, figures):
    """A database of two sources and one curated event with ``figures`` as (value, qualifier, counts_key), one a source."""
    sources = [
        Source(
            source_id=s,
            publisher="p",
            published="2024-01-01",
            published_date=dt.date(2024, 1, 1),
            title="t",
            language="en",
            rights="r",
            file="f",
            text_sha256="0" * 64,
            text="x",
        )
        for s in ("s1", "s2")
    ]
    rows = [
        Figure(
            figure_id=f"s{n}-f1",
            source_id=f"s{n}",
            surface="x",
            value=value,
            qualifier=qualifier,
            unit="count",
            counts=key or "people",
            counts_key=key,
            event_id="e1",
            char_start=0,
            char_end=1,
            method="curated",
            provenance="t",
        )
        for n, (value, qualifier, key) in enumerate(figures, 1)
    ]
    database = folder / "figures.db"
    write_database({"sources": sources, "events": [event("e1")], "figures": rows}, database)
    return database


@pytest.mark.parametrize("a, b", [(a, b) for a, b, _ in QUANTITY_CASES])
def test_the_figures_query_compares_qualifiers_as_the_claims_do(tmp_path, a, b):
    [row] = canned(figures_database(tmp_path, [(*a, "prisoner"), (*b, "prisoner")]), "figures_across_sources")
    assert row["comparison"] == ": ".join(compare_quantities(a, b))  # one definition, the claims' own


@pytest.mark.parametrize("keys", [("prisoner", "guard"), ("prisoner", None), (None, None)])
def test_the_figures_query_does_not_pair_figures_of_one_event_counting_different_things(tmp_path, keys):
    assert (
        canned(figures_database(tmp_path, [(300, "exact", keys[0]), (12, "exact", keys[1])]), "figures_across_sources")
        == []
    )


def test_a_contradiction_inside_one_report_is_not_where_the_reports_disagree(related):
    _, database = related
    across = canned(database, "where_reports_disagree")
    within = canned(database, "conflicts_within_a_report")
    assert [r["relation_id"] for r in within] == [
        "test-2024-01-01-northgate-c02--contradicts--test-2024-01-01-northgate-c01"
    ]
    assert across and all(r["source_a"] != r["source_b"] for r in across)
    assert within[0]["relation_id"] not in {r["relation_id"] for r in across}


def test_the_article_view_marks_contradicted_claims_and_links_the_other_passage(built):
    ds = datasette_app(built.root)
    page = asyncio.run(ds.client.get("/article/afp-2023-09-20-tocoron")).text
    assert 'class="hl hl-contested' in page
    assert 'href="/article/efe-2023-09-20-tocoron#claim-efe-2023-09-20-tocoron-c07"' in page
    other = asyncio.run(ds.client.get("/article/efe-2023-09-20-tocoron")).text
    assert 'id="claim-efe-2023-09-20-tocoron-c07"' in other


@pytest.mark.parametrize("query", ["where_reports_disagree", "corroborated_claims"])
def test_the_claim_queries_return_cross_source_pairs(built, query):
    rows = asyncio.run(datasette_app(built.root).client.get(f"/tocoron/{query}.json?_shape=array")).json()
    assert rows and any(r.get("source_a") != r.get("source_b") for r in rows)
