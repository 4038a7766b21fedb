"""Round 12 (second wave) events: a list of visits written as tables (rows dated in the title's year, one
visit per row at its first stop, later days of the visit as acts of their own), kinds, actors and places.
Sentences and pages invented for these tests; read with the project's own reference (seeds/)."""

import pytest

from tests.extraction_helpers import extract_text

_VISITS_PAGE = """# Foreign trips of the Prime Minister of Ruritania in 2024

The Prime Minister travelled abroad five times in 2024; her first trip after the election of May 2023 was to
Kenya in June 2023.

## Trips abroad

| Dates | Country | Areas visited | Details |
|---|---|---|---|
{japan}
{france}
| 14–16 October | Germany | Berlin | Working visit. |

## Visits received

| Dates | Visitor | Country | Areas visited | Details |
|---|---|---|---|---|
| 3–5 March | President Cyril Ramaphosa | South Africa | Lisbon, Porto | State visit. |
""".format(
    japan="| 8–11 February | Japan | Tokyo, Kyoto | State visit. Met Prime Minister Fumio Kishida at the Kantei on"
          " 9 February; Japan announced a ¥3 billion loan for a port. |",
    france="| 2–5 May | France | Paris, Lyon | Official visit at the invitation of President Emmanuel"
           " Macron.<sup>[1]</sup> Spoke at the Sorbonne on 4 May. |")


def _visits(ref) -> list[dict]:
    return extract_text(_VISITS_PAGE, ref, name="trips.md")["events"].to_pylist()


def test_a_title_year_keeps_a_second_table_in_that_year(ref):
    # "Visits received" starts again in March after the October row: still the title's 2024
    march = [e for e in _visits(ref) if e["date_start"].month == 3]
    assert [e["date_start"].year for e in march] == [2024]


def test_each_row_is_one_visit_at_its_first_stop(ref):
    visits = {(e["date_start"].isoformat(), e["location"]) for e in _visits(ref) if e["event_type"] == "visit"}
    assert visits == {("2024-02-08", "Tokyo"), ("2024-05-02", "Paris"), ("2024-10-14", "Berlin"),
                      ("2024-03-03", "Lisbon")}


def test_a_later_day_of_the_visit_is_its_own_act(ref):
    by_day = {e["date_start"].isoformat(): e for e in _visits(ref)}
    assert by_day["2024-02-09"]["event_type"] == "meeting"
    assert by_day["2024-05-04"]["event_type"] == "statement"


def test_a_loan_announced_after_the_talks_is_part_of_them(ref):
    assert [e["event_type"] for e in _visits(ref) if e["date_start"].isoformat() == "2024-02-09"] == ["meeting"]


def test_a_day_outside_the_entry_span_is_background(ref):
    text = ("Chronology\n\n10–12 June 2024: Official visit to Ghana. The two leaders recalled the accord signed on"
            " 3 March.\n\n14 June 2024: Talks in Accra.\n\n20 June 2024: Talks in Lagos.\n")
    days = [e["date_start"].isoformat() for e in extract_text(text, ref)["events"].to_pylist()]
    assert "2024-03-03" not in days


# ----------------------------------------------------------------------------- kinds

def _one(sentence: str, ref) -> dict:
    events = extract_text(f"Chronology\n\nMay 14, 2025: {sentence}\n", ref)["events"].to_pylist()
    assert len(events) == 1, [e["text"] for e in events]
    return events[0]


@pytest.mark.parametrize(("sentence", "kind"), [
    # a call on an office holder in person is a courtesy call; urging someone "to" act is not
    ("The envoy called on the President of the Republic of Ghana, John Mahama, at Jubilee House.", "meeting"),
    ("Oxfam called on the President to lift the curfew.", "statement"),
    ("The outgoing attache paid a farewell call on the Chief of Naval Staff in Accra.", "meeting"),
    # landing somewhere on a visit is travel; a rocket landing is an attack
    ("Foreign Minister Penny Wong has landed in Suva on a two-day visit.", "visit"),
    ("Two rockets landed near a school in Sderot.", "incident"),
    # a chargé d'affaires written without the accent is an envoy, not the verb "charge"
    ("Foreign Minister Espen Barth Eide summoned the Iranian charge d'affaires to the ministry in Oslo.",
     "statement"),
    # a handover ceremony attended delivers what a donor gave
    ("The Australian High Commissioner attended the handover ceremony of a new police post in Honiara.", "aid"),
    # a verbless head "Exchange of fire between … forces" is a clash
    ("Exchange of fire between Indian and Pakistani troops along the Line of Control overnight.", "incident"),
])
def test_kind_of_the_act(ref, sentence, kind):
    assert _one(sentence, ref)["event_type"] == kind


def test_a_headline_sentence_and_the_story_under_it_are_one_act(ref):
    text = ("[12.03.2025 09:15]\nTehran rejects the IAEA claim. Foreign Ministry spokesman Esmaeil Baghaei told"
            " reporters in Tehran that no such talks had taken place with anyone.\n")
    events = extract_text(text, ref)["events"].to_pylist()
    assert [e["text"][:20] for e in events] == ["Tehran rejects the I"]


# ----------------------------------------------------------------------------- actors and places

@pytest.mark.parametrize(("sentence", "countries"), [
    # the command of a state's army organising a patrol: that state acts, not the one patrolled around
    ("The Southern Theater Command of the PLA organized a combat readiness patrol around the Philippines.", ["CHN"]),
    # "…; <State's> forces intercepted them": those forces act in the attack's story
    ("Two rockets were fired from Gaza toward Sderot; Israeli air defences intercepted them.", ["ISR"]),
])
def test_actor_countries(ref, sentence, countries):
    assert sorted(_one(sentence, ref)["countries"]) == countries


def test_a_currency_prefix_names_no_actor(ref):
    sentence = ("Framework Agreement between the Chilean Development Bank (CORFO) and Bancoestado establishing a"
                " credit line of US$ 250 million for exporters, signed by the President of CORFO, Mario Marcel.")
    assert "USA" not in _one(sentence, ref)["countries"]


@pytest.mark.parametrize(("sentence", "place"), [
    ("A strong earthquake struck Suva, killing three people.", "Suva"),
    ("US sanctions hit Caracas hard, the ministry said.", ""),
    # where troops were sent is where the deployment took place (not where aid was sent)
    ("The Malian army deployed 300 more soldiers to Kidal and its outskirts.", "Kidal"),
    ("Japan sent relief goods to Kyiv.", ""),
    # a named building is finer than the city also named, whichever comes first
    ("Foreign Minister Annalena Baerbock held talks in Oslo with Espen Barth Eide at the Victoria Terrasse"
     " Guesthouse.", "Victoria Terrasse Guesthouse"),
    ("Some 3,000 troops from Sweden and Norway took part in exercise Arctic Lynx at the Kalixfors training area"
     " near Kiruna.", "Kalixfors training area"),
])
def test_place_of_the_act(ref, sentence, place):
    assert (_one(sentence, ref)["location"] or "") == place
