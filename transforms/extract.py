"""One report in, Arrow tables out: reports, events, event_mentions, participants,
participant_aliases, event_participants, metrics (see warehouse/schema.py)."""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date

import pyarrow as pa

from transforms import _regex as re
from transforms.chronology import (
    ADMIN_KINDS,
    CITATION,
    JOINT_SUBJECT,
    JOINT_VERB,
    JOINT_WORDS,
    MARKET_MOVES,
    MARKET_NOUNS,
    PLACE_WORDS,
    VISIT_HEAD,
    Entry,
    chronology_entries,
    dated_sentences,
    ends_with_abbreviation,
    is_furniture,
    split_lines,
    stated_period,
)
from transforms.dates import (
    DATE_EXPR,
    WEEKDAY_PREFIX,
    YEAR_RE,
    DateSpan,
    dateline_day,
    delivery_day,
    dtg_day,
    parse_date_expr,
    title_day,
)
from transforms.document import Document
from transforms.events import (
    FORCE_NOUNS,
    MILITARY_STRIKE,
    REPORTING,
    VERB_TYPES,
    Location,
    Predicate,
    actor_countries,
    classify,
    complement_verb,
    election_place,
    find_location,
    fronted_place,
    host_location,
    is_finite,
    is_remote,
    main_verb,
    topic_cut,
    weapon_owner,
)
from transforms.identity import minhash_signature
from transforms.metrics import find_metrics
from transforms.metrics_context import describe_metric
from transforms.people import (
    ROLE_WORDS,
    Mention,
    PeopleContext,
    ResolvedPerson,
    Scan,
    country_from_title,
    find_mentions,
    is_title_word,
    leading_country,
    learn_name_order,
    of_country,
    participant_id,
    resolve,
    scan,
    sub_scan,
)
from transforms.reference import Reference, Role, fold
from warehouse.schema import (
    EVENT_MENTIONS,
    EVENT_PARTICIPANTS,
    EVENTS,
    EXTRACTOR_VERSION,
    METRICS,
    PARTICIPANT_ALIASES,
    PARTICIPANTS,
    REPORTS,
)


def stable_id(prefix: str, *parts: object) -> str:
    raw = "\x1f".join(map(str, parts))
    return f"{prefix}_{hashlib.sha256(raw.encode()).hexdigest()[:20]}"


@dataclass
class Act:
    """One event-worthy act inside an entry."""

    entry: Entry
    text: str
    start: int  # offset in the document
    kind: str | None = None  # a preset event type (a speaker's words joined by ", with …": a statement)
    verb: Predicate | None = None  # a preset main verb ("… declaring …"), else main_verb(text)
    shown: tuple[int, str] | None = None  # (offset in the document, text) of the sentence to show, if not text


@dataclass
class ReportState:
    doc: Document
    ref: Reference
    file_id: str
    report_id: str
    people: PeopleContext
    events: list[dict] = field(default_factory=list)
    mentions: list[dict] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)
    persons: dict[str, ResolvedPerson] = field(default_factory=dict)
    scanned: Scan | None = None  # the document's tokens, cut up for the acts
    last_subject: tuple[ResolvedPerson, str | None, Mention] | None = None  # who "he"/"she" may refer to
    # "the Secretary" after "Secretary of State Antony Blinken": a title's forms -> its one holder so far
    # (None once two people have held it in the report)
    holders: dict[str, tuple[ResolvedPerson, str | None] | None] = field(default_factory=dict)
    doc_mentions: list[Mention] = field(default_factory=list)  # everyone named in the document, in order
    doc_starts: list[int] = field(default_factory=list)
    titled_pair: tuple[str, ...] = ()  # the two states a "X-Y RELATIONS" title names
    publisher: str | None = None  # the state whose ministry or government published the page
    home: str | None = None  # the one state the report is about or published by ("2025 in South Korea")
    # every holder of a title's forms, in order (`holders` forgets them once two have held it)
    all_holders: dict[str, list[tuple[ResolvedPerson, str | None]]] = field(default_factory=dict)


def extract_document(doc: Document, ref: Reference, *, file_id: str, report_id: str,
                     file_name: str = "") -> dict[str, pa.Table]:
    """Extract every table of one report. Pure: no I/O, deterministic for the same input."""
    blocks = split_lines(doc.text)
    period = stated_period(blocks)
    titled_year = _title_year(doc)
    entries = chronology_entries(doc.text, default_year=period[1].year if period else (
        titled_year or _printed_year(doc.text)), last_year=titled_year)
    entries = _day_entries(entries)
    has_chronology = bool(entries)
    year_inferred = False
    if not entries:
        published = _published_day(doc)
        year, year_inferred = (titled_year, False) if titled_year and not period else report_year(
            doc.text, ref, period, _weak_year_lines(doc), published)
        entries = dated_sentences(doc.text, year, anchor=published)
        entries = [_mark_inferred(e, year_inferred) for e in entries]
    titled = titled_pair(doc, ref)
    state = ReportState(doc, ref, file_id, report_id,
                        PeopleContext(report_countries=titled or most_named_countries(doc, ref)), titled_pair=titled,
                        publisher=(publisher := publisher_state(doc, ref)), home=publisher or title_state(doc, ref))
    prime_people(doc.text, state, period)
    previous: list = []
    for k, entry in enumerate(entries):
        if not (k and entry.span.start == entries[k - 1].span.start and _SAME_ACTORS.search(entry.text.lstrip())):
            previous = []  # unless "The three signed …" goes on with the people of the entry before
        for act in split_acts(entry, ref):
            previous = add_event(state, act, previous)
    _fill_learned_states(state)
    metrics = metric_rows(state, period, entries)
    tables = {
        "events": EVENTS.from_rows(state.events),
        "event_mentions": EVENT_MENTIONS.from_rows(state.mentions),
        "participants": PARTICIPANTS.from_rows(participant_rows(state)),
        "participant_aliases": PARTICIPANT_ALIASES.from_rows(alias_rows(state)),
        "event_participants": EVENT_PARTICIPANTS.from_rows(state.links),
        "metrics": METRICS.from_rows(metrics),
    }
    tables["reports"] = REPORTS.from_rows([report_row(state, period, entries, has_chronology,
                                                      year_inferred, len(metrics))])
    return tables


def _day_entries(entries: list[Entry]) -> list[Entry]:
    """The entries that name a day: a month-only head ("March 2024: …", a table row dated "December 2024")
    resolves to no day, so it is no event."""
    return [e for e in entries if e.span.precision == "day"]


def _weak_year_lines(doc: Document) -> tuple[str, ...]:
    """What the reader kept aside that may print a year: a copyright footer, a publication date."""
    return tuple(v for k in ("footer", "published") if (v := (doc.metadata or {}).get(k)))


_ISO_DAY = re.compile(r"^\s*((?:19|20)\d\d)-(\d\d)-(\d\d)")


def _published_day(doc: Document) -> DateSpan | None:
    """The day the reader found the page published on (`<meta property="article:published_time">`, an
    e-mail's `Date:` header): what a news item's undated "Nov 18" and "on Tuesday" count from."""
    value = (doc.metadata or {}).get("published") or ""
    m = _ISO_DAY.match(value)
    if m is None and (e := DATE_EXPR.search(value)):
        span = parse_date_expr(e.group(0), None)
        return span if span is not None and span.precision == "day" and span.start == span.end else None
    if m is None:
        return _titled_day(doc.title or "") or _head_day(doc.text)
    try:
        day = date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
    return DateSpan(day, day, "day", False)


_HEAD_BLOCKS = 12  # a page's own date lines sit above its text


def _titled_day(title: str) -> DateSpan | None:
    """The day a page's title says it was given on ("… Press Conference on March 5, 2025")."""
    return _one_day(expr) if (expr := title_day(title)) else None


def _head_day(text: str) -> DateSpan | None:
    """The day a line at the head of the text gives the page: a cable's date-time group, a speech's
    delivery line."""
    for block in split_lines(text[:3000])[:_HEAD_BLOCKS]:
        line = block.text.strip()
        if (day := dtg_day(line)) if line[:1].isalpha() or line[6:7] == "Z" else None:
            return DateSpan(day, day, "day", False)
        if ("—" in line or "–" in line or " - " in line) and (printed := delivery_day(line)):
            return _one_day(DATE_EXPR.search(printed).group(0))
        if printed := dateline_day(line):
            return _one_day(printed)
    return None


def _one_day(expr: str) -> DateSpan | None:
    span = parse_date_expr(expr, None)
    return span if span is not None and span.precision == "day" and span.start == span.end else None


# A title that names the year it covers: "List of state visits … in 2025", "… during 2024", "Review of 2023".
_TITLE_YEAR = re.compile(r"\b(?:in|during|for|of)\s+((?:19|20)\d\d)\W*$")


def _title_year(doc: Document) -> int | None:
    """The year a report's title (or first heading) says it covers; its undated days are that year's even
    where the lead looks back to an earlier one ("after taking office in September 2024")."""
    title = doc.title or (doc.metadata or {}).get("heading") or ""
    m = _TITLE_YEAR.search(title) if title.rstrip(" .)")[-4:].isdigit() else None
    return int(m.group(1)) if m else None


def _mark_inferred(e: Entry, inferred: bool) -> Entry:
    e.span = type(e.span)(e.span.start, e.span.end, e.span.precision, inferred and e.span.inferred)
    return e


# ----------------------------------------------------------------------------- report level

def titled_pair(doc: Document, ref: Reference) -> tuple[str, ...]:
    """The states a report's title says it is about ("US-JAPAN RELATIONS"), or ()."""
    head = " ".join(b.text for b in split_lines(doc.text)[:15])
    if doc.title:
        head = doc.title + " " + head
    m = re.search(r"\b([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?(?:\s?[-–]\s?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)+)\s+"
                  r"(?:RELATIONS|Relations|ALLIANCE|Alliance)\b", head)  # "Russia–North Korea Relations"
    if m:
        codes = [_state_named_last(p, ref) for p in re.split(r"[-–]", m.group(1))]
        if all(codes):
            return tuple(codes)  # type: ignore[arg-type]
    return ()


# A page a government body published: "Press releases | Ministry of Foreign Affairs, Republic of Ghana",
# "Ministry of Foreign Affairs of Japan", "U.S. Department of State", "Government of Serbia".
_GOVERNMENT_BODY = (r"(?:Ministry|Department|Government|Presidency|Embassy|Prime Minister['’]s Office|"
                    r"Office of the (?:President|Prime Minister))")
_BODY_THEN_STATE = re.compile(_GOVERNMENT_BODY + r"\b(?:\s+(?:of|for)\s+[A-Z][\w'’]*(?:\s+(?:[A-Z][\w'’]*|and|&))*)?"
                              r"(?:\s*,\s*|\s+of\s+)(?:the\s+)?(?P<state>[A-Z][\w'’.]*(?:\s+(?:of\s+)?[A-Z][\w'’.]*){0,3})")
_STATE_THEN_BODY = re.compile(r"(?P<state>[A-Z][\w'’.]*(?:\s+[A-Z][\w'’.]*)?)(?:['’]s)?\s+(?:Foreign\s+)?"
                              + _GOVERNMENT_BODY + r"\b")


def publisher_state(doc: Document, ref: Reference) -> str | None:
    """The one state whose government body the page's title or first lines name as its publisher."""
    # (a masthead or heading line; not a sentence of the body: "… said the Lebanese Ministry of Public Health")
    head = "\n".join([doc.title or "", doc.publication or "",
                      *(b.text for b in split_lines(doc.text[:3000])[:8] if len(b.text) <= _HEAD_LINE)])
    if not re.search(_GOVERNMENT_BODY, head):
        return None  # a cheap test before the two patterns
    found = {code for pattern in (_BODY_THEN_STATE, _STATE_THEN_BODY) for m in pattern.finditer(head)
             if (code := _state_in(m["state"], ref))
             and not _TOLD_OF_BODY.search(head, max(0, m.start() - 40), m.start())}
    return found.pop() if len(found) == 1 else None


_HEAD_LINE = 150  # characters: longer lines are the body's sentences
# "At the invitation of the Government of Fiji, …": a government the page tells of, not its publisher
_TOLD_OF_BODY = re.compile(r"\b(?:invitation|behalf|request|auspices)\s+of\s+(?:the\s+)?$")


def title_state(doc: Document, ref: Reference) -> str | None:
    """The one state a report's title names ("2025 in South Korea", "Mozambique after the vote"), or None."""
    title = doc.title or next((b.text for b in split_lines(doc.text[:2000]) if b.text.strip()), "")
    found = _states_named(title[:200], ref)
    if not found:  # a document whose title is its symbol: "S/2025/231 … Situation in Myanmar" in its head lines
        heads = [b.text for b in split_lines(doc.text[:1500])[:8]]  # headings, not sentences
        found = _states_named("\n".join(h for h in heads if len(h) < 80 and h[-1:] not in ".:"
                                        and not _LANGUAGE_LINE.match(h)), ref)
    return found.pop() if len(found) == 1 else None


_LANGUAGE_LINE = re.compile(r"(?:Original|Language|Languages)\s*:")  # "Original: English" names no state


def _states_named(text: str, ref: Reference) -> set[str]:
    return {code for m in re.finditer(r"[A-Z][\w.'’]*(?:[ \t]+[A-Z][\w.'’]*){0,3}", text)
            if (code := _state_in(m.group(0), ref))}


def _state_in(phrase: str, ref: Reference) -> str | None:
    """The state a run of capitalised words names: "Republic of Ghana Press" -> GHA."""
    words = re.sub(r"['’]s\b", "", phrase).split()
    for n in range(len(words), 0, -1):
        for k in range(len(words) - n + 1):
            key = fold(" ".join(words[k:k + n]))
            if code := ref.country_by_name.get(key) or ref.country_by_adjective.get(key):
                return code
    return None


def _state_named_last(phrase: str, ref: Reference) -> str | None:
    """The state the phrase ends with: "NORTH KOREA", "Print RUSSIA" (a menu word before the title)."""
    words = phrase.split()
    for k in range(len(words)):
        key = fold(" ".join(words[k:]))
        if code := ref.country_by_name.get(key) or ref.country_by_adjective.get(key):
            return code
    return None


def most_named_countries(doc: Document, ref: Reference) -> tuple[str, ...]:
    """The two states the report names most."""
    counts: Counter[str] = Counter()
    for word in re.findall(r"[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?", doc.text[:20000]):
        iso3 = ref.country_by_name.get(fold(word)) or ref.country_by_adjective.get(fold(word))
        if iso3:
            counts[iso3] += 1
    return tuple(c for c, _ in counts.most_common(2))


