"""Reading YAML with line numbers, so every error can name file, line and field."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from .errors import FieldError, Location, YamlSyntaxError


def yaml_reader() -> YAML:
    """A round-trip reader (it keeps line numbers) that leaves dates as text.

    ruamel would turn ``2024-02-30`` into a date and fail with no line; kept as
    text, the models parse it and report the bad date with file, line and field.
    """
    yaml = YAML(typ="rt")
    yaml.constructor.add_constructor("tag:yaml.org,2002:timestamp", type(yaml.constructor).construct_yaml_str)
    return yaml


def load_yaml(path: Path, shown: Path | None = None) -> Any:
    """Parse ``path`` keeping line information; raise YamlSyntaxError with the line (naming ``shown`` or ``path``)."""
    shown = shown or path
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise YamlSyntaxError(f"not UTF-8 ({exc.reason} at byte {exc.start})", Location.of(shown)) from None
    try:
        return yaml_reader().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        raise YamlSyntaxError(problem or str(exc), Location.of(shown, line)) from None
    except YAMLError as exc:
        raise YamlSyntaxError(str(exc).splitlines()[0], Location.of(shown)) from None


def line_of(node: Any, key: Any = None) -> int | None:
    """1-based line of ``node`` (or of ``node[key]``'s key) in its file."""
    try:
        if key is not None and isinstance(node, CommentedMap):
            return node.lc.key(key)[0] + 1
        if key is not None and isinstance(node, CommentedSeq):
            return node.lc.item(key)[0] + 1
        return node.lc.line + 1
    except (AttributeError, KeyError, TypeError, IndexError):
        return None


def plain(node: Any) -> Any:
    """The node as plain dicts, lists and scalars (ruamel types removed)."""
    if isinstance(node, dict):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    if hasattr(node, "isoformat"):
        return node
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    return str(node)


def validation_errors(exc: ValidationError, path: Path, node: Any, rename: dict[str, str] | None = None) -> list[FieldError]:
    """Turn a pydantic ValidationError on a model built from ``node`` into located FieldErrors."""
    rename = rename or {}
    errors = []
    for err in exc.errors():
        loc = [str(p) for p in err["loc"]]
        field = rename.get(loc[0], loc[0]) if loc else None
        line = line_of(node, field) if field and isinstance(node, dict) and field in node else line_of(node)
        message = err["msg"]
        if err["type"] == "extra_forbidden":
            message = "unknown field"
        elif err["type"] == "missing":
            message = "required field is missing"
        elif "input" in err and err["type"] not in ("model_type",):
            message += f" (got {err['input']!r})"
        label = ".".join([field, *loc[1:]]) if field else None
        errors.append(FieldError(message, Location.of(path, line, label)))
    return errors
