"""Counts whose noun is elided or named earlier (vote tallies, tolls, "killing 9 people and wounding 41"),
scale words on counts, signed falls, rule thresholds, and the period/subject/measure of such figures
(own wording throughout)."""
from datetime import date

import pytest

from transforms import _regex
from transforms.metrics import _THRESHOLD_AFTER, _elided_counts, _has_threshold_noun, find_metrics
from transforms.metrics_context import describe_metric
from transforms.reference import Reference

REF = Reference.from_tables({
    "countries": [{"iso3": "MDA", "name": "Moldova", "adjectives": "Moldovan"}],
    "places": [{"name": "Chisinau", "country": "MDA"}],
})


def values(text):
    return sorted((m.value, m.unit) for m in find_metrics(text))


def described(text, default=date(2024, 6, 30)):
    return {m.value: describe_metric(m, text, REF, default) for m in find_metrics(text)}


# -- 1. both sides of a vote are counts (the losing side may be 0 or 1)
@pytest.mark.parametrize(("text", "expected"), [
    ("The upper house passed the budget bill by 161 votes to 72 after a night of debate.",
     [(72.0, "count"), (161.0, "count")]),
    ("The council backed the resolution by 12 votes to 1, with two abstentions.", [(1.0, "count"), (12.0, "count")]),
    ("The speaker kept her chair with 287 votes against 190 for her challenger in the second round.",
     [(190.0, "count"), (287.0, "count")]),
    ("The senate confirmed the nominee by a vote of 51-49 on Thursday evening.", [(49.0, "count"), (51.0, "count")]),
    ("The motion carried with 310 votes in favour and 42 against in the lower chamber.",
     [(42.0, "count"), (310.0, "count")]),
])
def test_both_sides_of_a_vote_are_counts(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text", [
    "He lost the 2019 vote to Smith and the 2023 vote to a newcomer from the coast.",
    "The bill goes to a second vote on 12 May, the clerk said after the session.",
    "Each of the 5 regions votes to elect a governor for a term of four years.",
])
def test_no_tally_without_two_sides(text):
    assert values(text) == []


def test_a_year_after_votes_to_is_no_side():
    assert values("Parliament postponed 3 votes to 2026 because of the budget crisis.") == [(3.0, "count")]


def test_vote_sides_are_measured_apart():
    got = described("The upper house passed the budget bill by 161 votes to 72 after a night of debate.")
    assert (got[161.0]["measure"], got[72.0]["measure"]) == ("votes in favour", "votes against")
    got = described("The speaker kept her chair with 287 votes against 190 for her challenger.")
    assert got[287.0]["measure"] == got[190.0]["measure"] == "votes"


# -- 2. a count whose noun is elided or named before it
@pytest.mark.parametrize(("text", "expected"), [
    ("A drone struck the market, killing 9 people and wounding 41.", [(9.0, "count"), (41.0, "count")]),
    ("The toll from the mine collapse has risen to 57, the ministry said on Friday.", [(57.0, "count")]),
    ("The number of displaced families climbed to 12,400 by the end of the week.", [(12400.0, "count")]),
    ("Police arrested 23 on Monday after the clashes near the port.", [(23.0, "count")]),
    ("Of the 40 drones, 31 were intercepted over the capital before dawn.", [(31.0, "count"), (40.0, "count")]),
    ("The new list names 74 more tankers and 12 further lenders in three countries.",
     [(12.0, "count"), (74.0, "count")]),
    ("The Treasury sanctioned three Dubai-based traders and two shipping firms for the scheme.",
     [(2.0, "count"), (3.0, "count")]),
    ("The gunboat fired on the trawler, injuring four Vietnamese fishermen near the reef.", [(4.0, "count")]),
])
def test_elided_and_earlier_nouns(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text", [
    "He was injured in 2019 and again in 2021 while serving in the north.",
    "The toll road opened in 2021 and cut the journey by an hour for most drivers.",
    "The envoy was wounded 30 minutes after the convoy left the city.",
    "The law was passed in 2022, and 3 were later amended by the new parliament.",
    "Ministers designated two years ago a new zone for the industrial park.",
    "The number of foreign visitors finally reached 2019 levels in the summer.",
])
def test_no_elided_count_without_a_counted_act(text):
    assert values(text) == []


def test_elided_counts_are_measured():
    got = described("A drone struck the market, killing 9 people and wounding 41.")
    assert (got[9.0]["measure"], got[41.0]["measure"]) == ("people killed", "injured")
    got = described("The two sides swapped 95 prisoners of war in the first exchange this year.")
    assert got[95.0]["measure"] == "prisoners"
    got = described("Of the 40 drones, 31 were quickly intercepted over the capital before dawn.")
    assert got[31.0]["measure"] == "intercepted"


# -- 3. a scale word multiplies a count
@pytest.mark.parametrize(("text", "expected"), [
    ("More than 2.5 million people fled the fighting in the first month.", [(2500000.0, "count")]),
    ("About 3 million tourists visited the islands in the year before the pandemic.", [(3000000.0, "count")]),
    ("Officials said 40 thousand workers would lose their jobs in the region.", [(40000.0, "count")]),
    ("The rock formed 2 million years ago under a shallow sea.", []),
])
def test_scale_words_multiply_counts(text, expected):
    assert values(text) == expected


