"""Stage 1, load: read each article and its metadata file from ``seeds/``.

An article is ``seeds/<name>.txt`` (kept byte for byte as received) with a
``seeds/<name>.meta.yaml`` beside it.  Every problem is collected, so one run
reports all unreadable articles and all bad metadata fields.

``add_article`` puts a new article there (``python -m extract add``), named by
the rule in ``seed_name``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from .cache import ParsedYaml
from .errors import BuildError, BuildFailed, DuplicateIdError, ErrorCollector, Location, SourceError, shown_path
from .models import Source
from .yamlfile import line_of, load_yaml, plain, validation_errors

MAX_ARTICLE_BYTES = 1_000_000
"""Articles larger than this are refused: a news report is a few kilobytes;
a megabyte of text is almost certainly a wrong file (a dump, a PDF, a log)."""

META_SUFFIX = ".meta.yaml"
COMPUTED_FIELDS = ("file", "text_sha256", "text", "curation_status", "published_date")
NUMBERED = re.compile(r"^(\d{3})_")


def article_paths(seeds_dir: Path) -> list[Path]:
    return sorted(seeds_dir.glob("*.txt"))


def check_regular_file(path: Path, shown: Path, root: Path | None) -> None:
    """SourceError unless ``path`` is a regular file inside ``root``: a symbolic link out of the
    project (its target would be published as an article's text), a broken link, a FIFO (reading it
    waits forever) or a directory named like a file are refused before anything is read."""
    where = Location.of(shown)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise SourceError("is a broken symbolic link" if path.is_symlink() else "does not exist", where) from None
    except OSError as exc:
        raise SourceError(f"cannot be read ({exc.strerror})", where) from None
    if not stat.S_ISREG(mode):
        kind = "a directory" if stat.S_ISDIR(mode) else "a FIFO" if stat.S_ISFIFO(mode) else "not a regular file"
        raise SourceError(f"is {kind}, not a file", where)
    if root is not None and path.is_symlink() and not path.resolve().is_relative_to(root.resolve()):
        raise SourceError(
            f"is a symbolic link to {path.resolve()}, outside the project; copy the file in instead", where
        )


def article_data(path: Path, shown: Path | None = None, root: Path | None = None) -> tuple[bytes, str]:
    """The article's bytes and text, read once; SourceError when it is no regular file of the project, empty,
    binary, too large or not UTF-8."""
    shown = shown or path
    check_regular_file(path, shown, root)
    data = path.read_bytes()
    where = Location.of(shown)
    if not data.strip():
        raise SourceError("the article is empty", where)
    if len(data) > MAX_ARTICLE_BYTES:
        raise SourceError(f"the article is {len(data):,} bytes, over the limit of {MAX_ARTICLE_BYTES:,}", where)
    if b"\x00" in data:
        raise SourceError(f"the article is binary (a NUL byte at byte {data.index(0)})", where)
    try:
        return data, data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SourceError(
            f"the article is not UTF-8 ({exc.reason} at byte {exc.start})", Location.of(shown, line)
        ) from None


def read_article(path: Path, shown: Path | None = None, root: Path | None = None) -> str:
    """The article's text (see ``article_data``)."""
    return article_data(path, shown, root)[1]


def load_source(path: Path, root: Path | None = None, parsed: ParsedYaml | None = None) -> Source:
    """One article with its metadata, as a validated ``Source`` row (its metadata file parsed by ``parsed``,
    which remembers earlier parses by content, when given)."""
    errors = ErrorCollector()
    data, text = b"", None
    shown = shown_path(path, root)
    try:
        data, text = article_data(path, shown, root)  # read once: the text and its SHA-256 come from the same bytes
    except SourceError as exc:
        errors.add(exc)
    meta_file = path.with_name(path.stem + META_SUFFIX)
    meta_path = shown_path(meta_file, root)
    meta = None
    if not meta_file.exists() and not meta_file.is_symlink():
        errors.add(SourceError(f"its metadata file {meta_file.name} is missing", Location.of(shown)))
    else:
        try:
            check_regular_file(meta_file, meta_path, root)
            meta = parsed.load(meta_file, meta_path) if parsed else load_yaml(meta_file, meta_path)
        except BuildError as exc:
            errors.add(exc)
        if meta is None and not errors.errors:
            errors.add(SourceError("the metadata file is empty", Location.of(meta_path)))
        if meta is not None and not isinstance(meta, dict):
            errors.add(
                SourceError("the metadata file must hold a mapping of fields", Location.of(meta_path, line_of(meta)))
            )
            meta = None
        for name in COMPUTED_FIELDS:
            if meta is not None and name in meta:
                errors.add(
                    SourceError(
                        f"'{name}' is computed by the build and may not be set",
                        Location.of(meta_path, line_of(meta, name), name),
                    )
                )
    errors.raise_if_any()
    fields = plain(meta)
    published = fields.get("published")
    if published is not None:
        fields["published_date"] = str(published)[:10]
    try:
        return Source(**fields, file=path.name, text=text, text_sha256=hashlib.sha256(data).hexdigest())
    except ValidationError as exc:
        found = validation_errors(exc, meta_path, meta, rename={"published_date": "published"})
        # a bad `published` fails twice (itself, and the date derived from it): report it once
        errors.errors.extend(e for i, e in enumerate(found) if e.location not in {f.location for f in found[:i]})
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


