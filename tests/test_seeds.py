"""Integrity checks for the reference-data CSVs in seeds/.

They guard the hand-maintained tables: valid CSV with the expected columns, ISO codes that exist in
countries.csv, unique ids, compilable regexes, coordinates in range, ISO dates, and a few spot checks
of well-known facts. Finally the tables must load into `transforms.reference.Reference`.
"""

from __future__ import annotations

import csv
import re
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from transforms.reference import Reference, fold, split_list

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

COLUMNS = {
    "countries": ["iso3", "name", "names", "adjectives", "metonyms"],
    "places": ["name", "country", "latitude", "longitude", "kind", "admin1", "aliases"],
    "people": ["person_id", "canonical_name", "family_name", "given_name", "country", "name_order", "aliases"],
    "person_roles": ["person_id", "role", "country", "start_date", "end_date"],
    "title_rules": ["pattern", "country", "note"],
    "organizations": ["name", "aliases", "country", "kind"],
    "groupings": ["group_id", "name", "aliases", "members", "expand_as_actor"],
}
PLACE_KINDS = {"capital", "city", "region", "island", "country", "venue", "base", "body_of_water"}
ORG_KINDS = {
    "government_agency",
    "media",
    "company",
    "think_tank",
    "university",
    "international",
    "party",
    "military",
    "business_association",
}


@cache
def load(stem: str) -> tuple[list[str], list[dict[str, str]]]:
    with open(SEEDS / f"{stem}.csv", newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


def rows(stem: str) -> list[dict[str, str]]:
    return load(stem)[1]


@cache
def iso_codes() -> frozenset[str]:
    return frozenset(r["iso3"] for r in rows("countries"))


@cache
def reference() -> Reference:
    tables = {stem: rows(stem) for stem in COLUMNS}
    if (SEEDS / "event_types.csv").exists():
        tables["event_types"] = rows("event_types")
    return Reference.from_tables(tables)


def title_country(title: str) -> str | None:
    for pattern, country in reference().title_rules:
        if pattern.search(title):
            return country
    return None


# ---------------------------------------------------------------- structure


@pytest.mark.parametrize("stem", sorted(COLUMNS))
def test_columns_and_cells(stem):
    header, data = load(stem)
    assert header == COLUMNS[stem]
    assert data, f"{stem}.csv is empty"
    for i, r in enumerate(data, start=2):
        assert None not in r, f"{stem}.csv line {i}: too many cells"
        assert all(v is not None for v in r.values()), f"{stem}.csv line {i}: too few cells"
        assert all(v == v.strip() for v in r.values()), f"{stem}.csv line {i}: untrimmed cell"


def test_countries():
    data = rows("countries")
    codes = [r["iso3"] for r in data]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in codes)
    assert len(codes) >= 193 + 6  # UN members + TWN XKX PSE VAT HKG MAC (+ INT)
    for extra in ("TWN", "XKX", "PSE", "VAT", "HKG", "MAC", "INT"):
        assert extra in codes
    ref = reference()
    assert ref.country_by_name[fold("Korea")] == "KOR"
    assert ref.country_by_name[fold("DPRK")] == "PRK"
    assert ref.country_by_name[fold("U.S.")] == "USA"
    assert ref.country_by_name[fold("Lao PDR")] == "LAO"
    assert ref.country_by_name[fold("Republic of China")] == "TWN"
    assert ref.country_by_name[fold("People's Republic of China")] == "CHN"
    assert ref.country_by_adjective[fold("Korean")] == "KOR"
    assert ref.country_by_adjective[fold("Filipino")] == "PHL"
    assert ref.country_by_adjective[fold("Dutch")] == "NLD"


def test_places():
    seen: dict[str, str] = {}
    for r in rows("places"):
        assert r["kind"] in PLACE_KINDS, r
        if r["country"]:
            assert r["country"] in iso_codes(), r
        else:
            assert r["kind"] in {"body_of_water", "island", "region"}, r
        lat, lon = float(r["latitude"]), float(r["longitude"])
        assert -90 <= lat <= 90 and -180 <= lon <= 180, r
        for n in [r["name"], *split_list(r["aliases"])]:
            key = fold(n)
            assert key, r
            assert seen.setdefault(key, r["name"]) == r["name"], f"{n!r} names both {seen[key]} and {r['name']}"
    capitals = {r["country"] for r in rows("places") if r["kind"] == "capital"}
    un_and_others = iso_codes() - {"INT", "HKG", "MAC"}
    assert un_and_others <= capitals, f"missing capitals: {sorted(un_and_others - capitals)}"


