"""Generate seeds/reports/japan-korea-2024-may-aug.pdf (a Comparative Connections-style chapter).

Usage: .venv/bin/python tools/make_seed_pdf.py [output.pdf]

Deliberate layout features the PDF reader must cope with:
- a running header ("COMPARATIVE CONNECTIONS | SEPTEMBER 2024") and a page-number footer on
  every page;
- hard-wrapped lines (the script wraps text itself), including one word hyphenated across a line
  break ("secu-" / "rity");
- a title-case subheading without a blank line around it in the extracted text;
- the chronology starting on a new page, and its entry for Aug. 14, 2024 broken across a page
  boundary (a forced page break in mid-sentence).

Needs fpdf2 (a dev dependency). Output is deterministic (fixed creation date).
"""

from __future__ import annotations

import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF

OUT = Path(__file__).resolve().parents[1] / "seeds" / "reports" / "japan-korea-2024-may-aug.pdf"
WRAP = 92  # characters per line at Helvetica 10 pt on an A4 text width of 180 mm
PAGE_BREAK = "<<PAGE>>"  # inside a paragraph: force a page break at that point
LINE_BREAK = "|"  # inside a paragraph: force a line break at that point

TITLE = "Japan-Korea Relations: Summits, Sado, and a Changing of the Guard in Tokyo"

FRONT = [
    ("h", "JAPAN-KOREA RELATIONS"),
    ("h", "SUMMITS, SADO, AND A CHANGING OF THE GUARD IN TOKYO"),
    ("h", "HANNAH CHO, INSTITUTE FOR NORTHEAST ASIAN AFFAIRS"),
    ("p", "Japan and South Korea spent the middle of 2024 proving that the repaired relationship "
          "could survive routine friction. President Yoon Suk Yeol and Prime Minister Kishida Fumio "
          "met in Seoul on the eve of the first China-Japan-South Korea summit in more than four "
          "years, and their defense ministers finally closed the file on a radar dispute that had "
          "poisoned military ties since 2018."),
    ("p", "The quarrel over LINE Yahoo, in which Tokyo pressed the messaging operator to reduce its "
          "capital ties with Naver, showed how quickly economic secu-|rity questions can turn into "
          "questions of national pride. A Gallup Korea survey in May found 61% of respondents "
          "wanted Seoul to respond firmly, while only 24% called the issue a purely commercial "
          "matter."),
    ("p", "In July the two governments reached a compromise that let the Sado gold mine join the "
          "UNESCO World Heritage list, with Japan promising an exhibition on the Koreans who were "
          "made to work there. Japan also committed about 2 billion yen to expanded youth "
          "exchanges. Then, on Aug. 14, Kishida said he would not run for re-election as party "
          "leader, leaving Seoul to wonder whether his successor would invest as much in the "
          "relationship."),
    ("s", "Defense Ties After the Radar Dispute"),
    ("p", "The Shangri-La Dialogue in Singapore gave Kihara Minoru and Shin Won-sik the setting to "
          "announce new rules for encounters between their ships and aircraft. The arrangement is "
          "modest on paper, but it removes the main excuse each side had used to avoid direct "
          "military contact. Late in June, the first Freedom Edge exercise put Japanese, South "
          "Korean, and American ships, aircraft, and cyber units into a single training event."),
    ("p", "Shin's trip to Tokyo at the end of July was the first by a South Korean defense minister "
          "in 15 years. The two ministers agreed to hold the meeting every year, alternating "
          "capitals, and to resume exchanges between their service chiefs."),
    ("new-page", ""),
    ("h", "CHRONOLOGY OF JAPAN-KOREA RELATIONS"),
    ("h", "MAY-AUGUST 2024"),
]

CHRONOLOGY = [
    "May 13, 2024: South Korea's science ministry says it will respond firmly to any unfair "
    "treatment of Naver in the LINE Yahoo dispute.",
    "May 26, 2024: Yoon and Kishida meet in Seoul and agree to launch new talks on economic "
    "cooperation.",
    "May 27, 2024: Yoon, Kishida, and Chinese Premier Li Qiang hold the ninth China-Japan-South "
    "Korea trilateral summit in Seoul.",
    "June 1, 2024: Defense Minister Kihara Minoru and Defense Minister Shin Won-sik meet at the "
    "Shangri-La Dialogue in Singapore and agree on steps to prevent a repeat of the 2018 radar "
    "incident.",
    "June 27-29, 2024: Japan, South Korea, and the US conduct the first Freedom Edge multi-domain "
    "exercise.",
    "July 11, 2024: Yoon and Kishida meet on the sidelines of the NATO summit in Washington.",
    "July 27, 2024: The UNESCO World Heritage Committee, meeting in New Delhi, adds the Sado "
    "Island gold mines to the World Heritage list with South Korea's consent.",
    "July 28, 2024: Kihara and Shin hold talks in Tokyo, the first visit to Japan by a South "
    "Korean defense minister in 15 years.",
    "Aug. 14, 2024: Kishida announces that he will not seek re-election as president of the "
    "Liberal Democratic Party, and South Korea's presidential office says it hopes" + PAGE_BREAK
    + " the next Japanese leader will continue the improvement in bilateral ties.",
    "Aug. 15, 2024: In his Liberation Day address, Yoon calls for unification based on freedom "
    "and does not criticize Japan.",
]


class SeedPDF(FPDF):
    def header(self) -> None:
        self.set_font("Helvetica", "", 8)
        self.cell(0, 6, "COMPARATIVE CONNECTIONS | SEPTEMBER 2024", align="R",
                  new_x="LMARGIN", new_y="NEXT")
        self.ln(4)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", "", 8)
        self.cell(0, 10, str(self.page_no()), align="C")


def wrap(text: str) -> list[str]:
    lines: list[str] = []
    for piece in text.split(LINE_BREAK):
        lines.extend(textwrap.wrap(piece, WRAP) or [""])
    return lines


def paragraph(pdf: SeedPDF, text: str, size: int = 10, style: str = "") -> None:
    pdf.set_font("Helvetica", style, size)
    for k, part in enumerate(text.split(PAGE_BREAK)):
        if k:
            pdf.add_page()
        for line in wrap(part):
            pdf.cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)


def build(out: Path = OUT) -> Path:
    pdf = SeedPDF(format="A4")
    pdf.set_margins(15, 12, 15)
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_title(TITLE)
    pdf.set_author("Hannah Cho")
    pdf.set_subject("Comparative Connections, Vol. 26, No. 2")
    pdf.set_creation_date(datetime(2024, 9, 1, tzinfo=UTC))
    pdf.set_compression(True)
    pdf.add_page()
    for kind, text in FRONT:
        if kind == "new-page":
            pdf.add_page()
        elif kind == "h":
            paragraph(pdf, text, 11, "B")
        elif kind == "s":
            paragraph(pdf, text, 10, "B")
        else:
            paragraph(pdf, text)
    for entry in CHRONOLOGY:
        paragraph(pdf, entry)
    out.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(out))
    return out


if __name__ == "__main__":
    path = build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
    print(f"wrote {path} ({path.stat().st_size} bytes)")
