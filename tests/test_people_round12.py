"""People and their states, round 12: names written in capitals (cable style), a page's own subject (a
biography's, a speech's speaker, the office holder of a list page) as the one acting, name forms (a second
surname, a given name that is also a word), places that look like names, and states read off a title.
Read with the project's own reference (seeds/); the people in these sentences are invented unless known."""

from tests.extraction_helpers import (
    chronology_people,
    extract_text,
    mention_names,
    participants_per_event,
)
from transforms.people import PeopleContext, find_mentions, scan
from warehouse.seeds import SEED_DIR, load_reference

people_of = chronology_people
names = mention_names


# ----------------------------------------------------------------------------- names in capitals

_CABLE = ("SUBJECT: TURKEY AND AUSTRALIA TALK TRADE\n\n"
          "Classified By: Charge d'Affaires Robert T. OKAFOR for reasons 1.4 (b)\n\n"
          "1. (C) On March 4, 2025, Foreign Minister Hakan FIDAN received Foreign Minister Penny WONG in Ankara.\n\n"
          "2. (C) On March 5, 2025, FIDAN described the talks as frank in a call with the Charge.\n")


def test_surnames_in_capitals_resolve_to_the_known_people(ref):
    events = participants_per_event(extract_text(_CABLE, ref), "country")
    assert [("Hakan Fidan", "TUR"), ("Penny Wong", "AUS")] in events


def test_a_lone_surname_in_capitals_is_the_person_the_cable_named(ref):
    events = participants_per_event(extract_text(_CABLE, ref), "country")
    assert any(("Hakan Fidan", "TUR") in e and any(name == "Robert Okafor" for name, _ in e) for e in events)


def test_an_unknown_surname_in_capitals_is_title_cased():
    assert "Robert T. Okafor" in names(_CABLE, load_reference(SEED_DIR))


def test_one_acronym_after_a_capitalised_word_is_no_surname(ref):
    assert names("Officials met donors at the Benjamin NGO office in Gulu.", ref) == []


def test_a_known_surname_in_capitals_after_a_place_word(ref):
    events = people_of("March 6, 2025: Defence Minister Israel KATZ toured the border.", ref)
    assert ("Israel Katz", "ISR") in events[0]


# ----------------------------------------------------------------------------- name forms

def test_a_second_surname_after_a_known_name_is_the_same_person(ref):
    events = people_of("March 7, 2025: President Gustavo Petro Urrego met President Emmanuel Macron in Paris.", ref)
    assert ("Gustavo Petro", "COL") in events[0]


def test_a_given_name_that_is_also_a_word_joins_a_known_name(ref):
    events = people_of("March 8, 2025: President Luiz Inácio Lula da Silva met General Secretary To Lam in Brasília.",
                       ref)
    assert ("Tô Lâm", "VNM") in events[0]
    assert "To Lam" in names("Prime Minister Pham Minh Chinh and General Secretary To Lam met.", ref)


def test_a_subjectless_verb_is_no_part_of_the_title(ref):
    mentions = find_mentions("Met President Emmanuel Macron at the Élysée.", ref, PeopleContext())
    assert [(m.name, m.title) for m in mentions] == [("Emmanuel Macron", "President")]


def test_the_king_of_jordan_has_his_encyclopaedia_name(ref):
    events = people_of("March 9, 2025: King Abdullah II received President Emmanuel Macron in Amman.", ref)
    assert ("Abdullah II of Jordan", "JOR") in events[0]


def test_a_name_after_the_area_of_is_a_place(ref):
    assert names("Shelling hit the district of Hassan Ghundi.", ref) == []
    assert names("Troops cleared the general area of Abdul Rahimzai on Sunday.", ref) == []
    assert names("Troops questioned the brother of Hassan Ghundi.", ref) == ["Hassan Ghundi"]


# ----------------------------------------------------------------------------- the page's subject

_BIOGRAPHY = ("# Maarten Kloosterboer\n\n"
              "**Maarten Kloosterboer** (born 2 May 1971) is a Dutch diplomat who has led the foreign ministry since"
              " 2024.\n\n"
              "## Career\n\n"
              "He joined the diplomatic service in 1996. On 3 March 2025 he met Foreign Minister Penny Wong in"
              " Canberra.\n\n"
              "On 9 April 2025 Kloosterboer received President Emmanuel Macron in The Hague.\n")


def test_a_biography_subject_is_he_and_has_the_state_of_the_lead(ref):
    events = participants_per_event(extract_text(_BIOGRAPHY, ref, "veldhoven.md"), "country")
    assert [("Maarten Kloosterboer", "NLD"), ("Penny Wong", "AUS")] in events
    assert [("Emmanuel Macron", "FRA"), ("Maarten Kloosterboer", "NLD")] in events


def test_without_a_lead_the_heading_is_no_subject(ref):
    text = _BIOGRAPHY.replace("**Maarten Kloosterboer** (born 2 May 1971) is a Dutch diplomat", "The ministry")
    events = participants_per_event(extract_text(text, ref, "veldhoven.md"), "country")
    assert [("Penny Wong", "AUS")] in events


