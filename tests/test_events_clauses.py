"""Acts told in one entry's further sentences or in an "hours after" clause, venues after "on", "to",
"from" and "around", types the verb alone gets wrong, long office titles, and the state a
spokesperson or a capital's ministry acts for. Read with the project's own reference (seeds/)."""

import pytest

from tests.extraction_helpers import (
    chronology_events,
    extract_text,
    one_chronology_event,
    participants_per_event,
)
from transforms.document import Document
from transforms.events import find_location, main_verb
from transforms.extract import extract_document
from transforms.people import find_mentions
from transforms.readers import read_document

events_of = chronology_events
one_event = one_chronology_event


# ----------------------------------------------------------------------------- acts

def test_a_further_sentence_with_its_own_actors_is_its_own_act(ref):
    events = events_of("July 8, 2024: Foreign Minister Yoko Kamikawa and Defense Minister Minoru Kihara hold talks"
                       " with their Philippine counterparts in Manila.\n\nKamikawa and Teodoro sign the Reciprocal"
                       " Access Agreement in Manila, with Marcos looking on.", ref)
    assert [e["event_type"] for e in events] == ["meeting", "agreement"]
    assert events[1]["text"].startswith("Kamikawa and Teodoro sign")


@pytest.mark.parametrize("continuation", [
    "They sign a joint statement afterwards.",
    "The talks cover maritime security.",
    "Both ministers sign the minutes.",
])
def test_a_pronoun_or_noun_subject_continues_the_act(ref, continuation):
    events = events_of(f"July 8, 2024: Kamikawa and Kihara hold talks with Manalo in Manila. {continuation}", ref)
    assert len(events) == 1


def test_an_act_hours_after_another_is_a_second_event_of_the_day(ref):
    events = events_of("March 18, 2024: Secretary of State Antony Blinken and Foreign Minister Cho Tae-yul met in"
                       " Seoul, a few hours after North Korea fired three short-range ballistic missiles from the"
                       " Pyongyang area into the sea.", ref)
    assert [(e["event_type"], e["countries"], e["location"]) for e in events] == [
        ("meeting", ["KOR", "USA"], "Seoul"), ("military_action", ["PRK"], "Pyongyang")]
    assert {e["date_start"] for e in events} == {events[0]["date_start"]}


def test_an_after_clause_without_an_actor_stays_in_the_act(ref):
    assert len(events_of("March 19, 2024: Kishida met Yoon in Tokyo, shortly after the summit ended.", ref)) == 1


# ----------------------------------------------------------------------------- venues

@pytest.mark.parametrize(("sentence", "expected"), [
    ("Hegseth and Ishiba attend a memorial ceremony on Iwo Jima.", "Iwo Jima"),
    ("Coast guard personnel board navy boats on a resupply run to Second Thomas Shoal.", "Second Thomas Shoal"),
    ("North Korea fired 18 short-range ballistic missiles from the Sunan area.", "Sunan"),
    ("China's Eastern Theater Command stages drills around Taiwan.", "Taiwan"),
    ("Kim Jong Un inspects a factory in Chagang Province.", "Chagang Province"),
])
def test_a_site_after_on_to_from_or_around_is_the_venue(ref, sentence, expected):
    assert one_event(sentence, ref)["location"] == expected


@pytest.mark.parametrize("sentence", [
    "Blinken calls for pressure on Taiwan's opposition.",  # a state after "on"
    "Japan pledges more aid to Ukraine.",  # a state after "to"
    "Defense officials from Tokyo reach an agreement.",  # a city after "from"
    "Lee Jong-sup holds a phone call with his counterparts in Tokyo and Washington.",  # a call has no venue
    "Yoon hails the progress made on the Camp David Summit.",  # a venue inside a name
    "Japan provides $1.25 million in grant aid following the landslide in Enga Province.",  # another event's place
])
def test_no_venue_where_the_place_is_not_where_the_act_happened(ref, sentence):
    assert one_event(sentence, ref)["location"] == ""


def test_a_place_ends_at_its_sentence(ref):
    loc = find_location("hold talks in Manila.\n\nKamikawa and Teodoro sign", ref)
    assert loc is not None and loc.name == "Manila"


# ----------------------------------------------------------------------------- types

@pytest.mark.parametrize(("sentence", "expected"), [
    ("Russia vetoed a Security Council draft renewing the panel of experts.", "election"),
    ("The National Assembly impeaches President Yoon Suk Yeol by 204 votes to 85.", "legal"),
    ("South Korean KF-16 fighters accidentally release eight bombs during live-fire training.", "incident"),
    ("Blinken announces $500 million in foreign military financing for the Philippines.", "aid"),
    ("Japan pledges ¥2 billion in emergency relief for the flood victims.", "aid"),
    ("Raimondo announces up to $6.4 billion in grants for Samsung Electronics.", "announcement"),
    ("Blinken calls on Prime Minister Ishiba at the Kantei.", "meeting"),
    ("Blinken calls on China to stop its dangerous manoeuvres.", "statement"),
])
def test_types_the_verb_alone_gets_wrong(ref, sentence, expected):
    assert one_event(sentence, ref)["event_type"] == expected


# ----------------------------------------------------------------------------- people and states

@pytest.mark.parametrize(("sentence", "name", "title"), [
    ("Under Secretary for Terrorism and Financial Intelligence Brian Nelson said it.", "Brian Nelson",
     "Under Secretary for Terrorism and Financial Intelligence"),
    ("Special Envoy for Climate Change Alice Bloom spoke.", "Alice Bloom", "Special Envoy for Climate Change"),
    ("Under Secretary for Arms Control and International Security Bonnie Jenkins said.", "Bonnie Jenkins",
     "Under Secretary for Arms Control and International Security"),
    ("Minister of Economy, Trade and Industry Ken Saito visited.", "Ken Saito",
     "Minister of Economy, Trade and Industry"),
    ("Under Secretary of State for Economic Growth, Energy, and the Environment Jose Fernandez spoke.",
     "Jose Fernandez", "Under Secretary of State for Economic Growth, Energy, and the Environment"),
])
def test_long_office_titles_keep_their_person(ref, sentence, name, title):
    assert [(m.name, m.title) for m in find_mentions(sentence, ref)] == [(name, title)]


def test_a_list_of_two_people_is_not_one_title(ref):
    assert [m.name for m in find_mentions("Kishida, and President Yoon met.", ref)] == ["Kishida", "Yoon"]


def test_a_spokesperson_acts_for_the_state_whose_ministry_they_speak_for(ref):
    event = one_event("A spokesman for North Korea's defence ministry denounced the drills.", ref)
    assert event["countries"] == ["PRK"]


def test_a_capitals_ministry_acts_for_its_state(ref):
    event = one_event("Manila's Department of Foreign Affairs lodged a formal protest.", ref)
    assert event["countries"] == ["PHL"]


