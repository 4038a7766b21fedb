"""Finding the dated units of a report: chronology entries, or dated sentences of a digest."""

from __future__ import annotations

import re as _stdre
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from transforms import _regex as re
from transforms.dates import (
    DATE_EXPR,
    DATE_HEADS,
    DATE_LINE,
    ENTRY_HEAD,
    STAMP,
    WEEKDAY_PREFIX,
    YEAR_RE,
    DateSpan,
    numeric_order,
    parse_date_expr,
    parse_period_heading,
)

BLOCK_SPLIT = re.compile(r"\n\s*\n|\n(?=\s*\S)")
CHRONOLOGY_HEADING = re.compile(
    r"^\s*(?:#+\s*)?(?:chronolog(?:y|ies)|timeline|key (?:events|dates)|calendar of events)\b", re.IGNORECASE)
# A block that is only a date ("12 January 2024" in a table cell or on its own line): the entry follows.
# (a tracker's day heading may name its weekday after the date, in brackets: "2025-05-12 (Monday)")
BARE_DATE = re.compile(rf"^{DATE_LINE.pattern}$|^\s*(?P<date>{DATE_EXPR.pattern})\s+\((?i:mon|tues|wednes|thurs|fri|"
                       r"satur|sun)day\)\s*:?\s*$")
CAPTION = re.compile(r"^\s*(?:Figure|Fig\.|Photo|Image)\s*\d*[\s:.]", re.IGNORECASE)
# Lines that are page furniture or legal boilerplate: never a source of dates or events.
FURNITURE = re.compile(
    r"(©|\bcopyright\b|all rights reserved|privacy policy|\bsitemap\b|download this|"
    r"\bsubscribe\b|\bthis page was last edited\b|^\s*\d+\s*$|^page \d+|"
    r"\bdecl(?:assify)?:)", re.IGNORECASE)  # a cable's "E.O. 13526: DECL: 03/25/2035": when it may be released
# what a FURNITURE match holds, unless it is one of the anchored forms
_FURNITURE_WORDS = ("©", "copyright", "all rights reserved", "privacy policy", "sitemap", "download this",
                    "subscribe", "last edited", "decl")
_FURNITURE_HEAD = re.compile(r"^\s*\d+\s*$|^page \d+", re.IGNORECASE)
# A footnote or reference line ("¹ Ministry of …", "[12] Ministry of …"): its dates are citations, not acts.
CITATION = re.compile(r"^\s*(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\d{1,3}\])\s*[A-Z“\"‘']")
# A year on a line of its own: the year of the chronology entries under it (PDF chronologies group by year).
YEAR_LINE = re.compile(r"^\s*#*\s*((?:19|20)\d\d)\s*:?\s*$")


@lru_cache(maxsize=1024)  # the chronology, the metrics and the year all ask about the same lines
def is_furniture(line: str) -> bool:
    """`bool(FURNITURE.search(line))`, with the (slow) case-insensitive search only for a line that
    holds one of its words."""
    low = re.lowered(line)
    if low is not None and not any(w in low for w in _FURNITURE_WORDS):
        return bool(_FURNITURE_HEAD.match(line))
    return bool(FURNITURE.search(line))


SENTENCE_END = re.compile(r"(?<=[.!?][”\"’)]?[¹²³⁴⁵⁶⁷⁸⁹⁰]{0,3})\s+(?=[“\"A-Z(\d%−])")  # a footnote mark may follow
# SENTENCE_END for stdlib `re` (several times faster on this pattern): the end mark and closing quote are
# consumed, the gap (group 1) is SENTENCE_END's match. `[^\S\x1c-\x1f]` is regex's \s (stdlib's \s also
# holds \x1c-\x1f). Each gap is a whole whitespace run after a mark, so the matches cannot overlap
# differently: the same gaps, in the same order.
# (a footnote mark after the stop, "¹" or a wiki's "[1]", stays with the sentence it ends)
_SENTENCE_GAP = _stdre.compile(r"[.!?][”\"’)]?(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]{0,3}|\[\d{1,3}\])([^\S\x1c-\x1f]+)(?=[“\"A-Z(\d%−])")
_ABBREV_END = re.compile(
    r"\b(?:[A-Z]|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Gen|Adm|Gov|Sen|Rep|Dr|Mr|Ms|Mrs|Lt|Col|"
    r"Maj|Capt|Sgt|Pvt|Cpl|St|Jr|Sr|No|no|Vol|pp|U\.S|U\.N|D\.C|Co|Corp|Inc|vs|etc|approx|"
    r"incl|esp|viz|Hon|Rt|Pres|Amb|Gens?|Cdr|Brig|Supt)\.$")
# A name's suffix ends the name, and the sentence when a sentence's opening word follows it ("… Marcos Jr. Today,
# the two …"); before anything else it stays in the sentence ("Marcos Jr. administration").
_SENTENCE_OPENER = re.compile(r"(?:The|This|These|It|He|She|They|We|Today|Yesterday|Tonight|Earlier|Later|"
                              r"Meanwhile|However|On|In|After|Before|During)\b")


# A day-first date whose abbreviated month closes it ("on 22–23 Nov."): the date is whole, so before a capital
# the full stop ends the sentence too (a month-first "Nov. 18" has its day after it).
_DAY_MONTH_END = re.compile(r"\d\s+(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.$")


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
    # a place the entry states apart from its text (a Where column, "near Djibo · Battle.", "Tehran. …"):
    # where its first act happened, whatever other places its text names
    venue: str = ""
    # Labelled fields under a chronology entry, as a table row's other columns: {"ACTORS": "Mark Rutte (NATO
    # Secretary General); …", "NOTES": "…"} (label as printed)
    fields: dict[str, str] = field(default_factory=dict)


def _may_open_with_date(line: str) -> bool:
    """False when neither BARE_DATE nor ENTRY_HEAD can match a split_lines block: every date form opens
    with a day number, a month name or a weekday (DATE_HEADS), and a stripped block opens with it (regex's
    \\s is a subset of str.isspace). Most blocks fail this, and the two patterns cost microseconds each."""
    return "0" <= line[:1] <= "9" or line[:3] in DATE_HEADS


def _may_be_bare_date(line: str) -> bool:
    """False when BARE_DATE cannot match: its longest date ("Wednesday, September 30th, 2023–December 31st,
    2024:") has 50 characters besides whitespace. Entry blocks fail it, and BARE_DATE fails on them slowly."""
    return len(line) <= 60 or len("".join(line.split())) <= 60


def _is_bare_date(line: str) -> bool:
    """`bool(BARE_DATE.match(line))` for a split_lines block."""
    return _may_open_with_date(line) and _may_be_bare_date(line) and BARE_DATE.match(line) is not None


# A numbered footnote that cites a source and its date: "3 OCHA, Flash Update No. 12, 21 February 2025."
_NUMBERED_NOTE = re.compile(r"^\d{1,3}\s{1,3}[A-Z“\"]")
_ENDS_WITH_DATE = re.compile(rf",\s+(?:{DATE_EXPR.pattern})\.?$")


def _is_numbered_citation(line: str) -> bool:
    return "0" <= line[:1] <= "9" and _NUMBERED_NOTE.match(line) is not None and (
        _ENDS_WITH_DATE.search(line, max(0, len(line) - 40)) is not None)


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


def chronology_entries(text: str, default_year: int | None = None, last_year: int | None = None) -> list[Entry]:
    """Entries of the chronology section(s): a date head then the entry; undated blocks that follow
    continue the entry (page breaks, captions and headings excepted). A year missing from an entry
    comes from the section heading ("SEPTEMBER–DECEMBER 2023"), else from `default_year`. An earlier day
    after a late one rolls the list into the next year, but never past `last_year` (the year a title
    states: "… visits in 2025" lists its outgoing, then its incoming visits, all in 2025)."""
    blocks = split_lines(text)
    start_idx = _chronology_start(blocks)
    if start_idx is None:
        return []
    entries: list[Entry] = []
    year_ctx: int | None = default_year
    pending: tuple[DateSpan, str] | None = None  # a bare date waiting for its entry text
    closed = False  # the last entry has ended: a block after it was not its continuation
    # Undated blocks after the last entry: its continuation if another entry follows; after the last entry of
    # a chronology only one-sentence notes are (what follows it is mostly closing prose, a contact line or a list).
    more: list[Block] = []
    order = numeric_order(text)
    for idx, b in enumerate(blocks[start_idx:], start_idx):
        period = parse_period_heading(b.text.strip("# "))
        year_line = YEAR_LINE.match(b.text) if len(b.text) < 12 else None
        if period or year_line:
            year_ctx = period[1].year if period else int(year_line.group(1))
            pending = None
            continue
        if CAPTION.match(b.text) or is_furniture(b.text) or CHRONOLOGY_HEADING.match(b.text) or CITATION.match(b.text):
            continue
        if entries and len(b.text) < 40 and _AHEAD.match(b.text):
            if more:
                _continue_entry(entries[-1], more[-1], text)
            more = []
            break  # "Scheduled", "Coming up": the chronology of what took place ends, plans follow
        if entries and _MONTH_HEADING.fullmatch(b.text.strip("# ")):  # "July" over the month's entries
            if more:  # the blocks held back were the last entry's sub-items
                _continue_entry(entries[-1], more[-1], text)
            closed, more, pending = True, [], None
            continue
        dated = _may_open_with_date(b.text)
        bare = BARE_DATE.match(b.text) if dated and _may_be_bare_date(b.text) else None
        if bare and _box_or_contents_date(blocks, idx):
            pending = None
            continue
        if bare and (span := parse_date_expr(bare["date"], year_ctx, order)):
            pending = (span, bare["date"])
            year_ctx = year_ctx if span.inferred else span.end.year  # a printed year carries forward
            continue
        head, at = (ENTRY_HEAD.match(b.text), 0) if dated else _labelled_head(b.text)
        span = parse_date_expr(head["date"], year_ctx, order) if head else None
        if span and span.inferred and entries and year_ctx and year_ctx != last_year and (
                span.start < entries[-1].span.start - timedelta(180)):
            year_ctx += 1  # "Dec. 30, 2023: …" then "Jan. 2: …": the list has crossed into a new year
            span = parse_date_expr(head["date"], year_ctx, order)
        if span and not span.inferred:
            year_ctx = span.end.year
        if (head and span) or pending:
            if more:  # another entry follows: the blocks held back were the last one's continuation
                _continue_entry(entries[-1], more[-1], text)
            if not (head and span) and _REVISION.match(b.text):
                continue  # "UPDATE 3 May: the toll rose to 16" under a day: it revises an entry, it is none
            entries.append(_entry(span, b, at + head.end(), head["date"].strip()) if head and span
                           else _entry(pending[0], b, 0, pending[1]))
            closed, more = False, []
        elif entries and not more and (f := _FIELD_BLOCK.match(b.text)) and not (
                _SOURCE_NOTE.match(b.text) or is_heading(b)):
            entries[-1].fields.setdefault(f.group(0).rstrip().rstrip(":"), b.text[f.end():].strip())
            closed = _ENDS_SENTENCE.search(entries[-1].text) is not None  # "NOTES: …": a field, not more text
        elif entries and not closed and not is_heading(b) and not _SOURCE_NOTE.match(b.text) and not (
                _FIELD_BLOCK.match(b.text) or (_is_title(b.text) and _is_title_before_head(blocks, idx))):
            more.append(b)
        elif entries and _ENDS_SENTENCE.search(entries[-1].text if not more else more[-1].text):
            closed, more = True, []  # past a heading, a note or a field, undated text no longer continues the entry
            # (unless the entry stopped mid-sentence: a running header cut it, "… with the Guyana Defence")
        pending = None
    for b in more:  # after the last entry: a one-sentence note goes on with it, prose or a title ends it
        if not b.text.endswith((".", "!", "?", ".”", '."')) or next(iter(_SENTENCE_GAP.finditer(b.text)), None):
            break
        _continue_entry(entries[-1], b, text)
    for e in entries:
        _cut_sources(e)
    return _split_relative_days([e for e in entries if not _NO_ACT_ENTRY.match(e.text)])


