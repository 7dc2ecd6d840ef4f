"""Markdown: a readable report of each notice, for GitHub or any CommonMark renderer.

A report is the title (``#``), a metadata table, one ``##`` heading per section (一、…) with
its own text and its tasks as numbered lists, table tasks under ``### 任务分工表`` in their
section (or under ``## 任务分工表`` when they have none), groups as ``###``/``####`` headings,
then the tasks by agency and the parser's warnings. Several reports are separated by ``---``.

Text from the notice is escaped (``inline``) so that it always renders as the words it is:
ASCII characters with a Markdown meaning get a backslash, and a line start that would open a
block (``1. ``, ``- ``, ``+``) is defused.
"""

from __future__ import annotations

import unicodedata
from itertools import groupby
from typing import TYPE_CHECKING, Iterable, Iterator

import regex

from .frame import Frame, join
from .units import count_units

if TYPE_CHECKING:
    from ..models import Notice, Task
    from . import ExportOptions

ROLE_LABELS = (("lead", "牵头"), ("support", "配合"), ("responsible", "负责"))
SCRIPT_LABELS = {"simplified": "简体", "traditional": "繁体"}
NO_NOTICES = "_No notices._\n"

# ASCII characters that can start or end Markdown syntax inside a line: emphasis (* _ ~),
# code (`), links and images ([ ]), raw HTML (< >) and entities (&), table cells (|),
# headings (#), GitHub math ($), and the escape character itself.
_SPECIAL = regex.compile(r"[\\`*_\[\]<>|#~&$]")

# Line starts that open a block: an ordered list marker (1. or 1)) and bullet or break
# markers (- and +; * is escaped everywhere anyway). Indentation would make a code block.
_BLOCK_START = regex.compile(r"""
    ^(?: (?P<number>\d{1,9}) (?P<mark>[.)]) (?=\s|$)    # 1. or 1) followed by a space
       | (?P<bullet>[-+])                              # - item, + item, --- rule
    )""", regex.VERBOSE)

_CHINESE_DIGITS = "零一二三四五六七八九"


def export_markdown(notices: Iterable[Notice], options: ExportOptions) -> Iterator[str]:
    """One report per notice, separated by a thematic break; a short note for none."""
    return join((render_markdown(notice, options) for notice in notices),
                markdown_frame(options))


def render_markdown(notice: Notice, options: ExportOptions) -> str:
    """One notice's report (``notice_report``; no option changes it)."""
    return notice_report(notice)


def markdown_frame(options: ExportOptions) -> Frame:
    """A thematic break between reports, ``NO_NOTICES`` for none."""
    return Frame(between="\n---\n\n", empty=NO_NOTICES)


def notice_report(notice: Notice) -> str:
    """The whole report of one notice, ending with a newline."""
    title = notice.title or notice.notice_title or notice.source or "Untitled notice"
    blocks = [f"# {inline(title)}", metadata_table(notice), *body_blocks(notice),
              *unit_blocks(notice), *warning_blocks(notice)]
    return "\n\n".join(blocks) + "\n"


def metadata_table(notice: Notice) -> str:
    """The notice's fields as a two-column table; a missing value shows as —."""
    rows = [("来源文件", notice.source), ("通知标题", notice.notice_title),
            ("文号", notice.doc_number), ("发文机关", "、".join(notice.issuers)),
            ("成文日期", notice.issue_date), ("年度", notice.year), ("地区", notice.region),
            ("主送", "、".join(notice.addressees)),
            ("原文字体", SCRIPT_LABELS.get(notice.script, notice.script)),
            ("覆盖率", f"{notice.coverage:.1%}"), ("任务", _task_count(notice))]
    lines = ["| 项目 | 内容 |", "|---|---|"]
    lines += [f"| {label} | {inline(str(value)) if value not in (None, '') else '—'} |"
              for label, value in rows]
    return "\n".join(lines)


def body_blocks(notice: Notice) -> Iterator[str]:
    """The sections in order, each with its text and tasks; then tasks without a section."""
    by_section: dict[int | None, list[Task]] = {}
    for task in notice.tasks:
        by_section.setdefault(task.section, []).append(task)
    for section in notice.sections:
        yield f"## {inline(section.number)}、{inline(section.title)}"
        if section.text:
            yield inline(section.text)
        yield from _task_blocks(notice, by_section.pop(section.index, []), level=3)
    for number, tasks in by_section.items():  # tasks whose section has no heading record
        if number is not None:
            yield f"## {chinese_number(number)}、"
            yield from _task_blocks(notice, tasks, level=3)
    loose = by_section.get(None, [])
    clauses = [task for task in loose if task.origin == "clause"]
    if clauses:
        yield "## 任务"
        yield from _list_blocks(notice, clauses, level=3)
    tables = [task for task in loose if task.origin == "table"]
    if tables:
        yield "## 任务分工表"
        yield from _list_blocks(notice, tables, level=3)


