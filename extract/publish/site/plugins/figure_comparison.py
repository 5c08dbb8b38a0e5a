"""Datasette plugin: the SQL function ``compare_figures`` — the claims' own comparison of two figures.

``compare_figures(value_a, qualifier_a, value_b, qualifier_b)`` is
``extract.claims.compare_quantities`` ("relation: note", e.g. "corroborates: the
figures agree once their qualifiers are taken into account"), so the canned
query "Figures side by side across sources" weighs qualifiers ("some 5,000" is
4,500 to 5,500; "at least 8" has no upper bound) by the one definition the
build's claim relations use, not by a second copy of it in SQL.
"""

from __future__ import annotations

from datasette import hookimpl

from extract.claims import compare_quantities


def compare_figures(value_a, qualifier_a, value_b, qualifier_b) -> str | None:
    if qualifier_a is None or qualifier_b is None:
        return None
    relation, note = compare_quantities((value_a, qualifier_a), (value_b, qualifier_b))
    return f"{relation}: {note}"


@hookimpl
def prepare_connection(conn):
    conn.create_function("compare_figures", 4, compare_figures, deterministic=True)
