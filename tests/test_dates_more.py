"""More date shapes: "and" spans, day-only ordinals, field-separated and place-first chronology entries,
readout titles between entries, the first of two relative days, and lines that date no act (sources,
a subtitle's period, a future act)."""

from datetime import date

from transforms.chronology import chronology_entries, dated_sentences
from transforms.dates import DATE_EXPR, ENTRY_HEAD, parse_date_expr


def _dated(text, year=2023):
    return [(e.span.start, e.span.end, e.text[:25]) for e in dated_sentences(text, year)]


def test_and_spans():
    span = parse_date_expr("between 4 and 6 October", 2023)
    assert (span.start, span.end) == (date(2023, 10, 4), date(2023, 10, 6))
    span = parse_date_expr("October 17 and 18, 2022", None)
    assert (span.start, span.end) == (date(2022, 10, 17), date(2022, 10, 18))
    found = [m.group(0) for m in DATE_EXPR.finditer("Naval units exercised off Crete on October 17 and 18.")]
    assert found == ["October 17 and 18"]
    found = [m.group(0) for m in DATE_EXPR.finditer("Shelling hit the port between 4 and 6 October in waves.")]
    assert found == ["between 4 and 6 October"]
    # the second number is not a day of the span when words follow it
    found = [m.group(0) for m in DATE_EXPR.finditer("On October 17 and 18 ships were seen.")]
    assert found == ["October 17"]


MONITOR = """Regional watch

11 Oct · Chad, Lac province, near Bol · Armed clash. Boko Haram fighters attacked a patrol base near Bol.

14 Oct · Cameroon, Far North region, Mora · Abduction. Gunmen seized nine farmers outside Mora.

between 16 and 18 Oct · Nigeria, Borno state, Dikwa · Air strike. Jets struck camps east of Dikwa.
"""


def test_field_separated_heads():
    assert ENTRY_HEAD.match("11 Oct · Chad, Lac province · Armed clash. Boko Haram")["date"] == "11 Oct"
    entries = chronology_entries(MONITOR, 2023)
    assert [(e.span.start, e.span.end) for e in entries] == [
        (date(2023, 10, 11), date(2023, 10, 11)), (date(2023, 10, 14), date(2023, 10, 14)),
        (date(2023, 10, 16), date(2023, 10, 18))]
    assert entries[0].text.startswith("Boko Haram fighters attacked")
    assert [e.place for e in entries] == ["Bol", "Mora", "Dikwa"]


BRIEF = """Notes on the file

CHRONOLOGY

Tue 3 Oct 2023

Ankara. Foreign Minister Hakan Fidan receives Foreign Minister Ararat Mirzoyan.

Wed 4 Oct 2023

Yerevan. Prime Minister Nikol Pashinyan addresses parliament. Sources ANKA, report 12 (9 October 2023); press.
"""


def test_place_first_entries_and_sources():
    entries = chronology_entries(BRIEF, None)
    assert [(e.span.start, e.place) for e in entries] == [(date(2023, 10, 3), "Ankara"), (date(2023, 10, 4), "Yerevan")]
    assert entries[0].text.startswith("Foreign Minister Hakan Fidan receives")
    assert entries[1].text == "Prime Minister Nikol Pashinyan addresses parliament."


READOUTS = """Readouts, October 2023

Call with the Kenyan Foreign Minister

October 20: Mr Smith spoke with Musalia Mudavadi. Afterwards Mr Smith announced $5 million for flood relief.

Visit to Lusaka

October 12: Mr Smith met President Hakainde Hichilema. The two signed a memorandum on energy trade.

Meeting in Accra

October 9: Mr Smith met Samuel Okudzeto Ablakwa in Accra.
"""


def test_titles_between_dated_readouts():
    entries = chronology_entries(READOUTS, 2023)
    assert [e.span.start for e in entries] == [date(2023, 10, 20), date(2023, 10, 12), date(2023, 10, 9)]
    assert "The two signed" in entries[1].text
    assert "Meeting in Accra" not in entries[1].text


TRIP = """The minister arrived in Rome on Sunday. From 8 to 11 October 2023 she toured Italy. \
On the 8th President Sergio Mattarella received her at the Quirinale. The following day she held talks \
with Prime Minister Giorgia Meloni. Fighting had resumed in the north on the 12th.
"""


def test_day_only_ordinals():
    got = _dated(TRIP)
    assert (date(2023, 10, 8), date(2023, 10, 8), "On the 8th President Serg") in got
    assert (date(2023, 10, 9), date(2023, 10, 9), "The following day she hel") in got
    assert (date(2023, 10, 12), date(2023, 10, 12), "Fighting had resumed in t") in got


