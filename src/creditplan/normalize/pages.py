"""Page furniture of copies extracted from PDF or Word: running heads and feet.

pdftotext, docx2txt and a PDF viewer's copy keep what is printed on every page: the page
number (dropped with the other furniture lines, in ``boilerplate``) and a running head or foot
— the issuing office, the document number, the plan's title — on the lines beside it. A line is
a running head when the same words stand on the same side of two or more page numbers, and
no more often anywhere else (the title atop page one, the office on the cover): words the text
uses more often elsewhere are its own (a table written one cell a line repeats 2023年底 and
市发改委, sometimes beside a page number). Then every copy next to a page number goes. When the words stand
nowhere else in the text, the first copy stays: it may be the page's real heading (a plan's
title on its first page, repeated above every later page).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from itertools import accumulate

from ..lazy import LazyPattern
from .edits import StepResult, delete_spans, matches_at, split_lines, unchanged

PAGE_NUMBER = LazyPattern(
    r"""
    ^[ \f]* (?:
        [-—–－]+ [ ]* \d{1,3} [ ]* [-—–－]+                 # - 3 -, — 12 —, -3-, —  3  —
      | 第 [ ]* \d{1,3} [ ]* 页 (?: [ ]* [,/]? [ ]* 共 [ ]* \d{1,3} [ ]* 页 )?   # 第3页 共10页
      | 共 [ ]* \d{1,3} [ ]* 页 [ ]* [,/]? [ ]* 第 [ ]* \d{1,3} [ ]* 页        # 共10页 第3页
    ) [ ]*$
    """,
    re.VERBOSE | re.MULTILINE,
    re.compile,
)

# Where a page number's line can begin: after a line end, the first mark of one (a literal line
# end first lets re skip through the text fast; PAGE_NUMBER is tried only there).
_PAGE_NUMBER_START = LazyPattern(r"\n[ \f]*[-—–－第共]", 0, re.compile)

# A running head is a name (an office, a number, a title): short, without the marks of a
# sentence or a list, not closing a bracket (a task's last line may be the same responsibility
# on two pages: (责任单位:区发改局)), not a numbered item, and no table row (cells have their own
# repeated-header rule).
MAX_HEAD = 60
_NOT_A_HEAD = LazyPattern(
    r"""
      [。,;:!?、|\t]                       # a sentence, a list, a table row
    | [)〕】\]]$                            # a bracket's end: a responsibility, a note
    | ^(?:[一二三四五六七八九十]+、 | \(\S{1,3}\) | \d{1,3}[.、])   # a numbered item
    """,
    re.VERBOSE,
    re.compile,
)


def drop_running_heads(text: str) -> StepResult:
    """Remove the lines repeated beside the page numbers of an extracted copy.

    >>> drop_running_heads("甲办公室\\n一、总则\\n- 1 -\\n甲办公室\\n二、附则\\n- 2 -\\n甲办公室\\n").text
    '甲办公室\\n一、总则\\n- 1 -\\n\\n二、附则\\n- 2 -\\n\\n'
    """
    starts = [0] + [m.start() + 1 for m in _PAGE_NUMBER_START.finditer(text)]
    found = [m.start() for m in matches_at(PAGE_NUMBER, text, starts)]
    if len(found) < 2:
        return unchanged(text)
    lines = split_lines(text)
    line_starts = list(accumulate((len(line) + 1 for line in lines), initial=0))
    marks = [bisect_right(line_starts, pos) - 1 for pos in found]
    words = [line.strip(" \f") for line in lines]
    dropped: set[int] = set()
    while True:   # a head and a second head under it: until no new line is found
        found = _heads(words, set(marks), dropped)
        if not found:
            break
        dropped |= found
    if not dropped:
        return unchanged(text)
    spans, pos = [], 0
    for index, line in enumerate(lines):
        if index in dropped and line:
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return delete_spans(text, spans)


def _heads(words: list[str], marks: set[int], dropped: set[int]) -> set[int]:
    """Indexes of the lines, not yet dropped, that are copies of a running head or foot."""
    beside: dict[tuple[str, int], set[int]] = {}   # (words, side of the number): lines
    for mark in sorted(marks):
        for step in (-1, 1):
            at = _next_words(words, mark, step, marks, dropped)
            if at is not None and _may_be_head(words[at]):
                beside.setdefault((words[at], step), set()).add(at)
    everywhere = Counter(words)
    found: set[int] = set()
    for (head, _), places in beside.items():
        if len(places) < 2:
            continue
        elsewhere = everywhere[head] - len(places) - sum(words[i] == head for i in dropped)
        if elsewhere > len(places):
            continue        # words the text keeps using (a table's 2023年底, 市发改委): content
        found.update(places if elsewhere else sorted(places)[1:])
    return found


def _next_words(words: list[str], mark: int, step: int, marks: set[int],
                dropped: set[int]) -> int | None:
    """The first line with words before (``step`` -1) or after (+1) a page number."""
    at = mark + step
    while 0 <= at < len(words) and (not words[at] or at in dropped):
        at += step
    return at if 0 <= at < len(words) and at not in marks else None


def _may_be_head(line: str) -> bool:
    return len(line) <= MAX_HEAD and not _NOT_A_HEAD.search(line)
