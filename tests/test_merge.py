from datetime import date

from transforms.identity import minhash_signature
from transforms.merge import EventKey, assign_events, matching_report, richer_report, same_event

D = date(2023, 10, 29)


def key(eid, report, text, people=(), countries=("JPN", "KOR", "USA"), location="Honolulu", etype="meeting",
        start=D, end=D):
    return EventKey(eid, report, start, end, etype, frozenset(people), frozenset(countries), location, text)


def test_same_dialogue_told_by_two_reports_merges():
    a = key("a", "r1", "US-Japan-Korea Trilateral Development and Humanitarian Assistance Policy Dialogue is held "
                       "in Honolulu.")
    b = key("b", "r2", "US-Japan-ROK “Trilateral Development and Humanitarian Assistance Policy Dialogue” is held "
                       "in Honolulu.")
    assert same_event(a, b)
    assert assign_events([b], [a]) == {"b": "a"}


def test_two_meetings_of_the_same_people_on_one_day_in_one_report_stay_two():
    a = key("a", "r1", "Blinken and Kamikawa meet in New York.", people={"p1", "p2"})
    b = key("b", "r1", "Blinken and Kamikawa attend a G7 Foreign Ministers' Meeting in New York.", people={"p1", "p2"})
    assert not same_event(a, b)


def test_different_people_or_days_or_places_do_not_merge():
    base = key("a", "r1", "Kishida meets Blinken in Tokyo.", people={"k", "b"}, location="Tokyo")
    assert not same_event(base, key("b", "r2", "Kishida meets Austin in Tokyo.", people={"k", "x"}, location="Tokyo"))
    assert not same_event(base, key("c", "r2", "Kishida meets Blinken in Tokyo.", people={"k", "b"},
                                    location="Tokyo", start=date(2023, 10, 30), end=date(2023, 10, 30)))
    assert not same_event(base, key("d", "r2", "Kishida meets Blinken in Osaka.", people={"k", "b"},
                                    location="Osaka"))


def test_one_to_one_assignment_prefers_the_closest_wording():
    old1 = key("o1", "r1", "Blinken and Kamikawa meet in New York.", people={"p1", "p2"}, location="New York")
    old2 = key("o2", "r1", "Blinken and Kamikawa attend a G7 Foreign Ministers' Meeting in New York.",
               people={"p1", "p2"}, location="New York")
    new = key("n", "r2", "Blinken and Kamikawa attend the G7 foreign ministers meeting in New York.",
              people={"p1", "p2"}, location="New York")
    assert assign_events([new], [old1, old2]) == {"n": "o2"}


def test_report_renderings_match_by_content_not_bytes():
    article = " ".join(f"Sentence {i} about the alliance and its many meetings this year." for i in range(80))
    web = article.replace("alliance", "alliance,").replace(".", ". ")
    other = " ".join(f"Unrelated {i} text about trade and tariffs in Europe." for i in range(80))
    known = [("rep-1", minhash_signature(article)), ("rep-2", minhash_signature(other))]
    assert matching_report(minhash_signature(web), known) == "rep-1"
    assert matching_report(minhash_signature("Completely new piece on fisheries " * 30), known) is None


def test_the_richer_rendering_supplies_the_report_metadata():
    from datetime import date as d

    kept = {"report_id": "r1", "title": "Articles", "authors": [], "publication": None, "period_start": None,
            "period_end": None, "n_events": 61}
    pdf = {"report_id": "r1", "title": "US-Japan Relations: As Good as it Gets?", "authors": ["Brad Glosserman"],
           "publication": "Comparative Connections", "period_start": d(2023, 9, 1), "period_end": d(2023, 12, 31),
           "n_events": 60}
    merged = richer_report(kept, pdf)
    assert merged["title"].startswith("US-Japan") and merged["authors"] == ["Brad Glosserman"]
    assert merged["n_events"] == 61  # counts stay the kept rendering's
    assert richer_report(pdf, kept)["title"].startswith("US-Japan")  # either order
