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


SENTENCE_END = re.compile(r"(?<=[.!?][”\"’)]?)\s+(?=[“\"A-Z(\d%−])")
# SENTENCE_END for stdlib `re` (several times faster on this pattern): the end mark and closing quote are
# consumed, the gap (group 1) is SENTENCE_END's match. `[^\S\x1c-\x1f]` is regex's \s (stdlib's \s also
# holds \x1c-\x1f). Each gap is a whole whitespace run after a mark, so the matches cannot overlap
# differently: the same gaps, in the same order.
_SENTENCE_GAP = _stdre.compile(r"[.!?][”\"’)]?([^\S\x1c-\x1f]+)(?=[“\"A-Z(\d%−])")
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
    place: str = ""    # a wire dateline's place ("SEOUL"), for a sentence dated only by its dateline


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


# A wire dateline opening a paragraph: "SEOUL, 4 March (Staff) —", "WASHINGTON (Reuters) -", "TOKYO, March 7 —".
# It needs a date or an agency in parentheses; the place is in capitals.
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}),?\s*"
    rf"(?:(?P<date>{DATE_EXPR.pattern})\s*)?(?P<agency>\([^()\n]{{1,40}}\)\s*)?(?:—|–|--?)\s+")
# Masthead and sign-off lines of a digest: their dates are issues, not acts.
_MASTHEAD = re.compile(
    r"^\W*(?:(?:Edition|Issue|Vol(?:ume)?\.?|Number)\s*\d+\b|Covering\b|"
    r"(?:Next|Previous|Last) (?:edition|issue|update|digest|bulletin|newsletter)\b|"
    r"End of (?:the |this )?(?:digest|report|bulletin|newsletter|notes|roundup|briefing)\b)", re.IGNORECASE)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(?:(?P<next>next|following)\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|"
                      r"Saturday|Sunday)\b", re.IGNORECASE)
# A sentence's subject that names no one: "Officials said …", "Analysts noted …".
_ANONYMOUS = frozenset({"officials", "officers", "analysts", "experts", "sources", "observers", "critics",
                        "diplomats", "people", "residents", "witnesses", "some", "many", "others", "it", "they",
                        "he", "she", "the", "a", "an", "this", "that", "these", "those"})


def dated_sentences(text: str, year: int | None) -> list[Entry]:
    """Digest style: every sentence that dates an act ("on September 7", "Two days later") in the
    body; relative dates count from the previous dated sentence. In a wire paragraph that opens with a
    dateline, weekdays count back from the dateline's date, and a sentence with no date of its own that
    reports a named actor's act takes the dateline's date (and its place)."""
    out: list[Entry] = []
    last: DateSpan | None = None
    for block in split_lines(text):
        if is_furniture(block.text) or is_heading(block) or len(block.text) < 40:
            continue
        previous: Entry | None = None
        dl = DATELINE.match(block.text) if "A" <= block.text[:1] <= "Z" else None
        anchor: DateSpan | None = None
        if dl and dl["date"]:
            anchor = parse_date_expr(dl["date"], year)
            if anchor is not None and (anchor.precision != "day" or anchor.start != anchor.end):
                anchor = None
        if dl and not (dl["date"] or dl["agency"]):
            dl = None
        if anchor is not None:
            last = anchor
        for i, sent in enumerate(sentences(block)):
            skip = dl.end() if dl and i == 0 else 0
            body = sent.text[skip:]
            if _MASTHEAD.match(body):
                previous = None
                continue
            span = _sentence_date(body, year, last)
            place = ""
            if span is None and anchor is not None:
                span = _weekday_date(body, anchor) or (
                    anchor if _reports_named_act(body, first=(i == 0)) else None)
                place = dl["place"] if span is anchor else ""
            if span:
                previous = Entry(span, body, sent.start + skip, sent.end, source="narrative", place=place)
                out.append(previous)
                # a range ("runs from 4 to 14 March") does not move a dateline's day for relative dates
                last = span if anchor is None or span.start == span.end else anchor
            elif previous and _JOINS_PREVIOUS.search(sent.text):
                previous.text = block.text[previous.start - block.start:sent.end - block.start]
                previous.end = sent.end
            else:
                previous = None
    return out