BRIEFING = """DAILY PRESS BRIEFING

Tuesday, 17 October 2023

A: The Secretary-General called President William Ruto on Sunday, and yesterday President Paul Kagame.

A: On Thursday the Secretary-General will be in Cairo, where he is due to meet the Foreign Minister.

Noboa will be sworn in as president on 23 November.
"""


def test_first_named_day_and_future_acts():
    got = _dated(BRIEFING)
    assert got == [(date(2023, 10, 15), date(2023, 10, 15), "A: The Secretary-General ")]


def test_sources_and_subtitle_are_not_acts():
    text = ("Quarterly security review, 1–16 October 2023\n\n"
            "Troops entered the town of Kidal on 14 October 2023 after a week of fighting.\n\n"
            "Sources: UN, S/2023/780 (19 October 2023); press reports.\n")
    assert [d for d, _, _ in _dated(text)] == [date(2023, 10, 14)]


def test_capitalised_determiner_makes_a_repeat():
    text = ("Voters went to the polls on 13 April 2025 and elected Daniel Noboa.\n\n"
            "The 13 April result gave him a mandate for four years.\n")
    assert len(_dated(text, 2025)) == 1


def test_also_in_a_place_continues_the_scene():
    text = ("NOON BRIEFING\n\nWednesday, 18 October 2023\n\n"
            "This morning in Vienna, the Secretary-General opened the conference on nuclear safety.\n\n"
            "Also in Vienna, the President of Austria, Alexander Van der Bellen, told delegates that money was "
            "short.\n")
    got = _dated(text)
    assert [d for d, _, _ in got] == [date(2023, 10, 18), date(2023, 10, 18)]


def test_relative_day_inside_a_chronology_entry():
    text = ("Weekly log\n\n4 Oct · Mali, Gao · Attack. Gunmen attacked a convoy near Gao. "
            "The next day, army spokesman Souleymane Dembélé denied the losses.\n\n"
            "6 Oct · Niger, Niamey · Protest. Hundreds marched in Niamey.\n\n"
            "9 Oct · Chad, Abéché · Riot. Traders clashed with police in Abéché.\n")
    entries = chronology_entries(text, 2023)
    assert [(e.span.start, e.text[:22]) for e in entries][:2] == [
        (date(2023, 10, 4), "Gunmen attacked a conv"), (date(2023, 10, 5), "The next day, army spo")]


def test_relative_day_in_a_relative_clause_is_not_the_acts():
    text = ("Fighting stopped on 3 October 2023 in the north.\n\n"
            "Officials regret that the exchange of detainees, which was due the same day, was postponed.\n")
    assert [d for d, _, _ in _dated(text)] == [date(2023, 10, 3)]


def test_sentence_about_an_act_due_the_same_day_is_not_dated_by_the_scene():
    text = ("PRESS BRIEFING\n\nMonday, 9 October 2023\n\n"
            "A: We welcomed the arrival of the convoy in Goma on Saturday. We regret that the Minister Jean Dupont "
            "visit, which was due the same day, was put off by the Government of Rwanda.\n")
    assert [d for d, _, _ in _dated(text)] == [date(2023, 10, 7)]


def test_as_said_this_morning_recalls_an_act():
    text = ("PRESS BRIEFING\n\nMonday, 9 October 2023\n\n"
            "This morning in Nairobi the Secretary-General addressed the African Climate Summit.\n\n"
            "As the Secretary-General said in Nairobi this morning, the region cannot wait for finance.\n")
    assert [d for d, _, _ in _dated(text)] == [date(2023, 10, 9)]


def test_following_day_walks_through_a_from_to_period():
    text = ("From 8 to 11 October 2023 the minister toured Italy. The following day she held talks with Prime "
            "Minister Giorgia Meloni.\n\nThe conference ran 16–18 October 2023 in Milan. The following day the "
            "delegates flew home.\n")
    got = [d for d, _, _ in _dated(text)]
    assert got == [date(2023, 10, 8), date(2023, 10, 9), date(2023, 10, 16), date(2023, 10, 19)]


def test_an_opening_word_is_not_a_place():
    text = BRIEF + "\nThu 5 Oct 2023\n\nUpdate. The ministry denies the report.\n"
    entries = chronology_entries(text, None)
    assert (entries[-1].place, entries[-1].text) == ("", "Update. The ministry denies the report.")
