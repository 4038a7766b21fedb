"""Dates that pages give outside their sentences: a news page's publication metadata, an archive's item
dates in elements of their own, an e-mail's Date: header; and a second dated sentence inside an entry.
Read with the project's own reference (seeds/); every sentence here is written for the test."""

from datetime import date

import pytest

from tests.extraction_helpers import extract_text
from transforms.chronology import chronology_entries, dated_sentences
from transforms.dates import DATE_EXPR, parse_date_expr
from transforms.readers import read_document


def events_of(name: str, data: str, ref) -> list[dict]:
    return extract_text(data, ref, name=name)["events"].to_pylist()


def days(events: list[dict]) -> list[tuple[str, str, str]]:
    return [(str(e["date_start"]), str(e["date_end"]), e["text"][:30]) for e in events]


# ------------------------------------------------------------------ a news page's publication day

NEWS = """<html><head><meta property="article:published_time" content="2024-03-06T09:10:00+00:00"></head>
<body><article><h1>Border talks resume</h1>
<p><strong>OSLO, Mar 6 (Nordwire) –</strong> The foreign ministers of Norway and Finland met on Tuesday in Oslo
to discuss a fisheries accord, ahead of a referendum planned for October 2027.</p>
<p>On Monday, Finnish Foreign Minister Elina Valtonen visited the port of Kirkenes with local officials.</p>
<p>Relations cooled after the dispute of May 2019, which both sides have since set aside.</p>
<p class="correction"><em>Correction, Mar 6: An earlier version said the visit was on Sunday. The visit was
on Monday, officials said.</em></p>
</article></body></html>"""


def test_a_pages_publication_day_beats_the_years_its_text_names(ref):
    events = events_of("news.html", NEWS, ref)
    assert days(events)[:2] == [("2024-03-05", "2024-03-05", "The foreign ministers of Norwa"),
                                ("2024-03-04", "2024-03-04", "On Monday, Finnish Foreign Min")]


def test_an_editors_correction_note_is_no_act(ref):
    assert not [e for e in events_of("news.html", NEWS, ref) if "earlier version" in e["text"] or
                e["text"].startswith("The visit was")]


def test_a_lone_time_element_gives_the_publication_day() -> None:
    page = NEWS.replace('<meta property="article:published_time" content="2024-03-06T09:10:00+00:00">', "").replace(
        "<h1>Border talks resume</h1>", '<h1>Border talks resume</h1><p>By A. Writer, <time datetime="2024-03-06">'
        "6 March</time></p>")
    assert read_document("news.html", page.encode()).metadata.get("published") == "2024-03-06"


# ------------------------------------------------------------------ an archive's item dates

ARCHIVE = """<html><body><main><h1>News releases</h1>
<div class="item"><span class="date">{d1}</span><h2><a href="/a">Minister meets counterpart</a></h2>
<p>Foreign Minister Penny Wong received Fiji's Prime Minister Sitiveni Rabuka at Parliament House in Canberra.
</p></div>
<div class="item"><span class="date">{d2}</span><h2><a href="/b">Statement on the elections</a></h2>
<p>Foreign Minister Penny Wong spoke by telephone with the Prime Minister of Tonga.</p></div>
</main></body></html>"""


@pytest.mark.parametrize("d1, d2", [("12.02.2025", "03.02.2025"), ("2025/02/12", "2025/02/03")])
def test_an_items_own_date_element_dates_its_summary_after_the_headline(ref, d1, d2):
    events = events_of("archive.html", ARCHIVE.format(d1=d1, d2=d2), ref)
    assert [d[:2] for d in days(events)] == [("2025-02-12", "2025-02-12"), ("2025-02-03", "2025-02-03")]
    assert events[0]["text"].startswith("Foreign Minister Penny Wong received")


def test_a_year_first_slash_date_is_a_date() -> None:
    m = DATE_EXPR.search("released 2024/7/9 by the office")
    assert m is not None and parse_date_expr(m.group(0), None).start == date(2024, 7, 9)
    assert DATE_EXPR.search("the 2024/25 budget") is None


# ------------------------------------------------------------------ an e-mail's Date: header

EMAIL = """From: Desk <desk@example.org>
To: readers@example.org
Date: Wed, 12 Mar 2025 07:30:00 +0100
Subject: Weekly note: ministers reshuffle, talks resume

Good morning. The next call has moved to Thu 27 Mar.

President Emmanuel Macron hosted the Paris defence conference last Monday and Tuesday, with ministers from
twenty states. Yesterday Chancellor Olaf Scholz told the Bundestag in Berlin that the fund would grow.

Last week we wrote:

> On Fri 28 Feb, Prime Minister Keir Starmer met President Donald Trump in Washington.

On Saturday Mr Trump said no official would attend the summit in Rome on 20–21 Mar. The talks go on.
"""


