"""Wire-news and news-digest styles: datelines, header/footer dates, "to" ranges, relative dates, and
event types decided by the verb rather than by a topic noun."""

from datetime import date

import pytest

from tests.test_events import EVENT_TABLES, type_of
from transforms.chronology import dated_sentences, sentences, split_lines
from transforms.dates import DATE_EXPR, parse_date_expr
from transforms.document import Document
from transforms.events import classify, main_verb
from transforms.extract import extract_document
from transforms.reference import Reference


@pytest.fixture(scope="module")
def ref():
    return Reference.from_tables(EVENT_TABLES)


def extract(text, ref):
    return extract_document(Document(text=text, format="txt", source_text=text), ref, file_id="f1", report_id="r1")


# ----------------------------------------------------------------------------- date forms

@pytest.mark.parametrize("expr,start,end", [
    ("9 to 19 August 2023", date(2023, 8, 9), date(2023, 8, 19)),
    ("9 to 19 August", date(2021, 8, 9), date(2021, 8, 19)),
    ("August 9 to 19", date(2021, 8, 9), date(2021, 8, 19)),
    ("Aug. 9 to 19, 2023", date(2023, 8, 9), date(2023, 8, 19)),
    ("2 June to 30 June 2022", date(2022, 6, 2), date(2022, 6, 30)),
    ("June 28 to July 3", date(2021, 6, 28), date(2021, 7, 3)),
    ("28 November to 2 December 2022", date(2022, 11, 28), date(2022, 12, 2)),
])
def test_to_ranges_parse(expr, start, end):
    span = parse_date_expr(expr, 2021)
    assert span is not None and (span.start, span.end) == (start, end)


def test_to_range_is_found_whole_in_a_sentence():
    m = DATE_EXPR.search("The navies hold drills from 9 to 19 August off Busan.")
    assert m and m.group(0) == "9 to 19 August"
    # a count after "to" is not a day: "on August 9 to 19 countries" is one day
    m = DATE_EXPR.search("Invitations went out on August 9 to 19 countries.")
    assert m and m.group(0) == "August 9"


def test_dash_forms_unchanged():
    assert parse_date_expr("12–14 March 2021", None).end == date(2021, 3, 14)
    assert parse_date_expr("Dec. 5-7, 2023", None).start == date(2023, 12, 5)
    assert parse_date_expr("2025-03-10 to 2025-03-20", None).end == date(2025, 3, 20)


# ----------------------------------------------------------------------------- sentence split

def test_a_sentence_may_open_with_a_digit_or_percent_sign():
    block = split_lines("The ministry released figures. 40 ships took part. No. 3 pier was closed. "
                        "Exports rose.")[0]
    assert [s.text for s in sentences(block)] == [
        "The ministry released figures.", "40 ships took part.", "No. 3 pier was closed.", "Exports rose."]


# ----------------------------------------------------------------------------- datelines

DIGEST = """HARBOUR DESK -- WEEKLY SECURITY NOTES
Issue 12 | Covering 2 June to 27 June 2022
Compiled from our correspondents.

BUSAN, 6 June (Desk) — Japanese and Australian navies began Pacific Guard on Monday, a drill that runs \
from 6 to 10 June off the coast. Vice Admiral Kenji Oda said the ships would rehearse convoy escort.

CANBERRA, 14 June (Desk) — The Foreign Office on Tuesday summoned the Chinese ambassador over the \
intercept. Minister Alice Grey said the episode was unacceptable. Officials said more talks were planned.

-- End of notes. Next issue: 4 July 2022.
"""


def test_dateline_digest_dates_and_header_footer(ref):
    entries = dated_sentences(DIGEST, 2022)
    got = [(e.span.start, e.span.end, e.text[:25]) for e in entries]
    assert got == [
        (date(2022, 6, 6), date(2022, 6, 10), "Japanese and Australian n"),
        (date(2022, 6, 6), date(2022, 6, 6), "Vice Admiral Kenji Oda sa"),
        (date(2022, 6, 14), date(2022, 6, 14), "The Foreign Office on Tue"),
        (date(2022, 6, 14), date(2022, 6, 14), "Minister Alice Grey said "),
    ]
    assert entries[1].place == "BUSAN"


def test_weekday_counts_back_from_the_dateline():
    text = ("SUVA, 9 May 2024 (Desk) — The two coast guards held a joint patrol on Tuesday near the reef, "
            "officials in the capital said.\n")
    [entry] = dated_sentences(text, 2024)
    assert entry.span.start == date(2024, 5, 7)


def test_dateline_without_a_date_and_poll_dates(ref):
    text = ("Weekly roundup for June 2024.\n\n"
            "The president's approval stood at 30% in a Gallup Korea June 3-5 survey, down from a week "
            "earlier.\n\n"
            "June 4 -- North Korea fired two missiles from the west coast, officials in Seoul said.\n\n"
            "The same day the ministry said exercises would continue as they had since May 27.\n")
    entries = dated_sentences(text, 2024)
    assert [(e.span.start, e.text[:12]) for e in entries] == [
        (date(2024, 6, 4), "June 4 -- No"), (date(2024, 6, 4), "The same day")]


# ----------------------------------------------------------------------------- event types

@pytest.mark.parametrize("text,kind", [
    ("A spokesman for the ministry denounced the drills as provocative.", "statement"),
    ("Premier Ito received Ambassador Jane Roe at his office in Tokyo.", "meeting"),
    ("A coast guard cutter turned its water cannon on a supply boat near the reef.", "incident"),
    ("Armed sailors boarded the supply boat near the reef.", "incident"),
    ("A patrol ship rammed the research vessel at the shoal.", "incident"),
    ("Two trawlers collided off the coast.", "incident"),
    ("The two ministers held an hour of talks on the sidelines, their first meeting.", "meeting"),
    ("The minister addressed the forum, warning of rising tension.", "statement"),
    ("The two ministers spoke by telephone.", "phone_call"),
    ("The two ministers held talks by video link online.", "phone_call"),
])
def test_verb_decides_type(text, kind):
    assert type_of(text) == kind


def test_speaking_fronted_clause_and_state_visit_noun():
    text = "Speaking after the vote, Ambassador Jane Roe told the council that the veto was a mistake."
    assert type_of(text) == "statement"
    text = "Premier Ito received Ambassador Jane Roe in Tokyo to prepare his state visit to Canberra."
    pred = main_verb(text)
    assert pred.lemma == "receive" and classify(text, pred, text[:pred.start]) == "meeting"


def test_a_ship_named_like_a_date_is_not_a_date():
    text = ("HANOI, 9 May 2024 (Desk) — A patrol ship rammed the trawler Lucky May 2 near the reef on "
            "Tuesday, officials said.\n")
    [entry] = dated_sentences(text, 2024)
    assert entry.span.start == date(2024, 5, 7)


def test_both_sides_of_a_clash_act(ref):
    from transforms.events import actor_countries

    text = "A Japanese patrol ship rammed a South Korean fishing boat near the islands."
    assert actor_countries(text, main_verb(text), ref) == {"JPN", "KOR"}
