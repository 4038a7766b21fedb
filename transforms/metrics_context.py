"""What a number measures: measure, subject, population, source and period, read from its
sentence (and the one before it for the poll's source)."""

from __future__ import annotations

import re as _stdre
from bisect import bisect_right
from datetime import date
from functools import lru_cache

from transforms import _regex as re
from transforms.chronology import BARE_DATE
from transforms.dates import MONTHS, parse_date_expr
from transforms.metrics import ESTIMATE_VERBS, ISO_CODES, MetricMatch
from transforms.reference import Reference, fold

MEASURES = [
    (r"approval rat\w+", "approval rating"), (r"disapprov\w+", "disapproval rating"),
    (r"unfavou?rabl[ey]", "unfavorable rating"), (r"favou?rabl[ey]", "favorable rating"),
    (r"\bof\s+the\s+(?:valid\s+|popular\s+|national\s+)?vote\b", "vote share"),
    (r"turnout", "voter turnout"), (r"\bsupport\w*", "support"), (r"\boppos\w+", "oppose"),
    (r"confiden\w+", "confidence"), (r"\btrust\w*", "trust"), (r"\bGDP\b", "gdp"),
    (r"\btrade\s+deficit\b", "trade deficit"), (r"\btrade\s+surplus\b", "trade surplus"),
    (r"\b(?-i:exports?)\b", "exports"), (r"\b(?-i:imports?)\b", "imports"),
    # trade, not a trade ministry's name ("Economy, Trade and Industry") nor "trade ministry data"
    (r"\b(?-i:trade)\b(?!\s+(?:ministry|minister|association|data|office|representative|body|council|agency|"
     r"department|officials?|talks|war|policy|agreement|deal|pact|negotiat\w+|union|zone|route)\b)", "trade"),
    (r"\bgr[eo]w(?:th|s|n|ing)?\b|\bshr[iau]nk\w*|\bcontract(?:ed|ing|ion)\b", "growth"),
    (r"\btariffs?\b", "tariff"),
    (r"\bcompensat\w+", "compensation"), (r"\bswap\b", "currency swap"),
    (r"\binvest\w+", "investment"), (r"\b(?:budget|spending)\b", "budget"), (r"\baid\b", "aid"),
    (r"\bkill(?:ed|ing)\b|\bdead\b|\bdeaths?\b", "killed"), (r"\binjur\w+|\bwound(?:ed|ing)\b", "injured"),
    (r"\bevacuat\w+|\bdepart(?:ed|ing|ure)?\b", "evacuated"), (r"\bgrounded\b", "grounded"),
]
# What a match of each MEASURES pattern holds (lowercased): a cheap test before the regex.
_MEASURE_WORDS = [("approval rat",), ("disapprov",), ("unfavo",), ("favo",), ("vote",), ("turnout",), ("support",),
                  ("oppos",), ("confiden",), ("trust",), ("gdp",),
                  ("trade deficit",), ("trade surplus",), ("export",), ("import",), ("trade",),
                  ("grew", "grow", "shr", "contract"), ("tariff",), ("compensat",), ("swap",),
                  ("invest",), ("budget", "spending"), ("aid",), ("kill", "dead", "death"),
                  ("injur", "wound"), ("evacuat", "depart"), ("grounded",)]
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
    subject = m.subject or _subject(sentence, m, ref)  # a table row's name, else the sentence's
    if polled and not source and subject and fold(subject) in ref.organizations:
        source, subject = subject, ""  # "Gallup Korea placed his approval at 23%": the pollster
    clause = _clause(sentence, m)  # for the measure and the period both
    measure = m.measure or _measure(sentence, clause, m)  # a column head or label, else the sentence's
    a, b = m.number_span
    if b - a > 3 and _RANGE.match(sentence, a, b):  # "5-6%", read as its midpoint: say so
        measure = f"{measure} (range {sentence[a:b]})"
    return {
        "measure": measure,
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
    a = m.number_span[0]
    if m.unit != "count" and _MARGIN_BEFORE.search(sentence, max(0, a - 24), a):
        return "margin of error"  # "MoE ±2 pts", "a margin of error of 3.1 points"
    if m.unit == "count" and _RULING_FOR.match(sentence, m.number_span[1]):
        return "judges in favour"  # "an 8-0 ruling", "a 6-3 decision"
    if m.unit == "count" and _RULING_AGAINST.search(sentence, max(0, a - 4), a) and \
            _stdre.match(r"\s+(?:ruling|decision|verdict|judge?ment)\b", sentence[m.number_span[1]:]):
        return "judges against"
    if m.unit == "count":
        named = _named_count(sentence, m)
        if named:
            return named
    if m.unit == "count" and "vote" in sentence:
        side = _vote_side(sentence, m)
        if side:
            return side
    if m.unit != "count" and not labels:
        money = _MONEY_NOUN.match(sentence, m.number_span[1]) if len(m.unit) == 3 and m.unit.isupper() else None
        if money:  # "a €500 billion fund", "$717 million in new assistance"
            return money["noun"].lower()
        labels = _measure_labels(sentence)  # "…approval rating at 34%, down three points…": named earlier
    for label in labels:
        if m.unit != "count":
            return label
        if label in COUNT_VERBS:  # "eight crew members were killed" -> "crew members killed"
            noun = _noun_after(sentence, m)
            if noun in _TOLL_WORDS:
                return label  # "and 7 wounded", "claimed 30 dead": the toll's word is its measure
            return f"{noun} {label}".strip()
    if m.unit == "count":
        return _noun_after(sentence, m) or "count"
    return "amount" if len(m.unit) == 3 and m.unit.isupper() else "share"


_RANGE = re.compile(r"\d[\d.]*\s*%?\s*(?:[-–]|to)\s*\d")
_RULING_FOR = re.compile(r"[-–]\d{1,3}\s+(?:ruling|decision|verdict|judge?ment)\b")
_RULING_AGAINST = re.compile(r"\d{1,3}[-–]$")
_TOLL_WORDS = frozenset("dead killed wounded injured hurt".split())
_MARGIN_BEFORE = re.compile(r"\b(?:MoE|margin\s+of\s+error)(?:\s+(?:of|was|is|at))?\s*[±+]?\s*$", re.I)
_SAMPLE_BEFORE = re.compile(r"(?<![\w.])[nN]\s*=\s*$")
_ESTIMATE_BEFORE = re.compile(rf"\b{ESTIMATE_VERBS}\s+"
                              r"(?:the\s+|its\s+|their\s+)?(?P<noun>(?:[\w-]+\s+){0,2}?[\w-]+)\s+at\s+(?:[\w-]+\s+){0,2}?$")
_BASELINE_BEFORE = re.compile(r"\b(?:(?:up|down|rising|falling|rose|fell)\s+from|compared\s+(?:with|to))\s+"
                              r"(?:(?:more|less|fewer)\s+than\s+|[a-z]+\s+){0,1}$")
_GAPPED_BEFORE = re.compile(r"\band\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,6}$")
_INTEGER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\d.])|(?<![\w.,])\d+(?![\d.,]*\d)")
_COMPOUND = re.compile(r"-(?P<unit>[a-z]+)\s+(?:[\w-]+\s+)??(?P<group>convoy|fleet|flotilla|squadron|column|formation|"
                       r"armada|caravan)\b", re.I)