def test_an_emails_date_header_anchors_its_weekdays_and_yesterday(ref):
    assert days(events_of("note.txt", EMAIL, ref)) == [
        ("2025-03-10", "2025-03-11", "President Emmanuel Macron host"),
        ("2025-03-11", "2025-03-11", "Yesterday Chancellor Olaf Scho"),
        ("2025-03-08", "2025-03-08", "On Saturday Mr Trump said no o"),
    ]


def test_an_emails_header_and_quoted_lines_are_not_its_text() -> None:
    doc = read_document("note.txt", EMAIL.encode())
    assert "Subject:" not in doc.text and "Starmer" not in doc.text
    assert doc.metadata.get("published") == "Wed, 12 Mar 2025 07:30:00 +0100"


def test_a_date_after_the_publication_day_is_planned() -> None:
    text = ("Published 10 June 2024\n\nThe summit of 20 June was moved. On Monday the minister met envoys in "
            "Lima. Officials will meet on 25 June in Quito.\n")
    assert [(e.span.start, e.text[:10]) for e in dated_sentences(text, 2024)] == [(date(2024, 6, 10), "On Monday ")]


def test_a_day_first_date_with_an_abbreviated_month_ends_its_sentence() -> None:
    text = "Published 10 June 2024\n\nThe envoy said talks were set for 20–21 Jun. Yesterday the minister met him.\n"
    assert [e.text for e in dated_sentences(text, 2024)] == ["Yesterday the minister met him."]


# ------------------------------------------------------------------ a second dated sentence in an entry

def test_a_later_sentence_with_its_own_date_is_its_own_entry() -> None:
    text = ("Chronology\n\nMay 12–14, 2024 – The defence minister visits Hanoi. On May 13, he watches a naval review "
            "with the president.\n\nJune 2, 2024 – The envoys meet. Earlier, on 30 May, they had spoken by phone.\n")
    entries = chronology_entries(text, 2024)
    assert [(e.span.start, e.span.end, e.text[:12]) for e in entries] == [
        (date(2024, 5, 12), date(2024, 5, 14), "The defence "),
        (date(2024, 5, 13), date(2024, 5, 13), "On May 13, h"),
        (date(2024, 6, 2), date(2024, 6, 2), "The envoys m"),
        (date(2024, 5, 30), date(2024, 5, 30), "Earlier, on "),
    ]


def test_a_time_named_in_a_relative_clause_is_its_nouns(ref):
    page = ARCHIVE.format(d1="12.02.2025", d2="03.02.2025").replace(
        "at Parliament House in Canberra.", "at Parliament House, which was completed in 1988.")
    assert days(events_of("archive.html", page, ref))[0][:2] == ("2025-02-12", "2025-02-12")


# ------------------------------------------------------------------ a Markdown calendar table

LONG_WHAT = ("Visit to Samoa and Tonga with ministers, officials and business leaders for talks on climate finance "
             "and labour mobility")
CALENDAR = f"""# Calendar of engagements — March 2024

| Date | Who | What | Where |
|---|---|---|---|
| 4 Mar (Mon) | Penny Wong, Australian Foreign Minister | {LONG_WHAT} | Apia; Nukuʻalofa |
| Mar 6–8 | President Emmanuel Macron | Talks with the president on trade | Brasília |
| 9 Mar | Fiji government | Recalls its envoys, incl. Ambassador Rigamoto | - |

## Notes

Row 2 replaces the provisional entry of 7 Mar.
"""


def test_a_markdown_tables_rows_are_entries_with_their_subject_and_first_place(ref):
    events = events_of("calendar.md", CALENDAR, ref)
    got = [(str(e["date_start"]), str(e["date_end"]), e["location"], e["text"]) for e in events]
    assert got == [
        ("2024-03-04", "2024-03-04", "Apia", f"Penny Wong, Australian Foreign Minister – {LONG_WHAT}"),
        ("2024-03-06", "2024-03-08", "Brasília", "President Emmanuel Macron – Talks with the president on trade"),
        ("2024-03-09", "2024-03-09", "", "Fiji government – Recalls its envoys, incl. Ambassador Rigamoto"),
    ]
    assert [p for e in events[:2] for p in e["countries"]] == ["AUS", "FRA"]


def test_a_sentence_goes_on_after_incl() -> None:
    text = "Published 10 June 2024\n\nOn Monday the envoys met officials, incl. Minister Tui, in Suva.\n"
    assert [e.text for e in dated_sentences(text, 2024)] == ["On Monday the envoys met officials, incl. Minister Tui, "
                                                             "in Suva."]


# ------------------------------------------------------------------ day/month dates without a year

