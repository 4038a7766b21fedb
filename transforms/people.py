"""People in report text: find name mentions with their titles, give each the country it acts
for, and resolve every form of a name to one canonical identity."""

from __future__ import annotations

import hashlib
import re as _stdre
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import accumulate, compress, pairwise
from operator import itemgetter, or_
from typing import NamedTuple

from rapidfuzz import fuzz

from transforms import _regex as re
from transforms.reference import Person, Reference, fold

# Capitalized words that belong to titles, ranks and offices, never to a person's name.
TITLE_WORDS = frozenset("""
president vice prime minister ministers secretary secretaries under assistant deputy senior state foreign
defense defence affairs commander commanding command general gen adm admiral governor gov lieutenant lt
governors senator sen rep representative representatives ambassador chairman chairwoman chair chief director
directors ceo coo cfo founder special envoy adviser advisor advisers advisors national security council
commissioner head leader speaker mayor judge justice first lady crown prince princess king queen emperor
empress dr mr ms mrs sir dame parliamentary vice-minister vice-ministers trade economy industry commerce
finance treasury energy interior home justice attorney cabinet spokesperson spokesman spokeswoman press
secretary-general director-general officer colonel col major maj captain capt sergeant sgt pvt cpl spc pfc marshal
commandant chancellor premier councilor councillor counselor counsellor executive member members
congressman congresswoman lawmaker senior-level principal undersecretary cabinet-level delegate
ministry department agency office bureau committee commission board staff corps forces force army navy
air fleet marine marines coast guard self-defense sdf pacific indo-pacific strategic joint chiefs
house senate congress diet assembly parliament party bank university institute foundation chamber
association council conference group meeting summit dialogue forum week award awards club company
corporation inc co ltd times post news agency service services administration government cooperation
economic growth environment development policy public diplomacy international relations global
peninsula peace trilateral bilateral multilateral working task team initiative framework program
programme partnership alliance treaty agreement memorandum statement declaration plan strategy
exercise exercises drill drills operation operations mission headquarters base camp station
command/combined cyber space science technology innovation health education culture cultural
educational interchange information manipulation countering asian oceanian east west north south
northeast southeast central western eastern northern southern region regional world united nations
american japanese korean chinese unification reunification prosecutor prosecutors court supreme high
district federal republic democratic people's liberal social socialist communist workers labor labour
year years the of for and on to in at with by from former acting incoming outgoing then-
business consultative humanitarian assistance citizen leaders principles counterterrorism goalkeepers
secretariat island islands strait sea bay prefecture province city county state states capital summit summits
center centre council's ceremony conference's airport port station university college school museum
terrorism financial intelligence climate change arms control digital nonproliferation non-proliferation
disarmament political military cyber maritime oceans environmental sanctions export legislative management
resources human rights democracy refugees migration narcotics enforcement consular agriculture fisheries
transport transportation infrastructure tourism welfare veterans homeland commodore brigadier
negotiator negotiators mediator lord lady baroness emir sultan commonwealth hon honourable honorable rt
repatriation abroad diaspora integration mines petroleum hydrocarbons housing employment youth sports gender
planning communications telecommunications aviation
fm pm pres mfa
coordinator emergency relief intergovernmental authority investment
""".split()) | frozenset("excellency mawlawi maulvi mullah syed sayyid ratu".split())  # honorifics before a name
# (TITLE_WORDS' last line: a post's short forms, "Uzbek FM", "Deputy FM", "PM", "Pres.", "MFA spokesperson")
CONNECTORS = frozenset({"of", "for", "the", "on", "and", "to", "at", "de", "del"})
# Lowercase words that may sit inside a title ("Senior deputy Foreign Minister", "chief nuclear envoy").
LOWER_TITLE_WORDS = frozenset("""
deputy vice senior chief special nuclear envoy envoys director general head representative minister secretary
adviser advisor commissioner official spokesperson spokesman president chairman leader ambassador
counterpart counterparts foreign defense defence security national presidential prime affairs
director-general secretary-general of for the and trade economic first advisors advisers ministers
envoys officials representatives secretaries leaders directors heads chiefs commissioners ambassadors to
charge chargé d'affaires d’affaires
""".split())
HONORIFICS = re.compile(
    r"^(?:H\.E\.\s+)?(?:Dr\s+)?"  # ("H.E. Dr Jo Roe", "H.E. General …")
    r"(?:General|Gen\.|Admiral|Adm\.|Lt\.? Gen\.|Lieutenant General|Maj\.? Gen\.|Major General|Vice Admiral|"
    r"Vice Adm\.|Rear Admiral|Rear Adm\.|Colonel|Col\.|Captain|Capt\.|Dr\.|Mr\.|Ms\.|Mrs\.|Sir|Dame|Gov\.|"
    r"Sen\.|Rep\.|Amb\.|Prof\.|Professor|Marshal|Air Chief Marshal|H\.E\.|Dr)\s+")
# A name token: "Kishida", "Duck-soo", "LaCamera", "O'Brien", an initial "C.", or "Jr."
# Letters beyond ASCII ("Traoré", "Muñoz", "Łukasz"): Latin-1 and Latin Extended-A, whose case alternates.
UPPER = "A-ZÀ-ÖØ-Þ\u0100-\u017f"
LOWER = "a-zß-öø-ÿ\u0100-\u017f"
NAME_TOKEN = (rf"(?:[{UPPER}][{LOWER}]+(?:[-'’][{UPPER}{LOWER}]+)*|[{UPPER}][{LOWER}]*[{UPPER}][{LOWER}]+|"
              rf"Mc[A-Z][a-z]+|(?:al|el|ad|as|ash|az|bin|ibn|abu)-[{UPPER}][{LOWER}]+|[A-Z]\.(?!\w))")
TOKEN = re.compile(
    r"(?:Gen|Adm|Gov|Sen|Rep|Dr|Mr|Ms|Mrs|Jr|Sr|St|Lt|Col|Capt|Maj|Sgt|Pvt|Cpl|Amb|Prof|Hon|Pres)\.|[A-Z]\.(?!\w)"
    r"|[^\W\d_][\w'’-]*\w|[^\W\d_]|[,()&/;:“”\"]")
# Role nouns: a lone surname needs a title with one of these to count as a person.
ROLE_WORDS = re.compile(
    r"\b(?:president|minister|secretary|ambassador|governor|gov|senator|sen|rep|representative|commander|"
    r"commandant|general|gen|admiral|adm|chair|chairman|chairwoman|ceo|director|envoy|adviser|advisor|"
    r"leader|chief|head|spokesperson|spokesman|speaker|mayor|premier|chancellor|king|queen|emperor|prince|"
    r"commissioner|counselor|councilor|official|lawmaker|judge|justice|dr|mr|ms|mrs|secretary-general|"
    r"director-general|vice-minister|undersecretary|captain|colonel|officer|pvt|sgt|cpl|private|sergeant|"
    r"coordinator|rapporteur|negotiator|mediator|administrator|prosecutor|emir|sultan|sheikh|excellency|"
    r"charg[eé] d['’]affaires|(?-i:FM|PM|Pres))s?\b",
    re.IGNORECASE)
MONTH_WORDS = frozenset("jan january feb february mar march apr april may jun june jul july aug august sep sept "
                        "september oct october nov november dec december monday tuesday wednesday thursday "
                        "friday saturday sunday".split())
# "Two Rounds and a Royal Welcome": a number word before a capitalised noun counts it; it names no one.
_NUMBER_WORDS = frozenset("two three four five six seven eight nine ten eleven twelve".split())
STOP_CAPS = frozenset("""
a an the this that these those it its he she they their his her we our both all each some many most
later earlier after before following then also however meanwhile despite during while when where since
sept dec oct nov jan feb aug apr jun jul mar osprey hwasong icbm slbm apec asean quad g7 g20 unga
media newspaper reports report statement joint communique photo figure is are was were media
one dozens hundreds thousands today yesterday tomorrow tonight friend friends
casualties belligerents commanders
""".split()) | _NUMBER_WORDS


@dataclass(frozen=True)
class Mention:
    """A person named in text: `name` as written (no title), `title` as written (may be '')."""

    name: str
    title: str
    start: int  # offset of the name in the text searched
    end: int
    country_hint: str | None = None


