"""HTML reader: article text as blocks, dates of chronology items kept, offsets into the HTML source.

The block structure comes from a selectolax walk over <article> (else <main>, else <body> minus
navigation, header, footer, aside, forms, scripts). When there is no <article>/<main>, trafilatura
(favor_recall, tables, no comments, no network) decides which stretch of the page is the content;
the walk keeps every block inside that stretch, including the short headings and list items that
trafilatura tends to drop, and keeps dates that sit in their own element
(`<li><strong>Sept. 1, 2023:</strong> ...`, `<dt>date</dt><dd>...`, `<span class="date">`).
"""

from __future__ import annotations

import calendar
import html as htmllib
import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from transforms.dates import DATE_EXPR, DATE_LINE, dateline_day, delivery_day, title_day
from transforms.document import Document
from transforms.readers._common import DATE_ONLY, DATE_PREFIX, ReaderError, Span, decode_text
from transforms.readers.text import Block, TableColumns, _classify, build_document, dated_row_blocks, table_columns

_SKIP = {"script", "style", "noscript", "template", "nav", "aside", "form", "button", "select", "svg",
         "iframe", "figcaption", "head", "title", "meta", "link", "input", "textarea", "object", "canvas",
         "video", "audio", "map", "dialog", "-comment", "-doctype"}
_BLOCK = {"p", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "td", "th",
          "div", "section", "article", "main", "ul", "ol", "dl", "table", "tr", "thead", "tbody", "tfoot",
          "address", "details", "summary", "figure", "header", "footer", "hr", "center", "caption", "body"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BOILER_CLASS = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|cookie|cookies|share|sharing|social|sidebar|"
    r"footer|masthead|related|subscribe|newsletter|advert|ads|banner|skip-link|site-header|site-footer)"
    r"(?:$|[\s_-])",
    re.I,
)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")


def decode_html(data: bytes, name: str = "") -> str:
    m = _CHARSET.search(data[:4096])
    if m and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        enc = m.group(1).decode("ascii", "ignore").lower()
        if enc not in ("utf-8", "utf8"):
            try:
                return data.decode(enc)
            except (LookupError, UnicodeDecodeError):
                pass
    return decode_text(data, name)


def _verbatim_run(text: str, i: int, src: str, p: int) -> int:
    """How many characters of text[i:] _Aligner._align_at may take at once at src[p:] (where text[i] ==
    src[p]): a stretch of up to 64 that the source holds verbatim, before its next '&' or '\\r', else
    one. Taken one by one they map the same way (measured: alignment 0.11 -> 0.02 s for 50 HTML reports)."""
    limit = min(len(text) - i, len(src) - p, 64)
    for special in ("&", "\r"):
        at = src.find(special, p, p + limit)
        if at != -1:
            limit = at - p
    return limit if limit > 1 and src.startswith(text[i:i + limit], p) else 1


class _Aligner:
    """Finds where each text node's (decoded) text sits in the HTML source, in document order."""

    def __init__(self, source: str, start: int = 0) -> None:
        self.src = source
        self.cursor = start

    def _align_at(self, text: str, p: int) -> list[int] | None:
        src, n = self.src, len(self.src)
        offs: list[int] = []
        i = 0
        while i < len(text):
            if p >= n:
                return None
            c, s = text[i], src[p]
            if c == s and s != "&" and s != "\r":
                step = _verbatim_run(text, i, src, p)
                offs.extend(range(p, p + step))
                i += step
                p += step
                continue
            m = _ENTITY.match(src, p) if s == "&" else None
            if m and (dec := htmllib.unescape(m.group())) != m.group() and text.startswith(dec, i):
                offs.extend([p] * len(dec))
                i += len(dec)
                p = m.end()
            elif c == s or (c.isspace() and s.isspace()):
                offs.append(p)
                i += 1
                p += 1
                if c == "\n" and s == "\r" and p < n and src[p] == "\n":
                    p += 1
            elif s == "\r":
                p += 1
            else:
                return None
        return offs

    def locate(self, text: str) -> list[int]:
        src = self.src
        exact = src.find(text, self.cursor)
        if exact >= 0 and (exact - self.cursor) < 200_000:
            self.cursor = exact + len(text)
            return list(range(exact, exact + len(text)))
        p = self.cursor
        for _ in range(400):  # a text node starts right after a tag's '>'
            gt = src.find(">", p)
            if gt < 0:
                break
            offs = self._align_at(text, gt + 1)
            if offs is not None:
                self.cursor = (offs[-1] + 1) if offs else gt + 1
                return offs
            p = gt + 1
        return [self.cursor] * len(text)  # best effort: unmatched text maps to the cursor


