"""Forms a review found misread by the borderless table readers, each written as a family.

- A table without borders ends at the first line none of its rows holds: the plan's next
  heading (二、, (二)), a closing field, the signature. It once ran to the text's end, and the
  signature became its last row's units (a signing body a unit, its date a row or a unit).
- A flat row's number after 年 or 月 only after a deadline closing the row's units: the 3 of
  力争2023年3项指标 is the task's own.
- Every flat table is read, not only the first.
- A row's deadline in any form a deadline clause takes (以前完成, 每季度, 每年 …), never a unit.
"""

from __future__ import annotations

import pytest

from creditplan import parse_text

L, S, R = "lead", "support", "responsible"

FLAT_HEADER = "某区2023年信用建设任务分工\n序号工作任务责任单位时间进度\n"


def units(task) -> list[tuple[str, str]]:
    return [(u.name, u.role) for u in task.units]


# -- a row's deadline ----------------------------------------------------------------------------

@pytest.mark.parametrize("deadline", ["2023年6月以前完成", "2023年以前", "于2023年底前完成", "每季度",
                                      "按季度", "每年", "全年开展", "2023年6月底前", "长期坚持", "持续"])
@pytest.mark.parametrize("gap", ["", " "])
def test_a_flat_rows_deadline_in_every_form_of_a_deadline_clause(deadline: str, gap: str) -> None:
    """The forms ``responsibility.DEADLINE_CLAUSE`` knows close a flat row too; 以前 and
    每季度 once stayed with the units (市发改委 2023年6月以前完成 gave the unit 2023年6月以前完成)."""
    notice = parse_text(FLAT_HEADER + f"1 建立信用承诺制度。市发改委{gap}{deadline}\n"
                        f"2 开展诚信宣传。市委宣传部、市文明办{gap}{deadline}\n")
    assert [(t.index, units(t), t.deadline) for t in notice.tasks] == [
        (1, [("市发改委", R)], deadline), (2, [("市委宣传部", R), ("市文明办", R)], deadline)]
    assert not notice.warnings


# -- a table run together without borders (flat) ----------------------------------------------

FLAT_ROWS = ("1 建立信用承诺制度。区发改委、区财政局2023年底前完成\n"
             "2 制定联合奖惩措施清单。区市场监管局牵头,各街镇配合2023年6月底前\n")
FLAT_TASKS = [(1, "建立信用承诺制度。", [("区发改委", R), ("区财政局", R)], "2023年底前完成"),
              (2, "制定联合奖惩措施清单。", [("区市场监管局", L), ("各街镇", S)], "2023年6月底前")]
SIGNER = "某区社会信用体系建设领导小组办公室"

# What follows a table: (text, issuers, issue date, whether its words stay unplaced)
AFTER_A_TABLE = [
    pytest.param(f"二、保障措施\n各部门要加强组织领导。\n{SIGNER}\n2023年3月1日\n",
                 [SIGNER], "2023-03-01", True, id="section-then-signature"),
    pytest.param("(二)保障措施\n各部门要加强组织领导。\n", [], None, True, id="group-heading"),
    pytest.param(f"{SIGNER}\n2023年3月1日\n", [SIGNER], "2023-03-01", False, id="signature"),
    pytest.param(f"{SIGNER}    2023年3月1日\n", [SIGNER], "2023-03-01", False,
                 id="signature-on-one-line"),
    pytest.param("2023年3月1日\n", [], "2023-03-01", False, id="date-alone"),
    pytest.param("抄送:区委办公室,区人大办公室。\n", [], None, False, id="closing-field"),
]


def _table_words_unplaced(notice) -> bool:
    return any(w.code == "unplaced_text" for w in notice.warnings)


@pytest.mark.parametrize(("after", "issuers", "date", "unplaced"), AFTER_A_TABLE)
def test_a_flat_table_ends_where_its_rows_end(after: str, issuers, date, unplaced) -> None:
    """The last row keeps its own text, units and deadline; what follows gives no row, and
    the signature is the notice's."""
    notice = parse_text(FLAT_HEADER + FLAT_ROWS + after)
    assert [(t.index, t.text, units(t), t.deadline) for t in notice.tasks] == FLAT_TASKS
    assert (notice.issuers, notice.issue_date) == (issuers, date)
    assert [w.code for w in notice.warnings] == (["unplaced_text"] if unplaced else [])


@pytest.mark.parametrize("glue", ["", "\n"])
def test_a_year_in_a_flat_rows_task_is_no_row_number(glue: str) -> None:
    """After 年 or 月 a number opens a row only when a deadline closes the row's units before
    it (区发改委2023年2 推进…); 力争2023年3项 and 2023年3月 are the task's words."""
    notice = parse_text(FLAT_HEADER + f"1 建立信用承诺制度。区发改委2023年{glue}"
                        f"2 推进信用监管,力争2023年3项指标达标。区市场监管局2023年6月{glue}"
                        "3 开展诚信宣传,2023年3月前完成。区委宣传部长期坚持\n")
    assert [(t.index, t.text, units(t), t.deadline) for t in notice.tasks] == [
        (1, "建立信用承诺制度。", [("区发改委", R)], "2023年"),
        (2, "推进信用监管,力争2023年3项指标达标。", [("区市场监管局", R)], "2023年6月"),
        (3, "开展诚信宣传,2023年3月前完成。", [("区委宣传部", R)], "长期坚持")]
    assert not notice.warnings


