"""Date expressions as reports print them: "Sept. 1, 2023", "Dec. 5-7", "Aug. 22–Sept. 1, 2022",
"12–14 March 2021", "June 2022", "24.02.2025", "23–25.03.2025", and year context from headings
("SEPTEMBER–DECEMBER 2023")."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from transforms import _regex as re

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_M = rf"(?:{_MONTH}\.?)"
_DASH = r"\s*[-–—]\s*"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?!\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_TO = r"\s+(?:to|through)\s+"  # a range written out ("4 to 14 March"); no dash, so a no-dash shape
# Two days joined by "and" ("between 10 and 12 February", "on February 21 and 22"): the span from the first
# to the second. "between" may open it (dropped before parsing: see _BETWEEN_OPEN).
_AND = r"\s+and\s+"
_BETWEEN = r"(?:[Bb]etween\s+)?"
# ISO 8601 calendar dates (2025-03-10) and ranges of them ("2025-03-10 to 2025-03-20", "… – …")
_ISO1 = r"(?P<y1>(?:19|20)\d\d)-(?P<m1>0[1-9]|1[0-2])-(?P<d1>0[1-9]|[12]\d|3[01])(?![\d-])"
_ISO2 = _ISO1.replace("y1", "y2").replace("m1", "m2").replace("d1", "d2")
# … and with slashes, as East Asian and archive pages print them ("2025/11/12"): year first, so never ambiguous
_ISO_SLASH = r"(?P<y1>(?:19|20)\d\d)/(?P<m1>1[0-2]|0?[1-9])/(?P<d1>[12]\d|3[01]|0?[1-9])(?![\d/])"
_ISO_FORMS = [rf"{_ISO1}(?:\s*[-–—]\s*|\s+to\s+){_ISO2}", _ISO1, _ISO_SLASH]
# All-numeric dates. With dots they are day-first (European: "24.02.2025", "7.3.2025", "23–25.03.2025",
# "28.02.–02.03.2025"); a full four-digit year is required, so times (12.30), decimals and version numbers
# are not dates. A slash date ("03/11/2025") names its two numbers n1/n2: which is the day is decided by
# the value (a number over 12 is the day) or by the report's convention (numeric_order).
_ND = r"(?:[12]\d|3[01]|0?[1-9])"
_NM = r"(?:1[0-2]|0?[1-9])"
_NUM_OPEN = r"(?<![\d.,/])"  # not the tail of a longer number ("1.24.02.2025", "3,12.03.2025")
_NUM_CLOSE = r"(?![\d]|[.,/]\d)"
_NUMERIC_FORMS = [
    rf"{_NUM_OPEN}(?P<d1>{_ND})\.(?P<m1>{_NM})\.(?P<y1>{_YEAR})?{_DASH}(?P<d2>{_ND})\.(?P<m2>{_NM})\."
    rf"(?P<y2>{_YEAR}){_NUM_CLOSE}",
    rf"{_NUM_OPEN}(?P<d1>{_ND})\.?{_DASH}(?P<d2>{_ND})\.(?P<m1>{_NM})\.(?P<y1>{_YEAR}){_NUM_CLOSE}",
    rf"{_NUM_OPEN}(?P<d1>{_ND})\.(?P<m1>{_NM})\.(?P<y1>{_YEAR}){_NUM_CLOSE}",
    rf"{_NUM_OPEN}(?P<n1>{_ND})/(?P<n2>{_ND})/(?P<y1>{_YEAR}){_NUM_CLOSE}",
    # a day and month with no year ("14/10: An attack …", "shelled the town on 13/10"), as weeklies print them:
    # only after "on", "of", "since", "from", "until", "by" or as a line's head before a colon, so that "24/7",
    # "2/3 majority" and "191/98" stay numbers; the year is the report's
    rf"(?:(?<=^|\n)(?=\d\d?/\d\d?(?::|$))|(?<=\b(?i:on|of|since|from|until|by)\s))"
    rf"(?P<n1>{_ND})/(?P<n2>{_ND})(?![\d/]|[.,]\d|\s*%)",
]

# Day, month name and year joined by hyphens, as trackers and spreadsheets print them: "25-Dec-24",
# "3-March-2025". A two-digit year is of this century. No space may follow a hyphen, so "4 - Dec" is no date.
_HYPHEN_DMY = (rf"(?P<d1>(?:[12]\d|3[01]|0?[1-9]))-(?P<m1>{_MONTH})-(?P<y1>(?:19|20)?\d\d)(?![\w-])")

_NOT_A_LINK = r"(?!(?:at|in|on|for|with|and|as|when|while|after|before|during|under|upon)\b)"
# Order matters: the most specific forms first. Named groups: m1 d1 y1 m2 d2 y2.
_FORMS = [
    *_ISO_FORMS,
    *_NUMERIC_FORMS,
    _HYPHEN_DMY,
    # Aug. 22–Sept. 1, 2022 / Dec. 31, 2023–Jan. 2, 2024
    rf"(?P<m1>{_M})\s+(?P<d1>{_DAY})(?:,\s*(?P<y1>{_YEAR}))?{_DASH}(?P<m2>{_M})\s+(?P<d2>{_DAY})(?:,?\s*(?P<y2>{_YEAR}))?",
    # Dec. 5-7, 2023 / Oct. 29-30
    rf"(?P<m1>{_M})\s+(?P<d1>{_DAY}){_DASH}(?P<d2>{_DAY})(?:,?\s*(?P<y1>{_YEAR}))?",
    # 30 August–2 September 2022
    rf"(?P<d1>{_DAY})\s+(?P<m1>{_M}){_DASH}(?P<d2>{_DAY})\s+(?P<m2>{_M})(?:,?\s*(?P<y1>{_YEAR}))?",
    # 12–14 March 2021
    rf"(?P<d1>{_DAY}){_DASH}(?P<d2>{_DAY})\s+(?P<m1>{_M})(?:,?\s*(?P<y1>{_YEAR}))?",
    # "to" ranges: 28 November to 2 December 2022 / 9 to 19 August 2023 / June 28 to July 3 / Aug. 9 to 19, 2023
    rf"(?P<d1>{_DAY})\s+(?P<m1>{_M}){_TO}(?P<d2>{_DAY})\s+(?P<m2>{_M})(?:,?\s*(?P<y1>{_YEAR}))?",
    rf"(?P<d1>{_DAY}){_TO}(?P<d2>{_DAY})\s+(?P<m1>{_M})(?:,?\s*(?P<y1>{_YEAR}))?",
    rf"(?P<m1>{_M})\s+(?P<d1>{_DAY}){_TO}(?P<m2>{_M})\s+(?P<d2>{_DAY})(?:,?\s*(?P<y2>{_YEAR}))?",
    # the second day must end the expression: "on August 9 to 19 countries" is one day ("from June 11 to 13 at
    # the invitation of …" is a span: a preposition or a conjunction may follow it)
    rf"(?P<m1>{_M})\s+(?P<d1>{_DAY}){_TO}(?P<d2>{_DAY})(?:,?\s*(?P<y1>{_YEAR}))?(?!\s+{_NOT_A_LINK}[a-z])",
    # "and" spans: between 10 and 12 February / 21 and 22 February 2025 / February 21 and 22, 2025. The
    # second day must end the expression ("on February 21 and 22 people died" is not read as a span).
    rf"{_BETWEEN}(?P<d1>{_DAY}){_AND}(?P<d2>{_DAY})\s+(?P<m1>{_M})(?:,?\s*(?P<y1>{_YEAR}))?",
    rf"{_BETWEEN}(?P<m1>{_M})\s+(?P<d1>{_DAY}){_AND}(?P<d2>{_DAY})(?:,?\s*(?P<y1>{_YEAR}))?(?!\s+[a-z\d])",
    # Sept. 1, 2023 / Sept 1 / September 1
    rf"(?P<m1>{_M})\s+(?P<d1>{_DAY})(?:,?\s*(?P<y1>{_YEAR}))?",
    # 1 September 2023
    rf"(?P<d1>{_DAY})\s+(?P<m1>{_M})(?:,?\s*(?P<y1>{_YEAR}))?",
    # June 2022 (month precision)
    rf"(?P<m1>{_M})\s+(?P<y1>{_YEAR})",
    # June (month precision, year from context) - only accepted at an entry head
    rf"(?P<m1>{_MONTH})",
]
# In DATE_EXPR the numeric forms share one cheap guard (two digits then a separator), so that sentences with
# no numeric date do not pay for trying each of them at every digit.
_NUMERIC_GUARD = r"(?=\d{1,2}\.?\s*[./–—-]\s*\d)"
DATE_EXPR = re.compile(r"\b(?:" + "|".join(
    f"(?:{f})" for f in [*_ISO_FORMS, _NUMERIC_GUARD + "(?:" + "|".join(f"(?:{n})" for n in _NUMERIC_FORMS) + ")",
                         *_FORMS[len(_ISO_FORMS) + len(_NUMERIC_FORMS):-1]]) + r")(?![\w])")
_FORM_RES = [re.compile(rf"^{f}$", re.IGNORECASE) for f in _FORMS]
# _FORM_RES by the shape of the expression they can match: with a dash (the first four forms, which need
# one; the others allow none) or not, opening with a day number or a month. In _FORMS order, so the first
# that matches is the same; parse_date_expr tries 1-3 patterns instead of up to eight.
_FORMS_BY_SHAPE = {
    (dash, day_first): [r for r, f in zip(_FORM_RES, _FORMS, strict=True)
                        if (f in _ISO_FORMS and day_first)  # an ISO date opens with a digit and has dashes
                        or (f in _NUMERIC_FORMS and day_first and (_DASH in f) == dash)
                        or (f == _HYPHEN_DMY and day_first and dash)
                        or ((_DASH in f) == dash and f.removeprefix(_BETWEEN).startswith("(?P<d1>") == day_first)]
    for dash in (False, True) for day_first in (False, True)
}
_DASH_CHARS = ("-", "–", "—")
# Entry head: the date at the start of a chronology block, followed by ":", a dash or a field separator
# ("3 Feb · Country, town · Type. …", as incident monitors print them); or, with no
# separator, a day-first head with an abbreviated month ("21 Oct.  Foreign …", "26–27 Jan. Misri …"), as
# PDF-converted chronologies print them: the abbreviation's period ends the head.
_ABBR_MONTH = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\."
# A weekday before a date: "Thursday, March 20, 2025", "Tue 4 Nov 2024".
WEEKDAY_PREFIX = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)"
_HEAD_SEP = r"\s*(?::|[-–—·•]\s)\s*"
ENTRY_HEAD = re.compile(rf"^\s*{WEEKDAY_PREFIX}?(?P<date>(?:{'|'.join(f'(?:{f})' for f in _FORMS)})){_HEAD_SEP}"
                        rf"|^\s*(?P<date>{_DAY}(?:{_DASH}{_DAY})?\s+{_ABBR_MONTH}(?:\s+{_YEAR})?)\s+(?=[A-Z])")
# The first three letters of every month, and of the weekdays that may come before one: a date that does not
# open with a digit opens with one of these (case-sensitive, as DATE_EXPR and ENTRY_HEAD are), or with
# "between" ("between 10 and 12 February").
DATE_HEADS = frozenset("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec Mon Tue Wed Thu Fri Sat Sun bet Bet".split())
# A line that is only a date (fullmatch), and a time stamp that opens a line ("2024-11-04 06:15 UTC | SLUG",
# "Nov. 4, 2024, 6:15 a.m. ET"): the date of a wire item or a release, not of an act.
DATE_LINE = re.compile(rf"\s*{WEEKDAY_PREFIX}?(?P<date>{DATE_EXPR.pattern})\s*[:–—-]?\s*")
# (a page's dateline may set the time off with a middle dot or a bar: "Friday, March 14, 2025 · 6:30 PM · Fact Sheets")
STAMP = re.compile(rf"\s*{WEEKDAY_PREFIX}?(?P<date>{DATE_EXPR.pattern}),?(?:\s*[·•|]\s*|\s+|T)(?:at\s+)?"
                   r"\d{1,2}:\d\d(?::\d\d)?(?!\d)(?:\s*[AaPp]\.?[Mm]\.?)?")
PERIOD_HEADING = re.compile(
    rf"^\s*(?P<m1>{_MONTH})(?:\s+(?P<y1>{_YEAR}))?\s*[-–—/]+\s*(?P<m2>{_MONTH})\s+(?P<y2>{_YEAR})\s*$",
    re.IGNORECASE,
)
YEAR_RE = re.compile(rf"\b({_YEAR})\b")


@dataclass(frozen=True)
class DateSpan:
    start: date
    end: date
    precision: str = "day"  # day | month
    inferred: bool = False  # the year did not come from the expression itself


def month_number(token: str) -> int:
    if token.isdigit():  # an ISO date's month
        return int(token)
    key = token.lower().rstrip(".")
    return MONTHS.get(key) or MONTHS[key[:3]]


@lru_cache(maxsize=1024)  # a report prints (and the extractor re-reads) the same heads
def parse_date_expr(expr: str, default_year: int | None, order: str = "") -> DateSpan | None:
    """Parse one date expression; a missing year comes from `default_year` (marked inferred). `order`
    ("dmy" | "mdy" | "") is the report's convention for slash dates whose numbers are both 12 or less."""
    expr = re.sub(r"\s+", " ", expr.strip())
    if expr[:8].lower() == "between ":
        expr = expr[8:]  # "between 10 and 12 February": the span itself
    shape = any(map(expr.__contains__, _DASH_CHARS)), "0" <= expr[:1] <= "9"
    for form in _FORMS_BY_SHAPE[shape]:
        m = form.match(expr)
        if m:
            g = m.groupdict()
            if g.get("n1") and not _slash_day_month(g, order):
                return None  # "03/11/2025" with no convention: no guess
            return _span_from_groups(g, default_year)
    return None


