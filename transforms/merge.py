"""Identity across reports: one report in two renderings, one event told by several reports.

Pure decisions over plain rows; the loader applies them inside its transaction.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from transforms.identity import signature_similarity
from transforms.reference import fold

SAME_REPORT_SIMILARITY = 0.5  # measured: same article in two renderings 0.95, different articles < 0.02
# Words that say nothing about which event it was.
_FILLER = frozenset("the a an of and in on at to with for is are held hold holds meet meets meeting "
                    "their its his her by from".split())


def matching_report(signature: Sequence[str], known: Iterable[tuple[str, Sequence[str]]]) -> str | None:
    """The report_id of an already-known report with (nearly) the same text, if any (the most
    similar; the first of equals)."""
    best = best_match(signature, known)
    return best[1] if best else None


def best_match(signature: Sequence[str], known: Iterable[tuple[str, Sequence[str]]]) -> tuple[float, str] | None:
    """(similarity, report_id) of matching_report's answer."""
    best: tuple[float, str] | None = None
    for report_id, other in known:
        sim = signature_similarity(list(signature), list(other))
        if sim >= SAME_REPORT_SIMILARITY and (best is None or sim > best[0]):
            best = (sim, report_id)
    return best


class ReportIndex:
    """Known reports' signatures, banded so that a lookup compares only candidates: the same answer
    as `matching_report` over every known report, at a cost that does not grow with their number.

    Exact, not probabilistic: similarity >= SAME_REPORT_SIMILARITY means at most `m` of the n
    signature positions differ. The bands are the three pairs of each of m // 2 + 1 disjoint
    triples of positions; `m` differing positions cannot touch every pair (that takes two per
    triple, m + 1 or more in all), so a matching report always shares some band with the query.
    """

    def __init__(self, items: Iterable[tuple[str, Sequence[str]]] = ()) -> None:
        self._ids: list[str] = []
        self._sigs: list[tuple[str, ...]] = []
        self._slot: dict[str, int] = {}
        self._bands: dict[int, list[int]] = {}
        for report_id, sig in items:
            self.add(report_id, sig)

    def __len__(self) -> int:
        return len(self._slot)

    def __contains__(self, report_id: object) -> bool:
        return report_id in self._slot

    def add(self, report_id: str, signature: Sequence[str]) -> None:
        sig = tuple(signature)
        if report_id in self._slot:  # a new signature for a known id: the old one's bands still point here
            self._sigs[self._slot[report_id]] = sig
        else:
            self._slot[report_id] = len(self._ids)
            self._ids.append(report_id)
            self._sigs.append(sig)
        for band in _bands(sig):
            self._bands.setdefault(band, []).append(self._slot[report_id])

    def update(self, items: dict[str, Sequence[str]]) -> None:
        for report_id, sig in items.items():
            self.add(report_id, sig)

    def match(self, signature: Sequence[str]) -> str | None:
        """matching_report(signature, every known report in insertion order)."""
        best = self.best(signature)
        return best[1] if best else None

    def best(self, signature: Sequence[str]) -> tuple[float, str] | None:
        """best_match(signature, every known report in insertion order)."""
        sig = tuple(signature)
        slots = {slot for band in _bands(sig) for slot in self._bands.get(band, ())}
        return best_match(sig, ((self._ids[s], self._sigs[s]) for s in sorted(slots)))


def match_in(signature: Sequence[str], *indexes: ReportIndex) -> str | None:
    """matching_report over the reports of several indexes, in order (e.g. stored, then this batch)."""
    best: tuple[float, str] | None = None
    for index in indexes:
        found = index.best(signature)
        if found and (best is None or found[0] > best[0]):
            best = found
    return best[1] if best else None


def _bands(sig: tuple[str, ...]) -> list[int]:
    """Hashes of (band number, values) for the pairs of positions of ReportIndex's triples."""
    n = len(sig)
    mismatches = n - math.ceil(SAME_REPORT_SIMILARITY * n)
    triples = mismatches // 2 + 1
    if not sig or 3 * triples > n:  # too short for the guarantee: one band per value (still exact)
        return [hash((i, v)) for i, v in enumerate(sig)]
    out = []
    for t in range(triples):
        a, b, c = sig[3 * t:3 * t + 3]
        out += [hash((t, 0, a, b)), hash((t, 1, a, c)), hash((t, 2, b, c))]
    return out


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


def match_key(key: EventKey) -> tuple:
    """What same_event needs equal, as one hashable key (same_event(a, b) implies equal keys): the
    days and type, then the people when any are named, else the acting states."""
    people = "|".join(sorted(key.participants))
    return (key.date_start, key.date_end, key.event_type, people, "" if people else "|".join(sorted(key.countries)))


REPORT_METADATA = ("title", "authors", "publication", "period_start", "period_end")


def richer_report(kept: dict, other: dict) -> dict:
    """One report's row after a second rendering arrived: the kept row (its id, counts and
    fingerprint) with the metadata of the richer rendering, gaps filled from the other."""
    def richness(row: dict) -> tuple[int, int]:
        return sum(bool(row.get(k)) for k in REPORT_METADATA), len(row.get("title") or "")

    best, rest = (other, kept) if richness(other) > richness(kept) else (kept, other)
    return {**kept, **{k: best.get(k) or rest.get(k) for k in REPORT_METADATA}}
