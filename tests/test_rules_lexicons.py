"""The pattern tables: every file validated by its model (entries with ids and words), loaded by some module,
and each cue entry works."""

import ast
from pathlib import Path

import pytest

from extract.errors import BuildFailed
from extract.rules import analyze, lexicon
from extract.rules.lexicon import FOLDER

EXTRACT = Path(lexicon.__file__).parents[1]


def lexicon_names_loaded_in(path: Path) -> set[str]:
    """Lexicon files a module names when it loads them: ``lexicon.load("x")`` (or entries, word_table,
    word_set, typed) with a literal name, the typed readers ``lexicon.x()``, and ``*.txt`` file names."""
    readers = {"load", "entries", "word_table", "word_set", "typed"}
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            if isinstance(owner, ast.Name) and owner.id == "lexicon":
                if node.func.attr in readers and node.args and isinstance(node.args[0], ast.Constant):
                    names.add(node.args[0].value)
                elif node.func.attr in lexicon.MODELS:
                    names.add(node.func.attr)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.endswith(".txt"):
            names.add(node.value.removesuffix(".txt"))
    return names


def test_every_lexicon_file_is_loaded_by_some_module():
    loaded = set().union(*(lexicon_names_loaded_in(p) for p in EXTRACT.rglob("*.py") if p.name != "lexicon.py"))
    files = {p.stem for p in FOLDER.iterdir() if p.suffix in (".yaml", ".txt")}
    assert files - loaded == set(), "lexicon files no module loads"


def test_the_loaded_by_test_sees_a_module_that_loads_nothing(tmp_path):
    quiet = tmp_path / "quiet.py"
    quiet.write_text("from . import lexicon\n\nTABLE = {}\n", encoding="utf-8")
    loud = tmp_path / "loud.py"
    loud.write_text('from . import lexicon\n\nA = lexicon.load("roles")\nB = lexicon.claims().counts\n')
    assert lexicon_names_loaded_in(quiet) == set() and lexicon_names_loaded_in(loud) == {"roles", "claims"}


def test_every_yaml_lexicon_has_a_model():
    assert {p.stem for p in FOLDER.glob("*.yaml")} == set(lexicon.MODELS)


@pytest.mark.parametrize("name", sorted(lexicon.MODELS))
def test_every_lexicon_validates_and_declares_its_sections(name):
    model = lexicon.typed(name)
    assert isinstance(model, lexicon.MODELS[name])
    assert not model.model_extra, f"sections of {name}.yaml its model does not declare"


BROKEN = {
    "an entry without words": ("roles", "  - {id: ", "  - {id: no-words}\n  - {id: ", "titles.0.words"),
    "a number for a word": ("names", "particles: [", "particles: [7, ", "particles.0"),
    "a duplicate id": (
        "roles",
        "  - {id: role-government",
        "  - {id: role-honorific, words: [x]}\n  - {id: role-government",
        "id",
    ),
    "an unknown key in an entry": (
        "claims",
        "  - {id: deny-prevented,",
        "  - {id: deny-prevented, wrods: [x],",
        "denial.0.wrods",
    ),
    "an undeclared section of no words": ("names", "particles: [", "stray: {a: 1}\nparticles: [", "stray"),
}


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_a_broken_lexicon_is_refused_with_file_line_and_field(tmp_path, monkeypatch, case):
    name, old, new, field = BROKEN[case]
    text = (FOLDER / f"{name}.yaml").read_text(encoding="utf-8")
    assert old in text
    broken = text.replace(old, new, 1)
    (tmp_path / f"{name}.yaml").write_text(broken, encoding="utf-8")
    monkeypatch.setattr(lexicon, "FOLDER", tmp_path)
    lexicon._read.cache_clear()
    try:
        with pytest.raises(BuildFailed) as info:
            lexicon.typed(name)
    finally:
        lexicon._read.cache_clear()
    first = info.value.errors[0]
    assert first.location.file == f"extract/rules/lexicons/{name}.yaml"
    assert first.location.line == broken[: broken.index(new)].count("\n") + 1
    if field is not None:
        assert first.location.field == field


SINGLE_VERBS = [(e["id"], w) for e in lexicon.entries("reporting_verbs", "verbs") for w in e["words"] if " " not in w]


@pytest.mark.parametrize("cue_id, verb", SINGLE_VERBS, ids=[f"{i}:{w}" for i, w in SINGLE_VERBS])
def test_every_reporting_verb_attributes_a_quotation(cue_id, verb):
    [quote] = analyze(f"“We are ready to go home now,” Maria Lopez {verb}.").quotes
    assert (quote.speaker, quote.cue_id) == ("Maria Lopez", cue_id)


ARTICLE_EVENT = {  # a sentence reporting each type
    "escape": "Six inmates escaped from the jail on Sunday.",
    "protests": "Hundreds of teachers marched through the capital on Sunday.",
}


# a trigger whose entry names the words that close it after its object ("shot two farmers dead")
SPLIT_TRIGGER_SENTENCES = {
    "ev-drove-out": "Rebels drove the army out of the town of Ostrava Nova on Monday, residents said.",
    "ev-shot-then-dead": "Gunmen shot two farmers dead in their fields on Monday, police said.",
    "ev-took-then-hostage": "Armed men took three aid workers hostage on Monday, officials said.",
}


def test_every_split_trigger_entry_has_a_sentence():
    split = {e["id"] for e in lexicon.entries("events", "triggers") if e.get("then")}
    assert split <= set(SPLIT_TRIGGER_SENTENCES)


@pytest.mark.parametrize("entry", lexicon.entries("events", "triggers"), ids=lambda e: e["id"])
def test_every_event_trigger_entry_fires(entry):
    if entry["id"] in SPLIT_TRIGGER_SENTENCES:  # words apart: a sentence written for the entry
        events = analyze(SPLIT_TRIGGER_SENTENCES[entry["id"]]).events
        assert entry["id"] in [e.rule_id for e in events] or entry["id"] in [m[3] for e in events for m in e.mentions]
        return
    word = entry["words"][0]
    groups = lexicon.load("events")["groups"]
    first = lambda item: groups[item[1:]][0] if item.startswith("@") else item  # noqa: E731
    context = "".join(
        f" with the {first(entry[role][0])}" for role in ("agent", "patient", "place", "act") if entry.get(role)
    )
    # an entry that refuses a trigger right after "that" (a relative clause describing, not reporting) gets a
    # main-clause lead instead; the test is about the words firing, not about the lead
    lead = "Witnesses said on Monday" if "that" in entry.get("not_after", ()) else "Witnesses said that"
    # an entry that counts only in an article reporting another event ("were recaptured" after an escape) gets one
    before = " ".join(ARTICLE_EVENT[t] for t in entry.get("only_in_article", ())[:1])
    events = analyze(f"{before} {lead} {word} near the river{context}.".strip()).events
    assert entry["id"] in [e.rule_id for e in events] or entry["id"] in [m[3] for e in events for m in e.mentions]


def test_the_event_rules_reporting_verbs_are_a_selection_of_the_quotation_cues():
    """``events.yaml``'s ``reporting_verbs`` (the verbs that close the source phrase of a report) are chosen from
    the attribution cues of ``reporting_verbs.yaml``, not a list of their own: a verb added there for events only
    would be a second source of truth for what reports speech."""
    cues = {str(w).lower() for entry in lexicon.reporting_verbs().verbs for w in entry.words}
    chosen = {str(w).lower() for w in lexicon.events().reporting_verbs}
    assert chosen and chosen <= cues, sorted(chosen - cues)
