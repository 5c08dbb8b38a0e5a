"""Publishing the build's outputs all at once: a lock, a journal, and roll-forward.

A build writes everything it publishes (``data/``, ``schema/``, ``metadata.json``,
``CITATION.cff`` and the README with its score table) into one staging folder beside them,
validates it there, and only then moves the pieces into place.  Moving several
paths cannot be one ``rename``, so the moves are driven by a journal:

1. the staged folder is complete and validated;
2. ``.publish-journal.json`` is written (atomically: write, fsync, rename) naming it;
3. each output is swapped in (old path into the staging folder's ``replaced/``,
   staged path into place), in a fixed order;
4. the journal is removed — this is the commit point of nothing: the outputs
   were already wholly new once step 3 ended;
5. the staging folder (with the replaced outputs) is deleted.

If the process dies anywhere in step 3, the journal is still there, and the
next build, ``serve`` or any call to :func:`recover` *rolls forward*: each
output still in the staging folder is moved into place.  Every step of the
roll-forward is idempotent, so a recovery that dies is completed by the next.
Outputs are therefore, once recovered, always wholly old (died before step 2)
or wholly new (died after it).

One build at a time: :class:`BuildLock` holds an exclusive ``flock`` on
``.build.lock`` for the whole build, and a second build waits for it.  Staging
folders a killed build left behind are deleted under the lock.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

JOURNAL = ".publish-journal.json"
LOCK = ".build.lock"
STAGING_PREFIX = ".build-"
REPLACED = "replaced"

OUTPUTS = ("schema", "metadata.json", "CITATION.cff", "README.md", "data")
"""What a build publishes, relative to the project root, in the order it is swapped in."""


def no_step(step: str) -> None:
    """Called after each rename of a publication; tests replace it to kill the build there."""


on_step: Callable[[str], None] = no_step


class BuildLock:
    """An exclusive lock on the project root's outputs, held for a whole build."""

    def __init__(self, root: Path):
        self.path = root / LOCK
        self.handle = None

    def __enter__(self) -> BuildLock:
        self.handle = open(self.path, "a+")  # noqa: SIM115 - held open for the lock's lifetime
        fcntl.flock(self.handle, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc) -> None:
        fcntl.flock(self.handle, fcntl.LOCK_UN)
        self.handle.close()


def new_staging(root: Path) -> Path:
    """An empty staging folder with the permissions a normal ``mkdir`` would give (not mkdtemp's 0700)."""
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=root))
    umask = os.umask(0)
    os.umask(umask)
    staging.chmod(0o777 & ~umask)
    return staging


def write_journal(root: Path, staging: Path) -> None:
    tmp = root / (JOURNAL + ".tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        json.dump({"staging": staging.name, "outputs": list(OUTPUTS)}, handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, root / JOURNAL)
    fsync_dir(root)


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def roll_forward(root: Path, staging: Path, outputs: list[str]) -> None:
    """Move every output still in ``staging`` into place; safe to repeat after a crash at any point."""
    replaced = staging / REPLACED
    replaced.mkdir(exist_ok=True)
    for name in outputs:
        new, target, old = staging / name, root / name, replaced / name
        if not new.exists() and not new.is_symlink():
            continue  # already in place
        if target.exists() or target.is_symlink():
            if old.exists():
                remove(old)
            os.replace(target, old)
            on_step(f"{name}: old moved aside")
        os.replace(new, target)
        on_step(f"{name}: new in place")
    fsync_dir(root)


def remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def finish(root: Path, staging: Path) -> None:
    (root / JOURNAL).unlink(missing_ok=True)
    on_step("journal removed")
    shutil.rmtree(staging, ignore_errors=True)


def recover(root: Path) -> bool:
    """Complete a publication a killed build left half done; True when there was one.

    Call with the build lock held (``build`` does), or where no build can run.
    """
    journal = root / JOURNAL
    if not journal.exists():
        return False
    try:
        entry = json.loads(journal.read_text(encoding="utf-8"))
        staging = root / entry["staging"]
        outputs = [name for name in entry["outputs"] if name in OUTPUTS]
    except (ValueError, KeyError, TypeError):
        journal.unlink()  # written atomically, so a broken journal is none of ours: nothing to complete
        return False
    if staging.parent != root or not staging.name.startswith(STAGING_PREFIX):
        journal.unlink()
        return False
    if staging.is_dir():
        roll_forward(root, staging, outputs)
    finish(root, staging)
    return True


def clean_stale(root: Path) -> None:
    """Delete staging folders that killed builds left behind (call with the lock held, after ``recover``)."""
    for folder in root.glob(STAGING_PREFIX + "*"):
        if folder.is_dir() and not folder.is_symlink():
            shutil.rmtree(folder, ignore_errors=True)


def publish_staged(root: Path, staging: Path) -> None:
    """Swap the staged outputs into place, through the journal (see the module docstring)."""
    write_journal(root, staging)
    on_step("journal written")
    roll_forward(root, staging, list(OUTPUTS))
    finish(root, staging)
