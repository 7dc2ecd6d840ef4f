"""Tables extracted cell by cell: every cell on lines of its own, no separators.

pdftotext (without -layout) and some PDF viewers give a table in reading order, one cell after
another: the header's words one a line (序号, 工作任务, 牵头单位 …), then each row as its 序号
alone on a line followed by its cells, a cell wrapped over as many lines as it took in its
column (市经信委、市 / 财政局). A row runs to the line holding the next 序号; the last row to its
deadline or its last unit cell, or to what follows the table (the plan's next heading, a
closing field, the signature: ``table_bounds``), never to the text's end. Inside a row the
task's text runs to its first full stop, a deadline may close the row, and the lines between
are the unit cells: a line is continued by the next when it ends in a list mark or its last
name is no agency's. docx2txt gives the same order with a blank line after every cell, each
cell whole on one line. When the unit cells do not match the unit columns the row is kept and
a warning says so.
"""

from __future__ import annotations

import re
from functools import partial

from ..lazy import LazyPattern
from .responsibility import parse_cell
from .state import ParseState
from .table_bounds import after_table, lines_holding
from .table_columns import DEADLINE_CELL, HEADER_COLUMNS
from .titles import flow
from .units import looks_like_agency, split_top, unit_records

_WORD_KIND = {word: kind for kind, words in HEADER_COLUMNS for word in words}
_INDEX_WORDS = dict(HEADER_COLUMNS)["index"]
INDEX_LINE = LazyPattern(r"^(?P<n>\d{1,3})[.、]?$", 0, re.compile)
MIN_HEADER_WORDS = 3
_ROLES = ("lead", "support", "responsible")
_SENTENCE_END = ("。", ";")
_LIST_END = ("、", ",", ";")


def find_vertical_tables(state: ParseState) -> None:
    """Mark a header written one word a line, and the rows after it, as a table region."""
    if not _index_word_alone(state.text):
        return     # the header begins with its 序号 on a line of its own: no such line, no table
    lines = state.text.split("\n")
    starts = _line_starts(lines)
    index = 0
    while index < len(lines):
        kinds, body = _header_at(lines, index) if lines[index].strip() in _INDEX_WORDS else \
            (None, index)
        if not kinds:
            index += 1
            continue
        rows = _row_starts(lines, body, kinds)
        if not rows:
            index = body
            continue
        spaced = body - index > len(kinds)     # a blank line after every cell (docx2txt)
        end_line = _table_end(lines, rows[-1], kinds, spaced)
        start, end = starts[index], starts[end_line - 1] + len(lines[end_line - 1])
        if not any(s < end and start < e for s, e in state.tables):
            state.tables.append((start, end))
            state.meta.setdefault("tables_without_cells", set()).add(start)
            state.meta.setdefault("vertical_tables", []).append((index, kinds, rows, end_line))
        index = end_line


def _index_word_alone(text: str) -> bool:
    r"""Whether 序号 (or 编号) stands alone on a line somewhere, found by string search.

    >>> _index_word_alone("序号 工作任务\n序号\n"), _index_word_alone("序号 工作任务")
    (True, False)
    """
    return any(text[start:end].strip() == word
               for word in _INDEX_WORDS for start, end in lines_holding(text, word))


def _line_starts(lines: list[str]) -> list[int]:
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    return starts


def _header_at(lines: list[str], index: int) -> tuple[list[str] | None, int]:
    """The column kinds of a header written one word a line from ``index``, naming its 序号
    (blank lines may stand between the words), and the line after its last word. A header
    names each column once: a word naming a column again is no header, and the reading stops
    there (read on, every 序号 line of 序号 repeated 15,000 times read all the lines after it).

    >>> _header_at(["序号", "工作任务", "", "牵头单位", "1"], 0)
    (['index', 'content', 'lead'], 4)
    >>> _header_at(["序号", "工作任务", "牵头单位", "序号"], 0)
    (None, 0)
    """
    kinds, at, body = [], index, index
    while at < len(lines) and (lines[at].strip() in _WORD_KIND or not lines[at].strip()):
        word = lines[at].strip()
        if word and _WORD_KIND[word] in kinds:
            return None, index
        if word:
            kinds.append(_WORD_KIND[word])
            body = at + 1
        at += 1
    if len(kinds) < MIN_HEADER_WORDS or kinds[0] != "index":
        return None, index
    return kinds, body


def _row_starts(lines: list[str], body: int, kinds: list[str]) -> list[int]:
    """The lines that hold each row's 序号, 1, 2, 3 … in sequence from ``body``, up to what
    follows the table (``table_bounds.after_table``; a date in a deadline column is a cell)."""
    rows: list[int] = []
    dated = "deadline" in kinds
    for number in range(body, len(lines)):
        line = lines[number].strip()
        if _is_row(line, len(rows) + 1):
            rows.append(number)
        elif not rows and line:
            break       # the first row must follow the header
        elif line and not (dated and _is_deadline(line)) and \
                after_table(lines, number, number, partial(_is_row, number=len(rows) + 1)) \
                is not None:
            break
    return rows


def _is_row(line: str, number: int) -> bool:
    match = INDEX_LINE.match(line)
    return bool(match) and int(match["n"]) == number


