"""Dating, round 12: where a page says its own day and year (a title's "… on 4 June 2025" or "… in 2024", a
cable's date-time group, a speech's delivery line), wire datelines with the agency between slashes, bracketed
message stamps, and the dated lines that are plans or background, not acts. Every sentence here is written for
the test."""

from datetime import date

from transforms.chronology import chronology_entries, dated_sentences, is_furniture
from transforms.document import Document
from transforms.extract import extract_document


def events(text: str, ref, title: str | None = None, fmt: str = "txt") -> list[tuple[date, str]]:
    doc = Document(text=text, format=fmt, source_text=text, title=title)
    tables = extract_document(doc, ref, file_id="f", report_id="r")
    return [(e["date_start"], e["text"][:80]) for e in tables["events"].to_pylist()]


def day_of(found: list[tuple[date, str]], opening: str) -> date | None:
    days = [d for d, t in found if opening in t]
    return days[0] if days else None


# ------------------------------------------------------------------ the page's own year and day

LIST_PAGE = """From the free encyclopedia

This page lists the trips abroad of President Emmanuel Macron, who began a second term in May 2022 and visited
Kenya on 12 October 2023 before the period covered here.

President Emmanuel Macron met Prime Minister Narendra Modi in New Delhi on 11 February.

President Emmanuel Macron visited Ottawa on 16 June, where he met Prime Minister Mark Carney.
"""


def test_a_title_naming_its_year_dates_the_undated_days(ref):
    found = events(LIST_PAGE, ref, title="Foreign trips of the President of France during 2025")
    assert day_of(found, "met Prime Minister Narendra") == date(2025, 2, 11)
    assert day_of(found, "visited Ottawa") == date(2025, 6, 16)


BRIEFING = """Question: The defence ministers of Peru and Chile met yesterday in Lima. What is your comment?

Answer: We welcome it.

Question: On Monday, President Luis Arce visited Santiago. Could you comment?

Answer: No comment.
"""


def test_a_titles_closing_day_is_the_day_yesterday_and_weekdays_count_from(ref):
    found = events(BRIEFING, ref, title="Spokesperson's Regular Briefing on June 4, 2025")
    assert day_of(found, "defence ministers") == date(2025, 6, 3)
    assert day_of(found, "President Luis Arce") == date(2025, 6, 2)  # 4 June 2025 was a Wednesday


def test_a_day_the_title_looks_back_to_is_not_the_pages_day(ref):
    found = events(BRIEFING, ref, title="Remembering the flood of June 4, 2019")
    assert day_of(found, "defence ministers") is None


CABLE = """S E C R E T SECTION 01 OF 01 LIMA 000123

E.O. 13526: DECL: 06/11/2040
TAGS: PREL, PE, CL
SUBJECT: PERU AND CHILE TALK BORDERS

Classified By: Ambassador Jane Q. DOE for reasons 1.4 (b)

110915Z JUN 25

1. (C) On June 9, Peruvian Foreign Minister Elmer Schialer met Chilean Foreign Minister Alberto van Klaveren in
Lima to review the border commission.
"""


def test_a_cables_date_time_group_gives_the_year_and_its_declassification_line_does_not(ref):
    found = events(CABLE, ref)
    assert day_of(found, "Peruvian Foreign Minister") == date(2025, 6, 9)
    assert all(d.year == 2025 for d, _ in found)  # the DECL line is no event of 2040
    assert is_furniture("E.O. 13526: DECL: 06/11/2040")


SPEECH = """Address by the President of Palau to the Pacific Islands Forum

Nuku'alofa Convention Centre, Tonga — Tuesday, 12 August 2025

Thank you, Chair.

On 3 May 2021 and again on 19 June 2021, our islands asked for help, and on 30 June 2021 the region answered.

On 2 March, President Surangel Whipps met Prime Minister Christopher Luxon in Koror.

On 5 November last year, President Surangel Whipps visited Taipei.
"""


