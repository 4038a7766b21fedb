"""Identity across reports: one report in two renderings, one event told by several reports.

Pure decisions over plain rows; the loader applies them inside its transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy as np
import pyarrow as pa

from transforms.identity import N_HASHES, signature_similarity
from transforms.reference import fold

SAME_REPORT_SIMILARITY = 0.5  # measured: same article in two renderings 0.95, different articles < 0.02
# The fewest equal min-hashes that reach SAME_REPORT_SIMILARITY.
_MIN_EQUAL = next(c for c in range(N_HASHES + 1) if c / N_HASHES >= SAME_REPORT_SIMILARITY)
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
    """Known reports' signatures as one integer matrix: a lookup compares the query with every
    known report in a single vectorised step (the same answer as `matching_report` over them, in
    insertion order), ~0.5 ms against 10,000 reports instead of ~50 ms of Python; a first pass over
    each hash's low byte halves that (500 lookups against 50,000 stored: 2.8 -> 1.3 CPU-s). Exact, unlike
    LSH banding, which also gains little here: reports of one series share boilerplate, so many
    share some band."""

    def __init__(self, items: Iterable[tuple[str, Sequence[str]]] = ()) -> None:
        self._ids: list[str] = []
        self._slot: dict[str, int] = {}
        self._rows = np.zeros((0, N_HASHES), dtype=np.uint64)
        self._low = np.zeros((0, N_HASHES), dtype=np.uint8)  # each hash's low byte, for a cheap first pass
        self._other: dict[str, tuple[str, ...]] = {}  # signatures of another length (none in practice)
        for report_id, sig in items:
            self.add(report_id, sig)

    @classmethod
    def from_signatures(cls, table: pa.Table) -> ReportIndex:
        """The index of warehouse.load.Warehouse.report_signatures' rows, in their order: `signature`
        (N_HASHES uint64 values) or, when null, `fingerprint` (hex text of another length). The
        same index as adding each report's hex fingerprint, without a Python string per hash."""
        index = cls()
        ids = table.column("report_id").to_pylist()
        signatures = table.column("signature").combine_chunks()
        regular = signatures.is_valid().to_numpy(zero_copy_only=False)
        if len(set(ids)) != len(ids):  # a report twice: add() keeps its first place, its last signature
            for report_id, sig, fingerprint in zip(ids, signatures.to_pylist(),
                                                   table.column("fingerprint").to_pylist(), strict=True):
                index.add(report_id, [format(v, "x") for v in sig] if sig is not None else fingerprint)
            return index
        rows = signatures.filter(regular).flatten().to_numpy().astype(np.uint64, copy=False)
        index._ids = [i for i, ok in zip(ids, regular, strict=True) if ok]
        index._slot = {report_id: slot for slot, report_id in enumerate(index._ids)}
        index._rows = rows.reshape(len(index._ids), N_HASHES).copy()
        index._low = index._rows.astype(np.uint8)  # truncates to the low byte
        fingerprints = table.column("fingerprint")
        for position in np.flatnonzero(~regular):
            index._other[ids[position]] = tuple(fingerprints[int(position)].as_py() or ())
        return index

    def add(self, report_id: str, signature: Sequence[str]) -> None:
        row = _as_row(signature)
        if row is None:
            self._other[report_id] = tuple(signature)
            return
        slot = self._slot.get(report_id)
        if slot is None:  # a new id is appended; a known id keeps its place in the scan order
            slot = self._slot[report_id] = len(self._ids)
            self._ids.append(report_id)
            if slot == len(self._rows):  # grow by doubling
                self._rows = np.vstack([self._rows, np.zeros((max(16, slot), N_HASHES), dtype=np.uint64)])
                self._low = np.vstack([self._low, np.zeros((max(16, slot), N_HASHES), dtype=np.uint8)])
        self._rows[slot] = row
        self._low[slot] = row.astype(np.uint8)

    def update(self, items: dict[str, Sequence[str]]) -> None:
        for report_id, sig in items.items():
            self.add(report_id, sig)

    def match(self, signature: Sequence[str]) -> str | None:
        """matching_report(signature, every known report in insertion order)."""
        best = self.best(signature)
        return best[1] if best else None

    def best(self, signature: Sequence[str]) -> tuple[float, str] | None:
        """best_match(signature, every known report in insertion order)."""
        row = _as_row(signature)
        if row is None:
            return best_match(signature, self._other.items())
        if not self._ids:
            return None
        # First pass on the low bytes (an eighth of the memory to read): equal hashes have equal low
        # bytes, so a report with too few equal low bytes cannot reach the threshold in full.
        maybe = np.flatnonzero(_count_equal(self._low[:len(self._ids)], row.astype(np.uint8)) >= _MIN_EQUAL)
        if not len(maybe):
            return None
        equal = _count_equal(self._rows[maybe], row)
        best = int(equal.argmax())  # the first of equals, as a scan keeps it (maybe is in slot order)
        sim = float(equal[best]) / N_HASHES
        return (sim, self._ids[int(maybe[best])]) if sim >= SAME_REPORT_SIMILARITY else None


def _count_equal(rows: np.ndarray, row: np.ndarray) -> np.ndarray:
    """Per row, how many positions equal `row`'s (counted as bytes: ~1.7x faster than summing the
    booleans; 64 fits a uint16)."""
    return (rows == row).view(np.uint8).sum(axis=1, dtype=np.uint16)


def _as_row(signature: Sequence[str]) -> np.ndarray | None:
    if len(signature) != N_HASHES:
        return None
    return np.fromiter((int(v, 16) for v in signature), dtype=np.uint64, count=N_HASHES)


def match_in(signature: Sequence[str], *indexes: ReportIndex) -> str | None:
    """matching_report over the reports of several indexes, in order (e.g. stored, then this batch)."""
    best: tuple[float, str] | None = None
    for index in indexes:
        found = index.best(signature)
        if found and (best is None or found[0] > best[0]):
            best = found
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

    @cached_property
    def match_key(self) -> tuple:
        """What same_event needs equal, as one hashable key (same_event(a, b) implies equal keys): the
        days and type, then the people when any are named, else the acting states. Kept on the key:
        a batch asks for it several times per event."""
        people = "|".join(sorted(self.participants))
        return (self.date_start, self.date_end, self.event_type, people,
                "" if people else "|".join(sorted(self.countries)))


@lru_cache(maxsize=4096)  # an event's text is compared with each candidate's
def content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in fold(text).split() if w not in _FILLER and len(w) > 1)


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
    # Only pairs with equal match keys can match (same_event implies it): comparing each new event
    # with just those, not with every candidate of the report, cut 750,000 same_event calls per
    # 500-report batch to a few thousand.
    by_key: dict[tuple, list[EventKey]] = {}
    for e in existing:
        by_key.setdefault(match_key(e), []).append(e)
    candidates = []
    for n in new:
        for e in by_key.get(match_key(n), ()):
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
    """EventKey.match_key."""
    return key.match_key


REPORT_METADATA = ("title", "authors", "publication", "period_start", "period_end")


def richer_report(kept: dict, other: dict) -> dict:
    """One report's row after a second rendering arrived: the kept row (its id, counts and
    fingerprint) with the metadata of the richer rendering, gaps filled from the other."""
    def richness(row: dict) -> tuple[int, int]:
        return sum(bool(row.get(k)) for k in REPORT_METADATA), len(row.get("title") or "")

    best, rest = (other, kept) if richness(other) > richness(kept) else (kept, other)
    return {**kept, **{k: best.get(k) or rest.get(k) for k in REPORT_METADATA}}
