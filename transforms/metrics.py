"""Quantitative observations: percentages, percentage-point changes, money, measured counts."""

from __future__ import annotations

import re as _stdre
from collections.abc import Iterator
from dataclasses import dataclass

from transforms import _regex as re
from transforms.chronology import Block, is_furniture, sentences, split_lines
from transforms.reference import Reference
from warehouse.schema import CURRENCY_CODES

SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "mn": 1e6, "bn": 1e9,
         "m": 1e6, "b": 1e9, "k": 1e3, "tn": 1e12}
CURRENCY_SYMBOLS = {"$": "USD", "US$": "USD", "¥": "JPY", "₩": "KRW", "€": "EUR", "£": "GBP", "A$": "AUD",
                    "NT$": "TWD", "RMB": "CNY", "S$": "SGD", "C$": "CAD", "HK$": "HKD", "₹": "INR",
                    "NZ$": "NZD", "R$": "BRL", "MX$": "MXN", "RM": "MYR", "Rp": "IDR", "₱": "PHP", "₦": "NGN",
                    "₫": "VND", "₺": "TRY", "₽": "RUB"}
# ISO 4217 codes written before or after an amount ("EUR 1.2 billion", "60 million CHF"): the codes the
# warehouse accepts (a unit outside them fails the batch), not every three capitals ("MoE 2", "ORC 3").
ISO_CODES = frozenset(CURRENCY_CODES)
CURRENCY_WORDS = {"won": "KRW", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "euros?": "EUR",
                  "dollars?": "USD", "pounds?": "GBP", "rupees?": "INR", "pesos?": "PHP",
                  "rubles?": "RUB", "roubles?": "RUB", "dong": "VND", "baht": "THB", "ringgit": "MYR"}
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12, "twenty": 20, "hundred": 100,
                "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
                "nineteen": 19, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
                "ninety": 90}
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
# A count in words, two to ninety-nine ("twenty-three"); "one" measures nothing worth a row.
_WORD_NUM = (rf"(?:(?:{_TENS})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|two|three|four|five|six|"
             r"seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)")
_NUM = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
# ("$187M", "$2B": a capital letter only when written on the figure)
_SCALE = r"(?:\s*(?P<scale>thousand|million|billion|trillion|mn|bn|tn|[mbk])\b|(?P<scale>[MBK])\b)?"
_SYM = "|".join(re.escape(s) for s in sorted(CURRENCY_SYMBOLS, key=len, reverse=True))
_CUR_WORD = "|".join(CURRENCY_WORDS)

PERCENT = re.compile(rf"(?<![\w.]){_NUM}\s*(?:%|percent\b|per cent\b)")
POINTS = re.compile(rf"(?<![\w.]){_NUM}\s*(?:percentage\s+)?(?:points?|pts?)\b")  # "+5 pts", "MoE ±2 pts"
POINTS_WORD = re.compile(r"\b(?P<word>one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:percentage\s+)?"
                         r"points\b", re.I)
MONEY_SYMBOL = re.compile(rf"(?<![A-Za-z])(?P<sym>{_SYM})\s?{_NUM}{_SCALE}")  # (not "ARM64": "RM" in a word)
MONEY_CODE = re.compile(rf"(?<![\w$])(?P<code>[A-Z]{{3}})\s?{_NUM}{_SCALE}(?![\d.,]*\s*%)"
                        rf"|(?<![\w.]){_NUM}{_SCALE}\s+(?P<code2>[A-Z]{{3}})(?![\w-])")
_CAPS3 = _stdre.compile(r"\b[A-Z]{3}\b")  # (stdlib: a fast pre-test for MONEY_CODE, which needs an ISO code)
MONEY_WORD = re.compile(rf"(?<![\w.]){_NUM}{_SCALE}\s+(?:U\.?S\.?\s+(?=dollars?\b))?(?P<cur>{_CUR_WORD})\b", re.I)
_COUNT_SCALE = r"(?:\s+(?P<scale>thousand|million|billion)\b)?"  # "10 million people": 10,000,000
COUNT = re.compile(
    rf"(?<![\w.$¥₩€£/#+-])(?<!\d:){_NUM}(?![\d.,]*\s*(?:%|percent|per cent|points?)){_COUNT_SCALE}\+?"
    r"(?P<after>\s+[^\d]{0,40})")  # ("1,000+ containers": at least that many)
# People counted in words: a row when something happens to them (killed, evacuated, arrested, resigned).
_PEOPLE_COUNTED = (r"crew(?: members)?|people|persons|soldiers|troops|sailors|civilians|passengers|personnel|"
                   r"nationals|fishermen|workers|victims|Singaporeans|Japanese|Koreans|Americans|Chinese|members|"
                   r"ministers|officials|lawmakers|plaintiffs|hostages|detainees|prisoners|abductees|students|"
                   r"children|journalists|activists|protesters|employees|officers|drivers|pilots|guards|"
                   r"doctors|nurses|medics|peacekeepers|migrants|residents|villagers|suspects|police(?:men)?|"
                   r"staff|contractors|tourists|pilgrims|men|women|boys|girls")
WORD_COUNT = re.compile(
    r"\b(?P<word>[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve|"
    rf"[Dd]ozens?)\s+(?P<noun>(?:[\w-]+\s+){{0,2}}?(?:{_PEOPLE_COUNTED}))\b(?P<after>[^.]{{0,40}})")
CASUALTY = re.compile(r"\b(?:kill(?:ed|ing)|dead|died|injur(?:ed|ing)|wound(?:ed|ing)|missing|evacuat\w+|rescued|"
                      r"aboard|depart\w*|abducted|detained|deaths?|casualties|resign\w*|replac\w*|dismiss\w*|sacked|ousted|"
                      r"arrest\w*|sentenced|indicted|deport\w*|expelled|repatriat\w*|barred|banned|freed|releas\w*|"
                      r"captured|kidnapped|taken\s+hostage|held\s+hostage)\b", re.I)
# Things counted in words that measure an act or an outcome: launches, seats won, boats handed over.
# (Not "the two leaders", "three reasons", "four pillars": a word count is a row only for these.)
WORD_MEASURED = re.compile(
    rf"(?<![\w-])(?P<word>{_WORD_NUM})\s+(?P<noun>(?:[“\"‘]?[\w-]+[”\"’]?\s+){{0,2}}?[“\"‘]?(?:occasions|"
    r"launches|missiles|rockets|shells|satellites|drones|aircraft|planes|jets|fighters|bombers|ships|vessels|"
    r"boats|warships|destroyers|submarines|tanks|bombs|torpedoes|victories|wins|defeats|seats|votes|cases|incursions|"
    r"intrusions|violations|sorties|tests|plaintiffs|victims|evacuees|refugees|casualties|agreements|accords|"
    r"treaties|memorandums|memoranda|contracts|deals|rounds))\b", re.I)
# "met seven times", "fired missiles 12 times": a count of acts (not "three times faster", "twice a year").
TIMES = re.compile(rf"(?<![\w.,-])(?P<word>\d+|{_WORD_NUM})\s+times\b(?!\s+(?:more|less|as|higher|lower|larger|"
                   r"bigger|greater|faster|slower|the|that|over|a|an|per|each|what)\b)", re.I)
_ACT_VERB = re.compile(r"\b(?:met|meet|meeting|visited|visit|launched|launch|fired|fire|tested|held|spoken|spoke|"
                       r"talked|called|convened|crossed|entered|intruded|violated|struck|attacked|voted|won|lost|"
                       r"raided|flown|flew|sailed|transited|conducted|staged|summoned|protested|postponed|delayed|"
                       r"scrambled|occurred|happened|vetoed)\b(?:\s+[\w-]+){0,4}\s+$", re.I)
_WORD_NOT_BEFORE = re.compile(r"\b(?:the|these|those|its|their|his|her|our|both|each|every|first|last|next|past|"
                              r"top|whose)\s+$", re.I)
# Nouns after a bare number that make it a measurement worth a row.
COUNT_NOUNS = re.compile(
    r"^\s+(?:[“\"‘]?[\w-]+[”\"’]?\s+){0,3}?[“\"‘]?(?:nations|countries|partners|members|people|persons|personnel|troops|"
    r"soldiers|sailors|civilians|nationals|crew|passengers|victims|plaintiffs|women|men|students|workers|"
    r"servicemembers|[a-z]+men|"  # servicemen, fishermen, gunmen, seamen
    r"aircraft|planes|jets|ships|vessels|missiles|launches|warheads|satellites|rockets|drones|tanks|"
    r"areas|projects|agreements|meetings|companies|firms|visits|cases|votes|seats|evacuees|refugees|"
    r"Koreans|Japanese|Americans|Chinese|Singaporeans|Filipinos|Australians|Taiwanese|Indians|"
    r"South Koreans|North Koreans|[A-Z][a-z]{2,}is|delegates|participants|officials|lawmakers|ministers|items|units|"
    r"facilities|bases|sites|tons|tonnes|barrels|vehicles|weapons|systems|shells|rounds)\b")
# Beyond that list, any plural noun after a bare number counts ("19 occasions", "23 categories"),
# after at most two modifiers that are not function words; never a duration, a distance or a unit.
_FUNCTION_WORDS = (r"of|in|on|at|to|for|from|with|by|and|or|but|the|a|an|was|were|is|are|has|have|had|will|would|"
                   r"be|been|that|which|who|than|as|per|more|other|additional|fewer|less|times")
_NOT_COUNTED = (r"years|months|weeks|days|hours|minutes|seconds|decades|centuries|nights|times|points|percent|"
                r"kilometers|kilometres|kms|miles|meters|metres|feet|inches|degrees|knots|kilograms|kilos|grams|"
                r"pounds|dollars|euros|cents|levels|terms|its|was|has|does|goes|always|perhaps|whereas|towards|"
                r"afterwards|besides|sometimes|ones|others|thus|this|plus|yes|series|species|news|means|odds|"
                r"reposts|retweets|likes|views|replies|followers|bookmarks|subscribers")