def test_an_act_hours_before_another_is_a_second_event_of_the_day(ref):
    events = events_of("March 5, 2025: A car bomb killed at least 12 people in Quetta, hours before Israel's"
                       " security cabinet approved a ceasefire.", ref)
    assert [e["event_type"] for e in events] == ["incident", "agreement"]


# ----------------------------------------------------------------------------- unseen styles, second round

@pytest.mark.parametrize(("sentence", "expected"), [
    ("A gunman struck the station as passengers waited for a Lahore-bound train.", "incident"),  # "train" a noun
    ("Egypt hosted a round of ceasefire talks in Cairo.", "meeting"),  # "talks" a noun
    ("The parliament approved the constitutional amendments by 412 votes to 150.", "legal"),
    ("The security cabinet approved a ceasefire with the militia by 9 votes to 2.", "agreement"),
    ("EU ministers adopt a 17th sanctions package against Russia.", "legal"),
    ("The two presidents exchange congratulatory messages on the anniversary.", "statement"),
    ("Lula launched a Global Alliance Against Hunger at the opening of the G20 summit in Rio de Janeiro.",
     "agreement"),
    ("Merz dined with President Emmanuel Macron in Paris.", "meeting"),
])
def test_types_from_the_verb_and_its_object(ref, sentence, expected):
    assert one_event(sentence, ref)["event_type"] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Gunmen attacked a market in the town of Zarghun near the border.", "Zarghun"),
    ("A drone hit the centre of Velykyi Burluk overnight.", "Velykyi Burluk"),
    ("A landslide near Kaptai in Chittagong buried a road.", "Kaptai"),
    ("A Tokyo court sentenced the former aide.", "Tokyo"),
    ("Israeli strikes on Beirut's southern suburbs killed 9 people.", "Beirut"),
    ("Scholz dined with President Emmanuel Macron at the Élysée.", "Élysée"),
    ("Austin stopped in Phnom Penh, his third visit to Cambodia as secretary.", "Phnom Penh"),
])
def test_places_named_by_the_words_around_them(ref, sentence, expected):
    assert one_event(sentence, ref)["location"] == expected


@pytest.mark.parametrize("sentence", [
    "Officials met in Hope to discuss the plan.",  # an unknown word with nothing saying it is a place
    "The ministers met in Congress to debate the bill.",
])
def test_an_unknown_word_alone_is_not_a_place(ref, sentence):
    assert one_event(sentence, ref)["location"] == ""


@pytest.mark.parametrize(("sentence", "expected"), [
    ("A Russian missile and drone strike hits a power plant.", ["RUS"]),
    ("The Bundestag approved the budget.", ["DEU"]),
    ("The Knesset passed the law on a first reading.", ["ISR"]),
])
def test_states_acting_through_weapons_and_legislatures(ref, sentence, expected):
    assert one_event(sentence, ref)["countries"] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The court issued warrants on Thursday for Israeli Prime Minister Benjamin Netanyahu.",
     [("Benjamin Netanyahu", "Israeli Prime Minister")]),
    ("President Anura Kumara Dissanayake's National People's Power alliance won 159 seats.",
     [("Anura Kumara Dissanayake", "President")]),
    ("Prime Minister Fumio Kishida's Liberal Democratic Party lost seats.", [("Fumio Kishida", "Prime Minister")]),
    ("NHK's Yusaku Ishii reported it.", [("Yusaku Ishii", "NHK's")]),
    ("Brazilian President Luiz Inacio Lula da Silva spoke.", [("Luiz Inacio Lula da Silva", "Brazilian President")]),
    ("The party's co-leaders, Lena Vogt and Jonas Brandt, agreed.", [("Lena Vogt", ""), ("Jonas Brandt", "")]),
    ("The journal's Vol. 9, No. 2 came out.", []),
])
def test_names_around_possessives_dates_particles_and_appositions(ref, sentence, expected):
    assert [(m.name, m.title) for m in find_mentions(sentence, ref)] == expected


def test_a_gathering_in_a_known_city_is_not_a_finer_place(ref):
    event = one_event("Marcos gives the keynote address at the Shangri-La Dialogue in Singapore.", ref)
    assert event["location"] == "Singapore"


# ----------------------------------------------------------------------------- unseen styles, third round

@pytest.mark.parametrize(("sentence", "expected"), [
    ("He paid a state visit to Spain.", ("visit", "Spain")),
    ("Chile's runoff was not close.", ("election", "Chile")),
    ("Noboa took a congratulatory call from Secretary of State Marco Rubio.", ("phone_call", "")),
    ("The ministers condemned the naval task group that held live-fire drills.", ("statement", "")),
    ("The junta spokesman denied that civilians had been targeted.", ("statement", "")),
    ("Ms Wong hosted the Tuvalu prime minister at Parliament House in Canberra.", ("meeting", "Parliament House")),
])
def test_types_and_places_of_unseen_phrasings(ref, sentence, expected):
    event = one_event(sentence, ref)
    assert (event["event_type"], event["location"]) == expected


def test_a_ban_on_tours_to_a_country_has_no_venue(ref):
    assert one_event("China lifts its ban on group tours to Japan.", ref)["location"] == ""


def test_a_body_named_after_a_state_acts_for_it_only_if_it_is_that_states(ref):
    assert one_event("The Bank of Korea and the Bank of Japan sign a currency swap deal.", ref)["countries"] == [
        "JPN", "KOR"]
    assert one_event("Observers of the Organization of American States arrive.", ref)["countries"] == []


# ----------------------------------------------------------------------------- context from the sentences before

def narrative_events(text: str, ref) -> list[dict]:
    doc = Document(text=text, format="txt", source_text=text)
    tables = extract_document(doc, ref, file_id="f1", report_id="r1")
    people = {p["participant_id"]: p["canonical_name"] for p in tables["participants"].to_pylist()}
    by_event: dict[str, list[str]] = {}
    for link in tables["event_participants"].to_pylist():
        by_event.setdefault(link["event_id"], []).append(people[link["participant_id"]])
    return [{**e, "people": sorted(by_event.get(e["event_id"], []))} for e in tables["events"].to_pylist()]


def test_he_is_the_person_last_named_as_a_subject(ref):
    events = narrative_events(
        "Politics in Berlin, spring 2025\n\nOn March 2, 2025, Chancellor Olaf Scholz met Macron in Paris."
        " On March 4, 2025, he and the party's co-leaders, Lena Vogt and Jonas Brandt, agreed on a budget.\n", ref)
    assert events[-1]["people"] == ["Jonas Brandt", "Lena Vogt", "Olaf Scholz"]


def test_he_after_two_named_subjects_is_left_unresolved(ref):
    events = narrative_events(
        "Politics in Berlin, spring 2025\n\nOn March 1, 2025, Olaf Scholz visited Rome. On March 2, 2025, Olaf"
        " Scholz and Emmanuel Macron met in Paris. On March 4, 2025, he signed the budget.\n", ref)
    assert events[-1]["people"] == []