def report_year(text: str, ref: Reference, period: tuple[date, date] | None,
                weak_lines: tuple[str, ...] = (), published: DateSpan | None = None) -> tuple[int | None, bool]:
    """The year of undated day-month expressions: the stated period, the year most printed with the
    report's own dates, else inferred from who holds which office at those dates, else the year the body
    mentions most. A target ("by 2030", "until 2027") is not the report's year; a copyright line or a
    publication date (`weak_lines`: the reader's footer, a published date) is only a weak signal (an upper
    bound, or the last resort), never preferred to the body's own evidence. A page's publication day
    (`published`: its metadata or e-mail header) is the year of a news item, unless the body prints days
    of other years only: the months and years its text names ("an election in June 2026", "the offensive
    of September 2023") are background, not the item's dates."""
    if period:
        return period[1].year, False
    blocks = split_lines(text)
    body = [b.text for b in blocks if not _is_furniture(b.text) and not CITATION.match(b.text)]
    printed: Counter[int] = Counter()
    printed_days: Counter[int] = Counter()
    for line in body:  # the first dozen dates printed with a year are evidence enough
        if printed.total() < 12 and YEAR_RE.search(line):
            for m in DATE_EXPR.finditer(line):
                if (y := YEAR_RE.search(m.group(0))) is None:
                    continue
                day = (span := parse_date_expr(m.group(0), None)) is not None and span.precision == "day"
                if not day and _BACKGROUND_MONTH.search(line, 0, m.start()):
                    continue  # "the fire of May 2024": a month the text looks back to
                printed[int(y.group(1))] += 1
                if day:
                    printed_days[int(y.group(1))] += 1
    if published is not None and (not printed_days or published.start.year in printed_days):
        return published.start.year, False
    if printed:  # days printed with their year, if any, before months ("in March 2025")
        return _most_common_year(printed_days or printed, latest=False), False
    mentioned = [y for line in body for y in _mentioned_years(line)]
    weak = [int(y) for line in [*(b.text for b in blocks if _is_furniture(b.text)), *weak_lines]
            for y in YEAR_RE.findall(line)]
    return _year_from_offices(" ".join(body), ref, mentioned, max(weak) if weak else None), True


# A month and year after "of"/"since": a time the text looks back to ("the fire of May 2024", "since March 2023").
_BACKGROUND_MONTH = re.compile(r"\b(?:of|since)\s+$")


# A year the report looks ahead to, not the year it reports on: "by 2030", "until 2027", "2035 target".
_TARGET_BEFORE = re.compile(r"\b(?:by|until|till|before|through|ahead of|in time for|no later than|"
                            r"targets?|goals?|aims?(?: for)?)\s+(?:the\s+)?(?:end of\s+|fiscal\s+(?:year\s+)?|"
                            r"FY\s*)?$", re.IGNORECASE)
_TARGET_AFTER = re.compile(r"^\s*(?:targets?|goals?|deadline)\b", re.IGNORECASE)


def _mentioned_years(line: str) -> list[int]:
    """The years a body line names, without the targets it looks ahead to."""
    out = []
    for m in YEAR_RE.finditer(line) if any(map(line.__contains__, ("19", "20"))) else ():
        if _TARGET_BEFORE.search(line[max(0, m.start() - 30):m.start()]) or _TARGET_AFTER.match(
                line[m.end():m.end() + 12]):
            continue
        out.append(int(m.group(1)))
    return out


def _most_common_year(years: Counter[int], latest: bool) -> int:
    """The most frequent year; a tie goes to the latest (`latest`) or the first seen."""
    top = max(years.values())
    tied = [y for y, n in years.items() if n == top]  # Counter keeps first-seen order
    return max(tied) if latest else tied[0]


def _printed_year(text: str) -> int | None:
    """The year printed with the report's own dates, for chronology entries that omit it; a title that opens
    with its year ("2025 in South Korea") says it first (a page's "Scheduled" items may print a later one)."""
    lines = split_lines(text)
    if lines and (opening := _YEAR_TITLE.match(lines[0].text)):
        return int(opening.group(1))
    for line in lines:
        if not _is_furniture(line.text) and not CITATION.match(line.text):  # a footnote cites, it does not date
            for m in DATE_EXPR.finditer(line.text):
                y = YEAR_RE.search(m.group(0))
                if y:
                    return int(y.group(1))
    return None


_YEAR_TITLE = re.compile(r"\W*((?:19|20)\d\d)\s+in\s+[A-Z]")


def _is_furniture(line: str) -> bool:
    return is_furniture(line)


def _year_from_offices(text: str, ref: Reference, years: list[int], ceiling: int | None = None) -> int | None:
    """Score candidate years by how many named people held an office on the undated dates. `years` are
    the years the body mentions; `ceiling` a weak upper bound (a copyright or publication year). Without
    office evidence: the year the body mentions most (ties: the latest), else the ceiling."""
    fallback = _most_common_year(Counter(years), latest=True) if years else ceiling
    days = [(s.start.month, s.start.day) for m in DATE_EXPR.finditer(text)
            if (s := parse_date_expr(m.group(0), 2000))]
    if not days:
        return fallback
    if years:
        lo = min(years)
        hi = max(max(years) + 8, lo + 8)
    else:
        lo, hi = (ceiling - 10, ceiling) if ceiling else (2000, 2030)
    if ceiling and lo <= ceiling < hi:
        hi = ceiling  # a report is not about a year after its copyright line
    people = _people_with_roles(text, ref)
    best: tuple[int, int] | None = None
    for year in range(lo, hi + 1):
        score = sum(1 for pid in people if any(_in_office(ref, pid, _safe_date(year, md)) for md in days))
        if best is None or score > best[0] or (score == best[0] and year > best[1] and not years):
            best = (score, year)
    if best and best[0] > 0:
        return best[1]
    return fallback


def _safe_date(year: int, md: tuple[int, int]) -> date:
    try:
        return date(year, *md)
    except ValueError:
        return date(year, md[0], 28)


def _people_with_roles(text: str, ref: Reference) -> set[str]:
    out = set()
    for word in set(re.findall(r"\b[A-Z][a-z]+(?:[-'][A-Za-z]+)?\b", text)):
        ids = ref.people_by_family.get(fold(word), [])
        if len(ids) == 1 and ids[0] in ref.roles:
            out.add(ids[0])
    return out


def _in_office(ref: Reference, pid: str, day: date) -> bool:
    return any(r.held_on(day) for r in ref.roles.get(pid, []))


def prime_people(text: str, state: ReportState, period: tuple[date, date] | None) -> None:
    """Learn the full names a report uses anywhere, so that a later 'Hayashi' resolves, and the
    order it writes Japanese names in (for the names the reference lacks)."""
    when = period[1] if period else None
    state.scanned = scan(text, state.ref)
    if subject := _biography_subject(state, when) or _listed_office_holder(state, when):
        state.holders[_SUBJECT_KEY] = subject  # before the other names: the subject's state is learnt first
    mentions = find_mentions(text, state.ref, state.people, state.scanned)
    state.doc_mentions, state.doc_starts = mentions, [m.start for m in mentions]
    learn_name_order(mentions, state.ref, state.people)
    for mention in mentions:
        if len(mention.name.split()) >= 2 or (mention.title and fold(mention.name) in state.people.by_family):
            person, country = _person_and_state(state, mention, when, country_from_title(mention.title, state.ref))
            # "Minister of Foreign Affairs Hakan Fidan and U.S. Secretary of State Marco Rubio" in a header:
            # a later "the Secretary" is Rubio; so is "the Secretary, Mr Rubio" once his full name was read
            _note_holder(state, mention.title, person, country)
    _note_capital_head_offices(state, when)
    if "candidates, " in text:  # a cheap test first
        _note_candidates(state, when)
    if signer := state.doc.metadata.get("classified_by"):
        _note_signer(state, signer, when)
    if "Report of" in text[:3000] and (author := _report_author(state, when or _printed_year_end(text))):
        state.holders[_AUTHOR_KEY] = author
    elif speaker := _titled_speaker(state, when):
        state.holders[_AUTHOR_KEY] = speaker  # "Statement by … Jotham Napat, Prime Minister of …": "I" is him
    state.people.aliases.clear()


_CAPS_HEAD_LINE = re.compile(r"^[^a-z\n]*[A-Z]{3,}[^a-z\n]*\s[A-Z]{3,}[^a-z\n]*$", re.MULTILINE)


def _note_capital_head_offices(state: ReportState, when: date | None) -> None:
    """A known office holder named in a capitals head line ("… FOR SECRETARY-GENERAL ANTÓNIO GUTERRES"), which
    the name finder reads past: a later bare "the Secretary-General" is them, by the offices the reference
    has them holding on the report's day."""
    for line in _CAPS_HEAD_LINE.findall(state.doc.text, 0, _HEAD_CHARS):
        for mention in find_mentions(line.title(), state.ref, state.people):
            if len(state.ref.people_by_alias.get(fold(mention.name), ())) != 1:
                continue  # a byline's author ("MINJI PARK, CENTER FOR …") is no one a later "Park" means
            person = resolve(mention, state.ref, state.people, when, None)
            ids = state.ref.people_by_alias.get(fold(person.canonical_name), []) if person.in_reference else []
            for role in state.ref.roles.get(ids[0], []) if len(ids) == 1 else []:
                if _holds_on(role, when):
                    _note_holder(state, role.role, person, role.country)


# "the two main presidential candidates, former President Jo Roe of … and …": who stands, for "both candidates"
_CANDIDATES_NAMED = re.compile(r"\b(?:two|three|both)\s+(?:main\s+|leading\s+|major\s+)?(?:presidential\s+)?"
                               r"candidates,\s")
_CANDIDATES_TOLD = re.compile(r"\b(?:[Bb]oth|[Tt]he\s+two|[Tt]he\s+three|[Aa]ll\s+three)\s+(?:main\s+|leading\s+|"
                              r"major\s+)?(?:presidential\s+)?candidates\b(?!,)")
_CANDIDATES_KEY = "\x00candidates"
_LIST_END = re.compile(r"(?<=[a-z)])(?<!\b(?:Dr|Mr|Mrs|Ms|Jr|Sr|St|Prof|Hon))\.(?:\s|$)")  # ("Dr. Jo Roe" goes on)


def _note_candidates(state: ReportState, when: date | None) -> None:
    """The candidates a report names once in a list: later "both main candidates" and its vote are theirs.
    Two lists naming different people name none."""
    text, found = state.doc.text, None
    for m in _CANDIDATES_NAMED.finditer(text):
        stop = _LIST_END.search(text, m.end(), m.end() + 400)
        end = stop.start() if stop else m.end() + 400
        people = {}
        for mention in state.doc_mentions[bisect_left(state.doc_starts, m.end()):bisect_left(state.doc_starts, end)]:
            hint = country_from_title(mention.title, state.ref) or of_country(text, mention.end, state.ref)
            person, country = _person_and_state(state, mention, when, hint)
            people.setdefault(person.participant_id, (person, country))
        if len(people) >= 2 and found is not None and set(found) != set(people):
            return
        found = people if len(people) >= 2 else found
    if found:
        state.all_holders[_CANDIDATES_KEY] = list(found.values())


def _told_candidates(state: ReportState, act: Act, limit: int, named: set[str]
                     ) -> list[tuple[ResolvedPerson, str | None, Mention]]:
    """"On 4 May, both main candidates signed a peace pact": the report's candidates."""
    told = _CANDIDATES_TOLD.search(act.text, 0, limit) if "candidates" in act.text else None
    if told is None or _CANDIDATES_KEY not in state.all_holders:
        return []
    where = Mention(told[0], "", act.start + told.start(), act.start + told.end())
    return [(p, c, where) for p, c in state.all_holders[_CANDIDATES_KEY] if p.participant_id not in named]


def _holds_on(role: Role, when: date | None) -> bool:
    return role.end is None if when is None else role.held_on(when)


_HEAD_CHARS = 2000
_CAPS_SURNAME = re.compile(r"\b[A-Z]{3,}(?:-[A-Z]{2,})?\b")
# "E.O. 13526: DECL: …": a classification under a US Executive Order marks a US government cable
_US_ORDER = re.compile(r"\bE\.O\.\s+1\d{4}\b")


def _note_signer(state: ReportState, signer: str, when: date | None) -> None:
    """A cable's "Classified By: Charge d'Affaires Jo ROE", kept out of the text: a later "the Charge" is Jo Roe,
    of the sending mission's state when the page names it."""
    signer = _CAPS_SURNAME.sub(lambda m: m[0].title(), signer)  # a field holding a name: "WHELAN" is his surname
    head = state.doc.source_text[:3000]
    sender = "USA" if "E.O." in head and _US_ORDER.search(head) else state.publisher
    for mention in find_mentions(signer, state.ref, state.people):
        person, country = _person_and_state(state, mention, when, sender)
        _note_holder(state, mention.title, person, country)


# A report its author's office signs: "Report of the Secretary-General" (a UN document) is written by the
# holder of the office on the day; "I" in it is them.
_AUTHORED_BY = re.compile(r"\bReport of the Secretary-General\b")
_AUTHOR_ROLE = "UN Secretary-General"
_AUTHOR_KEY = "\x00author"  # no title folds to this


_SUBJECT_KEY = "\x00subject"  # the person a page is about (a biography's, a list of an office's visits)
# A speech's title: "Statement by the Honourable Jo Roe, Prime Minister of …", "Remarks by H.E. Jo Roe at …"
_SPEECH_TITLE = re.compile(r"(?:Statement|Address|Remarks|Speech|Keynote [Ss]peech|Message|Intervention)\b[^\n,]{0,60}?"
                           r"\bby\s+(?:the\s+)?(?:(?:Rt\.?\s+)?Hon(?:ou?rable|\.)?\s+|H\.\s?E\.\s+|His\s+Excellency\s+|"
                           r"Her\s+Excellency\s+)?(?P<who>[A-Z][^\n]{2,200})")
# A biography's lead: "**Jo Roe** (born 1 May 1970) is a Ruritanian diplomat", "Jo Roe is a …"
_BIOGRAPHY_LEAD = r"(?:\*\*)?{name}(?:\*\*)?\s+(?:\((?:born|b\.)[^)]{{0,80}}\)\s+)?(?:is|was)\s+an?\s+" \
                  r"(?:(?:former|retired|veteran|career)\s+)?(?P<adjective>[A-Z][\w'’-]+)?"
