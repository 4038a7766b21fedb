"""PDF reader: pypdf text per page, running headers/footers removed, pages stitched, then the
text normalizer in layout mode (hard-wrapped lines reflowed, hyphenated breaks mended, dated
chronology lines and headings starting blocks).

`Document.source_text` is the pypdf-extracted text of all pages joined with form feeds ("\\f").
"""

from __future__ import annotations

import io
import math
import re
from collections import Counter

from transforms.dates import DATE_LINE
from transforms.document import Document
from transforms.readers._common import ReaderError, Span, iter_lines
from transforms.readers.text import (
    Block,
    blocks_from_lines,
    build_document,
    dated_row_blocks,
    ends_sentence,
    normalize_blocks,
    table_columns,
)

_EDGE = 3  # lines at the top and bottom of a page that may be running headers/footers
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:/|of)\s*\d{1,4})?\s*$", re.I)


_Run = tuple[float, float, str]  # x, y of a text run on its page, and its text


def _run_collector(runs: list[_Run]):
    """A pypdf visitor that keeps each text run with its position on the page."""
    def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: object) -> None:
        if text.strip():
            runs.append((cm[4] + tm[4] * cm[0], cm[5] + tm[5] * cm[3], text))
    return visit


_Table = tuple[int, int, list[Block]]  # source range of a table's lines, and its rows as blocks
_ROW_GAP = 30.0  # points: a wider vertical gap ends a table


def _runs_by_line(runs: list[_Run]) -> list[list[_Run]]:
    """Runs grouped by baseline (within a point), top of the page first, each line left to right."""
    lines: list[list[_Run]] = []
    for run in sorted(runs, key=lambda r: (-r[1], r[0])):
        if lines and abs(lines[-1][0][1] - run[1]) <= 1.0:
            lines[-1].append(run)
        else:
            lines.append([run])
    return lines


def _locate(runs: list[_Run], source: str, start: int, end: int) -> dict[int, Span] | None:
    """Each run's stripped text as a Span at its place in the page's extracted text (runs come in the order
    pypdf wrote them); None if one cannot be found."""
    spans: dict[int, Span] = {}
    cursor = start
    for k, (_, _, text) in enumerate(runs):
        t = text.strip()
        at = source.find(t, cursor, end)
        if at < 0:
            return None
        spans[k] = Span.verbatim(t, at)
        cursor = at + len(t)
    return spans


def _dated_table(runs: list[_Run], source: str, start: int, end: int) -> _Table | None:
    """A table with a header row naming a date column ("Date | Actors | Event | Location") whose cells wrap
    onto several lines: each row rebuilt from the runs' columns (a run belongs to the last column starting
    at or left of it), so that its date, actors, event and place stay one entry. The first column's runs
    start rows: a date there starts a row, anything else ends the table."""
    if len(runs) < 8 or not any(len(t.strip()) <= 6 and t.strip().lower().startswith(("date", "day", "when"))
                                for _, _, t in runs):
        return None  # cheap test first: no short "Date" run, no table
    order = {id(r): k for k, r in enumerate(runs)}
    lines = _runs_by_line(runs)
    head = next((i for i, ln in enumerate(lines) if len(ln) >= 3 and all(len(r[2].strip()) <= 25 for r in ln)
                 and table_columns([Span.verbatim(r[2].strip(), 0) for r in ln]) is not None), None)
    if head is None:
        return None
    spans = _locate(runs, source, start, end)
    if spans is None:
        return None
    header = lines[head]
    cols = table_columns([spans[order[id(r)]] for r in header])
    if cols is None or (cols.event < 0 and cols.place < 0 and cols.actor < 0):
        return None
    xs = [r[0] for r in header]
    body: list[_Run] = []
    last_y = header[0][1]
    for ln in lines[head + 1:]:
        firsts = [r for r in ln if _column(xs, r[0]) == cols.date]
        if last_y - ln[0][1] > _ROW_GAP or (firsts and not DATE_LINE.fullmatch(firsts[0][2].strip())):
            break  # a wide gap, or a line starting in the date column without a date ("Source: …")
        body += ln
        last_y = ln[0][1]
    anchors = [r[1] for r in body if _column(xs, r[0]) == cols.date]
    if len(anchors) < 2:
        return None
    rows: list[list[list[Span]]] = [[[] for _ in xs] for _ in anchors]
    for k, run in _row_of_each_run(body, anchors):
        rows[k][_column(xs, run[0])].append(spans[order[id(run)]])
    blocks: list[Block] = []
    for row in rows:
        cells = [_join(parts) for parts in row]
        for k, b in enumerate(dated_row_blocks(cols, cells, actors_first=True) or []):
            blocks.append(Block(b, "entry" if k == 0 else "para"))
    used = [s for row in rows for parts in row for s in parts] + [spans[order[id(r)]] for r in header]
    return min(s.offs[0] for s in used), max(s.end_offset() for s in used), blocks


def _row_of_each_run(body: list[_Run], anchors: list[float]) -> list[tuple[int, _Run]]:
    """Which row (by its date's baseline, `anchors`) each run of a table's body belongs to (body runs come
    top first). Cells aligned at the top of their row start on the date's line: a run belongs to the last
    date at or above it. Cells centred in their row (the first body line holds no date): a row reaches as
    far below its date as its top line is above it, and the next row starts at the next line below."""
    if abs(body[0][1] - anchors[0]) <= 1.0:
        return [(max(k for k, y in enumerate(anchors) if y >= run[1] - 1.0), run) for run in body]
    out: list[tuple[int, _Run]] = []
    i = 0
    for k, middle in enumerate(anchors):
        if i >= len(body):
            break
        bottom = 2 * middle - body[i][1] - 1.0
        while i < len(body) and (body[i][1] >= bottom or k == len(anchors) - 1):
            out.append((k, body[i]))
            i += 1
    return out


