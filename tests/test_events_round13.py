"""Round 13 events: kinds of acts (a state's own weapons striking, shots into a crowd, clashes, hearings,
co-chaired commissions, relief delivered, a verbless trip), the states acting and where. Sentences invented for
these tests; read with the project's own reference (seeds/)."""

import pytest

from tests.extraction_helpers import chronology_events, extract_text, one_chronology_event


def one_event(sentence: str, ref) -> dict:
    return one_chronology_event(sentence, ref, day="April 2, 2025")


@pytest.mark.parametrize(("sentence", "kind"), [
    # a state's own weapons striking are its use of force, not an unplanned attack
    ("Russian missiles struck four depots near Kharkiv overnight.", "military_action"),
    ("Israeli artillery shelled two hamlets south of the river.", "military_action"),
    # one armed man shooting into people is an attack; who sent him there does not make it a deployment
    ("A policeman deployed at a market in Kumasi fired into the crowd, wounding five traders.", "incident"),
    ("Clashes between rival herders near the well left three dead.", "incident"),
    ("Loud blasts shook the harbour district after midnight.", "incident"),
    # "on land": a preposition's noun, not the verb "land"
    ("Armenia and Azerbaijan agreed to halt all shooting on land and on the lake.", "agreement"),
    ("The senators were received at the Foreign Office by Minister of State Jane Tullow.", "meeting"),
    ("The Select Committee took evidence from the ambassador of Peru.", "meeting"),
    ("Minister Ana Ruiz and Minister Pedro Alba co-chaired the third Mixed Commission in Quito.", "meeting"),
    ("Norway delivered 80 tonnes of relief supplies to Port-au-Prince.", "aid"),
    ("Minister Ana Ruiz delivered a speech on humanitarian relief in Quito.", "statement"),
    ("Joint visit to the twin cities of the northern border.", "visit"),
    ("A gunman posted at an election rally in Tamale fired into a crowd, killing one.", "incident"),
])
def test_kind_of_the_act(ref, sentence, kind):
    assert one_event(sentence, ref)["event_type"] == kind


def test_a_where_clause_with_a_large_number_is_not_the_act(ref):
    # the relative clause's "attacks" (its comma inside "120,000") neither types nor places the visit
    event = one_event("The envoy visited Tawila, where some 120,000 people have arrived after fleeing attacks on "
                      "Zamzam camp.", ref)
    assert (event["event_type"], event["location"]) == ("visit", "Tawila")


def test_a_named_forum_of_two_states_makes_its_co_chairs_sides(ref):
    event = one_event("Trade Secretary Jun Reyes and Minister Siti Rahman co-chaired the Philippines-Malaysia "
                      "Business Council in Makati.", ref)
    assert event["countries"] == ["MYS", "PHL"]


# ----------------------------------------------------------------------------- a dated act inside words about it

def prose_events(text: str, ref) -> list[dict]:
    return extract_text(f"Press release\n\nIssued in Lima on 20 May 2025.\n\n{text}\n", ref)["events"].to_pylist()


def _dated(events: list[dict], day: str) -> list[dict]:
    return [e for e in events if str(e["date_start"]) == day]


def test_the_act_thanked_for_is_the_event_of_the_side_thanked(ref):
    events = prose_events("Minister Rosa Quispe thanked the Chilean side for releasing 12 Peruvian sailors "
                          "at the port of Arica on 9 May 2025.", ref)
    (freed,) = _dated(events, "2025-05-09")
    assert (freed["event_type"], freed["countries"]) == ("other", ["CHL", "PER"])
    assert freed["text"].startswith("releasing 12 Peruvian sailors")


def test_thanks_for_an_act_of_no_known_kind_stay_the_statement(ref):
    events = prose_events("Minister Rosa Quispe thanked the Chilean side for standing by Peru on 9 May 2025.", ref)
    assert [e["event_type"] for e in _dated(events, "2025-05-09")] == ["statement"]


def test_a_patrol_welcomed_with_its_own_days_is_the_exercise(ref):
    events = prose_events("He also welcomed the second joint patrol between the Peruvian Navy and the Ecuadorian "
                          "Navy off Tumbes on 3-4 May 2025, which he called a model.", ref)
    (patrol,) = _dated(events, "2025-05-03")
    assert (patrol["event_type"], patrol["countries"]) == ("military_exercise", ["ECU", "PER"])


