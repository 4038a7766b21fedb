"""Dating, round 11: day headings that date every block under them (a diary's "Tuesday the 4th", a schedule's
"THURSDAY, 6 MARCH 2025", a live blog's one day over time-stamped entries), and the lines and clauses that
are not acts. Every sentence here is written for the test."""

from datetime import date

from transforms.chronology import dated_sentences
from transforms.extract import report_year
from transforms.readers import read_document


def dated(text: str, year: int | None = 2025) -> list[tuple[date, str]]:
    return [(e.span.start, e.text[:40]) for e in dated_sentences(text, year)]


def day_of(text: str, opening: str, year: int | None = 2025) -> date | None:
    found = [d for d, t in dated(text, year) if t.startswith(opening)]
    return found[0] if found else None


# ------------------------------------------------------------------ a diary's day headings

DIARY = """Notes from the road with the Estonian delegation

Monday 3rd March

The flight to Vilnius was late and the coffee was worse than usual on the plane.

Prime Minister Kristen Michal met Lithuanian President Gitanas Nauseda at the Presidential Palace shortly after noon.

In the evening Kristen Michal visited the monument in Cathedral Square with the ambassador.

Wednesday the 5th

A slow morning, two cancelled interviews and an hour of rain on the hotel window.

Foreign Minister Margus Tsahkna signed a transit protocol with his Latvian counterpart Baiba Braze in Riga.

Friday 7th

Prime Minister Kristen Michal briefed the Riigikogu committee on the two days of talks in Tallinn.
"""


def test_a_diary_day_heading_dates_every_block_under_it():
    assert day_of(DIARY, "Prime Minister Kristen Michal met") == date(2025, 3, 3)
    assert day_of(DIARY, "In the evening Kristen Michal") == date(2025, 3, 3)  # the second block under it


def test_a_day_heading_without_a_month_takes_the_month_of_the_day_before():
    assert day_of(DIARY, "Foreign Minister Margus Tsahkna") == date(2025, 3, 5)
    assert day_of(DIARY, "Prime Minister Kristen Michal briefed") == date(2025, 3, 7)


def test_a_month_less_heading_on_the_wrong_weekday_is_no_day():
    wrong = DIARY.replace("Wednesday the 5th", "Thursday the 5th")  # 5 March 2025 was a Wednesday
    assert day_of(wrong, "Foreign Minister Margus Tsahkna") != date(2025, 3, 5)


def test_the_diarists_own_doings_are_not_acts():
    text = DIARY.replace("The flight to Vilnius", "I flew to Vilnius on a plane that")
    assert day_of(text, "I flew") is None


# ------------------------------------------------------------------ a schedule's capitalised day headers

SCHEDULE = """OFFICE OF THE PRIME MINISTER - PUBLIC DIARY

==============================
TUESDAY, 4 MARCH 2025
==============================

10:00   Meeting with the Ambassador of Japan

        READOUT: Prime Minister Evika Silina received the Ambassador of Japan at the State Chancellery.

15:00   Cabinet sitting

        READOUT: The Cabinet approved a loan guarantee for the port of Liepaja and new school budgets for Latgale.

==============================
THURSDAY, 6 MARCH 2025
==============================

11:00   Visit to Daugavpils

        READOUT: Prime Minister Evika Silina visited Daugavpils and condemned an arrest on Wednesday.

16:00   Accreditation

        Press note: television crews must send their names to the press office by 12:00 on the previous day.
"""


def test_a_capitalised_day_header_dates_every_readout_under_it():
    assert day_of(SCHEDULE, "READOUT: Prime Minister Evika Silina rec") == date(2025, 3, 4)
    assert day_of(SCHEDULE, "READOUT: The Cabinet approved") == date(2025, 3, 4)


def test_a_weekday_in_a_readout_counts_from_its_day_header():
    assert day_of(SCHEDULE, "READOUT: Prime Minister Evika Silina vis") == date(2025, 3, 5)


