"""Readers, round 13: an e-mail thread's quoted messages are text, each dated by its own day. Every sentence
here is written for the test (invented people and places, or real leaders in new sentences)."""

from __future__ import annotations

from tests.extraction_helpers import extract_text
from transforms.readers import read_document


def events_of(name: str, data: str, ref) -> list[dict]:
    return extract_text(data, ref, name=name)["events"].to_pylist()


# ------------------------------------------------------------------ e-mail threads

THREAD = """From: Varga, Lena (Central Europe Desk)
Sent: Friday, 11 April 2025 08:02
To: Danube Team
Subject: FW: RE: Vienna round-up
Attachments: notes-0904.docx

Team - forwarding the chain below so it sits in one place.

Lena Varga | Desk Officer | Central Europe Department
T: +43 1 555 0101

-----Original Message-----
> On Thu, 10 Apr 2025 at 17:20, Pavel Hrdina <pavel.hrdina@example.org> wrote:
>
> Quick update from Bratislava: Robert Fico received the Austrian Chancellor Christian Stocker
> yesterday at the Grassalkovich Palace.
>
> Pavel
>
> OFFICIAL
>
>> On Tue, 8 Apr 2025 at 09:45, Mira Kolar <mira.kolar@example.org> wrote:
>>
>> Morning both - Viktor Orban hosted Karl Nehammer in Budapest today for talks on the Danube
>> shipping corridor.
>>
>> Mira
>> M: +36 30 555 0199

**************************************************
CONFIDENTIALITY NOTICE: This message was signed on 1 January 2025 and is meant only for its addressees.
**************************************************
"""


def test_quoted_messages_of_a_forwarded_thread_are_text_without_their_marks() -> None:
    text = read_document("thread.txt", THREAD.encode()).text
    assert "Robert Fico received the Austrian Chancellor" in text
    assert "Viktor Orban hosted Karl Nehammer in Budapest today" in text
    assert not any(block.startswith(">") for block in text.split("\n\n"))


def test_each_quoted_message_counts_its_relative_days_from_its_own_day(ref) -> None:
    days = {e["date_start"].isoformat(): e["text"] for e in events_of("thread.txt", THREAD, ref)}
    assert "Robert Fico received" in days.get("2025-04-09", "")  # "yesterday" of the 10 April message
    assert "Viktor Orban hosted" in days.get("2025-04-08", "")  # "today" of the 8 April message


def test_signatures_separators_and_the_confidentiality_notice_are_no_text() -> None:
    text = read_document("thread.txt", THREAD.encode()).text
    for furniture in ("Desk Officer", "+43 1", "+36 30", "Original Message", "CONFIDENTIALITY", "signed on 1 January",
                      "Attachments", "notes-0904"):
        assert furniture not in text, furniture
    assert not {"Pavel", "Mira", "OFFICIAL"} & set(text.split("\n\n"))  # sign-offs and markings on their own


def test_an_e_mails_title_is_its_subject() -> None:
    assert read_document("thread.txt", THREAD.encode()).title == "FW: RE: Vienna round-up"


def test_an_outlook_forward_dates_its_message_by_the_sent_line(ref) -> None:
    thread = ("From: Anna Berg\nSent: Monday, 14 April 2025 10:00\nSubject: FW: Tallinn note\n\nSee below.\n\n"
              "-----Original Message-----\nFrom: Jaan Tamm\nSent: Thursday, 10 April 2025 16:30\n"
              "To: Anna Berg\nSubject: Tallinn note\n\n"
              "Kaja Kallas met the Finnish foreign minister Elina Valtonen in Tallinn yesterday.\n")
    text = read_document("fw.txt", thread.encode()).text
    assert "Jaan Tamm" not in text and "Subject" not in text
    days = [e["date_start"].isoformat() for e in events_of("fw.txt", thread, ref)]
    assert days == ["2025-04-09"]


def test_a_pasted_readouts_date_line_is_its_day(ref) -> None:
    thread = ("From: Ola Nordmann\nDate: Wed, 7 May 2025 09:00:00 +0200\nSubject: RE: call readout\n\n"
              "Thanks, noted.\n\n"
              "> On Tue, 6 May 2025 at 18:00, Kari Holm <kari@example.org> wrote:\n>\n"
              "> READOUT\n> Date/time: 5 May 2025, 14:00-14:20 CET | Format: video call\n>\n"
              "> Espen Barth Eide held a video call with Radoslaw Sikorski today on Baltic energy links.\n")
    days = [e["date_start"].isoformat() for e in events_of("re.txt", thread, ref)]
    assert days == ["2025-05-05"]


def test_a_newsletter_quoting_its_last_issue_still_drops_the_quote(ref) -> None:
    letter = ("From: Weekly Brief <brief@example.org>\nDate: Mon, 12 May 2025 07:00:00 +0000\n"
              "Subject: [Weekly Brief #12] Baltic week\n\nLast week we wrote:\n\n"
              "> On 2 May 2025 Edgars Rinkevics met Gitanas Nauseda in Riga.\n\n"
              "Alar Karis visited Vilnius on 9 May 2025.\n")
    texts = [e["text"] for e in events_of("brief.txt", letter, ref)]
    assert len(texts) == 1 and "Alar Karis" in texts[0]


# ------------------------------------------------------------------ tables