def _slash_day_month(g: dict[str, str | None], order: str) -> bool:
    """Set d1/m1 of a slash date from n1/n2: a number over 12 is the day, else the report's `order`."""
    n1, n2 = int(g["n1"] or 0), int(g["n2"] or 0)
    if n1 > 12 and n2 > 12:
        return False
    if n1 > 12 or n2 > 12:
        day_first = n1 > 12
    elif order:
        day_first = order == "dmy"
    else:
        return False
    g["d1"], g["m1"] = (g["n1"], g["n2"]) if day_first else (g["n2"], g["n1"])
    return True


# A stated convention ("dates are DD.MM.YYYY", "(MM/DD/YYYY)") and the slash dates that settle it.
_STATED_ORDER = re.compile(r"\b(?:(?P<dmy>DD?[./-]MM?)|(?P<mdy>MM?[./-]DD?))[./-](?:YYYY|YY)\b", re.IGNORECASE)
_SLASH_DATE = re.compile(rf"{_NUM_OPEN}\b(\d{{1,2}})/(\d{{1,2}})/{_YEAR}{_NUM_CLOSE}")


@lru_cache(maxsize=4)  # the chronology and the sentence pass ask about the same document
def numeric_order(text: str) -> str:
    """How a report writes slash dates: "dmy" or "mdy" as it states it ("DD/MM/YYYY"), else as its slash
    dates with a number over 12 show; "" when nothing says (ambiguous slash dates are then not read)."""
    if "/" not in text:
        return ""  # dotted dates are always day-first: only slash dates ask
    if not _SLASH_DATE.search(text):
        return _written_order(text) if _SHORT_SLASH.search(text) else ""
    stated = _STATED_ORDER.search(text)
    if stated:
        return "dmy" if stated["dmy"] else "mdy"
    votes = {"dmy": 0, "mdy": 0}
    for m in _SLASH_DATE.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        if a > 12 >= b:
            votes["dmy"] += 1
        elif b > 12 >= a:
            votes["mdy"] += 1
    if votes["dmy"] == votes["mdy"]:
        return ""
    return "dmy" if votes["dmy"] > votes["mdy"] else "mdy"


