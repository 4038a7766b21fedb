"""Round 12 events: kinds the verb alone gets wrong (subjectless list items, talks held in formats, letters
of credence, relief sent by armed forces, rockets no state is named for), dated acts inside another verb's
object, and places. Sentences invented for these tests; read with the project's own reference (seeds/)."""

import pytest

from tests.extraction_helpers import chronology_events, extract_text, one_chronology_event

events_of = chronology_events


def one_event(sentence: str, ref) -> dict:
    return one_chronology_event(sentence, ref, day="May 14, 2025")


# ----------------------------------------------------------------------------- kinds

@pytest.mark.parametrize(("sentence", "kind"), [
    # "talks" after "held" + adjectives is the object, not the verb "talk" (a phone call)
    ("President Ruto received President Samia at State House, where the two leaders held official talks in"
     " restricted and expanded formats.", "meeting"),
    ("The two presidents held official talks in a restricted format in Nairobi.", "meeting"),
    # a list of someone's acts leaves the subject out: the opening past verb is the act
    ("Held talks with Prime Minister Modi at Hyderabad House.", "meeting"),
    ("Met General Secretary To Lam in Hanoi.", "meeting"),
    ("Received with military honours by President Macron at the Elysee Palace.", "meeting"),
    ("Addressed the National Assembly in Paris.", "statement"),
    ("President Boric paid a State Visit to Argentina.", "visit"),
    ("Indian forces intercepted a group of militants near the Line of Control.", "military_action"),
    ("The ambassador presented her letters of credence to King Charles at Buckingham Palace.", "other"),
    ("A power cable between Tallinn and Helsinki was damaged on the seabed of the Gulf of Finland.", "incident"),
    ("The Egyptian Armed Forces dispatched a convoy of 40 trucks of food and medical supplies to Rafah.", "aid"),
    ("Japan flew disaster relief teams into Kathmandu.", "aid"),
    ("The International Court of Justice read out its advisory opinion on the obligations of states.", "legal"),
    ("Two rockets were fired from Gaza toward Sderot; air defences intercepted them.", "incident"),
    ("President Lula travelled to Manaus, where he was received by the Governor of Amazonas.", "visit"),
    ("At the summit in Apia, the leaders endorsed the Pacific Resilience declaration.", "agreement"),
])
def test_kind_of_the_act(ref, sentence, kind):
    assert one_event(sentence, ref)["event_type"] == kind


def test_the_bare_noun_damage_is_not_the_verb(ref):
    event = one_event("A cyclone struck Tonga, causing severe damage in Nuku'alofa.", ref)
    assert event["event_type"] == "incident" and event["countries"] == []


def test_a_where_clause_is_the_act_when_nothing_comes_before_it(ref):
    event = one_event("Next week he will be in Geneva, where he is due to meet the High Commissioner.", ref)
    assert event["event_type"] == "meeting"


def test_a_named_state_firing_is_still_military_action(ref):
    assert one_event("North Korean missiles were fired into the sea.", ref)["event_type"] == "military_action"


def test_a_plan_presented_at_a_meeting_stays_an_announcement(ref):
    event = one_event("The finance minister presented the new budget at the cabinet meeting.", ref)
    assert event["event_type"] == "announcement"


# ----------------------------------------------------------------------------- places

@pytest.mark.parametrize(("sentence", "place"), [
    # a place set before the actor wins over a state the predicate names
    ("On 14 May, in Mombasa, President Ruto delivered remarks on the economy of Uganda in Kenya.", "Mombasa"),
    # the states of a hyphenated "Kenya–Uganda Business Forum" name the forum, not where it was
    ("President Ruto delivered the closing address at the Kenya–Uganda Business Forum.", ""),
    ("President Lula met the judges at the Court in Brasília.", "Brasília"),
    ("A data cable was damaged on the seabed of the Baltic Sea.", "Baltic Sea"),
    ("Gunmen attacked a festival in southern Israel, killing 30 people.", "Israel"),
    ("Three rockets were fired from southern Lebanon toward Metula.", "Metula"),
    ("North Korea fired two missiles toward the East Sea from the Sunan area.", "Sunan"),  # the launch site first
    ("Chinese coast guard vessels patrolled the territorial waters of Diaoyu Dao.", "Diaoyu Dao"),
    ("Soldiers intercepted militants in the general area of Mir Ali.", "Mir Ali"),
    ("The Prime Minister opened a new wharf in Labasa.", "Labasa"),
])
def test_place_of_the_act(ref, sentence, place):
    assert one_event(sentence, ref)["location"] == place


def test_a_region_in_what_is_reported_is_not_the_venue(ref):
    event = one_event("The defence minister announced that troops would stay in southern Lebanon.", ref)
    assert event["location"] == ""


@pytest.mark.parametrize(("sentence", "countries"), [
    ("The cable between Riga and the Swedish island of Gotland was damaged.", []),
    ("Along the Pakistan-Afghanistan border, Pakistani troops intercepted militants.", ["PAK"]),
])
def test_a_state_naming_where_is_no_actor(ref, sentence, countries):
    assert one_event(sentence, ref)["countries"] == countries


# ----------------------------------------------------------------------------- a dated act inside a statement

