"""Round 13 events: kinds of acts (a state's own weapons striking, shots into a crowd, clashes, hearings,
co-chaired commissions, relief delivered, a verbless trip), the states acting and where. Sentences invented for
these tests; read with the project's own reference (seeds/)."""

import pytest

from tests.extraction_helpers import one_chronology_event


def one_event(sentence: str, ref) -> dict:
    return one_chronology_event(sentence, ref, day="April 2, 2025")


@pytest.mark.parametrize(("sentence", "kind"), [
    # a state's own weapons striking are its use of force, not an unplanned attack
    ("Russian missiles struck four depots near Kharkiv overnight.", "military_action"),
    ("Israeli artillery shelled two hamlets south of the river.", "military_action"),
    # one armed man shooting into people is an attack; who sent him there does not make it a deployment
    ("A policeman deployed at a market in Kumasi fired into the crowd, wounding five traders.", "incident"),
    ("Clashes between rival herders near the well left three dead.", "incident"),
    ("Loud blasts shook the harbour district after midnight.", "incident"),
    # "on land": a preposition's noun, not the verb "land"
    ("Armenia and Azerbaijan agreed to halt all shooting on land and on the lake.", "agreement"),
    ("The senators were received at the Foreign Office by Minister of State Jane Tullow.", "meeting"),
    ("The Select Committee took evidence from the ambassador of Peru.", "meeting"),
    ("Minister Ana Ruiz and Minister Pedro Alba co-chaired the third Mixed Commission in Quito.", "meeting"),
    ("Norway delivered 80 tonnes of relief supplies to Port-au-Prince.", "aid"),
    ("Minister Ana Ruiz delivered a speech on humanitarian relief in Quito.", "statement"),
    ("Joint visit to the twin cities of the northern border.", "visit"),
    ("A gunman posted at an election rally in Tamale fired into a crowd, killing one.", "incident"),
])
def test_kind_of_the_act(ref, sentence, kind):
    assert one_event(sentence, ref)["event_type"] == kind


def test_a_where_clause_with_a_large_number_is_not_the_act(ref):
    # the relative clause's "attacks" (its comma inside "120,000") neither types nor places the visit
    event = one_event("The envoy visited Tawila, where some 120,000 people have arrived after fleeing attacks on "
                      "Zamzam camp.", ref)
    assert (event["event_type"], event["location"]) == ("visit", "Tawila")


def test_a_named_forum_of_two_states_makes_its_co_chairs_sides(ref):
    event = one_event("Trade Secretary Jun Reyes and Minister Siti Rahman co-chaired the Philippines-Malaysia "
                      "Business Council in Makati.", ref)
    assert event["countries"] == ["MYS", "PHL"]
