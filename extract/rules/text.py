"""The shared view of one article: spaCy's blank English pipeline, sentences and paragraphs.

Every extractor works on one ``Article``: the text, the spaCy ``Doc`` (a blank
English pipeline with a lean tokenizer, no model), its sentences, and fast lookups from a character offset to its sentence and
paragraph, and from a token to its characters.  Every span the extractors
return is a slice of the text itself, so its offsets give back its words.
"""

from __future__ import annotations

import bisect
import os
import re
from dataclasses import dataclass, field
from functools import cache

import spacy
from spacy.attrs import LOWER
from spacy.lang.en import English
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from . import lexicon


class once:  # noqa: N801 (a decorator, named like ``property``)
    """``functools.cached_property`` without its lock (Python 3.11 takes one on each first read, a cost paid
    for every article and every quotation): computed on the first read, then kept in the instance's
    ``__dict__``, where later reads find it without calling the descriptor."""

    def __init__(self, compute) -> None:
        self.compute, self.name, self.__doc__ = compute, compute.__name__, compute.__doc__

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.compute(instance)
        return value


PARAGRAPH_BREAK = re.compile(r"\n")
SENTENCE_END = re.compile(r"[.!?…\n](?:(?<=\n)\s*|[.!?…]*[”’»)\]\"']*[ \t\u00a0]+)")
"""Where a sentence may end: . ! ? or … (any run of them, then closing marks or brackets, then spaces), or a line
break and the blank after it.  One character class first: the expression then skips the text between in C (an
alternation of the two shapes first is tried at every character)."""


# Titles and abbreviations whose "." ends no sentence ("Dr.", "Gen.", "Inc."): lexicons/text.yaml
ABBREVIATIONS = frozenset(w.lower() for w in lexicon.text().abbreviations)


def alternatives(words) -> list[str]:
    """``words`` escaped, in the order an alternation tries them: the longest first ("of the" before "of"), in a
    fixed order (the same expression in every process)."""
    return sorted(set(map(re.escape, words)), key=lambda w: (-len(w), w))


def alternation(words) -> str:
    """``words`` as one regular-expression alternation, in the order of ``alternatives``, with the words that
    begin alike written once as a tree ("a(?:t\\ least|bout)" for "at least", "about").

    The engine tries an alternation's branches one by one, and a branch that begins with a letter of a
    case-insensitive expression is entered even when that letter is not the text's: a list of forty words
    cost forty tries at every position.  In the tree only the branch of the text's letter is tried, and the
    expression matches exactly what the flat alternation does: at each level the branches begin with
    different characters (in either case; a level where a first character is a cased letter beyond ASCII,
    or where words begin with one letter in both cases, is left flat), so at most one of them can match a position, and inside it the words keep their
    order."""
    plain = {re.escape(w): w for w in set(words)}
    return prefix_tree([plain[e] for e in alternatives(plain.values())])


def prefix_tree(items: list[str]) -> str:
    """The alternation of ``items`` (unescaped, in the order they are to be tried, any order) as a tree of shared
    prefixes: the flat ``"|".join(map(re.escape, items))`` written shorter, with the same matches."""
    if "" in items:  # matches anywhere: the branches before it are tried first, those after it only after it
        cut = items.index("")
        return "|".join(
            [
                *([prefix_tree(items[:cut])] if cut else []),
                "",
                *([prefix_tree(items[cut + 1 :])] if cut + 1 < len(items) else []),
            ]
        )
    if len(items) <= 1:
        return re.escape(items[0]) if items else ""
    if not all(item[0].isascii() or item[0].lower() == item[0].upper() for item in items):
        return "|".join(map(re.escape, items))  # a cased letter beyond ASCII may match several keys ("ſ" "s" "S")
    branches: dict[str, list[str]] = {}
    for item in items:
        branches.setdefault(item[0].lower(), []).append(item)
    out = []
    for branch in branches.values():
        shared = os.path.commonprefix(branch)
        if len(branch) == 1 or not shared:
            out.append("|".join(map(re.escape, branch)))  # one word, or words that differ in the case of the first
        else:
            out.append(f"{re.escape(shared)}(?:{prefix_tree([item[len(shared) :] for item in branch])})")
    return "|".join(out)


def ends_with_abbreviation(text: str, dot: int) -> bool:
    """Whether the "." at ``dot`` closes a title or abbreviation ("Dr.", "Gen.", "U.S.") rather than a sentence."""
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].lower()
    return (
        word in ABBREVIATIONS
        or (len(word) >= 2 and "." in word)
        or len(word) == 1
        and word.isalpha()
        and text[start:dot].isupper()
    )


def starts_sentence(char: str) -> bool:
    return char.isupper() or char.isdigit() or char in "“‘«\"'(¿¡[—–-"


# The rules' tokenizer: spaCy's Tokenizer with a lean set of affix rules.  The blank English
# tokenizer spends most of its time on URL matching and special cases ("don't", "a.m.") that no
# rule here needs; with these rules tokenization is about ten times faster, and every rule (the
# PhraseMatchers included, whose patterns are made with this same tokenizer) sees the same tokens.
PREFIX = re.compile(r"""^[\[\("'“‘«„‹¿¡$€£#@—–-]""")
SUFFIX = re.compile(r"""[\]\)"'”’»›,.;:!?…%—–-]$""")
INFIX = re.compile(
    r"[—–/'’-](?:(?<=\w[—–/])(?=\w)|(?<=[^\W\d_]-)(?=\w)|(?<=\d-)(?=[^\W\d_])|(?<=[^\W\d_][’'])(?=[^\W\d_]))"
)
"""A dash or slash between word characters, a hyphen after a letter or between a digit and a letter, an
apostrophe between letters.  The splitting character comes first and each character before it is read by a
lookbehind over both: the engine then skips in C to the few characters that can split (with the lookbehinds
first it tried four branches at every character of every new word, a quarter of tokenizing news)."""


