from datetime import date
from pathlib import Path

from transforms.chronology import chronology_entries, dated_sentences, split_lines, stated_period

CHRONO = """Some narrative about the period.

CHRONOLOGY OF US-KOREA RELATIONS

MAY–AUGUST 2021

May 3: The two foreign ministers meet in London.

May 21-22: Leaders hold a summit in Washington and release a joint statement on the peninsula, with
a further pledge on vaccines

and a working group on supply chains.

Figure 3 The leaders at the White House. Photo: Office of the President

June 2021: Defense officials hold consultations.

July 30–Aug. 2: Trilateral drills are held off Hawaii.

Sejong Institute reports on the drills.
"""


def test_entries_take_year_from_section_heading_and_join_continuations():
    entries = chronology_entries(CHRONO)
    assert [(e.span.start, e.span.end) for e in entries] == [
        (date(2021, 5, 3), date(2021, 5, 3)),
        (date(2021, 5, 21), date(2021, 5, 22)),
        (date(2021, 6, 1), date(2021, 6, 30)),
        (date(2021, 7, 30), date(2021, 8, 2)),
    ]
    joined = entries[1].text
    assert "with a further pledge on vaccines and a working group on supply chains." in joined
    assert "Figure" not in joined  # the caption does not split or pollute the entry
    assert entries[2].span.precision == "month"
    assert "Sejong Institute reports" in entries[3].text  # an undated paragraph continues the entry


def test_entry_offsets_point_into_the_text():
    entries = chronology_entries(CHRONO)
    e = entries[0]
    assert CHRONO[e.start:e.start + 20] == e.text[:20]


def test_stated_period():
    assert stated_period(split_lines(CHRONO)) == (date(2021, 5, 1), date(2021, 8, 31))


def test_chronology_without_heading_is_found_from_a_run_of_dated_lines():
    text = "Intro.\nJan. 5, 2022: A meets B.\nJan. 6, 2022: C meets D.\nJan. 9, 2022: E calls F.\n"
    assert len(chronology_entries(text)) == 3


def test_digest_dates_sentences_and_relative_days():
    text = ("Officials met in Seoul on March 4 to review the plan. Two days later the ministers signed it. "
            "Background sentence without a date.\n© 2031 Some Publisher")
    entries = dated_sentences(text, 2024)
    assert [e.span.start for e in entries] == [date(2024, 3, 4), date(2024, 3, 6)]
    assert entries[1].text.startswith("Two days later")


def test_digest_without_year_yields_nothing_rather_than_guessing():
    assert dated_sentences("Officials met in Seoul on March 4 to review the plan.", None) == []


def test_bare_date_blocks_take_the_next_block_as_their_entry_under_a_timeline_heading():
    text = ("Intro paragraph.\n\nTimeline\n\n12 January 2024\n\nBlinken meets Wang Yi in Beijing.\n\n"
            "26–27 January\n\nSullivan and Wang Yi hold talks in Bangkok.\n")
    entries = chronology_entries(text)
    assert [(e.span.start, e.span.end, e.text) for e in entries] == [
        (date(2024, 1, 12), date(2024, 1, 12), "Blinken meets Wang Yi in Beijing."),
        (date(2024, 1, 26), date(2024, 1, 27), "Sullivan and Wang Yi hold talks in Bangkok."),
    ]


def test_entries_without_a_year_use_the_default_year():
    text = "Jan. 5: A meets B in Seoul.\nJan. 6: C meets D.\nJan. 9: E calls F.\n"
    assert chronology_entries(text, default_year=2019)[0].span.start == date(2019, 1, 5)
    assert chronology_entries(text) == []  # no year anywhere: no guessing


def test_year_less_entries_after_december_roll_into_the_next_year():
    text = "CHRONOLOGY\n\nDec. 30, 2023: A meets B.\n\nJan. 2: C meets D.\n\nJan. 3: E calls F.\n"
    assert [e.span.start for e in chronology_entries(text)] == [
        date(2023, 12, 30), date(2024, 1, 2), date(2024, 1, 3)]


def _seed_report_texts():
    from transforms.readers import read_document

    reports = sorted((Path(__file__).resolve().parent.parent / "seeds" / "reports").iterdir())
    return [read_document(p.name, p.read_bytes()).text for p in reports]


def test_sentence_gaps_are_sentence_end_matches():
    """sentences() finds SENTENCE_END's matches with a stdlib pattern: the same spans on real text."""
    from transforms.chronology import _SENTENCE_GAP, SENTENCE_END

    edge = ['He left. "Then" A. B.” C! (D) E?\u3000F.\x1c G.) \xa0H', 'x." Y', "a.\n\tB", ". . A", "U.S.  Army"]
    for text in [*_seed_report_texts(), *edge]:
        for block in [text, *(b.text for b in split_lines(text))]:
            assert [m.span(1) for m in _SENTENCE_GAP.finditer(block)] == [
                m.span() for m in SENTENCE_END.finditer(block)]


def test_sentence_gap_whitespace_is_the_regex_engines():
    import re as stdre
    import sys

    import regex

    every = "".join(map(chr, range(sys.maxunicode + 1)))
    assert stdre.findall(r"[^\S\x1c-\x1f]", every) == regex.findall(r"\s", every)
