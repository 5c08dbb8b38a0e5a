"""Organizations named without a cue word of their own, as unseen news names them (issue #10): the people a
body has after its name, the units of a company, and the nationalities that stay no body.  Sentences written
for these tests; each case has one where the rule must not fire."""

import pytest
from entity_readings import names

from extract.rules import analyze


@pytest.mark.parametrize(
    "text, organizations",
    [
        # the people of a body after its name
        ("The ceasefire broke when Korvath rebels shelled the valley.", ["Korvath"]),
        ("At least 12 Lumora deputies walked out of the session.", ["Lumora"]),
        ("The plant closed after Drevska workers went on strike.", ["Drevska"]),
        ("A Tallow Union statement said the vote was rigged.", ["Tallow Union"]),
        # a company's unit
        ("The firm agreed to sell its Pelmark unit to a rival.", ["Pelmark"]),
        ("Orders rose at the Brightwell Avionics division.", ["Brightwell Avionics"]),
        # a people's word before them is no body, in one word or two
        ("Army posts came under fire from Chechen rebels overnight.", []),
        ("The village was raided by Sierra Leonean rebels.", []),
        # a common word opening the sentence before a body's people
        ("Eight members of one family drowned.", []),
    ],
)
def test_the_people_and_units_of_a_body_after_its_name(text, organizations):
    assert names(text, "organization") == organizations


@pytest.mark.parametrize(
    "text, organizations",
    [
        # a newspaper, an agency or a broadcaster by what it does
        ("Crowds gathered at dawn, El Faro Austral reported.", ["El Faro Austral"]),
        ("Velcor Noticias quoted the minister as saying talks had failed.", ["Velcor Noticias"]),
        ("The mayor told Diario Lumora in an interview that he would stay.", ["Diario Lumora"]),
        ("In an interview with Canal Oeste Seis, the mayor denied it.", ["Canal Oeste Seis"]),
        ("Troops left the town on Sunday, Lumora reported.", ["Lumora"]),
        ("The minister wrote in the Harbinger medical journal that the drug was safe.", ["Harbinger"]),
        ("The findings appeared in the journal Vantage Review on Monday.", ["Vantage Review"]),
        # a person who reports, quotes or is interviewed stays a person; a common word is nobody's name
        ("Ana Ruiz reported the theft to the police.", []),
        ("Ruiz quoted Lincoln as saying a house divided cannot stand.", []),
        ("Pedro Salas, in an interview on Monday, said he would run.", []),
        ("Traders reported heavy selling on Monday.", []),
    ],
)
def test_a_newspaper_or_broadcaster_by_what_it_does(text, organizations):
    assert names(text, "organization") == organizations


@pytest.mark.parametrize(
    "text, organizations",
    [
        # a company named with no suffix, by what it is and what it has
        ("Kestrava, the world's largest maker of memory chips, said on Monday it would cut jobs.", ["Kestrava"]),
        ("Prices rose after Dorvel, the country's second-biggest lender, raised its rates.", ["Dorvel"]),
        ("Kestrava's board approved the sale on Friday.", ["Kestrava"]),
        ("Analysts cut their forecasts for Dorvel's share price.", ["Dorvel"]),
        # a role after the noun, a verb of speech after it, a name after it: no appositive of a company
        ("Pedro Salas, a bank executive, said rates would rise.", []),
        ("A dam burst near Lanvik, the newspaper said.", []),
    ],
)
def test_a_company_by_an_appositive_or_what_it_has(text, organizations):
    assert names(text, "organization") == organizations


@pytest.mark.parametrize(
    "text, organizations, persons",
    [
        ("A Kestrava spokesman declined to comment.", ["Kestrava"], []),
        ("Kestrava spokeswoman Ana Ruiz declined to comment.", ["Kestrava"], ["Ana Ruiz"]),
        ("Ana Ruiz, a spokeswoman for Dorvel Lynd, said the plant would close.", ["Dorvel Lynd"], ["Ana Ruiz"]),
        # a place's spokesman, and a person's
        ("A spokesman for Lanvik airport said flights were cancelled.", [], []),
        (
            "Senator Ana Ruiz met voters. Ruiz spokesman Pedro Salas said she would run.",
            [],
            ["Ana Ruiz", "Pedro Salas"],
        ),
        ("Ruiz said she would run. A spokeswoman for Ruiz confirmed it.", [], ["Ruiz"]),
    ],
)
def test_a_body_by_its_spokesperson(text, organizations, persons):
    assert names(text, "organization") == organizations
    assert names(text, "person") == persons