_OF_THEM = re.compile(r"\s+of\s+(?:them|these|those)\s+(?P<pred>[\w-]+(?:\s+(?!(?:since|in|on|at|after|before|from|"
                      r"during|by|with|for|to|and|but|according)\b)[\w-]+){0,3})")


def _named_count(sentence: str, m: MetricMatch) -> str:
    """The measure of a count whose noun is not after it: a sample size ("n = 1,010"), an estimate ("put
    attendance at 350,000"), a baseline ("412 fatalities, up from 298": fatalities), "175,000 of them have gone
    home"."""
    a, b = m.number_span
    if a == 0 and sentence[b:b + 1] == ":":  # "56,000: Greenland's population, of whom …"
        return _stdre.split(r"[,;.(]", sentence[b + 1:], maxsplit=1)[0].strip().lower()
    before = sentence[max(0, a - 60):a]
    if "=" in before and _SAMPLE_BEFORE.search(before):
        return "sample size"
    estimate = _ESTIMATE_BEFORE.search(before) if " at " in before else None
    if estimate:
        return fold(estimate["noun"])
    if ((" from " in before or "compared" in before) and _BASELINE_BEFORE.search(before)) or \
            (" and " in before and _GAPPED_BEFORE.search(before)):  # the noun of the count compared, or gapped
        for earlier in reversed(list(_INTEGER.finditer(sentence, 0, a))):
            if _stdre.fullmatch(r"(?:19|20)\d\d", earlier.group()):
                continue
            noun = _noun_after(sentence, MetricMatch(m.value, m.unit, m.start, m.end, sentence, earlier.span()))
            if noun:
                return noun
    compound = _COMPOUND.match(sentence, b) if sentence[b:b + 1] == "-" else None
    if compound:  # "a 40-truck convoy": trucks in convoy
        return f"{compound['unit'].lower()}s in {compound['group'].lower()}"
    of_them = _OF_THEM.match(sentence, b) if " of th" in sentence[b:b + 10] else None
    return fold(of_them["pred"]) if of_them else ""


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
    """The noun phrase counted: "74 more shadow-fleet tankers and ..." -> "shadow-fleet tankers"; with the
    noun named before, the act: "nearly 1,000 had been launched" -> "launched"."""
    after = _PASSIVE_AFTER.match(sentence, m.number_span[1]) or _NOUN_AFTER.match(sentence, m.number_span[1])
    return fold(after.group(1)) if after else ""


