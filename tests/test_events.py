import pytest

from tests.test_people import TABLES
from transforms.events import actor_countries, classify, find_location, main_verb
from transforms.reference import Reference

EVENT_TABLES = {
    **TABLES,
    "places": [
        *TABLES["places"],
        {"name": "Palo Alto", "country": "USA", "latitude": "37.44", "longitude": "-122.14", "kind": "city"},
        {"name": "California", "country": "USA", "latitude": "37", "longitude": "-120", "kind": "region"},
        {"name": "New York", "country": "USA", "latitude": "40.71", "longitude": "-74.0", "kind": "city"},
        {"name": "Indonesia", "country": "IDN", "latitude": "-2", "longitude": "118", "kind": "country"},
    ],
    "groupings": [
        {"group_id": "quad", "name": "Quad", "aliases": "Quadrilateral Security Dialogue",
         "members": "AUS|IND|JPN|USA", "expand_as_actor": "true"},
        {"group_id": "g7", "name": "G7", "aliases": "", "members": "CAN|FRA|DEU|ITA|JPN|GBR|USA",
         "expand_as_actor": "false"},
    ],
}


def reference_with_hamada() -> Reference:
    """EVENT_TABLES plus Yasukazu Hamada, Minister of Defense from 2022-08-10 to 2023-09-13: a digest that
    names him but prints no year is from those years."""
    tables = dict(EVENT_TABLES)
    tables["people"] = [*EVENT_TABLES["people"], {
        "person_id": "yasukazu-hamada", "canonical_name": "Yasukazu Hamada", "family_name": "Hamada",
        "given_name": "Yasukazu", "country": "JPN", "name_order": "given_family", "aliases": ""}]
    tables["person_roles"] = [{"person_id": "yasukazu-hamada", "role": "Minister of Defense", "country": "JPN",
                               "start_date": "2022-08-10", "end_date": "2023-09-13"}]
    return Reference.from_tables(tables)


@pytest.fixture(scope="module")
def ref():
    return Reference.from_tables(EVENT_TABLES)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Blinken and Kamikawa meet in New York.", "meeting"),
        ("Hayashi and Blinken speak by telephone.", "phone_call"),
        ("Officials hold a vice-ministerial meeting of the committee online.", "phone_call"),
        ("Kishida delivers an address at the UN General Assembly.", "statement"),
        ("Kishida receives the Global Citizen Award in New York.", "other"),
        ("Komura and Byrd sign a Memorandum of Cooperation on trade.", "agreement"),
        ("US and Japan hold the second annual Security Dialogue in Palo Alto.", "meeting"),
        ("US, South Korea, and Japan conduct naval drills to strengthen their posture.", "military_exercise"),
        ("North Korea launches an intercontinental ballistic missile.", "military_action"),
        ("A US Air Force CV-22 Osprey crashes off the shore of Yakushima Island.", "incident"),
        ("The Supreme Court upholds two rulings on forced labor.", "legal"),
        ("China detains a South Korean national on espionage charges.", "legal"),
        ("Denny Tamaki is reelected for a second term as Governor of Okinawa.", "election"),
        ("Japan announces it will offer Overseas Security Assistance.", "announcement"),
        ("A military transport plane helps evacuate 163 nationals from Israel.", "aid"),
        ("Blinken participates in an interview conducted by NHK.", "statement"),
        ("Blinken and Kamikawa attend a G7 Foreign Ministers' Meeting in New York.", "meeting"),
        ("Kishida and Yoon attend a Japan-Korea event at Stanford University.", "other"),
        ("Defense Minister Hamada visited Washington and met Defense Secretary Austin.", "meeting"),
        ("The Prime Minister visits Ukraine.", "visit"),
        ("Trilateral Dialogue on Space Security is held in Seoul.", "meeting"),
    ],
)
def test_event_type_from_verb_and_object(text, expected):
    assert type_of(text) == expected


def type_of(text: str) -> str:
    """classify() of a sentence, as the extractor calls it: its main verb, the subject before it."""
    pred = main_verb(text)
    return classify(text, pred, text[:pred.start] if pred else text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("US and Japan hold the second annual Japan-US Security Dialogue.", {"JPN", "USA"}),
        ("US-Japan-ROK Trilateral Dialogue is held in Honolulu.", {"JPN", "KOR", "USA"}),
        ("Third Meeting of the Quad Senior Cyber Group is held in Tokyo.", {"AUS", "IND", "JPN", "USA"}),
        ("Blinken and Kamikawa attend a G7 Foreign Ministers' Meeting.", set()),  # big groups don't expand
        ("Blinken, Kamikawa, and Park release a joint statement condemning North Korean arms transfers to Russia.",
         set()),
        ("Kamikawa meets with Japanese American leaders in San Francisco.", set()),
        ("Secretary Blinken holds a call with his Japanese and South Korean counterparts.", {"JPN", "KOR"}),
    ],
)
def test_actor_countries(ref, text, expected):
    assert actor_countries(text, main_verb(text), ref) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("US and Japan hold a dialogue in Palo Alto, California.", "Palo Alto"),
        ("Kishida meets Marcos while attending the summit meetings in Indonesia.", "Indonesia"),
        ("Blinken and Kamikawa meet on the sidelines of the UN General Assembly in New York.", "New York"),
        ("Kishida and Yoon attend a Japan-Korea event at Stanford University.", "Stanford University"),
        ("The envoys meet in Karuizawa, Nagano.", "Karuizawa"),
        ("The two sides agree in principle on a plan.", None),
        ("North Korea fires missiles, the day Blinken arrives in New York.", None),  # another clause's place
        ("Blinken and Wang Yi meet on the sidelines of the Palo Alto Security Forum.", "Palo Alto"),
    ],
)
def test_location_is_the_finest_place(ref, text, expected):
    loc = find_location(text, ref)
    assert (loc.name if loc else None) == expected


def test_known_location_has_coordinates_and_unknown_has_none(ref):
    assert find_location("meet in Tokyo", ref).place.latitude == pytest.approx(35.68)
    assert find_location("meet in Karuizawa, Nagano", ref).place is None


@pytest.mark.parametrize("text", [
    "meets Blinken in Tokyo to discuss the summit, the day after the vote.",
    "speaks with Yoon, when the two leaders agree to talk again.",
    "holds talks with China.",
])
def test_topic_cut_is_the_first_topic_cut_match(text):
    from transforms.events import TOPIC_CUT, topic_cut

    m = TOPIC_CUT.search(text)
    assert topic_cut(text) == ((m.start(), m.group(0)) if m else None)


def test_is_remote_is_the_remote_search():
    from tests.test_chronology import _seed_report_texts
    from transforms.chronology import split_lines
    from transforms.events import REMOTE, is_remote

    edge = ["Leaders hold talks by telephone.", "A VIDEO CONFERENCE is held.", "They meet virtually.",
            "Ministers meet in Tokyo.", "An onlineİ forum", "A call by phoneſ"]
    for line in [*edge, *(b.text for t in _seed_report_texts() for b in split_lines(t))]:
        assert is_remote(line) == bool(REMOTE.search(line))