# A day and month with no year after a preposition ("on 3/5"), and written dates by which comes first
# ("Mar 9", "March 9" against "9 March").
_SHORT_SLASH = re.compile(r"\b(?i:on|of|since|from|until|by)\s+\d\d?/\d\d?\b(?!/)")
_MONTH_FIRST = re.compile(rf"\b{_M}\s+{_DAY}\b(?!\d)")
_DAY_FIRST = re.compile(rf"\b{_DAY}\s+{_MONTH}\b")


def _written_order(text: str) -> str:
    """The slash order a text with no full slash date implies by how it writes its other dates: "mdy" where
    the month comes first more often ("Mar 9, 2025 … on 3/5"), "dmy" where the day does; "" on a tie."""
    month_first, day_first = len(_MONTH_FIRST.findall(text)), len(_DAY_FIRST.findall(text))
    if month_first == day_first:
        return ""
    return "mdy" if month_first > day_first else "dmy"


def _span_from_groups(g: dict[str, str | None], default_year: int | None) -> DateSpan | None:
    y1 = _full_year(g["y1"]) if g.get("y1") else None
    y2 = _full_year(g["y2"]) if g.get("y2") else None
    year_end = y2 or y1 or default_year
    if year_end is None:
        return None
    inferred = y1 is None and y2 is None
    m1 = month_number(g["m1"])
    m2 = month_number(g["m2"]) if g.get("m2") else m1
    year_start = y1 if (y1 and y2) else year_end - (1 if m2 < m1 else 0)
    try:
        if not g.get("d1"):  # month precision
            last = calendar.monthrange(year_end, m1)[1]
            return DateSpan(date(year_end, m1, 1), date(year_end, m1, last), "month", inferred)
        d1 = int(re.sub(r"\D", "", g["d1"]))
        d2 = int(re.sub(r"\D", "", g["d2"])) if g.get("d2") else d1
        start, end = date(year_start, m1, d1), date(year_end, m2, d2)
    except ValueError:
        return None
    return DateSpan(start, end, "day", inferred) if start <= end else None