class _Walker:
    def __init__(self, aligner: _Aligner, skip_chrome: bool) -> None:
        self.al = aligner
        self.skip_chrome = skip_chrome
        self.blocks: list[Block] = []
        self.buf = Span()
        self.kind = "para"
        self.lead_end: int | None = None  # end of a leading inline element in buf (date candidates)
        self.lead_text = ""
        self.header_blocks: list[int] = []  # indices of the blocks of a kept <header> (_title_header)
        self.stamped = False  # the page lists items that each carry their own <time datetime> stamp
        self.stamp: str | None = None  # the current item's stamp, waiting for the item's summary
        self.stamp_node: LexborNode | None = None

    def flush(self, next_kind: str = "para") -> None:
        span = self.buf
        if self.stamp and self.kind != "heading" and len(span.text.split()) >= 5:
            # the item's first sentence-sized block is its summary: its stamp heads it as a date line
            lead = span.strip()
            span = Span.synthetic(f"{self.stamp}: ", lead.offs[0] if lead.offs else 0) + lead
            self.stamp = None
        if self.lead_end is not None and DATE_ONLY.match(self.lead_text.strip()):
            head, tail = span[: self.lead_end], span[self.lead_end :]
            bare = not head.text.rstrip().endswith(":")
            if bare and not tail.text.lstrip().startswith((":", "–", "—", "-")):
                stripped = head.strip()
                head = stripped + Span.synthetic(":", stripped.end_offset())
                if tail.text[:1] and not tail.text[:1].isspace():
                    head = head + Span.synthetic(" ", head.end_offset())
            span = head + tail
        span = span.squeeze()
        if span.text:
            self.blocks.append(Block(span, self.kind))
        self.buf = Span()
        self.kind = next_kind
        self.lead_end = None
        self.lead_text = ""

    def dated_table(self, table: LexborNode, cols: TableColumns) -> None:
        """A table whose header names a date column and a place or actor column: each dated row one entry,
        "<date> · <place> · <actors> – <event>", as a Markdown table's rows; other rows a block per cell."""
        for k, row in enumerate(table.css("tr")):
            cells = []
            for cell in _cells(row):
                start = len(self.blocks)
                self.walk(cell)
                self.flush()
                cells.append(self.blocks[start].span if len(self.blocks) > start else Span())
                del self.blocks[start + 1:]
                if len(self.blocks) > start:
                    del self.blocks[start]
            if k == 0:
                continue  # the header row
            entry = dated_row_blocks(cols, cells, actors_first=True)
            if entry is None:
                self.blocks.extend(Block(c, "para") for c in cells if c.text)
            else:
                self.blocks.extend(Block(b, "entry" if i == 0 else "para") for i, b in enumerate(entry))

    def walk(self, node: LexborNode) -> None:
        child = node.first_child
        while child is not None:
            self.visit(child)
            child = child.next

    def visit(self, node: LexborNode) -> None:
        if node.is_text_node:
            t = node.text_content or ""
            if t:
                self.buf = self.buf + Span(t, self.al.locate(t))
            return
        tag = (node.tag or "").lower()
        if tag in _SKIP or tag.startswith("-") or node.is_comment_node:
            return
        # Page chrome: footers, navigation roles and boilerplate classes go everywhere; a <header>
        # only outside the article (inside, it holds the title and byline).
        if (tag == "footer" or (tag == "header" and self.skip_chrome and not _title_header(node))
                or (node.attributes.get("role") or "") in ("navigation", "banner", "contentinfo")):
            return
        if tag == "header" and self.skip_chrome:  # the document's own title block: kept, and kept first
            self.flush()
            first = len(self.blocks)
            self.walk(node)
            self.flush()
            self.header_blocks.extend(range(first, len(self.blocks)))
            return
        cls = " ".join(filter(None, [node.attributes.get("class"), node.attributes.get("id")]))
        if cls and _BOILER_CLASS.search(cls) and tag not in ("body", "main", "article"):
            return
        if tag == "br":
            self.buf = self.buf + Span.synthetic(" ", self.buf.end_offset())
            return
        if tag == "time" and self.stamp_node is not None and node == self.stamp_node:
            # the stamp heads the item's summary instead; its visible text lacks the year ("19 May 07:12")
            self.al.locate(node.text(deep=True) or "")
            return
        if tag in _ITEMS and self.stamped and (stamp := _item_stamp(node)):
            self.flush()
            outer = self.stamp, self.stamp_node
            self.stamp, self.stamp_node = stamp
            self.walk(node)
            self.flush()
            self.stamp, self.stamp_node = outer
            return
        if tag == "table" and (cols := _dated_table_columns(node)) is not None:
            self.flush()
            self.dated_table(node, cols)
            return
        if tag in _BLOCK:
            self.flush()
            if tag in _HEADINGS:
                self.kind = "heading"
            elif tag == "li":
                self.kind = "item"
            self.walk(node)
            self.flush()
            return
        leading = not self.buf.text.strip()
        self.walk(node)
        if leading and self.buf.text.strip():
            self.lead_end = len(self.buf)
            self.lead_text = self.buf.text