# A label before an entry's date ("Background, 2025-04-22 — …", "Context: 3 May – …"): a tracker's older entry.
_HEAD_LABEL = re.compile(r"(?:Background|Context|Earlier|Previously|Flashback|Recap)\s*[,:]\s+")
# An entry that says nothing happened that day: "— no entry (…)", "Nothing to report.", "No new strikes."
_NO_ACT_ENTRY = re.compile(r"\W*(?i:no\s+(?:entry|entries|events?|developments?|activity|new\s+\w+)|"
                           r"nothing\s+(?:to\s+report|new|reported)|quiet\s+day)\b")
# An update or correction under a day: it revises an entry told elsewhere.
_REVISION = re.compile(r"\W*(?:UPDATE|Update|Correction|Clarification|Editor['’]s note)\b[^:.]{0,40}:")


def _labelled_head(text: str) -> tuple[re.Match | None, int]:
    """An entry head after a label ("Background, 2025-04-22 — …"), and where its date starts."""
    if text[:1] not in "BCEFPR" or not (label := _HEAD_LABEL.match(text)):
        return None, 0
    rest = text[label.end():]
    return (ENTRY_HEAD.match(rest), label.end()) if _may_open_with_date(rest) else (None, 0)


# The label of an infobox's or a fact box's date row ("Date", "Period"): the value under it is no entry head.
_DATE_LABELS = frozenset({"date", "dates", "period", "duration", "time", "when", "date(s)", "time period"})
_SECTION_NUMBER = re.compile(r"^(\d{1,2})\s+\S")


def _box_or_contents_date(blocks: list[Block], idx: int) -> bool:
    """A line that is a date but heads no entry: an infobox's value under its "Date" label ("Date" / "28 May –
    29 August 2025"), or a numbered contents line read as a date ("4 August 2025" between "3 July 2025" and
    "5 See also")."""
    label = blocks[idx - 1].text.strip(" :*#").lower() if idx else ""
    if label in _DATE_LABELS:
        return True
    number = _SECTION_NUMBER.match(blocks[idx].text)
    after = _SECTION_NUMBER.match(blocks[idx + 1].text) if number and idx + 1 < len(blocks) else None
    return after is not None and int(after.group(1)) == int(number.group(1)) + 1


# A time of day before a relative day that opens a sentence: "Shortly after 1 a.m. the next day", "Early the
# following day", "At dawn two days later".
_TIME_LEAD = re.compile(r"(?:(?:Shortly|Just|Soon|Right|Early|Late|Later)\s+)?(?:(?:after|before|at|by|around|"
                        r"about|until|[Aa]t|[Bb]y|[Aa]round|[Aa]bout)\s+(?:\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.m\.|"
                        r"o'clock|hours?)|midnight|noon|dawn|dusk|daybreak|nightfall)\s+)?(?=the\s|two\s|three\s|\d)")


# A later sentence of an entry that opens with a date of its own: "On Oct. 10, the envoy watches …",
# "Earlier, on 8 November, he had toured …".
_FRONTED_WORDS = ("On ", "Earlier", "Later", "Then", "Separately", "Meanwhile")
_FRONTED_DATE = re.compile(rf"^(?:(?:Earlier|Later|Then|Separately|Meanwhile)\s*,?\s+)?(?:[Oo]n\s+)?{WEEKDAY_PREFIX}?"
                           rf"(?P<date>{DATE_EXPR.pattern})\s*,")


def _fronted_date(sentence: str, entry: DateSpan) -> DateSpan | None:
    """The day a fronted date gives a later sentence of an entry (its year the entry's, if it prints none)."""
    if not sentence.startswith(_FRONTED_WORDS) or (m := _FRONTED_DATE.match(sentence)) is None:
        return None
    span = parse_date_expr(m["date"], entry.end.year)
    if span is None or span.precision != "day":
        return None
    return DateSpan(span.start, span.end, span.precision, entry.inferred and span.inferred)


# A day named in a later sentence of an entry: "… at Bellevue Palace on 11 June.", "On 6 April Modi …".
_ON_DAY = re.compile(rf"\b[Oo]n\s+{WEEKDAY_PREFIX}?(?P<date>{DATE_EXPR.pattern})")


def _day_within(sentence: str, entry: DateSpan) -> DateSpan | None:
    """The day a later sentence of a several-day entry (a visit's "14–17 January") names inside that span: one
    act of the visit ("Held talks … on 15 January"), told on its own day. A day outside the span is background."""
    if entry.precision != "day" or entry.start == entry.end or (" on " not in sentence and "On " not in sentence):
        return None
    for m in _ON_DAY.finditer(sentence):
        span = parse_date_expr(m["date"], entry.end.year)
        if span and span.precision == "day" and span.start == span.end and entry.start <= span.start <= entry.end:
            return DateSpan(span.start, span.end, "day", entry.inferred and span.inferred)
    return None


def _split_relative_days(entries: list[Entry]) -> list[Entry]:
    """An entry sentence that opens with a day of its own ("The next day, the junta denied …", "Two days
    later …", "On Oct. 10, …") is an entry of that day."""
    out: list[Entry] = []
    for e in entries:
        if "day" not in e.text and not any(map(e.text.__contains__, _FRONTED_WORDS)) and (
                e.span.start == e.span.end or " on " not in e.text):
            out.append(e)
            continue
        whole = e.span  # a visit's days: each later sentence dated inside them is an act of its own
        for sent in sentences(Block(e.text, e.start)):
            rel = _RELATIVE.match(sent.text) if sent.start > e.start else None
            if rel is None and sent.start > e.start and (lead := _TIME_LEAD.match(sent.text)):
                rel = _RELATIVE.match(sent.text, lead.end())  # "Shortly after 1 a.m. the next day, …"
            day = _relative_date(sent.text[rel.start():], e.span, fronted=True) if rel else None
            if day is None and sent.start > e.start:
                day = _fronted_date(sent.text, e.span) or _day_within(sent.text, whole)
            if day is None or day == e.span:
                continue
            head = Entry(e.span, e.text[:sent.start - e.start].rstrip(), e.start, sent.start, e.head, e.source, e.place,
                         venue=e.venue)
            out.append(head)
            e = Entry(day, sent.text + e.text[sent.end - e.start:], sent.start, e.end, e.head, e.source)
        out.append(e)
    return out


# The fields between an entry's date and its text: "Burkina Faso, Soum province, near Djibo · Battle. JNIM …"
# (the place, then the event type). _FIELD_SEP splits them; the type is a short verbless label.
_FIELD_SEP = re.compile(r"\s+[·•]\s+")
_TYPE_LABEL = re.compile(r"^(?:[A-Z][a-z]+|[a-z]+)(?:[ -](?:[A-Za-z]+)){0,3}\.\s+(?=[A-Z“\"])")
# The kinds of administrative area a place's name may end with ("Soum province", "Kyauktaw township")
ADMIN_KINDS = (r"(?:township|district|province|region|state|governorate|county|prefecture|municipality|department|"
               r"oblast)")
# What a place field says around the place's name: "near Djibo", "Soum province"
PLACE_WORDS = re.compile(r"^(?:near|outside|around|off|in|north|south|east|west)(?:\s+of)?\s+|\s+" + ADMIN_KINDS + "$",
                         re.IGNORECASE)
# A place that opens an entry as a sentence of its own: "Tehran. IAEA Director General … meets …".
_PLACE_FIRST = re.compile(r"^(?P<place>[A-Z][a-zà-ÿ'’-]+(?:\s[A-Z][a-zà-ÿ'’-]+){0,2})\.\s+(?=[A-Z“\"])")


# An entry that opens by naming a visit, with no verb ("State visit at the invitation of …", "Working visit.",
# a calendar's "President Paudel – State visit, the first …"): the row's act is that visit.
VISIT_HEAD = re.compile(r"^(?:[^–—.;]{3,80}\s[–—]\s)?(?:State|Official|Working|Private|Royal|Staff|Courtesy|"
                        r"Official working|Apostolic|Pastoral)\s+visit\b")


def _entry(span: DateSpan, b: Block, at: int, head: str) -> Entry:
    """The entry that starts at offset `at` of block b, its field head ("place · type.") or place-first
    sentence ("Tehran.") taken off as its place."""
    body = b.text[at:]
    place = venue = ""
    if "·" in body[:200] or "•" in body[:200]:
        fields = _FIELD_SEP.split(body[:200])
        if len(fields) >= 2:
            last = fields[-1]
            cut = len(body[:200]) - len(last)
            label = _TYPE_LABEL.match(last)
            if label and not VISIT_HEAD.match(last):  # "State visit. Met …": the row's act, kept as its text
                cut += label.end()
            where = fields[-2] if len(fields) >= 3 or label else fields[0]
            # "Country, province, near Town": the last, most precise; "Suva; Nuku'alofa" (two stops): the first
            # (the venue keeps the whole field: a reader of places picks its finest part)
            venue = where.split(";")[0].strip()
            place = PLACE_WORDS.sub("", venue.split(",")[-1].strip()).strip()
            at += cut
            body = b.text[at:]
    elif (m := _PLACE_FIRST.match(body)) and len(m["place"]) > 2 and not _ends_like_name(m["place"]):
        place = venue = m["place"]
        at += m.end()
        body = b.text[at:]
    return Entry(span, body, b.start + at, b.end, head, place=place, venue=venue)


_NOT_PLACES = frozenset({"Mr", "Ms", "Mrs", "Dr", "St", "Gen", "Sen", "Rep", "Update", "Updated", "Correction", "Note",
                         "Summary", "Background", "Context", "Comment", "Analysis", "Yes", "No", "Later", "Earlier",
                         "Separately", "Meanwhile", "Also", "Overnight"})


def _ends_like_name(place: str) -> bool:
    """"Mr.", "Dr.", initials and one-word openers ("Update.", "Separately.") are not places."""
    return place in _NOT_PLACES or len(place.split()[-1]) < 3


# A sources line run into the last entry: "… sanctions. Sources IAEA, GOV/2024/61 (19 November 2024); …".
_SOURCES_IN = re.compile(r"(?<=[.!?”\"])\s+(?:Sources?|Notes?|Credits?)\b:?\s+(?=[A-Z])")


def _cut_sources(e: Entry) -> None:
    if "Source" in e.text or "Note" in e.text or "Credit" in e.text:
        m = _SOURCES_IN.search(e.text)
        if m:
            e.text = e.text[:m.start()]
            e.end = e.start + len(e.text)


def _continue_entry(entry: Entry, block: Block, text: str) -> None:
    entry.text = text[entry.start:block.end]
    entry.text = re.sub(r"\s*\n\s*", " ", entry.text)
    entry.end = block.end


# A note under a chronology table ("Sources: EU Council, …"): not the last entry's continuation.
_SOURCE_NOTE = re.compile(r"^\W*(?:Sources?|Notes?|Credits?|Compiled by)\b\s*:")
_ENDS_SENTENCE = re.compile(r"[.!?;:][\"”’')\]¹²³⁴⁵⁶⁷⁸⁹⁰]*$")
# A labelled field under an entry ("NOTES: …", "Actors: …", as a tab-separated table's reader writes the other
# columns of a row): a field of the entry, not more of its text.
_FIELD_BLOCK = re.compile(r"^(?:[A-Z]{2,}(?:[ /][A-Z]{2,})?|[A-Z][a-z]+):\s")
# A heading's parenthetical note, joined to it by the reflow: "CHRONOLOGY OF … (Dates are day–month; …)".
_NOTE_AFTER = re.compile(r"\s*\([^()]*\)\s*$")


