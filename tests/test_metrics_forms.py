"""Forms of metrics seen in other report styles (own wording throughout): ISO currency codes, changes
in "pts", margins of error, falls stated as relative changes."""
from datetime import date

import pytest

from transforms.metrics import find_metrics
from transforms.metrics_context import describe_metric
from transforms.reference import Reference


def values(text):
    return sorted((m.value, m.unit) for m in find_metrics(text))


# -- 1. an ISO 4217 code before or after the amount is its currency; "NZ$" is not US dollars
@pytest.mark.parametrize(("text", "expected"), [
    ("The commission has set aside EUR 2.35 billion for the rail link across the border.",
     [(2350000000.0, "EUR")]),
    ("The insurer put the salvage bill at roughly CHF 80 million after the inquiry closed.",
     [(80000000.0, "CHF")]),
    ("Parliament voted a loan of 450 million SEK to the island's water utility in spring.",
     [(450000000.0, "SEK")]),
    ("The treasury raised fisheries patrol funds to PLN 1.2 billion (about US$300 million) this year.",
     [(300000000.0, "USD"), (1200000000.0, "PLN")]),
    ("Wellington pledged NZ$15 million towards the cyclone recovery fund on Tuesday.", [(15000000.0, "NZD")]),
])
def test_iso_code_currencies(text, expected):
    assert values(text) == expected


def test_currency_symbols_give_units_the_warehouse_accepts():
    from expectations.suites import METRIC_UNITS
    from transforms.metrics import CURRENCY_SYMBOLS

    assert set(CURRENCY_SYMBOLS.values()) <= set(METRIC_UNITS)


@pytest.mark.parametrize(("text", "expected"), [
    ("Guyana's budget is GYD 42.7 billion this year.", [(42.7e9, "GYD")]),
    ("Iceland pledged ISK 150 million to the fund.", [(150e6, "ISK")]),
])
def test_codes_beyond_the_big_currencies(text, expected):
    assert values(text) == expected


def test_three_capitals_that_are_no_currency_give_no_money():
    assert values("The ORC 3 tracker and the BBC 24 channel covered the vote in full that evening.") == []


# -- 2. "pts" is percentage points: a stated sign, a margin of error, a fall
@pytest.mark.parametrize(("text", "expected"), [
    ("| Labour | 31.5% | +1.8 pts | | Greens | 9.0% | −0.6 pts |",
     [(-0.6, "percentage_points"), (1.8, "percentage_points"), (9.0, "percent"), (31.5, "percent")]),
    ("The governor's rating in the same survey slid 6 pts to 41% over the summer.",
     [(-6.0, "percentage_points"), (41.0, "percent")]),
    ("The phone survey (1,200 interviews, MoE ±2.8 pts) has her party at 35%.",
     [(2.8, "percentage_points"), (35.0, "percent"), (1200.0, "count")]),
    ("| Lower house | 12% | 15% | +3 pts |", [(3.0, "percentage_points"), (12.0, "percent"), (15.0, "percent")]),
])
def test_points_written_pts(text, expected):
    assert values(text) == expected


# -- 3. a relative change of a level stated with "by" is a percentage, signed by its verb
@pytest.mark.parametrize(("text", "expected"), [
    ("The dinar has slumped by roughly 30% against the euro since the spring of last year.", [(-30.0, "percent")]),
    ("Hospital admissions for cholera rose by 22 per cent compared with the previous month.", [(22.0, "percent")]),
    ("The currency dropped as much as 7% against the dollar on the morning of the vote.", [(-7.0, "percent")]),
    ("Support for the treaty was down 4.5% from the autumn survey, the institute said.",
     [(-4.5, "percentage_points")]),
])
def test_relative_changes(text, expected):
    assert values(text) == expected


# -- 4. counts whose noun is elided or named before them
@pytest.mark.parametrize(("text", "expected"), [
    ("Police said 14 officers were killed and 9 wounded when the depot was shelled.",
     [(9.0, "count"), (14.0, "count")]),
    ("A militia communique claimed 40 dead on the government side after the raid.", [(40.0, "count")]),
    ("The observers logged 156 border incidents, up from 120 in the previous quarter.",
     [(120.0, "count"), (156.0, "count")]),
    ("The border police logged 5,300 asylum claims in 2023, down from more than 7,000 the year before.",
     [(5300.0, "count"), (7000.0, "count")]),
    ("The agency counted 64 convoy stoppages in May, compared with 48 in April.", [(48.0, "count"), (64.0, "count")]),
    ("Organisers put the turnout at 120,000 on the first night of the protests.", [(120000.0, "count")]),
    ("Of the refugees, more than 90,000 of them have returned to the valley since the truce.",
     [(90000.0, "count")]),
    ("The islands have 48,000 inhabitants, of whom about 12,500 live on the main atoll.",
     [(12500.0, "count"), (48000.0, "count")]),
    ("The institute's latest wave (n = 1,450) has the governing party ahead.", [(1450.0, "count")]),
])
def test_elided_counts(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text", [
    "The university ranked 31st this year, up from 40 in the previous edition.",
    "Queues rose from 3 to 6 hours at the crossing, up from 2 hours in the spring.",
    "The ministers put the signing ceremony at 11 a.m. on the last day of the summit.",
])
def test_no_elided_count(text):
    assert [v for v in values(text) if v[1] == "count"] == []


