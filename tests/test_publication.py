"""Publication is all or nothing: a build killed at any rename leaves outputs that recover to wholly old or wholly new."""

from __future__ import annotations

import fcntl
import os
import stat
from pathlib import Path

import pytest
from conftest import snapshot

from extract import publication
from extract.pipeline import build
from extract.publication import OUTPUTS, BuildLock


def write_outputs(folder: Path, tag: str) -> None:
    """Every output the build publishes (folders and files), each holding ``tag``."""
    for name in OUTPUTS:
        if "." in name:
            (folder / name).write_text(f"{name}: {tag}\n")
        else:
            (folder / name / "sub").mkdir(parents=True)
            (folder / name / "sub" / "file.txt").write_text(f"{tag}\n")
            (folder / name / "top.json").write_text(f'{{"tag": "{tag}"}}')


def outputs(root: Path) -> dict[str, str]:
    found = {}
    for name in OUTPUTS:
        path = root / name
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path] if path.exists() else []
        for file in files:
            found[str(file.relative_to(root))] = file.read_text()
    return found


def steps_of_a_publication(tmp_path: Path) -> list[str]:
    root = tmp_path / "count"
    root.mkdir()
    write_outputs(root, "old")
    staging = publication.new_staging(root)
    write_outputs(staging, "new")
    seen: list[str] = []
    publication.on_step = seen.append
    try:
        publication.publish_staged(root, staging)
    finally:
        publication.on_step = publication.no_step
    return seen


def killed_at(step: int, action) -> None:
    """Run ``action`` in a forked child that dies (no cleanup, no ``finally``) after rename number ``step``."""
    pid = os.fork()
    if pid == 0:  # the child
        count = iter(range(step + 1))

        def die(_name: str) -> None:
            if next(count) == step:
                os._exit(9)

        publication.on_step = die
        try:
            action()
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    assert os.WEXITSTATUS(status) == 9, "the child should have been killed at the step"


def test_a_publication_killed_at_any_step_recovers_to_wholly_old_or_wholly_new(tmp_path):
    steps = steps_of_a_publication(tmp_path)
    assert len(steps) == 2 * len(OUTPUTS) + 2  # journal, each output aside and in place, journal removed
    reference = tmp_path / "reference"
    (reference / "old").mkdir(parents=True)
    (reference / "new").mkdir()
    write_outputs(reference / "old", "old")
    write_outputs(reference / "new", "new")
    old, new = outputs(reference / "old"), outputs(reference / "new")
    mixed_seen = False
    for step in range(len(steps)):
        root = tmp_path / f"kill-{step}"
        root.mkdir()
        write_outputs(root, "old")
        staging = publication.new_staging(root)
        write_outputs(staging, "new")
        killed_at(step, lambda root=root, staging=staging: publication.publish_staged(root, staging))
        mixed_seen |= outputs(root) not in (old, new)
        publication.recover(root)  # what the next build does first, under its lock
        publication.clean_stale(root)
        assert outputs(root) == new, f"killed after {steps[step]!r}"
        assert not list(root.glob(".build-*")) and not (root / publication.JOURNAL).exists()
    assert mixed_seen, "some kill should leave the outputs mixed until recovery (or the test kills nothing)"


def test_a_build_killed_before_its_journal_leaves_the_old_outputs_and_a_staging_folder_that_is_cleaned(tmp_path):
    root = tmp_path / "root"
    root.mkdir()
    write_outputs(root, "old")
    before = outputs(root)
    staging = publication.new_staging(root)
    write_outputs(staging, "new")  # the build dies here, before publish_staged
    assert not publication.recover(root)
    publication.clean_stale(root)
    assert outputs(root) == before and not staging.exists()


def test_the_next_build_completes_a_killed_build_and_removes_its_staging(seeds_copy):
    build(seeds_copy)
    fresh = snapshot(seeds_copy.root)
    meta = seeds_copy.seeds / "000_f58f9e3476caf365.meta.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("title:", "title: Killed build,", 1), encoding="utf-8")
    killed_at(3, lambda: build(seeds_copy))
    assert (seeds_copy.root / publication.JOURNAL).exists() and list(seeds_copy.root.glob(".build-*"))
    build(seeds_copy)
    after = snapshot(seeds_copy.root)
    assert after != fresh and "Killed build" in (seeds_copy.data / "csv" / "sources.csv").read_text(encoding="utf-8")
    assert not list(seeds_copy.root.glob(".build-*")) and not (seeds_copy.root / publication.JOURNAL).exists()


def test_the_published_data_folder_is_readable_by_others(built):
    mode = stat.S_IMODE((built.root / "data").stat().st_mode)
    assert mode & stat.S_IROTH and mode & stat.S_IXOTH, oct(mode)


def test_a_second_build_cannot_take_the_lock_while_one_holds_it(tmp_path):
    with BuildLock(tmp_path):
        with open(tmp_path / publication.LOCK, "a+") as other, pytest.raises(BlockingIOError):
            fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
    with open(tmp_path / publication.LOCK, "a+") as other:
        fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)  # released with the build