def _full_year(text: str) -> int:
    """A printed year; a two-digit one ("25-Dec-24") is of this century."""
    year = int(text)
    return year + 2000 if year < 100 else year


def parse_period_heading(line: str) -> tuple[date, date] | None:
    """'SEPTEMBER–DECEMBER 2023' -> (2023-09-01, 2023-12-31)."""
    m = PERIOD_HEADING.match(line)
    if not m:
        return None
    y2 = int(m["y2"])
    m1, m2 = month_number(m["m1"]), month_number(m["m2"])
    y1 = int(m["y1"]) if m["y1"] else (y2 - 1 if m1 > m2 else y2)
    return date(y1, m1, 1), date(y2, m2, calendar.monthrange(y2, m2)[1])


# ---------------------------------------------------------------------------- the day a page gives itself
# Outside any metadata a page prints its own day in a few fixed places (the readers fill "published" with it,
# the extraction falls back on it): its title's closing day, a speech's delivery line, a cable's date-time group.

_TITLE_DAY = re.compile(rf"(?:\bon|[,—–(|-])\s*(?P<date>{DATE_EXPR.pattern})[\s)]*$")
_DELIVERY_DASH = re.compile(r"\s[—–-]\s")
_SENTENCE_MARK = re.compile(r"[.!?:;]")
# "251430Z MAR 25": day 25, 14:30 Zulu, March 2025 (a message header may put a precedence letter before it)
DTG = re.compile(r"^(?:[OPRZ]\s+)?(?P<d>[0-3]\d)[0-2]\d[0-5]\dZ\s+(?P<mon>[A-Z]{3})\s+(?P<y>\d{2}|\d{4})\s*$")
_MONTHS3 = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")


