"""Tables flattened without separators: rows recovered by the 序号 sequence.

A table pasted as plain text loses its borders: the header runs together (序号工作任务责任单位
时间进度) and rows are glued (…2018年底前完成2 制定…). A row starts at the next 序号 where the
number follows the end of a row (a full stop, a deadline, an agency's name or a line start) and
precedes words; inside a row, the task runs to its last full stop, a deadline may close the row,
and the agencies stand between. Where that split fails the row is kept whole and a warning says
so. A table ends at the first line none of its rows holds (the plan's next heading, a closing
field, the signature: ``table_bounds``), and a header whose rows are numbered from 1 again
begins a table of its own.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

import regex

from ..lazy import LazyPattern
from ..normalize.edits import matches_at
from .responsibility import DEADLINE_CLAUSE, parse_cell
from .state import ParseState
from .table_bounds import after_table, lines_holding
from .table_columns import HEADER_COLUMNS
from .titles import flow
from .units import unit_records

_HEADER_WORDS = sorted((w for _, words in HEADER_COLUMNS for w in words), key=len, reverse=True)
_WORD_KIND = {w: kind for kind, words in HEADER_COLUMNS for w in words}
HEADER_RUN = LazyPattern(
    rf"^[ ]*(?P<words>(?:(?:{'|'.join(_HEADER_WORDS)})[ ]*){{3,8}})(?=[ ]*(?:\n|1[ ]?\p{{Han}}))",
    regex.MULTILINE)
HEADER_WORD = LazyPattern("|".join(_HEADER_WORDS))
_INDEX_WORDS = dict(HEADER_COLUMNS)["index"]     # 序号, 编号

# Where a row ends, the character just before the next 序号: a full stop, the end of a
# deadline (…前, …底, …完成, 长期坚持), an agency's last character, a space or a line break.
_AGENCY_END = "委局办府心院部位门行构会队司组厅处室"
_ROW_END = "。;\n 前底成持续化年月日" + _AGENCY_END
# A deadline ending in one of these (…2023年, …6月, …30日) ends a row only after the row's units:
# their last character (an agency's, or a role word's: 配合, 牵头, 负责), a space or a line break.
# The number after 力争2023年 is the task's own (3项指标).
_DATE_ENDS = "年月日"
_UNITS_END = "。;\n " + _AGENCY_END + "合头责"
_TAIL_REACH = 30       # longer than any deadline tail: 于2023年12月31日以前完成
ROW_NUMBER = LazyPattern(r"(?<![\d.])(?P<n>\d{1,3})(?=[ ]?[\p{Han}《“(])")
# A deadline closing a row: the forms of a deadline clause in a bracket of units
# (``responsibility.DEADLINE_CLAUSE``: 2023年底前完成, 2023年6月以前完成, 每季度, 长期坚持 …),
# here at the row's end; and 持续 alone, a progress cell's shortest form.
DEADLINE_TAIL = LazyPattern(rf"(?:{DEADLINE_CLAUSE.pattern.removeprefix('^').removesuffix('$')}"
                            r"|持续)$")


def find_flat_tables(state: ParseState) -> None:
    """Mark each run-together header and its rows as a table region: to the first line that
    none of its rows holds (``_table_stop``), or the next bordered table."""
    text = state.text
    headers = [match for match in matches_at(HEADER_RUN, text, _lines_naming_the_index(text))
               if "|" not in match.group()]
    if not headers:
        return
    lines = text.split("\n")
    line_starts = list(accumulate((len(line) + 1 for line in lines[:-1]), initial=0))
    taken = sorted(state.tables)
    taken_starts = [start for start, _ in taken]
    end = 0
    for match in headers:
        start = match.start()
        at = bisect_right(taken_starts, start)
        if start < end or at and start < taken[at - 1][1]:
            continue        # inside a table already found
        stop = _table_stop(text, lines, line_starts, bisect_right(line_starts, start) - 1)
        stop = min(line_starts[stop] if stop < len(lines) else len(text),
                   taken_starts[at] if at < len(taken) else len(text))
        end = start + len(text[start:stop].rstrip())
        state.tables.append((start, end))
        state.meta.setdefault("tables_without_cells", set()).add(start)
        state.meta.setdefault("flat_tables", []).append(
            (start, end, [_WORD_KIND[w] for w in HEADER_WORD.findall(match["words"])]))


def _table_stop(text: str, lines: list[str], starts: list[int], header: int) -> int:
    """The first line after a header's that none of its rows holds: what follows a table
    (``table_bounds.after_table``), or the header of another table, whose rows are numbered
    from 1 again (a header repeated after a page break goes on with the numbering)."""
    for number in range(header + 1, len(lines)):
        if any(word in lines[number] for word in _INDEX_WORDS) and \
                _opens_a_table(text, starts[number]):
            return number
        stop = after_table(lines, number, header + 1, _opens_a_row_line)
        if stop is not None:
            return stop
    return len(lines)


def _opens_a_table(text: str, pos: int) -> bool:
    """Whether a header at ``pos`` is followed by a row 1."""
    header = HEADER_RUN.match(text, pos)
    row = header and ROW_NUMBER.match(text, _BLANKS.match(text, header.end()).end())
    return bool(row) and row["n"] == "1"


def _opens_a_row_line(line: str) -> bool:
    return bool(ROW_NUMBER.match(line))


_BLANKS = regex.compile(r"\s*")


def _lines_naming_the_index(text: str) -> list[int]:
    r"""Starts of the lines that hold 序号 or 编号: every table header found in notices names
    its 序号 column, so only these lines are tried (found by string search, not by trying the
    header pattern at every line).

    >>> _lines_naming_the_index("甲\n序号 工作任务\n乙编号")
    [2, 10]
    """
    return sorted({start for word in _INDEX_WORDS for start, _ in lines_holding(text, word)})


def parse_flat_tables(state: ParseState) -> None:
    """Rows of every flattened table as tasks."""
    for start, end, kinds in state.meta.pop("flat_tables", []):
        header_end = state.text.find("\n", start, end)
        header = HEADER_RUN.match(state.text, start, end)
        body_start = header.end() if header else max(header_end, start)
        state.place(start, body_start)
        _parse_rows(state, body_start, end, kinds)


def _parse_rows(state: ParseState, start: int, end: int, kinds: list[str]) -> None:
    text = state.text
    starts, expected = [], 1
    for match in ROW_NUMBER.finditer(text, start, end):
        if int(match["n"]) == expected and _ends_a_row(text, start, match):
            starts.append((match.start(), match.end(), expected))
            expected += 1
    for i, (row_start, content_start, index) in enumerate(starts):
        row_end = starts[i + 1][0] if i + 1 < len(starts) else end
        task = _row(state, text[content_start:row_end].strip(), kinds, index, row_start, row_end)
        state.tasks.append(task)
        state.place(row_start, row_end)


def _ends_a_row(text: str, start: int, number: regex.Match) -> bool:
    """Whether the text before a row number ends a row (``_ROW_END``); after 年, 月 or 日, only
    a deadline standing after the row's units does, and a number before 月 or 日 is a date's.

    >>> text = "1 建立。区发改委2023年2 推进,力争2023年3项达标。区财政局2023年3月3 开展"
    >>> [text[m.start():m.end() + 3] for m in ROW_NUMBER.finditer(text) if _ends_a_row(text, 0, m)]
    ['1 建立', '2 推进', '3 开展']
    """
    at = number.start()
    before = text[at - 1] if at > start else "\n"
    if before not in _ROW_END:
        return False
    if before not in _DATE_ENDS:
        return True
    if text.startswith(("月", "日"), number.end()):
        return False
    tail = DEADLINE_TAIL.search(text, max(start, at - _TAIL_REACH), at)
    return bool(tail) and tail.start() > start and text[tail.start() - 1] in _UNITS_END


# Where a copy kept a table's columns apart by spaces (pdftotext -layout, a PDF viewer's copy):
# a space between two names, not one just after a list separator (市发改委、 市财政局) or inside
# a bracket. Names have no spaces of their own (they are removed from every name).
CELL_GAP = LazyPattern(r"(?<![、,;(])[ ]+(?![、,;)])")


def _unit_cells(cell: str, roles: list[str]) -> tuple[list, bool, bool]:
    """Units of the stretch between a row's task and its deadline, with the open-list flag and
    whether the cells fitted the columns. Space-separated cells fill the unit columns left to
    right (an empty cell can only be the last: its spaces are gone); more cells than columns
    are all read with the first column's role.

    >>> [(u.name, u.role) for u in _unit_cells("市质监局 市工商局、市民政局", ["lead", "support"])[0]]
    [('市质监局', 'lead'), ('市工商局', 'support'), ('市民政局', 'support')]
    """
    parts = [p for p in CELL_GAP.split(cell) if p] if " " in cell else [cell]
    fits = len(parts) <= len(roles)
    units, is_open = [], False
    for number, part in enumerate(parts):
        found, part_open = parse_cell(part, roles[number] if fits else roles[0])
        units.extend(found)
        is_open = is_open or part_open
    return units, is_open, fits or len(roles) == 1


def _row(state: ParseState, row: str, kinds: list[str], index: int, start: int, end: int) -> dict:
    deadline = None
    match = DEADLINE_TAIL.search(row)
    if "deadline" in kinds and match:
        deadline, row = match.group(), row[:match.start()].rstrip()
    stop = max(row.rfind("。"), row.rfind(";"))
    content, cell = (row[:stop + 1], row[stop + 1:].strip()) if stop >= 0 else (row, "")
    roles = [k for k in kinds if k in ("lead", "support", "responsible")] or ["responsible"]
    units, is_open, fits = _unit_cells(cell, roles) if cell else ([], False, True)
    if cell and not units or not cell:
        state.warn("flat_table_row", f"row {index} of a flattened table: could not tell the task "
                   f"from its units", start)
    elif not fits:
        state.warn("flat_table_row", f"row {index} of a flattened table: more space-separated "
                   f"cells of units than unit columns; all read as {roles[0]}", start)
    if "\n" in row and " " in row:    # cells apart by spaces, wrapped onto the next lines
        state.warn("flat_table_row", f"row {index} of a flattened table wraps over lines with "
                   f"its cells side by side: its text and units may mix columns", start)
    return {"origin": "table", "section": None, "group": None, "index": index,
            "path": [index], "title": None, "text": flow(content.strip()),
            "units": unit_records(units), "units_open": is_open, "deadline": deadline,
            "note": None, "line": state.line_of(start), "span": (start, end)}
