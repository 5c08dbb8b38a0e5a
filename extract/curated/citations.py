"""Finding verbatim citations in an article.

A curator never writes offsets: they copy the words.  A citation is either
the words alone (which must then occur exactly once), or the words with
``occurrence: N`` (the N-th occurrence, 1-based), with ``context`` (a longer
passage that occurs once and contains the words once), or with ``every: true``
(all occurrences, for mentions).  Anything else is refused, never guessed.

A citation stands on whole words, whole numbers and whole characters: it
never begins or ends inside a word ("Venezuela" in "Venezuelan"), inside a
number ("2" out of "2,500", "500" out of "2,500") or between a letter and the
combining accent that belongs to it (an article in decomposed, NFD, form).
Words that occur only so cut are refused, saying where they were cut; words
that occur only in another Unicode normalization get a hint.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


class CitationNotFound(ValueError):
    """The cited words are not in the article (as written)."""


class CitationCut(CitationNotFound):
    """The cited words occur only cut out of a longer number or character."""


class CitationAmbiguous(ValueError):
    """The cited words occur more than once and nothing says which is meant."""


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


NUMBER_JOINS = ",."
"""Characters that continue a number when a digit stands on both sides ("2,500", "3.5")."""
JOINERS = {"\u200d", "\u034f"}
"""Zero-width joiner and combining grapheme joiner: they bind the characters on both sides into one."""
SKIN_TONES = ("\U0001f3fb", "\U0001f3ff")
"""Emoji modifiers (Fitzpatrick skin tones): part of the emoji before them."""


def cuts_a_number(text: str, i: int) -> bool:
    """Whether offset ``i`` falls inside a number of ``text``: between two digits, or at either side of a
    comma or point that has a digit on both sides ("2|,500", "2,|500")."""
    if not 0 < i < len(text):
        return False
    left, right = text[i - 1], text[i]
    if left.isdigit() and right.isdigit():
        return True
    if left.isdigit() and right in NUMBER_JOINS and i + 1 < len(text) and text[i + 1].isdigit():
        return True
    return left in NUMBER_JOINS and right.isdigit() and i >= 2 and text[i - 2].isdigit()


def _regional_indicator(ch: str) -> bool:
    return "\U0001f1e6" <= ch <= "\U0001f1ff"


def cuts_a_character(text: str, i: int) -> bool:
    """Whether offset ``i`` falls inside one character as a reader sees it (a grapheme): before a combining
    mark (an NFD "o" + U+0301), an emoji skin-tone modifier or after/before a joiner, or between the two
    regional indicators of a flag."""
    if not 0 < i < len(text):
        return False
    right, left = text[i], text[i - 1]
    if unicodedata.category(right).startswith("M") or right in JOINERS or left in JOINERS:
        return True
    if SKIN_TONES[0] <= right <= SKIN_TONES[1]:
        return True
    if _regional_indicator(left) and _regional_indicator(right):
        run = 0
        while i - run - 1 >= 0 and _regional_indicator(text[i - run - 1]):
            run += 1
        return run % 2 == 1  # flags pair the indicators from the left: an odd count before i splits one
    return False


def cut(haystack: str, start: int, end: int) -> str | None:
    """What ``haystack[start:end]`` cuts through (a word, a number, a character), or None if nothing."""
    for i in (start, end):
        if cuts_a_character(haystack, i):
            return "character"
    for i in (start, end):
        if cuts_a_number(haystack, i):
            return "number"
    if start > 0 and _is_word_char(haystack[start]) and _is_word_char(haystack[start - 1]):
        return "word"
    if end < len(haystack) and _is_word_char(haystack[end - 1]) and _is_word_char(haystack[end]):
        return "word"
    return None


def all_occurrences(haystack: str, needle: str) -> list[int]:
    starts, at = [], haystack.find(needle)
    while at != -1:
        starts.append(at)
        at = haystack.find(needle, at + 1)
    return starts


def occurrences(haystack: str, needle: str) -> list[int]:
    """Start offsets of every occurrence of ``needle`` that stands as whole words, numbers and characters.

    "Venezuela" does not occur inside "Venezuelan", nor "20" inside "2023", nor "2" inside "2,500", nor
    "Tocoro" inside an NFD "Tocoro\u0301n" (whose "o" carries the accent that follows it).
    """
    return [at for at in all_occurrences(haystack, needle) if cut(haystack, at, at + len(needle)) is None]


def why_not_found(haystack: str, needle: str, what: str) -> CitationNotFound:
    """The error for words that do not occur whole: cut out of a number or a character, in another
    Unicode normalization, or simply absent."""
    for at in all_occurrences(haystack, needle):
        kind = cut(haystack, at, at + len(needle))
        if kind in ("number", "character"):
            lo, hi = at, at + len(needle)
            while lo > 0 and (cuts_a_number(haystack, lo) or cuts_a_character(haystack, lo)):
                lo -= 1
            while hi < len(haystack) and (cuts_a_number(haystack, hi) or cuts_a_character(haystack, hi)):
                hi += 1
            whole = haystack[lo:hi]
            advice = "cite the whole number" if kind == "number" else "cite the whole letter with its accent"
            return CitationCut(f"{what} occurs only cut out of a {kind} (in {whole!r} at offset {at}); {advice}")
    for form in ("NFC", "NFD"):
        if unicodedata.normalize(form, needle) in haystack and unicodedata.normalize(form, needle) != needle:
            other = "composed (NFC)" if form == "NFC" else "decomposed (NFD)"
            return CitationNotFound(
                f"{what} does not occur in the article as written, but does in {other} form: the article "
                f"writes its accented letters differently; copy the words from the article itself"
            )
    return CitationNotFound(f"{what} does not occur in the article")


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
            raise why_not_found(article, context, f"the context {_short(context)}")
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
        raise why_not_found(article, text, _short(text))
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
