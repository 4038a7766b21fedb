"""A person's state inside one report: learned where the text gives it (a candidate in a state's vote), and
then theirs at every act of the report. Read with the project's own reference (seeds/); the people in
these sentences are invented."""

import pytest

from tests.extraction_helpers import extract_text, mention_names, participants_per_event


def events_of(body: str, ref) -> tuple[list[dict], list[list[tuple[str, str | None]]]]:
    tables = extract_text(f"Chronology\n\n{body}\n", ref)
    return tables["events"].to_pylist(), participants_per_event(tables, "country")


def test_a_candidate_in_a_states_election_is_of_that_state(ref):
    events, people = events_of("June 1, 2025: Mayor Ilinca Varga won Romania's presidential runoff with 53.2% of"
                               " the vote to 46.8% for the nationalist Andrei Marinescu.", ref)
    assert events[0]["event_type"] == "election"
    assert sorted(people[0]) == [("Andrei Marinescu", "ROU"), ("Ilinca Varga", "ROU")]


def test_a_state_learned_at_one_act_is_the_persons_at_later_acts(ref):
    events, people = events_of("June 1, 2025: Mayor Ilinca Varga won Romania's presidential runoff with 53.2% of"
                               " the vote to 46.8% for the nationalist Andrei Marinescu.\n"
                               "June 2, 2025: Andrei Marinescu conceded defeat in a video statement.", ref)
    assert people[1] == [("Andrei Marinescu", "ROU")]
    assert events[1]["countries"] == ["ROU"]


def test_a_person_whose_state_is_never_given_keeps_none(ref):
    events, people = events_of("June 2, 2025: Andrei Marinescu conceded defeat in a video statement.", ref)
    assert people[0] == [("Andrei Marinescu", None)]
    assert events[0]["countries"] == []


def test_the_people_a_visitor_meets_in_the_place_visited_are_its_hosts(ref):
    events, people = events_of("May 13, 2025: Polish Deputy Foreign Minister Tomasz Wolski visited Chisinau and met"
                               " Deputy Prime Minister Ana Rusu to discuss the border.", ref)
    assert sorted(people[0]) == [("Ana Rusu", "MDA"), ("Tomasz Wolski", "POL")]
    assert events[0]["countries"] == ["MDA", "POL"]


def test_a_person_met_elsewhere_than_the_place_visited_is_not_made_its_host(ref):
    _, people = events_of("May 13, 2025: Polish Deputy Foreign Minister Tomasz Wolski met Deputy Prime Minister"
                          " Ana Rusu in Chisinau to discuss the border.", ref)
    assert ("Ana Rusu", None) in people[0]


@pytest.mark.parametrize("text", ["Prime Minister Petr Fiala – State visit.",
                                  "Prime Minister Petr Fiala - Working visit."])
def test_a_name_ends_at_a_dash_before_a_capitalised_label(text, ref):
    assert mention_names(text, ref) == ["Petr Fiala"]