# A list page of an office's acts: "List of state visits made by the President of Ruritania in 2025"
_LIST_OF_OFFICE = re.compile(r"List of [^\n]{3,80}?\bby the (?P<office>(?:[A-Z][\w-]*\s+){0,3}?[A-Z][\w-]*)\s+of\s+"
                             r"(?:the\s+)?(?P<state>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})(?:\s+(?:in|during)\s+"
                             r"(?P<year>\d{4}))?")


def _page_title(state: ReportState) -> str:
    return (state.doc.title or _first_heading(state.doc.text) or "").strip()


def _titled_speaker(state: ReportState, when: date | None) -> tuple[ResolvedPerson, str | None] | None:
    """The speaker a speech's title names: "Statement by the Honourable Jo Roe, Prime Minister of Ruritania"."""
    m = _SPEECH_TITLE.match(_page_title(state))
    mentions = find_mentions(m["who"], state.ref, state.people) if m else []
    if not mentions or mentions[0].start > 0:
        return None  # "Statement by the Ministry …": no person
    mention = mentions[0]
    hint = country_from_title(mention.title, state.ref) or of_country(m["who"], mention.end, state.ref)
    return _person_and_state(state, mention, when, hint)


def _biography_subject(state: ReportState, when: date | None) -> tuple[ResolvedPerson, str | None] | None:
    """A biography's subject: the page's title is a name its lead opens on ("Jo Roe (born …) is a
    Ruritanian diplomat"); their state is the lead's adjective, unless the reference knows them."""
    title = _page_title(state)
    if not 4 < len(title) < 60 or not title[:1].isupper() or " " not in title or title.count(" ") > 4:
        return None
    lead = re.search(_BIOGRAPHY_LEAD.format(name=re.escape(title)), state.doc.text[:6000])
    if lead is None:
        return None
    hint = state.ref.country_by_adjective.get(fold(lead["adjective"] or ""))
    return _person_and_state(state, Mention(title, "", lead.start(), lead.start() + len(title)), when, hint)


def _listed_office_holder(state: ReportState, when: date | None) -> tuple[ResolvedPerson, str | None] | None:
    """The holder, in the year listed, of the office whose acts a list page lists ("List of state visits made by
    the President of Ruritania in 2025"), from the reference's roles."""
    m = _LIST_OF_OFFICE.match(_page_title(state))
    country = m and _state_named(m["state"], state.ref)
    if not country:
        return None
    day = date(int(m["year"]), 7, 1) if m["year"] else when
    if day is None:
        return None
    for pid, roles in state.ref.roles.items():
        if any(r.role == m["office"] and r.country == country and r.held_on(day) for r in roles):
            person = state.ref.people[pid]
            return ResolvedPerson(participant_id(person.canonical_name), person.canonical_name, country, True), country
    return None


def _printed_year_end(text: str) -> date | None:
    year = _printed_year(text)
    return date(year, 12, 31) if year else None


def _report_author(state: ReportState, when: date | None) -> tuple[ResolvedPerson, str | None] | None:
    if when is None or not _AUTHORED_BY.search(state.doc.text, 0, 3000):
        return None
    for pid, roles in state.ref.roles.items():
        for r in roles:
            if r.role == _AUTHOR_ROLE and r.held_on(when):
                person = state.ref.people[pid]
                return ResolvedPerson(participant_id(person.canonical_name), person.canonical_name, r.country,
                                      True), r.country
    return None


def report_row(state: ReportState, period: tuple[date, date] | None, entries: list[Entry],
               has_chronology: bool, year_inferred: bool, n_metrics: int) -> dict:
    doc = state.doc
    if period is None and entries:
        period = (min(e.span.start for e in entries), max(e.span.end for e in entries))
    return {
        "report_id": state.report_id, "title": doc.title or _first_heading(doc.text),
        "authors": list(doc.authors), "publication": doc.publication,
        "kind": "journal article" if has_chronology else "digest",
        "period_start": period[0] if period else None, "period_end": period[1] if period else None,
        "period_inferred": year_inferred, "has_chronology": has_chronology,
        "n_events": len(state.events), "n_metrics": n_metrics,
        "fingerprint": minhash_signature(doc.text), "extractor_version": EXTRACTOR_VERSION,
    }


def _first_heading(text: str) -> str | None:
    for b in split_lines(text)[:10]:
        if 10 < len(b.text) < 150:
            return b.text.strip("# ")
    return None


# ----------------------------------------------------------------------------- acts and events

_SECOND_ACT = re.compile(
    r"(?:(?<=[.;])\s+(?=(?:Later|The same day|That (?:day|evening|night)|Afterwards?|Then|This is followed by|"
    r"Subsequently)\b))|(?:,?\s+and then\s+)")
# "… hosted Feleti Teo in Canberra. The two signed the arrangement …": the same people's next act, an
# agreement, is its own event (what they say or discuss stays part of the meeting).
_JOINT_ACT = re.compile(rf"(?<=[.!?”\"’])\s+({JOINT_SUBJECT}(?:\s+(?:also|then|later|jointly))?\s+{JOINT_VERB}\b"
                        r"(?![^.]{0,30}\b(?:statement|communiqu)))")
# What a _SECOND_ACT match is followed by or holds: a cheap test before the regex.
_SECOND_ACT_WORDS = ("Later", "The same day", "That ", "Afterward", "Then", "This is followed by", "Subsequently",
                     "and then")


def split_acts(entry: Entry, ref: Reference | None = None) -> list[Act]:
    """'… meets X. Later that day, both meet with Y' is two acts; so is a further sentence with its
    own subject and present-tense event verb, a clause joined by ", and" with its own actor and verb
    ("…, and China bans seafood imports"), and a speaker's words joined by ", with" ("…, with leader
    Kim declaring …"). "Meet … and agree to …" (one subject) stays one act. The acts of one sentence
    cut at its clauses all show that sentence (as the gold labels do)."""
    text = entry.text
    if entry.source == "narrative" and (embedded := _embedded_dated_act(entry)):
        return [embedded]
    cuts = [0]
    if any(map(text.__contains__, _SECOND_ACT_WORDS)):
        cuts += [m.end() for m in _SECOND_ACT.finditer(text)]
    if entry.source == "chronology":
        cuts += _new_subject_sentences(text, ref)
    if any(map(text.__contains__, JOINT_WORDS)):
        cuts += [m.start(1) for m in _JOINT_ACT.finditer(text)]
    joined = _coordinated_acts(text, ref) if ref is not None and any(map(text.__contains__, _JOINED_WORDS)) else {}
    cuts = sorted(set(cuts) | set(joined))
    pieces = []  # (start, end, joined to the piece before)
    for a, b in zip(cuts, [*cuts[1:], len(text)], strict=True):
        pieces.append((a, joined[b][0] if b in joined else b, a in joined))
    acts = []
    sentence_start = 0
    for k, (a, b, to_previous) in enumerate(pieces):
        sentence_start = sentence_start if to_previous else a
        piece = text[a:b].strip()
        kind, verb = joined[a][1:] if a in joined else (None, None)
        if len(piece) > 12 and (verb or main_verb(piece)):
            lead = len(text[a:b]) - len(text[a:b].lstrip())
            shown = None
            if to_previous or (k + 1 < len(pieces) and pieces[k + 1][2]):
                shown = _sentence_bounds(text, sentence_start, pieces, k)
            verb = replace(verb, start=verb.start - a - lead) if verb else None
            acts.append(Act(entry, piece, entry.start + a + lead, kind, verb,
                            (entry.start + shown[0], text[shown[0]:shown[1]]) if shown else None))
    acts = acts or [Act(entry, text.strip(), entry.start)]
    if entry.source == "chronology" and acts[0].kind is None and "visit" in text[:120] and VISIT_HEAD.match(text) and (
            " on " not in text or not _ON_A_DAY.search(text)):
        # "Working visit. Attended the summit …": whatever else the row tells (but "Official visit. Held talks
        # … on 14 May", a one-day entry, is those talks: their own day names the act)
        acts[0] = replace(acts[0], kind="visit")
    return acts


_ON_A_DAY = re.compile(rf"\bon\s+{WEEKDAY_PREFIX}?(?:{DATE_EXPR.pattern})")


def _embedded_dated_act(entry: Entry) -> Act | None:
    """The dated act a statement is about, when the sentence's date is that act's: "The Presidents condemned
    the attack perpetrated on 2 April against …", "X thanked Brazil for the assistance delivered on 28 March
    to …" tell of an attack and of aid on those days (the words themselves are undated)."""
    text = entry.text
    if " on " not in text:
        return None
    m = _EMBEDDED_ACT.search(text) if any(map(text.__contains__, _EMBEDDED_PARTICIPLES)) else None
    if not m or not (pred := main_verb(text[:m.start()])) or VERB_TYPES[pred.lemma] != "statement":
        return _thanked_for_act(entry) or _welcomed_dated_act(entry)
    end = e.start() if (e := _EMBEDDED_END.search(text, m.end())) else len(text)
    piece = text[m.start():end].rstrip(" ,.")
    kind = "aid" if m["noun"] in _AID_NOUNS else "incident"
    return Act(entry, piece, entry.start + m.start(), kind, None, None)


def _thanked_for_act(entry: Entry) -> Act | None:
    """"X thanked the Indonesian side for releasing 38 fishermen, who were handed over … on 10 June": the
    dated act is the one thanked for, done by the side thanked (the thanks themselves are undated)."""
    text = entry.text
    if "for " not in text or "ing " not in text or not (m := _THANKED_FOR.search(text)):
        return None
    lemma = next((f for f in (m["stem"], m["stem"] + "e") if f in VERB_TYPES), None)
    if lemma is None or not _ON_A_DAY.search(text, m.end("stem")):
        return None
    end = e.start() if (e := _EMBEDDED_END.search(text, m.end())) else len(text)
    kind = VERB_TYPES[lemma] if VERB_TYPES[lemma] != "statement" else "other"  # ("for releasing …": people freed)
    gerund = m.start("stem")
    return Act(entry, text[m.start("agent"):end].rstrip(" ,."), entry.start + m.start("agent"), kind, None,
               (entry.start + gerund, text[gerund:end].rstrip(" ,.")))


def _welcomed_dated_act(entry: Entry) -> Act | None:
    """"He welcomed the first joint patrol between A and B near C on 20-21 May", "… following the state visit
    to Jakarta by X on 9-10 March": the statement's only date is that of the act it names, which is the event."""
    text = entry.text
    if not any(map(text.__contains__, _NAMED_ACT_WORDS)) or not (m := _NAMED_DATED_ACT.search(text)):
        return None
    if main_verb(text[m.end("noun"):m.start("day")]) is not None:
        return None  # "the visit took place on …": a clause of its own, not a named act
    pred = main_verb(text[:m.start()])
    if pred is not None and VERB_TYPES[pred.lemma] not in {"statement", "other"}:
        return None
    end = e.start() if (e := _EMBEDDED_END.search(text, m.end())) else len(text)
    start = m.start("act")
    return Act(entry, text[start:end].rstrip(" ,."), entry.start + start, _NAMED_ACT_KINDS[m["noun"]])


# "thanked the Indonesian side for releasing …", "praised Japan for sending …": the side thanked and its act
_THANKED_FOR = re.compile(r"\b(?:thank(?:s|ed)?|prais(?:es|ed)|commend(?:s|ed)?)\s+"
                          r"(?P<agent>(?:the\s+)?[A-Z][\w-]*(?:\s+[\w-]+){0,3}?)\s+for\s+(?P<stem>[a-z]+?)ing\b")
_NAMED_ACT_KINDS = {"visit": "visit", "patrol": "military_exercise", "exercise": "military_exercise",
                    "drill": "military_exercise", "talks": "meeting", "summit": "meeting"}
_NAMED_ACT_WORDS = ("visit", "patrol", "exercise", "drill", "talks", "summit")
# "the first joint patrol between … on May 20-21": a named act and its own day, no verb between them
_NAMED_DATED_ACT = re.compile(r"\b(?:welcom\w+|prais\w+|hail\w+|following|after)\s+(?P<act>the\s+(?:[\w-]+\s+){0,3}?"
                              r"(?P<noun>visit|patrol|exercise|drill|talks|summit))\b[^.;]{0,160}?\s(?P<day>on\s+"
                              r"(?:\d{1,2}(?:[-–]\d{1,2})?\s+[A-Z][a-z]+|[A-Z][a-z]+\.?\s+\d{1,2})\b)")
_EMBEDDED_PARTICIPLES = ("perpetrated", "carried out", "committed", "delivered", "provided", "donated", "sent")
_AID_NOUNS = frozenset({"assistance", "aid", "relief", "donation", "supplies"})
# "the attack perpetrated on 2 April 2025 against …", "the humanitarian assistance delivered on 28 March to …"
_EMBEDDED_ACT = re.compile(
    r"\b(?:the|an?|its|their)\s+(?:(?!the\b)[\w-]+\s+){0,3}?(?P<noun>attacks?|bombing|assault|massacre|explosion|assistance|"
    r"aid|relief|donation|supplies)\s+(?:" + "|".join(_EMBEDDED_PARTICIPLES) + r")\s+on\s+"
    r"(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\.?\s+\d{1,2})\b")
# Where the embedded act's words end: the next clause of the statement ("…, and conveyed their condolences").
_EMBEDDED_END = re.compile(r",?\s+and\s+(?:also\s+)?[a-z]+ed\b|;|[.!?](?:\s|$)")


def _sentence_bounds(text: str, start: int, pieces: list[tuple[int, int, bool]], k: int) -> tuple[int, int]:
    """(start, end) in `text` of the sentence that piece k and the pieces joined to it make up."""
    end = pieces[k][1]
    for _, b, to_previous in pieces[k + 1:]:
        if not to_previous:
            break
        end = b
    chunk = text[start:end]
    return start + len(chunk) - len(chunk.lstrip()), start + len(chunk.rstrip())


# What a _coordinated_acts match holds: a cheap test first (a clause break other than one space is rare).
_JOINED_WORDS = (", and ", "; ", ", with ", ",\nand", ", \nand", ",  and", " after ", " before ")
# ", and <new subject> <verb>": the start of the second clause.
_AND_CLAUSE = re.compile(r"[,;]\s+and\s+(?=[A-Za-z])")
# "…, with leader Kim Jong Un declaring …": a speaker's words reported alongside the act.
_WITH_SPEECH = re.compile(
    r",\s+with\s+(?P<actor>[^,;“\"]{3,80}?)\s+(?P<verb>saying|declaring|stating|adding|noting|warning|vowing|"
    r"stressing|insisting|claiming|calling for|urging|pledging|describing|condemning|criticizing|criticising)\b")
