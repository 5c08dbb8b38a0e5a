"""A versioned release of the published package: one reproducible archive and its checksum.

While the corpus is small, the repository commits ``data/`` itself.  When it is
large (thousands of articles: hundreds of megabytes, single CSV files over the
hosting limits), the repository keeps committing the package's descriptor and
the curated core, and the full package travels as a release archive instead:
``python -m extract release`` zips the built ``data/`` package (descriptor, CSV
and Parquet; the SQLite database is rebuilt from them by anyone with the code)
into ``dist/<name>-<version>.zip``, with fixed timestamps and permissions and
entries in sorted order, so the same build always gives the same bytes, and
records its SHA-256 in ``dist/<name>-<version>.zip.sha256`` — the line to
commit, or to publish beside the archive, so a downloader can check it.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
"""The earliest time a zip entry can hold: no clock time enters the archive."""


def package_files(data: Path) -> list[Path]:
    """The descriptor and every file its resources name, in sorted order."""
    descriptor = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    files = {data / "datapackage.json"} | {data / r["path"] for r in descriptor["resources"]}
    missing = sorted(str(p) for p in files if not p.is_file())
    if missing:
        raise FileNotFoundError(f"the package names files that are not there: {', '.join(missing)}")
    return sorted(files)


def make_release(data: Path, out: Path) -> tuple[Path, str]:
    """Write the archive of the package in ``data`` into ``out``; (its path, its SHA-256)."""
    descriptor = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    out.mkdir(parents=True, exist_ok=True)
    archive = out / f"{descriptor['name']}-{descriptor.get('version', '0')}.zip"
    tmp = archive.with_suffix(".zip.tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in package_files(data):
            info = zipfile.ZipInfo(path.relative_to(data).as_posix(), date_time=FIXED_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, path.read_bytes(), compresslevel=9)
    tmp.replace(archive)
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    archive.with_name(archive.name + ".sha256").write_text(f"{digest}  {archive.name}\n", encoding="utf-8")
    return archive, digest
