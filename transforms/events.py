"""What an entry says happened: its main verb and event type, the acting states, and where."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from transforms import _regex as re
from transforms.reference import Place, Reference, fold

# verb lemma -> default event type; inflections are generated below.
VERB_TYPES: dict[str, str] = {
    "meet": "meeting", "hold": "meeting", "host": "meeting", "convene": "meeting", "confer": "meeting",
    "hold talks": "meeting", "discuss": "meeting", "attend": "meeting", "join": "meeting",
    "speak": "phone_call", "call": "phone_call", "talk": "phone_call", "phone": "phone_call",
    "visit": "visit", "travel": "visit", "tour": "visit", "arrive": "visit", "make": "visit",
    "deliver": "statement", "say": "statement", "state": "statement", "release": "statement",
    "issue": "statement", "express": "statement", "thank": "statement", "condemn": "statement",
    "praise": "statement", "welcome": "statement", "warn": "statement", "criticize": "statement",
    "protest": "statement", "reaffirm": "statement", "stress": "statement", "urge": "statement",
    "respond": "statement", "pledge": "statement", "vow": "statement", "accuse": "statement",
    "summon": "statement", "publish": "announcement", "give": "statement", "send": "statement",
    "tell": "statement", "take office": "appointment", "assume office": "appointment",
    "ask": "statement", "request": "statement", "demand": "statement", "lift": "announcement",
    "impose": "announcement", "ban": "announcement", "halt": "announcement", "suspend": "announcement",
    "resume": "announcement", "ease": "announcement", "tighten": "announcement",
    "sign": "agreement", "conclude": "agreement", "agree": "agreement", "establish": "agreement",
    "launch": "agreement", "adopt": "agreement", "reach": "agreement", "renew": "agreement",
    "conduct": "military_exercise", "begin": "military_exercise", "stage": "military_exercise",
    "train": "military_exercise", "fire": "military_action", "test": "military_action",
    "deploy": "military_action", "dispatch": "military_action", "shoot": "military_action",
    "help": "aid", "provide": "aid", "contribute": "aid", "donate": "aid", "evacuate": "aid",
    "elect": "election", "re-elect": "election", "reelect": "election", "win": "election", "vote": "election",
    "appoint": "appointment", "nominate": "appointment", "resign": "appointment", "replace": "appointment",
    "reshuffle": "appointment", "dismiss": "appointment", "name": "appointment", "swear": "appointment",
    "announce": "announcement", "unveil": "announcement", "report": "announcement", "declare": "announcement",
    "plan": "announcement", "suggest": "announcement", "reveal": "announcement", "approve": "legal",
    "rule": "legal", "uphold": "legal", "arrest": "legal", "indict": "legal", "sanction": "legal",
    "designate": "legal", "pass": "legal", "enact": "legal", "sentence": "legal", "appeal": "legal",
    "detain": "legal", "convict": "legal", "charge": "legal", "extradite": "legal", "deport": "legal",
    "crash": "incident", "explode": "incident", "collide": "incident", "strike": "incident",
    "kill": "incident", "sink": "incident", "receive": "other", "participate": "other", "accept": "other",
    "conclude_exercise": "military_exercise", "fly": "visit", "lodge": "statement", "hand over": "aid",
    "denounce": "statement", "address": "statement", "ram": "incident", "board": "incident",
    "veto": "election", "impeach": "legal", "exchange": "other", "dine": "meeting", "deny": "statement",
    "pay": "other", "take": "other", "bomb": "incident", "shell": "incident", "ambush": "incident",
    "attack": "incident", "allocate": "aid", "disburse": "aid", "enter": "other", "capture": "military_action",
    "seize": "military_action", "claim": "statement", "carry out": "other", "break out": "incident",
    "revoke": "legal", "blame": "statement", "clash": "incident", "lose": "other", "pause": "announcement",
    "freeze": "announcement", "remove": "announcement", "lead": "other", "brief": "meeting", "withdraw": "other",
    "become": "other", "transfer": "other", "inaugurate": "other", "overrun": "incident", "retake": "military_action",
    "recapture": "military_action", "present": "announcement", "extend": "other",
    "hit": "incident", "concede": "statement", "confirm": "statement", "escape": "incident",
    "intercept": "military_action", "damage": "incident", "read out": "statement", "endorse": "agreement",
    "land": "visit", "organize": "other", "organise": "other", "co-chair": "meeting",
}
_IRREGULAR = {  # ("transfers" left out: mostly a noun, "defence equipment transfers")
    "meet": ["meets", "met"], "hold": ["holds", "held"], "speak": ["speaks", "spoke"],
    "make": ["makes", "made"], "say": ["says", "said"], "give": ["gives", "gave", "given"],
    "send": ["sends", "sent"], "begin": ["begins", "began", "begun"], "win": ["wins", "won"],
    "swear": ["swears", "swore", "sworn"], "shoot": ["shoots", "shot"], "strike": ["strikes", "struck"],
    "overrun": ["overruns", "overran"], "transfer": ["transferred"], "hit": ["hits"],
    "retake": ["retakes", "retook", "retaken"],
    "sink": ["sinks", "sank", "sunk"], "rule": ["rules", "ruled"], "tell": ["tells", "told"],
    "take office": ["takes office", "took office", "taken office"],
    "assume office": ["assumes office", "assumed office"], "hold talks": ["holds talks", "held talks"],
    "fly": ["flies", "flew", "flown"], "hand over": ["hands over", "handed over"], "ram": ["rams", "rammed"],
    "veto": ["vetoes", "vetoed"], "pay": ["pays", "paid"], "take": ["takes", "took", "taken"],
    "carry out": ["carries out", "carried out"], "lose": ["loses", "lost"],
    "travel": ["travels", "traveled", "travelled"], "break out": ["breaks out", "broke out", "broken out"],
    "read out": ["reads out"],
}


def _forms(lemma: str) -> list[str]:
    if lemma in _IRREGULAR:
        return [lemma, *_IRREGULAR[lemma]]
    if lemma.endswith("e"):
        return [lemma, lemma + "s", lemma + "d"]
    if lemma.endswith(("s", "sh", "ch", "x")):
        return [lemma, lemma + "es", lemma + "ed"]
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return [lemma, lemma[:-1] + "ies", lemma[:-1] + "ied"]
    if lemma in {"plan", "ban"}:
        return [lemma, lemma + "s", lemma + "ned"]
    return [lemma, lemma + "s", lemma + "ed"]


VERB_FORMS: dict[str, str] = {}
for _lemma in VERB_TYPES:
    if "_" in _lemma:
        continue
    for _f in _forms(_lemma):
        VERB_FORMS.setdefault(_f, _lemma)
del VERB_FORMS["damage"]  # "causing severe damage in …": the bare form is the noun; "damaged"/"damages" are verbs
_PRESENT = {f for f, lemma in VERB_FORMS.items() if f == lemma or f.split()[0].endswith("s")}  # "breaks out" too
VERB_RE = re.compile(r"\b(?:(?:is|are|was|were)\s+(?:being\s+)?)?(" + "|".join(
    sorted((re.escape(f) for f in VERB_FORMS), key=len, reverse=True)) + r")\b")

REMOTE = re.compile(r"\b(?:by (?:tele)?phone|phone calls?|telephone|virtual(?:ly)?|online|video ?conference|"
                    r"video call)\b", re.IGNORECASE)
_REMOTE_WORDS = ("phone", "virtual", "online", "video")  # what a REMOTE match holds (lowercased)


@lru_cache(maxsize=16)  # add_event and classify ask about the same act
def is_remote(text: str) -> bool:
    """`bool(REMOTE.search(text))`, with the (slow) case-insensitive search only for a text that holds
    one of its words."""
    low = re.lowered(text)
    if low is not None and not any(map(low.__contains__, _REMOTE_WORDS)):
        return False
    return REMOTE.search(text) is not None
# Object nouns that decide the type whatever the verb (checked in the predicate).
OBJECT_TYPES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(?:by (?:tele)?phone|phone calls?|telephone|video (?:call|conference)|videoconference|"
                r"virtual(?:ly)?|online|a call)\b", re.I), "phone_call"),
    (re.compile(r"\b(?:exercises?|drills?|training|patrols?|maneuvers?|manoeuvres?|war ?games?)\b", re.I),
     "military_exercise"),
    (re.compile(r"\b(?:missiles?|ICBM|SLBM|satellite|rocket|nuclear test|warheads?)\b", re.I), "military_action"),
    (re.compile(r"\b(?:statement|remarks|address|speech|interview|press conference|message|condemn\w*)\b", re.I),
     "statement"),
    (re.compile(r"\b(?:agreement|memorandum|memoranda|MOU|MOC|framework|accord|deal|treaty|pact|action plan|"
                r"joint plan|hotline)\b", re.I), "agreement"),
    (re.compile(r"\b(?:award|prize|honorary|ceremony|event|game|reception|photoshoot)\b", re.I), "other"),
    (re.compile(r"\b(?:election|elections|referendum|runoff|run-off|leadership (?:race|contest|election)|re-?elected|"
                r"second term)\b", re.I), "election"),
    (re.compile(r"\b(?:meeting|meetings|talks|dialogue|summit|consultations?|conference|forum|session|"
                r"working group|dinner|luncheon|discussions?)\b", re.I), "meeting"),
    (re.compile(r"\b(?:water cannons?|collisions?|rammed|ramming|exchanges? of (?:gun)?fire|firefights?|"
                r"clashes|blasts?|explosions?)\b", re.I),
     "incident"),
]
# What a match of each OBJECT_TYPES pattern holds (lowercased): a cheap test before the regex.
_OBJECT_WORDS = [
    ("phone", "video", "virtual", "online", "a call"),
    ("exercise", "drill", "training", "patrol", "maneuver", "manoeuvre", "game"),
    ("missile", "icbm", "slbm", "satellite", "rocket", "nuclear test", "warhead"),
    ("statement", "remarks", "address", "speech", "interview", "press conference", "message", "condemn"),
    ("agreement", "memorand", "mou", "moc", "framework", "accord", "deal", "treaty", "pact", "action plan",
     "joint plan", "hotline"),
    ("award", "prize", "honorary", "ceremony", "event", "game", "reception", "photoshoot"),
    ("election", "referendum", "runoff", "run-off", "leadership ", "elected", "second term"),
    ("meeting", "talks", "dialogue", "summit", "consultation", "conference", "forum", "session", "working group",
     "dinner", "luncheon", "discussion"),
    ("water cannon", "collision", "rammed", "ramming", "of fire", "of gunfire", "firefight", "clashes", "blast",
     "explosion"),
]
_OBJECT_RES = [(pat, t, words) for (pat, t), words in zip(OBJECT_TYPES, _OBJECT_WORDS, strict=True)]
# (word, index into _OBJECT_RES), flat: one pass of substring tests instead of one any() per pattern.
_OBJECT_WORD_INDEX = tuple((word, i) for i, words in enumerate(_OBJECT_WORDS) for word in words)
# Which verbs' type may be overridden by the object noun, and to what.
OVERRIDABLE = {
    "meeting": {"phone_call", "military_exercise", "statement", "election", "other"},
    "statement": {"agreement", "military_action"},
    "agreement": {"military_action", "statement", "military_exercise"},
    "other": {"meeting", "statement", "military_exercise", "phone_call", "incident"},
    "military_exercise": {"meeting", "military_action"},
    "announcement": {"statement"},
    "aid": set(),
    "visit": set(),
    "phone_call": set(),
}
EVENT_SUBJECT = re.compile(r"\b(?:meeting|talks|summit|dialogue|exercises?|drills?|training(?: operation)?|"
                           r"elections?|conference|forum|consultations?)\b", re.I)
SUBJECT_TYPES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(?:exercises?|drills?|training|Shield|Talisman|Freedom|Keen|Malabar|RIMPAC)\b"),
     "military_exercise"),
    (re.compile(r"\b(?:[Ee]lections?|[Rr]eferendum|[Vv]ote)\b"), "election"),
    (re.compile(r"\b(?:suspect|man|woman|police|prosecutors?|court|Court)\b"), "legal"),
    (re.compile(r"\b(?:[Mm]edia|[Nn]ewspaper|[Rr]eports?)\b"), "announcement"),
]
# What a match of each SUBJECT_TYPES pattern holds (case-sensitive, as they are): a cheap test first.
_SUBJECT_WORDS = [
    ("exercise", "drill", "training", "Shield", "Talisman", "Freedom", "Keen", "Malabar", "RIMPAC"),
    ("lection", "eferendum", "ote"),
    ("suspect", "man", "police", "prosecutor", "ourt"),
    ("edia", "ewspaper", "eport"),
]
_SUBJECT_RES = [(pat, t, words) for (pat, t), words in zip(SUBJECT_TYPES, _SUBJECT_WORDS, strict=True)]


@dataclass(frozen=True)
class Predicate:
    verb: str        # as written
    lemma: str
    start: int       # offset of the verb in the entry text
    passive: bool


@lru_cache(maxsize=16)  # split_acts and add_event ask for the same act's verb
def main_verb(text: str) -> Predicate | None:
    """The first finite event verb in present tense (chronology style), else the first in past tense
    (digest style: "met … and agreed to lift" is a meeting), else a bare infinitive ("to meet") or a form
    after a modal ("will lift"), which is never finite. A source's words after the act ("…, his office said,
    the highest-level security visit …") are not its verb."""
    if any(map(text.__contains__, _ATTRIBUTION_WORDS)) and (attribution := _ATTRIBUTION.search(text)) and (
            before := main_verb(text[:attribution.start()])) and is_finite(text[:attribution.start()], before):
        return before  # ("Tokyo will not attend the talks, officials said": what is told is not an act)
    if (opening := _subjectless_verb(text)) is not None:
        return opening
    later = _later_opening(text) if ". " in text or "] " in text else None
    past = bare = sent = None
    relative = [r.span() for r in _RELATIVE_CLAUSE.finditer(text)] if ", wh" in text else []
    for m in _verb_matches(text):
        if later and m.start() >= later.start:
            break  # "State visit at the invitation of X.[1] Held talks with …": the next sentence's act
        word = m.group(1)
        if _inside_quotes(text, m.start()) or _is_noun_use(text, m) or any(
                a < m.start() < b and (past or bare or not text.startswith(", where", a)) for a, b in relative):
            continue  # (a "where" clause after an act: "travelled to Belém, where he was received by …")
        if (past or bare) and "if " in text and _CONDITION_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # "… will host the next round if both sides ask": the condition's verb is not the act
        lemma = VERB_FORMS[word]
        if past and word != lemma and word in _PRESENT and _GOVERNED_BEFORE.search(text, max(0, m.start() - 40),
                                                                                   m.start()):
            continue  # "signed a memorandum covering coast guard exchanges": after the act, a noun it governs
        passive = m.group(0) != word
        pred = Predicate(word, lemma, m.start(), passive)
        if passive:
            return pred
        if word in _PRESENT:
            if word != lemma or not _NON_FINITE_BEFORE.search(text, max(0, m.start() - 24), m.start()):
                return pred
            bare = bare or pred
        elif past is None and lemma in _SENT_LEMMAS and _SENT_PARTICIPLE.search(
                text, max(0, m.start() - 30), m.end() + 8):
            sent = sent or pred  # "a soldier deployed for election security … fired into a crowd": who, not what
        else:
            past = past or pred
    return past or later or sent or bare


