"""Date anchors of narrative reports: a press release's date lines, a publication line, a wire item's time
stamp. "Today" and weekdays count from them; the anchors themselves and archive lines are never acts, and a
dated noun phrase that repeats an act told elsewhere is not a second one."""

from datetime import date

from transforms.chronology import dated_sentences, sentences, split_lines
from transforms.readers import read_document

RELEASE = """MINISTRY OF FOREIGN AFFAIRS
Press Office

March 6, 2024

Minister Ruiz in Lisbon

LISBON — Today, Foreign Minister Elena Ruiz met Portuguese Foreign Minister Paulo Rangel in Lisbon. \
The visit was her second this year.

The two ministers then signed a memorandum on maritime research. Mr. Rangel, whom parliament confirmed on \
Feb. 27, had taken office the week before.

Speaking to reporters afterward, Minister Ruiz announced $12 million for ocean monitoring. \
Foreign Minister Rangel pledged a further €8 million for the same programme.

That evening, Prime Minister Luis Montenegro hosted a dinner for the delegation.

Minister Ruiz's Call with the Chilean Foreign Minister
March 1, 2024

The following can be attributed to the spokesperson:

Foreign Minister Elena Ruiz spoke today with Chilean Foreign Minister Alberto van Klaveren.

Issued March 8, 2024 to the online archive.
"""


def _dated(text, year=2024):
    return [(e.span.start, e.text[:30]) for e in dated_sentences(text, year)]


def test_date_lines_anchor_today_then_afterward_and_that_evening():
    assert _dated(RELEASE) == [
        (date(2024, 3, 6), "Today, Foreign Minister Elena "),
        (date(2024, 3, 6), "The two ministers then signed "),
        (date(2024, 2, 27), "Mr. Rangel, whom parliament co"),
        (date(2024, 3, 6), "Speaking to reporters afterwar"),
        (date(2024, 3, 6), "Foreign Minister Rangel pledge"),
        (date(2024, 3, 6), "That evening, Prime Minister L"),
        (date(2024, 3, 1), "Foreign Minister Elena Ruiz sp"),
    ]


def test_the_date_line_is_read_from_a_hard_wrapped_release():
    doc = read_document("release.txt", RELEASE.encode())
    assert "March 6, 2024" in [b.text for b in split_lines(doc.text)]
    assert _dated(doc.text)[0] == (date(2024, 3, 6), "Today, Foreign Minister Elena ")


def test_a_paragraph_right_under_a_date_line_is_dated_by_it():
    text = "Notes\n\nMay 2, 2024\n\nEnvoy Tom Hale met President Ana Lind in Riga to discuss the grid.\n"
    assert _dated(text) == [(date(2024, 5, 2), "Envoy Tom Hale met President A")]


def test_then_and_that_day_reach_back_one_paragraph_only():
    text = ("On May 3, Envoy Tom Hale met President Ana Lind in Riga.\n\n"
            "The weather in the Baltic was mild for the season and the harbour stayed busy.\n\n"
            "Envoy Hale then flew to Vilnius for a second round of meetings.\n")
    assert _dated(text) == [(date(2024, 5, 3), "On May 3, Envoy Tom Hale met P")]


def test_since_then_and_then_titles_are_not_the_scene():
    text = ("On May 3, Envoy Tom Hale met President Ana Lind in Riga.\n\n"
            "Since then, then-Minister Ola Berg has visited Tallinn twice.\n")
    assert _dated(text) == [(date(2024, 5, 3), "On May 3, Envoy Tom Hale met P")]


def test_publication_line_anchors_weekdays_and_is_no_event():
    text = ("# Notes from Brussels\n\nAnalysis · Published Wednesday, June 12, 2024\n\n"
            "On Monday, Chancellor Olaf Scholz met President Emmanuel Macron in Paris to discuss the budget.\n")
    assert _dated(text) == [(date(2024, 6, 10), "On Monday, Chancellor Olaf Sch")]


def test_without_an_anchor_today_and_weekdays_give_nothing():
    text = "Today, Chancellor Olaf Scholz met President Emmanuel Macron in Paris on Monday to talk.\n"
    assert _dated(text) == []


