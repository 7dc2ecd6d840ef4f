"""Division-of-labour tables (任务分工表): every data row a task, however the table was flattened.

A table arrives as lines of cells separated by ``|`` (or tabs), with merged cells lost (a
category written only on its first row, so later rows are one cell short), its header repeated
after every page break, section rows (一、… with empty cells) and category rows ((一)… on the
first task row of its category). ``table_regions`` finds where tables stand, ``table_columns``
reads headers and matches each row's cells to the columns by what they look like; this module
reads a region line by line into sections, categories and tasks.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..lazy import LazyPattern
from .numbering import cn_to_int
from .responsibility import parse_cell
from .state import ParseState
from .table_cells import (continues, index_number, is_section_row, join_continued,
                          refit_continuation)
from .table_columns import (CATEGORY_CELL, RULE_ROW, SECTION_CELL, Column, assign_cells,
                            extra_note, header_columns, read_header, split_cells)
from .table_regions import CONTINUED_TABLE, TABLE_TITLE, find_tables
from .units import unit_records

__all__ = ["find_tables", "parse_tables"]


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
        cells = split_cells(line)
        if number == skip or not any(cells) or RULE_ROW.match(line) or CONTINUED_TABLE.match(line):
            if any(cells):
                state.place(line_start, line_end)
            continue
        header, two_lines = header_columns(cells), False
        if header or columns is None:    # a header's second line is read only after its first
            header, two_lines = read_header(cells, lines[number + 1] if number + 1 < len(lines)
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


def _note(row: dict) -> str | None:
    """The 备注 cell, with the cells of columns no field holds after it."""
    return "; ".join(filter(None, (row.get("note"), extra_note(row)))) or None


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
            "units_open": is_open, "deadline": row.get("deadline"), "note": _note(row),
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