def test_an_act_that_goes_on_in_the_scene_keeps_its_place(ref):
    events = events_of("September 11, 2024: Blinken met Zelenskyy in Kyiv. Lammy then"
                       " held talks with Prime Minister Denys Shmyhal.", ref)
    assert [e["location"] for e in events] == ["Kyiv", "Kyiv"]


def test_a_later_act_of_another_day_does_not_take_the_place(ref):
    events = events_of("September 11, 2024: Blinken and Lammy met Zelenskyy in Kyiv.\n\nSeptember 12, 2024:"
                       " Blinken then held talks with Prime Minister Denys Shmyhal.", ref)
    assert [e["location"] for e in events] == ["Kyiv", ""]


def test_a_states_election_takes_place_in_that_state(ref):
    assert one_event("Ecuador's general election delivered a near tie.", ref)["location"] == "Ecuador"


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Iran held talks with the political directors of France, Germany and the United Kingdom.",
     ["DEU", "FRA", "GBR", "IRN"]),
    ("The Prime Minister of the Democratic Republic of the Congo addressed the Council.", ["COD"]),
    ("The Republic of the Congo and Angola sign a border accord.", ["AGO", "COG"]),
])
def test_states_whose_people_act_and_states_with_long_names(ref, sentence, expected):
    assert one_event(sentence, ref)["countries"] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The Security Council adopted resolution 2799 by 13 votes to none.", "election"),
    ("The Board of Governors passed a resolution censuring the government.", "election"),
    ("The ministers adopt a joint action plan on energy.", "agreement"),
])
def test_a_bodys_resolution_is_a_vote(ref, sentence, expected):
    assert one_event(sentence, ref)["event_type"] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Later that day, Putin receives Wang Yi at the Kremlin.", "meeting"),  # a visitor received
    ("The King welcomed him in Madrid.", "meeting"),
    ("The ministry welcomed the release of the hostages.", "statement"),
    ("A military jet bombed a village market in Kyauktaw, killing 28 civilians.", "incident"),
    ("Gunmen on motorcycles opened fire on the weekly market, killing 18 civilians.", "incident"),
    ("Chinese coast guard ships fired water cannon at the fisheries vessel near the shoal.", "incident"),
    ("North Korea fired two ballistic missiles into the sea.", "military_action"),  # not at anyone
    ("Aircraft bombed a bridge near the border.", "incident"),
    ("Paramilitary fighters shelled residential districts of the city.", "incident"),
    ("Fighters ambushed an army supply convoy south of the town.", "incident"),
    ("Militants attacked a police post near the border.", "incident"),
    ("The World Bank disbursed $200 million to the health programme.", "aid"),
    ("The coordinator allocated US$10 million from the pooled fund to the drought response.", "aid"),
    ("Japan announces a package of $50 million in humanitarian support for Gaza.", "aid"),
    ("The Relief Coordinator released $17 million from the emergency fund for the response.", "aid"),
    ("Afterwards Mr Peters announced NZ$20 million for the Pacific Resilience Facility.", "aid"),
    ("Lammy pledged a further £600 million (about $782 million) in British humanitarian support.", "aid"),
    ("The president accepted the resignation of the defence minister.", "appointment"),
    ("The finance minister takes over as acting president.", "appointment"),
    ("Xi attends the Victory Day parade on Red Square.", "other"),  # a ceremony attended
    ("Kishida attends the G7 summit in Apulia.", "meeting"),
    ("Maduro signs the Organic Law for the Defence of Guayana Esequiba.", "legal"),
    ("Maduro and Ali sign the Argyle Declaration.", "agreement"),
])
def test_types_from_whom_or_what_the_verb_takes(ref, sentence, expected):
    assert one_event(sentence, ref)["event_type"] == expected


@pytest.mark.parametrize("second", [
    "The two sign a memorandum of understanding on security cooperation.",
    "They adopt a joint declaration on the border.",
    "The two delegations agree on a proposal for a 30-day ceasefire.",
])
def test_the_same_peoples_agreement_is_its_own_act(ref, second):
    events = events_of(f"March 27, 2025: Marco Rubio meets Irfaan Alibhai in Georgetown. {second}", ref)
    assert [e["event_type"] for e in events] == ["meeting", "agreement"]


@pytest.mark.parametrize("second", [
    "The two discuss energy cooperation.",
    "Both sides call the talks frank and constructive.",
])
def test_what_the_same_people_say_stays_part_of_the_meeting(ref, second):
    assert len(events_of(f"March 27, 2025: Marco Rubio meets Irfaan Alibhai in Georgetown. {second}", ref)) == 1



@pytest.mark.parametrize(("sentence", "expected"), [
    ("Venezuela holds a consultative referendum on the Essequibo; the CNE announces a yes victory that evening.",
     ["election", "announcement"]),
    ("The National Assembly impeaches President Yoon by 204 votes to 85; Prime Minister Han Duck-soo takes over as"
     " acting president.", ["legal", "appointment"]),
    # an act of the same kind, or of the same people, is part of the first
    ("The IAEA Board adopts a resolution that censures Iran; China and Russia vote against.", ["election"]),
    ("Misri and Sun hold talks in Beijing; both sides call the talks constructive.", ["meeting"]),
])
def test_a_clause_after_a_semicolon_with_its_own_actor_and_kind(ref, sentence, expected):
    assert [e["event_type"] for e in events_of(f"July 9, 2024: {sentence}", ref)] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("In Caracas, President Nicolás Maduro orders the creation of a new state.", "Caracas"),
    ("In March, the president orders the creation of a new state.", None),
    ("Chinese and Russian bombers fly a joint patrol over the Sea of Japan.", "Sea of Japan"),  # a sea, a site
    ("The two sides argued over Taiwan.", None),  # a state after "over" is a topic
    ("Abiy Ahmed paid a one-day visit to Mogadishu.", "Mogadishu"),
])
def test_more_venues(ref, sentence, expected):
    loc = find_location(sentence, ref)
    assert (loc.name if loc else None) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Venezuela holds legislative and regional elections.", "Venezuela"),
    ("On 3 March, Japan held an upper house election.", "Japan"),
    ("Ecuador's runoff was not close.", "Ecuador"),
])
def test_a_states_own_vote_takes_place_in_it(ref, sentence, expected):
    from transforms.events import election_place
    assert election_place(sentence, ref).name == expected


