"""Where a build's time goes: wall and CPU seconds of the build's own process, stage by stage.

Set ``EXTRACT_STAGE_TIMES`` to a file name and ``python -m extract build`` writes there, as JSON, one
``[stage, wall s, CPU s]`` triple per stage in the order they ran (``bench/build_scale.py --stages`` reads it):
the first, ``start``, is the interpreter's start and the imports up to the build (wall from the process's start
as the kernel counts it, CPU as ``time.process_time`` does); the stages do not overlap, so they add up to the
build's own process, but for ``rules: early worker wait``, the part of ``rules`` the build spent waiting for the
rule worker it started early (``rules.batch.worker_started``: an added article's build).  The helper processes beside it (the early rule worker, the database writer, a validation
helper) are not in it: their CPU time is in the benchmark's total, and ``database wait`` is how long the build
waited for the writer.  Without the variable nothing is timed beyond two clock reads a stage, and nothing is
written.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ENV = "EXTRACT_STAGE_TIMES"

_TIMES: list[tuple[str, float, float]] = []


def process_age() -> float:
    """Wall seconds since this process started (Linux's ``/proc``; 0.0 where it cannot be read)."""
    try:
        start_ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return max(0.0, uptime - start_ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError):
        return 0.0


def start() -> None:
    """Begin a build's timings: forget any earlier build's, and record the interpreter's start and imports."""
    _TIMES.clear()
    _TIMES.append(("start", process_age(), time.process_time()))


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Time the block as the stage ``name`` (a stage run twice is recorded twice)."""
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        yield
    finally:
        _TIMES.append((name, time.perf_counter() - wall, time.process_time() - cpu))


def times() -> list[tuple[str, float, float]]:
    return list(_TIMES)


def write() -> None:
    """Write the timings to the file ``EXTRACT_STAGE_TIMES`` names, if it names one, closed by ``build``: the
    process's wall and CPU seconds from its start to now (what the stages leave out is the difference)."""
    target = os.environ.get(ENV)
    if target:
        found = [*_TIMES, ("build", process_age(), time.process_time())]
        Path(target).write_text(json.dumps([[n, round(w, 4), round(c, 4)] for n, w, c in found]) + "\n")
