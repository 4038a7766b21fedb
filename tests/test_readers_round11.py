"""Readers, round 11: an aggregator's item stamps (`<time datetime>`) date their items; a UN-style document
converted from PDF loses its running header, coded page footers and its footnotes. Every sentence here is
written for the test (invented people and places, or real leaders in new sentences)."""

from __future__ import annotations

import pytest

from tests.extraction_helpers import extract_text
from transforms.extract import extract_document
from transforms.readers import read_document


def events_of(name: str, data: str, ref) -> list[dict]:
    return extract_text(data, ref, name=name)["events"].to_pylist()


# ------------------------------------------------------------------ an aggregator's stamped items

def _item(iso: str, shown: str, source: str, headline: str, summary: str) -> str:
    return (f'<li class="entry"><time datetime="{iso}">{shown}</time> <span>from {source}</span>'
            f"<h3>{headline}</h3><p>{summary}</p></li>")


DIGEST = ("<html><head><title>Baltic Wire weekly</title></head><body><main><h1>Baltic Wire weekly</h1>"
          "<p>Eleven links, newest first.</p><ul>"
          + _item("2024-09-12T18:20", "12 Sep 18:20", "Delfi", "Ministers meet on the ferry route",
                  "Foreign ministers Karlis Ozols and Ilmar Tamm met in Riga to review the new Baltic ferry route.")
          + _item("2024-09-11T07:05", "11 Sep 07:05", "ERR", "Tallinn lays a wreath",
                  "The Estonian president laid a wreath at the harbour memorial in Tallinn.")
          + _item("2024-09-09T21:40", "9 Sep 21:40", "LRT", "Vilnius signs a grid memorandum",
                  "Lithuania and Poland signed a memorandum on grid synchronisation in Vilnius.")
          + "</ul><p>Next issue in a week. Remember the storm of March 2019.</p></main></body></html>")


def test_each_item_summary_is_headed_by_its_stamps_full_date() -> None:
    text = read_document("digest.html", DIGEST.encode()).text
    assert "September 12, 2024: Foreign ministers Karlis Ozols" in text
    assert "September 9, 2024: Lithuania and Poland signed" in text
    assert "18:20" not in text and "12 Sep" not in text  # the yearless visible stamp (and its clock) is gone
    assert "Ministers meet on the ferry route" in text and "from Delfi" in text


def test_a_stamped_item_without_a_day_word_is_dated_by_its_stamp(ref) -> None:
    events = events_of("digest.html", DIGEST, ref)
    dated = {e["text"].split(": ", 1)[-1][:20]: str(e["date_start"]) for e in events}
    assert dated.get("Foreign ministers Ka") == "2024-09-12"
    assert dated.get("Lithuania and Poland") == "2024-09-09"
    assert not [e for e in events if str(e["date_start"]).startswith("2019")]


def test_an_inline_item_summary_gets_the_stamp_too() -> None:
    page = ("<html><body><main><ol>"
            '<li><time datetime="2023-04-02">2 Apr</time> Chancellor Olaf Scholz visited Gdansk shipyard workers.</li>'
            '<li><time datetime="2023-04-05">5 Apr</time> Chancellor Olaf Scholz received the Dutch premier.</li>'
            "</ol></main></body></html>")
    text = read_document("list.html", page.encode()).text
    assert "April 2, 2023: Chancellor Olaf Scholz visited Gdansk" in text
    assert "April 5, 2023: Chancellor Olaf Scholz received" in text


def test_a_single_time_element_stays_the_publication_day() -> None:
    page = ('<html><body><article><h1>Talks in Narva</h1><p>By R. Saar, <time datetime="2024-02-14">14 Feb</time>'
            "</p><p>The two prime ministers met in Narva on Tuesday to discuss the bridge project.</p>"
            "</article></body></html>")
    doc = read_document("one.html", page.encode())
    assert doc.metadata.get("published") == "2024-02-14"
    assert "February 14, 2024:" not in doc.text and "14 Feb" in doc.text


def test_an_archive_list_with_several_stamps_per_item_is_not_an_item_list() -> None:
    page = ("<html><body><main><div>"
            '<p><time datetime="2024-01-03">3 Jan</time> and <time datetime="2024-01-09">9 Jan</time> sessions '
            "of the joint commission on the river border were held in Tartu.</p></div></main></body></html>")
    text = read_document("two.html", page.encode()).text
    assert "3 Jan" in text and "9 Jan" in text and "2024:" not in text


# ------------------------------------------------------------------ a PDF converted to text