def test_an_obligation_is_no_act():
    assert day_of(SCHEDULE, "Press note") is None


# ------------------------------------------------------------------ a live blog's one day

BLOG = """Chile votes: live coverage

Friday 7 March 2025

18:40 GMT

Senate passes the pension bill

The Chilean Senate passed the pension reform bill by 40 votes to 7 after a nine-hour debate in Valparaiso.

16:05 GMT

Boric meets Lula

President Gabriel Boric received Brazilian President Luiz Inacio Lula da Silva at La Moneda palace.
"""


def test_a_live_blogs_day_header_dates_its_time_stamped_entries():
    assert day_of(BLOG, "The Chilean Senate passed") == date(2025, 3, 7)
    assert day_of(BLOG, "President Gabriel Boric received") == date(2025, 3, 7)


PAGE = """A long read on the Andes

7 March 2025

Introductory words about the region and its long history of mountain passes and trade.

President Gabriel Boric received Brazilian President Luiz Inacio Lula da Silva at La Moneda palace.

Argentine President Javier Milei spoke of a new customs agreement with Chile.
"""


def test_one_date_line_over_a_page_is_no_day_heading():
    # a page's one date (not a diary's days, no time-stamped entries) does not date every act below it
    assert day_of(PAGE, "Argentine President Javier Milei") is None


def test_the_people_just_named_go_on_with_the_same_act_under_a_day_heading():
    text = DIARY.replace("at the Presidential Palace shortly after noon.",
                         "at the Presidential Palace shortly after noon. The two also discussed fishing quotas.")
    assert day_of(text, "The two also discussed") is None  # more of the meeting, not an act of its own


# ------------------------------------------------------------------ a podcast's recording day

PODCAST = """THE BALTIC HOUR

Recorded: Thursday 10 April 2025 (released Saturday 12 April 2025)

[00:00:10] HOST: Welcome back. A busy week in Vilnius and Riga.

[00:00:31] GUEST: On Monday the 7th, Lithuanian President Gitanas Nauseda signed the defence budget law.

[00:00:52] GUEST: And last Wednesday, the 2nd, Latvian Prime Minister Evika Silina met the Estonian premier in Valga.

[00:01:20] HOST: Yesterday President Alar Karis of Estonia opened a new border post at Narva.

[00:01:44] HOST: Before we close: Nauseda, to repeat what we said earlier, signed that law on the 7th.
"""


def test_a_recording_line_is_the_day_a_podcast_counts_from_not_an_act():
    assert day_of(PODCAST, "Recorded") is None
    assert day_of(PODCAST, "[00:01:20] HOST: Yesterday President") == date(2025, 4, 9)


def test_a_weekday_with_its_day_of_the_month_is_that_day():
    assert day_of(PODCAST, "[00:00:31] GUEST: On Monday the 7th") == date(2025, 4, 7)
    # "last Wednesday" alone would be the day before the recording; the 2nd says which Wednesday
    assert day_of(PODCAST, "[00:00:52] GUEST: And last Wednesday") == date(2025, 4, 2)


def test_a_recap_of_an_act_told_before_is_not_a_second_act():
    assert day_of(PODCAST, "[00:01:44] HOST: Before we close") is None


def test_the_weekday_says_which_month_the_day_of_the_month_is_in():
    text = PODCAST.replace("On Monday the 7th,", "On Wednesday the 19th,")  # 19 March 2025 (19 April: a Saturday)
    assert day_of(text, "[00:00:31] GUEST: On Wednesday") == date(2025, 3, 19)


# ------------------------------------------------------------------ the year of a yearless day; deadlines

EXPLAINER = """Why did Bolivia's vote go to a second round?

By the Andes desk. Updated 3 March 2025. Reading time: 5 minutes.

On 17 August 2024, Bolivians voted in a first round that left no candidate with a majority.

Four days later, on 21 August, the electoral tribunal published the final count in La Paz.

On 19 October, President Luis Arce received the two finalists at the Casa Grande del Pueblo.

The tribunal is supposed to publish its audit on 30 June; nobody expects it on time.

Write to us at 22 Jan Smuts Street, Cochabamba.
"""


