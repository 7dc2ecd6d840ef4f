"""Table cells that span lines, and 序号 in any numerals.

Copies of division-of-labour tables (from Word, PDF or a Markdown export) split what the table
showed as one: a header over two lines (责任单位 above 牵头单位 | 配合单位, or 工作 above 任务 where
the cell's words wrapped), and a row whose cells wrapped onto a line of their own with no 序号
(the continuation row). Their 序号 may be Chinese numerals (一, 二) — and a row numbered so with
nothing but a title is the table's section row. Markdown copies wrap cells in emphasis.
"""

from __future__ import annotations

import re

from ..lazy import LazyPattern
from .numbering import cn_to_int
from .units import looks_like_agency, split_top

# A cell wrapped in Markdown emphasis: **一、夯实信用基础**, __备注__.
EMPHASIS = LazyPattern(r"^(\*\*|__|\*)(?P<words>.+?)\1$", 0, re.compile)
# A 序号 in Chinese numerals, as some tables number their rows (or their section rows).
CN_INDEX = LazyPattern(r"^(?P<num>[一二三四五六七八九十]{1,3})[.、]?$", 0, re.compile)
# The words of a header's second line are short: column names or the end of one; those of its
# first line are column names, two or more.
MAX_HEADER_WORDS = 8
MAX_COLUMN_NAME = 20
# Where a continued cell's text ends a sentence, a line with text of its own is a new row.
_SENTENCE_END = ("。", ";", "!", "?")
_LIST_END = ("、", ",", ";")
_CONTINUED = ("content", "lead", "support", "responsible", "deadline", "note")


def strip_emphasis(cell: str) -> str:
    """A cell without its Markdown emphasis.

    >>> strip_emphasis("**一、夯实信用基础**"), strip_emphasis("市发改委")
    ('一、夯实信用基础', '市发改委')
    """
    if cell[:1] not in "*_":
        return cell
    match = EMPHASIS.match(cell)
    return match["words"].strip() if match else cell


def index_number(cell: str) -> int:
    """The number of a 序号 cell: 3, 3., 3、, (3) or 三.

    >>> index_number("12."), index_number("(12)"), index_number("十二")
    (12, 12, 12)
    """
    match = CN_INDEX.match(cell)
    if match:
        return cn_to_int(match["num"]) or 0
    return int(cell.rstrip(".、").strip("()"))


def is_section_row(row: dict[str, str]) -> bool:
    """Whether a row numbered in Chinese numerals is a section row: a title, no units, no date.

    >>> is_section_row({"index": "一", "content": "信用制度建设"})
    True
    >>> is_section_row({"index": "一", "content": "制定细则。", "lead": "市发改委"})
    False
    """
    return bool(CN_INDEX.match(row.get("index", ""))) and row.keys() <= {"index", "content",
                                                                         "category"}


def merge_header(above: list[str], below: list[str], kind_of) -> list[str] | None:
    """The header cells of two lines read as one, or None when ``below`` is no header line.

    Position by position: a word below that names a column of its own replaces the one above
    (责任单位 above 牵头单位); one that does not is the end of the word above (工作 / 任务).
    ``kind_of`` names a cell's column (``table_columns.column_kind``).

    >>> from creditplan.parsers.table_columns import column_kind as kind
    >>> merge_header(["序号", "工作任务", "责任单位", "", "完成时限"], ["", "", "牵头单位", "配合单位"], kind)
    ['序号', '工作任务', '牵头单位', '配合单位', '完成时限']
    >>> merge_header(["序号", "工作", "牵头"], ["", "任务", "单位"], kind)
    ['序号', '工作任务', '牵头单位']
    >>> merge_header(["序号", "工作任务"], ["1", "建立制度。"], kind) is None
    True
    >>> merge_header(["某市任务分工表"], ["序号", "工作任务", "牵头单位"], kind) is None
    True
    """
    words = [w for w in below if w]
    if not words or any(len(w) > MAX_HEADER_WORDS or CN_INDEX.match(w) or w.isdigit()
                        for w in words):
        return None
    names = [w for w in above if w]
    if len(names) < 2 or any(len(w) > MAX_COLUMN_NAME for w in names):
        return None     # a title above the header, or a row of text: no header's first line
    size = max(len(above), len(below))
    above = above + [""] * (size - len(above))
    below = below + [""] * (size - len(below))
    merged = []
    for top, bottom in zip(above, below):
        if not bottom:
            merged.append(top)
        elif top and kind_of(top) is None:      # the end of a word that wrapped in its cell
            if not kind_of(top + bottom):
                return None
            merged.append(top + bottom)
        elif kind_of(bottom):                   # a column under a spanning one, or beside it
            merged.append(bottom)
        else:
            return None
    return merged


def refit_continuation(previous: dict[str, str], row: dict[str, str]) -> dict[str, str]:
    """A continuation row whose first cell, read as the task's text, is a list of agencies after
    a text that ended: the rest of the last unit cell of ``previous`` (a cell whose paragraphs
    broke the row: 市发改委 / 市财政局).

    >>> refit_continuation({"content": "建立制度。", "lead": "市发改委"}, {"content": "市财政局"})
    {'lead': '市财政局'}
    """
    cell = row.get("content", "")
    units = [kind for kind in _CONTINUED[1:4] if kind in previous]
    if not cell or not units or not previous.get("content", "").endswith(_SENTENCE_END) or \
            not all(looks_like_agency(name) for name in split_top(cell, "、,;")):
        return row
    refitted = {kind: value for kind, value in row.items() if kind != "content"}
    refitted[units[-1]] = cell + refitted.get(units[-1], "")
    return refitted


def continues(previous: dict[str, str], row: dict[str, str]) -> bool:
    """Whether a row without a 序号 holds the wrapped ends of ``previous``'s cells: it has only
    cells a wrap continues, and no new sentence after one that ended."""
    if not row or not row.keys() <= set(_CONTINUED):
        return False
    return "content" not in row or not previous.get("content", "").endswith(_SENTENCE_END)


def join_continued(previous: dict[str, str], row: dict[str, str]) -> None:
    """Add a continuation row's cells to the ends of ``previous``'s cells.

    >>> row = {"content": "制定办法,", "responsible": "市发改委、"}
    >>> join_continued(row, {"content": "明确规则。", "responsible": "市司法局"}); row
    {'content': '制定办法,明确规则。', 'responsible': '市发改委、市司法局'}
    >>> row = {"lead": "市发改委"}; join_continued(row, {"lead": "市财政局"}); row
    {'lead': '市发改委、市财政局'}
    """
    for kind, cell in row.items():
        before = previous.get(kind, "")
        whole_names = kind in ("lead", "support", "responsible") and before \
            and not before.endswith(_LIST_END) and looks_like_agency(before) \
            and looks_like_agency(cell)
        previous[kind] = before + ("、" if whole_names else "") + cell