def load_all(seeds_dir: Path, root: Path | None = None, cache_folder: Path | None = None) -> Loaded:
    """Like ``load_sources``, but returns the problems with what did load, so later stages can report theirs too.

    ``cache_folder``: where the parsed metadata files are remembered by content (``cache.ParsedYaml``)."""
    errors = ErrorCollector()
    sources = []
    unusable: set[str] = set()
    parsed = ParsedYaml(cache_folder)
    for path in article_paths(seeds_dir):
        try:
            sources.append(load_source(path, root, parsed))
        except BuildFailed as exc:
            errors.errors.extend(exc.errors)
            claimed = claimed_source_id(path)
            if claimed:
                unusable.add(claimed)
    parsed.save()
    seen: dict[str, Source] = {}
    for source in sources:
        if source.source_id in seen:
            errors.add(
                DuplicateIdError(
                    f"source_id '{source.source_id}' is used by {seen[source.source_id].file} too",
                    Location.of(
                        shown_path(seeds_dir / (Path(source.file).stem + META_SUFFIX), root), None, "source_id"
                    ),
                )
            )
        seen[source.source_id] = source
    texts: dict[str, Source] = {}
    for source in sources:
        first = texts.setdefault(source.text_sha256, source)
        if first is not source:
            errors.add(
                SourceError(
                    f"has the same text as {first.file} ('{first.source_id}'); one report under two ids "
                    "would publish every event, quote and figure twice",
                    Location.of(shown_path(seeds_dir / source.file, root)),
                )
            )
    if not sources and not errors.errors:
        errors.add(SourceError("no articles (*.txt) found", Location.of(shown_path(seeds_dir, root))))
    return Loaded(sources, errors.errors, unusable)


# adding an article -----------------------------------------------------------


def seed_name(seeds_dir: Path, data: bytes) -> str:
    """The name of a new article's files: ``NNN_<hash>``.

    ``NNN`` is one more than the highest three-digit number that begins a name in
    ``seeds_dir`` (``000`` for the first; a number is never reused, so the numbers
    follow the order of arrival, with gaps where an article was removed), and
    ``<hash>`` is the first 16 hexadecimal digits of the text's SHA-256.  Names
    made before this rule (the first seeds' hash part is not their SHA-256) stay
    valid: the build reads every ``*.txt``, whatever its name."""
    numbers = [int(m.group(1)) for p in article_paths(seeds_dir) if (m := NUMBERED.match(p.stem))]
    number = max(numbers, default=-1) + 1
    if number > 999:
        raise BuildFailed([SourceError("seeds/ has used every number from 000 to 999", Location.of(seeds_dir))])
    return f"{number:03d}_{hashlib.sha256(data).hexdigest()[:16]}"


def default_source_id(publisher: str, published: str, title: str, taken: set[str]) -> str:
    """``<publisher>-<YYYY-MM-DD>-<subject>``: the publisher's name before any parenthesis, the
    publication day, and the first three words of the title of four letters or more; ``-2``, ``-3``…
    when that id is taken."""
    from .rules.rows import slug

    words = [w for w in re.findall(r"[^\W\d_]+", title) if len(w) >= 4][:3]
    base = "-".join(
        part
        for part in (
            slug(publisher.split("(")[0], 30),
            slug(published[:10]),
            slug(" ".join(words), 40) if words else "",
        )
        if part
    )
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def parse_published(value: str) -> str:
    """``value`` when it is an ISO 8601 date or local date and time (``2024-03-05``, ``2024-03-05T14:30``)."""
    try:
        dt.datetime.fromisoformat(value) if "T" in value or " " in value else dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(
            f"{value!r} is not an ISO 8601 date (YYYY-MM-DD) or date and time (YYYY-MM-DDTHH:MM)"
        ) from None
    return value


def read_new_article(article: Path) -> tuple[bytes, str]:
    """The bytes and text of the file to add; BuildFailed naming it when it cannot be read or is no article."""
    try:
        return article_data(article)
    except OSError as exc:
        raise BuildFailed([SourceError(f"cannot be read ({exc.strerror})", Location.of(article))]) from None
    except SourceError as exc:
        raise BuildFailed([exc]) from None


