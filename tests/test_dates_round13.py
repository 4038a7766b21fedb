"""Dating, round 13: page datelines that print a time and a section after the day, abbreviated titles and
name suffixes at sentence ends, newest-first trackers with ISO day headings, month-only entries, US month/day
slash dates, and dated lines that are plans or non-acts. Every sentence here is written for the test."""

from datetime import date

from transforms.chronology import Block, sentences
from transforms.document import Document
from transforms.extract import _published_day, extract_document
from transforms.readers import read_document


def events(text: str, ref, title: str | None = None, fmt: str = "txt") -> list[tuple[date, str]]:
    doc = Document(text=text, format=fmt, source_text=text, title=title)
    tables = extract_document(doc, ref, file_id="f", report_id="r")
    return [(e["date_start"], e["text"][:80]) for e in tables["events"].to_pylist()]


def read_events(name: str, text: str, ref) -> list[tuple[date, str]]:
    """Through the reader of the file's format, as the pipeline reads it."""
    tables = extract_document(read_document(name, text.encode()), ref, file_id="f", report_id="r")
    return [(e["date_start"], e["text"][:80]) for e in tables["events"].to_pylist()]


def day_of(found: list[tuple[date, str]], opening: str) -> date | None:
    days = [d for d, t in found if opening in t]
    return days[0] if days else None


# ------------------------------------------------------------------ a page's dateline with a time after the day

DOTTED_DATELINE = """Tuesday, September 9, 2025 · 4:15 PM · Readouts

READOUT: Chile and Uruguay Widen Their Partnership

Today, President Gabriel Boric and President Yamandú Orsi held talks in Montevideo on energy links.

Earlier today, President Gabriel Boric laid a wreath at the Artigas Mausoleum.
"""


def test_a_dateline_with_a_time_and_a_section_is_the_pages_day(ref):
    found = events(DOTTED_DATELINE, ref)
    assert day_of(found, "Yamandú Orsi held") == date(2025, 9, 9)
    assert day_of(found, "laid a wreath") == date(2025, 9, 9)
    assert not any(t.startswith("Tuesday, September 9") for _, t in found)  # the dateline is no act


def test_a_dateline_with_a_time_zone_gives_the_published_day():
    text = "World\n\nFriday, October 3, 2025 08:05 [GMT+1]\n\nThe two ministers met on Thursday in Rabat.\n"
    doc = Document(text=text, format="txt", source_text=text)
    published = _published_day(doc)
    assert published is not None and published.start == date(2025, 10, 3)


# ------------------------------------------------------------------ abbreviations and name suffixes

def test_abbreviated_titles_do_not_end_a_sentence():
    text = "The envoy was received by Pres. Orsi in Montevideo. Amb. Reyes then met Pres. Boric on Friday."
    parts = [s.text for s in sentences(Block(text, 0))]
    assert parts == ["The envoy was received by Pres. Orsi in Montevideo.",
                     "Amb. Reyes then met Pres. Boric on Friday."]


def test_a_name_suffix_ends_a_sentence_before_an_opening_word():
    text = ("The mayor greeted Senator Luis Vargas Jr. Today, the two toured the port. "
            "A plaque honours Vargas Jr. Park rangers attended.")
    parts = [s.text for s in sentences(Block(text, 0))]
    assert parts[0] == "The mayor greeted Senator Luis Vargas Jr."
    assert parts[1].startswith("Today, the two toured")
    assert parts[2] == "A plaque honours Vargas Jr. Park rangers attended."  # no opening word: kept


# ------------------------------------------------------------------ a newest-first tracker with ISO day headings

TRACKER = """# Andes border tracker

*Newest first. Corrections are marked UPDATE under the day they were made.*

### 2025-09-16 (Tuesday)

- **2025-09-16 — Hotline call.** The army commanders of Peru and Bolivia held talks over the hotline on patrols.
- The commanders will speak again on 2025-09-19.

### 2025-09-15 (Monday)

- **UPDATE 2025-09-15:** the number of detained smugglers rose to 14 (the entry below first gave 9).
- **2025-09-15 — Quiet day.** No crossings were reported along the lake shore.
- **2025-09-15 — Patrol.** Bolivian police detained nine smugglers near Desaguadero.

### 2025-09-14 (Sunday)

- **2025-09-14 — Visit.** President Luis Arce visited the border post at Kasani.

### Earlier

- **2025-09-01** — no entry (tracker opened 2025-09-02).
- **Background, 2025-08-20 — Lake incident.** Armed men seized a fishing boat near Copacabana.
"""


