"""Finding verbatim citations in an article.

A curator never writes offsets: they copy the words.  A citation is either
the words alone (which must then occur exactly once), or the words with
``occurrence: N`` (the N-th occurrence, 1-based), with ``context`` (a longer
passage that occurs once and contains the words once), or with ``every: true``
(all occurrences, for mentions).  Anything else is refused, never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


class CitationNotFound(ValueError):
    """The cited words are not in the article (as written)."""


class CitationAmbiguous(ValueError):
    """The cited words occur more than once and nothing says which is meant."""


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def occurrences(haystack: str, needle: str) -> list[int]:
    """Start offsets of every occurrence of ``needle`` that stands as whole words.

    A citation that begins (ends) with a letter or digit does not match where
    the article has a letter or digit just before (after) it: "Venezuela" does
    not occur inside "Venezuelan", nor "20" inside "2023".
    """
    starts, at = [], haystack.find(needle)
    while at != -1:
        end = at + len(needle)
        clean_left = not (_is_word_char(needle[0]) and at > 0 and _is_word_char(haystack[at - 1]))
        clean_right = not (_is_word_char(needle[-1]) and end < len(haystack) and _is_word_char(haystack[end]))
        if clean_left and clean_right:
            starts.append(at)
        at = haystack.find(needle, at + 1)
    return starts


def _short(text: str, limit: int = 60) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def find_citation(
    article: str, text: str, *, occurrence: int | None = None, context: str | None = None, every: bool = False
) -> list[Span]:
    """The span(s) of ``text`` in ``article`` as the citation's options select them."""
    if not text:
        raise CitationNotFound("the cited text is empty")
    if sum(x is not None and x is not False for x in (occurrence, context, every or None)) > 1:
        raise ValueError("use only one of occurrence, context and every")
    if context is not None:
        if text not in context:
            raise CitationNotFound(f"{_short(text)} is not inside its context {_short(context)}")
        found = occurrences(article, context)
        if not found:
            raise CitationNotFound(f"the context {_short(context)} does not occur in the article")
        if len(found) > 1:
            raise CitationAmbiguous(f"the context {_short(context)} occurs {len(found)} times; make it longer")
        inner = occurrences(context, text)
        if not inner:
            raise CitationNotFound(f"{_short(text)} is not a whole word or phrase inside its context {_short(context)}")
        if len(inner) > 1:
            raise CitationAmbiguous(
                f"{_short(text)} occurs {len(inner)} times inside its context; make the context tighter"
            )
        start = found[0] + inner[0]
        return [Span(start, start + len(text), text)]
    found = occurrences(article, text)
    if not found:
        raise CitationNotFound(f"{_short(text)} does not occur in the article")
    if every:
        return [Span(s, s + len(text), text) for s in found]
    if occurrence is not None:
        if not 1 <= occurrence <= len(found):
            raise CitationNotFound(
                f"{_short(text)} occurs {len(found)} time(s), so there is no occurrence {occurrence}"
            )
        start = found[occurrence - 1]
        return [Span(start, start + len(text), text)]
    if len(found) > 1:
        raise CitationAmbiguous(
            f"{_short(text)} occurs {len(found)} times (at offsets {', '.join(map(str, found))}); "
            "add 'occurrence: N' or a longer 'context'"
        )
    return [Span(found[0], found[0] + len(text), text)]