RULE = "-" * 96
UN_TEXT = f"""                                                                              A/79/555
  General Assembly                                                  Distr.: General

  Report of the Secretary-General on the Lake Varda basin

  1.   The present report covers the situation in the Lake Varda basin and the work of the
  joint commission.

  2.   On 4 March 2024, the Foreign Minister of Kerelia met the Envoy of the Secretary-General in
  Porvik to discuss the release of detained fishermen, the reopening of the ferry line and the
  joint survey of the fishing grounds.1


  2/5                                                                           24-11873
{RULE}
                                                                              A/79/555

  3.   On 12 March 2024, Kerelian coastguard vessels detained two fishing boats near the island
  of Lusk.
  _______________
  1  Ministry of Foreign Affairs of Kerelia, press release, 4 March 2024.
  2  Information received by the commission, 14 March
     2024.

  24-11873                                                                           3/5
{RULE}
                                                                              A/79/555

  4.   On 20 March 2024, the commission convened in Porvik and agreed a joint patrol. It met again
  in Lusk and the coastguard of Kerelia released the boats on 22 March
{RULE}
                                                                              A/79/555

  2024 after talks with the commission.
"""


def test_running_header_and_coded_page_footer_are_dropped() -> None:
    text = read_document("un.txt", UN_TEXT.encode()).text
    assert "A/79/555" not in text
    assert "24-11873" not in text and "2/5" not in text and "3/5" not in text


def test_a_sentence_cut_by_a_page_break_is_joined_again() -> None:
    text = read_document("un.txt", UN_TEXT.encode()).text
    assert "released the boats on 22 March 2024 after talks with the commission." in text


def test_footnotes_under_a_short_rule_are_not_report_text() -> None:
    text = read_document("un.txt", UN_TEXT.encode()).text
    assert "press release" not in text and "Information received" not in text


def test_a_plain_digit_footnote_mark_ends_a_paragraph() -> None:
    text = read_document("un.txt", UN_TEXT.encode()).text
    assert "fishing grounds.1\n" in text  # paragraph 2 ends there; paragraph 3 is not glued to it
    page = "  2.   The envoy visited the port of Lusk on 2 March\n\n  that year, it was reported.\n"
    assert "2 March that year" in read_document("cut.txt", page.encode()).text  # no mark: still joined


def test_a_short_rule_without_numbered_notes_is_just_a_rule() -> None:
    page = ("Talks in Porvik resumed on 5 May.\n\n_______________\n\n"
            "The envoy met the minister in Lusk on 6 May.\n")
    assert "The envoy met the minister in Lusk" in read_document("rule.txt", page.encode()).text


def test_a_dated_table_row_that_looks_like_a_page_footer_is_kept() -> None:
    page = ("Votes on the draft texts (month/day)\n\n  2701      12/3\n  2702      12/5\n\n"
            "The committee adopted both texts.\n")
    text = read_document("votes.txt", page.encode()).text
    assert "2701 12/3" in text and "2702 12/5" in text  # a footer's code repeats on every page; these differ


def test_a_running_header_between_page_rules_is_dropped_without_page_numbers() -> None:
    page = "\n".join([
        "  Situation of the Varda fisheries                                             WP/2024/17", "",
        "  The commission met in Porvik on 3 June and heard the fishermen's", RULE,
        "  Situation of the Varda fisheries                                             WP/2024/17", "",
        "  union, which asked for a joint patrol.", "", "  The patrol began on 9 June near Lusk.", RULE,
        "  Situation of the Varda fisheries                                             WP/2024/17", "",
        "  The commission reported on 30 June.", ""])
    text = read_document("wp.txt", page.encode()).text
    assert "WP/2024/17" not in text
    assert "heard the fishermen's union, which asked for a joint patrol." in text


# ------------------------------------------------------------------ a PDF table whose cells wrap

ROWS = [
    ("Date", "Actors", "Event", "Location"),
    ("2/3/2024", "Karl Nehammer; Petr Fiala", "Austrian Chancellor Karl Nehammer receives Czech Prime Minister Petr "
     "Fiala for talks on the Danube shipping accord.", "Vienna"),
    ("3/19/2024", "Danube Shipping Commission; Slovak transport ministry",
     "The commission and the ministry sign a dredging protocol for the river port.", "Komarno river port"),
    ("4/2/2024", "Viktor Orban", "Orban opens the new bridge.", "Esztergom"),
]


def _table_pdf(v_align: str = "MIDDLE") -> bytes:
    fpdf = pytest.importorskip("fpdf", reason="fpdf2 is a dev dependency")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=9)
    pdf.multi_cell(0, 5, "Annex. Dated events of the river commission, 2024 (dates month/day/year)")
    with pdf.table(col_widths=(20, 40, 95, 35), first_row_as_headings=False) as table:
        for row in ROWS:
            cells = table.row()
            for value in row:
                cells.cell(value, v_align=v_align)
    pdf.multi_cell(0, 5, "Source: commission minutes. The table was compiled in May.")
    return bytes(pdf.output())