def people_and_states(sentence: str, ref) -> tuple[list[str], list[str]]:
    text = f"Chronology\n\nJuly 9, 2024: {sentence}\n"
    tables = extract_document(Document(text=text, format="txt", source_text=text), ref, file_id="f1", report_id="r1")
    (event,) = tables["events"].to_pylist()
    return [link["mention"] for link in tables["event_participants"].to_pylist()], event["countries"]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The National Assembly impeaches President Yoon Suk Yeol by 204 votes to 85.", ([], ["KOR"])),
    ("The International Criminal Court issued arrest warrants for Israeli Prime Minister Benjamin Netanyahu.",
     ([], [])),
    ("Prosecutors indict former president Moon Jae-in on bribery charges.", ([], ["KOR"])),
    ("Prosecutor General Shim Woo-jung indicts former president Moon Jae-in.", (["Shim Woo-jung"], ["KOR"])),
    ("President Yoon Suk Yeol pardons former president Lee Myung-bak.", (["Yoon Suk Yeol", "Lee Myung-bak"], ["KOR"])),
])
def test_the_target_of_a_legal_act_is_not_a_participant(ref, sentence, expected):
    assert people_and_states(sentence, ref) == expected


@pytest.mark.parametrize("sentence", [
    "The First Panel of the Supreme Federal Court voted unanimously to put the former president on trial.",
    "The International Court of Justice orders Venezuela not to hold elections in the disputed region.",
])
def test_a_courts_vote_or_order_is_legal(ref, sentence):
    assert one_event(sentence, ref)["event_type"] == "legal"


@pytest.mark.parametrize(("sentence", "expected"), [
    # who is named inside what a speaker says only hears of it
    ("Trump says in a television interview that he has written to Supreme Leader Ali Khamenei.", ["Trump"]),
    # the speaker of an act others did is not in it; the speaker of his own act or a plan is
    ("External Affairs Minister Jaishankar said Indian and Chinese troops had held coordinated patrols at Demchok.",
     []),
    ("Jaishankar said he had met Wang Yi in Rio de Janeiro.", ["Jaishankar", "Wang Yi"]),
    ("Foreign Secretary Vikram Misri announces that India and China have reached an agreement.", ["Vikram Misri"]),
    ("Prime Minister Judith Suminwa told the Council that some 7,000 people had been killed.", ["Judith Suminwa"]),
    ("Blinken tells Wang Yi that the US will not change course.", ["Blinken", "Wang Yi"]),
])
def test_who_takes_part_in_what_is_said(ref, sentence, expected):
    assert people_and_states(sentence, ref)[0] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("President Lai met the Guam Governor in Hagatna during the last stopover of a seven-day tour.", "meeting"),
    ("Jaishankar told the Lok Sabha that disengagement was complete and that talks would now turn to de-escalation.",
     "statement"),
])
def test_a_verb_form_used_as_a_noun_is_not_the_verb(ref, sentence, expected):
    assert one_event(sentence, ref)["event_type"] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("A Venezuelan coast guard vessel enters Guyana's exclusive economic zone.", ("military_action", ["VEN"])),
    ("Chinese ships entered Japan's territorial waters near the islands.", ("military_action", ["CHN"])),
    ("The M23 entered Bukavu on the 16th.", ("military_action", [])),  # "M23" is a name, not a count
    ("The agreement entered into force on 1 May.", ("other", [])),
    ("Chinese military aircraft incursion into Japan's airspace near Nagasaki.", ("other", ["CHN"])),  # no verb
])
def test_an_incursion_and_the_state_whose_ground_it_is(ref, sentence, expected):
    event = one_event(sentence, ref)
    assert (event["event_type"], event["countries"]) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Al-Shabaab claimed responsibility the next day.", "statement"),
    ("US Africa Command carried out an airstrike against militants in the mountains.", "military_action"),
    ("Fighting broke out in the town between regional forces and federal troops.", "incident"),
    ("A 40-truck convoy of food and nutrition supplies reached Baidoa by road.", "aid"),
    ("The two sides reached an agreement on the border.", "agreement"),
    ("The statistics bureau said inflation reached 10.5% in March.", "statement"),  # a figure, not a deal
])
def test_more_verbs_and_what_they_take(ref, sentence, expected):
    assert one_event(sentence, ref)["event_type"] == expected


def test_no_one_doing_it_is_no_act(ref):
    events = events_of("Feb. 7, 2025: Gunmen opened fire on the weekly market, killing 18 civilians."
                       " No group has claimed the attack.", ref)
    assert [e["event_type"] for e in events] == ["incident"]
    assert one_event("Japan does not appeal the court's ruling.", ref)["event_type"] == "legal"


def test_a_bodys_words_after_a_semicolon_are_part_of_the_act(ref):
    events = events_of("Feb. 3, 2025: Fighters ambushed an army convoy south of the town; a JNIM statement"
                       " claimed 30 dead.", ref)
    assert [e["event_type"] for e in events] == ["incident"]


# ----------------------------------------------------------------------------- the people of a scene, acting together

def prose_events(text: str, ref) -> list[dict]:
    doc = Document(text=text, format="txt", source_text=text)
    return extract_document(doc, ref, file_id="f1", report_id="r1")["events"].to_pylist()


def test_a_named_person_and_he_signing_is_its_own_accord(ref):
    events = events_of("March 5, 2025: Prime Minister Keir Starmer visits Kyiv. He and President Volodymyr Zelensky"
                       " sign a 100-year partnership.", ref)
    assert [(e["event_type"], e["countries"]) for e in events] == [("visit", ["GBR"]), ("agreement", ["GBR", "UKR"])]


def test_in_prose_the_leaders_accord_is_its_own_event_where_they_met(ref):
    events = prose_events("East Africa, spring 2025\n\nOn 3 March 2025, Kenyan President William Ruto met Ugandan"
                          " President Yoweri Museveni in Kampala. The two leaders signed a pipeline agreement. They"
                          " also discussed trade.\n", ref)
    assert [(e["event_type"], e["countries"], e["location"], e["date_start"].isoformat()) for e in events] == [
        ("meeting", ["KEN", "UGA"], "Kampala", "2025-03-03"), ("agreement", ["KEN", "UGA"], "Kampala", "2025-03-03")]


def test_the_three_under_a_day_head_are_the_people_of_the_item_before(ref):
    text = ("# Northern weekly\n\n**Week of 31 March – 6 April 2025**\n\n**Monday** – Border file closed\n- In"
            " Khujand, President Emomali Rahmon of Tajikistan hosted Sadyr Japarov of Kyrgyzstan\n  and Shavkat"
            " Mirziyoyev of Uzbekistan. The three signed a treaty on their borders.\n")
    tables = extract_document(read_document("weekly.md", text.encode()), ref, file_id="f1", report_id="r1")
    events = tables["events"].to_pylist()
    assert [(e["event_type"], e["countries"]) for e in events] == [
        ("meeting", ["KGZ", "TJK", "UZB"]), ("agreement", ["KGZ", "TJK", "UZB"])]
    linked = [link["event_id"] for link in tables["event_participants"].to_pylist()]
    assert [linked.count(e["event_id"]) for e in events] == [3, 3]