@dataclass
class ResolvedPerson:
    participant_id: str
    canonical_name: str
    country: str | None
    in_reference: bool


@dataclass
class PeopleContext:
    """What a report has taught us so far: full names seen, keyed by folded family name."""

    by_family: dict[str, ResolvedPerson] = field(default_factory=dict)
    aliases: dict[str, set[str]] = field(default_factory=dict)  # participant_id -> forms seen
    report_countries: tuple[str, ...] = ()
    # How the report writes the Japanese names the reference knows: [family first, given first].
    # Reports keep one convention, so it decides the order of the Japanese names it does not know.
    japanese_order: list[int] = field(default_factory=lambda: [0, 0])
    canonical_of: dict[str, str] = field(default_factory=dict)  # an unknown name as written -> its canonical form


@lru_cache(maxsize=1 << 12)
def participant_id(canonical_name: str) -> str:
    return "p_" + hashlib.sha256(fold(canonical_name).encode()).hexdigest()[:16]


# ----------------------------------------------------------------------------- mention finding

def find_mentions(text: str, ref: Reference, ctx: PeopleContext | None = None,
                  scanned: Scan | None = None) -> list[Mention]:
    """Every person named in `text`, with the title printed before (or in apposition after) it.
    `scanned`: scan(text, ref), when the caller has it (see sub_scan)."""
    tokens, name_ok, _, spaced, may_start = scanned or scan(text, ref)
    n = len(tokens)
    out: list[Mention] = []
    j = 0
    for i in compress(range(n), may_start):
        if i < j or not (name_ok[i] or _korean_family_particle(tokens, i)):
            continue  # inside the previous run, or not a family name after all
        j = i + 1
        while j < n and spaced[j] and (name_ok[j] or (tokens[j][0] in _RUN_WORDS and (
                _korean_family_particle(tokens, j) or _name_particle(tokens, j, ref)
                or _surname_like_title(tokens, j, ref) or tokens[j][0] in REGNAL_NUMBERS))):
            j += 1
        a, b = _trim_run(tokens, i, j, ref)
        if b > a and a > 0 and spaced[a] and tokens[a - 1][0][:1].isupper() and (
                tokens[a - 1][0].lower() in CONNECTORS) and _known_name(tokens[a - 1:b], ref):
            a -= 1  # "General Secretary To Lam": a given name that is also a word ("To") before a known name
        long_enough = b - a >= 3 or (b - a == 2 and fold(tokens[a + 1][0]) in ref.people_by_family)
        if long_enough and a > 0 and tokens[a - 1][0] in {"for", "of"}:
            a += 1  # "Envoy for Climate John Kerry": the first word still belongs to the title
        if b - a == 1 and b < n and spaced[b] and is_title_word(tokens[b][0]) and tokens[b][0][:1].isupper():
            continue  # "European Commissioner Jessika Roswall", "Arab League Secretary-General": a title's word
        if b > a:
            run = tokens[a:b]
            name = re.sub(r"['’]s$", "", text[run[0][1]:run[-1][2]])  # "Kishida's Liberal Democratic Party"
            for tok, s, e in run:
                if tok != text[s:e]:  # a surname written in capitals: "Ayman SAFADI" -> "Ayman Safadi"
                    name = name.replace(text[s:e], tok)
            title_start = _title_start(tokens, a, text, spaced)
            raw_title = text[title_start:run[0][1]].strip(" ,")
            title = _title_of(raw_title) if raw_title else ""
            if not title:
                title = _appositive_title(text, run[-1][2], ref)
                if title and fold(name) in ref.places and fold(name) not in ref.people_by_family:
                    continue  # "Also in Geneva, the Prime Minister of …, Judith Suminwa": a place, then its people
            if not title and out:
                title = _shared_list_title(text, out[-1], run[0][1])
            if not title and (before := _role_before(text, run[0][1], ref)) and before[:1].isupper():
                title = before  # "the Prime Minister of the Democratic Republic of the Congo, Judith …"
            bare = _without_styles(name)  # ("Dato'" alone: a style, no one)
            if bare and _plausible_person(name, title or raw_title, text, run[0][1], ref, ctx):
                out.append(Mention(_clean_name(bare), title, run[0][1], run[0][1] + len(name)))
    if "@" in text:  # a cheap test first: most texts have no handles
        out = sorted(out + _handle_mentions(text, ref, ctx, {m.start for m in out}), key=lambda m: m.start)
    return out


# A social-media handle: "@SecRubio", "@jo_roe_mp"
_HANDLE = re.compile(r"(?<![\w.])@([A-Za-z][A-Za-z0-9_]{2,30})\b")
_HANDLE_WORD = re.compile(r"[A-Z][a-z]+")


def _handle_mentions(text: str, ref: Reference, ctx: PeopleContext | None, taken: set[int]) -> list[Mention]:
    """The person a handle spells by family name ("@SecRubio": Rubio), when that name is one person's: the
    reference's only holder of it, or someone the report has named in full."""
    out = []
    for m in _HANDLE.finditer(text):
        for word in reversed(list(_HANDLE_WORD.finditer(m[1]))):
            key = fold(word[0])
            if (len(ref.people_by_family.get(key, [])) == 1 or (ctx is not None and key in ctx.by_family)) and (
                    not is_title_word(word[0])):
                start = m.start(1) + word.start()
                if start not in taken:
                    out.append(Mention(word[0], "", start, start + len(word[0])))
                break
    return out


class Scan(NamedTuple):
    """A text's tokens, whether each is a name word, their start offsets (for bisect), whether
    only whitespace separates each from the token before (False for the first), and whether each
    may start a name run (a name word or a Korean family name: most tokens are neither)."""

    tokens: list[tuple[str, int, int]]
    names: list[bool]
    starts: list[int]
    spaced: list[bool]
    may_start: list[bool]


def scan(text: str, ref: Reference) -> Scan:
    tokens, gaps = _tokens_and_gaps(text)
    if _CAPS_AFTER_NAME.search(text):  # a cheap test first: few texts write surnames in capitals
        tokens = _title_case_surnames(text, tokens, gaps, ref)
    # The gaps are asked about many times (each act scans its part again): test each once.
    spaced = [False, *map(str.isspace, gaps[1:len(tokens)])][:len(tokens)]
    if "\n\n" in text:  # a name does not run on across a blank line ("via Agerpres" over a headline)
        spaced = [sp and "\n\n" not in gap for sp, gap in zip(spaced, gaps, strict=False)]
    names = _name_words(tokens, ref)
    if " bin " in text or " ibn " in text:  # a cheap test first
        names = _given_name_titles(tokens, names)
    # Once per document: each act's find_mentions asks again about its part (see sub_scan).
    may_start = list(map(or_, names, map(KOREAN_FAMILY.__contains__, map(itemgetter(0), tokens))))
    return Scan(tokens, names, list(map(itemgetter(1), tokens)), spaced, may_start)


def _given_name_titles(tokens: list[tuple[str, int, int]], names: list[bool]) -> list[bool]:
    """"Dr Sultan bin Saad Al-Muraikhi": a title word right before a patronymic ("bin", "ibn") is the person's
    own given name (a ruler's title comes before his name: "Sultan Haitham bin Tariq")."""
    out = names
    for k in range(len(tokens) - 1):
        if not names[k] and tokens[k + 1][0] in _PATRONYMIC and tokens[k][0] in _TITLE_GIVEN_NAMES:
            out = out if out is not names else list(names)
            out[k] = True
    return out


_PATRONYMIC = frozenset({"bin", "ibn", "bint"})
_TITLE_GIVEN_NAMES = frozenset({"Sultan", "Amir", "Emir", "Sheikh"})


# A cable's way of writing names: "Foreign Minister Ayman SAFADI", "Thomas R. WHELAN", "King ABDULLAH II"
_CAPS_AFTER_NAME = re.compile(rf"\b[{UPPER}][{LOWER}]*\.?[ \t]+[A-Z]{{3,}}(?:-[A-Z]{{2,}})?\b")
_CAPS_WORD = _stdre.compile(r"[A-Z]{2,}(?:-[A-Z]{2,})?")


_ADDRESS_FORMS = frozenset({"Mr.", "Ms.", "Mrs.", "Dr.", "Mr", "Ms", "Mrs", "Dr"})


