"""``extract/rules/`` has no import cycle (issue 15): the graph of its modules' imports, read with ``ast``
(imports inside functions included, since a cycle through a function-level import is still a cycle)."""

from __future__ import annotations

import ast
from pathlib import Path

import extract.rules

RULES = Path(extract.rules.__file__).parent
PACKAGE = "__init__"


def imports_of(path: Path, modules: set[str]) -> set[str]:
    """The modules of ``rules/`` that ``path`` imports: ``from . import x`` is module x when x is a module of
    the package (else the package itself), ``from .x import y`` is x, ``import extract.rules.x`` is x."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level == 1 and node.module is None:
                found |= {a.name if a.name in modules else PACKAGE for a in node.names}
            elif node.level == 1:
                found.add(node.module.split(".")[0])
            elif node.level == 0 and node.module and node.module.startswith("extract.rules"):
                rest = node.module.removeprefix("extract.rules").lstrip(".").split(".")[0]
                found.add(rest or PACKAGE)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("extract.rules."):
                    found.add(alias.name.split(".")[2])
    return found & modules


def graph(folder: Path) -> dict[str, set[str]]:
    modules = {p.stem for p in folder.glob("*.py")}
    return {p.stem: imports_of(p, modules) - {p.stem} for p in folder.glob("*.py")}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """One cycle through each strongly connected group of two or more modules (depth-first search)."""
    found, state, stack = [], {}, []

    def visit(node: str) -> None:
        state[node] = "open"
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == "open":
                found.append([*stack[stack.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = "done"

    for node in sorted(edges):
        if node not in state:
            visit(node)
    return found


def test_rules_has_no_import_cycle():
    assert cycles(graph(RULES)) == []


def test_the_cycle_finder_sees_a_cycle_through_a_function_level_import(tmp_path):
    (tmp_path / "__init__.py").write_text("", encoding="utf-8")
    (tmp_path / "a.py").write_text("from . import b\n", encoding="utf-8")
    (tmp_path / "b.py").write_text("def f():\n    from .c import g\n", encoding="utf-8")
    (tmp_path / "c.py").write_text("from . import a, text\n", encoding="utf-8")
    (tmp_path / "text.py").write_text("", encoding="utf-8")
    assert cycles(graph(tmp_path)) == [["a", "b", "c", "a"]]
