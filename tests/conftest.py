"""Shared fixtures: copies of the project in temporary folders, and one session-wide build."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from extract.pipeline import Project, build
from extract.serve import LocalServer

ROOT = Path(__file__).resolve().parents[1]

ARTICLE = (
    "Police raided the Northgate jail on Monday, officials said. "
    "\u201cWe found nothing,\u201d said Ana Ruiz, a spokesperson for the Interior Ministry. "
    "Some 300 inmates were moved. The Interior Ministry said 300 guards took part."
)

META = """\
source_id: test-2024-01-01-northgate
publisher: Test Wire
published: "2024-01-01"
title: Police raid Northgate jail
language: en
rights: test text
"""

ANNOTATION = """\
source_id: test-2024-01-01-northgate
organizations:
  - id: interior-ministry
    name: Interior Ministry
    org_type: government_body
    mentions:
      - {text: Interior Ministry, every: true}
actors:
  - id: ana-ruiz
    name: Ana Ruiz
    actor_type: person
    role: spokesperson
    organization_id: interior-ministry
    mentions: [Ana Ruiz]
quotes:
  - id: q01
    text: We found nothing,
    kind: direct
    speaker_actor_id: ana-ruiz
    attribution: said
figures:
  - id: f01
    surface: Some 300
    value: 300
    qualifier: approximate
    unit: count
    counts: inmates moved
"""
REVIEWED = "status: curated\nreviewed_by: Test curators\nreviewed_on: 2024-01-02\n"
"""A review, at the end of a test's annotation (so the lines tests cite stay put); make_project adds it
to an annotation that gives no status of its own."""
ANNOTATION += REVIEWED


def make_project(root: Path, article: str = ARTICLE, meta: str = META, annotation: str | None = ANNOTATION) -> Project:
    """A tiny project with one article (and its annotation, reviewed unless it says otherwise) in ``root``."""
    (root / "seeds" / "annotations").mkdir(parents=True)
    (root / "seeds" / "100_test.txt").write_text(article, encoding="utf-8")
    (root / "seeds" / "100_test.meta.yaml").write_text(meta, encoding="utf-8")
    if annotation is not None:
        annotation = textwrap.dedent(annotation)
        if not any(line.startswith("status:") for line in annotation.splitlines()):
            annotation = annotation.rstrip("\n") + "\n" + REVIEWED
        (root / "seeds" / "annotations" / "test-2024-01-01-northgate.yaml").write_text(annotation, encoding="utf-8")
    return Project(root)


@pytest.fixture
def tiny(tmp_path: Path) -> Project:
    return make_project(tmp_path)


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Project:
    """The real seeds in a fresh folder, not yet built."""
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    return Project(tmp_path)


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Project:
    """The real seeds, built once into a temporary folder."""
    root = tmp_path_factory.mktemp("built")
    shutil.copytree(ROOT / "seeds", root / "seeds")
    project = Project(root)
    build(project)
    return project


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` (relative path -> bytes)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="session")
def server(built):
    with LocalServer(built.root) as running:
        yield running