def _chronology_start(blocks: list[Block]) -> int | None:
    """Index of the first block of the chronology: after a 'CHRONOLOGY' heading, else the first of
    a run of at least three consecutive dated entry heads."""
    for i, b in enumerate(blocks):
        if CHRONOLOGY_HEADING.match(b.text) and len(_NOTE_AFTER.sub("", b.text)) < 100:
            return i + 1
    run, first, held, ahead = 0, 0, False, False
    for i, b in enumerate(blocks):
        if len(b.text) < 40 and _AHEAD.match(b.text):
            run, ahead = 0, True  # "Coming up": a run of dates under it is plans, not the chronology
            continue
        if ahead:
            ahead = not (is_heading(b) or _is_title(b.text))  # until the next section's heading
            if ahead:
                continue
        if _may_open_with_date(b.text) and (ENTRY_HEAD.match(b.text) or _is_bare_date(b.text)):
            first = i if run == 0 else first
            run, held = run + 1, False
        elif YEAR_LINE.match(b.text) or _MONTH_HEADING.fullmatch(b.text.strip("# ")) or (
                run and (_is_title_before_head(blocks, i) or _FIELD_BLOCK.match(b.text))):
            continue  # a year or month heading, a readout's title or an entry's labelled field, between entries
        elif run and not held and ENTRY_HEAD.match(blocks[i - 1].text) and _may_open_with_date(blocks[i - 1].text):
            held = True  # one block right after an entry (a sub-item) keeps the run going
        elif not (run and _is_bare_date(blocks[i - 1].text)):
            run = 0  # the text block after a bare date keeps the run going
        if run == 3:
            return first
    return None


# A month's heading over its entries ("January", "March 2025"), as on a year-in-review page
_MONTH_HEADING = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|November|"
                            r"December)(?:\s+\d{4})?")


def _is_title(text: str) -> bool:
    """A short line with no end punctuation: a heading in sentence case ("Call with the Foreign Minister")."""
    return len(text) < 100 and text[-1:].isalnum() and not _may_open_with_date(text)


def _is_title_before_head(blocks: list[Block], i: int) -> bool:
    """Block i is a title over the next entry: a title line, the next block a dated entry head."""
    if not _is_title(blocks[i].text) or i + 1 >= len(blocks):
        return False
    nxt = blocks[i + 1].text
    return _may_open_with_date(nxt) and (ENTRY_HEAD.match(nxt) is not None or _is_bare_date(nxt))


# A weekday or a month after a clock time ("6 a.m. Friday, …"): the same sentence goes on.
_DAY_AFTER = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|"
                        r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d")


def sentences(block: Block) -> Iterator[Block]:
    """Sentence split that respects abbreviations (Sept., Gen., U.S.)."""
    start = 0
    for m in _SENTENCE_GAP.finditer(block.text):  # SENTENCE_END's matches, as group 1
        gap_start, gap_end = m.span(1)
        if (ends_with_abbreviation(block.text, start, gap_start)
                and not _DAY_MONTH_END.search(block.text, max(start, gap_start - 12), gap_start)
                and not _suffix_ends_sentence(block.text, gap_start, gap_end)) or (
                block.text.endswith(("a.m.", "p.m."), start, gap_start) and _DAY_AFTER.match(block.text, gap_end)):
            continue  # "Sept. 5", "U.S. Navy"; "at 6 a.m. Friday"
        yield Block(block.text[start:gap_start], block.start + start)
        start = gap_end
    if start < len(block.text):
        yield Block(block.text[start:], block.start + start)


def _suffix_ends_sentence(text: str, gap_start: int, gap_end: int) -> bool:
    """A name suffix before a sentence's opening word; "no." before a word ("Yerevan says no. None …"): the
    number abbreviation "No. 5" has a number after it."""
    if text.endswith(("Jr.", "Sr."), 0, gap_start):
        return _SENTENCE_OPENER.match(text, gap_end) is not None
    return text.endswith((" no.", " No."), 0, gap_start) and not text[gap_end:gap_end + 1].isdigit()


_RELATIVE = re.compile(
    r"\b(?P<n>two|three|four|five|six|\d+)\s+days?\s+(?P<dir>later|earlier|before|after)\b|"
    r"\b(?P<same>(?:the\s+)?(?:same|next|following|previous)\s+day|the\s+day\s+(?:before|after))\b",
    re.IGNORECASE)
# "Economy Minister Nishimura attended from Japan." adds a participant to the act before it.
# The people just named, as a subject: "They", "The two leaders", "He and President Hassan Sheikh Mohamud".
JOINT_SUBJECT = (r"(?:They|The two|The three|The four|The five|Both|The (?:two |three |four )?(?:leaders|ministers|"
                 r"sides|delegations|presidents|governments|men|women|prime ministers|foreign ministers)|"
                 r"(?:He|She) and (?:[A-Z][\w.'’-]*\s+){0,5}[A-Z][\w'’-]*)")
# Their joint act that is an event of its own (an accord), not part of the meeting (what they discuss or say).
JOINT_VERB = (r"(?:signs?|signed|adopts?|adopted|agreed|agrees?|concludes?|concluded|initial(?:l?ed|s)?|ink(?:s|ed)?|"
              r"launch(?:es|ed)?)")
JOINT_WORDS = ("They ", "The two ", "The three ", "The four ", "The five ", "Both ", "The leaders ", "The ministers ",
               "The sides ", "The delegations ", "The presidents ", "The governments ", "He and ", "She and ")
# A sentence that belongs to the act told just before it: its attendance, or the same people's accord
# ("The two leaders signed …", told as its own act by extract.split_acts).
_JOINS_PREVIOUS = re.compile(r"^[A-Z][^.]{0,80}?\b(?:also\s+)?(?:attended|joined|took part|participated)\b|"
                             rf"^{JOINT_SUBJECT}(?:\s+(?:also|then|later|jointly))?\s+{JOINT_VERB}\b")
_NUM_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


# A wire dateline opening a paragraph: "SEOUL, 4 March (Staff) —", "WASHINGTON (Reuters) -", "TOKYO, March 7 —",
# "HAVANA, May 2. /PL/." (a state agency's: the agency between slashes, full stops for the dash).
# It needs a date or an agency in parentheses; the place is in capitals.
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}),?\s*"
    rf"(?:(?P<date>{DATE_EXPR.pattern})\s*)?(?:(?P<agency>\([^()\n]{{1,40}}\)\s*)?(?:—|–|--?)|"
    r"(?<=\d)\.\s*/[A-Z][\w-]{1,15}/\.?)\s+")
# Masthead and sign-off lines of a digest: their dates are issues, not acts.
_MASTHEAD = re.compile(
    r"^\W*(?:(?:Edition|Issue|Vol(?:ume)?\.?|Number)\s*\d+\b|Covering\b|"
    r"(?:Next|Previous|Last) (?:edition|issue|update|digest|bulletin|newsletter)\b|"
    r"End of (?:the |this )?(?:digest|report|bulletin|newsletter|notes|roundup|briefing)\b)", re.IGNORECASE)
# A publication or archive line, alone or as one "·"/"|" segment of a byline: "Published Thursday, March 20,
# 2025", "Released Jan. 5, 2025 to the archive", "Updated 27.03.2025"; or a byline's coverage segment
# ("Tracker no. 12 · covers 24 February–26 March 2025"). Metadata, never an act.
_BYLINE_SEGMENTS = re.compile(r"[·|•]")
_PUBLISHED = re.compile(
    r"\W*(?:(?i:first|last)\s+)?(?P<verb>(?i:published|posted|updated|released|issued|dated|archived|modified|"
    r"recorded|aired|broadcast|for immediate release))"  # (a podcast's or a programme's day, too)
    rf"\b\s*[:—–-]?\s*(?:on\s+)?{WEEKDAY_PREFIX}?(?P<date>{DATE_EXPR.pattern})")
# An editor's note under a story ("Correction, March 4: An earlier version said …"): it retells the text's
# errors, it reports no act.
_EDITORS_NOTE = re.compile(r"^\W*(?:Correction|Clarification|Editor['’]s note|Note to editors)\b[^:.]{0,40}:")
_COVERS = re.compile(r"\W*(?i:covers|covering|period covered|coverage)\b")
_NOT_ANCHOR_VERBS = ("updated", "archived", "modified")  # a later date than the one the text counts from
_META_WORDS = ("publish", "posted", "updated", "release", "issued", "dated", "archived", "modified", "cover",
               "recorded", "aired", "broadcast")


# A sources or notes line: "Sources: …", "Sources IAEA, GOV/2024/61 (19 November 2024); …" (not "Sources close
# to the minister said …": the word after it is an acronym or a colon follows).
_SOURCES_LINE = re.compile(r"^\W*(?:Sources?|Notes?|References?)(?:\s*:|\s+[A-Z][A-Z0-9]+\b)")


# A sentence that is only a date (a reference list's "Retrieved 15 January 2025.", "29 October 2025. pp. 1–3.").
_DATE_ONLY = re.compile(rf"^\W*(?:(?:Retrieved|Accessed|Archived from the original)\s+(?:on\s+)?)?"
                        rf"(?P<date>{DATE_EXPR.pattern})\.(?:\s+pp?\.\s*\d[\d–-]*\.?)?$")


def _is_date_only(sentence: str) -> bool:
    return len(sentence) < 80 and sentence[-1:] == "." and _DATE_ONLY.match(sentence) is not None


def _is_metadata(sentence: str) -> bool:
    """A masthead, publication, archive, sources or coverage line (its segments tried only when it has
    their words)."""
    if _MASTHEAD.match(sentence) or (sentence[:1] in "SNR" and _SOURCES_LINE.match(sentence)):
        return True
    low = re.lowered(sentence)
    if low is not None and not any(w in low for w in _META_WORDS):
        return False
    return any(_PUBLISHED.match(seg) or _COVERS.match(seg) for seg in _BYLINE_SEGMENTS.split(sentence))


def _publication_date(line: str) -> str | None:
    """The date a publication line gives the text under it: its "Published …" segment ("Commentary ·
    Published Thursday, March 20, 2025"), or the date segment of a byline ("By Jane Roe | March 20, 2025").
    Not an update's or an archive's date."""
    segments = _BYLINE_SEGMENTS.split(line)
    if line.startswith("By ") and len(segments) > 1:
        return next((m["date"] for seg in segments[1:] if (m := DATE_LINE.fullmatch(seg))), None)
    if not _is_metadata(line) or "archiv" in line:
        return None
    m = next((m for seg in segments if (m := _PUBLISHED.match(seg))), None)
    return m["date"] if m and m["verb"].lower() not in _NOT_ANCHOR_VERBS else None


# A weekday in a name, not a date: "the Good Friday Agreement", "Super Tuesday", "Bloody Sunday".
_NAMED_DAY = re.compile(r"\b(?:Good|Black|Bloody|Super|Easter|Cyber|Palm|Holy|Ash|Maundy|Shrove|Whit|Low|Giving)\s+$")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(?:(?P<next>next|following)\s+|(?P<last>last|this past)\s+)?(?P<wd>Monday|Tuesday|"
                      r"Wednesday|Thursday|Friday|Saturday|Sunday)\b", re.IGNORECASE)
# The anchor's own day ("Today, …", "spoke today", "this morning", "tonight"), or the day before it
# ("yesterday", "last night").
_TODAY = re.compile(r"\b(?<!(?:until|since|till|of)\s)(?:today|tonight|this (?:morning|afternoon|evening)|"
                    r"(?P<yesterday>yesterday|last night))\b", re.IGNORECASE)
