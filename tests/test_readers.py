"""Readers: seeds/reports/* and the shared corpus -> normalized Documents with exact offsets."""

from __future__ import annotations

import io
import os
import random
import re
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.document import Document, OffsetMap, substitute
from transforms.readers import ReaderError, detect_format, read_document

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds" / "reports"
SHARED = Path(os.environ.get("REPORTFLOW_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpus"
DATE_LINE = re.compile(r"^(?:Jan|Feb|March|April|May|June|July|Aug|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b")


def read_seed(name: str) -> Document:
    return read_document(name, (SEEDS / name).read_bytes())


def read_corpus(prefix: str) -> Document:
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS} (set REPORTFLOW_SHARED to the shared dir)")
    matches = sorted(CORPUS.glob(f"{prefix}_*"))
    if not matches:
        pytest.skip(f"corpus file {prefix}_* not found in {CORPUS}")
    return read_document(matches[0].name, matches[0].read_bytes())


def blocks(doc: Document) -> list[str]:
    return doc.text.split("\n\n")


def entries(doc: Document) -> list[str]:
    return [b for b in blocks(doc) if DATE_LINE.match(b)]


def assert_normalized(doc: Document) -> None:
    assert doc.text and doc.text == doc.text.strip()
    assert "\n\n\n" not in doc.text
    for b in blocks(doc):
        assert b and "\n" not in b, f"block with a newline: {b[:80]!r}"
        assert "  " not in b and b == b.strip(), f"unnormalized spaces: {b[:80]!r}"


def assert_chars_map_to_themselves(doc: Document, allow_entities: bool = False) -> None:
    """Every visible character of the text maps to the same character in the source."""
    bad = []
    for i, c in enumerate(doc.text):
        if c.isspace():
            continue
        s = doc.offsets.to_source(i)
        got = doc.source_text[s] if 0 <= s < len(doc.source_text) else None
        if got != c and not (allow_entities and got == "&"):
            bad.append((i, c, got))
    assert not bad, f"{len(bad)} characters map elsewhere, first: {bad[:5]}"


def assert_words_map(doc: Document, min_words: int = 50) -> None:
    """A plain word maps to exactly that word in source_text (source_span)."""
    words = list(re.finditer(r"\b[A-Za-z]{4,}\b", doc.text))
    assert len(words) >= min_words
    bad = []
    for m in words:
        s, e = doc.source_span(m.start(), m.end())
        src = doc.source_text[s:e]
        if src != m.group() and "-\n" not in src:  # a PDF hyphenated line break legitimately differs
            bad.append((m.group(), src))
    assert not bad, f"{len(bad)} words map elsewhere, first: {bad[:5]}"


# ------------------------------------------------------------------------------------------------
# Format detection and errors


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("report.pdf", b"%PDF-1.7\n...", "pdf"),
        ("mislabelled.txt", b"%PDF-1.4\n...", "pdf"),
        ("page.htm", b"<p>hello</p>", "html"),
        ("page.HTML", b"hello", "html"),
        ("noext", b"  <!DOCTYPE html><html><body>x</body></html>", "html"),
        ("noext", b"<html lang='en'><body>x</body></html>", "html"),
        ("notes.md", b"plain words", "md"),
        ("notes.markdown", b"plain words", "md"),
        ("notes.txt", b"# Title\n\n**bold** [a](#)", "txt"),
        ("noext", b"# Title\n\nSome **bold** and [a link](#) and [b](#).", "md"),
        ("noext", b"Just a plain sentence.", "txt"),
    ],
)
def test_detect_format(name: str, data: bytes, expected: str) -> None:
    assert detect_format(name, data) == expected


def _encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(SEEDS / "japan-korea-2024-may-aug.pdf"))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.md", b"  \n\t\n", "empty"),
        ("garbage.txt", random.Random(7).randbytes(3000), "text"),
        ("nul.txt", b"abc\x00def\x00" * 50, "binary"),
        ("corrupt.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage garbage\n%%EOF", "PDF"),
        ("empty.pdf", b"%PDF-", "PDF"),
        ("script-only.html", b"<html><body><script>var a = 1;</script><nav>Home</nav></body></html>",
         "no text"),
    ],
)
def test_reader_error_on_unreadable_input(name: str, data: bytes, message: str) -> None:
    with pytest.raises(ReaderError, match=message):
        read_document(name, data)