OPEN_COUNT_NOUN = re.compile(  # "74 more tankers": more of the thing counted
    rf"^\s+(?:(?:more|additional|further)\s+)?(?:[“\"‘]?(?!(?:{_FUNCTION_WORDS})\b)[\w-]+[”\"’]?\s+){{0,2}}?[“\"‘]?"
    rf"(?!(?:{_NOT_COUNTED})\b)[A-Za-z][a-z-]*[a-hj-rt-z]s\b(?!['’])(?!\s*:)", re.I)
NOT_COUNT_BEFORE = re.compile(
    r"(?:\b(?:Vol|No|pp|p|page|pages|Figure|Fig|chapter|section|article|Article|since|of the|of its|of their|"
    r"top|first|last|past|next|every|Resolution|(?i:chapter|section|title|paragraph|clause|resolution|"
    r"rule|route|unit|flight|room|table|annex|item|aged?|ages|No|question|row))\.?\s*$|[A-Z]-$|[#§]$"
    r"|\d\s*[-–]\s*\d+\s+of\s+$"  # "Question 9", "Row 6"; a pager's "Showing 1-8 of 214 results"
    r"|\b(?i:maximum|minimum|ceiling|cap|limit)\s+of\s+$"  # "a maximum of 11,900 troops": a rule, not a count
    r"|(?<!\bagainst\s+(?:a|an|the|its)\s+(?:[\w-]+\s+)?)\b(?i:targets?|goals?)\s+of\s+$)")  # a plan's goal ("with a
# target of 24 trips a month"; but "reached 1.1 million against a target of 2.2 million" measures the shortfall)
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
    measure: str = ""  # what a table names (a column head, a key figure's label), else ""
    subject: str = ""  # a table row's first cell, else ""


def find_metrics(text: str, ref: Reference | None = None) -> list[MetricMatch]:
    """Every quantitative observation in the document's prose and chronology."""
    out: list[MetricMatch] = []
    # A sentence printed again (boilerplate, a recurring figure) restates metrics that _dedupe drops
    # (same value, unit and words after): read each distinct sentence once.
    read: set[str] = set()
    prev: Block | None = None  # the block before
    head: list[str] = []  # the column heads of the Markdown table being read
    for block in split_lines(text):
        first = block.text[:1]
        if first == "|":  # a Markdown table's head (no cell holds a figure), or its rows
            rows = _cells(block.text)
            if not any(_FIGURE_CELL.match(cell) for row in rows for cell, _ in row):
                head = rows[0] if rows else []
            else:
                if head and prev is not None and prev.text[:1] == "|":
                    out.extend(_table_counts(block, rows, head))
                if "(" in block.text:
                    out.extend(_money_rows(block, rows))
        else:
            head = []
        if first != "|" and prev is not None and len(block.text) < 24 and (
                first.isdigit() or first in "$€£¥US" or block.text.startswith(_HEDGE_OPENINGS)):
            out.extend(_key_figure(text, prev, block))  # "People in need" / "5.98 million": a key figures list
        prev = block
        if len(block.text) < 32 and block.text[-1:] == "%" and (share := _ANSWER_SHARE.fullmatch(block.text)):
            out.append(MetricMatch(float(share["num"]), "percent", block.start, block.end, block.text,
                                   share.span("num")))  # a poll's option line: "Yes — 41%", "Not sure: 13%"
            continue
        if (len(block.text) < 25 and first != "|" and not (first.isdigit() and _TOLL_WORD.search(block.text))) \
                or is_furniture(block.text):  # (a table row may be short; so may a toll cell: "13 killed, 71 injured")
            continue
        if first == ">":  # a quoted passage (a newsletter's last issue): not this report's figures (an e-mail
            continue  # thread's quoted messages reach here without their marks: the reader strips them)
        if _is_advert(block.text):  # a sponsor read's "servers in 94 countries", "20 percent off": copy, not data
            continue
        if _ROW_PAIR.search(block.text):  # a table flattened into one line: "Region Deaths Mandalay 2 112 ..."
            out.extend(_flat_table_counts(block))
        for sent in sentences(block):  # a sentence may open with a figure ("… well. 58% of respondents")
            if sent.text not in read and not ("version" in sent.text and _RETRACTED.search(sent.text)):
                read.add(sent.text)
                out.extend(MetricMatch(value, unit, sent.start, sent.end, sent.text, span)
                           for value, unit, span in _sentence_numbers(sent.text))
    return _dedupe(out)


_AD_CUES = ("brought to you by", "promo code", "use code", "discount code", "coupon code", "percent off",
            "per cent off", "% off")


# A share on a line of its own after its label: a poll's answer ("▫️ Not sure — 13%"), a figures box ("Turnout: 64%")
_ANSWER_SHARE = re.compile(r"(?:[^\p{L}\p{N}\s]{1,3}\s*)?[A-Z][\w'’]*(?:\s+[\w'’]+){0,3}\s*(?:[—–:]|\s-)\s*"
                           r"(?P<num>\d{1,2}(?:\.\d+)?|100)\s*%")


def _is_advert(text: str) -> bool:
    """A sponsor read or an advertisement: two of its cues ("brought to you by", "use code", "20 percent off")."""
    return ("code" in text or " off" in text or "brought to you" in text) and \
        sum(cue in text.lower() for cue in _AD_CUES) >= 2


# A table flattened into one line: a counted column's head, then rows of a name and a whole number whose
# thousands may be grouped by spaces ("Region/State Deaths Mandalay 2 112 Sagaing 1 198 Total 3 649").
_ROW_PAIR = _stdre.compile(r"\d [A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3} \d")  # (stdlib: the cheap pre-test)
_ROW = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s+\d{1,3}(?:[ \u00a0\u202f]\d{3})*(?![\d.,%])"  # "Nay Pyi Taw 2 112"
_FLAT_HEAD = re.compile(rf"(?P<head>[A-Z][a-z-]+(?:\s+[a-z-]+){{0,2}})\s+(?P<rows>(?:{_ROW}\s+){{2,}}{_ROW})")
_FLAT_ROW = re.compile(r"(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s+"
                       r"(?P<num>\d{1,3}(?:[ \u00a0\u202f]\d{3})*)(?![\d.,%])")


def _flat_table_counts(block: Block) -> Iterator[MetricMatch]:
    """The counts of each row under a counted head ("Deaths"), a row's name its subject."""
    read_to = 0
    for table in _FLAT_HEAD.finditer(block.text, overlapped=True):  # (the first column's head may match too)
        head = table["head"]
        if table.start() < read_to or not _COUNTED_HEAD.search(head) or _NOT_COUNTED_HEAD.search(head):
            continue
        read_to = table.end()
        for row in _FLAT_ROW.finditer(block.text, table.start("rows"), table.end("rows")):
            digits = re.sub(r"\D", "", row["num"])
            if not re.fullmatch(r"(?:19|20)\d\d", row["num"]) and not _MONTH_NAME_CELL.fullmatch(row["name"]):
                yield MetricMatch(float(digits), "count", block.start, block.end, block.text, row.span("num"),
                                  measure=_head_measure(head), subject=row["name"])


_MONTH_NAME_CELL = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?")


# A correction's account of what an earlier version wrongly said: its figures are retracted.
_RETRACTED = re.compile(r"\b(?:an?|the)\s+(?:earlier|previous)\s+version\s+of\s+(?:this|the)\b", re.I)


def _cells(row_text: str) -> list[list[tuple[str, int]]]:
    """The rows of a Markdown table block (rows flattened into one line: "| a | b | | c | d |"), each a list
    of (cell text, offset of the text in the block)."""
    rows: list[list[tuple[str, int]]] = [[]]
    parts = row_text.split("|")
    i = 0
    for k, part in enumerate(parts):
        if 0 < k < len(parts) - 1:
            if part.strip():
                lead = len(part) - len(part.lstrip())
                rows[-1].append((part.strip(), i + lead))
            elif rows[-1]:
                rows.append([])  # "| |": the next row
        i += len(part) + 1
    return [r for r in rows if r]


# A column of counts: "Seats (of 31)", "Deaths", "Troops deployed" (a plural noun or a toll word).
_COUNTED_HEAD = re.compile(r"\b(?:people|population|killed|dead|injured|wounded|displaced|"
                           r"[A-Za-z][a-z-]*[a-hj-rt-z]s)\b", re.I)
_BARE_INT = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")


_FIGURE_CELL = re.compile(r"[-+±−–~]?\s?[$€£¥]?\d")


def _table_counts(block: Block, rows: list[list[tuple[str, int]]], head: list[tuple[str, int]]) -> \
        Iterator[MetricMatch]:
    """Whole numbers in a column whose head names what is counted ("| Naleraq | 24.5% | 8 |" under "Seats")."""
    names = [h for h, _ in head]
    counted = [bool(_COUNTED_HEAD.search(h)) and not _NOT_COUNTED_HEAD.search(h) for h in names]
    if not any(counted):
        return
    for row in rows:
        if len(row) != len(names):
            continue
        for (cell, at), is_count, name in zip(row, counted, names, strict=True):
            if is_count and _BARE_INT.fullmatch(cell) and not re.fullmatch(r"(?:19|20)\d\d", cell):
                yield MetricMatch(_num(cell), "count", block.start, block.end, block.text, (at, at + len(cell)),
                                  measure=_head_measure(name), subject=row[0][0])


# A row label's unit: "Exports to Chile (NOK million)", "Aid disbursed (US$ bn)", "Budget (EUR)"
_ROW_UNIT = re.compile(rf"\((?P<cur>{_SYM}|[A-Z]{{3}})(?:\s+(?P<scale>thousand|million|billion|mn|bn|m))?\)")
_MONEY_CELL = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


def _money_rows(block: Block, rows: list[list[tuple[str, int]]]) -> Iterator[MetricMatch]:
    """Each figure of a row whose label gives its currency and scale: "| Exports (NOK million) | 3,120 | 3,412 |"."""
    for row in rows:
        unit = _ROW_UNIT.search(row[0][0]) if len(row) > 1 else None
        code = unit and (CURRENCY_SYMBOLS.get(unit["cur"]) or unit["cur"])
        if not code or code not in ISO_CODES:
            continue
        for cell, at in row[1:]:
            if _MONEY_CELL.fullmatch(cell) and not re.fullmatch(r"(?:19|20)\d\d", cell):
                yield MetricMatch(_money(cell, unit["scale"], code), code, block.start, block.end, block.text,
                                  (at, at + len(cell)), measure=_head_measure(row[0][0]))