# The day of the scene just told: "then held talks", "Speaking to reporters afterward", "that evening".
# Not "since then", "then-President", "…, then foreign minister", "was then the largest".
_SAME_SCENE = re.compile(
    r"\b(?i:afterwards?|(?:later )?that (?:same )?(?:day|morning|afternoon|evening|night))\b|"
    r"^\W*Also (?:in|at) [A-Z]|"  # "Also in Geneva, the Prime Minister told the Council …": the scene goes on
    r"(?<!\b(?i:since|until|till|by|from|back|before|even|only|just|if)\s|,\s)\b[Tt]hen\b(?![-‐–’',])"
    r"(?!\s+(?:the|a|an|still|as|known|called|part|only|in|at|on|of|was|is|are|were)\b)")
# A sentence's subject that names no one: "Officials said …", "Analysts noted …".
_ANONYMOUS = frozenset({"officials", "officers", "analysts", "experts", "sources", "observers", "critics",
                        "diplomats", "people", "residents", "witnesses", "some", "many", "others", "it", "they",
                        "he", "she", "the", "a", "an", "this", "that", "these", "those"})


@dataclass
class _Clock:
    """What dates the sentences of a digest: the report's year and slash-date convention, the document's
    anchor (the last date line, publication line or wire time stamp: the day "today" and weekdays count
    from), and the last act's date with the index of its block (for "then", "afterward")."""

    year: int | None
    order: str = ""
    anchor: DateSpan | None = None
    last: DateSpan | None = None
    last_block: int = -2
    heads_next: bool = False  # the anchor is a date line: the block under it is dated like a dateline's
    published: DateSpan | None = None  # the day the text was published: a later date in it is a plan
    walk: bool = False  # the last act is a period the text then walks through ("From 3 to 5 March he …")
    item: DateSpan | None = None  # the date of the last wire dateline, until a headline or another dateline
    week: DateSpan | None = None  # a weekly's "Week of 31 March – 6 April 2025": what its day heads count in
    day: DateSpan | None = None  # the day head ("**Monday** – …") the blocks under it are dated by
    day_by_date: bool = False  # `day` is a date heading's ("Tuesday the 4th"): only the next day heading ends it
    ahead: bool = False  # under a "Coming up" heading: planned acts, not acts
    entry: DateSpan | None = None  # the day of the last "29 October – …" entry, for the undated items under it
    written: DateSpan | None = None  # a publication or update day printed in a sentence ("Updated 2 April 2025.")
    list_head: Entry | None = None  # "… were signed in Lima on 3 May:": the items under it are its acts
    list_open: bool = False  # the last item ended in ";" or ",": the list goes on


@dataclass
class _Paragraph:
    """One block's dating context: its dateline and the dateline's date, and the day of its scene once a
    sentence was dated from the anchor ("Today, X met Y. Z pledged …": Z's act is that day's too)."""

    index: int
    dateline: re.Match | None = None
    date: DateSpan | None = None
    scene: DateSpan | None = None
    item: DateSpan | None = None  # a later paragraph of a datelined wire item: its dateline's date
    day_head: bool = False  # `date` is a weekly's day head's, not a dateline's
    quoted: bool = False  # a quoted post ("QT @ministry: … today"): its "today" is its own, unknown day


def dated_sentences(text: str, year: int | None, anchor: DateSpan | None = None) -> list[Entry]:
    """Digest style: every sentence that dates an act ("on September 7", "Two days later") in the
    body; relative dates count from the previous dated sentence. In a wire paragraph that opens with a
    dateline, weekdays count back from the dateline's date, and a sentence with no date of its own that
    reports a named actor's act takes the dateline's date (and its place). A line that is only a date, a
    publication line or a wire time stamp anchors the paragraphs under it: "today" is its day, weekdays
    count back from it. A dated noun phrase that repeats an act dated elsewhere ("the March 18 vote",
    "Saturday's bombing") is not a second event. `anchor`: the page's publication day from its metadata,
    the anchor until a line of the text gives one."""
    out: list[Entry] = []
    repeats: set[int] = set()  # id() of entries dated only by a noun phrase
    clock = _Clock(year, numeric_order(text), anchor=anchor, published=anchor)
    blocks = split_lines(text)
    day_log = sum(map(_is_day_heading, blocks)) >= 2  # a diary, a schedule: days, one after another
    for index, block in enumerate(blocks):
        if is_furniture(block.text) or CITATION.match(block.text) or _is_numbered_citation(block.text) or (
                block.text[:1] in "CcENe*_" and _EDITORS_NOTE.match(block.text)):
            continue
        if clock.list_head is not None and _list_item(block.text, clock):
            out.append(_item_entry(block, clock.list_head))
            clock.last_block = index  # ("The two then …" after the list: still that day's scene)
            clock.list_open = block.text.rstrip()[-1:] in ";,:" or block.text.rstrip().endswith(" and")
            continue
        clock.list_head = None
        line = _unbracketed(block.text)
        anchor = _anchor_line(line, clock) or _ordinal_day_heading(line, clock)
        if anchor is not None:
            clock.anchor, clock.heads_next = anchor
            if not clock.heads_next:  # a publication line or time stamp, not a date heading entries
                clock.published = clock.anchor
                if _is_item_stamp(line):  # "19 May 07:12 via Digi24": the day of the item under it
                    clock.day, clock.day_by_date = clock.anchor, True
                elif clock.day_by_date:  # a byline ("By Jane Roe | 26 June 2024"): another item, not that day's
                    clock.day, clock.day_by_date = None, False
            elif day_log:  # a diary's or a schedule's day heading: every block under it is that day's
                clock.day, clock.day_by_date = clock.anchor, True
            clock.item = None
            continue
        if (week := _week_line(block.text, clock)) is not None:
            clock.week, clock.day, clock.day_by_date = week, None, False
            continue
        head = _day_head(block.text, clock.week) if clock.week is not None else None
        if head is not None:
            span, rest = head
            if not _is_title(block.text[rest:].rstrip(".")) and len(block.text) - rest >= 40:
                # "Thursday–Friday: the first summit … . President X hosted …": this block's own day
                para = _Paragraph(index, date=span, day_head=True)
                _date_block(Block(block.text[rest:], block.start + rest), para, clock, out, repeats)
            else:
                clock.day, clock.day_by_date = span, False  # "Monday – Three presidents …": the blocks under it
            continue
        if clock.heads_next and clock.anchor is not None and _CLOCK_OPEN.match(block.text):
            clock.day, clock.day_by_date = clock.anchor, True  # a live blog's day: time-stamped entries under it
        title = is_heading(block) or _is_title(block.text) or (
            block.text[-1:] == "?" and len(block.text) < 40 and _AHEAD.match(block.text) is not None)  # "What next?"
        if title:
            clock.ahead = _AHEAD.match(block.text) is not None
            if clock.ahead or not clock.day_by_date:
                clock.day = None  # a heading ends a weekly day's items ("By the numbers"); under a date
                # heading the entries have titles of their own ("Trump hosts Sharaa"): the next date ends it
        if clock.ahead:
            continue  # "Coming up": planned acts
        head = _entry_head_day(block.text, clock) if not title else None
        if not (title or len(block.text) < 40 or _is_dated_subtitle(block.text)):
            para = _paragraph(block.text, index, clock)
            para.quoted = block.text[:3] in ("QT ", "RT ") and _QUOTED_POST.match(block.text) is not None
            if para.date is None and head is None and clock.entry is not None:
                para.date = clock.entry  # a sub-item under "29 October – …" with no day of its own: that day
            if para.dateline is not None:
                clock.item = para.date  # the wire item's day, for its later paragraphs
            elif clock.item is not None:
                para.item = clock.item
            if para.date is None and clock.day is not None and (
                    clock.day_by_date or not _FIELD_BLOCK.match(block.text)):  # a weekly's "NOTES:", not "READOUT:"
                para.date, para.day_head = clock.day, True
            _date_block(block, para, clock, out, repeats)
            if out and out[-1].end == block.end and out[-1].text.rstrip()[-1:] == ":" and _heads_acts(out[-1]):
                clock.list_head, clock.list_open = out.pop(), True  # its items are the acts: the head is none
        elif clock.item is not None and title:
            clock.item = None  # a headline: the next item
        if head is not None and _is_attendance_list(block.text):
            head = None  # "Tuesday 18 February 2025: Ms A, …; Mr B, …": who came that day; it heads no sub-items
        clock.entry = head if head is not None or title or _MONTH_LINE.match(block.text) else clock.entry
        clock.heads_next = False  # only the very next block
    acts = {(e.span.start, e.span.end) for e in out if id(e) not in repeats}
    out = _drop_retellings([e for e in out if id(e) not in repeats or (e.span.start, e.span.end) not in acts])
    return _join_headlines(out, text)


# A headline sentence that opens a post or an item: "Kabul rejects the claim.", "EU condemns the vote." (a
# state's or a body's name, a present-tense verb, a few words).
_HEADLINE_SENTENCE = re.compile(r"^[^A-Za-z]{0,4}[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s+[a-z]{3,}s\b"
                                r"[^,;:\d]{0,50}\.$")


def _join_headlines(entries: list[Entry], text: str) -> list[Entry]:
    """A short headline sentence right before the longer sentence that tells the same news ("Kabul rejects the
    claim. Its spokesman said on X that …") is one act with it, not two."""
    out: list[Entry] = []
    for e in entries:
        last = out[-1] if out else None
        if (last is not None and last.span == e.span and last.source == e.source == "narrative"
                and 0 <= e.start - last.end <= 2 and not text[last.end:e.start].strip()
                and len(last.text.split()) <= 8 < len(e.text.split()) and _HEADLINE_SENTENCE.match(last.text)):
            out[-1] = Entry(e.span, text[last.start:e.end], last.start, e.end, e.head, e.source, e.place or last.place,
                            venue=e.venue)
            continue
        out.append(e)
    return out


_BULLET = ("- ", "• ", "* ", "– ")
# The place a list head names: "… were signed at the Palácio do Planalto on 8 April 2025:" -> Palácio do Planalto.
_HEAD_PLACE = re.compile(r"\b(?:at|in)\s+(?:the\s+)?(?P<place>[A-Z][\w'’.-]*(?:\s+(?:(?:of|do|da|de|del|di)\s+)?"
                         r"[A-Z][\w'’.-]*){0,4})")


# A head whose items are acts of their own: "the following instruments were signed …:", "… signed the following:"
# (not "they agreed on the following:", whose items are one act's contents).
_ACTS_LISTED = re.compile(r"\b(?:were|was|have been|had been)\s+(?:signed|concluded|exchanged|initial?l?ed|"
                          r"inaugurated)\b|\b(?:signed|concluded|exchanged|inaugurated)\s+the\s+following\b")


def _heads_acts(entry: Entry) -> bool:
    """A dated sentence ending in ":" that heads a list of acts ("… were signed in Lima on 3 May:")."""
    return entry.span.precision == "day" and "following" in entry.text and _ACTS_LISTED.search(entry.text) is not None


def _list_item(text: str, clock: _Clock) -> bool:
    """An item of the list under a dated head ending in ":": a bullet, or the next block while the items
    end in ";" ("…, signed by X and Y;"); an item that prints its own date is a dated sentence instead."""
    return (clock.list_open or text.startswith(_BULLET)) and len(text) < 600 and not (
        _ASCII_DIGIT.search(text) and DATE_EXPR.search(text))


def _item_entry(block: Block, head: Entry) -> Entry:
    """One list item as an act of its head's day, at the place the head names."""
    text = block.text[2:] if block.text.startswith(_BULLET) else block.text
    m = _HEAD_PLACE.search(head.text)
    return Entry(head.span, text, block.end - len(text), block.end, source="narrative",
                 venue=head.venue or (m["place"] if m else ""))


def _unbracketed(line: str) -> str:
    """A message export's stamp without its brackets: "[03.05.2025 08:15] (edited)" -> "03.05.2025 08:15 (edited)"."""
    if line[:1] not in "[(" or not line[1:2].isdigit() or (close := line.find("]" if line[0] == "[" else ")")) < 0:
        return line
    return (line[1:close] + line[close + 1:]).strip()


