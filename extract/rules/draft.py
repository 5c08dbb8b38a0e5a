"""A curated-annotation file pre-filled from the rules, so a curator corrects instead of typing.

The draft is valid as written: every citation is disambiguated with
``occurrence`` where its words occur more than once, and it builds.  It says
``status: draft``: until a curator reviews it and sets ``status: curated`` (with
``reviewed_by`` and ``reviewed_on``), the build neither publishes nor scores
it, and the article keeps the rules' rows.  Each entry carries a comment with
the rule that produced it; the curator checks each one, fixes speakers, what
figures count, event summaries and dates, and adds what the rules missed.
``not_quotes`` and ``not_figures`` list what the rules considered and rejected
(quotation-marked passages that are not quotations, numbers in digits that are
not figures), each with the reason, for the curator to confirm.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..curated.citations import occurrences
from . import RuleResult
from .figures import YEAR, excluded_pattern, is_label
from .quotes import WORD, pair_marks
from .rows import slug
from .text import Article

DIGIT_RUN = re.compile(r"\d[\d,.]*\d|\d")
"""A number written in digits, as the curation-coverage test reads them."""


def citation(text: str, value: str, start: int) -> dict:
    found = occurrences(text, value)
    if len(found) > 1 and start in found:
        return {"text": value, "occurrence": found.index(start) + 1}
    return {"text": value}


def scalar(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def flow(mapping: dict) -> str:
    return "{" + ", ".join(f"{k}: {scalar(v)}" for k, v in mapping.items()) + "}"


@dataclass
class Draft:
    """What the draft's steps share: the article, the rules' result, and the ids given so far.

    ``ids`` maps a name the rules found (an entity, or an unnamed speaker's label) to the section and
    the id the draft gives it, so a later step (quotes) can refer to what an earlier one declared."""

    source_id: str
    result: RuleResult
    text_sha256: str | None
    declared: dict[str, str]
    ids: dict[str, tuple[str, str]] = field(default_factory=dict)
    groups: list[str] = field(default_factory=list)

    def cite(self, value: str, start: int) -> dict:
        return citation(self.result.text, value, start)


def header(draft: Draft) -> list[str]:
    """What the file is and how a curator turns it into a reviewed one; ``status: draft``."""
    out = [
        f"# Draft annotation of {draft.source_id}, pre-filled by the rule-based extractors: NOT REVIEWED.",
        "# While `status: draft`, the build neither publishes nor scores this file: the article's published",
        "# rows are the rules' (method = rule). Check every entry against the article (the comments name the",
        "# rule that proposed it), add what the rules missed, then record the review: `status: curated`,",
        "# `reviewed_by: <who>`, `reviewed_on: <YYYY-MM-DD>`. See seeds/annotations/README.md.",
        f"source_id: {draft.source_id}",
        "status: draft",
    ]
    if draft.text_sha256:
        out.append(f"text_sha256: {draft.text_sha256}")
    return [*out, ""]


ENTITY_SECTIONS = (("organizations", "organization", "org_type"), ("actors", "person", "actor_type"))
"""(section, entity kind, type key): organizations first, as the annotation files list them."""


def entities(draft: Draft) -> list[str]:
    """Organizations and persons with their mentions; one a reviewed file declares gets its mentions only."""
    out = []
    for section, kind, key in ENTITY_SECTIONS:
        found = [e for e in draft.result.entities if e.kind == kind]
        out.append(f"{section}:" + (" []" if not found else ""))
        for entity in found:
            entity_id = entity.known_id or slug(entity.name)
            draft.ids[entity.name] = (section, entity_id)
            out.append(f"  - id: {entity_id}  # rule: {entity.mentions[0].rule_id}")
            if entity_id in draft.declared:
                out.append(f"    # declared in {draft.declared[entity_id]}: only this article's mentions here")
            else:
                out.append(f"    name: {scalar(entity.name)}")
                out.append(f"    {key}: {'other' if kind == 'organization' else 'person'}")
                if entity.role and kind == "person":
                    out.append(f"    role: {scalar(entity.role)}")
                if entity.aliases:
                    out.append(f"    aliases: {scalar(entity.aliases)}")
            out.append("    mentions:")
            out += [f"      - {flow(draft.cite(m.text, m.start))}" for m in entity.mentions]
        out.append("")
    return out


def unnamed_speakers(draft: Draft) -> list[str]:
    """Speakers the quote rules found that are no entity ("a police source"): commented out, with an id."""
    draft.groups = sorted({q.speaker for q in draft.result.quotes if q.speaker and q.speaker not in draft.ids})
    for label in draft.groups:
        draft.ids[label] = ("actors", slug(f"{draft.source_id}-{label}"))
    if not draft.groups:
        return []
    out = ["# Unnamed speakers found by the rules (move them under actors: with mentions):"]
    for label in draft.groups:
        out += [f"#  - id: {draft.ids[label][1]}", f"#    name: {scalar(label)}"]
    return [*out, ""]


def events(draft: Draft) -> list[str]:
    """The events the rules found, with their dates and the sentence as a summary to rewrite."""
    found = draft.result.events
    out = ["events:" + (" []" if not found else "")]
    for n, event in enumerate(found, 1):
        out.append(f"  - id: {slug(draft.source_id + '-' + event.event_type)}-{n}  # rule: {event.rule_id}")
        out.append(f"    event_type: {event.event_type}")
        if event.sub_event_type:
            out.append(f"    sub_event_type: {event.sub_event_type}")
        if event.date:
            out.append(f"    date: {event.date.isoformat()}")
        out.append(f"    date_precision: {event.date_precision}")
        out.append(f"    date_note: {scalar('rule: ' + (event.date_text or 'publication date'))}")
        out.append(f"    summary: {scalar(event.sentence[:300] or event.trigger)}")
        out.append("    mentions:")
        out += [f"      - {flow(draft.cite(trigger, start))}" for start, _end, trigger, _ in event.mentions]
    return [*out, ""]


def speaker_line(draft: Draft, speaker: str | None) -> list[str]:
    """A quote's speaker column, or a comment when the speaker is an unnamed one still to declare."""
    if speaker not in draft.ids:
        return []
    table, entity_id = draft.ids[speaker]
    if table == "organizations":
        return [f"    speaker_organization_id: {entity_id}"]
    if speaker not in draft.groups:
        return [f"    speaker_actor_id: {entity_id}"]
    return [f"    # speaker: {scalar(speaker)} (declare {entity_id} under actors)"]


def quotes(draft: Draft) -> list[str]:
    """The quotations with their speakers (ids from the entity steps) and attribution cues."""
    found = draft.result.quotes
    out = ["quotes:" + (" []" if not found else "")]
    for n, quote in enumerate(found, 1):
        out.append(f"  - id: q{n:02d}  # rule: {quote.speaker_rule or 'quote-marks'}")
        out += [f"    {k}: {scalar(v)}" for k, v in draft.cite(quote.text, quote.start).items()]
        out.append(f"    kind: {quote.kind}")
        out += speaker_line(draft, quote.speaker)
        if quote.cue:
            out.append(f"    attribution: {scalar(quote.cue)}")
    return [*out, ""]


def figures(draft: Draft) -> list[str]:
    """The figures with value, qualifier, unit and what they count (``unspecified`` when the rules did not say)."""
    found = draft.result.figures
    out = ["figures:" + (" []" if not found else "")]
    for n, fig in enumerate(found, 1):
        out.append(f"  - id: f{n:02d}  # rule: {fig.rule_id}")
        cite = draft.cite(fig.surface, fig.start)
        out.append(f"    surface: {scalar(cite['text'])}")
        if "occurrence" in cite:
            out.append(f"    occurrence: {cite['occurrence']}")
        if fig.value is not None:
            out.append(f"    value: {fig.value:g}")
        out.append(f"    qualifier: {fig.qualifier}")
        out.append(f"    unit: {fig.unit}")
        out.append(f"    counts: {scalar(fig.counts or 'unspecified')}")
    return [*out, ""]


def rejected(section: str, spans: list[tuple[int, int, str]], text: str) -> list[str]:
    """A list of what the rules considered and rejected, each span widened to whole words, with its reason."""
    out = [f"{section}:" + (" []" if not spans else "  # considered by the rules and rejected; confirm each reason")]
    for start, end, reason in spans:
        start, end = whole_words(text, start, end)
        out.append(f"  - {flow(citation(text, text[start:end], start) | {'reason': reason})}")
    return [*out, ""]


def not_quotes(draft: Draft) -> list[str]:
    return rejected("not_quotes", rejected_quotations(draft.result), draft.result.text)


def not_figures(draft: Draft) -> list[str]:
    return rejected("not_figures", rejected_numbers(draft.result), draft.result.text)


DRAFT_STEPS: tuple[tuple[str, Callable[[Draft], list[str]]], ...] = (
    ("header", header),
    ("entities", entities),  # before quotes: a quote's speaker is referred to by the id given here
    ("unnamed-speakers", unnamed_speakers),  # after entities: a speaker that is an entity is not listed
    ("events", events),
    ("quotes", quotes),
    ("figures", figures),
    ("not-quotes", not_quotes),
    ("not-figures", not_figures),
)
"""The draft's sections in file order, each a named step that returns its lines."""


def draft_annotation(
    source_id: str, result: RuleResult, text_sha256: str | None = None, declared: dict[str, str] | None = None
) -> str:
    """The draft's YAML text: the lines of each of ``DRAFT_STEPS`` in order.  ``declared`` maps the ids of
    persons and organizations a reviewed file already declares to that file: the draft refers to them with
    its own mentions only."""
    draft = Draft(source_id, result, text_sha256, declared or {})
    return "\n".join(line for _name, step in DRAFT_STEPS for line in step(draft))


def whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """The span widened to whole words, as a citation must be ("7" inside "G7" is cited as "G7")."""
    while (
        start > 0
        and (text[start - 1].isalnum() or text[start - 1] == "_")
        and (text[start].isalnum() or text[start] == "_")
    ):
        start -= 1
    while (
        end < len(text)
        and (text[end].isalnum() or text[end] == "_")
        and (text[end - 1].isalnum() or text[end - 1] == "_")
    ):
        end += 1
    return start, end


def rejected_quotations(result: RuleResult) -> list[tuple[int, int, str]]:
    """Passages between paired quotation marks that the quotation rules did not take, with why."""
    taken = {(q.start, q.end) for q in result.quotes}
    names = {m.text for e in result.entities for m in e.mentions}
    rejected = []
    for span in pair_marks(Article.of(result.text)):
        if (span.start, span.end) in taken:
            continue
        words = result.text[span.start : span.end]
        if words in names:
            reason = "a name in quotation marks (the rules found it as a name)"
        elif len(WORD.findall(words)) < 3:
            reason = "one or two words without sentence punctuation: scare quotes or a term"
        else:
            reason = "Title Case words without sentence punctuation: a name or title in quotation marks"
        rejected.append((span.start, span.end, reason))
    return rejected


def excluded_reason(matched: str) -> str:
    """What kind of non-figure the figure rules' exclusion matched (``figures.excluded_pattern``)."""
    if re.match(r"https?://|www\.|\S+\.\w+/", matched):
        return "part of a web address"
    if matched[0] in "@#":
        return "part of a handle or hashtag"
    if re.search(r"\d:\d\d|[ap]\.?m\b|o.clock|GMT|UTC|hrs|morning|afternoon|evening|night", matched, re.I):
        return "a clock time"
    if re.fullmatch(r"\d+(?:st|nd|rd|th)", matched, re.I):
        return "an ordinal"
    return "a date"


def rejected_numbers(result: RuleResult) -> list[tuple[int, int, str]]:
    """Every number in digits outside the figures the rules took, with the rule's reason for skipping it.

    A number inside a date, clock time, ordinal or address is cited with the whole matched phrase."""
    text = result.text
    taken = [(f.start, f.end) for f in result.figures]
    exclusions = [(m.start(), m.end()) for m in excluded_pattern().finditer(text)]
    rejected: dict[tuple[int, int], str] = {}
    for m in DIGIT_RUN.finditer(text):
        start, end = m.span()
        if any(s <= start and end <= e for s, e in taken):
            continue
        inside = next(((s, e) for s, e in exclusions if s <= start and end <= e), None)
        if inside and inside[0] in occurrences(text, text[inside[0] : inside[1]]):
            rejected[inside] = excluded_reason(text[inside[0] : inside[1]])
        elif inside:
            rejected[(start, end)] = excluded_reason(text[inside[0] : inside[1]])
        elif YEAR.fullmatch(m.group()):
            rejected[(start, end)] = "a year"
        elif is_label(text, start):
            rejected[(start, end)] = "a label or a numbered name, not a quantity"
        elif start > 0 and (
            text[start - 1].isalpha() or text[start - 1] in "-_" and start > 1 and text[start - 2].isalpha()
        ):
            rejected[(start, end)] = "part of a name or code"
        elif start > 0 and text[start - 1] in "/.,:" or end < len(text) and text[end] in "/:":
            rejected[(start, end)] = "part of a date, time or number the rules did not read as a figure"
        else:
            rejected[(start, end)] = "the rules read no figure here: check whether it counts something"
    return [(s, e, reason) for (s, e), reason in sorted(rejected.items())]