COUNTERPART_TABLE = """# Minister's engagements

| Date | Counterpart | Venue | Outcome |
|---|---|---|---|
| 4 February 2025 | Estonia: Foreign Minister Margus Tsahkna | Tallinn | Consultations on Baltic Sea cables |
| 20 May 2025 | NATO foreign ministers | Antalya | Informal meeting |
"""


def test_a_counterpart_column_is_the_rows_actor_not_a_labelled_cell(ref) -> None:
    tables = extract_text(COUNTERPART_TABLE, ref, name="engagements.md")
    first = tables["events"].to_pylist()[0]
    assert "Estonia: Foreign Minister Margus Tsahkna – Consultations" in first["text"]
    names = {p["canonical_name"] for p in tables["participants"].to_pylist()}
    assert "Counterpart" not in names


TREATY_TABLE = """## Bilateral treaties

| Instrument | Signed |
|---|---|
| Agreement on International Road Transport | Vilnius, 12 March 2019 |
| Convention on Consular Posts | Tbilisi, 30 June 2022 |
| Cultural Cooperation Programme under the Agreement of 1994 | 2026 (under negotiation) |
| Memorandum of Understanding on Student Exchanges | Riga, 5 May 2023 |
"""


def test_a_treaty_tables_signed_cell_gives_each_row_its_day_and_place(ref) -> None:
    events = extract_text(TREATY_TABLE, ref, name="treaties.md")["events"].to_pylist()
    rows = [(e["date_start"].isoformat(), e["location"], e["event_type"]) for e in events]
    assert rows == [("2019-03-12", "Vilnius", "agreement"), ("2022-06-30", "Tbilisi", "agreement"),
                    ("2023-05-05", "Riga", "agreement")]
    blocks = read_document("treaties.md", TREATY_TABLE.encode()).text.split("\n\n")
    assert "30 June 2022 · Tbilisi · Convention on Consular Posts" in blocks  # the undated row below stays apart


# ------------------------------------------------------------------ lettered lists

LETTERED = """Treaties of the year

The Ministry concluded the following instruments in the course of the year, listed here in the order in
which they were signed by the two parties and then submitted to the national assembly for approval.
(a) Agreement between Ruritania and Freedonia on the protection of migratory fish stocks in the upper
river basin. Signed at Strelsau on 4 May 2024.
(b) Convention between Ruritania and Graustark for the avoidance of double taxation on income and on
capital. Signed at Edelweiss on 19 June 2024.
"""


def test_a_lettered_list_item_starts_a_block_after_the_last_one_ends() -> None:
    blocks = read_document("treaties.txt", LETTERED.encode()).text.split("\n\n")
    assert [b[:4] for b in blocks if b.startswith("(")] == ["(a) ", "(b) "]
    assert blocks[-1].endswith("Signed at Edelweiss on 19 June 2024.")


# ------------------------------------------------------------------ social threads

def test_a_posts_icon_counters_are_furniture() -> None:
    post = ("Edgars Rinkevics met Alar Karis in Riga on Apr 1 to talk about the rail link, the power grid, the "
            "border fence and the summer exercises.")
    thread = (f"Thread by @baltic_watch\nPosted Apr 2, 2025 · 2 posts\n\n1/2\n{post}\n💬 12   🔁 3.4K   ❤️ 980\n\n"
              f"2/2\n{post.replace('Riga', 'Tallinn')}\n💬 2   🔁 40   ❤️ 1.1K   👁 88K views\n")
    blocks = read_document("thread.txt", thread.encode()).text.split("\n\n")
    assert not [b for b in blocks if "💬" in b or "views" in b]
    assert len([b for b in blocks if b.startswith("Edgars Rinkevics met Alar Karis")]) == 2


# ------------------------------------------------------------------ a page's dateline

def _page(dateline: str) -> str:
    return (f"<html><head><title>Readout | Ministry</title></head><body><main><p class=\"dateline\">{dateline}</p>"
            "<h1>Readout of the call</h1><p>Today, Kaja Kallas spoke by phone with Marco Rubio about sanctions.</p>"
            "</main></body></html>")


def test_a_pages_dateline_with_its_clock_time_is_its_publication_day() -> None:
    for line in ("Monday, May 5, 2025 · 4:15 PM · Readouts", "Monday, May 5, 2025 16:15 [GMT+2]",
                 "5 May 2025, 16:15 CEST"):
        doc = read_document("readout.html", _page(line).encode())
        assert doc.metadata.get("published") in ("May 5, 2025", "5 May 2025"), line


def test_a_dated_sentence_is_no_dateline() -> None:
    doc = read_document("readout.html", _page("May 5, 2025: the ministers met at 16:15 in Tallinn").encode())
    assert "published" not in doc.metadata


def test_a_nested_markdown_quote_loses_every_mark() -> None:
    page = "# Notes\n\n> Quoted once: Alar Karis spoke in Tartu.\n>\n> > Quoted twice: Kaja Kallas spoke in Narva.\n"
    blocks = read_document("notes.md", page.encode()).text.split("\n\n")
    assert "Quoted twice: Kaja Kallas spoke in Narva." in blocks


def test_a_figures_tables_head_with_an_empty_first_cell_stays_its_head() -> None:
    page = ("# Trade\n\n| | 2023 | 2024 |\n|---|---|---|\n| Exports (EUR million) | 410 | 455 |\n"
            "| Imports (EUR million) | 380 | 362 |\n")
    blocks = read_document("trade.md", page.encode()).text.split("\n\n")
    assert blocks[1] == "| | 2023 | 2024 |" and blocks[2].startswith("| Exports (EUR million) | 410 | 455 |")
