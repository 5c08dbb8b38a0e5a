"""Every kind of bad input, end to end through the command line: a non-zero exit, one line per
problem naming the file (and line and field where there is one), and the outputs left as they were."""

import pytest
from click.testing import CliRunner
from conftest import ANNOTATION, ARTICLE, make_project, snapshot

from extract.cli import main

ANN = "seeds/annotations/test-2024-01-01-northgate.yaml"
EVENT = "events:\n  - id: raid\n    event_type: strategic_developments\n    sub_event_type: arrests\n    date: 2024-01-01\n    date_precision: day\n    summary: A raid.\n"

CASES = {
    "empty article": dict(article=""),
    "binary article": dict(article_bytes=b"\x00\x01\x02 binary"),
    "article not UTF-8": dict(article_bytes=b"caf\xe9 and more"),
    "article over the size limit": dict(article_bytes=b"word " * 250_000),
    "YAML syntax error": dict(annotation=ANNOTATION.replace("kind: direct", "kind: [direct")),
    "unknown field": dict(
        annotation=ANNOTATION.replace("    role: spokesperson\n", "    role: spokesperson\n    rank: 1\n")
    ),
    "missing required field": dict(annotation=ANNOTATION.replace("    kind: direct\n", "")),
    "citation not in the article": dict(annotation=ANNOTATION.replace("We found nothing,", "We found it all,")),
    "citation more than once": dict(
        annotation=ANNOTATION.replace("{text: Interior Ministry, every: true}", "Interior Ministry")
    ),
    "undefined reference": dict(
        annotation=ANNOTATION.replace("speaker_actor_id: ana-ruiz", "speaker_actor_id: nobody")
    ),
    "duplicate id": dict(
        annotation=ANNOTATION.replace(
            "figures:\n", "  - id: q01\n    text: We found nothing,\n    kind: direct\nfigures:\n"
        )
    ),
    "value outside its vocabulary": dict(annotation=ANNOTATION.replace("qualifier: approximate", "qualifier: roughly")),
    "malformed date": dict(annotation=ANNOTATION + EVENT.replace("2024-01-01", "2024-13-01")),
    "figure value contradicts surface": dict(annotation=ANNOTATION.replace("value: 300", "value: 30")),
    "article edited after curation": dict(article=ARTICLE.replace("We found nothing", "We found nobody")),
}


EXPECTED = {
    "empty article": "source-error",
    "binary article": "source-error",
    "article not UTF-8": "source-error",
    "article over the size limit": "source-error",
    "YAML syntax error": "yaml-syntax-error",
    "unknown field": "field-error",
    "missing required field": "field-error",
    "citation not in the article": "citation-error",
    "citation more than once": "citation-error",
    "undefined reference": "reference-error",
    "duplicate id": "duplicate-id",
    "value outside its vocabulary": "field-error",
    "malformed date": "field-error",
    "figure value contradicts surface": "figure-value-error",
    "article edited after curation": "citation-error",
}
"""The error type each bad input must be reported as (every line of its report)."""


def test_every_case_has_its_expected_type():
    assert set(EXPECTED) == set(CASES)


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_input_is_refused_and_nothing_is_published(tmp_path, case):
    project = make_project(tmp_path)
    assert CliRunner().invoke(main, ["build", "--root", str(tmp_path)]).exit_code == 0
    before = snapshot(tmp_path / "data") | {"metadata.json": (tmp_path / "metadata.json").read_bytes()}
    spec = CASES[case]
    if "article" in spec:
        (project.seeds / "100_test.txt").write_text(spec["article"], encoding="utf-8")
    if "article_bytes" in spec:
        (project.seeds / "100_test.txt").write_bytes(spec["article_bytes"])
    if "annotation" in spec:
        (project.annotations / "test-2024-01-01-northgate.yaml").write_text(spec["annotation"], encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--root", str(tmp_path)])
    assert result.exit_code == 1
    *problems, summary = result.output.strip().splitlines()
    assert problems and summary.startswith(f"build failed: {len(problems)} problem(s)")
    for line in problems:
        assert line.startswith(("seeds/100_test.txt", ANN)), line
        assert f"[{EXPECTED[case]}]" in line, line  # the right type, not just some type
    if "annotation" in spec or "edited" in case:
        assert all(line.startswith(ANN + ":") for line in problems)  # file and line
    after = snapshot(tmp_path / "data") | {"metadata.json": (tmp_path / "metadata.json").read_bytes()}
    assert after == before
