"""Plain text and Markdown reader, and the block normalizer the PDF reader reuses.

Pipeline: lines -> (markup stripped, captions/furniture dropped) -> blocks (blank lines, headings,
list items and chronology dates start blocks; other line breaks are reflowed into spaces) ->
page-break repair (a block cut mid-sentence continues into the next block) -> Document.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise

from transforms.dates import DATE_EXPR, DATE_HEADS, DATE_LINE, DTG, STAMP, dtg_day
from transforms.document import Document
from transforms.readers._common import (
    DATE_PREFIX,
    ReaderError,
    Span,
    assemble,
    decode_text,
    is_all_caps,
    iter_lines,
    join_spans,
    parse_period,
)
from transforms.readers.email import QUOTE_MARKS, is_thread, thread_lines

# ----------------------------------------------------------------------------------------------
# Inline Markdown

_INLINE = re.compile(
    r"(?P<img>!\[[^\]\n]*\]\([^)\n]*\))"
    r"|(?P<link>\[(?P<label>[^\[\]\n]+)\](?:\((?:[^()\s]|\([^()\n]*\))*(?:\s+\"[^\"\n]*\")?\)|\[[^\]\n]*\]))"
    r"|<sup>(?P<sup>[^<\n]*)</sup>"
    r"|(?P<tag></?(?:sup|sub|em|strong|b|i|u|span|a|br|mark|small)\b[^>\n]*>)"
    r"|\\(?P<esc>[\\`*_{}\[\]()#+\-.!$>|~])"
    r"|\*\*(?=\S)(?P<strong>[^\n]+?)(?<=\S)\*\*"
    r"|(?<![\w\\])__(?=\S)(?P<ustrong>[^\n]+?)(?<=\S)__(?!\w)"
    r"|(?<![\w*\\])\*(?=[^\s*])(?P<em>[^*\n]+?)(?<=[^\s*\\])\*(?![\w*])"
    r"|(?<![\w\\])_(?=[^\s_])(?P<uem>[^_\n]+?)(?<=[^\s_\\])_(?!\w)"
    r"|(?P<stray>\*\*|__)"
    r"|(?P<cite>(?<=[\w.,;:!?”\"’)])\[\d{1,3}\])"  # a wiki's reference mark after a word or sentence: "…office.[6]"
)


_MARKUP_CHARS = ("[", "<", "\\", "*", "_")  # every _INLINE match holds one


def clean_inline(text: str, base: int) -> Span:
    """Strip Markdown inline markup from `text` (found at source offset `base`)."""
    if not any(map(text.__contains__, _MARKUP_CHARS)):
        return Span.verbatim(text, base)
    chars: list[str] = []
    offs: list[int] = []
    _clean_inline_into(text, base, chars, offs)
    return Span("".join(chars), offs)


def _clean_inline_into(text: str, base: int, chars: list[str], offs: list[int]) -> None:
    """clean_inline, appending to `chars` and `offs` (no quadratic Span concatenation)."""
    pos = 0
    for m in _INLINE.finditer(text):
        chars.append(text[pos : m.start()])
        offs.extend(range(base + pos, base + m.start()))
        kind = m.lastgroup
        if kind == "link" or m.group("label") is not None:
            _clean_inline_into(m.group("label"), base + m.start("label"), chars, offs)
        elif kind in ("sup", "strong", "ustrong", "em", "uem"):
            _clean_inline_into(m.group(kind), base + m.start(kind), chars, offs)
        elif kind == "esc":
            chars.append(m.group("esc"))
            offs.append(base + m.start("esc"))
        elif kind == "tag" and m.group("tag").lower().startswith("<br"):
            chars.append(" ")
            offs.append(base + m.start())
        pos = m.end()
    chars.append(text[pos:])
    offs.extend(range(base + pos, base + len(text)))


# ----------------------------------------------------------------------------------------------
# Line classification

_HEADING_MD = re.compile(r"^ {0,3}(#{1,6})[ \t]+")
_RULE = re.compile(r"^\s*(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|(?:=\s*){3,})$")
_BULLET = re.compile(r"^\s*(?:[•·▪◦‣●○■□►▸–—]|[-*+](?=\s))\s*")
_CAPTION = re.compile(
    r"^\s*(?:\*{0,2}_?)(?:Figure|Fig\.|Photo|Image)\s*\d+[\s.:|]|^\s*Photo(?:\s+credit)?\s*:", re.I
)
_PHOTO_LABEL = re.compile(r"^\s*(?:Photo|Image|Picture)\s*:\s*", re.I)
# Words that cannot be the verb after a caption's subject ("X (right) with Y at Z"): the caption is a label.
_NOT_A_VERB = frozenset({"with", "at", "in", "on", "of", "and", "the", "a", "an", "during", "after", "before",
                         "from", "for", "to", "by", "as", "near", "outside", "inside", "among", "&"})


def _in_name(words: list[str], i: int) -> bool:
    """Whether words[i] goes on a caption's name-like subject: a name or title word, "(left)", or "and"/"of"
    before one ("Head of Mission", "X and Y")."""
    w = words[i]
    if w[:1].isupper() or (w[:1] == "(" and w.endswith(")")):
        return True
    return w in ("and", "of") and i + 1 < len(words) and words[i + 1][:1].isupper()


def caption_act(text: str) -> bool:
    """Whether a photo caption tells an act: a sentence whose name-like subject ("Ambassador Ana Reyes", "X and
    Y") is followed by a verb ("presents her credentials to …"), not a label ("X (right) with Y at Z")."""
    words = text.split()
    if len(words) < 5 or not ends_sentence(text):
        return False
    i = 0
    while i < len(words) and _in_name(words, i):
        i += 1
    if i == 0 or i >= len(words):
        return False
    verb = words[i]
    return verb.isalpha() and verb.islower() and verb not in _NOT_A_VERB
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,3}(?:\s*(?:/|of)\s*\d{1,3})?\s*$", re.I)
# A page footer that prints a document code beside "page/pages" ("2/6      25-05112", "25-05112      3/6").
_CODED_PAGE = re.compile(r"^\s*(?:(?P<a>\S*\d\S*)\s{3,})?\d{1,3}\s*/\s*\d{1,3}(?:\s{3,}(?P<b>\S*\d\S*))?\s*$")
# Footnotes in a PDF converted to text: a short rule, then "1  Source, title, date." lines.
_NOTE_RULE = re.compile(r"^\s*_{5,30}\s*$")
_NOTE = re.compile(r"^\s*\d{1,3}\s+\S")
_PAGE_RULE = re.compile(r"^\s*(?:-{60,}|={60,}|_{60,})\s*$")  # a page break in a PDF converted to text
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_RULE = re.compile(r"^[\s|:-]*-[\s|:-]*$")
# A table cell that is only a date or a date range: "2025-03-10 to 2025-03-20", "Jan. 6", "6 January 2025".
_DATE_CELL = re.compile(
    r"^(?=[^|]*\d)(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?|\d{1,4}(?:st|nd|rd|th)?|to|and"
    r"|[\s.,/:–—-])+$", re.IGNORECASE)