def _caps_token_indices(text: str, starts: list[int]) -> Iterator[int]:
    """The indices (from 1) of the tokens that open with two capitals, found in `text` by a pattern."""
    for m in _CAPS_OPENING.finditer(text):
        k = bisect_left(starts, m.start())
        if 0 < k < len(starts) and starts[k] == m.start():
            yield k


_CAPS_OPENING = _stdre.compile(r"(?<![A-Z])[A-Z]{2}")


def _title_case_surnames(text: str, tokens: list[tuple[str, int, int]], gaps: list[str], ref: Reference
                         ) -> list[tuple[str, int, int]]:
    """Tokens with a surname written in capitals title-cased ("SAFADI" -> "Safadi", "EL-SISI" -> "El-Sisi"),
    so the name scanner sees a name: one after a given name, an initial or a title ("Ayman SAFADI", "Thomas R.
    WHELAN", "King ABDULLAH"), or a surname the reference knows after any capitalised word ("Israel KATZ");
    then every lone use of a surname so written ("SAFADI's tone"). An acronym the reference knows stays."""
    surnames, known = set(), set()
    starts = list(map(itemgetter(1), tokens))
    for k in _caps_token_indices(text, starts):  # (not every token: a cable's text has thousands)
        word, before = tokens[k][0], tokens[k - 1][0]
        if len(word) < 3 or not _CAPS_WORD.fullmatch(word) or not gaps[k].isspace() or not (
                before[:1].isupper() and (before[1:2].islower() or before[1:] == ".")):
            continue
        if before in _ADDRESS_FORMS:
            continue  # "Ms. WARSAME said": a meetings record's speaker label (see extract._paragraph_speaker)
        key = fold(word)
        if key in ref.organizations or key in ref.groupings or word in ref.countries or word in REGNAL_NUMBERS:
            continue  # "Forces JAF", "Council UNSC": an acronym
        given = not (is_title_word(before) or fold(before) in ref.places or fold(before) in ref.country_by_name)
        if key in ref.people_by_family:
            known.add(word)
        elif given or is_title_word(before):
            surnames.add(word)
    if len(surnames | known) < 2:  # one "Shahed UAV" is an acronym; a cable writes every surname so
        surnames = set()
    surnames |= known
    if not surnames:
        return tokens
    return [(tok.title() if tok in surnames else tok, s, e) for tok, s, e in tokens]


def sub_scan(whole: Scan, whole_text: str, start: int, text: str) -> Scan | None:
    """scan(text) cut out of the scan of `whole_text`, where text == whole_text[start:start + len(text)];
    None when that does not hold or the cut could differ from scanning `text` alone: a token across
    either end, or a letter and '.' at the very end ('X.' then a letter outside: alone, one token).
    TOKEN has no lookbehind, so a scan from a token boundary is the same in both."""
    end = start + len(text)
    if not whole_text.startswith(text, start):
        return None
    tokens = whole.tokens
    a = bisect_left(whole.starts, start)
    b = bisect_left(whole.starts, end, a)
    if a and tokens[a - 1][2] > start:
        return None
    if b > a:
        tok, _, tok_end = tokens[b - 1]
        if tok_end > end or (len(tok) == 1 and tok_end == end - 1 and whole_text[end - 1] == "."):
            return None
    part = [(tok, s - start, e - start) for tok, s, e in tokens[a:b]]
    return Scan(part, whole.names[a:b], list(map(itemgetter(1), part)), [False, *whole.spaced[a + 1:b]][:b - a],
                whole.may_start[a:b])


# TOKEN for stdlib re (faster; the same tokens where the engines agree on \w), split-ready.
_TOKEN_SPLIT = _stdre.compile(f"({TOKEN.pattern})")


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """(token, start, end) for every TOKEN match."""
    return _tokens_and_gaps(text)[0]


def _tokens_and_gaps(text: str) -> tuple[list[tuple[str, int, int]], list[str]]:
    """tokenize(text), and the text before each token and after the last (len(tokens) + 1 gaps)."""
    if re.std_compatible(text):
        parts = _TOKEN_SPLIT.split(text)  # gap, token, gap, token, ..., gap
        offsets = list(accumulate(map(len, parts), initial=0))
        return list(zip(parts[1::2], offsets[1:-1:2], offsets[2::2], strict=True)), parts[::2]
    # Between two matches there is no ASCII letter and no token punctuation, so `find` from the
    # previous end lands on the match itself.
    out = []
    gaps = []
    pos = 0
    find = text.find
    for tok in TOKEN.findall(text):
        start = find(tok, pos)
        gaps.append(text[pos:start])
        pos = start + len(tok)
        out.append((tok, start, pos))
    gaps.append(text[pos:])
    return out, gaps


def _name_words(tokens: list[tuple[str, int, int]], ref: Reference) -> list[bool]:
    """Per token: a name word (a name token that is not a title word)."""
    cache = ref.cache("name_word")
    words = list(map(itemgetter(0), tokens))
    out = list(map(cache.get, words))
    if None in out:  # tokens not seen before
        for k, tok in enumerate(words):
            if out[k] is None:
                out[k] = cache[tok] = ((tok[0].isupper() or tok[2:3] == "-" or tok[3:4] == "-")
                                       and _is_name_token(tok, ref) and not is_title_word(tok))
    return out


NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "dos", "bin",
                            "binti", "al", "el", "la", "le", "ter", "Al"})  # "Al Thani": one more word


def _name_particle(tokens: list[tuple[str, int, int]], j: int, ref: Reference) -> bool:
    """'Ursula von der Leyen', 'Mark bin Salman': lowercase particles inside a name."""
    k = j
    while k < len(tokens) and tokens[k][0] in NAME_PARTICLES:
        k += 1
    return k > j and k < len(tokens) and _is_name_token(tokens[k][0], ref)


SURNAME_TITLES = frozenset({"King", "Bishop", "Major", "Judge", "Marshal", "Dean", "Chancellor", "Speaker", "Sen"})


def _surname_like_title(tokens: list[tuple[str, int, int]], j: int, ref: Reference) -> bool:
    """'Travis King': a title word closing a name is the family name (not 'King Charles')."""
    nxt = tokens[j + 1][0] if j + 1 < len(tokens) else ""
    return tokens[j][0] in SURNAME_TITLES and not (nxt[:1].isupper() and _is_name_token(nxt, ref))


def _korean_family_particle(tokens: list[tuple[str, int, int]], j: int) -> bool:
    """'In Seong-hwan', 'An Ho-young': a family name spelt like an English word, before a
    hyphenated given name."""
    nxt = tokens[j + 1][0] if j + 1 < len(tokens) else ""
    return tokens[j][0] in KOREAN_FAMILY and bool(_HYPHENATED_GIVEN.fullmatch(nxt))


KOREAN_FAMILY = frozenset({"In", "An", "On", "O", "Ko", "No"})
# Besides name words, the only tokens that can continue a run (see find_mentions): a cheap test first.
# "Felipe VI", "Harald V", "Frederik X": a numeral closes a monarch's name ("Lloyd J. Austin III": see _clean_name).
REGNAL_NUMBERS = frozenset("II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI".split())
# Family names in the seeds that are also common English words, capitalised at a sentence's start.
_WORD_LIKE_FAMILIES = frozenset(map(str.lower, KOREAN_FAMILY)) | frozenset(
    "you oh may key work west cook man son sun tea hunt rice won woo bush pan hue wolf ban bass mast".split())
_RUN_WORDS = KOREAN_FAMILY | NAME_PARTICLES | SURNAME_TITLES | REGNAL_NUMBERS
_HYPHENATED_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")


def _shared_list_title(text: str, previous: Mention, start: int) -> str:
    """'national security advisors Sullivan, Akiba, and Kim': a plural title covers the whole list."""
    if not previous.title or not _LIST_SEPARATOR.fullmatch(text, previous.end, start):
        return ""  # the separator first: cheap, and it rules out most pairs (no slice of the text between)
    plural = re.search(r"\b(?:[a-z]+s)$", previous.title.lower()) and ROLE_WORDS.search(previous.title)
    return previous.title if plural else ""


_LIST_SEPARATOR = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")