# -- 4. a fall stated with a percentage is negative; a level reached is not
@pytest.mark.parametrize(("text", "expected"), [
    ("Industrial output contracted 1.3% in the second quarter.", [(-1.3, "percent")]),
    ("Exports declined by 4.5 percent last year while imports rose 2.1 percent.",
     [(-4.5, "percent"), (2.1, "percent")]),
    ("Car sales posted a 7% drop in March, the dealers' association said.", [(-7.0, "percent")]),
    ("Some 30% fall within the poorest band, the survey found.", [(30.0, "percent")]),
    ("The economy is forecast to grow 1.1% next year after shrinking 0.6% this year.",
     [(-0.6, "percent"), (1.1, "percent")]),
    ("Support for the mayor fell to 28% in May, the lowest of her term.", [(28.0, "percent")]),
    ("Approval ratings falling below 30% worried the party's leadership.", [(30.0, "percent")]),
    ("Shipments rose 250% on the year as the new port opened.", []),  # no share: beyond the warehouse's bounds
])
def test_a_fall_is_negative(text, expected):
    assert values(text) == expected


# -- 5. a rule's threshold is no observation
@pytest.mark.parametrize(("text", "expected"), [
    ("The coalition agreed to exempt climate spending above 0.5% of GDP from the deficit rule.", []),
    ("Allies reaffirmed the 2% target, and Poland now spends 4.2% of GDP on defence.", [(4.2, "percent")]),
    ("The new treaty caps deficits at 3% of GDP for every member state.", []),
    ("Parties must win at least 5% of the vote to enter parliament; the Greens took 8.1%.", [(8.1, "percent")]),
    ("Approval stayed above 40% all year despite the new rules on campaign funds.", [(40.0, "percent")]),
    ("Defence spending rose above 2% of GDP in 2024, the ministry said.", [(2.0, "percent")]),
    ("Banks need capital above 8% of their assets under the new rules.", []),
    ("A poll put support for the plan above 60% among young voters.", [(60.0, "percent")]),
])
def test_thresholds_in_rules_are_not_metrics(text, expected):
    assert values(text) == expected


# -- 6. periods: the date stated with the figure, else its paragraph's day, else its section's date line
def test_period_is_the_section_date_line_not_a_later_archive_line():
    text = ("OFFICE OF THE PRESS SECRETARY\n\nMarch 3, 2023\n\nThe minister announced $40 million in new aid "
            "for the flood zone.\n\nThis page was released June 1, 2024 to the archive.")
    assert described(text, date(2024, 6, 1))[4e7]["period"] == "2023-03"


@pytest.mark.parametrize(("text", "expected"), [
    ("The March 14 storm flooded the delta overnight. At least 31 people were killed.", {31.0: "2024-03"}),
    ("In February the ministry published its plan for the coast. Officials expect 12 new projects.",
     {12.0: "2024-06"}),  # a month alone earlier in the paragraph is no date of the figure
    ("A survey fielded 2024-11-02 to 2024-11-04 found 44% of voters backing the plan.", {44.0: "2024-11"}),
    ("The deficit reached $12.4 billion in fiscal 2022–23, the ministry said.", {1.24e10: "2023"}),
    ("Exports grew 8.2% from a year earlier to $40 billion in April, officials said.",
     {8.2: "2024-04", 4e10: "2024-04"}),
    ("Held May 30-June 1 in Vienna, the forum drew 14 delegations.", {14.0: "2024-05"}),
    ("The patrol boat Unity May 2 rescued 14 sailors off the cape.", {14.0: "2024-06"}),
])
def test_period_of_the_figure(text, expected):
    assert {v: d["period"] for v, d in described(text).items()} == expected


# -- 7. subjects: no weekday, month, bare office or sentence-opening common noun; whole names
@pytest.mark.parametrize(("text", "expected"), [
    ("Commission President Anna van der Berg announced €2 billion for the fund.", "Anna van der Berg"),
    ("The incumbent won Sunday's runoff with 41.2% of the ballots cast.", ""),
    ("The Secretary noted that 3 million people had fled the region.", ""),
    ("Turnout reached 61%, the highest in two decades.", ""),
    ("Moldovan President Ana Ruse won 53.4% of the vote in the runoff.", "Ana Ruse"),
    ("Chisinau spent $12 million on the new bridge.", "Chisinau"),
])
def test_subject_names_what_the_figure_is_about(text, expected):
    (d,) = described(text).values()
    assert d["subject"] == expected


# -- 8. measures named by the words right after a sum or a part, or by growth words
@pytest.mark.parametrize(("text", "value", "expected"), [
    ("The cabinet set up a €300 million fund for flood defences.", 3e8, "fund"),
    ("The central bank expects the economy to grow 0.4% this year.", 0.4, "growth"),
    ("The court said 9 out of 12 claimants accepted the offer.", 9.0, "claimants"),
])
def test_measure_words(text, value, expected):
    assert described(text)[value]["measure"] == expected


# -- the pre-checks skip only sentences the patterns cannot match
@pytest.mark.parametrize("text", [
    "The upper house passed the bill by 161 votes to 72.", "killing 9 people and wounding 41.",
    "The toll has risen to 57.", "Of the 40 drones, 31 were intercepted.", "The 2% target of NATO.",
    "Arrested 12 in total, the police said.", "No figure at all in this one, 5 of them.",
])
def test_pre_checks_never_skip_a_match(text):
    for s in (text, text.upper(), text.lower()):
        assert _elided_counts(s, _regex.lowered(s)) == _elided_counts(s, None)
        for i in range(len(s)):
            if _THRESHOLD_AFTER.match(s, i):
                assert _has_threshold_noun(s[i:i + 45])
