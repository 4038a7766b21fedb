"""Round 12 metric forms (own wording throughout): tolls with their noun before a passive verb, nouns of
service people, "at least" counts ("1,000+"), a figure after its label and a dash, a poll's answer lines, a
reduction's sign, "N of its M" parts, and what is no data: subscriber counters, a trade target, a date's
second day."""
import pytest

from transforms.metrics import find_metrics


def values(text):
    return sorted((m.value, m.unit) for m in find_metrics(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("Officials said 23 insurgents were killed in the clash near the pass.", [(23.0, "count")]),
    ("Overnight 1 coast guard officer was wounded by sniper fire.", [(1.0, "count")]),
    ("On 12 March troops were killed near the depot, the ministry said.", []),  # a date's day
    ("At 4 pm two porters were hurt when the crane fell.", []),  # a clock time
])
def test_a_toll_with_its_noun_before_the_passive_verb(text, expected):
    assert values(text) == expected


def test_servicemen_are_counted():
    assert values("The blast at the depot killed 9 servicemen and a cook.") == [(9.0, "count")]


def test_a_count_marked_at_least_with_a_plus():
    assert values("A queue of 2,400+ lorries stretched back from the crossing.") == [(2400.0, "count")]


def test_a_figure_before_its_label_and_a_dash():
    assert values("1,875 - Estonian students enrolled at universities abroad") == [(1875.0, "count")]


@pytest.mark.parametrize("line", ["▫️ Agree — 58%", "- Agree: 58%", "Agree – 58%"])
def test_a_polls_answer_on_its_own_line(line):
    text = f"POLL: Should the ferry run all winter?\n\n{line}\n\nDisagree — 42%\n"
    assert values(text) == [(42.0, "percent"), (58.0, "percent")]


def test_a_reduction_is_a_fall():
    assert values("The minister hailed the reduction of 12.5% in illegal logging.") == [(-12.5, "percent")]


def test_the_part_of_its_whole_is_the_count_not_the_whole():
    assert values("The motion passed with the backing of 61 of its 90 members.") == [(61.0, "count")]


@pytest.mark.parametrize("text", [
    "Harbour Watch · news from the coast · 31,207 subscribers",
    "Both governments set a target of US$3 billion in two-way trade.",
    "The crossing stayed shut on April 9 and 10 despite appeals.",
])
def test_no_data(text):
    assert values(text) == []
