import itertools
import random
from datetime import date

from transforms.identity import N_HASHES, minhash_signature
from transforms.merge import (
    SAME_REPORT_SIMILARITY,
    EventKey,
    ReportIndex,
    assign_events,
    match_in,
    match_key,
    matching_report,
    richer_report,
    same_event,
)

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


def _variant(sig: list[str], changed: int, rng: random.Random) -> list[str]:
    out = list(sig)
    for i in rng.sample(range(len(sig)), changed):
        out[i] = format(rng.getrandbits(60), "x")
    return out


def test_report_index_gives_the_answer_of_a_full_scan():
    """Adversarial near-threshold variants (exactly half the positions changed) included: the index
    is exact, never probabilistic."""
    rng = random.Random(7)
    base = [[format(rng.getrandbits(60), "x") for _ in range(64)] for _ in range(40)]
    known = [(f"r{i}", _variant(b, rng.choice((0, 8, 30, 32, 33, 40, 64)), rng)) for i, b in enumerate(base)]
    known += [(f"dup{i}", list(base[i])) for i in range(0, 40, 5)]  # ties: the first of equals wins
    index = ReportIndex(known)
    hits = 0
    for b in base:
        for changed in (0, 1, 16, 31, 32, 33, 48):
            query = _variant(b, changed, rng)
            expected = matching_report(query, known)
            assert index.match(query) == expected
            hits += expected is not None
    assert hits > 50  # the comparison above covered matches, not just misses
    assert SAME_REPORT_SIMILARITY == 0.5  # the adversarial counts above sit on this threshold


def test_report_index_judges_by_full_hashes_when_low_bytes_agree():
    """The index's cheap first pass compares low bytes only: hashes that differ above them must
    still count as different."""
    rng = random.Random(11)
    sig = [format(rng.getrandbits(60), "x") for _ in range(64)]

    def same_low_byte(changed: int) -> list[str]:
        out = list(sig)
        for i in rng.sample(range(64), changed):
            out[i] = format(int(out[i], 16) ^ (rng.getrandbits(40) << 8 | 1 << 8), "x")  # low byte kept
        return out

    index = ReportIndex([("r", sig)])
    assert index.match(same_low_byte(33)) is None  # 31 equal hashes, 64 equal low bytes
    assert index.match(same_low_byte(32)) == "r"  # 32 equal: exactly the threshold
    assert index.best(same_low_byte(16)) == (48 / 64, "r")


def test_report_index_over_two_indexes_keeps_the_scan_order():
    rng = random.Random(3)
    sig = [format(rng.getrandbits(60), "x") for _ in range(64)]
    stored, batch = ReportIndex([("stored", sig)]), ReportIndex([("new", list(sig))])
    assert match_in(sig, stored, batch) == "stored"  # equal similarity: the earlier (stored) one
    closer = _variant(sig, 10, rng)
    far, near = ReportIndex([("far", _variant(closer, 20, rng))]), ReportIndex([("near", closer)])
    assert match_in(closer, far, near) == "near"
    assert ReportIndex([("short", sig[:5])]).match(sig[:5]) == "short"  # short signatures still match


def test_events_that_may_merge_share_a_match_key():
    people = [(), ("p1",), ("p1", "p2")]
    countries = [(), ("USA",), ("JPN", "USA")]
    keys = [key(f"e{i}", f"r{i % 2}", "Kishida meets Biden in Tokyo.", people=p, countries=c)
            for i, (p, c) in enumerate(itertools.product(people, countries))]
    keys = keys + [key(f"x{k.event_id}", "r9", k.text, people=k.participants, countries=k.countries) for k in keys]
    for a, b in itertools.product(keys, keys):
        if same_event(a, b):
            assert match_key(a) == match_key(b)
    assert sum(same_event(a, b) for a, b in itertools.product(keys, keys)) >= 10


def _assign_by_every_pair(new, existing):
    """assign_events as specified: every pair judged by same_event, best overlap first."""
    from transforms.merge import content_words

    pairs = sorted(((len(content_words(n.text) & content_words(e.text)), n.event_id, e.event_id)
                    for n in new for e in existing if same_event(n, e)), reverse=True)
    mapping, used = {}, set()
    for _, new_id, old_id in pairs:
        if new_id not in mapping and old_id not in used:
            mapping[new_id] = old_id
            used.add(old_id)
    return mapping


def test_assign_events_matches_judging_every_pair():
    rng = random.Random(11)
    texts = ["Kishida meets Biden in Tokyo.", "Kishida and Biden meet in Tokyo on trade.",
             "Foreign ministers hold talks on the strait.", "Joint exercise held near Okinawa."]
    days = [D, date(2023, 10, 30)]

    def random_key(eid, report):
        return key(eid, report, rng.choice(texts), people=rng.sample(["p1", "p2", "p3"], rng.randint(0, 2)),
                   countries=rng.sample(["JPN", "USA", "CHN"], rng.randint(1, 2)),
                   etype=rng.choice(["meeting", "call"]),
                   location=rng.choice(["Tokyo", ""]), start=rng.choice(days), end=rng.choice(days))

    merged = 0
    for trial in range(30):
        existing = [random_key(f"o{trial}-{i}", f"r{i % 3}") for i in range(40)]
        new = [random_key(f"n{trial}-{i}", "new") for i in range(25)]
        expected = _assign_by_every_pair(new, existing)
        assert assign_events(new, existing) == expected
        merged += len(expected)
    assert merged >= 30  # the trials do merge events, across several match keys


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


def test_report_index_from_stored_signatures_equals_one_from_fingerprints(tmp_path):
    """The index a run starts from (integers decoded by DuckDB) is the one adding every stored hex
    fingerprint would give: same reports, order and answers, odd-length fingerprints included."""
    from warehouse.load import Warehouse

    rng = random.Random(11)
    fingerprints = [(f"r{i}", [format(rng.getrandbits(60), "x") for _ in range(N_HASHES)]) for i in range(30)]
    fingerprints.insert(7, ("short", ["abc", "def"]))
    wh = Warehouse(tmp_path / "wh.duckdb")
    wh.ensure_schema()
    with wh.connect() as con:
        for report_id, fp in fingerprints:
            con.execute("INSERT INTO reports (report_id, fingerprint, has_chronology, n_events, n_metrics, "
                        "extractor_version) VALUES (?, ?, false, 0, 0, 'test')", [report_id, fp])

    stored = ReportIndex.from_signatures(wh.report_signatures(N_HASHES))
    added = ReportIndex(fingerprints)
    for _, fp in fingerprints:
        for query in (fp, _variant(fp, 20, rng) if len(fp) == N_HASHES else fp):
            assert stored.best(query) == added.best(query)
    assert stored.match(fingerprints[3][1]) == "r3" and stored.match(["abc", "def"]) == "short"
    stored.add("new", fingerprints[0][1])  # grows past the decoded rows; the first of equals still wins
    assert stored.match(fingerprints[0][1]) == "r0"
