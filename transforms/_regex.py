"""The `regex` module with a cheaper pattern cache, for the extractors' module-level calls.

`regex.search(pattern, ...)` re-resolves its flags (enum arithmetic) and checks its cache on
every call: ~10 µs, which was a third of extraction time (tens of thousands of calls per report).
Here a compiled pattern is looked up in a plain dict keyed by (pattern, flags). Same engine, same
compiled patterns, so the same matches. Use as ``from transforms import _regex as re``.
"""

from __future__ import annotations

import re as _std
from typing import Any

import regex as _regex

_CACHE: dict[tuple[Any, int], _regex.Pattern] = {}


def compile(pattern: Any, flags: int = 0) -> _regex.Pattern:
    try:
        return _CACHE[pattern, flags]  # a RegexFlag hashes and compares as its int value
    except KeyError:
        pass
    except TypeError:  # an unhashable pattern: let regex report it
        return _regex.compile(pattern, flags)
    if isinstance(pattern, _regex.Pattern) and not flags:
        return pattern
    compiled = _CACHE[pattern, flags] = _regex.compile(pattern, flags)
    return compiled


def search(pattern: Any, string: str, flags: int = 0, **kw: Any):
    return (_CACHE.get((pattern, flags)) or compile(pattern, flags)).search(string, **kw)


def match(pattern: Any, string: str, flags: int = 0, **kw: Any):
    return (_CACHE.get((pattern, flags)) or compile(pattern, flags)).match(string, **kw)


def fullmatch(pattern: Any, string: str, flags: int = 0, **kw: Any):
    return (_CACHE.get((pattern, flags)) or compile(pattern, flags)).fullmatch(string, **kw)


def sub(pattern: Any, repl: Any, string: str, count: int = 0, flags: int = 0, **kw: Any) -> str:
    return (_CACHE.get((pattern, flags)) or compile(pattern, flags)).sub(repl, string, count, **kw)


def split(pattern: Any, string: str, maxsplit: int = 0, flags: int = 0, **kw: Any) -> list:
    return (_CACHE.get((pattern, flags)) or compile(pattern, flags)).split(string, maxsplit, **kw)


def findall(pattern: Any, string: str, flags: int = 0, **kw: Any) -> list:
    return (_CACHE.get((pattern, flags)) or compile(pattern, flags)).findall(string, **kw)


def finditer(pattern: Any, string: str, flags: int = 0, **kw: Any):
    return (_CACHE.get((pattern, flags)) or compile(pattern, flags)).finditer(string, **kw)


def lowered(text: str) -> str | None:
    """`text.lower()`, for cheap substring pre-checks of IGNORECASE patterns with ASCII literals: any
    character such a pattern matches lowercases to the literal's letter, except 'İ' (two characters
    in lowercase) and 'ſ' (matches 's'). None when the text holds one of those: run the pattern."""
    if "İ" in text or "ſ" in text:
        return None
    return text.lower()


# Character classes whose members differ between the engines (regex: Unicode TR#18 word characters,
# with marks and No digits such as '²'; stdlib: str.isalnum/isspace/isdigit, with \x1c-\x1f as spaces).
_CLASS_PAIRS = [(_std.compile(c), _regex.compile(c)) for c in (r"\w", r"\s", r"\d")]
_SAME_CLASSES: dict[str, bool] = {}


def std_compatible(text: str) -> bool:
    """True when stdlib `re` puts every character of `text` in the same \\w, \\s and \\d classes as
    `regex`: then a case-sensitive pattern that both engines accept matches the same in both."""
    for c in set(text):
        same = _SAME_CLASSES.get(c)
        if same is None:
            same = _SAME_CLASSES[c] = all(bool(s.match(c)) == bool(r.match(c)) for s, r in _CLASS_PAIRS)
        if not same:
            return False
    return True


def __getattr__(name: str) -> Any:  # flags (I, IGNORECASE, ...), escape, Match, Pattern, error
    return getattr(_regex, name)
