"""The `regex` module with a cheaper pattern cache, for the extractors' module-level calls.

`regex.search(pattern, ...)` re-resolves its flags (enum arithmetic) and checks its cache on
every call: ~10 µs, which was a third of extraction time (tens of thousands of calls per report).
Here a compiled pattern is looked up in a plain dict keyed by (pattern, flags). Same engine, same
compiled patterns, so the same matches. Use as ``from transforms import _regex as re``.
"""

from __future__ import annotations

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


def __getattr__(name: str) -> Any:  # flags (I, IGNORECASE, ...), escape, Match, Pattern, error
    return getattr(_regex, name)
