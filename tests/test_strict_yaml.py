"""YAML that would silently lose or explode data is refused, with the file, the line and the reason."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import ANNOTATION, make_project, snapshot

from extract.cli import main
from extract.errors import YamlSyntaxError
from extract.yamlfile import MAX_DEPTH, line_of, load_yaml, parse_yaml

ANN = "seeds/annotations/test-2024-01-01-northgate.yaml"

# (YAML text, line of the error, words the message must contain)
REFUSED = {
    "a key given twice": (
        "source_id: a\nquotes: []\nsource_id: b\n",
        3,
        "'source_id' is given twice (first on line 1)",
    ),
    "a key given twice in a nested entry": (
        "actors:\n  - id: x\n    role: chief\n    role: guard\n",
        4,
        "'role' is given twice (first on line 3)",
    ),
    "an anchor": ("roles: &r [guard]\n", 1, "anchors and aliases"),
    "an alias": ("a: [x]\nb: *a\n", 2, "anchors and aliases"),
    "a billion laughs": ("a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n", 1, "anchors and aliases"),
    "nesting deeper than any curation file": (
        "a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n",
        1,
        "nested deeper",
    ),
    "a NUL byte": ("a: 1\nb: x\x00y\n", 2, "U+0000"),
}


@pytest.mark.parametrize("case", REFUSED, ids=list(REFUSED))
def test_lenient_yaml_is_refused_with_its_line(case):
    text, line, words = REFUSED[case]
    with pytest.raises(YamlSyntaxError) as caught:
        parse_yaml(text, "f.yaml")
    assert caught.value.location.line == line
    assert words in str(caught.value)


def test_lines_count_only_newlines_so_a_line_separator_in_a_value_does_not_shift_them():
    data = parse_yaml("a: 'one\u2028two'\nb: 2\nc:\n  d: 3\n", "f.yaml")
    assert (line_of(data, "b"), line_of(data["c"], "d")) == (2, 4)


def test_a_file_that_is_not_utf8_is_refused_with_the_line_of_the_bad_byte(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_bytes(b"a: 1\nb: 2\nc: caf\xe9\n")
    with pytest.raises(YamlSyntaxError) as caught:
        load_yaml(path)
    assert caught.value.location.line == 3 and "not UTF-8" in str(caught.value)


def test_a_duplicated_section_of_an_annotation_is_refused_end_to_end_and_nothing_is_published(tmp_path):
    project = make_project(tmp_path)
    assert CliRunner().invoke(main, ["build", "--root", str(tmp_path)]).exit_code == 0
    before = snapshot(tmp_path / "data")
    lines = ANNOTATION.count("\n")
    (project.annotations / "test-2024-01-01-northgate.yaml").write_text(ANNOTATION + "quotes: []\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--root", str(tmp_path)])
    assert result.exit_code == 1
    first = result.output.splitlines()[0]
    assert first.startswith(f"{ANN}:{lines + 1}: [yaml-syntax-error]") and "'quotes' is given twice" in first, first
    assert snapshot(tmp_path / "data") == before
