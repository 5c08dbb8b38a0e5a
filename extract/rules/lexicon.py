"""Loading the pattern tables in ``lexicons/`` (data beside the code that applies them)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from ..yamlfile import read_data

FOLDER = Path(__file__).with_name("lexicons")


@cache
def load(name: str) -> dict[str, Any]:
    """``lexicons/<name>.yaml`` as plain data."""
    return read_data(FOLDER / f"{name}.yaml")


def entries(name: str, section: str) -> list[dict[str, Any]]:
    """The id-bearing entries of one section, checked: every entry has an id and words."""
    items = load(name)[section]
    for item in items:
        if not item.get("id") or not item.get("words"):
            raise ValueError(f"lexicons/{name}.yaml: every entry of {section} needs an id and words: {item}")
    return items


@cache
def word_table(name: str, section: str) -> dict[str, str]:
    """word or phrase (lower-case) -> id of its entry."""
    return {str(w).lower(): e["id"] for e in entries(name, section) for w in e["words"]}


@cache
def word_set(name: str, key: str) -> frozenset[str]:
    return frozenset(str(w).lower() for w in load(name)[key])
