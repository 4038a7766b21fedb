"""People and their states, round 11: a state comes from the act's own words, not from the report as a
whole; titles and states around a name; people acting in an international role; speakers and authors.
Read with the project's own reference (seeds/); the people in these sentences are invented unless known."""

import pytest

from transforms.document import Document
from transforms.extract import extract_document
from warehouse.seeds import SEED_DIR, load_reference


@pytest.fixture(scope="module")
def ref():
    return load_reference(SEED_DIR)


def people_of(body: str, ref, head: str = "Chronology") -> list[list[tuple[str, str | None]]]:
    """Per event: (canonical name, country) of each participant, for a chronology `body`."""
    text = f"{head}\n\n{body}\n"
    tables = extract_document(Document(text=text, format="txt", source_text=text), ref, file_id="f1",
                              report_id="r1")
    names_by_id = {p["participant_id"]: p["canonical_name"] for p in tables["participants"].to_pylist()}
    by_event: dict[str, list] = {}
    for link in tables["event_participants"].to_pylist():
        by_event.setdefault(link["event_id"], []).append((names_by_id[link["participant_id"]], link["country"]))
    return [sorted(by_event.get(e["event_id"], [])) for e in tables["events"].to_pylist()]


_TWO_STATES = "March 3, 2025: Brazil and Kenya agree to expand coffee research; Brazil sends agronomists.\n"


def test_an_unknown_person_is_not_of_the_other_state_of_the_report_without_a_word_for_it(ref):
    events = people_of(_TWO_STATES + "March 4, 2025: President William Ruto met Governor Amani Wekesa in Nakuru.", ref)
    assert ("Amani Wekesa", None) in events[-1]


def test_the_other_state_named_just_before_the_person_is_theirs(ref):
    events = people_of(_TWO_STATES + "March 5, 2025: President William Ruto held talks in Nairobi with a Brazilian"
                       " delegation under chief negotiator Paulo Mendonça Tavares.", ref)
    assert ("Paulo Mendonça Tavares", "BRA") in events[-1]