def lean_tokenizer(pipeline: spacy.Language) -> Tokenizer:
    return Tokenizer(
        pipeline.vocab, prefix_search=PREFIX.search, suffix_search=SUFFIX.search, infix_finditer=INFIX.finditer
    )


@cache
def nlp() -> spacy.Language:
    """A blank English pipeline (nothing downloaded) with the lean tokenizer.

    Sentences are found by ``Article.sentence_starts`` from the text itself: spaCy's
    sentencizer builds a Python object per token, which cost a quarter of all the rules' time.
    The tokenizer is handed to ``English`` directly: ``spacy.blank("en")`` would first build the
    default one (1,300 special cases, the URL expression) only for it to be replaced, a tenth of a
    second of every build.

    Each word the vocabulary has not seen becomes a lexeme, and spaCy computes every lexical attribute of it
    then, in Python (two dozen functions: shape, stop word, like_url, like_num, ...).  The rules read one of
    them, the lower case the PhraseMatchers match on (``attr="LOWER"``), and otherwise only each token's
    text and offset: with the one getter, making a lexeme costs a tenth, and real news brings new words in
    every article (the lexemes were two thirds of tokenizing a dev-kit text, a fifth of all its rules)."""
    pipeline = English(create_tokenizer=lean_tokenizer)
    pipeline.vocab.lex_attr_getters = {LOWER: str.lower}
    pipeline.max_length = 50_000_000  # the blank pipeline is linear in memory; no parser limit applies
    return pipeline


# ASCII digit runs, and the fraction glyphs figures begin at: one scan of the article shared by dates and
# figures (``\d``, every script's digits, scans three times slower; news in English writes 0-9)
DIGIT_RUN = re.compile(r"[0-9½¼¾⅓⅔][0-9]*")


@dataclass
class Article:
    text: str
    doc: Doc
    warnings: list[dict] = field(default_factory=list)
    phrase_matches: dict[str, list[tuple[str, int, int]]] | None = field(default=None, repr=False)
    """Every phrase table's matches, by table (``matching.matches`` fills it on first use: one pass for all)."""

    @classmethod
    def of(cls, text: str) -> Article:
        return cls(text, nlp().make_doc(text))

    @once
    def sentence_spans(self) -> list[tuple[int, int]]:
        """(start, end) of every sentence: text ends after . ! ? or … (and any closing quotation
        marks or brackets) when the next word begins with a capital, a digit or an opening mark,
        and at every line break."""
        text, spans, start, length = self.text, [], 0, len(self.text)
        for match in SENTENCE_END.finditer(text):
            at, nxt = match.span()
            first = text[at]
            if first != "\n":  # only a line break opens a mark with "\n" (and the blank after it)
                if nxt < length and not starts_sentence(text[nxt]):
                    continue  # the cheaper test first: "e.g. the", "U.S. officials"
                if first == "." and ends_with_abbreviation(text, at):
                    continue
            end = at + len(text[at:nxt].rstrip())
            if end > start:
                spans.append((start, end))
            start = nxt
        if start < len(text) and text[start:].strip():
            spans.append((start, len(text.rstrip())))
        return spans or [(0, len(text))]

    @once
    def digit_runs(self) -> list[tuple[int, int]]:
        """(start, end) of every run of digits (or fraction glyph), found once for dates and figures."""
        return [(m.start(), m.end()) for m in DIGIT_RUN.finditer(self.text)]

    @once
    def sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentence_spans]

    @once
    def sentence_ends(self) -> list[int]:
        return [e for _, e in self.sentence_spans]

    def sentence_bounds(self, char: int) -> tuple[int, int]:
        """(start, end) of the sentence holding character ``char``."""
        starts = self.sentence_starts  # read once: this runs for every cue, name and quotation
        if not starts:
            return 0, len(self.text)
        i = bisect.bisect_right(starts, char) - 1
        if i < 0:
            i = 0
        return starts[i], self.sentence_ends[i]

    @once
    def paragraph_starts(self) -> list[int]:
        return [0] + [m.end() for m in PARAGRAPH_BREAK.finditer(self.text)]

    @once
    def paragraph_spans(self) -> list[tuple[int, int]]:
        """(start, end) of every paragraph that holds a character, in order (its line without the break)."""
        starts, length = self.paragraph_starts, len(self.text)
        ends = [s - 1 for s in starts[1:]] + [length]
        return [(s, e) for s, e in zip(starts, ends, strict=True) if e > s]

    def paragraph_bounds(self, char: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.paragraph_starts, char) - 1
        start = self.paragraph_starts[i]
        end = self.text.find("\n", start)
        return start, (len(self.text) if end == -1 else end)

    def char_bounds(self, token_start: int, token_end: int) -> tuple[int, int]:
        """Character offsets of the tokens [token_start, token_end), read from their two end tokens: an article
        converts a few dozen phrase matches, and reading every token's offsets into lists first (``to_array``
        and ``tolist``) cost more than twice as many instructions as these few token reads."""
        doc = self.doc
        last = doc[token_end - 1]
        return doc[token_start].idx, last.idx + len(last)

    def token_text(self, token: int) -> str:
        """The words of one token (a slice of the text, like every span the rules return)."""
        return self.doc[token].text