_SPEECH_LEMMA = {"declaring": "declare", "stating": "state", "warning": "warn", "vowing": "vow", "stressing": "stress",
                 "calling for": "call", "urging": "urge", "pledging": "pledge", "condemning": "condemn",
                 "criticizing": "criticize", "criticising": "criticize"}  # the others: "say"
# ", hours after/before <actor> <verb>": an act of the same day, told as the time of the first.
_SAME_DAY = re.compile(r",\s+(?:(?:(?:just|only|a few|several|some|two|three)\s+)?(?:hours|minutes)|shortly|soon|just|"
                       r"moments)\s+(?:after|before)\s+")
# A second clause whose subject is the same actors ("…, and both sides agree to …") continues the first act.
_SAME_SUBJECT = re.compile(r"(?:both|the two|the three|the (?:two|three|four) (?:sides|leaders|countries|ministers)|"
                           r"they|all|each|together|jointly|then|later|he|she|it|its|their|his|her)\b", re.IGNORECASE)
_PERSON_HEAD = re.compile(r"\b(?:President|Prime Minister|Premier|Minister|Secretary|Ambassador|Chancellor|Governor|"
                          r"Senator|Speaker|Chairman|Chairwoman|Chair|Commander|General|Admiral|King|Queen|Emperor|"
                          r"[Ll]eader|[Ss]pokes(?:man|woman|person)|[Cc]hief)\b")


def _coordinated_acts(text: str, ref: Reference) -> dict[int, tuple[int, str | None, Predicate | None]]:
    """{start of a second act: (end of the act before it, preset type, preset verb)} for the clauses joined
    to a first act that has its own finite verb: ", and <a state, capital or person> <finite event verb>
    …" (not the last item of a list: "the US, Japan, and Philippines plan …"), and ", with <a person>
    saying …" (a statement)."""
    out: dict[int, tuple[int, str | None, Predicate | None]] = {}
    for m in _AND_CLAUSE.finditer(text) if "and " in text else ():
        head, tail = text[:m.start()], text[m.end():]
        if _SAME_SUBJECT.match(tail) or not is_finite(head, main_verb(head)):
            continue
        item = re.split(r"[,;]", head)[-1]
        if len(item.split()) <= 4 and not main_verb(item):
            continue  # "A, B, and C": a list
        pred = main_verb(tail)
        if not is_finite(tail, pred) or pred.start > 90 or pred.start == 0:
            continue
        if not re.match(r"\s+[\w“\"]", tail[pred.start + len(pred.verb):]):
            continue  # "…, and North Korea’s missile launches.": a noun phrase, not a clause
        subject = tail[:pred.start]
        if len(subject.split()) > 10 or _has_verb_or_clause(subject) or not _names_actor(subject, ref):
            continue
        if pred.lemma in _HELP_SENT and classify(head, head_pred := main_verb(head), head[:head_pred.start]) == "aid":
            continue  # "A and B flew rescue teams into …, and C sent a patrol vessel": one relief effort
        out[m.end()] = (m.start(), None, None)
    for m in _SEMICOLON.finditer(text) if "; " in text else ():
        if m.end() not in out and _own_act_after_semicolon(text[:m.start()], text[m.end():], ref):
            out[m.end()] = (m.start(), None, None)
    for m in _SAME_DAY.finditer(text) if " after " in text or " before " in text else ():
        # "… met in Seoul, hours after North Korea fired three missiles": the same day's other act.
        tail = text[m.end():]
        pred = main_verb(tail)
        if (is_finite(text[:m.start()], main_verb(text[:m.start()])) and is_finite(tail, pred) and 0 < pred.start < 60
                and not _has_verb_or_clause(tail[:pred.start]) and _names_actor(tail[:pred.start], ref)):
            out[m.end()] = (m.start(), None, None)
    for m in _WITH_SPEECH.finditer(text) if ", with " in text else ():
        if is_finite(text[:m.start()], main_verb(text[:m.start()])) and _names_actor(m["actor"], ref):
            lemma = _SPEECH_LEMMA.get(m["verb"], "say")
            out[m.start("actor")] = (m.start(), "statement", Predicate(m["verb"], lemma, m.start("verb"), False))
    return out


_SEMICOLON = re.compile(r";\s+(?!and\b)(?=[A-Za-z“\"])")
_HELP_SENT = frozenset({"send", "dispatch", "fly", "deploy", "provide", "contribute", "donate"})


def _own_act_after_semicolon(head: str, tail: str, ref: Reference) -> bool:
    """"Venezuela holds a referendum; the CNE announces a 'yes' victory the same evening": a clause with
    its own actor and an act of another kind. One of the same kind ("…; China and Russia vote against")
    or without an actor of its own ("…; both sides call the talks frank") is part of the first act."""
    head_pred, pred = main_verb(head), main_verb(tail)
    if not is_finite(head, head_pred) or not is_finite(tail, pred) or not 0 < pred.start <= 60:
        return False
    subject = tail[:pred.start]
    if len(subject.split()) > 8 or _has_verb_or_clause(subject):
        return False
    kind = classify(tail, pred, subject)
    if kind == "statement" and any(w in head for w in re.findall(r"\b[A-Z][a-z]{2,}", subject)):
        return False  # "… met in Bucharest; Bolojan called Moldova a partner": a participant's words, part of it
    # "…; a JNIM statement claimed 30 dead": a body's words on the act are part of it
    if not (_names_actor(subject, ref) or (kind != "statement" and _names_body(subject, ref))):
        return False
    head_kind = classify(head, head_pred, head[:head_pred.start])
    if head_kind == "meeting" and kind == "announcement" and _SUM_PLEDGED.search(tail):
        return False  # "… held talks with Ishiba; Japan announced a ¥12.5 billion loan": what the talks yielded
    return _KIND_FAMILY.get(kind, kind) != _KIND_FAMILY.get(head_kind, head_kind)


# A sum a state puts up: "a ¥12.5 billion loan", "US$40 million in grants".
_SUM_PLEDGED = re.compile(r"(?:[$€£¥₹]|\b(?:US\$|USD|EUR|JPY|yen|dollars?|euros?)\b).{0,40}?\b(?:loans?|grants?|credit|"
                          r"aid|assistance|financing|funding|package)\b")


# Kinds of act that tell one happening when joined by a semicolon: "Fighting breaks out …; Thailand sends jets".
_KIND_FAMILY = {"military_action": "incident"}


def _names_body(subject: str, ref: Reference) -> bool:
    """An organisation the reference knows, or an acronym standing for one ("the CNE")."""
    return any(fold(w) in ref.organizations or (w.isupper() and 2 <= len(w) <= 6)
               for w in re.findall(r"\b[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)*", subject))


def _has_verb_or_clause(subject: str) -> bool:
    return bool(re.search(r"\b(?:to|that|which|who|when|after|before|while)\b", subject))


def _names_actor(subject: str, ref: Reference) -> bool:
    """A state ("China", "South Korean marines", "Beijing") or a person ("President Yoon", "Kishida")."""
    if actor_countries(subject, None, ref):
        return True
    if _PERSON_HEAD.search(subject) and re.search(r"\b[A-Z][a-z]+", subject):
        return True
    return any(len(ref.people_by_family.get(fold(w), ())) == 1
               for w in re.findall(r"\b[A-Z][a-z]+(?:-[a-z]+)?", subject))


_PRESENT_VERB = re.compile(r"\b(?:meets|holds|speaks|signs|releases|delivers|issues|visits|says|states|"
                           r"calls|thanks|condemns|announces|hosts|attends|reports|agrees|is summoned|"
                           r"is held|are held|expresses|responds|travels|receives|launches|conducts)\b")


# A full stop, possibly inside a closing quote ("… absolutely unacceptable.” South Korean …"), then a capital.
_SENTENCE_BREAK = re.compile(r"(?<=[a-z0-9”\"’)][.][”\"’]?)\s+(?=[A-Z])")


def _new_subject_sentences(text: str, ref: Reference | None = None) -> list[int]:
    cuts = []
    for m in _SENTENCE_BREAK.finditer(text):
        if ends_with_abbreviation(text, 0, m.start()):
            continue  # "Commander Gen. Paul LaCamera": an abbreviation, not a sentence end
        rest = text[m.end():]
        sentence = re.split(r"(?<=[.][”\"’]?)\s+(?=[A-Z])", rest, maxsplit=1)[0]
        verb = _PRESENT_VERB.search(sentence)
        listed_verb = verb and verb.start() < 160 and not re.match(
            r"(?:The|This|It|These)\s+(?:ministry|meeting|was|is|were|talks)\b", sentence)
        if listed_verb or (ref is not None and _acting_sentence(sentence, ref)):
            cuts.append(m.end())
    return cuts


def _acting_sentence(sentence: str, ref: Reference) -> bool:
    """A sentence whose own subject names an actor and goes on with a finite event verb ("Kamikawa and
    Teodoro sign …", "Austin, Kihara and Shin signed …"): a new act, whatever the verb's form. A pronoun
    or a noun subject ("They …", "The talks …") continues the entry's act."""
    pred = main_verb(sentence)
    if pred is None or pred.start == 0 or pred.start > 120 or not is_finite(sentence, pred):
        return False
    subject = sentence[:pred.start]
    if re.match(r"(?:The|This|That|These|Those|It|Its|They|Their|He|His|She|Her|Both|All|Each)\b", subject):
        return False
    return len(subject.split()) <= 14 and not _has_verb_or_clause(subject) and _names_actor(subject, ref)


_SAME_ACTORS = re.compile(r"^(?:(?:Later|Then|Afterwards?|Subsequently)[^,]{0,20},\s+)?(?:both|the two|the three|"
                          r"the four|they|all three|jointly|together)\b", re.IGNORECASE)


