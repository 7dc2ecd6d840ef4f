"""Forms a review found misread by the borderless table readers, each written as a family.

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
