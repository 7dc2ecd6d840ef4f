"""Division-of-labour tables (任务分工表): every data row a task, however the table was flattened.

A table arrives as lines of cells separated by ``|`` (or tabs), with merged cells lost (a
category written only on its first row, so later rows are one cell short), its header repeated
after every page break, section rows (一、… with empty cells) and category rows ((一)… on the
first task row of its category). Each row's cells are matched to the header's columns by what
they look like — a 序号, a sentence, a list of agencies, a short category — never by position
alone; an empty cell fills its own column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from ..lazy import LazyPattern
from .numbering import cn_to_int
from .responsibility import parse_cell
from .state import ParseState
from .table_cells import (continues, index_number, is_section_row, join_continued, merge_header,
                          refit_continuation, strip_emphasis)
from .units import looks_like_agency, read_units, unit_records

# The cell patterns are simple and tried on every cell: stdlib re, whose calls cost half of
# regex's. (The few with \p{Han} stay with regex.)
CELL_SPLIT = LazyPattern(r"[|\t]", 0, re.compile)
# The line above a table that names it: ...重点任务分工表, ...任务清单, and without 表 (重点任务分工,
# 重点工作任务分工), as attachments are often captioned.
TABLE_TITLE = LazyPattern(r"[^\n|。]{0,80}(?:分工表?|任务表|一览表|责任表|分解表|清单|分工方案)[ ]*$", 0,
                          re.compile)

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
# A 序号: 3, 3., 3、 — or 三 (table_cells.CN_INDEX), as some tables number their rows.
# A 序号 cell: 3, 3., 3、, 三, and (3) as a clause would number it ((一) is a category's mark).
INDEX_CELL = LazyPattern(r"^(?:\d{1,4}[.、]?|\(\d{1,4}\)|[一二三四五六七八九十]{1,3}[.、]?)$", 0,
                         re.compile)
BARE_INDEX_CELL = LazyPattern(r"^(?:\d{1,4}|[一二三四五六七八九十]{1,3})$", 0, re.compile)
# A Markdown table's separator row: |---|:---:|
RULE_ROW = LazyPattern(r"^[\s|:\-—]+$", 0, re.compile)
# The mark of a table going on after a page break: 续表, 续表1, (续表), 续上表.
CONTINUED_TABLE = LazyPattern(r"^[\s|]*\(?续上?表[一二三四五六七八九十\d]*\)?[\s|]*$", 0, re.compile)
DEADLINE_CELL = LazyPattern(r"^[^。]{0,40}(?:\d{4}年|年底|年中|月底|季度|前完成|长期|持续|常态|全年|"
                            r"\d{1,2}月)[^。]{0,20}$", 0, re.compile)
_DEADLINE_CELL_MAX = 40 + 5 + 20    # the longest DEADLINE_CELL matches: 40, \d{4}年, 20


@dataclass
class Column:
    kind: str
    role: str | None = None
    task_words: bool = False   # a category named like a task (工作任务 beside 具体措施)


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
    cells = _cells(following)
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
    first = next(cell for cell in _cells(line) if cell)
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
        cells = _cells(line)
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


def header_columns(cells: list[str]) -> list[Column] | None:
    """Columns named by a header row, or None if the row is not a header.

    A header that lost characters (作任务 for 工作任务) still counts: a cell names a column
    when a header word contains it (three characters or more) or it contains a header word.
    """
    if any(INDEX_CELL.match(cell) for cell in cells):
        return None        # a row with a 序号 is data, whatever its words
    named = [_column_kind(cell) for cell in cells]
    if sum(kind is not None for kind in named) < 2 or "index" not in named and \
            sum(k is not None for k in named) < 3:
        return None
    kinds = list(named)
    task_words = None
    if kinds.count("content") > 1:   # 工作任务 beside 工作内容: the first is the category
        task_words = kinds.index("content")
        kinds[task_words] = "category"
    return [Column(k or "extra", role=k if k in ("lead", "support", "responsible") else None,
                   task_words=i == task_words) for i, k in enumerate(kinds)]


def _header(cells: list[str], next_line: str,
            alone: list[Column] | None) -> tuple[list[Column] | None, bool]:
    """The columns a line names (``alone`` when read by itself), perhaps with the line after it
    (a header over two lines: 责任单位 above 牵头单位 | 配合单位, or words wrapped in their
    cells); and whether it took two lines."""
    below = _cells(next_line) if next_line.strip() else []
    merged = merge_header(cells, below, _column_kind) if below else None
    header = header_columns(merged) if merged else None
    if header:
        return header, True
    return alone, False


@lru_cache(maxsize=4096)
def _column_kind(cell: str) -> str | None:
    cell = cell.replace(" ", "")
    if not cell:
        return None
    for kind, words in HEADER_COLUMNS:
        for word in words:
            if cell == word or (len(cell) >= 3 and cell in word) or (word in cell and
                                                                     len(cell) <= len(word) + 4):
                return kind
    return None


def _cells(line: str) -> list[str]:
    parts = CELL_SPLIT.split(line) if "\t" in line else line.split("|")
    cells = [c.strip() for c in parts]
    if "*" in line or "_" in line:      # Markdown emphasis around a cell
        cells = [strip_emphasis(c) for c in cells]
    while cells and not cells[-1]:
        cells.pop()
    return cells


@lru_cache(maxsize=8192)
def _cell_type(cell: str) -> str:
    if not cell:
        return "empty"
    if INDEX_CELL.match(cell):
        return "index"
    if CATEGORY_CELL.match(cell) or SECTION_CELL.match(cell):
        return "category"
    if "。" in cell:             # before the deadline test: a deadline cell has no full stop
        return "sentence"
    if len(cell) <= _DEADLINE_CELL_MAX and DEADLINE_CELL.match(cell) \
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
        looks = _cell_type(cell)
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
    if len(cells) == len(columns):
        by_position = {c.kind: cell for c, cell in zip(columns, cells) if cell}
        if _plausible(by_position):
            return by_position
    assigned: dict[str, str] = {}
    col = 0
    for cell in cells:
        kind = _cell_type(cell)
        if kind == "empty":
            col += 1
            continue
        fits = FITS[kind]
        target = next((i for i in range(col, len(columns)) if columns[i].kind in fits), None)
        if target is None:
            assigned.setdefault("extra", cell)
            continue
        assigned[columns[target].kind] = cell
        col = target + 1
    return assigned


@dataclass
class Category:
    number: int
    title: str
    labeled: bool
    section: int | None = None   # matched by title, once (0: no section matched)


def parse_tables(state: ParseState) -> None:
    """Turn every data row of every table region into a task. A table without cell separators
    (``flat_table``, ``vertical_table``) has no cells to read: its own parser reads its rows."""
    others = state.meta.get("tables_without_cells", set())
    for start, end in state.tables:
        if start not in others:
            _parse_region(state, start, end)


def _parse_region(state: ParseState, start: int, end: int) -> None:
    text = state.text
    columns: list[Column] | None = None
    section = _enclosing_section(state, start)   # until the table's own section rows
    saw_section_rows = False
    category: Category | None = None
    categories: list[Category] = []
    rows: list[tuple[dict, Category | None]] = []
    section_rows: list[dict] = []
    lines = text[start:end].split("\n")
    pos, skip, last_was_row, rejected = start, -1, False, False
    for number, line in enumerate(lines):
        line_start, pos = pos, pos + len(line) + 1
        line_end = line_start + len(line)
        cells = _cells(line)
        if number == skip or not any(cells) or RULE_ROW.match(line) or CONTINUED_TABLE.match(line):
            if any(cells):
                state.place(line_start, line_end)
            continue
        header, two_lines = header_columns(cells), False
        if header or columns is None:    # a header's second line is read only after its first
            header, two_lines = _header(cells, lines[number + 1] if number + 1 < len(lines)
                                        else "", header)
        if header:
            # A header repeated after a page break adds nothing; one with other columns opens
            # the next table.
            columns = header if columns is None or len(header) != len(columns) else columns
            skip = number + 1 if two_lines else skip
            state.place(line_start, line_end)
            continue
        if columns is None:
            if TABLE_TITLE.fullmatch(line.strip()):
                state.place(line_start, line_end)
            else:
                state.warn("unplaced_text", f"a line above the table's header was not "
                           f"understood: {line.strip()[:40]!r}", line_start)
            continue
        filled = [c for c in cells if c]
        heading = SECTION_CELL.match(filled[0]) if len(filled) == 1 else None
        row = {} if heading else assign_cells(cells, columns)
        if heading or is_section_row(row):
            number_, title = (heading["num"], heading["title"]) if heading else \
                (row["index"].rstrip(".、"), row.get("content") or row.get("category", ""))
            section, category, saw_section_rows = cn_to_int(number_), None, True
            section_rows.append({"index": section, "number": number_, "title": title.strip(),
                                 "level": 1, "text": "", "line": state.line_of(line_start),
                                 "span": (line_start, line_end)})
            state.place(line_start, line_end)
            last_was_row = False
            continue
        if len(filled) == 1 and CATEGORY_CELL.match(filled[0]):   # (一)… on a line of its own
            category = _next_category(filled[0], category, categories)
            state.place(line_start, line_end)
            last_was_row = False
            continue
        has_index = any(c.kind == "index" for c in columns)
        if "index" not in row and has_index and last_was_row:
            if line.lstrip().startswith("|"):    # a bordered copy keeps each cell in its column
                row = {c.kind: cell for c, cell in zip(columns, cells) if cell}
            row = refit_continuation(rows[-1][0], row)
        if "index" not in row and has_index and last_was_row and continues(rows[-1][0], row):
            join_continued(rows[-1][0], row)     # the wrapped ends of the last row's cells
            rows[-1][0]["_span"] = (rows[-1][0]["_span"][0], line_end)
            state.place(line_start, line_end)
            continue
        last_was_row = False
        if "content" not in row and "category" in row and "index" in row:
            row["content"] = row.pop("category")
        category = _next_category(row.get("category"), category, categories)
        if row.keys() == {"category"}:     # a category row of its own: (一)加强制度建设
            state.place(line_start, line_end)
            continue
        if "index" not in row and not has_index and "content" in row:
            row["index"] = str(len(rows) + 1)      # no 序号 column: rows count in order
        if "index" not in row or "content" not in row:
            state.warn("unplaced_table_row", f"a table row has no 序号 or no task text: "
                       f"{line.strip()[:40]!r}", line_start)
            rejected = True
            continue
        row["_section"] = section
        row["_columns"] = columns          # the header this row's cells follow
        row["_span"] = (line_start, line_end)
        rows.append((row, category))
        last_was_row = True
        state.place(line_start, line_end)
    if section_rows and not state.sections:   # a notice that is only its table
        state.sections.extend(section_rows)
    if columns is not None and not rows and not section_rows and not rejected:
        # A header and nothing under it: the rows ran onto the header's line (a page flattened
        # to one line), and no cell of them can be told apart. Said, not dropped unseen.
        state.warn("unplaced_table_row", "a table header with no row under it: its rows, if "
                   "any, could not be told apart (a table flattened to one line?)", start)
    if _titles_per_row(columns or [], categories, rows):
        rows = [({**row, "_title": category_.title}, None) for row, category_ in rows]
        categories = []
    by_title = not saw_section_rows
    for row, category_ in rows:
        state.tasks.append(_row_task(state, row, category_, row.pop("_columns"), by_title))
    for category_ in categories:
        # A category is a group unless it is one of the notice's sections (matched by title).
        if by_title and category_.section:
            continue
        section = None if by_title else _section_for(rows, category_)
        state.groups.append({"origin": "table", "section": section, "index": category_.number,
                             "title": category_.title, "text": "",
                             "path": [p for p in (section, category_.number) if p is not None]})


def _titles_per_row(columns: list[Column], categories: list[Category], rows) -> bool:
    """Whether a category column named like a task's (工作任务 beside 具体措施) gives each row
    a title of its own: every row has its own, unnumbered. Merged over rows, it is a category."""
    return any(c.task_words for c in columns) and len(rows) >= 2 and \
        len(categories) == len(rows) and all(not c.labeled for c in categories) and \
        [c for _, c in rows] == categories


def _enclosing_section(state: ParseState, start: int) -> int | None:
    """The number of the clause section a table stands in: the last to begin before it, when
    another begins after it (一、重点任务 ⏎ table ⏎ 二、保障措施). A table after the last
    section may be an attachment of the whole plan: it is in none."""
    before = [s for s in state.sections if s["span"][0] < start]
    after = any(s["span"][0] > start for s in state.sections)
    return before[-1]["index"] if before and after else None


def _section_for(rows, category: Category) -> int | None:
    return next((row["_section"] for row, c in rows if c is category), None)


def _next_category(cell: str | None, current: Category | None,
                   categories: list[Category]) -> Category | None:
    """The category a row belongs to, given its category cell (if any)."""
    if not cell:
        return current
    labeled = CATEGORY_CELL.match(cell)
    if labeled:
        number, title = cn_to_int(labeled["num"]), labeled["title"].strip()
        if current and current.labeled and current.number == number:
            return current     # the category repeated at the top of a new page
        category = Category(number, title, True)
    elif current and current.labeled:
        current.title += cell  # a labeled category's name split over two rows
        return current
    else:
        category = Category(len(categories) + 1, cell, False)
    categories.append(category)
    return category


def _row_task(state: ParseState, row: dict, category: Category | None, columns: list[Column],
              by_title: bool) -> dict:
    section, group = row["_section"], category.number if category else None
    if by_title and category:
        if category.section is None:
            category.section = _match_section(state.sections, category.title) or 0
        matched = category.section or None
        section, group = (matched, None) if matched is not None else (None, category.number)
    units, is_open = [], False
    roles = {c.kind: c.role for c in columns if c.role}
    for kind in ("lead", "support", "responsible"):
        if row.get(kind):
            found, cell_open = parse_cell(row[kind], roles.get(kind))
            units.extend(found)
            is_open = is_open or cell_open
    text = row["content"]
    index = index_number(row["index"])
    start, end = row["_span"]
    return {"origin": "table", "section": section, "group": group, "index": index,
            "path": [p for p in (section, group, index) if p is not None],
            "title": row.get("_title"), "text": text, "units": unit_records(units),
            "units_open": is_open, "deadline": row.get("deadline"), "note": row.get("note"),
            "line": state.line_of(start), "span": (start, end)}


_NOT_WORD = LazyPattern(r"[^\p{Han}\w]")


@lru_cache(maxsize=1024)
def _bigrams(text: str) -> frozenset[str]:
    text = _NOT_WORD.sub("", text)
    return frozenset(text[i:i + 2] for i in range(len(text) - 1))


def _match_section(sections: list[dict], title: str) -> int | None:
    """The section whose title the category's title matches best (Dice ≥ 0.6), if any."""
    wanted = _bigrams(title)
    best, best_score = None, 0.6
    for section in sections:
        have = _bigrams(section["title"])
        if not have or not wanted:
            continue
        score = 2 * len(have & wanted) / (len(have) + len(wanted))
        if score >= best_score:
            best, best_score = section["index"], score
    return best
