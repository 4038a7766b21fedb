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
COUNT_VERBS = frozenset({"killed", "injured", "evacuated", "grounded"})
_POLL_SOURCE = re.compile(
    r"\b(?:according to|by|from|in)\s+(?:a|an|the)?\s*(?:\[)?(?P<src>[A-Z][\w&.'-]*(?:\s+(?:[A-Z][\w&.'-]*|on|of|"
    r"and|for))*)(?:\]\([^)]*\))?\s*(?:survey|poll|report)?")
_POPULATION = re.compile(r"\b(?P<pop>Americans|Japanese|South Koreans|Koreans|Chinese|Taiwanese|Australians|"
                         r"respondents|voters|eligible voters)\b")


def describe_metric(m: MetricMatch, text: str, ref: Reference, default_period: date | None) -> dict:
    sentence = m.text
    context = text[max(0, m.start - 700):m.start] + " " + sentence  # a poll is often named a few sentences before
    polled = m.unit in {"percent", "percentage_points"}
    source = _source(context, ref) if polled else ""
    subject = _subject(sentence, m, ref)
    return {
        "measure": _measure(sentence, m),
        "subject": "" if subject == source else subject,
        "population": _population(sentence) if polled else "",
        "source": source,
        "period": _period(_clause(sentence, m), default_period),
    }


def _clause(sentence: str, m: MetricMatch) -> str:
    """The clause around the number: measures named elsewhere in the sentence don't leak in."""
    a, b = m.number_span
    start = max((sentence.rfind(sep, 0, a) for sep in (", ", "; ", " and ", " while ")), default=-1)
    ends = [i for sep in (", ", "; ", " and ", " while ") if (i := sentence.find(sep, b)) != -1]
    return sentence[start + 1 if start >= 0 else 0:min(ends) if ends else len(sentence)]


def _measure(sentence: str, m: MetricMatch) -> str:
    clause = _clause(sentence, m)
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
    return tuple(label for pat, label, words in _MEASURE_RES
                 if (low is None or any(map(low.__contains__, words))) and pat.search(text))


def _noun_after(sentence: str, m: MetricMatch) -> str:
    after = re.match(r"\s*((?:[\w-]+\s+){0,2}?(?:[\w-]+))(?=\s+(?:were|was|are|is|have|had|from|in|to|on|at|"
                     r"aboard|who|that|which|for)\b|[,.;]|$)", sentence[m.number_span[1]:])
    return fold(after.group(1)) if after else ""


_NOT_SUBJECTS = frozenset("a an the all it its this that these those he she they in on at by with of "
                          "some most many just three two".split()) | frozenset(MONTHS)


def _subject(sentence: str, m: MetricMatch, ref: Reference) -> str:
    """What the figure is about: "a view of China", "confidence in Japan", else the last name before it."""
    about = re.search(r"\b(?:view|views|opinion|impression|confidence|trust|support|approval)\s+(?:of|in|for)\s+"
                      r"(?:the\s+)?([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)", sentence[m.number_span[1]:])
    if about:
        return about.group(1)
    before = sentence[:m.number_span[0]]
    names = [n for n in re.findall(r"[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*", before)
             if fold(n.split()[0]) not in _NOT_SUBJECTS or len(n.split()) > 1]
    return re.sub(r"^(?:The|A|An|All|In|On)\s+", "", names[-1]) if names else ""


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


def _named_polls(context: str) -> list[re.Match[str]]:
    """_NAMED_POLL.finditer(context), scanning only the stretches that hold a poll word: every match
    ends at a poll word and cannot span a character outside _NAMED_POLL's classes (a "break", which
    is also not a word character, so \\b reads the same at a stretch's end as at the string's)."""
    out: list[re.Match[str]] = []
    end = 0
    for word in _POLL_WORD.finditer(context):
        if word.start() < end:
            continue  # in the stretch just scanned
        cut = _LAST_BREAK.search(context, end, word.start())
        stop = _BREAK.search(context, word.end())
        end = stop.start() if stop else len(context)
        out.extend(_NAMED_POLL.finditer(context, cut.end() if cut else 0, end))  # no cut: end == 0
    return out


def _find_source(context: str, ref: Reference) -> str:
    for m in reversed(_named_polls(context)):  # "a Gallup poll", "Asahi's December survey"
        words = m["src"].split()
        for i in range(len(words)):  # "A Gallup" -> "Gallup"
            if fold(" ".join(words[i:])) in ref.organizations:
                return " ".join(words[i:])
    for m in reversed(list(_POLL_SOURCE.finditer(context))):
        src = m["src"].strip()
        if fold(src) in ref.organizations:
            return src
    return ""


def _period(sentence: str, default: date | None) -> str:
    years = re.findall(r"\b(?:19|20)\d\d\b", sentence)
    if years:
        return years[-1]
    return default.strftime("%Y-%m") if default else ""
