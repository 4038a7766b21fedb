"""Reference data (seeds/*.csv) as lookup structures for the extractors.

Pure: built from already-parsed CSV rows (`warehouse.seeds.read_seed_tables` does the reading),
so transforms stay free of I/O.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

SEED_TABLES = (
    "countries", "places", "people", "person_roles", "title_rules", "organizations", "groupings",
    "event_types",
)


# Every byte but a-z and 0-9 becomes a space (after lowercasing, ASCII only).
_ALNUM_OR_SPACE = bytes(c if chr(c).isascii() and (chr(c).islower() or chr(c).isdigit()) else 32 for c in range(256))


def _fold(s: str) -> str:
    # As `re.sub("[^a-z0-9]+", " ", ascii(s).lower()).strip()`, in bytes: runs of other characters
    # become one space, none at the ends.
    b = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").lower().translate(_ALNUM_OR_SPACE)
    return b" ".join(b.split()).decode()


_fold_short = lru_cache(maxsize=1 << 15)(_fold)  # names and words: called ~10^5 times per report


def fold(s: str) -> str:
    """Lowercase ASCII form used for lookups: accents, case and punctuation folded."""
    if not s:
        return ""
    return _fold_short(s) if len(s) <= 200 else _fold(s)


def split_list(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


@dataclass(frozen=True)
class Country:
    iso3: str
    name: str
    names: tuple[str, ...]       # every name that denotes the state ("South Korea", "ROK", ...)
    adjectives: tuple[str, ...]  # "South Korean", "Korean"
    metonyms: tuple[str, ...]    # capitals used for the state ("Seoul")


@dataclass(frozen=True)
class Place:
    name: str
    country: str
    latitude: float | None
    longitude: float | None
    kind: str
    admin1: str


@dataclass(frozen=True)
class Person:
    person_id: str
    canonical_name: str
    family_name: str
    given_name: str
    country: str
    name_order: str  # given_family | family_given
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Role:
    person_id: str
    role: str
    country: str
    start: date | None
    end: date | None

    def held_on(self, day: date) -> bool:
        """Whether the office was held on `day` (an open start or end: held since, held still)."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Grouping:
    group_id: str
    name: str
    aliases: tuple[str, ...]
    members: tuple[str, ...]
    expand_as_actor: bool


@dataclass(frozen=True)
class EventType:
    code: str
    description: str
    cameo_root: str
    plover: str


# organizations.csv kinds whose acts are their state's acts ("The Treasury Department sanctioned …")
STATE_BODY_KINDS = frozenset({"government_agency", "military", "legislature"})