_PASSIVE_AFTER = re.compile(r"\s+(?:had\s+been|have\s+been|has\s+been|were|was)\s+(?:\w+ly\s+)?(\w+ed)\b")


_NOUN_AFTER = re.compile(r"\s*(?>out\s+of\s+(?:the\s+|a\s+total\s+of\s+)?[\w,.-]+\s+)?(?:(?:more|additional|further|"
                         r"other)\s+)?((?:[\w-]+\s+){0,2}?(?:[\w-]+))(?=\s+(?:"
                         r"were|was|are|is|have|had|from|in|to|on|at|aboard|who|that|which|for|of|and|or|but|as|"
                         r"after|before|during|since|until|across|with|by|near|over|each|\w+ed)\b|[,.;]|$)")
# (…ed: "12 vessels entered")
# The thing a sum pays for, right after it: "a €500 billion fund", "$717 million in new U.S. assistance".
_MONEY_NOUN = re.compile(r"\s+(?:in\s+)?(?:[\w.-]+\s+){0,2}?(?P<noun>fund|package|tranche|loan|grant|deficit|surplus|"
                         r"budget|contract|deal|programme|program|facility|fine|bond|payment|investment|assistance|"
                         r"exports|imports|subsid(?:y|ies)|reserves|assets)\b", re.I)
# Sides of a vote: "by 513 votes to 207" (for, against), "221 votes against 160 for X" (each a tally).
_VOTE_FOR = re.compile(r"\s+votes?\s+(?:to|against)\s+\d")
_VOTE_AGAINST = re.compile(r"\bvotes?\s+(?:to|against)\s+$")


def _vote_side(sentence: str, m: MetricMatch) -> str:
    a, b = m.number_span
    if _VOTE_AGAINST.search(sentence, max(0, a - 16), a):
        return "votes" if sentence.startswith(" for ", b) else "votes against"
    if _VOTE_FOR.match(sentence, b):
        versus = _stdre.match(r"\s+votes?\s+against\s+[\d,]+\s+for\b", sentence[b:])
        return "votes" if versus else "votes in favour"
    return ""


_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_NOT_SUBJECTS = frozenset("a an the all it its this that these those he she they in on at by with of "
                          "some most many just three two there while however but although though when if as "
                          "since after before during according meanwhile still yet despite amid for from to "
                          "over under also only even so".split()) | frozenset(MONTHS) | _WEEKDAYS
# Office words: a run of them alone is no subject ("the Secretary"); before a name they are dropped
# ("Foreign Secretary Lammy" -> "Lammy") when the last of them is an office ("Secretary"), not a body.
_TITLE_WORDS = frozenset("president vice prime minister secretary chancellor premier foreign defense defence "
                         "commission commissioner ambassador governor senator speaker outgoing former incoming "
                         "acting general admiral spokesperson spokesman chairman chairwoman chair king queen "
                         "opposition leader deputy chief envoy mr mrs ms dr".split())