_NOT_COUNTED_WORD = re.compile(rf"(?:{_NOT_COUNTED})", re.I)
_NOT_COUNTED_HEAD = re.compile(rf"\b(?:{_NOT_COUNTED}|change|share|rank|year|date)\b", re.I)


def _head_measure(head: str) -> str:
    """ "Seats (of 31)" -> "seats"."""
    return head.split("(")[0].strip().lower() or head.lower()


_KEY_FIGURE = re.compile(rf"(?P<sym>US\$|\$|€|£|¥)?\s?{_NUM}{_SCALE}(?P<pct>\s?%)?")
_LABEL_CURRENCY = re.compile(rf"\((?P<cur>{_SYM}|[A-Z]{{3}})\)")


# An infobox cell's hedge and its note marker: "over 260,000[3]", "about 1.2 million".
_HEDGE_OPENINGS = ("over ", "about ", "around ", "nearly ", "almost ", "more than ", "at least ", "some ", "up to ")
_CELL_HEDGE = re.compile(r"(?:over|about|around|nearly|almost|more\s+than|at\s+least|some|up\s+to)\s+")
_NOTE_MARKERS = re.compile(r"(?:\[\w+\])+$")


def _key_figure(text: str, label: Block, block: Block) -> Iterator[MetricMatch]:
    """A figure alone on its line under a short label ("People in need" / "5.98 million", "Funding received
    (US$)" / "58.2 million", "Displaced" / "over 260,000[3]"): a key-figures table or an infobox read as lines."""
    cell = block.text.strip()
    hedge = _CELL_HEDGE.match(cell)
    figure = _NOTE_MARKERS.sub("", cell[hedge.end() if hedge else 0:])
    m = _KEY_FIGURE.fullmatch(figure)
    name = label.text.strip()
    if m is None or not 3 <= len(name) <= 60 or _DIGIT.search(name) or name.endswith(".") or not name[0].isupper():
        return
    cur = _LABEL_CURRENCY.search(name)
    if m["pct"]:
        value, unit = _num(m["num"]), "percent"
        if value > 100:
            return
    elif m["sym"] or cur:
        code = CURRENCY_SYMBOLS.get(m["sym"] or cur["cur"]) or cur["cur"]
        if code not in ISO_CODES and code not in CURRENCY_SYMBOLS.values():
            return
        value, unit = _money(m["num"], m["scale"], code), code
    else:
        value, unit = round(_money(m["num"], m["scale"], ""), 6), "count"
        if value < 2 or not value.is_integer() or not _COUNTED_HEAD.search(name) or \
                (m["scale"] is None and re.fullmatch(r"(?:19|20)\d\d", m["num"])):
            return
    span_text = text[label.start:block.end]
    at = block.start - label.start + (len(block.text) - len(block.text.lstrip()))
    yield MetricMatch(value, unit, label.start, block.end, span_text, (at, at + len(block.text.strip())),
                      measure=_head_measure(name))


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
# (every CURRENCY_SYMBOLS key holds one)
_SYMBOL_PARTS = ("$", "¥", "₩", "€", "£", "RM", "Rp", "₹", "₱", "₦", "₫", "₺", "₽")
_CURRENCY_PARTS = tuple(w.removesuffix("s?") for w in CURRENCY_WORDS)  # "euros?" -> "euro"
_PERCENT_PARTS = ("%", "percent", "per cent")
_COUNTED = ("crew", "people", "persons", "soldiers", "troops", "sailors", "civilians", "passengers", "personnel",
            "nationals", "fishermen", "workers", "victims", "Singaporeans", "Japanese", "Koreans", "Americans",
            "Chinese", "members", "ministers", "officials", "lawmakers", "plaintiffs", "hostages", "detainees",
            "prisoners", "abductees", "students", "children", "journalists", "activists", "protesters",
            "employees", "officers", "drivers", "pilots", "guards", "doctors", "nurses", "medics", "peacekeepers",
            "migrants", "residents", "villagers", "suspects", "police", "staff", "contractors", "tourists",
            "pilgrims", "men", "boys", "girls")  # the nouns WORD_COUNT ends on ("men" in "women")
# What every match of a count in words holds (lowercased): one of _WORD_NUM's words or its stem
# ("thirt": thirteen, thirty; "fift": fifteen, fifty; the other teens and tens hold a unit word), or
# WORD_COUNT's "dozen".
_WORD_NUM_PARTS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twel",
                   "twent", "thirt", "fift", "forty", "dozen")


def _all_numbers(s: str) -> Iterator[tuple[float, str, tuple[int, int]]]:
    digits = _DIGIT.search(s) is not None  # every pattern but the number words needs one
    low = re.lowered(s)
    if digits:
        yield from _money_and_shares(s, low)
    for m in POINTS_WORD.finditer(s) if low is None or "point" in low else ():
        yield _signed(s, m, float(NUMBER_WORDS[m["word"].lower()]), "percentage_points"), "percentage_points", \
            m.span()
    if digits:
        yield from _elided_counts(s, low)  # before COUNT: the first reading of a number wins
        counted = False
        for m in COUNT.finditer(s):
            if _is_measured_count(s, m):
                counted = True
                yield _count_value(m), "count", _count_span(m)
        if counted and " and " in s:  # "X won 67 seats and Y 66": the noun elided after the second name
            yield from _bare_counts(s, GAPPED_COUNT.finditer(s), least=2)
    # Counts in words: most sentences hold no number word (checked first, then WORD_COUNT's nouns).
    if low is None or any(map(low.__contains__, _WORD_NUM_PARTS)):
        if _may_count_words(s, low):
            for m in WORD_COUNT.finditer(s):
                if CASUALTY.search(m.group(0)) or CASUALTY.search(s[m.end():m.end() + 40]) or \
                        CASUALTY.search(_clause_before(s, m.start())):
                    word = m["word"].lower().rstrip("s")
                    yield float(NUMBER_WORDS.get(word, 12)), "count", m.span("word")
        yield from _measured_words(s)
        if low is None or "kill" in low or "injur" in low or "wound" in low:
            for m in ELIDED_WORD.finditer(s):
                yield _word_value(m["word"]), "count", m.span("word")
        if low is None or " are " in low or " were " in low or " was " in low or " been " in low:
            for m in ELIDED_WORD_PASSIVE.finditer(s):
                if not _WORD_NOT_BEFORE.search(s[max(0, m.start() - 12):m.start()]):  # "the two were held"
                    yield _word_value(m["word"]), "count", m.span("word")
        if low is None or "sanction" in low or "designat" in low or "blacklist" in low:
            yield from _sanctioned_words(s)
    if low is None or ("one " in low and ("kill" in low or "injur" in low or "wound" in low or " dead" in low)):
        for m in ONE_CASUALTY.finditer(s):
            yield 1.0, "count", m.span("word")
    if low is None or (" and " in low and (" dead" in low or "killed" in low)):
        for m in HURT_AFTER_DEAD.finditer(s):
            yield _word_value(m["word"]), "count", m.span("word")
    if low is None or "times" in low:
        for m in TIMES.finditer(s):
            if _ACT_VERB.search(_clause_before(s, m.start())):
                yield _word_value(m["word"]), "count", m.span("word")


# Counts whose noun is elided or named before them: both sides of a vote, a toll's new level, the
# second casualty figure ("killing 11 people and injuring 30"), "nearly 1,000 had been launched".
_INT = r"\d{1,3}(?:,\d{3})+|\d+"
_NOT_A_FIGURE = r"(?![\d.,]*\d)(?!\s*(?:%|percent\b|per cent\b|points?\b))"
# Verbs of a chamber's vote whose tally may close the clause ("passed the bill on Tuesday, 64 to 7")
_VOTE_VERBS = "passed|approved|adopted|rejected|ratified|endorsed"
VOTE_TALLY = re.compile(
    rf"(?<![\w.,])(?P<a>{_INT})\s+votes?\s+(?:to|against)\s+(?P<b>{_INT}){_NOT_A_FIGURE}"
    rf"|\bvote\s+of\s+(?P<a2>{_INT})\s*(?:[-–]|to)\s*(?P<b2>{_INT}){_NOT_A_FIGURE}"
    rf"|(?<![\w.,-])(?P<a3>\d{{1,3}})[-–](?P<b3>\d{{1,3}})\s+(?:vote|(?P<ruling>ruling|decision|verdict|judgment|"
    r"judgement))\b"
    rf"|(?<![\w.,])(?P<a4>{_INT})\s+(?:votes?\s+)?in\s+favou?r\b,?\s+(?:and\s+|with\s+)?(?P<b4>{_INT})\s+"
    r"(?:votes?\s+)?against\b"
    r"|\b(?:voted|voting|(?P<ruling5>ruling|ruled|decided|deciding))\s+(?P<a5>\d{1,2})\s*[-–]\s*(?P<b5>\d{1,2})"
    r"(?![\w.,]*\d|\s*(?:%|percent))"  # "ruling 6-3 that ...", "voted 7-2 to ..."
    # a chamber's tally closing the clause of its vote: "the Senate passed the bill on Tuesday, 64 to 7."
    rf"|(?<=\b(?:{_VOTE_VERBS})\b[^.;]{{1,100}},\s)(?P<a6>\d{{1,3}})\s+to\s+"
    r"(?P<b6>\d{1,3})(?=\s*(?:[.;)]|$))", re.I)
_HEDGE = r"(?:(?:at\s+least|more\s+than|over|nearly|almost|about|around|roughly|some|another|a\s+further)\s+|[~≈]\s?)?"
_BARE_COUNT = rf"{_NUM}{_COUNT_SCALE}{_NOT_A_FIGURE}"
TOLL = re.compile(
    r"\b(?:death\s+toll|toll|tally|number\s+of\s+(?:[\w-]+\s+){0,2}?[a-z-]+s)\b(?:(?!\d)[^.;:]){0,80}?\b"
    r"(?:rose|risen|climbed|grew|jumped|increased|reached|hit|stood|stands|topped|passed|exceeded|surpassed|"
    rf"is|was)\s+(?:(?:to|at)\s+)?{_HEDGE}{_BARE_COUNT}", re.I)
