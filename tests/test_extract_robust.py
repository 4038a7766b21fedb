"""Extraction never raises on report-like text: every heuristic meets odd input sooner or later, and
an exception would quarantine a whole report."""

from __future__ import annotations

import csv
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import REPO_ROOT
from transforms.document import Document
from transforms.extract import extract_document
from transforms.reference import SEED_TABLES, Reference
from warehouse.schema import TABLES_BY_NAME

# Pieces the extractors react to: dates of every form, datelines, names and titles, numbers,
# brackets and quotes, list and table markup.
FRAGMENTS = [
    "Jan. 6, 2025:", "2025-03-10 to 2025-03-20", "| 2025-01-07 |", "4 to 14 March", "May 28-30", "Dec. 31-Jan. 2",
    "SEOUL, 4 March (Staff) —", "WASHINGTON (Reuters) -", "The same day", "on Tuesday", "The following day",
    "Prime Minister Kishida Fumio", "President Marcos", "Austin", "Secretary General", "Colorado Gov.",
    "(LDP)", "(", ")", "“", "”", ".", ",", ";", ":", "—", "-", "−", "%", "$", "¥", "minus", "out of",
    "11 out of 15 plaintiffs", "seven times", "three missiles", "2+2", "by 2030", "© 2024", "Edition 58 |",
    "meets", "met", "agreed to lift", "hosts", "says", ", and China bans", ", with Kim saying", "in Tokyo",
    "Japan", "US-Japan-ROK", "Beijing", "survey", "poll", "since", "\n", "\n\n", "# Chronology", "- ",
    "| Date | Event |", "−0.1%", "minus 4.2 points", "(-3%)", "$1.5 billion", "¥200 million", "66%", "1,000 troops",
]


@cache
def reference() -> Reference:
    seeds = REPO_ROOT / "seeds"
    return Reference.from_tables({n: list(csv.DictReader((seeds / f"{n}.csv").open(encoding="utf-8")))
                                  for n in SEED_TABLES if (seeds / f"{n}.csv").exists()})


# Pieces joined with a space, a line break or nothing ("−" right before "0.1%").
fragment = st.sampled_from(FRAGMENTS)
piece = st.tuples(st.one_of(fragment, fragment, fragment, st.text(max_size=6), st.integers(0, 3000).map(str)),
                  st.sampled_from([" ", " ", " ", "", "\n"]))
report_text = st.lists(piece, min_size=10, max_size=120).map(lambda pieces: "".join(p + sep for p, sep in pieces))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report_text)
def test_extraction_never_raises_and_keeps_to_the_schema(text: str) -> None:
    tables = extract_document(Document(text=text, format="txt", source_text=text), reference(),
                              file_id="f1", report_id="r1")
    for name, table in tables.items():
        assert table.schema.equals(TABLES_BY_NAME[name].arrow_schema), name
    for row in tables["events"].to_pylist() + tables["metrics"].to_pylist():
        assert 0 <= row["char_start"] <= row["char_end"] <= len(text)