_OFFICES = frozenset("president minister secretary chancellor premier commissioner ambassador governor senator "
                     "speaker leader general admiral spokesperson spokesman chairman chairwoman chair king queen "
                     "envoy mr mrs ms dr".split())
# "Peshawar-bound", "Russia-based": an adjective, not what a figure is about.
_ADJECTIVE_END = ("-bound", "-based", "-led", "-backed", "-born", "-made", "-owned", "-run", "-style", "-era")


def _subject(sentence: str, m: MetricMatch, ref: Reference) -> str:
    """What the figure is about: "a view of China", "confidence in Japan", else the last name before it."""
    after = sentence[m.number_span[1]:]
    about = _ABOUT.search(after) if any(map(after.__contains__, _ABOUT_WORDS)) else None
    if about:
        return about.group(1)
    for run in reversed(list(_NAMES.finditer(sentence, 0, m.number_span[0]))):  # the last one that qualifies
        if run.group() in ISO_CODES:
            continue  # "GYD 42.7 billion (about US$204 million)": a currency, not what the sum is about
        if sentence[run.start() - 1:run.start()] == "(" and sentence[run.end():run.end() + 1] == ")":
            continue  # "TOKYO, Nov. 30 (Kyodo) -- Two bombers …": a wire's credit, an aside
        name = _subject_name(run.group(), run.start() == 0, ref)
        if name:
            return name
    return ""


def _subject_name(run: str, opens_sentence: bool, ref: Reference) -> str:
    """A capitalised run as a subject, without leading function, time and office words ("On Monday" -> "",
    "British Foreign Secretary David Lammy" -> "David Lammy"); "" when nothing is left, for
    an adjective ("Peshawar-bound"), and for a sentence's first word that the reference does not know
    ("Turnout reached ...", "Speaking to reporters, ...")."""
    if " " not in run:  # (most runs: one word)
        word = _unpossessed(run)
        low1 = word.lower()
        if low1 in _NOT_SUBJECTS or low1 in _OFFICES or run.endswith(_ADJECTIVE_END) or (
                opens_sentence and not _known(fold(low1), ref)):
            return ""
        return word
    words = run.split()
    low = [_unpossessed(w).lower() for w in words]
    i = 0
    while i < len(words) and low[i] in _NOT_SUBJECTS:
        i += 1
    j = i
    while j < len(words) and (low[j] in _TITLE_WORDS or (  # "Moldovan President Maia Sandu": a nationality too
            j + 1 < len(words) and low[j + 1] in _TITLE_WORDS and fold(low[j]) in ref.country_by_adjective)):
        j += 1
    offices = next((k for k in range(j, i, -1) if low[k - 1] in _OFFICES), i)  # drop up to the last office
    words = words[offices:]  # (none left: "the Secretary", "Foreign Minister" name no one)
    if len(words) == 1 and (words[0].endswith(_ADJECTIVE_END) or (
            opens_sentence and offices == 0 and not _known(fold(low[-1]), ref))):
        return ""
    return _unpossessed(" ".join(words))


def _unpossessed(name: str) -> str:
    """"Japan's" -> "Japan", "allies'" -> "allies"."""
    return name[:-2] if name.endswith(("'s", "’s")) else name.rstrip("'’")


def _known(word: str, ref: Reference) -> bool:
    """`word` (folded) names a country, people, place, body or person the reference knows."""
    return any(word in table for table in (ref.country_by_name, ref.country_by_adjective, ref.country_by_metonym,
                                           ref.places, ref.organizations, ref.groupings, ref.people_by_alias,
                                           ref.people_by_family))


_ABOUT = re.compile(r"\b(?:view|views|opinion|impression|confidence|trust|support|approval)\s+(?:of|in|for)\s+"
                    r"(?:the\s+)?([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)")
_ABOUT_WORDS = ("view", "opinion", "impression", "confidence", "trust", "support", "approval")  # what _ABOUT holds
# Capitalised runs, with the particles of names ("Ursula von der Leyen", "Rio de Janeiro").
_NAMES = re.compile(r"[A-Z][\w'’-]+(?:\s+(?:(?:von|van|der|den|de|da|di|du|del|della|dos|bin|al|el|la|le)\s+)*"
                    r"[A-Z][\w'’-]+)*")


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