def _weekday_date(sentence: str, anchor: DateSpan) -> DateSpan | None:
    """'on Tuesday' in a paragraph datelined Thursday 9 May: the latest Tuesday on or before the
    dateline ('next Tuesday': the first after it)."""
    low = re.lowered(sentence)
    if low is not None and "day" not in low:
        return None
    m = _WEEKDAY.search(sentence)
    if not m:
        return None
    wd = _WEEKDAYS.index(m["wd"].lower())
    base = anchor.start
    if m["next"]:
        day = base + timedelta(days=(wd - base.weekday()) % 7 or 7)
    else:
        day = base - timedelta(days=(base.weekday() - wd) % 7)
    return DateSpan(day, day, "day", anchor.inferred)


def _reports_named_act(sentence: str, first: bool) -> bool:
    """A sentence of a dateline paragraph that reports an act: the lede, or a later sentence whose
    subject names someone ("Under Secretary Jane Roe said …", not "Officials said …")."""
    from transforms.events import is_finite, main_verb  # events does not import this module

    pred = main_verb(sentence)
    if pred is None or not is_finite(sentence, pred):
        return False
    if first:
        return True
    subject = sentence[:pred.start]
    words = subject.split()
    if not words or words[0].lower().strip(",") in _ANONYMOUS:
        return False
    return sum(w[:1].isupper() for w in words) >= 2


# A date that is a poll's fieldwork, not an act: "Gallup Korea's May 28-30 survey", "a poll taken June 3-5".
_POLL_AFTER = re.compile(r"\s+(?:[A-Za-z-]+\s+)?(?:survey|poll)s?\b", re.IGNORECASE)
_POLL_BEFORE = re.compile(r"\b(?:survey|poll)s?\s+(?:was\s+|were\s+)?(?:conducted|taken|carried out|fielded)"
                          r"(?:\s+(?:on|from|between))?\s*$", re.IGNORECASE)
# A date that only bounds a period ("since May 28"), never the act's own.
_SINCE_BEFORE = re.compile(r"\b[Ss]ince\s+$")
# A capitalised word (not a weekday or a sentence opener) directly before "May 4": part of a name.
_NAME_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|On|By|"
                          r"In|Until|Since|From|Before|After|Through|Between|Late|Early|Mid)\b)[A-Z][a-z]+\s+$")


_ASCII_DIGIT = re.compile(r"[0-9]")  # every DATE_EXPR form has a day or a year


def _sentence_date(sentence: str, year: int | None, last: DateSpan | None) -> DateSpan | None:
    rel = _relative_date(sentence, last, fronted=True)
    if rel:
        return rel  # "The same day X said … since May 28": the fronted relative date governs
    for m in DATE_EXPR.finditer(sentence) if _ASCII_DIGIT.search(sentence) else ():
        if year is None and not YEAR_RE.search(m.group(0)):
            continue
        if _not_an_act_date(sentence, m.start(), m.end()):
            continue
        span = parse_date_expr(m.group(0), year)
        if span and span.precision == "day":
            return span
    return _relative_date(sentence, last, fronted=False)


def _not_an_act_date(sentence: str, start: int, end: int) -> bool:
    before = sentence[max(0, start - 40):start]
    if _SINCE_BEFORE.search(before) or (sentence.startswith("May", start) and _NAME_BEFORE.search(before)):
        return True  # "since May 28"; "the supply boat Unaizah May 4" (a name, not a date)
    low = re.lowered(sentence)
    if low is not None and "survey" not in low and "poll" not in low:
        return False
    return bool(_POLL_AFTER.match(sentence, end) or _POLL_BEFORE.search(before))


def _relative_date(sentence: str, last: DateSpan | None, fronted: bool) -> DateSpan | None:
    if last is None:
        return None
    low = re.lowered(sentence)
    rel = _RELATIVE.search(sentence) if (low is None or "day" in low) else None  # every form says "day"
    if rel and fronted and rel.start() > 20:
        return None
    if rel:
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