@lru_cache(maxsize=1 << 16)  # a pure function of the token, asked ~10^5 times per report
def is_title_word(tok: str) -> bool:
    low = re.sub(r"['’]s$", "", tok.lower()).rstrip(".")
    if "-" in low and low not in TITLE_WORDS:  # "Major-General", "Lieutenant-Colonel": a rank of two words
        return all(map(is_title_word, low.split("-")))
    return low in TITLE_WORDS or (low.endswith("s") and low[:-1] in TITLE_WORDS) or (
        low.endswith("ies") and low[:-3] + "y" in TITLE_WORDS)  # "Agencies", "Authorities"


def _is_name_token(tok: str, ref: Reference) -> bool:
    cache = ref.cache("is_name_token")
    if tok not in cache:
        cache[tok] = _name_token(tok, ref)
    return cache[tok]


def _name_token(tok: str, ref: Reference) -> bool:
    if not re.fullmatch(NAME_TOKEN + r"|Jr\.?|Sr\.?|III|II", tok):
        return False
    low = fold(tok)
    if low in MONTH_WORDS or (low in STOP_CAPS and not (len(tok) == 2 and tok[1] == ".")):
        return False  # (but "Enrique A. Manalo": a middle initial, not the article)
    parts = low.split() if "-" in tok else [low]
    return not any(p in ref.country_by_name or p in ref.country_by_adjective for p in [low, *parts])


def _completes_a_place(before: str, word: str, ref: Reference) -> bool:
    pair = fold(f"{before} {word}")
    return before[:1].isupper() and (pair in ref.country_by_name or pair in ref.places)


_VENUE_WORDS = frozenset({"Square", "Street", "Avenue", "Road", "Boulevard", "Stadium", "Bridge", "Station",
                          "Hospital", "Tower", "Mausoleum", "Memorial", "Airport", "Highway", "Barracks", "Palace"})


def _known_name(run: list[tuple[str, int, int]], ref: Reference) -> bool:
    return fold(" ".join(tok for tok, _, _ in run)) in ref.people_by_alias


def _trim_run(tokens: list[tuple[str, int, int]], i: int, j: int, ref: Reference) -> tuple[int, int]:
    """The name inside a run of capitalized tokens: not a possessive ("NHK's Yusaku Ishii"), not a
    leading place ("Florida Cord Byrd"); empty when the run is part of an organisation's name
    ("Japan-US Business Conference", "Principles of the Quad")."""
    for k in range(i, j):
        if tokens[k][0].endswith(("'s", "’s")):
            owner = fold(" ".join(t for t, _, _ in tokens[i:k + 1])[:-2])
            if k > i and not is_title_word(tokens[k][0]) and not (
                    owner in ref.country_by_name or owner in ref.places or owner in ref.organizations):
                # "Anura Kumara Dissanayake's National People's Power": the name ends at its 's
                return i, min(k + 1, i + 4 + sum(tok in NAME_PARTICLES for tok, _, _ in tokens[i:k]))
            i = k + 1  # "NHK's Yusaku Ishii": the possessive belongs to the title
            owner = fold(re.sub(r"['’]s$", "", tokens[k][0]))
            if j - i == 1 and not (owner in ref.organizations or owner in ref.places or owner in ref.country_by_name):
                return i, i  # "National People's Power alliance": a lone word after a name's 's is not a person
    if i > 0 and tokens[i - 1][0].lower() in _NUMBER_WORDS:
        return i, i  # "Two Rounds and a Royal Welcome": a counted noun, not Senator Rounds
    while j - i > 1 and fold(tokens[i][0]) in ref.places:
        i += 1
    if j - i >= 3 and fold(tokens[j - 1][0]) in ref.places and _known_name(tokens[i:j - 1], ref) and not (
            _known_name(tokens[i:j], ref)):
        j -= 1  # "Marco Rubio / Antalya, Thursday": a known person, then the place of the next line
    if i > 0 and _completes_a_place(tokens[i - 1][0], tokens[i][0], ref):
        i += 1  # "the ambassador to Saudi Arabia": "Saudi" is no name word, and "Arabia" is no name
    if tokens[j - 1][0] in _VENUE_WORDS:
        return i, i  # "Kim Il Sung Square", "Jomo Kenyatta Stadium": a place named after someone
    # (the next word right after the run, one space between: "Modi – State visit" ends the name at the dash)
    nxt = tokens[j][0] if j < len(tokens) and tokens[j][1] - tokens[j - 1][2] <= 1 else ""
    if nxt and nxt[0].isupper() and is_title_word(nxt) and not ROLE_WORDS.fullmatch(nxt.rstrip(".")):
        return i, i
    if j - i == 1 and nxt == "of":
        return i, i
    if j - i > 2 and tokens[i][0] == "Sheikh" and _known_name(tokens[i + 1:j], ref) and not _known_name(
            tokens[i:j], ref):
        i += 1  # "President Sheikh Mohamed bin Zayed Al Nahyan": a style (a known form with it stays whole)
    # "Luiz Inacio Lula da Silva"; "Datuk Seri Abdul Rasheed Ghaffour": a style counts as no name word
    particles = sum(tok in NAME_PARTICLES or tok in STYLE_WORDS for tok, _, _ in tokens[i:j])
    return i, min(j, i + 4 + particles)


# Malay and Bruneian styles of honour, inside a name run: "Tengku Datuk Seri Zafrul Aziz" is Tengku Zafrul Aziz
STYLE_WORDS = frozenset({"Datuk", "Dato", "Datin", "Seri", "Haji", "Hajjah"})
# ("Dato' Seri Utama": the highest grade)
_STYLES_IN_NAME = re.compile(r"\b(?:(?:Datuk|Dato['’]?|Datin|Seri|Utama|Haji|Hajjah|Tan Sri|Puan Sri)(?:\s+|$))+")


def _without_styles(name: str) -> str:
    return _STYLES_IN_NAME.sub("", name).strip() if any(map(name.__contains__, _STYLE_HINTS)) else name


_STYLE_HINTS = ("Dat", "Seri", "Haj", " Sri")


# A parliament's way of naming a colleague ("my hon. Friend"): never part of a title.
_FORMS_OF_ADDRESS = frozenset({"Friend", "Friends"})
_DOTTED_BEFORE = re.compile(r"(?<![\w.])(?:[A-Z]\.)+$")


def _title_start(tokens: list[tuple[str, int, int]], i: int, text: str, spaced: list[bool]) -> int:
    """Walk left over title words, connectors, capitalized org words and parentheticals.
    `spaced`: Scan.spaced of the tokens."""
    k = i - 1
    start = tokens[i][1]
    while k >= 0:
        tok = tokens[k][0]
        if tok == ")":  # "Liberal Democratic Party (LDP) Secretary-General": the parenthetical as one unit
            opening = _opening_parenthesis(tokens, k)
            if opening is None or not spaced[k + 1] or not spaced[opening]:
                break  # "TOKYO, 7 March (Staff) — Prime Minister": a dateline, not part of the title
            start = tokens[opening][1]
            k = opening - 1
            continue
        if tok == "(" or not (spaced[k + 1] or tokens[k + 1][0] == ","):
            break  # a sentence end, a number or a symbol between the words: not one title
        if "\n\n" in text[tokens[k][2]:tokens[k + 1][1]]:
            break  # a heading or paragraph above ("## Mexico: the 80% president"): not the title
        if tok in {"and", "&", "to"} and not (k >= 1 and is_title_word(tokens[k - 1][0])) and not (
                k >= 2 and tokens[k - 1][0] == "," and is_title_word(tokens[k - 2][0])):
            break  # "Cotton and Minister …" is two people; "Ambassador to South Korea", "Energy, and the …" one title
        if tok[0].isupper() or tok.endswith(("'s", "’s")) or tok.lower().rstrip(".") in LOWER_TITLE_WORDS:
            if tok in _FORMS_OF_ADDRESS:
                break  # "my noble Friend Lord Collins": no part of the title
            if tok[0].isupper() and (_sentence_initial_name(tokens, k) or tok.lower().rstrip(".") in MONTH_WORDS):
                break  # "… warrants on Thursday for Israeli Prime Minister": the date is not the title
            start = tokens[k][1]
            dotted = _DOTTED_BEFORE.search(text, max(0, start - 8), start) if len(tok) == 2 and tok[1] == "." else None
            if dotted:  # "U.S. Secretary of State": the rest of the abbreviation
                start = dotted.start()
                k = bisect_left([t[1] for t in tokens[max(0, k - 4):k]], start) + max(0, k - 4)
            k -= 1
            continue
        if tok == "," and k >= 1 and _comma_inside_title(tokens, k):
            start = tokens[k][1]
            k -= 1
            continue
        break
    # Never start a title on a connector, a conjunction or a parenthetical.
    if start == tokens[i][1]:
        return start  # no title
    verb = _LEAD_VERB.match(text, start, tokens[i][1])
    start = verb.end() if verb else start  # "Met General Secretary …" in a list of acts: "Met" is the act
    lead = _LEAD_CONNECTORS.match(text[start:tokens[i][1]])
    start += lead.end() if lead else 0
    close = text.find(")", start, tokens[i][1]) if text.startswith("(", start) else -1
    if close >= 0:  # "(Staff) Prime Minister": the title starts after the parenthetical
        start = close + 1
        start += len(text[start:tokens[i][1]]) - len(text[start:tokens[i][1]].lstrip())
    return start


