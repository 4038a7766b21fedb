"""The extraction shortcuts give what the plain computation gives."""

from __future__ import annotations

import hashlib
from datetime import date

import pyarrow as pa
import pytest

from transforms import chronology, dates, identity, metrics
from transforms.reference import fold
from warehouse.schema import EVENT_PARTICIPANTS, PARTICIPANT_ALIASES

LINES = [
    "Sept. 1, 2023: Kishida meets Biden.", "Sept. 1, 2023", "Sept. 1-3:", "12–14 March 2021 – talks",
    "30 August–2 September 2022", "June 2022", "June: a meeting", "Dec. 31, 2023–Jan. 2, 2024:",
    "sept. 1, 2023", "The Sept. 1 meeting", "1 September 2023", "2023", "Mayor Adams visits Seoul.",
    "September 30th, 2023–December 31st, 2024:", "Jan  5 ,   2024  :", "Oct. 16-18, 2023 " + "x" * 80,
]


@pytest.mark.parametrize("line", LINES)
def test_date_prechecks_never_skip_a_match(line: str) -> None:
    for block in chronology.split_lines(line):
        text = block.text
        if chronology.BARE_DATE.match(text):
            assert chronology._is_bare_date(text)
        if chronology.BARE_DATE.match(text) or dates.ENTRY_HEAD.match(text):
            assert chronology._may_open_with_date(text)
        assert chronology._is_bare_date(text) == bool(chronology.BARE_DATE.match(text))


@pytest.mark.parametrize("expr", ["Sept. 1, 2023", "Aug. 22–Sept. 1, 2022", "Dec. 5-7, 2023", "12–14 March 2021",
                                  "30 August–2 September 2022", "1 September 2023", "June 2022", "JUNE",
                                  "sept 1", "Dec. 31, 2023–Jan. 2, 2024", "", "5 Sept.", "Sept. 31"])
def test_parse_date_expr_tries_the_forms_its_shape_allows(expr: str) -> None:
    def every_form(expr: str, year: int) -> dates.DateSpan | None:
        expr = dates.re.sub(r"\s+", " ", expr.strip())
        for form in dates._FORM_RES:
            if m := form.match(expr):
                return dates._span_from_groups(m.groupdict(), year)
        return None

    assert dates.parse_date_expr.__wrapped__(expr, 2023) == every_form(expr, 2023)


def test_repeated_sentences_add_no_metric() -> None:
    para = "Support rose to 47% in the Gallup poll. Some 2,000 troops took part in exercises."
    once = metrics.find_metrics(para + "\n\nAnother paragraph with 3 ships that is long enough.")
    twice = metrics.find_metrics(para + "\n\n" + para + "\n\nAnother paragraph with 3 ships that is long enough.")
    assert [(m.value, m.unit, m.text) for m in twice] == [(m.value, m.unit, m.text) for m in once]


def test_shingles_are_the_blake2b_of_every_five_folded_words() -> None:
    text = "The [US](http://x) and Japan hold talks in Tokyo; the US and Japan hold talks again, café."
    words = fold(text.replace("[US](http://x)", "US")).split()
    expected = {int.from_bytes(hashlib.blake2b(" ".join(words[i:i + 5]).encode(), digest_size=8).digest(), "big")
                for i in range(len(words) - 4)}
    assert identity.shingles(text) == expected
    assert identity.shingles("") == identity.shingles("one two three four") == set()


def test_from_rows_with_missing_keys_and_no_rows() -> None:
    full = {"participant_id": "p_1", "alias": "Kishida", "report_id": "r"}
    table = PARTICIPANT_ALIASES.from_rows([full, {"participant_id": "p_2", "alias": "Biden"}])
    assert table.column("report_id").to_pylist() == ["r", None]
    assert PARTICIPANT_ALIASES.from_rows([]).equals(PARTICIPANT_ALIASES.empty())
    row = {"event_id": "e", "participant_id": "p", "title": None, "country": "JPN", "mention": "K",
           "file_id": "f", "char_start": 1, "char_end": 2, "extractor_version": "v", "extra": date(2024, 1, 1)}
    table = EVENT_PARTICIPANTS.from_rows([row])
    assert table.schema == EVENT_PARTICIPANTS.arrow_schema
    assert table.to_pylist() == [{k: v for k, v in row.items() if k != "extra"}]
    with pytest.raises((pa.ArrowInvalid, pa.ArrowTypeError)):
        EVENT_PARTICIPANTS.from_rows([{**row, "char_start": "one"}])


@pytest.mark.parametrize("text", ["Kishida & Biden’s talks\nin Tokyo", "Tokyo", "a\nb", "x" * 150 + " & y", "Biden’s"])
def test_html_alignment_in_stretches_maps_as_one_by_one(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from transforms.readers import html

    source = "<p>" + ("x" * 150 + " &amp; y" if text.startswith("x") else
                      "Kishida &amp; Biden&rsquo;s talks\r\nin Tokyo</p><p>a\r\nb Biden&#8217;s Tokyo")
    stretches = [html._Aligner(source)._align_at(text, p) for p in range(len(source))]
    monkeypatch.setattr(html, "_verbatim_run", lambda *args: 1)
    assert stretches == [html._Aligner(source)._align_at(text, p) for p in range(len(source))]