def test_a_visit_named_after_following_is_that_visit(ref):
    events = prose_events("The minister said ties had deepened following the state visit to Ecuador by President "
                          "Dina Boluarte on 2-3 April 2025.", ref)
    (visit,) = _dated(events, "2025-04-02")
    assert (visit["event_type"], visit["location"]) == ("visit", "Ecuador")


def test_a_named_act_with_a_verb_of_its_own_is_not_cut_out(ref):
    # "the patrol the navies conducted on …": a clause with its own verb, the sentence stays one act
    events = prose_events("He welcomed the patrol that the two navies conducted on 3 May 2025 off Tumbes.", ref)
    assert [e["text"][:10] for e in _dated(events, "2025-05-03")] == ["He welcome"]


# ----------------------------------------------------------------------------- the finest named venue

@pytest.mark.parametrize(("sentence", "place"), [
    ("Minister Ana Ruiz held talks with her Lao counterpart at the Government Guesthouse in Vientiane.",
     "Government Guesthouse"),
    ("Minister Ana Ruiz laid a wreath at the Independence Mausoleum in Dhaka.", "Independence Mausoleum"),
    ("President Daniel Noboa swore in a new defence minister at Government Palace.", "Government Palace"),
    ("The Select Committee took evidence at Parliament Buildings from two ambassadors.", "Parliament Buildings"),
    ("The trade delegation toured Jurong Port.", "Jurong Port"),
    # a lower-case building or port after an unknown name: the name is the venue, finer than the city
    ("Minister Ana Ruiz hosted the two envoys in Quito at the Bellavista residence.", "Bellavista"),
    ("Peru handed over 14 sailors to the Ecuadorian consul at Paita port in Piura region.", "Paita"),
    ("China handed over 9 fishermen to the Vietnamese consul at Shantou port in Guangdong province.", "Shantou"),
    ("Georgian and Armenian troops ended a drill at the Kazbek training range (Kakheti region).",
     "Kazbek training range"),
    # goods delivered "to" a town, a convoy that "reached" it, a town shelled by artillery: there it happened
    ("Chile delivered 30 tonnes of relief supplies to Arequipa for flood victims.", "Arequipa"),
    ("A convoy of 12 trucks carrying medicines reached Goma in North Kivu.", "Goma"),
    ("Russian artillery shelled Kherson city and two nearby villages.", "Kherson"),
])
def test_place_of_the_act(ref, sentence, place):
    assert one_event(sentence, ref)["location"] == place


# ----------------------------------------------------------------------------- places a layout states

_ROWS_PAGE = """# Ministry calendar

- **3 May 2025** · Quito and Guayaquil · Visit. Minister Ana Ruiz toured the two ports.
- **4 May 2025** · Geneva (HRC 58) · Meeting. Minister Ana Ruiz met the High Commissioner.

## Tracker

- **2025-05-10 — Truce.** Ecuador and Peru agreed to stop all firing along the border.
- **2025-05-11 — Lima.** Ecuador and Peru signed a border protocol.
"""


def _rows(ref) -> dict[str, str]:
    events = extract_text(_ROWS_PAGE, ref, name="calendar.md")["events"].to_pylist()
    return {str(e["date_start"]): e["location"] for e in events}


def test_a_place_cell_of_two_towns_gives_the_first(ref):
    assert _rows(ref)["2025-05-03"] == "Quito"


def test_an_occasion_in_brackets_is_not_part_of_the_place(ref):
    assert _rows(ref)["2025-05-04"] == "Geneva"


def test_an_entry_title_is_a_place_only_when_it_is_one(ref):
    rows = _rows(ref)
    assert (rows["2025-05-10"], rows["2025-05-11"]) == ("", "Lima")


def test_spoke_to_reporters_is_a_statement(ref):
    assert one_event("Minister Ana Ruiz spoke to reporters after the vote in Lima.", ref)["event_type"] == "statement"


def test_an_act_the_same_day_stays_at_the_scene_but_words_do_not(ref):
    events = prose_events("On 4 May 2025, protesters attacked the town hall in Arequipa. Police detained 20 people "
                          "the same day. The ministry said the same day that order had been restored.", ref)
    assert [(e["event_type"], e["location"]) for e in _dated(events, "2025-05-04")] == [
        ("incident", "Arequipa"), ("legal", "Arequipa"), ("statement", "")]


