from datetime import date

import pytest

from transforms.people import PeopleContext, canonical_form, country_from_title, find_mentions, resolve
from transforms.reference import Reference

TABLES = {
    "countries": [
        {"iso3": "USA", "name": "United States", "names": "US|U.S.|America", "adjectives": "American|US",
         "metonyms": "Washington"},
        {"iso3": "JPN", "name": "Japan", "names": "", "adjectives": "Japanese", "metonyms": "Tokyo"},
        {"iso3": "KOR", "name": "South Korea", "names": "Korea|ROK", "adjectives": "South Korean|Korean",
         "metonyms": "Seoul"},
    ],
    "places": [
        {"name": "Tokyo", "country": "JPN", "latitude": "35.68", "longitude": "139.76", "kind": "capital"},
        {"name": "Florida", "country": "USA", "latitude": "28", "longitude": "-82", "kind": "region"},
    ],
    "people": [
        {"person_id": "fumio-kishida", "canonical_name": "Fumio Kishida", "family_name": "Kishida",
         "given_name": "Fumio", "country": "JPN", "name_order": "given_family", "aliases": ""},
        {"person_id": "hiroyuki-namazu", "canonical_name": "Hiroyuki Namazu", "family_name": "Namazu",
         "given_name": "Hiroyuki", "country": "JPN", "name_order": "given_family", "aliases": ""},
        {"person_id": "park-jin", "canonical_name": "Park Jin", "family_name": "Park", "given_name": "Jin",
         "country": "KOR", "name_order": "family_given", "aliases": ""},
        {"person_id": "park-geun-hye", "canonical_name": "Park Geun-hye", "family_name": "Park",
         "given_name": "Geun-hye", "country": "KOR", "name_order": "family_given", "aliases": ""},
    ],
    "person_roles": [
        {"person_id": "park-jin", "role": "Minister of Foreign Affairs", "country": "KOR",
         "start_date": "2022-05-12", "end_date": "2024-01-10"},
        {"person_id": "park-geun-hye", "role": "President", "country": "KOR", "start_date": "2013-02-25",
         "end_date": "2017-03-10"},
    ],
    "title_rules": [
        {"pattern": r"\bSecretary of State\b", "country": "USA"},
        {"pattern": r"\bMETI\b", "country": "JPN"},
        {"pattern": r"Indo-Pacific Command", "country": "USA"},
    ],
    "organizations": [{"name": "NHK", "aliases": "", "country": "JPN"}],
}


@pytest.fixture(scope="module")
def ref():
    return Reference.from_tables(TABLES)


def names_titles(text, ref):
    return [(m.name, m.title) for m in find_mentions(text, ref)]


def test_titles_and_ranks_are_not_names(ref):
    found = names_titles("Commander of US Indo-Pacific Command Adm. John Aquilino and Gov. Jared Polis meet.", ref)
    assert found == [("John Aquilino", "Commander of US Indo-Pacific Command"), ("Jared Polis", "")]


def test_lists_of_people_split_on_and_and_commas(ref):
    found = names_titles("Kishida, Namazu, and Korean Minister of Foreign Affairs Park Jin meet in Tokyo.", ref)
    assert found == [("Kishida", ""), ("Namazu", ""), ("Park Jin", "Korean Minister of Foreign Affairs")]


def test_organisation_names_are_not_people(ref):
    assert names_titles("Leaders attend the Japan-US Business Conference in Tokyo.", ref) == []


def test_leading_place_moves_to_the_title(ref):
    found = names_titles("Secretary of the State of Florida Cord Byrd signs a memorandum.", ref)
    assert found == [("Cord Byrd", "Secretary of the State of Florida")]


@pytest.mark.parametrize(
    ("title", "iso3"),
    [
        ("Korean Minister of Foreign Affairs", "KOR"),
        ("Secretary of State", "USA"),
        ("Commander of US Indo-Pacific Command", "USA"),
        ("METI Minister", "JPN"),
        ("Ambassador to Japan", None),  # the state a title points to is not the person's state
        ("Secretary of the State of Florida", "USA"),
        ("", None),
    ],
)
def test_country_from_title(ref, title, iso3):
    assert country_from_title(title, ref) == iso3


def test_every_form_of_a_name_resolves_to_one_person(ref):
    ctx = PeopleContext()
    forms = ["Kishida Fumio", "Fumio Kishida", "Kishida"]
    ids = set()
    for form in forms:
        mention = find_mentions(f"Prime Minister {form} meets reporters.", ref)[0]
        ids.add(resolve(mention, ref, ctx, date(2023, 5, 1), "JPN").canonical_name)
    assert ids == {"Fumio Kishida"}


