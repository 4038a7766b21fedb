"""Readers, round 12: visit tables with place/actor columns by other names, photo captions that tell the act,
newsletter headlines over their date lines."""

from __future__ import annotations

from transforms.readers import read_document
from transforms.readers.text import blocks_from_lines, caption_act


def _md(text: str) -> list[str]:
    return read_document("page.md", text.encode()).text.split("\n\n")


def _pdf_lines(*lines: str) -> list[str]:
    pairs, off = [], 0
    for line in lines:
        pairs.append((line, off))
        off += len(line) + 1
    return [b.text for b in blocks_from_lines(pairs, markdown=False, pdf=True)]


# ------------------------------------------------------------------ visit tables

OUTGOING = """# Journeys abroad of the Chancellor of Austria in 2031

| Dates | Country | Areas visited | Details |
|---|---|---|---|
| 3–5 March | Portugal | Lisbon, Porto | Official visit. Spoke at the university. |
| 9–10 May | Chile | Valparaíso | Attended the Pacific forum. |
"""

INCOMING = """## Guests

| Date | Guest | Destination | Delegation | Outcome |
|---|---|---|---|---|
| 2–4 June | King Harald V | Graz | Queen Sonja and the ministers of trade and of culture | Opened the Norwegian week. |
"""


def test_a_visit_rows_entry_is_placed_in_its_city_not_its_country() -> None:
    blocks = _md(OUTGOING)
    assert "3–5 March · Lisbon, Porto · Official visit. Spoke at the university." in blocks
    assert "9–10 May · Valparaíso · Attended the Pacific forum." in blocks
    assert "Country: Portugal" in blocks  # the coarser place stays, labelled, after its row
    assert not any(b.startswith("| Dates") or b == "3–5 March" for b in blocks)  # header gone, rows not cut up


def test_a_visit_rows_guest_is_the_subject_of_its_act() -> None:
    blocks = _md(INCOMING)
    assert "2–4 June · Graz · King Harald V – Opened the Norwegian week." in blocks
    assert "Delegation: Queen Sonja and the ministers of trade and of culture" in blocks


def test_a_notes_column_is_the_act_only_when_no_column_names_one() -> None:
    table = ("| Date | Venue | Budget | Notes |\n|---|---|---|---|\n"
             "| 7 July | Palais Coburg | EUR 1.5 million from the regional fund | Ministers met. |\n"
             "\n| Date | Who | Summary | Notes |\n|---|---|---|---|\n"
             "| 8 July | Ana Brnabić | Talks on energy. | Postponed twice. |\n")
    blocks = _md(table)
    assert "7 July · Palais Coburg · Ministers met." in blocks
    assert "8 July · Ana Brnabić – Talks on energy." in blocks and "Notes: Postponed twice." in blocks


# ------------------------------------------------------------------ photo captions

def test_a_caption_with_a_verb_tells_the_act() -> None:
    assert caption_act("Minister Lars Holm presents the award to Chief Ana Paz at the Town Hall, Apia.")
    assert caption_act("Deputy Head of Mission Eva Lind and Mayor Tom Ruiz sign the lease in Nuuk.")
    assert not caption_act("Minister Lars Holm (left) with Chief Ana Paz at the Town Hall, Apia.")
    assert not caption_act("Mayor Tom Ruiz and the delegation at the harbour in Nuuk.")
    assert not caption_act("Reuters")


def test_a_pdf_caption_telling_the_act_is_kept_without_its_label_and_with_its_wrapped_end() -> None:
    got = _pdf_lines("Harbour works begin", "3 March 2031", "[photo]",
                     "Photo: Minister Lars Holm and Mayor Tom Ruiz open the new quay at the harbour of the Nuuk",
                     "Port.", "The new quay was opened in the morning and will take the cruise ships of the summer.",
                     "Photo: Mayor Tom Ruiz shows the harbour master the plans for the old quay of the Nuuk Port.",
                     "The old quay will be rebuilt next year with money from the regional fund of the kingdom.")
    assert "Minister Lars Holm and Mayor Tom Ruiz open the new quay at the harbour of the Nuuk Port." in got
    assert "Mayor Tom Ruiz shows the harbour master the plans for the old quay of the Nuuk Port." in got
    assert not any("Photo:" in b for b in got)