def place(name: str):
    return reference().places[fold(name)]


@pytest.mark.parametrize(
    "name,lat,lon,country",
    [
        ("Tokyo", 35.68, 139.76, "JPN"),
        ("Washington, DC", 38.90, -77.04, "USA"),
        ("Seoul", 37.57, 126.98, "KOR"),
        ("Honolulu", 21.31, -157.86, "USA"),
        ("Yakushima Island", 30.35, 130.53, "JPN"),
        ("Palo Alto", 37.44, -122.14, "USA"),
        ("Kyiv", 50.45, 30.52, "UKR"),
        ("Kiev", 50.45, 30.52, "UKR"),
        ("Saigon", 10.82, 106.63, "VNM"),
        ("Canberra", -35.28, 149.13, "AUS"),
        ("Buenos Aires", -34.60, -58.38, "ARG"),
    ],
)
def test_place_spot_checks(name, lat, lon, country):
    p = place(name)
    assert p.country == country
    assert abs(p.latitude - lat) < 0.2 and abs(p.longitude - lon) < 0.2, p


def test_place_kinds_spot_checks():
    assert place("Indonesia").kind == "country"
    assert place("Okinawa").kind == "region"
    assert place("Georgia").country == "GEO"
    assert place("Georgia (US state)").country == "USA"
    assert place("Sea of Japan") is place("East Sea")
    assert place("US Indo-Pacific Command").kind == "venue"
    assert place("Stanford University").country == "USA"


# ---------------------------------------------------------------- people


def test_people():
    ids = [r["person_id"] for r in rows("people")]
    assert len(ids) == len(set(ids)), "duplicate person_id"
    assert len(ids) >= 600
    canon = [r["canonical_name"] for r in rows("people")]
    assert len(canon) == len(set(canon)), "duplicate canonical_name"
    for r in rows("people"):
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", r["person_id"]), r
        assert r["country"] in iso_codes(), r
        assert r["name_order"] in {"given_family", "family_given"}, r
        assert r["family_name"], r
        assert fold(r["family_name"]) in fold(r["canonical_name"]), r
        if r["given_name"]:
            first, second = (
                (r["given_name"], r["family_name"])
                if r["name_order"] == "given_family"
                else (r["family_name"], r["given_name"])
            )
            assert fold(r["canonical_name"]).startswith(fold(first)), r
            assert fold(second) in fold(r["canonical_name"]), r


@pytest.mark.parametrize(
    "pid,name,country,order",
    [
        ("fumio-kishida", "Fumio Kishida", "JPN", "given_family"),
        ("yoon-suk-yeol", "Yoon Suk Yeol", "KOR", "family_given"),
        ("xi-jinping", "Xi Jinping", "CHN", "family_given"),
        ("antony-blinken", "Antony Blinken", "USA", "given_family"),
        ("bongbong-marcos", "Bongbong Marcos", "PHL", "given_family"),
        ("s-jaishankar", "S. Jaishankar", "IND", "given_family"),
        ("kim-gunn", "Kim Gunn", "KOR", "family_given"),
        ("antonio-guterres", "António Guterres", "INT", "given_family"),
    ],
)
def test_people_spot_checks(pid, name, country, order):
    p = reference().people[pid]
    assert (p.canonical_name, p.country, p.name_order) == (name, country, order)


@pytest.mark.parametrize(
    "alias,pid",
    [
        ("Kishida Fumio", "fumio-kishida"),
        ("Hayashi Yoshimasa", "yoshimasa-hayashi"),
        ("Subrahmanyam Jaishankar", "s-jaishankar"),
        ("Ferdinand Marcos Jr.", "bongbong-marcos"),
        ("CQ Brown", "charles-brown"),
        ("Kim Gun", "kim-gunn"),
        ("Cho Hyundong", "cho-hyun-dong"),
        ("Yun Dukmin", "yun-duk-min"),
        ("Han Duck Soo", "han-duck-soo"),
        ("John C. Aquilino", "john-aquilino"),
    ],
)
def test_people_aliases(alias, pid):
    assert pid in reference().people_by_alias[fold(alias)]


def test_person_roles():
    ids = {r["person_id"] for r in rows("people")}
    for r in rows("person_roles"):
        assert r["person_id"] in ids, r
        assert r["country"] in iso_codes(), r
        assert r["role"], r
        start = date.fromisoformat(r["start_date"])
        if r["end_date"]:
            assert date.fromisoformat(r["end_date"]) >= start, r


def held(pid: str, role: str, on: str) -> bool:
    d = date.fromisoformat(on)
    return any(
        x.role == role and x.start and x.start <= d and (x.end is None or d < x.end)
        for x in reference().roles.get(pid, [])
    )


