"""Stage 1: bad articles and bad metadata are refused with file, line and field."""

import pytest
from conftest import make_project

from extract.errors import BuildFailed
from extract.pipeline import assemble
from extract.sources import MAX_ARTICLE_BYTES, load_sources


def errors_of(project):
    with pytest.raises(BuildFailed) as info:
        load_sources(project.seeds, project.root)
    return info.value.flatten()


def test_the_seed_articles_load_byte_for_byte(seeds_copy):
    sources = load_sources(seeds_copy.seeds, seeds_copy.root)
    for source in sources:
        assert source.text == (seeds_copy.seeds / source.file).read_bytes().decode("utf-8")
    assert [s.file for s in sources] == sorted(p.name for p in seeds_copy.seeds.glob("*.txt"))
    assert {"afp-2023-09-20-tocoron", "efe-2023-09-20-tocoron"} <= {s.source_id for s in sources}


@pytest.mark.parametrize(
    "content, line, needle",
    [
        (b"", None, "empty"),
        (b"  \n\n ", None, "empty"),
        (b"line one\nline \xff two\n", 2, "not UTF-8"),
        (b"text\x00with a NUL", None, "binary"),
        (b"x" * (MAX_ARTICLE_BYTES + 1), None, "over the limit"),
    ],
)
def test_an_unusable_article_is_refused(tmp_path, content, line, needle):
    project = make_project(tmp_path, annotation=None)
    (project.seeds / "100_test.txt").write_bytes(content)
    with pytest.raises(BuildFailed) as info:
        load_sources(project.seeds, project.root)
    [error] = info.value.errors
    assert error.flatten() == ("seeds/100_test.txt", line, None, "source-error")
    assert needle in str(error)


def test_a_missing_metadata_file_is_refused(tmp_path):
    project = make_project(tmp_path, annotation=None)
    (project.seeds / "100_test.meta.yaml").unlink()
    assert errors_of(project) == [("seeds/100_test.txt", None, None, "source-error")]


def test_metadata_errors_name_line_and_field_and_are_all_reported(tmp_path):
    meta = "source_id: Not A Slug\npublisher: Test\npublished: '2024-13-45'\ntitle: t\nlanguage: english\nrights: r\nwhatever: 1\n"
    project = make_project(tmp_path, meta=meta, annotation=None)
    assert sorted(errors_of(project)) == sorted(
        [
            ("seeds/100_test.meta.yaml", 1, "source_id", "field-error"),
            ("seeds/100_test.meta.yaml", 3, "published", "field-error"),
            ("seeds/100_test.meta.yaml", 5, "language", "field-error"),
            ("seeds/100_test.meta.yaml", 7, "whatever", "field-error"),
        ]
    )


def test_computed_fields_may_not_be_written_in_metadata(tmp_path):
    project = make_project(tmp_path, annotation=None)
    with (project.seeds / "100_test.meta.yaml").open("a") as f:
        f.write("text: smuggled\n")
    assert errors_of(project) == [("seeds/100_test.meta.yaml", 7, "text", "source-error")]


def test_two_articles_with_one_source_id_are_refused(tmp_path):
    project = make_project(tmp_path, annotation=None)
    (project.seeds / "101_copy.txt").write_text("Another article.", encoding="utf-8")
    (project.seeds / "101_copy.meta.yaml").write_bytes((project.seeds / "100_test.meta.yaml").read_bytes())
    assert errors_of(project) == [("seeds/101_copy.meta.yaml", None, "source_id", "duplicate-id")]


def test_problems_in_several_articles_are_reported_in_one_run(tmp_path):
    project = make_project(tmp_path, annotation=None)
    (project.seeds / "101_empty.txt").write_text("", encoding="utf-8")
    (project.seeds / "102_nometa.txt").write_text("Text.", encoding="utf-8")
    with pytest.raises(BuildFailed) as info:
        assemble(project)
    files = [e[0] for e in info.value.flatten()]
    assert "seeds/101_empty.txt" in files and "seeds/102_nometa.txt" in files