def test_a_dropped_pdf_caption_takes_its_wrapped_end_with_it() -> None:
    got = _pdf_lines("The delegation toured the port in the morning and met the harbour master at his office.",
                     "Photo: Minister Lars Holm (left) with the harbour master at the new quay of the container",
                     "terminal.", "In the afternoon the delegation flew to the south of the island for the talks.")
    assert not any("terminal." in b or "Photo" in b for b in got)
    assert any(b.startswith("In the afternoon") for b in got)


def test_a_text_caption_telling_the_act_stays_one_paragraph() -> None:
    text = ("Intro line.\n\nPhoto: Minister Lars Holm greets Mayor Tom Ruiz\nat the Town Hall in Apia.\n\n"
            "Body text here.")
    blocks = read_document("page.txt", text.encode()).text.split("\n\n")
    assert "Minister Lars Holm greets Mayor Tom Ruiz at the Town Hall in Apia." in blocks


# ------------------------------------------------------------------ newsletter headlines

def test_a_pdf_headline_over_a_date_line_does_not_join_the_paragraph_above() -> None:
    got = _pdf_lines("The first item of the issue is a long paragraph that fills the width of the page and more.",
                     "It goes on for a second line and then ends right here in a sentence.",
                     "A school for Vaitele", "4 March 2031", "The embassy opened a school in Vaitele.")
    assert "A school for Vaitele" in got
    assert not any(b.endswith("A school for Vaitele") and b != "A school for Vaitele" for b in got)


# ------------------------------------------------------------------ a diplomatic cable's header and marks

CABLE = """S E C R E T SECTION 01 OF 03 OSLO 000212

NOFORN

E.O. 13526: DECL: 11/02/2041
TAGS: PREL, MARR, NO, RS
SUBJECT: NORWAY WEIGHS ARCTIC PATROLS AFTER
SVALBARD INCIDENT

REF: OSLO 0199

Classified By: Ambassador Ruth N. OKAFOR, reasons 1.4 (b) and (d)

021015Z NOV 31

1. (S/NF) Summary: On October 30, Foreign Minister Ivar TANGEN met the Russian ambassador in Oslo.
End summary.

2. (SBU) On October 31, the Coast Guard escorted a trawler out of the zone.

(C) Post will report further.
"""


def test_a_cables_header_is_no_text_but_tells_its_subject_classifier_and_day() -> None:
    doc = read_document("cable.txt", CABLE.encode())
    assert doc.text.startswith("1. Summary: On October 30, Foreign Minister Ivar TANGEN met")
    assert "DECL" not in doc.text and "TAGS" not in doc.text and "021015Z" not in doc.text
    assert "NOFORN" not in doc.text and "REF:" not in doc.text
    assert doc.title == "NORWAY WEIGHS ARCTIC PATROLS AFTER SVALBARD INCIDENT"
    assert doc.metadata["classified_by"] == "Ambassador Ruth N. OKAFOR"
    assert doc.metadata["published"] == "2031-11-02"


def test_a_cables_classification_marks_are_dropped() -> None:
    doc = read_document("cable.txt", CABLE.encode())
    assert "2. On October 31, the Coast Guard escorted" in doc.text
    assert "\n\nPost will report further." in doc.text
    assert "(S/NF)" not in doc.text and "(SBU)" not in doc.text and "(C)" not in doc.text
    i = doc.text.index("On October 31")
    s, e = doc.source_span(i, i + len("On October 31"))
    assert doc.source_text[s:e] == "On October 31"


def test_outside_a_cable_only_a_numbered_paragraphs_mark_is_dropped() -> None:
    text = "Options before the council:\n\n(S) Sanctions on the regime.\n\n3. (U) The vote is on Friday.\n"
    doc = read_document("memo.txt", text.encode())
    assert "(S) Sanctions on the regime." in doc.text and "3. The vote is on Friday." in doc.text
    assert read_document("memo.txt", b"TAGS: none\n\nSUBJECT: lunch\n\nThe lunch is at noon.").metadata.get(
        "published") is None


def test_a_page_whose_body_names_tags_and_a_subject_is_no_cable() -> None:
    text = ("WEEKLY NOTES\n\nThe archive lists each item under TAGS: and SUBJECT: fields.\n\n"
            "The minister met the envoy on Monday.\n")
    doc = read_document("notes.txt", text.encode())
    assert doc.text.startswith("WEEKLY NOTES")


# ------------------------------------------------------------------ a channel export's furniture

