"""People named without a title the reference knows: a known given name opening an unknown name, a
state after the name ("… of Rwanda"), a title alone standing for its one holder ("the Secretary"),
monarchs' numerals and middle initials; and capitalised words that only look like names. Read with
the project's own reference (seeds/); the people in these sentences are invented unless known."""

import pytest

from tests.extraction_helpers import extract_text, participants_per_event
from transforms.document import Document
from transforms.extract import extract_document, publisher_state
from transforms.people import _holds_a_name, find_mentions
from transforms.readers import read_document


def names(sentence: str, ref) -> list[tuple[str, str]]:
    return [(m.name, m.title) for m in find_mentions(sentence, ref)]


def people_of(body: str, ref) -> list[list[tuple[str, str | None, str]]]:
    """Per event: (canonical name, country, title) of each participant, for a chronology `body`."""
    return participants_per_event(extract_text(f"Chronology\n\n{body}\n", ref), "country", "title")


# ----------------------------------------------------------------------------- finding names

def test_a_known_given_name_makes_an_unknown_name_a_person(ref):
    assert names("Daniel Quintrell had been president for fifteen months.", ref) == [("Daniel Quintrell", "")]
    assert names("Quintrell Daniel had been president for fifteen months.", ref) == []  # no sign either way


def test_the_family_name_alone_is_that_person_later_in_the_report(ref):
    events = people_of("March 6, 2025: Daniel Quintrell opens the new port in Manta.\n\n"
                       "March 7, 2025: Quintrell convenes his security cabinet in Quito.", ref)
    assert events[1] == [("Daniel Quintrell", None, "")]


def test_a_state_after_the_name_is_the_persons(ref):
    events = people_of("March 2, 2025: He spoke by phone with President Felix Okonjo on Saturday, and yesterday"
                       " with President Paul Okemwa of Rwanda.", ref)
    assert ("Paul Okemwa", "RWA", "President") in events[0]


def test_an_unknown_name_before_of_a_state_is_a_person(ref):
    assert ("Ana Maria de la Fuentevilla", "") in names(
        "The Secretary-General appointed Ana Maria de la Fuentevilla of Chile as his deputy.", ref)
    assert names("The Trevino Quarry of Chile closed.", ref) == []  # "of Chile" alone is no sign


def test_a_role_ending_a_title_before_the_name(ref):
    assert names("On the 14th, the Emergency Relief Coordinator, Tom Arkwright, released $17 million.", ref) == [
        ("Tom Arkwright", "Emergency Relief Coordinator")]


def test_a_monarchs_numeral_belongs_to_the_name_and_a_generational_one_does_not(ref):
    assert names("King Felipe VI welcomed him in Madrid.", ref) == [("Felipe VI", "King")]
    assert names("Lloyd J. Austin III met them.", ref)[0][0] == "Lloyd J. Austin"
    assert names("King Charles III met them.", ref) == [("Charles III", "King")]


def test_a_given_name_and_an_initial_are_a_name_in_a_title(ref):
    assert _holds_a_name("Secretary of State Antony J", ref)
    assert not _holds_a_name("Emergency Relief Coordinator", ref)  # name-like words before the role


@pytest.mark.parametrize(("sentence", "not_a_person"), [
    ("Yesterday, the EU's envoy, Peter Sorensen, met Petar Petkovic in Brussels.", "Yesterday"),
    ("Today, Secretary of State Antony J. Blinken met Zelenskyy.", "Today"),  # the initial is a name's
    ("Gunmen opened fire on the market. No group has claimed the attack.", "No"),  # No Kwang Chol is known
])
def test_words_before_a_title_or_a_noun_are_not_people(ref, sentence, not_a_person):
    assert not_a_person not in [n for n, _ in names(sentence, ref)]


# ----------------------------------------------------------------------------- titles alone

