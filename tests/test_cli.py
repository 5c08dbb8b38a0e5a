"""The command line: a thin layer that prints one line per problem and exits non-zero."""

from click.testing import CliRunner
from conftest import ANNOTATION, ROOT, make_project

from extract.cli import main


def test_every_command_has_help_with_an_example():
    runner = CliRunner()
    assert "Example" in runner.invoke(main, ["--help"]).output
    for name in main.commands:
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0 and "Example" in result.output, name


def test_every_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in main.commands:
        assert f"python -m extract {name}" in readme, name


def test_build_reports_what_it_wrote(tmp_path):
    make_project(tmp_path)
    result = CliRunner().invoke(main, ["build", "--root", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "1 quotes" in result.output and (tmp_path / "data" / "datapackage.json").exists()


def test_a_failed_build_prints_one_line_per_problem_and_exits_1(tmp_path):
    bad = ANNOTATION.replace("kind: direct", "kind: shouted").replace("value: 300", "value: 3")
    make_project(tmp_path, annotation=bad)
    result = CliRunner().invoke(main, ["build", "--root", str(tmp_path)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 3 and lines[-1].startswith("build failed: 2 problem(s)")
    assert any("test-2024-01-01-northgate.yaml:" in line and "field 'kind'" in line for line in lines)
    assert not (tmp_path / "data").exists()


def test_rules_prints_json_for_standard_input():
    import json

    result = CliRunner().invoke(
        main,
        ["rules", "-", "--published", "2024-03-14"],
        input="“We will win,” said Ana Ruiz. Police arrested 12 men on Monday.".encode(),
    )
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert set(out) >= {"quotes", "figures", "persons", "organizations", "events"}
    assert out["quotes"][0]["speaker"] == "Ana Ruiz" and out["figures"][0]["value"] == 12
    assert out["events"][0]["date"] == "2024-03-11"


def test_rules_refuses_text_that_is_not_utf8(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"fine\nnot \xff fine")
    result = CliRunner().invoke(main, ["rules", str(path)])
    assert result.exit_code != 0 and "bad.txt:2: not UTF-8" in result.output


def test_rules_refuses_a_malformed_date(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Text.", encoding="utf-8")
    result = CliRunner().invoke(main, ["rules", str(path), "--published", "20/09/2023"])
    assert result.exit_code != 0 and "--published" in result.output


def test_a_draft_for_a_new_article_builds_as_written(tmp_path):
    project = make_project(tmp_path, annotation=None)
    article = project.seeds / "100_test.txt"
    result = CliRunner().invoke(
        main, ["draft", str(article), "--out", str(project.annotations / "test-2024-01-01-northgate.yaml")]
    )
    assert result.exit_code == 0, result.output
    draft = (project.annotations / "test-2024-01-01-northgate.yaml").read_text(encoding="utf-8")
    assert "We found nothing," in draft and "Ana Ruiz" in draft
    built = CliRunner().invoke(main, ["build", "--root", str(tmp_path)])
    assert built.exit_code == 0, built.output