ELIDED_AFTER_VERB = re.compile(
    r"\b(?:kill(?:ed|ing)|injur(?:ed|ing)|wound(?:ed|ing)|evacuat(?:ed|ing)|arrest(?:ed|ing)|detain(?:ed|ing)|"
    rf"displac(?:ed|ing))\s+{_HEDGE}{_BARE_COUNT}"
    r"(?=\s*(?:[,;)]|\.?$|\.\s)|\s+(?:and|others?|more|in|on|at|during|while|as|after|when|before)\b)", re.I)
ELIDED_PASSIVE = re.compile(
    rf"(?<![\w.,$¥₩€£/#+-]){_BARE_COUNT}\s+(?:had\s+been|have\s+been|has\s+been|were|was|are)\s+(?:(?:\w+ly|"
    r"already|also|later)\s+)?(?:killed|injured|wounded|hurt|evacuated|rescued|arrested|detained|displaced|"
    r"abducted|captured|launched|fired|intercepted|deported|expelled|released|executed|sanctioned|seized)\b")
# A second toll with its noun elided ("11 soldiers were killed and 7 wounded", "claimed 30 dead").
CASUALTY_AFTER = re.compile(rf"(?<![\w.,$¥₩€£/#+-]){_BARE_COUNT}\s+(?:dead|killed|wounded|injured|hurt|missing)\b")
_TOLL_WORD = _stdre.compile(r" (?:dead|killed|wounded|injured|hurt|missing)\b")


def _casualties_after(s: str) -> Iterator[re.Match[str]]:
    """CASUALTY_AFTER's matches, found from the toll word back (the words are rarer than numbers)."""
    for w in _TOLL_WORD.finditer(s):
        j = s.rfind(" ", 0, w.start())  # the number right before ("7 wounded"), or before its scale
        for start in (j + 1, s.rfind(" ", 0, j) + 1 if j > 0 else -1):
            m = CASUALTY_AFTER.match(s, start) if start >= 0 else None
            if m is not None and m.end() == w.end():
                yield m
                break


# A count's baseline: "412 fatalities, up from 298 in the previous fortnight", "compared with 27 in January".
BASELINE_COUNT = re.compile(rf"\b(?:(?:up|down|rising|falling|rose|fell)\s+from|compared\s+(?:with|to))\s+{_HEDGE}"
                            rf"{_BARE_COUNT}(?!\s*(?:[-–]|to\s+\d|(?:years?|months?|weeks?|days?|hours?|minutes?|times|"
                            r"kilomet\w+|km|miles?|met(?:er|re)s?|degrees?)\b))")
_RANKED = re.compile(r"\b(?:rank\w*|place[ds]?|position\w*|spots?)\b", re.I)
# An estimate of a crowd or a number: "put attendance at 350,000", "estimated the crowd at 20,000".
ESTIMATE_VERBS = r"(?:put|puts|putting|estimated|estimates|estimating|pegged|pegs|placed|places)"
ESTIMATED_AT = re.compile(rf"\b{ESTIMATE_VERBS}\s+"
                          rf"(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){{0,2}}?at\s+{_HEDGE}{_BARE_COUNT}"
                          r"(?!\s*(?:a\.m|p\.m|am\b|pm\b|[-–:]))")
# A second estimate with its noun elided: "organisers claim 20,000 marchers, police estimate 7,000."
ESTIMATE_ELIDED = re.compile(rf"\b(?:estimate[sd]?|estimating|count(?:s|ed)?|reckon(?:s|ed)?)\s+{_HEDGE}{_BARE_COUNT}"
                             r"(?=\s*(?:[,;)\[.]|$))", re.I)
# A figure put by someone's count, its noun named before: "a few hundred, about 1,500 by the organisers' count".
COUNT_BY = re.compile(rf"(?<![\w.,$¥₩€£/#+-]){_BARE_COUNT}\s+(?:by|on)\s+(?:the\s+|their\s+|its\s+|our\s+)?"
                      r"(?:[\w'’-]+\s+){0,2}?(?:own\s+)?(?:count|estimate|tally|reckoning)\b", re.I)
# The part of a group named before: "more than 175,000 of them have returned", "of whom about 19,900 live in".
PART_OF = re.compile(rf"(?<![\w.,$¥₩€£/#+-]){_HEDGE}{_BARE_COUNT}\s+of\s+(?:them|these|those)\b"
                     rf"|\bof\s+whom\s+{_HEDGE}{_BARE_COUNT}")
# A figure heading its label in a list: "56,000: the island's population", "1,200: troops deployed".
LABELLED_COUNT = re.compile(rf"{_BARE_COUNT}(?::|\s+[-–—])\s+(?P<label>[^.;,(]{{3,60}})")  # "2,310 - residents …"
_POPULATION_WORD = re.compile(r"\b(?:population|people|inhabitants|residents|voters)\b", re.I)
# A count as a compound modifier of a group of vehicles: "a 40-truck convoy", "a 12-ship flotilla" (not a
# standing body's size: "the 27-member bloc").
COMPOUND_COUNT = re.compile(rf"\b(?:a|an|the|its|their)\s+{_NUM}(?P<scale>)-(?:truck|vehicle|car|bus|lorry|ship|vessel|"
                            r"boat|aircraft|plane|jet|drone)\s+(?:[\w-]+\s+)?(?:convoy|fleet|flotilla|squadron|column|"
                            r"formation|armada|caravan)\b", re.I)
# Things numbered, not counted: "Phase 2", "Article 5", "Route 9".
_NUMBERED = (r"(?:Phase|Stage|Group|Article|Section|Chapter|Part|Round|Level|Grade|Type|Class|Category|Zone|Sector|"
             r"Block|Unit|Line|Route|Highway|Road|Gate|Terminal|Building|Camp|Point|Number|No\.?|Item|Annex|Appendix|"
             r"Resolution|Protocol|Brigade|Division|Regiment|Battalion|Corps|Flight|Vol\.?|Volume|Issue|Edition|Page|"
             r"Step|Day|Week|Season|Title|Rule|Amendment|Paragraph|Clause|Pillar|Goal|Option|Plan|Tier)")
# A second count whose noun is gapped after a name: "Citizen Revolution won 67 seats and National Action 66."
GAPPED_COUNT = re.compile(rf"\band\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){{0,5}}(?!{_NUMBERED}\s)[A-Z][\w'’.-]*\s+"
                          rf"{_BARE_COUNT}"
                          r"(?=\s*(?:[.;)]|,|$))")
# A sample size: "(n = 2,340)", "n=1,010".
SAMPLE_SIZE = re.compile(rf"(?<![\w.])[nN]\s*=\s*{_NUM}{_COUNT_SCALE}(?![\d.,]*\d)")

# A count after its label: "Reported deaths: 9", "People displaced by the floods (UN, May): 1.3 million";
# a figures box flattened into one paragraph runs the next label on ("...: 4 People killed ...: 21").
# (whole month names or their abbreviations only: "12 Marines", "3 Octopus" are no dates)
_MONTH_NAMES = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|"
                r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?:\b|(?<=\w)\.)")
LABEL_COUNT = re.compile(rf"(?<=\S):\s+{_HEDGE}{_BARE_COUNT}(?!\s+{_MONTH_NAMES})(?=\s*(?:[.;([]|$)|\s+[A-Z])")
# A toll told with its noun before the passive verb: "54 militants were killed", "1 border guard was wounded"
# (not a date's or a time's number: "12 March troops were killed", "3 pm two men were hurt").
PASSIVE_TOLL = re.compile(
    rf"(?<![\w.,$¥₩€£/#+:-]){_BARE_COUNT}\s+(?:(?!(?:{_FUNCTION_WORDS}|{_MONTH_NAMES}|[ap]\.?m\.?|GMT|UTC|hrs|"
    rf"{_WORD_NUM})(?:\b|\s))[\w-]+\s+){{1,3}}?(?:were|was|had\s+been|have\s+been|has\s+been)\s+(?:\w+ly\s+)?"
    r"(?:killed|injured|wounded|hurt|abducted|kidnapped)\b", re.I)
_LABEL_CUT = re.compile(r"(?r)[:;.!?)]")
_LABEL_NOTE = re.compile(r"\s*\([^()]*\)\s*$")  # "(IOM, June)": the label's source, not its noun
_REPORT_STATUS = re.compile(r"\s*(?:confirmed|reported|verified)\s*", re.I)  # "...; confirmed: 6"
# Pairs of counts under a head that names both: "(reported / confirmed deaths): North 191 / 98 | South 73 / 41".
SLASH_HEAD = re.compile(r"\b[a-z-]+\s*/\s*[a-z-]+\s+(?:[a-z-]+\s+)?[a-z-]*[a-hj-rt-z]s\b")
SLASH_PAIR = re.compile(rf"(?<![\w.,/-])(?P<num>{_INT})(?P<scale>)\s+/\s+(?P<b>{_INT})(?![\w/]|[.,]\d)")
# The confirmed part of a reported figure: "14 deaths reported, 9 confirmed", "of which 236 are confirmed".
CONFIRMED_COUNT = re.compile(rf"(?<![\w.,$¥₩€£/#+-]){_BARE_COUNT}\s+(?:(?:are|were|have\s+been|had\s+been)\s+)?"
                             r"(?:confirmed|verified)\b(?!\s+(?:that|as|the|a|an|his|her|their|its|this)\b)")

# The second casualty figure in words: "killing two drivers and injuring three".
ELIDED_WORD = re.compile(rf"\b(?:kill(?:ed|ing)|injur(?:ed|ing)|wound(?:ed|ing))\s+(?P<word>{_WORD_NUM})"
                         r"(?=\s*(?:[,;)]|\.?$|\.\s)|\s+(?:and|others?|more|in|on|at|during|while|when)\b)", re.I)


# A toll in words with its noun named before: "176 people are evacuated and seven are injured".
ELIDED_WORD_PASSIVE = re.compile(rf"(?<![\w-])(?P<word>{_WORD_NUM})\s+(?:(?:others?|more)\s+)?(?:are|were|was|"
                                 r"have\s+been|has\s+been|had\s+been)\s+(?:\w+ly\s+)?(?:killed|injured|wounded|"
                                 r"hurt|missing|arrested|detained|abducted|rescued|evacuated)\b", re.I)