_CONTENT_WORD = _stdre.compile(r"[A-Za-z]{4,}|\d+")


def _drop_retellings(entries: list[Entry]) -> list[Entry]:
    """A sentence that retells an act told before on the same day in much the same words (a highlight
    repeated in the body: "On 15 February, a device struck a convoy …" / "On 15 February, a device hit a
    convoy …") is one act: the first telling is kept. Much the same: half the shorter one's words (six or more)."""
    out: list[Entry | None] = []
    seen: dict[tuple[date, date], list[tuple[set[str], set[str], int]]] = {}
    for e in entries:
        words = {w.lower() for w in _CONTENT_WORD.findall(e.text)}
        names = set(_NAME_WORD.findall(e.text))
        told = seen.setdefault((e.span.start, e.span.end), [])
        same = next((k for k, (w, n, _) in enumerate(told) if len(words & w) >= 0.5 * min(len(words), len(w))
                     and min(len(words), len(w)) >= 6 and len(names & n) >= 0.5 * min(len(names), len(n))), None)
        if same is not None:  # (two calls on one day in the same words, between other people, are two acts)
            if (at := told[same][2]) >= 0 and (summary := out[at]) is not None and _SUMMARY.match(summary.text):
                out[at] = None  # a summary's line gives way to the paragraph that tells the act in full
                told[same] = (words, names, len(out))
                out.append(e)
            continue
        told.append((words, names, len(out)))
        out.append(e)
    return [e for e in out if e is not None]


# A summary paragraph's opening: "1. (C) Summary: …", "In brief: …", "Key points: …", "Highlights: …".
_SUMMARY = re.compile(r"^\W*(?:\d{1,2}\.\s*)?(?:\([A-Z]{1,3}\)\s*)?(?:Summary|In brief|Key points|Highlights)\s*:",
                      re.IGNORECASE)


_NAME_WORD = re.compile(r"(?<=\w )[A-Z][\w'’-]+")  # capitalised words past a sentence's first: names, places


# A place before a date line: "Antalya, Thursday, 15 May 2025" (the place and day a transcript was given).
_PLACE_DATE = re.compile(r"^(?!(?:Published|Posted|Updated|Released|Issued|Dated|Filed)\b)"
                         r"[A-Z][\w’'.-]+(?: (?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)"
                         r"[A-Z][\w’'.-]+){0,3},\s+(?P<rest>\S.*)$")
_CLOCK_TIME = re.compile(r"\d:\d\d")  # what every STAMP holds: a cheap test before it


# A weekly's week line: "Week of 31 March – 6 April 2025", "Week beginning 3 March 2025".
_WEEK_OF = re.compile(r"^\W*(?:[Tt]he\s+)?[Ww]eek\s+(?:of|beginning|starting|commencing)\s+(?=\d|[A-Z])")
_WEEKDAY_NAMES = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# A weekly's day head: "Monday – Three presidents …", "Thursday–Friday: the first summit …", "Saturday – quiet day."
_DAY_HEAD = re.compile(rf"^\W*(?P<wd>{_WEEKDAY_NAMES})(?:\s*[–—-]\s*(?P<wd2>{_WEEKDAY_NAMES}))?\W*?"
                       r"(?:\s*[:–—-]\s+|\s*$)")
# A section of what is to come: its dates are planned acts'.
_AHEAD = re.compile(r"^\W*(?:Coming up|Upcoming|Looking ahead|Week ahead|The week ahead|Next week|Diary|"
                    r"Forthcoming|Dates to watch|What to watch|What comes next|What(?:['’]s| is) next|"
                    r"What happens next|Scheduled)\b", re.IGNORECASE)
# A time of its own in a sentence: a year ("Since 2011 …") or a month ("ratified the treaty in March").
_OWN_TIME = re.compile(r"\b(?:19|20)\d\d\b|\b(?:in|since|until|by|last|early|late|mid)[- ](?:January|February|March|"
                       r"April|May|June|July|August|September|October|November|December)\b|"
                       r"\b(?:earlier|later) this (?:year|month)\b")  # (vague, but not the day it sits under)


def _week_line(line: str, clock: _Clock) -> DateSpan | None:
    """The week a weekly's week line names (its range, or the seven days from its one date)."""
    if line[:1] not in "WwT*" or not (m := _WEEK_OF.match(line)) or not (d := DATE_EXPR.match(line, m.end())):
        return None
    span = parse_date_expr(d.group(0), clock.year, clock.order)
    if span is None or span.precision != "day":
        return None
    return span if span.end > span.start else DateSpan(span.start, span.start + timedelta(days=6), "day", span.inferred)


def _day_head(line: str, week: DateSpan) -> tuple[DateSpan, int] | None:
    """A day head under a week line: the day (or days) it names in that week, and where its text starts."""
    if line[:3] not in DATE_HEADS or not (m := _DAY_HEAD.match(line)):
        return None
    days = [week.start + timedelta(days=(_WEEKDAYS.index(wd.lower()) - week.start.weekday()) % 7)
            for wd in (m["wd"], m["wd2"] or m["wd"])]
    if days[1] < days[0]:
        return None
    return DateSpan(days[0], days[1], "day", week.inferred), m.end()


# Where a relative clause opens: the time it names is its noun's ("a force whose first battalion is to deploy
# in 2026", "the session, which reviewed the 2023 agreement"), not the sentence's.
_RELATIVE_OPEN = re.compile(r",\s+(?:which|whose|who|whom)\b")


def _prints_own_time(sentence: str) -> bool:
    """The sentence names a year or a month of its own, outside a relative clause: not dated by the scene
    or day head it sits under."""
    m = _OWN_TIME.search(sentence)
    if m is None or "," not in sentence[:m.start()]:
        return m is not None
    clause = _RELATIVE_OPEN.search(sentence, 0, m.start())
    return clause is None or _OWN_TIME.search(sentence, 0, clause.start()) is not None


def _is_dated_subtitle(line: str) -> bool:
    """A title or subtitle that ends with the period it covers: "Selected developments, 1–16 February 2025"
    (short, no end punctuation, the date after a comma ends it)."""
    if len(line) > 160 or not line[-1:].isdigit():
        return False
    last = None
    for m in DATE_EXPR.finditer(line, max(0, len(line) - 60)):
        last = m
    return last is not None and last.end() == len(line) and line[:last.start()].rstrip().endswith((",", ":", "—", "–"))


def _anchor_line(line: str, clock: _Clock) -> tuple[DateSpan, bool] | None:
    """The day a date line, time stamp or publication line gives the text under it (None if not one), and
    whether it is a date line (whose next block it dates as a dateline would: the old "date + entry" shape)."""
    if len(line) > 160 or not _ASCII_DIGIT.search(line):
        return None
    date_line = _is_bare_date(line)
    if not date_line and len(line) <= 60 and line.isupper() and _is_bare_date(line.title()):
        line = line.title()  # a schedule's "WEDNESDAY, 12 NOVEMBER 2025"
        date_line = True
    if not date_line and len(line) <= 60 and "," in line and (m := _PLACE_DATE.match(line)) and _is_bare_date(
            m["rest"]):
        text = BARE_DATE.match(m["rest"])["date"]  # "Antalya, Thursday, 15 May 2025": an anchor, as a
        # publication line is (it does not date the block under it as a dateline would)
    elif date_line:
        text = BARE_DATE.match(line)["date"]
    elif _may_open_with_date(line) and _CLOCK_TIME.search(line, 0, 60) and (m := STAMP.match(line)):  # a stamp
        text = m["date"]
    else:
        text = _publication_date(line) or _message_date(line) or _broadcast_date(line)
    span = parse_date_expr(text, clock.year, clock.order) if text else None
    if span is None or span.precision != "day" or span.start != span.end:
        return None
    return span, date_line


# The line an e-mail reader sets over a quoted message: "On Tue, 4 Mar 2025 at 09:12, Jane Roe wrote:", or
# the quoted message's own header line "Sent: Tuesday, 4 March 2025 09:12".
_MESSAGE_DATE = re.compile(rf"^(?:On|Sent:)\s+{WEEKDAY_PREFIX}?(?P<date>{DATE_EXPR.pattern})")


def _message_date(line: str) -> str | None:
    """The day a quoted message of an e-mail thread was written: its day anchors "yesterday" and weekdays in
    it, as a publication line's does (no item stamp: its undated sentences take no day)."""
    if not (line.endswith("wrote:") or line[:5] == "Sent:"):
        return None
    m = _MESSAGE_DATE.match(line)
    return m["date"] if m else None


# A monitoring digest's item head: "Text of report by Libyan state TV on 13 March:", or its source line "Al-Ahrar
# TV, Misrata, in Arabic 1800 gmt 11 Mar 25" over the item (the same line after it, "Source: …", heads nothing).
_REPORT_BY = re.compile(rf"^Text of (?:an? )?(?:report|interview|statement|commentary|editorial|speech|address|"
                        rf"announcement|article)\b.{{0,160}}?\bon (?P<date>{DATE_EXPR.pattern}):\s*$")
_BROADCAST_LINE = re.compile(r"^[A-Z].{2,120}, in [A-Z][a-z]+ \d{4} gmt (?P<d>\d{1,2}) (?P<m>[A-Z][a-z]{2}) "
                             r"(?P<y>\d{2})\s*$")


def _broadcast_date(line: str) -> str | None:
    """The day a monitored broadcast went out, from the head of its item: "today" in it is that day."""
    if line.startswith("Text of ") and (m := _REPORT_BY.match(line)):
        return m["date"]
    if " gmt " in line and not line.startswith("Source") and (m := _BROADCAST_LINE.match(line)):
        return f"{m['d']} {m['m']} 20{m['y']}"
    return None


# A day heading that names no month: "Tuesday the 4th", "Thursday 6th" (a diary's days, after a dated one).
_WEEKDAY_ORDINAL = re.compile(rf"^\W*(?P<wd>{_WEEKDAY_NAMES}),?\s+(?:the\s+)?(?P<d>[12]\d|3[01]|0?[1-9])"
                              r"(?:st|nd|rd|th)\W*$")


# A month's heading in a year's list of days: "April", "July 2025".
_MONTH_LINE = re.compile(r"^(?:January|February|March|April|May|June|July|August|September|October|November|"
                         r"December)(?:\s+\d{4})?$")


def _entry_head_day(line: str, clock: _Clock) -> DateSpan | None:
    """The day a block's entry head gives ("29 October – Lee and Trump hold a summit …")."""
    m = ENTRY_HEAD.match(line) if _may_open_with_date(line) else None
    span = parse_date_expr(m["date"], clock.year, clock.order) if m else None
    return span if span is not None and span.precision == "day" else None


def _is_item_stamp(line: str) -> bool:
    """A time stamp over one item of a feed: only the stamp and its source ("2025-05-19 07:12 via Digi24",
    "14 May 15:40 | Reuters"), not a publication line ("Updated 21:47 GMT, 19 May 2025")."""
    m = STAMP.match(line) if _may_open_with_date(line) else None
    return m is not None and len(line) - m.end() <= 40 and not _SENTENCE_WORD.search(line, m.end())


_SENTENCE_WORD = re.compile(r"\b(?:[a-z]{2,}\s+){3}")  # three lowercase words in a row: text, not a source's name


def _is_day_heading(block: Block) -> bool:
    """A line that is only a day: "Monday 3rd March", "WEDNESDAY, 12 NOVEMBER 2025", "Tuesday the 4th"."""
    line = block.text
    if len(line) > 60 or not _may_open_with_date(line.title()):
        return False
    return _is_bare_date(line) or (line.isupper() and _is_bare_date(line.title())) or (
        _WEEKDAY_ORDINAL.match(line) is not None)


# An entry that opens with a clock time ("21:47 GMT", "09:30   Meeting with …"): a log's entry.
_CLOCK_OPEN = re.compile(r"^\d{1,2}[:.]\d\d\b")


