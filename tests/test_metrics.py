import pytest

from transforms.metrics import find_metrics


def values(text):
    return sorted((m.value, m.unit) for m in find_metrics(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three-quarters of Americans (77%) say the alliance matters to them.", [(77.0, "percent")]),
        ("Support for the cabinet stood at 41 percent in the latest survey.", [(41.0, "percent")]),
        ("Turnout was down roughly five points to 58 percent of eligible voters, compared to 2018.",
         [(-5.0, "percentage_points"), (58.0, "percent")]),
        ("Approval was down 4.2% from November, according to the survey.", [(-4.2, "percentage_points")]),
        ("They saw each other more favorably than last year by 8.5 points and 10.4 points, respectively.",
         [(8.5, "percentage_points"), (10.4, "percentage_points")]),
        ("The two central banks signed a currency swap worth $10 billion this week.", [(1e10, "USD")]),
        ("The court ordered 200 million won (about $150,000) in compensation to each victim.",
         [(150000.0, "USD"), (2e8, "KRW")]),
        ("Tokyo pledged ¥1.5 trillion for the fund over the coming years.", [(1.5e12, "JPY")]),
        ("All eight crew members were killed in the accident off the island.", [(8.0, "count")]),
        ("The plane helped evacuate 163 South Koreans and 51 Japanese from the region.",
         [(51.0, "count"), (163.0, "count")]),
        ("The meeting was attended by 13 partner nations from across the region.", [(13.0, "count")]),
    ],
)
def test_metrics_found(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Leaders attended the 60th Japan-US Business Conference in Tokyo last week.",
        "It was the first such meeting in seven years between the two sides.",
        "This article is from Vol. 25, No. 3, pp 19–28 of the journal, January 2024.",
        "The 13th Defense Trilateral Talks were held in Washington in April 2023.",
        "North Korea tested a Hwasong-18 missile on Dec. 18, 2023, its fifth launch.",
        "Figure 4 shows the ministers at the summit in Seoul during the second day.",
        "A delegation of four governors and two lieutenant governors visited Tokyo.",
    ],
)
def test_not_metrics(text):
    assert values(text) == []


def test_same_number_for_same_thing_twice_is_one_metric():
    text = ("Approval of the cabinet fell to 29% in November. Pollsters said approval of the cabinet fell to "
            "29% in November after the scandal.")
    assert values(text) == [(29.0, "percent")]


def test_metric_descriptions_name_measure_population_and_source():
    from datetime import date

    from transforms.metrics_context import describe_metric
    from transforms.reference import Reference

    ref = Reference.from_tables({"organizations": [{"name": "Gallup", "aliases": "", "country": "USA"}]})
    text = ("A Gallup poll in February found 77% of Americans held an unfavorable view of China. "
            "All eight crew members were killed in the crash.")
    found = {m.value: describe_metric(m, text, ref, date(2024, 4, 30)) for m in find_metrics(text)}
    assert found[77.0] == {"measure": "unfavorable rating", "subject": "China", "population": "Americans",
                           "source": "Gallup", "period": "2024-02"}  # the poll's month
    assert found[8.0]["measure"] == "crew members killed" and found[8.0]["source"] == ""


@pytest.mark.parametrize("context", [
    "According to a Gallup poll, 41% approve. Asahi's December survey found 29% in support; the report said so.",
    "A survey by the Pew Research Center, (reported) and the Yomiuri Shimbun and Gallup Korea poll agreed.",
    "No poll-words here: surveys, polls,reports and apolls only.",
])
def test_named_poll_sources_match_a_full_scan(context):
    from transforms.metrics_context import _NAMED_POLL, _POLL_WORD, _named_poll_sources, _poll_words

    assert [m.span() for m in _poll_words(context)] == [m.span() for m in _POLL_WORD.finditer(context)]
    assert _named_poll_sources(context) == [m["src"] for m in _NAMED_POLL.finditer(context)]


def test_word_count_pre_check_rules_out_only_sentences_without_a_match():
    from tests.test_chronology import _seed_report_texts
    from transforms import _regex
    from transforms.chronology import sentences, split_lines
    from transforms.metrics import WORD_COUNT, _may_count_words

    texts = [*_seed_report_texts(), "Two crew members were killed.", "A dozen Japanese nationals were evacuated."]
    for text in texts:
        for block in split_lines(text):
            for s in (sent.text for sent in sentences(block)):
                if not _may_count_words(s, _regex.lowered(s)):
                    assert WORD_COUNT.search(s) is None
    assert _may_count_words("A dozen Japanese nationals", "a dozen japanese nationals")
