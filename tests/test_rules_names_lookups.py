"""The names stage's cheap lookups against the whole-text computations they stand for, on sentences written
for these tests: each must answer as the expression over the whole text would, edges included."""

import pytest

from extract.rules import names as rules_names

TEXTS = [
    "Bowling was cancelled. Bowling Ana Ruiz said the bowling alley closed.",
    "prices rose; Prices of bonds fell (prices-wise) and prices’ fall, prices_2 and prices2 did not.",
    "the-end and don't, o'clock: rock'n'roll in x-ray, the end",
    "Ünïcode wörds and café crème beside plain words and a café.",
    "an anagram of banana and ana, a na and anna: ana",  # a short word inside many longer ones
    "a a a a a a a a a a a a ba ab aba a",  # more hits inside longer words than the find loop tries
    "covid19 cases, the 3rd round, rd2 and _x; x-ray",  # digits, "_" and "-" against a word: no word alone
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_writes_in_lower_case_is_the_lower_case_word_set(text):
    words = set(text.lower().replace("-", " ").replace("'", " ").replace("’", " ").split())
    words |= {"bowling", "prices", "end", "the", "café", "ana", "na", "a", "ab", "aba", "x", "ray", "rock", "zzz"}
    words |= {"", "Bowling", "prices2", "prices_2", "don't", "o", "covid", "cases", "rd", "round"}
    lower = rules_names.lowercase_words(text)
    for word in sorted(words):
        assert rules_names.writes_in_lower_case(text, word) == (word in lower), (text, word)


@pytest.mark.parametrize(
    "text, opens",
    [
        ("Shares rose at airlines such as Vorland and Omega.", True),
        ("shares rose at airlines\u00a0 such\u00a0as Vorland.", True),
        ("groups and unions, including Omega, spoke.", False),  # no head right before the opener
        ("the unions including Omega spoke.", True),
        ("the banks said the banks such as Omega lent", True),  # not at the head's first place
        ("firms among them", False),  # the opener needs the spaces after it
        ("firms among them Omega and the banks like Vorland", True),
        ("airlines such", False),
        ("", False),
    ],
)
def test_opens_a_list_finds_a_head_then_an_opener(text, opens):
    assert rules_names.opens_a_list(text.lower()) is opens
    assert bool(rules_names.list_opening_pattern().search(text)) is opens


# Sentences with places of the gazetteer, words in capitals and modifiers' hints, for the rows' annotations.
ROW_SENTENCES = (
    "LIMA, March 3 (Reuters) - Lima-based Banco Andino said on Monday that Florence, 34, had left Paris.",
    "PRESS DIGEST - Lanvik\n\nTexas-born Ana Ruiz, an analyst at Vorland, said Vorland's chief executive quit.",
    "The Montclair coach praised London shares as Berlin rose 12p to 468p; striker Florence scored for Chile.",
    "Vorland, based in Lanvik, posted a net profit, said UNHCR spokesman Omar Diaz in Geneva (Switzerland).",
    "NATO and the EU met in Rome, where the Rome mayor and Peru's Pedro Salas spoke of the Lanvik gang.",
    # names the rows with words hold for (``Rule.words``): a title alone, a known agency, adjectives, a street,
    # a prize, a hospital, a landform, a state, a cue, a firm's ampersand, a place's first word, people
    "The Secretary met Reuters and a Yugoslav envoy on Moi Avenue after the Nobel Peace Prize went to the West Bank.",
    "Riverside General Hospital, the Czech Republic, the Interior Ministry and the Red Cross thanked Vorland & Sons.",
    "Analysts said New Lanvik Harbour and the Northern League trailed after the striker's halftime goal and innings.",
    # names the rows with ``after`` hold for: an acronym in parentheses, an appositive after a dash, a surname
    # speaking, a byline over a dateline
    "The National Farmers Union (NFU) and Omega \u2014 a lender \u2014 met. Lidmark posted a net profit. Salas said so.\nPedro Salas\nLANVIK 2024-03-02",
)


@pytest.mark.parametrize("text", ROW_SENTENCES)
def test_rows_skipped_for_a_name_cannot_hold_for_it(text):
    """Every row that ``rows_for`` keeps from a name (a place's row for no place, a row of capitals for other
    words, a hint's row without the hint, a row with words for a name holding none of them, a row with
    ``after`` for a name followed by another character) is False for it: skipping it changes no decision."""
    from extract.rules.text import Article

    article = Article.of(text)
    checked = 0
    for cand in rules_names.candidates(article):
        look = rules_names.Look(cand, text)
        upper = all(w.isupper() for w in cand.words)
        for rule in rules_names.CLASSIFY:
            skipped = (
                rule.place not in (None, look.is_place)
                or (rule.capitals and not upper)
                or rule.hint not in (None, cand.hint)
                or (rule.words is not None and rule.words().isdisjoint(look.low))
                or (rule.after is not None and text[cand.end : cand.end + 1] not in rule.after)
                or (rule.after is not None and cand.end == len(text))
            )
            if skipped:
                checked += 1
                assert not rule.when(look), (rule.id, cand.words)
    assert checked > 0


def test_rows_for_keeps_the_table_s_order():
    rows = rules_names.rows_for("person", False, False, None)
    assert [r for r in rules_names.CLASSIFY if r in rows] == list(rows)
    assert all(r.place is not True and not r.capitals and r.hint is None for r in rows)
    assert {r.id for r in rules_names.rows_for("one", True, True, "organization")} >= {
        "slug",
        "place-gazetteer",
        "org-based",
    }


@pytest.mark.parametrize("text", ROW_SENTENCES)
def test_rows_for_a_name_s_words_decide_as_the_whole_table(text):
    """Offered only the rows its words open (``rows_opened``), every name gets the decision that the rows of
    its size, place, capitals and hint give without that cut."""
    from extract.rules.text import Article

    article = Article.of(text)
    decided = 0
    for cand in rules_names.candidates(article):
        if cand.kind:
            continue
        look = rules_names.Look(cand, text)
        size = "one" if len(cand.words) == 1 else "person" if rules_names.person_sized(look) else "many"
        rows = rules_names.rows_for(size, look.is_place, all(w.isupper() for w in cand.words), cand.hint)
        whole = next((r for r in rows if r.when(look) and (not r.sport or rules_names.is_sports_report(text))), None)
        decision = rules_names.decide(cand, text)
        assert (decision.rule_id if decision else None) == (whole.id if whole else None), cand.words
        decided += whole is not None
    assert decided > 0


def test_rows_opened_by_words_the_rows_look_for():
    opened = rules_names.rows_opened(["riverside", "general", "hospital"])
    ids = {r.id for r in rules_names.rows_for("many", False, False, None, opened)}
    assert "facility-name" in ids and "org-ampersand" not in ids
    assert rules_names.rows_opened([]) == -1  # a name of no words is offered every row


@pytest.mark.parametrize(
    "text, found",
    [
        ("The U.N. and the A.P. met.", [(4, 8, "U.N."), (17, 21, "A.P.")]),
        ("(U.N.) said", [(1, 5, "U.N.")]),  # after an opening parenthesis
        ("XU.N. and .U.N. and U.N.x", []),  # a letter or a dot before the capital, a letter after the last dot
        ("U.S. and E.U. troops", []),  # a country and a union of countries, not organizations
    ],
)
def test_dotted_acronyms_from_the_capital_before_the_first_dot(text, found):
    hits = rules_names.dotted_acronyms(text)
    assert [(c.start, c.end, c.words[0]) for c in hits] == found


@pytest.mark.parametrize(
    "text, role",
    [
        ("In Lanvik, the director of the port authority, Ana Ruiz, said", "director of the port authority"),
        ("It rained. The head of the port, Ana Ruiz, said", "head of the port"),  # a stop before the title
        ("It rained; chief of the port, Ana Ruiz, said", "chief of the port"),  # a semicolon before it
        ("He said so, and the secretary of state for health, Ana Ruiz, agreed", "secretary of state for health"),
        ("Asked about it, Ana Ruiz said", None),  # no title before the comma
    ],
)
def test_role_around_reads_the_title_before_a_comma(text, role):
    start = text.index("Ana Ruiz")
    cand = rules_names.Candidate(start, start + len("Ana Ruiz"), ["Ana", "Ruiz"])
    assert rules_names.role_around(text, cand) == role
    before = text[max(0, start - 120) : start]
    whole = rules_names.TITLE_BEFORE.search(before)  # from the start: the same leftmost match
    cut = rules_names.TITLE_BEFORE.search(before, rules_names.title_search_from(before))
    assert (whole and whole.span()) == (cut and cut.span())


# Runs whose first words the rows of ``LEADING`` look at: a cue heading the name, a title or head noun, an
# acronym, a group's plural, a nationality of one and two words, a sentence's first word, a word of no name.
LEAD_SENTENCES = (
    "Army Corps of Engineers staff met the State Planning Commission and WHO officials on Monday.",
    "Analysts Ana Ruiz and Pedro Salas said Leaders of the Group of 20 had met. The Lanvik Bank said so.",
    "South African Ana Ruiz beat German Anke Vorland; the German Foreign Ministry and Italian Police agreed.",
    "Prices of Lanvik Treasury bonds fell as prices rose, said U.S. Secretary of State Omar Diaz.",
    "Top-seeded Ana Ruiz won. Bowling Pedro Salas said the bowling was fine, and According to Vorland it was.",
    "Health Minister Elena Petrova and Police Chief Omar Diaz met General Court judges in Sri Lankan Kandy.",
)


def lead_runs(text):
    """Every run of the names expression in ``text``, as (words, start), and each of its tails after a first
    word is cut (what ``strip_leading`` offers the rows again)."""
    for match in rules_names.candidate_pattern().finditer(text):
        words, start = rules_names.split_words(match.group()), match.start()
        while words:
            yield words, start
            start += len(words[0]) + 1
            words = words[1:]


@pytest.mark.parametrize("text", LEAD_SENTENCES)
def test_leads_skipped_for_a_run_cannot_cut_it(text):
    """Every row of ``LEADING`` that ``leads_for`` keeps from a run (its ``firsts`` do not hold the run's first
    word) applies to none of the runs: skipping it changes no cut."""
    checked = 0
    for words, start in lead_runs(text):
        for lead in rules_names.LEADING:
            if lead.firsts is not None and words[0].lower() not in lead.firsts():
                checked += 1
                assert lead.cut(words, start, text) is None, (lead.id, words)
    assert checked > 0


@pytest.mark.parametrize("text", LEAD_SENTENCES)
def test_strip_leading_with_the_rows_a_run_needs_cuts_as_the_whole_table(text):
    """``strip_leading`` (the rows ``leads_for`` keeps) cuts every run as the whole of ``LEADING`` tried in
    order does, role words included."""

    def whole_table(words, start):
        role: list[str] = []
        while words:
            lead, k = next(
                ((lead, k) for lead in rules_names.LEADING if (k := lead.cut(words, start, text)) is not None),
                (None, None),
            )
            if lead is None or k == 0:
                break
            if lead.to_role is not None and lead.to_role(words):
                role.extend(words[:k])
            start += len(" ".join(words[:k])) + 1
            words = words[k:]
        return words, start, role

    cut = 0
    for words, start in lead_runs(text):
        role: list[str] = []
        found = rules_names.strip_leading(list(words), start, text, role)
        assert (*found, role) == whole_table(list(words), start), words
        cut += found[0] != words
    assert cut > 0  # some runs lose their first words


@pytest.mark.parametrize(
    "text",
    [
        "the state of Veracruz and the island of Lanvik, the capital Lima, the port\u00a0of\u00a0 Callao",
        "Secretary of State Antony Ruiz met the interstate Lanvik team in the city  Lima",  # "state" inside a word
        "a county of Lanvik, the island   of Tarnia, the district\nof Montclair and state Lanvik",
        "Lanvik was named of Montclair; the provinces Lanvik, the town of Lima",  # "of" after no noun, a plural
    ],
)
def test_place_noun_before_is_the_expression_s_search(text):
    """``has_place_noun_before`` answers as ``place_before_pattern`` searched over the 30 characters before each
    capital, wherever the text before ends in no noun's last word and no "of" as well."""
    found = 0
    for start, char in enumerate(text):
        if not char.isupper():
            continue
        cand = rules_names.Candidate(start, start + 1, [char])
        whole = bool(rules_names.place_before_pattern().search(text, max(0, start - 30), start))
        assert rules_names.has_place_noun_before(rules_names.Look(cand, text)) is whole, text[:start]
        found += whole
    assert found > 0


def strings(alphabet, longest):
    """Every string of up to ``longest`` pieces of ``alphabet``, in order."""
    import itertools

    for n in range(longest + 1):
        for pieces in itertools.product(alphabet, repeat=n):
            yield "".join(pieces)


def test_lower_word_is_the_expression_with_the_look_first():
    """``LOWER_WORD`` (the letter first, the look before it second) finds what the same expression with the look
    first finds, at every edge: a mark, a hyphen, a digit, "_", a capital or an accented letter against it."""
    import re

    look_first = re.compile(r"(?<![\w’'-])[a-z]+(?![\w’'-])")
    for text in strings(["ab", "c", "A", "'", "’", "-", " ", "é", "1", "_", "\n"], 4):
        assert rules_names.LOWER_WORD.findall(text) == look_first.findall(text), text
