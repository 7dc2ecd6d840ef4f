"""CSV for spreadsheets: one row per task, or one per task and unit (long form, for pivots).

RFC 4180: the ``csv`` module's minimal quoting, ``\\r\\n`` line ends, a header row always (so
no notices still gives a valid file). ``None`` is an empty cell, booleans are ``true``/``false``.
With ``bom`` the text starts with U+FEFF, which UTF-8 encodes as EF BB BF: Excel on a Chinese
Windows then reads the file as UTF-8 instead of GBK.

Columns, in this order (``TASK_COLUMNS``, the default ``tasks`` layout):

====================  ===============================================================
source                the file the notice came from (empty for stdin)
title                 the notice's plan title
year                  the year the plan is for
region                the area the plan covers
origin                clause or table
section               the task's level-1 heading number (一、 → 1)
section_title         that heading's words
group                 the heading between section and task, or the table category
index                 the task's own number
task_title            the task's heading-like first sentence, if any
text                  the task's whole text
lead                  units with role lead, joined with ;
support               units with role support, joined with ;
responsible           units with role responsible, joined with ;
units_open            true when the unit list ends in 等 (it is not complete)
deadline              the 完成时限 cell or field
note                  the 备注 cell
line                  the input line where the task starts
====================  ===============================================================

The ``units`` layout (``UNIT_COLUMNS``) has one row per unit of a task; tasks without units
give no row: source, title, year, region, origin, section, section_title, group, index,
task_title, unit (the name as written), canonical (one name per agency), role, line.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from .frame import Frame, join

if TYPE_CHECKING:
    from ..models import Notice, Task
    from . import ExportOptions

NOTICE_COLUMNS = ("source", "title", "year", "region")
TASK_KEY_COLUMNS = ("origin", "section", "section_title", "group", "index", "task_title")

TASK_COLUMNS = (*NOTICE_COLUMNS, *TASK_KEY_COLUMNS, "text", "lead", "support", "responsible",
                "units_open", "deadline", "note", "line")
UNIT_COLUMNS = (*NOTICE_COLUMNS, *TASK_KEY_COLUMNS, "unit", "canonical", "role", "line")

ROLES = ("lead", "support", "responsible")
# Not 、: a unit may hold one (各市、州、县人民政府 is one class of places). ";" never stands in a
# unit's name outside brackets (unit lists are split on it), so the column splits back exactly.
UNIT_SEPARATOR = ";"


def export_csv(notices: Iterable[Notice], options: ExportOptions) -> Iterator[str]:
    """The header, then the rows of each notice as one chunk."""
    return join((render_csv(notice, options) for notice in notices), csv_frame(options))


def render_csv(notice: Notice, options: ExportOptions) -> str:
    """The rows of one notice in ``options.csv_layout``, without the header."""
    columns, rows_of = _layout(options)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows([_cell(row[name]) for name in columns] for row in rows_of(notice))
    return buffer.getvalue()


def csv_frame(options: ExportOptions) -> Frame:
    """The header row first, after a BOM with ``options.bom``; nothing else."""
    columns, _ = _layout(options)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(columns)
    return Frame(head=("\ufeff" if options.bom else "") + buffer.getvalue())


def task_rows(notice: Notice) -> Iterator[dict]:
    """One dict per task, keyed by ``TASK_COLUMNS``."""
    titles = _section_titles(notice)
    for task in notice.tasks:
        by_role = {role: [u.name for u in task.units if u.role == role] for role in ROLES}
        yield {**_task_keys(notice, task, titles), "text": task.text,
               **{role: UNIT_SEPARATOR.join(names) for role, names in by_role.items()},
               "units_open": task.units_open, "deadline": task.deadline, "note": task.note,
               "line": task.line}


def unit_rows(notice: Notice) -> Iterator[dict]:
    """One dict per unit of each task, keyed by ``UNIT_COLUMNS``."""
    titles = _section_titles(notice)
    for task in notice.tasks:
        keys = _task_keys(notice, task, titles)
        for unit in task.units:
            yield {**keys, "unit": unit.name, "canonical": unit.canonical, "role": unit.role,
                   "line": task.line}


def _section_titles(notice: Notice) -> dict[int, str]:
    return {section.index: section.title for section in notice.sections}


def _task_keys(notice: Notice, task: Task, section_titles: dict[int, str]) -> dict:
    return {"source": notice.source, "title": notice.title, "year": notice.year,
            "region": notice.region, "origin": task.origin, "section": task.section,
            "section_title": section_titles.get(task.section), "group": task.group,
            "index": task.index, "task_title": task.title}


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _layout(options: ExportOptions) -> tuple[tuple[str, ...], Callable]:
    """The columns and the row maker of ``options.csv_layout``."""
    if options.csv_layout == "tasks":
        return TASK_COLUMNS, task_rows
    if options.csv_layout == "units":
        return UNIT_COLUMNS, unit_rows
    raise ValueError(f"unknown csv layout {options.csv_layout!r}: tasks or units")