_GOVERNED_BEFORE = re.compile(r"\b(?:covering|including|involving|concerning|regarding|on|about|for|of|with)\s+"
                              r"(?:[a-z-]+\s+){0,3}$")
_CONDITION_BEFORE = re.compile(r"\b(?:if|unless)\s+(?:[\w'’-]+\s+){0,4}$")
# A participle after a common noun and before a preposition names whom was sent: "troops deployed to the border"
_SENT_LEMMAS = frozenset({"deploy", "send", "dispatch"})
_SENT_PARTICIPLE = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Tt]wo|[Tt]hree|\d+)\s+(?:[a-z-]+\s+)?[a-z]+\s+"
                              r"(?:deployed|sent|dispatched)"
                              r"\s+(?:for|to|in|at|near|along|on|from|by)\b")


def _subjectless_verb(text: str) -> Predicate | None:
    """A past verb that opens the text, its subject left out as in a list of someone's acts ("Met General
    Secretary To Lam in Hanoi", "Held talks with …"). Only past forms: an opening present or bare form is
    more often a noun ("Talks between …", "Visit of …")."""
    if not text[:1].isupper() or not (m := _OPENING_WORDS.match(text)):
        return None
    for word in (m.group(0), m.group(1)):  # "Held talks" before "Held"
        low = word.lower()
        if low in VERB_FORMS and low not in _PRESENT and low != VERB_FORMS[low]:
            return Predicate(word, VERB_FORMS[low], 0, False)
    return None


_OPENING_WORDS = re.compile(r"([A-Z][a-z]+)(?:\s+[a-z]+)?")
_SENTENCE_START = re.compile(r"[.!?](?:\[\d{1,3}\])*\s+(?=[A-Z][a-z])")


def _later_opening(text: str) -> Predicate | None:
    """The subjectless past verb opening a later sentence of the text, if any."""
    for m in _SENTENCE_START.finditer(text):
        if (found := _subjectless_verb(text[m.end():])) is not None:
            return replace(found, start=m.end())
    return None


# ", which I think tells you …", ", who arrives on Friday": a clause about something named, not the act's verb
_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who|whose|where)\b(?:[^,;]|,(?=\d{3}))*")  # (not "whom …")
# ", his office said", ", the Omani news agency reports.": a source named after the act it reports
_ATTRIBUTION = re.compile(r",\s+(?:the\s+|his\s+|her\s+|their\s+|its\s+)?(?:[\w'’-]+\s+){0,4}"
                          # (not followed by ", and none of it …")
                          r"(?:said|says|reported|reports)(?:\s+on\s+\w+)?(?=\s*(?:[.;]|$|,\s+(?:the|a|an)\s))")
_ATTRIBUTION_WORDS = (" said", " says", " report")


def is_finite(text: str, pred: Predicate | None) -> bool:
    """The verb main_verb found is finite: not a bare infinitive or a form after a modal."""
    if pred is None:
        return False
    if pred.passive or pred.verb != pred.lemma:
        return True
    return not _NON_FINITE_BEFORE.search(text, max(0, pred.start - 24), pred.start)


# What makes a bare verb form non-finite: "to lift", "would spend", "will not attend", "to jointly hold". After
# do-support ("does not appeal", "did meet") the bare form is the clause's own verb.
_NON_FINITE_BEFORE = re.compile(
    r"(?:\b(?:[Tt]o|will|would|shall|should|can|could|may|might|must)\s+(?:not\s+|never\s+)?|"
    r"\b(?:won|wouldn|can|couldn|shouldn|mustn)['’]t\s+)(?:\w+ly\s+)?$")


_WORD_RUN = re.compile(r"\w+")
# The first word of every VERB_RE match: a VERB_RE match starts with "\b" then a letter, so at the start
# of a word, and that word is its auxiliary or the (first word of the) verb form.
_VERB_STARTS = frozenset(_WORD_RUN.match(f).group() for f in VERB_FORMS) | {"is", "are", "was", "were"}


def _verb_matches(text: str, pos: int = 0) -> Iterator[re.Match[str]]:
    """VERB_RE.finditer(text, pos), trying VERB_RE only at the words that can start a match."""
    end = 0
    for w in _WORD_RUN.finditer(text, pos):
        if w.start() >= end and w.group() in _VERB_STARTS and (m := VERB_RE.match(text, w.start())):
            end = m.end()
            yield m


def _inside_quotes(text: str, pos: int) -> bool:
    before = text[:pos]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _is_noun_use(text: str, m: re.Match[str]) -> bool:
    """'a call', 'the meeting', 'Trade Representative' — verb forms used as nouns or in names."""
    word = m.group(1)
    before = text[max(0, m.start() - 12):m.start()].lower()
    if _NOUN_DETERMINER.search(before) or _NOUN_MODIFIER.search(before) or before.endswith("-") or (
            text.startswith("-", m.end())):
        return True  # "the meeting", "a Peshawar-bound train", "by 513 votes", "live-fire drills", "take-off"
    if word in _NOUN_LIKE and _ADJECTIVE_AFTER_DETERMINER.search(text, max(0, m.start() - 30), m.start()):
        return True  # "a congratulatory call", "an unannounced visit"
    if (word in _PLURAL_NOUNS or word == "strike") and _PLURAL_MODIFIER.search(text, max(0, m.start() - 24), m.start()):
        return True  # "ceasefire talks", "drone strikes", "a military air strike"
    if word.endswith("s") and _QUANTIFIER_BEFORE.search(before):
        return True  # "to address all outstanding issues", "several other calls": a plural noun
    if word in _PLURAL_NOUNS and _HELD_BEFORE.search(text, max(0, m.start() - 40), m.start()):
        return True  # "held official talks in restricted format": the object of "held", not the verb "talk"
    if word in _PLURAL_NOUNS and _OWNED.search(text, max(0, m.start() - 30), m.start()):
        return True  # "the Government's legislative plans": a possessive owns a noun
    if word == VERB_FORMS[word] and _LOWER_COMPOUND.search(text, max(0, m.start() - 30), m.start()):
        return True  # "the shopping-centre fire": a bare form after a lower-case compound is its noun
    if text.startswith((" d'", " d’"), m.end()):
        return True  # "the US charge d'affaires" (the accent dropped): an envoy, not the verb "charge"
    if word == "state" and _STATE_NOUN.match(text, m.end()):
        return True  # "North Korean state media", "a state visit"
    if word in _VISIT_NOUNS and _VISIT_MODIFIER.search(before):
        return True  # "his state visit to Washington", "an official visit"
    if word in _PLURAL_NOUNS and (nxt := _NEXT_WORD.match(text, m.end())) and (
            nxt.group(1) in _AUXILIARIES or (nxt.group(1) in VERB_FORMS and (
                nxt.group(1) not in _PRESENT or nxt.group(1) == VERB_FORMS[nxt.group(1)]))):
        return True  # "Media reports suggest …", "Talks held in May …", "talks would now turn": a noun, its verb
    return word[0].isupper() and m.start() > 0


_NOUN_DETERMINER = re.compile(r"\b(?:a|an|the|its|their|his|her|phone|first|second|third|fourth|fifth|last|latest|"
                              r"next|joint|of|for|on|no|(?<![Tt]he\s)(?<![Aa]ll\s)(?:two|three|four|five|six|seven|eight|nine|"
                              r"ten|twelve|several|dozens of))\s+$")  # ("for talks", "eight bombs"; not "the two sign")
# A compound adjective or a number right before the word makes it a noun.
_QUANTIFIER_BEFORE = re.compile(r"\b(?:all|other|these|those|such|many|several|outstanding|remaining|pending)\s+$")
_NOUN_MODIFIER = re.compile(r"(?:\w-(?:bound|based|made|led|backed|owned|run|class|type|range|style)|\b\d[\d,.]*|"
                            r"\b[ap]\.m\.|\ws['’])\s+$")  # ("leaders' talks": a plural's possessive; "a 6 a.m. train")
_NOUN_LIKE = frozenset({"call", "calls", "visit", "visits", "tour", "tours", "strike", "strikes", "test", "tests",
                        "talks", "train", "report", "reports", "address", "pledge", "protest", "vote", "votes",
                        "board"})  # ("the electoral board declared …")
_ADJECTIVE_AFTER_DETERMINER = re.compile(
    r"\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+(?:[a-z]+(?:ory|al|ful|ive|ous|ic|ed|ing|y|ent|ant|ble)|"
    r"[a-z0-9]+-[a-z]+)\s+$")  # "a seven-day tour"
