"""The rules inside the build: rule rows for uncurated sources, scores for curated ones."""

import csv

from conftest import make_project

from extract.pipeline import assemble


def test_an_uncurated_source_is_published_with_rule_rows(tmp_path):
    project = make_project(tmp_path, annotation=None)
    dataset = assemble(project)
    quotes = dataset.rows("quotes")
    assert [(q.text, q.method) for q in quotes] == [("We found nothing,", "rule")]
    speaker = next(a for a in dataset.rows("actors") if a.actor_id == quotes[0].speaker_actor_id)
    assert speaker.name == "Ana Ruiz" and speaker.method == "rule"
    assert {f.surface for f in dataset.rows("figures")} == {"Some 300", "300"}
    text = dataset.rows("sources")[0].text
    for mention in dataset.rows("mentions"):
        assert text[mention.char_start : mention.char_end] == mention.text and mention.method == "rule"
    assert dataset.rows("rule_scores") == []


def test_a_rule_name_known_from_curation_links_to_the_curated_row(tmp_path):
    project = make_project(tmp_path)
    (project.seeds / "200_other.txt").write_text(
        "Ana Ruiz said the Interior Ministry would reopen the jail.", encoding="utf-8"
    )
    (project.seeds / "200_other.meta.yaml").write_text(
        'source_id: other-2024-01-05\npublisher: X\npublished: "2024-01-05"\ntitle: t\nlanguage: en\nrights: r\n',
        encoding="utf-8",
    )
    dataset = assemble(project)
    rule_mentions = [m for m in dataset.rows("mentions") if m.source_id == "other-2024-01-05"]
    assert {(m.text, m.actor_id or m.organization_id) for m in rule_mentions if m.entity_type != "event"} == {
        ("Ana Ruiz", "ana-ruiz"),
        ("Interior Ministry", "interior-ministry"),
    }
    assert [a.actor_id for a in dataset.rows("actors")] == ["ana-ruiz"]  # no duplicate rule row


def test_scores_are_published_for_curated_sources(built):
    with (built.data / "csv" / "rule_scores.csv").open(encoding="utf-8") as f:
        rows = {r["score_id"]: r for r in csv.DictReader(f)}
    for measure in ("quotes", "quotes_3plus", "speakers", "figures", "persons", "organizations", "events"):
        row = rows[f"all--{measure}"]
        assert int(row["curated"]) > 0 and 0 <= float(row["recall"]) <= 1
