"""The command line: a thin layer that prints one line per problem and exits non-zero."""

from click.testing import CliRunner

from extract.cli import main

from conftest import ANNOTATION, ROOT, make_project


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
