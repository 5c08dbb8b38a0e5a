"""Quotation rules on news-style sentences written for these tests (none from the seeds)."""

import pytest

from extract.rules import analyze


def quotes(text):
    return [(q.text, q.speaker) for q in analyze(text).quotes]


@pytest.mark.parametrize(
    "text, expected",
    [
        # cue after, name after the cue
        (
            "“We will rebuild every school,” said Maria Lopez, the mayor of the town.",
            [("We will rebuild every school,", "Maria Lopez")],
        ),
        # cue after, name before the cue
        (
            "“The water is rising fast,” Daniel Okafor said on Tuesday.",
            [("The water is rising fast,", "Daniel Okafor")],
        ),
        # straight quotation marks
        ('"Nobody told us anything," said Priya Raman, a shopkeeper.', [("Nobody told us anything,", "Priya Raman")]),
        # guillemets
        (
            "«No vamos a negociar con ellos», dijo. Ahmed Farouk told reporters: «We will not negotiate with them.»",
            [("No vamos a negociar con ellos", None), ("We will not negotiate with them.", "Ahmed Farouk")],
        ),
        # cue before with a colon
        (
            "Health Minister Elena Petrova said: “The outbreak is under control.”",
            [("The outbreak is under control.", "Elena Petrova")],
        ),
        # appositive between the name and the cue
        (
            "Tomas Berg, director of the Nordic Refugee Council, said “the border closures are a disaster for families”.",
            [("the border closures are a disaster for families", "Tomas Berg")],
        ),
        # according to
        (
            "According to Lucia Fernandez, “the prices doubled in a single month.”",
            [("the prices doubled in a single month.", "Lucia Fernandez")],
        ),
        # pronoun resolved to the last named person
        (
            "Jorge Medina walked out of the court. “I am innocent and I will prove it,” he said.",
            [("I am innocent and I will prove it,", "Jorge Medina")],
        ),
        # group speakers
        (
            "“Give us our children back,” the mothers chanted outside the barracks.",
            [("Give us our children back,", "mothers")],
        ),
        (
            "Police officers told the crowd that they “had no orders to let anyone in”.",
            [("had no orders to let anyone in", "Police officers")],
        ),
        # organization speaker by name and by anaphor
        (
            "The Coastal Rights Foundation issued a warning. “Fishing communities are being ignored,” the foundation said in a statement.",
            [("Fishing communities are being ignored,", "Coastal Rights Foundation")],
        ),
        # split quotation: both halves to one speaker
        (
            "“We did everything we could,” said Captain Ruth Adeyemi, “but the fire spread too quickly.”",
            [("We did everything we could,", "Ruth Adeyemi"), ("but the fire spread too quickly.", "Ruth Adeyemi")],
        ),
        # a follow-on quotation without a cue keeps the speaker
        (
            "“The road is closed,” said Ivan Horvat. “Nobody can get through until Friday.”",
            [("The road is closed,", "Ivan Horvat"), ("Nobody can get through until Friday.", "Ivan Horvat")],
        ),
        # quotation running over two paragraphs
        (
            "Sara Kim said the vote was rigged.\n\n“We counted every ballot twice.\n\n“The numbers do not add up,” she said.",
            [("We counted every ballot twice.", "Sara Kim"), ("The numbers do not add up,", "Sara Kim")],
        ),
        # a descriptor speaker
        ("“They took everything we had,” a farmer from the valley said.", [("They took everything we had,", "farmer")]),
        # written sources
        (
            "In a post on X, the opposition leader Carla Mendes wrote: “Today democracy lost.”",
            [("Today democracy lost.", "Carla Mendes")],
        ),
    ],
)
def test_quotations_and_speakers(text, expected):
    found = quotes(text)
    assert found == expected


@pytest.mark.parametrize(
    "text",
    [
        "The word “resilience” was on every banner in the square.",  # one-word scare quote, no cue
        "Members of the group “Friends of the River” gathered at the bridge.",  # a name in quotation marks
        "The gang, known as “El Tren”, controls the market.",  # a nickname
        "He described the deal as “historic”.",
        "The novel “A Hundred Years of Solitude” was read aloud.",  # a title
    ],
)
def test_names_and_scare_quotes_are_not_quotations(text):
    assert quotes(text) == []