def _cells(row: LexborNode) -> list[LexborNode]:
    return [c for c in row.iter() if (c.tag or "").lower() in ("td", "th")]


def _dated_table_columns(table: LexborNode) -> TableColumns | None:
    """The columns of a table whose first row is a header naming a date column and a place or an actor column
    ("Dates | Visitor | Country | Areas visited | Details"), else None."""
    first = table.css_first("tr")
    cells = _cells(first) if first is not None else []
    cols = table_columns([Span.verbatim(" ".join(c.text(deep=True).split()), 0) for c in cells])
    return cols if cols is not None and (cols.place >= 0 or cols.actor >= 0) else None


_ITEMS = {"li", "article", "div", "section"}
_ISO_DAY = re.compile(r"((?:19|20)\d\d)-([01]\d)-([0-3]\d)")


def _stamp_date(node: LexborNode) -> str | None:
    """The full date of a `<time datetime="2025-05-19T07:12">` as a date line ("May 19, 2025")."""
    m = _ISO_DAY.match((node.attributes.get("datetime") or "").strip())
    if not m or not 1 <= int(m.group(2)) <= 12 or not 1 <= int(m.group(3)) <= 31:
        return None
    return f"{calendar.month_name[int(m.group(2))]} {int(m.group(3))}, {m.group(1)}"


def _item_stamp(node: LexborNode) -> tuple[str, LexborNode] | None:
    """An item of a list of stamped items (an aggregator's `<li><time datetime=…>19 May 07:12</time> via
    Source <h2>…</h2><p>…</p></li>`): its one `<time datetime>`, a child or grandchild of the item, and
    its date. An item holding several stamps is a list, not an item."""
    times = node.css("time[datetime]")
    if len(times) != 1:
        return None
    t = times[0]
    if t.parent != node and (t.parent is None or t.parent.parent != node):
        return None
    date = _stamp_date(t)
    return (date, t) if date else None


def _has_stamped_items(root: LexborNode) -> bool:
    """Two or more items carry their own full-date stamp (one alone is an article's byline date)."""
    found = 0
    for t in root.css("time[datetime]"):
        parent = t.parent
        for _ in range(2):
            if parent is None:
                break
            if (parent.tag or "").lower() in _ITEMS and _item_stamp(parent):
                found += 1
                break
            parent = parent.parent
        if found >= 2:
            return True
    return False


def _site_name(title_text: str) -> str | None:
    """The site a <title> names after the page's own title: "Press releases | Ministry of Foreign Affairs"."""
    parts = re.split(r"\s+[|–—]\s+|\s+-\s+|\s+::\s+", title_text)
    return parts[-1] if len(parts) > 1 and len(parts[-1]) > 3 else None


def _title_header(node: LexborNode) -> bool:
    """A <header> outside any <article> that is the document's title block, not the site's chrome: it holds
    the page's <h1> and no navigation ("<header><h1>Situation Report No. 4</h1><p>Reporting period: …</p>")."""
    return node.css_first("h1") is not None and node.css_first("nav") is None and node.css_first("ul") is None