def test_iso_day_headings_with_a_weekday_keep_the_newest_day(ref):
    found = read_events("tracker.md", TRACKER, ref)
    assert day_of(found, "Peru and Bolivia held") == date(2025, 9, 16)
    assert day_of(found, "visited the border post") == date(2025, 9, 14)
    assert not any(d == date(2025, 9, 19) for d, _ in found)  # the plan line is no act


def test_a_tracker_entry_with_a_label_before_its_date_is_an_entry(ref):
    found = read_events("tracker.md", TRACKER, ref)
    assert day_of(found, "seized a fishing boat") == date(2025, 8, 20)


def test_no_entry_quiet_day_and_update_lines_are_no_acts(ref):
    found = read_events("tracker.md", TRACKER, ref)
    assert not any(d == date(2025, 9, 1) for d, _ in found)
    assert not any("crossings" in t or "rose to 14" in t for _, t in found)
    assert day_of(found, "detained nine smugglers") == date(2025, 9, 15)


# ------------------------------------------------------------------ month-only entries

MONTHS_ONLY = """Chronology of relations

12 January 2024: Foreign Minister Ana Ruiz met her Danish counterpart in Madrid.

February 2024: Foreign Minister Ana Ruiz visited Copenhagen and Aarhus.

3 March 2024: Foreign Minister Ana Ruiz signed a research accord in Oslo.

4 April 2024: Foreign Minister Ana Ruiz received the Finnish ambassador in Madrid.
"""


def test_a_month_only_entry_is_no_event(ref):
    found = events(MONTHS_ONLY, ref)
    assert not any("Copenhagen" in t for _, t in found)
    assert day_of(found, "signed a research accord") == date(2024, 3, 3)


# ------------------------------------------------------------------ month/day slash dates in a US-styled text

US_THREAD = """Weekly catch-up, Oct 12, 2025

Recap: on Oct 6 the Senate in Asunción debated the budget. On Oct 8 President Santiago Peña met investors.

Paraguay: the Senate on 10/9 approved the river-port concession, 30 to 12.
"""

UK_DIGEST = """Weekly digest, 12 October 2025

Recap: on 6 October the Senate in Asunción debated the budget. On 8 October President Santiago Peña met investors.

Paraguay: the Senate on 9/10 approved the river-port concession, 30 to 12.
"""


def test_a_slash_day_follows_the_order_of_the_texts_written_dates(ref):
    assert day_of(events(US_THREAD, ref), "approved the river-port") == date(2025, 10, 9)
    assert day_of(events(UK_DIGEST, ref), "approved the river-port") == date(2025, 10, 9)


def test_a_slash_day_with_no_written_dates_is_not_guessed(ref):
    found = events("Paraguay: the Senate on 10/9 approved the river-port concession, 30 to 12.\n", ref)
    assert day_of(found, "approved the river-port") is None


# ------------------------------------------------------------------ days when nothing happened

def test_no_before_a_word_ends_the_sentence_and_a_none_sentence_is_no_act(ref):
    text = ("Weekly catch-up, Oct 12, 2025\n\nAsunción still wants the clause. Brasília says no. "
            "Nothing of that moved on Oct 7.\n\nThe treaty No. 4 talks resumed in Asunción on Oct 9.\n")
    parts = [s.text for s in sentences(Block(text.split("\n\n")[1], 0))]
    assert parts[-1] == "Nothing of that moved on Oct 7."
    found = events(text, ref)
    assert day_of(found, "moved on Oct 7") is None
    assert day_of(found, "talks resumed") == date(2025, 10, 9)


# ------------------------------------------------------------------ plans, lead-ins, recaps and the report's own day

MEMO = """From: Desk Officer
Sent: Wednesday, 8 October 2025 09:12
Subject: Weekly pack

All - three notes from the week. One update from this morning:

President Gabriel Boric received the Uruguayan foreign minister in Santiago this morning.

The briefing goes to the Director's office by COB Friday (10 Oct). I'll draft it.

The minister will be back in Santiago on Monday.

Send the comments on the Lima draft by COB Friday.

President Gabriel Boric travels to Lima for the summit on Monday (13 Oct).

Here is what changed between Oct 1 and yesterday, in short.
"""