# ----------------------------------------------------------------------------- kinds of act, and who did them

@pytest.mark.parametrize(("sentence", "expected"), [
    ("President Javier Milei swore in Diego Santilli as interior minister.", "appointment"),
    ("Thai and Cambodian border guards exchange fire for ten minutes.", "incident"),
    ("President Donald Trump signs an executive order raising the duty on imported steel.", "legal"),
    ("The Constitutional Court removes Prime Minister Srettha Thavisin from office.", "legal"),
    ("The State Department revokes the visa of the visiting mayor.", "legal"),
    ("President Yoon Suk Yeol removes the army chief from his post.", "appointment"),
    ("Deputy Prime Minister Phumtham Wechayachai becomes acting prime minister.", "appointment"),
    ("The ministry spokesman briefs reporters in Beijing.", "statement"),
    ("National Security Adviser Ajit Doval briefs Secretary of State Marco Rubio by telephone.", "phone_call"),
    ("Russia withdraws its troops from the border area.", "military_action"),
    ("India launches Operation Sindoor against camps across the border.", "military_action"),
    ("Ukraine launched a counteroffensive in the south.", "military_action"),
    ("Thailand sends F-16 jets to the border.", "military_action"),
    ("Russia sent 5,000 troops to Belarus.", "military_action"),
    ("The New Zealand government pauses NZ$18.2 million of development funding to the Cook Islands.",
     "announcement"),
    ("The ministers' talks in Tokyo cover trade and energy.", "meeting"),
    ("Foreign Minister Espen Barth Eide received his Icelandic counterpart in Tromsø for talks.", "meeting"),
    ("Wazalendo militias and M23 fighters clashed around Luvungi.", "incident"),
    ("A Thai soldier loses a foot to a landmine while on patrol.", "incident"),
    ("Luisa González lost the runoff to Daniel Noboa.", "election"),
    ("Zelenskyy, President Donald Trump and Vice President JD Vance clash in front of reporters.", "meeting"),
    ("Foreign Ministry spokeswoman Maria Zakharova blames the allied drills for the tension.", "statement"),
    ("Dmitry Medvedev leads a party delegation to Pyongyang for the anniversary.", "visit"),
])
def test_the_verb_and_its_object_give_the_kind(ref, sentence, expected):
    assert one_event(sentence, ref)["event_type"] == expected


def test_a_court_removing_someone_from_office_does_not_make_them_take_part(ref):
    from transforms.extract import extract_document as extract
    text = "Chronology\n\nJuly 9, 2024: The Constitutional Court removes Prime Minister Srettha Thavisin from office.\n"
    tables = extract(Document(text=text, format="txt", source_text=text), ref, file_id="f1", report_id="r1")
    assert tables["events"].to_pylist()[0]["countries"] == ["THA"]
    assert tables["event_participants"].num_rows == 0


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The UN Security Council adopts a resolution drafted by the United States and Panama.", ["PAN", "USA"]),
    ("The White House designates the cartel a terrorist organisation.", ["USA"]),
    ("The NASA-ISRO radar satellite is launched from the coast.", ["IND", "USA"]),
    ("The Congolese government and the rebels sign a framework in Doha.", ["COD"]),
])
def test_states_acting_through_their_bodies_and_drafts(ref, sentence, expected):
    assert one_event(sentence, ref)["countries"] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Over 100 villagers were killed in Yelwata on Friday night.", "Yelwata"),
    ("The army's patrol came under fire near Chong Bok.", "Chong Bok"),
    ("Gunmen killed 22 worshippers at a mosque in Banibangou department.", "Banibangou"),
    ("The navy holds an exercise on La Orchila island.", "La Orchila"),
    ("Fighting breaks out near the Ta Muen Thom temple.", "Ta Muen Thom temple"),  # (a facility keeps its kind)
    ("Modi meets President Xi Jinping on the sidelines of the Shanghai Cooperation Organisation summit in Tianjin.",
     "Tianjin"),
    ("The foreign ministers met around Christmas in Paris.", "Paris"),
])
def test_small_places_known_by_what_surrounds_them(ref, sentence, expected):
    assert one_event(sentence, ref)["location"] == expected


def test_the_office_and_name_of_a_parliamentary_speaker_make_i_and_the_government_theirs(ref):
    text = ("House of Commons\nTuesday 24 June 2025\n\nThe Secretary of State for Foreign, Commonwealth and Development"
            " Affairs (Mr David Lammy): Last Tuesday I met the Chairperson of the African Union Commission in London."
            " On 3 June the Prime Minister spoke to President Lula by telephone.\n")
    tables = extract_document(read_document("commons.txt", text.encode()), ref, file_id="f1", report_id="r1")
    events = tables["events"].to_pylist()
    assert [(e["event_type"], e["countries"]) for e in events] == [("meeting", ["GBR"]), ("phone_call", ["BRA", "GBR"])]
    names = {p["participant_id"]: p["canonical_name"] for p in tables["participants"].to_pylist()}
    first = [names[link["participant_id"]] for link in tables["event_participants"].to_pylist()
             if link["event_id"] == events[0]["event_id"]]
    assert first == ["David Lammy"]


def test_a_further_sentence_with_a_verb_of_its_own_is_its_own_act(ref):
    events = events_of("May 7, 2025: India launches Operation Sindoor against camps across the border. National"
                       " Security Adviser Ajit Doval briefs Secretary of State Marco Rubio by telephone.", ref)
    assert [(e["event_type"], e["countries"]) for e in events] == [
        ("military_action", ["IND"]), ("phone_call", ["IND", "USA"])]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("US forces strike a vessel in the Caribbean.", "military_action"),
    ("Israeli warplanes strike Hezbollah positions in southern Lebanon.", "military_action"),
    ("A Myanmar military jet bombed a village market in Kyauktaw, killing 28 civilians.", "incident"),
    ("RSF forces shelled Kadugli on Monday.", "incident"),  # no state's force
    ("Russian forces shelled a market in Kharkiv, killing 11 civilians.", "incident"),
])
def test_a_states_forces_striking_use_force_and_an_attack_on_people_is_an_incident(ref, sentence, expected):
    assert one_event(sentence, ref)["event_type"] == expected


def test_a_guesthouse_is_a_venue(ref):
    assert one_event("Wang Yi holds talks with Sergey Lavrov at the Diaoyutai State Guesthouse.", ref)[
        "location"] == "Diaoyutai State Guesthouse"


def test_a_visitor_of_unknown_state_to_one_side_of_a_titled_bilateral_report_comes_from_the_other(ref):
    text = ("Share  Print\n\nRUSSIA–NORTH KOREA RELATIONS\n\nChronology\n\nSept. 24, 2025: Culture Minister Olga"
            " Lyubimova visits Pyongyang with a touring ballet company.\n")
    events = extract_document(read_document("chapter.txt", text.encode()), ref, file_id="f1",
                              report_id="r1")["events"].to_pylist()
    assert [(e["event_type"], e["countries"]) for e in events] == [("visit", ["RUS"])]


