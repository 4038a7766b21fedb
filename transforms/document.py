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
        """self maps text2 -> text1, inner maps text1 -> source; returns text2 -> source.

        Each segment of self covers text1[s_k : s_k + len_k] (len_k = distance to the next doc
        start; the last segment is open-ended). Inner boundaries strictly inside that range split
        it, so every text2 offset maps exactly as inner.to_source(self.to_source(offset)).
        Works whether or not self's source starts are sorted.
        """
        doc: list[int] = []
        src: list[int] = []
        n = len(self.doc_starts)
        for k, (d, s) in enumerate(zip(self.doc_starts, self.src_starts, strict=True)):
            length = self.doc_starts[k + 1] - d if k + 1 < n else None
            doc.append(d)
            src.append(inner.to_source(s))
            j = bisect.bisect_right(inner.doc_starts, s)
            while j < len(inner.doc_starts):
                e = inner.doc_starts[j]
                if length is not None and e >= s + length:
                    break
                doc.append(d + (e - s))
                src.append(inner.src_starts[j])
                j += 1
        keys: list[int] = []
        vals: list[int] = []
        for d, s in zip(doc, src, strict=True):
            if keys and keys[-1] == d:
                vals[-1] = s  # a zero-length segment: the later start wins, as in to_source
                continue
            keys.append(d)
            vals.append(s)
        return OffsetMap(tuple(keys), tuple(vals))


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


_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


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
        """Source range of text[start:end]; the end is mapped from the last character, so markup
        removed right after the span (`[meet](#)`) stays outside it."""
        if end <= start:
            s = self.offsets.to_source(start)
            return s, s
        last = self.offsets.to_source(end - 1)
        stop = last + 1
        if self.format == "html" and self.source_text[last : last + 1] == "&":
            # the last character was decoded from an entity: include the whole entity
            m = _ENTITY.match(self.source_text, last)
            if m:
                stop = m.end()
        return self.offsets.to_source(start), stop
