"""What a number measures: measure, subject, population, source and period, read from its
sentence (and the one before it for the poll's source)."""

from __future__ import annotations

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
                         r"respondents|voters|eligible voters)\b")


def describe_metric(m: MetricMatch, text: str, ref: Reference, default_period: date | None) -> dict:
    sentence = m.text
    polled = m.unit in {"percent", "percentage_points"}
    # A poll is often named a few sentences before.
    source = _source(text[max(0, m.start - 700):m.start] + " " + sentence, ref) if polled else ""
    subject = _subject(sentence, m, ref)
    clause = _clause(sentence, m)  # for the measure and the period both
    return {
        "measure": _measure(sentence, clause, m),
        "subject": "" if subject == source else subject,
        "population": _population(sentence) if polled else "",
        "source": source,
        "period": _period(clause, default_period),
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
                          "some most many just three two".split()) | frozenset(MONTHS)


def _subject(sentence: str, m: MetricMatch, ref: Reference) -> str:
    """What the figure is about: "a view of China", "confidence in Japan", else the last name before it."""
    after = sentence[m.number_span[1]:]
    about = _ABOUT.search(after) if any(map(after.__contains__, _ABOUT_WORDS)) else None
    if about:
        return about.group(1)
    for name in reversed(_NAMES.findall(sentence[:m.number_span[0]])):  # the last one that qualifies
        if fold(name.split()[0]) not in _NOT_SUBJECTS or len(name.split()) > 1:
            return _LEADING_ARTICLE.sub("", name)
    return ""


_ABOUT = re.compile(r"\b(?:view|views|opinion|impression|confidence|trust|support|approval)\s+(?:of|in|for)\s+"
                    r"(?:the\s+)?([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)")
_ABOUT_WORDS = ("view", "opinion", "impression", "confidence", "trust", "support", "approval")  # what _ABOUT holds
_NAMES = re.compile(r"[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*")
_LEADING_ARTICLE = re.compile(r"^(?:The|A|An|All|In|On)\s+")


def _population(sentence: str) -> str:
    m = _POPULATION.search(sentence)
    return m["pop"] if m else ""


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


def _period(sentence: str, default: date | None) -> str:
    years = _YEAR.findall(sentence)
    if years:
        return years[-1]
    return _year_month(default) if default else ""


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


@lru_cache(maxsize=64)  # one default per report, asked for most of its metrics
def _year_month(day: date) -> str:
    return day.strftime("%Y-%m")
