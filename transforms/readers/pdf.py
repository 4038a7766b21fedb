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

from transforms.document import Document
from transforms.readers._common import ReaderError, iter_lines
from transforms.readers.text import _TERMINAL, blocks_from_lines, build_document, normalize_blocks

_EDGE = 3  # lines at the top and bottom of a page that may be running headers/footers
_PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:/|of)\s*\d{1,4})?\s*$", re.I)


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
    failed = 0
    for page in pages:
        try:
            texts.append(page.extract_text() or "")
        except Exception:
            failed += 1
            texts.append("")
    source = "\f".join(texts)
    if not source.strip():
        raise ReaderError(f"{label}: PDF has no extractable text (scanned images?)")

    # Lines per page, with their offsets in `source`.
    page_lines: list[list[tuple[str, int]]] = []
    pos = 0
    for t in texts:
        page_lines.append([(ln, off) for ln, off in iter_lines(source, pos, pos + len(t)) if ln.strip()])
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
        if stream and _TERMINAL.search(stream[-1][0]):
            stream.append(("", keep[0][1]))  # the page ended a sentence: start a new block
        stream.extend(keep)  # else the page ended mid-sentence: its last block continues here

    blocks = normalize_blocks(blocks_from_lines(stream, markdown=False, pdf=True))
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
