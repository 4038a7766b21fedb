"""Dates and entries in layouts seen in blind sets: spreadsheet trackers (tab-separated, "25-Dec-24"),
PDF timelines with dash heads ("3 Mar 2023 — …"), and the text that follows a chronology."""

from datetime import date

from transforms.dates import DATE_EXPR, parse_date_expr


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