def test_misspelt_name_maps_to_the_right_person(ref):
    mention = find_mentions("Director General Namazu Hiyouki speaks.", ref)[0]
    assert resolve(mention, ref, PeopleContext(), None, "JPN").canonical_name == "Hiroyuki Namazu"


def test_surname_only_uses_office_at_the_date(ref):
    mention = find_mentions("Foreign Minister Park meets reporters.", ref)[0]
    person = resolve(mention, ref, PeopleContext(), date(2023, 10, 25), "KOR")
    assert person.canonical_name == "Park Jin"


def test_surname_seen_earlier_in_the_report_wins(ref):
    ctx = PeopleContext()
    first = find_mentions("Ambassador Rahm Emanuel arrives.", ref)[0]
    resolve(first, ref, ctx, None, "USA")
    later = find_mentions("Emanuel meets the press.", ref, ctx)[0]
    assert resolve(later, ref, ctx, None, None).canonical_name == "Rahm Emanuel"


def test_unknown_japanese_name_gets_given_family_order():
    assert canonical_form("Tsuji Kiyoto", "JPN") == "Kiyoto Tsuji"
    assert canonical_form("Kiyoto Tsuji", "JPN") == "Kiyoto Tsuji"
    assert canonical_form("Kang Jae-kwon", "KOR") == "Kang Jae-kwon"
    assert canonical_form("Charles Q. Brown", "USA") == "Charles Brown"


def test_name_particles_stay_inside_the_name(ref):
    found = names_titles("European Commission President Ursula von der Leyen meets Kishida.", ref)
    assert found[0] == ("Ursula von der Leyen", "European Commission President")


def test_a_surname_that_looks_like_a_title_closes_the_name(ref):
    assert names_titles("US Pvt. Travis King crosses the border.", ref) == [("Travis King", "US Pvt.")]


def test_ties_between_namesakes_go_to_the_more_prominent_office_holder():
    tables = {**TABLES, "people": [
        {"person_id": "joe-biden", "canonical_name": "Joe Biden", "family_name": "Biden", "given_name": "Joe",
         "country": "USA", "name_order": "given_family", "aliases": ""},
        {"person_id": "jill-biden", "canonical_name": "Jill Biden", "family_name": "Biden", "given_name": "Jill",
         "country": "USA", "name_order": "given_family", "aliases": ""}],
        "person_roles": [
        {"person_id": "joe-biden", "role": "Vice President", "start_date": "2009-01-20", "end_date": "2017-01-20"},
        {"person_id": "joe-biden", "role": "President", "start_date": "2021-01-20", "end_date": "2025-01-20"},
        {"person_id": "jill-biden", "role": "First Lady", "start_date": "2021-01-20", "end_date": "2025-01-20"}]}
    ref = Reference.from_tables(tables)
    mention = find_mentions("Yoon, Biden, and Kishida meet.", ref)[0]
    assert resolve(mention, ref, PeopleContext(), date(2023, 5, 21), None).canonical_name == "Joe Biden"
    first_lady = find_mentions("First Lady Biden visits a school.", ref)[0]
    assert resolve(first_lady, ref, PeopleContext(), date(2023, 5, 21), None).canonical_name == "Jill Biden"


def test_ambassador_to_a_state_acts_for_the_sending_state(ref):
    found = names_titles("Japanese Ambassador to South Korea Koichi Mizushima meets reporters.", ref)
    assert found == [("Koichi Mizushima", "Japanese Ambassador to South Korea")]
    assert country_from_title(found[0][1], ref) == "JPN"


WHOLE = ("Sept. 1, 2023: Japanese Foreign Minister Hayashi Yoshimasa meets  U.S. Ambassador Rahm Emanuel (in Tokyo).\n"
         "Later, Gen. Paul LaCamera, US Forces Korea Commander, and “Kim” visit O'Brien's office; ²3 aides attend.")


def test_tokens_and_gaps_agree_with_and_without_the_stdlib_engine(monkeypatch):
    from transforms import _regex
    from transforms.people import _tokens_and_gaps, tokenize

    text = WHOLE.replace("²", "")  # '²' is a word character to `regex` only: no stdlib split for it
    assert _regex.std_compatible(text)
    tokens, gaps = _tokens_and_gaps(text)
    assert len(gaps) == len(tokens) + 1
    assert "".join(g + t for g, (t, _, _) in zip(gaps, tokens, strict=False)) + gaps[-1] == text
    monkeypatch.setattr(_regex, "std_compatible", lambda text: False)
    assert _tokens_and_gaps(text) == (tokens, gaps)
    assert tokenize(text) == tokens


