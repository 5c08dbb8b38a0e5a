"""Stage 1, load: read each article and its metadata file from ``seeds/``.

An article is ``seeds/<name>.txt`` (kept byte for byte as received) with a
``seeds/<name>.meta.yaml`` beside it.  Every problem is collected, so one run
reports all unreadable articles and all bad metadata fields.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from .errors import BuildError, BuildFailed, DuplicateIdError, ErrorCollector, Location, SourceError, shown_path
from .models import Source
from .yamlfile import line_of, load_yaml, plain, validation_errors

MAX_ARTICLE_BYTES = 1_000_000
"""Articles larger than this are refused: a news report is a few kilobytes;
a megabyte of text is almost certainly a wrong file (a dump, a PDF, a log)."""

META_SUFFIX = ".meta.yaml"
COMPUTED_FIELDS = ("file", "text_sha256", "text")


def article_paths(seeds_dir: Path) -> list[Path]:
    return sorted(seeds_dir.glob("*.txt"))


def read_article(path: Path, shown: Path | None = None) -> str:
    """The article's text; SourceError when it is empty, binary, too large or not UTF-8."""
    data = path.read_bytes()
    shown = shown or path
    where = Location.of(shown)
    if not data.strip():
        raise SourceError("the article is empty", where)
    if len(data) > MAX_ARTICLE_BYTES:
        raise SourceError(f"the article is {len(data):,} bytes, over the limit of {MAX_ARTICLE_BYTES:,}", where)
    if b"\x00" in data:
        raise SourceError(f"the article is binary (a NUL byte at byte {data.index(0)})", where)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SourceError(f"the article is not UTF-8 ({exc.reason} at byte {exc.start})", Location.of(shown, line)) from None


def load_source(path: Path, root: Path | None = None) -> Source:
    """One article with its metadata, as a validated ``Source`` row."""
    errors = ErrorCollector()
    text = None
    shown = shown_path(path, root)
    try:
        text = read_article(path, shown)
    except SourceError as exc:
        errors.add(exc)
    meta_file = path.with_name(path.stem + META_SUFFIX)
    meta_path = shown_path(meta_file, root)
    meta = None
    if not meta_file.exists():
        errors.add(SourceError(f"its metadata file {meta_file.name} is missing", Location.of(shown)))
    else:
        try:
            meta = load_yaml(meta_file, meta_path)
        except BuildError as exc:
            errors.add(exc)
        if meta is not None and not isinstance(meta, dict):
            errors.add(SourceError("the metadata file must hold a mapping of fields", Location.of(meta_path, line_of(meta))))
            meta = None
        for name in COMPUTED_FIELDS:
            if meta is not None and name in meta:
                errors.add(SourceError(f"'{name}' is computed by the build and may not be set", Location.of(meta_path, line_of(meta, name), name)))
    errors.raise_if_any()
    fields = plain(meta)
    published = fields.get("published")
    if published is not None and "published_date" not in fields:
        fields["published_date"] = str(published)[:10]
    try:
        return Source(**fields, file=path.name, text=text, text_sha256=hashlib.sha256(path.read_bytes()).hexdigest())
    except ValidationError as exc:
        errors.errors.extend(validation_errors(exc, meta_path, meta, rename={"published_date": "published"}))
        errors.raise_if_any()
        raise


@dataclass
class Loaded:
    """The articles that loaded, the problems of those that did not, and the ids those claimed."""

    sources: list[Source] = field(default_factory=list)
    errors: list[BuildError] = field(default_factory=list)
    unusable_ids: set[str] = field(default_factory=set)


def claimed_source_id(path: Path) -> str | None:
    """The source_id an unusable article's metadata claims, if it can be read at all."""
    try:
        meta = load_yaml(path.with_name(path.stem + META_SUFFIX))
        return str(meta["source_id"]) if isinstance(meta, dict) and "source_id" in meta else None
    except (BuildError, OSError):
        return None


def load_sources(seeds_dir: Path, root: Path | None = None) -> list[Source]:
    """Every article in ``seeds_dir``, sorted by file name; all problems raised together."""
    loaded = load_all(seeds_dir, root)
    if loaded.errors:
        raise BuildFailed(loaded.errors)
    return loaded.sources


def load_all(seeds_dir: Path, root: Path | None = None) -> Loaded:
    """Like ``load_sources``, but returns the problems with what did load, so later stages can report theirs too."""
    errors = ErrorCollector()
    sources = []
    unusable: set[str] = set()
    for path in article_paths(seeds_dir):
        try:
            sources.append(load_source(path, root))
        except BuildFailed as exc:
            errors.errors.extend(exc.errors)
            claimed = claimed_source_id(path)
            if claimed:
                unusable.add(claimed)
    seen: dict[str, Source] = {}
    for source in sources:
        if source.source_id in seen:
            errors.add(DuplicateIdError(f"source_id '{source.source_id}' is used by {seen[source.source_id].file} too",
                                        Location.of(shown_path(seeds_dir / (Path(source.file).stem + META_SUFFIX), root), None, "source_id")))
        seen[source.source_id] = source
    if not sources and not errors.errors:
        errors.add(SourceError("no articles (*.txt) found", Location.of(shown_path(seeds_dir, root))))
    return Loaded(sources, errors.errors, unusable)