def _column(xs: list[float], x: float) -> int:
    return max((k for k, left in enumerate(xs) if left <= x + 2.0), default=0)


def _join(parts: list[Span]) -> Span:
    out = Span()
    for p in parts:
        out = p if not out.text else out + Span.synthetic(" ", out.end_offset()) + p
    return out


def _blocks_with_tables(stream: list[tuple[str, int]], tables: list[_Table]) -> list[Block]:
    """Blocks of the text stream, each rebuilt table's rows standing in for the lines the table covered."""
    if not tables:
        return blocks_from_lines(stream, markdown=False, pdf=True)
    blocks: list[Block] = []
    rest = stream
    for first, last, rows in tables:
        before = [(ln, off) for ln, off in rest if off < first]
        rest = [(ln, off) for ln, off in rest if off >= first and off + len(ln) > last]
        blocks += blocks_from_lines(before, markdown=False, pdf=True) + rows
    return blocks + blocks_from_lines(rest, markdown=False, pdf=True)


def _furniture_key(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split()).casefold())


def _split_authors(value: str) -> tuple[str, ...]:
    parts = re.split(r"\s*(?:;|,|\band\b|&)\s*", value)
    return tuple(p.strip() for p in parts if p.strip())


def read_pdf(data: bytes, *, name: str = "") -> Document:
    label = name or "input"
    if not data or not data.strip():
        raise ReaderError(f"{label}: empty PDF")
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception as exc:  # missing crypto backend, unsupported algorithm
                raise ReaderError(f"{label}: encrypted PDF cannot be opened ({exc})") from exc
            if not ok:
                raise ReaderError(f"{label}: encrypted PDF (a password is required)")
        pages = list(reader.pages)
    except ReaderError:
        raise
    except Exception as exc:  # pypdf raises many types on damaged files
        raise ReaderError(f"{label}: corrupt or unreadable PDF ({type(exc).__name__}: {exc})") from exc
    if not pages:
        raise ReaderError(f"{label}: PDF has no pages")
    texts: list[str] = []
    page_runs: list[list[_Run]] = []
    failed = 0
    for page in pages:
        runs: list[_Run] = []
        try:
            texts.append(page.extract_text(visitor_text=_run_collector(runs)) or "")
        except Exception:
            failed += 1
            texts.append("")
        page_runs.append(runs)
    source = "\f".join(texts)
    if not source.strip():
        raise ReaderError(f"{label}: PDF has no extractable text (scanned images?)")

    # Lines per page, with their offsets in `source`.
    page_lines: list[list[tuple[str, int]]] = []
    tables: list[_Table] = []
    pos = 0
    for t, runs in zip(texts, page_runs, strict=True):
        page_lines.append([(ln, off) for ln, off in iter_lines(source, pos, pos + len(t)) if ln.strip()])
        if (table := _dated_table(runs, source, pos, pos + len(t))) is not None:
            tables.append(table)
        pos += len(t) + 1

    # Running headers/footers: the same line (digits ignored) near the edge of most pages.
    counts: Counter[str] = Counter()
    for lines in page_lines:
        edge = lines[:_EDGE] + lines[-_EDGE:]
        counts.update({_furniture_key(ln) for ln, _ in edge})
    n = sum(1 for lines in page_lines if lines)
    threshold = max(2, math.ceil(0.5 * n))
    running = {k for k, c in counts.items() if n >= 2 and c >= threshold}
    removed: list[str] = []
    stream: list[tuple[str, int]] = []
    for lines in page_lines:
        keep = []
        for i, (ln, off) in enumerate(lines):
            at_edge = i < _EDGE or i >= len(lines) - _EDGE
            if at_edge and (_furniture_key(ln) in running or _PAGE_NUMBER.match(ln)):
                removed.append(ln.strip())
                continue
            keep.append((ln, off))
        if not keep:
            continue
        if stream and ends_sentence(stream[-1][0]):
            stream.append(("", keep[0][1]))  # the page ended a sentence: start a new block
        stream.extend(keep)  # else the page ended mid-sentence: its last block continues here

    blocks = normalize_blocks(_blocks_with_tables(stream, tables))
    info = {}
    try:
        info = dict(reader.metadata or {})
    except Exception:
        info = {}
    title = str(info.get("/Title") or "").strip() or None
    author = str(info.get("/Author") or "").strip()
    extra = {"pages": str(len(pages))}
    if failed:
        extra["pages_failed"] = str(failed)
    if removed:
        extra["running_lines"] = " | ".join(sorted({r for r in removed if not _PAGE_NUMBER.match(r)}))
    if info.get("/Subject"):
        extra["subject"] = str(info["/Subject"]).strip()
    publication = None
    if any("comparative connections" in r.casefold() for r in [*removed, str(info.get("/Subject") or "")]):
        publication = "Comparative Connections"
    return build_document(blocks, source=source, fmt="pdf", markup="pdf", extra=extra, name=name,
                          title=title, authors=_split_authors(author) if author else (),
                          publication=publication)