# ----------------------------------------------------------------------------- acting states; no act

def test_the_delegation_of_a_states_own_report_acts_for_it(ref):
    page = ("REPUBLIC OF ECUADOR\n\nNATIONAL ASSEMBLY\n\nReport of the Committee on Labour on its visit to Spain\n\n"
            "On 4 March 2025 the delegation visited a training centre in Madrid.\n\n"
            "On 5 March 2025 the Committee toured the port of Valencia.\n")
    events = extract_text(page, ref)["events"].to_pylist()
    assert [e["countries"] for e in events] == [["ECU"], ["ECU"]]


def test_a_condition_after_the_act_does_not_give_its_verb(ref):
    event = one_event("Spokesperson Ana Ruiz told reporters in Lima that Peru will host the next round for "
                      "the two neighbours if both sides ask.", ref)
    assert (event["event_type"], event["countries"]) == ("announcement", ["PER"])


def test_a_posts_hashtags_name_no_actor(ref):
    event = one_event("Ecuador and Colombia: a first border commission in Quito. #Peru #Brazil", ref)
    assert event["countries"] == ["COL", "ECU"]


def test_drones_launched_and_shot_down_are_one_use_of_force_by_both(ref):
    event = one_event("Russia's army launched drones at 40 sites from Sumy to Odesa overnight; Ukrainian air "
                      "defence shot most of them down.", ref)
    assert (event["event_type"], event["countries"]) == ("military_action", ["RUS", "UKR"])


def test_what_did_not_happen_is_no_act(ref):
    events = chronology_events("April 2, 2025: A calm night along the border; no clashes were reported.", ref)
    assert events == []


def test_a_plural_after_a_quantifier_is_no_verb(ref):
    # "all pending issues": the noun, not the verb "issue" (a meeting's "dialogue" later does not type the words)
    event = one_event("President Daniel Noboa welcomed it in a statement and urged both sides to settle all "
                      "pending issues through dialogue.", ref)
    assert event["event_type"] == "statement"


def test_a_toll_told_to_reporters_is_a_statement(ref):
    event = one_event("Army spokesman Carlos Vega told reporters in Tumbes that nine soldiers had been killed.", ref)
    assert event["event_type"] == "statement"


def test_the_two_navies_are_the_states_of_the_act_just_told(ref):
    events = chronology_events(
        "April 1, 2025: The Peruvian Navy and the Chilean Navy began a joint patrol off Arica.\n"
        "April 3, 2025: The two navies concluded the patrol with a rescue drill.", ref)
    assert [e["countries"] for e in events] == [["CHL", "PER"], ["CHL", "PER"]]


def test_after_the_act_a_plural_governed_by_a_preposition_is_no_verb(ref):
    event = one_event("After lunch, the two ministers signed a memorandum covering coast guard exchanges.", ref)
    assert event["event_type"] == "agreement"


@pytest.mark.parametrize("sentence", [
    "The electoral board declared Ana Ruiz President-elect at the counting centre in Tegucigalpa.",
    "The commission declared the final results of the runoff on Sunday evening.",
])
def test_declaring_the_winner_is_the_votes_result(ref, sentence):
    assert one_event(sentence, ref)["event_type"] == "election"


def test_declaring_an_emergency_stays_an_announcement(ref):
    assert one_event("The cabinet declared a state of emergency in the northern provinces.", ref)["event_type"] == \
        "announcement"


@pytest.mark.parametrize("sentence", [
    "Belize filed its Counter-Memorial on the boundary dispute, within the time-limit.",
    "The Republic of Suriname filed in the Registry of the Court an Application instituting proceedings.",
    "By an Order of that day, the Court unanimously rejected the request of Guyana.",
    "Oral hearings on preliminary objections were held in the Great Hall of Justice.",
    "Costa Rica asked the Court to modify the Order on provisional measures.",
])
def test_a_step_of_court_proceedings_is_legal(ref, sentence):
    assert one_event(sentence, ref)["event_type"] == "legal"


def test_a_hearing_of_no_court_stays_what_it_was(ref):
    assert one_event("The minister held talks with the envoy in Quito.", ref)["event_type"] == "meeting"