def test_an_unbalanced_mark_invents_no_span_and_says_so():
    result = analyze("The senator said “we will fight on. Then the session ended.\n\nNo one replied.")
    assert result.quotes == []
    assert [w["type"] for w in result.warnings] == ["unbalanced-quotation-mark"]


def test_a_stray_closing_mark_invents_no_span():
    result = analyze("The price rose” to a new high, officials said.")
    assert result.quotes == [] and result.warnings


def test_offsets_index_the_input_text():
    text = "Intro line.\n\n“Help is on the way,” said Noor Haddad, 41."
    [quote] = analyze(text).quotes
    assert text[quote.start : quote.end] == quote.text == "Help is on the way,"


def test_a_quote_with_no_attribution_has_no_speaker():
    [quote] = analyze("“The bridge will not hold another winter.”").quotes
    assert quote.speaker is None


def test_an_unnamed_office_speaks_under_its_label():
    [quote] = analyze(
        "The state prosecutor's office said in a statement that gunmen opened fire “without saying a word.”"
    ).quotes
    assert (quote.speaker, quote.speaker_type) == ("state prosecutor's office", "organization")


def test_straight_single_quotes_are_quotations_and_apostrophes_are_not():
    text = "'This is a damning verdict on Britain's system,' said Yvette Cooper. 'Ministers can't hide.' It's over."
    assert quotes(text) == [
        ("This is a damning verdict on Britain's system,", "Yvette Cooper"),
        ("Ministers can't hide.", "Yvette Cooper"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # an aside in commas between the quotation and its cue
        (
            "“We have lost everything,” the official, who asked not to be named because he was not authorized to speak, said.",
            [("We have lost everything,", "official")],
        ),
        # a title abbreviation is not the end of the sentence
        (
            "“The situation is critical,” said Dr. Amina Yusuf, head of the clinic.",
            [("The situation is critical,", "Amina Yusuf")],
        ),
        # a surname alone before a reporting verb is a person; a new sentence's cue belongs to the next quotation
        (
            "Smith said: “I will not resign.” His lawyer added, “We will appeal the ruling immediately.”",
            [("I will not resign.", "Smith"), ("We will appeal the ruling immediately.", "His lawyer")],
        ),
        (
            "Asked whether the talks had failed, Lavrov replied: “Not at all, they continue.”",
            [("Not at all, they continue.", "Lavrov")],
        ),
    ],
)
def test_harder_attributions(text, expected):
    assert quotes(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            'Socialist leader Olivier Faure was scathing. The government, he said, was "living on borrowed time."',
            [("living on borrowed time.", "Olivier Faure")],
        ),
        (
            'Marine Le Pen\'s party abstained. Le Pen said it had been responsible. But she warned: "Our patience has limits."',
            [("Our patience has limits.", "Marine Le Pen")],
        ),
    ],
)
def test_a_pronoun_in_an_aside_and_a_particle_surname_speak(text, expected):
    assert quotes(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The ministry called the plan “unrealistic” and rejected it.", [("unrealistic", "ministry")]),
        (
            'Ana Ruiz said her party had chosen "responsibility." The crowd shouted "Thieves!"',
            [("responsibility.", "Ana Ruiz"), ("Thieves!", "crowd")],
        ),
        ("“Never,” Pedro Salas said when asked about a deal.", [("Never,", "Pedro Salas")]),
        # a cue too far from the words, or none: a scare quote
        ("Ana Ruiz said on Monday that the plan, which the council will debate next week, is “bold”.", []),
        ("Critics of the “reform” gathered outside.", []),
    ],
)
def test_a_one_or_two_word_quotation_is_speech_only_when_a_cue_attributes_it(text, expected):
    assert quotes(text) == expected


def test_a_surname_that_is_also_a_town_still_speaks():
    text = (
        "Health Minister Roger Kamba said the country had ordered doses.\n\n"
        '"We are asking our partners to move faster," Kamba told AFP by phone from Kinshasa.'
    )
    assert quotes(text) == [("We are asking our partners to move faster,", "Roger Kamba")]