def add_event(state: ReportState, act: Act, previous: list) -> list:
    """Add the event of one act; returns its participants for an act that continues it
    ("Later that day, both meet with …")."""
    ref = state.ref
    act = _without_speaker_label(act)
    if _NOT_AN_ACT.match(act.text) or _CALLED_OFF.search(act.text) or (
            act.entry.source != "chronology" and _POLL_FINDING.match(act.text)):
        return previous  # "The zloty traded at 4.27 …", a schedule's "… - POSTPONED"; a poll in prose (a
        # chronology's own entry "A Jiji Press poll finds …" is one of its events)
    pred = act.verb or main_verb(act.text)
    subject = act.text[:pred.start] if pred else act.text
    if pred and (_NO_ONE.match(subject) or ("no " in subject and _NOTHING_HAPPENED.search(subject))):
        return previous  # "No group has claimed the attack": no act took place ("Japan does not appeal" is one)
    when = act.entry.span.start
    people = _participants(state, act, pred.start if pred else 0, when)
    if previous and (_SAME_ACTORS.search(act.text) or (pred and pred.start == 0)):
        people = previous + [p for p in people if p[0].participant_id not in {q[0].participant_id for q in previous}]
    elif pred and _PRONOUN_SUBJECT.match(subject) and (referent := _pronoun_referent(state, act, when)) and all(
            p[0].participant_id != referent[0].participant_id for p in people):
        people = [referent, *people]  # "He and the SPD's co-leaders agreed …": the person just named
    if pred and _first_person_acts(act, subject) and (speaker := _speaker(state, act.start + pred.start)) and all(
            p[0].participant_id != speaker[0].participant_id for p in people):
        people = [speaker, *people]  # "MINISTER FIDAN: … the Secretary and I held …": the speaker
    people = _subjectless_actor(state, act, people)
    listed_people, listed_states = _listed_actors(state, act, when) if act.entry.fields else ([], set())
    if listed_people:  # the column's role and state are the row's own: they win over a bare name in the text
        listed_ids = {p[0].participant_id for p in listed_people}
        people = [p for p in people if p[0].participant_id not in listed_ids] + listed_people
    _remember_subject(state, act, people, pred)
    event_type = act.kind or classify(act.text, pred, subject)
    if event_type == "election" and not people:
        people = _candidates(state, act, when)  # "Ecuador's election delivered a near tie. Noboa took 44.2% …"
    elif event_type == "election" and "%" in act.text:
        people += _runners_up(state, act, when, people)  # "… wins with 49.4% against 41.2% for Kim Moon-soo"
    if event_type in ("meeting", "visit") and ("visit" in act.text or "travel" in act.text or "arrived" in act.text):
        people = _hosts_met(act, people, ref, state.publisher)
    if "creden" in act.text and people:
        people = _credentials_received(act, people, ref)
    if ("isit" in act.text and people) or event_type == "visit":
        people = _visiting_party(state, act, people, when)  # the inviter stays home; the companions travel
    targets = _legal_targets(act, people, pred, event_type)
    people = [p for p in people if p not in targets and not _only_reported(act, p, pred, event_type, ref)]
    if event_type == "statement" and people and "after" in act.text and _words_after_the_act(state, act, people):
        return previous
    countries = actor_countries(_without_titles(act, people + targets), pred, ref) | {
        p[1] for p in people if p[1] and p[1] != "INT"}
    countries |= listed_states
    if pred and any(map(subject.__contains__, _OUR_WORDS)) and _OUR_GOVERNMENT.search(subject) and (
            speaker := _speaker(state, act.start + pred.start)) and speaker[1] not in (None, "", "INT"):
        countries = countries | {speaker[1]}  # "On 20 May the Government sanctioned …": the speaker's state
    if not countries and targets and _NATIONAL_BODY.search(subject):
        countries = {p[1] for p in targets if p[1] and p[1] != "INT"}  # "The National Assembly impeaches Yoon"
    if not countries and pred and (local := _LOCAL_FORCE.search(subject)) and (
            place := ref.places.get(fold(local["place"]))) and place.country:
        countries = {place.country}  # "Police in Batumi detained …": the city's state
    if not countries and pred and _BOTH_OF_BEFORE.match(subject) and state.events and len(
            state.events[-1]["countries"]) >= 2 and state.events[-1]["date_start"] <= act.entry.span.start:
        countries = set(state.events[-1]["countries"])  # "The two navies concluded the patrol": those just named
    if not countries and state.home and pred and (_UNNAMED_ORGAN.match(subject) or (
            event_type == "military_action" and MILITARY_STRIKE.search(subject))):
        countries = {state.home}  # "The Constitutional Court upholds …" in "2025 in South Korea": that state's
    if event_type == "incident" and pred and pred.lemma == "clash" and any(
            p[2].start < act.start + pred.start for p in people):
        event_type = "meeting"  # "Zelenskyy, Trump and Vance clash in front of reporters": words, at a meeting
    if event_type == "incident" and countries and pred and pred.lemma in _ARMED_VERBS and ((_STATE_FORCE.match(
            subject) and not _CIVILIAN_TARGET.search(act.text, pred.start, pred.start + 80)) or (
            _STATE_WEAPONS.search(subject) and weapon_owner(subject, ref))):
        event_type = "military_action"  # "US forces strike a vessel": a state's use of force, not an attack on people
        # ("Indian missiles struck nine sites", "Pakistani artillery shelled the town": a state's own weapons)
    location = None if is_remote(act.text) else _stated_venue(act, ref, state.doc.text) or find_location(
        act.text[pred.start:] if pred else act.text, ref) or (find_location(act.text, ref) if pred else None)
    if location and location.place and location.place.kind in {"country", "region"} and pred and (
            fronted := fronted_place(subject, ref)):
        location = fronted  # "On 7 April, in São Paulo, Petro addressed a forum on Brazil …": the city set first
    if location is None and pred and pred.lemma == "host" and not is_remote(act.text):
        location = host_location(subject, ref)  # "Seoul hosts the summit": the host city is the venue
    if location is None and act.entry.place and not is_remote(act.text) and not (
            _titled(act.entry, state.doc.text) and not _is_dateline_place(act.entry.place, ref)):
        location = _resolve_dateline(act.entry.place, ref)  # dated only by its dateline: its place too
    if location is None and state.events and not is_remote(act.text) and (_SCENE_GOES_ON.search(act.text) or (
            event_type != "statement" and "ame " in act.text and _SAME_DAY_SCENE.search(act.text)) or (
            act.entry.source != "chronology" and _JOINT_START.match(act.text))):
        location = _scene_location(state, act)  # "The Secretary then held talks with …": still in Kyiv
    # The venue's state is not an actor by being the venue (gold-format.md): "G7 ministers meet in Munich"
    # names no state. A gathering that "is held in" a place with no actor named has its host as the one
    # acting (the gold labels: "APEC Leaders' Week is held in San Francisco" -> USA).
    if not countries and location and location.place and pred and pred.passive and pred.lemma in _HOSTED:
        countries = {location.place.country} - {""}
    if location is None and event_type == "election":
        location = election_place(act.text, ref)  # "Ecuador's general election" took place in Ecuador
        if not countries and location and location.place and location.place.kind == "country":
            countries = {location.place.country}  # "Mozambicans voted …": their state holds the vote
    if event_type in ("appointment", "election") and len(countries) == 1 and any(c is None for _, c, _ in people):
        state_of = next(iter(countries))  # "Milei swore in Diego Santilli as interior minister": Argentina's;
        # "Dan won Romania's runoff … to 46.4% for George Simion": a candidate stands in his own state's vote
        people = [(p, c or state_of, m) for p, c, m in people]
    if event_type == "visit" and people and not countries and location and location.place:
        people, countries = _visitor_from_the_other_side(state, people, location.place.country)
    et = ref.event_types.get(event_type)
    pids = sorted({p[0].participant_id for p in people})
    event_id = stable_id("ev", state.report_id, act.entry.span.start, act.entry.span.end, event_type, pids,
                         location.name if location else "", fold(act.text))
    char_start, shown = act.shown or (act.start, act.text)
    char_end = char_start + len(shown)
    state.events.append({
        "event_id": event_id, "report_id": state.report_id,
        "date_start": act.entry.span.start, "date_end": act.entry.span.end,
        "date_precision": act.entry.span.precision, "date_inferred": act.entry.span.inferred
        and act.entry.source == "narrative",
        "event_type": event_type, "cameo_root": et.cameo_root if et else None, "plover": et.plover if et else None,
        "location": location.name if location else "",
        "location_country": (location.place.country or None) if location and location.place else None,
        "latitude": location.place.latitude if location and location.place else None,
        "longitude": location.place.longitude if location and location.place else None,
        "countries": sorted(c for c in countries if c != "INT"), "text": shown, "n_mentions": 1, "n_reports": 1,
        "file_id": state.file_id,
        "char_start": char_start, "char_end": char_end, "extractor_version": EXTRACTOR_VERSION,
    })
    state.mentions.append({
        "mention_id": stable_id("mn", event_id, state.file_id, char_start), "event_id": event_id,
        "report_id": state.report_id, "text": shown, "file_id": state.file_id, "char_start": char_start,
        "char_end": char_end, "extractor_version": EXTRACTOR_VERSION,
    })
    _link_people(state, event_id, act, people)
    return people


def _words_after_the_act(state: ReportState, act: Act, people: list) -> bool:
    """"X hosted Y in Amman. X told the press afterwards that …": what a participant says right after the act
    just told, on its day, is part of that act (as his words after a semicolon are)."""
    if not state.events or not _AFTER_THE_ACT.search(act.text):
        return False
    last = state.events[-1]
    if last["event_type"] not in _SCENES or last["date_start"] != act.entry.span.start:
        return False
    present = {link["participant_id"] for link in state.links if link["event_id"] == last["event_id"]}
    return all(p[0].participant_id in present for p in people)


_SCENES = frozenset({"meeting", "visit", "phone_call"})
_AFTER_THE_ACT = re.compile(r"\b(?:afterwards?|after the (?:meeting|talks|call|visit)|"
                            r"following the (?:meeting|talks))\b")
_HOSTED = frozenset({"hold", "host", "convene"})
# A transcript's label before the words: "[00:14:33] GUEST (Dr Ana Ionescu): ", "HOST: ", "READOUT: "
_LABEL_PREFIX = re.compile(r"(?:\[\d{1,2}:\d{2}(?::\d{2})?\]\s*)?(?:[A-Z][A-Z.'’-]+\s+){0,3}[A-Z][A-Z'’-]+"
                           r"(?:\s*\([^)]{1,60}\))?:\s+|\[\d{1,2}:\d{2}(?::\d{2})?\]\s+")
# A city's police or authorities: "Police in Batumi", "the authorities in Brest"
_LOCAL_FORCE = re.compile(r"\b(?:[Pp]olice|[Aa]uthorities|[Ss]ecurity forces|[Pp]rosecutors|[Oo]fficials)\s+in\s+"
                          r"(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s*$")
# A schedule's item marked as not taking place
_CALLED_OFF = re.compile(r"\b(?:CANCELL?ED|POSTPONED|CALLED OFF)\b")
# A market's move or a commentator's opinion: no act ("The zloty traded at …", "A columnist argues …"); and a
# poll's finding ("An exit poll put X ahead"), no act in prose
_NOT_AN_ACT = re.compile(r"(?:[^,]{0,40},\s+)?(?:[Tt]he|[Aa]n?)\s+(?:[\w-]+\s+){0,2}(?:" + MARKET_NOUNS
                         + r"\s+(?:\w+\s+)?" + MARKET_MOVES + r"|(?:columnist|commentator|editorial|op-ed|analyst)s?\s+"
                         r"(?:argues?|argued|writes?|wrote|warns?|warned|says|said))\b")
_POLL_FINDING = re.compile(r"(?:[^,]{0,40},\s+)?(?:[Tt]he|[Aa]n?)\s+(?:[\w-]+\s+){0,2}(?:exit\s+)?(?:poll|survey)\s+"
                           r"(?:\w+\s+)?(?:put|puts|shows?|showed|gives?|gave|finds?|found|suggests?|suggested)\b")
# A subject that denies the act.
_NO_ONE = re.compile(r"\s*(?:No|None|Nobody|No one|Neither)\b")
# "On March 2, the two navies …": the two sides of the act told just before
_BOTH_OF_BEFORE = re.compile(r"^(?:[^,]{0,40},\s+)?(?:[Tt]he two|[Bb]oth)\s+(?:navies|sides|countries|governments|"
                             r"armies|forces|coast guards|delegations|states)\s*$")
# "A quiet night along the border; no incidents were reported": what did not happen is no act
_NOTHING_HAPPENED = re.compile(r"(?:^|[;:,]\s+)no\s+(?:new\s+|further\s+|other\s+)?[a-z-]+\s*$")
# Legal acts done to people: those named after the verb are their targets, not participants (gold labels:
# "The National Assembly impeaches President Yoon", "the court issued arrest warrants for Netanyahu").
_AGAINST = frozenset({"impeach", "arrest", "indict", "sentence", "convict", "charge", "detain", "extradite",
                      "deport", "sanction", "designate", "remove", "suspend", "revoke"})
# An organ of a state left unnamed as the subject: "The Constitutional Court unanimously", "On 31 January, the
# National Defence and Security Council", "the military" (its state is the report's one state).
_UNNAMED_ORGAN = re.compile(r"^(?:[^,]{0,60},\s+|[^,–—]{0,30}[–—]\s+){0,2}"
                            r"(?:On\s+\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?\s+)?"  # ("On 4 March 2025 the delegation")
                            r"[Tt]he\s+(?:[A-Z][\w'’-]*\s+(?:and\s+)?){0,5}"
                            r"(?:Government|Cabinet|Parliament|Assembly|Senate|Court|Council|Commission|Congress|"
                            r"Legislature|military|army|junta|police|security forces|Committee|delegation)"
                            r"(?:\s+\w+ly)?\s*$")
# A body of the target's own state acting on its citizen: that state acts. (An international court names
# itself: the reference gives it INT, so the states found are not empty.)
_NATIONAL_BODY = re.compile(r"\b(?:National Assembly|[Pp]arliament|[Cc]ourt|[Pp]rosecutors?|[Pp]olice|"
                            r"[Ll]egislature|Senate|Congress|Diet|Knesset|Duma)\b")


def _without_speaker_label(act: Act) -> Act:
    """The act without the transcript label it opens with: the speaker only tells of it (`_speaker` still
    finds "I" from the label in the document)."""
    if ":" not in act.text[:80] or not (label := _LABEL_PREFIX.match(act.text)) or label.end() >= len(act.text):
        return act
    cut = label.end()
    verb = replace(act.verb, start=act.verb.start - cut) if act.verb and act.verb.start >= cut else None
    return replace(act, text=act.text[cut:], start=act.start + cut, verb=verb)


def _only_reported(act: Act, person: tuple, pred: Predicate | None, event_type: str, ref: Reference) -> bool:
    """Someone the act only reports on: named inside what a speaker says ("Trump says he has written to
    Khamenei": Trump speaks), or the speaker of an act others did ("He said Indian and Chinese troops had
    held patrols": the troops act)."""
    if event_type == "statement" and "ongratulat" in act.text and _CONGRATULATED.search(
            act.text, max(0, person[2].start - act.start - 80), person[2].start - act.start):
        return True  # "… conceded defeat and congratulated Mr. Roe": the one congratulated said nothing
    if pred is None or pred.lemma not in REPORTING:
        return False
    said_from = act.start + pred.start + len(pred.verb)
    if event_type == "statement":
        if pred.lemma == "tell":  # "told Putin that …": the one told takes part; "… that Modi made clear": not
            that = act.text.find(" that ", pred.start + len(pred.verb))
            return that >= 0 and person[2].start > act.start + that
        return person[2].start > said_from
    if pred.lemma not in _TELLING or event_type == "announcement" or person[2].start > said_from:
        return False  # "Misri announces that India and China have reached agreement": he announces it
    reported = complement_verb(act.text, pred)
    if reported is None or not reported[1]:
        return False
    doer = act.text[pred.start + len(pred.verb):reported[0].start]
    # "He said he had met …": the speaker did it; "told the Council that 7,000 people had been killed": no doer
    return _names_actor(doer, ref)


_TELLING = frozenset({"say", "tell", "state", "report"})
_CONGRATULATED = re.compile(r"\b[Cc]ongratulat(?:ed|es|e|ing)\s+(?:[A-Z][\w.'’-]*\s+){0,4}$")


def _legal_targets(act: Act, people: list, pred: Predicate | None, event_type: str) -> list:
    if event_type != "legal" or pred is None or pred.lemma not in _AGAINST:
        return []
    verb_at = act.start + pred.start
    if pred.passive:  # "Yoon Suk Yeol is arrested … by investigators": the subject is the one arrested
        return [p for p in people if p[2].start < verb_at]
    return [p for p in people if p[2].start > verb_at]
# A subject that is a pronoun for one person, after an optional fronted phrase ("On March 4, he and …").
# ("This afternoon, local time, he met …": an inset time zone keeps "he" the subject)
_PRONOUN_SUBJECT = re.compile(r"^\s*(?:[A-Z][^,]{0,40},\s+(?:(?:\d{4}|(?:local|[A-Z]{2,4}) time),\s+)?|"
                              r"(?:On|By)\s+(?:(?:[A-Z][a-z]{2,8},?\s+)?"
                              r"\d{1,2}\s+[A-Z][a-z]+\.?(?:,?\s+\d{4})?|"  # ("On Mon 3 Nov he …", "On 3 May 2016 she")
                              r"[A-Z][a-z]+\.?\s+\d{1,2}(?:,\s+\d{4})?|[A-Z][a-z]+day|the\s+\d{1,2}(?:st|nd|rd|th))\s+|"
                              r"(?:The next|The following|That)\s+(?:day|morning|evening|night)\s+)?(?:[Hh]e|[Ss]he)\b"
                              r"(?!\s+(?:and|or)\s+(?:his|her)\s)")
# A told scene's people acting together ("The two leaders signed …"): in prose, still where they met.
_JOINT_START = re.compile(JOINT_SUBJECT + r"\s")
# Words saying an act goes on in the scene just told: it keeps that scene's place.
_SCENE_GOES_ON = re.compile(r"\b(?:then|[Aa]fterwards?|[Tt]hat (?:evening|afternoon|night)|[Ll]ater that day|"
                            r"(?:[Aa]fter|[Ff]ollowing) the (?:talks|meeting)|"
                            r"on the sidelines(?! of)|there(?! (?:is|are|was|were|has|have|had|will|would)\b))\b")


# "Police arrested 11 suspects the same day": still there (not words said that day, often elsewhere)
_SAME_DAY_SCENE = re.compile(r"\b(?:[Tt]he )?[Ss]ame (?:day|evening|afternoon|night)\b")
_ARMED_VERBS = frozenset({"strike", "bomb", "shell", "attack"})
# A subject that is a state's weapons, named by its adjective: "Indian missiles", "Russian artillery"
_STATE_WEAPONS = re.compile(r"\b[A-Z][a-z]+\s+(?:missiles|rockets|artillery|drones|warplanes|fighter jets|jets|"
                            r"gunboats|warships)\s*$")