# -- 5. the measure of such counts
REF = Reference.from_tables({"countries": [{"iso3": "MDA", "name": "Moldova", "adjectives": "Moldovan"}]})


def measures(text):
    return {m.value: describe_metric(m, text, REF, date(2024, 6, 30))["measure"] for m in find_metrics(text)}


@pytest.mark.parametrize(("text", "value", "measure"), [
    ("The observers logged 156 border incidents, up from 120 in the previous quarter.", 120.0, "border incidents"),
    ("Police said 14 officers were killed and 9 wounded when the depot was shelled.", 9.0, "injured"),
    ("A militia communique claimed 40 dead on the government side after the raid.", 40.0, "killed"),
    ("Organisers put the turnout at 120,000 on the first night of the protests.", 120000.0, "turnout"),
    ("The institute's latest wave (n = 1,450) has the governing party ahead.", 1450.0, "sample size"),
    ("The phone survey (MoE ±2.8 pts) has her party at 35%.", 2.8, "margin of error"),
    ("More than 90,000 of them have returned home since the truce.", 90000.0, "have returned home"),
])
def test_measure_of_elided_counts(text, value, measure):
    assert measures(text)[value] == measure


# -- 6. counts in words: an act done to people (barred, released, captured), the second of a toll
@pytest.mark.parametrize(("text", "expected"), [
    ("Nine crew members were afterwards barred from leaving the port.", [(9.0, "count")]),
    ("The deal provides for the release of four Thai hostages next week.", [(4.0, "count")]),
    ("Rebels said they had captured seven peacekeepers near the river crossing.", [(7.0, "count")]),
    ("A roadside bomb hit the column, killing two guards and injuring five.", [(2.0, "count"), (5.0, "count")]),
    ("The shelling killed three and wounded eleven others in the market.", [(3.0, "count"), (11.0, "count")]),
])
def test_counts_in_words(text, expected):
    assert values(text) == expected


def test_no_word_count_without_an_act():
    assert values("Three pilots and two doctors spoke at the forum about the new rules.") == []