def _opening_parenthesis(tokens: list[tuple[str, int, int]], k: int) -> int | None:
    """The index of the "(" that the ")" at k closes, if there is one within a few words."""
    for j in range(k - 1, max(-1, k - 8), -1):
        if tokens[j][0] == "(":
            return j
        if tokens[j][0] == ")":
            return None
    return None


# The verb opening a sentence without a subject ("Met President …", "Received by King …"), before a title
_LEAD_VERB = re.compile(r"(?:Met|Held|Received|Hosted|Welcomed|Visited|Called|Thanked|Congratulated|Accompanied|"
                        r"Addressed|Joined|Greeted|Telephoned|Phoned|Briefed)(?:\s+(?:with|by|on))?\s+(?=[A-Z])")
_LEAD_CONNECTORS = re.compile(r"^(?:(?:and|of|for|the|to|on|with|by|at|in)\s+)+")


def _sentence_initial_name(tokens: list[tuple[str, int, int]], k: int) -> bool:
    """A capitalized token right after 'and' or ',' that starts another person's name run; not a word
    between two title words ("Regional Cooperation and Burkinabe Abroad": a nationality inside the office)."""
    if k < 1 or tokens[k - 1][0] not in {"and", ","} or is_title_word(tokens[k][0]):
        return False
    if k + 1 < len(tokens) and is_title_word(tokens[k + 1][0]):
        return False  # "…, Mali's Minister of Finance", "… and European Commissioner": the title's first word
    return not (k >= 2 and k + 1 < len(tokens) and tokens[k - 1][0] == "and"
                and is_title_word(tokens[k - 2][0]) and is_title_word(tokens[k + 1][0]))


def _comma_inside_title(tokens: list[tuple[str, int, int]], k: int) -> bool:
    """', Energy, and the Environment' inside 'Under Secretary of State for Economic Growth, ...'."""
    prev = tokens[k - 1][0]
    nxt = tokens[k + 1][0] if k + 1 < len(tokens) else ""
    return is_title_word(prev) and (is_title_word(nxt) or nxt == "and")


@lru_cache(maxsize=1 << 14)  # titles recur through a report
def _title_of(raw_title: str) -> str:
    """The title printed before a name, without honorifics and a trailing rank."""
    title = _STYLE_AFTER.sub("", HONORIFICS.sub("", raw_title + " ").strip())
    if _HONORIFIC_WORD.search(title):  # "President Ratu", "His Excellency": a style, not an office
        title = _HONORIFIC_WORD.sub(" ", title).strip(" ,")
    return _strip_trailing_rank(title).rstrip(" ,")  # "the Head of Mission, Mrs. Roe": the office, not its comma


# A style of address or of religious or noble standing before a name: "His Excellency Ratu", "Mawlawi"
_HONORIFIC_WORD = re.compile(r"(?:\b(?:His|Her)\s+)?\b(?:Excellency|Mawlawi|Maulvi|Mullah|Syed|Sayyid|Ratu|Sheikh)\b")


# A style of address ending the words before a name: "The Minister for Foreign Affairs, Hon.", "Hon.", "Rt Hon"
_STYLE_AFTER = re.compile(r"(?:^|,?\s+)(?:(?:the\s+)?(?:Rt\.?\s+)?(?:Hon\.?|Honourable|Honorable))$")


_TRAILING_RANK = re.compile(r"\s+(?:General|Gen\.|Admiral|Adm\.|Gov\.|Sen\.|Rep\.|Dr\.|Mr\.|Ms\.|Mrs\.)$")
_GENERAL_OFFICE = re.compile(r"\b(?:Secretary|Attorney|Director|Surgeon|Consul|Inspector|Solicitor|Auditor|"
                             r"Postmaster|Governor|Procurator|Comptroller)\s+General$")


def _strip_trailing_rank(title: str) -> str:
    """"Joint Chiefs Chairman Gen." -> "Joint Chiefs Chairman"; but "Colorado Gov." and "Secretary
    General" keep theirs: there the rank word is the office."""
    m = _TRAILING_RANK.search(title)
    if not m or _GENERAL_OFFICE.search(title) or not ROLE_WORDS.search(title[:m.start()]):
        return title
    return title[:m.start()]


# A title after ", " (never ", and the Minister of …, Edwin Palma": the next list item's title).
_APPOSITIVE = re.compile(
    r"^,\s+(?P<t>(?!as\s|and\s|or\s)(?:(?:the\s+)?(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*(?:['’]s)?\s+)?(?:[a-z]+\s+){0,2}(?:(?i:deputy|vice|senior|chief|special|"
    r"nuclear|director|general|head|commissioner|prime minister|minister|secretary|envoy|representative|adviser|"
    r"advisor|spokesperson|ambassador|president|chairman|chair|director-general|secretary-general|leader|governor|"
    r"mayor|premier|chancellor|MEP|MP|lawmaker|senator)\b[^,;.]*))")


# Where an appositive title gives way to the rest of the sentence: "…, director general for Asia
# affairs to discuss bilateral issues", "…, ambassador to Japan and a former mayor".
_APPOSITIVE_END = re.compile(r"\s+(?:to|in order to|who|which|that|and|as|after|before|while|when)\s+(?=[a-z])")


# "…, MP (Chairperson and leader of the delegation)": the office a member of a house holds in it
_MEMBER_TITLES = ("MP", "MEP", "MNA", "MLA", "Senator")
_MEMBER_OFFICE = re.compile(r"(?:MP|MEP|MNA|MLA|Senator)\s*\(\s*(?P<office>[A-Z][^,;()]*)")


def _appositive_title(text: str, end: int, ref: Reference) -> str:
    if not text.startswith(",", end):
        return ""  # every _APPOSITIVE match opens with a comma
    m = _APPOSITIVE.match(text[end:end + 200])
    if not m:
        return ""
    title = m["t"]
    if title.startswith(_MEMBER_TITLES) and (office := _MEMBER_OFFICE.match(title)):
        title = office["office"]  # "Jo Roe, MP (Chairperson)": a member's office in the body is the title
    cut = _APPOSITIVE_END.search(title)
    title = (title[:cut.start()] if cut else title).strip()
    return "" if _holds_a_name(title, ref) else title


def _holds_a_name(title: str, ref: Reference) -> bool:
    """Two name words in a row that name no place or body: "Kamikawa, Australian Minister for Foreign
    Affairs Penny Wong, and …" is the next list item, not Kamikawa's title ("mayor of Los Angeles" is).
    A name follows the role word: "Emergency Relief Coordinator" holds none."""
    role = ROLE_WORDS.search(title)
    words = title[role.end():].split() if role else title.split()
    for a, b in pairwise(words):
        if not _is_name_token(a, ref) or is_title_word(a):
            continue
        if _INITIAL.fullmatch(b):
            return True  # "Secretary of State Antony J. Blinken": a given name and an initial
        if (_is_name_token(b, ref) and not is_title_word(b)
                and fold(f"{a} {b}") not in ref.places and fold(f"{a} {b}") not in ref.organizations):
            return True
    return False


_INITIAL = re.compile(r"[A-Z]\.?")


