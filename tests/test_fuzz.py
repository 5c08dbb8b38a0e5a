"""Property tests: on any Unicode text the extractors and the citation finder never raise, always
stop, and every span they return gives back its text."""

from __future__ import annotations

import datetime as dt
import signal
from contextlib import contextmanager

import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.curated.citations import CitationAmbiguous, CitationNotFound, find_citation
from extract.rules import analyze

MARKS = list("“”«»„‹›\"‘’'")
RTL = list("שלוםمرحبا")
EMOJI = ["😀", "🇻🇪", "👩🏽‍⚖️", "\u200d", "\ufeff"]
FRAGMENTS = [
    "said",
    "told reporters",
    "according to",
    "Ana Ruiz",
    "the Interior Ministry",
    "(OVP)",
    "some",
    "11,000",
    "twenty-five",
    "at least",
    "on Monday",
    "yesterday",
    "4-year-old",
    "$3.5 million",
    "12%",
    "\n\n",
    ". ",
    ", ",
    "dozens of",
    "7 a.m.",
    "20/09/2023",
    "@handle1",
    "https://x.org/a/1",
    "known as",
    "escaped",
    "stormed",
]

news_like = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(MARKS + RTL + EMOJI), st.text(min_size=1, max_size=12)),
    max_size=80,
).map(" ".join)
any_text = st.one_of(st.text(max_size=400), news_like)


@contextmanager
def time_limit(seconds: int):
    """Fail instead of hanging: a loop without end becomes an error after ``seconds``."""

    def stop(signum, frame):
        raise TimeoutError(f"did not finish within {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def assert_spans_hold(text: str, result) -> None:
    for q in result.quotes:
        assert text[q.start : q.end] == q.text
    for f in result.figures:
        assert text[f.start : f.end] == f.surface
    for e in result.entities:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text
    for ev in result.events:
        for start, end, trigger, _ in ev.mentions:
            assert text[start:end] == trigger


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_rules_never_raise_and_spans_hold(text):
    with time_limit(20):
        result = analyze(text, dt.date(2024, 3, 14))
    assert_spans_hold(text, result)
    result.as_json()


# Sentences built from clauses that carry the event rules' time marks (dates, years named alone, "since", "ago",
# relative clauses) in every order, against any publication date or none: what the rules read against the date
# must hold for every combination, not only for the sentences of the tests.
SUBJECTS = ["Troops", "Police", "Gunmen", "Rebels", "Protesters", "Officials said soldiers"]
VERBS = ["overran", "attacked", "stormed", "arrested", "killed", "marched on", "shelled"]
OBJECTS = ["the town of Arvale", "two guards", "the prison", "the village", "hundreds of students"]
ASIDES = [
    "",
    ", which has been held since 1994 by rebels",
    ", who was freed in 2011,",
    ", which rebels took 20 years ago",
    " where a bomb exploded in 2009",
    ", which was founded in 2003, on Monday",
]
TIMES = ["", " on Monday", " in 2019", " last week", " since August", " years ago"]
timed_sentence = st.tuples(*(st.sampled_from(x) for x in (SUBJECTS, VERBS, OBJECTS, ASIDES, TIMES, ASIDES))).map(
    lambda parts: "".join((parts[0], " ", parts[1], " ", *parts[2:])) + "."
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(timed_sentence, min_size=1, max_size=4).map(" ".join),
    st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))),
)
def test_time_marks_in_any_order_and_any_publication_date_never_raise(text, published):
    with time_limit(20):
        result = analyze(text, published)
    assert_spans_hold(text, result)


# An independent oracle for quotation offsets: texts built from plain runs (no quotation marks, no
# apostrophes) and quotations whose content is known from the construction itself.  Every such
# quotation must come back with exactly its content's offsets, and nothing else may be returned.
PAIRS = [("“", "”"), ("«", "»"), ("„", "“"), ('"', '"'), ("‘", "’"), ("'", "'"), ("‘‘", "’’"), ('"', "”"), ("“", '"')]
plain_run = st.one_of(st.sampled_from(FRAGMENTS), st.text(min_size=1, max_size=12)).map(
    lambda s: "".join(c for c in s if c not in "“”«»„‹›\"‘’'`´\u2018\u2019\u201a\u201b\u201e\u201f\u2039\u203a")
)
speech = st.lists(st.from_regex(r"[a-z]{2,9}", fullmatch=True), min_size=3, max_size=12).map(
    lambda ws: " ".join(ws) + "."
)


@st.composite
def text_with_known_quotations(draw):
    parts, spans, length = [], [], 0
    for _ in range(draw(st.integers(1, 6))):
        plain = " ".join(draw(st.lists(plain_run, max_size=6)))
        opener, closer = draw(st.sampled_from(PAIRS))
        content = draw(speech)
        piece = f"{plain}. {opener}"
        start = length + len(piece)
        parts.append(piece + content + closer + " ")
        spans.append((start, start + len(content)))
        length += len(parts[-1])
    return "".join(parts) + " ".join(draw(st.lists(plain_run, max_size=4))), spans


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_with_known_quotations())
def test_quotation_offsets_match_the_marks_that_made_them(case):
    text, spans = case
    with time_limit(20):
        result = analyze(text, dt.date(2024, 3, 14))
    assert sorted((q.start, q.end) for q in result.quotes) == spans


@settings(max_examples=300, deadline=None)
@given(any_text, st.data())
def test_citations_found_are_exact(text, data):
    if not text:
        return
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    needle = text[start:end]
    option = data.draw(st.sampled_from(["plain", "every", "occurrence", "context"]))
    kwargs = {
        "every": {"every": True},
        "occurrence": {"occurrence": data.draw(st.integers(1, 3))},
        "context": {"context": text[max(0, start - 5) : end + 5]},
        "plain": {},
    }[option]
    try:
        spans = find_citation(text, needle, **kwargs)
    except (CitationNotFound, CitationAmbiguous):
        return
    for span in spans:
        assert text[span.start : span.end] == needle


@pytest.mark.parametrize(
    "text",
    [
        "“" * 5000 + "said Ana Ruiz",  # every mark unbalanced
        "”" * 3000,
        "«a “b ‘c’ d” e»" * 500,  # nested marks
        ("שלום עולם “" + "مرحبا" * 10 + "” ") * 200,  # right-to-left text with marks
        "😀 “🇻🇪 We are here,” said 👩🏽‍⚖️ Ana Ruiz. " * 300,
        "A" * 100_000,  # one 100,000-character line
        ("Some 11,000 members said " * 4000),  # one long line of news words
    ],
)
def test_hard_inputs_finish_with_valid_spans(text):
    with time_limit(60):
        result = analyze(text, dt.date(2024, 3, 14))
    assert_spans_hold(text, result)


def test_a_five_megabyte_article_finishes_with_valid_spans():
    seeds = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    text = (seeds + "\n\n") * (5_000_000 // len(seeds) + 1)
    assert len(text) >= 5_000_000
    with time_limit(240):
        result = analyze(text, dt.date(2023, 9, 20))
    assert_spans_hold(text, result)
    assert len(result.quotes) > 1000
