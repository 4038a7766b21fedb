"""Quantitative observations: percentages, percentage-point changes, money, measured counts."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

from transforms import _regex as re
from transforms.chronology import is_furniture, sentences, split_lines
from transforms.reference import Reference

SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "mn": 1e6, "bn": 1e9,
         "m": 1e6, "b": 1e9, "k": 1e3, "tn": 1e12}
CURRENCY_SYMBOLS = {"$": "USD", "US$": "USD", "¥": "JPY", "₩": "KRW", "€": "EUR", "£": "GBP", "A$": "AUD",
                    "NT$": "TWD", "RMB": "CNY", "S$": "SGD", "C$": "CAD", "HK$": "HKD", "₹": "INR"}
CURRENCY_WORDS = {"won": "KRW", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "euros?": "EUR",
                  "dollars?": "USD", "pounds?": "GBP", "rupees?": "INR", "pesos?": "PHP",
                  "rubles?": "RUB", "roubles?": "RUB", "dong": "VND", "baht": "THB", "ringgit": "MYR"}
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12, "twenty": 20, "hundred": 100}
_NUM = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE = r"(?:\s*(?P<scale>thousand|million|billion|trillion|mn|bn|tn|[mbk])\b)?"
_SYM = "|".join(re.escape(s) for s in sorted(CURRENCY_SYMBOLS, key=len, reverse=True))
_CUR_WORD = "|".join(CURRENCY_WORDS)

PERCENT = re.compile(rf"(?<![\w.]){_NUM}\s*(?:%|percent\b|per cent\b)")
POINTS = re.compile(rf"(?<![\w.]){_NUM}\s*(?:percentage\s+)?points?\b")
POINTS_WORD = re.compile(r"\b(?P<word>one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:percentage\s+)?"
                         r"points\b", re.I)
MONEY_SYMBOL = re.compile(rf"(?P<sym>{_SYM})\s?{_NUM}{_SCALE}")
MONEY_WORD = re.compile(rf"(?<![\w.]){_NUM}{_SCALE}\s+(?P<cur>{_CUR_WORD})\b", re.I)
COUNT = re.compile(
    rf"(?<![\w.$¥₩€£/#-]){_NUM}(?![\d.,]*\s*(?:%|percent|per cent|points?))(?P<after>\s+[^\d]{{0,40}})")
WORD_COUNT = re.compile(
    r"\b(?P<word>[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve|"
    r"[Dd]ozens?)\s+(?P<noun>(?:[\w-]+\s+){0,2}?(?:crew(?: members)?|people|persons|soldiers|troops|sailors|"
    r"civilians|passengers|personnel|nationals|fishermen|workers|victims|Singaporeans|Japanese|Koreans|"
    r"Americans|Chinese))\b(?P<after>[^.]{0,40})")
CASUALTY = re.compile(r"\b(?:killed|dead|died|injured|wounded|missing|evacuat\w+|rescued|aboard|depart\w*|"
                      r"abducted|detained|deaths?|casualties)\b", re.I)
# Nouns after a bare number that make it a measurement worth a row.
COUNT_NOUNS = re.compile(
    r"^\s+(?:(?:[\w-]+\s+){0,3})?(?:nations|countries|partners|members|people|persons|personnel|troops|"
    r"soldiers|sailors|civilians|nationals|crew|passengers|victims|plaintiffs|women|men|students|workers|"
    r"aircraft|planes|jets|ships|vessels|missiles|launches|warheads|satellites|rockets|drones|tanks|"
    r"areas|projects|agreements|meetings|companies|firms|visits|cases|votes|seats|evacuees|refugees|"
    r"Koreans|Japanese|Americans|Chinese|Singaporeans|Filipinos|Australians|Taiwanese|Indians|"
    r"South Koreans|North Koreans|delegates|participants|officials|lawmakers|ministers|items|units|"
    r"facilities|bases|sites|tons|tonnes|barrels|vehicles|weapons|systems|shells|rounds)\b")
NOT_COUNT_BEFORE = re.compile(
    r"(?:\b(?:Vol|No|pp|p|page|pages|Figure|Fig|chapter|section|article|Article|since|in|of the|"
    r"top|first|last|past|next|every|Resolution)\.?\s*$|[A-Z]-$|[#§]$)")
ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b|^<sup>")
DURATION_AFTER = re.compile(r"^\s+(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|centuries|"
                            r"-year|-month|-day|times)\b", re.I)


@dataclass
class MetricMatch:
    value: float
    unit: str
    start: int   # offset of the sentence in the document
    end: int
    text: str
    number_span: tuple[int, int]


def find_metrics(text: str, ref: Reference | None = None) -> list[MetricMatch]:
    """Every quantitative observation in the document's prose and chronology."""
    out: list[MetricMatch] = []
    # A sentence printed again (boilerplate, a recurring figure) restates metrics that _dedupe drops
    # (same value, unit and words after): read each distinct sentence once.
    read: set[str] = set()
    for block in split_lines(text):
        if len(block.text) < 25 or is_furniture(block.text):
            continue
        for sent in sentences(block):
            if sent.text not in read:
                read.add(sent.text)
                out.extend(MetricMatch(value, unit, sent.start, sent.end, sent.text, span)
                           for value, unit, span in _sentence_numbers(sent.text))
    return _dedupe(out)