@lru_cache(maxsize=1 << 14)
def _clean_name(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" ,")
    name = re.sub(r",?\s+(?:Jr|Sr)\.?$", "", name)
    words = name.split()
    # A numeral after a full name is generational ("Lloyd J. Austin III"); after one name, regnal ("Felipe VI").
    return " ".join(words[:-1]) if len(words) >= 3 and words[-1] in ("II", "III") else name


@lru_cache(maxsize=1 << 14)
def _title_traits(title: str) -> tuple[bool, bool]:
    """(ends on a preposition, names a role) for a title."""
    return bool(_TITLE_OBJECT_END.search(title)), bool(ROLE_WORDS.search(title))


_TITLE_OBJECT_END = re.compile(r"\b(?:of|for|to|on|in)$")
# A role noun in apposition before the name(s): "the SPD's co-leaders, Lars Klingbeil and Saskia Esken".
_ROLE_WORD_ALTERNATIVES = ROLE_WORDS.pattern.removeprefix(r"\b(?:").removesuffix(r")s?\b")
# "Serbia's chief negotiator, Petar …": role words may follow one another.
# "the EU's envoy for the dialogue, Peter …": a lowercase word may close the role after "the".
# "the Resident Coordinator a.i., Jo …": an interim holder ("ad interim") keeps the role.
_ROLE_BEFORE = re.compile(r"(?<![\w'’])(?P<role>(?:[A-Z][\w'’-]*\s+){0,3}(?i:" + _ROLE_WORD_ALTERNATIVES
                          + r")s?(?:\s+(?:of|for|on|the(?:\s+[a-z]+(?=,\s+$))?|and|[A-Z][\w'’-]*|"
                          r"\([A-Z][\w&.-]{1,10}\)|(?i:"  # ("… on Development (IGAD), Jo Roe")
                          + _ROLE_WORD_ALTERNATIVES + r")s?\b)){0,8}(?:\s+a\.i\.)?),\s+"
                          r"(?:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3},?\s+and\s+)?$")


def _role_before(text: str, pos: int, ref: Reference) -> str | None:
    """The role named in apposition before a name ("the SPD's co-leaders, Lars Klingbeil and …", "the Prime
    Minister of the Democratic Republic of the Congo, Judith Suminwa"), unless it holds a name itself
    ("Indiana Governor Eric Holcomb, Kansas …": the next list item)."""
    if not text[max(0, pos - 8):pos].rstrip().endswith(",") and " and " not in text[max(0, pos - 60):pos]:
        return None  # every _ROLE_BEFORE match ends ", " or ", Name and ": a cheap test first
    m = _ROLE_BEFORE.search(text, max(0, pos - 90), pos)
    return None if m is None or _holds_a_name(m["role"], ref) else m["role"]
_NUMBER_AFTER = re.compile(r"\.?\s*\d")  # "Hwasong 18", "No. 2"


# What the name and its title alone say of a run (see _name_verdict).
_NO, _YES = "no", "yes"
_IF_APPOSITIVE = "if an appositive title follows"
_IF_SEEN = "if the report has named this family before"
_IF_SEEN_AS_PERSON = "if the report has named this family before, and not where a place would stand"
_PLACE_BEFORE = re.compile(r"\b(?:in|to|at|from|near|of|across|around|via|into|visits?|visited|visiting)\s+$",
                           re.IGNORECASE)


def _plausible_person(name: str, title: str, text: str, pos: int, ref: Reference,
                      ctx: PeopleContext | None) -> bool:
    cache = ref.cache("name_verdict")  # the name and title part is pure: asked for every run, once per pair
    verdict = cache.get((name, title))
    if verdict is None:
        verdict = cache[name, title] = _name_verdict(name, title, ref)
    if verdict == _NO:
        return False
    end = pos + len(name)
    if verdict == _IF_APPOSITIVE:
        plausible = bool(re.match(r",\s+\S", text[end:end + 3]) and _appositive_title(text, end, ref)) or bool(
            _role_before(text, pos, ref))
        # "Ana Maria de la Fuente of Chile", but not "the Trevino Quarry of Chile"; "Hugh Todd (Guyana)";
        # "the Democratic Party of Kosovo led by Bedri Hamza"
        plausible = plausible or (of_country(text, end, ref) is not None
                                  and not text[max(0, pos - 4):pos].lower().endswith("the ")) or bool(
            _LED_BY.search(text, max(0, pos - 12), pos)) or bool(_AS_OFFICE.match(text, end)) or bool(
            _WHO_AFTER.match(text, end))
    elif verdict == _IF_SEEN:
        plausible = ctx is not None and fold(name) in ctx.by_family
    elif verdict == _IF_SEEN_AS_PERSON:
        plausible = (ctx is not None and fold(name) in ctx.by_family
                     and not _PLACE_BEFORE.search(text[max(0, pos - 12):pos]))
    else:
        plausible = True
    if plausible and not title and "of" in text[max(0, pos - 4):pos] and _AREA_OF.search(text, max(0, pos - 30), pos):
        return False  # "in the general area of Hassan Khel": a place (a cheap test before the regex)
    # "Orient Shield 22", "Hwasong 18": names of things
    return plausible and not _NUMBER_AFTER.match(text[end:end + 3])


# A place noun and "of" right before a name: "the general area of Tor Ghar", "the village of Ali Bandar"
_AREA_OF = re.compile(r"\b(?:area|district|village|town|city|region|province|governorate|county|valley|"
                      r"outskirts|vicinity|suburb|neighbou?rhood)\s+of\s+$", re.IGNORECASE)


# Named to an office: "swore in Diego Santilli as interior minister", "appointed Jo Roe as the new envoy".
_AS_OFFICE = re.compile(r",?\s+as\s+(?:the\s+|its\s+|his\s+|her\s+|their\s+)?(?:new\s+|acting\s+|interim\s+)?"
                        r"(?:[A-Za-z-]+\s+){0,3}(?:minister|secretary|ambassador|envoy|president|chair(?:man|woman)?|"
                        r"governor|commander|chief|director|spokes(?:man|woman|person)|adviser|advisor|head)\b", re.I)
# "Venâncio Mondlane, who spent two months abroad": a relative "who" follows a person, not a place or a thing
_WHO_AFTER = re.compile(r"\**,\s+who\b")
_OF_PLACE = re.compile(r"\s+of\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})")


def of_country(text: str, end: int, ref: Reference) -> str | None:
    """The state in "… of Rwanda" or "… (Guyana)" right after a name."""
    if text.startswith(" of ", end):
        m = _OF_PLACE.match(text, end)
    elif text.startswith(" (", end):
        m = _BRACKETED_PLACE.match(text, end)
    else:
        return None
    return ref.country_by_name.get(fold(m[1])) if m else None


_BRACKETED_PLACE = re.compile(r"\s+\(([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\)")
_LED_BY = re.compile(r"\b(?:led|headed|chaired)\s+by\s+$")


def _name_verdict(name: str, title: str, ref: Reference) -> str:
    tokens = name.split()
    key = fold(name)
    object_end, role = _title_traits(title)
    if object_end:
        return _NO  # "Governor of Okinawa": the object of a title, not a name
    has_role = role or title.endswith(("'s", "’s"))
    if not has_role and (key in ref.places or key in ref.organizations or key in ref.groupings):
        # "Austin" (Lloyd Austin, or the city): a person once the report has named him in full
        return _IF_SEEN_AS_PERSON if len(tokens) == 1 and key in ref.people_by_family else _NO
    if len(tokens) >= 2:
        if max(map(len, tokens)) <= 2 or tokens[-1] in _THING_NOUNS:
            return _NO  # "the EU's Critical Raw Materials Act": a thing's name, however titled
        # An unknown full name needs some sign of being a person: a role, or a name we know.
        known = key in ref.people_by_alias or any(fold(t) in ref.people_by_family for t in tokens)
        # "Daniel Noboa had been president": a given name we know opening a short run
        given = (len(tokens) <= 3 and fold(tokens[0].split("-")[0]) in ref.given_names  # "Jens-Frederik"
                 and not _is_place_or_body(tokens[0], ref))
        return _YES if has_role or known or given else _IF_APPOSITIVE
    # A lone token is a person only with a role title, or when it is a known family name.
    family = key  # the name is its one token
    if not role and family in _WORD_LIKE_FAMILIES:
        return _IF_SEEN  # "No group has claimed …", "You cannot …": No Kwang Chol only once named in full
    return _YES if role or family in ref.people_by_family else _IF_SEEN


