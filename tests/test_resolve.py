"""Stage 3: one row per real-world entity across files; conflicts and unknown references refused."""

import pytest
from conftest import ANNOTATION, REVIEWED, make_project

from extract.errors import BuildFailed
from extract.pipeline import assemble

SECOND_ARTICLE = "Ana Ruiz, the ministry's spokesperson, said the Interior Ministry had finished the operation."
SECOND_META = """\
source_id: test-2024-01-02-northgate
publisher: Other Wire
published: "2024-01-02"
title: Follow-up
language: en
rights: test text
"""


def add_second_source(project, annotation: str):
    (project.seeds / "200_second.txt").write_text(SECOND_ARTICLE, encoding="utf-8")
    (project.seeds / "200_second.meta.yaml").write_text(SECOND_META, encoding="utf-8")
    path = project.annotations / "test-2024-01-02-northgate.yaml"
    path.write_text(annotation + REVIEWED, encoding="utf-8")
    return "seeds/annotations/test-2024-01-02-northgate.yaml"


def test_an_entity_declared_in_two_files_is_one_row_with_mentions_in_both(tmp_path):
    project = make_project(tmp_path)
    add_second_source(
        project,
        "source_id: test-2024-01-02-northgate\nactors:\n  - id: ana-ruiz\n    aliases: [Ms Ruiz]\n    mentions: [Ana Ruiz]\n",
    )
    dataset = assemble(project)
    [ana] = [a for a in dataset.rows("actors") if a.actor_id == "ana-ruiz"]
    assert ana.aliases == ["Ms Ruiz"] and ana.role == "spokesperson"
    sources = {m.source_id for m in dataset.rows("mentions") if m.actor_id == "ana-ruiz"}
    assert sources == {"test-2024-01-01-northgate", "test-2024-01-02-northgate"}


def test_conflicting_descriptions_of_one_entity_are_refused(tmp_path):
    project = make_project(tmp_path)
    second = add_second_source(
        project, "source_id: test-2024-01-02-northgate\nactors:\n  - id: ana-ruiz\n    role: minister\n"
    )
    with pytest.raises(BuildFailed) as info:
        assemble(project)
    assert info.value.flatten() == [(second, 3, "role", "entity-conflict")]
    assert "spokesperson" in str(info.value)


def test_an_entity_declared_twice_in_one_file_is_a_duplicate(tmp_path):
    bad = ANNOTATION.replace("quotes:\n", "  - id: ana-ruiz\n    name: Ana\nquotes:\n")
    project = make_project(tmp_path, annotation=bad)
    with pytest.raises(BuildFailed) as info:
        assemble(project)
    assert [e[3] for e in info.value.flatten()] == ["duplicate-id"]


def test_a_place_gets_coordinates_only_from_the_shipped_gazetteer(tmp_path):
    bad = ANNOTATION + (
        "places:\n  - id: caracas\n    name: Caracas\n    place_type: locality\n    country: VE\n    geonames_id: 3646738\n"
        "  - id: venezuela\n    name: Venezuela\n    place_type: country\n    country: VE\n    geonames_id: 3625428\n"
    )
    dataset = assemble(make_project(tmp_path, annotation=bad))
    places = {p.place_id: p for p in dataset.rows("places")}
    assert places["caracas"].latitude == pytest.approx(10.488, abs=0.01)
    assert places["caracas"].coordinate_source.startswith("GeoNames")
    assert places["caracas"].coordinate_precision == "locality"
    venezuela = places["venezuela"]
    assert (venezuela.latitude, venezuela.longitude, venezuela.coordinate_precision) == (8, -66, "country")
    assert venezuela.coordinate_source.startswith("REST Countries")


def test_an_unknown_gazetteer_id_is_refused(tmp_path):
    bad = (
        ANNOTATION
        + "places:\n  - id: nowhere\n    name: Nowhere\n    place_type: locality\n    geonames_id: 999999999\n"
    )
    with pytest.raises(BuildFailed) as info:
        assemble(make_project(tmp_path, annotation=bad))
    assert [(e[2], e[3]) for e in info.value.flatten()] == [("geonames_id", "reference-error")]