# A subject that is a state's armed force: "US forces", "B-2 bombers", "The Malian Armed Forces (FAMa)"
_STATE_FORCE = re.compile(rf"\s*(?:(?:The|A|An)\s+)?(?:[\w-]+\s+){{0,4}}?(?i:{FORCE_NOUNS})\b")
# A source named after the act: ", Defence Minister Viktor Khrenin said"
# An attribution opening on "per" (its capitalised words: the source's title and name): "…, per Uzbek Deputy
# Defence Minister Maj. Gen. Jo Roe"
_PER_SOURCE = re.compile(r"\bper\s+(?:the\s+)?([A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,10})")
# "… signed the accord in the presence of President Jo Roe and …", "paid tribute to President Jo Roe at …": to
# the end of the clause (a period after a style of address ends none)
_WITNESS_WORDS = ("presence of", "tribute to", "homage to", "respects to", "memory of")
_WITNESSED = re.compile(r"\b(?:in\s+the\s+presence\s+of|paid\s+(?:a\s+)?(?:tribute|homage)\s+to|"
                        r"paid\s+(?:(?:his|her|their)\s+)?(?:last\s+)?respects\s+to|in\s+memory\s+of)\b"
                        r"((?:[^.;]|\.(?<=\b(?:Dr|Mr|Mrs|Ms|Jr|Sr|St|Hon|Prof|E)\.))*)")
_SOURCE_SAID = re.compile(r",\s+((?:[A-Z][\w.'’-]*\s+){1,6})(?:said|says)\b")
# A government office whose holder acts for the state of the page that names them
_OFFICIAL = re.compile(r"\b(?:Minister|Secretary|Spokes(?:person|man|woman)|Director|Ambassador|Commissioner|Envoy|"
                       r"Charg[eé]|Consul|Representative)\b")
# What a strike on people hits: an attack (incident), whoever struck.
_CIVILIAN_TARGET = re.compile(r"\b(?:civilians?|village|market|school|hospital|shelter|homes?|residential|mosque|"
                              r"church|camp for|displaced)\b")
# The speaker's own government or leader, unnamed: "the Government", "the Prime Minister", "our two Governments"
_OUR_GOVERNMENT = re.compile(r"\b(?:[Tt]he|[Oo]ur|[Mm]y)\s+(?:two\s+)?(?:Government|Prime Minister|President|"
                             r"Foreign Secretary|Defence Secretary|Chancellor)s?\b(?!\s+(?:of\b|[A-Z]))")
_OUR_WORDS = ("Government", "Prime Minister", "President", "Secretary", "Chancellor")  # a cheap test first
# "I" in the subject: "Last night I spoke …", "the Secretary, Foreign Minister al-Shaibani and I held …"
_FIRST_PERSON = re.compile(r"(?:^|\s|,)I\b(?!\.)")
# A transcript's speaker label at the start of a line: "MINISTER FIDAN:", "SECRETARY RUBIO:", "Mr. Price:"
_SPEAKER_LABEL = re.compile(r"^((?:[A-Z][A-Za-z.'’-]*\s+){0,3}[A-Z][A-Za-z'’-]+):\s|"
                            # a parliamentary record's office and name: "The Secretary of State for … (Mr Jo Bloggs):"
                            r"^[A-Z][^\n:()]{2,160}\((?:(?:Mr|Ms|Mrs|Dr|Sir|Dame|Lord|Lady|Baroness)\.?\s+)?"
                            r"((?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]+)\):\s", re.MULTILINE)


def _first_person_acts(act: Act, subject: str) -> bool:
    """"I" in the subject ("… and I signed"), or "me" an act is done to ("Parliament elected me …")."""
    return bool(_FIRST_PERSON.search(subject)) or (" me" in act.text and bool(_ME.search(act.text)))


_ME = re.compile(r"\s(?:me)(?=[\s,.;])")


def _speaker(state: ReportState, at: int) -> tuple[ResolvedPerson, str | None, Mention] | None:
    """Who "I" at offset `at` is in a transcript: the person of the last speaker label before it, once the
    report has named them in full ("Minister of Foreign Affairs Hakan Fidan …", then "MINISTER FIDAN: … I")."""
    labels = list(_SPEAKER_LABEL.finditer(state.doc.text, max(0, at - 3000), at))
    author = state.holders.get(_AUTHOR_KEY)  # "On 29 March, I issued a statement" in the author's report
    by_author = (*author, Mention("I", "", at, at)) if author else None
    if not labels:
        return by_author
    label = labels[-1]
    group = 1 if label.group(1) else 2
    words = label.group(group).split()
    family = words[-1].capitalize() if words[-1].isupper() else words[-1]
    known = state.people.by_family.get(fold(family))
    if known is None:
        return by_author  # "MODERATOR:", "Original: English": no one the report has named
    title = " ".join(w.capitalize() for w in words[:-1]) if group == 1 else re.sub(
        r"^The\s+", "", label.group(0).split("(", 1)[0]).strip()  # the office before the name
    return known, known.country, Mention(family, title, label.start(group), label.end(group))


_ACTOR_FIELDS = frozenset({"actors", "actor", "participants", "parties", "who"})
# One listed actor: "Mark Rutte (NATO Secretary General)", "Alexander Stubb (President, Finland)", "FIN (Police)"
_LISTED_ACTOR = re.compile(r"\s*(?P<name>[^();]+?)\s*(?:\((?P<note>[^)]*)\))?\s*(?:;|$)")


def _listed_actors(state: ReportState, act: Act, when: date
                   ) -> tuple[list[tuple[ResolvedPerson, str | None, Mention]], set[str]]:
    """The people and states an entry's actors column lists (a tracker's "ACTORS" cell), for the entry's
    first act: "Name (Role, State)" is a person with that title and state; a state's name or code is a state."""
    if act.start != act.entry.start + len(act.entry.text) - len(act.entry.text.lstrip()):
        return [], set()  # a later act of the entry: the column lists the row's actors, not its
    cell = next((v for k, v in act.entry.fields.items() if k.strip().lower() in _ACTOR_FIELDS), "")
    people: list[tuple[ResolvedPerson, str | None, Mention]] = []
    states: set[str] = set()
    for m in _LISTED_ACTOR.finditer(cell):
        name, note = m["name"].strip(), [w.strip() for w in (m["note"] or "").split(",") if w.strip()]
        listed_state = _state_named(name, state.ref)
        if listed_state:
            states.add(listed_state)  # "FIN (Police, Border Guard)"
            continue
        # the bracket's last item: a state ("President, Finland", "LTU") or a body ("High Representative, EU")
        noted_state = (_state_named(note[-1], state.ref) or state.ref.organizations.get(fold(note[-1])) or None
                       ) if note else None
        role = ", ".join(note[:-1] if noted_state else note)
        if not (any(x.name == name for x in find_mentions(f"{role} {name}".strip(), state.ref, state.people))
                or ((noted_state or ROLE_WORDS.search(role)) and _LISTED_NAME.fullmatch(name))):
            continue  # "Eagle S (tanker, Cook Islands flag)", "unknown vessel": not a person
        mention = Mention(name, role, act.entry.start, act.entry.start)
        person, country = _person_and_state(state, mention, when, noted_state or country_from_title(role, state.ref),
                                            stated=noted_state)
        people.append((person, country, mention))
        if country and country != "INT":
            states.add(country)
    return people, states


_LISTED_NAME = re.compile(r"[A-ZÀ-Þ][\w'’-]+(?:\s+(?:[A-ZÀ-Þ][\w'’.-]*|de|da|van|von|al|bin)){1,3}")


def _state_named(phrase: str, ref: Reference) -> str | None:
    key = fold(phrase)
    return phrase if phrase in ref.countries else ref.country_by_name.get(key)


def _publisher_holder(state: ReportState, key: str) -> tuple[ResolvedPerson, str | None] | None:
    """"the Minister" on a ministry's own page, after a guest minister was named too: its own minister,
    when the publisher's state has had one holder of the title."""
    own = {held[0].participant_id: held for held in state.all_holders.get(key, ()) if held[1] == state.publisher}
    return next(iter(own.values())) if state.publisher and len(own) == 1 else None


def _candidates(state: ReportState, act: Act, when: date) -> list[tuple[ResolvedPerson, str | None, Mention]]:
    """The people a vote's result names in the next sentence ("… delivered a near tie. Noboa took 44.2% of
    the vote against 44.0% for Luisa González …"): the candidates of an election told without them."""
    end = act.start + len(act.text)
    following = state.doc.text[end:end + 400]
    stop = _SENTENCE_END.search(following.lstrip())
    sentence_end = end + len(following) - len(following.lstrip()) + (stop.end() if stop else len(following))
    if not _RESULT_WORDS.search(state.doc.text, end, sentence_end):
        return _candidates_of_the_state(state, act)  # no result in the next sentence
    out = []
    text = state.doc.text
    for mention in state.doc_mentions[bisect_left(state.doc_starts, end):bisect_left(state.doc_starts, sentence_end)]:
        if not _stands_in_the_vote(text, mention):
            continue  # "the protégée of former president Rafael Correa": named, not standing
        hint = country_from_title(mention.title, state.ref) or of_country(text, mention.end, state.ref)
        person, country = _person_and_state(state, mention, when, hint)
        if all(p[0].participant_id != person.participant_id for p in out):
            out.append((person, country, mention))
    return out or _candidates_of_the_state(state, act)


_PLURAL_PEOPLE = re.compile(r"\b([A-Z][a-z]+(?:an|ese|ish|i))s\b")


def _candidates_of_the_state(state: ReportState, act: Act) -> list[tuple[ResolvedPerson, str | None, Mention]]:
    """"Ghanaians voted on 7 December …": the candidates the report named, when the vote is their state's."""
    known = state.all_holders.get(_CANDIDATES_KEY, [])
    states = {c for _, c in known}
    if not known or None in states:
        return []
    named = _states_named(act.text, state.ref) | {  # ("Ghanaians voted …": a state's people, plural)
        code for m in _PLURAL_PEOPLE.finditer(act.text) if (code := _state_in(m[1], state.ref))}
    if not states <= named:
        return []
    where = Mention("", "", act.start, act.start)
    return [(p, c, where) for p, c in known]


def _runners_up(state: ReportState, act: Act, when: date, people: list) -> list:
    """The other candidates the result names with their share ("… against 41.15% for Kim Moon-soo")."""
    named = {p[0].participant_id for p in people}
    end = act.start + len(act.text)
    out = []
    for mention in state.doc_mentions[bisect_left(state.doc_starts, act.start):bisect_left(state.doc_starts, end)]:
        if _SHARE_FOR.search(state.doc.text, max(0, mention.start - 48), mention.start):
            hint = country_from_title(mention.title, state.ref)
            person, country = _person_and_state(state, mention, when, hint)
            if person.participant_id not in named:
                named.add(person.participant_id)
                out.append((person, country, mention))
    return out


def _stands_in_the_vote(text: str, mention: Mention) -> bool:
    """A name right before a result ("Noboa took 44.2%") or right after a share ("44.0% for Luisa González"),
    not a former officeholder named in passing."""
    if "former" in text[max(0, mention.start - len(mention.title) - 12):mention.start].lower():
        return False
    return bool(_RESULT_WORDS.search(text, mention.end, mention.end + 50)
                or _SHARE_FOR.search(text, max(0, mention.start - 48), mention.start))


_RESULT_WORDS = re.compile(r"%|\b(?:votes?|seats|came (?:first|second|third)|won|defeated|beat)\b")
# "44.2% of the vote against 44.0% for Luisa González", "… 41.8% for Senator Jo Roe" (a title before the name)
_SHARE_FOR = re.compile(r"%\s+(?:for|to)\s+(?:[A-Z][\w.'’-]*\s+){0,3}$")


def _pronoun_referent(state: ReportState, act: Act, when: date
                      ) -> tuple[ResolvedPerson, str | None, Mention] | None:
    """Who "he"/"she" opening an act refers to: the one person named in the sentence before it
    ("President Aleksandar Vucic has looked for friends abroad. On Tuesday, he hosted …"), else the
    last lone subject of an act; when the sentence before names several, its subject if it is an act's."""
    if _only_tells(act):
        return None
    before = state.doc.text[max(0, act.start - 400):act.start]
    sentences = [m.end() for m in _SENTENCE_END.finditer(before.rstrip())]
    if sentences:
        start = act.start - len(before) + (sentences[-2] if len(sentences) > 1 else 0)
        end = act.start - len(before) + sentences[-1]
        named = {fold(m.name): m for m in state.doc_mentions[bisect_left(state.doc_starts, start):
                                                               bisect_left(state.doc_starts, end)]}
        if _PRONOUN_SUBJECT.match(state.doc.text[start:end]):
            named = {}  # "On Tuesday, he hosted Szijjarto … The next day he told …": still the same "he"
        if len(named) == 1:
            mention = next(iter(named.values()))
            person, country = _person_and_state(state, mention, when, country_from_title(mention.title, state.ref))
            return person, country, Mention(mention.name, "", mention.start, mention.end)
        if named:  # several named: "he" is that sentence's subject, if it had one ("Scholz met Macron …")
            last = state.last_subject
            return last if last and start <= last[2].start < end else None
    last = state.last_subject
    if (tagged := _paragraph_speaker(state, act.start)) and not (
            last and last[2].start > tagged[2].start):
        return tagged  # "Mr. SWAN said … On 2 December, he travelled …": the briefer the paragraph reports
    return last if last and act.start - last[2].start < 600 else _page_subject(state, act)


def _page_subject(state: ReportState, act: Act) -> tuple[ResolvedPerson, str | None, Mention] | None:
    """The person the page is about, as the one acting in `act` (no one closer named)."""
    subject = state.holders.get(_SUBJECT_KEY)
    return (*subject, Mention(subject[0].canonical_name, "", act.start, act.start)) if subject else None


# A sentence opening on its verb, its subject left out: "Held talks with …", "Met …", "Received by …"
_SUBJECTLESS = re.compile(r"(?:^|(?<=[.!?\]:])\s+)(?!United\b)"
                          r"(?:[A-Z][a-z]+ed|Met|Held|Led|Made|Gave|Took|Spoke|Paid|Went|Flew|Laid|Began)\s+"
                          r"(?!(?:that|by the|and)\b)")


