"""Names from beyond the seeds' usual languages (accents, Arabic articles, particles), titles in
apposition before or after the name, and the capitalised words that only look like names.
Read with the project's own reference (seeds/)."""

import pytest

from transforms.people import country_from_title, find_mentions


def names(sentence: str, ref) -> list[tuple[str, str]]:
    return [(m.name, m.title) for m in find_mentions(sentence, ref)]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Prime Minister Pedro Sánchez spoke.", [("Pedro Sánchez", "Prime Minister")]),
    ("Spanish Prime Minister Ángel Ortiz met Óscar Pérez, the Chilean foreign minister.",
     [("Ángel Ortiz", "Spanish Prime Minister"), ("Óscar Pérez", "the Chilean foreign minister")]),
    ("Polish President Łukasz Nowak spoke.", [("Łukasz Nowak", "Polish President")]),
    ("Egyptian President Abdel Fattah al-Sisi met Crown Prince Mohammed bin Salman.",
     [("Abdel Fattah al-Sisi", "Egyptian President"), ("Mohammed bin Salman", "Crown Prince")]),
])
def test_accented_and_arabic_names_are_whole(ref, sentence, expected):
    assert names(sentence, ref) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Ms Wong hosted Sione Tala, Prime Minister of Tuvalu, at the lodge.", ("Sione Tala", "Prime Minister of Tuvalu")),
    ("Mr Peters received Aleki Vaka, the Pacific Islands Forum Secretary General, in Wellington.",
     ("Aleki Vaka", "the Pacific Islands Forum Secretary General")),
    ("Hanne de Wit, the Dutch MEP who led the observers, said the same.", ("Hanne de Wit", "the Dutch MEP")),
    ("Karen Bass, the mayor of Los Angeles, spoke.", ("Karen Bass", "the mayor of Los Angeles")),
])
def test_an_unknown_person_with_a_title_after_the_name(ref, sentence, expected):
    assert expected in names(sentence, ref)


def test_the_next_list_item_is_not_a_title(ref):
    found = names("Rubio hosts Iwaya, Australian Foreign Minister Penny Wong and Indian External Affairs"
                  " Minister S. Jaishankar.", ref)
    assert ("Iwaya", "") in found and ("Penny Wong", "Australian Foreign Minister") in found


@pytest.mark.parametrize(("sentence", "not_a_person"), [
    ("Penny Wong, Australia's foreign minister, and New Zealand's Foreign Minister Winston Peters spoke.",
     "New Zealand"),
    ("Two Rounds and a Royal Welcome", "Rounds"),  # a headline, and Senator Rounds is in the seeds
])
def test_places_and_counted_nouns_are_not_people(ref, sentence, not_a_person):
    assert not_a_person not in [n for n, _ in names(sentence, ref)]


def test_an_organisation_in_a_title_gives_its_state(ref):
    assert country_from_title("head of the Organization of American States observer mission", ref) == "INT"
    assert country_from_title("Governor of the Bank of Japan", ref) == "JPN"


def test_a_role_named_before_the_name_is_its_title(ref):
    found = names("Also in Geneva, the Prime Minister of the Democratic Republic of the Congo, Amani Lukusa,"
                  " told the Council.", ref)
    assert found == [("Amani Lukusa", "Prime Minister of the Democratic Republic of the Congo")]
    assert country_from_title(found[0][1], ref) == "COD"  # not the Republic of the Congo


def test_the_previous_list_item_is_not_a_role_before_a_place(ref):
    found = names("Hayashi meets four governors (Indiana Governor Eric Holcomb, Kansas Governor Laura Kelly).", ref)
    assert [n for n, _ in found] == ["Hayashi", "Eric Holcomb", "Laura Kelly"]