def title_day(title: str) -> str | None:
    """The day a title closes on, after "on", a comma, a dash or a bracket ("… Press Conference on March 5,
    2025", "Briefing (5 March 2025)"); None for a day it looks back to ("… the attack of 7 October 2023")."""
    if not title.rstrip(" )")[-4:].isdigit():  # (a cheap test: such a day ends on its year)
        return None
    m = _TITLE_DAY.search(title)
    return m["date"] if m else None


def delivery_day(line: str) -> str | None:
    """The day, as printed, of a speech's delivery line ("United Nations Headquarters, New York — Friday, 26
    September 2025" -> "Friday, 26 September 2025")."""
    if len(line) > 120 or not line[-4:].isdigit():
        return None
    parts = _DELIVERY_DASH.split(line)
    if len(parts) != 2 or not parts[0][:1].isupper() or len(parts[0]) > 80 or _SENTENCE_MARK.search(parts[0]):
        return None
    day = parts[1].strip()
    return day if DATE_LINE.fullmatch(day) else None


_DATELINE_FURNITURE = 40  # characters after a dateline's time: a zone, a section ("[GMT+7]", "· Fact Sheets")


def dateline_day(line: str) -> str | None:
    """The day, as printed, of a page's dateline: its day and clock time, maybe a zone and a section after
    ("Friday, March 14, 2025 · 6:30 PM · Fact Sheets" -> "March 14, 2025", "Thursday, June 12, 2025 21:47
    [GMT+7]"); None for a sentence that opens with a stamp."""
    if ":" not in line[:60] or not line[:1].isalnum() or not (m := STAMP.match(line)):
        return None
    if len(line) - m.end() > _DATELINE_FURNITURE or not YEAR_RE.search(m["date"]):
        return None
    return m["date"]


def dtg_day(line: str) -> date | None:
    """The day of a cable's date-time group line ("251430Z MAR 25" -> 25 March 2025), or None."""
    m = DTG.match(line)
    if m is None or m["mon"] not in _MONTHS3:
        return None
    year = int(m["y"]) if len(m["y"]) == 4 else 2000 + int(m["y"])
    try:
        return date(year, _MONTHS3.index(m["mon"]) + 1, int(m["d"]))
    except ValueError:
        return None