@pytest.mark.parametrize(
    "text, organizations",
    [
        # bodies named in Spanish, Portuguese, French, Italian and German
        ("The strike was called by the Sindicato de Estibadores del Norte.", ["Sindicato de Estibadores del Norte"]),
        ("The Fiscalía Regional de Tarmas opened an inquiry.", ["Fiscalía Regional de Tarmas"]),
        ("A loan from the Banco Serrano Unido was approved.", ["Banco Serrano Unido"]),
        ("The Liga de Futebol Praiana said it would review the match.", ["Liga de Futebol Praiana"]),
        ("Clube Desportivo Marinhense signed the striker.", ["Clube Desportivo Marinhense"]),
        ("The Ministère de la Justice et des Libertés denied the report.", ["Ministère de la Justice et des Libertés"]),
        ("The Croix-Rouge de Lanvik handed out water.", ["Croix-Rouge de Lanvik"]),
        ("The Partito dei Lavoratori left the coalition.", ["Partito dei Lavoratori"]),
        # "pour", "para", "für" join a body's name as "for" does
        ("Ana Ruiz of the Institut pour la Mer Bleue (IMB) said the reef was dying.", ["Institut pour la Mer Bleue"]),
        ("The Fundación para la Paz Andina sent food.", ["Fundación para la Paz Andina"]),
        # a person with a particle in the name stays no body
        ("Teresa de la Vega said she would appeal.", []),
    ],
)
def test_bodies_named_in_other_languages(text, organizations):
    assert names(text, "organization") == organizations


@pytest.mark.parametrize(
    "text, organizations, persons",
    [
        # a company's last word, a newspaper's, a gang's
        ("Brackwater Steel cut 400 jobs on Monday.", ["Brackwater Steel"], []),
        ("Eastholm Water was fined for the spills.", ["Eastholm Water"], []),
        ("He told the Marrow Ledger he had seen the river turn grey.", ["Marrow Ledger"], []),
        ("Seven members of the Dune Street Crew were jailed.", ["Dune Street Crew"], []),
        # a team by its appositive
        ("Fans cheered the Pinewood Owls, the city's minor league team.", ["Pinewood Owls"], []),
        # a role after "team" is a person's appositive
        ("Ana Ruiz, the team captain, said they would win.", [], ["Ana Ruiz"]),
        # "Energy" before a title is no company's last word; a hyphenated given name is a given name
        ("Energy Minister Ana Ruiz visited the plant.", [], ["Ana Ruiz"]),
        ("Jean-Marcel Obiang, the group's director, left.", [], ["Jean-Marcel Obiang"]),
    ],
)
def test_last_words_of_companies_papers_and_gangs(text, organizations, persons):
    assert names(text, "organization") == organizations
    assert names(text, "person") == persons


def both(text):
    result = analyze(text)
    return sorted((e.kind, e.name) for e in result.entities)


@pytest.mark.parametrize(
    "text, expected",
    [
        # share buttons, labels alone or before a colon: no names
        ("Floods hit the valley\n\nFacebook Twitter Email\n\nRain fell all week.", []),
        ("Floods hit the valley\n\nShare on Facebook\nShare via Email\n\nRain fell all week.", []),
        ("WATCH: Crews clear the road (1:12)\n\nRain fell all week.", []),
        (
            "Rain fell all week.\n\nMedia Relations\nLanvik Water Board\n+1 555 0100",
            [("organization", "Lanvik Water Board")],
        ),
        ("PRESS RELEASE\n\nRain fell all week.", []),
        # a line of prose that opens with a name and a colon keeps the name
        ("Ana Ruiz: the mayor who stayed\n\nRain fell all week.", [("person", "Ana Ruiz")]),
    ],
)
def test_page_furniture_names_nobody(text, expected):
    assert both(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the agency is one, "AP Photo" no person's name
        (
            "Crews cleared the road. (AP Photo/Tomas Erikson)\n\nRain fell.",
            [("organization", "AP"), ("person", "Tomas Erikson")],
        ),
        (
            "Crews cleared the road. Photograph: Ines Cardoso/Lanvik Wire\n\nRain fell.",
            [("organization", "Lanvik Wire"), ("person", "Ines Cardoso")],
        ),
        ("Crews cleared the road. Photo by Tomas Erikson\n\nRain fell all week.", [("person", "Tomas Erikson")]),
    ],
)
def test_a_photo_credit_names_its_photographer(text, expected):
    assert both(text) == expected