def test_a_title_alone_is_its_one_holder_named_earlier(ref):
    events = people_of("Sept. 11, 2024: Secretary of State Antony J. Blinken and British Foreign Secretary David"
                       " Lammy meet President Zelenskyy in Kyiv. Speaking to reporters afterward, the Secretary"
                       " announces $717 million in new assistance.\n\n"
                       "Sept. 12, 2024: The Foreign Secretary visits a power station in Kyiv.", ref)
    assert ("Antony Blinken", "USA", "Secretary") in events[-2]
    assert events[-1] == [("David Lammy", "GBR", "Foreign Secretary")]


def test_a_title_alone_leaves_out_the_state(ref):
    events = people_of("May 2, 2025: Japanese Foreign Minister Takeshi Iwaya visits Seoul.\n\n"
                       "May 3, 2025: The Foreign Minister visits Osaka.", ref)
    assert events[-1] == [("Takeshi Iwaya", "JPN", "Foreign Minister")]


def test_a_title_two_people_have_held_names_neither(ref):
    events = people_of("May 2, 2025: Japanese Foreign Minister Takeshi Iwaya meets Chinese Foreign Minister Wang Yi"
                       " in Tokyo.\n\nMay 3, 2025: The Foreign Minister visits Osaka.", ref)
    assert events[-1] == []


def test_he_after_a_title_alone_is_its_holder(ref):
    events = people_of("Feb. 24, 2025: The Secretary-General, Antonio Guterres, opens the session in Geneva.\n\n"
                       "Feb. 25, 2025: The Secretary-General appoints a new envoy. He calls President Paul Okemwa"
                       " of Rwanda.", ref)
    assert ("António Guterres", "INT", "Secretary-General") in events[-1]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Yoon nominated Choi Byung-hyuk, the ambassador to Saudi Arabia, as minister.",
     [("Yoon", ""), ("Choi Byung-hyuk", "the ambassador to Saudi Arabia")]),  # no "Arabia"
    ("Coast Guard spokesperson Commodore Jay Tarriela said so.",
     [("Jay Tarriela", "Coast Guard spokesperson Commodore")]),  # a rank is no name
    ("Yesterday, the EU's envoy for the dialogue, Peter Sorenby, met Serbia's chief negotiator, Petar Petkovac.",
     [("Peter Sorenby", "EU's envoy for the dialogue"), ("Petar Petkovac", "Serbia's chief negotiator")]),
    ("Minister Hakan Fidan and U.S. Secretary of State Marco Rubio\nAntalya, Thursday, 15 May 2025",
     [("Hakan Fidan", "Minister"), ("Marco Rubio", "U.S. Secretary of State")]),  # the next line's place is no name
    ("Last Friday the President named our ambassador, Tom Barrack, as his special envoy for Syria.",
     [("Tom Barrack", "")]),  # what he is named as is no title he holds
    ("Chief Negotiator Rajesh Agrawal led the talks.", [("Rajesh Agrawal", "Chief Negotiator")]),
    ("My noble Friend Lord Collins visited Abuja.", [("Collins", "Lord")]),
    ("Medvedev watched the parade on Kim Il Sung Square with Kim Jong Un.", [("Medvedev", ""), ("Kim Jong Un", "")]),
    ("Hun Sen publishes the full recording.", [("Hun Sen", "")]),  # a family name like a title's abbreviation
    ("Deputy Minister for Foreign Affairs, Hon. Efua Mensah-Bonsu, spoke.",
     [("Efua Mensah-Bonsu", "Deputy Minister for Foreign Affairs")]),
    ("Commanders Hun Manet; Phumtham Wechayachai Casualties (Cambodia) 13 killed",
     [("Hun Manet", "Commanders")]),  # an infobox's next label is no part of a name
    ("She called Sheikh Mohammed bin Abdulrahman Al Thani on Monday.",
     [("Sheikh Mohammed bin Abdulrahman Al Thani", "")]),
])
def test_names_and_titles_around_places_and_ranks(ref, sentence, expected):
    assert names(sentence, ref) == expected