def _sentence_numbers(s: str) -> list[tuple[float, str, tuple[int, int]]]:
    """The numbers of a sentence worth a metric: the first reading of each stretch of text."""
    out: list[tuple[float, str, tuple[int, int]]] = []
    for number in _all_numbers(s):
        span = number[2]
        if not any(a < span[1] and span[0] < b for _, _, (a, b) in out):
            out.append(number)
    return out


_DIGIT = re.compile(r"\d")


# Cheap pre-checks: what every match of a pattern holds (lowercased for the IGNORECASE ones).
_SYMBOL_PARTS = ("$", "¥", "₩", "€", "£", "RMB", "₹")  # every CURRENCY_SYMBOLS key holds one
_CURRENCY_PARTS = tuple(w.removesuffix("s?") for w in CURRENCY_WORDS)  # "euros?" -> "euro"
_PERCENT_PARTS = ("%", "percent", "per cent")
_COUNTED = ("crew", "people", "persons", "soldiers", "troops", "sailors", "civilians", "passengers", "personnel",
            "nationals", "fishermen", "workers", "victims", "Singaporeans", "Japanese", "Koreans", "Americans",
            "Chinese")  # the nouns WORD_COUNT ends on
_NUMBER_WORD_PARTS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                      "dozen")  # WORD_COUNT's numbers, lowercased (most sentences with a counted noun have none)


def _all_numbers(s: str) -> Iterator[tuple[float, str, tuple[int, int]]]:
    digits = _DIGIT.search(s) is not None  # every pattern but the number words needs one
    low = re.lowered(s)
    if digits:
        yield from _money_and_shares(s, low)
    for m in POINTS_WORD.finditer(s) if low is None or "point" in low else ():
        yield _signed(s, m, float(NUMBER_WORDS[m["word"].lower()]), "percentage_points"), "percentage_points", \
            m.span()
    if digits:
        for m in COUNT.finditer(s):
            if _is_measured_count(s, m):
                yield _num(m["num"]), "count", m.span("num")
    for m in WORD_COUNT.finditer(s) if _may_count_words(s, low) else ():
        if CASUALTY.search(m.group(0)) or CASUALTY.search(s[m.end():m.end() + 40]):
            word = m["word"].lower().rstrip("s")
            yield float(NUMBER_WORDS.get(word, 12)), "count", m.span("word")


def _may_count_words(s: str, low: str | None) -> bool:
    """False when WORD_COUNT cannot match `s` (low: re.lowered(s)): it has no counted noun or no number word."""
    return any(map(s.__contains__, _COUNTED)) and (low is None or any(map(low.__contains__, _NUMBER_WORD_PARTS)))