def test_a_speechs_delivery_line_outweighs_background_days_of_another_year(ref):
    found = events(SPEECH, ref)
    assert day_of(found, "Christopher Luxon") == date(2025, 3, 2)
    assert day_of(found, "visited Taipei") == date(2024, 11, 5)  # "last year" counts from the delivery day


# ------------------------------------------------------------------ a state agency's dateline

AGENCY_WIRE = """Cuban foreign minister in Luanda

LUANDA, May 2. /PL/. Cuban Foreign Minister Bruno Rodriguez held talks here on Wednesday with Angola's Minister of
External Relations Tete Antonio, the embassy said.

Talks in Harare

HARARE, May 6. /PL/. Zimbabwe's President Emmerson Mnangagwa received the visiting minister at State House.
"""


def test_a_dateline_with_the_agency_between_slashes_dates_its_item_and_is_no_act():
    found = dated_sentences(AGENCY_WIRE, 2025)
    texts = [e.text for e in found]
    assert not any(t.startswith(("LUANDA", "HARARE")) for t in texts)  # the dateline is not an event
    days = {e.text[:20]: e.span.start for e in found}
    assert days["Cuban Foreign Minist"] == date(2025, 4, 30)  # the Wednesday before Friday 2 May
    assert days["Zimbabwe's President"] == date(2025, 5, 6)  # the lede, dated by its dateline


def test_here_in_a_datelined_item_is_the_datelines_place():
    found = dated_sentences(AGENCY_WIRE, 2025)
    assert [e.venue for e in found if "held talks here" in e.text] == ["LUANDA"]
    assert [e.venue for e in found if "received the visiting" in e.text] == [""]


# ------------------------------------------------------------------ a message export's bracketed stamps

CHAT_EXPORT = """Andes Watch | news channel

[02.06.2025 08:15]
Peruvian Foreign Minister Elmer Schialer met the Bolivian ambassador in Lima this morning.

[03.06.2025 19:40] (edited)
Forwarded from Cancilleria Peru
Chilean President Gabriel Boric spoke by phone with Peruvian President Dina Boluarte yesterday.
"""


def test_a_bracketed_message_stamp_is_the_day_its_post_counts_from():
    days = {e.text[:20]: e.span.start for e in dated_sentences(CHAT_EXPORT, 2025)}
    assert days["Peruvian Foreign Min"] == date(2025, 6, 2)
    assert days["Chilean President Ga"] == date(2025, 6, 2)  # "yesterday" of an edited, forwarded post


# ------------------------------------------------------------------ a "Coming up" box is no chronology

QUARTERLY = """Embassy of Ireland in Lisbon: Quarterly Letter, Spring 2025

Ambassador meets the President

On 4 March, Ambassador Ciara Walsh presented her credentials to President Marcelo Rebelo de Sousa at Belém Palace.

Upcoming

2 May: Irish film night at the Cinemateca
17 May: the Ambassador visits Porto
June: Bloomsday readings in Coimbra
"""

TIMELINE_AFTER_BOX = QUARTERLY + """
Our year so far

12 January: The embassy reopened its consular counter.

19 January: Ambassador Ciara Walsh visited Braga.

2 February: The embassy hosted a trade mission.
"""


def test_a_run_of_dates_under_a_coming_up_heading_is_no_chronology(ref):
    assert chronology_entries(QUARTERLY, 2025) == []
    found = events(QUARTERLY, ref)
    assert day_of(found, "presented her credentials") == date(2025, 3, 4)
    assert day_of(found, "visits Porto") is None


def test_a_run_of_dates_under_the_next_heading_is_a_chronology_again():
    assert [e.span.start for e in chronology_entries(TIMELINE_AFTER_BOX, 2025)][:3] == [
        date(2025, 1, 12), date(2025, 1, 19), date(2025, 2, 2)]


# ------------------------------------------------------------------ dates that are no act's

