"""One error model for the whole build, after frictionless's typed errors.

Every problem the build finds is an instance of a small class with a ``type``
(a stable kebab-case code that tests and users can match on), a ``title`` and a
message ``template``.  Each instance carries a ``note`` and a ``Location``
(file, line, field, source id).  The build collects every error before it
stops, so a curator sees all problems of a run at once, one line each.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Location:
    """Where a problem is: a file, the 1-based line in it, and the field."""

    file: str | None = None
    line: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        parts = [self.file or "<unknown file>"]
        if self.line is not None:
            parts[0] += f":{self.line}"
        if self.field:
            parts.append(f"field '{self.field}'")
        return ", ".join(parts)

    @classmethod
    def of(cls, file: str | Path | None, line: int | None = None, field: str | None = None) -> Location:
        return cls(str(file) if file is not None else None, line, field)


def shown_path(path: Path, root: Path | None) -> Path:
    """``path`` relative to the project root when it is inside it (for errors and provenance)."""
    if root is not None and path.is_relative_to(root):
        return Path(path.relative_to(root).as_posix())
    return path


class BuildError(Exception):
    """Base class: one problem found while building the dataset."""

    type = "build-error"
    title = "Build error"
    template = "{note}"

    def __init__(self, note: str, location: Location | None = None):
        self.note = note
        self.location = location or Location()
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return self.template.format(note=self.note)

    def __str__(self) -> str:
        return f"{self.location}: [{self.type}] {self.message}"

    def flatten(self) -> tuple:
        """(file, line, field, type): what tests compare."""
        loc = self.location
        return (loc.file, loc.line, loc.field, self.type)


class SourceError(BuildError):
    """An article or its metadata file cannot be read or is unusable."""

    type = "source-error"
    title = "Source error"
    template = "The source cannot be used: {note}"


class AnnotationError(BuildError):
    """A curated annotation file is malformed."""

    type = "annotation-error"
    title = "Annotation error"
    template = "The annotation is invalid: {note}"


class YamlSyntaxError(AnnotationError):
    """The annotation file is not valid YAML."""

    type = "yaml-syntax-error"
    title = "YAML syntax error"
    template = "The file is not valid YAML: {note}"


class FieldError(AnnotationError):
    """A field is unknown, missing, or holds a value its model refuses."""

    type = "field-error"
    title = "Field error"
    template = "{note}"


class CitationError(AnnotationError):
    """A verbatim citation is not in the article, or is in it more than once."""

    type = "citation-error"
    title = "Citation error"
    template = "The citation does not match the article: {note}"


class ArticleChangedError(AnnotationError):
    """The article is not the text the annotation was made against."""

    type = "article-changed"
    title = "Article changed"
    template = "The article changed after it was curated: {note}"


class UnknownReferenceError(AnnotationError):
    """A reference names an id that nothing defines."""

    type = "reference-error"
    title = "Reference error"
    template = "Unknown reference: {note}"


class DuplicateIdError(AnnotationError):
    """Two rows of one table share an id."""

    type = "duplicate-id"
    title = "Duplicate id"
    template = "Duplicate id: {note}"


class ConflictError(AnnotationError):
    """Two files describe the same entity with different values."""

    type = "entity-conflict"
    title = "Entity conflict"
    template = "Conflicting descriptions of one entity: {note}"


class FigureValueError(AnnotationError):
    """A figure's value contradicts the number written in its surface."""

    type = "figure-value-error"
    title = "Figure value error"
    template = "The figure's value contradicts its surface: {note}"


class OffsetError(BuildError):
    """A published row's offsets do not give back its text (an internal bug)."""

    type = "offset-error"
    title = "Offset error"
    template = "Offsets do not match the source text: {note}"


class PackageError(BuildError):
    """The written data package does not validate."""

    type = "package-error"
    title = "Package error"
    template = "The data package is invalid: {note}"


class OutputError(BuildError):
    """The outputs cannot be written: a read-only project folder, a full disk, any failed write."""

    type = "output-error"
    title = "Output error"
    template = "The outputs cannot be written: {note}"

    CAUSES = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is used up",
        errno.EACCES: "the project folder (or this file) is not writable",
        errno.EPERM: "the project folder (or this file) is not writable",
        errno.EROFS: "the project folder is on a read-only file system",
    }

    @classmethod
    def of(cls, exc: OSError, root: Path | None = None) -> OutputError:
        """The error for a failed write, naming the file (relative to ``root``) and the cause in words."""
        cause = cls.CAUSES.get(exc.errno, "the write failed")
        detail = exc.strerror or str(exc)
        file = Path(exc.filename) if exc.filename else root
        if file is not None and root is not None:
            file = shown_path(file, root)
        return cls(f"{cause} ({detail})", Location.of(file))


class BuildFailed(Exception):
    """Raised once, at the end of a stage, with every error the stage found."""

    def __init__(self, errors: list[BuildError]):
        self.errors = list(errors)
        super().__init__("\n".join(str(e) for e in self.errors))

    def flatten(self) -> list[tuple]:
        return [e.flatten() for e in self.errors]


class ErrorCollector:
    """Gathers errors across a stage and raises them together."""

    def __init__(self) -> None:
        self.errors: list[BuildError] = []

    def add(self, error: BuildError) -> None:
        self.errors.append(error)

    def raise_if_any(self) -> None:
        if self.errors:
            raise BuildFailed(self.errors)
