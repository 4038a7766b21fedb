"""Digest years, sentence ends inside quotes, past-tense main verbs, coordinated second acts, and the
actors, types and places read off a clause (not off keywords anywhere in the entry)."""

from datetime import date

import pytest

from tests.test_events import EVENT_TABLES, reference_with_hamada, type_of
from transforms.document import Document
from transforms.events import actor_countries, main_verb
from transforms.extract import extract_document, report_year
from transforms.reference import Reference


@pytest.fixture(scope="module")
def ref():
    return Reference.from_tables(EVENT_TABLES)


def extract(text, ref, **meta):
    doc = Document(text=text, format="txt", source_text=text, metadata=meta)
    return extract_document(doc, ref, file_id="f1", report_id="r1")


# ----------------------------------------------------------------------------- the year of a digest

DIGEST = """Pacific Notes, issue 12

  • On May 4, the two coast guards held a joint search-and-rescue drill near Guam.
  • The Japanese government said on May 9 it would double its aid budget by 2032 and reach net zero by 2050.
  • Ministers met in Tokyo on May 15 and agreed to review the plan before 2029.

© 2019 Pacific Notes Ltd
"""


def test_a_target_year_does_not_date_a_digest(ref):
    events = extract(DIGEST, ref)["events"].to_pylist()
    assert events and {e["date_start"].year for e in events} == {2019}  # the copyright line, as a last resort
    assert all(e["date_inferred"] for e in events)


def test_the_year_the_body_mentions_beats_the_copyright_line(ref):
    text = DIGEST.replace("double its aid budget", "double the aid budget it set in 2017, 2017 being a low year,")
    assert report_year(text, ref, None) == (2017, True)


def test_a_publication_date_is_a_weak_signal(ref):
    text = DIGEST.replace("© 2019 Pacific Notes Ltd", "")
    assert report_year(text, ref, None) == (None, True)
    assert report_year(text, ref, None, ("2020-06-01T08:00:00Z",)) == (2020, True)


def test_a_footer_the_reader_kept_aside_is_a_weak_signal(ref):
    text = DIGEST.replace("© 2019 Pacific Notes Ltd", "")
    events = extract(text, ref, footer="© 2018 Pacific Notes Ltd")["events"].to_pylist()
    assert events and {e["date_start"].year for e in events} == {2018}


def test_the_most_printed_year_among_the_reports_own_dates_wins(ref):
    text = ("Notes\n\nOfficials recalled that on March 3, 2011 the earthquake struck. On May 2, 2023 the envoys met. "
            "On May 9, 2023 they met again, and on June 1, 2023 the ministers spoke.\n")
    assert report_year(text, ref, None) == (2023, False)


def test_office_inference_is_not_bounded_by_a_target_year():
    text = ("Weekly digest\n\nDefense Minister Hamada visited Washington on September 14 and said Japan would "
            "double defense spending by 2027.\n")
    assert report_year(text, reference_with_hamada(), None) == (2022, True)


# ----------------------------------------------------------------------------- sentence ends inside quotes

def test_a_sentence_ending_inside_a_closing_quote_starts_a_new_act(ref):
    text = ("CHRONOLOGY\n\nMarch 3, 2023: Foreign Minister Hayashi issues a statement calling the verdict “deeply "
            "regrettable.” South Korean Ambassador Yun Dukmin is summoned to the ministry.\n\n"
            "March 4, 2023: X.\n\nMarch 5, 2023: Y.")
    events = [e for e in extract(text, ref)["events"].to_pylist() if e["date_start"] == date(2023, 3, 3)]
    assert [e["event_type"] for e in events] == ["statement", "statement"]
    assert events[1]["text"].startswith("South Korean Ambassador")
    assert events[1]["countries"] == ["KOR"]


# ----------------------------------------------------------------------------- past-tense main verbs