# The last word of an instrument's or a programme's name, never of a person's
_THING_NOUNS = frozenset({"Act", "Agreement", "Treaty", "Accord", "Accords", "Convention", "Declaration", "Initiative",
                          "Programme", "Program", "Fund", "Plan", "Strategy", "Pact", "Protocol", "Charter", "Compact",
                          "Corridor", "Doctrine", "Summit", "Forum", "Dialogue", "Framework", "Partnership"})


def _is_place_or_body(word: str, ref: Reference) -> bool:
    key = fold(word)
    return key in ref.places or key in ref.organizations or key in ref.country_by_name


# ----------------------------------------------------------------------------- countries of people

_TO_FOR = re.compile(r"\b(?:to|for|on|with|against|toward|towards|in|about)\s+(?:the\s+)?$", re.IGNORECASE)


def country_from_title(title: str, ref: Reference) -> str | None:
    """'Korean Minister of Foreign Affairs' -> KOR; 'Secretary of State' -> USA; 'Ambassador to Japan'
    -> None (a state the title points to is not the state the person acts for)."""
    if not title or "former" in title:
        return None  # "Jo Roe, a former Deputy Minister of Nigeria, leads the observers": not acting for Nigeria
    cache = ref.cache("country_from_title")
    if title not in cache:
        cache[title] = _country_from_title(title, ref)
    return cache[title]


def _country_from_title(title: str, ref: Reference) -> str | None:
    lead = leading_country(title, ref)
    if lead:
        return lead
    for pattern, iso3 in ref.title_rules:
        if pattern.search(title):
            return iso3
    for m in _ORG_PHRASE.finditer(title):  # "head of the Organization of American States mission" -> INT
        if _TO_FOR.search(title[:m.start()]):
            continue  # "the ambassador to Saudi Arabia" acts for the state that sent him
        iso3 = _named_body_state(m.group(0), ref)
        if iso3:
            return iso3
    for m in re.finditer(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}", title):
        if _TO_FOR.search(title[:m.start()]):
            continue
        iso3 = _country_of_phrase(m.group(0), ref)
        if iso3:
            return iso3
    region = _REGION_OF.search(title) if " of " in title else None
    return _region_states(ref).get(fold(region["region"])) if region else None


# An office of a state's region: "Governor of the State of Pará", "Premier of the Province of Lanao"
_REGION_OF = re.compile(r"\bof\s+(?:the\s+)?(?:State|Province|Region|Department|Governorate|Prefecture|Oblast)\s+of\s+"
                        r"(?P<region>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})$")


def _region_states(ref: Reference) -> dict[str, str]:
    """Folded first-level region (places' admin1) -> its state, for the regions of one state only."""
    cache = ref.cache("region_states")
    if not cache:
        states: dict[str, set[str]] = {}
        for place in ref.places.values():
            if place.admin1 and place.country:
                states.setdefault(fold(place.admin1), set()).add(place.country)
        cache.update({k: v.pop() for k, v in states.items() if len(v) == 1} or {"": ""})
    return cache


# A capitalised name with "of"/"for"/"and" inside, as organisations are named.
_ORG_PHRASE = re.compile(r"[A-Z][\w.'’-]*(?:\s+(?:(?:of|for|and)\s+(?:the\s+)?)?[A-Z][\w.'’-]*)+")


def _named_body_state(phrase: str, ref: Reference) -> str | None:
    """The state of the longest known state or organisation name that ends `phrase` ("Prime Minister of
    the Democratic Republic of the Congo" -> COD)."""
    for m in re.finditer(r"(?<![\w'’-])[A-Z]", phrase):
        key = fold(phrase[m.start():])
        before = phrase[:m.start()].split()
        tail_of_a_name = bool(before) and before[-1][:1].isupper()  # "Minister for Latin America"
        iso3 = (None if tail_of_a_name else ref.country_by_name.get(key)) or ref.organizations.get(key)
        if iso3:
            return iso3
    return None


def leading_country(title: str, ref: Reference) -> str | None:
    """The state a title opens with: 'South Korean Foreign Minister' -> KOR."""
    cache = ref.cache("leading_country")  # a pure lookup, asked for every mention's title
    if title not in cache:
        cache[title] = _leading_country(title, ref)
    return cache[title]


def _leading_country(title: str, ref: Reference) -> str | None:
    words = re.sub(r"['’]s\b", "", title).split()
    for n in (3, 2, 1):
        iso3 = _lookup_country(" ".join(words[:n]), ref)
        if iso3:
            return iso3
    return None


def _lookup_country(phrase: str, ref: Reference) -> str | None:
    key = fold(phrase)
    return ref.country_by_adjective.get(key) or ref.country_by_name.get(key)


def _country_of_phrase(phrase: str, ref: Reference) -> str | None:
    """Longest prefix of `phrase` that names a country, organisation or place with a country."""
    phrase = re.sub(r"['’]s$", "", phrase)
    words = phrase.split()
    for n in range(len(words), 0, -1):
        key = fold(" ".join(words[:n]))
        iso3 = (ref.country_by_adjective.get(key) or ref.country_by_name.get(key)
                or ref.organizations.get(key))
        if iso3:
            return iso3
        place = ref.places.get(key)
        if place and place.kind in {"region", "country"}:
            return place.country
    return None


# ----------------------------------------------------------------------------- resolution

JP_FAMILY_ENDINGS = ("moto", "mura", "yama", "kawa", "gawa", "shima", "jima", "saki", "zaki", "hara",
                     "bara", "oka", "uchi", "shita", "mori", "naka", "ta", "da", "no", "be", "kura", "ki",
                     "tani", "ishi", "zawa", "sawa", "hashi", "bashi", "ii", "ai", "i", "ue", "numa",
                     "zu", "guchi", "kuchi", "ba")
JP_GIVEN_ENDINGS = ("hiro", "hiko", "shi", "ko", "ro", "o", "ya", "to", "ma", "mi", "e", "suke", "nori",
                    "yuki", "masa", "taka", "kazu", "ji", "ru", "ki", "ta", "ka", "na", "sa", "ri", "ho",
                    "n", "u")


def resolve(mention: Mention, ref: Reference, ctx: PeopleContext, when: date | None,
            country_hint: str | None) -> ResolvedPerson:
    """One canonical identity for a mention, learning from it for later surname-only mentions."""
    person = _lookup_reference(mention.name, ref, ctx, when, country_hint, mention.title)
    if person:
        resolved = ResolvedPerson(participant_id(person.canonical_name), person.canonical_name,
                                  person.country, True)
        note_name_order(mention.name, person, ctx)
    else:
        resolved = _from_context(mention.name, ctx) or _new_person(mention.name, country_hint, ctx)
    if len(mention.name.split()) >= 2 or resolved.in_reference:
        for key in _family_keys(mention.name, resolved):
            ctx.by_family.setdefault(key, resolved)
    ctx.aliases.setdefault(resolved.participant_id, set()).add(mention.name)
    return resolved


def _family_keys(name: str, resolved: ResolvedPerson) -> set[str]:
    parts = resolved.canonical_name.split()
    written = name.split()
    keys = {fold(parts[-1]), fold(parts[0])} if len(parts) >= 2 else {fold(parts[0])}
    if len(written) == 1:
        keys.add(fold(written[0]))
    return keys