# A single casualty ("one soldier is killed"): a toll of one, which the counts in words leave out ("one" alone
# measures nothing worth a row).
_ONE_HURT = (r"(?:soldier|civilian|person|man|woman|child|officer|policeman|peacekeeper|worker|journalist|fighter|"
             r"sailor|pilot|guard|resident|villager|protester|migrant|member|passenger|driver|farmer|trader|student|"
             r"bystander)")
ONE_CASUALTY = re.compile(rf"\b(?P<word>[Oo]ne)\s+(?:[A-Z][\w-]+\s+)?{_ONE_HURT}\s+(?:is|was|has\s+been|had\s+been)\s+"
                          r"(?:\w+ly\s+)?(?:killed|injured|wounded)\b"
                          # "left one person dead", "killing one soldier"
                          r"|\b(?:kill(?:ed|ing)|wound(?:ed|ing)|injur(?:ed|ing)|left|leaving)\s+(?P<word>one)\s+"
                          rf"(?:[A-Z][\w-]+\s+)?{_ONE_HURT}\b"
                          r"(?(?<=(?:left|leaving)\s+one\s+\w+)\s+(?:dead|injured|wounded)\b|)")
# The hurt told after the dead, their noun elided: "left one person dead and six injured"
HURT_AFTER_DEAD = re.compile(rf"\b(?:dead|killed)\s+and\s+(?P<word>{_WORD_NUM})\s+(?:others\s+)?"
                             r"(?:injured|wounded|hurt)\b", re.I)


_VOTED = _stdre.compile(rf"\b(?:{_VOTE_VERBS})\b")


def _elided_counts(s: str, low: str | None) -> list[tuple[float, str, tuple[int, int]]]:
    """Counts whose noun is not after them. low: re.lowered(s), for the pre-checks (or-chains: most
    sentences hold none of these words, and any() over a tuple costs more); None: run every pattern."""
    out: list[tuple[float, str, tuple[int, int]]] = []
    every = low is None
    low = low or ""
    if every or "vote" in low or "voting" in low or "rul" in low or "decid" in low or "decision" in low or \
            "verdict" in low or "judg" in low or (" to " in low and ", " in low and _VOTED.search(low)):
        out.extend(_vote_tallies(s))
    if every or "toll" in low or "number of" in low or "tally" in low:
        out.extend(_bare_counts(s, TOLL.finditer(s)))
    if every or "kill" in low or "injur" in low or "wound" in low or "evacuat" in low or "arrest" in low or \
            "detain" in low or "displac" in low:
        out.extend(_bare_counts(s, ELIDED_AFTER_VERB.finditer(s)))
    if " were " in s or " was " in s or " been " in s or " are " in s:
        out.extend(_bare_counts(s, ELIDED_PASSIVE.finditer(s), least=2))
        if every or "kill" in low or "injur" in low or "wound" in low or "hurt" in low or "abduct" in low or \
                "kidnap" in low:
            out.extend(_bare_counts(s, PASSIVE_TOLL.finditer(s)))
    if " by " in s and (every or "count" in low or "estimate" in low or "tally" in low or "reckoning" in low):
        out.extend(_bare_counts(s, COUNT_BY.finditer(s), least=2))
    if every or "dead" in low or "kill" in low or "wound" in low or "injur" in low or "hurt" in low or "missing" in low:
        out.extend(_bare_counts(s, _casualties_after(s), least=2))
    if every or "compared" in low or (" from " in low and (
            "up from" in low or "down from" in low or "rising from" in low or "falling from" in low or
            "rose from" in low or "fell from" in low)):
        found = list(BASELINE_COUNT.finditer(s))
        if found and not _RANKED.search(s):  # "ranked 12th, up from 15": a rank, not a count
            out.extend(_bare_counts(s, iter(found), least=2))
    if every or (" at " in low and (
            "put" in low or "estimat" in low or "peg" in low or "placed" in low or "places" in low)):
        out.extend(_bare_counts(s, ESTIMATED_AT.finditer(s), least=2))
    if every or "estimat" in low or " count " in low or " counts " in low or " counted " in low or "reckon" in low:
        out.extend(_bare_counts(s, ESTIMATE_ELIDED.finditer(s), least=2))
    if every or " of them" in low or " of these" in low or " of those" in low or "of whom" in low:
        out.extend(_bare_counts(s, PART_OF.finditer(s), least=2))
    if "=" in s:
        out.extend(_bare_counts(s, SAMPLE_SIZE.finditer(s), least=2))
    if "-" in s and (every or "convoy" in low or "fleet" in low or "flotilla" in low or "squadron" in low or
                     "column" in low or "formation" in low or "armada" in low or "caravan" in low):
        out.extend(_bare_counts(s, COMPOUND_COUNT.finditer(s), least=2))
    if ": " in s:
        out.extend(_bare_counts(s, _labelled_counts(s), least=2))
    if " / " in s and SLASH_HEAD.search(s):
        out.extend(_slash_pairs(s))
    if every or "confirmed" in low or "verified" in low:
        out.extend(_bare_counts(s, CONFIRMED_COUNT.finditer(s)))
    if s[:1].isdigit() and (":" in s[:16] or " - " in s[:16] or " – " in s[:16] or " — " in s[:16]):
        labelled = LABELLED_COUNT.match(s)
        label = " " + labelled["label"] if labelled else ""
        if labelled and (OPEN_COUNT_NOUN.match(label) or COUNT_NOUNS.match(label) or _POPULATION_WORD.search(label)):
            out.extend(_bare_counts(s, iter([labelled]), least=2))
    return out


def _labelled_counts(s: str) -> Iterator[re.Match[str]]:
    """LABEL_COUNT's matches whose label (back to the last break, its source note dropped) names what is
    counted, or says the figure is the confirmed/reported one of a count named before."""
    for m in LABEL_COUNT.finditer(s):
        label = _LABEL_NOTE.sub("", s[max(0, m.start() - 80):m.start()])
        cut = _LABEL_CUT.search(label)
        label = label[cut.end():] if cut else label
        if _names_counted(label) or _REPORT_STATUS.fullmatch(label):
            yield m


# (nor the page's own parts: "Rows: 11", "Results: 40")
_NOT_A_TALLY = re.compile(r"\b(?:change|share|rank|years?|dates?|rate|ratio|average|per|rows?|columns?|entries|results|"
                          r"items|pages?|records|hits)\b", re.I)


def _names_counted(label: str) -> bool:
    """A label with a counted noun ("People killed", "Militia members") that no word makes a rate or a date."""
    return not _NOT_A_TALLY.search(label) and any(
        not _NOT_COUNTED_WORD.fullmatch(w.group()) for w in _COUNTED_HEAD.finditer(label))


def _slash_pairs(s: str) -> Iterator[tuple[float, str, tuple[int, int]]]:
    """Both counts of each "191 / 98" pair after a head naming them ("reported / confirmed deaths")."""
    for m in SLASH_PAIR.finditer(s, SLASH_HEAD.search(s).end()):
        for name in ("num", "b"):
            if not re.fullmatch(r"(?:19|20)\d\d", m[name]):
                yield _num(m[name]), "count", m.span(name)


def _vote_tallies(s: str) -> Iterator[tuple[float, str, tuple[int, int]]]:
    """"by 513 votes to 207", "a vote of 52-48", "a 6-3 vote": each side is a count (a side may be 0 or 1)."""
    for m in VOTE_TALLY.finditer(s):
        a, b = next((m.span(x), m.span(y)) for x, y in (("a", "b"), ("a2", "b2"), ("a3", "b3"), ("a4", "b4"),
                                                           ("a5", "b5"), ("a6", "b6"))
                     if m[x] is not None)
        first, second = _num(s[a[0]:a[1]]), _num(s[b[0]:b[1]])
        if re.fullmatch(r"(?:19|20)\d\d", s[b[0]:b[1]]) and first < 1000:
            continue  # "by 12 votes to 2024 levels": a year, not a side
        yield first, "count", a
        if second or not (m["ruling"] or m["ruling5"]):  # "an 8-0 ruling": no judge dissented, no count of dissenters
            yield second, "count", b


def _bare_counts(s: str, found: Iterator[re.Match[str]], least: float = 1) -> Iterator[
        tuple[float, str, tuple[int, int]]]:
    """The counts of `found` (matches with "num" and "scale"), but for years, dates and numbered things."""
    for m in found:
        value = _count_value(m)
        if value < least or not value.is_integer() or re.fullmatch(r"(?:19|20)\d\d", m["num"]):
            continue
        before = s[:m.start("num")]
        if NOT_COUNT_BEFORE.search(before) or _MONTH_BEFORE.search(before[-12:]):
            continue
        yield value, "count", _count_span(m)


_MONTH_BEFORE = re.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s*$")
_CLAUSE_BREAK = re.compile(r"(?r)[,;:()]")


def _clause_before(s: str, i: int, width: int = 40) -> str:
    """Up to `width` characters before `i`, from the last clause break on."""
    before = s[max(0, i - width):i]
    cut = _CLAUSE_BREAK.search(before)
    return before[cut.end():] if cut else before


def _word_value(word: str) -> float:
    """"seven" -> 7, "twenty-three" -> 23, "19" -> 19."""
    if word[0].isdigit():
        return float(word)
    return float(sum(NUMBER_WORDS[w] for w in word.lower().split("-")))


_WORD_OUT_OF = re.compile(rf"\s+out\s+of\s+(?:the\s+|a\s+total\s+of\s+)?(?:{_NUM}|{_WORD_NUM})(?=\s)", re.I)
_WORD_NUM_RE = re.compile(rf"(?<![\w-]){_WORD_NUM}(?![\w-])", re.I)


_WORD_OF_THEM = re.compile(r"\s+of\s+(?:them|these|those)\b", re.I)
# The targets of a strike counted in words: "struck nine sites", "hitting four bases" (not "visited three sites").
_STRIKE_VERB = re.compile(r"\b(?:str(?:uck|ik(?:e|es|ing))|hit(?:s|ting)?|attack(?:s|ed|ing)?|target(?:s|ed|ing)?|"
                          r"bomb(?:s|ed|ing)?|shell(?:s|ed|ing)?|raid(?:s|ed|ing)?)\s+$", re.I)
