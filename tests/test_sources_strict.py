"""Only regular files of the project are articles, and one report is published once."""

from __future__ import annotations

import os
import shutil

import pytest
from conftest import META, make_project

from extract.errors import SourceError
from extract.sources import load_all


def only_error(project):
    loaded = load_all(project.seeds, project.root)
    assert len(loaded.errors) == 1, [str(e) for e in loaded.errors]
    return loaded.errors[0]


def second_article(project, text_path=None):
    meta = META.replace("test-2024-01-01-northgate", "test-2024-01-02-other")
    (project.seeds / "101_second.meta.yaml").write_text(meta, encoding="utf-8")
    return project.seeds / "101_second.txt"


def test_an_article_linked_from_outside_the_project_is_refused_and_not_read(tmp_path):
    project = make_project(tmp_path / "project", annotation=None)
    outside = tmp_path / "secret.txt"
    outside.write_text("A private file that must never be published.", encoding="utf-8")
    second_article(project).symlink_to(outside)
    error = only_error(project)
    assert isinstance(error, SourceError) and "outside the project" in str(error)
    assert str(error).startswith("seeds/101_second.txt:")


def test_a_link_to_an_article_inside_the_project_is_read(tmp_path):
    project = make_project(tmp_path / "project", annotation=None)
    inside = project.root / "elsewhere.txt"
    inside.write_text("Another report of the raid, from another wire.", encoding="utf-8")
    second_article(project).symlink_to(inside)
    assert not load_all(project.seeds, project.root).errors


@pytest.mark.parametrize("kind", ["broken link", "fifo", "directory"])
def test_what_is_no_regular_file_is_refused_with_what_it_is(tmp_path, kind):
    project = make_project(tmp_path / "project", annotation=None)
    path = second_article(project)
    if kind == "broken link":
        path.symlink_to(tmp_path / "gone.txt")
        words = "broken symbolic link"
    elif kind == "fifo":
        os.mkfifo(path)  # reading it would wait forever
        words = "is a FIFO"
    else:
        path.mkdir()
        words = "is a directory"
    error = only_error(project)
    assert isinstance(error, SourceError) and words in str(error), str(error)


def test_the_same_text_under_a_second_id_is_refused(tmp_path):
    project = make_project(tmp_path / "project", annotation=None)
    shutil.copyfile(project.seeds / "100_test.txt", second_article(project))
    error = only_error(project)
    assert isinstance(error, SourceError) and "same text as 100_test.txt" in str(error)


def test_published_date_is_derived_and_may_not_be_given(tmp_path):
    project = make_project(tmp_path / "project", annotation=None, meta=META + 'published_date: "2020-05-05"\n')
    error = only_error(project)
    assert "'published_date' is computed by the build" in str(error)
    assert error.location.field == "published_date"