CHANNEL = """Baltic Desk 🇪🇪 | Notes from Tallinn
t.me/balticdesk · 12.4K subscribers

[03.02.2031 08:15]
Forwarded from Estonian Foreign Ministry
Foreign Minister Kaja Sild met her Latvian counterpart in Riga this morning.
#Estonia #Latvia
👁 3.1K

━━━━━━━━━━━━

[04.02.2031 17:40]
The Riigikogu passed the border bill by 61 votes to 30.
👁 2,045
"""


def test_a_channel_exports_counters_hashtags_forwards_and_audience_are_no_text() -> None:
    doc = read_document("channel.txt", CHANNEL.encode())
    assert "[03.02.2031 08:15]\n\nForeign Minister Kaja Sild met her Latvian counterpart" in doc.text
    assert not any(mark in doc.text for mark in ("subscribers", "Forwarded", "#Estonia", "👁", "━"))
    assert doc.title == "Baltic Desk 🇪🇪 | Notes from Tallinn"


def test_a_sentence_about_followers_or_a_hashtag_stays_text() -> None:
    text = ("The minister's account has 40,000 followers.\n\n#Estonia2031 trended all day after the talks.\n\n"
            "Forwarded from the embassy, the note reached the ministry on Monday.\n")
    doc = read_document("notes.txt", text.encode())
    assert doc.text.count("\n\n") == 2


def test_a_pdf_column_headline_after_a_paragraphs_end_stands_alone() -> None:
    got = _pdf_lines("The trade ministers met in Tartu on Monday and agreed on the",
                     "rail freight timetable for the coming winter season.",
                     "Ferry links to Saaremaa",
                     "The ferry operator added two crossings a day from the port",
                     "of Virtsu in the autumn, and the fares were left as before.")
    assert "Ferry links to Saaremaa" in got
    assert "Ferry links to Saaremaa" not in got[-1] or got[-1] == "Ferry links to Saaremaa"
    assert not _pdf_lines("The trade ministers met in Tartu on Monday and agreed on the",
                          "rail freight timetable for the coming winter season.",
                          "Ferry links to the",
                          "Port Authority of Virtsu were added in the autumn, and the fares",
                          "were kept as before.").count("Ferry links to the")


# ------------------------------------------------------------------ a page's own day, a speech's notes

def _html(body: str, title: str = "Ministry of Foreign Affairs") -> str:
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>"


PRESS = _html('<div class="nav"><a href="/">Home</a> | <a href="/news">News</a></div>'
              "<h1>Spokesperson Ana Lind's Regular Briefing on June 3, 2031</h1>"
              '<p class="meta">Updated: June 03, 2031 18:05 | Print</p>'
              '<div class="content"><p>Q: Did the minister travel to Riga on Monday as announced last week?</p>'
              "<p>Ana Lind: Yes. On Monday the minister held talks in Riga with her Latvian counterpart on the "
              "rail link, and the two sides signed a memorandum on border crossings.</p>"
              "<p>Q: What about the ferry strike that started yesterday in the port of Tallinn?</p>"
              "<p>Ana Lind: I would refer you to the competent authorities for the details of the strike.</p></div>",
              title="Spokesperson Ana Lind's Regular Briefing on June 3, 2031")


def test_a_pages_stamp_line_is_its_published_day_and_its_h1_heads_the_text() -> None:
    doc = read_document("briefing.html", PRESS.encode())
    assert doc.metadata["published"] == "June 03, 2031"
    assert doc.text.startswith("Spokesperson Ana Lind's Regular Briefing on June 3, 2031\n\n")


def test_a_title_ending_on_its_day_dates_the_page_but_a_day_it_names_does_not() -> None:
    body = "<h1>Remarks</h1><p>The minister spoke to the press about the talks with the Latvian delegation.</p>"
    dated = read_document("a.html", _html(body, "Remarks to the press, 4 May 2031").encode())
    assert dated.metadata["published"] == "4 May 2031"
    named = read_document("b.html", _html(body, "Remarks on the attack of 4 May 2031").encode())
    assert "published" not in named.metadata


SPEECH = _html("<article><h1>Address by the President of Palau</h1>"
               "<p><strong>Assembly Hall, Koror &mdash; Tuesday, 14 October 2031</strong></p>"
               "<p><em>Check against delivery</em></p>"
               "<p>On 2 October our Senate ratified the fisheries treaty with Japan. [Applause]</p>"
               "<p>We thank our partners for their patience (Laughter) and their trust.</p></article>")


