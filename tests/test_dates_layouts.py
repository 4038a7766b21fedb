"""Dates and entries in layouts seen in blind sets: spreadsheet trackers (tab-separated, "25-Dec-24"),
PDF timelines with dash heads ("3 Mar 2023 — …"), and the text that follows a chronology."""

from datetime import date

from transforms.chronology import chronology_entries, dated_sentences
from transforms.dates import DATE_EXPR, parse_date_expr
from transforms.readers import read_document
from transforms.readers.text import blocks_from_lines


def _lines(text: str) -> list[tuple[str, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((line, pos))
        pos += len(line) + 1
    return out


# ------------------------------------------------------------------ hyphenated day-month-year dates

def test_hyphenated_day_month_year_dates_are_read() -> None:
    m = DATE_EXPR.search("Row 4: 07-Mar-23 the envoys meet")
    assert m is not None and m.group(0) == "07-Mar-23"
    span = parse_date_expr(m.group(0), None)
    assert span is not None and (span.start, span.end, span.inferred) == (date(2023, 3, 7), date(2023, 3, 7), False)
    span = parse_date_expr("14-February-2025", None)
    assert span is not None and span.start == date(2025, 2, 14)


def test_hyphenated_forms_that_are_not_dates() -> None:
    assert DATE_EXPR.search("a Dec-24 contract") is None  # no day
    assert DATE_EXPR.search("ref 12-Mar-2024-B") is None  # part of a longer code
    assert parse_date_expr("31-Feb-24", None) is None  # no such day


# ------------------------------------------------------------------ tab-separated tables

TRACKER = (
    "ARCTIC SHIPPING LOG\n"
    "Compiled monthly; one row per event.\n"
    "\n"
    "WHEN\tWHO\tWHAT\tWHERE\tCOMMENT\n"
    "03-Apr-24\tCoast Guard (NOR)\tThe Norwegian coast guard inspects a trawler near the boundary line.\t"
    "Barents Sea\tThe trawler was released after six hours.\n"
    "11-Apr-24\tJonas Berg (Minister, Norway)\tForeign Minister Jonas Berg visits Reykjavik for talks on fisheries."
    "\t-\t-\n"
    "19-Apr-24\tNOR; ISL\tThe two governments sign a search-and-rescue protocol.\tTromso\t\n"
    "\n"
    "The log is updated on the first Monday of each month. Corrections are welcome.\n"
)


def test_tab_table_rows_become_field_headed_entries_with_labelled_columns() -> None:
    doc = read_document("log.txt", TRACKER.encode())
    blocks = doc.text.split("\n\n")
    row = next(b for b in blocks if b.startswith("03-Apr-24"))
    assert row == "03-Apr-24 · Barents Sea · The Norwegian coast guard inspects a trawler near the boundary line."
    assert "WHO: Coast Guard (NOR)" in blocks and "COMMENT: The trawler was released after six hours." in blocks
    assert "11-Apr-24 · Foreign Minister Jonas Berg visits Reykjavik for talks on fisheries." in blocks  # "-": no place
    assert not any("\t" in b or b.startswith("WHEN") for b in blocks)  # the header row gives no block
    i = doc.text.index("Barents Sea")
    assert doc.source_text[doc.offsets.to_source(i):].startswith("Barents Sea\tThe trawler")


def test_tab_table_rows_are_chronology_entries_with_their_place() -> None:
    doc = read_document("log.txt", TRACKER.encode())
    entries = chronology_entries(doc.text)
    assert [(e.span.start, e.place, e.text) for e in entries] == [
        (date(2024, 4, 3), "Barents Sea", "The Norwegian coast guard inspects a trawler near the boundary line."),
        (date(2024, 4, 11), "", "Foreign Minister Jonas Berg visits Reykjavik for talks on fisheries."),
        (date(2024, 4, 19), "Tromso", "The two governments sign a search-and-rescue protocol."),
    ]  # the closing paragraph under the table does not run on from the last row


def test_tab_lines_without_a_dated_header_are_left_alone() -> None:
    doc = read_document("t.txt", b"Name\tScore\nAlpha\t12\nBeta\t9\n\nSome closing words here.\n")
    assert "·" not in doc.text


# ------------------------------------------------------------------ dash heads in PDF reflow

def test_dash_heads_with_a_year_start_blocks_in_pdf_reflow() -> None:
    lines = _lines(
        "2 Mar 2023 — The two foreign ministers meet in Oslo and agree to open a consulate in the north.\n"
        "9–11 Mar 2023 — Naval units of both states exercise together in the Norwegian Sea with observers.\n"
        "May 4, 2023 – The defence ministers sign a logistics arrangement in Bergen after long talks.\n")
    got = [b.text for b in blocks_from_lines(lines, markdown=False, pdf=True)]
    assert [t[:12] for t in got] == ["2 Mar 2023 —", "9–11 Mar 202", "May 4, 2023 "]  # long lines: no other break


def test_a_wrapped_date_after_an_open_preposition_is_no_head() -> None:
    lines = _lines("The agreement was signed on\n2 Mar 2023 — A later line.\n")
    got = [b.text for b in blocks_from_lines(lines, markdown=False, pdf=True)]
    assert len(got) == 1


# ------------------------------------------------------------------ where a chronology ends

def test_prose_after_the_last_entry_does_not_continue_it() -> None:
    text = ("CHRONOLOGY\n\n"
            "4 May 2023: The president visits Lima.\n\n"
            "9 May 2023: The trade ministers meet in Quito.\n\n"
            "Both relationships remain fragile. Officials in Lima complain about delays. Talks go on.\n")
    entries = chronology_entries(text)
    assert entries[-1].text == "The trade ministers meet in Quito."


def test_a_heading_ends_the_entry_before_it() -> None:
    text = ("CHRONOLOGY\n\n"
            "4 May 2023: The president visits Lima.\n\n"
            "PART TWO: THE ANDES\n\n"
            "Trade grew again. Exports of copper rose.\n\n"
            "9 May 2023: The trade ministers meet in Quito.\n")
    entries = chronology_entries(text)
    assert [e.text for e in entries] == ["The president visits Lima.", "The trade ministers meet in Quito."]


def test_an_undated_paragraph_between_entries_still_continues_the_first() -> None:
    text = ("CHRONOLOGY\n\n"
            "4 May 2023: The president visits Lima.\n\n"
            "He also lays a wreath. The visit lasts two days.\n\n"
            "9 May 2023: The trade ministers meet in Quito.\n")
    entries = chronology_entries(text)
    assert entries[0].text == "The president visits Lima. He also lays a wreath. The visit lasts two days."


# ------------------------------------------------------------------ wire items: the dateline dates the item

WIRE = (
    "Harbour Wire Digest\n\n"
    "Coast guards trade accusations over reef\n\n"
    "HANOI, March 7 (VNA) -- Vietnamese fishermen were detained near a disputed reef on Thursday, the "
    "fisheries ministry said.\n\n"
    "Deputy Foreign Minister Lan Anh on Wednesday summoned the Chinese ambassador to protest.\n\n"
    "A Lowy survey released Friday found 70% of respondents worried about the reef.\n\n"
    "The ministry said it had counted 40 vessels near the reef in the 24 hours to 6 a.m. Friday, the most "
    "this year.\n\n"
    "Parliament approves budget\n\n"
    "Senator Ana Reyes on Monday criticised the plan in a speech.\n"
)


def test_a_wire_dateline_dates_weekdays_in_the_items_later_paragraphs() -> None:
    got = {(e.span.start, e.text[:30]) for e in dated_sentences(WIRE, 2024)}
    assert (date(2024, 3, 6), "Deputy Foreign Minister Lan An") in got  # Wednesday before Thursday 7 March
    assert not any(t.startswith("Senator Ana Reyes") for _, t in got)  # a headline ends the item


def test_weekdays_of_a_survey_release_or_a_period_bound_are_no_acts() -> None:
    got = [e.text for e in dated_sentences(WIRE, 2024)]
    assert not any("Lowy survey" in t for t in got)
    assert not any("40 vessels" in t or t.startswith("Friday") for t in got)  # "6 a.m. Friday" ends no sentence


# ------------------------------------------------------------------ a post's dates and its scenes

POST = (
    "Notes from the border\n\n"
    "Posted on 20 March 2024 by A. Writer\n\n"
    "The crisis began on 3 October last year, when a bridge near the border collapsed and killed nine people. "
    "The inquiry reported on 12 December, blaming the contractor. "
    "Its first hearing was held on 2 March last year.\n\n"
    "On Tuesday, President Maria Lopez met General Tomas Varga, the mission commander, in Tirana. "
    "Varga, a Hungarian officer who took command last autumn, gave no reply. "
    "Rome, for its part, keeps its aid for Tirana in reserve, the Italian Foreign Ministry says.\n\n"
    "Unions have called a general strike in Tirana for 2 April.\n"
)


def test_last_year_after_a_date_and_dates_long_after_the_post_go_back_a_year() -> None:
    got = {e.text[:25]: e.span.start for e in dated_sentences(POST, 2024)}
    assert got["The crisis began on 3 Oct"] == date(2023, 10, 3)  # "last year"
    assert got["The inquiry reported on 1"] == date(2023, 12, 12)  # December, in a March post: the last one
    assert got["Its first hearing was hel"] == date(2023, 3, 2)  # before the post's day, but "last year"


def test_scene_sentences_that_report_no_act_are_not_dated() -> None:
    got = [e.text for e in dated_sentences(POST, 2024)]
    assert any(t.startswith("On Tuesday, President Maria Lopez met") for t in got)
    assert not any(t.startswith("Varga,") for t in got)  # its verb is the relative clause's
    assert not any(t.startswith("Rome,") for t in got)  # a present-tense state in a past scene


def test_a_date_after_for_is_a_planned_acts() -> None:
    assert not any("general strike" in e.text for e in dated_sentences(POST, 2024))


# ------------------------------------------------------------------ a page's own title block, a transcript's day

def test_an_html_title_header_outside_any_article_is_kept() -> None:
    page = ("<html><head><title>Flood update</title></head><body>"
            "<header><p>Relief Agency · Lowlands</p><h1>Flood Update No. 2</h1>"
            "<p>Covering 1–9 June 2023 · Issued 10 June 2023</p></header>"
            "<section><h2>Overview</h2><p>On 4 June, the river broke its banks near the capital and forced "
            "thousands of families to leave their homes for higher ground.</p></section></body></html>")
    doc = read_document("update.html", page.encode())
    assert doc.text.startswith("Relief Agency · Lowlands\n\nFlood Update No. 2\n\nCovering 1–9 June 2023")
    chrome = page.replace("<header>", "<header><nav><a href='/'>Home</a></nav>")
    assert "Covering" not in read_document("update.html", chrome.encode()).text  # a site header stays out


TRANSCRIPT = (
    "JOINT NEWS CONFERENCE\n"
    "Foreign Minister Ana Silva and Foreign Minister Jan Novak\n"
    "Lisbon, Friday, 6 June 2025\n"
    "\n"
    "MINISTER SILVA: Welcome. On Wednesday in Prague, President Pavel Kral announced a new\n"
    "aid package. Last night I spoke by telephone with Foreign Minister Omar Haddad of Jordan\n"
    "about the border. Since 2019 the European Union has provided more than 2 billion euros\n"
    "for the camps.\n"
)  # hard-wrapped: the header lines would be reflowed into one paragraph


def test_a_place_and_date_line_under_a_transcript_heading_is_its_anchor() -> None:
    doc = read_document("t.txt", TRANSCRIPT.encode())
    assert "Lisbon, Friday, 6 June 2025" in doc.text.split("\n\n")
    got = {e.text[:25]: e.span.start for e in dated_sentences(doc.text, 2025)}
    assert got["On Wednesday in Prague, P"] == date(2025, 6, 4)
    assert got["Last night I spoke by tel"] == date(2025, 6, 5)  # "last night": the day before
    assert not any(t.startswith("Since 2019") for t in got)  # a year of its own: not the scene's day


# ------------------------------------------------------------------ weeklies: a week line and day heads

WEEKLY = (
    "Northern Notes\n\n"
    "Week of 2 – 8 June 2025 · Issue 9\n\n"
    "Tuesday – Ministers in Oulu\n\n"
    "Foreign Minister Lena Berg hosted her Estonian counterpart Mart Kask in Oulu for talks on energy. "
    "The two signed a memorandum on grid links.\n\n"
    "Sweden receives an annual transit fee from Finland of about 40 million euros.\n\n"
    "The two governments signed the rail treaty in May.\n\n"
    "Background: the two governments signed a first rail accord after the floods.\n\n"
    "Wednesday – Summit\n\n"
    "Wednesday–Thursday: the first Baltic ports summit in Tallinn. Prime Minister Kaja Ots welcomed leaders of "
    "six port cities.\n\n"
    "Mayor Ilse Tamm and Mayor Ott Saar held talks in Tallinn on ferries.\n\n"
    "In figures\n\n"
    "Oulu's port handled 2 million tonnes last year, the authority said on Friday.\n\n"
    "On 14 June Prime Minister Kaja Ots visits Vilnius (planned).\n\n"
    "Coming up\n\n"
    "12 June: Foreign Minister Lena Berg in Riga.\n"
)


def test_day_heads_under_a_week_line_date_the_blocks_under_them() -> None:
    got = {e.text[:25]: (e.span.start, e.span.end) for e in dated_sentences(WEEKLY, 2025)}
    assert got["Foreign Minister Lena Ber"] == (date(2025, 6, 3), date(2025, 6, 3))  # Tuesday of that week
    assert got["The two signed a memorand"] == (date(2025, 6, 3), date(2025, 6, 3))  # the two just named
    assert got["Prime Minister Kaja Ots w"] == (date(2025, 6, 4), date(2025, 6, 5))  # an inline two-day head
    assert got["Mayor Ilse Tamm and Mayor"] == (date(2025, 6, 4), date(2025, 6, 4))  # "held talks": an act
    assert not any(t.startswith("Week of") for t in got)  # the week line is no event


def test_under_day_heads_states_own_times_fields_and_later_sections_are_not_dated() -> None:
    got = [e.text for e in dated_sentences(WEEKLY, 2025)]
    assert not any(t.startswith(("Sweden receives", "The two governments", "Background", "Oulu's port"))
                   for t in got)
    assert not any("Riga" in t or "Vilnius" in t for t in got)  # "Coming up", "(planned)"


def test_a_status_date_is_no_act() -> None:
    got = dated_sentences("Funding update\n\nAs of 3 March, donors had provided 40% of the money requested "
                          "for the season.\n", 2025)
    assert got == []


# ------------------------------------------------------------------ a second act's own day inside an entry

def test_a_next_day_sentence_after_a_footnote_mark_is_an_entry_of_that_day() -> None:
    text = ("CHRONOLOGY\n\n"
            "3 May 2023: The two envoys meet in Hanoi and agree to reopen the consulates.³ The next day, the "
            "junior envoy calls on the deputy prime minister.\n\n"
            "9 May 2023: The trade ministers meet in Quito.\n\n"
            "12 May 2023: The leaders speak by telephone.\n")
    entries = chronology_entries(text)
    assert [(e.span.start, e.text[:22]) for e in entries[:2]] == [
        (date(2023, 5, 3), "The two envoys meet in"), (date(2023, 5, 4), "The next day, the juni")]


def test_a_time_of_day_before_the_next_day_still_moves_the_entry() -> None:
    text = ("CHRONOLOGY\n\n"
            "3 May 2023: The president dissolves the cabinet in a televised address. Shortly after 2 a.m. the "
            "next day, the assembly votes to annul the decree.\n\n"
            "9 May 2023: The trade ministers meet in Quito.\n\n"
            "12 May 2023: The leaders speak by telephone.\n")
    entries = chronology_entries(text)
    assert [(e.span.start, e.text[:22]) for e in entries[:2]] == [
        (date(2023, 5, 3), "The president dissolve"), (date(2023, 5, 4), "Shortly after 2 a.m. t")]


# ------------------------------------------------------------------ poll dates and retellings

def test_a_polls_fieldwork_and_sample_dates_are_no_acts() -> None:
    text = ("Polling notes\n\n"
            "The latest Ipsos survey (fieldwork 4–6 May; 2,010 adults) puts the governor's approval at 41%.\n\n"
            "| Party | Verian, 8–9 May (n = 1,204) | Change |\n\n"
            "On 7 May the governor vetoed the budget bill in Quito.\n")
    assert [e.text[:20] for e in dated_sentences(text, 2025)] == ["On 7 May the governo"]


def test_a_highlight_retold_in_the_body_is_one_act() -> None:
    text = ("Highlights\n\n"
            "On 9 April, a roadside bomb struck a bus carrying aid workers near Kismayo, killing four people.\n\n"
            "Overview\n\n"
            "On 9 April, a roadside bomb hit a bus of the aid agency on the coastal road north of Kismayo. "
            "On 9 April, the regional council also approved the new water plan for Kismayo district.\n")
    got = [e.text[:30] for e in dated_sentences(text, 2025)]
    assert got == ["On 9 April, a roadside bomb st", "On 9 April, the regional counc"]


def test_a_table_rows_other_columns_are_its_entrys_fields() -> None:
    doc = read_document("log.txt", TRACKER.encode())
    first = chronology_entries(doc.text)[0]
    assert first.fields == {"WHO": "Coast Guard (NOR)", "COMMENT": "The trawler was released after six hours."}


def test_a_place_and_date_line_does_not_date_the_next_blocks_sentences_as_a_dateline() -> None:
    text = "Porto, 20 May 2025\n\nOn 9 May, the assembly held its vote. Ana Silva took 44% of the seats.\n"
    assert [e.text[:12] for e in dated_sentences(text, 2025)] == ["On 9 May, th"]


# ------------------------------------------------------------------ polls and same-day acts in a digest

DIGEST = (
    "Alliance Digest\n\n"
    "  • In a Kyodo News poll published on November 6, support for the government stood at 58.1%. Two days"
    " later the foreign minister released a statement welcoming the outcome.\n"
    "  • Ana Reyes and Tom Hale spoke by telephone on November 8 about supply chain resilience in the region.\n"
    "  • Li Wen and Omar Said spoke by telephone on November 8 about supply chain resilience in the region.\n"
)


def test_a_polls_publication_is_no_act_but_later_days_count_from_it() -> None:
    got = [(e.span.start, e.text) for e in dated_sentences(DIGEST, 2024)]
    assert (date(2024, 11, 8), "Two days later the foreig") in [(d, t[:25]) for d, t in got]
    assert not any("poll" in t for _, t in got)


def test_the_same_words_between_other_people_on_one_day_are_two_acts() -> None:
    got = [e.text.lstrip("• ")[:10] for e in dated_sentences(DIGEST, 2024)]
    assert "Ana Reyes " in got and "Li Wen and" in got
