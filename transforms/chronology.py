"""Finding the dated units of a report: chronology entries, or dated sentences of a digest."""

from __future__ import annotations

import re as _stdre
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from transforms import _regex as re
from transforms.dates import (
    DATE_EXPR,
    ENTRY_HEAD,
    YEAR_RE,
    DateSpan,
    parse_date_expr,
    parse_period_heading,
)

BLOCK_SPLIT = re.compile(r"\n\s*\n|\n(?=\s*\S)")
CHRONOLOGY_HEADING = re.compile(
    r"^\s*(?:#+\s*)?(?:chronolog(?:y|ies)|timeline|key (?:events|dates)|calendar of events)\b", re.IGNORECASE)
# A block that is only a date ("12 January 2024" in a table cell or on its own line): the entry follows.
BARE_DATE = re.compile(rf"^\s*(?P<date>{DATE_EXPR.pattern})\s*[:–—-]?\s*$")
CAPTION = re.compile(r"^\s*(?:Figure|Fig\.|Photo|Image)\s*\d*[\s:.]", re.IGNORECASE)
# Lines that are page furniture or legal boilerplate: never a source of dates or events.
FURNITURE = re.compile(
    r"(©|\bcopyright\b|all rights reserved|privacy policy|\bsitemap\b|download this|"
    r"\bsubscribe\b|^\s*\d+\s*$|^page \d+)", re.IGNORECASE)
_FURNITURE_WORDS = ("©", "copyright", "all rights reserved", "privacy policy", "sitemap", "download this",
                    "subscribe")  # what a FURNITURE match holds, unless it is one of the anchored forms
_FURNITURE_HEAD = re.compile(r"^\s*\d+\s*$|^page \d+", re.IGNORECASE)


@lru_cache(maxsize=1024)  # the chronology, the metrics and the year all ask about the same lines
def is_furniture(line: str) -> bool:
    """`bool(FURNITURE.search(line))`, with the (slow) case-insensitive search only for a line that
    holds one of its words."""
    low = re.lowered(line)
    if low is not None and not any(w in low for w in _FURNITURE_WORDS):
        return bool(_FURNITURE_HEAD.match(line))
    return bool(FURNITURE.search(line))


SENTENCE_END = re.compile(r"(?<=[.!?][”\"’)]?)\s+(?=[“\"A-Z(])")
# SENTENCE_END for stdlib `re` (several times faster on this pattern): the end mark and closing quote are
# consumed, the gap (group 1) is SENTENCE_END's match. `[^\S\x1c-\x1f]` is regex's \s (stdlib's \s also
# holds \x1c-\x1f). Each gap is a whole whitespace run after a mark, so the matches cannot overlap
# differently: the same gaps, in the same order.
_SENTENCE_GAP = _stdre.compile(r"[.!?][”\"’)]?([^\S\x1c-\x1f]+)(?=[“\"A-Z(])")
_ABBREV_END = re.compile(
    r"\b(?:[A-Z]|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Gen|Adm|Gov|Sen|Rep|Dr|Mr|Ms|Mrs|Lt|Col|"
    r"Maj|Capt|Sgt|Pvt|Cpl|St|Jr|Sr|No|Vol|pp|U\.S|U\.N|D\.C|Co|Corp|Inc|vs|etc|approx)\.$")


def ends_with_abbreviation(text: str, start: int, end: int) -> bool:
    """`_ABBREV_END.search(text[start:end])`, on the last 12 characters only: a match (at most 7
    characters, ending at `end`) and the character before it, which decides its \\b, lie in them."""
    return _ABBREV_END.search(text[max(start, end - 12):end]) is not None


@dataclass(frozen=True)
class Block:
    text: str
    start: int  # offset in the document text

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass
class Entry:
    """One dated unit: a chronology entry (possibly continued by undated blocks) or a sentence."""

    span: DateSpan
    text: str          # entry text without the date head
    start: int         # offset of `text` in the document
    end: int
    head: str = ""     # the printed date head, e.g. "Oct. 16-18, 2023"
    source: str = "chronology"  # chronology | narrative