def test_a_name_after_a_title_still_opens_its_sentence_for_a_later_pronoun():
    text = (
        "Health Minister Roger Kamba said the country had ordered doses. Dr. Dimie Ogoina, who chairs the "
        'committee, was more cautious. Asked about a pandemic, he said: "We don\'t know yet."'
    )
    assert quotes(text) == [("We don't know yet.", "Dimie Ogoina")]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            'Mrs. Ana Ruiz arrived first. Then Pedro Salas spoke to the crowd about his plans. "We will stay," she said. '
            '"We will go," he said.',
            [("We will stay,", "Ana Ruiz"), ("We will go,", "Pedro Salas")],
        ),
        (
            "Lina Haddad, a spokeswoman for the camp, was tired. Omar Saleh, a guard, said his shift was over. "
            '"Nobody sleeps here," she said.',
            [("Nobody sleeps here,", "Lina Haddad")],
        ),
        # a given name of one gender tells it
        (
            'Ana Ruiz arrived. Then Pedro Salas spoke to the crowd. "We will stay," she said.',
            [("We will stay,", "Ana Ruiz")],
        ),
        (
            'Ana Ruiz arrived. Then Pedro Salas spoke to the crowd. "We will stay," he said.',
            [("We will stay,", "Pedro Salas")],
        ),
        # with nothing to tell them apart (no given name, a neutral title), the nearest person still speaks
        (
            'Dr. Ruiz arrived. Then Dr. Salas spoke to the crowd. "We will stay," she said.',
            [("We will stay,", "Salas")],
        ),
    ],
)
def test_he_and_she_pass_over_a_person_of_the_other_gender(text, expected):
    assert quotes(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            'A police spokesman said two men were held. "We are still searching," he said.',
            [("We are still searching,", "police spokesman")],
        ),
        (
            'Ana Ruiz spoke first. A police spokesman said two men were held. Ruiz then left. "We are still searching," she said.',
            [("We are still searching,", "Ana Ruiz")],
        ),
        (
            'Interior Minister Juan Perez defended the police. Officers, he said, had acted "with restraint and within the law."',
            [("with restraint and within the law.", "Juan Perez")],
        ),
        (
            'The streaming company Nordtone was fined. "This decision ignores the market," the company said in a statement.',
            [("This decision ignores the market,", "Nordtone")],
        ),
        (
            'One of them, retired nurse Helen Park, testified that she had lost her savings. "I trusted them completely," she told jurors.',
            [("I trusted them completely,", "Helen Park")],
        ),
    ],
)
def test_unnamed_speakers_roles_companies_and_testimony(text, expected):
    assert quotes(text) == expected


def test_a_husband_named_in_a_relative_clause_does_not_make_her_a_man():
    text = (
        "Mining Minister Aurora Williams said it could take weeks. Claudia Rojas, whose husband, Pedro, is among "
        'the trapped, said she had not slept.\n\n"I just want to hold him again," she said.'
    )
    assert quotes(text) == [("I just want to hold him again,", "Claudia Rojas")]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            'An RSF commander reached by phone said the truce would hold "as long as the army does."',
            [("as long as the army does.", "RSF commander")],
        ),
        (
            'The WHO said in a statement: "We are ready to help the people."',
            [("We are ready to help the people.", "WHO")],
        ),
        (
            'A WHO official said: "We are ready to help the people."',
            [("We are ready to help the people.", "WHO official")],
        ),
    ],
)
def test_a_member_of_an_organization_speaks_as_a_person_and_who_is_the_who(text, expected):
    assert quotes(text) == expected


