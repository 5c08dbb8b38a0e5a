"""Two short reports of my own on one made-up story (a within-report and a cross-report contradiction, two figures
for the same quantity and two that are not), for the front page, article view and search tests."""

import textwrap
from pathlib import Path

ARTICLE_A = (
    "Rebels attacked the town of Eastbrook on Tuesday, the army said. "
    "\u201cWe lost no ground,\u201d said Colonel Mara Vance, an army spokesperson. "
    "Some 400 rebels took part in the attack, according to the army. "
    "The Eastbrook Relief Council said about 40 civilians were killed. "
    "\u201cNo civilians were harmed,\u201d Mara Vance said. "
    "The rebel group was founded in 2009."
)
META_A = """\
source_id: alpha-2024-03-05-eastbrook
publisher: Alpha Wire
published: "2024-03-05"
title: Rebels attack Eastbrook
language: en
rights: test text
"""
REVIEWED = "status: curated\nreviewed_by: Test curators\nreviewed_on: 2024-03-07\n"

ANNOTATION_A = (
    REVIEWED
    + """\
source_id: alpha-2024-03-05-eastbrook
organizations:
  - id: eastbrook-army
    name: Eastbrook Army
    org_type: security_force
    mentions: [{text: army, every: true}]
  - id: eastbrook-relief-council
    name: Eastbrook Relief Council
    org_type: ngo
    mentions: [Eastbrook Relief Council]
  - id: eastbrook-rebels
    name: Eastbrook rebels
    org_type: criminal_group
    mentions: [{text: rebel group, context: The rebel group was founded}]
actors:
  - id: mara-vance
    name: Mara Vance
    actor_type: person
    role: army spokesperson
    organization_id: eastbrook-army
    mentions: [{text: Mara Vance, every: true}]
places:
  - id: eastbrook
    name: Eastbrook
    place_type: locality
    mentions: [{text: Eastbrook, context: the town of Eastbrook}]
events:
  - id: eastbrook-attack
    event_type: battles
    sub_event_type: armed_clash
    date: 2024-03-05
    date_precision: day
    date_note: '"on Tuesday" in a report of 2024-03-05.'
    place_id: eastbrook
    summary: Rebels attack the town of Eastbrook.
    mentions: [{text: attacked, context: Rebels attacked the town}]
  - id: eastbrook-rebels-founded
    event_type: strategic_developments
    sub_event_type: change_to_group_activity
    date: 2009-01-01
    date_precision: year
    summary: The rebel group is founded.
    mentions: [founded]
quotes:
  - id: q01
    text: We lost no ground,
    kind: direct
    speaker_actor_id: mara-vance
    attribution: said
    event_id: eastbrook-attack
  - id: q02
    text: No civilians were harmed,
    kind: direct
    speaker_actor_id: mara-vance
    attribution: said
    event_id: eastbrook-attack
figures:
  - id: f01
    surface: Some 400
    value: 400
    qualifier: approximate
    unit: count
    counts: rebels in the attack
    event_id: eastbrook-attack
  - id: f02
    surface: about 40
    value: 40
    qualifier: approximate
    unit: count
    counts: civilians killed
    event_id: eastbrook-attack
claims:
  - id: c01
    text: about 40 civilians were killed
    event_id: eastbrook-attack
    claimant_organization_id: eastbrook-relief-council
    proposition: civilians were killed in the attack
    polarity: asserts
    certainty: stated
  - id: c02
    text: No civilians were harmed
    event_id: eastbrook-attack
    claimant_actor_id: mara-vance
    proposition: civilians were killed in the attack
    polarity: denies
    certainty: stated
    quote_id: q02
  - id: c03
    text: We lost no ground
    event_id: eastbrook-attack
    claimant_actor_id: mara-vance
    proposition: the rebels hold ground in the town
    polarity: denies
    certainty: stated
    quote_id: q01
claim_relations:
  - {claim_id: c02, other_claim_id: c01, relation: contradicts, note: "Within one report: the army denies what the council asserts."}
"""
)

ARTICLE_B = (
    "Rebel commander Ivo Brandt said 900 rebels took part in the attack on Eastbrook. "
    "\u201cWe hold the eastern half of the town,\u201d Ivo Brandt said. "
    "The army said 12 soldiers were killed."
)
META_B = """\
source_id: beta-2024-03-06-eastbrook
publisher: Beta News
published: "2024-03-06"
title: Rebel commander claims half of Eastbrook
language: en
rights: test text
"""
ANNOTATION_B = (
    REVIEWED
    + """\
source_id: beta-2024-03-06-eastbrook
organizations:
  - id: eastbrook-army
    mentions: [army]
actors:
  - id: ivo-brandt
    name: Ivo Brandt
    actor_type: person
    role: rebel commander
    mentions: [{text: Ivo Brandt, every: true}]
places:
  - id: eastbrook
    mentions: [Eastbrook]
events:
  - id: eastbrook-attack
    mentions: [attack]
quotes:
  - id: q01
    text: We hold the eastern half of the town,
    kind: direct
    speaker_actor_id: ivo-brandt
    attribution: said
    event_id: eastbrook-attack
figures:
  - id: f01
    surface: "900"
    value: 900
    qualifier: exact
    unit: count
    counts: Rebels in the attack
    event_id: eastbrook-attack
  - id: f02
    surface: "12"
    value: 12
    qualifier: exact
    unit: count
    counts: soldiers killed
    event_id: eastbrook-attack
claims:
  - id: c01
    text: We hold the eastern half of the town
    event_id: eastbrook-attack
    claimant_actor_id: ivo-brandt
    proposition: the rebels hold ground in the town
    polarity: asserts
    certainty: stated
    quote_id: q01
claim_relations:
  - {claim_id: c01, other_claim_id: alpha-2024-03-05-eastbrook-c03, relation: contradicts, note: "Across reports: the commander asserts what the army spokesperson denies."}
"""
)


def write_story(root: Path) -> Path:
    (root / "seeds" / "annotations").mkdir(parents=True)
    for n, (article, meta, annotation) in enumerate(
        [(ARTICLE_A, META_A, ANNOTATION_A), (ARTICLE_B, META_B, ANNOTATION_B)]
    ):
        (root / "seeds" / f"10{n}_story.txt").write_text(article, encoding="utf-8")
        (root / "seeds" / f"10{n}_story.meta.yaml").write_text(meta, encoding="utf-8")
        source_id = meta.split("\n")[0].split(": ")[1]
        (root / "seeds" / "annotations" / f"{source_id}.yaml").write_text(textwrap.dedent(annotation), encoding="utf-8")
    return root