# The first three letters of every month name, as the date forms print them (case-sensitive, as DATE_EXPR
# and ENTRY_HEAD are).
_MONTH_HEADS = frozenset("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split())


def _may_open_with_date(line: str) -> bool:
    """False when neither BARE_DATE nor ENTRY_HEAD can match a split_lines block: every date form opens
    with a day number or a month name, and a stripped block opens with it (regex's \\s is a subset of
    str.isspace). Most blocks fail this, and the two patterns cost microseconds each."""
    return "0" <= line[:1] <= "9" or line[:3] in _MONTH_HEADS


def _may_be_bare_date(line: str) -> bool:
    """False when BARE_DATE cannot match: its longest date ("September 30th, 2023–December 31st, 2024:")
    has 40 characters besides whitespace. Entry blocks fail it, and BARE_DATE fails on them slowly."""
    return len(line) <= 50 or len("".join(line.split())) <= 50


def _is_bare_date(line: str) -> bool:
    """`bool(BARE_DATE.match(line))` for a split_lines block."""
    return _may_open_with_date(line) and _may_be_bare_date(line) and BARE_DATE.match(line) is not None


def split_lines(text: str) -> list[Block]:
    """Blocks at every line break (web text puts one paragraph per line)."""
    return list(_split_lines(text))


@lru_cache(maxsize=4)  # one extraction splits the same document text five times
def _split_lines(text: str) -> tuple[Block, ...]:
    out = []
    for m in re.finditer(r"[^\n]+", text):
        s = m.group(0).strip()
        if s:
            out.append(Block(s, m.start() + m.group(0).index(s)))
    return tuple(out)


def is_heading(block: Block) -> bool:
    t = block.text
    if len(t) >= 120 and not t.startswith("#"):
        return False  # too long for a capitalized heading (and no need to count its letters)
    letters = [c for c in t if c.isalpha()]
    return bool(letters) and (t.startswith("#") or (sum(c.isupper() for c in letters) / len(letters) > 0.8
                                                     and len(t) < 120))


def stated_period(blocks: list[Block]) -> tuple[date, date] | None:
    """The period the report covers, from a heading such as 'SEPTEMBER–DECEMBER 2023'."""
    periods = [p for b in blocks if len(b.text) < 60 and (p := parse_period_heading(b.text.strip("# ")))]
    if not periods:
        return None
    return min(p[0] for p in periods), max(p[1] for p in periods)


def chronology_entries(text: str, default_year: int | None = None) -> list[Entry]:
    """Entries of the chronology section(s): a date head then the entry; undated blocks that follow
    continue the entry (page breaks, captions and headings excepted). A year missing from an entry
    comes from the section heading ("SEPTEMBER–DECEMBER 2023"), else from `default_year`."""
    blocks = split_lines(text)
    start_idx = _chronology_start(blocks)
    if start_idx is None:
        return []
    entries: list[Entry] = []
    year_ctx: int | None = default_year
    pending: tuple[DateSpan, str] | None = None  # a bare date waiting for its entry text
    for b in blocks[start_idx:]:
        period = parse_period_heading(b.text.strip("# "))
        if period:
            year_ctx = period[1].year
            continue
        if CAPTION.match(b.text) or is_furniture(b.text) or CHRONOLOGY_HEADING.match(b.text):
            continue
        dated = _may_open_with_date(b.text)
        bare = BARE_DATE.match(b.text) if dated and _may_be_bare_date(b.text) else None
        if bare and (span := parse_date_expr(bare["date"], year_ctx)):
            pending = (span, bare["date"])
            year_ctx = year_ctx if span.inferred else span.end.year  # a printed year carries forward
            continue
        head = ENTRY_HEAD.match(b.text) if dated else None
        span = parse_date_expr(head["date"], year_ctx) if head else None
        if span and span.inferred and entries and year_ctx and span.start < entries[-1].span.start - timedelta(180):
            year_ctx += 1  # "Dec. 30, 2023: …" then "Jan. 2: …": the list has crossed into a new year
            span = parse_date_expr(head["date"], year_ctx)
        if span and not span.inferred:
            year_ctx = span.end.year
        if head and span:
            body_start = b.start + head.end()
            entries.append(Entry(span, b.text[head.end():], body_start, b.end, head["date"].strip()))
        elif pending:
            entries.append(Entry(pending[0], b.text, b.start, b.end, pending[1]))
        elif entries and not is_heading(b):
            _continue_entry(entries[-1], b, text)
        pending = None
    return entries


def _continue_entry(entry: Entry, block: Block, text: str) -> None:
    entry.text = text[entry.start:block.end]
    entry.text = re.sub(r"\s*\n\s*", " ", entry.text)
    entry.end = block.end


def _chronology_start(blocks: list[Block]) -> int | None:
    """Index of the first block of the chronology: after a 'CHRONOLOGY' heading, else the first of
    a run of at least three consecutive dated entry heads."""
    for i, b in enumerate(blocks):
        if CHRONOLOGY_HEADING.match(b.text) and len(b.text) < 100:
            return i + 1
    run, first = 0, 0
    for i, b in enumerate(blocks):
        if _may_open_with_date(b.text) and (ENTRY_HEAD.match(b.text) or _is_bare_date(b.text)):
            first = i if run == 0 else first
            run += 1
        elif not (run and _is_bare_date(blocks[i - 1].text)):
            run = 0  # the text block after a bare date keeps the run going
        if run == 3:
            return first
    return None


def sentences(block: Block) -> Iterator[Block]:
    """Sentence split that respects abbreviations (Sept., Gen., U.S.)."""
    start = 0
    for m in _SENTENCE_GAP.finditer(block.text):  # SENTENCE_END's matches, as group 1
        gap_start, gap_end = m.span(1)
        if ends_with_abbreviation(block.text, start, gap_start):
            continue
        yield Block(block.text[start:gap_start], block.start + start)
        start = gap_end
    if start < len(block.text):
        yield Block(block.text[start:], block.start + start)


_RELATIVE = re.compile(
    r"\b(?P<n>two|three|four|five|six|\d+)\s+days?\s+(?P<dir>later|earlier|before|after)\b|"
    r"\b(?P<same>(?:the\s+)?(?:same|next|following|previous)\s+day|the\s+day\s+(?:before|after))\b",
    re.IGNORECASE)
# "Economy Minister Nishimura attended from Japan." adds a participant to the act before it.
_JOINS_PREVIOUS = re.compile(r"^[A-Z][^.]{0,80}?\b(?:also\s+)?(?:attended|joined|took part|participated)\b")
_NUM_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def dated_sentences(text: str, year: int | None) -> list[Entry]:
    """Digest style: every sentence that dates an act ("on September 7", "Two days later") in the
    body; relative dates count from the previous dated sentence."""
    out: list[Entry] = []
    last: DateSpan | None = None
    for block in split_lines(text):
        if is_furniture(block.text) or is_heading(block) or len(block.text) < 40:
            continue
        previous: Entry | None = None
        for sent in sentences(block):
            span = _sentence_date(sent.text, year, last)
            if span:
                previous = Entry(span, sent.text, sent.start, sent.end, source="narrative")
                out.append(previous)
                last = span
            elif previous and _JOINS_PREVIOUS.search(sent.text):
                previous.text = block.text[previous.start - block.start:sent.end - block.start]
                previous.end = sent.end
            else:
                previous = None
    return out


_ASCII_DIGIT = re.compile(r"[0-9]")  # every DATE_EXPR form has a day or a year


def _sentence_date(sentence: str, year: int | None, last: DateSpan | None) -> DateSpan | None:
    for m in DATE_EXPR.finditer(sentence) if _ASCII_DIGIT.search(sentence) else ():
        if year is None and not YEAR_RE.search(m.group(0)):
            continue
        span = parse_date_expr(m.group(0), year)
        if span and span.precision == "day":
            return span
    low = re.lowered(sentence)
    rel = _RELATIVE.search(sentence) if last and (low is None or "day" in low) else None  # every form says "day"
    if rel and last:
        if rel["same"]:
            word = rel["same"].lower()
            delta = 1 if ("next" in word or "following" in word or "after" in word) else (
                -1 if ("previous" in word or "before" in word) else 0)
        else:
            n = int(rel["n"]) if rel["n"].isdigit() else _NUM_WORDS[rel["n"].lower()]
            delta = n if rel["dir"].lower() in {"later", "after"} else -n
        base = last.start if delta < 0 else last.end
        if delta < 0:
            base = last.start
        day = base + timedelta(days=delta)
        return DateSpan(day, day, "day", last.inferred)
    return None
