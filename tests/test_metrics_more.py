"""Metric recall and description on report styles the corpus was not built around (own wording)."""
from datetime import date

import pytest

from transforms.metrics import find_metrics
from transforms.metrics_context import describe_metric
from transforms.reference import Reference


def values(text):
    return sorted((m.value, m.unit) for m in find_metrics(text))


def described(text, default=date(2024, 3, 31), ref=None):
    ref = ref or Reference.from_tables({"organizations": [
        {"name": "Gallup Korea", "aliases": "", "country": "KOR"},
        {"name": "Asahi Shimbun", "aliases": "", "country": "JPN"}]})
    return [(m.value, m.unit, describe_metric(m, text, ref, default)) for m in find_metrics(text)]


# -- 1. "X out of Y": the observed part is the metric, and the whole is a count of its own (the
# gold labels a fleet's size, "the 14 tilt-rotor aircraft it operates", so a total is a metric).
@pytest.mark.parametrize(("text", "expected"), [
    ("The tribunal said 9 out of 12 claimants have now taken the settlement offered by the fund.",
     [(9.0, "count"), (12.0, "count")]),
    ("The ruling camp had aimed at winning two out of four seats in the spring by-elections.",
     [(2.0, "count"), (4.0, "count")]),
    ("Officials confirmed that 7 out of 10 inspectors had left the site before the blast.",
     [(7.0, "count"), (10.0, "count")]),
])
def test_out_of_keeps_the_observed_part(text, expected):
    assert values(text) == expected


# -- 2. a stated sign is kept
@pytest.mark.parametrize(("text", "expected"), [
    ("The central bank ended its policy of holding the short-term rate at minus 0.2% on Tuesday.",
     [(-0.2, "percent")]),
    ("Real wages grew by negative 1.5 percent over the year, the ministry reported in its survey.",
     [(-1.5, "percent")]),
    ("Quarterly growth came in at −0.4% after two stronger quarters, the cabinet office said.",
     [(-0.4, "percent")]),
    ("The benchmark yield moved from -0.1% to 0.25% within the space of several months.",
     [(-0.1, "percent"), (0.25, "percent")]),
    ("A support range of 20-25% is about what the party can expect in the coming campaign.",
     [(22.5, "percent")]),  # a range: its midpoint, not its upper end
])
def test_a_stated_sign_is_kept(text, expected):
    assert values(text) == expected


# -- 3. counts in words and count nouns outside the closed list
@pytest.mark.parametrize(("text", "expected"), [
    ("The two defense chiefs have met nine times since the start of their terms in office.", [(9.0, "count")]),
    ("Pyongyang fired cruise missiles on five occasions during the autumn exercise season.", [(5.0, "count")]),
    ("The coalition candidates took three victories in the four districts that were contested.",
     [(3.0, "count")]),
    ("The government added 31 categories of dual-use goods to its export control list.", [(31.0, "count")]),
    ("Beijing restricted exports of 12 types of rare earth processing technology from December.",
     [(12.0, "count")]),
    ("Drones crossed the border on 27 occasions in the second half of the year.", [(27.0, "count")]),
    ("The ambassador handed over four patrol boats to the coast guard at a ceremony in Manila.",
     [(4.0, "count")]),
    ("A court in Seoul ruled in favor of 22 former “forced laborers” who had sued the company.",
     [(22.0, "count")]),
    ("The resignation of three Cabinet ministers within a month shook the government.", [(3.0, "count")]),
])
def test_counts_in_words_and_open_count_nouns(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text", [
    "The two leaders met again on the sidelines of the summit in Lima.",
    "This scandal matters for two reasons, both of them about the party's finances.",
    "A delegation of four governors and two lieutenant governors visited Tokyo.",
    "It was the first such visit in 12 years and the second within two months.",
    "Exports rose three times faster than imports over the same period last year.",
    "The ministers agreed on three priorities: supply chains, energy and maritime security.",
    "The launch came 10 days later, after two failed attempts in the spring.",
    "The three countries held the talks at the 14th annual forum in Jakarta.",
    "Prime Minister Ishiba, aged 67, set out his plans for the next three years.",
    "The missile flew about 1,000 kilometers before falling into the sea east of the peninsula.",
    "Pyongyang vowed to launch three more satellites in the coming year, state media said.",
    "The Diet passed Resolution 2397 measures and Article 9 provisions were debated.",
    "The 2+2 talks between the foreign and defense ministers ran for most of the day.",
])
def test_not_counts(text):
    assert values(text) == []


# -- 4. restatements are one metric, different figures stay two
def test_a_restated_count_is_one_metric():
    text = ("Japan flew home 21 Filipino nationals and a family member aboard a transport plane. "
            "Manila thanked Tokyo for helping 21 nationals of the Philippines depart. "
            "Later, officials confirmed the 21 Filipino nationals had landed safely in Manila.")
    assert values(text) == [(21.0, "count")]


def test_a_shorter_restatement_is_one_metric():
    text = ("Seoul evacuated 40 Japanese nationals and 97 South Koreans from the port. "
            "The navy ship carried 97 South Koreans and 40 Japanese out of the war zone.")
    assert values(text) == [(40.0, "count"), (97.0, "count")]


