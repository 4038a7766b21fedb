"""People rules of the thirteenth round (second part), in our own sentences: invented people and places,
or real office holders in new sentences. Read with the project's own reference (seeds/)."""

from tests.extraction_helpers import extract_text, participants_per_event
from transforms.people import ROLE_WORDS, country_from_title, find_mentions


def titled(text: str, ref) -> list[tuple[str, str]]:
    return [(m.name, m.title) for m in find_mentions(text, ref)]


def events_of(text: str, ref) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """(event text, sorted (participant, country)) of a prose `text`."""
    tables = extract_text(text, ref)
    texts = [e["text"] for e in tables["events"].to_pylist()]
    return list(zip(texts, participants_per_event(tables, "country"), strict=True))


def people_in(events: list, word: str) -> list[str]:
    return [name for name, _ in next(people for text, people in events if word in text)]


# ---------------------------------------------------------------- role-only mentions and their holders

def test_a_members_office_in_brackets_is_the_title(ref):
    assert titled("Hon. Jaxon Orwele Mbeki, MP (Chairperson); Hon. Lina Wambui Otieno, MP (Vice-Chairperson);",
                  ref) == [("Jaxon Orwele Mbeki", "Chairperson"), ("Lina Wambui Otieno", "Vice-Chairperson")]


def test_a_title_keeps_no_comma_before_a_style(ref):
    assert titled("“We are done,” said the Chief Negotiator, Mrs. Ndlovu-Kamara, in Lusaka.", ref) == [
        ("Ndlovu-Kamara", "Chief Negotiator")]


_MISSION = ("Observer statement\n\n"
            "The observer mission is led by Mrs. Tamsin Ndlovu-Kamara. On 2 May 2025, the Head of Mission met the"
            " Registrar-General in Lusaka. “The count was calm,” said the Head of Mission, Mrs. Ndlovu-Kamara.\n")


def test_the_head_of_mission_is_the_holder_named_once_in_the_report(ref):
    assert people_in(events_of(_MISSION, ref), "Head of Mission met") == ["Tamsin Ndlovu-Kamara"]


_COMMITTEE = ("Report of the Committee\n\n"
              "1. The Committee comprises Hon. Jaxon Orwele Mbeki, MP (Chairperson); Hon. Lina Wambui Otieno, MP.\n\n"
              "2. On 4 June 2025 the Chairperson and Members held talks in Valdora with the Speaker.\n")


def test_the_chairperson_is_the_member_whose_office_the_list_gives(ref):
    assert people_in(events_of(_COMMITTEE, ref), "held talks") == ["Jaxon Orwele Mbeki"]


def test_a_known_office_holder_in_a_capitals_head_line_holds_the_bare_office(ref):
    text = ("UNITED NATIONS\n\nDAILY NOTES FROM THE OFFICE OF SECRETARY-GENERAL ANTÓNIO GUTERRES\n\n"
            "Tuesday, 3 June 2025\n\nThe Secretary-General spoke on Monday by phone with the President of Palau.\n")
    assert people_in(events_of(text, ref), "spoke") == ["António Guterres"]


def test_he_after_an_inset_local_time_is_the_last_subject(ref):
    text = ("Briefing, 3 June 2025\n\nOn 2 June, President Ilinca Varga arrived in Valdora. This evening, local time,"
            " he met with Premier Tomas Hurd at the Riverside Palace.\n")
    assert "Ilinca Varga" in people_in(events_of(text, ref), "met with")


def test_a_delegations_members_are_named_in_the_sentences_after_its_visit(ref):
    text = ("Committee report\n\n3. The delegation travelled to Valdora from 2 to 6 June 2025. It comprised Hon. Jaxon"
            " Orwele Mbeki, MP (Chairperson); and Hon. Lina Wambui Otieno, MP. The delegation was accompanied by"
            " Mr Tobias Kerr, Clerk.\n")
    assert people_in(events_of(text, ref), "travelled") == ["Jaxon Orwele Mbeki", "Lina Wambui Otieno", "Tobias Kerr"]


