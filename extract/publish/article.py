"""The annotated article: an article's text with every extracted span highlighted and linked to its row.

Spans may nest (a name inside a quotation) or cross.  The text is cut at every
span boundary; each piece is wrapped in one ``<mark>`` per span covering it,
outermost (longest) first, and the innermost span's piece is a link to that
span's row.  A span's first piece carries the span's anchor (``id``, e.g.
``quote-<quote_id>``, so ``/article/<source_id>#quote-…`` opens at its words)
and ``data-edge="start"``, its last piece ``data-edge="end"`` (both when it
is one piece), so a span cut into pieces is drawn as one outline.  Every character of the article is
HTML-escaped: a quotation holding ``<script>`` is shown, never run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup, escape

KINDS = ("contested", "conflicting", "claim", "quote", "figure", "actor", "organization", "place", "event")
"""``contested``: a claim that a claim of another source contradicts; ``conflicting``: a claim that a claim of
the same source contradicts (and none of another source); ``claim``: any other claim."""


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # one of KINDS
    table: str  # the table of the linked row
    row_id: str  # its primary key
    label: str  # shown on hover
    anchor: str = ""  # the id of the span's first piece in the page, when it has one


def pieces(text: str, spans: list[Span]) -> list[tuple[int, int, list[Span]]]:
    """(start, end, covering spans outermost first) for every stretch of ``text`` between span boundaries."""
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = [s for s in spans if s.start <= a and b <= s.end]
        covering.sort(key=lambda s: (-(s.end - s.start), KINDS.index(s.kind), s.row_id))
        out.append((a, b, covering))
    return out


def render(text: str, spans: list[Span], url: Callable[[str, str], str]) -> Markup:
    """The article as HTML; ``url(table, row_id)`` gives the link to a row."""
    valid = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    html = []
    for a, b, covering in pieces(text, valid):
        piece = escape(text[a:b])
        if not covering:
            html.append(str(piece))
            continue
        inner = covering[-1]
        piece = Markup(
            f'<a class="hl-link" href="{escape(url(inner.table, inner.row_id))}" data-table="{escape(inner.table)}" '
            f'data-id="{escape(inner.row_id)}" title="{escape(inner.label)}">{piece}</a>'
        )
        for span in reversed(covering):
            edges = " ".join(e for e, at in (("start", a == span.start), ("end", b == span.end)) if at)
            edge = f' data-edge="{edges}"' if edges else ""
            anchor = f' id="{escape(span.anchor)}"' if span.anchor and a == span.start else ""
            piece = Markup(
                f'<mark{anchor} class="hl hl-{escape(span.kind)}"{edge} data-kind="{escape(span.kind)}" '
                f'data-table="{escape(span.table)}" data-id="{escape(span.row_id)}">{piece}</mark>'
            )
        html.append(str(piece))
    return Markup("".join(html))