WIRE = """NEWS WIRE :: BRIEFS
order=newest first

2024-07-09 03:10 UTC | UPDATE 2-HARBOR-FIRE
PORTVILLE -- The death toll from Monday's fire at the
Portville harbor rose to 9, port officials said.

2024-07-09 01:40 UTC | VOTE-ISLAND
SANTA ROSA -- Governor Maria Delgado won Sunday's runoff with
58% of the vote, the electoral board said.

2024-07-08 20:05 UTC | HARBOR-FIRE
PORTVILLE -- A fire swept through a warehouse at the Portville
harbor on Monday, killing at least 6 people, police said.
"""


def test_wire_time_stamps_anchor_weekdays_and_repeats_are_dropped():
    doc = read_document("wire.txt", WIRE.encode())
    entries = dated_sentences(doc.text, 2024)
    assert [(e.span.start, e.text[:28]) for e in entries] == [
        (date(2024, 7, 7), "Governor Maria Delgado won S"),  # stamped Tuesday 01:40 UTC: Sunday is two days back
        (date(2024, 7, 8), "A fire swept through a wareh"),
    ]
    assert all(e.place == "" for e in entries)  # the dateline only strips, it gives no place


def test_a_unique_noun_phrase_date_stays_an_event():
    text = ("Notes for the week of June 2024.\n\n"
            "The minister praised Chile's role in the June 4 round of fisheries talks in Lima.\n")
    assert _dated(text) == [(date(2024, 6, 4), "The minister praised Chile's r")]


def test_a_noun_phrase_repeat_of_an_act_is_not_a_second_event():
    text = ("On June 4, the assembly approved the new budget by 80 votes to 12.\n\n"
            "Officials said the June 4 vote in the assembly gave the government room to borrow.\n")
    assert _dated(text) == [(date(2024, 6, 4), "On June 4, the assembly approv")]


def test_metadata_lines_are_not_events():
    text = ("Monitor no. 7 · covers 2 May–30 June 2024 · all dates local\n\n"
            "Posted June 30, 2024 by the desk editor for the weekly summary.\n\n"
            "For questions contact the press office. Released July 2, 2024 to the archive.\n\n"
            "On June 4, Envoy Tom Hale met President Ana Lind in Riga.\n")
    assert _dated(text) == [(date(2024, 6, 4), "On June 4, Envoy Tom Hale met ")]
    block = split_lines("Monitor no. 7 · covers 2 May–30 June 2024 · all dates local")[0]
    assert len(list(sentences(block))) == 1  # "no." does not end a sentence


def test_a_weekday_in_a_name_is_no_date():
    text = ("SUVA, 9 May 2024 (Desk) — Premier Sitiveni Rabuka said on Tuesday the Good Friday accord "
            "was a model.\n\nPublished Thursday, May 9, 2024\n\n"
            "Envoys praised the Good Friday Agreement at a forum in Suva last year.\n")
    assert _dated(text) == [(date(2024, 5, 7), "Premier Sitiveni Rabuka said o")]


def test_other_anchor_shapes_weekday_date_lines_stamps_and_bylines():
    text = ("Press statement\n\nFriday, June 14, 2024\n\nA short note from the desk follows below.\n\n"
            "The Minister spoke yesterday with Foreign Minister Penny Wong of Australia.\n\n"
            "June 21, 2024, 9:15 a.m. ET | WIRE\n\n"
            "Chancellor Olaf Scholz met President Emmanuel Macron last Friday in Paris.\n\n"
            "By Jane Roe | June 26, 2024 | 4 min read\n\n"
            "President Emmanuel Macron hosted Chancellor Olaf Scholz on Monday in Paris.\n\n"
            "FOR IMMEDIATE RELEASE: July 2, 2024\n\n"
            "Prime Minister Kishida spoke today with President Yoon by telephone.\n")
    assert _dated(text) == [
        (date(2024, 6, 13), "The Minister spoke yesterday w"),
        (date(2024, 6, 14), "Chancellor Olaf Scholz met Pre"),  # the stamp is a Friday: "last" is a week back
        (date(2024, 6, 24), "President Emmanuel Macron host"),
        (date(2024, 7, 2), "Prime Minister Kishida spoke t"),
    ]
