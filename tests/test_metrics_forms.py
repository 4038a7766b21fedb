"""Forms of metrics seen in other report styles (own wording throughout): ISO currency codes, changes
in "pts", margins of error, falls stated as relative changes."""
import pytest

from transforms.metrics import find_metrics


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