def test_a_former_office_names_no_state_acted_for(ref):
    assert country_from_title("a former Deputy Minister of Foreign Affairs of Nigeria", ref) is None
    assert country_from_title("Deputy Minister of Foreign Affairs of Nigeria", ref) == "NGA"


# ---------------------------------------------------------------- a post's short forms of titles

def test_short_forms_of_offices_title_unknown_people_with_their_state(ref):
    mentions = find_mentions("Moldovan FM Dorin Vaduva met Deputy FM Petra Lind and Pres. Odell in Chisinau.", ref)
    assert [(m.name, m.title) for m in mentions] == [("Dorin Vaduva", "Moldovan FM"), ("Petra Lind", "Deputy FM"),
                                                      ("Odell", "Pres.")]
    assert country_from_title("Moldovan FM", ref) == "MDA"
    assert titled("Latvian PM Arvis Kalnins spoke first.", ref) == [("Arvis Kalnins", "Latvian PM")]


def test_a_clock_time_is_no_role(ref):
    assert ROLE_WORDS.search("the talks ended at 6 pm") is None  # the short forms count in capitals only
    assert ROLE_WORDS.search("PM Arvis Kalnins")


def test_who_a_figure_is_credited_to_with_per_is_no_participant(ref):
    events = events_of("Drill report\n\nOn 2 June 2025, the Valdoran and Estlandic navies ended a joint exercise"
                       " near Port Arno. About 900 sailors took part, per Deputy Defence Minister Rear Adm. Oskar"
                       " Vell.\n", ref)
    assert people_in(events, "exercise") == []


# ---------------------------------------------------------------- people named who do not act

def test_witnesses_of_a_signing_are_no_participants(ref):
    events = events_of("Trade note\n\nOn 9 June 2025 in Valdora, Minister Jaxon Orwele Mbeki and Minister Petra Lind"
                       " signed the trade accord in the presence of President Dr. Ilinca Varga and President Tomas"
                       " Hurd.\n", ref)
    assert people_in(events, "signed") == ["Jaxon Orwele Mbeki", "Petra Lind"]


def test_the_honoured_dead_are_no_participants(ref):
    events = events_of("Visit note\n\nOn 9 June 2025, Minister Petra Lind paid tribute to President Oskar Vell at"
                       " the Vell Memorial in Port Arno.\n", ref)
    assert people_in(events, "tribute") == ["Petra Lind"]


def test_the_one_congratulated_in_a_concession_says_nothing(ref):
    events = events_of("Election note\n\nOn 9 June 2025, Mr. Tomas Hurd conceded defeat in a televised address and"
                       " congratulated Ms. Ilinca Varga.\n", ref)
    assert people_in(events, "conceded") == ["Tomas Hurd"]


def test_ghanas_outgoing_vice_president_is_known(ref):
    events = events_of("Note\n\nOn 3 March 2024, Vice-President Dr. Mahamudu Bawumia opened a school in Tamale.\n",
                       ref)
    assert next(people for text, people in events if "opened" in text) == [("Mahamudu Bawumia", "GHA")]


def test_whoever_invited_a_visitor_later_in_the_sentence_stays_home(ref):
    events = events_of("Visit note\n\nOn 9 June 2025, Minister Petra Lind paid an official visit to Valdora at the"
                       " invitation of Minister Jaxon Orwele Mbeki.\n", ref)
    assert people_in(events, "visit") == ["Petra Lind"]


# ---------------------------------------------------------------- styles of honour and words that name no one

def test_malay_styles_are_no_part_of_a_name(ref):
    assert titled("Central Bank Governor Datuk Seri Amran Hakim Yusof spoke, and Minister of Investment, Energy and"
                  " Industry Tengku Datuk Seri Razlan Idris answered.", ref) == [
        ("Amran Hakim Yusof", "Central Bank Governor"),
        ("Tengku Razlan Idris", "Minister of Investment, Energy and Industry")]
    assert [n for n, _ in titled("They met Tan Sri Razlan Idris, the envoy, and Dato' Seri Anwar Ibrahim.", ref)] == [
        "Razlan Idris", "Anwar Ibrahim"]