def test_a_consorts_office_is_no_evidence_unless_the_title_asks_for_it(ref):
    from datetime import date

    from transforms.people import _best_candidate
    trumps = ref.people_by_family["trump"]
    picked = {title: _best_candidate(trumps, ref, date(2025, 11, 7), None, title, need_evidence=True)
              for title in ("Mr", "", "First Lady")}
    assert picked == {"Mr": "donald-trump", "": "donald-trump", "First Lady": "melania-trump"}


def test_an_ambassador_acts_for_the_state_that_sent_him(ref):
    from transforms.people import country_from_title
    assert country_from_title("the ambassador to Saudi Arabia", ref) is None
    assert country_from_title("the Chinese ambassador to Australia", ref) == "CHN"


def test_a_family_name_that_is_an_english_word_needs_the_full_name_first(ref):
    assert names("“You cannot annex a people,” she said.", ref) == []


def test_more_signs_of_an_unknown_person(ref):
    assert ("Jens-Frederik Nyholm", "") in names("Demokraatit, led by Jens-Frederik Nyholm, came first.", ref)
    assert names("Jens-Frederik Nyholm came first.", ref) == [("Jens-Frederik Nyholm", "")]
    assert ("Bedri Hamzaj", "") in names("The Democratic Party of Kosovo led by Bedri Hamzaj came second.", ref)
    found = names("Foreign Ministers Yvan Gilberto (Venezuela) and Hugh Toddington (Guyana) meet.", ref)
    assert ("Hugh Toddington", "") in found


def test_a_state_in_brackets_after_the_name_is_the_persons(ref):
    events = people_of("Jan. 25, 2024: Foreign Ministers Yvan Gilberto (Venezuela) and Hugh Toddington (Guyana) meet"
                       " in Brasilia.", ref)
    assert ("Hugh Toddington", "GUY", "") in events[0]


def test_a_heading_above_is_not_a_title(ref):
    text = "## Mexico: the 80% president\n\nEl Financiero's poll had Claudia Sheinbaum's approval at 83%."
    assert [n for n, _ in names(text, ref)] == ["Claudia Sheinbaum"]


def test_a_possessive_name_keeps_its_particles(ref):
    assert names("The poll puts approval of President Luiz Inácio Lula da Silva's government at 24%.", ref) == [
        ("Luiz Inácio Lula da Silva", "President")]


def narrative_people(text: str, ref) -> list[list[str]]:
    doc = Document(text=text, format="txt", source_text=text)
    tables = extract_document(doc, ref, file_id="f1", report_id="r1")
    names_by_id = {p["participant_id"]: p["canonical_name"] for p in tables["participants"].to_pylist()}
    by_event: dict[str, list] = {}
    for link in tables["event_participants"].to_pylist():
        by_event.setdefault(link["event_id"], []).append(names_by_id[link["participant_id"]])
    return [sorted(by_event.get(e["event_id"], [])) for e in tables["events"].to_pylist()]


def test_he_is_the_one_person_named_in_the_sentence_before(ref):
    events = narrative_people(
        "Belgrade, 14 February 2025\n\nPresident Aleksandar Vucevski has looked for friends abroad. On 11 February,"
        " he hosted Foreign Minister Peter Szabolcs of Hungary in Belgrade. On 12 February he told reporters in"
        " Belgrade that Serbia would not move.\n", ref)
    assert events[0] == ["Aleksandar Vucevski", "Peter Szabolcs"]
    assert events[1] == ["Aleksandar Vucevski"]  # not Szijjarto, named as the one "he" hosted


def test_she_after_a_dated_phrase_without_a_comma(ref):
    events = narrative_people(
        "Mexico City, 20 March 2025\n\nThe poll had Claudia Sheinbaum's approval at 83% in March. On 9 March she"
        " addressed a crowd in the Zocalo.\n", ref)
    assert events == [["Claudia Sheinbaum"]]


def test_he_after_a_sentence_naming_two_people_is_nobody(ref):
    events = narrative_people(
        "Quito, 20 March 2025\n\nOn 8 March Daniel Quintrell met voters in Quito. Daniel Quintrell and Maria"
        " Gonzalvez debated for two hours. On 9 March he addressed a crowd in Quito.\n", ref)
    assert events[-1] == []