@pytest.mark.parametrize("between", ["二、其他任务\n", "", "\n"])
def test_every_flat_table_is_read(between: str) -> None:
    """A second header whose rows are numbered from 1 again begins another table, after a
    heading or right after the first table's rows."""
    notice = parse_text("一、重点任务\n" + FLAT_HEADER.split("\n", 1)[1] + FLAT_ROWS + between
                        + "序号工作任务责任单位时间进度\n1 开展诚信宣传。区委宣传部长期坚持\n"
                        "2 推进信用修复。区发改委2023年底前\n")
    assert [(t.index, t.text, t.deadline) for t in notice.tasks] == [
        (1, "建立信用承诺制度。", "2023年底前完成"), (2, "制定联合奖惩措施清单。", "2023年6月底前"),
        (1, "开展诚信宣传。", "长期坚持"), (2, "推进信用修复。", "2023年底前")]


def test_a_flat_header_repeated_after_a_page_break_goes_on_with_its_table() -> None:
    """A header whose rows go on with the numbering is the same table's (its words stay in
    the row above, as before)."""
    notice = parse_text(FLAT_HEADER + FLAT_ROWS + "序号工作任务责任单位时间进度\n"
                        "3 开展诚信宣传。区委宣传部长期坚持\n")
    assert [t.index for t in notice.tasks] == [1, 2, 3]
    assert notice.tasks[2].deadline == "长期坚持"


# -- a table written cell by cell (vertical), without a deadline column ------------------------

VERTICAL_HEADER = "某市2017年重点工作任务分工表\n序号\n工作任务\n牵头单位\n配合单位\n"
VERTICAL_ROWS = ("1\n建立信用信息归集机制,实\n现市直部门全覆盖。\n市发改委\n市经信委、市\n财政局\n"
                 "2\n开展诚信宣传。\n市委宣传部\n市文明办\n")
VERTICAL_TASKS = [(1, "建立信用信息归集机制,实现市直部门全覆盖。",
                   [("市发改委", L), ("市经信委", S), ("市财政局", S)]),
                  (2, "开展诚信宣传。", [("市委宣传部", L), ("市文明办", S)])]


@pytest.mark.parametrize(("after", "issuers", "date", "unplaced"), [
    *AFTER_A_TABLE,
    pytest.param("各部门要加强组织领导。\n", [], None, True, id="prose"),
])
def test_a_cell_by_cell_table_ends_after_its_last_rows_cells(after: str, issuers, date,
                                                               unplaced) -> None:
    """Without a deadline column the last row ends with its last unit cell, or before what
    follows a table: the signature's date was once a lead unit."""
    notice = parse_text(VERTICAL_HEADER + VERTICAL_ROWS + after.replace("区", "市"))
    assert [(t.index, t.text, units(t)) for t in notice.tasks] == VERTICAL_TASKS
    assert (notice.issuers, notice.issue_date) == ([i.replace("区", "市") for i in issuers], date)
    assert [w.code for w in notice.warnings] == (["unplaced_text"] if unplaced else [])


@pytest.mark.parametrize("columns", [["责任单位"], ["牵头单位", "配合单位"]])
def test_a_cell_by_cell_rows_last_cell_goes_on_over_its_lines_before_a_signature(columns) -> None:
    """The last cell goes on over its lines (市委宣传部、市 / 文明办) before the row ends."""
    header = "某市2017年任务分工表\n序号\n工作任务\n" + "".join(c + "\n" for c in columns)
    last = "市委宣传部、市\n文明办\n" if len(columns) == 1 else "市委宣传部\n市文明办、市\n财政局\n"
    notice = parse_text(header + "1\n建立制度。\n市发改委\n" + ("市司法局\n" if len(columns) > 1 else "")
                        + "2\n开展诚信宣传。\n" + last + "某市信用办\n2017年3月1日\n")
    assert [len(t.units) for t in notice.tasks] == [len(columns), 2 if len(columns) == 1 else 3]
    assert notice.issuers == ["某市信用办"] and not notice.warnings


def test_a_heading_between_cell_by_cell_rows_followed_by_a_row_is_the_tables() -> None:
    """A category heading inside the table (二、… then the next row's 序号) does not end it."""
    notice = parse_text(VERTICAL_HEADER + VERTICAL_ROWS.replace("2\n开展", "二、信用宣传\n2\n开展"))
    assert [t.index for t in notice.tasks] == [1, 2]


@pytest.mark.xfail(strict=True, reason="a last row whose last unit cell is empty, then a "
                   "signature: the signing body reads as that cell (市委宣传部 / 某市信用办 / "
                   "2017年3月1日 gives the support unit 某市信用办), as a second signer above a "
                   "full row's last cell would read as a signer; only the date is kept out")
def test_a_signature_after_an_empty_last_cell_is_the_notices() -> None:
    notice = parse_text(VERTICAL_HEADER + VERTICAL_ROWS.replace("市文明办\n", "")
                        + "某市信用办\n2017年3月1日\n")
    assert units(notice.tasks[-1]) == [("市委宣传部", L)]
    assert notice.issuers == ["某市信用办"]