def check_new_text(loaded: Loaded, sha: str, article: Path, errors: ErrorCollector) -> None:
    """The same text under a second id would publish every row of it twice."""
    for known in loaded.sources:
        if known.text_sha256 == sha:
            errors.add(
                DuplicateIdError(
                    f"this text is already in seeds/ as {known.file} ({known.source_id})", Location.of(article)
                )
            )


def default_title(text: str) -> str:
    """The article's first non-blank line, cut at a word before 160 characters."""
    first_line = next(line.strip() for line in text.splitlines() if line.strip())
    return first_line if len(first_line) <= 160 else first_line[:160].rsplit(" ", 1)[0] + "…"


@dataclass
class NewArticle:
    """What ``add_article`` is writing: the file name, the metadata fields, and where an option's error points."""

    name: str
    meta_file: Path
    errors: ErrorCollector = field(default_factory=ErrorCollector)

    def option(self, field_name: str | None) -> Location:
        """Where an option's error points: the metadata file it would have been written to."""
        return Location.of(self.meta_file, None, field_name)


def article_meta(new: NewArticle, text: str, options: dict, taken: set[str]) -> dict:
    """The metadata fields from the command's options (``--published`` and ``--url`` checked, title, rights and
    source_id defaulted), in the order they are written."""
    publisher, published = (options["publisher"] or "").strip(), (options["published"] or "").strip()
    try:
        published = parse_published(published)
    except ValueError as exc:
        new.errors.add(SourceError(f"--published: {exc}", new.option("published")))
    url = options["url"]
    if url is not None and not re.match(r"https?://\S+$", url):
        new.errors.add(SourceError(f"--url {url!r} is not an http(s) address", new.option("url")))
    title = options["title"] or default_title(text)
    rights = (
        options["rights"]
        or f"© {published[:4]} {publisher}. The text is reproduced for research and verification; all rights remain with the publisher."
    )
    source_id = options["source_id"]
    if source_id in taken:
        new.errors.add(
            DuplicateIdError(f"--source-id {source_id!r} is already used in seeds/", new.option("source_id"))
        )
    source_id = source_id or default_source_id(publisher, published, title, taken)
    return {
        "source_id": source_id,
        "publisher": publisher,
        "published": published,
        "title": title,
        "language": options["language"],
        "url": url,
        "rights": rights,
    }


def new_source(new: NewArticle, meta: dict, text: str, sha: str) -> Source | None:
    """The ``Source`` row the article will be, or None with each invalid field's error (once per option)."""
    try:
        return Source(**meta, published_date=meta["published"][:10], file=f"{new.name}.txt", text=text, text_sha256=sha)
    except ValidationError as exc:
        reported = {e.location.field for e in new.errors.errors}
        for err in exc.errors():
            field_name = (
                {"published_date": "published"}.get(str(err["loc"][0]), str(err["loc"][0])) if err["loc"] else None
            )
            if field_name in reported:
                continue
            new.errors.add(
                SourceError(
                    f"--{field_name.replace('_', '-')}: {err['msg']} (got {meta.get(field_name)!r})",
                    new.option(field_name),
                )
            )
        return None


def write_new_article(seeds_dir: Path, name: str, meta: dict, data: bytes) -> None:
    """The metadata file (one JSON scalar a line, which YAML reads back) and the text, byte for byte."""
    seeds_dir.mkdir(parents=True, exist_ok=True)
    lines = [
        f"# Metadata of {name}.txt (the text file is kept exactly as received), written by `python -m extract add`."
    ]
    lines += [
        f"{key}: {'null' if value is None else json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()
    ]
    (seeds_dir / f"{name}{META_SUFFIX}").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (seeds_dir / f"{name}.txt").write_bytes(data)


def add_article(
    seeds_dir: Path,
    article: Path,
    *,
    publisher: str,
    published: str,
    title: str | None = None,
    url: str | None = None,
    rights: str | None = None,
    language: str = "en",
    source_id: str | None = None,
    root: Path | None = None,
) -> Source:
    """Copy ``article`` byte for byte into ``seeds_dir`` under its ``seed_name`` and write its metadata file.

    Nothing is written unless the text and every field are valid; BuildFailed lists every problem,
    each naming the article or the option (``--published``) at fault."""
    data, text = read_new_article(article)
    loaded = load_all(seeds_dir, root) if article_paths(seeds_dir) else Loaded()
    sha = hashlib.sha256(data).hexdigest()
    name = seed_name(seeds_dir, data)
    new = NewArticle(name, shown_path(seeds_dir / f"{name}{META_SUFFIX}", root))
    check_new_text(loaded, sha, article, new.errors)
    options = {"publisher": publisher, "published": published, "title": title, "url": url, "rights": rights}
    options |= {"language": language, "source_id": source_id}
    meta = article_meta(new, text, options, {s.source_id for s in loaded.sources} | loaded.unusable_ids)
    source = new_source(new, meta, text, sha)
    new.errors.raise_if_any()
    write_new_article(seeds_dir, name, meta, data)
    return source