def test_role_spot_checks():
    assert held("yasukazu-hamada", "Minister of Defense", "2023-01-01")
    assert not held("yasukazu-hamada", "Minister of Defense", "2023-10-01")
    assert held("minoru-kihara", "Minister of Defense", "2024-01-01")
    assert held("yoshimasa-hayashi", "Minister for Foreign Affairs", "2022-06-01")
    assert held("yoshimasa-hayashi", "Chief Cabinet Secretary", "2024-06-01")
    assert held("fumio-kishida", "Prime Minister", "2023-09-01")
    assert held("joe-biden", "President", "2023-09-01")
    assert held("yoon-suk-yeol", "President", "2023-09-01")
    assert not held("antony-blinken", "Secretary of State", "2025-06-01")


# ---------------------------------------------------------------- titles, organisations, groupings


def test_title_rules_compile_and_codes():
    assert len(rows("title_rules")) >= 150
    for r in rows("title_rules"):
        re.compile(r["pattern"], re.IGNORECASE)
        assert r["country"] in iso_codes(), r
        assert r["note"], r


@pytest.mark.parametrize(
    "title,country",
    [
        ("Secretary of State", "USA"),
        ("Commander of US Indo-Pacific Command", "USA"),
        ("Commander of the United Nations Command/Combined Forces Command/United States Forces Korea", "USA"),
        ("Chairman of the Joint Chiefs of Staff", "USA"),
        ("ROK JCS Chairman", "KOR"),
        ("METI Minister", "JPN"),
        ("Chief Cabinet Secretary", "JPN"),
        ("Governor of Okinawa", "JPN"),
        ("Lower House member", "JPN"),
        ("Deputy Special Representative for North Korea", "USA"),
        ("Korean Special Representative for Korean Peninsula Peace and Security Affairs", "KOR"),
        ("New Jersey Gov.", "USA"),
        ("Illinois Lieutenant Governor", "USA"),
        ("Secretary of the State of Florida", "USA"),
        ("Senator", "USA"),
        ("US Trade Representative", "USA"),
        ("Secretary of Foreign Affairs", "PHL"),
        ("Secretary of State for Foreign, Commonwealth and Development Affairs", "GBR"),
        ("Taoiseach", "IRL"),
        ("UN Secretary-General", "INT"),
        ("IAEA Director General", "INT"),
        ("Director of the Taiwan Affairs Office", "CHN"),
        ("Mainland Affairs Council Minister", "TWN"),
    ],
)
def test_title_rule_spot_checks(title, country):
    assert title_country(title) == country


@pytest.mark.parametrize(
    "title",
    [
        "Prime Minister",
        "Foreign Minister",
        "Defense Minister",
        "Vice President",
        "national security advisor",
        "Philippine Defense Secretary",
    ],
)
def test_ambiguous_titles_have_no_rule(title):
    assert title_country(title) is None


def test_organizations():
    seen: dict[str, str] = {}
    for r in rows("organizations"):
        assert r["kind"] in ORG_KINDS, r
        assert r["country"] in iso_codes(), r
        for n in [r["name"], *split_list(r["aliases"])]:
            assert seen.setdefault(fold(n), r["name"]) == r["name"], f"{n!r} in {seen[fold(n)]} and {r['name']}"
    orgs = reference().organizations
    assert orgs[fold("NHK")] == "JPN"
    assert orgs[fold("TSMC")] == "TWN"
    assert orgs[fold("US Chamber of Commerce")] == "USA"
    assert orgs[fold("United Nations")] == "INT"


def test_groupings():
    ids = [r["group_id"] for r in rows("groupings")]
    assert len(ids) == len(set(ids))
    for r in rows("groupings"):
        members = split_list(r["members"])
        assert members and len(members) == len(set(members)), r
        assert set(members) <= iso_codes(), (r["group_id"], set(members) - iso_codes())
        assert r["expand_as_actor"] in {"true", "false"}, r
    g = reference().groupings
    assert set(g[fold("Quad")].members) == {"AUS", "IND", "JPN", "USA"} and g[fold("Quad")].expand_as_actor
    assert set(g[fold("AUKUS")].members) == {"AUS", "GBR", "USA"}
    assert not g[fold("G7")].expand_as_actor and len(g[fold("G7")].members) == 7


def test_reference_builds():
    ref = reference()
    assert len(ref.countries) == len(rows("countries"))
    assert len(ref.people) == len(rows("people"))
    assert len(ref.title_rules) == len(rows("title_rules"))
