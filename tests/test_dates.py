from datetime import date

import pytest

from transforms.dates import ENTRY_HEAD, parse_date_expr, parse_period_heading


@pytest.mark.parametrize(
    ("expr", "start", "end", "precision"),
    [
        ("Sept. 1, 2023", date(2023, 9, 1), date(2023, 9, 1), "day"),
        ("Sept 1", date(2023, 9, 1), date(2023, 9, 1), "day"),
        ("September 1", date(2023, 9, 1), date(2023, 9, 1), "day"),
        ("1 September 2023", date(2023, 9, 1), date(2023, 9, 1), "day"),
        ("Dec. 5-7, 2023", date(2023, 12, 5), date(2023, 12, 7), "day"),
        ("Oct. 29-30", date(2023, 10, 29), date(2023, 10, 30), "day"),
        ("12–14 March 2021", date(2021, 3, 12), date(2021, 3, 14), "day"),
        ("Aug. 22–Sept. 1, 2022", date(2022, 8, 22), date(2022, 9, 1), "day"),
        ("June 2022", date(2022, 6, 1), date(2022, 6, 30), "month"),
        ("Dec. 31, 2023–Jan. 2, 2024", date(2023, 12, 31), date(2024, 1, 2), "day"),
    ],
)
def test_date_expressions(expr, start, end, precision):
    span = parse_date_expr(expr, default_year=2023)
    assert (span.start, span.end, span.precision) == (start, end, precision)


def test_missing_year_comes_from_context_and_is_marked():
    span = parse_date_expr("Nov. 3", default_year=2019)
    assert span.start == date(2019, 11, 3) and span.inferred
    assert not parse_date_expr("Nov. 3, 2020", default_year=2019).inferred


def test_cross_year_range_without_year_starts_in_previous_year():
    span = parse_date_expr("Dec. 30–Jan. 2", default_year=2024)
    assert (span.start, span.end) == (date(2023, 12, 30), date(2024, 1, 2))


def test_no_year_anywhere_gives_none():
    assert parse_date_expr("Sept. 1", default_year=None) is None


def test_impossible_date_is_rejected():
    assert parse_date_expr("Feb. 30, 2023", 2023) is None


def test_period_heading():
    assert parse_period_heading("SEPTEMBER–DECEMBER 2023") == (date(2023, 9, 1), date(2023, 12, 31))
    assert parse_period_heading("JANUARY—APRIL 2023") == (date(2023, 1, 1), date(2023, 4, 30))
    assert parse_period_heading("September 2023 was busy") is None


def test_entry_head_needs_a_separator():
    assert ENTRY_HEAD.match("Oct. 16-18, 2023: US and Japan hold talks")["date"] == "Oct. 16-18, 2023"
    assert ENTRY_HEAD.match("June 2022: Elections are held")["date"] == "June 2022"
    assert ENTRY_HEAD.match("Sept. 1 was a Friday") is None