def _subjectless_actor(state: ReportState, act: Act, people: list) -> list:
    """On a page about one person (a list of their visits), a sentence with no subject ("Held talks with Xi …")
    is theirs; so is an office taken by "her"/"him" that names no one else ("the Senate confirmed his
    appointment, and he was sworn in")."""
    if _SUBJECT_KEY not in state.holders:
        return people
    if not people and ("sworn" in act.text or "appoint" in act.text or "nominat" in act.text) and (
            _OWN_OFFICE.search(act.text)) and (subject := _page_subject(state, act)):
        return [subject]
    if not (verb := _SUBJECTLESS.search(act.text)) or fold(
            verb[0].split()[0]) in state.people.by_family or (
            (subject := _page_subject(state, act)) is None) or any(
            p[0].participant_id == subject[0].participant_id for p in people):
        return people
    return [subject, *people]


# "approved her appointment", "she was sworn in": the office taken by someone the sentence only calls he or she
_OWN_OFFICE = re.compile(r"\b(?:(?:his|her)\s+(?:appointment|nomination|swearing-in)|(?:he|she)\s+(?:was|were)\s+"
                         r"(?:sworn|appointed|nominated))\b", re.IGNORECASE)


# "He added that the two leaders met …": the speaker reports others' act; he is no participant of it
_TELLS_OF_OTHERS = re.compile(r"\s*(?:[^,]{0,40},\s+)?(?:[Hh]e|[Ss]he)\s+(?:also\s+)?(?:said|added|recalled|noted|"
                              r"stressed|warned|reported|told|explained|described)\b")


def _only_tells(act: Act) -> bool:
    """"He added that the two leaders had met …": "he" tells of an act others did (the act's verb is not his
    telling), unless he tells of his own ("She said she had met …")."""
    m = _TELLS_OF_OTHERS.match(act.text)
    if m is None or re.match(r"\s+(?:that\s+)?(?:he|she)\b", act.text[m.end():]):
        return False
    pred = act.verb or main_verb(act.text)
    return pred is not None and pred.start > m.end() and pred.lemma not in REPORTING


# A paragraph of meetings coverage opening on its speaker: "Mr. SWAN said …", "Ms. Okafor told the Council …"
_SPEAKER_TAG = re.compile(r"(?:Mr|Ms|Mrs|Dr)\.?\s+([A-Z][\w'’-]+)(?:\s+\([^)]{1,40}\))?\s+(?:said|told|added|noted|"
                          r"stressed|warned|reported|recalled|described|briefed)\b")


def _paragraph_speaker(state: ReportState, at: int) -> tuple[ResolvedPerson, str | None, Mention] | None:
    """The person a paragraph opens by reporting ("Mr. SWAN said …"), once the report has named them in full."""
    text = state.doc.text
    start = text.rfind("\n", 0, at) + 1
    if "M" not in text[start:start + 3] and "Dr" not in text[start:start + 3]:
        return None  # the paragraph opens on no form of address: a cheap test first
    m = _SPEAKER_TAG.match(text, start)
    if m is None:
        return None
    known = state.people.by_family.get(fold(m[1]))
    return (known, known.country, Mention(m[1], "", m.start(1), m.end(1))) if known else None


_SENTENCE_END = re.compile(r"[.!?][”\"’)]?(?=\s)|[.!?][”\"’)]?$")


def _remember_subject(state: ReportState, act: Act, people: list, pred: Predicate | None) -> None:
    """The person named as the subject of this act: "he"/"she" in a later subject refers to them."""
    subject_people = [p for p in people if pred and p[2].start < act.start + pred.start]
    if len(subject_people) == 1:
        state.last_subject = subject_people[0]
    elif subject_people:
        state.last_subject = None  # "Blinken and Wang …": "he" would be ambiguous


def _scene_location(state: ReportState, act: Act) -> Location | None:
    last = state.events[-1]
    if not last["location"] or last["date_start"] != act.entry.span.start:
        return None
    place = state.ref.places.get(fold(last["location"]))
    return Location(last["location"], place)


def _titled(entry: Entry, text: str) -> bool:
    """The entry's venue is a sentence of its own right before its text ("Tehran. …", "**Ceasefire.** …"),
    not a field set apart ("near Djibo · Battle.")."""
    before = text[max(0, entry.start - len(entry.venue) - 6):entry.start]
    return entry.venue == entry.place and re.search(re.escape(entry.venue) + r"\.\W*$", before) is not None


def _stated_venue(act: Act, ref: Reference, text: str) -> Location | None:
    """The place an entry states apart from its text, for its first act: "Israel Defense Forces – Strikes on
    sites in Iran, incl. Natanz" in a calendar row whose Where cell says Natanz took place at Natanz."""
    if not act.entry.venue or act.start > act.entry.start + 2:
        return None
    if _titled(act.entry, text) and not _is_dateline_place(act.entry.place, ref):
        return None  # "**Operation Sindoor.** Indian missiles struck …": an entry's title, not a place-first head
    name = _finest_part(act.entry.venue, ref)
    return Location(name, ref.places.get(fold(name))) if not name.isupper() else _resolve_dateline(name, ref)


def _finest_part(where: str, ref: Reference) -> str:
    """The finest place a field names: "Palais du Peuple, Djibouti" -> Palais du Peuple; "Bure, near Assab" ->
    Bure (near a town is where it is); "Burkina Faso, Soum province, near Djibo" -> Djibo (the rest is coarser)."""
    where = _VENUE_NOTE.sub("", where)  # "New York (UNGA 79)": the place, not the occasion
    if " and " in where and "," not in where and _is_town(where.split(" and ")[0].strip(), ref):
        return where.split(" and ")[0].strip()  # "Tornio and Haparanda": the stops of a joint visit, from the first
    parts = [p.strip() for p in where.split(",") if p.strip()]
    named = [p for p in parts if not _LOCATOR.match(p) and not _coarse_place(p, ref)]
    venues = [p for p in named if _VENUE_NAME.search(p)]  # "Palace of Westminster, London": the venue
    located = [p for p in parts if _LOCATOR.match(p)]
    if len(named) > 1 and not venues and not located and _is_town(named[0], ref):
        return named[0]  # "Beijing, Chengdu" (a visit's areas): the stops of a trip, which starts at the first
    return PLACE_WORDS.sub("", (venues[:1] or named[-1:] or located[-1:] or parts[-1:])[0]).strip()


_VENUE_NOTE = re.compile(r"\s*\([^)]*\)")
_VENUE_NAME = re.compile(r"\b(?:Palace|Palais|Palacio|House|Hall|Hotel|Centre|Center|Museum|Stadium|University|"
                         r"Headquarters|Base|Airport|Guesthouse)\b")
_LOCATOR = re.compile(r"^(?:near|outside|around|off|north of|south of|east of|west of)\s+", re.IGNORECASE)
_ADMIN_WORD = re.compile(r"\b" + ADMIN_KINDS + "$", re.IGNORECASE)


def _is_town(name: str, ref: Reference) -> bool:
    return (place := ref.places.get(fold(name))) is not None and place.kind in {"city", "capital"}


def _coarse_place(name: str, ref: Reference) -> bool:
    place = ref.places.get(fold(name))
    return bool((place and place.kind in {"country", "region"}) or fold(name) in ref.country_by_name
                or _ADMIN_WORD.search(name))


def _is_dateline_place(place: str, ref: Reference) -> bool:
    """A dateline in capitals ("BITUNG —") or a known place ("Tehran. …"); not a bold entry title that only
    names the act ("**Ceasefire.** India and Pakistan agreed …")."""
    return place.isupper() or fold(place) in ref.places or fold(_resolve_dateline(place, ref).name) in ref.places


def _resolve_dateline(place: str, ref: Reference) -> Location:
    """A dateline's capitalised place ("NEW YORK") as the place it names ("New York")."""
    name = " ".join(w.capitalize() for w in place.split())
    return Location(name, ref.places.get(fold(name)))


def _without_titles(act: Act, people: list[tuple[ResolvedPerson, str | None, Mention]]) -> str:
    """The act's text with participants' titles blanked (same length): 'US Forces Korea Commander
    LaCamera' acts for the US, and Korea is not an actor for being in his title."""
    text = act.text
    for _, _, mention in people:
        if mention.title and act.start <= mention.start:
            text = text.replace(mention.title, " " * len(mention.title), 1)
    return text


def _participants(state: ReportState, act: Act, verb_at: int, when: date
                  ) -> list[tuple[ResolvedPerson, str | None, Mention]]:
    """People taking part: named before the topic of the act ("… to discuss the summit between X
    and Y" names X and Y as the topic, not as participants). Mention offsets are in the document."""
    text = act.text
    # The verb starts a word, so TOPIC_CUT (no lookbehind, \b first) matches the predicate alone as in place.
    cut = topic_cut(text[verb_at:])
    limit = verb_at + cut[0] if cut else len(text)
    out: list[tuple[ResolvedPerson, str | None, Mention]] = []
    scanned = sub_scan(state.scanned, state.doc.text, act.start, text) if state.scanned else None
    sources = [m.span(1) for m in _SOURCE_SAID.finditer(text, verb_at)] if " said" in text or " says" in text else []
    if " per " in text:  # "About 900 troops took part, per Defence Minister Jo Roe": who gave the figure
        sources += [m.span(1) for m in _PER_SOURCE.finditer(text)]
    if any(map(text.__contains__, _WITNESS_WORDS)):  # witnesses and the honoured dead are not actors
        sources += [m.span(1) for m in _WITNESSED.finditer(text)]
    for mention in find_mentions(text, state.ref, state.people, scanned):
        if mention.start >= limit or _quoted(text, mention.start) or any(a <= mention.start < b for a, b in sources):
            continue  # (", Defence Minister Viktor Khrenin said, …": who told of the act, not who took part)
        hint = (country_from_title(mention.title, state.ref) or _org_before(text, mention, state.ref)
                or of_country(text, mention.end, state.ref))  # "President Paul Kagame of Rwanda"
        person, country = _person_and_state(state, mention, when, hint)
        if country is None and state.publisher and not person.in_reference and _OFFICIAL.search(mention.title):
            country = state.publisher  # "Deputy Minister for Foreign Affairs, Hon. Efua Mensah-Bonsu" on its page
        absolute = Mention(mention.name, mention.title, act.start + mention.start, act.start + mention.end,
                           mention.country_hint)
        out.append((person, country, absolute))
        _note_holder(state, mention.title, person, country)
    out += _title_references(state, act, limit, {p[0].participant_id for p in out})
    out += _told_candidates(state, act, limit, {p[0].participant_id for p in out})
    return _fill_countries_from_context(state, out)


def _title_keys(title: str, ref: Reference) -> list[str]:
    """The forms a later bare reference may take of a title: "British Foreign Secretary" -> "foreign
    secretary"; "Secretary of State" -> "secretary of state", "secretary"."""
    title = re.sub(r"^[Tt]he\s+", "", title)
    if not title[:1].isupper() or "former" in title.lower() or title.endswith(("'s", "’s")):
        return []
    words = title.replace("U.S.", "US").split()
    while len(words) > 1 and (fold(words[0]) in ref.country_by_adjective or fold(words[0]) in ref.country_by_name
                              or words[0] in {"US", "UN"}):
        words = words[1:]  # the state is said once; "the Foreign Secretary" later
    core = " ".join(words)
    head = re.split(r"\s+(?:of|for|to|on)\s+|\s+d['’](?=Affaires)", core, maxsplit=1)[0]  # "the Chargé"
    return list(dict.fromkeys(fold(k) for k in (core, head)))


def _note_holder(state: ReportState, title: str, person: ResolvedPerson, country: str | None) -> None:
    for key in _title_keys(title, state.ref):
        state.all_holders.setdefault(key, []).append((person, country))
        held = state.holders.get(key, (person, country))
        same = held is not None and held[0].participant_id == person.participant_id
        state.holders[key] = (person, country or held[1]) if same else None


# "the Secretary", "the Foreign Secretary", "the Head of Mission": a capitalised title alone, not the
# title of a name that follows ("the Secretary-General, Antonio Guterres") nor the start of a longer one.
_TITLE_REFERENCE = re.compile(r"\b[Tt]he\s+(?P<t>(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*"
                              r"(?:\s+of\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*)?)(?![\w'’-])"
                              r"(?!\s*(?:[A-Z]|of\b|for\b|to\b|on\b|\())(?P<comma>\s*,\s*(?P<next>[A-Z][\w'’-]*))?")


def _title_references(state: ReportState, act: Act, limit: int, named: set[str]
                      ) -> list[tuple[ResolvedPerson, str | None, Mention]]:
    """People referred to by their title alone, once the report has named its one holder."""
    if not state.holders or "he " not in act.text[:limit].lower():
        return []  # no title seen yet, or no "the …" phrase: a cheap test first
    out = []
    for m in _TITLE_REFERENCE.finditer(act.text, 0, limit):
        key = fold(m["t"])
        held = state.holders.get(key) or _publisher_holder(state, key)
        if held is None or held[0].participant_id in named or _quoted(act.text, m.start()):
            continue
        if m["next"] and not is_title_word(m["next"]):
            continue  # "the Secretary-General, Antonio Guterres": the title of the name after it
        named.add(held[0].participant_id)
        out.append((held[0], held[1], Mention(m["t"], m["t"], act.start + m.start("t"), act.start + m.end("t"))))
    return out


def _person_and_state(state: ReportState, mention: Mention, when: date, hint: str | None,
                      stated: str | None = None) -> tuple[ResolvedPerson, str | None]:
    """The person a mention names and the state they act for. A state stated with the name (a tracker's
    "(President, Finland)") or opening the title ("Chinese Ambassador …") is explicit; one read off an
    office or organisation (`hint`: "Democratic Party leader") yields to what the reference knows of them."""
    person = resolve(mention, state.ref, state.people, when, hint)
    explicit = stated or leading_country(mention.title, state.ref)
    if explicit is None and person.in_reference and person.country != "INT" and _in_international_office(
            state, person, when):
        return person, "INT"  # "the UN envoy, Julie Bishop": she acts for the UN, not for Australia
    return person, explicit or (person.country if person.in_reference and person.country else hint)


def _in_international_office(state: ReportState, person: ResolvedPerson, when: date | None) -> bool:
    """A known person of a state acting in an international office the reference has them holding on the
    day. (A title alone is no proof: "deputy chairman of Russia's Security Council" reads as a UN title.)"""
    ids = state.ref.people_by_alias.get(fold(person.canonical_name), [])
    return when is not None and bool(ids) and any(
        r.country == "INT" and r.held_on(when) for r in state.ref.roles.get(ids[0], []))


