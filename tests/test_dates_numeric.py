"""All-numeric dates as European trackers print them (24.02.2025, 23–25.03.2025), slash dates only where
their order is known, and PDF-style chronology heads with no colon ("21 Oct.  Talks …")."""

from datetime import date

import pytest

from transforms.chronology import chronology_entries
from transforms.dates import DATE_EXPR, ENTRY_HEAD, numeric_order, parse_date_expr


@pytest.mark.parametrize(("expr", "start", "end"), [
    ("14.05.2024", date(2024, 5, 14), date(2024, 5, 14)),
    ("3.9.2023", date(2023, 9, 3), date(2023, 9, 3)),
    ("08–10.11.2022", date(2022, 11, 8), date(2022, 11, 10)),
    ("30.06.–02.07.2021", date(2021, 6, 30), date(2021, 7, 2)),
    ("31.12.2023 – 02.01.2024", date(2023, 12, 31), date(2024, 1, 2)),
])
def test_dotted_dates_are_day_first(expr, start, end):
    span = parse_date_expr(expr, None)
    assert (span.start, span.end, span.precision, span.inferred) == (start, end, "day", False)


def test_times_decimals_and_version_numbers_are_not_dates():
    text = ("The ferry left at 10.45, inflation was 2.3 and the app moved to 4.12.2019.7; "
            "the summit opened on 14.05.2024.")
    assert [m.group(0) for m in DATE_EXPR.finditer(text)] == ["14.05.2024"]
    assert parse_date_expr("31.02.2024", None) is None


def test_slash_dates_need_a_day_over_12_or_a_known_convention():
    assert parse_date_expr("17/04/2024", None).start == date(2024, 4, 17)
    assert parse_date_expr("04/17/2024", None).start == date(2024, 4, 17)
    assert parse_date_expr("05/04/2024", None) is None  # 5 April or May 4: no guess
    assert parse_date_expr("05/04/2024", None, "dmy").start == date(2024, 4, 5)
    assert parse_date_expr("05/04/2024", None, "mdy").start == date(2024, 5, 4)


def test_the_convention_comes_from_the_report():
    assert numeric_order("All dates are given as DD/MM/YYYY. Talks on 05/04/2024.") == "dmy"
    assert numeric_order("Filed 11/23/2023; amended 05/04/2024.") == "mdy"
    assert numeric_order("Talks on 05/04/2024 in Rome.") == ""
    assert numeric_order("Talks on 14.05.2024 in Rome.") == ""  # dotted dates need no convention


def test_numeric_table_cells_make_a_chronology():
    text = ("Ceasefire monitor\n\nDate\n\nEvent\n\n14.05.2024\n\nThe envoys meet in Geneva.\n\n"
            "20.05.2024\n\nThe two sides swap 40 detainees.\n\n08–10.06.2024\n\nExperts hold talks in Oslo.\n\n"
            "Sources: foreign ministries, press reports.\n")  # a note under the table, not the last entry's
    entries = chronology_entries(text)
    assert [(e.span.start, e.span.end, e.text) for e in entries] == [
        (date(2024, 5, 14), date(2024, 5, 14), "The envoys meet in Geneva."),
        (date(2024, 5, 20), date(2024, 5, 20), "The two sides swap 40 detainees."),
        (date(2024, 6, 8), date(2024, 6, 10), "Experts hold talks in Oslo."),
    ]


def test_ambiguous_slash_cells_follow_the_stated_convention():
    text = ("Dates are MM/DD/YYYY.\n\n05/04/2024\n\nThe envoys meet in Geneva.\n\n05/09/2024\n\n"
            "The two sides swap detainees.\n\n06/01/2024\n\nExperts hold talks in Oslo.\n")
    assert [e.span.start for e in chronology_entries(text)] == [
        date(2024, 5, 4), date(2024, 5, 9), date(2024, 6, 1)]


def test_day_first_abbreviated_head_without_a_colon():
    assert ENTRY_HEAD.match("14 Sept. Envoys meet in Oslo.")["date"] == "14 Sept."
    assert ENTRY_HEAD.match("3–4 Feb. The ministers hold talks.")["date"] == "3–4 Feb."
    assert ENTRY_HEAD.match("14 September Envoys meet") is None  # no abbreviation: no head without a colon
    assert ENTRY_HEAD.match("14 Sept. was a quiet day") is None