def test_same_value_for_different_things_stays_two():
    text = ("Japan sent 18 Japanese nationals home on a tanker. "
            "Separately, Seoul evacuated 18 South Korean nationals by ship.")
    assert values(text) == [(18.0, "count"), (18.0, "count")]


def test_word_count_stated_twice_is_one_metric():
    text = ("The two foreign ministers have met six times this year. "
            "It is remarkable that they have met six times in so short a span.")
    assert values(text) == [(6.0, "count")]


# -- 5. period: the month or relative time the sentence gives
def periods(text, default=date(2024, 3, 31)):
    return [(v, d["period"]) for v, _, d in described(text, default)]


@pytest.mark.parametrize(("text", "default", "expected"), [
    ("On February 2, the minister pledged $300 million in support to the islands.", date(2024, 3, 31),
     [(3e8, "2024-02")]),
    ("The purchase worth $9.2 billion had been agreed in December after long talks.", date(2024, 3, 31),
     [(9.2e9, "2023-12")]),
    ("According to an Asahi Shimbun survey, support was 24% in January, down from 31% in October.",
     date(2024, 3, 31), [(24.0, "2024-01"), (31.0, "2023-10")]),
    ("Hackers stole over $200 million in 2023, and over $1.1 billion last year in crypto assets.",
     date(2023, 12, 31), [(2e8, "2023"), (1.1e9, "2022")]),
    ("Exports of seafood were worth 60 billion yen to local firms the previous year.", date(2023, 8, 31),
     [(6e10, "2022")]),
    ("Prices fell sharply, from 40.2% in 2021 to 33.5% in 2022, as the slump deepened.", date(2023, 6, 30),
     [(40.2, "2021"), (33.5, "2022")]),
    ("In 2022, 55.1% of Japanese said the economy was getting worse, the poll found.", date(2023, 6, 30),
     [(55.1, "2022")]),
    ("A Gallup Korea survey in June found 48% of respondents backed the plan, while only 30% opposed it.",
     date(2024, 8, 31), [(48.0, "2024-06"), (30.0, "2024-06")]),
    ("Support rose 5 points from November to 36% in the same poll.", date(2024, 1, 31),
     [(5.0, "2024-01"), (36.0, "2024-01")]),
    ("The Pentagon confirmed 12 vessels took part in the exercise.", date(2024, 8, 31),
     [(12.0, "2024-08")]),
])
def test_period_follows_the_sentence(text, default, expected):
    assert sorted(periods(text, default)) == sorted(expected)


def test_period_of_a_chronology_entry_is_its_date():
    text = ("CHRONOLOGY\n\nOct. 4, 2023: Seoul pays 300 million won to the families. "
            "The ministry says 6 out of 8 families accepted.\n")
    got = {v: d["period"] for v, _, d in described(text, date(2023, 12, 31))}
    assert got == {3e8: "2023-10", 6.0: "2023-10", 8.0: "2023-10"}


# -- item 22/23: cheap description fixes
def test_population_is_the_one_the_figure_names():
    text = "In 2023, 14.1% of South Korean and 31% of Japanese respondents said ties were good."
    got = {v: d["population"] for v, _, d in described(text)}
    assert got == {14.1: "South Koreans", 31.0: "Japanese"}


def test_a_sentence_starting_with_a_figure_is_read_on_its_own():
    text = ("The Asahi Shimbun survey found the cabinet unpopular. 62% of respondents said they want "
            "the prime minister to resign. 12% said he should stay.")
    found = find_metrics(text)
    assert [m.text for m in found] == ["62% of respondents said they want the prime minister to resign.",
                                       "12% said he should stay."]


def test_a_polling_firm_placing_a_figure_is_the_source():
    text = "Gallup Korea placed his approval at 27% in the week after the vote."
    (_, _, d), = described(text)
    assert d["source"] == "Gallup Korea" and d["subject"] != "Gallup Korea"


def test_a_leading_conjunction_is_no_subject():
    text = "While it is much smaller than the peak of $50 billion reached in 2015, it still matters."
    (_, _, d), = described(text)
    assert d["subject"] == "" and d["period"] == "2015"


def test_a_classifier_restatement_is_one_metric():
    text = ("Tokyo's export controls on 31 categories of advanced chip equipment took effect in July. "
            "Beijing protested the curbs on 31 types of semiconductor equipment as discriminatory.")
    assert values(text) == [(31.0, "count")]


def test_different_event_counts_with_the_same_value_stay_two():
    text = ("The two leaders have met five times since taking office. "
            "North Korea launched cruise missiles on five occasions in the same months.")
    assert values(text) == [(5.0, "count"), (5.0, "count")]


def test_respectively_pairs_groups_and_figures():
    text = ("Both Australians and Japanese rate each other more warmly than last year, by 6.1 points and "
            "3.2 points, respectively.")
    got = {v: d["population"] for v, _, d in described(text)}
    assert got == {6.1: "Australians", 3.2: "Japanese"}


def test_a_baseline_time_is_not_the_period():
    text = "The two ministers went on to meet eleven times since their first talks in April."
    assert periods(text, date(2024, 12, 31)) == [(11.0, "2024-12")]