def _merge_date_blocks(blocks: list[Block]) -> list[Block]:
    """A block that is only a date ('<dt>Sept. 1, 2023</dt>', '<div class=date>') heads the next block. In a
    list of dated items that each put a headline between their date and their summary (a press archive:
    `<span class=date>` `<h2>` `<p>`, two or more of them), the date heads the summary, after the headline."""
    blocks = _date_items_headlines_first(blocks)
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if (nxt is not None and DATE_ONLY.match(b.text) and not DATE_ONLY.match(nxt.text)
                and nxt.kind != "heading"):
            head = b.span.strip()
            if not head.text.endswith(":"):
                head = head + Span.synthetic(":", head.end_offset())
            merged = head + Span.synthetic(" ", head.end_offset()) + nxt.span
            out.append(Block(merged, "entry"))
            i += 2
            continue
        out.append(b)
        i += 1
    for b in out:
        if b.kind != "heading" and DATE_PREFIX.match(b.text):
            b.kind = "entry"
    return out


def _only_a_date(text: str) -> bool:
    """A block that is one date in any printed form ("28.11.2025", "2025/11/12", "Nov. 28, 2025")."""
    return len(text) <= 40 and text[:1].isalnum() and DATE_LINE.fullmatch(text) is not None


def _date_items_headlines_first(blocks: list[Block]) -> list[Block]:
    """Date, headline, summary -> headline, date, summary, when two or more items have that shape (one alone
    is an article's date line above its title and text, which are not one item)."""
    items = [k for k in range(len(blocks) - 2) if _only_a_date(blocks[k].text)
             and blocks[k + 1].kind == "heading" and blocks[k + 2].kind != "heading"
             and not DATE_ONLY.match(blocks[k + 2].text)]
    if len(items) < 2:
        return blocks
    out = list(blocks)
    for k in items:
        out[k], out[k + 1] = out[k + 1], out[k]
    return out