@dataclass
class Reference:
    countries: dict[str, Country] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)          # folded name/alias -> place
    people: dict[str, Person] = field(default_factory=dict)         # person_id -> person
    roles: dict[str, list[Role]] = field(default_factory=dict)      # person_id -> roles
    title_rules: list[tuple[re.Pattern[str], str]] = field(default_factory=list)
    organizations: dict[str, str] = field(default_factory=dict)     # folded name/alias -> iso3|INT
    # organs of a state (ministries, agencies, armed forces, legislatures): folded name/alias -> iso3
    state_bodies: dict[str, str] = field(default_factory=dict)
    groupings: dict[str, Grouping] = field(default_factory=dict)    # folded name/alias -> grouping
    event_types: dict[str, EventType] = field(default_factory=dict)
    # derived lookups
    country_by_name: dict[str, str] = field(default_factory=dict)   # folded name -> iso3
    country_by_adjective: dict[str, str] = field(default_factory=dict)
    country_by_metonym: dict[str, str] = field(default_factory=dict)  # "Seoul" -> KOR (as an actor)
    people_by_alias: dict[str, list[str]] = field(default_factory=dict)  # folded alias -> person_ids
    people_by_family: dict[str, list[str]] = field(default_factory=dict)  # folded family name -> ids
    # folded first given names of the people we know ("daniel", "luisa"): a sign that an unknown
    # two- or three-word name is a person's
    given_names: set[str] = field(default_factory=set)
    # per-reference caches of pure lookups (people.country_from_title, people._is_name_token)
    memo: dict[str, dict] = field(default_factory=dict, compare=False, repr=False)

    def cache(self, name: str) -> dict:
        table = self.memo.get(name)
        if table is None or len(table) > 200_000:  # bounded: titles and tokens, not texts
            table = self.memo[name] = {}
        return table

    @classmethod
    def from_tables(cls, tables: dict[str, list[dict[str, str]]]) -> Reference:
        ref = cls()
        for r in tables.get("countries", []):
            c = Country(r["iso3"], r["name"], tuple([r["name"], *split_list(r.get("names"))]),
                        tuple(split_list(r.get("adjectives"))), tuple(split_list(r.get("metonyms"))))
            ref.countries[c.iso3] = c
            for n in c.names:
                ref.country_by_name.setdefault(fold(n), c.iso3)
            for a in c.adjectives:
                ref.country_by_adjective.setdefault(fold(a), c.iso3)
            for m in c.metonyms:
                ref.country_by_metonym.setdefault(fold(m), c.iso3)
        for r in tables.get("places", []):
            p = Place(r["name"], r["country"], _float(r.get("latitude")), _float(r.get("longitude")),
                      r.get("kind", ""), r.get("admin1", ""))
            for n in [r["name"], *split_list(r.get("aliases"))]:
                ref.places.setdefault(fold(n), p)
        for r in tables.get("people", []):
            p = Person(r["person_id"], r["canonical_name"], r["family_name"], r["given_name"],
                       r["country"], r.get("name_order") or "given_family", tuple(split_list(r.get("aliases"))))
            ref.people[p.person_id] = p
            for alias in {p.canonical_name, *p.aliases, f"{p.family_name} {p.given_name}",
                          f"{p.given_name} {p.family_name}"}:
                ids = ref.people_by_alias.setdefault(fold(alias), [])
                if p.person_id not in ids:
                    ids.append(p.person_id)
            ref.people_by_family.setdefault(fold(p.family_name), []).append(p.person_id)
            first_given = p.given_name.split()[0] if p.given_name and p.name_order == "given_family" else ""
            if len(first_given) >= 3 and first_given.isalpha():
                ref.given_names.add(fold(first_given))
        for r in tables.get("person_roles", []):
            role = Role(r["person_id"], r["role"], r.get("country", ""), _date(r.get("start_date")),
                        _date(r.get("end_date")))
            ref.roles.setdefault(role.person_id, []).append(role)
        for r in tables.get("title_rules", []):
            ref.title_rules.append((re.compile(r["pattern"], re.IGNORECASE), r["country"]))
        for r in tables.get("organizations", []):
            state_body = r.get("kind") in STATE_BODY_KINDS and r["country"] not in {"", "INT"}
            for n in [r["name"], *split_list(r.get("aliases"))]:
                ref.organizations.setdefault(fold(n), r["country"])
                if state_body:
                    ref.state_bodies.setdefault(fold(n), r["country"])
        for r in tables.get("groupings", []):
            g = Grouping(r["group_id"], r["name"], tuple(split_list(r.get("aliases"))),
                         tuple(split_list(r.get("members"))),
                         (r.get("expand_as_actor") or "").strip().lower() in {"true", "1", "yes"})
            for n in [g.name, *g.aliases]:
                ref.groupings.setdefault(fold(n), g)
        for r in tables.get("event_types", []):
            ref.event_types[r["event_type"]] = EventType(r["event_type"], r.get("description", ""),
                                                         r.get("cameo_root", ""), r.get("plover", ""))
        return ref


def _float(v: str | None) -> float | None:
    try:
        return float(v) if v not in (None, "") else None
    except ValueError:
        return None


def _date(v: str | None) -> date | None:
    try:
        return date.fromisoformat(v) if v else None
    except ValueError:
        return None