def test_sub_scan_is_the_scan_of_the_part(ref):
    from transforms.people import scan, sub_scan

    whole = scan(WHOLE, ref)
    for part in ("Japanese Foreign Minister Hayashi Yoshimasa meets  U.S. Ambassador Rahm Emanuel (in Tokyo)",
                 "Later, Gen. Paul LaCamera, US Forces Korea Commander, and “Kim” visit O'Brien's office;"):
        start = WHOLE.index(part)
        assert sub_scan(whole, WHOLE, start, part) == scan(part, ref)
    assert sub_scan(whole, WHOLE, 15, WHOLE[15:WHOLE.index("\n")]) is None  # ends on "X." : not cut out


def _plausible_person_in_full(name, title, text, pos, ref, ctx):
    """_plausible_person as it read before its name-and-title part was cached."""
    import regex

    from transforms.people import _NUMBER_AFTER, _appositive_title, _role_before, _title_traits
    from transforms.reference import fold

    tokens = name.split()
    key = fold(name)
    object_end, role = _title_traits(title)
    if object_end:
        return False
    has_role = role or title.endswith(("'s", "’s"))
    if not has_role and (key in ref.places or key in ref.organizations or key in ref.groupings):
        return False
    if len(tokens) >= 2:
        if max(map(len, tokens)) <= 2:
            return False
        known = key in ref.people_by_alias or any(fold(t) in ref.people_by_family for t in tokens)
        plausible = has_role or known or bool(regex.match(r",\s+\S", text[pos + len(name):pos + len(name) + 3])
                                              and _appositive_title(text, pos + len(name), ref)) or bool(
            _role_before(text, pos, ref))
    else:
        plausible = role or key in ref.people_by_family or (ctx is not None and key in ctx.by_family)
    return bool(plausible) and not _NUMBER_AFTER.match(text[pos + len(name):pos + len(name) + 3])


def test_plausible_person_agrees_with_the_uncached_tests(ref, monkeypatch):
    from tests.test_chronology import _seed_report_texts
    from transforms import people
    from transforms.people import PeopleContext, ResolvedPerson, find_mentions, scan

    calls = []
    checked = people._plausible_person

    def record(*args):
        calls.append(args)
        return checked(*args)

    monkeypatch.setattr(people, "_plausible_person", record)
    seen = PeopleContext(by_family={"kim": ResolvedPerson("p_1", "Kim Hong-kyun", "KOR", False)})
    for text in [WHOLE, *_seed_report_texts()]:
        for ctx in (None, seen):
            find_mentions(text, ref, ctx)
        whole = scan(text, ref)
        assert whole.may_start == [n or t in people.KOREAN_FAMILY for (t, _, _), n in zip(
            whole.tokens, whole.names, strict=True)]
    assert len(calls) > 100
    for args in calls:
        assert checked(*args) == _plausible_person_in_full(*args)


def test_unknown_japanese_names_follow_the_reports_own_order(ref):
    """The endings cannot tell "Tsuge Yoshifumi" apart; the report's order for the Japanese names the
    reference knows can."""
    family_first = PeopleContext()
    for text in ("Prime Minister Kishida Fumio meets the press.", "State Minister Tsuge Yoshifumi visits Manila."):
        mention = find_mentions(text, ref, family_first)[0]
        person = resolve(mention, ref, family_first, None, "JPN")
    assert family_first.japanese_order == [1, 0]
    assert person.canonical_name == "Yoshifumi Tsuge"
    given_first = PeopleContext()
    for text in ("Prime Minister Fumio Kishida meets the press.", "State Minister Tsuji Kiyoto visits Manila."):
        person = resolve(find_mentions(text, ref, given_first)[0], ref, given_first, None, "JPN")
    assert person.canonical_name == "Tsuji Kiyoto"  # as written: the report puts given names first
    assert PeopleContext().japanese_order == [0, 0] and canonical_form("Tsuge Yoshifumi", "JPN") == "Tsuge Yoshifumi"


def test_an_unknown_japanese_name_keeps_its_first_form_in_a_report(ref):
    from transforms.people import learn_name_order

    ctx = PeopleContext()
    first = find_mentions("State Minister Tsuge Yoshifumi visits Manila.", ref, ctx)[0]
    assert resolve(first, ref, ctx, None, "JPN").canonical_name == "Tsuge Yoshifumi"  # no evidence yet
    resolve(find_mentions("Prime Minister Kishida Fumio meets the press.", ref, ctx)[0], ref, ctx, None, "JPN")
    assert resolve(first, ref, ctx, None, "JPN").canonical_name == "Tsuge Yoshifumi"  # still one identity
    primed = PeopleContext()
    mentions = find_mentions("State Minister Tsuge Yoshifumi visits Manila. Prime Minister Kishida Fumio meets "
                             "the press.", ref, primed)
    learn_name_order(mentions, ref, primed)  # the convention, learnt before the first name is resolved
    assert resolve(mentions[0], ref, primed, None, "JPN").canonical_name == "Yoshifumi Tsuge"