_FURNITURE = re.compile(r"^(?:This article is extracted from|Preferred citation)", re.I)
_COPYRIGHT = re.compile(r"^\s*(?:©|\(c\)|copyright\b)\s*(?:\d{4})?|privacy policy|all rights reserved", re.I)
# A footnote mark may follow, also as plain digits after a word or a year ("… million).4", "… March 2025.5").
_TERMINAL = re.compile(r"(?:[.!?:;][\"”’')\]*_¹²³⁴⁵⁶⁷⁸⁹⁰]*(?:\[\d{1,3}\])?"
                       r"|(?:[a-z)\]\"”’]|(?<!\d)(?:19|20)\d\d)[.!?]\d{1,2})\s*$")
_HYPHEN_BREAK = re.compile(r"[A-Za-z]-$")


def ends_sentence(text: str) -> bool:
    """_TERMINAL at the end of `text`, looked for in its last characters only: the pattern is anchored at the
    end, and searched from the start its alternatives try every letter of a long paragraph (13x slower)."""
    tail = text.rstrip()
    return _TERMINAL.search(tail, max(0, len(tail) - 16)) is not None
# Lines that stand alone as blocks of their own ("date" blocks): a line that is only a date ("Sept. 11,
# 2024" under a press release's heading; DATE_LINE), a year heading of a chronology ("2025"), a time stamp
# ("2024-11-04 06:15 UTC | SLUG"; STAMP). Only lines opening like a date are tried.
_YEAR_LINE = re.compile(r"^(?:19|20)\d\d$")
# A date head set off by a column gap ("21 October   Foreign Secretary …"): the gap is its colon.
_COLUMN_GAP = re.compile(r"\s{2,}(?=\S)")
# A chronology head with no colon, as PDF conversions print them: "21 Oct.  Foreign Secretary …".
_DAY_FIRST_HEAD = re.compile(
    r"^\d{1,2}(?:\s*[-–—]\s*\d{1,2})?\s+(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.\s+(?=[A-Z])")
# A chronology head set off by a dash, day first or month first, with or without a year: "23 Oct 2024 — Prime
# Minister …", "25–30 Oct 2024 — Troops …", "March 3 – The council …". The dash must have a space on each side
# and a capital must follow it.
_MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# A day and month head with a colon, as weeklies print them: "14/10: An attack on …".
_NUMERIC_HEAD = re.compile(r"^\d{1,2}/\d{1,2}:\s+(?=[A-Z])")
_DASH_HEAD = re.compile(
    rf"^(?:\d{{1,2}}(?:\s*[-–—]\s*\d{{1,2}})?\s+{_MONTH_WORD}|{_MONTH_WORD}\s+\d{{1,2}}(?:\s*[-–—]\s*\d{{1,2}})?,?)"
    r"(?:\s+(?:19|20)\d\d)?\s+[—–-]\s+(?=[A-Z“\"])")
# A place before a line's date, as transcripts and releases print the place and day they were given:
# "Antalya, Thursday, 15 May 2025", "NEW YORK, 3 March 2025".
_PLACE_BEFORE_DATE = re.compile(r"(?!(?:Published|Posted|Updated|Released|Issued|Dated|Filed)\b)"
                                r"[A-Z][\w’'.-]+(?: (?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)"
                                r"[A-Z][\w’'.-]+){0,3},\s+(?=\S)")
# A wrapped line that ends in one of these continues a sentence ("… signed on" / "21 Oct. …"): no head.
_OPEN_END = re.compile(r"\b(?:on|of|from|since|until|till|by|to|and|or|between|before|after|in|at|the)$", re.I)
# A footnote or reference line: "¹ Ministry of …", "[12] Ministry of …".
_FOOTNOTE = re.compile(r"^(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\d{1,3}\])\s*[A-Z“\"]")

MARKDOWN_HINTS = re.compile(r"\]\([^)\n]*\)|^ {0,3}#{1,6} \S|\*\*\S[^*\n]*\*\*|^\s*[-*] \S", re.M)


# A plain-text section head opening a paragraph: capitals, then perhaps " - " and the area it covers.
_SECTION_HEAD = re.compile(r"^[A-Z][A-Z'’.-]{2,}(?: [A-Z][A-Z'’.-]+)*(?: [-–—] [^.!?:]{1,60})?$")


def looks_like_markdown(text: str) -> bool:
    return len(MARKDOWN_HINTS.findall(text[:200_000])) >= 3


@dataclass
class Block:
    span: Span
    kind: str  # heading | para | item | entry | furniture
    md_heading: int = 0  # number of '#' when it was a Markdown heading

    @property
    def text(self) -> str:
        return self.span.text


@dataclass
class _Acc:
    parts: list[Span] = field(default_factory=list)
    kind: str = "para"


def _append_line(parts: list[Span], line: Span) -> None:
    """Reflow: join a line to the previous one with a space, or mend a hyphenated word break."""
    if not parts:
        parts.append(line)
        return
    prev = parts[-1]
    if _HYPHEN_BREAK.search(prev.text) and line.text[:1].islower():
        parts[-1] = prev[: len(prev) - 1] + line  # "secu-" + "rity"
    elif _HYPHEN_BREAK.search(prev.text) and line.text[:1].isupper():
        parts[-1] = prev + line  # "US-" + "Japan"
    else:
        parts[-1] = prev + Span.synthetic(" ", prev.end_offset()) + line


def is_hard_wrapped(lines: list[tuple[str, int]]) -> bool:
    """True when line breaks are soft wraps (lines of bounded width), False when every line is a
    whole paragraph (web-page text pasted without blank lines)."""
    lengths = [len(raw.strip()) for raw, _ in lines if raw.strip()]
    if len(lengths) < 3:
        return True
    long = sum(1 for n in lengths if n > 120)
    return long < 0.1 * len(lengths)