def test_fighting_and_a_states_strike_joined_by_a_semicolon_are_one_happening(ref):
    events = events_of("July 24, 2025: Fighting breaks out near the border and spreads; Thailand sends F-16 jets to"
                       " strike military targets across it.", ref)
    assert len(events) == 1


def test_styles_of_address_and_places_that_are_not(ref):
    event = one_event("The Minister for Foreign Affairs, Hon. Samuel Okudzeto Ablakwa, received Namibia's Minister"
                      " Selma Ashipala-Musavyi at the Ministry in Accra.", ref)
    assert (event["countries"], event["location"]) == (["GHA", "NAM"], "Accra")
    assert one_event("The two ministers signed a memorandum; trade stood at US$38 million.", ref)["location"] == ""


def test_he_after_a_weekday_date_and_the_person_sworn_in_as_a_minister(ref):
    text = ("Subject: news\nDate: Mon, 10 Nov 2025 06:12:44 -0300\n\nPresident Javier Milei has moved fast since."
            " On Mon 3 Nov he swore in Diego Santilli as interior minister at the Casa Rosada.\n")
    tables = extract_document(read_document("mail.txt", text.encode()), ref, file_id="f1", report_id="r1")
    names = {p["participant_id"]: p["canonical_name"] for p in tables["participants"].to_pylist()}
    linked = sorted((names[link["participant_id"]], link["country"])
                    for link in tables["event_participants"].to_pylist())
    assert linked == [("Diego Santilli", "ARG"), ("Javier Milei", "ARG")]


def test_a_style_of_address_does_not_end_a_sentence(ref):
    text = ("Ghana, 2025\n\nOn 21 November 2025, in a telephone conversation, Hon. Ablakwa and Minister Vieira"
            " discussed the summit.\n")
    events = prose_events(text, ref)
    assert [e["text"][:20] for e in events] == ["On 21 November 2025,"]
    events = events_of("July 9, 2024: In a telephone conversation, Hon. Ablakwa and Minister Vieira met.", ref)
    assert [e["text"][:20] for e in events] == ["In a telephone conve"]


def test_a_clause_of_its_own_day_after_and_is_its_own_event(ref):
    text = ("House of Commons\nTuesday 24 June 2025\n\nOn 3 June the Prime Minister spoke to President Lula by"
            " telephone, and on 10 June the Minister for Latin America, Chris Elmore, travelled to Brasilia for"
            " talks.\n")
    events = prose_events(text, ref)
    assert [(e["date_start"].isoformat(), e["event_type"], e["location"], e["countries"]) for e in events] == [
        ("2025-06-03", "phone_call", "", ["BRA"]), ("2025-06-10", "visit", "Brasilia", [])]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Prime Minister Jonas Gahr Støre pledged US$3 billion over ten years to the forest facility.", "aid"),
    ("The Minister announced a contribution of US$2 million to the standby force.", "aid"),
    ("The United Kingdom announced on 26 February a contribution of £15 million for nutrition.", "aid"),
])
def test_money_given_under_another_name_is_aid(ref, sentence, expected):
    assert one_event(sentence, ref)["event_type"] == expected


def test_a_plain_text_section_head_is_not_part_of_the_paragraph_below_it(ref):
    text = ("CONFLICT WEEKLY, 13-19 October 2025\n\n====\nMALI - Koulikoro and Sikasso regions\nOn Sunday (12 October),"
            " JNIM fighters ambushed a convoy of fuel tankers near\nKolondieba, setting 25 trucks on fire.\n")
    events = extract_document(read_document("weekly.txt", text.encode()), ref, file_id="f1",
                              report_id="r1")["events"].to_pylist()
    assert [(e["text"][:9], e["countries"]) for e in events] == [("On Sunday", [])]


def test_who_is_told_takes_part_and_who_is_told_about_does_not(ref):
    def people(sentence: str) -> list[str]:
        text = f"Chronology\n\nJune 17, 2025: {sentence}\n"
        tables = extract_document(Document(text=text, format="txt", source_text=text), ref, file_id="f1",
                                  report_id="r1")
        names = {p["participant_id"]: p["canonical_name"] for p in tables["participants"].to_pylist()}
        return sorted(names[link["participant_id"]] for link in tables["event_participants"].to_pylist())

    assert people("Foreign Secretary Vikram Misri tells reporters that Modi made clear India rejects mediation.") == [
        "Vikram Misri"]
    assert people("Kim Jong Un tells Vladimir Putin that the alliance will last.") == ["Kim Jong Un", "Vladimir Putin"]
    assert one_event("Foreign Secretary Vikram Misri tells reporters that Modi made clear India rejects mediation.",
                     ref)["event_type"] == "statement"


def test_the_four_launching_an_initiative_is_their_accord(ref):
    events = events_of("July 1, 2025: Rubio hosts the meeting in Washington with Jaishankar, Australian Foreign"
                       " Minister Penny Wong and Japanese Foreign Minister Takeshi Iwaya. The four launch a critical"
                       " minerals initiative.", ref)
    assert [(e["event_type"], e["countries"]) for e in events] == [
        ("meeting", ["AUS", "IND", "JPN", "USA"]), ("agreement", ["AUS", "IND", "JPN", "USA"])]


# ----------------------------------------------------------------------------- eleventh round: kinds

@pytest.mark.parametrize(("sentence", "expected"), [
    # a phrasal verb in the present is the main verb, and "take-off" is a noun
    ("A fire breaks out at the embassy in Lima and guards call the fire brigade.", "incident"),
    ("An engine exploded on the runway of Lima airport before take-off.", "incident"),
    # money handed over in a tranche is aid, also inside what a fund says
    ("The Kuwait Fund says it has transferred a second tranche of $12m to Yemen's central bank.", "aid"),
    # a coalition joined is membership taken up
    ("Peru formally joined the Global Alliance against Hunger in Brasilia.", "agreement"),
    # the office sworn into
    ("Ms Tavares takes the oath of office in Praia as the new president.", "appointment"),
    # what is signed decides, not the meeting it belongs to
    ("Minister Dlamini and Minister Osei sign the joint declaration of the Fourth Ministerial Meeting.",
     "agreement"),
    ("President Ruto inaugurates the new terminal at a ceremony attended by regional leaders.", "other"),
    ("Rebels overran an army post near Bunia.", "incident"),
    ("Government troops retook the town of Goma.", "military_action"),
    ("The militia took control of the airport after two days of fighting.", "military_action"),
    ("The cabinet adopted a decree on fuel subsidies.", "legal"),
    ("The junta extended the state of emergency by three months.", "legal"),
    ("Finance Minister Aidara presented the draft budget to parliament.", "announcement"),
    # a plan announced: "would be held" is still to come
    ("General Ouedraogo announced in Ouagadougou that elections would be held before the rains.", "announcement"),
    # a visitor named by state and office is received: a meeting
    ("Prime Minister Al-Sudani received Jordan's deputy foreign minister, Omar Nadi, in Baghdad.", "meeting"),
])
def test_kinds_of_the_eleventh_rounds_phrasings(ref, sentence, expected):
    assert one_event(sentence, ref)["event_type"] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("A military air strike hit the village of Tamu, killing nine people.", "military_action"),
    ("Army shelling hit the market in Kadugli.", "military_action"),
    ("Rebel shelling hit the market in Kadugli.", "incident"),
    ("Fighting went on in Kachin, and military air strikes were reported in Bhamo.", "military_action"),
])
def test_a_strike_by_a_states_forces_is_military_action_and_an_unowned_one_an_incident(ref, sentence, expected):
    assert one_event(sentence, ref)["event_type"] == expected