def test_an_elections_candidates_in_the_next_sentence_take_part(ref):
    events = narrative_people(
        "Quito, 20 April 2025\n\nOn 9 February, Ecuador's general election delivered a near tie. Daniel Quintrell"
        " took 44.2% of the valid vote against 44.0% for Maria Gonzalvez, the protégée of former president"
        " Rafael Correa, a gap of fewer than 17,000 votes.\n", ref)
    assert events == [["Daniel Quintrell", "Maria Gonzalvez"]]


def test_the_next_sentence_without_a_result_names_no_candidates(ref):
    events = narrative_people(
        "Quito, 20 April 2025\n\nOn 9 February, Ecuador's general election delivered a near tie. Daniel Quintrell"
        " spent the evening with his family.\n", ref)
    assert events == [[]]


TRANSCRIPT = """JOINT PRESS CONFERENCE
Minister of Foreign Affairs Hakan Fidan and U.S. Secretary of State Marco Rubio
Thursday, 15 May 2025

MODERATOR: Good afternoon. Each will make a short statement.

MINISTER FIDAN: Thank you. On 15 May the Secretary, Foreign Minister Asaad al-Shaibani of Syria and I held the
first trilateral meeting of its kind in Antalya.

SECRETARY RUBIO: Thank you. On 14 May I spoke by telephone with Foreign Minister Ayman Safadi of Jordan.
"""


def test_i_in_a_transcript_is_the_speaker_and_the_header_names_the_secretary(ref):
    events = narrative_people(TRANSCRIPT, ref)
    assert events == [["Asaad al-Shaibani", "Hakan Fidan", "Marco Rubio"], ["Ayman Safadi", "Marco Rubio"]]


def test_i_without_a_speaker_label_is_nobody(ref):
    events = narrative_people("Ankara, 16 May 2025\n\nOn 15 May I spoke by telephone with Foreign Minister Ayman"
                              " Safadi of Jordan.\n", ref)
    assert events == [["Ayman Safadi"]]


def test_a_dotted_abbreviation_opens_a_title(ref):
    found = names("Fidan met U.S. Secretary of State Marco Rubio.", ref)
    assert found[-1] == ("Marco Rubio", "U.S. Secretary of State")


TRACKER = ("SECURITY TRACKER\nPeriod covered: Jan 2025 - Mar 2025\n\n"
           "DATE\tACTORS\tEVENT\tPLACE\tNOTES\n"
           "14-Jan-25\tMark Rutte (NATO Secretary General); Alexander Stubborn (President, Finland)\t"
           "Leaders of the Baltic Sea allies meet. Russia condemns the meeting.\tHelsinki\tFirst summit.\n"
           "11-Mar-25\tKaja Kallas (High Representative, EU); Margus Tsahkna (Foreign Minister, Estonia)\t"
           "Kallas and Tsahkna hold talks on the shadow fleet.\tTallinn\t-\n"
           "16-Mar-25\tSWE (Coast Guard); Eagle S (tanker, Cook Islands flag)\t"
           "The coast guard boards the tanker.\tKarlskrona\t-\n")


def test_a_trackers_actors_column_gives_people_and_states(ref):
    tables = extract_document(read_document("tracker.txt", TRACKER.encode()), ref, file_id="f1", report_id="r1")
    names_by_id = {p["participant_id"]: p["canonical_name"] for p in tables["participants"].to_pylist()}
    by_event: dict[str, list] = {}
    for link in tables["event_participants"].to_pylist():
        by_event.setdefault(link["event_id"], []).append(
            (names_by_id[link["participant_id"]], link["country"], link["title"]))
    events = tables["events"].to_pylist()
    assert sorted(by_event[events[0]["event_id"]]) == [("Alexander Stubborn", "FIN", "President"),
                                                       ("Mark Rutte", "INT", "NATO Secretary General")]
    assert events[0]["countries"] == ["FIN"]
    assert events[1]["event_id"] not in by_event  # "Russia condemns …": the row's next act is not theirs
    # the column's role and body win over the name alone in the text (Kallas is Estonian in the seeds)
    assert ("Kaja Kallas", "INT", "High Representative") in by_event[events[2]["event_id"]]
    assert events[3]["event_id"] not in by_event and events[3]["countries"] == ["SWE"]  # a state, a ship


