"""Tables flattened without separators: rows recovered by the 序号 sequence.

A table pasted as plain text loses its borders: the header runs together (序号工作任务责任单位
时间进度) and rows are glued (…2018年底前完成2 制定…). A row starts at the next 序号 where the
number follows the end of a row (a full stop, a deadline, an agency's name or a line start) and
precedes words; inside a row, the task runs to its last full stop, a deadline may close the row,
and the agencies stand between. Where that split fails the row is kept whole and a warning says
so.
"""

from __future__ import annotations

import regex

from ..lazy import LazyPattern
from ..normalize.edits import matches_at
from .responsibility import DEADLINE_CLAUSE, parse_cell
from .state import ParseState
from .table import HEADER_COLUMNS
from .table_bounds import lines_holding
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
_ROW_END = "。;\n 前底成持续化年月日委局办府心院部位门行构会队司组厅处室"
ROW_NUMBER = LazyPattern(r"(?<![\d.])(?P<n>\d{1,3})(?=[ ]?[\p{Han}《“(])")
# A deadline closing a row: the forms of a deadline clause in a bracket of units
# (``responsibility.DEADLINE_CLAUSE``: 2023年底前完成, 2023年6月以前完成, 每季度, 长期坚持 …),
# here at the row's end; and 持续 alone, a progress cell's shortest form.
DEADLINE_TAIL = LazyPattern(rf"(?:{DEADLINE_CLAUSE.pattern.removeprefix('^').removesuffix('$')}"
                            r"|持续)$")


def find_flat_tables(state: ParseState) -> None:
    """Mark a run-together header and what follows it as a table region."""
    starts = _lines_naming_the_index(state.text)
    for match in matches_at(HEADER_RUN, state.text, starts):
        if "|" in match.group() or any(s <= match.start() < e for s, e in state.tables):
            continue
        state.tables.append((match.start(), len(state.text)))
        state.meta.setdefault("tables_without_cells", set()).add(match.start())
        state.meta.setdefault("flat_tables", []).append(
            (match.start(), [_WORD_KIND[w] for w in HEADER_WORD.findall(match["words"])]))
        return


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
    for start, kinds in state.meta.pop("flat_tables", []):
        header_end = state.text.find("\n", start)
        header = HEADER_RUN.match(state.text, start)
        body_start = header.end() if header else max(header_end, start)
        state.place(start, body_start)
        _parse_rows(state, body_start, kinds)


def _parse_rows(state: ParseState, start: int, kinds: list[str]) -> None:
    text = state.text
    starts, expected = [], 1
    for match in ROW_NUMBER.finditer(text, start):
        before = text[match.start() - 1] if match.start() > start else "\n"
        if int(match["n"]) == expected and before in _ROW_END:
            starts.append((match.start(), match.end(), expected))
            expected += 1
    for i, (row_start, content_start, index) in enumerate(starts):
        row_end = starts[i + 1][0] if i + 1 < len(starts) else len(text.rstrip())
        task = _row(state, text[content_start:row_end].strip(), kinds, index, row_start, row_end)
        state.tasks.append(task)
        state.place(row_start, row_end)


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