_PLURAL_MODIFIER = re.compile(r"\b(?:ceasefire|cease-fire|peace|trade|nuclear|security|border|tariff|defen[cs]e|air|"
                              r"drone|missile|military|naval|budget|working-level|high-level|technical|direct|"
                              r"indirect|exploratory|preliminary|round of|rounds of)\s+$", re.IGNORECASE)
# -s forms that are as often plural nouns; one directly followed by a bare or past verb form is the noun.
_PLURAL_NOUNS = frozenset({"reports", "talks", "calls", "plans", "visits", "tests", "votes", "protests", "requests",
                           "demands", "appeals", "charges", "sanctions", "pledges", "strikes", "names", "tours"})
_NEXT_WORD = re.compile(r"\s+(\w+)")
_LOWER_COMPOUND = re.compile(r"(?<![\w-])[a-z]+-[a-z]+(?<!s)(?<!-fire)\s+$")  # (not "Jong-sup", "vice-ministers")
_HELD_BEFORE = re.compile(r"\b(?:[Hh]olds?|[Hh]eld|[Hh]olding)\s+(?:[a-z-]+\s+){1,2}$")
_OWNED = re.compile(r"\w['’]s\s+(?:[a-z-]+\s+)?$")
_AUXILIARIES = frozenset("would will could should may might must can have had are were".split())
_VISIT_NOUNS = frozenset({"visit", "visits", "tour", "tours"})
_VISIT_MODIFIER = re.compile(r"\b(?:state|official|working|private|return|reciprocal|farewell)\s+$")
_STATE_NOUN = re.compile(r"[\s-]+(?:media|visits?|dinner|banquet|funeral|television|TV|news|agency|broadcaster|"
                         r"councill?or|secretary|department|minister|owned|run|firms?|companies|company|"
                         r"enterprises?|sovereignty|actors?|secrets?|of\b)")

# Verbs that report a statement; the act in their complement ("said it would provide aid") can decide the type.
REPORTING = frozenset({"say", "announce", "state", "tell", "report", "reveal", "declare", "suggest"})
_SPEECH = REPORTING - {"tell"}  # "tells his Japanese counterpart": the one told takes part
_COMPLEMENT_END = re.compile(r"[;:]|[.!?][”\"’]?(?:\s|$)|,?\s+(?:after|before|since|if|because|although|while|when|"
                             r"unless|until|which|who|where|following|amid|with)\b")


@lru_cache(maxsize=16)  # classify and actor_countries ask about the same act
def complement_verb(text: str, pred: Predicate | None) -> tuple[Predicate, bool] | None:
    """(verb, finite) of the clause a reporting verb introduces: "announced that Korea would contribute"
    -> (contribute, False); "reported that a new law was passed" -> (was passed, True)."""
    if pred is None or pred.lemma not in REPORTING:
        return None
    begin = pred.start + len(pred.verb)
    end = m.start() if (m := _COMPLEMENT_END.search(text, begin)) else len(text)
    clause = text[:min(end, begin + 200)]
    for m in _verb_matches(clause, begin):
        word = m.group(1)
        if _inside_quotes(clause, m.start()) or _is_noun_use(clause, m):
            continue
        lemma = VERB_FORMS[word]
        if lemma in REPORTING:
            continue
        if (pron := _PRONOUN_SUBJECT.search(clause, begin, m.start())) and pron.end() < m.start():
            return None  # "says it hopes ties hold": the reported clause's own verb is one we do not know
        inner = Predicate(word, lemma, m.start(), m.group(0) != word)
        # "announced that elections would be held": a passive after a modal is still to come
        finite = is_finite(clause, inner) and not _MODAL_BE_BEFORE.search(clause, max(0, m.start() - 24), m.start())
        if not finite and not _MODAL_BEFORE.search(clause, max(0, m.start() - 24), m.start()):
            continue  # "will offer assistance to help …": a purpose infinitive, not the reported act
        return inner, finite
    return None


# A pronoun subject and the word after it, unless that is an auxiliary: "it hopes", not "it would".
_PRONOUN_SUBJECT = re.compile(r"\b(?:it|he|she|they|we)\s+(?!(?:will|would|shall|should|can|could|may|might|must|is|"
                              r"are|was|were|has|have|had|does|did|do|not|also|then|now)\b)\w+")
_MODAL_BEFORE = re.compile(r"\b(?:will|would|shall|should|can|could|may|might|must)\s+(?:\w+ly\s+)?$")
_MODAL_BE_BEFORE = re.compile(r"\b(?:will|would|shall|should|can|could|may|might|must)\s+(?:not\s+)?be\s+$")


_TOLL_BEFORE = re.compile(r"\b(?:had|have|has)\s+been\s+$")


def _complement_type(text: str, pred: Predicate) -> str | None:
    """The type a reporting verb's complement gives: its own act ("said it would provide aid" is aid,
    "reported that a law was passed" legal); a meeting or visit still to come is announced; what only
    says something again is left to the reporting verb."""
    found = complement_verb(text, pred)
    if not found:
        return None
    inner, finite = found
    kind = VERB_TYPES[inner.lemma]
    if inner.lemma in _OBJECT_DECIDES:  # "tells reporters that Modi made clear …": no visit made
        kind = _verb_with_object(inner.lemma, text[inner.start:], kind)
    if inner.lemma == "kill" and _TOLL_BEFORE.search(text, max(0, inner.start - 12), inner.start):
        return None  # "told reporters that 31 people had been killed": a toll given, the words are the act
    if kind == "statement" or (inner.lemma == "reach" and _REACHED_LEVEL.match(text, inner.start)):
        return None  # "said inflation reached 10.5%": a figure reported, not an act
    if kind in {"meeting", "visit", "phone_call"} and not finite:
        return "announcement"
    return kind


# "declared John Roe President-elect", "declared Jo Roe the winner", "proclaimed the final results"
_DECLARED_WINNER = re.compile(r"\s+(?:(?:[A-Z][\w'’.-]*\s+){1,4}(?:the\s+)?(?:winner\b|"
                              r"(?:[A-Z][a-z]+\s+)?[A-Z][a-z]+-elect\b|(?:duly\s+)?elected\b)|"
                              r"(?:the\s+)?(?:final\s+|official\s+)?(?:winner|results?)\b)")


def classify(text: str, pred: Predicate | None, subject: str) -> str:
    """Event type from the verb and its object, per seeds/event_types.csv."""
    if pred is None:  # "jets accidentally drop bombs during a drill": an accident, whatever the nouns say
        if _ACCIDENTAL.search(text):
            return "incident"
        if _is_court_step(text):
            return "legal"
        return "visit" if _VISIT_HEAD.match(text) else _type_from_nouns(text) or "other"
    if pred.lemma in {"declare", "proclaim"} and _DECLARED_WINNER.match(text, pred.start + len(pred.verb)):
        return "election"  # an electoral commission declaring the winner: the vote's result, as its announcement
    if pred.lemma in REPORTING and (inner := _complement_type(text, pred)):
        return inner
    lemma = pred.lemma
    base = VERB_TYPES[lemma]
    predicate_text = text[pred.start:]
    if lemma in _OBJECT_DECIDES:
        base = _verb_with_object(lemma, predicate_text, base, subject)
    if "," in subject:
        subject = _FRONTED.sub("", subject, count=1)  # "In response to the Court's ruling, the ministry says"
    if pred.passive and lemma == "exchange":
        base = _type_from_nouns(subject) or base  # "Seven memoranda … were exchanged": what was exchanged
    if pred.passive and lemma in {"hold", "host", "convene"}:
        base = _subject_type(subject) or _type_from_nouns(subject) or "meeting"
    obj_type = _type_from_nouns(_first_clause(predicate_text))
    # "meet … and release a statement" stays a meeting.
    keeps_meeting = base == "meeting" and obj_type in {"statement", "other"} and lemma in {"meet", "hold"}
    if obj_type and obj_type in OVERRIDABLE.get(base, set()) and not keeps_meeting:
        base = obj_type
    named = EVENT_SUBJECT.search(subject[:80])
    if named and base != "incident" and lemma not in {"meet", "speak", "visit", "sign", "release", "hold", "host",
                                                      "call"}:  # ("a soldier on election duty fired into …")
        base = _type_from_nouns(named.group(0)) or base  # "A trilateral meeting … agreed to …"
    subj_type = _subject_type(subject)
    if subj_type and base in {"meeting", "other", "announcement", "statement"} and lemma not in {
            "meet", "speak", "visit"}:
        base = subj_type if not (subj_type == "announcement" and base != "statement") else base
    if base == "meeting" and is_remote(text):
        base = "phone_call"
    if _ACCIDENTAL.search(text, max(0, pred.start - 16), pred.start + 120):
        base = "incident"  # "fighters accidentally release eight bombs": unplanned, whatever the verb
    elif lemma in _PLEDGING and _AID_MONEY.search(_first_clause(predicate_text)):
        base = "aid"  # "announces $500 million in foreign military financing for the Philippines"
    elif lemma in _GIVING and (_MONEY_OBJECT.match(predicate_text) or _CONTRIBUTION.match(predicate_text)):
        base = "aid"  # "released $17 million from the emergency fund", "announced a contribution of US$2 million"
    if lemma == "visit" and _VISIT_AND_MEET.search(predicate_text):
        base = "meeting"
    elif lemma == "speak" and re.match(r"\w+\s+(?:\w+ly\s+)?(?:at|before)\s+(?:the|a|an)\s", predicate_text):
        base = "statement"  # "both spoke at the opening session", "spoke before the assembly": words to an audience
    elif lemma == "speak" and _SPOKE_TO_PRESS.match(predicate_text):
        base = "statement"  # "spoke to reporters after the vote": words for the public, not a call
    elif lemma == "arrive" and _AID_CARRIER.search(subject):
        base = "aid"  # "a Chinese rescue team arrived in Yangon": help delivered, not a visit
    if (base in _COURT_ACTS or lemma == "confirm") and _COURT.search(subject):
        base = "legal"  # "the Supreme Federal Court voted to put …", "the Court orders Venezuela not to hold elections"
    elif base in _COURT_STEP_KINDS and _is_court_step(text):
        base = "legal"
    if lemma == "fire" and pred.passive and not _NAMED_WORD.search(subject.rsplit(",", 1)[-1]) and (
            " by " not in predicate_text[:80]):
        base = "incident"  # "three rockets were fired toward the town": an attack no state is named for
    if lemma == "report" and pred.passive and _STRIKE.search(subject):
        base = "incident"  # "air strikes were reported in Sagaing": the strikes are the act, not the report
    if base == "incident" and MILITARY_STRIKE.search(subject):
        base = "military_action"  # "a military air strike hit the village": a state's armed force
    return base


# A verbless entry headed by a trip: "Joint visit to the border towns", "Official visit of the President to …"
_VISIT_HEAD = re.compile(r"(?:[A-Z][a-z]+\s+){0,2}?(?:[Vv]isits?|[Tt]rip|[Tt]our)\s+(?:to|of|in)\b")


# "visits Kyiv and meets President Zelensky": a meeting (the shared gold's convention); not "… and met displaced
# families" (people met on a visit are no counterpart)
_VISIT_AND_MEET = re.compile(r"\b(?:and|to)\s+(?:meets?|met|hold talks)\b(?!\s+(?:with\s+)?(?:the\s+)?(?:displaced|"
                             r"local\s+(?:residents|people|families)|residents|families|survivors|students|refugees|"
                             r"victims|people|troops|soldiers|staff|workers|farmers)\b)")
_SPOKE_TO_PRESS = re.compile(r"\w+\s+(?:\w+ly\s+)?(?:to|with)\s+(?:the\s+)?(?:reporters|journalists|press|media)\b")
# A strike by a state's forces, named as such: "a military air strike", "army shelling", "government airstrikes"
MILITARY_STRIKE = re.compile(r"\b(?:military|army|air force|naval|government|regime)\s+"
                             r"(?:air\s*|drone\s+|artillery\s+)?(?:strikes?|airstrikes?|shelling|bombardment|bombing|"
                             r"raids?)\b", re.IGNORECASE)