@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Australia's trade minister met his Indian counterpart in Delhi on May 2, and both sides agreed to lift "
         "tariffs.", "met"),
        ("The two navies held a drill on May 3 and pledged to meet again.", "held"),
        ("Officials said on June 5 they would lift the ban.", "said"),
        ("Kishida meets Biden to discuss trade.", "meets"),
        ("Japan and Korea agree to resume talks.", "agree"),
        ("The foreign ministers were to meet in June.", "meet"),  # nothing finite: the infinitive is the fallback
    ],
)
def test_a_past_tense_verb_beats_an_infinitive(text, verb):
    assert main_verb(text).verb == verb


def test_past_tense_digest_sentence_is_typed_by_its_main_verb(ref):
    text = ("Australia's trade minister met his Indian counterpart in Delhi on May 2, and both sides agreed to lift "
            "tariffs.")
    assert type_of(text) == "meeting"


# ----------------------------------------------------------------------------- reporting verbs

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Foreign Ministry announced on 2 May that South Korea would contribute $3 million in relief.", "aid"),
        ("The ministry said it would provide $2 million in emergency aid.", "aid"),
        ("State media reported that a new law was passed on the nuclear forces.", "legal"),
        ("Officials said the two leaders would meet in June.", "announcement"),
        ("The spokesman said Tokyo would respond calmly.", "statement"),
        ("Media reports suggest the US and Japan plan to create a new framework.", "announcement"),
    ],
)
def test_a_reporting_verb_is_typed_by_the_act_it_reports(text, expected):
    assert type_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Media reports suggest the US, Japan, and Korea plan to create a trilateral framework.",
         {"JPN", "KOR", "USA"}),
        ("The Foreign Ministry announced that South Korea would contribute $3 million.", {"KOR"}),
        ("Japan said China would face consequences.", {"JPN"}),  # the speaker acts, not the one spoken of
    ],
)
def test_the_reported_clause_names_the_actors_when_the_speaker_names_none(ref, text, expected):
    assert actor_countries(text, main_verb(text), ref) == expected


# ----------------------------------------------------------------------------- second acts in one sentence

@pytest.fixture(scope="module")
def seed_ref():
    from warehouse.seeds import load_reference

    return load_reference()


def _acts(text, ref):
    body = "CHRONOLOGY\n\nMay 3, 2023: " + text + "\n\nMay 4, 2023: X.\n\nMay 5, 2023: Y."
    return [e for e in extract(body, ref)["events"].to_pylist() if e["date_start"] == date(2023, 5, 3)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a second clause with its own actor and verb is its own act
        ("Japan begins releasing treated water into the sea, and China bans all seafood imports from Japan.",
         [("other", ["JPN"]), ("announcement", ["CHN"])]),
        ("North Korea fires artillery shells near the border island, and South Korean marines conduct a "
         "live-fire drill of their own.", [("military_action", ["PRK"]), ("military_exercise", ["KOR"])]),
        ("Kishida says he will not run again, and South Korea's presidential office says it hopes ties hold.",
         [("statement", ["JPN"]), ("statement", ["KOR"])]),
        ("North Korea fires shells into the sea, and South Korean marines respond with a live-fire drill.",
         [("military_action", ["PRK"]), ("military_exercise", ["KOR"])]),
        ("Chinese vessels fire water cannon at a Philippine boat, and Japan expresses concern.",
         [("incident", ["CHN"]), ("statement", ["JPN"])]),  # water cannon at a boat: an attack
        # the same subject ("both sides", "the two") continues the act
        ("Kishida and Yoon meet in Tokyo, and the two leaders agree to resume shuttle diplomacy.",
         [("meeting", ["JPN", "KOR"])]),
        # a list of actors before the one verb is not a second clause
        ("Blinken, Kamikawa, and Park meet in New York.", [("meeting", ["JPN", "KOR", "USA"])]),
        ("Kishida hosts US, South Korean, and Japanese officials for dinner.", [("meeting", ["JPN", "KOR", "USA"])]),
        # an actor-less second clause is not split
        ("South Korea holds legislative elections, and the opposition wins a majority.", [("election", ["KOR"])]),
    ],
)
def test_a_second_clause_with_its_own_actor_is_a_second_act(seed_ref, text, expected):
    assert [(e["event_type"], e["countries"]) for e in _acts(text, seed_ref)] == expected