def test_a_title_can_name_another_holder_of_a_family_name_seen_earlier():
    tables = {**TABLES, "people": TABLES["people"] + [
        {"person_id": "bongbong-marcos", "canonical_name": "Bongbong Marcos", "family_name": "Marcos",
         "given_name": "Bongbong", "country": "PHL", "name_order": "given_family", "aliases": ""}],
        "person_roles": TABLES["person_roles"] + [
        {"person_id": "bongbong-marcos", "role": "President", "country": "PHL", "start_date": "2022-06-30",
         "end_date": ""}]}
    ref = Reference.from_tables(tables)
    ctx = PeopleContext()
    resolve(find_mentions("Philippine Senator Imee Marcos visits Tokyo.", ref, ctx)[0], ref, ctx, None, None)
    later = find_mentions("President Marcos meets Prime Minister Kishida.", ref, ctx)[0]
    assert resolve(later, ref, ctx, date(2024, 4, 11), None).canonical_name == "Bongbong Marcos"
    again = find_mentions("Senator Marcos speaks.", ref, ctx)[0]
    assert resolve(again, ref, ctx, date(2024, 4, 11), None).canonical_name == "Imee Marcos"


def test_a_family_name_that_is_also_a_place_is_the_person_once_named_in_full():
    tables = {**TABLES,
              "places": TABLES["places"] + [{"name": "Austin", "country": "USA", "latitude": "30.27",
                                             "longitude": "-97.74", "kind": "city"}],
              "people": TABLES["people"] + [
                  {"person_id": "lloyd-austin", "canonical_name": "Lloyd Austin", "family_name": "Austin",
                   "given_name": "Lloyd", "country": "USA", "name_order": "given_family", "aliases": ""}]}
    ref = Reference.from_tables(tables)
    assert [m.name for m in find_mentions("Austin meets Kishida.", ref, PeopleContext())] == ["Kishida"]
    ctx = PeopleContext()
    resolve(find_mentions("Defense Secretary Lloyd Austin arrives.", ref, ctx)[0], ref, ctx, None, "USA")
    names = [m.name for m in find_mentions("Kishida and Austin meet, then Austin stops in Tokyo.", ref, ctx)]
    assert names == ["Kishida", "Austin", "Austin"]
    assert [m.name for m in find_mentions("A forum is held in Austin.", ref, ctx)] == []


@pytest.mark.parametrize(("text", "title"), [
    ("Liberal Democratic Party (LDP) Secretary-General Motegi Toshimitsu speaks.",
     "Liberal Democratic Party (LDP) Secretary-General"),
    ("TOKYO, 7 March (Staff) — Prime Minister Fumio Kishida said on Thursday that talks would resume.",
     "Prime Minister"),
    ("WASHINGTON (Reuters) - Secretary of State Antony Blinken spoke.", "Secretary of State"),
    ("(Staff) Prime Minister Fumio Kishida said so.", "Prime Minister"),
])
def test_parentheticals_inside_titles_and_datelines_before_them(ref, text, title):
    assert find_mentions(text, ref, PeopleContext())[-1].title == title


@pytest.mark.parametrize(("text", "title"), [
    ("Joint Chiefs Chairman Gen. Charles Q. Brown arrives.", "Joint Chiefs Chairman"),
    ("Colorado Gov. Jared Polis visits Tokyo.", "Colorado Gov."),
    ("US Sen. Tammy Duckworth meets reporters.", "US Sen."),
    ("National Security Secretariat Secretary General Akiba Takeo attends.",
     "National Security Secretariat Secretary General"),
])
def test_a_trailing_rank_is_dropped_only_where_it_is_not_the_office(ref, text, title):
    assert find_mentions(text, ref, PeopleContext())[0].title == title


@pytest.mark.parametrize(("text", "title"), [
    ("Kishida meets Seo Min-jung, South Korea's director general for Asia and Pacific affairs to discuss trade.",
     "South Korea's director general for Asia and Pacific affairs"),
    ("Talks with Rahm Emanuel, ambassador to Japan and a former mayor.", "ambassador to Japan"),
    ("He met Kurt Campbell, deputy secretary of state, who arrived Tuesday.", "deputy secretary of state"),
])
def test_an_appositive_title_ends_where_the_sentence_goes_on(ref, text, title):
    assert find_mentions(text, ref, PeopleContext())[-1].title == title
