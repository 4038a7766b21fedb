"""People and their states, round 12 (second wave): honorifics and title words glued to a name, a state named
after the office ("Minister of … of Ruritania"), an office owned by a state after a comma, a double family
name alone after a title, and a middle name the reference leaves out. Read with the project's own reference
(seeds/); the people in these sentences are invented unless known."""

import pytest

from tests.extraction_helpers import (
    chronology_people,
    extract_text,
    mention_names,
    participants_per_event,
)
from transforms.people import PeopleContext, find_mentions, is_title_word

people_of = chronology_people
names = mention_names


# ----------------------------------------------------------------------------- honorifics and title words

@pytest.mark.parametrize("text, expected", [
    ("The Minister of Higher Education, Mawlawi Nasrullah Hamidi, opened the new office.",
     ["Nasrullah Hamidi"]),
    ("Interior Minister Syed Tariq Hussain Jafri chaired the session.", ["Tariq Hussain Jafri"]),
    ("The envoy called on His Excellency Ratu Seru Naivalurua at the residence.", ["Seru Naivalurua"]),
    ("The Minister of Labour and Repatriation, Mullah Qasim Wardak, spoke.", ["Qasim Wardak"]),
    ("The Minister of Trade and Citizens Abroad Omar Keita Sawadogo flew in.", ["Omar Keita Sawadogo"]),
])
def test_honorifics_and_portfolio_words_are_no_part_of_the_name(text, expected, ref):
    assert names(text, ref) == expected


def test_a_hyphenated_rank_is_a_title_word():
    assert is_title_word("Major-General") and is_title_word("Lieutenant-Colonel")
    assert not is_title_word("Jean-Marie")


def test_a_hyphenated_rank_stays_in_the_title(ref):
    mentions = find_mentions("The attache called on Brigadier-General Tomasi Naborisi at the camp.", ref,
                             PeopleContext())
    assert [(m.name, m.title) for m in mentions] == [("Tomasi Naborisi", "Brigadier-General")]


def test_barracks_named_after_a_queen_is_a_place(ref):
    assert names("The farewell call took place at Queen Alexandra Barracks near the harbour.", ref) == []


def test_a_nationality_inside_a_portfolio_stays_in_the_title(ref):
    text = ("Vladimir Putin met Ruritania's Minister of Foreign Affairs, Regional Cooperation and Burkinabe "
            "Abroad Ousmane Kaboré Zida in Moscow.")
    mention = find_mentions(text, ref, PeopleContext())[-1]
    assert mention.name == "Ousmane Kaboré Zida"
    assert mention.title.endswith("Burkinabe Abroad")


def test_a_surname_that_is_an_english_word_after_a_long_portfolio(ref):
    text = "Ghana's Minister of Regional Integration and Foreign Affairs Kofi Mensah Hall met the envoy."
    assert names(text, ref) == ["Kofi Mensah Hall"]


# ----------------------------------------------------------------------------- states of the office holder

def test_a_state_after_the_office_belongs_to_its_own_holder(ref):
    events = people_of("June 3, 2025: The accord was signed by the Minister of Transport of Peru, Rosa Quispe "
                       "Lazo, and the Minister of Transport of Chile, Tomas Barros Vial.", ref)
    assert sorted(events[0]) == [("Rosa Quispe Lazo", "PER"), ("Tomas Barros Vial", "CHL")]


def test_a_possessive_state_after_a_comma_opens_the_title(ref):
    events = people_of("June 4, 2025: The company signed the mining deal in Accra, Ghana's Minister of Economy "
                       "and Finance Kwesi Adjei Boateng said on Monday.", ref)
    assert events[0] == [("Kwesi Adjei Boateng", "GHA")]


# ----------------------------------------------------------------------------- names the reference knows

def test_a_double_family_name_alone_after_a_title(ref):
    events = people_of("June 5, 2025: Foreign Minister Løkke Rasmussen received the Estonian ambassador.", ref)
    assert ("Lars Løkke Rasmussen", "DNK") in events[0]


def test_a_middle_name_the_reference_leaves_out(ref):
    events = people_of("June 6, 2025: Prime Minister Narendra Damodardas Modi addressed the rally in Varanasi.",
                       ref)
    assert events[0] == [("Narendra Modi", "IND")]


def test_an_honorific_is_no_part_of_the_title(ref):
    mentions = find_mentions("The envoy met President Ratu Seru Naivalurua and Minister Syed Ali Gardezi.", ref,
                             PeopleContext())
    assert [(m.name, m.title) for m in mentions] == [("Seru Naivalurua", "President"), ("Ali Gardezi", "Minister")]