@pytest.mark.parametrize("v_align", ["MIDDLE", "TOP"])  # cells centred in their row, or set at its top
def test_a_pdf_table_row_with_wrapped_cells_stays_one_entry(v_align: str) -> None:
    text = read_document("annex.pdf", _table_pdf(v_align)).text
    assert ("3/19/2024 · Komarno river port · Danube Shipping Commission; Slovak transport ministry – The commission "
            "and the ministry sign a dredging protocol for the river port.") in text
    assert "2/3/2024 · Vienna · Karl Nehammer; Petr Fiala – Austrian Chancellor" in text
    assert "4/2/2024 · Esztergom · Viktor Orban – Orban opens the new bridge." in text
    assert "Source: commission minutes." in text and "Date Actors" not in text


def test_a_pdf_table_rows_words_map_to_the_extracted_text() -> None:
    doc = read_document("annex.pdf", _table_pdf())
    i = doc.text.index("Komarno")
    s, e = doc.source_span(i, i + len("Komarno river port"))
    assert doc.source_text[s:e].split() == ["Komarno", "river", "port"]


def test_a_pdf_table_row_dates_its_act_and_places_it(ref) -> None:
    doc = read_document("annex.pdf", _table_pdf())
    events = extract_document(doc, ref, file_id="f1", report_id="r1", file_name="annex.pdf")["events"].to_pylist()
    sign = [e for e in events if "dredging protocol" in e["text"]]
    assert sign and str(sign[0]["date_start"]) == "2024-03-19" and sign[0]["location"] == "Komarno river port"


# ------------------------------------------------------------------ an embedded post's counters

def test_the_counters_under_an_embedded_post_are_not_text() -> None:
    page = ("<html><body><article><h1>Live: talks in Ankara</h1>"
            "<p>The Turkish foreign minister has posted about the talks:</p><blockquote class=\"post\">"
            "<p>Good talks today with my Greek counterpart on the Aegean.</p><p>— Hakan Fidan, 3 March 2025</p>"
            "<p>2,305 Reposts · 11.2K Likes · 310 Replies</p></blockquote>"
            "<p>Officials said 2,305 people attended the rally.</p></article></body></html>")
    text = read_document("live.html", page.encode()).text
    assert "Reposts" not in text and "Likes" not in text
    assert "Officials said 2,305 people attended the rally." in text


def test_a_heading_boxed_by_two_rules_is_no_running_header():
    rule = "=" * 70
    text = "".join(f"{rule}\n{day}\n{rule}\n\nThe minister met the delegation of {city}.\n\n"
                   for day, city in (("MONDAY, 10 MARCH 2025", "Ohrid"), ("TUESDAY, 11 MARCH 2025", "Bitola")))
    doc = read_document("schedule.txt", text.encode())
    assert "MONDAY, 10 MARCH 2025" in doc.text and "TUESDAY, 11 MARCH 2025" in doc.text


# ------------------------------------------------------------------ a year-in-review wiki page

YEAR_PAGE = """# 2025 in Chile

## Incumbents

- President: Gabriel Boric (until 11 March 2026)

## Events

### January

- 9 January – President Gabriel Boric meets Argentine President Javier Milei in Santiago.[1]
  - The two governments agree to reopen the Cristo Redentor pass.
- 20 January – A fire breaks out at the port of Valparaiso.
  - Firefighters from Vina del Mar join the effort.

### March

- 4 March – The Senate approves the pension reform.[2]

## Deaths

- 2 February – Rosa Vidal, poet (b. 1931)
- 7 May – Tomas Ruiz, footballer (b. 1950)

## Scheduled

- 16 November 2026 – General election

## References

1. "Boric and Milei meet". 9 January 2025. Retrieved 10 January 2025.

## See also

- 2025 in South America

This page was last edited on 3 December 2025, at 10:02 (UTC).
"""


def test_a_year_in_review_page_gives_its_events_and_not_its_lists_or_plans(ref):
    events = events_of("chile.md", YEAR_PAGE, ref)
    assert [(str(e["date_start"]), e["event_type"], e["text"]) for e in events] == [
        ("2025-01-09", "meeting", "President Gabriel Boric meets Argentine President Javier Milei in Santiago."),
        ("2025-01-09", "agreement", "The two governments agree to reopen the Cristo Redentor pass."),
        ("2025-01-20", "incident", "A fire breaks out at the port of Valparaiso. Firefighters from Vina del Mar "
                                   "join the effort."),
        ("2025-03-04", "legal", "The Senate approves the pension reform."),
    ]


def test_a_sentence_end_is_read_at_the_end_of_a_long_paragraph():
    from transforms.readers.text import ends_sentence

    long = "word " * 400
    assert ends_sentence(long + "the end.”)  ")
    assert ends_sentence(long + "displaced as at 31 March 2025.5")  # a footnote mark after the full stop
    assert ends_sentence(long + "the total was 12.[3]")
    assert not ends_sentence(long + "and the talks went on with the")
    assert not ends_sentence("Talks ended. And then the")