def _money_and_shares(s: str, low: str | None) -> Iterator[tuple[float, str, tuple[int, int]]]:
    for m in MONEY_SYMBOL.finditer(s) if any(map(s.__contains__, _SYMBOL_PARTS)) else ():
        yield _money(m["num"], m["scale"], CURRENCY_SYMBOLS[m["sym"]]), CURRENCY_SYMBOLS[m["sym"]], m.span()
    for m in MONEY_WORD.finditer(s) if low is None or any(map(low.__contains__, _CURRENCY_PARTS)) else ():
        cur = next(code for pat, code in CURRENCY_WORDS.items() if re.fullmatch(pat, m["cur"], re.I))
        yield _money(m["num"], m["scale"], cur), cur, m.span()
    for m in PERCENT.finditer(s) if any(map(s.__contains__, _PERCENT_PARTS)) else ():
        unit = "percentage_points" if _is_change(s, m) else "percent"
        yield _signed(s, m, _num(m["num"]), unit), unit, m.span()
    for m in POINTS.finditer(s) if "point" in s else ():
        if not re.search(r"\b(?:score|goals?)\b", s[m.end():m.end() + 20]):
            yield _signed(s, m, _num(m["num"]), "percentage_points"), "percentage_points", m.span()


def _num(text: str) -> float:
    return float(text.replace(",", ""))


def _money(num: str, scale: str | None, currency: str) -> float:
    return _num(num) * SCALE.get((scale or "").lower(), 1.0)


_DOWN = re.compile(r"\b(?:down|fell|fall(?:ing|s)?|drop(?:ped|ping|s)?|decline[ds]?|decreas\w+|lower|"
                   r"plunged?|slipped|dipped|lost)\b", re.I)
_CHANGE = re.compile(r"\b(?:up|down|rose|rise|risen|jump\w*|gain\w*|fell|drop\w*|declin\w*|increas\w*|"
                     r"decreas\w*|higher|lower|more|less)\b", re.I)


def _is_change(s: str, m: re.Match[str]) -> bool:
    """'down 4.2% from November' compares two percentages: percentage points."""
    before = s[max(0, m.start() - 25):m.start()]
    after = s[m.end():m.end() + 30]
    return bool(re.search(r"\b(?:up|down|by)\s+(?:roughly\s+|about\s+|some\s+)?$", before) and re.search(
        r"\b(?:from|than|compared|since)\b", after))


def _signed(s: str, m: re.Match[str], value: float, unit: str) -> float:
    if unit != "percentage_points":
        return value
    before = s[max(0, m.start() - 30):m.start()]
    return -value if _DOWN.search(before) else value


def _is_measured_count(s: str, m: re.Match[str]) -> bool:
    num = m["num"]
    value = _num(num)
    after = m["after"]
    # The tests are pure: the cheap ones, and the one that most numbers fail (a counted noun), first.
    if not value.is_integer() or value < 2:  # (as value != int(value), without int(inf) raising)
        return False
    if not (COUNT_NOUNS.match(after) or _OUT_OF.match(after)):
        return False
    before = s[:m.start()]
    if ORDINAL_AFTER.match(s[m.end("num"):]) or DURATION_AFTER.match(after):
        return False
    if re.fullmatch(r"(?:19|20)\d\d", num) or NOT_COUNT_BEFORE.search(before):
        return False
    if re.search(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s*$", before):
        return False
    return not re.match(r"^\s*(?:[-–]|:|,\s*\d{4}|\s*(?:a\.m|p\.m|am|pm)\b)", s[m.end("num"):])


_OUT_OF = re.compile(r"^\s+out of\s+\d")
_WORD = re.compile(r"\w+")


def _dedupe(found: list[MetricMatch]) -> list[MetricMatch]:
    """A number stated twice for the same thing in one report is one metric: same value, unit and
    the same few words after it."""
    seen: set[tuple[float, str, str]] = set()
    out = []
    for f in found:
        # Money rarely repeats by chance; a count is the same thing when its noun is; a percentage
        # only when the words after it agree too.
        words = 0 if f.unit not in {"percent", "percentage_points", "count"} else (1 if f.unit == "count" else 2)
        after = islice(_WORD.finditer(f.text[f.number_span[1]:].lower()), words) if words else ()
        key = (round(f.value, 4), f.unit, " ".join(w.group() for w in after))
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