_FIGURE = re.compile(r"(?<![\w.])\d+(?:\.\d+)?\s*(?:%|percent|per cent|(?:percentage\s+)?(?:points?|pts?))\b")


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
            return _unstopped(src)
    return ""


def _unstopped(name: str) -> str:
    """"Gallup Korea." (a sentence's full stop) -> "Gallup Korea"; an abbreviation keeps its point ("Ipsos Inc.")."""
    return name[:-1] if name.endswith(".") and len(name.rsplit(" ", 1)[-1]) > 5 else name


_MONTH_WORD = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?\.?|July?\.?|"
               r"Aug(?:ust|\.)?|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
# A time a figure can describe: "May 1", "Dec. 5, 2023", "May 31-June 2", "November 2022", "2024-12-10",
# "2022", "fiscal 2023–24" (its closing year), "last year".
_TIME = _stdre.compile(
    rf"\b(?:(?P<month>{_MONTH_WORD})(?![\w-])(?:\s+(?P<day>\d{{1,2}})(?:\s*[-–]\s*(?:{_MONTH_WORD}\s+)?\d{{1,2}})?"
    r"(?!\d))?(?:,?\s+(?P<myear>(?:19|20)\d\d)(?!\d))?"
    r"|(?P<iso>(?:19|20)\d\d-(?:0[1-9]|1[0-2]))-[0-3]\d(?!\d)"
    r"|(?<![.,$-])(?P<fy>(?:19|20)\d\d)[-–/](?P<fy2>\d\d)(?![\w%-])"
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
# "the supply boat Unaizah May 4", "Theresa May": a capitalised word right before "May" that is no time
# word makes it part of a name.
_NAME_BEFORE_MAY = _stdre.compile(r"\b(?!(?:On|In|By|Since|From|Until|Through|During|Before|After|Early|Late|Mid|"
                                  r"Last|Next|This|Of|And|To|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                                  r"Sunday)\b)[A-Z][\w-]*\s+$")  # (not a possessive: "Gallup Korea's May 28-30 survey")
# A chronology entry's head: the date its line starts with.
_ENTRY_HEAD = re.compile(rf"[\s*•#>-]*(?:\*\*)?(?P<month>{_MONTH_WORD})\s+\d{{1,2}}(?:\s*[-–]\s*(?:"
                         rf"{_MONTH_WORD}\s+)?\d{{1,2}})?(?:,?\s+(?P<year>(?:19|20)\d\d))?\s*(?:\*\*)?\s*[:–—-]")
_DIGIT = re.compile(r"\d")


def _period(sentence: str, clause: str, m: MetricMatch, text: str, default: date | None) -> str:
    """The time the figure describes: the time its sentence states for it (_stated_time), else its
    chronology entry's date, the day named earlier in its paragraph, its section's date line, else the
    report's period. A month without a year takes the year of that context (the year before when the
    month lies well after it: "in December" in a March report)."""
    chosen = _stated_time(sentence, clause, m)
    if chosen is not None and (chosen["year"] or chosen["myear"] or chosen["iso"] or chosen["fy"]):
        return _time_period(chosen, None)
    entry = _entry_date(text, m.start, default)
    section = None if entry else _section_date(text, m.start)
    if chosen is not None:  # a month alone: the year of the entry, section or report (not of a day named
        return _time_period(chosen, entry or section or default)  # earlier, which may lie months before)
    context = entry or _paragraph_date(text, m.start, section or default) or section or default
    return _year_month(context) if context else ""