def test_birth_dates_and_an_infoboxs_term_rows_are_no_acts():
    text = """Tomás Ferreyra

| Born | 3 August 1969, Rosario, Argentina |

| In office | 10 December 2019 – 9 December 2023 |

Tomás Ferreyra (born 3 August 1969) is an Argentine diplomat.

On 12 January 2024, Tomás Ferreyra met Chilean Foreign Minister Alberto van Klaveren in Santiago.
"""
    assert [e.span.start for e in dated_sentences(text, 2024)] == [date(2024, 1, 12)]


def test_a_state_that_lasted_and_a_meeting_still_to_be_held_are_no_acts():
    text = """The border crossing at Chacalluta stayed closed on 4 and 5 May after the storm.

The ministers agreed to prepare the regional summit, to be held in Montevideo from 20 to 22 June 2025.
"""
    assert dated_sentences(text, 2025) == []


def test_a_long_whose_clause_holds_background_not_the_sentences_act():
    from transforms.chronology import _sentence_date

    sentence = ("Chile, Peru and Ecuador, whose agreement on fisheries with the Pacific Alliance partners entered into "
                "force on 2 March 2025, compare their catches each month.")
    assert _sentence_date(sentence, 2025, None)[1] == "background"


def test_a_sentence_dated_only_inside_its_whose_clause_is_no_act():
    text = ("Chile, Peru and Ecuador, whose agreement on fisheries with the Pacific Alliance partners entered into "
            "force on 2 March 2025, compare their catches each month.\n")
    assert dated_sentences(text, 2025) == []


def test_a_summarys_line_gives_way_to_the_paragraph_that_tells_the_act_in_full():
    text = ("1. (C) Summary: Foreign Minister Elmer Schialer used a quickly convened meeting with his Chilean and "
            "Bolivian counterparts on June 9 to press for a joint border commission. End summary.\n\n"
            "2. (C) On June 9, Foreign Minister Elmer Schialer hosted the Chilean and Bolivian foreign ministers at "
            "the Torre Tagle Palace in Lima to press for a joint border commission.\n")
    found = dated_sentences(text, 2025)
    assert [e.text[:34] for e in found] == ["(C) On June 9, Foreign Minister El"]
    assert found[0].span.start == date(2025, 6, 9)


# ------------------------------------------------------------------ a dated head over a list of acts

SIGNINGS = """In the presence of both leaders, the following agreements were signed at the Casa Rosada on 6 May 2025:

Memorandum on Lithium Research, signed by Minister Ana Duarte and Minister Pablo Ibarra;

Agreement on Border Health Posts, signed by the two Ministers of Health.

The Prime Ministers then visited the Museo del Bicentenario.
"""

AGREED = """On 6 May 2025 the two ministers agreed on the following:

- to meet again before the end of the year;

- to open a joint trade office.
"""


def test_each_item_under_a_dated_head_of_signings_is_an_act_of_its_day_and_place():
    found = dated_sentences(SIGNINGS, 2025)
    assert [(e.span.start, e.text[:20], e.venue) for e in found] == [
        (date(2025, 5, 6), "Memorandum on Lithiu", "Casa Rosada"),
        (date(2025, 5, 6), "Agreement on Border ", "Casa Rosada"),  # the head is no act; the list ends at "."
        (date(2025, 5, 6), "The Prime Ministers ", "")]


def test_the_items_of_what_was_agreed_are_one_act():
    assert [e.text[:30] for e in dated_sentences(AGREED, 2025)] == ["On 6 May 2025 the two minister"]


def test_a_question_tells_no_act_but_a_told_clause_before_it_does():
    text = """[05.05.2025 09:00]
Poll: will the talks in Quito today ease the border dispute?

[06.05.2025 10:00]
Reporter: On 2 May the ministers of Peru and Ecuador met in Quito; what came of it?
"""
    assert [(e.span.start, e.text[:20]) for e in dated_sentences(text, 2025)] == [
        (date(2025, 5, 2), "Reporter: On 2 May t")]