def test_reader_error_on_encrypted_and_truncated_pdf() -> None:
    with pytest.raises(ReaderError, match="encrypted"):
        read_document("locked.pdf", _encrypted_pdf())
    data = (SEEDS / "japan-korea-2024-may-aug.pdf").read_bytes()
    with pytest.raises(ReaderError):
        read_document("cut.pdf", data[: len(data) // 3])
    assert issubclass(ReaderError, ValueError)


def test_cp1252_and_bom_text_decode() -> None:
    doc = read_document("old.txt", "Caf\u00e9 talks \u2013 \u201cquoted\u201d.".encode("cp1252"))
    assert doc.text == "Caf\u00e9 talks \u2013 \u201cquoted\u201d."
    doc = read_document("bom.txt", b"\xef\xbb\xbfHello world.")
    assert doc.text == "Hello world." and doc.source_text == "Hello world."


# ------------------------------------------------------------------------------------------------
# Markdown / plain text


def test_markdown_seed_markup_captions_and_breaks() -> None:
    doc = read_seed("us-korea-2024-jan-apr.md")
    assert doc.format == "md"
    assert_normalized(doc)
    for markup in ("](#)", "[meet]", "**", "<sup>", "</sup>", "\\$", "---", "# "):
        assert markup not in doc.text, markup
    assert "up to $6.4 billion" in doc.text
    assert "the 12th Special Measures Agreement" in doc.text
    assert "Figure" not in doc.text and "Photo:" not in doc.text
    assert "\n\n12\n\n" not in doc.text  # lone page number
    # page-break join across a page number and a caption
    assert "before the US presidential election in November could reopen it." in doc.text
    # chronology entry split by a figure caption is one block again
    assert ("March 18, 2024: Blinken meets President Yoon in Seoul, where the two discuss the ballistic "
            "missiles North Korea fired into the sea that morning.") in blocks(doc)
    ents = entries(doc)
    assert len(ents) == 17
    assert ents[0].startswith("Jan. 5, 2024: North Korea fires about 200 artillery shells")
    assert "Jan. 28-Feb. 2, 2024: North Korea test-fires cruise missiles" in doc.text
    assert any(e.startswith("Feb. 12-14, 2024: ") for e in ents)
    assert any("Later that day, Cho meets National Security Advisor Jake Sullivan" in e for e in ents)
    assert "CHRONOLOGY OF US-KOREA RELATIONS" in blocks(doc)
    assert "JANUARY–APRIL 2024" in blocks(doc)


def test_markdown_seed_metadata() -> None:
    doc = read_seed("us-korea-2024-jan-apr.md")
    assert doc.title == "US-Korea Relations: An Election Season on Both Sides of the Pacific"
    assert doc.authors == ("Minji Park", "Daniel Howard")
    assert doc.publication == "Comparative Connections"
    assert (doc.period_start, doc.period_end) == (date(2024, 1, 1), date(2024, 4, 30))
    assert doc.metadata["section"] == "US-KOREA RELATIONS"


def test_markdown_seed_offsets() -> None:
    doc = read_seed("us-korea-2024-jan-apr.md")
    assert_chars_map_to_themselves(doc)
    assert_words_map(doc)
    i = doc.text.index("Blinken meets Cho")
    s, e = doc.source_span(i, i + len("Blinken meets Cho"))
    assert doc.source_text[s:e] == "Blinken [meets](#) Cho"
    i = doc.text.index("$6.4")
    assert doc.source_text[doc.offsets.to_source(i)] == "$"


def test_markdown_table_chronology_rows_become_date_and_entry_blocks() -> None:
    md = ("# Alliance brief\n\nSome **context** here, and a [link](#) too.\n\n## Chronology\n\n"
          "| Date | Event |\n|------|:------|\n"
          "| Jan. 6, 2025 | Secretary of State Antony Blinken and Foreign Minister Cho Tae-yul hold **talks** "
          "in Seoul. |\n"
          "| 2025-03-10 to 2025-03-20 | US and South Korean forces conduct a combined exercise. |\n\n"
          "| Poll | Support |\n|---|---|\n| Gallup Korea | 45% |\n")
    doc = read_document("brief.md", md.encode())
    got = blocks(doc)
    i = got.index("Jan. 6, 2025")
    assert got[i:i + 4] == ["Jan. 6, 2025", "Secretary of State Antony Blinken and Foreign Minister Cho Tae-yul hold "
                            "talks in Seoul.", "2025-03-10 to 2025-03-20",
                            "US and South Korean forces conduct a combined exercise."]
    assert not any(set(b) <= set("|:- ") for b in got)  # the rule under the header is gone
    assert "| Gallup Korea | 45% |" in got  # a row that is not dated stays whole
    assert_chars_map_to_themselves(doc)
    k = doc.text.index("hold talks")
    s, e = doc.source_span(k, k + len("hold talks"))
    assert doc.source_text[s:e] == "hold **talks"


def test_digest_seed_bullets_and_footer() -> None:
    doc = read_seed("us-japan-digest-2024-03.txt")
    assert doc.format == "txt" and doc.metadata["markup"] == "plain"
    assert_normalized(doc)
    assert "•" not in doc.text
    assert "2025" not in doc.text and "Privacy Policy" not in doc.text
    assert doc.metadata["footer"].startswith("© 2025")
    assert "Bank of Japan ends the era of negative interest rates" in blocks(doc)
    para = next(b for b in blocks(doc) if b.startswith("President Joe Biden said on March 14"))
    assert '"remain American owned and operated," a direct challenge' in para  # reflowed wrap
    assert "Two days later, Nippon Steel said it remained committed" in para
    assert doc.title == "US-Japan Alliance Watch No. 42"
    assert doc.period_start is None
    assert_chars_map_to_themselves(doc)
    assert_words_map(doc)


def test_plain_text_reflow_hyphenation_and_date_lines() -> None:
    src = ("Officials discussed secu-\nrity matters and the US-\nJapan alliance in\nTokyo.\n"
           "Sept. 1, 2023: A dated line starts a block\neven without a blank line.\n\n3\n\n"
           "Next para.")
    doc = read_document("wrapped.txt", src.encode())
    assert blocks(doc) == [
        "Officials discussed security matters and the US-Japan alliance in Tokyo.",
        "Sept. 1, 2023: A dated line starts a block even without a blank line.",
        "Next para.",
    ]
    i = doc.text.index("security")
    assert doc.source_span(i, i + 8) == (src.index("secu-"), src.index("rity") + 4)


# ------------------------------------------------------------------------------------------------
# Real corpus text


def test_corpus_000_markdown_conversion() -> None:
    doc = read_corpus("000")
    assert_normalized(doc)
    assert "with senior Japanese political, military, and diplomatic personnel" in doc.text
    assert "near Second Thomas Shoal that interfered" in doc.text  # capitalized continuation
    for markup in ("](#)", "**", "## "):
        assert markup not in doc.text
    assert not re.search(r"(^|\n)Figure \d", doc.text) and "Photo:" not in doc.text
    assert "Sept. 1, 2023: Commander of US Strategic Command General Anthony Cotton" in blocks(doc)[
        blocks(doc).index("SEPTEMBER–DECEMBER 2023") + 1
    ]
    assert len(entries(doc)) > 60
    assert doc.title == "US-Japan Relations: As Good as it Gets?"
    assert doc.authors == ("Brad Glosserman",)
    assert (doc.period_start, doc.period_end) == (date(2023, 9, 1), date(2023, 12, 31))
    assert_chars_map_to_themselves(doc)
    assert_words_map(doc, 2000)


def test_corpus_003_entry_split_by_page_break() -> None:
    doc = read_corpus("003")
    assert ("Sept. 23, 2023: Chinese President Xi Jinping meets South Korean Prime Minister Han Duck-soo on "
            "the sidelines of the Asian Games, and reportedly says he “welcomes” a China-Japan-South Korea "
            "trilateral meeting “at an appropriate time.”") in blocks(doc)
    assert "prompted Prime Minister Kishida to replace all four ministers" in doc.text
    assert doc.authors == ("Ji-Young Lee", "Andy Lim")
    assert doc.title and doc.title.startswith("Japan-Korea Relations: The Year 2023")
    assert_chars_map_to_themselves(doc)


def test_corpus_002_and_001_paragraphs() -> None:
    doc = read_corpus("002")
    assert "it remains to be seen if and when other Republicans will join the race" in doc.text
    assert "Figure 4" not in doc.text and "Photo: Reuters" not in doc.text
    assert "JANUARY—APRIL 2023" in blocks(doc)
    assert (doc.period_start, doc.period_end) == (date(2023, 1, 1), date(2023, 4, 30))
    web = read_corpus("001")  # one paragraph per line, no blank lines
    assert "The Usual Stuff is Very Good" in blocks(web)
    assert len(entries(web)) > 60 and len(blocks(web)) > 80
    assert_normalized(web)
    assert_chars_map_to_themselves(web)


def test_corpus_004_digest() -> None:
    doc = read_corpus("004")
    assert "US-Japan defense leaders hold first meeting in Washington" in blocks(doc)
    assert any(b.startswith("Defense Minister Hamada visited Washington on September 14")
               for b in blocks(doc))
    assert "•" not in doc.text and "Privacy Policy" not in doc.text
    assert_chars_map_to_themselves(doc)


# ------------------------------------------------------------------------------------------------
# HTML


def test_html_seed_boilerplate_dates_and_headings() -> None:
    doc = read_seed("japan-china-2023-may-aug.html")
    assert doc.format == "html"
    assert_normalized(doc)
    for junk in ("Subscribe", "Regions", "Privacy Policy", "Share this article", "Related articles",
                 "window.analytics", "font-family", "A triannual e-journal"):
        assert junk not in doc.text, junk
    bs = blocks(doc)
    assert "CHRONOLOGY OF JAPAN-CHINA RELATIONS" in bs and "MAY–AUGUST 2023" in bs
    assert "The Fukushima Water Release" in bs
    ents = entries(doc)
    assert len(ents) == 10
    assert ents[0] == ("May 16, 2023: Japanese and Chinese defense officials hold their first call over "
                       "the new maritime and air communication hotline.")
    assert any(e.startswith("Aug. 8, 2023: Liberal Democratic Party Vice President Aso Taro") for e in ents)
    assert any(e.startswith("Aug. 24, 2023: Japan begins releasing treated water") for e in ents)  # <dt>/<dd>
    assert any(e.startswith("Aug. 31, 2023: Japan asks China") for e in ents)  # <span class=date>
    assert "communiqué" in doc.text and "trade & industrial cooperation" in doc.text
    assert doc.title == "Japan-China Relations: Water, Chips, and Cold Shoulders"
    assert doc.authors == ("Akiko Mori", "Wen Liang")
    assert doc.publication == "Comparative Connections"
    assert (doc.period_start, doc.period_end) == (date(2023, 5, 1), date(2023, 8, 31))


def test_html_seed_offsets() -> None:
    doc = read_seed("japan-china-2023-may-aug.html")
    assert_words_map(doc)
    bad = [(i, c) for i, c in enumerate(doc.text)
           if not c.isspace() and doc.source_text[doc.offsets.to_source(i)] not in (c, "&")]
    # the only synthetic characters are the colons added after bare dates (Aug. 8, 24, 28, 31)
    assert [c for _, c in bad] == [":", ":", ":", ":"]
    i = doc.text.index("communiqué")
    s, e = doc.source_span(i, i + len("communiqué"))
    assert doc.source_text[s:e] == "communiqu&eacute;"
    for b in blocks(doc):
        start = doc.text.index(b)
        first_word = re.match(r"[A-Za-z]+", b)
        if first_word:
            s, e = doc.source_span(start, start + first_word.end())
            assert doc.source_text[s:e] == first_word.group()


PAGE = """<!doctype html><html><head><title>Weekly digest | Example Institute</title>
<meta name="author" content="Jane Roe; John Doe"></head><body>
<div class="menu"><a href="/">Home</a> <a href="/x">All publications from the institute</a></div>
<header><h1>Example Institute</h1><p>Research on the alliance since 1990</p></header>
<div id="content"><h2>Weekly alliance digest number five</h2>
<p>The two governments met on Monday in Tokyo &amp; agreed to expand their cooperation on missile
defense, according to officials from both sides.</p>
<h3>CHRONOLOGY OF US-JAPAN RELATIONS</h3><h4>SEPTEMBER–DECEMBER 2023</h4>
<ul><li><b>Sept. 1, 2023:</b> Cotton and Hayashi meet in Tokyo.</li><li>Short</li></ul>
<dl><dt>Sept. 6, 2023</dt><dd>Kishida, Harris, and Marcos meet in Jakarta.</dd></dl>
<p><span class="date">Oct. 5</span> Kamikawa and Tai speak by telephone about trade and export controls.</p>
<div class="entry"><div class="date">Oct. 6, 2023</div><div>Kishida meets Blinken in Tokyo.</div></div>
<p>A closing paragraph of reasonable length so that the extractor treats this as the article text.</p>
</div>
<div class="sidebar"><p>Popular posts: something else entirely that is not the article at all.</p></div>
<footer><p>© 2024 Example Institute. All rights reserved.</p></footer>
<script>console.log("tracking")</script></body></html>"""


def test_html_page_without_article_element() -> None:
    doc = read_document("digest.html", PAGE.encode())
    assert blocks(doc) == [
        "Weekly alliance digest number five",
        "The two governments met on Monday in Tokyo & agreed to expand their cooperation on missile "
        "defense, according to officials from both sides.",
        "CHRONOLOGY OF US-JAPAN RELATIONS",
        "SEPTEMBER–DECEMBER 2023",
        "Sept. 1, 2023: Cotton and Hayashi meet in Tokyo.",
        "Short",
        "Sept. 6, 2023: Kishida, Harris, and Marcos meet in Jakarta.",
        "Oct. 5: Kamikawa and Tai speak by telephone about trade and export controls.",
        "Oct. 6, 2023: Kishida meets Blinken in Tokyo.",
        "A closing paragraph of reasonable length so that the extractor treats this as the article text.",
    ]
    assert doc.title == "Weekly digest | Example Institute"
    assert doc.authors == ("Jane Roe", "John Doe")
    i = doc.text.index("Tokyo &")
    s, e = doc.source_span(i, i + len("Tokyo &"))
    assert doc.source_text[s:e] == "Tokyo &amp;"  # a span ending in an entity includes all of it
    i = doc.text.index("Kamikawa")
    s, e = doc.source_span(i, i + len("Kamikawa and Tai"))
    assert doc.source_text[s:e] == "Kamikawa and Tai"


def test_html_encoding_declared_in_meta() -> None:
    html = ('<html><head><meta charset="windows-1252"></head>'
            '<body><p>Caf\u00e9 \u201ctalks\u201d.</p></body></html>')
    doc = read_document("x.html", html.encode("cp1252"))
    assert doc.text == "Caf\u00e9 \u201ctalks\u201d."


# ------------------------------------------------------------------------------------------------
# PDF


def test_pdf_seed_headers_footers_and_page_break() -> None:
    doc = read_seed("japan-korea-2024-may-aug.pdf")
    assert doc.format == "pdf"
    assert_normalized(doc)
    assert "COMPARATIVE CONNECTIONS | SEPTEMBER 2024" in doc.source_text  # it was there ...
    assert "COMPARATIVE CONNECTIONS" not in doc.text  # ... and is gone
    assert not any(re.fullmatch(r"\d+", b) for b in blocks(doc))
    assert not re.search(r"\s[123]\s*(\n|$)", doc.text)  # page numbers glued to text
    assert ("Aug. 14, 2024: Kishida announces that he will not seek re-election as president of the Liberal "
            "Democratic Party, and South Korea's presidential office says it hopes the next Japanese leader "
            "will continue the improvement in bilateral ties.") in blocks(doc)
    assert "how quickly economic security questions can turn" in doc.text  # hyphenated break mended
    assert "Defense Ties After the Radar Dispute" in blocks(doc)
    assert "MAY-AUGUST 2024" in blocks(doc)
    ents = entries(doc)
    assert len(ents) == 10 and ents[-1].startswith("Aug. 15, 2024: In his Liberation Day address")
    paras = [b for b in blocks(doc) if len(b) > 200 and not DATE_LINE.match(b)]
    assert len(paras) == 5 and paras[0].startswith("Japan and South Korea spent the middle of 2024")
    assert doc.title == "Japan-Korea Relations: Summits, Sado, and a Changing of the Guard in Tokyo"
    assert doc.authors == ("Hannah Cho",)
    assert doc.publication == "Comparative Connections"
    assert (doc.period_start, doc.period_end) == (date(2024, 5, 1), date(2024, 8, 31))
    assert doc.metadata["pages"] == "3"


def test_pdf_seed_offsets() -> None:
    doc = read_seed("japan-korea-2024-may-aug.pdf")
    assert_chars_map_to_themselves(doc)
    assert_words_map(doc)
    i = doc.text.index("hopes the next")
    s, e = doc.source_span(i, i + len("hopes the next"))
    assert "\f" in doc.source_text[s:e]  # the span crosses the page boundary in the source


def test_pdf_seed_matches_generator(tmp_path: Path) -> None:
    pytest.importorskip("fpdf", reason="fpdf2 is a dev dependency")
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_seed_pdf", REPO / "tools" / "make_seed_pdf.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    fresh = module.build(tmp_path / "fresh.pdf")
    seed = read_seed("japan-korea-2024-may-aug.pdf")
    assert read_document("fresh.pdf", fresh.read_bytes()).text == seed.text


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.iterdir()) if SEEDS.is_dir() else [])
def test_every_seed_reads(name: str) -> None:
    data = (SEEDS / name).read_bytes()
    assert 3_000 <= len(data) <= 8_192
    doc = read_document(name, data)
    assert_normalized(doc)
    assert len(entries(doc)) >= 5 or doc.format == "txt"
    assert doc.title