@pytest.mark.parametrize(("sentence", "place"), [
    # an unknown place inside a known one is the finer: after "in", or as its district
    ("Gunmen attacked a police post at Bulo Marer, in Lower Shabelle.", "Bulo Marer"),
    ("The army fired two rockets from the Sadong district of Pyongyang.", "Sadong"),
    ("The two presidents met at the Sao Jose palace in Maputo.", "Sao Jose"),
    ("The two presidents met at the Sao Jose palace after the parade.", "Sao Jose"),
    ("Police arrested the mayor at his official residence in Itaewon-dong.", "Itaewon-dong"),
    # a venue named after its city is finer than the city
    ("The leaders held a summit at the Busan National Museum.", "Busan National Museum"),
    # the place a strike hit, with its kind after the name
    ("A drone hit Pyin Oo village, killing four people.", "Pyin Oo"),
])
def test_the_finest_named_place_of_unseen_phrasings(ref, sentence, place):
    assert one_event(sentence, ref)["location"] == place


def _events_under_title(title: str, body: str, ref) -> list[dict]:
    return extract_text(f"{title}\n\nChronology\n\n{body}\n", ref)["events"].to_pylist()


def test_an_unnamed_organ_acts_for_the_one_state_the_report_is_about(ref):
    body = ("April 4, 2024: The Supreme Court unanimously upholds the ruling on the ban.\n\n"
            "May 9, 2024: On Thursday, the National Security Council extended the state of emergency.")
    ghana = _events_under_title("2024 in Ghana", body, ref)
    assert [e["countries"] for e in ghana] == [["GHA"], ["GHA"]]
    # a report about a region or two states names no one state: the organ's state stays unknown
    for title in ("2024 in West Africa", "2024 in Ghana and Togo"):
        assert [e["countries"] for e in _events_under_title(title, body, ref)] == [[], []]


def test_an_unnamed_organ_after_a_year_pages_day_and_dash(ref):
    page = ("# 2024 in Ghana\n\n## Events\n\n### April\n\n"
            "- 4 April – The Supreme Court unanimously upholds the ruling on the ban.\n"
            "- 9 April – The Parliament passes the new budget.\n"
            "- 19 April – The Electoral Commission publishes the voter register.\n")
    events = extract_document(read_document("ghana.md", page.encode()), ref, file_id="f1",
                              report_id="r1")["events"].to_pylist()
    assert [e["countries"] for e in events] == [["GHA"], ["GHA"], ["GHA"]]


def test_a_peoples_vote_is_their_states_election(ref):
    event = one_event("Malawians voted in general elections to choose a president.", ref)
    assert (event["event_type"], event["countries"], event["location"]) == ("election", ["MWI"], "Malawi")


def test_a_rescue_team_arriving_is_aid(ref):
    assert one_event("A Turkish rescue team of 40 personnel arrived in Antakya.", ref)["event_type"] == "aid"


def test_a_documents_head_lines_name_its_state_when_its_title_is_a_symbol(ref):
    head = "S/2025/999 Security Council Distr.: General\n\n2 May 2025\n\nOriginal: English\n\nSituation in Ghana"
    body = ("April 4, 2025: A military air strike hit a market near Tamale, killing six people.\n\n"
            "April 9, 2025: The military announced a ceasefire in the north.")
    events = _events_under_title(head, body, ref)
    assert [e["countries"] for e in events] == [["GHA"], ["GHA"]]


@pytest.mark.parametrize(("sentence", "expected"), [
    # the source named after the act is not its verb, nor the appositive after it
    ("President Ruto received Uganda's defence minister, Jacob Oboth, in Nairobi, his office said, "
     "the first security visit in a decade.", "meeting"),
    ("Foreign Minister Albusaidi received Yemen's envoy in Muscat on Monday, the state news agency reports.",
     "meeting"),
    # an accident with no verb we know is an incident, whatever drill it happened in
    ("Two fighter jets accidentally drop four bombs on a farm during a live-fire drill.", "incident"),
])
def test_kinds_behind_a_source_or_an_accident(ref, sentence, expected):
    assert one_event(sentence, ref)["event_type"] == expected


def test_a_plural_noun_after_a_number_word_is_no_verb():
    assert main_verb("Rebels fired four rockets and six bombs at the base.").lemma == "fire"
    assert main_verb("The two sign a memorandum on fisheries.").lemma == "sign"  # "the two" is the subject
    assert main_verb("A 7 a.m. train to Lviv, three hours of fields.") is None  # a train at a time of day is a noun
    # a possessive owns a noun: "the Government's legislative plans" is no verb
    assert main_verb("Vucic and Macut met to discuss the Government's legislative plans.").lemma == "meet"


def test_the_runner_up_named_with_their_share_stands_in_the_vote(ref):
    people = events_people("July 9, 2024: US presidential election: Donald Trump wins with 49.8% of the popular "
                           "vote against 48.3% for Kamala Harris of the Democratic Party.", ref)
    assert people == [["Donald Trump", "Kamala Harris"]]


def test_the_subject_of_a_passive_arrest_is_its_target_not_a_participant(ref):
    assert events_people("July 9, 2024: Former president Pedro Castillo is arrested in Lima by police.", ref) == [[]]
    assert events_people("July 9, 2024: Police arrest former president Pedro Castillo in Lima.", ref) == [[]]


def events_people(body: str, ref) -> list[list[str]]:
    return [[name for name, in people]
            for people in participants_per_event(extract_text(f"Chronology\n\n{body}\n", ref))]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Deputy Minister Ilves announced in Tallinn a EUR 5 million grant to help Moldova's grid.", "aid"),
    ("Candidate Petra Novak conceded defeat in a video posted on Facebook.", "statement"),
    ("The Constitutional Council confirmed the result but cut the winner's share to 61%.", "legal"),
    ("The Senate confirmed Anna Berg as ambassador to Chile.", "appointment"),
    ("Foreign Secretary Rao confirms the understanding with the army.", "statement"),
    ("Gunmen shot dead a lawyer and his driver in Beira.", "incident"),
    ("Some 300 prisoners escaped from the central prison in Goma.", "incident"),
    ("Ms Vos was received by Prime Minister Frederiksen at Marienborg.", "meeting"),
    # what was signed is the kind, not the working group it sets up
    ("Mr Tavares and Mr Silva signed a commitment to set up a working group on the constitution.", "agreement"),
])
def test_kinds_from_the_last_blind_sets_phrasings(ref, sentence, expected):
    assert one_event(sentence, ref)["event_type"] == expected