def test_an_organization_named_in_an_aside_is_not_the_speaker():
    text = (
        "The statement, issued at the end of the summit at the Museum of Modern Art, also called for a "
        '"comprehensive, just and lasting peace" in Ukraine.'
    )
    assert quotes(text)[0][1] != "Museum of Modern Art"


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            'Ana Ruiz said she did not consent. "I felt vulnerable," the 33-year-old forward said in a statement.',
            [("I felt vulnerable,", "Ana Ruiz")],
        ),
        ('A 33-year-old man said: "I saw the fire start."', [("I saw the fire start.", "33-year-old man")]),
    ],
)
def test_a_definite_description_points_back_and_an_indefinite_one_is_new(text, expected):
    assert quotes(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a quotation ending its sentence, then a cue sentence of its own: the cue looks back
        ("“We will win this race.” Ana Ruiz said as she left the hall.", [("We will win this race.", "Ana Ruiz")]),
        (
            "“The bridge is safe.” Pedro Salas said on Friday. “Nobody should worry.”",
            [("The bridge is safe.", "Pedro Salas"), ("Nobody should worry.", "Pedro Salas")],
        ),
        # a lead-in ending with a colon in the paragraph before
        (
            "Pedro Salas told the crowd:\n\n“We will never give up this land.”",
            [("We will never give up this land.", "Pedro Salas")],
        ),
        (
            "Ana Ruiz continued:\n\n“You look at the numbers and you see the truth.”",
            [("You look at the numbers and you see the truth.", "Ana Ruiz")],
        ),
        # a paragraph that is one more quotation goes on with the speaker of the paragraph before
        (
            "“We counted every ballot twice,” said Ana Ruiz.\n\n“The numbers still do not add up.”",
            [("We counted every ballot twice,", "Ana Ruiz"), ("The numbers still do not add up.", "Ana Ruiz")],
        ),
        # ... unless someone else is named in between
        (
            "“We counted every ballot twice,” said Ana Ruiz, who met Pedro Salas.\n\n“The numbers still do not add up.”",
            [("We counted every ballot twice,", "Ana Ruiz"), ("The numbers still do not add up.", None)],
        ),
        # the subject of a cue is in its own clause, not in an opening subordinate clause or an earlier joined one
        (
            "When Pedro Salas resigned, Ana Ruiz said: “It was time for a change.”",
            [("It was time for a change.", "Ana Ruiz")],
        ),
        (
            "Pedro Salas spoke first, and Ana Ruiz replied: “That is simply not true.”",
            [("That is simply not true.", "Ana Ruiz")],
        ),
        # straight and curly marks mixed in one quotation
        ('"We will stay until the end,” said Ana Ruiz.', [("We will stay until the end,", "Ana Ruiz")]),
        ('“We will stay until the end," said Ana Ruiz.', [("We will stay until the end,", "Ana Ruiz")]),
        # multi-word reporting verbs
        ("“That is a lie and you know it,” Ana Ruiz shot back.", [("That is a lie and you know it,", "Ana Ruiz")]),
    ],
)
def test_attribution_passes_across_sentences_and_paragraphs(text, expected):
    assert quotes(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # two single closing marks for a double one, and two single opening marks
        ("The minister faced a “question’’ that nobody had prepared for.", []),
        ("“We are not leaving this town’’ said Ana Ruiz.", [("We are not leaving this town", "Ana Ruiz")]),
        ("‘‘We are not leaving this town,’’ said Ana Ruiz.", [("We are not leaving this town,", "Ana Ruiz")]),
        # an opening-shaped mark that closes
        ("“It is unusual,“ said Pedro Salas, a lawyer.", [("It is unusual,", "Pedro Salas")]),
        # a question or a demand, then its cue
        (
            "“Who will pay for the damage?” Ana Ruiz asked as the council adjourned.",
            [("Who will pay for the damage?", "Ana Ruiz")],
        ),
        ("“Give us the names now!” Pedro Salas demanded.", [("Give us the names now!", "Pedro Salas")]),
    ],
)
def test_unusual_marks_and_questions(text, expected):
    assert quotes(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a cue word used as a noun after a determiner is no cue: "the state" does not speak
        ("Ana Ruiz arrived on Monday in the state of Lara, where the road was “closed”.", []),
        # "according to testimonies from residents": the residents speak, not the testimonies
        (
            "Soldiers fired “tear gas”, according to testimonies from residents of the valley.",
            [("tear gas", "residents of the valley")],
        ),
    ],
)
def test_cue_words_as_nouns(text, expected):
    assert quotes(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ana Ruiz told “Morning Desk,” the station’s breakfast programme, that she would run.",  # Title Case, a comma inside
        "The first episode airs on Channel Nine’s “Harbour Lights.”",
        "The film, titled “a long way home”, opens on Friday.",  # a title verb before
        "The comedians staged a play called “the sons of the mayor” in the capital.",  # a work, then "called"
        "His new book “Letters from the valley” sold well.",  # a work noun before
        "Hundreds waved “No more cuts” signs outside the town hall.",  # a noun modified after
    ],
)
def test_titles_and_labels_in_quotation_marks_are_not_speech(text):
    assert quotes(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ana Ruiz called the plan “a disaster for the town.”", [("a disaster for the town.", "Ana Ruiz")]),
        ("“WE WANT JUSTICE,” the crowd chanted.", [("WE WANT JUSTICE,", "crowd")]),
        ("“Lock Them Up!” the crowd chanted.", [("Lock Them Up!", "crowd")]),
    ],
)
def test_speech_that_looks_like_a_title_is_still_speech(text, expected):
    assert quotes(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the person next to the cue, not a possessor or a name in an aside
        (
            "In a statement, Harbour Party spokesman Pedro Salas said: “We reject the ruling.”",
            [("We reject the ruling.", "Pedro Salas")],
        ),
        (
            "Ana Ruiz’s lawyer, Pedro Salas, said: “She will appeal the ruling.”",
            [("She will appeal the ruling.", "Pedro Salas")],
        ),
        (
            "Ana Ruiz’s spokesman Pedro Salas said: “She will appeal the ruling.”",
            [("She will appeal the ruling.", "Pedro Salas")],
        ),
        (
            "Ana Ruiz, a lawyer who once worked for Pedro Salas, said: “He will appeal the ruling.”",
            [("He will appeal the ruling.", "Ana Ruiz")],
        ),
        (
            "Asked by Pedro Salas about the strike, Ana Ruiz said: “It is not over yet.”",
            [("It is not over yet.", "Ana Ruiz")],
        ),
        # a participle or a second verb: the clause's subject speaks
        (
            "Ana Ruiz praised Pedro Salas on Monday, saying: “He kept the port open.”",
            [("He kept the port open.", "Ana Ruiz")],
        ),
        (
            "Ana Ruiz said the order came from Pedro Salas and added: “I only followed it.”",
            [("I only followed it.", "Ana Ruiz")],
        ),
    ],
)
def test_the_subject_of_a_cue_is_the_person_beside_it_or_opening_its_clause(text, expected):
    assert quotes(text) == expected


