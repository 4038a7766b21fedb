"""Figures outside running prose (labelled cells, infobox lines, figures boxes, slash pairs), the second
figure of a pair (confirmed of reported, an estimate, an earlier price), votes stated after their noun,
counts in words, and what is no observation (trade rates, goals by a year, quoted e-mail passages,
retracted figures, numbered rows and questions, pagers, date cells). Own wording throughout."""
import pytest

from transforms.metrics import find_metrics


def values(text):
    return sorted((m.value, m.unit) for m in find_metrics(text))


# -- 1. a count after its label, alone or in a flattened figures box
@pytest.mark.parametrize(("text", "expected"), [
    ("Flood report. Houses destroyed in the delta: 312 (provincial figures).", [(312.0, "count")]),
    ("Summary of the quarter Boats seized by the coastguard, 1-31 March: 6 Migrants rescued at sea: 140 "
     "(navy figures) Families resettled by the agency (UNHCR, May): 2.4 million Sources: agency data.",
     [(6.0, "count"), (140.0, "count"), (2_400_000.0, "count")]),
    ("Two convoys were hit in the north. Reported deaths: 14 (mostly drivers); confirmed: 8.",
     [(8.0, "count"), (14.0, "count")]),
    ("Voters registered for the referendum: 4.1 million", [(4_100_000.0, "count")]),
])
def test_a_labelled_count_is_read(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text", [
    "The roadmap for the ministry was agreed. Last updated: 14 October 2024 by the web desk.",
    "The committee met in the capital. Growth rate of exports: 4 (an index, not a count).",
    "Incidents logged by the desk, in one table. Rows: 9.",
    "The envoys will meet again. Sessions planned: 12 June and 14 June in the capital.",
])
def test_a_label_that_counts_nothing_gives_no_count(text):
    assert values(text) == []


# -- 2. infobox lines: a toll cell, a hedged figure with a note marker
def test_infobox_cells_are_read():
    text = "Losses (north)\n\n21 killed, 40 injured[4]\n\nRefugees\n\nover 90,000[5]\n\nThe crisis began in spring."
    assert values(text) == [(21.0, "count"), (40.0, "count"), (90_000.0, "count")]
    assert values("Refugees abroad\n\nabout 4.1 million[7]\n\nThe war began in spring.") == [(4_100_000.0, "count")]


# -- 3. pairs under a head naming both: "reported / confirmed"
def test_slash_pairs_under_a_naming_head_are_counts():
    text = "Monthly totals (reported / confirmed deaths): Coast 120 / 77 | Hills 35 / 20."
    assert values(text) == [(20.0, "count"), (35.0, "count"), (77.0, "count"), (120.0, "count")]


def test_slash_pairs_without_a_naming_head_are_no_counts():
    assert values("The ferry timetable lists 10 / 12 as the usual berth numbers for the island route.") == []


# -- 4. the confirmed part of a reported count, an estimate's second figure, a price's earlier level
@pytest.mark.parametrize(("text", "expected"), [
    ("The shelling killed 30 people (reported by residents; 19 confirmed by the hospital).",
     [(19.0, "count"), (30.0, "count")]),
    ("The agency logged 240 reported deaths, of which 151 are confirmed.", [(151.0, "count"), (240.0, "count")]),
    ("Clashes near the ford left 17 fatalities reported, 11 confirmed.", [(11.0, "count"), (17.0, "count")]),
    ("Unions claim 45,000 marchers, police estimate 12,000.", [(12_000.0, "count"), (45_000.0, "count")]),
    ("Bread now costs KES 150 a loaf against 90 before the drought.", [(90.0, "KES"), (150.0, "KES")]),
    ("A rail ticket costs £40 against 25 before the strike.", [(25.0, "GBP"), (40.0, "GBP")]),
])
def test_the_second_figure_of_a_pair_is_read(text, expected):
    assert values(text) == expected


def test_a_confirmed_fact_is_no_count():
    assert values("Of the envoys, 3 confirmed that the talks would resume in May.") == []


# -- 5. a vote stated after its noun
@pytest.mark.parametrize("text", [
    "The supreme court struck down the decree, ruling 5–4 that it exceeded the cabinet's powers.",
    "The board voted 5-4 to postpone the merger until the next financial year.",
])
def test_a_vote_after_its_noun_gives_both_sides(text):
    assert values(text) == [(4.0, "count"), (5.0, "count")]


# -- 6. counts in words
@pytest.mark.parametrize(("text", "expected"), [
    ("Overnight, drones struck six depots that the army said stored fuel for the rebels.", [(6.0, "count")]),
    ("A patrol strays across the line at dawn; one Ruritanian soldier is wounded.", [(1.0, "count")]),
    ("How many of the seized boats were returned? Twenty-two of them, the minister replied.", [(22.0, "count")]),
])
def test_counts_in_words_are_read(text, expected):
    assert values(text) == expected


def test_places_visited_are_no_count():
    assert values("The delegation toured six sites along the river before lunch.") == []


# -- 7. no observation: trade rates, goals by a year, quotes, retractions, numbered things, pagers, date cells
@pytest.mark.parametrize("text", [
    "The government imposed a 35% tariff on imported steel from the first of the month.",
    "Ottawa announced an additional 15% duty on foreign electric cars over subsidies.",
    "Both capitals set a goal of $80 billion in two-way trade by 2032 at the summit.",
    "The bloc will raise its fund to EUR 12 billion by 2031, the commission said.",
    "The bloc will raise its fund to 12 billion euros by 2031, the commission said.",
    "The watchdog said public debt will fall to 60% of output by 2029 under the plan.",
    "30%: the coalition's new renewable power goal (share of supply, by 2040)",
    "Correction: An earlier version of this story gave the grant as EUR 9 million.",
    "Mr Ortiz: Question 7 asked about visas for students from the region.",
    "Row 4 replaces the draft entry for the ministers' talks in the capital.",
    "Showing 1–10 of 386 results sorted by date of publication on this site.",
    "Schedule of the week 3 Mar Navy ships dock at the port for a friendly visit.",
])
def test_no_observation(text):
    assert values(text) == []


def test_a_quoted_passage_gives_no_figures():
    text = ("From the last issue:\n\n> On Sunday the ruling party won 44.1% of the vote in the\n"
            "> regional elections, against 29.8% for the opposition.\n\nThis week the cabinet met twice.")
    assert values(text) == []


def test_a_noun_that_opens_like_a_month_is_no_date():
    assert values("Officials said 12 Marines were aboard when the helicopter came down.") == [(12.0, "count")]


def test_an_observed_level_reached_by_a_year_stays():
    assert values("Exports had reached $40 billion by 2019, the customs office said.") == [(40e9, "USD")]
