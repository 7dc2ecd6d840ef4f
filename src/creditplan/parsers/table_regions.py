"""Where tables stand: runs of lines with cell separators, joined into one table over what may
stand between its rows (headings on lines of their own, a cell's wrapped middle, a 续表 mark),
with the caption above them.
"""

from __future__ import annotations

import re
from typing import Iterator

from ..lazy import LazyPattern
from .state import ParseState
from .table_columns import (BARE_INDEX_CELL, CATEGORY_CELL, CELL_SPLIT, INDEX_CELL, SECTION_CELL,
                            header_columns, split_cells)

# The line above a table that names it: ...重点任务分工表, ...任务清单, and without 表 (重点任务分工,
# 重点工作任务分工), as attachments are often captioned.
TABLE_TITLE = LazyPattern(r"[^\n|。]{0,80}(?:分工表?|任务表|一览表|责任表|分解表|清单|分工方案)[ ]*$", 0,
                          re.compile)

# The mark of a table going on after a page break: 续表, 续表1, (续表), 续上表.
CONTINUED_TABLE = LazyPattern(r"^[\s|]*\(?续上?表[一二三四五六七八九十\d]*\)?[\s|]*$", 0, re.compile)


def find_tables(state: ParseState) -> None:
    """Mark the table regions: runs of lines with two or more cell separators, with the title
    line just above them."""
    text = state.text
    if "|" not in text and "\t" not in text:
        return
    regions: list[list[int]] = []
    for start, end in _separated_lines(text):
        gap = text[regions[-1][1]:start] if regions else ""
        if regions and (_inside_table(gap) or _wrapped_cell(gap, text[start:end])):
            regions[-1][1] = end
        else:
            regions.append([start, end])
    for region in regions:
        if not _has_table_rows(text[region[0]:region[1]]):
            continue          # tab-separated fields of a page's information panel, not a table
        region[1] = _partial_rows_end(text, region[1])
        region[0] = _first_cell_start(text, region[0])
        above_end = region[0] - 1
        while above_end > 0 and text[above_end - 1] == "\n":
            above_end -= 1    # a blank line between: a copy with one after every paragraph
        above_start = max(text.rfind("\n", 0, max(above_end, 0)),
                          text.rfind(" ", 0, max(above_end, 0)),
                          text.rfind("。", 0, max(above_end, 0))) + 1
        if above_end > above_start and TABLE_TITLE.fullmatch(text, above_start, above_end):
            region[0] = above_start
        state.tables.append((region[0], region[1]))


def _separated_lines(text: str) -> Iterator[tuple[int, int]]:
    r"""Spans of the lines with two or more cell separators (``|`` or tab).

    >>> list(_separated_lines("a|b|c\nd|e\n|f\tg"))
    [(0, 5), (10, 14)]
    """
    pos = 0
    for line in text.split("\n"):
        if line.count("|") + line.count("\t") >= 2:
            yield pos, pos + len(line)
        pos += len(line) + 1


def _inside_table(gap: str) -> bool:
    """Whether the lines between two runs of table rows hold nothing but section or category
    headings (一、… (一)… written on a line of their own, without cell separators), partial
    rows (one separator: a cell's paragraphs broke the row, as Word's plain-text export does)
    or the 续表 of a page break: then the runs are one table."""
    return all(not line.strip() or _partial_row(line) or CONTINUED_TABLE.match(line)
               or len(line.strip()) <= 40 and "。" not in line
               and (SECTION_CELL.match(line.strip()) or CATEGORY_CELL.match(line.strip()))
               for line in gap.split("\n"))


# The most a cell's wrapped middle line holds.
MAX_WRAPPED_CELL = 80


def _wrapped_cell(gap: str, following: str) -> bool:
    """Whether the one line between two runs of table rows is the middle of a wrapped cell:
    short, without a full stop before its end, and followed by the rest of the row (a line
    that opens with no 序号, and is no header)."""
    line = gap.strip()
    cells = split_cells(following)
    filled = [cell for cell in cells if cell]
    return bool(line) and "\n" not in line and len(line) <= MAX_WRAPPED_CELL \
        and "。" not in line[:-1] and not TABLE_TITLE.fullmatch(line) \
        and bool(filled) and not INDEX_CELL.match(filled[0]) and header_columns(cells) is None


# A list label alone in a line's first cell: 二、 (一) (1) 1. — Word's plain-text export writes
# a tab after every list number, so such a line is a list item, never the rest of a row.
LIST_LABEL_CELL = LazyPattern(r"^(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)"
                              r"|\(?\d{1,3}\)|\d{1,3}[.、]?)$", 0, re.compile)


def _partial_row(line: str) -> bool:
    """Whether a line with one separator is part of the row above (a cell's second paragraph):
    it has words, and does not open with a list label or a 序号."""
    if not ("|" in line or "\t" in line) or not line.strip(" |\t"):
        return False
    first = next(cell for cell in split_cells(line) if cell)
    return not LIST_LABEL_CELL.match(first)


def _partial_rows_end(text: str, end: int) -> int:
    """A region's end moved past the partial rows just after it (the last row's broken cell)."""
    while end < len(text):
        line_end = text.find("\n", end + 1)
        line_end = len(text) if line_end < 0 else line_end
        if not _partial_row(text[end + 1:line_end]):
            break
        end = line_end
    return end


def _has_table_rows(region: str) -> bool:
    """Whether a run of separated lines is a table: it has a header row or rows numbered with
    bare 序号. (Numbers with their marks, 1. or 一、, and a tab after them are a list that Word's
    plain-text export wrote: clauses.)"""
    numbered = 0
    for line in region.split("\n"):
        cells = split_cells(line)
        first_row = next((i for i, c in enumerate(cells) if INDEX_CELL.match(c)), len(cells))
        if header_columns(cells[:first_row]):   # a header, perhaps with rows glued after it
            return True
        numbered += any(BARE_INDEX_CELL.match(cell) for cell in cells[:3])
        if numbered >= 2:
            return True
    return False


def _first_cell_start(text: str, line_start: int) -> int:
    """Where a table's first cell begins: the line's start, or — when the page was flattened to
    one line — just after the space or full stop before the first cell."""
    first_separator = CELL_SPLIT.search(text, line_start)
    cell_end = first_separator.start() if first_separator else line_start
    while cell_end > line_start and text[cell_end - 1] == " ":
        cell_end -= 1
    boundary = max(text.rfind(" ", line_start, cell_end), text.rfind("。", line_start, cell_end))
    return boundary + 1 if boundary >= line_start else line_start