_STRUCK_TARGET = re.compile(rf"{_WORD_NUM}\s+(?:[\w-]+\s+)?(?:sites|targets|positions|locations|facilities|bases|camps|"
                            r"depots|villages|towns|buildings)\b", re.I)


def _struck_targets(s: str, m: re.Match[str]) -> re.Match[str] | None:
    if not _STRIKE_VERB.search(s, max(0, m.start() - 12), m.start()):
        return None
    return _STRUCK_TARGET.match(s, m.start())


def _measured_words(s: str) -> Iterator[tuple[float, str, tuple[int, int]]]:
    """Counts in words: "four victories", "on seven occasions", "three out of five seats"."""
    for m in _WORD_NUM_RE.finditer(s):
        if m.group()[0].isupper() and m.start() == 0 and ":" in s[:60]:
            continue  # a list heading ("Three priorities: ...")
        if _WORD_OF_THEM.match(s, m.end()):  # "Thirty-one of them changed flag": the part of a group named before
            yield _word_value(m.group()), "count", m.span()
            continue
        out_of = _WORD_OUT_OF.match(s, m.end())
        if out_of:
            rest = s[out_of.end():out_of.end() + 60]
            if COUNT_NOUNS.match(rest) or OPEN_COUNT_NOUN.match(rest):
                yield _word_value(m.group()), "count", m.span()
            continue
        w = WORD_MEASURED.match(s, m.start()) or _struck_targets(s, m)
        if w is None or _WORD_NOT_BEFORE.search(s[max(0, m.start() - 12):m.start()]):
            continue
        if re.match(r"\s+(?:more|other|additional|fewer|new)\b", s[m.end():]) or s[w.end():w.end() + 2].strip() == ":":
            continue
        yield _word_value(m.group()), "count", m.span()


# Who a sanction lists, counted in words: "sanctioned two Russia-based individuals and four entities".
SANCTIONED_WORDS = re.compile(rf"\b(?:sanction(?:ed|ing|s)?|designat(?:ed|es|ing)|blacklist(?:ed|ing|s)?)\s+"
                              rf"(?:(?:another|a\s+further|an\s+additional)\s+)?(?P<word>{_WORD_NUM})\b", re.I)
_AND_WORD_NUM = re.compile(rf",?\s+and\s+(?P<word>{_WORD_NUM})\b", re.I)


def _sanctioned_words(s: str) -> Iterator[tuple[float, str, tuple[int, int]]]:
    for m in SANCTIONED_WORDS.finditer(s):
        while m is not None and (noun := OPEN_COUNT_NOUN.match(s[m.end():m.end() + 60])):
            yield _word_value(m["word"]), "count", m.span("word")
            m = _AND_WORD_NUM.match(s, m.end() + noun.end())  # "... and four entities"


def _may_count_words(s: str, low: str | None) -> bool:
    """False when WORD_COUNT cannot match `s` (low: re.lowered(s)): it has no number word or no counted noun."""
    return (low is None or any(map(low.__contains__, _WORD_NUM_PARTS))) and any(map(s.__contains__, _COUNTED))


# The earlier amount an amount is set against, its currency elided: "XOF 1,300 a litre against 800 before".
MONEY_BASELINE = re.compile(rf"[^.;]{{0,40}}?\b(?:against|compared\s+(?:with|to)|up\s+from|down\s+from)\s+"
                            rf"{_NUM}{_SCALE}(?=\s+(?:before|earlier|previously)\b|\s*[,;)]|\.(?!\d)|\s*$)")


def _money_baseline(s: str, m: re.Match[str], currency: str) -> Iterator[tuple[float, str, tuple[int, int]]]:
    if " against " not in s and " from " not in s and "compared" not in s:
        return
    base = MONEY_BASELINE.match(s, m.end())
    if base is not None and not re.fullmatch(r"(?:19|20)\d\d", base["num"]):
        yield _money(base["num"], base["scale"] or m["scale"], currency), currency, base.span("num")


# A currency named in words, for an exchange rate quoted without its sign ("the zloty traded at 4.27 to the
# euro"): the rate is an amount of the currency the sentence names last before it. (Not "won", "real": words.)
CURRENCY_NAMES = {"zloty": "PLN", "forint": "HUF", "koruna": "CZK", "Moldovan leu": "MDL", "leu": "RON", "lira": "TRY",
                  "hryvnia": "UAH", "rouble": "RUB", "ruble": "RUB", "rupee": "INR", "rand": "ZAR", "naira": "NGN",
                  "Kenyan shilling": "KES", "Syrian pound": "SYP", "Lebanese pound": "LBP", "Egyptian pound": "EGP",
                  "Serbian dinar": "RSD", "Iraqi dinar": "IQD", "riyal": "SAR", "rial": "IRR", "dirham": "AED",
                  "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "tenge": "KZT", "lari": "GEL",
                  "dram": "AMD", "manat": "AZN", "birr": "ETB", "cedi": "GHS", "rupiah": "IDR", "ringgit": "MYR",
                  "baht": "THB", "kyat": "MMK", "taka": "BDT", "afghani": "AFN", "somoni": "TJS",
                  "hryvna": "UAH", "lev": "BGN", "denar": "MKD", "lek": "ALL", "shekel": "ILS"}
_CURRENCY_NAME = re.compile(r"(?r)\b(?P<name>" + "|".join(sorted(CURRENCY_NAMES, key=len, reverse=True)) + r")\b")
EXCHANGE_RATE = re.compile(r"\b(?:trad(?:ed|ing|es?)|stood|stands|closed|opened|fixed|quoted|"
                           rf"chang(?:ed|ing|es)\s+hands)\s+(?:at\s+)?{_HEDGE}{_NUM}(?P<scale>)\s+(?:to|per|against)\s+(?:the|one|a|each)\s+"
                           r"(?:US\s+)?(?:dollar|euro|pound|yuan)\b", re.I)


def _exchange_rates(s: str) -> Iterator[tuple[float, str, tuple[int, int]]]:
    for m in EXCHANGE_RATE.finditer(s):
        named = _CURRENCY_NAME.search(s, 0, m.start())  # the last one before
        if named is not None and (code := CURRENCY_NAMES[named["name"]]) in ISO_CODES:
            yield _num(m["num"]), code, m.span("num")


def _money_and_shares(s: str, low: str | None) -> Iterator[tuple[float, str, tuple[int, int]]]:
    if low is None or " the dollar" in low or " the euro" in low or " one dollar" in low or " the us dollar" in low:
        yield from _exchange_rates(s)
    for m in MONEY_SYMBOL.finditer(s) if any(map(s.__contains__, _SYMBOL_PARTS)) else ():
        if _is_goal_by_year(s, m.start(), m.end()):
            continue
        value = _money(m["num"], m["scale"], CURRENCY_SYMBOLS[m["sym"]])
        yield (-value if _negated(s, m.start()) else value), CURRENCY_SYMBOLS[m["sym"]], m.span()
        yield from _money_baseline(s, m, CURRENCY_SYMBOLS[m["sym"]])
    for m in MONEY_CODE.finditer(s) if not ISO_CODES.isdisjoint(_CAPS3.findall(s)) else ():
        cur = m["code"] or m["code2"]
        if cur in ISO_CODES and not _is_goal_by_year(s, m.start(), m.end()):
            value = _money(m["num"], m["scale"], cur)
            yield (-value if _negated(s, m.start()) else value), cur, m.span()
            yield from _money_baseline(s, m, cur)
    for m in MONEY_WORD.finditer(s) if low is None or any(map(low.__contains__, _CURRENCY_PARTS)) else ():
        if _is_goal_by_year(s, m.start(), m.end()):
            continue
        cur = next(code for pat, code in CURRENCY_WORDS.items() if re.fullmatch(pat, m["cur"], re.I))
        value = _money(m["num"], m["scale"], cur)
        yield (-value if _negated(s, m.start()) else value), cur, m.span()
    for m in PERCENT.finditer(s) if any(map(s.__contains__, _PERCENT_PARTS)) else ():
        value = _num(m["num"])
        words = _words_before(s, m.start())
        if value > 100 or _is_threshold(s, m, words) or s[m.end():m.end() + 12].lstrip().startswith("confidence") \
                or _is_goal_by_year(s, m.start(), m.end()):
            continue  # "rose 250%" is no share (and fails the warehouse's bounds); a rule's threshold; a
            # method's parameter ("at 95% confidence")
        pre = s[max(0, m.start() - 4):m.start()]
        low_end = _RANGE_BEFORE.search(s, max(0, m.start() - 16), m.start()) if "-" in pre or "–" in pre or \
            "to" in pre else None
        if low_end and _num(low_end["low"]) < value and \
                not _FROM_BEFORE.search(s, max(0, low_end.start() - 12), low_end.start()):
            # "5-6% of voters": a range, read as its midpoint (not silently its upper end) over the whole span
            value = (_num(low_end["low"]) + value) / 2
            m = _Span(low_end.start("low"), m.end(), m.start())
            words = _words_before(s, m.start())  # "fell 5-6%": the verb before the low end
        unit = "percentage_points" if _is_change(s, m) else "percent"
        if unit == "percent" and not _negated(s, m.start()):  # a fall stated with it: "shrinking 0.2%"
            yield (-value if _is_decrease(s, m, words) else value), unit, m.span()
        else:
            yield _signed(s, m, value, unit), unit, m.span()
    for m in POINTS.finditer(s) if "point" in s or " pt" in s else ():  # ("+5 pts")
        if not re.search(r"\b(?:score|goals?)\b", s[m.end():m.end() + 20]):
            yield _signed(s, m, _num(m["num"]), "percentage_points"), "percentage_points", m.span()


_RANGE_BEFORE = re.compile(r"(?<![\w.,-])(?P<low>\d+(?:\.\d+)?)\s*%?\s*(?:[-–]|to)\s*$")
_FROM_BEFORE = re.compile(r"\b(?:from|between)\s+$", re.I)  # "rose from 5 to 6%": a change, its level 6%