def _table_end(lines: list[str], last_row: int, kinds: list[str], spaced: bool) -> int:
    """The line after the last row: after its deadline, or after its last unit cell when unit
    columns close the header; at a blank line, at what follows the table (the plan's next
    heading, a closing field, a signature: ``table_bounds.after_table``), or at the text's
    end. In a copy with a blank line after every cell (``spaced``), each cell is one line: the
    row ends after as many lines as it has cells.

    >>> lines = ["1", "建立制度。", "市发改委", "市经信委、市", "财政局", "某市信用办", "2017年3月1日"]
    >>> _table_end(lines, 0, ["index", "content", "lead", "support"], False)
    5
    >>> _table_end(["1", "建立制度。", "市发改委", "某市信用办", "2017年3月1日"], 0,
    ...            ["index", "content", "responsible", "note"], False)
    3
    """
    unit_columns = _closing_unit_columns(kinds)
    cells, units, cell = 0, 0, ""       # cell: a unit cell that goes on in the next line
    task_done, own_end = False, None    # own_end: the line after the row's first unit cell
    for number in range(last_row + 1, len(lines)):
        line = lines[number].strip()
        if not line and not spaced:
            return number
        if not line:
            continue
        cells += 1
        if kinds[-1] == "deadline" and cells > 1 and _is_deadline(line):
            return number + 1
        # Signers may stand above a date only below the row's task and first unit cell.
        first = number if own_end is None else own_end
        stop = after_table(lines, number, first, _no_row)
        if stop is not None:
            return stop
        if spaced and cells == len(kinds) - 1:
            return number + 1
        if not task_done:
            task_done = line.endswith(_SENTENCE_END)   # the task's lines, as ``_row`` reads them
            continue
        units += not cell
        cell += line
        if _goes_on(cell):
            continue
        cell = ""
        if own_end is None:
            own_end = number + 1
        if not spaced and units == unit_columns:
            return number + 1
    return len(lines)


def _no_row(line: str) -> bool:
    """After the last row no line opens a row (``_row_starts`` found them all)."""
    return False


def _closing_unit_columns(kinds: list[str]) -> int:
    """How many unit columns close the header, right after its content column (序号 工作任务
    牵头单位 配合单位: 2); 0 when another column follows them.

    >>> _closing_unit_columns(["index", "content", "lead", "support"])
    2
    >>> _closing_unit_columns(["index", "content", "lead", "deadline"])
    0
    """
    count = 0
    while count < len(kinds) and kinds[-1 - count] in _ROLES:
        count += 1
    return count if count < len(kinds) and kinds[-1 - count] == "content" else 0


def _is_deadline(line: str) -> bool:
    return "。" not in line and bool(DEADLINE_CELL.match(line)) and not looks_like_agency(line)


def parse_vertical_tables(state: ParseState) -> None:
    """Every row of every table written cell by cell as a task."""
    if not state.meta.get("vertical_tables"):
        return
    lines = state.text.split("\n")
    starts = _line_starts(lines)
    for header, kinds, rows, end_line in state.meta.pop("vertical_tables", []):
        state.place(starts[header], starts[rows[0]])
        words = [line.strip() for line in lines[header:rows[0]] if line.strip()]
        for number, row in enumerate(rows):
            stop = rows[number + 1] if number + 1 < len(rows) else end_line
            cells = _without(words, [line.strip() for line in lines[row + 1:stop] if line.strip()])
            start, end = starts[row], starts[stop - 1] + len(lines[stop - 1])
            state.tasks.append(_row(state, cells, kinds, number + 1, start, end))
            state.place(start, end)


def _without(header: list[str], cells: list[str]) -> list[str]:
    """A row's lines without the header repeated after a page break inside it.

    >>> _without(["序号", "任务"], ["建立制度。", "2017年底", "序号", "任务"])
    ['建立制度。', '2017年底']
    """
    for at in range(len(cells) - len(header) + 1):
        if cells[at:at + len(header)] == header:
            return cells[:at] + cells[at + len(header):]
    return cells


def _row(state: ParseState, cells: list[str], kinds: list[str], index: int, start: int,
         end: int) -> dict:
    deadline = None
    if kinds[-1] == "deadline" and len(cells) > 1 and _is_deadline(cells[-1]):
        deadline, cells = cells[-1], cells[:-1]
    stop = next((i for i, line in enumerate(cells) if line.endswith(_SENTENCE_END)), 0)
    content, rest = flow("\n".join(cells[:stop + 1])), cells[stop + 1:]
    roles = [kind for kind in kinds if kind in _ROLES] or ["responsible"]
    groups = _unit_cells(rest)
    if len(groups) > len(roles) or not content.endswith(_SENTENCE_END) and rest:
        state.warn("vertical_table_row", f"row {index} of a table written cell by cell: its "
                   f"cells did not match its columns; units read as {roles[0]}", start)
        roles = [roles[0]] * len(groups)
    units, is_open = [], False
    for group, role in zip(groups, roles):
        found, group_open = parse_cell(group, role)
        units.extend(found)
        is_open = is_open or group_open
    return {"origin": "table", "section": None, "group": None, "index": index, "path": [index],
            "title": None, "text": content, "units": unit_records(units), "units_open": is_open,
            "deadline": deadline, "note": None, "line": state.line_of(start), "span": (start, end)}


def _unit_cells(lines: list[str]) -> list[str]:
    """The unit cells in a row's lines: a line ending in a list mark, or whose last name is no
    agency's, goes on in the next line.

    >>> _unit_cells(["市发改委", "市经信委、市", "财政局"])
    ['市发改委', '市经信委、市财政局']
    >>> _unit_cells(["人行芜湖市中", "心支行"])
    ['人行芜湖市中心支行']
    """
    cells: list[str] = []
    open_cell = False
    for line in lines:
        if open_cell:
            cells[-1] += line
        else:
            cells.append(line)
        open_cell = _goes_on(cells[-1])
    return cells


def _goes_on(cell: str) -> bool:
    """Whether a unit cell goes on in the next line: it ends in a list mark, or its last name
    is no agency's."""
    names = split_top(cell, "、,;")
    return cell.endswith(_LIST_END) or not names or not looks_like_agency(names[-1])
