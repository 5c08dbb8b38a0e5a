"""A helper interpreter the build starts before it has work for it: what ``ValidationHelper``
(``package_check``) and ``DatabaseProcess`` (``publish.sqlite``) share.

A fresh ``python -m <module> [args]``, not a fork (a forked child shares the build's pages until either writes to
them, and both touch every row), waits on its standard input for the one line ``go`` sends; its standard error
goes to a file, not a pipe, so nothing it says can block it.  This module imports nothing of the project: the
validation helper imports it without the rest."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

CODE_ROOT = Path(__file__).resolve().parent.parent
"""The folder ``extract`` stands in: the helper's working directory, so ``-m extract.…`` finds this code."""


class HelperProcess:
    """One helper interpreter: started at construction, handed its work by ``go``, stopped by ``close``."""

    def __init__(self, *args: str) -> None:
        self.errors = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            [sys.executable, "-m", *args],
            cwd=CODE_ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.errors,
        )

    def go(self, *values) -> None:
        """Send the helper its one line of work (``values`` as a JSON list) and close its input."""
        self.process.stdin.write((json.dumps(list(values)) + "\n").encode())
        self.process.stdin.close()

    def said(self) -> str:
        """The end of what the helper wrote on its standard error (for the error that reports its failure)."""
        self.errors.seek(0)
        return self.errors.read().decode(errors="replace")[-2000:]

    def close(self) -> None:
        """Stop the helper if it still runs (the build failed before it was done, or without calling ``go``)."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout, self.errors):
            if not stream.closed:
                stream.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()