def test_lead_ins_deadlines_whereabouts_and_recap_spans_are_no_acts(ref):
    found = read_events("memo.txt", MEMO, ref)
    assert day_of(found, "received the Uruguayan") == date(2025, 10, 8)
    assert not any("update from this morning" in t for _, t in found)
    assert not any("COB Friday" in t for _, t in found)
    assert not any("will be back" in t for _, t in found)
    assert not any("Lima draft" in t for _, t in found)
    assert not any("travels to Lima" in t for _, t in found)  # not the Monday before the memo
    assert not any("what changed between" in t for _, t in found)


def test_a_bracketed_date_after_a_weekday_says_which_day(ref):
    text = ("From: Desk Officer\nSent: Wednesday, 8 October 2025 09:12\nSubject: Pack\n\n"
            "President Gabriel Boric met President Yamandú Orsi in Montevideo on Saturday (4 Oct).\n")
    assert day_of(read_events("memo.txt", text, ref), "met President Yamandú") == date(2025, 10, 4)


def test_the_reports_own_adoption_is_no_act(ref):
    text = ("The delegation visited Montevideo on 3 March 2025 and met the Speaker of the Chamber.\n\n"
            "This Report was adopted by the Committee at its 12th sitting on Thursday, 20 March 2025.\n")
    found = events(text, ref)
    assert day_of(found, "visited Montevideo") == date(2025, 3, 3)
    assert not any("was adopted" in t for _, t in found)


# ------------------------------------------------------------------ which date of a sentence is the act's

BRIEFING = """Noon briefing

Thursday, 16 October 2025

A strong storm hit the port of Valparaíso on Tuesday, flooding warehouses that the 3 August fire had damaged.

On Friday, there will be a press conference on the International Day of Ports, which falls on 25 October.

Foreign Minister Alberto van Klaveren is visiting Uruguay from October 14 to 17 at the invitation of his counterpart.
"""


def test_the_main_verbs_weekday_beats_a_date_in_a_noun_phrase(ref):
    found = events(BRIEFING, ref)
    assert day_of(found, "storm hit the port") == date(2025, 10, 14)


def test_there_will_be_is_a_plan(ref):
    assert not any("press conference" in t for _, t in events(BRIEFING, ref))


def test_a_month_day_to_day_range_before_a_preposition_is_a_span(ref):
    tables = extract_document(Document(text=BRIEFING, format="txt", source_text=BRIEFING), ref, file_id="f",
                              report_id="r")
    visit = [e for e in tables["events"].to_pylist() if "visiting Uruguay" in e["text"]]
    assert [(v["date_start"], v["date_end"]) for v in visit] == [(date(2025, 10, 14), date(2025, 10, 17))]


# ------------------------------------------------------------------ threads: quoted posts and judgements of told acts

THREAD = """Thread by @andes_watch
Posted Oct 12, 2025 · 3 posts

1/4
Top item: Chilean FM Alberto van Klaveren and Peruvian FM Elmer Schialer met in Arica on Oct 6.

2/4
Their readout followed:

QT @CancilleriaPeru: "FM Schialer held talks with FM van Klaveren in Arica today on the border."

3/4
The Arica meeting on Oct 6 was a start, not a settlement.
"""


def test_a_quoted_posts_today_is_not_the_threads_day(ref):
    found = events(THREAD, ref)
    assert day_of(found, "Elmer Schialer met") == date(2025, 10, 6)
    assert not any(t.startswith("QT @") for _, t in found)


def test_a_judgement_of_a_told_act_is_no_new_act(ref):
    found = events(THREAD, ref)
    assert not any("was a start" in t for _, t in found)


# ------------------------------------------------------------------ a witness list's day

WITNESSES = """1. On 4 March 2025 the Committee visited the port of Mombasa and met the Managing Director.

WITNESSES

Thursday 6 March 2025: Ms Amina Odhiambo, Director of Shipping; Mr Peter Kamau, Chief Inspector of Ports

Written submissions were received from the Seafarers Union and from the Shippers Council.
"""


def test_a_witness_lists_day_does_not_carry_into_the_next_paragraph(ref):
    found = events(WITNESSES, ref)
    assert day_of(found, "visited the port of Mombasa") == date(2025, 3, 4)
    assert not any("Written submissions" in t for _, t in found)