def test_words_inside_the_quotation_are_never_the_speaker_phrase():
    # the cue's subject is an unknown word after the quotation; "She" inside the marks must not resolve to Ana Ruiz
    [quote] = analyze("Ana Ruiz spoke first. “She supports the plan,” Zqortimer-Vell said.").quotes
    assert quote.speaker != "Ana Ruiz"


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "“Who do they think they are?” Ana Ruiz said of the company on Friday.",
            [("Who do they think they are?", "Ana Ruiz")],
        ),
        ("“It was a long night.” Ana Ruiz told reporters outside the court.", [("It was a long night.", "Ana Ruiz")]),
        # a cue sentence with content of its own is a new statement, not the attribution of the one before
        (
            "Pedro Salas spoke first. “It was a long night.” Ana Ruiz said she would appeal.",
            [("It was a long night.", None)],
        ),
        (
            "Pedro Salas spoke first. “It was a long night.” Ana Ruiz said that the court had erred.",
            [("It was a long night.", None)],
        ),
    ],
)
def test_a_cue_sentence_after_a_finished_quotation(text, expected):
    assert quotes(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("“The port stays open,” said Harbour Party spokesman Pedro Salas.", [("The port stays open,", "Pedro Salas")]),
        (
            "“The port stays open,” said Ana Ruiz’s aide Pedro Salas, who runs the office.",
            [("The port stays open,", "Pedro Salas")],
        ),
        ("“The port stays open,” said Ana Ruiz, an aide to Pedro Salas.", [("The port stays open,", "Ana Ruiz")]),
    ],
)
def test_the_person_named_after_a_cue(text, expected):
    assert quotes(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "“We will rebuild the bridge before the rains come.” — Ana Ruiz",
            [("We will rebuild the bridge before the rains come.", "Ana Ruiz")],
        ),
        (
            "“We will rebuild the bridge before the rains come.”\n\n- Ana Ruiz, mayor",
            [("We will rebuild the bridge before the rains come.", "Ana Ruiz")],
        ),
        # a title before the name on the dash line
        (
            "The works begin in May.\n\n“We will rebuild the bridge before the rains come.”\n– Commissioner Ana Ruiz, Roads Board",
            [("We will rebuild the bridge before the rains come.", "Ana Ruiz")],
        ),
        # the caption line under a quotation names a speaker the names stage did not find
        (
            "The works begin in May.\n\n“We will rebuild the bridge before the rains come.”\n— Marie-Claire Ndongo, country director",
            [("We will rebuild the bridge before the rains come.", "Marie-Claire Ndongo")],
        ),
        (
            "The works begin in May.\n\n“We will rebuild the bridge before the rains come.”\n\n-Mayor Ndongo, speaking after the vote.",
            [("We will rebuild the bridge before the rains come.", "Ndongo")],
        ),
        # but no words of a credit line, and no lone word without a title
        (
            "The works begin in May.\n\n“We will rebuild the bridge before the rains come.”\n— Bulletin",
            [("We will rebuild the bridge before the rains come.", None)],
        ),
        (
            "The works begin in May.\n\n“We will rebuild the bridge before the rains come.”\n— Editing by Marie Ndongo",
            [("We will rebuild the bridge before the rains come.", None)],
        ),
        # a name the names stage marked only where the article first gave it ("the Honourable …")
        (
            "Today the Honourable Ana Ruiz, Minister of Roads, opened the works.\n\n"
            "“We will rebuild the bridge before the rains come.”\n— The Honourable Ana Ruiz, Minister of Roads",
            [("We will rebuild the bridge before the rains come.", "Honourable Ana Ruiz")],
        ),
        (
            "Ana Ruiz left early. “We will rebuild the bridge before the rains come.” — Pedro Salas then spoke of a new plan.",
            [("We will rebuild the bridge before the rains come.", None)],
        ),
    ],
)
def test_dash_attributions(text, expected):
    assert quotes(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The storm hit the coast on Monday.\n\nREAD MORE: “Why the river keeps rising every spring, and what to do”\n\nOfficials said more rain was due.",
        "The storm hit the coast on Monday.\n\n“A town that refuses to leave”\n\nOfficials said more rain was due.",
    ],
)
def test_link_lines_and_sub_headings_in_quotation_marks_are_not_speech(text):
    assert quotes(text) == []