def test_a_yearless_day_after_the_page_was_written_is_in_the_running_year():
    assert day_of(EXPLAINER, "Four days later") == date(2024, 8, 21)
    assert day_of(EXPLAINER, "On 19 October, President Luis Arce") == date(2024, 10, 19)


def test_a_yearless_day_before_the_page_was_written_keeps_the_reports_year():
    text = EXPLAINER.replace("On 19 October,", "On 19 February,")
    assert day_of(text, "On 19 February, President Luis Arce") == date(2025, 2, 19)


def test_a_plan_with_a_deadline_and_an_address_are_no_acts():
    assert day_of(EXPLAINER, "The tribunal is supposed") is None
    assert day_of(EXPLAINER, "Write to us") is None


def test_a_deadline_or_the_day_a_rule_applies_from_is_not_the_acts_day():
    text = """Council notes

12 March 2025

The Security Council this morning extended, until 31 March 2026, the mandate of the mission in Haiti.

The Cabinet adopted a decree on fuel prices, to apply from 1 May, at its weekly session in Kyiv.
"""
    assert day_of(text, "The Security Council this morning") == date(2025, 3, 12)
    assert day_of(text, "The Cabinet adopted") is None  # (not 1 May: the decree's act has no day of its own)


# ------------------------------------------------------------------ a feed's item stamps; a background month

FEED = """Baltic week: the items we read

2025-06-11 08:30 via LRT

Vilnius hosts Nordic ministers

Lithuanian Foreign Minister Kestutis Budrys received his Nordic counterparts in Vilnius for a day of talks.

2025-06-10 17:05 via ERR

Tallinn port strike ends

Estonian dock workers ended a three-day strike after the port authority agreed to a new wage deal.
"""


def test_a_feed_items_stamp_dates_its_summary():
    assert day_of(FEED, "Lithuanian Foreign Minister Kestutis") == date(2025, 6, 11)
    assert day_of(FEED, "Estonian dock workers ended") == date(2025, 6, 10)


def test_a_publication_line_is_no_item_stamp():
    text = FEED.replace("2025-06-11 08:30 via LRT", "2025-06-11 08:30 updated after the talks")
    assert day_of(text, "Lithuanian Foreign Minister Kestutis") is None


def test_a_month_the_text_looks_back_to_does_not_set_the_reports_year(ref):
    text = "Weekly digest\n\nThe minister cited the port fire of May 2023 and the talks in March 2025.\n"
    assert report_year(text, ref, None)[0] == 2025  # "in March 2025" counts; "of May 2023" does not


def test_days_printed_with_their_year_outweigh_months(ref):
    text = """Weekly digest

A court in Riga jailed two men on 4 March 2025 over cable damage.

The cable was cut in May 2023, and again in June 2023, the prosecutor said.
"""
    assert report_year(text, ref, None)[0] == 2025


# ------------------------------------------------------------------ lines and clauses that are not acts

REPORT = """Report of the Secretary-General on the situation in Haiti

It covers developments from 1 February to 30 April 2025.

The Council endorsed the statement by its President of 14 March 2025 (S/PRST/2025/3) on the gangs.

Mr. Ruiz said that the Kenyan-led mission had taken over on 2 May 2025 at the port of Port-au-Prince.

Ms. Dubois recalled that the mission took over from the earlier force on 1 July 2024 in Port-au-Prince.

An estimated 1 million people were displaced as at 31 March 2025.

On 12 April 2025, the Transitional Presidential Council appointed Alix Didier Fils-Aime as Prime Minister.

The Prime Minister gave an interview, recorded to be broadcast on Sunday, 4 May 2025, in Port-au-Prince.

PUBLIC SCHEDULE OF THE PRIME MINISTER Week 18: Monday, 28 April - Friday, 2 May 2025 (times are local).

_______________

1 OCHA, Haiti Humanitarian Update No. 7, 2 April 2025.

2 IOM, "Displacement tracking in the capital", 15 April 2025.

What comes next?

The Council is expected to meet again soon, and the mission will report on 30 June 2025.

The Prime Minister met the electoral council on 5 May 2025 to fix a calendar.
"""


