"""A curated-annotation file pre-filled from the rules, so a curator corrects instead of typing.

The draft is valid as written: every citation is disambiguated with
``occurrence`` where its words occur more than once, and it builds.  Each
entry carries a comment with the rule that produced it; the curator checks
each one, fixes speakers, what figures count, event summaries and dates, and
adds what the rules missed.
"""

from __future__ import annotations

import json

from ..curated.citations import occurrences
from . import RuleResult
from .rows import slug


def citation(text: str, value: str, start: int) -> dict:
    found = occurrences(text, value)
    if len(found) > 1 and start in found:
        return {"text": value, "occurrence": found.index(start) + 1}
    return {"text": value}


def scalar(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def flow(mapping: dict) -> str:
    return "{" + ", ".join(f"{k}: {scalar(v)}" for k, v in mapping.items()) + "}"


def draft_annotation(source_id: str, result: RuleResult, text_sha256: str | None = None) -> str:
    text = result.text
    out = [f"# Draft annotation of {source_id}, pre-filled by the rule-based extractors.",
           "# Check every entry against the article; the comments name the rule that proposed it.",
           f"source_id: {source_id}"]
    if text_sha256:
        out.append(f"text_sha256: {text_sha256}")
    out.append("")
    ids: dict[str, tuple[str, str]] = {}
    for section, kind, key in (("organizations", "organization", "org_type"), ("actors", "person", "actor_type")):
        entities = [e for e in result.entities if e.kind == kind]
        out.append(f"{section}:" + (" []" if not entities else ""))
        for entity in entities:
            entity_id = entity.known_id or slug(entity.name)
            ids[entity.name] = (section, entity_id)
            out.append(f"  - id: {entity_id}  # rule: {entity.mentions[0].rule_id}")
            out.append(f"    name: {scalar(entity.name)}")
            out.append(f"    {key}: {'other' if kind == 'organization' else 'person'}")
            if entity.role and kind == "person":
                out.append(f"    role: {scalar(entity.role)}")
            if entity.aliases:
                out.append(f"    aliases: {scalar(entity.aliases)}")
            out.append("    mentions:")
            for m in entity.mentions:
                out.append(f"      - {flow(citation(text, m.text, m.start))}")
        out.append("")
    groups = sorted({q.speaker for q in result.quotes if q.speaker and q.speaker not in ids})
    for label in groups:
        ids[label] = ("actors", slug(f"{source_id}-{label}"))
    if groups:
        out.append("# Unnamed speakers found by the rules (move them under actors: with mentions):")
        for label in groups:
            out.append(f"#  - id: {ids[label][1]}")
            out.append(f"#    name: {scalar(label)}")
        out.append("")
    out.append("events:" + (" []" if not result.events else ""))
    for n, event in enumerate(result.events, 1):
        out.append(f"  - id: {slug(source_id + '-' + event.event_type)}-{n}  # rule: {event.rule_id}")
        out.append(f"    event_type: {event.event_type}")
        if event.sub_event_type:
            out.append(f"    sub_event_type: {event.sub_event_type}")
        if event.date:
            out.append(f"    date: {event.date.isoformat()}")
        out.append(f"    date_precision: {event.date_precision}")
        out.append(f"    date_note: {scalar('rule: ' + (event.date_text or 'publication date'))}")
        out.append(f"    summary: {scalar(event.sentence[:300] or event.trigger)}")
        out.append("    mentions:")
        for start, end, trigger, _ in event.mentions:
            out.append(f"      - {flow(citation(text, trigger, start))}")
    out.append("")
    out.append("quotes:" + (" []" if not result.quotes else ""))
    for n, quote in enumerate(result.quotes, 1):
        out.append(f"  - id: q{n:02d}  # rule: {quote.speaker_rule or 'quote-marks'}")
        for k, v in citation(text, quote.text, quote.start).items():
            out.append(f"    {k}: {scalar(v)}")
        out.append(f"    kind: {quote.kind}")
        if quote.speaker in ids:
            table, entity_id = ids[quote.speaker]
            column = "speaker_actor_id" if table == "actors" and quote.speaker not in groups else (
                "speaker_organization_id" if table == "organizations" else None)
            if column:
                out.append(f"    {column}: {entity_id}")
            else:
                out.append(f"    # speaker: {scalar(quote.speaker)} (declare {entity_id} under actors)")
        if quote.cue:
            out.append(f"    attribution: {scalar(quote.cue)}")
    out.append("")
    out.append("figures:" + (" []" if not result.figures else ""))
    for n, fig in enumerate(result.figures, 1):
        out.append(f"  - id: f{n:02d}  # rule: {fig.rule_id}")
        cite = citation(text, fig.surface, fig.start)
        out.append(f"    surface: {scalar(cite['text'])}")
        if "occurrence" in cite:
            out.append(f"    occurrence: {cite['occurrence']}")
        if fig.value is not None:
            out.append(f"    value: {fig.value:g}")
        out.append(f"    qualifier: {fig.qualifier}")
        out.append(f"    unit: {fig.unit}")
        out.append(f"    counts: {scalar(fig.counts or 'unspecified')}")
    out.append("")
    return "\n".join(out)
