"""Round 13 metric forms (own wording throughout): a change of a sum of money is relative, capital scale
letters ("$240M"), more currency symbols, a chamber's bare tally, key-figure lines with a source tag or an
approximate sign, tolls of one and hurt told after the dead, goals that are no data, a table row's unit,
nouns in -men, and a retold toll counted once."""
import pytest

from transforms.metrics import find_metrics


def values(text):
    return sorted((m.value, m.unit) for m in find_metrics(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("Exports of coffee reached US$2.1 billion last year, up 6.5 percent from 2023.",
     [(6.5, "percent"), (2.1e9, "USD")]),
    ("Remittances rose to 40 billion euros, up 4% compared to the year before.", [(4.0, "percent"), (4e10, "EUR")]),
    ("Support for the coalition was down 3.5% from May, the pollster said.", [(-3.5, "percentage_points")]),
])
def test_a_change_of_money_is_relative_and_of_a_share_in_points(text, expected):
    assert values(text) == expected


def test_a_capital_scale_letter_written_on_the_figure():
    assert values("The port deal was worth $240M and the loan $1.5B, the ministry said.") == \
        [(2.4e8, "USD"), (1.5e9, "USD")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Kuala Lumpur will provide RM35 million for flood repairs in Sabah.", [(3.5e7, "MYR")]),
    ("Jakarta allocated Rp 120 billion to the new terminal.", [(1.2e11, "IDR")]),
    ("Manila set aside ₱4 billion for the evacuation centres.", [(4e9, "PHP")]),
    ("The team ported the tool to ARM64 servers in Penang.", []),  # "RM" inside a word
])
def test_more_currency_symbols(text, expected):
    assert values(text) == expected


def test_a_chambers_tally_closing_its_clause():
    assert values("The senate passed the border bill late on Tuesday, 58 to 9.") == [(9.0, "count"), (58.0, "count")]
    assert values("Prices rose in the spring, 3 to 5 times over.") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Households evacuated from river villages, 3–6 June: 2,140 [Civil Protection]", [(2140.0, "count")]),
    ("Families sheltering in schools: ~3,800 [county office]", [(3800.0, "count")]),
])
def test_a_key_figure_line_with_a_source_tag_or_approximate_sign(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The shooting at the market left one trader dead and seven injured.", [(1.0, "count"), (7.0, "count")]),
    ("The mine killed one villager near the ford.", [(1.0, "count")]),
    ("The flood left one person homeless, officials said.", []),  # no toll
])
def test_a_toll_of_one_and_the_hurt_told_after_the_dead(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The two ports will open a shuttle, with a target of 30 crossings per week.", []),
    ("The agency fed 600 pupils in March, against a monthly target of 900 pupils.", [(600.0, "count"),
                                                                                     (900.0, "count")]),
    ("The ministers agreed to deepen ties and raise trade to 25 billion USD by 2030.", []),
])
def test_goals_are_no_data_but_a_shortfall_is(text, expected):
    assert values(text) == expected


def test_a_table_rows_unit_in_its_label():
    table = ("Trade\n\n| | 2023 | 2024 |\n|---|---|---|\n| Exports to Peru (SEK million) | 1,250 | 1,310 |\n\n"
             "The figures are provisional.")
    assert values(table) == [(1.25e9, "SEK"), (1.31e9, "SEK")]


def test_nouns_in_men_are_counted():
    assert values("The coast guard returned 27 Thai fishermen to Songkhla on Friday.") == [(27.0, "count")]


def test_a_toll_retold_without_its_noun_is_counted_once():
    text = ("Highlights: a mine hit the convoy, killing four drivers and injuring five.\n\n"
            "Four drivers were killed and five injured; the other lorries turned back.")
    assert values(text) == [(4.0, "count"), (5.0, "count")]