def test_sheikh_before_a_known_name_is_a_style(ref):
    assert titled("President Sheikh Mohamed bin Zayed Al Nahyan opened it.", ref) == [
        ("Mohamed bin Zayed Al Nahyan", "President")]
    assert [n for n, _ in titled("Prime Minister Sheikh Hasina opened it.", ref)] == ["Sheikh Hasina"]
    # a form the reference knows with the style stays whole
    assert [n for n, _ in titled("Foreign Minister Sheikh Abdullah bin Zayed met them.", ref)] == [
        "Sheikh Abdullah bin Zayed"]


def test_a_title_word_before_a_patronymic_is_a_given_name(ref):
    assert titled("H.E. Dr Sultan bin Khalid Al-Nuaimi, Minister of State, hosted them.", ref) == [
        ("Sultan bin Khalid Al-Nuaimi", "Minister of State")]
    assert titled("Sultan Haitham bin Tariq received him.", ref) == [("Haitham bin Tariq", "Sultan")]


def test_an_office_of_a_body_with_its_acronym_titles_the_name_after_it(ref):
    assert titled("She met the Director of the Regional Authority on Water (RAW), Ilinca Varga, in Arno.", ref) == [
        ("Ilinca Varga", "Director of the Regional Authority on Water (RAW)")]


def test_words_of_bodies_and_offices_name_no_one(ref):
    assert titled("Evidence came from the Valdora Association of Private Security Agencies.", ref) == []
    assert titled("It was led by the Intergovernmental Authority on Fisheries.", ref) == []
    text = "Jo Roe, Under-Secretary-General for Peace Affairs and Emergency Relief Coordinator, spoke."
    assert [n for n, _ in titled(text, ref)] == ["Jo Roe"]


# ---------------------------------------------------------------- a state from its body's name in the title

def test_a_central_bank_named_in_its_own_language_gives_its_state(ref):
    assert country_from_title("Bank Negara Malaysia Deputy Governor", ref) == "MYS"
    assert country_from_title("Pilipinas Governor", ref) == "PHL"  # ("Bangko Sentral ng Pilipinas": "ng" cuts it)
    assert country_from_title("Bundesbank President", ref) == "DEU"


def test_the_pakistani_militarys_media_wing_gives_its_state(ref):
    assert country_from_title("DG ISPR Lt Gen", ref) == "PAK"  # (a rank after the office, written without dots)
    assert country_from_title("Director General of Inter-Services Public Relations", ref) == "PAK"


# ---------------------------------------------------------------- an election's candidates named once

_ELECTION = ("Observer statement\n\nOn 2 May 2025, the mission met the two main presidential candidates, former"
             " President Jaxon Orwele Mbeki of Kenya and Vice-President Dr. Lina Wambui Otieno of Kenya, in Nairobi."
             "\n\nOn 4 May 2025, both main candidates signed a peace pact in Nairobi.\n\nKenyans voted on 9 May 2025"
             " in the country's presidential election. Turnout reached 61% of the registered voters.\n")


def test_both_candidates_are_the_candidates_the_report_named(ref):
    assert people_in(events_of(_ELECTION, ref), "peace pact") == ["Jaxon Orwele Mbeki", "Lina Wambui Otieno"]


def test_a_states_vote_is_its_named_candidates(ref):
    assert people_in(events_of(_ELECTION, ref), "voted") == ["Jaxon Orwele Mbeki", "Lina Wambui Otieno"]


def test_another_states_vote_is_not_the_named_candidates(ref):
    text = _ELECTION.replace("Kenyans voted", "Ugandans voted")
    assert people_in(events_of(text, ref), "voted") == []


def test_a_states_vote_told_alone_is_its_named_candidates(ref):
    text = _ELECTION.replace(" Turnout reached 61% of the registered voters.", "")
    assert people_in(events_of(text, ref), "voted") == ["Jaxon Orwele Mbeki", "Lina Wambui Otieno"]