@pytest.mark.parametrize(
    "text, pass_id",
    [
        ("“The road is closed,” said Ana Ruiz.", "cue-after"),
        ("“The road is closed.” — Ana Ruiz", "dash-attribution"),
        ("Ana Ruiz said: “The road is closed.”", "cue-before"),
        ("“The road is closed,” and nobody will pass, Ana Ruiz said on the radio.", "cue-in-sentence"),
        ("Ana Ruiz was blunt: “The road is closed.”", "speaker-sentence-subject"),
        ("“The road is closed,” said Ana Ruiz. “Nobody can pass.”", "speaker-previous-quote"),
        ("Ana Ruiz told the crowd:\n\n“The road is closed.”", "lead-in-colon"),
        ("“The road is closed,” said Ana Ruiz.\n\n“Nobody can pass until Friday.”", "speaker-paragraph-after-quote"),
        ("Then Ana Ruiz praised the plan for the river. “The road is closed.”", "speaker-sentence-before"),
    ],
)
def test_each_attribution_pass_names_itself_in_the_rule_id(text, pass_id):
    quote = analyze(text).quotes[-1]
    assert quote.speaker == "Ana Ruiz" and quote.speaker_rule.split("/")[0] == pass_id


def test_the_passes_are_one_ordered_table_whose_first_decision_wins():
    from extract.rules import quotes as q
    from extract.rules.text import Article

    ids = [step.id for step in q.PASSES]
    assert len(ids) == len(set(ids)) and {step.id for step in q.SHORT_PASSES} <= set(ids)
    # a quotation with a cue after it and another before it: the earlier pass in the table decides
    text = "Pedro Salas said: “The road is closed,” Ana Ruiz said."
    assert analyze(text).quotes[0].speaker_rule.split("/")[0] == "cue-after"
    article = Article.of(text)
    [quote] = q.pair_marks(article)
    quote.text = text[quote.start : quote.end]
    ctx = q.Context(article, analyze(text).entities, [quote])
    reordered = [step for step in q.PASSES if step.id != "cue-after"]
    assert q.attribute(ctx, quote, None, reordered) == "cue-before" and quote.speaker == "Pedro Salas"