@pytest.mark.parametrize(
    "text, persons",
    [
        ("The dealers were cautious. Dealers said the market would stay thin.", []),
        ("Campaigners said the fine was too small, as campaigners have for years.", []),
        # a surname that the article never writes in lower case stays a person
        ("Pedro Salas left. Salas said he would be back.", ["Pedro Salas"]),
    ],
)
def test_a_common_noun_opening_a_sentence_is_nobody_speaking(text, persons):
    assert names(text, "person") == persons


@pytest.mark.parametrize(
    "text, expected",
    [
        # a company suffix of dotted letters is the company's
        (
            "Terminales Norte S.A., which runs the port, said it would appeal.",
            [("organization", "Terminales Norte S.A.")],
        ),
        ("Vorland N.V. said profits rose.", [("organization", "Vorland N.V.")]),
        # a minister's portfolio names nobody; a body after "of the" is one
        ("Ana Ruiz, Minister of Coastal Safety and Fisheries, said boats were ready.", [("person", "Ana Ruiz")]),
        (
            "Pedro Salas, Chairman of the National Harbour Commission, resigned.",
            [("organization", "National Harbour Commission"), ("person", "Pedro Salas")],
        ),
    ],
)
def test_dotted_suffixes_and_portfolios(text, expected):
    assert both(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a byline in title case is no headline
        (
            "Floods Cut Off Valley Towns\n\nBy Tomas Erikson at the Estadio Municipal de Riverton\n\nRain fell.",
            [("person", "Tomas Erikson")],
        ),
        # a nickname in quotation marks is no part of the name
        ('The gang, led by Pedro "Tiny" Salas, was jailed. Salas, 29, got 11 years.', [("person", "Pedro Salas")]),
        ("The winner came from Ana “La Roca” Ruiz-Tapia in the 88th minute.", [("person", "Ana Ruiz-Tapia")]),
        # a weekday that opens a newspaper's name is the name's; before a person's it is none
        ("The Sunday Lanvik Times said the deal was off.", [("organization", "Sunday Lanvik Times")]),
        ("On Sunday Ana Ruiz said the deal was off.", [("person", "Ana Ruiz")]),
    ],
)
def test_bylines_nicknames_and_weekday_papers(text, expected):
    assert both(text) == expected


@pytest.mark.parametrize(
    "text, persons",
    [
        (
            "The hosts won 2-1.\n\nRiverton: Kell; Varga, Osei, Tomas Lind, Brasco; Dunne (Pell 71), Marr; Quint, Roe.\n",
            ["Brasco", "Dunne", "Kell", "Marr", "Osei", "Pell", "Quint", "Roe", "Tomas Lind", "Varga"],
        ),
        # a list with commas only is no line-up
        ("The hosts won 2-1.\n\nStops: Kell, Varga, Osei, Lind, Brasco, Dunne, Marr, Quint.\n", []),
    ],
)
def test_a_line_up_names_its_players(text, persons):
    assert sorted(names(text, "person")) == persons


def test_a_chamber_is_a_body():
    assert names("On Monday the Chamber of Shipping met the minister.", "organization") == ["Chamber of Shipping"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a masthead glued to its slogan on the page's first line
        (
            "The Lanvik StarTruth Matters\nFloods hit the valley\n\nRain fell all week.",
            [("organization", "Lanvik Star")],
        ),
        # a station's number inside its name
        ("Ana Ruiz told KWXY 7 News the team would stay.", [("organization", "KWXY 7 News"), ("person", "Ana Ruiz")]),
        ("He told Channel 4 News on Monday that he would stay.", [("organization", "Channel 4 News")]),
        # "the" opens no person's name that speaks
        ("Crops failed, the Ruiz Tapia said.", []),
    ],
)
def test_mastheads_stations_and_the(text, expected):
    assert both(text) == expected


@pytest.mark.parametrize(
    "text, organizations",
    [
        ("The Ministry of Mines, Energy and Water did not respond.", ["Ministry of Mines, Energy and Water"]),
        ("The Office of Ports, Roads and Canals said repairs would start.", ["Office of Ports, Roads and Canals"]),
        # people listed after a ministry are no part of its name
        ("The Ministry of Health, Ana Ruiz and Pedro Salas met on Monday.", ["Ministry of Health"]),
    ],
)
def test_a_ministry_of_a_list_of_portfolios_is_one_name(text, organizations):
    assert names(text, "organization") == organizations


