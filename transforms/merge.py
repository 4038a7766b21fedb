"""Identity across reports: one report in two renderings, one event told by several reports.

Pure decisions over plain rows; the loader applies them inside its transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from transforms.identity import signature_similarity
from transforms.reference import fold

SAME_REPORT_SIMILARITY = 0.5  # measured: same article in two renderings 0.95, different articles < 0.02
# Words that say nothing about which event it was.
_FILLER = frozenset("the a an of and in on at to with for is are held hold holds meet meets meeting "
                    "their its his her by from".split())


def matching_report(signature: Sequence[str], known: Iterable[tuple[str, Sequence[str]]]) -> str | None:
    """The report_id of an already-known report with (nearly) the same text, if any."""
    best: tuple[float, str] | None = None
    for report_id, other in known:
        sim = signature_similarity(list(signature), list(other))
        if sim >= SAME_REPORT_SIMILARITY and (best is None or sim > best[0]):
            best = (sim, report_id)
    return best[1] if best else None


@dataclass(frozen=True)
class EventKey:
    """What two reports must agree on to be describing the same event."""

    event_id: str
    report_id: str
    date_start: object
    date_end: object
    event_type: str
    participants: frozenset[str]
    countries: frozenset[str]
    location: str
    text: str


def content_words(text: str) -> set[str]:
    return {w for w in fold(text).split() if w not in _FILLER and len(w) > 1}


def same_event(a: EventKey, b: EventKey) -> bool:
    """Conservative match: same days and type; then the same people (when named), else the same
    acting states and place with a similar description."""
    if a.report_id == b.report_id:
        return False  # two entries of one report are two events, whatever they share
    if (a.date_start, a.date_end, a.event_type) != (b.date_start, b.date_end, b.event_type):
        return False
    if fold(a.location) != fold(b.location) and a.location and b.location:
        return False
    words_a, words_b = content_words(a.text), content_words(b.text)
    overlap = len(words_a & words_b) / max(1, min(len(words_a), len(words_b)))
    if a.participants or b.participants:
        return a.participants == b.participants and overlap >= 0.2
    return bool(a.countries) and a.countries == b.countries and overlap >= 0.5


def assign_events(new: Sequence[EventKey], existing: Sequence[EventKey]) -> dict[str, str]:
    """Map each new event_id to the existing event it duplicates (one-to-one, best overlap first)."""
    candidates = []
    for n in new:
        for e in existing:
            if same_event(n, e):
                shared = len(content_words(n.text) & content_words(e.text))
                candidates.append((shared, n.event_id, e.event_id))
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for _, new_id, old_id in sorted(candidates, reverse=True):
        if new_id not in mapping and old_id not in used:
            mapping[new_id] = old_id
            used.add(old_id)
    return mapping


REPORT_METADATA = ("title", "authors", "publication", "period_start", "period_end")


def richer_report(kept: dict, other: dict) -> dict:
    """One report's row after a second rendering arrived: the kept row (its id, counts and
    fingerprint) with the metadata of the richer rendering, gaps filled from the other."""
    def richness(row: dict) -> tuple[int, int]:
        return sum(bool(row.get(k)) for k in REPORT_METADATA), len(row.get("title") or "")

    best, rest = (other, kept) if richness(other) > richness(kept) else (kept, other)
    return {**kept, **{k: best.get(k) or rest.get(k) for k in REPORT_METADATA}}