def unit_blocks(notice: Notice) -> Iterator[str]:
    """The tasks by agency, as in ``creditplan units``."""
    yield "## 按单位统计"
    rows = count_units([notice])
    if not rows:
        yield "_没有任务标注责任单位。_"
        return
    lines = ["| 单位 | 牵头 | 配合 | 负责 | 合计 |", "|---|---:|---:|---:|---:|"]
    lines += [f"| {inline(row.canonical)} | {row.lead} | {row.support} | {row.responsible} "
              f"| {row.total} |" for row in rows]
    yield "\n".join(lines)


def warning_blocks(notice: Notice) -> Iterator[str]:
    """The parser's warnings, one list item each, when there are any."""
    if notice.warnings:
        yield "## 警告"
        yield "\n".join(f"- {f'第{w.line}行：' if w.line else ''}{inline(w.message)}"
                        f"（{inline(w.code)}）" for w in notice.warnings)


def task_item(task: Task) -> str:
    """One list item: ``1. **title** text — **牵头** A、B; **配合** C``."""
    text = task.text
    if task.title:
        rest = text[len(task.title):] if text.startswith(task.title) else " " + text
        # Bold closes only before a space or punctuation when the title ends in punctuation.
        if rest and not _is_space_or_punctuation(rest[0]):
            rest = " " + rest
        body = f"**{inline(task.title)}**{inline(rest, at_line_start=False)}"
    else:
        body = inline(text)
    details = [f"**{label}** {inline('、'.join(u.name for u in task.units if u.role == role))}"
               for role, label in ROLE_LABELS if any(u.role == role for u in task.units)]
    if details and task.units_open:
        details[-1] += "等"
    if task.deadline:
        details.append(f"**时限** {inline(task.deadline)}")
    if task.note:
        details.append(f"**备注** {inline(task.note)}")
    trailer = " — " + "; ".join(details) if details else ""
    return f"{task.index}. {body}{trailer}"


def inline(text: str, *, at_line_start: bool = True) -> str:
    """``text`` as one line of Markdown that renders as exactly these words.

    >>> inline("1. 见《办法》|第*3*条")
    '1\\\\. 见《办法》\\\\|第\\\\*3\\\\*条'
    """
    text = " ".join(text.split("\n")).replace("\r", " ")
    text = _SPECIAL.sub(lambda m: "\\" + m.group(), text)
    if at_line_start:
        text = text.lstrip()
        text = _BLOCK_START.sub(lambda m: (m["number"] + "\\" + m["mark"]) if m["number"]
                                else "\\" + m["bullet"], text)
    return text


def chinese_number(number: int) -> str:
    """一 … 九十九 as notices write them; other numbers as digits.

    >>> chinese_number(2), chinese_number(10), chinese_number(16), chinese_number(42)
    ('二', '十', '十六', '四十二')
    """
    if not 0 < number < 100:
        return str(number)
    tens, ones = divmod(number, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _CHINESE_DIGITS[tens] + "十")
    return head + (_CHINESE_DIGITS[ones] if ones else "")


def _task_blocks(notice: Notice, tasks: list[Task], *, level: int) -> Iterator[str]:
    """A section's clause tasks, then its table tasks under their own heading."""
    clauses = [task for task in tasks if task.origin == "clause"]
    tables = [task for task in tasks if task.origin == "table"]
    yield from _list_blocks(notice, clauses, level=level)
    if tables:
        yield f"{'#' * level} 任务分工表"
        yield from _list_blocks(notice, tables, level=level + 1)


def _list_blocks(notice: Notice, tasks: list[Task], *, level: int) -> Iterator[str]:
    """Runs of tasks as numbered lists, each group's run under the group's heading."""
    titles = {(g.origin, g.section, g.index): g.title for g in notice.groups}
    for (origin, section, group), run in groupby(tasks, lambda t: (t.origin, t.section,
                                                                   t.group)):
        if group is not None:
            title = inline(titles.get((origin, section, group), ""))
            yield f"{'#' * level} （{chinese_number(group)}）{title}".rstrip()
        yield "\n".join(task_item(task) for task in run)


def _task_count(notice: Notice) -> str:
    clauses = sum(task.origin == "clause" for task in notice.tasks)
    tables = len(notice.tasks) - clauses
    return f"{len(notice.tasks)}（条款 {clauses}，分工表 {tables}）"


def _is_space_or_punctuation(char: str) -> bool:
    return char.isspace() or unicodedata.category(char)[0] in "PS"