def _ordinal_day_heading(line: str, clock: _Clock) -> tuple[DateSpan, bool] | None:
    """The day a month-less day heading names: the first day with that number on or after the last day
    heading (or anchor) that falls on its weekday; None when none does within two months."""
    base = clock.day or clock.anchor
    if base is None or len(line) > 30 or line[:3] not in DATE_HEADS or not (m := _WEEKDAY_ORDINAL.match(line)):
        return None
    wd, day_no = _WEEKDAYS.index(m["wd"].lower()), int(m["d"])
    year, month = base.start.year, base.start.month
    for _ in range(3):
        try:
            day = date(year, month, day_no)
        except ValueError:
            day = None
        if day is not None and day >= base.start and day.weekday() == wd:
            return DateSpan(day, day, "day", base.inferred), True
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


def _paragraph(text: str, index: int, clock: _Clock) -> _Paragraph:
    """The block's dateline: with a date or an agency; a bare place ("CHISINAU --") only under an anchor. The
    first block under a date line takes that date as its dateline's."""
    dl = DATELINE.match(text) if "A" <= text[:1] <= "Z" else None
    if dl and not (dl["date"] or dl["agency"]) and not (clock.anchor and dl.group(0).rstrip().endswith(("—", "--"))):
        dl = None
    para = _Paragraph(index, dl)
    if dl and dl["date"]:
        span = parse_date_expr(dl["date"], clock.year, clock.order)
        if span is not None and span.precision == "day" and span.start == span.end:
            para.date = clock.last = span
    elif clock.heads_next and clock.anchor is not None:
        para.date = clock.last = clock.anchor
    return para


def _date_block(block: Block, para: _Paragraph, clock: _Clock, out: list[Entry], repeats: set[int]) -> None:
    """Date the sentences of one block, appending their entries to `out`."""
    previous: Entry | None = None
    dl = para.dateline
    for i, sent in enumerate(sentences(block)):
        skip = dl.end() if dl and i == 0 else 0
        body = sent.text[skip:]
        if _is_date_only(body):  # a reference's "15 January 2025." or "29 October 2025. pp. 1–3.": no act
            if (span := parse_date_expr(_DATE_ONLY.match(body)["date"], clock.year, clock.order)) is not None:
                _advance(clock, para, span, "act")  # (a day later days may count from, as a dated line)
            previous = None
            continue
        if _is_metadata(body):
            if (m := _PUBLISHED.match(body)) and (day := parse_date_expr(m["date"], clock.year, clock.order)):
                clock.written = day  # "Updated 2 April 2025.": no act of the text falls after it
            previous = None
            continue
        if "between " in body and _SPAN_TO_NOW.search(body):
            previous = None  # "what happened between Feb 24 and yesterday": the span a recap covers, no act
            continue
        if body[-1:] == ":" and len(body) < 80 and _verbless(body):
            previous = None  # "Two additions from this morning:": a lead-in to what follows, no act
            continue
        if body[-1:] == "?" and ";" not in body:  # (not "On 20 May X did Y; how many …?": the first clause tells)
            previous = None  # a question ("How does Lima respond?", "Will the visit ease tensions?") tells no act
            continue
        found = _date_of(body, i, para, clock)
        if found and found[1] == "anchor" and para.quoted:
            previous = None  # the quoted post's "today" is the day it was posted, not the thread's
            continue
        if found and found[1] in ("act", "anchor") and "peat" in body and _RECAP.search(body):
            found = found[0], "repeat"  # "…, to repeat what we said earlier, spoke on Thursday": told before
        if found and found[1] in ("act", "anchor", "dateline", "scene") and (_is_future(body) or _PLANNED.search(body)):
            found = None  # "X will be sworn in on 24 May": not (yet) an act
            previous = None
            continue
        if found and found[1] == "background" and para.date is None:
            previous = None  # "X, whose exit took effect on 29 January 2025, coordinates …": the clause's, no act
            continue
        if found and found[1] == "published":
            _advance(clock, para, found[0], "act")  # a dated happening later days count from, not an act
            previous = None
            continue
        if found:
            span, how = found
            place = dl["place"] if dl and how == "dateline" else ""
            venue = dl["place"] if dl and " here" in body and _HERE.search(body) else ""  # "held talks here"
            start = sent.start + skip
            clause = _AND_DATED_CLAUSE.search(body) if ", and " in body else None
            later = _date_of(body[clause.end("and"):], 1, para, clock) if clause else None
            if later and later[1] in ("act", "anchor") and later[0] != span and _acts_on_its_own(body[clause.end():]):
                # "…, and on 10 June the Minister, Chris Elmore, travelled to Brasilia": an act of its own day
                out.append(Entry(span, body[:clause.start()], start, start + clause.start(), source="narrative",
                                 place=place))
                span, body, start, place = later[0], body[clause.end("and"):], start + clause.end("and"), ""
            previous = Entry(span, body, start, sent.end, source="narrative", place=place, venue=venue)
            out.append(previous)
            if how == "repeat":
                repeats.add(id(previous))
            _advance(clock, para, span, how)
            if how not in ("background", "repeat"):
                clock.walk = span.start != span.end and body.lstrip()[:5] == "From "
        elif previous and _JOINS_PREVIOUS.search(sent.text):
            previous.text = block.text[previous.start - block.start:sent.end - block.start]
            previous.end = sent.end
        else:
            previous = None


# "here" as the place of the act, in a datelined item: "held talks here on Thursday", not "here is why".
_HERE = re.compile(r"(?<=[a-z] )here\b(?!\s+(?:is|are|was|were)\b)")


def _acts_on_its_own(clause: str) -> bool:
    """A clause with its own named subject and finite verb: "the Minister …, Chris Elmore, travelled to …"."""
    from transforms.events import is_finite, main_verb  # events does not import this module

    pred = main_verb(clause)
    return pred is not None and 0 < pred.start <= 100 and is_finite(clause, pred) and any(
        w[:1].isupper() for w in clause[:pred.start].split())


