"""The draft's quote speakers (``extract.rules.draft``): a named person is referred to by the id the
entity step gave it, an unnamed speaker is left as a comment naming the id to declare.  Sentences written
for this test."""

import datetime as dt

import yaml

from extract.rules import analyze
from extract.rules.draft import draft_annotation

TEXT = (
    'Maria Lopez, the mayor of Springfield, said on Monday: "We will rebuild the bridge before winter." '
    '"The repairs will take months," a police source said.'
)


def test_a_named_speaker_gets_its_id_and_an_unnamed_one_a_comment_to_declare():
    draft = draft_annotation("test-2024-05-06-bridge", analyze(TEXT, dt.date(2024, 5, 6)))
    data = yaml.safe_load(draft)
    [person] = data["actors"]
    named, unnamed = data["quotes"]
    assert named["speaker_actor_id"] == person["id"]
    assert "speaker_actor_id" not in unnamed and "speaker_organization_id" not in unnamed
    assert '# speaker: "police source" (declare test-2024-05-06-bridge-police-source under actors)' in draft
    assert "#  - id: test-2024-05-06-bridge-police-source" in draft