@pytest.mark.parametrize(
    "text, speaker, rule",
    [
        (
            "“The road is closed,” said the mayor, Ana Ruiz.",
            "Ana Ruiz",
            "cue-after/speaker-name",
        ),
        ("“The road is closed,” said Ana Ruiz.", "Ana Ruiz", "cue-after/speaker-object-name"),
        ("“The road is closed,” she said.", None, None),
        ("Ana Ruiz spoke first. “The road is closed,” she said.", "Ana Ruiz", "cue-after/speaker-pronoun"),
        (
            "“The road is closed,” the Coastal Rights Foundation said.",
            "Coastal Rights Foundation",
            "cue-after/speaker-organization",
        ),
        ("“The road is closed,” police officers said.", "police officers", "cue-after/speaker-group"),
        (
            "“The road is closed,” police officers said. “We are staying here tonight,” they said.",
            "police officers",
            "cue-after/speaker-pronoun-group",
        ),
        ("“The road is closed,” they said.", None, None),
        ("“The road is closed,” a young woman said.", "young woman", "cue-after/speaker-descriptor"),
        (
            "A spokesman for the organisers said the march would go on. “The road is closed,” he said.",
            "spokesman for the organisers",
            "cue-after/speaker-pronoun-descriptor",
        ),
        (
            "“The road is closed,” the state prosecutor's office said.",
            "state prosecutor's office",
            "cue-after/speaker-organization-label",
        ),
        (
            "The Coastal Rights Foundation met. “The road is closed,” the foundation said.",
            "Coastal Rights Foundation",
            "cue-after/speaker-organization-anaphor",
        ),
        (
            "“The road is closed,” according to testimonies from residents.",
            "residents",
            "cue-after/speaker-group",
        ),
    ],
)
def test_each_phrase_rule_reads_its_speaker(text, speaker, rule):
    quote = analyze(text).quotes[-1]
    assert (quote.speaker, quote.speaker_rule) == (speaker, rule)


def test_every_phrase_rule_has_an_id_of_its_own():
    from extract.rules.quotes import PHRASE_RULES

    ids = [rule_id for rule_id, _ in PHRASE_RULES]
    assert len(ids) == len(set(ids)) and ids[0] == "speaker-name"


@pytest.mark.parametrize(
    "text, cue_id",
    [
        ("“We made mistakes with the schedule,” Tomas Brandvik admitted on Monday.", "cue-admit"),
        ("“The bridge must come first, before any new road,” Tomas Brandvik argued.", "cue-argue"),
        ("“Nobody has fixed the pumps since the spring,” Tomas Brandvik complained.", "cue-complain"),
        ("“The plan cannot work without more money,” Tomas Brandvik concluded.", "cue-conclude"),
        ("“At least the rain kept the crowds away,” Tomas Brandvik joked.", "cue-joke"),
        ("“The council should have listened much sooner,” Tomas Brandvik opined.", "cue-opine"),
        ("“We walked for two days to reach the border,” Tomas Brandvik recalled.", "cue-recall"),
        ("“Home is where the river bends,” Tomas Brandvik sang to the crowd.", "cue-sing"),
        ("“This is a temporary measure and nothing more,” Tomas Brandvik stressed.", "cue-stress"),
        ("“They are watching us from the hill,” Tomas Brandvik whispered.", "cue-whisper"),
    ],
)
def test_a_verb_of_each_cue_entry_attributes_its_quotation(text, cue_id):
    [quote] = analyze(text).quotes
    assert (quote.speaker, quote.cue_id) == ("Tomas Brandvik", cue_id)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("“Venezuela’s prisons aren't safe for anyone,” she said.", ["Venezuela’s prisons aren't safe for anyone,"]),
        ("‘‘It’s over for the union’s plan,’’ he said.", ["It’s over for the union’s plan,"]),
        ("He said: ‘We’re leaving the town’s square’ and left.", ["We’re leaving the town’s square"]),
        ("'Don't go there tonight,' she said.", ["Don't go there tonight,"]),
        ("The ’90s were “hard on the workers’ families” here.", ["hard on the workers’ families"]),
    ],
)
def test_apostrophes_inside_words_neither_open_nor_close(text, expected):
    """The mark expression skips an apostrophe before a letter or digit (and a straight one between two):
    the quotation runs from its own opening mark to its own closing mark, ’’ closing a double one."""
    from extract.rules.quotes import pair_marks
    from extract.rules.text import Article

    article = Article.of(text)
    assert [text[q.start : q.end] for q in pair_marks(article)] == expected
    assert article.warnings == []