# ----------------------------------------------------------------------------- hosts and delegations

def test_a_host_called_on_after_travelling_to_a_town(ref):
    events = people_of("June 7, 2025: The envoy travelled to Labasa on Vanua Levu, where she called on the "
                       "Divisional Commissioner, Mr Tevita Rokoduru, and toured a school.", ref)
    assert ("Tevita Rokoduru", "FJI") in events[0]


def test_a_host_met_after_a_span_of_days(ref):
    events = people_of("June 8, 2025: A parliamentary delegation visited Port Vila from 8 to 10 June, where it met "
                       "Deputy Prime Minister Aru Molisa.", ref)
    assert ("Aru Molisa", "VUT") in events[0]


def test_the_leader_of_a_states_delegation_is_of_that_state(ref):
    events = people_of("June 9, 2025: A delegation of the Austrian National Council's trade committee, led by "
                       "Dr Greta Hollerbach, visited Nairobi.", ref)
    assert ("Greta Hollerbach", "AUT") in events[0]


def test_a_host_in_his_own_country_is_not_of_the_publishers_state(ref):
    text = ("Embassy of the Republic of Chile in Canberra\n\nNewsletter\n\n"
            "On 10 June 2025 Ambassador Lucia Ferrer Bravo visited Port Vila and met Foreign Minister Marc Tasso "
            "Kalsakau to discuss fisheries.\n")
    found = participants_per_event(extract_text(text, ref), "country")
    assert ("Marc Tasso Kalsakau", "VUT") in found[0]


# ----------------------------------------------------------------------------- a cable's signer

_SIGNED_CABLE = ("C O N F I D E N T I A L SECTION 01 OF 01 LIMA 000212\n\nSIPDIS\n\n"
                 "E.O. 13526: DECL: 06/12/2035\nTAGS: PREL, PE\n"
                 "SUBJECT: PERU WEIGHS NEW MINING ROYALTIES\n\n"
                 "Classified By: Charge d'Affaires Miriam K. DOLAN for reasons 1.4 (b) and (d)\n\n"
                 "1. (C) On June 10, 2025, the Peruvian cabinet met in Lima to discuss royalties. Minister of "
                 "Energy and Mines Raul VELARDE called the draft \"a fair bargain\" in a call with the Charge that "
                 "night.\n")


def test_the_charge_is_the_cables_signer_of_the_sending_state(ref):
    events = participants_per_event(extract_text(_SIGNED_CABLE, ref, name="cable.txt"), "country")
    assert any(("Miriam Dolan", "USA") in e for e in events)


# ----------------------------------------------------------------------------- a biography's "her appointment"

_PROFILE = ("# Ingrid Solbakken\n\n"
            "**Ingrid Solbakken** (born 4 June 1975) is a Norwegian politician who has served as minister of "
            "trade since 2024.\n\n"
            "## Minister\n\n"
            "After Trade Minister Jan Christian Vestre left office, Prime Minister Jonas Gahr Støre proposed "
            "Solbakken. On 2 May 2024 the Storting approved her appointment, and she was sworn in that evening.\n")


def test_an_office_taken_by_her_on_a_biography_is_the_subjects(ref):
    events = participants_per_event(extract_text(_PROFILE, ref, "solbakken.md"), "country")
    assert [("Ingrid Solbakken", "NOR")] in events


# ----------------------------------------------------------------------------- an ambassador's hosts

def test_an_official_with_an_ambassador_is_of_the_state_of_the_posting(ref):
    events = people_of("June 11, 2025: Irish Ambassador to Samoa Niamh Corrigan and Prime Minister Tala Fiamealii "
                       "opened the new clinic in Apia.", ref)
    assert sorted(events[0]) == [("Niamh Corrigan", "IRL"), ("Tala Fiamealii", "WSM")]


def test_the_posting_outweighs_the_publishers_default(ref):
    text = ("Embassy of the Republic of Chile in Canberra\n\nNewsletter\n\n"
            "On 12 June 2025 Chilean Ambassador to Tonga Pablo Ruiz Tagle and Deputy Prime Minister Sione "
            "Vaipulu Lolo opened the fisheries centre.\n")
    found = participants_per_event(extract_text(text, ref), "country")
    assert ("Sione Vaipulu Lolo", "TON") in found[0]


def test_the_head_of_state_receiving_credentials_is_of_the_place(ref):
    events = people_of("June 13, 2025: Ambassador Lucia Ferrer Bravo presented her credentials to President Anton "
                       "Hollmayer at the Hofburg in Vienna.", ref)
    assert ("Anton Hollmayer", "AUT") in events[0]