def test_a_speechs_delivery_line_is_its_day_and_its_delivery_notes_are_no_text() -> None:
    doc = read_document("speech.html", SPEECH.encode())
    assert doc.metadata["published"] == "Tuesday, 14 October 2031"
    assert "Assembly Hall, Koror — Tuesday, 14 October 2031" in doc.text
    assert "Check against delivery" not in doc.text and "Applause" not in doc.text and "Laughter" not in doc.text
    assert "ratified the fisheries treaty with Japan.\n\n" in doc.text
    assert "for their patience and their trust." in doc.text
    i = doc.text.index("and their trust")
    s, e = doc.source_span(i, i + len("and their trust"))
    assert doc.source_text[s:e] == "and their trust"


# ------------------------------------------------------------------ HTML visit tables

VISITS_HTML = ("<html><body><article><h1>Visits of the President of Malta in 2031</h1>"
               "<p>The President travelled abroad several times during the year.</p>"
               "<table><thead><tr><th>Dates</th><th>Leader</th><th>Country</th><th>Areas visited</th>"
               "<th>Details</th></tr></thead><tbody>"
               "<tr><td>3–5 March</td><td>President Myriam Spiteri Debono</td><td>Portugal</td>"
               "<td>Lisbon, Porto</td><td>State visit. Met the <a href='#'>President</a> of Portugal.</td></tr>"
               "<tr><td><i>(postponed)</i></td><td>President Myriam Spiteri Debono</td><td>Chile</td>"
               "<td>Santiago</td><td>Planned for May.</td></tr></tbody></table>"
               "<p>After the table.</p></article></body></html>")


def test_an_html_visit_tables_dated_rows_are_entries_like_a_markdown_tables() -> None:
    doc = read_document("visits.html", VISITS_HTML.encode())
    blocks = doc.text.split("\n\n")
    assert ("3–5 March · Lisbon, Porto · President Myriam Spiteri Debono – State visit. Met the President of "
            "Portugal.") in blocks
    assert "Country: Portugal" in blocks and "Dates" not in blocks and "Areas visited" not in blocks
    assert "(postponed)" in blocks and "Planned for May." in blocks  # an undated row: a block per cell
    i = doc.text.index("Lisbon, Porto")
    s, e = doc.source_span(i, i + len("Lisbon, Porto"))
    assert doc.source_text[s:e] == "Lisbon, Porto"


def test_an_html_table_without_a_header_row_or_a_place_column_keeps_its_cells() -> None:
    infobox = ("<html><body><article><h1>Border crisis</h1><p>A crisis on the border lasted the whole summer.</p>"
               "<table><tr><th>Date</th><td>4–9 June 2031</td></tr><tr><th>Location</th><td>Narva</td></tr>"
               "</table></article></body></html>")
    blocks = read_document("box.html", infobox.encode()).text.split("\n\n")
    assert blocks[2:] == ["Date", "4–9 June 2031", "Location", "Narva"]


def test_an_html_date_and_event_table_keeps_its_date_and_entry_blocks() -> None:
    page = ("<html><body><article><h1>Tracker</h1><p>The tracker lists the measures of the year.</p>"
            "<table><tr><th>Date</th><th>Event</th></tr><tr><td>4 June 2031</td><td>The council adopted the "
            "twentieth package.</td></tr></table></article></body></html>")
    blocks = read_document("tracker.html", page.encode()).text.split("\n\n")
    assert blocks[-2:] == ["4 June 2031", "The council adopted the twentieth package."]


def test_a_site_h1_does_not_head_content_that_has_its_own_heading() -> None:
    page = ("<html><head><title>Notes | Baltic Desk</title></head><body>"
            '<div class="menu"><a href="/">Home</a> <a href="/all">All the notes of the desk</a></div>'
            '<div class="brand"><h1>Baltic Desk</h1></div>'
            '<div id="content"><h2>Ferry strike in Tallinn ends</h2>'
            "<p>The ferry strike in the port of Tallinn ended on Monday after the union and the operator agreed "
            "on a new wage deal for the crews of the summer season.</p>"
            "<p>The first ferries left for Helsinki in the evening, and the operator said the timetable would be "
            "back to normal by the end of the week.</p></div></body></html>")
    assert read_document("note.html", page.encode()).text.startswith("Ferry strike in Tallinn ends\n\n")
