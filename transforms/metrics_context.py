"""What a number measures: measure, subject, population, source and period, read from its
sentence (and the one before it for the poll's source)."""

from __future__ import annotations

import re as _stdre
from datetime import date
from functools import lru_cache

from transforms import _regex as re
from transforms.dates import MONTHS
from transforms.metrics import MetricMatch
from transforms.reference import Reference, fold

MEASURES = [
    (r"approval rat\w+", "approval rating"), (r"disapprov\w+", "disapproval rating"),
    (r"unfavou?rabl[ey]", "unfavorable rating"), (r"favou?rabl[ey]", "favorable rating"),
    (r"turnout", "voter turnout"), (r"\bsupport\w*", "support"), (r"\boppos\w+", "oppose"),
    (r"confiden\w+", "confidence"), (r"\btrust\w*", "trust"), (r"\bGDP\b", "gdp"),
    (r"\btariffs?\b", "tariff"), (r"\bcompensat\w+", "compensation"), (r"\bswap\b", "currency swap"),
    (r"\binvest\w+", "investment"), (r"\b(?:budget|spending)\b", "budget"), (r"\baid\b", "aid"),
    (r"\bkilled|dead|deaths?\b", "killed"), (r"\binjur\w+|wounded", "injured"),
    (r"\bevacuat\w+|\bdepart(?:ed|ing|ure)?\b", "evacuated"), (r"\bgrounded\b", "grounded"),
]
# What a match of each MEASURES pattern holds (lowercased): a cheap test before the regex.
_MEASURE_WORDS = [("approval rat",), ("disapprov",), ("unfavo",), ("favo",), ("turnout",), ("support",),
                  ("oppos",), ("confiden",), ("trust",), ("gdp",), ("tariff",), ("compensat",), ("swap",),
                  ("invest",), ("budget", "spending"), ("aid",), ("killed", "dead", "death"),
                  ("injur", "wounded"), ("evacuat", "depart"), ("grounded",)]
_MEASURE_RES = [(re.compile(pat, re.I), label, words)
                for (pat, label), words in zip(MEASURES, _MEASURE_WORDS, strict=True)]
# (word, index into _MEASURE_RES), flat: one pass of substring tests instead of one any() per measure.
_MEASURE_WORD_INDEX = tuple((word, i) for i, words in enumerate(_MEASURE_WORDS) for word in words)
COUNT_VERBS = frozenset({"killed", "injured", "evacuated", "grounded"})
_POLL_SOURCE = re.compile(
    r"\b(?:according to|by|from|in)\s+(?:a|an|the)?\s*(?:\[)?(?P<src>[A-Z][\w&.'-]*(?:\s+(?:[A-Z][\w&.'-]*|on|of|"
    r"and|for))*)(?:\]\([^)]*\))?\s*(?:survey|poll|report)?")
_POPULATION = re.compile(r"\b(?P<pop>Americans|Japanese|South Koreans|Koreans|Chinese|Taiwanese|Australians|"
                         r"respondents|voters|eligible voters)\b(?:['’]?\s+(?:respondents|voters|adults)\b)?")


def describe_metric(m: MetricMatch, text: str, ref: Reference, default_period: date | None) -> dict:
    sentence = m.text
    polled = m.unit in {"percent", "percentage_points"}
    # A poll is often named a few sentences before.
    source = _source(text[max(0, m.start - 700):m.start] + " " + sentence, ref) if polled else ""
    subject = _subject(sentence, m, ref)
    if polled and not source and subject and fold(subject) in ref.organizations:
        source, subject = subject, ""  # "Gallup Korea placed his approval at 23%": the pollster
    clause = _clause(sentence, m)  # for the measure and the period both
    return {
        "measure": _measure(sentence, clause, m),
        "subject": "" if subject == source else subject,
        "population": _population(sentence, m) if polled else "",
        "source": source,
        "period": _period(sentence, clause, m, text, default_period),
    }


_CLAUSE_SEPS = (", ", "; ", " and ", " while ")


def _clause(sentence: str, m: MetricMatch) -> str:
    """The clause around the number: measures named elsewhere in the sentence don't leak in."""
    a, b = m.number_span
    start = -1  # the last separator before the number (-1: none, the clause starts the sentence)
    end = len(sentence)  # the first separator after it
    for sep in _CLAUSE_SEPS:
        start = max(start, sentence.rfind(sep, 0, a))
        i = sentence.find(sep, b)
        if i != -1 and i < end:
            end = i
    return sentence[start + 1:end]


