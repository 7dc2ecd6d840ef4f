"""Regexes compiled on first use, for modules whose patterns many runs never need.

A one-file run pays for every pattern compiled at import (the ``regex`` module compiles in
Python, about 0.3 ms a pattern), so the patterns of rare paths — tables, flattened tables —
wait until a text needs them.
"""

from __future__ import annotations

import regex

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """Stands for ``regex.compile(pattern, flags)``; compiles when a method is first used.

    >>> DIGITS = LazyPattern(r"\\d+")
    >>> DIGITS.pattern, DIGITS.findall("12 a 345")
    ('\\\\d+', ['12', '345'])
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern, self.flags = pattern, flags

    def __getattr__(self, name: str):
        compiled = regex.compile(self.pattern, self.flags)
        for method in _METHODS:    # later calls find the compiled methods directly
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)