@pytest.mark.parametrize(
    "text, organizations",
    [
        ("Prices may fall, said Vorland Lynd analyst Ana Ruiz.", ["Vorland Lynd"]),
        ("A former Dorvel Mills employee filed the suit.", ["Dorvel Mills"]),
        # a common word opening a sentence, or an item of a list, before such a noun
        ("Other analysts were more bullish.", []),
        ("Markets were calm.\n- Top dealers expect a cut.\n- Omega group Vorland gained 2 percent.", ["Vorland"]),
    ],
)
def test_a_firm_by_those_who_work_for_it(text, organizations):
    assert names(text, "organization") == organizations


@pytest.mark.parametrize(
    "text, organizations, persons",
    [
        # a title word inside a body's name, a particle after it: no person begins there
        (
            "The Fiscalía General de la Provincia de Morrova opened a file.",
            ["Fiscalía General de la Provincia de Morrova"],
            [],
        ),
        ("The Procuraduría General de Lanvik said two men were held.", ["Procuraduría General de Lanvik"], []),
        # a title before a capitalized name after a body's name still parts them
        ("Reserve Bank of Lanvik Governor Pedro Salas cut rates.", ["Reserve Bank of Lanvik"], ["Pedro Salas"]),
        # and so does a title before "and" and another title
        ("Kestrava Co Chairman and Chief Executive Pedro Salas resigned.", ["Kestrava Co"], ["Pedro Salas"]),
    ],
)
def test_a_title_word_inside_a_foreign_bodys_name(text, organizations, persons):
    assert names(text, "organization") == organizations
    assert names(text, "person") == persons


@pytest.mark.parametrize(
    "text, organizations, persons",
    [
        # Spanish cue words written with their accent, and a unit or fellowship of a body
        ("Fighting broke out between the Cártel del Río Blanco and the army.", ["Cártel del Río Blanco"], []),
        ("The Guardia Provincial sent 300 officers.", ["Guardia Provincial"], []),
        ("Votes for the Frente Popular Unido rose.", ["Frente Popular Unido"], []),
        ("He told El Heraldo de Morrova that he was safe.", ["El Heraldo de Morrova"], []),
        ("The mayor told Canal 5 Noticias she would wait for the count.", ["Canal 5 Noticias"], []),
        ("Police sent the Rapid Response Unit to the market.", ["Rapid Response Unit"], []),
        ("The Fellowship of Hill Churches condemned the attack.", ["Fellowship of Hill Churches"], []),
        # a person of such a body stays a person
        ("Pedro Salas of the Guardia Provincial said the road was shut.", ["Guardia Provincial"], ["Pedro Salas"]),
    ],
)
def test_spanish_cue_words_and_units_of_a_body(text, organizations, persons):
    assert names(text, "organization") == organizations
    assert names(text, "person") == persons


@pytest.mark.parametrize(
    "text",
    [
        # a wire service's markers and a page's furniture in capitals are no acronym of a body
        "(LEAD) Lanvik court upholds fine on Dorvel\n\nThe ruling came on Monday.",
        "The ruling came on Monday.\n\n(END)",
        "ALSO READ: Floods hit the valley\n\nThe ruling came on Monday.",
        "The study was published on Monday.\n\nDOI\n\n10.1000/xyz123",
    ],
)
def test_wire_markers_in_capitals_are_no_body(text):
    assert names(text, "organization") == []


@pytest.mark.parametrize(
    "text, organizations",
    [
        # a force's generic word and a title last: an unnamed holder's role, no body
        ("The Police Press Officer in the state confirmed the attack.", []),
        ("The Police Commissioner has deployed teams.", []),
        # a cue without a title last is a body's name
        ("The Police Service Commission met on Monday.", ["Police Service Commission"]),
    ],
)
def test_a_role_of_a_force_names_no_body(text, organizations):
    assert names(text, "organization") == organizations


@pytest.mark.parametrize(
    "text, organizations",
    [
        # a media cue before the channel's number, and a name after it: one broadcaster
        ("The story was first aired by Radio 5 Lanvik on Monday.", ["Radio 5 Lanvik"]),
        ("Floods hit the valley.\n\n(NEWS 9 LANVIK with AFP)", ["NEWS 9 LANVIK", "AFP"]),
        # a number between two names of which neither is a medium's stays apart
        ("The seats went Kestrava Party 12 Dorvel Party 9 in the count.", ["Kestrava Party", "Dorvel Party"]),
    ],
)
def test_a_broadcaster_with_its_number_after_the_media_word(text, organizations):
    assert names(text, "organization") == organizations