# -- 7. a court's tally; a plan's target; a range; a method's confidence level
@pytest.mark.parametrize(("text", "expected"), [
    ("The tribunal dismissed the appeal in a 7-0 ruling on Friday.", [(7.0, "count")]),
    ("The judges sided with the province in a 5-4 decision.", [(4.0, "count"), (5.0, "count")]),
    ("The cabinet adopted a plan to spend 3-4% of GDP on the armed forces by 2030.", []),
    ("Donors pledged to raise climate aid to 0.5% of national income within five years.", []),
    ("Some 30-35% of those asked had not heard of the envoy.", [(32.5, "percent")]),
    ("Backing for the accord rose from 40 to 46% over the year.", [(46.0, "percent")]),
    ("Exports to the bloc fell 8-10% in the first quarter of the year.", [(-9.0, "percent")]),
    ("All figures refer to the whole sample at 90% confidence.", []),
])
def test_tallies_targets_ranges(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize(("text", "value", "measure"), [
    ("The tribunal dismissed the appeal in a 7-0 ruling on Friday.", 7.0, "judges in favour"),
    ("The judges sided with the province in a 5-4 decision.", 4.0, "judges against"),
    ("Some 30-35% of those asked had not heard of the envoy.", 32.5, "share (range 30-35%)"),
])
def test_measure_of_tallies_and_ranges(text, value, measure):
    assert measures(text)[value] == measure


# -- 8. tables: a column whose head names what is counted; a key figure under its label
TABLE = ("Turnout in the island vote was 61.2%, the electoral office said.\n\n"
         "| List | Vote share | Seats (of 25) |\n\n"
         "| Harbour Alliance | 41.0% | 11 | | Green Isles | 22.5% | 6 | | Fishers' List | 9.3% | 2 |\n\n"
         "| Region | Points | Years in office |\n\n| North | 3 | 4 | | South | 5 | 2021 |\n\n"
         "The new council meets in May.")


def test_table_column_of_counts():
    found = [(m.value, m.unit, m.measure, m.subject) for m in find_metrics(TABLE) if m.unit == "count"]
    assert found == [(11.0, "count", "seats", "Harbour Alliance"), (6.0, "count", "seats", "Green Isles"),
                     (2.0, "count", "seats", "Fishers' List")]


KEY_FIGURES = ("Key figures\n\nRefugees hosted\n\n1.2 million\n\nFunding received (US$)\n\n41.5 million\n\n"
               "Chapter\n\n12\n\nThe response plan remains badly underfunded, the agencies said on Monday.")


def test_key_figures_under_labels():
    found = sorted((m.value, m.unit, m.measure) for m in find_metrics(KEY_FIGURES))
    assert found == [(1200000.0, "count", "refugees hosted"), (41500000.0, "USD", "funding received")]


def test_table_measure_and_subject_are_described():
    m = next(m for m in find_metrics(TABLE) if m.value == 6.0)
    info = describe_metric(m, TABLE, REF, date(2024, 6, 30))
    assert (info["measure"], info["subject"]) == ("seats", "Green Isles")


# -- 9. a table restating the paragraph above it; a figure heading its label; "in 30 districts"
def test_table_restating_prose_is_one_metric():
    text = ("The survey puts trust in the cabinet at 35%, up from 31% in winter.\n\n"
            "| Trust in the cabinet | Winter | Spring |\n\n| Trust | 31% | 35% |\n\n"
            "| Distrust | 52% | 47% |")
    assert values(text) == [(31.0, "percent"), (35.0, "percent"), (47.0, "percent"), (52.0, "percent")]


@pytest.mark.parametrize(("text", "expected", "measure"), [
    ("48,000: the archipelago's population, most of it on two islands.", [(48000.0, "count")],
     "the archipelago's population"),
    ("Measles cases have been confirmed in 31 districts since the start of the year.", [(31.0, "count")],
     "districts"),
])
def test_labelled_and_located_counts(text, expected, measure):
    assert values(text) == expected
    assert measures(text)[expected[0][0]] == measure


def test_no_labelled_count_for_a_year_or_without_a_counted_label():
    assert values("2025: the year of the summit, the chair said in the foreword.") == []
    assert values("15: the age at which the rule applies, the ministry said.") == []


def test_a_currency_code_is_no_subject():
    text = "Spending rose to SEK 9.5 billion (about US$900 million) in the year."
    subjects = {m.unit: describe_metric(m, text, REF, None)["subject"] for m in find_metrics(text)}
    assert subjects["USD"] != "SEK"


# -- 10. a permitted cap is no count; a count as a compound modifier of a convoy
@pytest.mark.parametrize(("text", "expected"), [
    ("The accord will let up to 150 islanders a year move to the mainland.", []),
    ("The new visa scheme allows up to 3,000 workers to enter each season.", []),
    ("Up to 60 people were killed in the landslides, the governor said.", [(60.0, "count")]),
    ("On Monday a 25-truck convoy of medical supplies crossed into the enclave.", [(25.0, "count")]),
    ("Ministers of the 27-member bloc met in the capital on Monday.", []),
])
def test_caps_and_compound_counts(text, expected):
    assert values(text) == expected


def test_measure_of_a_compound_count():
    assert measures("On Monday a 25-truck convoy of medical supplies crossed into the enclave.")[25.0] == \
        "trucks in convoy"


# -- 11. a count whose noun is gapped after a second name
@pytest.mark.parametrize(("text", "expected"), [
    ("In the upper house the Farmers' Union won 41 seats and the Liberal Alliance 29.",
     [(29.0, "count"), (41.0, "count")]),
    ("Crews cleared 14 checkpoints on the road and Phase 2.", [(14.0, "count")]),
    ("The talks covered 12 proposals and lasted until March 3.", [(12.0, "count")]),
])
def test_gapped_counts(text, expected):
    assert values(text) == expected


def test_measure_of_a_gapped_count():
    assert measures("In the upper house the Farmers' Union won 41 seats and the Liberal Alliance 29.")[29.0] == "seats"


# -- 12. a source named at the end of the sentence loses the full stop
def test_source_without_the_full_stop():
    ref = Reference.from_tables(
        {"organizations": [{"name": "Gallup Korea", "aliases": "", "country": "KOR", "kind": "pollster"}]})
    text = "Her approval rating slid to 19% in the first week of March, according to Gallup Korea."
    m = find_metrics(text)[0]
    assert describe_metric(m, text, ref, None)["source"] == "Gallup Korea"


# -- 13. measures of vote shares and of trade
@pytest.mark.parametrize(("text", "value", "measure"), [
    ("The alliance took 38.5% of the vote against 30.1% for the liberals, on a turnout of 61.0%.", 38.5,
     "vote share"),
    ("The alliance took 38.5% of the vote against 30.1% for the liberals, on a turnout of 61.0%.", 30.1,
     "vote share"),
    ("The alliance took 38.5% of the vote against 30.1% for the liberals, on a turnout of 61.0%.", 61.0,
     "voter turnout"),
    ("Moldova's trade deficit with the bloc widened to $2.1 billion last year.", 2100000000.0, "trade deficit"),
    ("Two-way trade grew 4.2% to $12.5 billion, the customs office said.", 12500000000.0, "trade"),
    ("Wine exports rose 6% to $310 million, trade ministry data showed.", 310000000.0, "exports"),
    ("The Minister for Economy, Trade and Industry pledged $20 million to the climate fund.", 20000000.0,
     "amount"),
    ("Shipments worth $45 million left the port in May, trade ministry data showed.", 45000000.0, "amount"),
])
def test_vote_share_and_trade_measures(text, value, measure):
    assert measures(text)[value] == measure


def test_a_wire_credit_in_brackets_is_no_subject():
    text = "KYIV, March 3 (Reuters) -- 14 soldiers were killed in the overnight strike."
    assert describe_metric(find_metrics(text)[0], text, REF, None)["subject"] != "Reuters"
