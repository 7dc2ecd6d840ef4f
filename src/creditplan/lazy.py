"""Patterns compiled on first use.

Importing creditplan must stay cheap (every command-line run is a new process), and most
notices never need most repairs or a table: a pattern only a damaged copy needs (a byline, a
byte shift, a furniture line) or only a table needs costs nothing until such a text comes.
Compiling the normalizer's patterns at import took about ten milliseconds, the tables' about
five.
"""

from __future__ import annotations

from typing import Any, Callable

import regex


class LazyPattern:
    """Stands for a compiled pattern, compiled by ``compile`` when first used.

    >>> WORD = LazyPattern(r"\\w+")
    >>> WORD.findall("two words"), WORD.pattern
    (['two', 'words'], '\\\\w+')
    """

    def __init__(self, pattern: str, flags: int = 0,
                 compile: Callable[[str, int], Any] = regex.compile) -> None:
        self._source = (pattern, flags, compile)
        self._compiled: Any = None

    def __getattr__(self, name: str) -> Any:
        # Called only for what the instance lacks: the compiled pattern's attributes, each
        # kept on the instance once looked up so that later uses cost a plain lookup.
        if name.startswith("__") or name in ("_source", "_compiled"):
            raise AttributeError(name)  # not set up yet (copy, pickle): nothing to delegate
        if self._compiled is None:
            pattern, flags, compile = self._source
            self._compiled = compile(pattern, flags)
        value = getattr(self._compiled, name)
        setattr(self, name, value)
        return value