def prose_events(text: str, ref) -> list[dict]:
    return extract_text(f"Joint communique\n\nIssued in Quito on 20 May 2025.\n\n{text}\n", ref)["events"].to_pylist()


def test_an_attack_dated_inside_a_condemnation_is_the_event(ref):
    events = prose_events("The two Foreign Ministers condemned in the strongest terms the bombing carried out on"
                          " 3 May 2025 against the police station of Pimampiro, and expressed their solidarity.", ref)
    dated = [e for e in events if str(e["date_start"]) == "2025-05-03"]
    assert [(e["event_type"], e["location"]) for e in dated] == [("incident", "Pimampiro")]
    assert dated[0]["text"].startswith("the bombing carried out on 3 May")


def test_aid_dated_inside_thanks_is_aid_by_the_state_that_sent_it(ref):
    events = prose_events("President Noboa thanked Peru for the relief supplies delivered on 9 May 2025 to the"
                          " flooded districts of Esmeraldas, flown by the Peruvian Air Force.", ref)
    dated = [e for e in events if str(e["date_start"]) == "2025-05-09"]
    assert [(e["event_type"], e["countries"]) for e in dated] == [("aid", ["PER"])]


def test_a_statement_dated_for_itself_stays_a_statement(ref):
    events = prose_events("On 12 May 2025 the ministers condemned the attack on the embassy in Lima.", ref)
    assert [e["event_type"] for e in events if str(e["date_start"]) == "2025-05-12"] == ["statement"]


def test_an_act_on_the_dated_act_that_is_not_words_stays_its_own(ref):
    events = prose_events("Prosecutors charged two men over the bombing carried out on 4 May 2025 against the"
                          " police station of Pimampiro.", ref)
    assert [e["event_type"] for e in events if str(e["date_start"]) == "2025-05-04"] == ["legal"]


# ----------------------------------------------------------------------------- one act told in two clauses

def note_events(body: str, ref) -> list[dict]:
    return extract_text(f"Briefing note\n\nPublished 10 May 2025.\n\n{body}\n", ref)["events"].to_pylist()


def test_a_hosts_words_afterwards_are_part_of_the_meeting(ref):
    events = note_events("On 3 May 2025, Foreign Minister Wang Yi hosted Foreign Minister Sergey Lavrov in Beijing."
                         " Wang told reporters afterwards that ties were strong.", ref)
    assert [e["event_type"] for e in events] == ["meeting"]


def test_words_elsewhere_the_same_day_are_their_own_statement(ref):
    events = note_events("On 3 May 2025, Foreign Minister Wang Yi hosted Foreign Minister Sergey Lavrov in Beijing."
                         " On the same day, Wang told reporters in Shanghai that ties were strong.", ref)
    assert [e["event_type"] for e in events] == ["meeting", "statement"]


def test_words_afterwards_by_someone_else_are_their_own_statement(ref):
    events = note_events("On 3 May 2025, Foreign Minister Wang Yi hosted Foreign Minister Sergey Lavrov in Beijing."
                         " Secretary of State Marco Rubio told reporters afterwards that he was concerned.", ref)
    assert [e["event_type"] for e in events] == ["meeting", "statement"]


def test_states_sending_help_in_one_sentence_are_one_aid_act(ref):
    event = one_event("Australia and New Zealand flew search and rescue teams into Apia, more than 80 rescuers in"
                      " all, and France sent a patrol vessel from Noumea.", ref)
    assert (event["event_type"], event["countries"]) == ("aid", ["AUS", "FRA", "NZL"])


# ----------------------------------------------------------------------------- a list cell of several sentences

def test_a_later_sentence_without_subject_gives_the_act(ref):
    event = one_event("Official visit at the invitation of President Ruto.[3] Held talks with Ruto at the"
                      " State House on 14 May.", ref)
    assert (event["event_type"], event["location"]) == ("meeting", "State House")


def test_a_venue_named_of_the_something(ref):
    event = one_event("Met Premier Li Qiang at the Great Hall of the People; a loan for a port in Gwadar was agreed.",
                      ref)
    assert event["location"] == "Great Hall of the People"


def test_a_secretariat_is_a_venue(ref):
    assert one_event("President Ruto received the envoy at the Presidential Secretariat.", ref)["location"] == (
        "Presidential Secretariat")


def test_memoranda_exchanged_are_an_agreement(ref):
    event = one_event("Four memoranda of understanding were exchanged at State House in the presence of both"
                      " presidents.", ref)
    assert event["event_type"] == "agreement"


def test_a_later_subjectless_act_beats_an_earlier_infinitive(ref):
    event = one_event("An invitation to visit Kenya.[2] Met President Ruto at State House on 14 May.", ref)
    assert event["event_type"] == "meeting"


def test_a_when_clause_after_a_date_tells_where_that_days_act_was(ref):
    event = one_event("We remember the terror attack of 9 May 2025, when militants killed 30 people in northern"
                      " Nigeria, and we condemn the shelling of Khartoum.", ref)
    assert event["location"] == "Nigeria"


def test_a_when_clause_about_another_time_is_still_cut(ref):
    event = one_event("President Ruto met President Samia in Tanzania, when the rains began in Dodoma.", ref)
    assert event["location"] == "Tanzania"