@pytest.mark.parametrize("sentence", [
    "The zloty traded at 4.27 to the euro before the vote.",
    "A columnist argues that the accession talks will stall.",
    "14:00 Meeting with the President of the Senate - CANCELLED",
])
def test_a_market_a_poll_an_opinion_or_a_called_off_item_is_no_act(ref, sentence):
    events = events_of(f"July 9, 2024: {sentence}\n\nJuly 10, 2024: President Lula meets Macron in Paris.", ref)
    assert [e["text"] for e in events] == ["President Lula meets Macron in Paris."]


def test_a_transcript_label_is_not_the_act_nor_its_speaker_a_participant(ref):
    body = "July 9, 2024: [00:14:33] GUEST (Dr Ana Marin): President Japarov travelled to Osh last Thursday."
    (event,) = events_of(body, ref)
    assert event["text"].startswith("President Japarov travelled")
    assert events_people(body, ref) == [["Sadyr Japarov"]]


def test_whom_a_parliament_confirmed_is_appointed(ref):
    event = one_event("Mr Koval, whom the Rada confirmed on Tuesday, is meeting his Western counterparts.", ref)
    assert event["event_type"] == "appointment"


def test_the_two_men_signing_in_prose_is_their_own_accord(ref):
    text = ("Notes from Maputo\n\nOn 23 March 2025, President Chapo and Mr Tembe met for the first time at the "
            "Ponta Vermelha palace in Maputo. The two men signed a commitment to end the violence.\n")
    events = extract_text(text, ref)["events"].to_pylist()
    assert [e["event_type"] for e in events] == ["meeting", "agreement"]


def test_a_relative_clause_holds_no_main_verb_and_a_port_is_a_place(ref):
    event = one_event("Minister Vassilenko toured the port of Aktau with its managers, which tells you where "
                      "the money goes.", ref)
    assert (event["event_type"], event["location"]) == ("visit", "Aktau")


@pytest.mark.parametrize(("field", "place"), [
    ("Palais du Peuple, Djibouti", "Palais du Peuple"),  # a venue in its city
    ("Presidential Palace, Bamako", "Presidential Palace"),
    ("Bure, near Assab", "Bure"),  # near a town is where it is
    ("Burkina Faso, Soum province, near Djibo", "Djibo"),  # the rest is coarser
    ("North Darfur, El Fasher", "El Fasher"),  # the last named part is the finest
    ("Rakhine state, Kyauktaw township", "Kyauktaw"),
])
def test_the_finest_part_of_a_monitors_place_field(ref, field, place):
    body = "\n\n".join(f"{d} March 2025 · {field} · Fighting. Clashes were reported." for d in (3, 4, 5))
    assert {e["location"] for e in events_of(body, ref)} == {place}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Cabinet chairman Japarov travelled to Ak-Tal, a village in Naryn region, to open a school.", "Ak-Tal"),
    ("Border troops held a joint exercise near Karakul, up in Gorno-Badakhshan.", "Karakul"),
    ("In the evening the prime minister gave a short statement at Government House.", "Government House"),
])
def test_places_set_apart_or_up_in_a_region(ref, sentence, expected):
    assert one_event(sentence, ref)["location"] == expected


@pytest.mark.parametrize(("sentence", "kind", "countries"), [
    ("Police in Batumi detained an opposition councillor after a protest.", "legal", ["GEO"]),
    ("The envoy visited Sagaing to assess the damage and met displaced families at a monastery.", "visit", []),
    ("Presidents Tokayev and Mirziyoyev both spoke at the opening session of the forum.", "statement",
     ["KAZ", "UZB"]),
])
def test_kinds_and_states_of_local_forces_visits_and_speeches(ref, sentence, kind, countries):
    event = one_event(sentence, ref)
    assert (event["event_type"], event["countries"]) == (kind, countries)


def test_a_state_adjective_before_a_lower_case_role_is_the_persons_state(ref):
    people = participants_per_event(extract_text(
        "Chronology\n\nJuly 9, 2024: Minister Nurtleu held talks in Tbilisi with the Georgian foreign minister, "
        "Nino Abashidze, on transit.\n", ref), "country")
    assert ("Nino Abashidze", "GEO") in people[0]


def test_a_participants_words_after_a_semicolon_are_part_of_the_meeting(ref):
    events = events_of("July 9, 2024: President Sandu and Prime Minister Ciolacu met in Bucharest to discuss energy; "
                       "Ciolacu called Moldova a strategic partner.", ref)
    assert [e["event_type"] for e in events] == ["meeting"]


def test_a_source_after_the_act_is_no_participant_and_a_compound_owns_its_noun(ref):
    body = ("July 9, 2024: Belarusian troops began a snap drill near Brest on Saturday, Defence Minister "
            "Viktor Khrenin said, with about 1,800 personnel taking part.")
    assert events_people(body, ref) == [[]]
    sikorski = one_event("Foreign Minister Sikorski announced that he was closing the consulate in Krakow, citing "
                         "the shopping-centre fire of May 2024.", ref)
    assert sikorski["event_type"] == "announcement"


def test_a_poll_is_no_act_in_prose_but_a_chronologys_entry_stays_one(ref):
    prose = ("Election notes\n\nOn 18 May 2025, an Ipsos exit poll put the challenger narrowly ahead in the first "
             "round.\n\nOn 19 May 2025, President Lula met Macron in Paris.\n")
    assert [e["event_type"] for e in extract_text(prose, ref)["events"].to_pylist()] == ["meeting"]
    entries = events_of("July 9, 2024: A Jiji Press poll finds approval of the cabinet at 31%.\n\n"
                        "July 10, 2024: President Lula meets Macron in Paris.", ref)
    assert len(entries) == 2


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Troops began a snap drill at the Borki-Zalesie training ground on Saturday.", "Borki-Zalesie training ground"),
    ("The delegation landed at Wolka-Jasionka airport.", "Wolka-Jasionka airport"),
    ("Fighting broke out near the Prasat Khnar temple.", "Prasat Khnar temple"),
    ("Shells fell on Tamsik village.", "Tamsik"),  # a settlement's kind is not its name
])
def test_a_facility_named_after_a_place_keeps_its_kind(ref, sentence, expected):
    assert find_location(sentence, ref).name == expected