def test_a_day_and_month_without_a_year_after_on_or_as_a_head_is_a_date() -> None:
    for text, day in (("troops shelled the port on 13/10; no figures", date(2025, 10, 13)),
                      ("A ministry statement of 16/10 denied it", date(2025, 10, 16)),
                      ("14/10: An attack on a post at the border", date(2025, 10, 14))):
        m = DATE_EXPR.search(text)
        assert m is not None and parse_date_expr(m.group(0), 2025).start == day, text
    for text in ("the desk works 24/7 now", "24/7 support is offered", "a 2/3 majority", "Sahel 191/98 events",
                 "rose on 12/10% rates"):
        assert DATE_EXPR.search(text) is None, text


def test_a_day_and_month_head_starts_its_own_dated_block(ref):
    text = ("WEEKLY CONFLICT UPDATE\nCoverage: 11 October - 17 October 2025\n\nNORTH REGION\n"
            "14/10: Gunmen attacked a police post at Kaya, killing four officers.\n")
    events = events_of("weekly.txt", text, ref)
    assert [(str(e["date_start"]), e["text"][:6]) for e in events] == [("2025-10-14", "14/10:")]


# ------------------------------------------------------------------ dates of no act

def test_a_covered_period_a_figures_period_and_a_forecast_are_no_acts() -> None:
    text = ("Regional Outlook, May 2024 edition (covering 1-30 April 2024) by the desk staff of the institute.\n\n"
            "Ships seized by the navy, 3-28 April: 6 in the strait and two more near the coast of the island.\n\n"
            "We expect more seizures and a vote on the defence budget on 14 May, as the ministers agreed earlier.\n\n"
            "On 9 April the navy seized a tanker in the strait after a chase of two hours near the coast.\n")
    assert [e.span.start for e in dated_sentences(text, 2024)] == [date(2024, 4, 9)]


WIKI = """<html><body><main><h1>Timeline of the 2024 river dispute</h1>
<table class="infobox"><tr><th>Date</th><td>3 March – 30 April 2024</td></tr>
<tr><th>Location</th><td>the river border</td></tr></table>
<h2>Contents</h2><ul><li>1 March 2024</li><li>2 April 2024</li><li>3 See also</li></ul>
<h2>March 2024</h2><ul><li><b>3 March</b> – Border guards of the two states exchange fire near the dam.</li>
<li><b>9 March</b> – The foreign ministers meet in Vienna and agree on a hotline.</li></ul>
<h2>April 2024</h2><ul><li><b>30 April</b> – The two governments sign a water-sharing accord in Geneva.</li></ul>
</main></body></html>"""


def test_an_infobox_date_and_a_contents_line_head_no_entry() -> None:
    doc = read_document("wiki.html", WIKI.encode())
    assert [(e.span.start, e.span.end) for e in chronology_entries(doc.text, 2024)] == [
        (date(2024, 3, 3), date(2024, 3, 3)), (date(2024, 3, 9), date(2024, 3, 9)),
        (date(2024, 4, 30), date(2024, 4, 30))]


def test_a_markets_move_is_no_act() -> None:
    text = ("Published Monday, 10 June 2024\n\nThe rand closed Friday at 18.4 to the dollar after the vote count. "
            "On Friday the finance minister met bankers in Pretoria.\n")
    assert [e.text[:9] for e in dated_sentences(text, 2024)] == ["On Friday"]


def test_a_counts_period_is_no_act() -> None:
    text = ("Weekly Update, 11-17 October 2025\n\nThe agency counted 3,100 new arrivals in the camp between 11 and 14 "
            "October. Between 12 and 14 October, the army carried out raids around the town of Kati.\n")
    assert [e.text[:11] for e in dated_sentences(text, 2025)] == ["Between 12 "]


def test_a_date_in_a_sources_line_run_into_a_sentence_is_no_act() -> None:
    text = ("Monthly Outlook, covering 1-30 April 2024, by the desk staff of the regional institute.\n\n"
            "Ships seized in April: 6 Crew detained: 40 Sources: navy statement of 28 April 2024; port records.\n")
    assert dated_sentences(text, 2024) == []


def test_a_rows_where_cell_is_the_place_of_its_act_before_places_its_text_names(ref):
    calendar = ("# Calendar of engagements — June 2025\n\n| Date | Who | What | Where |\n|---|---|---|---|\n"
                "| 13 Jun | Israel Defense Forces | Strikes on sites in Iran, incl. the Natanz plant | Natanz |\n"
                "| 14 Jun | Foreign Minister Penny Wong | Talks in Suva on fisheries | - |\n"
                "| 16 Jun | President Emmanuel Macron | Visit to Greenland, with talks in Nuuk | Nuuk |\n")
    events = events_of("calendar.md", calendar, ref)
    assert [e["location"] for e in events] == ["Natanz", "Suva", "Nuuk"]
