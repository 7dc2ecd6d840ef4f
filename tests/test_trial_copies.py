"""Forms met in a trial on twelve unseen notices and their damaged and converted copies
(Taiwan and Hong Kong script, Big5, GBK, UTF-16, pinyin, lost spaces, byte shifts, mojibake,
HTML, flattened), read one by one and as a batch.

Each test is a family of forms, written small; damaged inputs are made by code from clean
lines, the way the damage happens.
"""

from __future__ import annotations

import pytest

from creditplan import parse_text

L, S, R = "lead", "support", "responsible"


def units(task) -> list[tuple[str, str]]:
    return [(u.name, u.role) for u in task.units]


# -- labelled fields without a bracket -----------------------------------------------------------

@pytest.mark.parametrize(("fields", "expected"), [
    ("责任单位:州发展改革委,州大数据局。", [("州发展改革委", R), ("州大数据局", R)]),
    ("牵头单位:州发改委;配合单位:州财政局。", [("州发改委", L), ("州财政局", S)]),
    ("责任单位:州发改委;", [("州发改委", R)]),
])
def test_labels_closing_a_task_keep_their_full_stop(fields: str, expected) -> None:
    """The full stop after 责任单位:A,B。 closes the labels; the task keeps no second one."""
    notice = parse_text(f"一、主要任务\n1、建设平台。实现互联互通。{fields}\n2、开展评价。结果公开。\n")
    assert notice.tasks[0].text == "建设平台。实现互联互通。"
    assert units(notice.tasks[0]) == expected