def _stated_time(sentence: str, clause: str, m: MetricMatch) -> _stdre.Match[str] | None:
    """The time right after the figure ("29% in November", "$1.65 billion last year": close, no other
    number between), else the nearest before it in its clause ("On May 1, ... pledged $500 million"), else
    one further on in its clause ("rose 11.7% ... to $58 billion in May"), else the nearest before it in
    its sentence ("In 2022, 64.6% of ..."); never a baseline ("down 4.2% from November")."""
    times, baselines = _times(sentence)
    if not times:
        return None
    a, b = m.number_span
    clause_start = sentence.find(clause) if clause else 0
    clause_end = clause_start + len(clause)
    after = next((t for t in times if t.start() >= b), None)
    if after is not None and after.start() <= min(b + 40, clause_end) and not _DIGIT.search(
            sentence, b, after.start()) and not (baselines and _BASELINE.search(sentence, b, after.start())):
        return after

    def baseline(t: _stdre.Match[str]) -> bool:
        return baselines and _BASELINE.search(sentence, max(0, t.start() - 40), t.start()) is not None

    before = [t for t in times if t.end() <= a and not baseline(t)]
    return next((t for t in reversed(before) if t.start() >= clause_start), None) or next(
        (t for t in times if b <= t.start() < clause_end and not baseline(t)), None) or (before[-1] if before else None)


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
        if t["month"] == "May" and _may_is_no_month(sentence, i, t):
            continue
        out.append(t)
        last = t.end() - 1
    low = sentence.lower() if out else ""
    return tuple(out), any(map(low.__contains__, _BASELINE_WORDS))


def _may_is_no_month(sentence: str, i: int, t: _stdre.Match[str]) -> bool:
    """"May" at `i` is the verb (no day or year, no time word before) or part of a name."""
    if not (t["day"] or t["myear"]) and not _MAY_BEFORE.search(sentence, max(0, i - 12), i):
        return True
    name = _NAME_BEFORE_MAY.search(sentence, max(0, i - 20), i)
    return name is not None and name.start() > 0  # (a sentence's first word: "Held May 30-June 1 in Vienna")


def _time_period(t: _stdre.Match[str], ref: date | None) -> str:
    if t["year"]:
        return t["year"]
    if t["iso"]:
        return t["iso"]
    if t["fy"]:  # "2023–24": the year it closes
        start = int(t["fy"])
        end = start - start % 100 + int(t["fy2"])
        return str(end + 100 if end < start else end)
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


@lru_cache(maxsize=64)  # the figures of one sentence share it
def _paragraph_date(text: str, start: int, ref: date | None) -> date | None:
    """The month of the day last named in the paragraph before the figure's sentence ("The first was the
    Nov. 29 crash ... All eight crew members were killed"): a day narrates an act; a month or a year
    alone ("In 2019, ...") is as likely background. Not a baseline ("since March 3")."""
    para = text[max(text.rfind("\n", 0, start) + 1, start - 1200):start]
    end = len(para)
    while (day := _DAY_DATE.search(para, 0, end)) is not None:  # backwards, from the sentence
        end = day.start()
        t = _TIME.match(para, day.start())
        if t is None or (t["month"] == "May" and _may_is_no_month(para, day.start(), t)) or \
                _BASELINE.search(para, max(0, day.start() - 40), day.start()):
            continue
        period = _time_period(t, ref)
        return date(int(period[:4]), int(period[5:7]), 1) if len(period) == 7 else None
    return None


# A day named in a paragraph ("Nov. 29", "2024-11-04"), searched from the end (regex's reverse mode).
_DAY_DATE = re.compile(rf"(?r)\b{_MONTH_WORD}(?![\w-])\s+\d{{1,2}}(?!\d)"
                       r"|\b(?:19|20)\d\d-(?:0[1-9]|1[0-2])-[0-3]\d(?!\d)")


def _section_date(text: str, start: int) -> date | None:
    """The date of the last date line before `start` (a line that is only a full date: a press release's or
    a readout's date, a chronology table's date cell)."""
    offsets, days = _date_lines(text)
    i = bisect_right(offsets, start)
    return days[i - 1] if i else None


# Lines short enough to be a bare date line, opening as a date does (a day, a year or a month's name).
_SHORT_DATE_LINE = _stdre.compile(r"(?m)^[ \t]*(?=\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))[^\n]{1,50}$")


@lru_cache(maxsize=8)  # one report's metrics ask about the same text
def _date_lines(text: str) -> tuple[tuple[int, ...], tuple[date, ...]]:
    offsets: list[int] = []
    days: list[date] = []
    for line in _SHORT_DATE_LINE.finditer(text):
        bare = BARE_DATE.match(line.group())
        span = parse_date_expr(bare["date"], None) if bare else None
        if span is not None and not span.inferred:
            offsets.append(line.start())
            days.append(span.start)
    return tuple(offsets), tuple(days)


@lru_cache(maxsize=64)  # one default per report, asked for most of its metrics
def _year_month(day: date) -> str:
    return day.strftime("%Y-%m")
