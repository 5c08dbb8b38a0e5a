"""Parsed metadata files remembered by their content, so a build of many articles parses only the files that changed.

Each article's ``.meta.yaml`` is read strictly (``yamlfile``: two passes of
PyYAML, line numbers for every key), about 0.4 ms a file: 3.7 s of a build of
10,000 articles, almost all of it for files that did not change since the
last build.  ``ParsedYaml`` keeps what ``yamlfile.parse_yaml`` made of each
file under the SHA-256 of the file's bytes, in one file per loader version
(``.cache/metadata/<version>.pickle``): the version is a content hash of
``yamlfile.py`` and the PyYAML release and parser, so a change to how YAML is
read forgets every entry.  The bytes are hashed afresh on every build, so a
file changed by one byte is parsed again; a file that does not parse is never
remembered (its error is raised as without a cache).  The cache is local
(git-ignored) and never published: deleting it only costs time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from . import yamlfile

LOADER_CODE = Path(yamlfile.__file__).resolve()


@cache
def loader_version() -> str:
    """A content hash of what a parse depends on besides the file: the reading code and the YAML parser."""
    digest = hashlib.sha256(LOADER_CODE.read_bytes())
    digest.update(f"PyYAML=={yaml.__version__} {yamlfile.Loader.__name__}".encode())
    return digest.hexdigest()[:20]


class ParsedYaml:
    """``yamlfile.load_yaml`` remembered by each file's SHA-256 (see the module's docstring).

    ``folder`` None: no cache, every file parsed.  ``save`` writes the entries used by this build (and only
    those: a removed article's entry is dropped) when any was parsed or dropped, and removes other versions."""

    def __init__(self, folder: Path | None):
        self.path = folder / f"{loader_version()}.pickle" if folder else None
        self.known: dict[str, Any] = self.read()
        self.used: dict[str, Any] = {}
        self.parsed = 0

    def read(self) -> dict[str, Any]:
        try:
            with open(self.path, "rb") as handle:  # type: ignore[arg-type]
                found = pickle.load(handle)  # noqa: S301 - our own local cache, written below
        except (TypeError, OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
            return {}
        return found if isinstance(found, dict) else {}

    def load(self, path: Path, shown: Path | None = None) -> Any:
        """What ``yamlfile.load_yaml(path, shown)`` gives: the remembered parse of these bytes, or a fresh one."""
        if self.path is None or path.stat().st_size > yamlfile.MAX_BYTES:
            return yamlfile.load_yaml(path, shown)
        data = path.read_bytes()
        key = hashlib.sha256(data).hexdigest()
        if key in self.known:
            self.used[key] = self.known[key]
            return self.used[key]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return yamlfile.load_yaml(path, shown)  # raises the located error
        parsed = yamlfile.parse_yaml(text, shown or path)
        self.used[key] = parsed
        self.parsed += 1
        return parsed

    def save(self) -> None:
        if self.path is None or (not self.parsed and self.used.keys() == self.known.keys()):
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_name(self.path.name + f".{os.getpid()}.tmp")
            tmp.write_bytes(pickle.dumps(self.used, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(tmp, self.path)
            for other in self.path.parent.iterdir():
                if other != self.path and other.suffix == ".pickle":
                    other.unlink(missing_ok=True)
        except OSError:
            pass  # a cache that cannot be written only costs time next build
        self.known, self.parsed = dict(self.used), 0
