"""People and their states, round 11: a state comes from the act's own words, not from the report as a
whole; titles and states around a name; people acting in an international role; speakers and authors.
Read with the project's own reference (seeds/); the people in these sentences are invented unless known."""


from tests.extraction_helpers import (
    chronology_people,
    extract_text,
    participants_per_event,
)

people_of = chronology_people


_TWO_STATES = "March 3, 2025: Brazil and Kenya agree to expand coffee research; Brazil sends agronomists.\n"


def test_an_unknown_person_is_not_of_the_other_state_of_the_report_without_a_word_for_it(ref):
    events = people_of(_TWO_STATES + "March 4, 2025: President William Ruto met Governor Amani Wekesa in Nakuru.", ref)
    assert ("Amani Wekesa", None) in events[-1]


def test_the_other_state_named_just_before_the_person_is_theirs(ref):
    events = people_of(_TWO_STATES + "March 5, 2025: President William Ruto held talks in Nairobi with a Brazilian"
                       " delegation under chief negotiator Paulo Mendonça Tavares.", ref)
    assert ("Paulo Mendonça Tavares", "BRA") in events[-1]


def test_a_state_with_a_lower_case_role_before_the_name_is_theirs(ref):
    events = people_of("May 9, 2025: President Emmanuel Macron received Kenya's army chief, Joseph Kiprono Lagat,"
                       " in Paris.\nMay 10, 2025: President Emmanuel Macron received Ghana's intelligence chief"
                       " Kwabena Adjei Mensah in Lyon.", ref)
    assert ("Joseph Kiprono Lagat", "KEN") in events[0]
    assert ("Kwabena Adjei Mensah", "GHA") in events[1]


def test_a_role_held_ad_interim_before_a_name_set_off_by_commas_is_its_title(ref):
    events = people_of("May 11, 2025: The Deputy Special Coordinator a.i., Ilvaro Brunnstrom, toured Kherson.", ref)
    assert events[0] == [("Ilvaro Brunnstrom", None)]


def test_a_un_country_teams_coordinator_acts_for_the_un(ref):
    events = people_of("May 12, 2025: The Resident Coordinator, Ilvaro Brunnstrom, met farmers in Mykolaiv.", ref)
    assert events[0] == [("Ilvaro Brunnstrom", "INT")]


def test_a_person_holding_an_international_office_on_the_day_acts_for_it_not_for_their_state(ref):
    events = people_of("May 13, 2025: Julie Bishop met Thai officials in Chiang Mai.\n"
                       "May 14, 2016: Julie Bishop met Thai officials in Chiang Mai.", ref)
    assert events[0] == [("Julie Bishop", "INT")]
    assert events[1] == [("Julie Bishop", "AUS")]  # then Australia's foreign minister


def test_a_different_part_of_a_given_name_is_a_different_person(ref):
    events = people_of("May 15, 2025: Kim Jong-su, a sculptor, opened an exhibition in Hamhung.\n"
                       "May 16, 2025: Kim Jong-uun inspected a factory in Hamhung.", ref)
    assert events[0] == [("Kim Jong-su", None)]
    assert events[1] == [("Kim Jong Un", "PRK")]  # a letter more is still a misspelling


def events_of(text: str, ref) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """(event text, sorted participants) of a prose `text`."""
    tables = extract_text(text, ref)
    texts = [e["text"] for e in tables["events"].to_pylist()]
    return list(zip(texts, participants_per_event(tables, "country"), strict=True))


_BRIEFING = ("Council extends Haiti mission\n\n12 May 2025\n\nBefore the vote, the Council heard a briefing by Lorna"
             " Vestergaard, Special Representative of the Secretary-General for Haiti.\n\n")


def test_she_after_a_briefers_speaker_tag_is_the_briefer(ref):
    events = events_of(_BRIEFING + "Ms. VESTERGAARD said the port had reopened. On 3 May, armed groups blocked the"
                       " road to Jacmel for a day. On 4 May, she travelled to Jacmel, where she met the Mayor,"
                       " Jean-Robert Pierrelus.\n", ref)
    travel = next(people for text, people in events if "travelled" in text)
    assert ("Lorna Vestergaard", "INT") in travel


def test_the_teller_of_an_act_others_did_is_not_its_participant(ref):
    events = events_of(_BRIEFING + "Ms. VESTERGAARD said the port had reopened. On 4 May, she travelled to Jacmel."
                       " She added that on 5 May Prime Minister Alix Didier Fils-Aimé and the Mayor, Jean-Robert"
                       " Pierrelus, met in Jacmel.\n", ref)
    meeting = next(people for text, people in events if "added" in text)
    assert "Lorna Vestergaard" not in {name for name, _ in meeting}


def test_an_unknown_name_before_a_relative_who_is_a_person_and_its_family_name_later_is_them(ref):
    events = events_of("Who speaks for the opposition?\n\nIts loudest voice is Corvalho Tembeque, who spent the"
                       " winter in Lisbon.\n\nOn 23 March 2025, Daniel Chapo and Tembeque met in Maputo.\n", ref)
    meeting = next(people for text, people in events if "met in Maputo" in text)
    assert ("Corvalho Tembeque", None) in meeting
    assert events_of("Notes\n\nOn 2 May 2025, the Tembeque Quarry, which closed in 2019, reopened.\n", ref)[0][1] == []


def _sg_report(year: int, furniture: str = "") -> str:
    return (f"Situation in Haiti\n\n{furniture}Report of the Secretary-General\n\n14 March {year}\n\n"
            "1. The present report covers the first quarter.\n\n"
            "2. On 3 March, I issued a statement calling on the armed groups to lift the blockade of Jacmel.\n")


def test_i_in_the_secretary_generals_report_is_the_secretary_general_of_its_year(ref):
    def author(text: str) -> list:
        return next(people for t, people in events_of(text, ref) if "I issued" in t)
    assert author(_sg_report(2024)) == [("António Guterres", "INT")]
    assert author(_sg_report(2015, "Original: English\n\n")) == [("Ban Ki-moon", "INT")]  # a label of no one


def test_a_handle_that_spells_a_known_family_name_is_that_person(ref):
    events = people_of("May 20, 2025: Good talks in Kyiv with @PMKeirStarmer on air defence, wrote the mayor.", ref)
    assert ("Keir Starmer", "GBR") in events[0]
    assert people_of("May 21, 2025: Good talks in Kyiv with @SunriseRadioNews on air defence.", ref) == [[]]