_SPEECH = ("<html><head><title>Statement by H.E. Aino Rautavaara, Minister for Foreign Affairs of Finland</title>"
           "</head><body><h1>Statement by H.E. Aino Rautavaara, Minister for Foreign Affairs of Finland</h1>"
           "<p>Helsinki, 2 June 2025</p>"
           "<p>On 14 April 2025, I met Foreign Minister Penny Wong in Canberra.</p>"
           "<p>On 20 May 2025, the Parliament re-elected me as chair of the committee.</p></body></html>")


def test_a_speech_title_names_who_i_and_me_are(ref):
    events = participants_per_event(extract_text(_SPEECH, ref, "speech.html"), "country")
    assert [("Aino Rautavaara", "FIN"), ("Penny Wong", "AUS")] in events
    assert [("Aino Rautavaara", "FIN")] in events


_LIST_PAGE = ("# List of official visits made by the Prime Minister of Japan in 2024\n\n"
              "This list covers the trips abroad of the head of government.\n\n"
              "April 10, 2024: Held talks with President Joe Biden at the White House.\n")


def test_a_list_page_of_an_office_has_its_holder_act_in_subjectless_sentences(ref):
    events = participants_per_event(extract_text(_LIST_PAGE, ref, "visits.md"), "country")
    assert any(("Fumio Kishida", "JPN") in e and ("Joe Biden", "USA") in e for e in events)


def test_a_subjectless_sentence_on_an_ordinary_page_adds_no_one(ref):
    events = people_of("April 10, 2024: State visit to the United States. Held talks with President Joe Biden.", ref)
    assert events[0] == [("Joe Biden", "USA")]


def test_a_sentence_opening_on_a_name_ending_in_ed_has_its_subject(ref):
    text = _LIST_PAGE + "April 12, 2024: Mohammed Shia al-Sudani hosted a dinner for visiting investors.\n"
    events = participants_per_event(extract_text(text, ref, "visits.md"), "country")
    assert all(("Fumio Kishida", "JPN") not in e for e in events if any("Sudani" in n for n, _ in e))


def test_a_meetings_record_keeps_its_speaker_labels_in_capitals(ref):
    """"Ms. HALVORSEN said": UN meetings coverage labels its speakers so; they are read as the paragraph's
    speaker, not folded into names the act takes part in."""
    tokens = [tok for tok, _, _ in scan("Mr. ADEYEMI said floods had struck. Ms. HALVORSEN said the mission stays.",
                                        ref).tokens]
    assert "ADEYEMI" in tokens and "HALVORSEN" in tokens


# ----------------------------------------------------------------------------- states and visiting parties

def test_a_governor_of_a_region_is_of_that_regions_state(ref):
    events = people_of("May 2, 2025: President Emmanuel Macron met Renata Quintela, Governor of the State of Pará,"
                       " in Belém.", ref)
    assert ("Renata Quintela", "BRA") in events[0]


def test_a_region_two_states_share_names_no_state(ref):
    events = people_of("May 3, 2025: President Emmanuel Macron met Imran Qadir, Governor of the Province of Punjab,"
                       " in Paris.", ref)
    assert ("Imran Qadir", None) in events[0]


_INVITED = ("Chronology\n\nMay 5, 2025: At the invitation of President Emmanuel Macron, President Gabriel Boric paid"
            " a State Visit to France. She was accompanied by the Minister of Trade, Valentina Orrego Sáez.\n")


def test_who_invited_a_visit_is_not_of_the_visiting_party(ref):
    events = participants_per_event(extract_text(_INVITED.replace(" She was", " He was"), ref), "country")
    assert ("Emmanuel Macron", "FRA") not in events[0]
    assert ("Gabriel Boric", "CHL") in events[0]


def test_the_inviter_named_again_takes_part(ref):
    text = _INVITED.replace("State Visit to France.", "State Visit to France and met President Macron.")
    assert ("Emmanuel Macron", "FRA") in participants_per_event(extract_text(text, ref), "country")[0]


def test_those_accompanying_the_visitor_are_of_the_party_and_of_its_state(ref):
    events = participants_per_event(extract_text(_INVITED.replace(" She was", " He was"), ref), "country")
    assert ("Valentina Orrego Sáez", "CHL") in events[0]


def test_companions_named_in_the_next_sentence_of_prose_join_the_visit(ref):
    text = ("Joint press release\n\nAt the invitation of President Emmanuel Macron, President Gabriel Boric paid a"
            " State Visit to France on 5 May 2025. He was accompanied by the Minister of Trade, Valentina Orrego"
            " Sáez, and by business leaders.\n")
    events = participants_per_event(extract_text(text, ref), "country")
    assert [("Gabriel Boric", "CHL"), ("Valentina Orrego Sáez", "CHL")] in events