_NAMED_WORD = re.compile(r"\s[A-Z]")  # a capitalized word after the first: a named actor ("North Korean missiles")


# A court's act of these kinds is its ruling: "the Court voted to …", "the Court removes X from office".
_COURT_ACTS = frozenset({"election", "appointment", "announcement", "other"})
_COURT_STEP_KINDS = frozenset({"other", "statement", "meeting", "announcement"})
def _is_court_step(text: str) -> bool:
    """A step of court proceedings: "filed its Memorial", "asked the Court to …", "public hearings were held",
    "the Court indicated a provisional measure" (verbs no event type knows, or words that type as talk)."""
    return ("ourt" in text or "earing" in text or "filed" in text) and bool(_COURT_STEP.search(text))


_COURT_STEP = re.compile(r"\b(?:filed\s+(?:in\s+the\s+Registry\s+of\s+the\s+Court\s+)?(?:its|an?|the)\s+(?:[\w-]+\s+)?"
                         r"(?:[Mm]emorial|[Cc]ounter-[Mm]emorial|[Aa]pplication|[Rr]eply|[Rr]ejoinder|[Aa]ppeal|"
                         r"[Pp]etition|[Cc]omplaint|[Ll]awsuit|[Ss]uit)|(?:asked|requested|petitioned)\s+the\s+Court\b|"
                         r"(?:[Pp]ublic|[Oo]ral)\s+hearings?\b|[Cc]ourt\s+(?:unanimously\s+)?(?:indicated|fixed|"
                         r"rejected|delivered|dismissed|upheld|granted|found|ruled))")
_COURT = re.compile(r"\b(?:[Cc]ourt|[Tt]ribunal|[Jj]udges?|[Pp]anel of the|Constitutional Council)\b")


_CEREMONY = re.compile(r"\b(?:memorial|parade|ceremony|funeral|commemoration|wreath-laying|vigil)\b")
_ACCIDENTAL = re.compile(r"\b(?:accidentally|accidental|inadvertently|mistakenly|by (?:accident|mistake))\b")
_PLEDGING = frozenset({"announce", "pledge", "unveil", "promise", "offer"})
# A sum of money right after these verbs is given: "released $17 million", "allocated US$10 million from …".
_GIVING = frozenset({"release", "allocate", "disburse", "pledge", "announce", "provide", "grant", "donate"})
_MONEY_OBJECT = re.compile(r"\w+\s+(?:a\s+(?:further|new|additional)\s+|an\s+additional\s+|another\s+)?"
                           r"(?:[A-Z]{1,3})?[$€£¥₩]\s?\d[\d.,]*(?:\s+(?:million|billion|trillion))?"
                           r"(?:\s+\([^)]{0,40}\))?(?:\s+over\s+(?:\w+\s+){1,2}years)?\s+(?:in|for|to|from)\b")
# A sum given, named as a gift: "announced a contribution of US$2 million", "pledged a grant of €5 million".
_CONTRIBUTION = re.compile(r"\w+\s+(?:on\s+(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\.?\s+\d{1,2})\s+)?(?:a|an)\s+"
                           r"(?:new\s+|further\s+|additional\s+|financial\s+|first\s+|second\s+|final\s+)*"
                           r"(?:contribution|donation|grant|tranche|instal?lment)\s+of\s+"
                           r"(?:about\s+)?(?:[A-Z]{1,3})?[$€£¥]")
# A sum of money given as help: "$500 million in foreign military financing", "¥2 billion in grant aid".
_AID_MONEY = re.compile(r"(?:[$€£¥₩]\s?\d|\b\d[\d.,]*\s+(?:million|billion|trillion)\b).{0,80}?\b(?:aid|assistance|"
                        r"military financing|relief|humanitarian|support|grant|donation)\b")


# Verbs whose type depends on their object ("hold talks" / "hold drills").
# The ceremony at which a donor hands over what it gave or built.
_HANDOVER = re.compile(r"\bhand(?:ing)?[- ]?over ceremony\b", re.I)
_OBJECT_DECIDES = frozenset({"participate", "attend", "join", "hold", "host", "begin", "conduct", "launch", "board",
                             "exchange", "release", "issue", "receive", "make", "give", "help", "call", "reach",
                             "name", "respond", "fly", "adopt", "approve", "impose", "pass", "extend", "renew",
                             "pay", "take", "welcome", "accept", "sign", "fire", "enter",
                             "carry out", "remove", "lead", "brief", "withdraw", "become", "send", "lose", "transfer",
                             "shoot", "confirm", "present", "dispatch", "deploy", "land", "organize", "organise",
                             "deliver"})
# A fronted adverbial before the subject: "In response to …, ", "Following the vote, ".
_FRONTED = re.compile(r"^\s*(?:In response to|In reaction to|Ahead of|In|On|At|After|Following|Amid|Despite|As|While|"
                      r"When|Before|Since|During|With|Under|Upon|Responding to|Speaking|Commenting|Reacting|"
                      r"Writing)\b[^,]{0,120},\s+")


def _verb_with_object(lemma: str, predicate_text: str, base: str, subject: str = "") -> str:
    clause = _first_clause(predicate_text)
    noun = _type_from_nouns(clause)
    if lemma in {"participate", "attend", "join"}:
        if "over ceremony" in clause[:60] and _HANDOVER.search(clause[:60]):
            return "aid"  # "attended the handover ceremony of a China-aided market": help delivered
        if _CEREMONY.search(clause[:60]):
            return "other"  # "attends the Victory Day parade", "attended a memorial": a ceremony attended
        if lemma == "join" and noun != "meeting" and _MEMBERSHIP.match(predicate_text):
            return "agreement"  # "joined the Global Coalition …": membership taken up, not a meeting attended
        return noun if noun in {"statement", "military_exercise", "meeting", "other"} else (
            "meeting" if lemma != "participate" else "other")
    if lemma == "launch":  # "launches a missile"; "launched a Global Alliance … at the G20 summit" (not a meeting)
        if noun == "military_action" or _OPERATION_OBJECT.match(predicate_text) or _LAUNCHED_WEAPONS.match(
                predicate_text):  # ("launched drones at 26 locations")
            return "military_action"  # "launches Operation Sindoor, striking …", "launched an offensive"
        return _type_from_nouns(_OBJECT_END.split(clause, 1)[0]) or base
    if lemma == "take":  # "took a congratulatory call from Rubio"; "took part in …"; "takes over as president"
        if re.match(r"\w+\s+(?:over\s+as|the\s+oath)\b", predicate_text):
            return "appointment"  # "takes over as president", "takes the oath of office"
        if re.match(r"\w+\s+control\s+of\b", predicate_text):
            return "military_action"  # "took control of the town": ground taken
        if re.match(r"\w+\s+(?:oral\s+|written\s+)?evidence\b", predicate_text):
            return "meeting"  # "the Committee took evidence from the envoy": a hearing of witnesses
        return "phone_call" if re.search(r"\bcalls?\b", clause[:40]) else noun or base
    if lemma == "pay":  # "paid a state visit to Spain", "paid a State Visit"; "paid tribute to …"
        if re.search(r"\bcall\s+on\b", clause):
            return "meeting"  # "paid a farewell call on the Commander": a courtesy call in person
        return "visit" if re.search(r"\b(?:[Vv]isit|[Tt]rip|[Tt]our)\b", clause) else noun or base
    if lemma == "land":  # "has landed in Kabul on a day-long visit" travels; "a rocket landed near …" strikes
        return "incident" if _PROJECTILE.search(subject) else base
    if lemma == "remove" and _FROM_OFFICE.match(predicate_text):
        return "appointment"  # "removes the governor from office": a dismissal
    if lemma == "lose":  # "loses a foot to a landmine": harm; "lost the runoff": an election
        return "incident" if _INJURY_OBJECT.match(predicate_text) else noun or base
    if lemma == "send" and _TROOPS_OBJECT.match(predicate_text):
        return "military_action"  # "sends F-16 jets to strike …", "sent 5,000 troops": a deployment
    if lemma == "brief":  # "briefs reporters" speaks to the public; "briefs the Secretary by telephone" consults
        return "statement" if _PUBLIC_AUDIENCE.match(predicate_text) else base
    if lemma == "withdraw" and _TROOPS_OBJECT.match(predicate_text):
        return "military_action"  # "withdraws its troops from the border": a deployment undone
    if lemma == "become" and _OFFICE_OBJECT.match(predicate_text):
        return "appointment"  # "becomes acting prime minister"
    if lemma == "lead" and _DELEGATION_TO.match(predicate_text):
        return "visit"  # "leads a delegation to Pyongyang": the trip is the act
    if lemma == "exchange":  # "exchange congratulatory messages" is a statement; "exchange prisoners" other
        if re.match(r"\w+\s+(?:fire|gunfire|shots)\b", predicate_text):
            return "incident"  # "troops exchange fire": a clash
        return "statement" if re.search(r"\b(?:messages?|letters?|greetings|congratulations)\b", clause) else (
            noun or base)
    if lemma in _ENACTING:
        if lemma != "impose" and re.search(r"\bresolutions?\b", clause):
            return "election"  # "The Council adopted resolution 2773 by 15 votes to none": a body's vote
        if _SANCTIONS.search(clause) or (lemma == "adopt" and _LAW.search(clause[:60])):
            return "legal"  # "EU ministers adopt a 16th sanctions package", "the Government adopted a decree"
        if lemma == "extend" and _EMERGENCY_RULE.search(clause[:60]):
            return "legal"  # "extended the state of emergency by six months"
        if lemma == "approve" and re.search(r"\b(?:ceasefire|cease-fire|truce|deal|agreement|accord)\b", clause):
            return "agreement"  # "the cabinet approved a ceasefire with Hezbollah"
        return base
    if lemma == "help":
        return "aid"
    if lemma == "present" and _CREDENTIALS.search(clause[:60]):
        return "other"  # "presented her letters of credence": an envoy's ceremony, not a plan presented
    if lemma in _SENDING and not _TROOPS_OBJECT.match(predicate_text) and _RELIEF_OBJECT.search(clause[:80]):
        return "aid"  # "dispatched a convoy of food", "flew rescue teams into …": help delivered
    if lemma == "deliver":  # "delivered 50 tonnes of relief goods" gives help; "delivered a speech" speaks
        return "aid" if noun != "statement" and _RELIEF_OBJECT.search(clause[:60]) else base
    if lemma in {"present", "dispatch", "deploy"}:
        return base  # (their objects otherwise left to classify, as before)
    if lemma == "board":  # "boarded a plane to Hanoi" is travel; "boarded the supply boat" an incident
        return "visit" if re.search(r"\b(?:plane|flight|aircraft|jet|train|airliner)\b", clause[:40]) else base
    if lemma == "fly":  # "bombers fly a joint patrol" is the patrol; "flies to Manila" a visit (relief: above)
        return noun if noun in {"military_exercise", "military_action"} else "visit"
    if lemma == "respond":  # "respond with a live-fire drill": the response is the act
        m = re.search(r"\b(?:with|by)\b(.*)", clause)
        return (_type_from_nouns(m.group(1)) if m else None) or base
    if lemma == "call":  # "calls for restraint" is a statement; "call each other" a phone call
        if re.match(r"call(?:s|ed)?\s+(?:with|each other|by)\b", predicate_text):
            return "phone_call"
        # "calls on Prime Minister Ishiba at the Kantei" is a courtesy call; "calls on China to stop …" is not.
        return "meeting" if _CALL_ON_PERSON.match(predicate_text) or (
            _CALL_ON_OFFICE.match(predicate_text) and not _URGED_TO.search(clause)) else "statement"
    if lemma == "hold" and re.search(r"\bcalls?\b", clause[:40]):
        return "phone_call"
    if lemma in {"begin", "conduct", "stage"}:
        return noun if noun in {"military_exercise", "military_action", "meeting"} else "other"
    if lemma == "make":
        return "visit" if re.search(r"\b(?:visit|trip|tour)\b", clause) else "statement"
    if lemma == "receive":
        passive = _AUXILIARY.match(predicate_text) is not None
        predicate_text = _AUXILIARY.sub("", predicate_text)  # "was received by Prime Minister X": the host named
        return "meeting" if re.search(r"\b(?:courtesy call|delegation)\b", clause) or _RECEIVED_PERSON.match(
            predicate_text) or _PERSON_OBJECT.match(predicate_text) or (
            passive and _RECEIVED_LATER_BY.match(predicate_text)) else "other"
    if lemma == "welcome":  # "welcomed him in Madrid" hosts a visitor; "welcomed the release" is a statement
        return "meeting" if _PERSON_OBJECT.match(predicate_text) or _RECEIVED_PERSON.match(predicate_text) else base
    if lemma == "accept":  # "accepted the resignation of the defence minister"
        return "appointment" if re.search(r"\bresignations?\b", clause[:40]) else noun or base
    if lemma == "carry out":  # "carried out an airstrike", "carries out a joint patrol"
        return "military_action" if _STRIKE.search(clause[:50]) else noun or base
    if lemma == "reach":  # "reached an agreement"; "a convoy of food reached Baidoa" is aid delivered
        if noun == "agreement":
            return noun
        return "aid" if _AID_CARRIER.search(subject) else "other"
    if lemma == "enter":  # "enters Guyana's waters", "entered Bukavu": an incursion; "entered into force" is not
        return "military_action" if _ENTERED_GROUND.match(predicate_text) else noun or base
    if lemma == "sign":
        if _LAW.search(clause[:60]):
            return "legal"  # "signs the Organic Law …": legislation signed
        # "sign the joint communiqué of the 57th Security Consultative Meeting": what is signed, not its occasion
        signed = _type_from_nouns(re.split(r"\s+of\s+the\b", clause, maxsplit=1)[0])
        return signed if signed in {"agreement", "statement"} else base  # ("… to set up a working group")
    if lemma == "transfer":  # "transferred a first tranche of $29m to the ministry": money given
        return "aid" if _MONEY_OBJECT.match(predicate_text) or _CONTRIBUTION.match(predicate_text) else noun or base
    if lemma == "confirm":  # "the Senate confirmed her as envoy", "whom the Rada confirmed"; "confirms the deal"
        return "appointment" if _CONFIRMED_PERSON.match(predicate_text) or re.search(r"\bwhom\s", subject) else base
    if lemma == "shoot" and re.match(r"\w+\s+(?:dead|and killed)\b", predicate_text):
        return "incident"  # "gunmen shot dead a lawyer": a killing, not a state's use of force
    if lemma == "fire" and _FIRED_ON.match(predicate_text):
        return "incident"  # "opened fire on the market", "fired water cannon at the vessel": an attack
    return noun or base