# ----------------------------------------------------------------------------- a government's own page

def _archive_page(site: str) -> bytes:
    """A ministry's press-release archive in our own words: items dated by a span, newest first."""
    items = [
        ("21.10.2025", "Minister Vieira thanked the Minister for Foreign Affairs, Hon. Samuel Okudzeto Ablakwa, "
                       "in a telephone conversation about trade."),
        ("14.10.2025", "Deputy Minister for Foreign Affairs, Hon. Kwesi Abrefa-Mintah, delivered an address at the "
                       "forum in Bridgetown."),
        ("10.10.2025", "In Abuja, the Minister held talks with the Nigerian Minister of Foreign Affairs on border "
                       "trade."),
    ]
    body = "".join(f'<div class="item"><span class="date">{d}</span><p>{t}</p></div>' for d, t in items)
    return (f"<html><head><title>Press releases | {site}</title></head><body><main><h1>Press releases</h1>"
            f"{body}</main></body></html>").encode()


def _people_by_day(data: bytes, ref) -> dict[str, list[tuple[str, str | None]]]:
    tables = extract_text(data.decode(), ref, name="archive.html")
    days = [str(e["date_start"]) for e in tables["events"].to_pylist()]
    out: dict[str, list] = {}
    for day, people in zip(days, participants_per_event(tables, "country"), strict=True):
        out.setdefault(day, []).extend(people)
    return {k: sorted(v) for k, v in out.items() if v}


def test_an_official_of_no_stated_state_on_a_ministrys_page_is_the_ministrys(ref):
    ghana = _people_by_day(_archive_page("Ministry of Foreign Affairs, Republic of Ghana"), ref)
    assert ghana["2025-10-14"] == [("Kwesi Abrefa-Mintah", "GHA")]
    # The same page under a site that names no state: the deputy's state stays unknown.
    plain = _people_by_day(_archive_page("Ministry of Foreign Affairs"), ref)
    assert plain["2025-10-14"] == [("Kwesi Abrefa-Mintah", None)]


def test_the_minister_on_a_ministrys_page_is_its_own_after_a_guest_minister(ref):
    ghana = _people_by_day(_archive_page("Ministry of Foreign Affairs, Republic of Ghana"), ref)
    assert ("Samuel Okudzeto Ablakwa", "GHA") in ghana["2025-10-10"]
    # Without the publisher, "the Minister" could be either minister named before: no one.
    plain = _people_by_day(_archive_page("Ministry of Foreign Affairs"), ref)
    assert all(name != "Samuel Okudzeto Ablakwa" for name, _ in plain.get("2025-10-10", []))


@pytest.mark.parametrize(("head", "state"), [
    ("Ministry of Foreign Affairs of Japan\n\nPress Conference by the Press Secretary", "JPN"),
    ("U.S. Department of State\n\nReadout of the Deputy Secretary's call", "USA"),
    ("Government of Serbia\n\nPublic schedule of the Prime Minister", "SRB"),
    ("Ministry of Foreign Affairs\n\nStatement on the elections", None),  # no state named
    ("Japan's Foreign Ministry and the Ministry of Defence of Korea\n\nJoint statement", None),  # two
    ("Notes on the elections\n\nThe ministers met in Seoul.", None),  # no government body
    ("Press briefing\n\nAt the invitation of the Government of Chile, the minister will visit Santiago.", None),
])
def test_the_publishing_state_is_named_with_a_government_body_in_the_head(head, state, ref):
    doc = Document(text=head, format="txt", source_text=head)
    assert publisher_state(doc, ref) == state
