"""Content fingerprints: the same report in two renderings (PDF conversion vs web page) shares
most of its word shingles even when punctuation, markup and entry order differ."""

from __future__ import annotations

import hashlib
from functools import lru_cache

import numpy as np

from transforms import _regex as re
from transforms.reference import fold

N_HASHES = 64
SHINGLE = 5
_MASK = (1 << 61) - 1
# Fixed salts keep signatures stable across runs and machines.
_SALTS = [int(hashlib.sha256(f"reportflow-{i}".encode()).hexdigest()[:15], 16) for i in range(N_HASHES)]
_SALTS_NP = np.array(_SALTS, dtype=np.uint64)


def shingles(text: str, k: int = SHINGLE) -> set[int]:
    words = fold(re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)).split()
    return {int(hashlib.blake2b(" ".join(words[i:i + k]).encode(), digest_size=8).hexdigest(), 16)
            for i in range(max(0, len(words) - k + 1))}


def minhash_signature(text: str) -> list[str]:
    return list(_signature(text))


@lru_cache(maxsize=8)  # the flow and report_row ask for the same text's signature
def _signature(text: str) -> tuple[str, ...]:
    sh = shingles(text)
    if not sh:
        return ()
    # min over shingles of (h ^ salt) & mask, for every salt at once (exact: uint64 arithmetic)
    hashes = np.fromiter(sh, dtype=np.uint64, count=len(sh))
    mins = ((hashes[None, :] ^ _SALTS_NP[:, None]) & np.uint64(_MASK)).min(axis=1)
    return tuple(format(int(m), "x") for m in mins)


def signature_similarity(a: list[str], b: list[str]) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets."""
    if not a or not b or len(a) != len(b):
        return 0.0
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)
