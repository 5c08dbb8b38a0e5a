"""Reading YAML with line numbers, so every error can name file, line and field.

PyYAML's C parser composes the node tree (with each node's line); this module
turns it into plain dicts and lists that remember their lines.  Scalars are
resolved after YAML 1.2's core schema, so ``NO`` (Norway) stays a string and
``2024-02-30`` stays text for the models to refuse with a located error.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .errors import FieldError, Location, YamlSyntaxError

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

INT = re.compile(r"[-+]?(?:0|[1-9][0-9_]*)$")
FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")


class LineDict(dict):
    """A mapping that knows its own line and the line of each key (1-based)."""

    line: int | None = None
    key_lines: dict


class LineList(list):
    """A sequence that knows its own line and the line of each item (1-based)."""

    line: int | None = None
    item_lines: list


def scalar(node: yaml.ScalarNode) -> Any:
    value = node.value
    if node.style:  # quoted or block scalars are text (plain ones have no style)
        return value
    if value in ("", "~", "null", "Null", "NULL"):
        return None
    if value in ("true", "True", "TRUE"):
        return True
    if value in ("false", "False", "FALSE"):
        return False
    if INT.match(value):
        return int(value.replace("_", ""))
    if FLOAT.match(value) and any(c.isdigit() for c in value):
        return float(value.replace("_", ""))
    return value


def construct(node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return scalar(node)
    if isinstance(node, yaml.SequenceNode):
        items = LineList(construct(item) for item in node.value)
        items.line = node.start_mark.line + 1
        items.item_lines = [item.start_mark.line + 1 for item in node.value]
        return items
    if isinstance(node, yaml.MappingNode):
        mapping = LineDict()
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = {}
        for key_node, value_node in node.value:
            key = construct(key_node)
            if isinstance(key, (list, dict)):
                raise yaml.MarkedYAMLError(problem="a mapping key must be a scalar", problem_mark=key_node.start_mark)
            mapping[key] = construct(value_node)
            mapping.key_lines[key] = key_node.start_mark.line + 1
        return mapping
    raise yaml.MarkedYAMLError(problem=f"unsupported node {node.tag}", problem_mark=node.start_mark)


def parse_yaml(text: str, shown: Path | str) -> Any:
    try:
        node = yaml.compose(text, Loader=Loader)
        return None if node is None else construct(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        raise YamlSyntaxError(problem or str(exc), Location.of(shown, line)) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(str(exc).splitlines()[0], Location.of(shown)) from None


def load_yaml(path: Path, shown: Path | None = None) -> Any:
    """Parse ``path`` keeping line information; raise YamlSyntaxError with the line (naming ``shown`` or ``path``)."""
    shown = shown or path
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise YamlSyntaxError(f"not UTF-8 ({exc.reason} at byte {exc.start})", Location.of(shown)) from None
    return parse_yaml(text, shown)


def line_of(node: Any, key: Any = None) -> int | None:
    """1-based line of ``node`` (or of ``node[key]``'s key or item) in its file."""
    if key is not None and isinstance(node, LineDict):
        return node.key_lines.get(key, node.line)
    if key is not None and isinstance(node, LineList):
        return node.item_lines[key] if 0 <= key < len(node.item_lines) else node.line
    return getattr(node, "line", None)


def plain(node: Any) -> Any:
    """The node as plain dicts and lists."""
    if isinstance(node, dict):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    return node


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


def read_data(path: Path) -> Any:
    """A YAML data file of the project (vocabularies, lexicons, dataset metadata) as plain data."""
    return plain(load_yaml(path))
