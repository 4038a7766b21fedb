"""PDF-to-text output read as plain text: running headers at page breaks, hyphens split across a page
break, day-first chronology heads with no colon, year headings, footnotes and citations."""

from datetime import date

import pytest

from transforms.chronology import chronology_entries, dated_sentences, split_lines
from transforms.readers import read_document

PDF_TEXT = """BALTIC REVIEW                                     Issue 4 (Autumn 2024)

NORTHERN WATERS: FINLAND–ESTONIA RELATIONS

Anu Saar, Tallinn Policy Centre

The cable damage reported on 8 October set off a round of consultations between
Helsinki and Tallinn that ended with the first joint patrol three days later.¹ The
underlying dispute over liability is not settled.

                                                                     17
BALTIC REVIEW                                     Issue 4 (Autumn 2024)

¹ Ministry of Foreign Affairs, press briefing, 11 October 2024.
[4] Coast Guard annual data, 2024.

CHRONOLOGY OF FINLAND–ESTONIA RELATIONS
(Dates are day–month; the year is printed once, above the entries of each group.)

2023
14 Nov.  Prime Minister Petteri Orpo and Prime Minister Kaja Kallas meet in
         Helsinki to discuss the Balticconnector pipeline repairs.
2 Dec.   The two coast guards hold a joint search exercise near Hanko and
         agree on a liaison officer for the Gulf of Finland.
2024
8–9 Jan. Defence ministers hold talks in Tallinn on a shared sea-surveillance
         network, with a pilot phase for the coun-
                                                                     18
BALTIC REVIEW                                     Issue 4 (Autumn 2024)
         ties on the southern coast.
20 Feb.  Foreign Minister Elina Valtonen visits Narva.

[7] Ministry of Defence, briefing notes.
                                                                     19
"""


@pytest.fixture(scope="module")
def doc():
    return read_document("review.txt", PDF_TEXT.encode())


def test_running_header_is_removed_and_the_split_word_mended(doc):
    assert "BALTIC REVIEW" not in doc.text
    assert "a pilot phase for the counties on the southern coast." in doc.text


def test_year_lines_and_day_first_heads_start_their_own_blocks(doc):
    lines = [b.text for b in split_lines(doc.text)]
    assert "2023" in lines and "2024" in lines
    assert any(t.startswith("2 Dec.") and t.endswith("liaison officer for the Gulf of Finland.") for t in lines)


def test_year_headings_give_the_entries_their_year(doc):
    entries = chronology_entries(doc.text, default_year=2024)
    assert [(e.span.start, e.span.end) for e in entries] == [
        (date(2023, 11, 14), date(2023, 11, 14)), (date(2023, 12, 2), date(2023, 12, 2)),
        (date(2024, 1, 8), date(2024, 1, 9)), (date(2024, 2, 20), date(2024, 2, 20))]
    assert entries[-1].text == "Foreign Minister Elina Valtonen visits Narva."  # no citation glued on


def test_footnotes_are_blocks_of_their_own_and_never_dated(doc):
    lines = [b.text for b in split_lines(doc.text)]
    assert "¹ Ministry of Foreign Affairs, press briefing, 11 October 2024." in lines
    footnotes_only = "\n\n".join(t for t in lines if t[:1] in "¹[")
    assert dated_sentences(footnotes_only, 2024) == []


def test_body_retellings_are_not_events_when_there_is_a_chronology(doc):
    from tests.test_events import EVENT_TABLES
    from transforms.extract import extract_document
    from transforms.reference import Reference

    events = extract_document(doc, Reference.from_tables(EVENT_TABLES), file_id="f", report_id="r")["events"]
    assert sorted(d.isoformat() for d in events.column("date_start").to_pylist()) == [
        "2023-11-14", "2023-12-02", "2024-01-08", "2024-02-20"]


def test_a_wrapped_date_after_a_preposition_does_not_start_an_entry():
    text = ("The two leaders first met in Helsinki, and the accord on the cable was signed on\n"
            "14 Nov. The accord took effect at once, with a review due after a year.\n")
    lines = [b.text for b in split_lines(read_document("note.txt", text.encode()).text)]
    assert len(lines) == 1 and "signed on 14 Nov. The accord" in lines[0]
    justified = text.replace("14 Nov. The", "14 March  The")  # a doubled space is no column gap here
    lines = [b.text for b in split_lines(read_document("note.txt", justified.encode()).text)]
    assert len(lines) == 1 and "signed on 14 March The accord" in lines[0]


def test_a_paragraph_ending_with_a_footnote_mark_is_not_joined_across_the_page():
    body = "The coast guards of the two countries now share radar pictures of the gulf in real time. " * 2
    text = (f"{body}The arrangement is the first of its kind.²\n\n                 3\nBALTIC REVIEW   Issue 4\n\n"
            f"Trade tells another story, and the ministers who meet each spring say as much in public.\n\n"
            f"                 4\nBALTIC REVIEW   Issue 4\n\nEnd.\n")
    lines = [b.text for b in split_lines(read_document("note.txt", text.encode()).text)]
    assert lines[0].endswith("first of its kind.²") and lines[1].startswith("Trade tells")


def test_a_footnote_date_is_not_the_reports_year():
    from tests.test_events import EVENT_TABLES
    from transforms.extract import _printed_year, report_year
    from transforms.reference import Reference

    text = ("Talks resumed on May 3 and again on June 9.\n\n"
            "In 2024 the two sides held talks twice in Helsinki and once in Tallinn.\n\n"
            "¹ Ministry of Foreign Affairs, press briefing, 11 October 2019.\n")
    assert _printed_year(text) is None
    assert report_year(text, Reference.from_tables(EVENT_TABLES), None)[0] == 2024


def test_a_column_gap_after_a_date_makes_a_head():
    text = ("CHRONOLOGY\n\n3 March      Envoys of the two states meet in Riga.\n"
            "March 9      The ministers sign a grid accord in Tallinn.\n"
            "The two leaders met on 12 March  and then again on 14 March.\n")
    doc = read_document("chron.txt", text.encode())
    assert [(e.span.start, e.text) for e in chronology_entries(doc.text, default_year=2024)] == [
        (date(2024, 3, 3), "Envoys of the two states meet in Riga."),
        (date(2024, 3, 9), "The ministers sign a grid accord in Tallinn. The two leaders met on 12 March and then "
                           "again on 14 March.")]