def test_a_speakers_words_joined_by_with_are_a_statement(seed_ref):
    text = ("North Korean state media reported that a new law was passed, with leader Kim Jong Un declaring the "
            "country's status “irreversible.”")
    events = _acts(text, seed_ref)
    assert [e["event_type"] for e in events] == ["legal", "statement"]
    assert events[0]["text"] == events[1]["text"] == text  # both show the sentence
    assert events[0]["countries"] == events[1]["countries"] == ["PRK"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("President Yoon hosts US, South Korean, and Japanese national security advisors for dinner.",
         {"JPN", "KOR", "USA"}),
        ("Kishida meets Japanese and US business leaders in Tokyo.", {"JPN", "USA"}),
        ("Kishida delivers remarks at the Japan-US Business Conference in Tokyo.", set()),  # a name, not an actor
    ],
)
def test_states_listed_before_people_in_object_position_act(seed_ref, text, expected):
    assert actor_countries(text, main_verb(text), seed_ref) - {"KOR"} == expected - {"KOR"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In response to the Supreme Court’s ruling, the foreign ministry says it will keep paying.", "statement"),
        ("Following the court hearing, prosecutors arrest a suspect.", "legal"),
        ("The Foreign Minister flies to Manila for a two-day visit.", "visit"),
        ("Chinese and Russian bombers fly a joint patrol over the sea.", "military_exercise"),
        ("The ambassador hands over three patrol boats to the coast guard.", "aid"),
        ("Beijing lodges a protest with Tokyo.", "statement"),
    ],
)
def test_the_type_comes_from_the_clause_not_a_keyword_anywhere(text, expected):
    assert type_of(text) == expected


def test_a_hosting_city_is_the_location(seed_ref):
    events = _acts("Seoul hosts the third Summit for Democracy.", seed_ref)
    assert [(e["location"], e["countries"]) for e in events] == [("Seoul", ["KOR"])]
    events = _acts("Foreign Minister Kamikawa flies to Manila for talks.", seed_ref)
    assert [(e["event_type"], e["location"]) for e in events] == [("visit", "Manila")]


def test_the_venue_state_is_not_an_actor(seed_ref):
    events = _acts("G7 foreign ministers meet in Munich, Germany.", seed_ref)
    assert [(e["location"], e["countries"]) for e in events] == [("Munich", [])]


def test_a_gathering_held_somewhere_with_no_actor_named_has_its_host_state(seed_ref):
    events = _acts("The annual leaders' week is held in San Francisco.", seed_ref)
    assert [(e["location"], e["countries"]) for e in events] == [("San Francisco", ["USA"])]


def test_a_verb_after_do_support_is_the_main_verb():
    text = "Japan does not appeal a South Korean appeals court’s ruling."
    assert (main_verb(text).verb, main_verb(text).start) == ("appeal", 15)
    assert main_verb("Tokyo will not attend the talks, officials said.").verb == "said"


@pytest.mark.parametrize(("text", "expected"), [
    ("The Treasury Department on Tuesday sanctioned two Russia-based individuals.", ["USA"]),
    ("The Diet enacted the budget for the next fiscal year.", ["JPN"]),
    ("The Kishida Cabinet approved a revision of the export guidelines.", ["JPN"]),
    ("The Joint Chiefs of Staff said the missiles flew 600 km.", ["KOR"]),  # a state's armed forces
    ("NHK reported that the talks would resume.", []),  # a broadcaster is not its state
])
def test_an_organ_of_a_state_acts_for_it(text, expected):
    tables = {**EVENT_TABLES, "organizations": [
        {"name": "US Department of the Treasury", "aliases": "Treasury Department", "country": "USA",
         "kind": "government_agency"},
        {"name": "National Diet", "aliases": "Diet", "country": "JPN", "kind": "government_agency"},
        {"name": "Joint Chiefs of Staff (South Korea)", "aliases": "Joint Chiefs of Staff", "country": "KOR",
         "kind": "military"},
        {"name": "NHK", "aliases": "", "country": "JPN", "kind": "media"}]}
    ref = Reference.from_tables(tables)
    assert sorted(actor_countries(text, main_verb(text), ref)) == expected