def _lookup_reference(name: str, ref: Reference, ctx: PeopleContext, when: date | None,
                      country_hint: str | None, title: str) -> Person | None:
    key = fold(name)
    ids = ref.people_by_alias.get(key)
    if ids:
        return ref.people[_best_candidate(ids, ref, when, country_hint, title)]
    tokens = name.split()
    if len(tokens) == 1:
        seen = ctx.by_family.get(key)
        seen_person = _person_by_canonical(seen.canonical_name, ref) if seen else None
        ids = ref.people_by_family.get(key, [])
        if seen and not seen_person and title and ids:
            # "President Marcos" after "Senator Imee Marcos" (not in the reference): the title names
            # another holder of the family name, one whose office it is.
            best = _best_candidate(ids, ref, when, country_hint, title, need_evidence=True)
            if best and any(_similar_role(title, role.role) for role in ref.roles.get(best, [])):
                return ref.people[best]
        if seen and (not seen_person or len(ids) <= 1 or not title):
            return seen_person  # the report already named this person in full
        if ids:
            favoured = seen_person.person_id if seen_person else None
            best = _best_candidate(ids, ref, when, country_hint, title, need_evidence=len(ids) > 1,
                                   favoured=favoured)
            return ref.people[best] if best else None
        return None
    if len(tokens) >= 3 and (ids := ref.people_by_alias.get(fold(" ".join(tokens[:-1])))):
        # "Gustavo Petro Urrego": a known name and a second (maternal) surname
        return ref.people[_best_candidate(ids, ref, when, country_hint, title)]
    if len(tokens) >= 3 and (ids := ref.people_by_alias.get(fold(f"{tokens[0]} {tokens[-1]}"))):
        # "Ana Beatriz Lima" for a known "Ana Lima": a middle name the reference leaves out
        return ref.people[_best_candidate(ids, ref, when, country_hint, title)]
    if ids := ref.people_by_family.get(key):
        # "Foreign Minister Løkke Rasmussen": a double family name without the given name
        best = _best_candidate(ids, ref, when, country_hint, title, need_evidence=len(ids) > 1)
        return ref.people[best] if best else None
    return _fuzzy_reference(tokens, ref, country_hint)


def _person_by_canonical(canonical: str, ref: Reference) -> Person | None:
    ids = ref.people_by_alias.get(fold(canonical))
    return ref.people[ids[0]] if ids else None


def _best_candidate(ids: list[str], ref: Reference, when: date | None, country_hint: str | None,
                    title: str, need_evidence: bool = False, favoured: str | None = None) -> str | None:
    """Among same-name people: the one in office at `when`, with a matching role and country
    (and a small preference for the one the report already named). A consort's office does not count
    as evidence unless the title asks for it: "Mr Trump" and a bare "Trump" are the President."""
    consort_unlikely = not _FEMALE_ADDRESS.match(title)

    def score(pid: str) -> float:
        p = ref.people[pid]
        s = 2.0 if pid == favoured else 0.0
        if country_hint and p.country == country_hint:
            s += 1
        for role in ref.roles.get(pid, []):
            active = when is not None and role.held_on(when) and not (consort_unlikely and _CONSORT.match(role.role))
            similar = bool(title) and _similar_role(title, role.role)
            s = max(s, (2 if active else 0) + (3 if similar else 0) + (1 if country_hint == p.country else 0)
                    + (2 if pid == favoured else 0))
        return s

    if len(ids) == 1 and not need_evidence:
        return ids[0]  # nothing to weigh (score is pure)
    # Ties on the evidence go to the more prominent person (more offices held): a bare "Biden"
    # in 2023 is the President rather than the First Lady.
    scored = sorted(((score(pid), len(ref.roles.get(pid, [])), pid) for pid in ids), reverse=True)
    if need_evidence and (scored[0][0] == 0 or (len(scored) > 1 and scored[0][:2] == scored[1][:2])):
        return None
    return scored[0][2]


_CONSORT = re.compile(r"(?i)first (?:lady|gentleman)|(?:queen|prince) consort|spouse")
_FEMALE_ADDRESS = re.compile(r"(?i)(?:.*\b)?(?:Mrs|Ms|Madam|Madame|Lady|First Lady)\.?$")


@lru_cache(maxsize=1 << 14)
def _similar_role(title: str, role: str) -> bool:
    return fuzz.token_set_ratio(fold(title), fold(role)) >= 70


def _fuzzy_reference(tokens: list[str], ref: Reference, country_hint: str | None) -> Person | None:
    """A misspelt or re-ordered full name: same family name, given name close ("Namazu Hiyouki")."""
    best: tuple[float, Person] | None = None
    for family_tok, given_toks in ((tokens[0], tokens[1:]), (tokens[-1], tokens[:-1])):
        for pid in ref.people_by_family.get(fold(family_tok), []):
            p = ref.people[pid]
            given = fold(" ".join(t for t in given_toks if not re.fullmatch(r"[A-Z]\.", t)))
            if not _same_given_parts(given, fold(p.given_name)):
                continue  # "Kim Jong-su" is not "Kim Jong Un": one syllable of the given name differs
            sim = fuzz.ratio(given, fold(p.given_name))
            if given and (sim >= 75 or (len(given) >= 4 and fold(p.given_name).startswith(given))):
                if country_hint and p.country != country_hint:
                    sim -= 20
                if sim >= 70 and (best is None or sim > best[0]):
                    best = (sim, p)
    return best[1] if best else None


def _same_given_parts(written: str, known: str) -> bool:
    """A given name of several parts ("Jong-un", "Moon Soo") misspelt keeps each part recognisable; a part
    that is another word altogether ("Jong-su" for "Jong Un") makes another person. Folded names."""
    a, b = _GIVEN_PARTS.split(written), _GIVEN_PARTS.split(known)
    return len(a) != len(b) or len(a) < 2 or all(fuzz.ratio(x, y) >= 60 for x, y in zip(a, b, strict=True))


_GIVEN_PARTS = re.compile(r"[\s-]+")


def _from_context(name: str, ctx: PeopleContext) -> ResolvedPerson | None:
    tokens = name.split()
    if len(tokens) == 1:
        return ctx.by_family.get(fold(tokens[0]))
    return None


def _new_person(name: str, country: str | None, ctx: PeopleContext | None = None) -> ResolvedPerson:
    # Only a Japanese name's form depends on what the report has taught (its order): decide it
    # once, so that the name keeps one identity in the report whatever is learnt later.
    canonical = ctx.canonical_of.get(name) if ctx and country == "JPN" else None
    if canonical is None:
        family_first, given_first = ctx.japanese_order if ctx else (0, 0)
        written = ("family_given" if family_first > given_first else
                   "given_family" if given_first > family_first else None)
        canonical = canonical_form(name, country, written)
        if ctx and country == "JPN":
            ctx.canonical_of[name] = canonical
    return ResolvedPerson(participant_id(canonical), canonical, country, False)


def note_name_order(written: str, person: Person, ctx: PeopleContext) -> None:
    """Count how the report wrote a Japanese name the reference knows ("Kishida Fumio" or
    "Fumio Kishida"), for PeopleContext.japanese_order."""
    if person.country != "JPN" or len(written.split()) != 2 or not person.given_name:
        return
    key = fold(written)
    if key == fold(f"{person.family_name} {person.given_name}"):
        ctx.japanese_order[0] += 1
    elif key == fold(f"{person.given_name} {person.family_name}"):
        ctx.japanese_order[1] += 1


def learn_name_order(mentions: list[Mention], ref: Reference, ctx: PeopleContext) -> None:
    """note_name_order for every full name of the reference in `mentions` (a report's, before any is
    resolved: the convention then holds for a name that comes before the first known one)."""
    for mention in mentions:
        for pid in ref.people_by_alias.get(fold(mention.name), ())[:1]:
            note_name_order(mention.name, ref.people[pid], ctx)


def canonical_form(name: str, country: str | None, written: str | None = None) -> str:
    """A sensible canonical name for someone not in the reference data: no middle initials;
    Japanese names given-family. written: the report's order for Japanese names ("family_given"
    or "given_family"), when known; else the order is guessed from the name's endings."""
    tokens = [t for t in name.split() if not re.fullmatch(r"[A-Z]\.", t)] or name.split()
    if country == "JPN" and len(tokens) == 2:
        family_first = written == "family_given" if written else _looks_family_first_japanese(tokens)
        if family_first:
            tokens = [tokens[1], tokens[0]]
    return " ".join(tokens)


def _looks_family_first_japanese(tokens: list[str]) -> bool:
    a, b = (fold(t) for t in tokens)

    def fam(x: str) -> int:
        return max((len(e) for e in JP_FAMILY_ENDINGS if x.endswith(e)), default=0)

    def giv(x: str) -> int:
        return max((len(e) for e in JP_GIVEN_ENDINGS if x.endswith(e)), default=0)

    return fam(a) + giv(b) > fam(b) + giv(a)
