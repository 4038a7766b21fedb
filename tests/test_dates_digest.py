"""A monitoring digest's item heads date their items: "today" in a translated broadcast is the day it went out."""
from tests.extraction_helpers import extract_text

_DIGEST = ("COASTAL MEDIA DIGEST -- No. 7/2025\nCompiled by the Monitoring Desk, Friday 14 March 2025, 0930 gmt\n\n"
           "1. Minister receives envoy\n\n{head}\n\nThe foreign minister, Amina Haddad, received the Tunisian "
           "ambassador in Algiers today to discuss the border crossings.\n\nSource: Radio Algiers, Algiers, in "
           "Arabic 1900 gmt 12 Mar 25\n")


def _days(text: str, ref) -> list[str]:
    return [str(e["date_start"]) for e in extract_text(text, ref)["events"].to_pylist()]


def test_a_text_of_report_head_dates_its_item(ref):
    assert _days(_DIGEST.format(head="Text of report by Algerian state radio on 12 March:"), ref) == ["2025-03-12"]


def test_a_broadcast_line_over_an_item_dates_it(ref):
    assert _days(_DIGEST.format(head="Radio Algiers, Algiers, in Arabic 1900 gmt 12 Mar 25"), ref) == ["2025-03-12"]