def _measure(sentence: str, clause: str, m: MetricMatch) -> str:
    """What the figure measures; `clause` is _clause(sentence, m)."""
    labels = _measure_labels(clause)
    if m.unit != "count" and not labels:
        labels = _measure_labels(sentence)  # "…approval rating at 34%, down three points…": named earlier
    for label in labels:
        if m.unit != "count":
            return label
        if label in COUNT_VERBS:  # "eight crew members were killed" -> "crew members killed"
            return f"{_noun_after(sentence, m)} {label}".strip()
    if m.unit == "count":
        return _noun_after(sentence, m) or "count"
    return "amount" if len(m.unit) == 3 and m.unit.isupper() else "share"


def _measure_labels(text: str) -> list[str]:
    """Labels of the MEASURES found in `text`, in MEASURES order."""
    return list(_cached_measure_labels(text))


@lru_cache(maxsize=64)  # a sentence's metrics share it (and often their clause)
def _cached_measure_labels(text: str) -> tuple[str, ...]:
    low = re.lowered(text)
    if low is None:
        candidates = range(len(_MEASURE_RES))
    else:  # only the measures whose words the text holds (a set, then back into MEASURES order)
        candidates = sorted({i for word, i in _MEASURE_WORD_INDEX if word in low})
    return tuple(label for pat, label, _ in map(_MEASURE_RES.__getitem__, candidates) if pat.search(text))


def _noun_after(sentence: str, m: MetricMatch) -> str:
    after = re.match(r"\s*((?:[\w-]+\s+){0,2}?(?:[\w-]+))(?=\s+(?:were|was|are|is|have|had|from|in|to|on|at|"
                     r"aboard|who|that|which|for)\b|[,.;]|$)", sentence[m.number_span[1]:])
    return fold(after.group(1)) if after else ""


_NOT_SUBJECTS = frozenset("a an the all it its this that these those he she they in on at by with of "
                          "some most many just three two there while however but although though when if as "
                          "since after before during according meanwhile still yet despite amid for from to "
                          "over under also only even so".split()) | frozenset(MONTHS)


def _subject(sentence: str, m: MetricMatch, ref: Reference) -> str:
    """What the figure is about: "a view of China", "confidence in Japan", else the last name before it."""
    after = sentence[m.number_span[1]:]
    about = _ABOUT.search(after) if any(map(after.__contains__, _ABOUT_WORDS)) else None
    if about:
        return about.group(1)
    for name in reversed(_NAMES.findall(sentence[:m.number_span[0]])):  # the last one that qualifies
        if fold(name.split()[0]) not in _NOT_SUBJECTS or len(name.split()) > 1:
            return _POSSESSIVE.sub("", _LEADING_ARTICLE.sub("", name))
    return ""


_ABOUT = re.compile(r"\b(?:view|views|opinion|impression|confidence|trust|support|approval)\s+(?:of|in|for)\s+"
                    r"(?:the\s+)?([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)")
_ABOUT_WORDS = ("view", "opinion", "impression", "confidence", "trust", "support", "approval")  # what _ABOUT holds
_NAMES = re.compile(r"[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*")
_LEADING_ARTICLE = re.compile(r"^(?:The|A|An|All|In|On|While|When|As|After|Before|Since|But|For|From|"
                              r"According|However|Although|Though|If|During|Despite|Amid|There)\s+")
_POSSESSIVE = re.compile(r"['’]s?$")


_POPULATION_OF = re.compile(
    r"\s*(?:%|percent\b|per cent\b)?\s*of\s+(?:all\s+|the\s+)?(?P<pop>South Korean|Korean|Japanese|American|"
    r"Chinese|Taiwanese|Australian|Filipino|respondent|voter|eligible voter)s?\b")
_PLURAL = {"Japanese": "Japanese", "Chinese": "Chinese", "Taiwanese": "Taiwanese"}


def _population(sentence: str, m: MetricMatch) -> str:
    """Who was asked: the group the figure names ("12.7% of South Korean and 29% of Japanese
    respondents"), else the nearest group before it, else the first one after."""
    own = _POPULATION_OF.match(sentence, m.number_span[1])
    if own:
        pop = own["pop"]
        return _PLURAL.get(pop, pop + "s")
    before: list[str] = []
    for p in _POPULATION.finditer(sentence):
        if p.start() >= m.number_span[0]:
            return _respective(sentence, m, before) or p["pop"]
        before.append(p["pop"])
    return _respective(sentence, m, before)


_FIGURE = re.compile(r"(?<![\w.])\d+(?:\.\d+)?\s*(?:%|percent|per cent|(?:percentage\s+)?points?)\b")


def _respective(sentence: str, m: MetricMatch, groups: list[str]) -> str:
    """The nearest group named before the figure; with "respectively", the group of the figure's rank
    ("both Japanese and South Koreans ... by 8.5 points and 10.4 points, respectively")."""
    if not groups:
        return ""
    if "respectively" in sentence and len(groups) > 1:
        rank = sum(1 for f in _FIGURE.finditer(sentence, 0, m.number_span[0]))
        figures_start = next(_FIGURE.finditer(sentence), None)
        named = [p["pop"] for p in _POPULATION.finditer(sentence, 0, figures_start.start())] if figures_start else []
        if rank < len(named):
            return named[rank]
    return groups[-1]


