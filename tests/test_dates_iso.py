"""ISO 8601 dates (2025-03-10) and ranges of them, as briefs and spreadsheets print them."""

from datetime import date

import pytest

from transforms.chronology import chronology_entries
from transforms.dates import DATE_EXPR, ENTRY_HEAD, parse_date_expr


@pytest.mark.parametrize(("expr", "start", "end"), [
    ("2025-03-10", date(2025, 3, 10), date(2025, 3, 10)),
    ("2025-03-10 to 2025-03-20", date(2025, 3, 10), date(2025, 3, 20)),
    ("2025-03-28 – 2025-03-30", date(2025, 3, 28), date(2025, 3, 30)),
    ("2024-12-31 to 2025-01-02", date(2024, 12, 31), date(2025, 1, 2)),
])
def test_iso_dates_and_ranges(expr, start, end):
    span = parse_date_expr(expr, None)  # no context year needed: the date prints its own
    assert (span.start, span.end, span.precision, span.inferred) == (start, end, "day", False)


def test_impossible_or_partial_iso_dates_are_not_dates():
    assert parse_date_expr("2025-02-30", None) is None
    found = [m.group(0) for m in DATE_EXPR.finditer("signed 2024-11-04; fielded 2024-12-10 to 2024-12-12; "
                                                      "file 2024-11-04-A; 12-2024; 2024-13-01")]
    assert found == ["2024-11-04", "2024-12-10 to 2024-12-12"]


def test_iso_dated_chronology_lines_and_bare_iso_dates():
    text = ("Chronology\n2025-01-06: Blinken and Cho hold talks in Seoul.\n2025-03-10 to 2025-03-20\n"
            "US and South Korean forces conduct a combined exercise.\n")
    assert ENTRY_HEAD.match("2025-01-06: Blinken and Cho hold talks in Seoul.")["date"] == "2025-01-06"
    entries = chronology_entries(text)
    assert [(e.span.start, e.span.end) for e in entries] == [(date(2025, 1, 6), date(2025, 1, 6)),
                                                              (date(2025, 3, 10), date(2025, 3, 20))]
    assert entries[1].text.startswith("US and South Korean forces")


def test_iso_dated_lines_of_a_text_report_start_their_own_entries():
    from transforms.readers import read_document

    doc = read_document("brief.txt", b"Brief\n\nChronology\n\n2025-01-06: Blinken and Cho hold talks in Seoul.\n"
                                     b"2025-01-07: Blinken and Iwaya meet\nin Tokyo.\n")
    entries = chronology_entries(doc.text)
    assert [e.text for e in entries] == ["Blinken and Cho hold talks in Seoul.", "Blinken and Iwaya meet in Tokyo."]
