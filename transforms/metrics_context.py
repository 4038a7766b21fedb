"""What a number measures: measure, subject, population, source and period, read from its
sentence (and the one before it for the poll's source)."""

from __future__ import annotations

from datetime import date

import regex as re

from transforms.metrics import MetricMatch
from transforms.reference import Reference, fold

MEASURES = [
    (r"approval rat\w+", "approval rating"), (r"disapprov\w+", "disapproval rating"),
    (r"favou?rabl[ey]", "favorable rating"), (r"unfavou?rabl[ey]", "unfavorable rating"),
    (r"turnout", "voter turnout"), (r"\bsupport\w*", "support"), (r"\boppos\w+", "oppose"),
    (r"confiden\w+", "confidence"), (r"\btrust\w*", "trust"), (r"\bGDP\b", "gdp"),
    (r"\btariffs?\b", "tariff"), (r"\bcompensat\w+", "compensation"), (r"\bswap\b", "currency swap"),
    (r"\binvest\w+", "investment"), (r"\b(?:budget|spending)\b", "budget"), (r"\baid\b", "aid"),
    (r"\bkilled|dead|deaths?\b", "killed"), (r"\binjur\w+|wounded", "injured"),
    (r"\bevacuat\w+|\bdepart(?:ed|ing|ure)?\b", "evacuated"), (r"\bgrounded\b", "grounded"),
]
_POLL_SOURCE = re.compile(
    r"\b(?:according to|by|from|in)\s+(?:a|an|the)?\s*(?:\[)?(?P<src>[A-Z][\w&.'-]*(?:\s+(?:[A-Z][\w&.'-]*|on|of|"
    r"and|for))*)(?:\]\([^)]*\))?\s*(?:survey|poll|report)?")
_POPULATION = re.compile(r"\b(?P<pop>Americans|Japanese|South Koreans|Koreans|Chinese|Taiwanese|Australians|"
                         r"respondents|voters|eligible voters)\b")


def describe_metric(m: MetricMatch, text: str, ref: Reference, default_period: date | None) -> dict:
    sentence = m.text
    context = text[max(0, m.start - 400):m.start] + " " + sentence
    return {
        "measure": _measure(sentence, m),
        "subject": _subject(sentence, m, ref),
        "population": _population(sentence),
        "source": _source(context, ref),
        "period": _period(sentence, default_period),
    }


def _measure(sentence: str, m: MetricMatch) -> str:
    window = sentence[max(0, m.number_span[0] - 80):m.number_span[1] + 80]
    for pat, label in MEASURES:
        if re.search(pat, window, re.I):
            return label
    if m.unit == "count":
        after = re.match(r"\s*([\w-]+(?:\s+[\w-]+){0,2})", sentence[m.number_span[1]:])
        return fold(after.group(1)) if after else "count"
    return "amount" if len(m.unit) == 3 and m.unit.isupper() else "share"


def _subject(sentence: str, m: MetricMatch, ref: Reference) -> str:
    before = sentence[:m.number_span[0]]
    names = re.findall(r"[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*", before)
    return names[-1] if names else ""


def _population(sentence: str) -> str:
    m = _POPULATION.search(sentence)
    return m["pop"] if m else ""


def _source(context: str, ref: Reference) -> str:
    for m in reversed(list(_POLL_SOURCE.finditer(context))):
        src = m["src"].strip()
        if fold(src) in ref.organizations:
            return src
    for m in reversed(list(re.finditer(r"[A-Z][\w&.'-]*(?:\s+(?:[A-Z][\w&.'-]*|on|of|and))*", context))):
        if fold(m.group(0)) in ref.organizations and ref.organizations[fold(m.group(0))] != "INT":
            return m.group(0)
    return ""


def _period(sentence: str, default: date | None) -> str:
    years = re.findall(r"\b(?:19|20)\d\d\b", sentence)
    if years:
        return years[-1]
    return default.strftime("%Y-%m") if default else ""
