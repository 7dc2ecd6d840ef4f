"""Forms met in a trial on unseen notices: copies extracted from PDF or Word, and
division-of-labour tables in text forms the samples do not show.

Each test is a family of forms, written small: the inputs have the shape of real lines (page
furniture, wrapped lines, cell layouts), not copies of one notice.
"""

from __future__ import annotations

import pytest

from creditplan import parse_text

L, S, R = "lead", "support", "responsible"


def units(task) -> list[tuple[str, str]]:
    return [(u.name, u.role) for u in task.units]


def warned(notice, *codes: str) -> list:
    return [w for w in notice.warnings if not codes or w.code in codes]


# -- tables that lost their borders ------------------------------------------------------------

@pytest.mark.parametrize("header", ["序号工作任务责任单位时间进度", "序号 工作任务 责任单位 时间进度"])
def test_a_borderless_table_gives_no_warning_about_its_own_lines(header: str) -> None:
    notice = parse_text(f"某区2018年信用建设任务分工\n{header}\n"
                        "1 建立信用承诺制度。区发改委、区财政局2018年底前完成\n"
                        "2 制定联合奖惩措施清单。区市场监管局牵头,各街镇配合2018年6月底前\n")
    assert [t.index for t in notice.tasks] == [1, 2]
    assert not warned(notice) and notice.coverage == 1.0