@dataclass
class _Span:
    """A match's span (a range "5-6%" from its low end), for the sign and change tests."""
    _start: int
    _end: int
    number: int  # where the last figure starts

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def span(self) -> tuple[int, int]:
        return self._start, self._end


def _num(text: str) -> float:
    return float(text.replace(",", ""))


def _money(num: str, scale: str | None, currency: str) -> float:
    return _num(num) * SCALE.get((scale or "").lower(), 1.0)


_DOWN = re.compile(r"\b(?:down|fell|fall(?:ing|s)?|drop(?:ped|ping|s)?|decline[ds]?|decreas\w+|lower|"
                   r"plunged?|slipped|dipped|lost|sl[iu]d|slump\w*|s[au]nk|tumbled|shed)\b", re.I)
_CHANGE = re.compile(r"\b(?:up|down|rose|rise|risen|jump\w*|gain\w*|fell|drop\w*|declin\w*|increas\w*|"
                     r"decreas\w*|higher|lower|more|less)\b", re.I)


def _is_change(s: str, m: re.Match[str]) -> bool:
    """'down 4.2% from November' compares two percentages: percentage points (but a verb's "rose by 18%
    compared with January", "has fallen by 45% since August" is the relative change of a level: percent)."""
    before = s[max(0, m.start() - 25):m.start()]
    after = s[m.end():m.end() + 30]
    return bool(re.search(r"\b(?:up|down)\s+(?:roughly\s+|about\s+|some\s+)?$", before) and re.search(
        r"\b(?:from|than|compared|since)\b", after)) and not _money_changed(s[max(0, m.start() - 120):m.start()])


def _money_changed(before: str) -> bool:
    """'trade reached US$5.9 billion in 2024, up 7.3 percent from 2023': the change of a sum of money is
    relative (percent), whereas 'approval was down 4.2% from November' compares two shares (points)."""
    clause = before.rsplit(".", 1)[-1] if ". " in before else before
    return "%" not in clause and " percent" not in clause and bool(
        MONEY_SYMBOL.search(clause) or MONEY_CODE.search(clause) or MONEY_WORD.search(clause))


# Rules, targets and caps: "exempt defence spending above 1% of GDP", "the 2% target", "capped at 3%".
# A threshold is no observation (but "approval fell below 20%" is: a verb, no rule word).
# A trade measure's rate is a policy parameter of the same kind: "a 25% tariff", "an additional 10% duty".
_THRESHOLD_NOUN = (r"(?:(?:target|threshold|ceiling|cap|benchmark|guideline|hurdle|floor|quota|tariff|surcharge)s?|"
                   r"dut(?:y|ies))")
_THRESHOLD_AFTER = re.compile(rf"\s+(?:of\s+(?:GDP|gross\s+domestic\s+product|national\s+income)\s+)?(?:(?!(?:"
                              rf"{_FUNCTION_WORDS})\b)[\w-]+\s+){{0,2}}?{_THRESHOLD_NOUN}\b")  # lowercase nouns
_THRESHOLD_BEFORE = re.compile(rf"\b(?:{_THRESHOLD_NOUN}\s+(?:of|at)|cap(?:s|ped|ping)?\s+(?:[\w-]+\s+){{0,3}}?at)\s+"
                               r"(?:(?:about|around)\s+)?$")
_COMPARED_BEFORE = re.compile(r"\b(?:above|below|over|under|exceeding|beyond|in\s+excess\s+of|at\s+least|at\s+most|"
                              r"no\s+(?:more|less)\s+than)\s+$", re.I)
# "stayed above 30%", "was below 20%": a level observed, whatever rule the clause names.
_OBSERVED_BEFORE = re.compile(
    r"\b(?:stay\w*|remain\w*|rose|rise[ns]?|rising|f[ae]ll\w*|climb\w*|drop\w*|hover\w*|stand|stands|stood|"
    r"standing|held|hold\w*|kept|keep\w*|reach\w*|edg\w*|surg\w*|jump\w*|slipp?\w*|dipp?\w*|s[iau]nk\w*|ran|"
    r"run\w*|polled|polling|was|were|is|are|been|came|comes?|ended|ending|finished|trend\w*|still|well|just|"
    r"slightly|comfortably)\s+$", re.I)
_RULE_WORD = re.compile(r"\b(?:exempt\w*|cap(?:s|ped)?|ceilings?|limit\w*|thresholds?|must|shall|requir\w+|rules?|"
                        r"quotas?|ensur\w+|guarantee\w*|"
                        r"criteri\w+|eligib\w+|qualif\w+|allow\w*|permit\w*|oblig\w+)\b", re.I)
_COMPARED_LAST = frozenset("above below over under exceeding beyond least most".split())


def _has_threshold_noun(text: str) -> bool:
    """Whether `text` may hold a _THRESHOLD_NOUN or "cap" (an or-chain: cheaper than any() on most figures)."""
    return "target" in text or "threshold" in text or "ceiling" in text or "cap" in text or "benchmark" in text or \
        "guideline" in text or "hurdle" in text or "floor" in text or "quota" in text or "tariff" in text or \
        "dut" in text or "surcharge" in text


# A plan's target: "a plan to spend 5-6% of GDP", "pledged to raise aid to 0.7% of national income".
_PLANNED = re.compile(r"\b(?:plans?|planned|planning|pledge[sd]?|pledging|promis\w*|commit\w*|aims?|aimed|aiming|goal|"
                      r"vow\w*|intend\w*|intention|propos\w*|decided|agreed|undert\w+)\s+(?:\w+\s+)?to\s+(?:spend|raise|reach|"
                      r"increase|lift|boost|bring|cut|reduce|lower|meet|hit|devote|allocate|invest|double|halve|keep)\b"
                      r"[^.;:]{0,40}$", re.I)
_PLAN_WORDS = ("plan", "pledg", "promis", "commit", "aim", "goal", "vow", "intend", "intention", "propos", "decided",
               "agreed", "undert")


def _is_threshold(s: str, m: re.Match[str], words: list[str]) -> bool:
    """A percentage that is a rule's threshold or a plan's target; `words`: _words_before(s, m.start())."""
    before = s[max(0, m.start() - 90):m.start()]
    if " to " in before and any(map(before.__contains__, _PLAN_WORDS)) and _PLANNED.search(before):
        return True
    if _has_threshold_noun(s[m.end():m.end() + 45]) and _THRESHOLD_AFTER.match(s, m.end()):
        return True
    last = words[-1] if words else ""
    if last in ("at", "of") and _has_threshold_noun(s[max(0, m.start() - 60):m.start()]) and \
            _THRESHOLD_BEFORE.search(_clause_before(s, m.start(), 60)):
        return True
    if not (last in _COMPARED_LAST or (last == "than" and words[-3:-2] == ["no"]) or words[-2:] == ["excess", "of"]):
        return False  # (the cheap test: every _COMPARED_BEFORE match ends so)
    before = _clause_before(s, m.start(), 60)
    compared = _COMPARED_BEFORE.search(before)
    if compared is None or _OBSERVED_BEFORE.search(before, 0, compared.start()):
        return False
    after = s[m.end():m.end() + 60]
    cut = _CLAUSE_END.search(after)
    after = after[:cut.start()] if cut else after
    return bool(_RULE_WORD.search(before, 0, compared.start()) or _RULE_WORD.search(after))


_CLAUSE_END = re.compile(r"[,;:()]|\.(?!\d)")

# A figure to be reached by a year is a goal or a projection, not an observation: "a goal of $500 billion in
# trade by 2030", "aid will fall to 0.3% of national income by 2027" (a cue word before or after the figure).
_BY_YEAR_AFTER = re.compile(r"[^.;]{0,80}?\bby\s+(?:the\s+end\s+of\s+)?(?:19|20)\d\d\b")
_GOAL_CUE = re.compile(r"\b(?:will|shall|would|goals?|targets?|aims?|aimed|plans?|planned|pledge[sd]?|vow\w*|"
                       r"expected|projected|forecast|set\s+to|agree[sd]?\s+to|(?:to\s+)?(?:raise|boost|lift|double|"
                       r"triple))\b", re.I)  # "agreed to … raise trade to $18 billion by 2028"


# "set a target of US$1 billion in trade", "a goal of €5 billion": the figure is the goal itself
_GOAL_OF = re.compile(r"\b(?:targets?|goals?|ceiling|cap)\s+of\s+(?:about\s+|around\s+|some\s+)?$")


def _is_goal_by_year(s: str, start: int, end: int) -> bool:
    """Whether the figure at s[start:end] is a goal: named one ("a target of $1 billion"), or to be reached by a
    year ("... by 2030") that a cue makes a goal."""
    if " of " in s[max(0, start - 16):start] and _GOAL_OF.search(s, max(0, start - 30), start):
        return True
    if "by " not in s[end:end + 90]:
        return False
    by_year = _BY_YEAR_AFTER.match(s, end)
    return by_year is not None and bool(_GOAL_CUE.search(s, max(0, start - 90), start) or
                                        _GOAL_CUE.search(s, end, by_year.end()))


# A fall stated with a percentage: "after shrinking 0.2%", "fell by 3%", "a decline of 1.5%", "a 3% drop"
# (not a level reached: "fell to 11%", "falling below 20%").
_FALL_WORDS = frozenset("shrink shrinks shrinking shrank shrunk contracted contracting contracts fell fall falls "
                        "falling fallen drop drops dropped dropping declined declining declines decreased decreasing "
                        "decreases dipped dipping plunged plunging plunges slumped slumping slumps sank sunk sinking "
                        "slid slide slides sliding tumbled tumbling tumbles down".split())
_FALL_NOUNS = frozenset("decline drop fall contraction decrease dip slump reduction cut loss".split())
_HEDGE_WORDS = frozenset("by about around roughly some nearly almost just only further another estimated a an as much "
                         "little".split())  # "dropped as much as 11%"


def _words_before(s: str, i: int) -> list[str]:
    """The lowercased words of the 40 characters before the number at `i`, without the hedges that end
    them ("fell by about" -> [..., "fell"]); [] when no space precedes the number."""
    if i == 0 or s[i - 1] != " ":
        return []
    words = s[max(0, i - 40):i].lower().split()
    while words and words[-1] in _HEDGE_WORDS:
        words.pop()
    return words