_NAMED_POLL = re.compile(r"(?P<src>[A-Z][\w&.'-]*(?:\s+(?:[A-Z][\w&.'-]*|of|on|for|and))*)['’]?s?\s+"
                        r"(?:\w+\s+)?(?:poll|survey|report)\b")


_POLL_WORD = re.compile(r"\s(?:poll|survey|report)\b")
_BREAK = re.compile(r"[^\w\s&.'’-]")  # a character no _NAMED_POLL match holds
_LAST_BREAK = re.compile(r"(?r)[^\w\s&.'’-]")  # the same, searched backwards


def _source(context: str, ref: Reference) -> str:
    cache = ref.cache("poll_source")  # metrics of one sentence share their context
    if context not in cache:
        if len(cache) > 256:
            cache.clear()
        cache[context] = _find_source(context, ref)
    return cache[context]


def _named_poll_sources(context: str) -> list[str]:
    """The "src" of every _NAMED_POLL.finditer(context) match, scanning only the stretches that hold a
    poll word: every match ends at a poll word and cannot span a character outside _NAMED_POLL's
    classes (a "break", which is also not a word character, so \\b reads the same at a stretch's end
    as at the string's, and a stretch scanned alone matches as it does in place)."""
    out: list[str] = []
    end = 0
    for word in _poll_words(context):
        if word.start() < end:
            continue  # in the stretch just scanned
        cut = _LAST_BREAK.search(context, end, word.start())
        stop = _BREAK.search(context, word.end())
        end = stop.start() if stop else len(context)
        out.extend(_stretch_poll_sources(context[cut.end() if cut else 0:end]))  # no cut: end == 0
    return out


_POLL_WORDS = ("poll", "survey", "report")


def _poll_words(context: str) -> list[re.Match[str]]:
    """_POLL_WORD.finditer(context), by str.find: its matches cannot overlap (each is a space and a
    word), so they are the poll words that _POLL_WORD matches at the character before."""
    before: list[int] = []
    for word in _POLL_WORDS:
        i = context.find(word, 1)
        while i != -1:
            before.append(i - 1)
            i = context.find(word, i + len(word))
    match = _POLL_WORD.match
    return [m for i in sorted(before) if (m := match(context, i))]


@lru_cache(maxsize=1024)  # the contexts of nearby sentences share most of their stretches
def _stretch_poll_sources(stretch: str) -> tuple[str, ...]:
    return tuple(m["src"] for m in _NAMED_POLL.finditer(stretch))


def _find_source(context: str, ref: Reference) -> str:
    for src in reversed(_named_poll_sources(context)):  # "a Gallup poll", "Asahi's December survey"
        words = src.split()
        for i in range(len(words)):  # "A Gallup" -> "Gallup"
            if fold(" ".join(words[i:])) in ref.organizations:
                return " ".join(words[i:])
    for m in reversed(list(_POLL_SOURCE.finditer(context))):
        src = m["src"].strip()
        if fold(src) in ref.organizations:
            return src
    return ""


_MONTH_WORD = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?\.?|July?\.?|"
               r"Aug(?:ust|\.)?|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
# A time a figure can describe: "May 1", "Dec. 5, 2023", "November 2022", "2022", "last year".
_TIME = _stdre.compile(
    rf"\b(?:(?P<month>{_MONTH_WORD})(?![\w-])(?:\s+(?P<day>\d{{1,2}})(?:\s*[-–]\s*\d{{1,2}})?(?!\d))?"
    r"(?:,?\s+(?P<myear>(?:19|20)\d\d)(?!\d))?"
    r"|(?<![.,$-])(?P<year>(?:19|20)\d\d)(?![\w%-])"
    r"|(?P<rel>(?:[Ll]ast|[Pp]revious|[Pp]rior|[Pp]ast)\s+year|(?:[Tt]his|[Tt]he\s+current)\s+year|"
    r"(?:[Aa]|[Oo]ne)\s+year\s+(?:earlier|ago|before))\b)")
# "down 4.2% from November", "than last year", "compared to 2018", "since their summit in March": a
# baseline, not the time the figure describes.
_BASELINE = _stdre.compile(r"\b(?:than|from|since|compared\s+(?:to|with)|versus|vs\.)\s+(?:[\w'’-]+\s+){0,4}$",
                           _stdre.I)
# "May" is a month only next to a day or year or after a time preposition ("in May", "early May").
_MAY_BEFORE = _stdre.compile(r"\b(?:in|on|early|late|mid|since|by|of|until|through|from|to|and|last|this|next)"
                             r"[\s-]+$", _stdre.I)