_CREDENTIALS = re.compile(r"\b(?:credentials|letters? of credence|credential letters?)\b")
# What is sent as help: "a convoy of 60 trucks of food", "urban search and rescue teams", "medical supplies".
_SENDING = frozenset({"send", "dispatch", "deploy", "fly"})
_RELIEF_OBJECT = re.compile(r"\b(?:convoys?|aid|relief|humanitarian|supplies|food|medicines?|rescue teams?|rescuers|"
                            r"medical teams?)\b")
# "was received at the Ministry by H.E. Jane Doe, Minister of State": a host named after the venue
_RECEIVED_LATER_BY = re.compile(r"\w+\s+(?:at|in)\s+[^.;]{0,80}?\bby\s+(?:H\.\s?E\.\s+|the\s+)?[A-Z]")
_CONFIRMED_PERSON = re.compile(r"\w+\s+(?:(?:him|her)\b|(?:[A-Z][\w.'’-]*\s+){1,4}as\s)")
_AUXILIARY = re.compile(r"^(?:is|are|was|were)\s+(?:being\s+)?")
# A person as the object: a pronoun, or a name that is not a possessive ("receives Wang Yi at the Kremlin").
_PERSON_OBJECT = re.compile(r"\w+\s+(?:him|her|them|(?:[A-Z][\w.-]*\s+){1,3}(?:at|in|to|on|for|and|with)\b)")
_ENTERED_GROUND = re.compile(r"enter(?:s|ed)?\s+(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*['’]s\s+(?:[a-z]+\s+){0,2}"
                             r"(?:zone|EEZ|waters|airspace|territory)|(?:the\s+)?(?:town|city|village|capital)\s+of\s+"
                             r"[A-Z]|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?(?=\s+on\b|[,.;]|\s+and\b))")
_STRIKE = re.compile(r"\b(?:air ?strikes?|drone strikes?|strikes?|raids?|bombing|shelling|bombardment)\b")
_REACHED_LEVEL = re.compile(r"reach(?:es|ed)?\s+(?:a\s+(?:record|high|low)\s+(?:of\s+)?)?[\d$€£¥]")
_AID_CARRIER = re.compile(r"\b(?:convoy|aid|supplies|shipment|relief|food|humanitarian|rescue team|rescuers)\b",
                          re.IGNORECASE)
_OPERATION_OBJECT = re.compile(r"\w+\s+(?:Operation\s+[A-Z]|(?:an?|the|its|a\s+new)\s+(?:[\w-]+\s+){0,2}"
                               r"(?:offensive|counter-offensive|counteroffensive|incursion|invasion|assault|airstrikes|"
                               r"air strikes|strikes|raids?|bombardment)\b)")
_LAUNCHED_WEAPONS = re.compile(r"\w+\s+(?:[\w-]+\s+){0,3}?(?:drones|rockets|airstrikes|air strikes|strikes|attacks)\b")
_INJURY_OBJECT = re.compile(r"\w+\s+(?:a|an|his|her|their|both|one|two)?\s*(?:foot|feet|leg|legs|arm|arms|hand|thumb|"
                            r"fingers?|eye|limb|limbs|life|lives)\b")
_PUBLIC_AUDIENCE = re.compile(r"\w+\s+(?:the\s+)?(?:reporters|journalists|press|media|correspondents|parliament|"
                              r"lawmakers|legislators|senators|(?:[A-Z][\w-]*\s+){0,3}(?:committee|Committee))\b")
# The armed force a state sends or strikes with (see also extract._STATE_FORCE).
FORCE_NOUNS = r"(?:troops|forces|soldiers|units|jets|warships|warplanes|bombers|aircraft|army|navy|air force)"
_TROOPS_OBJECT = re.compile(rf"\w+\s+(?:its|their|the|all|some|[\d,]+)?\s*(?:[\w-]+\s+)?{FORCE_NOUNS}\b")
_OFFICE_OBJECT = re.compile(r"\w+\s+(?:the\s+)?(?:country's\s+)?(?:new\s+|first\s+|acting\s+|interim\s+|caretaker\s+)*"
                            r"(?:(?:[Pp]rime|[Ff]oreign|[Dd]efen[cs]e|[Vv]ice)\s+)?(?:[Mm]inister|[Pp]resident|[Pp]remier|"
                            r"[Cc]hancellor|[Cc]hair(?:man|woman)?|[Ll]eader|[Ss]ecretary|[Gg]overnor|[Mm]ayor|[Ss]peaker|"
                            r"[Hh]ead of)\b")
_FROM_OFFICE = re.compile(r"\w+\s+(?:[\w'’-]+\s+){1,5}?from\s+(?:office|power|(?:his|her|their|the)\s+"
                          r"(?:post|position))\b")
_DELEGATION_TO = re.compile(r"\w+\s+(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+){0,3}(?:delegation|mission)\s+"
                            r"(?:\w+\s+){0,3}?to\s+[A-Z]")
_LAW = re.compile(r"\b(?:[Ll]aw|[Bb]ill|[Dd]ecree|[Aa]ct|[Oo]rdinance|[Ee]xecutive [Oo]rder)s?\b")
_FIRED_ON = re.compile(r"fired\s+(?:water cannons?|flares|shots|warning shots|on|at|upon|into\s+(?:a|the)\s+crowds?)\b|"
                       r"(?:(?:open|opens|opened)\s+)?fire\s+(?:on|at|upon)\b")


_CALL_ON_PERSON = re.compile(r"call(?:s|ed)?\s+on\s+(?:[A-Z][\w.'’-]*\s+){1,5}(?:at|in|during|on)\b|"
                             r"call(?:s|ed)?\s+on\s+(?:[A-Z][\w.'’-]*\s*){1,5}(?:[.;]|$)")
# "called on the Prime Minister of …, at the palace": a visit to an office holder (unless urged "to" act)
_CALL_ON_OFFICE = re.compile(r"call(?:s|ed)?\s+on\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,3}(?:Prime Minister|President|"
                             r"Minister|Premier|Chancellor|King|Queen|Emir|Crown Prince|Governor|Commander|Chief|"
                             r"General|Admiral|Speaker|Chairman|Secretary|Ambassador)\b")
_URGED_TO = re.compile(r"\bto\s+(?!the\b|a\b|an\b|his\b|her\b|their\b|its\b)[a-z]{3,}")
_PROJECTILE = re.compile(r"\b(?:rockets?|missiles?|shells?|mortars?|projectiles?|drones?|debris|bombs?|munitions?)\b",
                         re.I)
# Where a verb's object ends: a place, a time or an occasion follows.
_OBJECT_END = re.compile(r"\s+(?:at|in|on|during|ahead of|alongside)\s+")
_ENACTING = frozenset({"adopt", "approve", "impose", "pass", "extend", "renew"})
_EMERGENCY_RULE = re.compile(r"\b(?:state of (?:emergency|siege)|martial law|emergency rule|curfew)\b")
# A body a state becomes a member of: "joined the Global Coalition to Defeat ISIS", "joins the alliance".
_MEMBERSHIP = re.compile(r"\w+\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,4}(?:[Cc]oalition|[Aa]lliance|[Pp]act|[Tt]reaty|"
                         r"[Cc]onvention|[Oo]rgani[sz]ation|[Bb]loc|[Pp]artnership|[Ii]nitiative|[Cc]ommonwealth)\b")
_SANCTIONS = re.compile(r"\bsanctions?\b(?!\s+(?:relief|evasion))")
# "received US Ambassador Jane Roe", "receives his Japanese counterpart": a meeting with the one received.
_RECEIVED_PERSON = re.compile(
    r"\w+\s+(?:with\s+(?:full\s+)?(?:military|state|ceremonial)\s+honou?rs\s+)?"  # "Received with military honours by"
    r"(?:by\s+)?(?:the\s+|his\s+|her\s+|their\s+)?(?:[A-Z][\w.'’-]*\s+){0,3}(?:[A-Z][a-z]+\s+)?"
    r"(?:Ambassador|Minister|Secretary|President|Premier|Chancellor|Envoy|envoy|counterpart|Governor|Senator|"
    r"Foreign|Defen[cs]e|Prime|King|Queen|Crown|Speaker|Chairman|Chair|Director|Commander|Admiral|General)\b|"
    # "received Iran's deputy foreign minister", "receives Syria's intelligence chief"
    r"\w+\s+(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*['’]s\s+(?:[a-z-]+\s+){0,3}(?:minister|envoy|ambassador|president|"
    r"chief|secretary|counterpart|adviser|advisor|commander|speaker|delegation|premier|foreign minister)\b")


@lru_cache(maxsize=16)  # classify and _verb_with_object cut the same predicate
def _first_clause(text: str) -> str:
    return re.split(r"(?:,\s+(?:which|who|where|stating|saying|marking)|\bto discuss\b|;|\.\s)", text)[0][:200]


@lru_cache(maxsize=64)  # classify and _verb_with_object ask about the same clause
def _type_from_nouns(text: str) -> str | None:
    low = re.lowered(text)
    # Only the patterns whose words the text holds (a set, then back into OBJECT_TYPES order).
    candidates = range(len(_OBJECT_RES)) if low is None else sorted(
        {i for word, i in _OBJECT_WORD_INDEX if word in low})
    hits = [(m.start(), t) for pat, t, _ in map(_OBJECT_RES.__getitem__, candidates) if (m := pat.search(text))]
    return min(hits)[1] if hits else None