def test_coverage_references_background_and_as_at_dates_are_not_acts():
    found = dated(REPORT)
    not_acts = ("It covers", "The Council endorsed", "Ms. Dubois", "An estimated")
    assert [t for d, t in found if t.startswith(not_acts)] == []
    assert day_of(REPORT, "On 12 April 2025, the Transitional") == date(2025, 4, 12)
    assert day_of(REPORT, "Mr. Ruiz said") == date(2025, 5, 2)  # told, but not recalled: an act


def test_a_day_still_to_come_and_a_schedules_week_are_not_acts():
    assert day_of(REPORT, "The Prime Minister gave an interview") is None
    assert day_of(REPORT, "PUBLIC SCHEDULE") is None


def test_numbered_footnotes_that_cite_a_source_are_not_acts():
    assert [t for d, t in dated(REPORT) if t[:2] in ("1 ", "2 ")] == []


def test_a_what_comes_next_section_holds_plans():
    assert day_of(REPORT, "The Prime Minister met the electoral") is None


# ------------------------------------------------------------------ sub-items under a dated entry

YEAR_PAGE = """2025 in Chile

March

- 11 March – President Gabriel Boric addresses the National Congress in Valparaiso on energy policy.
  - The Senate approves the lithium royalty bill the same week.
  - Argentine President Javier Milei signs a gas transit protocol with Chile in Santiago.

April

- Chilean miners strike at the Escondida copper mine in Antofagasta for three days.
"""


def year_page_text() -> str:
    return read_document("chile.md", YEAR_PAGE.encode()).text  # as the Markdown reader gives it: no bullets


def test_a_sub_item_without_a_day_of_its_own_takes_its_entrys_day():
    assert day_of(year_page_text(), "Argentine President Javier Milei") == date(2025, 3, 11)


def test_a_heading_ends_the_entrys_sub_items():
    assert day_of(year_page_text(), "Chilean miners strike") is None
    other_heading = year_page_text().replace("\nApril\n", "\nRegional news\n")
    assert day_of(other_heading, "Chilean miners strike") is None


def test_a_byline_after_a_feed_item_ends_that_items_day():
    text = FEED + ("\nBy Ona Petrauskaite | 14 June 2025\n\n"
                   "Latvian President Edgars Rinkevics met the Swedish king on Thursday.\n")
    assert day_of(text, "Latvian President Edgars Rinkevics") == date(2025, 6, 12)  # counted from the byline


def test_a_vague_time_of_its_own_is_not_the_day_headings():
    text = BLOG.replace("at La Moneda palace.", "at La Moneda palace.\n\nChile hosted three rounds of "
                        "Pacific trade talks earlier this year, officials in Santiago noted.")
    assert day_of(text, "Chile hosted three rounds") is None


# ------------------------------------------------------------------ a reference list's dates, an edit footer

WIKI_PAGE = """2025 in Chile

11 March – President Gabriel Boric addresses the National Congress in Valparaiso on energy policy.[1]

References

"Boric speaks to Congress". El Mercurio. 12 March 2025. Retrieved 14 March 2025.

"Energy plan". La Tercera. 13 March 2025. pp. 4–5. Archived from the original on 20 March 2025.

This page was last edited on 9 April 2025, at 10:02 (UTC).
"""


def test_a_reference_lists_dates_and_an_edit_footer_are_not_acts():
    assert dated(WIKI_PAGE) == [(date(2025, 3, 11), "11 March – President Gabriel Boric addre")]
