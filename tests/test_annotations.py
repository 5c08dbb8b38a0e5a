"""Stage 2 (curated): every malformed annotation is refused with file, line and field, all at once."""

import pytest
from conftest import ANNOTATION, make_project

from extract.errors import BuildFailed
from extract.pipeline import assemble

FILE = "seeds/annotations/test-2024-01-01-northgate.yaml"


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def build_errors(tmp_path, annotation: str):
    project = make_project(tmp_path, annotation=annotation)
    with pytest.raises(BuildFailed) as info:
        assemble(project)
    return info.value.flatten()


def test_the_valid_annotation_builds_with_exact_offsets(tmp_path):
    dataset = assemble(make_project(tmp_path))
    [quote] = dataset.rows("quotes")
    text = dataset.rows("sources")[0].text
    assert text[quote.char_start : quote.char_end] == "We found nothing,"
    assert quote.provenance == f"{FILE}:{line_of(ANNOTATION, '  - id: q01')}"
    assert len(dataset.rows("mentions")) == 3  # "Interior Ministry" twice, "Ana Ruiz" once


def test_a_yaml_syntax_error_names_the_line(tmp_path):
    bad = ANNOTATION.replace("    kind: direct", "    kind: [direct")
    [(file, line, field, kind)] = build_errors(tmp_path, bad)
    assert (file, field, kind) == (FILE, None, "yaml-syntax-error") and line is not None


@pytest.mark.parametrize(
    "old, new, needle, field, kind",
    [
        (
            "    role: spokesperson\n",
            "    role: spokesperson\n    rank: high\n",
            "    rank: high",
            "rank",
            "field-error",
        ),
        ("    kind: direct\n", "    kind: shouted\n", "    kind: shouted", "kind", "field-error"),
        (
            "    text: We found nothing,\n",
            "    text: We found everything,\n",
            "    text: We found everything,",
            "text",
            "citation-error",
        ),
        (
            "    speaker_actor_id: ana-ruiz\n",
            "    speaker_actor_id: nobody\n",
            "    speaker_actor_id: nobody",
            "speaker_actor_id",
            "reference-error",
        ),
        ("    value: 300\n", "    value: 3000\n", "    value: 3000", "value", "figure-value-error"),
        (
            "    qualifier: approximate\n",
            "    qualifier: roughly\n",
            "    qualifier: roughly",
            "qualifier",
            "field-error",
        ),
        (
            "      - {text: Interior Ministry, every: true}\n",
            "      - Interior Ministry\n",
            "      - Interior Ministry\n",
            "mentions",
            "citation-error",
        ),
        (
            "    organization_id: interior-ministry\n",
            "    organization_id: exterior-ministry\n",
            "    organization_id: exterior",
            "organization_id",
            "reference-error",
        ),
    ],
)
def test_a_bad_entry_is_refused_naming_file_line_and_field(tmp_path, old, new, needle, field, kind):
    bad = ANNOTATION.replace(old, new)
    assert bad != ANNOTATION
    assert build_errors(tmp_path, bad) == [(FILE, line_of(bad, needle), field, kind)]


def test_a_missing_required_field_is_refused(tmp_path):
    bad = ANNOTATION.replace("    kind: direct\n", "")
    assert build_errors(tmp_path, bad) == [(FILE, line_of(bad, "  - id: q01"), "kind", "field-error")]


def test_a_missing_entity_field_is_refused_at_its_entry(tmp_path):
    bad = ANNOTATION.replace("    actor_type: person\n", "")
    assert build_errors(tmp_path, bad) == [(FILE, line_of(bad, "  - id: ana-ruiz"), "actor_type", "field-error")]


def test_a_malformed_date_is_refused(tmp_path):
    bad = (
        ANNOTATION
        + "events:\n  - id: raid\n    event_type: strategic_developments\n    sub_event_type: arrests\n    date: 2024-02-30\n    date_precision: day\n    summary: A raid.\n"
    )
    assert build_errors(tmp_path, bad) == [(FILE, line_of(bad, "    date: 2024-02-30"), "date", "field-error")]


def test_a_duplicate_id_is_refused(tmp_path):
    bad = ANNOTATION.replace("figures:\n", "  - id: q01\n    text: We found nothing,\n    kind: direct\nfigures:\n")
    assert build_errors(tmp_path, bad) == [
        (FILE, bad.count("\n", 0, bad.rindex("  - id: q01")) + 1, "id", "duplicate-id")
    ]


def test_an_unknown_section_is_refused(tmp_path):
    bad = ANNOTATION + "quotations: []\n"
    assert build_errors(tmp_path, bad) == [(FILE, line_of(bad, "quotations:"), "quotations", "field-error")]


def test_all_problems_of_a_file_are_reported_in_one_run(tmp_path):
    bad = (
        ANNOTATION.replace("    kind: direct\n", "    kind: shouted\n")
        .replace("    value: 300\n", "    value: 3000\n")
        .replace("    text: We found nothing,\n", "    text: We found it all,\n")
    )
    kinds = sorted(kind for *_, kind in build_errors(tmp_path, bad))
    assert kinds == ["citation-error", "figure-value-error"]  # the quote with a bad citation is not also model-checked


def test_an_article_edited_after_curation_fails_its_citations(tmp_path):
    from conftest import ARTICLE

    project = make_project(tmp_path, article=ARTICLE.replace("We found nothing", "We found nobody"))
    with pytest.raises(BuildFailed) as info:
        assemble(project)
    assert info.value.flatten() == [
        (FILE, line_of(ANNOTATION, "    text: We found nothing,"), "text", "citation-error")
    ]


def test_an_article_edited_after_curation_is_refused_by_its_pinned_hash(tmp_path):
    import hashlib

    from conftest import ARTICLE

    pinned = ANNOTATION.replace(
        "source_id: test-2024-01-01-northgate\n",
        f"source_id: test-2024-01-01-northgate\ntext_sha256: {hashlib.sha256(ARTICLE.encode()).hexdigest()}\n",
    )
    assemble(make_project(tmp_path / "same", annotation=pinned))  # the pinned text builds
    edited = ARTICLE.replace("Police raided", "Police stormed")  # no citation touched
    with pytest.raises(BuildFailed) as info:
        assemble(make_project(tmp_path / "edited", article=edited, annotation=pinned))
    assert info.value.flatten() == [(FILE, 2, "text_sha256", "article-changed")]


@pytest.mark.parametrize("participants", ["participants: the police", "participants:\n      - the police"])
def test_malformed_participants_are_refused(tmp_path, participants):
    bad = (
        ANNOTATION
        + f"events:\n  - id: raid\n    event_type: strategic_developments\n    sub_event_type: arrests\n    date: 2024-01-01\n    date_precision: day\n    summary: A raid.\n    {participants}\n"
    )
    assert [(e[2], e[3]) for e in build_errors(tmp_path, bad)] == [("participants", "field-error")]
