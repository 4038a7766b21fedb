"""Content fingerprints: the same report in two renderings (PDF conversion vs web page) shares
most of its word shingles even when punctuation, markup and entry order differ."""

from __future__ import annotations

import hashlib

import regex as re

from transforms.reference import fold

N_HASHES = 64
SHINGLE = 5
_MASK = (1 << 61) - 1
# Fixed salts keep signatures stable across runs and machines.
_SALTS = [int(hashlib.sha256(f"reportflow-{i}".encode()).hexdigest()[:15], 16) for i in range(N_HASHES)]


def shingles(text: str, k: int = SHINGLE) -> set[int]:
    words = fold(re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)).split()
    return {int(hashlib.blake2b(" ".join(words[i:i + k]).encode(), digest_size=8).hexdigest(), 16)
            for i in range(max(0, len(words) - k + 1))}


def minhash_signature(text: str) -> list[str]:
    sh = shingles(text)
    if not sh:
        return []
    return [format(min((h ^ salt) & _MASK for h in sh), "x") for salt in _SALTS]


def signature_similarity(a: list[str], b: list[str]) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets."""
    if not a or not b or len(a) != len(b):
        return 0.0
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)