# A clause of its own day joined by ", and": "…, and on 10 June the Minister … travelled", "…, and on Saturday X flew".
_AND_DATED_CLAUSE = re.compile(rf",\s+(?P<and>and)\s+on\s+(?:{WEEKDAY_PREFIX}?{DATE_EXPR.pattern}|"
                               r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\s*,?\s+(?=[A-Za-z])")


def _advance(clock: _Clock, para: _Paragraph, span: DateSpan, how: str) -> None:
    """Move the last act's date: not for a background or noun-phrase date ("whom the Rada confirmed on
    Sept. 5", "the Aug. 25 round"), nor for a range inside a datelined paragraph ("runs from 4 to 14 March")."""
    if how in ("anchor", "scene"):
        para.scene = span
    if how in ("background", "repeat"):
        return
    clock.last = span if para.date is None or span.start == span.end else para.date
    clock.last_block = para.index


_SPAN_TO_NOW = re.compile(rf"\b[Bb]etween\s+(?:{DATE_EXPR.pattern})\s+and\s+(?:yesterday|today|now|tonight|"
                          r"this (?:morning|week))\b")


# A day's list of people: "…: Ms Jane Roe, Principal Secretary; Mr John Doe, Director" (witnesses, attendees)
_ATTENDANCE = re.compile(r"(?:Ms|Mr|Mrs|Dr|Prof|Hon|H\.E\.)\.?\s+[A-Z][^;]{3,160};")


def _is_attendance_list(line: str) -> bool:
    head = ENTRY_HEAD.match(line) if ";" in line else None
    return head is not None and _ATTENDANCE.match(line, head.end()) is not None


_QUOTED_POST = re.compile(r"(?:QT|RT)\s+@\w+:")


def _verbless(sentence: str) -> bool:
    from transforms.events import main_verb  # events does not import this module

    return main_verb(sentence) is None


def _day_from_anchor(body: str, base: DateSpan) -> tuple[DateSpan, str] | None:
    """The day "today", "yesterday" or a weekday in the sentence names, counted from `base`."""
    today = _TODAY.search(body)
    weekday = _weekday_date(body, base)
    if today and weekday and (wd := _WEEKDAY.search(body)) and wd.start() < today.start():
        return weekday  # "on Saturday, and yesterday with …": the first day named is the act's
    if today:
        day = _days_before(base, 1) if today["yesterday"] else base
        as_said = _AS_SAID.match(body) if body.lstrip()[:3] == "As " else None
        return day, ("repeat" if as_said and today.start() < as_said.end() else "anchor")
    return weekday


def _date_of(body: str, i: int, para: _Paragraph, clock: _Clock) -> tuple[DateSpan, str] | None:
    """The sentence's date and how it was found: explicit ("act", or "background"/"repeat" for a date in a
    relative clause or a noun phrase), from the anchor ("anchor"), the dateline ("dateline"), or the scene
    just told ("scene")."""
    last = clock.last
    if clock.walk and last is not None:  # "From 3 to 5 March he toured Spain. The following day …": the 4th
        last = DateSpan(last.start, last.start, last.precision, last.inferred)
    found = _sentence_date(body, clock.year, last, clock.order)
    if found:
        span = found[0]
        written = clock.published or clock.written
        if span.inferred and written and span.start > written.start and last and last.start <= written.start:
            span = _in_running_year(span, last)  # "On 9 October 2024 … On 24 October" on a 2025 page: 2024's
            found = span, found[1]
        if span.inferred and clock.anchor is not None and span.start > clock.anchor.start + timedelta(days=31):
            found = _year_before(span), found[1]  # "on 1 November" in a February post: last November
        if found[1] in ("repeat", "background") and (base := para.date or para.item or clock.anchor) and (
                counted := _day_from_anchor(body, base)) and counted[1] == "anchor":
            return counted  # "struck on Sunday, damaging homes weakened by the 28 March quake": the verb's day
        if clock.published is None or found[0].start <= clock.published.start:
            return found
        # a day after the text's publication is planned ("attend the summit on 22–23 Nov"): the sentence's
        # act, if any, is dated by its weekday or "yesterday" below
    if "day" in body and (rel := _RELATIVE.search(body)) and _RELATIVE_CLAUSE.search(body, max(0, rel.start() - 80),
                                                                                     rel.start()):
        return None  # "the release, which was due the same day, has been held up": of another, unmade act
    if day_only := _day_only_date(body, clock):
        return day_only, "act"
    base = para.date or para.item or clock.anchor
    if base is not None and (counted := _day_from_anchor(body, base)):
        return counted
    if para.date is not None and (para.dateline is not None or not _prints_own_time(body)) and not (
            clock.day_by_date and _NARRATOR.match(body)) and _reports_named_act(
            body, first=(i == 0), scene=para.day_head, group=para.day_head and not clock.day_by_date):
        return para.date, "dateline"
    if clock.last is not None and clock.last_block >= para.index - 1 and _SAME_SCENE.search(body):
        return clock.last, "scene"
    if para.scene is not None and not _prints_own_time(body) and _reports_named_act(body, first=False, scene=True):
        return para.scene, "scene"
    return None


# A diarist's or a blogger's own doings under a day heading ("I ate …", "We left at 7"): not the acts reported.
_NARRATOR = re.compile(r"^\W*(?:I|We)\s")


# The future before a sentence's main verb: "X will be sworn in", "he is due to meet", "shall convene".
_FUTURE_BEFORE = re.compile(r"\b(?:will|shall|must|(?:is|are) (?:due|set|scheduled|expected|to be|going|supposed) to|"
                            r"(?:is|are) to)"
                            r"(?:\s+not)?(?:\s+(?:be|have))?\s+(?:\w+ly\s+)?$", re.IGNORECASE)


_FUTURE_ANY = re.compile(_FUTURE_BEFORE.pattern.replace(r"(?:\w+ly\s+)?$", r"(?:\w+ly\s+)?(?!the\b|a\b|an\b)[a-z]"),
                         re.IGNORECASE)
_FUTURE_WORDS = ("will", "shall", "must", "supposed to", "due to", "set to", "scheduled to", "expected to", "is to ",
                 "are to ", "going to")


# A date line marked as a plan: "7–8 April: President X in Moscow (planned)."
_PLANNED = re.compile(r"\((?:planned|provisional|tentative|tbc|to be confirmed|expected)\)", re.IGNORECASE)


def _is_future(sentence: str) -> bool:
    low = re.lowered(sentence)
    if low is not None and not any(w in low for w in _FUTURE_WORDS):
        return False
    if not _FUTURE_ANY.search(sentence):
        return False  # "the will of the people", "due to the storm"
    from transforms.events import main_verb  # events does not import this module

    if _THERE_WILL_BE.match(sentence):
        return True  # "On Friday, there will be a briefing …": the main clause itself is a plan
    pred = main_verb(sentence)
    if pred is None:  # "He will be back in New York on Monday": a future whereabouts, no act verb
        return _FUTURE_WHEREABOUTS.search(sentence) is not None
    return _FUTURE_BEFORE.search(sentence, max(0, pred.start - 40), pred.start) is not None


_THERE_WILL_BE = re.compile(r"\W*(?:[^,]{0,40},\s+)?[Tt]here\s+(?:will|shall)\s+(?:also\s+)?be\b")
_FUTURE_WHEREABOUTS = re.compile(r"\b(?:will|shall)\s+(?:then\s+|also\s+)?be\s+(?:back|in|at|home|away|there)\b",
                                 re.IGNORECASE)


# A speaker's recap of an act told before: "to repeat what we said earlier", "just to repeat".
_RECAP = re.compile(r"\b(?i:to repeat|repeating)\b")


# A fronted "As X said …," clause: it recalls a statement told before ("As the minister said in Rome this
# morning, …"); a day in it repeats that act's.
_AS_SAID = re.compile(r"^\W*As\s[^,]{0,100}?\b(?:said|noted|told|stressed|warned|put it|made clear)\b[^,]*,")


# "on the 14th", "On the 3rd": a day of the month the text is in.
# Fronted ("On the 3rd King Felipe …") it is always a day; inside a sentence only at a clause's end ("entered
# Bukavu on the 16th."), not "on the 14th floor", "on the 3rd Battalion".
_DAY_ONLY = re.compile(r"^\W*On the ([12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b|"
                       r"\bon the ([12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b"
                       r"(?=\s*(?:[,.;:)]|$|\s(?:and|when|after|before)\b))")


def _day_only_date(sentence: str, clock: _Clock) -> DateSpan | None:
    """'On the 3rd' after 'From 3 to 5 March': that month's day; under a date line (no act dated yet in its
    month), the latest such day on or before it."""
    if "the " not in sentence or not any(t in sentence for t in ("st", "nd", "rd", "th")):
        return None
    m = _DAY_ONLY.search(sentence)
    ref = clock.last or clock.anchor
    if m is None or ref is None:
        return None
    day_no = int(m.group(1) or m.group(2))
    base = ref.start
    try:
        day = base.replace(day=day_no)
        if clock.anchor is not None and day > clock.anchor.start:  # in the month before the briefing
            prev = base.replace(day=1) - timedelta(days=1)
            day = prev.replace(day=day_no)
    except ValueError:
        return None
    return DateSpan(day, day, "day", ref.inferred)


def _days_before(span: DateSpan, n: int) -> DateSpan:
    day = span.start - timedelta(days=n)
    return DateSpan(day, day, "day", span.inferred)


# A weekday that bounds a period ("in the 24 hours to 6 a.m. Friday", "until Monday"), not the act's day.
_BOUND_BEFORE = re.compile(r"\b(?:[Uu]ntil|[Tt]ill|to|[Tt]hrough|[Ss]ince)\s+(?:\d{1,2}(?:[:.]\d\d)?\s*[ap]\.m\.\s+)?$")


_NEXT_WEEKDAY = re.compile(r"\s+(?:and|to|through|[–-])\s*(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                           r"Sunday)\b(?!['’]s)")


def _weekday_date(sentence: str, anchor: DateSpan) -> tuple[DateSpan, str] | None:
    """'on Tuesday' in a paragraph datelined Thursday 9 May: the latest Tuesday on or before the
    dateline ('next Tuesday': the first after it). A possessive ("Sunday's runoff") is a noun phrase; a
    weekday in a name ("Good Friday") is no date."""
    low = re.lowered(sentence)
    if low is not None and "day" not in low:
        return None
    m = _WEEKDAY.search(sentence)
    if not m or _NAMED_DAY.search(sentence, max(0, m.start() - 12), m.start()):
        return None
    if _not_an_act_date(sentence, m.start(), m.end()) or _BOUND_BEFORE.search(sentence, max(0, m.start() - 30),
                                                                                 m.start()):
        return None  # "a survey released Thursday", "in the 24 hours to 6 a.m. Friday": not an act's day
    if sentence[m.end():m.end() + 2] == " (" and _BRACKETED_DATE.match(sentence, m.end()):
        return None  # "on Friday (7 Mar)": the date it prints says which Friday
    wd = _WEEKDAYS.index(m["wd"].lower())
    base = anchor.start
    if m["next"]:
        day = base + timedelta(days=(wd - base.weekday()) % 7 or 7)
    else:  # "last Monday" in a Monday item is a week back; "on Monday" is that day
        day = base - timedelta(days=(base.weekday() - wd) % 7 or (7 if m["last"] else 0))
    if (nth := _THE_NTH.match(sentence, m.end())) is not None:  # "last Thursday, the 10th": that day
        day = _nth_on_weekday(base, int(nth[1]), wd) or day
    possessive = sentence.startswith(("'s ", "’s "), m.end())
    end = day
    if (pair := _NEXT_WEEKDAY.match(sentence, m.end())) is not None:  # "last Thursday and Friday": both days
        end = day + timedelta(days=(_WEEKDAYS.index(pair["wd"].lower()) - wd) % 7)
    return DateSpan(day, end, "day", anchor.inferred), "repeat" if possessive else "anchor"


_BRACKETED_DATE = re.compile(rf"\s\((?:{DATE_EXPR.pattern})\)")
# The day of the month after a weekday: "on Sunday the 13th", "last Tuesday, the 15th".
_THE_NTH = re.compile(r",?\s+the\s+([12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b")


def _nth_on_weekday(base: date, day_no: int, wd: int) -> date | None:
    """The day numbered `day_no` nearest `base` (in its month or the one before or after) that falls on
    weekday `wd`; None when none does."""
    found = []
    for shift in (-1, 0, 1):
        month = base.month + shift
        year = base.year + (month - 1) // 12
        try:
            day = date(year, (month - 1) % 12 + 1, day_no)
        except ValueError:
            continue
        if day.weekday() == wd:
            found.append(day)
    return min(found, key=lambda d: abs((d - base).days), default=None)


# A verb right after a relative pronoun ("…, an officer who took command …"): the relative clause's verb.
_RELATIVE_VERB = re.compile(r"\b(?:who|which)\s+(?:\w+ly\s+)?$")


# A subject that counts the people just named: "The three", "The two leaders", "Both ministers" (not "The two
# also discussed …": more of the same act).
_GROUP_SUBJECT = re.compile(r"^(?:The (?:two|three|four|five)|Both)(?: [a-z]+)?\s+(?:then\s+)?$")
_PERFECT_BEFORE = re.compile(r"\b(?:has|have)\s+(?:been\s+)?(?:\w+ly\s+)?$")
# A verb in the simple past: "-ed" or a common irregular form.
_PAST_FORM = re.compile(r"\b(?:[a-z]{3,}ed|held|met|took|gave|made|said|told|spoke|went|came|sent|left|won|led|began|"
                        r"brought|paid|sought|saw|flew|drew|struck|broke|fought|threw|wrote|rode)\b")


def _past_before(sentence: str, end: int) -> bool:
    """A verb in the simple past comes before `end` ("X held talks …": "talks" is no present verb); a present
    perfect ("Serbia has been allocated …") does not count."""
    return any(not _PERFECT_BEFORE.search(sentence, max(0, m.start() - 30), m.start())
               for m in _PAST_FORM.finditer(sentence, 0, end))


def _reports_named_act(sentence: str, first: bool, scene: bool = False, group: bool = False) -> bool:
    """A sentence of a dateline paragraph that reports an act: the lede, or a later sentence whose
    subject names someone ("Under Secretary Jane Roe said …", not "Officials said …"). Not when the verb
    found is in a relative clause ("X, who took command last year, gave no answer"); in a scene told in the
    past ("On Thursday, …"), not a verb in the present ("Brussels keeps …, the Commission says"): a state.
    With `group` (under a weekly's day head) "The three signed …" counts the people just named."""
    from transforms.events import is_finite, main_verb  # events does not import this module

    pred = main_verb(sentence)
    if pred is None or not is_finite(sentence, pred):
        return False
    verb = pred.verb.split(" ", 1)[0]  # "held talks": "held"
    if (scene and verb != pred.lemma.split(" ", 1)[0] and verb[-1:] == "s" and not pred.passive
            and not _past_before(sentence, pred.start)):
        return False  # "Greenland receives …", "…, the Commission says": a state, in a scene told in the past
    if first:
        return True
    subject = sentence[:pred.start]
    if "," in subject and (_RELATIVE_CLAUSE.search(subject) or _RELATIVE_VERB.search(subject)):
        return False
    if group and _GROUP_SUBJECT.match(subject):
        return True  # "The three signed a treaty …": the people just named, under a weekly's day head
    words = subject.split()
    if not words or words[0].lower().strip(",") in _ANONYMOUS:
        return False
    return sum(w[:1].isupper() for w in words) >= 2


# A date that is a poll's fieldwork, not an act: "Gallup Korea's May 28-30 survey", "a poll taken June 3-5",
# "(fieldwork 1–3 April; …)", "ORC, 3–6 April (n = 2,340)".
_POLL_AFTER = re.compile(r"\s+(?:[A-Za-z-]+\s+)?(?:survey|poll)s?\b|\s*\(n\s*=\s*\d", re.IGNORECASE)
_POLL_BEFORE = re.compile(r"\b(?:survey|poll)s?\s+(?:was\s+|were\s+)?"
                          r"(?:conducted|taken|carried out|fielded|released|published)"
                          r"(?:\s+(?:on|from|between))?\s*$|\bfieldwork\s*:?\s*(?:on|from|between)?\s*$", re.IGNORECASE)
_PUBLISHED_BEFORE = re.compile(r"\b(?:published|released)\s+(?:on\s+)?$")
# A date that only bounds a period ("since May 28"), never the act's own.
_SINCE_BEFORE = re.compile(r"\b[Ss]ince\s+$")  # (a target date, "for 15 March", is tested as a suffix)
# A capitalised word (not a weekday or a sentence opener) directly before "May 4": part of a name.
_NAME_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|On|By|"
                          r"In|Until|Since|From|Before|After|Through|Between|Late|Early|Mid)\b)[A-Z][a-z]+\s+$")


_ASCII_DIGIT = re.compile(r"[0-9]")  # every DATE_EXPR form has a day or a year


def _sentence_date(sentence: str, year: int | None, last: DateSpan | None,
                   order: str = "") -> tuple[DateSpan, str] | None:
    """The date a sentence prints, with how it reads: "act", "background" (in a relative clause) or
    "repeat" (in a noun phrase); a relative date ("two days later") is an "act"."""
    rel = _relative_date(sentence, last, fronted=True)
    if rel:
        return rel, "act"  # "The same day X said … since May 28": the fronted relative date governs
    for m in DATE_EXPR.finditer(sentence) if _ASCII_DIGIT.search(sentence) else ():
        if year is None and not YEAR_RE.search(m.group(0)):
            continue
        if _not_an_act_date(sentence, m.start(), m.end()):
            if _PUBLISHED_BEFORE.search(sentence, max(0, m.start() - 20), m.start()) and (
                    span := parse_date_expr(m.group(0), year, order)) and span.precision == "day":
                return span, "published"  # "a poll published on March 15": no act, but "Two days later" counts from it
            continue
        span = parse_date_expr(m.group(0), year, order)
        if span and span.precision == "day":
            if span.inferred and sentence.startswith((" last year", " the year before", " the previous year"), m.end()):
                span = _year_before(span)  # "on 1 November last year"
            return span, _date_role(sentence, m.start(), m.end())
    rel = _relative_date(sentence, last, fronted=False)
    return (rel, "act") if rel else None


# A relative clause that holds the date: "Mr. X, whom the Rada confirmed on Sept. 5, …".
_RELATIVE_CLAUSE = re.compile(r",\s*(?:who|whom|whose|which)\b[^,]*$")
# A date as a noun's modifier: "the March 18 vote", "the Aug. 25 round" (not "at the May 3 dinner": there
# the act takes place).
_DETERMINER_BEFORE = re.compile(r"(?<!\b(?:[Aa]t|[Dd]uring|[Oo]n)\s+)\b(?:[Tt]he|a|an|[Ii]ts|[Tt]heir|his|her)\s+$")
_NOUN_AFTER = re.compile(r"(?:['’]s)?\s+(?!(?:to|and|or|through|until|till|in|at|on|when|as|after|before)\b)[a-z]")


def _year_before(span: DateSpan) -> DateSpan:
    return _years_later(span, -1)


def _years_later(span: DateSpan, n: int) -> DateSpan:
    try:
        return DateSpan(span.start.replace(year=span.start.year + n), span.end.replace(year=span.end.year + n),
                        span.precision, span.inferred)
    except ValueError:  # 29 February
        return span


def _in_running_year(span: DateSpan, last: DateSpan) -> DateSpan:
    """A day printed without its year that would fall after the page was written is in the year of the act
    told before it: the report's year is the year the text was written, not the one it tells of."""
    return _years_later(span, last.start.year - span.start.year)


def _date_role(sentence: str, start: int, end: int) -> str:
    before = sentence[max(0, start - 80):start]
    if _RELATIVE_CLAUSE.search(sentence, max(0, start - 160), start):  # (a long "whose …" clause: the date is its)
        return "background"
    if sentence.startswith(("'s ", "’s "), end) or (
            _DETERMINER_BEFORE.search(before) and _NOUN_AFTER.match(sentence, end)):
        return "repeat"
    if sentence[:4] == "The " and _JUDGED_AFTER.match(sentence, end) and _NAMED_ACT_BEFORE.match(before):
        return "repeat"  # "The Lima meeting on 3 May was a step, not a deal.": a judgement of an act told before
    return "act"


# The subject of a judgement names a told act and its day: "The Lima meeting on 3 May", "The summit of 4 June"
_NAMED_ACT_BEFORE = re.compile(r"^The\s+(?:[A-Z][\w'’-]*\s+){0,3}(?:meeting|talks|summit|visit|call|vote|signing|"
                               r"round|session|ceasefire|deal|agreement)\s+(?:on|of)\s+$")
_JUDGED_AFTER = re.compile(r",?\s+(?:was|is|has been|remains|proved|looks)\s+(?!held\b|signed\b|attended\b)")


# A period a text covers ("edition (covering 1-30 September 2025)", "Reporting period: …"), a figure's period
# ("Vessels struck, 2-30 September: 4") and a forecast ("We expect … a vote on 21 October"): no act's dates.
_COVERING_BEFORE = re.compile(r"\b(?i:covering|covers|coverage|period covered|reporting period)"
                              r"(?:\s+(?:developments|events|the period))?\s*(?:from|between)?\s*:?\s*$")
_FIGURE_AFTER = re.compile(r"\s*:\s*(?:about\s+|some\s+|over\s+|nearly\s+)?\d")
_FORECAST_BEFORE = re.compile(r"\b(?:[Ww]e|[Tt]hey|[Aa]nalysts|[Oo]bservers)\s+(?:\w+ly\s+)?"
                              r"(?:expect|anticipate|forecast|foresee|predict)\b")
_SOURCES_BEFORE = re.compile(r"\bSources?\s*:[^.!?]*$")
# A market quantity and its moves: figures, not acts ("The peso closed at …", "The zloty traded at …")
MARKET_NOUNS = (r"(?:peso|dollar|euro|pound|yen|yuan|rupee|rand|naira|real|lira|rouble|ruble|zloty|leu|forint|"
                r"currency|shares|stocks|index|bourse|bonds?|yields?|prices|markets?)")
MARKET_MOVES = (r"(?:closed|ended|finished|fell|rose|traded|trading|gained|lost|slipped|climbed|dropped|jumped|firmed|"
                r"weakened|strengthened|opened|edged)")
_MARKET_SUBJECT = re.compile(r"\W*(?:The\s+)?(?:[A-Z][\w.-]*\s+)?(?i:" + MARKET_NOUNS + r")\s+(?i:" + MARKET_MOVES
                             + r")\b")
# A count taken over the date: "counted 5,700 new arrivals in the town between 10 and 15 October".
_COUNTED_BEFORE = re.compile(r"\b(?:counted|recorded|registered|logged|tallied|documented)\s+(?:about\s+|some\s+|"
                             r"over\s+|more than\s+|at least\s+|nearly\s+)?\d[\d,.]*\b[^.;:]{0,60}$")
_FORECAST_WORDS = ("xpect", "ticipate", "forecast", "foresee", "predict")


# A deadline or the day a rule starts to apply: "until 31 December 2026", "report by 15 June", "to apply from
# 1 December". Not the act's day.
# (and a deadline's day: "by COB Friday", "by close of business Friday (7 Mar)")
_DEADLINE_BEFORE = re.compile(r"\b(?:(?:[Uu]ntil|[Tt]ill|by(?:\s+(?:COB|EOD|close of business|end of (?:the )?day))?|"
                              r"(?:apply|applies|effect|effective|valid)\s+(?:from|as of))\s+)$")
# A document symbol after a date: "of 27 December 2024 (S/PRST/2024/9)", "(A/79/PV.12)".
_SYMBOL_AFTER = re.compile(r"\s\((?:[A-Z]{1,6}/)+\w")
_RECALLED_BEFORE = re.compile(r"\b(?:recalled|recalling)\b")
# A day something is still to be done on: "recorded to be broadcast on Sunday, 16 November", "to be signed on 3 May".
_TO_BE_BEFORE = re.compile(rf"\bto be\s+[a-z]+\s+(?:(?:in|at)\s+(?:[A-Z][\w'’.-]*\s+){{1,4}})?(?:on\s+|from\s+)?"
                           rf"{WEEKDAY_PREFIX}?$")  # "to be held on 3 May", "to be held in Lima from 3 to 5 May"
# A date that is not an act's: a birth date ("(born 14 June 1978)", an infobox's "| Born | …" or "| In office | …"
# row) or a state that lasted ("the crossing remained open on 3 and 4 May").
_STATE_BEFORE = re.compile(r"\b(?:[Bb]orn|b\.)\s*\|?\s*$|^\W*\|\s*(?:In office|Assumed office|Term of office|Term|"
                           r"Died)\s*\|[^|]{0,30}$|\b(?:remained|remains|stayed|stays)\s+(?:[a-z]+\s+){1,2}(?:on|until|through)\s+$")
_STATE_WORDS = ("orn", "b.", "|", "ain", "tay")  # what every _STATE_BEFORE match holds: a cheap test before it
# A schedule's week number: the days after it are its period ("Week 46: Wednesday, 12 – Saturday, 15 November").
_WEEK_NO = re.compile(r"\b[Ww]eek\s+\d{1,2}\s*:")
# A street after a day and a month: "14 Jan Smuts Avenue" is an address.
_ADDRESS_AFTER = re.compile(r"\s+[A-Z][a-z]+\s+(?:Avenue|Street|Road|Drive|Lane|Boulevard|Square|Place|Way)\b")


_OWN_ADOPTION = re.compile(r"\W*(?:This|The present)\s+(?:[Rr]eport|[Dd]ocument|[Pp]aper)\s+(?:was|has been|is)\s+"
                           r"(?:adopted|approved|agreed|finali[sz]ed|tabled|submitted|prepared|completed)\b")
_NOTHING_SUBJECT = re.compile(r"(?:None|Nothing)\b")


def _not_an_act_date(sentence: str, start: int, end: int) -> bool:
    before = sentence[max(0, start - 40):start]
    if _SINCE_BEFORE.search(before) or (sentence.startswith("May", start) and _NAME_BEFORE.search(before)):
        return True  # "since May 28"; "the supply boat Unaizah May 4" (a name, not a date)
    if _DEADLINE_BEFORE.search(before) or (sentence[end:end + 1] == " " and _ADDRESS_AFTER.match(sentence, end)):
        return True  # "renewed, until 31 December 2026, …", "report by 15 June"; "14 Jan Smuts Avenue"
    if ("to be " in before and _TO_BE_BEFORE.search(before)) or ((any(map(before.__contains__, _STATE_WORDS)))
                                                                   and _STATE_BEFORE.search(before)) or (
            "eek " in sentence[:start] and _WEEK_NO.search(sentence, 0, start)):
        return True
    if sentence[end:end + 2] == " (" and _SYMBOL_AFTER.match(sentence, end):
        return True  # "the statement by its President of 27 December 2024 (S/PRST/2024/9)": a document's date
    if "recall" in sentence[:start] and _RECALLED_BEFORE.search(sentence, 0, start):
        return True  # "He recalled that the mission took over on 1 January 2025": told before, background
    if before.endswith(("for ", "For ", "as of ", "As of ", "as at ", "As at ")):
        return True  # "called a rally for 15 March", "set for Friday": a planned act's; "As of 3 March": a status
    if _COVERING_BEFORE.search(before) or (sentence[end:end + 1] == ":" and _FIGURE_AFTER.match(sentence, end)):
        return True
    if any(w in sentence[:start] for w in _FORECAST_WORDS) and _FORECAST_BEFORE.search(sentence, 0, start):
        return True
    if "Source" in sentence[:start] and _SOURCES_BEFORE.search(sentence, 0, start):
        return True  # "Sources: UN press release SC/16178 of 30 September 2025": a citation's date
    if sentence[:1] in "Tt" and _OWN_ADOPTION.match(sentence):
        return True  # "This Report was adopted by the Committee on 25 March": the document's own day
    if sentence[:1] == "N" and _NOTHING_SUBJECT.match(sentence):
        return True  # "None of that changed on 3 May", "Nothing moved on Friday": a day when nothing happened
    if _MARKET_SUBJECT.match(sentence):
        return True  # "The peso closed Friday at 1,445 to the dollar": a market's figure, not an act
    if "ed " in sentence[:start] and _COUNTED_BEFORE.search(sentence, 0, start):
        return True  # "IOM counted 5,700 arrivals between 10 and 15 October": a count's period
    low = re.lowered(sentence)
    if low is not None and "survey" not in low and "poll" not in low and "fieldwork" not in low and "(n" not in low:
        return False
    return bool(_POLL_AFTER.match(sentence, end) or _POLL_BEFORE.search(before))


def _relative_date(sentence: str, last: DateSpan | None, fronted: bool) -> DateSpan | None:
    if last is None:
        return None
    low = re.lowered(sentence)
    rel = _RELATIVE.search(sentence) if (low is None or "day" in low) else None  # every form says "day"
    if rel and fronted and rel.start() > 20:
        return None
    if rel and not fronted and _RELATIVE_CLAUSE.search(sentence, max(0, rel.start() - 80), rel.start()):
        return None  # "the release, which was due the same day, has been held up": not the act's day
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