def _fold(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", s.lower()).strip()


def _content_range(blocks: list[Block], html: str) -> list[Block]:
    """Keep the stretch of blocks that trafilatura considers the main text."""
    try:
        import trafilatura

        extracted = trafilatura.extract(html, favor_recall=True, include_tables=True, include_comments=False,
                                        include_links=False, include_images=False, deduplicate=False,
                                        output_format="txt", with_metadata=False)
    except Exception:  # trafilatura is a heuristic helper; the walk alone is still usable
        extracted = None
    if not extracted:
        return blocks
    hay = _fold(extracted)
    found = [k for k, b in enumerate(blocks) if len(_fold(b.text)) >= 25 and _fold(b.text) in hay]
    if not found:
        return blocks
    return blocks[found[0] : found[-1] + 1]


def _meta(tree: LexborHTMLParser, *names: str) -> str | None:
    for n in names:
        for attr in ("property", "name"):
            node = tree.css_first(f'meta[{attr}="{n}"]')
            if node is not None and (node.attributes.get("content") or "").strip():
                return " ".join((node.attributes.get("content") or "").split())
    return None


def _split_authors(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    parts = re.split(r"\s*(?:;|,|\band\b|&)\s*", value)
    return tuple(p.strip() for p in parts if p.strip())


def _time_published(tree: LexborHTMLParser) -> str | None:
    """A publication day printed in a `<time>` element: one marked as the publication's
    (`itemprop="datePublished"`, `pubdate`), or the page's only `<time datetime>` (an archive's many
    `<time>` elements date its items, not the page)."""
    node = tree.css_first('[itemprop="datePublished"]') or tree.css_first("time[pubdate]")
    if node is None and len(times := tree.css("time[datetime]")) == 1:
        node = times[0]
    if node is None:
        return None
    value = node.attributes.get("datetime") or node.attributes.get("content") or ""
    return value.strip() or None


# A page's stamp line: "Updated: March 05, 2025 19:40".
_STAMP_KEY = re.compile(r"^(?:Updated|Published|Posted|Released|Issued|Dated?)\b\s*:?\s*", re.I)


def _stamp_day(text: str) -> str | None:
    """The day of a page's stamp line, dateline or delivery line, or None."""
    if len(text) > 120:
        return None
    if (key := _STAMP_KEY.match(text)) and (m := DATE_EXPR.match(text, key.end())):
        return m.group(0)
    return dateline_day(text) or delivery_day(text)


def _page_day(blocks: list[Block], titles: list[str]) -> str | None:
    """The day a page without a publication <meta> prints as its own: a stamp or delivery line among its first
    blocks, else a title ending on a day."""
    for b in blocks[:12]:
        if (day := _stamp_day(b.text)) is not None:
            return day
    return next((day for t in titles if t and (day := title_day(t)) is not None), None)


def _with_page_title(blocks: list[Block], everything: list[Block], h1: LexborNode | None) -> list[Block]:
    """The content's blocks headed by the page's <h1> when the content range left it out and opens with no
    heading of its own: its title (a press conference's "… on March 5, 2025") is what the report is and when."""
    if not blocks or blocks[0].kind == "heading":
        return blocks  # the content has its own title; the <h1> is the site's ("Example Institute")
    text = " ".join(h1.text(deep=True).split()) if h1 is not None else ""
    head = next((b for b in everything if b.kind == "heading" and b.text == text), None) if text else None
    if head is None or head in blocks or everything.index(head) > everything.index(blocks[0]):
        return blocks
    return [head, *blocks]


def _articles_root(articles: list[LexborNode]) -> LexborNode:
    """The element to read: the longest <article>, or, on a page of several full articles side by side (each
    with its own headline and dateline), their common parent — teasers and related-story boxes are short."""
    sizes = [len(a.text(deep=True, separator=" ", strip=True) or "") for a in articles]
    longest = articles[sizes.index(max(sizes))]
    full = [a for a, size in zip(articles, sizes, strict=True) if size >= max(400, max(sizes) // 3)]
    parent = longest.parent
    if len(full) >= 2 and parent is not None and all(a.parent == parent for a in full):
        return parent
    return longest


def read_html(data: bytes | str, *, name: str = "") -> Document:
    source = data if isinstance(data, str) else decode_html(data, name)
    if not source.strip():
        raise ReaderError(f"{name or 'input'}: empty HTML")
    tree = LexborHTMLParser(source)
    articles = tree.css("article")
    root = _articles_root(articles) if articles else None
    if root is None:
        root = tree.css_first("main") or tree.css_first('[role="main"]')
    scoped = root is not None
    if root is None:
        root = tree.body
    if root is None:
        raise ReaderError(f"{name or 'input'}: HTML has no body")
    start = 0
    m = re.search(rf"<{root.tag}[\s>]", source, re.I)
    if m and root.tag != "body":
        # start the alignment at the root element (first one with that tag and its id/class)
        rid = root.attributes.get("id")
        if rid and (m2 := re.search(rf"<{root.tag}\b[^>]*id=[\"']{re.escape(rid)}[\"']", source, re.I)):
            m = m2
        start = m.start()
    walker = _Walker(_Aligner(source, start), skip_chrome=not scoped)
    walker.stamped = "<time" in source and _has_stamped_items(root)
    walker.walk(root)
    walker.flush()
    kept = walker.header_blocks
    blocks = _merge_date_blocks([_classify(b) if b.kind == "para" else b for b in walker.blocks])
    everything = blocks
    if not scoped:
        if kept and len(blocks) == len(walker.blocks) and kept == list(range(len(kept))):
            # the title block stays even when the content range starts after it
            blocks = blocks[:len(kept)] + [b for b in _content_range(blocks, source) if b not in blocks[:len(kept)]]
        else:
            blocks = _with_page_title(_content_range(blocks, source), blocks, tree.css_first("h1"))
    if not blocks:
        raise ReaderError(f"{name or 'input'}: HTML has no text")
    h1 = root.css_first("h1") if scoped else None
    title_node = tree.css_first("title")
    h1_text = " ".join(h1.text(deep=True).split()) if h1 is not None else ""
    title_text = " ".join(title_node.text().split()) if title_node is not None else ""
    title = _meta(tree, "og:title", "citation_title", "dc.title", "DC.title") or h1_text or title_text or None
    authors = _split_authors(_meta(tree, "author", "citation_author", "article:author", "dc.creator"))
    publication = _meta(tree, "citation_journal_title", "og:site_name", "publisher") or _site_name(title_text)
    extra = {}
    if (d := _meta(tree, "article:published_time", "citation_publication_date", "date", "dc.date")
            or _time_published(tree) or _page_day(everything, [h1_text, title_text])):
        extra["published"] = d
    return build_document(blocks, source=source, fmt="html", markup="html", extra=extra, name=name,
                          title=title, authors=authors, publication=publication)
