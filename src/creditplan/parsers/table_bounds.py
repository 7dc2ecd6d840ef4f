"""Where a table without borders stands: the lines that name its 序号 column.

Tables that lost their separators (run together on a line, or written one cell a line) are
found from the lines that name the index column; every header found in notices names it.
"""

from __future__ import annotations

from typing import Iterator


def lines_holding(text: str, word: str) -> Iterator[tuple[int, int]]:
    r"""The start and end of each line of ``text`` that holds ``word``, in order, each line
    once however often it holds the word: found by string search, and the search goes on from
    the next line (a search back to the line start for every hit made one line holding 序号
    many times take minutes).

    >>> list(lines_holding("甲\n序号序号 乙\n丙序号", "序号"))
    [(2, 8), (9, 12)]
    """
    searched = 0
    at = text.find(word)
    while at >= 0:
        start = text.rfind("\n", searched, at) + 1 or searched
        end = text.find("\n", at)
        end = len(text) if end < 0 else end
        yield start, end
        searched = end + 1
        at = text.find(word, searched)