# A chronology entry's head: the date its line starts with.
_ENTRY_HEAD = re.compile(rf"[\s*•#>-]*(?:\*\*)?(?P<month>{_MONTH_WORD})\s+\d{{1,2}}(?:\s*[-–]\s*(?:"
                         rf"{_MONTH_WORD}\s+)?\d{{1,2}})?(?:,?\s+(?P<year>(?:19|20)\d\d))?\s*(?:\*\*)?\s*[:–—-]")
_DIGIT = re.compile(r"\d")


def _period(sentence: str, clause: str, m: MetricMatch, text: str, default: date | None) -> str:
    """The time the figure describes: the time stated right after it ("29% in November", "$1.65 billion
    last year"), else the nearest before it in its clause, then in its sentence ("In 2022, 64.6% of ...",
    "On May 1, ... pledged $500 million"), else its chronology entry's date, else the report's period.
    A month without a year takes the year of the entry or report (the year before when the month lies
    well after it: "in December" in a March report)."""
    times, baselines = _times(sentence)
    chosen = None
    if times:
        a, b = m.number_span
        clause_start = sentence.find(clause) if clause else 0
        window_end = min(b + 40, clause_start + len(clause))
        for t in times:
            if t.start() >= b:  # the first time after the figure, close and with no other number between
                if t.start() <= window_end and not _DIGIT.search(sentence, b, t.start()) and \
                        not (baselines and _BASELINE.search(sentence, b, t.start())):
                    chosen = t
                break
        if chosen is None:
            before = [t for t in times if t.end() <= a and not (
                baselines and _BASELINE.search(sentence, max(0, t.start() - 40), t.start()))]
            chosen = next((t for t in reversed(before) if t.start() >= clause_start), before[-1] if before else None)
    if chosen is not None and (chosen["year"] or chosen["myear"]):
        return _time_period(chosen, None)
    entry = _entry_date(text, m.start, default)
    if chosen is not None:
        return _time_period(chosen, entry or default)
    if entry:
        return _year_month(entry)
    return _year_month(default) if default else ""


# Where a _TIME match can start (or, for "last year", end): found by a pattern stdlib `re` scans fast.
_TIME_ANCHOR = _stdre.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|19\d\d|20\d\d|year\b)")


_BASELINE_WORDS = ("than", "from", "since", "compared", "versus", "vs.")  # what a _BASELINE match holds


@lru_cache(maxsize=64)  # the metrics of a sentence share it
def _times(sentence: str) -> tuple[tuple[_stdre.Match[str], ...], bool]:
    """_TIME's matches in `sentence` (its finditer), without "May" the verb; and whether the sentence
    may hold a _BASELINE."""
    out: list[_stdre.Match[str]] = []
    last = -1
    for anchor in _TIME_ANCHOR.finditer(sentence):
        i = anchor.start()
        if i <= last:
            continue
        if sentence[i] == "y":  # "last year", "a year earlier": the match starts before its anchor
            t = _TIME.search(sentence, max(0, last + 1, i - 20), anchor.end() + 8)
            if t is None or not t["rel"] or t.start() > i:
                continue
        else:
            t = _TIME.match(sentence, i)
            if t is None:
                continue
        if t["month"] == "May" and not (t["day"] or t["myear"]) and \
                not _MAY_BEFORE.search(sentence, max(0, i - 12), i):
            continue
        out.append(t)
        last = t.end() - 1
    low = sentence.lower() if out else ""
    return tuple(out), any(map(low.__contains__, _BASELINE_WORDS))


def _time_period(t: _stdre.Match[str], ref: date | None) -> str:
    if t["year"]:
        return t["year"]
    if t["rel"]:
        if ref is None:
            return ""
        this_year = t["rel"].lower().startswith(("this", "the"))
        return str(ref.year if this_year else ref.year - 1)
    month = MONTHS[t["month"].rstrip(".").lower()]
    if t["myear"]:
        return f"{t['myear']}-{month:02d}"
    if ref is None:
        return ""
    year = ref.year - 1 if month > ref.month + 2 else ref.year
    return f"{year}-{month:02d}"


def _entry_date(text: str, start: int, default: date | None) -> date | None:
    """The date of the chronology entry whose line holds offset `start` (None outside one)."""
    line_start = text.rfind("\n", 0, start) + 1
    head = _ENTRY_HEAD.match(text, line_start, min(len(text), line_start + 60))
    if head is None:
        return None
    month = MONTHS[head["month"].rstrip(".").lower()]
    if head["year"]:
        return date(int(head["year"]), month, 1)
    if default is None:
        return None
    return date(default.year - 1 if month > default.month + 2 else default.year, month, 1)


@lru_cache(maxsize=64)  # one default per report, asked for most of its metrics
def _year_month(day: date) -> str:
    return day.strftime("%Y-%m")
