"""Date expressions as reports print them: "Sept. 1, 2023", "Dec. 5-7", "Aug. 22–Sept. 1, 2022",
"12–14 March 2021", "June 2022", and year context from headings ("SEPTEMBER–DECEMBER 2023")."""

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
# ISO 8601 calendar dates (2025-03-10) and ranges of them ("2025-03-10 to 2025-03-20", "… – …")
_ISO1 = r"(?P<y1>(?:19|20)\d\d)-(?P<m1>0[1-9]|1[0-2])-(?P<d1>0[1-9]|[12]\d|3[01])(?![\d-])"
_ISO2 = _ISO1.replace("y1", "y2").replace("m1", "m2").replace("d1", "d2")
_ISO_FORMS = [rf"{_ISO1}(?:\s*[-–—]\s*|\s+to\s+){_ISO2}", _ISO1]

# Order matters: the most specific forms first. Named groups: m1 d1 y1 m2 d2 y2.
_FORMS = [
    *_ISO_FORMS,
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
    # the second day must end the expression: "on August 9 to 19 countries" is one day
    rf"(?P<m1>{_M})\s+(?P<d1>{_DAY}){_TO}(?P<d2>{_DAY})(?:,?\s*(?P<y1>{_YEAR}))?(?!\s+[a-z])",
    # Sept. 1, 2023 / Sept 1 / September 1
    rf"(?P<m1>{_M})\s+(?P<d1>{_DAY})(?:,?\s*(?P<y1>{_YEAR}))?",
    # 1 September 2023
    rf"(?P<d1>{_DAY})\s+(?P<m1>{_M})(?:,?\s*(?P<y1>{_YEAR}))?",
    # June 2022 (month precision)
    rf"(?P<m1>{_M})\s+(?P<y1>{_YEAR})",
    # June (month precision, year from context) - only accepted at an entry head
    rf"(?P<m1>{_MONTH})",
]
DATE_EXPR = re.compile(r"\b(?:" + "|".join(f"(?:{f})" for f in _FORMS[:-1]) + r")(?![\w])")
_FORM_RES = [re.compile(rf"^{f}$", re.IGNORECASE) for f in _FORMS]
# _FORM_RES by the shape of the expression they can match: with a dash (the first four forms, which need
# one; the others allow none) or not, opening with a day number or a month. In _FORMS order, so the first
# that matches is the same; parse_date_expr tries 1-3 patterns instead of up to eight.
_FORMS_BY_SHAPE = {
    (dash, day_first): [r for r, f in zip(_FORM_RES, _FORMS, strict=True)
                        if (f in _ISO_FORMS and day_first)  # an ISO date opens with a digit and has dashes
                        or ((_DASH in f) == dash and f.startswith("(?P<d1>") == day_first)]
    for dash in (False, True) for day_first in (False, True)
}
_DASH_CHARS = ("-", "–", "—")
# Entry head: the date at the start of a chronology block, followed by ":" or a dash.
ENTRY_HEAD = re.compile(rf"^\s*(?P<date>(?:{'|'.join(f'(?:{f})' for f in _FORMS)}))\s*(?::|[-–—]\s)\s*")
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
def parse_date_expr(expr: str, default_year: int | None) -> DateSpan | None:
    """Parse one date expression; a missing year comes from `default_year` (marked inferred)."""
    expr = re.sub(r"\s+", " ", expr.strip())
    shape = any(map(expr.__contains__, _DASH_CHARS)), "0" <= expr[:1] <= "9"
    for form in _FORMS_BY_SHAPE[shape]:
        m = form.match(expr)
        if m:
            return _span_from_groups(m.groupdict(), default_year)
    return None


def _span_from_groups(g: dict[str, str | None], default_year: int | None) -> DateSpan | None:
    y1 = int(g["y1"]) if g.get("y1") else None
    y2 = int(g["y2"]) if g.get("y2") else None
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


def parse_period_heading(line: str) -> tuple[date, date] | None:
    """'SEPTEMBER–DECEMBER 2023' -> (2023-09-01, 2023-12-31)."""
    m = PERIOD_HEADING.match(line)
    if not m:
        return None
    y2 = int(m["y2"])
    m1, m2 = month_number(m["m1"]), month_number(m["m2"])
    y1 = int(m["y1"]) if m["y1"] else (y2 - 1 if m1 > m2 else y2)
    return date(y1, m1, 1), date(y2, m2, calendar.monthrange(y2, m2)[1])
