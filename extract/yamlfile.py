"""Reading YAML with line numbers, so every error can name file, line and field.

PyYAML's C parser composes the node tree (with each node's line); this module
turns it into plain dicts and lists that remember their lines.  Scalars are
resolved after YAML 1.2's core schema, so ``NO`` (Norway) stays a string and
``2024-02-30`` stays text for the models to refuse with a located error.

The reading is strict, because a curation file that YAML reads "leniently"
loses data silently: a key given twice (YAML keeps the last), anchors and
aliases (curation files do not need them, and expanding them without limit
is the "billion laughs"), nesting deeper than any curation file needs (deep
enough, it crashes the parser), and files larger than any curation file are
all refused with their line.
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .errors import FieldError, Location, YamlSyntaxError

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_BYTES = 5_000_000
"""No curation or metadata file comes near this; a larger one is refused before parsing."""
MAX_DEPTH = 32
"""Nesting of mappings and sequences; curation files use four or five levels."""

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


class Lines:
    """1-based line numbers counted on "\n" alone (YAML's marks also count U+2028, U+2029 and U+0085 as breaks)."""

    def __init__(self, text: str):
        self.starts = [0, *(m.end() for m in re.finditer("\n", text))]

    def of(self, mark: yaml.Mark) -> int:
        return bisect.bisect_right(self.starts, mark.index)


def construct(node: yaml.Node, lines: Lines) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return scalar(node)
    if isinstance(node, yaml.SequenceNode):
        items = LineList(construct(item, lines) for item in node.value)
        items.line = lines.of(node.start_mark)
        items.item_lines = [lines.of(item.start_mark) for item in node.value]
        return items
    if isinstance(node, yaml.MappingNode):
        mapping = LineDict()
        mapping.line = lines.of(node.start_mark)
        mapping.key_lines = {}
        for key_node, value_node in node.value:
            key = construct(key_node, lines)
            if isinstance(key, (list, dict)):
                raise yaml.MarkedYAMLError(problem="a mapping key must be a scalar", problem_mark=key_node.start_mark)
            if key in mapping:
                raise yaml.MarkedYAMLError(
                    problem=f"the key {key!r} is given twice (first on line {mapping.key_lines[key]}); "
                    "YAML would keep only the last one",
                    problem_mark=key_node.start_mark,
                )
            mapping[key] = construct(value_node, lines)
            mapping.key_lines[key] = lines.of(key_node.start_mark)
        return mapping
    raise yaml.MarkedYAMLError(problem=f"unsupported node {node.tag}", problem_mark=node.start_mark)


def check_events(text: str) -> None:
    """Refuse anchors, aliases and deep nesting, reading the event stream (flat, so no depth can crash it)."""
    depth = 0
    for event in yaml.parse(text, Loader=Loader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise yaml.MarkedYAMLError(
                problem="anchors and aliases (&name, *name) are not allowed in this file", problem_mark=event.start_mark
            )
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise yaml.MarkedYAMLError(
                    problem=f"nested deeper than {MAX_DEPTH} levels", problem_mark=event.start_mark
                )
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def parse_yaml(text: str, shown: Path | str) -> Any:
    lines = Lines(text)
    try:
        check_events(text)
        node = yaml.compose(text, Loader=Loader)
        return None if node is None else construct(node, lines)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = lines.of(mark) if mark is not None else None
        problem = " ".join(str(p) for p in (exc.context, exc.problem) if p)
        raise YamlSyntaxError(problem or str(exc), Location.of(shown, line)) from None
    except yaml.reader.ReaderError as exc:  # e.g. a NUL byte: located by its character position
        line = text.count("\n", 0, exc.position) + 1 if isinstance(exc.position, int) else None
        char = exc.character
        shown_char = (
            f"U+{ord(char):04X}" if isinstance(char, str) else f"U+{char:04X}" if isinstance(char, int) else repr(char)
        )
        raise YamlSyntaxError(f"the character {shown_char} is not allowed in YAML", Location.of(shown, line)) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(str(exc).splitlines()[0], Location.of(shown)) from None


def load_yaml(path: Path, shown: Path | None = None) -> Any:
    """Parse ``path`` keeping line information; raise YamlSyntaxError with the line (naming ``shown`` or ``path``)."""
    shown = shown or path
    if path.stat().st_size > MAX_BYTES:
        raise YamlSyntaxError(
            f"larger than {MAX_BYTES:,} bytes; no curation or metadata file needs that", Location.of(shown)
        )
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise YamlSyntaxError(f"not UTF-8 ({exc.reason} at byte {exc.start})", Location.of(shown, line)) from None
    return parse_yaml(text, shown)


def line_of(node: Any, key: Any = None) -> int | None:
    """1-based line of ``node`` (or of ``node[key]``'s key or item) in its file."""
    if key is not None and isinstance(getattr(node, "key_lines", None), dict):
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


def validation_errors(
    exc: ValidationError, path: Path, node: Any, rename: dict[str, str] | None = None
) -> list[FieldError]:
    """Turn a pydantic ValidationError on a model built from ``node`` into located FieldErrors."""
    rename = rename or {}
    errors = []
    for err in exc.errors():
        loc = [str(p) for p in err["loc"]]
        field = rename.get(loc[0], loc[0]) if loc else None
        line = line_of(node, field) if field else line_of(node)
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
