"""Round 11 metric forms (own wording throughout): flattened tables with space-grouped thousands, clock
times, advertising copy, currency words and exchange rates without a sign, counts in words, counts by
someone's count, "N of the M" parts, cuts "by N%", and ceilings, quotas and post counters that are no data."""
import pytest

from transforms.metrics import find_metrics


def values(text):
    return sorted((m.value, m.unit) for m in find_metrics(text))


# -- a table flattened into one line: each row's count under a counted head, thousands grouped by spaces
def test_flattened_table_rows_are_counts_with_spaced_thousands():
    text = ("The agency published the following figures.\n\n"
            "Displacement after the storm, by province Province Displaced Northland 3 480 Eastvale 1 215 "
            "Port Amsel 640 Total 5 335 Source: provincial disaster office, 2 May 2024.\n")
    found = {m.subject: m.value for m in find_metrics(text) if m.unit == "count"}
    assert found == {"Northland": 3480.0, "Eastvale": 1215.0, "Port Amsel": 640.0, "Total": 5335.0}


def test_flattened_table_under_a_head_that_counts_nothing_gives_no_rows():
    text = "Ranking of ports, by region Region Rank Northland 3 Eastvale 1 Port Amsel 2 in the survey.\n"
    assert values(text) == []


# -- a clock time in an item stamp is no count
@pytest.mark.parametrize("text", [
    "3 June 21:15 via Harbour Notes",
    "Updated 07:40 via Capital Wires",
])
def test_clock_minutes_are_not_counts(text):
    assert values(text) == []


# -- a sponsor read's figures are copy, not observations
def test_sponsor_read_figures_are_not_metrics():
    text = ("Today's show is brought to you by Lantern Mail. Lantern Mail has data centres in 31 countries. "
            "Use code ATLAS for 15 percent off your first month.\n\n"
            "Back to the news: 40 villagers were evacuated from the valley.\n")
    assert values(text) == [(40.0, "count")]


def test_a_resolution_sponsored_by_states_keeps_its_figures():
    text = "The draft, sponsored by Ireland and Norway, passed with 120 votes in favour and 9 against.\n"
    assert (120.0, "count") in values(text)


# -- the currency named in words after the amount, with its country
@pytest.mark.parametrize(("text", "expected"), [
    ("The cabinet approved a loan of 750 million US dollars for the northern railway.", (750e6, "USD")),
    ("Exports reached 3.2 billion U.S. dollars in the first quarter.", (3.2e9, "USD")),
])
def test_us_dollars_in_words_after_the_amount(text, expected):
    assert values(text) == [expected]


# -- an exchange rate without a sign: an amount of the currency the sentence names
@pytest.mark.parametrize(("text", "expected"), [
    ("The forint was trading at 402.5 to the euro in Budapest on Tuesday.", [(402.5, "HUF")]),
    ("On the street, the Lebanese pound changed hands at about 89,500 to the dollar.", [(89500.0, "LBP")]),
    ("The hryvnia closed at 41.3 to the dollar after the central bank stepped in.", [(41.3, "UAH")]),
])
def test_exchange_rate_takes_the_named_currency(text, expected):
    assert values(text) == expected


def test_exchange_rate_without_a_named_currency_is_not_money():
    assert values("Bananas traded at 3.1 to the dollar's worth in the old market.") == []


# -- counts in words of people and things an act concerns
@pytest.mark.parametrize(("text", "expected"), [
    ("Border guards arrested four young women near the crossing at dawn.", [(4.0, "count")]),
    ("The two delegations signed six agreements on energy and transport.", [(6.0, "count")]),
    ("Qatar has mediated three rounds of talks between the factions.", [(3.0, "count")]),
    ("A bus overturned near Tarvos; 23 passengers are rescued and nine are injured.", [(9.0, "count"),
                                                                                    (23.0, "count")]),
])
def test_counts_in_words(text, expected):
    assert values(text) == expected


def test_the_two_named_before_are_not_a_new_count():
    assert values("The two were detained overnight by the police.") == []


def test_demonym_in_is_after_a_scaled_number_is_a_count():
    assert values("Aid agencies say about 2.1 million Yemenis lack clean water.") == [(2.1e6, "count")]


# -- a crowd put at a figure by someone's count, its noun named before
def test_figure_by_someones_count():
    text = "Several hundred marchers, nearly 2,000 by the unions' count, filled the main square."
    assert values(text) == [(2000.0, "count")]


# -- the part observed of a counted whole
def test_part_of_the_whole_is_a_count():
    assert values("The Greens now hold 17 of the 120 seats in the chamber.") == [(17.0, "count")]


def test_a_pager_is_not_a_part_counted():
    assert values("Showing 1–10 of 88 results, newest first.") == []


# -- a cut stated "by N%" is a fall however long its object
def test_cut_by_percent_is_negative():
    text = "The port authority cut storage fees for transit containers by 8 per cent in March."
    assert values(text) == [(-8.0, "percent")]


def test_raise_by_percent_stays_positive():
    text = "The port authority raised storage fees for transit containers by 8 per cent in March."
    assert values(text) == [(8.0, "percent")]


# -- ceilings, quotas and post counters are no observations
def test_authorised_ceiling_is_not_a_count():
    assert values("The mandate allows the force a maximum of 4,500 troops, including 300 police officers.") == [
        (300.0, "count")]


def test_quota_demanded_is_not_a_share():
    text = "She asked the parties to ensure that at least 40 per cent of candidates are women, as agreed."
    assert values(text) == []


def test_post_counters_are_not_counts():
    assert values("2,304 Retweets 8,120 Likes 311 Replies") == []


def test_present_passive_toll_in_digits():
    assert values("After the landslide, rescuers say 14 are still missing and 6 are injured.") == [(6.0, "count")]
