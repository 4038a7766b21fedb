"""Readers, round 11: an aggregator's item stamps (`<time datetime>`) date their items; a UN-style document
converted from PDF loses its running header, coded page footers and its footnotes. Every sentence here is
written for the test (invented people and places, or real leaders in new sentences)."""

from __future__ import annotations

import pytest

from transforms.extract import extract_document
from transforms.readers import read_document
from warehouse.seeds import SEED_DIR, load_reference


@pytest.fixture(scope="module")
def ref():
    return load_reference(SEED_DIR)


def events_of(name: str, data: str, ref) -> list[dict]:
    doc = read_document(name, data.encode())
    return extract_document(doc, ref, file_id="f1", report_id="r1", file_name=name)["events"].to_pylist()


# ------------------------------------------------------------------ an aggregator's stamped items

def _item(iso: str, shown: str, source: str, headline: str, summary: str) -> str:
    return (f'<li class="entry"><time datetime="{iso}">{shown}</time> <span>from {source}</span>'
            f"<h3>{headline}</h3><p>{summary}</p></li>")


DIGEST = ("<html><head><title>Baltic Wire weekly</title></head><body><main><h1>Baltic Wire weekly</h1>"
          "<p>Eleven links, newest first.</p><ul>"
          + _item("2024-09-12T18:20", "12 Sep 18:20", "Delfi", "Ministers meet on the ferry route",
                  "Foreign ministers Karlis Ozols and Ilmar Tamm met in Riga to review the new Baltic ferry route.")
          + _item("2024-09-11T07:05", "11 Sep 07:05", "ERR", "Tallinn lays a wreath",
                  "The Estonian president laid a wreath at the harbour memorial in Tallinn.")
          + _item("2024-09-09T21:40", "9 Sep 21:40", "LRT", "Vilnius signs a grid memorandum",
                  "Lithuania and Poland signed a memorandum on grid synchronisation in Vilnius.")
          + "</ul><p>Next issue in a week. Remember the storm of March 2019.</p></main></body></html>")


def test_each_item_summary_is_headed_by_its_stamps_full_date() -> None:
    text = read_document("digest.html", DIGEST.encode()).text
    assert "September 12, 2024: Foreign ministers Karlis Ozols" in text
    assert "September 9, 2024: Lithuania and Poland signed" in text
    assert "18:20" not in text and "12 Sep" not in text  # the yearless visible stamp (and its clock) is gone
    assert "Ministers meet on the ferry route" in text and "from Delfi" in text


def test_a_stamped_item_without_a_day_word_is_dated_by_its_stamp(ref) -> None:
    events = events_of("digest.html", DIGEST, ref)
    dated = {e["text"].split(": ", 1)[-1][:20]: str(e["date_start"]) for e in events}
    assert dated.get("Foreign ministers Ka") == "2024-09-12"
    assert dated.get("Lithuania and Poland") == "2024-09-09"
    assert not [e for e in events if str(e["date_start"]).startswith("2019")]


def test_an_inline_item_summary_gets_the_stamp_too() -> None:
    page = ("<html><body><main><ol>"
            '<li><time datetime="2023-04-02">2 Apr</time> Chancellor Olaf Scholz visited Gdansk shipyard workers.</li>'
            '<li><time datetime="2023-04-05">5 Apr</time> Chancellor Olaf Scholz received the Dutch premier.</li>'
            "</ol></main></body></html>")
    text = read_document("list.html", page.encode()).text
    assert "April 2, 2023: Chancellor Olaf Scholz visited Gdansk" in text
    assert "April 5, 2023: Chancellor Olaf Scholz received" in text


def test_a_single_time_element_stays_the_publication_day() -> None:
    page = ('<html><body><article><h1>Talks in Narva</h1><p>By R. Saar, <time datetime="2024-02-14">14 Feb</time>'
            "</p><p>The two prime ministers met in Narva on Tuesday to discuss the bridge project.</p>"
            "</article></body></html>")
    doc = read_document("one.html", page.encode())
    assert doc.metadata.get("published") == "2024-02-14"
    assert "February 14, 2024:" not in doc.text and "14 Feb" in doc.text


def test_an_archive_list_with_several_stamps_per_item_is_not_an_item_list() -> None:
    page = ("<html><body><main><div>"
            '<p><time datetime="2024-01-03">3 Jan</time> and <time datetime="2024-01-09">9 Jan</time> sessions '
            "of the joint commission on the river border were held in Tartu.</p></div></main></body></html>")
    text = read_document("two.html", page.encode()).text
    assert "3 Jan" in text and "9 Jan" in text and "2024:" not in text
