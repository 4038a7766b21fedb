"""People rules of the thirteenth round, in our own sentences (the people are invented). Read with the
project's own reference (seeds/)."""

from tests.extraction_helpers import extract_text, mention_names, participants_per_event
from transforms.people import country_from_title, find_mentions

names = mention_names


def test_a_name_does_not_run_on_across_a_blank_line(ref):
    # an aggregator's source line over a headline: "Radiopress" is no given name of Sandu's
    assert names("via Radiopress\n\nSandu and Bolojan talk energy", ref) == ["Sandu", "Bolojan"]


def test_a_name_wrapped_at_a_line_break_stays_one_name(ref):
    assert names("Deputy Foreign Minister Ilinca\nVarga met the ambassador.", ref) == ["Ilinca Varga"]


def test_news_agencies_are_known_organisations(ref):
    assert ref.organizations["agerpres"] == "ROU"
    assert ref.organizations["vna"] == "VNM"


def test_a_word_before_a_title_after_and_opens_that_title(ref):
    mentions = find_mentions("Minister Ilinca Varga and European Commissioner Aino Laine signed the deal.", ref)
    assert [(m.name, m.title) for m in mentions] == [("Ilinca Varga", "Minister"),
                                                      ("Aino Laine", "European Commissioner")]


def test_a_lone_word_before_a_title_is_no_person(ref):
    assert names("The ministers, and European Commissioner Aino Laine, signed the deal.", ref) == ["Aino Laine"]


def test_an_instruments_name_is_no_person_however_titled(ref):
    assert names("They signed it under the EU's Critical Raw Materials Act in Brussels.", ref) == []
    assert names("It falls under Japan's Economic Security Promotion Act.", ref) == []


def test_the_talibans_officers_act_for_afghanistan(ref):
    assert country_from_title("Taliban spokesman", ref) == "AFG"
    assert ref.state_bodies["taliban"] == "AFG"


def test_a_bylines_author_in_capitals_is_not_whom_a_later_surname_means(ref):
    text = ("KOREA-JAPAN RELATIONS\n\nJIWOO PARK, INSTITUTE FOR PENINSULA STUDIES\n\nChronology\n\n"
            "Jan. 9, 2023: Minister of Foreign Affairs Park meets Yoshimasa Hayashi in Seoul.\n"
            "Jan. 20, 2023: Park delivers a speech on export controls in Busan.\n")
    people = participants_per_event(extract_text(text, ref), "country")
    assert ("Park Jin", "KOR") in people[1]


def test_a_middle_initial_a_is_part_of_the_name(ref):
    assert names("Secretary of Finance Ramon A. Dizon met the envoy.", ref) == ["Ramon A. Dizon"]


def test_the_malay_style_utama_is_no_part_of_a_name(ref):
    found = names("On Tuesday Dato' Seri Utama Haji Mohamad bin Haji Hasan arrived in Manila.", ref)
    assert found == ["Mohamad bin Hasan"]
