"""The normalized document every reader yields, and the offset map back to the source text."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class OffsetMap:
    """Piecewise-linear map from offsets in the normalized text to offsets in the source text.

    Segment k starts at doc offset `doc_starts[k]` and corresponds to source offset
    `src_starts[k]`; inside a segment both advance together. Deleted source spans are the gaps.
    """

    doc_starts: tuple[int, ...] = (0,)
    src_starts: tuple[int, ...] = (0,)

    def to_source(self, doc_offset: int) -> int:
        k = max(0, bisect.bisect_right(self.doc_starts, doc_offset) - 1)
        return self.src_starts[k] + (doc_offset - self.doc_starts[k])

    def compose(self, inner: OffsetMap) -> OffsetMap:
        """self maps text2 -> text1, inner maps text1 -> source; returns text2 -> source."""
        doc, src = [], []
        for d, s in zip(self.doc_starts, self.src_starts, strict=True):
            doc.append(d)
            src.append(inner.to_source(s))
        # Inner segment boundaries that fall inside our segments must become boundaries too.
        for d_inner, s_inner in zip(inner.doc_starts, inner.src_starts, strict=True):
            k = bisect.bisect_right(self.src_starts, d_inner) - 1
            if k < 0:
                continue
            d = self.doc_starts[k] + (d_inner - self.src_starts[k])
            nxt = self.doc_starts[k + 1] if k + 1 < len(self.doc_starts) else None
            if nxt is None or d < nxt:
                doc.append(d)
                src.append(s_inner)
        pairs = sorted(set(zip(doc, src, strict=True)))
        dedup: dict[int, int] = {}
        for d, s in pairs:
            dedup.setdefault(d, s)
        keys = sorted(dedup)
        return OffsetMap(tuple(keys), tuple(dedup[k] for k in keys))


class TextBuilder:
    """Builds normalized text piece by piece while recording where each piece came from."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._len = 0
        self._doc: list[int] = []
        self._src: list[int] = []

    def add(self, piece: str, src_offset: int) -> None:
        """Append text copied verbatim from source offset `src_offset`."""
        if not piece:
            return
        self._doc.append(self._len)
        self._src.append(src_offset)
        self._parts.append(piece)
        self._len += len(piece)

    def add_synthetic(self, piece: str, src_offset: int) -> None:
        """Append text with no verbatim source (a joining space): it maps to `src_offset`."""
        self.add(piece, src_offset)  # same bookkeeping; kept separate for intent

    def build(self) -> tuple[str, OffsetMap]:
        if not self._doc:
            return "", OffsetMap()
        return "".join(self._parts), OffsetMap(tuple(self._doc), tuple(self._src))


def substitute(text: str, pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str]) -> tuple[str, OffsetMap]:
    """Like `pattern.sub(repl, text)` but also returns the offset map of the result to `text`.

    The replacement of a match maps to the start of its first group when it is a verbatim copy of
    that group (e.g. `[label](#)` -> `label`), else to the start of the match.
    """
    tb = TextBuilder()
    pos = 0
    for m in pattern.finditer(text):
        tb.add(text[pos : m.start()], pos)
        rep = repl(m)
        if rep:
            anchor = m.start()
            if m.re.groups and m.group(1) is not None and rep == m.group(1):
                anchor = m.start(1)
            tb.add(rep, anchor)
        pos = m.end()
    tb.add(text[pos:], pos)
    return tb.build()


@dataclass(frozen=True)
class Document:
    """A report as one normalized text plus what the reader could tell about it.

    `text` uses "\\n\\n" between blocks (paragraphs, headings, list items) and single spaces
    inside them; `offsets` maps positions in `text` back to `source_text` (the decoded file for
    txt/md/html, the extracted text for pdf).
    """

    text: str
    format: str
    source_text: str = ""
    offsets: OffsetMap = field(default_factory=OffsetMap)
    title: str | None = None
    authors: tuple[str, ...] = ()
    publication: str | None = None
    period_start: date | None = None
    period_end: date | None = None
    # Blocks the reader knows are boilerplate (captions, footers) are already removed from text.
    metadata: dict[str, str] = field(default_factory=dict)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets.to_source(start), self.offsets.to_source(end)