def _title_case(s: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", s) if len(w) > 3]
    return bool(words) and all(w[0].isupper() for w in words)


def blocks_from_lines(
    lines: Iterable[tuple[str, int]], *, markdown: bool, pdf: bool = False, one_per_line: bool = False
) -> list[Block]:
    """Group (line, offset) pairs into cleaned blocks.

    Text mode (pdf=False): blank lines separate paragraphs; headings, list items and dated
    chronology lines start blocks; other newlines are soft wraps. PDF mode adds layout
    heuristics: short lines ending a sentence end a paragraph, short all-caps lines are headings.
    """
    blocks: list[Block] = []
    acc = _Acc()
    in_caption = in_notes = False
    prev_len = 0
    widths: list[int] = []
    lines = list(lines)
    pages = _page_lines(lines)
    running = _running_lines(lines, pages)
    tab_rows = _tab_table_rows(lines) if not pdf and any("\t" in raw for raw, _ in lines) else {}
    if markdown and any(raw[:1] == "|" for raw, _ in lines):
        tab_rows |= _md_table_rows(lines)

    def flush() -> None:
        nonlocal acc
        if acc.parts:
            span = acc.parts[0].squeeze()
            if span.text:
                blocks.append(Block(span, acc.kind))
        acc = _Acc()

    for n, (raw, off) in enumerate(lines):
        if not raw.strip():
            flush()
            in_caption = in_notes = False
            prev_len = 0
            continue
        if n in tab_rows:
            flush()
            # [] for the header row; a row is an entry of its own, never the continuation of the row above
            blocks.extend(Block(b, "entry" if k == 0 else "para") for k, b in enumerate(tab_rows[n]))
            prev_len = 0
            continue
        if _NOTE_RULE.match(raw) and _NOTE.match(lines[n + 1][0] if n + 1 < len(lines) else ""):
            flush()
            in_notes = True  # a page's footnotes, under their short rule, up to the next blank line: their
            continue  # dates are the sources', and they would cut a paragraph running on to the next page
        if in_notes:
            continue
        if _RULE.match(raw) and (markdown or pdf or set(raw.strip()) <= {"-", "=", "_", "*", " "}):
            flush()
            continue
        if markdown and _TABLE_ROW.match(raw) and (cells := _dated_row_cells(raw, off)) is not None:
            flush()
            blocks.extend(Block(cell, "para") for cell in cells)  # a date block, then its entry (as HTML <td>s)
            continue
        if _CAPTION.match(raw):
            flush()
            prev_len = 0
            label = _PHOTO_LABEL.match(raw)
            tail = pdf and n + 1 < len(lines) and _caption_tail(raw, lines[n + 1][0])
            if not (label and caption_act(_paragraph_at(lines, n, (2 if tail else 1) if pdf else 1000))):
                in_caption = not pdf or tail  # a text caption runs to the next blank line; a PDF one to its tail
                continue
            # a caption telling the act ("Photo: X presents … at …") is text of its item, without its label
            raw, off = raw[label.end():], off + label.end()
            if pdf:  # a block of its own, with its wrapped tail
                spans = [Span.verbatim(raw, off)] + ([Span.verbatim(*lines[n + 1])] if tail else [])
                blocks.append(Block(join_spans([sp.squeeze() for sp in spans]), "para"))
                in_caption = tail
                continue
        elif in_caption and pdf:
            in_caption = False
            continue
        if in_caption:
            continue
        if n in pages or (running and " ".join(raw.split()) in running):
            continue  # not a break: a paragraph cut by the page goes on after its header
        text, base = raw, off
        md_heading = 0
        kind = None
        if markdown:
            q = QUOTE_MARKS.match(text)
            if q:
                text, base = text[q.end() :], base + q.end()
                if not text.strip():  # a quote's blank line: a paragraph ends inside the quote
                    flush()
                    prev_len = 0
                    continue
            h = _HEADING_MD.match(text)
            if h:
                md_heading = len(h.group(1))
                body = re.sub(r"[ \t]+#+[ \t]*$", "", text[h.end() :])
                text, base = body, base + h.end()
                kind = "heading"
        b = _BULLET.match(text)
        if kind is None and b and b.end() < len(text.rstrip()):
            text, base = text[b.end() :], base + b.end()
            kind = "item"
        line = (clean_inline(text, base) if markdown else Span.verbatim(text, base)).squeeze()
        if not line.text:
            continue
        previous = acc.parts[-1].text if acc.parts else ""
        if kind is None and not markdown and (headed := _column_head(text, line, previous)) is not None:
            line, kind = headed, "entry"
        if kind is None:
            kind = _line_kind(line.text, previous)
        if kind is None and pdf:
            typical = sorted(widths)[len(widths) * 3 // 4] if len(widths) >= 4 else 70
            terminal = ends_sentence(line.text)
            if acc.parts and prev_len and prev_len < 0.8 * typical and ends_sentence(acc.parts[-1].text):
                flush()  # the previous line was the short last line of a paragraph
            if is_all_caps(line.text) and len(line.text) <= 90 and not terminal:
                kind = "heading"
            elif not acc.parts and not terminal and len(line.text) < 0.7 * typical and _title_case(line.text):
                kind = "heading"  # a short Title Case line between paragraphs
            elif not terminal and len(line.text) < 0.7 * typical and _dates_next(lines, n):
                kind = "heading"  # a newsletter's headline, over its item's date line
            elif not acc.parts and not terminal and _headline_over_paragraph(line.text, lines, n, typical):
                kind = "heading"  # a column's headline, between one paragraph's end and the next's first line
            else:
                widths.append(len(line.text))
        elif kind is None and not acc.parts and len(line.text) <= 70 and _SECTION_HEAD.match(line.text):
            kind = "heading"  # "MALI - Koulikoro region", "DIPLOMACY": a section's head above its paragraph
        if kind is not None:
            flush()
            acc.kind = kind
            acc.parts.append(line)
            if kind in ("heading", "date"):
                blocks_len = len(blocks)
                flush()
                if len(blocks) > blocks_len:
                    blocks[-1].md_heading = md_heading
            prev_len = len(line.text)
            continue
        _append_line(acc.parts, line)
        prev_len = len(line.text)
        if one_per_line:
            flush()
    flush()
    return [_classify(b) for b in blocks]


def _paragraph_at(lines: list[tuple[str, int]], n: int, most: int = 1000) -> str:
    """Line n and the lines after it up to the next blank line (at most `most` lines), as one line of text."""
    out = []
    for raw, _ in lines[n:n + most]:
        if not raw.strip():
            break
        out.append(raw)
    return " ".join(" ".join(out).split())


def _dates_next(lines: list[tuple[str, int]], n: int) -> bool:
    """Whether the line after line n is a date alone ("12 February 2025")."""
    following = lines[n + 1][0].strip() if n + 1 < len(lines) else ""
    return following[:1].isdigit() and DATE_LINE.fullmatch(following) is not None


def _headline_over_paragraph(text: str, lines: list[tuple[str, int]], n: int, typical: int) -> bool:
    """Whether a PDF line that follows a paragraph's end is a headline: short, capitalised, ending on no open
    word or comma, and followed by a longer line that opens a paragraph."""
    if not (text[:1].isupper() and len(text) < 0.8 * typical) or text[-1:] in ",;-–" or _OPEN_END.search(text):
        return False
    following = lines[n + 1][0].strip() if n + 1 < len(lines) else ""
    return len(following) >= 0.8 * typical and following[:1].isupper() and not ends_sentence(following)


def _caption_tail(caption: str, following: str) -> bool:
    """Whether a PDF line holds the wrapped end of the caption above it: the caption ends no sentence and the
    line is a word or two ending one ("Hall.")."""
    return not ends_sentence(caption.rstrip()) and len(following.split()) <= 2 and ends_sentence(following.strip())


# A lettered or roman-numbered list item's marker before its first word: "(b) Convention …", "(iv) The …".
_LETTERED_ITEM = re.compile(r"\((?:[a-z]|[ivx]{1,4})\)\s+[A-Z]")


def _line_kind(text: str, previous: str) -> str | None:
    """The block a line starts: "entry" (a dated chronology head), "date" (a line of its own: a date, a
    year heading, a time stamp), "furniture" (a footnote); None for a line that may continue a paragraph."""
    first = text[:1]
    if first == "(" and _LETTERED_ITEM.match(text) and ends_sentence(previous):
        return "item"  # "(b) Convention between … Signed at …": a lettered list's next item, after the last one's end
    if not ("0" <= first <= "9" or text[:3] in DATE_HEADS):
        if "A" <= first <= "Z" and len(text) <= 60 and text[-1:].isdigit() and (m := _PLACE_BEFORE_DATE.match(text)):
            return "date" if DATE_LINE.fullmatch(text, m.end()) else None  # "Antalya, Thursday, 15 May 2025"
        return "furniture" if first in "¹²³⁴⁵⁶⁷⁸⁹⁰[" and _FOOTNOTE.match(text) else None
    if DATE_PREFIX.match(text) or ((_DAY_FIRST_HEAD.match(text) or (" " in text[:20] and _DASH_HEAD.match(text))
                                    or _NUMERIC_HEAD.match(text)) and not _OPEN_END.search(previous)):
        return "entry"
    stamp = ":" in text[:60] and STAMP.match(text)  # every stamp holds a clock time
    if _YEAR_LINE.match(text) or stamp or (len(text) <= 60 and DATE_LINE.fullmatch(text)):
        return "date"
    return None


def _column_head(raw: str, line: Span, previous: str) -> Span | None:
    """`line` with a colon after its date head when the raw line sets the head off by a column gap, as PDF
    conversions align chronologies ("21 October   Foreign Secretary …"); None for any other line."""
    text = raw.lstrip()
    if not ("0" <= text[:1] <= "9" or text[:3] in DATE_HEADS) or "  " not in text or _OPEN_END.search(previous):
        return None
    m = DATE_EXPR.match(text)
    if not m or not _COLUMN_GAP.match(text, m.end()) or text[m.end():].strip()[:1] in ("", ":", "–", "—", "-"):
        return None
    n = len(" ".join(m.group(0).split()))  # the head's length once squeezed
    return line[:n] + Span.synthetic(":", line.end_offset() if n >= len(line) else line.offs[n]) + line[n:]


def _page_lines(lines: list[tuple[str, int]]) -> set[int]:
    """Lines that are a page number: "12", "Page 3 of 9", or "2/6" beside a code that the footers of two or
    more pages print (a UN document's job number: "2/6      25-05112"). The code must repeat, as a lone
    "12/3" beside some text may be a date in a table."""
    pages = {i for i, (raw, _) in enumerate(lines) if raw.strip() and _PAGE_NUMBER.match(raw)}
    coded = {i: m.group("a") or m.group("b") for i, (raw, _) in enumerate(lines)
             if "/" in raw and (m := _CODED_PAGE.match(raw)) and (m.group("a") or m.group("b"))}
    codes = Counter(coded.values())
    return pages | {i for i, code in coded.items() if codes[code] >= 2}


def _running_lines(lines: list[tuple[str, int]], pages: set[int]) -> frozenset[str]:
    """Running headers and footers of a PDF converted to text: a line (whitespace squeezed) found next to a
    page number or a full-width page rule at two or more page breaks ("S/2025/231" atop each page)."""
    breaks = sorted(pages | {i for i, (raw, _) in enumerate(lines) if len(raw) >= 60 and _PAGE_RULE.match(raw)})
    if len(breaks) < 2:
        return frozenset()
    seen: dict[str, set[int]] = {}
    for i in breaks:
        for j in (_next_text_line(lines, i, -1), _next_text_line(lines, i, 1)):
            text = " ".join(lines[j][0].split()) if j is not None else ""
            if 0 < len(text) <= 120 and not _PAGE_NUMBER.match(text) and text[:1] != "#":
                seen.setdefault(text, set()).add(j)  # (a heading boxed by two rules is one line, not two pages')
    return frozenset(t for t, lines_at in seen.items() if len(lines_at) >= 2)


def _next_text_line(lines: list[tuple[str, int]], i: int, step: int) -> int | None:
    """Index of the first non-blank line within three lines of line `i`, going by `step`."""
    for j in range(i + step, i + 4 * step, step):
        if 0 <= j < len(lines) and lines[j][0].strip():
            return j
    return None


def _dated_row_cells(row: str, offset: int) -> list[Span] | None:
    """The cells of a Markdown table row whose first cell is a date ("| 2025-01-06 | Blinken … |"),
    each as its own block; [] for the rule under the header; None for any other row, kept whole."""
    if _TABLE_RULE.match(row):
        return []
    bounds = [i for i, ch in enumerate(row) if ch == "|"]
    cells = [clean_inline(row[a + 1:b], offset + a + 1).squeeze() for a, b in pairwise(bounds)]
    if not cells or not cells[0].text:
        return None  # "| | 2023 | 2024 |": the head of a table of figures by year, its first column the labels'
    cells = [c for c in cells if c.text]
    if not _DATE_CELL.match(cells[0].text):
        return None
    return cells


# A tab-separated table with a header row (spreadsheet exports, trackers): "DATE<TAB>ACTORS<TAB>EVENT<TAB>PLACE".
# The header names its date column, and may name the event and place columns (else the event is the row's
# longest cell).
_DATE_COLUMN = re.compile(r"(?i)^(?:dates?|day|when|date\s*\(.*\))$")
_EVENT_COLUMN = re.compile(r"(?i)^(?:events?|description|what|summary|details?|developments?|actions?|incidents?"
                           r"|activity|activities|item|outcomes?)$")
_NOTE_COLUMN = re.compile(r"(?i)^(?:notes?|remarks?|comments?)$")  # the act, when no column names it better
# Place columns from the finest to the coarsest: a row's entry takes the finest its header names (a list of
# visits "| Dates | Country | Areas visited |" is placed in the city, not the country).
_PLACE_COLUMNS = (re.compile(r"(?i)^(?:venues?|sites?)$"),
                  re.compile(r"(?i)^(?:place|location|where|city|cities|(?:places|areas|cities) visited"
                             r"|destinations?)$"),
                  re.compile(r"(?i)^(?:country|countries|state)$"))
_ACTOR_COLUMN = re.compile(
    r"(?i)^(?:who|actors?|participants?|parties|visitors?|leaders?|guests?|hosts?|counterparts?)$")
_NO_VALUE = frozenset({"", "-", "–", "—", "n/a", "N/A", "none", "None"})
# A treaty list's column of where and when each instrument was signed ("| Agreement | Signed |" with cells
# "Santiago, 26 October 2001"): the row's date and its place in one cell.
_SIGNED_COLUMN = re.compile(r"(?i)^(?:signed|signature|(?:place and )?date of signature|(?:place|date) signed"
                            r"|signed (?:at|in|on)|concluded)$")


def _tab_cells(raw: str, off: int) -> list[Span]:
    """The cells of a tab-separated line, each a squeezed Span at its source offset."""
    cells, start = [], 0
    for part in raw.split("\t"):
        cells.append(Span.verbatim(part, off + start).squeeze())
        start += len(part) + 1
    return cells


def _pipe_cells(raw: str, off: int) -> list[Span]:
    """The cells of a Markdown table row ("| a | b |"), empty ones kept so that columns line up."""
    bounds = [i for i, ch in enumerate(raw) if ch == "|"]
    return [clean_inline(raw[a + 1:b], off + a + 1).squeeze() for a, b in pairwise(bounds)]


# A weekday in brackets after a table's date: "2 Jun (Mon)", "14 March (Fri.)".
_WEEKDAY_NOTE = re.compile(r"\s*\((?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?\)\s*$", re.IGNORECASE)


def _date_cell(cell: Span) -> Span | None:
    """A table's date cell as a date (its bracketed weekday dropped), or None if it is no date."""
    if DATE_LINE.fullmatch(cell.text):
        return cell
    note = _WEEKDAY_NOTE.search(cell.text) if cell.text.endswith(")") else None
    return cell[:note.start()] if note and DATE_LINE.fullmatch(cell.text[:note.start()]) else None


def _md_table_rows(lines: list[tuple[str, int]]) -> dict[int, list[Span]]:
    """_tab_table_rows for Markdown tables ("| Date | Who | What | Where |"): the same blocks per dated row, but
    the actors' cell goes before the event's ("Penny Wong, Foreign Minister – Visit to Fiji"): a calendar's
    "Who" cell is written as a subject, with names and titles in any order, not as a list of "Name (Role)". Only
    for a table with a Who or a Where column: a "| Date | Event |" table keeps its date and entry blocks."""
    return _table_rows(lines, lambda raw: _TABLE_ROW.match(raw) is not None, _pipe_cells,
                       lambda raw: _TABLE_RULE.match(raw) is not None, actors_first=True)


def _tab_table_rows(lines: list[tuple[str, int]]) -> dict[int, list[Span]]:
    """Blocks for the rows of tab-separated tables whose header names a date column, by line index: each
    dated row becomes one chronology entry, "<date> · <place> · <event>" (a field head, as incident monitors
    print them), then each other non-empty cell as a block of its own labelled by its column
    ("Notes: …"), so that the columns do not run together. The header row gives no block; a row whose date
    cell is not a date is left to the ordinary reflow."""
    return _table_rows(lines, lambda raw: "\t" in raw, _tab_cells, lambda raw: False)


@dataclass
class TableColumns:
    """Which cells of a dated table's rows hold its date, event, place and actors (-1: no such column)."""
    header: list[Span]
    date: int
    event: int = -1
    place: int = -1
    actor: int = -1


def table_columns(header: list[Span]) -> TableColumns | None:
    """The columns a table's header row names, or None when it names no date column (or is no header)."""
    names = [c.text for c in header]
    date_col = next((i for i, t in enumerate(names) if _DATE_COLUMN.match(t)), -1)
    if date_col < 0 and (date_col := next((i for i, t in enumerate(names) if _SIGNED_COLUMN.match(t)), -1)) >= 0:
        return TableColumns(header, date_col, place=date_col)  # the instrument's name is the row's longest cell
    if date_col < 0 or any(len(t) > 40 for t in names):
        return None
    event = next((i for i, t in enumerate(names) if _EVENT_COLUMN.match(t)), -1)
    if event < 0:
        event = next((i for i, t in enumerate(names) if _NOTE_COLUMN.match(t)), -1)
    return TableColumns(header, date_col, event=event, place=_finest_place_column(names),
                        actor=next((i for i, t in enumerate(names) if _ACTOR_COLUMN.match(t)), -1))


def _finest_place_column(names: list[str]) -> int:
    """The index of the finest place column a header names, or -1."""
    for pattern in _PLACE_COLUMNS:
        if (i := next((i for i, t in enumerate(names) if pattern.match(t)), -1)) >= 0:
            return i
    return -1


def dated_row_blocks(cols: TableColumns, cells: list[Span], actors_first: bool = False) -> list[Span] | None:
    """One dated row as blocks: "<date> · <place> · [<actors> – ]<event>", then each other cell labelled by
    its column; None when the date cell is no date or the row has no event."""
    if cols.date >= len(cells):
        return None
    place_col = cols.place
    if place_col == cols.date:  # "Santiago, 26 October 2001": the place, then the date, in one cell
        return _place_and_date_row(cols, cells)
    if (date := _date_cell(cells[cols.date])) is None:
        return None
    event = cols.event if 0 <= cols.event < len(cells) else max(
        (i for i in range(len(cells)) if i not in (cols.date, place_col)), key=lambda i: len(cells[i]), default=-1)
    if event < 0 or cells[event].text in _NO_VALUE:
        return None
    entry = date + Span.synthetic(" · ", date.end_offset())
    if 0 <= place_col < len(cells) and cells[place_col].text not in _NO_VALUE:
        place = cells[place_col]
        entry = entry + place + Span.synthetic(" · ", place.end_offset())
    actor = cols.actor if actors_first and 0 <= cols.actor < len(cells) else -1
    actor = actor if actor >= 0 and cells[actor].text not in _NO_VALUE else -1
    if actor >= 0:  # "Penny Wong, Foreign Minister – Visit to Fiji": the row's act, told with its subject
        entry = entry + cells[actor] + Span.synthetic(" – ", cells[actor].end_offset())
    blocks = [entry + cells[event]]
    for i, cell in enumerate(cells):
        if i not in (cols.date, event, place_col, actor) and cell.text not in _NO_VALUE and i < len(cols.header):
            label = cols.header[i]
            blocks.append(label + Span.synthetic(": ", label.end_offset()) + cell)
    return blocks


def _place_and_date_row(cols: TableColumns, cells: list[Span]) -> list[Span] | None:
    """A treaty list's row "| <instrument> | <place>, <date> |" as its entry "<date> · <place> · <instrument>"
    (None when the cell holds no day: "2024 (ratification pending)")."""
    cell = cells[cols.date]
    head = _PLACE_BEFORE_DATE.match(cell.text)
    date = _date_cell(cell[head.end():] if head else cell)
    others = [i for i in range(len(cells)) if i != cols.date and cells[i].text not in _NO_VALUE]
    if date is None or not others:
        return None
    entry = date + Span.synthetic(" · ", date.end_offset())
    if head is not None:
        place = cell[:head.end()].squeeze()
        place = place[:-1] if place.text.endswith(",") else place
        entry = entry + place + Span.synthetic(" · ", place.end_offset())
    return [entry + cells[max(others, key=lambda i: len(cells[i]))]]


def _table_rows(lines: list[tuple[str, int]], is_row: Callable[[str], bool], split: Callable[[str, int], list[Span]],
                is_rule: Callable[[str], bool], actors_first: bool = False) -> dict[int, list[Span]]:
    out: dict[int, list[Span]] = {}
    cols: TableColumns | None = None
    for n, (raw, off) in enumerate(lines):
        if not is_row(raw) or not raw.strip():
            cols = None
            continue
        if cols is not None and is_rule(raw):
            out[n] = []  # the rule under a Markdown header
            continue
        cells = split(raw, off)
        if cols is None or len(cells) < 2:
            if (named := table_columns(cells)) is None:
                continue
            cols = named
            if actors_first and cols.actor < 0 and cols.place < 0:
                cols = None  # a Markdown "| Date | Event |" table: its rows stay date and entry blocks
                continue
            out[n] = []
            continue
        if (blocks := dated_row_blocks(cols, cells, actors_first)) is not None:
            out[n] = blocks
    return out


def _classify(b: Block) -> Block:
    t = b.text
    if b.kind == "para":
        if _FURNITURE.match(t):
            b.kind = "furniture"
        elif (len(t) <= 150 and is_all_caps(t) and not ends_sentence(t.rstrip("?"))) or parse_period(t):
            b.kind = "heading"
    return b


def _continues_uppercase(cur: Block, nxt: Block) -> bool:
    """A cut before a capitalized word ('...near Second Thomas' / 'Shoal that ...'): trusted for a
    chronology entry, or for a long paragraph ending in a word, followed by a sentence-like block."""
    if not re.search(r"[\w,’”\"-]$", cur.text) or cur.text.endswith(")") or nxt.text[:1] == "|":
        return False  # (a table's row, kept whole, goes on no sentence)
    if not ends_sentence(nxt.text) and len(nxt.text) < 60:
        return False  # the next block looks like a heading, not the rest of a sentence
    return cur.kind == "entry" or (cur.kind == "para" and len(cur.text) >= 150)


def repair_page_breaks(blocks: list[Block]) -> list[Block]:
    """Join a block cut mid-sentence (by a page break, caption or citation box) with its
    continuation. Skipped furniture blocks are kept, after the joined block."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        cur = blocks[i]
        i += 1
        moved: list[Block] = []
        while cur.kind in ("para", "entry", "item") and not ends_sentence(cur.text):
            j = i
            while j < len(blocks) and blocks[j].kind == "furniture":
                j += 1
            if j >= len(blocks) or blocks[j].kind != "para":
                break
            nxt = blocks[j]
            if not (nxt.text[:1].islower() or _continues_uppercase(cur, nxt)):
                break
            moved.extend(blocks[i:j])
            cur = Block(cur.span + Span.synthetic(" ", cur.span.end_offset()) + nxt.span, cur.kind)
            i = j + 1
        out.append(cur)
        out.extend(moved)
    return out


# ----------------------------------------------------------------------------------------------
# Metadata heuristics (house style of Comparative Connections, generic fallbacks)

_BANNER = re.compile(
    r"^(?:PACIFIC FORUM|COMPARATIVE|CONNECTIONS|COMPARATIVE CONNECTIONS|A TRIANNUAL E-JOURNAL.*|"
    r"RELATIONS IN THE INDO-PACIFIC|A TRIANNUAL E-JOURNAL OF BILATERAL RELATIONS IN THE INDO-PACIFIC)$",
    re.I,
)
_SECTION = re.compile(r"^[A-Z][A-Za-z.]*(?:[-–][A-Z][A-Za-z.]*)+ RELATIONS$")
_AUTHOR = re.compile(r"^([A-Z][A-Za-z.'’\- ]{2,60}?),\s+([A-Z][A-Za-z0-9&.,'’()\- ]{2,120})$")
_CITATION_TITLE = re.compile(r"Preferred citation:[^\"“]*[\"“]([^\"”]+?),?[\"”]")
_ISSUE = re.compile(r"Vol\.\s*(\d+),\s*No\.\s*(\d+),\s*([A-Z][a-z]+\s+\d{4})")
_ACRONYMS = {"US", "USA", "UK", "EU", "UN", "ROK", "DPRK", "PRC", "ASEAN", "NATO", "G7", "G20", "APEC",
             "IPEF", "LDP", "AUKUS", "ROC", "II", "III", "IV"}
_SMALL = {"a", "an", "and", "as", "at", "but", "by", "for", "in", "of", "on", "or", "the", "to", "with", "it"}


def smart_title(s: str) -> str:
    """Title-case an all-caps heading, keeping acronyms: 'US-JAPAN RELATIONS' -> 'US-Japan Relations'."""
    if not is_all_caps(s):
        return s
    words = s.split(" ")
    out = []
    for i, w in enumerate(words):
        parts = re.split(r"([-–—/])", w)
        fixed = []
        for p in parts:
            core = re.sub(r"\W", "", p)
            if core.upper() in _ACRONYMS or not core:
                fixed.append(p)
            elif i > 0 and core.lower() in _SMALL and len(parts) == 1:
                fixed.append(p.lower())
            else:
                fixed.append(p[:1].upper() + p[1:].lower())
        out.append("".join(fixed))
    return " ".join(out)


def _person_name(s: str) -> str:
    return " ".join("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")) for w in s.split())


def _fold(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", s.lower())


def _is_author(t: str) -> bool:
    m = _AUTHOR.match(t)
    if not m:
        return False
    words = m.group(1).split()
    return (2 <= len(words) <= 5 and not {"AND", "OF", "THE", "IN", "A"} & set(words)
            and is_all_caps(m.group(1), 2) and is_all_caps(m.group(2), 2) and not _SECTION.match(t))


def house_metadata(blocks: list[Block]) -> dict:
    """Title, authors, publication, period and extras from the front matter and headings."""
    meta: dict = {"title": None, "authors": (), "publication": None, "period": None, "extra": {}}
    first_para = next((k for k, b in enumerate(blocks) if b.kind == "para" and len(b.text) > 200),
                      len(blocks))
    front = blocks[: min(first_para, 25)]
    texts = [b.text for b in front]
    if any(t.upper() in ("COMPARATIVE", "COMPARATIVE CONNECTIONS") for t in texts) and any(
        "CONNECTIONS" in t.upper() for t in texts
    ):
        meta["publication"] = "Comparative Connections"
    section = next((t for t in texts if _SECTION.match(t)), None)
    heading = None
    for b in front:
        if b.md_heading and not _BANNER.match(b.text) and not b.text.upper().startswith("CHRONOLOGY"):
            heading = b.text
            break
    if heading is None and section is not None:
        k = texts.index(section)
        for t in texts[k + 1 :]:
            if is_all_caps(t) and not _is_author(t) and not _BANNER.match(t):
                heading = t
                break
    if heading is None:  # generic: first short line that is not the banner or a byline
        for b in front:
            t = b.text
            if (b.kind in ("heading", "para") and len(t) <= 150 and len(t.split()) >= 2
                    and not _BANNER.match(t) and not _is_author(t)
                    and (b.kind == "heading" or not ends_sentence(t))):
                heading = t
                break
    authors, affiliations = [], []
    for t in texts:
        m = _AUTHOR.match(t)
        if m and _is_author(t):
            authors.append(_person_name(m.group(1)))
            affiliations.append(smart_title(m.group(2)))
    meta["authors"] = tuple(authors)
    if affiliations:
        meta["extra"]["affiliations"] = " | ".join(affiliations)
    citation = None
    for b in blocks[:60]:
        if b.kind == "furniture" or "Preferred citation" in b.text:
            cm = _CITATION_TITLE.search(b.text)
            if cm and citation is None:
                citation = cm.group(1).strip()
            im = _ISSUE.search(b.text)
            if im:
                meta["extra"].update(volume=im.group(1), number=im.group(2), issue_date=im.group(3))
    if section:
        meta["extra"]["section"] = section
    if heading:
        meta["extra"]["heading"] = heading
        sub = smart_title(heading)
        sec = smart_title(section) if section else None
        if citation and ":" in citation:
            c_sec, c_sub = (x.strip() for x in citation.split(":", 1))
            if _fold(c_sub) == _fold(heading):
                sub = c_sub
            if section and _fold(c_sec) == _fold(section):
                sec = c_sec
        meta["title"] = f"{sec}: {sub}" if sec else sub
    for b in blocks:
        if b.kind == "heading" and (p := parse_period(b.text)):
            meta["period"] = p
            break
    return meta


# ----------------------------------------------------------------------------------------------
# The reader


# The counters under an embedded social-media post ("4,812 Reposts · 19.6K Likes"): no figure of the report.
_ENGAGEMENT = re.compile(r"(?:[\d.,]+[KkMm]?\s+(?:Reposts?|Retweets?|Likes?|Replies|Reply|Quotes?|Views|Bookmarks?|"
                         r"Comments?|Shares?)\b[\s·|,]*)+", re.I)


# A post's counters as icons: "💬 41   🔁 1.2K   ❤️ 3.4K   👁 212K views".
_ICON_COUNTS = re.compile(r"(?:[💬🗨🔁🔄♻❤♥👍👁👀⭐🔖]\ufe0f?\s*[\d.,]+\s?[KkMm]?"
                          r"(?:\s+(?:views|likes|replies|reposts))?\s*)+")


def _is_engagement_line(text: str) -> bool:
    if len(text) > 100:
        return False
    if "0" <= text[:1] <= "9":
        return _ENGAGEMENT.fullmatch(text) is not None
    return not text[:1].isalnum() and _ICON_COUNTS.fullmatch(text) is not None


def normalize_blocks(blocks: list[Block]) -> list[Block]:
    return repair_page_breaks([b for b in blocks if b.text])


# An e-mail's header line: "From: …", "Date: Mon, 10 Nov 2025 06:12:44 -0300".
_HEADER_LINE = re.compile(r"^(?P<key>From|To|Cc|Bcc|Date|Sent|Subject|Attachments|Importance|Reply-To|Message-ID|"
                          r"MIME-Version|Content-Type|Content-Transfer-Encoding|List-[A-Za-z-]+|X-[A-Za-z-]+):"
                          r"[ \t]*(?P<value>.*)$",
                          re.IGNORECASE)


def _email_header(source: str) -> tuple[int, str, str] | None:
    """A message that opens with an e-mail header (a From: line and a Date: or Subject: line, before the first
    blank line): where the header ends, its date and its subject."""
    if source.lstrip()[:5].lower() not in ("from:", "date:", "to: ", "subje", "sent:"):
        return None
    keys: dict[str, str] = {}
    end = 0
    for line, off in iter_lines(source):
        if not line.strip():
            if keys:
                break
            continue
        m = _HEADER_LINE.match(line.strip())
        if m is None:
            if line[:1] in " \t" and keys:  # a folded header line
                end = off + len(line)
                continue
            break
        keys[m["key"].lower()] = m["value"].strip()
        end = off + len(line)
    if "from" not in keys or not ({"date", "sent", "subject"} & keys.keys()):
        return None
    return end, keys.get("date") or keys.get("sent") or "", keys.get("subject", "")


# A diplomatic cable's header: the groups of lines above its first paragraph that open with a routing or
# handling key, the date-time group ("251430Z MAR 25"), or are all capitals (the classification banner, routing
# lines). Its DECL date is a declassification date, its TAGS and SUBJECT no act of the cable.
_CABLE_KEY = re.compile(r"^(?:E\.\s?O\.|TAGS|SUBJ(?:ECT)?|REF|Classified\s+By|CLASSIFIED\s+BY|FM|TO|INFO|DECL|"
                        r"Reasons?|Derived\s+From)\b\s*:?", re.I)
_CLASSIFIER = re.compile(r"^Classified\s+By:\s*(.+?)(?:,?\s+(?:for\s+)?reasons?\b.*)?$", re.I)
# A paragraph's classification mark: "1. (C) …", "(SBU) …", "(S/NF) …".
_MARK = re.compile(r"^(?:\d{1,3}\.\s+)?(?P<mark>\((?:U|C|S|TS|SBU|CUI|FOUO|LOU)(?:/{1,2}[A-Z]{2,8})*\)\s+)")


def _cable_group(group: list[str]) -> bool:
    first = group[0].strip()
    return bool(_CABLE_KEY.match(first) or DTG.match(first) or is_all_caps(" ".join(group)))


def _cable_header(source: str) -> tuple[int, dict[str, str]] | None:
    """A cable that opens with its header (TAGS: and SUBJECT: lines among the first blank-separated groups):
    where the header ends, and what it tells: its subject, who classified it, the day of its date-time
    group ("published")."""
    head = source[:4000]
    if "TAGS:" not in head or "SUBJ" not in head:
        return None
    groups: list[list[tuple[str, int]]] = [[]]
    for line, off in iter_lines(source):
        if line.strip():
            groups[-1].append((line, off))
        elif groups[-1]:
            if not _cable_group([ln for ln, _ in groups[-1]]):
                break
            groups.append([])
    header = [g for g in groups[:-1] if g]
    keys = {m[0].lower().split()[0] for g in header for ln, _ in g if (m := _CABLE_KEY.match(ln.strip()))}
    if not header or not {"tags:", "tags"} & keys:
        return None
    meta: dict[str, str] = {}
    for g in header:
        subject: list[str] | None = None
        for line in (ln.strip() for ln, _ in g):
            key = _CABLE_KEY.match(line)
            if key and line[:4].upper() == "SUBJ":
                subject = [line[key.end():]]
            elif key:
                subject = None
            elif subject is not None:
                subject.append(line)  # the subject's wrapped lines, up to the next key
            if subject:
                meta["subject"] = " ".join(" ".join(subject).split())
            if (c := _CLASSIFIER.match(line)) is not None:
                meta["classified_by"] = c[1].strip()
            if (day := dtg_day(line)) is not None:
                meta["published"] = day.isoformat()
    last_line, last_off = header[-1][-1]
    return last_off + len(last_line), meta


def _drop_marks(blocks: list[Block], cable: bool) -> list[Block]:
    """Paragraphs without their classification marks: a numbered paragraph's "(C)" anywhere, a bare "(SBU)"
    at a paragraph's head in a cable ("SBU" is no organisation there)."""
    for b in blocks:
        if b.text[:1] in "(0123456789" and (m := _MARK.match(b.text)) and (cable or m.start("mark") > 0):
            b.span = b.span[:m.start("mark")] + b.span[m.end("mark"):]
    return blocks


# A channel export's furniture around its posts (Telegram and the like): view counters ("👁 9.8K"), lines
# of hashtags only, "Forwarded from <channel>" lines, rules of box-drawing bars, the channel's audience
# ("t.me/x · 48,213 subscribers").
_VIEWS = re.compile(r"^(?:👁️?|👀)\s*[\d.,]+\s?[KkMm]?$")
_AUDIENCE = re.compile(r"\b\d[\d.,]*\s?[KkMm]?\s+(?:subscribers|members|followers)\b", re.I)
_BARS = frozenset("━─═▬ ")


def _post_furniture(line: str) -> bool:
    """Whether a line of a channel export is furniture around its posts, not text of one."""
    t = line.strip()
    c = t[:1]
    if c == "#":
        return all(w[:1] == "#" and len(w) > 1 for w in t.split())
    if c in ("👁", "👀"):
        return _VIEWS.match(t) is not None
    if c in ("F", "f"):
        return t[:15].lower() == "forwarded from " and len(t) <= 100 and not ends_sentence(t)
    if c in _BARS:
        return len(t) >= 3 and set(t) <= _BARS
    return "ers" in t and len(t) <= 120 and not ends_sentence(t) and (
        _AUDIENCE.search(t) is not None)


def read_text(data: bytes | str, *, name: str = "", fmt: str | None = None) -> Document:
    """Read plain text or Markdown (Markdown markup is stripped when fmt='md' or it looks like it)."""
    source = data if isinstance(data, str) else decode_text(data, name)
    if not source.strip():
        raise ReaderError(f"{name or 'input'}: empty text")
    fmt = fmt or ("md" if name.lower().endswith((".md", ".markdown")) else "txt")
    markdown = fmt == "md" or looks_like_markdown(source)
    extra: dict[str, str] = {}
    kept_lines = []
    email = _email_header(source)
    if email is not None:
        header_end, date_value, subject = email
        if date_value:
            extra["published"] = date_value  # what the message's "yesterday" and "last Thursday" count from
    cable = _cable_header(source) if email is None else None
    if cable is not None:
        header_end = cable[0]
        extra |= cable[1]
    lines: Iterable[tuple[str, int]] = iter_lines(source)
    if email is not None:
        body = ((line, off) for line, off in lines if off >= header_end)  # the header is no text
        if is_thread(subject, source):
            lines = thread_lines(body)  # the quoted messages are the thread's text, each under its own day
        else:  # a quoted line is an earlier message's (a newsletter's last issue), not this one's
            lines = ((line, off) for line, off in body if not QUOTE_MARKS.match(line))
    for line, off in lines:
        if cable is not None and off < header_end:
            continue
        if _post_furniture(line):
            kept_lines.append(("", off))  # as a blank line: the lines around it stay apart
            continue
        if _COPYRIGHT.search(line) and len(line) < 200 and not (cable and _MARK.match(line.strip())):
            extra.setdefault("footer", line.strip())
            continue
        kept_lines.append((line, off))
    one_per_line = not is_hard_wrapped(kept_lines)
    blocks = normalize_blocks(blocks_from_lines(kept_lines, markdown=markdown, one_per_line=one_per_line))
    blocks = _drop_marks(blocks, cable is not None)
    return build_document(blocks, source=source, fmt=fmt, markup="markdown" if markdown else "plain",
                          extra=extra, name=name, title=extra.get("subject") or (email[2] if email else None) or None)


# Sections of a web page that list sources or links, not report text (a report's own sections keep their
# names: "Notes" or "Sources" may hold a report's text, so they are not here).
_LINK_SECTIONS = frozenset({"references", "citations", "footnotes", "notes and references", "see also",
                            "external links", "further reading", "bibliography"})
# A wiki page's lists of people (terms of office, obituaries): furniture only on a page shown to be a wiki's.
_WIKI_SECTIONS = frozenset({"incumbents", "deaths", "births", "deaths and births"})
_EDIT_STAMP = re.compile(r"^\W{0,3}This page was last (?:edited|modified) on", re.I)
_CITED = re.compile(r"\b(?:Retrieved|Archived from the original on)\s+(?:\d|[A-Z][a-z]+\.? \d)")


def _section_name(b: Block) -> str:
    return b.text.strip(" #*_:.").lower() if b.kind == "heading" and len(b.text) <= 40 else ""


def _section_ends(blocks: list[Block], i: int) -> int:
    """Index of the block after the section headed by blocks[i]: the next heading of the same or a higher
    level (any next heading when the levels are not known)."""
    level = blocks[i].md_heading
    for j in range(i + 1, len(blocks)):
        b = blocks[j]
        if b.kind == "heading" and (not level or not b.md_heading or b.md_heading <= level):
            return j
    return len(blocks)


def _is_wiki_page(blocks: list[Block]) -> bool:
    """An edit stamp, a "See also"/"External links" section or "Retrieved <date>" citations."""
    return any(_EDIT_STAMP.match(b.text) or _section_name(b) in ("see also", "external links")
               or (("etrieved" in b.text or "rchived" in b.text) and _CITED.search(b.text)) for b in blocks)


def drop_page_furniture(blocks: list[Block]) -> list[Block]:
    """Drop a web page's reference and link sections ("References", "See also", "External links"), its
    edit stamp ("This page was last edited on …"), and on a wiki page its lists of office holders and
    deaths ("Incumbents", "Deaths"): their dates are citations, edits, terms of office, not acts."""
    wiki = _is_wiki_page(blocks)
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        name = _section_name(blocks[i])
        if name in _LINK_SECTIONS or (wiki and name in _WIKI_SECTIONS):
            i = _section_ends(blocks, i)
            continue
        if not _EDIT_STAMP.match(blocks[i].text):
            out.append(blocks[i])
        i += 1
    return out


# A speech's delivery notes: the "Check against delivery" line, the audience's "[Applause]" in the text.
_DELIVERY_NOTE = re.compile(
    r"^\W{0,3}(?:check\s+against\s+(?:actual\s+)?delivery|as\s+prepared\s+for\s+delivery)\W{0,3}$", re.I)
_STAGE_WORDS = ("pplause", "aughter", "heer", "naudible", "rosstalk", "vation")  # cheap test before _STAGE_NOTE
_STAGE_NOTE = re.compile(r"\s*[\[(](?:applause|laughter|cheers|cheering|standing ovation|inaudible|crosstalk)"
                         r"(?: and (?:applause|laughter|cheers))?[\])]", re.I)


def _without_delivery_notes(blocks: list[Block]) -> list[Block]:
    """A speech's blocks without its delivery notes."""
    out = []
    for b in blocks:
        if len(b.text) <= 40 and _DELIVERY_NOTE.match(b.text):
            continue
        if any(w in b.text for w in _STAGE_WORDS):
            for m in reversed(list(_STAGE_NOTE.finditer(b.text))):
                b.span = b.span[:m.start()] + b.span[m.end():]
            if not b.text.strip():
                continue
        out.append(b)
    return out


def build_document(
    blocks: list[Block], *, source: str, fmt: str, markup: str, extra: dict[str, str], name: str = "",
    title: str | None = None, authors: tuple[str, ...] = (), publication: str | None = None,
) -> Document:
    blocks = drop_page_furniture(_without_delivery_notes([b for b in blocks if not _is_engagement_line(b.text)]))
    text, offsets = assemble([b.span for b in blocks])
    if not text.strip():
        raise ReaderError(f"{name or 'input'}: no text found")
    meta = house_metadata(blocks)
    metadata = {"markup": markup, **{k: v for k, v in meta["extra"].items() if v}, **extra}
    period: tuple[date, date] | None = meta["period"]
    return Document(
        text=text,
        format=fmt,
        source_text=source,
        offsets=offsets,
        title=title or meta["title"],
        authors=authors or meta["authors"],
        publication=publication or meta["publication"],
        period_start=period[0] if period else None,
        period_end=period[1] if period else None,
        metadata=metadata,
    )