def _org_before(text: str, mention: Mention, ref: Reference) -> str | None:  # offsets relative to text
    """"NHK's Yusaku Ishii": a possessive organisation names the person's state."""
    before = text[max(0, mention.start - 60):mention.start]
    if "by" in before and (leader := _LED_BY_NAME.search(text, max(0, mention.start - 160), mention.start)):
        return _delegation_state(leader["body"], ref)  # "a delegation of the German Bundestag, led by Dr Vossberg"
    if before.endswith(", ") and (adjective := _ADJECTIVE_ROLE.search(before)):
        return ref.country_by_adjective.get(fold(adjective.group(1)))
    if "s" not in before or ("'" not in before and "’" not in before):
        return None  # no possessive: skip the search
    m = _POSSESSIVE_ORG.search(before)
    if not m:
        return None
    key = fold(m.group(1))
    return ref.organizations.get(key) or ref.country_by_name.get(key)


# "A delegation of the German Bundestag's Committee on …, led by Dr": the body whose delegation the person leads
_LED_BY_NAME = re.compile(r"\b(?:delegation|mission|team)\s+(?:of|from)\s+(?P<body>(?:the\s+)?[A-Z][^.;]{0,120}?),?\s+"
                          r"(?:led|headed)\s+by\s+(?:(?:Dr|Mr|Ms|Mrs|Prof)\.?\s+)?$")


def _delegation_state(body: str, ref: Reference) -> str | None:
    """The state of "the German Bundestag's Committee …" or "Ruritania": its first words."""
    words = body.removeprefix("the ").split()
    for n in (2, 1):
        key = fold(re.sub(r"['’]s$", "", " ".join(words[:n])))
        if found := (ref.country_by_name.get(key) or ref.country_by_adjective.get(key) or ref.organizations.get(key)):
            return found
    return None


# "NHK's Yusaku Ishii"; "Kenya's army chief, Jo Roe", "Kenya's intelligence chief Jo Roe": a state's or body's
# role in lower case between the possessive and the name
_POSSESSIVE_ORG = re.compile(r"([A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})['’]s\s+(?:(?:[a-z][\w-]*\s+){0,2}"
                             r"(?i:" + ROLE_WORDS.pattern + r"),?\s+)?$")
# "the Georgian foreign minister, Maka Botchorishvili": a state's adjective before a lower-case role
_ADJECTIVE_ROLE = re.compile(r"\b([A-Z][a-z]+)\s+(?:[a-z][\w-]*\s+){0,2}(?i:" + ROLE_WORDS.pattern + r"),\s+$")


def _quoted(text: str, pos: int) -> bool:
    before = text[:pos]
    return before.count("“") > before.count("”")


# "Chinese Ambassador to Vanuatu": the state an ambassador is posted to
_POSTED_TO = re.compile(r"\bAmbassador\s+to\s+(?:the\s+)?(?P<host>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})")


def _hosts_of_the_ambassador(ref: Reference, people: list[tuple[ResolvedPerson, str | None, Mention]],
                             publisher: str | None) -> list[tuple[ResolvedPerson, str | None, Mention]]:
    """"Chinese Ambassador to Vanuatu Li Minggang and Prime Minister Jo Roe": an office holder of no stated
    state (at most the page's publisher's, by default) acting with an ambassador is of the state the
    ambassador is posted to."""
    hosts = {host for _, _, m in people if (posted := _POSTED_TO.search(m.title))
             and (host := ref.country_by_name.get(fold(posted["host"])))}
    if len(hosts) != 1:
        return people
    host = hosts.pop()

    def state_of(person: ResolvedPerson, country: str | None, mention: Mention) -> str | None:
        unstated = country is None or (country == publisher and not person.in_reference
                                       and not country_from_title(mention.title, ref))
        hosted = unstated and ROLE_WORDS.search(mention.title) and not _POSTED_TO.search(mention.title)
        return host if hosted else country

    return [(p, state_of(p, c, m), m) for p, c, m in people]


def _fill_countries_from_context(state: ReportState, people: list[tuple[ResolvedPerson, str | None, Mention]]
                                 ) -> list[tuple[ResolvedPerson, str | None, Mention]]:
    """A person of unknown state meeting one side of a bilateral report is on the other side, when the act
    names that side just before them ("talks with an Indian team under Chief Negotiator …"). The report's
    pair alone is no evidence: "President Mohamud and Jubaland leader Madobe met" in a report that also
    names China a lot is not a meeting with China."""
    if any("Ambassador to" in m.title for _, _, m in people):
        people = _hosts_of_the_ambassador(state.ref, people, state.publisher)
    pair = state.people.report_countries
    known = {c for _, c, _ in people if c}
    if len(pair) != 2 or not known or not known <= set(pair) or len(known) != 1:
        return people
    other = next(c for c in pair if c not in known)
    return [(p, c or (other if _side_named_before(state, people, m, other) else None), m) for p, c, m in people]


def _side_named_before(state: ReportState, people: list[tuple[ResolvedPerson, str | None, Mention]],
                       mention: Mention, side: str) -> bool:
    """`side` is named between the person named before this one (or 60 characters back) and this name:
    "DPRK Minister … Yun", "a delegation of Indian MPs led by …"; not "appoints … as ambassador to India"."""
    start = max([mention.start - 60] + [m.end for _, _, m in people if m.end <= mention.start])
    return _state_in(state.doc.text[start:mention.start], state.ref) == side


# "visited Chisinau and met Deputy Prime Minister X", "visits Abuja, where she meets …": the place visited
# "visited Chisinau and met", "travelled to Labasa on Vanua Levu, where she called on", "visited Port Vila from
# 25 to 27 February, where it met": a short phrase (no sentence end) may sit between the place and the meeting
_VISITED_AND_MET = re.compile(r"\b(?:visit(?:s|ed)|travell?(?:s|ed)\s+to|arrived\s+in)\s+"
                              r"(?P<place>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)(?:\s[^.;,]{1,40}?)?,?\s+(?:and|where"
                              r"\s+(?:he|she|they|it))\s+(?:met|meets|called on|calls on|held talks with|"
                              r"holds talks with)\b")


def _hosts_met(act: Act, people: list[tuple[ResolvedPerson, str | None, Mention]],
               ref: Reference, publisher: str | None) -> list[tuple[ResolvedPerson, str | None, Mention]]:
    """The people a visitor meets in the place visited, of no state the text gives, are their hosts: of the
    place's state ("visited Chisinau and met Deputy Prime Minister Cristina Gherasimov": Moldova's). A host
    in his own country is not of the publishing embassy's state just because his title reads official."""
    if not (m := _VISITED_AND_MET.search(act.text)) or not (
            (place := ref.places.get(fold(m["place"]))) and place.country):
        return people
    met_from = act.start + m.end()

    def host_state(person: ResolvedPerson, country: str | None, mention: Mention) -> str | None:
        if mention.start < met_from:
            return country
        if country is None or (country == publisher and not person.in_reference
                               and not country_from_title(mention.title, ref)):
            return place.country
        return country

    return [(p, host_state(p, c, mention), mention) for p, c, mention in people]


# "presented her letters of credence to President Jo Roe at Bellevue Palace in Berlin"
_CREDENTIALS_TO = re.compile(r"\bpresent(?:s|ed)?\s+(?:his|her|their)\s+(?:letters\s+of\s+credence|credentials)\s+"
                             r"to\b[^.;]*?\bin\s+(?P<place>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)")


def _credentials_received(act: Act, people: list[tuple[ResolvedPerson, str | None, Mention]],
                          ref: Reference) -> list[tuple[ResolvedPerson, str | None, Mention]]:
    """An envoy presents credentials to the head of the state receiving them, where the ceremony is: the
    one they are presented to, of no state the text gives, is of the place's state."""
    if not (m := _CREDENTIALS_TO.search(act.text)) or not (
            (place := ref.places.get(fold(m["place"]))) and place.country):
        return people
    to_from, to_end = act.start + m.start(), act.start + m.start("place")
    return [(p, c or (place.country if to_from < mention.start < to_end else None), mention)
            for p, c, mention in people]


# "At the invitation of President X, President Y paid a visit …", "… visited Oslo at the invitation of King X":
# the one who invited
_INVITED_BY = re.compile(r"\b(?:[Aa]t|[Oo]n|[Uu]pon)\s+the\s+invitation\s+of\b")
# "He was accompanied by the Minister of Foreign Affairs, Jo Roe, …", "It comprised Hon. Jo Roe, MP; …": the
# next sentences' companions and members (a period ending a style of address ends no sentence)
_ACCOMPANIED_BY = re.compile(r"\s*(?<![^\s])(?:(?:He|She|They|It|The\s+(?:delegation|mission|team))\s+(?:was|were)\s+"
                             r"accompanied\s+by|(?:It|The\s+(?:delegation|mission|team))\s+(?:comprised|consisted\s+of|"
                             r"included|was\s+composed\s+of))\b(?:[^.]|\.(?<=\b(?:Hon|Mr|Mrs|Ms|Dr|Prof|Amb|E)\.)){0,400}")


def _visiting_party(state: ReportState, act: Act, people: list[tuple[ResolvedPerson, str | None, Mention]],
                    when: date) -> list[tuple[ResolvedPerson, str | None, Mention]]:
    """A visit's party: not whoever invited ("At the invitation of President X, President Y visited …", unless
    named again), and with those the next sentence says accompanied the visitor, of the visitor's state."""
    invited = _INVITED_BY.search(act.text) if "invitation" in act.text else None
    after = [p for p in people if invited and p[2].start >= act.start + invited.end()]
    if after and len({p[0].participant_id for p in people}) > 1:
        inviter = min(after, key=lambda p: p[2].start)[0].participant_id  # the first named, right after "of"
        if sum(p[0].participant_id == inviter for p in people) == 1:
            people = [p for p in people if p[0].participant_id != inviter]
    companies = _company_sentences(state.doc.text, act)
    if not companies:
        return people
    first = companies[0].start()
    visitor_state = next((c for _, c, m in people if c and c != "INT" and m.start < first), None)
    people = [(p, c or (visitor_state if m.start >= first else None), m) for p, c, m in people]
    named = {p[0].participant_id for p in people}
    for company in companies:
        for mention in find_mentions(company[0], state.ref, state.people):
            hint = country_from_title(mention.title, state.ref) or visitor_state
            person, country = _person_and_state(state, mention, when, hint)
            if person.participant_id not in named:
                named.add(person.participant_id)
                people = [*people, (person, country, Mention(
                    mention.name, mention.title, company.start() + mention.start, company.start() + mention.end))]
    return people


def _company_sentences(text: str, act: Act) -> list:
    """The sentences right after a visit that name its party ("It comprised …. The delegation was accompanied by
    …"), or the act's own "accompanied by" clause."""
    end = act.start + len(act.text)
    out = []
    while len(out) < 2 and (company := _ACCOMPANIED_BY.match(text, end, end + 500)):
        out.append(company)
        end = company.end() + 1
    if not out and "accompanied" in act.text and (company := _ACCOMPANIED_BY.search(text, act.start, end)):
        out.append(company)
    return out


def _visitor_from_the_other_side(state: ReportState, people: list[tuple[ResolvedPerson, str | None, Mention]],
                                 host: str) -> tuple[list[tuple[ResolvedPerson, str | None, Mention]], set[str]]:
    """"Culture Minister Olga Lyubimova visits Pyongyang" in a Russia-North Korea report: a visitor of
    unknown state to one side of a bilateral report comes from the other."""
    pair = state.titled_pair  # (the states named most are a weaker sign than a title)
    if len(pair) != 2 or host not in pair or any(c for _, c, _ in people):
        return people, set()
    other = next(c for c in pair if c != host)
    return [(p, other, m) for p, _, m in people], {other}


def _link_people(state: ReportState, event_id: str, act: Act,
                 people: list[tuple[ResolvedPerson, str | None, Mention]]) -> None:
    seen = set()
    for person, country, mention in people:
        if person.participant_id in seen:
            continue
        seen.add(person.participant_id)
        if person.participant_id not in state.persons or (country and not state.persons[
                person.participant_id].country):
            state.persons[person.participant_id] = ResolvedPerson(
                person.participant_id, person.canonical_name, person.country or country, person.in_reference)
        state.links.append({
            "event_id": event_id, "participant_id": person.participant_id, "title": mention.title,
            "country": country, "mention": mention.name, "file_id": state.file_id, "char_start": mention.start,
            "char_end": mention.end, "extractor_version": EXTRACTOR_VERSION,
        })


def _fill_learned_states(state: ReportState) -> None:
    """A person has one state in a report: the state learned at one act ("for George Simion" in Romania's
    runoff) is theirs, and their state's, at the acts that did not name it ("Simion conceded defeat")."""
    events = {e["event_id"]: e for e in state.events}
    for link in state.links:
        if link["country"] or not (learned := state.persons[link["participant_id"]].country):
            continue
        link["country"] = learned
        if learned != "INT" and learned not in (countries := events[link["event_id"]]["countries"]):
            events[link["event_id"]]["countries"] = sorted([*countries, learned])


def participant_rows(state: ReportState) -> list[dict]:
    return [{"participant_id": p.participant_id, "canonical_name": p.canonical_name, "country": p.country,
             "in_reference": p.in_reference} for p in state.persons.values()]


def alias_rows(state: ReportState) -> list[dict]:
    rows = []
    for pid in state.persons:
        for alias in sorted(state.people.aliases.get(pid, set())):
            rows.append({"participant_id": pid, "alias": alias, "report_id": state.report_id})
    return rows


# ----------------------------------------------------------------------------- metrics

def metric_rows(state: ReportState, period: tuple[date, date] | None, entries: list[Entry]) -> list[dict]:
    default_period = period[1] if period else (max(e.span.end for e in entries) if entries else None)
    rows = []
    for m in find_metrics(state.doc.text, state.ref):
        info = describe_metric(m, state.doc.text, state.ref, default_period)
        rows.append({
            "metric_id": stable_id("mt", state.report_id, m.unit, m.value, m.start, m.number_span),
            "report_id": state.report_id, "value": m.value, "unit": m.unit, **info, "text": m.text,
            "file_id": state.file_id, "char_start": m.start, "char_end": m.end,
            "extractor_version": EXTRACTOR_VERSION,
        })
    return rows
