"""Whole-report extraction: tables match the schema, every row points back at its sentence."""

from datetime import date
from pathlib import Path

import pytest

from tests.test_events import EVENT_TABLES, reference_with_hamada
from transforms.document import Document
from transforms.extract import extract_document
from transforms.readers import read_document
from transforms.reference import Reference
from warehouse.schema import TABLES_BY_NAME

REPO = Path(__file__).resolve().parents[1]
SEED_REPORTS = sorted((REPO / "seeds" / "reports").iterdir())

CHRONO = """US-JAPAN RELATIONS

CHRONOLOGY OF US-JAPAN RELATIONS

MAY–AUGUST 2021

May 3: Prime Minister Kishida Fumio meets with Park Jin in Tokyo. Later that day, both meet with \
Secretary of State Antony Blinken.

May 21-22: Kishida and Blinken speak by telephone.
"""


@pytest.fixture(scope="module")
def ref():
    return Reference.from_tables(EVENT_TABLES)


def extract(text, ref):
    return extract_document(Document(text=text, format="txt", source_text=text), ref, file_id="f1", report_id="r1")


def test_tables_follow_the_schema(ref):
    tables = extract(CHRONO, ref)
    for name, table in tables.items():
        assert table.schema.equals(TABLES_BY_NAME[name].arrow_schema), name


def test_two_acts_in_one_entry_are_two_events_and_both_carries_participants(ref):
    events = extract(CHRONO, ref)["events"].to_pylist()
    assert [(e["date_start"], e["event_type"]) for e in events] == [
        (date(2021, 5, 3), "meeting"), (date(2021, 5, 3), "meeting"), (date(2021, 5, 21), "phone_call")]
    tables = extract(CHRONO, ref)
    people = {p["participant_id"]: p["canonical_name"] for p in tables["participants"].to_pylist()}
    second = events[1]["event_id"]
    names = {people[link["participant_id"]] for link in tables["event_participants"].to_pylist()
             if link["event_id"] == second}
    assert names == {"Fumio Kishida", "Park Jin", "Antony Blinken"}


def test_provenance_offsets_point_at_the_sentence(ref):
    tables = extract(CHRONO, ref)
    for e in tables["events"].to_pylist():
        assert CHRONO[e["char_start"]:e["char_end"]] == e["text"]
    for link in tables["event_participants"].to_pylist():
        assert CHRONO[link["char_start"]:link["char_end"]] == link["mention"]


def test_surname_mentions_resolve_to_the_person_named_earlier(ref):
    tables = extract(CHRONO, ref)
    aliases = {(a["alias"]) for a in tables["participant_aliases"].to_pylist()}
    names = {p["canonical_name"] for p in tables["participants"].to_pylist()}
    assert "Fumio Kishida" in names and "Kishida" not in names
    assert {"Kishida Fumio", "Kishida"} <= aliases


def test_ids_are_stable_across_runs(ref):
    a = extract(CHRONO, ref)["events"].column("event_id").to_pylist()
    b = extract(CHRONO, ref)["events"].column("event_id").to_pylist()
    assert a == b and len(set(a)) == len(a)


def test_digest_year_is_inferred_from_offices_not_from_the_copyright_line():
    text = ("Weekly digest\n\nDefense Minister Hamada visited Washington on September 14 and met officials to "
            "discuss the alliance.\n\n© 2024 Some Publisher")
    events = extract(text, reference_with_hamada())["events"].to_pylist()
    assert [(e["date_start"], e["date_inferred"]) for e in events] == [(date(2022, 9, 14), True)]


@pytest.mark.parametrize("path", SEED_REPORTS, ids=lambda p: p.name)
def test_seed_reports_extract_events_with_valid_offsets(path):
    from warehouse.seeds import load_reference

    doc = read_document(path.name, path.read_bytes())
    tables = extract_document(doc, load_reference(), file_id="f", report_id="r")
    events = tables["events"].to_pylist()
    assert len(events) >= 5
    for e in events:
        assert doc.text[e["char_start"]:e["char_end"]] == e["text"]
        assert e["date_start"] <= e["date_end"]
    for m in tables["metrics"].to_pylist():
        assert doc.text[m["char_start"]:m["char_end"]] == m["text"]


def test_a_place_without_a_state_gives_no_empty_country(ref):
    tables = dict(EVENT_TABLES)
    tables["places"] = [*EVENT_TABLES["places"], {"name": "Taiwan Strait", "country": "", "latitude": "24.5",
                                                  "longitude": "119.5", "kind": "body_of_water"}]
    text = "CHRONOLOGY\n\nMay 3, 2021: A destroyer transits the Taiwan Strait.\n\nMay 4, 2021: X.\n\nMay 5, 2021: Y."
    events = extract(text, Reference.from_tables(tables))["events"].to_pylist()
    assert events[0]["location"] == "Taiwan Strait"
    assert events[0]["countries"] == [] and events[0]["location_country"] is None


def test_a_state_named_in_a_participants_title_is_not_an_actor(ref):
    text = ("CHRONOLOGY\n\nJune 1, 2023: US Forces Korea Commander Gen. Paul LaCamera says the alliance is ready.\n\n"
            "June 2, 2023: X.\n\nJune 3, 2023: Y.")
    events = extract(text, ref)["events"].to_pylist()
    assert events[0]["text"].startswith("US Forces Korea Commander")  # "Gen." does not end the sentence
    assert events[0]["countries"] == ["USA"]


def test_an_unknown_japanese_name_follows_the_reports_order_even_before_a_known_one(ref):
    text = CHRONO.replace("May 21-22: Kishida and Blinken speak by telephone.",
                          "May 21-22: Kishida and Blinken speak by telephone.\n\n"
                          "May 25: Japanese State Minister Tsuge Yoshifumi visits Manila.")
    text = text.replace("May 3:", "May 2: Japanese State Minister Tsuge Yoshifumi visits Seoul.\n\nMay 3:")
    names = {p["canonical_name"] for p in extract(text, ref)["participants"].to_pylist()}
    assert "Yoshifumi Tsuge" in names and "Tsuge Yoshifumi" not in names  # "Kishida Fumio": family first
