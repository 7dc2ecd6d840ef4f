"""A table's columns and cells: what a header row names, what a cell looks like, and which
column each cell of a row fills.

A header cell names a column by its words (``HEADER_COLUMNS``), even when a character was lost
(作任务 for 工作任务) or the header runs over two lines. A data row's cells are matched to the
columns by what they look like — a 序号, a sentence, a list of agencies, a short category, a
deadline — and by position only where that fits: merged cells leave rows a cell short.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lazy import LazyPattern
from .table_cells import merge_header, strip_emphasis
from .units import looks_like_agency, read_units

# The cell patterns are simple and tried on every cell: stdlib re, whose calls cost half of
# regex's. (The few with \p{Han} stay with regex.)
CELL_SPLIT = LazyPattern(r"[|\t]", 0, re.compile)
# Header words and the column each names. Order matters: the first match wins.
HEADER_COLUMNS = (
    ("index", ("序号", "编号")),
    ("category", ("类别", "分类", "类型", "领域", "重点领域", "任务类别")),
    ("content", ("工作内容", "具体内容", "主要内容", "任务内容", "工作措施", "具体措施", "主要措施",
                 "工作举措", "主要举措", "具体举措", "工作任务", "主要任务", "重点任务", "具体任务",
                 "重点工作", "任务", "工作事项", "事项")),
    ("lead", ("牵头单位", "牵头部门", "主责单位", "主责部门", "主办单位", "主办部门")),
    ("support", ("配合单位", "配合部门", "协办单位", "协办部门", "参与单位", "参与部门", "协助单位",
                 "协助部门", "协同单位", "协同部门")),
    ("responsible", ("责任单位", "责任部门", "责任主体", "负责单位", "负责部门", "承办单位", "承办部门",
                     "实施单位", "实施主体", "落实单位")),
    ("deadline", ("完成时限", "时间进度", "完成时间", "完成期限", "时间节点", "时间要求", "时限要求",
                  "时限", "期限", "进度安排", "时间安排")),
    ("note", ("备注", "说明")),
)

SECTION_CELL = LazyPattern(r"^(?P<num>[一二三四五六七八九十百]{1,4})、(?P<title>.*)$", 0, re.compile)
CATEGORY_CELL = LazyPattern(r"^\((?P<num>[一二三四五六七八九十百]{1,4})\)(?P<title>.*)$", 0, re.compile)
# A 序号 cell: 3, 3., 3、, 三 (some tables number their rows so), and (3) as a clause would
# number it ((一) is a category's mark).
INDEX_CELL = LazyPattern(r"^(?:\d{1,4}[.、]?|\(\d{1,4}\)|[一二三四五六七八九十]{1,3}[.、]?)$", 0,
                         re.compile)
BARE_INDEX_CELL = LazyPattern(r"^(?:\d{1,4}|[一二三四五六七八九十]{1,3})$", 0, re.compile)
# A Markdown table's separator row: |---|:---:|
RULE_ROW = LazyPattern(r"^[\s|:\-—]+$", 0, re.compile)
DEADLINE_CELL = LazyPattern(r"^[^。]{0,40}(?:\d{4}年|年底|年中|月底|季度|前完成|长期|持续|常态|全年|"
                            r"\d{1,2}月)[^。]{0,20}$", 0, re.compile)
DEADLINE_CELL_MAX = 40 + 5 + 20    # the longest DEADLINE_CELL matches: 40, \d{4}年, 20


@dataclass
class Column:
    kind: str
    role: str | None = None
    task_words: bool = False   # a category named like a task (工作任务 beside 具体措施)
    name: str = ""             # the header's words (kept for a column no record field holds)


# A row's cell under a column no record field holds (工作目标, 考核指标) is kept under this key
# and its header's name, and goes to the task's note: no cell is dropped.
EXTRA = "extra:"


def _key(column: Column, position: int) -> str:
    return column.kind if column.kind != "extra" else f"{EXTRA}{column.name or position}"


def header_columns(cells: list[str]) -> list[Column] | None:
    """Columns named by a header row, or None if the row is not a header.

    A header that lost characters (作任务 for 工作任务) still counts: a cell names a column
    when a header word contains it (three characters or more) or it contains a header word.
    """
    if any(INDEX_CELL.match(cell) for cell in cells):
        return None        # a row with a 序号 is data, whatever its words
    named = [column_kind(cell) for cell in cells]
    if sum(kind is not None for kind in named) < 2 or "index" not in named and \
            sum(k is not None for k in named) < 3:
        return None
    kinds = list(named)
    task_words = None
    if kinds.count("content") > 1:   # 工作任务 beside 工作内容: the first is the category
        task_words = kinds.index("content")
        kinds[task_words] = "category"
    return [Column(k or "extra", role=k if k in ("lead", "support", "responsible") else None,
                   task_words=i == task_words, name=cells[i]) for i, k in enumerate(kinds)]


def read_header(cells: list[str], next_line: str,
                alone: list[Column] | None) -> tuple[list[Column] | None, bool]:
    """The columns a line names (``alone`` when read by itself), perhaps with the line after it
    (a header over two lines: 责任单位 above 牵头单位 | 配合单位, or words wrapped in their
    cells); and whether it took two lines."""
    below = split_cells(next_line) if next_line.strip() else []
    merged = merge_header(cells, below, column_kind) if below else None
    header = header_columns(merged) if merged else None
    if header:
        return header, True
    return alone, False


@lru_cache(maxsize=4096)
def column_kind(cell: str) -> str | None:
    cell = cell.replace(" ", "")
    if not cell:
        return None
    for kind, words in HEADER_COLUMNS:
        for word in words:
            if cell == word or (len(cell) >= 3 and cell in word) or (word in cell and
                                                                     len(cell) <= len(word) + 4):
                return kind
    return None


def split_cells(line: str) -> list[str]:
    parts = CELL_SPLIT.split(line) if "\t" in line else line.split("|")
    cells = [c.strip() for c in parts]
    if "*" in line or "_" in line:      # Markdown emphasis around a cell
        cells = [strip_emphasis(c) for c in cells]
    while cells and not cells[-1]:
        cells.pop()
    return cells


@lru_cache(maxsize=8192)
def cell_type(cell: str) -> str:
    if not cell:
        return "empty"
    if INDEX_CELL.match(cell):
        return "index"
    if CATEGORY_CELL.match(cell) or SECTION_CELL.match(cell):
        return "category"
    if "。" in cell:             # before the deadline test: a deadline cell has no full stop
        return "sentence"
    if len(cell) <= DEADLINE_CELL_MAX and DEADLINE_CELL.match(cell) \
            and not looks_like_agency(cell):
        return "deadline"
    units, _ = read_units(cell)
    if units and all(looks_like_agency(u.name) for u in units):
        return "agencies"
    if len(cell) <= 30 and "," not in cell:
        return "short"
    return "sentence"


# Which column kinds a cell of each type may fill.
FITS = {
    "index": ("index",),
    "category": ("category",),
    "short": ("category", "content", "note"),
    "sentence": ("content", "note"),
    "agencies": ("lead", "support", "responsible", "content", "note"),
    "deadline": ("deadline", "note", "content"),
}


def _plausible(row: dict[str, str]) -> bool:
    """Whether cells taken by position look like their columns: a 序号 is a number, a category
    is no sentence, the task's text is neither a number nor a date nor a list of agencies, and
    agencies are no sentence."""
    for kind, cell in row.items():
        looks = cell_type(cell)
        if kind == "index" and looks != "index" or kind != "index" and looks == "index":
            return False
        if kind == "category" and looks == "sentence":
            return False
        if kind == "content" and looks in ("deadline", "agencies"):
            return False
        if kind in ("lead", "support", "responsible") and "。" in cell:
            return False
    return "content" in row


def assign_cells(cells: list[str], columns: list[Column]) -> dict[str, str]:
    """Match a row's cells to columns by what they look like, in order.

    >>> cols = [Column("index"), Column("category"), Column("content"),
    ...         Column("lead", "lead"), Column("support", "support")]
    >>> assign_cells(["2", "制定方案,明确任务。", "市经济信息化委", "相关委办局", ""], cols)
    {'index': '2', 'content': '制定方案,明确任务。', 'lead': '市经济信息化委', 'support': '相关委办局'}
    """
    if len(cells) <= len(columns):   # fewer only when the last cells were empty, or merged
        by_position = {_key(c, i): cell for i, (c, cell) in enumerate(zip(columns, cells)) if cell}
        if _plausible(by_position):
            return by_position
    assigned: dict[str, str] = {}
    col = 0
    for position, cell in enumerate(cells):
        kind = cell_type(cell)
        if kind == "empty":
            col += 1
            continue
        fits = FITS[kind]
        target = next((i for i in range(col, len(columns)) if columns[i].kind in fits), None)
        if target is None:
            extra = next((c for c in columns[col:] if c.kind == "extra"), None)
            assigned[_key(extra, position) if extra else f"{EXTRA}{position}"] = cell
            continue
        assigned[columns[target].kind] = cell
        col = target + 1
    return assigned


def extra_note(row: dict[str, str]) -> str | None:
    """The cells of a row under columns no record field holds, as a note: 工作目标:出台办法.

    >>> extra_note({"content": "建立制度。", "extra:工作目标": "出台办法", "extra:4": "另见附表"})
    '工作目标:出台办法; 另见附表'
    """
    notes = [f"{key[len(EXTRA):]}:{cell}" if not key[len(EXTRA):].isdigit() else cell
             for key, cell in row.items() if key.startswith(EXTRA)]
    return "; ".join(notes) or None