# A verb that makes "by N%" a fall however far its object runs: "cut handling charges for cargo by 12 per cent".
_CUT_BY = re.compile(r"\b(?:cut(?:s|ting)?|reduc(?:e[ds]?|ing)|lower(?:s|ed|ing)|slash(?:es|ed|ing)?|"
                     r"trimm?(?:s|ed|ing)?|decreas(?:e[ds]?|ing)|shrank|shrunk|fell|dropped|declined)\b(?!(?:[^,;]*?)\b(?:rais|increas|"
                     r"lift|boost|ros[ei]|grew|up)\w*\b)[^,;:]*\bby\s+(?:(?:about|around|roughly|some|nearly|almost|"
                     r"just|only|a\s+further|another)\s+)?$", re.I)


def _is_decrease(s: str, m: re.Match[str], words: list[str]) -> bool:
    if words and (words[-1] in _FALL_WORDS or (words[-1] == "of" and len(words) > 1 and words[-2] in _FALL_NOUNS)):
        return True
    if s[max(0, m.start() - 20):m.start()].find("by ") >= 0 and _CUT_BY.search(s, max(0, m.start() - 90), m.start()):
        return True
    if not (" " + s[max(0, m.start() - 5):m.start()].lower()).endswith((" a ", " an ", " the ")):
        return False  # "a 3% drop"; not the verb: "some 30% fall within the band"
    after = s[m.end():m.end() + 14].split(None, 1)
    return bool(after) and s[m.end():m.end() + 1] == " " and after[0].lower().rstrip(".,;") in _FALL_NOUNS


def _signed(s: str, m: re.Match[str], value: float, unit: str) -> float:
    """A stated sign ("minus 0.1%", "−0.4%"), else for a change the direction ("down 4.2 points")."""
    if _negated(s, m.start()):
        return -value
    if unit != "percentage_points" or s[m.start() - 1:m.start()] in ("+", "±"):  # a stated plus, a margin
        return value
    before = s[max(0, m.start() - 30):m.start()]
    return -value if _DOWN.search(before) else value


_NEGATIVE = re.compile(r"(?:\b(?:minus|negative)\s+|(?:^|(?<=[\s(\[]))-|(?<!\d)\u2212)$", re.I)


def _negated(s: str, i: int) -> bool:
    """A minus sign or word right before offset `i` (not the dash of a range: "20-25%")."""
    if i == 0:
        return False
    c = s[i - 1]
    if c not in " -\u2212":
        return False
    return _NEGATIVE.search(s, max(0, i - 10), i) is not None


def _count_value(m: re.Match[str]) -> float:
    """A count with its scale word: "10 million" -> 10,000,000."""
    # (rounded: 8.2 * 1e6 is 8199999.999999999 in floats, which no integer test would pass)
    return round(_num(m["num"]) * SCALE[m["scale"].lower()], 6) if m["scale"] else _num(m["num"])


def _count_span(m: re.Match[str]) -> tuple[int, int]:
    return m.start("num"), m.end("scale") if m["scale"] else m.end("num")


_PERMITS = re.compile(r"\b(?:let|lets|letting|allow\w*|permit\w*|cap\w*|limit\w*|quotas?|admit\w*)\b(?:\s+[\w-]+){0,3}"
                      r"\s+up\s+to\s+$", re.I)


def _is_measured_count(s: str, m: re.Match[str]) -> bool:
    num = m["num"]
    value = _count_value(m)
    after = m["after"]
    # The tests are pure: the cheap ones, and the one that most numbers fail (a counted noun), first.
    if not value.is_integer() or value < 2:  # (as value != int(value), without int(inf) raising)
        return False
    if not (COUNT_NOUNS.match(after) or OPEN_COUNT_NOUN.match(after) or _out_of_count(s, m.end("num"))):
        return False
    before = s[:m.start()]
    if ORDINAL_AFTER.match(s[m.end("num"):]) or DURATION_AFTER.match(after):
        return False
    if re.fullmatch(r"(?:19|20)\d\d", num) or NOT_COUNT_BEFORE.search(before):
        return False
    if before.endswith("up to ") and _PERMITS.search(_clause_before(s, m.start(), 60)):
        return False  # "will let up to 280 islanders a year settle": a rule's cap, not an observation
    if re.search(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s*(?:\d{1,2}\s+(?:and|or|to)\s+)?$",
                 before):
        return False  # "March 12 troops …", "on March 22 and 23 despite protests": days of a date
    if _MONTH_AFTER.match(after):  # "2 Sep US forces strike ...": a day of a date column, not a count
        return False
    return not re.match(r"^\s*(?:[-–]|:|,\s*\d{4}|\s*(?:a\.m|p\.m|am|pm)\b)", s[m.end("num"):])


_MONTH_AFTER = re.compile(rf"\s+{_MONTH_NAMES}")
_OUT_OF = re.compile(rf"\s+(?:out\s+)?of\s+(?:the\s+|its\s+|their\s+|a\s+total\s+of\s+)?{_NUM}"
                     r"(?P<after>\s+[^\d]{0,40})")


def _out_of_count(s: str, i: int) -> bool:
    """"11 out of 15 plaintiffs", "43 of the 250 seats": the part observed is a count when the whole is."""
    m = _OUT_OF.match(s, i)
    if m is None or _LISTED.match(m["after"]):  # "Showing 1–8 of 214 results": a pager, not a part counted
        return False
    return bool(COUNT_NOUNS.match(m["after"]) or OPEN_COUNT_NOUN.match(m["after"]))


_LISTED = re.compile(r"\s+(?:results|items|entries|records|rows|pages|hits|posts|articles|stories)\b", re.I)


_WORD = re.compile(r"[\w-]+")
_PHRASE_END = re.compile(r"[,.;:()!?]")
_PHRASE_STOP = frozenset(_FUNCTION_WORDS.split("|")) - {"times"} | frozenset(
    "aboard who whom whose since during after before into onto across along among were said says out back home "
    "up down off away safely there here".split())


# "23 types of chipmaking equipment" restates "23 categories of semiconductor equipment": a
# classifier's count is the count of what follows "of".
_CLASSIFIERS = frozenset("type kind categorie category class sort form variety piece item".split())


def _noun_words(text: str) -> frozenset[str]:
    """The words of the counted noun phrase at the start of `text` ("South Korean nationals and ..." ->
    {south, korean, national}), singular, up to the first function word or punctuation, or the head noun;
    after a classifier ("types of X"), the words of X, marked "~"."""
    cut = _PHRASE_END.search(text, 0, 80)
    return frozenset(_phrase(_WORD.findall(text[:cut.start() if cut else 80].lower())))


def _phrase(tokens: list[str]) -> list[str]:
    words: list[str] = []
    for i, w in enumerate(tokens):
        if w == "of" and words and words[-1] in _CLASSIFIERS:  # "~": a word of what is classified
            return ["~" + x for x in _phrase(tokens[i + 1:])] or words
        if w in _PHRASE_STOP or len(words) == 4:
            break
        if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
            words.append(w[:-1])
            if w[:-1] not in _CLASSIFIERS:
                break  # the head noun ends the phrase
        else:
            words.append(w)
    return words


def _same_noun(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two counted noun phrases name the same thing: one holds the other; after classifiers, what is
    classified shares a word ("chip equipment", "semiconductor equipment")."""
    if not a or not b:
        return a == b
    if "~" in next(iter(a))[:1] and "~" in next(iter(b))[:1]:
        return bool(a & b)
    return a <= b or b <= a


_TOLL_STEM = re.compile(r"\b(?P<stem>kill|dead|die|injur|wound|hurt|arrest|detain|missing)", re.I)
_TOLL_KEY = {"dead": "kill", "die": "kill", "wound": "injur", "hurt": "injur", "detain": "arrest"}


def _toll_of_elided(f: MetricMatch) -> frozenset[str]:
    """A count whose noun is elided ("killed two and injured three", "and injuring three"): what happened to
    them, the toll word nearest after it (else before), so that a retelling's count dedupes with the first."""
    a, b = f.number_span
    stem = _TOLL_STEM.match(f.text, b + 1) if f.text[b:b + 1] == " " else None
    if stem is None:
        stems = list(_TOLL_STEM.finditer(f.text, max(0, a - 30), a))
        stem = stems[-1] if stems else None
    if stem is None:
        return frozenset()
    word = stem["stem"].lower()
    return frozenset({"~" + _TOLL_KEY.get(word, word)})


_TABLE_RESTATES = 800  # characters: how far above a table the prose it restates may be


def _dedupe(found: list[MetricMatch]) -> list[MetricMatch]:
    """A number stated twice for the same thing in one report is one metric: money by value and unit;
    a percentage when the two words after it agree too; a count when one statement's noun phrase holds
    the other's ("18 Korean nationals" restates "18 South Korean nationals", not "18 Japanese nationals")."""
    seen: set[tuple[float, str, str]] = set()
    counts: dict[float, list[frozenset[str]]] = {}
    prose: dict[tuple[float, str], int] = {}  # (value, unit) of a share in prose -> where it was last stated
    out = []
    for f in found:
        value = round(f.value, 4)
        if f.unit == "percent":
            if f.text[:1] != "|":
                prose[value, f.unit] = f.start
            elif f.start - prose.get((value, f.unit), -10_000) < _TABLE_RESTATES:
                continue  # a table restating the figures of the paragraph above it
        if f.unit == "count":
            noun = _noun_words(f.text[f.number_span[1]:])
            if not noun or (len(noun) == 1 and _TOLL_STEM.match(next(iter(noun)))):  # "three injured"
                noun = _toll_of_elided(f)
            known = counts.setdefault(value, [])
            if any(_same_noun(noun, k) for k in known):
                continue
            known.append(noun)
            out.append(f)
            continue
        words = 2 if f.unit in {"percent", "percentage_points"} else 0
        after = " ".join(_WORD.findall(f.text[f.number_span[1]:f.number_span[1] + 60].lower())[:words])
        key = (value, f.unit, after)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