def _subject_type(subject: str) -> str | None:
    for pat, t, words in _SUBJECT_RES:
        if any(map(subject.__contains__, words)) and pat.search(subject):
            return t
    return None


# ----------------------------------------------------------------------------- actor countries

PEOPLE_NOUNS = re.compile(
    r"\b(?:counterparts?|officials?|delegations?|envoys?|ministers?|leaders?|advis[eo]rs?|lawmakers?|"
    r"legislators?|senators?|governors?|diplomats?|negotiators?|representatives?|military|forces|navy|"
    r"army|air force|coast guard|government|side|sides|troops|ships?|vessels?|aircraft|jets?|"
    r"nationals|embassy|foreign ministry|ministry|presidents?|prime ministers?|parliamentarians)\b", re.I)
# "hosts US, South Korean, and Japanese national security advisors": the other states of a list, then up to
# three lowercase modifiers, then the people noun (matched after a state's name).
_LISTED_PEOPLE = re.compile(
    r"(?:\s*,?\s*(?:and\s+)?(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)*"
    r"(?:\s+(?!(?:and|or|to|in|on|at|for|with|of|from|by|the|a|an|who|which|that)\b)[a-z][\w-]*){0,3}\s+"
    r"(?i:" + PEOPLE_NOUNS.pattern + ")")
TOPIC_CUT = re.compile(
    r"\b(?:to discuss|discussing|to condemn|condemning|condemn|regarding|concerning|about|following|"
    r"in response to|to review|amid|against|over|on the (?:summit|launch|issue|situation)|"
    r"after|stating|saying|calling|with (?:the\s+)?(?:aim|goal)|to protest|to address)\b"
    r"|,\s+(?:the (?:day|same day|week)|when|as|while|before|days? (?:after|before))\b")


@lru_cache(maxsize=16)  # an act's participants, actors and location each cut its predicate here
def topic_cut(text: str) -> tuple[int, str] | None:
    """(start, text) of TOPIC_CUT's first match in `text`, if any."""
    m = TOPIC_CUT.search(text)
    return (m.start(), m.group(0)) if m else None


def actor_countries(text: str, pred: Predicate | None, ref: Reference) -> set[str]:
    """States acting in the entry: named in the subject, or as the people/forces acted with."""
    if "#" in text:  # "… #Armenia #EU": a post's tags name topics, not actors (blanked: offsets stay)
        text = _HASHTAG.sub(lambda m: " " * len(m.group()), text)
    subject = text[:pred.start] if pred else text
    out = _countries_in(subject, ref, expand_groups=True) or _state_organ(subject, ref) or weapon_owner(subject, ref)
    if pred and not out and (found := complement_verb(text, pred)):
        # "Media reports suggest the US, Japan, and Philippines plan …": the reported clause's subject acts.
        inner_subject = text[pred.start + len(pred.verb):found[0].start]
        out = _countries_in(re.sub(r"^\s*(?:that|on \S+(?: \S+)?)\s+", "", inner_subject), ref, expand_groups=True)
    if pred and pred.lemma not in _SPEECH:  # "says it hopes the next Japanese leader …": spoken of, not acting
        rest = text[pred.start:]
        cut = topic_cut(rest)
        rest = rest[:cut[0]] if cut else rest
        people_of = _PEOPLE_OF.search(rest) if " of " in rest else None
        for iso3, end in _country_positions(rest, ref):
            tail = rest[end:end + 60]
            if PEOPLE_NOUNS.match(tail.lstrip(" ,")) or re.match(
                    r"\s*(?:and\s+[\w\s]+?\s+)?(?:counterparts?|officials?|delegations?)", tail) or (
                    _LISTED_PEOPLE.match(tail)) or (people_of and people_of.start() < end <= people_of.end() + 1):
                out.add(iso3)  # "… talks with the political directors of France, Germany and the UK"
        out |= _with_country(rest[:60], ref)  # "holds talks with China", not a later "with the UK"
        if ", and " in rest:  # "…, and France sent a patrol vessel" left in the act: France acts in it too
            out |= {iso3 for m in _JOINED_STATE.finditer(rest) if m[2] in VERB_FORMS
                    for iso3 in _countries_in(m[1], ref, expand_groups=False)}
        if " by " in rest and (agent := _DRAFTED_BY.search(rest)):
            # "adopts resolution 2793, drafted by the United States and Panama": the drafters act too
            out |= _countries_in(agent.group(1), ref, expand_groups=False)
        if "; " in rest:  # "…; Israeli air defences intercepted them": that state's forces act in it too
            out |= {iso3 for m in _FORCES_AFTER_SEMICOLON.finditer(rest)
                    if (iso3 := ref.country_by_adjective.get(fold(m[1])))}
        if pred.lemma in _BOTH_SIDES:  # "rams the Philippine vessel": the other side of a clash is a party;
            # "co-chaired the Philippines–Malaysia Joint Commission": its co-chairs are its two sides
            out |= {iso3 for iso3, _ in _country_positions(_first_clause(rest)[:80], ref)}
    return out


_HASHTAG = re.compile(r"#\w+")
_BOTH_SIDES = frozenset({"ram", "board", "collide", "co-chair"})
_FORCES_AFTER_SEMICOLON = re.compile(r";\s+([A-Z][a-z]+)\s+(?:air\s+defen[cs]es?|forces|troops|army|navy|military|"
                                     r"jets|warplanes|artillery)\s+(?:also\s+|then\s+)?(?:[a-z]+ed|shot|struck|hit)\b")
_JOINED_STATE = re.compile(r",\s+and\s+((?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s+(?:also\s+)?([a-z]+)\b")
# The states that wrote or brokered what was adopted or signed: actors of its adoption.
_DRAFTED_BY = re.compile(r"\b(?:drafted|sponsored|co-sponsored|proposed|tabled|put forward|brokered|mediated|"
                         r"transported|delivered|flown|donated|funded|financed)\s+by\s+"
                         r"((?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*(?:(?:,\s+|,?\s+and\s+)(?:the\s+)?"
                         r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)*)")
# People of the states listed after "of": the states whose people the act is done with.
_PEOPLE_OF = re.compile(r"\b(?:directors?|ministers?|officials?|counterparts?|delegations?|delegates|leaders?|"
                        r"envoys?|representatives?|diplomats?|negotiators?) of (?:the )?[A-Z][^;:.]{0,90}")
# "the Kishida Cabinet", "the Yoon government", "the Biden administration": a leader's government
_HEAD_GOVERNMENT = re.compile(r"\b([A-Z][\w'’-]+)\s+(?:[Cc]abinet|government|administration)\b")
_ORGAN_NAME = re.compile(r"[A-Z][\w.&'’-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w.&'’-]*)*")


def weapon_owner(subject: str, ref: Reference) -> set[str]:
    """"A Russian missile and drone strike hits …": the state whose weapons are the subject."""
    low = subject.lower()
    m = _WEAPON_SUBJECT.match(subject) if any(map(low.__contains__, _WEAPON_WORDS)) else None
    iso3 = ref.country_by_adjective.get(fold(m.group(1))) if m else None
    return {iso3} if iso3 else set()


_WEAPON_WORDS = ("missile", "drone", "strike", "shelling", "rocket", "artillery", "bomber", "warship", "jet",
                 "aircraft", "forces", "troops")  # what a _WEAPON_SUBJECT match holds: a cheap test first
_WEAPON_SUBJECT = re.compile(r"\s*(?:(?:A|An|The)\s+)?([A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s+(?:\w+\s+){0,3}?(?:missiles?|"
                             r"drones?|strikes?|airstrikes?|air strikes?|shelling|rockets?|artillery|bombers?|"
                             r"warships?|jets?|aircraft|forces|troops)\b")


def _state_organ(subject: str, ref: Reference) -> set[str]:
    """The state whose organ the subject names, when it names no state: "The Treasury Department on
    Tuesday sanctioned …", "The Diet enacted …", "The Kishida Cabinet approved …"."""
    for m in _ORGAN_NAME.finditer(subject):
        phrase = m.group(0)
        words = phrase.split()
        for i in range(len(words)):  # "The Treasury Department" -> "Treasury Department"
            iso3 = ref.state_bodies.get(fold(" ".join(words[i:])))
            if iso3:
                return {iso3}
    for word in subject.split() if "-" in subject else ():
        parts = word.strip("(),'’s").split("-")
        if len(parts) > 1 and all(fold(p) in ref.state_bodies for p in parts):
            return {ref.state_bodies[fold(p)] for p in parts}  # "The NASA-ISRO satellite": both agencies' states
    for m in _HEAD_GOVERNMENT.finditer(subject):
        states = {ref.people[pid].country for pid in ref.people_by_family.get(fold(m.group(1)), ())}
        if len(states) == 1 and "" not in states:
            return states
    return set()


def _with_country(text: str, ref: Reference) -> set[str]:
    out = set()
    for m in _WITH_NAME.finditer(text) if "with" in text else ():
        iso3 = ref.country_by_name.get(fold(m.group(1).removeprefix("the ")))
        if iso3:
            out.add(iso3)
    return out


_WITH_NAME = re.compile(r"\bwith\s+((?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)")
_HEAD_NAME = re.compile(r"\s*(?:[Tt]he\s+)?([A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*)?)")
_LISTED_NAME = re.compile(r"(?:,|\band)\s+([A-Z][\w.'’]*)")
_CAPITALIZED_PHRASE = re.compile(r"[A-Z][\w+-]*(?:\s+[A-Z][\w+-]*)*")


def _countries_in(text: str, ref: Reference, expand_groups: bool) -> set[str]:
    out = {iso3 for iso3, _ in _country_positions(text, ref)}
    head = _HEAD_NAME.match(text)
    name = re.split(r"['’]s\b", head.group(1))[0] if head else ""
    if name and fold(name) in ref.country_by_metonym:
        # "Seoul hosts …", "Tokyo and Manila agree …", "Manila's Department of Foreign Affairs lodged …"
        out.add(ref.country_by_metonym[fold(name)])
    for m in _LISTED_NAME.finditer(text) if "," in text or "and" in text else ():
        if fold(m.group(1)) in ref.country_by_metonym and not _TITLE_OBJECT.search(text[:m.start()]):
            out.add(ref.country_by_metonym[fold(m.group(1))])
    if expand_groups:
        for m in _CAPITALIZED_PHRASE.finditer(text):
            out.update(_group_members(m.group(0), ref))
    return out


def _group_members(phrase: str, ref: Reference) -> frozenset[str]:
    """Members of the groupings (expanded as actors) named inside a capitalized phrase."""
    cache = ref.cache("group_members")
    if phrase not in cache:
        members: set[str] = set()
        for word in _subphrases(phrase):
            g = ref.groupings.get(fold(word))
            if g and g.expand_as_actor:
                members |= set(g.members)
        cache[phrase] = frozenset(members)
    return cache[phrase]