# ------------------------------------------------------------------------------------------------
# OffsetMap, substitute, compose (property tests)

LINK = re.compile(r"\[([^\[\]]*)\]\([^()]*\)")
BOLD = re.compile(r"\*\*([^*]*)\*\*")
HASH = re.compile(r"#+ ")
WS = re.compile(r"\s+")
alphabet = st.sampled_from([*"ab c\n#*[]()x.", "**", "[q](#)", "](", "# "])
texts = st.lists(alphabet, max_size=40).map("".join)


def _keep_group(m: re.Match[str]) -> str:
    return m.group(1)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_substitute_maps_retained_characters(src: str) -> None:
    for pattern, repl in ((LINK, _keep_group), (BOLD, _keep_group), (HASH, lambda m: "")):
        out, omap = substitute(src, pattern, repl)
        assert out == pattern.sub(repl, src)
        for i, c in enumerate(out):
            assert src[omap.to_source(i)] == c


@settings(max_examples=300, deadline=None)
@given(texts)
def test_compose_of_substitutions_maps_retained_characters(src: str) -> None:
    t1, m1 = substitute(src, LINK, _keep_group)
    t2, m2 = substitute(t1, BOLD, _keep_group)
    t3, m3 = substitute(t2, WS, lambda m: " ")
    m21 = m2.compose(m1)
    for i, c in enumerate(t2):
        assert m21.to_source(i) == m1.to_source(m2.to_source(i))
        assert src[m21.to_source(i)] == c
    m321 = m3.compose(m21)
    for i, c in enumerate(t3):
        s = m321.to_source(i)
        assert src[s] == c or (c == " " and src[s].isspace())


