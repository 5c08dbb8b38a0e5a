"""Adding an article the documented way: add → build → draft → build → review → build.

Until a curator reviews its annotation, an article publishes the rules' rows
(``method = rule``), is not scored, and leaves the README's score table as it
was; its ``sources.curation_status`` says none, then draft, then curated.
"""

import csv
import shutil

import pytest
from click.testing import CliRunner
from conftest import ROOT, make_project

from extract.cli import main
from extract.errors import BuildFailed
from extract.pipeline import assemble
from extract.publish.readme import END, START
from extract.sources import add_article, load_sources, seed_name

ARTICLE = (
    "Harbor workers in Port Selden ended a nine-day strike on Tuesday after the Dockside Union accepted "
    "a new contract, the union said.\n"
    "\u201cWe have waited long enough for a fair offer, and this is one,\u201d said Mara Quint, who leads the "
    "Dockside Union. Some 1,200 members voted on the deal.\n"
    "The \u201ctemporary\u201d pay rise agreed in 2019 becomes permanent on 1 April 2024, at 6 a.m.\n"
)
SOURCE_ID = "harbor-wire-2024-03-12-dock"
SPANNED = ("quotes", "figures", "mentions", "claims")


def rows(root, table):
    with (root / "data" / "csv" / f"{table}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def scores_table(root):
    readme = (root / "README.md").read_text(encoding="utf-8")
    return readme[readme.index(START) : readme.index(END)]


def published(root):
    """What the build published for the new article: its curation status, its rows' methods, its scores."""
    [source] = [s for s in rows(root, "sources") if s["source_id"] == SOURCE_ID]
    methods = {table: {r["method"] for r in rows(root, table) if r["source_id"] == SOURCE_ID} for table in SPANNED}
    scored = [r for r in rows(root, "rule_scores") if r["source_id"] == SOURCE_ID]
    return source["curation_status"], methods, scored


def invoke(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def repository(tmp_path_factory):
    """A copy of the repository's seeds and README, built once as they are."""
    root = tmp_path_factory.mktemp("repository")
    shutil.copytree(ROOT / "seeds", root / "seeds")
    shutil.copy(ROOT / "README.md", root / "README.md")
    invoke("build", "--root", root)
    return root


def test_an_added_article_is_published_by_the_rules_until_its_draft_is_reviewed(repository, tmp_path):
    root = repository
    before = scores_table(root)
    others = {s["source_id"]: s["curation_status"] for s in rows(root, "sources")}
    text = tmp_path / "dock.txt"
    text.write_bytes(ARTICLE.encode("utf-8"))

    added = invoke(
        "add",
        text,
        "--publisher",
        "Harbor Wire",
        "--published",
        "2024-03-12",
        "--title",
        "Dock strike ends",
        "--source-id",
        SOURCE_ID,
        "--root",
        root,
    )
    [new] = [p for p in (root / "seeds").glob("*.txt") if p.read_bytes() == text.read_bytes()]
    assert new.name in added and "python -m extract draft" in added
    invoke("build", "--root", root)
    status, methods, scored = published(root)
    assert (status, scored) == ("none", [])
    assert methods["quotes"] == methods["figures"] == {"rule"}
    assert scores_table(root) == before
    uncurated = {table: [r for r in rows(root, table) if r["source_id"] == SOURCE_ID] for table in SPANNED}

    invoke("draft", new)
    annotation = root / "seeds" / "annotations" / f"{SOURCE_ID}.yaml"
    draft = annotation.read_text(encoding="utf-8")
    assert "\nstatus: draft\n" in draft
    invoke("build", "--root", root)
    status, methods, scored = published(root)
    assert (status, scored) == ("draft", [])
    assert {table: [r for r in rows(root, table) if r["source_id"] == SOURCE_ID] for table in SPANNED} == uncurated
    assert scores_table(root) == before

    annotation.write_text(
        draft.replace("\nstatus: draft\n", "\nstatus: curated\nreviewed_by: Test curator\nreviewed_on: 2024-03-13\n"),
        encoding="utf-8",
    )
    invoke("build", "--root", root)
    status, methods, scored = published(root)
    assert status == "curated"
    assert methods["quotes"] == methods["figures"] == methods["mentions"] == {"curated"}
    assert {r["measure"] for r in scored} >= {"quotes", "figures"}
    assert scores_table(root) != before
    assert {
        s["source_id"]: s["curation_status"] for s in rows(root, "sources") if s["source_id"] != SOURCE_ID
    } == others


def test_the_description_of_the_dataset_counts_the_added_article(tmp_path):
    project = make_project(tmp_path, annotation=None)
    text = tmp_path / "second.txt"
    text.write_text("The council approved a budget of 40 million dollars on Friday, its chair said.", encoding="utf-8")
    before = assemble(project)
    add_article(project.seeds, text, publisher="Valley Gazette", published="2024-02-02", title="Budget approved")
    after = assemble(project)
    from extract.publish.dataset import describe

    old, new = describe(before.rows("sources")), describe(after.rows("sources"))
    assert "1 news article " in old["title"] and "2 news articles" in new["title"]
    assert [s["title"] for s in new["sources"]] == [
        "Test Wire: 1 news article, 1 January 2024",
        "Valley Gazette: 1 news article, 2 February 2024",
    ]
    assert "Valley Gazette" in new["licenses"][0]["title"] and "Valley Gazette" not in old["licenses"][0]["title"]


@pytest.mark.parametrize(
    "status, error",
    [
        (None, "no status"),
        ("reviewed", "unknown status 'reviewed'"),
    ],
)
def test_an_annotation_without_a_known_status_is_refused_where_it_says_so(tmp_path, status, error):
    body = "source_id: test-2024-01-01-northgate\n" + (f"status: {status}\n" if status else "") + "quotes: []\n"
    project = make_project(tmp_path, annotation=None)
    (project.annotations / "test-2024-01-01-northgate.yaml").write_text(body, encoding="utf-8")
    with pytest.raises(BuildFailed) as info:
        assemble(project)
    [problem] = info.value.errors
    assert problem.flatten() == (
        "seeds/annotations/test-2024-01-01-northgate.yaml",
        2 if status else 1,
        "status",
        "field-error",
    )
    assert error in str(problem)


@pytest.mark.parametrize(
    "review, field",
    [
        ("status: curated\nreviewed_on: 2024-01-02\n", "reviewed_by"),
        ("status: curated\nreviewed_by: A curator\n", "reviewed_on"),
        ("status: curated\nreviewed_by: A curator\nreviewed_on: 2 January\n", "reviewed_on"),
        ("status: draft\nreviewed_by: A curator\n", "reviewed_by"),
    ],
)
def test_a_review_is_recorded_in_full_or_not_at_all(tmp_path, review, field):
    project = make_project(tmp_path, annotation=None)
    (project.annotations / "test-2024-01-01-northgate.yaml").write_text(
        "source_id: test-2024-01-01-northgate\n" + review, encoding="utf-8"
    )
    with pytest.raises(BuildFailed) as info:
        assemble(project)
    assert [e.flatten()[2:] for e in info.value.errors] == [(field, "field-error")]


def test_a_draft_is_checked_but_its_rows_are_not_published(tmp_path):
    from conftest import ANNOTATION, REVIEWED

    project = make_project(tmp_path, annotation=ANNOTATION.replace(REVIEWED, "status: draft\n"))
    dataset = assemble(project)
    assert [s.curation_status for s in dataset.rows("sources")] == ["draft"]
    assert {
        r.method for table in ("quotes", "figures", "mentions", "actors", "organizations") for r in dataset.rows(table)
    } == {"rule"}
    assert dataset.rows("rule_scores") == []
    broken = ANNOTATION.replace(REVIEWED, "status: draft\n").replace("We found nothing,", "We found it all,")
    (project.annotations / "test-2024-01-01-northgate.yaml").write_text(broken, encoding="utf-8")
    with pytest.raises(BuildFailed) as info:
        assemble(project)
    assert [e.flatten()[3] for e in info.value.errors] == ["citation-error"]


def test_add_names_the_files_by_number_and_hash_and_copies_the_bytes(tmp_path):
    project = make_project(tmp_path, annotation=None)
    data = "Line one.\r\nA café\u00a0line with 3 spaces   \r\n".encode("utf-8")
    text = tmp_path / "in.txt"
    text.write_bytes(data)
    name = seed_name(project.seeds, data)
    source = add_article(project.seeds, text, publisher="AFP (Agence France-Presse)", published="2024-05-06T10:30")
    import hashlib

    assert name == "101_" + hashlib.sha256(data).hexdigest()[:16] and source.file == name + ".txt"
    assert (project.seeds / source.file).read_bytes() == data
    assert source.source_id == "afp-2024-05-06-line" and source.title == "Line one."
    [loaded] = [s for s in load_sources(project.seeds, project.root) if s.file == source.file]
    assert loaded == source


@pytest.mark.parametrize(
    "options, field, needle",
    [
        (dict(published="06/05/2024"), "published", "not an ISO 8601 date"),
        (dict(publisher="  "), "publisher", "at least 1 character"),
        (dict(url="example.org/a"), "url", "not an http(s) address"),
        (dict(language="English"), "language", "pattern"),
        (dict(source_id="test-2024-01-01-northgate"), "source_id", "already used"),
        (dict(source_id="Not A Slug"), "source_id", "pattern"),
    ],
)
def test_add_refuses_bad_metadata_naming_the_field_and_writes_nothing(tmp_path, options, field, needle):
    project = make_project(tmp_path, annotation=None)
    before = sorted(p.name for p in project.seeds.iterdir())
    text = tmp_path / "in.txt"
    text.write_text("A short report, with 12 boats.", encoding="utf-8")
    with pytest.raises(BuildFailed) as info:
        add_article(
            project.seeds, text, **{"publisher": "Wire", "published": "2024-05-06", **options}, root=project.root
        )
    [problem] = info.value.errors
    assert problem.flatten()[0].startswith("seeds/101_") and problem.flatten()[0].endswith(".meta.yaml")
    assert problem.flatten()[2] == field and needle in str(problem)
    assert sorted(p.name for p in project.seeds.iterdir()) == before


def test_add_refuses_a_text_already_in_seeds(tmp_path):
    from conftest import ARTICLE

    make_project(tmp_path, annotation=None)
    text = tmp_path / "again.txt"
    text.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["add", str(text), "--publisher", "Wire", "--published", "2024-05-06", "--root", str(tmp_path)]
    )
    assert result.exit_code == 1 and "already in seeds/ as 100_test.txt" in result.output
    assert "nothing was written" in result.output


def test_a_draft_lists_what_the_rules_rejected_and_so_covers_every_quotation_and_number(tmp_path):
    from extract.curated.annotations import read_annotation

    article = (
        "The \u201cquiet\u201d talks began on 4 June 2024 at 9 a.m. in Room 12, officials said.\n"
        "\u201cWe expect an agreement soon, perhaps this week,\u201d said Lena Farr, the mediator. "
        "About 300 workers joined the G7 forum, which first met in 2015.\n"
    )
    meta = (
        'source_id: test-2024-06-04-talks\npublisher: Test Wire\npublished: "2024-06-04"\ntitle: Talks\n'
        "language: en\nrights: test text\n"
    )
    project = make_project(tmp_path, article=article, meta=meta, annotation=None)
    invoke("draft", project.seeds / "100_test.txt")
    path = project.annotations / "test-2024-06-04-talks.yaml"
    sources = {s.source_id: s for s in load_sources(project.seeds, project.root)}
    draft = read_annotation(path, sources, project.root)
    assert draft.status == "draft"
    rejected = {
        (s.text, reason)
        for s, reason in zip(draft.exclusions["not_figures"], reasons(path, "not_figures"), strict=False)
    }
    assert rejected == {
        ("4 June 2024", "a date"),
        ("9 a.m.", "a clock time"),
        ("2015", "a year"),
        ("G7", "part of a name or code"),
        ("12", "a label or a numbered name, not a quantity"),
    }
    assert [(s.text, r) for s, r in zip(draft.exclusions["not_quotes"], reasons(path, "not_quotes"), strict=False)] == [
        ("quiet", "one or two words without sentence punctuation: scare quotes or a term")
    ]
    assert [f.surface for f in draft.figures] == ["About 300"]


def reasons(path, section):
    from extract.yamlfile import load_yaml

    return [entry["reason"] for entry in load_yaml(path)[section]]


def test_a_draft_refers_to_entities_a_reviewed_file_declares_by_id_with_its_own_mentions(tmp_path):
    project = make_project(tmp_path)
    text = tmp_path / "second.txt"
    text.write_text("Ana Ruiz said the Interior Ministry would publish the report on Friday.", encoding="utf-8")
    source = add_article(
        project.seeds, text, publisher="Test Wire", published="2024-01-05", title="Report due", root=project.root
    )
    invoke("draft", project.seeds / source.file)
    path = project.annotations / f"{source.source_id}.yaml"
    draft = path.read_text(encoding="utf-8")
    assert "# declared in test-2024-01-01-northgate.yaml" in draft and 'name: "Ana Ruiz"' not in draft
    path.write_text(
        draft.replace("\nstatus: draft\n", "\nstatus: curated\nreviewed_by: T\nreviewed_on: 2024-01-06\n"),
        encoding="utf-8",
    )
    dataset = assemble(project)
    [ruiz] = [a for a in dataset.rows("actors") if a.actor_id == "ana-ruiz"]
    assert ruiz.role == "spokesperson"
    assert {m.source_id for m in dataset.rows("mentions") if m.actor_id == "ana-ruiz"} == {
        "test-2024-01-01-northgate",
        source.source_id,
    }