def _subphrases(phrase: str) -> list[str]:
    words = phrase.split()
    return [" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, min(len(words), i + 4) + 1)]


_COUNTRY_TOKEN = re.compile(r"(?<![\w-])(?:the\s+)?([A-Z][\w.'’]*(?:\s+[A-Z][\w.'’]*){0,3})")


def _country_positions(text: str, ref: Reference) -> list[tuple[str, int]]:
    """(iso3, end offset) of each state named in text, including hyphenated 'US-Japan-ROK'."""
    out = []
    for m in _CAPITALIZED_CHUNK.finditer(text):
        chunk = m.group(0)
        if text.startswith("$", m.end()):
            continue  # "US$ 300 million", "NZ$40 million": a currency, not the state acting
        codes = _chunk_countries(chunk, ref)
        if not codes:
            continue
        if (len(codes) > 1 and _BORDER_AFTER.match(text, m.end())) or (
                fold(chunk) in ref.country_by_adjective and _PLACE_OF_STATE.match(text, m.end())):
            continue  # "the Pakistan-Afghanistan border", "the Swedish island of Gotland": where, not who
        if _AMERICANS.fullmatch(chunk) or _ethnic_compound(text, m.end()):
            continue  # "Japanese American leaders": an ethnic group, not a state
        org_state = _org_state(text, m, ref) if text.endswith(_OF_BEFORE, 0, m.start()) else None
        if org_state is not None:  # "the Organization of American States": a body's name, not the state
            if org_state in {"", "INT"}:
                continue
            codes = (org_state,)  # "the Bank of Japan": a body of that state
        possessive = chunk.endswith(("'s", "’s"))
        if possessive and _TERRITORY.match(text, m.end()):
            continue  # "enters Guyana's exclusive economic zone": the state whose ground it is, not an actor
        spoken_for = possessive and _SPOKESPERSON_FOR.search(text, max(0, m.start() - 40), m.start())
        if (_TITLE_OBJECT.search(text[:m.start()]) and not spoken_for) or (
                not possessive and _TOPIC_MODIFIER.match(text, m.end())):
            continue  # "Special Representative for North Korea", "North Korea nuclear envoys"
        out.extend((iso3, m.end()) for iso3 in codes)
    return out


_OF_BEFORE = ("of ", "for ", "of the ", "for the ")
_BORDER_AFTER = re.compile(r"\s+(?:border|frontier|boundary)\b")
_PLACE_OF_STATE = re.compile(r"\s+(?:island|port|city|town|village|region|province|coast|enclave|exclave|territory)\s+"
                             r"of\s+[A-Z]")
_TERRITORY = re.compile(r"\s+(?:(?:exclusive economic|contiguous|air defen[cs]e identification)\s+zone|EEZ|"
                        r"(?:territorial\s+)?waters|airspace|territory|soil|coast(?:line)?|shores?)\b")


def _org_state(text: str, m: re.Match[str], ref: Reference) -> str | None:
    """The state of the known state or organisation whose name the chunk ends ("Democratic Republic of the
    Congo" -> COD, "Organization of American States" -> INT), or None when the chunk is not inside one."""
    head = _ORG_HEAD.search(text, max(0, m.start() - 60), m.start())
    if not head:
        return None
    words = m.group(0).split()
    for n in range(len(words), 0, -1):
        for name in (f"{head.group(1)} {head.group(2)} {head.group(3) or ''}{' '.join(words[:n])}",
                     f"{head.group(1)} {head.group(2)} {' '.join(words[:n])}"):
            key = fold(name)
            state = ref.country_by_name.get(key) or ref.organizations.get(key)
            if state is not None:
                return state
    return None


_ORG_HEAD = re.compile(r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s+(of|for)\s+(the\s+)?$")
_CAPITALIZED_CHUNK = re.compile(r"[A-Z][\w.'’]*(?:[-–][A-Z][\w.'’]*)*(?:\s+[A-Z][\w.'’]*){0,2}")
_AMERICANS = re.compile(r"[A-Z]\w+[-\s]Americans?")


def _chunk_countries(chunk: str, ref: Reference) -> tuple[str, ...]:
    """The states a capitalized chunk names, in order ('US-Japan-ROK' -> USA, JPN, KOR)."""
    cache = ref.cache("chunk_countries")
    codes = cache.get(chunk)
    if codes is None:
        words = [w for w in re.split(r"[-–\s]+", chunk) if w]
        found = []
        i = 0
        while i < len(words):
            iso3, n = _longest_country_at(words, i, ref)
            if iso3:
                found.append(iso3)
            i += max(n, 1)
        codes = cache[chunk] = tuple(found)
    return codes


# "a spokesman for North Korea's defence ministry" speaks for that state's organ (unlike "Special
# Representative for North Korea", a title about the state).
_SPOKESPERSON_FOR = re.compile(r"\b(?:spokes(?:man|woman|person)|official|officials)\s+for\s+(?:the\s+)?$")
_TITLE_OBJECT = re.compile(r"\b(?:for|to|against|toward|towards|regarding|about|over|on)\s+(?:the\s+)?$")
_TOPIC_MODIFIER = re.compile(r"\s+(?:nuclear|policy|issues?|problems?|threats?|envoys?|affairs|question|"
                             r"sanctions|missiles?|provocations|denuclearization)\b")


def _longest_country_at(words: list[str], i: int, ref: Reference) -> tuple[str | None, int]:
    for n in range(min(3, len(words) - i), 0, -1):
        iso3 = _country_of_words(" ".join(words[i:i + n]), ref)
        if iso3:
            return iso3, n
    return None, 0


def _country_of_words(phrase: str, ref: Reference) -> str | None:
    cache = ref.cache("country_of_words")
    if phrase not in cache:
        key = fold(re.sub(r"['’]s$", "", phrase))
        cache[phrase] = ref.country_by_name.get(key) or ref.country_by_adjective.get(key)
    return cache[phrase]


def _ethnic_compound(text: str, end: int) -> bool:
    """'Japanese American leaders' names an ethnic group, not the state."""
    return bool(re.match(r"\s*[-\s]American\b", text[end:end + 12]))


# ----------------------------------------------------------------------------- location

_LOC = re.compile(
    r"\b(?:in|at|near|into|through|across|around|transit(?:s|ed)?|off(?: the (?:shore|coast) of)?|outside|inside|"
    r"^In(?=\s[^,]{1,40},)|(?<=[.!?]\s)In(?=\s[^,]{1,40},)|"  # "In Caracas, President Maduro orders …"
    r"visit(?:s|ed|ing)?|(?:visit|trip|tour) to|toured|reach(?:es|ed)|"
    r"travel(?:s|l?ed|l?ing)? to|(?:flies|flew|fly) to|"
    r"(?:sidelines|margins|centre|center|outskirts|suburbs|town|village|city|district|province|port|station|"
    r"general area|seabed|sea ?floor|waters) of|"  # ("the seabed of the Baltic Sea", "the territorial waters of …")
    r"(?P<toward>(?:fired|launched)\s+(?:[\w-]+\s+){0,5}?towards?)|"  # "rockets fired … toward Metula": the target
    r"(?:strikes?|attacks?|raids?|shelling|bombing|bombardment|assault|offensive) (?:on|of|against)|"
    r"arrives? in|(?<=[Gg]overnor )of|(?P<weak>on|to|from|over|hit|struck|shelled|bombed|raided))\s+(?:the\s+)?"
    r"(?:(?P<region>northern|southern|eastern|western|central|north-?eastern|north-?western|south-?eastern|"
    r"south-?western)\s+)?"  # "in southern Israel": the state
    r"(?P<place>[A-ZÀ-Þ][\w.'’-]*(?:\s+(?:[A-ZÀ-Þ][\w.'’-]*|(?:of(?:\s+the(?=\s+[A-Z]))?|de|du|la)\b))*(?:,\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)?)"
    r"(?![$€£¥])")  # ("at US$38 million": a currency)
_STRUCK = frozenset({"hit", "struck", "shelled", "bombed", "raided"})
_TROOPS_SENT = re.compile(r"\b(?:deploy(?:s|ed)?|redeploy(?:s|ed)?|dispatch(?:es|ed)?|sen[dt]s?|moved?)\s+"
                          r"(?:[\w,-]+\s+){0,4}?(?:soldiers|troops|forces|personnel|units|battalions?|brigades?|"
                          r"police(?:men)?|officers)\s*$")
# What strikes a place, so that the place struck is where the event happened (not "sanctions hit Russia").
_STRIKER = re.compile(r"\b(?:earthquake|quake|tremor|cyclone|typhoon|hurricane|storm|tsunami|floods?|landslide|"
                      r"explosion|blast|missiles?|rockets?|drones?|shells?|air ?strikes?|bombs?|artillery)\b", re.I)
# After "on", "to" or "from" a place is the venue only if it is a site rather than a state or city: "on Iwo
# Jima", "a resupply run to Second Thomas Shoal", "fired from the Sunan area" (not "pressure on Taiwan",
# "aid to Ukraine", "officials from Tokyo").
_SITE_KINDS = frozenset({"island", "base", "venue", "body_of_water"})
_TOWN_KINDS = frozenset({"city", "capital"})
# A building named as where an act took place: finer than the town also named.
_BUILDING = re.compile(r"\b(?:Palace|House|Hall|Guesthouse|Hotel|Secretariat|Headquarters|Museum|Stadium|Chancellery|"
                       r"Kremlin|Castle|Mausoleum|Buildings|Port)\b")
# Goods delivered "to" a place: there the help arrived ("delivered 50 tonnes of relief goods to Cotabato City")
_DELIVERED_BEFORE = re.compile(r"\bdelivered\s+(?:[\w,.-]+\s+){1,6}$")
_BUILDING_KIND_AFTER = re.compile(r"\s+(?:residence|palace|port)\b")
_DATE_BEFORE = re.compile(r"\b(?:\d{1,2}\s+[A-Z][a-z]+(?:\s+\d{4})?|[A-Z][a-z]+\.?\s+\d{1,2}(?:,\s+\d{4})?)$")
_NEXT_CLAUSE = re.compile(r",\s+and\s|;")
_AFTER_CLAUSE = re.compile(r"\b(?:following|after)\s+(?:the|a|an|its|their|last|this)\b")
NOT_PLACES = re.compile(
    r"^(?:Washington['’]s|January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Congress|Parliament(?!\s+(?:House|Buildings))|English|Japanese|Korean|Chinese|Russian|"
    r"Government(?!\s+(?:House|Guesthouse|Palace|Headquarters|Buildings))|Ministry|"  # (the buildings are venues)
    r"(?:Court|Senate|Embassy)$|"  # "at the Court in Brasília": a body, the place is the city
    r"Christmas|Easter|Ramadan|Eid|Diwali|Thanksgiving|Hanukkah|Passover|Lunar New Year|New Year)\b")



@dataclass(frozen=True)
class Location:
    name: str
    place: Place | None


def find_location(text: str, ref: Reference) -> Location | None:
    """The finest place the event happened: 'in Palo Alto, California' -> Palo Alto (not a place in a
    clause about something else: '…, the day Blinken arrived in Seoul')."""
    cut = topic_cut(text)
    if cut and cut[1].endswith("when") and _DATE_BEFORE.search(text, max(0, cut[0] - 20), cut[0]):
        # "the attack of 7 October 2023, when Hamas killed … in southern Israel, and we …": that day's act told
        text = text[:m.start()] if (m := _NEXT_CLAUSE.search(text, cut[0] + 1)) else text
    elif cut and re.match(r",\s+(?:the|when|as|while|before|days?)\b", cut[1]):
        text = text[:cut[0]]
    # "… provides aid following the landslide in Enga Province": that place is the other event's.
    after = _AFTER_CLAUSE.search(text, 1) if "after " in text or "following " in text else None
    lead_end = after.start() if after else len(text)
    candidates: list[Location] = []
    sites: list[Location] = []
    contained: set[str] = set()
    named_body: set[str] = set()
    buildings: set[str] = set()  # unknown names followed by a building's kind: "the Kuksaroy residence"
    fallback: list[Location] = []  # "fired … toward Metula" (the launch site comes first), "in southern Israel"
    for m in _LOC.finditer(text, 0, lead_end):
        if text.startswith("–", m.end("place")) and text[m.end("place") + 1:m.end("place") + 2].isupper():
            continue  # "at the Brazil–Colombia Business Forum": the states name the forum, not where it is
        loc = _resolve_place(m["place"], ref)
        unknown = None
        if loc is None and (not m["weak"] or _PLACE_KIND_AFTER.match(text, m.end("place"))) and (
                unknown := _unknown_place(m, text, ref)):
            loc = unknown
        if loc is None:
            continue
        if unknown is not None and _BUILDING_KIND_AFTER.match(text, m.start("place") + len(unknown.name)):
            buildings.add(unknown.name)
        if m["toward"] or m["region"]:  # only when nothing else says where; never inside what is reported
            if " that " not in text[:m.start()]:
                fallback.append(loc)
            continue
        if loc.place is not None and ref.organizations.get(fold(m["place"].split(",")[0].strip(" ."))) == "INT":
            named_body.add(loc.name)  # "the Shanghai Cooperation Organisation summit": Shanghai names the body
        if loc.place is None and _known_place_after(text[m.start("place") + len(loc.name):], ref, loc.name):
            contained.add(loc.name)  # "at Parliament House in Canberra", "the Rovajärvi training area near Rovaniemi"
        if not m["weak"] or loc.name in contained or (m["weak"] in _STRUCK and _STRIKER.search(text, 0, m.start())) or (
                m["weak"] == "to" and (_TROOPS_SENT.search(text, max(0, m.start() - 80), m.start()) or (
                    _DELIVERED_BEFORE.search(text, max(0, m.start() - 60), m.start())))):
            # (a weak one too when a known place holds it: "from the Ryokpho district of …", or the place a
            # quake or a missile hit: "an earthquake struck Port Vila", or where troops were sent: "deployed 500
            # soldiers to Khiam")
            candidates.append(loc)
        elif loc.name != m["place"].split(",")[0].strip(" ."):
            continue  # "following up on the Camp David Summit": the place names something else
        elif (loc.place is not None and loc.place.kind in _SITE_KINDS) or unknown or (
                m["weak"] == "from" and re.match(r"(?:the\s+)?\S+(?:\s+\S+)?\s+area\b", text[m.start("place"):])):
            sites.append(loc)
    # "near Mana in Uttarakhand": the unknown place inside a known one is the finer.
    inside = [c for c in candidates if c.place is None and c.name in contained]
    candidates = inside or candidates or sites or fallback or [
        loc for m in _ATTRIBUTIVE_PLACE.finditer(text, 0, lead_end) if (loc := _resolve_place(m["place"], ref))]
    if not candidates:
        return None
    known = [c for c in candidates if c.place is not None]
    if known and all(c.place.kind in _TOWN_KINDS for c in known) and (
            building := next((c for c in candidates if c.place is None and (
                _BUILDING.search(c.name) or c.name in buildings)), None)):
        return building  # "held talks in Helsinki with …, at the House of the Estates": the building is finer
    pool = known or candidates
    finest = [c for c in pool if c.place is None or c.place.kind not in {"country", "region"}]
    if named_body and len(finest) > 1:  # "… Organisation summit in Tianjin": the other place is the venue
        finest = [c for c in finest if c.name not in named_body] or finest
    return (finest or pool)[0]


def fronted_place(subject: str, ref: Reference) -> Location | None:
    """A known place set before the actor, finer than a state: "On 7 April, in São Paulo, President X …"."""
    m = _FRONTED_PLACE.search(subject) if "n " in subject else None
    loc = _resolve_place(m["place"], ref) if m else None
    return loc if loc and loc.place and loc.place.kind not in {"country", "region"} else None


# ("On 7 April, in São Paulo, …", "In Mombasa, …"): a place between commas, or opening the text
_FRONTED_PLACE = re.compile(r"(?:^|,\s+)[Ii]n\s+(?:the\s+)?(?P<place>[A-ZÀ-Þ][\w.'’-]*(?:\s+[A-ZÀ-Þ][\w.'’-]*){0,2}),")


def _known_place_after(after: str, ref: Reference, name: str = "") -> bool:
    inside = _IN_PLACE_AFTER.match(after)
    if inside is None and name.endswith(_FACILITY_KINDS):  # a site "near" a town is the finer place
        inside = _NEAR_PLACE_AFTER.match(after)
    return bool(inside and ref.places.get(fold(inside.group(1))))


_FACILITY_KINDS = ("training ground", "training area", "proving ground", "range", "airport", "prison", "temple")
_NEAR_PLACE_AFTER = re.compile(r"\s+near\s+(?:the\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")


def _unknown_place(m: re.Match[str], text: str, ref: Reference) -> Location | None:
    """A place the gazetteer lacks, where the words around it say it is one: "the railway station in
    Quetta", "the centre of Dobropillia", "near Mana in Uttarakhand"."""
    name = re.split(r"[.]\s|['’]s\b", m["place"], maxsplit=1)[0].split(",")[0].strip(" .")
    words = name.split()
    after = text[m.start("place") + len(name):]
    kind_after = _PLACE_KIND_AFTER.match(after)
    if not 0 < len(words) <= (3 if kind_after else 2) or NOT_PLACES.match(name) or _EVENT_NAME_END.search(name) or (
            _names_something_else(name, ref)):
        return None
    if (_SETTLEMENT_BEFORE.search(text, max(0, m.start() - 30), m.start("place")) or _known_place_after(after, ref)
            or _SET_APART_KIND.match(after)
            or kind_after or text.startswith(("near ", "around "), m.start())
            or _HARM_BEFORE.search(text, max(0, m.start() - 40), m.start() + 3)):
        if kind_after and kind_after["facility"]:  # "the Obuz-Lesnovsky training ground", "Rzeszów-Jasionka
            return Location(name + kind_after.group(0), None)  # airport": not the village of that name
        return Location(name, None)
    return None


def _names_something_else(name: str, ref: Reference) -> bool:
    key = fold(name)
    return (key in ref.organizations or key in ref.country_by_adjective or key in ref.country_by_name
            or key in ref.people_by_family or key in ref.people_by_alias or key in ref.groupings)


_EVENT_NAME_END = re.compile(r"\b(?:Dialogue|Summit|Conference|Forum|Meeting|Talks|Session|Week|Games|Expo|Festival|"
                             r"Congress|Assembly|Council|Ceremony|Parade|Exercise|Drills?)$")
# A settlement or a site before the preposition: the unknown name after it is a place.
_SETTLEMENT_BEFORE = re.compile(
    r"\b(?:village|town|city|district|province|port|airport|station|hospital|market|camp|base|centre|center|"
    r"outskirts|suburbs?|region|county|prefecture|residence|palace|compound|prison|embassy|general area)"
    r"\s+(?:of|in|near|at|outside)"
    r"\s+(?:the\s+)?$")
# The kind of place after an unknown name: "Sisaket province", "La Orchila island", "the Ndjala site".
_PLACE_KIND_AFTER = re.compile(r"\s+(?:province|department|district|region|territory|island|site|camp|village|town|"
                               r"mosque|county|prefecture|municipality|commune|locality|palace|centre|residence|port|"
                               r"(?P<facility>temple|airport|prison|training (?:ground|area|range)|proving ground|"
                               r"(?:firing|test|shooting) range))\b")
# Harm done right before "in": the unknown name after it is where ("were killed in Yelwata").
_HARM_BEFORE = re.compile(r"\b(?:killed|wounded|injured|died|massacred|clashed|displaced|abducted|kidnapped)\s+in\s")
# A place's kind set apart after its name: "Kazarman, a village in Jalal-Abad region", "Aktau, a port on the Caspian"
_SET_APART_KIND = re.compile(r",\s+an?\s+(?:[\w-]+\s+)?(?:village|town|city|district|port|settlement|hamlet|suburb|"
                             r"township|border crossing)\b")
# A known place holding the one before: "Awdheegle, in Lower Shabelle", "the Ponta Vermelha palace in Maputo",
# "the Ryokpho district of Pyongyang".
_PLACE_KINDS = (r"(?:palace|district|village|town|township|suburb|neighbou?rhood|quarter|area|province|region|county|"
                r"port)")
# ("Kazarman, a village in Jalal-Abad region", "near Murghab, up in Gorno-Badakhshan")
_IN_PLACE_AFTER = re.compile(rf"(?:(?:\s+{_PLACE_KINDS})?,?\s+(?:(?:up|down|out|over)\s+)?in|\s+{_PLACE_KINDS}\s+of|"
                             rf",\s+an?\s+(?:[\w-]+\s+)?{_PLACE_KINDS}\s+(?:in|of|near))\s+(?:the\s+)?"
                             r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")
# "A Seoul court sentenced …": a city named before the institution that acted.
_ATTRIBUTIVE_PLACE = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+(?P<place>[A-Z][\w'’-]+)\s+(?:district |high |appeals? )?"
                                r"(?:court|hospital|police|prosecutors?)\b")


def election_place(text: str, ref: Reference) -> Location | None:
    """The state whose vote it is: "Ecuador's general election", "Germany's snap federal election",
    "Greenland voted on 11 March", "Venezuela holds legislative elections"."""
    m = _STATE_VOTE.search(text) if "'s " in text or "’s " in text else None
    m = m or _STATE_VOTES.match(text)
    iso3 = (ref.country_by_name.get(fold(m.group(1))) or _people_of(m.group(1), ref)) if m else None
    if not iso3:
        return None
    name = ref.countries[iso3].name if fold(m.group(1)) not in ref.country_by_name else m.group(1)
    return Location(name, ref.places.get(fold(name)))


def _people_of(word: str, ref: Reference) -> str | None:
    """The state whose people a plural demonym names: "Mozambicans" -> MOZ."""
    return ref.country_by_adjective.get(fold(word[:-1])) if word.endswith("ns") else None


_STATE_VOTES = re.compile(r"(?:On\s[^,]{1,30},\s+)?([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})\s+(?:votes|voted|holds|held|"
                          r"(?:goes|went) to the polls)\b")
_STATE_VOTE = re.compile(r"\b([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})['’]s\s+(?:[\w-]+\s+){0,3}?(?:election|elections|"
                         r"runoff|run-off|referendum|vote|polls)\b")


def host_location(subject: str, ref: Reference) -> Location | None:
    """The venue a hosting subject names: "Seoul hosts …" -> Seoul (a subject that is only a place)."""
    m = _PLACE_SUBJECT.fullmatch(subject.strip())
    if not m:
        return None
    place = ref.places.get(fold(m.group(1)))
    return Location(m.group(1), place) if place else None


_PLACE_SUBJECT = re.compile(r"(?:the\s+)?([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2})")


_VENUE_WORDS = (r"(?:University|Headquarters|Island|Islands|Base|Camp|Air Station|Palace|House|Guesthouse|Hall|Center|"
                r"Centre|Hotel|Port|Harbor|Harbour|Airport|Province|Prefecture|County|District|Oblast|Governorate|Shoal|"
                r"Reef|Strait|Peninsula|Secretariat|Mausoleum|Buildings)")
_VENUE_WORD = re.compile(rf"\b{_VENUE_WORDS}\b")
_VENUE_END = re.compile(r"\b(?:Museum|Stadium|Palace|Hall|Guesthouse|Hotel|Centre|Center|University|Mausoleum)$")


def _resolve_place(phrase: str, ref: Reference) -> Location | None:
    phrase = re.split(r"[.]\s", phrase, maxsplit=1)[0]  # a place ends its sentence: "in Manila.\n\nKamikawa …"
    phrase = re.sub(r"['’]s$", "", phrase.strip(" ,."))
    if NOT_PLACES.match(phrase):
        return None
    head = phrase.split(",")[0].strip()
    words = head.split()
    for n in range(len(words), 0, -1):  # longest known place at the start of the phrase
        cand = " ".join(words[:n])
        place = ref.places.get(fold(cand))
        if place and not (len(cand) <= 3 and not cand.isupper() and fold(place.name) != fold(cand)):
            if n < len(words) and _VENUE_END.search(head):
                return Location(head, None)  # "the Gyeongju National Museum": the venue, finer than its city
            return Location(cand, place)  # (not "La Orchila" as "LA", Los Angeles)
    for n in range(len(words), 0, -1):  # "the Economic Club of New York": the place inside a venue name
        for i in range(1, len(words) - n + 1):
            cand = " ".join(words[i:i + n])
            place = ref.places.get(fold(cand))
            if place and place.kind not in {"country"} and words[i - 1] in {"of", "in"}:
                return Location(cand, place)
    if fold(head) in ref.organizations or fold(head) in ref.country_by_adjective or len(words) > 4:
        return None
    if _VENUE_WORD.search(head) or "," in phrase:
        return Location(head, None)
    return None