@st.composite
def offset_maps(draw: st.DrawFn, max_segments: int = 6) -> OffsetMap:
    n = draw(st.integers(1, max_segments))
    lengths = draw(st.lists(st.integers(1, 8), min_size=n, max_size=n))
    doc = [0]
    for ln in lengths[:-1]:
        doc.append(doc[-1] + ln)
    src = draw(st.lists(st.integers(0, 40), min_size=n, max_size=n))  # any order: reordering maps
    return OffsetMap(tuple(doc), tuple(src))


@settings(max_examples=500, deadline=None)
@given(offset_maps(), offset_maps())
def test_compose_equals_pointwise_composition(outer: OffsetMap, inner: OffsetMap) -> None:
    composed = outer.compose(inner)
    assert list(composed.doc_starts) == sorted(set(composed.doc_starts))
    for i in range(outer.doc_starts[-1] + 12):
        assert composed.to_source(i) == inner.to_source(outer.to_source(i)), i


def test_source_span_excludes_markup_after_the_span() -> None:
    text, omap = substitute("a [meet](#) b", LINK, _keep_group)
    doc = Document(text=text, format="md", source_text="a [meet](#) b", offsets=omap)
    assert text == "a meet b"
    s, e = doc.source_span(2, 6)
    assert doc.source_text[s:e] == "meet"
    assert doc.source_span(3, 3) == (4, 4)


markdownish = st.lists(
    st.sampled_from([*"ab Z.,:\n\n\t", "**", "*", "_", "__", "[x](#)", "](", "# ", "## ", "- ", "• ", "\\$",
                     "<sup>th</sup>", "Figure 1 ", "Photo: ", "---", "Sept. 1, 2023: ", "12\n", "secu-\nrity",
                     "&amp;", "\u200b", "\xa0"]),
    max_size=60,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(markdownish, st.sampled_from(["x.md", "x.txt", "x.html"]))
def test_any_text_gives_a_normalized_document_or_reader_error(text: str, name: str) -> None:
    try:
        doc = read_document(name, text.encode())
    except ReaderError:
        return
    assert_normalized(doc)
    if doc.format != "html":
        assert_chars_map_to_themselves(doc)
