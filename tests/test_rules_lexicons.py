"""The pattern tables: every entry has an id and words, ids are unique, and each cue entry works."""

import pytest

from extract.rules import analyze, lexicon
from extract.rules.lexicon import FOLDER

ID_SECTIONS = [
    ("reporting_verbs", "verbs"),
    ("reporting_verbs", "phrases"),
    ("roles", "titles"),
    ("roles", "groups"),
    ("organizations", "cues"),
    ("organizations", "after"),
    ("events", "triggers"),
    ("claims", "denial"),
    ("claims", "certainty"),
]


@pytest.mark.parametrize("name, section", ID_SECTIONS)
def test_entries_have_unique_ids_and_words(name, section):
    entries = lexicon.entries(name, section)
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids)) and all(e["words"] for e in entries)


def test_every_lexicon_file_is_loaded_by_some_extractor():
    assert {p.stem for p in FOLDER.glob("*.yaml")} == {
        "reporting_verbs",
        "roles",
        "organizations",
        "known_organizations",
        "names",
        "events",
        "figures",
        "claims",
    }


SINGLE_VERBS = [(e["id"], w) for e in lexicon.entries("reporting_verbs", "verbs") for w in e["words"] if " " not in w]


@pytest.mark.parametrize("cue_id, verb", SINGLE_VERBS, ids=[f"{i}:{w}" for i, w in SINGLE_VERBS])
def test_every_reporting_verb_attributes_a_quotation(cue_id, verb):
    [quote] = analyze(f"“We are ready to go home now,” Maria Lopez {verb}.").quotes
    assert (quote.speaker, quote.cue_id) == ("Maria Lopez", cue_id)


@pytest.mark.parametrize("entry", lexicon.entries("events", "triggers"), ids=lambda e: e["id"])
def test_every_event_trigger_entry_fires(entry):
    word = entry["words"][0]
    groups = lexicon.load("events")["groups"]
    first = lambda item: groups[item[1:]][0] if item.startswith("@") else item  # noqa: E731
    context = "".join(
        f" with the {first(entry[role][0])}" for role in ("agent", "patient", "place", "act") if entry.get(role)
    )
    events = analyze(f"Witnesses said that {word} near the river{context}.").events
    assert entry["id"] in [e.rule_id for e in events] or entry["id"] in [m[3] for e in events for m in e.mentions]
