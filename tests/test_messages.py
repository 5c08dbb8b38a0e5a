"""Careless input gets one located line of the right type, never a traceback, and nothing is published."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import ANNOTATION, META, make_project

from extract.cli import main

ANN = "seeds/annotations/test-2024-01-01-northgate.yaml"
METAFILE = "seeds/100_test.meta.yaml"
CITED = "{text: Interior Ministry, every: true}"
CITED_LINE = ANNOTATION.splitlines().index("      - " + CITED) + 1

# case -> (metadata, annotation, the one expected line's start, words it must hold)
CASES = {
    "an empty metadata file": ("", ANNOTATION, f"{METAFILE}: [source-error]", "the metadata file is empty"),
    "a list for a source id": (
        META.replace("source_id: test-2024-01-01-northgate", "source_id: [x]"),
        ANNOTATION,
        f"{METAFILE}:1, field 'source_id': [field-error]",
        "valid string",
    ),
    "occurrence as text": (
        META,
        ANNOTATION.replace(CITED, '{text: Interior Ministry, occurrence: "1"}'),
        f"{ANN}:{CITED_LINE}, field 'mentions': [field-error]",
        "occurrence must be a whole number from 1 (got '1')",
    ),
    "occurrence as a fraction": (
        META,
        ANNOTATION.replace(CITED, "{text: Interior Ministry, occurrence: 1.5}"),
        f"{ANN}:{CITED_LINE}, field 'mentions': [field-error]",
        "occurrence must be a whole number from 1 (got 1.5)",
    ),
    "occurrence zero": (
        META,
        ANNOTATION.replace(CITED, "{text: Interior Ministry, occurrence: 0}"),
        f"{ANN}:{CITED_LINE}, field 'mentions': [field-error]",
        "occurrence must be a whole number from 1 (got 0)",
    ),
    "context as a number": (
        META,
        ANNOTATION.replace(CITED, "{text: Interior Ministry, context: 2500}"),
        f"{ANN}:{CITED_LINE}, field 'mentions': [field-error]",
        "context must be text",
    ),
    "every as no": (
        META,
        ANNOTATION.replace(CITED, "{text: Interior Ministry, every: no}"),
        f"{ANN}:{CITED_LINE}, field 'mentions': [field-error]",
        "every must be true or false (got 'no')",
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_careless_input_is_one_located_line_of_the_right_type(tmp_path, case):
    meta, annotation, start, words = CASES[case]
    make_project(tmp_path)
    assert CliRunner().invoke(main, ["build", "--root", str(tmp_path)]).exit_code == 0
    before = (tmp_path / "data" / "datapackage.json").read_bytes()
    (tmp_path / METAFILE).write_text(meta, encoding="utf-8")
    (tmp_path / ANN).write_text(annotation, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--root", str(tmp_path)])
    assert result.exit_code == 1 and result.exception is None or isinstance(result.exception, SystemExit), (
        result.exception
    )
    *problems, summary = result.output.strip().splitlines()
    assert len(problems) == 1, problems
    assert problems[0].startswith(start) and words in problems[0], problems[0]
    assert (tmp_path / "data" / "datapackage.json").read_bytes() == before
